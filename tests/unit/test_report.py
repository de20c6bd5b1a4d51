import csv
import dataclasses
import io
import json
import re
from collections import Counter

import pytest

import mtqa
from mtqa.config import Policy
from mtqa.report.feed import FeedReport
from mtqa.gate import evaluate
from mtqa.report import FINDING_COLUMNS
from mtqa.types import SEVERITIES, Finding

EN = "Lavrov met Rubio on Tuesday."
JA = "Lavrovは火曜日にルビオと会った。"


def report(**kw):
    return mtqa.check(EN, JA, backtranslator="dictionary", **kw)


def test_json_contract_keys():
    d = json.loads(report().to_json())
    # "policy" was added by #16; the schema name stays (an addition, not a change)
    assert list(d) == ["schema", "signature", "summary", "segments", "findings", "policy"]
    assert d["schema"] == "mtqa.report/1"
    assert {"score", "verdict", "counts"} <= set(d["summary"])
    assert list(d["summary"]["counts"]) == ["critical", "major", "minor", "info"]
    assert d["policy"]["source"] == "defaults" and d["policy"]["max_major"] == 0
    seg = d["segments"][0]
    for k in ("ref_start", "ref_end", "mt_start", "mt_end", "reference", "translation",
              "back_translation", "chrf"):
        assert k in seg
    f = d["findings"][0]
    for k in ("category", "severity", "start", "end", "text", "message", "reference", "check"):
        assert k in f
    assert JA[f["start"] : f["end"]] == f["text"] == "Lavrov"


def test_dataframes_have_stable_columns_and_signature():
    r = report()
    assert tuple(r.findings.columns) == FINDING_COLUMNS
    assert r.findings.attrs["signature"] == r.signature
    assert len(r.segments) == 1


def test_signature_changes_with_knobs():
    a = report().signature
    b = report(checks=("repetition",)).signature
    c = report(max_major=3).signature
    assert len({a, b, c}) == 3
    assert "bt:dictionary" in a and "align:" in a and "mtqa:" in a and "dict:jmdict" in a


def test_html_escapes_text():
    r = mtqa.check("<script>alert(1)</script> Lavrov spoke.",
                   "<script>alert(1)</script> Lavrovは話した。", backtranslator="dictionary")
    html = r.to_html()
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html


def test_csv_and_text():
    r = report()
    assert r.to_csv().splitlines()[0].startswith("category,severity,start,end")
    text = r.to_text()
    assert text.startswith("mtqa: score") and "【Lavrov】" in text


# --- #16: the outputs agree ---------------------------------------------------------------
def _text_listed(text: str) -> Counter:
    """Severities of the finding lines of the text output ("     - major title [...")."""
    return Counter(m.group(1) for m in re.finditer(r"^     - (\w+) ", text, re.M))


def _text_header(text: str) -> dict[str, int]:
    head = text.splitlines()[0]
    return {s: int(re.search(rf"{s} (\d+)", head).group(1)) for s in SEVERITIES}


def test_counts_agree_in_every_output(riyadh_report):
    """#16.4: boilerplate was minor in JSON/CSV/DataFrame, left out of the counts (minor 8
    beside 15 minor rows) and "info" in HTML. One severity, the same everywhere."""
    r = riyadh_report
    d = json.loads(r.to_json())
    counts = d["summary"]["counts"]
    assert sum(counts.values()) == len(d["findings"]) == len(r.finding_list)
    assert Counter(f["severity"] for f in d["findings"]) == Counter(
        {k: v for k, v in counts.items() if v})
    assert all(f["severity"] == "info" for f in d["findings"] if f["category"] == "boilerplate")
    assert counts["info"] == d["summary"]["categories"]["boilerplate"] > 0
    rows = list(csv.DictReader(io.StringIO(r.to_csv())))
    assert Counter(row["severity"] for row in rows) == Counter(
        f["severity"] for f in d["findings"])
    df = r.findings
    assert df["severity"].value_counts().to_dict() == {k: v for k, v in counts.items() if v}
    assert r.counts_table()[list(SEVERITIES)].sum().to_dict() == counts
    placed = Counter(f.severity for f, seg in zip(r.finding_list, r.finding_segments())
                     if seg is not None)
    assert r.sentence_scores()[list(SEVERITIES)].sum().to_dict() == {
        k: placed[k] for k in SEVERITIES}
    text = r.to_text()
    assert _text_header(text) == counts
    html = r.to_html()
    for sev, n in counts.items():
        assert re.search(rf'class="pill[^"]*">{n} {sev}</span>', html), sev
    assert html.count('<span class="sev info">info</span>') == counts["info"]
    summary = FeedReport.from_reports({"riyadh": r}).summary.iloc[0]
    assert {k: int(summary[k]) for k in SEVERITIES} == counts


