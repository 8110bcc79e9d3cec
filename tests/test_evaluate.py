"""The eval contract: metrics computed as ../shared/eval/README.md specifies."""

from __future__ import annotations

import json

import pytest

from framing.cli import ExitStatus, run
from framing.evaluate import SpanCounts, guess_task, macro_f1, score, spearman


def test_span_overlap_precision_recall():
    c = SpanCounts()
    c.add(pred=[[0, 4], [10, 12], [20, 25]], gold=[[2, 6], [30, 40]])
    m = c.prf()
    assert (m["precision"], m["recall"]) == (pytest.approx(1 / 3), 0.5)


def test_hedging_neutral_cues_count_neither_way():
    records = [{"id": "s1", "part": "factbank", "text": "x" * 40, "hedge_cues": [[0, 3, "epistemic"], [10, 14, "condition"]]}]
    preds = [{"id": "s1", "hedge_cues": [[0, 3, "modal"], [10, 14, "modal"]]}]
    m = score("hedging", records, preds)["factbank"]
    assert m["cues"]["precision"] == 1.0 and m["cues"]["predicted"] == 1
    assert m["uncertain_sentences"]["f1"] == 1.0


def test_uncertain_sentence_needs_a_counted_cue():
    records = [{"id": "s1", "part": "wiki", "text": "x" * 40, "hedge_cues": [[10, 14, "condition"]]}]
    preds = [{"id": "s1", "hedge_cues": [[10, 14, "modal"]]}]
    m = score("hedging", records, preds)["wiki"]
    assert m["uncertain_sentences"]["precision"] == 0.0 and m["cues"]["predicted"] == 0


def test_boilerplate_line_needs_half_its_characters_covered():
    records = [{"id": "p", "text": "", "content_lines": [[0, 10, "content"]], "boilerplate_lines": [[11, 21, "boilerplate"], [22, 32, "boilerplate"]]}]
    preds = [{"id": "p", "boilerplate_lines": [[11, 16, "x"], [22, 25, "x"]]}]
    m = score("boilerplate", records, preds)
    assert m["boilerplate"]["recall"] == 0.5 and m["content"]["precision"] == 0.5


def test_macro_f1_basil_counts_neutral_as_wrong():
    m = macro_f1([("neu", "neg"), ("neg", "neg"), ("pos", "pos")], ("neg", "pos"))
    assert m["f1_neg"] == pytest.approx(2 / 3) and m["f1_pos"] == 1.0 and m["accuracy"] == pytest.approx(2 / 3)


def test_spearman_with_ties():
    assert spearman([1, 2, 3, 4], [10, 20, 30, 40]) == pytest.approx(1.0)
    assert spearman([1, 2, 3, 4], [4, 3, 2, 1]) == pytest.approx(-1.0)
    assert spearman([1, 1, 2, 2], [1, 1, 2, 2]) == pytest.approx(1.0)


def test_guess_task_from_file_name(tmp_path):
    assert guess_task(tmp_path / "hedging.szeged.dev.jsonl") == "hedging"
    assert guess_task(tmp_path / "sentiment.basil.dev.jsonl") == "basil"


def test_cli_writes_predictions_in_gold_field_names(tmp_path, capsys):
    gold = tmp_path / "hedging.mine.jsonl"
    rows = [
        {"id": "h1", "part": "news", "text": "The plan may fail, officials said.", "hedge_cues": [[9, 12, "epistemic"]]},
        {"id": "h2", "part": "news", "text": "The plan failed on Monday.", "hedge_cues": []},
    ]
    gold.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    pred = tmp_path / "pred.jsonl"
    assert run(["eval", str(gold), "--predictions", str(pred), "--json"]) == ExitStatus.OK
    metrics = json.loads(capsys.readouterr().out)
    assert metrics["news"]["sentences"] == 2
    lines = [json.loads(line) for line in pred.read_text().splitlines()]
    assert [p["id"] for p in lines] == ["h1", "h2"] and all("hedge_cues" in p for p in lines)


