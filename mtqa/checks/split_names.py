"""A name split by a word (the scrambled check's ``SCR009``, issue #19 item 2).

Japanese writes a foreign person's name as katakana parts joined by a middle dot, in the
English order: "Charles Schumer" is チャールズ・シューマー. The dot joins the parts of one
name and nothing else stands between them. When the English has two name words side by
side and the Japanese renders the first one followed by the dot, but then puts a word of
Japanese script (kanji or hiragana) before the second part (チャールズ・最近のシューマー,
マイク・ニューヨーク州選出のローラー), a modifier has been moved into the name: the words
of the sentence are out of order.

Both parts are recognised by sound (:func:`mtqa.text.phonetic.name_similarity`), so a list
joined by the dot (ロシア・中国) or a name whose next part is in Latin letters (サンダー・E) is
no split name. On the 4,094 translations of WMT24 ESA en-ja dev (12 systems and a professional
translation) no katakana part followed by the dot is followed by kanji or hiragana at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..text.english import CAPITAL
from ..text.phonetic import name_similarity, name_similarity_reaches, non_rhotic

#: Two name words side by side in the English, with an optional middle initial between
#: them ("Charles Schumer", "John F. Kennedy"); the lookahead keeps overlapping pairs.
_NAME_WORD = CAPITAL + r"(?:[^\W\d_]|['’-])+"  # accented letters too (León, Sørensen)
_EN_PAIR = re.compile(rf"\b({_NAME_WORD})(?=\s+(?:[A-Z]\.\s+)?({_NAME_WORD}))")
#: A katakana part of a name followed by the middle dot.
_JA_PART_DOT = re.compile(r"([ァ-ヺー]{2,})・")
#: A katakana run (a candidate second part).
_JA_PART = re.compile(r"[ァ-ヺー]{2,}")
#: Kanji and hiragana: the script of a word that is no part of a foreign name.
_JAPANESE_WORD = re.compile(r"[\u3041-\u3096\u4e00-\u9fff\u3005]")
#: Punctuation that ends a phrase: a name's parts never stand on both sides of it.
_PHRASE_END = re.compile(r"[、。，．,.!?！？「」『』（）()【】\s]")
#: Characters after the dot within which the second part must come.
MAX_GAP = 24
#: How well each katakana part must sound like its English name word
#: (:func:`mtqa.text.phonetic.name_similarity`): a little below the names check's own floor
#: for a rendering (0.75), as a final English r is a long vowel in katakana (Lawler ローラー
#: 0.73); the order of the parts around the dot and the word between them do the rest.
PART_MIN = 0.7


@dataclass(frozen=True, slots=True)
class SplitName:
    """A split name: its span (offsets into the text given), the English name and the
    Japanese words between its parts."""

    start: int
    end: int
    english: str
    between: str


def english_name_pairs(reference: str) -> list[tuple[str, str]]:
    """Pairs of adjacent capitalised words of the English (first name, next name part)."""
    return [(m.group(1), m.group(2)) for m in _EN_PAIR.finditer(reference)]


def split_names(text: str, start: int, end: int, reference: str) -> Iterator[SplitName]:
    """The names of ``reference`` whose parts ``text[start:end]`` (one sentence) splits."""
    if text.find("・", start, end) < 0:
        return  # (most sentences: the English is not read)
    pairs = english_name_pairs(reference)
    if not pairs:
        return
    for m in _JA_PART_DOT.finditer(text, start, end):
        first = m.group(1)
        after = m.end()
        nxt = _JA_PART.match(text, after)
        heard = {w: name_similarity(w, first) for w in {p[0] for p in pairs}}
        best = max(heard.values())
        for en_first, en_second in pairs:
            if heard[en_first] < PART_MIN or heard[en_first] < best:
                continue  # (ハルブルック is Halbrook, though Vale sounds like it too)
            if nxt is not None and any(
                    name_similarity_reaches(w, nxt.group(), PART_MIN)
                    for w in dict.fromkeys((en_second, non_rhotic(en_second)))):
                break  # the name as it should be (Cork コーク, as a non-rhotic accent says it)
            found = _second_part(text, after, end, en_second)
            if found is not None and not _said_whole(text, start, end, en_first, en_second,
                                                     heard[en_first]):
                yield SplitName(m.start(), found.end(), f"{en_first} {en_second}",
                                text[after : found.start()])
                break


def _said_whole(text: str, start: int, end: int, first: str, second: str,
                floor: float) -> bool:
    """Whether the sentence ``text[start:end]`` writes the name whole elsewhere, a part
    sounding at least ``floor`` like ``first`` right before a part sounding like ``second``
    (サンドラ・コワルチク after カナダ・オンタリオ州の: カナダ・ was a place, not Sandra)."""
    for m in _JA_PART_DOT.finditer(text, start, end):
        nxt = _JA_PART.match(text, m.end())
        if nxt is not None and name_similarity(first, m.group(1)) >= floor and \
                name_similarity_reaches(second, nxt.group(), PART_MIN):
            return True
    return False


def _second_part(text: str, after: int, end: int, second: str) -> re.Match[str] | None:
    """The first katakana run sounding like ``second`` after some Japanese word, within
    :data:`MAX_GAP` characters of ``after`` and the same phrase; None otherwise."""
    limit = min(end, after + MAX_GAP)
    stop = _PHRASE_END.search(text, after, limit)
    if stop is not None:
        limit = stop.start()
    for run in _JA_PART.finditer(text, after, limit):
        if not _JAPANESE_WORD.search(text, after, run.start()):
            continue  # nothing but katakana (or Latin) before it: another part of the name
        if name_similarity_reaches(second, run.group(), PART_MIN):
            return run
    return None
