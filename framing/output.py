"""Write results as JSONL, CSV or Parquet, picked by the output suffix.

Every writer streams and writes to a temporary file beside the target, renamed into
place only when the run completes, so an output file is never half-written. CSV and
Parquet hold the flat columns (metadata and metrics); JSONL holds whole records.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any, Iterable, Mapping

from .model import ArticleResult, round4

FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet"}
FLAT_FIELDS = ("id", "source", "title", "path", "date", "url", "status", "error", "lexicon_version", "warnings")


class OutputError(ValueError):
    """An output path whose format is unknown or whose folder cannot be written."""


def output_format(path: str | Path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise OutputError(f"{path}: unknown output format {suffix or '(no suffix)'!r}; use .jsonl, .csv or .parquet")
    return FORMATS[suffix]


def flat_row(record: Mapping[str, Any]) -> dict[str, Any]:
    """Metadata and metrics of one record (a ``to_dict()``) as one flat row."""
    row = {k: record.get(k) for k in FLAT_FIELDS}
    # One text column, so an encoding guess or a not-English note survives in a flat file too.
    row["warnings"] = "; ".join(record.get("warnings") or ())
    row.update(record.get("metrics") or {})
    return row


# One encoder for every record: json.dumps with options builds a new one per call.
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
_encode = _ENCODER.encode
_string = json.encoder.encode_basestring  # what that encoder uses for str (C when available)


def dumps(record: Mapping[str, Any]) -> str:
    """``json.dumps(record, ensure_ascii=False, separators=(",", ":"))``."""
    return _encode(record)


def serialize(result: ArticleResult) -> str:
    """``dumps(result.to_dict())``, built without the per-span dicts.

    Spans are most of a record (dozens per article): each is written by one f-string
    from fields whose types the Span dataclass fixes (str, int, float or None), the
    rest of the record by the encoder. ``tests/test_output.py`` checks the equality.
    """
    head = result.to_dict(spans=False)
    text = head.pop("text")
    spans = ",".join(map(_span_json, result.spans))
    return f'{_encode(head)[:-1]},"spans":[{spans}],"text":{_string(text)}}}'


# The JSON around a span's varying fields (offsets, text, line, column, score), per
# (kind, label, voice, rule, note, has a score): an article's spans share a few dozen.
# Cleared when full, so a corpus of many actor names (notes) cannot grow it.
_FRAMES: dict[tuple, tuple[str, str, str, str]] = {}
_MAX_FRAMES = 4096


def _frame(kind: str, label: str, voice: str, rule: str, note: str, scored: bool, string=_string) -> tuple[str, str, str, str]:
    if len(_FRAMES) >= _MAX_FRAMES:
        _FRAMES.clear()
    frame = _FRAMES[kind, label, voice, rule, note, scored] = (
        f'{{"kind":{string(kind)},"start":',
        f',"label":{string(label)},"line":',
        f',"voice":{string(voice)}' + (f',"rule":{string(rule)}' if rule else "") + (',"score":' if scored else ""),
        (f',"note":{string(note)}' if note else "") + "}",
    )
    return frame


def _span_json(span, string=_string, frames=_FRAMES) -> str:
    score = span.score
    f = frames.get((span.kind, span.label, span.voice, span.rule, span.note, score is not None))
    if f is None:
        f = _frame(span.kind, span.label, span.voice, span.rule, span.note, score is not None)
    if score is None:
        return f'{f[0]}{span.start},"end":{span.end},"text":{string(span.text)}{f[1]}{span.line},"col":{span.col}{f[2]}{f[3]}'
    score = round4(score)
    # repr is what the encoder writes for a finite float; NaN and infinities it spells its own way.
    score = float.__repr__(score) if type(score) is float and score - score == 0 else _encode(score)
    return f'{f[0]}{span.start},"end":{span.end},"text":{string(span.text)}{f[1]}{span.line},"col":{span.col}{f[2]}{score}{f[3]}'


class ResultWriter:
    """Context manager: ``with ResultWriter(path) as w: w.write(result)``."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.format = output_format(self.path)
        self.count = 0
        self._tmp: Path | None = None
        self._fh = None

    def __enter__(self) -> "ResultWriter":
        folder = self.path.parent if str(self.path.parent) else Path(".")
        try:
            folder.mkdir(parents=True, exist_ok=True)
            remove_stale_parts(self.path)
            fd, name = tempfile.mkstemp(prefix=f".{self.path.name}.{os.getpid()}.", suffix=".part", dir=folder)
        except OSError as exc:
            raise OutputError(f"{self.path}: cannot write here ({exc.strerror or exc})") from None
        self._tmp = Path(name)
        # mkstemp makes the file private (0600); the result should get the usual mode.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(self._tmp, 0o666 & ~umask)
        # CSV and Parquet need every column before the first row: stream flat rows to
        # the temporary file first, then convert in a second streaming pass.
        self._fh = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        self._columns: dict[str, None] = dict.fromkeys(FLAT_FIELDS)
        return self

    def write(self, result: ArticleResult | Mapping[str, Any]) -> None:
        if self.format == "jsonl":
            self._fh.write((serialize(result) if isinstance(result, ArticleResult) else dumps(result)) + "\n")
        else:
            record = result.to_dict() if isinstance(result, ArticleResult) else result
            row = flat_row(record)
            for k in row:
                if k not in self._columns:
                    self._columns[k] = None
            self._fh.write(dumps(row) + "\n")
        self.count += 1

    def write_serialized(self, line: str) -> None:
        """Write a record already serialized with :func:`dumps` (the batch engine's form)."""
        if self.format == "jsonl":
            self._fh.write(line + "\n")
            self.count += 1
        else:
            self.write(json.loads(line))

    def __exit__(self, exc_type, exc, tb) -> None:
        assert self._fh is not None and self._tmp is not None
        self._fh.close()
        if exc_type is not None:
            self._tmp.unlink(missing_ok=True)
            return
        try:
            if self.format == "jsonl":
                final_tmp = self._tmp
            else:
                final_tmp = self._tmp.with_suffix(".table.part")
                columns = list(FLAT_FIELDS) + sorted(k for k in self._columns if k not in FLAT_FIELDS)
                _convert(self._tmp, final_tmp, columns, self.format)
                os.chmod(final_tmp, self._tmp.stat().st_mode & 0o777)
                self._tmp.unlink(missing_ok=True)
            os.replace(final_tmp, self.path)
        except BaseException:
            self._tmp.unlink(missing_ok=True)
            raise


