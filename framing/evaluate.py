"""Measure accuracy against human-labelled gold data (JSONL, one record per line).

Runs framing's own detector on each record's text and prints the metrics of the
task; with --predictions it also writes one JSON line per record with the record's
id and the prediction in the gold field names. Tasks and what they score:

  attribution  cue F1, source F1, Spearman of cues per 1,000 words across articles
  hedging      epistemic+doxastic cue F1 and uncertain-sentence F1, per part
  sentiment    macro-F1 (neg/neu/pos) and accuracy toward a mention, per subset and split
               ("all" leaves out split=train records: the shipped model was trained on them)
  basil        macro-F1 (neg/pos; a neutral prediction counts as wrong) toward a target
  boilerplate  F1 of content lines, of boilerplate lines, and their mean

Spans match when their character ranges overlap.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

from .cli import ExitStatus, UsageError
from .lexicon import Lexicons
from .model import ATTRIBUTION_CUE, ATTRIBUTION_SOURCE, BOILERPLATE, HEDGE
from .pipeline import resolve_lexicons
from .segment import content_view, segment

TASKS = ("attribution", "hedging", "sentiment", "basil", "boilerplate")
HEDGE_CLASSES = frozenset({"epistemic", "doxastic"})
HEDGE_NEUTRAL = frozenset({"condition", "investigation"})

EPILOG = """\
examples:
  framing eval ../shared/eval/attribution.polnear.dev.jsonl --task attribution
  framing eval ../shared/eval/sentiment.newsmtsc.dev.jsonl --predictions output/pred.jsonl
  framing eval FILE --json            metrics as one JSON object on stdout

The task is guessed from the file name when --task is left out.

exit status: 0 metrics printed, 2 usage error (no such file, unknown task, a gold
record that is not JSON, not UTF-8 or lacks 'id' and 'text').
"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", help="gold data, JSONL")
    p.add_argument("--task", choices=TASKS, help="which detector to evaluate (default: from the file name)")
    p.add_argument("--predictions", metavar="OUT", help="also write predictions, one JSON line per record")
    p.add_argument("--limit", type=_positive, default=None, metavar="N", help="evaluate only the first N records (default: all)")
    p.add_argument("--json", action="store_true", help="print the metrics as JSON instead of a table")
    p.add_argument("--lexicons", action="append", default=[], metavar="DIR", help="extra lexicon folder (repeatable)")


def _positive(value: str) -> int:
    from .score import jobs_count

    return jobs_count(value)


def run(args: argparse.Namespace) -> ExitStatus:
    path = Path(args.file)
    if path.is_dir():
        raise UsageError(f"{path}: is a folder; give a gold data file (.jsonl)")
    if not path.is_file():
        raise UsageError(f"{path}: no such file")
    task = args.task or guess_task(path)
    if args.predictions and Path(args.predictions).suffix.lower() not in ("", ".jsonl"):
        raise UsageError(f"--predictions {args.predictions}: predictions are JSONL; give a name ending in .jsonl")
    lex = resolve_lexicons(args.lexicons)
    records = list(read_gold(path, args.limit))
    if not records:
        raise UsageError(f"{path}: no records")
    predictions = predict_all(task, records, lex, progress=sys.stderr.isatty())
    if args.predictions:
        from .output import ResultWriter

        with ResultWriter(args.predictions if args.predictions.endswith(".jsonl") else args.predictions + ".jsonl") as w:
            for p in predictions:
                w.write(p)
    metrics = score(task, records, predictions)
    if args.json:
        print(json.dumps(metrics, indent=2, sort_keys=True))
    else:
        print(format_metrics(task, path.name, len(records), metrics))
    return ExitStatus.OK


def guess_task(path: Path) -> str:
    name = path.name.lower()
    for task, hints in (("attribution", ("attribution", "polnear")), ("hedging", ("hedg", "szeged")), ("basil", ("basil",)), ("sentiment", ("sentiment", "newsmtsc")), ("boilerplate", ("boilerplate", "aeb"))):
        if any(h in name for h in hints):
            return task
    raise UsageError(f"{path.name}: cannot tell the task from the file name; pass --task ({', '.join(TASKS)})")


