"""Result types: frozen dataclasses, each with one ``to_dict()``.

The JSONL schema written by ``framing score`` is exactly ``ArticleResult.to_dict()``;
README.md ("Output schema") documents every field.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from math import copysign, floor
from typing import Any, Mapping

# Span kinds, one per detector finding.
ATTRIBUTION_CUE = "attribution_cue"
ATTRIBUTION_SOURCE = "attribution_source"
HEDGE = "hedge"
BOOSTER = "booster"
BOILERPLATE = "boilerplate"
ACTOR = "actor"
QUOTE = "quote"

REPORTER = "reporter"
QUOTED = "quote"
SPEAKER = "speaker"  # an actor mention that is the source of an attribution in its sentence

OK = "ok"
ERROR = "error"
SKIPPED = "skipped"


@dataclass(frozen=True)
class Span:
    """One piece of evidence: ``text == article_text[start:end]``.

    ``label`` is the category (``modal``, ``named``, ``share``...), ``rule`` the dotted
    rule id that produced it, ``line``/``col`` are 1-based, ``voice`` is ``reporter`` or
    ``quote`` (``speaker`` for an actor mention that is the one speaking). ``score``
    carries a number where the kind has one (actor sentiment), and ``note`` a short human
    explanation (the linked source of a cue, the actor id...).
    """

    kind: str
    start: int
    end: int
    text: str
    label: str
    line: int
    col: int
    voice: str = REPORTER
    rule: str = ""
    score: float | None = None
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "label": self.label,
            "line": self.line,
            "col": self.col,
            "voice": self.voice,
        }
        if self.rule:
            out["rule"] = self.rule
        if self.score is not None:
            out["score"] = round(self.score, 4)
        if self.note:
            out["note"] = self.note
        return out


def new_span(kind: str, start: int, end: int, text: str, label: str, line: int, col: int, voice: str = REPORTER, rule: str = "", score: float | None = None, note: str = "") -> Span:
    """``Span(...)`` for hot loops (dozens of spans per article): the frozen instance's
    dict is filled in one step instead of one ``object.__setattr__`` per field, about
    twice as fast. The result equals ``Span(...)`` with the same arguments."""
    s = object.__new__(Span)
    s.__dict__.update(kind=kind, start=start, end=end, text=text, label=label, line=line, col=col, voice=voice, rule=rule, score=score, note=note)
    return s


def new_frozen(cls, **fields):
    """``cls(**fields)`` for a frozen dataclass without ``__post_init__``, built the fast way
    of :func:`new_span`; every field must be given (defaults are not filled in)."""
    obj = object.__new__(cls)
    obj.__dict__.update(fields)
    return obj


def round4(x):
    """``round(x, 4)``, the same value and type, a fifth faster for a float (records hold
    hundreds): ``round`` goes through a decimal string.

    For |x| <= 1e7, ``x * 10000`` is within 1.1e-5 of the exact product, so the integer
    nearest to it is the exact one unless its fraction is within 1e-4 of a half, where
    ``round`` decides; ``n / 10000`` is then the float nearest to the decimal, which is
    what ``round`` returns. tests/test_model.py compares the two on 300,000 values.
    """
    if type(x) is float:
        y = x * 10000.0
        if -1e11 <= y <= 1e11:  # (False for NaN)
            n = floor(y)
            r = y - n
            if not 0.4999 < r < 0.5001:
                if r > 0.5:
                    n += 1
                return n / 10000 if n else copysign(0.0, x)  # round(-0.00001, 4) is -0.0
    return round(x, 4)


@dataclass(frozen=True)
class ActorResult:
    """One merged actor in one article.

    The tone fields read only the mentions that are spoken about: a mention that is the
    source of an attribution in its sentence is counted in ``speaking_mentions`` instead
    (``sentiment_count + speaking_mentions == mentions``); with no mention left, they are None.
    """

    id: str
    name: str
    kind: str
    mentions: int
    mention_share: float
    sentiment_mean: float | None
    sentiment_std: float | None
    sentiment_count: int
    negative_share: float | None
    positive_share: float | None
    reporter_sentiment: float | None
    quoted_sentiment: float | None
    quoted_as_source: int
    labels: tuple[str, ...] = ()
    by_speaker: Mapping[str, float] = field(default_factory=dict)
    speaking_mentions: int = 0

    def to_dict(self) -> dict[str, Any]:
        # Rounded inline (no helper call per field): a record holds dozens of actors.
        ms, sm, sd = self.mention_share, self.sentiment_mean, self.sentiment_std
        neg, pos = self.negative_share, self.positive_share
        rs, qs = self.reporter_sentiment, self.quoted_sentiment
        by = self.by_speaker
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "mentions": self.mentions,
            "mention_share": None if ms is None else round4(ms),
            "sentiment_mean": None if sm is None else round4(sm),
            "sentiment_std": None if sd is None else round4(sd),
            "sentiment_count": self.sentiment_count,
            "speaking_mentions": self.speaking_mentions,
            "negative_share": None if neg is None else round4(neg),
            "positive_share": None if pos is None else round4(pos),
            "reporter_sentiment": None if rs is None else round4(rs),
            "quoted_sentiment": None if qs is None else round4(qs),
            "quoted_as_source": self.quoted_as_source,
            "labels": list(self.labels),
            "by_speaker": {k: round4(v) for k, v in sorted(by.items())} if by else {},
        }


@dataclass(frozen=True)
class SourceCount:
    """A source an article cites: who, what kind, how often, how often quoted directly."""

    name: str
    type: str  # named | anonymous | unsourced
    count: int
    direct: int

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "type": self.type, "count": self.count, "direct": self.direct}


@dataclass(frozen=True)
class ArticleResult:
    """Everything ``framing`` knows about one input article."""

    id: str
    source: str
    title: str | None
    path: str | None
    status: str
    error: str | None
    metrics: Mapping[str, float]
    actors: tuple[ActorResult, ...]
    spans: tuple[Span, ...]
    text: str
    lexicon_version: str
    date: str | None = None
    url: str | None = None
    warnings: tuple[str, ...] = ()
    sources: tuple[SourceCount, ...] = ()

    def to_dict(self, *, spans: bool = True) -> dict[str, Any]:
        """The JSONL record; ``spans=False`` leaves out the spans (``output.serialize`` writes them)."""
        out = {
            "id": self.id,
            "source": self.source,
            "title": self.title,
            "path": self.path,
            "date": self.date,
            "url": self.url,
            "status": self.status,
            "error": self.error,
            "warnings": list(self.warnings),
            "lexicon_version": self.lexicon_version,
            "metrics": _round_metrics(self.metrics),
            "sources": [s.to_dict() for s in self.sources],
            "actors": [a.to_dict() for a in self.actors],
            "spans": [s.to_dict() for s in self.spans] if spans else None,
            "text": self.text,
        }
        if not spans:
            del out["spans"]
        return out


def _round_metric(value: float | int | None) -> float | int | None:
    if value is None or isinstance(value, int):
        return value
    return round(float(value), 4)


def _round_metrics(metrics: Mapping[str, Any]) -> dict[str, Any]:
    """``_round_metric`` of every value; for a float, :func:`round4` inlined (a record has
    dozens of metrics)."""
    out = {}
    for k, v in metrics.items():
        if type(v) is float:
            y = v * 10000.0
            if -1e11 <= y <= 1e11:
                n = floor(y)
                r = y - n
                if not 0.4999 < r < 0.5001:
                    if r > 0.5:
                        n += 1
                    out[k] = n / 10000 if n else copysign(0.0, v)
                    continue
            out[k] = round(v, 4)
        elif v is None or isinstance(v, int):
            out[k] = v
        else:
            out[k] = round(float(v), 4)
    return out


@dataclass(frozen=True)
class DetectorOutput:
    """What one detector hands back to the pipeline."""

    spans: tuple[Span, ...] = ()
    metrics: Mapping[str, float] = field(default_factory=dict)
