"""The English side of the names check: which words of the reference are names, whose
they are (a person's, a place's, a modifier's), and the English around a sentence pair.

A capitalised word sequence that is not a title nor a sentence-initial common word is a
name (:func:`english_names`); each name gives candidate keys, its words and runs of up to
:data:`MAX_JOINED_WORDS` of them (:func:`name_candidates`), that katakana is matched to.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...text import wordlists
from ...text.cache import text_cache
from ...text.countries import country_mentions
from ...text.english import PRONOUN_CONTRACTIONS, STOPWORDS, name_before_participle
from ...text.numerals import EN_CARDINALS
from ...text.wordnet import synsets_of
from ...types import AlignedPair
from .. import Context

if TYPE_CHECKING:
    from .state import NameState

#: English name words of one sequence that may be written as one katakana word.
MAX_JOINED_WORDS = 3


_HONORIFICS = frozenset("mr mrs ms miss dr sir dame lord lady prof professor".split())
_APPOSITION = re.compile(r",\s+(?:the|a|an|who|whose|aged|\d{1,3},)\s", re.IGNORECASE)
#: Nouns that end the names of institutions, not of people.
_INSTITUTION_WORDS = frozenset(
    """council committee commission assembly parliament senate court ministry department
    agency office bank board union party group authority government cabinet congress
    republic kingdom state states university college school institute foundation
    association league army navy police church hospital company corporation corp inc ltd
    club team federation council's museum centre center fund trust""".split()
)
SPEECH_VERBS = frozenset(
    "said says told tells added adds wrote writes announced announces stated argued "
    "explained warned insisted noted replied asked".split()
)
# Lower-case particles inside names (Maarten van der Heijden, Hendrick ter Wolde).
NAME_PARTICLES = wordlists.name_particles()
_MONTHS_DAYS = frozenset(wordlists.months()) | frozenset(wordlists.weekdays())
#: A month's abbreviation before a day ("Oct. 3", "Feb 18"): a date, no name.
_MONTH_ABBREVIATIONS = frozenset(wordlists.month_abbreviations())
_DAY_AFTER = re.compile(r"\.?\s*\d")
EN_WORD = re.compile(r"[^\W\d_][\w'’\-]*", re.UNICODE)
#: English words of an institution that Japanese names by its place and a suffix
#: (University of California, Berkeley → バークレー校; the Tate Modern → テート館).
CAMPUS_WORDS = frozenset(
    "university college campus school academy institute museum gallery library hall "
    "theatre theater temple church shrine".split()
)
#: A locative preposition right before a name makes it a place ("grew up in Miami").
LOCATIVE = re.compile(
    r"\b(?:in|at|from|across|throughout|into|near|around|outside)\s+(?:the\s+)?$", re.I)


@dataclass(frozen=True, slots=True)
class EnglishName:
    """A capitalised name sequence of the reference (``start``/``end`` index its text)."""

    text: str
    words: tuple[str, ...]
    start: int
    end: int


@functools.lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """The word lower-cased, its possessive 's removed (cached: a word, not a text)."""
    return word.lower().replace("’", "'").removesuffix("'s")


