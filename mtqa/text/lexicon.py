"""The lexical matcher shared by the content checks (omission, addition, mistranslation,
scrambled, repetition) and the token risk features.

It compares an English word with a Japanese token through JMdict glosses (all senses,
multi-token entries such as 予断を許さない "touch and go" and compounds split by UniDic,
the meanings of the kanji of a compound), the English origin UniDic records for
loanwords, the words of the back-translation, numbers by value (18,400 ↔ 1万8,400) and
names and loanwords through the phonetic key of :mod:`mtqa.text.phonetic`. English text
is read into words and clauses, Japanese text into units (tokens and multi-token expressions)
and clause-like chunks.
"""

from __future__ import annotations

import functools
import re
import sqlite3
import threading
from collections.abc import Sequence
from dataclasses import dataclass

from . import japanese, jmdict, numerals, wordlists, wordnet
from .english import STOPWORDS, stem
from ..segment import abbreviation_goes_on
from .cache import text_cache
from .numerals import japanese_numbers
from .phonetic import (
    SAME_NAME_MIN_KEY,
    latin_key,
    lengths_may_match,
    names_match,
    reading_similarity,
    romaji_key,
)

# --- English side -----------------------------------------------------------------------

_EN_TOKEN = re.compile(
    # an amount with its scale written on (€100m, $3bn, 2.5tn; "10m" alone may be metres)
    rf"[$€£¥]\d[\d,]*(?:\.\d+)?(?:{numerals.MONEY_SCALE_ABBREVIATIONS})\b"
    rf"|\d[\d,]*(?:\.\d+)?(?:{numerals.SCALE_ABBREVIATIONS})\b"
    r"|[$€£¥]?\d[\d,]*(?:\.\d+)?(?:st|nd|rd|th)?\b|[^\W\d_](?:[^\W\d_]|['’\-](?=[^\W\d_]))*"
    r"|[,;:—–()\"“”]"
)
#: Number words of news English (the Japanese writes them as digits or kanji): the
#: cardinals, "hundred" and "dozen" alone, and the month names, which Japanese writes as
#: numbers (October → 10月); not "may", which is mostly the verb. Ordinals stay words
#: ("first" is 初 as often as 1).
_NUMBER_WORDS: dict[str, float] = {
    **numerals.EN_CARDINALS, "hundred": 100, "dozen": 12, "decade": 10,
    **{m: n for m, n in wordlists.months().items() if m != "may"},
}
#: Scale words and abbreviations after a number ("$14 billion", "€3bn").
_SCALES = numerals.EN_SCALES
#: Words that carry no content of their own in a clause: reporting verbs and fillers that
#: a translation legitimately moves or drops (said → と述べた at the end of the sentence).
LIGHT_WORDS = frozenset(
    """said says say saying told tell tells added adding according asked ask stated noted
    explained described called went made make makes get got gets take took takes put
    per cent percent year years time times day days people thing things way ways lot""".split()
)
#: Words that always open a new clause: relative pronouns and subordinators.
_ALWAYS_OPENS = frozenset(
    "which who whom whose while whereas although though because unless".split()
)
#: Words that open a clause after a comma (else they may open a phrase: "after talks").
_OPENS_AFTER_COMMA = frozenset(
    "where when after before if until since as provided providing except".split())
OPENER_WORDS = _ALWAYS_OPENS | _OPENS_AFTER_COMMA | {"and", "but"}
#: Conjunctions of condition that open a clause without a comma when a clause follows.
_CONDITION_WORDS = frozenset({"provided", "providing"})
#: Quantifiers that open an absolute clause after a comma with "of them", "of whom"
#: (", most of them recruited by ...", ", some of which were sold").
_QUANTIFIERS = frozenset("most many some all none several both each half few".split())
_PARTITIVE_PRONOUN = re.compile(r"\s+of\s+(?:them|whom|which|these|those)\b", re.I)
RELATIVE_WORDS = frozenset({"which", "who", "whom", "whose", "where"})
#: Words after "and"/"but" that show a new verb phrase follows (not a noun list).
_VERBISH = frozenset(
    """will would could can may might should must has have had is are was were also then
    said made took gave went came held left began won lost ran set put got saw told found
    kept led paid met sent spent brought built bought fell rose grew drew broke chose
    spoke wrote stood became remain remains remained""".split()
)


#: A subject of at most three words and a finite auxiliary after ", and": a coordinated
#: clause ("…, and engineers were also checking a bridge", "…, and one had suffered roof
#: damage"), not the last item of a list ("…, and the bridge").
_SUBJECT_THEN_VERB = re.compile(
    r"\s+(?:[A-Za-z'’-]+\s+){1,3}?(?:was|were|is|are|had|has|have|will|would|could|"
    r"can|may|might|should|must|did|does)\b")


#: A personal pronoun and a word after ", and": the subject of a clause of its own (", and
#: he showed no remorse").
_PRONOUN_SUBJECT = re.compile(r"\s+(?:he|she|they|we|I|you)\s+[a-z]")
#: "provided"/"providing" as a conjunction with no comma before it: "that", or a subject
#: and its auxiliary ('"manageable" provided it was reviewed', "providing the plant is
#: inspected"), not a verb with its object ("provided 12 beds", "provided it with").
_CONDITION_FOLLOWS = re.compile(
    r"\s+(?:that\b|(?:it|he|she|they|we|I|you|(?:the|a|an|its|their|his|her|this|these|"
    r"those)\s+[A-Za-z'’-]+)\s+(?:was|were|is|are|had|has|have|will|would|could|can|"
    r"may|might|should|must|did|does|do)\b)")


