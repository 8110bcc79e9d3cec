"""The SQLite record cache: keys cover every input of a record, rows survive reopening."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest

from framing.cache import Cache, CacheError, pack, program_version, record_key, unpack
from framing.ingest import Document

DOC = Document(id="a1", source="harbour-post", text="Ferry fares rise\n\nThe port authority said fares would rise in May.\n", title="Ferry fares rise")


def test_key_is_stable_and_covers_every_input():
    base = record_key(DOC, frozenset({"share this:"}), "lexv1")
    assert base == record_key(DOC, ["share this:"], "lexv1")
    assert len(base) == 16
    variants = [
        record_key(replace(DOC, text=DOC.text + "More."), {"share this:"}, "lexv1"),
        record_key(replace(DOC, source="other"), {"share this:"}, "lexv1"),
        record_key(replace(DOC, title=None), {"share this:"}, "lexv1"),
        record_key(replace(DOC, title=""), {"share this:"}, "lexv1"),
        record_key(replace(DOC, id="a2"), {"share this:"}, "lexv1"),
        record_key(replace(DOC, path="x.txt"), {"share this:"}, "lexv1"),
        record_key(DOC, frozenset(), "lexv1"),
        record_key(DOC, {"share this:"}, "lexv2"),
        record_key(DOC, {"share this:"}, "lexv1", program="0.0.0+other"),
    ]
    assert base not in variants
    assert len(set(variants)) == len(variants)


def test_program_version_hashes_the_code():
    from framing import __version__

    v = program_version()
    assert v.startswith(__version__ + "+") and len(v) > len(__version__) + 8


def test_put_get_survive_reopen_in_wal_mode(tmp_path):
    path = tmp_path / "sub" / "cache.sqlite"
    line = '{"id":"a1","text":"é"}'
    with Cache(path, commit_every=2) as c:
        assert c.get(b"k" * 16) is None
        c.put(b"k" * 16, pack(line))
        assert unpack(c.get(b"k" * 16)) == line
        assert c.hits == 1 and c.stored == 1
    with Cache(path) as c:
        assert unpack(c.get(b"k" * 16)) == line
        assert len(c) == 1
    mode = sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_uncommitted_rows_are_rolled_back_not_half_written(tmp_path):
    path = tmp_path / "cache.sqlite"
    c = Cache(path, commit_every=3)
    for i in range(4):
        c.put(bytes([i]) * 16, pack(f"record {i}"))
    # 3 committed, 1 open: another connection sees only whole commits.
    assert sqlite3.connect(path).execute("SELECT COUNT(*) FROM records").fetchone()[0] == 3
    c.close()
    assert sqlite3.connect(path).execute("SELECT COUNT(*) FROM records").fetchone()[0] == 4


def test_a_file_that_is_not_a_cache_is_a_clear_error(tmp_path):
    bad = tmp_path / "notes.sqlite"
    bad.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(CacheError, match="cannot use as a cache"):
        Cache(bad)
