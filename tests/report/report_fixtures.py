"""Score records written by hand (``ArticleResult.to_dict()`` form) for the report tests.

The report must work from records alone, whatever state the detectors are in, so
these records carry spans of every kind, placed by phrase, including nested and
partly overlapping ones, plus records that failed or were skipped.
"""

from __future__ import annotations

from typing import Any

XSS_SCRIPT = "<script>window.__xss = 1</script>"
XSS_IMG = '<img src=x onerror="window.__xss = 2">'


def span(text: str, kind: str, phrase: str, label: str, *, nth: int = 0, **extra: Any) -> dict[str, Any]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    end = start + len(phrase)
    line = text.count("\n", 0, start) + 1
    col = start - (text.rfind("\n", 0, start) + 1) + 1
    out = {"kind": kind, "start": start, "end": end, "text": phrase, "label": label, "line": line, "col": col, "voice": extra.pop("voice", "reporter")}
    out.update(extra)
    return out


def record(id: str, source: str, text: str, spans: list[dict[str, Any]], *, title: str | None = None, actors=(), sources=(), metrics=None, date=None) -> dict[str, Any]:
    words = len(text.split())
    base = {"words": words, "sentences": text.count(".") or 1, "reporter_words": words - 8, "quote_words": 8, "flesch_kincaid_grade": 8.0 + len(text) % 5}
    return {
        "id": id, "source": source, "title": title, "path": None, "date": date, "url": None, "status": "ok", "error": None,
        "warnings": [], "lexicon_version": "test-lex-1", "metrics": base if metrics is None else metrics,
        "sources": list(sources), "actors": list(actors), "spans": sorted(spans, key=lambda s: (s["start"], s["end"])), "text": text,
    }


def actor(id: str, name: str, mentions: int, sentiment: float | None, labels=()) -> dict[str, Any]:
    return {
        "id": id, "name": name, "kind": "person", "mentions": mentions, "mention_share": 0.5, "sentiment_mean": sentiment,
        "sentiment_std": 0.1, "sentiment_count": mentions, "negative_share": 0.0, "positive_share": 0.0,
        "reporter_sentiment": sentiment, "quoted_sentiment": None, "quoted_as_source": 1, "labels": list(labels), "by_speaker": {},
    }


HARBOR = (
    "Port workers walk out over pay\n"
    "By Staff Writer\n"
    "The port authority said on Monday that the talks with the union may resume early next week.\n"
    "\u201cWe clearly want a fair deal for every crane operator,\u201d said union leader Mara Quill.\n"
    "Officials reportedly expect the strike to last about ten days, allegedly costing millions.\n"
    "Share this article\n"
)
VALLEY = (
    "Dockers strike as pay talks stall\n"
    "The port authority said on Monday that the talks with the union may resume early next week.\n"
    "Veteran organiser Mara Quill said the walkout could spread to the rail yards along the river by Friday.\n"
    "Harbour master Ilse Varn called the strike reckless and damaging.\n"
)
VALLEY_2 = (
    "What the strike means for shippers\n"
    "Mara Quill told reporters the walkout might spread to the rail yards along the river by Friday.\n"
    "Analysts say shippers appear to be rerouting cargo to the northern terminal.\n"
)