#: Irregular English forms → base form, so that an idiom listed as "break the ice" is
#: found as "broke the ice" (regular inflections are handled by the stemmer).
IRREGULAR_FORMS = {
    "is": "be", "are": "be", "was": "be", "were": "be", "been": "be", "being": "be",
    "am": "be", "'s": "be", "has": "have", "had": "have", "broke": "break",
    "broken": "break", "bit": "bite", "bitten": "bite", "blew": "blow", "blown": "blow",
    "caught": "catch", "came": "come", "drew": "draw", "drawn": "draw", "ate": "eat",
    "eaten": "eat", "fell": "fall", "fallen": "fall", "got": "get", "gotten": "get",
    "gave": "give", "given": "give", "went": "go", "gone": "go", "goes": "go",
    "grew": "grow", "grown": "grow", "hung": "hang", "held": "hold", "kept": "keep",
    "knew": "know", "known": "know", "laid": "lay", "led": "lead", "left": "leave",
    "lost": "lose", "made": "make", "met": "meet", "paid": "pay", "rang": "ring",
    "rung": "ring", "rose": "rise", "risen": "rise", "ran": "run", "said": "say",
    "saw": "see", "seen": "see", "sold": "sell", "sent": "send", "shook": "shake",
    "began": "begin", "begun": "begin", "fled": "flee", "sought": "seek", "dealt": "deal",
    "built": "build", "lent": "lend", "bent": "bend", "swore": "swear", "sworn": "swear",
    "woke": "wake", "drove": "drive", "driven": "drive", "rode": "ride", "chose": "choose",
    "chosen": "choose", "overtook": "overtake", "undertook": "undertake",
    "shaken": "shake", "shot": "shoot", "shown": "show", "sat": "sit", "slept": "sleep",
    "spoke": "speak", "spent": "spend", "spun": "spin", "spilt": "spill", "stood": "stand",
    "stole": "steal", "stolen": "steal", "stuck": "stick", "swept": "sweep",
    "took": "take", "taken": "take", "taught": "teach", "tore": "tear", "torn": "tear",
    "told": "tell", "thought": "think", "threw": "throw", "thrown": "throw", "won": "win",
    "wore": "wear", "worn": "wear", "wrote": "write", "written": "write", "bore": "bear",
    "borne": "bear", "beaten": "beat", "brought": "bring", "bought": "buy",
    "felt": "feel", "fought": "fight", "found": "find", "flew": "fly", "flown": "fly",
    "forgot": "forget", "froze": "freeze", "hid": "hide", "hidden": "hide", "meant": "mean",
    "sank": "sink", "sunk": "sink", "struck": "strike", "swung": "swing", "tied": "tie",
    "rolled": "roll", "teeth": "tooth", "feet": "foot", "mice": "mouse",
    "women": "woman", "men": "man", "children": "child", "geese": "goose",
}

@dataclass(frozen=True, slots=True)
class EnWord:
    """A content word of the English with its offsets in the pair's reference string.

    ``kind`` is ``number`` (``value`` set), ``name`` (capitalised, not sentence-initial
    or not a dictionary word) or ``word``.
    """

    text: str
    start: int
    end: int
    stem: str
    kind: str
    value: float | None = None
    capital: bool = False

    @property
    def anchor(self) -> bool:
        return self.kind in ("number", "name")


@dataclass(frozen=True, slots=True)
class Clause:
    """A clause-like chunk of the English: its span, its opener word and content words."""

    start: int
    end: int
    opener: str
    words: tuple[EnWord, ...]


#: Words that Python's float() reads (whatever their case): a token that is one of them is
#: a number to :func:`mtqa.text.numerals.parse_english_number`.
_FLOAT_WORDS = frozenset({"nan", "inf", "infinity"})


def _may_be_number(token: str) -> bool:
    """False for a token that :func:`mtqa.text.numerals.parse_english_number` reads as no
    number, told without calling it (#17 work done once: it tries float() on every word,
    and the ValueError of an ordinary word costs more than the rest of the word's
    reading): a token that begins with a letter is a number only as a number word or as
    one of :data:`_FLOAT_WORDS`."""
    first = token[0]
    if first.isdigit() or first in "$€£¥":
        return True
    low = token.lower()
    return low in _NUMBER_WORDS or low in _FLOAT_WORDS


#: Digits with a scale abbreviation written onto them (€100m, $3bn, 100k).
_SCALE_SUFFIXED = re.compile(
    rf"([$€£¥]?\d[\d,]*(?:\.\d+)?)({numerals.MONEY_SCALE_ABBREVIATIONS})", re.I)


@text_cache(4096)
def english_words(text: str) -> tuple[EnWord, ...]:
    """Content words, numbers and names of an English text, with offsets into it."""
    toks = [(m.group(), m.start(), m.end()) for m in _EN_TOKEN.finditer(text)]
    out: list[EnWord] = []
    for k, (tok, a, b) in enumerate(toks):
        low = tok.lower().replace("’", "'")
        if low.endswith("'s"):
            low = low[:-2]
        if not tok[0].isalnum() and tok[0] not in "$€£¥":
            continue
        value = (numerals.parse_english_number(tok, _NUMBER_WORDS)
                 if _may_be_number(tok) else None)
        if value is None and (scaled := _SCALE_SUFFIXED.fullmatch(tok)):
            # "€100m", "$3bn", "100k": the scale written onto the digits
            value = numerals.parse_english_number(scaled.group(1))
            if value is not None:
                value *= _SCALES[scaled.group(2).lower()]
        if value is not None and (clock := numerals.CLOCK_HHMM.match(text, a)):
            # "by 1130 GMT": the hour and the minutes (11時30分)
            out.append(EnWord(tok[:2], a, a + 2, tok[:2], "number", float(clock.group(1))))
            out.append(EnWord(tok[2:], a + 2, b, tok[2:], "number", float(clock.group(2))))
            continue
        if value is not None:
            nxt = toks[k + 1][0].lower() if k + 1 < len(toks) else ""
            if nxt in _SCALES:
                value *= _SCALES[nxt]
            out.append(EnWord(tok, a, b, low, "number", value))
            continue
        if low in STOPWORDS or low in _SCALES or len(low) < 2:
            continue
        prev = toks[k - 1][0] if k else ""
        # a capital after a sentence end, an opening quote or a dash (a dateline's:
        # "TÓRSHAVN, March 14 - Haulage firms") may be an ordinary word
        sentence_initial = k == 0 or prev in {".", "\"", "“", ":", "—"} or (
            k >= 1 and text[toks[k - 1][2] : a].strip() in {".", "!", "?", "-", "–", "—"}
        )
        capital = tok[0].isupper()
        kind = "name" if capital and not sentence_initial else "word"
        out.append(EnWord(tok, a, b, stem(IRREGULAR_FORMS.get(low, low)), kind, capital=capital))
    return tuple(out)


#: -ing words that are nouns or prepositions, not participles opening a clause.
_ING_NOT_PARTICIPLE = frozenset(
    """during according morning evening building meeting housing funding training spending
    nothing something anything everything thing king ring spring string ceiling wedding
    clothing sibling offspring bring sing swing sting wing earnings savings findings
    proceedings surroundings belongings ruling hearing""".split()
)


def _participle(word: str) -> bool:
    """An -ing form that, after a comma, opens a participial clause."""
    return len(word) >= 6 and word.endswith("ing") and word not in _ING_NOT_PARTICIPLE


