"""Score records (``ArticleResult.to_dict()`` form) as report articles and per-source totals.

The report reads nothing but these dicts, so a fresh run and a saved ``scores.jsonl``
share every line of code. Fields a detector has not filled yet are simply missing:
every number here falls back to counting the evidence spans, or to ``None``.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from statistics import mean
from typing import Any, Iterable, Mapping

from ..model import OK, SPEAKER

# Drawing order of highlights, outermost first; also the legend order.
KINDS = ("quote", "boilerplate", "attribution_source", "actor", "actor_label", "attribution_cue", "hedge", "approximator", "booster")
ANONYMOUS_LABELS = frozenset({"anonymous", "vague"})


def is_anonymous(span: Mapping[str, Any], anonymous_names: frozenset[str] = frozenset()) -> bool:
    """A cited source that is anonymous or vague ("officials", "sources", "critics").

    ``anonymous_names``: the record's cited sources of type anonymous; an unresolved
    description ("the mayor", never named) or pronoun ("he", no one to resolve it to)
    is counted there but labelled "description" or "pronoun".
    """
    return span.get("label") in ANONYMOUS_LABELS or span.get("rule") == "attribution.anonymous" or span.get("note") in anonymous_names

_SLUG = re.compile(r"[^a-z0-9]+")


def slug(value: str) -> str:
    """A fragment-safe id part: lower-case letters, digits and dashes."""
    return _SLUG.sub("-", value.lower()).strip("-")[:40] or "x"


def anchor_keys(span: Mapping[str, Any], anonymous_names: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The evidence keys a span stands for; the first span of each key gets an anchor."""
    kind = span.get("kind")
    label = str(span.get("label") or "")
    if kind == "attribution_cue":
        return ("cue", f"cue-{slug(label)}")
    if kind == "attribution_source":
        anonymous = is_anonymous(span, anonymous_names)
        keys = ["src", "src-anonymous" if anonymous else f"src-{slug(label)}"]
        if label == "pronoun" and not anonymous:  # a pronoun resolved to a named person
            keys.append("src-named")
        if span.get("note"):
            keys.append(f"srcname-{slug(str(span['note']))}")
        return tuple(keys)
    if kind == "hedge":
        return ("hedge", f"hedge-{span.get('voice', 'reporter')}")
    if kind == "approximator":  # its own kind: a vague number, not a hedged claim
        return ("approximator",)
    if kind == "booster":
        return ("booster", f"booster-{span.get('voice', 'reporter')}")
    if kind == "boilerplate":
        return ("bp", f"bp-{slug(label)}")
    if kind == "actor":
        a = slug(label)
        voice = span.get("voice", "reporter")
        if voice == SPEAKER:  # the actor speaking: evidence of the count, not of its tone
            return ("actor", f"actor-{a}", f"speaking-{a}")
        return ("actor", f"actor-{a}", f"tone-{a}", f"tone-{voice}-{a}")
    if kind == "actor_label":
        return ("label", f"label-{slug(label)}")
    if kind == "quote":
        return ("quote",)
    return ()


