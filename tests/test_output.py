"""Writers: JSONL, CSV and Parquet, atomic, never half-written."""

from __future__ import annotations

import json

import pytest

from framing import analyze
from framing.output import OutputError, ResultWriter, output_format, read_records

TEXTS = [
    "Bridge Reopens After Repairs\nThe bridge reopened on Monday, the city engineer said.",
    "Rates May Rise\nThe bank may raise rates next month, analysts said.",
]


def results():
    return [analyze(t, id=f"a{i}", source="Test") for i, t in enumerate(TEXTS)]


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
def test_each_format_round_trips(tmp_path, suffix):
    out = tmp_path / f"scores{suffix}"
    with ResultWriter(out) as w:
        for r in results():
            w.write(r)
    assert out.is_file() and not list(tmp_path.glob(".*part"))
    if suffix == ".jsonl":
        recs = list(read_records(out))
        assert [r["id"] for r in recs] == ["a0", "a1"] and recs[0]["metrics"]["words"] > 0
    else:
        import pandas as pd

        df = pd.read_csv(out) if suffix == ".csv" else pd.read_parquet(out)
        assert list(df["id"]) == ["a0", "a1"] and "hedges_per_100w" in df.columns


def test_failure_leaves_no_file(tmp_path):
    out = tmp_path / "scores.jsonl"
    with pytest.raises(RuntimeError):
        with ResultWriter(out) as w:
            w.write(results()[0])
            raise RuntimeError("boom")
    assert not out.exists() and not list(tmp_path.iterdir())


def test_existing_output_survives_a_failed_run(tmp_path):
    out = tmp_path / "scores.jsonl"
    out.write_text('{"old": true}\n', encoding="utf-8")
    with pytest.raises(RuntimeError):
        with ResultWriter(out) as w:
            w.write(results()[0])
            raise RuntimeError("boom")
    assert json.loads(out.read_text()) == {"old": True}


def test_unknown_suffix():
    with pytest.raises(OutputError, match="unknown output format"):
        output_format("scores.xlsx")


def _plain_dumps(result) -> str:
    return json.dumps(result.to_dict(), ensure_ascii=False, separators=(",", ":"))


def test_serialize_equals_dumps_of_to_dict_for_real_records():
    from pathlib import Path

    from framing.output import serialize

    folder = Path(__file__).resolve().parent.parent / "examples" / "articles"
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.txt"))] + TEXTS
    scored = [analyze(text, id=f"e{i}", source="Test") for i, text in enumerate(texts)]
    # Every optional span field occurs, so each branch of the span writer is compared.
    spans = [s for r in scored for s in r.spans]
    assert len(scored) > 2 and all(any(getattr(s, f) for s in spans) for f in ("rule", "score", "note"))
    actors = [a for r in scored for a in r.actors]
    assert any(a.labels for a in actors) and any(a.by_speaker for a in actors) and any(a.quoted_sentiment is None for a in actors)
    for r in scored:
        assert serialize(r) == _plain_dumps(r)


def test_serialize_equals_dumps_of_to_dict_for_every_field_shape():
    import dataclasses

    from framing.model import ActorResult, Span
    from framing.output import serialize

    r = analyze(TEXTS[0], id='quote "\\ id', source="Tést\u2028")
    odd = [
        Span("actor", 0, 3, 'a "b"\\\n\t\x01é€😀', "x", 1, 1, "quote", "a.b", -0.123456, "note\u2029"),
        Span("hedge", 1, 2, "", "", 2, 3, score=float("nan")),
        Span("hedge", 1, 2, "x", "y", 2, 3, score=float("-inf")),
        Span("hedge", 1, 2, "x", "y", 2, 3, score=3),
        Span("hedge", 1, 2, "x", "y", 2, 3, score=1e-7),
        Span("hedge", 1, 2, "x", "y", 2, 3, score=1e22),
        Span("hedge", 1, 2, "x", "y", 2, 3, score=-0.0),
    ]
    actor = dict(
        id="a\"1", name="Zoë “Z”", kind="person", mentions=3, mention_share=1 / 3, sentiment_mean=None,
        sentiment_std=float("nan"), sentiment_count=0, negative_share=0.0, positive_share=1, reporter_sentiment=-0.00004,
        quoted_sentiment=float("inf"), quoted_as_source=2, labels=("mayor", "ex-\u2028chief"), by_speaker={"reporter": 0.12345, "Zoë": -1e-9},
    )
    actors = (
        ActorResult(**actor),
        ActorResult(**{**actor, "labels": (), "by_speaker": {}}),
        ActorResult(**{**actor, "by_speaker": {2: 0.5, 1: 1.0}}),  # keys that are not strings: the encoder's spelling
    )
    for spans in ((), tuple(odd)):
        for metrics in ({}, {"a": None, "b": 1, "c": float("nan"), "d": True, "e": 2.5e-5}):
            for acts in ((), actors):
                variant = dataclasses.replace(r, spans=spans, metrics=metrics, actors=acts, title=None, text="t\u00e9\x00")
                assert serialize(variant) == _plain_dumps(variant)


def test_jsonl_writer_writes_the_serialized_record(tmp_path):
    from framing.output import serialize

    out = tmp_path / "scores.jsonl"
    with ResultWriter(out) as w:
        for r in results():
            w.write(r)
    assert out.read_text(encoding="utf-8") == "".join(serialize(r) + "\n" for r in results())


def test_span_writer_frames_stay_bounded_and_give_the_same_json():
    from framing import output
    from framing.model import Span

    output._FRAMES.clear()
    spans = [Span("actor", i, i + 1, "x", f"a{i}", 1, i + 1, "reporter", "actors.mention", 0.5, f"Name {i}") for i in range(output._MAX_FRAMES + 10)]
    for sp in spans:
        assert output._span_json(sp) == json.dumps(sp.to_dict(), ensure_ascii=False, separators=(",", ":"))
    assert 0 < len(output._FRAMES) <= output._MAX_FRAMES  # one frame per actor name, cleared when full


def test_read_records_allows_a_byte_order_mark(tmp_path):
    # A scores file saved again by an editor may start with one; json.loads would reject it.
    path = tmp_path / "s.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"id": "a"}\n\n{"id": "b"}\n')
    assert [r["id"] for r in read_records(path)] == ["a", "b"]


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_flat_formats_keep_the_warnings(tmp_path, suffix):
    import pandas as pd

    foreign = analyze(
        "Der Stadtrat hat am Montag die neue Brücke über den Fluss eröffnet. Die Arbeiten hatten zwei Jahre "
        "gedauert, und die Kosten lagen höher als geplant, sagte der Bürgermeister. Viele Bürger kamen zur "
        "Feier und lobten die neue Verbindung zwischen den beiden Ufern der Stadt.",
        id="de",
        source="Test",
    )
    assert foreign.warnings  # not English: the record carries a warning
    out = tmp_path / f"scores{suffix}"
    with ResultWriter(out) as w:
        for r in [*results(), foreign]:
            w.write(r)
    df = pd.read_csv(out, keep_default_na=False) if suffix == ".csv" else pd.read_parquet(out)
    assert list(df["warnings"]) == ["", "", "; ".join(foreign.warnings)]
