"""The attribution detector's speed paths give the answers of the plain ones."""

from __future__ import annotations

import json

import pytest

from framing.detectors import attribution, boilerplate
from framing.ingest import headline
from framing.segment import content_view, segment

# Boilerplate lines between the paragraphs carry cues, colons and capitalised names of their own.
PAGE = """Home | World | Politics
Mayor Ana Roos said the ferry will run again in May. She told reporters: "We are ready."
Share this: Facebook, Twitter
Read more: Council Leader Bo Lind says budget is safe
Roos, a former engineer, said the pier was checked twice.
Most Read: Harbour Board denies report
Lind said he expects the council to agree.
"""


def _whole_article(monkeypatch) -> None:
    # The plain path: every token of the article scanned, as before the content runs.
    monkeypatch.setattr(attribution, "_token_runs", lambda stoks, sentences: [(0, stoks[-1][1])] if stoks else [])


def _key(out):
    return out.spans, out.metrics, out.attributions


@pytest.mark.parametrize("drop", [frozenset(), frozenset({0, 2, 3, 5}), frozenset({1, 4, 6}), frozenset(range(7))])
def test_content_runs_give_the_whole_article_scan(lex, monkeypatch, drop):
    seg = segment(PAGE)
    content = content_view(seg, drop)
    fast = attribution.detect(content, lex)
    _whole_article(monkeypatch)
    assert _key(attribution.detect(content, lex)) == _key(fast)
    if 1 not in drop:
        assert fast.attributions  # the test reads cues, not only empty outputs


def test_token_runs_cover_every_content_sentence():
    stoks = [(0, 5), (5, 9), (9, 9), (9, 14), (14, 20)]
    for sentences in [(), (0,), (1, 3), (0, 1, 2, 3, 4), (0, 2, 4), (3, 4)]:
        runs = attribution._token_runs(stoks, sentences)
        covered = {i for a, b in runs for i in range(a, b)}
        assert all(set(range(*stoks[si])) <= covered for si in sentences)
        assert runs == sorted(runs)
    assert attribution._token_runs(stoks, (0, 2, 4)) == [(0, 5), (14, 20)]  # the empty sentence 2 adds no run
    assert attribution._token_runs(stoks, (1, 2, 3)) == [(5, 14)]


def test_content_runs_on_web_pages(lex, eval_dir, monkeypatch):
    """Real pages with their boilerplate left out (AEB dev): same output either way."""
    contents = []
    with open(eval_dir / "boilerplate.aeb.dev.jsonl", encoding="utf-8") as f:
        for line in list(f)[:25]:
            text = json.loads(line)["text"]
            seg = segment(text)
            bp = boilerplate.detect(seg, lex, title=headline(text), main_text=None, recurring=frozenset())
            contents.append(content_view(seg, bp.lines))
    fast = [_key(attribution.detect(c, lex)) for c in contents]
    _whole_article(monkeypatch)
    assert [_key(attribution.detect(c, lex)) for c in contents] == fast
