"""scripts/measure_accuracy.py: runs framing's evaluation on the dev files and writes numbers only."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def script(load_script):
    return load_script("measure_accuracy")


TEXT = "The mayor said the bridge may reopen in May. Officials told reporters the repairs could take weeks."


def _span(phrase: str) -> list:
    i = TEXT.index(phrase)
    return [i, i + len(phrase)]


def _write(folder: Path) -> None:
    attribution = {"id": "a1", "text": TEXT, "attribution_cues": [_span("said") + ["cue"], _span("told reporters") + ["cue"]], "attribution_sources": [_span("The mayor") + ["source"]]}
    hedges = [
        {"id": "h1", "part": "factbank", "text": "The bridge may reopen in May.", "hedge_cues": [[11, 14, "epistemic"]]},
        {"id": "h2", "part": "factbank", "text": "The bridge reopened in May.", "hedge_cues": []},
        {"id": "h3", "part": "wiki", "text": "It is possibly the oldest bridge.", "hedge_cues": [[6, 14, "epistemic"]]},
    ]
    (folder / "attribution.polnear.dev.jsonl").write_text(json.dumps(attribution) + "\n", encoding="utf-8")
    (folder / "hedging.szeged.dev.jsonl").write_text("".join(json.dumps(r) + "\n" for r in hedges), encoding="utf-8")


def test_measures_the_files_present_with_rounded_numbers(script, tmp_path):
    _write(tmp_path)
    log = io.StringIO()
    data = script.measure(tmp_path, log=log)
    assert sorted(data) == ["attribution", "hedging", "version"]
    a = data["attribution"]
    assert a["articles"] == 1 and a["dataset"] == "PolNeAR" and a["cues"]["gold"] == 2 and a["sources"]["gold"] == 1
    assert set(a["cues"]) == {"precision", "recall", "f1", "predicted", "gold"}
    h = data["hedging"]
    assert h["sentences"] == 2  # the news (factbank) part only
    assert h["cues"]["gold"] == 1 and h["cues"]["recall"] == 1.0
    for v in (a["cues"]["precision"], a["cues"]["f1"], a["sources"]["recall"], h["cues"]["f1"]):
        assert 0 <= v <= 1 and round(v, 3) == v
    lines = log.getvalue().splitlines()
    assert lines[0].startswith("attribution.polnear.dev.jsonl: 1 records")
    assert "sentiment.newsmtsc.dev.jsonl: not present, skipped" in lines


def test_main_writes_deterministic_json(script, tmp_path, capsys):
    eval_dir = tmp_path / "eval"
    eval_dir.mkdir()
    _write(eval_dir)
    out1, out2 = tmp_path / "one.json", tmp_path / "two.json"
    assert script.main(["--eval-dir", str(eval_dir), "--out", str(out1)]) == 0
    assert script.main(["--eval-dir", str(eval_dir), "--out", str(out2), "--no-cv"]) == 0
    text = out1.read_text(encoding="utf-8")
    assert text == out2.read_text(encoding="utf-8") and text.endswith("\n")
    assert text == json.dumps(json.loads(text), indent=2, sort_keys=True) + "\n"
    assert TEXT[:20] not in text and "bridge" not in text  # numbers and names only, never the gold text
    assert "wrote" in capsys.readouterr().err


def test_main_refuses_a_folder_without_dev_files(script, tmp_path):
    assert script.main(["--eval-dir", str(tmp_path), "--out", str(tmp_path / "x.json")]) == 2
    assert script.main(["--eval-dir", str(tmp_path / "absent"), "--out", str(tmp_path / "x.json")]) == 2
    assert not (tmp_path / "x.json").exists()


def test_shipped_file_holds_numbers_and_names_only():
    data = json.loads((ROOT / "framing" / "models" / "accuracy.json").read_text(encoding="utf-8"))
    strings = []

    def walk(v, key=""):
        if isinstance(v, dict):
            for k, x in v.items():
                walk(x, k)
        elif isinstance(v, str):
            strings.append(key)
        else:
            assert isinstance(v, (int, float)) and not isinstance(v, bool), (key, v)
            if isinstance(v, float):
                assert round(v, 3) == v, (key, v)

    walk(data)
    assert set(strings) == {"dataset", "about"}  # no field that could carry text from the data
