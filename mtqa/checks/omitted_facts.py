"""Phrase-level omissions: a number, a date or a name of the English that the aligned
Japanese leaves out (issue #19, item 4; the omission check's ``OMI002``, minor).

A clause-level omission (``OMI001``) needs a whole clause gone. A translation can also drop
one phrase from a clause it renders: "from Jan. 13", "in Southern California", "Germany's",
"71". Such a phrase carries a fact a reader cannot recover, and the facts are what the
dictionary can read reliably on both sides:

* **numbers, dates and times** (:func:`mtqa.text.numerals.english_quantities`: digits with
  their scales, cardinals from two to ten spelled out, "hundreds" and "thousands", fractions
  but "half", verbs of multiplying (tripled), months, weekdays, clock times) against the
  values of the Japanese (:func:`mtqa.checks.numbers.japanese_quantities`,
  :func:`mtqa.text.numerals.japanese_numbers` and kanji numerals: 1万8,400, 34兆ドル,
  午後7時, 火曜日, 第七章; spaces inside a number read away: 8,500 万);
* **counts in words**: "one" counting a noun ("one kingdom", "one of the reasons") and the
  ordinals first to third before a noun ("the second pair"), missing only when the Japanese
  has no trace of the count at all (:data:`_WORD_NUMBER_RENDERINGS`: 一 in any word, ひと,
  ある before a noun, 誰か, 初, まず; 次, もう, 第, 目 …);
* **names and places**: capitalised English words that are no dictionary word (JMdict
  glosses no lower-case form of them), matched through the pair's lexicon (JMdict glosses
  such as 英国 "Britain"), kept in Latin letters (Wi-Fi), or read by sound, loosely
  (:func:`mtqa.text.phonetic.names_match`, or a reading similarity of 0.6: シソ for Siso),
  by a katakana word no other word of the English it translates sounds more like: the
  loose match must not take another word's rendering (ジョンソン is Johnson's, not
  Washington's; プログラム is "program"'s, not African's);
* **countries** named by name, adjective or short form ("Belgian", "UK", "U.S.": the
  forms of ``mtqa/data/countries.tsv``), rendered by any JMdict name of the country
  (ベルギー; 英国, イギリス or 英… for "UK"; :mod:`mtqa.text.countries`), by the Latin form,
  or by sound; a country inside a longer name ("U.S. Capitol", "North America") is left
  to that name.

A fact is *missing* when nothing in the Japanese of the pair renders it, nor in a
neighbouring pair's Japanese whose own English lacks it (the aligner may be one sentence
off, or the translator moved it); a possessive name the English says twice in the pair is
missing when the Japanese sounds it fewer times and the possessed noun opens its phrase
(:func:`possessor_dropped`). Adjacent facts form one phrase ("Saturday, Jan. 13",
"Tierra del Sol Gallery"; names with names, values with values), reported once, and only
when no part of it is rendered: a name or date rendered in part was translated, perhaps
loosely, and is no omission.

What professional translations legitimately do is kept out of the finding:

* "dozen", "half", "one" and ordinals other than the counts above ("no one", "one day",
  "the one who", "First Minister") and the values 0 and 1 ("the first time" → 初めて),
  which Japanese renders by words of its own ("two" is rendered by 両, 双方 or ふたり as
  well as by a numeral, "a quarter" by 四半期 as well as by 4分の1 or 25%);
* a number or a weekday the Japanese *changed* (a Japanese value of that kind no English
  value accounts for): the numbers check reports it;
* acronyms (EU → 欧州連合), contractions (I'm, We've), honorifics and suffixes (Dr, Jr),
  hashtags and handles; nationality adjectives and short forms only as countries (below);
* a name or value the article gave before, when the Japanese refers back to it (同氏,
  同国, 同額, 彼女) or calls the person by another part of the full name; a name the
  Japanese sentence says more often than the English, in place of another (Tokyo → 日本);
* a weekday when the Japanese gives a date (9日) instead;
* headline-like English (most dictionary words capitalised, not counting a quotation's
  first word or the first word of a name: "New York", "Mike Lawler"): its capitals mark
  no names;
* a pair less than half of whose English words the Japanese renders (misaligned); the
  words of the facts looked for are not counted (a short sentence that lost its one name
  lost a share of its words with it);
* a name in an English clause none of whose words the Japanese renders (more likely
  rendered by a sound the matcher does not hear than dropped alone); a number or date
  there belongs with the words of its sentence.

The finding points at the Japanese where the phrase belongs
(:mod:`mtqa.checks.omission_place`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..text import japanese, wordnet
from ..text.countries import (
    country_mentions,
    country_renderings,
    is_country_form,
    mentions_country,
    renders_country,
)
from ..text.english import STOPWORDS, name_before_participle
from ..text.lexicon import (EnWord, Lexicon, english_entry, hyphen_heads, place_kanji,
                            stems_match)
from ..text.numerals import (
    CURRENCY_WORD,
    EN_CARDINALS,
    Quantity,
    currency_japanese,
    english_quantities,
    japanese_numbers,
    parse_japanese_number,
)
from ..text.phonetic import (
    SAME_NAME_MIN,
    heard_within,
    latin_key,
    name_similarity,
    names_match,
    non_rhotic,
    reading_similarity,
    romaji_key,
)
from .name_facts import bare_name, is_name, noun_rendered
from .number_periods import MONTHS_AFTER, quantity_rendered, years_of_months
from .numbers import japanese_quantities

#: Prepositions after which a phrase modifies the word before it (post-modifier or adjunct).
PREPOSITIONS = frozenset(
    """in on at from to of for by since until till during between among near across
    after before with without into onto through throughout within around outside inside
    under over against toward towards via per including like""".split()
)
#: Words that may stand between the parts of one name or date ("Tierra del Sol",
#: "Bank of England", "Saturday, Jan. 13") without ending the phrase.
NAME_LINKS = frozenset("of de del des du la le von van der den da di al bin el the".split())
#: Determiners skipped when looking for the preposition before a phrase.
_DETERMINERS = frozenset("the a an its his her their this that these those".split())
#: Cardinals too often rendered by a word of their own (一人, 数, 何百): never facts.
_VAGUE_CARDINALS = frozenset("zero one dozen hundred hundreds thousand thousands".split())
#: Scale words that are facts on their own ("hundreds of managers", "a hundred dollars"):
#: Japanese keeps their figure (数百, 何百, 100); 36 of the 37 ESA translations of an English
#: "hundreds" write 百.
_ROUND_SCALES = frozenset("hundred hundreds thousand thousands".split())
#: Japanese words that say "two" without a numeral (両国 "the two countries", 双方, ふたり).
_PAIR_WORD = re.compile(r"両|双|ふたり|二人")
#: A run of kanji numerals.
_KANJI_NUMERAL = re.compile(r"[〇一二三四五六七八九十百千万億兆]+")
#: Spaces inside a Japanese number (8,500 万, 4 億 5 千万, 12 月).
_NUMBER_SPACE = re.compile(r"(?<=[0-9,.万億兆千百十])[ \u3000]+(?=[0-9万億兆千百十月日年%])")
#: English quantities whose kind the Japanese renders with a value of its own.
_FACT_KINDS = frozenset({"num", "month", "weekday", "time"})
#: Reading similarity from which a katakana word may render an English name (looser than
#: the names check's :data:`mtqa.text.phonetic.SAME_NAME_MIN`: here a match clears).
LOOSE_NAME_MIN = 0.6
#: Shortest romanisation of a katakana word, in letters, as a share of the English
#: name's letters, that may sound like it loosely: a short word shares a sound or two
#: with any long name. (Letters, not consonant keys: a key folds ローラー to one R.)
LOOSE_NAME_LENGTH_RATIO = 0.5
#: English words either side of a head word whose renderings tell which of its renderings
#: is the one in its context.
CONTEXT_WORDS = 3
#: A pair whose English has this share of capitalised words or more is headline-like.
HEADLINE_CAPITALS = 0.6
WORD = re.compile(r"[A-Za-z0-9$€£¥][\w'’.\-]*")


@dataclass(frozen=True, slots=True)
class Fact:
    """One number, date or name of the English, with its offsets in the pair's English."""

    start: int
    end: int
    kind: str  # "number", "date" or "name"
    #: no Japanese of the pair (nor of a neighbour) renders it
    missing: bool = True
    #: its rendering proves the phrase is there (a weekday is not: the Japanese may give
    #: the date instead, so a weekday "rendered" by any date proves nothing)
    decisive: bool = True
    #: a possessive name the English says again in the pair, whose other mention is the
    #: one the Japanese renders (:func:`possessor_dropped`)
    repeated: bool = False


