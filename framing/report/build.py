"""Assemble the report: records -> corpus -> findings, charts, tables, article views -> files.

Everything here is a pure function of the records (and the rule messages), so the
same input gives a byte-identical page: no clock, no randomness, sorted iteration.
"""

from __future__ import annotations

import base64
import csv
from html import escape as html_escape
import hashlib
import io
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from markupsafe import Markup

from .. import __version__
from ..model import SPEAKER
from .charts import SPEAKING_NOTE, Chart, all_charts, write_chart_files
from .corpus import KINDS, Article, Corpus, SourceTotals, build_corpus, is_anonymous, slug
from .findings import fmt, headline_findings
from .highlight import highlight
from .reliability import NOT_MEASURED, load_accuracy, reliability
from .shared import SharedGroup, diff_markup, pair_counts, shared_sentences

TEMPLATES = Path(__file__).parent / "templates"
DEFAULT_MAX_TEXT_CHARS = 250_000
MAX_SHARED_GROUPS = 60
MAX_SHARED_MEMBERS = 8  # per group; wire copy can sit in hundreds of articles

KIND_NAMES = {
    "attribution_cue": "Attribution cue",
    "attribution_source": "Cited source",
    "hedge": "Hedge",
    "booster": "Booster",
    "boilerplate": "Page furniture",
    "actor": "Actor mention",
    "actor_label": "Label for an actor",
    "approximator": "Approximator (a hedge on a number)",
    "quote": "Quotation",
}
SPEAKING_WHY = "A mention of an actor that is the cited source of its sentence: the actor is speaking, not spoken about."
KIND_WHY = {
    "attribution_cue": "These words tell you the statement comes from someone else.",
    "attribution_source": "The person or body the statement is attributed to.",
    "hedge": "A hedge makes the claim sound less certain.",
    "booster": "A booster makes the claim sound more certain.",
    "boilerplate": "Page furniture, not part of the story; left out of every other measure.",
    "actor": "A mention of an actor, coloured by the tone of the words around it.",
    "actor_label": "A description attached to an actor; sources may label the same actor differently.",
    "approximator": "Words such as \u201cabout\u201d or \u201cnearly\u201d make a number less exact.",
    "quote": "Quoted speech: the words of someone the article cites.",
}


@dataclass(frozen=True)
class Column:
    key: str
    head: str
    tip: str
    unit: str  # int | rate | pct | grade
    evidence: str  # anchor key of the evidence


COLUMNS = (
    Column("words", "Words", "Words of story text (page furniture left out)", "int", "text"),
    Column("attribution_per_100w", "Attributions per 100 words", "Statements attributed to a source, per 100 words", "rate", "cue"),
    Column("attribution_named_share", "Named sources", "Share of attributions that name their source", "pct", "src-named"),
    Column("attribution_anonymous_share", "Anonymous sources", "Share of attributions to anonymous or vague sources (\u201cofficials\u201d)", "pct", "src-anonymous"),
    Column("distancing_cues", "Distancing cues", "\u201callegedly\u201d, \u201cclaimed\u201d: words that put distance between the outlet and a claim", "int", "cue-distancing"),
    Column("hedges_per_100w", "Hedges per 100 words", "\u201cmay\u201d, \u201creportedly\u201d, \u201cappears\u201d: words that soften a claim; quotes included (the hedging chart and the findings show the outlet\u2019s own voice separately)", "rate", "hedge"),
    Column("boosters_per_100w", "Boosters per 100 words", "\u201cclearly\u201d, \u201cundoubtedly\u201d: words that harden a claim; quotes included (the hedging chart and the findings show the outlet\u2019s own voice separately)", "rate", "booster"),
    Column("boilerplate_share", "Page furniture", "Share of the characters that are share prompts, bylines, captions...", "pct", "bp"),
    Column("flesch_kincaid_grade", "Reading grade", "Flesch-Kincaid grade: US school years needed to read it", "grade", "text"),
    Column("actors", "Actors", "Distinct actors (people, organisations, countries) named", "int", "actor"),
)


