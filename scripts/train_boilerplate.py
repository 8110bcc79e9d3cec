"""Train the boilerplate line model on the AEB development data (MIT licence).

    .venv/bin/python scripts/train_boilerplate.py ../shared/eval/boilerplate.aeb.dev.jsonl

Fits a logistic regression over ``framing.detectors.boilerplate.FEATURES`` (content = 1),
picks the smoothing switch cost, and reports honest numbers: 5-fold cross-validation
grouped by page, each fold scored end to end by the full detector (model + smoothing +
furniture rules) with the metric of ``framing eval``. The final model, fitted on every
page, is written to framing/models/boilerplate.json (needs scikit-learn, the ``train`` extra).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from framing.detectors import boilerplate as bp
from framing.evaluate import _score_boilerplate
from framing.lexicon import load_lexicons
from framing.segment import segment

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "framing" / "models" / "boilerplate.json"


def load(path: str, lex):
    docs = []
    for line in open(path, encoding="utf-8"):
        if not line.strip():
            continue
        rec = json.loads(line)
        seg = segment(rec["text"])
        infos = bp.line_infos(seg, lex)
        rows = bp.features(infos, seg.text)
        gold = {}
        for s, e, *_ in rec.get("content_lines", []):
            gold[s] = 1
        for s, e, *_ in rec.get("boilerplate_lines", []):
            gold[s] = 0
        labels = []
        for li in infos:
            s = seg.lines[li.index][0]
            labels.append(gold.get(s, gold.get(li.start, 0)))
        docs.append({"rec": rec, "seg": seg, "infos": infos, "rows": rows, "labels": labels})
    return docs


def fit(docs, c: float, weight: float) -> tuple[list[float], float, list[float], list[float]]:
    xs = np.array([r for d in docs for r in d["rows"]], dtype=float)
    ys = np.array([y for d in docs for y in d["labels"]])
    mean = xs.mean(axis=0)
    scale = np.maximum(xs.std(axis=0), 1e-6)
    clf = LogisticRegression(C=c, class_weight={0: 1.0, 1: weight}, max_iter=2000)
    clf.fit((xs - mean) / scale, ys)
    return [float(w) for w in clf.coef_[0]], float(clf.intercept_[0]), [float(m) for m in mean], [float(v) for v in scale]


def fit_model(docs, c: float, w: float, s: float) -> "bp.Model":
    weights, bias, mean, scale = fit(docs, c, w)
    return bp.Model(tuple(weights), bias, s, tuple(mean), tuple(scale))


def predict(docs, model, lex) -> list[dict]:
    preds = []
    for d in docs:
        out = bp.detect(d["seg"], lex, title=d["rec"].get("title"), model=model)
        preds.append({"id": d["rec"]["id"], "boilerplate_lines": [[s.start, s.end, s.label] for s in out.spans]})
    return preds


def score(docs, preds) -> dict:
    return _score_boilerplate([d["rec"] for d in docs], {p["id"]: p for p in preds})


def cross_validate(docs, folds, c, w, s, lex) -> list[dict]:
    """Out-of-fold predictions for every page (each fold's model never saw it)."""
    preds = []
    for f in folds:
        held = set(f)
        train = [d for i, d in enumerate(docs) if i not in held]
        model = fit_model(train, c, w, s)
        preds.extend(predict([docs[i] for i in f], model, lex))
    return preds


def objective(m: dict) -> float:
    """What the grid maximizes: content F1, with a quarter of the boilerplate F1."""
    return m["content"]["f1"] + 0.25 * m["boilerplate"]["f1"]


# The grid's objective is the mean over these fold splits of the pages: on one split,
# settings tie or swap places with the split (switch cost 2 and 3 tied on seed 13, 3 was
# ahead on seeds 14 and 15), so one split picked the model on noise.
SEEDS = (13, 14, 15)
# Settings whose objective differs by less than this are a tie: on 87 pages, changing
# only the fold seed moves one split's content F1 by about 0.007; the mean of three
# splits moves less (0.002 was the tie for one split).
TIE = 0.001


def pick(grid: list[tuple], value) -> tuple:
    """The first setting of ``grid`` (ordered simplest first: smaller C, weight and switch
    cost) within ``TIE`` of the best objective, so that noise does not pick the model."""
    scores = {g: value(g) for g in grid}
    top = max(scores.values())
    return next(g for g in grid if scores[g] >= top - TIE)


def nested_cross_validate(docs, folds, grid, lex, inner_k: int = 4) -> tuple[list[dict], list[tuple]]:
    """Out-of-fold predictions whose settings are chosen by an inner cross-validation on
    the training pages of each fold only (the held-out fold never picks its settings)."""
    preds, chosen = [], []
    for f in folds:
        held = set(f)
        train = [d for i, d in enumerate(docs) if i not in held]
        inner = make_folds(len(train), inner_k)
        best = pick(grid, lambda g: objective(score(train, cross_validate(train, inner, *g, lex))))
        chosen.append(best)
        preds.extend(predict([docs[i] for i in f], fit_model(train, *best), lex))
    return preds, chosen


def cross_validate_seeds(docs, k, c, w, s, lex, seeds=SEEDS) -> list[dict]:
    """:func:`score` of out-of-fold predictions on each of ``seeds``' fold splits."""
    return [score(docs, cross_validate(docs, make_folds(len(docs), k, seed), c, w, s, lex)) for seed in seeds]


def mean_metrics(ms: list[dict]) -> dict:
    return {key: {"f1": sum(m[key]["f1"] for m in ms) / len(ms)} for key in ("content", "boilerplate")}


def make_folds(n: int, k: int, seed: int = 13) -> list[list[int]]:
    order = list(range(n))
    random.Random(seed).shuffle(order)
    return [order[i::k] for i in range(k)]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", help="boilerplate.aeb.dev.jsonl")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=13, help="how pages fall into the outer folds (13 is the shipped split; compare changes on several)")
    ap.add_argument("--no-write", action="store_true", help="report cross-validation only")
    ap.add_argument("--nested", action="store_true", help="only report nested cross-validation: each fold's settings chosen by an inner 4-fold CV on its training pages (slow)")
    args = ap.parse_args(argv)
    lex = load_lexicons()
    docs = load(args.gold, lex)
    folds = make_folds(len(docs), args.folds, args.seed)
    grid = [(c, w, s) for c in (0.3, 1.0) for w in (3.0, 4.0) for s in (2.0, 3.0)]
    if args.nested:
        preds, chosen = nested_cross_validate(docs, folds, grid, lex)
        m = score(docs, preds)
        print(f"nested CV: content F1 {m['content']['f1']:.4f}  boilerplate F1 {m['boilerplate']['f1']:.4f}  settings per fold (C, weight, switch): {chosen}")
        return 0
    results, per_seed = {}, {}
    for c, w, s in grid:
        ms = cross_validate_seeds(docs, args.folds, c, w, s, lex)
        m = mean_metrics(ms)
        content, boiler = m["content"]["f1"], m["boilerplate"]["f1"]
        results[(c, w, s)] = (content, boiler)
        per_seed[(c, w, s)] = [x["content"]["f1"] for x in ms]
        seeds = " ".join(f"{x:.4f}" for x in per_seed[(c, w, s)])
        print(f"C={c} weight={w} switch={s}: CV content F1 {content:.4f} (seeds {SEEDS}: {seeds})  boilerplate F1 {boiler:.4f}", file=sys.stderr)
    best = pick(grid, lambda k: objective({"content": {"f1": results[k][0]}, "boilerplate": {"f1": results[k][1]}}))
    c, w, s = best
    print(f"best C={c} weight={w} switch={s}: CV content F1 {results[best][0]:.4f} (mean of fold seeds {SEEDS}) boilerplate F1 {results[best][1]:.4f}")
    model = fit_model(docs, c, w, s)
    full = score(docs, predict(docs, model, lex))
    print(f"fitted on all pages: content F1 {full['content']['f1']:.3f} boilerplate F1 {full['boilerplate']['f1']:.3f}")
    if not args.no_write:
        payload = {
            "about": "Boilerplate line model: logistic regression over standardized features (content = 1); trained by scripts/train_boilerplate.py on the Zyte article-extraction-benchmark development pages (MIT).",
            "cv_seeds": list(SEEDS),
            "cv_content_f1": round(results[best][0], 4),
            "cv_content_f1_per_seed": [round(x, 4) for x in per_seed[best]],
            "cv_boilerplate_f1": round(results[best][1], 4),
            "C": c,
            "content_weight": w,
            "features": list(bp.FEATURES),
            "weights": [round(x, 6) for x in model.weights],
            "bias": round(model.bias, 6),
            "switch_cost": s,
            "mean": [round(x, 6) for x in model.mean],
            "scale": [round(x, 6) for x in model.scale],
        }
        OUT.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
