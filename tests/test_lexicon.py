"""Lexicons: bundled files load, users extend and override them, errors name file:line."""

from __future__ import annotations

import pytest

from framing.lexicon import LexiconError, bundled_dir, load_lexicons


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def test_every_bundled_file_names_source_and_categories():
    lex = load_lexicons()
    assert lex.files, "no bundled lexicon files"
    for wl in lex.lists.values():
        assert wl.source and wl.categories, wl.name
    for name, table in lex.tables.items():
        assert table["meta"]["source"] and table["meta"]["categories"], name


def test_version_is_a_stable_hash():
    assert load_lexicons().version == load_lexicons.__wrapped__().version
    assert len(load_lexicons().version) == 12


def test_user_folder_adds_overrides_and_removes(tmp_path):
    write(tmp_path / "demo.tsv", "# source: test\n# categories: a, b\nfoo bar\ta\nbaz\tb\n")
    base = load_lexicons((str(tmp_path),))
    assert base["demo"].category("foo bar") == "a"
    extra = tmp_path / "extra"
    extra.mkdir()
    write(extra / "demo.tsv", "# categories: c\nbaz\tc\nfoo bar\toff\nnew\tc\n")
    merged = load_lexicons((str(tmp_path), str(extra)))
    assert merged["demo"].category("baz") == "c"
    assert "foo bar" not in merged["demo"]
    assert merged["demo"].category("new") == "c"
    assert merged.version != base.version


def test_longest_phrase_match(tmp_path):
    write(tmp_path / "p.tsv", "# source: test\n# categories: x\nis believed\tx\nis believed to\tx\n")
    wl = load_lexicons((str(tmp_path),))["p"]
    words = ("he", "is", "believed", "to", "be", "there")
    assert [(a, b, e.term) for a, b, e in wl.find_all(words)] == [(1, 4, "is believed to")]


def test_malformed_entry_names_file_and_line(tmp_path):
    write(tmp_path / "bad.tsv", "# source: test\n# categories: a\nfine\ta\nno-tab-here\n")
    with pytest.raises(LexiconError, match=r"bad\.tsv:4"):
        load_lexicons((str(tmp_path),))


def test_unknown_category_is_an_error(tmp_path):
    write(tmp_path / "bad.tsv", "# source: test\n# categories: a\nword\tzzz\n")
    with pytest.raises(LexiconError, match=r"bad\.tsv:3: unknown category 'zzz'"):
        load_lexicons((str(tmp_path),))


def test_a_term_twice_in_one_file_is_an_error(tmp_path):
    # Spelled differently but the same words once tokenized: still the same term.
    write(tmp_path / "dup.tsv", "# source: test\n# categories: a, b\nput it\ta\nword\tb\nPut  it\tb\n")
    with pytest.raises(LexiconError, match=r"dup\.tsv:5: 'Put  it' is already listed at line 3"):
        load_lexicons((str(tmp_path),))


def test_missing_header_is_an_error(tmp_path):
    write(tmp_path / "nohead.tsv", "word\ta\n")
    with pytest.raises(LexiconError, match=r"nohead\.tsv:1: header"):
        load_lexicons((str(tmp_path),))


def test_bad_toml_names_file_and_line(tmp_path):
    write(tmp_path / "t.toml", "[meta]\nsource = 'x'\ncategories = ['a']\n[oops\n")
    with pytest.raises(LexiconError, match=r"t\.toml:4"):
        load_lexicons((str(tmp_path),))


def test_missing_user_folder(tmp_path):
    with pytest.raises(LexiconError, match="not found"):
        load_lexicons((str(tmp_path / "nope"),))


def test_bundled_dir_is_the_installed_package_data():
    assert (bundled_dir() / "__init__.py").is_file()


def test_toml_parse_is_cached_on_disk_and_a_bad_cache_file_is_ignored(tmp_path, monkeypatch):
    import tomllib

    from framing import lexicon, usercache

    text = '[meta]\nsource = "ours"\ncategories = ["x"]\n[[rule]]\nid = "a.b"\nfail = ["one", "two"]\n'
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    path = write(tmp_path / "t.toml", text)
    expected = tomllib.loads(text)
    assert lexicon._parse_toml(path, text) == expected  # parsed, then written
    (written,) = (tmp_path / "cache" / "framing").glob("toml-t-*.marshal")
    assert usercache.read_cached(written) == expected
    assert lexicon._parse_toml(path, text) == expected  # read back
    written.write_bytes(b"\x00garbage")  # unreadable: parsed again, rewritten
    assert lexicon._parse_toml(path, text) == expected
    assert usercache.read_cached(written) == expected
    with pytest.raises(LexiconError, match=r"t\.toml:2"):
        lexicon._parse_toml(path, text.replace("source =", "source"))


def test_loaded_lexicons_are_cached_on_disk_and_follow_the_files(tmp_path, monkeypatch):
    from framing import lexicon

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = tmp_path / "mine"
    folder.mkdir()
    write(folder / "demo.tsv", "# source: test\n# categories: a, b\nfoo bar\ta\n")
    load = lexicon.load_lexicons.__wrapped__  # lru_cache keeps one per process: bypass it
    built = load((str(folder),))
    build = lexicon._build_lexicons
    monkeypatch.setattr(lexicon, "_build_lexicons", None)  # read back: not parsed
    assert load((str(folder),)) == built
    monkeypatch.setattr(lexicon, "_build_lexicons", build)
    write(folder / "demo.tsv", "# source: test\n# categories: a, b\nfoo bar\tb\n")
    changed = load((str(folder),))
    assert changed["demo"].category("foo bar") == "b" and changed.version != built.version
