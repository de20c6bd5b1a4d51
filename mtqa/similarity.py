"""Cross-lingual similarity of a Japanese sentence (through its back-translation and JMdict
glosses) and an English sentence. Shared by the aligner and the checks.
"""

from __future__ import annotations

import functools
import re

from . import japanese, jmdict
from .english import STOPWORDS, stem, words

_DIGITS = re.compile(r"\d+")


@functools.lru_cache(maxsize=8192)
def english_bag(text: str) -> tuple[frozenset[str], frozenset[str], int]:
    """(content stems, anchors, number of content words) of an English sentence.

    Anchors are tokens that cross languages unchanged: digit strings and Latin words.
    """
    stems: set[str] = set()
    anchors: set[str] = set()
    n = 0
    for w in words(text):
        lw = w.lower
        if lw in STOPWORDS:
            continue
        n += 1
        stems.add(stem(lw))
        if lw[0].isdigit():
            anchors.add(re.sub(r"[,.]", "", lw))
        elif w.text[0].isupper():
            anchors.add(lw)
    return frozenset(stems), frozenset(anchors), n


@functools.lru_cache(maxsize=8192)
def japanese_bag(text: str, back_translation: str = "") -> tuple[frozenset[str], frozenset[str], int]:
    """(gloss stems, anchors, number of content tokens) of a Japanese sentence.

    Gloss stems come from the JMdict glosses of each content token (first senses) and
    from the words of the back-translation. Anchors are digit strings (after NFKC) and
    Latin words; katakana words contribute their romanisation, which matches English names
    when spelled alike (ロシア → roshia is no match, but マルコ → maruko ~ marco is caught
    by the names check, not here).
    """
    stems: set[str] = set()
    anchors: set[str] = set()
    n = 0
    for tok in japanese.tokenize(text):
        if not tok.is_content:
            continue
        n += 1
        surf = japanese.normalize(tok.surface)
        if surf[:1].isdigit():
            anchors.add(re.sub(r"[,.]", "", surf))
            continue
        if japanese.has_latin(surf):
            anchors.add(surf.lower())
            stems.add(stem(surf.lower()))
            continue
        origin = japanese.lemma_origin(tok.lemma)
        if origin:
            stems.update(stem(w) for w in re.findall(r"[a-z]+", origin.lower()))
        for form in {tok.surface, japanese.lemma_base(tok.lemma)}:
            stems.update(stem(w) for w in jmdict.gloss_words(form))
    for w in words(back_translation):
        if w.lower not in STOPWORDS:
            stems.add(stem(w.lower))
    for d in _DIGITS.findall(japanese.normalize(text)):
        anchors.add(d)
    return frozenset(stems), frozenset(anchors), n


def overlap(en_text: str, ja_text: str, back_translation: str = "") -> float:
    """Share of the English content words found among the Japanese glosses, in [0, 1],
    balanced against the Japanese side's size (a Dice-like coefficient)."""
    e_stems, e_anchors, e_n = english_bag(en_text)
    j_stems, j_anchors, j_n = japanese_bag(ja_text, back_translation)
    if e_n == 0 or j_n == 0:
        return 0.0
    hit = len(e_stems & j_stems) + 2 * len(e_anchors & j_anchors)
    return min(1.0, 2.0 * hit / (len(e_stems) + 2 * len(e_anchors) + j_n))
