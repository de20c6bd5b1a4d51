"""Years, decades and periods of months as Japanese news writes them, for the numbers check
(:mod:`mtqa.checks.numbers`): a year by its last two digits (94年 for 1994; 1961年から63年),
a decade by two digits (70年代), a period by its months (10～12月期 for "the three months to
December", 1～3月期 for "the first quarter"), and the year a translation gives for "the
decade"."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..text.numerals import DIGIT_MAP, EN_ORDINALS, Quantity, parse_english_number, same_value

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


#: The dateline of a Japanese wire story, its day last (【マニラ5月2日】, 【ロンドン共同2日】,
#: or a line opening マドリード5月18日 ―).
_JA_DATELINE = re.compile(r"【[^】\n]{0,24}?([0-9０-９]{1,2})日】"
                          r"|(?m:^[^\s【\n]{1,16}?[0-9０-９]{1,2}月([0-9０-９]{1,2})日\s*[―—–])")
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
    day = m.group(1) or m.group(2)  # (【マニラ5月2日】, or マドリード5月18日 ― unbracketed)
    diff = (q.value - int(day.translate(DIGIT_MAP))) % 31  # (a month's turn)
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


#: A quarter or half of a year by its ordinal (第4四半期, 上半期) and the ordinal each names.
_JA_ORDINAL_PERIOD = re.compile(r"第([1-4１-４一二三四])四半期|(上半期|上期)|(下半期|下期)")
_JA_ORDINAL = {"1": 1, "2": 2, "3": 3, "4": 4, "１": 1, "２": 2, "３": 3, "４": 4,
               "一": 1, "二": 2, "三": 3, "四": 4}
#: The English ordinal of a quarter ("the fourth quarter", "Q4", "fiscal third-quarter")
#: or of a half ("the first half").
_EN_ORDINAL_QUARTER = re.compile(
    r"\b(?:(first|second|third|fourth)[\s-]+quarter|Q([1-4]))\b", re.I)
_EN_ORDINAL_HALF = re.compile(r"\b(first|second)[\s-]+half\b", re.I)


def ordinal_periods_changed(seg: str, reference: str) -> list[tuple[int, int, str]]:
    """(start, end, the English said) of each quarter or half of the year that the
    Japanese of a pair numbers otherwise than its English: 第1四半期 for "the fourth
    quarter", 下半期 for "the first half". Only where the English names quarters (halves)
    by their ordinal and none is the Japanese one; "the last quarter" (the previous one, or
    the fourth) names none."""
    quarters = {EN_ORDINALS[m.group(1).lower()] if m.group(1) else int(m.group(2))
                for m in _EN_ORDINAL_QUARTER.finditer(reference)}
    halves = {EN_ORDINALS[m.group(1).lower()] for m in _EN_ORDINAL_HALF.finditer(reference)}
    out = []
    for m in _JA_ORDINAL_PERIOD.finditer(seg):
        if m.group(1):
            said, n, what = quarters, _JA_ORDINAL[m.group(1)], "quarter"
        else:
            said, n, what = halves, 1 if m.group(2) else 2, "half"
        if said and n not in said:
            words = ", ".join(m2.group() for m2 in (
                _EN_ORDINAL_QUARTER if what == "quarter" else _EN_ORDINAL_HALF).finditer(reference))
            out.append((m.start(), m.end(), words))
    return out


#: Japanese words of a time counted from today (今年 this year, 来週 next week, 昨日
#: yesterday): unit and offset. Words counted from another time of the story (前年 "the
#: year before", 翌月 "the following month") are not among them: 前年比 says "from a year
#: earlier" whatever the English's "this year".
_JA_DEICTIC: dict[str, tuple[str, int]] = {
    "今年度": ("year", 0), "本年度": ("year", 0), "来年度": ("year", 1), "昨年度": ("year", -1),
    "今年": ("year", 0), "本年": ("year", 0), "来年": ("year", 1), "昨年": ("year", -1),
    "去年": ("year", -1), "今月": ("month", 0), "来月": ("month", 1), "先月": ("month", -1),
    "今週": ("week", 0), "来週": ("week", 1), "先週": ("week", -1),
    "今日": ("day", 0), "本日": ("day", 0), "明日": ("day", 1), "あす": ("day", 1),
    "昨日": ("day", -1), "今季": ("season", 0), "来季": ("season", 1), "昨季": ("season", -1),
}
#: Japanese words counted from a time of the story (前年 "the year before"), which may
#: render an English time counted from today ("last year" → 前年).
_JA_RELATIVE: dict[str, tuple[str, int]] = {
    "前年": ("year", -1), "前年度": ("year", -1), "翌年": ("year", 1), "翌年度": ("year", 1),
    "前月": ("month", -1), "翌月": ("month", 1), "前週": ("week", -1), "翌週": ("week", 1),
    "前日": ("day", -1), "翌日": ("day", 1)}


def _offset_said(seg: str, unit: str, offset: int) -> bool:
    """Whether the Japanese has a word of ``unit`` and ``offset`` (来年, or 翌年)."""
    return any(v == (unit, offset) and w in seg
               for w, v in (*_JA_DEICTIC.items(), *_JA_RELATIVE.items()))


#: The units of the calendar one may be put for another (a season is a year of sport).
_CALENDAR_UNITS = frozenset({"day", "week", "month", "year"})
_JA_DEICTIC_RE = re.compile("|".join(sorted(_JA_DEICTIC, key=len, reverse=True)))
#: English times counted from today: "this year", "next fiscal year", "last week",
#: "yesterday"; not "the last week of March" nor "the past year" (the twelve months up to
#: now, 過去1年).
_EN_DEICTIC = re.compile(
    r"\b(?:(this|next|last|coming)\s+(?:(?:fiscal|financial|calendar|school)\s+)?"
    r"(year|month|week|weekend|season)(?!\s+of\b)|(today|tomorrow|yesterday|tonight))\b", re.I)
_EN_OFFSET = {"this": 0, "next": 1, "coming": 1, "last": -1, "today": 0, "tonight": 0,
              "tomorrow": 1, "yesterday": -1}


def english_deictic_times(reference: str) -> list[tuple[str, int, str]]:
    """(unit, offset, words) of each time the English counts from today."""
    out = []
    for m in _EN_DEICTIC.finditer(reference):
        if m.group(3):
            out.append(("day", _EN_OFFSET[m.group(3).lower()], m.group()))
            continue
        if m.group(1).lower() == "last" and reference[max(0, m.start() - 4) : m.start()].lower(
                ).endswith("the "):
            continue  # "the last year" is the past twelve months
        unit = "week" if m.group(2).lower() == "weekend" else m.group(2).lower()
        out.append((unit, _EN_OFFSET[m.group(1).lower()], m.group()))
    return out


def deictic_times_changed(seg: str, reference: str) -> list[tuple[int, int, str]]:
    """(start, end, the English said) of each Japanese time counted from today whose
    offset the English of the pair does not give for that unit, where the English gives
    that unit at least as many times as the Japanese (来年 for "next month" is no change of
    year; 今年度 for "the next fiscal year" is). A Japanese time the English lacks may be an
    explicitation (来年 for "in 2027") and is left alone."""
    english = english_deictic_times(reference)
    japanese = [(m, _JA_DEICTIC[m.group()]) for m in _JA_DEICTIC_RE.finditer(seg)]
    out = []
    ja_units = {u for _, (u, _) in japanese}
    for m, (unit, offset) in japanese:
        said = [(o, w) for u, o, w in english if u == unit]
        if not said and unit in _CALENDAR_UNITS:
            # another unit of the calendar that the Japanese does not say (来週 for "next
            # month", no 来月 anywhere in the pair)
            said = [(o, w) for u, o, w in english if u in _CALENDAR_UNITS and u not in ja_units]
            if said and sum(1 for _, (u, _) in japanese if u == unit) <= len(said):
                out.append((m.start(), m.end(), ", ".join(w for _, w in said)))
            continue
        if not said or any(o == offset for o, _ in said):
            continue
        if all(_offset_said(seg, unit, o) for o, _ in said):
            continue  # each English time has its Japanese: this one renders another (今年度
            # for "the year", beside 前年 for "last year")
        if sum(1 for _, (u, _) in japanese if u == unit) > len(said):
            continue
        out.append((m.start(), m.end(), ", ".join(w for _, w in said)))
    return out
