"""Sentiment toward one mention, scoped to what is said about it.

A mention's tone is read from its own sentence, weighted toward its clause and the
words nearest to it: "Kim praised Putin while the West condemned Pyongyang" is
positive toward Putin and negative toward Pyongyang. Word valences come from
VADER's lexicon (plus ``lexicons/sentiment_news.tsv``) with VADER's booster and
negation rules; a small multinomial logistic regression
(``framing/models/sentiment_lr.json``, trained by ``scripts/train_sentiment.py`` on
NewsMTSC's training split) turns them, and the words around the mention, into
neg/neu/pos. Inference is pure Python: a few dozen dict lookups per mention.

A span that is not a name but a phrase ("a string of controversial statements")
is scored on the wording of the phrase itself plus the model's reading of its
context, and asked which way it leans.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Sequence

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


# --- features ---------------------------------------------------------------------------


def _norm(word: str) -> str:
    if "’" in word:
        word = word.replace("’", "'")
    if word[:1].isdigit():
        return "0"
    return word


def _sentence_valences(seg: Segmentation, lo: int, hi: int, table: dict[str, float]) -> list[float]:
    """VADER-style valence of each token in ``lo:hi``: lexicon value, boosted, negated."""
    _, boosters, negate = _vader_tables()
    words = seg.words
    out = [0.0] * (hi - lo)
    for i in range(lo, hi):
        w = _norm(words[i])
        v = table.get(w)
        if not v:
            continue
        # VADER: boosters in the three words before add +-0.293, decaying with distance.
        for k, decay in ((1, 1.0), (2, 0.95), (3, 0.9)):
            j = i - k
            if j < lo:
                break
            b = boosters.get(_norm(words[j]))
            if b:
                v += math.copysign(b * decay, v)
        for k in (1, 2, 3):
            j = i - k
            if j < lo or words[j] in CLAUSE_BREAKS:  # "not good, good": negation stops at the comma
                break
            nw = _norm(words[j])
            if nw in negate or nw.endswith("n't"):
                v *= NEG_SCALAR
                break
        out[i - lo] = v
    return out


def _token_range(seg: Segmentation, start: int, end: int) -> tuple[int, int]:
    a = bisect_right(seg.token_ends, start)
    b = bisect_left(seg.token_starts, end)
    if a >= len(seg.token_starts):
        return a, a
    return a, max(b, a + 1)


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


class _Context:
    """Per-article caches, filled once per sentence and shared by all its mentions."""

    __slots__ = ("seg", "table", "sentences")

    def __init__(self, seg: Segmentation, table: dict[str, float]):
        self.seg = seg
        self.table = table
        self.sentences: dict[tuple[int, int], _Sentence] = {}

    def sentence_of(self, a: int, b: int) -> tuple[int, int]:
        seg = self.seg
        if not seg.sentences or a >= len(seg.token_starts):
            return 0, len(seg.token_starts)
        first = seg.sentence_index(seg.token_starts[a])
        last = seg.sentence_index(seg.token_starts[max(a, b - 1)])
        return seg.sentence_tokens[first][0], max(seg.sentence_tokens[last][1], b)

    def sentence(self, lo: int, hi: int) -> "_Sentence":
        key = (lo, hi)
        sent = self.sentences.get(key)
        if sent is None:
            sent = self.sentences[key] = _Sentence(self.seg, lo, hi, self.table)
        return sent

    def valence(self, lo: int, hi: int) -> list[float]:
        return self.sentence(lo, hi).val


class _Sentence:
    """One sentence: normalised words, valences, and (lazily) its bag-of-words scores."""

    __slots__ = ("lo", "hi", "norm", "val", "loaded", "has_quote", "uni", "bi")

    def __init__(self, seg: Segmentation, lo: int, hi: int, table: dict[str, float]):
        self.lo, self.hi = lo, hi
        self.norm = [_norm(w) for w in seg.words[lo:hi]]
        self.val = _sentence_valences(seg, lo, hi, table)
        self.loaded = [i for i, v in enumerate(self.val, lo) if v]  # token indices with a valence
        self.has_quote = any(w in QUOTE_CHARS for w in self.norm)
        self.uni: list[tuple[float, float, float]] | None = None
        self.bi: list[tuple[float, float, float]] | None = None

    def _prefix(self, weights: dict) -> None:
        """Prefix sums of the S:/SB: weights, so each mention's bag costs O(1)."""
        zero = (0.0, 0.0, 0.0)
        uni = [zero]
        bi = [zero]
        prev = "<s>"
        for w in self.norm:
            u = weights.get("S:" + w, zero)
            g = weights.get("SB:" + prev + "_" + w, zero)
            x, y = uni[-1], bi[-1]
            uni.append((x[0] + u[0], x[1] + u[1], x[2] + u[2]))
            bi.append((y[0] + g[0], y[1] + g[1], y[2] + g[2]))
            prev = w
        self.uni, self.bi = uni, bi

    def bag_scores(self, a: int, b: int, weights: dict) -> tuple[float, float, float]:
        """Sum of S:/SB: weights over the sentence minus the mention (see :func:`_bag_features`)."""
        if self.uni is None:
            self._prefix(weights)
        uni, bi = self.uni, self.bi
        n = self.hi - self.lo
        ia, ib = a - self.lo, min(b, self.hi) - self.lo
        jb = min(ib + 1, n)  # bigrams ending at a..b touch the mention
        return tuple(
            uni[n][k] - (uni[ib][k] - uni[ia][k]) + bi[n][k] - (bi[jb][k] - bi[ia][k]) for k in range(3)
        )  # type: ignore[return-value]