def read_gold(path: Path, limit: int | None = None) -> Iterator[dict[str, Any]]:
    with open(path, "rb") as fh:
        n = 0
        for lineno, raw in enumerate(fh, 1):
            try:
                line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
            except UnicodeDecodeError:
                raise UsageError(f"{path}:{lineno}: not UTF-8 text") from None
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise UsageError(f"{path}:{lineno}: invalid JSON ({exc.msg})") from None
            if not isinstance(rec, dict):
                raise UsageError(f"{path}:{lineno}: a gold record is a JSON object, not {type(rec).__name__}")
            if "text" not in rec or "id" not in rec:
                raise UsageError(f"{path}:{lineno}: a gold record needs 'id' and 'text'")
            yield rec
            n += 1
            if limit is not None and n >= limit:
                return


# --- predictions -------------------------------------------------------------------


def predict_attribution(rec: Mapping[str, Any], lex: Lexicons) -> dict[str, Any]:
    from .detectors import attribution, boilerplate

    seg = segment(rec["text"])
    bp = boilerplate.detect(seg, lex, title=rec.get("title"))
    out = attribution.detect(content_view(seg, bp.lines), lex)
    return {
        "id": rec["id"],
        "attribution_cues": [[s.start, s.end, s.label] for s in out.spans if s.kind == ATTRIBUTION_CUE],
        "attribution_sources": [[s.start, s.end, s.label] for s in out.spans if s.kind == ATTRIBUTION_SOURCE],
    }


def predict_hedging(rec: Mapping[str, Any], lex: Lexicons) -> dict[str, Any]:
    from .detectors import hedging

    seg = segment(rec["text"])
    out = hedging.detect(content_view(seg, frozenset()), lex)
    return {"id": rec["id"], "hedge_cues": [[s.start, s.end, s.label] for s in out.spans if s.kind == HEDGE]}


def predict_boilerplate(rec: Mapping[str, Any], lex: Lexicons) -> dict[str, Any]:
    from .detectors import boilerplate

    seg = segment(rec["text"])
    out = boilerplate.detect(seg, lex, title=rec.get("title"))
    return {"id": rec["id"], "boilerplate_lines": [[s.start, s.end, s.label] for s in out.spans if s.kind == BOILERPLATE]}


def predict_sentiment(rec: Mapping[str, Any], lex: Lexicons) -> dict[str, Any]:
    from .detectors import sentiment

    seg = segment(rec["text"])
    content = content_view(seg, frozenset())
    targets = []
    for t in rec.get("targets", []):
        s, e = t["span"]
        polarity = sentiment.polarity_toward(content, lex, s, e)
        targets.append({"span": [s, e], "polarity": polarity})
    return {"id": rec["id"], "targets": targets}


def predict_basil(rec: Mapping[str, Any], lex: Lexicons) -> dict[str, Any]:
    """BASIL: the gold span and the target's name are the input (the README's contract)."""
    from .detectors import attribution, sentiment

    content = content_view(segment(rec["text"]), frozenset())
    attributions = attribution.detect(content, lex).attributions
    targets = []
    for t in rec.get("targets", []):
        s, e = t["span"]
        tone = sentiment.tone_toward(content, lex, s, e, t.get("target") or "", attributions)
        targets.append({"span": [s, e], "polarity": basil_polarity(tone)})
    return {"id": rec["id"], "targets": targets}


def basil_polarity(tone) -> str:
    """BASIL has two classes and its spans were picked out as slanted: a neutral reading counts
    as criticism, as the phrase rule decides. Deciding by the model's own lean (the score's
    sign) instead was measured and lost on both halves (docs/sentiment.md, "Third pass")."""
    return "neg" if tone.polarity == "neu" else tone.polarity


_PRONOUN_STARTS = frozenset("he she they it his her i we the a this that their its him them".split())


def _actor_spans(text: str, lex: Lexicons) -> list[tuple[int, int]]:
    from .detectors import actors, attribution

    content = content_view(segment(text), frozenset())
    out = actors.detect(content, lex, attribution.detect(content, lex).attributions)
    return [(s.start, s.end) for s in out.spans if s.kind == "actor"]