@dataclass(frozen=True, slots=True)
class MissingPhrase:
    """Adjacent missing facts of the English: one dropped phrase.

    Attributes:
        start: offset of the phrase in the pair's English (after its preposition).
        end: offset after it.
        kinds: the kinds of facts it carries.
        preposition: the preposition before it ('' when none).
        partner: see below.
    """

    start: int
    end: int
    kinds: frozenset[str]
    preposition: str
    #: the English offset of a rendered fact the phrase forms a range or a pair with
    #: ("between *2011* and 2019"): the phrase belongs next to its rendering
    partner: int | None = None
    #: the phrase stands before a word it modifies ("*Germany's* economy", "*71*
    #: Republicans", "the *Biden* administration")
    premodifier: bool = False
    #: the phrase opens its English sentence ("*On January 9th* drivers ..."): Japanese
    #: opens its sentence with it too
    initial: bool = False
    #: the English offset of the word the phrase is the object of ("reach *Marlowe* but"):
    #: a phrase with no preposition right after a word, closing its clause, depends on that
    #: word, whose rendering it stands before in Japanese (None otherwise)
    object_of: int | None = None
    #: the phrase opens an apposition set off by commas ("the car and steel industries,
    #: *Germany's* biggest, are"): Japanese puts an apposition before the noun it describes,
    #: so the phrase belongs with that noun (the word before the comma), not with the word
    #: after it inside the apposition
    appositive: bool = False
    #: the English offset of a relative clause set off by a comma right after the phrase
    #: ("In *Germany*, where workers ..."; "the Port of *Seattle*, which oversees ..."):
    #: Japanese puts the clause before the noun it describes, so the phrase was dropped
    #: right after that clause's rendering (None otherwise)
    relative: int | None = None
    #: the phrase opens a clause after a comma ("..., *on January 19* the country will
    #: face"): like a sentence opener it modifies what follows it
    clause_initial: bool = False
    #: the phrase is a verb of multiplying ("exports *tripled*"): Japanese writes its
    #: factor after the noun that multiplied, before なる (輸出は3倍になった)
    verb: bool = False
    #: every fact of it is a repeated possessive name (:func:`possessor_dropped`): the
    #: name is in the Japanese, so its mentions elsewhere excuse nothing
    repeated: bool = False


# --- the English facts --------------------------------------------------------------------


#: How closely a katakana word must sound like an English number word to render it
#: (エイト "eight" 0.875; ワン and "one" 0.675, フォー and "four" 0.625 do not reach it).
_SOUNDED_NUMBER_MIN = 0.85
_KATAKANA_WORD = re.compile(r"[\u30a1-\u30fa\u30fc]{2,}")
#: Kana that end the mora before them: a katakana word is not cut before one of them, nor
#: after ッ (トッ of トップ is no "two").
_MORA_TAILS = frozenset("ーァィゥェォャュョッヮ")


def _is_fact_quantity(q: Quantity) -> bool:
    """A value a reader needs: digits, a month, a weekday or a clock time; not a small
    spelled-out number, an ordinal word or a bare scale word ("decades")."""
    if q.kind not in _FACT_KINDS:
        return False
    if q.kind in {"month", "weekday"}:
        return True
    # a spelled-out number is a word of the sentence more than a figure: "two of them"
    # (両者), "millions" (何百万もの), "the first time" (初めて)
    if q.value in (0, 1):
        return False
    if any(c.isdigit() for c in q.text):
        return True
    if 0 < q.value < 1:  # a fraction ("a quarter" → 4分の1, 25%); "half" is 半ば, 半数
        # a lone "quarter" ("the first quarter", "the French Quarter") is a word, not a
        # figure: only a fraction phrase is a fact
        return q.value != 0.5 and bool(re.search(r"[\s-]", q.text))
    word = q.text.lower().split("-")[0]
    if word in _MULTIPLIERS:
        return True  # "tripled": 3倍, which the ESA translations keep
    last = word.split()[-1]
    if last in _ROUND_SCALES and q.value in (100, 1000, 1e4, 1e5):
        # "hundreds", "a hundred", "tens of thousands" (数百, 何百, 100, 数万): the ESA
        # translations keep it
        return True
    return word in EN_CARDINALS and word not in _VAGUE_CARDINALS


#: Verbs of multiplying: facts, whose factor Japanese writes with 倍 (3倍, 4倍に).
_MULTIPLIERS = frozenset(
    "doubled tripled quadrupled doubling tripling quadrupling doubles triples quadruples"
    .split())
#: 倍 with no numeral before it: twice.
_BARE_BAI = re.compile(r"(?<![0-9０-９〇一二三四五六七八九十百千万.．])倍")
#: "one" and the first ordinals, when they count a noun ("one kingdom", "one of the
#: reasons", "the second pair", "The first is that"): Japanese writes them with a numeral
#: (一つの王国, 理由のひとつ, ２本目, 第一に) or a word of the same sense; the pattern is
#: what renders each value, loosely (一 in any word, ある誕生日 for "one birthday", 誰か for
#: "one of the kids", 初めて, まず, 次, もう; 前半 and 後半 for the first and second half…),
#: so that only a sentence with no trace of the count reads it as dropped.
_WORD_NUMBER_RENDERINGS = {
    1: re.compile(r"[一１1壱単唯独某初最先誰]|前半|ひと|ある(?=[\u4e00-\u9fffァ-ヶ])|同じ|まず|"
                  r"はじめ|いずれ|どれ|どちら|もっとも"),
    2: re.compile(r"[二２2弐両双次再第目]|ふた|もう|後者|後半|続"),
    3: re.compile(r"[三３3参第目]|みっ"),
}
#: Words before "one" that make it a pronoun or a determiner's head ("the one", "no one",
#: "this one"), not a count.
_NOT_COUNTING = frozenset(
    "the this that no any every each which last only someone anyone such a an his her its "
    "their our my your little".split())
