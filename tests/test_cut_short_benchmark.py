"""benchmarks/cut_short.py on the refA documents of the 40-item ESA excerpt: professional
articles cut short, as an output limit or a half-stored feed item cuts them."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import cut_short  # noqa: E402

EXCERPT = ROOT / "tests" / "data" / "esa_excerpt.jsonl"
LAST = re.compile(r"^cut_short system=refA articles=\d+ cuts=\d+ passed=[\d.]+ "
                  r"critical=[\d.]+ seconds=\d+$")


def test_cuts_inside_and_between_sentences():
    text = "一つ目の文です。二つ目の文はここで終わる。三つ目"
    assert cut_short.cut(text, 0.5, "inside") == text[: len(text) // 2]
    assert cut_short.cut(text, 0.5, "between") == "一つ目の文です。"
    assert cut_short.cut("句点のない文", 0.5, "between") == "句点の"


def test_no_cut_of_the_excerpt_passes_and_the_last_line(tmp_path, capsys):
    out = tmp_path / "cut.json"
    assert cut_short.main(["--data", str(EXCERPT), "--json", str(out), "--show", "3"]) == 0
    printed = capsys.readouterr().out.strip().splitlines()
    assert LAST.match(printed[-1]), printed[-1]
    res = json.loads(out.read_text(encoding="utf-8"))
    assert res["articles"] == 7 and res["counted"] >= 5 and res["cuts"] >= 40
    # the overall share is the mean of the table's cells (each cell has as many cuts)
    cells = [x for row in res["passed_by_place_and_share"].values() for x in row.values()]
    assert abs(res["passed"] - sum(cells) / len(cells)) < 0.01
    # most cuts fail the gate even on these one- and two-paragraph excerpts (whole articles:
    # tests/unit/test_checks_alignment.py::test_a_professional_article_cut_short_never_passes)
    assert res["passed"] < 0.3 and res["critical"] > 0.5, res["passed_by_place_and_share"]
    assert sum(res["failing_codes"].values()) > 0
