"""An English acronym read as the English word it spells (``MIS005``, the ``acronyms``
check).

Some acronyms spell an English pronoun: US (the United States), IT (information
technology), WHO (the World Health Organization). A translation that reads the letters as
the word gives the pronoun in Japanese: "talks between US and Russian officials" becomes
私たちとロシアの役人 ("us and Russian officials"), "the IT department" それ部門, "WHO
guidance" 誰の指針. The organisation or the country is gone from the sentence and a
speaker who is not there has taken its place, so major.

A Japanese pronoun (UniDic 代名詞, with its plural suffix: 私｜たち) is reported when
JMdict's first two senses gloss it with the lower-cased acronym of its English (私たち "we;
us" for US), and the English of the pair has no pronoun of that person in lower or title
case (we, us, our, ours, ourselves): then the Japanese pronoun renders nothing but the
acronym's letters. An English sentence written in capitals (a shouted headline, "HOW DO WE
KILL THEM?") has no acronyms to read.

On the 4,094 translations of WMT24 ESA en-ja dev (one paragraph says "In the US") and the
1,000 of WMT22 en-ja dev no sentence is reported.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from ..text import japanese, jmdict
from ..text.english import STOPWORDS, pronoun_forms, words
from ..text.similarity import shouting
from ..types import AlignedPair, Finding
from . import BaseCheck, Context, pair_segments

#: JMdict senses read for a pronoun's English: its common readings, not the rare ones
#: (彼 is "that" first, "he" second).
PRONOUN_SENSES = 2
#: Suffixes that make a Japanese pronoun plural (私たち, 彼ら, 我々ども): the word with them
#: is looked up whole.
_PLURAL_POS = "接尾辞"


def _acronyms(reference: str) -> dict[str, str]:
    """Lower-cased form → spelling of the English acronyms of ``reference`` that spell a
    pronoun or another function word (US → "us"), none in a sentence written in capitals."""
    if shouting(reference):
        return {}
    return {w.lower: w.text for w in words(reference)
            if len(w.text) > 1 and w.text.isalpha() and w.text.isupper()
            and w.lower in STOPWORDS}


def _said(reference: str) -> frozenset[str]:
    """The lower-cased words of ``reference`` that are not acronyms."""
    return frozenset(w.lower for w in words(reference)
                     if not (len(w.text) > 1 and w.text.isupper()))


class AcronymCheck(BaseCheck):
    """Flag a Japanese pronoun that renders an English acronym read as a word (US → 私たち)."""

    name: ClassVar[str] = "acronyms"
    version: ClassVar[int] = 1
    requires: ClassVar[frozenset[str]] = frozenset()

    def run(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]:
        if pair.chrome or not pair.mt_sentences or not pair.ref_sentences:
            return
        acronyms = _acronyms(pair.reference)
        if not acronyms:
            return
        said = _said(pair.reference)
        text = ctx.translation.text
        for seg, offset, _ in pair_segments(pair, ctx):
            toks = japanese.tokenize(seg)
            for i, tok in enumerate(toks):
                if tok.pos1 != "代名詞":
                    continue
                end = i + 1
                while (end < len(toks) and toks[end].pos1 == _PLURAL_POS
                       and toks[end].start == toks[end - 1].end):
                    end += 1
                form = seg[tok.start : toks[end - 1].end]
                glossed = jmdict.gloss_words(form, PRONOUN_SENSES)
                read_as = [lw for lw in acronyms if lw in glossed]
                if not read_as:
                    continue
                # a pronoun of that person in the English: the Japanese may render it
                if any(pronoun_forms(g) & said or g in said for g in glossed):
                    continue
                acronym = acronyms[read_as[0]]
                yield self.finding(
                    text, offset + tok.start, offset + toks[end - 1].end,
                    category="mistranslation",
                    severity="major",
                    message=(f"'{form}' reads the acronym '{acronym}' as the English word "
                             f"'{read_as[0]}': the English has no such pronoun"),
                    pair=pair,
                    code="MIS005",
                    evidence={"acronym": acronym},
                )
