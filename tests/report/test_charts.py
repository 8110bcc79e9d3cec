"""The report's charts: sizes that follow the data, and notes on what was left out."""

from __future__ import annotations

import re

from framing.report.charts import MAX_ACTORS, heatmap_chart
from framing.report.corpus import build_corpus

from report_fixtures import actor, record

NAMES = ("Mara Quill", "Ilse Varn", "Port Authority", "Dockers Union", "Ada Pike", "Tomas Berg", "City Council", "Rail Board")


def _records(n_actors: int, n_sources: int, long: bool = False) -> list[dict]:
    out = []
    for s in range(n_sources):
        acts = []
        for a in range(n_actors):
            name = f"{NAMES[a % len(NAMES)]} {a}" + (" of the Northern Harbour Development Corporation" if long else "")
            acts.append(actor(f"a{a}", name, 1 + (a + s) % 4, ((a * 3 + s) % 7 - 3) / 4))
        src = f"Outlet {chr(65 + s)}" + (" Evening Chronicle and Sunday Supplement" if long else "")
        out.append(record(f"{s}/1", src, "The port authority said on Monday that talks may resume.\n", [], actors=acts))
    return out


def _size(n_actors: int, n_sources: int, long: bool = False) -> tuple[float, float]:
    """The heatmap's size in points, as the SVG declares it."""
    svg = str(heatmap_chart(build_corpus(_records(n_actors, n_sources, long))).svg)
    m = re.search(r'<svg[^>]* width="([\d.]+)pt" height="([\d.]+)pt"', svg)
    assert m, svg[:300]
    return float(m.group(1)), float(m.group(2))


def test_heatmap_cells_keep_their_size_whatever_the_number_of_rows_and_columns():
    # A 2x2 heatmap once filled the same 9-inch figure as a 12x6 one, and the page
    # then stretched it to the full width: huge cells and text for two actors.
    w22, h22 = _size(2, 2)
    w26, _ = _size(2, 6)
    _, h32 = _size(3, 2)
    _, h12 = _size(12, 2)
    assert w22 < 400  # points; the 12-actor, 5-source chart of the seeds is about 700
    per_row = h32 - h22
    assert 25 < per_row < 50  # one more actor adds one row of cells, nothing else
    assert abs((h12 - h22) - 10 * per_row) < 2
    assert abs((w26 - w22) / 4 - 79) < 12  # one more source adds one column of cells


def test_heatmap_with_one_actor_and_one_source_is_small():
    w, h = _size(1, 1)
    assert w < 400 and h < 250


def test_heatmap_long_names_are_cut_and_do_not_widen_the_cells():
    w_short, h_short = _size(3, 2)
    w_long, h_long = _size(3, 2, long=True)
    assert w_long - w_short < 160  # the labels are cut at 28 (actors) and 18 (sources) characters
    assert abs(h_long - h_short) < 30


def test_heatmap_says_how_many_actors_it_leaves_out():
    chart = heatmap_chart(build_corpus(_records(40, 3)))
    assert f"the {MAX_ACTORS} most-mentioned actors of 40" in chart.caption
    assert "actors.csv" in chart.caption
    few = heatmap_chart(build_corpus(_records(MAX_ACTORS, 3)))
    assert "most-mentioned" not in few.caption


def test_heatmap_text_alternative_counts_one_mention_in_the_singular():
    recs = [record("1/1", "Outlet A", "The port authority said talks may resume.\n", [], actors=[actor("a0", "Mara Quill", 1, -0.5)])]
    desc = heatmap_chart(build_corpus(recs)).desc
    assert desc == "Mara Quill in Outlet A: -0.50 over 1 mention"


def test_hedging_bars_carry_their_values(records):
    """The findings quote hedge rates ("5.71 vs 4.08"); the chart had no numbers to find
    them by, and a voice with no hedges was a gap that read as missing data."""
    from framing.report.charts import hedging_chart

    corpus = build_corpus(records)
    chart = hedging_chart(corpus)
    labels = re.findall(r">([^<>]+)</text>", str(chart.svg))
    for s in corpus.sources:
        rate = 100 * s.counts["hedges_reporter"] / s.counts["reporter_words"]
        assert f"{rate:.2f}" in labels, (s.name, rate, labels)
