"""scripts/train_boilerplate.py: fold splits and the choice of settings over several splits."""

from __future__ import annotations

import pytest

pytest.importorskip("sklearn")


@pytest.fixture(scope="module")
def train(load_script):
    return load_script("train_boilerplate")


def test_folds_cover_every_page_once_for_each_seed(train):
    for seed in train.SEEDS:
        folds = train.make_folds(23, 5, seed)
        assert sorted(i for f in folds for i in f) == list(range(23))
        assert max(map(len, folds)) - min(map(len, folds)) <= 1


def test_seeds_split_the_pages_differently(train):
    splits = {tuple(map(tuple, train.make_folds(40, 5, seed))) for seed in train.SEEDS}
    assert len(splits) == len(train.SEEDS)
    assert train.make_folds(40, 5) == train.make_folds(40, 5, 13)  # the shipped split


def test_pick_takes_the_simplest_setting_within_a_tie(train):
    grid = [("a",), ("b",), ("c",)]
    scores = {("a",): 1.0, ("b",): 1.0 + train.TIE / 2, ("c",): 1.0 + 3 * train.TIE}
    assert train.pick(grid, scores.get) == ("c",)
    scores[("c",)] = 1.0 + train.TIE / 2
    assert train.pick(grid, scores.get) == ("a",)


def test_mean_metrics_average_the_splits(train):
    ms = [{"content": {"f1": 0.9}, "boilerplate": {"f1": 0.98}}, {"content": {"f1": 0.8}, "boilerplate": {"f1": 0.96}}]
    m = train.mean_metrics(ms)
    assert m["content"]["f1"] == pytest.approx(0.85) and m["boilerplate"]["f1"] == pytest.approx(0.97)
