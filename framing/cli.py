"""Command line: ``framing score | report | audit | eval | bench | lexicons``.

Each subcommand lives in its own module with ``add_arguments(parser)`` and
``run(args) -> ExitStatus``; :func:`run` is the testable core, :func:`main` the
console entry point. A user's mistake ends in one clear line on stderr and exit 2
(or 3 for unreadable input), never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from enum import IntEnum
from typing import Sequence


class ExitStatus(IntEnum):
    """Process exit codes, shared by every subcommand."""

    OK = 0  # done; for audit: no finding at or above --fail-level
    FINDINGS = 1  # audit found something at or above --fail-level
    USAGE = 2  # bad arguments, configuration or lexicon
    INPUT = 3  # an input could not be read (the rest was still processed)
    INTERRUPTED = 130


COMMANDS = {
    "score": ("framing.score", "score articles and write one record each (JSONL, CSV or Parquet)"),
    "report": ("framing.report", "build the HTML comparison report"),
    "audit": ("framing.audit", "lint your own copy: findings with line:col and exit codes"),
    "eval": ("framing.evaluate", "measure accuracy against human-labelled gold data"),
    "bench": ("framing.bench", "measure articles per second and peak memory"),
    "lexicons": ("framing.lexicon_cmd", "list the word lists and rules in use, with their version"),
}

# Other spellings a user types ("framing lexicon"); not listed in --help.
ALIASES = {"lexicon": "lexicons"}

EPILOG = """\
examples:
  framing score articles/ -o output/scores.jsonl     score every .txt/.html/.jsonl/.csv below a folder
  framing report articles/ -o output/report.html     compare the sources in one HTML page
  framing audit draft.txt                            lint a draft like a prose linter
  framing eval ../shared/eval/hedging.szeged.dev.jsonl --task hedging

Run 'framing COMMAND --help' for the options of one command.
"""


class UsageError(Exception):
    """A mistake in how framing was called; the message is shown as is."""


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser; with ``argv``, only the named subcommand's module is imported.

    Importing every subcommand (report code, evaluation, ...) costs ~0.05 s of start-up
    that ``framing audit draft.txt`` would pay for nothing; the others get a stub parser
    (their one-line help is all ``framing --help`` shows of them).
    """
    from . import __version__

    wanted = None
    if argv is not None:
        wanted = next((a for a in argv if not a.startswith("-")), "")

    parser = argparse.ArgumentParser(
        prog="framing",
        description="Measure how news sources frame the same event: attribution, actors and tone, hedging, boilerplate, readability. Every number comes with the words that produced it.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"framing {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module_name, help_text) in COMMANDS.items():
        if wanted is not None and name != wanted:
            sub.add_parser(name, help=help_text)
            continue
        module = importlib.import_module(module_name)
        p = sub.add_parser(
            name,
            help=help_text,
            # The docstring is the --help text: its reST ``code`` marks read as quotes on a terminal.
            description=(module.__doc__ or help_text).strip().replace("``", "'"),
            formatter_class=argparse.RawDescriptionHelpFormatter,
            epilog=getattr(module, "EPILOG", None),
        )
        module.add_arguments(p)
        p.set_defaults(_module=module, _parser=p)
    return parser


def _parse(parser: argparse.ArgumentParser, argv: Sequence[str]) -> argparse.Namespace:
    """``parse_args``, but an unknown option is reported by the subcommand's parser.

    Plain ``parse_args`` leaves extras to the top-level parser, which prints the
    top-level usage ("framing: error: unrecognized arguments") instead of the usage of
    the command the user was typing.
    """
    command = next((a for a in argv if not a.startswith("-")), None)
    choices = list(COMMANDS) + list(ALIASES)
    if command is not None and command not in choices and argv and argv[0] == command:
        import difflib

        close = difflib.get_close_matches(command, choices, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        parser.error(f"unknown command {command!r} (choose from {', '.join(COMMANDS)}){hint}")
    args, extras = parser.parse_known_args(argv)
    if extras:
        getattr(args, "_parser", parser).error(f"unrecognized arguments: {' '.join(extras)}")
    return args


def run(argv: Sequence[str] | None = None) -> ExitStatus:
    """Parse ``argv`` and run the subcommand; returns the exit status, never raises for user errors."""
    from .ingest import InputError
    from .lexicon import LexiconError
    from .output import OutputError

    if argv is None:
        argv = sys.argv[1:]
    argv = list(argv)
    if argv and argv[0] in ALIASES:
        argv[0] = ALIASES[argv[0]]
    parser = build_parser(argv)
    try:
        args = _parse(parser, argv)
    except SystemExit as exc:  # argparse already printed usage or help
        return ExitStatus.OK if exc.code in (0, None) else ExitStatus.USAGE
    if not getattr(args, "command", None):
        parser.print_help(sys.stderr)
        return ExitStatus.USAGE
    try:
        return ExitStatus(args._module.run(args))
    except (UsageError, LexiconError, OutputError) as exc:
        print(f"framing {args.command}: error: {exc}", file=sys.stderr)
        return ExitStatus.USAGE
    except InputError as exc:
        print(f"framing {args.command}: error: {exc}", file=sys.stderr)
        return ExitStatus.INPUT
    except KeyboardInterrupt:
        print(f"framing {args.command}: interrupted", file=sys.stderr)
        return ExitStatus.INTERRUPTED
    except BrokenPipeError:
        return ExitStatus.OK


def _terminated(signum, frame) -> None:
    raise KeyboardInterrupt  # cleaned up as Ctrl-C is: temporary output removed, exit 130


def main(argv: Sequence[str] | None = None) -> None:
    import signal

    # SIGTERM (`kill`, a batch scheduler's time limit) would end the process where it
    # stands and leave the temporary output behind; handled like Ctrl-C instead.
    signal.signal(signal.SIGTERM, _terminated)
    status = run(argv)
    try:
        sys.stdout.flush()
    except BrokenPipeError:  # `framing audit ... | head` closed the pipe: not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    sys.exit(int(status))
