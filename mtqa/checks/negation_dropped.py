"""A negation of the English that the Japanese drops (``MIS007``, for the mistranslation
check, :mod:`mtqa.checks.mistranslation`): "He has *not* been charged" → 起訴されており,
"the two vessels are still *not* in service" → すでに就航している.

The evidence is the negated word's own rendering, said un-negated: the English negates a
predicate with "not", "n't" or "never"; the content word it negates (the first one after
it in its clause: "charged", "service") has a rendering in the Japanese (by the pair's
word alignment, :mod:`mtqa.text.lexicon`); no rendering of it carries a negation in its
clause (ない, ず, 未, 不…: a negative ending after it, a negative prefix before it); and
no sentence of the pair's Japanese has a negation of any kind (なければ, ではな, どころか,
初めて for "never before" included), so that no other negation can be the one the English
has. A word of the English that the Japanese renders by its opposite ("not far" → 近い)
has no rendering and is not flagged: only a word said is said the wrong way round. The
rendering must be a predicate of its own (a verb, an adjective, a verbal noun; not a word
of grammar nor part of a compound noun, but a compound verbal noun before する or できる is a
verb: 最終決定できる for "could not be finalised", read by its last word).

Fixed phrases whose "not" negates no predicate are left out: "not only", "not just",
"not least", "not until" (…になって初めて), "whether or not", "if not", "not even", set
phrases said without a negation in Japanese ("can't help", "doesn't look like", "no way",
"not be" but before a participle: "would not be compromised" negates the verb),
"not … without" (two negations, one statement), and questions ("Isn't it…?").

A negation said by a verb or a noun before the verb it denies is read the same way: "She
stopped short of promising new money" → 新たな資金の拠出を約束した, "had no plans to
introduce" → 導入する計画を示し, "declined to", "refused to", "failed to" (said with 怠った,
退けた, 避けた, 控えた they keep their negation). On the 972 blind articles (round 31) they
find 9 planted reversals for 1 false alarm (修理を「繰り返し、かつ故意に」怠った: the quotation
mark ends the clause before 怠); on ESA dev nothing.

"not yet" (or "has yet to") said as すでに "already", where the pair's Japanese has no
negation, is one too ("We are not yet at the point of shortages" → すでに品不足に陥っており).

On WMT24 ESA dev it finds nothing (a first form, without the sentence-wide condition, made
49 findings there, 2 on a human span); on the blind articles of earlier rounds it finds 10
planted errors for one false alarm; reading passives and compound verbal nouns (round 29)
added one planted error there and nothing on ESA dev.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..text.lexicon import JaUnit, Lexicon
from ..text.negation import english_negations, japanese_negations
from ..text.wordnet import lemma_synsets
from ..types import AlignedPair, Document

#: The negations of a predicate this detector reads: not, n't, never.
_PREDICATE_NEGATION = re.compile(r"^(?:not|never|[a-z]+n['’]t)$", re.I)
#: What after "not" makes it no negation of a predicate: "not only", "not until"…
_NOT_A_PREDICATE = re.compile(
    r"\s+(?:only|just|least|until|till|even|necessarily|always|all|every|everyone|"
    r"everything|everybody|quite|exactly|merely|simply|to\s+mention|so\s+much|"
    r"surprisingly|unlike|un[a-z]+|in[a-z]+|without|nearly|enough|more|less|much|many|"
    r"far|long|yet\s+clear)\b", re.I)
#: What before "not" makes it no negation of a predicate ("whether or not", "if not").
_NOT_AFTER = re.compile(r"\b(?:or|if|why|as\s+likely\s+as|whether)\s+$", re.I)
#: Set phrases with a negation that the Japanese says without one: "can't help (but)"
#: (…せずにはいられない or つい…), "doesn't look like" (…ようには見えない or …らしくない
#: is one way; 〜とは思えない another), "never-ending" (果てしない), "no way".
_SET_PHRASE_AFTER = re.compile(
    r"[\s-]*(?:help|look|seem|appear|sound|feel|think|know|care|mind|matter|wonder|"
    r"want|like|need|get|make|have|be(?!\s+[a-z]+ed\b)|do|ending|stop|hesitate|forget|let|mean|"
    r"say|way|see)\b",
    re.I)
#: "not … without" in one clause: two negations, one statement ("could not finance it
#: without risking its rating" → 賄おうとすれば…危うくなる).
_WITHOUT_AFTER = re.compile(r"[^,;:.!?]*\bwithout\b", re.I)
#: Characters after the negation within which its negated content word lies.
NEGATED_WORD_CHARS = 30
#: A negation in the Japanese clause of a rendering: a negative ending after it, or a
#: negative prefix or word (未, 不, 無, 非, 否, 禁止, 拒否, 見送り…).
_JA_NEGATIVE = re.compile(
    r"ない|なかっ|なく|なけれ|なし|ず|ぬ|ません|まい|無|不|非|未|否|禁|拒|止|やめ|控え|見送|"
    r"見合わせ|断念|免|欠|失|ゼロ|一切|決して|まだ|否定|撤回|外れ|除|避け|怠|退け|回避|防")
#: Negations that :func:`japanese_negations` reads as grammar (なければならない "must") or
#: does not read: the English negation may be said by them.
_JA_NEGATION_ANYWHERE = re.compile(
    r"なけれ|なくて|ないと|ではな|じゃな|ざる|ずに|せず|ません|どころか")
#: 初めて ("for the first time"), the Japanese of "never before" and "not until", unless
#: the English says "first" (then 初めて renders it: "first spotted" → 初めて確認された).
_JA_FIRST_TIME = re.compile(r"初めて|はじめて")
_EN_FIRST = re.compile(r"\bfirst\b", re.I)
#: A clause boundary of the Japanese.
_JA_CLAUSE_END = re.compile(r"[、。，．！？!?\n」]")


def _predicate(unit: JaUnit) -> bool:
    """Whether a Japanese unit is a predicate of its own: a verb, an adjective, an
    adjectival noun or a verbal noun (就航, 意外, 閉ざす), known to the dictionary."""
    if len(unit.text) < 2 or unit.pos2 == "非自立可能":
        return False  # a word of grammar (なる, よう)
    return unit.known and (unit.pos1 in {"動詞", "形容詞", "形状詞"} or (
        unit.pos1 == "名詞" and unit.pos2 == "普通名詞" and unit.pos3 in {"サ変可能", "形状詞可能",
                                                                 "サ変形状詞可能"}))


def _in_compound(text: str, unit: JaUnit) -> bool:
    """Whether a kanji word is glued to another kanji word (指導 of 指導部 "leadership"):
    part of a noun, not a predicate."""
    if text.startswith("にとっ", max(0, unit.start - 1)):
        return True  # the compound particle にとって ("for"), no verb
    before = text[unit.start - 1 : unit.start] if unit.start else ""
    after = text[unit.end : unit.end + 1]
    if unit.pos3 in _VERBAL_NOUNS and _SURU.match(text, unit.end) and not _kanji(after):
        return False  # the compound is the verb's stem: 最終決定できる "can finalise"
    return any(_kanji(c) for c in before + after)


def _kanji(c: str) -> bool:
    return bool(c) and "\u4e00" <= c <= "\u9fff"


#: Verbal nouns (サ変可能), and する, できる or される after one: the compound it ends is a
#: verb (最終決定できる, 全面禁止される).
_VERBAL_NOUNS = frozenset({"サ変可能", "サ変形状詞可能"})
_SURU = re.compile(r"(?:する|した|して|し、|しよう|できる|できた|でき、|される|された|させ)")


def _rendered_in_pair(lex: Lexicon, pair: AlignedPair, k: int) -> list[JaUnit]:
    """The Japanese units of the pair that render English word ``k``, without those that
    run on into the next one (:func:`_heads`)."""
    return _heads([lex.units[u] for u in lex.links[k]
                   if lex.units[u].sentence in pair.mt_sentences])


def _heads(units: Sequence[JaUnit]) -> list[JaUnit]:
    """The units without those that run on into the next one (最終 of 最終決定, both
    rendering "finalised"): a compound's last word says what it is."""
    starts = {u.start for u in units}
    return [u for u in units if u.end not in starts]


