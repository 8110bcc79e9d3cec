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


def normalize_line(line: str) -> str:
    """The form in which lines are compared across articles (templates)."""
    return " ".join(line.lower().split())


def template_lines(docs_by_source: dict[str, list[str]], min_docs: int = 3) -> dict[str, frozenset[str]]:
    """Lines that recur in at least ``min_docs`` articles of a source: its page template.

    ``docs_by_source`` maps a source to its article texts. Initial version; the
    boilerplate detector may refine it.
    """
    from collections import Counter

    out: dict[str, frozenset[str]] = {}
    for source, texts in docs_by_source.items():
        counts: Counter[str] = Counter()
        for text in texts:
            counts.update({normalize_line(l) for l in text.split("\n") if l.strip()})
        out[source] = frozenset(l for l, n in counts.items() if n >= min_docs and len(texts) >= min_docs)
    return out


def detect(seg: Segmentation, lex: Lexicons, *, title: str | None = None, main_text: str | None = None, recurring: frozenset[str] = frozenset()) -> BoilerplateOutput:
    """Initial version: no line is boilerplate. Replaced by the real detector."""
    metrics = {"boilerplate_lines": 0, "boilerplate_share": 0.0}
    metrics.update({f"boilerplate_lines_{c}": 0 for c in CATEGORIES})
    return BoilerplateOutput(spans=(), metrics=metrics, lines=frozenset())
