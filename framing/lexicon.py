"""Word lists and rules as data: load ``lexicons/`` once, let users extend it.

Two file kinds live in a lexicon folder:

* ``NAME.tsv``: a header of ``# key: value`` lines (``source``, ``categories``, and
  optionally ``columns``), then one entry per line: ``term<TAB>category[<TAB>more...]``.
  Terms are matched on whole tokens, case-insensitively; a term may span words.
* ``NAME.toml``: structured tables (actors, rules) with a ``[meta]`` table naming
  ``source`` and ``categories``.

A user folder (``--lexicons DIR``) is read after the bundled one: TSV entries are
added, an entry for an existing term replaces its category, and the category ``off``
removes the term; a TOML file's lists are appended and its tables merged. The
``version`` is a hash of every file read, recorded in each output record.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache, wraps
from importlib import resources
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping, TypeVar

from .segment import _TOKEN
from .usercache import cache_path, cached_build, code_key_of, read_cached, write_cached

REMOVE = "off"
T = TypeVar("T")


class LexiconError(ValueError):
    """A malformed lexicon entry; the message names file:line."""


@dataclass(frozen=True)
class Entry:
    term: str
    words: tuple[str, ...]
    category: str
    extra: tuple[str, ...] = ()


@dataclass(frozen=True)
class WordList:
    """One TSV lexicon after merging: entries by term, plus a phrase index."""

    name: str
    source: str
    categories: tuple[str, ...]
    entries: Mapping[str, Entry]
    _index: Mapping[str, tuple[Entry, ...]] = field(repr=False, default_factory=dict)

    @property
    def by_first_word(self) -> Mapping[str, tuple[Entry, ...]]:
        """Entries keyed by their first word, longest first: for detectors that pre-test
        tokens in one pass before calling :meth:`match`."""
        return self._index

    def __contains__(self, term: str) -> bool:
        return term.lower() in self.entries

    def category(self, term: str) -> str | None:
        e = self.entries.get(term.lower())
        return e.category if e else None

    def match(self, words: tuple[str, ...] | list[str], i: int) -> Entry | None:
        """Longest entry whose words start at ``words[i]``."""
        for entry in self._index.get(words[i], ()):
            n = len(entry.words)
            if tuple(words[i : i + n]) == entry.words:
                return entry
        return None

    def find_all(self, words: tuple[str, ...] | list[str], lo: int = 0, hi: int | None = None) -> Iterator[tuple[int, int, Entry]]:
        """Non-overlapping longest matches in ``words[lo:hi]`` as (first, last+1, entry)."""
        hi = len(words) if hi is None else hi
        i = lo
        while i < hi:
            e = self.match(words, i) if words[i] in self._index else None
            if e is not None and i + len(e.words) <= hi:
                yield i, i + len(e.words), e
                i += len(e.words)
            else:
                i += 1


@dataclass(frozen=True)
class Lexicons:
    """All lexicons of one run; load with :func:`load_lexicons`."""

    version: str
    lists: Mapping[str, WordList]
    tables: Mapping[str, Mapping[str, Any]]
    files: tuple[str, ...]

    def __getitem__(self, name: str) -> WordList:
        try:
            return self.lists[name]
        except KeyError:
            raise LexiconError(f"no lexicon named {name!r} (have: {', '.join(sorted(self.lists))})") from None

    def rules(self) -> list[Mapping[str, Any]]:
        """Every ``[[rule]]`` of the ``rules_*.toml`` tables, sorted by id."""
        out = []
        for name, table in self.tables.items():
            if name.startswith("rules"):
                out.extend(table.get("rule", []))
        return sorted(out, key=lambda r: r.get("id", ""))

    def table(self, name: str) -> Mapping[str, Any]:
        try:
            return self.tables[name]
        except KeyError:
            raise LexiconError(f"no lexicon table named {name!r} (have: {', '.join(sorted(self.tables))})") from None


def per_lexicon(build: Callable[["Lexicons"], T]) -> Callable[["Lexicons"], T]:
    """Decorator: ``build(lex)`` runs once per lexicon version; later calls reuse its result.

    Detectors compile their word lists into lookup tables this way, so the tables are
    built once per run (and per worker), never per article.
    """
    built: dict[str, T] = {}

    @wraps(build)
    def get(lex: "Lexicons") -> T:
        got = built.get(lex.version)
        if got is None:
            got = built[lex.version] = build(lex)
        return got

    return get


def tokenize_term(term: str) -> tuple[str, ...]:
    return tuple(m.group(0).lower() for m in _TOKEN.finditer(term))


def bundled_dir() -> Path:
    return Path(str(resources.files("framing.lexicons")))


@lru_cache(maxsize=8)
def load_lexicons(extra_dirs: tuple[str, ...] = ()) -> Lexicons:
    """Load the bundled lexicons, then each folder of ``extra_dirs`` on top."""
    dirs = [bundled_dir()] + [Path(d) for d in extra_dirs]
    for d in dirs[1:]:
        if not d.is_dir():
            raise LexiconError(f"{d}: lexicon folder not found")
    digest = hashlib.sha256()
    read: list[tuple[Path, bytes]] = []
    for d in dirs:
        for path in sorted(d.iterdir()):
            if path.suffix not in (".tsv", ".toml") or not path.is_file():
                continue
            data = path.read_bytes()
            digest.update(path.name.encode() + b"\0" + data + b"\0")
            read.append((path, data))
    version = digest.hexdigest()[:12]
    # Parsing and indexing the files costs ~20 ms per process: the result is kept in a
    # user cache file named by their paths and contents and by the code that parses them.
    from . import segment

    key = code_key_of(b"\0".join([version.encode(), *(str(p).encode() + b"\0" + data for p, data in read)]), __file__, segment.__file__)
    return cached_build("lexicons", key, lambda: _build_lexicons(version, read), Lexicons)


def _build_lexicons(version: str, read: list[tuple[Path, bytes]]) -> Lexicons:
    raw_lists: dict[str, dict[str, Any]] = {}
    tables: dict[str, dict[str, Any]] = {}
    for path, data in read:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise LexiconError(f"{path}: not UTF-8 ({exc.reason})") from None
        if path.suffix == ".tsv":
            _merge_tsv(raw_lists, path, text)
        else:
            _merge_toml(tables, path, text)
    lists = {name: _build_list(name, raw) for name, raw in raw_lists.items()}
    return Lexicons(version=version, lists=lists, tables=tables, files=tuple(str(p) for p, _ in read))


def _merge_tsv(raw_lists: dict[str, dict[str, Any]], path: Path, text: str) -> None:
    name = path.stem
    header: dict[str, str] = {}
    entries: list[tuple[int, str, str, tuple[str, ...]]] = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        if line.startswith("#"):
            m = re.match(r"#\s*(\w+)\s*:\s*(.*)$", line)
            if m and not entries:
                header[m.group(1).lower()] = m.group(2).strip()
            continue
        cells = line.split("\t")
        if len(cells) < 2 or not cells[0].strip() or not cells[1].strip():
            raise LexiconError(f"{path}:{lineno}: expected 'term<TAB>category', got {line!r}")
        entries.append((lineno, cells[0].strip(), cells[1].strip(), tuple(c.strip() for c in cells[2:])))
    target = raw_lists.get(name)
    if target is None:
        if "source" not in header or "categories" not in header:
            raise LexiconError(f"{path}:1: header must name '# source:' and '# categories:'")
        target = raw_lists[name] = {
            "source": header["source"],
            "categories": tuple(c.strip() for c in header["categories"].split(",") if c.strip()),
            "entries": {},
        }
    elif "categories" in header:
        extra = tuple(c.strip() for c in header["categories"].split(",") if c.strip())
        target["categories"] = target["categories"] + tuple(c for c in extra if c not in target["categories"])
    allowed = set(target["categories"]) | {REMOVE}
    # A term twice in one file is a slip (the later line would silently win); across
    # files, a later folder replacing a term is the documented way to override it.
    first_line: dict[str, int] = {}
    for lineno, term, category, extra in entries:
        if category not in allowed:
            raise LexiconError(
                f"{path}:{lineno}: unknown category {category!r} for {term!r} "
                f"(allowed: {', '.join(target['categories'])}, or '{REMOVE}' to remove)"
            )
        words = tokenize_term(term)
        if not words:
            raise LexiconError(f"{path}:{lineno}: term {term!r} has no words")
        key = " ".join(words)
        if key in first_line:
            raise LexiconError(f"{path}:{lineno}: {term!r} is already listed at line {first_line[key]} of this file")
        first_line[key] = lineno
        if category == REMOVE:
            target["entries"].pop(key, None)
        else:
            target["entries"][key] = Entry(term=key, words=words, category=category, extra=extra)


def _merge_toml(tables: dict[str, dict[str, Any]], path: Path, text: str) -> None:
    data = _parse_toml(path, text)
    name = path.stem
    if name not in tables:
        meta = data.get("meta", {})
        if "source" not in meta or "categories" not in meta:
            raise LexiconError(f"{path}:1: a [meta] table must name 'source' and 'categories'")
        tables[name] = data
        return
    _deep_merge(tables[name], data)


_TOML_RULE = b"tomllib/1"  # change when _parse_toml changes: the cached parses are keyed by it


def _parse_toml(path: Path, text: str) -> dict[str, Any]:
    """``tomllib.loads(text)``, kept in a user cache file named by a hash of the text.

    Parsing the bundled tables costs ~0.05 s per process, a tenth of ``framing audit``
    on one draft; reading the parse back (marshal) costs ~1 ms.
    """
    cache = cache_path(f"toml-{path.stem}", _TOML_RULE + b"\0" + text.encode("utf-8", "surrogatepass"))
    data = read_cached(cache) if cache is not None else None
    if isinstance(data, dict):
        return data
    import tomllib  # its import costs ~8 ms: only when a file is parsed

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        raise LexiconError(f"{path}:{m.group(1) if m else 1}: {exc}") from None
    if cache is not None and data:
        write_cached(cache, data)
    return data


def _deep_merge(into: dict[str, Any], new: Mapping[str, Any]) -> None:
    for key, value in new.items():
        old = into.get(key)
        if isinstance(old, dict) and isinstance(value, dict):
            _deep_merge(old, value)
        elif isinstance(old, list) and isinstance(value, list):
            old.extend(value)
        else:
            into[key] = value


def _build_list(name: str, raw: Mapping[str, Any]) -> WordList:
    entries: dict[str, Entry] = raw["entries"]
    index: dict[str, list[Entry]] = {}
    for e in entries.values():
        index.setdefault(e.words[0], []).append(e)
    frozen_index = {k: tuple(sorted(v, key=lambda e: (-len(e.words), e.term))) for k, v in index.items()}
    return WordList(
        name=name,
        source=raw["source"],
        categories=tuple(raw["categories"]),
        entries=dict(sorted(entries.items())),
        _index=frozen_index,
    )


def iter_terms(lists: Iterable[WordList]) -> Iterator[Entry]:
    for wl in lists:
        yield from wl.entries.values()
