"""Sentiment toward one mention, scoped to what is said about it.

A mention's tone is read from its own sentence, weighted toward its clause and the
words nearest to it: "Kim praised Putin while the West condemned Pyongyang" is
positive toward Putin and negative toward Pyongyang. Word valences come from
VADER's lexicon (plus ``lexicons/sentiment_news.tsv``) with VADER's booster and
negation rules; a small multinomial logistic regression
(``framing/models/sentiment_lr.json``, trained by ``scripts/train_sentiment.py`` on
NewsMTSC's training split) turns them, and the words around the mention, into
neg/neu/pos. All mentions of an article are scored at once: the weights are arrays
indexed by word id and every window, clause or sentence sum is read from prefix sums.

A span that is not a name but a phrase ("a string of controversial statements")
is scored on the wording of the phrase itself plus the model's reading of its
context: positive only when both lean positive.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from importlib import resources
from typing import Sequence

import numpy as np

from ..lexicon import Lexicons
from ..segment import Content, Segmentation

POLARITIES = ("neg", "neu", "pos")
MODEL_FILE = "sentiment_lr.json"
NEWS_LEXICON = "sentiment_news"

WINDOW = 6  # tokens each side that get position-tagged word features
PHRASE_CONTEXT = 0.1  # weight of the context model's lean for a phrase span
NEG_SCALAR = -0.74  # VADER's N_SCALAR: a negated word flips and weakens
# Tokens that end a clause: the tone of another clause is about someone else more often.
CLAUSE_BREAKS = frozenset(
    ", ; : ( ) — – - but while whereas although though however yet because after before when who which whom whose".split()
)
SAY_VERBS = frozenset("said says say told tells according stated added noted argued claimed wrote tweeted".split())
PRONOUNS = frozenset("he she they it him her them his hers their its i we you me us".split())
# Words that may sit in a mention without making it a phrase ("the U.S. president").
NAME_FILLERS = frozenset("the a an of and de van von der al bin mr mrs ms dr sen rep gov president 's ’s".split())
DETERMINERS = frozenset("the a an this that these those his her their its our my your".split())
QUOTE_CHARS = frozenset('"“”«»„')


@dataclass(frozen=True)
class MentionSentiment:
    score: float  # -1 (negative) .. +1 (positive)
    polarity: str  # neg | neu | pos
    scope: tuple[int, int]  # the characters the score was read from


# --- resources, loaded once -----------------------------------------------------------


@lru_cache(maxsize=1)
def _vader_tables() -> tuple[dict[str, float], dict[str, float], frozenset[str]]:
    from vaderSentiment.vaderSentiment import BOOSTER_DICT, NEGATE, SentimentIntensityAnalyzer

    lexicon = dict(SentimentIntensityAnalyzer().lexicon)
    # "no" is a negator in news copy far more often than a sentiment word.
    lexicon.pop("no", None)
    negate = frozenset(NEGATE) | {"no", "n't", "never", "neither", "nor", "without"}
    return lexicon, dict(BOOSTER_DICT), negate


_TABLES: dict[str, dict[str, float]] = {}


def _valence_table(lex: Lexicons) -> dict[str, float]:
    """VADER's lexicon with the news additions on top (single-word entries), once per lexicon version."""
    table = _TABLES.get(lex.version)
    if table is None:
        table = _TABLES[lex.version] = _build_valence_table(lex)
    return table


def _build_valence_table(lex: Lexicons) -> dict[str, float]:
    base, _, _ = _vader_tables()
    table = dict(base)
    try:
        news = lex[NEWS_LEXICON]
    except Exception:  # a user lexicon set without the news list: VADER alone
        return table
    for entry in news.entries.values():
        if len(entry.words) != 1:
            continue
        try:
            value = float(entry.extra[0]) if entry.extra else (2.0 if entry.category == "pos" else -2.0)
        except ValueError:
            value = 2.0 if entry.category == "pos" else -2.0
        table[entry.words[0]] = value
    return table


@lru_cache(maxsize=1)
def load_model() -> dict:
    """The shipped weights: {"classes", "bias", "weights": {feature: [w per class]}}."""
    path = resources.files("framing").joinpath("models", MODEL_FILE)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {"classes": list(POLARITIES), "bias": [0.0, 0.0, 0.0], "weights": {}, "meta": {"missing": True}}
    return data


