"""Actors: who appears, the labels attached to them, and the tone toward each.

Known actors come from ``lexicons/actors.toml`` (people, organisations, groups, and
metonyms such as "the Kremlin") and ``lexicons/countries.tsv`` (every country with its
aliases, capital and demonyms). One pass over the tokens matches them through a dict
from first word to candidate forms; context rules then decide what each match is:

* a form inside a longer capitalised name is not a mention ("Moscow State University");
* a capital is the country only when it acts, not as a place ("Moscow said", not "in Moscow");
* a demonym before a role and a name is a label of that person, not a mention of the
  country ("Russian President Vladimir Putin" counts Putin, with the label "president");
* a shared short form ("Kim") goes to the most recently named actor that owns it.

Unlisted people and organisations are discovered from capitalised runs with evidence
(a title or role before them, an organisation suffix, an acronym, a surname reused
later, an apposition with a role, or being cited as a source). Labels come from role
nouns before a person, appositions after one, and, for countries, a definite
description right after the country was named ("the most reclusive country").

Each mention gets a sentiment score from :func:`sentiment.scores_and_polarities` (one call per
article) and a speaker (the source of an attribution in its sentence, else the reporter).
A mention that is itself that source ("...," said Tom Reyes) is speaking, not spoken
about: its span has voice ``speaker`` and its score, read from the actor's own words, is
left out of the actor's tone (docs/actors.md, "Speaking and spoken about").
"""

from __future__ import annotations

import math
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress
from operator import attrgetter, itemgetter, mul
from typing import Any, Iterable, Mapping, Sequence

from ..lexicon import LexiconError, Lexicons, per_lexicon, tokenize_term
from ..usercache import cached_build, code_key
from ..model import ACTOR, QUOTED, REPORTER, SPEAKER, ActorResult, DetectorOutput, Span, new_span
from ..segment import Content, char_flags
from . import sentiment
from .attribution import Attribution

LABEL = "actor_label"  # span kind of a label attached to an actor
RULE_MENTION = "actors.mention"
RULE_LABEL = "actors.label"
KINDS = ("person", "organisation", "country", "group")

# Form types: what a matched surface form is, which decides the context rules.
NAME, SHORT, METONYM, COUNTRY, CAPITAL, DEMONYM, DEMONYM_PL = "name", "short", "metonym", "country", "capital", "demonym", "demonym_plural"
_GAZ_TYPE = {"country": COUNTRY, "alias": COUNTRY, "capital": CAPITAL, "demonym": DEMONYM, "demonym_plural": DEMONYM_PL}

# Case demands per form word: any case, capital initial, or all capitals (acronyms).
_ANY, _INITIAL, _UPPER = 0, 1, 2
_APOS = str.maketrans({"’": "'"})
_POSSESSIVE = re.compile(r"(?:'s|'|s')$")
_STOP_PUNCT = frozenset(",.;:!?()[]—–\"“”")


@dataclass(frozen=True)
class ActorDef:
    id: str
    name: str
    kind: str
    country: str | None = None


@dataclass(frozen=True)
class Form:
    words: tuple[str, ...]
    case: tuple[int, ...]
    actor: str
    type: str


@dataclass(frozen=True)
class Gazetteer:
    """Actors, their forms indexed by first word, and the context cue sets."""

    actors: Mapping[str, ActorDef]
    index: Mapping[str, tuple[Form, ...]]
    single: Mapping[str, tuple[Form, ...]]
    pairs: Mapping[tuple[str, str], tuple[Form, ...]]
    short_owners: Mapping[tuple[str, ...], tuple[str, ...]]
    short_default: Mapping[tuple[str, ...], str]
    honorifics: frozenset[str]
    roles: frozenset[tuple[str, ...]]
    roles_by_last: Mapping[str, tuple[tuple[str, ...], ...]]
    roles_by_first: Mapping[str, tuple[tuple[str, ...], ...]]
    org_suffixes: frozenset[str]
    org_heads: frozenset[str]
    org_nouns: frozenset[str]
    joiners: frozenset[str]
    locatives: frozenset[str]
    motion: frozenset[str]
    hyphen_actor: frozenset[str]
    country_nouns: frozenset[str]
    label_skip: frozenset[str]
    label_forms: Mapping[str, str]
    compound_after: frozenset[str]
    function_words: frozenset[str]
    not_names: frozenset[str]
    dates: frozenset[str]
    lead_skip: frozenset[str]  # function words, honorifics and joiners: never open a name
    single_first: frozenset[str] = frozenset()  # words that are a whole form
    # Where a form can be found from the capitals alone: the first word of each form whose
    # case demands a capital, as word -> ((offset in the form, first word), ...); forms
    # without one (or only at the end of three words or more) by another word of theirs.
    anchors: Mapping[str, tuple[tuple[int, str], ...]] = field(default_factory=dict)
    free: Mapping[str, tuple[tuple[int, str], ...]] = field(default_factory=dict)
    free_keys: frozenset[str] = frozenset()
    # First names (lexicons/given_names.tsv; the given_common ones, familiar words such as
    # "Mark", not at a sentence start) and the last words of place and thing names (cue
    # place_nouns): they decide whether a run opened by a first name is a person.
    given: frozenset[str] = frozenset()
    given_common: frozenset[str] = frozenset()
    given_plain: frozenset[str] = frozenset()  # (category "given": no English word, so a name in a headline too)
    place_nouns: frozenset[str] = frozenset()
    # Capitalised names that are no actor (lexicons/not_actors.tsv): heads end such a name
    # ("U.S. Constitution", "Memorial Day"); whole names must be the run itself ("DACA",
    # "Nebraska", "Oval Office", first words in not_first).
    not_heads: frozenset[str] = frozenset()
    not_whole: frozenset[tuple[str, ...]] = frozenset()
    not_first: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()  # one-word places (not_actors.tsv, places.tsv): no surname either
    # Words that are no one-word name: lead_skip, joiners, not_names, not_heads and the
    # one-word whole names of not_actors.tsv and places.tsv (one lookup per capital).
    no_word: frozenset[str] = frozenset()
    name_suffixes: frozenset[str] = frozenset()  # cue name_suffixes: "Jr", "Sr" (not "II": "Article II")
    # Tokens that end an apposition after a name: _APPOSITION_END and cue apposition_verbs.
    apposition_end: frozenset[str] = frozenset()
    # Attribution cue categories whose source does not voice the sentence (cue not_speech_cues).
    not_speech: frozenset[str] = frozenset()


@dataclass(frozen=True)
class ActorsOutput(DetectorOutput):
    actors: tuple[ActorResult, ...] = field(default_factory=tuple)


@dataclass(slots=True)
class _Mention:
    actor: str
    start: int  # characters
    end: int
    first: int  # tokens
    last: int
    sentence: int
    type: str
    words: tuple[str, ...] = ()  # the matched form's words


new_obj = object.__new__  # for the inlined new_span/new_frozen in _aggregate
_START_END = attrgetter("start", "end")
_SPAN_ORDER = attrgetter("start", "end", "kind")


@lru_cache(maxsize=1 << 16)
def slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def _norm(word: str) -> str:
    return word.translate(_APOS)


def _case_of(surface: str) -> int:
    if len(surface) >= 2 and surface.isupper() and surface.isalpha():
        return _UPPER
    if surface[:1].isupper():
        return _INITIAL
    return _ANY


def _form(term: str, actor: str, type_: str) -> Form:
    from ..segment import _TOKEN

    surfaces = [m.group(0) for m in _TOKEN.finditer(term)]
    return Form(tuple(_norm(s.lower()) for s in surfaces), tuple(_case_of(s) for s in surfaces), actor, type_)


@per_lexicon
def gazetteer(lex: Lexicons) -> Gazetteer:
    """The compiled actor index of ``lex`` (built once per lexicon version).

    Building it costs ~25 ms per process (a twentieth of ``framing audit`` on one
    draft); it is kept in a user cache file, named by a hash of the lexicon version and
    of the code that builds it, and read back in a few ms.
    """
    from .. import lexicon, segment

    key = code_key(lex, __file__, lexicon.__file__, segment.__file__)
    return cached_build("actors-gazetteer", key, lambda: _build_gazetteer(lex), Gazetteer)


