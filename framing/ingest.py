"""Read inputs into :class:`Document` records, one per article, streaming.

Accepted: ``.txt``, ``.html``/``.htm`` files, folders (recursive), ``.jsonl`` and
``.csv`` collections (field ``text`` required; ``id``, ``source``, ``title``, ``url``,
``date`` optional) and ``-`` for standard input. A file that cannot be used becomes
a Document with status ``error`` (or ``skipped`` when empty) and the reason, so every
input shows up in the output.

Source name: the record's ``source`` field; else the folder the file sits in, when
that folder lies inside a folder given on the command line (``corpus/outlet_a/x.txt``
gives ``outlet_a``); else the file stem. ``--source`` overrides all of these.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import stat
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable, Iterator

from .model import ERROR, OK, SKIPPED

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
COLLECTION_SUFFIXES = {".jsonl", ".ndjson", ".csv"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | COLLECTION_SUFFIXES
META_FIELDS = ("id", "source", "title", "url", "date")
NOT_REGULAR = "not a regular file (a pipe, socket or device); not read"
EMPTY_FOLDER = "no .txt, .html, .jsonl or .csv files in this folder"

# A headline: short, no sentence-final period, not a byline or prompt.
_HEADLINE_MAX = 160


@dataclass(frozen=True)
class Document:
    """One article as read, before analysis."""

    id: str
    source: str
    text: str
    title: str | None = None
    path: str | None = None
    date: str | None = None
    url: str | None = None
    status: str = OK
    error: str | None = None
    main_text: str | None = None  # HTML only: trafilatura's idea of the article body
    warnings: tuple[str, ...] = field(default_factory=tuple)
    # HTML read with defer_html: ``text`` is the page's markup, extracted by
    # :func:`finish_html` in the worker that scores it (not in the reading process).
    html_pending: bool = False


class InputError(Exception):
    """A command-line input that does not exist or cannot be listed."""


STDIN_FORMATS = ("txt", "html", "jsonl", "csv")


def iter_documents(inputs: Iterable[str], *, source: str | None = None, stdin: io.TextIOBase | None = None, defer_html: bool = False, stdin_format: str = "txt") -> Iterator[Document]:
    """Yield one Document per article in ``inputs``, in a stable order.

    ``stdin_format``: what '-' holds: one article (txt, html) or a collection (jsonl, csv).

    ``defer_html``: HTML pages come decoded but not extracted (``html_pending``), so that
    the costly extraction runs in the batch workers; :func:`finish_html` completes them.
    """
    for raw in inputs:
        if raw == "-":
            stream = stdin if stdin is not None else sys.stdin
            data = stream.buffer.read() if hasattr(stream, "buffer") else stream.read().encode("utf-8")
            if stdin_format in ("jsonl", "csv"):
                yield from _override(_from_collection(data, path=Path("stdin." + stdin_format), folder_source=None, shown="stdin"), source)
            else:
                yield from _override(_from_bytes(data, name="stdin", path=None, source="stdin", suffix="." + stdin_format, defer_html=defer_html), source)
            continue
        path = Path(raw)
        if path.is_dir():
            found = False
            for f in walk_files(path):
                found = True
                rel = f.relative_to(path)
                folder_source = rel.parts[-2] if len(rel.parts) > 1 else None
                doc_id = rel.with_suffix("").as_posix()
                yield from _override(_from_file(f, doc_id=doc_id, folder_source=folder_source, defer_html=defer_html), source)
            if not found:  # the wrong folder must not pass as an empty, successful run
                name = path.resolve().name or raw
                yield Document(id=name, source=source or name, text="", path=raw, status=SKIPPED, error=EMPTY_FOLDER)
        elif path.is_file():
            yield from _override(_from_file(path, doc_id=path.stem, folder_source=None, defer_html=defer_html), source)
        elif os.path.exists(raw):  # a pipe, socket or device: reading could block for ever
            yield Document(id=path.stem, source=source or path.stem, text="", path=raw, status=ERROR, error=NOT_REGULAR)
        else:
            yield Document(id=raw, source=source or Path(raw).stem, text="", path=raw, status=ERROR, error="no such file or folder")


# Analysis holds about 70 bytes per character of an article (20 MB of text: 1.4 GB), so a
# stray log or database dump named .txt must not take a worker's memory; news articles are
# rarely over 100,000 characters.
MAX_CHARS = 5_000_000


def cap_length(docs: Iterable[Document], max_chars: int = MAX_CHARS) -> Iterator[Document]:
    """Each document, or a ``skipped`` one saying why when its text is longer than
    ``max_chars`` characters (an HTML page's markup counts; 0: no limit)."""
    for doc in docs:
        if max_chars and doc.status == OK and len(doc.text) > max_chars:
            what = "markup" if doc.html_pending else "text"
            doc = replace(
                doc,
                text="",
                main_text=None,
                html_pending=False,
                status=SKIPPED,
                error=f"{what} of {len(doc.text):,} characters is over --max-chars {max_chars:,}; not scored (raise --max-chars, or 0 for no limit)",
            )
        yield doc


def walk_files(root: Path) -> Iterator[Path]:
    """Supported files under ``root`` in the order of their sorted paths, listed one folder
    at a time so a folder of a million articles never sits in memory as one list.

    Sorting each folder's entries by name, with "/" appended to folder names, gives the
    same order as sorting the full paths. Symlinked folders are not followed (no loops).
    A broken link or a pipe with a supported suffix is yielded too: :func:`_from_file`
    turns it into an error record instead of the file vanishing from the output.
    """
    try:
        with os.scandir(root) as it:
            entries = sorted(((e.name + "/" if e.is_dir(follow_symlinks=False) else e.name), e.path) for e in it)
    except OSError:
        return
    for key, entry_path in entries:
        if key.endswith("/"):
            yield from walk_files(Path(entry_path))
        elif Path(entry_path).suffix.lower() in SUPPORTED and not os.path.isdir(entry_path):
            yield Path(entry_path)


def _override(docs: Iterable[Document], source: str | None) -> Iterator[Document]:
    for d in docs:
        yield replace(d, source=source) if source else d


def _from_file(path: Path, *, doc_id: str, folder_source: str | None, defer_html: bool = False) -> Iterator[Document]:
    suffix = path.suffix.lower()
    src = folder_source or path.stem
    try:
        regular = stat.S_ISREG(path.stat().st_mode)
    except OSError as exc:  # a broken link, or the file went away
        yield Document(id=doc_id, source=src, text="", path=str(path), status=ERROR, error=f"cannot read: {exc.strerror or exc}")
        return
    if not regular:
        yield Document(id=doc_id, source=src, text="", path=str(path), status=ERROR, error=NOT_REGULAR)
        return
    if suffix in COLLECTION_SUFFIXES and _is_utf8_text(path):
        # Stream big collections record by record instead of reading them whole.
        yield from _from_collection_stream(path, folder_source=folder_source)
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield Document(id=doc_id, source=src, text="", path=str(path), status=ERROR, error=f"cannot read: {exc.strerror or exc}")
        return
    if suffix in COLLECTION_SUFFIXES:
        yield from _from_collection(data, path=path, folder_source=folder_source)
        return
    if suffix not in SUPPORTED:
        yield Document(id=doc_id, source=src, text="", path=str(path), status=ERROR, error=f"unsupported file type {suffix!r}")
        return
    yield from _from_bytes(data, name=doc_id, path=str(path), source=src, suffix=suffix, defer_html=defer_html)


def decode(data: bytes) -> tuple[str | None, str | None, tuple[str, ...]]:
    """Bytes to text: (text, error, warnings). UTF-8 first, then a detected encoding."""
    if b"\0" in data[:8192] and not (data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff")):
        return None, "binary file (contains NUL bytes), not text", ()
    try:
        return data.decode("utf-8-sig"), None, ()
    except UnicodeDecodeError:
        pass
    text, encoding = _legacy_western(data), "cp1252"
    if text is None:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            return None, "binary or undecodable file: no text encoding fits", ()
        text, encoding = str(best), best.encoding
    printable = sum(1 for c in text[:4096] if c.isprintable() or c in "\n\r\t")
    if text and printable / min(len(text), 4096) < 0.9:
        return None, "binary file: mostly unprintable characters", ()
    return text, None, (f"not UTF-8; decoded as {encoding}",)


_HIGH_BYTES = bytes(range(128, 256))
# Above this share of non-ASCII bytes a text is mostly another script (Cyrillic, Greek in
# their 8-bit encodings), which the detector has to tell apart; Western European text with
# accents and curly quotes stays well under it.
_WESTERN_MAX_NON_ASCII = 0.15


def _legacy_western(data: bytes) -> str | None:
    """Windows-1252 text, the usual legacy encoding of English copy, or None.

    charset_normalizer guesses from too little evidence in a short English text with a few
    accents or curly quotes (cp1250, cp852: "seńor", "naďve"), so cp1252 comes first when
    it decodes every byte and most bytes are ASCII."""
    if not data or b"\0" in data or len(data) - len(data.translate(None, _HIGH_BYTES)) > _WESTERN_MAX_NON_ASCII * len(data):
        return None  # a NUL byte: UTF-16 or UTF-32 with a byte-order mark, never cp1252 text
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:  # 0x81, 0x8D, 0x8F, 0x90, 0x9D are undefined in cp1252
        return None


def _from_bytes(data: bytes, *, name: str, path: str | None, source: str, suffix: str, defer_html: bool = False) -> Iterator[Document]:
    text, error, warnings = decode(data)
    if error:
        yield Document(id=name, source=source, text="", path=path, status=ERROR, error=error)
        return
    assert text is not None
    text = normalize_newlines(text)
    if suffix in HTML_SUFFIXES:
        pending = Document(id=name, source=source, text=text, path=path, warnings=warnings, html_pending=True)
        yield pending if defer_html else finish_html(pending)
        return
    if not text.strip():
        yield Document(id=name, source=source, text="", path=path, status=SKIPPED, error="empty file", warnings=warnings)
        return
    yield Document(id=name, source=source, text=text, title=headline(text), path=path, warnings=warnings)


def finish_html(doc: Document) -> Document:
    """The Document of a page read with ``defer_html``, its HTML extracted; others unchanged."""
    if not doc.html_pending:
        return doc
    from .html import extract

    text, main_text, html_title = extract(doc.text)
    if not text.strip():
        return replace(doc, text="", html_pending=False, status=SKIPPED, error="HTML page has no visible text")
    return replace(doc, text=text, title=html_title or headline(text), main_text=main_text, html_pending=False)


def _from_collection(data: bytes, *, path: Path, folder_source: str | None, shown: str | None = None) -> Iterator[Document]:
    """``shown``: the name records give as their path ('stdin'), instead of ``path``."""
    text, error, warnings = decode(data)
    stem = path.stem
    if error:
        yield Document(id=stem, source=folder_source or stem, text="", path=shown or str(path), status=ERROR, error=error)
        return
    assert text is not None
    rows: Iterator[tuple[int, dict | None, str | None]]
    rows = _jsonl_rows(text.split("\n")) if path.suffix.lower() in (".jsonl", ".ndjson") else _csv_rows(io.StringIO(text))
    yield from _collection_docs(rows, path=path, folder_source=folder_source, warnings=warnings, shown=shown)


def _is_utf8_text(path: Path, block: int = 1 << 20) -> bool:
    """Whether the file decodes as UTF-8 and has no NUL early on (checked in blocks, not read whole)."""
    import codecs

    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        with open(path, "rb") as fh:
            first = True
            while chunk := fh.read(block):
                if first and b"\0" in chunk[:8192]:
                    return False
                first = False
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
    except (OSError, UnicodeDecodeError):
        return False
    return True


def _from_collection_stream(path: Path, *, folder_source: str | None) -> Iterator[Document]:
    jsonl = path.suffix.lower() in (".jsonl", ".ndjson")
    # JSONL lines end at "\n" only, as in the whole-file path; the csv module wants newline="".
    with open(path, encoding="utf-8-sig", newline="\n" if jsonl else "") as fh:
        rows = _jsonl_rows(fh) if jsonl else _csv_rows(fh)
        yield from _collection_docs(rows, path=path, folder_source=folder_source, warnings=())


def _collection_docs(rows: Iterator[tuple[int, dict | None, str | None]], *, path: Path, folder_source: str | None, warnings: tuple[str, ...], shown: str | None = None) -> Iterator[Document]:
    stem = path.stem
    where = shown or str(path)  # what records give as their path
    seen = 0
    for lineno, row, problem in rows:
        seen += 1
        fallback_id = f"{stem}:{lineno}"
        if problem or row is None:
            yield Document(id=fallback_id, source=folder_source or stem, text="", path=f"{where}:{lineno}", status=ERROR, error=problem)
            continue
        meta = {k: (None if row.get(k) in (None, "") else str(row.get(k))) for k in META_FIELDS}
        doc_id = meta["id"] or fallback_id
        src = meta["source"] or folder_source or stem
        body = row.get("text")
        if body is None:
            yield Document(id=doc_id, source=src, text="", path=f"{where}:{lineno}", status=ERROR, error="record has no 'text' field")
            continue
        if not isinstance(body, str):
            yield Document(id=doc_id, source=src, text="", path=f"{where}:{lineno}", status=ERROR, error="'text' field is not a string")
            continue
        body = normalize_newlines(body)
        if not body or body.isspace():  # not body.strip(), without copying the text
            yield Document(id=doc_id, source=src, text="", path=f"{where}:{lineno}", status=SKIPPED, error="empty 'text' field")
            continue
        yield Document(
            id=doc_id,
            source=src,
            text=body,
            title=meta["title"] or headline(body),
            path=f"{where}:{lineno}",
            date=meta["date"],
            url=meta["url"],
            warnings=warnings,
        )
    if seen == 0:
        yield Document(id=stem, source=folder_source or stem, text="", path=where, status=SKIPPED, error="collection has no records")


def _jsonl_rows(lines: Iterable[str]) -> Iterator[tuple[int, dict | None, str | None]]:
    for lineno, line in enumerate(lines, 1):
        if not line or line.isspace():  # blank; line.strip() would copy the line
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield lineno, None, f"line {lineno}: invalid JSON ({exc.msg} at column {exc.colno})"
            continue
        if not isinstance(row, dict):
            yield lineno, None, f"line {lineno}: expected a JSON object, got {type(row).__name__}"
            continue
        yield lineno, row, None


def _csv_rows(stream: Iterable[str]) -> Iterator[tuple[int, dict | None, str | None]]:
    csv.field_size_limit(1 << 30)
    reader = csv.DictReader(stream)
    if reader.fieldnames is None or "text" not in reader.fieldnames:
        yield 1, None, f"CSV header has no 'text' column (columns: {', '.join(reader.fieldnames or []) or 'none'})"
        return
    try:
        for row in reader:
            yield reader.line_num, row, None
    except csv.Error as exc:
        yield reader.line_num, None, f"line {reader.line_num}: malformed CSV ({exc})"


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


_NON_SPACE = re.compile(r"\S")
_NOT_HEADLINE = re.compile(r"^(by\s|share|posted|updated|published|photo|image|\d+$)", re.I)


def headline(text: str) -> str | None:
    """The first line, when it reads as a headline: short, no final period, more text follows."""
    stripped = text.lstrip()
    # The first line and whether any text follows, without copying the rest of the text.
    nl = stripped.find("\n")
    if nl < 0 or _NON_SPACE.search(stripped, nl + 1) is None:
        return None
    first = stripped[:nl].strip()
    if not first or len(first) > _HEADLINE_MAX:
        return None
    if first[-1] in ".;,:" or _NOT_HEADLINE.match(first):
        return None
    if len(first.split()) < 3:
        return None
    return first
