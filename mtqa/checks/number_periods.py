"""Years, decades and periods of months as Japanese news writes them, for the numbers check
(:mod:`mtqa.checks.numbers`): a year by its last two digits (94年 for 1994; 1961年から63年),
a decade by two digits (70年代), a period by its months (10～12月期 for "the three months to
December", 1～3月期 for "the first quarter"), and the year a translation gives for "the
decade"."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..text.numerals import DIGIT_MAP, Quantity, parse_english_number, same_value

#: A year of four digits opening a range, right before a year written with its last two
#: digits (1961年から63年, 2019～21年).
_RANGE_FROM_YEAR = re.compile(r"(\d{2})\d{2}年?(?:から|～|〜|~|－|-)$")


def _short_year_of_range(q: Quantity, e: Quantity, seg: str) -> bool:
    """True when Japanese ``q`` is the last two digits of a year ending a range opened by a
    year of four digits (63年 of 1961年から63年 for "between 1961 and 1963") and English ``e``
    is that year."""
    if not (0 <= q.value < 100 and float(q.value).is_integer()):
        return False
    m = _RANGE_FROM_YEAR.search(seg[max(0, q.start - 8) : q.start])
    return m is not None and same_value(e.value, int(m.group(1)) * 100 + q.value)


#: Two digits and 年 (31年, 31年末, 31年度).
TWO_DIGIT_YEAR = re.compile(r"[0-9０-９]{1,2}年")
#: What follows a count of years, not a year (24年間 "24 years", 24年前, 24年ぶり, 24年目).
_YEARS_COUNTED = re.compile(r"(?:間|前|後|ぶり|振り|目|来|余|以上|近く|超|足らず|連続)")


def short_year(q: Quantity, e: Quantity, seg: str) -> bool:
    """True when Japanese ``q`` is a year written by its last two digits, as Japanese
    newspapers write it (94年の事件, 24年度, 29年まで) and English ``e`` is that year of
    four digits (1994, 2024, 2029); not a count of years (24年間, 24年前). The last year of
    a range (:func:`_short_year_of_range`) is one too."""
    if not (0 <= q.value < 100 and float(q.value).is_integer()):
        return False
    if _short_year_of_range(q, e, seg):
        return True
    if not (e.kind == "num" and 1900 <= e.value < 2100 and re.fullmatch(r"\d{4}", e.text)
            and e.value % 100 == q.value):
        return False
    year = TWO_DIGIT_YEAR.match(seg, q.start)
    if year is None:
        return False
    return _YEARS_COUNTED.match(seg, year.end()) is None and not (
        q.start and seg[q.start - 1] in "平成令和昭大正治")


def decade_of_century(q: Quantity, e: Quantity, seg: str) -> bool:
    """True when Japanese ``q`` names a decade by two digits (70年代, 80年代の) and English
    ``e`` is that decade's year in the 1900s or 2000s ("the 1970s")."""
    if not (10 <= q.value <= 90 and float(q.value).is_integer() and q.value % 10 == 0):
        return False
    after = seg[q.end : q.end + 2]
    if not (after.startswith("代") and q.text.endswith("年") or after == "年代"):
        return False
    return any(same_value(e.value, century + q.value) for century in (1900.0, 2000.0))



#: A span of months written as a range (10～12月期 for "the three months to December").
MONTH_RANGE_END = re.compile(r"[～〜~\-－ー]([0-9０-９]{1,2})月")
#: The length in months of a period the English names: "three months", "quarter", "half".
_PERIOD_MONTHS = re.compile(r"\b(?:(\w+)[\s-]+months?|(quarter)|(half)[\s-]+(?:year))\b",
                            re.I)


def period_start(q: Quantity, seg: str, en_q: Sequence[Quantity], reference: str) -> bool:
    """True when ``q`` opens a range of months (10～12月期) whose last month the English
    names, and whose length is a period the English gives ("the three months to
    December", "the quarter to June", "the half year to September"): Japanese writes a
    period by its months."""
    m = MONTH_RANGE_END.match(seg, q.end)
    if m is None or not 1 <= q.value <= 12:
        return False
    last = int(m.group(1).translate(DIGIT_MAP))
    if not any(e.kind == "month" and e.value == last for e in en_q):
        return False
    span = (last - int(q.value)) % 12 + 1
    for p in _PERIOD_MONTHS.finditer(reference):
        n: float | None = 3 if p.group(2) else 6 if p.group(3) else parse_english_number(
            p.group(1))
        if n == span:
            return True
    return False


#: A range of months (1～3月) and the English ordinal of a quarter ("the first quarter").
_MONTH_RANGE = re.compile(r"([0-9０-９]{1,2})[～〜~\-－ー]([0-9０-９]{1,2})月")
_QUARTER = re.compile(r"\b(first|second|third|fourth|final|last)\s+quarter\b", re.I)
_QUARTER_NUMBER = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4}


