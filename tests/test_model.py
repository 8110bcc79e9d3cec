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
