"""`framing score`: jobs-independent output, errors and exit codes, kill and resume."""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from framing.bench import make_articles
from framing.cli import ExitStatus, run


def write_corpus(path: Path, n: int, paragraphs: int = 3) -> Path:
    """``n`` short unique articles as JSONL (headline and a few paragraphs each)."""
    with open(path, "w", encoding="utf-8") as fh:
        for doc_id, source, text in make_articles(n):
            short = "\n\n".join(text.split("\n\n")[: paragraphs + 1]) + "\n"
            fh.write(json.dumps({"id": doc_id, "source": source, "text": short}) + "\n")
    return path


def score(*argv: str) -> ExitStatus:
    return run(["score", "--quiet", *argv])


@pytest.fixture
def folder_corpus(tmp_path) -> Path:
    root = tmp_path / "in"
    for i, (_id, source, text) in enumerate(make_articles(9)):
        (root / source).mkdir(parents=True, exist_ok=True)
        (root / source / f"{i:02d}.txt").write_text(text, encoding="utf-8")
    (root / "broken.txt").write_bytes(b"\x00\x01\x02binary" * 50)
    (root / "empty.txt").write_text("  \n")
    return root


def test_same_bytes_for_one_and_two_jobs_and_every_input_listed(folder_corpus, tmp_path):
    out1, out2 = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    cache = str(tmp_path / "c.sqlite")
    assert score(str(folder_corpus), "-o", str(out1), "--jobs", "1", "--no-cache") == ExitStatus.INPUT
    assert score(str(folder_corpus), "-o", str(out2), "--jobs", "2", "--cache", cache) == ExitStatus.INPUT
    assert out1.read_bytes() == out2.read_bytes()
    recs = [json.loads(line) for line in out1.read_text().splitlines()]
    assert len(recs) == 11
    by_id = {r["id"]: r for r in recs}
    assert by_id["broken"]["status"] == "error" and "binary" in by_id["broken"]["error"]
    assert by_id["empty"]["status"] == "skipped"
    # From the cache: still the same bytes, and CSV gets one flat row per input.
    out3, csv_out = tmp_path / "three.jsonl", tmp_path / "flat.csv"
    assert score(str(folder_corpus), "-o", str(out3), "--jobs", "2", "--cache", cache) == ExitStatus.INPUT
    assert out3.read_bytes() == out1.read_bytes()
    assert score(str(folder_corpus), "-o", str(csv_out), "--jobs", "1", "--cache", cache) == ExitStatus.INPUT
    assert len(csv_out.read_text().splitlines()) == 12


