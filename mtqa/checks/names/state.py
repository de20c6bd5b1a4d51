"""What the names check keeps over one document (:class:`NameState`: the English names and
the renderings found so far) and over one sentence pair (:class:`Tally`: how often each
person is said and given)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ...segment import JA_FULL_STOPS
from ...text.phonetic import kana_key, key_similarity, latin_key
from ...types import AlignedPair
from .. import Context
from .english import (
    EN_WORD,
    LOCATIVE,
    EnglishName,
    document_names,
    name_candidates,
    names_country,
    titled_names,
)
from .katakana import KanaPart, norm


@dataclass
class Record:
    key: str
    surface: str
    sound: str
    part_start: int
    part_end: int
    run_start: int
    run_end: int
    sim: float
    key_sim: float
    own: bool
    pair: int
    reference: str

    @classmethod
    def of(cls, key: str, part: KanaPart, sim: float, own: bool, pair: AlignedPair) -> Record:
        """The record of katakana ``part`` rendering the name ``key`` of ``pair`` (``sim``:
        how much it sounds like it)."""
        key_sim = key_similarity(latin_key(key), kana_key(part.sound))
        return cls(key, norm(part.surface), part.sound, part.start, part.end, part.run_start,
                   part.run_end, sim, key_sim, own, pair.index, pair.reference)


@dataclass
class NameState:
    names: list[EnglishName] = field(default_factory=list)
    candidates: dict[str, str] = field(default_factory=dict)
    #: candidate key → the full English name it belongs to (for messages)
    full: dict[str, str] = field(default_factory=dict)
    common: frozenset[str] = frozenset()
    #: candidate keys of names that follow a title in the English (people)
    people: frozenset[str] = frozenset()
    records: list[Record] = field(default_factory=list)
    garbled: set[tuple[int, int]] = field(default_factory=set)
    #: the English article, and which of its names are people (cache of is_person)
    reference: str = ""
    person_cache: dict[str, bool] = field(default_factory=dict)
    #: the candidate keys of each name of ``names``, in order (asked for every katakana
    #: part: computed once per document, #17)
    name_keys: list[frozenset[str]] = field(default_factory=list)
    #: English names after a locative preposition ("in Miami"): places
    located: frozenset[str] = frozenset()
    #: NAM006: each distinct name key → (its Latin key, the names it belongs to with their
    #: keys), built when first asked
    key_index: dict[str, tuple[str, list[tuple[EnglishName, frozenset[str]]]]] | None = None
    #: katakana parts that rendered no name by sound, with their pair and the name keys
    #: of its English: a variant of a name's spelling elsewhere in the article may be one
    #: of them (NAM001: セバーンデール, 0.73 like Severnvale, beside セバーンベール)
    loose: list[tuple[AlignedPair, list[KanaPart], frozenset[str]]] = field(
        default_factory=list)
    #: whether the English around the pair being checked names an institution
    #: (:data:`CAMPUS_WORDS`: 校 or 館 after a place may render it)
    institution: bool = False

    @classmethod
    def for_document(cls, ctx: Context) -> NameState:
        """The English names of the document, before any pair is checked
        (:class:`mtqa.checks.CheckState`)."""
        names = document_names(ctx)
        full: dict[str, str] = {}
        name_keys = []
        for n in names:
            keys = name_candidates([n])
            name_keys.append(frozenset(keys))
            for key in keys:
                full.setdefault(key, n.text)
        common = frozenset(
            w for w in EN_WORD.findall(ctx.reference.text) if w.islower()
        )
        ref = ctx.reference.text
        located = frozenset(
            n.text for n in names
            if LOCATIVE.search(ref, max(0, n.start - 12), n.start) is not None
        )
        return cls(names=names, candidates=name_candidates(names), full=full,
                   common=common, people=titled_names(ctx, names), reference=ref,
                   located=located, name_keys=name_keys)


@dataclass(frozen=True)
class Tally:
    """How often each person of a pair's English is named there and given in its Japanese.

    Mentions sharing a name word are one person ("Ben Affleck", "Ben"); a katakana run
    gives the person whose name word one of its parts renders
    (:meth:`.base.NameCheckBase._assign`)."""

    #: the names of the pair's English, in order, with their candidate keys
    here: list[tuple[EnglishName, frozenset[str]]]
    #: the person of each of ``here``
    person: list[int]
    #: the Japanese runs (article offsets) that give a person, and whom
    runs: dict[tuple[int, int], int]
    said: Counter[int]
    given: Counter[int]

    @classmethod
    def of(cls, pair: AlignedPair, st: NameState, own: dict[KanaPart, tuple[str, float]],
           text: str) -> Tally:
        here = [(n, keys) for n, keys in zip(st.names, st.name_keys)
                if pair.ref_start <= n.start < pair.ref_end]
        person: list[int] = []
        groups: list[set[str]] = []
        for _, keys in here:
            k = next((i for i, g in enumerate(groups) if g & keys), None)
            if k is None:
                groups.append(set(keys))
                k = len(groups) - 1
            else:
                groups[k] |= keys
            person.append(k)
        found: dict[tuple[int, int], tuple[int, frozenset[str]]] = {}
        for part, (key, _) in own.items():
            k = next((i for i, g in enumerate(groups) if key in g), None)
            if k is not None:
                run = (part.run_start, part.run_end)
                found[run] = (k, found.get(run, (k, frozenset()))[1] | {key})
        # one mention written in pieces (シャキール・NBA選手のオニール): a run giving other
        # words of the name just given, in the same sentence, is not a second mention
        runs: dict[tuple[int, int], int] = {}
        last: tuple[int, int, frozenset[str]] | None = None
        for (start, end), (k, keys) in sorted(found.items()):
            if last is not None and last[0] == k and not keys & last[2] and not any(
                    c in text[last[1]:start] for c in JA_FULL_STOPS):
                last = (k, end, last[2] | keys)
                continue
            runs[(start, end)] = k
            last = (k, end, keys)
        return cls(here, person, runs, Counter(person), Counter(runs.values()))

    def fewer(self) -> list[EnglishName]:
        """The first mention of each person the Japanese gives, but less often than the
        English names them."""
        out, seen = [], set()
        for (n, _), k in zip(self.here, self.person):
            if 0 < self.given[k] < self.said[k] and k not in seen and not names_country(
                    n.text):
                seen.add(k)
                out.append(n)
        return out
