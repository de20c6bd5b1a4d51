"""The configuration of the Python API reads the policy as the command line does, and
every report names its policy (#16.7: a mtqa.toml changed the CLI's verdict while
``mtqa.check()`` in a notebook in the same folder ignored it)."""

from __future__ import annotations

import json
import os

import pytest

import mtqa
from mtqa.cli import main
from mtqa.config import QAConfig
from mtqa.policy import api_config, resolve
from mtqa.errors import ConfigError
from tests.conftest import CASES, RIYADH

EN = (RIYADH / "en.txt").read_text(encoding="utf-8")
#: A translation of another article: one critical finding (REL001), whatever the checks'
#: calibration, so the policy's max_critical alone decides the verdict.
OTHER = (CASES / "museum-theft.ja.txt").read_text(encoding="utf-8")
LENIENT = 'max_critical = "none"\n'


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """A working folder holding a lenient mtqa.toml and the two articles."""
    for name in [k for k in os.environ if k.startswith("MTQA_")]:
        monkeypatch.delenv(name)
    (tmp_path / "mtqa.toml").write_text(LENIENT, encoding="utf-8")
    (tmp_path / "en.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "ja.txt").write_text(OTHER, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def check(**kw):
    return mtqa.check(EN, OTHER, backtranslator="dictionary", **kw)


def test_api_and_cli_give_one_verdict(folder, capsys):
    rc = main(["check", "en.txt", "ja.txt", "--backtranslator", "dictionary", "--format",
               "json"])
    cli = json.loads(capsys.readouterr().out)
    api = check()
    assert [f.code for f in api.finding_list] == ["REL001"]
    assert rc == 0 and cli["summary"]["verdict"] == api.verdict == "pass"
    same = {k: v for k, v in api.to_dict()["policy"].items() if k != "origins"}
    assert {k: v for k, v in cli["policy"].items() if k != "origins"} == same
    # the engine was set by a command-line option there, by a keyword argument here
    assert cli["policy"]["origins"]["backtranslator"] == "cli"
    assert api.policy.origins["backtranslator"] == "argument"
    assert api.policy_source == "mtqa.toml" == cli["policy"]["source"]
    # found by looking in the working directory: said in a note, with the way out
    assert any(str(folder / "mtqa.toml") in n and "config=False" in n for n in api.notes)
    assert "policy: mtqa.toml" in api.to_text().splitlines()[1]
    assert "policy: mtqa.toml" in api.to_html()


def test_text_header_names_the_policy_on_the_command_line(folder, capsys):
    main(["check", "en.txt", "ja.txt", "--backtranslator", "dictionary"])
    assert capsys.readouterr().out.splitlines()[1] == "policy: mtqa.toml"
    main(["check", "en.txt", "ja.txt", "--backtranslator", "dictionary", "--no-config"])
    assert capsys.readouterr().out.splitlines()[1] == "policy: defaults"


def test_config_false_path_and_qaconfig(folder, tmp_path_factory):
    off = check(config=False)
    assert off.verdict == "fail" and off.policy_source == "defaults"
    assert not any("policy from" in n for n in off.notes)
    elsewhere = tmp_path_factory.mktemp("policies") / "strict.toml"
    elsewhere.write_text(LENIENT, encoding="utf-8")
    given = check(config=elsewhere)
    assert given.verdict == "pass" and given.policy_source == str(elsewhere)
    assert not any("policy from" in n for n in given.notes)  # asked for: no note
    assert check(config=QAConfig()).verdict == "fail"


def test_options_and_variables_over_the_file(folder, monkeypatch):
    strict = check(max_critical=0)  # an explicit option wins, as on the command line
    assert strict.verdict == "fail" and strict.policy.origins["max_critical"] == "argument"
    assert strict.to_dict()["policy"]["max_critical"] == 0
    monkeypatch.setenv("MTQA_MAX_CRITICAL", "0")
    env = check()
    assert env.verdict == "fail" and env.policy.origins["max_critical"] == "env"
    assert env.to_text().splitlines()[1] == "policy: mtqa.toml; set by $MTQA_MAX_CRITICAL"


def test_check_feed_and_segments_read_the_same_policy(folder):
    feed = mtqa.check_feed([("a", EN, OTHER)], backtranslator="dictionary")
    assert feed.items[0].report.verdict == "pass"
    assert feed.items[0].report.policy_source == "mtqa.toml"
    seg = mtqa.check_segments([("The talks lasted four hours.", "協議は4時間続いた。")],
                              backtranslator="dictionary")
    assert seg.policy_source == "mtqa.toml" and seg.policy.max_critical is None
    assert "presegmented" not in seg.policy.origins


def test_bad_policy_file_is_a_config_error(folder):
    (folder / "mtqa.toml").write_text("max_major = [\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="mtqa.toml"):
        check()
    assert check(config=False).policy_source == "defaults"


def test_api_config_severity_adds_to_the_file(folder):
    (folder / "mtqa.toml").write_text('[severity]\nname = "minor"\n', encoding="utf-8")
    cfg, note = api_config(None, {"severity": {"title": "minor"}})
    assert cfg.policy.severity == {"name": "minor", "title": "minor"}
    assert note is not None and cfg.policy.source == "mtqa.toml"


# --- #17: QAConfig itself ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "file_line", "env_value", "cli_value", "read", "expected"),
    [
        ("max_major", "max_major = 3", "4", 5, lambda c: c.policy.max_major, (0, 3, 4, 5)),
        ("backtranslator", 'backtranslator = "marian"', "ct2", "dictionary",
         lambda c: c.backtranslator, ("auto", "marian", "ct2", "dictionary")),
        ("checks", 'checks = ["titles"]', "numbers", ["names"], lambda c: c.checks,
         (None, ("titles",), ("numbers",), ("names",))),
    ],
)
def test_each_layer_overrides_the_one_below(tmp_path, key, file_line, env_value, cli_value,
                                            read, expected):
    """Defaults < policy file < ``MTQA_*`` variable < command line, for a gate limit and
    for settings outside the policy (engine, checks), each origin recorded."""
    env = {f"MTQA_{key.upper()}": env_value}
    defaults = resolve({}, search_dir=tmp_path, env={})
    (tmp_path / "mtqa.toml").write_text(file_line + "\n", encoding="utf-8")
    layers = [defaults, resolve({}, search_dir=tmp_path, env={}),
              resolve({}, search_dir=tmp_path, env=env),
              resolve({key: cli_value}, search_dir=tmp_path, env=env)]
    assert tuple(read(r.config) for r in layers) == expected
    assert [r.origins.get(key) for r in layers] == [None, "file", "env", "cli"]


def test_with_options_rejects_an_unknown_name_and_names_it():
    with pytest.raises(ConfigError, match="'max_majors'"):
        QAConfig().with_options(max_majors=1)


def test_with_options_sorts_each_option_to_its_place_and_copies():
    base = QAConfig(engine_options={"beams": 4})
    cfg = base.with_options(backtranslator="dictionary", max_minor=3, batch_size=8,
                            checks=["numbers", "titles"])
    assert cfg.backtranslator == "dictionary" and cfg.policy.max_minor == 3
    assert cfg.engine_options == {"beams": 4, "batch_size": 8}
    assert cfg.checks == ("numbers", "titles")  # a list becomes a tuple (hashable, frozen)
    # the original is untouched, its engine options included
    assert base == QAConfig(engine_options={"beams": 4}) and base.policy.max_minor is None


def test_a_config_cannot_be_changed_in_place():
    from dataclasses import FrozenInstanceError

    with pytest.raises(FrozenInstanceError):
        QAConfig().backtranslator = "marian"  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        QAConfig().policy.max_major = 9  # type: ignore[misc]


@pytest.mark.parametrize(
    "option",
    [{"max_critical": 1}, {"max_major": 2}, {"max_minor": 3}, {"min_score": 80.0},
     {"severity": {"name": "minor"}}, {"min_confidence": 0.3}],
)
def test_every_gate_setting_changes_the_signature(option):
    """Settings that change the verdict are in the signature; where the policy came from
    is not (the same limits from two files give the same results)."""
    base = QAConfig().policy
    changed = QAConfig().with_options(**option).policy
    assert changed.signature_parts() != base.signature_parts()
    moved = QAConfig().with_policy_source("elsewhere/mtqa.toml", {"max_major": "file"}).policy
    assert moved.signature_parts() == base.signature_parts() and moved == base
