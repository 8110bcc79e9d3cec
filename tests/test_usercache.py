"""User cache files: keyed by content, read only when sound and ours, pruned to the newest few."""

from __future__ import annotations


def test_cached_build_rebuilds_on_a_bad_or_foreign_file(tmp_path, monkeypatch):
    import os

    from framing import usercache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    calls = []

    def build():
        calls.append(1)
        return frozenset({"a", "b"})

    assert usercache.cached_build("t", b"k", build, frozenset) == {"a", "b"} and len(calls) == 1
    assert usercache.cached_build("t", b"k", build, frozenset) == {"a", "b"} and len(calls) == 1  # read back
    assert usercache.cached_build("t", b"other", build, frozenset) and len(calls) == 2  # another key
    (path,) = [p for p in (tmp_path / "framing").iterdir() if p.name == usercache.cache_path("t", b"k", "pickle").name]
    path.write_bytes(b"not a pickle")
    assert usercache.cached_build("t", b"k", build, frozenset) == {"a", "b"} and len(calls) == 3
    assert usercache.cached_build("t", b"k", build, dict) == {"a", "b"} and len(calls) == 4  # not the kind asked for
    assert usercache.cached_build("t", None, build, frozenset) and len(calls) == 5  # no key: never cached
    usercache.cached_build("t", b"k", build, frozenset)
    assert len(calls) == 5  # rewritten above: read back
    if hasattr(os, "chown") and os.geteuid() == 0:  # only root can hand the file to someone else
        os.chown(path, os.getuid() + 1, -1)
        assert usercache.cached_build("t", b"k", build, frozenset) == {"a", "b"} and len(calls) == 6  # not ours: not read


def test_cache_files_keep_the_newest_few_of_a_name(tmp_path, monkeypatch):
    import os

    from framing import usercache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    paths = [usercache.cache_path("t", str(i).encode()) for i in range(usercache.CACHE_KEEP + 3)]
    for i, path in enumerate(paths):
        usercache.write_cached(path, {"i": i})
        os.utime(path, (1000 + i, 1000 + i))
    usercache.write_cached(usercache.cache_path("other", b"x"), {"i": 0})
    kept = sorted(p.name for p in (tmp_path / "framing").glob("t-*.marshal"))
    assert kept == sorted(p.name for p in paths[-usercache.CACHE_KEEP :])
    assert len(list((tmp_path / "framing").glob("other-*.marshal"))) == 1
