"""How alignment time grows with document length (issue #4).

Synthesises English/Japanese documents of 50, 500 and 5,000 English content sentences by
concatenating the shared article pairs (data/cases and data/riyadh, chrome included) over
and over, cut after the N-th English sentence (the Japanese is cut at the same share of its
sentences). Back-translation is not timed: it is computed once per distinct Japanese sentence
with the offline dictionary engine and looked up. What is timed is
``mtqa.align.align(reference, translation, back_translations)``: features, calibration, the
banded search and the output records. Every article is aligned once before timing so that
the per-sentence feature caches are warm for all sizes alike.

Usage::

    python benchmarks/align_scale.py [--sizes 50 500 5000] [--repeat 5]

The last line is::

    align_scale sentences=5000 seconds=<s> growth_50_to_5000=<r>

where ``r`` is the time per sentence at 5,000 divided by the time per sentence at 50
(1.0 = linear; a quadratic search would give about 100).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mtqa import backtranslate  # noqa: E402
from mtqa.align import align  # noqa: E402
from mtqa.segment import segment  # noqa: E402
from mtqa.types import BackTranslation, Document  # noqa: E402


def article_pairs() -> list[tuple[str, str]]:
    pairs = []
    for en_path in sorted((ROOT / "data" / "cases").glob("*.en.txt")):
        ja_path = en_path.with_name(en_path.name.replace(".en.txt", ".ja.txt"))
        pairs.append((en_path.read_text(encoding="utf-8"), ja_path.read_text(encoding="utf-8")))
    riyadh = ROOT / "data" / "riyadh"
    pairs.append(((riyadh / "en.txt").read_text(encoding="utf-8"),
                  (riyadh / "ja.txt").read_text(encoding="utf-8")))
    return pairs


def _cut(doc: Document, keep: int) -> str:
    """The text up to the end of the ``keep``-th content sentence."""
    content = [s for s in doc.sentences if not s.chrome]
    if keep >= len(content):
        return doc.text
    return doc.text[: content[keep - 1].end]


def synthesise(n_sentences: int, pairs: Sequence[tuple[str, str]]) -> tuple[Document, Document]:
    """English and Japanese documents of about ``n_sentences`` content sentences each."""
    en_parts: list[str] = []
    ja_parts: list[str] = []
    count = 0
    k = 0
    while count < n_sentences:
        en, ja = pairs[k % len(pairs)]
        en_parts.append(en.strip())
        ja_parts.append(ja.strip())
        count += len(segment(en, "en").content)
        k += 1
    en_doc = segment("\n\n".join(en_parts), "en")
    ja_doc = segment("\n\n".join(ja_parts), "ja")
    n, m = len(en_doc.content), len(ja_doc.content)
    en_text = _cut(en_doc, n_sentences)
    ja_text = _cut(ja_doc, max(1, round(n_sentences * m / n)))
    return segment(en_text, "en"), segment(ja_text, "ja")


class BackTranslationTable:
    """Dictionary-engine back-translations, computed once per distinct sentence."""

    def __init__(self) -> None:
        self.engine, _ = backtranslate.create("dictionary")
        self.table: dict[str, BackTranslation] = {}

    def __call__(self, doc: Document) -> list[BackTranslation]:
        texts = [doc.sentence_text(i) for i in range(len(doc.sentences))]
        missing = sorted({t for t in texts if t not in self.table})
        for t, bt in zip(missing, self.engine.translate(missing)):
            self.table[t] = bt
        return [self.table[t] for t in texts]


def time_align(en: Document, ja: Document, bts: list[BackTranslation], repeat: int) -> float:
    """Median wall time of ``repeat`` alignments."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        align(en, ja, bts)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[50, 500, 5000])
    ap.add_argument("--repeat", type=int, default=5,
                    help="alignments per size below 1,000 sentences (median); larger sizes: 1")
    args = ap.parse_args(argv)
    pairs = article_pairs()
    bt = BackTranslationTable()
    # warm the per-sentence caches (tokeniser, JMdict, features) on every article
    for en, ja in pairs:
        e, j = segment(en, "en"), segment(ja, "ja")
        align(e, j, bt(j))
    per_sentence: dict[int, float] = {}
    seconds: dict[int, float] = {}
    for size in args.sizes:
        en, ja = synthesise(size, pairs)
        bts = bt(ja)
        t = time_align(en, ja, bts, args.repeat if size < 1000 else 1)
        n = len(en.content)
        seconds[size] = t
        per_sentence[size] = t / n
        print(f"sentences={n} ja_sentences={len(ja.content)} seconds={t:.3f} "
              f"ms_per_sentence={1000 * t / n:.3f}")
    lo, hi = min(args.sizes), max(args.sizes)
    growth = per_sentence[hi] / per_sentence[lo]
    print(f"align_scale sentences={hi} seconds={seconds[hi]:.2f} growth_{lo}_to_{hi}={growth:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
