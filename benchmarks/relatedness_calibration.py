"""Calibration of the "not a translation of this reference" guard (mtqa/relatedness.py).

Related documents: data/cases and data/riyadh, each also with its translation or its
reference cut in half and with the translation padded by another article; six-sentence
groups of WMT22 en-ja dev (worst translations first). Unrelated: the seven articles
crossed with each other, and random pairings of WMT groups. Prints the lowest coverage of
the related and the highest of the unrelated, against ``MIN_COVERAGE``.

    .venv/bin/python benchmarks/relatedness_calibration.py
"""

from __future__ import annotations

import csv
import random
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
WMT = Path("/work/shared/data/wmt22-qe-en-ja/dev/sentence_level_tok_untok_da.csv")
GROUP = 6  # WMT sentences per pseudo-document
RANDOM_PAIRS = 80


def main() -> None:
    from mtqa import relatedness, segment
    from mtqa.align import align
    from mtqa.backtranslate.dictionary import DictionaryBackTranslator

    engine = DictionaryBackTranslator()

    def coverage(en: str, ja: str) -> float:
        ref, mt = segment.segment(en, "en"), segment.segment(ja, "ja")
        bts = engine.translate([mt.sentence_text(i) for i in range(len(mt.sentences))])
        return relatedness.assess(ref, mt, align(ref, mt, bts), bts).coverage

    def half(text: str) -> str:
        lines = text.splitlines()
        return "\n".join(lines[: len(lines) // 2])

    docs = [
        (p.name[: -len(".en.txt")], p.read_text(encoding="utf-8"),
         p.with_name(p.name.replace(".en.", ".ja.")).read_text(encoding="utf-8"))
        for p in sorted((ROOT / "data/cases").glob("*.en.txt"))
    ]
    docs.append(("riyadh", (ROOT / "data/riyadh/en.txt").read_text(encoding="utf-8"),
                 (ROOT / "data/riyadh/ja.txt").read_text(encoding="utf-8")))
    wmt: list[tuple[str, str, str]] = []
    if WMT.exists():
        rows = list(csv.DictReader(WMT.open(encoding="utf-8")))
        rows.sort(key=lambda r: float(r["z_mean"]))
        wmt = [(f"wmt{i}", "\n".join(r["source"] for r in rows[i : i + GROUP]),
                "\n".join(r["target"] for r in rows[i : i + GROUP]))
               for i in range(0, len(rows), GROUP)]
    related: dict[str, float] = {}
    unrelated: dict[str, float] = {}
    for k, (name, en, ja) in enumerate(docs):
        related[name] = coverage(en, ja)
        related[f"{name}/half-ja"] = coverage(en, half(ja))
        related[f"{name}/half-en"] = coverage(half(en), ja)
        related[f"{name}/padded"] = coverage(en, ja + "\n\n" + docs[(k + 1) % len(docs)][2])
    for name, en, ja in wmt:
        related[name] = coverage(en, ja)
    for a in docs:
        for b in docs:
            if a is not b:
                unrelated[f"{a[0]}~{b[0]}"] = coverage(a[1], b[2])
    rnd = random.Random(1)
    for _ in range(RANDOM_PAIRS if wmt else 0):
        a, b = rnd.sample(range(len(wmt)), 2)
        unrelated[f"{wmt[a][0]}~{wmt[b][0]}"] = coverage(wmt[a][1], wmt[b][2])
    low = sorted(related.items(), key=lambda kv: kv[1])[:5]
    high = sorted(unrelated.items(), key=lambda kv: -kv[1])[:5]
    print(f"related   n={len(related)}  lowest: " + ", ".join(f"{k} {v:.2f}" for k, v in low))
    print(f"unrelated n={len(unrelated)}  median {statistics.median(unrelated.values()):.2f}"
          "  highest: " + ", ".join(f"{k} {v:.2f}" for k, v in high))
    t = relatedness.MIN_COVERAGE
    print(f"MIN_COVERAGE {t}: related below {sum(v < t for v in related.values())}, "
          f"unrelated at or above {sum(v >= t for v in unrelated.values())}")


if __name__ == "__main__":
    main()
