"""Records: one the translation claims and the English does not (``ADD003``), one the
English claims and the translation leaves out (``OMI006``); the ``records`` check.

A translation that says a figure is the highest on record, the largest since listing or
the country's biggest (過去最高, 上場以来最大, 英国最大の) makes a claim of its own when the
English gives the figure without one: "Shares in Veltra fell 7.4% in Milan" →
…7.4%下落し、上場以来最大の下げ幅を記録した; "The plant, which employs about 2,100
people" → 約2100人を雇用する英国最大の工場. An added record reads as a fact and is
repeated: ``ADD003``, major.

The Japanese claim is a record phrase (:data:`_RECORD_JA`: 過去最高, 過去10年で最大, 史上最悪,
統計開始以来, 上場来, …以来最大, 最大規模, 最低水準, a name or a place with 最大の right after
it; not 人生最大の, an intensifier). The English makes the claim when the pair, or a
sentence next to it (an alignment a sentence off), has a superlative (a word WordNet reads
as the superlative of an adjective: largest, steepest, busiest; best, worst, most,
least), a word of records or extremes (record, ever, unprecedented, all-time, peak,
minimum, maximum, new high), a time since which (since, first, in years) or a rank (top,
leading, main, major, giant).

The other way round, an English record ("the largest penalty it has ever imposed", "a
record 14 million tonnes", "the highest since 2008") whose pair's Japanese says no record,
extreme or first at all (no 最, 記録, 史上, 過去, 初, 以来, …ぶり, 一番, これまで) was left out:
``OMI006``, minor (the fact stands, its weight is lost).

Round 32: on WMT24 ESA en-ja dev (4,094 translations) neither finds anything; on the 1,004
blind articles of ``data/blind`` (all written before the check) ADD003 makes 18 findings
and OMI006 3, all on planted errors.
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


#: An English claim of a record: a superlative with "ever", "on record", "since records
#: began" (the largest penalty it has ever imposed), "record" before a level or a figure
#: (a record high, a record 14 million), "all-time", a superlative "since" or "in years".
_RECORD_CLAIM_EN = re.compile(  # (a lookahead: the matches may overlap, "West … the largest")
    r"(?=\b((?:best|worst|the\s+most|the\s+least|first|[A-Za-z]+est)\b[^.;:!?]{0,60}?\b(?:ever|on record|"
    r"in history|since records began|to date)\b|record[- ](?:highs?|lows?|levels?|numbers?|"
    r"amounts?|profits?|losses?|years?|sums?)\b|(?:an?|the|its|their)\s+record\s+[\d£$€][\d.,]*|"
    r"all-time\s+(?:highs?|lows?)|(?:highest|lowest|largest|biggest|smallest|worst|best)\s+"
    r"(?:since|in\s+(?:more\s+than\s+)?(?:a\s+decade|\w+\s+(?:years|decades)))))",
    re.IGNORECASE)
#: What says a record, an extreme or a first in Japanese (最大, 最も, 記録, 史上, 過去, 初, 以来,
#: …ぶり "the first in … years", 一番, これまで "so far").
_RECORD_SAID_JA = re.compile(
    r"最|記録|史上|過去|初|以来|ぶり|未曽有|空前|前例|一番|いちばん|もっとも|今まで|これまで")


def record_claimed(english: str) -> str | None:
    """The first record the English claims (see :data:`_RECORD_CLAIM_EN`), or None; a word
    in -est must be a superlative WordNet reads (not "West Yorkshire … ever")."""
    for m in _RECORD_CLAIM_EN.finditer(english):
        claim = m.group(1)
        first = re.match(r"[A-Za-z]+", claim)
        word = first.group().lower() if first else ""
        if word.endswith("est") and word not in {"best", "worst"} and not _superlative(word):
            continue
        return claim
    return None


class RecordsCheck(BaseCheck):
    """Flag a record or an extreme (過去最高, 上場以来最大) that the English does not claim
    (ADD003), and a record the English claims that the Japanese does not say (OMI006)."""

    name: ClassVar[str] = "records"
    version: ClassVar[int] = 1
    requires: ClassVar[frozenset[str]] = frozenset()

    def run(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]:
        if pair.chrome or not pair.mt_sentences or not pair.ref_sentences:
            return
        yield from self._record_dropped(pair, ctx)
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

    def _record_dropped(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]:
        """``OMI006``: a record the English claims ("the largest penalty it has ever
        imposed") where the pair's Japanese says no record, extreme or first at all."""
        claim = record_claimed(pair.reference)
        text = ctx.translation.text
        if claim is None or _RECORD_SAID_JA.search(text, pair.mt_start, pair.mt_end):
            return
        # the Japanese sentence of the English one that claims it, when the pair has as
        # many of each; else the pair's first
        at = pair.ref_start + pair.reference.find(claim)
        k = next((i for i, si in enumerate(pair.ref_sentences)
                  if ctx.reference.sentences[si].start <= at < ctx.reference.sentences[si].end),
                 0)
        mt = pair.mt_sentences[k] if len(pair.ref_sentences) == len(pair.mt_sentences) else \
            pair.mt_sentences[0]
        sentence = ctx.translation.sentences[mt]
        a, b = sentence.start, sentence.end
        while b > a and text[b - 1] in "。．\n 　":
            b -= 1
        yield self.finding(
            text, a, b,
            category="omission",
            severity="minor",
            message=(f"the English claims a record ('{claim}'); the Japanese says no record, "
                     "extreme or first here: the claim left out"),
            pair=pair,
            code="OMI006",
            reference=claim,
            evidence={"claim": claim},
        )
