"""``mtqa feed`` against what an unattended newsroom run meets (issue #15, feed items; #16,
the feed's outputs): piped and empty inputs, changed sources before ``--resume``, hostile
manifest lines, a full disk, temporary files and user files in the output folder,
spreadsheet formulas in ids, inputs over the limits, and what the closing line says."""

from __future__ import annotations

import csv
import errno
import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from mtqa.cli import main
from tests.conftest import CASES, ROOT
from tests.test_feed import DICT, EN_OK, JA_OK, _line, _mixed_manifest, _records, workspace

__all__ = ["workspace"]  # the fixture, shared with tests/test_feed.py


def _one_line_error(err: str) -> str:
    assert err.count("\n") == 1 and "Traceback" not in err, err
    return err


def _feed_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MTQA_")}
    env["PYTHONPATH"] = str(ROOT)
    return env


def _pair_manifest(ws: Path, n: int = 2) -> Path:
    """``n`` articles given as files (a<i>.en.txt / a<i>.ja.txt) that pass the gate."""
    lines = []
    for i in range(n):
        (ws / f"a{i}.en.txt").write_text(EN_OK, encoding="utf-8")
        (ws / f"a{i}.ja.txt").write_text(JA_OK, encoding="utf-8")
        lines.append(_line(id=f"a{i}", reference=f"a{i}.en.txt", translation=f"a{i}.ja.txt"))
    p = ws / "feed.jsonl"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


# --- #15.2 a piped manifest ------------------------------------------------------------------