# --- features: the definition -----------------------------------------------------------
#
# ``_features`` spells out every feature of one mention as a plain dict (used for
# training and as the reference); ``_scores`` computes the same weighted sum for all
# mentions of an article at once from per-token weight tables and prefix sums, so a
# mention costs a few array operations instead of dozens of string look-ups. A unit
# test checks that both agree.

# Numeric features (a column each), in the order of the fast path's matrix.
NUMERIC = (
    "v_sent", "v_pos_s", "v_neg_s", "v_pos_c", "v_neg_c", "v_pos_w", "v_neg_w", "v_left", "v_right",
    "v_l3", "v_r3", "cw:L:pos", "cw:L:neg", "cw:R:pos", "cw:R:neg", "no_sentiment",
    "in_quote", "sent_quote", "first", "possessive", "speaker:L", "speaker:R",
)  # fmt: skip
# Word features summed over a token range: sentence bag, window each side, clause each side.
RANGE_ROLES = ("S", "L", "R", "CL", "CR")
# Word features at one position: next words, descriptors inside the mention, sentiment
# words by side and clause, the nearest sentiment word by side.
POINT_ROLES = ("L1", "L2", "R1", "R2", "M", "SWL", "SWR", "SWoL", "SWoR", "nwL", "nwR")
BIGRAM_ROLES = ("LB", "RB")  # the two words left, the two words right
SIDES, BUCKETS, SIGNS = ("L", "R"), ("1", "3", "6", "far"), ("neg", "pos")
UNKNOWN_NEGATOR = "<not>"  # an n't word VADER does not list
LOOKUP_CAP = 500_000  # raw words remembered per lexicon version


def _norm(word: str) -> str:
    if "’" in word:
        word = word.replace("’", "'")
    if word[:1].isdigit():
        return "0"
    return word


def _is_negator(word: str, negate: frozenset[str]) -> bool:
    return word in negate or word.endswith("n't")


def _token_valence(words: Sequence[str], i: int, v: float, floor: int) -> float:
    """VADER's rules for the sentiment word at ``i``: boosters in the 3 words before, negation."""
    _, boosters, negate = _vader_tables()
    sign = 1.0 if v > 0 else -1.0
    out = v
    for k, decay in ((1, 1.0), (2, 0.95), (3, 0.9)):
        j = i - k
        if j < floor:
            break
        b = boosters.get(_norm(words[j]))
        if b:
            out += sign * b * decay  # a dampener ("slightly") weakens, a booster strengthens
    for k in (1, 2, 3):
        j = i - k
        if j < floor or words[j] in CLAUSE_BREAKS:  # "not good, good": negation stops at the comma
            break
        if _is_negator(_norm(words[j]), negate):
            out *= NEG_SCALAR
            break
    return out


def _sentence_valences(seg: Segmentation, lo: int, hi: int, table: dict[str, float]) -> list[float]:
    """Valence of each token in ``lo:hi`` (one sentence): lexicon value, boosted, negated."""
    words = seg.words
    out = [0.0] * (hi - lo)
    for i in range(lo, hi):
        v = table.get(_norm(words[i]))
        if v:
            out[i - lo] = _token_valence(words, i, v, lo)
    return out


def _token_range(seg: Segmentation, start: int, end: int) -> tuple[int, int]:
    a = bisect_right(seg.token_ends, start)
    b = bisect_left(seg.token_starts, end)
    if a >= len(seg.token_starts):
        return a, a
    return a, max(b, a + 1)


def _sentence_range(seg: Segmentation, a: int, b: int) -> tuple[int, int]:
    """Tokens of the sentence(s) holding mention tokens ``a:b``."""
    if not seg.sentences:
        return 0, len(seg.token_starts)
    first = seg.sentence_index(seg.token_starts[a])
    last = seg.sentence_index(seg.token_starts[max(a, b - 1)])
    return seg.sentence_tokens[first][0], max(seg.sentence_tokens[last][1], b)


def _sentence_floor(seg: Segmentation, i: int) -> int:
    """First token of the sentence token ``i`` is in: VADER's look-back stops there."""
    if not seg.sentences:
        return 0
    return seg.sentence_tokens[seg.sentence_index(seg.token_starts[i])][0]


