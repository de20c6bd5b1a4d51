"""Numbers, amounts, dates, days and times that the Japanese changes.

Both sides are normalised to values before they are compared, so that the conversions
of Japanese news style are not errors: ``$40 billion`` = 400億ドル, ``18,400`` = 1万8,400,
``3.2 per cent`` = 3.2％, ``nearly three years`` = ほぼ3年, ``third place`` = 3位,
``March`` = 3月, ``3 a.m.`` = 午前3時, ``a quarter`` = 4分の1, ``minus 4`` = 氷点下4 /
マイナス4, ``two decades`` = 20年, ``a million`` = 100万, ``per million`` = 100万当たり,
``100k`` = 10万, ``6-8 p.m.`` = 午後6時から8時
(the first hour of a clock range takes the half of the second). A dash set off by spaces
("- 2.53 per million -") and a dash between years (2005年-2009年) are no minus signs.
A Japanese value that no English value of the pair accounts for (nor an unused one of a
neighbouring pair: the alignment may be a sentence off, nor a unit conversion such as
miles → km) is flagged.

Findings:

* ``NUM001`` — a number or amount with no counterpart (460件 for 640; 40億ドル for
  $40 billion; 3,000人 for 1,100; 4分の3 for "a quarter"; 4度 for "minus 4 degrees"; 第1四半期
  for "the fourth quarter", 上半期 for "the second half").
* ``NUM002`` — a clock time on the wrong side of noon (午後3時 for 3 a.m.).
* ``NUM003`` — a day of the week that the English does not give (when it gives another).
* ``NUM004`` — an approximate quantity turned around ("more than 40" → 40人未満).
* ``NUM006`` — the same value with a unit of another kind (99倍 for "99%", 10か月 for
  "10 years", 100円 for "$100", 2日 for "two hours", 0.4％ for "0.4 percentage points"; but
  0.25％の利下げ, the press's way with interest rates): the English number's unit, spelled
  out or a symbol, against the Japanese counter (full-width digits are read as digits).
* ``NUM005`` — a change in the opposite direction: the English of the pair only says a
  figure went down ("cut its forecast", "fell", "down 3%", "down from 60,000") and the
  Japanese only says it went up (引き上げた, 上昇), or the other way round; and, figure by
  figure, a word of change or comparison at a Japanese figure that goes the other way from
  the one at the English figure of its value (約8％上回る for "about 8 percent below", 2週間
  遅く for "two weeks earlier": :mod:`mtqa.checks.number_directions`).
* ``NUM007`` — an amount given by its order of magnitude only, changed (数百年 for "a few
  thousand years", 数万人 for "hundreds of thousands").
* ``NUM008`` — a time counted from today moved: 今年度 for "the next fiscal year", 来週 for
  "next month", 昨日 for "today" (:func:`mtqa.checks.number_periods.deictic_times_changed`).
* ``NUM009`` — a percentage or points given as a change where the English gives the level
  it reached, or the other way round: 4.8ポイント拡大 for "widened to 4.8% of GDP", 31%上昇
  for "up from 31 percent" (:mod:`mtqa.checks.number_directions`).

A small Japanese value that replaces no English number is an explicitation and is left
alone, unless it is ten times (or a tenth of) an English value the Japanese lacks (シーズン10
for "Season 1"), or the Japanese says a value more often than the English while an English
value of the same unit kind has no counterpart (８日間 twice for "eight-day" and "three-day").

All are ``major``: a changed number is a changed fact. The values 0 and 1 are never
flagged: Japanese supplies them for English articles ("a day" → 1日, "a week" → 1週間).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import ClassVar

from ..text import japanese, jmdict, wordlists
from ..text.numerals import (
    DIGIT_MAP,
    EN_ORDINALS,
    EN_SCALES,
    MONEY_SCALE_ABBREVIATIONS,
    Quantity,
    english_quantities,
    fraction_denominator,
    parse_japanese_number,
    same_value,
    volume_converted,
)
from ..types import AlignedPair, Finding
from . import BaseCheck, Context, is_headline
from .number_directions import figure_findings
from .number_periods import (
    MONTH_RANGE_END,
    TWO_DIGIT_YEAR,
    decade_made_explicit,
    deictic_times_changed,
    decade_of_century,
    months_of_years,
    ordinal_periods_changed,
    period_start,
    quarter_said,
    short_year,
    weekday_date,
)

#: Relative tolerance of a unit conversion (the Japanese rounds: 55 miles → 約88キロ).
CONVERSION_TOLERANCE = 0.03
#: Japanese values up to this one that replace no English number are explicitations
#: (2位, 2点, 3人とも) rather than errors; larger added values are still flagged.
SMALL_EXPLICIT_MAX = 10
#: Unit conversions a Japanese newsroom applies (English value × factor ≈ Japanese value):
#: miles→km, feet→m, pounds→kg, acres→ha, gallons→litres, inches→cm, ounces→g, F→C is
#: affine and handled separately.
CONVERSIONS: tuple[float, ...] = (1.609344, 0.3048, 0.45359237, 0.40468564, 3.785411784,
                                  2.54, 28.349523125, 0.9144, 2.58998811)

_WEEKDAYS_JA = wordlists.weekday_kanji()

# A Japanese fraction: 4分の1, 三分の二 (denominator first)
_JA_FRACTION = re.compile(
    r"(?P<den>[0-9０-９]+|[一二三四五六七八九十]+)分の(?P<num>[0-9０-９]+|[一二三四五六七八九十]+)"
)
#: A share as one of so many (3人に1人 "a third", 5社に1社 "one in five"): the whole first,
#: then the part, with the same counter.
_JA_ONE_IN = re.compile(
    r"(?P<den>[0-9０-９]+|[一二三四五六七八九十]+)(?P<counter>人|社|世帯|件|校|軒|台|店|カ所|か所|つ)に"
    r"(?P<num>[0-9０-９]+|[一二三四五六七八九十]+)(?P=counter)")
#: Unit symbols written in Latin letters right after a Japanese number (1万m, 2.8km): the
#: number is a measure, not part of a name such as 5G, 3D or 4K.
_LATIN_UNIT = re.compile(
    r"(?:km|cm|mm|m|kg|mg|g|ml|mL|l|L|ha|kWh|kW|MW|GW|W|mAh|GB|MB|TB|KB|kB|GHz|MHz|kHz|Hz|"
    r"mph|ｋｍ|ｍ|ｋｇ)(?![A-Za-zＡ-Ｚａ-ｚ])"
    r"|[A-Z]{1,3}(?:ドル|ポンド|ルピー|フラン)")  # a currency with its country: 120億NZドル
#: A scale kanji inside a numeral (19万, 3億): the number of a quantity, never of a name.
_JA_SCALED = re.compile(r"[万億兆]")
#: A scale abbreviation after an amount copied with its currency sign (€100m, $3bn).
_COPIED_SCALE = re.compile(rf"({MONEY_SCALE_ABBREVIATIONS})(?![A-Za-z])", re.I)
_JA_QUAL_MORE = ("超", "を超える", "を超え", "以上", "余り", "あまり", "強", "を上回る", "超え")
_JA_QUAL_LESS = ("未満", "足らず", "弱", "近く", "近い", "以下", "に満たない", "を下回る", "足らず")
# Counters after which a kanji numeral is a number (三つ, 二人, 五日間); kanji numerals
# inside words (一部, 二酸化炭素, 四半期, 十分) are not numbers.
_KANJI_COUNTER_POS3 = frozenset({"助数詞", "助数詞可能"})

# Unit kinds (NUM006). English: a unit word after the number (its scale word included in the
# quantity: "5 million dollars"), or a currency symbol before it.
_EN_UNIT_AFTER: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(r"^[\s-]*(?:" + pattern + r")(?![a-z])", re.I), kind) for pattern, kind in (
        # a difference of two rates: 0.6ポイント or 0.6％ポイント, never 0.6％
        (r"(?:%|per\s*cent|percentage)[\s-]+points?", "percentage point"),
        (r"%|per\s*cent|percent", "percent"),
        (r"times|fold", "times"),
        (r"years?[\s-]+old|years?-olds?", "age"),
        (r"years?", "year"),
        (r"months?", "month"),
        (r"weeks?", "week"),
        (r"days?", "day"),
        (r"hours?|hrs?", "hour"),
        (r"minutes?|mins?", "minute"),
        (r"km|kilomet(?:re|er)s?|kg|kilo(?:gram(?:me)?)?s?", "kilo"),
        # lengths and weights of another scale (40 centimetres is no 40ミリ); a bare "m"
        # is as often "million" ("$5m"), and is left out
        (r"cm|centimet(?:re|er)s?", "centimetre"),
        (r"mm|millimet(?:re|er)s?", "millimetre"),
        (r"met(?:re|er)s?", "metre"),
        (r"miles?", "mile"),
        (r"grams?|grammes?", "gram"),
        (r"tons?|tonnes?", "ton"),
        (r"(?:us\s+)?dollars?", "dollar"),
        (r"yen", "yen"),
        (r"euros?", "euro"),
        (r"pounds?|sterling", "pound"),
        (r"yuan|renminbi", "yuan"),
    )
)
_EN_UNIT_BEFORE: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?:[A-Z]{1,2})?\$\s*$"), "dollar"),
    (re.compile(r"€\s*$"), "euro"),
    (re.compile(r"£\s*$"), "pound"),
    (re.compile(r"¥\s*$"), "yen"),
    (re.compile(r"\baged\s+$", re.I), "age"),
)
# Japanese: the counter or unit right after the numeral (longest first).
_JA_NUMERAL = re.compile(r"(?:[0-9０-９,.，．〇一二三四五六七八九十百千]+[万億兆]*)+")  # 4億1,000万
_JA_UNITS: tuple[tuple[str, str], ...] = tuple(sorted((
    ("%", "percent"), ("％", "percent"), ("パーセント", "percent"), ("倍", "times"),
    ("ポイント", "percentage point"), ("%ポイント", "percentage point"), ("％ポイント", "percentage point"),
    ("パーセントポイント", "percentage point"),
    ("歳", "age"), ("年間", "year"), ("年", "year"),
    ("か月", "month"), ("カ月", "month"), ("ヶ月", "month"), ("ヵ月", "month"),
    ("ケ月", "month"), ("箇月", "month"), ("週間", "week"), ("週", "week"),
    ("日間", "day"), ("日", "day"), ("時間", "hour"), ("分間", "minute"), ("分", "minute"),
    ("キロ", "kilo"), ("km", "kilo"), ("ｋｍ", "kilo"), ("kg", "kilo"), ("ｋｇ", "kilo"),
    ("キロメートル", "kilo"), ("キログラム", "kilo"),
    ("センチ", "centimetre"), ("cm", "centimetre"), ("ｃｍ", "centimetre"),
    ("ミリ", "millimetre"), ("mm", "millimetre"), ("ｍｍ", "millimetre"),
    ("メートル", "metre"), ("マイル", "mile"), ("グラム", "gram"),
    ("トン", "ton"), ("ドル", "dollar"), ("円", "yen"), ("ユーロ", "euro"),
    ("ポンド", "pound"), ("元", "yuan"),
), key=lambda u: -len(u[0])))
# English unit kind → the Japanese kinds that render it ("10 years" may be 10歳 in context;
# "15 years old" of a thing is 15年).
#: An interest rate, whose changes the Japanese press gives in ％ rather than in points.
_INTEREST_RATE = re.compile(r"金利|利下げ|利上げ|利率")
_UNIT_COMPATIBLE = {"year": frozenset({"year", "age"}), "age": frozenset({"year", "age"}),
                    # English news says "percent" for points too ("unemployment rose 0.3
                    # percent to 4.1 percent"): a translator's ポイント is no error
                    "percent": frozenset({"percent", "percentage point"})}


# --- Japanese ---------------------------------------------------------------------------


def japanese_quantities(text: str) -> list[Quantity]:
    """Values of Japanese ``text`` with their spans (number + counter/unit: 40億ドル,
    午後3時, 3,000人), weekdays (火曜日, (火)) included."""
    toks = japanese.tokenize(text)
    out: list[Quantity] = []
    fractions: list[tuple[int, int]] = []
    for m in (*_JA_FRACTION.finditer(text), *_JA_ONE_IN.finditer(text)):
        den = parse_japanese_number(m.group("den"))
        num = parse_japanese_number(m.group("num"))
        if den and num is not None:
            out.append(Quantity(num / den, "num", m.start(), m.end(), m.group()))
            fractions.append(m.span())
    i = 0
    while i < len(toks):
        tok = toks[i]
        if tok.pos2 != "数詞" or any(a <= tok.start < b for a, b in fractions):
            i += 1
            continue
        # a numeral: consecutive 数詞 tokens and the , . between digits; a space next to a
        # scale kanji (8,500 万, 4 億 5 千万: as some machine translations write them)
        j = i + 1
        while j < len(toks) and (toks[j].start == toks[j - 1].end or _spaced_scale(
                text, toks[j - 1], toks[j])) and (
            toks[j].pos2 == "数詞"
            or (toks[j].surface in {".", "．"} and j + 1 < len(toks)
                and toks[j + 1].pos2 == "数詞" and toks[j + 1].surface[:1].isdigit())
            # a comma joins thousands groups only (1万8,400), not "32,5"
            or (toks[j].surface in {",", "，"} and j + 1 < len(toks)
                and re.fullmatch(r"\d{3}", toks[j + 1].surface.translate(DIGIT_MAP)) is not None)
        ):
            j += 1
        start, end = tok.start, toks[j - 1].end
        numeral = text[start:end]
        i = j
        before = text[max(0, start - 1) : start]
        if before and re.match(r"[A-Za-zＡ-Ｚａ-ｚ]", before):
            continue  # G7, F1, COVID-19
        if start >= 2 and re.match(r"[A-Za-z] ", text[start - 2 : start]):
            continue  # "Fab 7": a name with a number
        after_tok = toks[j] if j < len(toks) else None
        # an amount copied with its currency sign: €100m
        scaled = _COPIED_SCALE.match(text, end) if start and text[start - 1] in "€$£¥" else None
        if after_tok is not None and after_tok.start == end and japanese.has_latin(
            after_tok.surface[:1]
        ) and not _LATIN_UNIT.match(text, end) and not scaled and not _JA_SCALED.search(
                numeral):
            continue  # 5G, 3D; not 1万m, 2.8km, 60W: a measure in a unit's symbol, nor
            # 19万TEU: a number with a scale kanji counts something, it names nothing
        if not any(c.isdigit() for c in numeral):
            if text[start - 1 : start] == "数" and start:
                continue  # 数十カ所 "dozens of places": some tens, no number
            # kanji numerals count only before a counter (三つ, 二人), not inside words
            if after_tok is None or after_tok.pos3 not in _KANJI_COUNTER_POS3 and not (
                after_tok.pos1 == "接尾辞"
            ):
                continue
            if _in_idiom(text, start, after_tok.end):
                continue  # 三位一体 "trinity", 四半期 "quarter"
        value = parse_japanese_number(re.sub(r"[ 　]", "", numeral))
        if value is None:
            continue
        if scaled:  # €100m copied in the English way: a hundred million, not metres
            value *= EN_SCALES[scaled.group(1).lower()]
            if not math.isfinite(value):
                continue
        q = _japanese_quantity(text, toks, start, end, j, value)
        if q is not None:
            out.append(q)
            while i < len(toks) and toks[i].start < q.end:
                i += 1  # numerals the quantity took in (the 71 of 23秒71, the 5 of 8割5分)
    for m in re.finditer(r"([月火水木金土日])曜(?:日)?|[（(]([月火水木金土日])[）)]", text):
        c = m.group(1) or m.group(2)
        out.append(Quantity(_WEEKDAYS_JA[c], "weekday", m.start(), m.end(), m.group()))
    return out


#: Kanji that scale the digits before them (8,500万, 4億5千万).
_SCALE_KANJI = frozenset("十百千万億兆")


def _spaced_scale(text: str, a: japanese.Token, b: japanese.Token) -> bool:
    """True when numeral tokens ``a`` and ``b`` are one number written with a space between
    (8,500 万, 4 億 5 千万): a single space, a scale kanji on one side of it, digits on the
    other."""
    if text[a.end : b.start] not in {" ", "　"} or b.pos2 != "数詞":
        return False
    return ((b.surface in _SCALE_KANJI and a.surface[-1:].isdigit())
            or (a.surface in _SCALE_KANJI and b.surface[:1].isdigit()))


def _percent_of(q: Quantity, e: Quantity) -> bool:
    """Whether Japanese ``q`` gives as a percentage (5割, 50%) the fraction English ``e``
    says in a word ("half", "a quarter": read as their denominators, 2 and 4)."""
    if not q.text.endswith(("割", "%", "％", "パーセント")) or e.kind != "num":
        return False
    den = fraction_denominator(e.text)
    return (same_value(q.value, 100 / den) if den is not None
            else 0 < e.value < 1 and same_value(q.value, 100 * e.value))  # "three quarters"


#: Digits on both sides of a slash: a fraction (1/4) or a date (1/4 for January 4).
_SLASHED = re.compile(r"([0-9０-９]+)\s*[/／]\s*([0-9０-９]+)")


def _slash_fraction(seg: str, q: Quantity) -> float | None:
    """The value of the fraction ``q`` is the numerator or denominator of (年の1/4 for "a
    quarter of the year"), or None. Only a value the English has lets it pass, so a date
    written with a slash keeps its own reading."""
    for m in _SLASHED.finditer(seg):
        if m.start() <= q.start < m.end():
            num = int(m.group(1).translate(DIGIT_MAP))
            den = int(m.group(2).translate(DIGIT_MAP))
            return num / den if 0 < num < den else None
    return None


#: Digits written apart that stand for one value: a decimal point written as a middle dot
#: (２・８キロ for "2.8km"), and a pair of neighbouring numbers, the second written with its
#: last digit only (14、5年 for "14, 15 years": 14 or 15).
_DOTTED = re.compile(r"([0-9０-９]+)・([0-9０-９]+)")
_NEIGHBOURS = re.compile(r"([0-9０-９]+)、\s*([0-9０-９])(?![0-9０-９,，.．])")


def _written_apart(seg: str, q: Quantity) -> list[float]:
    """The values ``q`` may be a part of (2.8 for the ２ or the ８ of ２・８; 15 for the 5 of
    14、5): only a value the English has lets it pass, so a list (1・2月) keeps its reading."""
    values = []
    for m in _DOTTED.finditer(seg):
        if m.start() <= q.start < m.end():
            a, b = (g.translate(DIGIT_MAP) for g in m.groups())
            values.append(float(f"{a}.{b}"))
    for m in _NEIGHBOURS.finditer(seg):
        if m.start(2) <= q.start < m.end():
            a, b = (int(g.translate(DIGIT_MAP)) for g in m.groups())
            if b == (a + 1) % 10:
                values.append(float(a + 1))
    return values


#: The rest of a range of tenths after its first number (4～5割).
_TENTHS_RANGE = re.compile(r"[～〜~－\-][0-9０-９]割")
#: A rate's base after a number (100万回の出発あたり, 10万人当たり): the English may give it once
#: ("rates per million departures") and the figures after it bare ("…, at 0.11"), where a
#: translation repeats the base with each figure.
_RATE_BASE = re.compile(r"[^、。，,！？!?]{0,8}?(?:あたり|当たり|につき)")


def _in_idiom(text: str, start: int, counter_end: int) -> bool:
    """Whether a dictionary word starting at the numeral runs past its counter."""
    for end in range(min(len(text), start + 6), counter_end, -1):
        if jmdict.glosses(text[start:end]):
            return True
    return False


def _written_form(text: str, start: int, end: int, value: float) -> Quantity | None:
    """A numeral whose value depends on what is written after it: the first of a range of
    months or tenths, which takes the second's unit (1～4月 "between January and April",
    4～5割 "40 to 50 per cent"); seconds with their hundredths (23秒71, 0秒94: "23.71");
    tenths (8割 80 percent, 8割5分 85; 割引 and 割減 count in tenths too). None for any
    other numeral."""
    after = text[end : end + 6]
    whole = float(value).is_integer()
    if 1 <= value <= 12 and whole and MONTH_RANGE_END.match(text, end):
        return Quantity(value, "month", start, end, text[start:end])
    hundredths = re.match(r"秒([0-9]{1,2})(?![0-9])", after)
    if hundredths and whole:
        end2 = end + hundredths.end()
        return Quantity(float(f"{int(value)}.{hundredths.group(1)}"), "num", start, end2,
                        text[start:end2])
    if after.startswith("割") and value <= 10:
        m = re.match(r"割(?:(\d)分)?", after)
        assert m is not None
        tenths = value * 10 + (float(m.group(1)) if m.group(1) else 0.0)
        return Quantity(tenths, "num", start, end + m.end(), text[start : end + m.end()])
    if _TENTHS_RANGE.match(after) and value < 10:
        return Quantity(value * 10, "num", start, end, text[start:end])
    return None


def _japanese_quantity(
    text: str, toks: Sequence[japanese.Token], start: int, end: int, j: int, value: float
) -> Quantity | None:
    """Classify a numeral by what follows (時 → time, 月 → month, ％ …) and extend the span
    over its counter or unit (40億ドル, 3,000人, 午後3時)."""
    after = text[end : end + 6]
    span_end = end
    kind = "num"
    half_known = True
    span_start = start
    if after.startswith("時") and not after.startswith(("時間", "時代")) and value < 25:
        kind = "time"
        minutes = 0.0
        m = re.match(r"時(?:(\d{1,2})分|半)?", after)
        assert m is not None
        if m.group(1):
            minutes = float(m.group(1))
        elif m.group(0).endswith("半"):
            minutes = 30.0
        span_end = end + m.end()
        pre = text[max(0, start - 3) : start]
        hour = value
        if "午後" in pre:
            hour = value % 12 + 12
            span_start = start - (len(pre) - pre.rfind("午後"))
        elif "午前" in pre:
            hour = value % 12
            span_start = start - (len(pre) - pre.rfind("午前"))
        else:
            half_known = value >= 13 or value == 0
        return Quantity(hour * 60 + minutes, kind, span_start, span_end,
                        text[span_start:span_end], half_known=half_known)
    if after.startswith("月") and value <= 12 and float(value).is_integer():
        return Quantity(value, "month", start, end + 1, text[start : end + 1])
    written = _written_form(text, start, end, value)
    if written is not None:
        return written
    # counter / unit: the next token when it is a counter, a unit or a currency
    if j < len(toks) and toks[j].start == end and (
        toks[j].pos3 in _KANJI_COUNTER_POS3 or toks[j].pos1 == "接尾辞"
        or toks[j].surface in {"%", "％", "ドル", "ユーロ", "円", "ポンド", "元"}
    ):
        span_end = toks[j].end
        # 周目, 勝目, 億ドル: one more suffix
        if j + 1 < len(toks) and toks[j + 1].start == span_end and toks[j + 1].pos1 == "接尾辞":
            span_end = toks[j + 1].end
    qual = ""
    tail = text[span_end : span_end + 6]
    head = text[max(0, start - 3) : start]
    if tail.startswith(_JA_QUAL_MORE) or head.endswith(("超", "over")):
        qual = "more"
    elif tail.startswith(_JA_QUAL_LESS) or head.endswith(("最大",)):
        qual = "less"
    if head.endswith(("約", "およそ", "ほぼ", "推定")):
        qual = ""  # "about": no direction
    sign = text[max(0, start - 4) : start]
    if sign.endswith(("マイナス", "氷点下", "零下")) or (
        sign.endswith(("-", "−", "－"))
        # not a score, a range or a code: 3－1, 2-4, U-20, （2005年-2009年）
        and not re.search(r"[0-9０-９A-Za-zＡ-Ｚａ-ｚ年月日時分秒人件回位点度%％）)]\s*[-−－]$",
                          sign)
    ):
        value = -value
    return Quantity(value, kind, span_start, span_end, text[span_start:span_end],
                    qualifier=qual)


# --- direction of a change ----------------------------------------------------------------

# English words that say a figure went up or down. Bare "up"/"down" count only before a
# number ("up 28 per cent", "up from 71 per cent": :data:`_BY_OR_FROM`); "growth" and
# "lower" (an adjective: lower house) do not count.
#: What follows "up" or "down" of a change of figure: a number, perhaps after "by" or "from"
#: and an approximation ("up 3%", "down by $2m", "up from 71 per cent", "down from more than
#: 60,000").
_BY_OR_FROM = (r"(?:(?:by|from)\s+)?(?:(?:more|less|fewer)\s+than\s+|about\s+|around\s+"
               r"|nearly\s+|almost\s+|just\s+)?[$€£¥]?\d")
_EN_UP = re.compile(
    r"\b(?:ris(?:e|es|en|ing)|rose|increas(?:e|ed|es|ing)|rais(?:e|ed|es|ing)|"
    r"climb(?:s|ed|ing)?|gain(?:s|ed|ing)?|jump(?:s|ed|ing)?|surg(?:e|es|ed|ing)|"
    r"soar(?:s|ed|ing)?|hik(?:e|es|ed|ing)|lift(?:s|ed|ing)?|boost(?:s|ed|ing)?|"
    r"upgrad(?:e|es|ed|ing)|(?:up|higher)(?=\s+" + _BY_OR_FROM + r"))\b",
    re.I,
)
_EN_DOWN = re.compile(
    r"\b(?:f[ae]ll(?:s|en|ing)?|drop(?:s|ped|ping)?|declin(?:e|es|ed|ing)|"
    r"decreas(?:e|es|ed|ing)|cut(?:s|ting)?|lowered|lowering|reduc(?:e|es|ed|ing)|"
    r"slash(?:es|ed|ing)?|slump(?:s|ed|ing)?|plung(?:e|es|ed|ing)|tumbl(?:e|es|ed|ing)|"
    r"shr[iau]nk(?:s|ing)?|sank|sink(?:s|ing)?|downgrad(?:e|es|ed|ing)|trimmed|"
    r"scal(?:e|es|ed|ing)[\s-]+(?:down|back)|downsiz(?:e|es|ed|ing)|"
    r"narrow(?:s|ed|ing)?|halv(?:e|es|ed|ing)|trim(?:s|ming)?|curb(?:s|ed|ing)?|"
    r"lessen(?:s|ed|ing)?|"
    r"(?:down|lower)(?=\s+" + _BY_OR_FROM + r"))\b",
    re.I,
)
# Japanese words of an upward or downward change (dictionary forms and noun stems).
_JA_UP = ("上昇", "増加", "引き上げ", "引上げ", "上方修正", "急騰", "高騰", "値上げ", "賃上げ",
          "増額", "急増", "上がっ", "上がる", "上がり", "上げ")
_JA_DOWN = ("低下", "減少", "引き下げ", "引下げ", "下方修正", "下落", "急落", "値下げ", "減額",
            "削減", "縮小", "急減", "下がっ", "下がる", "下がり", "下げ", "落ち込")


#: 増 "up" and 減 "down" right after a figure (23％増, 2割減, 前年比5%減), where they are not
#: the first kanji of one of the words above (増加, 減少, 減額) or of another (増税 stays "up").
_JA_AFTER_FIGURE = re.compile(r"(?<=[0-9０-９％%割])[増減](?![加少額])")
#: All of them, longest first, so that a match is the longest word at its place (引き上げ,
#: not 上げ).
_JA_DIRECTION = re.compile(
    "|".join(sorted(map(re.escape, _JA_UP + _JA_DOWN), key=len, reverse=True))
)


def _ja_directions(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Spans of the Japanese words of an upward and of a downward change."""
    up: list[tuple[int, int]] = []
    down: list[tuple[int, int]] = []
    starts: frozenset[int] | None = None
    for m in _JA_DIRECTION.finditer(text):
        if m.group() in _SHORT_DIRECTIONS and m.start() and _compound_verb_stem(
                text[m.start() - 1]):
            continue  # 切り上げ "cut short", 取り上げ, 売上げ: another verb, no change of figure
        if m.group() in _SHORT_DIRECTIONS and m.start():
            if starts is None:
                starts = frozenset(t.start for t in japanese.tokenize(text))
            if m.start() not in starts:
                continue  # inside another word: ぶら下がり "hanging"
        if text[m.end() : m.end() + 1] in {"が", "率"} and m.start() and japanese.has_kanji(
                text[m.start() - 1]):
            continue  # 物価上昇が鈍化 "price growth slowed": the name of a quantity
        (up if m.group() in _JA_UP else down).append(m.span())
    for m in _JA_AFTER_FIGURE.finditer(text):  # 23％増, 前年比5%減
        (up if m.group() == "増" else down).append(m.span())
    return up, down


