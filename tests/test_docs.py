"""The README's output schema and lexicons/README.md's file table name what the code writes and reads."""

from __future__ import annotations

import re
from pathlib import Path

import framing

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")

# One article of ours that exercises every detector: a headline, a byline, a quote, an
# anonymous source, a hedge, a booster, an approximator, a labelled actor, furniture.
ARTICLE = """Harbour board delays vote on new pier

By Lena Marsh, Staff Reporter

The harbour board may delay its vote on the new pier, officials said on Monday.
About 200 residents attended the meeting, and Mayor Tomas Brandt said the plan was "clearly the best option".
The strongman of the board, chairman Ivo Lund, allegedly ignored the petition, according to two members.

Share this:
"""


def _schema_section() -> str:
    start = README.index("## Output schema")
    return README[start : README.index("\n## ", start + 1)]


def _names(section: str) -> set[str]:
    return set(re.findall(r"`([a-z0-9_<>]+)`", section))


def test_readme_lists_every_record_field_metric_and_span_kind():
    result = framing.analyze(ARTICLE, source="our-harbour-paper")
    record = result.to_dict()
    section = _schema_section()
    names = _names(section)
    patterns = [re.compile(n.replace("<category>", "[a-z]+") + "$") for n in names if "<category>" in n]
    # "attribution_named, ... (+ `_share`)" lists the shares once for the three types.
    shares = {n + "_share" for n in names if n.startswith("attribution_")}

    missing_fields = [k for k in record if k not in names]
    missing_metrics = [k for k in record["metrics"] if k not in names | shares and not any(p.match(k) for p in patterns)]
    kinds_line = section[section.index("Span kinds:") :].split("\n\n")[0]
    missing_kinds = sorted({s["kind"] for s in record["spans"]} - _names(kinds_line))
    assert not missing_fields, f"README Output schema does not list fields: {missing_fields}"
    assert not missing_metrics, f"README Output schema does not list metrics: {missing_metrics}"
    assert not missing_kinds, f"README 'Span kinds' does not list: {missing_kinds}"
    # The fixture must exercise the kinds that went missing before.
    assert {"approximator", "actor_label", "boilerplate", "quote"} <= {s["kind"] for s in record["spans"]}


def test_lexicons_readme_lists_every_lexicon_file():
    folder = ROOT / "lexicons"
    table = (folder / "README.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"`([a-z_*]+\.(?:tsv|toml))`", table))
    files = sorted(p.name for p in folder.iterdir() if p.suffix in (".tsv", ".toml"))
    missing = [f for f in files if f not in listed and not (f.startswith("rules_") and "rules_*.toml" in listed)]
    assert not missing, f"lexicons/README.md does not list: {missing}"