def _clause(words: Sequence[str], lo: int, hi: int, a: int, b: int) -> tuple[int, int]:
    """Walk out from the mention to the nearest clause break on each side."""
    cl = a
    while cl > lo and words[cl - 1] not in CLAUSE_BREAKS:
        cl -= 1
    cr = b
    while cr < hi and words[cr] not in CLAUSE_BREAKS:
        cr += 1
    return cl, cr


def _is_phrase(seg: Segmentation, a: int, b: int, table: dict[str, float]) -> bool:
    """True when the span is wording (a loaded word, a clause), not a name, pronoun or noun phrase."""
    text = seg.text
    words = seg.words
    lower = upper = loaded = 0
    for i in range(a, b):
        w = words[i]
        if not w[:1].isalnum() or w in NAME_FILLERS or w in PRONOUNS:
            continue
        if table.get(_norm(w)):
            loaded += 1
        if text[seg.token_starts[i]].isupper():
            upper += 1
        else:
            lower += 1
    if lower >= 3:
        return True
    if words[a] in DETERMINERS:  # "the governor", "his party": an actor named by a noun
        return False
    return lower >= 1 and (upper == 0 or loaded >= 1)


def _features(seg: Segmentation, table: dict[str, float], a: int, b: int) -> dict[str, float]:
    """Every feature of the mention at tokens ``a:b`` (the model's input, spelled out)."""
    _, _, negate = _vader_tables()
    words = seg.words
    text = seg.text
    lo, hi = _sentence_range(seg, a, b)
    nw = [_norm(w) for w in words[lo:hi]]
    val = [0.0] * (hi - lo)
    for i in range(lo, hi):
        v = table.get(nw[i - lo])
        if v:
            val[i - lo] = _token_valence(words, i, v, _sentence_floor(seg, i))
    f: dict[str, float] = {}

    def add(key: str, x: float = 1.0) -> None:
        f[key] = f.get(key, 0.0) + x

    cl, cr = _clause(words, lo, hi, a, b)
    pos_s = neg_s = pos_c = neg_c = pos_w = neg_w = left = right = 0.0
    nearest = None
    for i in range(lo, hi):
        v = val[i - lo]
        if not v or a <= i < b:
            continue
        is_left = i < a
        d = a - i if is_left else i - b + 1
        w = 1.0 / d
        inside = cl <= i < cr
        if v > 0:
            pos_s += v
            pos_w += v * w
            pos_c += v if inside else 0.0
        else:
            neg_s -= v
            neg_w -= v * w
            neg_c -= v if inside else 0.0
        if is_left:
            left += v * w
        else:
            right += v * w
        side = "L" if is_left else "R"
        if inside:
            add(f"cw:{side}:{'pos' if v > 0 else 'neg'}", abs(v) / 4.0)
        add(("SW" if inside else "SWo") + side + ":" + nw[i - lo])
        if nearest is None or d < nearest[0]:
            nearest = (d, v, side, i)
    total = pos_s - neg_s
    f["v_sent"] = total / math.sqrt(total * total + 15.0)  # VADER's normalisation
    f["v_pos_s"] = pos_s / 4.0
    f["v_neg_s"] = neg_s / 4.0
    f["v_pos_c"] = pos_c / 4.0
    f["v_neg_c"] = neg_c / 4.0
    f["v_pos_w"] = pos_w / 2.0
    f["v_neg_w"] = neg_w / 2.0
    f["v_left"] = left / 2.0
    f["v_right"] = right / 2.0
    f["v_l3"] = sum(val[i - lo] for i in range(max(lo, a - 3), a)) / 4.0
    f["v_r3"] = sum(val[i - lo] for i in range(b, min(hi, b + 3))) / 4.0
    if nearest is None:
        f["no_sentiment"] = 1.0
    else:
        d, v, side, i = nearest
        bucket = "1" if d <= 1 else "3" if d <= 3 else "6" if d <= 6 else "far"
        f[f"near:{side}{bucket}:{'pos' if v > 0 else 'neg'}"] = 1.0
        add(f"nw{side}:" + nw[i - lo])

    # Voice and role.
    if seg.in_quote(seg.token_starts[a]):
        f["in_quote"] = 1.0
    if any(w in QUOTE_CHARS for w in nw):
        f["sent_quote"] = 1.0
    if a == lo or (a == lo + 1 and nw[0] in QUOTE_CHARS):
        f["first"] = 1.0
    if b < hi and nw[b - lo] == "'s":
        f["possessive"] = 1.0
    if any(nw[i - lo] in SAY_VERBS for i in range(max(lo, a - 3), a)):
        f["speaker:L"] = 1.0
    if any(nw[i - lo] in SAY_VERBS for i in range(b, min(hi, b + 3))):
        f["speaker:R"] = 1.0

    # Words around the mention, by side and distance; the clause's words by side.
    for i in range(max(lo, a - WINDOW), a):
        add("L:" + nw[i - lo])
    for i in range(b, min(hi, b + WINDOW)):
        add("R:" + nw[i - lo])
    for k, i in (("L1", a - 1), ("L2", a - 2)):
        if i >= lo:
            add(f"{k}:" + nw[i - lo])
    for k, i in (("R1", b), ("R2", b + 1)):
        if i < hi:
            add(f"{k}:" + nw[i - lo])
    if a - 2 >= lo:
        add(f"LB:{nw[a - 2 - lo]} {nw[a - 1 - lo]}")
    if b + 1 < hi:
        add(f"RB:{nw[b - lo]} {nw[b + 1 - lo]}")
    for i in range(cl, a):
        add("CL:" + nw[i - lo])
    for i in range(b, cr):
        add("CR:" + nw[i - lo])
    # Descriptive words inside the mention ("ailing", "disgraced"), not the name itself.
    for i in range(a, b):
        if words[i][:1].isalpha() and not text[seg.token_starts[i]].isupper():
            add("M:" + nw[i - lo])
    # The sentence as a bag of words, the mention left out: its tone as a prior.
    for i in range(lo, hi):
        if not (a <= i < b):
            add("S:" + nw[i - lo])
    return f