@dataclass(frozen=True)
class Article:
    """One record, checked and numbered, with the counts the report needs."""

    n: int  # 1-based position in the report
    id: str
    source: str
    title: str
    date: str | None
    url: str | None
    status: str
    error: str | None
    warnings: tuple[str, ...]
    lexicon_version: str
    metrics: Mapping[str, Any]
    spans: tuple[Mapping[str, Any], ...]  # only spans whose offsets slice ``text`` exactly
    actors: tuple[Mapping[str, Any], ...]
    cited: tuple[Mapping[str, Any], ...]  # the record's ``sources``
    text: str
    counts: Mapping[str, float]
    anchors: Mapping[str, int]  # evidence key -> index into ``spans`` of its first span
    dropped_spans: int = 0

    @property
    def ok(self) -> bool:
        return self.status == OK

    def metric(self, name: str) -> float | None:
        v = self.metrics.get(name)
        return None if v is None or isinstance(v, bool) or not isinstance(v, (int, float)) else float(v)

    def anchor(self, key: str) -> str | None:
        """The fragment id of the first evidence for ``key``, if the article has any."""
        if key == "text":
            return f"a{self.n}-text"
        return f"a{self.n}-{key}" if key in self.anchors else None

    def value(self, key: str) -> float | None:
        """A table value: the record's metric, else the same number counted from the spans."""
        v = self.metric(key)
        if v is not None or not self.ok:
            return v
        c = self.counts
        words = c["words"]
        per100 = lambda n: 100.0 * n / words if words else None  # noqa: E731
        share = lambda n, d: n / d if d else None  # noqa: E731
        derived = {
            "attribution_per_100w": per100(c["attributions"]),
            "attribution_named_share": share(c["named"], c["attributions"]),
            "attribution_anonymous_share": share(c["anonymous"], c["attributions"]),
            "distancing_cues": c["distancing"],
            "hedges_per_100w": per100(c["hedges"]),
            "boosters_per_100w": per100(c["boosters"]),
            "boilerplate_share": share(c["bp_chars"], c["nonblank_chars"]),
            "actors": float(len(self.actors)),
            "words": words,
        }
        return derived.get(key)


@dataclass(frozen=True)
class SourceTotals:
    """One source: its articles and pooled rates (sum of counts over sum of words)."""

    name: str
    articles: tuple[Article, ...]
    scored: int
    counts: Mapping[str, float]
    dates: tuple[str, ...]
    grade: float | None  # mean Flesch-Kincaid grade of its articles
    reading_ease: float | None
    bp_by_category: Mapping[str, float]  # share of non-blank characters per category

    def per100(self, key: str, words_key: str = "words") -> float | None:
        w = self.counts.get(words_key, 0)
        return 100.0 * self.counts.get(key, 0) / w if w else None

    def share(self, key: str, of: str) -> float | None:
        d = self.counts.get(of, 0)
        return self.counts.get(key, 0) / d if d else None

    def first_anchor(self, key: str) -> str | None:
        """Where the source's first evidence for ``key`` sits: (article, anchor id)."""
        for a in self.articles:
            if a.ok and (key == "text" or key in a.anchors):
                return a.anchor(key)
        return None


@dataclass(frozen=True)
class Corpus:
    articles: tuple[Article, ...]
    sources: tuple[SourceTotals, ...]
    lexicon_versions: tuple[str, ...]
    actor_names: Mapping[str, str]  # actor id -> display name
    actor_kinds: Mapping[str, str]
    actor_mentions: Mapping[tuple[str, str], int]  # (actor id, source) -> mentions
    actor_sentiment: Mapping[tuple[str, str], float]  # (actor id, source) -> mean sentiment
    actor_labels: Mapping[tuple[str, str], Mapping[str, int]] = field(default_factory=dict)
    # (actor id, source) -> mentions the tone is read from: those where the actor is not the one speaking
    actor_tone_mentions: Mapping[tuple[str, str], int] = field(default_factory=dict)

    @property
    def scored(self) -> tuple[Article, ...]:
        return tuple(a for a in self.articles if a.ok)

    def tone_mentions(self, actor: str, source: str) -> int:
        """The mentions the tone toward ``actor`` in ``source`` is read from (all of them in
        a corpus built without ``actor_tone_mentions``)."""
        key = (actor, source)
        return self.actor_tone_mentions.get(key, self.actor_mentions.get(key, 0))

    def top_actors(self, limit: int) -> list[str]:
        """Actor ids by total mentions, most first (ties by name)."""
        totals: Counter[str] = Counter()
        for (actor, _), n in self.actor_mentions.items():
            totals[actor] += n
        return [a for a, _ in sorted(totals.items(), key=lambda kv: (-kv[1], self.actor_names.get(kv[0], kv[0])))][:limit]


def _num(x: Any) -> float:
    return float(x) if isinstance(x, (int, float)) and not isinstance(x, bool) else 0.0