def actor_coverage(task: str, records: Iterable[Mapping[str, Any]], lex: Lexicons) -> dict[str, Any]:
    """How many gold targets overlap an actor span: recall of actor detection.

    basil: every verbatim occurrence of an article's main entities; sentiment (NewsMTSC):
    targets written as names (capitalised, not a pronoun or article), both splits, since
    actor detection learned nothing from them.
    """
    if task not in ("basil", "sentiment"):
        raise ValueError(f"actor coverage is measured on basil or sentiment records, not {task}")
    found = total = 0
    for rec in records:
        text = rec["text"]
        if task == "basil":
            wanted = []
            for ent in rec.get("main_entities") or []:
                i = text.find(ent)
                while i >= 0:
                    wanted.append((i, i + len(ent)))
                    i = text.find(ent, i + 1)
        else:
            wanted = [tuple(t["span"]) for t in rec.get("targets", []) if t["mention"][:1].isupper() and t["mention"].split()[0].lower() not in _PRONOUN_STARTS]
        if not wanted:
            continue
        spans = _actor_spans(text, lex)
        total += len(wanted)
        found += sum(any(_overlap(span, w) for span in spans) for w in wanted)
    return {"found": found, "total": total, "recall": found / total if total else 0.0}


PREDICTORS: dict[str, Callable[[Mapping[str, Any], Lexicons], dict[str, Any]]] = {
    "attribution": predict_attribution,
    "hedging": predict_hedging,
    "boilerplate": predict_boilerplate,
    "sentiment": predict_sentiment,
    "basil": predict_basil,
}


def predict_all(task: str, records: Sequence[Mapping[str, Any]], lex: Lexicons, progress: bool = False) -> list[dict[str, Any]]:
    predict = PREDICTORS[task]
    items: Iterable[Mapping[str, Any]] = records
    if progress:
        from tqdm import tqdm

        items = tqdm(records, desc=f"eval {task}", unit="rec", file=sys.stderr)
    return [predict(r, lex) for r in items]


# --- metrics -----------------------------------------------------------------------


@dataclass
class SpanCounts:
    pred: int = 0
    pred_hit: int = 0
    gold: int = 0
    gold_hit: int = 0

    def add(self, pred: Sequence[Sequence[int]], gold: Sequence[Sequence[int]], ignore: Sequence[Sequence[int]] = ()) -> None:
        for p in pred:
            if any(_overlap(p, g) for g in gold):
                self.pred += 1
                self.pred_hit += 1
            elif not any(_overlap(p, g) for g in ignore):
                self.pred += 1
        self.gold += len(gold)
        self.gold_hit += sum(1 for g in gold if any(_overlap(p, g) for p in pred))

    def prf(self) -> dict[str, float]:
        p = self.pred_hit / self.pred if self.pred else 0.0
        r = self.gold_hit / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": p, "recall": r, "f1": f, "predicted": self.pred, "gold": self.gold}


def _overlap(a: Sequence[int], b: Sequence[int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def f1_binary(pairs: Iterable[tuple[bool, bool]]) -> dict[str, float]:
    tp = fp = fn = 0
    for pred, gold in pairs:
        tp += pred and gold
        fp += pred and not gold
        fn += gold and not pred
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def macro_f1(pairs: Sequence[tuple[str, str]], classes: Sequence[str]) -> dict[str, float]:
    out: dict[str, float] = {}
    f1s = []
    for c in classes:
        m = f1_binary((p == c, g == c) for p, g in pairs)
        out[f"f1_{c}"] = m["f1"]
        f1s.append(m["f1"])
    out["macro_f1"] = sum(f1s) / len(f1s)
    out["accuracy"] = sum(p == g for p, g in pairs) / len(pairs) if pairs else 0.0
    out["n"] = len(pairs)
    return out


def spearman(xs: Sequence[float], ys: Sequence[float]) -> float:
    def ranks(v: Sequence[float]) -> list[float]:
        order = sorted(range(len(v)), key=lambda i: v[i])
        r = [0.0] * len(v)
        i = 0
        while i < len(order):
            j = i
            while j + 1 < len(order) and v[order[j + 1]] == v[order[i]]:
                j += 1
            for k in range(i, j + 1):
                r[order[k]] = (i + j) / 2 + 1
            i = j + 1
        return r

    if len(xs) < 2:
        return 0.0
    rx, ry = ranks(xs), ranks(ys)
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry))
    vx = sum((a - mx) ** 2 for a in rx) ** 0.5
    vy = sum((b - my) ** 2 for b in ry) ** 0.5
    return cov / (vx * vy) if vx and vy else 0.0