def _build_gazetteer(lex: Lexicons) -> Gazetteer:
    actors: dict[str, ActorDef] = {}
    forms: dict[tuple[tuple[str, ...], str], Form] = {}

    def add(term: str, actor: str, type_: str) -> None:
        f = _form(term, actor, type_)
        if not f.words:
            return
        key = (f.words, actor)
        old = forms.get(key)
        # One actor, one form: the stronger type wins (a name over a capital).
        if old is None or _TYPE_RANK[type_] < _TYPE_RANK[old.type]:
            forms[key] = f

    countries = lex.tables.get("countries", {}).get("country", [])
    table = lex.tables.get("actors", {})
    for raw in countries:
        if not raw.get("id") or not raw.get("name"):
            raise LexiconError(f"countries.toml: every [[country]] needs an id and a name ({raw!r})")
        actors[raw["id"]] = ActorDef(raw["id"], raw["name"], "country")
    # A user's countries.tsv (term, category, id, iso3, name) adds countries too. TSV terms
    # are stored lower-cased, so each word but the small ones must be capitalised.
    tsv_forms: list[Form] = []
    if "countries" in lex.lists:
        for e in lex["countries"].entries.values():
            if len(e.extra) < 3:
                raise LexiconError(f"countries.tsv: {e.term!r} needs the columns id, iso3 and name after the category")
            cid, _, cname = e.extra[:3]
            actors.setdefault(cid, ActorDef(cid, cname, "country"))
            case = tuple(_INITIAL if w[:1].isalpha() and w not in _SMALL_WORDS else _ANY for w in e.words)
            tsv_forms.append(Form(tuple(_norm(w) for w in e.words), case, cid, _GAZ_TYPE.get(e.category, COUNTRY)))
    for raw in table.get("actor", []):
        aid = raw.get("id")
        if not aid or (not raw.get("name") and aid not in actors):
            raise LexiconError(f"actors.toml: every [[actor]] needs an id and a name ({raw!r})")
        old = actors.get(aid)
        kind = raw.get("kind", old.kind if old else "person")
        if kind not in KINDS:
            raise LexiconError(f"actors.toml: actor {aid!r} has kind {kind!r}; use one of {', '.join(KINDS)}")
        actors[aid] = ActorDef(aid, raw.get("name") or old.name, kind, raw.get("country") or (old.country if old else None))
    # Forms after all actors are known, so a later file can extend an earlier actor.
    for f in tsv_forms:
        old = forms.get((f.words, f.actor))
        if old is None or _TYPE_RANK[f.type] < _TYPE_RANK[old.type]:
            forms[(f.words, f.actor)] = f
    for raw in countries:
        cid = raw["id"]
        for term in [raw["name"], *raw.get("aliases", [])]:
            add(term, cid, COUNTRY)
        for key, type_ in (("capitals", CAPITAL), ("demonyms", DEMONYM), ("plurals", DEMONYM_PL)):
            for term in raw.get(key, []):
                add(term, cid, type_)
    defaults: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for raw in table.get("actor", []):
        aid = raw["id"]
        kind = actors[aid].kind
        main = COUNTRY if kind == "country" else NAME
        names = [raw.get("name")] if kind in ("person", "organisation") else []
        for term in names + list(raw.get("aliases", [])):
            if term and kind == "person" and len(tokenize_term(term)) == 1:
                # A lone surname ("Putin") is this person unless the article names
                # another person of that name ("Sarah Sanders" for "Sanders").
                add(term, aid, SHORT)
                defaults[_form(term, aid, SHORT).words].add(aid)
            elif term:
                add(term, aid, main)
        for term in raw.get("short", []):
            add(term, aid, SHORT)
        for term in raw.get("short_default", []):
            add(term, aid, SHORT)
            defaults[_form(term, aid, SHORT).words].add(aid)
        for term in raw.get("metonyms", []):
            add(term, aid, METONYM)
    # "the United States" is matched as "United States": the article is no part of the name.
    keep = {k: f for k, f in forms.items() if not (k[0][0] == "the" and len(k[0]) > 1 and (k[0][1:], k[1]) in forms)}
    index: dict[str, list[Form]] = defaultdict(list)
    short_owners: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for f in keep.values():
        index[f.words[0]].append(f)
        if f.type == SHORT:
            short_owners[f.words].append(f.actor)
    frozen = {k: tuple(sorted(v, key=lambda f: (-len(f.words), _TYPE_RANK[f.type], f.actor))) for k, v in index.items()}
    single: dict[str, tuple[Form, ...]] = {}
    pairs: dict[tuple[str, str], list[Form]] = defaultdict(list)
    for k, fs in frozen.items():
        single[k] = tuple(f for f in fs if len(f.words) == 1)
        for f in fs:
            if len(f.words) > 1:
                pairs[f.words[:2]].append(f)

    cues = table.get("cues", {})
    given_names = [e for e in lex["given_names"].entries.values() if len(e.words) == 1] if "given_names" in lex.lists else []
    not_actors = list(lex["not_actors"].entries.values()) if "not_actors" in lex.lists else []
    if "places" in lex.lists:
        not_actors += [e for e in lex["places"].entries.values() if e.category == "city"]

    def words(name: str) -> frozenset[str]:
        return frozenset(_norm(w.lower()) for w in cues.get(name, []))

    roles = frozenset(tuple(_norm(w) for w in tokenize_term(r)) for r in cues.get("roles", []))
    by_last: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for r in roles:
        by_last[r[-1]].append(r)
        by_first[r[0]].append(r)
    lead_skip = words("function_words") | words("honorifics") | words("name_joiners")
    not_whole = frozenset(tuple(_norm(w) for w in e.words) for e in not_actors if len(e.words) > 1 or e.category in _WHOLE_ONLY)
    return Gazetteer(
        actors=actors,
        index=frozen,
        single=single,
        pairs={k: tuple(v) for k, v in pairs.items()},
        short_owners={k: tuple(sorted(v)) for k, v in short_owners.items()},
        short_default={k: next(iter(v)) for k, v in defaults.items() if len(v) == 1},
        honorifics=words("honorifics"),
        roles=roles,
        # Longest first; ties in word order, not in the roles set's (hash-seeded) order.
        roles_by_last={k: tuple(sorted(v, key=lambda r: (-len(r), r))) for k, v in by_last.items()},
        roles_by_first={k: tuple(sorted(v, key=lambda r: (-len(r), r))) for k, v in by_first.items()},
        org_suffixes=words("org_suffixes"),
        org_heads=words("org_heads"),
        org_nouns=words("org_nouns"),
        joiners=words("name_joiners"),
        locatives=words("locatives"),
        motion=words("motion_nouns"),
        hyphen_actor=words("hyphen_actor"),
        country_nouns=words("country_nouns"),
        label_skip=words("label_skip"),
        label_forms={k.lower(): str(v).lower() for k, v in cues.get("label_forms", {}).items()},
        compound_after=words("compound_after"),
        function_words=words("function_words"),
        not_names=words("not_names") | words("dates"),
        dates=words("dates"),
        lead_skip=lead_skip,
        single_first=frozenset(k for k, v in single.items() if v),
        given=frozenset(e.term for e in given_names),
        given_common=frozenset(e.term for e in given_names if e.category == "given_common"),
        given_plain=frozenset(e.term for e in given_names if e.category == "given"),
        place_nouns=words("place_nouns"),
        not_heads=frozenset(_norm(e.term) for e in not_actors if len(e.words) == 1 and e.category not in _WHOLE_ONLY),
        not_whole=not_whole,
        not_first=frozenset(w[0] for w in not_whole),
        name_suffixes=words("name_suffixes"),
        apposition_end=_APPOSITION_END | words("apposition_verbs"),
        not_speech=frozenset(str(c) for c in cues.get("not_speech_cues", [])),
        places=frozenset(_norm(e.term) for e in not_actors if len(e.words) == 1 and e.category in ("place", "city")),
        no_word=lead_skip | words("not_names") | words("dates") | frozenset(_norm(e.term) for e in not_actors if len(e.words) == 1),
        **_anchors(frozen),
    )


def _anchors(index: Mapping[str, tuple[Form, ...]]) -> dict[str, Any]:
    """The ``anchors``, ``free`` and ``free_keys`` of a Gazetteer (see there).

    A form fits only where its first case-demanding word is a capitalised token (an
    acronym's first letter has an upper case, so it is one too), so its start is found
    from the article's capitals. The last word of three or more may sit in a compound
    ("... Leyen-led"), so it anchors nothing; such forms, and those of any case, are
    found by their second word (a one-word form by itself).
    """
    anchors: dict[str, set[tuple[int, str]]] = defaultdict(set)
    free: dict[str, set[tuple[int, str]]] = defaultdict(set)
    for forms in index.values():
        for f in forms:
            n = len(f.words)
            k = next((i for i, (w, c) in enumerate(zip(f.words, f.case)) if c == _INITIAL or (c == _UPPER and w[:1] != w[:1].upper())), None)
            if k is None or (n >= 3 and k == n - 1):
                key = 0 if n == 1 else 1
                free[f.words[key]].add((key, f.words[0]))
            else:
                anchors[f.words[k]].add((k, f.words[0]))
    return {
        "anchors": {w: tuple(sorted(v)) for w, v in anchors.items()},
        "free": {w: tuple(sorted(v)) for w, v in free.items()},
        "free_keys": frozenset(free),
    }


# not_actors.tsv categories whose terms must be a whole name, not only its last word.
_WHOLE_ONLY = frozenset(("program", "acronym", "place", "city"))
_SMALL_WORDS = frozenset("of the and de da du la le von van der al el bin".split())
_TYPE_RANK = {NAME: 0, COUNTRY: 1, METONYM: 2, CAPITAL: 3, SHORT: 4, DEMONYM_PL: 5, DEMONYM: 6}


class _Raw:
    """Token texts, sliced on demand (most tokens are never looked at)."""

    __slots__ = ("text", "starts", "ends")

    def __init__(self, text: str, starts: Sequence[int], ends: Sequence[int]):
        self.text, self.starts, self.ends = text, starts, ends

    def __getitem__(self, j: int) -> str:
        return self.text[self.starts[j] : self.ends[j]]


def _find_all(text: str, ch: str) -> list[int]:
    """Offsets of ``ch`` in ``text`` (str.find runs in C; a character-class regex is slower)."""
    out = []
    i = text.find(ch)
    while i >= 0:
        out.append(i)
        i = text.find(ch, i + 1)
    return out


def _indices(words: list[str], w: str) -> list[int]:
    """Every index of ``w`` in ``words`` (list.index scans in C)."""
    out = []
    j = -1
    try:
        while True:
            j = words.index(w, j + 1)
            out.append(j)
    except ValueError:
        return out