#: Words after "one" that make it no count: "one another", "one or two", and a time
#: ("one day", "one birthday": a certain day, ある日 or nothing in Japanese).
_NOT_COUNTED = frozenset(
    """another or hand way day days time times morning evening afternoon night week weekend
    month year summer winter spring autumn fall birthday occasion""".split())
#: The counting words: "one" and the ordinals the fact extractor otherwise leaves out.
COUNTING_WORDS = {"one": 1, "first": 1, "second": 2, "third": 3}


def _counting_word(q: Quantity, reference: str, lex: Lexicon) -> bool:
    """Whether quantity ``q`` is "one" counting a noun ("one kingdom", "one of the
    reasons"; not "no one", "the one who", "a black one just", "one another") or a
    lower-case ordinal before a noun or a verb of being ("the second pair", "The second
    is"; not "First Minister", a title). The word after it is a noun when the Japanese
    renders it by nouns only (王国 for "kingdom"; not 魅力的 for "fascinating")."""
    word = reference[q.start : q.end]
    low = word.lower()
    if COUNTING_WORDS.get(low) != q.value:
        return False
    before = re.findall(r"[A-Za-z’']+", reference[max(0, q.start - 20) : q.start])
    after = re.match(r"\s+([a-z][\w\-]*)", reference[q.end :])
    if after is None or after.group(1) in _NOT_COUNTED:
        return False
    if re.search(r"\b(?:another|the other)\b", reference[q.end : q.end + 40]):
        return False  # from one system to another: システム間, a contrast, no count
    if before and before[-1].lower() in _NOT_COUNTING and low == "one":
        return False
    if low == "one" and re.match(r"\s+of\s+(?:the|its|their|his|her|our|my|your|these|"
                                 r"those)\b", reference[q.end :]):
        return True  # one of the reasons: 理由の一つ
    opens = not before or reference[: q.start].rstrip().endswith((".", "!", "?"))
    if word[0].isupper() and not opens:
        return False  # First Minister, Second World War: a name
    if low != "one" and after.group(1) in {"is", "was"}:
        return True  # The second is more serious: 第二の問題は
    nxt = next((k for k, w in enumerate(lex.words) if w.start == q.end + after.start(1)),
               None)
    return nxt is not None and bool(lex.links[nxt]) and all(
        lex.units[u].pos1 == "名詞" and lex.units[u].pos2 != "数詞" for u in lex.links[nxt])


#: Letters a lower-case English word needs to rival a name for a katakana word: a short
#: common word sounds like too many ("bare" like ヴァレー, which renders Valais).
RIVAL_WORD_MIN = 5


@dataclass(frozen=True)
class Rendering:
    """Japanese sentences the English facts of a pair are looked for in.

    Attributes:
        lex: the pair's English against this Japanese.
        quantities: the values of this Japanese with their kinds.
        values: every number this Japanese writes.
        english: the English this Japanese translates when it is a neighbouring pair's
            ('' for the pair's own): a fact that English carries too is rendered there for
            its own sake, and says nothing of the pair's.
    """

    lex: Lexicon
    quantities: tuple[Quantity, ...]
    values: frozenset[float]
    english: str = ""
    #: every run of Latin letters of this Japanese, as :func:`_latin_key` writes it, and
    #: the concatenation of each two runs in a row (Wi-Fi)
    latin: frozenset[str] = frozenset()
    #: the words of the English this Japanese translates (the pair's own English, or the
    #: neighbour's) that a katakana word may render by sound: capitalised or long words
    rivals: tuple[str, ...] = ()
    #: the Japanese, normalised and joined (a country's rendering is looked for in it)
    text: str = ""

    @classmethod
    def of(cls, lex: Lexicon, texts: Sequence[str], english: str = "") -> Rendering:
        """What Japanese ``texts`` render of the English facts of ``lex``'s English.

        Numbers written with spaces inside (8,500 万, 12 月, as machine translations
        write them) are read without the spaces."""
        joined = [_NUMBER_SPACE.sub("", japanese.normalize(t)) for t in texts]
        runs = [_latin_key(m) for t in texts for m in re.findall(r"[A-Za-zＡ-Ｚａ-ｚ0-9\-]+", t)]
        pairs = {a + b for a, b in zip(runs, runs[1:])}
        values = {v for t in joined for v in japanese_numbers(t)}
        # kanji numerals without a counter too (第七章 for "Chapter Seven", 三権)
        values |= {v for t in joined for m in _KANJI_NUMERAL.findall(t)
                   if (v := parse_japanese_number(m)) is not None}
        if any(_PAIR_WORD.search(t) for t in joined):
            values.add(2.0)  # "two" as 両 (両国, 両氏), 双方, ふたり
        if any("四半" in t for t in joined):
            values.add(0.25)  # "a quarter" as 四半 (四半期, 四半世紀)
        if any(re.search(r"(?<!四)半年", t) for t in joined):
            values.add(6.0)  # "six months" as 半年 (半年間, 半年ぶり)
        if any(re.search(r"(?<!四)半世紀", t) for t in joined):
            values.add(50.0)  # "fifty years" as 半世紀
        translated = english or " ".join(w.text for w in lex.words)
        rivals = tuple(dict.fromkeys(
            bare_name(w) for w in WORD.findall(translated)
            if not w[0].isdigit() and (w[0].isupper() or len(w) >= RIVAL_WORD_MIN)))
        return cls(lex, tuple(q for t in joined for q in japanese_quantities(t)),
                   frozenset(values), english, frozenset(runs) | pairs, rivals,
                   "".join(joined))

    def owns(self, word: str, romaji: str) -> bool:
        """Whether katakana word ``romaji`` may render English ``word`` by sound: no other
        word of the English it translates sounds more like it (ジョンソン renders Johnson,
        not Washington; プログラム renders "program", not African). A katakana word
        renders one English word; the loose match that lets a name be rendered must not
        take a word that is another's rendering."""
        mine = reading_similarity(bare_name(word), romaji)
        low = bare_name(word).lower()
        # a rival must itself sound like the katakana word (names_match, the strict
        # test): short words sound loosely like anything ("seem" like サッサリン); and a
        # rival with a katakana word that sounds more like it has its own rendering
        # (Solheim, ソールハイム: トロンハイム is left to Trondheim)
        # a country is rendered by its Japanese name, never by sound: "German" is no rival
        # of Köln for ケルン
        # a rival must open on a vowel where the katakana word does ("inheriting" is no
        # rival of Nordhavn for ノルドハウン, however alike their consonants)
        return not any(r.lower() != low and not is_country_form(r) and names_match(r, romaji)
                       and (r[:1].lower() in "aeiou") == (romaji[:1] in "aeiou")
                       and (theirs := reading_similarity(r, romaji)) > mine
                       and not any(reading_similarity(r, x) > theirs for x in self.readings)
                       for r in self.rivals)

    @property
    def readings(self) -> tuple[str, ...]:
        """Romanised katakana words of this Japanese (names read by sound)."""
        return self.lex.names


