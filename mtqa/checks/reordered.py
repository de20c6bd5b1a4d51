"""Word order inside a Japanese sentence read against the English (the scrambled check's
``SCR007`` and ``SCR008``, issue #19 item 2).

Both detectors compare where the words of a Japanese phrase come from in the English,
through the pair's lexicon (JMdict glosses, numbers, names by sound: :mod:`mtqa.text.lexicon`),
and only speak when the English itself settles the structure:

* ``SCR007`` **a modifier attached to the wrong noun.** Japanese puts a modifier before its
  head, and a の-phrase modifies the noun that follows it (「XのY」). When the English binds
  X's word to another noun Z as its modifier ("X Z", "X's Z", "Z of X") and the Japanese
  renders Z *before* X in the same sentence (a modifier never follows its head, so X
  cannot modify Z there), while the English puts Y's word nowhere near X's, then X has
  been re-attached to Y. Translators move a modifier only with its head, so this order
  is a garble (…計画は…銀行の新旧交代… for "the bank's plan … generational shifts").
  Only an unambiguous alignment counts: X's word rendered by no other Japanese word but
  Z's rendering (本物…本物 for "real … true" is either), Z rendered only before X, by a
  noun that heads a noun phrase (not a formal noun such as もの, a verbal noun used as a
  verb: 運行されている, nor a noun the suffix 的 makes a modifier: 幻想的な革命), and X's
  word no verb taking Z as its object ("to fund our government"). Y must stand in no
  phrase with Z ("the leader of the Masai village": X's phrase reaches Y through Z); a
  conjunction, a verb or a preposition between them ("the principal spoke to the
  parents") puts them in different phrases however close (:func:`_one_phrase`).
* ``SCR008`` **coordinated clauses swapped.** Coordinated clauses keep their English order
  in Japanese: "A, and B" is Aし、B / Aて、B / Aが、B. When two adjacent Japanese clauses
  render English spans in the inverse order, the first ends on a coordinating form (a
  verb's continuative, the te-form, が, けど, し) and the English between the two spans
  joins them with "and", "but" or a semicolon and no subordinator, the clauses have been
  swapped. Subordinate clauses (because, after, when, by …ing, participles) legitimately
  come first in Japanese and are left alone. Whatever the English word between them, two
  clauses joined by a coordinate or sequential form (a verb's continuative, て, し, たり)
  keep the English order too, when neither is the sentence's last clause (the
  main clause, which Japanese puts last and English often first): such a pair whose
  aligned words run mostly (:data:`MIN_INVERTED`) in the inverse order is swapped.

What the lexicon cannot align is not judged: both rest on words aligned on both sides,
and a translation that restructures a sentence gives no evidence either way.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..text import japanese, jmdict, wordlists
from ..text.english import STOPWORDS, stem
from ..text.lexicon import IRREGULAR_FORMS, LIGHT_WORDS, JaUnit, Lexicon

#: English tokens (an amount with its currency sign and decimal point, "$1.1": a full stop
#: inside it ends no sentence; words with their apostrophes, a plural possessive's too: "the
#: princess’ birthday", and single punctuation marks).
_EN_TOKEN = re.compile(
    r"[$£€¥]?\d+(?:[.,]\d+)+|[$£€¥]\d+|\w+(?:['’]\w+)*(?:(?<=s)['’](?!\w))?|[^\w\s]")
#: Parts of speech of the words a Japanese noun phrase is made of.
_NOUNISH = frozenset({"名詞", "接頭辞", "接尾辞"})
#: An English word this many tokens or more from every word of a の-phrase's head is no
#: part of that head's phrase ("the plan of the bank" is 4 tokens; a relation further off
#: goes through a verb or another clause).
MIN_APART = 5
#: Tokens of English between a modifier and the noun it modifies ("rural African
#: communities", "the bank's new plan": at most one word between).
MAX_BOUND = 2
#: Aligned English words each clause needs, all in one English sentence, for their order
#: to be judged (one word, or words of two sentences, are aligned by accident as often).
MIN_CLAUSE_WORDS = 2
#: Coordinators that join two English clauses in their order.
_COORDINATORS = frozenset({"and", "but", "yet", ";"})
#: English words that make a clause subordinate (or a phrase of the other clause): with
#: one of them between two clauses, Japanese may put either first.
_SUBORDINATORS = frozenset(
    """because as since while when whenever after before until unless if although though
    whereas by following despite so that which who whom whose where without with than""".split()
)
#: Subordinators of time and cause: a clause they open may come first in Japanese, in the
#: order of events.
_EVENT_ORDER = frozenset("after before because since when as until following once".split())
#: Conjunctive particles that coordinate clauses (…が、 "but", …けど、 …し、 …て、).
_COORDINATING_PARTICLES = frozenset({"て", "で", "が", "けど", "けれど", "けれども", "し"})
#: Conjunctive particles of coordinate and sequential clauses (…て、 …し、 …たり、), which
#: Japanese keeps in the English order whatever word the English joins them with.
_SEQUENTIAL_PARTICLES = frozenset({"て", "で", "し", "たり", "だり"})
#: Lemmas of the negative continuative (…ではなく、 "rather than"): a contrast, which
#: Japanese puts first whatever the English order.
_NEGATIVES = frozenset({"無い", "ない"})
#: Share of a clause pair's aligned word pairs that must be in the inverse order for the
#: clauses to count as swapped against the English.
MIN_INVERTED = 0.8
#: Final kana of a verb's continuative form (連用形 中止法: 下落し、 擦れ、 なり、).
_CONTINUATIVE_KANA = frozenset("きぎしじちぢにひびぴみりえけげせぜてでねへべぺめれ")
_OPEN, _CLOSE = "「『（(【［", "」』）)】］"


@dataclass(frozen=True, slots=True)
class Reordering:
    """One finding's worth: the Japanese span (document offsets), the English words that
    show it, and the code."""

    code: str
    start: int
    end: int
    message: str


#: Possessive pronouns, which Japanese renders by the noun they stand for (同社の for "its").
_POSSESSIVES = frozenset({"its", "their", "his", "her"})
#: First characters of a Japanese word referring back (同社, 当局, 彼女).
_REFERRING = frozenset("同当彼")


@dataclass(frozen=True)
class _English:
    """The reference's tokens, each token's sentence, and each lexicon word's token."""

    tokens: tuple[str, ...]
    sentence: tuple[int, ...]
    word_token: tuple[int, ...]

    @classmethod
    def of(cls, reference: str, lex: Lexicon) -> _English:
        found = [(m.group(), m.start()) for m in _EN_TOKEN.finditer(reference)]
        sentence, s = [], 0
        for tok, _ in found:
            sentence.append(s)
            s += tok in {".", "!", "?"}
        at = {start: i for i, (_, start) in enumerate(found)}
        word_token = tuple(at.get(w.start, -1) for w in lex.words)
        return cls(tuple(t for t, _ in found), tuple(sentence), word_token)

    def apart(self, i: int, j: int) -> int:
        """Tokens between English words ``i`` and ``j`` (a large number across sentences or
        for a word not found among the tokens)."""
        ti, tj = self.word_token[i], self.word_token[j]
        if ti < 0 or tj < 0 or self.sentence[ti] != self.sentence[tj]:
            return 1 << 20
        return abs(ti - tj)

    def possessed(self, j: int) -> bool:
        """Whether a possessive pronoun stands at most two tokens before English word
        ``j`` ("its compliance department")."""
        tj = self.word_token[j]
        return tj >= 0 and any(t.lower() in _POSSESSIVES
                               for t in self.tokens[max(0, tj - 2) : tj])

    def between(self, i: int, j: int) -> list[str]:
        """The lower-cased tokens strictly between English words ``i`` and ``j``."""
        a, b = sorted((self.word_token[i], self.word_token[j]))
        return [t.lower() for t in self.tokens[a + 1 : b]]


