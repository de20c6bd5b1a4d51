"""The command line through ``main([...])``: exit codes, one-line errors, stdin, usage."""

from __future__ import annotations

import io
import json
import logging
import sys

import pytest

import mtqa
from mtqa.cli import main
from mtqa.errors import InputError
from mtqa.gate import EXIT_INTERNAL, EXIT_OUTPUT, EXIT_USAGE
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


# --- #15.9: exit codes of internal errors and unwritable outputs --------------------------

EN = "The minister arrived in Tokyo on Monday.\n"
JA = "大臣は月曜日に東京に到着した。\n"


def _pair(tmp_path, en=EN, ja=JA):
    (tmp_path / "en.txt").write_text(en, encoding="utf-8")
    (tmp_path / "ja.txt").write_text(ja, encoding="utf-8")
    return str(tmp_path / "en.txt"), str(tmp_path / "ja.txt")


def _crash(monkeypatch):
    from mtqa.pipeline import Pipeline

    def boom(self, *args, **kwargs):
        raise RuntimeError("alignment band broken at (3, 46)")

    monkeypatch.setattr(Pipeline, "run", boom)


def test_internal_error_exits_3_with_one_line_naming_the_traceback_file_in_the_output_folder(
        tmp_path, capsys, monkeypatch):
    """#15: a crash exited 1, like a failed gate, so CI could not tell a bug from a verdict."""
    _crash(monkeypatch)
    en, ja = _pair(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    rc = main(["check", en, ja, "--backtranslator", "dictionary", "-o", str(out / "r.json")])
    err = capsys.readouterr().err
    assert rc == EXIT_INTERNAL == 3
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "internal error (RuntimeError: alignment band broken at (3, 46))" in err
    crash = [p for p in out.iterdir() if p.name.startswith("mtqa-crash-")]
    assert len(crash) == 1 and str(crash[0]) in err
    text = crash[0].read_text(encoding="utf-8")
    assert "Traceback" in text and "RuntimeError: alignment band broken" in text
    assert "command: mtqa check" in text


def test_internal_error_without_output_folder_writes_to_the_cache_dir(tmp_path, capsys,
                                                                       monkeypatch):
    _crash(monkeypatch)
    cache = tmp_path / "cache"
    monkeypatch.setenv("MTQA_CACHE_DIR", str(cache))
    en, ja = _pair(tmp_path)
    rc = main(["check", en, ja, "--backtranslator", "dictionary"])
    err = capsys.readouterr().err
    crash = list(cache.glob("mtqa-crash-*.txt"))
    assert rc == 3 and len(crash) == 1 and str(crash[0]) in err and err.count("\n") == 1


def test_lone_surrogate_is_bad_input_not_an_internal_error(tmp_path, capsys):
    """#15: a lone surrogate in inline text (a JSON escape, a Python string) was reported as
    "internal error … please report it"."""
    with pytest.raises(InputError, match=r"translation: character 7 is a lone surrogate "
                       r"\(U\+D800\)"):
        mtqa.check(EN, "大臣は月曜日に\ud800東京に到着した。", backtranslator="dictionary")
    with pytest.raises(InputError, match="lone surrogate"):
        mtqa.check_segments([("A cat.", "猫\udc80。")], backtranslator="dictionary")
    manifest = tmp_path / "m.jsonl"
    manifest.write_text('{"id": "a1", "reference": "The minister arrived in Tokyo on Monday.", '
                        '"translation": "大臣は月曜日に\\ud800東京に到着した。"}\n', encoding="utf-8")
    rc = main(["feed", str(manifest), "--out", str(tmp_path / "qa"), "-q",
               "--backtranslator", "dictionary"])
    capsys.readouterr()
    record = json.loads((tmp_path / "qa" / "report.jsonl").read_text(encoding="utf-8"))
    assert rc == 1 and record["status"] == "error"
    assert "lone surrogate" in record["error"] and "internal error" not in record["error"]


class _FullStdout(io.StringIO):
    def write(self, s):
        raise OSError(28, "No space left on device")


def test_unwritable_stdout_exits_4_with_one_line(tmp_path, capsys, monkeypatch):
    en, ja = _pair(tmp_path)
    monkeypatch.setattr(sys, "stdout", _FullStdout())
    rc = main(["check", en, ja, "--backtranslator", "dictionary", "--format", "json"])
    err = capsys.readouterr().err
    assert rc == EXIT_OUTPUT == 4
    assert err == "mtqa: error: stdout: cannot write the output (No space left on device)\n"


@pytest.mark.parametrize("command", [["checks"], ["check", "EN", "JA", "--format", "json"],
                                     ["check", "EN", "JA"]])
def test_closed_stdout_exits_4_with_one_line(tmp_path, capsys, monkeypatch, command):
    """A command started with stdout closed (`mtqa check … >&-`: Python's sys.stdout is
    None) cannot write its report: an output error, not a bug in mtqa (exit 3)."""
    en, ja = _pair(tmp_path)
    args = [{"EN": en, "JA": ja}.get(a, a) for a in command]
    if command[0] == "check":
        args += ["--backtranslator", "dictionary"]
    monkeypatch.setattr(sys, "stdout", None)
    rc = main(args)
    err = capsys.readouterr().err
    assert rc == EXIT_OUTPUT
    assert err == "mtqa: error: stdout: closed, nothing can be written there; give -o FILE\n"


def test_closed_stdout_is_no_error_when_the_report_goes_to_a_file(tmp_path, capsys,
                                                                   monkeypatch):
    en, ja = _pair(tmp_path)
    monkeypatch.setattr(sys, "stdout", None)
    rc = main(["check", en, ja, "--backtranslator", "dictionary", "-o", str(tmp_path / "r"),
               "-q"])
    assert rc in (0, 1) and (tmp_path / "r").read_text(encoding="utf-8")
    assert capsys.readouterr().err == ""


def test_closed_stdin_is_bad_input(tmp_path, capsys, monkeypatch):
    en, _ = _pair(tmp_path)
    monkeypatch.setattr(sys, "stdin", None)
    rc = main(["check", en, "-", "--backtranslator", "dictionary"])
    err = capsys.readouterr().err
    assert rc == EXIT_USAGE and err.count("\n") == 1
    assert "stdin is closed; give a file instead of '-'" in err


@pytest.mark.parametrize("side", ["en", "ja"])
def test_output_naming_an_input_is_refused_before_any_work(tmp_path, capsys, side):
    """`-o` given the translation's own file would replace the text with the report."""
    en, ja = _pair(tmp_path)
    target = {"en": en, "ja": ja}[side]
    before = (tmp_path / f"{side}.txt").read_text(encoding="utf-8")
    rc = main(["check", en, ja, "--backtranslator", "dictionary", "-o", target])
    err = capsys.readouterr().err
    assert rc == EXIT_USAGE and err.count("\n") == 1
    assert f"is also the input {target}" in err
    assert (tmp_path / f"{side}.txt").read_text(encoding="utf-8") == before


def test_output_error_from_the_writer_exits_4(tmp_path, capsys, monkeypatch):
    from mtqa.cli import common
    from mtqa.errors import OutputError

    def full(path, content):
        raise OutputError(f"{path}: cannot write output (No space left on device)")

    monkeypatch.setattr(common, "atomic_write", full)
    en, ja = _pair(tmp_path)
    rc = main(["check", en, ja, "--backtranslator", "dictionary", "-o", str(tmp_path / "r")])
    err = capsys.readouterr().err
    assert rc == 4 and err.count("\n") == 1 and "No space left" in err


# --- #16.2: the gate cannot be switched off by accident ------------------------------------


@pytest.mark.parametrize(
    ("where", "named"),
    [
        ("flag", "--max-major: -1 is negative"),
        ("file", "mtqa.toml: max_major: -1 is negative"),
        ("env", "$MTQA_MAX_MAJOR: -5 is negative"),
    ],
)
def test_negative_gate_limit_is_a_usage_error_naming_its_source(tmp_path, capsys, monkeypatch,
                                                                where, named):
    """#16: -1 meant "unlimited" and a failing article passed."""
    en, ja = _pair(tmp_path)
    monkeypatch.chdir(tmp_path)
    extra = []
    if where == "flag":
        extra = ["--max-major", "-1"]
    elif where == "file":
        (tmp_path / "mtqa.toml").write_text("max_major = -1\n", encoding="utf-8")
    else:
        monkeypatch.setenv("MTQA_MAX_MAJOR", "-5")
    rc = main(["check", en, ja, "--backtranslator", "dictionary", *extra])
    err = capsys.readouterr().err
    assert rc == EXIT_USAGE and err.count("\n") == 1 and named in err


def test_min_score_out_of_range_and_none_spelled_out(tmp_path, capsys, monkeypatch):
    en, ja = _pair(tmp_path)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mtqa.toml").write_text("min_score = 200\n", encoding="utf-8")
    assert main(["check", en, ja, "--backtranslator", "dictionary"]) == 2
    err = capsys.readouterr().err
    assert "mtqa.toml: min_score: 200 is out of range; scores run from 0 to 100" in err
    (tmp_path / "mtqa.toml").write_text("max_major = 'none'\n", encoding="utf-8")
    assert main(["check", en, ja, "--backtranslator", "dictionary", "--max-minor",
                 "unlimited", "--min-score", "none"]) == 0


# --- #16 friction ----------------------------------------------------------------------


def test_verbose_after_the_subcommand_and_third_party_loggers_stay_at_warning(tmp_path,
                                                                              caplog):
    """#16: ``mtqa check -v`` was refused, and -v turned on jamdict's INFO noise."""
    en, ja = _pair(tmp_path)
    assert main(["check", "-v", en, ja, "--backtranslator", "dictionary", "-q",
                 "-o", str(tmp_path / "r.txt")]) == 0
    assert logging.getLogger("mtqa").getEffectiveLevel() == logging.INFO
    for name in ("jamdict", "transformers", "urllib3"):
        assert logging.getLogger(name).getEffectiveLevel() >= logging.WARNING
    assert any(r.name == "mtqa" and r.getMessage().startswith("checked 1 aligned pairs")
               for r in caplog.records)
    assert main(["check", en, ja, "--backtranslator", "dictionary"]) == 0
    assert logging.getLogger("mtqa").getEffectiveLevel() == logging.WARNING


class _Terminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_bar_only_on_a_terminal_and_not_with_quiet(tmp_path, capsys, monkeypatch):
    """#16: a 40,000-character check ran 32 s without a sign of life."""
    en, ja = _pair(tmp_path)
    args = ["check", en, ja, "--backtranslator", "dictionary", "-o", str(tmp_path / "r.txt")]
    tty = _Terminal()
    monkeypatch.setattr(sys, "stderr", tty)
    assert main(args) == 0
    assert "mtqa check: checking" in tty.getvalue()
    tty = _Terminal()
    monkeypatch.setattr(sys, "stderr", tty)
    assert main([*args, "--quiet"]) == 0
    assert tty.getvalue() == ""
    monkeypatch.undo()
    assert main(args) == 0  # not a terminal: no bar, only the summary line
    assert capsys.readouterr().err.count("\n") == 1


def test_output_file_prints_the_summary_line_to_stderr_unless_quiet(tmp_path, capsys):
    """#16: ``check -o FILE`` printed nothing, so a CI log showed no verdict."""
    en, ja = _pair(tmp_path)
    out = tmp_path / "r.json"
    assert main(["check", en, ja, "--backtranslator", "dictionary", "--format", "json",
                 "-o", str(out)]) == 0
    cap = capsys.readouterr()
    assert cap.out == ""
    assert cap.err.startswith("mtqa: PASS  score 100.0  critical 0, major 0, minor 0")
    assert cap.err.rstrip().endswith(f"→ {out}") and cap.err.count("\n") == 1
    assert main(["check", en, ja, "--backtranslator", "dictionary", "-o", str(out), "-q"]) == 0
    assert capsys.readouterr().err == ""


def _stdin(monkeypatch, text):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))


