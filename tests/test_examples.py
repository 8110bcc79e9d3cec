"""The bundled example corpus: it loads, scores cleanly, and each outlet shows its habit.

The comparisons at the end are deliberately modest (one outlet against another, not
pinned numbers): the corpus was written so that each holds by a wide margin.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter, defaultdict
from statistics import mean

import pytest

from framing.ingest import iter_documents
from framing.lexicon import load_lexicons
from framing.model import ATTRIBUTION_CUE, OK
from framing.pipeline import analyze_document, resolve_lexicons
from framing.segment import segment

WIRE = "northgate-wire"
HEDGING = "crosswater-times"
ANONYMOUS = "palisade-report"
FURNITURE = "pulsefeed-news"
OPINION = "the-free-lantern"
SOURCES = {WIRE, HEDGING, ANONYMOUS, FURNITURE, OPINION}
LOADED_LABELS = {"strongman", "regime", "dictator"}


@pytest.fixture(scope="module")
def articles(examples_dir):
    return examples_dir / "articles"


@pytest.fixture(scope="module")
def example_lexicons(examples_dir):
    return examples_dir / "lexicons"


@pytest.fixture(scope="module")
def docs(articles):
    return list(iter_documents([str(articles)]))


@pytest.fixture(scope="module")
def results(docs, example_lexicons):
    lex = resolve_lexicons([str(example_lexicons)])
    return [analyze_document(d, lex) for d in docs]


@pytest.fixture(scope="module")
def by_source(results):
    out = defaultdict(list)
    for r in results:
        out[r.source].append(r)
    return out


def source_mean(by_source, source: str, metric: str) -> float:
    return mean(float(r.metrics.get(metric) or 0.0) for r in by_source[source])


# --- the corpus itself ---------------------------------------------------------


def test_ten_articles_from_five_sources(docs):
    assert len(docs) == 10
    assert all(d.status == OK for d in docs), [(d.id, d.error) for d in docs if d.status != OK]
    assert Counter(d.source for d in docs) == {s: 2 for s in SOURCES}


def test_file_names_and_one_html_page(articles):
    files = sorted(p for p in articles.rglob("*") if p.is_file())
    assert all(re.fullmatch(r"\d\d-[a-z0-9-]+\.(txt|html)", p.name) for p in files), files
    html = [p for p in files if p.suffix == ".html"]
    assert [p.parent.name for p in html] == [FURNITURE]


def test_every_article_has_a_title_and_a_realistic_length(docs):
    for d in docs:
        assert d.title, d.id
        assert 250 <= len(d.text.split()) <= 600, (d.id, len(d.text.split()))


def test_html_page_keeps_furniture_visible_and_main_text_apart(docs):
    (page,) = [d for d in docs if d.path.endswith(".html")]
    assert page.main_text and "Share this:" not in page.main_text
    for furniture in ("Share this:", "Leave a comment", "All rights reserved", "Most read"):
        assert furniture in page.text


def test_segmentation_edge_cases_are_present(docs):
    corpus = "\n".join(d.text for d in docs)
    for needle in ('"', "“", "”", "’", "U.S.", "Mr. ", "Dr. "):
        assert needle in corpus, needle


def test_a_quote_closed_after_a_comma_stays_with_its_speaker(docs):
    # '"...both parties," Quist said.' is one sentence in every outlet, straight or curly.
    for d in docs:
        seg = segment(d.text)
        for s, _ in seg.sentences:
            assert not d.text[max(0, s - 3) : s].rstrip().endswith((',"', ",”")), (d.id, d.text[s : s + 40])


def _sentences(text: str) -> set[str]:
    seg = segment(text)
    return {text[s:e].replace("“", '"').replace("”", '"').replace("’", "'") for s, e in seg.sentences}


def test_wire_copy_reappears_in_the_web_outlet(docs):
    texts = {d.id: d.text for d in docs}
    wire = _sentences(texts[f"{WIRE}/01-ostrelia-recalls-envoy-over-tessel-dam"])
    web = _sentences(texts[f"{FURNITURE}/01-ostrelia-recalls-ambassador"])
    shared = {s for s in wire & web if len(s.split()) > 5}
    assert len(shared) >= 5
    # ...and only there: the other outlets wrote their own copy.
    for d in docs:
        if d.source not in (WIRE, FURNITURE):
            assert len({s for s in wire & _sentences(d.text) if len(s.split()) > 5}) == 0, d.id


def test_example_actor_lexicon_loads_and_matches_the_corpus(docs, example_lexicons):
    lex = load_lexicons((str(example_lexicons),))
    table = lex.table("actors")
    example_ids = {"halvaria", "ostrelia", "anton-veyk", "elin-marsh", "inter-basin-commission", "keldgate-hydro"}
    assert example_ids <= {a["id"] for a in table["actor"]}
    ids = [a["id"] for a in table["actor"]]
    assert len(ids) == len(set(ids)), "duplicate actor ids"
    corpus = "\n".join(d.text for d in docs).lower()
    kinds = set(table["meta"]["categories"])
    mine = tomllib.loads((example_lexicons / "actors.toml").read_text(encoding="utf-8"))
    for actor in mine["actor"]:
        assert actor["kind"] in kinds, actor["id"]
        names = [actor["name"], *actor.get("aliases", []), *actor.get("short", []), *actor.get("metonyms", [])]
        # Every example actor really occurs, so a typo in a name shows up here.
        assert any(n.lower() in corpus for n in names), actor["id"]
    # The invented countries, their capitals and demonyms: every form is used.
    countries = lex["countries"]
    for term in ("halvaria", "ostrelia", "merrow", "sarn", "halvarian", "ostrelian"):
        assert countries.category(term), term
        assert term in corpus, term


# --- scoring ----------------------------------------------------------------------


def test_every_article_scores_with_exact_evidence(results):
    for r in results:
        assert r.status == OK, (r.id, r.error)
        assert r.metrics["words"] > 0
        for s in r.spans:
            assert r.text[s.start : s.end] == s.text, (r.id, s)


def test_furniture_outlet_has_the_most_boilerplate(by_source):
    furniture = min(r.metrics["boilerplate_lines"] for r in by_source[FURNITURE])
    others = max(r.metrics["boilerplate_lines"] for s in SOURCES - {FURNITURE} for r in by_source[s])
    assert furniture >= 8 and furniture > others


def test_furniture_outlet_keeps_its_article_body(by_source):
    # Both pages carry 380-400 words of reporting between the furniture.
    for r in by_source[FURNITURE]:
        assert r.metrics["words"] >= 300, (r.id, r.metrics["words"])


def test_hedging_outlet_hedges_far_more_than_the_wire(by_source):
    assert source_mean(by_source, HEDGING, "hedges_per_100w") > 2 * source_mean(by_source, WIRE, "hedges_per_100w")
    assert source_mean(by_source, HEDGING, "hedges_per_100w") >= 3.0


def test_opinion_outlet_boosts_most(by_source):
    opinion = source_mean(by_source, OPINION, "boosters_per_100w")
    assert opinion >= 1.0
    for s in SOURCES - {OPINION}:
        assert opinion > source_mean(by_source, s, "boosters_per_100w"), s


def test_anonymous_outlet_cites_unnamed_sources_the_wire_names(by_source):
    def share(source: str, kind: str) -> float:
        counts = Counter()
        for r in by_source[source]:
            for sc in r.sources:
                counts[sc.type] += sc.count
        return counts[kind] / max(1, sum(counts.values()))

    assert share(ANONYMOUS, "anonymous") > share(WIRE, "anonymous")
    assert share(WIRE, "named") > share(ANONYMOUS, "named")


def test_anonymous_outlet_distances_itself(by_source):
    def distancing(source: str) -> int:
        return sum(1 for r in by_source[source] for s in r.spans if s.kind == ATTRIBUTION_CUE and s.label == "distancing")

    assert distancing(ANONYMOUS) >= 3
    assert distancing(ANONYMOUS) > distancing(WIRE)


def _actor(by_source, source: str, actor_id: str):
    return [a for r in by_source[source] for a in r.actors if a.id == actor_id]


def test_loaded_labels_come_from_the_opinion_outlet(by_source):
    opinion = {lab.lower() for a in (a for r in by_source[OPINION] for a in r.actors) for lab in a.labels}
    wire = {lab.lower() for a in (a for r in by_source[WIRE] for a in r.actors) for lab in a.labels}
    assert opinion & LOADED_LABELS
    assert not wire & LOADED_LABELS


def test_every_outlet_mentions_the_leader(by_source):
    for s in SOURCES:
        assert _actor(by_source, s, "anton-veyk"), s


def test_opinion_outlet_is_harsher_on_the_leader_than_the_wire(by_source):
    def tone(source: str) -> float:
        found = [a.sentiment_mean for a in _actor(by_source, source, "anton-veyk") if a.sentiment_mean is not None]
        assert found, source
        return mean(found)

    assert tone(OPINION) < tone(WIRE)
