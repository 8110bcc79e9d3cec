"""One segmentation per article, shared by every detector.

Lines, blocks (paragraphs), sentences, tokens and quoted-speech regions, all as
character offsets into the original text, computed once by :func:`segment`.
No detector re-splits the text: they read these arrays.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import accumulate
from operator import itemgetter, sub

from .model import new_span

# Words with inner apostrophes/hyphens stay one token ("Kim's", "state-run", "don't").
# Possessive quantifiers: the same matches, without backtracking attempts.
_TOKEN = re.compile(r"\w++(?:[’'\-]\w++)*+|[^\w\s]", re.UNICODE)
# The same tokens, each with the whitespace before it: every character of a text is either
# whitespace or part of a token, so the lengths of these pieces, summed in order, give
# every token's end without a match object per token, and the piece stripped of its
# leading whitespace (``str.lstrip`` strips what ``\s`` matches) is the token.
_GAP_TOKEN = re.compile(r"\s*+(?:\w++(?:[’'\-]\w++)*+|[^\w\s])", re.UNICODE)

# A candidate sentence end: terminal punctuation, optional closing quotes/brackets, then space.
# The closing marks include ' for wire copy that closes quotes with two apostrophes (.'' He).
# A closing quote alone (no terminal mark) does not end a sentence: ’ is also the
# plural possessive ("the Workers’ Party"), and ” often closes a title mid-sentence.
# Group 1 is the character after the whitespace that follows (empty at the end of the text),
# so the boundary test reads it without a loop over the spaces.
# Written "[.!?…][.!?…]*+" rather than "[.!?…]+": a pattern that opens with a class (not
# a repeat) lets the regex engine skip in C to the next character of the class instead of
# trying a match at every position (24 vs 43 us on a 2,800-character article). Possessive
# runs change nothing: a shorter run of marks or closing quotes would leave a mark or a
# quote, never whitespace, before the lookahead.
_SENT_END = re.compile(r"[.!?…][.!?…]*+[\"”’')\]]*+(?=\s++(.?))")
# The same matches in a text without "!", "?" and "…": with a literal first character the
# engine jumps from period to period (7 us).
_SENT_END_PERIOD = re.compile(r"\.\.*+[\"”’')\]]*+(?=\s++(.?))")

# Titles and abbreviations after which a period never ends a sentence.
TITLES = frozenset(
    """mr mrs ms dr prof gen sen rep gov lt col maj capt sgt cmdr adm st mt jr sr rev
    pres supt det insp hon messrs mme mlle sec atty amb fr brig cpl pvt ft""".split()
)
ABBREVIATIONS = TITLES | frozenset(
    """inc corp co ltd llc bros vs etc approx dept est fig no nos vol jan feb mar apr jun jul
    aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun e.g i.e al cf ca
    ave blvd rd""".split()
)
_PAST_ABBREVIATIONS = max(map(len, ABBREVIATIONS)) + 1
# After an acronym ("U.S.") a sentence ends only if the next word is a typical sentence opener.
_SENTENCE_OPENERS = frozenset(
    """the a an he she it they we i but and in on at this that these those his her their its
    there however meanwhile after before when while if as for since still yet so""".split()
)
_ACRONYM = re.compile(r"(?:\b[A-Za-z]\.){2,}$")
_INITIAL = re.compile(r"(?:^|[\s(])[A-Z]$")
# What can end a text that _INITIAL matches ($ also matches before a final newline).
_INITIAL_LAST = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ\n")
_WORD_BEFORE = re.compile(r"[\w.]+$")
_OPENER = re.compile(r"[\"“]?(\w+)")

_OPEN_QUOTES = "“«„"
_CLOSE_QUOTES = "”»"
# Two apostrophes are a straight double quote in some wire copy (''Yes,'' he said).
# Written as one character class first, so the regex engine skips ahead to the next
# candidate character in C ("[“«„”»\"]|''" cannot be): an apostrophe counts only when
# another follows, and then the pair is one mark.
_QUOTE_MARK = re.compile("[“«„”»\"'](?<!'(?!'))(?:(?<=')')?")


_ASCII_TABLES: dict = {}


def char_flags(chars: str, test) -> bytes:
    """``bytes(map(test, chars))`` (1/0 per character) for a str method such as ``str.isupper``.

    ASCII characters go through one ``bytes.translate``; only the few others (curly
    quotes, accented letters) are tested one by one: per-token flags cost little.
    """
    table = _ASCII_TABLES.get(test)
    if table is None:
        table = _ASCII_TABLES[test] = bytes(test(chr(i)) for i in range(128)) + bytes(128)
    encoded = chars.encode("ascii", "replace")  # each other character becomes one "?"
    flags = encoded.translate(table)
    if chars.isascii():
        return flags
    # The others are found with bytes.find on the "?"s (a regex scan of the str is slower).
    out = bytearray(flags)
    i = encoded.find(63)
    while i >= 0:
        c = chars[i]
        if c != "?":
            out[i] = test(c)
        i = encoded.find(63, i + 1)
    return bytes(out)


class _lazy:
    """``functools.cached_property`` without its lock (Python 3.11 takes one at every first
    read: 1.1 vs 0.5 us, six first reads per article). Computed at the first read and kept
    in the instance dict, which then answers every later read."""

    def __init__(self, func):
        self.func, self.name, self.__doc__ = func, func.__name__, func.__doc__

    def __set_name__(self, owner, name: str) -> None:
        self.name = name

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.func(obj)
        return value


@dataclass(frozen=True)
class Segmentation:
    """Offsets of every unit of one text; see :func:`segment`."""

    text: str
    lines: tuple[tuple[int, int], ...]
    blocks: tuple[tuple[int, int], ...]
    sentences: tuple[tuple[int, int], ...]
    token_starts: tuple[int, ...]
    token_ends: tuple[int, ...]
    sentence_tokens: tuple[tuple[int, int], ...]
    quotes: tuple[tuple[int, int], ...]

    @_lazy
    def _line_starts(self) -> list[int]:
        return [s for s, _ in self.lines]

    @_lazy
    def _quote_starts(self) -> list[int]:
        return [s for s, _ in self.quotes]

    @_lazy
    def _sentence_starts(self) -> list[int]:
        return [s for s, _ in self.sentences]

    @_lazy
    def words(self) -> tuple[str, ...]:
        """Lower-cased token strings, parallel to ``token_starts``."""
        t = self.text
        lower = t.lower()
        if len(lower) == len(t):  # the usual case: one regex pass in C over the lower-cased text
            found = _TOKEN.findall(lower)
            if len(found) == len(self.token_starts):
                return tuple(found)
        return tuple(t[s:e].lower() for s, e in zip(self.token_starts, self.token_ends))

    @_lazy
    def is_word(self) -> bytes:
        """1 for tokens that are words (start with a letter or digit), 0 for punctuation."""
        return char_flags(self.first_chars, str.isalnum)

    @_lazy
    def first_chars(self) -> str:
        """The first character of every token, one string indexed like ``token_starts``."""
        starts = self.token_starts
        if len(starts) < 2:  # itemgetter of one index returns a bare item
            return "".join(self.text[s] for s in starts)
        return "".join(itemgetter(*starts)(self.text))

    @_lazy
    def is_cap(self) -> bytes:
        """1 for tokens that start with an upper-case letter, else 0."""
        return char_flags(self.first_chars, str.isupper)

    def line_index(self, offset: int) -> int:
        return max(0, bisect_right(self._line_starts, offset) - 1)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset."""
        i = self.line_index(offset)
        return i + 1, offset - self.lines[i][0] + 1

    def sentence_index(self, offset: int) -> int:
        return max(0, bisect_right(self._sentence_starts, offset) - 1)

    def quote_at(self, offset: int) -> tuple[int, int] | None:
        """The quoted region containing ``offset``, if any."""
        i = bisect_right(self._quote_starts, offset) - 1
        if i >= 0:
            s, e = self.quotes[i]
            if s <= offset < e:
                return s, e
        return None

    def in_quote(self, offset: int) -> bool:
        return self.quote_at(offset) is not None

    def sentence_words(self, index: int) -> tuple[str, ...]:
        a, b = self.sentence_tokens[index]
        return self.words[a:b]


