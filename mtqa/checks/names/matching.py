"""Matching katakana to English names by sound (:mod:`mtqa.text.phonetic`), with the floors
every code of the names check shares: a part renders the English word it sounds most like,
and a name translated word by word (ドイツ鉄道 for Deutsche Bahn) is rendered too."""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Sequence

from ...text import japanese, jmdict
from ...text.english import stem
from ...text.lexicon import english_entry
from ...text.phonetic import (
    kana_key,
    key_similarity,
    latin_key,
    name_similarity,
    name_similarity_reaches,
    romaji_similarity,
    skeletons_reach,
)
from .english import EN_WORD, NAME_PARTICLES
from .katakana import KanaPart, katakana_parts

#: A katakana part is taken as the rendering of an English name word when it sounds at
#: least this much like it (see mtqa.text.phonetic.name_similarity; measured on the
#: annotated cases: correct renderings score ≥ 0.8, unrelated words ≤ 0.6).
MATCH_MIN = 0.75


#: Two spellings are variants of one name only when their own keys agree this much
#: (ヴァン/ファン, ゼレンキー/ゼレンスキー); otherwise they are different words that
#: happen to sound like the same English name.
VARIANT_MIN = 0.75
#: A katakana word matched to a name of a neighbouring sentence only (the alignment may
#: be off) must sound closer to it than one matched within its own sentence.
NEIGHBOUR_MATCH_MIN = 0.85
#: ... and must not sound even this much like a word of its own sentence.
OWN_HINT_MIN = 0.6
#: ... and their romanisations (vowels included, see mtqa.text.phonetic) this much: short
#: names have short keys (Paul → BR) that unrelated words share (バレエ).
VARIANT_ROMAJI_MIN = 0.75
#: A person's name counts as rendered somewhere in the article when a katakana word not
#: taken by another name sounds at least this much like the surname (looser than
#: MATCH_MIN: a garbled rendering is NAM001/NAM002's business; given names are not
#: enough, short keys match too much).
DROPPED_LOOSE_SIM = 0.7


def _gloss_mentions(surface: str, word: str) -> bool:
    w = stem(word)
    return any(stem(g) == w for g in jmdict.gloss_words(surface))


def acceptable_rendering(part: KanaPart, key: str, common: frozenset[str]) -> bool:
    """An ordinary loanword (JMdict has it: パートナー, ファン "fan") renders a name only
    when its gloss is the name itself (ワルツ "waltz" for Waltz) and the English never uses
    that word in lower case, or when it sits in a ・-joined personal name (グエン・バン・コア),
    where it is a syllable of the name."""
    if part.n_parts == 1 and not part.reading and jmdict.glosses(part.surface):
        return key not in common and _gloss_mentions(part.surface, key)
    return True


def match_edges(parts: Sequence[KanaPart], keys: Iterable[str], skip: Container[KanaPart],
           min_sim: float) -> list[tuple[float, int, str]]:
    """(similarity, part index, English word) of every part (but those in ``skip``) and
    English word whose similarity reaches ``min_sim``, best first.

    :func:`name_similarity_reaches` with each key read once, for every word and every
    part (#17 work done once: a sentence's parts meet all its words).
    """
    latin_keys = {key: latin_key(key) for key in keys}
    edges: list[tuple[float, int, str]] = []
    for i, part in enumerate(parts):
        if part in skip:
            continue
        sound_key = kana_key(part.sound)
        for key, key_of_word in latin_keys.items():
            if not skeletons_reach(key_of_word, sound_key, min_sim):
                continue
            sim = name_similarity(key, part.sound)
            if sim >= min_sim:
                edges.append((sim, i, key))
    edges.sort(key=lambda e: (-e[0], e[1], e[2]))
    return edges


def find_rendering(name: str, ja_text: str) -> list[tuple[int, int, float]]:
    """Spans of katakana runs of ``ja_text`` that render the English ``name`` (any of its
    words), best first: (run_start, run_end, similarity). A double-barrelled word is also
    compared by its parts (Dufresne-Hale → デュフレーヌ＝ヘイル: the run's parts are)."""
    words = [w for w in EN_WORD.findall(name) if w.lower() not in NAME_PARTICLES]
    words += [p for w in words if "-" in w for p in w.split("-") if len(p) > 1]
    hits: dict[tuple[int, int], float] = {}
    for part in katakana_parts(ja_text):
        # only the words that reach the floor are graded (#17 work done once: the titles
        # check asks for every holder's name in every sentence, and most parts are another
        # word); the best of them is the best of all words when any reaches it
        sim = max((name_similarity(w, part.surface) for w in words
                   if name_similarity_reaches(w, part.surface, MATCH_MIN)), default=0.0)
        if sim >= MATCH_MIN:
            key = (part.run_start, part.run_end)
            hits[key] = max(hits.get(key, 0.0), sim)
    return sorted(((s, e, v) for (s, e), v in hits.items()), key=lambda t: (-t[2], t[0]))


def rendered_by_words(words: Sequence[str], window: str, parts: Sequence[KanaPart],
                       lo: int, hi: int) -> bool:
    """Whether a name of two words or more is rendered in ``window`` (the Japanese opposite
    its first mention, at offsets ``lo``..``hi`` of the article) word by word, as names of
    organisations and places are: at least half of its words either have a JMdict
    rendering there (International → 国際, Airport → 空港) or sound like a katakana part
    there (Deutsche → ドイツ; ``parts``: those no other name of the English claims).
    Deutsche Bahn → ドイツ鉄道 and Seattle-Tacoma International
    Airport → シアトル・タコマ国際空港 are renderings, not dropped names."""
    split = [p for w in words for p in re.split(r"[-‐]", w) if p]
    if len(split) < 2:
        return False
    near = [p for p in parts if lo <= p.start and p.end <= hi]
    rendered = 0
    for w in split:
        heads = english_entry(w.lower().removesuffix("'s")).headwords
        if any(len(h) >= 2 and japanese.has_kanji(h) and h in window for h in heads) or any(
                name_similarity_reaches(w, p.sound, DROPPED_LOOSE_SIM) for p in near):
            rendered += 1
    return 2 * rendered >= len(split)


def sounds_like_any(sound: str, words: Iterable[str]) -> bool:
    """Whether the kana ``sound`` reaches :data:`OWN_HINT_MIN` with any of ``words``:
    :func:`name_similarity_reaches` over them, with the kana key read once and each
    distinct Latin key tried once (#17: every katakana part meets every word of its
    sentence)."""
    sound_key = kana_key(sound)
    reach: dict[str, bool] = {}
    for w in words:
        key = latin_key(w)
        if key not in reach:
            reach[key] = skeletons_reach(key, sound_key, OWN_HINT_MIN)
        if reach[key] and name_similarity(w, sound) >= OWN_HINT_MIN:
            return True
    return False


def are_variants(a: str, b: str, b_key: str | None = None) -> bool:
    """Whether two katakana spellings are variants of one name (ヴァン/ファン,
    ゼレンキー/ゼレンスキー) rather than two words that sound alike to a loose key."""
    return (
        key_similarity(kana_key(a, strict=True), b_key or kana_key(b, strict=True))
        >= VARIANT_MIN
        and romaji_similarity(a, b) >= VARIANT_ROMAJI_MIN
    )