#: The bare verbs of a change, which also end compound verbs of other meanings (切り上げる
#: "cut short", 取り上げる "take up", 立ち上げる "launch", 売上げ "sales").
_SHORT_DIRECTIONS = frozenset({"上げ", "上がっ", "上がる", "上がり", "下げ", "下がっ", "下がる",
                               "下がり"})


def _compound_verb_stem(ch: str) -> bool:
    """Whether the character before a bare verb of change makes it part of a compound
    verb: a kanji (売上げ) or the kana ending a verb's continuative (切り, 仕, 立ち)."""
    return japanese.has_kanji(ch) or ch in "りしちきみぎいびえけげせねめれ"


#: Counters of people and bodies, after a small number that may stand for a group the
#: English calls back by a definite plural (2人 for "the men", 3社 for "the firms").
_GROUP_COUNTER = re.compile(r"(?:人|名|社|カ国|か国|ヵ国|頭|機|隻|チーム|団体|者)")
#: A definite plural or a plural pronoun: a group named before ("the men", "the pair",
#: "both companies", "they").
_DEFINITE_PLURAL = re.compile(
    r"\b(?:[Tt]he|[Tt]hese|[Tt]hose|[Bb]oth)\s+(?:[a-z]+\s+)?(?:men|women|people|children|"
    r"pair|couple|duo|trio|[a-z]{3,}s)\b|\b(?:[Tt]hey|them|their)\b")