def english_names(text: str, sentence_spans: Sequence[tuple[int, int]] | None = None,
                  exclude: Sequence[tuple[int, int]] = (),
                  include_initial: bool = False) -> list[EnglishName]:
    """Name sequences of English ``text``.

    A capitalised word is a name word unless it is a stop word, a month or weekday, inside
    an ``exclude`` span (titles), or the first word of a sentence or quotation that the
    text never capitalises elsewhere. Lower-case particles (van, der, de, al) join the
    words around them.

    Args:
        text: the English text.
        sentence_spans: sentence (start, end) offsets; one sentence when omitted.
        exclude: spans whose words are never names (the glossary's titles, the credit).
        include_initial: also take every capitalised sentence-initial word ("Sonny
            frequented…"): as candidates they keep a Japanese name from being matched to
            another, similar-sounding name of the sentence.
    """
    spans = list(sentence_spans) if sentence_spans else [(0, len(text))]
    words = [(m.start(), m.end(), m.group()) for m in EN_WORD.finditer(text)]
    exclude = [*exclude, *_dateline_credits(text)]
    # offsets of the first word of each sentence
    starts = {m.start() for s, e in spans if (m := EN_WORD.search(text, s, e))}

    def initial(start: int) -> bool:
        # sentence start, or the start of a quotation or parenthesis within one (a short
        # look back: the text may be long)
        before = text[max(0, start - 16) : start].rstrip(" \t")
        if not before:
            return start < 16 or start in starts
        return start in starts or before[-1] in "\"“‘'(—–:\n"

    def excluded(s: int, e: int) -> bool:
        return any(a <= s and e <= b for a, b in exclude)

    capital_mid = {
        fold(w) for s, e, w in words if w[:1].isupper() and not initial(s)
    }
    out: list[EnglishName] = []
    seq: list[tuple[int, int, str]] = []

    def flush() -> None:
        while seq and seq[-1][2].lower() in NAME_PARTICLES:
            seq.pop()
        if seq:
            out.append(EnglishName(text[seq[0][0] : seq[-1][1]], tuple(w for _, _, w in seq),
                                   seq[0][0], seq[-1][1]))
        seq.clear()

    for idx, (s, e, w) in enumerate(words):
        if w[:1].isupper():  # "Eindhoven-based", "Gothenburg-born": the name before it
            w = name_before_participle(w)
            e = s + len(w)
        low = fold(w)
        gap = text[seq[-1][1] : s] if seq else ""
        if seq and (len(gap) > 1 or gap.strip() not in {"", "-"}):
            flush()
        is_cap = w[:1].isupper()
        if (
            is_cap
            and low not in STOPWORDS
            and low not in PRONOUN_CONTRACTIONS  # "I've", "I'm": a pronoun, no name
            and low not in _MONTHS_DAYS
            and not (low in _MONTH_ABBREVIATIONS and _DAY_AFTER.match(text, e))
            and not excluded(s, e)  # (nor a count opening a sentence: "Two Abenaki")
            and not (low in EN_CARDINALS and initial(s) and low not in capital_mid)
            # acronyms stay in Latin script; a dateline's place is a name ("TUNIS —")
            and not (w.isupper() and len(w) > 1 and not _in_dateline(text, s))
            and (include_initial or not initial(s) or low in capital_mid
                 or _next_is_name(words, idx, text))
        ):
            seq.append((s, e, w))
        elif seq and low in NAME_PARTICLES:
            seq.append((s, e, w))
        else:
            flush()
    flush()
    return _family_plurals(out)


#: A dateline: a line opening on a place in capitals and a dash ("TUNIS —", "NEW YORK,
#: Jan. 5 —", "BOGOTÁ –", "MONTREAL (Wire) —": the agency's credit in brackets).
_DATELINE = re.compile(
    r"(?m)^[A-ZÀ-ÞÑ][A-ZÀ-ÞÑ .'’-]*?(?:\s*(?P<credit>\([^)\n]{1,30}\)))?(?:,[^\n—–]{0,20})?"
    r"\s[—–-]{1,2}\s")


def _dateline_credits(text: str) -> list[tuple[int, int]]:
    """Spans of the news agencies' credits in datelines ("MONTREAL (Wire) —"): no names."""
    return [m.span("credit") for m in _DATELINE.finditer(text) if m.group("credit")]


def _in_dateline(text: str, start: int) -> bool:
    """Whether the capitals at ``start`` are the place of a dateline (:data:`_DATELINE`)."""
    line = text.rfind("\n", 0, start) + 1
    m = _DATELINE.match(text, line)
    return m is not None and start < m.end() and "," not in text[line:start]


def _family_plurals(names: list[EnglishName]) -> list[EnglishName]:
    """The names with a family called by its plural ("The Bricknells said") given its
    surname as another name of the text spells it (Bricknell): the Japanese writes the
    surname (ブリクネルさん一家), and its spelling is compared with the others'."""
    words = {fold(w) for n in names for w in n.words}
    out = []
    for n in names:
        last = n.words[-1]
        if len(n.words) == 1 and last.endswith("s") and fold(last[:-1]) in words \
                and len(last) > 4:
            n = EnglishName(n.text, (last[:-1],), n.start, n.end)
        out.append(n)
    return out