def reorderings(lex: Lexicon, reference: str, sentences: Sequence[int]) -> Iterator[Reordering]:
    """The modifiers re-attached (``SCR007``) and coordinated clauses swapped (``SCR008``)
    in the Japanese ``sentences`` of a pair whose lexicon is ``lex``."""
    if not lex.words or not lex.units:
        return
    en = _English.of(reference, lex)
    links = _unit_links(lex)
    for si in sentences:
        units = [u for u, x in enumerate(lex.units) if x.sentence == si]
        found = _misattached(lex, en, links, units)
        if found is None:
            found = _swapped(lex, en, links, units)
        if found is not None:
            yield found


def _unit_links(lex: Lexicon) -> list[set[int]]:
    """English content words each unit may render (reporting verbs and fillers left out:
    a translation moves them freely)."""
    out: list[set[int]] = [set() for _ in lex.units]
    for k, us in enumerate(lex.links):
        if lex.words[k].text.lower() in LIGHT_WORDS:
            continue
        for u in us:
            out[u].add(k)
    return out


# --- SCR007: a modifier attached to the wrong noun -------------------------------------------


def _misattached(lex: Lexicon, en: _English, links: list[set[int]],
                 units: Sequence[int]) -> Reordering | None:
    """The first 「XのY」 of a sentence whose X the English binds to a noun rendered before
    it (see the module's docstring), or None."""
    ja = lex.units
    once = Counter(w.stem for w in lex.words)
    for n, m in enumerate(units):
        x = ja[m]
        if not (x.text == "の" and x.pos1 == "助詞" and x.pos2 == "格助詞"):
            continue
        a = n
        while a > 0 and (ja[units[a - 1]].pos1 in _NOUNISH or _name_dot(ja, units, a - 1)
                         or _digit_comma(ja, units, a - 1)):
            a -= 1  # (a name's middle dot joins its parts: 町エルク・ホローの; a comma
            # the digits of one number: 4万5,000ポンドの)
        b = n + 1
        while b < len(units) and ja[units[b]].pos1 in _NOUNISH:
            b += 1
        mod, head = units[a:n], units[n + 1 : b]
        if any(ja[u].pos2 == "固有名詞" for u in head):
            continue  # an apposition (元英国大使のナイジェル): a name stands apart from its title
        xw = set().union(*(links[u] for u in mod)) if mod else set()
        yw = set().union(*(links[u] for u in head)) if head else set()
        if not xw or not yw or xw & yw:
            continue
        if any(en.apart(i, j) < MIN_APART for i in xw for j in yw):
            continue  # the English relates them: "Y of X", "X's Y", "the X Y"
        if ja[mod[0]].text[:1] in _REFERRING and any(en.possessed(j) for j in yw):
            continue  # 同社の for "its" ("its compliance department"), said of the firm
        before = units[:a]
        for i in sorted(xw):
            if not _noun_like(lex.words[i].text) or once.get(lex.words[i].stem, 0) != 1 \
                    or _inside_compound(en, lex.words[i].text):
                continue
  # a preposition, a participle, or a word said twice (inside a
                # hyphenated word too: "the late trumpeter" and "a late-night series"):
                # either reading
            # Japanese words outside the modifier that render it too (本物…本物, 航空機…
            # 飛行機): only the noun it modifies may (市長 for "the city's mayor")
            elsewhere = {u for u in range(len(ja)) if i in links[u] and u not in mod}
            z = _bound_noun(lex, en, links, i, xw | yw, yw, before, elsewhere)
            if z is not None and lex.words[z[0]].text.lower() not in _PARTITIVES \
                    and not any(_part_of(en, y, z[0]) for y in yw):
                zw, zu = z
                return Reordering(
                    "SCR007", ja[mod[0]].start, ja[head[-1]].end,
                    f"'{_span(ja, mod)}の' modifies '{_span(ja, head)}' here, but the English "
                    f"attaches '{lex.words[i].text}' to '{lex.words[zw].text}', rendered "
                    f"earlier as '{ja[zu].text}': a modifier put on the wrong noun")
    return None


