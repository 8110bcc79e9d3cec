"""framing audit: findings with line:col, formats, inline directives, config, exit codes."""

from __future__ import annotations

import dataclasses
import io
import json
import re
import sys
from pathlib import Path

import pytest

from framing.audit import (
    Finding,
    audit_text,
    compare,
    findings_for_result,
    list_rules,
    parse_directives,
    summary,
)
from framing.cli import ExitStatus, run
from framing.config import Config
from framing.lexicon import LexiconError, load_lexicons
from framing.pipeline import analyze

ROOT = Path(__file__).resolve().parent.parent
LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<severity>suggestion|warning|error) (?P<rule>[a-z]+\.[a-z-]+) (?P<message>.+)$")

CLEAN = "The council approved the budget on Tuesday, Mayor Ana Ruiz said."

DRAFT = """Harbour plan stalls as costs rise

The harbour authority postponed the vote on the new quay on Tuesday, the third delay since the council approved the design in March.
Officials said the plan could possibly be delayed until next spring, after the lowest bid came in at twice the budget set by the council.
The regime in Norland claimed the delay was the council's fault and said its shipping firms would look for another port in the meantime.
Dock workers, who were promised two hundred jobs on the new quay, gathered outside the town hall on Wednesday morning.
Share this:
"""


def _findings(out: str) -> list[dict]:
    rows = []
    for line in out.splitlines():
        m = LINE.match(line)
        if m:
            rows.append({k: int(v) if k in ("line", "col") else v for k, v in m.groupdict().items()})
    return rows


def _line_col(text: str, needle: str, start: int = 0) -> tuple[int, int]:
    off = text.index(needle, start)
    line = text.count("\n", 0, off) + 1
    return line, off - (text.rfind("\n", 0, off) + 1) + 1


@pytest.fixture
def draft(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)  # no framing.toml of the project can apply
    p = tmp_path / "draft.txt"
    p.write_text(DRAFT, encoding="utf-8")
    return p


def _stdin(monkeypatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))


# --- the acceptance checks -------------------------------------------------


def test_seed_003_findings_and_exit_status(seeds_dir, capsys):
    path = seeds_dir / "003_d88a3a7d138c8a38.txt"
    text = path.read_text(encoding="utf-8")
    assert run(["audit", str(path)]) == ExitStatus.FINDINGS
    found = _findings(capsys.readouterr().out)
    at = {(f["line"], f["col"], f["rule"]) for f in found}
    share = [f for f in found if f["line"] == 2 and f["col"] == 1 and f["rule"].startswith("boilerplate.")]
    assert share, "'Share this:' on line 2 is not flagged as boilerplate"
    assert text.splitlines()[1].startswith("Share this:")
    assert (*_line_col(text, "North Korean officials"), "attribution.anonymous") in at
    assert (*_line_col(text, "claimed"), "attribution.distancing") in at
    assert (*_line_col(text, "allegedly"), "attribution.distancing") in at

    assert run(["audit", str(path), "--format", "json"]) == ExitStatus.FINDINGS
    rows = json.loads(capsys.readouterr().out)
    assert {(r["line"], r["col"], r["rule"]) for r in rows} == at
    for r in rows:
        assert set(r) >= {"path", "line", "col", "end_line", "end_col", "rule", "severity", "message", "text"}
        assert text[r["start"] : r["end"]] == r["text"]
        assert _line_col(text, r["text"], r["start"]) == (r["line"], r["col"])


