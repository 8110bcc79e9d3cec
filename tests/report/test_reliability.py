"""The "How reliable are these numbers?" subsection: wording from accuracy.json, fallback without it."""

from __future__ import annotations

import json

import pytest

from framing.report import build_report, reliability as rel
from framing.report.reliability import NOT_MEASURED, in_ten, load_accuracy, reliability

FAKE = {
    "version": 1,
    "attribution": {
        "dataset": "TestAttr",
        "about": "practice articles marked by two teachers",
        "articles": 1200,
        "cues": {"precision": 0.81, "recall": 0.64, "f1": 0.715, "predicted": 10, "gold": 12},
        "sources": {"precision": 0.9, "recall": 0.5, "f1": 0.643, "predicted": 5, "gold": 9},
        "density_spearman": 0.612,
    },
    "hedging": {
        "dataset": "TestHedge",
        "about": "practice sentences marked by a linguist",
        "sentences": 40,
        "cues": {"precision": 0.96, "recall": 0.04, "f1": 0.077, "predicted": 1, "gold": 25},
        "uncertain_sentences": {"precision": 1.0, "recall": 0.0, "f1": 0.0},
    },
    "sentiment": {
        "dataset": "TestTone",
        "about": "practice sentences marked by pupils",
        "sentences": 30,
        "rw": {"accuracy": 0.5, "n": 10, "macro_f1": 0.5, "f1_neg": 0.5, "f1_neu": 0.5, "f1_pos": 0.5},
        "mt": {"accuracy": 1.0, "n": 30, "macro_f1": 1.0, "f1_neg": 1.0, "f1_neu": 1.0, "f1_pos": 1.0},
    },
    "basil": {
        "dataset": "TestSlant",
        "about": "practice articles from three papers",
        "articles": 6,
        "all": {"accuracy": 0.66, "n": 50, "macro_f1": 0.6, "f1_neg": 0.9, "f1_pos": 0.3},
    },
    "actors": {
        "basil": {"dataset": "TestSlant", "about": "practice articles from three papers", "articles": 6, "found": 31, "total": 40, "recall": 0.775},
        "newsmtsc": {"dataset": "TestTone", "about": "practice sentences", "found": 3, "total": 10, "recall": 0.3},
    },
    "boilerplate": {
        "dataset": "TestPages",
        "about": "practice web pages",
        "pages": 12,
        "lines": 400,
        "content": {"precision": 0.5, "recall": 0.5, "f1": 0.5},
        "boilerplate": {"precision": 0.5, "recall": 0.5, "f1": 0.5},
        "mean_f1": 0.5,
        "cv": {"folds": 5, "content": {"precision": 0.9, "recall": 0.72, "f1": 0.8}, "boilerplate": {"precision": 0.99, "recall": 0.97, "f1": 0.98}},
    },
}


@pytest.mark.parametrize(
    "share, words",
    [(0, "none"), (0.0, "none"), (0.04, "fewer than 1 in 10"), (0.05, "about 1 in 10"), (0.15, "about 2 in 10"), (0.35, "about 4 in 10"), (0.5, "about 5 in 10"), (0.72, "about 7 in 10"), (0.949, "about 9 in 10"), (0.95, "nearly all"), (0.999, "nearly all"), (1, "all"), (1.0, "all")],
)
def test_in_ten(share, words):
    assert in_ten(share) == words