def _next_is_name(words: Sequence[tuple[int, int, str]], idx: int, text: str) -> bool:
    """A sentence-initial capitalised word followed by another capitalised word (a full
    name at the start of a sentence: "Tran Quoc Bao completed")."""
    if idx + 1 >= len(words):
        return False
    s, _, w = words[idx + 1]
    return (
        w[:1].isupper()
        and fold(w) not in STOPWORDS
        and text[words[idx][1] : s] == " "
    )


def name_candidates(names: Sequence[EnglishName]) -> dict[str, str]:
    """Comparable strings of the names: each word and runs of up to
    :data:`MAX_JOINED_WORDS` consecutive words joined → the English shown to the user."""
    out: dict[str, str] = {}
    for n in names:
        ws = [w for w in n.words if w.lower() not in NAME_PARTICLES or len(n.words) > 1]
        for i in range(len(ws)):
            for j in range(i + 1, min(len(ws), i + MAX_JOINED_WORDS) + 1):
                key = "".join(fold(w) for w in ws[i:j])
                out.setdefault(key, " ".join(ws[i:j]))
        # each part of a double-barrelled name ("Tran-Whitford": Japanese writes
        # トラン＝ウィットフォード, two parts), when each is capitalised
        for w in ws:
            parts = w.split("-")
            if len(parts) > 1 and all(len(p) > 1 and p[:1].isupper() for p in parts):
                for p in parts:
                    out.setdefault(fold(p), p)
    return out


def joined_components(names: Sequence[EnglishName]) -> dict[str, tuple[str, ...]]:
    """Joined candidate key → the single-word keys it is made of."""
    out: dict[str, tuple[str, ...]] = {}
    for n in names:
        ws = [fold(w) for w in n.words if w.lower() not in NAME_PARTICLES or len(n.words) > 1]
        for i in range(len(ws)):
            for j in range(i + 2, min(len(ws), i + MAX_JOINED_WORDS) + 1):
                out.setdefault("".join(ws[i:j]), tuple(ws[i:j]))
    return out


def ends_longer_name(english: str, start: int) -> bool:
    """Whether the word at ``start`` follows a capitalised word of its name ("South
    Holland", "New Mexico"), one that does not open its sentence."""
    lo = max(0, start - 30)
    before = re.search(r"\b([A-Z][\w'’-]*) +$", english[lo:start])
    return before is not None and before.group(1).lower() not in STOPWORDS \
        and not opens_sentence(english, lo + before.start(1))


def names_country(name: str) -> bool:
    """Whether an English name is a country's in any form ("British", "Japanese"), or a
    word WordNet knows as an adjective ("Scottish", "Roman"): the Japanese may give it in
    kanji (英国, 日本人) or by the place it pertains to (スコットランドの), which no count of
    the name's own renderings sees."""
    if any(True for _ in country_mentions(name)):
        return True
    words = name.split()
    return len(words) == 1 and any(
        s.pos in ("a", "s") for s in synsets_of(fold(words[0])))