def _bound_noun(lex: Lexicon, en: _English, links: list[set[int]], i: int, taken: set[int],
                head: set[int], before: Sequence[int],
                elsewhere: set[int]) -> tuple[int, int] | None:
    """(English word, Japanese unit) of a noun the English word ``i`` modifies ("i z",
    "i's z", "z of i"), which the Japanese renders by a noun among ``before``, and
    which lies nowhere near the words of ``head``; None when there is none. The Japanese
    must render ``z`` only there, with content (:func:`_head_noun`), and ``i`` nowhere
    but in the modifier and ``z``'s rendering (the units ``elsewhere``): a word said twice
    may be rendered by either, and the order proves nothing."""
    ja = lex.units
    for z in range(len(lex.words)):
        if z in taken or en.apart(i, z) > MAX_BOUND + 1:
            continue
        between = en.between(i, z)
        if en.word_token[z] < en.word_token[i]:
            if between[:1] != ["of"] or len(between) > 2:
                continue  # a word before it is its own modifier (rural African), not its head
        elif not all(_phrase_token(t) for t in between):
            continue  # "X in Z", "X and Z": another phrase, not the noun X modifies
        elif any(t in _ARTICLES for t in between):
            continue  # "women leading a company": an article opens another noun phrase
        elif _infinitive(en, i) and any(t in _DETERMINERS for t in between):
            continue  # "the way to fund our government": a verb and its object
        if not _noun_like(lex.words[z].text) or _inside(en, z, taken - head):
            continue
        if lex.words[z].capital and (lex.words[i].capital
                                     or en.word_token[z] > en.word_token[i]):
            continue  # two words of one name (Studio Arts Program), or a title before a
            # name ("editor Fiona Hart"), which it modifies no more than "Z of X" does
        if any(_one_phrase(en, z, j) for j in head):
            continue  # "Y of Z of X": X's phrase reaches Y through Z
        renderings = [u for u in range(len(ja)) if z in links[u]]
        if any(u not in before for u in renderings) or not elsewhere <= set(renderings):
            continue  # rendered after the modifier too (もの…労使関係): either reading
        for u in renderings:
            if ja[u].pos1 == "名詞" and _head_noun(ja, u) and _own_gloss(ja, u,
                                                                        lex.words[z].text):
                return z, u
    return None


