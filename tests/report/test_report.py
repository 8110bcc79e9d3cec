"""framing report: the page, its files, escaping, determinism, scale (no browser needed)."""

from __future__ import annotations

import base64
import csv
import hashlib
import html
import json
import os
import re
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

from framing.cli import run as cli_run
from framing.report import build_report
from framing.report.corpus import build_corpus
from framing.report.findings import headline_findings
from framing.report.highlight import highlight
from framing.report.shared import shared_sentences

from report_fixtures import HARBOR, XSS_SCRIPT, harbor_record, valley_records

ROOT = Path(__file__).resolve().parents[2]


class _Tree(HTMLParser):
    """Collects ids, hrefs, scripts and checks that every opened element is closed in order."""

    VOID = {"meta", "br", "hr", "img", "input", "link", "col", "area", "base", "wbr", "source"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.scripts: list[str] = []
        self.tags: list[tuple[str, dict]] = []
        self.errors: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if "id" in a:
            self.ids.append(a["id"])
        if tag == "a" and "href" in a:
            self.hrefs.append(a["href"])
        if tag == "script":
            self._in_script = True
            self.scripts.append("")
        if tag not in self.VOID and not tag.startswith(("path", "rect")):
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if "id" in a:
            self.ids.append(a["id"])

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1] if self.stack else 'nothing'}")
            return
        self.stack.pop()

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data


def parse(page: str) -> _Tree:
    t = _Tree()
    t.feed(page)
    return t