def _clean_spans(text: str, spans: Iterable[Any]) -> tuple[tuple[Mapping[str, Any], ...], int]:
    good, dropped = [], 0
    n = len(text)
    for s in spans or ():
        if not isinstance(s, Mapping):
            dropped += 1
            continue
        start, end = s.get("start"), s.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= n):
            dropped += 1
            continue
        if "text" in s and s["text"] != text[start:end]:
            dropped += 1  # evidence that does not match its text is not evidence
            continue
        good.append(s)
    good.sort(key=lambda s: (s["start"], -s["end"], KINDS.index(s["kind"]) if s.get("kind") in KINDS else len(KINDS)))
    return tuple(good), dropped


def _counts(rec_metrics: Mapping[str, Any], text: str, spans: tuple[Mapping[str, Any], ...], cited: Iterable[Mapping[str, Any]], actors: Iterable[Mapping[str, Any]]) -> dict[str, float]:
    c: Counter[str] = Counter()
    bp: Counter[str] = Counter()
    for s in spans:
        kind = s.get("kind")
        voice = s.get("voice", "reporter")
        if kind == "attribution_cue":
            c["cues"] += 1
            if s.get("label") == "distancing":
                c["distancing_spans"] += 1
        elif kind in ("hedge", "booster"):
            c[f"{kind}s"] += 1
            c[f"{kind}s_{voice}"] += 1
        elif kind == "boilerplate":
            chars = len("".join(text[s["start"] : s["end"]].split()))
            c["bp_chars"] += chars
            bp[str(s.get("label") or "other")] += chars
        elif kind == "actor":
            c["actor_spans"] += 1
    by_type: Counter[str] = Counter()
    for src in cited:
        by_type[str(src.get("type") or "")] += int(_num(src.get("count")))
    m = lambda k, fallback: _num(rec_metrics[k]) if isinstance(rec_metrics.get(k), (int, float)) else fallback  # noqa: E731
    out: dict[str, float] = {
        "words": m("words", 0.0),
        "reporter_words": m("reporter_words", 0.0),
        "quote_words": m("quote_words", 0.0),
        "attributions": m("attributions", float(c["cues"])),
        "named": m("attribution_named", float(by_type["named"])),
        "anonymous": m("attribution_anonymous", float(by_type["anonymous"])),
        "unsourced": m("attribution_unsourced", float(by_type["unsourced"])),
        "distancing": m("distancing_cues", float(c["distancing_spans"])),
        "hedges": m("hedges", float(c["hedges"])),
        "boosters": m("boosters", float(c["boosters"])),
        # Voice splits come from the spans: the metrics do not carry counts per voice.
        "hedges_reporter": float(c["hedges_reporter"]),
        "hedges_quote": float(c["hedges_quote"]),
        "boosters_reporter": float(c["boosters_reporter"]),
        "boosters_quote": float(c["boosters_quote"]),
        "bp_chars": float(c["bp_chars"]),
        "nonblank_chars": float(len("".join(text.split()))),
        "actor_mentions": float(sum(int(_num(a.get("mentions"))) for a in actors)),
    }
    for cat, n in bp.items():
        out[f"bp_chars:{cat}"] = float(n)
    return out


