"""The HTML renderer (mtqa/report/html.py): escaping, highlights, legend, footer, feed page (#8)."""

from __future__ import annotations

import dataclasses
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

import mtqa
from mtqa.cli import main
from mtqa.config import Policy
from mtqa.report.feed import FeedItemResult, FeedReport
from mtqa.gate import evaluate
from mtqa.report.html import CATEGORY_COLORS, render_feed, render_report
from mtqa.report import Report
from mtqa.types import Finding

HOSTILE_EN = (
    'Foreign Minister Lavrov said <script>alert("en")</script> and <img src=x onerror=alert(1)>.'
)
HOSTILE_JA = '外務大統領は<script>alert("ja")</script>と<img src=x onerror=alert(2)>と述べた。'


class Page(HTMLParser):
    """Elements of interest in rendered HTML: marks (with their text), scripts, handlers."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.marks: list[dict[str, str]] = []
        self.tags: list[str] = []
        self.handlers: list[str] = []
        self.hrefs: list[str] = []
        self._open: list[dict[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        a = {k: v or "" for k, v in attrs}
        self.handlers += [k for k in a if k.startswith("on")]
        if tag == "a" and "href" in a:
            self.hrefs.append(a["href"])
        if tag == "mark":
            a["text"] = ""
            self._open.append(a)

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark" and self._open:
            self.marks.append(self._open.pop())

    def handle_data(self, data: str) -> None:
        for m in self._open:
            m["text"] += data


def parse(html: str) -> Page:
    p = Page()
    p.feed(html)
    return p


def finding(report: Report, text: str, category: str, severity: str = "major",
            message: str = "msg", reference: str = "", segment: int = 0,
            occurrence: int = 1) -> Finding:
    """A Finding on the ``occurrence``-th ``text`` of the report's Japanese."""
    ja = report.translation_text
    start = -1
    for _ in range(occurrence):
        start = ja.index(text, start + 1)
    return Finding(category, severity, start, start + len(text), text, message, reference,
                   "test", segment=segment)


def with_findings(report: Report, *findings: Finding) -> Report:
    """``report`` with these findings instead of its own, gate re-evaluated."""
    fs = tuple(sorted(findings, key=lambda f: f.start))
    return dataclasses.replace(report, finding_list=fs, gate=evaluate(fs, report.score, Policy()))


@pytest.fixture(scope="module")
def base() -> Report:
    return mtqa.check_segments(
        [
            ("Russian Foreign Minister Sergey Lavrov met Rubio on Tuesday.",
             "ロシアのセルゲイ・ラヴロフ外務大統領は火曜日に火曜日にルビオと会った。"),
            ("The talks lasted four hours.", "協議は続いた。"),
        ],
        backtranslator="dictionary",
    )


def test_hostile_text_is_escaped_everywhere():
    r = mtqa.check(HOSTILE_EN, HOSTILE_JA, backtranslator="dictionary")
    f = finding(r, "外務大統領", "title", message='bad <script>x</script> "quote" onerror=1',
                reference='<u onmouseover="x">Foreign Minister</u>', segment=r.pairs[-1].index)
    r = dataclasses.replace(with_findings(r, f), notes=("<script>note</script>",),
                            meta={"url": "javascript:alert(1)", "title": "<i>t</i>"})
    for html in (r.to_html(), r._repr_html_(), render_report(r, title="<script>t</script>")):
        page = parse(html)
        assert not {"script", "img", "u"} & set(page.tags)
        assert page.handlers == []
        assert not any(h.lower().startswith("javascript") for h in page.hrefs)
        assert "&lt;script&gt;" in html and "onerror=" in html  # shown as text, inert
        assert "<i>t</i>" not in html


