"""Tables built once per machine, kept in the user's cache folder between runs.

Loading the lexicons, the gazetteer, the sentiment weights and the syllable tables costs a
few hundred milliseconds per process: most of ``framing audit`` on one draft. Each table is
written once to ``$XDG_CACHE_HOME/framing`` (else ``~/.cache/framing``) in a file named by a
hash of everything it is built from, and read back by later processes. Writes are atomic;
a missing, truncated or foreign file is ignored and the table built again; a folder that
cannot be written costs only the build.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, TypeVar

if TYPE_CHECKING:
    from .lexicon import Lexicons

T = TypeVar("T")

CACHE_KEEP = 8  # cache files kept per name (per table kind)


def cache_path(name: str, key: bytes, ext: str = "marshal") -> Path | None:
    """A file under the user's cache folder for data derived from ``key`` (hashed into the name)."""
    import os
    import sys

    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    if not os.path.isabs(base):
        return None
    # marshal's format and pickled objects may differ between Python versions: one file each.
    digest = hashlib.blake2b(sys.implementation.cache_tag.encode() + b"\0" + key, digest_size=12).hexdigest()
    return Path(base) / "framing" / f"{name}-{digest}.{ext}"


def read_cached(path: Path) -> Any:
    """The non-empty dict stored at ``path`` by :func:`write_cached`, or None."""
    import marshal

    try:
        table = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    return table if isinstance(table, dict) and table else None


def write_cached(path: Path, table: dict[str, Any]) -> None:
    """Store ``table`` (marshal) at ``path`` atomically; data marshal cannot hold, or any
    file-system problem (read-only home, full disk), leaves no file: it is built again next time."""
    import marshal

    try:
        blob = marshal.dumps(table)
    except ValueError:  # e.g. a TOML date
        return
    _write_blob(path, blob)


def _write_blob(path: Path, blob: bytes) -> None:
    import os
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".part", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(blob)
            os.replace(tmp, path)  # atomic: a reader sees the whole table or none
        except BaseException:
            os.unlink(tmp)
            raise
        # Keep the newest few of this name: each lexicon or code version writes its own.
        name = path.name.rpartition("-")[0]
        old = sorted(path.parent.glob(f"{name}-*{path.suffix}"), key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in old[CACHE_KEEP:]:
            stale.unlink()
    except OSError:
        pass


def cached_build(name: str, key: bytes | None, build: Callable[[], T], kind: type) -> T:
    """``build()``, kept in a user cache file (pickle) named by a hash of ``key``.

    For tables of objects that marshal cannot hold. ``key`` must cover everything the
    result is built from: the lexicon version and the code of the builder (see
    :func:`code_key`); None builds without caching. The file is read only when it is
    ours (same user id) and holds a ``kind``; anything else and the tables are built
    again and the file rewritten.
    """
    import os
    import pickle

    path = cache_path(name, key, "pickle") if key is not None else None
    if path is not None:
        try:
            with open(path, "rb") as fh:
                uid = getattr(os, "getuid", None)  # (no user ids on Windows: a per-user folder)
                if uid is None or os.fstat(fh.fileno()).st_uid == uid():
                    got = pickle.load(fh)
                    if isinstance(got, kind):
                        return got
        except Exception:  # noqa: BLE001 - missing, truncated, from another version: build
            pass
    got = build()
    if path is not None:
        try:
            blob = pickle.dumps(got, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # noqa: BLE001 - something unpicklable: not cached
            return got
        _write_blob(path, blob)
    return got


def code_key(lex: "Lexicons", *files: str) -> bytes | None:
    """A cache key of the lexicon version and the source ``files`` (a builder's modules)."""
    return code_key_of(lex.version.encode(), *files)


def code_key_of(data: bytes, *files: str) -> bytes | None:
    """A cache key of ``data`` and the source ``files``; None when one cannot be read."""
    try:
        return b"\0".join([data, *(Path(f).read_bytes() for f in files)])
    except OSError:
        return None
