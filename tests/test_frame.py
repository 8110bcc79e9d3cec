"""pandas views: the actor x source tables."""

from __future__ import annotations

import pytest

from framing.frame import actor_table, label_table


def _rec(source, *actors):
    return {"source": source, "actors": [dict(zip(("id", "name", "mentions", "sentiment_mean", "labels"), a)) for a in actors]}


RECORDS = [
    _rec("outlet-a", ("kim-jong-un", "Kim Jong Un", 3, -0.5, ["dictator", "leader"]), ("russia", "Russia", 1, 0.2, [])),
    _rec("outlet-a", ("kim-jong-un", "Kim Jong Un", 1, 0.3, ["dictator"])),
    _rec("outlet-b", ("kim-jong-un", "Kim Jong Un", 2, 0.1, ["leader"]), ("smith", "Smith", 1, 0.0, []), ("john-smith", "Smith", 1, 0.4, [])),
]


def test_actor_table_weights_by_mentions_and_groups_by_id():
    t = actor_table(RECORDS)
    assert t.loc["Kim Jong Un", "outlet-a"] == pytest.approx((3 * -0.5 + 1 * 0.3) / 4)
    assert t.loc["Kim Jong Un", "outlet-b"] == pytest.approx(0.1)
    # Two ids with one display name stay two rows.
    assert {"Smith (smith)", "Smith (john-smith)"} <= set(t.index)
    m = actor_table(RECORDS, value="mentions")
    assert m.loc["Kim Jong Un", "outlet-a"] == 4 and m.loc["Russia", "outlet-b"] == 0


def test_actor_table_weights_tone_by_scored_mentions_not_speaking_ones():
    # Three of the four mentions in the first article are the actor speaking: they carry no
    # tone toward it (sentiment_count 1), so they must not weigh the source's mean.
    one = {"source": "s", "actors": [{"id": "reyes", "name": "Tom Reyes", "mentions": 4, "sentiment_count": 1, "speaking_mentions": 3, "sentiment_mean": -1.0}]}
    two = {"source": "s", "actors": [{"id": "reyes", "name": "Tom Reyes", "mentions": 2, "sentiment_count": 2, "speaking_mentions": 0, "sentiment_mean": 0.5}]}
    only_speaks = {"source": "s", "actors": [{"id": "reyes", "name": "Tom Reyes", "mentions": 5, "sentiment_count": 0, "speaking_mentions": 5, "sentiment_mean": None}]}
    t = actor_table([one, two, only_speaks])
    assert t.loc["Tom Reyes", "s"] == pytest.approx((-1.0 * 1 + 0.5 * 2) / 3)
    assert actor_table([one, two, only_speaks], value="mentions").loc["Tom Reyes", "s"] == 11


def test_actor_table_weights_other_fields_by_all_mentions():
    # Only the tone fields leave speaking mentions out: an actor that only speaks in one
    # article (sentiment_count 0) still counts there for how often it is the cited source.
    speaks = {"source": "s", "actors": [{"id": "reyes", "name": "Tom Reyes", "mentions": 3, "sentiment_count": 0, "speaking_mentions": 3, "quoted_as_source": 3, "sentiment_mean": None}]}
    about = {"source": "s", "actors": [{"id": "reyes", "name": "Tom Reyes", "mentions": 1, "sentiment_count": 1, "speaking_mentions": 0, "quoted_as_source": 0, "sentiment_mean": 0.5}]}
    assert actor_table([speaks, about], value="speaking_mentions").loc["Tom Reyes", "s"] == pytest.approx((3 * 3 + 0 * 1) / 4)
    assert actor_table([speaks, about], value="quoted_as_source").loc["Tom Reyes", "s"] == pytest.approx((3 * 3 + 0 * 1) / 4)
    assert actor_table([speaks, about]).loc["Tom Reyes", "s"] == pytest.approx(0.5)


def test_label_table_counts_labels_per_source():
    t = label_table(RECORDS)
    assert t.loc["Kim Jong Un", "outlet-a"] == "dictator (2), leader (1)"
    assert t.loc["Kim Jong Un", "outlet-b"] == "leader (1)"
    assert list(t.index) == ["Kim Jong Un"]


def test_empty_tables():
    assert actor_table([]).empty and label_table([{"source": "x", "actors": []}]).empty
