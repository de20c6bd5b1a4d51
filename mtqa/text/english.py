"""English tokens with offsets, stop words and a light stemmer for matching glosses."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .cache import text_cache

_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]|\d[\d,.]*\d|\d")
#: A web or e-mail address (the ends are ASCII boundaries: Japanese text runs on right after
#: an address: …\.orgで). One piece of evidence however many words it spells.
URL = re.compile(r"(https?://|www\.)[!-~]+|[!-~]+@[!-~]+\.[A-Za-z]+"
                 r"|[A-Za-z0-9][A-Za-z0-9.\-]*\.(?:com|org|net|jp|co\.jp)(?![A-Za-z0-9])", re.I)

#: A capitalised word of letters, accented ones included (León, Māngere, Zürich): a
#: candidate name word. For names, ASCII-only classes ([A-Z][a-z]+) stop at the first
#: accent and split one word in two.
CAPITAL = r"[A-ZÀ-ÖØ-Þ]"
CAPITALISED_WORD = CAPITAL + r"[^\W\d_]+"

STOPWORDS = frozenset(
    """a an the and or but if of to in on at by for with from as into onto over under
    about after before between through during without within than then so that this these
    those there here it its it's is are was were be been being am do does did done has
    have had having will would shall should can could may might must not no nor only also
    very just he she they them his her their him we us our you your i me my who whom
    whose which what when where why how all any both each few more most other some such
    own same too s t up down out off again further once said says say told tells
    mr mrs ms dr""".split()
)
#: A pronoun fused with an auxiliary ("you're", "I've", "that's"), lower case, with
#: either apostrophe: as light as the two words apart, and no content a clause can lose.
#: (Not among the STOPWORDS, which other checks read as they are; the aligner's features
#: leave both out: :func:`mtqa.text.similarity.english_features`.)
PRONOUN_CONTRACTIONS = frozenset(
    f"{p}{a}{s}" for p, suffixes in (
        ("i", "m ve ll d"), ("you", "re ve ll d"), ("he", "s ll d"), ("she", "s ll d"),
        ("it", "s ll d"), ("we", "re ve ll d"), ("they", "re ve ll d"), ("that", "s ll d"),
        ("there", "s re ll d"), ("here", "s"), ("what", "s re ll d"), ("who", "s re ll d ve"),
        ("let", "s"))
    for s in suffixes.split() for a in "'’")

#: The case forms of each English personal and relative pronoun (we, us, our, ours,
#: ourselves): a Japanese pronoun that glosses one of them may render any (私たち "we; us"
#: for "our").
PRONOUN_CASES: tuple[frozenset[str], ...] = tuple(frozenset(forms.split()) for forms in (
    "i me my mine myself", "we us our ours ourselves", "you your yours yourself yourselves",
    "he him his himself", "she her hers herself", "it its itself",
    "they them their theirs themselves", "who whom whose",
))


#: A participle or adjective joined to a name by a hyphen ("-based", "-born", "-listed",
#: "-owned", "-made", "-wide"): the compound's name is the part before it. Not any
#: lower-case part: Korean given names are hyphened so ("Min-jun", "Seo-yeon").
_HYPHENED_PARTICIPLE = re.compile(r"-(?:[a-z]{2,}ed|born|made|run|built|wide|bound|style)$")


#: Prefixes English hyphenates to a word (anti-corruption, co-founder, non-profit): no
#: dictionary lists them alone.
WORD_PREFIXES = frozenset(
    "anti pro non co pre post ex re self semi sub multi inter counter cross mid "
    "over under vice".split())


def name_before_participle(word: str) -> str:
    """``word`` without a participle or adjective hyphened to it ("Eindhoven-based" →
    "Eindhoven", "Gothenburg-born" → "Gothenburg"); the word itself otherwise."""
    m = _HYPHENED_PARTICIPLE.search(word)
    return word[: m.start()] if m else word


def pronoun_forms(word: str) -> frozenset[str]:
    """The case forms of the English pronoun ``word`` (lower case), itself among them; an
    empty set for a word that is no pronoun."""
    return next((forms for forms in PRONOUN_CASES if word in forms), frozenset())


#: Third-person pronouns (with their contractions): the words a translator may render by the
#: name they stand for — a person's (``PERSONAL``) or a thing's or place's (``NEUTER``;
#: "they" is either).
_PRONOUN = r"\b(?:{})(?:['’](?:s|ll|d|re|ve))?\b"
PERSONAL = re.compile(_PRONOUN.format(
    "he|she|him|her|his|hers|himself|herself|they|them|their|theirs|themselves"),
    re.IGNORECASE)
NEUTER = re.compile(_PRONOUN.format("it|its|itself|they|them|their|theirs|themselves"),
                    re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()


@text_cache(8192)
def words(text: str) -> tuple[Word, ...]:
    """Words and numbers of ``text`` with offsets into it.

    Cached per article, as a tuple that callers share (#17 work done once: the aligner,
    the similarity features, the token risk features and the scores read the same
    sentences; riyadh and the cases ask 689 times for 288 texts).
    """
    return tuple(Word(m.group(), m.start(), m.end()) for m in _WORD.finditer(text))


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A deliberately light suffix stripper (Porter would conflate too much for glosses)."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    for suffix, repl, min_len in (
        ("ies", "y", 4),
        ("ied", "y", 4),
        ("sses", "ss", 4),
        ("ing", "", 5),
        ("ed", "", 4),
        ("es", "", 4),
        ("s", "", 3),
        ("ly", "", 5),
    ):
        if (w.endswith(suffix) and len(w) - len(suffix) >= min_len - len(suffix)
                and len(w) > min_len):
            w = w[: len(w) - len(suffix)] + repl
            break
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "slz":
        w = w[:-1]  # stopp(ed) → stop
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]  # move / moving → mov
    return w


def content_stems(text: str) -> list[str]:
    """Stems of the non-stop-word words of ``text`` in order."""
    return [stem(w.text) for w in words(text) if w.lower not in STOPWORDS]
