"""The batch engine: score a stream of documents in parallel, in input order.

Three parts:

* :class:`Templates`: a pre-pass that finds, per source, the lines recurring in at
  least three articles (the page template), counting 8-byte hashes of normalized short
  lines, spilled to disk in hash buckets, so its memory does not grow with the corpus.
* :func:`score_stream`: reads documents lazily, answers what it can from the cache,
  sends the rest in chunks to a local process pool or a Dask cluster with a bounded
  number of chunks in flight, and yields one serialized record per document in input
  order. Memory stays flat whatever the corpus size.
* :func:`score_document`: the per-article work done in a worker; an exception in the
  pipeline becomes an ``error`` record instead of stopping the batch.
"""

from __future__ import annotations

import hashlib
import math
import tempfile
from array import array
from collections import deque
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, Iterator, Optional

from .cache import Cache, pack, record_key, program_version, unpack
from .ingest import Document, finish_html
from .lexicon import Lexicons
from .model import ERROR, OK, ArticleResult
from .output import serialize
from .pipeline import unscored_result

MAX_TEMPLATE_LINE = 200  # longer lines are paragraphs, not furniture: not counted
_SPILL_AT = 1 << 21  # hashes held in memory before spilling to bucket files (16 MB)
_BUCKETS = 16
# A counted key: the source's number in the top 24 bits, a hash of the line below.
_LINE_BITS = 40
_LINE_MASK = (1 << _LINE_BITS) - 1


def template_rule() -> tuple[int, float]:
    """(min_docs, min_share) of the boilerplate detector's ``recurring_lines``, so the
    pre-pass keeps exactly the lines it would keep."""
    import inspect

    from .detectors import boilerplate

    fn = getattr(boilerplate, "recurring_lines", None) or boilerplate.template_lines
    params = inspect.signature(fn).parameters
    min_docs = params["min_docs"].default if "min_docs" in params else 3
    min_share = params["min_share"].default if "min_share" in params else 0.0
    return int(min_docs), float(min_share)


def _line_hash(line: str) -> int:
    h = hashlib.blake2b(line.encode("utf-8", "surrogatepass"), digest_size=8)
    return int.from_bytes(h.digest(), "little") & _LINE_MASK


def _short_lines(text: str) -> set[str]:
    from .detectors.boilerplate import normalize_line

    out = set()
    for raw in text.split("\n"):
        if raw.strip() and len(raw) <= 4 * MAX_TEMPLATE_LINE and not _surely_long(raw):
            line = normalize_line(raw)
            if line and len(line) <= MAX_TEMPLATE_LINE:
                out.add(line)
    return out


def _surely_long(raw: str) -> bool:
    """True when ``normalize_line(raw)`` is certainly longer than MAX_TEMPLATE_LINE, told
    without normalizing it: most paragraphs, so most lines of an article.

    Normalizing (lower-casing, whitespace runs to one space) keeps every non-space
    character. In a printable string the only whitespace is the plain space (every other
    space character is unprintable; a test checks all of Unicode), so the normalized line
    has at least ``len(raw) - raw.count(" ")`` characters.
    """
    return len(raw) - raw.count(" ") > MAX_TEMPLATE_LINE and raw.isprintable()


def _visible_text(doc: Document) -> str:
    """The text whose lines the pre-pass counts: for a page not yet extracted, its visible
    text from lxml alone (what extraction would give), never the costly trafilatura pass."""
    if not doc.html_pending:
        return doc.text
    from .html import visible_text

    return visible_text(doc.text)


