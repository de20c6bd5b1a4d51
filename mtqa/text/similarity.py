"""Cross-lingual similarity of a Japanese sentence (through its back-translation and JMdict
glosses) and an English sentence. Shared by the aligner and the checks.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from . import japanese, jmdict, numerals, phonetic
from .english import PRONOUN_CONTRACTIONS, STOPWORDS, stem, words
from .cache import text_cache

_DIGITS = re.compile(r"\d+")


@text_cache(8192)
def english_bag(text: str) -> tuple[frozenset[str], frozenset[str], int]:
    """(content stems, anchors, number of content words) of an English sentence.

    Anchors are tokens that cross languages unchanged: digit strings and Latin words.
    """
    stems: set[str] = set()
    anchors: set[str] = set()
    n = 0
    for w in words(text):
        lw = w.lower
        if lw in STOPWORDS:
            continue
        n += 1
        stems.add(stem(lw))
        if lw[0].isdigit():
            anchors.add(re.sub(r"[,.]", "", lw))
        elif w.text[0].isupper():
            anchors.add(lw)
    return frozenset(stems), frozenset(anchors), n


@text_cache(8192)
def japanese_bag(
    text: str, back_translation: str = ""
) -> tuple[frozenset[str], frozenset[str], int]:
    """(gloss stems, anchors, number of content tokens) of a Japanese sentence.

    Gloss stems come from the JMdict glosses of each content token (first senses) and
    from the words of the back-translation. Anchors are digit strings (after NFKC) and
    Latin words; katakana words contribute their romanisation, which matches English names
    when spelled alike (ロシア → roshia is no match, but マルコ → maruko ~ marco is caught
    by the names check, not here).
    """
    stems: set[str] = set()
    anchors: set[str] = set()
    n = 0
    for tok in japanese.tokenize(text):
        if not tok.is_content:
            continue
        n += 1
        surf = japanese.normalize(tok.surface)
        if surf[:1].isdigit():
            anchors.add(re.sub(r"[,.]", "", surf))
            continue
        if japanese.has_latin(surf):
            anchors.add(surf.lower())
            stems.add(stem(surf.lower()))
            continue
        stems |= _word_stems(tok.surface, tok.lemma)
    for w in words(back_translation):
        if w.lower not in STOPWORDS:
            stems.add(stem(w.lower))
    for d in _DIGITS.findall(japanese.normalize(text)):
        anchors.add(d)
    return frozenset(stems), frozenset(anchors), n


def overlap(en_text: str, ja_text: str, back_translation: str = "") -> float:
    """Share of the English content words found among the Japanese glosses, in [0, 1],
    balanced against the Japanese side's size (a Dice-like coefficient)."""
    e_stems, e_anchors, e_n = english_bag(en_text)
    j_stems, j_anchors, j_n = japanese_bag(ja_text, back_translation)
    if e_n == 0 or j_n == 0:
        return 0.0
    hit = len(e_stems & j_stems) + 2 * len(e_anchors & j_anchors)
    return min(1.0, 2.0 * hit / (len(e_stems) + 2 * len(e_anchors) + j_n))


# --- cross-lingual anchors and features for the aligner --------------------------------------
#
# The aligner (mtqa/align.py) compares every English run of sentences with every Japanese run
# near the diagonal, so the features of one sentence are computed once here (cached) and the
# comparisons are done on arrays there. Anchors are what crosses the language boundary
# unchanged or predictably: numbers (after normalising 万/億/兆, thousands separators, English
# scale words, number words and month names), Latin tokens, and names, which Japanese writes in
# katakana (or kanji with a reading) and which we match through their romanisation.


def _number_string(value: float) -> str:
    """Canonical text of a number so that 18,400 / 1万8,400 / 18400.0 compare equal."""
    if value == int(value):
        return str(int(value))
    return f"{value:.6g}"


def english_numbers(text: str) -> frozenset[str]:
    """Numeric values mentioned in an English sentence, as canonical strings (the values of
    :func:`mtqa.text.numerals.english_numbers`: "$1.2 billion" → 1.2 and 1200000000, "two"
    → 2, "third" → 3, "February" → 2)."""
    return frozenset(_number_string(v) for v in numerals.english_numbers(text))


