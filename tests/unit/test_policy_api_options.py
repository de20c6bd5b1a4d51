"""Keyword options of the Python API are validated as the command line's are, and an
explicitly empty check selection is an error everywhere (#16: a notebook and ``mtqa check``
give one verdict for one policy; a bad limit is an error naming where it was given, never
"no limit")."""

from __future__ import annotations

import math
import os

import pytest

import mtqa
from mtqa.cli import main
from mtqa.config import QAConfig
from mtqa.errors import ConfigError
from mtqa.gate import EXIT_USAGE

EN = "Prices rose 5% in March."
JA = "3月に物価が5%上昇した。"


@pytest.fixture(autouse=True)
def _clean(tmp_path, monkeypatch):
    """No policy file and no policy variable but the test's own (the cache folder the
    session's conftest sets stays)."""
    for name in [k for k in os.environ if k.startswith("MTQA_") and k != "MTQA_CACHE_DIR"]:
        monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)


def check(**options):
    return mtqa.check(EN, JA, **{"backtranslator": "dictionary", **options})


def checks_run(report) -> list[str]:
    """The checks a report ran, from its signature (``numbers-10,titles-7``)."""
    return [part.rsplit("-", 1)[0] for part in report.signature_parts["checks"].split(",")]


# --- P2: the options are validated, the message names the keyword argument ---------------


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"max_major": -1}, "max_major=-1: -1 is negative"),
        ({"max_critical": -3}, "max_critical=-3: -3 is negative"),
        ({"min_score": 101}, "min_score=101: 101 is out of range"),
        ({"min_score": -0.5}, "min_score=-0.5: -0.5 is out of range"),
        ({"min_score": math.nan}, "min_score=nan: nan is out of range"),
        ({"min_confidence": 1.5}, "min_confidence=1.5: 1.5 is out of range"),
        ({"max_major": 1.5}, "max_major=1.5: expected a whole number"),
        ({"max_major": True}, "max_major=True: expected a whole number"),
        ({"max_major": "abc"}, "max_major='abc': 'abc' is not a whole number"),
        ({"min_score": "high"}, "min_score='high': 'high' is not a number"),
        ({"severity": {"bogus": "major"}}, "severity=.*unknown category 'bogus'"),
        ({"severity": {"number": "huge"}}, "severity=.*unknown severity 'huge' for 'number'"),
        ({"severity": "number"}, "severity='number': 'number' should be CATEGORY=SEVERITY"),
        ({"checks": "nmbers"}, "checks='nmbers': unknown check 'nmbers'"),
        ({"checks": ["numbers", "-numbers"]}, "checks=.*: no check left to run"),
        ({"checks": 3}, "checks=3: give check names"),
        ({"backtranslator": "google"}, "backtranslator='google': 'google' is not one of"),
        ({"glossary": ""}, "glossary='': expected a non-empty string"),
    ],
)
def test_bad_option_is_a_config_error_naming_the_argument(options, message):
    with pytest.raises(ConfigError, match=message):
        check(**options)


def test_severity_is_checked_before_any_finding_needs_it():
    """It was refused (by types.py) only once a number finding existed."""
    with pytest.raises(ConfigError, match="unknown severity 'huge'"):
        mtqa.check(EN, "物価が上昇した。", backtranslator="dictionary", checks=["numbers"],
                   severity={"number": "huge"})


def test_options_are_validated_over_a_qaconfig_too():
    with pytest.raises(ConfigError, match="max_major=-1: -1 is negative"):
        mtqa.check(EN, JA, config=QAConfig(backtranslator="dictionary"), max_major=-1)


def test_check_feed_and_check_segments_validate_their_options():
    """``check_feed(max_major=-1)`` failed every article."""
    with pytest.raises(ConfigError, match="max_major=-1"):
        mtqa.check_feed([("a", EN, JA)], backtranslator="dictionary", max_major=-1)
    with pytest.raises(ConfigError, match="min_score=200"):
        mtqa.check_segments([(EN, JA)], backtranslator="dictionary", min_score=200)


@pytest.mark.parametrize(
    ("checks", "expected"),
    [
        ("numbers", ["numbers"]),  # was read letter by letter: "unknown check 'n'"
        (["number"], ["numbers"]),  # the singular, as --checks takes it
        (("numbers", "numbers"), ["numbers"]),  # ran twice: numbers-10,numbers-10
        ("number, title", ["numbers", "titles"]),
        (["moved"], ["alignment"]),  # a finding category names its check
    ],
)
def test_checks_take_the_command_line_spellings(checks, expected):
    report = check(checks=checks)
    assert checks_run(report) == expected
    assert report.verdict == "pass"


def test_severity_as_a_string_and_valid_values_are_normalised():
    report = check(severity="number=critical", max_major="3", min_score=50, min_confidence=0)
    assert report.policy.severity == {"number": "critical"}
    assert (report.policy.max_major, report.policy.min_score,
            report.policy.min_confidence) == (3, 50.0, 0.0)


def test_none_keeps_its_meaning():
    """``None``: no limit, the default checks (as before the validation)."""
    report = check(max_major=None, min_score=None, checks=None)
    assert report.policy.max_major is None and report.policy.min_score is None
    assert len(checks_run(report)) > 1


# --- P11: an explicitly empty selection of checks is an error, not "all checks" ---------


@pytest.mark.parametrize("checks", [[], (), "", ",,,", [" ", ""]])
def test_api_empty_checks_is_an_error(checks):
    with pytest.raises(ConfigError, match=r"checks=.*: no check named"):
        check(checks=checks)


def _pair(folder):
    (folder / "en.txt").write_text(EN + "\n", encoding="utf-8")
    (folder / "ja.txt").write_text(JA + "\n", encoding="utf-8")
    return str(folder / "en.txt"), str(folder / "ja.txt")


@pytest.mark.parametrize(
    ("where", "value", "named"),
    [
        ("flag", "", "--checks: no check named"),
        ("flag", ",,,", "--checks: no check named"),
        ("env", ",", "$MTQA_CHECKS: no check named"),
        ("file", "[]", "mtqa.toml: checks: no check named"),
        ("flag", "numbers,-numbers", "--checks: no check left to run"),
    ],
)
def test_cli_empty_checks_is_a_usage_error_naming_its_source(tmp_path, capsys, monkeypatch,
                                                             where, value, named):
    en, ja = _pair(tmp_path)
    extra = []
    if where == "flag":
        extra = [f"--checks={value}"]
    elif where == "env":
        monkeypatch.setenv("MTQA_CHECKS", value)
    else:
        (tmp_path / "mtqa.toml").write_text(f"checks = {value}\n", encoding="utf-8")
    rc = main(["check", en, ja, "--backtranslator", "dictionary", *extra])
    err = capsys.readouterr().err
    assert rc == EXIT_USAGE and err.count("\n") == 1 and named in err


def test_cli_unset_checks_still_means_the_default_checks(tmp_path, capsys, monkeypatch):
    """An empty variable is an unset one (``MTQA_MAX_MAJOR=" "`` likewise)."""
    en, ja = _pair(tmp_path)
    monkeypatch.setenv("MTQA_CHECKS", "")
    assert main(["check", en, ja, "--backtranslator", "dictionary", "-q"]) == 0