def _refers_back(q: Quantity, seg: str, reference: str, en_q: Sequence[Quantity],
                 ja_q: Sequence[Quantity]) -> bool:
    """Whether a small Japanese count of people or bodies (2人) renders a group that the
    English sentence calls back by a definite plural ("the men"), the article having given
    its number before (the caller checks): no English count of a plural noun is left
    unrendered beside it, which the number could have replaced ("three officers")."""
    if q.value > SMALL_EXPLICIT_MAX:
        return False
    numeral = _JA_NUMERAL.match(seg, q.start)
    if not _GROUP_COUNTER.match(seg, numeral.end() if numeral else q.end):
        return False
    if not _DEFINITE_PLURAL.search(reference):
        return False
    return not any(re.match(r"\s+(?:[a-z]+\s+)?[a-z]{3,}s\b", reference[e.end : e.end + 30])
                   for e in _unmatched(en_q, ja_q))


#: A list of names: two or more capitalised items (of one to three words), the last after
#: "and" ("Dudley, Sandwell and Walsall", "Orkney and Shetland").
_NAME_ITEM = r"[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,2}"
_NAME_LIST = re.compile(rf"\b({_NAME_ITEM}(?:,\s+{_NAME_ITEM})*),?\s+and\s+{_NAME_ITEM}")