def harbor_record() -> dict[str, Any]:
    t = HARBOR
    return record("harbor/1", "Harbor Daily", t, [
        span(t, "boilerplate", "By Staff Writer", "byline", rule="boilerplate.byline"),
        span(t, "attribution_source", "The port authority", "named", note="port authority"),
        span(t, "attribution_cue", "said", "neutral", note="The port authority"),
        span(t, "hedge", "may", "modal", rule="hedging.modal"),
        span(t, "quote", "\u201cWe clearly want a fair deal for every crane operator,\u201d", "quote", voice="quote"),
        span(t, "booster", "clearly", "booster", rule="hedging.booster", voice="quote"),
        span(t, "attribution_cue", "said", "neutral", nth=1),
        # An actor mention that is also the cited source, and a label overlapping it partly.
        span(t, "attribution_source", "union leader Mara Quill", "named", note="Mara Quill"),
        span(t, "actor", "Mara Quill", "mara-quill", note="Mara Quill", score=0.42, rule="actors.mention"),
        span(t, "actor_label", "union leader Mara", "union leader", rule="actors.label"),
        span(t, "attribution_source", "Officials", "anonymous", rule="attribution.anonymous"),
        span(t, "hedge", "reportedly", "reportative", rule="hedging.reportative"),
        span(t, "approximator", "about ten", "approximator", rule="hedging.approximator"),
        span(t, "attribution_cue", "allegedly", "distancing", rule="attribution.distancing"),
        span(t, "boilerplate", "Share this article", "share", rule="boilerplate.share"),
    ], actors=[actor("mara-quill", "Mara Quill", 1, 0.42, ["union leader"])],
       sources=[{"name": "port authority", "type": "named", "count": 1, "direct": 0}, {"name": "Mara Quill", "type": "named", "count": 1, "direct": 1}, {"name": "Officials", "type": "anonymous", "count": 1, "direct": 0}],
       date="2031-03-02")


def valley_records() -> list[dict[str, Any]]:
    t, u = VALLEY, VALLEY_2
    return [
        record("valley/1", "Valley Post", t, [
            span(t, "attribution_cue", "said", "neutral"),
            span(t, "hedge", "may", "modal", rule="hedging.modal"),
            span(t, "actor", "Mara Quill", "mara-quill", note="Mara Quill", score=-0.3),
            span(t, "actor_label", "Veteran organiser", "organiser"),
            span(t, "hedge", "could", "modal", rule="hedging.modal"),
            span(t, "actor", "Ilse Varn", "ilse-varn", note="Ilse Varn", score=-0.6),
        ], actors=[actor("mara-quill", "Mara Quill", 1, -0.3, ["organiser"]), actor("ilse-varn", "Ilse Varn", 1, -0.6, ["harbour master"])], date="2031-03-02"),
        record("valley/2", "Valley Post", u, [
            span(u, "actor", "Mara Quill", "mara-quill", note="Mara Quill", score=0.0),
            span(u, "attribution_cue", "told", "neutral"),
            span(u, "hedge", "might", "modal", rule="hedging.modal"),
            span(u, "attribution_source", "Analysts", "vague", rule="attribution.anonymous"),
            span(u, "hedge", "appear", "epistemic", rule="hedging.epistemic"),
        ], actors=[actor("mara-quill", "Mara Quill", 2, 0.0)], date="2031-03-03"),
    ]


def failed_records() -> list[dict[str, Any]]:
    return [
        {"id": "broken.bin", "source": "Valley Post", "title": None, "path": "broken.bin", "status": "error", "error": "binary file (contains NUL bytes), not text", "metrics": {}, "actors": [], "spans": [], "text": "", "lexicon_version": "test-lex-1"},
        {"id": "empty.txt", "source": "Lone Source", "status": "skipped", "error": "empty file", "text": ""},
    ]


def xss_record() -> dict[str, Any]:
    text = f"Headline about {XSS_SCRIPT} and more\nThe mayor said {XSS_IMG} was posted, and the council may respond. Ada Pike spoke.\n"
    return record("x<script>1</script>", f"Evil {XSS_SCRIPT} Outlet", text, [
        span(text, "attribution_cue", "said", "neutral", note=XSS_IMG),
        span(text, "hedge", "may", "modal", rule=XSS_SCRIPT),
        span(text, "actor", "Ada Pike", "ada-pike", note=XSS_SCRIPT, score=-0.5),
    ], title=f"Title {XSS_IMG}", actors=[actor("ada-pike", f"Ada {XSS_IMG}", 3, -0.5, [XSS_SCRIPT])],
       sources=[{"name": XSS_IMG, "type": "named", "count": 1, "direct": 0}])
