from __future__ import annotations

import dataclasses
import math
import random
import struct

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


def _same(a, b) -> bool:
    """Equal value, type and sign of zero (NaN equals NaN)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        return (a != a and b != b) or (a == b and math.copysign(1.0, a) == math.copysign(1.0, b))
    return a == b


def _round4_cases(n: int = 300_000):
    """Random floats of every scale, near-halves of the fourth decimal, and odd values."""
    rng = random.Random(4)
    yield from (0.0, -0.0, 0.00005, -0.00005, 0.00004999, -0.00001, 1e7, -1e7, 1e7 + 0.5, 1e11, 1e300, 5e-324, math.nan, math.inf, -math.inf)
    yield from (3, True, -2)  # not floats: round's own result (an int)
    for _ in range(n):
        k = rng.random()
        if k < 0.3:
            yield rng.uniform(-1, 1)
        elif k < 0.5:
            yield rng.uniform(-1e7, 1e7)
        elif k < 0.7:
            yield (rng.randint(-10**8, 10**8) + 0.5) / 10000  # halves: round decides
        elif k < 0.8:
            yield rng.randint(-10**8, 10**8) / 10000
        elif k < 0.9:
            yield struct.unpack("d", struct.pack("Q", rng.getrandbits(64)))[0]  # any bit pattern
        else:
            yield rng.uniform(-1e-3, 1e-3)


def test_round4_is_round_to_four_places():
    from framing.model import round4

    for x in _round4_cases():
        assert _same(round4(x), round(x, 4)), x


def test_round_metrics_is_round_metric_of_every_value():
    from framing.model import _round_metric, _round_metrics

    class Num(float):  # a float subclass goes through float() as before
        pass

    values = list(_round4_cases(20_000)) + [None, Num(0.123456), 2**60]
    metrics = {f"m{i}": v for i, v in enumerate(values)}
    got = _round_metrics(metrics)
    assert list(got) == list(metrics)
    assert all(_same(got[k], _round_metric(v)) for k, v in metrics.items())
