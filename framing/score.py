"""Score articles and write one record per input article.

Inputs are .txt/.text and .html/.htm/.xhtml files, folders (searched recursively;
other files in them are passed over), .jsonl/.ndjson and .csv collections (a 'text'
field per record; 'id', 'source', 'title', 'url', 'date' optional), or '-' for
standard input. The suffix of -o picks the format:
.jsonl (whole records with evidence spans), .csv or .parquet (one flat row each).
Every input appears in the output, in input order, with a status: ok, skipped
(an empty file, a folder with no article file in it, a text over --max-chars) or
error (unreadable, binary, a broken record: the reason is in the record).

Runs on every core by default and streams, so memory stays flat for any corpus size.
Finished records go to a cache (SQLite): a second run, or a run started again after
being killed, only scores what is new. The output file is written in full on every
run, to a temporary file renamed into place at the end: never half-written.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from .cli import ExitStatus, UsageError
from .ingest import MAX_CHARS, STDIN_FORMATS
from .model import ERROR, SKIPPED

EPILOG = """\
examples:
  framing score ../shared/seeds -o output/seeds.jsonl
  framing score corpus.jsonl -o output/scores.parquet          all cores, cached
  framing score archive/ -o output/archive.jsonl --jobs 1      one process, no pool
  framing score archive/ -o output/archive.csv --no-cache --quiet
  framing score big.jsonl -o output/big.jsonl --engine dask --scheduler tcp://10.0.0.5:8786
  cat draft.txt | framing score - -o output/draft.jsonl
  framing score corpus/ -o - --quiet | jq .metrics.hedges_per_100w     records on standard output
  zcat corpus.jsonl.gz | framing score - --stdin-format jsonl -o output/corpus.jsonl

page templates: before scoring, lines that recur in 3 or more articles of one source,
and in at least half of them (menus, share prompts, footers), are collected and handed
to the boilerplate detector. Not done for standard input.

cache: records are stored by a hash of the article, its metadata, its template lines,
the lexicon version and the program version; anything changed is scored again. Delete
the cache file to reclaim space.