def _own_gloss(ja: Sequence[JaUnit], u: int, word: str) -> bool:
    """Whether the Japanese word ``ja[u]``, alone or with the unit next to it (誕生 + 日:
    誕生日 "birthday"), has JMdict glosses that give English ``word``,
    not only a kanji inside it that does (来年 "next year" is no rendering of "age", which
    年 alone may gloss); a number or a date always counts (12月18日 for "December 18"), a
    word JMdict does not know only for a capitalised English word (a name)."""
    unit = ja[u]
    if unit.numbers:
        return True
    forms = [unit.text, unit.lemma]
    if u > 0 and ja[u - 1].end == unit.start:
        forms.append(ja[u - 1].text + unit.text)
    if u + 1 < len(ja) and ja[u + 1].start == unit.end:
        forms.append(unit.text + ja[u + 1].text)
    glosses = [g for f in forms for g in jmdict.glosses(f)]
    if not jmdict.glosses(unit.text) and not jmdict.glosses(unit.lemma):
        return word[:1].isupper()  # a name renders a name, not "sailings" (カロニシ)
    key = stem(IRREGULAR_FORMS.get(word.lower(), word.lower()))
    return any(stem(w) == key for g in glosses for w in re.findall(r"[a-z]+", g.lower()))


#: Words a superlative follows without modifying them: "one of the largest refineries".
_PARTITIVES = frozenset({"one", "some", "many", "most", "each", "all", "none", "any", "two",
                         "three", "several", "few"})


def _part_of(en: _English, y: int, z: int) -> bool:
    """Whether English word ``y`` names a part of ``z``'s phrase, "in" or "of" and a
    determiner at most between them ("the latest in a series of corruption cases": the
    Japanese 汚職事件の最新 says the same)."""
    return (en.word_token[y] < en.word_token[z] and 0 < en.apart(y, z) <= 3
            and en.between(y, z)[:1] in (["in"], ["of"])
            and all(t in {"in", "of", "a", "an", "the"} for t in en.between(y, z)))


def _inside_compound(en: _English, word: str) -> bool:
    """Whether the English also has ``word`` as a part of a hyphenated word ("late-night")."""
    low, toks = word.lower(), en.tokens
    return any(t.lower() == low and ("-" in toks[k - 1 : k] or "-" in toks[k + 1 : k + 2])
               for k, t in enumerate(toks))


def _name_dot(ja: Sequence[JaUnit], units: Sequence[int], n: int) -> bool:
    """Whether ``units[n]`` is the middle dot between two katakana parts of one name."""
    return (ja[units[n]].text in {"・", "･"} and 0 < n < len(units) - 1
            and japanese.is_katakana(ja[units[n - 1]].text)
            and japanese.is_katakana(ja[units[n + 1]].text))