class Templates:
    """Per-source template lines found by :meth:`collect`; ``lines_for(doc)`` gives a document's."""

    def __init__(self, keys: frozenset[int] = frozenset(), sources: dict[str, int] | None = None, documents: int = 0):
        self.keys = keys
        self.sources = sources or {}  # source name -> its number in the keys
        self.documents = documents  # documents seen by the pre-pass (the progress total)

    @classmethod
    def collect(cls, docs: Iterable[Document]) -> "Templates":
        """Count, per source, in how many articles each short normalized line occurs.

        Memory: 8 bytes per (article, distinct short line), spilled to temporary bucket
        files beyond 16 MB, and then the recurring keys only.
        """
        min_docs, min_share = template_rule()
        sources: dict[str, int] = {}
        per_source: list[int] = []  # articles per source number
        buf = array("Q")
        n = 0
        with tempfile.TemporaryDirectory(prefix="framing-templates-") as tmp:
            files = [Path(tmp) / f"{b:02d}.bin" for b in range(_BUCKETS)]
            spilled = False
            for doc in docs:
                n += 1
                if doc.status != OK:
                    continue
                text = _visible_text(doc)
                if doc.html_pending and not text.strip():
                    continue  # will be skipped as a page with no visible text
                sid = sources.setdefault(doc.source, len(sources))
                if sid == len(per_source):
                    per_source.append(0)
                per_source[sid] += 1
                high = sid << _LINE_BITS
                # One count per article: a line repeated inside one page is not a template.
                buf.extend(high | _line_hash(line) for line in _short_lines(text))
                if len(buf) >= _SPILL_AT:
                    _spill(buf, files)
                    buf = array("Q")
                    spilled = True
            need = [max(min_docs, math.ceil(min_share * k)) if k >= min_docs else 1 << 62 for k in per_source]
            if not spilled:
                keys = _recurring(buf, need)
            else:
                _spill(buf, files)
                found: set[int] = set()
                for f in files:
                    if f.exists():
                        found |= _recurring(array("Q", f.read_bytes()), need)
                keys = frozenset(found)
        # Only sources with a template line: the lookup of any other's article is skipped
        # at once (no line of it can match), instead of normalizing and hashing its lines.
        templated = {k >> _LINE_BITS for k in keys}
        return cls(keys, {s: i for s, i in sources.items() if i in templated}, n)

    def lines_for(self, doc: Document) -> frozenset[str]:
        """The normalized lines of ``doc`` that are part of its source's template."""
        sid = self.sources.get(doc.source)
        if sid is None or not self.keys or doc.status != OK:
            return frozenset()
        high = sid << _LINE_BITS
        return frozenset(line for line in _short_lines(_visible_text(doc)) if high | _line_hash(line) in self.keys)

    def __len__(self) -> int:
        return len(self.keys)


def _spill(buf: array, files: list[Path]) -> None:
    # Equal keys land in the same bucket, so each bucket can be counted on its own.
    parts: list[array] = [array("Q") for _ in files]
    for h in buf:
        parts[h % _BUCKETS].append(h)
    for part, f in zip(parts, files):
        if part:
            with open(f, "ab") as fh:
                part.tofile(fh)


def _recurring(keys: array, need: list[int]) -> frozenset[int]:
    if not keys:
        return frozenset()
    import numpy as np

    values, counts = np.unique(np.frombuffer(keys, dtype=np.uint64), return_counts=True)
    threshold = np.asarray(need, dtype=np.int64)[(values >> np.uint64(_LINE_BITS)).astype(np.int64)]
    return frozenset(int(v) for v in values[counts >= threshold])


# ---------------------------------------------------------------------------
# Worker side


def error_record(doc: Document, lex_version: str, message: str) -> ArticleResult:
    if doc.html_pending:  # the record carries extracted text or none, never the markup
        doc = replace(doc, text="", html_pending=False)
    return unscored_result(doc, lex_version, status=ERROR, error=message)


def html_key_tag() -> str:
    """Stands in for the main text in the cache key of a page not yet extracted: its markup
    is keyed instead, and the extractors' versions, which decide what text it gives."""
    from importlib.metadata import PackageNotFoundError, version

    parts = ["html-pending"]
    for name in ("lxml", "trafilatura"):
        try:
            parts.append(f"{name}={version(name)}")
        except PackageNotFoundError:
            parts.append(f"{name}=none")
    return " ".join(parts)


# What a worker hands back per document: (serialized record or None, status, packed record
# or None); at least one of the two forms is given, see _reply.
Scored = tuple[Optional[str], str, Optional[bytes]]
LINE, BOTH, PACKED = "line", "both", "packed"


def score_document(doc: Document, lex: Lexicons, recurring: frozenset[str]) -> tuple[str, str]:
    """(serialized record, status). An exception in the pipeline becomes an error record."""
    from .pipeline import analyze_document

    try:
        # A page read with defer_html is extracted here, once, in the worker.
        doc = finish_html(doc)
        result = analyze_document(doc, lex, recurring)
    except Exception as exc:  # noqa: BLE001 - one bad article must not stop a batch
        result = error_record(doc, lex.version, f"internal error: {type(exc).__name__}: {exc}")
    return serialize(result), result.status


def _reply(line: str, status: str, form: str) -> Scored:
    """A record in the form the driver wants: the line alone when nothing is cached (no
    compression at all), both when it is (compressed in the worker, in parallel), the
    packed record alone across a network (a third of the bytes)."""
    if form == LINE:
        return line, status, None
    packed = pack(line)
    return (line if form == BOTH else None), status, packed


def _warm_up_documents() -> list[Document]:
    from .bench import FALLBACK

    # Whole articles: a one-liner may be all boilerplate and reach no later detector.
    return [Document(id="warm-up", source=source, text=text, title=text.split("\n", 1)[0]) for source, text in FALLBACK]


def warm_up(lex: Lexicons) -> None:
    """Score a tiny article so every lazily loaded model is in memory."""
    for doc in _warm_up_documents():
        score_document(doc, lex, frozenset())


