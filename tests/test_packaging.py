"""A non-editable install, run from another folder, finds the bundled lexicons and models."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_ships_lexicons_and_works_from_elsewhere(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path)], check=True, capture_output=True)
    (wheel,) = tmp_path.glob("framing-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for py in (ROOT / "framing").rglob("*.py"):
        assert py.relative_to(ROOT).as_posix() in names, f"{py.relative_to(ROOT)} is not in the wheel"
    data_files = [p for p in (ROOT / "lexicons").iterdir() if p.suffix in (".tsv", ".toml")]
    assert data_files, "lexicons/ holds no word lists"
    for p in data_files:
        assert f"framing/lexicons/{p.name}" in names, f"{p.name} is not in the wheel"
    for p in (ROOT / "framing" / "models").glob("*") if (ROOT / "framing" / "models").is_dir() else ():
        if p.is_file() and not p.name.startswith("."):
            assert f"framing/models/{p.name}" in names, f"model {p.name} is not in the wheel"
    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(site), str(wheel)], check=True, capture_output=True)
    code = (
        "import framing, framing.lexicon as l; "
        "assert framing.__file__.startswith(%r), framing.__file__; "
        "lex = l.load_lexicons(); assert lex.lists or lex.tables; "
        "r = framing.analyze('Officials said the plan may change.'); print(r.lexicon_version)"
    ) % str(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    proc = subprocess.run([sys.executable, "-c", code], cwd=elsewhere, env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"}, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert len(proc.stdout.strip()) == 12