#: Formal nouns (こと, もの, ため): they head a clause, render no noun a modifier binds to.
_FORMAL_NOUNS = wordlists.formal_nouns()


def _digit_comma(ja: Sequence[JaUnit], units: Sequence[int], n: int) -> bool:
    """Whether unit ``units[n]`` is a comma between the digits of one number (5,000)."""
    return (0 < n < len(units) - 1 and ja[units[n]].text in {",", "，"}
            and ja[units[n - 1]].text[-1:].isdigit() and ja[units[n + 1]].text[:1].isdigit())


def _head_noun(ja: Sequence[JaUnit], u: int) -> bool:
    """Whether unit ``u`` is a noun with content that heads a noun phrase: not a formal
    noun, nor a verbal noun used as a verb (運行されている: する follows)."""
    if ja[u].lemma in _FORMAL_NOUNS or ja[u].text in _FORMAL_NOUNS:
        return False
    nxt = ja[u + 1] if u + 1 < len(ja) and ja[u + 1].sentence == ja[u].sentence else None
    if nxt is not None and nxt.pos1 == "接尾辞" and nxt.text == "的":
        return False  # 幻想的な革命: the suffix 的 makes the noun a modifier, no head
    return not (nxt is not None and nxt.pos1 == "動詞" and nxt.lemma in _SURU)


#: UniDic's lemma of する (さ, し, す, せ all read back to it).
_SURU = frozenset({"為る", "する"})


#: Articles: one between two words opens a noun phrase of its own after the first.
_ARTICLES = frozenset({"a", "an", "the"})
#: Words that may stand between a modifier and its noun ("the bank's new plan").
_DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "own"})
#: Prepositions and conjunctions that STOPWORDS leaves out: not a noun a modifier binds to.
_NOT_NOUNS = frozenset(
    """since until unless despite among amid via per like including against toward towards
    across along around behind beyond near upon whether while above below beneath inside
    outside throughout underneath another every many much several
    one two three four five six seven eight nine ten first second third last next previous
    past final coming""".split()
)


def _noun_like(word: str) -> bool:
    """False for a word that cannot be a noun or its modifier: a number (in words too), an
    ordinal or a word of order ("last week", "the next six weeks"), a preposition,
    conjunction or quantifier, a participle (-ing, -ed: "association representing",
    "self-imposed")."""
    low = word.lower()
    return (word[0].isalpha() and low not in _NOT_NOUNS
            and not low.endswith(("ing", "ed")))


def _infinitive(en: _English, i: int) -> bool:
    """Whether English word ``i`` follows "to" ("to fund"): before a determiner it is a verb
    taking its object ("to fund our government"), no modifier of the noun after it."""
    t = en.word_token[i]
    return t > 0 and en.tokens[t - 1].lower() == "to"


def _one_phrase(en: _English, a: int, b: int) -> bool:
    """Whether English words ``a`` and ``b`` stand in one noun phrase, either modifying the
    other ("Z's Y", "Y of Z", "Z Y", "the leader of the Masai village"): fewer than
    :data:`MIN_APART` tokens apart, each token between them a determiner, "of" or a word
    that is no function word. A conjunction or another preposition between them ("a blank
    page and wrote the date", "sunlight from reaching the surface") puts them in different
    phrases, however close."""
    if en.apart(a, b) >= MIN_APART:
        return False
    return all(t == "of" or _phrase_token(t) for t in en.between(a, b))


def _phrase_token(t: str) -> bool:
    """Whether English token ``t`` (lower case) may stand inside a noun phrase, between a
    modifier and its noun: a determiner, or a word that is no function word, preposition,
    conjunction or punctuation."""
    return t in _DETERMINERS or (re.match(r"\w", t) is not None and t not in STOPWORDS
                                 and t not in _NOT_NOUNS)


def _inside(en: _English, z: int, words: set[int]) -> bool:
    """True when English word ``z`` lies between two of ``words`` (inside the modifier's own
    phrase: "the government's self-imposed austerity")."""
    t = en.word_token[z]
    spots = [en.word_token[k] for k in words if en.apart(k, z) < MIN_APART]
    return any(p < t for p in spots) and any(p > t for p in spots)


# --- SCR008: coordinated clauses swapped -----------------------------------------------------