def check_lexicons(lex: Lexicons) -> None:
    """Raise the LexiconError of a user lexicon that a detector cannot use, once, before a run.

    Detectors build their tables from the lexicons lazily, on the first article; without this
    check a bad user file would turn every article into an error record instead of one message.
    """
    from .lexicon import LexiconError
    from .pipeline import analyze_document

    for doc in _warm_up_documents():
        try:
            analyze_document(doc, lex, frozenset())
        except LexiconError:
            raise
        except Exception:  # noqa: BLE001 - not the lexicons' fault: each article reports its own
            return


_WORKER_LEX: Lexicons | None = None


def _init_worker(lex: Lexicons) -> None:
    import signal

    global _WORKER_LEX
    _WORKER_LEX = lex
    # Ctrl-C reaches the whole process group; the main process alone handles it (it
    # stops the pool), instead of every worker printing a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the main process's handler (cli.main)
    # Warm the lazy imports (textstat, VADER...) once per worker, not inside a timed chunk.
    from . import pipeline  # noqa: F401


def _score_chunk_local(items: list[tuple[Document, frozenset[str]]], form: str = LINE) -> list[Scored]:
    assert _WORKER_LEX is not None
    return [_reply(*score_document(doc, _WORKER_LEX, rec), form) for doc, rec in items]


def score_chunk(items: list[tuple[Document, frozenset[str]]], lex: Lexicons, form: str = PACKED) -> list[Scored]:
    """A chunk of documents scored in one task (the unit sent to a Dask worker)."""
    return [_reply(*score_document(doc, lex, rec), form) for doc, rec in items]


# ---------------------------------------------------------------------------
# Driver side


@dataclass
class _Chunk:
    keys: list[bytes | None]  # cache key per slot, None when not to be cached
    ready: list[Scored | None]  # per slot, None while pending
    todo: list[tuple[Document, frozenset[str]]]
    future: object = None


class EngineError(RuntimeError):
    """The engine cannot start (dask missing, scheduler unreachable...)."""


class _Serial:
    def __init__(self, lex: Lexicons):
        self.lex = lex

    def submit(self, todo):
        # In this process: the line alone; the driver packs it if it caches it.
        return score_chunk(todo, self.lex, LINE)

    def result(self, fut, todo):
        return fut

    def close(self):
        pass


class _LocalPool:
    def __init__(self, lex: Lexicons, jobs: int, form: str = LINE):
        import multiprocessing as mp

        # fork: workers share the parent's loaded modules and models instead of each
        # loading them again, so load them here first (lazy imports, dictionaries).
        self.ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else None
        if self.ctx is not None:
            warm_up(lex)
        self.lex = lex
        self.jobs = jobs
        self.form = form
        self.pool = self._new_pool(jobs)

    def _new_pool(self, jobs: int):
        from concurrent.futures import ProcessPoolExecutor

        return ProcessPoolExecutor(max_workers=jobs, mp_context=self.ctx, initializer=_init_worker, initargs=(self.lex,))

    def submit(self, todo):
        from concurrent.futures.process import BrokenProcessPool

        try:
            return self.pool, self.pool.submit(_score_chunk_local, todo, self.form)
        except BrokenProcessPool:  # a worker died since the last submit
            self._restart(self.pool)
            return self.pool, self.pool.submit(_score_chunk_local, todo, self.form)

    def _restart(self, broken) -> None:
        if broken is self.pool:
            broken.shutdown(wait=False, cancel_futures=True)
            self.pool = self._new_pool(self.jobs)

    def result(self, handle, todo):
        from concurrent.futures.process import BrokenProcessPool

        pool, fut = handle
        try:
            return fut.result()
        except BrokenProcessPool:
            # A worker died (killed, out of memory, crashed in C code): every chunk in
            # flight is lost. Start a new pool, and redo this chunk one article per
            # process so that only the article that kills its worker becomes an error.
            self._restart(pool)
            return [self._isolated(item) for item in todo]

    def _isolated(self, item):
        from concurrent.futures.process import BrokenProcessPool

        single = self._new_pool(1)
        try:
            return single.submit(_score_chunk_local, [item], self.form).result()[0]
        except BrokenProcessPool:
            doc = item[0]
            return serialize(error_record(doc, self.lex.version, "internal error: the worker process scoring this article died")), ERROR, None
        finally:
            single.shutdown(wait=True)

    def close(self):
        self.pool.shutdown(wait=True, cancel_futures=True)


