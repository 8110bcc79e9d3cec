"""List the lexicons in use: each word list with its source, categories and size."""

from __future__ import annotations

import argparse

from .cli import ExitStatus
from .pipeline import resolve_lexicons


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--lexicons", action="append", default=[], metavar="DIR", help="extra lexicon folder (repeatable)")


def run(args: argparse.Namespace) -> ExitStatus:
    lex = resolve_lexicons(args.lexicons)
    print(f"lexicon version {lex.version}")
    for name, wl in sorted(lex.lists.items()):
        print(f"{name:<24} {len(wl.entries):>5} terms  categories: {', '.join(wl.categories)}")
        print(f"{'':<24} source: {wl.source}")
    for name, table in sorted(lex.tables.items()):
        meta = table.get("meta", {})
        print(f"{name:<24} table  categories: {', '.join(meta.get('categories', []))}")
        print(f"{'':<24} source: {meta.get('source', '')}")
    for f in lex.files:
        print(f"  {f}")
    return ExitStatus.OK