def _swapped(lex: Lexicon, en: _English, links: list[set[int]],
             units: Sequence[int]) -> Reordering | None:
    """The first two adjacent clauses of a sentence that render coordinated English clauses
    in the inverse order (see the module's docstring), or None."""
    ja = lex.units
    chunks = _chunks(ja, units)
    where = [_positions(lex, en, links, c) for c in chunks]
    for c in range(len(chunks) - 1):
        first, second = where[c], where[c + 1]
        if (len(first) < MIN_CLAUSE_WORDS or len(second) < MIN_CLAUSE_WORDS
                or len({en.sentence[p] for p in (*first, *second)}) > 1):
            continue
        end = ja[chunks[c][-1]]
        joined_in_order = max(second) < min(first) and _coordinating_end(end)
        sequential = (c + 2 < len(chunks) and _coordinate_junction(end)
                      and _inverted(first, second))
        if not (joined_in_order or sequential) or _compound_particle(ja, chunks[c]):
            continue  # (the JMdict look-up last: the cheap tests rule out most pairs)
        a, b = ja[chunks[c][0]].start, ja[chunks[c + 1][-1]].end
        if joined_in_order:
            gap = [t.lower() for t in en.tokens[max(second) + 1 : min(first)]]
            inside = {t.lower() for t in en.tokens[min(first) : max(first) + 1]}
            # (a subordinator inside the first clause's English makes it the subordinate
            # one, which Japanese puts first: "… and two remain missing after a trawler
            # sank" → 漁船が沈没し、4人が救助された)
            if _COORDINATORS & set(gap) and not (_SUBORDINATORS & set(gap) or _participle(gap)
                                                 or _EVENT_ORDER & inside):
                joined = next(t for t in gap if t in _COORDINATORS)
                return Reordering(
                    "SCR008", a, b,
                    f"these clauses render '{_en_span(en, second)}' and "
                    f"'{_en_span(en, first)}' in the inverse order: the English joins them "
                    f"with '{joined}', which Japanese keeps in order")
        if sequential and not _participial(en, min(first)) and not _EVENT_ORDER & {
                t.lower() for t in en.tokens[min(second) + 1 : max(first) + 1]} \
                and not _adverbial(ja, chunks[c]):
            # (not when the English subordinates the first: "refloated 41 whales after a
            # pod of 63 stranded" → 63頭が座礁し、…41頭を海に戻した, in the order of events,
            # wherever in the first clause's English the subordinator stands: "Two truck
            # drivers were killed … when gunmen ambushed a convoy" → 車列が…攻撃を受け、…;
            # nor when the first is a time adverbial: 日曜日の夜遅く、)
            return Reordering(
                "SCR008", a, b,
                f"these clauses render '{_en_span(en, second)}' and '{_en_span(en, first)}' "
                f"in the inverse order, although the first ends on '{end.text}', a "
                "coordinate or sequential form, which keeps the English order")
    return None


def _adverbial(ja: Sequence[JaUnit], chunk: Sequence[int]) -> bool:
    """Whether a 、-separated chunk is an adverbial phrase, no clause: no verb, and ending on
    an adjective's continuative in く (日曜日の夜遅く、 "late on Sunday evening")."""
    last = ja[chunk[-1]]
    return (last.pos1 == "形容詞" and last.text.endswith("く")
            and not any(ja[u].pos1 == "動詞" for u in chunk))


def _participial(en: _English, at: int) -> bool:
    """True when the English span that starts at token ``at`` opens on a participle
    ("… a mistake driven by zeal", "…, citing the costs"): a participial phrase, which
    Japanese renders first as a te-form as often as not. A word in -ed is left out: as
    often a finite verb in the past ("hawks voted against")."""
    words = [t for t in en.tokens[max(at - 2, 0) : at + 1] if t.isalpha() and t.islower()]
    return any((len(w) > 4 and w.endswith("ing")) or (w.endswith("en") and w in IRREGULAR_FORMS)
               for w in words)


def _inverted(first: Sequence[int], second: Sequence[int]) -> bool:
    """True when at least :data:`MIN_INVERTED` of the (first, second) pairs of English
    positions of two clauses are in the inverse order (one word aligned by accident does not
    turn a clause around)."""
    pairs = [(p, q) for p in first for q in second]
    return sum(q < p for p, q in pairs) >= MIN_INVERTED * len(pairs)


