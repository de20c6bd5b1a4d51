"""Paragraph-level accuracy of the sentence aligner (issue #4).

For a document pair whose paragraphs correspond in order, a Japanese content sentence is
aligned *inside the right paragraph* when the English sentences of its bead all lie in the
English paragraph(s) that correspond to its own paragraph. Beads without English (0:1) count
as wrong. Chrome (page furniture) is excluded on both sides.

* ``data/riyadh``: the content paragraphs of ``ja.txt`` correspond one to one, in order, to
  those of ``en.txt`` (checked here: the counts must agree), so paragraph k ↔ paragraph k.
* ``data/cases``: the README allows paragraph breaks to differ "in a place or two". The
  correspondence is therefore found first, independently of the aligner being measured:
  a Gale-Church style dynamic programme over *paragraphs* that uses character lengths only
  (1:1, plus 1:2 and 2:1 at a price, never 0:1), with the length-ratio constants of
  ``mtqa.align``. A Japanese paragraph mapped to two English paragraphs (a merge) accepts
  either of them; two Japanese paragraphs mapped to one English paragraph (a split) both
  require that one. The mapping used is printed so that it can be checked by eye.

With ``--perturb N`` it also measures the findings of the ``alignment`` check on damaged
copies of every article (N damaged copies of each kind per article, fixed seed): a 1:1
aligned Japanese sentence *deleted* (an ``omission`` whose reference is its English is
expected), a full sentence of another article *inserted* after one (an ``addition`` on it),
and a sentence *moved* four aligned sentences later (``scrambled`` on it). It prints the
detection rate per kind and the number of other omission/addition/scrambled findings the
damaged copies got (false alarms). Only sentences that end in 。 with balanced 「」 are
moved, inserted or used as insertion points, so that the damage stays a sentence of its own.

Usage::

    python benchmarks/align_paragraphs.py [--backtranslator dictionary] [--perturb N] [-v]

The last line is::

    align_paragraphs riyadh=<share> cases=<pooled share> cases_min=<worst case share>
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mtqa import backtranslate  # noqa: E402
from mtqa.align import LOG_RATIO_MEAN, align  # noqa: E402
from mtqa.segment import segment  # noqa: E402
from mtqa.types import AlignedPair, Document  # noqa: E402

#: Spread of log(ja/en) characters per paragraph: a little under the per-sentence spread
#: (0.27 on WMT22 en-ja dev) since paragraphs average over sentences.
PARAGRAPH_LOG_SD = 0.22
#: Price of a paragraph split or merge in the paragraph DP, in squared SDs: -log of the
#: Gale-Church prior ratio p(2:1)/p(1:1) = 0.089/0.89, doubled (they are rarer in news).
PARAGRAPH_MERGE_COST = 4.6


def content_paragraphs(doc: Document) -> list[int]:
    """Paragraph ids that hold at least one content (non-chrome) sentence, in order."""
    out: list[int] = []
    for s in doc.sentences:
        if not s.chrome and (not out or out[-1] != s.paragraph):
            out.append(s.paragraph)
    return out


def paragraph_lengths(doc: Document, paras: Sequence[int]) -> list[int]:
    rank = {p: k for k, p in enumerate(paras)}
    lengths = [0] * len(paras)
    for s in doc.sentences:
        if not s.chrome:
            lengths[rank[s.paragraph]] += s.end - s.start
    return lengths


def map_paragraphs(en_len: Sequence[int], ja_len: Sequence[int]) -> list[set[int]]:
    """For each Japanese paragraph, the English paragraphs it corresponds to (length DP)."""
    n, m = len(en_len), len(ja_len)
    inf = math.inf
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            if cost[i][j] == inf:
                continue
            for a, b in ((1, 1), (1, 2), (2, 1)):
                if i + a > n or j + b > m:
                    continue
                le = sum(en_len[i : i + a])
                lj = sum(ja_len[j : j + b])
                z = (math.log(max(lj, 1) / max(le, 1)) - LOG_RATIO_MEAN) / PARAGRAPH_LOG_SD
                c = cost[i][j] + z * z / 2 + (0.0 if (a, b) == (1, 1) else PARAGRAPH_MERGE_COST)
                if c < cost[i + a][j + b]:
                    cost[i + a][j + b] = c
                    back[i + a][j + b] = (a, b)
    if cost[n][m] == inf:
        raise ValueError(f"paragraphs cannot be mapped ({n} English, {m} Japanese)")
    mapping: list[set[int]] = [set() for _ in range(m)]
    i, j = n, m
    while i or j:
        step = back[i][j]
        assert step is not None
        a, b = step
        for jj in range(j - b, j):
            mapping[jj] = set(range(i - a, i))
        i, j = i - a, j - b
    return mapping


def share_in_paragraph(
    ref: Document, mt: Document, pairs: Sequence[AlignedPair], mapping: Sequence[set[int]]
) -> tuple[int, int, list[str]]:
    """(right, total, descriptions of the misplaced sentences)."""
    en_rank = {p: k for k, p in enumerate(content_paragraphs(ref))}
    ja_rank = {p: k for k, p in enumerate(content_paragraphs(mt))}
    right = total = 0
    wrong: list[str] = []
    for pair in pairs:
        if pair.chrome:
            continue
        en_paras = {en_rank[ref.sentences[i].paragraph] for i in pair.ref_sentences}
        for si in pair.mt_sentences:
            s = mt.sentences[si]
            k = ja_rank[s.paragraph]
            total += 1
            if en_paras and en_paras <= mapping[k]:
                right += 1
            else:
                wrong.append(
                    f"ja sentence {si} (ja¶{k}) → en¶{sorted(en_paras)}, expected "
                    f"en¶{sorted(mapping[k])}: {mt.text[s.start:s.end][:40]!r}"
                )
    return right, total, wrong


def describe(mapping: Sequence[set[int]]) -> str:
    """The splits and merges of a paragraph mapping ("en¶3→ja¶3+4 split")."""
    groups: list[tuple[list[int], set[int]]] = []
    for k, ens in enumerate(mapping):
        if groups and groups[-1][1] == ens:
            groups[-1][0].append(k)
        else:
            groups.append(([k], ens))
    parts = []
    for jas, ens in groups:
        if len(jas) > 1:
            parts.append(f"en¶{min(ens)}→ja¶{'+'.join(map(str, jas))} split")
        elif len(ens) > 1:
            parts.append(f"en¶{'+'.join(map(str, sorted(ens)))}→ja¶{jas[0]} merge")
    return ", ".join(parts) if parts else "one to one"


def evaluate(en_path: Path, ja_path: Path, engine: object, one_to_one: bool
             ) -> tuple[int, int, str, list[str]]:
    en = en_path.read_text(encoding="utf-8")
    ja = ja_path.read_text(encoding="utf-8")
    ref, mt = segment(en, "en"), segment(ja, "ja")
    texts = [mt.sentence_text(i) for i in range(len(mt.sentences))]
    bts = engine.translate(texts)  # type: ignore[attr-defined]
    pairs = align(ref, mt, bts)
    en_paras, ja_paras = content_paragraphs(ref), content_paragraphs(mt)
    if one_to_one:
        if len(en_paras) != len(ja_paras):
            raise SystemExit(
                f"{ja_path}: {len(ja_paras)} content paragraphs but {en_path} has "
                f"{len(en_paras)}; they were expected to correspond one to one"
            )
        mapping = [{k} for k in range(len(ja_paras))]
    else:
        mapping = map_paragraphs(paragraph_lengths(ref, en_paras),
                                 paragraph_lengths(mt, ja_paras))
    right, total, wrong = share_in_paragraph(ref, mt, pairs, mapping)
    return right, total, describe(mapping), wrong


def _whole_sentence(text: str) -> bool:
    return text.endswith("。") and text.count("「") == text.count("」") and len(text) > 25


def perturb(docs: Sequence[tuple[Path, Path]], per_doc: int, verbose: bool) -> dict[str, list[int]]:
    """Detection of deleted, inserted and moved sentences: kind → [trials, hits, alarms]."""
    import random

    import mtqa

    engine, _ = backtranslate.create("dictionary")

    def one_to_one(en: str, ja: str) -> list[AlignedPair]:
        ref, mt = segment(en, "en"), segment(ja, "ja")
        bts = engine.translate([mt.sentence_text(i) for i in range(len(mt.sentences))])
        return [p for p in align(ref, mt, bts)
                if p.kind == "1:1" and not p.chrome and _whole_sentence(p.translation)]

    def structural(en: str, ja: str) -> list[Any]:
        report = mtqa.check(en, ja, backtranslator="dictionary", checks=("alignment",))
        return [f for f in report.finding_list
                if f.category in {"omission", "addition", "scrambled"}]

    texts = [(e.read_text(encoding="utf-8"), j.read_text(encoding="utf-8")) for e, j in docs]
    pool = [(k, p.translation) for k, (en, ja) in enumerate(texts) for p in one_to_one(en, ja)]
    rng = random.Random(0)
    stats = {"deleted": [0, 0, 0], "inserted": [0, 0, 0], "moved": [0, 0, 0]}

    def record(kind: str, found: list[Any], hit: Any) -> None:
        ok = [f for f in found if hit(f)]
        stats[kind][0] += 1
        stats[kind][1] += bool(ok)
        stats[kind][2] += len(found) - len(ok)
        if verbose and not ok:
            print(f"    missed {kind}: {[(f.category, f.text[:20]) for f in found]}")

    for k, (en, ja) in enumerate(texts):
        ones = one_to_one(en, ja)
        for p in rng.sample(ones, min(per_doc, len(ones))):
            ja_del = ja[: p.mt_start] + ja[p.mt_end :]
            record("deleted", structural(en, ja_del),
                   lambda f, p=p: f.category == "omission" and p.reference in f.reference)
            other = rng.choice([t for d, t in pool if d != k])
            ja_ins = ja[: p.mt_end] + other + ja[p.mt_end :]
            record("inserted", structural(en, ja_ins),
                   lambda f, other=other: f.category == "addition" and f.text == other)
            later = [q for q in ones if q.mt_start > p.mt_end][3:4]
            if later:
                q = later[0]
                ja_mov = ja[: p.mt_start] + ja[p.mt_end : q.mt_end] + p.translation + ja[q.mt_end :]
                record("moved", structural(en, ja_mov),
                       lambda f, p=p: f.category == "scrambled" and f.text == p.translation)
    return stats


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--backtranslator", default="dictionary")
    ap.add_argument("--riyadh", type=Path, default=ROOT / "data" / "riyadh")
    ap.add_argument("--cases", type=Path, default=ROOT / "data" / "cases")
    ap.add_argument("-v", "--verbose", action="store_true", help="list misplaced sentences")
    ap.add_argument("--perturb", type=int, default=0, metavar="N",
                    help="also damage N sentences per article and kind and count detections")
    args = ap.parse_args(argv)
    engine, note = backtranslate.create(args.backtranslator)
    if note:
        print(f"note: {note}")
    right, total, how, wrong = evaluate(args.riyadh / "en.txt", args.riyadh / "ja.txt", engine,
                                        one_to_one=True)
    riyadh = right / max(total, 1)
    print(f"riyadh: {right}/{total} = {riyadh:.3f} ({how})")
    for w in wrong if args.verbose else ():
        print("   ", w)
    pooled_right = pooled_total = 0
    worst = 1.0
    for en_path in sorted(args.cases.glob("*.en.txt")):
        name = en_path.name[: -len(".en.txt")]
        right, total, how, wrong = evaluate(en_path, args.cases / f"{name}.ja.txt", engine,
                                            one_to_one=False)
        share = right / max(total, 1)
        worst = min(worst, share)
        pooled_right += right
        pooled_total += total
        print(f"{name}: {right}/{total} = {share:.3f} (paragraphs: {how})")
        for w in wrong if args.verbose else ():
            print("   ", w)
    cases = pooled_right / max(pooled_total, 1)
    if args.perturb:
        docs = [(args.riyadh / "en.txt", args.riyadh / "ja.txt")] + [
            (p, args.cases / p.name.replace(".en.txt", ".ja.txt"))
            for p in sorted(args.cases.glob("*.en.txt"))
        ]
        for kind, (n, hits, alarms) in perturb(docs, args.perturb, args.verbose).items():
            print(f"perturb {kind}: detected {hits}/{n} = {hits / max(n, 1):.3f}, "
                  f"other structural findings {alarms}")
    print(f"align_paragraphs riyadh={riyadh:.3f} cases={cases:.3f} cases_min={worst:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
