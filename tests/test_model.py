from __future__ import annotations

import dataclasses

import pytest

from framing.model import Span, new_span


def test_new_span_equals_the_dataclass_constructor():
    args = ("actor", 4, 9, "Smith", "john-smith", 1, 5, "quote", "actors.mention", -0.25, "John Smith")
    fast, slow = new_span(*args), Span(*args)
    assert fast == slow and hash(fast) == hash(slow) and fast.to_dict() == slow.to_dict()
    assert new_span("hedge", 0, 3, "may", "modal", 1, 1) == Span("hedge", 0, 3, "may", "modal", 1, 1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.start = 0  # still frozen


def test_new_frozen_equals_the_dataclass_constructor():
    from framing.model import ActorResult, new_frozen

    fields = dict(
        id="ana-ruiz", name="Ana Ruiz", kind="person", mentions=2, mention_share=0.5, sentiment_mean=0.1,
        sentiment_std=0.0, sentiment_count=2, negative_share=0.0, positive_share=0.5, reporter_sentiment=0.1,
        quoted_sentiment=None, quoted_as_source=1, labels=("mayor",), by_speaker={"reporter": 0.1},
    )
    assert new_frozen(ActorResult, **fields).to_dict() == ActorResult(**fields).to_dict()
    assert new_frozen(ActorResult, **fields) == ActorResult(**fields)
