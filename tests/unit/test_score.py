"""The MQM-style document score (mtqa/score.py): weights, length normalisation and the cap
a critical finding puts on it (#16)."""

from __future__ import annotations

import pytest

import mtqa
from mtqa.score import CRITICAL_SCORE_CAP, SCORE_VERSION, mqm_score
from mtqa.types import Finding

from tests.conftest import CASES, RIYADH


def f(severity: str, category: str = "number") -> Finding:
    return Finding(category, severity, 0, 1, "x", "m", "r", "c")


@pytest.mark.parametrize(
    ("findings", "words", "expected"),
    [
        ([], 100, 100.0),
        ([f("minor")] * 2, 100, 98.0),
        ([f("major")], 100, 95.0),
        ([f("info", "boilerplate")] * 7, 100, 100.0),  # info weighs 0
        ([f("major")] * 30, 100, 0.0),  # floored at 0
    ],
)
def test_weights_and_length(findings, words, expected):
    assert mqm_score(findings, words) == expected


def test_a_critical_finding_caps_the_score():
    """#16.8: one critical finding in a long article cost 25 points per 1,200 words (97.9),
    so a translation of another article outscored one with 13 major errors."""
    assert mqm_score([f("critical")], 1200) == CRITICAL_SCORE_CAP
    assert mqm_score([f("critical")] * 3, 100) == 25.0  # below the cap already: kept
    assert mqm_score([f("major")] * 10, 1200) > CRITICAL_SCORE_CAP  # no critical, no cap


def test_wrong_article_scores_below_a_garbled_one(riyadh_report):
    """A dashboard sorting by score must put the wrong article below riyadh."""
    en = (RIYADH / "en.txt").read_text(encoding="utf-8")
    other = (CASES / "museum-theft.ja.txt").read_text(encoding="utf-8")
    wrong = mtqa.check(en, other, backtranslator="dictionary")
    assert [x.code for x in wrong.finding_list] == ["REL001"]
    assert wrong.score <= CRITICAL_SCORE_CAP < riyadh_report.score
    assert f"score:{SCORE_VERSION}" in wrong.signature and SCORE_VERSION == "mqm-2"
