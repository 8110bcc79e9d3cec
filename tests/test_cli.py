"""The CLI core returns an ExitStatus and never a traceback for a user's mistake."""

from __future__ import annotations

from framing.cli import ExitStatus, run


def test_no_command_prints_help_and_is_a_usage_error(capsys):
    assert run([]) == ExitStatus.USAGE
    assert "COMMAND" in capsys.readouterr().err


def test_help_and_version_exit_zero(capsys):
    assert run(["--help"]) == ExitStatus.OK
    out = capsys.readouterr().out
    for command in ("score", "report", "audit", "eval", "bench", "lexicons"):
        assert command in out
    assert run(["--version"]) == ExitStatus.OK


def test_every_subcommand_has_help_with_examples(capsys):
    for command in ("score", "report", "audit", "eval", "bench", "lexicons"):
        assert run([command, "--help"]) == ExitStatus.OK
        out = capsys.readouterr().out
        assert "usage: framing " + command in out
        assert "examples:" in out, command
        assert "exit status" in out.lower(), command
        assert "``" not in out, command  # docstring markup shown raw on a terminal
        assert out.lower().count("\nexit status") == 1, command  # said once, in the epilog


def test_unknown_option_is_reported_with_the_subcommands_usage(capsys):
    assert run(["audit", "--bogus", "draft.txt"]) == ExitStatus.USAGE
    err = capsys.readouterr().err
    assert err.startswith("usage: framing audit"), err
    assert "framing audit: error: unrecognized arguments: --bogus" in err


def test_singular_lexicon_is_an_alias(capsys):
    assert run(["lexicon"]) == ExitStatus.OK
    assert "lexicon version" in capsys.readouterr().out


def test_a_misspelt_command_gets_a_suggestion(capsys):
    assert run(["scroe", "x"]) == ExitStatus.USAGE
    assert "did you mean 'score'?" in capsys.readouterr().err


def test_unknown_command_and_option(capsys):
    assert run(["frobnicate"]) == ExitStatus.USAGE
    assert run(["eval", "--no-such-option", "x"]) == ExitStatus.USAGE


def test_lexicons_lists_the_version(capsys):
    assert run(["lexicons"]) == ExitStatus.OK
    assert "lexicon version" in capsys.readouterr().out


def test_bad_lexicon_folder_is_a_usage_error(tmp_path, capsys):
    bad = tmp_path / "lex"
    bad.mkdir()
    (bad / "hedging.tsv").write_text("# categories: modal\nmaybe\n", encoding="utf-8")
    assert run(["lexicons", "--lexicons", str(bad)]) == ExitStatus.USAGE
    err = capsys.readouterr().err
    assert "hedging.tsv:2" in err and "Traceback" not in err


def test_a_lexicon_no_detector_can_use_stops_score_and_report_once(tmp_path, capsys):
    # The file parses, but the hedging detector rejects it when it builds its tables: the
    # run stops with one message before scoring, instead of an error record per article.
    lex = tmp_path / "lex"
    lex.mkdir()
    (lex / "hedging_context.toml").write_text('[meta]\nsource = "ours"\ncategories = ["no_such_guard"]\n\n[words]\nno_such_guard = ["said"]\n', encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Officials said the ferry may run late.\n", encoding="utf-8")
    out = tmp_path / "s.jsonl"
    assert run(["score", str(article), "-o", str(out), "--no-cache", "--lexicons", str(lex)]) == ExitStatus.USAGE
    assert run(["report", str(article), "-o", str(tmp_path / "r.html"), "--lexicons", str(lex)]) == ExitStatus.USAGE
    err = capsys.readouterr().err
    assert err.count("no_such_guard") == 2 and "Traceback" not in err
    assert not out.exists() and not (tmp_path / "r.html").exists()