# --- the same sum, for every mention of an article at once ------------------------------


class _Weights:
    """The model as arrays indexed by word id (0: a word the model and lexicons lack).

    Scores are kept relative to the neutral class (neg - neu, pos - neu): the softmax is
    the same and every sum has two columns instead of three.
    """

    # Columns of the per-word table ``tok``: range-role weights (2 each), then flags.
    SAY, QUOTE, VAL, BOOST, NEG, BRK = range(2 * len(RANGE_ROLES), 2 * len(RANGE_ROLES) + 6)

    def __init__(self, model: dict, table: dict[str, float]):
        _, boosters, negate = _vader_tables()
        vocab: dict[str, int] = {"": 0}

        def wid(word: str) -> int:
            i = vocab.get(word)
            if i is None:
                i = vocab[word] = len(vocab)
            return i

        for word in (*table, *boosters, *negate, *CLAUSE_BREAKS, *SAY_VERBS, *QUOTE_CHARS, "'s", UNKNOWN_NEGATOR):
            if _norm(word) == word:  # tokens are looked up normalised ("8)" is a number)
                wid(word)
        r_index = {r: k for k, r in enumerate(RANGE_ROLES)}
        p_index = {r: k for k, r in enumerate(POINT_ROLES)}
        b_index = {r: k for k, r in enumerate(BIGRAM_ROLES)}
        n_index = {r: k for k, r in enumerate(NUMERIC)}
        near_index = {f"near:{s}{bk}:{sg}": (i, j, k) for i, s in enumerate(SIDES) for j, bk in enumerate(BUCKETS) for k, sg in enumerate(SIGNS)}
        rng, pnt, big, num, near = [], [], [], [], []
        for name, (w0, w1, w2) in model["weights"].items():
            w = (w0 - w1, w2 - w1)
            if name in n_index:
                num.append((n_index[name], w))
            elif name in near_index:
                near.append((near_index[name], w))
            else:
                role, _, rest = name.partition(":")
                if role in r_index:
                    rng.append((wid(rest), r_index[role], w))
                elif role in p_index:
                    pnt.append((wid(rest), p_index[role], w))
                elif role in b_index:
                    first, _, second = rest.partition(" ")
                    big.append((wid(first), wid(second), b_index[role], w))
        n = len(vocab)
        self.vocab, self.size = vocab, n
        b0, b1, b2 = model["bias"]
        self.bias = np.array((b0 - b1, b2 - b1))
        self.tok = np.zeros((n, self.BRK + 1))
        for i, r, w in rng:
            self.tok[i, 2 * r : 2 * r + 2] = w
        self.pnt = np.zeros((n, len(POINT_ROLES), 2))
        for i, r, w in pnt:
            self.pnt[i, r] = w
        codes = sorted({i * n + j for i, j, _, _ in big})
        self.bcodes = np.array(codes or [-1], dtype=np.int64)
        self.bw = np.zeros((len(self.bcodes), len(BIGRAM_ROLES), 2))
        at = {c: k for k, c in enumerate(codes)}
        for i, j, r, w in big:
            self.bw[at[i * n + j], r] = w
        self.num = np.zeros((len(NUMERIC), 2))
        for k, w in num:
            self.num[k] = w
        self.near = np.zeros((len(SIDES), len(BUCKETS), len(SIGNS), 2))
        for k, w in near:
            self.near[k] = w
        for word, i in vocab.items():
            row = self.tok[i]
            row[self.SAY] = word in SAY_VERBS
            row[self.QUOTE] = word in QUOTE_CHARS
            row[self.VAL] = table.get(word, 0.0)
            row[self.BOOST] = boosters.get(word, 0.0)
            row[self.NEG] = word == UNKNOWN_NEGATOR or (bool(word) and _is_negator(word, negate))
            row[self.BRK] = word in CLAUSE_BREAKS
        self.poss = vocab["'s"]
        self.unknown_negator = vocab[UNKNOWN_NEGATOR]
        self.lookup = dict(vocab)  # raw token -> id, grows with the words seen