class _Article:
    """Per-article token views: normalized words, possessive flags, capitalisation."""

    def __init__(self, content: Content, g: Gazetteer):
        seg = content.seg
        self.content = content
        self.seg = seg
        self.g = g
        text = seg.text
        self.starts = seg.token_starts
        self.ends = seg.token_ends
        self.raw = _Raw(text, seg.token_starts, seg.token_ends)
        self.low = seg.words  # lower-cased tokens: enough to test for punctuation, no slicing
        norm = list(seg.words)
        n = len(norm)
        starts = seg.token_starts
        poss = [0] * n  # characters of possessive suffix, 0 if none
        # Tokens with an apostrophe or a hyphen, found by scanning the text (every
        # non-space character lies in a token), not token by token.
        apos = sorted({bisect_right(starts, i) - 1 for i in (*_find_all(text, "'"), *_find_all(text, "’"))})
        hyphens = sorted({bisect_right(starts, i) - 1 for i in _find_all(text, "-")})
        for j in apos:
            lw = norm[j].replace("’", "'")  # _norm
            # _POSSESSIVE by string tests: the leftmost match of 's, ' or s' at the end
            # starts two characters from the end for 's and s', one for a bare '.
            if len(lw) > 2 and lw.endswith("'"):
                cut = 2 if lw.endswith("s'") else 1
            elif len(lw) > 2 and lw.endswith("'s"):
                cut = 2
            else:
                norm[j] = lw
                continue
            norm[j] = lw[:-cut]
            poss[j] = cut
        self.norm = norm
        self.poss = poss
        self.cap = cap = seg.is_cap
        self.alpha = char_flags(seg.first_chars, str.isalpha)
        self.caps = caps = list(compress(range(n), cap))
        # Token positions worth a look: a form may start there, or a name may.
        # A word that starts only multi-word forms ("the", "republic") is a hit only when
        # the next word continues one of them. Starts are found from the capitals (maps in
        # C over a sixth of the tokens); the few forms of any case from their key word.
        single, pairs, single_first, anchors = g.single, g.pairs, g.single_first, g.anchors
        hits = set()
        for q in compress(caps, map(anchors.__contains__, map(norm.__getitem__, caps))):
            for k, w in anchors[norm[q]]:
                j = q - k
                if j >= 0 and norm[j] == w and (w in single_first or (j + 1 < n and (w, norm[j + 1]) in pairs)):
                    hits.add(j)
        if not g.free_keys.isdisjoint(norm):
            for key in g.free_keys.intersection(norm):
                for q in _indices(norm, key):
                    for k, w in g.free[key]:
                        j = q - k
                        if j >= 0 and norm[j] == w and (w in single_first or (j + 1 < n and (w, norm[j + 1]) in pairs)):
                            hits.add(j)
        for j in hyphens:
            w = norm[j]
            if "-" in w and (w.split("-", 1)[0] in single or w.startswith(("anti-", "pro-"))):
                hits.add(j)
        self.hits = sorted(hits)
        # Capitals a name run can start at: a capitalised function word or title alone
        # ("The", "In", "President" before a lower-case word) yields no run, so it is left out.
        cap, low, lead_skip, joiners = self.cap, seg.words, g.lead_skip, g.joiners
        self.run_caps = [
            j for j in self.caps
            if not (norm[j] in lead_skip and not poss[j] and (j + 1 == n or not cap[j + 1] and norm[j + 1] not in joiners and low[j + 1] != "."))
        ]

    def case_ok(self, j: int, need: int, n_chars: int | None = None) -> bool:
        if need == _ANY:
            return True
        if need == _INITIAL:
            return self.cap[j]  # the first character decides, whatever n_chars is
        w = self.raw[j] if n_chars is None else self.raw[j][:n_chars]
        if need == _UPPER:
            # Long acronyms are often written in title case ("Nato"), short ones never ("US" vs "us").
            return w.isupper() or (len(w) >= 4 and w[:1].isupper())
        if need == _INITIAL:
            return w[:1].isupper()
        return True


def _match_forms(art: _Article, a: int, b: int) -> list[tuple[int, int, Form, tuple[int, int]]]:
    """Longest non-overlapping form matches in tokens a..b-1 as (first, last+1, form, (start, end) chars)."""
    g = art.g
    norm, cap, poss, starts, ends, is_word = art.norm, art.cap, art.poss, art.starts, art.ends, art.seg.is_word
    n_tokens = len(norm)
    out = []
    i = a
    one, two, index = g.single, g.pairs, g.index
    hits = art.hits
    h = bisect_left(hits, a)
    while h < len(hits) and hits[h] < b:
        i = hits[h]
        h += 1
        w = norm[i]
        hit = None
        if w in index:
            # Multi-word forms are indexed by their first two words: "the" or "republic"
            # start dozens of forms, but few of them start with the next word too.
            if i + 1 < b:
                for f in two.get((w, norm[i + 1]), ()):
                    if i + len(f.words) <= b:
                        chars = _fits(art, i, f)
                        if chars is not None:
                            hit = (i, i + len(f.words), f, chars)
                            break
            # Then the one-word forms, with _fits inlined: the word is the form, and a
            # form glued to more letters is part of another word ("U.S." in "U.S.S.R.").
            if hit is None and not (i + 1 < n_tokens and starts[i + 1] == ends[i] and is_word[i + 1]):
                for f in one.get(w, ()):
                    need = f.case[0]
                    if not need or (cap[i] if need == _INITIAL else _upper_ok(art.raw[i])):
                        hit = (i, i + 1, f, (starts[i], ends[i] - poss[i]))
                        break
            cands = ()
        elif "-" in w:
            head, _, rest = w.partition("-")
            # "anti-Trump", "pro-Russian": the rest of the word names the actor.
            cands = one.get(rest, ()) if head in ("anti", "pro") and "-" not in rest else one.get(head, ())
        else:
            cands = ()
        if cands:
            for f in cands:
                n = len(f.words)
                if i + n > b:
                    continue
                chars = _fits(art, i, f)
                if chars is not None:
                    hit = (i, i + n, f, chars)
                    break
        if hit:
            out.append(hit)
            while h < len(hits) and hits[h] < hit[1]:
                h += 1
    return out


def _fits(art: _Article, i: int, f: Form) -> tuple[int, int] | None:
    """Characters (start, end) of form ``f`` matched at token ``i``, or None when it does not fit."""
    norm, poss, cap = art.norm, art.poss, art.cap
    words, case = f.words, f.case
    n = len(words)
    # Case tests inlined from _Article.case_ok: this runs for every candidate form.
    for k in range(n - 1):
        j = i + k
        if norm[j] != words[k] or poss[j]:
            return None
        need = case[k]
        if need and not (cap[j] if need == _INITIAL else _upper_ok(art.raw[j])):
            return None
    j = i + n - 1
    w = words[-1]
    need = case[-1]
    if norm[j] == w:
        if need and not (cap[j] if need == _INITIAL else _upper_ok(art.raw[j])):
            return None
        ends = art.ends
        # A form glued to more letters is part of another word ("U.S." in "U.S.S.R.").
        if j + 1 < len(norm) and art.starts[j + 1] == ends[j] and art.seg.is_word[j + 1]:
            return None
        return art.starts[i], ends[j] - poss[j]
    # "US-led", "Kremlin-backed": the first half of a hyphenated compound acts.
    if norm[j].startswith(w + "-") and norm[j][len(w) + 1 :] in art.g.hyphen_actor and art.case_ok(j, need, len(w)):
        return art.starts[i], art.starts[j] + len(w)
    # "anti-Trump", "pro-Russian": the second half names the actor.
    if n == 1 and norm[j].endswith("-" + w) and norm[j][: -len(w) - 1] in ("anti", "pro"):
        start = art.ends[j] - art.poss[j] - len(w)
        if art.seg.text[start : start + 1].isupper():
            return start, art.ends[j] - art.poss[j]
    return None


def _upper_ok(w: str) -> bool:
    """An acronym's case: long ones are often written in title case ("Nato"), short ones never ("US" vs "us")."""
    return w.isupper() or (len(w) >= 4 and w[:1].isupper())


def detect(content: Content, lex: Lexicons, attributions: tuple[Attribution, ...]) -> ActorsOutput:
    """Actor mentions, labels and per-actor aggregates of one article."""
    g = gazetteer(lex)
    art = _Article(content, g)
    seg = content.seg
    mentions: list[_Mention] = []
    labels: list[tuple[str, int, int, str]] = []  # (actor, start, end, label)
    shorts: list[_Mention] = []
    # Sentences whose capitals may open unlisted names, as (first, last+1, sentence):
    # all are scanned in one call once the known forms are matched and covered.
    run_spans: list[tuple[int, int, int]] = []
    headlines: list[tuple[int, int, int]] = []  # title-case sentences: no discovery there
    covered: set[int] = set()

    hits, caps, alpha = art.hits, art.caps, art.alpha
    stoks = seg.sentence_tokens
    for si in content.sentences:
        a, b = stoks[si]
        if a >= b:
            continue
        # Most sentences hold no form and at most a capital or two: skip the work there.
        c = bisect_left(caps, a)
        n_caps = bisect_left(caps, b, c) - c
        # Needs three capitals, and capitals on half the words (tested here: most fail it).
        title_case = n_caps >= 3 and n_caps >= 0.5 * alpha.count(1, a, b) and _title_case(art, a, b, n_caps)
        h = bisect_left(hits, a)
        if h == len(hits) or hits[h] >= b:
            if title_case:
                headlines.append((a, b, si))
            elif n_caps:
                run_spans.append((a, b, si))
            continue
        matches = _match_forms(art, a, b)
        starts_at = {m[0] for m in matches}
        ends_at = {m[1] - 1 for m in matches}
        for first, last, f, (start_char, end_char) in matches:
            m = _Mention(f.actor, start_char, end_char, first, last, si, f.type, f.words)
            why = _accept(art, m, a, b, title_case, starts_at, ends_at)
            if why:
                if why != IN_NAME:
                    covered.update(range(first, last))  # known words, just not an actor here
                continue
            if f.type == SHORT:
                shorts.append(m)
            else:
                mentions.append(m)
            covered.update(range(first, last))
        if not title_case:
            run_spans.append((a, b, si))
        else:
            headlines.append((a, b, si))

    runs = _runs(art, run_spans, covered)
    persons_full = [m for m in mentions if g.actors[m.actor].kind == "person"]
    discovered, auto_mentions, surname_of = _discover(art, runs, attributions, persons_full + shorts)
    mentions.extend(auto_mentions)
    mentions.extend(_resolve_shorts(art, shorts, mentions, surname_of))
    if headlines:
        mentions.extend(_in_headlines(art, headlines, auto_mentions, surname_of, covered, discovered))
    actors_def = dict(g.actors)
    actors_def.update(discovered)
    mentions.sort(key=_START_END)  # (key tuples built in C)

    # Role nouns before a person ("dictator Kim Jong Un") and in an apposition after it
    # (the cheap lookups first: most mentions have neither).
    low, norm, starts, ends, roles_by_last = art.low, art.norm, art.starts, art.ends, g.roles_by_last
    for m in mentions:
        if actors_def[m.actor].kind == "person":
            a, b = stoks[m.sentence]
            p = m.first - 1
            if p > a and low[p] == "." and ends[p - 1] == starts[p]:  # "Mr. Kim", "Gen. Smith"
                p -= 1
            if p >= a and norm[p] in roles_by_last:
                r = _prev_role(art, p, a)
                if r is not None and not (r[0] > a and norm[r[0] - 1] in _INDEFINITE):  # not "a dictator Trump praised"
                    labels.append((m.actor, starts[r[0]], ends[p], _role_label(g, r[1])))
            if m.last < b and low[m.last] == ",":
                ap = _apposition_role(art, m.last, b)
                if ap is not None:
                    labels.append((m.actor, starts[ap[0]], ends[ap[1] - 1], _role_label(g, ap[2])))
    labels.extend(_country_descriptions(art, content, mentions, actors_def))
    if "loaded_labels" in lex.lists:
        labels.extend(_loaded_labels(art, lex["loaded_labels"], mentions, actors_def, labels))
    return _aggregate(content, lex, mentions, labels, actors_def, attributions, art)


