"""The one HTML renderer: `--format html`, Jupyter's `_repr_html_` and feed pages.

:func:`render_report` draws one article: a summary header (score, verdict, counts, gate
reasons, notes such as the dictionary-fallback note), a legend, a findings table and the
aligned document side by side (English | Japanese | back-translation) with every flagged
Japanese span in a ``<mark>`` coloured by category, its message on hover (``title``) and
numbered so that the list under the sentence says what is wrong and what the English said.
The English words a finding corresponds to are outlined in the same colour. The signature
is in the footer. :func:`render_feed` draws the overview of a feed run; the feed's
per-article pages are :func:`render_report` pages.

Every piece of text goes through :func:`html.escape` (inputs are untrusted: a news feed
can contain ``<script>``); links are kept only for relative, ``http`` and ``https`` URLs.
No JavaScript is used, so the output also renders in untrusted Jupyter notebooks and in
mail clients.
"""

from __future__ import annotations

import hashlib
import math
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from html import escape
from importlib import resources
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from ..types import CATEGORIES, SEVERITIES, AlignedPair, Finding

if TYPE_CHECKING:
    from .feed import FeedReport
    from . import Report

#: Background colour per category: pastel tones that keep black text readable (WCAG AA
#: contrast with #1d1d1f) and stay distinguishable side by side.
CATEGORY_COLORS: Mapping[str, str] = {
    "title": "#f9b4b4",
    "name": "#fbcf9c",
    "untranslated": "#ffe58a",
    "repetition": "#c9e8a5",
    "scrambled": "#a8dcf6",
    "mistranslation": "#dcc1f6",
    "omission": "#f6bddf",
    "addition": "#bcc8f7",
    "number": "#a9e6d8",
    "boilerplate": "#e2e2e2",
    "moved": "#ececec",
}
#: Underline colour per severity (the category is the fill, the severity the underline).
SEVERITY_COLORS: Mapping[str, str] = {
    "critical": "#8e0000",
    "major": "#d32f2f",
    "minor": "#b08800",
    "info": "#9e9e9e",
}
#: Token-risk values below this are not drawn: a faint underline under every token would
#: be noise, the heat map is for the few tokens a model finds more likely wrong than right
#: (risk is the probability that a post-editor changes the token).
RISK_MIN = 0.5
#: English shown in the findings table is shortened to this many characters (the full
#: sentence stays in the document table and in the cell's ``title``).
SHORT_REFERENCE = 140
#: Characters of Japanese shown either side of a span in the findings table: enough to
#: recognise the place (a short phrase), not so much that the span gets lost.
CONTEXT_CHARS = 8
#: Severity rank, worst first (for sorting and for the colour of a merged highlight).
_RANK = {s: i for i, s in enumerate(SEVERITIES)}

#: The report's style sheet, a data file (``mtqa/report/report.css``) so that it can be read
#: and edited as CSS. The leading newline keeps the ``<style>`` element as it was.
_CSS = "\n" + resources.files("mtqa.report").joinpath("report.css").read_text(encoding="utf-8")


# --- small helpers ------------------------------------------------------------------------
def _e(text: object) -> str:
    """Escape text for element content and attribute values (quotes included)."""
    return escape(str(text), quote=True)


def _uid(*parts: str) -> str:
    """Stable id prefix, so that two reports in one notebook do not share anchors."""
    h = hashlib.sha1("\x00".join(parts).encode("utf-8")).hexdigest()
    return f"mtqa-{h[:8]}"


def _safe_href(url: str) -> str | None:
    """The URL if it is relative or http(s) (never ``javascript:`` or ``data:``), else None."""
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("", "http", "https") else None


def _rank(f: Finding) -> tuple[int, int]:
    """Sort key, worst first: by severity, informational (``info``) last."""
    return (1 if f.severity == "info" else 0, _RANK.get(f.severity, len(_RANK)))


def _cat_chip(category: str, label: str | None = None) -> str:
    color = CATEGORY_COLORS.get(category, "#eee")
    return f'<span class="cat" style="background:{color}">{_e(label or category)}</span>'


