"""Numbers in English and Japanese text: the one reader of each language, shared by the
number check, the lexicon, the aligner's features and the token risk model (#17).

Before #17 the numbers check, the lexicon and the sentence similarity each had their own
Japanese number parser and their own English number words, and they disagreed (one read
3千 as 3,000, the others as 3; one knew "thirtieth", another stopped at "twentieth"). Here:

* :func:`parse_japanese_number` reads one Japanese numeral: ASCII or full-width digits,
  kanji numerals and the units 十/百/千 and 万/億/兆 in any mix (1万8,400, 三千五百, 40億).
* :func:`japanese_numbers` finds the numbers written in a Japanese text, and
  :func:`japanese_digit_numbers` only those written with digits.
* :func:`parse_english_number` reads one English token (a digit string with separators,
  currency or an ordinal suffix, or a number word); :func:`english_numbers` finds the
  values of an English sentence for comparison; :func:`english_quantities` reads every
  value of an English text with its span, kind and qualifier, for the number check.

The word lists (number words, scales, months, weekdays) are data files read by
:mod:`mtqa.text.wordlists`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from . import japanese
from .wordlists import (
    month_abbreviations,
    months,
    number_words,
    scales,
    weekdays,
)

# --- word lists ------------------------------------------------------------------------

#: Cardinal number words (zero … ninety).
EN_CARDINALS = number_words("cardinal")
#: Ordinal number words (first … hundredth).
EN_ORDINALS = number_words("ordinal")
#: Scale words and their abbreviations (hundred, million, bn, k …).
EN_SCALES = scales()
#: The scale abbreviations of scales.tsv as regex alternations, longest first: all of them
#: after money (€100m, $3bn), and those of more than one letter after bare digits too
#: (2.5tn; "10m" alone may be metres, as the file says).
MONEY_SCALE_ABBREVIATIONS = "|".join(sorted(scales("abbreviation"), key=len, reverse=True))
SCALE_ABBREVIATIONS = "|".join(a for a in MONEY_SCALE_ABBREVIATIONS.split("|") if len(a) > 1)
#: Month names and abbreviations → number ("may" among them).
EN_MONTHS = {**months(), **month_abbreviations()}

_EN_SMALL = EN_CARDINALS
_EN_ORDINAL = {
    **EN_ORDINALS,
    # fractions read as their denominator (a third → 3分の1)
    "half": 2, "halves": 2, "thirds": 3, "quarter": 4, "quarters": 4, "fourths": 4,
    "fifths": 5, "tenths": 10,
}
# Words that stand for a number in English but are written with digits in Japanese.
_EN_IMPLIED = {
    "both": 2, "couple": 2, "pair": 2, "twin": 2, "twins": 2, "twice": 2, "double": 2,
    "doubled": 2, "doubling": 2, "tripled": 3, "trebled": 3, "quadrupled": 4,
    "dozen": 12, "dozens": 12, "triple": 3, "decade": 10, "decades": 10, "century": 100,
    "centuries": 100, "fortnight": 14, "trio": 3, "quartet": 4, "half": 0.5,
    "hundreds": 100, "thousands": 1000, "millions": 1e6, "billions": 1e9,
    "bilateral": 2, "trilateral": 3, "teenage": 10, "teenager": 10, "teenagers": 10,
    "teens": 10,
    # a decade of life or of a century ("in her eighties": 80代)
    "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
    "seventies": 70, "eighties": 80, "nineties": 90,
}
#: Words whose number Japanese may write in another unit as well: a fortnight is 14 days
#: or 2 weeks (2週間); "a dozen" is often given as ten (10回以上 for "more than a dozen").
_EN_ALSO = {"fortnight": 2, "fortnights": 2, "dozen": 10}
#: A count of months that Japanese may give in years: "the twelve months to June" is
#: 6月までの1年間, "18 months" 1年半 (a whole or half number of years).
_MONTHS_AFTER = re.compile(r"[\s-]*months?\b", re.I)


def _in_years(value: float, text: str, start: int, end: int, q: str
              ) -> list[Quantity]:
    """The same count in years when months follow it: whole or half years (1年半 for "18
    months"), or years and months (1年7カ月 for "19 months": 1 and 7)."""
    if not 0 < value < 1e6 or value != int(value) or not _MONTHS_AFTER.match(text, end):
        return []
    if not value % 6:
        return [Quantity(value / 12, "num", start, end, text[start:end], qualifier=q)]
    if value < 12:
        return []
    return [Quantity(value // 12, "num", start, end, text[start:end], qualifier=q),
            Quantity(value % 12, "num", start, end, text[start:end], qualifier=q)]
_EN_SCALE = EN_SCALES
_MONTHS = months()
_MONTH_ABBR = month_abbreviations()
_WEEKDAYS_EN = weekdays()

_EN_NUMBER = re.compile(
    r"(?<![\d.])(\d{1,3}(?:,\d{3})+(?!\d)|\d+)(\.\d+)?(?:\s*-?\s*(st|nd|rd|th)\b)?"
)
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_UNIT_ORDINALS = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
# "twenty-six", "twenty - eight", "thirty first", or a single number word
_EN_WORDNUM = re.compile(
    r"\b(?:(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:\s*-\s*|\s)"
    rf"({_UNITS}|{_UNIT_ORDINALS})\b|("
    + "|".join(sorted(list(_EN_SMALL) + list(_EN_ORDINAL) + list(_EN_IMPLIED),
                      key=len, reverse=True))
    + r")\b)",
    re.I,
)
#: Every word _EN_WORDNUM can match (all single words of letters), to skip the pattern's
#: hundred alternatives on a text that holds none of them (#17: most sentences).
_EN_WORDNUM_WORDS = frozenset(
    ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
     *_EN_SMALL, *_EN_ORDINAL, *_EN_IMPLIED])
_LETTER_RUN = re.compile(r"[^\W\d_]+")
# Units a Japanese newsroom may convert to metric (see CONVERSIONS) or to a metric unit
# of another prefix (see VOLUME_FACTORS).
_EN_IMPERIAL = re.compile(
    r"^[\s-]*(?:square\s+|sq\.?\s+|cubic\s+)?(miles?|mph|feet|foot|ft|pounds?|lbs?|acres?|"
    r"gallons?|inch(?:es)?|ounces?|oz|yards?|degrees?|°\s*f|"
    # volumes of water in metric multiples that Japanese gives in 立方メートル or リットル
    r"hectomet(?:re|er)s?|gigalit(?:re|er)s?|megalit(?:re|er)s?)\b",
    re.I,
)
_EN_FRACTION_SCALE = re.compile(
    r"\b(half|quarter)\s+(?:of\s+)?an?\s+(thousand|million|billion|trillion)\b", re.I
)
# "a quarter", "three quarters", "two-thirds", "one half": a fraction as a value
_EN_FRACTION_DEN = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4,
                    "quarters": 4, "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5,
                    "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7, "eighth": 8,
                    "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10}
_EN_FRACTION = re.compile(
    r"\b(an?|one|two|three|four|five|six|seven|eight|nine)[\s-]+("
    + "|".join(sorted(_EN_FRACTION_DEN, key=len, reverse=True)) + r")\b(?!\s+(?:place|round|"
    r"quarter|time|day|week|month|year|century|anniversary|largest|biggest|consecutive))",
    re.I,
)
def fraction_denominator(word: str) -> int | None:
    """The denominator a fraction word names ("half" 2, "quarters" 4), else None."""
    return _EN_FRACTION_DEN.get(word.lower())


#: "half a point", "half an hour": half of one thing (not "half a million": a scaled
#: amount, read by :data:`_EN_FRACTION_SCALE`).
_EN_HALF_OF_ONE = re.compile(
    r"\b(half)\s+an?\b(?!\s+(?:thousand|million|billion|trillion|dozen)\b)", re.I)
_EN_BARE_QUARTER = re.compile(r"\bquarter\b(?!\s+(?:of\s+)?an?\s+(?:thousand|million|billion|"
                              r"trillion)\b)", re.I)
# "minus 4 degrees", "-4C": a negative English number (a hyphen only after a space, a
# bracket or the start: "2-4" is a range; and only right before the digits: "rate - 2.53
# per million -" is a parenthetical dash)
_EN_NEGATIVE = re.compile(r"(?:\bminus\s*|(?:^|(?<=[\s(]))[-−–])$", re.I)
#: The scale words and abbreviations of scales.tsv as regex alternations, longest first.
_SCALE_WORD_ALTS = "|".join(sorted(scales("word"), key=len, reverse=True))
_EN_SCALE_AFTER = re.compile(  # (after a hyphen too: "the 8.3-million-dollar programme")
    rf"^(?:\s*|-(?=(?:{_SCALE_WORD_ALTS})\b))({_SCALE_WORD_ALTS}|{MONEY_SCALE_ABBREVIATIONS})\b",
    re.I,
)
_EN_TIME = re.compile(
    r"\b(\d{1,2})(?:[:.](\d{2}))?\s*(a\.?\s?m\.?|p\.?\s?m\.?)(?![a-z])"
    r"|\b(\d{1,2}):(\d{2})\b(?!\s*[ap]\.?m)"
    r"|\b(noon|midday|midnight)\b",
    re.I,
)
# A clock range gives its first hour the half of the second: "6-8 p.m.", "from 6 to 8pm"
_EN_TIME_RANGE = re.compile(
    r"\b(\d{1,2})(?:[:.](\d{2}))?\s*(?:-|–|—|to|until|till)\s*"
    r"(?=\d{1,2}(?:[:.]\d{2})?\s*([ap])\.?\s?m\.?(?![a-z]))",
    re.I,
)
# A spelled-out multiple of a unit of time or count: "two decades" = 20 (年), "three
# centuries" = 300, "a dozen" = 12, "a million" = 1,000,000 (Japanese writes the product)
_EN_MULTIPLE = {"decade": 10, "decades": 10, "century": 100, "centuries": 100, "dozen": 12,
                "dozens": 12, "hundred": 1e2, "thousand": 1e3, "million": 1e6,
                "billion": 1e9, "trillion": 1e12}
_EN_MULTIPLE_RE = re.compile(
    r"\b(an?|one|" + "|".join(sorted((w for w in _EN_SMALL if w != "zero"), key=len,
                                      reverse=True))
    + r"|\d+(?:\.\d+)?)[\s-]+(" + "|".join(sorted(_EN_MULTIPLE, key=len, reverse=True))
    + r")\b",
    re.I,
)
#: A part of an hour or a minute, which Japanese gives in minutes or seconds: "a quarter of
#: an hour" (15分), "half an hour" (30分), "three quarters of an hour", "half a minute"
#: (30秒), "two and a half hours" (2時間30分).
_EN_PART_OF_HOUR = re.compile(
    r"\b(?:a|one)\s+(quarter)\s+of\s+an?\s+(?:hour|minute)\b"
    r"|\b(half|three\s+quarters)\s+(?:of\s+)?an?\s+(?:hour|minute)\b"
    r"|\band\s+a\s+(half|quarter)\s+(?:hours?|minutes?)\b"
    # "half-hourly", "every half hour", "a quarter-hour" (30分ごと, 15分)
    r"|\b(half|quarter)[\s-]+hour(?:ly|s)?\b", re.I)
_MINUTES_OF = {"quarter": 15, "half": 30, "three quarters": 45}
#: "tens of thousands", "hundreds of millions": a round amount that Japanese writes 数万,
#: 数億 (:data:`_JA_ROUND_SCALE`).
_EN_SCALE_OF_SCALE = re.compile(r"\b(tens|hundreds)\s+of\s+(thousands|millions|billions)\b",
                                re.I)
#: A clock time written with a point ("9.40pm"): its hour and its minutes.
_EN_POINT_TIME = re.compile(r"(\d{1,2})\.(\d{2})")
#: Four digits read as a clock time: the hour and the minutes.
_EN_HHMM = re.compile(r"(\d{2})(\d{2})")
#: A clock time of four digits before a time zone ("by 1130 GMT", "0600 local time"): the
#: hour (group 1) and the minutes (group 2). (Not before "hours": "1500 hours" may be a
#: duration.)
CLOCK_HHMM = re.compile(r"\b([01]\d|2[0-3])([0-5]\d)\s*(?:GMT|UTC|BST|CET|CEST|EST|EDT|"
                        r"PST|PDT|JST|AEST|AEDT|IST|local\s+time)\b")
# A scale word with no number before it stands for one of it: "per million" (100万当たり),
# "going for the million" (100万), "every thousand" (1000)
_EN_BARE_SCALE = re.compile(r"\b(?:per|the|every|each)\s+(thousand|million|billion|trillion)\b",
                            re.I)
_EN_MONTH = re.compile(
    r"\b(" + "|".join(sorted(list(_MONTHS) + list(_MONTH_ABBR), key=len, reverse=True))
    + r")\b\.?",
    re.I,
)
_EN_WEEKDAY = re.compile(r"\b(" + "|".join(_WEEKDAYS_EN) + r")\b", re.I)
# a Roman numeral after a capitalised word (World War II, Carl XVI Gustaf, Book III)
_EN_ROMAN = re.compile(r"\b[A-Z][a-z]+ ([IVXLC]{2,7})\b")
_EN_QUAL_MORE = re.compile(
    r"\b(more than|over|at least|upwards of|in excess of|exceeding|above|greater than)\s*$",
    re.I,
)
_EN_QUAL_NO = re.compile(r"\bno\s+(more|fewer|less)\s+than\s*$", re.I)
_EN_QUAL_LESS = re.compile(
    r"\b(less than|fewer than|under|nearly|almost|just under|up to|at most|below)\s*$",
    re.I,
)


# --- Japanese numerals --------------------------------------------------------------------

_KANJI_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "两": 2}
_KANJI_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_KANJI_BIG_UNITS = {"万": 1e4, "億": 1e8, "兆": 1e12}
#: Full-width digits and separators to ASCII.
DIGIT_MAP = str.maketrans("０１２３４５６７８９，．", "0123456789,.")


