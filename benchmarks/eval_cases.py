"""Span-level evaluation of mtqa on annotated article pairs (issues #3 and #5).

For every ``NAME.en.txt`` / ``NAME.ja.txt`` / ``NAME.gold.json`` triple in a folder, runs
``mtqa.check`` and matches its findings to the gold spans:

* a gold span is located as the ``occurrence``-th non-overlapping occurrence of ``span``
  in the Japanese text (headline included, counted left to right);
* a gold span is *found* when any finding overlaps it (category-agnostic: the gold
  category is the annotator's reading, the checker's may differ and still point the
  editor at the right place);
* a finding is a *false alarm* when it overlaps no gold span;
* ``boilerplate`` findings (page chrome) are informational: they are neither counted for
  precision nor as alarms.

Per-category recall groups gold spans by their gold category; per-category precision
groups findings by the category the checker gave them. Overall figures pool all
articles. Clean articles (gold ``[]``) report their number of findings.

Usage::

    python benchmarks/eval_cases.py data/cases [--json [PATH]] [--backtranslator dictionary]

The last line of the output is always::

    eval_cases recall=<x> precision=<x> f1=<x> clean_max_alarms=<n>

With ``--json`` a machine-readable object is written as one line to stdout before that
last line (or to PATH when one is given).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: The engine of the issue's targets: offline JMdict glosses, no model download.
DEFAULT_BACKTRANSLATOR = "dictionary"
#: Categories that do not count for precision or alarms (docs/DESIGN.md: informational).
INFORMATIONAL = frozenset({"boilerplate"})


class GoldError(ValueError):
    """A gold file that cannot be used (bad JSON, span not found in the text)."""


@dataclass(frozen=True)
class GoldSpan:
    """One annotated error located in the Japanese text."""

    start: int
    end: int
    span: str
    category: str
    severity: str
    source: str


@dataclass
class CaseResult:
    """Matching of one article's findings against its gold spans."""

    name: str
    gold: list[GoldSpan]
    findings: list[dict[str, Any]]
    found: list[bool] = field(default_factory=list)
    hits: list[bool] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def clean(self) -> bool:
        return not self.gold

    @property
    def scored(self) -> list[tuple[dict[str, Any], bool]]:
        """(finding, overlaps a gold span) for the findings that count for precision."""
        return [(f, h) for f, h in zip(self.findings, self.hits)
                if f["category"] not in INFORMATIONAL]


def locate(text: str, span: str, occurrence: int) -> tuple[int, int]:
    """Offsets of the ``occurrence``-th non-overlapping occurrence of ``span`` in ``text``.

    Raises:
        GoldError: ``span`` occurs fewer than ``occurrence`` times.
    """
    if not span or occurrence < 1:
        raise GoldError(f"bad gold span {span!r} (occurrence {occurrence})")
    pos = 0
    for _ in range(occurrence):
        idx = text.find(span, pos)
        if idx < 0:
            raise GoldError(f"gold span {span!r} occurrence {occurrence} not in the text")
        pos = idx + len(span)
    return idx, idx + len(span)


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """True when two half-open spans share a character; an empty span (a point, e.g. where
    omitted content belongs) overlaps a span that contains or borders it."""
    if a_start == a_end:
        return b_start <= a_start <= b_end
    if b_start == b_end:
        return a_start <= b_start <= a_end
    return a_start < b_end and b_start < a_end


def load_gold(path: Path, ja_text: str) -> list[GoldSpan]:
    """Read and locate the gold spans of one article.

    Raises:
        GoldError: unreadable JSON, or a span missing from the Japanese text.
    """
    try:
        items = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        raise GoldError(f"{path}: cannot read gold file ({err})") from err
    if not isinstance(items, list):
        raise GoldError(f"{path}: gold file must hold a JSON list")
    out = []
    for item in items:
        try:
            start, end = locate(ja_text, item["span"], int(item.get("occurrence", 1)))
        except (KeyError, TypeError) as err:
            raise GoldError(f"{path}: gold item without a span: {item!r}") from err
        except GoldError as err:
            raise GoldError(f"{path}: {err}") from err
        out.append(GoldSpan(start, end, item["span"], item.get("category", "?"),
                            item.get("severity", "?"), item.get("source", "")))
    return out