_WEIGHTS: dict[str, _Weights] = {}


def _weights(lex: Lexicons) -> _Weights:
    w = _WEIGHTS.get(lex.version)
    if w is None:
        w = _WEIGHTS[lex.version] = _Weights(load_model(), _valence_table(lex))
    return w


def _ids(words: Sequence[str], W: _Weights) -> np.ndarray:
    """Word id of each token (normalised; an unknown word ending in n't is the negator id)."""
    lookup = W.lookup
    ids = np.fromiter(map(lookup.get, words, repeat(-1)), dtype=np.int64, count=len(words))
    if (ids < 0).any():
        for i in np.flatnonzero(ids < 0).tolist():
            w = words[i]
            nw = _norm(w)
            x = W.vocab.get(nw, 0)
            if not x and nw.endswith("n't"):
                x = W.unknown_negator
            ids[i] = x
            if len(lookup) < LOOKUP_CAP:  # remembered: a corpus repeats its words
                lookup[w] = x
    return ids


_COL = {name: k for k, name in enumerate(NUMERIC)}
# Numeric features summed over (mention, sentiment word) pairs, in this order.
_PAIR_COLS = np.array([_COL[c] for c in ("v_pos_s", "v_neg_s", "v_pos_c", "v_neg_c", "v_pos_w", "v_neg_w", "v_left", "v_right", "cw:L:pos", "cw:L:neg", "cw:R:pos", "cw:R:neg")])
_PAIR_SCALE = np.array([4.0, 4.0, 4.0, 4.0, 2.0, 2.0, 2.0, 2.0, 4.0, 4.0, 4.0, 4.0])