#: "seven days a week", "24 hours a day", "365 days a year": a number that says "always".
_ALWAYS_EN = re.compile(r"\s+(?:days?\s+a\s+(?:week|year)|hours?\s+a\s+day)\b", re.I)
#: ... which Japanese says without it.
_ALWAYS_JA = re.compile(r"毎日|年中無休|無休|終日|昼夜|いつでも|常時|一日中|24時間")


def english_facts(reference: str, renderings: Sequence[Rendering]) -> list[Fact]:
    """The facts of the pair's English, in text order, each marked missing when no
    Japanese of ``renderings`` (the pair's own, then its neighbours') renders it.

    Quantities that overlap (``two decades`` and ``two``) are one fact, rendered when any
    of them is. A name overlapping a quantity ("Jan.", "Saturday") is that quantity.
    """
    quantities = [q for q in english_quantities(reference) if q.kind in _FACT_KINDS]
    groups: list[list[Quantity]] = []
    for q in sorted(quantities, key=lambda q: (q.start, -q.end)):
        if groups and q.start < max(g.end for g in groups[-1]):
            groups[-1].append(q)
        else:
            groups.append([q])
    spare = [j for j in renderings[0].quantities
             if j.kind in {"num", "month", "weekday", "time"} and j.value not in (0, 1)
             and not any(abs(j.value - q.value) <= 1e-9 * max(1.0, abs(q.value))
                         and (q.kind == "weekday") == (j.kind == "weekday")
                         and (q.kind == "time") == (j.kind == "time")
                         for q in quantities)]
    changed_groups = _changed_groups(groups, spare, renderings, reference)
    facts: list[Fact] = []
    taken: list[tuple[int, int]] = []
    for gi, g in enumerate(groups):
        start, end = min(q.start for q in g), max(q.end for q in g)
        taken.append((start, end))
        if not any(_is_fact_quantity(q) for q in g):
            if any(_counting_word(q, reference, renderings[0].lex) for q in g):
                # in a neighbour's Japanese only when its English has no such word
                facts.append(Fact(start, end, "number", not any(
                    _WORD_NUMBER_RENDERINGS[int(q.value)].search(r.text)
                    for q in g for r in renderings if not r.english or not re.search(
                        rf"\b{reference[q.start:q.end]}\b", r.english, re.I))))
            continue
        kind = "date" if any(q.kind in {"month", "weekday", "time"} for q in g) else "number"
        rendered = _group_rendered(g, reference, renderings)
        # a Japanese value of the same kind that no English value accounts for: the number
        # (or the weekday: 木曜日 for Wednesday) was changed, not dropped (the numbers
        # check reports it)
        changed = gi in changed_groups
        weekday = all(q.kind == "weekday" for q in g)
        facts.append(Fact(start, end, kind, not (rendered or changed), not weekday))
    lex = renderings[0].lex
    headline = _headline(lex.words, reference)
    if not headline:
        facts += _country_facts(reference, renderings, taken)
    for k, w in enumerate(lex.words):
        if not w.capital or headline or any(a <= w.start < b for a, b in taken):
            continue
        if reference[max(0, w.start - 1) : w.start] in {"#", "@", "/", "."}:
            continue  # a hashtag, a handle, a path or a domain: no name of the text
        if _DEGREES.search(reference, max(0, w.start - 10), w.start):
            continue  # degrees Celsius, Fahrenheit: a scale, which 度 renders with its number
        # a capital opening a sentence ("...," Sánchez Recarte said) is a name when the
        # name goes on after it (an interjection, a contraction, "Heheh" do not)
        nxt = lex.words[k + 1] if k + 1 < len(lex.words) else None
        if w.kind != "name" and not (nxt is not None and nxt.kind == "name"
                                     and not reference[w.end : nxt.start].strip()):
            continue
        if is_name(w.text):
            rendered = word_rendered(k, renderings, reference) or _government_named(
                w.text, reference, renderings[0]) or noun_rendered(w.text, [r.text for r in renderings])
            repeated = rendered and possessor_dropped(k, lex, reference)
            facts.append(Fact(w.start, w.end, "name", not rendered or repeated,
                              repeated=repeated))
    return sorted(facts, key=lambda f: f.start)


def _group_rendered(g: Sequence[Quantity], reference: str,
                    renderings: Sequence[Rendering]) -> bool:
    """Whether a group of overlapping English quantities is rendered in ``renderings``: by
    its value, an identifier kept, a pair named, a month or weekday by its sound, "always"
    for "seven days a week", or a number word by its sound."""
    return any(_quantity_in(q, r) for q in g for r in renderings) or any(
        _identifier_kept(reference, q.start, q.end, renderings) for q in g) or (
        _pair_named(reference, g)) or any(
        # a month or a weekday in a name, given by its sound (the film "Monday
        # People", 『マンデー・ピープル』)
        q.kind in {"month", "weekday"} and names_match(q.text.rstrip("."), x)
        for q in g for r in renderings for x in r.readings) or any(
        # "seven days a week" as 毎日, "24 hours a day" as 終日: always
        _ALWAYS_EN.match(reference, q.end) and _ALWAYS_JA.search(r.text)
        for q in g for r in renderings) or any(
        # months counted in years: "18 months" as 1年半, "24 months" as 2年
        MONTHS_AFTER.match(reference, q.end) and years_of_months(q.value, r.text)
        for q in g for r in renderings) or any(
        # a number word given by its sound, alone or opening a longer katakana word:
        # エイト for the rowing "eight", シックスマイル for "Six Mile Creek Road"
        q.text.isalpha() and any(
            name_similarity(q.text.lower(), k[:n]) >= _SOUNDED_NUMBER_MIN
            for k in _KATAKANA_WORD.findall(r.text) for n in range(2, len(k) + 1)
            if k[n - 1] != "ッ" and k[n : n + 1] not in _MORA_TAILS)
        for q in g for r in renderings)


def _changed_groups(groups: Sequence[Sequence[Quantity]], spare: Sequence[Quantity],
                    renderings: Sequence[Rendering], reference: str) -> set[int]:
    """The English quantity groups that a Japanese value no English value accounts for
    stands in for (changed, not dropped): each such value takes the unrendered group of its
    kind (a weekday for a weekday, a clock time for a time, a number or month otherwise:
    午後3時 for "to 1pm") closest to it in
    magnitude, so that one changed amount (4億2000万 for "£42 million") excuses that
    amount and not every other number the Japanese drops ("between 2019 and 2022")."""
    def kind(q: Quantity) -> str:
        return q.kind if q.kind in {"weekday", "time"} else "num"

    open_groups = [gi for gi, g in enumerate(groups) if any(_is_fact_quantity(q) for q in g)
                   and not any(_quantity_in(q, r) for q in g for r in renderings)
                   and not any(_identifier_kept(reference, q.start, q.end, renderings)
                               for q in g)
                   and not _pair_named(reference, g)]
    out: set[int] = set()
    for j in spare:
        best = min(((_magnitude_gap(j.value, q.value), gi) for gi in open_groups
                    if gi not in out for q in groups[gi] if kind(q) == kind(j)),
                   default=None)
        if best is not None:
            out.add(best[1])
    return out