@pytest.mark.parametrize(
    "argv, message",
    [
        (["missing-folder", "-o", "{tmp}/o.jsonl"], "no such file or folder: missing-folder"),
        (["{corpus}", "-o", "{tmp}/o.txt"], "unknown output format '.txt'"),
        (["{corpus}", "-o", "{tmp}/dir.jsonl"], "is a folder"),
        (["{corpus}", "-o", "{tmp}/o.jsonl", "--scheduler", "tcp://127.0.0.1:1"], "--scheduler needs --engine dask"),
        (["{corpus}", "-o", "{tmp}/o.jsonl", "--jobs", "0"], "must be 1 or more"),
        (["{corpus}", "-o", "{tmp}/o.jsonl", "--cache", "{tmp}/notes.txt"], "cannot use as a cache"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(argv, message, folder_corpus, tmp_path, capsys):
    (tmp_path / "notes.txt").write_text("not a database\n" * 200)
    (tmp_path / "dir.jsonl").mkdir()
    argv = [a.format(tmp=tmp_path, corpus=folder_corpus) for a in argv]
    assert score(*argv) == ExitStatus.USAGE
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_unwritable_output_folder_is_a_usage_error(folder_corpus, tmp_path, capsys):
    # A folder that cannot exist (its parent is a file): fails even for root.
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    assert score(str(folder_corpus), "-o", str(blocker / "o.jsonl"), "--no-cache") == ExitStatus.USAGE
    err = capsys.readouterr().err
    assert "cannot write here" in err and "Traceback" not in err


def test_help_teaches_with_examples(capsys):
    assert run(["score", "--help"]) == ExitStatus.OK
    out = capsys.readouterr().out
    for needle in ("--jobs", "--no-cache", "--engine", "examples:", "exit status"):
        assert needle in out


def _framing(*argv: str) -> subprocess.Popen:
    code = "import sys; from framing.cli import main; main(sys.argv[1:])"
    return subprocess.Popen([sys.executable, "-c", code, "score", "--quiet", *argv], start_new_session=True, stderr=subprocess.PIPE)


def _wait_for_rows(proc, cache, n: int) -> None:
    """Wait (up to a minute) until the running ``proc`` has cached ``n`` records or ended."""
    deadline = time.monotonic() + 60
    while _rows(cache) < n and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)


def _rows(cache: Path) -> int:
    if not cache.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{cache}?mode=ro", uri=True, timeout=5) as db:
            return db.execute("SELECT COUNT(*) FROM records").fetchone()[0]
    except sqlite3.OperationalError:  # table not created yet
        return 0


def test_killed_run_resumes_to_exactly_the_uninterrupted_output(tmp_path):
    n = 300
    corpus = write_corpus(tmp_path / "corpus.jsonl", n)
    reference = tmp_path / "reference.jsonl"
    assert score(str(corpus), "-o", str(reference), "--no-cache", "--jobs", "2") == ExitStatus.OK

    out_dir = tmp_path / "out"
    out, cache = out_dir / "scores.jsonl", tmp_path / "cache.sqlite"
    proc = _framing(str(corpus), "-o", str(out), "--cache", str(cache), "--jobs", "2")
    _wait_for_rows(proc, cache, 64)
    os.killpg(proc.pid, signal.SIGKILL)  # the whole group: the pool workers too
    proc.wait()
    done = _rows(cache)
    assert 0 < done < n, f"kill came too late or too early ({done} of {n} cached)"
    assert not out.exists()  # never a half-written output
    assert list(out_dir.glob(".scores.jsonl.*.part"))  # the killed run's temporary file

    again = _framing(str(corpus), "-o", str(out), "--cache", str(cache), "--jobs", "2")
    assert again.wait(timeout=120) == 0, again.stderr.read().decode()
    assert out.read_bytes() == reference.read_bytes()
    assert _rows(cache) == n
    assert sorted(p.name for p in out_dir.iterdir()) == ["scores.jsonl"]  # stale temporary file removed


def test_progress_bar_only_on_a_terminal():
    import io

    from framing.progress import Progress

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    term, pipe = Terminal(), io.StringIO()
    for stream, quiet in ((term, False), (pipe, False), (Terminal(), True)):
        with Progress(3, quiet=quiet, stream=stream) as bar:
            bar.update()
            bar.update(2)
    assert "3/3" in term.getvalue() and "article" in term.getvalue()
    assert pipe.getvalue() == ""


def test_dask_engine_without_dask_is_one_clear_line(folder_corpus, tmp_path, monkeypatch, capsys):
    import sys as _sys

    monkeypatch.setitem(_sys.modules, "dask.distributed", None)  # import fails as if not installed
    assert score(str(folder_corpus), "-o", str(tmp_path / "o.jsonl"), "--engine", "dask", "--no-cache") == ExitStatus.USAGE
    err = capsys.readouterr().err
    assert "pip install 'framing[dask]'" in err and "Traceback" not in err
    assert not (tmp_path / "o.jsonl").exists()


def test_a_folder_without_article_files_is_reported_not_a_silent_empty_run(tmp_path, capsys):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "notes.md").write_text("Fares rose.\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert run(["score", str(tmp_path / "corpus"), "-o", str(out), "--no-cache", "-j", "1"]) == ExitStatus.OK
    [rec] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert rec["status"] == "skipped" and "no .txt" in rec["error"]


def test_stdin_format_jsonl(tmp_path, monkeypatch, capsys):
    import io

    body = '{"id": "a", "source": "Quay Times", "text": "The board raised fares, its chair said."}\n{"id": "b", "text": "Fares may rise again."}\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(body.encode("utf-8")), encoding="utf-8"))
    out = tmp_path / "out.jsonl"
    assert run(["score", "-", "--stdin-format", "jsonl", "-o", str(out), "--no-cache", "-j", "1", "-q"]) == ExitStatus.OK
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["id"], r["source"], r["status"]) for r in recs] == [("a", "Quay Times", "ok"), ("b", "stdin", "ok")]


