"""English idioms of ``mtqa/data/idioms.tsv`` and where they occur in an English text.

The resource lists idioms whose literal rendering is a known calque (sitting ducks, foot
the bill, inside job), each with a pattern ("(one's)" slots, inflected forms) and the
literal Japanese parts a word-for-word rendering has. :func:`find_idioms` finds them in
English text; the mistranslation check (MIS001) looks for their calques, and the checks
that expect an English text word for word (omission, calques, divergence) leave their
words alone.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

from ..errors import MtqaError
from .cache import text_cache
from .english import stem
from .lexicon import IRREGULAR_FORMS


#: Words that fill a "(one's)" slot of an idiom pattern.
_POSSESSIVES = frozenset("its his her their our my your one's the a an".split())
_EN_WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")


@functools.lru_cache(maxsize=65536)
def _norm_en(word: str) -> str:
    """Lower case, possessive dropped, irregular form → base, stemmed: the key on which
    idiom words are compared (broke → break, ducks → duck, picking → pick)."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s") and w not in {"one's", "'s"}:
        w = w[:-2]
    return stem(IRREGULAR_FORMS.get(w, w))


def _en_eq(pattern_word: str, word: str) -> bool:
    return _norm_en(pattern_word) == _norm_en(word)


@dataclass(frozen=True)
class Idiom:
    """One entry of the idiom resource.

    Attributes:
        pattern: the English pattern as written in the file.
        slots: compiled pattern: ("word", alternatives) | ("poss", ()) | ("gap", ()) |
            ("opt", alternatives).
        parts: the literal Japanese parts, each a tuple of alternatives.
        meaning: what the idiom means (shown in the message).
    """

    pattern: str
    slots: tuple[tuple[str, tuple[str, ...]], ...]
    parts: tuple[tuple[str, ...], ...]
    meaning: str


