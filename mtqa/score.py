"""Scores: chrF of back-translation against reference per pair (sacrebleu) and an
MQM-style document score from the findings."""

from __future__ import annotations

import functools
from collections.abc import Sequence

from .text.english import words
from .types import AlignedPair, Finding

#: mqm-2: a critical finding caps the score (#16); mqm-1 had no cap.
SCORE_VERSION = "mqm-2"
#: The highest score of a report with a critical finding. In MQM a critical error makes
#: the text unfit for its purpose whatever its length, and "any critical error fails" is
#: the usual acceptance rule; a per-word penalty alone would dilute it (one critical error
#: in a 1,200-word article costs 2 points: a translation of another article scored 97.9,
#: above an article with 13 major errors at 93.8), and a dashboard sorting by score would
#: rank it among the best. Capping at 50 puts every article with a critical finding below
#: every article without one whose penalty is under half its length in words.
CRITICAL_SCORE_CAP = 50.0


@functools.lru_cache(maxsize=1)
def _chrf() -> object:
    from sacrebleu.metrics import CHRF

    return CHRF()


def chrf(hypothesis: str, reference: str) -> float | None:
    """Sentence chrF (sacrebleu defaults); None when either side is empty."""
    if not hypothesis.strip() or not reference.strip():
        return None
    result = _chrf().sentence_score(hypothesis, [reference])  # type: ignore[attr-defined]
    return round(float(result.score), 1)


def mqm_score(findings: Sequence[Finding], reference_words: int) -> float:
    """100 minus the MQM penalty per 100 reference words, floored at 0, and at most
    :data:`CRITICAL_SCORE_CAP` when any finding is critical.

    Weights: critical 25, major 5, minor 1, info 0 (docs/DESIGN.md). Normalising by length
    keeps long and short articles comparable (MQM's per-word error rate); the cap keeps a
    critical error from being diluted by a long text.
    """
    penalty = sum(f.weight for f in findings)
    n = max(reference_words, 1)
    score = max(0.0, 100.0 - 100.0 * penalty / n)
    if any(f.severity == "critical" for f in findings):
        score = min(score, CRITICAL_SCORE_CAP)
    return round(score, 1)


def word_count(text: str) -> int:
    return len(words(text))


def pair_scores(pairs: Sequence[AlignedPair]) -> list[float | None]:
    return [
        chrf(p.back_translation, p.reference) if p.mt_sentences and p.ref_sentences else None
        for p in pairs
    ]
