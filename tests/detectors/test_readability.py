"""Readability runs offline: textstat never reaches for nltk's downloader."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from framing import analyze

TEXT = "Council Votes on Budget\nThe council approved the budget on Tuesday. The vote was close, and the debate lasted four hours."


def test_metrics_present_and_plausible():
    m = analyze(TEXT).metrics
    assert 0 < m["flesch_reading_ease"] < 120
    assert m["flesch_kincaid_grade"] > 0
    assert m["words_per_sentence"] > 3


def test_no_network_and_no_nltk_download(tmp_path):
    guard = textwrap.dedent(
        f"""
        import socket, nltk
        def refuse(*a, **k):
            raise AssertionError("network access attempted")
        socket.socket.connect = refuse
        socket.create_connection = refuse
        nltk.download = refuse
        import framing
        r = framing.analyze({TEXT!r})
        assert r.metrics["flesch_reading_ease"] is not None
        print("offline ok")
        """
    )
    env = {"NLTK_DATA": str(tmp_path / "empty"), "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    proc = subprocess.run([sys.executable, "-c", guard], capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "offline ok" in proc.stdout
