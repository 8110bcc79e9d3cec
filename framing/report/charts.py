"""The report's charts: matplotlib figures as inline SVG (and PNG/SVG files for slides).

Byte-identical output: the Agg backend, a fixed ``svg.hashsalt`` per chart, text
kept as text (``svg.fonttype = none``, so it stays searchable and accessible) and
no date in the metadata. Colours are the Okabe-Ito palette, which stays
distinguishable with the common colour-vision deficiencies.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from markupsafe import Markup, escape

from .corpus import Corpus, SourceTotals

BLACK, ORANGE, SKY, GREEN, YELLOW, BLUE, VERMILLION, PURPLE = (
    "#000000", "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7",
)
GREY = "#999999"
PALETTE = (BLUE, ORANGE, GREEN, VERMILLION, SKY, PURPLE, YELLOW, BLACK)
MAX_SOURCES = 20  # more bars than this do not fit a slide; the CSV has them all
MAX_ACTORS = 12
# Shown wherever tone is (the heatmap, each article's actor table, the method notes).
SPEAKING_NOTE = (
    "When an actor is the one speaking (\u201cThis is reckless,\u201d said the mayor), the words are its own, "
    "not words about it, so those mentions are shown but left out of the tone toward it."
)

RC = {
    "svg.fonttype": "none",
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans", "Arial", "Helvetica", "Liberation Sans"],
    "font.size": 11,
    "axes.titlesize": 13,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.edgecolor": "#555555",
    "axes.labelcolor": "#222222",
    "xtick.color": "#333333",
    "ytick.color": "#333333",
    "legend.frameon": False,
    "figure.dpi": 100,
}


@dataclass(frozen=True)
class Chart:
    name: str  # file stem and element id ("chart-<name>")
    title: str
    caption: str  # what it shows and how to read it
    desc: str  # the data in words, for screen readers
    svg: Markup | None  # None: nothing to draw (the caption says why)
    png: bytes = b""


def _label(text: str, width: int = 28) -> str:
    """Axis text from data: '$' would start matplotlib's math mode; long names are cut."""
    text = text if len(text) <= width else text[: width - 1] + "\u2026"
    return text.replace("$", r"\$")


def _sources(corpus: Corpus) -> tuple[list[SourceTotals], str]:
    scored = [s for s in corpus.sources if s.scored]
    if len(scored) <= MAX_SOURCES:
        return scored, ""
    keep = sorted(scored, key=lambda s: (-s.scored, s.name.lower(), s.name))[:MAX_SOURCES]
    keep.sort(key=lambda s: (s.name.lower(), s.name))
    return keep, f" Showing the {MAX_SOURCES} sources with the most articles of {len(scored)}; the CSV files hold every source."


def _figure(n_rows: int, ncols: int = 1, width: float = 9.0, extra: float = 1.7):
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, 0.42 * max(n_rows, 2) + extra))
    axes = fig.subplots(1, ncols, sharey=True, squeeze=False)[0]
    return fig, axes


def _finish(fig, name: str, title: str, desc: str) -> tuple[Markup, bytes]:
    import matplotlib

    with matplotlib.rc_context({**RC, "svg.hashsalt": f"framing-{name}"}):
        # The tight box once, for both files ("tight" would lay the figure out again per file).
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        bbox = fig.get_tightbbox(FigureCanvasAgg(fig).get_renderer()).padded(0.1)
        buf = io.StringIO()
        fig.savefig(buf, format="svg", metadata={"Date": None}, bbox_inches=bbox)
        png = io.BytesIO()
        fig.savefig(png, format="png", dpi=150, metadata={"Software": None}, bbox_inches=bbox)
    svg = buf.getvalue()
    svg = svg[svg.index("<svg") :]
    svg = re.sub(r"\s*<metadata>.*?</metadata>", "", svg, count=1, flags=re.S)
    # Ids must be unique in the page: prefix matplotlib's with the chart name.
    svg = re.sub(r'id="([^"]+)"', lambda m: f'id="{name}-{m.group(1)}"', svg)
    svg = re.sub(r'url\(#([^)]+)\)', lambda m: f"url(#{name}-{m.group(1)})", svg)
    svg = re.sub(r'xlink:href="#([^"]+)"', lambda m: f'xlink:href="#{name}-{m.group(1)}"', svg)
    head_end = svg.index(">") + 1
    opening = svg[:head_end].replace("<svg ", f'<svg role="img" aria-labelledby="{name}-title {name}-desc" ', 1)
    svg = opening + f'<title id="{name}-title">{escape(title)}</title><desc id="{name}-desc">{escape(desc)}</desc>' + svg[head_end:]
    return Markup(svg), png.getvalue()


