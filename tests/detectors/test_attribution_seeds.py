"""The attribution detector on the five seed articles (../shared/seeds), when present."""

from __future__ import annotations

from framing.pipeline import analyze


def _attributions(seeds_dir):
    from framing.detectors import attribution
    from framing.lexicon import load_lexicons
    from framing.segment import content_view, segment

    lex = load_lexicons()
    out = []
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        out.extend(attribution.detect(content_view(segment(text), frozenset()), lex).attributions)
    return out


def test_claimed_by_named_defence_minister(seeds_dir):
    hits = [a for a in _attributions(seeds_dir) if a.cue.text == "claimed"]
    assert any(a.distancing and a.source_type == "named" and "Minister" in a.source.text for a in hits)


def test_anonymous_and_vague_sources(seeds_dir):
    atts = _attributions(seeds_dir)
    labels = {a.source.text.lower() for a in atts if a.source is not None and a.source_type == "anonymous"}
    assert any("officials" in x for x in labels)
    assert any("analysts" in x for x in labels)


def test_reportedly_unsourced(seeds_dir):
    atts = _attributions(seeds_dir)
    assert any(a.cue.text == "reportedly" and a.source_type == "unsourced" and a.source is None for a in atts)


def test_pipeline_sources_and_offsets(seeds_dir):
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        r = analyze(text)
        for s in r.spans:
            assert text[s.start : s.end] == s.text
        assert all(src.type in ("named", "anonymous", "unsourced") for src in r.sources)
