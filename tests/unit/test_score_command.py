"""``mtqa score``: line-aligned systems scored and compared (mtqa/cli/score.py,
mtqa/system_score.py; issue #16, "the conventions of the field")."""

from __future__ import annotations

import csv
import io
import json
import sys

import pytest

from mtqa.cli import main
from mtqa.errors import InputError
from mtqa.system_score import compare_systems, line_pairs, split_lines
from tests.conftest import CASES

CASE = "wildfire-evacuation"  # the clean case of data/cases


def _paragraphs(path):
    """The headline and paragraphs of a case file, one a line (they correspond 1:1)."""
    text = path.read_text(encoding="utf-8")
    return [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]


@pytest.fixture(scope="module")
def test_set(tmp_path_factory):
    """src.en, good.ja (the case's translation) and garbled.ja: the same lines with a
    clause repeated, numbers changed and a line given twice."""
    d = tmp_path_factory.mktemp("score")
    en = _paragraphs(CASES / f"{CASE}.en.txt")
    ja = ["".join(p.split()) for p in _paragraphs(CASES / f"{CASE}.ja.txt")]
    assert len(en) == len(ja) == 8
    bad = list(ja)
    bad[2] = bad[2].replace("1万8,400", "1万4,800")  # a number changed
    bad[5] = bad[5].replace("住宅41棟が焼失し、", "住宅41棟が焼失し、住宅41棟が焼失し、")  # repeated
    bad[6] = bad[6].replace("約900人", "約9,000人")  # another number
    bad[7] = bad[7] + bad[7]  # the line said twice
    assert bad != ja and all(b != j for b, j in zip([bad[i] for i in (2, 5, 6, 7)],
                                                     [ja[i] for i in (2, 5, 6, 7)]))
    files = {"src.en": en, "good.ja": ja, "garbled.ja": bad}
    for name, lines in files.items():
        (d / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return d


def _run(capsys, *argv):
    rc = main(["score", *argv, "--backtranslator", "dictionary", "--no-config", "-q"])
    cap = capsys.readouterr()
    return rc, cap.out, cap.err


def test_garbled_system_scores_worse_side_by_side(test_set, capsys):
    d = test_set
    rc, out, err = _run(capsys, "-s", str(d / "src.en"), "-t", str(d / "good.ja"),
                        "-t", str(d / "garbled.ja"), "--format", "json")
    assert rc == 0 and err == ""
    result = json.loads(out)
    assert result["schema"] == "mtqa.score/1" and result["segments"] == 8
    good, bad = result["systems"]
    assert good["system"].endswith("good.ja") and bad["system"].endswith("garbled.ja")
    assert bad["score"] < good["score"]
    assert bad["findings_per_1k_chars"] > good["findings_per_1k_chars"]
    assert bad["categories"]["number"] > good["categories"]["number"]
    assert bad["categories"]["repetition"] > good["categories"]["repetition"]
    assert {3, 6, 7, 8} <= set(bad["lines_with_findings"])  # the lines garbled (from 1)
    assert result["best"] == good["system"]
    assert sum(bad["counts"].values()) == bad["findings"]
    assert "bt:dictionary" in result["signature"]


def test_text_output_has_a_block_per_system_and_a_side_by_side_summary(test_set, capsys):
    d = test_set
    rc, out, _ = _run(capsys, "-s", str(d / "src.en"), "-t", str(d / "good.ja"),
                      "-t", str(d / "garbled.ja"))
    assert rc == 0
    lines = out.splitlines()
    assert lines[0] == f"mtqa score: 8 segments of {d / 'src.en'}, 2 systems"
    head = next(i for i, ln in enumerate(lines) if ln.strip().startswith(str(d / "good.ja"))
                and str(d / "garbled.ja") in ln)  # the summary's header row: both systems
    score_row = lines[head + 1].split()
    assert score_row[0] == "score" and float(score_row[1]) > float(score_row[2])
    assert any(ln.startswith("findings / 1k chars") for ln in lines[head:])
    assert f"garbles least: {d / 'good.ja'}" in out
    assert out.count("  findings      ") == 2  # one block per system
    assert lines[-1].startswith("signature: mtqa:")


def test_score_only_prints_one_number_per_system(test_set, capsys):
    d = test_set
    rc, out, _ = _run(capsys, "-s", str(d / "src.en"), "-t", str(d / "good.ja"),
                      "-t", str(d / "garbled.ja"), "--score-only")
    scores = [float(x) for x in out.split()]
    assert rc == 0 and len(out.splitlines()) == 2 and scores[1] < scores[0]
    rc, out, _ = _run(capsys, "-s", str(d / "src.en"), "-t", str(d / "good.ja"), "-b",
                      "--format", "json")
    assert rc == 0 and [r["score"] for r in json.loads(out)] == scores[:1]


def test_csv_one_row_per_system(test_set, capsys):
    d = test_set
    rc, out, _ = _run(capsys, "-s", str(d / "src.en"), "-t", str(d / "good.ja"),
                      "-t", str(d / "garbled.ja"), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rc == 0 and [r["system"] for r in rows] == [str(d / "good.ja"), str(d / "garbled.ja")]
    assert float(rows[1]["score"]) < float(rows[0]["score"])
    assert int(rows[1]["number"]) >= 1 and rows[0]["segments"] == "8"


def test_source_from_stdin_and_output_file(test_set, capsys, monkeypatch, tmp_path):
    d = test_set
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO((d / "src.en").read_bytes())))
    out = tmp_path / "scores.json"
    rc = main(["score", "-s", "-", "-t", str(d / "garbled.ja"), "--backtranslator",
               "dictionary", "--no-config", "--format", "json", "-o", str(out)])
    cap = capsys.readouterr()
    result = json.loads(out.read_text(encoding="utf-8"))
    assert rc == 0 and cap.out == "" and result["source"] == "<stdin>"
    assert cap.err.startswith("mtqa score: 1 system(s), 8 segments") and cap.err.count("\n") == 1


