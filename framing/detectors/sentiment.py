"""Sentiment toward one mention, scoped to what is said about it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from ..lexicon import Lexicons
from ..segment import Content

POLARITIES = ("neg", "neu", "pos")


@dataclass(frozen=True)
class MentionSentiment:
    score: float  # -1 (negative) .. +1 (positive)
    polarity: str  # neg | neu | pos
    scope: tuple[int, int]  # the characters the score was read from


@lru_cache(maxsize=1)
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def score_mentions(content: Content, lex: Lexicons, mentions: Sequence[tuple[int, int]]) -> list[MentionSentiment]:
    """Initial version: whole-sentence VADER for each mention. Replaced by the scoped model."""
    seg = content.seg
    out = []
    for start, _ in mentions:
        s, e = seg.sentences[seg.sentence_index(start)] if seg.sentences else (0, len(seg.text))
        c = _vader().polarity_scores(seg.text[s:e])["compound"]
        out.append(MentionSentiment(score=c, polarity="pos" if c >= 0.05 else "neg" if c <= -0.05 else "neu", scope=(s, e)))
    return out


def polarity_toward(content: Content, lex: Lexicons, start: int, end: int, target: str | None = None) -> str:
    """neg / neu / pos toward the mention at ``start:end`` (the `framing eval` entry point)."""
    return score_mentions(content, lex, [(start, end)])[0].polarity
