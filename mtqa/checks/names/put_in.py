"""``NAM006``: one name put in place of another.

A katakana person's or place name that renders a name said elsewhere in the article (by
sound, by the article's own rendering of it, or by JMdict for a known place: ニューヨーク),
where the English sentence has a name its Japanese does not render, or names more often
than the Japanese gives it with no pronoun the name put in could render
(:meth:`NamesPutIn._substituted`); or, within one sentence pair, a name given more often
than the English says in the very place of a name given less often
(:meth:`NamesPutIn._given_for_another`).
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Callable, Iterator, Sequence

from ...text import japanese, jmdict
from ...text.countries import countries_rendered_by
from ...text.english import NEUTER, PERSONAL, STOPWORDS
from ...text.lexicon import english_entry
from ...text.phonetic import (
    kana_key,
    latin_key,
    name_similarity,
    name_similarity_reaches,
    skeletons_reach,
)
from ...text.wordnet import base_forms, is_place, synsets_of
from ...types import AlignedPair, Finding
from .. import Context
from ..name_facts import is_name
from .base import NameCheckBase
from .english import EN_WORD, NAME_PARTICLES, EnglishName, fold, is_person, names_country
from .honorifics import honoured
from .katakana import GLOSS_NOTE, PART_SEP, KanaPart, acceptable_alone, katakana_parts
from .matching import DROPPED_LOOSE_SIM, MATCH_MIN, NEIGHBOUR_MATCH_MIN, find_rendering
from .state import NameState, Tally

#: NAM006: a katakana word alone stands for a name that is also an English word (Miller,
#: Stern, Images) only when it sounds at least this much like it: the phonetic keys are
#: tolerant, and a surname such as マッカーシー sounds 0.93 like "images".
SUBSTITUTE_WORD_MIN = 0.95


#: After a katakana name, the rest of an enumeration closed by 両 and a noun (オークニー、
#: シェトランド両諸島 "both island groups", 米英両国): Japanese names the members of a pair
#: the English gives by one collective name ("the Northern Isles").
_MEMBERS_OF_PAIR = re.compile(r"(?:[、・][\u30a0-\u30ff]{2,12})?両[\u4e00-\u9fff]")


def _surname(name: EnglishName, st: NameState) -> bool:
    """Whether a one-word name is the last word of a longer name of the article ("Tane"
    after "Aroha Tane"): a person's surname, even where JMdict glosses a word by it."""
    return len(name.words) == 1 and any(
        len(m.words) > 1 and m.words[-1] == name.words[0] for m in st.names)


def _unknown_words(english: str, parts: Sequence[KanaPart]) -> list[str]:
    """Lower-case words of ``english`` that neither JMdict nor WordNet knows in any form
    and no katakana part sounds even loosely like: a name written in lower case ("chiari
    malformation") that the Japanese does not render."""
    out = []
    for w in EN_WORD.findall(english):
        low = w.lower()
        if not w.islower() or len(low) < 4 or low in STOPWORDS or "'" in low or "’" in low \
                or "-" in low:
            continue
        if english_entry(low).headwords or any(
                any(True for _ in synsets_of(b)) for b in base_forms(low)):
            continue
        if any(name_similarity_reaches(low, p.sound, DROPPED_LOOSE_SIM) for p in parts):
            continue
        out.append(w)
    return out


def _opens_compound(text: str, end: int) -> bool:
    """Whether two kanji follow ``end``: the word before opens a compound (ドイツ鉄道)."""
    after = text[end : end + 2]
    return len(after) == 2 and all(japanese.has_kanji(c) for c in after)


def _times(n: int) -> str:
    return {0: "never", 1: "once", 2: "twice"}.get(n, f"{n} times")


