"""``OMI005``: a condition of the English dropped from the Japanese.

"The strike would cost businesses about 12 million dollars if it ran for the full two
days" → …損失は約1,200万豪ドルに上ると試算した; "further stoppages were planned unless an
agreement was reached" → …ストを行う予定だ. The claim that is left is stated without its
condition: a fact the English makes conditional reads as certain.

A condition is an English clause opened by "if" or "unless", "provided that", "on
condition that" or "except when" (not "as if", "even if",
"what if", "if any", "if necessary", "if you like", nor the "if" of an embedded question
after a verb of asking or knowing: "asked if"); it runs to the next comma, colon,
semicolon, dash, quotation mark or sentence end. It is dropped when

* at least :data:`MIN_WORDS` of its content words, and at least half of them, have no
  counterpart in the Japanese of the pair (a condition rendered as a relative clause,
  "if you are in the zone" → 区域にいる人は, keeps its words);
* the Japanese of the pair has no conditional form at all (:func:`conditional_form`: a
  hypothetical ば, たら, なら, と after a predicate, ても, 場合, 限り, 条件, 次第 …);
* and the neighbouring Japanese sentences do not render most of the missing words
  (more than half: a loose link or two of a dictionary, 続いた for "kept", is no clause)
  with a conditional form of their own (the clause moved, not dropped).

The finding points at the Japanese sentence the condition belonged to: the one that
renders the English words before the condition.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from ..text import japanese
from ..text.english import STOPWORDS
from ..text.lexicon import Lexicon
from ..types import AlignedPair
from . import Context, pair_segments

#: A condition's content words that must be missing from the Japanese (and half of them).
MIN_WORDS = 2

_CONDITION = re.compile(
    r"\b(?:[Ii]f|[Uu]nless|[Pp]rovided\s+that|on\s+(?:the\s+)?condition\s+that|"
    r"[Ee]xcept\s+(?:when|where|if|in\s+cases?\s+where))\b")
#: (not "as long as": Japanese says it by うちは or by a modifier, "as long as it fitted
#: below the tree tops" → 樹木の高さより低い建物で, with its words and no conditional form:
#: WMT24 ESA dev 2 false findings, the blind articles 1, no planted error)
#: Words before "if" that make it no condition ("as if", "even if": a concession, ても;
#: "what if"; "only if" stays one).
_NOT_AFTER = re.compile(r"\b(?:as|even|what)\s+$", re.IGNORECASE)
#: Words after "if" that make it a set phrase ("if any", "if necessary", "if so", "if
#: you like": a courtesy, no condition of the claim).
_NOT_BEFORE = re.compile(
    r"\s+(?:any|not|necessary|needed|need\s+be|possible|so|ever|anything|at\s+all|"
    r"only|you(?:'d|\s+would)?\s+(?:like|want|wish|prefer)|you\s+please)\b", re.IGNORECASE)
#: "if you …" and "if we are to …": a generic second person (rendered as a topic, 区域に
#: いる人は) or a purpose (…ためには), no condition of a claim.
_GENERIC = re.compile(r"\s+(?:you\b|(?:we|they|I|he|she|it)\s+(?:are|is|am|were|was)\s+to\b)",
                      re.IGNORECASE)
#: Verbs of asking and knowing before "if": an embedded question ("asked if", "unclear
#: if"), rendered with か, no condition.
_ASKING = re.compile(
    r"\b(?:ask|asks|asked|asking|know|knew|known|knows|see|saw|seen|decide|decided|"
    r"deciding|unclear|clear|wonder|wondered|wondering|sure|check|checked|checking|"
    r"determine|determined|tell|told|question|questioned|doubt|doubted|examine|examining|"
    r"assess|assessing|investigate|investigating|establish|consider|considering|"
    r"unknown|uncertain|whether)\s+$", re.IGNORECASE)
#: Where the condition ends.
_CLAUSE_END = re.compile(r"[,;:.!?\"“”—–()]")

#: Japanese words that state a condition (surface or lemma).
_CONDITION_WORDS = frozenset({
    "たら", "だら", "なら", "ならば", "場合", "限り", "かぎり", "条件", "次第", "前提",
    "以外", "除き", "除いて", "除く", "例外", "際", "とき", "時", "ときは"})


#: Phrases of condition: "only if" (…て初めて), "if … cannot" (…ないのでは、), "unless"
#: (…ない限り is a word above).
_CONDITION_PHRASES = re.compile(r"[てで]初めて|のでは[、,]|のであれば|とすれば|としたら")


def conditional_form(text: str) -> bool:
    """Whether the Japanese ``text`` states a condition anywhere: a word of
    :data:`_CONDITION_WORDS` or :data:`_CONDITION_PHRASES`, a predicate in its
    hypothetical form (…すれば, なければ), と after a predicate (使うと、), ても/でも after a
    predicate, or か (an embedded question: "whether")."""
    if _CONDITION_PHRASES.search(text):
        return True
    toks = japanese.tokenize(text)
    for i, t in enumerate(toks):
        if t.surface in _CONDITION_WORDS or t.lemma in _CONDITION_WORDS:
            return True
        if t.cform.startswith("仮定形"):
            return True
        if t.pos1 == "助詞" and t.pos2 == "接続助詞" and t.surface in {"と", "ば"}:
            return True
        if t.surface in {"て", "で"} and i + 1 < len(toks) and toks[i + 1].surface == "も" \
                and i > 0 and toks[i - 1].pos1 in {"動詞", "形容詞", "助動詞"}:
            return True
        if t.surface == "か" and t.pos1 == "助詞":
            return True
    return False


def conditions(reference: str) -> Iterator[tuple[int, int]]:
    """Spans of the conditions of ``reference`` (see the module)."""
    for m in _CONDITION.finditer(reference):
        before = reference[max(0, m.start() - 40) : m.start()]
        if _NOT_AFTER.search(before) or _ASKING.search(before):
            continue
        if _NOT_BEFORE.match(reference, m.end()) or _GENERIC.match(reference, m.end()):
            continue
        end = _CLAUSE_END.search(reference, m.end())
        yield m.start(), end.start() if end else len(reference)


@dataclass(frozen=True)
class DroppedCondition:
    """A condition of the English that the Japanese leaves out: the Japanese sentence it
    belonged to (``start``..``end``, document offsets), the condition's span in the pair's
    English (``ref_start``..``ref_end``), the condition and its missing words."""

    start: int
    end: int
    ref_start: int
    ref_end: int
    condition: str
    missing: tuple[str, ...]


def dropped_conditions(pair: AlignedPair, ctx: Context,
                       near: Callable[[], Sequence[AlignedPair]]) -> list[DroppedCondition]:
    """The conditions of one pair that its Japanese leaves out (see the module); ``near``
    gives its neighbouring pairs (asked only for a condition with its words missing)."""
    found = list(conditions(pair.reference))
    if not found:
        return []
    segs = pair_segments(pair, ctx)
    if conditional_form("".join(s for s, _, _ in segs)):
        return []
    lex = ctx.lexicon_of(pair.reference, segs, pair.back_translation)
    near_lex: Lexicon | None = None
    near_conditional = False
    out = []
    for start, end in found:
        ks = [k for k, w in enumerate(lex.words) if start < w.start < end and (
            w.kind != "word" or w.text.lower() not in STOPWORDS)]
        missing = [k for k in ks if not lex.covered(k)]
        if len(missing) < MIN_WORDS or len(missing) < 0.5 * len(ks):
            continue
        if near_lex is None and (near_segs := [s for p in near() for s in pair_segments(p, ctx)]):
            near_conditional = conditional_form("".join(s for s, _, _ in near_segs))
            near_lex = ctx.lexicon_of(pair.reference, near_segs)
        if near_lex is not None and near_conditional and sum(
                near_lex.covered(k) for k in missing) > 0.5 * len(missing):
            continue  # the condition moved to a sentence next door
        where = _sentence_for(pair, ctx, lex, start)
        if where is not None:
            text = pair.reference[start:end]
            lead = len(text) - len(text.lstrip())
            out.append(DroppedCondition(
                where[0], where[1], start + lead, start + lead + len(text.strip()),
                text.strip(), tuple(lex.words[k].text for k in missing)))
    return out


def _sentence_for(pair: AlignedPair, ctx: Context, lex: Lexicon,
                  at: int) -> tuple[int, int] | None:
    """The span (without its closing 。) of the Japanese sentence of the pair that renders
    the most English words of the clause before offset ``at`` (back to the comma before
    it, within the English sentence), or the pair's first sentence."""
    doc = ctx.translation
    sentence_start = max((s.start for s in ctx.reference.sentences
                          if s.start <= pair.ref_start + at), default=pair.ref_start)
    # the clause the condition is attached to: back to the comma before it, if that
    # clause renders anything ("…, but warning that further adjustments could follow if")
    clause_start = max(sentence_start - pair.ref_start,
                       max((m.end() for m in _CLAUSE_END.finditer(pair.reference, 0, at)),
                           default=0))
    votes: dict[int, int] = {}
    for first in (clause_start, sentence_start - pair.ref_start):
        for k, w in enumerate(lex.words):
            if first <= w.start < at:
                for u in lex.links[k]:
                    votes[lex.units[u].sentence] = votes.get(lex.units[u].sentence, 0) + 1
        if votes:
            break  # (else the whole sentence before it: "…, or within 48 hours if …")
    si = max(votes, key=lambda i: votes[i]) if votes else pair.mt_sentences[0]
    if si not in pair.mt_sentences:
        return None
    s = doc.sentences[si]
    end = s.end
    while end > s.start and doc.text[end - 1] in "。.\n ":
        end -= 1
    return (s.start, end) if end > s.start else None
