"""The direction of a change or a comparison, read at its figure, for the numbers check
(:mod:`mtqa.checks.numbers`, ``NUM005``): "about 8 percent *below* the 10-year average" →
平均を約8％上回る, "an *increase* of 3.1 trillion won" → 3兆1000億ウォンの減少.

The sentence-wide reading of NUM005 only compares sentences whose English goes one way;
one that says both ("1.9 million tonnes lower than its June forecast and about 8 percent
below the average", "rose by 13.8 trillion won, compared with an increase of 3.1
trillion") is compared figure by figure here. Each side's direction is the word of
change said at the figure itself:

* English: a verb or noun of change right before it ("rose 5%", "fell by $2m", "an
  increase of 3.1 trillion", "down 0.6 points"), or a comparative or noun of change right
  after it and its unit ("8 percent below", "1.9 million tonnes lower", "a 23% drop").
  "up to" (a ceiling) and "from" (the starting point) give none.
* Japanese: a word of change or comparison right after the figure and its counter,
  perhaps after も, の, に or an approximation (8％上回る, 3兆1000億ウォンの減少, 5％も低下,
  2割増).

A Japanese figure is flagged when every English figure of its value says a direction and
none says the Japanese one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..text.numerals import Quantity, same_value

_UP_BEFORE = (r"ris(?:e|es|en|ing)|rose|increas(?:e|ed|es|ing)|gain(?:s|ed)?|jump(?:s|ed)?|"
              r"climb(?:s|ed)?|surg(?:e|es|ed)|soar(?:s|ed)?|gr[eo]w(?:s|n)?|hike[sd]?|up(?!\s+to\b)")
_DOWN_BEFORE = (r"f[ae]ll(?:s|en|ing)?|declin(?:e|es|ed|ing)|decreas(?:e|ed|es|ing)|"
                r"drop(?:s|ped)?|cut(?:s)?|slump(?:s|ed)?|plung(?:e|es|ed)|shr[ai]nk(?:s)?|"
                r"lost|los(?:e|es|ing)|down")
#: A word of change right before a figure: "rose 5%", "fell by $2m", "an increase of 3.1
#: trillion", "down 0.6 points", "cut to 3%"; not "up to" (a ceiling) nor "from".
_EN_BEFORE = re.compile(
    rf"\b(?:(?P<up>{_UP_BEFORE})|(?P<down>{_DOWN_BEFORE}))\s+(?:(?:by|of|to)\s+)?"
    r"(?:(?:about|around|nearly|almost|some|roughly|just|another|a\s+further|more\s+than|"
    r"less\s+than)\s+)?(?:an?\s+)?[$€£¥]?\s*$", re.I)
#: A comparative or a noun of change right after a figure and its unit: "8 percent
#: below", "1.9 million tonnes lower", "a 23% drop", "3 points higher".
_EN_AFTER = re.compile(
    r"(?:[\s-]*(?:%|per\s*cent|percent(?:age\s+points?)?|points?|"
    r"(?!(?:as|and|or|in|of|the|a|an|to|from|by|than|on|at|for|with|that|which|who|is|was|"
    r"were|are|be|been|will|would|has|have|had|after|before|while|since)\b)[a-z]+)){0,2}?[\s-]+"
    r"(?:(?P<up>above|higher|more|greater|bigger|larger|up|increase|rise|gain|jump|hike)|"
    r"(?P<down>below|lower|less|fewer|smaller|down|decrease|decline|drop|fall|cut|loss)|"
    r"(?P<early>earlier|sooner|ahead)|(?P<late>later|behind|late))\b",
    re.I)
#: A word of change or comparison right after a Japanese figure and its counter.
_JA_AFTER = re.compile(
    r"^(?:程度|ほど|近く|余り|あまり|以上|強|弱)?(?:も|の|に)?"
    r"(?:(?P<up>上回|増加|増え|増|上昇|上がっ|上がる|上がり|拡大|伸び|高い|多い)|"
    r"(?P<down>下回|減少|減っ|減る|減り|減|低下|下落|下がっ|下がる|下がり|縮小|落ち込|低い|少な)|"
    r"(?P<early>早|前倒し)|(?P<late>遅|後ろ倒し))")
#: The ways a figure may go, each with its opposite.
OPPOSITE_WAY = {"up": "down", "down": "up", "early": "late", "late": "early"}


def _way(m: re.Match[str]) -> str:
    return next(w for w in OPPOSITE_WAY if m.group(w))


@dataclass(frozen=True)
class FigureDirection:
    """A Japanese figure whose word of change goes the other way from the English's."""

    #: span of the Japanese word of change (offsets in the pair's Japanese)
    start: int
    end: int
    #: the English figure and its word of change ("8 percent below")
    english: str
    #: "up", "down", "early" or "late": the way the English goes
    english_way: str


def english_direction(reference: str, q: Quantity) -> tuple[str, str] | None:
    """("up" or "down", the words) of the change said at English figure ``q``."""
    w0 = max(0, q.start - 40)
    m = _EN_BEFORE.search(reference[w0 : q.start])
    if m is not None:
        return (_way(m), reference[w0 + m.start() : q.end])
    m = _EN_AFTER.match(reference, q.end)
    if m is not None:
        return (_way(m), reference[q.start : m.end()])
    return None


def japanese_direction(seg: str, q: Quantity) -> tuple[str, int, int] | None:
    """("up" or "down", start, end) of the word of change right after Japanese figure
    ``q`` of ``seg``."""
    m = _JA_AFTER.match(seg[q.end : q.end + 12])
    if m is None:
        return None
    way = _way(m)
    word = m.group(way)
    start = q.end + m.end() - len(word)
    return way, start, start + len(word)


def reversed_figures(reference: str, en_q: Sequence[Quantity], seg: str,
                     ja_q: Sequence[Quantity]) -> list[FigureDirection]:
    """The Japanese figures of ``seg`` whose word of change goes the other way from the
    one every English figure of the same value says."""
    out = []
    for q in ja_q:
        if q.kind != "num" or q.value in (0.0, 1.0):
            continue  # (0 and 1: "one less car" is no figure of change)
        ja = japanese_direction(seg, q)
        if ja is None:
            continue
        same = [e for e in en_q if e.kind == "num" and same_value(e.value, q.value)]
        ways = [english_direction(reference, e) for e in same]
        if not same or any(w is None or w[0] != OPPOSITE_WAY[ja[0]] for w in ways):
            continue
        first = next(w for w in ways if w is not None)
        out.append(FigureDirection(ja[1], ja[2], first[1], first[0]))
    return out


__all__ = ["OPPOSITE_WAY", "FigureDirection", "english_direction", "japanese_direction", "reversed_figures"]
