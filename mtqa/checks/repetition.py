"""Duplicated words, phrases and clauses within a sentence (火曜日に…火曜日に).

Works on morphological tokens (fugashi/UniDic), not characters: a repeated n-gram of
tokens that carries content (a noun, verb or adjective) and recurs close by, more often
than the aligned English says it, is flagged at its second occurrence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from .. import japanese, jmdict
from ..english import stem
from ..types import AlignedPair, Finding
from . import BaseCheck, Context

#: Longest repeated phrase considered, in tokens (a clause of this size is rare to repeat
#: legitimately within one sentence).
MAX_NGRAM = 8
#: How far apart (in tokens) the two occurrences may be: a sentence-internal stutter of MT.
MAX_GAP = 12


def _ref_count(tokens: tuple[japanese.Token, ...], reference: str) -> int:
    """How many times the English reference mentions the content of ``tokens``."""
    ref_stems = [stem(w) for w in re.findall(r"[A-Za-z]+", reference)]
    best = 0
    for tok in tokens:
        if not tok.is_content:
            continue
        words = {stem(w) for w in jmdict.gloss_words(japanese.lemma_base(tok.lemma))}
        words |= {stem(w) for w in jmdict.gloss_words(tok.surface)}
        if not words:
            continue
        best = max(best, sum(1 for s in ref_stems if s in words))
    return best


def _is_meaningful(tok: japanese.Token) -> bool:
    """A content token whose repetition is worth noticing (not a pronoun, numeral or the
    light verb する, which recur legitimately)."""
    return (
        tok.is_content
        and tok.pos1 != "代名詞"
        and tok.pos2 != "数詞"
        and japanese.lemma_base(tok.lemma) not in {"為る", "する", "居る", "有る", "成る", "事", "物"}
    )


def _starts_phrase(tok: japanese.Token) -> bool:
    return tok.is_content and not tok.is_punct and tok.pos1 not in {"助詞", "助動詞", "接尾辞"}


class RepetitionCheck(BaseCheck):
    name: ClassVar[str] = "repetition"
    version: ClassVar[int] = 1
    requires: ClassVar[frozenset[str]] = frozenset()

    def run(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]:
        if pair.chrome or not pair.mt_sentences:
            return
        text = ctx.translation.text
        for si in pair.mt_sentences:
            sent = ctx.translation.sentences[si]
            toks = japanese.tokenize(text[sent.start : sent.end])
            yield from self._sentence(toks, sent.start, text, pair)

    def _sentence(
        self, toks: tuple[japanese.Token, ...], base: int, text: str, pair: AlignedPair
    ) -> Iterator[Finding]:
        n_tok = len(toks)
        covered_until = -1
        i = 0
        while i < n_tok:
            found = False
            for n in range(min(MAX_NGRAM, (n_tok - i) // 2), 0, -1):
                gram = tuple(t.surface for t in toks[i : i + n])
                if not _starts_phrase(toks[i]):
                    continue
                content = [t for t in toks[i : i + n] if _is_meaningful(t)]
                if not content or sum(len(g) for g in gram) < 2:
                    continue
                # a single content word must come with its particle to count (火曜日に)
                if n == 1 and len(gram[0]) < 3:
                    continue
                for j in range(i + n, min(n_tok - n + 1, i + n + MAX_GAP + 1)):
                    if tuple(t.surface for t in toks[j : j + n]) != gram:
                        continue
                    if toks[j].start < covered_until:
                        continue
                    # the phrase must be complete: it ends on a particle or punctuation,
                    # or both occurrences continue alike (合意した / 合意しなかった differ)
                    last = toks[i + n - 1]
                    if not (last.is_particle or last.is_punct):
                        nxt_a = toks[i + n].surface if i + n < n_tok else ""
                        nxt_b = toks[j + n].surface if j + n < n_tok else ""
                        if nxt_a != nxt_b:
                            continue
                    rc = _ref_count(toks[i : i + n], pair.reference)
                    if rc >= 2:
                        continue
                    if n == 1 and j != i + 1 and rc != 0 and not toks[j + 1 : j + 2]:
                        continue
                    if n == 1 and j > i + 1 and not (
                        j + 1 < n_tok and toks[j + 1].is_particle
                        and i + 1 < n_tok and toks[i + 1].surface == toks[j + 1].surface
                    ):
                        # a bare noun recurring in a long sentence is normal Japanese;
                        # require noun+particle repeated, or immediate doubling
                        continue
                    end_tok = j + n
                    if n == 1 and j + 1 < n_tok and toks[j + 1].is_particle:
                        end_tok = j + 2
                    start = base + toks[j].start
                    end = base + toks[end_tok - 1].end
                    phrase = text[start:end]
                    yield Finding(
                        category="repetition",
                        severity="minor" if n <= 2 and j == i + n else "major",
                        start=start,
                        end=end,
                        text=phrase,
                        message=f"'{phrase}' repeats '{''.join(gram)}' earlier in the sentence"
                        + (" (the English says it once)" if rc == 1 else ""),
                        reference=pair.reference,
                        check=self.name,
                        code="REP001",
                        segment=pair.index,
                    )
                    covered_until = end - base
                    found = True
                    break
                if found:
                    break
            i += 1
