"""Boilerplate: classify each line as content or page furniture, with a category.

Three layers, cheapest evidence last to override:

1. Every non-blank line gets a content probability from a small logistic model
   (``framing/models/boilerplate.json``, trained by ``scripts/train_boilerplate.py``)
   over general features: length, terminal punctuation, lower-case share, function
   words, digits, dates, separators, furniture phrases, position, the lengths of the
   neighbouring lines, and where the prose paragraphs of the page are.
2. A two-state smoothing pass (Viterbi, a fixed cost per switch) turns the
   probabilities into runs: the article body is a contiguous-ish region, so a short
   subheading between paragraphs stays content and a long line inside a menu does not.
   A table of short lines is one unit before it (its lines share their mean probability).
3. Furniture that is certain whatever the neighbours say (a share prompt, a copyright
   line, a photo credit, a byline, an author bio, a teaser headline between
   paragraphs, a stray number, a line of the source's page template, a line missing
   from the HTML main text) is flagged and gets its category; a little is story whatever
   the model says (a schedule or a table introduced by the story, an embedded post).
"""

from __future__ import annotations

import json
import math
import operator
from operator import itemgetter
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache, partial
from itertools import accumulate, compress, repeat, starmap
from importlib import resources
from typing import Mapping, NamedTuple, Sequence

import numpy as np

from ..lexicon import Lexicons, WordList
from ..model import BOILERPLATE, REPORTER, DetectorOutput, Span, new_frozen
from ..segment import Segmentation

CATEGORIES = ("share", "comment", "legal", "bio", "byline", "caption", "related", "advert", "fragment")
_LINE_KEYS = tuple(f"boilerplate_lines_{c}" for c in CATEGORIES)

FEATURES = (
    "log_words",
    "short",
    "long",
    "terminal",
    "lower_share",
    "cap_share",
    "function_share",
    "verb",
    "digit_share",
    "punct_share",
    "commas",
    "multi_sentence",
    "cue",
    "date",
    "separator",
    "url",
    "repeated",
    "pos",
    "pos2",
    "near_words",
    "near_terminal",
    "inside_prose",
    "prose_distance",
    "menu_run",
    "upper_share",
    "near_date",
    "table",
    "after_comment",
    "after_related",
    "prev_date",
    "prev_short",
    "prev_terminal",
    "next_short",
    "next_terminal",
    "long_after_date",
    "long_after_related",
    "headline_like",
    "clean_above",
    "clean_below",
    "run_numbers",
    "after_colon",
    "same_marks",
    "near_short",
)

# Lines with at most this many words are short enough for a furniture phrase to decide them.
_SHORT_FOR_CUE = 12
_PROSE_WORDS = 20

_TERMINAL_CHARS = frozenset(".!?…。！？")
# Dates and times: "Nov 19", "8:40", "2019-11-19", "11/19/2019", "2 hours ago" (and the
# words "updated", "published", "posted", found by token). Two patterns, so that each
# starts with something the regex engine can skip to quickly (the lookahead gives it the
# months' first letters: twice as fast as the bare alternation).
_DATE_MONTH = re.compile(r"\b(?=[adfjmnos])(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}\b", re.IGNORECASE)
_DATE_NUM = re.compile(
    r"(?=\d)(?:(?<!\w)\d{1,2}:\d{2}(?:[APap][Mm])?\b|(?<!\w)\d{4}-\d{2}-\d{2}\b|(?<!\w)\d{1,2}/\d{1,2}/\d{2,4}\b|(?<!\w)\d+ ?(?:minutes?|mins?|hours?|hrs?|days?|weeks?|[mMhHdD]) ago\b)"
)
# Tokens without which no date pattern can match: the regex runs only on lines with one.
_MONTH_TOKENS = frozenset(
    """jan january feb february mar march apr april may jun june jul july aug august sep sept
    september oct october nov november dec december""".split()
)
_STAMP_WORDS = frozenset(("updated", "published", "posted"))
_DIGIT = re.compile(r"\d")
_ASCII_BYTES = bytes(range(128))
_NOT_DIGIT_BYTES = bytes(b for b in range(256) if not 48 <= b <= 57)
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")
_MONTH_WORDS = frozenset(m.lower() for m in _MONTHS)
_SEPARATOR_CHARS = "|•›»·►▶◄«"
_CREDIT_KEYS = ("/", "Photo", "Image", "Picture", "Getty", "Shutterstock", "(File)", "FILE PHOTO", "Credit")
# A character (or word) that each pattern needs: a cheap test before the regex runs on a line.
_SEPARATOR_GATE = _SEPARATOR_CHARS + "/"
_SEPARATOR = re.compile(r"[|•›»·►▶◄«]|\s/\s")
# The same two, found in the whole text at once (one character each; a line's slash needs
# a blank on both sides inside the line), and the words a photo credit needs.
# (The slash's blanks are tested in Python: with the lookarounds in the pattern the regex
# engine cannot skip to the characters and the search takes five times as long.)
_SEPARATOR_ANY = re.compile(r"[|•›»·►▶◄«/]")
_CREDIT_ANY = re.compile("|".join(re.escape(k) for k in _CREDIT_KEYS))
_URL = re.compile(r"https?://|www\.|[^\s@]+@[^\s@]+\.\w+|\.com\b", re.IGNORECASE)
# A photo credit: agency slash photographer, "(Photo: ...)", "Photo by ...", "Image credit: ...",
# "Credit: ...".
_CREDIT = re.compile(
    r"(?=[RAEXGBSTPIvFC(])(?:\b(?:REUTERS|Reuters|AFP|AP|EPA|Xinhua|Getty Images|Bloomberg|Anadolu|Sputnik|TASS)\s*/\s*\w"
    r"|\b(?:AP|AFP|Reuters) Photo\b|\b(?:Photo|Image|Picture|Photograph)s?(?: credits?)?\s*(?::|by\b|courtesy\b)"
    r"|\bvia Getty Images\b|\bGetty Images\b\s*$|\bShutterstock\b\s*$|\(File\)|\bFILE PHOTO\b|\bCredits?: [A-Z])",
)
# "Jane Roe, Associated Press": a photographer and an agency, nothing after them. Tried
# only on the lines with one of these endings (one ``endswith`` a line: the agencies as
# keys of the whole-text credit gate cost 10 us an article).
# So is an agency closing a caption: "... on Aug. 31, 2031. (AP)", and a credit glued to
# it ("... in New York.Reuters", "... easy.Jane Roe/Getty": caption and credit elements
# flattened without a blank).
_CLOSING_CREDIT = re.compile(r"(?:\.\s?\((?:AP|AFP|Reuters|REUTERS|EPA)\)|[a-z]\.(?:Reuters|AP|AFP)|[a-z]/Getty)$")
_AGENCY_CREDIT = re.compile(
    r"(?:^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}, (?:AP|AFP|Reuters|REUTERS|EPA|Associated Press|ASSOCIATED PRESS|Getty Images)(?: [Ff]ile)?$)"
    "|" + _CLOSING_CREDIT.pattern
)
_AGENCY_ENDS = (", AP", ", AFP", ", Reuters", ", REUTERS", ", EPA", " Press", " PRESS", ", Getty Images", " file", " File", "(AP)", "(AFP)", "(Reuters)", "(REUTERS)", "(EPA)", ".Reuters", ".AP", ".AFP", "/Getty")
_AGENCY_LAST = frozenset(e[-1] for e in _AGENCY_ENDS)  # a cheaper test first (most lines end in ".")
# Wire-photo caption style: "<place>, <Country> <Month> <day>, <year>." with no "on"
# before the date, which prose would have.
_CAPTION_DATE = re.compile(
    r", [A-Z][\w.]*(?: [A-Z][\w.]*)* (?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}\b"
)
_BYLINE = re.compile(r"^(?:By|BY|by|Par|Von|Por)\s+[A-Z\w]")
_LEGAL = re.compile(r"©|\(c\) \d{4}|^copyright\b", re.IGNORECASE | re.MULTILINE)
# "Jane Doe is a staff writer ..." (or "Jane Doe (@janedoe) is ...") at the foot of a story.
_BIO = re.compile(
    r"^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}(?: \(@\w+\))? (?:is|was|has been) (?:an?|the) (?:[\w-]+ ){0,4}"
    r"(?:writer|reporter|journalist|editor|correspondent|columnist|contributor|author|producer|graduate|student|freelancer)\b"
)
# A section break of a story: a rule of underscores, dashes, asterisks ("___", "* * *").
_SECTION_BREAK = re.compile(r"^(?:([_*=~#-])\1{2,}|\*(?: \*){2,})$")
# A time stamp line: "Updated: 9:14 am", "First published on May 3, 2031 / 1:07 AM".
_STAMP_START = re.compile(r"^(?:(?:first|last) )?(?:updated|published|posted|modified)\b", re.IGNORECASE)
# The signature under an embedded social media post: "— Name (@handle) May 3, 2031".
_POST_SIGNATURE = re.compile(
    r"^[—–-] .{1,80}\(@\w{1,30}\) (?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}$"
)
# A comment's header: a name, the date and clock time, "said:" (a story's "On May 3 the
# mayor said:" has no clock time).
_GALLERY_COUNTER = re.compile(r"\d{1,3} (?:of|/) \d{1,3}$")
_IMAGE_URL = re.compile(r"(?:https?://|www\.)\S+\.(?:png|jpe?g|gif|webp|svg|avif)(?:\?\S*)?$", re.IGNORECASE)
_COMMENT_HEADER = re.compile(r"\d:\d\d\b.{0,12}\b(?:said|says|wrote|writes|commented):$", re.IGNORECASE)
_ISO_STAMP = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?$")
# How a line of the story opens that a teaser headline never does: a quotation (a pull
# quote), a list number ("7. Invest what is left"), a pronoun pointing back into the story.
_STORY_LINE_START = re.compile(r"^(?:[\"“‘'«„]|\d{1,3}[.)] |(?:She|He|They|It|We|I|You)\b)")
_FIRST_PERSON_START = re.compile(r"^(?:Hello|Hi|Hey)\b|^I(?:'|’)m\b|^I am\b|^My name is\b")


