"""Whole professional articles: what mtqa reports on a clean article (issues #18 and #19).

Usage::

    .venv/bin/python benchmarks/clean_articles.py [--data DIR] [--system refA] [--jobs N]
                                                  [--show N] [--json PATH]

The ESA items (``benchmarks/esa.py``) are paragraphs, checked one by one. An editor runs mtqa
on a whole article, and the reviewers of issue #19 count the findings on a whole clean
article ("at most one finding on a clean article"). Here the paragraphs of each document of
the ESA data (``DIR``, default ``../shared/data/wmt24-esa-en-ja``) are joined in their line
order, a blank line between them (a paragraph annotated twice is taken once), for one system (``refA`` by default: the professional
translation, the cleanest Japanese there), and each article is checked as
``mtqa.check(source, translation, config=False, backtranslator="dictionary")`` would check
it: the default policy, nothing hidden. The alignment, the article-level checks (names said
elsewhere, moved sentences, quotes) and the gate then see what they see in production.

Measures, over the articles: the share with no finding (informational ones, boilerplate and
moved sentences, not counted), with at most one, and failing the default gate; findings per
1,000 Japanese characters; findings per check and severity; how many of the articles in
which an annotator marked a major error the gate fails, and how many of the others. ``--show N`` lists up to N of the
findings that fail the gate (major and critical), to read. A system other than refA gives the
same figures for machine translations (they carry errors: its articles should fail).

The last line is always::

    clean_articles system=<s> docs=<n> no_finding=<x> at_most_one=<x> gate_fails=<x> \
findings_per_1000=<x> seconds=<s>
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from findings_cache import DataError, jsonl_lines  # noqa: E402

#: The development half as shipped beside the repository (issue #18).
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "wmt24-esa-en-ja"
#: The professional human translation of WMT24.
DEFAULT_SYSTEM = "refA"
#: The engine every ESA figure is measured with: offline and deterministic.
BACKTRANSLATOR = "dictionary"
#: Categories that say no error (weight 0): not counted as findings here.
INFORMATIONAL = frozenset({"boilerplate", "moved"})


@dataclass(frozen=True, slots=True)
class Article:
    """One document of one system: its paragraphs joined in line order."""

    doc_id: str
    domain: str
    source: str
    translation: str
    #: whether an annotator marked a major error in any of its paragraphs
    human_major: bool = False


def load_articles(data: Path, system: str) -> list[Article]:
    """The documents of ``system`` in the ESA files of ``data``, paragraphs in line order.

    Raises:
        DataError: unreadable data, a line that is not an ESA item, or no item of ``system``.
    """
    paragraphs: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    domains: dict[str, str] = {}
    major: set[str] = set()
    for where, line in jsonl_lines(data):
        try:
            obj = json.loads(line)
            if obj["system"] != system:
                continue
            doc, line_id = str(obj["doc_id"]), int(obj["line_id"])
            if any(line_id == r[0] for r in paragraphs[doc]):
                continue  # a paragraph annotated twice (25 items of the half): once
            paragraphs[doc].append((line_id, str(obj["source"]), str(obj["translation"])))
            domains[doc] = str(obj["domain"])
            if any(sp["severity"] == "major" for sp in obj.get("spans") or ()):
                major.add(doc)
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as err:
            raise DataError(f"{where}: not an ESA item ({err}); see the data README") from None
    if not paragraphs:
        raise DataError(f"{data}: no item of system {system!r}")
    out = []
    for doc, rows in sorted(paragraphs.items()):
        rows.sort()
        out.append(Article(doc, domains[doc], "\n\n".join(r[1] for r in rows),
                           "\n\n".join(r[2] for r in rows), doc in major))
    return out


def check_article(article: Article) -> dict[str, Any]:
    """mtqa on one article (public API): its findings that are not informational, whether
    the default gate passed, its length and the time taken."""
    import mtqa
    from mtqa.errors import MtqaError

    t0 = time.perf_counter()
    try:
        report = mtqa.check(article.source, article.translation, config=False,
                            backtranslator=BACKTRANSLATOR)
    except MtqaError as err:  # refused as input: reported, never dropped
        return {"doc_id": article.doc_id, "error": str(err), "findings": [], "passed": None,
                "chars": len(article.translation), "human_major": article.human_major,
                "seconds": time.perf_counter() - t0}
    findings = [{"check": f.check, "code": f.code, "severity": f.severity, "text": f.text,
                 "message": f.message}
                for f in report.finding_list
                if f.severity != "info" and f.category not in INFORMATIONAL]
    return {"doc_id": article.doc_id, "findings": findings, "passed": report.passed,
            "chars": len(article.translation), "human_major": article.human_major,
            "seconds": time.perf_counter() - t0}


def measure(results: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The figures of the module docstring from the per-article results."""
    checked = [r for r in results if r.get("error") is None]
    n = len(checked)
    counts = [len(r["findings"]) for r in checked]
    chars = sum(r["chars"] for r in checked)
    per_check: Counter[tuple[str, str]] = Counter(
        (f["check"], f["severity"]) for r in checked for f in r["findings"])
    return {
        "docs": len(results),
        "refused": len(results) - n,
        "no_finding": sum(c == 0 for c in counts) / n if n else 0.0,
        "at_most_one": sum(c <= 1 for c in counts) / n if n else 0.0,
        "gate_fails": sum(not r["passed"] for r in checked) / n if n else 0.0,
        "findings_per_1000": 1000 * sum(counts) / chars if chars else 0.0,
        "findings_histogram": dict(sorted(Counter(counts).items())),
        # the gate against the annotators: articles with a major span and without one
        "human_major": sum(r["human_major"] for r in checked),
        "gate_fails_human_major": sum(not r["passed"] for r in checked if r["human_major"]),
        "gate_fails_no_human_major": sum(not r["passed"] for r in checked
                                         if not r["human_major"]),
        "per_check": {f"{c}/{s}": k for (c, s), k in sorted(per_check.items())},
    }