def _magnitude_gap(a: float, b: float) -> float:
    """How far apart two values are in orders of magnitude (a weekday or a zero: 0)."""
    if a <= 0 or b <= 0:
        return 0.0
    return abs(math.log10(a) - math.log10(b))


#: Two capitalised names joined by "and" ("Fjellmelk and Sweden's Lantgården", "the North
#: and the South").
_TWO_NAMES = re.compile(r"\b[A-Z][\w'’\-]*\s+and\s+(?:the\s+)?[A-Z][\w'’\-]*")


def _pair_named(reference: str, g: Sequence[Quantity]) -> bool:
    """Whether a spelled-out "two" counts two things the English sentence names ("the two
    groups" after "Fjellmelk and Sweden's Lantgården"; "split in two, the North and the
    South"): a Japanese sentence that names both (AとB) says how many they are."""
    if not all(q.text.lower() == "two" for q in g):
        return False
    spans = [(m.start(), m.end()) for m in ENGLISH_SENTENCE.finditer(reference)]
    at = g[0].start
    a, b = next(((a, b) for a, b in spans if a <= at < b), (0, len(reference)))
    return bool(_TWO_NAMES.search(reference[a:b]))


#: An English sentence: up to a stop followed by a space or the end, not the point of a
#: number (3.8%: "inflation slowed to 3.8% in May" is one sentence) nor one after a single
#: capital (the U.S. said, J. Smith); other abbreviations (Mr., Jan.) still end one.
ENGLISH_SENTENCE = re.compile(
    r"(?:[^.!?]|(?<=\b[A-Z])\.|[.!?](?![\"”’']?(?:\s|$)))+(?:[.!?]+[\"”’']?|$)")


def _government_named(word: str, reference: str, rendering: Rendering) -> bool:
    """Whether ``word`` is a capital or seat of government (WordNet: Ottawa, Washington)
    whose country the pair's Japanese names more often than its English does: a capital
    stands for its government ("Ottawa's argument" → カナダ政府の主張), as news Japanese
    renders it; a country said as often as the English says it renders the country
    ("Japan's minister … whether Tokyo had" → 日本の財務相 … renders no Tokyo)."""
    name = bare_name(word)
    if not wordnet.is_seat_of_government(name):
        return False
    country = next(iter(country_mentions(wordnet.what_holds(name))), None)
    if country is None:
        return False
    said = sum(1 for c in country_mentions(reference) if c.forms == country.forms)
    spots = {m.start() for r in country_renderings(country.forms) if len(r) > 1
             for m in re.finditer(re.escape(r), rendering.text)}
    # ... or names the government itself (Washington → 連邦政府), the English not
    return len(spots) > said or ("政府" in rendering.text
                                 and not re.search(r"\bgovernment\b", reference, re.I))


def possessor_dropped(k: int, lex: Lexicon, reference: str) -> bool:
    """Whether the possessive name ``lex.words[k]`` ("*Marlowe's* back") lost its
    rendering while another mention of the same name in the pair kept one ("... but
    Marlowe clearly didn't care": 背中に食い込んでいたが、マーロウは…): the English
    says the name more often than the Japanese sounds it, and the possessed noun's
    rendering opens its noun phrase (after a particle, a comma or nothing: 彼の背中,
    マーロウの背中 and その古い外套 keep a possessor). Japanese drops a repeated subject
    freely, but a possessor it keeps, so only the possessive mention is judged."""
    w = lex.words[k]
    bare = bare_name(w.text)
    if bare == w.text or k + 1 >= len(lex.words) or not reference[w.end :].startswith(" "):
        return False  # not a possessive before its noun
    said = sum(1 for x in lex.words if x.capital and bare_name(x.text) == bare)
    if said < 2 or _sounded_count(lex, bare) >= said:
        return False
    heads = lex.links[k + 1]
    if not heads:
        return False
    u = nearest_link(lex, k + 1)
    if u == 0 or lex.units[u - 1].sentence != lex.units[u].sentence:
        return True  # the noun opens the sentence
    # a noun after a particle or a comma opens its noun phrase: nothing modifies it; any
    # other word before it may hold the possessor (その, 彼の, そのあまりに古い外套)
    before = lex.units[u - 1]
    return before.text != "の" and before.pos1 in {"助詞", "補助記号", "接続詞"}


def katakana_words(lex: Lexicon) -> Iterator[tuple[int, int]]:
    """The runs ``u:v`` of katakana units of ``lex``'s Japanese, within a sentence: one word
    each (UniDic may cut a name: マー｜ロウ), in text order."""
    u = 0
    while u < len(lex.units):
        v = u
        while v < len(lex.units) and lex.units[v].romaji and japanese.is_katakana(
                lex.units[v].text) and lex.units[v].sentence == lex.units[u].sentence:
            v += 1
        if v > u:
            yield u, v
        u = max(v, u + 1)


def _sounded_count(lex: Lexicon, word: str) -> int:
    """How many katakana words of ``lex``'s Japanese sound like English ``word``."""
    return sum(1 for u, v in katakana_words(lex)
               if sounds_like(word, "".join(x.romaji for x in lex.units[u:v])))


#: Capitalised words that may stand before a country without making it part of a longer
#: name ("The UK", "In Belgium"): sentence openers.
OPENERS = PREPOSITIONS | _DETERMINERS | STOPWORDS


def _inside_name(reference: str, start: int, end: int) -> bool:
    """Whether the country at ``start:end`` is part of a longer name: a capitalised word
    right before it ("North America", "Latin America") or after it ("the U.S. Capitol",
    "Japan Airlines"). Such a name is rendered as a whole (連邦議会議事堂, 北米), often
    without the country's own word."""
    before = re.search(r"([A-Z][\w'’\-]*)\s+$", reference[max(0, start - 30) : start])
    if before and before.group(1).lower() not in OPENERS:
        return True
    return re.match(r"(?:['’]s)?\s+[A-Z]", reference[end:]) is not None \
        and not reference[end:].startswith(("'s", "’s"))


def _country_facts(reference: str, renderings: Sequence[Rendering],
                   taken: list[tuple[int, int]]) -> list[Fact]:
    """The countries the English names, by name, adjective or short form ("Belgian
    ministers", "the UK"; :mod:`mtqa.text.countries`), as name facts: rendered when a
    Japanese word for the country is there (ベルギー; 英国 or イギリス for "UK"), when the
    Latin form is kept, or when a katakana word sounds like it. A country inside a longer
    name is left out (:func:`_inside_name`). Their spans join ``taken`` (a country is not a
    name twice)."""
    lex = renderings[0].lex
    out: list[Fact] = []
    for c in country_mentions(reference):
        if reference[max(0, c.start - 1) : c.start] in {"#", "@", "/", "."} or any(
                a <= c.start < b for a, b in taken) or _inside_name(reference, c.start, c.end):
            continue
        taken.append((c.start, c.end))
        # by its JMdict names, kept in Latin letters, or by sound (レソト): not by the
        # lexicon's links of the lower-case word ("japan" is lacquer, "turkey" a bird)
        words = [bare_name(w.text) for w in lex.words if c.start <= w.start < c.end]
        rendered = any(
            (not r.english or not mentions_country(r.english, c.forms))
            and (renders_country(r.text, c.renderings)
                 or _latin_key(reference[c.start : c.end]) in r.latin
                 or any(sounds_like(w, x) and r.owns(w, x) for w in words
                        for x in r.readings if len(w) > 3))
            for r in renderings)
        # the country of a currency ("the US dollar" → ドル, "Canadian dollars" → カナダドル
        # or ドル): Japanese names the currency alone
        currency = _CURRENCY_AFTER.match(reference, c.end)
        if currency and any(currency_japanese(currency.group(1)) in r.text
                            for r in renderings):
            rendered = True
        # the country beside "abroad" is the home one: 国内外 for "in Denmark and abroad"
        if _ABROAD.search(reference[max(0, c.start - 30) : c.end + 30]) and any(
                "国内" in r.text for r in renderings):
            rendered = True
        # the country written on the dollar sign ("US$6,000", "A$2.3 million") → ドル
        if reference.startswith("$", c.end) and any("ドル" in r.text for r in renderings):
            rendered = True
        end = c.end + 2 if reference[c.end : c.end + 2] in {"'s", "’s"} else c.end
        out.append(Fact(c.start, end, "name", not rendered))
    return out


