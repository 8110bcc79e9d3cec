"""List the lexicons in use: each word list with its source, categories and size.

Prints the lexicon version (a hash of every file used, the same as in each scored
record's 'lexicon_version'), then each word list and table (rules_* are the rule
files), then the files read. With --lexicons, the extra folders' lists are merged in
as 'framing score' would merge them: use it to check a house lexicon before a run.
"""

from __future__ import annotations

import argparse

from .cli import ExitStatus
from .pipeline import resolve_lexicons

EPILOG = """\
examples:
  framing lexicons                                   the bundled lists, rules and version
  framing lexicons --lexicons examples/lexicons      with a folder of extra lists merged in

exit status: 0 listed, 2 a lexicon folder or file is missing or malformed (the
message names the file and line).
"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--lexicons", action="append", default=[], metavar="DIR", help="extra lexicon folder; adds to or overrides the bundled lists (repeatable)")


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