def _listed_counts(reference: str) -> frozenset[float]:
    """The numbers of names in the lists of English ``reference``: Japanese news counts
    what the English lists (3自治体 for "Dudley, Sandwell and Walsall councils")."""
    return frozenset(float(m.group(1).count(",") + 2) for m in _NAME_LIST.finditer(reference))


#: "and six others", "and 12 other people": a count the Japanese may give with the one
#: named (…ら7人).
_AND_OTHERS = re.compile(r"\s+others?\b|\s+other\s+(?:people|men|women|officials|"
                         r"defendants|suspects|executives|officers|members)\b", re.I)


def _said_otherwise(q: Quantity, en_q: Sequence[Quantity], reference: str) -> bool:
    """Whether a Japanese number renders what the English says without it: the count of
    the names it lists (3自治体 for "Dudley, Sandwell and Walsall councils"), the total of
    "X and six others" (Xら7人), or the age of a "Teenager" (18歳)."""
    if q.value <= SMALL_EXPLICIT_MAX and q.value in _listed_counts(reference):
        return True
    if any(same_value(e.value + 1, q.value) and _AND_OTHERS.match(reference, e.end)
           for e in en_q if e.kind == "num"):
        return True  # 元総務部長ら7人 for "a former manager and six others": all counted
    return q.text.endswith("歳") and 13 <= q.value <= 19 and any(
        e.text.lower().startswith("teen") for e in en_q)


