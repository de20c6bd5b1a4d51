"""Readable terminal report: a summary line, then each flagged sentence with the span
marked and the English it corresponds to."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .report import Report

_COLORS = {"critical": "\033[1;31m", "major": "\033[31m", "minor": "\033[33m"}
_RESET = "\033[0m"


def render_text(report: Report, color: bool = False) -> str:
    c = report.counts
    cats = ", ".join(f"{k} {v}" for k, v in report.category_counts().items() if v)
    lines = [
        f"mtqa: score {report.score:.1f}  verdict {report.verdict.upper()}  "
        f"critical {c['critical']}, major {c['major']}, minor {c['minor']}"
        + (f"  ({cats})" if cats else ""),
    ]
    for note in report.notes:
        lines.append(f"note: {note}")
    for reason in report.gate.reasons:
        lines.append(f"gate: {reason}")
    by_seg = report.segment_findings()
    ja = report.translation_text
    for pair in report.pairs:
        found = sorted(by_seg.get(pair.index, []), key=lambda f: (f.start, f.end))
        found = [f for f in found if f.category != "boilerplate"]
        if not found:
            continue
        lines.append("")
        # mark spans in the Japanese with 【…】 (or colour on a terminal)
        pos = pair.mt_start
        marked = []
        for f in found:
            if f.start < pos:
                continue
            marked.append(ja[pos : f.start])
            span = ja[f.start : f.end] or "∅"
            if color:
                marked.append(f"{_COLORS[f.severity]}【{span}】{_RESET}")
            else:
                marked.append(f"【{span}】")
            pos = f.end
        marked.append(ja[pos : max(pos, pair.mt_end)])
        lines.append(f"[{pair.index}] JA: " + "".join(marked).replace("\n", " "))
        ref = pair.reference.replace("\n", " ")
        lines.append("     EN: " + (textwrap.shorten(ref, 300) if ref else "(no English counterpart)"))
        for f in found:
            lines.append(f"     - {f.severity} {f.category} [{f.check}] {f.start}-{f.end} "
                         f"'{f.text}': {f.message}")
    lines.append("")
    lines.append(f"signature: {report.signature}")
    return "\n".join(lines) + "\n"
