"""Offline back-translation by dictionary: each Japanese content word → its JMdict gloss.

Not fluent English, but enough to compare content with the reference (alignment,
omissions, calques) with no neural model. Each gloss keeps an attribution to the
Japanese token it came from. Reports label this column "word glosses", not a translation.
"""

from __future__ import annotations

import functools
import importlib.util
import re
from collections.abc import Mapping, Sequence

from ..errors import MissingDependencyError
from ..text import japanese, jmdict
from ..types import Attribution, BackTranslation

#: 2: common senses first, no lookup of kana-only grammar words, no descriptive glosses
#: (#16: し read as "Japanese cherry birch" on most sentences, さつき as "fifth month of
#: the lunar calendar"); 1: the first entry JMdict lists for the surface.
VERSION = 2
#: Formal nouns (形式名詞) by UniDic lemma: written in kana (こと, もの, ため, ところ, わけ,
#: はず, まま, うち, ほう, つもり) they are grammar ("that", "because", "should"), and their
#: dictionary senses (琴 "koto", 為 "good") are noise in a word-by-word gloss.
FORMAL_NOUNS = frozenset({"事", "物", "者", "為", "所", "訳", "筈", "儘", "内", "方", "積もり"})
#: Glosses that describe grammar instead of translating ("prefix for forming ordinal
#: numbers", "pluralizing suffix", "counter for ...", "indicates ..."): no English word of
#: a reference would ever match them.
_DESCRIPTIVE = re.compile(
    r"^(?:(?:honorific |polite |humble )?(?:prefix|suffix)|counter for|indicates|pluraliz|"
    r"pluralis|used (?:to|for|as|after|before|when|in)|particle|auxiliary)\b",
    re.IGNORECASE,
)
_CONJUGATING = frozenset({"動詞", "形容詞", "助動詞"})
#: Modules the glosses need: the tokenizer with its dictionary, and JMdict.
_MODULES = ("fugashi", "unidic_lite", "jamdict")


def gloss_token(tok: japanese.Token) -> str:
    """English for one token: JMdict gloss of the surface or lemma, else romanised reading.

    The raw gloss of engine version 1, kept as it is because the token-risk model
    (mtqa/risk/tokens.py, ``mtqa/data/token_risk.json``) was fitted on features computed with it;
    the back-translator uses :func:`word_gloss`.
    """
    return _raw_gloss(tok.surface, tok.pos1, tok.lemma, tok.reading)


@functools.lru_cache(maxsize=65536)
def _raw_gloss(surface: str, pos1: str, lemma: str, reading: str) -> str:
    """:func:`gloss_token` of a token by the fields it reads; cached process-wide, keyed by
    the word (#17 work done once: an article repeats its words, a feed its vocabulary)."""
    tok = japanese.Token(surface, 0, len(surface), pos1, "", "", lemma, reading, "")
    if tok.is_punct or tok.is_particle or tok.pos1 in {"助動詞", "接尾辞"} and not tok.is_content:
        return ""
    if japanese.has_latin(tok.surface) or tok.surface[:1].isdigit():
        return japanese.normalize(tok.surface)
    for form in (tok.surface, japanese.lemma_base(tok.lemma)):
        g = jmdict.first_gloss(form, tok.reading if form == tok.surface else "")
        if g:
            return g
    return _fallback(tok)


def _fallback(tok: japanese.Token) -> str:
    origin = japanese.lemma_origin(tok.lemma)
    if origin:
        # UniDic records the origin of loanwords (not always English: ロシア-Rossiya), so
        # it only stands in when JMdict has no gloss
        return origin
    if japanese.is_katakana(tok.surface):
        return japanese.romanize(tok.surface)
    return ""


def _is_hiragana(s: str) -> bool:
    return bool(s) and all("\u3041" <= c <= "\u309f" or c == "ー" for c in s)


def word_gloss(tok: japanese.Token) -> str:
    """The English word the dictionary engine writes for one token ("" for none).

    Content words get the common sense of their most common matching entry
    (:func:`mtqa.text.jmdict.common_gloss`). A word written in hiragana is looked up by its
    lemma (言う for いう, not 結う "do up"), and only a common entry is taken: an uncommon
    kana homophone is far more often a mis-split token or a misspelling than that word.
    Grammar written in kana (light verbs し/いる/ある/なる, formal nouns こと/ため, the
    stems of よう/そう) and glosses that describe grammar are left out.
    """
    if tok.is_punct or tok.is_particle or tok.pos1 in {"助動詞", "接尾辞"} and not tok.is_content:
        return ""
    if japanese.has_latin(tok.surface) or tok.surface[:1].isdigit():
        return japanese.normalize(tok.surface)
    lemma = japanese.lemma_base(tok.lemma)
    hiragana = _is_hiragana(tok.surface)
    if tok.pos2 == "助動詞語幹" or hiragana and (tok.pos2 == "非自立可能" or lemma in FORMAL_NOUNS):
        return ""
    if hiragana:
        # a conjugated form's reading is not its lemma's: give the reading only to words
        # that do not conjugate (nouns), where it picks the homograph (五月 read さつき)
        reading = "" if tok.pos1 in _CONJUGATING else tok.reading
        forms = [(lemma, reading), (tok.surface, tok.reading)]
    else:
        forms = [(tok.surface, tok.reading), (lemma, "")]
    for form, reading in forms:
        g = jmdict.common_gloss(form, reading, common_only=hiragana)
        if g:
            return "" if _DESCRIPTIVE.match(g) else g
    return "" if hiragana else _fallback(tok)


class DictionaryBackTranslator:
    """Word-by-word gloss using fugashi tokens and JMdict (jamdict)."""

    name = "dictionary"

    def __init__(self, fallback_note: str | None = None) -> None:
        """Args:
        fallback_note: why ``auto`` chose this engine instead of Marian (the report says
            it: word glosses are a weaker probe than a translation model).
        """
        self._notes: tuple[str, ...] = (fallback_note,) if fallback_note else ()

    @classmethod
    def available(cls, model: str = "") -> bool:
        """True when the tokenizer and the JMdict database are installed (no model: the
        argument is ignored)."""
        if any(importlib.util.find_spec(m) is None for m in _MODULES):
            return False
        try:
            jmdict.database_file()
        except MissingDependencyError:
            return False
        return True

    @property
    def notes(self) -> tuple[str, ...]:
        """The fallback note, when ``auto`` fell back to this engine."""
        return self._notes

    def translate(self, sentences: Sequence[str]) -> list[BackTranslation]:
        out: list[BackTranslation] = []
        for sentence in sentences:
            parts: list[str] = []
            attrs: list[Attribution] = []
            pos = 0
            for tok in japanese.tokenize(sentence):
                g = word_gloss(tok)
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