def _text_of(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


# --- highlighting -----------------------------------------------------------------


def test_highlight_nests_overlapping_spans_and_keeps_the_text():
    text = 'He said <b>"maybe" & then</b> left.'
    spans = [
        {"kind": "quote", "start": 11, "end": 18},  # "maybe"
        {"kind": "hedge", "start": 3, "end": 14},  # said <b>"ma  (crosses into the quote)
        {"kind": "actor", "start": 12, "end": 25},  # maybe" & the (starts inside both)
    ]
    spans.sort(key=lambda s: (s["start"], -s["end"]))
    out = str(highlight(text, spans, lambda s: (f"k-{s['kind']}", s["kind"] + ' "why"'), {0: "first"}, [(0, "top")]))
    tree = parse(f"<div>{out}</div>")
    assert tree.errors == [] and tree.stack == []
    assert _text_of(out) == text
    assert "<b>" not in out and "&lt;b&gt;" in out
    assert out.count('id="first"') == 1 and 'id="top"' in out
    assert 'title="hedge &quot;why&quot;"' in out
    # The hedge ends inside the quote: the quote and the actor inside it are cut there and
    # reopened; the actor is cut again where the quote ends.
    assert out.count('<mark class="k-hedge"') == 1
    assert out.count('<mark class="k-quote"') == 2
    assert out.count('<mark class="k-actor"') == 3


def test_highlight_of_a_real_article_round_trips():
    rec = harbor_record()
    corpus = build_corpus([rec])
    a = corpus.articles[0]
    out = str(highlight(a.text, a.spans, lambda s: (s["kind"], s.get("label", ""))))
    assert _text_of(out) == HARBOR
    tree = parse(f"<div>{out}</div>")
    assert tree.errors == [] and tree.stack == []
    assert out.count("<mark") >= len(a.spans)


def test_spans_whose_offsets_do_not_match_are_left_out():
    rec = harbor_record()
    rec["spans"].append({"kind": "hedge", "start": 0, "end": 4, "text": "nope", "label": "modal"})
    rec["spans"].append({"kind": "hedge", "start": 5, "end": 10_000, "text": "x", "label": "modal"})
    a = build_corpus([rec]).articles[0]
    assert a.dropped_spans == 2
    assert all(a.text[s["start"] : s["end"]] == s["text"] for s in a.spans)


# --- corpus numbers and findings ---------------------------------------------------


def test_source_totals_pool_counts_over_words(records):
    corpus = build_corpus(records)
    assert [s.name for s in corpus.sources] == ["Harbor Daily", "Valley Post"]
    harbor, valley = corpus.sources
    assert harbor.counts["hedges"] == 2 and harbor.counts["boosters"] == 1
    assert harbor.counts["boosters_quote"] == 1 and harbor.counts["hedges_reporter"] == 2
    words = sum(len(r["text"].split()) for r in records[1:])
    assert valley.per100("hedges") == pytest.approx(100 * 4 / words)
    assert harbor.share("anonymous", "attributions") == pytest.approx(1 / 3)
    assert corpus.actor_mentions[("mara-quill", "Valley Post")] == 3
    assert corpus.actor_labels[("mara-quill", "Harbor Daily")] == {"union leader": 1}


def test_findings_name_the_outlier_with_both_numbers(records):
    findings = {f.signal: f.text for f in headline_findings(build_corpus(records))}
    # Harbor Daily's one booster is inside a quote: the speaker's, not the outlet's.
    assert findings["Boosters"].startswith("No source uses boosters") and "in its own voice" in findings["Boosters"]
    assert re.search(r"Valley Post hedges 1\.\d\u00d7 more often in its own voice than Harbor Daily \(\d\.\d\d vs \d\.\d\d per 100 words of its own text\)", findings["Hedging"])
    assert "Page furniture" in findings
    for text in findings.values():
        assert "credib" not in text.lower()  # differences, never a verdict


def test_findings_with_one_source_and_with_nothing_found():
    one = headline_findings(build_corpus([harbor_record()]))
    assert any("Only one source" in f.text for f in one)
    bare = [dict(r, spans=[], actors=[], sources=[], metrics={"words": 50}) for r in valley_records()]
    bare[0]["source"] = "Other"
    texts = [f.text for f in headline_findings(build_corpus(bare))]
    assert "No source hedges (\u201cmay\u201d, \u201creportedly\u201d, \u201cappears\u201d) in its own voice; hedges inside quotes belong to the speakers." in texts


def test_a_source_with_too_little_text_is_left_out_of_the_findings(records):
    """'Rain fell.' (2 words, grade -3) must not be named 'the easiest to read'."""
    from report_fixtures import record

    tiny = record("tiny/1", "Brief Wire", "Rain fell.", [], metrics={"words": 2, "flesch_kincaid_grade": -3.0})
    findings = headline_findings(build_corpus([*records, tiny]))
    signals = [f for f in findings if f.signal != "Too little text"]
    assert signals and all("Brief Wire" not in f.text for f in signals)
    [note] = [f for f in findings if f.signal == "Too little text"]
    assert "Brief Wire" in note.text and "2 words" in note.text


def test_shared_sentences_identical_and_rewritten(records):
    corpus = build_corpus(records)
    groups = shared_sentences(corpus.articles)
    kinds = sorted(g.kind for g in groups)
    assert kinds == ["identical"]  # the port authority sentence; the rewrite is within one source
    assert {m.source for m in groups[0].members} == {"Harbor Daily", "Valley Post"}
    rewrite = dict(valley_records()[0], source="Third Outlet", id="third/1")
    rewrite["text"] = rewrite["text"].replace("the walkout could spread", "the walkout might well spread")
    rewrite["spans"] = []
    groups = shared_sentences(build_corpus([*records, rewrite]).articles)
    assert "rewritten" in {g.kind for g in groups}


# --- the page ----------------------------------------------------------------------


@pytest.fixture
def page(tmp_path, all_records):
    result = build_report(all_records, tmp_path / "report.html", rules={"hedging.modal": {"message": "Modal hedge: say who is uncertain.", "severity": "suggestion"}})
    return result, result.path.read_text(encoding="utf-8")


def test_page_is_well_formed_and_every_internal_link_resolves(page):
    result, text = page
    tree = parse(text)
    assert tree.errors == [] and tree.stack == []
    ids = set(tree.ids)
    assert len(ids) == len(tree.ids), "duplicate element ids"
    internal = [h[1:] for h in tree.hrefs if h.startswith("#")]
    assert internal and not [h for h in internal if h not in ids]
    for h in tree.hrefs:
        if not h.startswith(("#", "http")):
            target = result.path.parent / h.split("#")[0]
            assert target.exists(), h


def test_page_is_self_contained_with_a_csp_that_hashes_its_one_script(page):
    _, text = page
    tree = parse(text)
    assert len(tree.scripts) == 1
    csp = next(a["content"] for t, a in tree.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp and "img-src data:" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    digest = base64.b64encode(hashlib.sha256(tree.scripts[0].encode("utf-8")).digest()).decode()
    assert f"'sha256-{digest}'" in csp
    # Nothing is loaded: no external src/href for resources, no @import or url() to the web.
    for tag, attrs in tree.tags:
        assert not (tag in ("img", "script", "link", "iframe") and attrs.get("src", attrs.get("href", "")).startswith(("http", "//")))
    assert "@import" not in text and not re.search(r"url\((?!#)", text)


def test_everything_from_the_input_is_escaped(page):
    _, text = page
    assert XSS_SCRIPT not in text and "<img" not in text
    tree = parse(text)
    assert not [t for t, _ in tree.tags if t in ("img", "iframe", "object", "embed")]
    assert [t for t, _ in tree.tags if t == "script"] == ["script"]
    assert not [(t, k) for t, attrs in tree.tags for k in attrs if k.startswith("on")]
    assert not [h for h in tree.hrefs if h.lower().startswith("javascript")]
    assert html.escape(XSS_SCRIPT, quote=False) in text or "&lt;script&gt;window.__xss = 1&lt;/script&gt;" in text


def test_page_shows_every_section_and_highlight_kind(page):
    _, text = page
    for section in ("overview", "findings", "sources", "charts", "articles", "across", "texts", "how-to-read"):
        assert f'id="{section}"' in text
    for kind in ("k-quote", "k-boilerplate", "k-attribution_source l-anonymous", "k-actor s-pos", "k-actor s-neg", "k-attribution_cue l-distancing", "k-hedge", "k-booster", "k-approximator", "k-actor_label"):
        assert f'<mark class="{kind}' in text, kind
    assert "hedging.modal: Modal hedge: say who is uncertain." in text  # hover text: rule id + message
    assert text.count("<svg") >= 6 and "<title id=\"chart-" not in text  # chart ids are prefixed, not clashing
    assert 'class="status">error</span>' in text and "binary file" in text
    assert "Lone Source" in text and "test-lex-1" in text


def test_table_numbers_link_to_their_evidence(page):
    _, text = page
    row = re.search(r'<tr[^>]*><td class="nowrap" data-sort="harbor daily">Harbor Daily</td>.*?</tr>', text, re.S).group(0)
    n = re.search(r'href="#a(\d+)"', row).group(1)
    hrefs = re.findall(rf'href="#a{n}-([\w-]+)"', row)
    assert {"hedge", "booster", "bp", "cue", "src-anonymous", "cue-distancing", "actor", "text"} <= set(hrefs)
    hedge = re.search(rf'<mark class="k-hedge[^"]*" title="[^"]*" tabindex="-1" id="a{n}-hedge">([^<]*)<', text)
    assert hedge and hedge.group(1) == "may"


def test_an_unnamed_description_counted_as_anonymous_links_to_its_evidence(tmp_path):
    """'the mayor' with no name: the detector counts it anonymous; its share must lead to it."""
    from report_fixtures import record, span

    text = "Ferry fares rise again\n\nThe port board raised ferry fares on Monday, the mayor said."
    spans = [span(text, "attribution_source", "the mayor", "description", note="the mayor"), span(text, "attribution_cue", "said", "neutral", note="the mayor")]
    metrics = {"words": 15, "attributions": 1, "attribution_anonymous": 1, "attribution_named": 0, "attribution_anonymous_share": 1.0, "attribution_named_share": 0.0}
    rec = record("fares", "Quay Times", text, spans, sources=[{"name": "the mayor", "type": "anonymous", "count": 1, "direct": 0}], metrics=metrics)
    page = build_report([rec], tmp_path / "r.html").path.read_text(encoding="utf-8")
    assert re.search(r'Anonymous sources: <a href="#a1-src-anonymous"[^>]*>100%</a>', page)
    assert 'id="a1-src-anonymous"' in page


def test_an_unresolved_pronoun_source_is_anonymous_evidence_not_named(tmp_path):
    """'he said' with no one to resolve 'he' to: counted anonymous, so it must not be the
    evidence of 'Named sources' and must be that of 'Anonymous sources'."""
    from report_fixtures import record, span

    text = "Ferry fares rise again\n\nThe port board raised ferry fares on Monday. More rises will follow, he said."
    he = span(text, "attribution_source", " he ", "pronoun", note="he (unresolved)")  # not the "he" of "The"
    he.update(start=he["start"] + 1, end=he["end"] - 1, text="he", col=he["col"] + 1)
    spans = [he, span(text, "attribution_cue", "said", "neutral", note="he (unresolved)")]
    metrics = {"words": 17, "attributions": 1, "attribution_anonymous": 1, "attribution_named": 0, "attribution_anonymous_share": 1.0, "attribution_named_share": 0.0}
    rec = record("fares", "Quay Times", text, spans, sources=[{"name": "he (unresolved)", "type": "anonymous", "count": 1, "direct": 0}], metrics=metrics)
    page = build_report([rec], tmp_path / "r.html").path.read_text(encoding="utf-8")
    assert re.search(r'Anonymous sources: <a href="#a1-src-anonymous"[^>]*>100%</a>', page)
    assert 'id="a1-src-named"' not in page


def test_source_names_do_not_break_at_their_hyphens(tmp_path):
    """'outlet-a' in a narrow column wrapped as 'outlet-' / 'a' in all three tables."""
    from report_fixtures import record

    recs = [record(f"r{i}", f"north-{i}-wire", "The port board raised ferry fares on Monday.", []) for i in range(2)]
    page = build_report(recs, tmp_path / "r.html").path.read_text(encoding="utf-8")
    cells = re.findall(r'<td([^>]*)>(?:<b>)?north-0-wire<', page)
    assert len(cells) == 3 and all('class="nowrap"' in c for c in cells), cells


def test_charts_say_none_for_a_source_with_nothing_to_show(records):
    """A source without actors or hedges gets a word in its row, not an empty row a
    reader takes for missing data (the attribution chart already wrote 'none')."""
    from report_fixtures import record

    from framing.report.charts import hedging_chart, voice_chart

    quiet = record("quiet/1", "Quiet Gazette", "The ferry left at noon and came back at six.", [])
    corpus = build_corpus([*records, quiet])
    voice = voice_chart(corpus)
    assert "Quiet Gazette: no actors named" in voice.desc
    assert "no actors named" in str(voice.svg)
    hedging = hedging_chart(corpus)
    assert re.search(r">none<", str(hedging.svg)) or "none" in re.sub(r"<[^>]+>", " ", str(hedging.svg)).split()


def test_chart_and_csv_files_next_to_the_page(page, all_records):
    result, _ = page
    charts = result.files / "charts"
    for name in ("attribution", "hedging", "boilerplate", "heatmap", "voice", "readability"):
        assert (charts / f"{name}.png").read_bytes().startswith(b"\x89PNG")
        assert "<svg" in (charts / f"{name}.svg").read_text(encoding="utf-8")
    rows = list(csv.DictReader(open(result.files / "metrics.csv", encoding="utf-8")))
    assert len(rows) == len(all_records) and {"hedges", "boosters"} - set(rows[0]) == set() or "words" in rows[0]
    sources = {r["source"]: r for r in csv.DictReader(open(result.files / "sources.csv", encoding="utf-8"))}
    assert float(sources["Harbor Daily"]["boosters"]) == 1
    actors = list(csv.DictReader(open(result.files / "actors.csv", encoding="utf-8")))
    assert {r["actor"] for r in actors} >= {"Mara Quill", "Ilse Varn"}


def test_articles_beyond_the_text_budget_get_their_own_pages(tmp_path, records):
    result = build_report(records, tmp_path / "r.html", max_text_chars=len(records[0]["text"]))
    assert result.linked == 2
    text = result.path.read_text(encoding="utf-8")
    assert 'href="r_files/articles/2.html#a2"' in text
    view = (result.files / "articles" / "2.html").read_text(encoding="utf-8")
    assert "script-src 'none'" in view and "<script" not in view
    assert '<mark class="k-hedge' in view and 'href="../../r.html"' in view
    tree = parse(view)
    assert tree.errors == [] and not [h for h in tree.hrefs if h.startswith("#") and h[1:] not in tree.ids]
    # A smaller rebuild removes the views it no longer links to.
    build_report(records, tmp_path / "r.html")
    assert not list((result.files / "articles").glob("*.html"))


def test_same_input_gives_byte_identical_files(tmp_path, all_records):
    scores = tmp_path / "scores.jsonl"
    scores.write_text("".join(json.dumps(r) + "\n" for r in all_records), encoding="utf-8")
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / seed / "report.html"
        env = dict(os.environ, PYTHONHASHSEED=seed)
        proc = subprocess.run([sys.executable, "-m", "framing", "report", "--scores", str(scores), "-o", str(out)], env=env, capture_output=True, text=True)
        assert proc.returncode == 3, proc.stderr  # the records hold an error record
        outputs.append(out)
    assert outputs[0].read_bytes() == outputs[1].read_bytes()
    for name in ("charts/heatmap.svg", "metrics.csv", "sources.csv"):
        assert (outputs[0].parent / "report_files" / name).read_bytes() == (outputs[1].parent / "report_files" / name).read_bytes()


def test_records_without_detector_output_still_build(tmp_path):
    bare = [{"id": "a", "source": "S", "text": "Just a line of text.\nAnd another one here.", "status": "ok"}, {"id": "b", "source": "T", "text": "Other words entirely, in a second outlet.", "metrics": {}, "spans": None, "actors": None}]
    result = build_report(bare, tmp_path / "r.html")
    text = result.path.read_text(encoding="utf-8")
    assert "No actors were found." in text and result.scored == 2


# --- the command line --------------------------------------------------------------


def test_cli_scores_texts_and_rebuilds_from_saved_scores(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    for outlet, body in (("north", "Officials said the bridge may reopen in May, according to the city.\n"), ("south", "The mayor said the bridge will clearly reopen soon.\n")):
        (corpus / outlet).mkdir(parents=True)
        (corpus / outlet / "story.txt").write_text(f"Bridge repairs run late again\n{body}", encoding="utf-8")
    out = tmp_path / "out" / "report.html"
    assert cli_run(["report", str(corpus), "-o", str(out), "--title", "Bridge <coverage>"]) == 0
    first = out.read_text(encoding="utf-8")
    assert "<title>Bridge &lt;coverage&gt;</title>" in first and "north" in first and "south" in first
    scores = tmp_path / "scores.jsonl"
    assert cli_run(["score", str(corpus), "-o", str(scores)]) == 0
    again = tmp_path / "again.html"
    assert cli_run(["report", "--scores", str(scores), "-o", str(again), "--title", "Bridge <coverage>"]) == 0
    assert again.read_text(encoding="utf-8").replace("again_files", "report_files") == first


def test_cli_empty_folder_is_a_usage_error_naming_it(capsys, tmp_path):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "notes.md").write_text("Fares rose.\n", encoding="utf-8")
    assert cli_run(["report", str(tmp_path / "corpus"), "-o", str(tmp_path / "r.html")]) == 2
    err = capsys.readouterr().err
    assert "no articles found" in err and "no .txt, .html, .jsonl or .csv files in this folder" in err
    assert not (tmp_path / "r.html").exists()


@pytest.mark.parametrize(
    "argv, message",
    [
        (["report"], "nothing to report"),
        (["report", "x.txt", "--scores", "s.jsonl"], "either PATHs"),
        (["report", "--scores", "missing.jsonl"], "no such file"),
        (["report", "--scores", "scores.csv"], "CSV and Parquet hold no texts"),
        (["report", "x.txt", "-o", "out.pdf"], "HTML page"),
    ],
)
def test_cli_usage_errors(argv, message, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert cli_run(argv) == 2
    assert message in capsys.readouterr().err


def test_cli_report_skips_an_article_over_max_chars_and_lists_it_with_the_reason(tmp_path, capsys):
    # As 'framing score --max-chars': the long article is skipped, named in the page with the
    # reason, and the exit status stays 0 (a skip is a decision, not a failure).
    (tmp_path / "in").mkdir()
    short = "Ferry fares rise again\nThe ferry company said fares may rise in June.\n"
    long = "Ferry timetable changes\n" + "The ferry company said the timetable may change in June. " * 20 + "\n"
    (tmp_path / "in" / "short.txt").write_text(short, encoding="utf-8")
    (tmp_path / "in" / "long.txt").write_text(long, encoding="utf-8")
    out = tmp_path / "r.html"
    limit = str(len(long) - 1)
    assert cli_run(["report", str(tmp_path / "in"), "-o", str(out), "-j", "1", "--max-chars", limit]) == 0
    page = out.read_text(encoding="utf-8")
    assert f"over --max-chars {int(limit):,}; not scored" in page
    listed = page[page.index("<h3>Not scored</h3>") :]
    assert '<span class="status">skipped</span>' in listed[: listed.index("</ul>")]
    assert "(1 scored, 1 skipped)" in capsys.readouterr().err
    # 0 lifts the limit, as for 'framing score'.
    assert cli_run(["report", str(tmp_path / "in"), "-o", str(out), "-j", "1", "--max-chars", "0"]) == 0
    assert "over --max-chars" not in out.read_text(encoding="utf-8")
    assert "(2 scored)" in capsys.readouterr().err


@pytest.mark.parametrize("value, message", [("-1", "must be 0 (no limit) or more"), ("lots", "expected a whole number of characters")])
def test_cli_report_max_chars_must_be_a_whole_number(value, message, tmp_path, capsys):
    assert cli_run(["report", str(tmp_path), "-o", str(tmp_path / "r.html"), "--max-chars", value]) == 2
    assert message in capsys.readouterr().err


def test_cli_report_max_chars_with_saved_scores_is_a_usage_error(tmp_path, capsys):
    scores = tmp_path / "s.jsonl"
    scores.write_text("", encoding="utf-8")
    assert cli_run(["report", "--scores", str(scores), "-o", str(tmp_path / "r.html"), "--max-chars", "100"]) == 2
    assert "--max-chars applies when scoring PATHs" in capsys.readouterr().err


def test_cli_unreadable_input_still_writes_the_page(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "ok.txt").write_text("A headline for the test\nThe council said it may vote.\n", encoding="utf-8")
    (tmp_path / "in" / "bad.txt").write_bytes(b"\x00\x01binary")
    out = tmp_path / "r.html"
    assert cli_run(["report", str(tmp_path / "in"), "-o", str(out)]) == 3
    assert "binary file" in out.read_text(encoding="utf-8")



def test_cli_rebuild_from_scores_with_an_error_record_exits_as_score_did(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "ok.txt").write_text("A headline for the test\nThe council said it may vote.\n", encoding="utf-8")
    (tmp_path / "in" / "bad.txt").write_bytes(b"\x00\x01binary")
    scores = tmp_path / "scores.jsonl"
    assert cli_run(["score", str(tmp_path / "in"), "-o", str(scores), "--no-cache", "-q", "-j", "1"]) == 3
    out = tmp_path / "r.html"
    capsys.readouterr()
    # A script chaining the two sees the failure again; the page is still written and lists it.
    assert cli_run(["report", "--scores", str(scores), "-o", str(out)]) == 3
    assert "1 failed" in capsys.readouterr().err
    assert 'class="status">error</span>' in out.read_text(encoding="utf-8")
    # Without the error record: 0.
    ok = tmp_path / "ok.jsonl"
    ok.write_text("".join(line + "\n" for line in scores.read_text(encoding="utf-8").splitlines() if '"status": "error"' not in line and '"status":"error"' not in line), encoding="utf-8")
    assert len(ok.read_text(encoding="utf-8").splitlines()) == 1
    assert cli_run(["report", "--scores", str(ok), "-o", str(tmp_path / "ok.html")]) == 0


def test_cli_page_is_the_same_for_any_jobs_and_from_saved_scores(tmp_path):
    from pathlib import Path

    examples = Path(__file__).resolve().parents[2] / "examples" / "articles"
    pages = []
    for jobs in ("1", "2"):
        out = tmp_path / f"jobs{jobs}" / "r.html"  # the same name: the page links r_files/
        assert cli_run(["report", str(examples), "--jobs", jobs, "-o", str(out)]) == 0
        pages.append(out.read_bytes())
    scores = tmp_path / "scores.jsonl"
    assert cli_run(["score", str(examples), "-o", str(scores), "--no-cache", "--quiet"]) == 0
    out = tmp_path / "saved" / "r.html"
    assert cli_run(["report", "--scores", str(scores), "-o", str(out)]) == 0
    pages.append(out.read_bytes())
    assert pages[0] == pages[1] == pages[2]


# --- scale -------------------------------------------------------------------------


def _many(n: int) -> list[dict]:
    base = [harbor_record(), *valley_records()]
    out = []
    for i in range(n):
        r = dict(base[i % len(base)])
        r["id"] = f"{r['id']}-{i}"
        r["source"] = f"{r['source']} {i % 12}"
        # Vary the text a little (same length, so the spans stay valid).
        r["text"] = r["text"].replace("Monday", ("Monday", "Sunday", "Friday")[i % 3])
        out.append(r)
    return out


@pytest.mark.slow
def test_a_thousand_articles_build_fast_and_small(tmp_path):
    records = _many(1000)
    # CPU time of this process: what the build costs, whatever else the machine is running.
    t0 = time.process_time()
    result = build_report(records, tmp_path / "big.html")
    elapsed = time.process_time() - t0
    assert result.size < 10_000_000
    assert elapsed < 15, f"{elapsed:.1f}s"
    assert result.linked > 0 and len(list((result.files / "articles").glob("*.html"))) == result.linked


def test_only_failed_records_and_odd_names_still_build(tmp_path):
    from report_fixtures import failed_records

    result = build_report(failed_records(), tmp_path / "failed.html")
    text = result.path.read_text(encoding="utf-8")
    assert result.scored == 0 and "Nothing to draw yet." in text and "empty file" in text
    odd = harbor_record()
    odd["source"] = "Costs $5 and $10 \\frac{a}{b}"  # would be TeX to matplotlib if not escaped
    odd["actors"][0]["name"] = "$x^2$ man"
    result = build_report([odd, dict(harbor_record(), source="^_^ {weird}")], tmp_path / "odd.html")
    assert "Costs $5 and $10" in result.path.read_text(encoding="utf-8")


def test_every_number_of_real_articles_leads_to_its_evidence(tmp_path, seeds_dir, examples_dir):
    """Scored seeds and examples: no non-zero number in a card or table without a link
    (the article count of a source is a count of the articles listed, not evidence)."""
    out = tmp_path / "r.html"
    assert cli_run(["report", str(seeds_dir), str(examples_dir / "articles"), "-o", str(out), "-j", "1"]) == 0
    page = out.read_text(encoding="utf-8")
    unlinked = [v for v in re.findall(r'<span class="v" title="[^"]*">([^<]*)</span>', page) if v.strip("0.%\u2013")]
    assert unlinked == []
    for table_id in ("source-table", "article-table"):
        table = re.search(rf'<table[^>]*id="{table_id}".*?</table>', page, re.S).group(0)
        heads = [re.sub(r"<[^>]+>", "", h).strip() for h in re.findall(r"<th[^>]*>(.*?)</th>", table, re.S)]
        for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S)[1:]:
            for head, cell in zip(heads, re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)):
                text = re.sub(r"<[^>]+>", "", cell).strip()
                if head != "Articles" and re.fullmatch(r"-?[0-9.,]+%?", text) and text.strip("0.%-"):
                    assert "<a " in cell, (table_id, head, text)


def test_cli_report_from_a_jsonl_on_standard_input(tmp_path, monkeypatch, capsys):
    import io

    body = "".join(json.dumps({"id": f"r{i}", "source": src, "text": f"The port board raised fares by {i} percent on Monday, its chair said."}) + "\n" for i, src in enumerate(["Quay Times", "Harbour Post"]))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(body.encode("utf-8")), encoding="utf-8"))
    out = tmp_path / "r.html"
    assert cli_run(["report", "-", "--stdin-format", "jsonl", "-o", str(out), "-j", "1"]) == 0
    assert "2 articles" in capsys.readouterr().err and "Harbour Post" in out.read_text(encoding="utf-8")


