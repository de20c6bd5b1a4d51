"""Where a phrase the Japanese leaves out belongs (the omission check's ``OMI002``; the
facts themselves are found by :mod:`mtqa.checks.omitted_facts`).

The finding points at the Japanese where the phrase belongs. Japanese puts a modifier
before its head, so the phrase belongs before the rendering of the English word it
modifies: the other end of its range ("between *2011* and 2019"); for a phrase before a
word ("*Germany's* economy", "*71* Republicans"), that word; for a phrase after a
preposition ("the farmers *in Germany*", "opens *on Jan. 13*"), the word before the
preposition; for a phrase opening the English sentence, the opening of the Japanese one,
and for one opening a clause after a comma ("..., *on January 19* the country will"), the
word after it. The last of a list of names ("Venezuela, Trinidad and *Miami*") belongs
next to the one before it. A name a relative clause describes ("In *Germany*, where ...")
belongs right after that clause's rendering: Japanese puts the clause first. The object
of a word the Japanese leaves out ("the memo dated *20 December*,") belongs with the
rendered word before it; a factor ("exports *tripled*") after the noun that multiplied.
A phrase opening an apposition ("the steel industry, *Japan's* biggest,") belongs before
the noun the apposition describes, which Japanese puts after it (主要産業である鉄鋼業). A
number or a date is no head ("on March 3, 2024, *in Sacramento*"): the next word before it
is; nor is an attribution (", the report said,", ", according to the ministry"), which
Japanese opens the sentence with. A change measured after "by" ("had fallen *by a third*")
belongs anywhere up to the verb that changed. Of several renderings of the head, the one in the Japanese sentences that render the
phrase's English sentence (a pair of several sentences: each Japanese sentence belongs to
the English sentence most of whose words it renders), and among them the one among the
renderings of the words around it.
The preposition is looked for before the name's capitalised words ("to *Southern*
California"); when it is not "of" and the head's Japanese takes a case particle other than
の (家族と, 大会に), the head depends on the verb after it, and the dropped adjunct belongs
anywhere up to that verb: the span reaches it.
The span runs from the start of the head's clause (at most 16 characters before it) to the
end of its bunsetsu: other modifiers may stand between the dropped phrase and its head.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from ..text import japanese, wordlists, wordnet
from ..text.english import stem
from ..text.lexicon import LIGHT_WORDS, RELATIVE_WORDS, Clause, JaUnit, Lexicon, stems_match
from ..text.numerals import EN_MONTHS
from .omitted_facts import (
    CONTEXT_WORDS,
    COUNTING_WORDS,
    ENGLISH_SENTENCE,
    OPENERS,
    PREPOSITIONS,
    WORD,
    MissingPhrase,
    katakana_words,
    nearest_link,
    sounds_like,
)

#: English words before the head is searched at most (beyond, the phrase attaches to a
#: word the search cannot find reliably).
HEAD_REACH = 4
#: Japanese characters at most that the span of a finding reaches before the head word.
MAX_LEAD_CHARS = 16
#: What ends the clause before a head word: its span starts after it.
_CLAUSE_MARKS = frozenset("、。，「」『』（）()：:")


def head_unit(phrase: MissingPhrase, lex: Lexicon, clause: tuple[int, int],
              own: frozenset[int] | None = None, reference: str = "") -> int | None:
    """The Japanese unit rendering the English word the phrase modifies (see the module
    docstring), looked for within the phrase's English clause ``clause``: the other end of
    its range when it has one; the word after it when it stands before a word; the word
    before its preposition; else the word after it.

    ``own`` (when given) holds the Japanese sentences that render the phrase's English
    sentence (:func:`own_sentences`): a word's rendering in another Japanese sentence
    (党 of 社会民主党 for "party", said of another party a sentence later) is not where the
    phrase was dropped. A number or a date is no head ("in the Capitol on December 12, 2023,
    *in Washington*"): a value modifies nothing, the phrase belongs with the noun or verb
    before it."""
    if phrase.partner is not None:
        k = next((k for k, w in enumerate(lex.words) if w.start == phrase.partner), None)
        if k is not None and lex.links[k]:
            return nearest_link(lex, k)
        if k is not None:  # a name rendered by sound ("Corwin and *Marlowe*": コーウィンと)
            u = _sounded_unit(lex, lex.words[k].text)
            if u is not None:
                return u

    def usable(k: int) -> bool:
        w = lex.words[k]
        if w.kind == "number" and not _counts_next(k):
            return False
        if w.text.lower().rstrip(".") in _VALUE_WORDS:
            return False
        return any(own is None or lex.units[u].sentence in own for u in lex.links[k])

    def _counts_next(k: int) -> bool:
        """A number that counts the word after it, which the Japanese leaves to its counter
        ("1,900 occasions" → 1900回): the count is the head's rendering."""
        nxt = lex.words[k + 1] if k + 1 < len(lex.words) else None
        return (nxt is not None and nxt.kind == "word" and not lex.links[k + 1]
                and reference[lex.words[k].end : nxt.start] == " ")

    # (words between the preposition and the phrase are the phrase's own: "in their *first*
    # two years")
    edge = phrase.start
    if phrase.preposition:
        opened = [m.start() for m in re.finditer(rf"\b{re.escape(phrase.preposition)}\b",
                                                 reference[: phrase.start], re.I)]
        edge = opened[-1] if opened else phrase.start
    before = [k for k, w in enumerate(lex.words) if clause[0] <= w.start
              and w.end <= edge and usable(k)]
    said = attributions(reference, clause) if reference else []
    before = [k for k in before if not any(a <= lex.words[k].start < b for a, b in said)
              ][-HEAD_REACH:]
    stop = min((a for a, _ in said if a >= phrase.end), default=clause[1])
    after = [k for k, w in enumerate(lex.words)
             if phrase.end <= w.start and w.end <= stop and usable(k)][:HEAD_REACH]
    if before and phrase.object_of is not None and phrase.object_of >= lex.words[
            before[-1]].start:
        # the object of the word before it ("reach *Marlowe*"), or of a word the
        # Japanese does not render, whose own head is the rendered word before it ("the
        # memo dated *20 December 2023*," → 2023年12月20日付の漏洩メモ)
        order = list(reversed(before)) + after
    elif (phrase.appositive or (phrase.verb and not phrase.premodifier)) and before:
        # an apposition precedes its noun; a factor follows the noun that multiplied
        order = list(reversed(before)) + after
    elif (phrase.premodifier and phrase.preposition and before and reference
          and noun_lost(phrase, lex, reference, own)):
        # the noun it modifies is gone with it ("recalling packs *in 14* countries"): the
        # whole prepositional phrase was dropped, and belongs with the word before it
        order = list(reversed(before)) + after
    elif (phrase.premodifier or phrase.initial or phrase.clause_initial
          or not phrase.preposition or not before):
        order = after + list(reversed(before))
    else:
        order = list(reversed(before)) + after
    return nearest_link(lex, order[0], own) if order else None


#: An attribution after a comma (", according to the health ministry", ", the regulator
#: said in a statement,", ...," said Professor Leclerc): a clause of its own of a few
#: words up to the next comma or the end, which Japanese opens the sentence with
#: (保健省によると), never the head of a phrase outside it; not a reporting verb before
#: what was said (", said the waiting list had fallen by a third").
_ATTRIBUTION = re.compile(
    r",[\"”’']?\s+(?:according\s+to\b|(?:[\w'’.-]+\s+){0,5}?(?:said|says|told|added|noted|"
    r"warned|announced|reported|stated)\b)(?:\s+[\w'’-]+){0,6}(?=\s*[,.;:!?]|\s*$)", re.I)


#: The speaker's apposition after an attribution (", *a paediatrician at McGill*").
_APPOSITION = re.compile(r",\s+(?:a|an|the)\s+[^,.;:!?]*", re.I)


def attributions(reference: str, clause: tuple[int, int]) -> list[tuple[int, int]]:
    """The spans of the attributions (:data:`_ATTRIBUTION`) within ``clause`` of the
    English."""
    spans = []
    for m in _ATTRIBUTION.finditer(reference, clause[0], clause[1]):
        end = m.end()
        # the speaker's apposition goes with it (", said Professor Leclerc, *a
        # paediatrician at McGill University*.")
        while (more := _APPOSITION.match(reference, end)) and more.end() <= clause[1]:
            end = more.end()
        spans.append((m.start(), end))
    return spans


def noun_lost(phrase: MissingPhrase, lex: Lexicon, reference: str,
              own: frozenset[int] | None = None) -> bool:
    """Whether the English noun the phrase modifies, right after it, has no rendering
    either and ends the noun phrase ("*14* countries after …", "*14* countries."), not
    a word of a longer one ("a *two* hour interview": the interview is its head). With
    ``own`` (the Japanese sentences rendering the phrase's English sentence), a noun
    rendered only in other sentences (日 of another sentence's date for "*90* days") is
    lost here too."""
    k = next((k for k, w in enumerate(lex.words) if w.start >= phrase.end), None)
    if k is None:
        return False
    if lex.links[k] and own is not None:
        if any(lex.units[u].sentence in own for u in lex.links[k]):
            return False
    elif lex.covered(k):
        return False
    rest = reference[lex.words[k].end :]
    nxt = WORD.match(rest.lstrip())
    return nxt is None or bool(re.match(r"\s*[,.;:!?)]", rest)) or (
        nxt.group().lower() in PREPOSITIONS | _PHRASE_ENDERS)


#: Words after which a noun phrase has ended: conjunctions, relatives, and the auxiliary of
#: the verb the phrase is the subject of ("teachers in their first *two* years will …").
_PHRASE_ENDERS = frozenset(
    """and or but that which who will would can could shall should must may might is are
    was were has have had""".split())


#: Words that bound or approximate the number right after them ("just 95", "nearly a
#: hundred", "at least 4", "some 7,000"): degree adverbs of English grammar. Japanese
#: writes their rendering right before the number (わずか, ほぼ, 約, 少なくとも) or right
#: after it (近く, 余り), so the number was dropped next to it.
DEGREE_WORDS = frozenset(
    """just only nearly almost about around roughly approximately some minimum maximum
    least most merely barely mere exactly precisely fully""".split())
#: Parts of speech that render no degree word: JMdict glosses verbs and function words by
#: "some" and "about" too (ある "to exist; some", について "about"), but the copula's ある
#: (否定的である) or a particle is never where a number was dropped.
_NO_DEGREE_POS = frozenset({"動詞", "助動詞", "助詞"})
#: A degree word right before a number, an article between allowed ("nearly a hundred").
_DEGREE_BEFORE = re.compile(
    r"\b(" + "|".join(sorted(DEGREE_WORDS)) + r")\s+(?:(?:a|an)\s+)?$", re.IGNORECASE)


def degree_unit(phrase: MissingPhrase, reference: str, lex: Lexicon,
                clause: tuple[int, int], own: frozenset[int] | None = None) -> int | None:
    """The Japanese unit rendering the word of :data:`DEGREE_WORDS` right before a missing
    number ("just *95*", "nearly *a hundred*", "at least *4*"): わずか, ほぼ, 約, 近く by
    their JMdict glosses (the lexicon links no function word, "just" among them), in the
    Japanese sentences ``own`` (all when None); of several, the one among the renderings
    of the English words around the number in its clause ``clause``. None when the phrase
    carries more than numbers (a name or a date has a head of its own), is a counting word
    ("just one of them": 一人だけ, a rendering of its own), or no degree word stands
    before it."""
    if phrase.kinds != {"number"} or phrase.partner is not None \
            or reference[phrase.start : phrase.end].lower() in COUNTING_WORDS:
        return None
    m = _DEGREE_BEFORE.search(reference, 0, phrase.start)
    if m is None:
        return None
    word = stem(m.group(1).lower())
    found = [u for u, x in enumerate(lex.units)
             if (own is None or x.sentence in own) and x.pos1 not in _NO_DEGREE_POS
             and stems_match(word, x.stems)]
    if len(found) < 2:
        return found[0] if found else None
    # a common word glossed by several units (だけ, わずか for "just"): the one among the
    # renderings of the English words around the number
    near = [j for j, w in enumerate(lex.words) if clause[0] <= w.start < clause[1]
            and not phrase.start <= w.start < phrase.end and lex.links[j]]
    k = sum(1 for j in near if lex.words[j].start < phrase.start)
    around = [lex.links[j] for j in near[max(0, k - CONTEXT_WORDS) : k + CONTEXT_WORDS]]
    if not around:
        return None
    return min(found, key=lambda u: (sum(min(abs(u - v) for v in vs) for vs in around), u))


def relative_unit(phrase: MissingPhrase, lex: Lexicon, clauses: Sequence[Clause],
                  own: frozenset[int] | None = None) -> int | None:
    """The last Japanese unit rendering the relative clause after the phrase ("In
    *Germany*, where workers and bosses run many companies jointly" → 労働者と経営者が共同
    経営する会社が多い｜ドイツでは): Japanese puts a relative clause before the noun it
    describes, so that noun, the dropped phrase, stood right after the clause's last
    rendered word. Of the Japanese sentences (``own`` when given), the one rendering most
    of the clause; None when the phrase has no relative clause or nothing of it is
    rendered."""
    if phrase.relative is None:
        return None
    clause = next((c for c in clauses if c.start <= phrase.relative < c.end), None)
    if clause is None:
        return None
    index = {w.start: k for k, w in enumerate(lex.words)}
    units = [u for w in clause.words if (k := index.get(w.start)) is not None
             for u in lex.links[k] if own is None or lex.units[u].sentence in own]
    if not units:
        return None
    by_sentence = Counter(lex.units[u].sentence for u in units)
    sentence = by_sentence.most_common(1)[0][0]
    return max((u for u in units if lex.units[u].sentence == sentence),
               key=lambda u: lex.units[u].start)


def alone_in_clause(reference: str, phrase: MissingPhrase, clause: tuple[int, int]) -> bool:
    """Whether the phrase's English clause holds nothing but the phrase and function words
    ("In *Germany*, where ..."): no word of the clause can then show where it belongs, and
    no rendered word of the clause can show that the translator kept it, so the phrase
    is placed among the words of its sentence."""
    rest = reference[clause[0] : phrase.start] + " " + reference[phrase.end : clause[1]]
    return all(w.lower() in OPENERS for w in WORD.findall(rest))


#: Month and weekday names: dates, which modify nothing (see :func:`head_unit`).
_VALUE_WORDS = frozenset(EN_MONTHS) | frozenset(wordlists.weekdays())


def own_sentences(reference: str, lex: Lexicon, at: int) -> frozenset[int] | None:
    """The Japanese sentences of ``lex`` that render the English sentence of ``reference``
    holding offset ``at``: each Japanese sentence belongs to the English sentence most of
    whose words it renders. None when the Japanese is one sentence, or when no Japanese
    sentence belongs to that English sentence (nothing to tell apart)."""
    spans = [(m.start(), m.end()) for m in ENGLISH_SENTENCE.finditer(reference)]
    if len({u.sentence for u in lex.units}) < 2 or len(spans) < 2:
        return None
    votes: dict[int, Counter[int]] = {}
    for k, w in enumerate(lex.words):
        e = next((i for i, (a, b) in enumerate(spans) if a <= w.start < b), None)
        for s in {lex.units[u].sentence for u in lex.links[k]}:
            votes.setdefault(s, Counter())[e if e is not None else -1] += 1
    mine = next((i for i, (a, b) in enumerate(spans) if a <= at < b), None)
    owned = frozenset(s for s, c in votes.items() if c.most_common(1)[0][0] == mine)
    return owned or None


def _sounded_unit(lex: Lexicon, word: str) -> int | None:
    """The last unit of the first katakana word of ``lex``'s Japanese that sounds like
    English ``word`` (UniDic may cut a name: マー｜ロウ), or None."""
    return next((v - 1 for u, v in katakana_words(lex)
                 if sounds_like(word, "".join(x.romaji for x in lex.units[u:v]))), None)


def gap_span(units: Sequence[JaUnit], u: int) -> tuple[int, int]:
    """Where a phrase modifying unit ``u`` belongs: from the start of ``u``'s clause (after
    the 、 or the sentence start before it; at most :data:`MAX_LEAD_CHARS` before ``u``'s
    compound) to the end of ``u``'s bunsetsu (the compound and the function words after
    it). A modifier stands before its head in Japanese, but other modifiers may come
    between them: the span holds the place where it was dropped."""
    a = u
    while (a > 0 and units[a - 1].sentence == units[u].sentence
           and units[a - 1].pos1 in {"名詞", "接頭辞"} and units[a].pos1 in {"名詞", "接尾辞"}):
        a -= 1
    head = units[a].start
    while (a > 0 and units[a - 1].sentence == units[u].sentence
           and units[a - 1].text not in _CLAUSE_MARKS
           and head - units[a - 1].start <= MAX_LEAD_CHARS):
        a -= 1
    while a > 0 and _one_word(units[a - 1], units[a]):  # never from inside a word
        a -= 1
    b = u
    while (b + 1 < len(units) and units[b + 1].sentence == units[u].sentence
           and b - u < 3 and (units[b + 1].pos1 in {"助詞", "助動詞", "接尾辞"}
                              or units[b + 1].pos2 == "非自立可能"
                              or (units[b + 1].pos1 == "名詞" and units[b].pos1 == "名詞"))):
        b += 1
    while b + 1 < len(units) and _one_word(units[b], units[b + 1]):
        b += 1
    return units[a].start, units[b].end


def _one_word(x: JaUnit, y: JaUnit) -> bool:
    """True when units ``x`` and ``y`` are pieces of one written word, which a span must
    not cut: a katakana name UniDic split (サッサ｜リン, マイク｜・｜エヴァーハード), a
    number with its point or comma (5｜.｜2), or a number and what counts it (1910｜年代)."""
    if x.sentence != y.sentence or x.end != y.start:
        return False
    if x.text.endswith("・") or y.text.startswith("・"):
        return True
    if japanese.is_katakana(x.text) and japanese.is_katakana(y.text):
        return True
    if (x.pos2 == "数詞" and y.text in {".", "．", ",", "，"}) or (
            x.text in {".", "．", ",", "，"} and y.pos2 == "数詞"):
        return True  # a decimal point or a thousands comma inside a number (5.2)
    return x.pos2 == "数詞" and y.pos1 in {"名詞", "接尾辞"} and y.pos2 != "数詞"


#: Japanese characters at most that a span reaches past its head to the predicate the
#: head's case particle attaches it to.
MAX_PREDICATE_CHARS = 12


#: Closing quotes and brackets a head's noun phrase goes on past.
_CLOSING_QUOTES = frozenset("」』）)")


#: Prepositions of time whose phrase modifies a verb, never a noun ("since 2020", "until
#: June", "during the storm").
VERB_PREPOSITIONS = frozenset({"since", "until", "till", "during"})


def measures_change(phrase: MissingPhrase, reference: str) -> bool:
    """Whether the phrase, after "by", measures the change a verb right before it says
    ("had fallen *by a third*", "was extended *by six months*"): Japanese writes it before
    that verb (3分の1減少した), so the phrase belongs anywhere up to the verb."""
    if phrase.preposition != "by":
        return False
    before = WORD.findall(reference[max(0, phrase.start - 40) : phrase.start])
    return len(before) >= 2 and before[-1].lower() == "by" and _verb_form(before[-2].lower())


def to_predicate(units: Sequence[JaUnit], u: int, end: int, verbal: bool = False) -> int:
    """Where a span ending at ``end`` (unit ``u``'s bunsetsu) ends when an adjunct of the
    verb was dropped: a noun followed by a case particle other than の (家族と, 大会に)
    depends on the predicate after it, and the verb's other adjuncts may stand anywhere
    before that predicate ("moved with his family *to California*" → 家族と共に｜移り住んだ):
    the end of the first verb or adjective after ``u`` in its clause (at most
    :data:`MAX_PREDICATE_CHARS` further); ``end`` unchanged when there is none.
    ``verbal``: the phrase can only be the verb's (:data:`VERB_PREPOSITIONS`), so the span
    reaches the predicate whatever follows the noun ("access to waters north of the 62nd
    parallel *for the first time since 2020*" → 北緯62度以北の海域での操業を認める)."""
    sent = units[u].sentence
    k = u + 1
    # the head's noun phrase may go on past a closing quote and an apposed noun
    # (「トリバソール」230万箱を回収する for "recalling 2.3 million packs of Trivasol")
    while (k < len(units) and units[k].sentence == sent
           and units[k].start - end <= MAX_PREDICATE_CHARS
           and (units[k].text in _CLOSING_QUOTES
                or (k > u + 1 and units[k].pos1 in {"名詞", "接尾辞"})
                or (units[k].text == "," and units[k - 1].pos2 == "数詞"))):
        k += 1
    if not verbal and not (k < len(units) and units[k].sentence == sent
                           and units[k].pos2 == "格助詞" and units[k].text != "の"):
        return end
    while k < len(units) and units[k].sentence == sent and units[k].text not in _CLAUSE_MARKS \
            and units[k].start - end <= MAX_PREDICATE_CHARS:
        if units[k].pos1 in {"動詞", "形容詞"}:
            return max(end, units[k].end)
        k += 1
    return end


def of_lost(phrase: MissingPhrase, lex: Lexicon, reference: str) -> bool:
    """Whether the phrase follows "of" after a noun the Japanese leaves out too, itself
    after a preposition ("frozen *until the end of June*"): the whole adjunct was
    dropped, and it belongs anywhere up to the verb, as one after its own preposition."""
    if phrase.preposition != "of":
        return False
    of = reference.rfind(" of ", 0, phrase.start)
    ks = [k for k, w in enumerate(lex.words) if w.end <= of]
    if of < 0 or not ks or lex.links[ks[-1]]:
        return False
    noun = lex.words[ks[-1]].start
    return any(w.lower() in PREPOSITIONS
               for w in WORD.findall(reference[max(0, noun - 20) : noun])[-2:])


#: Words at most between the comma and a phrase that trails its sentence ("..., *up
#: from* 81,000", "..., *and* 37 people were injured").
TRAIL_WORDS = 2
_CLAUSE_COMMA = re.compile(r",(?=\s)")
_RELATIVES = RELATIVE_WORDS | {"that", "when"}
#: ... or at most this many, when none of them is rendered either.
TRAIL_CLAUSE_WORDS = 8


def trails(phrase: MissingPhrase, lex: Lexicon, reference: str) -> bool:
    """Whether the phrase is added after a comma at the end of its English sentence, with
    everything after it dropped too ("attendance rose to 96,000, *up from 81,000 in
    2023*."; "One man was killed..., and *37* people were injured."): it says something
    of the whole clause before it, which Japanese closes on its predicate, so the phrase
    belongs at that predicate, not at the English word before the comma."""
    # the last comma that ends a clause (not the one inside 1,900)
    comma = max((m.start() for m in _CLAUSE_COMMA.finditer(reference, 0, phrase.start)),
                default=-1)
    gap = WORD.findall(reference[comma : phrase.start]) if comma >= 0 else []
    # a bare prepositional phrase after the comma (", in Sacramento") is an adjunct of a
    # word of its clause, placed by that word; "up from", "and" open a statement of its own,
    # and so do longer words none of which is rendered (", close to the record set *in
    # 2000*": dropped with the phrase)
    if not gap or gap[0].lower() in PREPOSITIONS or gap[0].lower() in _RELATIVES:
        return False  # (a relative clause describes the noun before the comma: ", which
        # was founded in Eindhoven in 1994" belongs with 同社)
    if len(gap) > TRAIL_WORDS and (len(gap) > TRAIL_CLAUSE_WORDS or any(
            comma < w.start < phrase.start and lex.links[k] for k, w in enumerate(lex.words))):
        return False
    if not _closes_sentence(phrase, lex, reference):
        return False  # more is said after it, and rendered: the phrase is inside
    return any(w.end <= comma and lex.links[k] for k, w in enumerate(lex.words))


def _sentence_bounds(reference: str, at: int) -> tuple[int, int]:
    """Start and end of the English sentence holding offset ``at``."""
    return next(((m.start(), m.end()) for m in ENGLISH_SENTENCE.finditer(reference)
                 if m.start() <= at < m.end()), (0, len(reference)))


def _closes_sentence(phrase: MissingPhrase, lex: Lexicon, reference: str) -> bool:
    """Whether the phrase closes its English sentence: no comma after it, and no word
    after it rendered."""
    stop = _sentence_bounds(reference, phrase.start)[1]
    return "," not in reference[phrase.end : stop] and not any(
        phrase.end <= w.start < stop and lex.links[k] for k, w in enumerate(lex.words))


#: A time adverbial before a date or a duration: it says when the clause's action happens
#: ("review it *by the end of* March", "report *within* 90 days").
_TIME_ADVERBIAL = re.compile(
    r"\b(by|within|until|till|before)(?:\s+(?:the\s+)?(?:end|middle|start|beginning|"
    r"close|next|coming|first|last)(?:\s+of)?)?(?:\s+the)?\s*$", re.I)


#: "for" before a price: the price of the clause's action ("bought online *for £85*").
_PRICE_FOR = re.compile(r"\b(for)\s*[£$€¥]?\s*$", re.I)
#: An amount of money: a currency sign, or a number and a currency word after it.
_MONEY = re.compile(r"[£$€¥]|.?\d[\d.,]*\s*(?:million|billion|m|bn)?\s*(?:pounds?|dollars?|"
                    r"euros?|yen|yuan|rupees?|pesos?|francs?)\b", re.I)


def time_anchor(phrase: MissingPhrase, lex: Lexicon, reference: str) -> int | None:
    """For a date or a duration after a preposition of time that closes its English
    sentence, nothing rendered after it ("said it would review the application *by the
    end of March*."; "threatened to publish the data unless the council pays *within
    seven days*."), or a price after "for" ("a battery bought second-hand through an
    online marketplace *for £85*."): the Japanese unit rendering the last rendered English
    word before the preposition. The phrase times (or prices) that word's clause, whose
    predicate is where Japanese puts it (申請について審査すると; 市当局が支払わなければ;
    購入された), not the noun before it. None for any other phrase."""
    if not phrase.kinds & {"date", "number"}:
        return None
    lo = max(0, phrase.start - 40)
    adverbial = _TIME_ADVERBIAL.search(reference[lo : phrase.start]) or (
        _PRICE_FOR.search(reference[lo : phrase.start])
        if _MONEY.match(reference, max(0, phrase.start - 1)) else None)
    if adverbial is None:
        return None
    if adverbial.group(1).lower() == "by" and "date" not in phrase.kinds and not re.fullmatch(
            r"(?:19|20)\d\d", reference[phrase.start : phrase.end].strip(" .,")):
        return None  # "funded by six governments", "cut by 5 per cent": no time
    if not _closes_sentence(phrase, lex, reference):
        return None
    first = _sentence_bounds(reference, phrase.start)[0]
    before = [k for k, w in enumerate(lex.words)
              if first <= w.start and w.end <= lo + adverbial.start()]
    # the verb it times: the nearest word before it that may be a verb, not after a
    # determiner ("review the city's application": review, not application)
    verb = next((k for k in reversed(before) if _may_be_verb(lex, k, reference)), None)
    if verb is not None and lex.links[verb]:
        return nearest_link(lex, verb)
    linked = [k for k in before if lex.links[k]]  # else the last word rendered
    return nearest_link(lex, linked[-1]) if linked else None


#: Words after which a word is a noun ("the appeal", "its review").
_DETERMINERS = frozenset("the a an its their his her our my your this that these those".split())


def _may_be_verb(lex: Lexicon, k: int, reference: str) -> bool:
    """Whether English word ``k`` may be a verb: lower case, a verb of WordNet through its
    base forms, and not right after a determiner or a possessive."""
    word = lex.words[k].text
    if not word.isalpha() or not word.islower() or word in _DETERMINERS:
        return False
    prev = reference[: lex.words[k].start].rstrip().split()
    if prev and (prev[-1].lower() in _DETERMINERS or prev[-1].endswith(("'s", "’s"))):
        return False
    return any(s.pos == "v" for b in wordnet.base_forms(word) for s in wordnet.synsets_of(b))


def antecedent_unit(lex: Lexicon, clause: Clause, own: frozenset[int] | None
                    ) -> int | None:
    """For a relative clause most of whose words the Japanese does not render, the unit that
    renders the word right before it (its antecedent: "West Africa, *which grows roughly
    60 per cent of the world's supply*" → 西アフリカ, though 世界 renders "world's"
    elsewhere); None when half its words or more are rendered (the clause is there, the
    phrase alone is lost) or the antecedent is not."""
    inside = [k for k, w in enumerate(lex.words) if clause.start <= w.start < clause.end
              and w.text.lower() not in LIGHT_WORDS]
    if not inside or 2 * sum(bool(lex.links[k]) for k in inside) >= len(inside):
        return None
    before = [k for k, w in enumerate(lex.words) if w.end <= clause.start]
    if clause.opener.lower() == "which":
        before = _past_people(lex, before)
    if not before or not lex.links[before[-1]]:
        return None
    return nearest_link(lex, before[-1], own)


#: English words "which" may reach back over to its antecedent (past a person).
WHICH_REACH = 10


def _person_word(word: str) -> bool:
    """A capitalised word (a name, not a place WordNet knows: "Africa") or a noun whose
    first sense is a person (judge)."""
    if word[:1].isupper():
        return not wordnet.is_place(word)
    first = next((s for s in wordnet.synsets_of(word.lower()) if s.pos == "n"), None)
    return first is not None and first.lexname == "noun.person"


def _verb_form(word: str) -> bool:
    """Whether the word inflects a verb ("led" of lead, "chaired" of chair): a past or a
    participle, whatever noun WordNet spells the same (LED). A plural ("harvests") is a
    noun's."""
    return not word.endswith("s") and any(
        b != word and any(s.pos == "v" for s in wordnet.synsets_of(b))
        for b in wordnet.base_forms(word))


def _past_people(lex: Lexicon, before: list[int]) -> list[int]:
    """The words before a "which" clause up to its antecedent: "which" describes no person,
    so a name or a person's noun right before it is passed over, with the words that
    describe them, to the nearest noun of a thing ("a panel chaired by a retired judge,
    Anne Baumann, which is to report": the panel)."""
    if not before or not _person_word(lex.words[before[-1]].text):
        return before
    for n in range(len(before) - 1, max(-1, len(before) - 1 - WHICH_REACH), -1):
        text = lex.words[before[n]].text
        senses = {s.pos for s in wordnet.synsets_of(text)} if text[:1].islower() else set()
        if text.isalpha() and not _person_word(text) and "n" in senses and not senses & {
                "a", "s"} and not _verb_form(text):  # a noun: not "former", nor "led"
            return before[: n + 1]
    return before


def trailing_anchor(phrase: MissingPhrase, lex: Lexicon, reference: str) -> int | None:
    """For a phrase that :func:`trails` its sentence and has no rendered head ("…18 per
    cent of respondents said they had visited, *compared with 41 per cent* of those over
    55"): the last Japanese unit rendering a word of its English sentence before it, whose
    sentence's predicate is where the phrase was dropped; None when no word is rendered."""
    lo = _sentence_bounds(reference, phrase.start)[0]
    linked = [u for k, w in enumerate(lex.words) if lo <= w.start and w.end <= phrase.start
              for u in lex.links[k]]
    return max(linked) if linked else None


def next_predicate(units: Sequence[JaUnit], u: int) -> int:
    """The first verb or adjective from unit ``u`` on in its sentence, not the verb of a
    compound particle (つい of について): the predicate of ``u``'s clause (``u`` when it
    has none)."""
    sent = units[u].sentence
    for k in range(u, len(units)):
        if units[k].sentence != sent:
            break
        if units[k].pos1 in {"動詞", "形容詞"} and not (
                k and units[k - 1].pos1 == "助詞" and units[k].lemma in _PARTICLE_VERBS):
            return k
    return u


#: Verbs that form compound particles after a particle (について, に対して).
_PARTICLE_VERBS = wordlists.particle_verbs()


def last_predicate(units: Sequence[JaUnit], u: int) -> int:
    """The last verb or adjective of unit ``u``'s sentence (``u`` when it has none)."""
    sent = units[u].sentence
    best = u
    for k in range(u, len(units)):
        if units[k].sentence != sent:
            break
        if units[k].pos1 in {"動詞", "形容詞"}:
            best = k
    return best


def sentence_opening(units: Sequence[JaUnit], u: int) -> tuple[int, int]:
    """The first bunsetsu of unit ``u``'s sentence: where a phrase that opens the English
    sentence ("On January 9th, ...") stands in the Japanese too."""
    first = u
    while first > 0 and units[first - 1].sentence == units[u].sentence:
        first -= 1
    while first < u and units[first].text in _CLAUSE_MARKS:
        first += 1
    start, end = gap_span(units, first)
    return units[first].start, end
