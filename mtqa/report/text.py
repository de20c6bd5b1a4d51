"""Readable terminal report: a summary line, then each flagged sentence with the span
marked and the English it corresponds to, the findings that belong to no single sentence,
and the informational ones. Every finding counted in the header is listed once (#16)."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from .visible import visible

if TYPE_CHECKING:
    from . import Report
    from ..types import AlignedPair, Finding

_COLORS = {"critical": "\033[1;31m", "major": "\033[31m", "minor": "\033[33m", "info": "\033[2m"}
_RESET = "\033[0m"
#: Japanese characters shown either side of a document-level finding's span: enough to
#: find the place in the article.
CONTEXT_CHARS = 20
#: A span longer than this (a whole paragraph of page chrome) is shortened in a finding's
#: line; its offsets give the whole of it.
MAX_SPAN_CHARS = 60


def render_text(report: Report, color: bool = False) -> str:
    """The text report.

    Args:
        report: the report to render.
        color: mark spans with ANSI colours (a terminal) instead of 【】 only.

    Returns:
        The text, ending with the signature line.
    """
    c = report.counts
    cats = ", ".join(f"{k} {v}" for k, v in report.category_counts().items() if v)
    lines = [
        f"mtqa: score {report.score:.1f}  verdict {report.verdict.upper()}  "
        + ", ".join(f"{k} {v}" for k, v in c.items())
        + (f"  ({cats})" if cats else ""),
        f"policy: {report.policy.describe() if report.policy else report.policy_source}",
    ]
    for note in report.notes:
        lines.append(f"note: {visible(note)}")
    for reason in report.gate.reasons:
        lines.append(f"gate: {reason}")
    # the Japanese as shown: its control characters as pictures, one character for one, so
    # that the findings' offsets index it as they index the text
    ja = visible(report.translation_text)
    errors = [f for f in report.finding_list if f.severity != "info"]
    info = [f for f in report.finding_list if f.severity == "info"]
    by_seg: dict[int, list[Finding]] = {}
    for f in errors:
        if f.segment is not None:
            by_seg.setdefault(f.segment, []).append(f)
    listed: set[int] = set()
    for seg in report.segment_list:
        pair = seg.pair
        found = sorted(by_seg.get(pair.index, []), key=lambda f: (f.start, f.end))
        if found:
            lines.extend(_sentence_block(ja, pair, found, color))
            listed.update(id(f) for f in found)
    # findings of no sentence (an unclosed bracket spanning several, a document check) or
    # of a segment number no pair has: listed here rather than silently dropped (#16)
    rest = [f for f in errors if id(f) not in listed]
    if rest:
        lines += ["", "[document] findings that belong to no single sentence:"]
        lines.extend(_finding_lines(ja, rest, context=True))
    if info:
        lines += ["", "informational (info: weight 0, never fails the gate):"]
        lines.extend(_finding_lines(ja, info, context=False))
    lines.append("")
    lines.append(f"signature: {report.signature}")
    return "\n".join(lines) + "\n"


def _sentence_block(ja: str, pair: AlignedPair, found: list[Finding],
                    color: bool) -> list[str]:
    """One flagged sentence: the Japanese with the spans marked, the English, the findings
    (``ja``: the Japanese text as shown, :func:`visible`)."""
    pos, end = pair.mt_start, pair.mt_end
    lost = pair.mt_start == pair.mt_end  # no Japanese of its own (a sentence lost)
    if lost:  # its findings are places: shown between the Japanese around them
        pos = max(0, min(f.start for f in found) - CONTEXT_CHARS)
        end = max(f.end for f in found) + CONTEXT_CHARS
    marked = ["…"] if lost and pos else []
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
    marked.append(ja[pos : max(pos, end)])
    if lost and end < len(ja):
        marked.append("…")
    ref = visible(pair.reference.replace("\n", " "))
    lines = [
        "",
        f"[{pair.index}] JA: " + "".join(marked).replace("\n", " "),
        "     EN: " + (textwrap.shorten(ref, 300) if ref else "(no English counterpart)"),
    ]
    return lines + _finding_lines(ja, found, context=False)


def _finding_lines(ja: str, found: list[Finding], context: bool) -> list[str]:
    out = []
    for f in sorted(found, key=lambda f: (f.start, f.end)):
        text = f.text if len(f.text) <= MAX_SPAN_CHARS else f.text[: MAX_SPAN_CHARS - 1] + "…"
        out.append(visible(f"     - {f.severity} {f.category} [{f.check}] {f.start}-{f.end} "
                            f"'{text}': {f.message}".replace("\n", " ")))
        if context:
            before = ja[max(0, f.start - CONTEXT_CHARS) : f.start]
            after = ja[f.end : f.end + CONTEXT_CHARS]
            out.append(("       JA: …" + before + "【" + ja[f.start : f.end] + "】" + after
                        + "…").replace("\n", " "))
    return out
