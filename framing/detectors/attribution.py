"""Attribution: reporting cues, who they cite, and whether the quote is direct."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..lexicon import Lexicons
from ..model import DetectorOutput, Span
from ..segment import Content


@dataclass(frozen=True)
class Attribution:
    """One attributed statement: the cue, its source (if any) and how it is framed."""

    cue: Span
    source: Span | None
    source_name: str | None  # canonical name ("Vladimir Putin"), None when unsourced
    source_type: str  # named | anonymous | unsourced
    direct: bool  # the content is a direct quote
    distancing: bool  # "allegedly", "claimed"...
    sentence: int  # index into seg.sentences


@dataclass(frozen=True)
class AttributionOutput(DetectorOutput):
    attributions: tuple[Attribution, ...] = field(default_factory=tuple)


def detect(content: Content, lex: Lexicons) -> AttributionOutput:
    """Initial version: finds nothing. Replaced by the real detector."""
    return AttributionOutput(metrics={"attributions": 0, "attribution_per_100w": 0.0}, attributions=())
