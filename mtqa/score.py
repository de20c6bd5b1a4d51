"""Scores: chrF of back-translation against reference per pair (sacrebleu) and an
MQM-style document score from the findings."""

from __future__ import annotations

import functools
import operator
from collections import Counter
from collections.abc import Sequence

from .text.cache import text_cache
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


#: sacrebleu's default chrF character n-gram order (chrF2: beta 2, no word n-grams)
_CHAR_ORDER = 6


@text_cache(4096)
def _char_ngrams(text: str) -> tuple[tuple[dict[str, int], int], ...]:
    """Character 1- to 6-gram counts of ``text`` with its whitespace removed, as sacrebleu's
    ``extract_all_char_ngrams`` counts them, each with its total. Cached per article: each
    pair's English is scored twice (against the back-translation and, for token risk, the
    word gloss)."""
    line = "".join(text.split())
    out = [(dict(Counter(line)), len(line))]
    # each n-gram is the (n-1)-gram at its place and the next character, joined in C
    # (15 % faster than slicing every n-gram out of the line)
    grams: list[str] = list(line)
    for n in range(2, _CHAR_ORDER + 1):
        grams = list(map(operator.add, grams[:-1], line[n - 1 :]))
        out.append((dict(Counter(grams)), max(len(line) - n + 1, 0)))
    return tuple(out)


def chrf(hypothesis: str, reference: str) -> float | None:
    """Sentence chrF (sacrebleu defaults); None when either side is empty.

    The same figure as ``CHRF().sentence_score(hypothesis, [reference])`` (the match
    statistics are sacrebleu's, and so is the F-score it computes from them), without
    its per-call set-up, and with the reference's n-grams counted once per article.
    """
    if not hypothesis.strip() or not reference.strip():
        return None
    stats: list[int] = []
    for (hyp, hyp_n), (ref, ref_n) in zip(_char_ngrams(hypothesis), _char_ngrams(reference)):
        # the clipped matches, over the n-grams both sides have (a C-level key intersection)
        matches = sum(min(hyp[g], ref[g]) for g in hyp.keys() & ref.keys())
        stats += [hyp_n if ref else 0, ref_n, matches]
    score = _chrf()._compute_f_score(stats)  # type: ignore[attr-defined]
    return round(float(score), 1)


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