#: After a comma, the next item of a list of names and what follows it: another comma or
#: "and"/"or" and a further item (", Poland and the Czech Republic", ", Sandwell and").
_LIST_GOES_ON = re.compile(
    r"\s+(?:the\s+)?[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,2}(?:,|\s+(?:and|or)\s+(?:the\s+)?[A-Z])")


def english_clauses(text: str) -> tuple[Clause, ...]:
    """Split an English sentence (or several) into clause-like chunks.

    Cuts at sentence ends, semicolons, dashes and parentheses; before relative pronouns
    and subordinators (before *when/after/if...* only after a comma, since they also open
    mere phrases: "after the announcement"); before a participle after a comma (", warning
    that…"); and before "and"/"but" when a verb phrase
    follows (not inside a list of nouns); after a quotation closed on a comma (its reporting
    frame follows). Other quotes and plain commas do not cut: a chunk is
    meant to be a whole clause, so that a partial rendering still counts as rendered.
    """
    words = english_words(text)
    cuts = {0, len(text)}
    openers: dict[int, str] = {}
    for m in re.finditer(r"[;—–()]|[.!?][\"”’']?(?=\s|$)|\s-\s", text):
        if m.group() == "." and abbreviation_goes_on(text, 0, m.start(), m.end()):
            continue  # "on Jan. 9", "Mr. Ruelas" (not "Washington, D.C. Johnson faces")
        cuts.add(m.end())
    # a quotation closed on a comma: the reporting frame after it ("…," Judge Yoon said)
    # is a clause of its own
    for m in re.finditer(r",[\"”](?=\s)", text):
        cuts.add(m.end())
    for m in re.finditer(r"\b([A-Za-z]+)\b", text):
        w = m.group(1).lower()
        before = text[: m.start()].rstrip()
        after_comma = before.endswith(",")
        if w in _ALWAYS_OPENS or (w in _OPENS_AFTER_COMMA and after_comma) or (
                w in _CONDITION_WORDS and _CONDITION_FOLLOWS.match(text, m.end())):
            cuts.add(m.start())
            openers[m.start()] = w
            if w in RELATIVE_WORDS and after_comma:
                # a non-restrictive relative clause ends at the next comma
                # ("Alexiou, who had led for 31 laps, was frustrated")
                # (not a comma inside a list of names: "at 23 plants in Germany, Poland
                # and the Czech Republic, was hit")
                for close in re.finditer(r",(?!\d)|[.!?;](?=\s|$)", text[m.end():]):
                    if close.group() == "," and _LIST_GOES_ON.match(text, m.end() + close.end()):
                        continue
                    cuts.add(m.end() + close.end())
                    break
        elif after_comma and w in _QUANTIFIERS and _PARTITIVE_PRONOUN.match(text, m.end()):
            # an absolute clause: ", most of them recruited by larger carriers"
            cuts.add(m.start())
            openers[m.start()] = w
        elif after_comma and _participle(w):
            # a participial clause: ", warning that…", ", forcing 12,000 residents…"
            cuts.add(m.start())
            openers[m.start()] = w
        elif w in {"and", "but"}:
            nxt = re.match(r"\s+([A-Za-z]+)", text[m.end():])
            if nxt and (nxt.group(1).lower() in _VERBISH or nxt.group(1).endswith("ed")
                        or (after_comma and w == "but")
                        or nxt.group(1).lower() == "that"
                        or (after_comma and _SUBJECT_THEN_VERB.match(text, m.end()))
                        or (after_comma and _PRONOUN_SUBJECT.match(text, m.end()))):
                # (", and that no one had been injured", ", and engineers were checking":
                # a clause of its own, not the last item of a list)
                cuts.add(m.start())
                openers[m.start()] = w
    bounds = sorted(cuts)
    out = []
    for a, b in zip(bounds, bounds[1:]):
        if not text[a:b].strip(" ,;:—–()\"“”'’.\n"):
            continue
        ws = tuple(w for w in words if a <= w.start < b and w.text.lower() not in OPENER_WORDS)
        out.append(Clause(a, b, openers.get(a, ""), ws))
    return tuple(out)


# --- Japanese side ----------------------------------------------------------------------

#: Multi-token JMdict expressions are looked up up to this many tokens long (予断を許さない
#: is three tokens, compound nouns such as 集中治療 two).
MAX_EXPRESSION_TOKENS = 4
#: JMdict senses used when matching: all the common ones (a word may be used in its
#: third or fifth sense; matching wide keeps the content checks conservative).
MATCH_SENSES = 8
#: Gloss words too vague to count as a match on their own.
_VAGUE = frozenset(
    """counter thing things one person people something someone matter place time way
    making make do doing get getting go going come coming kind sort state being""".split()
)


@dataclass(frozen=True, slots=True)
class JaUnit:
    """A Japanese token with what it can match in English.

    ``start``/``end`` are offsets in the Japanese document text; ``index`` is the token's
    position in its sentence's token list (``sentence`` is the document sentence index).
    """

    start: int
    end: int
    text: str
    pos1: str
    pos2: str
    pos3: str
    lemma: str
    index: int
    sentence: int
    stems: frozenset[str]
    numbers: frozenset[float]
    romaji: str
    content: bool
    #: glosses came from JMdict (a known word, not a name or an unknown string)
    known: bool
    #: conjugated form of a predicate (UniDic's 活用形: 連体形-一般, 連用形-一般…), else ""
    cform: str = ""
    #: romanisation of the katakana word of several tokens the unit is part of (ラン and
    #: ピーター of ランピーター, a name UniDic cuts into words it knows), else ""
    run: str = ""


@functools.lru_cache(maxsize=65536)
def _gloss_stems(form: str) -> frozenset[str]:
    # cached process-wide, as jmdict.gloss_words is (a word's stems; #17 work done once:
    # every multi-token form of every sentence is looked up, most of them more than once)
    return frozenset(stem(w) for w in jmdict.gloss_words(form, MATCH_SENSES) if w not in _VAGUE)


@functools.lru_cache(maxsize=65536)
def _char_stems(ch: str) -> frozenset[str]:
    # the meaning of one kanji used as a word (社 "company" in 同社, 院 in 来院); weak
    return frozenset(stem(w) for w in jmdict.gloss_words(ch, 3) if w not in _VAGUE)


