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


def actor_table(items: Iterable[ArticleResult | Mapping[str, Any] | str], value: str = "sentiment_mean"):
    """Actor x source table of ``value`` (any actor field: ``mentions``, ``sentiment_mean``...).

    Mentions are summed over a source's articles; other values are mention-weighted means.
    """
    import pandas as pd

    rows = []
    for rec in _records(items):
        for actor in rec.get("actors") or []:
            rows.append({"source": rec.get("source"), "actor": actor["name"], "mentions": actor["mentions"], "value": actor.get(value)})
    if not rows:
        return pd.DataFrame()
    df = pd.DataFrame(rows)
    if value == "mentions":
        return df.pivot_table(index="actor", columns="source", values="mentions", aggfunc="sum", fill_value=0)
    df = df.dropna(subset=["value"])
    df["weighted"] = df["value"] * df["mentions"]
    g = df.groupby(["actor", "source"])[["weighted", "mentions"]].sum()
    return (g["weighted"] / g["mentions"]).unstack("source")