@dataclass(frozen=True)
class Cell:
    """One table cell; renders itself (a jinja macro per cell is too slow for 1,000 rows)."""

    text: str
    sort: str  # machine value for sorting; "" when missing
    href: str | None = None
    title: str = ""
    tone: str = ""  # negative | neutral | positive: a sentiment value, coloured

    def __html__(self) -> str:
        cls = f"tone {self.tone}" if self.tone else ""
        text = _esc(self.text)
        if self.href:
            inner = f'<a href="{_esc(self.href)}"' + (f' class="{cls}"' if cls else "") + f">{text}</a>"
        else:
            inner = f'<span class="{cls}">{text}</span>' if cls else text
        # No per-cell title: the column header explains it once, not on each of 1,000 rows.
        return f'<td class="num" data-sort="{_esc(self.sort)}">{inner}</td>'


def _esc(value: str) -> str:
    return html_escape(value, quote=True)


@dataclass(frozen=True)
class BuildResult:
    path: Path
    files: Path
    articles: int
    scored: int
    size: int
    linked: int  # article views written to separate files


def format_value(v: float | None, unit: str) -> str:
    if v is None:
        return "\u2013"
    if unit == "int":
        return f"{v:,.0f}"
    if unit == "rate":
        return f"{v:.2f}"
    return fmt(v, unit)


def _cell(v: float | None, unit: str, href: str | None, title: str = "") -> Cell:
    return Cell(format_value(v, unit), "" if v is None else f"{v:.6f}", href if v else None, title)


class Links:
    """Where each article's view lives: inline in the report or in its own file."""

    def __init__(self, corpus: Corpus, files_name: str, max_text_chars: int):
        self.files_name = files_name
        self.inline: set[int] = set()
        budget = max_text_chars
        for a in corpus.articles:
            if a.ok and len(a.text) <= budget:
                self.inline.add(a.n)
                budget -= len(a.text)
            elif not a.ok:
                self.inline.add(a.n)  # only a status line to show
            else:
                budget = -1  # keep report order: once one article is linked, the rest are too

    def page(self, n: int, from_article_file: bool = False) -> str:
        if n in self.inline:
            return "../../" if from_article_file else ""
        return f"{n}.html" if from_article_file else f"{self.files_name}/articles/{n}.html"

    def href(self, a: Article, key: str, from_article_file: bool = False) -> str | None:
        anchor = a.anchor(key) if a.ok else None
        if anchor is None:
            return None
        if from_article_file and a.n not in self.inline:
            return f"#{anchor}"
        return f"{self.page(a.n, from_article_file)}#{anchor}"


def describe_span(rules: Mapping[str, Mapping[str, str]]):
    memo: dict[tuple, tuple[str, str]] = {}

    def cached(s: Mapping[str, Any]) -> tuple[str, str]:
        key = (s.get("kind"), s.get("label"), s.get("rule"), s.get("note"), s.get("score"), s.get("voice"))
        out = memo.get(key)
        if out is None:
            out = memo[key] = describe(s)
        return out

    def describe(s: Mapping[str, Any]) -> tuple[str, str]:
        kind = str(s.get("kind") or "other")
        label = str(s.get("label") or "")
        classes = [f"k-{kind}" if kind in KINDS else "k-other"]
        lines = [KIND_NAMES.get(kind, kind.replace("_", " ").capitalize()) + (f" ({label})" if label and label != kind and kind not in ("actor", "quote") else "")]
        if kind == "attribution_cue" and label == "distancing":
            classes.append("l-distancing")
        if kind == "attribution_source":
            classes.append("l-anonymous" if is_anonymous(s) else f"l-{slug(label)}")
        speaking = kind == "actor" and s.get("voice") == SPEAKER
        if kind == "actor":
            score = s.get("score")
            name = s.get("note") or label
            if speaking:
                # Its sentence is its own statement: no tone colour, and say why.
                pol = "s-spk"
                tone = f" (tone {score:+.2f})" if isinstance(score, (int, float)) else ""
                lines[0] = f"Actor mention: {name}, speaking here: the words around it are its own statement{tone}, not counted as tone toward {name}"
            elif isinstance(score, (int, float)):
                pol = "s-neg" if score <= -0.05 else "s-pos" if score >= 0.05 else "s-neu"
                word = {"s-neg": "negative", "s-pos": "positive", "s-neu": "neutral"}[pol]
                lines[0] = f"Actor mention: {name}, tone {score:+.2f} ({word})"
            else:
                pol = "s-none"
                lines[0] = f"Actor mention: {name}"
            classes.append(pol)
        elif s.get("note"):
            prefix = {"attribution_cue": "cited source: ", "attribution_source": "source: ", "actor_label": "describes: "}.get(kind, "")
            lines.append(prefix + str(s["note"]))
        if kind in ("hedge", "approximator", "booster", "attribution_cue"):
            classes.append("v-quote" if s.get("voice") == "quote" else "v-reporter")
            lines.append("inside a quotation" if s.get("voice") == "quote" else "in the reporter\u2019s own voice")
        rule = s.get("rule")
        if speaking:
            lines.append(f"{rule}: {SPEAKING_WHY}" if rule else SPEAKING_WHY)
        elif rule and rule in rules:
            lines.append(f"{rule}: {rules[rule]['message']}")
        elif rule:
            lines.append(f"{rule}: {KIND_WHY.get(kind, '')}")
        else:
            lines.append(KIND_WHY.get(kind, ""))
        return " ".join(classes), "\n".join(line for line in lines if line)

    return cached