#: The world outside the country named beside it ("in Denmark and abroad": 国内外).
_ABROAD = re.compile(r"\b(?:abroad|overseas)\b", re.I)
#: A currency right after a country's name or adjective.
_CURRENCY_AFTER = re.compile(r"\s+" + CURRENCY_WORD, re.I)


def _identifier_kept(reference: str, start: int, end: int,
                     renderings: Sequence[Rendering]) -> bool:
    """Whether the number at ``reference[start:end]`` is part of a word of Latin letters and
    digits (a handle, a model, a code: @user36, A380, K1100) that a Japanese of
    ``renderings`` keeps as written: the word is rendered, and its number with it. Such a
    word is not a figure of the sentence, and the Japanese reads no quantity in it (in a
    neighbour's Japanese only when the neighbour's English does not carry the word)."""
    a, b = start, end
    while a > 0 and reference[a - 1].isascii() and reference[a - 1].isalnum():
        a -= 1
    while b < len(reference) and reference[b].isascii() and reference[b].isalnum():
        b += 1
    token = reference[a:b]
    if (a, b) == (start, end) or not re.search(r"[A-Za-z]", token):
        return False
    key = _latin_key(token)
    return any(key in r.latin and (not r.english or key not in _latin_key(r.english))
               for r in renderings)


#: A word of half (半額 "half price", 半数, 半分, 半減): 50 per cent said as half.
_HALF_WORD = re.compile(r"半(?:額|数|分|減|値)")


def _quantity_in(q: Quantity, r: Rendering) -> bool:
    """English quantity ``q`` rendered in ``r`` (in a neighbour's Japanese only when the
    neighbour's English does not carry the value itself). "doubled" is rendered by 倍
    alone too (倍増, 倍になった: 倍 without a numeral is twice), 50 by a word of half
    (半額 for "a 50% discount")."""
    doubled = q.value == 2 and q.text.lower() in _MULTIPLIERS and _BARE_BAI.search(r.text)
    halved = q.value == 50 and _HALF_WORD.search(r.text) is not None
    if not (doubled or halved or quantity_rendered(q, r.quantities, r.values)):
        return False
    return not r.english or not any(
        e.kind == q.kind and e.value == q.value for e in english_quantities(r.english))


def word_rendered(k: int, renderings: Sequence[Rendering], reference: str) -> bool:
    """Whether English word ``k`` of ``reference`` has a counterpart in one of the
    ``renderings``: matched by the lexicon, kept in Latin letters (Wi-Fi for WiFi), or (a
    name) sounding like one of its katakana words, alone or with the name word beside it;
    in a neighbour's Japanese only when the neighbour's English does not have the word
    itself."""
    for r in renderings:
        w = r.lex.words[k]
        if r.english and _mentions(r.english, bare_name(w.text)):
            continue
        if _latin_key(bare_name(w.text)) in r.latin:
            return True
        if not w.capital:
            if r.lex.covered(k):
                return True
            continue
        heads = hyphen_heads(w.text) if "-" in w.text else frozenset()
        if w.stem in r.lex.bt_stems or any(
                stems_match(w.stem, r.lex.units[u].stems)
                or heads & r.lex.units[u].stems for u in r.lex.links[k]):
            return True  # rendered by meaning (英国 for Britain, ドイツ for Germany; 反汚職
            # for "Anti-Corruption", by its last part)
        if any(h in r.text for h in place_kanji(bare_name(w.text))):
            return True  # a place written in kanji (高雄 for Kaohsiung, 成都 for Chengdu)
        sounds = [r.lex.units[u].romaji for u in r.lex.links[k]] + list(r.readings)
        if any(x and sounds_like(w.text, x) and r.owns(w.text, x) for x in sounds):
            return True
        if any(heard_within(bare_name(w.text), x) and r.owns(w.text, x) for x in r.readings):
            return True
        # a name of two words written as one katakana word (ラニーニャ for "La Niña",
        # ヌエボレオン for "Nuevo León")
        if any(names_match(name, x) for name in _joined_names(r.lex.words, k, reference)
               for x in r.readings):
            return True
    return False


def _joined_names(words: Sequence[EnWord], k: int, reference: str) -> list[str]:
    """Capitalised word ``k`` with the capitalised word before or after it, where a space
    alone stands between them ("La Niña", "Nuevo León")."""
    out = []
    for a, b in ((k - 1, k), (k, k + 1)):
        if 0 <= a and b < len(words) and words[a].capital and words[b].capital and (
                reference[words[a].end : words[b].start] == " "):
            out.append(f"{words[a].text} {bare_name(words[b].text)}")
    return out


def _latin_key(text: str) -> str:
    """Latin letters and digits only, lower-cased (Wi-Fi and WiFi are one word)."""
    return re.sub(r"[^a-z0-9]", "", japanese.normalize(text).lower())


def _mentions(english: str, word: str) -> bool:
    """Whether ``english`` has ``word`` or a word of its family (Africa for African)."""
    root = re.escape(word[:5] if len(word) > 5 else word)
    return re.search(rf"\b{root}", english, re.I) is not None


#: "degrees" right before a word: the word names a temperature scale (Celsius), part of
#: the number's unit, not a name of the text.
_DEGREES = re.compile(r"\bdegrees?\s+$", re.IGNORECASE)


