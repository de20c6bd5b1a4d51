"""Figurative multiword expressions of WordNet, and where they occur in English text.

A word-for-word translation of a figurative expression ("kick the bucket" → バケツを蹴る)
is a calque: it says something else. WordNet lists tens of thousands of multiword lemmas
(:mod:`mtqa.text.wordnet`); most are compositional ("take care": be careful, "black widow":
a black spider). An expression is kept as **figurative** when (:func:`figurative`):

1. it has two or more content words (a calque renders two parts literally; "give up" has
   one), words of three letters or more that are not function words;
2. none of its synsets is a proper name or a named individual (a capital in the data
   file, an instance hypernym: "Abraham Lincoln" is glossed without "Abraham"), and a
   noun's synsets lie in abstract lexicographer files (:data:`ABSTRACT_NOUN_FILES`):
   species, foods, artefacts and places are named by compounds whose parts may not
   occur in their gloss without being figures of speech;
3. it draws an image from a concrete thing: one content word's first noun sense is in a
   concrete lexicographer file (:data:`CONCRETE_NOUN_FILES`: the bucket, the gun, the
   duck); abstract terms named by other abstract words ("intelligence officer", "double
   standard") are translated word for word correctly;
4. **non-compositional**: for every synset of the lemma (any part of speech: a lemma with
   one literal sense may be meant literally) and every content word, no word of the
   sense's description — its definition, its other single-word lemmas, its hypernyms'
   single-word lemmas, the head of an adjective satellite — is related to the content
   word or to a single-word lemma of the content word's literal senses (its first
   :data:`LITERAL_SENSES` senses of each part of speech; related: same stem, or one word
   a prefix of the other, four letters or more: "careful" and "care"). "Kick the bucket"
   (die: pass from physical life...) shares nothing with kick or bucket and their
   synonyms; "take care" (be careful) shares "care".

The test is read from WordNet alone; no list of idioms is involved.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from . import wordnet
from .english import STOPWORDS, stem

#: Lexicographer files whose multiword nouns may be figures of speech: acts, attributes,
#: ideas, messages, events, feelings, motives, people, phenomena, possessions, processes,
#: relations, states and times ("smoking gun", "silver bullet", "lame duck", "eleventh
#: hour"). The others name concrete things by compounds (noun.animal "black widow",
#: noun.artifact, noun.location, noun.group "White House", noun.food...).
ABSTRACT_NOUN_FILES = frozenset(
    "noun.act noun.attribute noun.cognition noun.communication noun.event noun.feeling "
    "noun.motive noun.person noun.phenomenon noun.possession noun.process noun.relation "
    "noun.state noun.time".split()
)
#: Lexicographer files of concrete things: a figure of speech draws its image from one
#: (the bucket of "kick the bucket", the gun of "smoking gun", the duck of "lame duck"),
#: while compositional terms of an abstract field rarely do ("intelligence officer").
CONCRETE_NOUN_FILES = frozenset(
    "noun.artifact noun.animal noun.plant noun.food noun.body noun.object noun.substance"
    .split()
)
#: Placeholders of WordNet lemmas: a possessive ("lose one's temper") or reflexive.
POSSESSIVE_SLOTS = frozenset({"one's", "someone's", "somebody's"})
OBJECT_SLOTS = frozenset({"someone", "somebody", "something", "oneself"})
#: Words that fill a possessive slot in text (a name's "'s" is accepted as well).
POSSESSIVES = frozenset("my your his her its our their one's the a an".split())
#: Function words of lemmas beyond the English stop words (prepositions and particles).
_FUNCTION = STOPWORDS | POSSESSIVE_SLOTS | OBJECT_SLOTS | frozenset(
    "across along around away back behind beyond upon toward towards against among like "
    "near past round via onto amid along".split()
)
_WORD = re.compile(r"[a-z]+")
#: Shortest common prefix that relates two words ("careful" and "care").
_PREFIX = 4


def content_words(lemma: str) -> tuple[str, ...]:
    """The content words of a lemma (``kick_the_bucket`` → kick, bucket)."""
    return tuple(w for w in lemma.lower().split("_")
                 if len(w) >= 3 and w.isalpha() and w not in _FUNCTION)


def _words(texts: Iterable[str]) -> frozenset[str]:
    """Lower-cased content words of lemmas or glosses (underscores split words)."""
    out: set[str] = set()
    for t in texts:
        out.update(w for w in _WORD.findall(t.lower().replace("_", " "))
                   if len(w) >= 3 and w not in _FUNCTION)
    return frozenset(out)


def _related(a: str, b: str) -> bool:
    if stem(a) == stem(b):
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= _PREFIX and long_.startswith(short)


#: How many senses of each part of speech of a word are its literal senses: WordNet lists
#: senses by frequency, and a word's later senses include the figures it forms ("spill":
#: 3rd sense "reveal information", from "spill the beans").
LITERAL_SENSES = 3


def _single(words: Iterable[str]) -> list[str]:
    """The single-word lemmas of a synset: a multiword lemma would bring its light verbs
    ("give_a_kick" would relate kick to give-up the ghost)."""
    return [w for w in words if "_" not in w and "-" not in w]


@functools.lru_cache(maxsize=16384)
def neighbourhood(word: str) -> frozenset[str]:
    """The word and the single-word lemmas of its literal senses (:data:`LITERAL_SENSES`)."""
    out = {word}
    for base in sorted(wordnet.base_forms(word)):
        seen: dict[str, int] = {}
        for s in wordnet.synsets_of(base):
            seen[s.pos] = seen.get(s.pos, 0) + 1
            if seen[s.pos] <= LITERAL_SENSES:
                out |= _words(_single(s.words))
    return frozenset(out)


def description(s: wordnet.Synset, lemma: str) -> frozenset[str]:
    """Words describing a sense of ``lemma``: its definition, the synset's other
    single-word lemmas, its hypernyms' and an adjective satellite's head's (``&``)."""
    texts = [s.definition] + _single(w for w in s.words if w.lower() != lemma)
    for sym, pos, offset in s.pointers:
        if sym in ("@", "@i") or (sym == "&" and s.pos == "a"):
            texts.extend(_single(wordnet.synset(pos, offset).words))
    return _words(texts)