def same_value(a: float, b: float) -> bool:
    """Whether two values are equal up to floating-point rounding."""
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


@dataclass(frozen=True, slots=True)
class Quantity:
    """A value found in a text. ``start``/``end`` index the text it was found in.

    ``kind`` is ``num`` (counts, amounts, percentages, years, days), ``time`` (minutes
    after midnight; ``half_known`` tells whether a.m./p.m. was given), ``weekday`` (0 =
    Monday), ``month`` (1–12) or ``direction`` (a word of change, NUM005; no value).
    ``qualifier`` is ``more``, ``less`` or ''.
    """

    value: float
    kind: str
    start: int
    end: int
    text: str
    half_known: bool = True
    qualifier: str = ""
    #: an imperial unit after an English number (mile, acre…): the Japanese may convert it
    unit: str = ""



# --- English ----------------------------------------------------------------------------


def english_quantities(text: str) -> list[Quantity]:
    """Values of English ``text`` (numbers with scales, word numbers, ordinals, times,
    months, weekdays, Roman numerals after a capitalised word), in the order of the readers
    below (the number check reports in that order)."""
    out = _en_times(text) + _en_digit_numbers(text) + _en_word_numbers(text)
    out = _en_point_times(out)
    out = _en_fractions(text, out)
    out = _en_scales_of_scales(text, out)
    for reader in (_en_parts_of_hour, _en_scaled_words, _en_months, _en_weekdays, _en_romans,
                   _en_set_phrases):
        out += reader(text)
    # basis points are hundredths of a percentage point (0.04%ポイント for "four basis
    # points")
    out += [Quantity(q.value / 100, "num", q.start, q.end, q.text, qualifier=q.qualifier)
            for q in out if q.kind == "num" and _BASIS_POINTS.match(text, q.end)]
    # four hundred digits read as a float are infinite: no value a sentence can mean
    return [q for q in out if math.isfinite(q.value)]