def _scores(W: _Weights, ids: np.ndarray, start: np.ndarray, A: np.ndarray, B: np.ndarray, LO: np.ndarray, HI: np.ndarray, mlower: list[tuple[int, int]], in_quote: list[bool] | None) -> tuple[np.ndarray, np.ndarray]:
    """Scores (M x 2: neg - neu, pos - neu) of the mentions at tokens ``A[k]:B[k]``, and token valences.

    ``ids`` are the word ids of the tokens read, ``start`` marks a sentence's first token
    (length n + 1); mention ``k`` lies in the sentence ``LO[k]:HI[k]``.
    """
    n = len(ids)
    m = len(A)
    T = W.tok[ids]

    # Token valences: lexicon value, boosters and negation in the 3 words before (same sentence).
    val = T[:, W.VAL].copy()
    cand = np.flatnonzero(val)
    if len(cand):
        base = val[cand]
        sign = np.sign(base)
        out = base.copy()
        neg = T[:, W.NEG] > 0
        brk = T[:, W.BRK] > 0
        boost = T[:, W.BOOST]
        ok = np.ones(len(cand), dtype=bool)
        alive = ok.copy()
        negated = np.zeros(len(cand), dtype=bool)
        for k, decay in ((1, 1.0), (2, 0.95), (3, 0.9)):
            ok &= ~start[cand - k + 1]
            j = np.maximum(cand - k, 0)
            out += np.where(ok, boost[j], 0.0) * (decay * sign)
            alive &= ok & ~brk[j]
            negated |= alive & neg[j]
            alive &= ~neg[j]
        out[negated] *= NEG_SCALAR
        val[cand] = out
        loaded = cand[out != 0]
    else:
        loaded = cand
    PV = np.zeros(n + 1)
    np.cumsum(val, out=PV[1:])
    PR = np.zeros((n + 1, W.QUOTE + 1))
    np.cumsum(T[:, : W.QUOTE + 1], axis=0, out=PR[1:])

    breaks = np.flatnonzero(T[:, W.BRK])
    if len(breaks):
        k = np.searchsorted(breaks, A)
        CL = np.maximum(LO, np.where(k > 0, breaks[np.maximum(k - 1, 0)] + 1, 0))
        k = np.searchsorted(breaks, B)
        CR = np.minimum(HI, np.where(k < len(breaks), breaks[np.minimum(k, len(breaks) - 1)], n))
    else:
        CL, CR = LO, HI
    L3, R3 = np.maximum(LO, A - 3), np.minimum(HI, B + 3)
    # Range roles: S over the sentence minus the mention, L/R windows, CL/CR clause sides.
    pa, pb, plo, phi = PR[A], PR[B], PR[LO], PR[HI]
    score = (
        (phi[:, 0:2] - plo[:, 0:2] - pb[:, 0:2] + pa[:, 0:2])
        + (pa[:, 2:4] - PR[np.maximum(LO, A - WINDOW), 2:4])
        + (PR[np.minimum(HI, B + WINDOW), 4:6] - pb[:, 4:6])
        + (pa[:, 6:8] - PR[CL, 6:8])
        + (PR[CR, 8:10] - pb[:, 8:10])
    )  # fmt: skip
    last = max(n - 1, 0)
    idx = np.stack((A - 1, A - 2, B, B + 1))
    ok4 = np.stack((A - 1 >= LO, A - 2 >= LO, B < HI, B + 1 < HI))
    at4 = ids[np.clip(idx, 0, last)]
    score += (W.pnt[at4, np.arange(4)[:, None]] * ok4[:, :, None]).sum(axis=0)
    if mlower:
        mk, mi = np.array(mlower, dtype=np.int64).T
        np.add.at(score, mk, W.pnt[ids[mi], 4])

    # The two words on each side as bigrams.
    codes = np.concatenate((ids[np.clip(A - 2, 0, last)] * W.size + at4[0], at4[2] * W.size + ids[np.clip(B + 1, 0, last)]))
    at = np.minimum(np.searchsorted(W.bcodes, codes), len(W.bcodes) - 1)
    hit = (W.bcodes[at] == codes) & np.concatenate((ok4[1], ok4[3]))
    bw = W.bw[at, np.repeat((0, 1), m)] * hit[:, None]
    score += bw[:m] + bw[m:]

    # Numeric features.
    X = np.zeros((m, len(NUMERIC)))
    X[:, _COL["v_l3"]] = (PV[A] - PV[L3]) / 4.0
    X[:, _COL["v_r3"]] = (PV[R3] - PV[B]) / 4.0
    if in_quote is not None:
        X[:, _COL["in_quote"]] = in_quote
    q = W.QUOTE
    X[:, _COL["sent_quote"]] = phi[:, q] > plo[:, q]
    X[:, _COL["first"]] = (A == LO) | ((A == LO + 1) & (T[np.minimum(LO, last), q] > 0))
    X[:, _COL["possessive"]] = ok4[2] & (at4[2] == W.poss)
    s = W.SAY
    X[:, _COL["speaker:L"]] = pa[:, s] > PR[L3, s]
    X[:, _COL["speaker:R"]] = PR[R3, s] > pb[:, s]

    # Sentiment words of each mention's sentence, as (mention, word) pairs.
    ks = np.searchsorted(loaded, LO)
    cnt = np.searchsorted(loaded, HI) - ks
    total = int(cnt.sum())
    pm = np.repeat(np.arange(m), cnt)
    pi = loaded[np.arange(total) - np.repeat(np.cumsum(cnt) - cnt - ks, cnt)]
    a, b = A[pm], B[pm]
    keep = (pi < a) | (pi >= b)
    if not keep.all():
        pm, pi, a, b = pm[keep], pi[keep], a[keep], b[keep]
    X[:, _COL["no_sentiment"]] = 1.0
    if len(pm):
        v = val[pi]
        is_left = pi < a
        d = np.where(is_left, a - pi, pi - b + 1)
        inside = (pi >= CL[pm]) & (pi < CR[pm])
        pos = v > 0
        av = np.abs(v)
        side = (~is_left).astype(np.int64)
        wid = ids[pi]
        F = np.empty((len(pm), 14))
        F[:, 0] = av * pos
        F[:, 1] = av - F[:, 0]
        F[:, 2:4] = F[:, 0:2] * inside[:, None]
        F[:, 4:6] = F[:, 0:2] / d[:, None]
        wv = v / d
        F[:, 6] = wv * is_left
        F[:, 7] = wv - F[:, 6]
        F[:, 8:10] = F[:, 2:4] * is_left[:, None]
        F[:, 10:12] = F[:, 2:4] - F[:, 8:10]
        F[:, 12:14] = W.pnt[wid, 5 + np.where(inside, 0, 2) + side]  # SW roles
        group = np.flatnonzero(np.r_[True, pm[1:] != pm[:-1]])  # pairs come grouped by mention
        gm = pm[group]
        agg = np.add.reduceat(F, group, axis=0)
        X[gm[:, None], _PAIR_COLS] = agg[:, :12] / _PAIR_SCALE
        tot = agg[:, 0] - agg[:, 1]
        X[gm, _COL["v_sent"]] = tot / np.sqrt(tot * tot + 15.0)  # VADER's normalisation
        X[gm, _COL["no_sentiment"]] = 0.0
        score[gm] += agg[:, 12:14]
        # The nearest sentiment word of each mention (the leftmost on a tie).
        order = np.lexsort((pi, d, pm))
        head = order[group]
        hd = d[head]
        bucket = (hd > 1).astype(np.int64) + (hd > 3) + (hd > 6)
        score[gm] += W.near[side[head], bucket, pos[head].astype(np.int64)] + W.pnt[wid[head], 9 + side[head]]
    score += X @ W.num + W.bias
    return score, val


