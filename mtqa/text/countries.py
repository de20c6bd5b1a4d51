"""Countries named in English and their Japanese renderings, for the phrase-omission check.

English names a country three ways: by its name ("Belgium"), by an adjective or demonym
("Belgian ministers", "British") and by a short form ("UK", "U.S."). Japanese renders all
three by the country's name (ベルギー, 英国, 米国), which the word dictionary does not link to
the adjective or the short form: JMdict glosses ベルギー "Belgium", not "Belgian", and 英国
"United Kingdom" and "Britain", not "UK". This module joins the two resources:

* the forms of each country come from ``mtqa/data/countries.tsv`` (ISO 3166-1 short names,
  the CIA World Factbook's adjectives, the AP and Reuters abbreviations);
* the Japanese renderings of a country are the JMdict headwords (kanji or katakana) of the
  senses that any of its forms glosses exactly, capitalised as written ("Britain" → 英国,
  イギリス, 英; "US" → 米国), so that "UK" is rendered by 英国 through "United Kingdom".
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources

from . import jmdict
from .lexicon import proper_headwords

_COUNTRY_FILE = "countries.tsv"


@dataclass(frozen=True, slots=True)
class CountryMention:
    """A country named in English text: where, and the Japanese that renders it."""

    start: int
    end: int
    #: every form of the country (name, adjectives, short forms), as the list writes them
    forms: tuple[str, ...]
    #: the Japanese words that render the country (ベルギー; 英国, イギリス, 英)
    renderings: frozenset[str]


@functools.lru_cache(maxsize=1)
def country_forms() -> tuple[tuple[str, ...], ...]:
    """Each country's forms, name first (``countries.tsv``: name, adjectives, short
    forms; '|' between alternatives, '#' a comment)."""
    text = resources.files("mtqa").joinpath("data", _COUNTRY_FILE).read_text(encoding="utf-8")
    out: list[tuple[str, ...]] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        forms = [f.strip() for cell in line.split("\t") for f in cell.split("|") if f.strip()]
        out.append(tuple(dict.fromkeys(forms)))
    return tuple(out)


@functools.lru_cache(maxsize=1)
def _by_form() -> dict[str, tuple[str, ...]]:
    """Every form of every country → that country's forms (a form two countries share,
    such as "Korea", belongs to the first the list gives)."""
    out: dict[str, tuple[str, ...]] = {}
    for forms in country_forms():
        for f in forms:
            out.setdefault(f, forms)
    return out


@functools.lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    """Any form, longest first, as a whole word, case-sensitive (country names are
    capitalised; "us" is a pronoun, "US" a country)."""
    forms = sorted(_by_form(), key=len, reverse=True)
    alts = "|".join(re.escape(f) for f in forms)
    # (the lookahead on the forms' first letters skips every other place at once, instead
    # of trying 400 alternatives at each character: 2.9 → 0.02 ms a sentence, #17)
    firsts = re.escape("".join(sorted({f[0] for f in forms})))
    return re.compile(rf"(?<![\w.])(?=[{firsts}])(?:{alts})(?![\w\-])")


@functools.lru_cache(maxsize=512)
def country_renderings(forms: tuple[str, ...]) -> frozenset[str]:
    """The Japanese words that render a country of ``forms``: the JMdict headwords of
    every form (a short form with its dots or without: "U.S.", "US")."""
    out: set[str] = set()
    for f in forms:
        for g in dict.fromkeys((f, f.replace(".", ""))):
            out |= proper_headwords(g)
    return frozenset(out)


#: A one-kanji abbreviation of a country stands first in a compound (英首相, 米政府, 日韓):
#: alone, or after another kanji (毎日, 和), it is another word.
_KANJI = "\u3400-\u9fff々"


def renders_country(japanese_text: str, renderings: frozenset[str]) -> bool:
    """Whether ``japanese_text`` has one of a country's ``renderings``: a word of two or
    more characters anywhere, a one-kanji abbreviation (英, 米, 独) only opening a kanji
    or katakana compound (米国務長官, 米メディア企業, 英ロイター); a single Latin letter (J)
    never."""
    for r in renderings:
        if len(r) >= 2:
            if r in japanese_text:
                return True
        elif re.match(f"[{_KANJI}]", r) and (re.search(
                f"(?<![{_KANJI}]){re.escape(r)}[{_KANJI}・\u30A1-\u30FA]", japanese_text)
                or _in_country_pair(japanese_text, r)):
            return True
    return False


def _in_country_pair(japanese_text: str, r: str) -> bool:
    """Whether the one-kanji abbreviation ``r`` is the second of a pair of them standing
    as a word (豪比 "Australia and the Philippines", 日米, 米中, 欧米)."""
    pairs = _abbreviations()
    for m in re.finditer(f"(?<![{_KANJI}])([{_KANJI}]){re.escape(r)}(?![{_KANJI}])",
                         japanese_text):
        if m.group(1) in pairs or _region_abbreviation(m.group(1)):
            return True
    return False


def _region_abbreviation(kanji: str) -> bool:
    """Whether JMdict's first gloss of the one kanji is a place's name (欧 "Europe"): it
    pairs with a country's abbreviation as a country's does (欧米 "Europe and America")."""
    first = jmdict.glosses(kanji)[:1]
    return bool(first) and first[0][:1].isupper() and " " not in first[0]


@functools.lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    """The one-kanji abbreviations of every country (米, 英, 豪, 比...)."""
    return frozenset(r for forms in country_forms() for r in country_renderings(forms)
                     if len(r) == 1 and re.match(f"[{_KANJI}]", r))


def country_mentions(text: str) -> Iterator[CountryMention]:
    """The countries English ``text`` names, by name, adjective or short form, in text
    order (the longest form at a place: "South Korean", not "Korean")."""
    by_form = _by_form()
    for m in _pattern().finditer(text):
        forms = by_form[m.group(0)]
        yield CountryMention(m.start(), m.end(), forms, country_renderings(forms))


def mentions_country(text: str, forms: tuple[str, ...]) -> bool:
    """Whether English ``text`` names the country of ``forms`` in any of its forms."""
    return any(c.forms == forms for c in country_mentions(text))


@functools.lru_cache(maxsize=1)
def _by_bare_form() -> dict[str, tuple[str, ...]]:
    """Every form, and every form without its dots ("US" for "U.S."), → that country's
    forms."""
    out = dict(_by_form())
    for f, forms in _by_form().items():
        out.setdefault(f.replace(".", ""), forms)
    return out


def is_country_form(word: str) -> bool:
    """Whether English ``word`` is a form of a country of ``countries.tsv`` (its name, an
    adjective or a short form, with or without dots: Canada, Canadian, U.S., US)."""
    return word in _by_bare_form()


@functools.lru_cache(maxsize=4096)
def countries_rendered_by(word: str) -> tuple[tuple[str, ...], ...]:
    """The countries (each as its forms) that the Japanese ``word`` of two or more
    characters names: those one of whose forms JMdict glosses the word with, exactly or
    with a note ("Georgia (country)"): フランス → France, 英国 → United Kingdom (by
    "Britain"); () for any other word. The inverse of :func:`country_renderings`, looked up
    from the word's own entry (building the inverse of every country's renderings costs a
    JMdict search per form). A word that is also an ordinary noun (チリ "dust", タイ "sea
    bream") should be read as a place by the caller first (UniDic's 地名)."""
    if len(word) < 2:
        return ()
    by_form = _by_bare_form()
    out: list[tuple[str, ...]] = []
    for gloss in jmdict.glosses(word, max_senses=100):
        forms = by_form.get(re.sub(r"\s+\([^)]*\)$", "", gloss))
        if forms is not None and forms not in out:
            out.append(forms)
    return tuple(out)
