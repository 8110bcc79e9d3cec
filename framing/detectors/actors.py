"""Actors: who appears, the labels attached to them, and the tone toward each."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..lexicon import Lexicons
from ..model import ActorResult, DetectorOutput
from ..segment import Content
from .attribution import Attribution


@dataclass(frozen=True)
class ActorsOutput(DetectorOutput):
    actors: tuple[ActorResult, ...] = field(default_factory=tuple)


def detect(content: Content, lex: Lexicons, attributions: tuple[Attribution, ...]) -> ActorsOutput:
    """Initial version: finds nothing. Replaced by the real detector (actor issue)."""
    return ActorsOutput(metrics={"actors": 0}, actors=())

