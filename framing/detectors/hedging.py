"""Hedging and boosting cues, by category, in the reporter's voice and in quotes.

Cues come from ``lexicons/hedging.tsv`` (hedges and approximators) and
``lexicons/boosters.tsv``; an entry's optional third column names a *guard*, a
context check in :data:`GUARDS` that keeps the cue, drops it ("May" the month,
"think tank", "appeared in court") or moves it to another category ("an
estimated 300" is an approximator). The guards read only the precomputed
lower-cased tokens around the cue, plus the word lists in
``lexicons/hedging_context.toml``.

Approximators ("about 200", "nearly half") are reported as their own span kind:
they make a number vague, not a claim uncertain, and the gold data does not
count them as hedges.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import compress
from typing import Callable, Mapping

from ..lexicon import LexiconError, Lexicons, WordList, per_lexicon
from ..model import BOOSTER, HEDGE, QUOTED, REPORTER, DetectorOutput, Span, new_span
from ..segment import Content

APPROXIMATOR = "approximator"
HEDGE_CATEGORIES = ("modal", "epistemic", "adverb", "noun", "reportative")
# The [words] lists of hedging_context.toml that the guards read (its [meta] categories).
CONTEXT_LISTS = frozenset(
    "number time schedule_verb ability_verb agent_noun manner_verb person_noun "
    "belief_holder copula_like soften_verb contact_verb think_idiom".split()
)

# Closed-class words the guards need; open lists live in hedging_context.toml.
_BE = frozenset("is are was were be been being am 's 're".split())
# Articles and possessives mark a noun ("the suspect"); demonstratives do not ("this suggests").
_ART = frozenset("the a an his her its their our my your whose".split())
_POSSESSIVE = ("'s", "’s")  # a possessive token, straight or curly ("the ferry’s best possible")
_DET = _ART | frozenset("this that these those".split())
_PRONOUN_SUBJ = frozenset("i we they he she you".split())
_PRONOUN = _PRONOUN_SUBJ | frozenset(("one",))
_NEG = frozenset("not n't never no hardly barely cannot can't couldn't".split())
_SUBORD = frozenset("before until till where when whenever whether how if unless".split())
_OBJ = frozenset("it him her them himself herself itself themselves this that these those us me".split())
_WH = frozenset("whether if how why what when where who".split())
_OPEN_Q = frozenset('"“\'‘')
_MODAL_VERB = frozenset("to will would should could may might must shall can".split())
_MONTH_PREV = frozenset(
    "in on of since until till by from early late mid last next this and between through to during before after "
    "around".split()
)
_CURRENCY = frozenset("$ £ € ¥ us$".split())
_PUNCT = frozenset(".,;:!?)(\"'”“’‘-–—")


@dataclass(frozen=True)
class _Words:
    """Everything the detector needs from one Lexicons, built once per lexicon version."""

    hedges: WordList
    boosters: WordList
    ctx: Mapping[str, frozenset[str]]
    # The first word of every entry -> (a one-word hedge?, second words of longer hedges, a
    # one-word booster?, second words of longer boosters). Only a token that is a one-word
    # entry, or is followed by one of those second words, can start a cue ("in" alone never
    # can, "in fact" can).
    firsts: Mapping[str, tuple[bool, frozenset[str], bool, frozenset[str]]] = field(default_factory=dict)


@per_lexicon
def _words(lex: Lexicons) -> _Words:
    hedges, boosters = lex["hedging"], lex["boosters"]
    for wl in (hedges, boosters):
        for e in wl.entries.values():
            if e.extra and e.extra[0] and e.extra[0] not in GUARDS:
                raise LexiconError(
                    f"{wl.name}.tsv: {e.term!r} names unknown guard {e.extra[0]!r} (known: {', '.join(sorted(GUARDS))})"
                )
    table = lex.table("hedging_context").get("words", {})
    unknown = sorted(set(table) - CONTEXT_LISTS)
    if unknown:
        raise LexiconError(
            f"hedging_context.toml: [words] list {unknown[0]!r} is read by no guard (known: {', '.join(sorted(CONTEXT_LISTS))})"
        )
    ctx = {k: frozenset(str(w).lower() for w in v) for k, v in table.items()}
    firsts: dict[str, tuple[bool, frozenset[str], bool, frozenset[str]]] = {}
    for w in sorted(set(hedges.by_first_word) | set(boosters.by_first_word)):
        hs, bs = hedges.by_first_word.get(w, ()), boosters.by_first_word.get(w, ())
        firsts[w] = (
            any(len(e.words) == 1 for e in hs),
            frozenset(e.words[1] for e in hs if len(e.words) > 1),
            any(len(e.words) == 1 for e in bs),
            frozenset(e.words[1] for e in bs if len(e.words) > 1),
        )
    return _Words(hedges, boosters, ctx, firsts)


class _Ctx:
    """The tokens of one sentence, seen from a cue; out-of-range reads give ''."""

    __slots__ = ("words", "seg", "a", "b", "ctx")

    def __init__(self, words, seg, a: int, b: int, ctx: Mapping[str, frozenset[str]]):
        self.words, self.seg, self.a, self.b, self.ctx = words, seg, a, b, ctx

    def w(self, i: int) -> str:
        return self.words[i] if self.a <= i < self.b else ""

    def orig(self, i: int) -> str:
        return self.seg.text[self.seg.token_starts[i] : self.seg.token_ends[i]]

    def is_in(self, i: int, name: str) -> bool:
        return self.w(i) in self.ctx.get(name, ())

    def is_number(self, i: int) -> bool:
        w = self.w(i)
        if not w:
            return False
        if w == "a":  # "a dozen", "a third", "a 10 percent rise"
            w = self.w(i + 1) or " "
        if w[0].isdigit() or w in _CURRENCY:
            return True
        return w in self.ctx.get("number", ())

    def ahead(self, i: int, targets: frozenset[str] | set[str], n: int) -> bool:
        """One of ``targets`` within ``n`` tokens after ``i``, before any punctuation."""
        for k in range(i + 1, min(self.b, i + 1 + n)):
            w = self.words[k]
            if w in targets:
                return True
            if w in _PUNCT:
                return False
        return False


# --- guards: (ctx, first, last+1, category) -> category to emit, or None to drop ------


def _g_may(c: _Ctx, i: int, j: int, cat: str) -> str | None:
    if c.orig(i) == "May":
        nxt = c.w(i + 1)
        if c.is_number(i + 1) or (i > c.a and (c.w(i - 1) in _MONTH_PREV or nxt in _PUNCT or nxt in ("and", "to", "or"))):
            return None  # the month
    # "so that we may", "may God ...": wishes and purposes, not doubt
    if c.w(i - 1) == "that" and c.w(i - 2) in ("so", "in"):
        return None
    return cat


def _g_modal(c: _Ctx, i: int, j: int, cat: str) -> str | None:
    # "military might", "the might of": the noun
    if c.w(i - 1) in _ART or c.w(i - 1) == "military" or c.w(i + 1) in _PUNCT or c.w(i + 1) == "of":
        return None
    return cat


def _g_could(c: _Ctx, i: int, j: int, cat: str) -> str | None:
    nxt = c.w(i + 1)
    if nxt in _NEG or (c.w(i - 1) in _PRONOUN and c.is_in(i + 1, "ability_verb")):
        return None  # "could not find", "she could swim": past (in)ability
    if nxt == "be" and c.is_in(i + 2, "contact_verb"):
        return None  # "could be reached for comment"
    for k in range(i - 1, max(c.a, i - 5) - 1, -1):
        w = c.words[k]
        if w in _SUBORD or (w == "that" and c.w(k - 1) == "so"):
            return None  # "before he could", "how high it could go", "so that they could"
        if w in _PUNCT:
            break
    return cat


def _g_would(c: _Ctx, i: int, j: int, cat: str) -> str | None:
    # "would" hedges only as a softener ("it would seem", "I would guess"); otherwise it is
    # a conditional, the future in the past, or reported speech ("said it would").
    nxt = c.w(i + 1)
    if c.is_in(i + 1, "soften_verb"):
        return cat
    if nxt == "say" and c.w(i - 1) in ("i", "we", "one"):
        return cat
    return None


def _g_expect(c: _Ctx, i: int, j: int, cat: str) -> str | None:
    prev, nxt = c.w(i - 1), c.w(i + 1)
    if prev in ("as", "than") or prev in _ART or nxt in _PUNCT or nxt in ("after", "since", "because", ""):
        return None  # "as expected", "better than expected", "the expected redemptions", "was expected."
    if nxt == "to" and c.is_in(i + 2, "schedule_verb") and any(
        c.is_in(k, "time") for k in range(i + 3, min(c.b, i + 10))
    ):
        return None  # "is expected to arrive on Monday": the calendar, not a forecast
    return cat


def _g_estimate(c: _Ctx, i: int, j: int, cat: str) -> str | None:
    nxt = c.w(i + 1)
    if c.w(i - 1) in _ART or c.w(i - 1).endswith(_POSSESSIVE) or c.w(i - 1) in ("'", "’") or c.w(i - 1) in _NEG:
        return None  # "an estimated", "analysts' estimates", "could not estimate"
    if nxt in ("at", "of", "for") or c.is_number(i + 1) or c.ahead(i, frozenset(("at",)), 8):
        return None  # "estimated at $4.7 billion", "estimated the value at": a figure, not a belief
    if nxt in _PUNCT and c.words[i] == "estimates":
        return None
    return cat


def _g_possible(c: _Ctx, i: int, j: int, cat: str) -> str | None:
    prev, nxt = c.w(i - 1), c.w(i + 1)
    if prev in ("as", "every", "all", "make", "makes", "made", "making") or prev in ("maximum", "minimum"):
        return None  # "as soon as possible", "made possible"
    if prev.endswith("est") and (i - 1 == c.a or c.w(i - 2) in _ART or c.w(i - 2).endswith(_POSSESSIVE)):
        return None  # "the best possible", "its lowest possible"; not the verbs "suggest", "test"
    if prev == "it" and c.w(i - 2) in ("make", "makes", "made", "making"):
        return None
    if nxt in ("to", "for"):
        return None  # "it is possible to bend the pins": ability, not likelihood
    if prev in _BE or prev in ("also", "always", "sometimes", "only", "not", "quite", "still", "entirely"):
        # predicative: "it is possible that..." hedges, "access is possible there" is feasibility
        if nxt != "that" and "it" not in (c.w(i - 2), c.w(i - 3)):
            return None
    return cat


def _g_potential(c: _Ctx, i: int, j: int, cat: str) -> str | None:
    nxt = c.w(i + 1)
    if c.is_in(i + 1, "agent_noun") or nxt in _PUNCT or not nxt:
        return None  # "potential buyers", "its full potential."
    if nxt in ("of", "to", "in") and (c.w(i - 1) in _ART or c.w(i - 1).endswith(_POSSESSIVE)):
        return None  # "its potential to divide water": a capacity, not a possibility
    return cat


def _g_appear(c: _Ctx, i: int, j: int, cat: str) -> str | None:
    nxt = c.w(i + 1)
    if nxt in ("to", "that") or (nxt == "as" and c.w(i + 2) in ("if", "though")) or c.w(i - 1) in ("it", "would"):
        return cat  # "appears to be", "it appears", "looks as if"
    return None  # "appeared in court", "appears on the screen"


def _g_suggest(c: _Ctx, i: int, j: int, cat: str) -> str | None:
    nxt = c.w(i + 1)
    if c.w(i - 1) in _ART:
        return None  # "the suggested retail price"
    if len(nxt) > 4 and nxt.endswith("ing"):
        return None  # "suggested changing the law": a proposal
    if nxt in ("a", "an", "some", "several") and i > c.a and (c.w(i - 1) in _PRONOUN_SUBJ or c.orig(i - 1)[:1].isupper()):
        return None  # "she suggested a compromise", "Patel suggested a timetable": a proposal
    return cat


def _g_think(c: _Ctx, i: int, j: int, cat: str) -> str | None:
    prev, nxt = c.w(i - 1), c.w(i + 1)
    if nxt == "of" and c.words[i] == "thought" and (prev in _BE or prev.endswith("ly")):
        return cat  # "is commonly thought of as"
    if c.is_in(i + 1, "think_idiom"):
        return None  # "think tank", "think about": not belief
    if prev in _ART or prev in ("of", "and", "or", "some", "another", "much", "no", "little", "than", "critical", "wishful"):
        if not (prev == "some" and (nxt in ("that", "the", "it") or nxt in _PRONOUN_SUBJ)):
            return None  # the noun "thought", "thinking"; but "some thought that..."
    if c.words[i] == "thinking" and nxt not in ("that", "it", "he", "she", "they", "we"):
        return None
    return cat


def _g_believe(c: _Ctx, i: int, j: int, cat: str) -> str | None:
    prev, nxt = c.w(i - 1), c.w(i + 1)
    if prev in ("make", "makes", "made", "can't", "cannot", "couldn't") or (prev == "to" and c.w(i - 2) in ("hard", "difficult")):
        return None  # "make believe", "can't believe it": surprise, not belief
    if nxt == "in" or nxt in (".", "!", "") or (nxt == "," and prev not in _PRONOUN_SUBJ):
        return None  # "believe in God", "in you we believe.", "not all believe,": faith, not a hedge
    return cat


def _g_consider(c: _Ctx, i: int, j: int, cat: str) -> str | None:
    prev = c.w(i - 1)
    k = i + 1
    while c.w(k) in _OPEN_Q:
        k += 1  # 'considered "spiritual"': look past the quote mark
    nxt = c.w(k)
    if prev in _MODAL_VERB or nxt in _PUNCT or nxt in ("for", "in", "from", "but", "whether", "how", "what", "when", "and", "or") or (
        len(nxt) > 4 and nxt.endswith("ing")
    ):
        return None  # "will consider the bid", "considered for the lead", "considered calling": deliberation
    if prev == "be" and c.w(i - 2) in _MODAL_VERB:
        return None  # "should be considered a payment": a ruling, not a belief
    if c.words[i] == "considered" or prev in _PRONOUN_SUBJ or c.is_in(i - 1, "belief_holder"):
        return cat  # "is considered the best", "many consider him a centrist"
    if nxt in _OBJ or c.ahead(i, frozenset(("as", "to")), 5):
        return cat  # "consider it likely", "consider him (to be) a threat"
    return None

def _g_indicate(c: _Ctx, i: int, j: int, cat: str) -> str | None:
    if c.words[i] in ("indicated", "indicating") and c.w(i + 1) != "that":
        return None  # "the company indicated it would...": a report, not an inference
    return cat


def _g_verb(c: _Ctx, i: int, j: int, cat: str) -> str | None:
    return None if c.w(i - 1) in _ART else cat  # "an assumed name", "the implied warranty"


def _g_suspect(c: _Ctx, i: int, j: int, cat: str) -> str | None:
    # The verb ("police suspect that", "we suspect he left"), not the noun ("six suspects")
    nxt = c.w(i + 1)
    if nxt == "that" or c.w(i - 1) in _PRONOUN or c.w(i - 1) in ("also", "still", "strongly"):
        return cat
    return None


def _g_assume(c: _Ctx, i: int, j: int, cat: str) -> str | None:
    # "assume that", "is assumed to": belief; "assume the role", "assumed its debt": taking on
    nxt = c.w(i + 1)
    if nxt in ("that", "to") or nxt in _PRONOUN or (c.w(i - 1) in _BE and c.w(i + 1) not in _DET):
        return cat
    return None


def _g_see_as(c: _Ctx, i: int, j: int, cat: str) -> str | None:
    # "sees alliances as the way back", "is regarded as": a belief; "saw the film": not
    if c.w(i - 1) in _ART:
        return None
    for k in range(i + 1, min(c.b, i + 7)):
        w = c.words[k]
        if w == "as":
            return None if c.w(k + 1) in ("well", "soon", "much", "many", "far", "long", "part") else cat
        if w in _PUNCT:
            return None
    return None


def _g_feel(c: _Ctx, i: int, j: int, cat: str) -> str | None:
    # "feel that", "felt they had ties": belief; "feel the heat", "felt pain": sensation
    return cat if c.w(i + 1) in ("that", "it", "there") or c.w(i + 1) in _PRONOUN_SUBJ else None


def _g_questioned(c: _Ctx, i: int, j: int, cat: str) -> str | None:
    # "questioned whether", "questioned the figures": doubt; "questioned two suspects",
    # "was questioned by police": interrogation
    nxt = c.w(i + 1)
    if nxt in ("him", "her", "them", "me", "us", "by") or c.w(i - 1) in _ART:
        return None
    if any(c.is_in(k, "person_noun") for k in range(i + 1, min(c.b, i + 4))):
        return None
    return cat


def _g_accused(c: _Ctx, i: int, j: int, cat: str) -> str | None:
    return None if c.w(i - 1) in _ART else cat  # "the accused" is a person


def _g_fear(c: _Ctx, i: int, j: int, cat: str) -> str | None:
    prev, nxt = c.w(i - 1), c.w(i + 1)
    if nxt in _PUNCT or nxt in ("of", "and", "in", "for", "or") or prev in ("in", "with", "without", "of", "out"):
        return None  # "fear of flying", "lived in fear"
    return cat


def _g_predicative(c: _Ctx, i: int, j: int, cat: str) -> str | None:
    if c.w(i - 1) in _BE or c.is_in(i - 1, "copula_like") or c.w(i + 1) in _WH:
        return cat  # "the cause is unknown", "unknown whether"
    return None  # "an unknown soldier", "a relative unknown"


def _g_apparent(c: _Ctx, i: int, j: int, cat: str) -> str | None:
    return cat if c.w(i - 1) in _DET else None  # "an apparent suicide", not "it became apparent"


def _g_numeric(c: _Ctx, i: int, j: int, cat: str) -> str | None:
    return cat if c.is_number(j) else None  # "about 200", not "about the plan"


def _g_clearly(c: _Ctx, i: int, j: int, cat: str) -> str | None:
    if c.is_in(i - 1, "manner_verb") or c.is_in(i + 1, "manner_verb") or c.w(i - 1) in _NEG:
        return None  # "speak clearly", "clearly visible": manner
    return cat


Guard = Callable[[_Ctx, int, int, str], "str | None"]

GUARDS: dict[str, Guard] = {
    "accused": _g_accused,
    "apparent": _g_apparent,
    "appear": _g_appear,
    "believe": _g_believe,
    "clearly": _g_clearly,
    "consider": _g_consider,
    "could": _g_could,
    "estimate": _g_estimate,
    "assume": _g_assume,
    "feel": _g_feel,
    "see_as": _g_see_as,
    "suspect": _g_suspect,
    "expect": _g_expect,
    "fear": _g_fear,
    "indicate": _g_indicate,
    "may": _g_may,
    "modal": _g_modal,
    "numeric": _g_numeric,
    "possible": _g_possible,
    "potential": _g_potential,
    "predicative": _g_predicative,
    "questioned": _g_questioned,
    "suggest": _g_suggest,
    "think": _g_think,
    "verb": _g_verb,
    "would": _g_would,
}


def _matches(wl: WordList, c: _Ctx, hits: list[int]) -> list[tuple[int, int, str]]:
    """``wl.find_all(c.words, c.a, c.b)`` visiting only ``hits``, the tokens that start an entry."""
    out = []
    nxt = c.a  # the first token a match may start at: matches do not overlap
    index, words, b = wl.by_first_word, c.words, c.b
    for i in hits:
        if i < nxt:
            continue
        # WordList.match inlined: the first entry (longest first) whose words start here; a
        # one-word entry is its index key, so it matches without a compare.
        for entry in index.get(words[i], ()):
            n = len(entry.words)
            if n == 1 or tuple(words[i : i + n]) == entry.words:
                break
        else:
            continue
        j = i + n
        if j > b:  # as find_all: a longest match past the sentence end is no match
            continue
        nxt = j
        cat: str | None = entry.category
        guard = entry.extra[0] if entry.extra else ""
        if guard:
            cat = GUARDS[guard](c, i, j, cat)
        if cat is not None:
            out.append((i, j, cat))
    return out


def detect(content: Content, lex: Lexicons) -> DetectorOutput:
    """Hedge, booster and approximator spans of the content sentences, with their rates."""
    words_ = _words(lex)
    seg = content.seg
    words = seg.words
    text, tstarts, tends = seg.text, seg.token_starts, seg.token_ends
    spans: list[Span] = []
    hedges = {"reporter": 0, "quote": 0}
    boosters = {"reporter": 0, "quote": 0}
    by_cat = dict.fromkeys(HEDGE_CATEGORIES, 0)
    approximators = 0
    uncertain = 0
    # Tokens that may start a cue, by sentence: most sentences hold none.
    firsts = words_.firsts
    n = len(words)
    cues: dict[int, tuple[list[int], list[int]]] = {}
    stok, sst = seg.sentence_tokens, seg._sentence_starts
    nsent = len(stok)
    for i in compress(range(n), map(firsts.__contains__, words)):
        one_h, second_h, one_b, second_b = firsts[words[i]]
        nxt = words[i + 1] if i + 1 < n else ""
        h = one_h or nxt in second_h
        bo = one_b or nxt in second_b
        if h or bo:  # WordList.match can find an entry here
            si = bisect_right(sst, tstarts[i]) - 1
            if 0 <= si < nsent and stok[si][0] <= i < stok[si][1]:
                got = cues.get(si)
                if got is None:
                    got = cues[si] = ([], [])
                if h:
                    got[0].append(i)
                if bo:
                    got[1].append(i)
    if cues and len(content.sentences) < nsent:  # boilerplate sentences are not read
        keep = frozenset(content.sentences)
        cues = {si: v for si, v in cues.items() if si in keep}
    quotes, qstarts = seg.quotes, seg._quote_starts
    lines, lstarts = seg.lines, seg._line_starts
    for si in sorted(cues):
        a, b = stok[si]
        hh, bh = cues[si]
        c = _Ctx(words, seg, a, b, words_.ctx)
        found = _matches(words_.hedges, c, hh) if hh else []
        for i, j, cat in _matches(words_.boosters, c, bh) if bh else ():
            # A booster inside a longer hedge ("almost certainly") yields to it; a longer
            # booster ("no doubt") replaces the hedge it contains ("doubt").
            clash = [k for k, (hi, hj, _) in enumerate(found) if hi < j and i < hj]
            if any(found[k][1] - found[k][0] >= j - i for k in clash):
                continue
            found = [f for k, f in enumerate(found) if k not in clash]
            found.append((i, j, cat))
        found.sort()
        sentence_hedged = False
        for i, j, cat in found:
            start, end = tstarts[i], tends[j - 1]
            voice = REPORTER
            if quotes:  # seg.in_quote, inlined
                q = bisect_right(qstarts, start) - 1
                if q >= 0 and start < quotes[q][1]:
                    voice = QUOTED
            line = bisect_right(lstarts, start)  # seg.line_col, inlined
            line = line if line > 0 else 1
            col = start - lines[line - 1][0] + 1
            if cat == "booster":
                boosters[voice] += 1
                kind, label, rule = BOOSTER, "booster", "hedging.booster"
            elif cat == APPROXIMATOR:
                approximators += 1
                kind, label, rule = APPROXIMATOR, APPROXIMATOR, "hedging.approximator"
            else:
                hedges[voice] += 1
                by_cat[cat] = by_cat.get(cat, 0) + 1
                sentence_hedged = True
                kind, label, rule = HEDGE, cat, f"hedging.{cat}"
            spans.append(new_span(kind, start, end, text[start:end], label, line, col, voice, rule))
        uncertain += sentence_hedged
    return DetectorOutput(spans=tuple(spans), metrics=_metrics(content, hedges, boosters, by_cat, approximators, uncertain))


def _per100(n: int, words: int) -> float:
    return 100.0 * n / words if words else 0.0


def _metrics(content: Content, hedges, boosters, by_cat, approximators: int, uncertain: int) -> dict[str, float]:
    h = hedges["reporter"] + hedges["quote"]
    bo = boosters["reporter"] + boosters["quote"]
    out: dict[str, float] = {
        "hedges": h,
        "hedges_per_100w": _per100(h, content.words),
        "hedges_per_100w_reporter": _per100(hedges["reporter"], content.reporter_words),
        "hedges_per_100w_quote": _per100(hedges["quote"], content.quote_words),
        "boosters": bo,
        "boosters_per_100w": _per100(bo, content.words),
        "boosters_per_100w_reporter": _per100(boosters["reporter"], content.reporter_words),
        "hedge_booster_balance": (h - bo) / (h + bo) if h + bo else 0.0,
        "uncertain_sentence_share": uncertain / len(content.sentences) if content.sentences else 0.0,
        "approximators": approximators,
        "approximators_per_100w": _per100(approximators, content.words),
    }
    for cat in sorted(by_cat):
        out[f"hedges_{cat}"] = by_cat[cat]
    return out
