"""pandas views of results: one row per article, or an actor x source table."""

from __future__ import annotations

from typing import Any, Iterable, Mapping

from .model import ArticleResult
from .output import flat_row


def _records(items: Iterable[ArticleResult | Mapping[str, Any] | str]) -> list[dict[str, Any]]:
    from .pipeline import analyze

    out = []
    for item in items:
        if isinstance(item, str):
            item = analyze(item)
        out.append(item.to_dict() if isinstance(item, ArticleResult) else dict(item))
    return out


def to_frame(items: Iterable[ArticleResult | Mapping[str, Any] | str]):
    """A DataFrame with one row per article: metadata columns, then every metric.

    ``items`` may be results, records read back from a scores file, or plain texts
    (analyzed on the fly).
    """
    import pandas as pd

    rows = [flat_row(r) for r in _records(items)]
    return pd.DataFrame(rows)


# Actor fields read from the mentions that carry tone (``sentiment_count`` of them).
_TONE_FIELDS = frozenset(("sentiment_mean", "sentiment_std", "negative_share", "positive_share", "reporter_sentiment", "quoted_sentiment"))


def actor_table(items: Iterable[ArticleResult | Mapping[str, Any] | str], value: str = "sentiment_mean"):
    """Actor x source table of ``value`` (any actor field: ``mentions``, ``sentiment_mean``...).

    Mentions are summed over a source's articles; other values are mention-weighted means,
    the tone fields weighted by the mentions that carry tone (``sentiment_count``: an
    actor's speaking mentions carry none).
    Rows are actors by their stable id, shown by display name.
    """
    import pandas as pd

    rows = []
    names: dict[str, str] = {}
    tone = value in _TONE_FIELDS
    records = _records(items)
    same_person = _same_person(records)
    for rec in records:
        for actor in rec.get("actors") or []:
            aid = actor.get("id") or actor["name"]
            aid = same_person.get(aid, aid)
            if aid not in names or actor.get("id") == aid:  # a joined person keeps the full name
                names[aid] = actor["name"]
            weight = actor.get("sentiment_count", actor["mentions"]) if tone else actor["mentions"]
            rows.append({"source": rec.get("source"), "actor": aid, "mentions": actor["mentions"], "weight": weight, "value": actor.get(value)})
    if not rows:
        return pd.DataFrame()
    df = pd.DataFrame(rows)
    if value == "mentions":
        table = df.pivot_table(index="actor", columns="source", values="mentions", aggfunc="sum", fill_value=0)
    else:
        df = df.dropna(subset=["value"])
        df["weighted"] = df["value"] * df["weight"]
        g = df.groupby(["actor", "source"])[["weighted", "weight"]].sum()
        table = (g["weighted"] / g["weight"]).unstack("source")
    return table.rename(index=_display_names(names))


def label_table(items: Iterable[ArticleResult | Mapping[str, Any] | str]):
    """Actor x source table of the labels each source attaches to each actor.

    A cell reads ``"dictator (2), leader (1)"``: in how many of the source's articles
    the label was used. Answers "which outlet calls whom what".
    """
    import pandas as pd
    from collections import Counter

    counts: dict[tuple[str, str], Counter] = {}
    names: dict[str, str] = {}
    records = _records(items)
    same_person = _same_person(records)
    for rec in records:
        for actor in rec.get("actors") or []:
            if not actor.get("labels"):
                continue
            aid = actor.get("id") or actor["name"]
            aid = same_person.get(aid, aid)
            if aid not in names or actor.get("id") == aid:  # a joined person keeps the full name
                names[aid] = actor["name"]
            counts.setdefault((aid, str(rec.get("source"))), Counter()).update(actor["labels"])
    if not counts:
        return pd.DataFrame()
    cells = {key: ", ".join(f"{label} ({n})" for label, n in sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))) for key, c in counts.items()}
    table = pd.Series(cells).unstack(level=1).fillna("")
    return table.rename(index=_display_names(names))


def _same_person(records: list[dict[str, Any]]) -> dict[str, str]:
    from .detectors.actors import corpus_actor_ids

    return corpus_actor_ids(a for rec in records for a in rec.get("actors") or [])


def _display_names(names: Mapping[str, str]) -> dict[str, str]:
    """Display names for actor ids; two ids with one name are told apart by id."""
    from collections import Counter

    seen = Counter(names.values())
    return {aid: name if seen[name] == 1 else f"{name} ({aid})" for aid, name in names.items()}