def _expressions(toks: Sequence[japanese.Token]) -> dict[int, set[str]]:
    """Gloss stems of multi-token JMdict entries, attached to every token they cover."""
    extra: dict[int, set[str]] = {}
    n = len(toks)
    for i in range(n):
        if not (toks[i].is_content or toks[i].pos1 == "接頭辞"):
            continue
        surf = toks[i].surface
        for j in range(i + 1, min(n, i + MAX_EXPRESSION_TOKENS)):
            if toks[j].is_punct:
                break
            surf += toks[j].surface
            forms = {surf, surf[: -len(toks[j].surface)] + japanese.lemma_base(toks[j].lemma)}
            for form in forms:
                st = _gloss_stems(form)
                if st:
                    for k in range(i, j + 1):
                        if toks[k].is_content or toks[k].pos1 == "接頭辞":
                            extra.setdefault(k, set()).update(st)
    return extra


_DIGITS = re.compile(r"[0-9][0-9.,]*")


@functools.lru_cache(maxsize=65536)
def _token_meaning(
    surface: str, lemma: str, pos2: str, reading: str
) -> tuple[frozenset[str], frozenset[float], str, bool]:
    """(gloss stems, numbers, romanisation, known) of one token by itself, from its own
    fields (the stems of the expressions it is part of are added by
    :func:`japanese_units`).

    Cached process-wide, keyed by the token's word as :func:`_gloss_stems` is (#17 work
    done once: an article repeats its particles, its nouns and its names, and the
    articles of a feed share most of their words).
    """
    surf = japanese.normalize(surface)
    numbers = japanese_numbers(surface)
    if _DIGITS.fullmatch(surf):
        # a number in digits says its value, matched as a number: the glosses of its kanji
        # reading are no words of it (500 is no "many" through 五百)
        return frozenset(), numbers, "", True
    if japanese.has_latin(surf):
        return frozenset({stem(surf.lower())}), numbers, surf.lower(), False
    stems = set(_gloss_stems(surface) | _gloss_stems(japanese.lemma_base(lemma)))
    known = bool(stems)
    origin = japanese.lemma_origin(lemma)
    if origin:
        stems.update(stem(w) for w in re.findall(r"[a-z]+", origin.lower()))
        known = True
    kanji = [c for c in surface if japanese.has_kanji(c)]
    if len(kanji) >= 2:
        for c in kanji:
            stems |= _char_stems(c)
    # names are compared by sound: katakana words, and kanji proper nouns through their
    # reading (三好 → miyoshi); never common words (覗く → nozoku)
    romaji = ""
    if japanese.is_katakana(surface) or (pos2 == "固有名詞" and reading):
        romaji = japanese.romanize(reading or surface)
    return frozenset(stems), numbers, romaji, known


def _numeral_runs(text: str, toks: Sequence[japanese.Token]) -> dict[int, frozenset[float]]:
    """The values of numbers written over several tokens (1億, 1万8,400, 3千万), given to
    the run's first token: UniDic cuts 1億ユーロ into 1 and 億, and a token alone reads 1."""
    out: dict[int, frozenset[float]] = {}
    i = 0
    while i < len(toks):
        if toks[i].pos2 != "数詞":
            i += 1
            continue
        j = i + 1
        while j < len(toks) and toks[j].start == toks[j - 1].end and (
                toks[j].pos2 == "数詞" or (toks[j].surface in {",", "，", ".", "．"}
                                          and j + 1 < len(toks) and toks[j + 1].pos2 == "数詞")):
            j += 1
        if j - i > 1:
            out[i] = japanese_numbers(text[toks[i].start : toks[j - 1].end])
        i = j
    return out


#: English ordinal words by value (1 → first), from number_words.tsv.
_ORDINAL_STEMS: dict[int, frozenset[str]] = {
    value: frozenset(stem(w) for w, v in numerals.EN_ORDINALS.items() if v == value)
    for value in set(numerals.EN_ORDINALS.values())}
#: Suffixes that make a counted number an ordinal (3期目, 2番目, 1位).
_ORDINAL_SUFFIXES = frozenset({"目", "位"})


def _ordinal_stems(toks: Sequence[japanese.Token], runs: dict[int, frozenset[float]],
                   extra: dict[int, set[str]]) -> None:
    """Give the English ordinal to a Japanese ordinal number (第3, 3期目, 1時間目, 2番目,
    1位): its numeral and counter render "third", "first", "second", which are words,
    not numbers, on the English side ("missing the first class" → 1時間目の授業に出られない).
    Added to ``extra`` (token → stems), with the tokens from the numeral to its suffix."""
    for i, t in enumerate(toks):
        if t.pos2 != "数詞" or (i and toks[i - 1].pos2 == "数詞"):
            continue
        values = runs.get(i) or japanese_numbers(t.surface)
        words = frozenset().union(*(_ORDINAL_STEMS.get(int(v), frozenset())
                                    for v in values if v == int(v)))
        if not words:
            continue
        j = i
        while j + 1 < len(toks) and toks[j + 1].pos2 == "数詞":
            j += 1
        last = j  # 第3: the numeral itself
        if not (i and toks[i - 1].surface == "第"):
            # the suffix right after the numeral, or after one counter (時間, 期, 番)
            ends = [k for k in (j + 1, j + 2) if k < len(toks)
                    and toks[k].surface in _ORDINAL_SUFFIXES and toks[k].pos1 == "接尾辞"]
            if not ends or (ends[0] == j + 2 and toks[j + 1].pos1 not in {"名詞", "接尾辞"}):
                continue
            last = ends[0]
        for k in range(i, last + 1):
            extra.setdefault(k, set()).update(words)


@text_cache(2048)
def japanese_units(text: str, base: int = 0, sentence: int = -1) -> tuple[JaUnit, ...]:
    """All tokens of a Japanese sentence as :class:`JaUnit` (offsets shifted by ``base``)."""
    toks = japanese.tokenize(text)
    extra = _expressions(toks)
    runs = _numeral_runs(text, toks)
    _ordinal_stems(toks, runs, extra)
    runs_of = _katakana_runs(toks)
    units: list[JaUnit] = []
    for i, t in enumerate(toks):
        stems, numbers, romaji, known = _token_meaning(t.surface, t.lemma, t.pos2, t.reading)
        if i in extra:
            stems = stems | extra[i]
        if i in runs:
            numbers = numbers | runs[i]
        units.append(
            JaUnit(
                start=base + t.start, end=base + t.end, text=t.surface, pos1=t.pos1,
                pos2=t.pos2, pos3=t.pos3, lemma=japanese.lemma_base(t.lemma), index=i,
                sentence=sentence, stems=stems, numbers=numbers, romaji=romaji,
                content=t.is_content and t.pos2 != "数詞", known=known, cform=t.cform,
                run=runs_of.get(i, ""),
            )
        )
    return tuple(units)