#: A token UniDic tags as a numeral that is a kanji numeral (二, 二十, 三百五十).
_KANJI_NUMERAL = re.compile(r"[〇一二三四五六七八九十百千]+")


def japanese_numbers(text: str) -> frozenset[str]:
    """Numeric values of a Japanese sentence, as canonical strings.

    Digits after NFKC with their units combined (1万8,400 → 18400, 140億 → 14000000000;
    :func:`mtqa.text.numerals.japanese_digit_numbers`) and kanji numerals tagged as
    numerals by UniDic (二十人 → 20). A bare 一 is skipped: it is mostly part of words
    (一方, 一部), and "1" is a weak anchor anyway.
    """
    out = {_number_string(v) for v in numerals.japanese_digit_numbers(text)}
    for tok in japanese.tokenize(text):
        if tok.pos2 == "数詞" and tok.surface != "一" and _KANJI_NUMERAL.fullmatch(tok.surface):
            value = numerals.parse_japanese_number(tok.surface)
            if value is not None:
                out.add(_number_string(value))
    return frozenset(out)


@dataclass(frozen=True, slots=True)
class EnglishFeatures:
    """What an English sentence offers for cross-lingual comparison.

    Attributes:
        stems: stems of the content words.
        numbers: canonical numeric values (:func:`english_numbers`).
        latin: capitalised words and acronyms, lower-cased (names and Latin anchors).
    """

    stems: frozenset[str]
    numbers: frozenset[str]
    latin: frozenset[str]


@dataclass(frozen=True, slots=True)
class JapaneseFeatures:
    """What a Japanese sentence offers for cross-lingual comparison.

    Attributes:
        stems: stems of JMdict glosses (first senses), loanword origins and back-translation
            words.
        bt_stems: stems of the back-translation's content words alone (what the sentence
            says in English, one word per Japanese word for the dictionary engine).
        numbers: canonical numeric values (:func:`japanese_numbers`).
        latin: Latin tokens after NFKC, lower-cased.
        readings: romanised readings of katakana words and proper nouns (name candidates).
        n_content: number of content tokens (the size of the sentence in words).
    """

    stems: frozenset[str]
    bt_stems: frozenset[str]
    numbers: frozenset[str]
    latin: frozenset[str]
    readings: frozenset[str]
    n_content: int


#: Share of upper-case letters from which an English sentence is written in capitals (a
#: shouted headline), where a word in capitals is no acronym.
SHOUTING_SHARE = 0.5


