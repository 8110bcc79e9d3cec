"""Lint your own copy: findings with line:col, severities and exit codes.

Prints ``path:line:col: severity rule-id message`` per finding, sorted, then a
summary line. Findings come from the detectors' spans (anonymous sources,
distancing cues, reportative hedges, boosters in your own voice, boilerplate left
in the copy) and from audit rules that combine them (stacked hedges, hedge
density, unattributed claims, one-sided tone, loaded labels). Configure with
``framing.toml`` or ``[tool.framing]`` in ``pyproject.toml``; switch a rule off
inline with a comment such as ``<!-- framing: disable=label.loaded -->``.
See docs/audit.md.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Iterator, Mapping, Sequence

from .cli import ExitStatus, UsageError
from .config import SEVERITIES, Config, ConfigError, check_rule_ids, config_for, load_config, rule_matches
from .lexicon import LexiconError, Lexicons, WordList, per_lexicon
from .model import ACTOR, ATTRIBUTION_CUE, ATTRIBUTION_SOURCE, BOILERPLATE, HEDGE, REPORTER, ArticleResult, Span
from .rules import Rule, load_rules
from .segment import Segmentation, segment

EPILOG = """\
examples:
  framing audit draft.txt                        findings as path:line:col: severity rule message
  framing audit drafts/ --format json            every .txt/.md/.html below a folder, as JSON
  cat draft.txt | framing audit - --stdin-filename draft.txt
  framing audit draft.txt --against corpus/      compare headline rates with a reference corpus
  framing audit --list-rules                     every rule, its severity and whether it is on

