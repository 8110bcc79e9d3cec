"""Write a generated lexicon TSV: header lines, then ``term<TAB>category`` rows."""

from __future__ import annotations

import sys
from pathlib import Path


def write_tsv(path: str | Path, header: list[str], rows: list[tuple[str, str]], what: str) -> None:
    """Write ``rows`` under ``header`` and say how many ``what`` went where."""
    Path(path).write_text("\n".join(header + [f"{t}\t{c}" for t, c in rows]) + "\n", encoding="utf-8")
    print(f"{len(rows)} {what} -> {path}", file=sys.stderr)