# --- an actor speaking is not the tone toward it ---------------------------------------

SPEAKER_TEXT = (
    "Council votes on the bridge plan\n\n"
    "\u201cThis is reckless,\u201d said councillor Tom Reyes.\n"
    "Reyes was later arrested for fraud.\n"
)


def test_a_speaking_mention_is_shown_as_speaking_and_left_out_of_the_tone(tmp_path):
    import framing

    rec = framing.analyze(SPEAKER_TEXT, source="Quay Times", id="bridge").to_dict()
    reyes = next(a for a in rec["actors"] if a["id"] == "tom-reyes")
    assert (reyes["mentions"], reyes["speaking_mentions"], reyes["sentiment_count"]) == (2, 1, 1)
    result = build_report([rec], tmp_path / "r.html")
    page = result.path.read_text(encoding="utf-8")
    # The highlight: not coloured by tone, and its tooltip says why.
    spk = re.search(r'<mark class="k-actor s-spk" title="([^"]*)"[^>]*>Tom Reyes</mark>', page)
    assert spk, "the speaking mention is highlighted as speaking"
    assert "speaking" in html.unescape(spk.group(1)) and "not counted" in html.unescape(spk.group(1))
    assert re.search(r'<mark class="k-actor s-neg" title="[^"]*"[^>]*>Reyes</mark>', page)
    # Its anchors: the tone's evidence is the mention about Reyes, the speaking count's the other.
    tail = page[page.index("Tom Reyes</mark>") :]
    assert 'id="a1-speaking-tom-reyes"' in page[: page.index("Tom Reyes</mark>")] and 'id="a1-tone-tom-reyes"' in tail
    # The actor table: the tone links to the mention it is read from, the speaking count to the other.
    row = re.search(r"<tr><td>Tom Reyes.*?</tr>", page, re.S).group(0)
    cells = dict(re.findall(r'<a href="#a1-([\w-]+)"[^>]*>([^<]*)</a>', row))
    assert cells["speaking-tom-reyes"] == "1" and cells["tone-tom-reyes"].startswith("\u2212")
    assert cells["tone-reporter-tom-reyes"] == cells["tone-tom-reyes"]
    # One plain sentence where tone is shown: under the actor table and in the heatmap caption.
    table_note = re.search(r'<p class="note tone-note">([^<]*)</p>', page)
    assert table_note and "the one speaking" in table_note.group(1)
    from framing.report.charts import heatmap_chart

    heat = heatmap_chart(build_corpus([rec]))
    assert "the one speaking" in heat.caption and "Tom Reyes in Quay Times: \u22120" in heat.desc.replace("-", "\u2212")
    assert "1 of 2 mentions" in heat.desc
    only = framing.analyze(SPEAKER_TEXT.split("Reyes was")[0], source="Quay Times", id="bridge").to_dict()
    assert "Tom Reyes in Quay Times: speaks only, 1 mention" in heatmap_chart(build_corpus([only])).desc
    assert page.count("the one speaking") >= 3  # table note, heatmap caption, method notes