def _with_rc(draw: Callable[[], Chart]) -> Chart:
    import matplotlib

    with matplotlib.rc_context(RC):
        return draw()


def _per100(n: float, words: float) -> float:
    return 100.0 * n / words if words else 0.0


def attribution_chart(corpus: Corpus) -> Chart:
    sources, note = _sources(corpus)
    title = "Who is cited: attributed statements per 100 words"
    caption = ("Each bar counts the statements a source attributes (\u201csaid\u201d, \u201caccording to\u201d), per 100 words of text, "
               "split by who is cited: a named person or body, an anonymous or vague source (\u201cofficials\u201d), or nobody. "
               "The right panel counts distancing cues (\u201callegedly\u201d, \u201cclaimed\u201d) per 100 words." + note)
    rows = []
    for s in sources:
        c, w = s.counts, s.counts.get("words", 0)
        other = max(0.0, c.get("attributions", 0) - c.get("named", 0) - c.get("anonymous", 0) - c.get("unsourced", 0))
        rows.append((s.name, _per100(c.get("named", 0), w), _per100(c.get("anonymous", 0), w), _per100(c.get("unsourced", 0) + other, w), _per100(c.get("distancing", 0), w)))
    desc = "; ".join(f"{n}: named {a:.2f}, anonymous {b:.2f}, no source {c:.2f}, distancing {d:.2f} per 100 words" for n, a, b, c, d in rows)
    if not rows:
        return Chart("attribution", title, caption, "No scored articles.", None)

    def draw() -> Chart:
        fig, (ax, ax2) = _figure(len(rows), 2)
        fig.subplots_adjust(wspace=0.08)
        names = [_label(r[0]) for r in rows][::-1]
        named, anon, unsourced, dist = (list(col)[::-1] for col in zip(*[r[1:] for r in rows]))
        ax.barh(names, named, color=BLUE, label="named source")
        ax.barh(names, anon, left=named, color=ORANGE, label="anonymous / vague source")
        ax.barh(names, unsourced, left=[a + b for a, b in zip(named, anon)], color=GREY, label="no source given")
        ax.set_xlabel("attributed statements per 100 words")
        ax.set_title("Attributions, by kind of source")
        _legend_below(ax, ncol=3, fontsize=10)
        ax2.barh(names, dist, color=VERMILLION, label="distancing cues")
        ax2.set_xlabel("distancing cues per 100 words")
        ax2.set_title("Distancing")
        for a, vals, what in ((ax, [x + y + z for x, y, z in zip(named, anon, unsourced)], "no attributions found"), (ax2, dist, "no distancing cues found")):
            a.grid(axis="x", color="#dddddd", linewidth=0.8)
            a.set_axisbelow(True)
            _totals(a, names, vals, "{:.2f}")
            _empty_axis(a, vals, what, len(rows))
        fig.set_figwidth(11)
        svg, png = _finish(fig, "attribution", title, desc)
        return Chart("attribution", title, caption, desc, svg, png)

    return _with_rc(draw)


def _totals(ax, names: Sequence[str], totals: Sequence[float], fmt: str) -> None:
    """The value at the end of each bar, so a slide reads without the axis ("none" for zero)."""
    top = max(totals, default=0.0)
    if top <= 0:
        return
    ax.set_xlim(0, top * 1.16)
    for y, (name, v) in enumerate(zip(names, totals)):
        ax.text(v + top * 0.012, y, fmt.format(v) if v > 0 else "none", va="center", ha="left", fontsize=10, color="#333333")


def _legend_below(ax, **kw) -> None:
    """A legend under the x-axis label, the same distance below it whatever the chart's height."""
    fig = ax.get_figure()
    sp = fig.subplotpars
    axes_height = fig.get_figheight() * (sp.top - sp.bottom)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.62 / axes_height), **kw)


def _empty_axis(ax, values: Sequence[float], what: str, n_rows: int) -> None:
    """An axis with nothing to show says so, instead of a meaningless scale around zero."""
    if max(values, default=0.0) > 0:
        return
    ax.set_xlim(0, 1)
    ax.text(0.5, (n_rows - 1) / 2, what, ha="center", va="center", color="#555555", fontsize=12)