_BASIS_POINTS = re.compile(r"[\s-]+basis[\s-]+points?\b", re.I)


def _en_point_times(found: list[Quantity]) -> list[Quantity]:
    """``found`` with a time written with a point ("9.40pm") read as its hour and minutes,
    as "9:40 p.m." is (午後9時40分), instead of the decimal 9.4; likewise one of four digits
    ("1130 GMT": 11時30分, not 1130)."""
    out = list(found)
    for t in found:
        m = (_EN_POINT_TIME.match(t.text) or _EN_HHMM.fullmatch(t.text)
             if t.kind == "time" else None)
        if m is None:
            continue
        out = [q for q in out if not (q.kind == "num" and q.start == t.start)]
        out += [Quantity(float(m.group(1)), "num", t.start + m.start(1), t.start + m.end(1),
                         m.group(1)),
                Quantity(float(m.group(2)), "num", t.start + m.start(2), t.start + m.end(2),
                         m.group(2))]
    return out


def _en_parts_of_hour(text: str) -> list[Quantity]:
    """Parts of an hour or a minute as minutes or seconds: "a quarter of an hour" (15分),
    "half an hour" (30分), "half a minute" (30秒), "two and a half minutes" (2分30秒)."""
    return [Quantity(float(_MINUTES_OF[next(g for g in m.groups() if g).lower()]),
                     "num", m.start(), m.end(), m.group())
            for m in _EN_PART_OF_HOUR.finditer(text)]


