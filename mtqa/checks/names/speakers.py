"""``NAM009``: a quotation given to another speaker.

Wire copy closes a quotation with a pronoun (``"…," she said``) whose person the sentence
before names (``Opposition councillor Priya Sandhu … said she had warned …``). A
translator who names the speaker resolves the pronoun: 「…」とサンドゥ氏は述べた. One who
names a person of the article whom neither sentence names — the minister quoted
paragraphs before, in the union leader's words — has given the quotation to another
speaker (「…」とブラニガン氏は述べた), often one who holds the opposite view.

The Japanese run must be the subject of a reporting verb of its sentence (は or が after
the name and its honorific or title, then 述べる, 語る, 付け加える …:
``mtqa/data/wordlists/reporting_verbs.txt``) and render, by sound, a person the English
names elsewhere in the article (:meth:`.put_in.NamesPutIn._put_in_candidates`), while
the pair's English names no person and says "he said" or "she added"; the sentence
before it must name a person (or speak of "he" or "she" too, and one of the two sentences
before it name one), and none of the people it names, nor any the pair's English names
(a bead may hold the sentences before the quotation: "Transport Secretary Alasdair
McInnes told parliament … '…,' he said" in one Japanese sentence), may share a word with
the person the Japanese gives. A run JMdict knows as a word (オークス "oaks" for "Oakes")
names the speaker only with an honorific or a title after it (オークス事務総長は). A
pronoun whose person is named further back is left alone: an English paragraph may speak
of "the minister" in between, and the translator name her.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from ...text import japanese, jmdict, wordlists
from ...types import AlignedPair, Finding, Sentence
from .. import Context
from .honorifics import honoured
from .english import SPEECH_VERBS, EnglishName, fold, is_person, names_institution
from .katakana import KanaPart
from .put_in import NamesPutIn
from .state import NameState

#: "he said", "she added", "…," said she: the quotation's speaker is the pronoun's person
#: (not "The judge said she did not accept": there she is the reported clause's subject).
_PRONOUN_SAYS = re.compile(
    r"\b(?:(?:he|she)\s+(?:{v})\b|(?:{v})\s+(?:he|she)\s*[.,;])".format(
        v="|".join(sorted(SPEECH_VERBS))), re.IGNORECASE)
#: A sentence that speaks of a person as "he" or "she" (its person named before it).
_HE_OR_SHE = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")
#: How many sentences back a chain of "he" and "she" is followed to the person named.
_PRONOUN_CHAIN = 3
#: The name's honorific or title, then the subject marker: サンドゥ氏は, ハンロン書記長が.
_AS_SUBJECT = re.compile(r"[^\s、。「」『』（）()]{0,8}?[はが]")
#: Japanese reporting verbs (lemmas): the subject of one of them is the speaker.
_REPORTING = wordlists.reporting_verbs()


class QuoteSpeakers(NamesPutIn):
    """``NAM009`` (see the module)."""

    def _speaker_put_in(
        self, parts: Sequence[KanaPart], own: dict[KanaPart, tuple[str, float]],
        pair: AlignedPair, ctx: Context, st: NameState, flagged: set[tuple[int, int]],
    ) -> Iterator[Finding]:
        """``NAM009``: the pair's Japanese names as the speaker of a quotation a person of
        the article whom the English names neither in the pair nor in the sentences its
        "he" or "she" refers back to (see the module)."""
        said = _PRONOUN_SAYS.search(pair.reference)
        if said is None:
            return
        ref = ctx.reference.text
        # the quotation's own sentence (a pair may hold the sentences before it as well)
        quoted = _sentence_of(ctx, pair.ref_start + said.start()) or (
            pair.ref_start, pair.ref_end)
        here = [n for n in st.names if quoted[0] <= n.start < quoted[1]]
        if any(is_person(n, ref, st) or self._a_person(n, st) for n in here):
            return  # the English names a speaker of its own
        # who the pronoun may be: any name of the sentence before, but one must be a
        # person's or read as one (not a body: "the National Nursing Union"); a sentence
        # before that speaks of "he" or "she" too passes the pronoun on ("Lars Eidsvaag
        # said … He said … '…,' he said")
        at, antecedents, named = quoted[0], [], []
        for _ in range(_PRONOUN_CHAIN):
            before = _sentence_before(ctx, at)
            if before is None:
                return
            named = [n for n in st.names if before[0] <= n.start < before[1]]
            antecedents = [n for n in named
                           if is_person(n, ref, st) or self._a_person(n, st)
                           or (len(n.words) > 1 and not names_institution(n))]
            if antecedents or not _HE_OR_SHE.search(ref, before[0], before[1]):
                break
            at = before[0]
        if not antecedents:
            return
        who = next((n for n in antecedents
                    if is_person(n, ref, st) or self._a_person(n, st)), antecedents[0])
        # not a person named there, nor anyone the pair's English names (the speaker of
        # its sentences before the quotation)
        words = {fold(w) for n in named for w in n.words} | {
            fold(w) for n in st.names if pair.ref_start <= n.start < pair.ref_end
            for w in n.words}
        candidates, _ = self._put_in_candidates(parts, own, pair, ctx, st, loanwords=True)
        text = ctx.translation.text
        for (start, end), other in sorted(candidates.items()):
            if (start, end) in flagged or words & {fold(w) for w in other.words}:
                continue
            if not (is_person(other, ref, st) or self._a_person(other, st)):
                continue
            if not _speaker_at(text, end, pair.mt_end):
                continue
            if jmdict.glosses(text[start:end]) and not honoured(text, end):
                continue  # a word the dictionary knows names a person only with a title
            pronoun = said.group(0).rstrip(" .,;")
            yield self._finding(
                "NAM009", "major", start, end, text,
                f"'{text[start:end]}' renders {other.text}, named elsewhere in the article, "
                f"as the speaker; the English gives these words to '{pronoun}', whose "
                f"person the English names just before ({who.text}): the "
                f"quotation is given to another speaker",
                pair.reference, pair.index, english=who.text, other=other.text,
            )

    @staticmethod
    def _a_person(name: EnglishName, st: NameState) -> bool:
        """Whether another mention of the article that shares ``name``'s last word is a
        person's ("Brannigan" after "Council leader Tom Brannigan said")."""
        last = fold(name.words[-1])
        return any(fold(n.words[-1]) == last and n is not name
                   and is_person(n, st.reference, st) for n in st.names)


