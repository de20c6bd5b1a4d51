import json

import mtqa
from mtqa.report import FINDING_COLUMNS

EN = "Lavrov met Rubio on Tuesday."
JA = "Lavrovは火曜日にルビオと会った。"


def report(**kw):
    return mtqa.check(EN, JA, backtranslator="dictionary", **kw)


def test_json_contract_keys():
    d = json.loads(report().to_json())
    assert list(d) == ["schema", "signature", "summary", "segments", "findings"]
    assert d["schema"] == "mtqa.report/1"
    assert {"score", "verdict", "counts"} <= set(d["summary"])
    assert set(d["summary"]["counts"]) == {"critical", "major", "minor"}
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
