"""\u201cHow reliable are these numbers?\u201d: one plain sentence per measure from the measured accuracy.

The numbers come from framing/models/accuracy.json, written by scripts/measure_accuracy.py
from the human-labelled development data (the accuracy tests check the file is current),
so the page never quotes a number by hand. A missing or unreadable file gives one
fallback sentence, never an error.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Mapping

ACCURACY_FILE = Path(__file__).resolve().parent.parent / "models" / "accuracy.json"
NOT_MEASURED = "The accuracy of these measures was not measured for this build of framing, so this page cannot say how often they agree with human readers."


@dataclass(frozen=True)
class Reliability:
    measure: str  # short name shown in bold
    text: str  # the plain sentence


def in_ten(x: float) -> str:
    """A share as "about N in 10" (0.72 -> "about 7 in 10"); the ends in words."""
    if x <= 0:
        return "none"
    if x >= 1:
        return "all"
    n = int(x * 10 + 0.5 + 1e-9)  # half up: 0.05 -> 1, not Python's round-half-even 0
    if n == 0:
        return "fewer than 1 in 10"
    if n == 10:
        return "nearly all"
    return f"about {n} in 10"


def _count(n: int) -> str:
    return f"{n:,}"


def _order(rho: float) -> str:
    """A rank correlation in words: how alike two orderings of the articles are."""
    if rho >= 0.9:
        return "nearly the same order"
    if rho >= 0.7:
        return "a broadly similar order"
    if rho >= 0.4:
        return "a loosely similar order"
    return "quite a different order"


def _attribution(a: Mapping[str, Any]) -> str:
    cues, sources = a["cues"], a["sources"]
    return (
        f"in {_count(a['articles'])} {a['about']} ({a['dataset']}), framing found {in_ten(cues['recall'])} of the phrases they marked "
        f"as saying where a claim comes from, and {in_ten(cues['precision'])} of the phrases it marked were marked by them too; "
        f"it found {in_ten(sources['recall'])} of the sources they marked. Ranked by how much they attribute, the articles come out "
        f"in {_order(a['density_spearman'])} by its count and by theirs (correlation {a['density_spearman']:.2f}, where 1 is the same order). "
        "It misses most often stance nouns (\u201ccriticism of\u201d, \u201csupport for\u201d) and plans or decisions that the "
        "annotators read as a claim (\u201chis plan\u201d, \u201cthe decision\u201d): a long tail of rare phrases."
    )


def _hedging(h: Mapping[str, Any]) -> str:
    cues, sent = h["cues"], h["uncertain_sentences"]
    return (
        f"in {_count(h['sentences'])} {h['about']} ({h['dataset']}), framing found {in_ten(cues['recall'])} of the words they marked "
        f"as expressing doubt, and {in_ten(cues['precision'])} of the words it marked were theirs too; "
        f"it picked out {in_ten(sent['recall'])} of the sentences they called uncertain. "
        "It also counts a \u201cmay\u201d that gives permission (\u201cguests may log in\u201d) as a hedge."
    )


def _tone(s: Mapping[str, Any] | None, b: Mapping[str, Any] | None) -> str:
    parts = []
    if s:
        subsets = [s[k] for k in ("rw", "mt") if k in s]
        n = sum(x["n"] for x in subsets)
        agree = sum(x["accuracy"] * x["n"] for x in subsets) / n
        parts.append(
            f"on {_count(n)} mentions of people in {_count(s['sentences'])} {s['about']} ({s['dataset']}), "
            f"framing gave the same tone (negative, neutral or positive) as people {in_ten(agree)} times"
        )
    if b:
        a = b["all"]
        lean = ", far more often for negative than for positive slant" if a["f1_neg"] - a["f1_pos"] >= 0.2 else ""
        parts.append(
            f"in {_count(b['articles'])} {b['about']} ({b['dataset']}), it got the direction (negative or positive) right "
            f"for {in_ten(a['accuracy'])} of the {_count(a['n'])} slanted phrases they marked, each read knowing which actor it is about{lean}"
        )
    return "; ".join(parts) + ". When one sentence praises one person and attacks another, both mentions often get the same tone."


def _actors(a: Mapping[str, Any]) -> str:
    parts = []
    if "basil" in a:
        b = a["basil"]
        parts.append(
            f"in {_count(b['articles'])} {b['about']} ({b['dataset']}), framing marked as an actor {in_ten(b['recall'])} "
            f"of the {_count(b['total'])} mentions of the people and groups each article is mainly about"
        )
    if "newsmtsc" in a:
        n = a["newsmtsc"]
        parts.append(f"in {n['about']} ({n['dataset']}), {in_ten(n['recall'])} of the {_count(n['total'])} people and groups named as the one the tone is about")
    return (
        "; ".join(parts) + ". An actor it misses gets no count and no tone. It misses most often groups named by a common noun "
        "(\u201cplaintiffs\u201d) and organisations whose name reads like a phrase (\u201cSecure America Now\u201d)."
    )


def _furniture(bp: Mapping[str, Any]) -> str:
    m = bp.get("cv", bp)  # the model learned from these pages: quote each page scored by a model that had not seen it
    unseen = ", each scored by a model that had not seen it" if "cv" in bp else ""
    return (
        f"in {_count(bp['pages'])} {bp['about']} ({bp['dataset']}{unseen}), framing kept {in_ten(m['content']['recall'])} of the "
        f"story lines as story and set aside {in_ten(m['boilerplate']['recall'])} of the furniture lines. "
        "Lists and tables that belong to the story (a deals list, a stats box) are what it most often sets aside by mistake."
    )


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


_SECTIONS: tuple[tuple[str, tuple[str, ...], Callable[..., str]], ...] = (
    ("Attribution and sources", ("attribution",), _attribution),
    ("Hedges", ("hedging",), _hedging),
    ("People and groups", ("actors",), _actors),
    ("Tone toward actors", ("sentiment", "basil"), _tone),
    ("Page furniture", ("boilerplate",), _furniture),
)


def load_accuracy(path: Path | None = None) -> dict[str, Any] | None:
    """The measured accuracy, or None when the file is missing or unreadable."""
    try:
        data = json.loads((path or ACCURACY_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def reliability(data: Mapping[str, Any] | None) -> list[Reliability]:
    """One sentence per measure that the file covers; [] when nothing was measured."""
    out = []
    for name, keys, fn in _SECTIONS:
        parts = [data.get(k) if data else None for k in keys]
        if not any(parts):
            continue
        try:
            out.append(Reliability(name, _cap(fn(*parts))))
        except (KeyError, TypeError, ValueError, ZeroDivisionError):
            continue  # a file of another layout: leave the measure out rather than fail the report
    return out