def _shorten(text: str, width: int = SHORT_REFERENCE) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else textwrap.shorten(flat, width, placeholder=" …")


# --- spans --------------------------------------------------------------------------------
@dataclass
class _Group:
    """Overlapping findings drawn as one highlight (a span cannot be in two ``<mark>``)."""

    start: int
    end: int
    items: list[tuple[int, Finding]] = field(default_factory=list)

    @property
    def primary(self) -> Finding:
        return min((f for _, f in self.items), key=lambda f: (*_rank(f), -(f.end - f.start)))


def _groups(spans: Iterable[tuple[int, int, int, Finding]]) -> list[_Group]:
    """Cluster (start, end, number, finding) spans that overlap; a point span (an omission)
    inside a longer one joins it, otherwise it is its own group."""
    ordered = sorted(spans, key=lambda s: (s[0], s[1]))
    out: list[_Group] = []
    for start, end, num, f in ordered:
        last = out[-1] if out else None
        joins = (
            last is not None
            and last.start < last.end
            and (start < last.end if end > start else last.start < start < last.end)
        )
        if last is not None and joins:
            last.end = max(last.end, end)
            last.items.append((num, f))
        else:
            out.append(_Group(start, end, [(num, f)]))
    return out


def _risk_spans(report: Report, pair: AlignedPair) -> list[tuple[int, int, float]]:
    """Risky tokens of ``pair`` as absolute (start, end, risk), from ``report.token_risk``
    when the report has one (a DataFrame with segment/start/end/token/risk columns).

    Offsets may be absolute or relative to the sentence; each row is checked against the
    text and dropped when neither reading matches its token.
    """
    df = _token_risk(report)
    if df is None:
        return []
    text = report.translation_text
    rows = df[df["segment"] == pair.index]
    out = []
    for start, end, token, risk in zip(rows["start"], rows["end"], rows["token"], rows["risk"]):
        try:
            s, e, r = int(start), int(end), float(risk)
        except (TypeError, ValueError):
            continue
        if not math.isfinite(r) or r < RISK_MIN:
            continue
        if text[s:e] != token:
            s, e = s + pair.mt_start, e + pair.mt_start
            if text[s:e] != token:
                continue
        if pair.mt_start <= s < e <= pair.mt_end:
            out.append((s, e, min(r, 1.0)))
    return out


def _token_risk(report: Report) -> Any:
    """``report.token_risk`` if present and usable, else None (the feature is optional)."""
    df = getattr(report, "token_risk", None)
    if df is None or not hasattr(df, "columns"):
        return None
    if not {"segment", "start", "end", "token", "risk"} <= set(df.columns) or len(df) == 0:
        return None
    return df


def _risk_style(risk: float) -> str:
    # orange underline whose opacity follows the risk: subtle at RISK_MIN, solid at 1
    alpha = 0.25 + 0.75 * (risk - RISK_MIN) / (1.0 - RISK_MIN)
    return f"text-decoration-color:rgba(230,81,0,{alpha:.2f})"


def _tip(f: Finding, num: int, english: str | None) -> str:
    said = f' — English: "{_shorten(english, 200)}"' if english else ""
    return f"[{num}] {f.severity} {f.category}: {f.message}{said}"