#: The dots between the parts of a foreign name: a katakana word ends at one.
NAME_DOTS = re.compile(r"[・･=＝]")


def _katakana_runs(toks: Sequence[japanese.Token]) -> dict[int, str]:
    """Token → romanisation of the katakana word of several tokens it is part of: tokens
    written in katakana with nothing between them (ラン + ピーター)."""
    out: dict[int, str] = {}
    i = 0
    while i < len(toks):
        j = i
        while (j < len(toks) and japanese.is_katakana(toks[j].surface)
               and not NAME_DOTS.search(toks[j].surface)
               and (j == i or toks[j].start == toks[j - 1].end)):
            j += 1
        if j - i > 1:
            run = japanese.romanize("".join(t.surface for t in toks[i:j]))
            out.update(dict.fromkeys(range(i, j), run))
        i = max(j, i + 1)
    return out


_KATAKANA_RUN = re.compile(r"[\u30A0-\u30FF\uFF66-\uFF9F]{2,}")


@text_cache(2048)
def katakana_names(text: str) -> tuple[str, ...]:
    """Romanised katakana runs of ``text`` and their ・-separated parts (names)."""
    out: list[str] = []
    for m in _KATAKANA_RUN.finditer(text):
        run = m.group()
        out.append(japanese.romanize(run))
        out.extend(japanese.romanize(p) for p in re.split(r"[・=＝]", run) if len(p) >= 2)
    return tuple(out)


#: English prefixes that negate the word after them ("unintentional", "nonpartisan"); "in",
#: "im" and "dis" are left out: too many words only look prefixed (income, impress,
#: display).
_NEGATING_PREFIXES = ("un", "non")


def negated_bases(en_stem: str) -> tuple[str, ...]:
    """The word a negating prefix was put on ("unintentional" → "intentional"), when the
    rest is long enough to be a word of its own (six letters: not "under", "unique")."""
    return tuple(en_stem[len(p):] for p in _NEGATING_PREFIXES
                 if en_stem.startswith(p) and len(en_stem) - len(p) >= 6)


def _ication(en_stem: str) -> str:
    """The stem of the -ication noun of a verb in -y after a consonant (apply → applic,
    qualify → qualific, notify → notific), or ''."""
    if len(en_stem) >= 5 and en_stem.endswith("y") and en_stem[-2] not in "aeiou":
        return en_stem[:-1] + "ic"
    return ""


def stems_match(en_stem: str, stems: frozenset[str]) -> bool:
    """An English stem against a set of gloss stems: equal, or sharing a long prefix
    (negotiat/negotiation, reaffirm/reaffirmation)."""
    if en_stem in stems:
        return True
    # a word negated by a prefix is rendered by its base and a negation (unintentional:
    # 意図的でない, 意図的なものか…); whether the polarity survived is the mistranslation
    # check's business, not the lexicon's
    if any(stems_match(base, stems) for base in negated_bases(en_stem)):
        return True
    if (adjective := wordnet.adjective_base(en_stem)) and stem(adjective) in stems:
        return True  # "slowest" rendered by 最も遅い (遅い "slow")
    if (noun := _ication(en_stem)) and any(s.startswith(noun) for s in stems):
        return True  # apply → 申請 "application", notify → 通知 "notification"
    if len(en_stem) >= 5:
        pre = en_stem[:5]
        for s in stems:
            if len(s) < 5 or s[:5] != pre:
                continue
            # one contains the other (reaffirm/reaffirmation), or they share a long root
            # (diplomatic/diplomacy)
            if s.startswith(en_stem) or en_stem.startswith(s) or s[:7] == en_stem[:7]:
                return True
    return False


def loanword_sized(word: str) -> bool:
    """Whether a lower-case English word may be heard in katakana as a loanword: four
    letters or more, and no verb's past form ("laid" is no ロード, "poisoned" no
    プーチン)."""
    low = word.lower()
    return len(word) >= 4 and not low.endswith("ed") and low not in IRREGULAR_FORMS


def word_matches_unit(w: EnWord, u: JaUnit) -> bool:
    """True when the English word ``w`` may be rendered by the Japanese token ``u``."""
    if w.kind == "number":
        return w.value is not None and any(abs(w.value - v) < 1e-6 for v in u.numbers)
    if stems_match(w.stem, u.stems):
        return True
    if "-" in w.text and w.capital and hyphen_heads(w.text) & u.stems:
        return True  # a name's hyphenated word by its last part (汚職 of 反汚職委員会 for
        # "Anti-Corruption Commission"): JMdict glosses no hyphenated name word
    if u.romaji and (w.capital or (loanword_sized(w.text) and japanese.is_katakana(u.text))):
        # names, and loanwords transliterated by sound (ドーキング for "dorking")
        if names_match(w.text, u.romaji) or (
                u.romaji.isascii() and u.romaji.lower() == w.text.lower()):
            return True
    # a name UniDic cut into words it knows (ランピーター for "Lampeter")
    return bool(w.capital and u.run and run_renders(w.text, u.run))


@functools.lru_cache(maxsize=4096)
def hyphen_heads(word: str) -> frozenset[str]:
    """The stems the last part of a hyphenated word is matched by ("Anti-Corruption" →
    corruption's; for a place's adjective, the place's too: "Inter-American" → America's,
    which JMdict glosses 米州 by), empty when that part is too short to say anything
    (Jean-Luc, Al-Sisi have names)."""
    last = word.rsplit("-", 1)[-1].lower()
    if len(last) < 5 or not last.isalpha():
        return frozenset()
    heads = {stem(last)} if english_entry(last).headwords else set()
    if last.endswith("an") and wordnet.is_place(last[:-1], adjectives=False):
        heads.add(stem(last[:-1]))  # American → America, African → Africa
    return frozenset(heads)


#: How alike a name and a katakana word cut into known words must sound (a long word
#: sounds loosely like many names: リバーサイド 0.78 like "Bristol"; Lampeter ランピーター
#: 0.86).
RUN_NAME_MIN = 0.85


def run_renders(name: str, run: str) -> bool:
    """Whether English ``name`` is rendered by the katakana word ``run`` (romanised) that
    UniDic cut into words it knows."""
    return names_match(name, run) and reading_similarity(name, run) >= RUN_NAME_MIN


