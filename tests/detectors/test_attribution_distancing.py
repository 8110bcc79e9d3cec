"""Distancing adverbs ("allegedly", "so-called") are cues wherever they stand in a sentence."""

from __future__ import annotations

import pytest

import framing


def kinds_at(text: str, word: str) -> set[tuple[str, str]]:
    r = framing.analyze(text)
    return {(s.kind, s.label) for s in r.spans if s.text.lower() == word}


@pytest.mark.parametrize(
    "text",
    [
        "The treasurer allegedly moved the funds.",
        "The treasurer allegedly moved the funds, auditors said.",
        "Auditors said the treasurer allegedly moved the funds.",
        "According to auditors, the treasurer allegedly moved the funds.",
    ],
)
def test_allegedly_is_a_distancing_cue_and_a_reportative_hedge(text):
    assert kinds_at(text, "allegedly") == {("attribution_cue", "distancing"), ("hedge", "reportative")}


@pytest.mark.parametrize(
    "text",
    [
        "The so-called bypass plan was dropped.",
        "Residents claimed the so-called bypass plan was dropped.",
        "The so-called bypass plan, residents claimed, was dropped.",
    ],
)
def test_so_called_is_flagged_next_to_another_cue(text):
    assert ("attribution_cue", "distancing") in kinds_at(text, "so-called")


def test_the_other_cue_keeps_its_source():
    r = framing.analyze("The treasurer allegedly moved the funds, auditors said.")
    assert [s.text for s in r.spans if s.kind == "attribution_source"] == ["auditors"]


def test_allegedly_inside_a_quote_is_the_speakers_not_a_cue():
    assert ("attribution_cue", "distancing") not in kinds_at('"He allegedly moved the funds," an auditor said.', "allegedly")
