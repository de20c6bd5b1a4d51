"""Names of people, places and organisations: garbled or inconsistent katakana renderings.

The English reference gives the names (capitalised word sequences that are not titles,
not sentence-initial common words); the Japanese renders them in katakana, or in kanji
for Japanese people. Each katakana part (runs split at ・ and ＝), and each kanji person
name by its UniDic reading, is matched one-to-one to the word of its own English
sentence — or two or three consecutive name words written as one ("Pine Hollow" →
パインホロウ) — that it sounds most like, through the phonetic keys of
:mod:`mtqa.text.phonetic` (tolerant of l/r, v/b, epenthetic vowels, long vowels, doubled
consonants). Every English word takes part, so that a Japanese word goes to the
ordinary word it renders ("katuna") rather than to a similar-sounding name.

Flagged:

* ``NAM001`` — a name written two ways in one article (ファン・デル・ヘイデン …
  ヴァン・デル・ハイデン): the less frequent spelling is flagged (ties: the later one,
  unless the earlier one sounds clearly less like the English, or it is garbled).
* ``NAM002`` — a person's name with a stray kanji suffix whose meaning is not in the
  English (ゼレンキー校 "Zelenky school" for Zelenskyy); after other names such a suffix
  says what kind of thing is named (モンド紙 for Le Monde) and is normal Japanese.
* ``NAM003`` — a person's name dropped: a person of the English (titled, addressed as
  Mr/Ms/Dr, the subject of "said", or described by an apposition: "Ann Lee, the
  union's secretary,") whose name the Japanese article never renders —
  no katakana that sounds anything like it, no Latin copy, and no kanji personal name
  near the sentence that could stand for it, and not translated word by word (ドイツ鉄道
  for Deutsche Bahn: half of the name's words have a JMdict rendering or a katakana part
  that sounds like them there). Flagged once, on the Japanese sentence aligned with the
  first English mention.
* ``NAM005`` — an honorific and の fused to a name with no noun for the の to modify
  (マクロン氏のは, スミス氏の：): a stray word, whatever the English says.
* ``NAM006`` — one name put in place of another: a katakana person's or place name
  that renders a name said elsewhere in the article (by sound, by the article's own
  rendering of it, or by JMdict for a known place: ニューヨーク), where the English
  sentence has a name its Japanese does not render, or names more often than the
  Japanese gives it with no pronoun the name put in could render (see
  :meth:`NameCheck._substituted`); or, within one sentence pair, a name given more
  often than the English says in the very place of a name given less often
  (:meth:`NameCheck._given_for_another`).
* ``NAM007`` — a country put in place of another place: the Japanese sentence names a
  country (フランス, 英国) that its English sentence does not name in any form, where the
  English has a name the Japanese does not render (or, with no "it" in the English, gives
  less often than the English names it) — one that is not in that country nor of it by
  WordNet, or is a place of it that is no seat of its government (Beijing for 中国, the
  Bundesbank for ドイツ are the translator's usual renderings; California for アメリカ is
  none; see :meth:`NameCheck._country_put_in`).

A stray word after a name (``NAM002`` kanji, ``NAM004`` kana) is a person's when the
English marks a person or when UniDic reads the name's last word as a personal name
(人名).

Left alone: well-known places in kanji (米国, 英国, 東京: kanji is not compared at all),
katakana loanwords that JMdict knows as ordinary words (チーム, データ) unless their gloss
is the English name itself (ワルツ for Waltz), and names the English does not have.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections import Counter
from collections.abc import Callable, Container, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from ..segment import JA_FULL_STOPS
from ..text import japanese, jmdict, wordlists
from ..text.cache import text_cache
from ..text.countries import (
    countries_rendered_by, country_mentions, mentions_country, renders_country,
)
from ..text.english import NEUTER, PERSONAL, STOPWORDS, stem
from ..text.glossary import organisations
from ..text.lexicon import english_entry, proper_headwords
from ..text.phonetic import (
    kana_key,
    key_similarity,
    latin_key,
    name_similarity,
    name_similarity_reaches,
    romaji_similarity,
    skeletons_reach,
)
from ..text.wordnet import (
    base_forms, is_place, is_seat_of_government, synsets_of, what_holds,
)
from ..types import AlignedPair, Finding, Severity
from . import BaseCheck, Context

#: A katakana part is taken as the rendering of an English name word when it sounds at
#: least this much like it (see mtqa.text.phonetic.name_similarity; measured on the
#: annotated cases: correct renderings score ≥ 0.8, unrelated words ≤ 0.6).
MATCH_MIN = 0.75
#: The earlier of two equally frequent spellings is kept as the reference spelling unless
#: the later one's consonant skeleton matches the English this much better (the earlier
#: one lost or gained a consonant: ゼレンキー vs ゼレンスキー for Zelenskyy).
CANONICAL_MARGIN = 0.15
#: Two spellings are variants of one name only when their own keys agree this much
#: (ヴァン/ファン, ゼレンキー/ゼレンスキー); otherwise they are different words that
#: happen to sound like the same English name.
VARIANT_MIN = 0.75
#: A katakana word matched to a name of a neighbouring sentence only (the alignment may
#: be off) must sound closer to it than one matched within its own sentence.
NEIGHBOUR_MATCH_MIN = 0.85
#: ... and must not sound even this much like a word of its own sentence.
OWN_HINT_MIN = 0.6
#: ... and their romanisations (vowels included, see mtqa.text.phonetic) this much: short
#: names have short keys (Paul → BR) that unrelated words share (バレエ).
VARIANT_ROMAJI_MIN = 0.75
#: English name words of one sequence that may be written as one katakana word.
MAX_JOINED_WORDS = 3
#: A person's name counts as rendered somewhere in the article when a katakana word not
#: taken by another name sounds at least this much like the surname (looser than
#: MATCH_MIN: a garbled rendering is NAM001/NAM002's business; given names are not
#: enough, short keys match too much).
DROPPED_LOOSE_SIM = 0.7
#: Words that mark the name before them, or after them, as a person's.
#: NAM006: a katakana word alone stands for a name that is also an English word (Miller,
#: Stern, Images) only when it sounds at least this much like it: the phonetic keys are
#: tolerant, and a surname such as マッカーシー sounds 0.93 like "images".
SUBSTITUTE_WORD_MIN = 0.95
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
#: Kanji that open a compound referring back (同館 "that museum", 当社 "this company").
_REFERRING_PREFIXES = wordlists.deictic_prefixes()
_SPEECH_VERBS = frozenset(
    "said says told tells added adds wrote writes announced announces stated argued "
    "explained warned insisted noted replied asked".split()
)

# Lower-case particles inside names (Maarten van der Heijden, Hendrick ter Wolde).
_NAME_PARTICLES = wordlists.name_particles()
_MONTHS_DAYS = frozenset(wordlists.months()) | frozenset(wordlists.weekdays())
_EN_WORD = re.compile(r"[^\W\d_][\w'’\-]*", re.UNICODE)
# Katakana (with prolonged sound mark, middle dot and the equals signs used in names).
_KATAKANA_RUN = re.compile(r"[\u30A1-\u30FA\u30FC\u30FB\uFF66-\uFF9F＝=]+")
_PART_SEP = re.compile(r"[・＝=]")
#: A JMdict gloss's parenthesised note ("Paris (France)").
_GLOSS_NOTE = re.compile(r"\s*\([^)]*\)")
# Suffixes that follow names in Japanese news (honorifics, groups, place types, titles):
# a suffix outside this list whose meaning is not in the English is a stray addition.
NAME_SUFFIXES = frozenset(
    "氏 さん 様 君 くん ちゃん 殿 家 ら 等 達 たち 夫妻 夫人 一家 側 派 陣営 政権 政府 軍 "
    "国 州 市 郡 町 村 区 県 省 島 湖 川 山 港 駅 人 語 系 産 製 社 組 式 流 型 風 党 "
    "首相 相 大統領 長官 知事 議員 選手 監督 容疑者 被告 元 前 通り 線 号 世 朝 王 公 卿".split()
)
#: English words of an institution that Japanese names by its place and a suffix
#: (University of California, Berkeley → バークレー校; the Tate Modern → テート館).
_CAMPUS_WORDS = frozenset(
    "university college campus school academy institute museum gallery library hall "
    "theatre theater temple church shrine".split()
)
#: One-kana suffixes that do follow names: ら (plural), め (scorn, in fiction).
_KANA_NAME_SUFFIXES = frozenset("ら め".split())
#: Lemmas of the copula (だ, で, でし, じゃ, です): after 氏の it leaves the の no noun.
_COPULA = frozenset({"だ", "です"})
#: Honorifics that may follow a name's stray suffix (サンチェス校氏: 校 is still stray).
_HONORIFIC_SUFFIXES = frozenset("氏 さん 様 君 殿".split())
#: A locative preposition right before a name makes it a place ("grew up in Miami").
_LOCATIVE = re.compile(
    r"\b(?:in|at|from|across|throughout|into|near|around|outside)\s+(?:the\s+)?$", re.I)


@dataclass(frozen=True, slots=True)
class EnglishName:
    """A capitalised name sequence of the reference (``start``/``end`` index its text)."""

    text: str
    words: tuple[str, ...]
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class KanaPart:
    """One part of a katakana run (``start``/``end`` index the text searched)."""

    surface: str
    start: int
    end: int
    run_start: int
    run_end: int
    n_parts: int
    #: katakana reading of a kanji name (UniDic); '' for katakana parts
    reading: str = ""

    @property
    def sound(self) -> str:
        """What the part sounds like, in kana."""
        return self.reading or self.surface


@functools.lru_cache(maxsize=65536)
def _fold(word: str) -> str:
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
        exclude: spans whose words are never names (the glossary's titles).
        include_initial: also take every capitalised sentence-initial word ("Sonny
            frequented…"): as candidates they keep a Japanese name from being matched to
            another, similar-sounding name of the sentence.
    """
    spans = list(sentence_spans) if sentence_spans else [(0, len(text))]
    words = [(m.start(), m.end(), m.group()) for m in _EN_WORD.finditer(text)]
    # offsets of the first word of each sentence
    starts = set()
    for s, e in spans:
        m = _EN_WORD.search(text, s, e)
        if m:
            starts.add(m.start())

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
        _fold(w) for s, e, w in words if w[:1].isupper() and not initial(s)
    }
    out: list[EnglishName] = []
    seq: list[tuple[int, int, str]] = []

    def flush() -> None:
        while seq and seq[-1][2].lower() in _NAME_PARTICLES:
            seq.pop()
        if seq:
            s, e = seq[0][0], seq[-1][1]
            out.append(EnglishName(text[s:e], tuple(w for _, _, w in seq), s, e))
        seq.clear()

    for idx, (s, e, w) in enumerate(words):
        low = _fold(w)
        gap = text[seq[-1][1] : s] if seq else ""
        if seq and (len(gap) > 1 or gap.strip() not in {"", "-"}):
            flush()
        is_cap = w[:1].isupper()
        if (
            is_cap
            and low not in STOPWORDS
            and low not in _MONTHS_DAYS
            and not excluded(s, e)
            and not (w.isupper() and len(w) > 1)  # acronyms stay in Latin script
            and (include_initial or not initial(s) or low in capital_mid
                 or _next_is_name(words, idx, text))
        ):
            seq.append((s, e, w))
        elif seq and low in _NAME_PARTICLES:
            seq.append((s, e, w))
        else:
            flush()
    flush()
    return out