def _render_spans(
    text: str,
    base: int,
    groups: Sequence[_Group],
    *,
    tag: str,
    english_of: Mapping[int, str | None] | None = None,
    risks: Sequence[tuple[int, int, float]] = (),
) -> str:
    """``text`` (which starts at offset ``base``) with each group wrapped in ``tag`` and
    followed by the superscript numbers of its findings; risky tokens get an underline."""
    lo, hi = base, base + len(text)
    cuts = {lo, hi}
    for g in groups:
        cuts.update((g.start, g.end))
    for s, e, _ in risks:
        cuts.update((s, e))
    points = sorted(c for c in cuts if lo <= c <= hi)
    out: list[str] = []
    open_group: _Group | None = None

    def open_tag(g: _Group) -> str:
        f = g.primary
        tips = "\n".join(
            _tip(x, n, (english_of or {}).get(n)) for n, x in sorted(g.items, key=lambda t: t[0])
        )
        cats = " ".join(sorted({x.category for _, x in g.items}))
        if tag == "mark":
            cls = f"sev-{f.severity} cat-{f.category}" + (" gap" if g.start == g.end else "")
            style = f"background:{CATEGORY_COLORS.get(f.category, '#eee')}"
        else:
            cls = f"src cat-{f.category}"
            style = f"border-color:{SEVERITY_COLORS.get(f.severity, '#999')}"
        nums = " ".join(str(n) for n, _ in g.items)
        return (
            f'<{tag} class="{_e(cls)}" style="{style}" title="{_e(tips)}" '
            f'data-category="{_e(f.category)}" data-categories="{_e(cats)}" '
            f'data-severity="{_e(f.severity)}" data-findings="{_e(nums)}">'
        )

    def close_tag(g: _Group) -> str:
        sups = ",".join(str(n) for n, _ in sorted(g.items, key=lambda t: t[0]))
        return f'</{tag}><sup class="fn">{sups}</sup>'

    for i, a in enumerate(points):
        if open_group is not None and open_group.end <= a:
            out.append(close_tag(open_group))
            open_group = None
        # point groups (omissions: nothing to highlight) are drawn where the text is missing
        for g in groups:
            if g.start == g.end == a:
                out.append(open_tag(g) + "&#8709;" + close_tag(g))
        if i + 1 == len(points):
            break
        b = points[i + 1]
        if a == b:
            continue
        g_here = next((g for g in groups if g.start <= a and b <= g.end and g.start < g.end), None)
        if g_here is not open_group:
            if open_group is not None:
                out.append(close_tag(open_group))
            if g_here is not None:
                out.append(open_tag(g_here))
            open_group = g_here
        piece = _e(text[a - base : b - base])
        risk = max((r for s, e, r in risks if s <= a and b <= e), default=None)
        if risk is not None:
            piece = (
                f'<span class="risk" style="{_risk_style(risk)}" '
                f'title="token risk {risk:.2f}">{piece}</span>'
            )
        out.append(piece)
    if open_group is not None:
        out.append(close_tag(open_group))
    return "".join(out)


def _english_counterpart(f: Finding, sentence: str) -> str | None:
    """The English words of the finding when they are a part of the sentence (so that they
    can be outlined in it), else None; the whole sentence is not a counterpart."""
    # the check's English term, its English phrase, or the span itself when it was copied
    # from the English verbatim (an untranslated name)
    for candidate in (f.evidence.get("source"), f.reference, f.text):
        if not candidate or not candidate.strip():
            continue
        c = candidate.strip()
        if len(c) < len(sentence.strip()) and c in sentence:
            return c
    return None


# --- one article --------------------------------------------------------------------------
def _pair_of(report: Report) -> dict[int, int]:
    """Finding number (1-based, ``finding_list`` order) → index of the pair it is drawn in."""
    return {
        num: seg for num, seg in enumerate(report.finding_segments(), 1) if seg is not None
    }