class StdoutWriter:
    """``-o -``: JSONL records straight to standard output, for a pipe (``| jq``)."""

    format = "jsonl"

    def __init__(self, stream=None):
        import sys

        self._fh = stream or sys.stdout
        self.count = 0

    def __enter__(self) -> "StdoutWriter":
        return self

    def write(self, result: ArticleResult | Mapping[str, Any]) -> None:
        self.write_serialized(serialize(result) if isinstance(result, ArticleResult) else dumps(result))

    def write_serialized(self, line: str) -> None:
        self._fh.write(line + "\n")
        self.count += 1

    def __exit__(self, exc_type, exc, tb) -> None:
        self._fh.flush()


def remove_stale_parts(path: Path) -> None:
    """Delete temporary files left beside ``path`` by a killed run (their process is gone)."""
    folder = path.parent if str(path.parent) else Path(".")
    for part in folder.glob(f".{glob_escape(path.name)}.*.part"):
        pid = part.name[len(path.name) + 2 :].split(".", 1)[0]
        if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
            part.unlink(missing_ok=True)


def glob_escape(name: str) -> str:
    import glob

    return glob.escape(name)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _flat_rows(path: Path) -> Iterable[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            yield json.loads(line)


def _convert(src: Path, dst: Path, columns: list[str], fmt: str, chunk: int = 20_000) -> None:
    if fmt == "csv":
        import csv

        with open(dst, "w", encoding="utf-8", newline="") as out:
            writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
            writer.writeheader()
            for row in _flat_rows(src):
                writer.writerow(row)
        return
    import pyarrow as pa
    import pyarrow.parquet as pq

    fields = [pa.field(c, pa.string() if c in FLAT_FIELDS else pa.float64()) for c in columns]
    schema = pa.schema(fields)
    with pq.ParquetWriter(dst, schema) as writer:
        batch: list[dict[str, Any]] = []
        for row in _flat_rows(src):
            batch.append(row)
            if len(batch) >= chunk:
                writer.write_table(_table(batch, columns, schema))
                batch = []
        if batch or writer is not None:
            writer.write_table(_table(batch, columns, schema))


def _table(rows: list[dict[str, Any]], columns: list[str], schema):
    import pyarrow as pa

    data = {}
    for c in columns:
        if c in FLAT_FIELDS:
            data[c] = [None if r.get(c) is None else str(r.get(c)) for r in rows]
        else:
            data[c] = [None if r.get(c) is None else float(r.get(c)) for r in rows]
    return pa.Table.from_pydict(data, schema=schema)


def read_records(path: str | Path) -> Iterable[dict[str, Any]]:
    """Stream the records of a JSONL scores file; a line that is not UTF-8 or no JSON object
    raises OutputError naming it (a byte-order mark an editor added is allowed)."""
    with open(path, "rb") as fh:  # bytes, so that a line that is not UTF-8 is named
        for lineno, raw in enumerate(fh, 1):
            try:
                line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
            except UnicodeDecodeError:
                raise OutputError(f"{path}:{lineno}: not a scores record (not UTF-8 text)") from None
            if line.strip():
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise OutputError(f"{path}:{lineno}: not a scores record ({exc.msg})") from None
                if not isinstance(rec, dict):
                    raise OutputError(f"{path}:{lineno}: not a scores record (not a JSON object)")
                yield rec