def _bag_features(sent: _Sentence, a: int, b: int, f: dict[str, float]) -> None:
    """The sentence as a bag of words and bigrams, the mention left out: its tone as a prior."""
    prev = "<s>"
    for i, w in enumerate(sent.norm, sent.lo):
        if not (a <= i < b):
            f["S:" + w] = f.get("S:" + w, 0.0) + 1.0
            if not (a <= i - 1 < b):
                key = "SB:" + prev + "_" + w
                f[key] = f.get(key, 0.0) + 1.0
        prev = w


def _features(ctx: _Context, a: int, b: int, bag: bool = True) -> tuple[dict[str, float], tuple[int, int]]:
    """Features of the mention at tokens ``a:b``, and the token range they were read from.

    With ``bag=False`` the sentence bag-of-words is left out; :meth:`_Sentence.bag_scores`
    adds its weights from prefix sums instead (same result, O(1) per mention).
    """
    seg = ctx.seg
    words = seg.words
    lo, hi = ctx.sentence_of(a, b)
    sent = ctx.sentence(lo, hi)
    val = sent.val
    nw = sent.norm  # normalised words, index i - lo
    f: dict[str, float] = {"bias_in": 1.0}

    # Clause: walk out from the mention to the nearest break on each side.
    cl = a
    while cl > lo and words[cl - 1] not in CLAUSE_BREAKS:
        cl -= 1
    cr = b
    while cr < hi and words[cr] not in CLAUSE_BREAKS:
        cr += 1

    pos_s = neg_s = pos_c = neg_c = pos_w = neg_w = 0.0
    left = right = 0.0
    nearest = None
    for i in sent.loaded:
        if a <= i < b:
            continue
        v = val[i - lo]
        d = a - i if i < a else i - b + 1
        w = 1.0 / d
        if v > 0:
            pos_s += v
            pos_w += v * w
        else:
            neg_s -= v
            neg_w -= v * w
        if cl <= i < cr:
            if v > 0:
                pos_c += v
            else:
                neg_c -= v
        if i < a:
            left += v * w
        else:
            right += v * w
        f[("SW" if cl <= i < cr else "SWo") + ("L:" if i < a else "R:") + nw[i - lo]] = 1.0
        if nearest is None or d < nearest[0]:
            nearest = (d, v, "L" if i < a else "R", i)
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
    if nearest is not None:
        d, v, side, i = nearest
        bucket = "1" if d <= 1 else "3" if d <= 3 else "6" if d <= 6 else "far"
        sign = "pos" if v > 0 else "neg"
        f[f"near:{side}{bucket}:{sign}"] = 1.0
        f[f"nw:{side}:{nw[i - lo]}"] = 1.0
    if not pos_s and not neg_s:
        f["no_sentiment"] = 1.0

    # Voice and role.
    start = seg.token_starts[a] if a < len(seg.token_starts) else len(seg.text)
    if seg.in_quote(start):
        f["in_quote"] = 1.0
    if sent.has_quote:
        f["sent_quote"] = 1.0
    if a == lo or (a == lo + 1 and words[lo] in QUOTE_CHARS):
        f["first"] = 1.0
    if b < hi and words[b] in ("'s", "’s"):
        f["possessive"] = 1.0
    for i in range(max(lo, a - 3), min(hi, b + 3)):
        if words[i] in SAY_VERBS and not (a <= i < b):
            f["speaker:" + ("L" if i < a else "R")] = 1.0

    # Words around the mention, tagged by side and distance.
    for k in range(1, WINDOW + 1):
        i = a - k
        if i < lo:
            break
        w = nw[i - lo]
        f["L:" + w] = 1.0
        if k <= 2:
            f[f"L{k}:" + w] = 1.0
    for k in range(WINDOW):
        i = b + k
        if i >= hi:
            break
        w = nw[i - lo]
        f["R:" + w] = 1.0
        if k < 2:
            f[f"R{k + 1}:" + w] = 1.0
    if a - 2 >= lo:
        f[f"LB:{nw[a - 2 - lo]}_{nw[a - 1 - lo]}"] = 1.0
    if b + 1 < hi:
        f[f"RB:{nw[b - lo]}_{nw[b + 1 - lo]}"] = 1.0
    # Sentiment words of the clause, with the side they are on.
    for i in range(cl, cr):
        if a <= i < b:
            continue
        v = val[i - lo]
        if v:
            f[f"cw:{'L' if i < a else 'R'}:{'pos' if v > 0 else 'neg'}"] = f.get(f"cw:{'L' if i < a else 'R'}:{'pos' if v > 0 else 'neg'}", 0.0) + abs(v) / 4.0
    # Every word of the mention's clause, with its side.
    for i in range(cl, cr):
        if not (a <= i < b):
            f[("CL:" if i < a else "CR:") + nw[i - lo]] = 1.0
    # Numeric valence right next to the mention, each side.
    f["v_l3"] = sum(val[i - lo] for i in range(max(lo, a - 3), a)) / 4.0
    f["v_r3"] = sum(val[i - lo] for i in range(b, min(hi, b + 3))) / 4.0
    # Descriptive words inside the mention ("ailing", "disgraced"), not the name itself.
    text = seg.text
    for i in range(a, min(b, hi)):
        if words[i][:1].isalpha() and not text[seg.token_starts[i]].isupper():
            f["M:" + nw[i - lo]] = 1.0
    if bag:
        _bag_features(sent, a, b, f)
    return f, (lo, hi)