exit status: 0 nothing at or above --fail-level, 1 findings, 2 usage or configuration
error, 3 an input could not be read (the other inputs are still audited).
"""

SEVERITY_RANK = {s: i for i, s in enumerate(SEVERITIES)}
# How a column is counted: code points (Python, proselint, Vale; the default), or
# UTF-16 code units (VS Code, the Language Server Protocol, GitHub), which count a
# character beyond U+FFFF (most emoji) as two.
COLUMN_KINDS = ("codepoints", "utf16")
STDIN = "<stdin>"
AUDIT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm"}
OFFICE_SUFFIXES = {".docx", ".doc", ".odt", ".rtf", ".pdf", ".pages"}

# Detector areas whose span rules become findings; other span rules (actors.mention) are data.
SPAN_AREAS = ("attribution", "hedging", "boilerplate")
AUDIT_AREAS = SPAN_AREAS + ("audit", "tone", "label")
# Every hedge as a finding would bury the real problems: these are counted (hedging.density)
# and stacked (hedging.stacked), and shown only when a config enables them.
DEFAULT_OFF = ("hedging.modal", "hedging.epistemic", "hedging.adverb", "hedging.noun", "hedging.approximator")
# Used when a detector's rules file does not (yet) define a rule its spans carry.
_FALLBACK = {
    "attribution": ("warning", "Attribution problem: say who the source is."),
    "hedging": ("suggestion", "Hedge: say who is uncertain, or why."),
    "boilerplate": ("warning", "Page furniture left in the copy (share prompt, byline, comment link...): remove it before filing."),
}

# Closed-class words the claim and label checks need.
_COPULA = frozenset("is are was were be been being remains remained 's 're".split())
# An article may sit between a copula and an evaluation ("is a fraud"); the adverbs that may
# ("is utterly corrupt") are the intensifier entries of audit_claims.tsv.
_ARTICLE = frozenset(("a", "an"))
_DETERMINER = frozenset("the a an his her its their our my your this that these those".split())
_NEGATION = frozenset("not n't never no nor neither without".split())
_CONDITIONAL = frozenset("if whether unless".split())
_STACK_GLUE = frozenset("be been have also well even still just yet really actually".split())


@dataclass(frozen=True)
class Finding:
    """One audit finding; ``text == article_text[start:end]``, columns 1-based, end exclusive."""

    path: str
    line: int
    col: int
    end_line: int
    end_col: int
    rule: str
    severity: str
    message: str
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "line": self.line,
            "col": self.col,
            "end_line": self.end_line,
            "end_col": self.end_col,
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "text": self.text,
            "start": self.start,
            "end": self.end,
        }

    def format(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.severity} {self.rule} {self.message}"

    @property
    def sort_key(self) -> tuple:
        return (self.path, self.line, self.col, self.rule, self.end)


# ---------------------------------------------------------------------------
# Inline directives

# "framing: disable=a.b,c.d" inside an HTML/Markdown comment, after '#' or '//', or in
# square brackets; the comment runs to the end of its line.
_DIRECTIVE = re.compile(
    r"(?:<!--|#|//|/\*|\[)[ \t]*framing:[ \t]*(disable-next-line|disable-line|disable|enable)\b"
    r"(?:[ \t]*=?[ \t]*([A-Za-z*][A-Za-z0-9_.*\-]*(?:[ \t]*,[ \t]*[A-Za-z*][A-Za-z0-9_.*\-]*)*))?[ \t]*(?:-->|\*/|\])?[^\n]*"
)
ALL = "*"


@dataclass(frozen=True)
class Directives:
    """Which rules inline comments switch off, by 1-based line."""

    lines: Mapping[int, tuple[str, ...]]  # line -> patterns switched off on it
    blocks: tuple[tuple[int, int, str], ...]  # (first line, last line, pattern)

    def suppresses(self, rule: str, line: int) -> bool:
        for p in self.lines.get(line, ()):
            if p == ALL or rule_matches(p, rule):
                return True
        return any(a <= line <= b and (p == ALL or rule_matches(p, rule)) for a, b, p in self.blocks)


NO_DIRECTIVES = Directives(lines={}, blocks=())


def parse_directives(text: str) -> tuple[Directives, str]:
    """The directives of ``text``, and the text with them blanked (same offsets)."""
    if "framing:" not in text:
        return NO_DIRECTIVES, text
    seg_lines = [0]
    for m in re.finditer("\n", text):
        seg_lines.append(m.end())
    n_lines = len(seg_lines)
    line_of = lambda off: bisect_right(seg_lines, off)  # noqa: E731 - 1-based line
    lines: dict[int, list[str]] = {}
    open_blocks: dict[str, int] = {}
    blocks: list[tuple[int, int, str]] = []
    chars = list(text)
    for m in _DIRECTIVE.finditer(text):
        kind, ids = m.group(1), m.group(2)
        patterns = [p.strip() for p in ids.split(",")] if ids else [ALL]
        line = line_of(m.start())
        if kind == "disable-line":
            lines.setdefault(line, []).extend(patterns)
        elif kind == "disable-next-line":
            nxt = line + 1
            while nxt <= n_lines and not text[seg_lines[nxt - 1] : (seg_lines[nxt] - 1 if nxt < n_lines else len(text))].strip():
                nxt += 1
            lines.setdefault(nxt, []).extend(patterns)
        elif kind == "disable":
            for p in patterns:
                open_blocks.setdefault(p, line)
        else:  # enable
            for p in list(open_blocks) if patterns == [ALL] else patterns:
                if p in open_blocks:
                    blocks.append((open_blocks.pop(p), line, p))
        for i in range(m.start(), m.end()):
            chars[i] = " "
    blocks.extend((start, n_lines, p) for p, start in open_blocks.items())
    return Directives(lines={k: tuple(v) for k, v in lines.items()}, blocks=tuple(sorted(blocks))), "".join(chars)


# ---------------------------------------------------------------------------
# Findings for one analyzed article

rules_for = per_lexicon(load_rules)


def known_rule_ids(lex: Lexicons) -> set[str]:
    from .detectors.boilerplate import CATEGORIES

    return set(rules_for(lex)) | {f"boilerplate.{c}" for c in CATEGORIES}


def is_enabled(rule_id: str, config: Config, rule: Rule | None = None) -> bool:
    """Config enable/disable (exact ids before ``area.*``), else the default."""
    if rule_id in config.enable:
        return True
    if rule_id in config.disable:
        return False
    if any(rule_matches(p, rule_id) for p in config.enable):
        return True
    if any(rule_matches(p, rule_id) for p in config.disable):
        return False
    return rule_id not in DEFAULT_OFF and (rule is None or rule.enabled)


class _Article:
    """What the audit checks share: segmentation, sentences of spans, content sentences."""

    def __init__(self, result: ArticleResult, lex: Lexicons, seg: Segmentation | None):
        self.result = result
        self.lex = lex
        self.seg = seg or segment(result.text)
        seg = self.seg
        bp_lines = {s.line - 1 for s in result.spans if s.kind == BOILERPLATE}
        self.content = [i for i, (s, _) in enumerate(seg.sentences) if seg.line_index(s) not in bp_lines]
        self.cue_sentences = {seg.sentence_index(s.start) for s in result.spans if s.kind == ATTRIBUTION_CUE}
        self.cues = sorted(s.start for s in result.spans if s.kind == ATTRIBUTION_CUE)
        self.sources = [(s.start, s.end) for s in result.spans if s.kind == ATTRIBUTION_SOURCE]
        self.hedge_sentences = {seg.sentence_index(s.start) for s in result.spans if s.kind == HEDGE}
        self.actors = [s for s in result.spans if s.kind == ACTOR]
        self._actor_starts = [s.start for s in self.actors]

    def actors_between(self, start: int, end: int) -> list[Span]:
        return self.actors[bisect_left(self._actor_starts, start) : bisect_left(self._actor_starts, end)]


def findings_for_result(result: ArticleResult, lex: Lexicons, config: Config | None = None, *, directives: Directives | None = None, seg: Segmentation | None = None) -> list[Finding]:
    """Every enabled finding for one analyzed article, sorted; see the module docstring."""
    config = config or Config()
    if result.status != "ok":
        return []
    if directives is None:
        directives = parse_directives(result.text)[0]
    rules = rules_for(lex)
    art = _Article(result, lex, seg)
    path = result.path or "<text>"
    raw: list[tuple[str, int, int, str]] = []  # rule, start, end, detail
    raw.extend(_span_findings(result))
    th = config.thresholds
    raw.extend(_stacked(art, th.stacked_gap))
    raw.extend(_density(art, th.hedge_density, th.hedge_density_min))
    raw.extend(_one_sided(art, th.one_sided_mentions, th.one_sided_score))
    raw.extend(_loaded_labels(art))
    raw.extend(_unattributed_claims(art, th.claim_window))

    out: list[Finding] = []
    seen: set[tuple[str, int, int]] = set()
    for rid, start, end, detail in raw:
        rule = rules.get(rid)
        if not is_enabled(rid, config, rule) or (rid, start, end) in seen:
            continue
        seen.add((rid, start, end))
        text = result.text[start:end]
        if rid != "hedging.density" and text.lower().strip() in config.ignore_terms:
            continue
        line, col = art.seg.line_col(start)
        if directives.suppresses(rid, line):
            continue
        end_line, end_col = art.seg.line_col(end)
        if rule is not None:
            severity, message = rule.severity, rule.message
        else:
            severity, message = _FALLBACK.get(rid.split(".", 1)[0], ("warning", rid))
        severity = config.severity.get(rid, severity)
        if detail:
            message = f"{detail}. {message}"
        out.append(Finding(path, line, col, end_line, end_col, rid, severity, message, text, start, end))
    out.sort(key=lambda f: f.sort_key)
    return out


def _span_findings(result: ArticleResult) -> Iterator[tuple[str, int, int, str]]:
    """Detector spans that are findings: in the reporter's voice (boilerplate: anywhere)."""
    # Cue starts, sorted, with the running maximum of their ends: a hedge overlaps some
    # cue iff a cue starting before the hedge's end reaches past its start. One bisect
    # per hedge; testing every cue per hedge made a long draft quadratic.
    cues = sorted((s.start, s.end) for s in result.spans if s.kind == ATTRIBUTION_CUE and s.rule)
    cue_starts = [a for a, _ in cues]
    reach: list[int] = []
    for _, b in cues:
        reach.append(max(b, reach[-1]) if reach else b)
    for s in result.spans:
        if not s.rule or s.rule.split(".", 1)[0] not in SPAN_AREAS:
            continue
        if s.kind != BOILERPLATE and s.voice != REPORTER:
            continue
        # A document ("a letter", "records") is a checkable source, not an anonymous one.
        if s.kind == ATTRIBUTION_SOURCE and s.label == "document":
            continue
        # "allegedly" is both a distancing cue and a reportative hedge: report it once, as attribution.
        if s.kind == HEDGE:
            i = bisect_left(cue_starts, s.end)
            if i and reach[i - 1] > s.start:
                continue
        yield s.rule, s.start, s.end, ""