def _summary_header(report: Report, title: str) -> str:
    c = report.counts
    verdict = report.verdict
    # a zero count is drawn neutral and faint: red "0 critical" would read as an alarm
    sev = "".join(
        f'<span class="pill {f"sev-{s}" if c[s] else "zero"}">{c[s]} {s}</span>'
        for s in SEVERITIES
    )
    cats = "".join(
        f'<span class="pill" style="background:{CATEGORY_COLORS[k]}">{n} {_e(k)}</span>'
        for k, n in report.category_counts().items()
        if n
    )
    reasons = "".join(f"<li>{_e(r)}</li>" for r in report.gate.reasons)
    describe = report.policy.describe() if report.policy else report.policy_source
    policy = f'<div class="policy">policy: {_e(describe)}</div>'
    notes = "".join(f'<div class="note">&#9888; {_e(n)}</div>' for n in report.notes)
    meta = _meta_line(report.meta)
    content = [s.pair for s in report.segment_list if not s.pair.chrome and s.pair.mt_sentences]
    flagged = {i for i in _pair_of(report).values()}
    scored = [s.chrf for s in report.segment_list if s.chrf is not None]
    mean = f" · mean chrF {sum(scored) / len(scored):.0f}" if scored else ""
    stats = (
        f"{len(content)} sentences · {len(flagged & {p.index for p in content})} flagged{mean}"
    )
    return (
        f'<div class="head {_e(verdict)}"><div class="main">'
        f"<h2>{_e(title)}</h2>{meta}"
        f'<div class="counts">{sev}{cats}</div>'
        + (f'<ul class="reasons">{reasons}</ul>' if reasons else "")
        + f"{policy}{notes}</div>"
        f'<div class="score"><span class="verdict {_e(verdict)}">{_e(verdict.upper())}</span>'
        f"<br><b>{report.score:.1f}</b><small>MQM score / 100</small>"
        f"<small>{_e(stats)}</small></div></div>"
    )


def _meta_line(meta: Mapping[str, Any]) -> str:
    """Article metadata (feed title, url, id) when the report carries any."""
    bits = []
    for key in ("id", "title"):
        if meta.get(key):
            bits.append(_e(meta[key]))
    url = meta.get("url")
    if isinstance(url, str) and url:
        href = _safe_href(url)
        bits.append(f'<a href="{_e(href)}">{_e(url)}</a>' if href else _e(url))
    return f'<div class="meta">{" · ".join(bits)}</div>' if bits else ""


def _legend(report: Report, has_risk: bool) -> str:
    present = report.category_counts()
    sw = "".join(
        f'<span class="sw" style="background:{CATEGORY_COLORS[k]}'
        f'{";opacity:.45" if not present.get(k) else ""}">{_e(k)}</span>'
        for k in CATEGORIES
    )
    risk = (
        ' · <span class="risk" style="' + _risk_style(0.9) + '">wavy orange</span>: '
        "token the model finds doubtful"
        if has_risk
        else ""
    )
    return (
        f'<div class="legend"><b>Legend</b> {sw}<br>'
        '<span class="mk sev-major" style="background:#eee">solid red</span> underline: '
        'major / critical · <span class="mk sev-minor" style="background:#eee">dotted</span>: '
        "minor · &#8709;: something is missing here · "
        '<sup class="fn">1</sup> numbers link a highlight to its message; '
        "hover a highlight for the message and the English"
        f'{risk} · <span class="src" style="border-color:#d32f2f">outlined</span>: '
        "the English the finding is about</div>"
    )


def _in_context(text: str, f: Finding) -> str:
    """The finding's Japanese with a few characters either side (same line), so that a
    reader of the findings table sees where the span sits."""
    before = text[max(0, f.start - CONTEXT_CHARS) : f.start].rsplit("\n", 1)[-1]
    after = text[f.end : f.end + CONTEXT_CHARS].split("\n", 1)[0]
    color = CATEGORY_COLORS.get(f.category, "#eee")
    span = _e(f.text) if f.text else "&#8709;"
    return (
        f'<span class="ctx">{"…" if before else ""}{_e(before)}</span>'
        f'<span class="hl sev-{_e(f.severity)}" style="background:{color}">{span}</span>'
        f'<span class="ctx">{_e(after)}{"…" if after else ""}</span>'
    )


def _severity_label(f: Finding) -> str:
    """The finding's severity, as in every other output (``info``: weight 0)."""
    return f'<span class="sev {_e(f.severity)}">{_e(f.severity)}</span>'


