"""Measure every detector on the human-labelled dev data and write framing/models/accuracy.json.

How to run (from the repository root)::

    .venv/bin/python scripts/measure_accuracy.py [--eval-dir ../shared/eval] [--out framing/models/accuracy.json]
                                                 [--no-cv]

It runs the same prediction and scoring as ``framing eval`` (``framing.evaluate``) on
each ``*.dev.jsonl`` file found, and writes numbers only: data set names, counts and
precision/recall/F1 rounded to 3 decimals; never text from the data. The report reads the
file to say, per measure, how often framing agrees with the people who labelled the data;
the accuracy tests in tests/detectors/ check the file still holds the measured values.
Only the parts the report quotes are predicted: the news (factbank) part of the hedging
data and the dev split of NewsMTSC (its train split taught the shipped model). The
boilerplate cross-validation (--no-cv skips it) refits the model per fold with
scripts/train_boilerplate.py, since the shipped model was trained on the same pages.
Output is deterministic: sorted keys, no dates. A progress line per file goes to stderr.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from pathlib import Path
from typing import Any, Callable, Mapping

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing import evaluate  # noqa: E402
from framing.lexicon import load_lexicons  # noqa: E402

DEFAULT_OUT = ROOT / "framing" / "models" / "accuracy.json"
DEFAULT_EVAL = ROOT.parent / "shared" / "eval"
VERSION = 1


def _r(x: float) -> float:
    return round(float(x), 3)


def _prf(m: Mapping[str, Any]) -> dict[str, Any]:
    """Precision/recall/F1 rounded; counts kept as they are."""
    out = {k: _r(m[k]) for k in ("precision", "recall", "f1")}
    for k in ("predicted", "gold"):
        if k in m:
            out[k] = int(m[k])
    return out


def _classes(m: Mapping[str, Any]) -> dict[str, Any]:
    return {k: (int(v) if k == "n" else _r(v)) for k, v in m.items()}


def _attribution(records, lex) -> dict[str, Any]:
    m = evaluate.score("attribution", records, evaluate.predict_all("attribution", records, lex))
    return {
        "dataset": "PolNeAR",
        "about": "US political news articles labelled by trained annotators",
        "articles": m["articles"],
        "cues": _prf(m["cues"]),
        "sources": _prf(m["sources"]),
        "density_spearman": _r(m["density_spearman"]),
    }


def _hedging(records, lex) -> dict[str, Any]:
    news = [r for r in records if r.get("part") == "factbank"]
    m = evaluate.score("hedging", news, evaluate.predict_all("hedging", news, lex))["factbank"]
    return {
        "dataset": "Szeged Uncertainty Corpus, FactBank news part",
        "about": "news sentences labelled by trained annotators",
        "sentences": m["sentences"],
        "cues": _prf(m["cues"]),
        "uncertain_sentences": _prf(m["uncertain_sentences"]),
    }


def _sentiment(records, lex) -> dict[str, Any]:
    dev = [r for r in records if r.get("split") == "dev"]
    m = evaluate.score("sentiment", dev, evaluate.predict_all("sentiment", dev, lex))
    out: dict[str, Any] = {
        "dataset": "NewsMTSC, dev split",
        "about": "news sentences labelled by several crowd workers each",
        "sentences": len(dev),
    }
    for subset in ("rw", "mt"):
        if f"{subset}/dev" in m:
            out[subset] = _classes(m[f"{subset}/dev"])
    return out


def _basil(records, lex) -> dict[str, Any]:
    m = evaluate.score("basil", records, evaluate.predict_all("basil", records, lex))
    return {
        "dataset": "BASIL",
        "about": "news articles on the same events from three US outlets, labelled by trained annotators",
        "articles": len(records),
        "all": _classes(m["all"]),
    }


def _actors(task: str, records, lex) -> dict[str, Any]:
    m = evaluate.actor_coverage(task, records, lex)
    out = {"found": m["found"], "total": m["total"], "recall": _r(m["recall"])}
    if task == "basil":
        out.update(dataset="BASIL", about="news articles on the same events from three US outlets", articles=len(records))
    else:
        out.update(dataset="NewsMTSC", about="single news sentences")  # both splits: actors learned nothing from either
    return out


def _boilerplate_cv(path: Path, lex) -> dict[str, Any]:
    spec = importlib.util.spec_from_file_location("train_boilerplate", ROOT / "scripts" / "train_boilerplate.py")
    train = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(train)
    settings = json.loads((ROOT / "framing" / "models" / "boilerplate.json").read_text(encoding="utf-8"))
    docs = train.load(str(path), lex)
    folds = train.make_folds(len(docs), 5)
    preds = train.cross_validate(docs, folds, settings["C"], settings["content_weight"], settings["switch_cost"], lex)
    m = train.score(docs, preds)
    return {"folds": 5, "content": _prf(m["content"]), "boilerplate": _prf(m["boilerplate"])}


def _boilerplate(records, lex) -> dict[str, Any]:
    m = evaluate.score("boilerplate", records, evaluate.predict_all("boilerplate", records, lex))
    return {
        "dataset": "Zyte article-extraction-benchmark",
        "about": "web pages where people marked the article body",
        "pages": len(records),
        "lines": m["lines"],
        "content": _prf(m["content"]),
        "boilerplate": _prf(m["boilerplate"]),
        "mean_f1": _r(m["mean_f1"]),
    }


# signal name in accuracy.json -> (dev file, measure)
FILES: dict[str, tuple[str, Callable[[list, Any], dict[str, Any]]]] = {
    "attribution": ("attribution.polnear.dev.jsonl", _attribution),
    "hedging": ("hedging.szeged.dev.jsonl", _hedging),
    "sentiment": ("sentiment.newsmtsc.dev.jsonl", _sentiment),
    "basil": ("sentiment.basil.dev.jsonl", _basil),
    "boilerplate": ("boilerplate.aeb.dev.jsonl", _boilerplate),
}


def measure(eval_dir: Path, cv: bool = True, log=sys.stderr) -> dict[str, Any]:
    """Metrics per signal for every dev file present in ``eval_dir``."""
    lex = load_lexicons()
    out: dict[str, Any] = {"version": VERSION}
    for name, (fname, fn) in FILES.items():
        path = eval_dir / fname
        if not path.is_file():
            print(f"{fname}: not present, skipped", file=log)
            continue
        t0 = time.perf_counter()
        records = list(evaluate.read_gold(path))
        out[name] = fn(records, lex)
        if name in ("sentiment", "basil"):  # actor recall: are the labelled targets found as actors at all?
            out.setdefault("actors", {})["newsmtsc" if name == "sentiment" else name] = _actors(name, records, lex)
        if name == "boilerplate" and cv:
            out[name]["cv"] = _boilerplate_cv(path, lex)
        print(f"{fname}: {len(records)} records, {time.perf_counter() - t0:.1f} s", file=log)
    return out


def dumps(data: Mapping[str, Any]) -> str:
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL, help="folder with the *.dev.jsonl gold files")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write (default: framing/models/accuracy.json)")
    ap.add_argument("--no-cv", action="store_true", help="skip the boilerplate cross-validation")
    args = ap.parse_args(argv)
    if not args.eval_dir.is_dir():
        print(f"{args.eval_dir}: no such folder", file=sys.stderr)
        return 2
    data = measure(args.eval_dir, cv=not args.no_cv)
    if len(data) == 1:
        print(f"{args.eval_dir}: no dev file found", file=sys.stderr)
        return 2
    args.out.write_text(dumps(data), encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
