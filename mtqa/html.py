"""The one HTML renderer: `--format html`, Jupyter's `_repr_html_` and feed pages.

The aligned document side by side (English | Japanese | back-translation), flagged spans
highlighted by category colour with the message on hover, sentence scores, a legend and
the signature in a footer. Every piece of text goes through :func:`html.escape`.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from .types import CATEGORIES

if TYPE_CHECKING:
    from .report import Report

CATEGORY_COLORS = {
    "title": "#f4a3a3",
    "name": "#f7c59f",
    "untranslated": "#ffe08a",
    "repetition": "#c6e5a3",
    "scrambled": "#a3d8f4",
    "mistranslation": "#d7b8f3",
    "omission": "#f3b8dc",
    "addition": "#b8c4f3",
    "number": "#f3d8b8",
    "boilerplate": "#dddddd",
}

_CSS = """
.mtqa{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans CJK JP","Hiragino Sans",sans-serif;
font-size:14px;color:#1d1d1f;max-width:1400px}
.mtqa h2{font-size:18px;margin:4px 0}
.mtqa .sum{padding:8px 12px;border-radius:6px;margin:6px 0;font-weight:600}
.mtqa .pass{background:#e3f6e5;border-left:6px solid #2e9d43}
.mtqa .fail{background:#fde7e7;border-left:6px solid #d12f2f}
.mtqa table.doc{border-collapse:collapse;width:100%;table-layout:fixed}
.mtqa table.doc td,.mtqa table.doc th{border-bottom:1px solid #e5e5e5;padding:6px 8px;
vertical-align:top;text-align:left;line-height:1.6}
.mtqa table.doc th{background:#f5f5f7;position:sticky;top:0}
.mtqa td.n{width:38px;color:#888;font-size:12px}
.mtqa td.s{width:56px;font-size:12px;color:#555}
.mtqa td.bt{color:#666;font-size:12px}
.mtqa tr.flag td.ja{background:#fffaf0}
.mtqa tr.chrome td{color:#aaa;font-style:italic}
.mtqa mark{border-radius:3px;padding:0 2px;border-bottom:2px solid rgba(0,0,0,.35);cursor:help}
.mtqa mark.major,.mtqa mark.critical{border-bottom:2px solid #c00}
.mtqa .msgs{font-size:12px;color:#444;margin-top:4px}
.mtqa .msgs li{margin:1px 0}
.mtqa .legend span{display:inline-block;padding:1px 6px;margin:2px;border-radius:3px;font-size:12px}
.mtqa .sig{font-family:ui-monospace,monospace;font-size:11px;color:#777;margin-top:8px;word-break:break-all}
.mtqa .note{color:#8a5a00;font-size:13px}
"""


def _highlight(text: str, base: int, spans: list) -> str:
    """Japanese text of a pair with finding spans wrapped in <mark> (nested spans skipped)."""
    out = []
    pos = 0
    for f in sorted(spans, key=lambda f: (f.start, -f.end)):
        a, b = f.start - base, f.end - base
        if a < pos or b > len(text):
            continue
        out.append(escape(text[pos:a]))
        title = escape(f"{f.severity} {f.category}: {f.message}", quote=True)
        color = CATEGORY_COLORS.get(f.category, "#eee")
        inner = escape(text[a:b]) if b > a else "&#8709;"
        out.append(
            f'<mark class="{escape(f.severity)} cat-{escape(f.category)}" '
            f'style="background:{color}" title="{title}" data-category="{escape(f.category)}">'
            f"{inner}</mark>"
        )
        pos = b
    out.append(escape(text[pos:]))
    return "".join(out)


def render_report(report: Report, standalone: bool = True, title: str = "mtqa report") -> str:
    c = report.counts
    verdict = report.verdict
    by_seg = report.segment_findings()
    rows = []
    for pair, chrf in zip(report.pairs, report.chrf_scores):
        fs = by_seg.get(pair.index, [])
        cls = "chrome" if pair.chrome else ("flag" if fs else "")
        msgs = "".join(
            f'<li><b>{escape(f.severity)} {escape(f.category)}</b> '
            f"«{escape(f.text)}»: {escape(f.message)}</li>"
            for f in fs
        )
        score = "" if chrf is None else f"chrF {chrf:.0f}"
        rows.append(
            f'<tr class="{cls}"><td class="n">{pair.index}</td>'
            f"<td class=\"en\">{escape(pair.reference) or '<i>—</i>'}</td>"
            f'<td class="ja">{_highlight(pair.translation, pair.mt_start, fs) or "<i>—</i>"}'
            + (f'<ul class="msgs">{msgs}</ul>' if msgs else "")
            + f'</td><td class="bt">{escape(pair.back_translation)}</td>'
            f'<td class="s">{escape(score)}</td></tr>'
        )
    legend = "".join(
        f'<span style="background:{CATEGORY_COLORS[k]}">{escape(k)}</span>' for k in CATEGORIES
    )
    notes = "".join(f'<div class="note">{escape(n)}</div>' for n in report.notes)
    reasons = "; ".join(report.gate.reasons)
    body = (
        f'<div class="mtqa"><style>{_CSS}</style>'
        f"<h2>{escape(title)}</h2>"
        f'<div class="sum {verdict}">Score {report.score:.1f} · {verdict.upper()} · '
        f"critical {c['critical']} · major {c['major']} · minor {c['minor']}"
        + (f" — {escape(reasons)}" if reasons else "")
        + f"</div>{notes}"
        f'<div class="legend">{legend}</div>'
        '<table class="doc"><thead><tr><th class="n">#</th><th>English (reference)</th>'
        "<th>Japanese (translation)</th><th>Back-translation</th><th>score</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
        f'<div class="sig">{escape(report.signature)}</div></div>'
    )
    if not standalone:
        return body
    return (
        '<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title></head><body>{body}</body></html>"
    )