@dataclass(frozen=True)
class ArticleView:
    a: Article
    inline: bool
    href: str  # from the report page
    html: Markup | None
    summary: tuple[tuple[str, Cell], ...]
    actors: tuple[Mapping[str, Any], ...]
    cited: tuple[Mapping[str, Any], ...]
    labels: tuple[str, ...]
    kinds: tuple[str, ...]  # highlight kinds present, for the legend


def article_view(a: Article, links: Links, describe, points: Sequence[tuple[int, str]], from_file: bool, with_text: bool = True) -> ArticleView:
    if not a.ok:
        return ArticleView(a, True, f"#a{a.n}", None, (), (), (), (), ())
    # One span can be first for several keys; the element gets one id, the others an empty anchor.
    by_span: dict[int, list[str]] = {}
    for key, i in sorted(a.anchors.items()):
        by_span.setdefault(i, []).append(f"a{a.n}-{key}")
    ids = {i: names[0] for i, names in by_span.items()}
    extra = [(a.spans[i]["start"], name) for i, names in by_span.items() for name in names[1:]]
    html = highlight(a.text, a.spans, describe, ids, [(0, f"a{a.n}-text"), *points, *extra]) if with_text else None
    link = lambda key: links.href(a, key, from_file)  # noqa: E731
    summary = tuple((c.head, _cell(a.value(c.key), c.unit, link(c.evidence), c.tip)) for c in COLUMNS)
    actors = []
    for act in sorted(a.actors, key=lambda x: (-(x.get("mentions") or 0), str(x.get("name")))):
        aid = str(act.get("id") or act.get("name") or "")
        href = link(f"actor-{slug(aid)}")
        actors.append({
            "name": act.get("name") or aid,
            "kind": act.get("kind") or "",
            "mentions": _cell(act.get("mentions"), "int", href),
            "share": _cell(act.get("mention_share"), "pct", href),
            # Tone links to a mention it is read from (not one where the actor speaks).
            "tone": _tone(act.get("sentiment_mean"), link(f"tone-{slug(aid)}") or href),
            "reporter": _tone(act.get("reporter_sentiment"), link(f"tone-reporter-{slug(aid)}") or href),
            "quoted": _tone(act.get("quoted_sentiment"), link(f"tone-quote-{slug(aid)}") or href),
            "speaking": _cell(act.get("speaking_mentions"), "int", link(f"speaking-{slug(aid)}")),
            "as_source": _cell(act.get("quoted_as_source"), "int", link(f"srcname-{slug(str(act.get('name') or ''))}")),
            "labels": [(str(l), link(f"label-{slug(str(l))}")) for l in act.get("labels") or ()],
        })
    cited = []
    for src in a.cited:
        href = link(f"srcname-{slug(str(src.get('name') or ''))}") or link(f"src-{slug(str(src.get('type') or ''))}")
        cited.append({"name": src.get("name") or "", "type": src.get("type") or "", "count": _cell(src.get("count"), "int", href), "direct": _cell(src.get("direct"), "int", href)})
    labels = tuple(sorted({str(l) for act in a.actors for l in act.get("labels") or ()}))
    kinds = tuple(k for k in KINDS if any(s.get("kind") == k for s in a.spans))
    return ArticleView(a, a.n in links.inline, links.page(a.n) + f"#a{a.n}", html, summary, tuple(actors), tuple(cited), labels, kinds)


