"""What every part of the names check uses: the document's state, findings, the one-to-one
assignment of katakana parts to English words (:meth:`NameCheckBase._assign`), and the
names of a sentence pair its Japanese does not render (:meth:`NameCheckBase._unrendered`)."""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence

from ...text import japanese, jmdict, wordlists
from ...text.countries import country_mentions, renders_country
from ...text.lexicon import english_entry, name_renderings
from ...text.wordnet import places_of_adjective
from ...text.phonetic import name_similarity_reaches, romaji_similarity
from ...text.english import STOPWORDS, stem
from ...types import AlignedPair, Finding, Severity
from .. import BaseCheck, Context
from .english import (
    EN_WORD,
    NAME_PARTICLES,
    EnglishName,
    fold,
    joined_components,
    name_candidates,
    opens_sentence,
)
from .katakana import KanaPart, katakana_parts, norm
from .matching import (
    DROPPED_LOOSE_SIM,
    MATCH_MIN,
    acceptable_rendering,
    are_variants,
    match_edges,
    rendered_by_words,
)
from .state import NameState


class NameCheckBase(BaseCheck):
    """The names check's shared steps; each code's module adds its own (a mixin of this
    class), and :class:`mtqa.checks.names.NameCheck` runs them."""

    def _state(self, ctx: Context) -> NameState:
        return ctx.check_state(NameState)

    def _unrendered(self, pair: AlignedPair, ctx: Context, st: NameState,
                    own: dict[KanaPart, tuple[str, float]],
                    others: set[tuple[int, int]]) -> list[EnglishName]:
        """Names of the pair's own English sentence that its Japanese does not render (a
        capitalised word opening the sentence is no name here: "Because", "Yeah"); the runs
        ``others`` (article offsets), which render other names, do not count."""
        seg = ctx.translation.text[pair.mt_start : pair.mt_end]
        folded = japanese.normalize(seg).lower()
        taken = {k for k, _ in own.values()}
        parts = [p for p in katakana_parts(seg, pair.mt_start)
                 if (p.run_start, p.run_end) not in others]
        ref = ctx.reference.text
        out = []
        for n, keys in zip(st.names, st.name_keys):
            if not pair.ref_start <= n.start < pair.ref_end or keys & taken:
                continue
            words = [fold(w) for w in n.words if w.lower() not in NAME_PARTICLES]
            if not words or any(w in folded for w in words):
                continue
            if len(words) == 1 and (words[0] in STOPWORDS or "'" in words[0]
                                    or n.words[0].isupper()
                                    or re.fullmatch(r"[A-Z]{2,}['’]?s", n.words[0])
                                    or (opens_sentence(ref, n.start)
                                    and english_entry(words[0]).headwords
                                    and not _named_inside_a_sentence(n.words[0], st, ref))):
                continue  # "I'm", an acronym (CRs, MPs), a word opening its sentence ("Because")
                # (unless the article names it inside a sentence: "Aloha Tane", then "Tane
                # said")
            if any(name_similarity_reaches(w, p.sound, DROPPED_LOOSE_SIM)
                   for w in words for p in parts):
                continue
            bare = re.sub(r"['’]s$", "", n.text)  # ("Europe's" → 欧州)
            if any(len(h) >= 2 and h in seg
                   for w in (n.text, bare, *words) for h in name_renderings(w)):
                continue
            if any(renders_country(seg, c.renderings) for c in country_mentions(n.text)):
                continue  # a country by its Japanese name (チェコ for "the Czech soloist")
            if len(words) > 1 and referred_back(n.words[-1], seg):
                continue  # 同庁 for "the Met Office", named before as 英気象庁
            if len(words) == 1 and (kanji_word_for(n.text, seg) or any(
                    h in seg for p in places_of_adjective(n.text) for h in name_renderings(p)
                    if len(h) >= 2)):
                continue  # 太平洋 "Pacific Ocean" for "the Pacific", 北極 for "Arctic";
                # スコットランド for "Scottish" (the place WordNet says it pertains to)
            if rendered_by_words(words, seg, parts, pair.mt_start, pair.mt_end) or all(
                    any(japanese.has_kanji(h) and h in seg for h in english_entry(w).headwords)
                    for w in words):
                continue  # a name of words, translated (予算法 for the Budget Act, 氷 for Ice)
            out.append(n)
        return out

    def _finding(self, code: str, severity: Severity, start: int, end: int, text: str,
                 message: str, reference: str, segment: int, **evidence: str) -> Finding:
        return self.finding(
            text, start, end, category="name", severity=severity, message=message,
            segment=segment, reference=reference, code=code, evidence=evidence,
        )

    def _assign(
        self, parts: Sequence[KanaPart], st: NameState, ref_text: str, lo: int, hi: int,
        preassigned: dict[KanaPart, tuple[str, float]] | None = None,
        min_sim: float = MATCH_MIN,
    ) -> dict[KanaPart, tuple[str, float]]:
        """One-to-one assignment of katakana parts to the English words of ``ref_text[lo:hi]``.

        Every English word attracts its rendering, names or not ("katuna", "art"): a
        Japanese word goes to the English word it sounds most like, each English word
        taking as many spellings as it has occurrences (identical spellings share); a
        spelling of joined words (バハラダム for "Bahula Dam") uses up each of them. Only
        new assignments to names are returned, as {part: (name key, similarity)}.

        Args:
            preassigned: assignments already made (in the sentence itself); they keep their
                English words.
            min_sim: the least similarity of a new assignment.
        """
        names = [n for n in st.names if lo <= n.start < hi]
        name_keys = name_candidates(names)
        components = joined_components(names)
        capacity: Counter[str] = Counter(name_keys)
        for w in EN_WORD.findall(ref_text[lo:hi]):
            low = fold(w)
            if len(low) >= 2 and low not in STOPWORDS and low not in name_keys:
                capacity[low] += 1
        # a name mentioned twice in the sentence may take two spellings
        counts = Counter(fold(w) for w in EN_WORD.findall(ref_text[lo:hi]))
        for key in name_keys:
            capacity[key] = max(1, counts.get(key, 1))
        pre = preassigned or {}
        edges = [e for e in match_edges(parts, capacity, pre, min_sim)
                 if e[2] in name_keys or _loanword_of(parts[e[1]].surface, e[2])]
        taken: dict[int, tuple[str, float]] = {}
        used: dict[str, set[str]] = {}

        sounds = {norm(p.surface): p.sound for p in parts}

        def take(key: str, surface: str) -> bool:
            words = components.get(key, (key,))
            for w in {key, *words}:
                spellings = used.setdefault(w, set())
                if surface in spellings:
                    continue
                if len(spellings) >= capacity.get(w, 1):
                    return False
                # a second spelling of a name in one sentence must be a variant of the
                # first (ゼレンキー … ゼレンスキー), not another word (リーズ for Harris)
                if spellings and not any(
                    are_variants(sounds.get(surface, surface), sounds.get(other, other))
                    for other in spellings
                ):
                    return False
            for w in {key, *words}:
                used[w].add(surface)
            return True

        for part, (key, _) in pre.items():
            take(key, norm(part.surface))
        for sim, i, key in edges:
            if i in taken:
                continue
            if take(key, norm(parts[i].surface)):
                taken[i] = (key, sim)
        out: dict[KanaPart, tuple[str, float]] = {}
        for i, (key, sim) in taken.items():
            if key not in name_keys:
                continue  # it renders an ordinary word of the sentence
            if not acceptable_rendering(parts[i], key, st.common):
                continue
            out[parts[i]] = (key, sim)
        return out