exit status: 0 every input scored or skipped, 2 usage error, 3 some input could
not be read or scored (its record says why; the others are written as usual).
"""


def max_chars(value: str) -> int:
    try:
        n = int(value.replace("_", "").replace(",", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number of characters, got {value!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError("must be 0 (no limit) or more")
    return n


def jobs_count(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return n


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, .jsonl/.csv collections, or - for stdin")
    p.add_argument("-o", "--output", default="output/scores.jsonl", help="output file; .jsonl, .csv or .parquet, or - for JSONL on standard output (default: %(default)s)")
    p.add_argument("--stdin-format", choices=STDIN_FORMATS, default="txt", help="what standard input ('-') holds: one article (txt, html) or a collection, one record per line or row (jsonl, csv) (default: %(default)s)")
    p.add_argument("--source", help="source name for every input (default: record field, else folder, else file stem)")
    p.add_argument("--lexicons", action="append", default=[], metavar="DIR", help="extra lexicon folder; adds to or overrides the bundled lists (repeatable)")
    p.add_argument("-j", "--jobs", type=jobs_count, default=None, metavar="N", help="worker processes (default: all cores; 1 = in this process, no pool)")
    p.add_argument("--engine", choices=("local", "dask"), default="local", help="local process pool, or a Dask cluster (needs framing[dask]) (default: %(default)s)")
    p.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address, e.g. tcp://host:8786 (default with --engine dask: a local cluster of --jobs workers)")
    p.add_argument("--cache", default=None, metavar="FILE", help="SQLite cache of finished records (default: output/.framing-cache.sqlite)")
    p.add_argument("--no-cache", action="store_true", help="score everything again and store nothing")
    p.add_argument("--max-chars", type=max_chars, default=MAX_CHARS, metavar="N", help="skip (with the reason in its record) an article longer than N characters: scoring takes about 70 bytes of memory per character; 0 = no limit (default: %(default)s)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary line")


def run(args: argparse.Namespace) -> ExitStatus:
    from .batch import EngineError, Templates, check_lexicons, score_stream
    from .cache import DEFAULT_PATH, Cache, CacheError
    from .ingest import cap_length, iter_documents
    from .output import ResultWriter, StdoutWriter, output_format
    from .pipeline import resolve_lexicons
    from .progress import Progress

    to_stdout = args.output == "-"
    if not to_stdout:
        output_format(args.output)  # unknown suffix: exit 2 before any work
    if args.scheduler and args.engine != "dask":
        raise UsageError("--scheduler needs --engine dask")
    _check_paths(args.paths, None if to_stdout else args.output)
    if args.engine == "dask":
        try:
            import dask.distributed  # noqa: F401
        except ImportError:
            raise UsageError("--engine dask needs dask: pip install 'framing[dask]'") from None
    lex = resolve_lexicons(args.lexicons)
    check_lexicons(lex)
    jobs = args.jobs or default_jobs()
    started = time.monotonic()

    # Page templates need every article of a source before the first is scored: a
    # first, light pass (hashes only). Standard input can be read only once.
    files = [p for p in args.paths if p != "-"]
    # HTML pages are read, not extracted, here: the workers extract each page once; the
    # pre-pass takes their visible lines from lxml alone (see docs/batch.md).
    # A million-article collection takes minutes here: a count on the terminal, so the
    # run does not look hung before the scoring bar appears.
    if files:
        with Progress(None, quiet=args.quiet, desc="reading inputs") as reading:
            templates = Templates.collect(_counted(iter_documents(files, source=args.source, defer_html=True), reading))
    else:
        templates = Templates()
    total = templates.documents if "-" not in args.paths else None

    cache = None
    if not args.no_cache:
        try:
            cache = Cache(args.cache or DEFAULT_PATH)
        except CacheError as exc:
            raise UsageError(str(exc)) from None

    errors = skipped = done = 0
    try:
        with StdoutWriter() if to_stdout else ResultWriter(args.output) as writer:
            try:
                stream = score_stream(
                    cap_length(iter_documents(args.paths, source=args.source, defer_html=True, stdin_format=args.stdin_format), args.max_chars),
                    lex,
                    jobs=jobs,
                    engine=args.engine,
                    scheduler=args.scheduler,
                    cache=cache,
                    templates=templates,
                )
                with Progress(total, quiet=args.quiet) as bar:
                    for _doc, line, status in stream:
                        writer.write_serialized(line)
                        errors += status == ERROR
                        skipped += status == SKIPPED
                        done += 1
                        bar.update()
            except EngineError as exc:
                raise UsageError(str(exc)) from None
    except KeyboardInterrupt:
        # Said here, not by cli.run's generic line: the user wants to know what was kept
        # and how to go on. The writer has already removed its temporary file.
        print(_interrupted(done, total, cache, None if to_stdout else args.output), file=sys.stderr)
        return ExitStatus.INTERRUPTED
    finally:
        if cache is not None:
            cache.close()
    if not args.quiet:
        took = time.monotonic() - started
        hits = f", {cache.hits} from cache" if cache is not None and cache.hits else ""
        notes = ([_plural(errors, "error")] if errors else []) + ([f"{skipped} skipped"] if skipped else [])
        print(
            f"framing score: {_plural(writer.count, 'record')} -> {'standard output' if to_stdout else args.output}"
            + (f" ({', '.join(notes)})" if notes else "")
            + f" in {took:.1f}s{hits}",
            file=sys.stderr,
        )
    return ExitStatus.INPUT if errors else ExitStatus.OK


def _counted(docs, bar):
    for doc in docs:
        bar.update()
        yield doc


def _interrupted(done: int, total: int | None, cache, output: str | None) -> str:
    """The line for Ctrl-C or SIGTERM: how far it got, what was kept, how to go on."""
    where = f"after {done:,} of {total:,} articles" if total is not None else f"after {done:,} articles"
    left = "standard output has the records written so far" if output is None else f"{output} was not written (an earlier file there is left as it was)"
    if cache is None:
        kept = "nothing was cached (--no-cache): a new run starts from the beginning"
    else:
        kept = f"finished articles are kept in the cache ({cache.path}): run the same command again to go on where it stopped"
    return f"framing score: interrupted {where}; {left}; {kept}"


def _check_paths(paths: list[str], output: str | None) -> None:
    missing = [p for p in paths if p != "-" and not os.path.exists(p)]
    if missing:
        raise UsageError(f"no such file or folder: {', '.join(missing)}")
    if paths.count("-") > 1:
        raise UsageError("standard input ('-') can be given only once")
    if output is None:  # standard output
        return
    out = Path(output)
    if out.is_dir():
        raise UsageError(f"{output}: is a folder; give a file name ending in .jsonl, .csv or .parquet")
    if out.exists() and not os.access(out, os.W_OK):
        raise UsageError(f"{output}: cannot write here (permission denied)")
    # Found out now, not after a long pre-pass over the inputs.
    folder = out.parent if str(out.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"{output}: cannot write here ({exc.strerror or exc})") from None
    if not os.access(folder, os.W_OK):
        raise UsageError(f"{output}: cannot write here (permission denied)")


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
