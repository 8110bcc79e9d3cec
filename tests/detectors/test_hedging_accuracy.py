"""Hedging accuracy on the news (factbank) part of the Szeged dev data, pinned a bit below
the measured level; skipped when ../shared/eval is absent."""

from __future__ import annotations


import pytest

from framing.evaluate import predict_hedging, score
from framing.lexicon import load_lexicons

from shipped_accuracy import assert_shipped

# Measured: cue F1 0.869, uncertain-sentence F1 0.882 (factbank part, 1,533 sentences).
CUE_F1_FLOOR = 0.86
SENTENCE_F1_FLOOR = 0.87


@pytest.fixture(scope="module")
def factbank(gold):
    records = [r for r in gold("hedging.szeged.dev.jsonl") if r.get("part") == "factbank"]
    lex = load_lexicons()
    preds = [predict_hedging(r, lex) for r in records]
    return score("hedging", records, preds)["factbank"]


def test_cue_f1_floor(factbank):
    assert factbank["cues"]["f1"] >= CUE_F1_FLOOR, factbank["cues"]


def test_uncertain_sentence_f1_floor(factbank):
    assert factbank["uncertain_sentences"]["f1"] >= SENTENCE_F1_FLOOR, factbank["uncertain_sentences"]


def test_shipped_accuracy_file_is_current(factbank):
    for key in ("cues", "uncertain_sentences"):
        for metric in ("precision", "recall", "f1"):
            assert_shipped(factbank[key][metric], "hedging", key, metric)
