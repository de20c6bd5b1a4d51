"""``mtqa feed`` end to end (issue #7) and its robustness cases (issue #9): statuses,
exit codes, outputs, JUnit, annotations, policy files, RSS/Atom, hostile XML, workers,
and resuming after SIGTERM/SIGKILL without losing or duplicating an item."""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from mtqa.cli import main
from mtqa.feed.outputs import FeedOutputs, iter_journal
from tests.conftest import CASES, ROOT, case_names

DICT = ["--backtranslator", "dictionary"]
EN_OK = "The minister arrived in Tokyo on Monday."
JA_OK = "大臣は月曜日に東京に到着した。"
#: A run killed after this many items were written (the manifests below are longer).
KILL_AFTER = 2


def _line(**kw: object) -> str:
    return json.dumps(kw, ensure_ascii=False)


@pytest.fixture()
def workspace(tmp_path, monkeypatch):
    """A folder with the annotated cases under texts/, as the working directory."""
    (tmp_path / "texts").mkdir()
    for name in case_names():
        for lang in ("en", "ja"):
            shutil.copy(CASES / f"{name}.{lang}.txt", tmp_path / "texts")
    monkeypatch.chdir(tmp_path)
    for var in [v for v in os.environ if v.startswith("MTQA_")]:
        monkeypatch.delenv(var)
    return tmp_path


def _records(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "report.jsonl").read_text("utf-8").splitlines()]


def _mixed_manifest(ws: Path) -> Path:
    """Good, bad (fails the gate) and broken items."""
    lines = [
        _line(id="good", reference=EN_OK, translation=JA_OK, title="ok <b>"),
        _line(id="bad", reference="texts/f1-race.en.txt", translation="texts/f1-race.ja.txt"),
        _line(id="missing", reference="texts/nope.en.txt", translation="texts/f1-race.ja.txt"),
        '{"id": "broken", "reference": ',
        _line(id="empty", reference=EN_OK, translation=""),
        _line(id="good", reference=EN_OK, translation=JA_OK),
        _line(id="xss", reference=EN_OK, translation=JA_OK + "<script>alert(1)</script>"),
    ]
    p = ws / "feed.jsonl"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


