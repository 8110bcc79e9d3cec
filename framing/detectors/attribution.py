"""Attribution: reporting cues, who they cite, and whether the quote is direct.

A cue is a reporting, stance, belief, perception or intention verb in any form
("said", "warns", "believed"), "according to", or a hearsay adverb ("reportedly",
"allegedly"); the word lists are ``lexicons/attribution_cues.tsv``. Any word between "be"
and "about"/"that" after a person-like subject is a stance cue too ("critics are uneasy
about"). Cues inside quotation marks belong to the quoted speaker and are skipped. Each
cue's source is found on the tokens around it, in this order:

1. the subject to the left, skipping auxiliaries and adverbs ("he has also said"),
   a comma-bounded apposition or relative clause ("Smith, a spokesman, said");
2. the agent to the right of an inverted verb ('..." said Smith') or after
   "according to";
3. for a participle or a coordinated verb ("..., adding", "and said"), the source
   of the previous cue in the sentence.

Sources are named (a capitalised name, or a definite description such as "the
ministry"), anonymous ("officials", "a senior official who spoke on condition of
anonymity"), vague groups ("critics", "experts"), or pronouns, resolved to the
last named person or group when one is close enough. Hearsay adverbs and
agentless phrases ("it is believed") have no source: unsourced.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import compress

from ..lexicon import Entry, Lexicons, per_lexicon
from ..model import ATTRIBUTION_CUE, ATTRIBUTION_SOURCE, QUOTED, REPORTER, DetectorOutput, Span
from ..segment import Content, char_flags

NAMED, ANONYMOUS, UNSOURCED = "named", "anonymous", "unsourced"
DISTANCING = "distancing"
HEARSAY = "hearsay"

# A pronoun is resolved only to a source named at most this many sentences back.
_RESOLVE_WINDOW = 4
# Longest apposition or relative clause skipped between a subject and its verb, in tokens.
_CLAUSE_MAX = 40
_NP_MAX = 6
# Belief, perception and intention verbs are cues mostly in finite clauses with a third-person subject.
_WEAK = frozenset({"belief", "perception", "intention"})
# "'" too: some wires write quotes as two apostrophes (''Yes,'' he said).
_CLOSE_QUOTES = frozenset("”’\"»'")
_OPEN_QUOTES = frozenset("“‘\"«'")
# The tokens that end before_clause's walk back or change its course.
_CLAUSE_STOPS = _CLOSE_QUOTES | _OPEN_QUOTES | frozenset({".", ":", ";", ","})
_TIME_PREPS = frozenset({"on", "in"})  # "on Thursday", "in March"
# A finite verb never follows these directly.
_PREPOSITIONS = frozenset({"of", "in", "on", "at", "for", "with", "from", "into", "during", "between", "through", "without", "within", "among"})
# Quote marks are no boundary: 'Smith said "it hurts" every time he thinks of it' is one report.
_CLAUSE_OPENERS = frozenset({",", ";", ":", "and", "but"})
_AND_BUT = frozenset({"and", "but"})
# A cue right after these opens an adverbial clause of its own inside earlier content: '"Yes,"
# she said when asked whether ...', "... by saying that ...".
_SUBORDINATORS = frozenset({"when", "before", "after", "by"})
# A phrase opened by "no" names nobody: "no specific steps were disclosed".
_NEG_DET = frozenset({"no"})
# Forms of "be" that make a following participle passive: its subject is not the source.
# A "be" form that makes an -ing form a finite verb: "she is hoping".
_PROGRESSIVE = frozenset({"is", "are", "was", "were", "am"})
# "she's hoping", "they're expecting": a pronoun with a contracted "be".
_BE_CONTRACTIONS = ("'s", "’s", "'re", "’re", "'m", "’m")
_BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "isn't", "aren't", "wasn't", "weren't"})
# Irregular participles that do not end in -ed/-en.
_PARTICIPLES = frozenset({"told", "said", "heard", "felt", "meant", "thought", "taught", "sought", "led", "understood", "shown", "found", "sworn"})
# Prepositions that attach a phrase to the source before it: "officials in Merrow", "a spokesman for the ministry".
_PP = frozenset({"of", "with", "in", "at", "for", "from", "on", "about", "near", "inside", "within", "to"})
# Prepositions whose object is never the subject of the verb after it: "a visit to Vietnam
# signals", "talks between Russia and Ukraine highlight" (the visit, the talks).
_PP_HEAD = _PP | {"between", "like", "toward", "towards", "against", "among", "amid", "into", "across"}
# After these a noun that heads no source leaves the verb without one ("a trip to Sarn"); after
# "of", "in", "about"... the phrase often is the subject ("voters in Ohio", "about Dorn calling").
_PP_NO_SUBJECT = _PP_HEAD - _PP | {"to"}
# Adjectives between a source and its prepositional phrase: "people familiar with", "sources close to".
_PP_ADJ = frozenset({"familiar", "close", "involved", "knowledgeable", "briefed", "loyal", "opposed", "allied", "connected", "aligned", "affiliated", "present"})
# Suffixes of abstract nouns that head no bare source ("address", "movement", "tension"...).
_ABSTRACT_SUFFIXES = ("ment", "ments", "sion", "sions", "ism", "isms", "ity", "ure", "ures", "ness", "ance", "ence", "tion", "tions")
# What follows a stance noun that is a cue: "criticism of", "concern that", "praise for".
_NOUN_PREP = frozenset({"of", "about", "over", "against", "that", "for", "from", "by", "to", "toward", "towards", "on"})
# Possessive determiners name the holder of a stance noun ("his criticism"): the pronoun they stand for.
_POSSESSIVE = {"his": "he", "her": "she", "their": "they", "its": "it", "our": "we", "my": "i"}
_SENT_END = frozenset({".", "!", "?"})
# Participles that name something after an indefinite noun: "a company called Sansun".
_NAMING = frozenset({"called", "named", "dubbed", "titled", "entitled"})
# Forms of "say" that idioms use ("let's say", "That said,", "so to speak").
_SAY = frozenset({"say", "said", "saying", "speak"})
_AGENT_END = frozenset({".", "!", "?", ",", ";", ":", "(", "-", "—", "–"})
# Words that open an apposition besides articles and capitals: "Ted Cruz, also a candidate, said".
_APPOSITION_OPENERS = frozenset({"also", "now", "then", "once", "formerly", "himself", "herself"})
# Words that open an object clause after a noun-verb form ("shows he ...", "shows why ...").
_CLAUSE_START = frozenset({"that", "he", "she", "they", "why", "how", "what", "where", "who", "whether", "a", "an"})
# Number words above five (the lower ones are in the indefinite list): "six in 10 said".
_NUMBER_WORDS = frozenset({"six", "seven", "eight", "nine", "ten"})
_COLON = re.compile(":")
# The cue kind of a sentence-opening "In a ... poll": what the poll found follows.
_POLL = ("neutral", "poll")
# A party and state tag between commas, lower-cased: "Ed Roe, R-Ohio, said".
_PARTY_TAG = re.compile(r"[rdi]-[a-z.]+$")
# A dash right after a quote, before a capitalised name: '..." - Ana Roos'.
_DASHES = frozenset({"-", "—", "―", "–"})
# Two capitalised tokens in a row, over the per-token 0/1 flags (overlapping: a lookahead).
_CAP_PAIR = re.compile(b"\x01(?=\x01)")
# Frozen results built the fast way of model.new_span: the instance dict set whole.
_new, _setattr = object.__new__, object.__setattr__
# Contractions cut off before looking a pronoun up: "he's", "they'd".
_CONTRACTIONS = ("'s", "’s", "'d", "’d", "'re", "’re", "'ll", "’ll", "'ve", "’ve", "'m", "’m")
# The stance slot: a person-like subject, "be", a word, then "about" or "that" ("critics are
# uneasy about", "she is adamant that"): the word is a stance adjective whether the cue list
# has it or not (PolNeAR dev: 32 of 41 slot cues right, 0.75 and 0.82 on the two halves;
# docs/attribution.md).
_SLOT_PREPS = {"about": "stance", "that": "belief"}
# Besides a word of slot_before, what can stand two tokens before "about"/"that": an -ly adverb, "they're".
_SLOT_ENDS = ("ly",) + _BE_CONTRACTIONS
# find_cues' entry for "about"/"that" among the first words of longer cues.
_SLOT_ENTRY: tuple = (frozenset(), ())
# "about" before a figure or amount means "approximately" (number words: `_Tables.slot_amount`).
_APPROX = frozenset("0123456789$£€")
# Indefinite pronouns: the word before "that" is then no adjective ("is someone that").
_INDEF_PRONOUNS = frozenset("someone somebody anyone anybody everyone everybody no-one nobody something anything everything nothing".split())
# Pronoun kinds that hold a stance: he/she, I/we, they ("it is clear that" is the writer's).
_SLOT_PRONOUNS = frozenset({"person", "self", "group"})


@dataclass(frozen=True)
class Attribution:
    """One attributed statement: the cue, its source (if any) and how it is framed."""

    cue: Span
    source: Span | None
    source_name: str | None  # canonical name ("Vladimir Putin"), None when unsourced
    source_type: str  # named | anonymous | unsourced
    direct: bool  # the content is a direct quote
    distancing: bool  # "allegedly", "claimed"...
    sentence: int  # index into seg.sentences
    source_label: str = ""  # named | description | anonymous | vague | pronoun | document | ""


@dataclass(frozen=True)
class AttributionOutput(DetectorOutput):
    attributions: tuple[Attribution, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class _Tables:
    """Word sets read once per lexicon version."""

    skip: frozenset[str]
    function: frozenset[str]
    det: frozenset[str]
    indef: frozenset[str]
    title: frozenset[str]
    relative: frozenset[str]
    pronoun: dict[str, str]  # word -> person | self | group | thing | you
    anonymity: frozenset[str]
    noun_before: frozenset[str]
    not_source: frozenset[str]
    source_kind: dict[str, str]  # head noun -> anonymous | vague | document
    markup: frozenset[str]
    do: frozenset[str]
    modal: frozenset[str]
    obj: frozenset[str]
    time: frozenset[str]
    not_speaker: frozenset[str]
    time_mod: frozenset[str]
    negation: frozenset[str]
    not_head: frozenset[str]
    org: frozenset[str]  # heads that name an institution ("ministry")
    name_stop: frozenset[str]  # capitalised words that never start a full name
    not_np: frozenset[str]  # function | skip
    not_proper: frozenset[str]  # words that are never part of a proper name
    not_head_ok: frozenset[str]  # not_head | time | not_source
    # "the X" that can point back to a name introduced earlier: person roles (titles,
    # "spokesman") and institutions ("the commission"); company heads ("the firm") also
    # point back to a name ending in a company suffix ("Holdings").
    role: frozenset[str]
    org_role: frozenset[str]
    org_suffix: frozenset[str]
    company_head: frozenset[str]
    say_idiom: frozenset[str]  # "let's", "needless to": before "say", the writer's idiom
    say_idiom_last: frozenset[str]  # their last words, and "that" ("That said,")
    # First word -> (their second words, ((length, {words: (category, role)}), ...)) of the
    # cues of two or more words starting with it, longest first; cue_one: one-word cues.
    cue_multi: dict[str, tuple[frozenset[str], tuple[tuple[int, dict[tuple[str, ...], tuple[str, str]]], ...]]]
    cue_one: dict[str, tuple[str, str]]
    np_stop: frozenset[str]  # not_np | relative | pronoun | not_head: words a noun phrase never extends over
    poll: frozenset[str]  # "poll", "survey": "In a CNN poll, ..." is a cue
    name_suffix: frozenset[str]  # "jr", "sr": actors.toml cue name_suffixes
    # One-word cue form -> object heads that take its report out ("recalled" -> "ambassador"):
    # attribution_objects.tsv.
    obj_not_cue: dict[str, frozenset[str]]
    raising: frozenset[str]  # "appears", "seemed": the writer's hedge, no source
    aspectual: frozenset[str]  # "went on": a cue only before "to" and a cue verb
    aspectual_first: frozenset[str]  # their first words
    # Cue first words and the words after a stance slot ("about", "that"): find_cues' token test.
    slot_start: frozenset[str]
    # The stance slot (attribution_stance.tsv): "be" and linking verbs ("remained"), degree
    # words ("so", "not"), and both together: what may stand two tokens before "about"/"that".
    slot_linking: frozenset[str]
    slot_degree: frozenset[str]
    slot_hearer: frozenset[str]  # "was interviewed about": a passive naming who was addressed, no stance
    # Linking verbs and degree words that left_source steps over between a subject and an
    # adjective cue ("critics remain so wary of"); not "more", "all", part of a subject as often
    # ("all of them", "more than 20 lawmakers").
    left_skip: frozenset[str]
    # Number words after which "about" is "approximately" ("about two weeks", "about a third"):
    # the approximator list of hedging_context.toml, so both detectors read one list, less
    # "one", which is a pronoun as often ("was clear about one thing").
    slot_amount: frozenset[str]
    slot_before: frozenset[str]
    # Abbreviated titles -> the role word a later description uses: "Gov. Mike Pence" ... "the governor".
    title_full: dict[str, str]
    honorific: dict[str, str]  # "mr" -> "he": honorifics tell the pronoun of the name after them


@per_lexicon
def _tables(lex: Lexicons) -> _Tables:
    ctx = lex["attribution_context"]
    by: dict[str, set[str]] = {}
    for e in ctx.entries.values():
        by.setdefault(e.category, set()).add(e.term)
    g = lambda c: frozenset(by.get(c, ()))  # noqa: E731
    source_kind = {e.term: e.category for e in lex["attribution_sources"].entries.values()}
    pronoun = {w: k[5:] for k in ("pron_person", "pron_self", "pron_group", "pron_thing", "pron_you") for w in by.get(k, ())}
    multi, one = {}, {}
    stance: dict[str, set[str]] = {}
    for e in lex["attribution_stance"].entries.values() if "attribution_stance" in lex.lists else ():
        stance.setdefault(e.category, set()).add(e.term)
    linking = _BE | {"am"} | frozenset(stance.get("linking", ()))
    degree = frozenset(stance.get("degree", ()))
    hearer = frozenset(stance.get("hearer", ()))
    obj_not_cue: dict[str, set[str]] = {}
    for e in lex["attribution_objects"].entries.values() if "attribution_objects" in lex.lists else ():
        for v in e.extra:
            for form in _inflections(v.strip().lower()):
                obj_not_cue.setdefault(form, set()).add(e.term)
    for w, es in lex["attribution_cues"].by_first_word.items():
        groups = _by_length(es)
        if groups[-1][0] == 1:
            one[w] = groups[-1][1][(w,)]
            groups = groups[:-1]
        if groups:
            multi[w] = (frozenset(ws[1] for _, by_words in groups for ws in by_words), groups)
    for w in _SLOT_PREPS:
        if w not in one and w not in multi:  # no cue starts with them: find_cues tests the slot
            multi[w] = _SLOT_ENTRY
    # A title's extra column names its full form (another title: "gov" -> "governor") or, on
    # an honorific, a person pronoun ("mr" -> "he").
    title_extra = [(e.term, e.extra[0]) for e in ctx.entries.values() if e.category == "title" and e.extra]
    return _Tables(
        skip=g("skip") | g("do") | g("modal") | g("negation"),
        function=g("function") | g("infinitive") | g("pron_object"),
        det=g("det"),
        indef=g("indef"),
        title=g("title"),
        relative=g("relative"),
        pronoun=pronoun,
        anonymity=g("anonymity"),
        noun_before=g("noun_before") | g("det") | g("indef") | g("pron_object") | {"that"},
        not_source=g("not_source"),
        source_kind=source_kind,
        markup=g("markup"),
        do=g("do"),
        modal=g("modal") | g("infinitive"),
        obj=g("pron_object"),
        time=g("time"),
        not_speaker=g("not_speaker") | g("poll_noun"),
        time_mod=g("time_mod"),
        negation=g("negation"),
        not_head=g("not_head"),
        org=frozenset(e.term for e in lex["attribution_sources"].entries.values() if e.category == "organisation") | g("title"),
        name_stop=g("det") | g("function") | g("infinitive") | g("pron_object") | g("title") | g("indef") | frozenset(pronoun),
        not_np=g("function") | g("infinitive") | g("pron_object") | g("skip") | g("do") | g("modal") | g("negation"),
        not_proper=g("det") | g("indef") | g("title") | g("not_head") | g("function") | g("infinitive") | g("pron_object") | frozenset(pronoun) | g("time") | frozenset(source_kind),
        not_head_ok=g("not_head") | g("time") | g("not_source"),
        role=g("title") | frozenset(w for w, k in source_kind.items() if k == "anonymous" and w.startswith("spokes") and not w.endswith("people")),
        org_role=frozenset(w for w, k in source_kind.items() if k == "organisation") - g("title"),
        org_suffix=g("org_suffix"),
        company_head=g("company_head"),
        say_idiom=g("say_idiom"),
        say_idiom_last=frozenset(w.split()[-1] for w in g("say_idiom")) | {"that"},
        cue_multi=multi,
        cue_one=one,
        poll=g("poll_noun"),
        np_stop=g("function") | g("infinitive") | g("pron_object") | g("skip") | g("do") | g("modal") | g("negation") | g("relative") | frozenset(pronoun) | g("not_head"),
        name_suffix=frozenset(w.lower() for w in lex.tables.get("actors", {}).get("cues", {}).get("name_suffixes", ())),
        obj_not_cue={w: frozenset(hs) for w, hs in obj_not_cue.items() if w in one},
        raising=g("raising"),
        aspectual=g("aspectual"),
        aspectual_first=frozenset(w.split()[0] for w in g("aspectual")),
        slot_start=frozenset(lex["attribution_cues"].by_first_word) | frozenset(_SLOT_PREPS),
        slot_linking=linking,
        slot_degree=degree,
        slot_hearer=hearer,
        left_skip=(frozenset(stance.get("linking", ())) | degree) - {"more", "all"},
        slot_amount=frozenset(str(w).lower() for w in lex.tables.get("hedging_context", {}).get("words", {}).get("number", ())) - {"one"},
        slot_before=linking | degree,
        title_full={w: x for w, x in title_extra if x in by.get("title", ())},
        honorific={w: x for w, x in title_extra if pronoun.get(x) == "person"},
    )


def _inflections(v: str) -> set[str]:
    """A verb's regular forms (and ``v`` itself, for an irregular form listed as is)."""
    forms = {v, v + "s", v + "es", v + "d", v + "ed", v + "ing", v + v[-1:] + "ed", v + v[-1:] + "ing"}
    if v.endswith("e"):
        forms.add(v[:-1] + "ing")
    if v.endswith("y"):
        forms |= {v[:-1] + "ies", v[:-1] + "ied"}
    return forms


