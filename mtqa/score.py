"""Scores: chrF of back-translation against reference per pair (sacrebleu) and an
MQM-style document score from the findings."""

from __future__ import annotations

import functools
from collections.abc import Sequence

from .english import words
from .types import AlignedPair, Finding

SCORE_VERSION = "mqm-1"


@functools.lru_cache(maxsize=1)
def _chrf() -> object:
    from sacrebleu.metrics import CHRF

    return CHRF()


def chrf(hypothesis: str, reference: str) -> float | None:
    """Sentence chrF (sacrebleu defaults); None when either side is empty."""
    if not hypothesis.strip() or not reference.strip():
        return None
    return round(float(_chrf().sentence_score(hypothesis, [reference]).score), 1)  # type: ignore[attr-defined]


def chrf_signature() -> str:
    return str(_chrf().get_signature())  # type: ignore[attr-defined]


def mqm_score(findings: Sequence[Finding], reference_words: int) -> float:
    """100 minus the MQM penalty per 100 reference words, floored at 0.

    Weights: critical 25, major 5, minor 1, boilerplate 0 (DESIGN.md). Normalising by
    length keeps long and short articles comparable (MQM's per-word error rate).
    """
    penalty = sum(f.weight for f in findings)
    n = max(reference_words, 1)
    return round(max(0.0, 100.0 - 100.0 * penalty / n), 1)


def word_count(text: str) -> int:
    return len(words(text))


def pair_scores(pairs: Sequence[AlignedPair]) -> list[float | None]:
    return [
        chrf(p.back_translation, p.reference) if p.mt_sentences and p.ref_sentences else None
        for p in pairs
    ]