def _next_is_name(words: Sequence[tuple[int, int, str]], idx: int, text: str) -> bool:
    """A sentence-initial capitalised word followed by another capitalised word (a full
    name at the start of a sentence: "Tran Quoc Bao completed")."""
    if idx + 1 >= len(words):
        return False
    s, _, w = words[idx + 1]
    return (
        w[:1].isupper()
        and _fold(w) not in STOPWORDS
        and text[words[idx][1] : s] == " "
    )


def name_candidates(names: Sequence[EnglishName]) -> dict[str, str]:
    """Comparable strings of the names: each word and runs of up to
    :data:`MAX_JOINED_WORDS` consecutive words joined → the English shown to the user."""
    out: dict[str, str] = {}
    for n in names:
        ws = [w for w in n.words if w.lower() not in _NAME_PARTICLES or len(n.words) > 1]
        for i in range(len(ws)):
            for j in range(i + 1, min(len(ws), i + MAX_JOINED_WORDS) + 1):
                key = "".join(_fold(w) for w in ws[i:j])
                out.setdefault(key, " ".join(ws[i:j]))
    return out


def katakana_parts(text: str, base: int = 0) -> list[KanaPart]:
    """Parts of the katakana runs of ``text`` (offsets + ``base``)."""
    out: list[KanaPart] = []
    for m in _KATAKANA_RUN.finditer(text):
        run = m.group()
        lead = len(run) - len(run.lstrip("・＝="))
        run_s, run_e = m.start() + lead, m.end() - (len(run) - len(run.rstrip("・＝=")))
        if run_e <= run_s:
            continue
        pieces = [(p.start(), p.end()) for p in re.finditer(r"[^・＝=]+", text[run_s:run_e])]
        for ps, pe in pieces:
            surface = text[run_s + ps : run_s + pe]
            if len(surface.strip("ー")) < 2 and len(pieces) == 1:
                continue  # a lone kana sign is not a name
            out.append(KanaPart(surface, base + run_s + ps, base + run_s + pe,
                                base + run_s, base + run_e, len(pieces)))
    return out


def kanji_name_parts(text: str, base: int = 0) -> list[KanaPart]:
    """Person names written in kanji (三好, 啓介), with their UniDic readings, so that a
    Japanese name of the English ("Keisuke Miyoshi") is compared by sound too."""
    out = []
    for tok in japanese.tokenize(text):
        if tok.pos3 == "人名" and japanese.has_kanji(tok.surface) and tok.reading:
            out.append(KanaPart(tok.surface, base + tok.start, base + tok.end,
                                base + tok.start, base + tok.end, 1, tok.reading))
    return out


def _gloss_mentions(surface: str, word: str) -> bool:
    w = stem(word)
    return any(stem(g) == w for g in jmdict.gloss_words(surface))


def _components(names: Sequence[EnglishName]) -> dict[str, tuple[str, ...]]:
    """Joined candidate key → the single-word keys it is made of."""
    out: dict[str, tuple[str, ...]] = {}
    for n in names:
        ws = [_fold(w) for w in n.words if w.lower() not in _NAME_PARTICLES or len(n.words) > 1]
        for i in range(len(ws)):
            for j in range(i + 2, min(len(ws), i + MAX_JOINED_WORDS) + 1):
                out.setdefault("".join(ws[i:j]), tuple(ws[i:j]))
    return out


def _acceptable(part: KanaPart, key: str, common: frozenset[str]) -> bool:
    """An ordinary loanword (JMdict has it: パートナー, ファン "fan") renders a name only
    when its gloss is the name itself (ワルツ "waltz" for Waltz) and the English never uses
    that word in lower case, or when it sits in a ・-joined personal name (グエン・バン・コア),
    where it is a syllable of the name."""
    if part.n_parts == 1 and not part.reading and jmdict.glosses(part.surface):
        return key not in common and _gloss_mentions(part.surface, key)
    return True


def _edges(parts: Sequence[KanaPart], keys: Iterable[str], skip: Container[KanaPart],
           min_sim: float) -> list[tuple[float, int, str]]:
    """(similarity, part index, English word) of every part (but those in ``skip``) and
    English word whose similarity reaches ``min_sim``, best first.

    :func:`name_similarity_reaches` with each key read once, for every word and every
    part (#17 work done once: a sentence's parts meet all its words).
    """
    latin_keys = {key: latin_key(key) for key in keys}
    edges: list[tuple[float, int, str]] = []
    for i, part in enumerate(parts):
        if part in skip:
            continue
        sound_key = kana_key(part.sound)
        for key, key_of_word in latin_keys.items():
            if not skeletons_reach(key_of_word, sound_key, min_sim):
                continue
            sim = name_similarity(key, part.sound)
            if sim >= min_sim:
                edges.append((sim, i, key))
    edges.sort(key=lambda e: (-e[0], e[1], e[2]))
    return edges


def find_rendering(name: str, ja_text: str) -> list[tuple[int, int, float]]:
    """Spans of katakana runs of ``ja_text`` that render the English ``name`` (any of its
    words), best first: (run_start, run_end, similarity)."""
    words = [w for w in _EN_WORD.findall(name) if w.lower() not in _NAME_PARTICLES]
    hits: dict[tuple[int, int], float] = {}
    for part in katakana_parts(ja_text):
        # only the words that reach the floor are graded (#17 work done once: the titles
        # check asks for every holder's name in every sentence, and most parts are another
        # word); the best of them is the best of all words when any reaches it
        sim = max((name_similarity(w, part.surface) for w in words
                   if name_similarity_reaches(w, part.surface, MATCH_MIN)), default=0.0)
        if sim >= MATCH_MIN:
            key = (part.run_start, part.run_end)
            hits[key] = max(hits.get(key, 0.0), sim)
    return sorted(((s, e, v) for (s, e), v in hits.items()), key=lambda t: (-t[2], t[0]))


@dataclass
class _Record:
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


@dataclass
class _State:
    names: list[EnglishName] = field(default_factory=list)
    candidates: dict[str, str] = field(default_factory=dict)
    #: candidate key → the full English name it belongs to (for messages)
    full: dict[str, str] = field(default_factory=dict)
    common: frozenset[str] = frozenset()
    #: candidate keys of names that follow a title in the English (people)
    people: frozenset[str] = frozenset()
    records: list[_Record] = field(default_factory=list)
    garbled: set[tuple[int, int]] = field(default_factory=set)
    #: the English article, and which of its names are people (cache of _is_person)
    reference: str = ""
    person_cache: dict[str, bool] = field(default_factory=dict)
    #: the candidate keys of each name of ``names``, in order (asked for every katakana
    #: part: computed once per document, #17)
    name_keys: list[frozenset[str]] = field(default_factory=list)
    #: English names after a locative preposition ("in Miami"): places
    located: frozenset[str] = frozenset()
    #: NAM006: each distinct name key → (its Latin key, the names it belongs to), built
    #: when first asked
    key_index: dict[str, tuple[str, list[EnglishName]]] | None = None
    #: whether the English around the pair being checked names an institution
    #: (:data:`_CAMPUS_WORDS`: 校 or 館 after a place may render it)
    institution: bool = False

    @classmethod
    def for_document(cls, ctx: Context) -> _State:
        """The English names of the document, before any pair is checked
        (:class:`mtqa.checks.CheckState`)."""
        names = _document_names(ctx)
        full: dict[str, str] = {}
        name_keys = []
        for n in names:
            keys = name_candidates([n])
            name_keys.append(frozenset(keys))
            for key in keys:
                full.setdefault(key, n.text)
        common = frozenset(
            w for w in _EN_WORD.findall(ctx.reference.text) if w.islower()
        )
        ref = ctx.reference.text
        located = frozenset(
            n.text for n in names
            if _LOCATIVE.search(ref, max(0, n.start - 12), n.start) is not None
        )
        return cls(names=names, candidates=name_candidates(names), full=full,
                   common=common, people=_titled_names(ctx, names), reference=ref,
                   located=located, name_keys=name_keys)


#: JMdict gloss words of a word for a school (大学, 学院, 高校).
_SCHOOL_GLOSSES = frozenset({"school", "university", "college"})


def _mr_stray(doubled: bool, unidic_place: bool, person: bool, attributive: bool,
              dict_place: bool) -> str | None:
    """What the honorific 氏 after a name says when it is stray (see
    :meth:`NameCheck._stray_after`), or None when it belongs there: doubled (…氏の氏), or
    after a place, by UniDic (地名) or by JMdict (``dict_place``: the dictionary's proper
    noun for the English word, where the English marks no person: シドニー, which UniDic
    reads as a personal name, for "the Sydney CBD"), or after a name the English uses as a
    modifier. An English preposition alone does not make a person's name a place ("the
    deal struck with Johnson")."""
    place = unidic_place or dict_place
    if not doubled and not attributive and (person and not dict_place or not place):
        return None
    return ("a second honorific 氏の before 氏" if doubled
            else "the honorific 氏 'Mr' after a place" if place
            else "the honorific 氏 'Mr' after a name the English gives as a modifier")


def _dictionary_place(surface: str, english: str) -> bool:
    """Whether JMdict's first sense of katakana ``surface`` is the proper noun ``english``
    itself (シドニー 'Sydney', ベルリン 'Berlin (Germany)'): JMdict lists places and
    countries, hardly any people (the caller makes sure the English marks no person)."""
    glosses = jmdict.glosses(surface)
    if not glosses or not glosses[0][:1].isupper():
        return False
    first = re.split(r"[\s,(]", glosses[0], maxsplit=1)[0]
    return _fold(first) == _fold(english.split()[0]) if english.split() else False


def _kanji_stray(suffix: japanese.Token, glued: japanese.Token | None, person: bool,
                 place: bool, institution: bool, ref_stems: set[str]) -> str | None:
    """What a one-kanji suffix after a name says when it is stray (see
    :meth:`NameCheck._stray_after`), or None when it belongs there.

    Stray: after a person, or after a place or before a suffix that names a school (JMdict
    glosses it "school": 校, 院, 塾) when the English names no institution, or right
    before a word for a school (スタンフォード校大学: named twice); the suffix
    ends the word (``glued``, the token glued after it, does not make a JMdict word with
    it: 館 of 館長 "director" is no suffix of the name, 校 of 校議長 is); and none of its
    JMdict meanings is in the English.
    """
    school = "school" in jmdict.gloss_words(suffix.surface)
    # a school's suffix before a word for a school (校大学): the institution is named twice
    doubled = school and glued is not None and bool(
        _SCHOOL_GLOSSES & jmdict.gloss_words(glued.surface))
    if not (person or doubled or ((place or school) and not institution)):
        return None
    if glued is not None and jmdict.glosses(suffix.surface + glued.surface):
        return None
    gloss = jmdict.gloss_words(suffix.surface)
    if not gloss or any(stem(g) in ref_stems for g in gloss):
        return None
    first = jmdict.first_gloss(suffix.surface) or sorted(gloss)[0]
    return f"the suffix {suffix.surface} '{first}'"


def _unrendered_countries(pair: AlignedPair, seg: str) -> list[str]:
    """The countries the pair's English names (by name, adjective or short form: the US,
    Belgian) that its Japanese ``seg`` renders by none of their JMdict names, nor in Latin
    letters; not a hashtag's or a handle's (#USA)."""
    out = []
    for c in country_mentions(pair.reference):
        form = pair.reference[c.start : c.end]
        if pair.reference[c.start - 1 : c.start] in ("#", "@") or form in seg:
            continue
        if not renders_country(seg, c.renderings):
            out.append(form)
    return out


