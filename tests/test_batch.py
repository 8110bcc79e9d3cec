"""The batch engine: input order, jobs-independence, templates, cache, errors, Dask."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from framing import batch
from framing.batch import Templates, score_stream
from framing.bench import make_articles
from framing.cache import Cache, unpack
from framing.ingest import Document
from framing.model import ERROR, OK, SKIPPED


def corpus(n: int, paragraphs: int = 3) -> list[Document]:
    """Short unique articles (headline + a few paragraphs) from the bench generator."""
    docs = []
    for doc_id, source, text in make_articles(n):
        short = "\n\n".join(text.split("\n\n")[: paragraphs + 1]) + "\n"
        docs.append(Document(id=doc_id, source=source, text=short, title=short.split("\n", 1)[0]))
    return docs


def records(stream) -> list[dict]:
    return [json.loads(line) for _doc, line, _status in stream]


def test_templates_keep_lines_recurring_in_three_articles_of_one_source():
    body = "The river rose {n} centimetres overnight, the agency said.\nCrews worked until dawn on day {n}.\n"
    docs = [Document(id=f"a{i}", source="valley-daily", text=f"Share  this:\n{body.format(n=i)}Subscribe to our newsletter\n") for i in range(3)]
    docs.append(Document(id="b0", source="valley-daily", text="Only twice:\n" + body.format(n=9)))
    docs.append(Document(id="b1", source="valley-daily", text="Only twice:\n" + body.format(n=8)))
    docs.append(Document(id="c0", source="other-outlet", text="Share this:\n" + body.format(n=7)))
    docs.append(Document(id="e", source="valley-daily", text="", status=SKIPPED))
    t = Templates.collect(docs)
    assert t.documents == len(docs)
    assert t.lines_for(docs[0]) == {"share this:", "subscribe to our newsletter"}
    assert t.lines_for(docs[3]) == frozenset()  # in two articles only
    assert t.lines_for(docs[5]) == frozenset()  # same line, another source
    # A line repeated inside one page counts once.
    again = [Document(id=f"r{i}", source="s", text="Menu\nMenu\nMenu\nStory text here.\n") for i in range(2)]
    assert len(Templates.collect(again)) == 0


def test_templates_agree_with_the_boilerplate_detectors_rule():
    from framing.detectors.boilerplate import normalize_line, recurring_lines

    docs = corpus(40)
    # Page furniture in most articles of one source, and in a few of another.
    docs = [replace(d, text=d.text + "\nShare this:\nAll rights reserved.\n") if i % 5 != 1 else d for i, d in enumerate(docs)]
    docs = [replace(d, text="Related stories\n" + d.text) if d.source == docs[1].source and i < 20 else d for i, d in enumerate(docs)]
    t = Templates.collect(docs)
    by_source: dict[str, list[str]] = {}
    for d in docs:
        by_source.setdefault(d.source, []).append(d.text)
    expected = recurring_lines(by_source)
    for d in docs:
        own = {normalize_line(line) for line in d.text.split("\n") if line.strip()}
        assert t.lines_for(d) == {line for line in expected[d.source] & own if len(line) <= batch.MAX_TEMPLATE_LINE}, d.id
    assert any(t.lines_for(d) for d in docs)


def test_templates_spilled_to_disk_give_the_same_result(monkeypatch):
    docs = corpus(40)
    in_memory = Templates.collect(docs)
    monkeypatch.setattr(batch, "_SPILL_AT", 7)
    spilled = Templates.collect(docs)
    assert spilled.keys == in_memory.keys and len(in_memory) > 0


def test_output_in_input_order_and_identical_for_any_jobs(lex):
    docs = corpus(24)
    docs.insert(5, Document(id="empty", source="x", text="", status=SKIPPED, error="empty file"))
    t = Templates.collect(docs)
    serial = [line for _d, line, _s in score_stream(docs, lex, jobs=1, templates=t)]
    pooled = [line for _d, line, _s in score_stream(iter(docs), lex, jobs=2, templates=t, chunk_size=3, window=2)]
    assert serial == pooled
    assert [json.loads(line)["id"] for line in serial] == [d.id for d in docs]
    assert json.loads(serial[5])["status"] == SKIPPED


def test_an_exception_in_the_pipeline_becomes_an_error_record(lex, monkeypatch):
    import framing.pipeline as pipeline

    real = pipeline.analyze_document

    def flaky(doc, lex, recurring=frozenset()):
        if doc.id == "bench-000002":
            raise ValueError("boom")
        return real(doc, lex, recurring)

    monkeypatch.setattr(pipeline, "analyze_document", flaky)
    docs = corpus(5)
    for jobs in (1, 2):
        out = list(score_stream(docs, lex, jobs=jobs, chunk_size=2))
        statuses = [s for _d, _l, s in out]
        assert statuses == [OK, OK, ERROR, OK, OK]
        bad = json.loads(out[2][1])
        assert bad["error"] == "internal error: ValueError: boom"
        assert bad["id"] == "bench-000002" and bad["text"] == docs[2].text


def test_second_run_comes_from_the_cache_and_errors_are_not_cached(lex, tmp_path):
    docs = corpus(10) + [Document(id="gone", source="x", text="", status=ERROR, error="cannot read")]
    with Cache(tmp_path / "c.sqlite") as cache:
        first = records(score_stream(docs, lex, jobs=1, cache=cache))
        assert cache.stored == 10 and cache.hits == 0
    with Cache(tmp_path / "c.sqlite") as cache:
        second = records(score_stream(docs, lex, jobs=2, cache=cache))
        assert cache.hits == 10 and cache.stored == 0
        # A changed input is scored again, not served stale.
        changed = [replace(docs[0], text=docs[0].text + "\nA late paragraph was added.\n")]
        third = records(score_stream(changed, lex, jobs=1, cache=cache))
        assert cache.stored == 1 and third[0]["text"].endswith("added.\n")
    assert first == second


def test_dask_engine_gives_the_records_of_the_local_engine(lex, tmp_path):
    pytest.importorskip("dask.distributed")
    docs = corpus(12)
    t = Templates.collect(docs)
    local = [line for _d, line, _s in score_stream(docs, lex, jobs=1, templates=t)]
    with Cache(tmp_path / "c.sqlite") as cache:
        on_dask = [line for _d, line, _s in score_stream(docs, lex, jobs=2, engine="dask", templates=t, cache=cache, chunk_size=2)]
        assert cache.stored == 12
    assert on_dask == local


def test_a_worker_that_dies_costs_only_its_article(lex, monkeypatch):
    import os

    import framing.pipeline as pipeline

    real = pipeline.analyze_document

    def deadly(doc, lex, recurring=frozenset()):
        if doc.id == "bench-000003":
            os._exit(9)  # like a segfault or the OOM killer: no exception, the process is gone
        return real(doc, lex, recurring)

    monkeypatch.setattr(pipeline, "analyze_document", deadly)
    docs = corpus(8)
    # Small chunks and a wide window: chunks are still being submitted after the death.
    for chunk_size, window in ((2, 2), (1, 6)):
        out = list(score_stream(docs, lex, jobs=2, chunk_size=chunk_size, window=window))
        assert [d.id for d, _l, _s in out] == [d.id for d in docs]
        assert [s for _d, _l, s in out] == [OK, OK, OK, ERROR, OK, OK, OK, OK]
        assert json.loads(out[3][1])["error"] == "internal error: the worker process scoring this article died"


def _pages(tmp_path, n: int = 8):
    """A folder of HTML pages of one source sharing a menu and a footer (its template)."""
    from framing.bench import make_articles

    folder = tmp_path / "outlet"
    folder.mkdir()
    for i, (_id, _src, text) in enumerate(make_articles(n)):
        paras = "".join(f"<p>{p}</p>" for p in text.split("\n\n")[1:4])
        head = text.split("\n", 1)[0]
        (folder / f"{i:02d}.html").write_text(
            f"<html><head><title>{head}</title></head><body><nav><a>Home</a> <a>Regions</a></nav>"
            f"<h1>{head}</h1><article>{paras}</article><footer>Sign up for the morning briefing</footer></body></html>",
            encoding="utf-8",
        )
    (folder / "empty.html").write_text("<html><body><style>p {}</style></body></html>", encoding="utf-8")
    return tmp_path


def test_html_extracted_in_the_workers_gives_the_records_of_eager_extraction(lex, tmp_path):
    from framing.ingest import iter_documents

    root = str(_pages(tmp_path))
    eager = list(iter_documents([root]))
    deferred = list(iter_documents([root], defer_html=True))
    assert all(d.html_pending for d in deferred)
    t_eager, t_deferred = Templates.collect(eager), Templates.collect(deferred)
    assert len(t_eager) > 0 and t_deferred.keys == t_eager.keys and t_deferred.sources == t_eager.sources
    assert [t_deferred.lines_for(d) for d in deferred] == [t_eager.lines_for(d) for d in eager]
    want = records(score_stream(eager, lex, jobs=1, templates=t_eager))
    assert records(score_stream(deferred, lex, jobs=1, templates=t_deferred)) == want
    with Cache(tmp_path / "c.sqlite") as cache:
        assert records(score_stream(deferred, lex, jobs=2, templates=t_deferred, cache=cache, chunk_size=2)) == want
        assert cache.stored == 8  # the page without visible text is skipped, not cached
    with Cache(tmp_path / "c.sqlite") as cache:
        assert records(score_stream(deferred, lex, jobs=2, templates=t_deferred, cache=cache)) == want
        assert cache.hits == 8
        # Changed markup is a changed key, even where the old key of the text was the same.
        edited = [replace(deferred[0], text=deferred[0].text.replace("<h1>", "<h1>Updated: "))]
        again = records(score_stream(edited, lex, jobs=1, templates=t_deferred, cache=cache))
        assert cache.stored == 1 and again[0]["text"] != want[0]["text"]
    assert want[-1]["status"] == SKIPPED and "<" not in json.dumps(want)


def test_a_page_whose_extraction_fails_is_an_error_record_without_markup(lex, monkeypatch):
    import framing.html

    def broken(_html):
        raise RuntimeError("parser exploded")

    monkeypatch.setattr(framing.html, "extract", broken)
    page = Document(id="p", source="s", text="<html><body><p>Text.</p></body></html>", html_pending=True)
    (rec,) = records(score_stream([page], lex, jobs=1))
    assert rec["status"] == ERROR and rec["error"] == "internal error: RuntimeError: parser exploded"
    assert rec["text"] == ""


@pytest.mark.parametrize("jobs", [1, 2])
def test_cached_records_equal_the_lines_written_whatever_form_the_workers_send(lex, tmp_path, jobs):
    # No cache: workers send the line alone; with one, the pool sends it packed as well and
    # the serial engine's lines are packed by the driver. All give the same bytes.
    docs = corpus(6)
    plain = [line for _d, line, _s in score_stream(docs, lex, jobs=jobs, chunk_size=2)]
    with Cache(tmp_path / "c.sqlite") as cache:
        cached = [line for _d, line, _s in score_stream(docs, lex, jobs=jobs, cache=cache, chunk_size=2)]
        assert cache.stored == 6
        stored = {unpack(blob) for (blob,) in cache._db.execute("SELECT record FROM records")}
    assert cached == plain and stored == set(plain)


def test_short_lines_skip_only_lines_that_normalize_too_long():
    import sys

    from framing.detectors.boilerplate import normalize_line

    # The shortcut's premise: the plain space is the only printable whitespace character.
    assert [c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace() and c.isprintable()] == [" "]
    paragraph = "The council met for four hours and heard from residents on both sides of the plan. " * 4
    lines = [
        paragraph,  # printable, long: skipped without normalizing
        "Share   this   story " + " " * 400,  # long only because of spaces: kept
        "Follow us\u00a0" + "\u00a0" * 300 + "on the web",  # no-break spaces are unprintable: normalized, kept
        "Tab\tseparated " * 20,  # tabs: normalized (short enough? checked against the reference)
        "x" * 201,
        "x" * 200,
    ]
    text = "\n".join(lines)
    reference = {n for raw in text.split("\n") if raw.strip() and len(raw) <= 4 * batch.MAX_TEMPLATE_LINE for n in [normalize_line(raw)] if n and len(n) <= batch.MAX_TEMPLATE_LINE}
    assert batch._short_lines(text) == reference
    assert "share this story" in reference and "follow us on the web" in reference and "x" * 200 in reference
    assert batch._surely_long(paragraph) and not batch._surely_long(lines[1]) and not batch._surely_long(lines[2])