@dataclass(frozen=True)
class BoilerplateOutput(DetectorOutput):
    lines: frozenset[int] = field(default_factory=frozenset)  # 0-based indices into seg.lines


class LineInfo(NamedTuple):
    """One non-blank line and what the detector reads off it (a tuple: cheap to build)."""

    index: int  # into seg.lines
    start: int  # trimmed: first and last non-blank character
    end: int
    words: int
    alpha: int  # words by the kind of their first character
    lower: int
    caps: int
    upper: int  # words in capitals throughout ("BREAKING", "MOST READ")
    function: int
    verbs: int  # > 0 when the line has a finite verb form
    digits: int
    tokens: int
    punct: int
    commas: int
    sentences: int
    terminal: bool
    cue: str | None  # category of a furniture phrase that decides this line
    cue_any: str | None  # category of the first furniture phrase anywhere in the line
    dated: bool = False  # a date or time ("Nov 19", "8:40", "2 hours ago", "Updated")
    separator: bool = False  # "|", "•", "»" ...
    url: bool = False
    credit: bool = False  # a photo credit
    legal: bool = False  # a copyright sign or notice
    caption_date: bool = False  # a wire-photo caption's place-and-date tail
    repeated: bool = False  # the same line (three words or more) appears again on the page


def normalize_line(line: str) -> str:
    """The form in which lines are compared across articles (page templates)."""
    return " ".join(line.lower().split())


def recurring_lines(docs_by_source: Mapping[str, Sequence[str]], min_docs: int = 3, min_share: float = 0.5) -> dict[str, frozenset[str]]:
    """Lines that recur across a source's articles: its page template.

    A line counts when it appears in at least ``min_docs`` articles of the source and
    in at least ``min_share`` of them (so a phrase that two articles happen to share
    in a big archive does not count). The batch runner calls this in a pre-pass and
    hands each article its source's set as ``recurring``.
    """
    out: dict[str, frozenset[str]] = {}
    for source, texts in docs_by_source.items():
        counts: Counter[str] = Counter()
        for text in texts:
            counts.update({normalize_line(l) for l in text.split("\n") if l.strip()})
        need = max(min_docs, math.ceil(min_share * len(texts)))
        out[source] = frozenset(l for l, n in counts.items() if n >= need) if len(texts) >= min_docs else frozenset()
    return out


def template_lines(docs_by_source: Mapping[str, Sequence[str]], min_docs: int = 3) -> dict[str, frozenset[str]]:
    """Older name of :func:`recurring_lines`."""
    return recurring_lines(docs_by_source, min_docs=min_docs)


# --- the model ----------------------------------------------------------------------


@dataclass(frozen=True)
class Model:
    """Logistic weights over standardized :data:`FEATURES`, and the smoothing switch cost."""

    weights: tuple[float, ...]
    bias: float
    switch_cost: float
    mean: tuple[float, ...]
    scale: tuple[float, ...]


DEFAULT_MODEL = Model(
    weights=tuple(0.0 for _ in FEATURES), bias=0.0, switch_cost=2.0, mean=tuple(0.0 for _ in FEATURES), scale=tuple(1.0 for _ in FEATURES)
)


