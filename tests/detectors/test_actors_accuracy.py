"""Actor detection on the development gold data: are the people and groups the
annotators chose as targets found as actors? Floors sit just under the measured level."""

from __future__ import annotations

import pytest

from framing.evaluate import actor_coverage, read_gold
from framing.lexicon import load_lexicons

from shipped_accuracy import assert_shipped


@pytest.mark.slow
def test_basil_main_entities_are_found(eval_dir):
    """Every verbatim occurrence of an article's main entities (BASIL) overlaps an actor span."""
    m = actor_coverage("basil", read_gold(eval_dir / "sentiment.basil.dev.jsonl"), load_lexicons())
    assert m["total"] > 300
    assert m["recall"] >= 0.908  # measured 0.918 (0.919 before the non-actor names and places; 0.882 before first names, newspaper words, acronyms before roles and in headlines)
    assert_shipped(m["recall"], "actors", "basil", "recall")


@pytest.mark.slow
def test_newsmtsc_named_targets_are_found(eval_dir):
    """NewsMTSC targets written as names (capitalised, not pronouns) overlap an actor span.

    Single sentences: a lone surname has no full name to lean on, so this is a hard test.
    """
    m = actor_coverage("sentiment", read_gold(eval_dir / "sentiment.newsmtsc.dev.jsonl"), load_lexicons())
    assert m["total"] > 5000
    assert m["recall"] >= 0.665  # measured 0.674 (0.675 before session 7 dropped sources taken from prepositional objects; 0.672 before "Al" first names, outlets and roles such as sheriff; 0.599 before the first names)
    assert_shipped(m["recall"], "actors", "newsmtsc", "recall")


def test_coverage_counts_overlaps_of_our_own_text():
    text = "Mayor Ana Ruiz praised the council. Later Ruiz left."
    rec = {"text": text, "main_entities": ["Ana Ruiz", "Ruiz"]}
    m = actor_coverage("basil", [rec], load_lexicons())
    assert m["total"] == 3  # "Ana Ruiz" once, "Ruiz" twice (inside the full name too)
    assert m["found"] == 3


def test_coverage_rejects_other_tasks():
    with pytest.raises(ValueError):
        actor_coverage("hedging", [], load_lexicons())