def _in_headlines(art: _Article, headlines, found: list[_Mention], surname_of: Mapping[str, str], covered: set[int], discovered: dict[str, ActorDef]) -> list[_Mention]:
    """Names discovered in the body, found again in title-case headlines, where capitals
    alone are no evidence ("Kathy Griffin Apologizes For ..."): the full name, or a
    surname that the body uses alone for one person only, word for word. Else a first
    name that is no English word and the word after it ("Why Voters Back Neil Gorsuch"),
    added to ``discovered``."""
    norm, starts, ends, poss, given = art.norm, art.starts, art.ends, art.poss, art.g.given_plain
    names: dict[str, list[tuple[tuple[str, ...], str, str]]] = defaultdict(list)
    for m in found:
        if m.type == NAME and m.last - m.first > 1:
            names[norm[m.first]].append((tuple(norm[m.first : m.last]), m.actor, NAME))
        elif m.type == SHORT and surname_of.get(norm[m.first]) == m.actor:
            # Only a surname the body uses alone: a capitalised "Coal" or "Golf" in a
            # headline is no evidence of the company or club named in full below.
            names[norm[m.first]].append(((norm[m.first],), m.actor, SHORT))
        elif m.type == NAME and _org_word(art.raw[m.first][: m.end - m.start]) and discovered[m.actor].kind == "organisation":
            # An acronym or inner capital ("NAACP", "WikiLeaks"): title case makes neither.
            names[norm[m.first]].append(((norm[m.first],), m.actor, NAME))
    for k in names:
        names[k] = sorted(set(names[k]), key=lambda x: (-len(x[0]), x))  # longest first
    out = []
    for a, b, si in headlines:
        j = a
        while j < b:
            for words, aid, type_ in names.get(norm[j], ()):
                e = j + len(words)
                if e <= b and tuple(norm[j:e]) == words and not covered.intersection(range(j, e)) and not any(poss[j : e - 1]):
                    out.append(_Mention(aid, starts[j], ends[e - 1] - poss[e - 1], j, e, si, type_, words))
                    j = e - 1
                    break
            else:
                if norm[j] in given and j + 1 < b and _headline_name(art, j, covered):
                    end = ends[j + 1] - poss[j + 1]
                    aid = slug(art.seg.text[starts[j] : end])
                    if aid and (aid not in art.g.actors or art.g.actors[aid].kind == "person"):
                        if aid not in discovered:
                            discovered[aid] = _new_actor(aid, art.seg.text[starts[j] : end], "person")
                        out.append(_Mention(aid, starts[j], end, j, j + 2, si, NAME))
                        j += 1
            j += 1
    return out


def _headline_name(art: _Article, j: int, covered: set[int]) -> bool:
    """A first name at ``j`` and a surname-like capitalised word after it, in a headline."""
    g, k = art.g, j + 1
    w = art.norm[k]
    if not art.cap[k] or art.poss[j] or j in covered or k in covered or art.ends[k] - art.starts[k] - art.poss[k] < 2 or art.norm[j] in g.joiners:
        return False
    return not (w in g.lead_skip or w in g.not_names or w in g.place_nouns or w in g.org_suffixes or w in g.org_nouns or w in g.roles_by_first or not w.replace("-", "").replace("'", "").isalpha())


def _title_case(art: _Article, a: int, b: int, caps: int) -> bool:
    """A headline written in title case: capitals there do not mark names. ``caps``: the
    number of capitalised tokens in a..b-1."""
    alpha = art.alpha
    if caps < 3 or caps < 0.5 * alpha.count(1, a, b):
        return False
    # Short words ("to", "of", "a") stay lower case in headlines; count the longer ones.
    # A sentence dense with names still has its verbs and nouns in lower case.
    cap, starts, ends = art.cap, art.starts, art.ends
    limit = max(1, 0.15 * (b - a))  # no more long words than tokens: past this, never title case
    n_long = lower = 0
    for j in range(a, b):
        if alpha[j] and ends[j] - starts[j] > 3:
            n_long += 1
            if not cap[j]:
                lower += 1
                if lower > limit:
                    return False
    return n_long >= 3 and lower <= max(1, 0.15 * n_long)


def _prev_role(art: _Article, j: int, a: int) -> tuple[int, tuple[str, ...]] | None:
    """The longest role phrase ending at token ``j`` (>= a), as (first token, words)."""
    if j < a:
        return None
    for r in art.g.roles_by_last.get(art.norm[j], ()):
        n = len(r)
        if j - n + 1 >= a and tuple(art.norm[j - n + 1 : j + 1]) == r and not any(art.poss[j - n + 1 : j + 1]):
            return j - n + 1, r
    return None


ACCEPT, IN_NAME, LABEL_OF, PLACE = "", "name", "label", "place"


def _accept(art: _Article, m: _Mention, a: int, b: int, title_case: bool, starts_at: set[int], ends_at: set[int]) -> str:
    """Context rules: is this form match a mention of its actor here? ``ACCEPT`` if so,
    else why not: part of a longer name, a label of a person, or a place."""
    g = art.g
    norm, cap, low, starts, ends = art.norm, art.cap, art.low, art.starts, art.ends
    p = m.first - 1
    if p > a and low[p] == "." and ends[p - 1] == starts[p]:  # back over an abbreviation's period: "Mr. Kim"
        p -= 1
    q = m.last
    possessive = art.poss[q - 1] > 0
    if m.type == DEMONYM and q < b and _longest_role_at(art, q, b) is not None:
        # "Russian President Vladimir Putin", "the Russian president": about a person.
        return LABEL_OF
    if not title_case:
        # Inside a longer capitalised name ("Moscow State University", "George Washington").
        # (a capitalised word that could be part of a name; the capital test first: most
        # neighbours are lower case)
        if (
            not possessive
            and q < b
            and cap[q]
            and norm[q] not in g.function_words
            and norm[q] not in g.dates
            and q not in starts_at
            and not _role_then_name(art, q, b)
            and starts[q] - ends[q - 1] <= 1
        ):
            return IN_NAME
        # (the title test last: a role lookup, needed only before a capitalised word)
        if (
            p > a
            and cap[p]
            and norm[p] not in g.function_words
            and norm[p] not in g.dates
            and p not in ends_at
            and starts[m.first] - ends[p] <= 1
            and not (norm[p] in g.honorifics or _prev_role(art, p, a) is not None)
        ):
            return IN_NAME
    if m.type == CAPITAL and not possessive and p >= a:
        w = art.norm[p]
        if w in g.locatives:
            return PLACE
        if w in ("to", "from") and any(art.norm[k] in g.motion for k in range(max(a, p - 3), p)):
            return PLACE
    return ACCEPT


def _longest_role_at(art: _Article, i: int, b: int) -> tuple[str, ...] | None:
    """The longest role phrase starting at token ``i``."""
    for r in art.g.roles_by_first.get(art.norm[i], ()):
        n = len(r)
        if i + n <= b and tuple(art.norm[i : i + n]) == r:
            return r
    return None


def _role_then_name(art: _Article, i: int, b: int) -> bool:
    """Tokens from ``i`` are a role phrase followed by a capitalised name ("President Vladimir")."""
    r = _longest_role_at(art, i, b)
    if r is None:
        return False
    j = i + len(r)
    if j < b and art.low[j] == "." and art.starts[j] == art.ends[j - 1]:
        j += 1
    return j < b and art.cap[j]




def _runs(art: _Article, spans: list[tuple[int, int, int]], covered: set[int]) -> list[tuple[int, int, int, bool]]:
    """Capitalised token runs not covered by known actors, stripped of function words,
    as (first, last+1, sentence, sentence-initial), in the sentences ``spans``."""
    g = art.g
    out: list[tuple[int, int, int, bool]] = []
    caps, cap, poss, norm, low, starts, ends = art.run_caps, art.cap, art.poss, art.norm, art.low, art.starts, art.ends
    joiners, lead_skip, roles_by_first, roles_by_last, not_names, org_suffixes = g.joiners, g.lead_skip, g.roles_by_first, g.roles_by_last, g.not_names, g.org_suffixes
    given, dates, no_word = g.given, g.dates, g.no_word
    nc = len(caps)
    for a, b, si in spans:
        c = bisect_left(caps, a)
        j = a
        while c < nc and caps[c] < b:
            if caps[c] < j or caps[c] in covered:
                c += 1
                continue
            j = caps[c]
            k = j
            while k < b and k not in covered:
                if cap[k]:
                    if poss[k]:
                        k += 1
                        break
                    # An initial and its period stay in the name ("Franklin D. Roosevelt").
                    if ends[k] - starts[k] == 1 and k + 1 < b and low[k + 1] == "." and starts[k + 1] == ends[k]:
                        k += 2
                        continue
                    k += 1
                elif norm[k] in joiners and k + 1 < b and cap[k + 1] and k + 1 not in covered:
                    k += 1
                else:
                    break
            if k == j + 1:
                # One capitalised word, the usual run: the steps below reduce to these tests
                # (a lone function word, title, role or joiner is no name).
                w = norm[j]
                if not (w in no_word or (w in roles_by_first and _longest_role_at(art, j, k) is not None)):
                    out.append((j, k, si, j == a))
                j = k
                c += 1  # the next capital is at k or after
                continue
            s = j
            # Leading function words and titles are not part of the name ("In", "President"),
            # but a first name that is also a particle is ("Al Sharpton"), and a role word
            # before an organisation word is its name ("Justice Department").
            while s < k:
                if norm[s] in lead_skip or low[s] == ".":
                    if norm[s] in given and cap[s] and s + 1 < k and cap[s + 1] and norm[s] in joiners:
                        break
                    s += 1
                    continue
                r = _longest_role_at(art, s, k) if norm[s] in roles_by_first else None
                if r is None or s + len(r) == k - 1 and norm[k - 1] in org_suffixes:
                    break
                s += len(r)
            e = k
            # (a weekday after a name is no part of it: "Chairman Michael Steele Sunday")
            while e > s and (norm[e - 1] in joiners or low[e - 1] == "." or norm[e - 1] in dates and norm[e - 1].endswith("day")):
                e -= 1
            if e - s > 3:
                # A role inside the run ends its lead: "Democratic Attorney General Richard
                # Blumenthal", "Former President Vicente Fox" name the person after it, and
                # "Committee Chairman Rep. Jason Chaffetz" after the second title. At least two
                # words must follow ("Martin Luther King Jr.", "Massachusetts General Hospital").
                for t in range(e - 3, s, -1):
                    if norm[t] in roles_by_last and e - t <= 6 and norm[e - 1] not in org_suffixes and (role := _prev_role(art, t, s)) is not None:
                        u = t + 1
                        while u < e and (norm[u] in lead_skip or low[u] == "." or (norm[u] in roles_by_first and _longest_role_at(art, u, e) is not None)):
                            u += len(_longest_role_at(art, u, e) or (1,)) if norm[u] in roles_by_first else 1
                        if e - u >= 2 and cap[u] and ends[e - 1] - starts[e - 1] > 1:  # (not cut at an initial: "Emmet G.")
                            if role[0] == s + 1 and _org_word(art.raw[s]):
                                out.append((s, s + 1, si, s == a))  # "NAACP President Ben Jealous": NAACP too
                            s = u
                        break
            if e > s:
                for ps, pe in _split_joined(art, s, e) if e - s > 2 else ((s, e),):
                    # "Soviet Union", "Korean War", "Monday": capitalised, but no actor's name.
                    if (norm[ps] not in no_word) if pe - ps == 1 else (norm[ps] not in not_names or norm[pe - 1] in org_suffixes):
                        out.append((ps, pe, si, ps == a))
            j = max(k, j + 1)
            c = bisect_left(caps, j, c + 1, nc)  # past the run's capitals at once
    return out


