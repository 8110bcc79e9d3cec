"""A progress bar on stderr (count, rate, ETA) only when a person is watching."""

from __future__ import annotations

import sys
from typing import TextIO


class Progress:
    """``update(n)`` / ``close()``; silent unless ``stream`` is a terminal and not ``quiet``."""

    def __init__(self, total: int | None, *, quiet: bool = False, stream: TextIO | None = None, desc: str = "scoring"):
        stream = stream or sys.stderr
        self._bar = None
        if not quiet and _isatty(stream):
            from tqdm import tqdm

            # With no total, tqdm's own format reads "5article": a plain count instead.
            fmt = "{desc}: {n_fmt} articles [{elapsed}]" if total is None else None
            self._bar = tqdm(total=total, unit="article", desc=desc, file=stream, smoothing=0.1, dynamic_ncols=True, mininterval=0.5, bar_format=fmt)

    @property
    def active(self) -> bool:
        return self._bar is not None

    def update(self, n: int = 1) -> None:
        if self._bar is not None:
            self._bar.update(n)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def __enter__(self) -> "Progress":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