def segment(text: str) -> Segmentation:
    """Split ``text`` into lines, blocks, sentences, tokens and quoted regions."""
    lines = _lines(text)
    blocks = _blocks(text, lines)
    sentences = _all_sentences(text, blocks)
    lower = text.lower()
    if len(lower) == len(text):
        # Lower-casing kept every character one character, and no character changes class
        # (word, space, apostrophe) when lower-cased (tests/test_segment.py checks all of
        # Unicode), so the lower-cased text has the same tokens at the same offsets: one
        # pass gives both the offsets and ``words``.
        pieces = _GAP_TOKEN.findall(lower)
        ends = list(accumulate(map(len, pieces)))
        words = tuple(map(str.lstrip, pieces))
        starts = list(map(sub, ends, map(len, words)))
    else:
        matches = list(_TOKEN.finditer(text))
        starts = [m.start() for m in matches]
        ends = [m.end() for m in matches]
        words = tuple(text[s:e].lower() for s, e in zip(starts, ends))
    sentence_tokens = [(bisect_right(starts, ss - 1), bisect_right(starts, se - 1)) for ss, se in sentences]
    seg = Segmentation(
        text=text,
        lines=tuple(lines),
        blocks=tuple(blocks),
        sentences=tuple(sentences),
        token_starts=tuple(starts),
        token_ends=tuple(ends),
        sentence_tokens=tuple(sentence_tokens),
        quotes=tuple(_all_quotes(text, blocks)),
    )
    seg.__dict__["words"] = words  # the lazy property, filled in advance
    return seg


