"""Measure scoring speed and peak memory, beside VADER alone on the same sentences.

Builds N unique articles from the bundled examples (paragraphs shuffled with a fixed
seed, plus a serial number in each), then runs, each in a fresh process:

* VADER alone: ``polarity_scores`` once on every sentence of every article (sentences
  from framing's own segmentation, split beforehand and not timed): the yardstick;
* a plain pandas + textstat + VADER + regex script on the same articles (the
  afternoon-script yardstick; ``--skip-naive`` leaves it out);
* ``framing score`` with one worker (in-process), and with all workers.

Reports articles per second, the peak resident memory of the largest process of each
run, the ratio of framing's one-worker time to VADER's, and the speed-up of all
workers over one.

Both sides are timed the same way. The main reading ("steady") excludes each side's
set-up: VADER's import and analyzer construction; framing's imports, lexicon loading and
the lazily built tables, built by scoring two small warm-up articles before the clock
starts. The second reading ("with set-up") adds to each side the CPU time of its process
up to that point: interpreter start, imports and construction. A third ratio divides the
CPU times of the two timed parts (steadier than wall time on a busy machine). The VADER
process imports only VADER (its sentences are split by the parent), so framing's imports
are not charged to it.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .cli import ExitStatus, UsageError

EPILOG = """\
examples:
  framing bench                  2000 articles: VADER alone, one worker, all workers
  framing bench 20000 --json     machine-readable numbers
  framing bench 500 --jobs 2 --keep output/bench   keep the corpus for profiling:
      framing score output/bench/corpus.jsonl -o output/bench/out.jsonl --jobs 1 --no-cache

Run it on an otherwise idle machine: other processes competing for the cores make the
all-workers number (and its speed-up over one worker) look worse than it is.