def _en_scales_of_scales(text: str, found: list[Quantity]) -> list[Quantity]:
    """``found`` with "tens of thousands" (数万) read as one amount, not "thousands"."""
    out = list(found)
    for m in _EN_SCALE_OF_SCALE.finditer(text):
        out = [q for q in out if not (m.start() <= q.start and q.end <= m.end())]
        value = (10 if m.group(1).lower() == "tens" else 100) * _EN_SCALE[
            m.group(2).lower().removesuffix("s")]
        out.append(Quantity(value, "num", m.start(), m.end(), m.group(),
                            qualifier=_qualifier(text[: m.start()])))
    return out


def _en_times(text: str) -> list[Quantity]:
    """Clock times ("3 a.m.", "15:30", noon) as minutes after midnight, and the first hour
    of a clock range, which takes the half of the second ("6-8 p.m.")."""
    out: list[Quantity] = []
    for m in _EN_TIME.finditer(text):
        if m.group(6):
            word = m.group(6).lower()
            minutes = 0 if word == "midnight" else 12 * 60
            out.append(Quantity(minutes, "time", m.start(), m.end(), m.group()))
        elif m.group(3):
            hour, minute = int(m.group(1)), int(m.group(2) or 0)
            pm = m.group(3).lower().startswith("p")
            hour = hour % 12 + (12 if pm else 0)
            out.append(Quantity(hour * 60 + minute, "time", m.start(), m.end(), m.group()))
        else:
            hour, minute = int(m.group(4)), int(m.group(5))
            out.append(Quantity(hour * 60 + minute, "time", m.start(), m.end(), m.group(),
                                half_known=hour >= 13 or hour == 0))
        # the hour is also a plain number ("3 o'clock" → 3時 without 午前/午後)
    for m in CLOCK_HHMM.finditer(text):
        hour, minute = int(m.group(1)), int(m.group(2))
        out.append(Quantity(hour * 60 + minute, "time", m.start(), m.end(2),
                            m.group(1) + m.group(2), half_known=True))
    for m in _EN_TIME_RANGE.finditer(text):
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
        hour = hour % 12 + (12 if m.group(3).lower() == "p" else 0)
        out.append(Quantity(hour * 60 + minute, "time", m.start(1), m.end(2) if m.group(2)
                            else m.end(1), m.group(1) + (":" + m.group(2) if m.group(2)
                                                         else "")))
    return out


#: Currencies by their English name (singular), and how Japanese writes them.
CURRENCIES = {"dollar": "ドル", "pound": "ポンド", "euro": "ユーロ", "yen": "円", "yuan": "元",
              "peso": "ペソ", "rupee": "ルピー", "franc": "フラン", "krona": "クローナ",
              "krone": "クローネ", "won": "ウォン", "rand": "ランド"}
#: A currency's English name, singular or plural (group 1): "pounds", "euro", "kronor".
CURRENCY_WORD = (r"(dollars?|pounds?|euros?|pesos?|rupees?|francs?|yen|yuan|won|rand|"
                 r"krona|kronor|krone|kroner)\b")
#: A currency named after an amount ("500m pounds", "3bn euro").
_CURRENCY_AFTER = re.compile(r"\s*" + CURRENCY_WORD, re.I)


def currency_japanese(word: str) -> str:
    """How Japanese writes the currency ``word`` names ("pounds" → ポンド, "kronor" →
    クローナ)."""
    low = word.lower()
    low = {"kronor": "krona", "kroner": "krone"}.get(low, low)
    return CURRENCIES.get(low) or CURRENCIES.get(low.removesuffix("s"), "")