@dataclass(frozen=True)
class Lexicon:
    """English words of a reference matched against the Japanese units of a text."""

    words: tuple[EnWord, ...]
    units: tuple[JaUnit, ...]
    #: english word index -> indices of the units that may render it
    links: tuple[tuple[int, ...], ...]
    numbers: frozenset[float]
    names: tuple[str, ...]
    bt_stems: frozenset[str]

    def covered(self, k: int) -> bool:
        """True when English word ``k`` has any counterpart in the Japanese."""
        w = self.words[k]
        if self.links[k]:
            return True
        if w.kind == "number":
            return w.value is not None and any(abs(w.value - v) < 1e-6 for v in self.numbers)
        if w.stem in self.bt_stems:
            return True
        if w.capital or loanword_sized(w.text):
            return any(names_match(w.text, r) for r in self.names)
        return False

    def unit_links(self, u: int) -> list[int]:
        """English word indices matched by unit ``u`` (ascending)."""
        return list(self._links_by_unit.get(u, ()))

    @functools.cached_property
    def _links_by_unit(self) -> dict[int, tuple[int, ...]]:
        """:attr:`links` inverted, once per lexicon: unit -> the English words it matches,
        ascending. :meth:`unit_links` scanned every word's links on each call, and the
        checks ask it per unit and per word: cubic in a pair's length (a 4,000-character
        segment took a minute)."""
        out: dict[int, list[int]] = {}
        for k, ls in enumerate(self.links):
            for u in ls:
                ks = out.setdefault(u, [])
                if not ks or ks[-1] != k:  # a unit listed twice for a word counts once
                    ks.append(k)
        return {u: tuple(ks) for u, ks in out.items()}

    @functools.cached_property
    def linked_units(self) -> frozenset[int]:
        """The units that match some English word (``unit_links(u)`` not empty)."""
        return frozenset(self._links_by_unit)


def build_lexicon(
    reference: str, segments: Sequence[tuple[str, int, int]], back_translation: str = ""
) -> Lexicon:
    """Match the English ``reference`` against Japanese ``segments``.

    Not cached here: several checks (mistranslation, omission, addition, scrambled and its
    moved-clause search) need the lexicon of the same pair, and a :class:`Lexicon` is
    immutable, so they share one through the document's state
    (:meth:`mtqa.checks.Context.lexicon`, built once per document, #17).

    Args:
        reference: English text (offsets of the words index it).
        segments: (Japanese sentence text, its offset in the document, sentence index).
        back_translation: English back-translation of the segments (any engine).
    """
    return _build_lexicon(reference, tuple((t, b, i) for t, b, i in segments), back_translation)


def _build_lexicon(
    reference: str, segments: tuple[tuple[str, int, int], ...], back_translation: str
) -> Lexicon:
    words = english_words(reference)
    units: list[JaUnit] = []
    nums: set[float] = set()
    names: list[str] = []
    starts: list[int] = []
    for text, base, idx in segments:
        starts.append(len(units))
        units.extend(japanese_units(text, base, idx))
        nums |= japanese_numbers(text)
        names.extend(katakana_names(text))
    links = tuple(
        tuple(start + i for (text, base, idx), start in zip(segments, starts)
              for i in _word_links(w.text, w.stem, w.kind, w.value, w.capital, text, base, idx))
        for w in words
    )
    bt = frozenset(stem(w.lower()) for w in re.findall(r"[A-Za-z]+", back_translation)
                   if w.lower() not in STOPWORDS)
    return Lexicon(words, tuple(units), links, frozenset(nums), tuple(names), bt)


@text_cache(65536)
def _word_links(
    text: str, stem_: str, kind: str, value: float | None, capital: bool,
    segment: str, base: int, sentence: int,
) -> tuple[int, ...]:
    """Indices of the units of one Japanese sentence that may render an English word
    (those of its :class:`_SegmentIndex` for which :func:`word_matches_unit` holds).

    Cached per article (#17): the same word meets the same sentence in many lexicons (a
    pair's own, its neighbours' in the omission and moved-clause searches), and the match
    depends only on the word's text, stem, kind, value and capitalisation, never on its
    offsets.
    """
    index = _segment_index(segment, base, sentence)
    if kind == "number":
        return tuple(i for i, numbers in index.numbered if value is not None
                     and any(abs(value - v) < 1e-6 for v in numbers))
    hits = _held_hits(index, stem_)
    for root in negated_bases(stem_):  # stems_match's negating prefixes
        hits |= _held_hits(index, root)
    if adjective := wordnet.adjective_base(stem_):  # and its comparatives
        root = stem(adjective)
        hits |= {i for i, stems, _ in index.held if root in stems}
    if capital and "-" in text and (heads := hyphen_heads(text)):
        hits |= {i for i, stems, _ in index.held if heads & stems}  # word_matches_unit's
    # word_matches_unit's names and loanwords; its stems_match is the look-up above, so
    # a unit not hit there is compared by sound alone
    lower = text.lower()
    long_word = loanword_sized(text)
    key_len = len(latin_key(text))
    for i, romaji, katakana, romaji_len in index.named:
        if i in hits or not (capital or (long_word and katakana)):
            continue
        # names_match's length test, made here on the keys' lengths: most words are
        # another length than most names, and are not asked for (#17 work done once)
        sounds_alike = (
            (key_len < SAME_NAME_MIN_KEY or romaji_len < SAME_NAME_MIN_KEY
             or lengths_may_match(key_len, romaji_len))
            and names_match(text, romaji)
        )
        if sounds_alike or (romaji.isascii() and romaji.lower() == lower):
            hits.add(i)
    if capital:  # word_matches_unit's names cut into known words
        hits.update(i for i, run in index.runs if i not in hits and run_renders(text, run))
    return tuple(sorted(hits))


def _held_hits(index: _SegmentIndex, stem_: str) -> set[int]:
    """The units of ``index`` whose gloss stems :func:`stems_match` ``stem_`` (without its
    negating prefixes)."""
    hits = {i for i, stems, _ in index.held if stem_ in stems}
    if noun := _ication(stem_):  # (apply → 申請 "application")
        hits |= {i for i, stems, _ in index.held if any(s.startswith(noun) for s in stems)}
    if len(stem_) >= 5:  # stems_match's long shared prefix, where a stem begins alike
        pre = stem_[:5]
        for i, stems, prefixes in index.held:
            if pre in prefixes and i not in hits and any(
                s[:5] == pre and (s.startswith(stem_) or stem_.startswith(s)
                                  or s[:7] == stem_[:7])
                for s in stems if len(s) >= 5
            ):
                hits.add(i)
    return hits


