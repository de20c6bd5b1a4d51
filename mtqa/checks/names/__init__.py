"""Names of people, places and organisations: garbled or inconsistent katakana renderings.

The English reference gives the names (capitalised word sequences that are not titles,
not sentence-initial common words); the Japanese renders them in katakana, or in kanji
for Japanese people. Each katakana part (runs split at ・ and ＝), and each kanji person
name by its UniDic reading, is matched one-to-one to the word of its own English
sentence — or two or three consecutive name words written as one ("Pine Hollow" →
パインホロウ) — that it sounds most like, through the phonetic keys of
:mod:`mtqa.text.phonetic` (tolerant of l/r, v/b, epenthetic vowels, long vowels, doubled
consonants). Every English word takes part, so that a Japanese word goes to the
ordinary word it renders ("katuna") rather than to a similar-sounding name.

Flagged:

* ``NAM001`` — a name written two ways in one article (ファン・デル・ヘイデン …
  ヴァン・デル・ハイデン): the less frequent spelling is flagged (ties: the later one,
  unless the earlier one sounds clearly less like the English, or it is garbled).
* ``NAM002`` — a person's name with a stray kanji suffix whose meaning is not in the
  English (ゼレンキー校 "Zelenky school" for Zelenskyy); after other names such a suffix
  says what kind of thing is named (モンド紙 for Le Monde) and is normal Japanese.
* ``NAM003`` — a person's name dropped: a person of the English (titled, addressed as
  Mr/Ms/Dr, the subject of "said", or described by an apposition: "Ann Lee, the
  union's secretary,") whose name the Japanese article never renders —
  no katakana that sounds anything like it, no Latin copy, and no kanji personal name
  near the sentence that could stand for it, and not translated word by word (ドイツ鉄道
  for Deutsche Bahn: half of the name's words have a JMdict rendering or a katakana part
  that sounds like them there). Flagged once, on the Japanese sentence aligned with the
  first English mention.
* ``NAM005`` — an honorific and の fused to a name with no noun for the の to modify
  (マクロン氏のは, スミス氏の：): a stray word, whatever the English says.
* ``NAM006`` — one name put in place of another: a katakana person's or place name
  that renders a name said elsewhere in the article (by sound, by the article's own
  rendering of it, or by JMdict for a known place: ニューヨーク), where the English
  sentence has a name its Japanese does not render, or names more often than the
  Japanese gives it with no pronoun the name put in could render (see
  :meth:`.put_in.NamesPutIn._substituted`); or, within one sentence pair, a name given more
  often than the English says in the very place of a name given less often
  (:meth:`.put_in.NamesPutIn._given_for_another`).
* ``NAM007`` — a country put in place of another place: the Japanese sentence names a
  country (フランス, 英国) that its English sentence does not name in any form, where the
  English has a name the Japanese does not render (or, with no "it" in the English, gives
  less often than the English names it) — one that is not in that country nor of it by
  WordNet, or is a place of it that is no seat of its government (Beijing for 中国, the
  Bundesbank for ドイツ are the translator's usual renderings; California for アメリカ is
  none; see :meth:`.country_put_in.CountriesPutIn._country_put_in`).

* ``NAM008`` — a name rendered by a katakana word that sounds only partly like it
  (ホルムグレン for Holmberg): the name was garbled, not dropped (:mod:`.garbled`).
* ``NAM009`` — a quotation given to another speaker: the Japanese names as its speaker
  a person of the article whom neither the pair's English ("…," she said) nor the
  sentence before it names (:mod:`.speakers`).

A stray word after a name (``NAM002`` kanji, ``NAM004`` kana) is a person's when the
English marks a person or when UniDic reads the name's last word as a personal name
(人名).

One module a concern; :class:`NameCheck` runs them in ``run`` (each sentence pair) and
``finish`` (the article):

* :mod:`.english` — the reference's names and whose they are; :mod:`.katakana` — the
  Japanese runs and parts; :mod:`.matching` — sound matching and its floors;
  :mod:`.state` — what is kept over a document and a pair; :mod:`.base` — the shared
  steps (the one-to-one assignment of parts to English words, the names a pair leaves
  unrendered, findings);
* one module a code: :mod:`.spellings` (``NAM001``), :mod:`.stray_words` (``NAM002``,
  ``NAM004``), :mod:`.dropped` (``NAM003``), :mod:`.honorifics` (``NAM005``),
  :mod:`.put_in` (``NAM006``), :mod:`.country_put_in` (``NAM007``), :mod:`.speakers`
  (``NAM009``).

Left alone: well-known places in kanji (米国, 英国, 東京: kanji is not compared at all),
katakana loanwords that JMdict knows as ordinary words (チーム, データ) unless their gloss
is the English name itself (ワルツ for Waltz), and names the English does not have.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from ...text import japanese, jmdict, wordlists
from ...text.english import PRONOUN_CONTRACTIONS, stem
from ...text.phonetic import name_similarity
from ...types import AlignedPair, Finding
from .. import Context
from .country_put_in import CountriesPutIn, unrendered_countries
from .garbled import GarbledNames, _common_word
from .dropped import DroppedNames
from .english import (
    CAMPUS_WORDS,
    EN_WORD,
    MAX_JOINED_WORDS,
    EnglishName,
    english_names,
    fold,
    is_person,
    name_candidates,
    window_reference,
    window_span,
)
from .honorifics import Honorifics, honoured
from .katakana import KanaPart, kanji_name_parts, katakana_parts, norm
from .matching import (
    MATCH_MIN,
    NEIGHBOUR_MATCH_MIN,
    are_variants,
    find_rendering,
    sounds_like_any,
)
from .put_in import NamesPutIn
from .speakers import QuoteSpeakers
from .spellings import Spellings
from .state import NameState, Record, Tally
from .stray_words import NAME_SUFFIXES, StrayWords

__all__ = [
    "MATCH_MIN",
    "MAX_JOINED_WORDS",
    "NAME_SUFFIXES",
    "EnglishName",
    "KanaPart",
    "NameCheck",
    "english_names",
    "find_rendering",
    "kanji_name_parts",
    "katakana_parts",
    "name_candidates",
]


def _respelt(a: str, b: str) -> bool:
    """Whether katakana ``a`` may be ``b`` spelt otherwise: of about its length, and not
    ``b`` with more before or after it (スキンポーションアス is a longer word than
    スキンポーション, not a spelling of it)."""
    return a != b and abs(len(a) - len(b)) <= 2 and a not in b and b not in a


#: How much better a neighbouring sentence's name must sound like a katakana word than
#: the word of its own sentence it sounds vaguely like (OWN_HINT_MIN) to be its rendering.
OWN_HINT_MARGIN = 0.2


def _loose(part: KanaPart, text: str) -> bool:
    """Whether a katakana part that renders no name of its sentence may be compared with
    the article's spellings: three kana or more, or two said with an honorific (リム氏
    beside ラム: a person's name); not a word UniDic reads."""
    if part.reading:
        return False
    return len(part.surface) >= MIN_VARIANT_CHARS or (
        len(part.surface) == 2 and part.start == part.run_start
        and honoured(text, part.run_end))


