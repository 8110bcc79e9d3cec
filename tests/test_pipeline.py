"""The whole flow: records carry exact evidence, deterministic output, the pandas API."""

from __future__ import annotations

import json

import framing
from framing.ingest import iter_documents
from framing.lexicon import load_lexicons
from framing.pipeline import analyze_document

STORY = """Ministers Meet Over Flood Barrier
By Ada Quill

The regional government approved the flood barrier on Tuesday, its spokesperson Lena Moor said.
“We cannot wait for another storm,” Moor told reporters, adding that work could begin in May.
Officials who asked not to be named said the cost may reportedly double.
"""


def check_spans(record: dict) -> None:
    text = record["text"]
    for span in record["spans"]:
        assert text[span["start"] : span["end"]] == span["text"], span
        line_start = text.rfind("\n", 0, span["start"]) + 1
        assert span["line"] == text.count("\n", 0, span["start"]) + 1
        assert span["col"] == span["start"] - line_start + 1
        assert span["voice"] in ("reporter", "quote") or (span["kind"] == "actor" and span["voice"] == "speaker")


def test_record_fields_and_exact_offsets():
    record = framing.analyze(STORY, source="Test", id="t1").to_dict()
    for key in ("id", "source", "title", "path", "status", "error", "metrics", "actors", "spans", "text", "lexicon_version", "sources"):
        assert key in record
    assert record["status"] == "ok" and record["title"] == "Ministers Meet Over Flood Barrier"
    assert record["metrics"]["words"] > 30
    assert all(isinstance(v, (int, float)) or v is None for v in record["metrics"].values())
    check_spans(record)


def test_result_and_source_counts_equal_their_dataclasses_built_plainly():
    from dataclasses import fields
    from types import SimpleNamespace

    from framing.model import ArticleResult, SourceCount
    from framing.pipeline import source_counts

    result = framing.analyze(STORY, source="Test", id="t1")
    assert result == ArticleResult(**{f.name: getattr(result, f.name) for f in fields(ArticleResult)})
    assert list(vars(result)) == [f.name for f in fields(ArticleResult)]
    # Detectors build spans and actor results by setting the instance dict whole (for
    # speed): each must hold exactly its dataclass's fields, in order.
    from framing.model import ActorResult, Span

    for obj, cls in [*((s, Span) for s in result.spans), *((a, ActorResult) for a in result.actors)]:
        assert list(vars(obj)) == [f.name for f in fields(cls)], obj
        assert obj == cls(**vars(obj))
    cites = [SimpleNamespace(source_name=name, source_type=kind, direct=direct) for name, kind, direct in (
        ("Lena Moor", "named", True), (None, "unsourced", False), ("Lena Moor", "named", False),
        ("officials", "anonymous", True), ("Lena Moor", "named", True), ("officials", "anonymous", False),
    )]
    counts = source_counts(cites)
    assert counts == (
        SourceCount("Lena Moor", "named", 3, 2),
        SourceCount("officials", "anonymous", 2, 1),
        SourceCount("(no source)", "unsourced", 1, 0),
    )
    assert all(type(c.direct) is int for c in counts)  # counts, not bools, in the JSON


def test_same_input_same_bytes():
    a = json.dumps(framing.analyze(STORY).to_dict(), sort_keys=False)
    b = json.dumps(framing.analyze(STORY).to_dict(), sort_keys=False)
    assert a == b


def test_failed_document_passes_through_with_status(tmp_path):
    (doc,) = iter_documents([str(tmp_path / "missing.txt")])
    result = analyze_document(doc, load_lexicons())
    assert result.status == "error" and result.metrics == {} and result.spans == ()


def test_to_frame_from_texts_and_results():
    df = framing.to_frame([STORY, framing.analyze("Short piece. The vote passed.", source="B")])
    assert len(df) == 2 and {"id", "source", "words", "hedges_per_100w"} <= set(df.columns)


def test_seeds_offsets_slice_exactly(seeds_dir):
    lex = load_lexicons()
    docs = list(iter_documents([str(seeds_dir)]))
    assert len(docs) == 5
    for doc in docs:
        record = analyze_document(doc, lex).to_dict()
        assert record["status"] == "ok"
        check_spans(record)


def test_a_text_that_is_not_english_carries_a_warning():
    """The word lists are English: a French article scores near zero on everything, and
    a reader must be told why rather than read it as neutral, unhedged prose."""
    french = (
        "Le conseil municipal a voté mardi le budget du nouveau pont. Selon la maire, les travaux "
        "commenceront en janvier et dureront deux ans. Les opposants dénoncent un projet trop cher "
        "et demandent une consultation des habitants avant toute décision."
    )
    [warning] = framing.analyze(french).warnings
    assert "not look like English" in warning
    english = (
        "The city council approved the budget for the new bridge on Tuesday. Work will start in "
        "January and last two years, the mayor said, while opponents called the plan too costly."
    )
    assert framing.analyze(english).warnings == ()
    assert framing.analyze("Le pont.").warnings == ()  # too short to tell