def _org_of(norm: list[str], s: int, e: int, org_suffixes: frozenset[str]) -> bool:
    """An organisation word before "of"/"for" inside the run ("Port Authority of New York")."""
    for t in range(s + 1, e - 1):
        w = norm[t]
        if (w == "of" or w == "for") and norm[t - 1] in org_suffixes:
            return True
    return False


def _split_joined(art: _Article, s: int, e: int) -> list[tuple[int, int]]:
    """ "Ted Cruz of Texas" is a name and a place; "Ministry of Defence" is one name."""
    g = art.g
    joins = [t for t in range(s + 1, e - 1) if art.norm[t] in g.joiners and not art.cap[t]]
    # (a first name and a surname before "of" are a person of the organisation after it:
    # "Alan Brinkley of Columbia University")
    if not joins or art.norm[s] in g.org_heads or art.norm[e - 1] in g.org_suffixes and not (art.norm[s] in g.given and joins[0] - s in (2, 3)):
        return [(s, e)]
    t = joins[0]
    # Particles inside personal names stay ("Ursula von der Leyen", "Mohammed bin Salman"),
    # and so does an organisation word before "of"/"for" ("Center for Immigration Studies").
    if art.norm[t] not in ("of", "for") or art.norm[t - 1] in g.org_suffixes:
        return [(s, e)]
    return [(s, t), (t + 1, e)]


_NAME_PREFIXES = ("Mc", "Mac", "De", "Di", "Da", "La", "Le", "Van", "Von", "O'", "O’", "Al")


def _new_actor(aid: str, surface: str, kind: str) -> ActorDef:
    """A discovered actor: a frozen dataclass, filled as _aggregate does (no __init__ call)."""
    d = new_obj(ActorDef)
    d.__dict__.update(id=aid, name=" ".join(surface.split()), kind=kind, country=None)
    return d


def _org_word(w: str) -> bool:
    """An acronym ("NAACP") or a word with an inner capital ("BuzzFeed"), as discovery reads them."""
    return w.isupper() and w.isalpha() and 2 <= len(w) <= 6 or _camel(w)


def _handle(art: _Article, j: int) -> bool:
    """A social media handle or hashtag ("@SenSchumer", "#TrumpShutdown")."""
    return j > 0 and art.ends[j - 1] == art.starts[j] and art.low[j - 1] in ("@", "#")


def _camel(w: str) -> bool:
    """An inner capital marks a brand or organisation ("WikiLeaks"), not "McCarthy"."""
    # (islower first: all-lower-case tails, the usual case, need no per-character look)
    return len(w) > 3 and w.isalpha() and not w.isupper() and not w[1:].islower() and any(ch.isupper() for ch in w[1:]) and not w.startswith(_NAME_PREFIXES)


def _discover(art: _Article, runs, attributions: Sequence[Attribution], known_persons: list[_Mention]):
    """Unlisted people and organisations from capitalised runs with evidence.

    Two passes: full names first, so a bare surname or "Mr X" anywhere in the article
    joins the person named in full; names that share first and last word are one person
    ("Hillary Clinton", "Hillary Rodham Clinton").
    """
    g = art.g
    seg = art.seg
    text = seg.text
    norm, starts, ends, poss, low = art.norm, art.starts, art.ends, art.poss, art.low
    stoks = seg.sentence_tokens
    honorifics, joiners, org_suffixes, org_heads, roles_by_last = g.honorifics, g.joiners, g.org_suffixes, g.org_heads, g.roles_by_last
    given, name_suffixes, not_heads, not_first, places = g.given, g.name_suffixes, g.not_heads, g.not_first, g.places
    taken_surnames = {norm[m.last - 1] for m in known_persons}
    source_names = {a.source_name.lower() for a in attributions if a.source_type == "named" and a.source_name and a.source_label in ("named", "")}
    if any("’" in w for w in source_names):
        source_names = {_norm(w) for w in source_names}
    # Words of one-word runs not after an article: a surname reused alone ("Steele said"),
    # where "the Constitution" is none.
    alone_words = {norm[s] for s, e, _, _ in runs if e - s == 1 and not (s and norm[s - 1] in _DETERMINERS)}
    non_initial = None  # words of one-word runs inside a sentence, built on first need (acronyms)

    actors: dict[str, ActorDef] = {}
    surname_of: dict[str, str | None] = {}
    by_first_last: dict[tuple[str, str], str] = {}
    # (s, e, si, kind, initial); kind None: a bare word, its evidence looked at only
    # when no full name claims it (most capitalised single words are neither).
    plan: list[tuple[int, int, int, str | None, bool]] = []
    org_names: set[tuple[str, ...]] = set()  # organisations named with a common noun for one
    unproven: list[tuple[int, int, int, bool]] = []  # runs of 2-5 words with no evidence yet
    titles = _quoted_titles(art) if seg.quotes else ()
    for s, e, si, initial in runs:
        n = e - s
        last = norm[e - 1]
        # A title in quotes is a show or book, not its namesake ("the “Charlie Rose” show",
        # "“Meet the Press”").
        if titles and s in titles:
            continue
        # (one-word runs were filtered in _runs.) Documents, laws, events, days, buildings,
        # works, descriptions ("U.S. Constitution", "Memorial Day", "Florida Republican"),
        # whole names of places and programmes ("New York", "Oval Office"), compounds that
        # describe ("Al Qaeda-linked") and a name cut at an initial before a known name
        # ("Paul D." Ryan): no actors.
        if n > 1 and (
            last in not_heads
            or norm[s] in not_first and tuple(norm[s:e]) in g.not_whole
            or ends[e - 1] - starts[e - 1] == 1
            or "-" in last and last.rpartition("-")[2] in g.hyphen_actor
        ):
            continue
        last_raw = text[starts[e - 1] : ends[e - 1] - poss[e - 1]]
        if n == 1 and initial and last in org_suffixes:
            # "Police shut down the streets", "News of the call": capitalised only as the
            # sentence's first word, an organisation word names none.
            if non_initial is None:
                non_initial = {norm[s2] for s2, e2, _, i2 in runs if not i2 and e2 - s2 == 1}
            if last not in non_initial:
                continue
        if last_raw.lower() in org_suffixes or n >= 3 and (norm[s] in org_heads and norm[s + 1] in joiners or _org_of(norm, s, e, org_suffixes)):
            kind = "organisation"
        elif n == 1 and not last_raw[1:].islower() and (last_raw.isupper() and last_raw.isalpha() and 2 <= len(last_raw) <= 6 or _camel(last_raw)) and not _handle(art, s):
            # (a lower-case tail, as in most words, makes neither an acronym nor "WikiLeaks")
            if initial:
                if non_initial is None:  # (only one-word runs can equal this one)
                    non_initial = {norm[s2] for s2, e2, _, i2 in runs if not i2 and e2 - s2 == 1}
                if norm[s] not in non_initial:
                    continue
            kind = "organisation"
        elif 2 <= n <= 5 and _org_evidence(art, s, e, stoks[si]):
            kind = "organisation"
            org_names.add(tuple(norm[s:e]))
        elif 2 <= n <= 5:  # (every token of a run is capitalised, a joiner or an initial's period)
            if last in places and norm[s] not in given:
                continue  # a place after no first name: the "House Benghazi" committee, "Midtown Manhattan"
            words = tuple(norm[s:e])
            a, b = stoks[si]
            # (the cheap set lookups before the calls: most runs have no title, role or apposition)
            p = s - 2 if s - 1 > a and low[s - 1] == "." and ends[s - 2] == starts[s - 1] else s - 1  # back over an abbreviation's period
            if not (
                (p >= a and (norm[p] in honorifics or norm[p] in roles_by_last and _prev_role(art, p, a) is not None))
                or words[-1] in name_suffixes
                or words[-1] in alone_words
                or " ".join(words) in source_names
                or e < b and low[e] == "," and _apposition_role(art, e, b) is not None
                or words[0] in given and _given_name(art, s, e, initial)
            ):
                unproven.append((s, e, si, initial))
                continue
            kind = "person"
            key = (words[0], words[-1])
            aid = by_first_last.get(key) or slug(text[starts[s] : ends[e - 1] - poss[e - 1]])
            by_first_last.setdefault(key, aid)
            if words[-1] in name_suffixes:
                pass  # "Trump" alone after "Donald Trump Jr." is no surname of his: left to the gazetteer
            elif surname_of.get(words[-1], aid) != aid:
                surname_of[words[-1]] = None  # two people share it: a bare surname stays unresolved
            else:
                surname_of[words[-1]] = aid
        elif n == 1:
            if norm[s] in taken_surnames:
                continue
            kind = None
        else:
            continue
        plan.append((s, e, si, kind, initial))
    if org_names:
        # An organisation named with evidence once is the same organisation elsewhere.
        plan.extend((s, e, si, "organisation", initial) for s, e, si, initial in unproven if tuple(norm[s:e]) in org_names)
        plan.sort(key=itemgetter(0))

    mentions: list[_Mention] = []
    for s, e, si, kind, initial in plan:
        end = ends[e - 1] - poss[e - 1]
        if kind is None:
            # A bare surname: the person named in full, else a person of its own with a
            # title, a role, an apposition with a role, or when cited as a source ("Comey said").
            w = norm[s]
            aid = surname_of.get(w)
            if aid:
                mentions.append(_Mention(aid, starts[s], end, s, e, si, SHORT))
                continue
            if w in surname_of:
                continue
            if not w.isalpha() and (any(map(str.isdigit, w)) or w[1:2] == "-" and w[:1] in "rdi" or w.rpartition("-")[2] in g.hyphen_actor):
                continue  # a code ("EB-5"), a party-state tag ("R-Texas"), a describing compound
            a, b = stoks[si]
            p = s - 2 if s - 1 > a and low[s - 1] == "." and ends[s - 2] == starts[s - 1] else s - 1  # back over an abbreviation's period
            if p >= a and (norm[p] == "of" or norm[p] in g.locatives):
                continue  # a place: "Senator Ed Lee of Ohio, the chairman", "Ms. Rice in Kabul"
            if p >= a and norm[p] in honorifics:
                pass
            elif not (
                (p >= a and not initial and norm[p] in roles_by_last and _prev_role(art, p, a) is not None)
                or w in source_names
                or e < b and low[e] == "," and _apposition_role(art, e, b) is not None
            ):
                continue
            kind = "person"
            aid = slug(text[starts[s] : end])
        elif kind == "person":
            aid = by_first_last[(norm[s], norm[e - 1])]
        else:
            aid = slug(text[starts[s] : end])
        if not aid or (aid in g.actors and g.actors[aid].kind != kind):
            continue
        if aid not in actors:
            actors[aid] = _new_actor(aid, text[starts[s] : end], kind)
        mentions.append(_Mention(aid, starts[s], end, s, e, si, NAME))
    return actors, mentions, {w: aid for w, aid in surname_of.items() if aid}


