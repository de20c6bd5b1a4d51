"""Dropped names (NAM003): detection on damaged copies, false alarms on intact text.

For every article of ``data/riyadh`` and ``data/cases`` (or the folders given), and for
every person of the English that the names check recognises as one (a title before the
name, Mr/Ms/Dr, "said" after it, or an apposition), a damaged copy of the Japanese is made
in which every katakana rendering of that person (the runs the names check matched to the
name, and those ``mtqa.checks.names.find_rendering`` finds: any part sounding like one of
the name's words), with an honorific after it (氏, さん), is deleted. The names check must then report
``NAM003`` for that person. On the intact articles it must report none (false alarms).

People whose name the intact Japanese does not render in katakana (kanji names) are
skipped: there is nothing to delete; so are people whose name is also copied in Latin
(the untranslated check reports those).

Usage::

    python benchmarks/dropped_names.py [DIR_OR_PAIR ...] [-v]

The last line is::

    dropped_names people=<n> detected=<share> intact_alarms=<n>
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import mtqa  # noqa: E402
from mtqa.checks import names as names_check  # noqa: E402
from mtqa.checks.names.dropped import DroppedNames  # noqa: E402
from mtqa.checks.names.english import NAME_PARTICLES, is_person  # noqa: E402

_HONORIFIC_AFTER = re.compile(r"^(?:氏|さん|様)")


def pairs_of(paths: list[str]) -> list[tuple[str, Path, Path]]:
    """(label, English file, Japanese file) of folders of <id>.en.txt/<id>.ja.txt (or
    en.txt/ja.txt)."""
    out = []
    for p in map(Path, paths):
        if (p / "en.txt").is_file():
            out.append((p.name, p / "en.txt", p / "ja.txt"))
        for en in sorted(p.glob("*.en.txt")):
            out.append((en.name[: -len(".en.txt")], en, en.with_name(en.name[:-7] + ".ja.txt")))
    return out


def people(en: str, ja: str) -> dict[str, set[tuple[int, int]]]:
    """The full names the names check treats as people (first mention order) → the spans
    of the katakana runs that render them: those the check matched to the name, and those
    ``find_rendering`` finds."""
    seen: dict[str, set[tuple[int, int]]] = {}
    orig = DroppedNames._dropped

    def spy(self, ctx, st):  # type: ignore[no-untyped-def]
        for n in st.names:
            words = [w for w in n.words if w.lower() not in NAME_PARTICLES]
            if len(words) < 2 or not is_person(n, ctx.reference.text, st):
                continue
            keys = set(names_check.name_candidates([n]))
            spans = seen.setdefault(" ".join(words), set())
            spans.update((r.run_start, r.run_end) for r in st.records if r.key in keys)
        yield from orig(self, ctx, st)

    DroppedNames._dropped = spy  # type: ignore[method-assign]
    try:
        mtqa.check(en, ja, backtranslator="dictionary", checks=("names",))
    finally:
        DroppedNames._dropped = orig  # type: ignore[method-assign]
    for name, spans in seen.items():
        spans.update((s, e) for s, e, _ in names_check.find_rendering(name, ja))
    return seen


def delete_spans(ja: str, spans: set[tuple[int, int]]) -> str:
    """``ja`` without ``spans`` (and an honorific right after each)."""
    out = ja
    last = len(ja) + 1
    for start, end in sorted(spans, reverse=True):
        end = min(end, last)
        if end <= start:
            continue
        m = _HONORIFIC_AFTER.match(out[end:])
        out = out[:start] + out[end + (m.end() if m else 0) :]
        last = start
    return out


def dropped(en: str, ja: str) -> list[str]:
    report = mtqa.check(en, ja, backtranslator="dictionary", checks=("names",))
    return [f.evidence.get("english", "") for f in report.finding_list if f.code == "NAM003"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*",
                        default=[str(ROOT / "data" / "riyadh"), str(ROOT / "data" / "cases")])
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    total = found = alarms = 0
    for label, en_path, ja_path in pairs_of(args.paths):
        en = en_path.read_text(encoding="utf-8")
        ja = ja_path.read_text(encoding="utf-8")
        intact = dropped(en, ja)
        alarms += len(intact)
        for name in intact:
            print(f"{label}: false alarm on the intact article: {name}")
        for person, spans in people(en, ja).items():
            if any(w.lower() in ja.lower() for w in person.split()):
                if args.verbose:
                    print(f"{label}: {person}: copied in Latin (untranslated), skipped")
                continue
            if not spans:
                if args.verbose:
                    print(f"{label}: {person}: no katakana rendering to delete, skipped")
                continue
            damaged = delete_spans(ja, spans)
            total += 1
            hit = any(set(person.split()) & set(n.split()) for n in dropped(en, damaged))
            found += hit
            if args.verbose or not hit:
                print(f"{label}: {person}: {'detected' if hit else 'MISSED'}")
    share = found / total if total else float("nan")
    print(f"dropped_names people={total} detected={share:.3f} intact_alarms={alarms}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