def _none_rows(ax, empty: Sequence[bool], what: str = "none") -> None:
    """'none' at the start of each row with nothing in it, as :func:`_totals` writes."""
    right = ax.get_xlim()[1]
    for y, is_empty in enumerate(empty):
        if is_empty:
            ax.text(right * 0.012, y, what, va="center", ha="left", fontsize=10, color="#333333")


def _grouped(ax, names: Sequence[str], series: Sequence[tuple[str, str, Sequence[float]]]) -> None:
    n = len(series)
    h = 0.8 / n
    ys = range(len(names))
    for k, (label, color, values) in enumerate(series):
        ax.barh([y + (n - 1 - k) * h - 0.4 + h / 2 for y in ys], values, height=h, color=color, label=label)
    ax.set_yticks(list(ys), list(names))
    ax.grid(axis="x", color="#dddddd", linewidth=0.8)
    ax.set_axisbelow(True)
    # The value at the end of each bar, as the attribution chart has: the findings quote
    # these numbers ("6.94 vs 0.24"), and a missing bar must read as zero, not as no data.
    top = max((v for _l, _c, values in series for v in values), default=0.0)
    if top <= 0:
        return
    ax.set_xlim(0, top * 1.16)
    for k, (_label, _color, values) in enumerate(series):
        for y, v in enumerate(values):
            if v > 0 or any(other[2][y] > 0 for other in series):  # a row with nothing at all says "none" once
                ax.text(v + top * 0.012, y + (n - 1 - k) * h - 0.4 + h / 2, f"{v:.2f}" if v > 0 else "0", va="center", ha="left", fontsize=9, color="#333333")


def hedging_chart(corpus: Corpus) -> Chart:
    sources, note = _sources(corpus)
    title = "Uncertainty and certainty: hedges and boosters per 100 words"
    caption = ("Hedges (\u201cmay\u201d, \u201creportedly\u201d, \u201cappears\u201d) soften a claim; boosters (\u201cclearly\u201d, \u201cundoubtedly\u201d) harden it. "
               "Each is counted per 100 words, separately in the reporter\u2019s own voice and inside quotations, "
               "because a hedge in a quote tells you about the speaker, not the outlet." + note)
    rows = []
    for s in sources:
        c = s.counts
        rows.append((s.name, _per100(c.get("hedges_reporter", 0), c.get("reporter_words", 0)), _per100(c.get("hedges_quote", 0), c.get("quote_words", 0)),
                     _per100(c.get("boosters_reporter", 0), c.get("reporter_words", 0)), _per100(c.get("boosters_quote", 0), c.get("quote_words", 0))))
    desc = "; ".join(f"{n}: hedges {a:.2f} (reporter) and {b:.2f} (quotes), boosters {c:.2f} (reporter) and {d:.2f} (quotes) per 100 words" for n, a, b, c, d in rows)
    if not rows:
        return Chart("hedging", title, caption, "No scored articles.", None)

    def draw() -> Chart:
        fig, (ax, ax2) = _figure(len(rows) * 1.4, 2)
        fig.set_figwidth(11)
        fig.subplots_adjust(wspace=0.08)
        names = [_label(r[0]) for r in rows][::-1]
        cols = [list(col)[::-1] for col in zip(*[r[1:] for r in rows])]
        _grouped(ax, names, [("reporter\u2019s voice", BLUE, cols[0]), ("inside quotes", SKY, cols[1])])
        _grouped(ax2, names, [("reporter\u2019s voice", PURPLE, cols[2]), ("inside quotes", YELLOW, cols[3])])
        ax.set_title("Hedges")
        ax2.set_title("Boosters")
        for a, vals, what in ((ax, cols[0] + cols[1], "no hedges found"), (ax2, cols[2] + cols[3], "no boosters found")):
            a.set_xlabel("per 100 words of that voice")
            _legend_below(a, ncol=2, fontsize=10)
            _empty_axis(a, vals, what, len(rows))
        for a, first, second in ((ax, cols[0], cols[1]), (ax2, cols[2], cols[3])):
            if max(first + second, default=0.0) > 0:  # an empty axis already says so once
                _none_rows(a, [x <= 0 and y <= 0 for x, y in zip(first, second)])
        svg, png = _finish(fig, "hedging", title, desc)
        return Chart("hedging", title, caption, desc, svg, png)

    return _with_rc(draw)


