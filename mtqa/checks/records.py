"""A record the English does not claim, added by the translation (``ADD003``, the
``records`` check).

A translation that says a figure is the highest on record, the largest since listing or
the country's biggest (過去最高, 上場以来最大, 英国最大の) makes a claim of its own when the
English gives the figure without one: "Shares in Veltra fell 7.4% in Milan" →
…7.4%下落し、上場以来最大の下げ幅を記録した; "The plant, which employs about 2,100
people" → 約2100人を雇用する英国最大の工場. An added record reads as a fact and is
repeated; it is flagged major.

The Japanese claim is a record phrase (:data:`_RECORD_JA`: 過去最高, 史上最悪, 統計開始以来,
上場来, …以来最大, 最大規模, 最低水準, a name or a place with 最大の right after it). The English
makes the claim when the pair, or a sentence next to it (an alignment a sentence off),
has a superlative (a word WordNet reads as the superlative of an adjective: largest,
steepest, busiest; best, worst, most, least), a word of records or extremes (record,
ever, unprecedented, all-time, peak, minimum, maximum, new high), a time since which
(since, first, in years) or a rank (top, leading, main, major, giant).

On WMT24 ESA en-ja dev (4,094 translations) the phrase stands without such a word in one
machine translation and in no professional one; on the 1,004 blind articles of
``data/blind`` in 31 pairs, 24 of them planted additions (round 32, before the English
words of ranks and extremes were added).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import ClassVar

from ..text import wordnet
from ..types import AlignedPair, Finding
from . import BaseCheck, Context, neighbour_pairs

#: Japanese phrases of a record or an extreme.
_RECORD_JA = re.compile(
    r"過去最[大高低悪多少長]|過去[\d０-９]+年(?:間)?で最[大高低悪多少長]|"
    r"史上最[大高低悪多少長]|(?:以来|来)最[大高低悪多少長]|統計開始以来|"
    r"上場以来|上場来|最大規模|最高水準|最低水準|"
    r"(?<![\u4e00-\u9fff\u30a0-\u30ff])(?!人生|生涯)[\u4e00-\u9fff\u30a0-\u30ff]{1,6}最大の")
#: (人生最大の栄誉 for "the privilege of my life": an intensifier, no record)
#: English words that make such a claim (besides a superlative, :func:`_superlative`).
_RECORD_EN = re.compile(
    r"\b(?:records?|recorded|ever|unprecedented|all-time|peak\w*|minim\w*|maxim\w*|"
    r"best|worst|most|least|since|first|years|decades?|top|leading|main|major|giant|"
    r"largest|biggest|highest|lowest|new\s+(?:highs?|lows?))\b", re.IGNORECASE)
_EST = re.compile(r"\b[A-Za-z]+est\b")


@functools.lru_cache(maxsize=4096)
def _superlative(word: str) -> bool:
    """Whether WordNet reads ``word`` as the superlative of an adjective (steepest)."""
    return bool(wordnet.adjective_base(word.lower()))


def claims_a_record(english: str) -> bool:
    """Whether English ``english`` says a record, an extreme or a rank (see the module)."""
    return bool(_RECORD_EN.search(english)) or any(
        _superlative(m.group()) for m in _EST.finditer(english))


class RecordsCheck(BaseCheck):
    """Flag a record or an extreme (過去最高, 上場以来最大) that the English does not claim."""

    name: ClassVar[str] = "records"
    version: ClassVar[int] = 1
    requires: ClassVar[frozenset[str]] = frozenset()

    def run(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]:
        if pair.chrome or not pair.mt_sentences or not pair.ref_sentences:
            return
        text = ctx.translation.text
        found = list(_RECORD_JA.finditer(text, pair.mt_start, pair.mt_end))
        if not found or claims_a_record(pair.reference) or any(
                claims_a_record(p.reference) for p in neighbour_pairs(pair, ctx)):
            return
        for m in found:
            yield self.finding(
                text, m.start(), m.end(),
                category="addition",
                severity="major",
                message=(f"'{m.group()}' claims a record or an extreme that the English "
                         "does not (no superlative, record or rank there): a claim added"),
                pair=pair,
                code="ADD003",
                evidence={"claim": m.group()},
            )
