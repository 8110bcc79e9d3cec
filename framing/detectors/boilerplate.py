"""Boilerplate: classify each line as content or page furniture, with a category."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..lexicon import Lexicons
from ..model import BOILERPLATE, DetectorOutput, Span
from ..segment import Segmentation

CATEGORIES = ("share", "comment", "legal", "bio", "byline", "caption", "related", "advert", "fragment")


@dataclass(frozen=True)
class BoilerplateOutput(DetectorOutput):
    lines: frozenset[int] = field(default_factory=frozenset)  # 0-based indices into seg.lines


def detect(seg: Segmentation, lex: Lexicons, *, title: str | None = None, main_text: str | None = None, recurring: frozenset[str] = frozenset()) -> BoilerplateOutput:
    """Initial version: no line is boilerplate. Replaced by the real detector."""
    metrics = {"boilerplate_lines": 0, "boilerplate_share": 0.0}
    metrics.update({f"boilerplate_lines_{c}": 0 for c in CATEGORIES})
    return BoilerplateOutput(spans=(), metrics=metrics, lines=frozenset())
