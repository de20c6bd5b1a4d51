"""Policy files and precedence: CLI > MTQA_* environment > TOML > defaults (issue #7)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtqa.config import QAConfig
from mtqa.errors import ConfigError
from mtqa.policy import env_settings, find_policy_file, read_policy_file, resolve

TOML = """
max_major = 3
max-minor = "unlimited"
min_score = 80
glossary = "terms/titles.csv"
backtranslator = "dictionary"
checks = ["untranslated", "repetition"]

[severity]
untranslated = "major"
"""


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_file_env_or_cli(tmp_path):
    r = resolve({}, search_dir=tmp_path, env={})
    assert r.config == QAConfig() and r.file is None and r.origins == {}


def test_mtqa_toml_read_and_normalised(tmp_path):
    p = _write(tmp_path / "mtqa.toml", TOML)
    settings = read_policy_file(p)
    assert settings["max_major"] == 3 and settings["max_minor"] is None
    assert settings["min_score"] == 80.0
    assert settings["glossary"] == str(tmp_path.resolve() / "terms" / "titles.csv")
    assert settings["checks"] == ("untranslated", "repetition")
    assert settings["severity"] == {"untranslated": "major"}
    cfg = resolve({}, search_dir=tmp_path, env={}).config
    assert cfg.policy.max_major == 3 and cfg.policy.max_minor is None
    assert cfg.policy.min_score == 80.0 and cfg.backtranslator == "dictionary"
    assert cfg.policy.severity == {"untranslated": "major"}


def test_pyproject_tool_table_found_only_when_present(tmp_path):
    _write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n")
    assert find_policy_file(tmp_path) is None
    _write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n[tool.mtqa]\nmax_major = 2\n")
    assert find_policy_file(tmp_path) == tmp_path / "pyproject.toml"
    assert resolve({}, search_dir=tmp_path, env={}).config.policy.max_major == 2
    _write(tmp_path / "mtqa.toml", "max_major = 5\n")  # mtqa.toml wins over pyproject
    assert resolve({}, search_dir=tmp_path, env={}).config.policy.max_major == 5


def test_precedence_cli_over_env_over_file(tmp_path):
    _write(tmp_path / "mtqa.toml", "max_major = 3\nmax_critical = 1\nmin_score = 50\n"
           "[severity]\nname = 'minor'\n")
    env = {"MTQA_MAX_MAJOR": "4", "MTQA_MIN_SCORE": "60", "MTQA_SEVERITY": "title=critical"}
    r = resolve({"max_major": 5, "max_critical": None, "severity": {"number": "major"}},
                search_dir=tmp_path, env=env)
    p = r.config.policy
    assert p.max_major == 5 and r.origins["max_major"] == "cli"
    assert p.min_score == 60.0 and r.origins["min_score"] == "env"
    assert p.max_critical == 1 and r.origins["max_critical"] == "file"  # None = not given
    assert p.severity == {"name": "minor", "title": "critical", "number": "major"}


def test_settings_change_the_signature(tmp_path):
    from mtqa.pipeline import Pipeline

    base = Pipeline(resolve({"backtranslator": "dictionary"}, search_dir=None, env={}).config)
    other = Pipeline(resolve({"backtranslator": "dictionary", "max_major": 2}, search_dir=None,
                             env={}).config)
    assert base.signature_parts()["gate"] != other.signature_parts()["gate"]


def test_explicit_config_file_and_missing_one(tmp_path):
    p = _write(tmp_path / "gate.toml", "max_minor = 7\n")
    assert resolve({}, config_file=p, env={}).config.policy.max_minor == 7
    with pytest.raises(ConfigError, match="no such policy file"):
        resolve({}, config_file=tmp_path / "none.toml", env={})
    with pytest.raises(ConfigError, match="is a folder; give the policy file"):
        resolve({}, config_file=tmp_path, env={})


@pytest.mark.parametrize(
    "text,message",
    [
        ("max_major = 'lots'", "not a whole number"),
        ("max_major = 1.5", "whole number"),
        ("min_score = true", "expected a number"),
        ("maxmajor = 1", "unknown setting"),
        ("backtranslator = 'google'", "not one of"),
        ("model = ''", "non-empty string"),
        ("checks = 3", "list or comma-separated"),
        ("[severity]\ncolour = 'major'", "unknown category"),
        ("[severity]\nname = 'fatal'", "unknown severity"),
        ("max_major = ", "invalid TOML"),
    ],
)
def test_invalid_policy_files_name_the_file_and_key(tmp_path, text, message):
    p = _write(tmp_path / "mtqa.toml", text + "\n")
    with pytest.raises(ConfigError, match=message) as info:
        read_policy_file(p)
    assert "mtqa.toml" in str(info.value)


def test_pyproject_without_table_given_explicitly(tmp_path):
    p = _write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n")
    with pytest.raises(ConfigError, match=r"no \[tool.mtqa\]"):
        read_policy_file(p)


def test_env_values_validated_and_named():
    assert env_settings({"MTQA_MAX_MINOR": "none", "MTQA_CHECKS": "titles, numbers"}) == {
        "max_minor": None, "checks": ("titles", "numbers")}
    with pytest.raises(ConfigError, match="MTQA_MAX_MAJOR"):
        env_settings({"MTQA_MAX_MAJOR": "x"})
    assert env_settings({"MTQA_FORMAT": "json", "MTQA_MAX_MAJOR": " "}) == {}


def test_engine_options_pass_through():
    cfg = resolve({"engine_options": {"cache": False}}, search_dir=None, env={}).config
    assert cfg.engine_options == {"cache": False}


# --- #16: the gate cannot be switched off by accident -------------------------------------


@pytest.mark.parametrize("value", ["-1", "-5", "-100"])
def test_negative_limit_is_refused_from_each_source_not_read_as_unlimited(tmp_path, value):
    """#16: ``max_major = -1`` / ``MTQA_MAX_MAJOR=-5`` / ``--max-major -1`` meant "no
    limit" and the verdict became PASS; each is an error naming where it was given."""
    _write(tmp_path / "mtqa.toml", f"max_major = {value}\n")
    with pytest.raises(ConfigError, match=r"mtqa.toml: max_major: -\d+ is negative"):
        resolve({}, search_dir=tmp_path, env={})
    with pytest.raises(ConfigError, match=r"^\$MTQA_MAX_MAJOR: -\d+ is negative"):
        resolve({}, search_dir=None, env={"MTQA_MAX_MAJOR": value})
    with pytest.raises(ConfigError, match=r"^--max-major: -\d+ is negative"):
        resolve({"max_major": value}, search_dir=None, env={})


