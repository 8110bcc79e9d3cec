"""framing: measure how news sources frame the same event.

>>> import framing
>>> result = framing.analyze("Officials said the talks may resume.", source="Wire")
>>> result.metrics["hedges"] >= 1
True
"""

from __future__ import annotations

from .frame import actor_table, to_frame
from .pipeline import analyze

__version__ = "0.1.0"
__all__ = ["analyze", "to_frame", "actor_table", "__version__"]