def shouting(text: str) -> bool:
    """Whether ``text`` is written mostly in capitals (``SHOUTING_SHARE``)."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) >= SHOUTING_SHARE


#: Verbs of saying, stop words of the English word lists (news attributes every quote),
#: that the aligner keeps, by their JMdict gloss form (言う "to say", 話す "to tell"): in
#: dialogue a sentence may hold nothing else ("He told me that." → 兄がそう言ったの？).
#: Where every sentence has one, the aligner's IDF weighs it down.
_REPORTING_VERBS = {"say": "say", "says": "say", "said": "say", "tell": "tell",
                    "tells": "tell", "told": "tell"}


@text_cache(65536)
def english_features(text: str) -> EnglishFeatures:
    """Features of one English sentence (cached: documents repeat sentences rarely, but the
    aligner and the checks ask for the same sentence many times).

    An acronym of two or more capitals is a Latin anchor even when its lower-cased form is
    a stop word: "US", "IT", "WHO" (and "AT" of AT&T) stay in Latin script in Japanese, and
    lower-cased they would be dropped as "at", "us", "it", "who" (unless the whole sentence
    is in capitals, where capitals mark no acronym). A pronoun fused with its auxiliary
    ("you're", "I'll", "that's") is as much a stop word as the two words apart: counted as
    a content stem it matched the broad glosses of any Japanese sentence.
    """
    stems: set[str] = set()
    latin: set[str] = set()
    shouted: bool | None = None  # read only for a capitalised stop word (#17)
    for w in words(text):
        lw = w.lower
        if lw[0].isdigit():
            continue
        if w.text[0].isupper() and (len(lw) > 1 or w.text.isupper()):
            if lw not in STOPWORDS:
                latin.add(lw)
            elif len(w.text) > 1 and w.text.isupper():
                if shouted is None:
                    shouted = shouting(text)
                if not shouted:
                    latin.add(lw)
        if lw in _REPORTING_VERBS:
            stems.add(_REPORTING_VERBS[lw])
            continue
        if lw in STOPWORDS or lw in PRONOUN_CONTRACTIONS:
            continue
        stems.add(stem(lw))
    return EnglishFeatures(frozenset(stems), english_numbers(text), frozenset(latin))


_LATIN_RUN = re.compile(r"[A-Za-z]+")


@functools.lru_cache(maxsize=65536)
def _token_features(
    surface: str, lemma: str, pos2: str, reading: str
) -> tuple[frozenset[str], frozenset[str], str] | None:
    """(Latin words, gloss stems, romanised reading) of one content token, or None for a
    number; what :func:`japanese_features` gathers token by token.

    Cached process-wide, keyed by the token's word as the glosses are (#17 work done once:
    an article repeats its words, and the articles of a feed share most of them).
    """
    surf = japanese.normalize(surface)
    if surf[:1].isdigit():
        return None
    if japanese.has_latin(surf):
        latin = frozenset(w.lower() for w in _LATIN_RUN.findall(surf))
        return latin, frozenset(stem(w) for w in latin), ""
    roman = ""
    if japanese.is_katakana(surface) or pos2 == "固有名詞":
        roman = japanese.romanize(reading or surface)
    return frozenset(), _word_stems(surface, lemma), roman


@functools.lru_cache(maxsize=65536)
def _word_stems(surface: str, lemma: str) -> frozenset[str]:
    """Stems of what a Japanese word says in English: its loanword origin (UniDic) and the
    JMdict glosses of its surface and dictionary forms (cached process-wide)."""
    stems: set[str] = set()
    origin = japanese.lemma_origin(lemma)
    if origin:
        stems.update(stem(w) for w in re.findall(r"[a-z]+", origin.lower()))
    for form in {surface, japanese.lemma_base(lemma)}:
        stems.update(stem(w) for w in jmdict.gloss_words(form))
    return frozenset(stems)


#: Honorific prefixes that UniDic cuts off the word they belong to (お辞儀 → お + 辞儀),
#: while JMdict lists the word with its prefix ("bow"; 辞儀 alone reads "greeting").
_HONORIFIC_PREFIXES = frozenset({"お", "ご", "御"})


@functools.lru_cache(maxsize=65536)
def _prefixed_stems(prefix: str, surface: str, lemma: str) -> frozenset[str]:
    """Gloss stems of a word with the honorific prefix UniDic split from it (お辞儀, ご飯):
    JMdict's entry for the whole word, which the word alone may not share."""
    stems: set[str] = set()
    for form in {prefix + surface, prefix + japanese.lemma_base(lemma)}:
        stems.update(stem(w) for w in jmdict.gloss_words(form))
    return frozenset(stems)


def _katakana_runs(tokens: Sequence[japanese.Token]) -> set[str]:
    """Romanised readings of runs of two or more adjacent katakana tokens: UniDic cuts a
    foreign name it does not know into known pieces (ミルダン → ミル + ダン, ガーロウ → ガー +
    ロウ), and only the whole run sounds like the English name. A ・ between names ends a
    run (ジョン・スミス stays two names)."""
    out: set[str] = set()
    run: list[japanese.Token] = []
    for tok in tokens:
        kana = "・" not in tok.surface and japanese.is_katakana(tok.surface)
        if kana and run and run[-1].end == tok.start:
            run.append(tok)
            continue
        if len(run) > 1:
            out.add(japanese.romanize("".join(t.surface for t in run)))
        run = [tok] if kana else []
    if len(run) > 1:
        out.add(japanese.romanize("".join(t.surface for t in run)))
    return out