def test_overview_does_not_give_a_source_with_nothing_scored_zero_words(tmp_path, records):
    """A source whose only article was skipped (empty, over --max-chars) read "Words 0", as
    if the outlet had published an empty article; it now reads "–" and says how many of
    its articles were scored."""
    skipped = {"id": "long.txt", "source": "Long Wire", "title": "Ferry timetable changes", "status": "skipped", "error": "text of 9,999 characters is over --max-chars 500; not scored", "text": ""}
    page = build_report([*records, skipped], tmp_path / "r.html").path.read_text(encoding="utf-8")
    overview = page[page.index('id="overview"') : page.index('id="findings"')]
    row = re.search(r"<tr><td class=\"nowrap\"><b>Long Wire</b></td>(.*?)</tr>", overview, re.S).group(1)
    cells = re.findall(r'<td class="num">(.*?)</td>', row)
    assert cells[0] == '1 <span class="muted">(0 scored)</span>' and cells[1] == '<span class="muted">&ndash;</span>', cells
    harbor = re.search(r"<tr><td class=\"nowrap\"><b>Harbor Daily</b></td>(.*?)</tr>", overview, re.S).group(1)
    assert re.findall(r'<td class="num">(.*?)</td>', harbor)[0] == "1"  # every article scored: just the count