def _en_digit_numbers(text: str) -> list[Quantity]:
    """Numbers written with digits, with their scale word ("$40 billion"), their sign
    ("minus 4", "-4C") and the imperial unit after them."""
    out: list[Quantity] = []
    for m in _EN_NUMBER.finditer(text):
        # digits of codes (G7, line S6) count too: Japanese may write them as numbers (6号線)
        whole = m.group(1).replace(",", "")
        value = float(whole + (m.group(2) or ""))
        scale = _EN_SCALE_AFTER.match(text[m.end() :])
        end = m.end()
        if scale and not m.group(3):
            word = scale.group(1).lower()
            # "5 m" is metres unless money precedes it; bare m/b are scales only for money
            money = bool(re.search(r"[$€£¥]\s*$", text[: m.start()])) or bool(
                _CURRENCY_AFTER.match(text, m.end() + scale.end()))  # "500m pound scheme"
            if word in {"m", "b", "k"} and not money:
                # "100k" written as one word is a thousands count in informal English
                # ("100k meters", "10k followers"); "5k" may also be a 5 km race, so the
                # bare value stays a reading too
                if word == "k" and scale.start(1) == 0:
                    out.append(Quantity(value * 1e3, "num", m.start(), m.end() + scale.end(),
                                        text[m.start() : m.end() + scale.end()]))
                scale = None
            if scale:
                value *= _EN_SCALE[word]
                end = m.end() + scale.end()
        q = _qualifier(text[: m.start()].rstrip("$€£¥ "))
        begin = m.start()
        window = text[max(0, begin - 8) : begin]
        neg = _EN_NEGATIVE.search(window)
        if neg and not neg.group().lower().startswith("minus") and re.search(
                r"\d\s*$", text[: begin - (len(window) - neg.start())]):
            neg = None  # a score or a range: "3 - 1", "Sept 3 – 5"
        if neg:
            value = -value
            begin -= len(window) - neg.start()
        out.append(Quantity(value, "num", begin, end, text[begin:end], qualifier=q,
                            unit=_imperial_unit(text[end:])))
        out += _in_years(value, text, begin, end, q)
    return out


def _larger_scales(text: str, end: int, value: float, factor: float) -> tuple[float, int]:
    """``value`` (read up to ``end``, its last scale ``factor``) times the larger scale
    words after it ("two hundred *billion*", "a thousand *trillion*": 2000億, 1000兆), and
    where they end."""
    while (more := _EN_SCALE_AFTER.match(text[end:])) and (
            _EN_SCALE.get(more.group(1).lower(), 0) > factor
            and more.group(1).lower() in {"thousand", "million", "billion", "trillion"}):
        factor = _EN_SCALE[more.group(1).lower()]
        value *= factor
        end += more.end()
    return value, end


def _en_word_numbers(text: str) -> list[Quantity]:
    """Numbers written as words ("twenty-six", "third", "dozen"), with a scale word after
    them ("two million")."""
    out: list[Quantity] = []
    if _EN_WORDNUM_WORDS.isdisjoint(_LETTER_RUN.findall(text.lower())):
        return out
    for m in _EN_WORDNUM.finditer(text):
        value: float
        if m.group(1):
            unit = m.group(2).lower()
            value = _EN_SMALL[m.group(1).lower()] + _EN_SMALL.get(unit, _EN_ORDINAL.get(unit, 0))
        else:
            word = m.group(3).lower()
            if word in _EN_SMALL:
                value = _EN_SMALL[word]
            elif word in _EN_ORDINAL:
                value = _EN_ORDINAL[word]
            else:
                value = _EN_IMPLIED[word]
        end = m.end()
        scale = _EN_SCALE_AFTER.match(text[end:])
        if scale and scale.group(1).lower() in scales("word"):
            value *= _EN_SCALE[scale.group(1).lower()]
            end += scale.end()
            value, end = _larger_scales(text, end, value, _EN_SCALE[scale.group(1).lower()])
        q = _qualifier(text[: m.start()])
        out.append(Quantity(value, "num", m.start(), end, text[m.start() : end], qualifier=q,
                            unit=_imperial_unit(text[end:])))
        out += _in_years(value, text, m.start(), end, q)
        if m.group(3) and m.group(3).lower() in _EN_ALSO:
            out.append(Quantity(_EN_ALSO[m.group(3).lower()], "num", m.start(), end,
                                text[m.start() : end], qualifier=q))
    return out


#: A share said as a count of a count: "nine out of ten", "one in five", "3 in every 10".
_RATIO_TERM = r"(\d+|" + "|".join(sorted(_EN_SMALL, key=len, reverse=True)) + ")"
_EN_RATIO = re.compile(rf"\b{_RATIO_TERM}\s+(?:[a-z]+\s+)?(?:out\s+of|in)\s+(?:every\s+)?"
                       rf"{_RATIO_TERM}\b", re.I)  # (a noun between: "one call in five")


def _ratio_term(word: str) -> int | None:
    """A term of :data:`_EN_RATIO`: digits, or a cardinal word (one … hundred)."""
    if word.isdigit():
        return int(word)
    value = _EN_SMALL.get(word.lower())
    return int(value) if value is not None else None


