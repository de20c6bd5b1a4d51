"""``NAM008``: a name rendered by a katakana word that sounds only partly like it.

A name of the pair's English sentence whose last word (the surname) its Japanese does not
render (no Latin copy, no katakana word that sounds like it even loosely, at
:data:`~.matching.DROPPED_LOOSE_SIM`; a word JMdict knows may be translated), where the
Japanese sentence holds a katakana word that renders nothing else — taken by no name of
the English, no common word of JMdict, and no closer to another name of the English left
unrendered — and sounds like the name's last word from
:data:`GARBLED_MIN` to :data:`GARBLED_MAX` (ホルムグレン for Holmberg, 0.57; ノースウッド for
Northwind, 0.61): the name was garbled, not dropped. Correct renderings sound like the name
from 0.75 up (:data:`~.matching.MATCH_MIN`; names of unusual spelling from about 0.68:
リュブリャナ for Ljubljana), unrelated words up to about 0.6; the band between is where a
transliteration lost or changed a syllable. A name made of English words (FairFlight) is
rendered word by word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from ...text import japanese, jmdict, wordnet
from ...text.countries import is_country_form
from ...text.english import STOPWORDS
from ...text.lexicon import english_entry, name_renderings, places_named_after
from ...text.japanese import romanize
from ...text.phonetic import heard_within, name_similarity, name_similarity_reaches
from ...types import AlignedPair, Finding
from .. import Context
from .base import NameCheckBase
from .english import EN_WORD, NAME_PARTICLES, fold
from .katakana import KanaPart
from .matching import DROPPED_LOOSE_SIM, NEIGHBOUR_MATCH_MIN
from .state import NameState

#: The least similarity of a katakana word to a name it garbles (below it the word is
#: another word, or a name the English calls otherwise) ...
GARBLED_MIN = 0.55
#: ... and the most: from it up, a name of an unusual spelling may be rendered correctly
#: (リュブリャナ for Ljubljana, 0.68).
GARBLED_MAX = 0.65


def _common_word(surface: str) -> bool:
    """Whether the katakana word is a common word: JMdict glosses it as one (パイロット
    "pilot"; a word it glosses only by a name, ノースウッド "Northwood", is a name, maybe
    garbled), or UniDic reads it as common loanwords of three kana or more (ビール｜メーカー,
    ライト｜セット: a name translated, not garbled)."""
    if any(g[:1].islower() for g in jmdict.glosses(surface)):
        return True
    toks = japanese.tokenize(surface)
    return len(toks) > 1 and all(t.pos2 == "普通名詞" and len(t.surface) >= 3 for t in toks)


#: Kana that make no syllable of their own: small kana join the one before, ー lengthens
#: it, ッ doubles the next consonant, ン closes a syllable.
_NO_SYLLABLE = re.compile(r"[ァィゥェォャュョヮー・ッン]")


def _fewer_syllables(english: str, katakana: str) -> bool:
    """Whether the katakana has fewer syllables than the English word has vowel groups
    (アバシー, 3, for Abernathy, 4: a syllable lost). Katakana adds vowels to English
    consonants (ヘイル for Hale, ヴィエジビツキ for Wierzbicki), so it never has fewer
    when every syllable is rendered."""
    vowels = len(re.findall(r"[aeiouy]+", english.lower()))
    return len(_NO_SYLLABLE.sub("", katakana)) < vowels


def _place_of(surface: str, word: str) -> bool:
    """Whether a word of the katakana run is a place JMdict glosses with the first five
    letters of the English word, an adjective of it (ユーラシア "Eurasia" in ユーラシアカワウソ
    for "Eurasian"): the run renders the adjective by its place's name, and goes on with a
    word of its own."""
    if len(word) < 5 or not word.endswith(_ADJECTIVE_ENDINGS):
        return False  # (Northwind is no adjective of the North: ノースウッド is garbled)
    return any(g[:1].isupper() and g.lower()[:5] == word[:5]
               for t in japanese.tokenize(surface) for g in jmdict.glosses(t.surface))


#: Endings of an adjective of a place ("Eurasian", "Bavarian", "Chinese", "Flemish").
_ADJECTIVE_ENDINGS = ("an", "ese", "ish", "ic", "i")


def _unhyphenated(last: str) -> str:
    """The word's own part: "Grenoble-based" is Grenoble's; a hyphenated name (Part-Dieu,
    Vaulx-en-Velin) is spoken as its own language spells it: no sound to compare ('')."""
    if "-" not in last:
        return last
    pieces = [x for x in last.split("-") if x and not english_entry(x).headwords]
    return pieces[0] if len(pieces) == 1 and len(last.split("-")) <= 2 else ""


def _run_keys(own: dict[KanaPart, tuple[str, float]]) -> dict[tuple[int, int], set[str]]:
    """The English words each katakana run renders, by the parts matched in it."""
    out: dict[tuple[int, int], set[str]] = {}
    for p, (key, _) in own.items():
        out.setdefault((p.run_start, p.run_end), set()).add(key)
    return out


def _partners(usable: Sequence[KanaPart], run_keys: dict[tuple[int, int], set[str]],
              mine: set[str], last: str) -> list[KanaPart]:
    """Parts of runs that render other words of the same name only (リチャード of
    リチャード・アバシー renders Richard: its other part is the surname's) and that lost a
    syllable of the surname ``last`` (:func:`_fewer_syllables`)."""
    return [p for p in usable if (p.run_start, p.run_end) in run_keys
            and run_keys[(p.run_start, p.run_end)] <= mine
            and _fewer_syllables(last, p.surface)]


def _upper(st: NameState, last: str, part: KanaPart) -> float:
    """The most a garbled rendering of the name ``last`` may sound like it: up to
    :data:`GARBLED_MAX`, or up to where a word counts as rendering it at all
    (:data:`~.matching.DROPPED_LOOSE_SIM`) when the article has already written that name
    otherwise, in a spelling that sounds like it (モラン for Moran, then モーガン, 0.69): the
    translator's own spelling shows this is no unusual rendering of the name."""
    if any(r.key == last and r.surface != part.surface and r.sim >= NEIGHBOUR_MATCH_MIN
           for r in st.records):
        return DROPPED_LOOSE_SIM
    return GARBLED_MAX


class GarbledNames(NameCheckBase):
    """``NAM008``: a name garbled in katakana (see the module)."""

    def _garbled(self, pair: AlignedPair, ctx: Context, st: NameState,
                 parts: list[KanaPart], own: dict[KanaPart, tuple[str, float]],
                 taken_runs: set[tuple[int, int]]) -> Iterator[Finding]:
        """NAM008 findings of the pair: each unrendered name's best partial rendering."""
        usable = [p for p in parts if not p.reading and p not in own
                  and len(p.surface) >= 3 and not _common_word(p.surface)]
        if not usable:
            return
        free = [p for p in usable if (p.run_start, p.run_end) not in taken_runs]
        run_keys = _run_keys(own)
        seg = ctx.translation.text[pair.mt_start : pair.mt_end]
        folded = japanese.normalize(seg).lower()
        # other names the part might render (a common word would be its JMdict katakana)
        other_words = {fold(w) for w in EN_WORD.findall(pair.reference)
                       if len(w) >= 3 and w[:1].isupper()}
        text = ctx.translation.text
        used: set[KanaPart] = set()
        for name in st.names:
            if not pair.ref_start <= name.start < pair.ref_end:
                continue
            words = [w for w in name.words if w.lower() not in NAME_PARTICLES]
            # the surname (or the name's last word) unrendered, whatever the given name
            last = _unhyphenated(fold(words[-1])) if words else ""
            if not last:
                continue
            camel = re.findall(r"[A-Z][a-z]+", words[-1])
            if len(camel) > 1 and all(english_entry(c.lower()).headwords for c in camel):
                continue  # FairFlight: words, rendered each by its own katakana
            if any(is_country_form(w) for w in (words[-1], fold(words[-1]).title(),
                                                 words[-1].removesuffix("s"), name.text)):
                continue  # a country has its own Japanese name (ノルウェー for Norwegian,
                # ロシア for "the Russians")
            if (len(last) < 4 or "'" in last or last in STOPWORDS or last in folded
                    or words[-1].isupper()
                    or english_entry(last).headwords
                    # a place JMdict gives in kanji (欧州 for Europe)
                    or any(len(h) >= 2 and h in seg for h in name_renderings(words[-1]))
                    # (or the place the name says as an adjective: エーゲ海, "Aegean")
                    or any(h in seg for h in places_named_after(words[-1]))
                    or any(name_similarity_reaches(last, p.sound, DROPPED_LOOSE_SIM)
                           for p in parts
                           # (a part another name took renders that one: ロンドン)
                           if own.get(p, (last, 0.0))[0] in {last, *map(fold, words)})):
                continue
            if any(heard_within(last, romanize(p.sound)) for p in parts):
                continue  # run together with another word (ブリティッシュコロンビア)
            if any(name_similarity(other, p.sound) >= GARBLED_MAX
                   for other in wordnet.other_names(last) for p in parts):
                continue  # a place called by its own language's name (ヨーテボリ, Göteborg)
            if re.search(rf"\b{re.escape(words[-1])}[\s-]+{re.escape(words[-1])}\b",
                         pair.reference, re.I):
                last = last + last  # a doubled word is one word ("boda boda", ボダボダ)
            partners = _partners(usable, run_keys, {fold(w) for w in words}, last)
            best = max(((name_similarity(last, p.sound), p) for p in free + partners
                        if p not in used),
                       default=None, key=lambda x: x[0])
            if best is None or not GARBLED_MIN <= best[0] < _upper(st, last, best[1]):
                continue
            sim, part = best
            if _place_of(part.surface, last):
                continue  # ユーラシアカワウソ for "Eurasian otters": the place, then a word
            if any(re.search(rf"\b{re.escape(last)}", g, re.I)
                   for g in jmdict.glosses(part.surface)):
                continue  # a word glossed with the name (タイセイヨウサケ "Atlantic salmon")
            # a part that sounds as much like another name of the sentence renders that one
            # (ハーブルク, HARBURG's), unless another part renders that name (ラントゴーデン
            # is Lantgården's: ホルムグレン is then free to be Holmberg's)
            if any(name_similarity(w, part.sound) >= sim
                   and not any(name_similarity_reaches(w, p.sound, DROPPED_LOOSE_SIM)
                               for p in parts if p is not part)
                   for w in other_words if w != last and w not in {fold(x) for x in words}):
                continue
            used.add(part)
            yield self._finding(
                "NAM008", "minor", part.start, part.end, text,
                f"name '{name.text}' rendered as {part.surface}, which sounds only partly like "
                f"it ({sim:.2f}): a syllable lost or changed",
                pair.reference, pair.index, english=name.text, similarity=f"{sim:.2f}",
            )