_DETERMINERS = frozenset(("the", "a", "an"))
_TITLE_CHARS = 42  # "“The Late Show with Stephen Colbert”" fits; most speech does not
_LOWER_WORD = re.compile(r"(?<![\w’'])[a-z][\w’'-]*")


def _quoted_titles(art: _Article) -> set[int]:
    """Tokens of quotations made of capitalised and function words only, titles ("“Charlie
    Rose”", "“Fox and Friends”", "“Meet the Press.”"): a show or book, not its namesake."""
    seg, fw = art.seg, art.g.function_words
    text = seg.text
    out: set[int] = set()
    for qs, qe in seg.quotes:
        # (string tests first: most quotations are speech, longer or with a lower-case word)
        if qe - qs > _TITLE_CHARS:
            continue
        ch = text[qs + 1]
        if not (ch.isupper() or ch == "'" and qs + 2 < qe and text[qs + 2].isupper()):
            continue
        if any(m.group(0) not in fw for m in _LOWER_WORD.finditer(text, qs, qe)):
            continue
        i, j = bisect_right(art.starts, qs), bisect_left(art.starts, qe - 1)  # tokens inside the quote marks
        out.update(t for t in range(i, j) if seg.is_word[t])
    return out


def _given_name(art: _Article, s: int, e: int, initial: bool) -> bool:
    """A run of two or three capitalised words opened by a first name ("Glenn Beck",
    "Mary K. Ortiz") is a person, unless its last word names a place or thing ("Jordan
    River" never gets here: Jordan is no first name; "Glenn Abbey Park" ends in a place)."""
    g, norm, low = art.g, art.norm, art.low
    if initial and norm[s] in g.given_common:
        return False  # "Mark" opening a sentence may be the verb
    n = 0
    for t in range(s, e):
        if low[t] == ".":
            continue
        if not art.cap[t] or art.poss[t] and t < e - 1 or norm[t] in g.lead_skip and t > s:
            return False  # a joiner ("Ted Cruz of Texas"), an inner possessive or "The"
        n += 1
    last = norm[e - 1]
    if not 2 <= n <= 3 or art.ends[e - 1] - art.starts[e - 1] - art.poss[e - 1] < 2:
        return False  # (not cut at an initial: "John F.")
    return not (last in g.place_nouns or last in g.not_names or last in g.org_nouns or not last.replace("-", "").replace("'", "").isalpha())


# Punctuation and function words that end an apposition; the participles that do are
# the cue apposition_verbs (Gazetteer.apposition_end holds both).
_APPOSITION_END = frozenset(", . ; ) — – that which who whose of in with".split())


def _org_evidence(art: _Article, s: int, e: int, sentence: tuple[int, int]) -> bool:
    """A common noun for an organisation right before the name ("advocacy group Secure
    America Now") or heading an apposition after it ("Secure America Now, a nonprofit")."""
    a, b = sentence
    org_nouns, norm, cap, end = art.g.org_nouns, art.norm, art.cap, art.g.apposition_end
    if s > a and norm[s - 1] in org_nouns and not cap[s - 1]:
        return True
    if e + 2 < b and art.low[e] == "," and norm[e + 1] in ("a", "an", "the"):
        for t in range(e + 2, min(b, e + 8)):
            if art.low[t] in _STOP_PUNCT or norm[t] in end:
                return False  # the head comes first: "X, the head of an Ohio company" is no company
            if norm[t] in org_nouns and not cap[t] and (t + 1 >= b or art.low[t + 1] in end):
                return True
    return False


def _resolve_shorts(art: _Article, shorts: list[_Mention], mentions: list[_Mention], surname_of: Mapping[str, str]) -> list[_Mention]:
    """A short form ("Kim", "Putin") goes to the owner named most recently before it, else
    to the first named after it, else to its default owner; with none of these it is dropped.
    Owners are the lexicon actors that list the form and a discovered person of that surname."""
    if not shorts:
        return []
    named: dict[str, list[int]] = defaultdict(list)
    for m in mentions:
        named[m.actor].append(m.start)
    for starts in named.values():
        starts.sort()  # (mentions are not all in text order yet): one bisect per owner below
    out = []
    for s in shorts:
        key = s.words or tuple(art.norm[s.first : s.last])
        owners = list(art.g.short_owners.get(key, (s.actor,)))
        if len(key) == 1 and key[0] in surname_of:
            owners.append(surname_of[key[0]])
        owners = [aid for aid in owners if aid in named]
        if owners:
            # The latest (start, owner) before the short form, else the first of all.
            best = None
            for aid in owners:
                starts = named[aid]
                i = bisect_left(starts, s.start)
                if i and (best is None or (starts[i - 1], aid) > best):
                    best = (starts[i - 1], aid)
            aid = best[1] if best is not None else min((named[aid][0], aid) for aid in owners)[1]
        else:
            aid = art.g.short_default.get(key)
            if aid is None:
                continue
        out.append(_Mention(aid, s.start, s.end, s.first, s.last, s.sentence, SHORT))
    return out


_ROLE_PP = frozenset("of to for at in with from on".split())


def _apposition_role(art: _Article, e: int, b: int) -> tuple[int, int, tuple[str, ...]] | None:
    """After a name, ", the country's leader," -> (first, last+1, role words) of the head."""
    g = art.g
    if e >= b or art.low[e] != ",":
        return None
    k = e + 1
    if k >= b:
        return None
    first = art.norm[k]
    if not (first in ("the", "a", "an", "his", "her", "their", "its") or first in g.label_skip or art.cap[k] or _longest_role_at(art, k, b)):
        return None
    j = k
    while j < b and j - k < 10 and art.low[j] not in _STOP_PUNCT:
        j += 1
    if j - k >= 10 or j == k:
        return None
    end_ok = j >= b or art.low[j] in (",", ".", ")", ";", "—", "–", "!", "?")
    if not end_ok:
        return None
    # The head is the last role of the phrase, at its end or before "of"/"to"/"for".
    for t in range(j - 1, k - 1, -1):
        r = _prev_role(art, t, k)
        if r is not None and (t == j - 1 or art.norm[t + 1] in _ROLE_PP):
            return r[0], t + 1, r[1]
    return None


def _role_label(g: Gazetteer, words: tuple[str, ...]) -> str:
    label = " ".join(words)
    return g.label_forms.get(label, label)


def _country_descriptions(art: _Article, content: Content, mentions: list[_Mention], actors: Mapping[str, ActorDef]):
    """Country labels: an apposition ("North Korea, the reclusive state,") or a definite
    description right after the country was named, when no other country is in reach."""
    seg = art.seg
    out = []
    by_sentence: dict[int, list[_Mention]] = defaultdict(list)
    for m in mentions:
        if actors[m.actor].kind == "country":
            by_sentence[m.sentence].append(m)
    if not by_sentence:
        return out
    order = content.sentences
    ids_of = {si: {m.actor for m in ms} for si, ms in by_sentence.items()}
    # Only a sentence that names a country, or follows one within two, can hold a label:
    # their positions from the naming sentences' (content sentences are in text order).
    near: set[int] = set()
    for si in by_sentence:
        n = bisect_left(order, si)
        if n < len(order) and order[n] == si:  # (always, as mentions are in content sentences)
            near.update((n, n + 1, n + 2))
    for n in sorted(near):
        if n >= len(order):
            continue
        si = order[n]
        a, b = seg.sentence_tokens[si]
        here = by_sentence.get(si, [])
        # Apposition after a country mention.
        for m in here:
            np = _description(art, m.last + 1, b) if m.last < b and art.low[m.last] == "," else None
            if np is not None:
                s, e, label = np
                if e >= b or art.low[e] in (",", ".", ";", "—", "–"):
                    out.append((m.actor, art.starts[s], art.ends[e - 1], label))
        # "the X" right after naming: the last sentence (of the two before) that names a
        # country names exactly one.
        prev_ids: set[str] = set()
        for p in reversed(order[max(0, n - 2) : n]):
            prev_ids = ids_of.get(p) or set()
            if prev_ids:
                break
        if len(prev_ids) == 1:
            # Only before the sentence names a country itself.
            stop = here[0].first if here else b  # mentions are in text order
            j = a
            while True:
                try:
                    j = art.norm.index("the", j, stop)
                except ValueError:
                    break
                np = _description(art, j, b)
                if np is not None:
                    s, e, label = np
                    out.append((next(iter(prev_ids)), art.starts[s], art.ends[e - 1], label))
                    break
                j += 1
    return out