def sounds_like(word: str, romaji: str) -> bool:
    """A looser test than :func:`mtqa.text.phonetic.names_match`, enough to say that a name
    is there (シソ for Siso, フレッチャー for Fletcher): an omission is claimed only when no
    katakana word of the Japanese sounds like the name at all."""
    bare = name_before_participle(bare_name(word))  # ("Leeds-based" → リーズに本拠を置く)
    if names_match(bare, romaji):
        return True
    if re.search(r"ch(?=[eiry])", bare, re.I) and sounds_like(
            re.sub(r"ch(?=[eiry])", "k", re.sub(r"^Ch", "K", bare)), romaji):
        return True  # ch said k, as in Italian, German and Greek names (キエーリ, Chieri)
    # a place the Japanese names as its own country does (ヨーテボリ, Göteborg, for
    # "Gothenburg"): one of the other names WordNet gives it
    if any(reading_similarity(other, romaji) >= LOOSE_NAME_MIN
           for other in wordnet.other_names(bare)):
        return True
    a, b = latin_key(bare), romaji_key(romaji)
    if len(a) <= 2:
        if a and a == b[: len(a)]:
            return True
        # York, ヨーク: an r left unsaid, and the vowels alike too
        plain = non_rhotic(bare)
        key = latin_key(plain)
        return plain != bare and bool(key) and key == b[: len(key)] and reading_similarity(
            plain, romaji) >= SAME_NAME_MIN
    if len(romaji) < LOOSE_NAME_LENGTH_RATIO * len(bare):
        return False  # a short katakana word is no long name: too few of its sounds
    return reading_similarity(bare, romaji) >= LOOSE_NAME_MIN


def _headline(words: Sequence[EnWord], reference: str = "") -> bool:
    """English set in title case (a headline, the title of a work): its capitals mark no
    names. Names are capitalised in any sentence, so only the dictionary words count:
    most of them capitalised ("Depictions Of Land And Water") is title case. The dictionary
    words of a name opened by a word no dictionary knows ("Tierra del *Sol* *Gallery*") are
    the name's and do not count (:func:`_name_parts`)."""
    parts = _name_parts(words, reference)
    common = [w for k, w in enumerate(words) if w.kind != "number"
              and english_entry(w.text.lower()).senses and k not in parts
              and not _opens_quotation(reference, w.start)
              and not _before_name(words, k, reference)]
    return len(common) >= 2 and sum(w.capital for w in common) >= HEADLINE_CAPITALS * len(
        common)


def _opens_quotation(reference: str, at: int) -> bool:
    """Whether the word at ``at`` opens a quotation ("New year, same ...," New York
    Republican ...): capitalised by grammar, not by title case. (A word opening the text
    counts: "Knight of the Galactic Railroad" is a title from its first word.)"""
    return reference[max(0, at - 4) : at].rstrip(" ").endswith(("\"", "“", "‘"))


def _before_name(words: Sequence[EnWord], k: int, reference: str) -> bool:
    """Whether capitalised word ``k`` stands right before a capitalised word no dictionary
    knows ("*New* York", "*Mike* Lawler"): the first word of a name, capitalised as the
    name's, not by title case."""
    if not words[k].capital or k + 1 >= len(words):
        return False
    nxt = words[k + 1]
    return (nxt.capital and not reference[words[k].end : nxt.start].strip()
            and not english_entry(bare_name(nxt.text).lower()).senses)


def _name_parts(words: Sequence[EnWord], reference: str) -> frozenset[int]:
    """The capitalised dictionary words that continue a name opened by a word no dictionary
    knows ("Tierra del *Sol* *Gallery*", "Okafor *Pearl* *Gallery*"): their capitals are the
    name's, not a title's. A run of capitals opened by a dictionary word ("Knight of the
    Galactic Railroad") is a title's, and none of it counts as a name here. Only spaces and
    name links (del, of) may stand between the words of a run."""
    out: set[int] = set()
    opener: int | None = None  # the first capitalised word of the current run
    prev: int | None = None  # the last one
    for k, w in enumerate(words):
        if not w.capital:
            if w.text.lower() not in NAME_LINKS:
                opener = prev = None
            continue
        if opener is None or prev is None or not all(
                b.lower() in NAME_LINKS for b in reference[words[prev].end : w.start].split()):
            opener = k
        elif not english_entry(bare_name(words[opener].text).lower()).senses:
            out.add(k)
        prev = k
    return frozenset(out)


def missing_phrases(reference: str, facts: Sequence[Fact]) -> list[MissingPhrase]:
    """Adjacent facts joined into phrases ("Saturday, Jan. 13", "Tierra del Sol Gallery");
    a phrase is missing when none of its facts is rendered (a name or date the Japanese
    has in part was translated, perhaps loosely)."""
    groups: list[list[Fact]] = []
    for f in facts:
        if groups and _linked(reference[groups[-1][-1].end : f.start], groups[-1][-1], f):
            groups[-1].append(f)
        else:
            groups.append([f])
    phrases: list[MissingPhrase] = []
    for k, g in enumerate(groups):
        decisive = [f for f in g if f.decisive] or g
        if not all(f.missing for f in decisive):
            continue
        partner = None
        for j in (k + 1, k - 1):  # a rendered range end next to it: 2011 and *2019*
            if 0 <= j < len(groups) and not groups[j][0].missing:
                a, b = (g[-1].end, groups[j][0].start) if j > k else (groups[j][-1].end,
                                                                      g[0].start)
                if _RANGE.fullmatch(reference[a:b]):
                    # the end next to the phrase ("Venezuela, *Trinidad* and Miami")
                    partner = groups[j][0].start if j > k else groups[j][-1].start
                    break
        start, end = g[0].start, g[-1].end
        prep = _preposition_before(reference, start)
        # the word after it, or the rest of a hyphenated compound ("a *two*-storey city",
        # "an *eight*-day strike"): a phrase before a word modifies it
        nxt = re.match(r"(?:['’]s)?(?:\s+|-)([A-Za-z][\w\-]*)", reference[end:])
        premodifier = nxt is not None and nxt.group(1).lower() not in _NOT_HEADS
        verb = reference[start:end].lower() in _MULTIPLIERS
        if verb:  # its object follows it ("doubled female participation"), not a time
            premodifier = premodifier and nxt is not None and nxt.group(1).lower() not in \
                _NOT_COUNTED | {"last", "this", "next", "again", "over"}
        if not premodifier and all(f.kind == "number" for f in g):
            # a quantity of a noun ("hundreds of postmasters", "a quarter of the budget")
            # counts it, like a number before it: Japanese puts it before the noun
            premodifier = _QUANTITY_OF.match(reference, end) is not None
        opened = re.split(r"[.!?;:]\s", reference[:start])[-1]
        initial = all(w.lower() in PREPOSITIONS | _DETERMINERS for w in WORD.findall(
            opened)) or _opening_adverbial(opened, reference[end:])
        # a relative clause describes a name, not a value ("Regulations 2009, which")
        rel = _RELATIVE_AFTER.match(reference, end) if g[-1].kind == "name" else None
        clause_opened = re.split(r"[,;:—–]\s", reference[:start])[-1]
        phrases.append(MissingPhrase(
            start, end, frozenset(f.kind for f in g), prep, partner, premodifier, initial,
            None if prep or premodifier or initial
            else _governing_word(reference, start, end),
            premodifier and _appositive(reference, start, end),
            rel.start(1) if rel else None,
            bool(prep) and all(w.lower() in PREPOSITIONS | _DETERMINERS
                               for w in WORD.findall(clause_opened)),
            verb, all(f.repeated for f in g)))
    return phrases


#: Words at most before the phrase in an opening adverbial (:func:`_opening_adverbial`).
OPENING_WORDS = 4


