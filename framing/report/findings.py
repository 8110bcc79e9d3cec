"""Headline findings: one plain sentence per signal, comparing each source with the median.

A finding names the source furthest from the median source and says by how much,
with both numbers. It describes a difference; it never ranks sources as better or
worse (a high hedge rate can be careful reporting).
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median
from typing import Callable

from .corpus import Corpus, SourceTotals


@dataclass(frozen=True)
class Finding:
    signal: str  # short name shown in bold
    text: str  # the sentence
    anchor: str  # id of the chart or section with the details


@dataclass(frozen=True)
class _Signal:
    name: str
    anchor: str
    value: Callable[[SourceTotals], float | None]
    unit: str  # "per100" | "pct" | "grade"
    more: str  # "{src} ... {x} more ... than the median"
    none: str  # sentence when no source has any
    words: tuple[str, str] = ("more", "fewer")  # direction words: above / below the median
    per: str = " per 100 words"  # after a per100 number


SIGNALS = (
    _Signal("Attribution", "chart-attribution", lambda s: s.per100("attributions"), "per100", "attributes {ratio} {dir} statements to a source per 100 words than the median source", "No attributed statements were found in any source."),
    _Signal("Anonymous sources", "chart-attribution", lambda s: s.share("anonymous", "attributions"), "pct", "gives a {ratio} {dir} share of its attributions to anonymous or vague sources than the median source", "No source cites anonymous or vague sources (\u201cofficials\u201d, \u201cexperts\u201d).", ("larger", "smaller")),
    _Signal("Distancing", "chart-attribution", lambda s: s.per100("distancing"), "per100", "uses {ratio} {dir} distancing cues (\u201callegedly\u201d, \u201cclaimed\u201d) per 100 words than the median source", "No source uses distancing cues such as \u201callegedly\u201d or \u201cclaimed\u201d."),
    # Hedges and boosters in the outlet's own voice: one inside a quotation belongs to the
    # speaker (the chart and "How to read this" say so), and a source that quotes a
    # hedging speaker at length was named "the source that hedges most".
    _Signal("Hedging", "chart-hedging", lambda s: s.per100("hedges_reporter", "reporter_words"), "per100", "hedges {ratio} {dir} often in its own voice than the median source", "No source hedges (\u201cmay\u201d, \u201creportedly\u201d, \u201cappears\u201d) in its own voice; hedges inside quotes belong to the speakers.", ("more", "less"), " per 100 words of its own text"),
    _Signal("Boosters", "chart-hedging", lambda s: s.per100("boosters_reporter", "reporter_words"), "per100", "uses {ratio} {dir} boosters (\u201cclearly\u201d, \u201cundoubtedly\u201d) in its own voice than the median source", "No source uses boosters (\u201cclearly\u201d, \u201cundoubtedly\u201d) in its own voice; boosters inside quotes belong to the speakers.", per=" per 100 words of its own text"),
    _Signal("Page furniture", "chart-boilerplate", lambda s: s.share("bp_chars", "nonblank_chars"), "pct", "carries {ratio} {dir} page furniture (share prompts, bylines, captions) than the median source", "No page furniture (share prompts, bylines, captions) was found in any source.", ("more", "less")),
    _Signal("Readability", "chart-readability", lambda s: s.grade, "grade", "", "No readability scores are available."),
)


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "\u2013"
    if unit == "pct":
        return f"{100 * value:.0f}%"
    if unit == "grade":
        return f"{value:.1f}"
    return f"{value:.2f}"


# Above this a multiple is mostly the smallness of the other number (0.50 against 0.02 per
# 100 words is "25x", and one more hedge in the median source halves it): say "far".
MAX_RATIO = 10


def _ratio(a: float, b: float) -> str:
    r = max(a, b) / min(a, b)
    if r > MAX_RATIO:
        return "far"
    return f"{r:.0f}\u00d7" if r >= 3 else f"{r:.1f}\u00d7"


# Fewer words of story text than this and a source's rates are noise (one hedge in 20
# words is 5 per 100; "Rain fell." has reading grade -3): left out of the comparisons.
MIN_WORDS = 40


def headline_findings(corpus: Corpus) -> list[Finding]:
    sources = corpus.sources
    small = [s for s in sources if s.scored and s.counts.get("words", 0) < MIN_WORDS]
    if small and len(small) < sum(1 for s in sources if s.scored):
        sources = tuple(s for s in sources if s not in small)
    else:
        small = []  # every source is short: compare them anyway, there is nothing better
    out = [f for sig in SIGNALS if (f := _finding(sig, sources)) is not None]
    if small:
        names = "; ".join(f"{s.name} ({s.counts.get('words', 0):,.0f} {'word' if s.counts.get('words', 0) == 1 else 'words'})" for s in small)
        out.append(Finding("Too little text", f"Left out of these comparisons, with fewer than {MIN_WORDS} words of story text: {names}. Their numbers are in the tables.", "sources"))
    tone = _tone_finding(corpus)
    if tone:
        out.append(tone)
    return out


def _finding(sig: _Signal, sources: tuple[SourceTotals, ...]) -> Finding | None:
    values = {s.name: v for s in sources if s.scored and (v := sig.value(s)) is not None}
    if not values:
        return Finding(sig.name, sig.none, sig.anchor) if any(s.scored for s in sources) else None
    if len(values) == 1:
        (name, v), = values.items()
        label = {"per100": sig.per, "pct": " of the text", "grade": " (US school grade)"}[sig.unit]
        if sig.unit == "pct" and sig.name != "Page furniture":
            label = ""
        return Finding(sig.name, f"Only one source is scored: {name} has {fmt(v, sig.unit)}{label}.", sig.anchor)
    med = median(values.values())
    if sig.unit == "grade":
        hard = max(values.items(), key=lambda kv: (kv[1], kv[0]))
        easy = min(values.items(), key=lambda kv: (kv[1], kv[0]))
        if hard[1] - easy[1] < 1:
            return Finding(sig.name, f"All sources read at about the same level (Flesch-Kincaid grade {fmt(easy[1], 'grade')} to {fmt(hard[1], 'grade')}).", sig.anchor)
        if len(values) == 2:  # the median of two is their mean, a source nobody wrote: compare the two
            return Finding(sig.name, f"{hard[0]} is harder to read (Flesch-Kincaid grade {fmt(hard[1], 'grade')}, about {hard[1] - easy[1]:.1f} school years above {easy[0]} at {fmt(easy[1], 'grade')}).", sig.anchor)
        return Finding(sig.name, f"{hard[0]} is the hardest to read (Flesch-Kincaid grade {fmt(hard[1], 'grade')}, about {hard[1] - med:.1f} school years above the median source at {fmt(med, 'grade')}); {easy[0]} is the easiest ({fmt(easy[1], 'grade')}).", sig.anchor)
    if max(values.values()) == 0:
        return Finding(sig.name, sig.none, sig.anchor)
    nonzero = [k for k, v in values.items() if v > 0]
    if len(nonzero) == 1:
        name = nonzero[0]
        return Finding(sig.name, f"{name} is the only source with any ({fmt(values[name], sig.unit)}{sig.per if sig.unit == 'per100' else ''}); the others have none.", sig.anchor)
    # Lead with the source furthest above the median; the one furthest below only when nobody stands out above.
    hi_name, hi = max(sorted(values.items()), key=lambda kv: kv[1])
    lo_name, lo = min(sorted(values.items()), key=lambda kv: kv[1])
    per = sig.per if sig.unit == "per100" else ""
    if med == 0:
        return Finding(sig.name, f"{hi_name} stands out with {fmt(hi, sig.unit)}{per}, while the median source has none.", sig.anchor)
    if len(values) == 2 and lo > 0:  # two sources: compare them with each other, not with their mean
        if hi / lo < 1.25:
            return Finding(sig.name, f"The two sources are close: {fmt(lo, sig.unit)} and {fmt(hi, sig.unit)}{per}.", sig.anchor)
        text = sig.more.format(ratio=_ratio(hi, lo), dir=sig.words[0]).replace("the median source", lo_name)
        return Finding(sig.name, f"{hi_name} {text} ({fmt(hi, sig.unit)} vs {fmt(lo, sig.unit)}{per}).", sig.anchor)
    if hi / med >= 1.25:
        name, v = hi_name, hi
    elif lo == 0:
        return Finding(sig.name, f"{lo_name} has none, while the median source has {fmt(med, sig.unit)}{per}.", sig.anchor)
    elif med / lo >= 1.25:
        name, v = lo_name, lo
    else:
        return Finding(sig.name, f"The sources are close: from {fmt(lo, sig.unit)} to {fmt(hi, sig.unit)}{per}.", sig.anchor)
    suffix = f" ({fmt(v, sig.unit)} vs {fmt(med, sig.unit)}{per})."
    direction = sig.words[0] if v > med else sig.words[1]
    return Finding(sig.name, f"{name} " + sig.more.format(ratio=_ratio(v, med), dir=direction) + suffix, sig.anchor)


def _tone_finding(corpus: Corpus) -> Finding | None:
    """The actor whose tone differs most between two sources (enough mentions in both, not
    counting those where the actor is the one speaking)."""
    best: tuple[float, str, str, str] | None = None
    for actor in corpus.top_actors(25):
        vals = [(src.name, corpus.actor_sentiment[(actor, src.name)]) for src in corpus.sources if (actor, src.name) in corpus.actor_sentiment and corpus.tone_mentions(actor, src.name) >= 2]
        if len(vals) < 2:
            continue
        lo = min(vals, key=lambda kv: (kv[1], kv[0]))
        hi = max(vals, key=lambda kv: (kv[1], kv[0]))
        gap = hi[1] - lo[1]
        if best is None or gap > best[0] + 1e-9:
            best = (gap, actor, lo[0], hi[0])
    if best is None:
        return None
    gap, actor, lo, hi = best
    name = corpus.actor_names.get(actor, actor)
    if gap < 0.1:
        return Finding("Tone toward actors", "The tone toward the main actors is about the same in every source.", "chart-heatmap")
    lo_v = corpus.actor_sentiment[(actor, lo)]
    hi_v = corpus.actor_sentiment[(actor, hi)]
    signed = lambda v: f"{v:+.2f}".replace("-", "\u2212")  # noqa: E731 - a true minus sign reads better
    return Finding("Tone toward actors", f"The tone toward {name} differs most: {signed(lo_v)} in {lo} against {signed(hi_v)} in {hi} (from \u22121, negative, to +1, positive).", "chart-heatmap")
