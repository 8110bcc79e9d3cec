"""`framing bench`: a unique, reproducible corpus and a report with every number."""

from __future__ import annotations

import json

from framing.bench import base_articles, make_articles, write_corpus
from framing.cli import ExitStatus, run


def test_articles_are_unique_reproducible_and_cover_every_base():
    first = list(make_articles(30))
    assert first == list(make_articles(30))
    texts = [t for _i, _s, t in first]
    assert len(set(texts)) == 30
    bases = base_articles()
    assert {s for _i, s, _t in first} == {s for s, _t in bases}
    # Same headline as its base, body paragraphs reordered, one serial number added.
    source, base = bases[0]
    assert texts[0].split("\n", 1)[0] == base.split("\n", 1)[0]
    assert "revised to 1000 on review" in texts[0]


def test_corpus_is_jsonl_with_sentence_count(tmp_path):
    path = tmp_path / "c.jsonl"
    sentences = write_corpus(path, 5)
    rows = [json.loads(line) for line in path.read_text().splitlines()]
    assert [r["id"] for r in rows] == [f"bench-{i:06d}" for i in range(5)]
    assert sentences > 5 * 3


def test_bench_reports_speed_memory_and_the_vader_ratio(capsys):
    assert run(["bench", "4", "--json", "--skip-all"]) == ExitStatus.OK
    r = json.loads(capsys.readouterr().out)
    assert r["articles"] == 4
    for phase in ("vader", "naive_script", "one_worker"):
        assert r[phase]["articles"] == 4
        assert r[phase]["seconds"] > 0 and r[phase]["peak_rss_mb"] > 10
    assert r["ratio_one_worker_to_vader"] > 0 and r["ratio_one_worker_to_naive"] > 0
    # Both sides report their set-up apart from the timed scoring (framing's imports and
    # tables cost more than VADER's), and the second ratio adds it to both.
    v, one = r["vader"], r["one_worker"]
    for phase in ("vader", "naive_script", "one_worker"):
        assert 0 < r[phase]["setup_cpu_seconds"] < r[phase]["cpu_seconds"] + 0.05
    assert v["setup_cpu_seconds"] < one["setup_cpu_seconds"]
    with_setup = (one["seconds"] + one["setup_cpu_seconds"]) / (v["seconds"] + v["setup_cpu_seconds"])
    assert abs(r["ratio_one_worker_to_vader_with_setup"] - with_setup) < 0.001
    # and a third by the CPU time of the timed parts alone
    assert 0 < v["timed_cpu_seconds"] <= v["cpu_seconds"] and 0 < one["timed_cpu_seconds"] <= one["cpu_seconds"]
    assert abs(r["ratio_one_worker_to_vader_cpu"] - one["timed_cpu_seconds"] / v["timed_cpu_seconds"]) < 0.001
    assert "all_workers" not in r
    assert r["one_worker"]["errors"] == 0  # a broken pipeline would make the timings meaningless


def test_corpus_can_carry_each_articles_sentences_for_vader(tmp_path):
    from framing.segment import segment

    corpus, split = tmp_path / "c.jsonl", tmp_path / "s.jsonl"
    n = write_corpus(corpus, 3, split)
    texts = [json.loads(line)["text"] for line in corpus.read_text().splitlines()]
    lists = [json.loads(line) for line in split.read_text().splitlines()]
    assert lists == [[t[s:e] for s, e in segment(t).sentences] for t in texts]
    assert sum(map(len, lists)) == n


def test_bench_rejects_zero_articles(capsys):
    assert run(["bench", "0"]) == ExitStatus.USAGE
    assert "N must be 1 or more" in capsys.readouterr().err