@pytest.mark.parametrize(
    "content, message",
    [
        (b'{"id": "a"\n', "s.jsonl:1: not a scores record"),
        (b'{"id": "a", "status": "ok"}\n[1, 2]\n', "s.jsonl:2: not a scores record (not a JSON object)"),
        (b'{"id": "a", "status": "ok"}\n\xff\xfe{}\n', "s.jsonl:2: not a scores record (not UTF-8 text)"),
    ],
)
def test_cli_scores_file_that_holds_no_records_is_a_usage_error(content, message, tmp_path, capsys):
    # A list line or non-UTF-8 bytes were a traceback (exit 1); now exit 2 naming the file.
    scores = tmp_path / "s.jsonl"
    scores.write_bytes(content)
    assert cli_run(["report", "--scores", str(scores), "-o", str(tmp_path / "r.html")]) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "r.html").exists()


def test_the_median_source_is_explained_where_a_finding_uses_it(tmp_path, records):
    """A teacher read "than the median source" with no word on what that is; with two
    sources the findings name the other source and the note is left out."""
    import copy

    note = "&ldquo;The median source&rdquo; is the middle of the sources"
    two = build_report(records, tmp_path / "two.html").path.read_text(encoding="utf-8")
    assert note not in two
    third = copy.deepcopy(records[0])
    third.update(id="third/1", source="Third Gazette", path="third/1.txt")
    page = build_report([*records, third], tmp_path / "three.html").path.read_text(encoding="utf-8")
    findings = page[page.index('id="findings"') : page.index('id="sources"')]
    assert "median source" in findings.split(note)[0]  # a finding uses the term ...
    assert note in findings  # ... and the note under the findings says what it is