@dataclass(frozen=True)
class _SegmentIndex:
    """Where to look in one sentence's units for an English word's match (see
    :func:`word_matches_unit`): only units that are content or carry a number."""

    #: units carrying a number, with their numbers
    numbered: tuple[tuple[int, frozenset[float]], ...]
    #: the units looked in: (unit, gloss stems, first five letters of its long stems)
    held: tuple[tuple[int, frozenset[str], frozenset[str]], ...]
    #: units with a romanisation (compared by sound): (unit, romanisation, katakana text,
    #: length of the romanisation's phonetic key)
    named: tuple[tuple[int, str, bool, int], ...]
    #: units of a katakana word of several tokens: (unit, the word's romanisation)
    runs: tuple[tuple[int, str], ...] = ()


@functools.lru_cache(maxsize=65536)
def _stem_prefixes(stems: frozenset[str]) -> frozenset[str]:
    # the first five letters of the stems of five letters or more (stems_match's long
    # prefix); cached process-wide, since most units share their token's stems
    # (_token_meaning)
    return frozenset(s[:5] for s in stems if len(s) >= 5)


@text_cache(2048)
def _segment_index(segment: str, base: int, sentence: int) -> _SegmentIndex:
    """The :class:`_SegmentIndex` of one sentence, built once per article (#17).

    A word is looked up unit by unit (a sentence holds a few dozen), not in a table of
    every stem of the sentence: building that table cost more than the look-ups it served
    (#17 work done once).
    """
    numbered, held, named, runs = [], [], [], []
    for i, u in enumerate(japanese_units(segment, base, sentence)):
        if not (u.content or u.numbers):
            continue
        if u.numbers:
            numbered.append((i, u.numbers))
        if u.romaji:
            named.append((i, u.romaji, japanese.is_katakana(u.text), len(romaji_key(u.romaji))))
        if u.run:
            runs.append((i, u.run))
        held.append((i, u.stems, _stem_prefixes(u.stems)))
    return _SegmentIndex(tuple(numbered), tuple(held), tuple(named), tuple(runs))


def japanese_clauses(units: Sequence[JaUnit]) -> list[list[int]]:
    """Unit indices of the clause-like chunks of each sentence (split at 、 and 。; a
    quoted phrase stays inside its clause)."""
    out: list[list[int]] = []
    cur: list[int] = []
    sent = None
    for u, x in enumerate(units):
        if x.sentence != sent or x.text in {"、", "。"}:
            if cur:
                out.append(cur)
            cur = []
            sent = x.sentence
            if x.text in {"、", "。"}:
                continue
        cur.append(u)
    if cur:
        out.append(cur)
    return out


# --- JMdict looked up from the English side ----------------------------------------------

_db_lock = threading.Lock()


@functools.lru_cache(maxsize=1)
def _db() -> sqlite3.Connection:
    """A read-only connection to the JMdict database of jamdict-data."""
    return sqlite3.connect(f"file:{jmdict.database_file()}?mode=ro", uri=True,
                           check_same_thread=False)


def _variants(word: str) -> list[str]:
    """The word and its likely base forms (peeved → peeve, peev; staunchest → staunch;
    began → begin; thieves → thief)."""
    out = [word]
    if word in IRREGULAR_FORMS:
        out.append(IRREGULAR_FORMS[word])
    if word.endswith("ves") and len(word) > 4:
        out += [word[:-3] + "f", word[:-3] + "fe"]
    for suffix, repl in (("iest", "y"), ("ier", "y"), ("ied", "y"), ("ies", "y"),
                         ("est", ""), ("er", ""), ("ed", ""), ("ed", "e"), ("ing", ""),
                         ("ing", "e"), ("es", ""), ("s", ""), ("ly", ""), ("ily", "y")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: len(word) - len(suffix)] + repl
            out.append(base)
            if len(base) > 3 and base[-1] == base[-2]:
                out.append(base[:-1])  # stopped → stopp → stop
    return list(dict.fromkeys(out))


#: How a JMdict gloss may begin before the English word it translates ("to be peeved").
_GLOSS_PREFIXES = ("", "to ", "to be ", "to get ", "a ", "an ", "the ", "being ")


@dataclass(frozen=True)
class EnglishEntry:
    """What JMdict says about an English word, read from the English side.

    Attributes:
        senses: number of JMdict senses glossed by exactly this word (or a base form of
            it, "to be peeved" → "peeve"): how common a translation target it is.
        synonyms: stems of the one-word glosses of those senses (peeve → annoyance).
        headwords: Japanese headwords of those senses (peeve → 癪).
    """

    senses: int
    synonyms: frozenset[str]
    headwords: frozenset[str]


def _gloss_core(gloss: str) -> str:
    g = re.sub(r"\([^)]*\)", " ", gloss.lower())
    g = re.sub(r"\s+", " ", g).strip()
    return re.sub(r"^(?:to be |to get |to |a |an |the |being )", "", g).strip()


@functools.lru_cache(maxsize=16384)
def english_entry(word: str) -> EnglishEntry:
    """The JMdict senses that translate the English ``word`` (an indexed lookup of the
    glosses that begin with it, kept when the whole gloss is the word)."""
    vs = _variants(word)
    rows: list[tuple[int, str, int]] = []
    with _db_lock:
        db = _db()
        for v in vs:
            for pre in _GLOSS_PREFIXES:
                key = pre + v
                rows += db.execute(
                    "SELECT g.sid, g.text, s.idseq FROM SenseGloss g JOIN Sense s "
                    "ON g.sid = s.ID WHERE g.text >= ? AND g.text < ? LIMIT 400",
                    (key, key + "\x7f"),
                ).fetchall()
        core = [r for r in rows if _gloss_core(r[1]) in vs]
        sids = sorted({r[0] for r in core})[:300]
        ids = sorted({r[2] for r in core})[:300]
        glosses: list[str] = []
        heads: set[str] = set()
        if sids:
            marks = ",".join("?" * len(sids))
            glosses = [t for (t,) in db.execute(
                f"SELECT text FROM SenseGloss WHERE sid IN ({marks})", sids)]
        if ids:
            marks = ",".join("?" * len(ids))
            heads = {t for (t,) in db.execute(
                f"SELECT text FROM Kanji WHERE idseq IN ({marks}) UNION "
                f"SELECT text FROM Kana WHERE idseq IN ({marks})", ids + ids)}
    # synonyms are the one-word glosses of those senses ("annoyance", "evidently"); the
    # words of longer glosses ("causing annoyance") would relate everything to everything
    syn = {st for g in glosses if re.fullmatch(r"[a-z][a-z'-]+", c := _gloss_core(g))
           and c not in STOPWORDS and len(st := stem(c)) >= 4 and st not in STOPWORDS}
    return EnglishEntry(len(sids), frozenset(syn), frozenset(heads))