class NamesPutIn(NameCheckBase):
    """``NAM006``: one name put in place of another (see the module)."""

    def _substituted(
        self, parts: Sequence[KanaPart], own: dict[KanaPart, tuple[str, float]],
        pair: AlignedPair, ctx: Context, st: NameState, countries: Sequence[str],
        tally: Tally,
    ) -> Iterator[Finding]:
        """``NAM006``: one person's name of the article put in place of another name.

        A katakana run none of whose parts renders a name of its English sentence, but one
        of whose parts sounds like another name of the article (:data:`NEIGHBOUR_MATCH_MIN`)
        more than like any word of its sentence, a name the Japanese also renders in another
        sentence, stands where the pair's English has a name that the Japanese of the pair
        does not render at all: no part sounds even loosely like it
        (:data:`DROPPED_LOOSE_SIM`), no Latin copy, no dictionary rendering — or, where the
        English of the pair has no pronoun the run could render (a person's name renders
        he or she, a place's it: :data:`mtqa.text.english.PERSONAL`, ``NEUTER``), a name it
        says more often than the Japanese gives it ("Kayel..? Kayel, where are you?" →
        ケイエル……？ナイシ、どこだ？) or a lower-case word no dictionary knows and nothing
        renders ("chiari malformation" → グレイズ奇形: :func:`_unknown_words`). The
        translation has put one name in place of the other (one minister's words given to
        the other); not a name of dictionary words only ("National Assembly": 州議会). A run
        that is the article's own katakana for the other name
        (:meth:`_established`) needs no more than :data:`MATCH_MIN` of sound, and may sound
        like a word of its own sentence too ("kids" and グレイズ).

        The name put in must be a person's or a place's (UniDic reads a part as a personal
        or a place name, or the English marks the person: :func:`is_person`): translators
        name an organisation for its members ("the group" → the group's name). A place
        named for an adjective or a capital ("Dutch" → オランダ, "the capital" → ロンドン)
        leaves no unrendered name in the English (a dictionary word, or no capital), and a
        name the English says by a pronoun and the translator resolves is not flagged
        either: the English of the pair then has no unrendered name. (Places are admitted
        since names v11: no finding on the 1,157 documents of WMT24 ESA en-ja dev.)
        """
        taken = {k for k, _ in own.values()}
        text = ctx.translation.text
        # a name said twice and given once (kept only where no pronoun of the English may
        # be what the run put in renders: below)
        fewer = [n.text for n in tally.fewer()]
        unknown: list[str] | None = None
        if not countries and not fewer and not any(pair.ref_start <= n.start < pair.ref_end
                                     and not keys & taken
                                     for n, keys in zip(st.names, st.name_keys)):
            # every name of the English sentence is rendered (most sentences), unless a
            # word no dictionary knows is a name in lower case ("chiari malformation")
            if not any(not p.reading and acceptable_alone(p) for p in parts):
                return
            unknown = _unknown_words(pair.reference, parts)
            if not unknown:
                return
        candidates, glossed = self._put_in_candidates(parts, own, pair, ctx, st)
        if not candidates:
            return
        missing = [n.text for n in self._unrendered(pair, ctx, st, own, set(candidates))
                   if any(is_name(w) for w in n.words) or _surname(n, st)]  # (not 州議会)
        missing += list(countries)
        # names the English says more often than the Japanese gives them, and words no
        # dictionary knows: missing only where no pronoun may be what the run renders
        fewer = fewer + (unknown if unknown is not None else _unknown_words(pair.reference,
                                                                            parts))
        if not missing and not fewer:
            return
        for (start, end), other in sorted(candidates.items()):
            if re.search(rf"\b{re.escape(other.text)}\b", pair.reference):
                continue  # the English of the pair has it ("Bristol-based" → ブリストルに)
            if _MEMBERS_OF_PAIR.match(text, end):
                continue  # オークニー、シェトランド両諸島 for "the Northern Isles": the
                # members of what the English names as one
            away = self._put_in_for(text, start, end, other, missing, fewer, countries,
                                    (start, end) in glossed, pair, ctx, st)
            if away is None or _of_the_place(away, other.text, text[start:end], ctx, st):
                continue
            gives = ("does not render" if away in missing or away.islower()
                     else "gives less often than the English names it")
            yield self._finding(
                "NAM006", "major", start, end, text,
                f"'{text[start:end]}' renders {other.text}, a name the English gives elsewhere "
                f"in the article; here the English has {away}, which the Japanese "
                f"{gives}: one name put in place of another",
                pair.reference, pair.index, english=away, other=other.text,
            )

    def _put_in_for(
        self, text: str, start: int, end: int, other: EnglishName, missing: Sequence[str],
        fewer: Sequence[str], countries: Sequence[str], glossed: bool, pair: AlignedPair,
        ctx: Context, st: NameState,
    ) -> str | None:
        """For :meth:`_substituted`: the name of the pair's English that the run
        ``text[start:end]``, which renders ``other``, stands in place of, or None. The run
        must give a person or a place (an organisation is often named for its members); a
        name given less than said (``fewer``) counts only where the English has no pronoun
        the run may render; a place opening a kanji compound (ペンシルベニア大学 for "Penn
        State") names a body and stands only for a place; and the run must copy the
        katakana that renders ``other`` where the English names it."""
        toks = japanese.tokenize(text[start:end])
        person = any(t.pos3 == "人名" for t in toks) or is_person(
            other, ctx.reference.text, st)
        place = any(t.pos3 == "地名" for t in toks) or other.text in st.located or \
            is_place(other.text)
        if not person and not place:
            return None
        pronoun = (person and PERSONAL.search(pair.reference)) or (
            place and NEUTER.search(pair.reference))
        away = list(missing) if pronoun else [*missing, *fewer]
        if glossed and _opens_compound(text, end):
            away = [m for m in away if m in countries or is_place(m)]
        if not away or not self._rendered_elsewhere(other, text[start:end], pair, ctx,
                                                    by_sound=not glossed):
            return None
        return away[0]

    def _put_in_candidates(
        self, parts: Sequence[KanaPart], own: dict[KanaPart, tuple[str, float]],
        pair: AlignedPair, ctx: Context, st: NameState, loanwords: bool = False,
    ) -> tuple[dict[tuple[int, int], EnglishName], set[tuple[int, int]]]:
        """For :meth:`_substituted`: the katakana runs of the pair that render no name of
        its own English but one of another sentence of the article (run → that name), and
        which of them do so by JMdict (a place the dictionary knows) rather than by sound.
        With ``loanwords``, a run JMdict knows as a word may render a name by sound too
        (オークス for "Oakes"): for a caller that asks more of the run's place."""
        owned_runs = {(p.run_start, p.run_end) for p in own}
        free = [p for p in parts if not p.reading and (p.run_start, p.run_end) not in owned_runs]
        mine = {k for n, ks in zip(st.names, st.name_keys)
                if pair.ref_start <= n.start < pair.ref_end for k in ks}
        words = {fold(w) for w in EN_WORD.findall(pair.reference) if len(w) > 1}
        candidates: dict[tuple[int, int], EnglishName] = {}
        glossed: set[tuple[int, int]] = set()
        for part in free:
            run = (part.run_start, part.run_end)
            # (a word JMdict knows with an honorific or a title after it is a person's
            # name: ラスク氏, not the biscuit)
            if not acceptable_alone(part) and not loanwords and not honoured(
                    ctx.translation.text, part.run_end, title_ends_word=True):
                # a place JMdict knows (ニューヨーク "New York"), given for a place the
                # English names elsewhere and not in this sentence
                glossed_as = self._place_glossed_elsewhere(part, pair, st, mine)
                if glossed_as is not None:
                    candidates[run] = glossed_as
                    glossed.add(run)
                continue
            if run in candidates:
                continue
            # (asked per name at most once: it reads every other pair of the article)
            established = functools.cache(functools.partial(
                self._established, run=part.surface, pair=pair, ctx=ctx, st=st))
            found = self._named_elsewhere(part, st, mine, established)
            # it must sound more like that name than like any word of its own sentence,
            # unless it is the very katakana the article gives that name by ("kids" sounds
            # 0.83 like グレイズ, "Grey's" 0.81)
            if found is None or (any(
                    name_similarity_reaches(w, part.sound, found[0])
                    and name_similarity(w, part.sound) >= found[0] for w in words)
                    and not established(found[1])):
                continue
            candidates[run] = found[1]
        return candidates, glossed

    def _given_for_another(
        self, tally: Tally, own: dict[KanaPart, tuple[str, float]],
        pair: AlignedPair, ctx: Context, st: NameState, flagged: set[tuple[int, int]],
    ) -> list[Finding]:
        """``NAM006`` within one sentence pair: a name its Japanese gives more often than
        its English says, in the place of another name of the English that the Japanese
        gives less often than the English says ("Greg, why don't you …, an interview with
        Howard Stern" → ハワード・スターン、… ハワード・スターンとの…).

        The names of the pair's English, in order, are put side by side with the katakana
        runs of its Japanese that render them (:meth:`.base.NameCheckBase._assign`), in order, by
        :class:`difflib.SequenceMatcher` on the people they name (mentions sharing a name
        word are one person: "Ben Affleck" and "Ben"). A run stands in place of a mention
        where the two are *replaced* one by the other there, the run's person is given
        more often in the Japanese than in the English, and the mention's person less
        often. A translator who names a person for a pronoun adds a mention (an insertion,
        not a replacement); one who reorders a sentence moves a person without changing
        how often it is named; one who leaves out a name said again drops a mention. Only
        the three at once, in one place, put one name in place of another — unless the
        English between the mentions around the replaced one has a third-person pronoun
        (:data:`mtqa.text.english.PERSONAL`, ``NEUTER``): the run may render it, and the name be
        left out as said already. The run must be a person's or a place's
        (:meth:`_substituted`); a name of the English that the Japanese never gives must
        be one :meth:`.base.NameCheckBase._unrendered` counts (not "Yeah" or "Today"
        opening a sentence).
        """
        if len(tally.here) < 2 or not tally.runs:
            return []
        here, person, runs = tally.here, tally.person, tally.runs
        said, given = tally.said, tally.given
        if not any(given[k] > said[k] for k in given):
            return []
        unrendered = {id(n) for n in self._unrendered(pair, ctx, st, own, set())}
        kept = [(n, k) for (n, _), k in zip(here, person) if given[k] or id(n) in unrendered]
        english = [k for _, k in kept]
        mentions = [n for n, _ in kept]
        order = sorted(runs)
        japanese_seq = [runs[r] for r in order]
        text = ctx.translation.text
        out = []
        matcher = difflib.SequenceMatcher(None, english, japanese_seq, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op != "replace":
                continue
            lost = [k for k, n in zip(english[i1:i2], mentions[i1:i2])
                    if given[k] < said[k] and not names_country(n.text)]
            if not lost:
                continue
            # a pronoun there may be what the run renders, and the name left out said again
            lo = mentions[i1 - 1].end if i1 else pair.ref_start
            hi = mentions[i2].start if i2 < len(mentions) else pair.ref_end
            if PERSONAL.search(ctx.reference.text, lo, hi) or NEUTER.search(
                    ctx.reference.text, lo, hi):
                continue
            for r in order[j1:j2]:
                k = runs[r]
                if given[k] <= said[k] or k in lost or r in flagged:
                    continue
                start, end = r
                name = next(n for (n, _), p in zip(here, person) if p == k)
                missing = next(n for (n, _), p in zip(here, person) if p == lost[0])
                if any(name_similarity_reaches(w, piece, MATCH_MIN) for w in missing.words
                       for piece in PART_SEP.split(text[start:end])):
                    continue  # フランス・リヨン renders the lost Lyon too: a country and city
                toks = japanese.tokenize(text[start:end])
                if not any(t.pos3 in ("人名", "地名") for t in toks) and not (
                        is_person(name, ctx.reference.text, st) or name.text in st.located
                        or is_place(name.text)):
                    continue
                flagged.add(r)
                out.append(self._finding(
                    "NAM006", "major", start, end, text,
                    f"'{text[start:end]}' renders {name.text}, whom this English sentence "
                    f"names {_times(said[k])} and its Japanese {_times(given[k])}; here the "
                    f"English has {missing.text}, named {_times(said[lost[0]])} and given "
                    f"{_times(given[lost[0]])}: one name put in place of another",
                    pair.reference, pair.index, english=missing.text, other=name.text,
                ))
        return out

    def _named_elsewhere(
        self, part: KanaPart, st: NameState, mine: set[str],
        established: Callable[[EnglishName], bool],
    ) -> tuple[float, EnglishName] | None:
        """The name of the article, none of the pair's own, that ``part`` sounds most like
        (at least :data:`NEIGHBOUR_MATCH_MIN`), with the similarity, if any. A name that is
        also an English word (Fletcher, Stern) needs :data:`SUBSTITUTE_WORD_MIN`; either
        floor gives way to :data:`MATCH_MIN` where ``established`` says the article gives
        the name by this very katakana elsewhere (グレイズ for "Grey's", 0.81)."""
        if st.key_index is None:  # each distinct key once, with its Latin key (#17)
            index: dict[str, tuple[str, list[tuple[EnglishName, frozenset[str]]]]] = {}
            for n, keys in zip(st.names, st.name_keys):
                for key in keys:
                    index.setdefault(key, (latin_key(key), []))[1].append((n, keys))
            st.key_index = index
        sound_key = kana_key(part.sound)
        best: tuple[float, EnglishName] | None = None
        for key, (key_of_word, named) in st.key_index.items():
            if not skeletons_reach(key_of_word, sound_key, MATCH_MIN):
                continue
            names = [n for n, keys in named if not keys & mine]
            if not names:
                continue
            sim = name_similarity(key, part.sound)
            if sim < MATCH_MIN or (best is not None and sim <= best[0]):
                continue
            # a katakana word alone that sounds like a name that is also an English word
            # (a photo agency's "Images") must sound just like it
            strong = sim >= NEIGHBOUR_MATCH_MIN and not (
                part.n_parts == 1 and sim < SUBSTITUTE_WORD_MIN and english_entry(key).headwords)
            if strong or established(names[0]):
                best = (sim, names[0])
        return best

    def _established(self, name: EnglishName, run: str, pair: AlignedPair, ctx: Context,
                     st: NameState) -> bool:
        """Whether another pair whose English names ``name`` gives it by the katakana word
        ``run`` and by nothing else: ``run`` is a whole part of a katakana run there, and no
        other name of that English sounds as much like it. The article's own rendering of the
        name then tells what ``run`` renders, whatever English word the name also is
        ("Fletcher", a maker of arrows: フレッチャー sounds 0.86 like it; a surname sounds 0.93
        like "Images", the photo agency of a caption, but the caption's own name sounds more
        like it)."""
        text = ctx.translation.text
        for other in ctx.pairs:
            if other is pair or not other.ref_start <= name.start < other.ref_end:
                continue
            seg = text[other.mt_start : other.mt_end]
            if run not in {p.surface for p in katakana_parts(seg)}:
                continue
            sim = max(name_similarity(fold(w), run) for w in name.words)
            rivals = [n for n in st.names if other.ref_start <= n.start < other.ref_end
                      and n.text != name.text]
            if not any(name_similarity(fold(w), run) >= sim for n in rivals for w in n.words):
                return True
        return False

    @staticmethod
    def _place_glossed_elsewhere(part: KanaPart, pair: AlignedPair, st: NameState,
                                 mine: set[str]) -> EnglishName | None:
        """The place name of the article, none of the pair's own nor said in its English,
        that the katakana word ``part`` renders by JMdict (ニューヨーク "New York" for "New
        York City"), where UniDic reads the word as a place (地名): not a country (those are
        NAM007's), nor a word that sounds even loosely like a capitalised word of the
        pair's English ("Roman" → ローマ), nor where that English has a pronoun the place
        may render ("it", "they")."""
        if part.n_parts != 1 or not any(
                t.pos3 == "地名" for t in japanese.tokenize(part.surface)):
            return None
        glosses = [GLOSS_NOTE.sub("", g).strip() for g in jmdict.glosses(part.surface)]
        glosses = [g for g in glosses if g[:1].isupper()]
        said = pair.reference.lower()
        if not glosses or any(g.lower() in said for g in glosses) or countries_rendered_by(
                part.surface):
            return None  # said here ("IN LOS ANGELES" too), or a country (NAM007's)
        if NEUTER.search(pair.reference):
            return None  # it may render "it" ("It was chosen" → ウィーンが選ばれた)
        if any(name_similarity_reaches(fold(w), part.surface, DROPPED_LOOSE_SIM)
               for w in EN_WORD.findall(pair.reference) if w[:1].isupper()):
            return None  # it may render a word of its own sentence ("Roman" → ローマ)
        for n, keys in zip(st.names, st.name_keys):
            if keys & mine or pair.ref_start <= n.start < pair.ref_end:
                continue
            if any(n.text == g or n.text.startswith(g + " ") for g in glosses) and (
                    n.text in st.located or is_place(n.text)):
                return n
        return None

    @staticmethod
    def _rendered_elsewhere(name: EnglishName, run: str, pair: AlignedPair,
                            ctx: Context, by_sound: bool = True) -> bool:
        """Whether a sentence outside ``pair`` whose English names ``name`` renders it with
        the very katakana put in here (a whole part of ``run``, two characters or more): a name
        put in place of another is copied from where it belongs. A run that only sounds
        like a name of another sentence (リヴァプール and "Labour", among a thousand
        unrelated segments) is no copy of it."""
        text = ctx.translation.text
        words = {w.lower() for w in name.words} - NAME_PARTICLES
        pieces = {p for p in PART_SEP.split(run) if len(p) >= 2}
        for other in ctx.pairs:
            if other is pair or other.mt_end <= other.mt_start:
                continue
            seg = text[other.mt_start : other.mt_end]
            if not pieces & {k.surface for k in katakana_parts(seg)} or not words & {
                    x.lower() for x in EN_WORD.findall(other.reference)}:
                continue
            if not by_sound or find_rendering(name.text, seg):
                return True
        return False


def _of_the_place(away: str, place: str, run: str, ctx: Context, st: NameState) -> bool:
    """Whether the name ``away`` of the English is in or of ``place``, which the katakana
    ``run`` renders: a place the article puts in it (ロンドン for "Southall", which the
    article puts in west London), or its people (トリエステ (の人々) for "Triestines")."""
    if _placed_in(away, place, ctx.reference.text):
        return True
    return _people_of(away, place) and (
        place in st.located or is_place(place)
        or any(t.pos3 == "地名" for t in japanese.tokenize(run)))


#: The endings of a name for the people of a place (Triestines, Parisians, Viennese).
_PEOPLE_ENDING = re.compile(r"(?:i?ans?|ines?|ese|ites?|ers?|is?)$")


def _people_of(name: str, place: str) -> bool:
    """Whether ``name`` names the people of ``place``: the place's name, less at most its
    last two letters, then an ending of a people's name ("Triestines" of Trieste,
    "Parisians" of Paris, "Viennese" of Vienna)."""
    name, place = name.lower(), place.lower()
    stem = place[: max(4, len(place) - 2)]
    return (len(place) >= 4 and name.startswith(stem) and name != place
            and bool(_PEOPLE_ENDING.search(name[len(stem):])))


def _placed_in(place: str, larger: str, reference: str) -> bool:
    """Whether the English article puts ``place`` in ``larger`` ("Southall, west London",
    "Halden, in southern Norway"): the larger place said for it generalises, and puts no
    name in place of another."""
    return re.search(rf"\b{re.escape(place)},\s+(?:in\s+)?(?:(?:the\s+)?(?:north|south|east|"
                     rf"west|central|northern|southern|eastern|western|north-east|north-west|"
                     rf"south-east|south-west)(?:ern)?\s+)?{re.escape(larger)}\b",
                     reference, re.I) is not None
