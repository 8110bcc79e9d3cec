"""Audit configuration: ``framing.toml`` or ``[tool.framing]`` in ``pyproject.toml``.

Found upward from the audited file's folder (the working folder for standard input):
the first folder holding a ``framing.toml``, or a ``pyproject.toml`` with a
``[tool.framing]`` table, wins. In ``framing.toml`` the keys sit at the top level::

    fail-level = "warning"            # suggestion | warning | error
    disable = ["hedging.booster"]     # rule ids, or "area.*"
    enable = ["hedging.modal"]        # switch on rules that are off by default
    ignore-terms = ["regime"]         # findings on exactly these words are dropped
    lexicons = ["house-style"]        # extra lexicon folders, relative to this file

    [severity]
    "label.loaded" = "error"

    [thresholds]
    hedge-density = 2.5               # reporter hedges per 100 reporter words
    hedge-density-min = 3             # ... and at least this many of them
    one-sided-mentions = 3            # reporter-voice mentions needed for tone.one-sided
    one-sided-score = 0.4             # |tone| a mention needs to count as negative/positive
    stacked-gap = 2                   # most words between two stacked hedges
    claim-window = 1                  # sentences either side searched for a source

An unknown key or a value of the wrong type is an error that names the key.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterable, Mapping

SEVERITIES = ("suggestion", "warning", "error")
CONFIG_FILE = "framing.toml"
PYPROJECT = "pyproject.toml"


class ConfigError(ValueError):
    """A configuration mistake; the message names the file and key."""


@dataclass(frozen=True)
class Thresholds:
    hedge_density: float = 2.5
    hedge_density_min: int = 3
    one_sided_mentions: int = 3
    one_sided_score: float = 0.4
    stacked_gap: int = 2
    claim_window: int = 1


# TOML key -> (attribute, type); bool is excluded from int on purpose (TOML true is not 3).
_THRESHOLD_KEYS: dict[str, tuple[str, type]] = {
    "hedge-density": ("hedge_density", float),
    "hedge-density-min": ("hedge_density_min", int),
    "one-sided-mentions": ("one_sided_mentions", int),
    "one-sided-score": ("one_sided_score", float),
    "stacked-gap": ("stacked_gap", int),
    "claim-window": ("claim_window", int),
}
_TOP_KEYS = ("fail-level", "disable", "enable", "ignore-terms", "lexicons", "severity", "thresholds")


@dataclass(frozen=True)
class Config:
    """Settings of one audit run; ``Config()`` is the defaults."""

    path: str | None = None
    fail_level: str = "warning"
    disable: tuple[str, ...] = ()
    enable: tuple[str, ...] = ()
    ignore_terms: frozenset[str] = frozenset()
    lexicons: tuple[str, ...] = ()
    severity: Mapping[str, str] = field(default_factory=dict)
    thresholds: Thresholds = field(default_factory=Thresholds)

    def with_overrides(self, *, fail_level: str | None = None, disable: Iterable[str] = (), enable: Iterable[str] = (), lexicons: Iterable[str] = ()) -> "Config":
        """This config with command-line options on top."""
        disable, enable = tuple(disable), tuple(enable)
        return replace(
            self,
            fail_level=fail_level or self.fail_level,
            # The command line wins over the file: a rule named there leaves the other list.
            disable=tuple(r for r in self.disable if r not in enable) + disable,
            enable=tuple(r for r in self.enable if r not in disable) + enable,
            lexicons=self.lexicons + tuple(lexicons),
        )


def find_config(start: Path) -> Path | None:
    """The config file that applies to files in folder ``start``, if any."""
    start = start.resolve()
    for d in (start, *start.parents):
        candidate = d / CONFIG_FILE
        if candidate.is_file():
            return candidate
        pyproject = d / PYPROJECT
        if pyproject.is_file() and _has_tool_framing(pyproject):
            return pyproject
    return None


def _has_tool_framing(path: Path) -> bool:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False  # a broken pyproject that is not ours is not our error
    return isinstance(data.get("tool"), dict) and "framing" in data["tool"]


def config_for(path: str | None) -> Config:
    """The configuration for an input path (None: standard input, look from the CWD)."""
    folder = Path.cwd() if path is None else Path(path).resolve().parent
    found = find_config(folder)
    return load_config(found) if found else Config()


def load_config(path: str | Path) -> Config:
    """Read one framing.toml or pyproject.toml; errors name file and key."""
    p = Path(path)
    try:
        raw = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{p}: cannot read configuration: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{p}: cannot read configuration: not UTF-8 text") from None
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{p}: {exc}") from None
    prefix = ""
    # A pyproject.toml, or any file given with --config that holds only a [tool.framing]
    # table (copied from a pyproject.toml): the settings sit in that table.
    if p.name == PYPROJECT or (set(data) == {"tool"} and isinstance(data["tool"], dict) and "framing" in data["tool"]):
        data = data.get("tool", {}).get("framing", {})
        prefix = "tool.framing."
    return parse_config(data, source=str(p), prefix=prefix, base=p.parent)


def parse_config(data: Mapping[str, Any], *, source: str = "<config>", prefix: str = "", base: Path | None = None) -> Config:
    """Build a Config from a TOML table, checking every key and type."""

    def err(key: str, msg: str) -> ConfigError:
        return ConfigError(f"{source}: {prefix}{key}: {msg}")

    if not isinstance(data, Mapping):
        raise err("", "must be a table")
    for key in data:
        if key not in _TOP_KEYS:
            raise err(key, _unknown("key", key, _TOP_KEYS))

    def str_list(key: str) -> tuple[str, ...]:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise err(key, "must be a list of strings")
        return tuple(value)

    fail_level = data.get("fail-level", "warning")
    if fail_level not in SEVERITIES:
        raise err("fail-level", f"must be one of {', '.join(SEVERITIES)}, not {fail_level!r}")
    severity = data.get("severity", {})
    if not isinstance(severity, Mapping):
        raise err("severity", "must be a table of rule id = severity")
    for rule, level in severity.items():
        if level not in SEVERITIES:
            raise err(f"severity.{rule}", f"must be one of {', '.join(SEVERITIES)}, not {level!r}")
    thresholds = data.get("thresholds", {})
    if not isinstance(thresholds, Mapping):
        raise err("thresholds", "must be a table")
    values: dict[str, Any] = {}
    for key, value in thresholds.items():
        if key not in _THRESHOLD_KEYS:
            raise err(f"thresholds.{key}", _unknown("key", key, _THRESHOLD_KEYS))
        attr, kind = _THRESHOLD_KEYS[key]
        ok = isinstance(value, (int, float)) if kind is float else isinstance(value, int)
        if isinstance(value, bool) or not ok or value < 0:
            raise err(f"thresholds.{key}", f"must be a non-negative {'number' if kind is float else 'whole number'}, not {value!r}")
        values[attr] = kind(value)
    base = base or Path.cwd()
    lexicons = tuple(str((base / d).resolve()) for d in str_list("lexicons"))
    for d in lexicons:
        if not Path(d).is_dir():
            raise err("lexicons", f"folder not found: {d}")
    return Config(
        path=source,
        fail_level=fail_level,
        disable=str_list("disable"),
        enable=str_list("enable"),
        ignore_terms=frozenset(t.lower().strip() for t in str_list("ignore-terms")),
        lexicons=lexicons,
        severity=dict(severity),
        thresholds=Thresholds(**values),
    )


def check_rule_ids(config: Config, known: Iterable[str]) -> None:
    """Every rule id a config names must exist (``area.*`` must match one)."""
    known = set(known)
    areas = {k.split(".", 1)[0] for k in known}
    where = config.path or "command line"
    for key, ids in (("disable", config.disable), ("enable", config.enable), ("severity", tuple(config.severity))):
        for rid in ids:
            if rid.endswith(".*") and rid[:-2] in areas or rid in known:
                continue
            raise ConfigError(f"{where}: {key}: {_unknown('rule', rid, sorted(known))} (see 'framing audit --list-rules')")


def _unknown(what: str, name: str, known: Iterable[str]) -> str:
    """'unknown key', with the nearest known name when one is close ('fail_level')."""
    import difflib

    known = list(known)
    close = difflib.get_close_matches(str(name), known, n=1, cutoff=0.75)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    if what == "rule":
        return f"unknown rule {name!r}{hint}"
    return f"unknown {what}{hint} (known: {', '.join(known)})"


def rule_matches(pattern: str, rule_id: str) -> bool:
    return pattern == rule_id or pattern.endswith(".*") and rule_id.startswith(pattern[:-1])