@dataclass(frozen=True)
class DroppedNegation:
    """A negated English word whose rendering the Japanese says un-negated."""

    start: int
    end: int
    #: the English negation and the word it negates ("not … charged")
    said: str
    #: the Japanese rendering of the negated word
    rendering: str


def _negated_word(lex: Lexicon, reference: str, b: int) -> int | None:
    """Index of the first content word of ``lex`` after the negation ending at ``b``, in
    its clause and within :data:`NEGATED_WORD_CHARS` characters."""
    for k, w in enumerate(lex.words):
        if w.start < b:
            continue
        if w.start - b > NEGATED_WORD_CHARS or re.search(r"[,;:.!?\"“”]", reference[b : w.start]):
            return None
        return k if w.kind == "word" else None
    return None


def _negated_in_japanese(text: str, start: int, end: int) -> bool:
    """Whether the Japanese clause of the rendering at ``start``..``end`` negates it: a
    negative word from the rendering to the clause's end, or a negative prefix right
    before it."""
    m = _JA_CLAUSE_END.search(text, end)
    after = text[start : m.start() if m else len(text)]
    return bool(_JA_NEGATIVE.search(after) or _JA_NEGATIVE.search(text[max(0, start - 2) : start]))


def dropped_negations(pair: AlignedPair, doc: Document, lex: Lexicon
                      ) -> list[DroppedNegation]:
    """The English negations of ``pair`` whose negated word the Japanese renders
    un-negated, when no sentence of the pair's Japanese has a negation of any kind."""
    reference = pair.reference
    en_neg = english_negations(reference)
    if not en_neg:
        return []
    for si in pair.mt_sentences:
        sent = doc.sentences[si]
        text = doc.text[sent.start : sent.end]
        if japanese_negations(text) or _JA_NEGATION_ANYWHERE.search(text) or (
                _JA_FIRST_TIME.search(text) and not _EN_FIRST.search(reference)):
            return []  # a negation of the Japanese may be the English's, said elsewhere
    out: list[DroppedNegation] = _yet_said_already(pair, doc) + _avoided(pair, doc, lex)
    implicit = [(m.start(), m.end()) for m in _IMPLICIT_NEGATION.finditer(reference)]
    for a, b in sorted(en_neg + implicit):
        if (a, b) not in implicit and not _negates_a_predicate(reference, a, b):
            continue
        k = _negated_word(lex, reference, b)
        if k is not None:
            k = _rendered_word(lex, pair, reference, k)
            out.extend(_said_unnegated(lex, doc, pair, k, reference[a:b]))
    return out