_BARE_DET = frozenset("the this that a an".split())
# Before a label and a name, these open a relative clause, never a title: "every dictator Putin met".
_INDEFINITE = frozenset("a an every any each no another".split())
_LABEL_OF = frozenset("of in".split())
_DISTANCED = frozenset("so-called self-styled self-described".split())
# A copula between a name and its label: "Veyk is a dictator", "Halvaria remains a pariah".
_LABEL_COPULA = frozenset("is was remains remained became becomes".split())


def _loaded_labels(art: _Article, words, mentions: list[_Mention], actors: Mapping[str, ActorDef], found) -> list[tuple[str, int, int, str]]:
    """Loaded labels (lexicons/loaded_labels.tsv) in the reporter's voice, attached to the
    actor their phrase names: right before or after a mention ("the Veyk regime", "Veyk's
    regime", "thug Veyk", "the regime of X"), or in an apposition either side ("X, the
    regime,", "his mouthpiece, X,"), or as its predicate ("X is a dictator"); a label for a servant ("henchmen", "puppet": `serves` in
    the list's extra column) only to a name after it or in apposition. A bare singular "the
    regime" / "a dictator" goes to the actor the text last tied that label to (for a person
    label such as "dictator", any person label: "strongman X ... a dictator"); with no tie it
    stays unattached."""
    seg, norm, low, starts, ends, poss, cap = art.seg, art.norm, art.low, art.starts, art.ends, art.poss, art.cap
    roles = art.g.roles
    out: list[tuple[str, int, int, str]] = []
    # Tokens that can open a label, found in one pass in C: most articles have none. Neutral
    # phrases ("sanctions regime", "tax regime") are looked for only around a hit.
    opens, neutral_max = _label_words(words)
    hits = list(compress(range(len(norm)), map(opens.__contains__, norm)))
    if not hits:
        return out
    by_first = {m.first: m for m in mentions}
    by_last = {m.last - 1: m for m in mentions}
    have = {(s, e) for _, s, e, _ in found}
    # Labels the role rules already attached ("dictator Kim Jong Un") set the ties too.
    role_at = {s: (aid, lab) for aid, s, _, lab in found}
    tie: dict[str, str] = {}
    tie_person: str | None = None
    sents = art.content.sentences
    sent_starts = [seg.sentence_tokens[si][0] for si in sents]
    nxt = 0
    for h in hits:
        if h < nxt:
            continue  # inside the previous match
        n = bisect_right(sent_starts, h) - 1
        if n < 0:
            continue
        a, b = seg.sentence_tokens[sents[n]]
        if h >= b:
            continue  # not in a content sentence
        # The longest match at or before the hit wins, as in WordList.find_all.
        entry = None
        for k in range(max(a, h - neutral_max + 1, nxt), h + 1):
            e = words.match(norm, k) if norm[k] in words.by_first_word else None
            if e is not None and k + len(e.words) > h:
                h, entry = k, e
                break
        if entry is None or h + len(entry.words) > b:
            continue
        i, j = h, h + len(entry.words)
        nxt = j
        if entry.category == "neutral":
            continue
        start, end = starts[i], ends[j - 1] - poss[j - 1]
        term = entry.term
        person = (term,) in roles
        known = role_at.get(start)
        if known is not None or any(s <= start < e for s, e in have):
            if known is not None:
                tie[term] = known[0]
                if person and actors[known[0]].kind == "person":
                    tie_person = known[0]
            continue
        # Quoted, or distanced ("the so-called Putin regime"): not the outlet's own label.
        if seg.in_quote(start) or any(norm[t] in _DISTANCED for t in range(max(a, i - 4), i)):
            continue
        # A label for one who serves another ("Veyk's henchmen", "a puppet of Merrow") names
        # someone else than the actor before it or after "of": only a name after it or in
        # apposition is the one labelled ("mouthpiece Piet Varga").
        serves = "serves" in entry.extra
        m = by_last.get(i - 1) if i > a and not serves else None  # "the Veyk regime", "Veyk's regime"
        if m is None and j < b:
            m = by_first.get(j)  # "thug Veyk"
            if m is not None and i > a and norm[i - 1] in _INDEFINITE:
                m = None  # no title: a relative clause whose subject the name is ("every thug Veyk hired")
        if m is None and not serves and j + 1 < b and norm[j] in _LABEL_OF and not poss[j - 1]:
            m = by_first.get(j + 1)  # "the regime of Veyk", "the regime in Merrow"
            if m is not None and person != (actors[m.actor].kind == "person"):
                m = None  # "the strongman of Merrow" names a person of that country, not it
        if m is None and i - 2 > a and norm[i - 1] in _BARE_DET and low[i - 2] == ",":
            m = by_last.get(i - 3)  # "Veyk, the dictator,"
            if m is not None and not (j >= b or low[j] in (",", ".", ";", ")", "—", "–")):
                m = None
        if m is None and j + 1 < b and low[j] == "," and i > a and (norm[i - 1] in _BARE_DET or norm[i - 1] in ("his", "her", "its", "their")):
            m = by_first.get(j + 1)  # "his mouthpiece, Piet Varga,"
            if m is not None and not (m.last >= b or low[m.last] in (",", ".", ";", ")", "—", "–")):
                m = None
        # The determiner of a bare label, over one describing word ("a ruthless dictator",
        # "the current regime"); -1 when none.
        d = i - 1
        if d > a and not cap[d] and not poss[d] and norm[d] not in _BARE_DET and norm[d - 1] in _BARE_DET and art.alpha[d]:
            d -= 1
        det = d if d >= a and norm[d] in _BARE_DET else -1
        if m is None and det - 2 >= a and norm[det - 1] in _LABEL_COPULA:
            # The label as predicate: "Veyk is a dictator", "Veyk was a ruthless strongman";
            # "is not a dictator" says the opposite and matches nothing.
            m = by_last.get(det - 2)
            if m is not None and person and actors[m.actor].kind != "person":
                m = None  # "the country is a dictator" is no reading of a person label
        if m is not None and m.start > 0 and seg.text[m.start - 1] == "-":
            m = None  # "an anti-Trump firebrand" is no label of Trump
        if m is not None:
            aid = m.actor
        else:
            # A bare singular label ("the regime", "a dictator", "the current regime").
            if det < 0 or _plural_label(term, words):
                continue
            aid = tie.get(term) or (tie_person if person else None)
            if aid is None:
                continue
        out.append((aid, start, end, term))
        tie[term] = aid
        if person and actors[aid].kind == "person":
            tie_person = aid
    return out


_LABEL_WORDS: dict[int, tuple[Any, frozenset[str], int]] = {}


def _label_words(words) -> tuple[frozenset[str], int]:
    """First words of the non-neutral entries of loaded_labels, and the longest entry's length."""
    got = _LABEL_WORDS.get(id(words))
    if got is None or got[0] is not words:
        es = words.entries.values()
        got = _LABEL_WORDS[id(words)] = (words, frozenset(e.words[0] for e in es if e.category != "neutral"), max((len(e.words) for e in es), default=1))
    return got[1], got[2]


def _plural_label(term: str, words) -> bool:
    """ "regimes", "cronies", "strongmen": the plural of another entry (no one actor)."""
    e = words.entries
    return (term.endswith("s") and term[:-1] in e) or (term.endswith("ies") and term[:-3] + "y" in e) or (term.endswith("men") and term[:-3] + "man" in e)


_AFTER_HEAD = frozenset("has have had is was were are will would could can may might must should".split())


def _description(art: _Article, j: int, b: int) -> tuple[int, int, str] | None:
    """A definite noun phrase with a country noun head and at least one describing word."""
    g = art.g
    if j >= b or art.norm[j] != "the":
        return None
    k = j + 1
    while k < b and k - j <= 4 and art.norm[k] not in g.country_nouns:
        skip = art.norm[k] in g.label_skip or art.poss[k]
        if art.cap[k] or not art.alpha[k] or (art.norm[k] in g.function_words and not skip) or art.norm[k] in _AFTER_HEAD:
            return None
        k += 1
    if k >= b or art.norm[k] not in g.country_nouns or art.cap[k] or art.poss[k]:
        return None
    if k + 1 < b and art.norm[k + 1] in g.compound_after:
        return None
    words = [art.norm[t] for t in range(j, k + 1) if art.norm[t] not in g.label_skip and not art.poss[t]]
    if len(words) < 2:
        return None
    return j, k + 1, " ".join(words)


def _span(seg, kind: str, start: int, end: int, label: str, rule: str, score: float | None, note: str, voice: str) -> Span:
    # Built here rather than with Content.span: an article has dozens of mentions.
    line, col = seg.line_col(start)
    return new_span(kind, start, end, seg.text[start:end], label, line, col, voice, rule, score, note)