def _by_length(entries: tuple[Entry, ...]) -> tuple[tuple[int, dict[tuple[str, ...], tuple[str, str]]], ...]:
    """Entries as (category, role) grouped by length, longest first; within a length the
    first in index order wins."""
    by: dict[int, dict[tuple[str, ...], tuple[str, str]]] = {}
    for e in entries:
        by.setdefault(len(e.words), {}).setdefault(e.words, (e.category, e.extra[0] if e.extra else "verb"))
    return tuple(sorted(by.items(), reverse=True))


def _token_runs(sentence_tokens: list[tuple[int, int]], sentences: tuple[int, ...]) -> list[tuple[int, int]]:
    """Token ranges that cover ``sentences`` (in text order): one per run of consecutive
    sentence numbers. Covering more tokens changes no answer, only the time."""
    if not sentences:
        return []
    if sentences[-1] - sentences[0] == len(sentences) - 1:  # the usual article: one run
        return [(sentence_tokens[sentences[0]][0], sentence_tokens[sentences[-1]][1])]
    runs: list[tuple[int, int]] = []
    prev = -2
    for si in sorted(sentences):
        a, b = sentence_tokens[si]
        if si == prev + 1 and runs:
            runs[-1] = (runs[-1][0], b)
        else:
            runs.append((a, b))
        prev = si
    return [(a, b) for a, b in runs if a < b]


@dataclass(slots=True)
class _Source:
    first: int  # token range of the noun phrase
    last: int
    label: str
    name: str | None
    type: str
    sentence: int
    plural: bool = False
    span: Span | None = None
    resolved: bool = False  # a definite description resolved to a name ("the company")