def _rendered_word(lex: Lexicon, pair: AlignedPair, reference: str, k: int) -> int:
    """The negated word ``k``, or the noun right after it when ``k`` is an adjective with no
    rendering in the pair ("not in immediate danger": the danger; WordNet knows
    "immediate" only as an adjective)."""
    if k + 1 >= len(lex.words) or _rendered_in_pair(lex, pair, k):
        return k
    after = lex.words[k + 1]
    poses = {pos for pos, _ in lemma_synsets(lex.words[k].text.lower())}
    if after.kind == "word" and poses and poses <= {"a", "s"} and not reference[
            lex.words[k].end : after.start].strip():
        return k + 1
    return k


def _negates_a_predicate(reference: str, a: int, b: int) -> bool:
    """Whether the English negation at ``a``..``b`` (not, n't, never) negates the predicate
    after it: not a fixed phrase ("not only", "whether or not", "can't help"), a question
    or "not … without"."""
    if not _PREDICATE_NEGATION.match(reference[a:b]) or _NOT_A_PREDICATE.match(reference, b) or (
            _NOT_AFTER.search(reference[max(0, a - 24) : a])):
        return False
    end_of_sentence = re.search(r"[.!?]", reference[b:])
    if end_of_sentence and end_of_sentence.group() == "?":
        return False  # a question ("Isn't it…?"): said with or without a negation
    return not (_SET_PHRASE_AFTER.match(reference, b) or _WITHOUT_AFTER.match(reference, b))