def case_names(folder: Path) -> list[str]:
    """Names of the articles in ``folder`` that have both texts and a gold file."""
    names = []
    for en in sorted(folder.glob("*.en.txt")):
        name = en.name[: -len(".en.txt")]
        if (folder / f"{name}.ja.txt").exists() and (folder / f"{name}.gold.json").exists():
            names.append(name)
    return names


def run_case(folder: Path, name: str, **options: Any) -> CaseResult:
    """Check one article and match its findings to its gold spans."""
    import mtqa

    en = (folder / f"{name}.en.txt").read_text(encoding="utf-8")
    ja = (folder / f"{name}.ja.txt").read_text(encoding="utf-8")
    gold = load_gold(folder / f"{name}.gold.json", ja)
    t0 = time.perf_counter()
    report = mtqa.check(en, ja, **options)
    seconds = time.perf_counter() - t0
    findings = [f.to_dict() for f in report.finding_list]
    res = CaseResult(name, gold, findings, seconds=seconds)
    scored = [f for f in findings if f["category"] not in INFORMATIONAL]
    res.found = [any(overlaps(f["start"], f["end"], g.start, g.end) for f in scored)
                 for g in gold]
    res.hits = [any(overlaps(f["start"], f["end"], g.start, g.end) for g in gold)
                for f in findings]
    return res


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def _f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return None
    return 2 * p * r / (p + r) if p + r else 0.0


def summarize(results: Sequence[CaseResult]) -> dict[str, Any]:
    """Per-category and overall recall/precision/F1, and alarms on clean articles."""
    cats: dict[str, dict[str, int]] = {}

    def bucket(cat: str) -> dict[str, int]:
        return cats.setdefault(cat, {"gold": 0, "found": 0, "same_cat": 0,
                                     "findings": 0, "correct": 0})

    n_gold = n_found = n_find = n_correct = 0
    for res in results:
        for g, ok in zip(res.gold, res.found):
            b = bucket(g.category)
            b["gold"] += 1
            b["found"] += ok
            # also found by a finding of the annotator's own category (informative only)
            b["same_cat"] += any(
                f["category"] == g.category and overlaps(f["start"], f["end"], g.start, g.end)
                for f in res.findings
            )
            n_gold += 1
            n_found += ok
        for f, hit in res.scored:
            b = bucket(f["category"])
            b["findings"] += 1
            b["correct"] += hit
            n_find += 1
            n_correct += hit
    per_cat = {}
    for cat in sorted(cats):
        b = cats[cat]
        r = _ratio(b["found"], b["gold"])
        p = _ratio(b["correct"], b["findings"])
        per_cat[cat] = {**b, "recall": r, "precision": p, "f1": _f1(p, r)}
    recall = _ratio(n_found, n_gold) or 0.0
    precision = _ratio(n_correct, n_find)
    # no findings at all: precision is undefined; count it as 0 so that a silent checker
    # cannot pass the regression test
    precision = precision if precision is not None else 0.0
    clean = {res.name: len(res.scored) for res in results if res.clean}
    return {
        "recall": recall,
        "precision": precision,
        "f1": _f1(precision, recall) or 0.0,
        "gold": n_gold,
        "found": n_found,
        "findings": n_find,
        "correct": n_correct,
        "clean_alarms": clean,
        "clean_max_alarms": max(clean.values(), default=0),
        "categories": per_cat,
        "cases": {
            res.name: {
                "gold": len(res.gold),
                "found": sum(res.found),
                "findings": len(res.scored),
                "correct": sum(h for _, h in res.scored),
                "seconds": round(res.seconds, 3),
                "missed": [
                    {"span": g.span, "category": g.category, "start": g.start}
                    for g, ok in zip(res.gold, res.found) if not ok
                ],
                "false_alarms": [
                    {k: f[k] for k in ("category", "check", "start", "end", "text", "message")}
                    for f, hit in res.scored if not hit
                ],
            }
            for res in results
        },
    }