#: English amounts given by their order of magnitude only ("a few thousand", "several
#: hundred", "hundreds of", "tens of thousands of", "millions of").
_EN_SCALE_WORDS = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9}
_EN_VAGUE = re.compile(
    r"\b(?:(?:a\s+)?few|several|some|many)\s+(hundred|thousand|million|billion)\b(?!\s+and)"
    r"|\b(tens\s+of\s+|hundreds\s+of\s+)?(hundreds|thousands|millions|billions)\s+of\b",
    re.IGNORECASE)
#: Japanese: 数 or 何 and a scale (数百, 数千, 数万, 数十万, 何百万), not 数十 alone.
_JA_SCALE = {"百": 1e2, "千": 1e3, "万": 1e4, "十万": 1e5, "百万": 1e6, "千万": 1e7,
             "億": 1e8, "十億": 1e9, "百億": 1e10}
_JA_VAGUE = re.compile(r"[数何](十万|百万|千万|十億|百億|百|千|万|億)")


def english_vague_scales(text: str) -> list[tuple[int, int, float]]:
    """(start, end, order of magnitude) of the English amounts given by their magnitude
    only: "a few thousand" 1,000; "hundreds of thousands of" 100,000; "tens of millions
    of" 10,000,000."""
    out = []
    for m in _EN_VAGUE.finditer(text):
        if m.group(1):
            value = _EN_SCALE_WORDS[m.group(1).lower()]
        else:
            value = _EN_SCALE_WORDS[m.group(3).lower().rstrip("s")]
            if m.group(2):
                value *= 10 if m.group(2).lower().startswith("tens") else 100
        out.append((m.start(), m.end(), value))
    return out


def japanese_vague_scales(text: str) -> list[tuple[int, int, float]]:
    """(start, end, order of magnitude) of the Japanese amounts given by their magnitude
    only: 数百 100, 数千 1,000, 数十万 100,000, 何百万 1,000,000."""
    return [(m.start(), m.end(), _JA_SCALE[m.group(1)]) for m in _JA_VAGUE.finditer(text)]


# --- the check --------------------------------------------------------------------------


def _ordinal_said(q: Quantity, seg: str, reference: str) -> bool:
    """Whether Japanese ``q`` is an ordinal (第三者) whose English ordinal word the
    reference has ("a third party"), whatever value the English quantity reader gave the
    words ("a third" reads as a fraction too)."""
    return seg[max(0, q.start - 1) : q.start] == "第" and any(
        EN_ORDINALS.get(w) == q.value for w in re.findall(r"[a-z]+", reference.lower()))


def _unmatched(en_q: Sequence[Quantity], ja_q: Sequence[Quantity],
               keep_one: bool = False) -> list[Quantity]:
    """English numbers of the pair that no Japanese value matches (0 and 1 left out, which
    Japanese often leaves implicit, unless ``keep_one``: 1 is then kept)."""
    ja_values = [j.value for j in ja_q if j.kind in {"num", "month"}]
    # a year written by its last two digits (94年 for 1994)
    short_years = {j.value for j in ja_q if j.kind == "num" and TWO_DIGIT_YEAR.match(j.text)
                   and 0 <= j.value < 100}
    skip = (0.0,) if keep_one else (0.0, 1.0)
    return [e for e in en_q if e.kind == "num" and e.value not in skip
            and not any(same_value(e.value, v) for v in ja_values)
            and not (1900 <= e.value < 2100 and e.value % 100 in short_years)]