def _reporter_hedges(art: _Article) -> list[Span]:
    return [s for s in art.result.spans if s.kind == HEDGE and s.voice == REPORTER]


def _stacked(art: _Article, gap: int) -> Iterator[tuple[str, int, int, str]]:
    """Two or more hedges within ``gap`` tokens of each other in one sentence ("could possibly")."""
    seg = art.seg
    hedges = _reporter_hedges(art)
    i = 0
    while i < len(hedges):
        j = i
        while j + 1 < len(hedges):
            a, b = hedges[j], hedges[j + 1]
            lo, hi = bisect_left(seg.token_starts, a.end), bisect_left(seg.token_starts, b.start)
            # Only auxiliaries and adverbs may sit between ("may well be possible"); a noun or
            # "that" between means two clauses ("believed he could win"), not a stack.
            if seg.sentence_index(a.start) != seg.sentence_index(b.start) or hi - lo > gap or not all(w in _STACK_GLUE for w in seg.words[lo:hi]):
                break
            j += 1
        if j > i:
            words = " + ".join(f"'{h.text}'" for h in hedges[i : j + 1])
            yield "hedging.stacked", hedges[i].start, hedges[j].end, words
        i = j + 1


def _density(art: _Article, limit: float, min_hedges: int) -> Iterator[tuple[str, int, int, str]]:
    """Reporter hedges per 100 reporter words above ``limit``: one finding at the first hedge."""
    hedges = _reporter_hedges(art)
    words = art.result.metrics.get("reporter_words", 0)
    if not hedges or not words or len(hedges) < max(1, min_hedges):
        return
    rate = 100.0 * len(hedges) / words
    if rate > limit:
        first = hedges[0]
        yield "hedging.density", first.start, first.end, f"{len(hedges)} hedges in {int(words)} words of your own text: {rate:.1f} per 100 words (limit {limit:g})"