def test_manifest_with_good_bad_and_broken_items(workspace, capsys):
    manifest = _mixed_manifest(workspace)
    rc = main(["feed", str(manifest), "--out", "out", "--annotations", "github", *DICT])
    captured = capsys.readouterr()
    assert rc == 1
    out = workspace / "out"
    recs = _records(out)
    # every input item exactly once, in input order
    assert [r["index"] for r in recs] == list(range(7))
    assert [r["id"] for r in recs] == ["good", "bad", "missing", "line-4", "empty", "good", "xss"]
    status = {r["index"]: (r["status"], r.get("summary", {}).get("verdict")) for r in recs}
    assert status[0] == ("ok", "pass") and status[1] == ("ok", "fail")
    assert [status[i][0] for i in (2, 3, 4, 5)] == ["error"] * 4
    errors = {r["index"]: r["error"] for r in recs if r["status"] == "error"}
    assert "no such file" in errors[2] and "invalid JSON" in errors[3]
    assert "empty" in errors[4] and "duplicate id 'good'" in errors[5]
    # report objects keep the docs/DESIGN.md contract; offsets index the Japanese exactly
    bad = recs[1]
    assert list(bad)[:8] == ["id", "status", "index", "schema", "signature", "summary",
                             "segments", "findings"]
    ja = (workspace / "texts" / "f1-race.ja.txt").read_text("utf-8")
    lines = ja.split("\n")
    for f in bad["findings"]:
        assert ja[f["start"]:f["end"]] == f["text"]
        assert f["text"] in lines[f["line"] - 1] or "\n" in f["text"]
    # summary.csv: one row per item
    with (out / "summary.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["id"] for r in rows] == [r["id"] for r in recs]
    assert {"id", "score", "verdict", "major", "untranslated", "omission"} <= set(rows[0])
    assert rows[1]["verdict"] == "fail" and int(rows[1]["major"]) >= 1
    # junit.xml: parseable, one testcase per item, failures and errors
    suite = ET.parse(out / "junit.xml").getroot().find("testsuite")
    cases = suite.findall("testcase")
    assert len(cases) == 7 and suite.get("tests") == "7"
    assert suite.get("errors") == "4" and suite.get("failures") == "2"  # bad, xss
    failure = cases[1].find("failure")
    first_major = next(f for f in bad["findings"] if f["severity"] == "major")
    assert first_major["text"] in failure.get("message")
    assert cases[3].find("error") is not None and cases[0].find("failure") is None
    # index.html links a page per checked article; pages exist; text is escaped
    index = (out / "index.html").read_text("utf-8")
    for r in recs:
        if r["status"] == "ok":
            assert f'href="{r["page"]}"' in index and (out / r["page"]).is_file()
    assert "<script>alert" not in index and "ok <b>" not in index
    assert "<script>alert" not in (out / recs[6]["page"]).read_text("utf-8")
    # annotations on stdout, one workflow command a line
    ann = [x for x in captured.out.splitlines() if x.startswith("::")]
    assert ann and all(re.match(r"^::(error|warning) file=[^,]+(,line=\d+)?,title=[^:]+::.", x)
                       for x in ann)
    assert any(x.startswith("::error file=feed.jsonl,line=4,") for x in ann)
    assert any(x.startswith("::error file=texts/f1-race.ja.txt,line=") for x in ann)
    assert ("7 articles in the input: 7 checked now; 1 passed, 2 failed the gate, "
            "4 could not be checked; reports in out") in captured.err
    assert "Traceback" not in captured.err


def test_all_pass_exits_0_and_writes_no_annotations(workspace, capsys):
    (workspace / "a.en.txt").write_text(EN_OK, encoding="utf-8")
    (workspace / "a.ja.txt").write_text(JA_OK, encoding="utf-8")
    rc = main(["feed", ".", "--out", "out", "--annotations", "github", "-q", *DICT])
    captured = capsys.readouterr()
    assert rc == 0 and captured.out == "" and captured.err == ""
    assert [r["id"] for r in _records(workspace / "out")] == ["a"]


@pytest.mark.parametrize(
    "args,message",
    [
        (["missing.jsonl", "--out", "out"], "missing.jsonl: no such"),
        (["feed.jsonl", "--out", "no/such/dir/out"], "does not exist"),
        (["feed.jsonl", "--out", "out", "--config", "none.toml"], "no such policy file"),
        (["feed.jsonl", "--out", "out", "--severity", "name=fatal"], "unknown severity"),
        (["--reference-feed", "en.xml", "--out", "out"], "--translation-feed"),
    ],
)
def test_unusable_input_or_options_exit_2_with_one_line(workspace, capsys, args, message):
    _mixed_manifest(workspace)
    rc = main(["feed", *args, *DICT])
    err = capsys.readouterr().err
    assert rc == 2 and message in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_policy_file_and_command_line_override(workspace, capsys):
    p = workspace / "feed.jsonl"
    p.write_text(_line(id="bad", reference="texts/f1-race.en.txt",
                       translation="texts/f1-race.ja.txt") + "\n", encoding="utf-8")
    (workspace / "mtqa.toml").write_text("max_major = 50\nmax_minor = 50\nbacktranslator = "
                                         "'dictionary'\n", encoding="utf-8")
    assert main(["feed", "feed.jsonl", "--out", "out", "-q"]) == 0
    assert _records(workspace / "out")[0]["summary"]["verdict"] == "pass"
    assert main(["feed", "feed.jsonl", "--out", "out", "-q", "--max-major", "0"]) == 1
    assert main(["feed", "feed.jsonl", "--out", "out", "-q", "--no-config", *DICT]) == 1


def test_resume_with_other_input_or_options_is_refused(workspace, capsys):
    manifest = _mixed_manifest(workspace)
    assert main(["feed", str(manifest), "--out", "out", "-q", *DICT]) == 1
    rc = main(["feed", str(manifest), "--out", "out", "-q", "--resume", "--max-major", "9",
               *DICT])
    assert rc == 2 and "--resume with a different config" in capsys.readouterr().err
    lines = manifest.read_text("utf-8").splitlines()
    manifest.write_text("\n".join([lines[1], lines[0], *lines[2:]]) + "\n", encoding="utf-8")
    rc = main(["feed", str(manifest), "--out", "out", "-q", "--resume", *DICT])
    assert rc == 2 and "the input changed" in capsys.readouterr().err
    assert len(_records(workspace / "out")) == 7  # nothing lost by the refused runs


def test_resume_with_a_damaged_state_file_is_refused(workspace, capsys):
    # an unreadable .mtqa-feed.json turned the options check off: articles judged under two
    # policies were mixed in one report
    manifest = _mixed_manifest(workspace)
    assert main(["feed", str(manifest), "--out", "out", "-q", *DICT]) == 1
    (workspace / "out" / ".mtqa-feed.json").write_text("{not json", encoding="utf-8")
    rc = main(["feed", str(manifest), "--out", "out", "-q", "--resume", "--max-major", "100",
               *DICT])
    err = capsys.readouterr().err
    assert rc == 2 and "unreadable" in err and "rerun without --resume" in err
    assert len(_records(workspace / "out")) == 7  # nothing lost by the refused run


RSS_EN = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>News</title><link>https://ex.com/en</link>
<description>d</description>
<item><title>Arrival</title><link>https://ex.com/en/1</link><guid>s1</guid>
<description>&lt;p&gt;The minister arrived in Tokyo on Monday.&lt;/p&gt;</description></item>
<item><title>Race</title><link>https://ex.com/en/2</link><guid>s2</guid>
<description>{f1_en}</description></item>
<item><title>Alone</title><link>https://ex.com/en/3</link><guid>s3</guid>
<description>No translation.</description></item>
</channel></rss>
"""
ATOM_JA = """<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>ニュース</title><id>urn:ja</id>
<updated>2024-01-01T00:00:00Z</updated>
<entry><title>到着</title><id>urn:ja:1</id><updated>2024-01-01T00:00:00Z</updated>
<link rel="alternate" href="https://ex.com/ja/1"/>
<link rel="alternate" hreflang="en" href="https://ex.com/en/1"/>
<content type="html">&lt;p&gt;大臣は月曜日に東京に到着した。&lt;/p&gt;</content></entry>
<entry><title>レース</title><id>s2</id><updated>2024-01-01T00:00:00Z</updated>
<link href="https://ex.com/ja/2"/><content type="text">{f1_ja}</content></entry>
</feed>
"""


def test_rss_and_atom_feeds(workspace, capsys):
    from xml.sax.saxutils import escape

    f1_en = escape((workspace / "texts" / "f1-race.en.txt").read_text("utf-8"))
    f1_ja = escape((workspace / "texts" / "f1-race.ja.txt").read_text("utf-8"))
    (workspace / "en.xml").write_text(RSS_EN.replace("{f1_en}", f1_en), encoding="utf-8")
    (workspace / "ja.xml").write_text(ATOM_JA.replace("{f1_ja}", f1_ja), encoding="utf-8")
    rc = main(["feed", "--reference-feed", "en.xml", "--translation-feed", "ja.xml",
               "--out", "out", "-q", *DICT])
    recs = _records(workspace / "out")
    assert rc == 1
    assert [(r["id"], r["status"]) for r in recs] == [("s1", "ok"), ("s2", "ok"),
                                                      ("s3", "error")]
    assert recs[0]["summary"]["verdict"] == "pass"
    assert recs[0]["meta"]["translation_url"] == "https://ex.com/ja/1"
    assert recs[1]["summary"]["verdict"] == "fail"  # the garbled case, taken from the feed
    assert "no matching entry" in recs[2]["error"]


@pytest.mark.parametrize(
    "payload",
    [
        '<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>',
        '<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    ],
)
def test_xml_bombs_and_external_entities_refused(workspace, capsys, payload):
    body = ('<?xml version="1.0"?>' + payload + '<rss version="2.0"><channel><title>t</title>'
            "<item><title>&xxe;</title><link>https://ex.com/en/1</link><description>&c;"
            "</description></item></channel></rss>")
    (workspace / "en.xml").write_text(body, encoding="utf-8")
    (workspace / "ja.xml").write_text(ATOM_JA, encoding="utf-8")
    rc = main(["feed", "--reference-feed", "en.xml", "--translation-feed", "ja.xml",
               "--out", "out", *DICT])
    err = capsys.readouterr().err
    assert rc == 2 and "en.xml" in err and "entities" in err and err.count("\n") == 1
    assert not (workspace / "out").exists()  # refused before anything was written


def test_jobs_2_gives_the_same_records_as_one_process(workspace, capsys):
    manifest = _mixed_manifest(workspace)
    assert main(["feed", str(manifest), "--out", "one", "-q", *DICT]) == 1
    assert main(["feed", str(manifest), "--out", "two", "-q", "--jobs", "2", *DICT]) == 1

    def strip(recs):
        return [{k: v for k, v in r.items() if k != "elapsed_s"} for r in recs]

    assert strip(_records(workspace / "one")) == strip(_records(workspace / "two"))


def test_check_feed_api_returns_a_feed_report(workspace):
    import mtqa

    report = mtqa.check_feed([("a", EN_OK, JA_OK), ("b", EN_OK, "")], backtranslator="dictionary")
    assert [i.status for i in report] == ["ok", "error"] and not report.passed
    assert list(report.summary["id"]) == ["a", "b"]
    assert report.items[0].report.verdict == "pass"
    again = mtqa.check_feed([("a", EN_OK, JA_OK)], out=workspace / "api", backtranslator="dictionary")
    assert [i.id for i in again] == ["a"] and again.passed
    assert [r["id"] for r in _records(workspace / "api")] == ["a"]
    assert (workspace / "api" / "junit.xml").is_file()


def test_journal_torn_line_and_order_recovered(tmp_path):
    out = FeedOutputs(tmp_path / "out", pages=False)
    state = {"input": "x", "config": "y"}
    assert out.open(False, state) == {}
    for index in (0, 2, 1):
        out.write({"id": f"i{index}", "status": "error", "index": index, "error": "e"}, None)
    out.close()
    with (tmp_path / "out" / "report.jsonl").open("ab") as fh:
        fh.write(b'{"id": "i3", "status": "ok", "ind')  # killed mid-write
    out = FeedOutputs(tmp_path / "out", pages=False)
    assert {i: d.id for i, d in out.open(True, state).items()} == {0: "i0", 2: "i2", 1: "i1"}
    out.write({"id": "i3", "status": "error", "index": 3, "error": "e"}, None)
    totals = out.finalize()
    out.close()
    assert [r["index"] for r in iter_journal(tmp_path / "out" / "report.jsonl")] == [0, 1, 2, 3]
    assert totals.items == 4 and totals.errors == 4


def test_folder_with_files_not_written_by_mtqa_is_not_overwritten(tmp_path):
    from mtqa.errors import InputError

    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "index.html").write_text("the newsroom's page", encoding="utf-8")
    with pytest.raises(InputError, match="not written by mtqa feed"):
        FeedOutputs(tmp_path / "out").open(False, {})
    assert (tmp_path / "out" / "index.html").read_text("utf-8") == "the newsroom's page"


def test_second_run_into_a_locked_folder_is_refused(tmp_path):
    from mtqa.errors import MtqaError

    first = FeedOutputs(tmp_path / "out")
    first.open(False, {})
    with pytest.raises(MtqaError, match="another mtqa feed run"):
        FeedOutputs(tmp_path / "out").open(False, {})
    first.close()


def test_first_signal_stops_cleanly_and_a_second_aborts():
    from mtqa.feed.runner import StopFlag
    from mtqa.cli.feed import _stop_on_signals

    before = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    stop = StopFlag()
    with _stop_on_signals(stop):
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(0.05)
        assert stop.signum == signal.SIGTERM  # noted, the process goes on
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(0.05)  # the first SIGINT is also only noted...
        assert stop.signum == signal.SIGTERM
        with pytest.raises(KeyboardInterrupt):  # ...a second one aborts
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(0.5)
    assert {s: signal.getsignal(s) for s in before} == before


# --- interruption: a real process, a real signal --------------------------------------------


def _long_manifest(ws: Path, n: int) -> Path:
    names = case_names()
    lines = [_line(id=f"{names[i % len(names)]}-{i}",
                   reference=f"texts/{names[i % len(names)]}.en.txt",
                   translation=f"texts/{names[i % len(names)]}.ja.txt") for i in range(n)]
    p = ws / "long.jsonl"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


def _feed_process(ws: Path, *extra: str) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MTQA_")}
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.Popen([sys.executable, "-m", "mtqa", "feed", "long.jsonl", "--out", "out",
                             "-q", *DICT, *extra], cwd=ws, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _wait_for_lines(ws: Path, proc: subprocess.Popen[bytes], n: int) -> None:
    journal = ws / "out" / "report.jsonl"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if journal.exists() and journal.read_bytes().count(b"\n") >= n:
            return
        time.sleep(0.02)
    raise AssertionError(f"run ended or stalled before {n} items: {proc.communicate()}")


@pytest.mark.parametrize("sig,jobs", [(signal.SIGTERM, "2"), (signal.SIGKILL, "1")])
def test_resume_after_kill_loses_and_duplicates_nothing(workspace, sig, jobs):
    total = 10
    _long_manifest(workspace, total)
    proc = _feed_process(workspace, "--jobs", jobs)
    _wait_for_lines(workspace, proc, KILL_AFTER)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=120)
    journal = workspace / "out" / "report.jsonl"
    written = journal.read_bytes()
    done_before = written.count(b"\n")
    assert KILL_AFTER <= done_before < total, "the run was not interrupted in the middle"
    if sig == signal.SIGTERM:
        # handled like Ctrl-C: finished items written, derived files valid, exit non-zero
        assert proc.returncode == 143, err
        assert b"--resume" in err
        assert len(ET.parse(workspace / "out" / "junit.xml").getroot().find(
            "testsuite").findall("testcase")) == done_before
    else:
        assert proc.returncode == -signal.SIGKILL
        with journal.open("ab") as fh:  # as if killed in the middle of writing a line
            fh.write(b'{"id": "torn", "status": "ok", "index": 9, "summ')
    resumed = _feed_process(workspace, "--resume")
    _, err2 = resumed.communicate(timeout=300)
    assert resumed.returncode == 1, err2  # the cases fail the gate: exit 1, not 2
    recs = _records(workspace / "out")
    assert [r["index"] for r in recs] == list(range(total))
    assert len({r["id"] for r in recs}) == total
    assert journal.read_bytes().startswith(written.split(b"\n")[0])  # earlier results kept
    suite = ET.parse(workspace / "out" / "junit.xml").getroot().find("testsuite")
    assert suite.get("tests") == str(total)


def test_summary_csv_rows_are_the_feed_reports_rows(tmp_path):
    """One summary row for both ways a feed is seen (#17): the command's summary.csv and the
    Python API's FeedReport.summary() give the same row for the same article."""
    import pandas as pd

    import mtqa
    from mtqa.report.feed import FeedReport

    names = ["f1-race", "museum-theft"]
    texts = tmp_path / "texts"
    texts.mkdir()
    for name in names:
        for lang in ("en", "ja"):
            shutil.copy(CASES / f"{name}.{lang}.txt", texts)
    out = tmp_path / "out"
    assert main(["feed", str(texts), "--out", str(out), *DICT]) == 1
    csv_rows = pd.read_csv(out / "summary.csv", keep_default_na=False, dtype=str)
    reports = {
        n: mtqa.check((CASES / f"{n}.en.txt").read_text(encoding="utf-8"),
                      (CASES / f"{n}.ja.txt").read_text(encoding="utf-8"),
                      backtranslator="dictionary")
        for n in names
    }
    api_rows = FeedReport.from_reports(reports).summary
    assert list(csv_rows.columns) == list(api_rows.columns)
    for n in names:
        got = csv_rows[csv_rows["id"] == n].iloc[0].to_dict()
        want = api_rows[api_rows["id"] == n].iloc[0].to_dict()
        assert got == {k: "" if v is None else str(v) for k, v in want.items()}, n
