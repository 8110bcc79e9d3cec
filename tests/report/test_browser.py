"""The report in a real browser (Debian's chromium through Playwright, no download).

Opens the pages from file:// and checks what a reader would meet: no console error,
no request besides the page itself, charts drawn, highlights present, sortable
tables, evidence links that land on the evidence, and hostile input shown as text.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from framing.cli import run as cli_run
from framing.report import build_report

from report_fixtures import XSS_IMG, XSS_SCRIPT

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class Opened:
    def __init__(self, browser, path: Path):
        self.url = path.resolve().as_uri()
        self.page = browser.new_page(viewport={"width": 1366, "height": 900})
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.goto(self.url, wait_until="load")

    def close(self) -> None:
        self.page.close()


@pytest.fixture(scope="module")
def examples_report(tmp_path_factory, examples_dir):
    articles = examples_dir / "articles"
    if not articles.is_dir():
        pytest.skip("examples/articles is not there yet")
    out = tmp_path_factory.mktemp("examples") / "report.html"
    assert cli_run(["report", str(articles), "--lexicons", str(examples_dir / "lexicons"), "-o", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory, seeds_dir):
    out = tmp_path_factory.mktemp("seeds") / "report.html"
    assert cli_run(["report", str(seeds_dir), "-o", str(out)]) == 0
    return out


def _row_keys(page) -> list[str]:
    return page.eval_on_selector_all("#article-table tbody tr", "rows => rows.map(r => r.cells[1].textContent.trim() + '|' + r.cells[0].textContent.trim())")


def _column(page, col: int) -> list[str]:
    return page.eval_on_selector_all("#article-table tbody tr", f"rows => rows.map(r => r.cells[{col}].getAttribute('data-sort'))")


def check_report(browser, path: Path) -> None:
    o = Opened(browser, path)
    page = o.page
    try:
        assert o.errors == []
        assert o.requests == [o.url]  # the file itself and nothing else
        assert "default-src 'none'" in page.get_attribute('meta[http-equiv="Content-Security-Policy"]', "content")
        # Charts: inline SVG with drawn content and a text alternative.
        drawn = page.eval_on_selector_all("figure svg", "svgs => svgs.map(s => [s.querySelectorAll('path').length, s.getBoundingClientRect().width, (s.querySelector('desc') || {}).textContent || ''])")
        assert len(drawn) >= 4
        assert all(paths > 10 and width > 300 and desc for paths, width, desc in drawn)
        # Highlights, with hover text saying what and why.
        assert page.locator(".text mark").count() > 20
        titles = page.eval_on_selector_all(".text mark.k-hedge, .text mark.k-attribution_cue", "ms => ms.map(m => m.title)")
        assert titles and all(t.strip() for t in titles)
        # A header click reorders the table, by that column.
        before = _row_keys(page)
        words_col = page.eval_on_selector_all("#article-table thead th", "ths => ths.findIndex(t => t.textContent.trim() === 'Words')")
        page.click(f"#article-table thead th:nth-child({words_col + 1}) button")
        after = _row_keys(page)
        values = [float(v) for v in _column(page, words_col) if v]
        assert values == sorted(values)
        if after == before:  # already in ascending order: the second click reverses it
            page.click(f"#article-table thead th:nth-child({words_col + 1}) button")
            after = _row_keys(page)
        assert sorted(after) == sorted(before) and after != before
        assert page.get_attribute(f"#article-table thead th:nth-child({words_col + 1})", "aria-sort") in ("ascending", "descending")
        # A number in the table jumps to its evidence in the text.
        link = page.locator("#article-table tbody a[href*='-hedge'], #article-table tbody a[href*='-cue']").first
        href = link.get_attribute("href")
        link.click()
        assert page.evaluate("location.hash") == href[href.index("#") :]
        assert page.locator(href[href.index("#") :]).evaluate("e => e.tagName") in ("MARK", "SPAN")
        assert o.errors == [] and o.requests == [o.url]
    finally:
        o.close()


def test_examples_report_in_the_browser(browser, examples_report):
    check_report(browser, examples_report)


def test_seeds_report_in_the_browser(browser, seeds_report):
    check_report(browser, seeds_report)


def test_hostile_text_is_shown_never_run(browser, tmp_path, all_records):
    inline = tmp_path / "inline" / "report.html"
    build_report(all_records, inline)
    linked = build_report(all_records, tmp_path / "linked" / "report.html", max_text_chars=0)  # every text on its own page
    hostile = [p for p in sorted((linked.files / "articles").glob("*.html")) if "Evil" in p.read_text(encoding="utf-8")]
    assert len(hostile) == 1
    pages = [inline, linked.path, *hostile]
    for path in pages:
        o = Opened(browser, path)
        try:
            assert o.page.evaluate("window.__xss") is None
            body = o.page.inner_text("body")
            assert XSS_SCRIPT in body and XSS_IMG in body
            assert o.page.locator("img").count() == 0
            assert o.errors == [] and o.requests == [o.url]
            assert o.page.get_attribute('meta[http-equiv="Content-Security-Policy"]', "content").startswith("default-src 'none'")
        finally:
            o.close()


def test_a_phone_sized_window_never_scrolls_sideways(browser, tmp_path, all_records):
    """A title with no space in it (a URL, a file name) and the two-column article
    blocks once widened the whole page on a phone; wide tables scroll in their own box."""
    from report_fixtures import record

    long_title = "Harbour-levy-" + "x" * 150
    recs = [*all_records, record("long/1", "Quay-Times", "The port board raised the harbour levy on Monday, its chair said.", [], title=long_title)]
    path = build_report(recs, tmp_path / "report.html").path
    opened = Opened(browser, path)
    try:
        opened.page.set_viewport_size({"width": 420, "height": 900})
        assert opened.page.evaluate("document.documentElement.scrollWidth") <= 420
    finally:
        opened.close()


def test_charts_are_never_stretched_beyond_their_drawn_size(browser, tmp_path, records):
    """The page once stretched every chart to its full width, so a two-actor heatmap
    showed cells a hand wide and text twice the page's size; on a phone it shrank a
    slide-wide chart to 4-pixel text. Charts keep the size they are drawn at (11-point
    text), shrink a little to fit a window, and on a phone scroll in their own box."""
    path = build_report(records, tmp_path / "report.html").path
    opened = Opened(browser, path)
    try:
        sizes = "svgs => svgs.map(s => [s.closest('figure').id, s.getBoundingClientRect().width, s.width.baseVal.valueInSpecifiedUnits * 4 / 3, s.parentElement.clientWidth])"
        for width in (1366, 420):
            opened.page.set_viewport_size({"width": width, "height": 900})
            drawn = opened.page.eval_on_selector_all("figure svg", sizes)
            assert len(drawn) >= 4
            for name, shown, natural, box in drawn:
                assert shown <= natural + 1, (name, width, shown, natural)
                if width == 1366:
                    assert shown <= box, (name, shown, box)
                else:  # readable: at least 0.9 of the drawn size, scrolling sideways if it must
                    assert shown >= 0.9 * natural, (name, shown, natural)
            heat = {name: (shown, natural) for name, shown, natural, _ in drawn}["chart-heatmap"]
            if width == 1366:
                assert heat[0] == pytest.approx(heat[1], abs=1) and heat[0] < 500
        assert opened.page.evaluate("document.documentElement.scrollWidth") <= 420
    finally:
        opened.close()


def test_a_tap_on_a_highlight_shows_what_it_is_without_hover(browser, tmp_path, all_records):
    """A phone or classroom tablet has no hover, so the title of a highlight (what it is,
    which rule found it) was out of reach. A tap focuses the highlight (tabindex -1: not
    in the Tab order) and its text shows in a bar at the foot of the window; it works in
    the script-free linked article pages too, as it is CSS only."""
    path = build_report(all_records, tmp_path / "report.html").path
    opened = Opened(browser, path)
    try:
        page = opened.page
        page.set_viewport_size({"width": 420, "height": 800})
        mark = page.locator(".text mark.k-hedge").first
        title = mark.get_attribute("title")
        assert title and mark.get_attribute("tabindex") == "-1"
        shown = "m => getComputedStyle(m, '::after').content"
        assert mark.evaluate(shown) in ("none", "normal", "")
        mark.click()
        assert page.evaluate("document.activeElement.title") == title
        assert mark.evaluate(shown).replace("\\a ", "\n") == json.dumps(title, ensure_ascii=False).replace("\\n", "\n")  # CSS writes a newline as \a
        assert mark.evaluate("m => getComputedStyle(m, '::after').position") == "fixed"
        assert page.evaluate("document.documentElement.scrollWidth") <= 420
        assert opened.errors == [] and opened.requests == [opened.url]
    finally:
        opened.close()


def test_on_a_phone_the_row_names_stay_in_view_while_a_wide_table_scrolls(browser, tmp_path, all_records):
    """The source and article tables scroll sideways in their box on a phone; the numbers
    to the right then lost the source name they belong to. The first column stays put."""
    path = build_report(all_records, tmp_path / "report.html").path
    opened = Opened(browser, path)
    try:
        page = opened.page
        page.set_viewport_size({"width": 420, "height": 900})
        for table in ("#source-table", "#article-table"):
            wrap = page.locator(f".table-wrap:has({table})")
            scroll = wrap.evaluate("w => w.scrollWidth - w.clientWidth")
            assert scroll > 100, (table, scroll)  # it does scroll at this width
            left = wrap.evaluate("w => w.getBoundingClientRect().left")
            first = page.locator(f"{table} tbody tr:first-child td:first-child")
            wrap.evaluate("w => { w.scrollLeft = w.scrollWidth; }")
            assert first.evaluate("c => c.getBoundingClientRect().left") == pytest.approx(left, abs=1), table
            # ... and covers what scrolls under it (an opaque background).
            assert first.evaluate("c => getComputedStyle(c).backgroundColor") not in ("rgba(0, 0, 0, 0)", "transparent")
    finally:
        opened.close()


def test_on_a_phone_the_overview_titles_are_in_view_without_scrolling(browser, tmp_path, all_records):
    """The overview's title column once sat off to the right of a phone's window, each
    row a hand tall and blank: on a phone each source is a block with its titles below."""
    path = build_report(all_records, tmp_path / "report.html").path
    opened = Opened(browser, path)
    try:
        page = opened.page
        page.set_viewport_size({"width": 390, "height": 844})
        wrap = page.locator(".table-wrap:has(#overview-table)")
        assert wrap.evaluate("w => w.scrollWidth - w.clientWidth") <= 1
        title = page.locator("#overview-table tbody tr:first-child td.title")
        assert title.evaluate("c => c.getBoundingClientRect().right") <= 390
        words = page.locator("#overview-table tbody tr:first-child td:nth-child(3)")
        label = "c => getComputedStyle(c, '::before').content"
        assert words.evaluate(label) == '"Words: "'  # the column head, now hidden, on the value
        page.set_viewport_size({"width": 1366, "height": 900})  # a table again on a desktop
        assert words.evaluate(label) in ("none", "normal")
    finally:
        opened.close()
