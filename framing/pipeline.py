"""The analysis flow, top-down: segment → boilerplate → detectors → one ArticleResult."""

from __future__ import annotations

from typing import Iterable, Sequence

from .detectors import actors, attribution, boilerplate, hedging, readability
from .ingest import Document, headline
from .lexicon import Lexicons, load_lexicons
from .model import OK, ArticleResult, SourceCount, Span, new_frozen
from .segment import Segmentation, content_view, segment


def resolve_lexicons(lexicons: Lexicons | str | Sequence[str] | None) -> Lexicons:
    """Accept a loaded Lexicons, one folder, several folders, or None (bundled only)."""
    if isinstance(lexicons, Lexicons):
        return lexicons
    if lexicons is None:
        return load_lexicons()
    if isinstance(lexicons, str):
        return load_lexicons((lexicons,))
    return load_lexicons(tuple(lexicons))


def analyze(
    text: str,
    *,
    title: str | None = None,
    source: str | None = None,
    id: str | None = None,  # noqa: A002 - mirrors the record field
    path: str | None = None,
    lexicons: Lexicons | str | Sequence[str] | None = None,
    main_text: str | None = None,
    recurring_lines: Iterable[str] = (),
) -> ArticleResult:
    """Score one article. ``recurring_lines`` are lines seen in other articles of the source."""
    from .ingest import normalize_newlines

    text = normalize_newlines(text)
    doc = Document(
        id=id or "article",
        source=source or "unknown",
        text=text,
        title=title if title is not None else headline(text),
        path=path,
        main_text=main_text,
    )
    return analyze_document(doc, resolve_lexicons(lexicons), frozenset(recurring_lines))


def analyze_document(doc: Document, lex: Lexicons, recurring_lines: frozenset[str] = frozenset()) -> ArticleResult:
    """Run every detector over one document; a document that failed to read passes through."""
    return analyze_with_segmentation(doc, lex, recurring_lines)[0]


def analyze_with_segmentation(doc: Document, lex: Lexicons, recurring_lines: frozenset[str] = frozenset()) -> tuple[ArticleResult, Segmentation | None]:
    """:func:`analyze_document`, also handing back the segmentation (for audit), computed once."""
    if doc.status != OK:
        return unscored_result(doc, lex.version), None
    seg = segment(doc.text)
    bp = boilerplate.detect(seg, lex, title=doc.title, main_text=doc.main_text, recurring=recurring_lines)
    content = content_view(seg, bp.lines)
    attr = attribution.detect(content, lex)
    hedge = hedging.detect(content, lex)
    read = readability.measure(content)
    act = actors.detect(content, lex, attr.attributions)

    metrics: dict[str, float] = {
        "words": content.words,
        "sentences": len(content.sentences),
        "reporter_words": content.reporter_words,
        "quote_words": content.quote_words,
    }
    for out in (bp, attr, hedge, read, act):
        metrics.update(out.metrics)
    quote_spans = tuple(
        content.span("quote", s, e, "quote", voice="quote")
        for s, e in seg.quotes
        if seg.line_index(s) not in bp.lines
    )
    spans = sorted(
        (*bp.spans, *attr.spans, *hedge.spans, *act.spans, *quote_spans),
        key=lambda sp: (sp.start, sp.end, sp.kind, sp.label),
    )
    return new_frozen(  # ArticleResult(...) with every field given, built the fast way
        ArticleResult,
        id=doc.id,
        source=doc.source,
        title=doc.title,
        path=doc.path,
        status=OK,
        error=None,
        metrics=metrics,
        actors=act.actors,
        spans=tuple(spans),
        text=doc.text,
        lexicon_version=lex.version,
        date=doc.date,
        url=doc.url,
        warnings=doc.warnings + _language_warning(seg, lex),
        sources=source_counts(attr.attributions),
    ), seg


# English prose has 25-50% of its words in the function-word list (the, of, said...);
# French, German or Spanish news under 4%, a furniture-heavy English page over 10%.
NOT_ENGLISH_SHARE = 0.06
NOT_ENGLISH_MIN_WORDS = 20
NOT_ENGLISH = "the text does not look like English (almost none of its words are English function words); framing's word lists are English, so most counts here will be zero"


def _language_warning(seg: Segmentation, lex: Lexicons) -> tuple[str, ...]:
    """``(NOT_ENGLISH,)`` for a text of another language, else ``()``: one set lookup per token."""
    words = seg.is_word.count(1)
    if words < NOT_ENGLISH_MIN_WORDS:
        return ()
    fn = boilerplate._word_classes(lex)[0]  # (the function words of boilerplate_words.tsv, built once)
    if not fn:
        return ()
    return (NOT_ENGLISH,) if sum(map(fn.__contains__, seg.words)) < NOT_ENGLISH_SHARE * words else ()


def unscored_result(doc: Document, lexicon_version: str, *, status: str | None = None, error: str | None = None) -> ArticleResult:
    """The record of a document that was not scored: its metadata, status and reason."""
    return ArticleResult(
        id=doc.id,
        source=doc.source,
        title=doc.title,
        path=doc.path,
        status=status or doc.status,
        error=error if error is not None else doc.error,
        metrics={},
        actors=(),
        spans=(),
        text=doc.text,
        lexicon_version=lexicon_version,
        date=doc.date,
        url=doc.url,
        warnings=doc.warnings,
    )


def source_counts(attributions: Iterable[attribution.Attribution]) -> tuple[SourceCount, ...]:
    """Cited sources with counts, most cited first."""
    # [count, direct] per (name, type) in a plain dict: Counter's missing-key path is
    # Python code, run for every attribution.
    counts: dict[tuple[str, str], list[int]] = {}
    for a in attributions:
        key = (a.source_name or "(no source)", a.source_type)
        c = counts.get(key)
        if c is None:
            counts[key] = [1, 0 + a.direct]  # an int, as a Counter sum of bools is
        else:
            c[0] += 1
            c[1] += a.direct
    return tuple(
        new_frozen(SourceCount, name=name, type=kind, count=n, direct=d)
        for (name, kind), (n, d) in sorted(counts.items(), key=lambda kv: (-kv[1][0], kv[0]))
    )


def spans_of(result: ArticleResult, kind: str) -> list[Span]:
    return [s for s in result.spans if s.kind == kind]