@lru_cache(maxsize=1)
def load_model() -> Model:
    """The shipped weights (framing/models/boilerplate.json)."""
    try:
        raw = json.loads(resources.files("framing").joinpath("models/boilerplate.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        return DEFAULT_MODEL
    return model_from_dict(raw)


def model_from_dict(raw: Mapping) -> Model:
    if list(raw["features"]) != list(FEATURES):
        raise ValueError("boilerplate model was trained on other features; retrain with scripts/train_boilerplate.py")
    return Model(
        weights=tuple(raw["weights"]),
        bias=float(raw["bias"]),
        switch_cost=float(raw["switch_cost"]),
        mean=tuple(raw["mean"]),
        scale=tuple(raw["scale"]),
    )


# --- features -----------------------------------------------------------------------


def line_infos(seg: Segmentation, lex: Lexicons) -> list[LineInfo]:
    """Read every non-blank line once: counts over its tokens and its furniture phrase.

    Token kinds are marked once for the whole text as bits in a byte array and summed
    per line in one ``reduceat``; a pattern runs only on the lines that a cheap check
    (a substring of the whole text, a digit byte in the line) says could hold it.
    """
    text = seg.text
    words = seg.words
    starts = seg.token_starts
    ends = seg.token_ends
    cues = _cue_list(lex)
    function_words, verb_words = _word_classes(lex)
    wflags = word_flags(seg, lex)
    sent_starts = seg._sentence_starts
    # The non-blank lines, trimmed, with their token ranges.
    spans: list[tuple[int, int, int]] = []
    for idx, (s, e) in enumerate(seg.lines):
        piece = text[s:e]
        left = piece.lstrip()
        if left:
            s += len(piece) - len(left)
            spans.append((idx, s, s + len(left.rstrip())))
    if not spans:
        return []
    line_starts = [s for _, s, _ in spans]
    tok_a = [bisect_left(starts, s) for s in line_starts]
    tok_b = tok_a[1:] + [len(starts)]  # blank lines hold no tokens: a line's tokens run to the next line's
    firsts = seg.first_chars
    kinds, line_marks = _token_counts(text, words, starts, ends, firsts, wflags, tok_a, tok_b)
    wide = not firsts.isascii() and _WIDE.search(firsts) is not None
    # Which lines hold a digit, from the UTF-8 bytes (a multi-byte character never holds an
    # ASCII digit byte); other decimal digits ("٣") send every line to the regex.
    raw = text.encode("utf-8", "surrogatepass")
    exotic_digits = not text.isascii() and _DIGIT.search(raw.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")) is not None
    raw_lines = raw.split(b"\n")  # one per seg.lines
    # Whole-text checks first, so a pattern only runs on the lines that can hold it.
    low = text.lower()
    # The gates that are words come from the word flags above. A caption date's month name
    # stands between spaces, so it is a token of its own.
    any_sep = any(c in text for c in _SEPARATOR_CHARS) or " / " in text
    any_url = "@" in text or "www." in low or "http" in low or ".com" in low
    any_credit = any(k in text for k in _CREDIT_KEYS)
    any_legal = "©" in text or "(c)" in low or "copyright" in low
    # Whether the same line (of three words or more) appears twice: equal lines have equal
    # lower-cased tokens, so only lines that share them are compared in full. (Without a
    # dotted capital I, lower-casing keeps every character's length and word-ness, so the
    # shared tokens are exactly those of the lower-cased line.)
    repeated: set[int] = set()
    by_words: dict[tuple[str, ...], list[int]] = {}
    exact_keys = "\u0130" not in text
    multi = [k for k, c in enumerate(kinds[0]) if c >= 3]
    if exact_keys:
        # Lines with equal tokens have equal token counts and first and last tokens: when
        # no two lines share those, no line repeats (the usual case, at little cost).
        firsts_lasts = {(tok_b[k] - tok_a[k], words[tok_a[k]], words[tok_b[k] - 1]) for k in multi}
        if len(firsts_lasts) == len(multi):
            multi = []
    for k in multi:
        by_words.setdefault(words[tok_a[k] : tok_b[k]] if exact_keys else normalize_line(text[spans[k][1] : spans[k][2]]), []).append(k)
    for group in by_words.values():
        if len(group) > 1:
            if exact_keys:
                norms = [normalize_line(text[spans[k][1] : spans[k][2]]) for k in group]  # once per line
                seen = Counter(norms)
                repeated.update(k for k, m in zip(group, norms) if seen[m] > 1)
            else:
                repeated.update(group)
    # The per-line records are built as columns, one comprehension each.
    n = len(spans)
    idxs, line_starts, line_ends = zip(*spans)
    line_texts = [text[s:e] for _, s, e in spans]
    ranges = list(zip(tok_a, tok_b))
    any_month = any(m & _W_MONTH for m in line_marks)  # a full month name anywhere
    nws = list(kinds[0])
    if wide:
        for k, (a, b) in enumerate(ranges):
            if nws[k] and max(line_texts[k]) >= "\u2e80":
                nws[k] = sum(_cjk_words(words[t], firsts[t]) for t in range(a, b) if firsts[t].isalnum())
    # A regular past tense ("approved", "state-owned") reads as a finite verb too.
    # Only a line whose lower-cased text holds "ed" can have one (the tokens are slices of
    # the lower-cased text when it is as long as the text): most lines without a verb are
    # menu items and headings.
    aligned = len(low) == len(text)
    verbs = [
        v
        or (
            0
            if aligned and low.find("ed", s, e) < 0
            else sum(1 for t in range(a, b) if words[t].endswith("ed") and len(words[t]) > 4 and firsts[t].islower() and words[t] not in function_words)
        )
        for v, (a, b), s, e in zip(kinds[5], ranges, line_starts, line_ends)
    ]
    # A line with none of the furniture phrases' first words needs no phrase search.
    # A long line is decided by its opening phrase only: when its first token is a word
    # without the flag, no phrase can open it (most prose lines).
    cue_pairs = [
        _line_cue(cues, words, a, b, _first_word(firsts, a), nw)
        if m & _W_CUE and w and (nw <= _SHORT_FOR_CUE or wflags[a] & _W_CUE or not firsts[a].isalnum())
        else _NO_CUE
        for m, w, nw, (a, b) in zip(line_marks, kinds[0], nws, ranges)
    ]
    if exotic_digits:
        has_digit = [_DIGIT.search(t) is not None for t in line_texts]
    else:
        has_digit = [bool(raw_lines[idx].translate(None, _NOT_DIGIT_BYTES)) for idx in idxs]
    dated = [
        (m & _W_STAMP) != 0
        or (d and (((":" in t or "-" in t or "/" in t or " ago" in t) and _DATE_NUM.search(t) is not None) or ((m & _W_MONTH_TOKEN) != 0 and _DATE_MONTH.search(t) is not None)))
        for t, d, m in zip(line_texts, has_digit, line_marks)
    ]
    no = [False] * n
    credit = _credit_lines(text, line_starts, line_ends, line_texts) if any_credit else no
    agency = [k for k, t in enumerate(line_texts) if t[-1] in _AGENCY_LAST and t.endswith(_AGENCY_ENDS) and _AGENCY_CREDIT.search(t) is not None]
    if agency:
        credit = list(credit)  # (``no`` is shared by other columns)
        for k in agency:
            credit[k] = True
    # Sentences starting before each line, and before the end of the last: no sentence starts
    # in the blanks between two lines, so a line's count is the difference of neighbours.
    sent_before = list(map(bisect_left, repeat(sent_starts, n + 1), (*line_starts, line_ends[-1])))
    columns = (
        idxs,
        line_starts,
        line_ends,
        nws,
        kinds[1],
        kinds[2],
        kinds[3],
        kinds[7],
        kinds[4],
        verbs,
        kinds[6],
        [b - a for a, b in ranges],
        [b - a - w for (a, b), w in zip(ranges, kinds[0])],
        [t.count(",") for t in line_texts],
        [d if d > 1 else 1 for d in map(operator.sub, sent_before[1:], sent_before)],
        # Closing quotes are skipped, wire copy's two apostrophes ('') among them.
        [t[-4:].rstrip("\"”’')]")[-1:] in _TERMINAL_CHARS for t in line_texts],
        [c for c, _ in cue_pairs],
        [c for _, c in cue_pairs],
        dated,
        _separator_lines(text, line_starts, line_ends) if any_sep else no,
        _url_lines(text, low, line_starts, line_ends, line_texts) if any_url else no,
        credit,
        _legal_lines(text, low, line_starts, line_ends, line_texts) if any_legal else no,
        [d and _CAPTION_DATE.search(t) is not None for t, d in zip(line_texts, has_digit)] if any_month else no,
        [k in repeated for k in range(n)] if repeated else no,
    )
    out = list(map(_new_info, zip(*columns)))
    return out


_NO_CUE = (None, None)


def _token_counts(text: str, words: Sequence[str], starts: Sequence[int], ends: Sequence[int], firsts: str, wflags: bytes, tok_a: list[int], tok_b: list[int]) -> tuple[list[list[int]], list[int]]:
    """Per token kind bit, the count of such tokens on each line; per line, the OR of its
    tokens' month, stamp and furniture-phrase flags."""
    if len(tok_a) <= _SMALL_LINES:
        return _small_token_counts(text, words, starts, ends, firsts, wflags, tok_a, tok_b)
    # Token kinds by their first character (translate caches a character's kind), plus
    # function word and verb by the lower-cased token: one byte of bits per token.
    bits = np.frombuffer(_kind_bytes(firsts), dtype=np.uint8)
    wbits = np.frombuffer(wflags, dtype=np.uint8)
    bits = bits | (wbits & (_FUNCTION | _VERB))
    # Numbers ("2019") and words in capitals throughout ("BREAKING"): few tokens to check.
    maybe_digit = np.flatnonzero((bits & (_ALNUM | _ALPHA)) == _ALNUM).tolist()
    digit_toks = [t for t in maybe_digit if words[t].isdigit()]
    if digit_toks:
        bits[digit_toks] |= _DIGIT_BIT
    upper_toks = np.flatnonzero(bits & _UPPER).tolist()
    if upper_toks:
        # A capital followed by a lower-case letter ("The") cannot be in capitals throughout:
        # only the others are sliced and tested.
        seconds = "".join(itemgetter(*[starts[t] + 1 for t in upper_toks])(text + " ")) if len(upper_toks) > 1 else (text + " ")[starts[upper_toks[0]] + 1]
        maybe_caps = [t for t, k in zip(upper_toks, _kind_bytes(seconds)) if not k & _LOWER]
        caps_toks = [t for t in maybe_caps if text[starts[t] : ends[t]].isupper() and ends[t] - starts[t] > 1]
        if caps_toks:
            bits[caps_toks] |= _ALLCAPS
    # Per bit, a column of per-line counts (bits in rows: reduceat runs along each row).
    kinds = np.add.reduceat(np.unpackbits(bits[None, :], axis=0, bitorder="little"), tok_a, axis=1, dtype=np.int64).tolist()
    # Per line, which of the words that the month, stamp and furniture-phrase tests need it holds.
    line_marks = np.bitwise_or.reduceat(wbits & (_W_MONTH | _W_MONTH_TOKEN | _W_STAMP | _W_CUE), tok_a).tolist()
    return kinds, line_marks


# Up to this many lines the counts are taken by bytes methods, without numpy: a dozen numpy
# calls cost more than they save on a short text (a draft of one paragraph, a single line).
_SMALL_LINES = 32
# Per bit, a translate table: byte -> 1 when it has the bit, else 0.
_HAS_BIT = tuple(bytes(v >> j & 1 for v in range(256)) for j in range(8))


def _small_token_counts(text: str, words: Sequence[str], starts: Sequence[int], ends: Sequence[int], firsts: str, wflags: bytes, tok_a: list[int], tok_b: list[int]) -> tuple[list[list[int]], list[int]]:
    """:func:`_token_counts` for a few lines: the same numbers."""
    kind = _kind_bytes(firsts)
    # The kind bits (the low four) and the function and verb flags (the next two) do not
    # overlap: one integer OR joins them.
    bits = bytearray((int.from_bytes(kind, "little") | int.from_bytes(wflags.translate(_FV_KEEP), "little")).to_bytes(len(kind), "little"))
    # The few tokens to check, picked out at C speed (``compress`` over a 0/1 byte per token).
    tokens = range(len(kind))
    for t in compress(tokens, kind.translate(_IS_MAYBE_DIGIT)):
        if words[t].isdigit():
            bits[t] |= _DIGIT_BIT
    upper_toks = list(compress(tokens, kind.translate(_HAS_BIT[3])))  # (_UPPER)
    if upper_toks:
        seconds = "".join(itemgetter(*[starts[t] + 1 for t in upper_toks])(text + " ")) if len(upper_toks) > 1 else (text + " ")[starts[upper_toks[0]] + 1]
        for t, k in zip(upper_toks, _kind_bytes(seconds)):
            if not k & _LOWER and text[starts[t] : ends[t]].isupper() and ends[t] - starts[t] > 1:
                bits[t] |= _ALLCAPS
    # Per bit, the tokens as 1 (with it) or 0, counted over each line's range.
    if len(tok_a) == 1:  # (a one-line text: its tokens are the line's)
        kinds = [[bits.translate(has).count(1)] for has in _HAS_BIT]
    else:
        args = list(zip(repeat(1), tok_a, tok_b))
        kinds = [list(starmap(bits.translate(has).count, args)) for has in _HAS_BIT]
    marks = wflags.translate(_MARK_KEEP)
    return kinds, [_or_all(marks[a:b].translate(None, b"\0")) for a, b in zip(tok_a, tok_b)]


def _or_all(flags: bytes) -> int:
    out = 0
    for f in flags:
        out |= f
    return out


def _separator_lines(text: str, line_starts: Sequence[int], line_ends: Sequence[int]) -> list[bool]:
    """Which lines hold a separator, from one search of the whole text."""
    out = [False] * len(line_starts)
    last = len(text) - 1
    for m in _SEPARATOR_ANY.finditer(text):
        p = m.start()
        if text[p] == "/" and not (0 < p < last and text[p - 1] != "\n" and text[p - 1].isspace() and text[p + 1] != "\n" and text[p + 1].isspace()):
            continue  # a slash separates only between blanks ("News / World"), not in "1/2" or a URL
        k = bisect_right(line_starts, p) - 1
        if k >= 0 and p < line_ends[k] and (text[p] != "/" or (p > line_starts[k] and p + 1 < line_ends[k])):
            out[k] = True
    return out


def _credit_lines(text: str, line_starts: Sequence[int], line_ends: Sequence[int], line_texts: Sequence[str]) -> list[bool]:
    """Which lines hold a photo credit: the pattern runs on the lines holding one of its words."""
    out = [False] * len(line_starts)
    tried = set()
    for m in _CREDIT_ANY.finditer(text):
        k = bisect_right(line_starts, m.start()) - 1
        if k >= 0 and k not in tried and m.end() <= line_ends[k]:
            tried.add(k)
            out[k] = _CREDIT.search(line_texts[k]) is not None
    return out
_new_info = partial(tuple.__new__, LineInfo)
# Field getters of LineInfo for ``compress`` (C speed, no Python loop over the lines).
_DATED = itemgetter(LineInfo._fields.index("dated"))
_DIGITS = itemgetter(LineInfo._fields.index("digits"))
_REPEATED = itemgetter(LineInfo._fields.index("repeated"))
_CUE = itemgetter(LineInfo._fields.index("cue"))


def _gate_lines(haystack: str, keys: Sequence[str], line_starts: Sequence[int], line_ends: Sequence[int]) -> set[int]:
    """The lines whose text (in ``haystack``, aligned with the text) holds one of ``keys`` whole."""
    out: set[int] = set()
    for key in keys:
        p = haystack.find(key)
        while p >= 0:
            k = bisect_right(line_starts, p) - 1
            if k >= 0 and p + len(key) <= line_ends[k]:
                out.add(k)
                p = haystack.find(key, line_ends[k])  # this line is in: go on after it
            else:
                p = haystack.find(key, p + 1)
    return out


def _url_lines(text: str, low: str, line_starts: Sequence[int], line_ends: Sequence[int], line_texts: Sequence[str]) -> list[bool]:
    """Which lines hold a URL or an e-mail address: the pattern runs on the lines holding a
    piece that it needs, found in the whole lower-cased text."""
    if len(low) != len(text):  # lower-casing moved offsets: test each line's own text
        return [_maybe_url(low[s:e]) and _URL.search(t) is not None for t, s, e in zip(line_texts, line_starts, line_ends)]
    gate = _gate_lines(low, ("@", "www.", "http", ".com"), line_starts, line_ends)
    return [k in gate and _URL.search(t) is not None for k, t in enumerate(line_texts)]


def _legal_lines(text: str, low: str, line_starts: Sequence[int], line_ends: Sequence[int], line_texts: Sequence[str]) -> list[bool]:
    """Which lines hold a copyright sign or notice, likewise."""
    if len(low) != len(text):
        return [("©" in t or "(" in t or "opyr" in t.lower()) and _LEGAL.search(t) is not None for t in line_texts]
    gate = _gate_lines(text, ("©", "("), line_starts, line_ends) | _gate_lines(low, ("opyr",), line_starts, line_ends)
    return [k in gate and _LEGAL.search(t) is not None for k, t in enumerate(line_texts)]


def _first_word(firsts: str, a: int) -> int:
    """The first word token from token ``a`` on (the line has one)."""
    while not firsts[a].isalnum():
        a += 1
    return a


def _maybe_url(low_line: str) -> bool:
    return "@" in low_line or "www." in low_line or "http" in low_line or ".com" in low_line


def _cjk_words(w: str, c: str) -> int:
    """Chinese and Japanese run words together: count about two characters a word."""
    return len(w) // 2 if len(w) > 3 and c >= "\u2e80" and not ("\uac00" <= c <= "\ud7af") else 1


# Token kinds as bits of one byte: the first four read off a token's first character,
# then function word and verb (by the lower-cased token), number, capitals throughout.
_ALNUM, _ALPHA, _LOWER, _UPPER, _FUNCTION, _VERB, _DIGIT_BIT, _ALLCAPS = 1, 2, 4, 8, 16, 32, 64, 128


class _KindTable(dict):
    """A ``str.translate`` table: character -> the character whose code is its kind bits."""

    def __missing__(self, code: int) -> str:
        c = chr(code)
        kind = chr(_ALNUM * c.isalnum() | _ALPHA * c.isalpha() | _LOWER * c.islower() | _UPPER * c.isupper())
        self[code] = kind
        return kind


_KINDS = _KindTable()
_KIND_ASCII = bytes(ord(_KINDS[i]) for i in range(128)) + bytes(128)
_ASCII_CHARS = frozenset(map(chr, range(128)))
_WIDE = re.compile("[\u2e80-\U0010ffff]")  # Chinese, Japanese, Korean and beyond


def _kind_bytes(chars: str) -> bytes:
    """``chars.translate(_KINDS)`` as bytes: ASCII characters through one ``bytes.translate``,
    only the few others (curly quotes, dashes, accented capitals) one by one."""
    kinds = chars.encode("ascii", "replace").translate(_KIND_ASCII)  # one "?" per other character
    if chars.isascii():
        return kinds
    # "?" has kind 0, as have the usual others (curly quotes, dashes): only the distinct
    # others with a kind (accented letters) are put in, where they occur.
    out = None
    for c in set(chars).difference(_ASCII_CHARS):
        k = ord(_KINDS[ord(c)])
        if k:
            if out is None:
                out = bytearray(kinds)
            p = chars.find(c)
            while p >= 0:
                out[p] = k
                p = chars.find(c, p + 1)
    return kinds if out is None else bytes(out)


_CLASS_CACHE: dict[int, tuple[WordList, frozenset[str], frozenset[str]]] = {}


def _word_classes(lex: Lexicons) -> tuple[frozenset[str], frozenset[str]]:
    """Function words and verb forms of ``boilerplate_words.tsv`` as sets (cached per list)."""
    wl = lex.lists.get("boilerplate_words")
    if wl is None:
        return frozenset(), frozenset()
    hit = _CLASS_CACHE.get(id(wl))
    if hit is None or hit[0] is not wl:
        func = frozenset(t for t, e in wl.entries.items() if e.category == "function")
        verb = frozenset(t for t, e in wl.entries.items() if e.category == "verb")
        if len(_CLASS_CACHE) > 8:
            _CLASS_CACHE.clear()
        hit = _CLASS_CACHE[id(wl)] = (wl, func, verb)
    return hit[1], hit[2]


# Word flags of a lower-cased token, looked up once per token for the whole text
# (``word_flags``): function word and verb (the kind bits above), and the words that the
# month, stamp and furniture-phrase tests need.
_W_MONTH, _W_MONTH_TOKEN, _W_STAMP, _W_CUE = 1, 2, 4, 128
_FV_KEEP = bytes(v & (_FUNCTION | _VERB) for v in range(256))  # (for _small_token_counts)
_MARK_KEEP = bytes(v & (_W_MONTH | _W_MONTH_TOKEN | _W_STAMP | _W_CUE) for v in range(256))
# Token kinds that may be a number (alphanumeric, not a letter), as 0/1.
_IS_MAYBE_DIGIT = bytes(v & (_ALNUM | _ALPHA) == _ALNUM for v in range(256))
_BITS_CACHE: dict[tuple[int, ...], tuple[tuple, dict[str, int]]] = {}


def _word_bits(lex: Lexicons) -> dict[str, int]:
    """Flags of each word that has one (cached per set of word lists)."""
    get = lex.lists.get
    words_list, phrase_list = lists = (get("boilerplate_words"), get("boilerplate"))
    key = (id(words_list), id(phrase_list))
    hit = _BITS_CACHE.get(key)
    if hit is None or hit[0][0] is not words_list or hit[0][1] is not phrase_list:
        bits: dict[str, int] = {}

        def mark(words, bit):
            for w in words:
                bits[w] = bits.get(w, 0) | bit

        if lists[0] is not None:
            function_words, verb_words = _word_classes(lex)
            mark(function_words, _FUNCTION)
            mark(verb_words, _VERB)
        mark(_MONTH_WORDS, _W_MONTH)
        mark(_MONTH_TOKENS, _W_MONTH_TOKEN)
        mark(_STAMP_WORDS, _W_STAMP)
        if lists[1] is not None:
            mark(lists[1].by_first_word, _W_CUE)
        if len(_BITS_CACHE) > 8:
            _BITS_CACHE.clear()
        hit = _BITS_CACHE[key] = (lists, bits)
    return hit[1]


def word_flags(seg: Segmentation, lex: Lexicons) -> bytes:
    """One byte of word flags per token (see ``_word_bits``), one look-up per token."""
    words = seg.words
    return bytes(map(_word_bits(lex).get, words, repeat(0, len(words))))


def _cue_list(lex: Lexicons) -> WordList | None:
    return lex.lists.get("boilerplate")


def _line_cue(cues: WordList | None, words: Sequence[str], a: int, b: int, first_word: int, nw: int) -> tuple[str | None, str | None]:
    """The category of the furniture phrase that decides the line, if any.

    Phrases match on the words of the line, punctuation skipped ("Hi! I'm" = "hi i'm").
    ``line`` phrases must be the whole line (counts aside: "Comments (12)"), ``start``
    phrases must open a short line, ``any`` phrases may sit anywhere in a short line.
    Only bio and legal openers decide a long line.
    """
    if cues is None or first_word < 0:
        return None, None
    long_line = nw > _SHORT_FOR_CUE
    if long_line and words[first_word] not in cues.by_first_word:
        return None, None  # a long line is decided by an opening phrase only
    # A long line is decided by its opening words only.
    stop = min(b, first_word + 40) if long_line else b
    line_words = [w for w in words[first_word:stop] if w[:1].isalnum()]
    if long_line:
        line_words = line_words[:8]
    found_any: str | None = None
    for i, j, entry in cues.find_all(line_words):
        where = entry.extra[0] if entry.extra else "any"
        if long_line:
            # A long line is read by its opening phrase only, whatever its first word.
            if i == 0 and where == "start":
                found_any = found_any or entry.category
                if entry.category in ("bio", "legal"):
                    return entry.category, entry.category
            continue
        found_any = found_any or entry.category
        if where == "line":
            if not any(w[:1].isalpha() for k, w in enumerate(line_words) if k < i or k >= j):
                return entry.category, entry.category
        elif where == "start":
            if i == 0:
                return entry.category, entry.category
        else:
            return entry.category, entry.category
    return None, found_any


def features(infos: Sequence[LineInfo], text: str) -> list[list[float]]:
    """One feature vector per non-blank line, in the order of :data:`FEATURES`."""
    n = len(infos)
    if n == 0:
        return []
    ctx = _context(infos, text)
    if n >= _ARRAY_LINES:
        return _feature_array(infos, ctx).T.tolist()
    logw, term, first_prose, last_prose, dist, short, run, run_numbers, after_colon, dated, same_marks, sum_w, sum_t, sum_d, sum_n, after_comment, after_related, clean_above, clean_below, sum_s = ctx
    out = []
    log1p = math.log1p
    spread = min(1.0, n / 30)
    # The fields unpacked in the loop header: local names instead of an attribute look-up
    # each (LineInfo's field order; a new field makes this line fail loudly).
    for i, (_, _, _, nw, alpha, lower, caps, upper, function, verbs, digits, tokens, punct, commas, sentences, terminal, cue, cue_any, _, separator, url, _, _, _, repeated) in enumerate(infos):
        lo = i - 3 if i > 3 else 0
        hi = i + 4 if i + 4 < n else n
        count = hi - lo - 1
        wlo = i - 5 if i > 5 else 0
        whi = i + 6 if i + 6 < n else n
        prev_date = (dated[i - 1] or (dated[i - 2] if i > 1 else 0.0)) if i > 0 else 0.0
        prev_short = 1.0 if i > 0 and short[i - 1] else 0.0
        next_short = 1.0 if i + 1 < n and short[i + 1] else 0.0
        near_w = (sum_w[hi] - sum_w[lo] - logw[i]) / count if count else 0.0
        near_t = (sum_t[hi] - sum_t[lo] - term[i]) / count if count else 0.0
        alpha = alpha or 1
        # Position on the page; a short text has no page around it, so it sits mid-page.
        pos = 0.5 + (i / (n - 1) - 0.5) * spread if n > 1 else 0.5
        out.append(
            [
                logw[i],
                1.0 if nw <= 3 else 0.0,
                1.0 if nw >= _PROSE_WORDS else 0.0,
                term[i],
                lower / alpha,
                caps / alpha,
                function / alpha,
                1.0 if verbs else 0.0,
                digits / (nw or 1),  # max(1, n) of a count, without a builtin call
                punct / (tokens or 1),
                (commas if commas < 3 else 3) / 3,
                1.0 if sentences > 1 else 0.0,
                1.0 if cue else (0.5 if cue_any else 0.0),
                dated[i],
                1.0 if separator else 0.0,
                1.0 if url else 0.0,
                1.0 if repeated else 0.0,
                pos,
                pos * pos,
                near_w,
                near_t,
                1.0 if first_prose <= i <= last_prose and first_prose >= 0 else 0.0,
                log1p(dist[i]),
                log1p(run[i]) if short[i] else 0.0,
                upper / alpha,
                (sum_d[hi] - sum_d[lo] - dated[i]) / count if count else 0.0,
                (sum_n[whi] - sum_n[wlo]) / (whi - wlo),
                after_comment[i],
                after_related[i],
                prev_date,
                prev_short,
                term[i - 1] if i > 0 else 0.0,
                next_short,
                term[i + 1] if i + 1 < n else 0.0,
                prev_date * (1.0 if nw >= 10 else 0.0),
                after_related[i] * (1.0 if nw >= 10 else 0.0),
                1.0 if 4 <= nw <= 16 and not terminal and caps >= 0.6 * alpha else 0.0,
                log1p(clean_above[i]),
                log1p(clean_below[i]),
                run_numbers[i],
                after_colon[i],
                same_marks[i],
                (sum_s[whi] - sum_s[wlo]) / (whi - wlo),
            ]
        )
    return out


def _context(infos: Sequence[LineInfo], text: str) -> tuple:
    """What the features read off the lines around each line (runs, distances, prefix sums)."""
    n = len(infos)
    logw = [math.log1p(li.words) for li in infos]
    term = [1.0 if li.terminal else 0.0 for li in infos]
    prose = [i for i, li in enumerate(infos) if li.words >= _PROSE_WORDS and li.terminal]
    first_prose = prose[0] if prose else -1
    last_prose = prose[-1] if prose else -1
    # Distance to the nearest prose line, in lines, from both sides.
    dist = [float(n)] * n
    if prose:
        # Walk the prose lines: every line up to the midpoint between two is nearest the first.
        k = 0
        for i in range(n):
            while k + 1 < len(prose) and prose[k + 1] - i < i - prose[k]:
                k += 1
            d = i - prose[k]
            dist[i] = float(d if d >= 0 else -d)
    # Runs of short lines (menus, link lists).
    short = [li.words <= 4 for li in infos]
    number_only = [1.0 if li.alpha == 0 and li.digits else 0.0 for li in infos]
    run = [0] * n
    # Share of number-only lines in the run of short lines: a table has many, a menu none.
    run_numbers = [0.0] * n
    i = 0
    while i < n:
        j = i
        while j < n and short[j]:
            j += 1
        if j > i:
            share = sum(number_only[i:j]) / (j - i)
            for k in range(i, j):
                run[k] = j - i
                run_numbers[k] = share
        i = max(j, i + 1)
    # A line of five words or more ending in a colon introduces a list or table of the
    # story; the lines after it (until the next prose paragraph, at most 40) belong to it.
    after_colon = [0.0] * n
    intro = None
    for i, li in enumerate(infos):
        if intro is not None and i - intro <= 40:
            after_colon[i] = 1.0
        if li.words >= 5 and text[li.end - 1] == ":":
            intro = i
        elif li.words >= _PROSE_WORDS and li.terminal:
            intro = None
    dated = [1.0 if li.dated else 0.0 for li in infos]
    # Share of the two lines either side with as many punctuation marks and commas: the
    # items of a list in the story share their punctuation ("June 9 – Tampa, FL @ Arena"),
    # menu items have none.
    marks = [(li.punct, li.commas) if li.words >= 3 and li.punct else None for li in infos]
    padded = [None, None] + marks + [None, None]
    same_marks = [
        ((padded[i] == m) + (padded[i + 1] == m) + (padded[i + 3] == m) + (padded[i + 4] == m)) / 4 if m else 0.0 for i, m in enumerate(marks)
    ]
    # Prefix sums for the neighbourhood means.
    # (accumulate adds one after another from 0.0, as a loop would: the same floats)
    sum_w, sum_t, sum_d, sum_n = (list(accumulate(c, initial=0.0)) for c in (logw, term, dated, number_only))
    # Short lines within five lines either side (the line itself too): menus, teaser cards
    # and page metadata are dense with short lines even where a longer one breaks the run.
    sum_s = list(accumulate(map(float, short), initial=0.0))
    # Comment threads and "related" lists follow the story: count their cue lines above each line.
    # Only the lines with a furniture phrase after the first prose line count (few): the
    # values change after each of them and are filled in by stretches.
    after_comment = [0.0] * n
    after_related = [0.0] * n
    if first_prose >= 0:
        seen_related = 0
        comment_from = n
        for i in compress(range(first_prose + 1, n), map(_CUE, infos[first_prose + 1 :])):
            cue = infos[i].cue
            # A comment heading opens a thread when short lines (names, dates) follow it;
            # one followed straight by a paragraph is a stray widget inside the story.
            if cue == "comment" and not (i + 1 < n and infos[i + 1].words >= _PROSE_WORDS):
                comment_from = min(comment_from, i + 1)
            elif cue == "related":
                seen_related += 1
                after_related[i + 1 :] = repeat(math.log1p(seen_related), n - i - 1)
        if comment_from < n:
            after_comment[comment_from:] = repeat(1.0, n - comment_from)
    # Lines since the nearest prose line above (below) with no furniture phrase or date in
    # between: a list or table that goes on from the story has none.
    clean_above = [float(n)] * n
    clean_below = [float(n)] * n
    for order, clean in ((range(n), clean_above), (range(n - 1, -1, -1), clean_below)):
        last = None
        for i in order:
            li = infos[i]
            if li.words >= _PROSE_WORDS and li.terminal:
                last = i
            elif li.cue or li.dated:
                last = None
            if last is not None:
                clean[i] = abs(i - last)
    return (logw, term, first_prose, last_prose, dist, short, run, run_numbers, after_colon, dated, same_marks, sum_w, sum_t, sum_d, sum_n, after_comment, after_related, clean_above, clean_below, sum_s)


# From this many lines on, the feature rows are built as numpy columns (a web page with
# menus): the same values, bit for bit, since every column is the same IEEE operations on
# the same numbers (the logarithms are math.log1p's, the prefix sums the Python ones).
# Below it, per-call numpy overhead costs more than the Python rows (news articles; the
# two take the same time at about 70 lines).
_ARRAY_LINES = 80


def _feature_array(infos: Sequence[LineInfo], ctx: tuple) -> np.ndarray:
    """:func:`features` as a (len(FEATURES), n) array, a row per feature; see ``_ARRAY_LINES``."""
    logw, term, first_prose, last_prose, dist, short, run, run_numbers, after_colon, dated, same_marks, sum_w, sum_t, sum_d, sum_n, after_comment, after_related, clean_above, clean_below, sum_s = ctx
    n = len(infos)
    (_, _, _, nw, alpha, lower, caps, upper, function, verbs, digits, tokens, punct, commas, sentences, _, cue, cue_any, _, separator, url, _, _, _, repeated) = zip(*infos)
    # The count fields, one row each, in one conversion.
    nw_a, alpha_a, lower, caps_a, upper, function, verbs, digits, tokens, punct, commas_a, sentences = np.array(
        (nw, alpha, lower, caps, upper, function, verbs, digits, tokens, punct, commas, sentences), dtype=np.int64
    )
    log1p = math.log1p
    f64 = np.float64
    alpha1 = np.where(alpha_a == 0, 1, alpha_a)  # ``alpha or 1``
    term_a = np.array(term)
    dated_a = np.array(dated)
    short_a = np.array(short, dtype=f64)
    idx = np.arange(n)
    lo = np.maximum(idx - 3, 0)
    hi = np.minimum(idx + 4, n)
    count = hi - lo - 1  # at least 1: n > 1
    wlo = np.maximum(idx - 5, 0)
    whi = np.minimum(idx + 6, n)
    sw, st, sd, sn, ss = np.array(sum_w), np.array(sum_t), np.array(sum_d), np.array(sum_n), np.array(sum_s)
    logw_a = np.array(logw)
    prev_date = np.zeros(n)
    if n > 1:
        prev_date[1] = dated_a[0]
        prev_date[2:] = np.where(dated_a[1:-1] != 0.0, dated_a[1:-1], dated_a[:-2])
    prev_short = np.zeros(n)
    prev_short[1:] = short_a[:-1]
    next_short = np.zeros(n)
    next_short[:-1] = short_a[1:]
    prev_term = np.zeros(n)
    prev_term[1:] = term_a[:-1]
    next_term = np.zeros(n)
    next_term[:-1] = term_a[1:]
    ten = (nw_a >= 10).astype(f64)
    spread = min(1.0, n / 30)
    pos = 0.5 + (idx / (n - 1) - 0.5) * spread
    after_related_a = np.array(after_related)
    inside = np.zeros(n)
    if first_prose >= 0:
        inside[first_prose : last_prose + 1] = 1.0
    out = np.empty((len(FEATURES), n))  # a row per feature: the rows are written whole
    cols = (
        logw_a,
        nw_a <= 3,
        nw_a >= _PROSE_WORDS,
        term_a,
        lower / alpha1,
        caps_a / alpha1,
        function / alpha1,
        verbs != 0,
        digits / np.maximum(nw_a, 1),
        punct / np.maximum(tokens, 1),
        np.minimum(commas_a, 3) / 3,
        sentences > 1,
        [1.0 if c else (0.5 if a else 0.0) for c, a in zip(cue, cue_any)],
        dated_a,
        separator,
        url,
        repeated,
        pos,
        pos * pos,
        (sw[hi] - sw[lo] - logw_a) / count,
        (st[hi] - st[lo] - term_a) / count,
        inside,
        list(map(log1p, dist)),
        [log1p(r) if s else 0.0 for r, s in zip(run, short)],
        upper / alpha1,
        (sd[hi] - sd[lo] - dated_a) / count,
        (sn[whi] - sn[wlo]) / (whi - wlo),
        after_comment,
        after_related_a,
        prev_date,
        prev_short,
        prev_term,
        next_short,
        next_term,
        prev_date * ten,
        after_related_a * ten,
        (nw_a >= 4) & (nw_a <= 16) & (term_a == 0.0) & (caps_a >= 0.6 * alpha1),
        list(map(log1p, clean_above)),
        list(map(log1p, clean_below)),
        run_numbers,
        after_colon,
        same_marks,
        (ss[whi] - ss[wlo]) / (whi - wlo),
    )
    for k, col in enumerate(cols):
        out[k] = col
    return out


def _array_probabilities(x: np.ndarray, model: Model) -> list[float]:
    """:func:`probabilities` over a feature array: the weighted sum column by column, in
    the order of the row sum, so each line's sum is the same float."""
    w, b = _unscaled(model)
    terms = x * np.array(w)[:, None]
    terms[0] += 0.0  # sum() starts at 0: 0 + (-0.0) is 0.0
    # add.accumulate down the rows adds the terms one after another, as the row sum does
    acc = np.add.accumulate(terms, axis=0)[-1]
    exp = math.exp
    return [1.0 / (1.0 + exp(-((z if z > -30.0 else -30.0) if z < 30.0 else 30.0))) for z in (b + acc).tolist()]


def probabilities(rows: Sequence[Sequence[float]], model: Model) -> list[float]:
    """Content probability of each line."""
    w, b = _unscaled(model)
    out = []
    mul, exp = operator.mul, math.exp
    for row in rows:
        z = b + sum(map(mul, row, w))
        # z clipped to [-30, 30], as max(-30.0, min(30.0, z)) without the builtin calls
        z = (z if z > -30.0 else -30.0) if z < 30.0 else 30.0
        out.append(1.0 / (1.0 + exp(-z)))
    return out


_UNSCALED: dict[int, tuple[Model, list[float], float]] = {}


def _unscaled(model: Model) -> tuple[list[float], float]:
    """Weights and bias over raw features (the standardization folded in), once per model.

    Cached by identity: a cache keyed by the model itself hashed its 128 floats on every
    call (a few microseconds per text)."""
    hit = _UNSCALED.get(id(model))
    if hit is None or hit[0] is not model:
        w = [wi / s for wi, s in zip(model.weights, model.scale)]
        if len(_UNSCALED) > 8:
            _UNSCALED.clear()
        hit = _UNSCALED[id(model)] = (model, w, model.bias - sum(wi * m for wi, m in zip(w, model.mean)))
    return hit[1], hit[2]


def smooth(probs: Sequence[float], switch_cost: float, fixed: Mapping[int, bool] | None = None, free: frozenset[int] = frozenset()) -> list[bool]:
    """Most likely content/boilerplate sequence with a cost per switch (two-state Viterbi).

    ``fixed`` pins some lines (True = content) before smoothing, so certain evidence
    shapes the runs around it; switching into or out of a line in ``free`` costs nothing.
    """
    n = len(probs)
    if n == 0:
        return []
    eps = 1e-6
    big = 1e6
    fixed = fixed or {}
    log = math.log
    half = switch_cost / 2
    # s0, s1: best log-likelihood ending in boilerplate (0) or content (1); back0/back1:
    # the state before, for each.
    back0 = [0] * n
    back1 = [1] * n
    s0 = s1 = 0.0
    for i, p in enumerate(probs):
        p = 1 - eps if p > 1 - eps else (eps if p < eps else p)
        e0 = log(1 - p)
        e1 = log(p)
        if i in fixed:
            if fixed[i]:
                e0 -= big
            else:
                e1 -= big
        if i == 0:
            s0, s1 = e0, e1
            continue
        cost = half if (i in free or i - 1 in free) else switch_cost
        if s0 >= s1 - cost:
            n0 = e0 + s0
        else:
            n0 = e0 + (s1 - cost)
            back0[i] = 1
        if s1 >= s0 - cost:
            n1 = e1 + s1
        else:
            n1 = e1 + (s0 - cost)
            back1[i] = 0
        s0, s1 = n0, n1
    state = 1 if s1 >= s0 else 0
    out = [False] * n
    for i in range(n - 1, -1, -1):
        out[i] = state == 1
        state = back1[i] if state else back0[i]
    return out


# --- certain furniture --------------------------------------------------------------


def furniture(li: LineInfo, line_text: str, i: int, infos: Sequence[LineInfo]) -> str | None:
    """The category of a line that is furniture whatever its neighbours, else None."""
    n = len(infos)
    if i >= n // 2 and i and _BIO.match(line_text) and not (i + 1 < n and infos[i + 1].words >= _PROSE_WORDS and infos[i + 1].terminal):
        return "bio"
    if li.cue:
        return li.cue
    if li.alpha == 0 and li.words <= 2 and _isolated(i, infos) and not (i + 1 < n and _SECTION_BREAK.match(line_text)):
        return "fragment"
    if li.words <= 80 and li.credit:
        return "caption"
    if li.words <= 20 and _BYLINE.match(line_text) and not li.terminal:
        return "byline"
    if li.dated and ((li.words <= 12 and _STAMP_START.match(line_text)) or (li.words <= 4 and not li.terminal and line_text[-1] != ":" and not _table_cell(i, infos)) or _ISO_STAMP.match(line_text)):
        return "byline"  # a time stamp, a bare date ("November 20", "2H ago"; "12:25 p.m.:" heads a live-blog entry)
    if li.words <= 25 and li.legal:
        return "legal"
    if i >= n // 2 and _FIRST_PERSON_START.match(line_text) and _story_above(i, infos):
        return "bio"
    if li.words <= 80 and li.caption_date:
        return "caption"
    if li.words <= 3 and li.digits == 2 and _GALLERY_COUNTER.match(line_text):
        return "caption"  # a photo gallery's counter ("1 of 6", "1 / 23")
    if li.url and _IMAGE_URL.match(line_text):
        return "caption"  # an image file's address alone: page metadata, never story text
    return None


def _next_to_number(i: int, infos: Sequence[LineInfo]) -> bool:
    """A number-only line above or below: a table cell's neighbour."""
    prev = infos[i - 1] if i > 0 else None
    nxt = infos[i + 1] if i + 1 < len(infos) else None
    return bool((prev and prev.alpha == 0 and prev.digits) or (nxt and nxt.alpha == 0 and nxt.digits))


def _table_cell(i: int, infos: Sequence[LineInfo]) -> bool:
    """Next to a number-only line, in a run of short lines as long as a table's: a date
    there is a cell. (A stamp next to a count in a teaser card, "Friday 5:11PM" above the
    "2" of its comment count, sits in a shorter run.)"""
    if not _next_to_number(i, infos):
        return False
    n = len(infos)
    a = b = i
    while a > 0 and infos[a - 1].words <= 4 and b - a < _TABLE_MIN_LINES:
        a -= 1
    while b + 1 < n and infos[b + 1].words <= 4 and b - a < _TABLE_MIN_LINES:
        b += 1
    return b - a + 1 >= _TABLE_MIN_LINES


def _isolated(i: int, infos: Sequence[LineInfo]) -> bool:
    """A short line between long ones (or at an edge): not part of a table or a list.

    A number next to another number ("29" above "39%") is a table cell.
    """
    if _next_to_number(i, infos):
        return False
    prev = infos[i - 1] if i > 0 else None
    nxt = infos[i + 1] if i + 1 < len(infos) else None
    return not (prev and prev.words <= 4 and nxt and nxt.words <= 4)


def _prose(li: LineInfo) -> bool:
    """A paragraph of the story: a long line ending like a sentence."""
    return li.words >= _PROSE_WORDS and li.terminal


def _first_prose(infos: Sequence[LineInfo]) -> int:
    """Index of the first prose paragraph, or -1."""
    return next((i for i, li in enumerate(infos) if _prose(li)), -1)


def _story_above(i: int, infos: Sequence[LineInfo]) -> bool:
    return any(li.words >= 15 and li.terminal for li in infos[:i])


def is_teaser(li: LineInfo, i: int, infos: Sequence[LineInfo], content: Sequence[bool]) -> bool:
    """A headline of another story between paragraphs of this one.

    A subheading is a short noun phrase ("Market Reaction"); a teaser is a full
    clause in sentence case with a finite verb and no final period, between prose
    paragraphs.
    """
    if li.terminal or li.words < 6 or li.words > 20 or not li.verbs or li.sentences > 1:
        return False
    if li.lower < 0.4 * li.alpha or li.lower < 3:
        return False
    prev = _neighbour(i, infos, content, -1)
    nxt = _neighbour(i, infos, content, 1)
    return prev is not None and nxt is not None and prev.words >= _PROSE_WORDS and nxt.words >= _PROSE_WORDS


def _neighbour(i: int, infos: Sequence[LineInfo], content: Sequence[bool], step: int) -> LineInfo | None:
    k = i + step
    if 0 <= k < len(infos) and content[k]:
        return infos[k]
    return None


def _category(li: LineInfo, line_text: str) -> str:
    """The category of a line the model put outside the body."""
    if li.alpha == 0 or (li.words <= 1 and len(line_text) <= 3):
        return "fragment"
    if li.cue_any:
        return li.cue_any
    if li.dated and li.words <= 12:
        return "byline"
    return "related"


# --- the detector -------------------------------------------------------------------


def detect(
    seg: Segmentation,
    lex: Lexicons,
    *,
    title: str | None = None,
    main_text: str | None = None,
    recurring: frozenset[str] = frozenset(),
    model: Model | None = None,
) -> BoilerplateOutput:
    """Flag the boilerplate lines of one article; see the module docstring."""
    text = seg.text
    infos = line_infos(seg, lex)
    labels = classify(infos, text, title=title, main_text=main_text, recurring=recurring, model=model, lex=lex)
    spans = []
    flagged = []
    # The metrics in their order, the per-category counts from 0 (a copy of a template).
    metrics: dict[str, float] = _METRICS.copy()
    flagged_texts = []
    lines = seg.lines
    new_obj = object.__new__
    for li, cat in compress(zip(infos, labels), map(operator.is_not, labels, repeat(None))):
        start, end, index = li.start, li.end, li.index
        line_text = text[start:end]
        flagged.append(index)
        flagged_texts.append(line_text)
        key = _LINE_KEY.get(cat)  # (a category of no metric counts in none, as before)
        if key is not None:
            metrics[key] += 1
        # new_span inlined: Span(...) without a frozen __setattr__ per field, nor a call
        # with keywords (a page has hundreds).
        span = new_obj(Span)
        span.__dict__.update(
            kind=BOILERPLATE, start=start, end=end, text=line_text, label=cat, line=index + 1, col=1 + start - lines[index][0], voice=REPORTER, rule=f"boilerplate.{cat}", score=None, note=""
        )
        spans.append(span)
    flagged = frozenset(flagged)
    metrics["boilerplate_lines"] = len(flagged)
    # Non-blank characters: the tokens cover each exactly once (a word, or one other
    # character). Those of the flagged lines in one pass: a count of non-blanks adds up
    # over texts joined by a blank.
    total_chars = sum(seg.token_ends) - sum(seg.token_starts)
    bp_chars = len("".join(" ".join(flagged_texts).split()))
    metrics["boilerplate_share"] = bp_chars / total_chars if total_chars else 0.0
    return new_frozen(BoilerplateOutput, spans=tuple(spans), metrics=metrics, lines=flagged)


_METRICS = dict.fromkeys(("boilerplate_lines", "boilerplate_share", *_LINE_KEYS), 0)
_LINE_KEY = dict(zip(CATEGORIES, _LINE_KEYS))


def classify(
    infos: Sequence[LineInfo],
    text: str,
    *,
    title: str | None = None,
    main_text: str | None = None,
    recurring: frozenset[str] = frozenset(),
    model: Model | None = None,
    lex: Lexicons | None = None,
) -> list[str | None]:
    """A category per line (None = content)."""
    n = len(infos)
    if n == 0:
        return []
    model = model or load_model()
    line_texts = [text[li.start : li.end] for li in infos]
    # Only lines that one of the furniture tests could fire on are tested (the bio and
    # greeting patterns need these words or first letters; a byline starts with B, b, P or V).
    half = n // 2
    certain = [
        furniture(li, t, i, infos)
        if li.cue
        or li.credit
        or li.legal
        or li.caption_date
        or li.alpha == 0
        or li.dated
        or li.url
        or (li.digits == 2 and li.words <= 3)
        or t[:1] in "BPVb"
        or (i >= half and (t[:1] in "HIM" or " is " in t or " was " in t or " has been " in t))
        else None
        for i, (li, t) in enumerate(zip(infos, line_texts))
    ]
    headline = _headline_index(infos, line_texts, title)
    main_norm = normalize_line(main_text) if main_text else None
    fixed: dict[int, bool] = {}
    for i, t in enumerate(line_texts):
        if certain[i]:
            continue
        if recurring and normalize_line(t) in recurring:
            certain[i] = "related"
        elif main_norm is not None:
            fixed[i] = normalize_line(t) in main_norm
    # The story ends at its author's bio or a closing heading ("Sources:"): what follows
    # (teasers with summaries, newsletter boxes) is page furniture, however much it reads
    # like prose.
    end, end_category = _story_end(infos, line_texts, _end_headings(lex))
    if end is not None and end != headline:
        certain[end] = end_category
        for i in range(end + 1, n):
            if not certain[i]:
                # Under a closing heading, the lines are what it announces (sources).
                certain[i] = _category(infos[i], line_texts[i]) if end_category == "bio" else end_category
    # The few lines each of the passes below can start at, picked out at C speed.
    rows = range(n)
    dated = list(compress(rows, map(_DATED, infos)))
    numbers = [k for k in compress(rows, map(_DIGITS, infos)) if not infos[k].alpha]
    # Headlines of other stories under a "related" heading of a few words ("More from
    # Europe", "Related articles"): the lines after it of 4 to 25 words with no final
    # period, up to the first sentence or other furniture. (CV by page: headings of up to
    # 3 or 5 words, headlines of 3 to 6 words at least and 20 to 30 at most: within 0.0002.)
    for i in list(compress(rows, map(operator.eq, certain, repeat("related")))):
        if infos[i].cue == "related" and infos[i].words <= 3:
            k = i + 1
            while k < n and k != headline and not certain[k] and not infos[k].terminal and 4 <= infos[k].words <= 25:
                certain[k] = "related"
                k += 1
    # A headline shown twice in a row (a teaser card: picture link and text link, maybe a
    # kicker between) is another story's.
    for i in list(compress(rows, map(_REPEATED, infos))):  # (equal lines are repeated ones)
        li = infos[i]
        if 4 <= li.words <= 25 and not li.terminal and i != headline:
            t = line_texts[i]
            for k in (i + 1, i + 2):
                if k < n and k != headline and line_texts[k] == t:
                    certain[i] = certain[i] or "related"
                    certain[k] = certain[k] or "related"
    # Numbers counting up or down by one on three lines or more (page links "1 2 3", an
    # archive of years) are a menu.
    for i in _counting(numbers, line_texts):
        certain[i] = certain[i] or "related"
    # The description right above a bare photo credit is its caption when it is one short
    # sentence: the credit closes the caption. The sentence under the credit is the story
    # going on (in the dev pages all five such lines were story), and a credit line with
    # its own description ("Crowds at the gate (Image: Getty)") or a caption closed by its
    # credit ("... on May 3. (AP)") is the caption itself.
    credits = {
        i
        for i in range(n)
        if certain[i] == "caption" and infos[i].words <= 12 and infos[i].lower <= 2 and (infos[i].credit or infos[i].caption_date) and not _CLOSING_CREDIT.search(line_texts[i])
    }
    under_credit: set[int] = set()  # a sentence under a credit: story, or a caption if the model says furniture
    for i in range(n):
        li = infos[i]
        if certain[i] or i == headline or not (li.terminal and li.sentences == 1 and 4 <= li.words <= 30):
            continue
        if i + 1 in credits:
            certain[i] = "caption"
        elif i - 1 in credits:
            under_credit.add(i)
    for a, b in _schedules(infos, certain, dated):
        for i in range(a, b):
            fixed[i] = True
    # An embedded post quoted in the story ends with its signature ("— Ana Ruiz (@anaruiz)
    # May 3, 2031"): the signature and the post above it (two lines) are story.
    for i in dated:
        if infos[i].words <= 25 and line_texts[i][:1] in "—–-" and _POST_SIGNATURE.match(line_texts[i]):
            for k in range(max(0, i - 2), i + 1):  # the post may end in a line of its links
                if not certain[k]:
                    fixed[k] = True
    # A comment thread: headers of a name, a date and time and "said:" ("Ana on May 3, 2031
    # at 4:47 pm said:"). From the first such header after the story on, the lines are the
    # thread (the comments themselves read like prose).
    heads = [i for i in dated if infos[i].words <= 25 and line_texts[i][-1] == ":" and _COMMENT_HEADER.search(line_texts[i])]
    if heads and _story_above(heads[0], infos):
        for i in range(heads[0], n):
            if not certain[i] and i != headline:
                certain[i] = "comment"
    # The lede: a story opens with a sentence that is often shorter than a paragraph. A
    # line of eight words or more ending in a period right above the first prose
    # paragraph is story (a headline asks or exclaims; a caption is certain already).
    lede = _first_prose(infos) - 1
    if lede >= 0 and not certain[lede] and infos[lede].words >= 8 and line_texts[lede][-1] == ".":
        fixed[lede] = True
    if headline is not None:
        fixed[headline] = True
        certain[headline] = None
    if n >= _ARRAY_LINES:
        probs = _array_probabilities(_feature_array(infos, _context(infos, text)), model)
    else:
        probs = probabilities(features(infos, text), model)
    for a, b in _table_blocks(infos, line_texts, numbers):
        # A table is one unit, all story or all furniture: line by line, the model drifts
        # from one to the other down a long table (its position on the page changes), so
        # its lines share the table's mean probability.
        m = sum(probs[a:b]) / (b - a)
        probs[a:b] = [m] * (b - a)
        # A table right under a line of five words or more ending in a colon ("Standings
        # after 36 races:") is the story's, whatever the model makes of it.
        if a and not certain[a - 1] and infos[a - 1].words >= 5 and line_texts[a - 1][-1] == ":":
            for k in range(a - 1, b):
                if not certain[k]:
                    fixed[k] = True
        # So is a table between two paragraphs of the story (a quote box, a stat line):
        # furniture tables sit around the story, not inside it.
        elif a and b < n and _prose(infos[a - 1]) and _prose(infos[b]) and not certain[a - 1] and not certain[b]:
            for k in range(a, b):
                if not certain[k]:
                    fixed[k] = True
    # Certain furniture is pinned to boilerplate, and switching at it is free: a share bar
    # between two paragraphs must not cut the story in two, but it may well end a region.
    for i in range(n):
        if certain[i]:
            fixed[i] = False
    content = smooth(probs, model.switch_cost, fixed, free=frozenset(i for i in range(n) if certain[i]))
    if not any(content):
        # Every text has a body. The model reads pages; a text of a sentence or two has
        # no page around it, so its sentences are the body.
        content = [not certain[i] and infos[i].terminal and infos[i].words >= 4 for i in range(n)]
        if not any(content):
            content = [not certain[i] for i in range(n)]
    out: list[str | None] = []
    for i, li in enumerate(infos):
        if certain[i]:
            out.append(certain[i])
        elif not content[i]:
            out.append("caption" if i in under_credit else _category(li, line_texts[i]))
        elif i != headline and is_teaser(li, i, infos, content) and not _STORY_LINE_START.match(line_texts[i]):
            out.append("related")
        else:
            out.append(None)
    return out


# A table: a run of at least this many short lines (at most four words), at least this
# share of them numbers only (menus have none; CV by page: lengths 5 to 15 and shares 0.1
# to 0.3 score within 0.001).
_TABLE_MIN_LINES = 8
_TABLE_MIN_NUMBERS = 0.3


def _counting(numbers: Sequence[int], line_texts: Sequence[str]) -> list[int]:
    """Lines of runs of three or more number-only lines (``numbers``, their indices)
    counting up or down by one."""
    if len(numbers) < 3:
        return []
    values = {}
    for k in numbers:
        t = line_texts[k]
        if t.isdigit() and len(t) < 10:
            values[k] = int(t)
    if len(values) < 3:
        return []
    out = []
    for k, v in values.items():
        step = values.get(k + 1, v) - v
        if (step == 1 or step == -1) and values.get(k + 2, v) - values[k + 1] == step:
            out.extend((k, k + 1, k + 2))
    return sorted(set(out))


def _table_blocks(infos: Sequence[LineInfo], line_texts: Sequence[str], numbers: Sequence[int]) -> list[tuple[int, int]]:
    """Stretches of short lines with many number-only lines: tables, as (first, end) indices.

    ``numbers``: the indices of the number-only lines. A number one more or less than
    the number on the line next to it (page links "1 2 3", an archive of years) is a
    menu's, not a table's.
    """
    out = []
    n = len(infos)
    min_len, min_share = _TABLE_MIN_LINES, _TABLE_MIN_NUMBERS
    if len(numbers) < min_len * min_share:
        return out  # no table (most pages): no walk over the lines
    i = numbers[0]
    while i > 0 and infos[i - 1].words <= 4:
        i -= 1
    while i < n:
        if infos[i].words > 4:
            i += 1
            continue
        j = i
        values: dict[int, int | None] = {}
        while j < n and infos[j].words <= 4:
            li = infos[j]
            if li.alpha == 0 and li.digits:
                t = line_texts[j]
                values[j] = int(t) if t.isdigit() and len(t) < 10 else None
            j += 1
        cells = [
            k for k, v in values.items() if v is None or not (values.get(k - 1) in (v - 1, v + 1) or values.get(k + 1) in (v - 1, v + 1))
        ]
        # The table runs from the top of the run (its header row) to its last number: the
        # short lines after that (a menu under the table) are read one by one.
        if cells:
            end = cells[-1] + 1
            if end - i >= min_len and len(cells) >= min_share * (end - i):
                out.append((i, end))
        i = j
    return out


def _schedules(infos: Sequence[LineInfo], certain: Sequence[str | None], dated: Sequence[int]) -> list[tuple[int, int]]:
    """Schedules that go on from the story (tour dates, fixtures), as (first, end) indices.

    A run of at least five dated lines of 3 to 25 words without a final period, right
    after a prose paragraph or after a heading of at most eight words that follows one
    (the heading is part of it). Dated lines are a strong sign of bylines, comment
    threads and teaser lists, but those come one at a time between other lines.
    """
    out: list[tuple[int, int]] = []
    n = len(infos)
    if len(dated) < _SCHEDULE_MIN_LINES:
        return out
    i = 0
    while i < n:
        li = infos[i]
        if not (li.dated and not li.terminal and 3 <= li.words <= 25 and not certain[i]):
            i += 1
            continue
        j = i
        while j < n and infos[j].dated and not infos[j].terminal and 3 <= infos[j].words <= 25 and not certain[j]:
            j += 1
        if j - i >= _SCHEDULE_MIN_LINES and i > 0:
            above = infos[i - 1]
            if above.words >= _PROSE_WORDS and above.terminal:
                out.append((i, j))
            elif i > 1 and above.words <= 8 and not certain[i - 1] and infos[i - 2].words >= _PROSE_WORDS and infos[i - 2].terminal:
                out.append((i - 1, j))
        i = j
    return out


_SCHEDULE_MIN_LINES = 5


def _story_end(infos: Sequence[LineInfo], line_texts: Sequence[str], headings: tuple[Mapping[str, str], int]) -> tuple[int | None, str]:
    """The line that closes the story, and its category, if any: the author's bio ("Jane
    Doe is a staff writer ...") or a closing heading ("Sources:", ``boilerplate_end.tsv``).

    It must follow story prose and not be followed by a prose paragraph: a sentence about
    a reporter inside the story has more story after it.
    """
    n = len(infos)
    story = False
    headings, longest = headings
    for i, li in enumerate(infos):
        if story and li.words <= 40:
            t = line_texts[i]
            category = None
            if li.words <= 4 and headings:
                if len(t) <= longest:
                    category = headings.get(t.rstrip(": ").lower())
            elif (" is " in t or " was " in t or " has been " in t) and _BIO.match(t):
                category = "bio"
            if category:
                nxt = infos[i + 1] if i + 1 < n else None
                if nxt is None or not (nxt.words >= _PROSE_WORDS and nxt.terminal):
                    return i, category
        if li.words >= 15 and li.terminal:
            story = True
    return None, ""


_END_CACHE: dict[int, tuple[WordList, tuple[dict[str, str], int]]] = {}


def _end_headings(lex: Lexicons | None) -> tuple[dict[str, str], int]:
    """Closing headings of ``boilerplate_end.tsv`` -> category, and the longest line worth
    looking up (cached per list)."""
    wl = lex.lists.get("boilerplate_end") if lex is not None else None
    if wl is None:
        return {}, 0
    hit = _END_CACHE.get(id(wl))
    if hit is None or hit[0] is not wl:
        if len(_END_CACHE) > 8:
            _END_CACHE.clear()
        heads = {t: e.category for t, e in wl.entries.items()}
        # with the longest line worth looking up (a final colon and a blank more)
        hit = _END_CACHE[id(wl)] = (wl, (heads, max(map(len, heads), default=0) + 2))
    return hit[1]


def _headline_index(infos: Sequence[LineInfo], line_texts: Sequence[str], title: str | None) -> int | None:
    """The line holding the article's headline, which is content however short.

    That is the line equal to ``title``, else the first line when it reads like a
    headline (a few words, no final period) and prose follows within three lines.
    """
    if title:
        want = normalize_line(title)
        for i, t in enumerate(line_texts):
            if normalize_line(t) == want:
                return i
    first = infos[0]
    if 3 <= first.words <= 25 and not first.terminal and first.alpha and not first.cue:
        if any(li.words >= _PROSE_WORDS for li in infos[1:4]):
            return 0
    return None