def quarter_said(q: Quantity, seg: str, reference: str) -> bool:
    """True when ``q`` is a month of a range that is a calendar quarter (1～3月期, 10～12月)
    and the English names that quarter by its ordinal ("the first quarter of next year";
    "last quarter" is any): Japanese writes a quarter by its months."""
    for m in _MONTH_RANGE.finditer(seg):
        if not m.start() <= q.start < m.end():
            continue
        a, b = (int(x.translate(DIGIT_MAP)) for x in m.groups())
        if b - a != 2 or a % 3 != 1:
            return False
        said = {_QUARTER_NUMBER.get(w.lower(), 0) for w in _QUARTER.findall(reference)}
        return bool(said) and (0 in said or (a + 2) // 3 in said)
    return False



#: The English speaks of a decade without its years ("by the end of the decade").
_THE_DECADE = re.compile(r"\b(?:the|this|next|coming|current)\s+decade\b", re.I)


def decade_made_explicit(q: Quantity, seg: str, reference: str) -> bool:
    """True when Japanese ``q`` is a year that names the decade the English leaves unnamed
    ("by the end of the decade" → 2030年末まで, 2029年まで, 2020年代末): a decade
    (…年代) or its last or first year, in an English pair that says "the decade"."""
    if not (1900 <= q.value < 2100 and float(q.value).is_integer()
            and _THE_DECADE.search(reference)):
        return False
    decade = seg[q.end : q.end + 2] == "年代" or (q.text.endswith("年")
                                                 and seg[q.end : q.end + 1] == "代")
    return decade or q.value % 10 in (0, 9)


#: A period of years and months (4年6カ月, 1年6か月): the months after the years.
_YEARS_BEFORE_MONTHS = re.compile(r"([0-9０-９]+)年$")
_MONTHS_AFTER = re.compile(r"(?:^|(?<=\d))(?:カ|か|ヶ|ケ|ヵ|箇)月")


def months_of_years(q: Quantity, seg: str, en_q: Sequence[Quantity],
                    reference: str) -> bool:
    """True when Japanese ``q`` is the months of a period of years and months (6カ月 of
    4年6カ月) that the English says in years or in months: "four and a half years"
    (four, and a half for 6 months), "18 months" (1年6カ月)."""
    if not (_MONTHS_AFTER.search(q.text) or _MONTHS_AFTER.match(seg[q.end : q.end + 3])):
        return False
    m = _YEARS_BEFORE_MONTHS.search(seg[max(0, q.start - 6) : q.start])
    if m is None or not 0 < q.value < 12:
        return False
    years = float(m.group(1).translate(DIGIT_MAP))
    total = years * 12 + q.value
    if any(same_value(e.value, total) or same_value(e.value, years + q.value / 12)
           for e in en_q):
        return True  # "18 months", "4.5 years"
    return q.value == 6 and re.search(r"\band\s+a\s+half\s+years?\b", reference, re.I) is not None


#: The dateline of a Japanese wire story, its day last (【マニラ5月2日】, 【ロンドン共同2日】).
_JA_DATELINE = re.compile(r"【[^】\n]{0,24}?([0-9０-９]{1,2})日】")
#: How many days before or after the dateline's a weekday of the story may fall.
WEEK = 7


def weekday_date(q: Quantity, seg: str, en_q: Sequence[Quantity], article: str) -> bool:
    """True when Japanese ``q`` is a day of the month alone (6日 of 6日から, no month
    before it, no 日間 "days" after it) standing where the English (its quantities
    ``en_q``) names a day of the week, within a week of the day of the article's dateline
    (【マニラ5月2日】): Japanese news gives the weekdays of its English source as dates
    ("from Monday" → 6日から)."""
    if not q.text.endswith("日") or q.start and seg[q.start - 1] in "月/／":
        return False
    if seg.startswith("間", q.end) or not any(e.kind == "weekday" for e in en_q):
        return False
    m = _JA_DATELINE.search(article[:200])
    if m is None:
        return False
    diff = (q.value - int(m.group(1).translate(DIGIT_MAP))) % 31  # (a month's turn)
    return diff <= WEEK or diff >= 31 - WEEK


def quantity_rendered(q: Quantity, ja: Sequence[Quantity], ja_values: frozenset[float]) -> bool:
    """Whether the Japanese has the value of English quantity ``q`` (a month as 3月 or a
    bare 3, a time as 午後7時 or 19時, a weekday as 火曜日 or (火))."""
    def same(a: float, b: float) -> bool:
        return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))

    if q.kind == "weekday":  # 火曜日, or the date a Japanese newsroom gives instead (9日)
        return any((j.kind == "weekday" and same(j.value, q.value))
                   or (j.kind == "num" and j.text.endswith("日")) for j in ja)
    if q.kind == "time":
        hours = {q.value // 60, (q.value // 60) % 12}
        return any(j.kind == "time" and same(j.value % 720, q.value % 720) for j in ja) or any(
            v in ja_values for v in hours)
    if q.kind == "month":  # 3月, not any 3 of the sentence
        return any(j.kind == "month" and same(j.value, q.value) for j in ja)
    if 0 < q.value < 1 and any(same(v, q.value * 100) for v in ja_values):
        return True  # a quarter as 25%
    return q.value in ja_values or any(same(j.value, q.value) for j in ja)


#: "months" after a number ("18 months", "the past 18 months").
MONTHS_AFTER = re.compile(r"[\s-]+months?\b", re.I)


def years_of_months(months: float, text: str) -> bool:
    """Whether ``text`` counts ``months`` (a multiple of six) in years: 1年半 for 18, 2年
    for 24, 半年 for 6."""
    if months <= 0 or months % 6:
        return False
    years, half = divmod(int(months), 12)
    said = "半年" if not years else f"{years}年半" if half else f"{years}年"
    return said in text.translate(DIGIT_MAP)