def _aggregate(content: Content, lex: Lexicons, mentions: list[_Mention], labels, actors: Mapping[str, ActorDef], attributions: Sequence[Attribution], art: _Article) -> ActorsOutput:
    seg = content.seg
    scores, polarities = sentiment.scores_and_polarities(content, lex, [(m.start, m.end) for m in mentions]) if mentions else ([], [])
    block_starts: list[int] = []
    # Attributions by block, built on first need: only a quoted mention in a sentence
    # without an attribution looks there.
    by_block: dict[int, list[Attribution]] | None = None

    # One pass over the attributions: by sentence, and who each cites (keyed by id(),
    # as an actor id when the source is a known actor), counted per actor.
    by_sentence: dict[int, list[Attribution]] = {}
    source_actor: dict[int, str] = {}
    # Mention start -> the attributions whose source is that mention and voices the
    # sentence: not a wish or a perception ("Putin has decided to", "the data showed": the
    # reporter's words about the actor).
    voiced_by: dict[int, set[int]] = {}
    by_name: set[int] = set()  # speaking attributions whose source is no mention but has a name ("who")
    quoted: dict[str, int] = {}
    mention_starts = [m.start for m in mentions]
    g = art.g
    bare_distancing: set[int] = set()  # sentences with a sourceless "allegedly" or "so-called"
    for at in attributions:
        same = by_sentence.get(at.sentence)
        if same is None:
            by_sentence[at.sentence] = [at]
        else:
            same.append(at)
        if at.distancing and at.source is None and not at.source_name:
            bare_distancing.add(at.sentence)
        aid = None
        src = at.source
        quiet = at.cue.label in g.not_speech
        if src is not None:
            # Mentions are sorted and never overlap: the last one starting before the
            # source ends overlaps it if any does (and names the source's actor).
            i = bisect_left(mention_starts, src.end) - 1
            if i >= 0 and mentions[i].end > src.start:
                aid = mentions[i].actor
                if not quiet:
                    # Every mention the source covers speaks ("Russia and Ukraine said").
                    while i >= 0 and mentions[i].end > src.start:
                        voiced_by.setdefault(mentions[i].start, set()).add(id(at))
                        i -= 1
        name = at.source_name
        if aid is None and name:
            if not quiet:
                by_name.add(id(at))
            aid = _resolve_name(g, name, actors) or None
        if aid is not None:
            source_actor[id(at)] = aid
            quoted[aid] = quoted.get(aid, 0) + 1
    # A sourceless distancing adverb voices no one: the speaker of its sentence is the
    # source of another cue there ("X allegedly did it, according to two people").
    for si in bare_distancing:
        ats = by_sentence[si]
        if len(ats) > 1:
            kept = [at for at in ats if not (at.distancing and at.source is None and not at.source_name)]
            if kept:
                by_sentence[si] = kept

    spans: list[Span] = []
    per: dict[str, dict] = {}
    # Mentions are sorted by start: walk the line starts and the quotes alongside
    # instead of a bisect per mention (as Content.voice and Segmentation.line_col do).
    text = seg.text
    line_starts = seg._line_starts
    quotes = seg.quotes
    nl, nq = len(line_starts), len(quotes)
    li = qi = 0
    speaker_of: dict[int, str] = {}  # id(attribution) -> speaker name, computed once
    for m, score, polarity in zip(mentions, scores, polarities):
        aid = m.actor
        st, en = m.start, m.end
        while li + 1 < nl and line_starts[li + 1] <= st:
            li += 1
        while qi < nq and quotes[qi][1] <= st:
            qi += 1
        in_quote = qi < nq and quotes[qi][0] <= st
        row = per.get(aid)
        if row is None:
            # scores, polarities, reporter scores, quoted scores, by speaker, labels, speaking
            row = per[aid] = [[], [], [], [], {}, [], 0]
        cands = by_sentence.get(m.sentence)
        if not cands and in_quote:
            if by_block is None:
                block_starts = [s for s, _ in seg.blocks]
                by_block = defaultdict(list)
                for at in attributions:
                    by_block[bisect_right(block_starts, at.cue.start) - 1].append(at)
            cands = by_block.get(bisect_right(block_starts, st) - 1)
        speaker = "reporter"
        if cands:
            at = cands[0]
            if len(cands) > 1:
                # The nearest cue, the first of equals (as min() picks), without a key function.
                best = abs(at.cue.start - st)
                for x in cands:
                    d = abs(x.cue.start - st)
                    if d < best:
                        at, best = x, d
            # Speaking: the mention is the source of an attribution of its sentence ("...,"
            # said Tom Reyes), or the nearest one's source is no mention but names the
            # actor ("Reyes, who said"; not when another mention of the actor is the source:
            # "Smith said the council had wronged Smith").
            voices = voiced_by.get(st)
            speaking = voices is not None and any(id(x) in voices for x in cands)
            key = id(at)
            if not speaking and key in by_name:
                speaking = source_actor.get(key) == aid or at.source_name == actors[aid].name or at.source_name == text[st:en]
            if speaking:
                speaker = None
            else:
                speaker = speaker_of.get(key)
                if speaker is None:
                    speaker = speaker_of[key] = _speaker_name(at, source_actor.get(key), actors)
        # new_span inlined (same instance): one call less for each of dozens of mentions
        sp = new_obj(Span)
        sp.__dict__.update(kind=ACTOR, start=st, end=en, text=text[st:en], label=aid, line=li + 1, col=st - line_starts[li] + 1, voice=(SPEAKER if speaker is None else QUOTED if in_quote else REPORTER), rule=RULE_MENTION, score=score, note=actors[aid].name)
        spans.append(sp)
        if speaker is None:
            # The actor's own words: their tone is not the tone toward the actor.
            row[6] += 1
            continue
        row[0].append(score)
        row[1].append(polarity)
        row[3 if in_quote else 2].append(score)
        by = row[4].get(speaker)
        if by is None:
            row[4][speaker] = [score]
        else:
            by.append(score)
    for aid, start, end, label in labels:
        if aid in per:
            spans.append(_span(seg, LABEL, start, end, label, RULE_LABEL, None, aid, content.voice(start)))
            if label not in per[aid][5]:
                per[aid][5].append(label)

    total = len(mentions)
    results = []
    for aid, (xs, pol, rep, quo, by_speaker, row_labels, speaking) in per.items():
        d = actors[aid]
        k = len(xs)
        n = k + speaking
        mean = sum(xs) / k if k else None
        # new_frozen inlined: the fields go into the instance dict without a copy
        r = new_obj(ActorResult)
        r.__dict__.update(
            id=aid,
            name=d.name,
            kind=d.kind,
            mentions=n,
            mention_share=n / total,
            sentiment_mean=mean,
            sentiment_std=(math.sqrt(max(0.0, sum(map(mul, xs, xs)) / k - mean * mean)) if k > 1 else 0.0) if k else None,  # (0.0: what the formula gives for one)
            sentiment_count=k,
            negative_share=pol.count("neg") / k if k else None,
            positive_share=pol.count("pos") / k if k else None,
            reporter_sentiment=sum(rep) / len(rep) if rep else None,
            quoted_sentiment=sum(quo) / len(quo) if quo else None,
            quoted_as_source=quoted.get(aid, 0),
            labels=tuple(row_labels),
            by_speaker={s: sum(v) / len(v) for s, v in by_speaker.items()} if by_speaker else {},
            speaking_mentions=speaking,
        )
        results.append(r)
    results.sort(key=lambda r: (-r.mentions, r.id))
    metrics = {
        "actors": len(results),
        "actor_mentions": total,
        "top_actor_share": results[0].mention_share if results else 0.0,
        "actor_labels": sum(len(r.labels) for r in results),
    }
    # Mention spans are already in (start, end) order and all of one kind; labels need the sort.
    if len(spans) > len(mentions):
        spans.sort(key=_SPAN_ORDER)
    return ActorsOutput(spans=tuple(spans), metrics=metrics, actors=tuple(results))


def _speaker_name(at: Attribution, actor: str | None, actors: Mapping[str, ActorDef]) -> str:
    """How ``by_speaker`` names the source of an attribution."""
    if actor:
        return actors[actor].name
    label = getattr(at, "source_label", "") or ""
    if at.source_type == "anonymous":
        return at.source_name or "anonymous"
    if at.source_name and label in ("", "named", "pronoun", "document", "vague"):
        return at.source_name
    return "reporter"


_NAMES: dict[tuple[int, str], str | None] = {}


def _resolve_name(g: Gazetteer, name: str, actors: Mapping[str, ActorDef]) -> str | None:
    """The actor a source name refers to ("Russian President Vladimir Putin" -> vladimir-putin)."""
    sid = slug(name)
    if sid in actors:
        return sid
    key = (id(g), name)
    if key not in _NAMES:
        if len(_NAMES) > 50_000:
            _NAMES.clear()
        _NAMES[key] = _resolve_known(g, name)
    return _NAMES[key]


def _resolve_known(g: Gazetteer, name: str) -> str | None:
    words = [_POSSESSIVE.sub("", _norm(w)) if len(w) > 2 else _norm(w) for w in tokenize_term(name)]
    best: tuple[int, int, str] | None = None
    for i, w in enumerate(words):
        for f in g.index.get(w, ()):
            n = len(f.words)
            if tuple(words[i : i + n]) == f.words and f.type not in (DEMONYM, DEMONYM_PL, SHORT):
                key = (_TYPE_RANK[f.type], -n, f.actor)
                if best is None or key < best:
                    best = key
    return best[2] if best is not None else None


def corpus_actor_ids(actors: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """Join the people that separate articles named differently: ``{id: corpus id}``.

    Each article merges its own mentions; across articles, a person found under a bare
    surname in one ("Hallberg") and in full in another ("Erik Hallberg") would stay two
    actors. Here a one-word person name joins the single full name ending in that word
    (never when two full names share it), and full names that share first and last word
    ("Hillary Clinton", "Hillary Rodham Clinton") join the most mentioned form. ``actors``
    are actor records (``to_dict()`` form) from any number of articles.
    """
    names: dict[str, str] = {}
    mentions: dict[str, int] = defaultdict(int)
    for a in actors:
        if a.get("kind") != "person" or not a.get("id"):
            continue
        aid = str(a["id"])
        names.setdefault(aid, str(a.get("name") or aid))
        mentions[aid] += int(a.get("mentions") or 0)

    def words(name: str) -> list[str]:
        return [_norm(w).lower().removesuffix("'s") for w in name.replace("-", " ").split()]

    by_first_last: dict[tuple[str, str], list[str]] = defaultdict(list)
    for aid, name in names.items():
        w = words(name)
        if len(w) >= 2:
            by_first_last[(w[0], w[-1])].append(aid)
    mapping: dict[str, str] = {}
    for group in by_first_last.values():
        if len(group) > 1:
            keep = max(group, key=lambda i: (mentions[i], -len(names[i]), i))
            mapping.update({i: keep for i in group if i != keep})
    by_last: dict[str, set[str]] = defaultdict(set)
    for (_, last), group in by_first_last.items():
        by_last[last].update(mapping.get(i, i) for i in group)
    for aid, name in names.items():
        w = words(name)
        if len(w) == 1 and len(by_last.get(w[0], ())) == 1:
            (target,) = by_last[w[0]]
            if target != aid:
                mapping[aid] = target
    return mapping