def boilerplate_chart(corpus: Corpus) -> Chart:
    sources, note = _sources(corpus)
    title = "Page furniture: share of each source\u2019s text that is not the story"
    caption = ("Lines such as share prompts, bylines, photo captions, author bios, copyright notices and related-story teasers, "
               "as a share of all the characters a source published, by kind. These lines are left out of every other measure." + note)
    cats = sorted({c for s in sources for c in s.bp_by_category})
    rows = [(s.name, [s.bp_by_category.get(c, 0.0) * 100 for c in cats]) for s in sources]
    desc = "; ".join(f"{n}: " + (", ".join(f"{c} {v:.1f}%" for c, v in zip(cats, vals) if v) or "none") for n, vals in rows)
    if not rows:
        return Chart("boilerplate", title, caption, "No scored articles.", None)

    def draw() -> Chart:
        fig, (ax,) = _figure(len(rows))
        names = [_label(r[0]) for r in rows][::-1]
        left = [0.0] * len(rows)
        colors = (*PALETTE, GREY)
        for k, cat in enumerate(cats):
            vals = [r[1][k] for r in rows][::-1]
            ax.barh(names, vals, left=left, color=colors[k % len(colors)], label=cat)
            left = [a + b for a, b in zip(left, vals)]
        if not cats:
            ax.barh(names, [0] * len(rows))
            ax.set_xlim(0, 10)
            ax.text(5, (len(rows) - 1) / 2, "no page furniture found", ha="center", va="center", color="#555555")
        if cats:
            _totals(ax, names, left, "{:.1f}%")
        ax.set_xlabel("% of the source\u2019s characters")
        ax.grid(axis="x", color="#dddddd", linewidth=0.8)
        ax.set_axisbelow(True)
        if cats:
            _legend_below(ax, ncol=min(5, len(cats)), fontsize=10)
        svg, png = _finish(fig, "boilerplate", title, desc)
        return Chart("boilerplate", title, caption, desc, svg, png)

    return _with_rc(draw)