#: Length of a football half: match reports count the second half from zero
#: (後半13分 is the 58th minute).
HALF_MINUTES = 45


def _match_minute(seg: str, q: Quantity, nums: Sequence[Quantity]) -> bool:
    """後半N分 for the (N+45)th minute of a match."""
    if not q.text.endswith("分") or not seg[max(0, q.start - 2) : q.start] == "後半":
        return False
    return any(same_value(e.value, q.value + HALF_MINUTES) for e in nums)


def _converted(value: float, english: Sequence[float]) -> bool:
    for e in english:
        if e <= 0:
            continue
        for f in CONVERSIONS:
            for target in (e * f, e / f):
                if abs(value - target) <= CONVERSION_TOLERANCE * target:
                    return True
        # Fahrenheit ↔ Celsius
        if abs(value - (e - 32) * 5 / 9) <= 1.0:
            return True
    return False


#: Metric prefixes of electric power and energy, English and Japanese ("61.2 gigawatts" is
#: 6120万キロワット, "500 MW" 50万キロワット).
_EN_POWER = re.compile(r"^[\s-]*(kilo|mega|giga|tera|[kMGT])?(?:watts?|W)(?:[\s-]*hours?|h)?\b")
_JA_POWER = re.compile(r"(キロ|メガ|ギガ|テラ|k|M|G|T)?(?:ワット|W)")
_PREFIX = {"kilo": 1e3, "k": 1e3, "キロ": 1e3, "mega": 1e6, "M": 1e6, "メガ": 1e6,
           "giga": 1e9, "G": 1e9, "ギガ": 1e9, "tera": 1e12, "T": 1e12, "テラ": 1e12}


def _same_power(q: Quantity, seg: str, english: Sequence[Quantity], reference: str) -> bool:
    """Whether Japanese ``q`` is an English power or energy in another metric prefix
    (6120万キロワット for "61.2 gigawatts")."""
    numeral = _JA_NUMERAL.match(seg, q.start)
    m = _JA_POWER.match(seg, numeral.end() if numeral else q.end)
    if m is None:
        return False
    watts = q.value * _PREFIX.get(m.group(1) or "", 1.0)
    for e in english:
        n = _EN_POWER.match(reference[e.end : e.end + 20])
        if n is not None and same_value(e.value * _PREFIX.get(n.group(1) or "", 1.0), watts):
            return True
    return False


def _in_parenthesised_conversion(text: str, q: Quantity) -> bool:
    """A yen equivalent the translator adds in brackets: 400億ドル（約6兆円）."""
    before = text[max(0, q.start - 4) : q.start]
    return bool(re.search(r"[（(]\s*(約|およそ)?$", before)) and q.text.endswith("円")


def english_unit(text: str, q: Quantity) -> str:
    """The kind of unit of English quantity ``q`` of ``text`` ('' when none is known):
    percent, times, year, age, month, week, day, hour, minute, kilo, ton, or a currency."""
    if re.search(r"\b(?:decades?|centur(?:y|ies))\b", q.text, re.I):
        return "year"  # "two decades" = 20年
    after = text[q.end : q.end + 24]
    for pattern, kind in _EN_UNIT_AFTER:
        if pattern.match(after):
            return kind
    before = text[max(0, q.start - 8) : q.start]
    for pattern, kind in _EN_UNIT_BEFORE:
        if pattern.search(before):
            return kind
    return ""


def japanese_unit(text: str, q: Quantity) -> str:
    """The kind of unit after the numeral of Japanese quantity ``q`` of ``text`` ('' when
    none is known; 2023年 is a year too, and its English counterpart has no unit)."""
    m = _JA_NUMERAL.match(text, q.start)
    if m is None:
        return ""
    for unit, kind in _JA_UNITS:
        if text.startswith(unit, m.end()):
            return kind
    return ""


def _compatible(en_kind: str, ja_kind: str) -> bool:
    """Whether a Japanese unit may render an English one (unknown units always may)."""
    if not en_kind or not ja_kind:
        return True
    return ja_kind in _UNIT_COMPATIBLE.get(en_kind, frozenset({en_kind}))


@dataclass
class _NumberState:
    """The quantities of every pair of a document, read once before the first pair: a
    pair's quantities are compared with its neighbours' (alignment slack) and with every
    value of the English document."""

    #: (English quantities, Japanese quantities) of each pair of ``ctx.pairs``, in order
    values: list[tuple[list[Quantity], list[Quantity]]]
    #: every numeric value of the English document
    doc_values: frozenset[float]

    @classmethod
    def for_document(cls, ctx: Context) -> _NumberState:
        """(:class:`mtqa.checks.CheckState`)"""
        values: list[tuple[list[Quantity], list[Quantity]]] = []
        for p in ctx.pairs:
            ja = ctx.translation.text[p.mt_start : p.mt_end] if p.mt_sentences else ""
            en = p.reference if p.ref_sentences and not p.chrome else ""
            values.append((english_quantities(en), japanese_quantities(ja)))
        doc_values = frozenset(e.value for en, _ in values for e in en if e.kind == "num")
        return cls(values, doc_values)


