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

``NUM009`` reads, at a percentage or a number of points, whether the figure is a level or a
change: the English gives a level after "to", "from" or "at" ("widened to 4.8%", "up from
31 percent") and a change after "by" or right after a verb of change ("rose 5%"); the
Japanese a level before に, まで, から or へ (4.8％に拡大) and a change when a word of change
follows the figure straight away (4.8ポイント拡大, 31%上昇, 3％の増加). A Japanese figure
whose every English figure of the value is the other is flagged: the fact changes (a deficit
that widened *to* 4.8% of GDP said to have widened *by* 4.8 points).
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
#: The English of a level or of a change right before a figure ("to 4.8%", "up from 31
#: percent", "at 3.2%"; "by 5%", "rose 5%"): not "up to" (a ceiling, said of a change too).
_APPROX = r"(?:(?:about|around|nearly|almost|some|roughly|just|an\s+estimated)\s+)?"
_EN_LEVEL = re.compile(rf"\b(?:(?<!\bup )(?<!\d )to|from|at)\s+{_APPROX}$", re.I)
_EN_CHANGE = re.compile(rf"(?:\bby|\b(?:{_UP_BEFORE}|{_DOWN_BEFORE}))\s+{_APPROX}$", re.I)
#: Growth "by" a percentage: the change of the economy and the level of its growth rate
#: at once (成長率を1.2％に for "growing by 1.2 percent this year").
_EN_GROWTH = re.compile(rf"\b(?:grow|grows|grew|grown|growing|expand|expands|expanded|"
                        rf"expanding|contract|contracts|contracted|contracting)\s+by\s+"
                        rf"{_APPROX}$", re.I)
#: A percentage or a number of points after an English figure.
_EN_PERCENT = re.compile(r"\s*(?:%|per\s*cent\b|percent(?:age\s+points?)?\b|points?\b)",
                         re.I)
#: A Japanese level (4.8％に拡大, 31％から上昇) or change (4.8ポイント拡大, 3％の増加) after
#: the figure and its counter.
_JA_ROLE = re.compile(
    r"^(?:ポイント)?(?:程度|ほど|近く|余り|あまり|強|弱)?(?:(?P<level>に|まで|から|へ)|の?"
    r"(?P<change>拡大|上昇|増加|増え|増|減少|減|低下|下落|縮小|伸び|上回|下回|アップ|ダウン))")

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


def figure_findings(reference: str, en_q: Sequence[Quantity], seg: str,
                    ja_q: Sequence[Quantity]) -> list[tuple[str, FigureDirection, str]]:
    """(code, figure, message) of the Japanese figures whose direction (``NUM005``) or
    whose level or change (``NUM009``) is not the English's."""
    out = []
    for d in reversed_figures(reference, en_q, seg, ja_q):
        out.append(("NUM005", d, f"{seg[d.start : d.end]} says {OPPOSITE_WAY[d.english_way]}, "
                                 f"but the English says '{d.english}' ({d.english_way})"))
    for d in level_or_change(reference, en_q, seg, ja_q):
        other = "level" if d.english_way == "change" else "change"
        out.append(("NUM009", d, f"{seg[d.start : d.end]} gives the {other}, but the English "
                                 f"'{d.english}' gives the {d.english_way}"))
    return out


def level_or_change(reference: str, en_q: Sequence[Quantity], seg: str,
                    ja_q: Sequence[Quantity]) -> list[FigureDirection]:
    """The Japanese percentages and points of ``seg`` said as a change where every English
    figure of their value is a level, or as a level where every one is a change
    (``english_way``: "level" or "change", the English's; see the module's ``NUM009``)."""
    out = []
    for q in ja_q:
        m = _JA_ROLE.match(seg[q.end : q.end + 10])
        if q.kind != "num" or m is None or not (
                re.search(r"(?:[％%]|ポイント)$", q.text) or m.group().startswith("ポイント")):
            continue
        ja = "level" if m.group("level") else "change"
        if ja == "level" and re.search(r"[率幅]", seg[max(0, q.start - 8) : q.start]):
            continue  # 上昇率は27%に達した: the change said as the level of its rate
        same = [e for e in en_q if e.kind == "num" and same_value(e.value, q.value)
                and _EN_PERCENT.match(reference, e.end)]
        roles = [_english_role(reference, e) for e in same]
        if not same or any(r[0] != ("change" if ja == "level" else "level") for r in roles):
            continue
        word = m.group(ja)
        start = q.end + m.end() - len(word)
        unit = _EN_PERCENT.match(reference, same[0].end)
        said = reference[roles[0][1] : unit.end() if unit else same[0].end]
        out.append(FigureDirection(q.start, start + len(word), said, roles[0][0]))
    return out


def _english_role(reference: str, q: Quantity) -> tuple[str, int]:
    """("level", "change" or "", where its words start): what the words right before
    English figure ``q`` make it (a currency sign between them left aside)."""
    w0 = max(0, q.start - 40)
    before = re.sub(r"[$€£¥]\s*$", "", reference[w0 : q.start])
    if _EN_AFTER.match(reference, q.end):
        return "change", q.start  # "at 10 per cent above face value": a difference
    if m := _EN_LEVEL.search(before):
        return "level", w0 + m.start()
    if _EN_GROWTH.search(before):
        return "", q.start  # "the economy growing by 1.2 percent": its growth rate's level
    if m := _EN_CHANGE.search(before):
        return "change", w0 + m.start()
    return "", q.start


__all__ = ["OPPOSITE_WAY", "FigureDirection", "english_direction", "figure_findings",
           "japanese_direction", "level_or_change", "reversed_figures"]