@functools.lru_cache(maxsize=16384)
def _loanword_of(surface: str, word: str) -> bool:
    """Whether a katakana part may render an ordinary English word of its sentence: a word
    JMdict does not know (a name in lower case, a coinage) by its sound, a word it knows
    only by one of its katakana loanwords or a spelling of one (データ for "data"). カルダー
    sounds like "create" (0.87) but is none of its loanwords (クリエート): it is Calder's."""
    entry = english_entry(word)
    if entry.senses == 0:
        return True
    loans = [h for h in entry.headwords if japanese.is_katakana(h)]
    return any(surface == h or romaji_similarity(surface, h) >= LOANWORD_SPELLING_MIN
               for h in loans)


#: How close a katakana part must be to a loanword of an English word to render that word.
LOANWORD_SPELLING_MIN = 0.75


@functools.cache
def _deictic() -> re.Pattern[str]:
    return re.compile("[" + "".join(sorted(wordlists.deictic_prefixes())) + "]([\u4e00-\u9fff])")


def referred_back(head: str, seg: str) -> bool:
    """Whether Japanese ``seg`` refers back to an organisation whose name ends in the English
    word ``head`` ("Met Office", "Tata Group") by a deictic compound whose kanji JMdict
    glosses with that word: 同庁 (庁 "government office") for "the Met Office", 同社 for a
    "Company", 同省 for a "Ministry". Japanese news names a body once and then says 同庁."""
    key = stem(head.lower())
    for m in _deictic().finditer(seg):
        for gloss in jmdict.glosses(m.group(1), 3):
            if any(stem(w) == key for w in re.findall(r"[a-z]+", gloss.lower())):
                return True
    return False


_KANJI_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")


def kanji_word_for(name: str, seg: str) -> bool:
    """Whether a kanji word of ``seg`` is one JMdict glosses by the one-word name, bare or
    with "the" or one more word after it: 太平洋 "Pacific Ocean" for "the Pacific", 北極
    "the Arctic" (in 北極圏)."""
    key = name.lower()
    for run in _KANJI_RUN.findall(seg):
        for i in range(len(run)):
            for j in range(i + 2, min(len(run), i + 4) + 1):
                for gloss in jmdict.glosses(run[i:j], 3):
                    words = gloss.lower().removeprefix("the ").split()
                    if words[:1] == [key] and len(words) <= 2:
                        return True
    return False


def _named_inside_a_sentence(word: str, st: NameState, ref: str) -> bool:
    """Whether a name of the article that does not open its sentence has ``word``."""
    return any(word in m.words and not opens_sentence(ref, m.start) for m in st.names)