@pytest.mark.parametrize("value", ["200", "100.5", "-1", "nan", "inf"])
def test_min_score_outside_0_to_100_is_refused(tmp_path, value):
    """#16: ``min_score = 200`` was accepted and failed every article."""
    _write(tmp_path / "mtqa.toml", f"min_score = {value}\n")
    with pytest.raises(ConfigError, match="mtqa.toml: min_score: .* out of range; scores run "
                       "from 0 to 100"):
        read_policy_file(tmp_path / "mtqa.toml")
    with pytest.raises(ConfigError, match=r"^\$MTQA_MIN_SCORE: .*out of range"):
        env_settings({"MTQA_MIN_SCORE": value})


@pytest.mark.parametrize("word", ["none", "unlimited", "None", " UNLIMITED "])
def test_no_limit_is_spelled_out(word):
    r = resolve({"max_major": word, "min_score": word}, search_dir=None, env={})
    assert r.config.policy.max_major is None and r.config.policy.min_score is None
    assert resolve({}, search_dir=None, env={"MTQA_MAX_CRITICAL": word}).config.policy \
        .max_critical is None


def test_limits_at_the_edges_are_accepted():
    p = resolve({"max_major": "0", "min_score": "100"}, search_dir=None,
                env={"MTQA_MIN_SCORE": "0"}).config.policy
    assert p.max_major == 0 and p.min_score == 100.0
    assert resolve({}, search_dir=None, env={"MTQA_MIN_SCORE": "0"}).config.policy.min_score == 0


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("numbers,titles", ("numbers", "titles")),  # as `mtqa checks` lists them
        ("number,title", ("numbers", "titles")),  # the categories of --severity
        ("Name, names", ("names",)),  # case; duplicates once
        ("boilerplate,moved,alignment", ("alignment",)),  # categories of the alignment check
        ("repetitions,omission", ("repetition", "omission")),
    ],
)
def test_checks_accept_singular_plural_and_category_names(given, expected):
    """#16: ``--checks numbers,titles`` is plural while ``--severity number=...`` is
    singular; both spellings name the same check."""
    assert resolve({"checks": given}, search_dir=None, env={}).config.checks == expected


def test_unknown_check_name_lists_the_checks():
    with pytest.raises(ConfigError, match=r"^--checks: unknown check 'colour'; give check "
                       r"names: untranslated, repetition"):
        resolve({"checks": "colour"}, search_dir=None, env={})


@pytest.mark.parametrize("value", ["-0.1", "1.5", "nan", "high"])
def test_min_confidence_out_of_range_is_an_error_naming_its_source(value: str) -> None:
    from mtqa.policy import resolve

    with pytest.raises(ConfigError, match=r"MTQA_MIN_CONFIDENCE"):
        resolve({}, search_dir=None, env={"MTQA_MIN_CONFIDENCE": value})