@pytest.mark.parametrize("side", ["en", "ja"])
def test_dash_reads_stdin_on_either_side(tmp_path, capsys, monkeypatch, side):
    """#16: ``mtqa check en.txt -`` failed with "-: no such file"."""
    en, ja = _pair(tmp_path)
    _stdin(monkeypatch, EN if side == "en" else JA)
    argv = ["check", "-" if side == "en" else en, "-" if side == "ja" else ja,
            "--backtranslator", "dictionary", "--format", "json"]
    assert main(argv) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["summary"]["verdict"] == "pass"


def test_dash_on_both_sides_is_refused_and_stdin_is_validated(tmp_path, capsys, monkeypatch):
    _stdin(monkeypatch, JA)
    assert main(["check", "-", "-"]) == 2
    assert "only one input can be read from stdin" in capsys.readouterr().err
    en, _ = _pair(tmp_path)
    _stdin(monkeypatch, " \n")
    assert main(["check", en, "-", "--backtranslator", "dictionary"]) == 2
    assert capsys.readouterr().err == "mtqa: error: <stdin> (the Japanese translation): is " \
        "empty; give the article text\n"


def test_segments_from_stdin(capsys, monkeypatch):
    _stdin(monkeypatch, "source\ttranslation\nThe minister arrived in Tokyo on Monday.\t"
           "大臣は月曜日に東京に到着した。\n")
    assert main(["check", "--segments", "-", "--backtranslator", "dictionary", "--format",
                 "json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["segments"]) == 1


def test_checks_takes_singular_and_plural_names(tmp_path, capsys):
    """#16: ``--checks numbers,titles`` (plural) beside ``--severity number=…``."""
    en, ja = _pair(tmp_path)
    sigs = []
    for names in ("numbers,titles", "number,title"):
        assert main(["check", en, ja, "--backtranslator", "dictionary", "--format", "json",
                     "--checks", names]) == 0
        sigs.append(json.loads(capsys.readouterr().out)["signature"])
    assert sigs[0] == sigs[1]
    assert "|checks:numbers-" in sigs[0] and ",titles-" in sigs[0] and "names-" not in sigs[0]
    assert main(["check", en, ja, "--checks", "nmbers"]) == 2
    assert "--checks: unknown check 'nmbers'" in capsys.readouterr().err


def test_checks_listing_keeps_whole_descriptions(capsys, monkeypatch):
    """#16: ``mtqa checks`` cut descriptions at the docstring's first line break."""
    from mtqa import checks
    from mtqa.cli.check import describe_check

    monkeypatch.setenv("COLUMNS", "80")
    assert main(["checks"]) == 0
    out = capsys.readouterr().out
    flat = " ".join(out.split())
    for name in checks.available():
        assert " ".join(describe_check(checks.load(name)).split()) in flat
    assert "where the English says it once." in flat  # cut at "says it" before
    assert all(len(line) <= 80 for line in out.splitlines() if line.isascii())


def test_usage_errors_show_the_subcommands_usage_in_two_lines(tmp_path, capsys):
    """#16: ``--format pdf`` printed 11 lines, and usage errors the top-level usage."""
    with pytest.raises(SystemExit) as exc:
        main(["check", "--format", "pdf", "a", "b"])
    err = capsys.readouterr().err
    assert exc.value.code == 2 and err.count("\n") == 2
    assert err.startswith("usage: mtqa check [options] [EN_FILE] [JA_FILE]")
    assert "mtqa check: error: argument --format: invalid choice: 'pdf'" in err
    with pytest.raises(SystemExit) as exc:  # found after parsing: still the command's usage
        main(["check", str(tmp_path / "en.txt")])
    err = capsys.readouterr().err
    assert exc.value.code == 2 and err.startswith("usage: mtqa check ") and err.count("\n") == 2
    with pytest.raises(SystemExit):
        main(["score", "-s", "x"])
    assert capsys.readouterr().err.startswith("usage: mtqa score [options]")


@pytest.mark.parametrize("command", [[], ["check"], ["score"]])
def test_help_states_the_exit_codes(capsys, command):
    with pytest.raises(SystemExit) as exc:
        main([*command, "--help"])
    out = capsys.readouterr().out
    assert exc.value.code == 0 and "exit codes:" in out
    assert "3  internal error" in out and "4  " in out and "2  bad input or usage" in out


def test_feed_internal_error_exits_3_with_the_traceback_in_its_out_folder(tmp_path, capsys,
                                                                          monkeypatch):
    """#15: ``mtqa feed`` goes through the same handler as ``check``."""
    from mtqa.feed import runner as feed

    def boom(*args, **kwargs):
        raise RuntimeError("journal in an impossible state")

    monkeypatch.setattr(feed, "run_feed", boom)
    (tmp_path / "stories").mkdir()
    (tmp_path / "stories" / "a.en.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "stories" / "a.ja.txt").write_text(JA, encoding="utf-8")
    out = tmp_path / "qa"
    out.mkdir()
    rc = main(["feed", str(tmp_path / "stories"), "--out", str(out), "-q", "-v",
               "--backtranslator", "dictionary"])
    err = capsys.readouterr().err
    crash = list(out.glob("mtqa-crash-*.txt"))
    assert rc == 3 and len(crash) == 1 and str(crash[0]) in err and err.count("\n") == 1


def test_output_to_an_existing_device_or_fifo_is_accepted_before_work(tmp_path) -> None:
    """-o /dev/null or a FIFO is written in place, so the early path check must not refuse
    it for its folder (/dev is not writable to a normal user)."""
    import os

    from mtqa.cli.common import check_output_path

    check_output_path(os.devnull)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    check_output_path(str(fifo))
    link = tmp_path / "link.json"
    (tmp_path / "sub").mkdir()
    link.symlink_to(tmp_path / "sub" / "real.json")
    check_output_path(str(link))


def test_feed_help_states_the_exit_codes(capsys) -> None:
    from mtqa.cli import main

    with pytest.raises(SystemExit):
        main(["feed", "--help"])
    out = capsys.readouterr().out
    for line in ("0  passed", "2  bad input", "3  internal error", "4  an output",
                 "130/143"):
        assert line in out
