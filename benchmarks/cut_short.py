"""Translations cut short: does a truncated translation ever pass the gate?

Usage::

    .venv/bin/python benchmarks/cut_short.py [--data DIR] [--system refA] [--jobs N]
                                             [--show N] [--json PATH]

A machine translation stops early when it hits an output length limit or a timeout, or a
feed stores half an item; published, it misleads the reader more than any garble. Here
each whole article of one system of the ESA data (``DIR``, default
``../shared/data/wmt24-esa-en-ja``; ``refA`` by default, the professional translation, so
that the cut is the only error) is cut at 50, 60, 70, 80 and 90 % of its Japanese
characters, twice: at that character (inside a sentence, as a token limit cuts) and after
the last full stop before it (between sentences, as a stored half item may be). Each cut is
checked as ``mtqa.check(source, cut, config=False, backtranslator="dictionary")`` checks
it, the default policy and gate. Only articles whose whole translation passes the gate
count, so that a failure says "cut short", not "had a finding anyway".

Measures: the share of cuts that pass the gate (silent passes: lower is better), per cut
place and share; the share with a critical finding; the findings that fail the cuts, by
code. ``--show N`` lists up to N cuts that pass.

The last line is always::

    cut_short system=<s> articles=<n> cuts=<n> passed=<x> critical=<x> seconds=<s>
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from clean_articles import (  # noqa: E402
    BACKTRANSLATOR,
    DEFAULT_DATA,
    DEFAULT_SYSTEM,
    Article,
    load_articles,
)
from findings_cache import DataError  # noqa: E402

#: Shares of the Japanese characters kept.
SHARES = (0.5, 0.6, 0.7, 0.8, 0.9)
#: Where the cut falls: at the character, or after the last full stop before it.
PLACES = ("inside", "between")
#: Sentence ends a cut between sentences keeps.
FULL_STOPS = "。！？!?"


def cut(text: str, share: float, place: str) -> str:
    """The first ``share`` of ``text``: cut at that character (``inside``) or after the
    last sentence end before it (``between``; the text up to the cut when none)."""
    n = int(len(text) * share)
    if place == "inside":
        return text[:n]
    end = max(text.rfind(c, 0, n) for c in FULL_STOPS)
    return text[: end + 1] if end > 0 else text[:n]


def check_article(article: Article) -> dict[str, Any]:
    """The whole article's verdict and, when it passes, each cut's."""
    import mtqa
    from mtqa.errors import InputError

    def verdict(translation: str) -> dict[str, Any]:
        try:
            report = mtqa.check(article.source, translation, config=False,
                                backtranslator=BACKTRANSLATOR)
        except InputError as exc:
            return {"passed": False, "refused": str(exc), "codes": []}
        failing = [f for f in report.finding_list if f.severity in ("major", "critical")]
        return {"passed": report.passed,
                "critical": any(f.severity == "critical" for f in failing),
                "codes": sorted({f.code for f in failing})}

    whole = verdict(article.translation)
    cuts = []
    if whole["passed"]:
        for share in SHARES:
            for place in PLACES:
                text = cut(article.translation, share, place)
                if text.strip() and text != article.translation:
                    cuts.append({"share": share, "place": place, "tail": text[-20:],
                                 **verdict(text)})
    return {"doc_id": article.doc_id, "whole_passed": whole["passed"], "cuts": cuts}


def measure(results: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The figures over the articles whose whole translation passes."""
    counted = [r for r in results if r["whole_passed"]]
    cuts = [c for r in counted for c in r["cuts"]]
    by_place: dict[str, Any] = {}
    for place in PLACES:
        mine = [c for c in cuts if c["place"] == place]
        by_place[place] = {
            f"{share:.1f}": round(sum(c["passed"] for c in mine if c["share"] == share)
                                  / max(1, sum(c["share"] == share for c in mine)), 3)
            for share in SHARES}
    codes = Counter(code for c in cuts for code in c["codes"])
    return {
        "articles": len(results), "counted": len(counted), "cuts": len(cuts),
        "passed": round(sum(c["passed"] for c in cuts) / max(1, len(cuts)), 3),
        "critical": round(sum(bool(c.get("critical")) for c in cuts) / max(1, len(cuts)), 3),
        "passed_by_place_and_share": by_place,
        "failing_codes": dict(codes.most_common()),
    }


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--data", default=str(DEFAULT_DATA),
                   help="ESA folder or .jsonl file (default: ../shared/data/wmt24-esa-en-ja)")
    p.add_argument("--system", default=DEFAULT_SYSTEM,
                   help="whose translations to cut (default: refA, the professional one)")
    p.add_argument("--jobs", type=int, default=1, help="processes running mtqa (default: 1)")
    p.add_argument("--show", type=int, default=0, metavar="N",
                   help="list up to N cuts that pass the gate")
    p.add_argument("--json", metavar="PATH", help="also write the figures as JSON to PATH")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    started = time.perf_counter()
    try:
        articles = load_articles(Path(args.data), args.system)
    except DataError as exc:
        print(f"cut_short: {exc}", file=sys.stderr)
        return 2
    if args.jobs > 1:
        with ProcessPoolExecutor(args.jobs) as pool:
            results = list(pool.map(check_article, articles, chunksize=4))
    else:
        results = [check_article(a) for a in articles]
    figures = measure(results)
    seconds = time.perf_counter() - started
    print(f"{figures['counted']} of {figures['articles']} {args.system} articles pass whole; "
          f"{figures['cuts']} cuts of them")
    for place, row in figures["passed_by_place_and_share"].items():
        print(f"  cut {place:7} sentences: passed " + "  ".join(
            f"{share}: {x:.3f}" for share, x in row.items()))
    print("findings failing the cuts: " + ", ".join(
        f"{code} {n}" for code, n in figures["failing_codes"].items()))
    shown = [(r["doc_id"], c) for r in results for c in r["cuts"] if c["passed"]]
    for doc_id, c in shown[: args.show]:
        print(f"  passes: {doc_id} cut {c['place']} at {c['share']:.0%}: …{c['tail']}")
    if args.json:
        Path(args.json).write_text(json.dumps({**figures, "seconds": round(seconds)},
                                              ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"cut_short system={args.system} articles={figures['counted']} cuts={figures['cuts']} "
          f"passed={figures['passed']:.3f} critical={figures['critical']:.3f} "
          f"seconds={seconds:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