def _en_fractions(text: str, found: list[Quantity]) -> list[Quantity]:
    """``found`` with the fractions of ``text`` added ("a quarter" = 0.25, "two-thirds"):
    the number words read inside a fraction are dropped from it where the words are no
    longer separate numbers."""
    out = list(found)
    fractions: list[tuple[int, int]] = []
    for m in _EN_FRACTION.finditer(text):
        fractions.append(m.span())
        if _EN_FRACTION_SCALE.match(text, m.start(2)):
            continue  # "a quarter of a million": a scaled amount (_en_scaled_words)
        num_word = m.group(1).lower()
        num = 1 if num_word in {"a", "an"} else _EN_SMALL[num_word]
        den = _EN_FRACTION_DEN[m.group(2).lower()]
        # "two-thirds", "a quarter of", "about a fifth" are fractions: the words are no
        # longer separate numbers (4 for "quarter"); a bare "a third" may be an ordinal
        # too ("added a third [goal]"), so both values stay
        if num_word not in {"a", "an"} or re.match(r"\s+of\b", text[m.end():]) or re.search(
                r"\b(?:about|around|roughly|nearly|almost|some|over|under|than|by|just)\s+$",
                text[: m.start()], re.I):
            out = [q for q in out if not (m.start() <= q.start and q.end <= m.end())]
        out.append(Quantity(num / den, "num", m.start(), m.end(), m.group(),
                            qualifier=_qualifier(text[: m.start()])))
    # "nine out of ten", "one in five": a share (9割, 20%), the two numbers kept too
    # (10人中9人); placed on the count of the whole ("five"), so that the share and that
    # count are one fact, and the share's first number ("one") another
    for m in _EN_RATIO.finditer(text):
        part, whole = _ratio_term(m.group(1)), _ratio_term(m.group(2))
        if part is not None and whole is not None and 0 < part < whole <= 100:
            out.append(Quantity(part / whole, "num", m.start(2), m.end(2), m.group(),
                                qualifier=_qualifier(text[: m.start()])))
    # "half a point", "half an hour": a half of one (0.5点); "half" is no denominator there
    for m in _EN_HALF_OF_ONE.finditer(text):
        out = [q for q in out if not (m.start() <= q.start and q.end <= m.start() + 4)]
        out.append(Quantity(0.5, "num", m.start(), m.start() + 4, m.group(1),
                            qualifier=_qualifier(text[: m.start()])))
    # a "quarter" with another determiner ("the back quarter", "this quarter") is still a
    # fourth: 4分の1 renders it as well as 四半期 does (both values stay, as for "a third")
    for m in _EN_BARE_QUARTER.finditer(text):
        if not any(a <= m.start() < b for a, b in fractions):
            out.append(Quantity(0.25, "num", m.start(), m.end(), m.group(),
                                qualifier=_qualifier(text[: m.start()])))
    return out


def _en_scaled_words(text: str) -> list[Quantity]:
    """Amounts spelled with a scale or multiple word: "a quarter of a million" (250,000),
    "two decades" (20), "a million", and a bare scale ("per million" = 100万当たり)."""
    out: list[Quantity] = []
    for m in _EN_FRACTION_SCALE.finditer(text):
        frac = {"half": 0.5, "quarter": 0.25}[m.group(1).lower()]
        value = frac * _EN_SCALE[m.group(2).lower()]
        out.append(Quantity(value, "num", m.start(), m.end(), m.group(),
                            qualifier=_qualifier(text[: m.start()])))
    for m in _EN_MULTIPLE_RE.finditer(text):
        # the parts stay values too ("two" may be rendered 2つの10年); the product is added
        first = m.group(1).lower()
        if m.group(2).lower() in _EN_SCALE and first not in {"a", "an"}:
            continue  # "two million", "5 billion": already read with their scale
        n = 1.0 if first in {"a", "an", "one"} else float(_EN_SMALL.get(first) or first)
        factor = _EN_MULTIPLE[m.group(2).lower()]
        value, end = _larger_scales(text, m.end(), n * factor, factor)
        out.append(Quantity(value, "num", m.start(), end, text[m.start() : end],
                            qualifier=_qualifier(text[: m.start()])))
    for m in _EN_BARE_SCALE.finditer(text):  # "per million" = 100万当たり, "the million"
        out.append(Quantity(_EN_SCALE[m.group(1).lower()], "num", m.start(1), m.end(1),
                            m.group(1)))
    return out


def _opens_sentence(text: str, at: int) -> bool:
    """Whether offset ``at`` opens a sentence, a line, a quotation or the text."""
    before = text[:at].rstrip(" \t")
    return not before or before[-1] in ".!?:;\n\"“‘'(（「"


def _en_months(text: str) -> list[Quantity]:
    """Month names and abbreviations (not the verb "may", nor a lower-case "mar")."""
    out: list[Quantity] = []
    for m in _EN_MONTH.finditer(text):
        word = m.group(1).lower()
        if word == "may" and not re.match(r"\s+\d", text[m.end() :]) and not re.search(
            r"\d\s+$", text[: m.start()]
        ) and (m.group(1) != "May" or _opens_sentence(text, m.start())):
            continue  # the verb "may" (capitalised only where it opens a sentence: "between
            # August 2023 and May this year" is the month)
        if len(word) == 3 and word in _MONTH_ABBR and not m.group(1)[0].isupper():
            continue  # a lower-case three-letter abbreviation is a word ("mar", "dec")
        if word in _MONTH_ABBR and word not in _MONTHS and not m.group().endswith(".") and not (
                re.match(r"\s*\d", text[m.end() :]) or re.search(r"\d\s*$", text[: m.start()])):
            continue  # an abbreviation with no point and no day or year by it is a name
            # ("Jan Novak", the group "Mar Vivo")
        month = _MONTHS.get(word) or _MONTH_ABBR.get(word, 0)
        if month:
            out.append(Quantity(month, "month", m.start(), m.end(), m.group()))
    return out


