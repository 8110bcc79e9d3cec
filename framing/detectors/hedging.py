"""Hedging and boosting cues, by category, in the reporter's voice and in quotes."""

from __future__ import annotations

from ..lexicon import Lexicons
from ..model import DetectorOutput
from ..segment import Content


def detect(content: Content, lex: Lexicons) -> DetectorOutput:
    """Initial version: finds nothing. Replaced by the real detector."""
    return DetectorOutput(metrics={"hedges": 0, "hedges_per_100w": 0.0, "boosters": 0, "boosters_per_100w": 0.0})