def _lines(text: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        if nl < 0:
            out.append((pos, n))
            break
        end = nl - 1 if nl > pos and text[nl - 1] == "\r" else nl
        out.append((pos, end))
        pos = nl + 1
    return out


def _blocks(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Non-blank lines, joined when a line is hard-wrapped prose.

    Web copy puts one paragraph per line, so a line is a block; a line that stops
    mid-sentence and is followed by a line starting in lower case is a wrap and joins it.
    """
    blocks: list[tuple[int, int]] = []
    prev_open = False
    for s, e in lines:
        # Trim surrounding whitespace so spans never start on a blank.
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s == e:
            prev_open = False
            continue
        if prev_open and blocks and text[s].islower():
            blocks[-1] = (blocks[-1][0], e)
        else:
            blocks.append((s, e))
        last = text[e - 1]
        prev_open = last.isalnum() or last in ",;-–"
    return blocks


def _all_sentences(text: str, blocks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences of every block, from one scan of the whole text.

    A sentence never crosses a block end: the candidates are assigned to the block they
    fall in (blocks hold every non-blank character), and the rest of a block after its
    last boundary is its last sentence.
    """
    out: list[tuple[int, int]] = []
    if not blocks:
        return out
    bi = 0
    s, end = blocks[0]
    sent_end = _SENT_END if "!" in text or "?" in text or "…" in text else _SENT_END_PERIOD
    for m in sent_end.finditer(text, s):
        punct = m.start()
        if punct >= end:  # in a later block: close this one first
            if s < end:
                out.append((s, end))
            bi += 1
            s, end = blocks[bi]
            while punct >= end:  # a block without a candidate is one sentence
                out.append((s, end))
                bi += 1
                s, end = blocks[bi]
        nxt = m.start(1)  # the first character after the spaces
        if nxt < end:  # the block goes on: is this a boundary?
            following = text[nxt]
            if following.islower() or following in ",;:":
                continue
            if text[punct] == "." and not _period_ends(text, punct, nxt):
                continue
        cut = m.end()
        if cut > s:
            out.append((s, cut))
        s = nxt if nxt < end else end
    if s < end:
        out.append((s, end))
    out.extend(blocks[bi + 1 :])  # blocks without a candidate are one sentence each
    return out


def _period_ends(text: str, punct: int, nxt: int) -> bool:
    """Whether the period at ``punct``, followed by a block's text at ``nxt``, ends a sentence."""
    if punct >= _PAST_ABBREVIATIONS and text[punct - _PAST_ABBREVIATIONS : punct].isalnum():
        # A word longer than any title or abbreviation (and not an initial or acronym)
        # ends here: the common case, told without the regexes below.
        return True
    before = text[max(0, punct - 12) : punct]
    word = _WORD_BEFORE.search(before)
    if word is None:
        return True
    w = word.group().lower().rstrip(".")
    if w in TITLES:
        return False
    if before[-1:] in _INITIAL_LAST and _INITIAL.search(before):
        return False
    # An acronym ends "X.Y" here: only then can the costlier test match.
    if before[-2:-1] == "." and _ACRONYM.search(before + "."):
        m = _OPENER.match(text, nxt, nxt + 20)
        return bool(m) and m.group(1).lower() in _SENTENCE_OPENERS
    if w in ABBREVIATIONS:
        return False
    return True


def _all_quotes(text: str, blocks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Quoted regions of every block, quote marks included, from one scan of the text.

    Curly quotes pair by direction; straight quotes alternate. A quote left open at
    the end of a block runs to the block end (news style opens each paragraph of a
    long quote again and never closes the earlier ones).
    """
    out: list[tuple[int, int]] = []
    if not blocks:
        return out
    bi = 0
    end = blocks[0][1]
    open_at = -1
    for m in _QUOTE_MARK.finditer(text, blocks[0][0]):
        i = m.start()
        if i >= end:  # a later block: what is open here closes at this block's end
            if open_at >= 0 and end - open_at > 1:
                out.append((open_at, end))
            open_at = -1
            while i >= end:
                bi += 1
                end = blocks[bi][1]
        c = text[i]
        if c in _OPEN_QUOTES:
            if open_at < 0:
                if not _closes(text, i, end):
                    open_at = i
            elif c == "“" and _closes(text, i, end):
                # An opening mark typed as the closing one ('“No,“ he said'): after a word,
                # before a space, it ends the quote, or the reporter's "he said" is quoted.
                out.append((open_at, i + 1))
                open_at = -1
        elif c in _CLOSE_QUOTES:
            if open_at >= 0:
                out.append((open_at, i + 1))
                open_at = -1
            elif c == "”" and (i == 0 or text[i - 1].isspace()) and i + 1 < end and text[i + 1].isalnum():
                # The closing mark typed as the opening one ('said ”Yes.”'): after a space,
                # before a word, it opens.
                open_at = i
        elif c == '"' or c == "'":
            if open_at < 0:
                open_at = i
            else:
                out.append((open_at, m.end()))
                open_at = -1
    if open_at >= 0 and end - open_at > 1:
        out.append((open_at, end))
    return out


def _closes(text: str, i: int, end: int) -> bool:
    """The mark at ``i`` sits where only a closing quote can: right after a word or
    punctuation, before a space or the block end ('..., “ said')."""
    return i > 0 and not text[i - 1].isspace() and (i + 1 >= end or text[i + 1].isspace())


@dataclass(frozen=True)
class Content:
    """The segmentation restricted to content: boilerplate lines left out.

    Every detector after boilerplate reads ``sentences`` (indices into
    ``seg.sentences``) and the word counts here, never the raw text.
    """

    seg: Segmentation
    boilerplate_lines: frozenset[int]
    sentences: tuple[int, ...]
    words: int
    reporter_words: int
    quote_words: int

    def voice(self, offset: int) -> str:
        return "quote" if self.seg.in_quote(offset) else "reporter"

    def span(self, kind: str, start: int, end: int, label: str, *, rule: str = "", score: float | None = None, note: str = "", voice: str | None = None):
        seg = self.seg
        i = bisect_right(seg._line_starts, start) - 1  # line_col, inlined: spans are many
        if i < 0:
            i = 0
        return new_span(kind, start, end, seg.text[start:end], label, i + 1, start - seg.lines[i][0] + 1, voice or self.voice(start), rule, score, note)

    def token_span(self, kind: str, first: int, last: int, label: str, **kw):
        """A span over tokens ``first .. last-1``."""
        return self.span(kind, self.seg.token_starts[first], self.seg.token_ends[last - 1], label, **kw)


def content_view(seg: Segmentation, boilerplate_lines: frozenset[int]) -> Content:
    """Keep the sentences whose first line is not boilerplate, and count their words."""
    if boilerplate_lines:
        line_starts = seg._line_starts  # line_index, inlined: the first line starts at 0
        keep = tuple(i for i, (s, _) in enumerate(seg.sentences) if bisect_right(line_starts, s) - 1 not in boilerplate_lines)
    else:
        keep = tuple(range(len(seg.sentences)))
    # Word counts from the per-token word flags: the kept sentences, merged into runs of
    # adjacent token ranges, and their overlap with each quote's tokens (the tokens that
    # start inside it; quotes are sorted and never overlap), each counted in C.
    is_word = seg.is_word
    sentence_tokens = seg.sentence_tokens
    runs: list[list[int]] = []
    for i in keep:
        a, b = sentence_tokens[i]
        if runs and runs[-1][1] == a:
            runs[-1][1] = b
        else:
            runs.append([a, b])
    words = sum(is_word[a:b].count(1) for a, b in runs)
    quoted = 0
    if seg.quotes and words:
        starts = seg.token_starts
        spans = [(bisect_left(starts, qs), bisect_left(starts, qe)) for qs, qe in seg.quotes]
        j = 0
        for a, b in runs:
            while j < len(spans) and spans[j][1] <= a:
                j += 1
            k = j
            while k < len(spans) and spans[k][0] < b:
                lo, hi = max(a, spans[k][0]), min(b, spans[k][1])
                if hi > lo:
                    quoted += is_word[lo:hi].count(1)
                k += 1
    return Content(seg=seg, boilerplate_lines=boilerplate_lines, sentences=keep, words=words, reporter_words=words - quoted, quote_words=quoted)
