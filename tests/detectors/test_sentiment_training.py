"""scripts/train_sentiment.py: NB scaling, and its folding into the shipped weights."""

from __future__ import annotations


import pytest

from framing.detectors import sentiment
from framing.segment import content_view, segment

np = pytest.importorskip("numpy")
pytest.importorskip("sklearn")


# Short training set written for this test: (sentence, mention, polarity).
EXAMPLES = (
    ("Critics slammed the mayor for the botched budget.", "mayor", "neg"),
    ("Voters praised the mayor for the balanced budget.", "mayor", "pos"),
    ("The mayor met the council on Tuesday.", "mayor", "neu"),
    ("The senator was accused of lying to investigators.", "senator", "neg"),
    ("Supporters cheered the senator after a strong debate.", "senator", "pos"),
    ("The senator will travel to Ohio next week.", "senator", "neu"),
    ("Analysts called the governor's plan a disaster.", "governor", "neg"),
    ("The governor won wide respect for the rescue effort.", "governor", "pos"),
    ("The governor signed the bill in the morning.", "governor", "neu"),
)


@pytest.fixture(scope="module")
def train(load_script):
    return load_script("train_sentiment")


def _data(lex):
    from sklearn.feature_extraction import DictVectorizer

    feats, y = [], []
    for text, name, pol in EXAMPLES:
        s = text.index(name)
        feats.append(sentiment.mention_features(content_view(segment(text), frozenset()), lex, s, s + len(name)))
        y.append(sentiment.POLARITIES.index(pol))
    vec = DictVectorizer(sort=True)
    return vec.fit_transform(feats).tocsr(), np.array(y), vec.get_feature_names_out()


def test_nb_scale_keeps_valence_columns_and_weights_words_by_class_ratio(train, lex):
    X, y, names = _data(lex)
    scale = train.nb_scale(X, y, names)
    for n, s in zip(names, scale):
        if train.is_valence_column(n):
            assert s == 1.0, n
        else:
            assert s >= train.NB_FLOOR, n
    col = {n: s for n, s in zip(names, scale)}
    # A word of one class only separates more than one seen in all three.
    assert col["S:praised"] > col["S:the"]


def test_exported_weights_give_the_pipeline_decision(train, lex, tmp_path):
    """main() writes coef x scale: a plain linear sum over unscaled features equals the scaled pipeline."""
    import json

    data = tmp_path / "train.jsonl"
    with open(data, "w", encoding="utf-8") as fh:
        for i, (text, name, pol) in enumerate(EXAMPLES):
            s = text.index(name)
            rec = {"id": f"t{i}", "split": "train", "text": text, "targets": [{"span": [s, s + len(name)], "polarity": pol}]}
            fh.write(json.dumps(rec) + "\n")
    out = tmp_path / "model.json"
    assert train.main(["--data", str(data), "--out", str(out), "--min-count", "1", "--bias-folds", "0", "--C", "0.5"]) == 0
    model = json.loads(out.read_text(encoding="utf-8"))
    X, y, names = _data(lex)
    clf = train.nb_model(0.5, names).fit(X, y)
    assert not np.allclose(clf[0].scale_, 1.0)
    expected = clf.decision_function(X)
    for row, want in zip(X, expected):
        got = np.array(model["bias"], dtype=float)
        for j, x in zip(row.indices, row.data):
            got += x * np.array(model["weights"].get(names[j], [0.0, 0.0, 0.0]))
        # Weights and bias are rounded to 4 decimals in the JSON.
        np.testing.assert_allclose(got, want, atol=2e-3)


# --- distillation (scripts/distill_sentiment.py -> train_sentiment.py --transfer) ---------


def _write_gold(path):
    import json

    with open(path, "w", encoding="utf-8") as fh:
        for i, (text, name, pol) in enumerate(EXAMPLES):
            s = text.index(name)
            rec = {"id": f"t{i}", "split": "train", "text": text, "targets": [{"span": [s, s + len(name)], "polarity": pol}]}
            fh.write(json.dumps(rec) + "\n")


def _write_transfer(path, rows, teacher_holdout=-1):
    """rows: (text, mention, teacher logits neg/neu/pos)."""
    import gzip
    import json

    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"meta": {"teacher_holdout": teacher_holdout, "teacher": "test"}}) + "\n")
        for i, (text, name, logits) in enumerate(rows):
            s = text.index(name)
            fh.write(json.dumps({"src": f"t{i % len(EXAMPLES)}", "target": 0, "text": text, "span": [s, s + len(name)], "logits": logits}) + "\n")