def test_flagged_spans_are_marks_with_message_and_colour(base):
    f1 = finding(base, "外務大統領", "title", message="'Foreign Minister' rendered as 'foreign "
                 "president'", reference="Foreign Minister")
    f2 = finding(base, "火曜日に", "repetition", occurrence=2, message="repeats")
    f3 = finding(base, "協議", "mistranslation", "minor", segment=1, message="odd word")
    r = with_findings(base, f1, f2, f3)
    page = parse(r.to_html())
    marks = {m["text"]: m for m in page.marks}
    assert set(marks) == {"外務大統領", "火曜日に", "協議"}
    title = marks["外務大統領"]
    assert "foreign president" in title["title"] and "Foreign Minister" in title["title"]
    assert CATEGORY_COLORS["title"] in title["style"]
    assert "sev-major" in title["class"] and "sev-minor" in marks["協議"]["class"]
    assert marks["火曜日に"]["data-category"] == "repetition"
    # the second occurrence is marked, not the first
    html = r.to_html()
    assert "は火曜日に<mark" in html


def test_english_counterpart_is_outlined_and_named(base):
    f = finding(base, "外務大統領", "title", reference="Foreign Minister", message="wrong title")
    html = with_findings(base, f).to_html()
    assert 'class="src cat-title"' in html and ">Foreign Minister</span>" in html
    assert "← “Foreign Minister”" in html
    # a finding whose reference is the whole sentence outlines nothing
    g = finding(base, "外務大統領", "title", reference=base.pairs[0].reference)
    assert 'class="src cat-' not in with_findings(base, g).to_html()


def test_overlapping_findings_share_one_mark(base):
    a = finding(base, "ラヴロフ外務", "name", message="first")
    b = finding(base, "外務大統領", "title", message="second")
    page = parse(with_findings(base, a, b).to_html())
    assert [m["text"] for m in page.marks] == ["ラヴロフ外務大統領"]
    m = page.marks[0]
    assert "first" in m["title"] and "second" in m["title"]
    assert m["data-categories"] == "name title" and m["data-findings"] == "1 2"


def test_point_finding_marks_the_gap(base):
    ja = base.translation_text
    at = ja.index("協議は") + 3
    omission = Finding("omission", "major", at, at, "", "'for four hours' is missing",
                       "lasted four hours", "test", segment=1)
    page = parse(with_findings(base, omission).to_html())
    assert [m["text"] for m in page.marks] == ["∅"]
    assert "gap" in page.marks[0]["class"] and "four hours" in page.marks[0]["title"]


def test_document_level_finding_without_segment_is_drawn(base):
    f = dataclasses.replace(finding(base, "協議", "name", segment=1), segment=None)
    r = with_findings(base, f)
    assert [m["text"] for m in parse(r.to_html()).marks] == ["協議"]
    assert r.finding_segments() == [1]


def test_span_over_two_sentences_is_marked_in_both_and_explained_once(base):
    ja = base.translation_text
    start = ja.index("会った。")
    end = ja.index("協議は") + 3
    f = Finding("scrambled", "major", start, end, ja[start:end], "clause cut across", "",
                "test", segment=0)
    html = with_findings(base, f).to_html()
    page = parse(html)
    assert [m["text"] for m in page.marks] == ["会った。", "協議は"]
    assert all(m["data-findings"] == "1" for m in page.marks)
    assert html.count('<ol class="msgs">') == 1


def test_page_chrome_findings_are_folded_away(base):
    f = finding(base, "協議は続いた。", "boilerplate", "info", segment=1,
                message="page chrome, not article content")
    html = with_findings(base, f).to_html()
    assert "No findings." in html  # an informational finding is not an error
    folded = html[html.index('<details class="chrome">'):html.index("</details>")]
    assert "page chrome, not article content" in folded and ">info<" in folded
    assert [m["text"] for m in parse(html).marks] == ["協議は続いた。"]


def test_severity_shown_is_the_findings_own(base):
    """#16: boilerplate was "minor" in JSON/CSV but drawn as "info" in HTML. The HTML now
    shows the finding's severity: a policy that raises boilerplate to minor is an error."""
    f = finding(base, "協議は続いた。", "boilerplate", "minor", segment=1,
                message="page chrome, not article content")
    html = with_findings(base, f).to_html()
    assert "Findings (1)" in html and '<details class="chrome">' not in html
    assert '<span class="sev minor">minor</span>' in html and ">info<" not in html
    assert 'class="pill sev-minor">1 minor' in html and 'class="pill zero">0 info' in html


