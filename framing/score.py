"""Score articles and write one record per input article.

Inputs are .txt and .html files, folders (searched recursively), .jsonl and .csv
collections (a 'text' field per record; 'id', 'source', 'title', 'url', 'date'
optional), or '-' for standard input. The suffix of -o picks the format:
.jsonl (whole records with evidence spans), .csv or .parquet (one flat row each).
Every input appears in the output with a status: ok, skipped (empty) or error.
"""

from __future__ import annotations

import argparse
import sys

from .cli import ExitStatus
from .ingest import iter_documents
from .model import ERROR
from .output import ResultWriter, output_format
from .pipeline import analyze_document, resolve_lexicons

EPILOG = """\
examples:
  framing score ../shared/seeds -o output/seeds.jsonl
  framing score corpus.jsonl -o output/scores.parquet --jobs 2
  cat draft.txt | framing score - -o output/draft.jsonl

exit status: 0 every input scored or skipped, 2 usage error, 3 some input could
not be read (its record says why; the others are written as usual).
"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, .jsonl/.csv collections, or - for stdin")
    p.add_argument("-o", "--output", default="output/scores.jsonl", help="output file; .jsonl, .csv or .parquet (default: %(default)s)")
    p.add_argument("--source", help="source name for every input (default: record field, else folder, else file stem)")
    p.add_argument("--lexicons", action="append", default=[], metavar="DIR", help="extra lexicon folder; adds to or overrides the bundled lists (repeatable)")


def run(args: argparse.Namespace) -> ExitStatus:
    output_format(args.output)
    lex = resolve_lexicons(args.lexicons)
    errors = 0
    with ResultWriter(args.output) as writer:
        for doc in iter_documents(args.paths, source=args.source):
            result = analyze_document(doc, lex)
            errors += result.status == ERROR
            writer.write(result)
    print(f"framing score: {writer.count} records -> {args.output}" + (f" ({errors} errors)" if errors else ""), file=sys.stderr)
    return ExitStatus.INPUT if errors else ExitStatus.OK