def score(task: str, records: Sequence[Mapping[str, Any]], predictions: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    by_id = {p["id"]: p for p in predictions}
    return SCORERS[task](records, by_id)


def _score_attribution(records, by_id) -> dict[str, Any]:
    cues, sources = SpanCounts(), SpanCounts()
    gold_density, pred_density = [], []
    for rec in records:
        pred = by_id[rec["id"]]
        cues.add(pred["attribution_cues"], rec.get("attribution_cues", []))
        sources.add(pred["attribution_sources"], rec.get("attribution_sources", []))
        words = max(1, len(rec["text"].split()))
        gold_density.append(1000 * len(rec.get("attribution_cues", [])) / words)
        pred_density.append(1000 * len(pred["attribution_cues"]) / words)
    return {"cues": cues.prf(), "sources": sources.prf(), "density_spearman": spearman(pred_density, gold_density), "articles": len(records)}


def _score_hedging(records, by_id) -> dict[str, Any]:
    parts: dict[str, tuple[SpanCounts, list]] = defaultdict(lambda: (SpanCounts(), []))
    for rec in records:
        pred = by_id[rec["id"]]["hedge_cues"]
        gold = [c for c in rec.get("hedge_cues", []) if c[2] in HEDGE_CLASSES]
        ignore = [c for c in rec.get("hedge_cues", []) if c[2] in HEDGE_NEUTRAL]
        # A prediction overlapping only a condition/investigation cue counts neither way.
        counted_pred = [p for p in pred if any(_overlap(p, g) for g in gold) or not any(_overlap(p, g) for g in ignore)]
        for part in (rec.get("part", "all"), "all"):
            counts, sentences = parts[part]
            counts.add(pred, gold, ignore)
            sentences.append((bool(counted_pred), bool(gold)))
    return {part: {"cues": c.prf(), "uncertain_sentences": f1_binary(s), "sentences": len(s)} for part, (c, s) in sorted(parts.items())}


def _score_sentiment(records, by_id, classes=("neg", "neu", "pos"), group_keys=("subset", "split")) -> dict[str, Any]:
    groups: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for rec in records:
        pred = by_id[rec["id"]]["targets"]
        label = "/".join(str(rec.get(k)) for k in group_keys if rec.get(k) is not None) or "all"
        # Training-split records taught the shipped model: report them apart, never in "all".
        names = (label,) if rec.get("split") == "train" else (label, "all")
        for gold, p in zip(rec.get("targets", []), pred):
            for g in names:
                groups[g].append((p["polarity"], gold["polarity"]))
    return {g: macro_f1(pairs, classes) for g, pairs in sorted(groups.items())}


def _score_basil(records, by_id) -> dict[str, Any]:
    return _score_sentiment(records, by_id, classes=("neg", "pos"), group_keys=("source",))


def _score_boilerplate(records, by_id) -> dict[str, Any]:
    pairs_content, pairs_bp = [], []
    for rec in records:
        pred = by_id[rec["id"]]["boilerplate_lines"]
        for label, lines in (("content", rec.get("content_lines", [])), ("boilerplate", rec.get("boilerplate_lines", []))):
            for s, e, *_ in lines:
                covered = sum(max(0, min(e, pe) - max(s, ps)) for ps, pe, *_ in pred)
                is_bp = covered * 2 >= (e - s) and e > s
                pairs_content.append((not is_bp, label == "content"))
                pairs_bp.append((is_bp, label == "boilerplate"))
    content = f1_binary(pairs_content)
    bp = f1_binary(pairs_bp)
    return {"content": content, "boilerplate": bp, "mean_f1": (content["f1"] + bp["f1"]) / 2, "lines": len(pairs_content)}


SCORERS = {
    "attribution": _score_attribution,
    "hedging": _score_hedging,
    "sentiment": _score_sentiment,
    "basil": _score_basil,
    "boilerplate": _score_boilerplate,
}


def format_metrics(task: str, name: str, n: int, metrics: Mapping[str, Any]) -> str:
    lines = [f"{name}: {n} records, task {task}"]

    def walk(prefix: str, value: Any) -> None:
        if isinstance(value, Mapping):
            for k, v in value.items():
                walk(f"{prefix}.{k}" if prefix else k, v)
        elif isinstance(value, float):
            lines.append(f"  {prefix:<44} {value:.3f}")
        else:
            lines.append(f"  {prefix:<44} {value}")

    walk("", metrics)
    return "\n".join(lines)
