"""framing audit --columns: code points (Python, proselint) or UTF-16 code units (VS Code, LSP, GitHub)."""

from __future__ import annotations

import json

import pytest

from framing.audit import audit_text, utf16_column
from framing.cli import run

# Two astral characters (an emoji of two code points would do too) before the finding on
# line 3, one BMP non-ASCII character ("é", one unit either way) and nothing on line 1.
DRAFT = (
    "Harbour vote delayed\n"
    "\n"
    "\U0001F6A2\U0001F4B0 Caf\u00e9 owners said officials allegedly ignored the petition for weeks.\n"
)


def _finding(columns: str = "codepoints"):
    _, found = audit_text(DRAFT, "draft.txt", columns=columns)
    hit = [f for f in found if f.text == "allegedly"]
    assert len(hit) == 1, found
    return hit[0]


def test_utf16_column_counts_astral_characters_twice():
    line = "a\U0001F6A2b\u00e9c"
    assert [utf16_column(line, 0, k) for k in range(len(line) + 1)] == [1, 2, 4, 5, 6, 7]


def test_default_columns_are_code_points():
    f = _finding()
    line_start = DRAFT.rindex("\n", 0, f.start) + 1
    assert (f.line, f.col, f.end_col) == (3, f.start - line_start + 1, f.end - line_start + 1)
    assert DRAFT[f.start : f.end] == f.text == "allegedly"


def test_utf16_columns_add_one_per_astral_character_before():
    cp, u16 = _finding(), _finding("utf16")
    assert (u16.line, u16.end_line) == (cp.line, cp.end_line)
    assert (u16.col, u16.end_col) == (cp.col + 2, cp.end_col + 2)
    assert (u16.start, u16.end, u16.text) == (cp.start, cp.end, cp.text)  # offsets stay Python string indexes
    # What an editor does: the column, in UTF-16 units, of the word on its line.
    line = DRAFT.splitlines()[u16.line - 1]
    assert len(line.encode("utf-16-le")[: line.encode("utf-16-le").index("allegedly".encode("utf-16-le"))]) // 2 + 1 == u16.col


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_cli_columns_option_applies_to_every_format(fmt, tmp_path, capsys):
    p = tmp_path / "draft.txt"
    p.write_text(DRAFT, encoding="utf-8")
    cols = {}
    for kind in ("codepoints", "utf16"):
        run(["audit", str(p), "--format", fmt, "--columns", kind, "--enable", "attribution.*", "--no-exit"])
        out = capsys.readouterr().out
        if fmt == "json":
            cols[kind] = [(r["line"], r["col"], r["end_col"]) for r in json.loads(out) if r["line"] == 3]
        else:
            cols[kind] = [tuple(int(x) for x in ln.split(":")[1:3]) for ln in out.splitlines() if ":3:" in ln]
    assert cols["codepoints"] and len(cols["codepoints"]) == len(cols["utf16"])
    for a, b in zip(cols["codepoints"], cols["utf16"]):
        assert b[0] == a[0] and b[1] == a[1] + 2


def test_cli_rejects_an_unknown_column_kind(tmp_path, capsys):
    p = tmp_path / "draft.txt"
    p.write_text(DRAFT, encoding="utf-8")
    assert run(["audit", str(p), "--columns", "bytes"]) == 2
    assert "utf16" in capsys.readouterr().err


def test_help_explains_the_column_kinds(capsys):
    assert run(["audit", "--help"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "--columns {codepoints,utf16}" in out and "VS Code" in out