def _findings_rows(report: Report, uid: str, where: Mapping[int, int],
                   numbered: Sequence[tuple[int, Finding]]) -> str:
    pairs = {s.pair.index: s.pair for s in report.segment_list}
    rows = []
    for num, f in numbered:
        seg = where.get(num)
        link = f'<a href="#{uid}-s{seg}">{seg}</a>' if seg is not None else "—"
        en = _english_counterpart(f, pairs[seg].reference) if seg in pairs else None
        if en:
            ref = f'<b class="en-said">{_e(en)}</b>'
        elif f.reference:
            ref = _e(_shorten(f.reference))
        else:
            ref = '<span class="none">—</span>'
        rows.append(
            f'<tr class="sev-{_e(f.severity)}"><td class="n">{num}</td><td>{link}</td>'
            f"<td>{_severity_label(f)}</td><td>{_cat_chip(f.category)}</td>"
            f'<td class="jspan" lang="ja">{_in_context(report.translation_text, f)}</td>'
            f'<td lang="en" title="{_e(f.reference)}">{ref}</td>'
            f'<td>{_e(f.message)}</td><td class="chk">{_e(f.check)}</td></tr>'
        )
    return (
        '<table class="findings"><thead><tr><th>#</th><th>sent.</th><th>severity</th>'
        "<th>category</th><th>Japanese (in context)</th><th>English</th><th>message</th>"
        f"<th>check</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _findings_table(report: Report, uid: str, where: Mapping[int, int]) -> str:
    numbered = sorted(
        enumerate(report.finding_list, 1), key=lambda t: (*_rank(t[1]), t[1].start, t[0])
    )
    # informational findings (page chrome): folded away so that the errors come first
    errors = [(n, f) for n, f in numbered if f.severity != "info"]
    info = [(n, f) for n, f in numbered if f.severity == "info"]
    out = f"<h3>Findings ({len(errors)})</h3>"
    out += _findings_rows(report, uid, where, errors) if errors else (
        '<p class="none">No findings.</p>'
    )
    if info:
        out += (
            f'<details class="chrome"><summary>Informational ({len(info)} info: page chrome, '
            "boilerplate and moved sentences; weight 0, never fail the gate)</summary>"
            f"{_findings_rows(report, uid, where, info)}</details>"
        )
    return out


def _score_cell(chrf: float | None, findings: Sequence[Finding]) -> str:
    penalty = sum(f.weight for f in findings)
    pen = (
        f'<div class="pen" title="MQM penalty of its findings">&minus;{penalty:g}</div>'
        if penalty
        else ""
    )
    if chrf is None:
        return f'<td class="s"><span class="none">—</span>{pen}</td>'
    width = max(0.0, min(100.0, chrf))
    return (
        f'<td class="s" title="chrF of the back-translation against the English (0–100)">'
        f'chrF {chrf:.0f}<div class="bar"><i style="width:{width:.0f}%"></i></div>{pen}</td>'
    )


def _messages(items: Sequence[tuple[int, Finding]], english_of: Mapping[int, str | None]) -> str:
    lis = []
    for num, f in sorted(items, key=lambda t: t[0]):
        en = english_of.get(num)
        # an English word copied verbatim needs no "← English" (it is the span itself)
        said = (
            f' <span class="en-said" lang="en">← “{_e(en)}”</span>'
            if en and en != f.text
            else ""
        )
        span = _e(f.text) if f.text else "&#8709;"
        lis.append(
            f'<li><sup class="fn">{num}</sup> {_severity_label(f)} {_cat_chip(f.category)} '
            f'<b lang="ja">{span}</b>{said}: {_e(f.message)}</li>'
        )
    return f'<ol class="msgs">{"".join(lis)}</ol>'


def _document_rows(report: Report, uid: str, where: Mapping[int, int]) -> str:
    by_pair: dict[int, list[tuple[int, Finding]]] = {}
    for num, f in enumerate(report.finding_list, 1):
        if num in where:
            by_pair.setdefault(where[num], []).append((num, f))
    # a span may run over several pairs (page chrome, a clause cut across sentences): it is
    # highlighted in each of them, clipped, and explained once, in the pair it belongs to
    overlapping: dict[int, list[tuple[int, Finding]]] = {}
    for num, f in enumerate(report.finding_list, 1):
        for p in (s.pair for s in report.segment_list):
            if (p.mt_start < f.end and f.start < p.mt_end) or where.get(num) == p.index:
                overlapping.setdefault(p.index, []).append((num, f))
    rows = []
    for seg in report.segment_list:
        pair, chrf = seg.pair, seg.chrf
        items = by_pair.get(pair.index, [])
        english_of = {n: _english_counterpart(f, pair.reference) for n, f in items}
        lo, hi = pair.mt_start, pair.mt_end
        ja_spans = [
            (max(lo, f.start), min(hi, f.end), n, f)
            for n, f in overlapping.get(pair.index, [])
            if f.start <= hi and f.end >= lo
        ]
        ja = _render_spans(
            pair.translation, pair.mt_start, _groups(ja_spans), tag="mark",
            english_of=english_of, risks=_risk_spans(report, pair),
        )
        en_spans = []
        for n, f in items:
            en = english_of[n]
            if en:
                at = pair.reference.find(en)
                en_spans.append((pair.ref_start + at, pair.ref_start + at + len(en), n, f))
        en_html = _render_spans(pair.reference, pair.ref_start, _groups(en_spans), tag="span")
        worst = min((f for _, f in items if f.severity != "info"), key=_rank, default=None)
        cls = ["chrome"] if pair.chrome else []
        if worst is not None:
            cls += ["flag", f"sev-{worst.severity}"]
        if not pair.reference.strip():
            en_html = (
                '<span class="none">(page chrome: not scored)</span>'
                if pair.chrome
                else '<span class="none">(no English counterpart)</span>'
            )
        if not pair.translation.strip():
            ja = (ja + " " if items else "") + '<span class="none">(missing in the Japanese)</span>'
        # page chrome needs no explanation in its own greyed row (the mark's title has it)
        told = [(n, f) for n, f in items if not (pair.chrome and f.severity == "info")]
        msgs = _messages(told, english_of) if told else ""
        rows.append(
            f'<tr id="{uid}-s{pair.index}" class="{" ".join(cls)}" data-kind="{_e(pair.kind)}">'
            f'<td class="n"><a href="#{uid}-s{pair.index}">{pair.index}</a></td>'
            f'<td class="en" lang="en">{en_html}</td>'
            f'<td class="ja" lang="ja">{ja}{msgs}</td>'
            f'<td class="bt" lang="en">{_e(pair.back_translation)}</td>'
            f"{_score_cell(chrf, [f for _, f in items])}</tr>"
        )
    return "".join(rows)


def _back_translation_label(report: Report) -> str:
    """Header of the back-translation column: the dictionary engine gives a word-by-word
    JMdict gloss, not a translation, and the column says so (#16)."""
    if report.signature_parts.get("bt", "").startswith("dictionary"):
        return 'Word glosses <small>(JMdict, word by word)</small>'
    return "Back-translation"


def render_report(report: Report, standalone: bool = True, title: str = "mtqa report") -> str:
    """HTML of one report.

    Args:
        report: the report to draw.
        standalone: a whole page (``--format html``, feed pages) or a fragment (Jupyter).
        title: heading (and page title); feeds pass the article id.

    Returns:
        The HTML text; all text from the inputs is escaped.
    """
    uid = _uid(report.signature, report.translation_text, title)
    where = _pair_of(report)
    has_risk = _token_risk(report) is not None
    body = (
        f'<div class="mtqa" id="{uid}"><style>{_CSS}</style>'
        f"{_summary_header(report, title)}"
        f"{_legend(report, has_risk)}"
        f"{_findings_table(report, uid, where)}"
        "<h3>Document</h3>"
        '<table class="doc"><colgroup><col class="n"><col class="en"><col class="ja">'
        '<col class="bt"><col class="s"></colgroup>'
        '<thead><tr><th>#</th><th>English (reference)</th><th>Japanese (translation)</th>'
        f"<th>{_back_translation_label(report)}</th><th>score</th></tr></thead>"
        f"<tbody>{_document_rows(report, uid, where)}</tbody></table>"
        f'<div class="sig">signature: {_e(report.signature)}</div></div>'
    )
    return _page(body, title) if standalone else body


def _page(body: str, title: str) -> str:
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)}</title></head>"
        f'<body style="margin:12px;background:#fff">{body}</body></html>\n'
    )