def build_corpus(records: Iterable[Mapping[str, Any]]) -> Corpus:
    """Number the records (grouped by source, sources sorted, input order within one) and total them."""
    by_source: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for rec in records:
        by_source[str(rec.get("source") or "unknown")].append(rec)
    articles: list[Article] = []
    for source in sorted(by_source, key=lambda s: (s.lower(), s)):
        for rec in by_source[source]:
            articles.append(_article(len(articles) + 1, source, rec))
    totals = tuple(_source_totals(name, tuple(a for a in articles if a.source == name)) for name in sorted(by_source, key=lambda s: (s.lower(), s)))

    names: dict[str, Counter[str]] = defaultdict(Counter)
    kinds: dict[str, str] = {}
    mentions: Counter[tuple[str, str]] = Counter()
    weighted: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0])
    toned: Counter[tuple[str, str]] = Counter()
    labels: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    from ..detectors.actors import corpus_actor_ids

    same_person = corpus_actor_ids(act for a in articles for act in a.actors)
    for a in articles:
        for act in a.actors:
            aid = str(act.get("id") or act.get("name") or "?")
            own = same_person.get(aid, aid) == aid
            aid = same_person.get(aid, aid)
            names[aid][str(act.get("name") or aid)] += 1 if own else 0  # a joined person keeps the full name
            kinds.setdefault(aid, str(act.get("kind") or ""))
            key = (aid, a.source)
            mentions[key] += int(_num(act.get("mentions")))
            # Records before speaking_mentions read the tone from every mention.
            toned[key] += int(_num(act.get("mentions")) - _num(act.get("speaking_mentions")))
            s = act.get("sentiment_mean")
            if isinstance(s, (int, float)):
                w = _num(act.get("sentiment_count")) or _num(act.get("mentions")) or 1.0
                weighted[key][0] += s * w
                weighted[key][1] += w
            for label in act.get("labels") or ():
                labels[key][str(label)] += 1
    return Corpus(
        articles=tuple(articles),
        sources=totals,
        lexicon_versions=tuple(sorted({a.lexicon_version for a in articles if a.lexicon_version})),
        actor_names={aid: c.most_common(1)[0][0] for aid, c in names.items()},
        actor_kinds=kinds,
        actor_mentions=dict(mentions),
        actor_sentiment={k: v[0] / v[1] for k, v in weighted.items() if v[1]},
        actor_labels={k: dict(v) for k, v in labels.items()},
        actor_tone_mentions=dict(toned),
    )


def _article(n: int, source: str, rec: Mapping[str, Any]) -> Article:
    text = rec.get("text") if isinstance(rec.get("text"), str) else ""
    metrics = rec.get("metrics") if isinstance(rec.get("metrics"), Mapping) else {}
    spans, dropped = _clean_spans(text, rec.get("spans") or ())
    actors = tuple(a for a in rec.get("actors") or () if isinstance(a, Mapping))
    cited = tuple(s for s in rec.get("sources") or () if isinstance(s, Mapping))
    anonymous_names = frozenset(str(s.get("name")) for s in cited if s.get("type") == "anonymous")
    anchors: dict[str, int] = {}
    for i, s in enumerate(spans):
        for key in anchor_keys(s, anonymous_names):
            anchors.setdefault(key, i)
    title = rec.get("title") or ""
    if not title:
        first = text.strip().split("\n", 1)[0].strip()
        title = (first[:80] + "…") if len(first) > 80 else first
    return Article(
        n=n,
        id=str(rec.get("id") or n),
        source=source,
        title=str(title or rec.get("id") or f"Article {n}"),
        date=str(rec["date"]) if rec.get("date") else None,
        url=str(rec["url"]) if rec.get("url") else None,
        status=str(rec.get("status") or OK),
        error=str(rec["error"]) if rec.get("error") else None,
        warnings=tuple(str(w) for w in rec.get("warnings") or ()),
        lexicon_version=str(rec.get("lexicon_version") or ""),
        metrics=metrics,
        spans=spans,
        actors=actors,
        cited=cited,
        text=text,
        counts=_counts(metrics, text, spans, cited, actors),
        anchors=anchors,
        dropped_spans=dropped,
    )


def _source_totals(name: str, articles: tuple[Article, ...]) -> SourceTotals:
    scored = [a for a in articles if a.ok]
    counts: Counter[str] = Counter()
    for a in scored:
        counts.update(a.counts)
    grades = [g for a in scored if (g := a.metric("flesch_kincaid_grade")) is not None]
    ease = [g for a in scored if (g := a.metric("flesch_reading_ease")) is not None]
    nonblank = counts.get("nonblank_chars", 0)
    bp = {k.split(":", 1)[1]: v / nonblank for k, v in sorted(counts.items()) if k.startswith("bp_chars:") and nonblank}
    return SourceTotals(
        name=name,
        articles=articles,
        scored=len(scored),
        counts=dict(counts),
        dates=tuple(sorted({a.date for a in articles if a.date})),
        grade=mean(grades) if grades else None,
        reading_ease=mean(ease) if ease else None,
        bp_by_category=bp,
    )