def test_sentences_say_the_numbers_of_the_file():
    items = {r.measure: r.text for r in reliability(FAKE)}
    assert list(items) == ["Attribution and sources", "Hedges", "People and groups", "Tone toward actors", "Page furniture"]
    a = items["Attribution and sources"]
    assert a.startswith("In 1,200 practice articles marked by two teachers (TestAttr), framing found about 6 in 10 of the phrases they marked")
    assert "and about 8 in 10 of the phrases it marked were marked by them too" in a
    assert "it found about 5 in 10 of the sources they marked" in a and "come out in a loosely similar order by its count and by theirs (correlation 0.61, where 1 is the same order)" in a
    assert "stance nouns" in a  # the known blind spot
    h = items["Hedges"]
    assert "In 40 practice sentences marked by a linguist (TestHedge), framing found fewer than 1 in 10 of the words" in h
    assert "and nearly all of the words it marked were theirs too" in h and "it picked out none of the sentences" in h
    p = items["People and groups"]
    assert p.startswith("In 6 practice articles from three papers (TestSlant), framing marked as an actor about 8 in 10 of the 40 mentions of the people and groups each article is mainly about; in practice sentences (TestTone), about 3 in 10 of the 10 people")
    assert "common noun" in p  # the known blind spot
    t = items["Tone toward actors"]
    # (0.5 * 10 + 1.0 * 30) / 40 = 0.875: pooled over both subsets by their mentions
    assert t.startswith("On 40 mentions of people in 30 practice sentences marked by pupils (TestTone), framing gave the same tone (negative, neutral or positive) as people about 9 in 10 times")
    assert "in 6 practice articles from three papers (TestSlant), it got the direction (negative or positive) right for about 7 in 10 of the 50 slanted phrases they marked, each read knowing which actor it is about, far more often for negative" in t
    assert "praises one person and attacks another" in t
    f = items["Page furniture"]
    # The cross-validated numbers, not the ones on pages the model learned from.
    assert "In 12 practice web pages (TestPages, each scored by a model that had not seen it), framing kept about 7 in 10 of the story lines" in f
    assert "set aside nearly all of the furniture lines" in f and "Lists and tables" in f


def test_measures_missing_from_the_file_are_left_out():
    partial = {"hedging": FAKE["hedging"], "basil": FAKE["basil"], "boilerplate": {k: v for k, v in FAKE["boilerplate"].items() if k != "cv"}}
    items = {r.measure: r.text for r in reliability(partial)}
    assert list(items) == ["Hedges", "Tone toward actors", "Page furniture"]
    assert items["Tone toward actors"].startswith("In 6 practice articles") and "mentions of people" not in items["Tone toward actors"]
    assert "each scored by a model" not in items["Page furniture"] and "kept about 5 in 10 of the story lines" in items["Page furniture"]
    assert reliability({"attribution": {"cues": {}}}) == []  # another layout: left out, no error
    assert reliability({"actors": {"basil": {"recall": 0.5}}}) == []
    assert reliability(None) == []


def test_unreadable_or_missing_file_loads_as_none(tmp_path):
    assert load_accuracy(tmp_path / "absent.json") is None
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert load_accuracy(bad) is None
    bad.write_text("[1, 2]", encoding="utf-8")
    assert load_accuracy(bad) is None


def _section(page: str) -> str:
    start = page.index('<h3 id="reliability">')
    return page[start : page.index("<h3>Method</h3>", start)]


def test_page_shows_the_subsection_from_the_file(tmp_path, records, monkeypatch):
    path = tmp_path / "accuracy.json"
    fake = json.loads(json.dumps(FAKE))
    fake["attribution"]["dataset"] = "<b>Attr & Co</b>"  # the file's text is escaped like any input
    path.write_text(json.dumps(fake), encoding="utf-8")
    monkeypatch.setattr(rel, "ACCURACY_FILE", path)
    page = build_report(records, tmp_path / "report.html").path.read_text(encoding="utf-8")
    section = _section(page)
    assert "<strong>Attribution and sources:</strong> In 1,200 practice articles marked by two teachers (&lt;b&gt;Attr &amp; Co&lt;/b&gt;), framing found about 6 in 10" in section
    assert section.count("<strong>") == 5 and NOT_MEASURED not in section
    assert '<a href="#reliability">How reliable are these numbers?</a>' in page  # the pointer from the glossary


def test_page_without_the_file_says_it_was_not_measured(tmp_path, records, monkeypatch):
    monkeypatch.setattr(rel, "ACCURACY_FILE", tmp_path / "absent.json")
    page = build_report(records, tmp_path / "report.html").path.read_text(encoding="utf-8")
    section = _section(page)
    assert NOT_MEASURED in section and "<strong>" not in section and "in 10" not in section


def test_shipped_file_gives_a_sentence_per_measure():
    data = load_accuracy()
    assert data is not None, "framing/models/accuracy.json is missing: run scripts/measure_accuracy.py"
    assert [r.measure for r in reliability(data)] == ["Attribution and sources", "Hedges", "People and groups", "Tone toward actors", "Page furniture"]


def test_rank_correlation_in_words_follows_the_value():
    from framing.report.reliability import _order

    assert _order(0.95) == "nearly the same order"
    assert _order(0.73) == "a broadly similar order"
    assert _order(0.5) == "a loosely similar order"
    assert _order(0.1) == "quite a different order"