def _compile_pattern(pattern: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    slots: list[tuple[str, tuple[str, ...]]] = []
    for raw in pattern.replace("-", " ").split():
        if raw in {"(one's)", "(its)"}:
            slots.append(("poss", ()))
        elif raw in {"(sb)", "(sth)", "(oneself)", "(one)"}:
            slots.append(("gap", ()))
        elif raw.startswith("[") and raw.endswith("]"):
            slots.append(("opt", tuple(_norm_en(w) for w in raw[1:-1].split("|"))))
        else:
            word = re.sub(r"\((?:s|es)\)$", "", raw)
            slots.append(("word", tuple(w for w in word.split("|"))))
    return tuple(slots)


def parse_idioms(text: str, source: str = "idioms.tsv") -> tuple[Idiom, ...]:
    """Parse the idiom resource (see the header of ``mtqa/data/idioms.tsv``).

    Raises:
        MtqaError: a line without its three tab-separated columns.
    """
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 3 or not cols[0].strip() or not cols[1].strip():
            raise MtqaError(
                f"{source}:{n}: expected 'idiom<TAB>literal parts<TAB>meaning', got {line!r}"
            )
        parts = tuple(tuple(a for a in p.split("/") if a) for p in cols[1].split("+"))
        out.append(Idiom(cols[0].strip(), _compile_pattern(cols[0].strip()), parts,
                         cols[2].strip()))
    return tuple(out)


@functools.lru_cache(maxsize=1)
def load_idioms() -> tuple[Idiom, ...]:
    """The idiom resource shipped with mtqa."""
    res = resources.files("mtqa").joinpath("data/idioms.tsv")
    return parse_idioms(res.read_text(encoding="utf-8"), "mtqa/data/idioms.tsv")


def _match_slots(slots: Sequence[tuple[str, tuple[str, ...]]], words: Sequence[str],
                 i: int) -> int | None:
    """End index in ``words`` when ``slots`` match from ``i``, else None (backtracking)."""
    if not slots:
        return i
    kind, alts = slots[0]
    rest = slots[1:]
    if kind == "gap":
        for n in range(1, 4):
            if i + n <= len(words):
                end = _match_slots(rest, words, i + n)
                if end is not None:
                    return end
        return None
    if kind == "opt":
        if i < len(words) and any(_en_eq(a, words[i]) for a in alts):
            end = _match_slots(rest, words, i + 1)
            if end is not None:
                return end
        return _match_slots(rest, words, i)
    if i >= len(words):
        return None
    w = words[i].lower().replace("’", "'")
    if kind == "poss":
        ok = w in _POSSESSIVES or w.endswith("'s")
    else:
        ok = any(_en_eq(a, w) for a in alts)
    return _match_slots(rest, words, i + 1) if ok else None


def find_idioms(
    reference: str, idioms: Sequence[Idiom] | None = None
) -> list[tuple[Idiom, str, int, int]]:
    """Idioms of the resource (the shipped one by default) that occur in ``reference``:
    (idiom, the words matched, their start and end offsets in ``reference``)."""
    if idioms is None:
        return list(_find_shipped_idioms(reference))
    return _find_idioms(reference, idioms)


@text_cache(1024)
def _find_shipped_idioms(reference: str) -> tuple[tuple[Idiom, str, int, int], ...]:
    return tuple(_find_idioms(reference, load_idioms()))


def _find_idioms(reference: str, idioms: Sequence[Idiom]) -> list[tuple[Idiom, str, int, int]]:
    matches = list(_EN_WORD.finditer(reference.replace("-", " ")))
    toks = [m.group() for m in matches]
    # where each normalised word occurs, so that an idiom is tried only where its first
    # word is
    where: dict[str, list[int]] = {}
    for i, t in enumerate(toks):
        where.setdefault(_norm_en(t), []).append(i)
    found = []
    firsts_of, by_first, anywhere = _first_words(idioms)
    # the idioms whose first word is in the sentence (and those that start anywhere), in
    # the list's order
    tried = sorted({k for w in where for k in by_first.get(w, ())} | set(anywhere))
    for k in tried:
        idiom, firsts = idioms[k], firsts_of[k]
        if firsts is not None:
            starts = sorted({i for a in firsts for i in where.get(a, ())})
        else:
            starts = list(range(len(toks)))
        for i in starts:
            end = _match_slots(idiom.slots, toks, i)
            if end is not None:
                found.append((idiom, " ".join(toks[i:end]), matches[i].start(),
                              matches[end - 1].end()))
                break
    return found


_FirstWords = tuple[
    tuple[tuple[str, ...] | None, ...], dict[str, tuple[int, ...]], tuple[int, ...]
]
#: id(idiom list) -> (the list, its index): keyed by identity, as hashing 250 idioms for
#: every sentence would cost more than the look-up saves; the list is held so its id stays
#: its own.
_FIRST_WORDS: dict[int, tuple[Sequence[Idiom], _FirstWords]] = {}


def _first_words(idioms: Sequence[Idiom]) -> _FirstWords:
    """For an idiom list, worked out once rather than per sentence: each idiom's normalised
    first-word alternatives (None when its pattern does not start with a word), the idioms
    (by index) each first word starts, and the idioms that may start anywhere."""
    hit = _FIRST_WORDS.get(id(idioms))
    if hit is not None and hit[0] is idioms:
        return hit[1]
    index = _index_first_words(idioms)
    if len(_FIRST_WORDS) >= 8:  # a few lists at most (the shipped one, a test's)
        _FIRST_WORDS.clear()
    _FIRST_WORDS[id(idioms)] = (idioms, index)
    return index


def _index_first_words(idioms: Sequence[Idiom]) -> _FirstWords:
    firsts: list[tuple[str, ...] | None] = []
    by_first: dict[str, list[int]] = {}
    anywhere: list[int] = []
    for k, idiom in enumerate(idioms):
        kind, alts = idiom.slots[0]
        if kind != "word":
            firsts.append(None)
            anywhere.append(k)
            continue
        words = tuple(_norm_en(a) for a in alts)
        firsts.append(words)
        for w in set(words):
            by_first.setdefault(w, []).append(k)
    return tuple(firsts), {w: tuple(ks) for w, ks in by_first.items()}, tuple(anywhere)