def test_min_confidence_from_a_file_and_all_findings_hides_nothing(tmp_path, monkeypatch) -> None:
    from mtqa.cli import build_parser
    from mtqa.cli.common import config_from_args

    (tmp_path / "mtqa.toml").write_text("min_confidence = 0.2\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    args = build_parser().parse_args(["check", "a.txt", "b.txt"])
    assert config_from_args(args).policy.min_confidence == 0.2
    args = build_parser().parse_args(["check", "a.txt", "b.txt", "--all-findings"])
    assert config_from_args(args).policy.min_confidence == 0.0
    args = build_parser().parse_args(["check", "a.txt", "b.txt", "--min-confidence", "none"])
    assert config_from_args(args).policy.min_confidence is None


def test_plus_adds_a_check_to_the_default_run_and_minus_takes_one_out():
    from mtqa import checks
    from mtqa.policy import check_names

    defaults = tuple(checks.defaults())
    assert "divergence" not in defaults  # opt-in
    assert check_names(["+divergence"], "--checks") == (*defaults, "divergence")
    assert check_names(["-names", "+divergence"], "--checks") == (
        *[c for c in defaults if c != "names"], "divergence")
    # plain names stand in for the default run; +/- apply to them
    assert check_names(["numbers", "+title"], "--checks") == ("numbers", "titles")
    assert check_names(["numbers", "titles", "-titles"], "--checks") == ("numbers",)
    with pytest.raises(ConfigError, match="no check left"):
        check_names(["numbers", "-numbers"], "--checks")
    with pytest.raises(ConfigError, match="unknown check"):
        check_names(["+nonsense"], "--checks")


def test_cli_checks_plus_runs_the_opt_in_check_with_the_defaults(tmp_path, capsys):
    from mtqa.cli import main

    out = tmp_path / "r.json"
    cases = Path(__file__).resolve().parents[2] / "data" / "cases"
    rc = main(["check", str(cases / "f1-race.en.txt"), str(cases / "f1-race.ja.txt"),
               "--backtranslator", "dictionary", "--checks", "+divergence", "--format", "json",
               "-o", str(out), "-q"])
    assert rc in (0, 1)
    import json

    sig = json.loads(out.read_text(encoding="utf-8"))["signature"]
    assert "divergence-1" in sig and "untranslated-" in sig and "alignment-" in sig


# --- latin_allowed: the house style for Latin script as a policy setting (#18 item 4) --------

EN_LATIN = "The company uses Strava to track runs.\n"
JA_LATIN = "同社はStravaでランニングを記録している。\n"


def _untranslated(cfg: QAConfig) -> list[str]:
    import mtqa

    report = mtqa.check(EN_LATIN, JA_LATIN, config=cfg)
    return [JA_LATIN[f.start:f.end] for f in report.finding_list if f.category == "untranslated"]


def test_latin_allowed_policy_key_resolves_relative_to_the_file_and_reaches_the_check(tmp_path):
    house = tmp_path / "newsroom" / "latin.tsv"
    house.parent.mkdir()
    _write(house, "term\tStrava\n")
    _write(tmp_path / "mtqa.toml", 'latin_allowed = "newsroom/latin.tsv"\n')
    assert read_policy_file(tmp_path / "mtqa.toml")["latin_allowed"] == str(house.resolve())
    cfg = resolve({}, search_dir=tmp_path, env={}).config
    assert cfg.latin_allowed == str(house.resolve())
    # the default house style flags an English trade name left in Latin; this one allows it
    assert _untranslated(QAConfig()) == ["Strava"]
    assert _untranslated(cfg) == []
    # the file's digest is in the signature: reports under two house styles never compare
    import mtqa

    sig = mtqa.check(EN_LATIN, JA_LATIN, config=cfg).signature
    assert "+latin." in sig and sig != mtqa.check(EN_LATIN, JA_LATIN, config=QAConfig()).signature


def test_latin_allowed_from_environment_and_command_line(tmp_path, monkeypatch, capsys):
    from mtqa.cli import main

    house = _write(tmp_path / "house.tsv", "term\tStrava\n")
    assert env_settings({"MTQA_LATIN_ALLOWED": str(house)})["latin_allowed"] == str(house)
    en, ja = _write(tmp_path / "en.txt", EN_LATIN), _write(tmp_path / "ja.txt", JA_LATIN)
    monkeypatch.chdir(tmp_path)
    args = ["check", str(en), str(ja), "--no-config", "--format", "json"]
    import json

    def flagged() -> list[str]:
        return [f["text"] for f in json.loads(capsys.readouterr().out)["findings"]
                if f["category"] == "untranslated"]

    assert main(args) == 0
    assert flagged() == ["Strava"]
    assert main([*args, "--latin-allowed", str(house)]) == 0
    assert flagged() == []


def test_latin_allowed_missing_file_is_one_line_and_exit_2(tmp_path, capsys):
    from mtqa.cli import main

    en, ja = _write(tmp_path / "en.txt", EN_LATIN), _write(tmp_path / "ja.txt", JA_LATIN)
    missing = tmp_path / "nope.tsv"
    rc = main(["check", str(en), str(ja), "--no-config", "--latin-allowed", str(missing)])
    err = capsys.readouterr().err
    assert rc == 2
    assert str(missing) in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
