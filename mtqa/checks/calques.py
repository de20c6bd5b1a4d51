"""Literal calques of figurative English, from WordNet's multiword expressions (#19).

The English of a pair holds a figurative expression of WordNet (:mod:`mtqa.text.figurative`:
"kick the bucket", "smoking gun", "paper tiger"), and the aligned Japanese sentence renders
two or more of its content words by their literal JMdict renderings, close together
(バケツを蹴る: バケツ "bucket", 蹴る "kick"). Not a calque:

* when the sentence holds an established rendering of the figurative sense: a JMdict
  entry glossed by the expression itself or by one of its synonyms in WordNet (死ぬ for
  "kick the bucket", whose synset holds "die");
* when the literal words form a JMdict entry of their own (氷山の一角 "tip of the
  iceberg", ハンマー投げ): Japanese has the same figure, and the rendering is correct.

Idioms that WordNet lacks are the job of ``mtqa/data/idioms.tsv`` (``MIS001`` of the
mistranslation check); an English span that one of them matches is left to it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from typing import ClassVar

from ..text import japanese, jmdict, wordnet
from ..text.figurative import Expression, find_expressions
from ..text.idioms import find_idioms
from ..text.lexicon import english_entry
from ..types import AlignedPair, Finding, Severity
from . import BaseCheck, Context

#: Tokens that may separate the first and the last literal part of a calque
#: (フェンスの上に座る: four tokens from フェンス to 座る).
MAX_SPAN_TOKENS = 6


#: How many glosses of a JMdict entry's first sense count as its plain meaning (豆:
#: "legume; pulse; bean" is a bean; 物: "thing; object; article; stuff" is not "stuff").
PLAIN_GLOSSES = 3
_HIRAGANA = re.compile(r"[\u3041-\u309f]+")


def _usable(headword: str) -> bool:
    """A JMdict headword worth looking for: not in hiragana alone (a verb is matched by
    its kanji form, the dictionary form UniDic gives; kana forms match endings and
    particles: おけ in しておけ), and two characters or more unless a kanji (目, 氷)."""
    if _HIRAGANA.fullmatch(headword):
        return False
    return len(headword) >= 2 or japanese.has_kanji(headword)


def _literal(headword: str, word: str) -> bool:
    """One of the first :data:`PLAIN_GLOSSES` glosses of the first sense of the JMdict entry
    ``headword`` is ``word`` or a base form of it (紙 "paper"; not 頭, whose later slang
    sense is "bean", nor 論文 "thesis; essay; treatise; paper"): a literal rendering is
    the word's plain meaning."""
    forms = wordnet.base_forms(word)
    for g in jmdict.glosses(headword, 1)[:PLAIN_GLOSSES]:
        core = re.sub(r"\([^)]*\)", " ", g.lower())
        core = re.sub(r"^(?:to be |to |a |an |the )", "", core.strip()).strip()
        if core in forms or (core.endswith("s") and core[:-1] in forms):
            return True
    return False


@functools.lru_cache(maxsize=8192)
def renderings(word: str) -> tuple[str, ...]:
    """The literal Japanese renderings of an English word: JMdict headwords whose plain
    meaning the word is (bucket → バケツ, 手桶...; kick → 蹴る...), and the UniDic
    dictionary form of each one-word headword."""
    out: set[str] = set()
    for h in english_entry(word).headwords:
        if _usable(h) and _literal(h, word):
            out.add(h)
            # UniDic's dictionary form may be another spelling (暖める → 温める)
            toks = japanese.tokenize(h)
            if len(toks) == 1 and toks[0].is_content:
                out.add(japanese.lemma_base(toks[0].lemma))
    return tuple(sorted(out))


@functools.lru_cache(maxsize=4096)
def established(expr: Expression) -> frozenset[str]:
    """Headwords of JMdict entries that render the figurative sense: glossed by the
    expression ("kick the bucket") or by a single-word synonym of its synsets ("die")."""
    out: set[str] = set()
    for text in (expr.text, *expr.synonyms):
        out.update(h for h in english_entry(text).headwords if _usable(h))
    return frozenset(out)