class _Dask:
    def __init__(self, lex: Lexicons, jobs: int, scheduler: str | None):
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise EngineError("--engine dask needs dask: pip install 'framing[dask]'") from None
        self.cluster = None
        try:
            if scheduler:
                self.client = Client(scheduler, timeout="20s")
            else:
                import logging

                self.cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=logging.ERROR)
                self.client = Client(self.cluster)
        except (OSError, TimeoutError) as exc:
            raise EngineError(f"cannot reach the Dask scheduler {scheduler or '(local)'}: {exc}") from None
        # Import framing on every worker before any framing object reaches it: otherwise
        # a worker may unpickle the lexicons in its network thread while a task imports
        # the same modules in another, and see them half-initialized.
        try:
            self.client.run(_preload)
        except Exception as exc:  # noqa: BLE001 - e.g. framing not installed on the workers
            raise EngineError(f"the Dask workers cannot import framing: {type(exc).__name__}: {exc}") from None
        # Ship the lexicons once; each task refers to the scattered copy.
        self.lex_version = lex.version
        self.lex = self.client.scatter(lex, broadcast=True)

    def submit(self, todo):
        return self.client.submit(score_chunk, todo, self.lex, PACKED, pure=False)

    def result(self, fut, todo):
        try:
            return fut.result()
        except Exception as exc:  # noqa: BLE001 - e.g. KilledWorker: the chunk's articles become errors
            message = f"internal error: {type(exc).__name__}: {exc}"
            return [(serialize(error_record(doc, self.lex_version, message)), ERROR, None) for doc, _ in todo]

    def close(self):
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def _preload() -> None:
    from . import pipeline  # noqa: F401


def make_engine(lex: Lexicons, *, jobs: int, engine: str = "local", scheduler: str | None = None, cached: bool = False):
    """``cached``: records will be stored, so pool workers send them compressed too."""
    if engine == "dask":
        return _Dask(lex, jobs, scheduler)
    if jobs <= 1:
        return _Serial(lex)
    return _LocalPool(lex, jobs, BOTH if cached else LINE)


def score_stream(
    docs: Iterable[Document],
    lex: Lexicons,
    *,
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    cache: Cache | None = None,
    templates: Templates | None = None,
    chunk_size: int = 8,
    window: int | None = None,
) -> Iterator[tuple[Document, str, str]]:
    """Yield (document, serialized record, status) for every document, in input order."""
    program = program_version()
    html_tag: str | None = None
    # Started at the first article that needs scoring: a run served wholly from the
    # cache loads no models and starts no workers.
    backend = None
    # Chunks in flight: enough to keep every worker busy while the head is awaited.
    window = window or max(2, 4 * jobs)
    pending: deque[tuple[list[Document], _Chunk]] = deque()

    def flush(chunk_docs: list[Document], chunk: _Chunk) -> None:
        nonlocal backend
        if chunk.todo:
            if backend is None:
                backend = make_engine(lex, jobs=jobs, engine=engine, scheduler=scheduler, cached=cache is not None)
            chunk.future = backend.submit(chunk.todo)
        pending.append((chunk_docs, chunk))

    def drain_head() -> Iterator[tuple[Document, str, str]]:
        chunk_docs, chunk = pending.popleft()
        done = iter(backend.result(chunk.future, chunk.todo)) if chunk.todo else iter(())
        for doc, key, ready in zip(chunk_docs, chunk.keys, chunk.ready):
            if ready is None:
                ready = next(done)
                # Error records are not cached: a transient failure must not stick.
                if cache is not None and key is not None and ready[1] == OK:
                    cache.put(key, pack(ready[0]) if ready[2] is None else ready[2])
            line, status, packed = ready
            yield doc, (unpack(packed) if line is None else line), status

    try:
        chunk_docs: list[Document] = []
        chunk = _Chunk([], [], [])
        for doc in docs:
            ready: Scored | None = None
            key = None
            if doc.status != OK:
                # Unreadable or empty input: nothing to compute, no worker needed.
                ready = (*score_document(doc, lex, frozenset()), None)
            else:
                recurring = templates.lines_for(doc) if templates is not None else frozenset()
                if cache is not None:
                    keyed = doc
                    if doc.html_pending:
                        html_tag = html_tag or html_key_tag()
                        keyed = replace(doc, main_text=html_tag)
                    key = record_key(keyed, recurring, lex.version, program)
                    hit = cache.get(key)
                    ready = None if hit is None else (None, OK, hit)
                if ready is None:
                    chunk.todo.append((doc, recurring))
            chunk_docs.append(doc)
            chunk.keys.append(key)
            chunk.ready.append(ready)
            if len(chunk.todo) >= chunk_size or len(chunk_docs) >= 16 * chunk_size:
                flush(chunk_docs, chunk)
                chunk_docs, chunk = [], _Chunk([], [], [])
                while len(pending) > window or (pending and not pending[0][1].todo):
                    yield from drain_head()
        if chunk_docs:
            flush(chunk_docs, chunk)
        while pending:
            yield from drain_head()
    finally:
        if cache is not None:
            cache.commit()
        if backend is not None:
            backend.close()

