"""JUnit XML and GitHub annotations of feed records (issue #7)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from mtqa.feed import junit
from mtqa.feed.annotations import command, escape_property, github_annotations
from mtqa.feed.junit import FOOTER, JUnitStats, failure_message, finding_line, header

FINDING = {
    "category": "title", "severity": "major", "start": 3, "end": 8, "text": "外務大統領",
    "message": "'Foreign Minister' rendered as 'foreign president'",
    "reference": "Russian Foreign Minister Sergey Lavrov", "check": "titles", "line": 2,
}
MINOR = {**FINDING, "severity": "minor", "category": "untranslated", "text": "Lavrov",
         "message": "English name left untranslated", "line": 4}
FAILED = {
    "id": "riyadh", "status": "ok", "index": 0, "elapsed_s": 0.5,
    "summary": {"score": 90.0, "verdict": "fail", "counts": {"critical": 0, "major": 1,
                "minor": 1}, "reasons": ["1 major finding(s) > 0 allowed"]},
    "findings": [FINDING, MINOR], "source": {"file": "ja/riyadh.txt", "line": None},
}
PASSED = {"id": "ok & <fine>", "status": "ok", "index": 1, "elapsed_s": 0.25,
          "summary": {"score": 100.0, "verdict": "pass", "counts": {}}, "findings": [],
          "source": {"file": "feed.jsonl", "line": 2}}
ERROR = {"id": "broken", "status": "error", "index": 2, "error": "feed.jsonl:3: invalid JSON",
         "source": {"file": "feed.jsonl", "line": 3}}


def _document(records):
    stats = JUnitStats()
    for r in records:
        stats.add(r)
    return header(stats, "mtqa:0.1|bt:dictionary") + "".join(map(junit.testcase, records)) + FOOTER


def test_junit_document_parses_with_counts_and_one_testcase_per_article():
    root = ET.fromstring(_document([FAILED, PASSED, ERROR]))
    assert root.tag == "testsuites"
    (suite,) = root.findall("testsuite")
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("3", "1", "1")
    assert float(suite.get("time")) == 0.75
    assert suite.find("properties/property").get("value") == "mtqa:0.1|bt:dictionary"
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == ["riyadh", "ok & <fine>", "broken"]
    assert all(c.get("classname") and c.get("time") for c in cases)
    failure = cases[0].find("failure")
    assert failure is not None and cases[0].find("error") is None
    assert cases[1].find("failure") is None and cases[1].find("error") is None
    error = cases[2].find("error")
    assert error.get("message") == "feed.jsonl:3: invalid JSON" and cases[2].get("line") == "3"


def test_failure_message_lists_major_findings_with_japanese_and_english():
    root = ET.fromstring(_document([FAILED]))
    failure = root.find("testsuite/testcase/failure")
    message = failure.get("message")
    lines = message.split("\n")
    assert lines[0] == "gate failed: 1 major finding(s) > 0 allowed"
    assert len(lines) == 2  # the minor finding is not a reason to fail
    assert "外務大統領" in lines[1] and "Russian Foreign Minister Sergey Lavrov" in lines[1]
    assert "[line 2]" in lines[1]
    assert "Lavrov" in failure.text and "untranslated" in failure.text  # body: all findings
    assert failure_message(FAILED) == message


def test_illegal_xml_characters_do_not_break_the_file():
    rec = {**FAILED, "id": "nul\x00id", "findings": [{**FINDING, "text": "a\x01b\x0bc\ud800"}]}
    root = ET.fromstring(_document([rec]))
    case = root.find("testsuite/testcase")
    assert case.get("name") == "nul\ufffdid"
    message = case.find("failure").get("message")
    assert "a\ufffdb" in message and "c\ufffd" in message


ANNOTATION = re.compile(r"^::(error|warning)( [a-z]+=[^,:]*(,[a-z]+=[^,:]*)*)?::.+$")


def test_github_annotations_format_and_levels():
    lines = list(github_annotations(FAILED))
    assert all(ANNOTATION.match(line) for line in lines), lines
    assert lines[0].startswith("::error file=ja/riyadh.txt,line=2,title=mtqa major title::")
    assert "外務大統領" in lines[0] and "Russian Foreign Minister" in lines[0]
    assert lines[1].startswith("::warning file=ja/riyadh.txt,line=4,")
    assert lines[2].startswith("::error file=ja/riyadh.txt,title=mtqa gate::")
    assert list(github_annotations(PASSED)) == []
    # a lost sentence is a point: no text, so ∅ stands for its place
    lost = {**FINDING, "category": "omission", "start": 9, "end": 9, "text": "",
            "message": "1 English sentence missing"}
    (line, _) = github_annotations({**FAILED, "findings": [lost]})
    assert "riyadh: «∅» 1 English sentence missing" in line
    assert finding_line(lost).startswith("major omission «∅»")
    (err,) = github_annotations(ERROR)
    assert err.startswith("::error file=feed.jsonl,line=3,title=mtqa%3A article not checked::")


def test_annotation_escaping():
    assert escape_property("a,b:c%d\ne") == "a%2Cb%3Ac%25d%0Ae"
    line = command("warning", "50% of\r\nit", file="dir, x/a:b.txt", line=7, title="t")
    assert line == "::warning file=dir%2C x/a%3Ab.txt,line=7,title=t::50%25 of%0D%0Ait"
    assert "\n" not in line


def test_annotations_show_control_characters_from_the_texts():
    # an ESC, a NUL or a bell in a feed guid reached the CI log's terminal
    (err,) = github_annotations({**ERROR, "id": "x\x1by\x00z\x07"})
    assert "\x1b" not in err and "\x00" not in err and "\x07" not in err
    assert "x␛y␀z␇: " in err