def _place_stem_said(word: str, countries: Sequence[tuple[str, ...]], english: str) -> bool:
    """Whether ``english`` has a word made on the stem of a place that JMdict glosses
    ``word`` (Scottish, Scots for スコットランド "Scotland"; English for イングランド): the
    first four letters of a word, or its plural ("Germans" for ドイツ: a demonym
    of ``countries``, the word's); in any case (social English writes "scottish"); not the
    last word of a longer name ("South Holland")."""
    stems = {g[:4].lower() for g in jmdict.glosses(word) if len(g) >= 4 and g[:1].isupper()}
    forms = {f for c in countries for f in c}
    return any((w[:4].lower() in stems or (w.endswith("s") and w[:-1] in forms))
               and not _ends_longer_name(english, m.start())
               for m in re.finditer(r"\b[A-Za-z]{4,}", english) if (w := m.group()))


def _in_compound(tokens: Sequence[japanese.Token], k: int) -> bool:
    """Whether token ``k`` is joined to a noun or prefix right before or after it (南ホラント
    州: a place's name made of several words)."""
    before = tokens[k - 1] if k else None
    after = tokens[k + 1] if k + 1 < len(tokens) else None
    return (before is not None and before.end == tokens[k].start
            and before.pos1 in ("名詞", "接頭辞")) or (
        after is not None and after.start == tokens[k].end
        and after.pos1 in ("名詞", "接尾辞"))


def _ends_longer_name(english: str, start: int) -> bool:
    """Whether the word at ``start`` follows a capitalised word of its name ("South
    Holland", "New Mexico"), one that does not open its sentence."""
    lo = max(0, start - 30)
    before = re.search(r"\b([A-Z][\w'’-]*) +$", english[lo:start])
    return before is not None and before.group(1).lower() not in STOPWORDS \
        and not _opens_sentence(english, lo + before.start(1))