def _said_unnegated(lex: Lexicon, doc: Document, pair: AlignedPair, k: int,
                    negation: str) -> list[DroppedNegation]:
    """The Japanese predicate that renders English word ``k`` un-negated, if its
    renderings are all predicates of their own and none is negated (else nothing)."""
    units = _rendered_in_pair(lex, pair, k)
    if not units or not all(_predicate(u) and not _in_compound(doc.text, u) for u in units):
        return []  # a noun or a word of grammar renders it: no statement to reverse
    if any(_negated_in_japanese(doc.text, u.start, u.end) for u in units):
        return []
    u = max(units, key=lambda x: x.start)  # the predicate: last in Japanese
    return [DroppedNegation(u.start, u.end, f"{negation} … {lex.words[k].text}", u.text)]


#: Negations said by a verb or a noun, before the verb they deny: "stopped short of
#: promising new money" (did not promise; not "stopping short of the suburbs"), "has no
#: plans to introduce", "declined to say", "refused to pay", "failed to reach" (怠った
#: "neglected", 退けた "rejected" say them too).
_IMPLICIT_NEGATION = re.compile(
    r"\bstop(?:s|ped|ping)?\s+short\s+of(?=\s+[a-z]+ing\b)|\bno\s+plans?\s+to\b|"
    r"\b(?:declin|refus)(?:e|es|ed|ing)\s+to\b|\bfail(?:s|ed|ing)?\s+to\b", re.I)
#: "avoid": said in Japanese by a word of its own (避ける, 回避, 防ぐ, 免れる, 食い止める …,
#: all in :data:`_JA_NEGATIVE`) or by a negation; a pair with neither says the avoided
#: thing happens ("hoped to avoid compulsory redundancies" → 強制的な人員削減を実施する).
_AVOID = re.compile(r"\bavoid(?:s|ed|ing)?\b(?!\s+(?:saying|comment))", re.I)


def _avoided(pair: AlignedPair, doc: Document, lex: Lexicon) -> list[DroppedNegation]:
    """"avoid …" with no avoiding in the pair's Japanese (no word of :data:`_JA_NEGATIVE`
    and, :func:`dropped_negations` checked, no negation): the rendering of the avoided
    thing's first word, when the pair renders it."""
    said = _AVOID.search(pair.reference)
    if said is None or _JA_NEGATIVE.search(doc.text, pair.mt_start, pair.mt_end):
        return []
    k = _negated_word(lex, pair.reference, said.end())
    units = _rendered_in_pair(lex, pair, k) if k is not None else []
    if k is None or not units:
        return []
    u = units[0]
    return [DroppedNegation(u.start, u.end, f"{said.group()} … {lex.words[k].text}", u.text)]


#: "not yet", "has yet to", "isn't … yet": what the English says has not happened.
_NOT_YET = re.compile(r"\b(?:not|never|n['’]t)\s+(?:\w+\s+){0,2}?yet\b|\byet\s+to\b", re.I)
#: "already": what the Japanese says has happened.
_ALREADY = re.compile(r"すでに|既に")


def _yet_said_already(pair: AlignedPair, doc: Document) -> list[DroppedNegation]:
    """"not yet" said as すでに ("We are not yet at the point of shortages" → すでに品不足に
    陥っており): the Japanese says has happened what the English says has not (the pair's
    Japanese has no negation, :func:`dropped_negations` checked)."""
    said = _NOT_YET.search(pair.reference)
    if said is None:
        return []
    return [DroppedNegation(m.start(), m.end(), said.group(), m.group())
            for m in _ALREADY.finditer(doc.text, pair.mt_start, pair.mt_end)][:1]


__all__ = ["DroppedNegation", "dropped_negations"]