class _Detector:
    def __init__(self, content: Content, lex: Lexicons) -> None:
        self.c = content
        self.seg = content.seg
        self.text = self.seg.text
        self.words = self.seg.words
        self.ts = self.seg.token_starts
        self.te = self.seg.token_ends
        self.line_starts = self.seg._line_starts
        self.t = _tables(lex)
        self.cues = lex["attribution_cues"]
        self.full_names: dict[str, str] = {}  # surname -> first full name seen
        # Names are learned lazily, sentence by sentence up to the current one, only when
        # a lone surname needs its full name: most sentences are never looked at.
        self.sent_order = 0  # position of the current sentence in content.sentences
        self.learned = 0  # content sentences whose names are in full_names
        self.last_person: _Source | None = None
        # Named people whose honorific tells he from she ("Mr. Netanyahu", "Ms. Rice"): name ->
        # "he"/"she", and under the key "he"/"she" the last such source. (One attribute: one
        # more instance attribute on this class costs ~3% of detect's time in CPython 3.11.)
        self.gender: dict[str, object] = {}
        self.last_group: _Source | None = None
        self.last_thing: _Source | None = None
        # Role or institution word -> (first token, canonical name) of each name introduced
        # with it ("President Anton Veyk", "the Harbour Commission"), learned lazily.
        self.role_names: dict[str, list[tuple[int, str]]] = {}
        self.roles_learned = 0  # content sentences whose role names are in role_names
        self.sent_a = 0  # first token of the current sentence
        self.subject_before = False  # the last cue had a subject on its left (kept as source or not)
        # Per-token flags, shared with other detectors through the segmentation.
        self.capf = self.seg.is_cap
        self.wordf = self.seg.is_word
        # Only content sentences are read: the token scans below run over their tokens alone,
        # in runs of consecutive sentences (on web pages boilerplate is ~45% of the tokens).
        self.runs = runs = _token_runs(self.seg.sentence_tokens, content.sentences)
        # Capitalised tokens followed by another: only these can start a full name.
        # (A pair cut by a run's end starts no run of two inside a sentence.)
        self.run_starts = [m.start() for a, b in runs for m in _CAP_PAIR.finditer(self.capf, a, b)]
        # The longest cue starting at each token (as WordList.match), found once for the
        # article; each sentence keeps those that end inside it.
        self.cue_pos, self.cue_last, self.cue_kind = self.find_cues()
        # A colon is always a token of its own: find them in the text, not token by token.
        ts, te = self.ts, self.te
        self.colon_pos = [bisect_left(ts, m.start(), a, b) for a, b in runs for m in _COLON.finditer(self.text, ts[a], te[b - 1])]
        # Words the article also writes in lower case: a sentence-initial "Intelligence" is not a name.
        # Built on first need (most articles, not all).
        self.lower_seen: frozenset[str] | None = None

    # --- token helpers -------------------------------------------------------------

    def cap(self, i: int) -> bool:
        return self.capf[i]

    def adverb(self, i: int) -> bool:
        # "-ly" words between a subject and its verb ("Smith flatly denied"); "Italy" is capitalised.
        w = self.words[i]
        return len(w) > 4 and w.endswith("ly") and not self.cap(i)

    def is_word(self, i: int) -> bool:
        return self.wordf[i]

    def proper(self, i: int) -> bool:
        """Token ``i`` is part of a proper name: capitalised, not a title or function word,
        and not a common word that is capitalised only because it opens the sentence."""
        if not (self.wordf[i] and self.capf[i]):
            return False
        w = self.words[i]
        if w in self.t.not_proper:
            return False
        initial = i == self.sent_a or not self.wordf[i - 1]
        if not initial:
            return True
        return w not in (self.lower_seen or self.lower_words()) and not (w.endswith(("ing", "ly")) and self.initial_verb(i))

    def initial_verb(self, i: int) -> bool:
        """A capitalised -ing or -ly word before a lower-case word opens a clause, not a name:
        "Walking into the office, ...", "Arriving upon the scene"; "Manning said" stays a name."""
        w = self.words[i]
        return len(w) > 4 and w.endswith(("ing", "ly")) and i + 1 < len(self.words) and self.words[i + 1] in self.t.function

    def lower_words(self) -> frozenset[str]:
        if self.lower_seen is None:
            self.lower_seen = frozenset(compress(self.words, char_flags(self.seg.first_chars, str.islower)))
        return self.lower_seen

    def head_ok(self, j: int) -> bool:
        """Token ``j`` can head a source: not an adverb, verb form, number, date or abstract noun."""
        w, t, wordf = self.words[j], self.t, self.wordf
        if not wordf[j] or w in t.not_head_ok or w[0].isdigit():
            return False
        # self.proper(j), inlined
        if self.capf[j] and w not in t.not_proper and (not (j == self.sent_a or not wordf[j - 1]) or w not in (self.lower_seen or self.lower_words()) and not (w.endswith(("ing", "ly")) and self.initial_verb(j))):
            return True
        kind = t.source_kind.get(w.removesuffix("'s").removesuffix("’s"))
        if kind == "abstract":
            return False
        if kind is not None:
            return True
        # Lower-case verb forms and adverbs: "took", "using", "disclosures filed", "perhaps".
        return not (len(w) > 4 and w.endswith(("ly", "ing", "ed")))

    def abstract(self, j: int) -> bool:
        """A lower-case head with an abstract-noun suffix that the word lists do not know."""
        w = self.words[j]
        return not self.cap(j) and w.endswith(_ABSTRACT_SUFFIXES) and w not in self.t.source_kind and w not in self.t.org

    def pronoun_key(self, w: str) -> str:
        if not w.endswith(_CONTRACTIONS):
            return w
        for c in _CONTRACTIONS:
            if w.endswith(c):
                return w[: -len(c)]
        return w

    def name_of(self, first: int, last: int) -> str:
        """Canonical name of a capitalised run: titles dropped, surname expanded."""
        words, wordf, capf, title, det = self.words, self.wordf, self.capf, self.t.title, self.t.det
        i = last - 1
        # The trailing run of capitalised words, titles and descriptions left out.
        while i >= first and wordf[i] and capf[i] and words[i] not in title and words[i] not in det:
            i -= 1
        if i == last - 1:
            return self.text[self.ts[first] : self.te[last - 1]]
        name = self.text[self.ts[i + 1] : self.te[last - 1]].removesuffix("'s").removesuffix("’s")
        if i == last - 2:
            if self.learned <= self.sent_order:
                self.learn_upto_current()
            return self.full_names.get(words[last - 1].removesuffix("'s").removesuffix("’s"), name)
        return name

    def learn_upto_current(self) -> None:
        """Remember full names ("Vladimir Putin") so a later "Putin" maps to them: the
        content sentences up to the current one, each once."""
        stoks, order = self.seg.sentence_tokens, self.c.sentences
        words, capf, caps = self.words, self.capf, self.run_starts
        name_stop, title, full_names = self.t.name_stop, self.t.title, self.full_names
        ncaps = len(caps)
        while self.learned <= self.sent_order:
            a, b = stoks[order[self.learned]]
            self.learned += 1
            # Only a capitalised token followed by another can start a run of two or more
            # (a capital letter is alphanumeric); a lone capital teaches nothing.
            c = bisect_left(caps, a)
            nxt = a  # first token not yet inside a run
            headline = None  # the sentence is a title-case headline: read once, when a name is first found
            while c < ncaps and caps[c] < b:
                i = caps[c]
                c += 1
                if i < nxt or words[i] in name_stop:
                    continue
                j = i + 1
                while j < b and capf[j]:
                    j += 1
                nxt = j
                if j - i < 2:
                    continue
                # "Halvarian Foreign Minister Ilsa Dorn": the name starts after the last title.
                k = i
                for x in range(i, j):
                    if words[x] in title:
                        k = x + 1
                if j - k >= 2:
                    surname = words[j - 1].removesuffix("'s").removesuffix("’s")
                    if surname not in full_names:  # the first full name seen stays
                        # Three or more words may be a headline's clause ("Obama Meets Netanyahu").
                        if j - k >= 3 and headline is None:
                            headline = self.headline(a, b)
                        if headline:
                            break
                        full_names[surname] = self.text[self.ts[k] : self.te[j - 1]].removesuffix("'s").removesuffix("’s")

    def headline(self, a: int, b: int) -> bool:
        """Tokens ``a:b`` are written in title case (a headline): capitalised words, and no
        lower-case word of four letters or more but function words ("Mayor Says He Will Run")."""
        words, capf, wordf, function = self.words, self.capf, self.wordf, self.t.function
        caps = 0
        for i in range(a, b):
            if capf[i]:
                caps += 1
            elif wordf[i] and len(words[i]) > 3 and words[i][0].isalpha() and words[i] not in function:
                return False
        return caps >= 3

    def resolve_role(self, role: str, before: int) -> str | None:
        """The name introduced with ``role`` before token ``before``; None when there is
        none or more than one (ambiguous: the reader cannot tell either)."""
        if self.roles_learned <= self.sent_order:
            self.learn_roles()
        keys = (role, "(company)") if role in self.t.company_head else (role,)
        names = {name for k in keys for pos, name in self.role_names.get(k, ()) if pos < before}
        if len(names) != 1:
            return None
        name = names.pop()
        # "President Veyk" before "Anton Veyk" was written in full: the full name, as for named sources.
        return name if " " in name else self.full_names.get(name, name)

    def learn_roles(self) -> None:
        """Names with their role, up to the current sentence: a title or role word before a
        name ("President Anton Veyk", "spokesman Tor Lind"), an institution word or company
        suffix ending one ("the Harbour Commission", "Keldgate Holdings")."""
        if self.learned <= self.sent_order:
            self.learn_upto_current()  # full names, for "President Veyk"
        stoks, order = self.seg.sentence_tokens, self.c.sentences
        words, capf, wordf, t = self.words, self.capf, self.wordf, self.t
        add = lambda k, pos, name: self.role_names.setdefault(k, []).append((pos, name))  # noqa: E731
        while self.roles_learned <= self.sent_order:
            a, b = stoks[order[self.roles_learned]]
            self.roles_learned += 1
            i = a
            headline = None  # read once per sentence, when a name with a role is first found
            while True:
                # Jump to the next capitalised token: most tokens are not.
                i = capf.find(1, i, b)
                if i < 0:
                    break
                if not wordf[i] or words[i] in t.det:
                    i += 1
                    continue
                j = i + 1
                while j < b and capf[j] and wordf[j]:
                    j += 1
                run, i = (i, j), j
                s, e = run
                # The name starts after the last title in the run ("Veldish Foreign Minister Ana Roos").
                k, role = s, None
                for x in range(s, e):
                    if words[x] in t.title:
                        k, role = x + 1, words[x]
                if role is None and s > a and not capf[s - 1] and words[s - 1] in t.role:
                    role = words[s - 1]  # "spokesman Tor Lind"
                elif role is None and s - 2 >= a and words[s - 1] == "." and words[s - 2] in t.title_full:
                    role = words[s - 2]  # "Gov. Mike Pence": the period ends the capitalised run (not "Mr.": no role)
                if role is not None and k - 2 >= s and words[k - 2] in ("vice", "prime"):
                    role = None  # "Vice President X" is not "the president", nor "Prime Minister X" "the minister"
                if role is not None and k < e and not any(words[x] in t.not_proper for x in range(k, e)):
                    if headline is None:
                        headline = self.headline(a, b)
                    if headline:
                        break  # "Indiana Governor Says Legislators May ...": title case, no names to learn
                    name = self.text[self.ts[k] : self.te[e - 1]].removesuffix("'s").removesuffix("’s")
                    if e - k == 1:
                        name = self.full_names.get(name, name)
                    add(role, s, name)
                    if role in t.title_full:
                        add(t.title_full[role], s, name)
                    continue
                lw = words[e - 1].removesuffix("'s").removesuffix("’s")
                if e - s >= 2 and (lw in t.org_role or lw in t.org_suffix) and words[s] not in t.not_proper:
                    end = e
                    if e + 1 < b and words[e] == "of" and capf[e + 1]:
                        # "the Illinois Board of Elections": the name runs over "of".
                        end = e + 2
                        while end < b and capf[end] and wordf[end]:
                            end += 1
                        i = end
                    name = self.text[self.ts[s] : self.te[end - 1]].removesuffix("'s").removesuffix("’s")
                    add(lw if lw in t.org_role else "(company)", s, name)

    # --- noun phrases --------------------------------------------------------------

    def np_ending(self, j: int, a: int, si: int) -> _Source | None:
        """The noun phrase whose head is token ``j``, or None if ``j`` cannot head one."""
        src = self.np_core(j, a, si)
        if src is None or src.label == "pronoun":
            return src
        p = f = src.first - 1
        if p - 1 < a:
            return src
        if self.words[p] not in _PP_HEAD:  # the usual case, before the loop below
            if self.words[p] not in ("and", "or") or "between" not in self.words[max(a, p - _NP_MAX - 1) : p]:
                return src
            # "the talks between Russia and Ukraine": both names are the object of "between".
            left = self.np_core(p - 1, a, si)
            if left is None or left.label == "pronoun" or left.first - 2 < a or self.words[left.first - 1] != "between":
                return src
            f = left.first - 1
        # "Sources familiar with the talks", "a spokesman for the ministry", "a visit to Vietnam":
        # the phrase before the preposition is the source, never the preposition's object.
        for _ in range(3):
            p = f if f < src.first - 1 else src.first - 1
            f = src.last
            if p - 1 < a or self.words[p] not in _PP_HEAD:
                break
            q = p - 1
            if self.words[q] in _PP_ADJ:
                q -= 1
            outer = self.np_core(q, a, si) if q >= a else None
            wq = self.words[q]
            if self.words[p] in _PP_NO_SUBJECT and q == p - 1 and (
                outer is None and self.wordf[q] and wq not in self.t.function and not wq.endswith(("ing", "ed"))
                or outer is not None and self.words[p] in ("to", "between") and outer.label in ("description", ANONYMOUS) and wq not in self.t.source_kind and wq not in self.t.org
                and outer.first < q and (self.words[outer.first] in self.t.det or self.words[outer.first] in self.t.indef or self.words[outer.first].endswith(("'s", "’s")))
            ):
                # "Putin's trip to Vietnam signals", "the summit between Russia and Ukraine
                # highlights": a noun that names no speaker ("trip", "summit") is the subject, so
                # there is none; "an adviser to Dorn" is one.
                return None
            # "the senator from Vermont": a role resolved alone ("the senator") is read with its
            # prepositional phrase, as a description, not resolved.
            if outer is None or outer.label == "pronoun" and not outer.resolved:
                break
            src = self.classify(outer.first, src.last, si, head=q) or outer
        return src

    def np_core(self, j: int, a: int, si: int) -> _Source | None:
        """The noun phrase ending at ``j`` without a following prepositional phrase."""
        words, wordf = self.words, self.wordf
        w = words[j]
        t = self.t
        if not wordf[j]:
            return None
        pk = self.pronoun_key(w) if w.endswith(_CONTRACTIONS) else w
        if pk in t.pronoun:
            return self.pronoun_source(j, si, pk)
        if pk in t.relative:
            return self.relative_source(j, a, si)
        if (w in t.indef or w[0].isdigit()) and not self.capf[j]:
            return self.quantity(j, a, si)
        if w in t.not_np or w in t.det or not self.head_ok(j):
            return None
        first = j
        det, indef, cue_words = t.det, t.indef, self.cues.by_first_word
        while first - 1 >= a and j - first < _NP_MAX:
            p = first - 1
            pw = words[p]
            if pw in det or pw in indef:
                first = p
                break
            if pw == "her" and (p == a or words[p - 1] in _CLAUSE_OPENERS):
                first = p  # "Her office said": the possessive, as "his" (an object "her" follows a verb)
                break
            if pw == "." and p - 1 >= a and (words[p - 1] in t.title or self.abbreviation(p - 1)):
                first = p - 1
                continue
            if not wordf[p] or pw in t.np_stop or pw in cue_words and not self.capf[p]:
                break
            first = p
        if words[first] in _NEG_DET:
            return None
        return self.classify(first, j + 1, si)

    def quantity(self, j: int, a: int, si: int) -> _Source | None:
        """A bare quantity as subject: "many think", "six in 10 said" (vague)."""
        words = self.words
        w = words[j]
        first = j
        if j - 2 >= a and words[j - 1] in ("in", "of") and (words[j - 2][0].isdigit() or words[j - 2] in self.t.indef or words[j - 2] in _NUMBER_WORDS):
            first = j - 2  # "six in 10", "two of three"
        elif self.t.source_kind.get(w) != "vague":
            return None
        return _Source(first, j + 1, "vague", self.text[self.ts[first] : self.te[j]], ANONYMOUS, si, plural=True)

    def np_starting(self, i: int, b: int, si: int) -> _Source | None:
        """The noun phrase starting at token ``i`` (inverted "said Smith", "according to X")."""
        t = self.t
        if i >= b or not self.wordf[i]:
            return None
        w = self.words[i]
        pk = self.pronoun_key(w)
        if pk in t.pronoun:
            return self.pronoun_source(i, si, pk)
        if w in t.skip and i + 2 < b and self.words[i + 1] in t.det and not self.capf[i]:
            # "both the unions", "all the candidates": the phrase after the quantifier.
            i, w = i + 1, self.words[i + 1]
        # "her" is a possessive before a noun: "according to her lawyers".
        poss = w in _POSSESSIVE and i + 1 < b and self.wordf[i + 1] and self.words[i + 1] not in t.not_np
        if not poss and (w in _NEG_DET or w in t.not_head or w in t.not_np or w in t.relative or w in t.not_source or w in t.time or w in t.time_mod and i + 1 < b and self.words[i + 1] in t.time):
            return None
        p = i + 3 if i + 3 < b and self.words[i + 1] == "." and self.words[i + 2][:1].isdigit() else i + 1  # "59.6"
        if w[0].isdigit() and p < b and self.words[p] in ("percent", "%"):
            # "59.6 percent of voters", "34% of GOP voters": a vague source.
            end = p + 1
            if end + 1 < b and self.words[end] == "of":
                obj = self.np_starting(end + 1, b, si)
                if obj is not None:
                    end = obj.last
            return _Source(i, end, "vague", self.text[self.ts[i] : self.te[end - 1]], ANONYMOUS, si, plural=True)
        j = i + 1 if (poss or w in t.det or w in t.indef) else i
        if j < b and j > i and w in t.indef and self.words[j] in t.det:
            j += 1  # "both the unions", "all the candidates"
        if j >= b or not self.wordf[j]:
            return None
        last = j
        while last + 1 < b and last + 1 - i < _NP_MAX:
            n = last + 1
            nw = self.words[n]
            if nw == "." and self.words[last] in t.title:
                last = n
                continue
            if not self.wordf[n] or nw in t.not_np or nw in t.relative or nw in t.pronoun or nw in t.det or nw in t.not_head or nw in _PP_ADJ or nw in self.cues.by_first_word:
                break
            # A name ends where capitals stop ("said Smith yesterday"), unless a role noun
            # stands between two names ("said Latino Decisions researcher Sylvia Manzano").
            if self.capf[last] and not self.capf[n] and self.words[last] not in t.title and not (n + 1 < b and self.capf[n + 1] and self.wordf[n + 1] and not nw.endswith("ed")):
                break
            last = n
        if last + 3 < b and self.words[last + 1] in _PP_ADJ and self.words[last + 2] in _PP:
            # "said officials familiar with the talks": the phrase runs to the end of the object.
            obj = self.np_starting(last + 3, b, si)
            if obj is not None:
                src = self.classify(i, obj.last, si, head=last)
                if src is not None:
                    return src
        lw = self.words[last]
        # A possessive is not the agent ("denied Pyongyang's weapons ...").
        if lw in t.det or not self.head_ok(last) or lw.endswith(("'s", "’s")):
            return None
        src = self.classify(i, last + 1, si)
        # After the verb only a speaker noun is an agent ("said the mayor"); "underscores the
        # growing importance" has an object there.
        if src is not None and src.label in ("description", ANONYMOUS) and lw not in t.org and self.abstract(last):
            return None
        return src

    def classify(self, first: int, last: int, si: int, head: int | None = None) -> _Source | None:
        """Label a phrase by its head (the last token, or ``head`` before a prepositional phrase).

        named: the head is a proper name, or an institution or title with a proper name in the
        phrase ("the Halvarian foreign ministry", "the president of Ostrelia"); description: a
        definite phrase without one ("the company", "the mayor"); document; anonymous and vague
        (from the word list); anything else is anonymous. Only named sources carry a canonical name
        that is not just the phrase.
        """
        t = self.t
        words = self.words
        h = last - 1 if head is None else head
        hw = words[h].removesuffix("'s").removesuffix("’s")
        kind = t.source_kind.get(hw)
        plural = hw.endswith("s") and not hw.endswith("ss")
        if last - first == 2 and head is None and words[first] == "the" and (hw in t.role or hw in t.org_role):
            # "the company", "the president": the one name the article introduced in that role.
            name = self.resolve_role(hw, first)
            if name is not None:
                return _Source(first, last, "pronoun", name, NAMED, si, resolved=True)
        if kind in ("anonymous", "vague"):
            return _Source(first, last, kind, self.text[self.ts[first] : self.te[last - 1]], ANONYMOUS, si, plural)
        if kind == "document":
            if self.has_name(first, last, h):
                return _Source(first, last, "document", self.bare(first, last), NAMED, si)
            return _Source(first, last, "document", self.text[self.ts[first] : self.te[last - 1]], ANONYMOUS, si)
        if self.proper(h):
            # A proper head is capitalised: never a plural common noun.
            return _Source(first, last, NAMED, self.name_of(first, h + 1), NAMED, si)
        if hw in t.org and self.has_name(first, last, h):
            return _Source(first, last, NAMED, self.bare(first, last), NAMED, si, plural)
        if words[first] in t.det or any(words[i].endswith(("'s", "’s")) for i in range(first, h)):  # definite
            return _Source(first, last, "description", self.text[self.ts[first] : self.te[last - 1]], ANONYMOUS, si, plural)
        if self.abstract(h):
            return None  # "historical alignments", "an interim arrangement": not a speaker
        return _Source(first, last, ANONYMOUS, self.text[self.ts[first] : self.te[last - 1]], ANONYMOUS, si, plural)

    def has_name(self, first: int, last: int, h: int) -> bool:
        """A proper name in the phrase besides its head."""
        for i in range(first, last):
            if i != h and self.proper(i):
                return True
        return False

    def bare(self, first: int, last: int) -> str:
        """The phrase as a name: no leading article, no trailing possessive."""
        if first + 1 < last and (self.words[first] in self.t.det or self.words[first] in self.t.indef):
            first += 1
        return self.text[self.ts[first] : self.te[last - 1]].removesuffix("'s").removesuffix("’s")

    def pronoun_source(self, j: int, si: int, key: str | None = None) -> _Source:
        kind = self.t.pronoun[key or self.words[j]]
        ref: _Source | None = None
        if kind == "person":
            ref = self.last_person
            pk = key or self.words[j]
            if ref is not None and self.gender and self.gender.get(ref.name, pk) != pk:
                ref = self.gender.get(pk)  # type: ignore[assignment]  # "she" after "Mr. Netanyahu said": not him
        elif kind == "group":
            ref = self.last_group
        elif kind == "thing":
            ref = self.last_thing
        if ref is not None and si - ref.sentence <= _RESOLVE_WINDOW:
            return _Source(j, j + 1, "pronoun", ref.name, ref.type, si, plural=ref.plural)
        if kind == "self":
            return _Source(j, j + 1, "pronoun", "(the author)", NAMED, si)
        # Unresolved: a source is there, but nobody the reader can name.
        return _Source(j, j + 1, "pronoun", f"{key or self.words[j]} (unresolved)", ANONYMOUS, si, plural=kind == "group")

    def relative_source(self, j: int, a: int, si: int) -> _Source | None:
        """'who'/'which' takes the type and name of the phrase it attaches to."""
        k = j - 1
        if k >= a and self.words[k] == ",":
            k -= 1
        # The antecedent is the nearest phrase: "the words of a ruler who ..." -> "a ruler".
        ante = self.np_core(k, a, si) if k >= a and self.words[k] not in self.t.relative else None
        if ante is None:
            # "who" always stands for a person, even one we cannot name ("opponents on the left, who
            # accused him"); "which"/"that" often stand for a clause.
            return _Source(j, j + 1, "pronoun", "who (unresolved)", ANONYMOUS, si) if self.words[j] == "who" else None
        return _Source(j, j + 1, "pronoun", ante.name, ante.type, si, plural=ante.plural)

    # --- finding a cue's source ----------------------------------------------------

    def left_source(self, i: int, a: int, si: int) -> tuple[_Source | None, str]:
        """Subject to the left of the cue; also says what stopped the search."""
        j = i - 1
        t = self.t
        words, skip = self.words, t.skip
        while j >= a:
            w = words[j]
            # self.adverb(j), inlined
            if w in skip or len(w) > 4 and w.endswith("ly") and not self.capf[j] or w in t.left_skip:
                j -= 1
            elif w == ")":
                # "Sen. Smith (D-Ore.) said": the party and state are not the subject.
                while j >= a and self.words[j] != "(":
                    j -= 1
                j -= 1
            elif w in t.time:
                # "Smith on Thursday said", "Smith last week said": the date is not the subject.
                j -= 1
                while j >= a and (self.words[j] in t.time or self.words[j] in t.time_mod or self.words[j] in t.det or self.words[j] in _TIME_PREPS):
                    j -= 1
            else:
                break
        if j < a:
            return None, "start"
        w = self.words[j]
        if w == ",":
            return self.before_clause(j, a, si), "comma"
        if w in _CLOSE_QUOTES:
            if self.quote_inside(j, a) > a:
                # A quoted phrase ends the inserted clause: "Humphrey, who calls Trump a
                # “sociopath,” said": the subject is before the clause.
                return self.before_clause(j + 1, a, si), "comma"
            return None, "quote"
        if w in self.t.function:
            return None, w
        if w == "." and j - 1 >= a and self.abbreviation(j - 1):
            j -= 1  # "The U.S. has accused", "Joseph R. Biden Jr. warned": the name ends before the period
        src = self.np_ending(j, a, si)
        # A participle phrase after the subject: "a poll released Tuesday shows", "a letter
        # obtained by the AP warns": the phrase before the participle speaks.
        k = j if src is None else src.first - 2 if src.first - 1 > a and self.words[src.first - 1] == "by" else -1
        if k > a and self.participle(k) and self.wordf[k - 1]:
            outer = self.np_ending(k - 1, a, si)
            if outer is not None:
                return outer, "np"
        return src, "np" if src else "other"

    def participle(self, k: int) -> bool:
        w = self.words[k]
        return not self.capf[k] and (len(w) > 4 and w.endswith(("ed", "en")) or w in _PARTICIPLES)

    def abbreviation(self, i: int) -> bool:
        """Token ``i`` is a capitalised initial or "Jr"/"Sr" that takes a period inside a name."""
        w = self.words[i]
        return self.capf[i] and (len(w) == 1 and w.isalpha() or w in self.t.name_suffix)

    def tag_comma(self, comma: int, a: int) -> int:
        """The comma before a party tag that ends at ``comma`` ("Whitfield, D-N.Y., said": the
        tag's tokens are "d-n . y ."), or ``comma`` itself when there is no tag."""
        words = self.words
        k = comma - 1
        while k > a and comma - k <= 5 and (words[k] == "." or len(words[k]) == 1 and words[k].isalpha()):
            k -= 1
        if k > a and comma - k <= 5 and words[k - 1] == "," and _PARTY_TAG.match(words[k]):
            return k - 1
        return comma

    def before_clause(self, comma: int, a: int, si: int) -> _Source | None:
        """Subject before an apposition or relative clause: "Smith, a spokesman, said"."""
        w1 = self.words[comma - 1]
        if (w1 == "." or "-" in w1) and (tag := self.tag_comma(comma, a)) != comma:
            # Only a party tag between the name and the verb: "Sen. Ray Boone, R-Texas, said".
            return self.np_ending(tag - 1, a, si)
        k = comma - 1
        lo = max(a, comma - _CLAUSE_MAX)
        first_comma = True  # the comma nearest the subject's clause: any apposition opener there
        words = self.words
        while k >= lo:
            # Only quote marks and punctuation stop the walk back: skip the words in one tight loop.
            while k >= lo and words[k] not in _CLAUSE_STOPS:
                k -= 1
            if k < lo:
                break
            w = words[k]
            if w in _CLOSE_QUOTES or w in _OPEN_QUOTES or w in (".", ":", ";"):
                if w == "." and k - 1 >= a and self.words[k - 1] in self.t.title:
                    k -= 1  # "a senior adviser to Mr. Sanders": not a sentence end
                    continue
                q = self.quote_inside(k, lo) if w in _CLOSE_QUOTES else -1
                if q > a:
                    k = q - 1  # a quote inside the clause: "Humphrey, who calls Trump a “sociopath,” said"
                    continue
                return None
            if w == ",":
                if first_comma and k + 1 < comma and comma - k <= 4 and all(self.cap(x) or self.words[x] == "." for x in range(k + 1, comma)):
                    # "The interior minister, Bernard Cazeneuve, said": the name in apposition.
                    return self.np_ending(comma - 1, k + 1, si)
                nw = self.words[k + 1] if k + 1 < comma else ""
                h = k - 1
                if h > a and self.words[h] == ")":
                    while h > a and self.words[h] != "(":
                        h -= 1
                    h -= 1
                if h - 1 > a and (self.words[h][:1].isdigit() or _PARTY_TAG.match(self.words[h])) and self.words[h - 1] == ",":
                    h -= 2  # an age or party before the apposition: "Lance Beebe, 49, a Navy veteran, said", "Ed Roe, R-Ohio, a ..."
                elif h > a and self.words[h] == "." and (t2 := self.tag_comma(k, a)) != k:
                    h = t2 - 1  # a party tag ending in a period: "Ed Roe, D-Calif., a ..."
                # Any inserted phrase, even one with commas inside, after a name that opens the
                # sentence: "Huma Abedin, vice chair of the campaign, emailed ...", "Sen. Lindsey
                # Graham, R-S.C., a candidate, said"; otherwise only the usual openers.
                opener = first_comma and (nw in _APPOSITION_OPENERS or nw in self.t.relative or nw in self.t.det or nw in self.t.indef or nw[:1].isdigit() or self.cap(k + 1) and k + 1 < comma)
                named = h >= a and self.proper(h) and self.opens_sentence(h, a)
                if opener or named or a <= h <= a + 12:
                    src = self.np_ending(h, a, si) if h >= a else None
                    # Without an opener the phrase must open the sentence: "Others, though, said".
                    if src is not None and (opener or named or src.first == a or self.words[src.first - 1] in _CLOSE_QUOTES):
                        clause = self.words[k + 1 : comma]
                        if any(x in self.t.anonymity for x in clause) and src.type == NAMED and src.label != NAMED:
                            src.type, src.label = ANONYMOUS, ANONYMOUS
                        return src
                if h < a:
                    return None
                first_comma = False
                k = h if h < k - 1 else k  # past a party tag or an age
            k -= 1
        return None

    def quote_inside(self, k: int, lo: int) -> int:
        """The opening mark of the quote closing at ``k`` when a word comes right before it (the
        quote sits inside a clause: 'who calls him a "sociopath,"'); -1 otherwise."""
        words = self.words
        q = k - 1
        lo = max(lo, k - 10)  # a quoted phrase in a clause is short: "a “sociopath,”"
        while q >= lo and words[q] not in _OPEN_QUOTES:
            if words[q] in _CLOSE_QUOTES or words[q] in (".", "!", "?"):
                return -1
            q -= 1
        return q if q > lo and self.wordf[q - 1] else -1

    def opens_sentence(self, j: int, a: int) -> bool:
        """The capitalised run ending at ``j`` starts the sentence (titles and periods included)
        or the clause after a quote ('"...," Bo Lind, an engineer, said')."""
        while j > a and (self.capf[j - 1] or self.words[j - 1] == "."):
            j -= 1
        return j == a or self.words[j - 1] in _CLOSE_QUOTES

    def remember(self, src: _Source) -> None:
        if src.label == NAMED and src.type == NAMED and src.last - src.first >= 2:
            hw = self.words[src.last - 1].removesuffix("'s").removesuffix("’s")
            if hw in self.t.org_role:  # "the Veldish foreign ministry" for a later "the ministry"
                self.role_names.setdefault(hw, []).append((src.first, src.name))
        if src.label == "pronoun" and (src.name is None or src.name.endswith(" (unresolved)")):
            return
        if src.type == NAMED and not src.plural and src.label in (NAMED, "pronoun") and src.label != "document":
            if src.label == NAMED and self.words[src.last - 1] not in self.t.source_kind:
                self.last_person = src
                g = self.t.honorific.get(self.words[src.first])
                if g is not None:
                    self.gender[src.name] = g
                g = self.gender.get(src.name) if self.gender else None
                if g is not None:
                    self.gender[g] = src  # type: ignore[index]
        if src.plural or src.label in ("description", "anonymous", "vague") and src.plural:
            self.last_group = src
        if src.label in ("document", "description") or (src.label == NAMED and not src.plural):
            self.last_thing = src

    # --- main loop -----------------------------------------------------------------

    def run(self) -> AttributionOutput:
        seg, t = self.seg, self.t
        atts: list[Attribution] = []
        spans: list[Span] = []
        attributed = 0
        cue_pos, cue_last, cue_kind, colon_pos = self.cue_pos, self.cue_last, self.cue_kind, self.colon_pos
        words = self.words
        obj_not_cue = t.obj_not_cue
        hedged: set[int] = set()  # first tokens of raising cues: their subjects are no sources
        ncues = len(cue_pos)
        stoks, ts, te, text, line_starts = seg.sentence_tokens, self.ts, self.te, self.text, self.line_starts
        quote_starts, quotes = seg._quote_starts, seg.quotes
        # The first colon after each sentence's first token, found once per article: most
        # sentences have none.
        first_colon: dict[int, int] = {}
        if colon_pos:
            starts = [x for x, _ in stoks]
            for k in colon_pos:
                i = bisect_right(starts, k) - 1
                if k > starts[i] and i not in first_colon:
                    first_colon[i] = k
        for order, si in enumerate(self.c.sentences):
            a, b = stoks[si]
            c = bisect_left(cue_pos, a)
            kc = first_colon.get(si) if first_colon else None
            if (c >= ncues or cue_pos[c] >= b) and kc is None and words[a] not in _DASHES:
                continue  # no cue, colon or dash: most sentences
            self.sent_a = a
            self.sent_order = order
            found: list[tuple[int, int, str, str, _Source | None]] = []  # first, last, label, role, source
            content_from: int | None = None  # token where the content of a subject-verb cue starts
            content_weak = False  # that cue is a belief, perception or intention verb
            nxt = a  # cues do not overlap
            colon = None
            colon_tried = True  # colon_cue's answer for this sentence is known (in ``colon``)
            if kc is not None and kc < b - 1:
                # "Fallin: Well, I think ...": a speaker's colon before any cue makes the rest
                # of the sentence theirs, so no cue after it is a new attribution. Only the
                # first colon can come before the first cue: most sentences stop here.
                if c >= ncues or cue_pos[c] > kc:
                    colon = self.colon_cue(a, b, si)
                    if colon is not None and (c >= ncues or cue_pos[c] > colon[0]):
                        found.append(colon)
                        c = ncues
                else:
                    colon_tried = False
            if words[a] in _DASHES and a and words[a - 1] in _CLOSE_QUOTES:
                # '"We will win."\n\n- Ana Roos': a line opening with a dash after a quote.
                dash = self.dash_cue(a, b, si)
                if dash is not None:
                    found.append(dash)
            while c < ncues and cue_pos[c] < b:
                first, last = cue_pos[c], cue_last[c]
                category, role = cue_kind[c]
                c += 1
                # The longest cue at a token, kept only if it ends in the sentence.
                if first < nxt or last > b:
                    continue
                nxt = last
                if role == "none":  # "showed up", "think tank": the cue word in a phrase that reports nothing
                    continue
                w = words[first]
                if w in obj_not_cue and last == first + 1 and self.object_head(last) in obj_not_cue[w]:
                    continue  # "recalled its ambassador", "share a border": no report
                if w in t.aspectual_first and last < len(words) and words[last] == "to" and " ".join(words[first:last]) in t.aspectual and not self.cue_after_to(last):
                    continue  # "went on to win" (0.15 precision on PolNeAR; "went on to say" 0.95)
                q = bisect_right(quote_starts, ts[first]) - 1
                if q >= 0 and ts[first] < quotes[q][1]:  # seg.in_quote
                    continue
                if role == "docverb":
                    # "issued a statement", "released its annual report": a verb of issuing is a
                    # cue only before the document it issues (0.8 precision on PolNeAR).
                    if not self.document_object(last):
                        continue
                    role = "ing" if words[first].endswith("ing") else "verb"
                if not self.plausible(first, last, a, role, category):
                    # "her doubts about", "the praise for": not a verb, but a stance noun.
                    if role != "nounstance" or not self.noun_reading(first, last, a):
                        continue
                    role = "noun"
                # "said in a statement": one cue, not two.
                if found and role == "phrase" and category != HEARSAY and found[-1][1] >= first - 1:
                    f = found[-1]
                    found[-1] = (f[0], last, f[2], f[3], f[4])
                    continue
                # A cue inside the reported content of an earlier one is the speaker's words,
                # not a new attribution: "Smith said her family asked for privacy".
                # No boundary up to the cue means none up to its subject either: the source
                # need not be looked for (finding it changes nothing but caches).
                if content_from is not None and not self.new_clause(content_from, first) and words[first - 1] not in _SUBORDINATORS:
                    # What someone seeks or believes is not their words: an "allegedly"
                    # there is still the reporter's distancing.
                    if not (content_weak and category == DISTANCING):
                        continue
                # A belief, perception or intention verb after another cue with no clause
                # boundary between them belongs to that cue's phrase: "Obama's endorsement of
                # Clinton seemed like", "a woman who said she intended to".
                glued = content_from is None and found and category in _WEAK and not self.new_clause(found[-1][1], first) and words[first - 1] not in _SUBORDINATORS
                self.subject_before = False
                src = self.find_source(first, last, a, b, role, category, si, found)
                if glued:
                    o = found[-1][4]
                    # Not the main verb after a relative clause: "anyone who knows the harbour
                    # knows" (a pronoun there is the subject of a clause inside: "who said she intended").
                    if o is None or words[o.first] not in t.relative or src is not None and src.label == "pronoun" and found[-1][1] <= src.first < first:
                        continue
                if content_from is not None:
                    # Its own subject, when that is inside the earlier content, starts its clause.
                    start = src.first if src is not None and content_from <= src.first < first else first
                    if start < first and not self.new_clause(content_from, start):
                        continue
                    p = start - 1
                    while p > content_from and (self.words[p] in t.skip or self.adverb(p)):
                        p -= 1
                    pw = self.words[p]
                    if category in _WEAK and pw not in _CLAUSE_OPENERS:
                        # A belief or perception verb after a boundary is still the speaker's
                        # words unless its own clause starts at that boundary: in "said the plan,
                        # which voters want, is ..." "want" is content (0.29 precision otherwise).
                        continue
                    if pw == "that" and p - 1 >= content_from and self.words[p - 1] in _CLAUSE_OPENERS:
                        continue  # "said the pier is unsafe, and that the skippers told her": one object clause (1 of 15 right)
                    if pw in _AND_BUT and start < first and category in _WEAK and not content_weak and self.words[p - 1] != ",":
                        # A bare "and" before a new subject with a belief verb joins two things
                        # said: "said the tolls are high and skippers want a pier" (PolNeAR: 7 of
                        # 31 right as new cues; after ", and" 10 of 25, kept).
                        continue
                if src is not None and w in t.raising and not self.cue_after_to(last):
                    # "Veldmark appears to have left", "the talks seemed stalled": the writer's hedge
                    # about the subject, whose words these are not (PolNeAR: 80% of such cues have
                    # no source). Before a cue verb the subject holds that stance: "seemed to blame".
                    # The subject is kept here, as it bounds clauses and a participle after it is
                    # the subject's ("X appeared to launch an account, saying ..."); the
                    # attribution drops it below.
                    hedged.add(first)
                found.append((first, last, category, role, src))
                # A relative clause ("a woman who has accused him") ends before the main verb.
                if role in ("verb", "nounverb", "nounstance", "ing", "adj") and (src is not None and src.last <= first and self.words[src.first] not in t.relative or src is None and self.subject_before):
                    content_from = last
                    content_weak = category in _WEAK
                elif (role == "prep" or role == "poll") and first == a and src is not None:
                    # "According to X, ...": the rest of the sentence is X's report.
                    e = src.last
                    while e < b and self.words[e] != ",":
                        e += 1
                    content_from = e + 1
                    content_weak = False
            if not found:
                if not colon_tried:
                    colon = self.colon_cue(a, b, si)
                if colon is None:
                    continue
                found.append(colon)
            elif len(found) > 1:
                # "The plan will fail, the mayor said." / "..., according to Reuters.": what comes
                # before a trailing attribution is its content, so cues there are not new ones.
                for n in range(len(found) - 1, 0, -1):
                    f = found[n]
                    # Only a cue (or its source) right after a comma can trail: checked inline first.
                    if (words[f[0] - 1] == "," or f[4] is not None and words[f[4].first - 1] == ",") and self.trailing(f, a, b):
                        # Not an inverted cue after a quote ('...," said Ana Roos, who ...'): the quote is its content.
                        found[:n] = [x for x in found[:n] if words[x[0] - 1] in _CLOSE_QUOTES and x[4] is not None and x[4].first > x[0]]
                        break
            attributed += 1
            # A dash cue follows the quote it closes: '"..." - Ana Roos'.
            direct = self.sentence_has_quote(si) or found[-1][3] == "dash"
            for first, last, label, role, src in found:
                if role == "phrase" and label != HEARSAY and len(found) > 1:
                    continue
                if hedged and first in hedged:
                    src = None
                distancing = label == DISTANCING
                rule = "attribution.distancing" if distancing else "attribution.unsourced" if src is None and label == HEARSAY else ""
                # The cue span (Content.token_span, inlined: ~34 spans per article). A cue's first
                # token is never inside a quote (those were skipped): reporter voice.
                start, end = ts[first], te[last - 1]
                line = bisect_right(line_starts, start) - 1
                if line < 0:
                    line = 0
                cue = _new(Span)
                _setattr(cue, "__dict__", {"kind": ATTRIBUTION_CUE, "start": start, "end": end, "text": text[start:end], "label": label, "line": line + 1, "col": start - line_starts[line] + 1, "voice": REPORTER, "rule": rule, "score": None, "note": (src.name or "") if src else ""})
                spans.append(cue)
                sspan = None
                if src is not None:
                    if src.span is None:
                        # Descriptions ("the company") and pronouns point back to someone the article
                        # introduced; a definite document ("the statement") too.
                        srule = "attribution.anonymous" if src.label in ("anonymous", "vague") or src.label == "document" and src.type == ANONYMOUS and self.words[src.first] not in t.det else ""
                        note = f"{src.name} (resolved)" if src.resolved else src.name or ""
                        # The source span, as the cue's; its voice from the quotes (seg.in_quote).
                        start, end = ts[src.first], te[src.last - 1]
                        line = bisect_right(line_starts, start) - 1
                        if line < 0:
                            line = 0
                        q = bisect_right(quote_starts, start) - 1
                        sp = src.span = _new(Span)
                        _setattr(sp, "__dict__", {"kind": ATTRIBUTION_SOURCE, "start": start, "end": end, "text": text[start:end], "label": src.label, "line": line + 1, "col": start - line_starts[line] + 1, "voice": QUOTED if q >= 0 and start < quotes[q][1] else REPORTER, "rule": srule, "score": None, "note": note})
                        spans.append(sp)
                    sspan = src.span
                    self.remember(src)
                # new_frozen(Attribution, ...), inlined as in span().
                att = _new(Attribution)
                _setattr(att, "__dict__", {
                    "cue": cue,
                    "source": sspan,
                    "source_name": src.name if src else None,
                    "source_type": src.type if src else UNSOURCED,
                    "direct": direct,
                    "distancing": distancing,
                    "sentence": si,
                    "source_label": src.label if src else "",
                })
                atts.append(att)
        return AttributionOutput(spans=tuple(spans), metrics=self.metrics(atts, spans, attributed), attributions=tuple(atts))

    def find_cues(self) -> tuple[list[int], list[int], list[tuple[str, str]]]:
        """First token, end token and (category, role) of the longest cue at each token."""
        words, multi, one = self.words, self.t.cue_multi, self.t.cue_one
        pos: list[int] = []
        ends: list[int] = []
        kinds: list[tuple[str, str]] = []
        last = len(words) - 1
        starts = self.t.slot_start.__contains__
        slot_entry, slot_before = _SLOT_ENTRY, self.t.slot_before
        for a, b in self.runs:
            for i in compress(range(a, b), map(starts, words[a:b])):
                w = words[i]
                m = multi.get(w)
                if m is None:  # most cue words start no longer cue: then they are one-word cues
                    pos.append(i)
                    ends.append(i + 1)
                    kinds.append(one[w])
                    continue
                if m is slot_entry:
                    # "about"/"that": most follow no "be" or degree word two tokens back, so test
                    # that first; the slot needs two tokens of this run before it.
                    if i - 2 >= a and ((p := words[i - 2]) in slot_before or p.endswith(_SLOT_ENDS)) and (f := self.stance_slot(i, a)) >= 0 and (not pos or pos[-1] < f):
                        pos.append(f)  # not over a cue found already ("is confident that")
                        ends.append(i + 1)
                        kinds.append((_SLOT_PREPS[w], "adj"))
                    continue
                # Longer cues only when the next word can continue one ("in" is mostly not "in a statement").
                if i < last and words[i + 1] in m[0]:
                    for n, by_words in m[1]:
                        k = by_words.get(words[i : i + n])
                        if k is not None:
                            pos.append(i)
                            ends.append(i + n)
                            kinds.append(k)
                            break
                    else:
                        m = None
                    if m is not None:
                        continue
                k = one.get(w)
                if k is not None:
                    pos.append(i)
                    ends.append(i + 1)
                    kinds.append(k)
                elif w == "in" and self.capf[i] and self.poll_noun(i) > 0:
                    # "In a CNN poll released Monday, 50 percent ...": the poll reports what follows.
                    pos.append(i)
                    ends.append(i + 1)
                    kinds.append(_POLL)

        return pos, ends, kinds

    def stance_slot(self, k: int, a: int) -> int:
        """The first token of a stance cue ending with "about"/"that" at token ``k``, or -1: the
        word before it is a stance adjective when "be" or a linking verb stands before it (over
        degree words and adverbs) and a person-like subject before that ("he", "critics",
        "Smith", "the ministry"). The cue is the predicate as shown: after "be" and its
        auxiliaries and adverbs, keeping degree words ("they are uneasy about", "she was less
        shy about"), and from a linking verb ("Roos remained adamant that"); left_source steps
        over degree words and linking verbs to the subject (`_Tables.left_skip`)."""
        words, t, wordf, capf = self.words, self.t, self.wordf, self.capf
        x = k - 1
        if x - 1 < a or not wordf[x] or capf[x]:
            return -1
        w = words[x]
        if w in t.np_stop or w in t.det or w in t.indef or w in t.time or w[0].isdigit():
            return -1
        if w in t.slot_hearer:
            return -1  # "he was interviewed about", "were briefed that": the subject heard, it holds no view
        if w in _INDEF_PRONOUNS or w in t.source_kind or w in t.role:
            return -1  # a noun, and "that" a relative: "is someone that", "are people that voters trust"
        if words[k] == "about" and self.amount(k + 1):
            return -1  # "about $45 million", "about two weeks", "about a third": approximately
        if k + 1 < len(words) and words[k + 1] in t.time:
            return -1  # "was elected that year", "were there about Monday": a time, not what is held
        j = x - 1
        while j > a and (words[j] in t.slot_degree or self.adverb(j)):
            j -= 1
        w = words[j]
        if w.endswith(_BE_CONTRACTIONS):  # "they're unsure about"; "Smith's comments about" is a possessive
            return self.slot_first(j + 1, x) if self.t.pronoun.get(self.pronoun_key(w)) in _SLOT_PRONOUNS else -1
        if w not in t.slot_linking:
            return -1
        first = self.slot_first(j + 1, x) if w in _BE or w == "am" else j
        s = j - 1
        while s >= a and (words[s] in t.skip or self.adverb(s)):
            s -= 1  # "has always been", "were also"
        if s < a:
            return -1
        w = self.pronoun_key(words[s])
        kind = t.pronoun.get(w)
        if kind is not None:
            return first if kind in _SLOT_PRONOUNS else -1
        if w == "who" or t.source_kind.get(w) in ("anonymous", "vague", "organisation") or w in t.role:
            return first
        return first if capf[s] and wordf[s] and w not in t.not_proper and w not in t.function else -1

    def amount(self, i: int) -> bool:
        """Token ``i`` opens a figure or amount: a digit, a currency sign, or a number word
        (after "a": "a dozen")."""
        words = self.words
        if i < len(words) and words[i] in ("a", "an"):
            i += 1
        return i < len(words) and (words[i][:1] in _APPROX or words[i] in self.t.slot_amount)

    def slot_first(self, i: int, x: int) -> int:
        """The first token from ``i`` to the adjective ``x`` that is no auxiliary or adverb: the
        cue "less shy about" keeps the degree word, "also honest about" drops "also"."""
        words, skip = self.words, self.t.skip
        while i < x and (words[i] in skip or self.adverb(i)):
            i += 1
        return i

    def poll_noun(self, i: int) -> int:
        """The poll or survey noun of "In a/the <up to five name words> poll" at token ``i``; -1 if none."""
        words, wordf, t = self.words, self.wordf, self.t
        j = i + 1
        if j >= len(words) or words[j] not in t.det and words[j] not in ("a", "an"):
            return -1
        for k in range(j + 1, min(j + 7, len(words))):
            w = words[k]
            if w in t.poll:
                return k
            # Names and dates of the poll ("NBC News/Wall Street Journal", "early-October"), not
            # a phrase of its own ("in the wake of", "in an interview, ...").
            if not (wordf[k] or w in ("/", "-", ".", "'s", "’s")) or w in _PREPOSITIONS or w in t.function:
                return -1
        return -1

    def new_clause(self, lo: int, hi: int) -> bool:
        """A clause boundary lies between an earlier cue's content start and this cue's clause."""
        return not _CLAUSE_OPENERS.isdisjoint(self.words[lo:hi])

    def colon_cue(self, a: int, b: int, si: int):
        """'Smith: "We will win."' - a colon before a quote, with a source before it."""
        pos = self.colon_pos
        c = bisect_left(pos, a + 1)
        while c < len(pos) and pos[c] < b - 1:
            k = pos[c]
            c += 1
            if self.seg.in_quote(self.ts[k]):
                continue
            # Before a quote, or after a bare name opening the sentence ("Smith: No deal").
            # Not a label line ("Correction: ...", "Q: ...", "Clinton: 547").
            # A headline speaker may carry a title ("Dr. Ana Roos: ..."); "The Latest: ..." is a label.
            if self.words[k + 1] in _OPEN_QUOTES or (
                k - a <= 5
                and self.words[a] not in self.t.det
                and all(self.capf[i] or self.words[i] == "." for i in range(a, k))
                and self.capf[k - 1]
                and self.words[k - 1] not in self.t.not_speaker
                and not (k - 1 == a and len(self.words[a]) == 1)  # interview labels "Q:", "A:"
                and self.text[self.ts[k + 1]].isalpha()
            ):
                src, _ = self.left_source(k, a, si)
                if src is not None:
                    return (k, k + 1, "neutral", "colon", src)
        return None

    def trailing(self, cue: tuple, a: int, b: int) -> bool:
        """A cue that closes its sentence after a comma: ", according to X" or ", X said."."""
        first, last, _, role, src = cue
        words = self.words
        if role == "prep":
            return first > a and words[first - 1] == ","
        if src is None or src.last > first or src.first - 2 < a or words[src.first - 1] != "," or words[src.first] in self.t.relative:
            return False
        # '"...," he said' is handled by the quote; one word may follow ("said Tuesday").
        return words[src.first - 2] not in _CLOSE_QUOTES and (last >= b - 1 or words[last] in _SENT_END or last + 1 < b and words[last + 1] in _SENT_END)

    def dash_cue(self, a: int, b: int, si: int):
        """'"We will win." - Ana Roos': the dash opening sentence ``a..b`` after a quote, before
        a name that ends its line."""
        k = a
        while k + 1 < b and self.words[k + 1] in _DASHES:  # "--" is two tokens
            k += 1
        # Only a byline-like name: capitalised words up to the end of the line, a period,
        # a comma or a bracket ("- Ana Roos (@aroos)"); not '" - Links to the best of ...'.
        j = k + 1
        while j < b and self.capf[j] and self.wordf[j] and j - k <= 4:
            j += 1
        if j == k + 1 or j - k > 4:
            return None
        line_end = self.text.find("\n", self.ts[k])
        if not (j == b or self.words[j] in (".", ",", "(") or line_end != -1 and self.ts[j] > line_end):
            return None
        src = self.np_starting(k + 1, j, si)
        if src is None or src.type == UNSOURCED:
            return None
        return (a, a + 1, "neutral", "dash", src)

    def plausible(self, first: int, last: int, a: int, role: str, category: str) -> bool:
        """Context rules that tell a reporting verb from a noun, an infinitive or a headline word."""
        words, t = self.words, self.t
        prev = words[first - 1] if first > a else ""
        weak = category in _WEAK
        if role == "nounstance":
            role = "nounverb"
        if prev in t.markup:
            return False
        if prev in t.say_idiom_last and words[first] in _SAY and self.say_idiom(first, last, a):
            return False  # "let's say", "needless to say", "That said, ...": the writer's idiom, no report
        if role == "prep":
            return not (first + 2 < len(words) and words[last] in t.not_source)
        if role == "poll":
            return first == a
        if role == "phrase":
            # "In a statement, ..." opening a sentence introduces the next cue, which is counted.
            return category == HEARSAY or first > a
        if self.capf[first] and first > a and not self.capf[first - 1]:
            return False  # Title Case headline ("Terror Attacks Highlight Threat")
        if role == "adverb":
            return True
        if role == "noun":
            return self.noun_reading(first, last, a)
        if prev in t.det or prev in t.indef and not (role == "verb" and prev not in ("a", "an")):
            return False  # "a say", "the claims"; a quantifier is a verb's subject: "another says", "two in three said"
        if role == "ing" and weak and first > a and not (prev in _PROGRESSIVE or prev == "," or prev.endswith(_BE_CONTRACTIONS) and self.pronoun_key(prev) in t.pronoun):
            # "hoping to win" is no attribution; "is hoping" (a finite verb), "..., hoping
            # to win" and "Noting that ..., Smith" (participle clauses of the subject) are.
            return False
        if role == "verb" and words[first] in _NAMING and first - 2 >= a and self.naming(first, last, a):
            return False  # "a website called Real News", "a memo titled ...": a name, not a report
        if role != "ing" and prev in _PREPOSITIONS:
            return False  # an adjective, not a verb: "a lead in pledged delegates"
        if prev in t.do:
            # "doesn't believe", "did say": the verb after "do" is finite, as after "not"; a noun
            # reading ("do the show") and a generic "you don't know" are not cues.
            if role == "nounverb" or weak and first - 2 >= a and t.pronoun.get(words[first - 2]) == "you":
                return False
        elif prev in t.modal and (weak or role == "nounverb"):
            return False
        if role == "nounverb":
            # A form that is also a noun ("claims", "plans") is a verb only right after its subject.
            if prev in t.noun_before or first == a:
                return False
            pk = t.pronoun.get(prev)
            if pk is not None and pk != "you" or prev in t.relative or t.source_kind.get(prev) is not None or self.proper(first - 1):
                return True
            # Otherwise a verb when an object follows: "the video shows him", "the office calls the ...".
            nxt = words[last] if last < len(words) else ""
            # Or what was shown/claimed starts with a name, a number or a clause: "a poll shows
            # Clinton ahead", "filings show 68% ...", "records show he backed ...".
            return bool(self.wordf[first - 1]) and prev not in t.function and (
                nxt in t.det or nxt in t.obj or nxt in _CLAUSE_START or nxt[:1].isdigit() or last < len(words) and self.capf[last] and self.wordf[last]
            )
        if weak and t.pronoun.get(prev) == "you":
            return False  # generic "you know", "you see"; "I think", "she doesn't believe" are attributions
        return True

    def say_idiom(self, first: int, last: int, a: int) -> bool:
        """ "say" in the writer's idiom: "let's say", "needless to say", "That said, ..."."""
        words, idioms = self.words, self.t.say_idiom
        prev = words[first - 1]
        if prev == "that":
            return first - 1 == a and last < len(words) and words[last] == ","
        return prev in idioms or first - 2 >= a and f"{words[first - 2]} {prev}" in idioms or first - 3 >= a and f"{words[first - 3]} {words[first - 2]} {prev}" in idioms

    def naming(self, first: int, last: int, a: int) -> bool:
        """A naming participle after an indefinite common noun, before a name or quote: "a
        company called Sansun", "a book titled 'Yuge!'"."""
        words, capf = self.words, self.capf
        if not (last < len(words) and (capf[last] and self.wordf[last] or words[last] in _OPEN_QUOTES)):
            return False
        j = first - 1
        while j >= a and first - j <= 3 and self.wordf[j] and not capf[j] and words[j] not in ("a", "an"):
            j -= 1
        return j >= a and j < first - 1 and words[j] in ("a", "an")

    def object_head(self, k: int) -> str:
        """The head of the phrase starting at token ``k`` right after a verb: its last word
        before a function word or punctuation, over an article or possessive, modifiers and
        adverbs ("its ambassador", "a long land border", "40,000 faulty cars"); "" if none."""
        words, wordf, t = self.words, self.wordf, self.t
        n = len(words)
        if k < n and (words[k] in t.det or words[k] in t.indef):
            k += 1
        head, end = "", min(k + 5, n)
        while k < end:
            w = words[k]
            if w in t.skip or w in t.time:
                pass  # "a long land border", "its envoy yesterday"
            elif wordf[k] and w not in t.np_stop and w not in t.det and w not in t.indef:
                head = w
            elif not (w == "," and head[:1].isdigit() and k + 1 < n and words[k + 1][:1].isdigit()):
                break
            k += 1
        # "called the election a sham", 'called the vote “a farce”': a naming complement follows.
        return head if k >= n or words[k] not in _OPEN_QUOTES else ""

    def cue_after_to(self, k: int) -> bool:
        """"to" at token ``k`` before a cue verb, over "have"/"be" and an -ly adverb: "seemed to
        blame", "went on to say", "appears to have denied"."""
        words, cues = self.words, self.cues.by_first_word
        n = len(words)
        if k + 1 >= n or words[k] != "to":
            return False
        k += 1
        if k + 1 < n and (words[k] in ("have", "be") or self.adverb(k)):
            k += 1
        return words[k] in cues

    def document_object(self, k: int) -> bool:
        """An article or possessive at token ``k``, then a document head within three words:
        "a statement", "its annual report", "a letter"."""
        words, t = self.words, self.t
        if k >= len(words) or not (words[k] in t.det or words[k] in ("a", "an") or words[k] in _POSSESSIVE):
            return False
        for j in range(k + 1, min(k + 4, len(words))):
            if not self.wordf[j]:
                return False
            if t.source_kind.get(words[j]) == "document":
                return True
        return False

    def noun_reading(self, first: int, last: int, a: int) -> bool:
        """A stance noun is a cue before what it is about: "criticism of", "concern that"."""
        return last < len(self.words) and self.words[last] in _NOUN_PREP and not (first > a and self.words[first - 1] in _PREPOSITIONS)

    def noun_source(self, first: int, last: int, a: int, b: int, si: int) -> _Source | None:
        """The holder of a stance: "his criticism", "Smith's concern", "criticism from Smith"."""
        words = self.words
        j = first - 1
        if j > a and self.wordf[j] and words[j] not in _POSSESSIVE and not words[j].endswith(("'s", "’s")):
            j -= 1  # one adjective: "his sharp criticism"
        if j >= a:
            w = words[j]
            pk = _POSSESSIVE.get(w)
            if pk is not None:
                return self.pronoun_source(j, si, pk)
            if w.endswith(("'s", "’s")) and self.wordf[j]:
                return self.np_ending(j, a, si)
        if last + 1 < b and words[last] in ("from", "by"):
            return self.np_starting(last + 1, b, si)
        return None

    def find_source(self, first, last, a, b, role, category, si, found) -> _Source | None:
        if role == "adverb" or category == HEARSAY:
            return None
        if role == "noun":
            return self.noun_source(first, last, a, b, si)
        if role == "prep":
            return self.np_starting(last, b, si)
        if role == "poll":
            return self.classify(last, self.poll_noun(first) + 1, si)
        src, stop = self.left_source(first, a, si)
        # A junk subject ("the decision appears") still ends the clause that the cue opens.
        self.subject_before = stop in ("np", "other") or src is not None and src.last <= first
        if role in ("verb", "nounverb", "nounstance") and self.passive(first, a):
            # "No steps were disclosed", "the visit is seen as": the subject is not who spoke;
            # the agent, if any, follows "by".
            # The agent may follow a few words on: "deemed insufficient by Democrats".
            k = last
            while k < b and k - last < 4 and self.words[k] != "by" and self.wordf[k]:
                k += 1
            return self.np_starting(k + 1, b, si) if k < b and self.words[k] == "by" else None
        if last + 1 < b and self.words[last] == "by" and role in ("verb", "nounverb", "nounstance") and category != "belief":
            # A participle with its agent: "an allegation rejected by three inquiries", "first
            # reported by the Times": the agent speaks, not the phrase before. Not for belief
            # verbs, whose "by" names a cause ("worried by the increase").
            w = self.words[last - 1]
            if w.endswith(("ed", "en")) or w in _PARTICIPLES:
                agent = self.np_starting(last + 1, b, si)
                if agent is not None:
                    return agent
        # A participle after a comma belongs to its clause's subject or the previous cue's
        # source, not to an apposition before the comma ("with X as his next destination,
        # the community is watching, recognizing that ...").
        if src is not None and role == "ing" and stop == "np" and src.label != "pronoun":
            # A participle after a verb's object: "The campaign issued a statement saying ...",
            # "speakers took turns urging ...": the verb's subject is the source.
            v = src.first - 1
            if v > a and self.wordf[v] and not self.capf[v] and self.words[v] not in self.t.function:
                issuer, _ = self.left_source(v, a, si)
                if issuer is not None:
                    return issuer
        if src is not None and not (role == "ing" and stop == "comma"):
            return src
        if stop == "to" and not found:
            # An infinitive cue's speaker is the subject of the verb or adjective before "to":
            # "Clinton is continuing to insist", "Readers of the site were quick to condemn".
            subject = self.subject_before_to(first - 2, a, si)
            if subject is not None:
                return subject
        if stop in ("quote", "comma", "start") and role != "ing":
            right = self.np_starting(last, b, si)
            # After a comma (or opening the sentence) the phrase is the agent only where the sentence ends or pauses after it
            # ("..., said Ana Roos." / "..., said Ana Roos, an engineer"); before a verb it opens the
            # reported clause ("Roos, an engineer from Sarn, said the pier ...").
            if right is not None and stop != "quote" and right.last < b:
                e = right.last  # a date may follow: "said Bo Lind yesterday.", "said Bo Lind on Monday."
                if self.words[e] in _TIME_PREPS and e + 1 < b and self.words[e + 1] in self.t.time:
                    e += 1
                if self.words[e] in self.t.time or self.words[e] in self.t.skip:
                    e += 1
                if e < b and self.words[e] not in _AGENT_END:
                    right = None
            if right is not None and (stop != "start" or right.label in ("pronoun", NAMED)):
                return right
        if found and (role in ("ing", "phrase") or stop in ("and", "but", "comma", "or", "quote")):
            return found[-1][4]
        if not found and first - a <= 1 and (role == "ing" or role == "verb" and first == a and (self.words[first].endswith(("ed", "en")) or self.words[first] in _PARTICIPLES)):
            # An opening participle clause belongs to the subject after its comma: "After saying
            # ..., the man ...", "Asked about the pier, Dorn said ...".
            k = last
            while k < b and k - last < _CLAUSE_MAX and self.words[k] != ",":
                k += 1
            if k + 1 < b:
                main = self.np_starting(k + 1, b, si)
                # The subject ends before its verb: "Hoping for rain, the farmers waited" (the
                # phrase up to "waited" has no noun head); the shortest phrase that is one.
                e = k + 2
                while main is None and e < b and e - k <= _NP_MAX and self.wordf[e - 1]:
                    main = self.np_starting(k + 1, e, si)
                    e += 1
                if main is not None and main.label in (NAMED, "pronoun", "description", ANONYMOUS):
                    return main
        if (stop in ("and", "but") and role in ("verb", "nounverb", "nounstance", "ing") or stop in ("comma", "by") and role == "ing" and not found or stop == "to" and not found) and self.capf[a] and self.words[a] not in self.t.det:
            # "President Obama met survivors ... and said", "Obama began by telling ...", "Ana Roos
            # filed a suit, alleging ...": the name or pronoun opening the sentence, or the clause
            # after an introductory phrase ("In his speech, Obama praised ... and said").
            a0 = self.after_dateline(a, first)
            s0 = self.np_starting(a0, first, si)
            if s0 is None:
                k = a0
                while k < first and k - a < 8 and self.words[k] != ",":
                    k += 1
                if k + 1 < first and self.words[k] == ",":
                    s0 = self.np_starting(k + 1, first, si)
            if s0 is not None and s0.label in (NAMED, "pronoun") and s0.last < first:
                return s0
        return None

    def after_dateline(self, a: int, first: int) -> int:
        """The first token after a dateline opening the sentence ("BRUSSELS - ", "New York
        (AFP) - "): capitalised words and a bracketed agency before a dash."""
        words, capf = self.words, self.capf
        k = a
        while k < first and k - a < 10 and (capf[k] or words[k] in ("(", ")", ",", ".")):
            k += 1
        return k + 1 if k > a and k + 1 < first and words[k] in _DASHES else a

    def subject_before_to(self, j: int, a: int, si: int) -> _Source | None:
        """A name or pronoun before up to three lower-case words ending at ``j`` (the word
        before "to"), over auxiliaries: "Clinton [is continuing] to", "he [tries] to"."""
        words, t = self.words, self.t
        n = 0
        while j > a and n < 3 and self.wordf[j] and not self.capf[j] and words[j] not in t.function:
            if words[j] not in t.skip:
                n += 1
            j -= 1
        while j > a and words[j] in t.skip:
            j -= 1
        if n == 0 or j < a:
            return None
        src = self.np_ending(j, a, si)
        return src if src is not None and src.label in (NAMED, "pronoun") else None

    def passive(self, cue: int, a: int) -> bool:
        """A form of "be" before a participle cue: "were disclosed", "is also seen"."""
        words = self.words
        w = words[cue]
        if not (w.endswith(("ed", "en")) or w in _PARTICIPLES or w in self.t.not_head):
            return False
        j = cue - 1
        skip, capf = self.t.skip, self.capf
        while j >= a:
            w = words[j]
            if not (w in skip or len(w) > 4 and w.endswith("ly") and not capf[j]):  # self.adverb(j)
                break
            if w in _BE:
                return True
            j -= 1
        return False

    def sentence_has_quote(self, si: int) -> bool:
        """The sentence holds quoted words, or ends with ':' before a quote."""
        seg, text = self.seg, self.text
        ss, se = seg.sentences[si]
        quotes = seg.quotes
        k = bisect_left(seg._quote_starts, se)
        # Quotes do not overlap, so their ends rise with their starts: walk back from the
        # last quote opening before the sentence end until one ends before the sentence.
        i = k - 1
        while i >= 0:
            qs, qe = quotes[i]
            if qe <= ss:
                break
            if " " in text[qs:qe].strip():
                return True
            i -= 1
        if k < len(quotes) and quotes[k][0] - se < 4 and text[ss:se].rstrip().endswith(":"):
            return True
        return False

    def metrics(self, atts: list[Attribution], spans: list[Span], attributed: int) -> dict[str, float]:
        n = len(atts)
        words = max(1, self.c.words)
        by_type = {NAMED: 0, ANONYMOUS: 0, UNSOURCED: 0}
        dist = direct = 0
        for x in atts:
            by_type[x.source_type] = by_type.get(x.source_type, 0) + 1
            dist += x.distancing
            direct += x.direct
        named, anon, unsourced = by_type[NAMED], by_type[ANONYMOUS], by_type[UNSOURCED]
        share = lambda x: x / n if n else 0.0  # noqa: E731
        return {
            "attributions": n,
            "attribution_per_100w": 100 * n / words,
            "attributed_sentence_share": attributed / len(self.c.sentences) if self.c.sentences else 0.0,
            "attribution_named": named,
            "attribution_anonymous": anon,
            "attribution_unsourced": unsourced,
            "attribution_named_share": share(named),
            "attribution_anonymous_share": share(anon),
            "attribution_unsourced_share": share(unsourced),
            "distancing_cues": dist,
            "distancing_per_100w": 100 * dist / words,
            "direct_quotes": direct,
            "direct_quote_share": share(direct),
        }


def detect(content: Content, lex: Lexicons) -> AttributionOutput:
    """Attribution cues and their sources in the content sentences of one article."""
    return _Detector(content, lex).run()
