"""Train the targeted-sentiment model shipped as framing/models/sentiment_lr.json.

How to run (from the repository root, with the `train` extra installed)::

    .venv/bin/python scripts/train_sentiment.py [--data ../shared/eval/sentiment.newsmtsc.dev.jsonl]
                                                [--out framing/models/sentiment_lr.json] [--cv 5]

Without --cv the shipped C (0.05) is used; --cv 5 re-selects it by cross-validation.

Data: NewsMTSC (Hamborg & Donnay, EACL 2021, MIT licence), in the project's common
gold format. Only records with ``split == "train"`` are used (~7.7k sentences, ~8.7k
targets, all from the `rw` subset). The `dev` split is never read for training or
model selection, and BASIL (no licence) is evaluation-only and never read here.

Method: the features are exactly those of ``framing.detectors.sentiment`` (VADER
valences scoped to the mention's clause and window, with negation and boosters;
position-tagged words around the mention; voice; the sentence as a bag of words),
read from ``mention_features``, the plain-dict definition; inference computes the same
weighted sum from per-role weight dicts (a unit test checks both agree). Features seen fewer than
``--min-count`` times are dropped; a multinomial logistic regression (scikit-learn,
lbfgs, class weights balanced for macro-F1) is fitted, with C chosen by stratified
k-fold cross-validation on the training split (macro-F1). The weights are exported as
plain JSON (rounded, zero rows dropped) so inference needs neither scikit-learn nor
numpy. Deterministic: fixed fold seed, deterministic solver, sorted output.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from framing.detectors.sentiment import MODEL_FILE, POLARITIES, mention_features  # noqa: E402
from framing.lexicon import load_lexicons  # noqa: E402
from framing.segment import content_view, segment  # noqa: E402

SEED = 13
C_GRID = (0.025, 0.05, 0.1, 0.2)


def load_training(path: Path):
    lex = load_lexicons()
    feats, labels = [], []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec.get("split") != "train":
                continue
            content = content_view(segment(rec["text"]), frozenset())
            for t in rec["targets"]:
                s, e = t["span"]
                feats.append(mention_features(content, lex, s, e))
                labels.append(t["polarity"])
    return feats, labels


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "eval" / "sentiment.newsmtsc.dev.jsonl"))
    ap.add_argument("--out", default=str(ROOT / "framing" / "models" / MODEL_FILE))
    ap.add_argument("--cv", type=int, default=0, help="folds for choosing C from C_GRID (default 0: use --C, picked that way earlier)")
    ap.add_argument("--C", type=float, default=0.05)
    ap.add_argument("--min-count", type=int, default=3)
    args = ap.parse_args(argv)

    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    feats, labels = load_training(Path(args.data))
    counts = Counter(k for f in feats for k in f)
    keep = {k for k, n in counts.items() if n >= args.min_count}
    feats = [{k: v for k, v in f.items() if k in keep} for f in feats]
    print(f"{len(labels)} training targets, {len(keep)} features (min count {args.min_count})", file=sys.stderr)
    print("labels:", dict(sorted(Counter(labels).items())), file=sys.stderr)

    vec = DictVectorizer(sort=True)
    X = vec.fit_transform(feats)
    y = [POLARITIES.index(lab) for lab in labels]

    def model(c: float) -> LogisticRegression:
        return LogisticRegression(C=c, max_iter=3000, class_weight="balanced", solver="lbfgs")

    best_c = args.C
    if args.cv:
        folds = StratifiedKFold(n_splits=args.cv, shuffle=True, random_state=SEED)
        best = -1.0
        for c in C_GRID:
            pred = cross_val_predict(model(c), X, y, cv=folds)
            f1 = f1_score(y, pred, average="macro")
            print(f"C={c}: cross-validated macro-F1 {f1:.4f}", file=sys.stderr)
            if f1 > best:
                best, best_c = f1, c
        print(f"chose C={best_c} (cv macro-F1 {best:.4f})", file=sys.stderr)

    clf = model(best_c).fit(X, y)
    names = vec.get_feature_names_out()
    weights = {}
    for j, name in enumerate(names):
        row = [round(float(clf.coef_[k][j]), 4) for k in range(3)]
        if any(row):
            weights[name] = row
    out = {
        "meta": {
            "trained_on": "NewsMTSC train split (MIT licence), rw subset",
            "targets": len(labels),
            "C": best_c,
            "min_count": args.min_count,
            "script": "scripts/train_sentiment.py",
        },
        "classes": list(POLARITIES),
        "bias": [round(float(b), 4) for b in clf.intercept_],
        "weights": dict(sorted(weights.items())),
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as fh:
        json.dump(out, fh, separators=(",", ":"), sort_keys=False)
        fh.write("\n")
    print(f"wrote {args.out}: {len(weights)} weighted features", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