def _predict(f: dict[str, float]) -> tuple[float, float, float]:
    """Class probabilities from a feature dict (the reference path)."""
    model = load_model()
    weights = model["weights"]
    s0, s1, s2 = model["bias"]
    for name, x in f.items():
        w = weights.get(name)
        if w is not None:
            s0 += w[0] * x
            s1 += w[1] * x
            s2 += w[2] * x
    m = max(s0, s1, s2)
    e0, e1, e2 = math.exp(s0 - m), math.exp(s1 - m), math.exp(s2 - m)
    z = e0 + e1 + e2
    return e0 / z, e1 / z, e2 / z


def score_mentions(content: Content, lex: Lexicons, mentions: Sequence[tuple[int, int]]) -> list[MentionSentiment]:
    """Tone toward each mention ``(start, end)``; mentions of one article, all at once."""
    seg = content.seg
    n = len(seg.token_starts)
    out: list[MentionSentiment | None] = [None] * len(mentions)
    table = _valence_table(lex)
    text, tstarts, tends, words = seg.text, seg.token_starts, seg.token_ends, seg.words
    sst, stok = seg._sentence_starts, seg.sentence_tokens
    keys: list[int] = []
    A: list[int] = []
    B: list[int] = []
    LO: list[int] = []
    HI: list[int] = []
    mlower: list[tuple[int, int]] = []  # (mention, token): lower-case words inside a mention
    phrase: list[int] = []
    for k, (s, e) in enumerate(mentions):
        a = bisect_right(tends, s)
        if a >= n:
            out[k] = MentionSentiment(score=0.0, polarity="neu", scope=(s, e))
            continue
        b = max(bisect_left(tstarts, e), a + 1)
        j = len(keys)
        keys.append(k)
        A.append(a)
        B.append(b)
        if stok:
            LO.append(stok[max(0, bisect_right(sst, tstarts[a]) - 1)][0])
            HI.append(max(stok[max(0, bisect_right(sst, tstarts[b - 1]) - 1)][1], b))
        else:
            LO.append(0)
            HI.append(n)
        if b - a == 1 and text[tstarts[a]].isupper():  # a one-word name: no descriptors, no phrase
            continue
        for i in range(a, b):
            if words[i][:1].isalpha() and not text[tstarts[i]].isupper():
                mlower.append((j, i))
        if _is_phrase(seg, a, b, table):
            phrase.append(j)
    if not keys:
        return out  # type: ignore[return-value]
    # Only the sentences with a mention are read: their tokens packed end to end.
    spans: list[list[int]] = []
    for lo, hi in sorted(set(zip(LO, HI))):
        if spans and lo <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], hi)
        else:
            spans.append([lo, hi])
    if 2 * sum(hi - lo for lo, hi in spans) > n:  # most of the article: packing costs more than it saves
        spans = [[0, n]]
    firsts = [lo for lo, _ in spans]
    shifts = []
    size = 0
    for lo, hi in spans:
        shifts.append(size - lo)
        size += hi - lo
    W = _weights(lex)
    ids = _ids(words if size == n else [w for lo, hi in spans for w in words[lo:hi]], W)
    start = np.zeros(size + 1, dtype=bool)  # a sentence's first token: look-backs stop there
    start[0] = True
    Aa, Ba, LOa, HIa = (np.array(x, dtype=np.int64) for x in (A, B, LO, HI))
    if size == n:
        if stok:
            start[[t for t, _ in stok]] = True
    else:
        start[[lo + sh for lo, sh in zip(firsts, shifts)]] = True
        st = np.fromiter((t for t, _ in stok), dtype=np.int64, count=len(stok))
        k = np.searchsorted(np.array(firsts), st, "right") - 1
        inside = (k >= 0) & (st < np.array([hi for _, hi in spans])[np.maximum(k, 0)])
        start[st[inside] + np.array(shifts)[k[inside]]] = True
        shift_l = [shifts[bisect_right(firsts, lo) - 1] for lo in LO]
        shift = np.array(shift_l, dtype=np.int64)
        Aa, Ba, LOa, HIa = Aa + shift, Ba + shift, LOa + shift, HIa + shift
        mlower = [(j, i + shift_l[j]) for j, i in mlower]
    in_quote = [seg.in_quote(tstarts[a]) for a in A] if seg.quotes else None
    score, val = _scores(W, ids, start, Aa, Ba, LOa, HIa, mlower, in_quote)
    # Softmax over (neg, neu, pos) with neu's score fixed at 0.
    top = np.maximum(score.max(axis=1), 0.0)
    e = np.exp(score - top[:, None])
    e0 = np.exp(-top)
    z = e[:, 0] + e[:, 1] + e0
    p_neg, p_pos = e[:, 0] / z, e[:, 1] / z
    signed = (p_pos - p_neg).tolist()
    best = np.where(e[:, 0] >= np.maximum(e0, e[:, 1]), 0, np.where(e0 >= e[:, 1], 1, 2)).tolist()
    for j in phrase:
        own = float(val[Aa[j] : Ba[j]].sum())
        context = signed[j]
        lean = max(-1.0, min(1.0, own / math.sqrt(own * own + 15.0) + PHRASE_CONTEXT * context))
        # A phrase picked out as loaded reads as criticism unless its own words AND the
        # context around it both lean positive (praise in news copy is rarely unqualified).
        if own > 0 and context > 0:
            signed[j], best[j] = lean, 2
        else:
            signed[j], best[j] = min(lean, 0.0), 0
    for k, x, c, lo, hi in zip(keys, signed, best, LO, HI):
        out[k] = MentionSentiment(round(x, 4), POLARITIES[c], (tstarts[lo], tends[hi - 1]))
    return out  # type: ignore[return-value]


def mention_features(content: Content, lex: Lexicons, start: int, end: int) -> dict[str, float]:
    """The model's input for one mention (used by scripts/train_sentiment.py)."""
    seg = content.seg
    a, b = _token_range(seg, start, end)
    if a >= len(seg.token_starts):
        return {}
    return _features(seg, _valence_table(lex), a, b)


def polarity_toward(content: Content, lex: Lexicons, start: int, end: int, target: str | None = None) -> str:
    """neg / neu / pos toward the mention at ``start:end`` (the `framing eval` entry point)."""
    return score_mentions(content, lex, [(start, end)])[0].polarity
