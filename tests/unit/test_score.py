"""The MQM-style document score (mtqa/score.py): weights, length normalisation and the cap
a critical finding puts on it (#16)."""

from __future__ import annotations

import pytest

import mtqa
from mtqa.score import (
    CRITICAL_SCORE_CAP,
    SCORE_VERSION,
    chrf,
    mqm_score,
    pair_scores,
    word_count,
)
from mtqa.types import SEVERITIES, AlignedPair, Finding

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


# --- #17: the weights, the cap and the inputs of the score --------------------------------


def test_mqm_weights_per_severity():
    """docs/DESIGN.md: critical 25, major 5, minor 1, info 0."""
    assert {s: f(s, "boilerplate" if s == "info" else "number").weight for s in SEVERITIES} == {
        "critical": 25.0, "major": 5.0, "minor": 1.0, "info": 0.0}
    # the same penalty from different severities gives the same score
    assert mqm_score([f("major")], 100) == mqm_score([f("minor")] * 5, 100) == 95.0


def test_the_penalty_is_per_100_reference_words():
    """Twice the words, half the penalty: a long and a short article compare."""
    assert mqm_score([f("major")], 200) == 97.5
    assert mqm_score([f("major")] * 2, 200) == mqm_score([f("major")], 100)


def test_the_cap_applies_only_with_a_critical_finding():
    assert mqm_score([f("major")] * 9, 100) == 55.0  # no critical: not capped
    assert mqm_score([f("critical"), f("minor")], 10_000) == CRITICAL_SCORE_CAP
    assert mqm_score([f("critical")] * 4, 100) == 0.0  # floored at 0 below the cap


def test_score_is_rounded_to_one_decimal_and_an_empty_reference_does_not_divide_by_zero():
    assert mqm_score([f("minor")], 3) == 66.7
    assert mqm_score([], 0) == 100.0
    assert mqm_score([f("minor")], 0) == 0.0  # counted as one word


def test_word_count_counts_words_and_numbers():
    assert word_count("The talks lasted four hours.") == 5
    assert word_count("It cost 3.5 billion dollars.") == 5
    assert word_count("") == 0


def test_chrf_is_none_when_a_side_is_empty():
    assert chrf("The talks lasted four hours.", "The talks lasted four hours.") == 100.0
    assert chrf("", "The talks lasted four hours.") is None
    assert chrf("The talks lasted four hours.", "   ") is None
    assert 0.0 < chrf("The talks took four hours.", "The talks lasted four hours.") < 100.0


def _pair(index: int, ref: tuple[int, ...], mt: tuple[int, ...], reference: str,
          back_translation: str) -> AlignedPair:
    return AlignedPair(index, ref, mt, 0, len(reference), 0, 0, reference, "",
                       back_translation=back_translation)


def test_pair_scores_skip_pairs_without_both_sides():
    """An omission (1:0) or addition (0:1) has no chrF: there is nothing to compare."""
    pairs = [_pair(0, (0,), (0,), "The talks lasted four hours.", "The talks lasted four hours."),
             _pair(1, (1,), (), "Nothing was agreed.", ""),
             _pair(2, (), (1,), "", "An added sentence.")]
    assert pair_scores(pairs) == [100.0, None, None]


@pytest.mark.parametrize(
    ("hypothesis", "reference"),
    [
        ("The talks took four hours.", "The talks lasted four hours."),
        ("talks talks talks talks", "The talks lasted four hours."),  # clipped repeats
        ("Lavrov met Rubio in Riyadh on Tuesday", "Rubio and Lavrov met on Tuesday in Riyadh."),
        ("ab", "The talks lasted four hours."),  # no n-gram of order 3 to 6 on one side
        ("The talks lasted four hours.", "ab"),
        ("x", "y"),
        ("  spaced \t out\n text ", "spacedouttext"),  # whitespace is not counted
        ("ロシア 外務 大臣", "ロシアの外務大臣は会談した"),
        ("(hi) [there]!", "hi there"),
    ],
)
def test_chrf_is_sacrebleus_sentence_chrf(hypothesis, reference):
    """#17 work done once: chrf counts the n-grams itself (the reference's once per article)
    and must give sacrebleu's figure exactly, also when the reference's counts are reused."""
    from sacrebleu.metrics import CHRF

    expected = round(float(CHRF().sentence_score(hypothesis, [reference]).score), 1)
    assert chrf(hypothesis, reference) == expected
    assert chrf(hypothesis, reference) == expected  # from the cached counts
    other = round(float(CHRF().sentence_score(reference, [hypothesis]).score), 1)
    assert chrf(reference, hypothesis) == other
