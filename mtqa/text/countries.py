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

from . import japanese
from .lexicon import _db, _db_lock

_COUNTRY_FILE = "countries.tsv"
#: Headwords that are readings only (hiragana): a reading is no rendering a newsroom writes.
_HIRAGANA_ONLY = re.compile(r"^[\u3041-\u309f]+$")


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
def _countries() -> tuple[tuple[str, ...], ...]:
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
    for forms in _countries():
        for f in forms:
            out.setdefault(f, forms)
    return out


@functools.lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    """Any form, longest first, as a whole word, case-sensitive (country names are
    capitalised; "us" is a pronoun, "US" a country)."""
    forms = sorted(_by_form(), key=len, reverse=True)
    alts = "|".join(re.escape(f) for f in forms)
    return re.compile(rf"(?<![\w.])(?:{alts})(?![\w\-])")


@functools.lru_cache(maxsize=4096)
def proper_headwords(gloss: str) -> frozenset[str]:
    """The JMdict headwords (kanji or katakana, not bare readings) of the senses glossed
    exactly by ``gloss`` as written, or by ``gloss`` with a parenthesised note ("Georgia
    (country)"): "Belgium" → ベルギー, 白耳義; "Britain" → 英国, イギリス, 英."""
    with _db_lock:
        db = _db()
        ids = sorted({i for (i,) in db.execute(
            "SELECT s.idseq FROM SenseGloss g JOIN Sense s ON g.sid = s.ID "
            "WHERE g.text = ? OR g.text LIKE ? LIMIT 100", (gloss, gloss + " (%"))})
        if not ids:
            return frozenset()
        marks = ",".join("?" * len(ids))
        heads = {t for (t,) in db.execute(
            f"SELECT text FROM Kanji WHERE idseq IN ({marks}) UNION "
            f"SELECT text FROM Kana WHERE idseq IN ({marks})", ids + ids)}
    return frozenset(japanese.normalize(h) for h in heads if not _HIRAGANA_ONLY.match(h))


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
    compound; a single Latin letter (J) never."""
    for r in renderings:
        if len(r) >= 2:
            if r in japanese_text:
                return True
        elif re.match(f"[{_KANJI}]", r) and re.search(
                f"(?<![{_KANJI}]){re.escape(r)}[{_KANJI}・]", japanese_text):
            return True
    return False


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