@dataclass(frozen=True)
class Expression:
    """A figurative multiword expression of WordNet.

    Attributes:
        lemma: the WordNet lemma (``kick_the_bucket``).
        words: its words (kick, the, bucket).
        content: its content words (kick, bucket).
        meaning: the definition of its first sense (shown to the editor).
        synonyms: the single-word lemmas of its senses (die, decease, perish...): how the
            figurative sense is said plainly.
    """

    lemma: str
    words: tuple[str, ...]
    content: tuple[str, ...]
    meaning: str
    synonyms: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(self.words)


def _concrete(word: str) -> bool:
    """The word's first noun sense names a concrete thing (:data:`CONCRETE_NOUN_FILES`)."""
    for s in wordnet.synsets_of(word):
        if s.pos == "n":
            return s.lexname in CONCRETE_NOUN_FILES
    return False


def _proper(s: wordnet.Synset, lemma: str) -> bool:
    return s.is_instance or any(w.lower() == lemma and w != w.lower() for w in s.words)


@functools.lru_cache(maxsize=16384)
def figurative(lemma: str) -> Expression | None:
    """The expression when the WordNet lemma passes the test of this module's docstring,
    else None (also for a lemma WordNet lacks)."""
    content = content_words(lemma)
    senses = list(wordnet.synsets_of(lemma))
    if len(content) < 2 or not senses:
        return None
    for s in senses:
        if _proper(s, lemma) or (s.pos == "n" and s.lexname not in ABSTRACT_NOUN_FILES):
            return None
    if not any(_concrete(part) for part in content):
        return None
    for s in senses:
        desc = description(s, lemma)
        for part in content:
            if any(_related(d, n) for d in desc for n in neighbourhood(part)):
                return None
    synonyms = tuple(dict.fromkeys(w.lower() for s in senses for w in s.words
                                   if "_" not in w and w.lower() != lemma))
    return Expression(lemma, tuple(lemma.split("_")), content, senses[0].definition, synonyms)


