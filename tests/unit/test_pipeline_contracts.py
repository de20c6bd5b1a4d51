"""Pipeline contracts of #17: every option that changes the signature is a QAConfig field,
and the offset contract (a finding's text is ``ja_text[start:end]``) is a real check,
kept under ``python -O``, whose breach is an internal error (exit code 3)."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import mtqa
from mtqa import checks
from mtqa.checks import BaseCheck, Context
from mtqa.cli import main
from mtqa.config import QAConfig
from mtqa.errors import FindingSpanError, InternalError, MtqaError
from mtqa.pipeline import Pipeline
from mtqa.types import AlignedPair, Finding

ROOT = Path(__file__).resolve().parents[2]
PAIRS = [("The talks lasted four hours.", "協議は約4時間続いた。"),
         ("The minister left on Tuesday.", "大臣は火曜日に出発した。")]


class BadSpanCheck(BaseCheck):
    """A plugin check with an off-by-one bug: its text is one character left of its span."""

    name = "badspan"

    def run(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]:
        if pair.index == 1 and pair.translation:
            start = pair.mt_start + 2
            yield Finding(
                category="number", severity="major", start=start, end=start + 3,
                text=ctx.translation.text[start - 1 : start + 2], message="off by one",
                reference=pair.reference, check=self.name, code="BAD001", segment=pair.index,
            )


@pytest.fixture
def badspan(monkeypatch):
    monkeypatch.setitem(checks._CHECKS, "badspan", f"{__name__}:BadSpanCheck")  # noqa: SLF001


# --- options that change the signature live in QAConfig ----------------------------------


def test_risk_and_confidence_are_config_fields_with_unchanged_defaults():
    default = Pipeline(QAConfig(backtranslator="dictionary"))
    assert default.config.score_risk and default.config.apply_confidence
    parts = default.signature_parts()
    assert "risk" in parts and "conf" in parts
    off = Pipeline(QAConfig().with_options(backtranslator="dictionary", score_risk=False,
                                           apply_confidence=False))
    assert not off.score_risk and not off.apply_confidence
    off_parts = off.signature_parts()
    assert "risk" not in off_parts and "conf" not in off_parts
    # a frozen field, not a class attribute that one caller's assignment changes for all
    with pytest.raises(AttributeError):
        default.score_risk = False  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        default.config.apply_confidence = False  # type: ignore[misc]


def test_score_risk_off_through_the_api_computes_no_token_risk():
    on = mtqa.check_segments(PAIRS, backtranslator="dictionary", config=False)
    off = mtqa.check_segments(PAIRS, backtranslator="dictionary", score_risk=False,
                              config=False)
    assert on.token_risks and not off.token_risks
    assert all(s.risk is None for s in off.segment_list)
    assert "|risk:" in on.signature and "|risk:" not in off.signature
    assert [f.to_dict() for f in on.finding_list] == [f.to_dict() for f in off.finding_list]


# --- the offset contract -------------------------------------------------------------------


def test_a_wrong_span_is_an_internal_error_naming_the_check(badspan):
    pipe = Pipeline(QAConfig(backtranslator="dictionary", checks=("badspan",)))
    with pytest.raises(FindingSpanError) as caught:
        pipe.run_segments(PAIRS)
    err = caught.value
    assert isinstance(err, InternalError) and not isinstance(err, MtqaError)
    assert (err.check, err.code) == ("badspan", "BAD001")
    message = str(err)
    for part in ("'badspan'", "BAD001", f"{err.start}..{err.end}", "bug in that check"):
        assert part in message


def test_cli_exits_3_with_one_line(badspan, tmp_path, capsys):
    en, ja = tmp_path / "en.txt", tmp_path / "ja.txt"
    en.write_text("\n\n".join(e for e, _ in PAIRS), encoding="utf-8")
    ja.write_text("\n\n".join(j for _, j in PAIRS), encoding="utf-8")
    code = main(["check", str(en), str(ja), "--backtranslator", "dictionary", "--checks",
                 "badspan", "--no-config"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 3 and len(err) == 1
    assert "FindingSpanError" in err[0] and "'badspan'" in err[0]


SCRIPT = """
import sys
from mtqa import checks
checks.register("badspan", "tests.unit.test_pipeline_contracts:BadSpanCheck")
from mtqa.cli import main
assert not __debug__  # really under -O
sys.exit(main(sys.argv[1:]))
"""


def test_the_contract_holds_under_python_O(tmp_path):
    """``python -O`` removes asserts; the offset contract must not go with them."""
    en, ja = tmp_path / "en.txt", tmp_path / "ja.txt"
    en.write_text("\n\n".join(e for e, _ in PAIRS), encoding="utf-8")
    ja.write_text("\n\n".join(j for _, j in PAIRS), encoding="utf-8")
    env = dict(os.environ, MTQA_CACHE_DIR=str(tmp_path / "cache"), PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [sys.executable, "-O", "-c", SCRIPT, "check", str(en), str(ja), "--backtranslator",
         "dictionary", "--checks", "badspan", "--no-config"],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=300, check=False,
    )
    lines = done.stderr.strip().splitlines()
    assert done.returncode == 3, done.stderr
    assert len(lines) == 1 and "FindingSpanError" in lines[0], done.stderr
