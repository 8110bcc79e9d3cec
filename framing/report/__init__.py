"""Build the HTML comparison report: one self-contained page that compares the sources.

Scores the inputs (the same inputs as 'framing score'), or rebuilds the page from a
saved run with --scores, without scoring again. The page works from disk, offline:
charts, styles and the one small sorting script are inline, and it loads nothing.
Next to it, <name>_files/ holds the charts as PNG and SVG, the numbers as CSV, and
the highlighted texts of articles that did not fit in the page (--max-text-chars).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..cli import ExitStatus, UsageError
from ..ingest import EMPTY_FOLDER, MAX_CHARS, STDIN_FORMATS, cap_length
from ..model import ERROR, SKIPPED
from ..score import default_jobs, jobs_count, max_chars
from .build import DEFAULT_MAX_TEXT_CHARS, BuildResult, build_report, load_rule_messages

__all__ = ["add_arguments", "run", "build_report", "BuildResult"]

EPILOG = """\
examples:
  framing report examples/articles --lexicons examples/lexicons -o output/report.html
  framing score corpus/ -o output/scores.jsonl && framing report --scores output/scores.jsonl
  framing report ../shared/seeds --title "Putin in Pyongyang: five outlets"

exit status: 0 report written, 2 usage error, 3 some input could not be read (the
report was still written; those articles are listed in it with the reason). With
--scores, 3 when a record is an error record, as 'framing score' exited for them.
"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", metavar="PATH", help="files, folders, .jsonl/.csv collections, or - for stdin")
    p.add_argument("--scores", metavar="JSONL", help="rebuild from records written by 'framing score' instead of scoring PATHs")
    p.add_argument("-o", "--output", default="output/report.html", help="the HTML page to write (default: %(default)s)")
    p.add_argument("--lexicons", action="append", default=[], metavar="DIR", help="extra lexicon folder, as for 'framing score'; also supplies rule messages (repeatable)")
    p.add_argument("--source", help="source name for every input (default: record field, else folder, else file stem)")
    p.add_argument("--stdin-format", choices=STDIN_FORMATS, default="txt", help="what standard input ('-') holds, as for 'framing score' (default: %(default)s)")
    p.add_argument("-j", "--jobs", type=jobs_count, metavar="N", help="worker processes for scoring, as for 'framing score' (default: all cores)")
    p.add_argument(
        "--max-chars",
        type=max_chars,
        default=None,
        metavar="N",
        help=f"as for 'framing score': skip an article longer than N characters (it is listed in the page with the reason); 0 = no limit (default: {MAX_CHARS})",
    )
    p.add_argument("--title", help="page title (default: 'How N sources covered the story')")
    p.add_argument(
        "--max-text-chars",
        type=int,
        default=DEFAULT_MAX_TEXT_CHARS,
        metavar="N",
        help="article texts shown in the page up to N characters in all; later ones go to linked files (default: %(default)s)",
    )


def _records(args: argparse.Namespace, lexicons):
    if args.scores:
        from ..output import read_records

        path = Path(args.scores)
        if path.suffix.lower() in (".csv", ".parquet"):
            raise UsageError(f"--scores {args.scores}: give the .jsonl written by 'framing score'; CSV and Parquet hold no texts or evidence to highlight")
        if not path.is_file():
            raise UsageError(f"--scores {args.scores}: no such file")
        return list(read_records(path))
    import json

    from ..batch import Templates, check_lexicons, score_stream
    from ..ingest import iter_documents

    check_lexicons(lexicons)
    # Scored as 'framing score' scores (template lines first, HTML extracted and articles
    # scored in the workers, a failing article recorded, not fatal), without its cache.
    files = [p for p in args.paths if p != "-"]
    templates = Templates.collect(iter_documents(files, source=args.source, defer_html=True)) if files else Templates()
    records = []
    limit = MAX_CHARS if args.max_chars is None else args.max_chars
    docs = cap_length(iter_documents(args.paths, source=args.source, defer_html=True, stdin_format=args.stdin_format), limit)
    for _doc, line, _status in score_stream(docs, lexicons, jobs=args.jobs or default_jobs(), templates=templates):
        records.append(json.loads(line))
    return records


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def run(args: argparse.Namespace) -> ExitStatus:
    from ..pipeline import resolve_lexicons

    if not args.paths and not args.scores:
        raise UsageError("nothing to report: give article files or folders to score (framing report examples/) or --scores FILE written by 'framing score'")
    if args.paths and args.scores:
        raise UsageError("give either PATHs to score or --scores FILE, not both")
    if args.scores and args.max_chars is not None:
        raise UsageError("--max-chars applies when scoring PATHs; records in --scores were scored (or skipped) with the limit 'framing score' was given")
    if args.max_text_chars < 0:
        raise UsageError("--max-text-chars must be 0 or more")
    if not args.output.lower().endswith((".html", ".htm")):
        raise UsageError(f"{args.output}: the report is an HTML page; give a name ending in .html")
    lex = resolve_lexicons(args.lexicons)
    records = _records(args, lex)
    if args.scores and args.source:
        records = [{**r, "source": args.source} for r in records]
    if all(r.get("error") == EMPTY_FOLDER for r in records):  # also true of no records
        where = "".join(f"; {r.get('path')}: {EMPTY_FOLDER}" for r in records)
        raise UsageError(f"no articles found in the input{where}")
    rules = load_rule_messages(args.lexicons)
    try:
        result = build_report(records, args.output, title=args.title, max_text_chars=args.max_text_chars, rules=rules)
    except OSError as exc:
        raise UsageError(f"{args.output}: cannot write the report ({exc.strerror or exc})") from None
    note = f", {result.linked} article views in {result.files}/articles" if result.linked else ""
    skipped = sum(r.get("status") == SKIPPED for r in records)
    failed = sum(r.get("status") == ERROR for r in records)
    counts = "".join((f", {skipped} skipped" if skipped else "", f", {failed} failed" if failed else ""))
    print(
        f"framing report: {_n(result.articles, 'article')} ({result.scored} scored{counts}) from {_n(len({r.get('source') for r in records}), 'source')} -> {result.path} ({result.size / 1e6:.1f} MB{note})",
        file=sys.stderr,
    )
    # Read from the records, so a rebuild from --scores exits as the 'framing score' run did.
    return ExitStatus.INPUT if failed else ExitStatus.OK
