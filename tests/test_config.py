"""Audit configuration: discovery upward, every key checked, errors that name the key."""

from __future__ import annotations

import pytest

from framing.config import (
    Config,
    ConfigError,
    Thresholds,
    check_rule_ids,
    config_for,
    find_config,
    load_config,
    parse_config,
    rule_matches,
)


def test_defaults():
    c = Config()
    assert c.fail_level == "warning" and c.disable == () and c.enable == ()
    assert c.thresholds == Thresholds()


def test_framing_toml_found_upward_and_nearest_wins(tmp_path):
    (tmp_path / "framing.toml").write_text('fail-level = "error"\n', encoding="utf-8")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert find_config(deep) == tmp_path / "framing.toml"
    assert config_for(str(deep / "draft.txt")).fail_level == "error"
    (tmp_path / "a" / "framing.toml").write_text('fail-level = "suggestion"\n', encoding="utf-8")
    assert config_for(str(deep / "draft2.txt")).fail_level == "suggestion"


def test_pyproject_without_tool_framing_is_passed_over(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.framing]\ndisable = ["label.loaded"]\n', encoding="utf-8")
    inner = tmp_path / "pkg"
    inner.mkdir()
    (inner / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    found = find_config(inner)
    assert found == tmp_path / "pyproject.toml"
    assert load_config(found).disable == ("label.loaded",)


def test_every_key(tmp_path):
    (tmp_path / "house").mkdir()
    path = tmp_path / "framing.toml"
    path.write_text(
        """
fail-level = "suggestion"
disable = ["hedging.booster"]
enable = ["hedging.modal"]
ignore-terms = ["Regime"]
lexicons = ["house"]
[severity]
"label.loaded" = "error"
[thresholds]
hedge-density = 4
hedge-density-min = 5
one-sided-mentions = 4
one-sided-score = 0.5
stacked-gap = 1
claim-window = 2
""",
        encoding="utf-8",
    )
    c = load_config(path)
    assert c.fail_level == "suggestion" and c.disable == ("hedging.booster",) and c.enable == ("hedging.modal",)
    assert c.ignore_terms == frozenset({"regime"})
    assert c.lexicons == (str((tmp_path / "house").resolve()),)
    assert c.severity == {"label.loaded": "error"}
    assert c.thresholds == Thresholds(4.0, 5, 4, 0.5, 1, 2)
    assert isinstance(c.thresholds.hedge_density, float)


@pytest.mark.parametrize(
    "toml, key",
    [
        ("fail-levle = 'error'", "fail-levle"),
        ("fail-level = 'fatal'", "fail-level"),
        ("disable = 'label.loaded'", "disable"),
        ("[thresholds]\nhedge-densty = 2", "thresholds.hedge-densty"),
        ("[thresholds]\nstacked-gap = 1.5", "thresholds.stacked-gap"),
        ("[thresholds]\nclaim-window = true", "thresholds.claim-window"),
        ("[thresholds]\nhedge-density = -1", "thresholds.hedge-density"),
        ("[severity]\n'label.loaded' = 'fatal'", "severity.label.loaded"),
        ("lexicons = ['no-such-folder']", "lexicons"),
    ],
)
def test_bad_keys_and_values_name_the_key(tmp_path, toml, key):
    path = tmp_path / "framing.toml"
    path.write_text(toml + "\n", encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_config(path)
    assert f"{key}:" in str(exc.value) and str(path) in str(exc.value)


def test_pyproject_errors_name_the_tool_table(tmp_path):
    path = tmp_path / "pyproject.toml"
    path.write_text("[tool.framing]\nbogus = 1\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"tool\.framing\.bogus"):
        load_config(path)


def test_broken_toml_is_a_config_error(tmp_path):
    path = tmp_path / "framing.toml"
    path.write_text("disable = [\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="framing.toml"):
        load_config(path)


def test_rule_ids_are_checked():
    known = {"label.loaded", "hedging.modal"}
    check_rule_ids(parse_config({"disable": ["hedging.*"], "enable": ["label.loaded"]}), known)
    with pytest.raises(ConfigError, match="hedging.nope"):
        check_rule_ids(parse_config({"disable": ["hedging.nope"]}), known)
    with pytest.raises(ConfigError, match="tone"):
        check_rule_ids(parse_config({"severity": {"tone.*": "error"}}), known)


def test_rule_patterns():
    assert rule_matches("hedging.*", "hedging.modal") and rule_matches("hedging.modal", "hedging.modal")
    assert not rule_matches("hedging.*", "hedgingx.modal") and not rule_matches("hedging.mod", "hedging.modal")


def test_command_line_overrides_win():
    c = parse_config({"disable": ["label.loaded"], "enable": ["hedging.modal"], "fail-level": "error"})
    o = c.with_overrides(fail_level="suggestion", enable=["label.loaded"], disable=["hedging.modal"])
    assert o.fail_level == "suggestion"
    assert "label.loaded" in o.enable and "label.loaded" not in o.disable
    assert "hedging.modal" in o.disable and "hedging.modal" not in o.enable
    assert c.with_overrides().fail_level == "error"


def test_a_misspelt_key_gets_a_suggestion(tmp_path):
    p = tmp_path / "framing.toml"
    p.write_text('fail_level = "error"\n[thresholds]\nhedge_density = 3\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"fail_level: unknown key; did you mean 'fail-level'\?"):
        load_config(p)
    p.write_text('[thresholds]\nhedge_density = 3\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"thresholds.hedge_density: unknown key; did you mean 'hedge-density'\?"):
        load_config(p)


def test_unknown_rule_id_gets_a_suggestion():
    with pytest.raises(ConfigError, match=r"unknown rule 'hedging.boosters'.*did you mean 'hedging.booster'\?"):
        check_rule_ids(Config(disable=("hedging.boosters",)), ["hedging.booster", "hedging.modal"])


def test_config_given_by_any_name_may_hold_a_tool_framing_table(tmp_path):
    """--config house.toml with the [tool.framing] table copied from a pyproject.toml."""
    p = tmp_path / "house.toml"
    p.write_text('[tool.framing]\nfail-level = "error"\n', encoding="utf-8")
    assert load_config(p).fail_level == "error"


def test_missing_config_file_message_is_plain(tmp_path):
    with pytest.raises(ConfigError) as err:
        load_config(tmp_path / "nothere.toml")
    assert str(err.value) == f"{tmp_path / 'nothere.toml'}: cannot read configuration: No such file or directory"