exit status 3 (with a warning) when some articles ended in error: a failing article is
fast, so the timings would not be meaningful.
"""

SEED = 20240611
ROOT = Path(__file__).resolve().parent.parent

# Used only when the bundled examples are missing (e.g. an installed wheel). Our own text.
FALLBACK = [
    (
        "fallback-wire",
        "Council approves new river crossing after long debate\n\n"
        "The city council voted 7-2 on Tuesday to approve a new bridge across the Marl River, "
        "ending a dispute that had stalled the project for three years.\n\n"
        '"This crossing will cut the commute for thousands of families," said Mayor Ana Ruiz, '
        "who had campaigned for the plan.\n\n"
        "Opponents said the cost, estimated at $48 million, could strain the budget. "
        "Council member Tom Hale, who voted against it, said the city should have waited for a state grant.\n\n"
        "Construction is expected to begin next spring, according to the transport department. "
        "Officials said the old ferry would keep running until the bridge opens.",
    ),
    (
        "fallback-daily",
        "Flood warnings may stay in place as rain returns\n\n"
        "Forecasters said heavy rain could return to the valley this weekend, and flood warnings "
        "might remain in place for several more days.\n\n"
        "It appears that the river has not yet crested, according to a hydrologist who spoke on "
        "condition of anonymity because she was not authorized to talk to reporters.\n\n"
        "Residents in low-lying streets were reportedly told to move cars to higher ground. "
        "Emergency crews are believed to have filled some 20,000 sandbags since Monday.\n\n"
        "Share this:\n\nBy Lee Park, Staff Writer\n\nCopyright 2024 The Valley Daily. All rights reserved.",
    ),
]


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("n", nargs="?", type=int, default=2000, metavar="N", help="number of articles (default: %(default)s)")
    p.add_argument("-j", "--jobs", type=int, default=None, metavar="N", help="workers for the all-workers run (default: all cores)")
    p.add_argument("--json", action="store_true", help="print the numbers as one JSON object")
    p.add_argument("--keep", metavar="DIR", help="write the corpus (and outputs) here and keep them")
    p.add_argument("--skip-all", action="store_true", help="leave out the all-workers run")
    p.add_argument("--skip-naive", action="store_true", help="leave out the plain pandas + textstat + VADER + regex script")


def run(args: argparse.Namespace) -> ExitStatus:
    from .score import default_jobs

    if args.n < 1:
        raise UsageError("N must be 1 or more")
    jobs = args.jobs or default_jobs()
    with tempfile.TemporaryDirectory(prefix="framing-bench-") as tmp:
        work = Path(args.keep) if args.keep else Path(tmp)
        try:
            work.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UsageError(f"{work}: cannot write here ({exc.strerror or exc})") from None
        corpus = work / "corpus.jsonl"
        split = work / "sentences.jsonl"
        sentences = write_corpus(corpus, args.n, split)
        results = {"articles": args.n, "sentences": sentences, "jobs": jobs, "load_before": os.getloadavg()[0]}
        results["vader"] = _measure(["vader", str(split)])
        if not args.skip_naive:
            results["naive_script"] = _measure(["naive", str(corpus)])
        results["one_worker"] = _measure(["score", str(corpus), str(work / "out-1.jsonl"), "1"])
        if not args.skip_all:
            results["all_workers"] = _measure(["score", str(corpus), str(work / f"out-{jobs}.jsonl"), str(jobs)])
        results["load_after"] = os.getloadavg()[0]
    v, one = results["vader"]["seconds"], results["one_worker"]["seconds"]
    results["ratio_one_worker_to_vader"] = round(one / v, 3) if v else None
    # The same ratio with each side's set-up (start, imports, construction) added.
    v_all, one_all = v + results["vader"]["setup_cpu_seconds"], one + results["one_worker"]["setup_cpu_seconds"]
    results["ratio_one_worker_to_vader_with_setup"] = round(one_all / v_all, 3) if v_all else None
    # The same ratio by the CPU time of the timed parts: steadier than wall time when other
    # processes compete for the cores (one worker runs in one process, VADER too).
    v_cpu, one_cpu = results["vader"]["timed_cpu_seconds"], results["one_worker"]["timed_cpu_seconds"]
    results["ratio_one_worker_to_vader_cpu"] = round(one_cpu / v_cpu, 3) if v_cpu else None
    if "naive_script" in results and results["naive_script"]["seconds"]:
        results["ratio_one_worker_to_naive"] = round(one / results["naive_script"]["seconds"], 3)
    if "all_workers" in results:
        results["speedup_all_workers"] = round(one / results["all_workers"]["seconds"], 3)
    failed = max(results[k].get("errors", 0) for k in ("one_worker", "all_workers") if k in results)
    if failed:
        # An article that fails is fast: the timings would flatter a broken pipeline.
        print(f"framing bench: warning: {failed} of {args.n} articles were not scored (status error); the timings are not meaningful", file=sys.stderr)
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        print(_table(results))
    return ExitStatus.INPUT if failed else ExitStatus.OK


def _table(r: dict) -> str:
    lines = [f"{r['articles']} articles, {r['sentences']} sentences; load average {r['load_before']:.2f} before, {r['load_after']:.2f} after"]
    lines.append(f"{'run':<22}{'seconds':>9}{'articles/s':>12}{'peak MB':>9}{'CPU s':>9}{'set-up s':>10}")
    rows = [("VADER alone", r["vader"])]
    if "naive_script" in r:
        rows.append(("plain script", r["naive_script"]))
    rows.append(("framing, 1 worker", r["one_worker"]))
    if "all_workers" in r:
        rows.append((f"framing, {r['jobs']} workers", r["all_workers"]))
    for name, m in rows:
        lines.append(f"{name:<22}{m['seconds']:>9.2f}{m['articles_per_second']:>12.1f}{m['peak_rss_mb']:>9.0f}{m['cpu_seconds']:>9.1f}{m['setup_cpu_seconds']:>10.2f}")
    lines.append("seconds: scoring only, each side's set-up excluded; set-up s: CPU of start-up, imports and construction")
    lines.append(f"1 worker / VADER alone: {r['ratio_one_worker_to_vader']:.2f}x (target <= 1.5x); with set-up: {r['ratio_one_worker_to_vader_with_setup']:.2f}x")
    lines.append(f"1 worker / VADER alone by CPU time of the timed parts: {r['ratio_one_worker_to_vader_cpu']:.2f}x (steadier on a busy machine)")
    if "ratio_one_worker_to_naive" in r:
        lines.append(f"1 worker / plain script: {r['ratio_one_worker_to_naive']:.2f}x (below 1 = framing is faster)")
    if "speedup_all_workers" in r:
        lines.append(f"{r['jobs']} workers vs 1: {r['speedup_all_workers']:.2f}x faster (target >= 1.8x on 2 idle cores)")
    return "\n".join(lines)


def base_articles() -> list[tuple[str, str]]:
    """(source, text) of the bundled example articles, or our fallback paragraphs."""
    folder = ROOT / "examples" / "articles"
    out = []
    if folder.is_dir():
        for f in sorted(folder.rglob("*.txt")):
            text = f.read_text(encoding="utf-8")
            if text.strip():
                out.append((f.parent.name, text))
    return out or list(FALLBACK)


def make_articles(n: int, seed: int = SEED):
    """Yield ``n`` unique (id, source, text): paragraphs shuffled, a serial number added."""
    bases = base_articles()
    rng = random.Random(seed)
    for i in range(n):
        source, text = bases[i % len(bases)]
        paras = [p for p in text.split("\n\n") if p.strip()]
        head, body = paras[:1], paras[1:]
        rng.shuffle(body)
        body.insert(rng.randrange(len(body) + 1), f"The figure was revised to {i + 1000} on review.")
        yield f"bench-{i:06d}", source, "\n\n".join(head + body) + "\n"


def write_corpus(path: Path, n: int, sentences_path: Path | None = None) -> int:
    """Write ``n`` articles as JSONL; returns the number of sentences (framing's segmentation).

    ``sentences_path``: also write each article's sentences, one JSON list a line (VADER's input).
    """
    from contextlib import ExitStack

    from .segment import segment

    sentences = 0
    with ExitStack() as stack:
        fh = stack.enter_context(open(path, "w", encoding="utf-8"))
        split = stack.enter_context(open(sentences_path, "w", encoding="utf-8")) if sentences_path else None
        for doc_id, source, text in make_articles(n):
            fh.write(json.dumps({"id": doc_id, "source": source, "text": text}, ensure_ascii=False) + "\n")
            seg = segment(text)
            sentences += len(seg.sentences)
            if split is not None:
                split.write(json.dumps([text[s:e] for s, e in seg.sentences], ensure_ascii=False) + "\n")
    return sentences


def _measure(phase: list[str]) -> dict:
    """Run one phase in a fresh process; its own timing plus the peak RSS of its largest process."""
    if phase[0] == "vader":  # a process that imports VADER alone, not framing
        cmd = [sys.executable, "-c", _VADER_PHASE, *phase[1:]]
    else:
        cmd = [sys.executable, "-m", "framing.bench", *phase]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    out = proc.stdout.read() if proc.stdout else ""
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"bench phase {phase[0]} failed with exit status {proc.returncode}")
    m = json.loads(out.strip().splitlines()[-1])
    # ru_maxrss of a waited-for child covers the largest of its own waited-for children (Linux).
    m["peak_rss_mb"] = round(usage.ru_maxrss / 1024, 1)
    # CPU of the process and its workers, start-up included: on a busy machine the wall
    # time says little, but CPU(1 worker) / CPU(n workers) still shows what parallelism costs.
    m["cpu_seconds"] = round(usage.ru_utime + usage.ru_stime, 2)
    m["articles_per_second"] = round(m["articles"] / m["seconds"], 2) if m["seconds"] else None
    return m


# VADER alone, run with ``python -c`` so that its process imports VADER and nothing of
# framing; argv[1]: one JSON list of sentences per article (written by write_corpus).
_VADER_PHASE = """
import json, sys, time
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
analyzer = SentimentIntensityAnalyzer()
setup = time.process_time()  # start-up, import and construction
seconds = cpu = 0.0
articles = sentences = 0
with open(sys.argv[1], encoding="utf-8") as fh:
    for line in fh:
        chunks = json.loads(line)
        c0, t0 = time.process_time(), time.perf_counter()
        for c in chunks:
            analyzer.polarity_scores(c)
        seconds += time.perf_counter() - t0
        cpu += time.process_time() - c0
        articles += 1
        sentences += len(chunks)