def test_line_counts_must_match(test_set, capsys, tmp_path):
    d = test_set
    short = tmp_path / "short.ja"
    short.write_text("\n".join((d / "good.ja").read_text(encoding="utf-8").splitlines()[:7])
                     + "\n", encoding="utf-8")
    rc, _, err = _run(capsys, "-s", str(d / "src.en"), "-t", str(d / "good.ja"), "-t",
                      str(short))
    assert rc == 2 and err.count("\n") == 1
    assert f"{short}: 7 lines, but {d / 'src.en'} has 8; the files must be line-aligned" in err


def test_usage_and_input_errors_are_exit_2(test_set, capsys, tmp_path):
    d = test_set
    rc, _, err = _run(capsys, "-s", "-", "-t", "-")
    assert rc == 2 and "only one input can be read from stdin" in err
    rc, _, err = _run(capsys, "-s", str(d / "good.ja"), "-t", str(d / "src.en"))
    assert rc == 2 and err.count("\n") == 1 and "swapped" in err.lower()
    rc, _, err = _run(capsys, "-s", str(tmp_path / "none.en"), "-t", str(d / "good.ja"))
    assert rc == 2 and "none.en: no such file" in err
    with pytest.raises(SystemExit) as exc:
        main(["score", "-s", str(d / "src.en")])  # no -t
    assert exc.value.code == 2
    assert capsys.readouterr().err.startswith("usage: mtqa score [options]")


def test_split_lines_keeps_alignment():
    assert split_lines("a\r\nb\u2028c\n\n") == ["a", "b\u2028c", ""]
    assert split_lines("a") == ["a"] and split_lines("") == []
    # a file with classic Mac OS line ends (CR only) has lines too, as `mtqa check` reads
    assert split_lines("a\rb\r") == ["a", "b"]
    assert split_lines("a\r\nb\rc\n") == ["a", "b\rc"]  # a lone CR inside a CRLF file


def test_blank_lines_on_both_sides_are_skipped_a_translation_without_source_refused():
    pairs = line_pairs(["A cat.", "", "A dog."], ["猫。", "", "犬。"], "s", "t")
    assert pairs == [(1, "A cat.", "猫。"), (3, "A dog.", "犬。")]
    with pytest.raises(InputError, match="s: line 2 is empty but line 2 of t is not"):
        line_pairs(["A cat.", " "], ["猫。", "犬。"], "s", "t")
    # a line the system left empty is its output: kept, to be scored
    assert line_pairs(["A cat.", "A dog."], ["猫。", " "], "s", "t")[1] == (2, "A dog.", "")


def test_a_line_the_system_left_empty_is_a_critical_omission_of_that_line():
    """sacrebleu and COMET score a system that gave nothing for a segment; mtqa refused the
    whole system before. The empty line is a critical omission (a point: no Japanese)."""
    from mtqa.config import QAConfig

    src = ["The minister arrived in Tokyo on Monday.", "He met 3 officials.", "Rain fell."]
    gaps = ["大臣は月曜日に東京に到着した。", "", "雨が降った。"]
    full = ["大臣は月曜日に東京に到着した。", "彼は3人の当局者と会った。", "雨が降った。"]
    cfg = QAConfig().with_options(backtranslator="dictionary")
    result = compare_systems(src, [("gaps", gaps), ("full", full)], cfg, "src")
    by = {s.name: s for s in result.systems}
    assert by["gaps"].counts["critical"] == 1 and by["gaps"].categories["omission"] == 1
    assert by["gaps"].lines_with_findings == (2,) and by["gaps"].line_findings[2] == ("ALN001",)
    assert by["gaps"].score < by["full"].score and by["full"].counts["critical"] == 0
    # nothing but empty lines: scored, not an error
    empty = compare_systems(src[:1], [("none", [""])], cfg, "src")
    assert empty.systems[0].counts["critical"] == 1 and empty.signature.startswith("mtqa:")


def test_library_api_compares_in_the_order_given():
    src = ["The minister arrived in Tokyo on Monday.", "He met 3 officials."]
    good = ["大臣は月曜日に東京に到着した。", "彼は3人の当局者と会った。"]
    bad = ["大臣は月曜日に東京に到着した。", "彼は30人の当局者と会った。"]
    from mtqa.config import QAConfig

    cfg = QAConfig().with_options(backtranslator="dictionary")
    result = compare_systems(src, [("bad", bad), ("good", good)], cfg, "src")
    assert [s.name for s in result.systems] == ["bad", "good"]
    assert result.best.name == "good" and result.systems[0].categories["number"] == 1
    assert result.systems[0].lines_with_findings == (2,)


def test_translation_from_a_named_pipe(test_set, capsys, tmp_path):
    """``-t <(command)``: process substitution hands over a pipe, which was refused as "not
    a regular file"."""
    import os
    import threading

    d = test_set
    fifo = tmp_path / "hyp.fifo"
    os.mkfifo(fifo)
    data = (d / "garbled.ja").read_bytes()

    def feed():
        with open(fifo, "wb") as fh:
            fh.write(data)

    writer = threading.Thread(target=feed, daemon=True)  # never blocks the run if unread
    writer.start()
    try:
        rc, out, _ = _run(capsys, "-s", str(d / "src.en"), "-t", str(fifo), "-b")
    finally:
        writer.join(timeout=10)
    rc2, out2, _ = _run(capsys, "-s", str(d / "src.en"), "-t", str(d / "garbled.ja"), "-b")
    assert rc == rc2 == 0 and out == out2
