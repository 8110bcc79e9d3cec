"""Accuracy floors on the PolNeAR development set (../shared/eval), all 924 articles.

Two measurements: the detector alone (every line is content) and the way ``framing
eval`` runs it (boilerplate lines removed first). Floors sit a little under the
measured numbers (see docs/attribution.md); a run takes about 10 s.
"""

from __future__ import annotations

import pytest

from framing import evaluate
from framing.detectors import attribution
from framing.model import ATTRIBUTION_CUE, ATTRIBUTION_SOURCE
from framing.segment import content_view, segment

from shipped_accuracy import assert_shipped

FILE = "attribution.polnear.dev.jsonl"


def _detector_only(rec, lex):
    out = attribution.detect(content_view(segment(rec["text"]), frozenset()), lex)
    return {
        "id": rec["id"],
        "attribution_cues": [[s.start, s.end, s.label] for s in out.spans if s.kind == ATTRIBUTION_CUE],
        "attribution_sources": [[s.start, s.end, s.label] for s in out.spans if s.kind == ATTRIBUTION_SOURCE],
    }


@pytest.fixture(scope="module")
def records(eval_dir):
    path = eval_dir / FILE
    if not path.is_file():
        pytest.skip(f"{FILE} is not present")
    return list(evaluate.read_gold(path))


def test_detector_alone(records, lex):
    m = evaluate.score("attribution", records, [_detector_only(r, lex) for r in records])
    assert m["cues"]["f1"] >= 0.774
    assert m["sources"]["f1"] >= 0.765
    assert m["density_spearman"] >= 0.736


def test_as_framing_eval_runs_it(records, lex):
    m = evaluate.score("attribution", records, evaluate.predict_all("attribution", records, lex))
    # Wider margin: boilerplate removal, another detector, also decides what is scored.
    assert m["cues"]["f1"] >= 0.773
    assert m["sources"]["f1"] >= 0.765
    assert m["density_spearman"] >= 0.737
    assert_shipped(m["cues"]["precision"], "attribution", "cues", "precision")
    assert_shipped(m["cues"]["recall"], "attribution", "cues", "recall")
    assert_shipped(m["sources"]["recall"], "attribution", "sources", "recall")
    assert_shipped(m["density_spearman"], "attribution", "density_spearman")
