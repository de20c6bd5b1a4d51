"""A relative clause put on the wrong noun (the scrambled check's ``SCR010``, issue #19
item 2: "a modifier attached to the wrong head").

English marks what a relative clause is about: "The mine, which employs about 1,100
people, …" says the mine employs the people, and "Finns First, whose leader has called for
a freeze …" says who called. Japanese puts a relative clause before its noun
(約1,100人を雇用する鉱山). When the Japanese renders the words of such an English clause in
a relative clause whose noun renders another English noun (約1,100人を雇用する独立した技術者,
the engineer), while the noun the English clause is about (its antecedent, "mine") is
rendered elsewhere in the sentence, the clause has been moved to the wrong noun: the
sentence now says the engineer employs the people.

A "with" phrase describes the noun before it the same way ("patients with suspected heart
attacks and strokes": 心臓発作や脳卒中が疑われる患者), when that noun is a person, a group or
a thing (after an abstract noun "with" takes a complement: "no comparison with one …").

Only what both sides settle counts:

* the English clause opens on a relative word (which, who, whom, whose, where:
  :data:`mtqa.text.lexicon.RELATIVE_WORDS`) or is such a "with" phrase, and its antecedent
  is the noun phrase right before it, with no other word between (nor a verb: "to reach
  patients with …");
* the Japanese clause ends on a predicate in the attributive form (UniDic's 連体形)
  followed by a noun; it renders at least :data:`MIN_CLAUSE_WORDS` content words of that
  English clause, and most of its aligned words are there;
* the Japanese noun it modifies (every noun up to the next case particle: either may be
  the head of 「…する鉱山の技術者」) renders English words, none of them in the relative
  clause or in one phrase with the antecedent ("the mine's engineers");
* the antecedent is rendered in the same Japanese sentence, outside the clause and its
  noun.

A translator who turns the antecedent into a word the dictionary does not align
(同社 for "Acme") leaves the head unaligned, and nothing is said.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..text import jmdict, wordlists, wordnet
from ..text.lexicon import (
    RELATIVE_WORDS,
    Clause,
    JaUnit,
    Lexicon,
    english_clauses,
    english_words,
)
from .reordered import Reordering, _English, _one_phrase, _span, _unit_links

#: English content words of the relative clause the Japanese clause must render.
MIN_CLAUSE_WORDS = 2
#: Share of the Japanese clause's aligned English words that must lie in that clause.
MIN_SHARE = 0.6
#: Units a Japanese relative clause is followed back over at most.
MAX_CLAUSE_UNITS = 16
#: Formal and adverbial nouns (こと, ため, 場合, 際, 後): a clause before one is adverbial,
#: not a relative clause on a noun with content.
_FORMAL_NOUNS = wordlists.formal_nouns()
#: UniDic lemmas of the copula (だ, its で of である, です).
_COPULAS = frozenset({"だ", "です"})
#: Particles that end a noun phrase (the head of a relative clause ends before them).
_PHRASE_END = frozenset({"格助詞", "係助詞", "副助詞", "接続助詞", "終助詞"})


def misplaced_relatives(lex: Lexicon, reference: str,
                        sentences: Sequence[int]) -> Iterator[Reordering]:
    """``SCR010``: relative clauses of the Japanese ``sentences`` put on another noun than
    the one the English clause is about (see the module's docstring)."""
    if not lex.words or not lex.units:
        return
    clauses = [c for c in english_clauses(reference) if c.opener in RELATIVE_WORDS]
    clauses += _with_phrases(reference)
    relatives = [_Modifier(c, _antecedent(lex, reference, c)) for c in clauses]
    if not relatives:
        return
    en = _English.of(reference, lex)
    links = _unit_links(lex)
    index = {w.start: k for k, w in enumerate(lex.words)}
    for si in sentences:
        units = [u for u, x in enumerate(lex.units) if x.sentence == si]
        for _, clause, head in _japanese_relatives(lex.units, units):
            found = _moved(lex, reference, en, links, index, relatives, units, clause, head)
            if found is not None:
                yield found
                break  # one per sentence


def _japanese_relatives(ja: Sequence[JaUnit],
                        units: Sequence[int]) -> Iterator[tuple[int, list[int], list[int]]]:
    """(predicate unit, clause units, head units) of each relative clause of a sentence: a
    predicate in the attributive form followed by a noun with content."""
    for n, u in enumerate(units[:-1]):
        x, nxt = ja[u], ja[units[n + 1]]
        if not (x.pos1 in {"動詞", "形容詞", "助動詞"} and x.cform.startswith("連体形")):
            continue
        if nxt.pos1 not in {"名詞", "接頭辞"} or nxt.lemma in _FORMAL_NOUNS \
                or nxt.text in _FORMAL_NOUNS or nxt.pos2 in {"数詞", "助数詞可能"}:
            continue
        a = n
        while a > 0 and n - a < MAX_CLAUSE_UNITS and not _clause_edge(ja, units, a - 1):
            a -= 1
        b = n + 1
        while b < len(units) and not _head_edge(ja[units[b]]):
            b += 1
        head = [v for v in units[n + 1 : b] if ja[v].pos1 in {"名詞", "接尾辞"}]
        if head and _content_noun(ja[head[-1]].text):
            continue  # 承認する権限 "the power to approve": a clause of content, no relative
        if any(ja[v].pos1 == "助動詞" and ja[v].lemma in _COPULAS for v in units[n + 1 : b]):
            continue  # a noun the copula makes the predicate (始める予定だった "was due to
            # begin", 雇用する方針だ): the clause renders a verb phrase, it modifies nothing
        yield u, list(units[a : n + 1]), head


#: WordNet's files of the nouns a Japanese clause may state the content of (承認する権限
#: "the power to approve", 撤退する計画 "the plan to withdraw", 続く可能性 "the possibility
#: that it goes on"): such a clause fills the noun, it describes no thing of the English.
#: (Not acts: a strike, an attack is what a clause may describe.)
_CONTENT_NOUN_FILES = frozenset({"noun.attribute", "noun.cognition", "noun.state"})


@functools.lru_cache(maxsize=4096)
def _content_noun(word: str) -> bool:
    """Whether the first JMdict gloss of Japanese noun ``word`` names, by WordNet's first
    sense of its last word, a power, a plan or a state (:data:`_CONTENT_NOUN_FILES`)."""
    words = re.findall(r"[a-z]+", jmdict.first_gloss(word).lower())
    if not words:
        return False
    for base in [words[-1], *sorted(wordnet.base_forms(words[-1]) - {words[-1]})]:
        nouns = [s for s in wordnet.synsets_of(base) if s.pos == "n"]
        if nouns:
            return nouns[0].lexname in _CONTENT_NOUN_FILES
    return False


def _clause_edge(ja: Sequence[JaUnit], units: Sequence[int], n: int) -> bool:
    """Whether unit ``units[n]`` ends what comes before a relative clause: punctuation (not
    the comma or point inside a number: 1,100), a topic or focus particle (は, も), a
    conjunctive particle, a quote."""
    x = ja[units[n]]
    if x.text in {",", ".", "，", "．"} and 0 < n < len(units) - 1 \
            and ja[units[n - 1]].pos2 == "数詞" and ja[units[n + 1]].pos2 == "数詞":
        return False
    return (x.pos1 in {"補助記号", "記号"} or x.text in {"「", "」", "『", "』"}
            or (x.pos1 == "助詞" and x.pos2 in {"係助詞", "接続助詞"}))


def _head_edge(x: JaUnit) -> bool:
    """Whether a unit ends the noun phrase a relative clause modifies: a particle other than
    の, or punctuation."""
    if x.pos1 == "助詞":
        return not (x.text == "の" and x.pos2 == "格助詞") and x.pos2 in _PHRASE_END
    return x.pos1 in {"補助記号", "記号"}


@dataclass(frozen=True)
class _Modifier:
    """An English modifier and the noun phrase it describes (word indices of the lexicon):
    a relative or "with" clause and the phrase before it."""

    clause: Clause
    phrase: set[int]


def _moved(lex: Lexicon, reference: str, en: _English, links: list[set[int]],
           index: dict[int, int], relatives: Sequence[_Modifier], units: Sequence[int],
           clause: list[int], head: list[int]) -> Reordering | None:
    """The finding for one Japanese relative clause, or None (see the module's docstring)."""
    ja = lex.units
    said = Counter(w.stem for w in lex.words)
    xw = set().union(*(links[u] for u in clause))
    yw = set().union(*(links[u] for u in head)) if head else set()
    if not xw or not yw:
        return None
    if head and ja[head[0]].text in _DEICTIC:
        return None  # 1871年に窓を修理した同工房 ("the same workshop"): the head refers back
        # to what the English names, whatever word the English gives it
    for mod in relatives:
        rel, phrase = mod.clause, mod.phrase
        inside = {index[w.start] for w in rel.words if w.start in index}
        shared = xw & inside
        if len(shared) < MIN_CLAUSE_WORDS or len(shared) < MIN_SHARE * len(xw):
            continue
        # a word the English says twice ("the Farmers Party … the Green Party") may be
        # rendered for either occurrence: it tells nothing about the head
        antecedent = {k for k in phrase if said[lex.words[k].stem] == 1}
        # (nor does a word of the phrase said again elsewhere: 救急車 for "Ambulances
        # carrying patients with …" and for the "ambulance service" after it)
        phrase_stems = {lex.words[k].stem for k in phrase}
        outside = {y for y in yw - inside - phrase if lex.words[y].stem not in phrase_stems}
        if not antecedent or yw & antecedent or len(outside) <= len(yw & inside):
            return None  # the clause's noun renders its antecedent or a word of it
        if any(_one_phrase(en, y, z) for y in outside for z in antecedent):
            return None  # "the mine's engineers, who …": either may be meant
        first = min(lex.words[k].start for k in phrase)
        if any(_AND_BEFORE.fullmatch(reference, lex.words[y].end, first) for y in outside):
            return None  # "the broadcaster and gardener Alan Petrie, who …": one person
        if _listed_with(lex, links, units, head, antecedent):
            return None  # …を語る代替メディア、中小企業、あるいは個人: it may modify the whole list
        if any(_attached_before(en, reference, lex, y, antecedent) for y in outside):
            return None  # "a great uncle on the other side who …": either noun may be meant
        rest = set(units) - set(clause) - set(head)
        if not any(links[u] & antecedent for u in rest):
            return None  # the antecedent is not rendered apart: the head may render it
        noun_en = reference[min(lex.words[k].start for k in phrase):
                            max(lex.words[k].end for k in phrase)]
        last = [k for v in reversed(head) for k in sorted(links[v] & outside)]
        y = last[0] if last else min(outside)
        noun = _span(ja, range(head[0], head[-1] + 1))
        label = f"{rel.opener} …" if rel.opener else reference[rel.start : rel.end]
        return Reordering(
            "SCR010", ja[clause[0]].start, ja[head[-1]].end,
            f"'{_span(ja, clause)}' modifies '{noun}' ('{lex.words[y].text}'), "
            f"but in the English '{label}' describes '{noun_en}': a modifier put on the "
            "wrong noun")
    return None


#: Prefixes of a Japanese noun that refers back (同工房, 当局, 両社).
_DEICTIC = wordlists.deictic_prefixes()
#: "and" between a noun and the antecedent's phrase: two descriptions of one antecedent.
_AND_BEFORE = re.compile(r"\s+(?:and|&)\s+")
#: What may stand between the words of a noun phrase (spaces, a hyphen, a possessive).
_INSIDE_PHRASE = re.compile(r"(?:['’]s?)?[\s\-]*")
#: What may stand between the antecedent and the relative word (a comma, spaces).
_BEFORE_RELATIVE = re.compile(r"(?:['’]s?)?\s*,?\s*")


def _antecedent(lex: Lexicon, reference: str, rel: Clause) -> set[int]:
    """English words of the noun phrase right before a relative clause ("The mine, which":
    mine; "Finns First, whose": Finns, First): the words before its opener joined to it
    and to each other by nothing but spaces, hyphens, a possessive (and a comma before
    the relative word). A number or a function word ends the phrase."""
    out: set[int] = set()
    edge, gap = rel.start, _BEFORE_RELATIVE
    for k in range(len(lex.words) - 1, -1, -1):
        w = lex.words[k]
        if w.end > edge:
            continue
        if (w.kind == "number" or not gap.fullmatch(reference[w.end : edge])
                or _after_infinitive_marker(reference, w.start)):
            break  # ("to reach patients with …": the noun phrase starts after the verb)
        out.add(k)
        edge, gap = w.start, _INSIDE_PHRASE
    return out


#: Case and topic particles that end a list of nouns (の, や, と and か join its members).
_LIST_END = frozenset({"が", "を", "に", "で", "へ", "から", "より", "は", "も", "まで"})


def _listed_with(lex: Lexicon, links: list[set[int]], units: Sequence[int],
                 head: Sequence[int], antecedent: set[int]) -> bool:
    """Whether the antecedent is rendered in a list that the clause's noun begins (…を語る
    代替メディア、中小企業、あるいは個人は): a relative clause before a list of nouns may
    modify every one of them, and the English puts its antecedent last."""
    ja = lex.units
    n = units.index(head[-1]) + 1 if head else len(units)
    for m, u in enumerate(units[n:], n):
        x = ja[u]
        if x.text == "は" and ja[units[m - 1]].pos1 == "接続詞":
            continue  # または (UniDic: また, は)
        if x.pos1 in {"動詞", "形容詞", "助動詞"} or x.text in _LIST_END or x.text == "。":
            return False
        if links[u] & antecedent:
            return True
    return False


#: Tokens a noun may stand before a relative clause's antecedent and still be what the
#: clause is about ("a great uncle on the other side who …").
MAX_PP_ATTACHMENT = 6


def _attached_before(en: _English, reference: str, lex: Lexicon, y: int,
                     antecedent: set[int]) -> bool:
    """Whether English word ``y`` stands shortly before the antecedent, joined to it by a
    preposition and no punctuation ("uncle on the other side, who"): the clause may be
    about either noun."""
    z = min(antecedent, key=lambda k: lex.words[k].start)
    wy, wz = lex.words[y], lex.words[z]
    if wy.end > wz.start or en.apart(y, z) > MAX_PP_ATTACHMENT:
        return False
    between = reference[wy.end : wz.start]
    if re.search(r"[,;:.!?()\"“”—]", between):
        return False
    # a preposition right after the noun (its last word may follow: "great uncle on")
    tokens = [t.lower() for t in re.findall(r"[A-Za-z]+", between)]
    return any(t in _PREPOSITIONS for t in tokens[:2])


#: Prepositions that attach a phrase to the noun before them ("uncle on the other side").
_PREPOSITIONS = frozenset(
    "on in at of from near with for by across behind beside beyond inside outside".split())


#: Words that end a "with" phrase: punctuation, or a preposition opening another phrase.
_WITH_END = re.compile(r"[,.;:!?()\"“”—]|\s(?:to|against|for|in|on|at|from|by|after|before|"
                       r"during|as|than|because|while|when|who|which|that)\s")


#: Words after which the next word is a verb ("to reach", "will face").
_VERB_MARKERS = frozenset("to will would can could shall should must may might".split())


def _after_infinitive_marker(reference: str, at: int) -> bool:
    """Whether the word at offset ``at`` follows "to" or a modal: a verb, not a noun. Not
    "to" in "from maize to beans" (a range), nor before a plural ("to beans"): a
    preposition there."""
    before = re.findall(r"[A-Za-z]+", reference[max(0, at - 40) : at])
    if not before or before[-1].lower() not in _VERB_MARKERS:
        return False
    if before[-1].lower() == "to":
        word = re.match(r"[A-Za-z]+", reference[at:])
        if word and re.search(r"[^su]s$", word.group()):
            return False
        if "from" in (w.lower() for w in before[-4:-1]):
            return False
    return True


#: Lexicographer files of nouns a "with" phrase describes ("patients with suspected
#: strokes", "homes with solar panels", "a firm with 500 staff"); after an abstract noun
#: "with" takes its complement ("no comparison with one comprised of …", "talks with").
_DESCRIBED_NOUN_FILES = frozenset(
    "noun.person noun.group noun.artifact noun.animal noun.object noun.location noun.plant "
    "noun.food noun.body".split())


def _with_phrases(reference: str) -> list[Clause]:
    """The "with" phrases of the English that describe the noun before them ("patients
    with suspected heart attacks and strokes"), as clauses whose antecedent is that noun:
    a person, group or thing in its first noun sense (:data:`_DESCRIBED_NOUN_FILES`; not
    "agreed with", "comparison with")."""
    out = []
    for m in re.finditer(r"\b([A-Za-z]+)\s+(with)\s+", reference):
        before = m.group(1).lower()
        first = next((x for x in wordnet.synsets_of(_singular(before)) if x.pos == "n"), None)
        if first is None or first.lexname not in _DESCRIBED_NOUN_FILES:
            continue
        end = _WITH_END.search(reference, m.end())
        stop = end.start() if end else len(reference)
        words = tuple(w for w in english_words(reference) if m.start(2) <= w.start < stop)
        if words:
            out.append(Clause(m.start(2), stop, "with", words))
    return out


def _singular(word: str) -> str:
    """The singular WordNet lists a plural under (patients → patient)."""
    bases = sorted(wordnet.base_forms(word), key=len)
    return bases[0] if bases else word