def _one_sided(art: _Article, min_mentions: int, min_score: float) -> Iterator[tuple[str, int, int, str]]:
    """An actor whose every reporter-voice mention (>= min_mentions) has the same polarity."""
    seg = art.seg
    by_actor: dict[str, list[Span]] = {}
    for s in art.actors:
        # A mention in a sentence with an attribution is someone else's statement, not the reporter's.
        if s.voice != REPORTER or s.score is None or seg.sentence_index(s.start) in art.cue_sentences:
            continue
        by_actor.setdefault(s.label, []).append(s)
    for actor, mentions in sorted(by_actor.items()):
        if len(mentions) < max(1, min_mentions):
            continue
        signs = {1 if m.score >= min_score else -1 if m.score <= -min_score else 0 for m in mentions}
        if len(signs) == 1 and 0 not in signs:
            tone = "negative" if signs == {-1} else "positive"
            name = mentions[0].note or mentions[0].text
            first = mentions[0]
            yield "tone.one-sided", first.start, first.end, f"{name}: all {len(mentions)} mentions in your own voice read {tone}"


def _word_list(lex: Lexicons, name: str) -> WordList | None:
    return lex.lists.get(name)


def _normalized_words(seg: Segmentation) -> list[str]:
    """Lower-cased tokens with a possessive 's dropped ("regime's" -> "regime")."""
    return [w[:-2] if len(w) > 3 and (w.endswith("'s") or w.endswith("’s")) else w for w in seg.words]


def _loaded_labels(art: _Article) -> Iterator[tuple[str, int, int, str]]:
    """A loaded label in the reporter's own statement (not quoted, not after a reporting verb)."""
    labels = _word_list(art.lex, "loaded_labels")
    if labels is None:
        return
    seg = art.seg
    words = _normalized_words(seg)
    for si in art.content:
        a, b = seg.sentence_tokens[si]
        ss = seg.sentences[si][0]
        for i, j, entry in labels.find_all(words, a, b):
            if entry.category == "neutral":
                continue
            start, end = seg.token_starts[i], seg.token_ends[j - 1]
            if seg.in_quote(start) or (i > a and words[i - 1] in ("so-called", "self-styled", "self-described")):
                continue
            # "Critics said the regime ...": the label is inside reported speech.
            k = bisect_left(art.cues, ss)
            if k < len(art.cues) and art.cues[k] < start and not any(s <= start < e for s, e in art.sources):
                continue
            yield "label.loaded", start, end, f"'{seg.text[start:end]}'"


CLAIMS = "audit_claims"
INTENSIFIER = "intensifier"


@dataclass(frozen=True)
class _ClaimWords:
    """audit_claims.tsv split, once per lexicon version: the predicates, and the words that may
    stand between a copula and an evaluation."""

    claims: WordList | None  # without the intensifier entries, which are no claim
    between_copula: frozenset[str]


