"""Pre-aligned segments end to end: ``mtqa.check_segments`` and ``mtqa check --segments``
with every registered check (issue #5)."""

from __future__ import annotations

import json

import pytest

import mtqa
from mtqa import checks
from mtqa.cli import main

PAIRS = [
    ("Russian Foreign Minister Sergey Lavrov met Marco Rubio in Riyadh on Tuesday.",
     "ロシアの外務大統領セルゲイ・ラブロフは火曜日、リヤドでマルコ・ルビオと会談した。"),
    ("The talks lasted 4 hours.", "会談は5時間続いた。"),
    ("Lavrov said the talks were useful.", "Lavrovは会談が有益だったと述べた。"),
    ("The meeting took place in Saudi Arabia on Tuesday.",
     "会談は火曜日にサウジアラビアで火曜日に行われた。"),
    ("The minister arrived in Tokyo on Monday.", "大臣は月曜日に東京に到着した。"),
]
#: What the checks must find, pair by pair (check name, flagged text).
EXPECTED = {(0, "titles", "外務大統領"), (1, "numbers", "5時間"), (2, "untranslated", "Lavrov"),
            (3, "repetition", "火曜日に")}


@pytest.fixture(scope="module")
def report():
    return mtqa.check_segments(PAIRS, backtranslator="dictionary")


def test_one_segment_per_pair_no_alignment(report):
    assert [(p.reference, p.translation) for p in report.pairs] == PAIRS
    assert [p.kind for p in report.pairs] == ["1:1"] * len(PAIRS)
    for p in report.pairs:
        assert report.translation_text[p.mt_start : p.mt_end] == p.translation
        assert report.reference_text[p.ref_start : p.ref_end] == p.reference
    assert "align:pairs-2" in report.signature


def test_all_checks_run_and_find_their_errors(report):
    for name in checks.defaults():  # the default run (divergence is opt-in)
        assert f"{name}-" in report.signature.split("checks:")[1].split("|")[0], name
    found = {(f.segment, f.check, f.text) for f in report.finding_list}
    assert EXPECTED <= found, found
    for f in report.finding_list:
        pair = report.pairs[f.segment]
        assert pair.mt_start <= f.start <= f.end <= pair.mt_end
        assert report.translation_text[f.start : f.end] == f.text
    assert not any(f.segment == 4 for f in report.finding_list)  # the clean pair
    assert report.verdict == "fail"


def test_same_report_as_through_the_pipeline_of_a_file(tmp_path, capsys, report):
    tsv = tmp_path / "pairs.tsv"
    tsv.write_text("source\ttranslation\n" + "".join(f"{s}\t{t}\n" for s, t in PAIRS),
                   encoding="utf-8")
    rc = main(["check", "--segments", str(tsv), "--backtranslator", "dictionary",
               "--format", "json"])
    d = json.loads(capsys.readouterr().out)
    assert rc == 1 == report.gate.exit_code
    assert d["findings"] == [f.to_dict() for f in report.finding_list]
    assert [s["translation"] for s in d["segments"]] == [t for _, t in PAIRS]
    assert all(0 <= s["risk"] <= 1 and isinstance(s["quality"], float) for s in d["segments"])
    assert d["signature"] == report.signature


def test_clean_segments_pass(tmp_path, capsys):
    tsv = tmp_path / "ok.tsv"
    tsv.write_text(f"source\ttranslation\n{PAIRS[4][0]}\t{PAIRS[4][1]}\n", encoding="utf-8")
    assert main(["check", "--segments", str(tsv), "--backtranslator", "dictionary",
                 "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["summary"]["verdict"] == "pass"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("english\tjapanese\nA cat.\t猫。\n", "'source' and 'translation'"),
        ("source\ttranslation\nA cat.\t\n", "line 2: empty translation"),
        ("", "empty"),
    ],
)
def test_bad_segments_file_exit_2_one_line(tmp_path, capsys, content, message):
    tsv = tmp_path / "bad.tsv"
    tsv.write_text(content, encoding="utf-8")
    rc = main(["check", "--segments", str(tsv), "--backtranslator", "dictionary"])
    err = capsys.readouterr().err
    assert rc == 2
    assert err.count("\n") == 1 and message in err and "bad.tsv" in err
    assert "Traceback" not in err


def test_segments_and_documents_together_is_a_usage_error(tmp_path, capsys):
    tsv = tmp_path / "p.tsv"
    tsv.write_text("source\ttranslation\nA.\t猫。\n", encoding="utf-8")
    with pytest.raises(SystemExit) as exc:
        main(["check", "en.txt", "--segments", str(tsv)])
    assert exc.value.code == 2 and "not both" in capsys.readouterr().err


def test_segments_report_names_its_policy(tmp_path, monkeypatch, capsys, report):
    """#16.7: check_segments reads the policy file of the working folder as the CLI does."""
    assert report.to_dict()["policy"]["source"] == "defaults"
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mtqa.toml").write_text("max_major = 99\n", encoding="utf-8")
    tsv = tmp_path / "pairs.tsv"
    tsv.write_text("source\ttranslation\n" + "".join(f"{s}\t{t}\n" for s, t in PAIRS),
                   encoding="utf-8")
    main(["check", "--segments", str(tsv), "--backtranslator", "dictionary", "--format",
          "json"])
    cli = json.loads(capsys.readouterr().out)
    api = mtqa.check_segments(PAIRS, backtranslator="dictionary")
    assert cli["policy"]["source"] == api.policy_source == "mtqa.toml"
    assert cli["policy"]["max_major"] == api.policy.max_major == 99
    assert cli["summary"]["verdict"] == api.verdict
    assert mtqa.check_segments(PAIRS, backtranslator="dictionary",
                               config=False).policy.max_major == 0