def _tone(v: Any, href: str | None) -> Cell:
    if not isinstance(v, (int, float)):
        return Cell("\u2013", "")
    cls = "negative" if v <= -0.05 else "positive" if v >= 0.05 else "neutral"
    text = "0.00" if abs(v) < 0.005 else f"{v:+.2f}".replace("-", "\u2212")
    return Cell(text, f"{v:.6f}", href, "", cls)


def source_rows(corpus: Corpus, links: Links) -> list[dict[str, Any]]:
    rows = []
    for s in corpus.sources:
        c = s.counts
        first = lambda key: _first_href(s, key, links)  # noqa: E731
        distinct = len({a for (a, src) in corpus.actor_mentions if src == s.name})
        rows.append({
            "name": s.name,
            "articles": len(s.articles),
            "cells": [
                _cell(c.get("words", 0) if s.scored else None, "int", first("text")),
                _cell(s.per100("attributions"), "rate", first("cue")),
                _cell(s.share("named", "attributions"), "pct", first("src-named")),
                _cell(s.share("anonymous", "attributions"), "pct", first("src-anonymous")),
                _cell(c.get("distancing") if s.scored else None, "int", first("cue-distancing")),
                _cell(s.per100("hedges"), "rate", first("hedge")),
                _cell(s.per100("boosters"), "rate", first("booster")),
                _cell(s.share("bp_chars", "nonblank_chars"), "pct", first("bp")),
                _cell(s.grade, "grade", first("text")),
                _cell(float(distinct) if s.scored else None, "int", first("actor")),
            ],
        })
    return rows


def _first_href(s: SourceTotals, key: str, links: Links) -> str | None:
    for a in s.articles:
        h = links.href(a, key)
        if h:
            return h
    return None


def labels_table(corpus: Corpus, links: Links) -> tuple[list[str], list[dict[str, Any]]]:
    """Actors with labels: one row each, the labels each source uses side by side."""
    sources = [s for s in corpus.sources if s.scored]
    actors = [a for a in corpus.top_actors(10_000) if any((a, s.name) in corpus.actor_labels for s in sources)][:25]
    rows = []
    for aid in actors:
        cells = []
        for s in sources:
            labels = corpus.actor_labels.get((aid, s.name), {})
            cells.append([(l, n, _first_href(s, f"label-{slug(l)}", links)) for l, n in sorted(labels.items(), key=lambda kv: (-kv[1], kv[0]))])
        rows.append({"name": corpus.actor_names.get(aid, aid), "cells": cells})
    return [s.name for s in sources], rows


def shared_view(groups: Sequence[SharedGroup], corpus: Corpus, links: Links) -> list[dict[str, Any]]:
    by_n = {a.n: a for a in corpus.articles}
    out = []
    for g in groups[:MAX_SHARED_GROUPS]:
        base = g.members[0]
        members = []
        for k, m in enumerate(g.members[:MAX_SHARED_MEMBERS]):
            a = by_n[m.article]
            # The first version is marked against the second, so words it alone has show too.
            text = diff_markup(g.members[1], m) if k == 0 else diff_markup(base, m)
            members.append({"source": m.source, "title": a.title, "href": f"{links.page(a.n)}#a{a.n}-s{m.start}", "text": text})
        out.append({"kind": g.kind, "sources": len(g.sources), "members": members, "more": len(g.members) - len(members)})
    return out


def _env():
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["pct"] = lambda v: fmt(v, "pct")
    env.globals["speaking_note"] = SPEAKING_NOTE  # a global: the imported article macro sees it
    return env