def _predict(f: dict[str, float], extra: tuple[float, float, float] = (0.0, 0.0, 0.0)) -> tuple[float, float, float]:
    model = load_model()
    weights = model["weights"]
    s0, s1, s2 = model["bias"]
    s0, s1, s2 = s0 + extra[0], s1 + extra[1], s2 + extra[2]
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


def _phrase_lean(ctx: _Context, a: int, b: int, probs: tuple[float, float, float]) -> float:
    """How a phrase span leans: its own words' valence, then the model's reading of the context."""
    lo, hi = ctx.sentence_of(a, b)
    val = ctx.valence(lo, hi)
    own = sum(val[i - lo] for i in range(a, min(b, hi)))
    own = own / math.sqrt(own * own + 15.0)
    # The context only breaks ties: the phrase's own words are the evidence that counts.
    return own + PHRASE_CONTEXT * (probs[2] - probs[0])


def score_mentions(content: Content, lex: Lexicons, mentions: Sequence[tuple[int, int]]) -> list[MentionSentiment]:
    """Tone toward each mention ``(start, end)``; mentions of one article, all at once."""
    seg = content.seg
    ctx = _Context(seg, _valence_table(lex))
    model = load_model()
    classes, weights = model["classes"], model["weights"]
    ranges = [_token_range(seg, s, e) for s, e in mentions]
    out = []
    for idx, (a, b) in enumerate(ranges):
        if a >= len(seg.token_starts):
            out.append(MentionSentiment(score=0.0, polarity="neu", scope=(mentions[idx][0], mentions[idx][1])))
            continue
        f, (lo, hi) = _features(ctx, a, b, bag=False)
        probs = _predict(f, ctx.sentence(lo, hi).bag_scores(a, b, weights))
        scope = (seg.token_starts[lo], seg.token_ends[hi - 1])
        if _is_phrase(seg, a, b, ctx.table):
            lean = _phrase_lean(ctx, a, b, probs)
            score = max(-1.0, min(1.0, lean))
            polarity = "pos" if score > 0 else "neg"
        else:
            score = probs[classes.index("pos")] - probs[classes.index("neg")]
            polarity = classes[max(range(3), key=lambda k: probs[k])]
        out.append(MentionSentiment(score=round(score, 4), polarity=polarity, scope=scope))
    return out


def mention_features(content: Content, lex: Lexicons, start: int, end: int) -> dict[str, float]:
    """The model's input for one mention (used by scripts/train_sentiment.py)."""
    seg = content.seg
    ctx = _Context(seg, _valence_table(lex))
    a, b = _token_range(seg, start, end)
    return _features(ctx, a, b)[0]


def polarity_toward(content: Content, lex: Lexicons, start: int, end: int, target: str | None = None) -> str:
    """neg / neu / pos toward the mention at ``start:end`` (the `framing eval` entry point)."""
    return score_mentions(content, lex, [(start, end)])[0].polarity
