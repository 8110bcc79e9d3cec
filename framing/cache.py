"""SQLite cache of scored records, so a second or resumed run skips finished work.

A record is stored under a key that hashes everything that shapes it: the program
(package version plus the code and model files), the lexicon version, and every field
of the input Document together with the recurring template lines handed to it. Change
any of these and the key changes, so a stale record is never reused.

Each committed row is a whole record: a run killed at any moment (even SIGKILL) loses
at most the rows of its last open transaction, never half a row (WAL journal).
"""

from __future__ import annotations

import hashlib
import sqlite3
import zlib
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from .ingest import Document

DEFAULT_PATH = "output/.framing-cache.sqlite"
# Commit after this many new rows: small enough that a killed run loses little work,
# large enough that commits do not dominate the run.
COMMIT_EVERY = 64

_SCHEMA = "CREATE TABLE IF NOT EXISTS records (key BLOB PRIMARY KEY, record BLOB NOT NULL) WITHOUT ROWID"


class CacheError(ValueError):
    """A cache file that cannot be opened or is not a framing cache."""


@lru_cache(maxsize=1)
def program_version() -> str:
    """Package version plus a hash of the code and shipped model files.

    The version number alone would let a changed detector reuse stale records while
    the project is being developed, so the files themselves are hashed too.
    """
    from . import __version__

    root = Path(__file__).resolve().parent
    digest = hashlib.sha256(__version__.encode())
    files = sorted(p for p in root.rglob("*") if p.is_file() and (p.suffix == ".py" or p.parent.name == "models"))
    for p in files:
        digest.update(p.relative_to(root).as_posix().encode() + b"\0" + p.read_bytes() + b"\0")
    return f"{__version__}+{digest.hexdigest()[:12]}"


def record_key(doc: Document, recurring: Iterable[str], lexicon_version: str, program: str | None = None) -> bytes:
    """A 16-byte key for the record of ``doc`` scored with these inputs."""
    h = hashlib.blake2b(digest_size=16)
    program = program or program_version()
    fields = (
        program,
        lexicon_version,
        doc.id,
        doc.source,
        doc.title,
        doc.path,
        doc.date,
        doc.url,
        doc.status,
        doc.error,
        doc.main_text,
        "\x1e".join(doc.warnings),
        "\x1e".join(sorted(recurring)),
        doc.text,
    )
    for f in fields:
        # A type tag keeps None apart from "" and field boundaries unambiguous.
        if f is None:
            h.update(b"\x00")
        else:
            b = f.encode("utf-8", "surrogatepass")
            h.update(b"\x01" + len(b).to_bytes(8, "little") + b)
    return h.digest()


def pack(line: str) -> bytes:
    """A serialized record as stored (zlib: records repeat their text in spans)."""
    return zlib.compress(line.encode("utf-8"), 1)


def unpack(blob: bytes) -> str:
    return zlib.decompress(blob).decode("utf-8")


class Cache:
    """``get(key) -> packed record | None`` and ``put(key, packed)``; commits in batches."""

    def __init__(self, path: str | Path, commit_every: int = COMMIT_EVERY):
        self.path = Path(path)
        self.commit_every = commit_every
        self.hits = 0
        self.stored = 0
        self._pending = 0
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            # NORMAL in WAL mode: a commit survives a killed process (not a power cut).
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute(_SCHEMA)
            self._db.execute("SELECT key, record FROM records LIMIT 0")
        except (OSError, sqlite3.Error) as exc:
            raise CacheError(f"{self.path}: cannot use as a cache ({exc}); pass another --cache FILE or --no-cache") from None
        self._in_tx = False

    def get(self, key: bytes) -> bytes | None:
        row = self._db.execute("SELECT record FROM records WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        self.hits += 1
        return row[0]

    def put(self, key: bytes, packed: bytes) -> None:
        if not self._in_tx:
            self._db.execute("BEGIN")
            self._in_tx = True
        self._db.execute("INSERT OR REPLACE INTO records (key, record) VALUES (?, ?)", (key, packed))
        self.stored += 1
        self._pending += 1
        if self._pending >= self.commit_every:
            self.commit()

    def commit(self) -> None:
        if self._in_tx:
            self._db.execute("COMMIT")
            self._in_tx = False
        self._pending = 0

    def __len__(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM records").fetchone()[0]

    def close(self) -> None:
        try:
            self.commit()
        finally:
            self._db.close()

    def __enter__(self) -> "Cache":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
