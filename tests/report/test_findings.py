"""Headline findings, read as a teacher would: what they count and how strongly they say it."""

from __future__ import annotations

import re

from framing.report.corpus import build_corpus
from framing.report.findings import headline_findings

from report_fixtures import record, span

BODY = (
    "The harbour board met on Monday to discuss the new pier and the cost of the repairs. "
    "Members of the board reviewed the plans for the quay and the budget for the coming year. "
    "The meeting lasted three hours and ended with a vote on the timetable for the works.\n"
)


def _hedged(source: str, n_reporter: int, n_quote: int, quote_words: int = 40, reporter_words: int = 200, *, kind: str = "hedge") -> dict:
    """A record with n hedges (or boosters) in the reporter's voice and n inside quotes."""
    word = "may" if kind == "hedge" else "clearly"
    text = " ".join([f"The board {word} act." for _ in range(n_reporter + n_quote)]) + "\n" + BODY
    spans = [span(text, kind, word, "modal" if kind == "hedge" else "booster", nth=k, voice="reporter" if k < n_reporter else "quote") for k in range(n_reporter + n_quote)]
    metrics = {"words": reporter_words + quote_words, "reporter_words": reporter_words, "quote_words": quote_words, "flesch_kincaid_grade": 10.0}
    return record(f"{source}/1", source, text, spans, metrics=metrics)


def _finding(records, signal: str) -> str:
    return {f.signal: f.text for f in headline_findings(build_corpus(records))}[signal]


def test_hedging_finding_counts_the_outlets_own_voice_not_its_quotes():
    # Quote-Heavy quotes a hedging speaker at length but hedges nothing itself; the page
    # says a hedge in a quote belongs to the speaker, so the finding must not name it.
    records = [_hedged("Quote Heavy", 0, 12), _hedged("Plain Post", 2, 0), _hedged("Hedgy Herald", 6, 0), _hedged("Middle Mail", 2, 0)]
    text = _finding(records, "Hedging")
    assert text.startswith("Hedgy Herald hedges 3\u00d7 more often in its own voice than the median source"), text
    assert "(3.00 vs 1.00 per 100 words of its own text)" in text
    assert "Quote Heavy" not in text


def test_booster_finding_counts_the_outlets_own_voice_too():
    records = [_hedged("Quote Heavy", 0, 9, kind="booster"), _hedged("Plain Post", 0, 0, kind="booster"), _hedged("Loud Ledger", 3, 0, kind="booster")]
    text = _finding(records, "Boosters")
    assert text.startswith("Loud Ledger is the only source with any"), text
    only_quotes = [_hedged("Quote Heavy", 0, 9, kind="booster"), _hedged("Plain Post", 0, 0, kind="booster")]
    assert _finding(only_quotes, "Boosters") == "No source uses boosters (\u201cclearly\u201d, \u201cundoubtedly\u201d) in its own voice; boosters inside quotes belong to the speakers."


def test_a_ratio_over_a_tiny_median_is_not_given_as_a_precise_multiple():
    # 0.5 against a median of 0.02 per 100 words would read "25x": one more hedge in the
    # median source halves it. Above 10x the finding says "far" and gives both numbers.
    records = [_hedged("Hedgy Herald", 50, 0, reporter_words=10_000), _hedged("Plain Post", 2, 0, reporter_words=10_000), _hedged("Middle Mail", 2, 0, reporter_words=10_000)]
    text = _finding(records, "Hedging")
    assert "far more often" in text and "\u00d7" not in text, text
    assert "(0.50 vs 0.02 per 100 words of its own text)" in text
    # Up to 10x the multiple is still given.
    records[0] = _hedged("Hedgy Herald", 18, 0, reporter_words=10_000)
    assert re.search(r"hedges 9\u00d7 more often", _finding(records, "Hedging"))