@per_lexicon
def _claim_words(lex: Lexicons) -> _ClaimWords:
    wl = lex.lists.get(CLAIMS)
    if wl is None:
        return _ClaimWords(None, _ARTICLE)
    adverbs = [e for e in wl.entries.values() if e.category == INTENSIFIER]
    for e in adverbs:
        if len(e.words) > 1:  # the copula check steps over single tokens
            raise LexiconError(f"{CLAIMS}.tsv: intensifier {e.term!r} must be one word")
    if not adverbs:
        return _ClaimWords(wl, _ARTICLE)
    # The index keeps its longest-first order with the intensifiers taken out.
    index = {k: t for k, v in wl.by_first_word.items() if (t := tuple(e for e in v if e.category != INTENSIFIER))}
    entries = {k: e for k, e in wl.entries.items() if e.category != INTENSIFIER}
    claims = WordList(wl.name, wl.source, wl.categories, entries, index)
    return _ClaimWords(claims, _ARTICLE | frozenset(e.term for e in adverbs))


def _unattributed_claims(art: _Article, window: int) -> Iterator[tuple[str, int, int, str]]:
    """A reporter-voice accusation or damning judgement of a named actor with no source near."""
    claim_words = _claim_words(art.lex)
    claims, between = claim_words.claims, claim_words.between_copula
    if claims is None:
        return
    seg = art.seg
    words = seg.words
    text = seg.text
    n = len(seg.sentences)
    for si in art.content:
        a, b = seg.sentence_tokens[si]
        matches = list(claims.find_all(words, a, b))
        if not matches:
            continue
        if si in art.hedge_sentences or any(k in art.cue_sentences for k in range(max(0, si - window), min(n, si + window + 1))):
            continue
        ss, se = seg.sentences[si]
        if text[ss:se].rstrip().endswith("?"):
            continue
        if any(e.category == "record" for _, _, e in matches):
            continue
        for i, j, entry in matches:
            start = seg.token_starts[i]
            if seg.in_quote(start):
                continue
            if any(w in _NEGATION for w in words[max(a, i - 3) : i]) or any(w in _CONDITIONAL for w in words[a:i]):
                continue
            if entry.category == "accusation":
                if i > a and words[i - 1] in _DETERMINER:
                    continue  # "the massacres" is a noun, not an accusation verb
            else:  # evaluation: only after a copula ("is corrupt", "was a fraud")
                k = i - 1
                while k >= a and i - k <= 3 and words[k] in between:
                    k -= 1
                if k < a or words[k] not in _COPULA:
                    continue
            actors = [m for m in art.actors_between(ss, start) if m.voice == REPORTER]
            who = actors[-1].note or actors[-1].text if actors else _name_before(seg, a, i)
            if not who:
                continue
            end = seg.token_ends[j - 1]
            yield "audit.unattributed-claim", start, end, f"'{text[start:end]}' about {who}"
            break


def _name_before(seg: Segmentation, a: int, i: int) -> str | None:
    """The last run of two or more capitalised words in tokens a..i-1 ("Ellen Park"), if any."""
    text, starts, ends = seg.text, seg.token_starts, seg.token_ends
    run_end = None
    k = i - 1
    while k >= a:
        cap = text[starts[k]].isupper() and text[starts[k] : ends[k]].isalpha()
        if cap and run_end is None:
            run_end = k
        elif not cap and run_end is not None:
            break
        k -= 1
    if run_end is None:
        return None
    first = k + 1
    if first < run_end and seg.words[first] in _DETERMINER:
        first += 1
    return text[starts[first] : ends[run_end]] if run_end > first else None


# ---------------------------------------------------------------------------
# Reading and auditing inputs


class Unreadable(Exception):
    """An input that cannot be read as text."""


_TAG = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->|<[^>]*>", re.S | re.I)


def mask_html(text: str) -> str:
    """Blank out tags, scripts and styles (newlines kept), so line:col stay those of the file."""
    return _TAG.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def read_text(path: str | None, stdin=None) -> str:
    """Decode one input (None: standard input) to text with newlines normalized."""
    from .ingest import decode, normalize_newlines

    if path is None:
        stream = stdin if stdin is not None else sys.stdin
        data = stream.buffer.read() if hasattr(stream, "buffer") else stream.read().encode("utf-8")
    else:
        if Path(path).is_dir():
            raise Unreadable("no .txt, .md or .html files in this folder")
        suffix = Path(path).suffix.lower()
        if suffix in OFFICE_SUFFIXES:  # read as bytes it is "binary": say what to do instead
            raise Unreadable(f"a {suffix} file is not plain text; save the draft as .txt, .md or .html and audit that")
        try:
            data = Path(path).read_bytes()
        except FileNotFoundError:
            raise Unreadable("no such file or folder") from None
        except OSError as exc:
            raise Unreadable(f"cannot read: {exc.strerror or exc}") from None
    text, error, _ = decode(data)
    if error:
        raise Unreadable(error)
    return normalize_newlines(text or "")


