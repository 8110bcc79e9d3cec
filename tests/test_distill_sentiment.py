"""scripts/distill_sentiment.py: folds, augmentation and the committed transfer set.

The script's teacher needs torch (a separate venv); these parts need only the standard
library, so they run in every test environment (the training tests need scikit-learn)."""

from __future__ import annotations

from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"


@pytest.fixture(scope="module")
def distill(load_script):
    return load_script("distill_sentiment")


def test_fold_of_is_stable(distill):
    # A hash, not Python's salted hash(): the two scripts and every run agree.
    assert [distill.fold_of(f"newsmtsc/rw/train/{i}") for i in range(3)] == [distill.fold_of(f"newsmtsc/rw/train/{i}") for i in range(3)]
    assert distill.fold_of("abc") == int("900150983cd24fb0d6963f7d28e17f72", 16) % 5


def test_augment_keeps_the_mention_and_its_offsets(distill):
    import random

    rng = random.Random(3)
    text = 'Critics slammed the mayor\'s plan on Tuesday, calling the budget "a mess" for the city.'
    s = text.index("mayor")
    nbrs = {"slammed": ["praised"], "budget": ["plan"], "critics": ["analysts"]}
    seen = set()
    for _ in range(40):
        new, a, b = distill.augment(text, s, s + 5, rng, nbrs, 0.2, 0.2, 0.5)
        assert new[a:b] == "mayor" and new[b:b + 2] == "'s"
        seen.add(new)
    assert len(seen) > 10  # the copies differ
    assert any("praised" in x for x in seen) and any(len(x) < len(text) - 20 for x in seen)


def test_committed_transfer_set_is_well_formed():
    import gzip
    import json

    path = SCRIPTS / "data" / "sentiment_transfer.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        meta = json.loads(fh.readline())["meta"]
        rows = [json.loads(line) for line in fh]
    assert "MIT" in meta["licence"] and meta["teacher_holdout"] == 0
    assert len(rows) > 10000
    for r in rows:
        s, e = r["span"]
        assert 0 <= s < e <= len(r["text"]) and r["text"][s:e].strip() == r["text"][s:e]
        assert len(r["logits"]) == 3
    # Never the dev split (its ids name it) and never BASIL.
    assert not any("/dev/" in r["src"] or r["src"].startswith("basil") for r in rows)


def test_augment_joint_keeps_every_mention_in_one_shared_copy(distill):
    import random

    rng = random.Random(5)
    text = "Critics slammed the mayor's plan, while Smith praised the mayor and Jones on Tuesday."
    names = ("mayor", "Smith", "Jones")
    spans = [(text.index(n), text.index(n) + len(n)) for n in names]
    changed = 0
    for _ in range(30):
        new, got = distill.augment_joint(text, spans, rng, {"slammed": ["praised"], "critics": ["analysts"]}, 0.2, 0.2, 0.5)
        assert [new[a:b] for a, b in got] == list(names)
        changed += new != text
    assert changed > 10
