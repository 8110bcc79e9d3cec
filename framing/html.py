"""HTML to text: every visible line, plus trafilatura's main text as a hint.

The visible text is what gets scored, so page furniture is measured by the
boilerplate detector rather than silently dropped; the main text tells that
detector which lines the page's article body holds.
"""

from __future__ import annotations

import re

_BLOCK_TAGS = frozenset(
    """address article aside blockquote body br dd details dialog div dl dt fieldset figcaption figure
    footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table td th tr ul
    title caption button option label""".split()
)
_SKIP_TAGS = frozenset("script style noscript template head svg math iframe object canvas select".split())
_SPACES = re.compile(r"[ \t\u00a0\u2009\u200b]+")


def extract(html: str) -> tuple[str, str | None, str | None]:
    """Return (visible text one block per line, main text or None, page title or None)."""
    visible, title, ok = _visible(html)
    if not ok:
        return "", None, None
    main = None
    try:
        import trafilatura

        main = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=False, deduplicate=False)
    except Exception:  # trafilatura is a hint only; a page it chokes on is still scored
        main = None
    return visible, main, title


def visible_text(html: str) -> str:
    """The visible text of :func:`extract` alone: lxml only, without trafilatura (a tenth
    of the cost), for the template pre-pass, which needs the lines and nothing else."""
    return _visible(html)[0]


def _visible(html: str) -> tuple[str, str | None, bool]:
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return "", None, False
    title_el = root.find(".//title")
    title = _clean(title_el.text_content()) if title_el is not None and title_el.text_content() else None
    chunks: list[str] = []
    _walk(root, chunks)
    lines = [_clean(line) for line in "".join(chunks).split("\n")]
    return "\n".join(line for line in lines if line), title or None, True


def _walk(el, out: list[str]) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    tag = tag.lower()
    if tag in _SKIP_TAGS or (tag and el.get("hidden") is not None):
        if el.tail:
            out.append(el.tail)
        return
    block = tag in _BLOCK_TAGS
    if block:
        out.append("\n")
    if el.text and isinstance(el.tag, str):
        out.append(el.text)
    for child in el:
        _walk(child, out)
    if block:
        out.append("\n")
    if el.tail:
        out.append(el.tail)


def _clean(s: str) -> str:
    return _SPACES.sub(" ", s).strip()
