"""The article text with every evidence span marked, built from character offsets.

Spans may nest (a hedge inside a quote inside a boilerplate line) or overlap
partially (an actor mention that is also a cited source). The text is cut at every
span boundary; a span that must close while one opened inside it is still open is
split into pieces, so the markup always nests. Every piece of text is escaped.
"""

from __future__ import annotations

from html import escape  # plain str in, str out: cheaper than Markup per piece
from typing import Any, Callable, Mapping, Sequence

from markupsafe import Markup

Describe = Callable[[Mapping[str, Any]], tuple[str, str]]  # span -> (css classes, hover text)


def highlight(
    text: str,
    spans: Sequence[Mapping[str, Any]],
    describe: Describe,
    ids: Mapping[int, str] | None = None,
    points: Sequence[tuple[int, str]] = (),
) -> Markup:
    """HTML for ``text`` with ``<mark>`` per span.

    ``spans`` must be sorted outer-first (start, then longest). ``ids`` gives some
    spans an element id (on their first piece); ``points`` are empty anchors
    ``(offset, id)`` placed between characters.
    """
    ids = ids or {}
    tags = []
    for i, s in enumerate(spans):
        classes, title = describe(s)
        # tabindex -1: a tap or click focuses it (for the CSS that shows the title where
        # there is no hover), yet Tab does not stop at each of hundreds of highlights.
        tags.append(f'<mark class="{escape(classes)}" title="{escape(title)}" tabindex="-1"')
    starts = [s["start"] for s in spans]
    ends = [s["end"] for s in spans]
    point_list = sorted(points)
    bounds = sorted({0, len(text), *starts, *ends, *(p for p, _ in point_list)})
    out: list[str] = []
    stack: list[int] = []
    pos = oi = pi = 0
    n = len(spans)
    for b in bounds:
        if b > pos:
            out.append(escape(text[pos:b]))
            pos = b
        if stack and any(ends[i] == b for i in stack):
            k = next(j for j, i in enumerate(stack) if ends[i] == b)
            reopen = [i for i in stack[k:] if ends[i] != b]
            out.append("</mark>" * (len(stack) - k))
            del stack[k:]
            for i in reopen:  # continuation pieces: same look and hover text, no id
                out.append(tags[i] + ">")
                stack.append(i)
        while pi < len(point_list) and point_list[pi][0] == b:
            out.append(f'<span class="anchor" id="{escape(point_list[pi][1])}"></span>')
            pi += 1
        while oi < n and starts[oi] == b:
            anchor = ids.get(oi)
            out.append(tags[oi] + (f' id="{escape(anchor)}">' if anchor else ">"))
            stack.append(oi)
            oi += 1
    out.append("</mark>" * len(stack))
    return Markup("".join(out))