def test_with_two_sources_readability_compares_the_two_not_their_median(records):
    """The median of two sources is their mean: "1.0 school years above the median
    source at 9.0" named a grade neither source has."""
    [text] = [f.text for f in headline_findings(build_corpus(records)) if f.signal == "Readability"]
    assert "median" not in text
    assert re.fullmatch(r"Valley Post is harder to read \(Flesch-Kincaid grade \d+\.\d, about \d\.\d school years above Harbor Daily at \d+\.\d\)\.", text), text


def test_the_legend_shows_each_kind_with_a_word_it_is_drawn_on(records, tmp_path):
    """The legend showed 'allegedly' as a distancing cue, but 'allegedly' is drawn as a
    hedge (a reportative hedge's mark sits inside and over the cue's): a teacher looking
    for the orange 'allegedly' found a yellow one. Each sample word must be drawn as its kind."""
    page = build_report(records, tmp_path / "r.html").path.read_text(encoding="utf-8")
    legend = page[page.index('class="legend"') : page.index("</div>", page.index('class="legend"'))]
    word = re.search(r'<mark class="k-attribution_cue l-distancing">([^<]+)</mark>', legend).group(1)
    import framing

    result = framing.analyze(f"The port board {word} the levy was fair.")
    kinds = {(s.kind, s.label) for s in result.spans if s.text == word}
    assert kinds == {("attribution_cue", "distancing")}, kinds


def test_the_sources_table_says_its_hedge_rates_include_quotes(records, tmp_path):
    """The findings give a source's hedges in its own voice (5.71), the table all its
    hedges (a different number); on a projector nobody hovers for the header's tip."""
    page = build_report(records, tmp_path / "r.html").path.read_text(encoding="utf-8")
    sources = page[page.index('id="sources"') : page.index('id="source-table"')]
    assert "include those inside quotations" in sources and "own voice" in sources
