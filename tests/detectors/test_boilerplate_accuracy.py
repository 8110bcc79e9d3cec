"""Boilerplate accuracy on the AEB development pages and on the five seed articles;
skipped when ../shared is absent."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from framing.detectors import boilerplate
from framing.evaluate import predict_boilerplate, score
from framing.lexicon import load_lexicons
from framing.pipeline import analyze

from shipped_accuracy import assert_shipped

ROOT = Path(__file__).resolve().parents[2]

# Measured on boilerplate.aeb.dev.jsonl (87 pages, text only): content F1 0.912,
# boilerplate F1 0.985. The model was trained on these pages, so the honest number is
# 5-fold cross-validation grouped by page: content F1 0.905 on the shipped split (seed 13;
# 0.904 and 0.906 on seeds 14 and 15), boilerplate F1 0.984 (scripts/train_boilerplate.py;
# test_cross_validated_f1_floor recomputes it).
CONTENT_F1_FLOOR = 0.902
BOILERPLATE_F1_FLOOR = 0.975
CV_CONTENT_F1_FLOOR = 0.895
CV_BOILERPLATE_F1_FLOOR = 0.974


@pytest.fixture(scope="module")
def aeb(gold):
    records = gold("boilerplate.aeb.dev.jsonl")
    lex = load_lexicons()
    return score("boilerplate", records, [predict_boilerplate(r, lex) for r in records])


@pytest.mark.slow
def test_content_f1_floor(aeb):
    assert aeb["content"]["f1"] >= CONTENT_F1_FLOOR, aeb["content"]


@pytest.mark.slow
def test_boilerplate_f1_floor(aeb):
    assert aeb["boilerplate"]["f1"] >= BOILERPLATE_F1_FLOOR, aeb["boilerplate"]
    for key in ("content", "boilerplate"):
        for metric in ("precision", "recall", "f1"):
            assert_shipped(aeb[key][metric], "boilerplate", key, metric)


@pytest.mark.slow
def test_cross_validated_f1_floor(eval_dir, load_script):
    """Each page scored by a model fitted on the other folds, with the shipped settings."""
    pytest.importorskip("sklearn")
    path = eval_dir / "boilerplate.aeb.dev.jsonl"
    if not path.is_file():
        pytest.skip("boilerplate.aeb.dev.jsonl is not present")
    train = load_script("train_boilerplate")
    settings = json.loads((ROOT / "framing" / "models" / "boilerplate.json").read_text(encoding="utf-8"))
    lex = load_lexicons()
    docs = train.load(str(path), lex)
    folds = train.make_folds(len(docs), 5)
    preds = train.cross_validate(docs, folds, settings["C"], settings["content_weight"], settings["switch_cost"], lex)
    m = train.score(docs, preds)
    assert m["content"]["f1"] >= CV_CONTENT_F1_FLOOR, m["content"]
    assert m["boilerplate"]["f1"] >= CV_BOILERPLATE_F1_FLOOR, m["boilerplate"]
    for key in ("content", "boilerplate"):
        assert_shipped(m[key]["recall"], "boilerplate", "cv", key, "recall")


# Per seed: 1-based line -> (category, a short piece of that line to be sure it is the
# line meant). Every other non-blank line is story, headline or subheading: content.
SEED_FURNITURE = {
    "000": {},
    "001": {
        3: ("fragment", "1"),
        11: ("caption", "Image Credits"),
        23: ("caption", "REUTERS/"),
        25: ("bio", "Hello!"),
        27: ("legal", "Copyright"),
        29: ("related", "Exit mobile version"),
    },
    "002": {},
    "003": {
        2: ("share", "Share this"),
        4: ("byline", "Staff Writer"),
        28: ("share", "Share this"),
        29: ("comment", "All comments"),
    },
    "004": {
        11: ("related", "secret meeting"),
        22: ("comment", "Leave a Reply"),
    },
}
SEED_CONTENT = {"001": {1: "Friendly", 7: "Relations", 15: "Significance", 19: "American Intelligence"}, "003": {1: "Rare Visit"}}


def _seed(seeds_dir, prefix):
    [path] = sorted(seeds_dir.glob(f"{prefix}_*.txt"))
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("prefix", sorted(SEED_FURNITURE))
def test_seed_lines(seeds_dir, prefix):
    text = _seed(seeds_dir, prefix)
    result = analyze(text)
    flagged = {s.line: s for s in result.spans if s.kind == "boilerplate"}
    lines = text.split("\n")
    expected = SEED_FURNITURE[prefix]
    for number, (category, piece) in expected.items():
        assert piece in lines[number - 1], f"seed {prefix} changed: line {number} lacks {piece!r}"
        assert number in flagged, f"seed {prefix} line {number} ({piece!r}) not flagged"
        assert flagged[number].label == category, (prefix, number, flagged[number].label)
        assert flagged[number].rule == f"boilerplate.{category}"
    wrong = {n: lines[n - 1][:60] for n in flagged if n not in expected}
    assert not wrong, f"seed {prefix}: story lines flagged as boilerplate: {wrong}"
    for number, piece in SEED_CONTENT.get(prefix, {}).items():
        assert piece in lines[number - 1] and number not in flagged


def test_seed_spans_are_exact(seeds_dir):
    for prefix in SEED_FURNITURE:
        text = _seed(seeds_dir, prefix)
        for s in analyze(text).spans:
            assert text[s.start : s.end] == s.text


def test_seed_template_lines_recur(seeds_dir):
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]
    # One source for the sake of the test: no line of these five articles recurs in three.
    assert boilerplate.recurring_lines({"seeds": texts})["seeds"] == frozenset()