def audit_text(text: str, path: str = "<text>", lex: Lexicons | None = None, config: Config | None = None, *, html: bool = False, columns: str = "codepoints") -> tuple[ArticleResult, list[Finding]]:
    """Analyze one draft and return its result and findings (the Python API).

    ``columns="utf16"`` counts columns in UTF-16 code units, as editors do; ``start``
    and ``end`` stay code-point offsets (``text[start:end] == finding.text``).
    """
    if columns not in COLUMN_KINDS:
        raise ValueError(f"columns must be one of {', '.join(COLUMN_KINDS)}, not {columns!r}")
    from .ingest import Document, headline, normalize_newlines
    from .pipeline import analyze_with_segmentation

    config = config or Config()
    if lex is None:
        from .pipeline import resolve_lexicons

        lex = resolve_lexicons(list(config.lexicons) or None)
    text = normalize_newlines(text)
    directives, masked = parse_directives(text)
    if html:
        masked = mask_html(masked)
    doc = Document(id=path, source="draft", text=masked, title=headline(masked), path=path)
    result, seg = analyze_with_segmentation(doc, lex)
    findings = findings_for_result(result, lex, config, directives=directives, seg=seg)
    if masked != text:  # report the words of the file, which only differ where blanked
        findings = [f if text[f.start : f.end] == f.text else _with_text(f, text[f.start : f.end]) for f in findings]
    if columns == "utf16" and not text.isascii():
        findings = [_utf16_columns(f, text) for f in findings]
    return result, findings


def utf16_column(text: str, line_start: int, offset: int) -> int:
    """1-based UTF-16 column of ``offset`` on the line starting at ``line_start``."""
    return offset - line_start + 1 + sum(ord(c) > 0xFFFF for c in text[line_start:offset])


def _utf16_columns(f: Finding, text: str) -> Finding:
    start_line = text.rfind("\n", 0, f.start) + 1
    end_line = text.rfind("\n", 0, f.end) + 1
    return replace(f, col=utf16_column(text, start_line, f.start), end_col=utf16_column(text, end_line, f.end))


def _with_text(f: Finding, text: str) -> Finding:
    return replace(f, text=text)


def expand_inputs(inputs: Sequence[str]) -> list[tuple[str, str | None]]:
    """(display name, path or None for stdin); folders become their draft files."""
    out: list[tuple[str, str | None]] = []
    for raw in inputs:
        if raw == "-":
            out.append((STDIN, None))
            continue
        p = Path(raw)
        if p.is_dir():
            files = sorted((f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in AUDIT_SUFFIXES), key=lambda f: f.as_posix())
            out.extend((str(f), str(f)) for f in files)
            if not files:  # kept, so that read_text reports it: "0 findings" would read as a pass
                out.append((raw, raw))
        else:
            out.append((raw, raw))
    return out


# ---------------------------------------------------------------------------
# --against: where the draft sits in a reference corpus

# metric key, what it is, which direction is notable ("high" words the top of the corpus)
AGAINST_METRICS = (
    ("hedges_per_100w_reporter", "hedges per 100 words in your own voice"),
    ("boosters_per_100w_reporter", "boosters per 100 words in your own voice"),
    ("attribution_anonymous_share", "share of attributions to anonymous sources"),
    ("distancing_per_100w", "distancing cues per 100 words"),
    ("direct_quote_share", "share of attributions that quote directly"),
    ("flesch_kincaid_grade", "reading grade (Flesch-Kincaid)"),
)


