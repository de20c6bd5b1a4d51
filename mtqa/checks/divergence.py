"""Back-translation divergence (#19 item 7): the words of a neural back-translation that
the English does not say, and the English that the back-translation lacks.

Opt-in (not in the default run: ``--checks divergence`` or a policy's ``checks`` turns it
on), because no neural model runs where mtqa is developed and its precision on real text
is unmeasured: every finding is minor.

With a neural engine (Marian, CTranslate2) the back-translation is fluent English and each
of its words carries the Japanese characters it was translated from (attributions from the
cross-attention, :meth:`mtqa.types.AlignedPair.japanese_span`). The check compares its
content words with the English of the pair, by stem (:func:`mtqa.text.english.stem`) and
through the one-word glosses JMdict gives the same senses
(:func:`mtqa.text.lexicon.english_entry`):

* ``DIV001`` (mistranslation): back-translated words that the English does not support, in
  the place of English content words that neither the back-translation nor the Japanese
  (:class:`mtqa.text.lexicon.Lexicon`) renders: a word substituted. The Japanese of the
  unsupported words is flagged.
* ``DIV002`` (addition): unsupported back-translated words with nothing of the English in
  their place.
* ``DIV003`` (omission): two or more English content words in a row that the
  back-translation and the Japanese both lack, pointed at the Japanese of the word the
  back-translation renders before them (else after them, else the pair's end).

A back-translated word is supported, besides by a matching English word, when its Japanese
renders a word of the English by the dictionary (the back-translation paraphrased a
faithful translation: 批判 back-translated "slammed" for "criticised"). Function words,
reporting verbs and fillers, numbers (the numbers check's) and names (the names check's)
are never reported; nor is a pair whose back-translation and English share less than half
their content (misaligned, or a back-translation that failed: the aligner's and the
relatedness check's), nor a back-translated word of the neighbouring sentences' English
or an English word of their back-translations (content moved, not added or lost). The
dictionary engine's word-by-word glosses are no translation: with it the check does
nothing (:attr:`Context.neural_back_translation`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import ClassVar

from ..text import japanese
from ..text.idioms import find_idioms
from ..text.lexicon import (
    LIGHT_WORDS,
    EnWord,
    Lexicon,
    english_entry,
    english_words,
    stems_match,
)
from ..types import AlignedPair, Finding
from . import BaseCheck, Context, neighbour_pairs
from .omission import adds_content

#: Share of the content words of each side that the other side must match for the pair to
#: be compared word for word: below it the pair is misaligned or the back-translation
#: failed, and every word would look unsupported.
MIN_SHARED_SHARE = 0.5
#: English content words in a row that the back-translation must lack for an omission: a
#: neural back-translation drops a single adjective or adverb freely.
MIN_OMITTED_WORDS = 2
#: Japanese characters at most between the spans of two unsupported words reported as one.
MAX_JOIN_GAP = 2
#: Shortest English word compared (shorter ones are abbreviations and fragments).
MIN_WORD_CHARS = 3


@dataclass(frozen=True)
class _Reading:
    """How the back-translation of one pair compares with its English.

    Attributes:
        ref: the English content words, numbers and names (:func:`english_words`).
        bt: those of the back-translation.
        bt_match: per back-translated word, the English word it renders (an index into
            ``ref``), or ``None`` when the English does not support it.
        ref_covered: per English word, whether the back-translation or the Japanese
            (by the dictionary) renders it.
    """

    ref: tuple[EnWord, ...]
    bt: tuple[EnWord, ...]
    bt_match: tuple[int | None, ...]
    ref_covered: tuple[bool, ...]


@dataclass(frozen=True)
class _Run:
    """Adjacent unsupported back-translated words and the Japanese they came from."""

    words: tuple[int, ...]
    start: int
    end: int


class DivergenceCheck(BaseCheck):
    """Opt-in: with a neural back-translation (Marian, CTranslate2), flag the Japanese of
    back-translated words the English does not support (mistranslation, addition) and
    English content the back-translation lacks (omission). Off by default and minor while
    its precision on real text is unmeasured; does nothing with the dictionary engine.

    Words are compared by stem and JMdict synonyms; each unsupported word is mapped to its
    Japanese through the engine's cross-attention attributions.
    """

    name: ClassVar[str] = "divergence"
    version: ClassVar[int] = 1
    requires: ClassVar[frozenset[str]] = frozenset()
    default: ClassVar[bool] = False

    def run(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]:
        if not ctx.neural_back_translation or pair.chrome:
            return
        if not (pair.ref_sentences and pair.mt_sentences and pair.attributions):
            return
        lex = ctx.lexicon(pair)
        reading = _read(pair, lex)
        if reading is None:
            return
        near = neighbour_pairs(pair, ctx)
        # a word of the neighbouring English was moved here, not added; an English word
        # the neighbouring Japanese renders was moved there, not lost
        near_en = _stems(p.reference for p in near)
        near_bt = _stems(p.back_translation for p in near)
        consumed: set[int] = set()
        for run in _unsupported_runs(pair, lex, reading, near_en):
            yield self._divergent(pair, ctx, reading, run, consumed)
        yield from self._omissions(pair, ctx, lex, reading, consumed, near_bt)

    def _divergent(self, pair: AlignedPair, ctx: Context, reading: _Reading, run: _Run,
                   consumed: set[int]) -> Finding:
        """The finding of one run of unsupported words: a mistranslation when English
        content is missing in its place, else an addition."""
        text = ctx.translation.text
        said = pair.back_translation[reading.bt[run.words[0]].start:
                                     reading.bt[run.words[-1]].end]
        instead = _in_place_of(reading, run, consumed)
        consumed.update(instead)
        if instead:
            english = pair.reference[reading.ref[instead[0]].start:reading.ref[instead[-1]].end]
            return self.finding(
                text, run.start, run.end, category="mistranslation", severity="minor",
                message=(f"'{text[run.start:run.end]}' back-translates as '{said}' where the "
                         f"English has '{english}'"),
                pair=pair, reference=english, code="DIV001",
                evidence={"back_translation": said, "english": english})
        return self.finding(
            text, run.start, run.end, category="addition", severity="minor",
            message=(f"'{text[run.start:run.end]}' back-translates as '{said}', which the "
                     "English does not say"),
            pair=pair, code="DIV002", evidence={"back_translation": said})

    def _omissions(self, pair: AlignedPair, ctx: Context, lex: Lexicon, reading: _Reading,
                   consumed: set[int], near: frozenset[str]) -> Iterator[Finding]:
        """English content words in a row that the back-translation and the Japanese lack
        (and that no finding already reads as substituted)."""
        idioms = [(a, b) for _, _, a, b in find_idioms(pair.reference)]
        text = ctx.translation.text
        for ks in _missing_runs(reading, consumed, near, idioms):
            span = _gap_span(pair, lex, reading, ks[0], ks[-1])
            if span is None:
                continue
            phrase = pair.reference[reading.ref[ks[0]].start:reading.ref[ks[-1]].end]
            yield self.finding(
                text, span[0], span[1], category="omission", severity="minor",
                message=(f"the English '{phrase}' is not in the back-translation of the "
                         "Japanese"),
                pair=pair, reference=phrase, code="DIV003",
                evidence={"english": phrase,
                          "words": ",".join(reading.ref[k].text for k in ks)})


# --- comparing the back-translation with the English ------------------------------------


def _reported(w: EnWord) -> bool:
    """A content word the check may report: not a number or a name (their checks'), a
    reporting verb or filler, nor an abbreviation."""
    low = w.text.lower().replace("’", "'").removesuffix("'s")
    if w.kind != "word" or low in LIGHT_WORDS or len(low) < MIN_WORD_CHARS:
        return False
    # a capitalised word JMdict does not know is a name at the start of a sentence
    return not (w.capital and not english_entry(low).senses)


def _synonyms(w: EnWord) -> frozenset[str]:
    return english_entry(w.text.lower()).synonyms if w.kind == "word" else frozenset()


def _renders(b: EnWord, e: EnWord) -> bool:
    """True when the back-translated word ``b`` says what the English word ``e`` says:
    the same number, the same stem, or a one-word gloss of a JMdict sense of either."""
    if b.kind == "number" or e.kind == "number":
        return b.value is not None and b.value == e.value
    if stems_match(b.stem, frozenset({e.stem})) or stems_match(e.stem, frozenset({b.stem})):
        return True
    if b.kind != "word" or e.kind != "word":
        return b.text.lower() == e.text.lower()
    return stems_match(e.stem, _synonyms(b)) or stems_match(b.stem, _synonyms(e))


def _read(pair: AlignedPair, lex: Lexicon) -> _Reading | None:
    """Match the back-translation's words with the English of ``pair``; ``None`` when the
    two share too little to be compared (see :data:`MIN_SHARED_SHARE`)."""
    ref = lex.words
    bt = english_words(pair.back_translation)
    linked = {u: k for k, us in enumerate(lex.links) for u in us}
    bt_match: list[int | None] = []
    for b in bt:
        hits = [k for k, e in enumerate(ref) if _renders(b, e)]
        if not hits and b.kind == "word":
            hits = _rendered_in_japanese(pair, lex, b, linked)
        # a word said twice in the English: take its first use after the previous match
        last = next((m for m in reversed(bt_match) if m is not None), -1)
        bt_match.append(next((k for k in hits if k > last), hits[0]) if hits else None)
    matched = {k for k in bt_match if k is not None}
    covered = tuple(k in matched or lex.covered(k) for k in range(len(ref)))
    ref_ks = [k for k, e in enumerate(ref) if _reported(e)]
    bt_ks = [i for i, b in enumerate(bt) if _reported(b)]
    if not ref_ks or not bt_ks:
        return None
    if sum(covered[k] for k in ref_ks) < MIN_SHARED_SHARE * len(ref_ks):
        return None
    if sum(bt_match[i] is not None for i in bt_ks) < MIN_SHARED_SHARE * len(bt_ks):
        return None
    return _Reading(ref, tuple(bt), tuple(bt_match), covered)


def _units_in(lex: Lexicon, start: int, end: int) -> list[int]:
    return [u for u, x in enumerate(lex.units) if x.start < end and start < x.end]


def _rendered_in_japanese(pair: AlignedPair, lex: Lexicon, b: EnWord,
                          linked: dict[int, int]) -> list[int]:
    """English words that the Japanese of back-translated word ``b`` renders by the
    dictionary: ``b`` paraphrases a faithful translation (批判 "condemned" for
    "criticised")."""
    span = pair.japanese_span(b.start, b.end)
    if span is None:
        return []
    # the lexicon's links (glosses of the Japanese word); not lexicon.related, whose
    # kanji shared with any rendering of the English word relates most pairs of words
    return sorted({linked[u] for u in _units_in(lex, *span)
                   if lex.units[u].content and u in linked})


def _stems(texts: Iterable[str]) -> frozenset[str]:
    """Stems of the content words of English ``texts``."""
    return frozenset(w.stem for t in texts for w in english_words(t) if w.kind == "word")


def _flagged_span(pair: AlignedPair, lex: Lexicon, b: EnWord) -> tuple[int, int] | None:
    """The Japanese of an unsupported back-translated word: the content words its
    attribution covers, when none of them renders the English (names, katakana and
    numbers are other checks')."""
    span = pair.japanese_span(b.start, b.end)
    if span is None:
        return None
    units = [lex.units[u] for u in _units_in(lex, *span)]
    judged = [u for u in units if adds_content(u)]
    if not judged or any(u.content and japanese.is_katakana(u.text) for u in units):
        return None
    return min(u.start for u in judged), max(u.end for u in judged)


def _unsupported_runs(pair: AlignedPair, lex: Lexicon, reading: _Reading,
                      near: frozenset[str]) -> Iterator[_Run]:
    """Runs of adjacent unsupported back-translated words whose Japanese lies together."""
    run: list[int] = []
    start = end = 0
    for i, b in enumerate(reading.bt):
        span = None
        if reading.bt_match[i] is None and _reported(b) and not stems_match(b.stem, near):
            span = _flagged_span(pair, lex, b)
        if (span is not None and run and span[0] <= end + MAX_JOIN_GAP
                and start - MAX_JOIN_GAP <= span[1]):
            run.append(i)
            start, end = min(start, span[0]), max(end, span[1])
            continue
        if run:
            yield _Run(tuple(run), start, end)
            run = []
        if span is not None:
            run, (start, end) = [i], span
    if run:
        yield _Run(tuple(run), start, end)


def _in_place_of(reading: _Reading, run: _Run, consumed: set[int]) -> list[int]:
    """English content words that nothing renders, between the English words rendered
    just before and just after the run: what the run's words stand in place of."""
    before = [m for m in reading.bt_match[: run.words[0]] if m is not None]
    after = [m for m in reading.bt_match[run.words[-1] + 1:] if m is not None]
    lo = before[-1] if before else -1
    hi = after[0] if after else len(reading.ref)
    return [k for k in range(lo + 1, hi) if not reading.ref_covered[k]
            and k not in consumed and _reported(reading.ref[k])]


def _missing_runs(reading: _Reading, consumed: set[int], near: frozenset[str],
                  idioms: Sequence[tuple[int, int]]) -> Iterator[list[int]]:
    """Runs of English content words that nothing renders (a rendered word ends a run;
    numbers, names and fillers in between neither end nor count)."""
    run: list[int] = []
    for k, e in enumerate(reading.ref):
        if reading.ref_covered[k] or k in consumed:
            if len(run) >= MIN_OMITTED_WORDS:
                yield run
            run = []
            continue
        if (_reported(e) and not stems_match(e.stem, near)
                and not any(a <= e.start < b for a, b in idioms)):
            run.append(k)
    if len(run) >= MIN_OMITTED_WORDS:
        yield run


def _gap_span(pair: AlignedPair, lex: Lexicon, reading: _Reading, first: int,
              last: int) -> tuple[int, int] | None:
    """Where English words ``first..last`` belonged in the Japanese: the Japanese of the
    back-translated word rendering the English just before them, else just after them,
    else the last word of the pair."""
    by_ref = {m: i for i, m in enumerate(reading.bt_match) if m is not None}
    before = [by_ref[k] for k in range(first - 1, -1, -1) if k in by_ref][:1]
    after = [by_ref[k] for k in range(last + 1, len(reading.ref)) if k in by_ref][:1]
    for i in before + after:
        b = reading.bt[i]
        span = pair.japanese_span(b.start, b.end)
        if span is not None and span[0] < span[1]:
            return span
    words = [u for u in lex.units if u.pos1 not in {"補助記号", "記号", "空白"}]
    return (words[-1].start, words[-1].end) if words else None