class NumberCheck(BaseCheck):
    """Numbers, amounts, times, dates and days that differ from the English."""

    name: ClassVar[str] = "numbers"
    version: ClassVar[int] = 48
    requires: ClassVar[frozenset[str]] = frozenset()

    def _values(self, ctx: Context) -> list[tuple[list[Quantity], list[Quantity]]]:
        return ctx.check_state(_NumberState).values

    def _doc_values(self, ctx: Context) -> frozenset[float]:
        """Every numeric value of the English document."""
        return ctx.check_state(_NumberState).doc_values

    def run(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]:
        if pair.chrome or not pair.mt_sentences:
            return
        values = self._values(ctx)
        idx = next((k for k, p in enumerate(ctx.pairs) if p is pair), pair.index)
        if idx >= len(values):
            return
        en_q, ja_q = values[idx]
        neighbours = [values[k] for k in (idx - 1, idx + 1) if 0 <= k < len(values)]
        text = ctx.translation.text
        seg = text[pair.mt_start : pair.mt_end]
        doc_values = self._doc_values(ctx)
        headline = is_headline(pair, ctx) and not _unmatched(en_q, ja_q)
        judged: list[Finding] = []
        for q in ja_q:
            finding = self._judge(q, en_q, neighbours, seg, pair, text, doc_values, ja_q)
            if finding is not None and headline and q.kind == "num" and q.value in doc_values:
                continue  # a headline that adds a figure of the article (14時間の激論の末 for
                # "after marathon debate", the body saying "a 14-hour meeting")
            if finding is not None:
                judged.append(finding)
                yield finding
        if pair.ref_sentences:
            by_figure = list(self._figure_directions(pair, seg, text, en_q, ja_q))
            yield from by_figure
            # (第2四半期 for "the third quarter" is already a 2 with no counterpart)
            yield from (f for f in self._periods(pair, seg, text)
                        if not any(f.start < g.end and g.start < f.end for g in judged))
            yield from (f for f in self._direction(pair, seg, text, ctx)
                        if not any(f.start < g.end and g.start < f.end for g in by_figure))
            yield from self._vague_scale(pair, seg, text)

    def _vague_scale(self, pair: AlignedPair, seg: str, text: str) -> Iterator[Finding]:
        """NUM007: an amount given only by its order of magnitude changed it: 数百年 for
        "a few thousand years", 数万人 for "hundreds of thousands". Flagged when the
        Japanese gives a vague magnitude the English does not, while the English gives one
        the Japanese does not (a vague amount the translation made precise, or said in other
        words, is left alone)."""
        en = english_vague_scales(pair.reference)
        ja = japanese_vague_scales(seg)
        if not en or not ja:
            return
        for start, end, value in ja:
            if any(same_value(value, v) for _, _, v in en):
                continue
            said = [pair.reference[a:b] for a, b, v in en
                    if not any(same_value(v, w) for _, _, w in ja)]
            if not said:
                continue
            yield self.finding(
                text, pair.mt_start + start, pair.mt_start + end,
                category="number", severity="major",
                message=(f"{seg[start:end]} gives the amount as {_fmt(value)}s, but the "
                         f"English says '{said[0]}'"),
                pair=pair, reference=said[0], code="NUM007",
            )

    def _periods(self, pair: AlignedPair, seg: str, text: str) -> Iterator[Finding]:
        """NUM001 for a quarter or half of the year numbered otherwise (第1四半期 for "the
        fourth quarter"); NUM008 for a time counted from today moved (今年度 for "the next
        fiscal year", 来週 for "next month"): :mod:`mtqa.checks.number_periods`."""
        for a, b, said in ordinal_periods_changed(seg, pair.reference):
            yield self._finding(Quantity(0.0, "num", a, b, seg[a:b]), pair, text, "NUM001",
                                f"{seg[a:b]} is another part of the year than the English's "
                                f"'{said}'", said)
        for a, b, said in deictic_times_changed(seg, pair.reference):
            yield self._finding(Quantity(0.0, "num", a, b, seg[a:b]), pair, text, "NUM008",
                                f"{seg[a:b]} is another time than the English's '{said}'",
                                said)

    def _figure_directions(self, pair: AlignedPair, seg: str, text: str,
                           en_q: Sequence[Quantity], ja_q: Sequence[Quantity]
                           ) -> Iterator[Finding]:
        """NUM005 read at a figure (8％上回る for "8 percent below") and NUM009 (4.8ポイント
        拡大 for "widened to 4.8%"): :mod:`mtqa.checks.number_directions`."""
        for code, d, message in figure_findings(pair.reference, en_q, seg, ja_q):
            yield self._finding(Quantity(0.0, "direction", d.start, d.end, seg[d.start : d.end]),
                                pair, text, code, message, d.english)

    def _direction(self, pair: AlignedPair, seg: str, text: str,
                   ctx: Context) -> Iterator[Finding]:
        """NUM005: the English says only "down" and the Japanese only "up" (or the reverse).
        An English word of change that modifies the next noun, the two rendered by a
        compound of loanwords, names a thing, no change (カッターヘッド for "its cutting
        head")."""
        lex = ctx.lexicon(pair)
        at = {w.start: k for k, w in enumerate(lex.words)}

        def changes(m: re.Match[str]) -> bool:
            k = at.get(m.start())
            if k is None or k + 1 >= len(lex.words) or not lex.links[k]:
                return True
            units = lex.links[k]
            return not all(lex.units[u].pos1 == "名詞" and japanese.is_katakana(
                lex.units[u].text) for u in units) or not any(
                u + 1 in lex.links[k + 1] for u in units)

        en_up = [m.group() for m in _EN_UP.finditer(pair.reference) if changes(m)]
        en_down = [m.group() for m in _EN_DOWN.finditer(pair.reference) if changes(m)]
        if bool(en_up) == bool(en_down):
            return  # no change, or changes both ways: nothing to compare
        ja_up, ja_down = _ja_directions(seg)
        wrong, right = (ja_down, ja_up) if en_up else (ja_up, ja_down)
        if not wrong or right:
            return
        said = ", ".join(dict.fromkeys(en_up or en_down))
        way = "up" if en_up else "down"
        for a, b in wrong:
            word = seg[a:b]
            yield self._finding(
                Quantity(0.0, "direction", a, b, word), pair, text, "NUM005",
                f"{word} says the figure went {'down' if way == 'up' else 'up'}, but the "
                f"English says it went {way} ('{said}')",
                said,
            )

    def _judge(
        self, q: Quantity, en_q: Sequence[Quantity],
        neighbours: Sequence[tuple[list[Quantity], list[Quantity]]], seg: str,
        pair: AlignedPair, text: str, doc_values: frozenset[float],
        ja_q: Sequence[Quantity] = (),
    ) -> Finding | None:
        if q.kind == "num" and q.value in (0.0, 1.0):
            return None
        if q.kind == "time":
            return self._judge_time(q, en_q, neighbours, pair, text)
        if q.kind == "weekday":
            return self._judge_weekday(q, en_q, neighbours, pair, text)
        if q.kind == "month":
            vals = [e.value for e in en_q if e.kind in {"month", "num"}]
            if any(same_value(v, q.value) for v in vals):
                return None
            if self._spare(q, neighbours, kinds={"month", "num"}) or period_start(
                    q, seg, en_q, pair.reference) or quarter_said(q, seg, pair.reference):
                return None  # (10～12月期 for "the three months to December")
            if not any(e.kind == "month" for e in en_q):
                return None  # 3月 may be a duration or a date the English words differently
            months = ", ".join(e.text for e in en_q if e.kind == "month")
            return self._finding(q, pair, text, "NUM001",
                                 f"month {q.text} does not match the English ({months})", months)
        if _in_parenthesised_conversion(seg, q):
            return None
        nums = [e for e in en_q if e.kind in {"num", "month", "time"}]
        fraction = _slash_fraction(seg, q)
        if fraction is not None and any(same_value(e.value, fraction) for e in nums):
            return None  # 1/4 for "a quarter": the fraction written with a slash
        if decade_made_explicit(q, seg, pair.reference):
            return None
        if any(same_value(e.value, v) for e in nums for v in _written_apart(seg, q)):
            return None  # ２・８キロ for "2.8km", 14、5年 for "14, 15 years"
        if _said_otherwise(q, en_q, pair.reference) or _ordinal_said(q, seg, pair.reference):
            return None
        same = [e for e in nums if same_value(e.value, q.value) or (
            e.kind == "time" and same_value(e.value / 60 % 12 or 12, q.value)
        ) or decade_of_century(q, e, seg) or short_year(q, e, seg)
            or _percent_of(q, e)]
        if same:
            return self._judge_same(q, same, en_q, ja_q, seg, pair, text)
        if _converted(q.value, [e.value for e in nums if e.unit]) or volume_converted(q, nums):
            return None  # (3億7,100万立方メートル for "371 cubic hectometres")
        if _same_power(q, seg, nums, pair.reference):
            return None
        if _match_minute(seg, q, nums):
            return None
        if any(f(q, seg, en_q, pair.reference) for f in (period_start, months_of_years)
               ) or weekday_date(q, seg, en_q, text):
            return None  # (10～12月期 for "the three months to December"; 6カ月 of 4年6カ月;
            # 6日 for "from Monday" after the dateline 【マニラ5月2日】)
        if self._spare(q, neighbours, kinds={"num", "month"}):
            return None
        if not any(e.kind == "num" for e in en_q) and q.value in doc_values:
            return None  # nothing replaced: an explicitation (2点 for "the paintings")
        if q.value in doc_values and _RATE_BASE.match(seg, q.end):
            return None  # the base of a rate said once in English, with each rate here
        if q.value <= SMALL_EXPLICIT_MAX and (q.value in doc_values and _refers_back(
                q, seg, pair.reference, en_q, ja_q) or not _unmatched(en_q, ja_q) and not any(
                same_value(q.value, 10 * e.value) or same_value(10 * q.value, e.value)
                for e in _unmatched(en_q, ja_q, keep_one=True))):
            # 2人 for "the men", the article having said "two inmates"; or every English
            # number has its Japanese counterpart, so this small one replaces nothing: the
            # translation spells out what the English implies (2位の… for "finishing ahead")
            return None
        flipped = [e for e in nums if e.kind == "num" and same_value(-e.value, q.value)]
        if flipped:
            e = flipped[0]
            return self._finding(q, pair, text, "NUM001", f"{q.text} ({_fmt(q.value)}) but the "
                                 f"English says {_fmt(e.value)} ('{e.text}'): the sign changed",
                                 e.text)
        english = ", ".join(dict.fromkeys(e.text for e in nums if e.kind == "num")) or "none"
        return self._finding(
            q, pair, text, "NUM001",
            f"{q.text} ({_fmt(q.value)}) has no counterpart in the English "
            f"(numbers there: {english})",
            english,
        )

    def _judge_same(
        self, q: Quantity, same: Sequence[Quantity], en_q: Sequence[Quantity],
        ja_q: Sequence[Quantity], seg: str, pair: AlignedPair, text: str,
    ) -> Finding | None:
        """A Japanese value the English has: NUM006 when every English number of that value
        has a unit of another kind; NUM001 when the Japanese says it more often than the
        English while an English value of its unit kind is missing (the surplus one was
        changed: 8日間 … 8日間 for "eight-day … three-day"); else the qualifier check."""
        ja_kind = japanese_unit(seg, q)
        en = pair.reference
        kinds = [english_unit(en, e) for e in same if e.kind == "num"]
        if ja_kind and kinds and len(kinds) == len(same) and all(
                k and not _compatible(k, ja_kind) for k in kinds) and not (
                ja_kind == "percent" and set(kinds) == {"percentage point"} and _INTEREST_RATE.search(seg)):
            # (a change of an interest rate is said in ％ by the Japanese press: 0.25％の利下げ
            # for "a quarter percentage point cut")
            e = same[0]
            return self._finding(
                q, pair, text, "NUM006",
                f"{q.text} is {_fmt(q.value)} {ja_kind}, but the English '{e.text}' is "
                f"{_fmt(e.value)} {kinds[0]}: the unit changed", e.text,
            )
        before = [j for j in ja_q if j.kind == q.kind and same_value(j.value, q.value)
                  and j.start <= q.start]
        if q.kind == "num" and len(before) > len(same):
            lost = [e for e in _unmatched(en_q, ja_q) if ja_kind
                    and english_unit(en, e) and _compatible(english_unit(en, e), ja_kind)]
            if lost:
                e = lost[0]
                return self._finding(
                    q, pair, text, "NUM001",
                    f"{q.text} ({_fmt(q.value)}) appears {len(before)}× here but "
                    f"{len(same)}× in the English, whose '{e.text}' ({_fmt(e.value)}) has no "
                    f"counterpart", e.text,
                )
        return self._judge_qualifier(q, same, pair, text)

    def _spare(self, q: Quantity, neighbours: Sequence[tuple[list[Quantity], list[Quantity]]],
               kinds: set[str]) -> bool:
        """A neighbouring pair has this value in its English more often than in its
        Japanese: the alignment put the Japanese number one sentence off."""
        for en, ja in neighbours:
            n_en = sum(1 for e in en if e.kind in kinds and same_value(e.value, q.value))
            n_ja = sum(1 for j in ja if j.kind == q.kind and same_value(j.value, q.value))
            if n_en > n_ja:
                return True
        return False

    def _judge_weekday(
        self, q: Quantity, en_q: Sequence[Quantity],
        neighbours: Sequence[tuple[list[Quantity], list[Quantity]]], pair: AlignedPair,
        text: str,
    ) -> Finding | None:
        """NUM003: a weekday the English of the pair does not give, where it gives another.
        A neighbour's day excuses it only where the neighbour's own Japanese lacks it:
        "started on Saturday" rendered there as 土曜日 does not excuse 土曜日 here for "on
        Sunday night"."""
        days = [e for e in en_q if e.kind == "weekday"]
        if not days or any(same_value(e.value, q.value) for e in days) or self._spare(
                q, neighbours, kinds={"weekday"}):
            return None
        names = ", ".join(e.text for e in days)
        return self._finding(q, pair, text, "NUM003",
                             f"day {q.text} is not in the English ({names})", names)

    def _judge_time(
        self, q: Quantity, en_q: Sequence[Quantity],
        neighbours: Sequence[tuple[list[Quantity], list[Quantity]]], pair: AlignedPair,
        text: str,
    ) -> Finding | None:
        times = [e for e in en_q if e.kind == "time"]
        near = [e for n, _ in neighbours for e in n if e.kind == "time"]
        hour_mod = (q.value // 60) % 12

        def matches(e: Quantity) -> bool:
            if same_value(e.value, q.value):
                return True
            same_clock = same_value((e.value // 60) % 12, hour_mod) and same_value(e.value % 60,
                                                                          q.value % 60)
            return same_clock and not (q.half_known and e.half_known)

        if any(matches(e) for e in times + near):
            return None
        wrong_half = [e for e in times if same_value((e.value // 60) % 12, hour_mod)
                      and same_value(e.value % 60, q.value % 60)]
        if wrong_half:
            e = wrong_half[0]
            return self._finding(
                q, pair, text, "NUM002",
                f"time {q.text} ({_clock(q.value)}) but the English says '{e.text}' "
                f"({_clock(e.value)})", e.text,
            )
        hours = [e for e in en_q if e.kind == "num" and same_value(e.value, q.value // 60)]
        if hours or not times:
            return None  # "at 3" / no clock time in the English to compare with
        english = ", ".join(e.text for e in times)
        return self._finding(q, pair, text, "NUM001",
                             f"time {q.text} does not match the English ({english})", english)

    def _judge_qualifier(
        self, q: Quantity, same: Sequence[Quantity], pair: AlignedPair, text: str
    ) -> Finding | None:
        if not q.qualifier:
            return None
        if any(not e.qualifier or e.qualifier == q.qualifier for e in same):
            return None
        e = same[0]
        words = {"more": "more than", "less": "less than"}
        return self._finding(
            q, pair, text, "NUM004",
            f"{q.text} says {words[q.qualifier]} {_fmt(q.value)} but the English says "
            f"'{e.text}' with '{words[e.qualifier]}'",
            e.text,
        )

    def _finding(self, q: Quantity, pair: AlignedPair, text: str, code: str, message: str,
                 english: str) -> Finding:
        start, end = pair.mt_start + q.start, pair.mt_start + q.end
        return self.finding(
            text, start, end, category="number", severity="major", message=message,
            pair=pair, code=code, evidence={"english": english},
        )


def _fmt(value: float) -> str:
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.6g}"


def _clock(minutes: float) -> str:
    h, m = divmod(int(minutes), 60)
    return f"{h:02d}:{m:02d}"


__all__ = ["NumberCheck", "Quantity", "english_quantities", "japanese_quantities",
           "parse_japanese_number"]