def _dictionary_word(surface: str) -> bool:
    """Whether JMdict glosses the katakana word as a common word (アンド "and")."""
    return any(g[:1].islower() for g in jmdict.glosses(surface))


#: Katakana characters a part needs to be compared as a spelling variant of a name.
MIN_VARIANT_CHARS = 3
#: The least similarity to its English name of a spelling variant of the name's spelling
#: elsewhere in the article (a loose rendering, 0.73 for セバーンデール and Severnvale;
#: :data:`~.matching.MATCH_MIN` alone decides a first rendering).
VARIANT_SOUND_MIN = 0.65


class NameCheck(StrayWords, Honorifics, QuoteSpeakers, CountriesPutIn, Spellings,
                DroppedNames, GarbledNames):
    """Garbled and inconsistent katakana renderings of the reference's names."""

    name: ClassVar[str] = "names"
    version: ClassVar[int] = 67
    requires: ClassVar[frozenset[str]] = frozenset({"glossary"})

    def run(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]:
        if pair.chrome or not pair.mt_sentences:
            return
        st = self._state(ctx)
        text = ctx.translation.text
        seg = text[pair.mt_start : pair.mt_end]
        if not st.candidates:
            # the strays that need no English name (NSW → ニューサウスウェールズさ州)
            tokens = japanese.tokenize(seg)
            yield from self._dangling_honorifics(tokens, pair, text, st)
            yield from self._honorific_before_head(tokens, pair, text, st)
            yield from self._fused_sa(tokens, pair, text, st, ctx)
            return
        parts = katakana_parts(seg, pair.mt_start) + kanji_name_parts(seg, pair.mt_start)
        tokens = japanese.tokenize(seg)
        window = EN_WORD.findall(window_reference(pair, ctx))
        ref_stems = {stem(w) for w in window}
        cap_stems = {stem(w) for w in window if w[:1].isupper()}
        st.institution = any(fold(w) in CAMPUS_WORDS for w in window)
        # A Japanese name renders a name of its own English sentence (or, failing that, of
        # a neighbour's: the alignment may be one off), not any name of the article.
        own = self._assign(parts, st, ctx.reference.text, pair.ref_start, pair.ref_end)
        lo, hi = window_span(pair, ctx)
        own_words = {fold(w) for w in EN_WORD.findall(pair.reference) if len(w) > 1}
        # a word that sounds even vaguely like a word of its own sentence (パホラ for
        # "pachora") is not looked for in the neighbours
        rest = [p for p in parts if p not in own]
        near = {}
        if rest:
            near = self._assign(parts, st, ctx.reference.text, lo, hi, preassigned=own,
                                min_sim=NEIGHBOUR_MATCH_MIN)
            # ... unless the neighbour's name sounds clearly more like it than any word of
            # its own sentence (フェンウィッチ 0.87 like Fenwick, said before, and 0.63 like
            # "fix" of its own "She said ... to fix the beads")
            near = {p: v for p, v in near.items() if p in rest and not (
                sounds_like_any(p.sound, own_words) and v[1] - max(
                    name_similarity(w, p.sound) for w in own_words) < OWN_HINT_MARGIN)}
        dropped = unrendered_countries(pair, seg)
        # how often the English names each person of the pair and the Japanese gives it,
        # read by NAM006 and NAM007 alike
        tally = Tally.of(pair, st, own, text)
        put_in = list(self._substituted(parts, own, pair, ctx, st, dropped, tally))
        put_in += self._given_for_another(tally, own, pair, ctx, st,
                                          {(f.start, f.end) for f in put_in})
        put_in += self._speaker_put_in(parts, own, pair, ctx, st,
                                       {(f.start, f.end) for f in put_in})
        yield from put_in
        yield from self._country_put_in(tokens, own, pair, ctx, st, dropped,
                                        {(f.start, f.end) for f in put_in}, tally)
        for part in parts:
            is_own = part in own
            hit = own.get(part) or near.get(part)
            if hit is None:
                continue
            key, sim = hit
            st.records.append(Record.of(key, part, sim, is_own, pair))
            if part.end != part.run_end or part.reading:
                continue
            finding = self._stray_suffix(part, key, tokens, pair, text, ref_stems, st)
            if finding is not None:
                yield finding
        taken = {(p.run_start, p.run_end) for p in parts if p in own or p in near}
        loose = [p for p in parts if p not in own and p not in near and _loose(p, text)]
        if loose:
            keys = name_candidates([n for n in st.names
                                    if pair.ref_start <= n.start < pair.ref_end])
            st.loose.append((pair, loose, frozenset(keys)))
        yield from self._garbled(pair, ctx, st, parts, own, taken)
        long_words = {fold(w) for w in window if len(w) >= 4}
        yield from self._glossed_names(tokens, pair, text, ref_stems, cap_stems, long_words,
                                       taken, st)
        yield from self._honorific_on_word(tokens, pair, text, window_reference(pair, ctx),
                                           ref_stems, taken, st)
        yield from self._dangling_honorifics(tokens, pair, text, st)
        yield from self._honorific_before_head(tokens, pair, text, st)
        capitals = {fold(w): w for w in window if w[:1].isupper() and len(w) > 1
                    and fold(w) not in PRONOUN_CONTRACTIONS}  # (I've, I'm: no names)
        words = {fold(w): w for w in window if len(w) >= 4}
        yield from self._fused_nasal(parts, pair, text, capitals, words, st)
        yield from self._fused_sa(tokens, pair, text, st, ctx)

    def finish(self, ctx: Context) -> Iterator[Finding]:
        if not any(p.mt_sentences and not p.chrome for p in ctx.pairs):
            return
        st = self._state(ctx)
        yield from self._dropped(ctx, st)
        self._variant_records(st, ctx.translation.text)
        yield from self._spellings(ctx, st)

    @staticmethod
    def _variant_records(st: NameState, text: str) -> None:
        """Records of the katakana parts that sound too little like a name of their English
        sentence to render it alone (:data:`~.matching.MATCH_MIN`), but at least
        :data:`VARIANT_SOUND_MIN`, and are variants of a spelling the article gives that
        name elsewhere (セバーンデール beside セバーンベール for Severnvale): NAM001 then
        compares them as spellings of the name."""
        by_key: dict[str, list[Record]] = {}
        for r in st.records:
            by_key.setdefault(r.key, []).append(r)
        taken = {(r.part_start, r.part_end) for r in st.records}
        # the surnames of the article's people (the last word of each name), and the names
        # the Japanese gives an honorific elsewhere
        people = {fold(n.words[-1]) for n in st.names if is_person(n, st.reference, st)} | {
            r.key for r in st.records if honoured(text, r.run_end)}
        for pair, parts, keys in st.loose:
            for part in parts:
                if (part.start, part.end) in taken:
                    continue
                if _dictionary_word(part.surface) and not honoured(text, part.run_end):
                    continue  # a word of its own (アンド "and"), unless an honorific makes it
                    # a person's (リム氏, "rim"); a name UniDic reads as two loanwords
                    # (ブライド｜ウッド) may still spell a name of the article
                # ... or of a person of the article, given an honorific: a sentence that
                # calls its person "she" ("She added that the Rohingya…") may name that
                # person in Japanese (リンドキスト氏は)
                if any(r.surface == part.surface for k in keys for r in by_key.get(k, [])):
                    continue  # spelt as the article spells a name of its own sentence
                    # (マーシュ for Marsh, named there, is no variant of マーク)
                others = sorted(set(by_key) - keys) if honoured(text, part.run_end) else []
                for key in sorted(keys) + [k for k in others if k in people]:
                    spelled = [r for r in by_key.get(key, []) if _respelt(part.surface, r.surface)
                               and are_variants(part.sound, r.sound)]
                    if not spelled:
                        continue
                    sim = name_similarity(key, part.sound)
                    if sim < VARIANT_SOUND_MIN:
                        continue
                    st.records.append(Record.of(key, part, sim, key in keys, pair))
                    taken.add((part.start, part.end))
                    break
        # two loose spellings of a name that no spelling renders alone (ノースミア,
        # ノースメア for Northmere, 0.70 and 0.73): each is a spelling of it
        loose: dict[str, list[tuple[AlignedPair, KanaPart, float]]] = {}
        for pair, parts, keys in st.loose:
            for part in parts:
                if (part.start, part.end) in taken or _common_word(part.surface):
                    continue
                for key in sorted(keys - set(by_key)):
                    sim = name_similarity(key, part.sound)
                    if sim >= VARIANT_SOUND_MIN:
                        loose.setdefault(key, []).append((pair, part, sim))
        for key, found in loose.items():
            surfaces = {norm(p.surface): p.sound for _, p, _ in found}
            if len(surfaces) < 2 or not all(
                    _respelt(a, b) and are_variants(surfaces[a], surfaces[b])
                    for a in surfaces for b in surfaces if a != b):
                continue
            st.records += [Record.of(key, part, sim, True, pair) for pair, part, sim in found]