def heatmap_chart(corpus: Corpus) -> Chart:
    sources, note = _sources(corpus)
    actors = corpus.top_actors(MAX_ACTORS)
    n_all = len({a for a, _ in corpus.actor_mentions})
    if n_all > len(actors):
        note = f" Showing the {MAX_ACTORS} most-mentioned actors of {n_all}; actors.csv holds every actor." + note
    title = "Tone toward each actor, by source"
    caption = ("Colour: the mean sentiment of the words around each mention of the actor, from \u22121 (negative, vermillion) "
               "through 0 (neutral, white) to +1 (positive, blue). The number below it counts the mentions the tone is read from "
               "(\u201c2 of 5\u201d: in the other three the actor is speaking; \u201cspeaks only\u201d: in all); a tone read from "
               "one or two mentions says little. Blank: the source does not name the actor. " + SPEAKING_NOTE + note)
    if not actors or not sources:
        return Chart("heatmap", title, caption, "No actors were found.", None)
    names = [corpus.actor_names.get(a, a) for a in actors]
    desc = "; ".join(_heatmap_cell_desc(corpus, a, s.name) for a in actors for s in sources if corpus.actor_mentions.get((a, s.name)))

    def draw() -> Chart:
        import numpy as np
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.colors import LinearSegmentedColormap
        from matplotlib.figure import Figure

        cmap = LinearSegmentedColormap.from_list("okabe_div", [VERMILLION, "#ffffff", BLUE]).with_extremes(bad="#ffffff")
        grid = np.full((len(actors), len(sources)), np.nan)
        for i, a in enumerate(actors):
            for j, s in enumerate(sources):
                if (a, s.name) in corpus.actor_sentiment:
                    grid[i, j] = corpus.actor_sentiment[(a, s.name)]
        many = len(sources) > 8  # narrow cells: the count alone, in brackets
        # Cells of a fixed size in inches, so the figure grows with the data: two actors
        # in two sources make a small chart, not a large one with giant cells and text.
        cell_w, cell_h = (0.75 if many else 1.1), 0.5
        grid_w, grid_h = cell_w * len(sources), cell_h * len(actors)
        left, top, bottom = 2.8, 0.7, 2.4  # room for the labels; the tight box crops the rest
        fig_w, fig_h = left + max(grid_w, 4.4) + 0.5, top + grid_h + bottom
        fig = Figure(figsize=(fig_w, fig_h))
        ax = fig.add_axes((left / fig_w, bottom / fig_h, grid_w / fig_w, grid_h / fig_h))
        im = ax.imshow(np.ma.masked_invalid(grid), cmap=cmap, vmin=-1, vmax=1, aspect="auto")
        tilt = len(sources) > 4
        ax.set_xticks(range(len(sources)), [_label(s.name, 18) for s in sources], rotation=30 if tilt else 0, ha="right" if tilt else "center")
        ax.set_yticks(range(len(actors)), [_label(n) for n in names])
        ax.set_xticks([x - 0.5 for x in range(1, len(sources))], minor=True)
        ax.set_yticks([y - 0.5 for y in range(1, len(actors))], minor=True)
        ax.grid(which="minor", color="#cccccc", linewidth=1)
        ax.tick_params(which="minor", length=0)
        for side in ("top", "right", "left", "bottom"):
            ax.spines[side].set_visible(False)
        for i, a in enumerate(actors):
            for j, s in enumerate(sources):
                n = corpus.actor_mentions.get((a, s.name), 0)
                if not n:
                    continue
                v = grid[i, j]
                tone = "n/a" if np.isnan(v) else f"{v + 0.0:+.2f}".replace("-0.00", "0.00").replace("+0.00", "0.00")
                k = corpus.tone_mentions(a, s.name)
                if np.isnan(v) and not k:  # every mention has the actor speaking
                    text = f"speaks\n({n})" if many else f"speaks only\n{_mentions(n)}"
                elif k != n:  # "3 of 5": the width of a cell has no room for "mentions"
                    text = f"{tone}\n({k} of {n})" if many else f"{tone}\n{k} of {n}"
                else:
                    text = f"{tone}\n({n})" if many else f"{tone}\n{_mentions(n)}"
                dark = not np.isnan(v) and abs(v) > 0.55
                ax.text(j, i, text, ha="center", va="center", fontsize=9 if many else 10, color="#ffffff" if dark else "#111111")
        ax.set_title("Tone by actor and source" + (" (mentions in brackets)" if many else ""))
        # The colour scale goes under the source names, whose height depends on their tilt;
        # horizontal, it fits a one-row grid as well as a twelve-row one.
        ticks_bottom = ax.get_tightbbox(FigureCanvasAgg(fig).get_renderer()).y0 / fig.dpi
        bar_w = min(max(grid_w, 2.6), 4.4)
        cax = fig.add_axes((left / fig_w, (ticks_bottom - 0.45) / fig_h, bar_w / fig_w, 0.16 / fig_h))
        bar = fig.colorbar(im, cax=cax, orientation="horizontal", ticks=[-1, -0.5, 0, 0.5, 1])
        bar.ax.tick_params(labelsize=9)
        bar.set_label("mean tone: \u22121 negative \u2026 +1 positive", fontsize=10)
        svg, png = _finish(fig, "heatmap", title, desc)
        return Chart("heatmap", title, caption, desc, svg, png)

    return _with_rc(draw)


def _mentions(n: int) -> str:
    return f"{n} mention{'s' if n != 1 else ''}"


def _heatmap_cell_desc(corpus: Corpus, actor: str, source: str) -> str:
    """One cell for the text alternative: the tone and the mentions it is read from ("1 of
    3" when the actor speaks in the others), or that the actor only speaks there."""
    n = corpus.actor_mentions[(actor, source)]
    k = corpus.tone_mentions(actor, source)
    tone = corpus.actor_sentiment.get((actor, source))
    if tone is not None:
        what = f"{tone:+.2f} over " + (_mentions(n) if k == n else f"{k} of {n} mentions")
    elif not k:
        what = f"speaks only, {_mentions(n)}"
    else:
        what = _mentions(n)
    return f"{corpus.actor_names.get(actor, actor)} in {source}: {what}"


