"""Offline back-translation by dictionary: each Japanese content word → its JMdict gloss.

Not fluent English, but enough to compare content with the reference (alignment,
omissions, calques) with no neural model. Each gloss keeps an attribution to the
Japanese token it came from.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .. import japanese, jmdict
from ..types import Attribution, BackTranslation

VERSION = 1


def gloss_token(tok: japanese.Token) -> str:
    """English for one token: JMdict gloss of the surface or lemma, else romanised reading."""
    if tok.is_punct or tok.is_particle or tok.pos1 in {"助動詞", "接尾辞"} and not tok.is_content:
        return ""
    if japanese.has_latin(tok.surface) or tok.surface[:1].isdigit():
        return japanese.normalize(tok.surface)
    for form in (tok.surface, japanese.lemma_base(tok.lemma)):
        g = jmdict.first_gloss(form, tok.reading if form == tok.surface else "")
        if g:
            return g
    origin = japanese.lemma_origin(tok.lemma)
    if origin:
        # UniDic records the origin of loanwords (not always English: ロシア-Rossiya), so
        # it only stands in when JMdict has no gloss
        return origin
    if japanese.is_katakana(tok.surface):
        return japanese.romanize(tok.surface)
    return ""


class DictionaryBackTranslator:
    """Word-by-word gloss using fugashi tokens and JMdict (jamdict)."""

    name = "dictionary"

    def translate(self, sentences: Sequence[str]) -> list[BackTranslation]:
        out: list[BackTranslation] = []
        for sentence in sentences:
            parts: list[str] = []
            attrs: list[Attribution] = []
            pos = 0
            for tok in japanese.tokenize(sentence):
                g = gloss_token(tok)
                if not g:
                    continue
                if parts:
                    pos += 1
                parts.append(g)
                attrs.append(Attribution(pos, pos + len(g), tok.start, tok.end))
                pos += len(g)
            out.append(BackTranslation(" ".join(parts), tuple(attrs)))
        return out

    def signature_parts(self) -> Mapping[str, str]:
        return {"bt": f"dictionary-{VERSION}", "dict": jmdict.dictionary_version()}