def opens_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens its sentence (after . ! ? or a line break, not
    after an honorific's abbreviation: "Mrs. Leslie")."""
    before = text[:start].rstrip(" \t\"“”'‘’")
    if not before or before.endswith("\n"):
        return True
    if before[-1] not in ".!?":
        return False
    last = EN_WORD.findall(before[-12:])
    return not (last and fold(last[-1]) in _HONORIFICS)


#: The word right after a name, or after the age that follows it between commas.
_SPEAKER_VERB = re.compile(r"(?:\s*,\s*\d+\s*,)?\s+([A-Za-z]+)")
_APPOSED_SPEAKER = re.compile(r"\s*,\s+([A-Za-z]+)")


def names_institution(name: EnglishName) -> bool:
    """Whether ``name`` ends in a noun of institutions ("the National Nursing Union",
    "Saint Mary's Hospital"): a body's name, not a person's."""
    return fold(name.words[-1]) in _INSTITUTION_WORDS


def is_person(name: EnglishName, text: str, st: NameState) -> bool:
    """Whether the English marks ``name`` as a person's: a title before it (glossary), an
    honorific (Mr, Dr), or — for a full name, not after "the" (organisations say things
    too) — a speech verb right after it ("Amara Okafor said") or an apposition ("Amara
    Okafor, the plant's manager,")."""
    if names_institution(name):
        return False  # "the Executive Council", "Saint Mary's Hospital"
    if any(k in st.people for k in name_candidates([name])):
        return True
    before = EN_WORD.findall(text[max(0, name.start - 24) : name.start])
    if before and fold(before[-1]).rstrip(".") in _HONORIFICS:
        return True
    if before and before[-1].lower() == "the":
        return False
    if len(name.words) < 2:
        return False
    # the verb right after the name, or after its age ("Amara Okafor, 45, said"): a name
    # closing a clause of its own is no speaker ("a line which runs between Kaohsiung and
    # Los Angeles, said cargo...": the line said it)
    after = _SPEAKER_VERB.match(text, name.end)
    if after and after.group(1).lower() in SPEECH_VERBS:
        return True
    # a name set off by commas, then a speech verb: "the region's delegate, Javier Lagos,
    # said" (not "between Kaohsiung and Los Angeles, said cargo …": no comma before it)
    after = _APPOSED_SPEAKER.match(text, name.end)
    if after and after.group(1).lower() in SPEECH_VERBS and text[
            : name.start].rstrip().endswith(","):
        return True
    # an apposition that describes a person: "Adaeze Nwosu, the union's regional secretary,"
    return bool(_APPOSITION.match(text, name.end))


#: A determiner before a name and a lower-case word or a number after it: the name
#: modifies the noun the determiner goes with ("a Stanford study", "the Boeing 737").
_DETERMINER = r"\b(?i:a|an|the|its|his|her|their|our|this|that)\s+"
_MODIFIED = r"\s+(?:[a-z][a-z\-]+|\d)"


@text_cache(4096)
def is_attributive(english: str, reference: str) -> bool:
    """Whether the English uses the name ``english`` as a modifier of a noun ("a Stanford
    study", "the Boeing 737 MAX"): a determiner, which a bare personal name does not take,
    goes with the noun after it. Such a name is a maker's, a brand's, a place's or an
    institution's (the caller makes sure the English marks no person). Cached per article:
    the check asks it of the whole reference for every name of every sentence."""
    pattern = _DETERMINER + re.escape(english) + _MODIFIED
    return re.search(pattern, reference) is not None


def document_names(ctx: Context) -> list[EnglishName]:
    ref = ctx.reference
    spans = [(s.start, s.end) for s in ref.sentences if not s.chrome]
    glossary = ctx.resources.get("glossary")
    exclude: list[tuple[int, int]] = []
    if glossary is not None:
        exclude = [(m.start, m.end) for m in ctx.titles(glossary, ref.text)]
    return english_names(ref.text, spans, exclude, include_initial=True)


def titled_names(ctx: Context, names: Sequence[EnglishName]) -> frozenset[str]:
    """Candidate keys of the names that a title precedes ("President Volodymyr Zelenskyy",
    or in apposition: "the region's health minister, Tomás Aranda,"): those are people."""
    glossary = ctx.resources.get("glossary")
    if glossary is None:
        return frozenset()
    text = ctx.reference.text
    ends = {m.end for m in ctx.titles(glossary, text)}
    out: set[str] = set()
    for n in names:
        before = text[: n.start].rstrip(" ")
        gap = len(text[: n.start]) - len(before)
        if (len(before) in ends and gap <= 1) or (
                before.endswith(",") and len(before) - 1 in ends and gap == 1
                and len(n.words) >= 2):
            out.update(name_candidates([n]))
    return frozenset(out)


def window_span(pair: AlignedPair, ctx: Context, side: str = "ref") -> tuple[int, int]:
    """Offsets covered by the pair and its neighbours on one side: ``ref`` (the English)
    or ``mt`` (the Japanese)."""
    def span(p: AlignedPair) -> tuple[int, int]:
        return (p.ref_start, p.ref_end) if side == "ref" else (p.mt_start, p.mt_end)

    idx = next((k for k, p in enumerate(ctx.pairs) if p is pair), None)
    near = [] if idx is None else [
        p for p in ctx.pairs[max(0, idx - 1) : idx + 2]
        if (p.ref_sentences if side == "ref" else p.mt_sentences)
    ]
    if not near:
        return span(pair)
    return min(span(p)[0] for p in near), max(span(p)[1] for p in near)


def window_reference(pair: AlignedPair, ctx: Context) -> str:
    """English of the pair and its neighbours (the alignment may be one sentence off)."""
    lo, hi = window_span(pair, ctx)
    return ctx.reference.text[lo:hi]
