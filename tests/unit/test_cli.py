import json

from mtqa.cli import main
from tests.conftest import RIYADH


def test_check_json_riyadh(capsys):
    rc = main(["check", str(RIYADH / "en.txt"), str(RIYADH / "ja.txt"), "--format", "json",
               "--backtranslator", "dictionary"])
    out = capsys.readouterr().out
    d = json.loads(out)
    ja = (RIYADH / "ja.txt").read_text(encoding="utf-8")
    assert rc == 1 and d["summary"]["verdict"] == "fail"
    for f in d["findings"]:
        assert ja[f["start"] : f["end"]] == f["text"]


def test_passing_article_exit_0(tmp_path, capsys):
    (tmp_path / "en.txt").write_text("The minister arrived in Tokyo on Monday.\n")
    (tmp_path / "ja.txt").write_text("大臣は月曜日に東京に到着した。\n")
    rc = main(["check", str(tmp_path / "en.txt"), str(tmp_path / "ja.txt"),
               "--backtranslator", "dictionary", "--format", "json"])
    assert rc == 0, capsys.readouterr().out
    assert json.loads(capsys.readouterr().out)["summary"]["verdict"] == "pass"


def test_missing_file_exit_2_one_line(tmp_path, capsys):
    rc = main(["check", str(tmp_path / "nope.txt"), str(RIYADH / "ja.txt")])
    err = capsys.readouterr().err
    assert rc == 2
    assert err.count("\n") == 1 and "nope.txt" in err and "Traceback" not in err


def test_output_file_written_atomically(tmp_path, capsys):
    out = tmp_path / "r.html"
    rc = main(["check", str(RIYADH / "en.txt"), str(RIYADH / "ja.txt"), "--format", "html",
               "-o", str(out), "--backtranslator", "dictionary"])
    assert rc == 1 and out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["r.html"]


def test_unwritable_output_exit_2(tmp_path, capsys):
    rc = main(["check", str(RIYADH / "en.txt"), str(RIYADH / "ja.txt"),
               "-o", str(tmp_path / "no" / "dir" / "r.json"), "--backtranslator", "dictionary"])
    assert rc == 2 and "does not exist" in capsys.readouterr().err


def test_marian_unavailable_exit_2(tmp_path, capsys):
    rc = main(["check", str(RIYADH / "en.txt"), str(RIYADH / "ja.txt"),
               "--backtranslator", "marian", "--model", str(tmp_path / "none")])
    err = capsys.readouterr().err
    assert rc == 2 and "--model" in err and err.count("\n") == 1


def test_check_reads_the_policy_file_and_the_command_line_wins(tmp_path, capsys, monkeypatch):
    en, ja = tmp_path / "en.txt", tmp_path / "ja.txt"
    en.write_text("Foreign Minister Sergei Lavrov arrived in Tokyo on Monday.\n")
    ja.write_text("セルゲイ・Lavrov外相は月曜日に東京に到着した。\n")
    base = ["check", str(en), str(ja), "--format", "json"]

    def run(*extra):
        rc = main(base + list(extra))
        return rc, json.loads(capsys.readouterr().out)

    monkeypatch.chdir(tmp_path)
    rc, report = run()
    assert rc == 0 and [f["severity"] for f in report["findings"]
                        if f["category"] == "untranslated"] == ["minor"]
    # the newsroom's policy in the working directory: English left in the text is major
    (tmp_path / "mtqa.toml").write_text(
        'backtranslator = "dictionary"\n[severity]\nuntranslated = "major"\n'
    )
    rc, report = run()
    assert rc == 1 and "bt:dictionary" in report["signature"]
    assert [f["severity"] for f in report["findings"]
            if f["category"] == "untranslated"] == ["major"]
    assert run("--severity", "untranslated=minor")[0] == 0  # the command line wins
    assert run("--no-config")[0] == 0
    (tmp_path / "strict.toml").write_text("max_minor = 0\n")
    assert run("--config", str(tmp_path / "strict.toml"))[0] == 1
    # a broken policy file is one line on stderr and exit 2
    (tmp_path / "mtqa.toml").write_text("max_minor = [\n")
    assert main(base) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "mtqa.toml" in err