def test_cli_eval_errors_are_clear(tmp_path, capsys):
    assert run(["eval", str(tmp_path / "missing.jsonl")]) == ExitStatus.USAGE
    assert "no such file" in capsys.readouterr().err
    assert run(["eval", str(tmp_path)]) == ExitStatus.USAGE
    assert "is a folder; give a gold data file" in capsys.readouterr().err
    odd = tmp_path / "odd.jsonl"
    odd.write_text('{"id": "1", "text": "x"}\n', encoding="utf-8")
    assert run(["eval", str(odd)]) == ExitStatus.USAGE
    assert "--task" in capsys.readouterr().err


def test_sentiment_all_row_leaves_out_training_records():
    records = [
        {"id": "a", "subset": "rw", "split": "train", "text": "x", "targets": [{"span": [0, 1], "polarity": "pos"}]},
        {"id": "b", "subset": "rw", "split": "dev", "text": "x", "targets": [{"span": [0, 1], "polarity": "neg"}]},
    ]
    preds = [{"id": "a", "targets": [{"span": [0, 1], "polarity": "pos"}]}, {"id": "b", "targets": [{"span": [0, 1], "polarity": "neg"}]}]
    m = score("sentiment", records, preds)
    assert m["all"]["n"] == 1 and m["rw/train"]["n"] == 1 and m["rw/dev"]["n"] == 1


@pytest.mark.parametrize(
    "content, message",
    [
        (b"5\n", "a gold record is a JSON object"),
        (b'{"id": "1", "text": "It may rain."}\n\x92\x93 not utf-8\n', "not UTF-8"),
    ],
)
def test_cli_eval_bad_gold_file_is_a_usage_error_not_a_traceback(tmp_path, capsys, content, message):
    gold = tmp_path / "hedging.bad.jsonl"
    gold.write_bytes(content)
    assert run(["eval", str(gold)]) == ExitStatus.USAGE
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_cli_eval_limit_must_be_positive(tmp_path, capsys):
    gold = tmp_path / "hedging.x.jsonl"
    gold.write_text('{"id": "1", "text": "It may rain."}\n', encoding="utf-8")
    assert run(["eval", str(gold), "--limit", "0"]) == ExitStatus.USAGE
    assert "--limit" in capsys.readouterr().err


def test_cli_predictions_need_a_jsonl_name(tmp_path, capsys):
    gold = tmp_path / "hedging.x.jsonl"
    gold.write_text('{"id": "1", "text": "It may rain."}\n', encoding="utf-8")
    assert run(["eval", str(gold), "--predictions", str(tmp_path / "pred.csv")]) == ExitStatus.USAGE
    assert "--predictions" in capsys.readouterr().err and not (tmp_path / "pred.csv.jsonl").exists()


def test_basil_predictions_read_the_target_name_and_never_say_neutral(lex):
    from framing.evaluate import predict_basil, predict_sentiment

    quote = "The critics are wrong, and their attacks on this plan are baseless and dishonest"
    text = f'Officials said Ms. Ortega would travel to Brussels next week. "{quote}," Ortega said.'
    q = text.index(quote)
    name = text.index("Ms. Ortega")
    rec = {"id": "b1", "text": text, "targets": [{"span": [q, q + len(quote)], "target": "Maria_Ortega"}, {"span": [name, name + 10], "target": "Maria_Ortega"}]}
    plain = [t["polarity"] for t in predict_sentiment(rec, lex)["targets"]]
    assert plain == ["neg", "neu"]  # without the name: the quote's words, and no lean toward the name
    got = predict_basil(rec, lex)
    assert got["id"] == "b1" and [t["span"] for t in got["targets"]] == [t["span"] for t in rec["targets"]]
    assert [t["polarity"] for t in got["targets"]] == ["pos", "neg"]  # her own statement; neutral is no answer here
