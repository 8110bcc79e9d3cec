"""Every rule has a dotted id, a message, and examples that pass and fail, and they do."""

from __future__ import annotations

import pytest

from framing.lexicon import load_lexicons
from framing.rules import fired_rules, load_rules

RULES = load_rules(load_lexicons())


def test_rules_exist():
    assert RULES, "no rules loaded from lexicons/rules_*.toml"


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_rule_has_examples(rule_id):
    rule = RULES[rule_id]
    assert rule.passing, f"{rule_id} has no passing example"
    assert rule.failing, f"{rule_id} has no failing example"


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_failing_examples_fire(rule_id):
    for text in RULES[rule_id].failing:
        assert rule_id in fired_rules(text), f"{rule_id} does not fire on its failing example: {text!r}"


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_passing_examples_do_not_fire(rule_id):
    for text in RULES[rule_id].passing:
        assert rule_id not in fired_rules(text), f"{rule_id} fires on its passing example: {text!r}"