def script_and_hash() -> tuple[Markup, str]:
    """The one inline script and its CSP hash (over the exact bytes between the tags)."""
    js = (TEMPLATES / "sort.js").read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(js.encode("utf-8")).digest()).decode("ascii")
    return Markup(js), f"'sha256-{digest}'"


def load_rule_messages(lexicons: Sequence[str] | None) -> dict[str, dict[str, str]]:
    from ..pipeline import resolve_lexicons
    from ..rules import load_rules

    lex = resolve_lexicons(list(lexicons or ()))
    return {rid: {"message": r.message, "severity": r.severity} for rid, r in load_rules(lex).items()}


def build_report(
    records: Iterable[Mapping[str, Any]],
    output: str | Path,
    *,
    title: str | None = None,
    max_text_chars: int = DEFAULT_MAX_TEXT_CHARS,
    rules: Mapping[str, Mapping[str, str]] | None = None,
) -> BuildResult:
    """Write ``output`` (the HTML page) and ``<stem>_files/`` (charts, CSV, linked articles)."""
    output = Path(output)
    files = output.with_name(output.stem + "_files")
    corpus = build_corpus(records)
    rules = rules or {}
    links = Links(corpus, files.name, max_text_chars)
    describe = describe_span(rules)
    groups = shared_sentences(corpus.articles)
    points: dict[int, list[tuple[int, str]]] = {}
    for g in groups[:MAX_SHARED_GROUPS]:
        for m in g.members[:MAX_SHARED_MEMBERS]:
            points.setdefault(m.article, []).append((m.start, f"a{m.article}-s{m.start}"))
    charts = all_charts(corpus)
    findings = headline_findings(corpus)
    views = [article_view(a, links, describe, sorted(set(points.get(a.n, []))), from_file=False, with_text=a.n in links.inline) for a in corpus.articles]
    label_sources, label_rows = labels_table(corpus, links)
    fired = sorted({s.get("rule") for a in corpus.articles for s in a.spans if s.get("rule")})
    script, script_hash = script_and_hash()
    env = _env()
    page_title = title or _default_title(corpus)
    context = {
        "title": page_title,
        "version": __version__,
        "corpus": corpus,
        "sources": corpus.sources,
        "findings": findings,
        "charts": charts,
        "columns": COLUMNS,
        "source_rows": source_rows(corpus, links),
        "views": views,
        "shared": shared_view(groups, corpus, links),
        "shared_total": len(groups),
        "shared_shown": min(len(groups), MAX_SHARED_GROUPS),
        "pairs": list(pair_counts(groups).items())[:15],
        "label_sources": label_sources,
        "label_rows": label_rows,
        "rules": [(rid, rules[rid]) for rid in fired if rid in rules],
        "kind_names": KIND_NAMES,
        "kind_why": KIND_WHY,
        "files": files.name,
        "script": script,
        "csp": _csp(script_hash),
        "not_scored": [a for a in corpus.articles if not a.ok],
        "linked": len([v for v in views if not v.inline]),
        "all_dates": sorted({d for s in corpus.sources for d in s.dates}),
        "total_words": sum(s.counts.get("words", 0) for s in corpus.sources),
        "reliability": reliability(load_accuracy()),
        "not_measured": NOT_MEASURED,
    }
    html = env.get_template("report.html.j2").render(**context)
    _write_files(files, corpus, charts, groups, views, links, describe, points, env, page_title, output.name)
    _atomic_write(output, html)
    return BuildResult(output, files, len(corpus.articles), len(corpus.scored), len(html.encode("utf-8")), context["linked"])


def _csp(script_hash: str | None) -> Markup:
    """The page's Content-Security-Policy: nothing loads; only the hashed script runs. Built here, no input in it."""
    script = script_hash or "'none'"
    return Markup(f"default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src {script}; base-uri 'none'; form-action 'none'")


def _default_title(corpus: Corpus) -> str:
    n = len(corpus.sources)
    return f"How {n} source{'s' if n != 1 else ''} covered the story" if n else "Comparison report"


