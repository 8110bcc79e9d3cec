"""Not built yet (see the issue tracker)."""

from __future__ import annotations

import argparse

from .cli import ExitStatus, UsageError


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("rest", nargs="*")


def run(args: argparse.Namespace) -> ExitStatus:
    raise UsageError("'framing report' is not available yet")
