"""Sentences that appear in more than one source: wire copy and light rewrites.

Two sentences match when their normalized words are identical, or when they share
most of their word trigrams (Jaccard >= ``NEAR``): a rewrite that swaps a few words
still shares most trigrams. Candidates come from an inverted index of trigrams, so
the cost grows with the corpus, not with its square. Boilerplate lines are left out
(a share prompt in every article is not copy).
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Sequence

from markupsafe import Markup, escape

from ..segment import segment
from .corpus import Article

MIN_WORDS = 8  # shorter sentences match by chance ("The talks ended on Friday.")
NEAR = 0.5
COMMON = 40  # a trigram in more sentences than this is a stock phrase, not evidence

_WORD = re.compile(r"\w+(?:['\u2019]\w+)*")


@dataclass(frozen=True)
class Sentence:
    article: int  # Article.n
    source: str
    start: int
    end: int
    text: str
    words: tuple[str, ...]


@dataclass(frozen=True)
class SharedGroup:
    kind: str  # "identical" | "rewritten"
    members: tuple[Sentence, ...]  # one per article, first-seen order
    sources: tuple[str, ...]


def content_sentences(article: Article) -> list[Sentence]:
    text = article.text
    bp = [(s["start"], s["end"]) for s in article.spans if s.get("kind") == "boilerplate"]
    out = []
    for start, end in segment(text).sentences:
        if any(a <= start < b for a, b in bp):
            continue
        words = tuple(w.lower().replace("\u2019", "'") for w in _WORD.findall(text, start, end))
        if len(words) >= MIN_WORDS:
            out.append(Sentence(article.n, article.source, start, end, text[start:end], words))
    return out


def _trigrams(words: tuple[str, ...]) -> set[tuple[str, str, str]]:
    return {words[i : i + 3] for i in range(len(words) - 2)}  # type: ignore[misc]


def shared_sentences(articles: Sequence[Article]) -> list[SharedGroup]:
    """Groups of matching sentences that span at least two sources, most sources first."""
    sents: list[Sentence] = []
    for a in articles:
        if a.ok:
            sents.extend(content_sentences(a))
    parent = list(range(len(sents)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)

    exact: dict[tuple[str, ...], int] = {}
    identical_pairs: set[int] = set()
    for i, s in enumerate(sents):
        j = exact.setdefault(s.words, i)
        if j != i:
            union(i, j)
            identical_pairs.add(i)
    grams = [_trigrams(s.words) for s in sents]
    index: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for i, g in enumerate(grams):
        if exact[sents[i].words] != i:
            continue  # an exact copy is already joined; index one representative
        for t in g:
            index[t].append(i)
    for i, g in enumerate(grams):
        if exact[sents[i].words] != i:
            continue
        shared: dict[int, int] = defaultdict(int)
        for t in g:
            posting = index[t]
            if len(posting) > COMMON:
                continue
            for j in posting:
                if j > i and sents[j].source != sents[i].source:
                    shared[j] += 1
        for j, n in shared.items():
            if n / (len(g) + len(grams[j]) - n) >= NEAR:
                union(i, j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(sents)):
        groups[find(i)].append(i)
    out = []
    for members in groups.values():
        sources = tuple(dict.fromkeys(sents[i].source for i in members))
        if len(sources) < 2:
            continue
        seen: set[int] = set()
        picked = []
        for i in members:
            if sents[i].article not in seen:
                seen.add(sents[i].article)
                picked.append(sents[i])
        kind = "identical" if len({s.words for s in picked}) == 1 else "rewritten"
        out.append(SharedGroup(kind, tuple(picked), sources))
    out.sort(key=lambda g: (-len(g.sources), g.members[0].article, g.members[0].start))
    return out


def diff_markup(base: Sentence, other: Sentence) -> Markup:
    """``other`` with the words that differ from ``base`` marked, every piece escaped."""
    if other.words == base.words:
        return Markup(escape(other.text))
    tokens = [(m.start(), m.end(), m.group(0).lower().replace("\u2019", "'")) for m in _WORD.finditer(other.text)]
    sm = difflib.SequenceMatcher(a=base.words, b=[t[2] for t in tokens], autojunk=False)
    changed: set[int] = set()
    for tag, _, _, j1, j2 in sm.get_opcodes():
        if tag != "equal":
            changed.update(range(j1, j2))
    out, pos = [], 0
    for k, (s, e, _) in enumerate(tokens):
        if k in changed:
            out.append(escape(other.text[pos:s]))
            out.append(Markup('<ins title="differs from the first version">') + escape(other.text[s:e]) + Markup("</ins>"))
            pos = e
    out.append(escape(other.text[pos:]))
    return Markup("").join(out)


def pair_counts(groups: Sequence[SharedGroup]) -> dict[tuple[str, str], int]:
    """How many shared sentences each pair of sources has."""
    out: dict[tuple[str, str], int] = defaultdict(int)
    for g in groups:
        srcs = sorted(g.sources)
        for i, a in enumerate(srcs):
            for b in srcs[i + 1 :]:
                out[(a, b)] += 1
    return dict(sorted(out.items(), key=lambda kv: (-kv[1], kv[0])))