@dataclass(frozen=True)
class Comparison:
    """One metric of a draft placed in a corpus; ``percentile`` is its mid-rank (ties count half)."""

    metric: str
    label: str
    value: float
    median: float
    percentile: float
    corpus_size: int
    below: int = 0  # corpus articles strictly below / above the draft
    above: int = 0

    def describe(self) -> str:
        n, below, above = self.corpus_size, self.below, self.above
        at_or_above, at_or_below = n - below, n - above
        if above == 0 and below == 0:
            where = "the same as every article in this corpus"
        elif above == 0 and below == n:
            where = "higher than every article in this corpus"
        elif below == 0 and above == n:
            where = "lower than every article in this corpus"
        elif at_or_above <= 0.1 * n:
            where = f"in the top {math.ceil(100 * at_or_above / n)}% of this corpus"
        elif at_or_below <= 0.1 * n:
            where = f"in the bottom {math.ceil(100 * at_or_below / n)}% of this corpus"
        else:
            where = f"higher than {round(100 * below / n)}% and lower than {round(100 * above / n)}% of this corpus"
        return f"{self.label}: {self.value:.2f} (corpus median {self.median:.2f}, {n} article{'s' if n != 1 else ''}): {where}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "metric": self.metric,
            "label": self.label,
            "value": round(self.value, 4),
            "median": round(self.median, 4),
            "percentile": round(self.percentile, 4),
            "corpus_size": self.corpus_size,
        }


def corpus_metrics(path: str, lex: Lexicons) -> list[Mapping[str, float]]:
    """Metrics of every article under ``path``; a ``framing score`` JSONL is read as is."""
    from .ingest import iter_documents
    from .pipeline import analyze_document

    p = Path(path)
    if not p.exists():
        raise UsageError(f"--against {path}: no such file or folder")
    if p.is_file() and p.suffix.lower() in (".jsonl", ".ndjson"):
        from .output import OutputError, read_records

        rows: list[Mapping[str, float]] | None = []
        try:
            for rec in read_records(p):
                if not isinstance(rec.get("metrics"), dict):
                    rows = None
                    break
                if rec.get("status", "ok") == "ok":
                    rows.append(rec["metrics"])
        except OutputError:  # a broken line, a line that is no object, bytes that are not UTF-8
            rows = None
        if rows is not None:
            return rows
    out = []
    for doc in iter_documents([path]):
        r = analyze_document(doc, lex)
        if r.status == "ok" and r.metrics.get("words"):
            out.append(r.metrics)
    return out


def compare(metrics: Mapping[str, float], corpus: Sequence[Mapping[str, float]]) -> list[Comparison]:
    """Percentile (mid-rank for ties) of each headline metric of ``metrics`` in ``corpus``."""
    out = []
    for key, label in AGAINST_METRICS:
        if key not in metrics:
            continue
        values = sorted(float(m[key]) for m in corpus if m.get(key) is not None)
        if not values:
            continue
        v = float(metrics[key])
        below = bisect_left(values, v)
        ties = bisect_right(values, v) - below
        pct = (below + ties / 2) / len(values)
        mid = len(values) // 2
        median = values[mid] if len(values) % 2 else (values[mid - 1] + values[mid]) / 2
        out.append(Comparison(key, label, v, median, pct, len(values), below, len(values) - below - ties))
    return out


# ---------------------------------------------------------------------------
# Command line


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="*", metavar="FILE", help="draft files or folders (.txt, .md, .html); - reads standard input")
    p.add_argument("--format", choices=("text", "json"), default="text", help="text: path:line:col: severity rule message (default); json: a list of findings")
    p.add_argument(
        "--columns",
        choices=COLUMN_KINDS,
        default="codepoints",
        help="how columns are counted in every format: codepoints (characters, as Python and proselint count; default) "
        "or utf16 (UTF-16 code units, as VS Code, LSP clients and GitHub count: an emoji is two)",
    )
    p.add_argument("--fail-level", choices=SEVERITIES, default=None, help="lowest severity that makes the exit status 1 (default: warning, or the config's fail-level)")
    p.add_argument("--no-exit", action="store_true", help="exit 0 even with findings or unreadable inputs (for editors); usage errors still exit 2")
    p.add_argument("--config", metavar="FILE", help="use this framing.toml/pyproject.toml instead of searching upward from each file")
    p.add_argument("--stdin-filename", metavar="NAME", help="name to show for standard input, and where to look for its configuration")
    p.add_argument("--disable", action="append", default=[], metavar="RULE", help="switch a rule off (repeatable; 'area.*' for a whole area)")
    p.add_argument("--enable", action="append", default=[], metavar="RULE", help="switch a rule on, e.g. hedging.modal (repeatable)")
    p.add_argument("--against", metavar="DIR", help="compare headline rates with a reference corpus (folder of articles, or a 'framing score' JSONL)")
    p.add_argument("--lexicons", action="append", default=[], metavar="DIR", help="extra lexicon folder (repeatable)")
    p.add_argument("--list-rules", action="store_true", help="list every rule with its severity and whether it is on, then exit")


