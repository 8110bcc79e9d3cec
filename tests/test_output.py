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