def _en_weekdays(text: str) -> list[Quantity]:
    """Weekday names, 0 for Monday."""
    return [Quantity(_WEEKDAYS_EN[m.group(1).lower()], "weekday", m.start(), m.end(),
                     m.group()) for m in _EN_WEEKDAY.finditer(text)]


#: Set phrases that stand for numbers Japanese writes with digits: "around the clock"
#: (all 24 hours, 24時間体制); "the turn of the century", the years about 1900 or 2000
#: (2000年前後), and "the turn of the millennium" (2000年).
_EN_SET_PHRASES: tuple[tuple[re.Pattern[str], tuple[float, ...]], ...] = (
    (re.compile(r"\b(?:a)?round[\s-]the[\s-]clock\b", re.I), (24.0,)),
    (re.compile(r"\bturn\s+of\s+the\s+century\b", re.I), (1900.0, 2000.0)),
    (re.compile(r"\bturn\s+of\s+the\s+millennium\b", re.I), (2000.0,)),
)


def _en_set_phrases(text: str) -> list[Quantity]:
    """The numbers of :data:`_EN_SET_PHRASES` in ``text``."""
    return [Quantity(v, "num", m.start(), m.end(), m.group())
            for rx, values in _EN_SET_PHRASES for m in rx.finditer(text) for v in values]


def _en_romans(text: str) -> list[Quantity]:
    """Roman numerals after a capitalised word (World War II, Carl XVI Gustaf)."""
    out: list[Quantity] = []
    for m in _EN_ROMAN.finditer(text):
        roman = _roman_value(m.group(1))
        if roman:
            out.append(Quantity(roman, "num", m.start(1), m.end(1), m.group(1)))
    return out


def _roman_value(s: str) -> int:
    """Value of a well-formed Roman numeral, 0 if ``s`` is not one."""
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for i, ch in enumerate(s):
        v = values[ch]
        total += -v if i + 1 < len(s) and values[s[i + 1]] > v else v
    # reject malformed strings (IIII, VX) by round-tripping
    return total if 0 < total < 400 and _to_roman(total) == s else 0