def _coordinate_junction(x: JaUnit) -> bool:
    """True when a clause ends on a coordinate or sequential form, which keeps the order of
    the clauses it joins: a verb's or adjective's continuative (下落し、 寒く、), the
    te-form (て, で), し, たり. Not が or けど ("but"), which may join clauses either way
    round, nor a subordinate ending (ため、 ので、 後、 と、), nor a negative (…ではなく、
    "rather than", …せず、 "without"), nor an auxiliary: a noun and で is read by UniDic as
    the copula as often when it is the place particle (…のページで、 "on the page")."""
    if x.pos1 == "助詞":
        return x.pos2 == "接続助詞" and x.text in _SEQUENTIAL_PARTICLES
    if x.lemma in _NEGATIVES or x.pos1 == "助動詞":
        return False
    return _coordinating_end(x)


def _chunks(ja: Sequence[JaUnit], units: Sequence[int]) -> list[list[int]]:
    """The 、-separated clauses of a sentence (not split inside quotes or brackets)."""
    out: list[list[int]] = [[]]
    depth = 0
    for u in units:
        t = ja[u].text
        depth += t in _OPEN
        depth -= t in _CLOSE
        if t == "、" and depth == 0:
            out.append([])
        elif t not in {"。", "！", "？"}:
            out[-1].append(u)
    return [c for c in out if c]


def _positions(lex: Lexicon, en: _English, links: list[set[int]],
               chunk: Sequence[int]) -> list[int]:
    """English token positions rendered by a clause: of words said once in the reference
    (a repeated word could be either occurrence), by units that render one or two of them
    (a unit matching many words matches by accident)."""
    stems = [w.stem for w in lex.words]
    said = Counter(stems)
    out: set[int] = set()
    for u in chunk:
        ks = [k for k in links[u] if said[stems[k]] == 1 and en.word_token[k] >= 0]
        if 0 < len(ks) <= 2:
            out.update(en.word_token[k] for k in ks)
    return sorted(out)


def _coordinating_end(x: JaUnit) -> bool:
    """True when a clause ends on a form that coordinates it with the next one: a
    conjunctive particle (て, が, けど, し) or a verb's or adjective's continuative
    (下落し、 擦れ、 寒く、 静かで、)."""
    if x.pos1 == "助詞":
        return x.pos2 == "接続助詞" and x.text in _COORDINATING_PARTICLES
    if x.pos1 == "動詞":
        return x.text != x.lemma and x.text[-1] in _CONTINUATIVE_KANA
    if x.pos1 == "形容詞":
        return x.text.endswith("く") and x.text != x.lemma
    return x.pos1 == "助動詞" and x.text in {"で", "ず"}


def _compound_particle(ja: Sequence[JaUnit], chunk: Sequence[int]) -> bool:
    """True when a clause ends on a case particle and a verb that JMdict lists together as
    one expression (に基づき "based on", に対し "towards", に加え "in addition"), or one
    of the verbs of compound particles (``particle_verbs.txt``: を通じ "through"): a
    postpositional phrase of the next clause, not a clause of its own; the te-form of
    the verb too (について "about", によって "by", に対して)."""
    if len(chunk) >= 3 and ja[chunk[-1]].pos2 == "接続助詞" and ja[chunk[-1]].text in {"て", "で"}:
        chunk = chunk[:-1]
    if len(chunk) < 2 or ja[chunk[-2]].pos2 != "格助詞":
        return False
    if ja[chunk[-1]].lemma in wordlists.particle_verbs():
        return True  # を通じ "through", にわたり: a verb of the compound particles
    return bool(jmdict.glosses(ja[chunk[-2]].text + ja[chunk[-1]].text))


def _participle(gap: Sequence[str]) -> bool:
    """True when an -ing word follows a comma in the gap (", derailing…", ", warning…"):
    a participial clause, which Japanese renders first as a te-form as often as not."""
    return any(p == "," and w.endswith("ing") for p, w in zip(gap, gap[1:]))


def _span(ja: Sequence[JaUnit], units: Sequence[int]) -> str:
    return "".join(ja[u].text for u in units)


def _en_span(en: _English, positions: Sequence[int]) -> str:
    words = [t for t in en.tokens[min(positions) : max(positions) + 1]]
    text = " ".join(words)
    return text if len(text) <= 60 else text[:57] + "…"