def voice_chart(corpus: Corpus) -> Chart:
    sources, note = _sources(corpus)
    top = corpus.top_actors(7)
    title = "Share of voice: which actors each source talks about"
    caption = ("Each bar splits a source\u2019s actor mentions (100%) between the most-mentioned actors of the whole corpus; "
               "\u201cother\u201d holds the rest. A bigger segment means the source gives that actor more of its attention." + note)
    if not top or not sources:
        return Chart("voice", title, caption, "No actors were found.", None)
    rows = []
    for s in sources:
        counts = {a: corpus.actor_mentions.get((a, s.name), 0) for a in top}
        total = sum(n for (a, src), n in corpus.actor_mentions.items() if src == s.name)
        rows.append((s.name, [100.0 * counts[a] / total if total else 0.0 for a in top], total))
    labels = [corpus.actor_names.get(a, a) for a in top]
    desc = "; ".join((f"{n}: " + ", ".join(f"{l} {v:.0f}%" for l, v in zip(labels, vals) if v) + f" of {t} mentions") if t else f"{n}: no actors named" for n, vals, t in rows)

    def draw() -> Chart:
        fig, (ax,) = _figure(len(rows), extra=2.0)
        names = [_label(r[0]) for r in rows][::-1]
        left = [0.0] * len(rows)
        for k, label in enumerate(labels):
            vals = [r[1][k] for r in rows][::-1]
            ax.barh(names, vals, left=left, color=PALETTE[k], label=_label(label, 24))
            left = [a + b for a, b in zip(left, vals)]
        rest = [100.0 - l if r[2] else 0.0 for l, r in zip(left, rows[::-1])]
        ax.barh(names, rest, left=left, color="#dddddd", label="other actors")
        ax.set_xlim(0, 100)
        _none_rows(ax, [not r[2] for r in rows[::-1]], "no actors named")
        ax.set_xlabel("% of the source\u2019s actor mentions")
        _legend_below(ax, ncol=4, fontsize=10)
        svg, png = _finish(fig, "voice", title, desc)
        return Chart("voice", title, caption, desc, svg, png)

    return _with_rc(draw)


def readability_chart(corpus: Corpus) -> Chart:
    sources, note = _sources(corpus)
    title = "Readability: Flesch-Kincaid grade of each article"
    caption = ("The US school grade a reader needs to follow the text, from sentence length and syllables per word "
               "(about 8: easy, general readers; 12 and above: dense). Dots are articles, the black bar is the source\u2019s mean. "
               "It measures form, not quality or truth." + note)
    rows = [(s.name, [g for a in s.articles if a.ok and (g := a.metric("flesch_kincaid_grade")) is not None]) for s in sources]
    rows = [r for r in rows if r[1]]
    desc = "; ".join(f"{n}: mean grade {sum(v) / len(v):.1f} over {len(v)} article{'s' if len(v) != 1 else ''}" for n, v in rows)
    if not rows:
        return Chart("readability", title, caption, "No readability scores.", None)

    def draw() -> Chart:
        fig, (ax,) = _figure(len(rows), extra=1.3)
        n = len(rows)
        for i, (name, grades) in enumerate(rows):
            y = n - 1 - i
            k = len(grades)
            offsets = [((j % 5) - 2) * 0.06 if k > 1 else 0.0 for j in range(k)]
            ax.scatter(grades, [y + o for o in offsets], s=36, color=SKY, edgecolor=BLUE, linewidth=0.8, zorder=3, label="an article" if i == 0 else None)
            m = sum(grades) / k
            ax.plot([m, m], [y - 0.32, y + 0.32], color=BLACK, linewidth=2.5, zorder=4, label="source mean" if i == 0 else None)
        ax.set_yticks(range(n), [_label(r[0]) for r in rows][::-1])
        ax.set_ylim(-0.6, n - 0.4)
        lo = min(min(r[1]) for r in rows)
        hi = max(max(r[1]) for r in rows)
        ax.set_xlim(min(lo - 1, 6), max(hi + 1, 14))
        ax.set_xlabel("Flesch-Kincaid grade (US school years)")
        ax.grid(axis="x", color="#dddddd", linewidth=0.8)
        ax.set_axisbelow(True)
        _legend_below(ax, ncol=2, fontsize=10)
        svg, png = _finish(fig, "readability", title, desc)
        return Chart("readability", title, caption, desc, svg, png)

    return _with_rc(draw)


CHARTS = (attribution_chart, hedging_chart, boilerplate_chart, heatmap_chart, voice_chart, readability_chart)


def all_charts(corpus: Corpus) -> list[Chart]:
    import matplotlib

    matplotlib.use("Agg", force=True)
    return [make(corpus) for make in CHARTS]


def write_chart_files(charts: Sequence[Chart], folder: Path) -> None:
    """``<name>.svg`` (standalone) and ``<name>.png`` per drawn chart."""
    folder.mkdir(parents=True, exist_ok=True)
    for c in charts:
        if c.svg is None:
            continue
        (folder / f"{c.name}.svg").write_text('<?xml version="1.0" encoding="utf-8"?>\n' + str(c.svg).replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1) if 'xmlns="http' not in str(c.svg) else '<?xml version="1.0" encoding="utf-8"?>\n' + str(c.svg), encoding="utf-8")
        (folder / f"{c.name}.png").write_bytes(c.png)