def test_text_lists_every_counted_finding(riyadh_report):
    """#16.3: the header said "minor 8" and listed 7: SCR002 (an unclosed 「, no segment)
    was in the JSON, CSV and HTML but not in the text."""
    text = riyadh_report.to_text()
    assert _text_listed(text) == Counter(
        {k: v for k, v in riyadh_report.counts.items() if v})
    orphans = [f for f in riyadh_report.finding_list
               if f.segment is None and f.severity != "info"]
    assert ("[document]" in text) == bool(orphans)
    for f in riyadh_report.finding_list:
        assert f"{f.start}-{f.end}" in text


def test_text_document_block_on_a_constructed_report():
    r = report()
    ja = r.translation_text
    doc = Finding("scrambled", "minor", 0, 1, ja[0], "quote never closed", "", "scrambled",
                  code="SCR002", segment=None)
    info = Finding("boilerplate", "info", 1, 2, ja[1], "page chrome", "", "alignment",
                   segment=0)
    fs = (*r.finding_list, doc, info)
    r = dataclasses.replace(r, finding_list=fs, gate=evaluate(fs, r.score, Policy()))
    text = r.to_text()
    block = text[text.index("[document]"):]
    assert "quote never closed" in block and "JA: …【" in block
    assert "informational (info" in text and "page chrome" in text
    assert sum(_text_listed(text).values()) == len(fs)


def test_text_shows_a_lost_sentence_between_the_japanese_around_its_place():
    """A sentence with no Japanese is reported at a point (an empty span): the text report
    shows that place marked ∅ between the Japanese before and after it, not an empty line."""
    en = ("The council approved the budget on Monday. The vote was seven to two. "
          "A public meeting is planned for next week.")
    ja = "市議会は月曜日、予算案を承認した。来週、公開の会合が予定されている。"
    r = mtqa.check(en, ja, backtranslator="dictionary")
    (f,) = [f for f in r.finding_list if f.code == "ALN001"]
    assert f.start == f.end == ja.index("来週") and f.text == ""
    line = next(x for x in r.to_text().splitlines() if "∅" in x)
    assert "予算案を承認した。【∅】来週、公開の会合" in line


def test_segment_column_is_a_nullable_integer(riyadh_report):
    """Friction #16: the segment column showed 3.0 (floats, because of the nulls)."""
    df = riyadh_report.findings
    assert str(df["segment"].dtype) == "Int64"
    shown = df["segment"].dropna().astype(str).tolist()
    assert shown and not any("." in v for v in shown)
    feed = FeedReport.from_reports({"riyadh": riyadh_report}).findings
    assert str(feed["segment"].dtype) == "Int64"


def test_repr_is_one_short_line(riyadh_report):
    """Friction #16: repr(report) was 19,000 characters."""
    text = repr(riyadh_report)
    c = riyadh_report.counts
    assert "\n" not in text and len(text) < 200
    assert text == (f"<Report score={riyadh_report.score} verdict={riyadh_report.verdict} "
                    f"critical={c['critical']} major={c['major']} minor={c['minor']} "
                    f"info={c['info']} segments={len(riyadh_report.pairs)} policy=defaults>")


def test_findings_at_least_takes_info():
    r = report()
    assert len(r.findings_at_least("info")) == len(r.finding_list)
    with pytest.raises(mtqa.errors.ConfigError, match="info"):
        r.findings_at_least("trivial")