def article_options(doc: str, whose: str, shown: str) -> argparse.ArgumentParser:
    """The options of a benchmark over the ESA documents of one system (this one and
    ``damaged_articles.py``): ``--data``, ``--system``, ``--jobs``, ``--show``, ``--json``;
    ``whose`` and ``shown`` end the help of ``--system`` and ``--show``."""
    p = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    p.add_argument("--data", default=str(DEFAULT_DATA),
                   help="ESA folder or .jsonl file (default: %(default)s)")
    p.add_argument("--system", default=DEFAULT_SYSTEM,
                   help=f"whose articles to {whose} (default: %(default)s, the professional one)")
    p.add_argument("--jobs", type=int, default=1, help="processes running mtqa (default: 1)")
    p.add_argument("--show", type=int, default=0, metavar="N", help=f"list up to N {shown}")
    p.add_argument("--json", metavar="PATH", help="also write the figures as JSON to PATH")
    return p


def read_articles(args: argparse.Namespace, name: str) -> list[Article] | None:
    """The articles the options name, or ``None`` after one line on stderr (bad options,
    unreadable data, no item of the system): the caller exits 2."""
    if args.jobs < 1 or args.show < 0:
        print(f"{name}: --jobs must be at least 1 and --show at least 0", file=sys.stderr)
        return None
    try:
        return load_articles(Path(args.data), args.system)
    except DataError as err:
        print(f"{name}: {err}", file=sys.stderr)
        return None


def main(argv: Sequence[str] | None = None) -> int:
    args = article_options(__doc__, "check", "findings that fail the gate").parse_args(argv)
    articles = read_articles(args, "clean_articles")
    if articles is None:
        return 2
    t0 = time.perf_counter()
    if args.jobs == 1:
        results = [check_article(a) for a in articles]
    else:
        with ProcessPoolExecutor(args.jobs) as pool:
            results = list(pool.map(check_article, articles, chunksize=2))
    m = measure(results)
    seconds = time.perf_counter() - t0
    print(f"{m['docs']} articles of {args.system} ({m['refused']} refused as input); findings "
          f"per article: " + ", ".join(f"{k}: {v}" for k, v in m["findings_histogram"].items()))
    for r in results:
        if r.get("error") is not None:
            print(f"  refused {r['doc_id']}: {r['error']}")
    print(f"gate fails {m['gate_fails_human_major']} of the {m['human_major']} articles with a "
          f"human major span and {m['gate_fails_no_human_major']} of the "
          f"{m['docs'] - m['refused'] - m['human_major']} without one")
    print("per check and severity: " + ", ".join(f"{k} {v}" for k, v in m["per_check"].items()))
    shown = 0
    for r in results:
        for f in r["findings"]:
            if f["severity"] in {"major", "critical"} and shown < args.show:
                shown += 1
                print(f"  {r['doc_id']}: {f['code']} {f['severity']} '{f['text'][:40]}': "
                      f"{f['message'][:160]}")
    if args.json:
        Path(args.json).write_text(json.dumps({**m, "system": args.system,
                                               "seconds": round(seconds, 1)}, indent=1),
                                   encoding="utf-8")
    print(f"clean_articles system={args.system} docs={m['docs']} "
          f"no_finding={m['no_finding']:.3f} at_most_one={m['at_most_one']:.3f} "
          f"gate_fails={m['gate_fails']:.3f} findings_per_1000={m['findings_per_1000']:.2f} "
          f"seconds={seconds:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