print(json.dumps({"articles": articles, "sentences": sentences, "seconds": round(seconds, 3), "timed_cpu_seconds": round(cpu, 3), "setup_cpu_seconds": round(setup, 3)}))
"""


# The "plain script" yardstick: what one would write in an afternoon without framing.
_NAIVE_HEDGES = r"\b(?:may|might|could|reportedly|allegedly|appears?|seems?|possibly|perhaps|likely|believed)\b"
_NAIVE_CUES = r"\b(?:said|says|told|according to|claimed|stated|added|announced)\b"


def _phase_naive(corpus: str) -> dict:
    """pandas + textstat + VADER + regex: readability of the text, VADER on every
    sentence (split by a regex), hedge and attribution words counted by regex."""
    import re

    import pandas as pd
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from .detectors.readability import offline_textstat

    textstat = offline_textstat()  # textstat as is, its CMU dictionary read offline
    analyzer = SentimentIntensityAnalyzer()
    split = re.compile(r"(?<=[.!?])\s+")
    hedges, cues = re.compile(_NAIVE_HEDGES, re.I), re.compile(_NAIVE_CUES, re.I)
    setup = time.process_time()
    t0 = time.perf_counter()
    df = pd.read_json(corpus, lines=True)
    rows = []
    for text in df["text"]:
        sentences = [s for s in split.split(text) if s.strip()]
        compound = [analyzer.polarity_scores(s)["compound"] for s in sentences]
        rows.append(
            {
                "flesch": textstat.flesch_reading_ease(text),
                "fk_grade": textstat.flesch_kincaid_grade(text),
                "fog": textstat.gunning_fog(text),
                "coleman_liau": textstat.coleman_liau_index(text),
                "sentiment": sum(compound) / max(1, len(compound)),
                "hedges": len(hedges.findall(text)),
                "cues": len(cues.findall(text)),
            }
        )
    out = pd.DataFrame(rows)
    return {"articles": len(out), "seconds": round(time.perf_counter() - t0, 3), "timed_cpu_seconds": round(time.process_time() - setup, 3), "setup_cpu_seconds": round(setup, 3)}


def _phase_score(corpus: str, out: str, jobs: int) -> dict:
    from .batch import Templates, score_stream, warm_up
    from .ingest import iter_documents
    from .output import ResultWriter
    from .pipeline import resolve_lexicons

    lex = resolve_lexicons(None)
    # The tables built lazily at the first article (lexicon indexes, gazetteer, sentiment
    # weights, syllables), like VADER's analyzer built before its clock starts.
    warm_up(lex)
    setup = time.process_time()
    t0 = time.perf_counter()
    templates = Templates.collect(iter_documents([corpus]))
    n = errors = 0
    with ResultWriter(out) as writer:
        for _doc, line, status in score_stream(iter_documents([corpus]), lex, jobs=jobs, templates=templates):
            writer.write_serialized(line)
            n += 1
            errors += status != "ok"
    # (timed CPU: this process only; with workers, theirs is in the whole-run CPU column)
    return {"articles": n, "errors": errors, "seconds": round(time.perf_counter() - t0, 3), "timed_cpu_seconds": round(time.process_time() - setup, 3), "setup_cpu_seconds": round(setup, 3)}


if __name__ == "__main__":
    kind = sys.argv[1]
    if kind == "naive":
        result = _phase_naive(sys.argv[2])
    else:
        result = _phase_score(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    print(json.dumps(result))