# --- a feed -------------------------------------------------------------------------------
def render_feed(
    feed: FeedReport,
    links: Mapping[str, str] | None = None,
    standalone: bool = True,
    title: str = "mtqa feed",
) -> str:
    """HTML overview of a feed run: one row per article, worst categories, errors.

    Args:
        feed: the feed's results.
        links: article id → URL of its page (a :func:`render_report` page); relative and
            http(s) URLs only, others are shown without a link.
        standalone: a whole page (``index.html``) or a fragment (Jupyter).
        title: heading and page title.

    Returns:
        The HTML text; all text from the inputs is escaped.
    """
    links = links or {}
    n_ok = sum(1 for i in feed.items if i.report is not None)
    n_pass = sum(1 for i in feed.items if i.report is not None and i.report.passed)
    n_err = sum(1 for i in feed.items if i.status != "ok")
    scores = [i.report.score for i in feed.items if i.report is not None]
    mean = f"{sum(scores) / len(scores):.1f}" if scores else "—"
    rows = []
    for item in feed.items:
        href = _safe_href(links[item.id]) if item.id in links else None
        name = f'<a href="{_e(href)}">{_e(item.id)}</a>' if href else _e(item.id)
        r = item.report
        if r is None:
            rows.append(
                f'<tr class="sev-critical"><td class="n id">{name}</td>'
                '<td><span class="verdict error">ERROR</span>'
                f'</td><td colspan="5">{_e(item.error or "")}</td></tr>'
            )
            continue
        c = r.counts
        cats = " ".join(
            _cat_chip(k, f"{n} {k}") for k, n in r.category_counts().items() if n
        )
        worst = min(r.finding_list, key=lambda f: (*_rank(f), f.start), default=None)
        example = (
            f'<span lang="ja" class="hl" style="background:{CATEGORY_COLORS[worst.category]}">'
            f"{_e(worst.text) or '&#8709;'}</span> {_e(_shorten(worst.message, 90))}"
            if worst is not None
            else ""
        )
        rows.append(
            f'<tr class="sev-{"major" if not r.passed else "none"}"><td class="n id">{name}</td>'
            f'<td><span class="verdict {_e(r.verdict)}">{_e(r.verdict.upper())}</span></td>'
            f'<td class="s">{r.score:.1f}</td>'
            f"<td>{' / '.join(str(c[s]) for s in SEVERITIES)}</td><td>{cats}</td>"
            f"<td>{example}</td><td>{_e('; '.join(r.gate.reasons))}</td></tr>"
        )
    sigs = sorted({i.report.signature for i in feed.items if i.report is not None})
    verdict = "pass" if feed.passed else "fail"
    body = (
        f'<div class="mtqa"><style>{_CSS}</style>'
        f'<div class="head {verdict}"><div class="main"><h2>{_e(title)}</h2>'
        f'<div class="counts"><span class="pill">{len(feed)} articles</span>'
        f'<span class="pill{" ok" if n_pass else " zero"}">{n_pass} passed</span>'
        f'<span class="pill{" sev-major" if n_ok - n_pass else " zero"}">'
        f"{n_ok - n_pass} failed</span>"
        f'<span class="pill{" sev-critical" if n_err else " zero"}">{n_err} errors</span></div>'
        f'</div><div class="score"><span class="verdict {verdict}">{verdict.upper()}</span>'
        f"<br><b>{mean}</b><small>mean MQM score</small></div></div>"
        '<table class="feed"><thead><tr><th>article</th><th>verdict</th><th>score</th>'
        "<th>crit / major / minor / info</th><th>categories</th><th>worst finding</th>"
        "<th>gate</th>"
        f"</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        + "".join(f'<div class="sig">signature: {_e(s)}</div>' for s in sigs)
        + "</div>"
    )
    return _page(body, title) if standalone else body