@pytest.mark.parametrize("arg", ["-", "/dev/stdin"])
def test_piped_manifest_is_read_once_and_checked(workspace, arg):
    data = _pair_manifest(workspace, 3).read_bytes()
    proc = subprocess.run([sys.executable, "-m", "mtqa", "feed", arg, "--out", "out", *DICT],
                          input=data, capture_output=True, cwd=workspace, env=_feed_env(),
                          timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert [r["id"] for r in _records(workspace / "out")] == ["a0", "a1", "a2"]
    assert b"3 articles in the input: 3 checked now" in proc.stderr


# --- #15.3 nothing to check --------------------------------------------------------------------

EMPTY_RSS = ('<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
             "<link>https://ex.com</link><description>d</description></channel></rss>")


@pytest.mark.parametrize("kind", ["empty manifest", "blank manifest", "empty feeds",
                                  "empty folder"])
def test_empty_input_is_exit_2_unless_allow_empty(workspace, capsys, kind):
    if kind == "empty feeds":
        for name in ("en.xml", "ja.xml"):
            (workspace / name).write_text(EMPTY_RSS, encoding="utf-8")
        args = ["--reference-feed", "en.xml", "--translation-feed", "ja.xml"]
    elif kind == "empty folder":
        (workspace / "stories").mkdir()
        args = ["stories"]
    else:
        (workspace / "feed.jsonl").write_text("" if kind == "empty manifest" else "\n \n",
                                              encoding="utf-8")
        args = ["feed.jsonl"]
    assert main(["feed", *args, "--out", "out", *DICT]) == 2
    err = _one_line_error(capsys.readouterr().err)
    assert "nothing to check" in err and "--allow-empty" in err
    assert not (workspace / "out").exists()  # refused before anything was written
    assert main(["feed", *args, "--out", "out", "--allow-empty", "-q", *DICT]) == 0
    assert (workspace / "out" / "report.jsonl").read_bytes() == b""
    assert 'tests="0"' in (workspace / "out" / "junit.xml").read_text("utf-8")


def test_check_feed_api_refuses_an_empty_input_unless_allowed(workspace):
    import mtqa
    from mtqa.errors import InputError

    with pytest.raises(InputError, match="nothing to check"):
        mtqa.check_feed([], backtranslator="dictionary")
    assert len(mtqa.check_feed([], allow_empty=True, backtranslator="dictionary")) == 0


# --- #15.4 --resume and changed sources ---------------------------------------------------------


def test_resume_rechecks_articles_whose_texts_changed(workspace, capsys):
    manifest = _pair_manifest(workspace, 3)
    assert main(["feed", str(manifest), "--out", "out", "-q", *DICT]) == 0
    first = _records(workspace / "out")
    assert all(len(r["input_sha256"]) == 64 for r in first)
    # another article's translation replaces a1's: a fresh run gives REL001, a failure
    shutil.copy(CASES / "f1-race.ja.txt", workspace / "a1.ja.txt")
    assert main(["feed", str(manifest), "--out", "out", "--resume", *DICT]) == 1
    err = capsys.readouterr().err
    assert ("3 articles in the input: 1 checked now (1 changed since the previous run), "
            "2 reused from the previous run; 2 passed, 1 failed the gate") in err
    recs = _records(workspace / "out")
    assert [r["id"] for r in recs] == ["a0", "a1", "a2"]  # one record an article
    assert recs[1]["summary"]["verdict"] == "fail" and recs[1] != first[1]
    assert recs[0] == first[0] and recs[2] == first[2]  # unchanged: reused as they were
    with (workspace / "out" / "summary.csv").open(encoding="utf-8") as fh:
        assert [r["verdict"] for r in csv.DictReader(fh)] == ["pass", "fail", "pass"]
    # the same as a clean run, apart from timings
    assert main(["feed", str(manifest), "--out", "clean", "-q", *DICT]) == 1

    def strip(rs):
        return [{k: v for k, v in r.items() if k != "elapsed_s"} for r in rs]

    assert strip(_records(workspace / "clean")) == strip(recs)
    # an unchanged input is reused whole
    assert main(["feed", str(manifest), "--out", "out", "--resume", *DICT]) == 1
    assert "0 checked now, 3 reused from the previous run" in capsys.readouterr().err


def test_resume_rechecks_an_item_whose_missing_file_appeared(workspace, capsys):
    manifest = _pair_manifest(workspace, 2)
    (workspace / "a1.ja.txt").unlink()
    assert main(["feed", str(manifest), "--out", "out", "-q", *DICT]) == 1
    assert _records(workspace / "out")[1]["status"] == "error"
    (workspace / "a1.ja.txt").write_text(JA_OK, encoding="utf-8")
    assert main(["feed", str(manifest), "--out", "out", "-q", "--resume", *DICT]) == 0
    assert [r["status"] for r in _records(workspace / "out")] == ["ok", "ok"]


def test_resume_drops_records_of_articles_no_longer_in_the_input(workspace):
    manifest = _pair_manifest(workspace, 3)
    assert main(["feed", str(manifest), "--out", "out", "-q", *DICT]) == 0
    lines = manifest.read_text("utf-8").splitlines()
    manifest.write_text("\n".join(lines[:2]) + "\n", encoding="utf-8")
    assert main(["feed", str(manifest), "--out", "out", "-q", "--resume", *DICT]) == 0
    assert [r["id"] for r in _records(workspace / "out")] == ["a0", "a1"]
    assert sorted(p.name for p in (workspace / "out" / "pages").iterdir()) == [
        "00000-a0.html", "00001-a1.html"]


# --- #15.6 a line nested a thousand deep --------------------------------------------------------


def test_deeply_nested_json_line_is_a_failed_item_and_resume_goes_on(workspace, capsys):
    p = workspace / "feed.jsonl"
    p.write_text("\n".join([_line(id="before", reference=EN_OK, translation=JA_OK),
                            "[" * 1000 + "]" * 1000,
                            _line(id="after", reference=EN_OK, translation=JA_OK)]) + "\n",
                 encoding="utf-8")
    assert main(["feed", "feed.jsonl", "--out", "out", *DICT]) == 1
    assert "Traceback" not in capsys.readouterr().err
    recs = _records(workspace / "out")
    assert [(r["id"], r["status"]) for r in recs] == [("before", "ok"), ("line-2", "error"),
                                                     ("after", "ok")]
    assert "nested too deeply" in recs[1]["error"]
    assert main(["feed", "feed.jsonl", "--out", "out", "--resume", *DICT]) == 1
    assert "0 checked now, 3 reused" in capsys.readouterr().err


# --- #15.7 a full disk ---------------------------------------------------------------------------


def test_full_disk_is_one_line_exit_4_and_the_journal_survives(workspace, capsys, monkeypatch):
    manifest = _pair_manifest(workspace, 3)
    journal = workspace / "out" / "report.jsonl"
    real_fsync = os.fsync

    def fsync(fd: int) -> None:  # the disk fills up once the first article is journalled
        if journal.exists() and journal.read_bytes().count(b"\n") >= 1:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    assert main(["feed", str(manifest), "--out", "out", *DICT]) == 4
    err = _one_line_error(capsys.readouterr().err)
    assert "No space left on device" in err and "out" in err and "--resume" in err
    assert [r["id"] for r in _records(workspace / "out")] == ["a0"]
    monkeypatch.setattr(os, "fsync", real_fsync)  # space again
    assert main(["feed", str(manifest), "--out", "out", "--resume", "-q", *DICT]) == 0
    assert [r["id"] for r in _records(workspace / "out")] == ["a0", "a1", "a2"]
    assert (workspace / "out" / "junit.xml").is_file()


# --- #15.11 temporary files, #15.12 user files ---------------------------------------------------


def test_temporaries_of_an_interrupted_write_are_removed_on_start(workspace):
    manifest = _pair_manifest(workspace, 1)
    out = workspace / "out"
    assert main(["feed", str(manifest), "--out", "out", "-q", *DICT]) == 0
    ours = [out / ".summary.csv.k3x_9a0b.tmp", out / ".report.jsonl.abcdefgh.tmp",
            out / "pages" / ".00000-a0.html.a1b2c3d4.tmp"]
    theirs = [out / ".notes.abcdefgh.tmp", out / "summary.csv.abcdefgh.tmp",
              out / "pages" / ".draft.html.abcdefgh.tmp"]
    for p in ours + theirs:
        p.write_text("left by a kill", encoding="utf-8")
    assert main(["feed", str(manifest), "--out", "out", "-q", "--resume", *DICT]) == 0
    assert [p.name for p in ours if p.exists()] == []
    assert all(p.read_text("utf-8") == "left by a kill" for p in theirs)


def test_user_pages_in_a_new_out_folder_are_not_touched(workspace, capsys):
    manifest = _pair_manifest(workspace, 2)
    pages = workspace / "out" / "pages"
    pages.mkdir(parents=True)
    mine = {"00000-intro.html": "the newsroom's intro", "00001-a1.html": "the newsroom's a1",
            "notes.html": "notes"}
    for name, text in mine.items():
        (pages / name).write_text(text, encoding="utf-8")
    assert main(["feed", str(manifest), "--out", "out", *DICT]) == 2
    err = _one_line_error(capsys.readouterr().err)
    assert "pages/00000-intro.html and 1 more not written by mtqa feed" in err
    assert {p.name: p.read_text("utf-8") for p in pages.iterdir()} == mine


def test_a_new_run_removes_only_the_pages_mtqa_wrote(workspace, capsys):
    manifest = _pair_manifest(workspace, 2)
    pages = workspace / "out" / "pages"
    assert main(["feed", str(manifest), "--out", "out", "-q", *DICT]) == 0
    (pages / "notes.html").write_text("the newsroom's notes", encoding="utf-8")
    manifest.write_text(_line(id="b", reference=EN_OK, translation=JA_OK) + "\n",
                        encoding="utf-8")
    assert main(["feed", str(manifest), "--out", "out", "-q", *DICT]) == 0
    assert sorted(p.name for p in pages.iterdir()) == ["00000-b.html", "notes.html"]
    # a page-like file dropped into mtqa's folder is not overwritten either
    (pages / "00007-mine.html").write_text("mine", encoding="utf-8")
    assert main(["feed", str(manifest), "--out", "out", *DICT]) == 2
    assert "pages/00007-mine.html not written by mtqa feed" in capsys.readouterr().err
    assert (pages / "00007-mine.html").read_text("utf-8") == "mine"


def test_pages_of_superseded_records_are_removed(workspace):
    manifest = _pair_manifest(workspace, 2)
    assert main(["feed", str(manifest), "--out", "out", "-q", *DICT]) == 0
    (workspace / "a1.ja.txt").write_text("", encoding="utf-8")  # now an error: no page
    assert main(["feed", str(manifest), "--out", "out", "-q", "--resume", *DICT]) == 1
    assert sorted(p.name for p in (workspace / "out" / "pages").iterdir()) == ["00000-a0.html"]


# --- #15.13 formulas in summary.csv --------------------------------------------------------------


def test_summary_csv_cells_that_look_like_formulas_are_neutralised(workspace):
    ids = ['=HYPERLINK("https://evil.example","click")', "+1", "-2", "@SUM(A1)", "\tx",
           "plain", "a=b"]
    manifest = workspace / "feed.jsonl"
    manifest.write_text("".join(_line(id=i, reference=EN_OK, translation=JA_OK) + "\n"
                                for i in ids), encoding="utf-8")
    assert main(["feed", str(manifest), "--out", "out", "-q", *DICT]) == 0
    with (workspace / "out" / "summary.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["id"] for r in rows] == ["'" + i for i in ids[:5]] + ["plain", "a=b"]
    assert all(r["score"] and not r["score"].startswith("'") for r in rows)
    assert [r["id"] for r in _records(workspace / "out")] == ids  # the journal keeps them as is


# --- #15.14 the documented limits ---------------------------------------------------------------


def test_manifest_over_the_20_mb_limit_is_refused(workspace, capsys):
    from mtqa.load import MAX_INPUT_BYTES

    p = workspace / "feed.jsonl"
    with p.open("wb") as fh:
        fh.write((_line(id="a", reference=EN_OK, translation=JA_OK) + "\n").encode())
        fh.truncate(MAX_INPUT_BYTES + 1)  # sparse: no 20 MB written
    assert main(["feed", "feed.jsonl", "--out", "out", *DICT]) == 2
    err = _one_line_error(capsys.readouterr().err)
    assert "over the limit of 20,971,520 bytes" in err
    assert not (workspace / "out").exists()


def test_html_article_over_400_kb_is_refused_even_if_its_text_is_short(workspace):
    stories = workspace / "stories"
    stories.mkdir()
    markup = "<span></span>" * 40_000  # 520 KB of markup around one short paragraph
    (stories / "a.en.html").write_text(f"<html><body>{markup}<article><p>{EN_OK}</p>"
                                       "</article></body></html>", encoding="utf-8")
    (stories / "a.ja.html").write_text(f"<article><p>{JA_OK}</p></article>", encoding="utf-8")
    assert main(["feed", "stories", "--out", "out", "-q", *DICT]) == 1
    (rec,) = _records(workspace / "out")
    assert rec["status"] == "error" and "bytes of HTML is over the limit of 400,000" in rec[
        "error"]


# --- #16: outputs and the closing line ----------------------------------------------------------


def test_index_html_lists_the_worst_articles_first(workspace):
    manifest = _mixed_manifest(workspace)
    assert main(["feed", str(manifest), "--out", "out", "-q", *DICT]) == 1
    recs = {r["id"]: r for r in _records(workspace / "out")}
    index = (workspace / "out" / "index.html").read_text("utf-8")
    order = re.findall(r'<tr><td class="n">(\d+)</td>', index)
    verdicts = re.findall(r'<tr><td class="n">\d+</td><td>.*?</td><td class="(\w+)"', index)
    assert len(order) == 7
    assert verdicts == ["error"] * 4 + ["fail"] * 2 + ["pass"]
    fails = [r for r in recs.values() if r.get("summary", {}).get("verdict") == "fail"]
    scores = sorted(r["summary"]["score"] for r in fails)
    shown = [int(i) - 1 for i in order[4:6]]
    by_index = {r["index"]: r for r in recs.values()}
    assert [by_index[i]["summary"]["score"] for i in shown] == scores


def test_outputs_behind_symlinks_are_written_through_them(workspace):
    manifest = _pair_manifest(workspace, 1)
    assert main(["feed", str(manifest), "--out", "out", "-q", *DICT]) == 0
    shared = workspace / "shared"
    shared.mkdir()
    (workspace / "out" / "summary.csv").unlink()
    (workspace / "out" / "summary.csv").symlink_to(shared / "summary.csv")
    assert main(["feed", str(manifest), "--out", "out", "-q", *DICT]) == 0
    assert (workspace / "out" / "summary.csv").is_symlink()
    assert (shared / "summary.csv").read_text("utf-8").startswith("id,status,score")


def test_closing_line_after_an_interruption_counts_the_whole_input(workspace):
    from mtqa.cli import build_parser
    from mtqa.cli.common import config_from_args
    from mtqa.feed.runner import StopFlag, open_source, run_feed
    from mtqa.cli.feed import closing_line

    manifest = _pair_manifest(workspace, 5)
    config = config_from_args(build_parser().parse_args(["feed", "x", "--out", "o", *DICT]))

    def interrupted_after(index: int, signum: int, out: str):
        stop = StopFlag()

        def on_outcome(outcome) -> None:
            if outcome.index == index:
                stop.signum = signum

        return run_feed(open_source(manifest), config, workspace / out, stop=stop,
                        on_outcome=on_outcome)

    result = interrupted_after(1, signal.SIGTERM, "out")
    assert result.exit_code == 143
    assert closing_line(result, "out") == (
        "mtqa feed: interrupted: 5 articles in the input: 2 checked now, 3 not checked yet; "
        "so far 2 passed, 0 failed the gate, 0 could not be checked; rerun with --resume to "
        "finish; reports in out")
    result = run_feed(open_source(manifest), config, workspace / "out", resume=True)
    assert closing_line(result, "out") == (
        "mtqa feed: 5 articles in the input: 3 checked now, 2 reused from the previous run; "
        "5 passed, 0 failed the gate, 0 could not be checked; reports in out")
    # a signal after the last article: nothing is left to resume, and the line says so
    result = interrupted_after(4, signal.SIGINT, "out2")
    assert result.not_reached == 0
    assert closing_line(result, "out2").endswith(
        "every article was checked before the signal; the reports are complete; "
        "reports in out2")