def _sentences_at(ctx: Context, at: int) -> tuple[list[Sentence], int] | None:
    """The reference's sentences (page chrome aside) and the index of the one holding
    offset ``at``."""
    sentences = [s for s in ctx.reference.sentences if not s.chrome]
    k = next((k for k, s in enumerate(sentences) if s.start <= at < s.end), None)
    return None if k is None else (sentences, k)


def _sentence_of(ctx: Context, at: int) -> tuple[int, int] | None:
    """The span of the reference sentence holding offset ``at``, with the one before it
    when that is a quotation's first sentence ("…luck. It was …," she said)."""
    found = _sentences_at(ctx, at)
    if found is None:
        return None
    sentences, k = found
    first = k
    while first and _opens_quotation(ctx.reference.text, sentences[first - 1].start,
                                      sentences[first].start, sentences[k].start):
        first -= 1
    return sentences[first].start, sentences[k].end


def _opens_quotation(text: str, start: int, end: int, last: int) -> bool:
    """Whether the sentence at ``start``..``end`` opens a quotation still open at
    ``last`` (more opening than closing quotation marks between ``start`` and ``last``)."""
    run = text[start:last]
    opened = run.count("\u201c") - run.count("\u201d")
    straight = run.count('"') % 2
    return (opened > 0 or straight == 1) and text[start:end].lstrip()[:1] in '"\u201c'


def _sentence_before(ctx: Context, at: int) -> tuple[int, int] | None:
    """The span of the reference sentence before the one holding offset ``at``."""
    found = _sentences_at(ctx, at)
    if found is None or not found[1]:
        return None
    sentences, k = found
    return sentences[k - 1].start, sentences[k - 1].end


def _speaker_at(text: str, end: int, limit: int) -> bool:
    """Whether the name ending at ``end`` is the subject of a reporting verb of its
    sentence: は or が after its honorific or title, and a reporting verb after that,
    before the sentence ends."""
    subject = _AS_SUBJECT.match(text, end, limit)
    if subject is None:
        return False
    stop = text.find("。", subject.end(), limit)
    rest = text[subject.end() : stop if stop >= 0 else limit]
    return any(t.lemma in _REPORTING or t.surface in _REPORTING
               for t in japanese.tokenize(rest))