def _config(args: argparse.Namespace, path: str | None) -> Config:
    try:
        base = load_config(args.config) if args.config else config_for(path)
    except ConfigError as exc:
        raise UsageError(str(exc)) from None
    return base.with_overrides(fail_level=args.fail_level, disable=args.disable, enable=args.enable, lexicons=args.lexicons)


def _lexicons(config: Config) -> Lexicons:
    from .pipeline import resolve_lexicons

    return resolve_lexicons(list(config.lexicons) or None)


def list_rules(lex: Lexicons, config: Config) -> list[dict[str, Any]]:
    rules = rules_for(lex)
    return [
        {"id": rid, "severity": config.severity.get(rid, r.severity), "on": is_enabled(rid, config, r), "message": r.message}
        for rid, r in sorted(rules.items())
        if rid.split(".", 1)[0] in AUDIT_AREAS
    ]


def summary(findings: Sequence[Finding], files: int) -> str:
    counts = {s: sum(f.severity == s for f in findings) for s in reversed(SEVERITIES)}
    n = len(findings)
    parts = ", ".join(f"{c} {s}{'' if c == 1 else 's'}" for s, c in counts.items() if c)
    head = f"{n} finding{'' if n == 1 else 's'}"
    return f"{head} ({parts}) in {files} file{'' if files == 1 else 's'}" if parts else f"{head} in {files} file{'' if files == 1 else 's'}"


def run(args: argparse.Namespace) -> ExitStatus:
    stdin_name = args.stdin_filename
    if args.list_rules:
        config = _config(args, stdin_name)
        for r in list_rules(_lexicons(config), config):
            print(f"{r['id']}\t{r['severity']}\t{'on' if r['on'] else 'off'}\t{r['message']}")
        return ExitStatus.OK
    if not args.inputs:
        raise UsageError("give at least one FILE or folder, or - for standard input")
    if args.inputs.count("-") > 1:
        raise UsageError("standard input (-) can be read only once")

    findings: list[Finding] = []
    failing = False
    unreadable = 0
    audited = 0
    comparisons: list[tuple[str, list[Comparison]]] = []
    corpus_cache: dict[str, list[Mapping[str, float]]] = {}
    for display, path in expand_inputs(args.inputs):
        if path is None and stdin_name:
            display = stdin_name
        config = _config(args, path if path is not None else (stdin_name if stdin_name else None))
        lex = _lexicons(config)
        try:
            check_rule_ids(config, known_rule_ids(lex))
        except ConfigError as exc:
            raise UsageError(str(exc)) from None
        try:
            text = read_text(path)
        except Unreadable as exc:
            print(f"framing audit: error: {display}: {exc}", file=sys.stderr)
            unreadable += 1
            continue
        is_html = Path(display).suffix.lower() in (".html", ".htm")
        result, found = audit_text(text, display, lex, config, html=is_html, columns=args.columns)
        for warning in result.warnings:  # "not English": no findings would otherwise read as clean copy
            print(f"framing audit: note: {display}: {warning}", file=sys.stderr)
        audited += 1
        findings.extend(found)
        level = SEVERITY_RANK[config.fail_level]
        failing = failing or any(SEVERITY_RANK[f.severity] >= level for f in found)
        if args.against:
            if lex.version not in corpus_cache:
                corpus_cache[lex.version] = corpus_metrics(args.against, lex)
            comparisons.append((display, compare(result.metrics, corpus_cache[lex.version])))

    findings.sort(key=lambda f: f.sort_key)
    if args.format == "json":
        print(json.dumps([f.to_dict() for f in findings], ensure_ascii=False, indent=2))
    else:
        for f in findings:
            print(f.format())
        print(summary(findings, audited))
    if args.against:
        # JSON output stays a list of findings; the comparison then goes to stderr.
        stream = sys.stderr if args.format == "json" else sys.stdout
        for display, rows in comparisons:
            if not rows:
                print(f"{display}: --against {args.against}: no comparable articles", file=stream)
            for c in rows:
                print(f"{display}: {c.describe()}", file=stream)
    if args.no_exit:
        return ExitStatus.OK
    if unreadable:
        return ExitStatus.INPUT
    return ExitStatus.FINDINGS if failing else ExitStatus.OK
