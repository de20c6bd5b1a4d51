"""English words left untranslated in the Japanese (``Lavrovは``).

Latin script that belongs in Japanese news is left alone: acronyms (NATO, EU), units
(km, mph), URLs and e-mail addresses, photo credits ("Evelyn Hockstein/AP通信"), brand
and product names marked as such (mixed case like iPhone, a model number as in
"Fab 7", a company marker as in 米Google or Veltrion社), and anything inside page
chrome.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from .. import japanese
from ..english import STOPWORDS
from ..types import AlignedPair, Finding
from . import BaseCheck, Context

# A run of Latin words (ASCII or full-width) possibly joined by spaces, hyphens, apostrophes.
# (Latin-1 and Latin Extended letters included: Comaltitlán, Szabó are one word.)
_L = "A-Za-zＡ-Ｚａ-ｚÀ-ÖØ-öø-ɏ"
_LATIN_RUN = re.compile(rf"[{_L}][{_L}'’\-\.]*(?:[ 　][{_L}][{_L}'’\-\.]*)*")
#: The original spelling given in brackets after the Japanese rendering
#: (マイク・ワルツ（Mike Waltz）, カムデン郡（英語：Camden County）) is a gloss, not an
#: untranslated word.
_BRACKET_GLOSS = re.compile(r"[（(](?:[^（）()]{0,6}[:：])?[^（）()]*[）)]")
_URL = re.compile(r"(https?://|www\.)\S+|\S+@\S+\.\w+|\b\S+\.(com|org|net|jp|co\.jp)\b", re.I)
# A photo credit: "Name/Agency", "(Photographer/Pool Photo via AP)", "写真：…", "©…".
_CREDIT = re.compile(
    r"[A-Za-z][A-Za-z .'\-]*/\s*(?:[A-Za-z][A-Za-z .'\-]*|[^\s。、]{1,12}(?:通信|新聞|社|Photo))"
    r"|(?:写真|撮影|Photo|Credit)\s*[:：]"
    r"|©|\(c\)",
    re.I,
)


def _is_acronym(word: str) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", word)
    # NATO, EU, G7, U.S., CEO: short all-capitals tokens are standard in Japanese news
    return bool(letters) and letters.isupper() and len(letters) <= 6


def _is_brand_like(word: str) -> bool:
    # iPhone, eBay, YouTube: internal capitals mark a trade name kept in Latin script
    return bool(re.search(r"[a-z][A-Z]", word)) or bool(re.match(r"^[a-z]+[A-Z]", word))


#: Units and symbols written in Latin letters in Japanese news (km, kg, mph, ppm, GHz).
_UNITS = frozenset(
    """km kg g mg cm mm m ml l t kt mph kmh ppm ppb hz khz mhz ghz kw mw gw kwh mwh gwh
    gb mb kb tb bps mbps gbps sq ft in lb oz gal ha vs no pm am dc""".split()
)
#: Country and region prefixes of Japanese business news before a company name kept in
#: Latin script (米Google, 独Siemens, 蘭ASML).
_COMPANY_PREFIX = "米英独仏伊蘭中韓台露加豪印瑞西墨伯"
#: Suffixes after a company or product name kept in Latin script (Veltrion社, iPhone版).
_NAME_SUFFIXES = ("社", "製", "版", "株", "ブランド", "グループ")


def _is_designation(text: str, start: int, end: int) -> bool:
    """A product, model or facility designation kept in Latin script: letters followed by
    a number (Fab 7, Galaxy S24, Model 3, Falcon 9, COVID-19)."""
    return bool(re.match(r"[ 　\-]?[0-9０-９]", text[end : end + 2]))


def _is_marked_name(text: str, start: int, end: int) -> bool:
    """A company or brand name marked as such by its Japanese context (米Google,
    Veltrion社), where Japanese business news keeps the Latin spelling."""
    before = text[start - 1 : start] if start else ""
    return (bool(before) and before in _COMPANY_PREFIX) or text[end:].startswith(_NAME_SUFFIXES)


class UntranslatedCheck(BaseCheck):
    """Flag Latin-script words in the Japanese that the translation should have rendered."""

    name: ClassVar[str] = "untranslated"
    version: ClassVar[int] = 2
    requires: ClassVar[frozenset[str]] = frozenset()

    def run(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]:
        if pair.chrome or not pair.mt_sentences:
            return
        text = ctx.translation.text
        seg = text[pair.mt_start : pair.mt_end]
        credit_spans = [m.span() for m in _CREDIT.finditer(seg)]
        credit_spans += [m.span() for m in _BRACKET_GLOSS.finditer(seg)
                         if m.start() > 0 and not japanese.has_latin(seg[m.start() - 1])
                         and not seg[m.start() - 1].isspace()]
        url_spans = [m.span() for m in _URL.finditer(seg)]
        ref_lower = ctx.reference.text.lower()
        for m in _LATIN_RUN.finditer(seg):
            a, b = m.span()
            word = m.group().rstrip(".-'’ ")
            b = a + len(word)
            if not word:
                continue
            if any(s <= a < e for s, e in credit_spans + url_spans):
                continue
            words = re.split(r"[ 　]+", word)
            if all(_is_acronym(w) or _is_brand_like(w) or w.lower().rstrip(".") in _UNITS
                   for w in words):
                continue
            if _is_designation(seg, a, b) or _is_marked_name(seg, a, b):
                continue
            if all(w.lower() in STOPWORDS for w in words):
                continue
            in_ref = word.lower().replace("’", "'") in ref_lower.replace("’", "'")
            start, end = pair.mt_start + a, pair.mt_start + b
            # A name left in Latin script is still recoverable by the reader (minor);
            # ordinary English words leave the Japanese reader without the meaning.
            capitalised = word[:1].isupper()
            severity = "minor" if capitalised else "major"
            what = "name" if capitalised else "words"
            yield Finding(
                category="untranslated",
                severity=severity,
                start=start,
                end=end,
                text=text[start:end],
                message=(
                    f"English {what} '{word}' left untranslated"
                    + (" (copied from the reference)" if in_ref else "")
                ),
                reference=pair.reference,
                check=self.name,
                code="UNT001",
                segment=pair.index,
            )