def test_teacher_rows_split_each_target_by_the_teachers_probabilities(train):
    rows = train.teacher_rows([[0.0, 0.0, 0.0], [5.0, 0.0, -5.0]], [10, 10, 10], alpha=0.5, temperature=1.0, hard=False)
    first = [r for r in rows if r[0] == 0]
    assert [r[1] for r in first] == [0, 1, 2]
    assert sum(r[2] for r in first) == pytest.approx(0.5)
    # A near-certain teacher: the negligible classes are left out, the rest carries the weight.
    assert [r[1] for r in rows if r[0] == 1] == [0]
    hard = train.teacher_rows([[0.1, 2.0, 0.3]], [10, 20, 30], alpha=2.0, temperature=1.0, hard=True)
    assert hard == [(0, 1, 2.0 * 60 / (3 * 20))]


def test_nb_scale_with_unit_weights_is_the_unweighted_scale(train, lex):
    X, y, names = _data(lex)
    np.testing.assert_allclose(train.nb_scale(X, y, names, sample_weight=np.ones(len(y))), train.nb_scale(X, y, names))


def test_transfer_rows_move_the_student_toward_the_teacher(train, tmp_path, lex):
    """A teacher that reads 'praised' as negative, given enough weight, turns the student."""
    import json

    data, out, base_out = tmp_path / "train.jsonl", tmp_path / "m.json", tmp_path / "b.json"
    _write_gold(data)
    text = "Voters praised the mayor for the balanced budget."
    transfer = tmp_path / "t.jsonl.gz"
    _write_transfer(transfer, [(text, "mayor", [4.0, 0.0, -4.0])] * 9)
    common = ["--data", str(data), "--min-count", "1", "--bias-folds", "0", "--C", "0.5"]
    assert train.main(common + ["--out", str(base_out)]) == 0
    assert train.main(common + ["--out", str(out), "--transfer", str(transfer), "--alpha", "5"]) == 0
    base, model = (json.loads(p.read_text(encoding="utf-8")) for p in (base_out, out))
    assert model["meta"]["transfer"]["targets"] == 9 and "transfer" not in base["meta"]

    def neg_minus_pos(m, word):
        w = m["weights"].get(word, [0.0, 0.0, 0.0])
        return w[0] - w[2]

    assert neg_minus_pos(model, "S:praised") > neg_minus_pos(base, "S:praised")


def test_holdout_fold_refuses_a_teacher_that_saw_that_fold(train, tmp_path):
    data, transfer = tmp_path / "train.jsonl", tmp_path / "t.jsonl.gz"
    _write_gold(data)
    _write_transfer(transfer, [(EXAMPLES[0][0], EXAMPLES[0][1], [1.0, 0.0, 0.0])], teacher_holdout=-1)
    with pytest.raises(SystemExit):
        train.main(["--data", str(data), "--holdout-fold", "0", "--transfer", str(transfer), "--min-count", "1"])


def test_holdout_dump_saves_the_scored_folds_probabilities(train, load_script, tmp_path):
    """--dump keeps what a held-out run scored, so offset rules can be compared without retraining."""
    fold_of = load_script("distill_sentiment").fold_of

    data, dump = tmp_path / "train.jsonl", tmp_path / "d.npz"
    _write_gold(data)
    held = [f"t{i}" for i in range(len(EXAMPLES)) if fold_of(f"t{i}") == 0]
    assert held  # the test data must put a record in fold 0
    assert train.main(["--data", str(data), "--holdout-fold", "0", "--min-count", "1", "--bias-folds", "0", "--C", "0.5", "--dump", str(dump)]) == 0
    got = np.load(dump)
    assert list(got["held_ids"]) == held
    assert got["held_logp"].shape == (len(held), 3)
    np.testing.assert_allclose(np.exp(got["held_logp"]).sum(1), 1.0)
    labels = {f"t{i}": sentiment.POLARITIES.index(pol) for i, (_, _, pol) in enumerate(EXAMPLES)}
    assert list(got["held_y"]) == [labels[i] for i in held]


def test_offsets_for_neg_only_keep_the_pos_offset_at_zero(train):
    """Three neutral targets read as barely positive: the full search lowers pos, the neg-only one may not."""
    logp = np.log(np.array([[0.2, 0.39, 0.41]] * 3 + [[0.1, 0.2, 0.7], [0.7, 0.2, 0.1]]))
    y = [1, 1, 1, 2, 0]
    _, _, dp, f1 = train.best_offsets(logp, y)
    assert dp < 0 and f1 == pytest.approx(1.0)
    _, _, dp, f1 = train.best_offsets(logp, y, classes="neg")
    assert dp == 0.0 and f1 < 1.0