def _opening_adverbial(opened: str, after: str) -> bool:
    """Whether the phrase ends a short prepositional phrase that opens its sentence and is
    set off by a comma ("*In fiscal year 2022*, the agency ..."; "During the summer of
    *2019*, ..."): an adverbial of the whole sentence, which Japanese puts first too.
    ``opened`` is the sentence up to the phrase, ``after`` the text after it."""
    words = WORD.findall(opened)
    return (0 < len(words) <= OPENING_WORDS and words[0].lower() in PREPOSITIONS
            and "," not in opened and re.match(r"\s*,", after) is not None)


#: A non-restrictive relative clause right after a phrase: a comma and its relative word.
_RELATIVE_AFTER = re.compile(r"\s*,\s*(where|which|who|whose)\b", re.I)


#: An apposition's opening: a comma, perhaps a determiner, right before the phrase.
_APPOSITION_OPEN = re.compile(r"[a-z]\w*,\s+(?:(?:the|a|an)\s+)?$", re.I)
#: ... and its close: the phrase, at most three words, and a comma.
_APPOSITION_CLOSE = re.compile(r"(?:['’]s)?(?:\s+[a-z][\w\-]*){1,3}\s*,")


def _appositive(reference: str, start: int, end: int) -> bool:
    """Whether the phrase at ``start:end`` opens a short apposition set off by commas
    after a noun ("industries, *Germany's* biggest, are"; "its chief, *Acme's* founder,
    said")."""
    return (_APPOSITION_OPEN.search(reference[max(0, start - 40) : start]) is not None
            and _APPOSITION_CLOSE.match(reference, end) is not None)


#: "of" and a noun after a quantity: the quantity counts that noun.
_QUANTITY_OF = re.compile(r"\s+of\s+(?:the\s+|these\s+|those\s+|its\s+|their\s+)?[a-z]")
#: What may follow an object that closes its clause: punctuation, a conjunction, a
#: preposition (an adjunct of the same verb), or the end of the text.
_CLAUSE_CLOSE = re.compile(r"(?:['’]s)?\s*(?:[,.;:!?)\"”]|$|(?:and|or|but|because|as|when|"
                           r"while|if|so|then)\b|(?:%s)\b)" % "|".join(sorted(PREPOSITIONS)))


def _governing_word(reference: str, start: int, end: int) -> int | None:
    """The offset of the lower-case word right before a phrase (a determiner between them
    allowed, no punctuation) when the phrase closes its clause ("reach *Marlowe* but",
    "visit *Paris*."): the phrase is that word's object; None otherwise."""
    if not _CLAUSE_CLOSE.match(reference, end):
        return None
    lead = max(0, start - 40)
    m = re.search(r"\b([a-z][\w'’\-]*)\s+(?:(?:the|a|an)\s+)?$", reference[lead:start])
    if m is None or m.group(1) in _NOT_HEADS:
        return None
    return lead + m.start(1)


#: Words after a phrase that show it modifies nothing after it: prepositions, conjunctions,
#: verbs of being and reporting, adverbs of time.
_NOT_HEADS = PREPOSITIONS | STOPWORDS | frozenset(
    "and or but said says is are was were has have had will would".split())


#: What joins the two ends of a range or a pair of values ("2011 and 2019", "1970 to 2022",
#: "10-12").
_RANGE = re.compile(r"\s*(?:and|to|or|through|until|[-–～~])\s*", re.I)
_NUMERIC_KINDS = frozenset({"number", "date"})


def _linked(between: str, a: Fact, b: Fact) -> bool:
    """Whether facts ``a`` and ``b``, separated by ``between``, belong to one name or date
    ("Tierra del Sol", "Saturday, Jan. 13") or range ("2019 and 2022"): names with names,
    values with values (a number before a name counts it: "71 Republicans", not one
    phrase)."""
    words = [w.lower() for w in re.findall(r"[A-Za-z&]+", between)]
    rest = re.sub(r"[A-Za-z&]+", "", between)
    if (a.kind in _NUMERIC_KINDS) != (b.kind in _NUMERIC_KINDS):
        return False
    if (a.kind in _NUMERIC_KINDS and a.missing and b.missing
            and words in (["and"], ["to"], ["or"]) and not rest.strip()):
        # a range or a pair of values dropped together ("between 2019 and 2022"): one
        # phrase (with one end rendered, the other is a phrase of its own)
        return True
    if "of" in words and a.kind == b.kind == "name":
        # two names no dictionary knows, joined by "of", are a person and where he is
        # from or works ("Smith *of Ohio*", "Weber *of DIW Berlin*"): two phrases,
        # each rendered or dropped on its own (モンタナ州選出の; a name opened by a
        # dictionary word, "Bank of England", has no fact before its "of")
        return False
    return len(words) <= 2 and all(w in NAME_LINKS for w in words) and set(rest) <= set(
        " ,.'’")


def _preposition_before(reference: str, start: int) -> str:
    """The preposition that governs the phrase starting at ``start`` (determiners, weekday
    commas and capitalised words of the name skipped: "to *Southern* California"), or ''."""
    before = WORD.findall(reference[max(0, start - 40) : start])
    for w in reversed(before):
        low = w.lower()
        if low in _DETERMINERS or low in _ORDER_WORDS or (
                w[0].isupper() and low not in PREPOSITIONS):
            continue
        return low if low in PREPOSITIONS else ""
    return ""


#: Words of order between a preposition and its count ("in their *first* two years",
#: "over the *past* three days"): part of the phrase, not its head.
_ORDER_WORDS = frozenset("first last next past previous final initial coming".split())


# --- where the phrase belongs in the Japanese ---------------------------------------------


def nearest_link(lex: Lexicon, k: int, own: frozenset[int] | None = None) -> int:
    """Of the units that may render English word ``k`` (in the Japanese sentences ``own``
    when given), the one among the renderings of the English words around it (a word said
    twice: the occurrence in its own context); else the one whose place in the Japanese is
    nearest the word's place in the English."""
    links = [u for u in lex.links[k] if own is None or lex.units[u].sentence in own] \
        or list(lex.links[k])
    if len(links) == 1:
        return links[0]
    # a word the English says as often as the Japanese renders it ("94 cases and ... 106
    # cases": 訴訟 ... 訴訟): the occurrence of the same rank
    same = [j for j, w in enumerate(lex.words) if w.stem == lex.words[k].stem]
    by_text: dict[str, list[int]] = {}
    for u in sorted(links, key=lambda u: lex.units[u].start):
        by_text.setdefault(lex.units[u].text, []).append(u)
    ranked = [us for us in by_text.values() if len(us) == len(same) > 1]
    if len(ranked) == 1:
        return ranked[0][same.index(k)]
    around = [j for j in range(max(0, k - CONTEXT_WORDS), min(len(lex.words), k + CONTEXT_WORDS
                                                                + 1))
              if j != k and lex.links[j] and set(lex.links[j]) != set(links)]
    if around:
        return min(links, key=lambda u: (sum(min(abs(u - v) for v in lex.links[j])
                                             for j in around), u))
    en_end = max(w.end for w in lex.words) or 1
    ja_start, ja_end = lex.units[0].start, lex.units[-1].end
    where = lex.words[k].start / en_end
    return min(links, key=lambda u: abs((lex.units[u].start - ja_start)
                                         / max(1, ja_end - ja_start) - where))


# --- names the Japanese refers to another way -----------------------------------------------