def test_summary_header_legend_notes_and_signature(base):
    r = dataclasses.replace(
        with_findings(base, finding(base, "外務大統領", "title")),
        notes=("Marian model not available offline; using the dictionary back-translator",),
    )
    html = r.to_html()
    assert html.startswith("<!DOCTYPE html>") and "</html>" in html
    frag = r._repr_html_()
    assert not frag.startswith("<!DOCTYPE") and frag in html
    assert "FAIL" in frag and f"{r.score:.1f}" in frag and "1 major" in frag
    assert "dictionary back-translator" in frag
    assert r.signature in frag and 'class="sig"' in frag
    assert all(f">{c}</span>" in frag for c in CATEGORY_COLORS)  # the legend
    assert "Findings (1)" in frag and "chrF" in frag


def test_clean_report_says_so(base):
    html = with_findings(base).to_html()
    assert "No findings." in html and "PASS" in html and parse(html).marks == []


class RiskyReport(Report):
    """A report carrying token risk (the optional attribute another module adds)."""

    token_risk = None


def test_token_risk_underline_only_when_present_and_valid(base):
    ja = base.translation_text
    s = ja.index("ルビオ")
    rel = ja.index("続い") - base.pairs[1].mt_start
    risk = pd.DataFrame(
        [
            {"segment": 0, "start": s, "end": s + 3, "token": "ルビオ", "risk": 0.9},
            {"segment": 1, "start": rel, "end": rel + 2, "token": "続い", "risk": 0.6},
            {"segment": 0, "start": 0, "end": 2, "token": "ロシ", "risk": 0.1},  # below RISK_MIN
            {"segment": 0, "start": 3, "end": 5, "token": "ZZ", "risk": 0.9},  # wrong offsets
        ]
    )
    fields = {f.name: getattr(base, f.name) for f in dataclasses.fields(base)}
    risky = RiskyReport(**fields)
    object.__setattr__(risky, "token_risk", risk)
    html = risky.to_html()
    assert html.count('class="risk"') == 2 + 1  # two tokens + the legend sample
    assert ">ルビオ</span>" in html and ">続い</span>" in html and "token risk 0.90" in html
    # a report without token risk draws no underline
    plain = dataclasses.replace(base, token_risks=(), segment_list=tuple(
        dataclasses.replace(s, risk=None) for s in base.segment_list))
    assert 'class="risk"' not in plain.to_html()


def test_cli_html_is_the_same_renderer(tmp_path: Path):
    en, ja, out = tmp_path / "en.txt", tmp_path / "ja.txt", tmp_path / "r.html"
    en.write_text(HOSTILE_EN, encoding="utf-8")
    ja.write_text(HOSTILE_JA, encoding="utf-8")
    rc = main(["check", str(en), str(ja), "--format", "html", "-o", str(out),
               "--backtranslator", "dictionary"])
    assert rc in (0, 1)
    r = mtqa.check(HOSTILE_EN, HOSTILE_JA, backtranslator="dictionary")
    assert out.read_text(encoding="utf-8") == r.to_html()


def test_feed_page_links_escapes_and_errors(base):
    bad = with_findings(base, finding(base, "外務大統領", "title"))
    feed = FeedReport(
        [
            FeedItemResult("<u>a</u>", "ok", report=bad),
            FeedItemResult("clean", "ok", report=with_findings(base)),
            FeedItemResult("broken", "error", error="missing file <x>"),
        ]
    )
    html = render_feed(feed, links={"<u>a</u>": "a.html", "clean": "javascript:alert(1)"})
    page = parse(html)
    assert page.hrefs == ["a.html"] and "u" not in page.tags
    assert "&lt;u&gt;a&lt;/u&gt;" in html and "missing file &lt;x&gt;" in html
    assert "ERROR" in html and "1 failed" in html and "1 passed" in html
    assert feed._repr_html_() == render_feed(feed, standalone=False)


def test_dictionary_column_is_labelled_word_glosses(base):
    """#16: the dictionary engine's column read as a translation ("Japanese cherry birch");
    it is a word-by-word gloss and says so."""
    assert "bt:dictionary" in base.signature
    html = base.to_html()
    assert "<th>Word glosses <small>(JMdict, word by word)</small></th>" in html
    marian = dataclasses.replace(base, signature_parts={**base.signature_parts,
                                                        "bt": "marian-1"})
    assert "<th>Back-translation</th>" in marian.to_html()