def _positions(headwords: Sequence[str], toks: Sequence[japanese.Token]
               ) -> list[tuple[int, int]]:
    """(first, last) token of each occurrence of a headword: a token with that dictionary
    form, or consecutive tokens spelling it, the last one perhaps inflected (足蹴にした)."""
    want = set(headwords)
    out: list[tuple[int, int]] = []
    for i in range(len(toks)):
        text = ""
        for k in range(i, min(i + 4, len(toks))):
            last = japanese.lemma_base(toks[k].lemma)
            if (k == i and last in want) or text + toks[k].surface in want or (
                    k > i and text + last in want):
                out.append((i, k))
            text += toks[k].surface
    return out


def _lexicalised(toks: Sequence[japanese.Token], lo: int, hi: int) -> bool:
    """The tokens ``lo``..``hi`` form a JMdict entry, as written or with the last word in
    its dictionary form (芽を摘んだ → 芽を摘む)."""
    surface = "".join(t.surface for t in toks[lo : hi + 1])
    base = "".join(t.surface for t in toks[lo:hi]) + japanese.lemma_base(toks[hi].lemma)
    return bool(jmdict.glosses(surface) or jmdict.glosses(base))


def calque_span(expr: Expression, sentence: str) -> tuple[int, int] | None:
    """Character span of a literal rendering of ``expr`` in one Japanese sentence, or None
    (see the module docstring)."""
    toks = japanese.tokenize(sentence)
    found = [p for p in (_positions(renderings(w), toks) for w in expr.content) if p]
    if len(found) < 2:
        return None
    best: tuple[int, int] | None = None
    for k, first in enumerate(found):
        for second in found[k + 1 :]:
            for a, b in first:
                for c, d in second:
                    if a <= d and c <= b:
                        continue  # one word cannot render two parts
                    lo, hi = min(a, c), max(b, d)
                    if hi - lo <= MAX_SPAN_TOKENS and (best is None
                                                       or hi - lo < best[1] - best[0]):
                        best = (lo, hi)
    if best is None or _lexicalised(toks, *best):
        return None
    lemmas = {japanese.lemma_base(t.lemma) for t in toks} | {t.surface for t in toks}
    if any(h in lemmas or (len(h) >= 2 and h in sentence) for h in established(expr)):
        return None
    lo, hi = best
    # a verb's endings belong to the calque (蹴った, 割りました)
    hi = japanese.with_endings(toks, hi)
    return toks[lo].start, toks[hi].end


#: Severity of a calque. Minor, so that it is shown but fails no gate alone: on WMT24 ESA
#: en-ja dev (benchmarks/esa.py) only 2 of 312 English paragraphs hold a kept expression
#: and the check makes no finding, so its precision on real text is unmeasured; and of 50
#: kept lemmas drawn at random about 30 are figures of speech, the rest compositional
#: terms ("ice age", "gross domestic product") that the JMdict tests must filter.
SEVERITY: Severity = "minor"


class CalqueCheck(BaseCheck):
    """Word-for-word renderings of WordNet's figurative expressions."""

    name: ClassVar[str] = "calques"
    version: ClassVar[int] = 1
    requires: ClassVar[frozenset[str]] = frozenset()

    def run(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]:
        if pair.chrome or not pair.mt_sentences or not pair.ref_sentences:
            return
        found = find_expressions(pair.reference)
        if not found:
            return
        # spans of the hand-written idiom list are MIS001's
        taken = [(s, e) for _, _, s, e in find_idioms(pair.reference)]
        doc = ctx.translation
        for occ in found:
            if any(occ.start < e and s < occ.end for s, e in taken):
                continue
            for si in pair.mt_sentences:
                sent = doc.sentences[si]
                span = calque_span(occ.expression, doc.text[sent.start : sent.end])
                if span is None:
                    continue
                yield self.finding(
                    doc.text, sent.start + span[0], sent.start + span[1],
                    category="mistranslation",
                    severity=SEVERITY,
                    message=(f"literal rendering of the figurative '{occ.matched}', which "
                             f"means: {occ.expression.meaning}"),
                    pair=pair,
                    reference=occ.matched,
                    code="CAL001",
                    evidence={"expression": occ.expression.lemma, "resource": "wordnet-3.3"},
                )
                break
