"""Rules: dotted ids, messages and severities, each with examples that pass and fail.

Rules live in ``lexicons/rules_*.toml`` as ``[[rule]]`` tables::

    [[rule]]
    id = "hedging.modal"
    severity = "suggestion"          # suggestion | warning | error
    message = "Modal hedge: 'may' marks the claim as uncertain; say who is uncertain, or why."
    pass = ["The ministry will publish the figures on Friday."]
    fail = ["The ministry may publish the figures on Friday."]

A span or audit finding carries the id of the rule that produced it. The test suite
checks that every rule has both kinds of example, that each ``fail`` example fires
the rule and that no ``pass`` example does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from .lexicon import LexiconError, Lexicons

SEVERITIES = ("suggestion", "warning", "error")


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    message: str
    passing: tuple[str, ...]
    failing: tuple[str, ...]
    enabled: bool = True


def load_rules(lex: Lexicons) -> dict[str, Rule]:
    """All rules by id; a rule with a missing field is an error naming it."""
    out: dict[str, Rule] = {}
    for raw in lex.rules():
        rid = raw.get("id")
        if not rid or "." not in rid:
            raise LexiconError(f"rule {raw!r}: needs a dotted 'id' such as 'hedging.modal'")
        severity = raw.get("severity", "suggestion")
        if severity not in SEVERITIES:
            raise LexiconError(f"rule {rid}: severity must be one of {', '.join(SEVERITIES)}, not {severity!r}")
        if not raw.get("message"):
            raise LexiconError(f"rule {rid}: needs a 'message'")
        out[rid] = Rule(
            id=rid,
            severity=severity,
            message=raw["message"],
            passing=tuple(raw.get("pass", ())),
            failing=tuple(raw.get("fail", ())),
            enabled=bool(raw.get("enabled", True)),
        )
    return out


def fired_rules(text: str, lex: Lexicons | None = None) -> set[str]:
    """Ids of every rule that fires on ``text``: span rules, plus audit findings."""
    from .audit import findings_for_result
    from .ingest import Document, headline
    from .pipeline import analyze_with_segmentation, resolve_lexicons

    lex = resolve_lexicons(lex)
    result, seg = analyze_with_segmentation(Document(id="example", source="example", text=text, title=headline(text)), lex)
    fired = {s.rule for s in result.spans if s.rule}
    fired.update(f.rule for f in findings_for_result(result, lex, seg=seg))
    return fired


def describe(rule: Rule) -> Mapping[str, Any]:
    return {"id": rule.id, "severity": rule.severity, "message": rule.message}