def figurative_expressions() -> tuple[Expression, ...]:
    """Every figurative expression of WordNet (reads every multiword synset: seconds; the
    checks use :func:`find_expressions`, which tests only the lemmas a text contains)."""
    out = (figurative(lemma) for lemma in sorted(wordnet.multiword_lemmas()))
    return tuple(e for e in out if e is not None)


# --- finding expressions in English ---------------------------------------------------

_EN_TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]*)?|[^\sA-Za-z]")


@functools.lru_cache(maxsize=1)
def _by_first_word() -> dict[str, tuple[str, ...]]:
    """Multiword lemmas with two content words or more, by their first word (a lemma
    that starts with a slot is not indexed: none of WordNet's figures does)."""
    out: dict[str, list[str]] = {}
    for lemma in wordnet.multiword_lemmas():
        words = lemma.split("_")
        if words[0] in POSSESSIVE_SLOTS | OBJECT_SLOTS or len(content_words(lemma)) < 2:
            continue
        out.setdefault(words[0], []).append(lemma)
    return {k: tuple(sorted(v)) for k, v in out.items()}


@functools.lru_cache(maxsize=1)
def _by_first_two_words() -> dict[tuple[str, str | None], tuple[str, ...]]:
    """The lemmas of :func:`_by_first_word` by their first two words; a second word that
    is a slot (someone, one's) is keyed as None. A text token then meets only the lemmas
    whose next word the next token can be (#17: "take" alone begins hundreds)."""
    out: dict[tuple[str, str | None], list[str]] = {}
    for first, lemmas in _by_first_word().items():
        for lemma in lemmas:
            second = lemma.split("_")[1]
            slot = second in POSSESSIVE_SLOTS | OBJECT_SLOTS
            out.setdefault((first, None if slot else second), []).append(lemma)
    return {k: tuple(v) for k, v in out.items()}


def _matches(word: str, token: str) -> bool:
    """A lemma word matches a text token in any inflection (kicked, beans, broke)."""
    return word in wordnet.base_forms(token)


def _match(words: Sequence[str], toks: Sequence[str], i: int) -> int | None:
    """End (exclusive token index) of the lemma ``words`` matched from token ``i``."""
    if not words:
        return i
    if i >= len(toks):
        return None
    w, t = words[0], toks[i].lower().replace("’", "'")
    if w in POSSESSIVE_SLOTS:
        ok = t in POSSESSIVES or (t.endswith("'s") and len(t) > 2)
        return _match(words[1:], toks, i + 1) if ok else None
    if w in OBJECT_SLOTS:
        # someone, something: one to three words (not punctuation), shortest first
        for k in range(i + 1, min(i + 4, len(toks) + 1)):
            if not toks[k - 1][0].isalpha():
                break
            end = _match(words[1:], toks, k)
            if end is not None:
                return end
        return None
    return _match(words[1:], toks, i + 1) if _matches(w, t) else None


@dataclass(frozen=True)
class Occurrence:
    """A figurative expression found in a text: ``text[start:end]`` is ``matched``."""

    expression: Expression
    start: int
    end: int
    matched: str


def find_expressions(text: str) -> list[Occurrence]:
    """The figurative expressions of WordNet in ``text``, in order: the words in sequence
    in one sentence (no punctuation between them), any inflection of each."""
    spans = [(m.group(), m.start(), m.end()) for m in _EN_TOKEN.finditer(text)]
    toks = [t for t, _, _ in spans]
    index = _by_first_two_words()
    out: list[Occurrence] = []
    for i, tok in enumerate(toks):
        if not tok[0].isalpha():
            continue
        firsts = wordnet.base_forms(tok)
        seconds: frozenset[str | None] = frozenset({None})
        if i + 1 < len(toks):
            seconds = seconds | wordnet.base_forms(toks[i + 1].replace("’", "'"))
        lemmas = {lemma for b in firsts for b2 in seconds for lemma in index.get((b, b2), ())}
        for lemma in sorted(lemmas):
            end = _match(lemma.split("_"), toks, i)
            if end is None:
                continue
            expr = figurative(lemma)
            if expr is not None:
                s, e = spans[i][1], spans[end - 1][2]
                out.append(Occurrence(expr, s, e, text[s:e]))
    return out