def test_info_findings_are_not_junit_failures_nor_annotations():
    from mtqa.feed import junit
    from mtqa.feed.annotations import github_annotations

    r = report(config=False)
    ja = r.translation_text
    info = (Finding("boilerplate", "info", 0, 6, ja[0:6], "page chrome", "", "alignment",
                    segment=0),)
    r = dataclasses.replace(r, finding_list=info, gate=evaluate(info, 100.0, Policy()),
                            score=100.0)
    record = {"id": "a", "status": "ok", **r.to_dict()}
    assert record["summary"]["counts"] == {"critical": 0, "major": 0, "minor": 0, "info": 1}
    assert junit.testcase(record).strip().endswith("/>")  # a passing testcase
    assert list(github_annotations(record)) == []


def test_csv_cells_that_look_like_formulas_are_neutralised(riyadh_report) -> None:
    """A span or message from an untrusted translation never runs as a spreadsheet formula."""
    import csv
    import dataclasses
    import io

    f = riyadh_report.finding_list[0]
    evil = dataclasses.replace(f, message="=HYPERLINK(\"http://x\",\"y\")")
    report = dataclasses.replace(riyadh_report, finding_list=(evil,))
    rows = list(csv.DictReader(io.StringIO(report.to_csv())))
    assert rows[0]["message"].startswith("'=HYPERLINK")
    assert rows[0]["start"] == str(f.start)


def test_csv_cells_show_control_characters(riyadh_report) -> None:
    """A NUL in a cell stops csv readers ("line contains NUL") and spreadsheets: shown as
    ␀, as a terminal escape as ␛; the JSON keeps the text exact."""
    import csv
    import dataclasses
    import io

    f = riyadh_report.finding_list[0]
    odd = dataclasses.replace(f, message="a\x00b\x1b[31mc\td\re")
    report = dataclasses.replace(riyadh_report, finding_list=(odd,))
    rows = list(csv.DictReader(io.StringIO(report.to_csv())))
    assert len(rows) == 1 and rows[0]["message"] == "a␀b␛[31mc\td␍e"  # a bare CR split rows
    assert json.loads(report.to_json())["findings"][0]["message"] == "a\x00b\x1b[31mc\td\re"


def test_text_report_shows_control_characters_instead_of_sending_them_to_the_terminal():
    from tests.conftest import RIYADH

    en = (RIYADH / "en.txt").read_text(encoding="utf-8")
    ja = (RIYADH / "ja.txt").read_text(encoding="utf-8")
    at = ja.index("外務大統領")  # a flagged span: its sentence is printed with its findings
    ja = ja[:at] + "\x07\x1b[1m" + ja[at:]
    report = mtqa.check(en, ja, backtranslator="dictionary")
    assert "ラヴロフ␇␛[1m【外務大統領】" in report.to_text()
    colored = report.to_text(color=True)  # only the report's own colour codes reach it
    assert "ラヴロフ␇␛[1m\x1b[31m【外務大統領】\x1b[0m" in colored
    assert "\x07" not in colored and "\x1b[1m" not in colored
    # the JSON keeps the text exactly
    f = next(f for f in report.finding_list if "外務大統領" in f.text)
    assert ja[f.start : f.end] == f.text


def test_a_terminal_escape_pasted_into_the_translation_is_no_number():
    # ESC [31m: the "31" is a colour, not a number the English lacks
    report = mtqa.check(
        "Prices rose 5% in March. Wages rose too, and rents went up in the cities where "
        "most people live.",
        "3月に物価が\x1b[31m5%上昇\x1b[0mした。賃金も上昇し、ほとんどの人が住む都市では家賃が上がった。",
        backtranslator="dictionary")
    assert [f.code for f in report.finding_list] == []


def test_worst_sentences_and_a_clean_reports_findings_table(riyadh_report) -> None:
    from mtqa.errors import ConfigError

    assert len(riyadh_report.worst_sentences(2)) == 2
    with pytest.raises(ConfigError, match="n=-1"):
        riyadh_report.worst_sentences(-1)  # head(-1) gave all rows but one
    clean = mtqa.check("Prices rose 5% in March.", "3月に物価が5%上昇した。",
                       backtranslator="dictionary")
    df = clean.findings
    assert df.empty and str(df["start"].dtype) == str(df["end"].dtype) == "int64"
    import pandas as pd

    both = pd.concat([riyadh_report.findings, df])
    assert str(both["start"].dtype) == "int64"
