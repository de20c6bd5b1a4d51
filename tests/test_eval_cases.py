"""The span-level case evaluation (issues #3 and #5): the harness's matching rules on
constructed data, its command line, and a regression test on data/cases that fails when
overall F1 drops below the recorded baseline minus its margin."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "data" / "cases"
BASELINE = ROOT / "benchmarks" / "eval_cases_baseline.json"
LAST_LINE = re.compile(
    r"^eval_cases recall=\d\.\d{3} precision=\d\.\d{3} f1=\d\.\d{3} clean_max_alarms=\d+$"
)


@pytest.fixture(scope="module")
def ec() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_cases", ROOT / "benchmarks" /
                                                  "eval_cases.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_cases"] = module
    spec.loader.exec_module(module)
    return module


def test_locate_counts_non_overlapping_occurrences(ec: ModuleType) -> None:
    text = "ああああ、3,000人と3,000人と3,000人"
    assert ec.locate(text, "ああ", 2) == (2, 4)
    assert ec.locate(text, "3,000人", 3) == (text.rindex("3,000人"), len(text))
    with pytest.raises(ec.GoldError):
        ec.locate(text, "3,000人", 4)


def test_overlap_rules(ec: ModuleType) -> None:
    assert ec.overlaps(0, 5, 4, 8) and not ec.overlaps(0, 4, 4, 8)
    # an empty finding (a point where content is missing) touching the gold span
    assert ec.overlaps(4, 4, 4, 8) and not ec.overlaps(9, 9, 4, 8)


def _finding(cat: str, start: int, end: int) -> dict[str, object]:
    return {"category": cat, "start": start, "end": end, "check": cat, "text": "x",
            "message": "m"}


def test_summary_recall_precision_and_clean_alarms(ec: ModuleType) -> None:
    gold = [ec.GoldSpan(0, 4, "abcd", "title", "major", ""),
            ec.GoldSpan(10, 14, "efgh", "number", "major", "")]
    findings = [_finding("title", 1, 3), _finding("name", 20, 22),
                _finding("boilerplate", 30, 40)]
    res = ec.CaseResult("a", gold, findings)
    res.found = [True, False]
    res.hits = [True, False, False]
    clean = ec.CaseResult("clean", [], [_finding("omission", 0, 1)])
    clean.found, clean.hits = [], [False]
    s = ec.summarize([res, clean])
    assert s["recall"] == 0.5
    # boilerplate is informational: 1 correct of 3 scored findings
    assert s["precision"] == pytest.approx(1 / 3)
    assert s["clean_alarms"] == {"clean": 1} and s["clean_max_alarms"] == 1
    assert s["categories"]["title"]["recall"] == 1.0
    assert s["categories"]["name"]["precision"] == 0.0
    assert s["categories"]["number"]["precision"] is None


def _write_case(folder: Path, name: str, en: str, ja: str, gold: list[dict[str, object]]) -> None:
    (folder / f"{name}.en.txt").write_text(en, encoding="utf-8")
    (folder / f"{name}.ja.txt").write_text(ja, encoding="utf-8")
    (folder / f"{name}.gold.json").write_text(json.dumps(gold, ensure_ascii=False),
                                              encoding="utf-8")


def test_command_line_output(ec: ModuleType, tmp_path: Path,
                             capsys: pytest.CaptureFixture[str]) -> None:
    _write_case(tmp_path, "calque", "Reform gains pace\n\nThe reform picked up steam in March.\n",
                "改革が加速\n\n改革は3月に蒸気を拾った。\n",
                [{"span": "蒸気を拾った", "occurrence": 1, "category": "mistranslation",
                  "severity": "major"}])
    _write_case(tmp_path, "clean", "Reform gains pace\n\nThe reform gained pace in March.\n",
                "改革が加速\n\n改革は3月に勢いを増した。\n", [])
    assert ec.main([str(tmp_path), "--json"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert LAST_LINE.match(lines[-1]), lines[-1]
    data = json.loads(lines[-2])
    assert data["recall"] == 1.0 and data["clean_alarms"] == {"clean": 0}
    assert set(data["categories"]) >= {"mistranslation"}
    assert ec.main([str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "clean article clean: 0 finding(s)" in out
    assert LAST_LINE.match(out.strip().splitlines()[-1])


def test_bad_gold_is_a_usage_error(ec: ModuleType, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    _write_case(tmp_path, "bad", "A.\n", "あ。\n", [{"span": "ない", "occurrence": 1}])
    assert ec.main([str(tmp_path)]) == 2
    assert "not in the text" in capsys.readouterr().err


def test_f1_on_the_cases_does_not_regress(ec: ModuleType) -> None:
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    summary = ec.evaluate(CASES, "dictionary")
    floor = baseline["f1"] - baseline.get("margin", 0.03)
    assert summary["f1"] >= floor, (
        f"overall F1 {summary['f1']:.3f} fell below the recorded {baseline['f1']:.3f} "
        f"minus {baseline.get('margin', 0.03)}; run python benchmarks/eval_cases.py data/cases"
    )
    # issue #3: at most one finding on the clean article
    assert summary["clean_max_alarms"] <= 1