def _inside_word(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is part of a longer word of its script: katakana next to
    katakana or a ・ (メキシコ of ニューメキシコ), kanji after kanji (米国 of 全米国)."""
    before, after = text[start - 1 : start], text[end : end + 1]
    if japanese.is_katakana(text[start:end]):
        return any(c and (japanese.is_katakana(c) or _PART_SEP.match(c)) for c in (before, after))
    return bool(before) and japanese.has_kanji(before)


def _name_start(text: str, lo: int, start: int, joiners: str = "・＝=") -> int:
    """Where the katakana name before offset ``start`` of ``text`` begins, not before
    ``lo``: back over katakana and the marks that join the parts of one name
    (``joiners``: エマニュエル・マクロン)."""
    while start > lo and (japanese.is_katakana(text[start - 1]) or text[start - 1] in joiners):
        start -= 1
    return start


def _unknown_words(english: str, parts: Sequence[KanaPart]) -> list[str]:
    """Lower-case words of ``english`` that neither JMdict nor WordNet knows in any form
    and no katakana part sounds even loosely like: a name written in lower case ("chiari
    malformation") that the Japanese does not render."""
    out = []
    for w in _EN_WORD.findall(english):
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


def _countries_put(tokens: Sequence[japanese.Token], pair: AlignedPair, st: _State, text: str,
                   flagged: set[tuple[int, int]],
                   ) -> list[tuple[int, int, tuple[tuple[str, ...], ...]]]:
    """For :meth:`NameCheck._country_put_in`: the words of the pair's Japanese (article
    offsets, with their countries' forms) that UniDic reads as a place and JMdict gives for
    a country the English of the pair names in no form: not a word that sounds like a name
    of the pair (アンドラ for "coastal Andhra"), nor a country opening a compound that names
    a body (ドイツ鉄道, 米国防総省), nor part of a longer word, nor one already flagged."""
    put: list[tuple[int, int, tuple[tuple[str, ...], ...]]] = []
    # the last word of a longer name ("South Holland") is rendered inside a compound
    # (南ホラント州), not by the country alone (オランダは)
    ref = st.reference
    capitals: set[str] = set()
    name_ends: set[str] = set()
    for n in st.names:
        if pair.ref_start <= n.start < pair.ref_end:
            for w in n.words:
                if w.lower() not in STOPWORDS:
                    ends = _ends_longer_name(ref, n.start + max(0, n.text.find(w)))
                    (name_ends if ends else capitals).add(_fold(w))
    for k, tok in enumerate(tokens):
        if tok.pos3 != "地名" or any(name_similarity_reaches(w, tok.surface, MATCH_MIN)
                                     for w in capitals):
            continue
        if _in_compound(tokens, k) and any(name_similarity_reaches(w, tok.surface, MATCH_MIN)
                                           for w in name_ends):
            continue
        after = tokens[k + 1] if k + 1 < len(tokens) else None
        if after is not None and after.start == tok.end and after.pos1 == "名詞" and len(
                after.surface) >= 2 and japanese.has_kanji(after.surface) and \
                _may_name_a_body(after.surface):
            continue
        countries = countries_rendered_by(tok.surface)
        start, end = pair.mt_start + tok.start, pair.mt_start + tok.end
        if not countries or (start, end) in flagged or _inside_word(text, start, end):
            continue
        if any(_names_country_itself(pair.reference, forms) for forms in countries) or \
                _place_stem_said(tok.surface, countries, pair.reference):
            continue
        put.append((start, end, countries))
    return put


def _names_country_itself(english: str, forms: tuple[str, ...]) -> bool:
    """Whether ``english`` names the country of ``forms`` other than as the last word of a
    longer name ("the province of South Holland" names a province, not Holland): a
    mention right after a capitalised word that does not open its sentence is part of
    that name."""
    return any(c.forms == forms and not _ends_longer_name(english, c.start)
               for c in country_mentions(english))


#: WordNet lexicographer files of the nouns that name a body or a thing a country has
#: (government, railway, embassy, bank): a country opening such a compound names it.
_BODY_FILES = frozenset({"noun.group", "noun.artifact"})


@functools.lru_cache(maxsize=4096)
def _may_name_a_body(word: str) -> bool:
    """Whether the kanji noun ``word`` that follows a country may make the name of a body
    with it (ドイツ鉄道, 米国防総省, 中国政府): some JMdict gloss of it is a WordNet noun of a
    group or an artifact, or WordNet knows none of its glosses. 時代 ("period; epoch; era")
    is none: イタリア時代 is the country's era, not a body's name."""
    files: set[str] = set()
    for gloss in jmdict.glosses(word)[:6]:
        key = _GLOSS_NOTE.sub("", gloss).strip().lower().replace(" ", "_")
        files.update(s.lexname for s in synsets_of(key) if s.pos == "n")
    return not files or bool(files & _BODY_FILES)


def _opens_compound(text: str, end: int) -> bool:
    """Whether two kanji follow ``end``: the word before opens a compound (ドイツ鉄道)."""
    after = text[end : end + 2]
    return len(after) == 2 and all(japanese.has_kanji(c) for c in after)


def _names_country(name: str) -> bool:
    """Whether an English name is a country's in any form ("British", "Japanese"), or a
    word WordNet knows as an adjective ("Scottish", "Roman"): the Japanese may give it in
    kanji (英国, 日本人) or by the place it pertains to (スコットランドの), which no count of
    the name's own renderings sees."""
    if any(True for _ in country_mentions(name)):
        return True
    words = name.split()
    return len(words) == 1 and any(
        s.pos in ("a", "s") for s in synsets_of(_fold(words[0])))


def _times(n: int) -> str:
    return {0: "never", 1: "once", 2: "twice"}.get(n, f"{n} times")


@dataclass(frozen=True)
class _Tally:
    """How often each person of a pair's English is named there and given in its Japanese.

    Mentions sharing a name word are one person ("Ben Affleck", "Ben"); a katakana run
    gives the person whose name word one of its parts renders (:meth:`NameCheck._assign`)."""

    #: the names of the pair's English, in order, with their candidate keys
    here: list[tuple[EnglishName, frozenset[str]]]
    #: the person of each of ``here``
    person: list[int]
    #: the Japanese runs (article offsets) that give a person, and whom
    runs: dict[tuple[int, int], int]
    said: Counter[int]
    given: Counter[int]

    @classmethod
    def of(cls, pair: AlignedPair, st: _State, own: dict[KanaPart, tuple[str, float]],
           text: str) -> _Tally:
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
            if 0 < self.given[k] < self.said[k] and k not in seen and not _names_country(
                    n.text):
                seen.add(k)
                out.append(n)
        return out


class NameCheck(BaseCheck):
    """Garbled and inconsistent katakana renderings of the reference's names."""

    name: ClassVar[str] = "names"
    version: ClassVar[int] = 18
    requires: ClassVar[frozenset[str]] = frozenset({"glossary"})

    def _state(self, ctx: Context) -> _State:
        return ctx.check_state(_State)

    def run(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]:
        if pair.chrome or not pair.mt_sentences:
            return
        st = self._state(ctx)
        text = ctx.translation.text
        seg = text[pair.mt_start : pair.mt_end]
        if not st.candidates:
            # the strays that need no English name (NSW → ニューサウスウェールズさ州)
            tokens = japanese.tokenize(seg)
            yield from self._dangling_honorifics(tokens, pair, text, st)
            yield from self._honorific_before_head(tokens, pair, text, st)
            yield from self._fused_sa(tokens, pair, text, st, ctx)
            return
        parts = katakana_parts(seg, pair.mt_start) + kanji_name_parts(seg, pair.mt_start)
        tokens = japanese.tokenize(seg)
        window = _EN_WORD.findall(_window_reference(pair, ctx))
        ref_stems = {stem(w) for w in window}
        cap_stems = {stem(w) for w in window if w[:1].isupper()}
        st.institution = any(_fold(w) in _CAMPUS_WORDS for w in window)
        # A Japanese name renders a name of its own English sentence (or, failing that, of
        # a neighbour's: the alignment may be one off), not any name of the article.
        own = self._assign(parts, st, ctx.reference.text, pair.ref_start, pair.ref_end)
        lo, hi = _window_span(pair, ctx)
        own_words = {_fold(w) for w in _EN_WORD.findall(pair.reference) if len(w) > 1}
        # a word that sounds even vaguely like a word of its own sentence (パホラ for
        # "pachora") is not looked for in the neighbours
        rest = [p for p in parts if p not in own and not _sounds_like_any(p.sound, own_words)]
        near = {}
        if rest:
            near = self._assign(parts, st, ctx.reference.text, lo, hi, preassigned=own,
                                min_sim=NEIGHBOUR_MATCH_MIN)
            near = {p: v for p, v in near.items() if p in rest}
        dropped = _unrendered_countries(pair, seg)
        # how often the English names each person of the pair and the Japanese gives it,
        # read by NAM006 and NAM007 alike
        tally = _Tally.of(pair, st, own, text)
        put_in = list(self._substituted(parts, own, pair, ctx, st, dropped, tally))
        put_in += self._given_for_another(tally, own, pair, ctx, st,
                                          {(f.start, f.end) for f in put_in})
        yield from put_in
        yield from self._country_put_in(tokens, own, pair, ctx, st, dropped,
                                        {(f.start, f.end) for f in put_in}, tally)
        for part in parts:
            is_own = part in own
            hit = own.get(part) or near.get(part)
            if hit is None:
                continue
            key, sim = hit
            key_sim = key_similarity(latin_key(key), kana_key(part.sound))
            st.records.append(_Record(key, _norm(part.surface), part.sound, part.start,
                                      part.end,
                                      part.run_start, part.run_end, sim, key_sim, is_own,
                                      pair.index, pair.reference))
            if part.end != part.run_end or part.reading:
                continue
            finding = self._stray_suffix(part, key, tokens, pair, text, ref_stems, st)
            if finding is not None:
                yield finding
        taken = {(p.run_start, p.run_end) for p in parts if p in own or p in near}
        long_words = {_fold(w) for w in window if len(w) >= 4}
        yield from self._glossed_names(tokens, pair, text, ref_stems, cap_stems, long_words,
                                       taken, st)
        yield from self._honorific_on_word(tokens, pair, text, _window_reference(pair, ctx),
                                           ref_stems, taken, st)
        yield from self._dangling_honorifics(tokens, pair, text, st)
        yield from self._honorific_before_head(tokens, pair, text, st)
        capitals = {_fold(w): w for w in window if w[:1].isupper() and len(w) > 1}
        words = {_fold(w): w for w in window if len(w) >= 4}
        yield from self._fused_nasal(parts, pair, text, capitals, words, st)
        yield from self._fused_sa(tokens, pair, text, st, ctx)

    def _dangling_honorifics(self, tokens: Sequence[japanese.Token], pair: AlignedPair,
                             text: str, st: _State) -> Iterator[Finding]:
        """``NAM005``: an honorific and の after a name with no noun for the の to modify: a
        particle, punctuation or the copula follows (ブラウン氏のは, スミス氏の：,
        ジョーンズ氏のでは, スミス氏のでした: UniDic reads the で of では and でした as the
        copula だ/です). 氏の, さんの and 様の modify a noun (スミス氏の発言); before a
        particle or the copula, の would stand for a noun ("Mr Smith's one", "it was Mr
        Smith's"), which news Japanese does not write (none in the 3,904 translations of the
        ESA development half): a stray の, or a stray 氏の, is fused to the name. Whatever
        the English says."""
        for name, hon, no, nxt in zip(tokens, tokens[1:], tokens[2:], tokens[3:]):
            if not (name.pos1 == "名詞" and hon.pos1 == "接尾辞"
                    and hon.surface in _HONORIFIC_SUFFIXES and no.surface == "の"
                    and (nxt.pos1 in {"助詞", "補助記号"}
                         or nxt.pos1 == "助動詞" and nxt.lemma in _COPULA)
                    and name.end == hon.start and hon.end == no.start and no.end == nxt.start):
                continue
            end = pair.mt_start + no.end
            start = _name_start(text, pair.mt_start, pair.mt_start + name.start)
            hon_start = pair.mt_start + hon.start
            if (start, end) in st.garbled or any(a <= hon_start < b for a, b in st.garbled):
                continue  # reported as another stray already (a stray ン before 氏 is not)
            st.garbled.add((start, end))
            yield self._finding(
                "NAM005", "minor", start, end, text,
                f"{text[start:end]} is followed by '{nxt.surface}': the honorific's の modifies "
                "no noun, so a stray word is fused to the name", pair.reference, pair.index,
                suffix=hon.surface + no.surface,
            )

    def _honorific_before_head(self, tokens: Sequence[japanese.Token], pair: AlignedPair,
                               text: str, st: _State) -> Iterator[Finding]:
        """``NAM005``: an honorific and の between a name and the title of the head of an
        organisation (ジョンソン氏の議長は, ケレンスキー氏の首相に: "Mr Johnson's Speaker"):
        a head of a state, a party, a company, a legislature... belongs to an organisation,
        never to a person, so the 氏の is stray and the title is the person's own
        (ジョンソン議長). The titles are those of ``mtqa/data/org_titles.tsv`` but a
        minister's, a deputy's and the titles a person's staff may hold
        (:data:`_STAFF_TITLES`: バイデン氏の国務長官, ハリス氏の副大統領 are right); the
        title must end its noun and be followed by a case particle, は or も, or
        punctuation (ジョンソン氏の議長就任 "Johnson's taking office as Speaker" and
        ジョンソン氏の議長としての… are right). Measured: no such 氏の on the 4,094
        translations of the ESA development half."""
        orgs = organisations()
        for i, (name, hon, no) in enumerate(zip(tokens, tokens[1:], tokens[2:])):
            if not (name.pos1 == "名詞" and hon.pos1 == "接尾辞"
                    and hon.surface in _HONORIFIC_SUFFIXES and no.surface == "の"
                    and name.end == hon.start and hon.end == no.start):
                continue
            j = i + 3
            while j < len(tokens) and tokens[j].pos1 in {"名詞", "接尾辞"} and (
                    tokens[j].start == tokens[j - 1].end) and not tokens[j].is_punct:
                j += 1
            if j == i + 3 or j >= len(tokens) or not _ends_title_phrase(tokens[j], tokens,
                                                                        j):
                continue
            head = text[pair.mt_start + tokens[i + 3].start : pair.mt_start + tokens[j - 1].end]
            title = _head_title(head, orgs.japanese_kinds(head, tokens[j - 1].surface))
            if title is None:
                continue
            start = _name_start(text, pair.mt_start, pair.mt_start + name.start)
            end = pair.mt_start + no.end
            if any(a < end and start < b for a, b in st.garbled):
                continue
            st.garbled.add((start, end))
            yield self._finding(
                "NAM005", "minor", start, end, text,
                f"{text[start:end]}{head}: the honorific's の makes the {title} belong to the "
                "person, and a head of an organisation is nobody's: a stray word is fused "
                "to the name", pair.reference, pair.index, suffix=hon.surface + no.surface,
            )

    def _fused_nasal(self, parts: Sequence[KanaPart], pair: AlignedPair, text: str,
                     capitals: dict[str, str], words: dict[str, str],
                     st: _State) -> Iterator[Finding]:
        """``NAM004``: a stray ン fused to a katakana word that renders a capitalised word of
        the English around it (``capitals``) only without the ン, where the phonetic
        matcher took no name (the run with ン sounds too unlike the name: ギャラリーン for
        "Gallery", or the word renders the name by meaning: ドイツン for "Germany"). The
        run without its last ン must render the English word: by sound (at least
        ``MATCH_MIN``, and better than the run with it, the English word ending in a vowel:
        Dean is ディーン, Breton ブルトン), or by a capitalised JMdict gloss (a proper
        noun's) sharing the first four letters of an English word of the window, whatever
        its case (``words``: Germany, German; Scotland, "the scottish borders"). The run
        with ン must be no JMdict word (アフリカン "African") and no better rendering of an
        English word of the window. A
        run ending in ンン (ジョンソンン) has a stray ン whatever the English says."""
        for part in parts:
            surface = part.surface
            if (part.reading or part.end != part.run_end or len(surface) < 3
                    or not surface.endswith("ン") or surface[-2] == "ッ"
                    or (part.run_start, part.run_end) in st.garbled):
                continue
            stem_ = surface[:-1]
            if jmdict.glosses(surface) or any(
                    name_similarity_reaches(w, surface, MATCH_MIN)
                    and name_similarity(w, surface) >= name_similarity(w, stem_)
                    for w in capitals):
                continue  # a word, or the better rendering of an English word
            # ンン ends no name and no word: the second ン is stray whatever the English
            key = _renders_without(stem_, surface, capitals, words)
            english = (key if key is not None
                       else stem_ if surface.endswith("ンン") and len(surface) >= 4 else None)
            if english is None:
                continue
            st.garbled.add((part.run_start, part.run_end))
            yield self._finding(
                "NAM004", "minor", part.run_start, part.run_end, text,
                f"'{english}' rendered as {surface}: a stray ン is fused to {stem_}",
                pair.reference, pair.index, english=english, suffix="ン",
            )

    def _fused_sa(self, tokens: Sequence[japanese.Token], pair: AlignedPair, text: str,
                  st: _State, ctx: Context) -> Iterator[Finding]:
        """``NAM004``: the kana さ fused to a katakana word (ジョンソンさ氏, ケベックさ州,
        アカオノスリさだ, ベネチアさ。) where it can be no Japanese word:

        * the nominalising suffix さ (UniDic 接尾辞), which makes nouns of adjectives
          (シンプルさ, リアルさ: UniDic 形状詞, 形容詞 or a noun 形状詞可能), never of
          names or of other nouns: after a proper noun (UniDic 固有名詞) followed by any
          word glued to it, or after another noun that renders a word of the English
          around it (by a JMdict gloss or by sound) followed by a particle or an
          auxiliary (ペンギンさだ); a sentence-final particle of speech (さね, さ、) is
          another reading and is left alone;
        * the sentence-final particle さ (UniDic 終助詞) right after a proper noun at the
          end of a sentence (ベネチアさ。) outside quotes, in a text that is polite
          (です/ます) around it: a casual particle of speech in polite prose is no
          rendering of anything.

        さん is another token."""
        window = _EN_WORD.findall(_window_reference(pair, ctx))
        words = {_fold(w) for w in window if len(w) > 2 and w.lower() not in STOPWORDS}
        ref_stems = {stem(w) for w in words}
        lo, hi = _window_span(pair, ctx, "mt")
        polite = _POLITE_END.search(text, lo, hi) is not None
        for i, (name, sa) in enumerate(zip(tokens, tokens[1:])):
            nxt = tokens[i + 2] if i + 2 < len(tokens) else None
            if not (sa.surface == "さ" and name.end == sa.start and name.pos1 == "名詞"
                    and japanese.is_katakana(name.surface)):
                continue
            start = _name_start(text, pair.mt_start, pair.mt_start + name.start)
            end = pair.mt_start + sa.end
            after = tokens[i + 3] if i + 3 < len(tokens) else None
            why = _stray_sa(name, sa, nxt, text[start:end - 1], ref_stems, words, polite)
            if why is not None and sa.pos2 == "終助詞" and _quoted(text, pair.mt_start, start):
                why = None  # a particle of speech ending a quoted sentence
            # ... but none stands before a particle or a caption's bracket, quoted or not
            why = why or _stray_final_sa(name, sa, nxt, after, text[start:end - 1],
                                         ref_stems, words)
            if why is None:
                continue
            if any(a < end and start < b for a, b in st.garbled):
                continue
            st.garbled.add((start, end))
            yield self._finding(
                "NAM004", "minor", start, end, text,
                f"{text[start:end]}: a stray さ is fused to {text[start:end - 1]} {why}",
                pair.reference, pair.index, suffix="さ",
            )

    def _substituted(
        self, parts: Sequence[KanaPart], own: dict[KanaPart, tuple[str, float]],
        pair: AlignedPair, ctx: Context, st: _State, countries: Sequence[str],
        tally: _Tally,
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
        the other). A run that is the article's own katakana for the other name
        (:meth:`_established`) needs no more than :data:`MATCH_MIN` of sound, and may sound
        like a word of its own sentence too ("kids" and グレイズ).

        The name put in must be a person's or a place's (UniDic reads a part as a personal
        or a place name, or the English marks the person: :func:`_is_person`): translators
        name an organisation for its members ("the group" → the group's name). A place
        named for an adjective or a capital ("Dutch" → オランダ, "the capital" → ロンドン)
        leaves no unrendered name in the English (a dictionary word, or no capital), and a
        name the English says by a pronoun and the translator resolves is not flagged
        either: the English of the pair then has no unrendered name. (Places were left out
        on both sides until names v11; admitting them gave no finding on the 1,157 whole
        documents of WMT24 ESA en-ja dev, 12 systems and refA.)
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
            if not any(not p.reading and _acceptable_alone(p) for p in parts):
                return
            unknown = _unknown_words(pair.reference, parts)
            if not unknown:
                return
        candidates, glossed = self._put_in_candidates(parts, own, pair, ctx, st)
        if not candidates:
            return
        missing = [n.text for n in self._unrendered(pair, ctx, st, own, set(candidates))]
        missing += list(countries)
        # names the English says more often than the Japanese gives them, and words no
        # dictionary knows: missing only where no pronoun may be what the run renders
        fewer = fewer + (unknown if unknown is not None else _unknown_words(pair.reference,
                                                                            parts))
        if not missing and not fewer:
            return
        for (start, end), other in sorted(candidates.items()):
            away = self._put_in_for(text, start, end, other, missing, fewer, countries,
                                    (start, end) in glossed, pair, ctx, st)
            if away is None:
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
        ctx: Context, st: _State,
    ) -> str | None:
        """For :meth:`_substituted`: the name of the pair's English that the run
        ``text[start:end]``, which renders ``other``, stands in place of, or None. The run
        must give a person or a place (an organisation is often named for its members); a
        name given less than said (``fewer``) counts only where the English has no pronoun
        the run may render; a place opening a kanji compound (ペンシルベニア大学 for "Penn
        State") names a body and stands only for a place; and the run must copy the
        katakana that renders ``other`` where the English names it."""
        toks = japanese.tokenize(text[start:end])
        person = any(t.pos3 == "人名" for t in toks) or _is_person(
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
        pair: AlignedPair, ctx: Context, st: _State,
    ) -> tuple[dict[tuple[int, int], EnglishName], set[tuple[int, int]]]:
        """For :meth:`_substituted`: the katakana runs of the pair that render no name of
        its own English but one of another sentence of the article (run → that name), and
        which of them do so by JMdict (a place the dictionary knows) rather than by sound."""
        owned_runs = {(p.run_start, p.run_end) for p in own}
        free = [p for p in parts if not p.reading and (p.run_start, p.run_end) not in owned_runs]
        mine = {k for n, ks in zip(st.names, st.name_keys)
                if pair.ref_start <= n.start < pair.ref_end for k in ks}
        words = {_fold(w) for w in _EN_WORD.findall(pair.reference) if len(w) > 1}
        candidates: dict[tuple[int, int], EnglishName] = {}
        glossed: set[tuple[int, int]] = set()
        for part in free:
            run = (part.run_start, part.run_end)
            if not _acceptable_alone(part):
                # a place JMdict knows (ニューヨーク "New York"), given for a place the
                # English names elsewhere and not in this sentence
                glossed_as = self._place_glossed_elsewhere(part, pair, st, mine)
                if glossed_as is not None:
                    candidates[run] = glossed_as
                    glossed.add(run)
                continue
            if run in candidates:
                continue
            found = self._named_elsewhere(part, st, mine, functools.partial(
                self._established, run=part.surface, pair=pair, ctx=ctx, st=st))
            # it must sound more like that name than like any word of its own sentence,
            # unless it is the very katakana the article gives that name by ("kids" sounds
            # 0.83 like グレイズ, "Grey's" 0.81)
            if found is None or (any(
                    name_similarity_reaches(w, part.sound, found[0])
                    and name_similarity(w, part.sound) >= found[0] for w in words)
                    and not self._established(found[1], part.surface, pair, ctx, st)):
                continue
            candidates[run] = found[1]
        return candidates, glossed

    def _given_for_another(
        self, tally: _Tally, own: dict[KanaPart, tuple[str, float]],
        pair: AlignedPair, ctx: Context, st: _State, flagged: set[tuple[int, int]],
    ) -> list[Finding]:
        """``NAM006`` within one sentence pair: a name its Japanese gives more often than
        its English says, in the place of another name of the English that the Japanese
        gives less often than the English says ("Greg, why don't you …, an interview with
        Howard Stern" → ハワード・スターン、… ハワード・スターンとの…).

        The names of the pair's English, in order, are put side by side with the katakana
        runs of its Japanese that render them (:meth:`_assign`), in order, by
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
        be one :meth:`_unrendered` counts (not "Yeah" or "Today" opening a sentence).
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
                    if given[k] < said[k] and not _names_country(n.text)]
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
                toks = japanese.tokenize(text[start:end])
                if not any(t.pos3 in ("人名", "地名") for t in toks) and not (
                        _is_person(name, ctx.reference.text, st) or name.text in st.located
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

    def _country_put_in(
        self, tokens: Sequence[japanese.Token], own: dict[KanaPart, tuple[str, float]],
        pair: AlignedPair, ctx: Context, st: _State, dropped: Sequence[str],
        flagged: set[tuple[int, int]], tally: _Tally,
    ) -> Iterator[Finding]:
        """``NAM007``: a country put in place of another place or a person.

        A word that UniDic reads as a place (地名) and JMdict gives for a country
        (フランス "France", 英国 "Britain": :func:`mtqa.text.countries.countries_rendered_by`),
        a whole word (not the start of ニューヨーク), whose country the pair's English does
        not name in any form (name, adjective, short form), stands where the English has a
        name the Japanese does not render (:meth:`_unrendered`, or a country of the English
        by none of its renderings), a person's or a place's (a holiday or a company named
        after a country is no substitution). A country opening a kanji compound
        (ドイツ鉄道 for Deutsche Bahn, 米国防総省 for the Pentagon) names a body, when the
        noun after it may name one (:func:`_may_name_a_body`: not 時代 "era"). A country
        ending a longer English name ("South Holland") is no mention of it, and a word that
        sounds like it renders it only inside a compound (南ホラント州, not オランダは), and a
        word on the country's stem (Scottish for スコットランド, Germans for ドイツ) names
        it. The translator may name a country for a place or a body
        of it ("Beijing said" → 中国は, the Bundesbank → ドイツ連邦銀行, the Kremlin →
        ロシア大統領府): a missing name that WordNet puts in the country or ties to it (its
        part holonyms and definitions: :func:`mtqa.text.wordnet.what_holds`) does not
        count, when it is a body of the country or a seat of its government (a capital:
        :func:`mtqa.text.wordnet.is_seat_of_government`); another place of the country
        (California for アメリカ) does (names v15), a people or an adjective of it
        ("Norse" for ノルウェー) does not. A place the English names more often
        than the Japanese gives it counts as missing too, where the English has no "it" the
        country may render.
        """
        text = ctx.translation.text
        put = _countries_put(tokens, pair, st, text, flagged)
        if not put:
            return
        seg = text[pair.mt_start : pair.mt_end]
        ref = ctx.reference.text
        # a person or a place: a holiday or a company named for a country is no substitution
        missing = [n.text for n in self._unrendered(pair, ctx, st, own,
                                                    {(a, b) for a, b, _ in put})
                   if (n.text in st.located or _is_person(n, ref, st) or is_place(n.text))
                   and not any(renders_country(seg, c.renderings)
                               for c in country_mentions(n.text))]
        missing += dropped
        # a place said twice and given once, where no "it" may be what the country renders
        fewer = [] if NEUTER.search(pair.reference) else [
            n.text for n in tally.fewer()
            if n.text in st.located or is_place(n.text)]
        missing += fewer
        for start, end, countries in put:
            away = [m for m in dict.fromkeys(missing) if not any(
                mentions_country(what_holds(m), forms) for forms in countries) or (
                    is_place(m, adjectives=False) and not is_seat_of_government(m))]
            if not away:
                continue
            name = countries[0][0]
            gives = ("gives less often than the English names it" if away[0] in fewer
                     else "does not render")
            yield self._finding(
                "NAM007", "major", start, end, text,
                f"'{text[start:end]}' names {name}, which the English of this sentence does "
                f"not; here the English has {away[0]}, which the Japanese {gives}: "
                "one place put in place of another",
                pair.reference, pair.index, english=away[0], other=name,
            )

    def _named_elsewhere(
        self, part: KanaPart, st: _State, mine: set[str],
        established: Callable[[EnglishName], bool] | None = None,
    ) -> tuple[float, EnglishName] | None:
        """The name of the article, none of the pair's own, that ``part`` sounds most like
        (at least :data:`NEIGHBOUR_MATCH_MIN`), with the similarity, if any. A name that is
        also an English word (Fletcher, Stern) needs :data:`SUBSTITUTE_WORD_MIN`; either
        floor gives way to :data:`MATCH_MIN` where ``established`` says the article gives
        the name by this very katakana elsewhere (グレイズ for "Grey's", 0.81)."""
        if st.key_index is None:  # each distinct key once, with its Latin key (#17)
            index: dict[str, tuple[str, list[EnglishName]]] = {}
            for n, keys in zip(st.names, st.name_keys):
                for key in keys:
                    index.setdefault(key, (latin_key(key), []))[1].append(n)
            st.key_index = index
        sound_key = kana_key(part.sound)
        floor = MATCH_MIN if established is not None else NEIGHBOUR_MATCH_MIN
        best: tuple[float, EnglishName] | None = None
        for key, (key_of_word, named) in st.key_index.items():
            if not skeletons_reach(key_of_word, sound_key, floor):
                continue
            names = [n for n in named if not st.name_keys[st.names.index(n)] & mine]
            if not names:
                continue
            sim = name_similarity(key, part.sound)
            if sim < floor or (best is not None and sim <= best[0]):
                continue
            # a katakana word alone that sounds like a name that is also an English word
            # (a photo agency's "Images") must sound just like it
            strong = sim >= NEIGHBOUR_MATCH_MIN and not (
                part.n_parts == 1 and sim < SUBSTITUTE_WORD_MIN and english_entry(key).headwords)
            if strong or (established is not None and established(names[0])):
                best = (sim, names[0])
        return best

    def _established(self, name: EnglishName, run: str, pair: AlignedPair, ctx: Context,
                     st: _State) -> bool:
        """Whether another pair whose English names ``name`` gives it by the katakana word
        ``run`` and by nothing else: ``run`` is a whole part of a katakana run there, and no
        other name of that English sounds as much like it. The article's own rendering of the name then tells
        what ``run`` renders, whatever English word the name also is ("Fletcher", a maker
        of arrows: フレッチャー sounds 0.86 like it; a surname sounds 0.93 like "Images",
        the photo agency of a caption, but the caption's own name sounds more like it)."""
        text = ctx.translation.text
        for other in ctx.pairs:
            if other is pair or not other.ref_start <= name.start < other.ref_end:
                continue
            seg = text[other.mt_start : other.mt_end]
            if run not in {p.surface for p in katakana_parts(seg)}:
                continue
            sim = max(name_similarity(_fold(w), run) for w in name.words)
            rivals = [n for n in st.names if other.ref_start <= n.start < other.ref_end
                      and n.text != name.text]
            if not any(name_similarity(_fold(w), run) >= sim for n in rivals for w in n.words):
                return True
        return False

    @staticmethod
    def _place_glossed_elsewhere(part: KanaPart, pair: AlignedPair, st: _State,
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
        glosses = [_GLOSS_NOTE.sub("", g).strip() for g in jmdict.glosses(part.surface)]
        glosses = [g for g in glosses if g[:1].isupper()]
        said = pair.reference.lower()
        if not glosses or any(g.lower() in said for g in glosses) or countries_rendered_by(
                part.surface):
            return None  # said here ("IN LOS ANGELES" too), or a country (NAM007's)
        if NEUTER.search(pair.reference):
            return None  # it may render "it" ("It was chosen" → ウィーンが選ばれた)
        if any(name_similarity_reaches(_fold(w), part.surface, DROPPED_LOOSE_SIM)
               for w in _EN_WORD.findall(pair.reference) if w[:1].isupper()):
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
        words = {w.lower() for w in name.words} - _NAME_PARTICLES
        pieces = {p for p in _PART_SEP.split(run) if len(p) >= 2}
        for other in ctx.pairs:
            if other is pair or other.mt_end <= other.mt_start:
                continue
            seg = text[other.mt_start : other.mt_end]
            if not pieces & {k.surface for k in katakana_parts(seg)} or not words & {
                    x.lower() for x in _EN_WORD.findall(other.reference)}:
                continue
            if not by_sound or find_rendering(name.text, seg):
                return True
        return False

    def _unrendered(self, pair: AlignedPair, ctx: Context, st: _State,
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
            words = [_fold(w) for w in n.words if w.lower() not in _NAME_PARTICLES]
            if not words or any(w in folded for w in words):
                continue
            if len(words) == 1 and (words[0] in STOPWORDS or "'" in words[0]
                                    or n.words[0].isupper() or (_opens_sentence(ref, n.start)
                                    and english_entry(words[0]).headwords)):
                continue  # "I'm", an acronym (CRs), a word opening its sentence ("Because")
            if any(name_similarity_reaches(w, p.sound, DROPPED_LOOSE_SIM)
                   for w in words for p in parts):
                continue
            if any(len(h) >= 2 and h in seg
                   for w in (n.text, *words) for h in proper_headwords(w)):
                continue
            if _rendered_by_words(words, seg, parts, pair.mt_start, pair.mt_end) or all(
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
        self, parts: Sequence[KanaPart], st: _State, ref_text: str, lo: int, hi: int,
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
        components = _components(names)
        capacity: Counter[str] = Counter(name_keys)
        for w in _EN_WORD.findall(ref_text[lo:hi]):
            low = _fold(w)
            if len(low) >= 2 and low not in STOPWORDS and low not in name_keys:
                capacity[low] += 1
        # a name mentioned twice in the sentence may take two spellings
        counts = Counter(_fold(w) for w in _EN_WORD.findall(ref_text[lo:hi]))
        for key in name_keys:
            capacity[key] = max(1, counts.get(key, 1))
        pre = preassigned or {}
        edges = _edges(parts, capacity, pre, min_sim)
        taken: dict[int, tuple[str, float]] = {}
        used: dict[str, set[str]] = {}

        sounds = {_norm(p.surface): p.sound for p in parts}

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
                    _variants(sounds.get(surface, surface), sounds.get(other, other))
                    for other in spellings
                ):
                    return False
            for w in {key, *words}:
                used[w].add(surface)
            return True

        for part, (key, _) in pre.items():
            take(key, _norm(part.surface))
        for sim, i, key in edges:
            if i in taken:
                continue
            if take(key, _norm(parts[i].surface)):
                taken[i] = (key, sim)
        out: dict[KanaPart, tuple[str, float]] = {}
        for i, (key, sim) in taken.items():
            if key not in name_keys:
                continue  # it renders an ordinary word of the sentence
            if not _acceptable(parts[i], key, st.common):
                continue
            out[parts[i]] = (key, sim)
        return out

    def _stray_suffix(
        self, part: KanaPart, key: str, tokens: Sequence[japanese.Token], pair: AlignedPair,
        text: str, ref_stems: set[str], st: _State,
    ) -> Finding | None:
        """NAM002/NAM004: a stray word fused to the name that ``part`` renders (the English
        name ``key``). See :meth:`_stray_after` for the word after the name; here, a ン
        glued inside the katakana run (バイデンン for Biden): the run without it sounds at
        least as much like the English word, which ends in no nasal (or the run ends in
        ンン, which no name does)."""
        surface = part.surface
        english = st.full.get(key, st.candidates[key])
        if (len(surface) >= 3 and surface.endswith("ン") and surface[-2] != "ッ"
                and (surface.endswith("ンン") or not _ends_nasal(key))):
            # the phonetic keys take ン for any nasal: after a final m (Belgium), which
            # katakana writes ム, the ン can render nothing even where it sounds closer
            shorter = name_similarity(key, surface[:-1])
            if shorter >= MATCH_MIN and (shorter >= name_similarity(key, surface)
                                         or _final_m(key)):
                st.garbled.add((part.run_start, part.run_end))
                return self._finding(
                    "NAM004", "minor", part.start, part.end, text,
                    f"name '{english}' rendered as {surface}: a stray ン is fused to "
                    f"{surface[:-1]}", pair.reference, pair.index, english=english,
                    suffix="ン",
                )
        # a person by the English (titled, Mr, the subject of "said"...) or by UniDic, whose
        # last word of the run is a personal name (トンプソン 人名-姓): English that names
        # the person bare ("Johnson has said") marks nothing
        rel_end = part.run_end - pair.mt_start
        en_person = key in st.people or self._person(key, st)
        person = en_person or any(t.end == rel_end and t.pos3 == "人名" for t in tokens)
        attributive = not en_person and _attributive(english, st.reference)
        dict_place = not en_person and _dictionary_place(part.surface, english)
        return self._stray_after(part.start, part.run_end, english, person, None, tokens,
                                 pair, text, ref_stems, st, attributive, dict_place)

    def _person(self, key: str, st: _State) -> bool:
        """Whether the English marks the name of candidate ``key`` as a person's."""
        if key not in st.person_cache:
            st.person_cache[key] = any(
                key in keys and _is_person(n, st.reference, st)
                for n, keys in zip(st.names, st.name_keys)
            )
        return st.person_cache[key]

    def _stray_after(
        self, start: int, end: int, english: str, person: bool, place: bool | None,
        tokens: Sequence[japanese.Token], pair: AlignedPair, text: str, ref_stems: set[str],
        st: _State, attributive: bool = False, dict_place: bool = False,
    ) -> Finding | None:
        """The one-character word right after a name (``start``..``end`` of the article) when
        it is fused to the name and renders nothing (issue #19 item 6). UniDic decides that
        it glues to the name: a 接尾辞 token, or a lone ン particle. Flagged:

        * a kana suffix that follows no name in Japanese (バイデンさ政権; ら, め do);
        * a lone ン after the name (ドイツンでは);
        * a one-kanji suffix outside :data:`NAME_SUFFIXES` whose JMdict meaning the English
          lacks (ゼレンキー校), after a person, or after a place when the English names
          no institution (マイアミ校 for Miami; バークレー校 for "University of California,
          Berkeley" is right): after other names such a suffix says what kind of thing is
          named (モンド紙 for Le Monde) and is normal Japanese; a suffix that names a school
          (校, 院, 塾: JMdict glosses it "school") says so after any name, and is stray
          when the English around it names no institution either (ローレンス校 for a
          Lawrence who "said" nothing to mark him a person);
        * 氏 "Mr" after a place (ヨーロッパ氏の), or after a name that the English
          uses only attributively (``attributive``: "a Stanford study", "the Boeing 737"),
          which makes it a maker, a brand or an institution, not a person.

        ``place`` None: decided here, by UniDic (one 地名 token) or by a locative
        preposition before the name in the English.
        """
        rel_start, rel_end = start - pair.mt_start, end - pair.mt_start
        idx = next((i for i, t in enumerate(tokens) if t.start == rel_end), None)
        if idx is None:
            return None
        nxt = tokens[idx]
        if len(nxt.surface) != 1 or nxt.surface in NAME_SUFFIXES - {"氏"}:
            return None
        if place is None:
            place = not person and (
                # one UniDic place-name token for the whole word (ソ of ソワール is none)
                any(t.pos3 == "地名" and t.start == rel_start and t.end == rel_end
                    for t in tokens)
                or english in st.located
            )
        after = tokens[idx + 1] if idx + 1 < len(tokens) else None
        glued_after = after is not None and after.start == nxt.end
        kanji = japanese.has_kanji(nxt.surface)
        meaning = ""
        if nxt.surface == "ン" and nxt.pos1 == "助詞":
            meaning = "a stray ン"
        elif nxt.pos1 != "接尾辞":
            return None
        elif not kanji:
            if nxt.surface in _KANA_NAME_SUFFIXES or not glued_after:
                return None  # ドイツさ。: a sentence-final particle of speech
            meaning = f"the suffix {nxt.surface}"
        elif nxt.surface == "氏":
            found = _mr_stray(text.startswith("の氏", pair.mt_start + nxt.end), any(
                t.pos3 == "地名" and t.start == rel_start and t.end == rel_end for t in tokens
            ), person, attributive, dict_place)
            if found is None:
                return None
            meaning = found
        else:
            found = _kanji_stray(nxt, after if glued_after else None, person, bool(place),
                                 st.institution, ref_stems)
            if found is None:
                return None
            meaning = found
        stop = end + len(nxt.surface)
        code = "NAM002" if kanji else "NAM004"
        return self._finding(
            code, "minor", start, stop, text,
            f"name '{english}' rendered as {text[start:stop]}: {meaning} is fused to it and "
            f"is not in the English", pair.reference, pair.index, english=english,
            suffix=nxt.surface,
        )

    def _glossed_names(
        self, tokens: Sequence[japanese.Token], pair: AlignedPair, text: str,
        ref_stems: set[str], cap_stems: set[str], words: set[str],
        taken: set[tuple[int, int]], st: _State,
    ) -> Iterator[Finding]:
        """Strays after katakana proper nouns that render an English name by meaning, not
        by sound (ドイツ for Germany, ヨーロッパ for Europe: the JMdict gloss is a
        capitalised word of the aligned English, ``cap_stems``; アメリカ for US, イギリス
        for UK: the English is the initials of a gloss, :func:`_gloss_acronyms`; ドイツ for
        German, イギリス for British, スコットランド for "the scottish borders": the
        English is the name's adjective, which shares the first four letters of the
        capitalised gloss, whatever its case, ``words``), which the phonetic matcher does
        not take; ``taken`` holds the spans it did take."""
        for tok in tokens:
            if tok.pos2 != "固有名詞" or not japanese.is_katakana(tok.surface):
                continue
            start, end = pair.mt_start + tok.start, pair.mt_start + tok.end
            if any(a < end and start < b for a, b in taken):
                continue
            gloss = [g for g in jmdict.gloss_words(tok.surface) if stem(g) in cap_stems]
            gloss += sorted(_gloss_acronyms(tok.surface) & cap_stems)
            gloss += sorted(w for w in words if w[:4] in _proper_gloss_prefixes(tok.surface))
            if not gloss:
                continue
            finding = self._stray_after(start, end, gloss[0], tok.pos3 == "人名",
                                        tok.pos3 == "地名", tokens, pair, text, ref_stems, st)
            if finding is not None:
                yield finding

    def _honorific_on_word(
        self, tokens: Sequence[japanese.Token], pair: AlignedPair, text: str,
        english: str, ref_stems: set[str], taken: set[tuple[int, int]], st: _State,
    ) -> Iterator[Finding]:
        """The honorific 氏, or another one-kanji suffix, after a katakana word that renders,
        by sound, a word the English writes in lower case and uses as a modifier after a
        determiner ("the tyvek suit" → タイベック氏の防護服, タイベック校防護服): a brand or
        a material, not a person nor an institution (a capitalised word of the English
        that sounds like it, a name, keeps it). Which suffixes are stray after such a word
        :meth:`_stray_after` decides (製 "made of" is not)."""
        suffixed = [(tok, hon) for tok, hon in zip(tokens, tokens[1:])
                    if len(hon.surface) == 1 and hon.pos1 == "接尾辞" and tok.end == hon.start
                    and japanese.has_kanji(hon.surface) and japanese.is_katakana(tok.surface)]
        if not suffixed:
            return  # (the English is read only when a katakana word has a suffix: #17)
        window = _EN_WORD.findall(english)
        lower = {w for w in window if w.islower() and len(w) > 2 and w not in STOPWORDS}
        capitals = [w for w in window if w[:1].isupper() and len(w) > 1]
        for tok, hon in suffixed:
            start = _name_start(text, pair.mt_start, pair.mt_start + tok.start, joiners="")
            end = pair.mt_start + tok.end
            run = text[start:end]
            if any(a < end and start < b for a, b in taken | st.garbled) or any(
                    name_similarity_reaches(w, run, OWN_HINT_MIN) for w in capitals):
                continue
            word = next((w for w in sorted(lower) if name_similarity_reaches(w, run, MATCH_MIN)
                         and _attributive(w, english)), None)
            if word is None:
                continue
            finding = self._stray_after(start, end, word, False, False, tokens, pair, text,
                                        ref_stems, st, attributive=True)
            if finding is not None:
                st.garbled.add((start, end))
                yield finding

    def finish(self, ctx: Context) -> Iterator[Finding]:
        if not any(p.mt_sentences and not p.chrome for p in ctx.pairs):
            return
        st = self._state(ctx)
        yield from self._dropped(ctx, st)
        if not st.records:
            return
        text = ctx.translation.text
        by_key: dict[str, list[_Record]] = {}
        for r in st.records:
            by_key.setdefault(r.key, []).append(r)
        flagged: dict[tuple[int, int], list[tuple[_Record, str, int]]] = {}
        for key, recs in by_key.items():
            counts = Counter(r.surface for r in recs)
            if len(counts) < 2:
                continue
            canonical = _canonical(recs, counts, st.garbled)
            canon_sound = next(r.sound for r in recs if r.surface == canonical)
            canon_key = kana_key(canon_sound, strict=True)
            if not any(r.own for r in recs):
                continue  # no sentence names it in English: the matches are guesses
            for r in recs:
                if r.surface == canonical or (r.run_start, r.run_end) in st.garbled:
                    continue
                if _variants(r.sound, canon_sound, canon_key):
                    flagged.setdefault((r.run_start, r.run_end), []).append(
                        (r, canonical, counts[canonical])
                    )
        for (_, _), items in sorted(flagged.items()):
            start = min(r.part_start for r, _, _ in items)
            end = max(r.part_end for r, _, _ in items)
            first = items[0][0]
            english = " / ".join(dict.fromkeys(st.full.get(r.key, r.key) for r, _, _ in items))
            usual = " / ".join(dict.fromkeys(
                _usual_run(by_key[r.key], c, text) for r, c, _ in items
            ))
            n = max(k for _, _, k in items)
            yield self._finding(
                "NAM001", "minor", start, end, text,
                f"name '{english}' written {text[start:end]} here but {usual} elsewhere "
                f"in the article ({n}×)",
                first.reference, first.pair, english=english, usual=usual,
            )


    def _dropped(self, ctx: Context, st: _State) -> Iterator[Finding]:
        """NAM003: people of the English whose name the Japanese never renders."""
        text = ctx.translation.text
        folded = japanese.normalize(text).lower()
        parts = katakana_parts(text)
        # a part already matched to another name renders that one (ラブロフ is Lavrov's,
        # however much it sounds like Rubio)
        assigned = {(r.part_start, r.part_end): r.key for r in st.records}
        # a whole ・-joined run belongs to the name one of its parts renders (アル of
        # アル・ラシード for Al-Rashid)
        assigned_runs = {(r.run_start, r.run_end) for r in st.records}
        ref = ctx.reference.text
        done: set[str] = set()
        for n in st.names:
            words = [w for w in n.words if w.lower() not in _NAME_PARTICLES]
            if not words or not _is_person(n, ref, st):
                continue
            surname = _fold(words[-1])
            if surname in done or len(surname) < 3:
                continue
            done.add(surname)
            if any(_fold(w) in folded for w in words):
                continue  # copied in Latin: the untranslated check's business
            keys = set(name_candidates([n])) | {surname}
            if any(k in keys for k in assigned.values()) or any(
                name_similarity_reaches(words[-1], p.sound, DROPPED_LOOSE_SIM)
                for p in parts
                if assigned.get((p.start, p.end), surname) in keys
            ):
                continue
            pair = next((p for p in ctx.pairs if p.ref_start <= n.start < p.ref_end), None)
            if pair is None or pair.chrome or not pair.mt_sentences:
                continue  # no Japanese opposite: the aligner reports the omission
            lo, hi = _window_span(pair, ctx, side="mt")
            free = [p for p in parts if assigned.get((p.start, p.end), surname) in keys]
            if _rendered_by_words(words, text[lo:hi], free, lo, hi):
                continue  # a name of words, translated word by word (ドイツ鉄道)
            if any(
                _may_be_name(t) and not any(
                    a < lo + t.end and lo + t.start < b for a, b in assigned_runs
                )
                for t in japanese.tokenize(text[lo:hi])
            ):
                continue  # a name no other English name explains: it may be this one
            if any(lo <= r.part_start < hi and _spelling_variant(r.key, surname)
                   for r in st.records):
                continue  # the same person spelt another way here (Kransky, Kerensky):
                # the translator wrote the one spelling
            seg = text[pair.mt_start : pair.mt_end]
            start = pair.mt_start + (len(seg) - len(seg.lstrip()))
            end = pair.mt_end - (len(seg) - len(seg.rstrip()))
            if end <= start:
                continue
            yield self._finding(
                "NAM003", "major", start, end, text,
                f"name '{n.text}' is missing: the Japanese article never renders "
                f"{' '.join(words)} (no katakana like it, no kanji name here)",
                pair.reference, pair.index, english=n.text,
            )


#: Share of letters two English surnames must have in common (difflib's ratio) to be
#: spellings of one name ("Kransky" in a transcript for "Kerensky", 0.80; "Johnson" and
#: "Jonson", 0.92; "Johnson" and "Jackson", 0.57, stay two people). Only asked where the
#: dropped name's own sentence renders the other one, so Johnson and Johnston (0.93) are
#: taken for one only when the Japanese writes one of them where the other was said.
SPELLING_VARIANT_RATIO = 0.75


def _spelling_variant(key: str, surname: str) -> bool:
    """True when English name key ``key`` (another name's, rendered) and ``surname`` are
    two spellings of one name: the same first letter and most letters in order."""
    other = _fold(key.split()[-1]) if key.strip() else ""
    if not other or other == surname or other[0] != surname[0]:
        return False
    return difflib.SequenceMatcher(None, other, surname).ratio() >= SPELLING_VARIANT_RATIO


def _rendered_by_words(words: Sequence[str], window: str, parts: Sequence[KanaPart],
                       lo: int, hi: int) -> bool:
    """Whether a name of two words or more is rendered in ``window`` (the Japanese opposite
    its first mention, at offsets ``lo``..``hi`` of the article) word by word, as names of
    organisations and places are: at least half of its words either have a JMdict
    rendering there (International → 国際, Airport → 空港) or sound like a katakana part
    there (Deutsche → ドイツ; ``parts``: those no other name of the English claims).
    Deutsche Bahn → ドイツ鉄道 and Seattle-Tacoma International
    Airport → シアトル・タコマ国際空港 are renderings, not dropped names."""
    split = [p for w in words for p in re.split(r"[-‐]", w) if p]
    if len(split) < 2:
        return False
    near = [p for p in parts if lo <= p.start and p.end <= hi]
    rendered = 0
    for w in split:
        heads = english_entry(w.lower().removesuffix("'s")).headwords
        if any(len(h) >= 2 and japanese.has_kanji(h) and h in window for h in heads) or any(
                name_similarity_reaches(w, p.sound, DROPPED_LOOSE_SIM) for p in near):
            rendered += 1
    return 2 * rendered >= len(split)


def _sounds_like_any(sound: str, words: Iterable[str]) -> bool:
    """Whether the kana ``sound`` reaches :data:`OWN_HINT_MIN` with any of ``words``:
    :func:`name_similarity_reaches` over them, with the kana key read once and each
    distinct Latin key tried once (#17: every katakana part meets every word of its
    sentence)."""
    sound_key = kana_key(sound)
    reach: dict[str, bool] = {}
    for w in words:
        key = latin_key(w)
        if key not in reach:
            reach[key] = skeletons_reach(key, sound_key, OWN_HINT_MIN)
        if reach[key] and name_similarity(w, sound) >= OWN_HINT_MIN:
            return True
    return False


def _opens_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens its sentence (after . ! ? or a line break, not
    after an honorific's abbreviation: "Mrs. Leslie")."""
    before = text[:start].rstrip(" \t\"“”'‘’")
    if not before or before.endswith("\n"):
        return True
    if before[-1] not in ".!?":
        return False
    last = _EN_WORD.findall(before[-12:])
    return not (last and _fold(last[-1]) in _HONORIFICS)


def _acceptable_alone(part: KanaPart) -> bool:
    """A katakana part that may be a name on its own: not an ordinary loanword that JMdict
    knows (コミュニティ, プロセス), unless it sits in a ・-joined name."""
    return part.n_parts > 1 or not jmdict.glosses(part.surface)


def _may_be_name(tok: japanese.Token) -> bool:
    """A token that may be a person's name in a script not compared by sound: a personal
    name (UniDic), or a kanji noun the dictionary does not know (習近 of 習近平) other than
    a referring compound (同館 "the said museum", 当社, 両国)."""
    if tok.pos3 == "人名":
        return True
    if tok.pos1 != "名詞" or not japanese.has_kanji(tok.surface) or tok.pos3 == "地名":
        return False
    return tok.surface[0] not in _REFERRING_PREFIXES and not jmdict.glosses(tok.surface)


def _is_person(name: EnglishName, text: str, st: _State) -> bool:
    """Whether the English marks ``name`` as a person's: a title before it (glossary), an
    honorific (Mr, Dr), or — for a full name, not after "the" (organisations say things
    too) — a speech verb right after it ("Amara Okafor said") or an apposition ("Amara
    Okafor, the plant's manager,")."""
    if _fold(name.words[-1]) in _INSTITUTION_WORDS:
        return False  # "the Executive Council", "Saint Mary's Hospital"
    if any(k in st.people for k in name_candidates([name])):
        return True
    before = _EN_WORD.findall(text[max(0, name.start - 24) : name.start])
    if before and _fold(before[-1]).rstrip(".") in _HONORIFICS:
        return True
    if before and before[-1].lower() == "the":
        return False
    if len(name.words) < 2:
        return False
    after = _EN_WORD.findall(text[name.end : name.end + 24])
    if after and after[0].lower() in _SPEECH_VERBS:
        return True
    # an apposition that describes a person: "Adaeze Nwosu, the union's regional secretary,"
    return bool(_APPOSITION.match(text, name.end))


#: A determiner before a name and a lower-case word or a number after it: the name
#: modifies the noun the determiner goes with ("a Stanford study", "the Boeing 737").
_DETERMINER = r"\b(?i:a|an|the|its|his|her|their|our|this|that)\s+"
_MODIFIED = r"\s+(?:[a-z][a-z\-]+|\d)"


@text_cache(4096)
def _attributive(english: str, reference: str) -> bool:
    """Whether the English uses the name ``english`` as a modifier of a noun ("a Stanford
    study", "the Boeing 737 MAX"): a determiner, which a bare personal name does not take,
    goes with the noun after it. Such a name is a maker's, a brand's, a place's or an
    institution's (the caller makes sure the English marks no person). Cached per article:
    the check asks it of the whole reference for every name of every sentence."""
    pattern = _DETERMINER + re.escape(english) + _MODIFIED
    return re.search(pattern, reference) is not None


def _renders_without(stem_: str, surface: str, capitals: dict[str, str],
                     words: dict[str, str]) -> str | None:
    """The English word that katakana ``stem_`` renders while ``surface`` (the same with a
    stray ン) does not: a capitalised word (``capitals``, folded → as written) by sound, or
    any word of four letters or more (``words``) by a JMdict gloss (see
    :meth:`NameCheck._fused_nasal`); ``None`` when there is none."""
    for w in sorted(capitals):
        # only after a word that ends in a vowel (Julie, Gallery, India): after a consonant
        # the katakana's epenthetic vowel plus ン may be another name's ending (Breton for
        # British, Dirken for Dirk)
        # (or on an r that katakana writes as a long vowel: Cooper クーパー, where ーン
        # would render an -ern or -orn the English lacks)
        if not (w[-1:] in _VOWELS or w[-1:] == "r" and stem_.endswith("ー")) or (
                not name_similarity_reaches(w, stem_, MATCH_MIN)):
            continue
        if name_similarity(w, stem_) > name_similarity(w, surface):
            return capitals[w]
    # a proper noun's gloss is capitalised (Germany); a common noun's is not (gallery)
    glosses = {w.lower() for g in jmdict.glosses(stem_) or () if g[:1].isupper()
               for w in g.split() if len(w) >= 4}
    # the proper noun's gloss, not the English word, is capitalised: a name's adjective
    # may be written in lower case ("the scottish borders" for スコットランド)
    for w in sorted(words):
        if len(w) >= 4 and any(g[:4] == w[:4] for g in glosses):
            return words[w]
    return None


@functools.lru_cache(maxsize=4096)
def _proper_gloss_prefixes(word: str) -> frozenset[str]:
    """The first four letters (lower case) of the words of four letters or more of
    ``word``'s capitalised JMdict glosses, a proper noun's (ドイツ: "germ" of Germany;
    イギリス: "brit" of Britain); a name's English adjective shares them (German,
    British)."""
    return frozenset(w[:4].lower() for g in jmdict.glosses(word) or () if g[:1].isupper()
                     for w in g.split() if len(w) >= 4)


@functools.lru_cache(maxsize=4096)
def _gloss_acronyms(word: str) -> frozenset[str]:
    """Initials of the capitalised words of ``word``'s JMdict glosses, two words or more
    from the first, as stems (:func:`mtqa.text.english.stem` of the acronym): "United
    States of America" gives "us" and "usa", "United Kingdom" "uk". English news names
    countries and bodies by these acronyms (the US, the UK, the EU)."""
    out: set[str] = set()
    for g in jmdict.glosses(word):
        caps = [w for w in g.split() if w[:1].isupper()]
        initials = "".join(w[0] for w in caps)
        out.update(stem(initials[:n]) for n in range(2, len(initials) + 1))
    return frozenset(out)


#: A polite sentence ending (です/ます forms), for the register of the text around a
#: sentence-final さ.
_POLITE_END = re.compile(r"(?:です|ます|でした|ました|ません|でしょう|ましょう)[。！？]")


def _stray_sa(name: japanese.Token, sa: japanese.Token, nxt: japanese.Token | None,
              run: str, ref_stems: set[str], words: set[str], polite: bool) -> str | None:
    """Why the さ after the katakana token ``name`` (its run ``run``) is stray, or ``None``
    when it may be Japanese (see :meth:`NameCheck._fused_sa`)."""
    glued = nxt is not None and nxt.start == sa.end
    proper = name.pos2 == "固有名詞"
    if sa.pos1 == "接尾辞" and glued and nxt is not None:
        if proper and nxt.pos1 not in {"補助記号", "助詞", "助動詞"}:
            return f"before {nxt.surface}"
        if nxt.pos1 not in {"助詞", "助動詞"} or nxt.pos2 == "終助詞":
            return None
        if proper or "形状詞" not in name.pos3 and _renders_word(run, ref_stems, words):
            return f"before {nxt.surface}: the suffix さ makes nouns of adjectives only"
        return None
    if (sa.pos2 == "終助詞" and proper and polite and nxt is not None and glued
            and nxt.surface in {"。", "！", "？"}):
        return "at the end of a polite sentence: a casual particle of speech"
    return None


#: Titles of the organisation list (mtqa/data/org_titles.tsv) that a person's staff or
#: a head's second may hold (バイデン氏の代表 "Biden's representative", 監督, 教授,
#: 議員): after 氏の they are right.
_STAFF_TITLES = frozenset(
    "代表 党代表 責任者 幹部 役員 執行役員 理事 書記 議員 教授 監督 オーナー 取締役 経営者 "
    "創業者 指導者 リーダー 専務 常務 判事 裁判官 事務局長 所長 校長 学部長 研究科長".split()
)


def _head_title(head: str, kinds: frozenset[str]) -> str | None:
    """The organisation title ``head`` ends in when it names the head of an organisation
    (see :meth:`NameCheck._honorific_before_head`), else None."""
    if not kinds or "ministry" in kinds or head.startswith("副"):
        return None
    title = max((t for t in organisations().japanese if head.endswith(t)), key=len,
                default="")
    if len(title) < 2 or title in _STAFF_TITLES or title.startswith("副"):
        return None
    return title


def _ends_title_phrase(nxt: japanese.Token, tokens: Sequence[japanese.Token],
                       j: int) -> bool:
    """Whether token ``nxt`` (index ``j``) ends a noun phrase that stands for a person: a
    case particle (but として, への), は, も, or punctuation."""
    if nxt.is_punct:
        return True
    if nxt.pos1 != "助詞" or nxt.surface not in {"は", "が", "を", "に", "も", "と"}:
        return False
    after = tokens[j + 1] if j + 1 < len(tokens) else None
    return not (after is not None and after.start == nxt.end and (
        nxt.surface == "と" and after.surface in {"し", "して"}
        or nxt.surface == "に" and after.pos1 in {"動詞"} and after.lemma in {"成る", "就く"}))


#: Punctuation that closes a title, a caption or a label (『…：…』, （写真提供 …）), where
#: no particle of speech stands.
_LABEL_CLOSE = frozenset("：:）)』】")


def _stray_final_sa(name: japanese.Token, sa: japanese.Token, nxt: japanese.Token | None,
                    after: japanese.Token | None, run: str, ref_stems: set[str],
                    words: set[str]) -> str | None:
    """Why the sentence-final particle さ (UniDic 終助詞) after the katakana ``name`` (its run
    ``run``: a proper noun, or one that renders a word of the English around it) is stray:
    it ends a sentence, so a particle glued after it (イギリスさとアイルランド: と joining
    two nouns, not the quoting と before a verb) or the colon or bracket that closes a
    title or caption (『シソさ：…』, （写真提供 シソさ）) leaves it nothing to end."""
    if sa.pos2 != "終助詞" or nxt is None or nxt.start != sa.end:
        return None
    if name.pos2 != "固有名詞" and not _renders_word(run, ref_stems, words):
        return None
    if nxt.surface in _LABEL_CLOSE:
        return f"before {nxt.surface}: a particle of speech in a title or a caption"
    if nxt.pos1 == "助詞" and nxt.pos2 in {"格助詞", "係助詞", "副助詞"} and (
            nxt.surface != "と" or after is not None and after.pos1 == "名詞"):
        return f"before the particle {nxt.surface}: a sentence-final particle ends no phrase"
    return None


def _renders_word(run: str, ref_stems: set[str], words: Iterable[str]) -> bool:
    """Whether katakana ``run`` renders a word of the English around it: a JMdict gloss
    word of it is one (アカオノスリ "red-tailed hawk"), or it sounds like one."""
    if any(stem(g) in ref_stems for g in jmdict.gloss_words(run)):
        return True
    return any(name_similarity_reaches(w, run, MATCH_MIN) for w in words)


def _quoted(text: str, lo: int, at: int) -> bool:
    """Whether offset ``at`` lies inside 「」 opened after ``lo`` (dialogue, where speech
    particles belong)."""
    return japanese.inside_quotation(text[lo:at])


#: Letters that end an English word on a vowel sound (for :func:`_renders_without`).
_VOWELS = frozenset("aeiouy")


def _ends_nasal(word: str) -> bool:
    """Whether the last consonants of the English word hold an n (Biden, Jordan, Vienna,
    Cologne): only then may its katakana end in ン. A final m is written ム, not ン
    (Adam アダム, Belgium ベルギー or ベルギウム, program プログラム): an m only counts
    before an n (autumn)."""
    core = word.lower().rstrip("aeiouyh's")
    tail = re.search(r"[^aeiouy]*$", core)
    return tail is not None and "n" in tail.group()


def _final_m(word: str) -> bool:
    """Whether the English word's last consonants hold an m and no n (Belgium, Adam,
    Program): katakana ends it on ム, never on ン."""
    core = word.lower().rstrip("aeiouyh's")
    tail = re.search(r"[^aeiouy]*$", core)
    return tail is not None and "m" in tail.group() and "n" not in tail.group()


def _variants(a: str, b: str, b_key: str | None = None) -> bool:
    """Whether two katakana spellings are variants of one name (ヴァン/ファン,
    ゼレンキー/ゼレンスキー) rather than two words that sound alike to a loose key."""
    return (
        key_similarity(kana_key(a, strict=True), b_key or kana_key(b, strict=True))
        >= VARIANT_MIN
        and romaji_similarity(a, b) >= VARIANT_ROMAJI_MIN
    )


def _usual_run(recs: Sequence[_Record], canonical: str, text: str) -> str:
    """The katakana run in which the usual spelling first appears (ファン・デル・ヘイデン)."""
    for r in recs:
        if r.surface == canonical:
            return text[r.run_start : r.run_end]
    return canonical


def _norm(surface: str) -> str:
    return japanese.normalize(surface)


def _canonical(recs: Sequence[_Record], counts: Counter[str], garbled: set[Any]) -> str:
    """The reference spelling: most frequent; ties go to the earliest spelling unless a
    later one sounds clearly more like the English or the earlier one is garbled."""
    usable = [r for r in recs if (r.run_start, r.run_end) not in garbled] or list(recs)
    top = max(counts[r.surface] for r in usable)
    tied = [r for r in usable if counts[r.surface] == top]
    tied.sort(key=lambda r: r.part_start)
    best = tied[0]
    for r in tied[1:]:
        if r.key_sim - best.key_sim >= CANONICAL_MARGIN:
            best = r
    return best.surface


def _document_names(ctx: Context) -> list[EnglishName]:
    ref = ctx.reference
    spans = [(s.start, s.end) for s in ref.sentences if not s.chrome]
    glossary = ctx.resources.get("glossary")
    exclude: list[tuple[int, int]] = []
    if glossary is not None:
        exclude = [(m.start, m.end) for m in ctx.titles(glossary, ref.text)]
    return english_names(ref.text, spans, exclude, include_initial=True)


def _titled_names(ctx: Context, names: Sequence[EnglishName]) -> frozenset[str]:
    """Candidate keys of the names that a title precedes ("President Volodymyr Zelenskyy"):
    those are people."""
    glossary = ctx.resources.get("glossary")
    if glossary is None:
        return frozenset()
    text = ctx.reference.text
    ends = {m.end for m in ctx.titles(glossary, text)}
    out: set[str] = set()
    for n in names:
        before = text[: n.start].rstrip(" ")
        if len(before) in ends and len(text[: n.start]) - len(before) <= 1:
            out.update(name_candidates([n]))
    return frozenset(out)


def _window_span(pair: AlignedPair, ctx: Context, side: str = "ref") -> tuple[int, int]:
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


def _window_reference(pair: AlignedPair, ctx: Context) -> str:
    """English of the pair and its neighbours (the alignment may be one sentence off)."""
    lo, hi = _window_span(pair, ctx)
    return ctx.reference.text[lo:hi]
