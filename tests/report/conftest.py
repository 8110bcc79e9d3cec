"""Fixtures of the report tests; the records themselves are built in report_fixtures.py."""

from __future__ import annotations

from typing import Any

import pytest

from report_fixtures import failed_records, harbor_record, valley_records, xss_record


@pytest.fixture
def records() -> list[dict[str, Any]]:
    return [harbor_record(), *valley_records()]


@pytest.fixture
def all_records() -> list[dict[str, Any]]:
    return [harbor_record(), *valley_records(), *failed_records(), xss_record()]