def _atomic_write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # A plain open (not mkstemp) so the page gets the usual permissions for the umask.
    tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        tmp.write_text(text, encoding="utf-8", newline="\n")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _write_files(files: Path, corpus: Corpus, charts: Sequence[Chart], groups: Sequence[SharedGroup], views, links: Links, describe, points, env, page_title: str, report_name: str) -> None:
    files.mkdir(parents=True, exist_ok=True)
    write_chart_files(charts, files / "charts")
    _csv(files / "metrics.csv", *_metrics_table(corpus))
    _csv(files / "sources.csv", *_sources_table(corpus))
    _csv(files / "actors.csv", *_actors_table(corpus))
    ids = {a.n: a.id for a in corpus.articles}
    _csv(files / "shared_sentences.csv", ["group", "kind", "source", "article", "sentence"], [[i, g.kind, m.source, ids[m.article], m.text] for i, g in enumerate(groups, 1) for m in g.members])
    art_dir = files / "articles"
    if art_dir.is_dir():  # views from an earlier, bigger run must not linger
        for old in art_dir.glob("*.html"):
            if old.stem.isdigit():
                old.unlink()
    linked = [a for a in corpus.articles if a.n not in links.inline]
    if not linked:
        return
    art_dir.mkdir(parents=True, exist_ok=True)
    template = env.get_template("article.html.j2")
    for a in linked:
        view = article_view(a, links, describe, sorted(set(points.get(a.n, []))), from_file=True)
        html = template.render(view=view, title=page_title, report=f"../../{report_name}", csp=_csp(None), kind_names=KIND_NAMES, version=__version__)
        (art_dir / f"{a.n}.html").write_text(html, encoding="utf-8", newline="\n")


def _csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    for r in rows:
        w.writerow(["" if v is None else (round(v, 4) if isinstance(v, float) else v) for v in r])
    path.write_text(buf.getvalue(), encoding="utf-8", newline="")


def _metrics_table(corpus: Corpus) -> tuple[list[str], list[list[Any]]]:
    keys = sorted({k for a in corpus.articles for k in a.metrics})
    head = ["n", "id", "source", "title", "date", "url", "status", "error", *keys]
    rows = [[a.n, a.id, a.source, a.title, a.date, a.url, a.status, a.error, *(a.metrics.get(k) for k in keys)] for a in corpus.articles]
    return head, rows


def _sources_table(corpus: Corpus) -> tuple[list[str], list[list[Any]]]:
    head = ["source", "articles", "scored", "words", "attributions", "attribution_per_100w", "attribution_named_share", "attribution_anonymous_share",
            "distancing_cues", "distancing_per_100w", "hedges", "hedges_per_100w", "hedges_per_100w_reporter", "hedges_per_100w_quote",
            "boosters", "boosters_per_100w", "boilerplate_share", "flesch_kincaid_grade", "flesch_reading_ease", "first_date", "last_date"]
    rows = []
    for s in corpus.sources:
        c = s.counts
        rows.append([s.name, len(s.articles), s.scored, c.get("words", 0), c.get("attributions", 0), s.per100("attributions"), s.share("named", "attributions"),
                     s.share("anonymous", "attributions"), c.get("distancing", 0), s.per100("distancing"), c.get("hedges", 0), s.per100("hedges"),
                     s.per100("hedges_reporter", "reporter_words"), s.per100("hedges_quote", "quote_words"), c.get("boosters", 0), s.per100("boosters"),
                     s.share("bp_chars", "nonblank_chars"), s.grade, s.reading_ease, s.dates[0] if s.dates else None, s.dates[-1] if s.dates else None])
    return head, rows


def _actors_table(corpus: Corpus) -> tuple[list[str], list[list[Any]]]:
    head = ["actor_id", "actor", "kind", "source", "mentions", "sentiment_mean", "labels"]
    rows = []
    for (aid, src), n in sorted(corpus.actor_mentions.items(), key=lambda kv: (corpus.actor_names.get(kv[0][0], kv[0][0]), kv[0][1])):
        labels = corpus.actor_labels.get((aid, src), {})
        rows.append([aid, corpus.actor_names.get(aid, aid), corpus.actor_kinds.get(aid, ""), src, n, corpus.actor_sentiment.get((aid, src)), "; ".join(sorted(labels))])
    return head, rows