@text_cache(65536)
def japanese_features(text: str, back_translation: str = "") -> JapaneseFeatures:
    """Features of one Japanese sentence and its back-translation (cached)."""
    stems: set[str] = set()
    latin: set[str] = set()
    readings: set[str] = set()
    n = 0
    tokens = japanese.tokenize(text)
    for k, tok in enumerate(tokens):
        if not tok.is_content:
            continue
        n += 1
        own = _token_features(tok.surface, tok.lemma, tok.pos2, tok.reading)
        if own is None:
            continue
        latin |= own[0]
        stems |= own[1]
        if own[2]:
            readings.add(own[2])
        prev = tokens[k - 1] if k else None
        if prev is not None and prev.end == tok.start and prev.pos1 == "接頭辞" \
                and prev.surface in _HONORIFIC_PREFIXES:
            stems |= _prefixed_stems(prev.surface, tok.surface, tok.lemma)
    readings.update(_katakana_runs(tokens))
    bt_stems = frozenset(
        stem(w.lower) for w in words(back_translation) if w.lower not in STOPWORDS
        and not w.lower[0].isdigit()
    )
    return JapaneseFeatures(
        stems=frozenset(stems | bt_stems),
        bt_stems=bt_stems,
        numbers=japanese_numbers(text),
        latin=frozenset(latin),
        readings=frozenset(readings),
        n_content=n,
    )


class NameMatcher:
    """Matches romanised Japanese readings to the capitalised English words of a document.

    Built once per document from the English side; :meth:`match` returns the English words
    (lower-cased) that sound like a reading (:func:`mtqa.text.phonetic.names_match`), so
    that ルビオ carries the anchor ``rubio`` and meets "Rubio" in the reference.
    """

    def __init__(self, english_words: Iterable[str]) -> None:
        # words by key length (names_match compares keys of close lengths only) and key,
        # and the words of short keys by their first three letters (compared by
        # spelling); the keys are tested once for all their words
        # (phonetic.keys_may_match), then each word on its own, since names_match reads
        # its vowels too (two words of one key may differ)
        self._by_len: dict[int, dict[str, dict[str, None]]] = {}
        self._short: dict[str, dict[str, None]] = {}
        # words of one consonant by their key (Lee: R), compared by sound with readings of
        # the same key (リー)
        self._one_class: dict[str, dict[str, None]] = {}
        for w in english_words:
            key = phonetic.latin_key(w)
            if len(key) >= phonetic.SAME_NAME_MIN_KEY:
                self._by_len.setdefault(len(key), {}).setdefault(key, {})[w] = None
            elif key:
                self._one_class.setdefault(key, {})[w] = None
            self._short.setdefault(w.lower()[:3], {})[w] = None
        self._cache: dict[str, frozenset[str]] = {}

    def match(self, reading: str) -> frozenset[str]:
        """The English words that sound like the romanised ``reading``."""
        hit = self._cache.get(reading)
        if hit is not None:
            return hit
        found = {w for w in self._short.get(reading[:3], ())
                 if phonetic.names_match(w, reading)}
        key = phonetic.romaji_key(reading)
        found.update(w for w in self._one_class.get(key, ())
                     if phonetic.names_match(w, reading))
        if len(key) >= phonetic.SAME_NAME_MIN_KEY:
            ratio = phonetic.SAME_NAME_LENGTH_RATIO
            # one length either side of the bounds: names_match decides at the edges
            for length in range(math.ceil(ratio * len(key)) - 1, int(len(key) / ratio) + 2):
                # keys_may_match key by key: its length test is the same for every key of
                # one length, so it is made once (#17 work done once)
                group = self._by_len.get(length)
                if not group or not phonetic.lengths_may_match(length, len(key)):
                    continue
                for word_key, ws in group.items():
                    if phonetic.skeletons_reach(word_key, key, phonetic.SAME_NAME_MIN):
                        found.update(w for w in ws if phonetic.names_match(w, reading))
        result = frozenset(found)
        self._cache[reading] = result
        return result


@text_cache(64)
def name_matcher(english_words: frozenset[str]) -> NameMatcher:
    """The :class:`NameMatcher` of a set of English words, one per article and set.

    The aligner's scorer and the alignment check's sentence similarity
    (:class:`mtqa.align.SentenceSimilarity`) are built from the same English sentences:
    they share one matcher, and with it the readings it has matched (#17 work done once;
    a matcher is immutable but for that cache).
    """
    return NameMatcher(english_words)