def test_summary_line_counts_errors_and_skipped(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("The board raised fares on Monday, its chair said.", encoding="utf-8")
    (corpus / "b.txt").write_text("", encoding="utf-8")
    (corpus / "c.txt").write_bytes(b"\x00\x01binary")
    out = tmp_path / "out.jsonl"
    assert run(["score", str(corpus), "-o", str(out), "--no-cache", "-j", "1"]) == ExitStatus.INPUT
    err = capsys.readouterr().err
    assert re.search(r"framing score: 3 records -> .*out\.jsonl \(1 error, 1 skipped\) in", err), err


def test_output_dash_writes_jsonl_to_stdout(tmp_path, capsys):
    """`framing score corpus/ -o - | jq ...`: records on stdout, the summary on stderr."""
    (tmp_path / "a.txt").write_text("The board raised fares on Monday, its chair said.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("", encoding="utf-8")
    assert run(["score", str(tmp_path), "-o", "-", "--no-cache", "-j", "1"]) == ExitStatus.OK
    captured = capsys.readouterr()
    recs = [json.loads(line) for line in captured.out.splitlines()]
    assert [(r["id"], r["status"]) for r in recs] == [("a", "ok"), ("b", "skipped")]
    assert "-> standard output" in captured.err
    assert run(["score", str(tmp_path), "-o", "-", "--no-cache", "-j", "1", "-q"]) == ExitStatus.OK
    assert capsys.readouterr().out.count("\n") == 2


def test_a_terminated_run_leaves_no_temporary_file(tmp_path):
    """SIGTERM (a batch scheduler's time limit, `kill`) is handled like Ctrl-C: the
    temporary output is removed and the exit status is 130, not a .part file left behind."""
    n = 400
    corpus = write_corpus(tmp_path / "corpus.jsonl", n)
    out_dir = tmp_path / "out"
    out, cache = out_dir / "scores.jsonl", tmp_path / "cache.sqlite"
    proc = _framing(str(corpus), "-o", str(out), "--cache", str(cache), "--jobs", "1")
    _wait_for_rows(proc, cache, 16)
    assert proc.poll() is None, "finished before it could be terminated"
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=60) == ExitStatus.INTERRUPTED
    err = proc.stderr.read().decode()
    # Says how far it got, that the output was not written, and how to go on.
    assert re.search(r"interrupted after \d+ of 400 articles; .*scores\.jsonl was not written", err), err
    assert str(cache) in err and "run the same command again" in err
    assert not out.exists() and list(out_dir.iterdir()) == []


def test_an_article_over_max_chars_is_skipped_with_the_reason(tmp_path):
    """A stray dump named .txt must not take a worker's memory: it is listed, not scored."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    short = "The board raised fares on Monday, its chair said."
    (corpus / "a.txt").write_text(short, encoding="utf-8")
    (corpus / "b.txt").write_text(short + " More fares rose." * 20, encoding="utf-8")
    (corpus / "c.html").write_text("<html><body><p>" + "Fares rose again. " * 20 + "</p></body></html>", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    limit = str(len(short) + 10)
    assert score(str(corpus), "-o", str(out), "--no-cache", "-j", "1", "--max-chars", limit) == ExitStatus.OK
    recs = {r["id"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert recs["a"]["status"] == "ok"
    assert recs["b"]["status"] == "skipped" and f"over --max-chars {limit};" in recs["b"]["error"]
    assert recs["c"]["status"] == "skipped" and recs["c"]["error"].startswith("markup of ")
    # 0 lifts the limit.
    assert score(str(corpus), "-o", str(out), "--no-cache", "-j", "1", "--max-chars", "0") == ExitStatus.OK
    assert {json.loads(line)["status"] for line in out.read_text(encoding="utf-8").splitlines()} == {"ok"}


@pytest.mark.parametrize("value", ["-1", "lots"])
def test_max_chars_must_be_a_whole_number(tmp_path, value, capsys):
    (tmp_path / "a.txt").write_text("The board raised fares on Monday.", encoding="utf-8")
    assert score(str(tmp_path), "-o", str(tmp_path / "o.jsonl"), "--max-chars", value) == ExitStatus.USAGE
    assert "--max-chars" in capsys.readouterr().err


def test_interrupted_line_without_cache_or_to_stdout():
    from framing.score import _interrupted

    line = _interrupted(12, None, None, None)
    assert line.startswith("framing score: interrupted after 12 articles;")
    assert "standard output has the records written so far" in line
    assert "nothing was cached (--no-cache)" in line


def test_reading_the_inputs_shows_a_count_on_a_terminal(tmp_path, monkeypatch):
    """The pre-pass over the inputs (page templates) takes minutes on a million articles
    and showed nothing, so the run looked hung before the scoring bar appeared."""
    import io

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    corpus = write_corpus(tmp_path / "corpus.jsonl", 5)
    term = Terminal()
    monkeypatch.setattr(sys, "stderr", term)
    assert run(["score", str(corpus), "-o", str(tmp_path / "o.jsonl"), "--no-cache", "-j", "1"]) == ExitStatus.OK
    shown = term.getvalue()
    assert "reading inputs: 5 articles [" in shown, shown
    assert shown.index("reading inputs") < shown.index("scoring")


def test_a_user_lexicon_a_detector_rejects_is_one_message_before_any_article(folder_corpus, tmp_path, capsys):
    # The detector reads actors.toml lazily, on the first article: without the check up front
    # every article would become an error record.
    lexdir = tmp_path / "lex"
    lexdir.mkdir()
    (lexdir / "actors.toml").write_text('[[actor]]\nid = "x"\nname = "X"\nkind = "robot"\n', encoding="utf-8")
    out = tmp_path / "scores.jsonl"
    assert score(str(folder_corpus), "--lexicons", str(lexdir), "-o", str(out), "--no-cache") == ExitStatus.USAGE
    err = capsys.readouterr().err
    assert "actors.toml: actor 'x' has kind 'robot'" in err and len(err.strip().splitlines()) == 1
    assert not out.exists()