#: Headwords that are readings only (hiragana): a reading is no rendering a newsroom writes.
_HIRAGANA_ONLY = re.compile(r"^[\u3041-\u309f]+$")


@functools.lru_cache(maxsize=4096)
def proper_headwords(gloss: str) -> frozenset[str]:
    """The JMdict headwords (kanji or katakana, not bare readings) of the senses glossed
    exactly by ``gloss`` as written, or by ``gloss`` with a parenthesised note ("Georgia
    (country)"): "Belgium" → ベルギー, 白耳義; "Britain" → 英国, イギリス, 英."""
    with _db_lock:
        db = _db()
        # the note as a range of the index on the gloss text (a LIKE pattern scans the
        # table, 30 ms a word, and ignores case: "Turkey (%" matched "turkey (bird)")
        ids = sorted({i for (i,) in db.execute(
            "SELECT s.idseq FROM SenseGloss g JOIN Sense s ON g.sid = s.ID "
            "WHERE g.text = ? OR (g.text >= ? AND g.text < ?) LIMIT 100",
            (gloss, gloss + " (", gloss + " (\uffff"))})
        heads: set[str] = set()
        if ids:
            marks = ",".join("?" * len(ids))
            heads = {t for (t,) in db.execute(
                f"SELECT text FROM Kanji WHERE idseq IN ({marks}) UNION "
                f"SELECT text FROM Kana WHERE idseq IN ({marks})", ids + ids)}
    return frozenset(japanese.normalize(h) for h in heads if not _HIRAGANA_ONLY.match(h))


def name_renderings(name: str) -> frozenset[str]:
    """How Japanese may write the proper name ``name``: its JMdict headwords
    (:func:`proper_headwords`), the kanji of the places JMnedict glosses so
    (:func:`place_kanji`: "Chengdu" → 成都) and their katakana (:func:`place_kana`:
    "Rzeszow" → ジェシュフ, said as Polish says it). Countries take JMdict's alone
    (:mod:`mtqa.text.countries`): JMnedict gives them Chinese names too (法国)."""
    return proper_headwords(name) | place_kanji(name) | place_kana(name)


@functools.lru_cache(maxsize=4096)
def place_kana(name: str) -> frozenset[str]:
    """The katakana spellings of the places JMnedict glosses by ``name`` as written, with
    or without a note: "Rzeszow (Poland)" → ジェシュフ, "Huelva (Spain)" → ウエルバ. A
    place is written as its own language says it, which an English spelling may not tell
    (rz, ów, a silent h)."""
    return frozenset(japanese.normalize(k) for k in _place_spellings(name, "NEKana")
                     if len(k) >= 2 and japanese.is_katakana(k))


@functools.lru_cache(maxsize=4096)
def place_kanji(name: str) -> frozenset[str]:
    """The kanji spellings (two characters or more) of the places JMnedict, JMdict's
    dictionary of proper names, glosses by ``name`` as written, with or without a note:
    "Kaohsiung" → 高雄, "Chengdu (city in China)" → 成都, "Sichuan (China)" → 四川, 四川省.
    Cities of China, Taiwan, Korea and Japan are written so in Japanese, not in katakana."""
    return frozenset(k for k in _place_spellings(name, "NEKanji")
                     if len(k) >= 2 and japanese.has_kanji(k))


def _place_spellings(name: str, table: str) -> list[str]:
    """The spellings in JMnedict's ``table`` (``NEKanji`` or ``NEKana``) of the places it
    glosses by ``name`` as written, with or without a note ("Chengdu (city in China)")."""
    with _db_lock:
        rows = _db().execute(
            # (CROSS JOIN keeps the order: the gloss index first, not the 228,000 places)
            "SELECT k.text FROM NETransGloss g CROSS JOIN NETranslation t CROSS JOIN "
            f"NETransType ty CROSS JOIN {table} k WHERE (g.text = ? OR (g.text >= ? AND "
            "g.text < ?)) AND t.ID = g.tid AND ty.tid = t.ID AND +ty.text = 'place' AND "
            "k.idseq = t.idseq LIMIT 100", (name, name + " (", name + " (\uffff")).fetchall()
    return [k for (k,) in rows]


@functools.lru_cache(maxsize=4096)
def places_named_after(name: str) -> frozenset[str]:
    """The spellings of the places JMnedict glosses by ``name`` and one more word, and
    writes with kanji: "Aegean" → エーゲ海 ("Aegean Sea"), "Caspian" → カスピ海. The
    English may use the name alone, as an adjective ("an Aegean island"), where Japanese
    says the whole place."""
    if not name[:1].isupper():
        return frozenset()
    with _db_lock:
        rows = _db().execute(
            "SELECT g.text, k.text FROM NETransGloss g CROSS JOIN NETranslation t CROSS JOIN "
            "NETransType ty CROSS JOIN NEKanji k WHERE g.text > ? AND g.text < ? AND "
            "t.ID = g.tid AND ty.tid = t.ID AND +ty.text = 'place' AND k.idseq = t.idseq "
            "LIMIT 100", (name + " ", name + " \uffff")).fetchall()
    return frozenset(k for g, k in rows
                     if re.fullmatch(r"[A-Z][a-z]+", g[len(name) + 1 :]) and len(k) >= 2
                     and japanese.has_kanji(k))


@functools.lru_cache(maxsize=4096)
def is_given_name(word: str) -> bool:
    """Whether JMnedict, JMdict's dictionary of proper names, lists ``word`` (as written)
    as a given name: "Dean", "Major" and "Earl" are names of people as well as titles."""
    with _db_lock:
        row = _db().execute(
            "SELECT 1 FROM NETransGloss g CROSS JOIN NETransType ty WHERE g.text = ? AND "
            "ty.tid = g.tid AND +ty.text IN ('given', 'masc', 'fem') LIMIT 1",
            (word,)).fetchone()
    return row is not None


def related(unit: JaUnit, word: str) -> bool:
    """True when the Japanese word is among the dictionary's renderings of the English
    word or shares a sense's glosses with it."""
    entry = english_entry(word.lower())
    if unit.lemma in entry.headwords or unit.text in entry.headwords:
        return True
    if any(stems_match(syn, unit.stems) for syn in entry.synonyms):
        return True
    # a kanji shared with one of the word's renderings (探求 and 探る for "explore")
    kanji = {c for c in unit.text if japanese.has_kanji(c)}
    return bool(kanji) and any(kanji & set(h) for h in entry.headwords)
