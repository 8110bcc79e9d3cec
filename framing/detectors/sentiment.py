"""Sentiment toward one mention, scoped to what is said about it.

A mention's tone is read from its own sentence, weighted toward its clause and the
words nearest to it: "Kim praised Putin while the West condemned Pyongyang" is
positive toward Putin and negative toward Pyongyang. Word valences come from
VADER's lexicon (plus ``lexicons/sentiment_news.tsv``) with VADER's booster and
negation rules; a small multinomial logistic regression over NB-scaled columns (the
scale folded into the weights; ``framing/models/sentiment_lr.json``, trained by
``scripts/train_sentiment.py`` on NewsMTSC's training split) turns them, and the words around the mention, into
neg/neu/pos. All mentions of an article are scored at once: the weights are complex
numbers in one dict per feature role, each window or clause bag is one C-level sum, and
the sentence bag is read from the article's prefix sums.

A span that is not a name but a phrase ("a string of controversial statements")
is scored on the wording of the phrase itself plus the model's reading of its
context: positive only when both lean positive.
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress, repeat
from importlib import resources
from typing import Sequence

from ..lexicon import Lexicons, per_lexicon
from ..usercache import cache_path, code_key, read_cached, write_cached
from ..segment import Content, Segmentation

POLARITIES = ("neg", "neu", "pos")
MODEL_FILE = "sentiment_lr.json"
VECTORS_FILE = "word_vectors.tsv.gz"
NEWS_LEXICON = "sentiment_news"
CONTEXT_LEXICON = "sentiment_context"

PHRASE_CONTEXT = 0.1  # weight of the context model's lean for a phrase span
# A phrase of at most this many tokens is one word choice ("a brilliant"): its own words decide.
SHORT_PHRASE = 3
NEG_SCALAR = -0.74  # VADER's N_SCALAR: a negated word flips and weakens
# Tokens that end a clause: the tone of another clause is about someone else more often.
CLAUSE_BREAKS = frozenset(
    ", ; : ( ) — – - but while whereas although though however yet because after before when who which whom whose".split()
)
PRONOUNS = frozenset(
    "he she they it him her them his hers their its i we you me us himself herself themselves itself myself ourselves yourself".split()
)
TITLED_NAME_MAX = 6  # tokens: "White House press secretary Jane Doe" is a name with its title, not wording
# Words that may sit in a mention without making it a phrase ("the U.S. president"), with
# the titles of sentiment_context.tsv (`_context_words`).
NAME_FILLERS = frozenset("the a an of and de van von der al bin".split())
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




@per_lexicon
def _valence_table(lex: Lexicons) -> dict[str, float]:
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


@dataclass(frozen=True)
class _ContextWords:
    """The word lists of ``lexicons/sentiment_context.tsv`` (its header says what each is for)."""

    say: frozenset[str]  # speech verbs: a mention next to one speaks
    fillers: frozenset[str]  # NAME_FILLERS and the titles: no wording inside a mention
    party: dict[str, str]  # party name stem -> "D" | "R"
    party_nouns: frozenset[str]  # party stems that stand alone as a noun after a surname
    like_subject: frozenset[str]  # "like" after one of these is the verb


@per_lexicon
def _context_words(lex: Lexicons) -> _ContextWords:
    entries = list(lex[CONTEXT_LEXICON].entries.values()) if CONTEXT_LEXICON in lex.lists else []

    def of(category: str) -> frozenset[str]:
        return frozenset(e.term for e in entries if e.category == category and len(e.words) == 1)

    party = {e.term: e.extra[0].upper() for e in entries if e.category == "party" and e.extra}
    nouns = frozenset(e.term for e in entries if e.category == "party" and e.extra[1:2] == ("noun",))
    return _ContextWords(of("say"), NAME_FILLERS | of("name_title"), party, nouns, of("like_subject"))


@lru_cache(maxsize=1)
def load_model() -> dict:
    """The shipped weights: {"classes", "bias", "weights": {feature: [w per class]}}."""
    path = resources.files("framing").joinpath("models", MODEL_FILE)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {"classes": list(POLARITIES), "bias": [0.0, 0.0, 0.0], "weights": {}, "meta": {"missing": True}}
    return data


@lru_cache(maxsize=1)
def _vector_matrix() -> tuple[list[str], "object"]:
    """The shipped word vectors as (sorted words, numpy matrix); ([], None) when absent."""
    import gzip

    import numpy as np

    path = resources.files("framing").joinpath("models", VECTORS_FILE)
    try:
        raw = gzip.decompress(path.read_bytes()).decode("utf-8")
    except FileNotFoundError:
        return [], None
    scale = 1.0
    words: list[str] = []
    rows: list[str] = []
    for line in raw.splitlines():
        if line.startswith("#"):
            if line.startswith("# scale:"):
                scale = float(line.split(":", 1)[1])
            continue
        word, _, row = line.partition("\t")
        words.append(word)
        rows.append(row)
    # Signed bytes in hex: one C-level parse of the whole matrix (a Python int() per number takes ~1 s).
    matrix = np.frombuffer(bytes.fromhex("".join(rows)), dtype=np.int8).reshape(len(words), -1) * scale
    return words, matrix


@lru_cache(maxsize=1)
def load_word_vectors() -> dict[str, tuple[float, ...]]:
    """Static word vectors (``scripts/build_word_vectors.py``): word -> floats; {} when absent."""
    words, matrix = _vector_matrix()
    if matrix is None:
        return {}
    return dict(zip(words, map(tuple, matrix.tolist())))


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
# Word features summed over a token range: sentence bag, window each side, clause each
# side. (The bigram each side and the sentiment words by side cost < 0.003 CV macro-F1
# and were dropped for speed: see docs/sentiment.md.)
RANGE_ROLES = ("S", "L", "R", "CL", "CR")
WINDOW = 6  # tokens each side in the L/R bags
# Word features at one position: the two words each side, descriptors inside the
# mention, the nearest sentiment word by side.
POINT_ROLES = ("L1", "L2", "R1", "R2", "M", "nwL", "nwR")
SIDES, BUCKETS, SIGNS = ("L", "R"), ("1", "3", "6", "far"), ("neg", "pos")
# Static word vectors (``load_word_vectors``) summed over these bags, times a constant
# (features ``e:<role>:<dim>``). A constant, not 1 / the bag's length: then the model's
# weights on a role's vector sum fold into one more weight per word in that role's own
# dict (``_Weights``), and inference costs nothing extra. (5-fold CV on train: the mean
# over the bag scored the same as a fixed divisor.) Words without a vector add nothing.
EMBED_WEIGHT = {"L": 4.0 / WINDOW, "R": 4.0 / WINDOW, "CL": 4.0 / 6, "CR": 4.0 / 6, "S": 4.0 / 24}


_DIGIT = re.compile(r"\d")


def _norm(word: str) -> str:
    if "’" in word:
        word = word.replace("’", "'")
    if _DIGIT.match(word):  # a number: one feature for all
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


def _is_phrase(seg: Segmentation, a: int, b: int, table: dict[str, float], fillers: frozenset[str]) -> bool:
    """True when the span is wording (a loaded word, a clause), not a name, pronoun or noun phrase.

    ``fillers``: words that do not make a span wording (``_context_words(lex).fillers``)."""
    text = seg.text
    words = seg.words
    lower = upper = loaded = 0
    for i in range(a, b):
        w = words[i]
        if not w[:1].isalnum() or w in fillers or w in PRONOUNS:
            continue
        if table.get(_norm(w)):
            loaded += 1
        if text[seg.token_starts[i]].isupper():
            upper += 1
        else:
            lower += 1
    if b - a <= TITLED_NAME_MAX and text[seg.token_starts[b - 1]].isupper() and not any(w in CLAUSE_BREAKS for w in words[a:b]):
        return False  # ends in a name, no clause: titles and descriptors before a name ("top aide X")
    if lower >= 3:
        return True
    if words[a] in DETERMINERS:  # "the governor", "his party": an actor named by a noun
        return False
    return lower >= 1 and (upper == 0 or loaded >= 1)


def _features(seg: Segmentation, table: dict[str, float], a: int, b: int, say: frozenset[str]) -> dict[str, float]:
    """Every feature of the mention at tokens ``a:b`` (the model's input, spelled out); ``say``: the speech verbs."""
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
    if any(nw[i - lo] in say for i in range(max(lo, a - 3), a)):
        f["speaker:L"] = 1.0
    if any(nw[i - lo] in say for i in range(b, min(hi, b + 3))):
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
    # The same bags as word-vector sums: words the model never saw, near ones it did.
    vectors = load_word_vectors()
    if vectors:
        bags = {
            "L": range(max(lo, a - WINDOW), a), "R": range(b, min(hi, b + WINDOW)), "CL": range(cl, a),
            "CR": range(b, cr), "S": [*range(lo, a), *range(b, hi)],
        }  # fmt: skip
        for r, bag in bags.items():
            acc = None
            for i in bag:
                vec = vectors.get(nw[i - lo])
                if vec is not None:
                    acc = list(vec) if acc is None else [x + y for x, y in zip(acc, vec)]
            if acc is not None:
                for j, x in enumerate(acc):
                    if x:
                        f[f"e:{r}:{j}"] = x * EMBED_WEIGHT[r]
    return f


# --- the same sum, for every mention of an article at once ------------------------------


_VAL, _BRK, _QUOTE = 1, 2, 4  # kinds of word a sentence pass visits, as bits


class _Weights:
    """The model as one dict per feature role, keyed by word, with complex weights.

    A weight is kept relative to the neutral class as ``(neg - neu) + (pos - neu)j``: the
    softmax is the same, and a sum over a token range is one ``sum(map(dict.get, ...))``
    over complex numbers, run in C. The valence features are linear in each sentiment
    word's valence ``v`` and ``v / distance``, so their weights are folded into a few
    coefficients per (side, sign, in clause) and added pair by pair.
    """

    def __init__(self, model: dict, table: dict[str, float]):
        _, boosters, negate = _vader_tables()
        self.valence, self.boosters, self.negate = table, boosters, negate
        role: dict[str, dict[str, complex]] = {r: {} for r in (*RANGE_ROLES, *POINT_ROLES)}
        num: dict[str, complex] = {}
        embed: dict[str, dict[int, complex]] = {}
        self.near: dict[tuple[int, int, bool], complex] = {}
        numeric = frozenset(NUMERIC)
        for name, (w0, w1, w2) in model["weights"].items():
            w = complex(w0 - w1, w2 - w1)
            if name in numeric:
                num[name] = w
            elif name.startswith("near:"):
                side, bucket, sign = name[5], name[6:].partition(":")[0], name.rpartition(":")[2]
                self.near[(SIDES.index(side), BUCKETS.index(bucket), sign == "pos")] = w
            elif name.startswith("e:"):
                r, _, j = name[2:].partition(":")
                embed.setdefault(r, {})[int(j)] = w
            else:
                key, _, rest = name.partition(":")
                if key in role:
                    role[key][rest] = w
        if embed:
            _fold_vectors(role, embed)
        b0, b1, b2 = model["bias"]
        self.bias = complex(b0 - b1, b2 - b1)
        self.role = role
        self.num = nm = {k: num.get(k, 0j) for k in NUMERIC}
        # Coefficient of v, by [side][positive][in clause]; of v / d, by [side][positive]; of v within 3 words, by side.
        self.kv = tuple(
            tuple(
                tuple(
                    (1 if pos else -1) * (nm["v_pos_s" if pos else "v_neg_s"] + inside * (nm["v_pos_c" if pos else "v_neg_c"] + nm[f"cw:{side}:{'pos' if pos else 'neg'}"])) / 4.0
                    for inside in (0, 1)
                )
                for pos in (0, 1)
            )
            for side in SIDES
        )
        self.kd = tuple(
            tuple((1 if pos else -1) * nm["v_pos_w" if pos else "v_neg_w"] / 2.0 + nm["v_left" if side == "L" else "v_right"] / 2.0 for pos in (0, 1))
            for side in SIDES
        )
        self.k3 = (nm["v_l3"] / 4.0, nm["v_r3"] / 4.0)
        self.nw = (role["nwL"].get, role["nwR"].get)
        self.get = tuple(role[r].get for r in ("L", "R", "CL", "CR", "L1", "L2", "R1", "R2", "M"))
        # Words a sentence pass must visit: sentiment words, clause breaks, quote marks (bits).
        self.special: dict[str, int] = {}
        for words, bit in ((table, _VAL), (CLAUSE_BREAKS, _BRK), (QUOTE_CHARS, _QUOTE)):
            for w in words:
                if w in table and bit == _VAL and not table[w]:
                    continue
                self.special[w] = self.special.get(w, 0) | bit

    # What from_state needs: everything but the bound look-ups, derived again from role.
    _STATE = ("valence", "boosters", "negate", "role", "near", "bias", "num", "kv", "kd", "k3", "special")

    def state(self) -> dict:
        return {k: getattr(self, k) for k in self._STATE}

    @classmethod
    def from_state(cls, state: dict) -> "_Weights":
        self = object.__new__(cls)
        for k in cls._STATE:
            setattr(self, k, state[k])
        role = self.role
        self.nw = (role["nwL"].get, role["nwR"].get)
        self.get = tuple(role[r].get for r in ("L", "R", "CL", "CR", "L1", "L2", "R1", "R2", "M"))
        return self


def _fold_vectors(role: dict[str, dict[str, complex]], embed: dict[str, dict[int, complex]]) -> None:
    """Add each word's share of the vector features to its role's weight: ``w · vec(word) × EMBED_WEIGHT``.

    A weighted sum of the bag's vector sum is the sum of the bag's words' (w · vec), so
    a bag stays one dict look-up per word.
    """
    import numpy as np

    words, V = _vector_matrix()
    if V is None:
        return
    for r, ws in sorted(embed.items()):
        c = np.zeros(V.shape[1], dtype=complex)
        for j, w in ws.items():
            c[j] = w
        d = role[r]
        for word, x in zip(words, (V @ (c * EMBED_WEIGHT[r])).tolist()):
            d[word] = d.get(word, 0j) + x


@per_lexicon
def _weights(lex: Lexicons) -> _Weights:
    """The model's tables, kept in a user cache file between processes.

    Building them (VADER's lexicon, the 0.6 MB weights file, the per-role dicts) costs
    ~45 ms per process, a tenth of ``framing audit`` on one draft; the cached tables
    read back in a few ms. The file is named by a hash of everything they are built
    from: this module's code, the model file, VADER's files and the lexicon version.
    """
    key = _weights_key(lex)
    cache = cache_path("sentiment-weights", key) if key is not None else None
    state = read_cached(cache) if cache is not None else None
    if state is not None:
        try:
            return _Weights.from_state(state)
        except (KeyError, TypeError):
            pass
    weights = _Weights(load_model(), _valence_table(lex))
    if cache is not None:
        write_cached(cache, weights.state())
    return weights


def _weights_key(lex: Lexicons) -> bytes | None:
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("vaderSentiment")
    locations = list(getattr(spec, "submodule_search_locations", None) or ())
    if not locations:  # not where we expect: build, do not cache
        return None
    vader = Path(locations[0])
    model = str(resources.files("framing").joinpath("models", MODEL_FILE))
    vectors = str(resources.files("framing").joinpath("models", VECTORS_FILE))
    return code_key(lex, __file__, model, vectors, str(vader / "vaderSentiment.py"), str(vader / "vader_lexicon.txt"))


def _normalised_article(seg: Segmentation) -> list[str]:
    """``_norm`` of every token: a copy, curly apostrophes made straight, numbers as "0"."""
    nws = list(seg.words)
    text = seg.text
    i = text.find("’")
    if i >= 0:  # a few tokens hold one: find them from the text, not by testing every token
        starts, ends = seg.token_starts, seg.token_ends
        while i >= 0:
            k = bisect_right(starts, i) - 1
            if k >= 0 and i < ends[k]:
                nws[k] = nws[k].replace("’", "'")
            i = text.find("’", i + 1)
    for m in _DIGIT.finditer(seg.first_chars):  # _norm's digit test reads the first character
        nws[m.start()] = "0"
    return nws


_ZERO = repeat(0j)


def _sentence(seg: Segmentation, W: _Weights, nws: list[str], lo: int, hi: int, multi: bool) -> tuple:
    """What every mention of tokens ``lo:hi`` shares: sentiment words (position, valence), clause breaks, a quote."""
    special, valence, bget, negate = W.special, W.valence, W.boosters.get, W.negate
    sw = []
    breaks = []
    quote = False
    for k in compress(range(lo, hi), map(special.get, nws[lo:hi])):  # half the tokens are in no mention's sentence
        w = nws[k]
        kind = special[w]
        if kind & _BRK:
            breaks.append(k)
        if kind & _QUOTE:
            quote = True
        if not kind & _VAL:
            continue
        v = valence[w]
        # VADER's rules (as _token_valence), on the normalised words, the three words before
        # read once: boosters add (decaying), the nearest negator before a clause break flips.
        floor = _sentence_floor(seg, k) if multi else lo
        sign = 1.0 if v > 0 else -1.0
        out = v
        negated = False
        if k - 1 >= floor:
            x = nws[k - 1]
            b = bget(x)
            if b:
                out += sign * b  # decay 1.0
            if x in CLAUSE_BREAKS:
                floor_neg = k  # negation stops here
            elif x in negate or x.endswith("n't"):
                negated, floor_neg = True, k
            else:
                floor_neg = floor
            if k - 2 >= floor:
                x = nws[k - 2]
                b = bget(x)
                if b:
                    out += sign * b * 0.95
                if k - 2 >= floor_neg:
                    if x in CLAUSE_BREAKS:
                        floor_neg = k
                    elif x in negate or x.endswith("n't"):
                        negated, floor_neg = True, k
                if k - 3 >= floor:
                    x = nws[k - 3]
                    b = bget(x)
                    if b:
                        out += sign * b * 0.9
                    if k - 3 >= floor_neg and (x in negate or x.endswith("n't")) and x not in CLAUSE_BREAKS:
                        negated = True
        if negated:
            out *= NEG_SCALAR
        if out:
            sw.append((k, out))
    return sw, breaks, quote


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


def _round4(x: float) -> float:
    """``round(x, 4)`` for a score in -1..1, the same float, without the decimal conversion.

    ``x * 10000`` is off by under 1e-11, so the integer it rounds to is the right one
    unless it is within 1e-4 of a tie, where ``round`` decides; ``n / 10000`` is the
    float nearest to the decimal, as ``round`` returns.
    """
    y = x * 10000.0
    n = math.floor(y)
    r = y - n
    if 0.4999 < r < 0.5001 or not -10000.0 <= y <= 10000.0:
        return round(x, 4)
    if r > 0.5:
        n += 1
    return n / 10000 if n else math.copysign(0.0, x)  # round(-0.00001, 4) is -0.0


def score_mentions(content: Content, lex: Lexicons, mentions: Sequence[tuple[int, int]]) -> list[MentionSentiment]:
    """Tone toward each mention ``(start, end)``; mentions of one article, all at once."""
    scores: list[float] = []
    polarities: list[str] = []
    scopes: list[tuple[int, int]] = []
    _score_into(content, lex, mentions, scores, polarities, scopes)
    out: list[MentionSentiment] = []
    new, setattr_ = object.__new__, object.__setattr__
    for x, p, scope in zip(scores, polarities, scopes):
        # MentionSentiment(...) without the frozen dataclass's per-field __setattr__ (same object).
        m = new(MentionSentiment)
        setattr_(m, "__dict__", {"score": x, "polarity": p, "scope": scope})
        out.append(m)
    return out


def scores_and_polarities(content: Content, lex: Lexicons, mentions: Sequence[tuple[int, int]]) -> tuple[list[float], list[str]]:
    """``score_mentions``' scores and polarities as two lists, without the result objects
    (what `actors` reads: an article has dozens of mentions)."""
    scores: list[float] = []
    polarities: list[str] = []
    _score_into(content, lex, mentions, scores, polarities, None)
    return scores, polarities


def _score_into(content: Content, lex: Lexicons, mentions: Sequence[tuple[int, int]], scores: list[float], polarities: list[str], scopes: list[tuple[int, int]] | None) -> None:
    """Append each mention's score and polarity (and its scope when ``scopes`` is a list)."""
    seg = content.seg
    n = len(seg.token_starts)
    W = _weights(lex)
    table = W.valence
    ctx = _context_words(lex)
    say, fillers = ctx.say, ctx.fillers
    text, tstarts, tends = seg.text, seg.token_starts, seg.token_ends
    sst, stok = seg._sentence_starts, seg.sentence_tokens
    quotes = seg.quotes
    qstarts = seg._quote_starts if quotes else ()
    sentences: dict[tuple[int, int], tuple] = {}
    nws: list[str] = []
    prefix: list[complex] = []
    gL, gR, gCL, gCR, gL1, gL2, gR1, gR2, gM = W.get
    num, kv, kd, k3, near, gnw = W.num, W.kv, W.kd, W.k3, W.near, W.nw
    n_first, n_speakL, n_speakR, n_poss = num["first"], num["speaker:L"], num["speaker:R"], num["possessive"]
    n_inq, n_sq, n_none, n_vsent = num["in_quote"], num["sent_quote"], num["no_sentiment"], num["v_sent"]
    bias = W.bias
    exp, sqrt = math.exp, math.sqrt
    add_score, add_polarity = scores.append, polarities.append
    for s, e in mentions:
        a = bisect_right(tends, s)
        if a >= n:
            scores.append(0.0)
            polarities.append("neu")
            if scopes is not None:
                scopes.append((s, e))
            continue
        b = bisect_left(tstarts, e)
        if b <= a:
            b = a + 1
        if stok:
            first = bisect_right(sst, tstarts[a]) - 1
            last = first if b == a + 1 else bisect_right(sst, tstarts[b - 1]) - 1
            lo = stok[first if first > 0 else 0][0]
            hi = stok[last if last > 0 else 0][1]
            if hi < b:
                hi = b
        else:
            first = last = 0
            lo, hi = 0, n
        st = sentences.get((lo, hi))
        if st is None:
            if not prefix:  # once per article: normalised words, the bag's prefix sums
                nws = _normalised_article(seg)
                prefix = list(accumulate(map(W.role["S"].get, nws, _ZERO), initial=0j))
            st = sentences[(lo, hi)] = _sentence(seg, W, nws, lo, hi, first != last)
        sws, brk, quote = st
        lower: list[int] = []
        phrase = False
        if b - a > 1 or not text[tstarts[a]].isupper():  # a one-word name: no descriptors, no phrase
            lower_alnum = False
            for i in range(a, b):
                c = text[tstarts[i]]
                if c.isalnum() and not c.isupper():
                    lower_alnum = True
                    if c.isalpha():
                        lower.append(i)
            # Without a lower-case word ("Donald Trump", "U.S.") a span is never a phrase.
            phrase = lower_alnum and _is_phrase(seg, a, b, table, fillers)

        # The model's score (neg - neu) + (pos - neu)j: the sums of _features' weights, in
        # the same order as the reference, so the result is the same to the last bit.
        sc = bias + prefix[hi] - prefix[b] + prefix[a] - prefix[lo]  # the sentence's bag, the mention left out
        k = bisect_left(brk, a)
        cl = brk[k - 1] + 1 if k else lo
        k = bisect_left(brk, b)
        cr = brk[k] if k < len(brk) else hi
        sc += sum(map(gL, nws[a - WINDOW if a - WINDOW > lo else lo : a], _ZERO))
        sc += sum(map(gR, nws[b : b + WINDOW if b + WINDOW < hi else hi], _ZERO))
        if cl < a:
            sc += sum(map(gCL, nws[cl:a], _ZERO))
        if b < cr:
            sc += sum(map(gCR, nws[b:cr], _ZERO))
        if a > lo:
            w1 = nws[a - 1]
            sc += gL1(w1, 0j)
            if a - 1 > lo:
                w2 = nws[a - 2]
                sc += gL2(w2, 0j)
                if w1 in say or w2 in say or (a - 3 >= lo and nws[a - 3] in say):
                    sc += n_speakL
            elif w1 in say:
                sc += n_speakL
            elif w1 in QUOTE_CHARS:
                sc += n_first
        else:
            sc += n_first
        if b < hi:
            w1 = nws[b]
            sc += gR1(w1, 0j)
            if w1 == "'s":
                sc += n_poss
            said = w1 in say
            if b + 1 < hi:
                w2 = nws[b + 1]
                sc += gR2(w2, 0j)
                said = said or w2 in say or (b + 2 < hi and nws[b + 2] in say)
            if said:
                sc += n_speakR
        for k in lower:
            sc += gM(nws[k], 0j)
        if quotes:
            off = tstarts[a]
            k = bisect_right(qstarts, off) - 1
            if k >= 0 and off < quotes[k][1]:
                sc += n_inq
        if quote:
            sc += n_sq
        # Sentiment words of the sentence, the mention's own left out.
        own = total = 0.0
        best = hi
        nearest = None
        for k, v in sws:
            if k < a:
                side = 0
                d = a - k
            elif k >= b:
                side = 1
                d = k - b + 1
            else:
                own += v
                continue
            total += v
            sc += v * kv[side][v > 0][cl <= k < cr] + (v / d) * kd[side][v > 0]
            if d <= 3:
                sc += v * k3[side]
            if d < best:
                best, nearest = d, (k, v, side)
        if nearest is None:
            sc += n_none
        else:
            sc += n_vsent * (total / sqrt(total * total + 15.0))  # VADER's normalisation
            k, v, side = nearest
            bucket = 0 if best <= 1 else 1 if best <= 3 else 2 if best <= 6 else 3
            sc += near.get((side, bucket, v > 0), 0j) + gnw[side](nws[k], 0j)

        # Softmax over (neg, neu, pos) with neu's score fixed at 0.
        x0, x2 = sc.real, sc.imag
        top = x0  # max(x0, x2, 0.0), step by step as max does it, without the call
        if x2 > top:
            top = x2
        if 0.0 > top:
            top = 0.0
        e0, e1, e2 = exp(x0 - top), exp(-top), exp(x2 - top)
        signed = (e2 - e0) / (e0 + e1 + e2)
        best = 0 if e0 >= e1 and e0 >= e2 else 1 if e1 >= e2 else 2
        if phrase:
            lean = max(-1.0, min(1.0, own / sqrt(own * own + 15.0) + PHRASE_CONTEXT * signed))
            # A phrase picked out as loaded reads as criticism unless its own words AND the
            # context around it both lean positive (praise in news copy is rarely unqualified).
            # A short phrase is the reporter's word choice itself: its own words suffice.
            if own > 0 and (signed > 0 or b - a <= SHORT_PHRASE):
                signed, best = max(lean, 0.0), 2
            else:
                signed, best = min(lean, 0.0), 0
        add_score(_round4(signed))
        add_polarity(POLARITIES[best])
        if scopes is not None:
            scopes.append((tstarts[lo], tends[hi - 1]))


def mention_features(content: Content, lex: Lexicons, start: int, end: int) -> dict[str, float]:
    """The model's input for one mention (used by scripts/train_sentiment.py)."""
    seg = content.seg
    a, b = _token_range(seg, start, end)
    if a >= len(seg.token_starts):
        return {}
    return _features(seg, _valence_table(lex), a, b, _context_words(lex).say)


def polarity_toward(content: Content, lex: Lexicons, start: int, end: int) -> str:
    """neg / neu / pos toward the mention at ``start:end`` (the `framing eval` entry point)."""
    return score_mentions(content, lex, [(start, end)])[0].polarity


# --- Tone of a span toward a named actor (BASIL's task: the span and the target's name) ---

OWN_QUOTE_MIN_WORDS = 4  # a quote of 1-3 words is the reporter picking out the target's words, not the target speaking
TARGET_LEAN = -0.05  # the tone toward the target's other mentions in the sentence that overrules praise wording
QUOTE_LOOKBACK = 2  # sentences before an unattributed quote where its speaker may have been named


def _name_stem(word: str) -> str:
    """One form for a name word and its plural / adjective / possessive ("Democrats", "Democratic", "Obama's")."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if w.endswith("ic"):
        return w[:-2]
    if w.endswith("s") and len(w) > 3:
        return w[:-1]
    return w


@per_lexicon
def _target_generic(lex: Lexicons) -> frozenset[str]:
    """actors.toml ``target_generic``: words of a target's name that do not name it."""
    return frozenset(w.lower() for w in lex.tables.get("actors", {}).get("cues", {}).get("target_generic", ()))


def target_keys(lex: Lexicons, target: str) -> tuple[str, ...]:
    """The stems that name ``target`` ("Michael_Steele" -> michael, steele); the last is its surname / head."""
    generic = _target_generic(lex)
    words = [w for w in re.split(r"[_\s]+", target) if w]
    keys = [_name_stem(w) for w in words if w.lower() not in generic and any(c.isalnum() for c in w)]
    return tuple(keys or (_name_stem(w) for w in words))


_NAME_WORD = re.compile(r"[\w'’.-]+")  # the words of a name as the attribution detector writes it


def _names_target(name: str | None, head: str) -> bool:
    return bool(name) and any(_name_stem(w) == head for w in _NAME_WORD.findall(name))


def target_mentions(content: Content, lex: Lexicons, target: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
    """Character spans of the target's name (full name or surname / head word) in tokens ``lo:hi``.

    A key written capitalised in ``target`` matches capitalised tokens only ("Act", not "act")."""
    seg = content.seg
    keys = target_keys(lex, target)
    if not keys:
        return []
    head = keys[-1]
    capital = any(w[:1].isupper() for w in re.split(r"[_\s]+", target) if w)
    words, starts, ends, text = seg.words, seg.token_starts, seg.token_ends, seg.text
    hi = len(starts) if hi is None else hi
    out: list[tuple[int, int]] = []
    i = lo
    while i < hi:
        if _name_stem(words[i]) == head and (not capital or text[starts[i]].isupper()):
            j = i  # extend left over the name's other words ("Michael Steele")
            while j > lo and _name_stem(words[j - 1]) in keys and words[j - 1] != words[i]:
                j -= 1
            out.append((starts[j], ends[i]))
        i += 1
    return out


def quote_speaker(content: Content, start: int, end: int, attributions: Sequence) -> tuple[str | None, int]:
    """Who speaks the quote the span ``start:end`` lies inside (None when it is in no quote or
    no source is found) and how many words the quote has.

    The quote's speaker is the source of an attribution in one of the quote's sentences (the
    one whose cue is nearest the quote), else of the last attribution with a source in the
    two sentences before (a quote that continues what someone was just reported saying)."""
    seg = content.seg
    text = seg.text
    core = text[start:end].strip(" \"“”'‘’.,;:\n")
    if not core:
        return None, 0
    cs = start + text[start:end].find(core)
    q = seg.quote_at(cs)
    if q is None or cs + len(core) > q[1]:
        return None, 0
    n_words = len(text[q[0] : q[1]].split())
    first, last = seg.sentence_index(q[0]), seg.sentence_index(max(q[0], q[1] - 1))
    by_sentence: dict[int, list] = {}
    for a in attributions:
        if a.source_name or a.source is not None:
            by_sentence.setdefault(a.sentence, []).append(a)
    here = [a for si in range(first, last + 1) for a in by_sentence.get(si, ())]
    if here:
        best = min(here, key=lambda a: (min(abs(a.cue.start - q[0]), abs(a.cue.start - q[1])), a.cue.start))
    else:
        best = None
        for si in range(first - 1, max(-1, first - 1 - QUOTE_LOOKBACK), -1):
            if by_sentence.get(si):
                best = by_sentence[si][-1]
                break
    if best is None:
        return None, n_words
    return best.source_name or (best.source.text if best.source is not None else None), n_words


_PARTY_TAG = re.compile(r"([dr])-[a-z]")  # "(D-Calif.)", ", R-Texas,": the tag's first token
_TITLE_RUN = 6  # tokens of titles and capitalised words between a party word and a name ("House Democratic Leader Nancy Pelosi")


def _surname_at(seg, surname: str):
    """Token indices where ``surname`` (a name stem) is written capitalised ("Pelosi", "Pelosi's")."""
    words = seg.words
    for i in compress(range(len(words)), seg.is_cap):  # capitalised tokens only, picked in C
        if words[i].startswith(surname) and _name_stem(words[i]) == surname:  # a stem is a prefix of its word
            yield i


def party_of(content: Content, lex: Lexicons, name: str) -> str | None:
    """The party letter (sentiment_context.tsv: "D", "R") when the text ties ``name`` to one
    party: a party word in the name itself ("Republican Whip Steve Scalise"), a party tag
    (US style, D or R only) after a capitalised mention of its surname
    ("Pelosi (D-Calif.)", "Sherrill, Democrat of New Jersey", "Cruz, a Republican") or a
    party word in the titles before it ("Republican Sen. Ted Cruz", "Democratic leader Chuck
    Schumer": capitalised words and the attribution lexicon's titles); None when the text
    ties it to no party or to more than one."""
    names = _NAME_WORD.findall(name)
    ctx = _context_words(lex)
    party = ctx.party
    found = {party.get(_name_stem(w)) for w in names} - {None}
    if found or not names:
        return found.pop() if len(found) == 1 else None
    surname = _name_stem(names[-1])
    seg = content.seg
    words, capf = seg.words, seg.is_cap
    titles = lex["attribution_context"]
    n = len(words)
    for i in _surname_at(seg, surname):
        j = i + 2 if i + 1 < n and words[i + 1] in ("(", ",") else i + 1
        if j < n:
            m = _PARTY_TAG.match(words[j])
            if m is not None:
                found.add(m.group(1).upper())
            else:
                if words[j] in ("a", "the") and j + 1 < n:
                    j += 1
                if capf[j] and words[j] in ctx.party_nouns:  # the singular noun: "Sherrill, Democrat of ..."
                    found.add(party[words[j]])
        k = i - 1
        while k >= 0 and i - k <= _TITLE_RUN and (capf[k] or words[k] == "." or titles.category(words[k]) == "title"):
            p = party.get(_name_stem(words[k]))
            if p is not None:
                found.add(p)
                break
            k -= 1
    return found.pop() if len(found) == 1 else None


_REP_WINDOW = 6  # tokens between a represented name and its representative's name ("Obama campaign deputy press secretary Ben Lind")
_REP_STOPS = frozenset(",;:()\"“”‘’")


@per_lexicon
def _offices(lex: Lexicons) -> tuple[tuple[str, str], ...]:
    """(office, title of its holder) from the attribution lexicon: ("white house", "president")."""
    return tuple(sorted((e.term, e.extra[0]) for e in lex["attribution_context"].entries.values() if e.category == "office" and e.extra))


def _holds_title(content: Content, head: str, title: str) -> bool:
    """The text writes the target's name after the title, capitalised ("President Barack Obama")."""
    seg = content.seg
    words, capf = seg.words, seg.is_cap
    last = title.split()[-1]
    n = len(words)
    for i in compress(range(n - 1), capf):
        if words[i] == last and capf[i + 1] and (_name_stem(words[i + 1]) == head or i + 2 < n and capf[i + 2] and _name_stem(words[i + 2]) == head):
            return True
    return False


@per_lexicon
def _speaker_words(lex: Lexicons) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """From the attribution lexicon: representative nouns ("lawyer", "spokesman", "campaign"),
    titles, and words a title run never crosses (function words, articles)."""
    rep, titles, stops = set(), set(), set()
    for e in lex["attribution_context"].entries.values():
        if e.category == "represents" or "represents" in e.extra:
            rep.add(e.term)
        if e.category == "title":
            titles.add(e.term)
        elif e.category in ("function", "det", "indef", "relative", "not_speaker"):
            stops.add(e.term)
    return frozenset(rep), frozenset(titles), frozenset(stops)


def speaks_for(content: Content, lex: Lexicons, speaker: str, target: str) -> bool:
    """The text names ``speaker`` as someone who speaks for ``target``: a representative noun
    between the target's name and a mention of the speaker ("Strzok attorney Aitan Goelman",
    "Moore campaign chairman Bill Armistead"), or in an apposition after it that names the
    target ("Aitan Goelman, Mr. Strzok's lawyer,", "Ben Lind, a spokesman for Veyk,")."""
    keys = target_keys(lex, target)
    names = _NAME_WORD.findall(speaker)
    if not keys or not names:
        return False
    head = keys[-1]
    stems = {_name_stem(w) for w in names}
    surname = _name_stem(names[-1])
    rep, titles, stops = _speaker_words(lex)
    seg = content.seg
    words, capf, wordf = seg.words, seg.is_cap, seg.is_word
    n = len(words)
    for i in _surname_at(seg, surname):
        first = i  # the speaker's full name ("Aitan Goelman")
        while first > 0 and capf[first - 1] and _name_stem(words[first - 1]) in stems:
            first -= 1
        # Before: the target's name, then titles and representative nouns ("Strzok attorney").
        seen = False
        k = first - 1
        while k >= 0 and first - k <= _REP_WINDOW and (wordf[k] or words[k] == "."):
            w = words[k]
            if capf[k] and _name_stem(w) == head:
                if seen:
                    return True
                break
            if w in rep:
                seen = True
            elif w in stops or not capf[k] and w.endswith(("ed", "ing")):
                break  # "Veyk attacked lawyer Ben Lind": a clause, not a title
            k -= 1
        # After: an apposition naming the target and a representative noun.
        if i + 1 < n and words[i + 1] == ",":
            has_head = has_rep = False
            for k in range(i + 2, min(n, i + 3 + _REP_WINDOW)):
                w = words[k]
                if w in _REP_STOPS or w == "." and words[k - 1] not in titles:
                    break
                if w in rep:
                    has_rep = True
                elif capf[k] and _name_stem(w) == head:
                    has_head = True
            if has_head and has_rep:
                return True
    return False


def speaks_for_office(content: Content, lex: Lexicons, speaker: str, target: str) -> bool:
    """The speaker speaks for an office ("the White House", "White House press secretary Ben
    Lind") whose holder the text names the target ("President Veyk")."""
    keys = target_keys(lex, target)
    if not keys:
        return False
    text = content.seg.text.lower()
    for office, title in _offices(lex):
        if office not in text or not _holds_title(content, keys[-1], title):
            continue
        if _names_target(speaker, target_keys(lex, office)[-1]) or speaks_for(content, lex, speaker, office):
            return True
    return False


def _own_words(content: Content, lex: Lexicons, start: int, end: int) -> list[tuple[int, float]]:
    """The span's own sentiment words (token, valence), with VADER's rules (as the phrase rule reads them)."""
    seg = content.seg
    a, b = _token_range(seg, start, end)
    if a >= len(seg.token_starts):
        return []
    lo, hi = _sentence_range(seg, a, b)
    W = _weights(lex)
    sws, _, _ = _sentence(seg, W, _normalised_article(seg), lo, hi, seg.sentence_index(seg.token_starts[lo]) != seg.sentence_index(seg.token_starts[hi - 1]))
    return [(k, v) for k, v in sws if a <= k < b]


def _led_by_criticism(words: Sequence[str], own: list[tuple[int, float]], like_subject: frozenset[str]) -> bool:
    """The span's own words do not praise: its strongest sentiment word is negative, or as
    strong as any positive one ("... is wrong", "a stunning level of dissent": the loaded word,
    not the sum of the mild positive words around it), or its only positive word is the
    preposition "like" ("reading it like a sacred text"): "like" is the verb only after a word
    of ``like_subject`` ("I like", "would like")."""
    worst = best = 0.0
    liked = False
    for k, v in own:
        if v < worst:
            worst = v
        elif words[k] == "like" and (k == 0 or words[k - 1].replace("’", "'") not in like_subject):  # "I’d", "don’t"
            liked = True  # not a sentiment word
        elif v > best:
            best = v
    return worst < 0 and -worst >= best or liked and best == 0


def tone_toward(content: Content, lex: Lexicons, start: int, end: int, target: str, attributions: Sequence = ()) -> MentionSentiment:
    """Tone of the span ``start:end`` toward the actor named ``target`` ("Michael_Steele").

    ``score_mentions``' reading of the span, then two relations to the target:

    * the span is inside a quote (of ``OWN_QUOTE_MIN_WORDS`` words or more) whose speaker is
      the target: the target's own statement, read as positive toward the target;
    * a span read as praise whose own words are led by criticism (`_led_by_criticism`): negative;
    * the span's own words are positive but the tone toward the target's other mentions in
      the same sentence (or, when the sentence does not name the target, in the sentence
      before) is negative: the praise is not for the target, so negative.

    ``attributions`` are the attribution detector's (`attribution.detect(...).attributions`)."""
    base = score_mentions(content, lex, [(start, end)])[0]
    keys = target_keys(lex, target)
    if not keys:
        return base
    head = keys[-1]
    speaker, n_words = quote_speaker(content, start, end, attributions)
    # The target speaks: by name, or, for a group named by its party ("House_Democrats"), a
    # member the text ties to that party ("Nancy Pelosi (D-Calif.)").
    ctx = _context_words(lex)
    party = ctx.party
    if speaker is not None and (_names_target(speaker, head) or head in party and party_of(content, lex, speaker) == party[head] or speaks_for(content, lex, speaker, target) or speaks_for_office(content, lex, speaker, target)):
        if n_words >= OWN_QUOTE_MIN_WORDS:
            return MentionSentiment(max(base.score, 0.0), "pos", base.scope)
        return MentionSentiment(min(base.score, 0.0), "neg", base.scope)  # the target's words held up by the reporter
    own = _own_words(content, lex, start, end) if base.polarity != "neg" else []
    if base.polarity == "pos" and _led_by_criticism(content.seg.words, own, ctx.like_subject):
        return MentionSentiment(min(base.score, 0.0), "neg", base.scope)
    if base.polarity != "neg" and sum(v for _, v in own) > 0:
        seg = content.seg
        a, b = _token_range(seg, start, end)
        lo, hi = _sentence_range(seg, a, b)
        named = target_mentions(content, lex, target, lo, hi)
        others = [m for m in named if not (start <= m[0] < end)]
        if not named:
            # The sentence does not name the target ("He has praised..."): the sentence before may.
            si = seg.sentence_index(seg.token_starts[lo])
            if si > 0:
                others = target_mentions(content, lex, target, *seg.sentence_tokens[si - 1])
        if others:
            lean = sum(m.score for m in score_mentions(content, lex, others)) / len(others)
            if lean < TARGET_LEAN:
                return MentionSentiment(min(base.score, _round4(lean)), "neg", base.scope)
    return base