def test_clean_sentence_from_stdin_exits_zero(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    _stdin(monkeypatch, CLEAN + "\n")
    assert run(["audit", "-"]) == ExitStatus.OK
    out = capsys.readouterr().out
    assert out.strip() == "0 findings in 1 file"


# --- output ----------------------------------------------------------------------


def test_text_output_is_sorted_with_a_summary(draft, capsys):
    assert run(["audit", str(draft)]) == ExitStatus.FINDINGS
    out = capsys.readouterr().out.splitlines()
    found = _findings("\n".join(out))
    assert len(found) == len(out) - 1
    assert [(f["line"], f["col"], f["rule"]) for f in found] == sorted((f["line"], f["col"], f["rule"]) for f in found)
    rules = {f["rule"] for f in found}
    assert {"attribution.anonymous", "hedging.stacked", "label.loaded", "attribution.distancing", "boilerplate.share"} <= rules
    assert (5, 5, "label.loaded") in {(f["line"], f["col"], f["rule"]) for f in found}
    warnings = sum(f["severity"] == "warning" for f in found)
    suggestions = sum(f["severity"] == "suggestion" for f in found)
    assert out[-1] == f"{len(found)} findings ({warnings} warnings, {suggestions} suggestion{'s' if suggestions != 1 else ''}) in 1 file"


def test_summary_wording():
    f = Finding("a", 1, 1, 1, 2, "x.y", "warning", "m", "t", 0, 1)
    g = dataclasses.replace(f, severity="suggestion")
    assert summary([f, g, g], 1) == "3 findings (1 warning, 2 suggestions) in 1 file"
    assert summary([f], 2) == "1 finding (1 warning) in 2 files"
    assert summary([], 1) == "0 findings in 1 file"


def test_json_output_matches_text_output(draft, capsys):
    run(["audit", str(draft)])
    text_rows = {(f["line"], f["col"], f["rule"], f["severity"]) for f in _findings(capsys.readouterr().out)}
    run(["audit", str(draft), "--format", "json"])
    rows = json.loads(capsys.readouterr().out)
    assert {(r["line"], r["col"], r["rule"], r["severity"]) for r in rows} == text_rows
    for r in rows:
        assert DRAFT[r["start"] : r["end"]] == r["text"]
        assert r["end_line"] >= r["line"]


def test_finding_is_frozen_and_serialises():
    _, found = audit_text(DRAFT, "d.txt")
    assert found
    f = found[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        f.rule = "x.y"  # type: ignore[misc]
    d = f.to_dict()
    assert d["rule"] == f.rule and d["text"] == DRAFT[f.start : f.end]
    assert json.loads(json.dumps(d)) == d


# --- defaults ----------------------------------------------------------------------


def test_plain_hedges_are_off_by_default_and_can_be_enabled(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    text = "The strike may spread to the ports.\n"
    _stdin(monkeypatch, text)
    assert run(["audit", "-"]) == ExitStatus.OK
    assert "hedging.modal" not in capsys.readouterr().out
    _stdin(monkeypatch, text)
    assert run(["audit", "-", "--enable", "hedging.modal"]) == ExitStatus.OK  # a suggestion is below 'warning'
    assert "<stdin>:1:12: suggestion hedging.modal" in capsys.readouterr().out
    _stdin(monkeypatch, text)
    assert run(["audit", "-", "--enable", "hedging.modal", "--fail-level", "suggestion"]) == ExitStatus.FINDINGS


def test_findings_for_result_honours_the_defaults():
    lex = load_lexicons()
    result = analyze("The strike may spread to the ports, and the plan will clearly fail.", lexicons=lex)
    assert "hedging.modal" in {s.rule for s in result.spans}
    rules = {f.rule for f in findings_for_result(result, lex)}
    assert "hedging.modal" not in rules
    assert "hedging.booster" in rules


def test_hedge_in_a_quote_is_the_speakers_not_a_finding():
    _, found = audit_text('"The plan will clearly fail," the engineer Ida Holm said.')
    assert "hedging.booster" not in {f.rule for f in found}


def test_allegedly_is_reported_once():
    _, found = audit_text("The treasurer allegedly moved the money to a private account.")
    at = [f for f in found if f.text == "allegedly"]
    assert [f.rule for f in at] == ["attribution.distancing"]


def test_unattributed_claim_sees_a_source_in_the_next_sentence():
    text = "Mayor Tom Reyes lied about the budget. The auditor, Ines Marr, said so in her report on Monday."
    _, found = audit_text(text)
    assert "audit.unattributed-claim" not in {f.rule for f in found}
    _, found = audit_text("Mayor Tom Reyes lied about the budget.")
    assert "audit.unattributed-claim" in {f.rule for f in found}


@pytest.mark.parametrize(
    "text, fires",
    [
        ("Senator Mark Hale lied to voters about the pipeline deal.", True),
        ("The Harbour Authority covered up the spill for two years.", True),
        ("Governor Ellen Park was responsible for the collapse of the bridge.", True),
        ("Senator Mark Hale denied that he lied to voters.", False),
        ("Prosecutors say Senator Mark Hale lied to voters.", False),
        ("Senator Mark Hale was convicted of fraud in 2019.", False),
        ("If Senator Mark Hale lied, he should resign.", False),
        ("Did Senator Mark Hale lie to voters?", False),
        ("The massacres shocked Mayor Tom Reyes.", False),
        ("He lied to voters about the pipeline deal.", False),
    ],
)
def test_unattributed_claim_cases(text, fires):
    _, found = audit_text(text)
    assert ("audit.unattributed-claim" in {f.rule for f in found}) is fires


def test_intensifiers_come_from_the_lexicon_and_a_user_folder_extends_them(tmp_path):
    # An intensifier may stand between the copula and the evaluation, but is no claim itself.
    claim = "audit.unattributed-claim"
    assert claim in {f.rule for f in audit_text("Governor Ellen Park is utterly corrupt.")[1]}
    assert claim not in {f.rule for f in audit_text("Governor Ellen Park is very tired.")[1]}
    text = "Governor Ellen Park is downright corrupt."
    assert claim not in {f.rule for f in audit_text(text)[1]}
    (tmp_path / "audit_claims.tsv").write_text("downright\tintensifier\nutterly\toff\n", encoding="utf-8")
    lex = load_lexicons((str(tmp_path),))
    assert claim in {f.rule for f in audit_text(text, lex=lex)[1]}
    assert claim not in {f.rule for f in audit_text("Governor Ellen Park is utterly corrupt.", lex=lex)[1]}


def test_a_multi_word_intensifier_is_a_lexicon_error(tmp_path):
    (tmp_path / "audit_claims.tsv").write_text("quite frankly\tintensifier\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="'quite frankly' must be one word"):
        audit_text("Governor Ellen Park is corrupt.", lex=load_lexicons((str(tmp_path),)))


def test_hedge_density_is_reported_once_at_the_first_hedge():
    text = "The council may approve the budget. The school could open in September, and the bridge might possibly close. It is unclear when work starts."
    _, found = audit_text(text)
    dense = [f for f in found if f.rule == "hedging.density"]
    assert len(dense) == 1 and dense[0].text == "may"
    assert "per 100 words" in dense[0].message
    strict = Config().with_overrides()
    strict = dataclasses.replace(strict, thresholds=dataclasses.replace(strict.thresholds, hedge_density=50.0))
    _, found = audit_text(text, config=strict)
    assert "hedging.density" not in {f.rule for f in found}


# --- inline directives ------------------------------------------------------------


def test_directives_blank_the_comment_and_keep_offsets():
    text = "One line. <!-- framing: disable-line=label.loaded -->\nTwo.\n"
    d, masked = parse_directives(text)
    assert len(masked) == len(text) and "framing" not in masked and masked.count("\n") == 2
    assert d.suppresses("label.loaded", 1) and not d.suppresses("label.loaded", 2)
    assert not d.suppresses("hedging.booster", 1)


def test_directives_switch_rules_off_for_a_line_a_block_and_the_next_line():
    text = "\n".join(
        [
            "The regime jailed three journalists on Monday.",  # 1: flagged
            "<!-- framing: disable=label.loaded -->",
            "The regime closed two newspapers on Tuesday.",  # 3: off (block)
            "The plan will clearly fail, and the regime knows it.",  # 4: label off, booster on
            "<!-- framing: enable=label.loaded -->",
            "# framing: disable-next-line=label.*",
            "",
            "The regime banned a radio station on Wednesday.",  # 8: off (next non-blank line)
            "The regime fined a blogger on Thursday. <!-- framing: disable-line -->",  # 9: everything off
            "The regime freed one journalist on Friday.",  # 10: flagged
        ]
    )
    _, found = audit_text(text)
    labels = sorted(f.line for f in found if f.rule == "label.loaded")
    assert labels == [1, 10]
    assert any(f.rule == "hedging.booster" and f.line == 4 for f in found)
    assert not any(f.line == 9 for f in found)


# --- configuration ----------------------------------------------------------------


def test_framing_toml_next_to_the_file_is_used(draft, capsys):
    (draft.parent / "framing.toml").write_text(
        'disable = ["label.loaded", "boilerplate.*"]\nignore-terms = ["officials"]\n[severity]\n"hedging.stacked" = "error"\n',
        encoding="utf-8",
    )
    assert run(["audit", str(draft)]) == ExitStatus.FINDINGS
    found = _findings(capsys.readouterr().out)
    rules = {f["rule"] for f in found}
    assert "label.loaded" not in rules and not any(r.startswith("boilerplate.") for r in rules)
    assert "attribution.anonymous" not in rules  # 'Officials' is an ignored term
    assert [f["severity"] for f in found if f["rule"] == "hedging.stacked"] == ["error"]
    # The command line wins over the file.
    assert run(["audit", str(draft), "--enable", "label.loaded", "--fail-level", "error"]) == ExitStatus.FINDINGS
    assert "label.loaded" in capsys.readouterr().out


def test_pyproject_tool_framing_found_upward(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n[tool.framing]\nfail-level = "error"\n', encoding="utf-8")
    sub = tmp_path / "drafts" / "june"
    sub.mkdir(parents=True)
    (sub / "d.txt").write_text(DRAFT, encoding="utf-8")
    assert run(["audit", str(sub / "d.txt")]) == ExitStatus.OK  # findings, but none is an error
    assert "warning" in capsys.readouterr().out


def test_unknown_config_key_is_a_usage_error_naming_it(draft, capsys):
    (draft.parent / "framing.toml").write_text("[thresholds]\nhedge-densty = 2\n", encoding="utf-8")
    assert run(["audit", str(draft)]) == ExitStatus.USAGE
    err = capsys.readouterr().err
    assert "thresholds.hedge-densty" in err and "Traceback" not in err


def test_unknown_rule_is_a_usage_error(draft, capsys):
    assert run(["audit", str(draft), "--disable", "hedging.nonsense"]) == ExitStatus.USAGE
    assert "hedging.nonsense" in capsys.readouterr().err


# --- exit codes -------------------------------------------------------------------


def test_unreadable_input_exits_3_and_the_rest_is_audited(draft, capsys):
    assert run(["audit", str(draft.parent / "missing.txt"), str(draft)]) == ExitStatus.INPUT
    cap = capsys.readouterr()
    assert "missing.txt" in cap.err and "no such file" in cap.err
    assert "label.loaded" in cap.out


def test_no_exit_always_returns_zero(draft, capsys):
    assert run(["audit", str(draft), "--no-exit"]) == ExitStatus.OK
    assert run(["audit", str(draft.parent / "missing.txt"), "--no-exit"]) == ExitStatus.OK
    assert run(["audit"]) == ExitStatus.USAGE


def test_folder_input_and_html(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    html = (
        "<html><body>\n<h1>Press freedom</h1>\n"
        '<p class="lead">The regime jailed three journalists on Monday, the fifth arrest of reporters in the capital since the election in May.</p>\n'
        "<p>Their lawyers filed an appeal on Tuesday and asked the court to release them on bail before the hearing next month.</p>\n"
        "</body></html>\n"
    )
    (tmp_path / "d.html").write_text(html, encoding="utf-8")
    (tmp_path / "notes.bin").write_bytes(b"\0\1")
    assert run(["audit", str(tmp_path)]) == ExitStatus.FINDINGS
    found = _findings(capsys.readouterr().out)
    assert [(f["line"], f["col"]) for f in found if f["rule"] == "label.loaded"] == [_line_col(html, "regime")]


# --- --against and rule listing ---------------------------------------------------


def test_against_places_the_draft_in_the_corpus(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    plain = [
        "The council approved the budget on Tuesday. The school opens in September.",
        "The ferry sailed at noon with 200 passengers. The harbour master, Anna Berg, waved it off.",
        "Work on the bridge starts in May. The road will close for a week.",
        "The library reopened on Monday after repairs to the roof.",
    ]
    for i, t in enumerate(plain):
        (corpus / f"a{i}.txt").write_text(t + "\n", encoding="utf-8")
    draft = tmp_path / "d.txt"
    draft.write_text("The council may approve the budget. The school could possibly open in September. It is unclear when work starts.\n", encoding="utf-8")
    run(["audit", str(draft), "--against", str(corpus)])
    out = capsys.readouterr().out
    assert "hedges per 100 words in your own voice" in out and "higher than every article in this corpus" in out


def test_against_a_scores_jsonl_reads_its_metrics_and_skips_error_records(tmp_path, monkeypatch, capsys):
    # The metrics are used as saved (no text to analyse here); an error record is no article.
    monkeypatch.chdir(tmp_path)
    rows = [
        {"id": "a", "status": "ok", "metrics": {"hedges_per_100w_reporter": 0.0}},
        {"id": "b", "status": "ok", "metrics": {"hedges_per_100w_reporter": 0.5}},
        {"id": "c", "status": "error", "metrics": {}},
    ]
    scores = tmp_path / "scores.jsonl"
    scores.write_bytes(b"\xef\xbb\xbf" + "".join(json.dumps(r) + "\n" for r in rows).encode())  # with a BOM
    draft = tmp_path / "d.txt"
    draft.write_text("The council may approve the budget.\n", encoding="utf-8")
    assert run(["audit", str(draft), "--against", "scores.jsonl", "--no-exit"]) == ExitStatus.OK
    out = capsys.readouterr().out
    assert "hedges per 100 words in your own voice" in out and "2 articles): higher than every article" in out


def test_compare_percentiles():
    corpus = [{"hedges_per_100w_reporter": v} for v in (0.0, 1.0, 2.0, 3.0)]
    (c,) = compare({"hedges_per_100w_reporter": 2.0}, corpus)
    assert c.percentile == pytest.approx(0.625) and c.median == pytest.approx(1.5) and c.corpus_size == 4
    assert c.describe().endswith("higher than 50% and lower than 25% of this corpus")
    corpus = [{"hedges_per_100w_reporter": float(v)} for v in range(20)]
    assert compare({"hedges_per_100w_reporter": 18.5}, corpus)[0].describe().endswith("in the top 5% of this corpus")
    assert compare({"hedges_per_100w_reporter": 0.0}, corpus)[0].describe().endswith("in the bottom 5% of this corpus")
    assert compare({"hedges_per_100w_reporter": -1.0}, corpus)[0].describe().endswith("lower than every article in this corpus")


def test_a_value_equal_to_the_whole_corpus_is_said_so():
    corpus = [{"distancing_per_100w": 0.0}] * 3
    (c,) = compare({"distancing_per_100w": 0.0}, corpus)
    assert c.describe().endswith(": the same as every article in this corpus")


def test_against_a_jsonl_with_broken_lines_reads_the_good_records(tmp_path, monkeypatch, capsys):
    # Not a score file (a broken line, a line that is no object): read as a collection of
    # articles, whose broken records are skipped, not a traceback.
    monkeypatch.chdir(tmp_path)
    good = json.dumps({"id": "a", "text": "The council approved the budget on Tuesday. The school opens in September."})
    (tmp_path / "broken.jsonl").write_text("{broken\n[1, 2]\n" + good + "\n", encoding="utf-8")
    (tmp_path / "not-utf8.jsonl").write_bytes(b"\xff\xfe{\n" + good.encode() + b"\n")
    draft = tmp_path / "d.txt"
    draft.write_text("The council may approve the budget.\n", encoding="utf-8")
    for corpus in ("broken.jsonl", "not-utf8.jsonl"):
        assert run(["audit", str(draft), "--against", corpus, "--no-exit"]) == ExitStatus.OK
        out = capsys.readouterr().out
        assert "hedges per 100 words in your own voice" in out and ", 1 article)" in out, corpus  # singular


def test_list_rules_shows_defaults(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run(["audit", "--list-rules"]) == ExitStatus.OK
    rows = {line.split("\t")[0]: line.split("\t") for line in capsys.readouterr().out.splitlines()}
    assert rows["hedging.modal"][2] == "off" and rows["label.loaded"][2] == "on"


def test_docs_list_every_audit_rule():
    doc = (ROOT / "docs" / "audit.md").read_text(encoding="utf-8")
    missing = [r["id"] for r in list_rules(load_lexicons(), Config()) if f"`{r['id']}`" not in doc]
    assert not missing, f"docs/audit.md does not list: {missing}"


def test_loaded_labels_lexicon_has_a_header():
    wl = load_lexicons()["loaded_labels"]
    assert wl.source and set(wl.categories) == {"pejorative", "dehumanising", "neutral"}
    assert wl.category("regime") == "pejorative" and wl.category("sanctions regime") == "neutral"


def test_readme_lists_every_rule():
    from pathlib import Path

    from framing.lexicon import LexiconError, load_lexicons
    from framing.rules import load_rules

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    missing = [rid for rid in load_rules(load_lexicons()) if f"`{rid}`" not in readme]
    assert not missing, f"README.md does not list: {missing}"


def test_a_hedge_inside_an_attribution_cue_is_dropped_on_a_long_draft():
    """The one-bisect overlap test drops exactly the hedges that overlap some cue.

    Each reporter hedge was once tested against every cue of the draft (quadratic: a 2 MB
    draft took 17.7 s of CPU); the sorted-starts version must keep the same findings.
    Its speed is measured, not asserted here (docs/audit.md).
    """
    from framing.audit import _span_findings
    from framing.model import ATTRIBUTION_CUE, HEDGE

    parts = []
    for i in range(300):
        parts.append(
            f"Officials said the levy may rise by {i} percent next year. "
            f"The ferry company allegedly claimed the fares could possibly double.\n\n"
        )
    result = analyze("".join(parts), lexicons=load_lexicons())
    cues = [(s.start, s.end) for s in result.spans if s.kind == ATTRIBUTION_CUE and s.rule]
    overlapping = {
        (s.start, s.end)
        for s in result.spans
        if s.kind == HEDGE and any(a < s.end and s.start < b for a, b in cues)
    }
    assert overlapping  # "allegedly" is both: the draft exercises the rule
    hedges = {(s.start, s.end) for s in result.spans if s.kind == HEDGE and s.rule and s.voice == "reporter"}
    found = {(start, end) for rule, start, end, _ in _span_findings(result) if rule.startswith("hedging.")}
    assert found == hedges - overlapping


def test_a_folder_without_drafts_is_an_input_error_not_a_clean_pass(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "notes.docx").write_bytes(b"PK\x03\x04")
    assert run(["audit", "drafts"]) == ExitStatus.INPUT
    assert "drafts: no .txt, .md or .html files in this folder" in capsys.readouterr().err


def test_a_draft_not_in_english_gets_a_note_not_a_silent_clean_pass(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "brouillon.txt").write_text(
        "Le conseil municipal a voté mardi le budget du nouveau pont. Selon la maire, les travaux "
        "commenceront en janvier et dureront deux ans. Les opposants dénoncent un projet trop cher.\n",
        encoding="utf-8",
    )
    assert run(["audit", "brouillon.txt"]) == ExitStatus.OK
    err = capsys.readouterr().err
    assert "framing audit: note: brouillon.txt: the text does not look like English" in err


def test_an_office_file_is_told_to_be_exported_as_text(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "draft.docx").write_bytes(b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00word/document.xml")
    assert run(["audit", "draft.docx"]) == ExitStatus.INPUT
    assert "draft.docx: a .docx file is not plain text; save the draft as .txt, .md or .html" in capsys.readouterr().err
