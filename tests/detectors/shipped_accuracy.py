"""Freshness check for framing/models/accuracy.json, used by the test_*_accuracy.py files.

The report quotes that file; where an accuracy test has just measured a number, the
shipped file must hold the same value (3 decimals), or the page would say something stale.
"""

from __future__ import annotations

from typing import Any

from framing.report.reliability import ACCURACY_FILE, load_accuracy

RERUN = f"{ACCURACY_FILE.name} is stale or missing: run `.venv/bin/python scripts/measure_accuracy.py` and commit framing/models/accuracy.json"


def assert_shipped(measured: float, *keys: str) -> None:
    """The value at ``keys`` in the shipped accuracy.json equals ``measured`` to 3 decimals."""
    value: Any = load_accuracy()
    assert value is not None, RERUN
    for k in keys:
        assert isinstance(value, dict) and k in value, f"{'.'.join(keys)} not in the file; {RERUN}"
        value = value[k]
    assert value == round(measured, 3), f"{'.'.join(keys)}: file {value}, measured {measured:.3f}; {RERUN}"