def evaluate(folder: str | Path, backtranslator: str = DEFAULT_BACKTRANSLATOR,
             **options: Any) -> dict[str, Any]:
    """Run mtqa on every annotated article of ``folder`` and summarise (the API the
    regression test uses).

    Raises:
        GoldError: no annotated article in ``folder``, or a bad gold file.
    """
    folder = Path(folder)
    names = case_names(folder)
    if not names:
        raise GoldError(f"{folder}: no NAME.en.txt/NAME.ja.txt/NAME.gold.json triples found")
    results = [run_case(folder, n, backtranslator=backtranslator, **options) for n in names]
    summary = summarize(results)
    summary["backtranslator"] = backtranslator
    summary["folder"] = str(folder)
    return summary


def _fmt(x: float | None) -> str:
    return "   -  " if x is None else f"{x:6.3f}"


def render(summary: dict[str, Any]) -> str:
    """Human-readable tables (everything but the final line)."""
    lines = [f"eval_cases on {summary['folder']} (backtranslator={summary['backtranslator']})",
             "", "category        gold found same  recall  | findings correct precision  f1"]
    for cat, b in summary["categories"].items():
        lines.append(
            f"{cat:<15} {b['gold']:>4} {b['found']:>5} {b['same_cat']:>4}  {_fmt(b['recall'])}  |"
            f" {b['findings']:>8} {b['correct']:>7}    {_fmt(b['precision'])} {_fmt(b['f1'])}"
        )
    lines.append(
        f"{'overall':<15} {summary['gold']:>4} {summary['found']:>5}       "
        f"{_fmt(summary['recall'])}  | {summary['findings']:>8} {summary['correct']:>7}    "
        f"{_fmt(summary['precision'])} {_fmt(summary['f1'])}"
    )
    lines.append("(same = found by a finding of the gold category; precision attributes each "
                 "finding to its own category)")
    lines.append("")
    for name, c in summary["cases"].items():
        lines.append(f"{name}: gold {c['gold']}, found {c['found']}, findings {c['findings']}, "
                     f"correct {c['correct']} ({c['seconds']:.1f} s)")
        for m in c["missed"]:
            lines.append(f"    missed  [{m['category']}] {m['span']}")
        for f in c["false_alarms"]:
            lines.append(f"    alarm   [{f['category']}/{f['check']}] {f['text']!r}: "
                         f"{f['message']}")
    lines.append("")
    for name, n in summary["clean_alarms"].items():
        lines.append(f"clean article {name}: {n} finding(s)")
    return "\n".join(lines)


def final_line(summary: dict[str, Any]) -> str:
    return (f"eval_cases recall={summary['recall']:.3f} precision={summary['precision']:.3f} "
            f"f1={summary['f1']:.3f} clean_max_alarms={summary['clean_max_alarms']}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", help="folder of NAME.en.txt, NAME.ja.txt, NAME.gold.json")
    parser.add_argument("--json", nargs="?", const="-", default=None, metavar="PATH",
                        help="write a machine-readable object (stdout when no PATH)")
    parser.add_argument("--backtranslator", default=DEFAULT_BACKTRANSLATOR,
                        help="back-translation engine (default: %(default)s)")
    parser.add_argument("--checks", default=None,
                        help="comma-separated checks to run (default: all registered)")
    args = parser.parse_args(argv)
    if not Path(args.folder).is_dir():
        parser.error(f"{args.folder}: not a folder")
    from mtqa.errors import MtqaError

    options: dict[str, Any] = {}
    if args.checks:
        options["checks"] = tuple(c.strip() for c in args.checks.split(",") if c.strip())
    try:
        summary = evaluate(args.folder, args.backtranslator, **options)
    except (GoldError, MtqaError) as err:
        print(f"eval_cases: {err}", file=sys.stderr)
        return 2
    if args.json is None:
        print(render(summary))
    elif args.json == "-":
        print(json.dumps(summary, ensure_ascii=False, sort_keys=True))
    else:
        from mtqa.atomic_files import atomic_write

        atomic_write(Path(args.json), json.dumps(summary, ensure_ascii=False, indent=1) + "\n")
        print(render(summary))
    print(final_line(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
