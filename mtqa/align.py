"""Sentence alignment of the Japanese to the English reference.

Monotonic dynamic programming over beads (1:1, 1:2, 2:1, 1:0, 0:1), scored by the
cross-lingual similarity of :mod:`mtqa.similarity` and a character-length prior, in the
spirit of Gale & Church (1993) and Bleualign. Page chrome takes no part in the search:
it is attached as 0:1 chrome beads where it occurs.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from .similarity import overlap
from .types import AlignedPair, Attribution, BackTranslation, Document

ALIGNER_VERSION = "dp-1"

#: Japanese characters per English character in news translation (≈ 0.5; measured on the
#: shared cases: total ja chars / en chars). Used as the centre of the length prior.
JA_PER_EN_CHAR = 0.5
#: Cost of leaving a sentence unaligned (1:0 or 0:1): a pair must look at least this
#: dissimilar before the DP prefers dropping it.
SKIP_COST = 0.95
#: Extra cost of a merge/split bead over 1:1, so that 1:1 wins ties.
MERGE_COST = 0.08
BEADS: tuple[tuple[int, int], ...] = ((1, 1), (1, 2), (2, 1), (1, 0), (0, 1))


def _length_penalty(en_len: int, ja_len: int) -> float:
    if en_len == 0 or ja_len == 0:
        return 0.0
    ratio = ja_len / (en_len * JA_PER_EN_CHAR)
    return 0.25 * abs(math.log(ratio))


def align(
    reference: Document, translation: Document, back_translations: Sequence[BackTranslation]
) -> list[AlignedPair]:
    """Align the content sentences of ``translation`` to those of ``reference``.

    Args:
        reference: the segmented English document.
        translation: the segmented Japanese document.
        back_translations: one per sentence of ``translation`` (chrome included).

    Returns:
        Beads in document order, chrome beads included, with offsets into both texts.
    """
    en = [s for s in reference.sentences if not s.chrome]
    ja = [s for s in translation.sentences if not s.chrome]
    en_txt = [reference.text[s.start : s.end] for s in en]
    ja_txt = [translation.text[s.start : s.end] for s in ja]
    ja_bt = [back_translations[s.index].text for s in ja]
    n, m = len(en), len(ja)
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            c0 = cost[i][j]
            if c0 == inf:
                continue
            for di, dj in BEADS:
                ii, jj = i + di, j + dj
                if ii > n or jj > m:
                    continue
                if di == 0 or dj == 0:
                    c = SKIP_COST * (di + dj)
                else:
                    e = " ".join(en_txt[i:ii])
                    jt = "".join(ja_txt[j:jj])
                    bt = " ".join(ja_bt[j:jj])
                    c = 1.0 - overlap(e, jt, bt) + _length_penalty(len(e), len(jt))
                    if (di, dj) != (1, 1):
                        c += MERGE_COST
                if c0 + c < cost[ii][jj]:
                    cost[ii][jj] = c0 + c
                    back[ii][jj] = (di, dj)
    beads: list[tuple[list[int], list[int], float]] = []
    i, j = n, m
    while i > 0 or j > 0:
        step = back[i][j]
        assert step is not None
        di, dj = step
        beads.append((list(range(i - di, i)), list(range(j - dj, j)), cost[i][j] - cost[i - di][j - dj]))
        i, j = i - di, j - dj
    beads.reverse()
    return _to_pairs(reference, translation, back_translations, en, ja, beads)


def _to_pairs(
    reference: Document,
    translation: Document,
    bts: Sequence[BackTranslation],
    en: list,
    ja: list,
    beads: list[tuple[list[int], list[int], float]],
) -> list[AlignedPair]:
    pairs: list[AlignedPair] = []
    # chrome sentences are emitted before the first content bead that follows them
    chrome = [s for s in translation.sentences if s.chrome]
    ci = 0
    ref_pos = 0
    mt_pos = 0

    def emit_chrome(upto: int) -> None:
        nonlocal ci
        while ci < len(chrome) and chrome[ci].start < upto:
            s = chrome[ci]
            pairs.append(
                AlignedPair(
                    index=len(pairs), ref_sentences=(), mt_sentences=(s.index,),
                    ref_start=ref_pos, ref_end=ref_pos, mt_start=s.start, mt_end=s.end,
                    reference="", translation=translation.text[s.start : s.end],
                    back_translation=bts[s.index].text, chrome=True,
                )
            )
            ci += 1

    for en_ids, ja_ids, c in beads:
        ens = [en[k] for k in en_ids]
        jas = [ja[k] for k in ja_ids]
        if jas:
            emit_chrome(jas[0].start)
        if ens:
            rs, re_ = ens[0].start, ens[-1].end
            ref_pos = re_
        else:
            rs = re_ = ref_pos
        if jas:
            ms, me = jas[0].start, jas[-1].end
            mt_pos = me
        else:
            ms = me = mt_pos
        bt_parts: list[str] = []
        attrs: list[Attribution] = []
        offset = 0
        for s in jas:
            bt = bts[s.index]
            if bt_parts:
                offset += 1
            shift = s.start - ms
            attrs.extend(
                Attribution(a.en_start + offset, a.en_end + offset, a.ja_start + shift, a.ja_end + shift)
                for a in bt.attributions
            )
            bt_parts.append(bt.text)
            offset += len(bt.text)
        pairs.append(
            AlignedPair(
                index=len(pairs),
                ref_sentences=tuple(s.index for s in ens),
                mt_sentences=tuple(s.index for s in jas),
                ref_start=rs, ref_end=re_, mt_start=ms, mt_end=me,
                reference=reference.text[rs:re_], translation=translation.text[ms:me],
                back_translation=" ".join(bt_parts), attributions=tuple(attrs),
                score=max(0.0, 1.0 - c) if ens and jas else 0.0,
            )
        )
    emit_chrome(len(translation.text) + 1)
    return pairs