def _to_roman(n: int) -> str:
    out = ""
    for v, r in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"),
                 (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out += r
            n -= v
    return out


#: Metric volumes of water that Japanese gives in 立方メートル or リットル: a cubic
#: hectometre and a gigalitre are a million cubic metres (a billion litres), a megalitre a
#: thousand (a million litres). Keyed by the unit's first five letters.
VOLUME_FACTORS: dict[str, tuple[float, ...]] = {
    "hecto": (1e6,), "gigal": (1e6, 1e9), "megal": (1e3, 1e6)}


def volume_converted(q: Quantity, english: Sequence[Quantity]) -> bool:
    """Whether Japanese ``q`` is an English volume given in another metric unit
    (3億7,100万立方メートル for "371 cubic hectometres")."""
    return any(same_value(q.value, e.value * f) for e in english
               for f in VOLUME_FACTORS.get(e.unit[:5], ()))


def _imperial_unit(after: str) -> str:
    m = _EN_IMPERIAL.match(after)
    return m.group(1).lower() if m else ""


def _qualifier(before: str) -> str:
    if m := _EN_QUAL_NO.search(before[-30:]):  # "no more than" is at most
        return "less" if m.group(1).lower() == "more" else "more"
    if _EN_QUAL_MORE.search(before[-30:]):
        return "more"
    if _EN_QUAL_LESS.search(before[-30:]):
        return "less"
    return ""



# --- Japanese ---------------------------------------------------------------------------


def parse_japanese_number(s: str) -> float | None:
    """Value of a Japanese numeral: digits (ASCII or full-width, with , and .), kanji
    numerals and the myriad units 万/億/兆 in any mix ("1万8,400", "400億", "二十三")."""
    s = s.translate(DIGIT_MAP).replace(",", "")
    if not s:
        return None
    total = 0.0
    chunk = ""
    for ch in s:
        if ch in _KANJI_BIG_UNITS:
            small = _parse_small(chunk) if chunk else 1.0
            if small is None:
                return None
            total += small * _KANJI_BIG_UNITS[ch]
            chunk = ""
        else:
            chunk += ch
    if chunk:
        small = _parse_small(chunk)
        if small is None:
            return None
        total += small
    # a run of hundreds of digits reads as infinity: no value
    return total if math.isfinite(total) else None


def _parse_small(s: str) -> float | None:
    """A number below 10,000: digits ("8400", "3.2") or kanji ("三千五百", "二十")."""
    if re.fullmatch(r"\d+(\.\d+)?", s):
        return float(s)
    value = 0.0
    digit: float | None = None
    for ch in s:
        if ch in _KANJI_DIGITS:
            digit = _KANJI_DIGITS[ch]
        elif ch.isdecimal():  # not isdigit(): ① and ² are digits int() cannot read
            digit = (digit or 0) * 10.0 + int(ch)
        elif ch in _KANJI_SMALL_UNITS:
            value += (1 if digit is None else digit) * _KANJI_SMALL_UNITS[ch]
            digit = None
        else:
            return None
    return value + (digit or 0)



#: A numeral written with digits, with the Japanese units after its groups (1万8,400,
#: 3,800万, 5千万, 140億).
_JA_DIGIT_NUMERAL = re.compile(r"(?:\d[\d,]*(?:\.\d+)?[兆億万千百十]*)+")
_JA_DIGIT_PART = re.compile(r"\d[\d,]*(?:\.\d+)?")
#: A kanji numeral before a counter (二つ, 三人, 五カ国): inside words (一部, 四半期) kanji
#: numerals are not numbers.
_JA_KANJI_COUNTED = re.compile(
    r"[一二三四五六七八九十百千]+(?=[つ人件年月日回位個本台点枚カ国])"
)


def japanese_digit_numbers(text: str) -> frozenset[float]:
    """Values of the numerals written with digits in Japanese ``text`` (after NFKC).

    Both the whole numeral and its bare digit groups are values: 3,800万 says 38,000,000
    and also "3,800", for a count written without its unit (3,800万 for "3,800 people"
    is then no mismatch the aligner and the lexicon would act on).
    """
    vals: set[float] = set()
    for m in _JA_DIGIT_NUMERAL.finditer(japanese.normalize(text)):
        for part in _JA_DIGIT_PART.finditer(m.group()):
            vals.add(float(part.group().replace(",", "")))
        total = parse_japanese_number(m.group())
        if total is not None:
            vals.add(total)
    return frozenset(v for v in vals if math.isfinite(v))


def japanese_numbers(text: str) -> frozenset[float]:
    """Values of the numbers written in Japanese ``text``: digits with units (1万8,400 →
    18400; 140億 → 1.4e10; and their bare digit groups, see :func:`japanese_digit_numbers`),
    kanji numerals before a counter (二つ → 2, 三百人 → 300), round amounts (数万 →
    10,000, 数十万 → 100,000: "tens of thousands", "hundreds of thousands") and tenths
    as percent (8割 → 80, besides 8)."""
    vals = set(japanese_digit_numbers(text))
    norm = japanese.normalize(text)
    for m in _JA_KANJI_COUNTED.finditer(norm):
        v = parse_japanese_number(m.group())
        if v is not None:
            vals.add(v)
    for m in _JA_TENTHS.finditer(norm):  # 8割 "80 percent"
        v = parse_japanese_number(m.group(1))
        if v is not None and v <= 10:
            vals.add(v * 10)
    for m in _JA_ROUND_SCALE.finditer(norm):
        vals.add({"": 1, "十": 10, "百": 100, "千": 1000}[m.group(1)]
                 * {"万": 1e4, "億": 1e8}[m.group(2)])
    return frozenset(vals)


#: A count of tenths (8割, 八割: 80 percent).
_JA_TENTHS = re.compile(r"([0-9.]+|[一二三四五六七八九十]+)割")
#: 数万, 何十万, 数百億: an amount of a scale, written without its figure.
_JA_ROUND_SCALE = re.compile(r"[数何]([十百千]?)([万億])")


def parse_english_number(token: str, words: Mapping[str, float] | None = None) -> float | None:
    """Value of one English token: digits with thousands separators, a currency sign or an
    ordinal suffix ("$1,200", "3rd", "18.5"), or a word of ``words`` (by default the
    cardinal number words); None for anything else."""
    t = re.sub(r"(?<=\d)(st|nd|rd|th)$", "", token.lstrip("$€£¥").replace(",", ""))
    if _EN_DECIMAL.fullmatch(t):  # not float() alone: it reads "Nan", "Inf", "1e5", "1_0"
        value = float(t)
        return value if math.isfinite(value) else None
    return (EN_CARDINALS if words is None else words).get(token.lower())


#: A number written in digits, as :func:`parse_english_number` reads it.
_EN_DECIMAL = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")


_EN_DIGITS_SCALED = re.compile(
    r"(?<![\w.])(\d[\d,]*(?:\.\d+)?)(?:\s*(thousand|million|billion|trillion)\b)?", re.I
)
#: Number words for :func:`english_numbers`: cardinals, ordinals ("third victory" ↔ 3勝目)
#: and "hundred" alone.
_EN_VALUE_WORDS = {**EN_CARDINALS, **EN_ORDINALS, "hundred": 100}


def english_numbers(text: str) -> frozenset[float]:
    """Numeric values mentioned in an English sentence, for comparing it with a Japanese one.

    Digits, also times their scale word ("$1.2 billion" → 1.2 and 1200000000), number words
    ("two" → 2, "third" → 3) and capitalised month names and abbreviations ("February" →
    2, so that "Feb. 18" matches 2月18日; "may" only as "May").
    """
    out: set[float] = set()
    for m in _EN_DIGITS_SCALED.finditer(text):
        try:
            value = float(m.group(1).replace(",", ""))
        except ValueError:
            continue
        out.add(value)
        if m.group(2):
            out.add(value * EN_SCALES[m.group(2).lower()])
    for w in re.findall(r"[A-Za-z]+", text):
        lw = w.lower()
        if lw in _EN_VALUE_WORDS:
            out.add(float(_EN_VALUE_WORDS[lw]))
        elif w[0].isupper() and lw in EN_MONTHS and (lw != "may" or w == "May"):
            out.add(float(EN_MONTHS[lw]))
    return frozenset(v for v in out if math.isfinite(v))


__all__ = [
    "CURRENCIES", "CURRENCY_WORD", "EN_CARDINALS", "EN_MONTHS", "EN_ORDINALS", "EN_SCALES",
    "Quantity", "currency_japanese", "english_numbers",
    "english_quantities", "japanese_digit_numbers", "japanese_numbers", "parse_english_number",
    "parse_japanese_number",
]
