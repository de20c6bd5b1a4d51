"""benchmarks/damaged_articles.py on the refA documents of the 40-item ESA excerpt:
professional articles cut short, with a paragraph pasted twice, left in English or taken
from another story, as a pipeline damages them."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import damaged_articles  # noqa: E402
from clean_articles import Article  # noqa: E402

EXCERPT = ROOT / "tests" / "data" / "esa_excerpt.jsonl"
LAST = re.compile(r"^damaged_articles system=refA articles=\d+ texts=\d+ passed=[\d.]+ "
                  r"critical=[\d.]+ seconds=\d+$")


def test_cuts_inside_and_between_sentences():
    text = "一つ目の文です。二つ目の文はここで終わる。三つ目"
    assert damaged_articles.cut(text, 0.5, "inside") == text[: len(text) // 2]
    assert damaged_articles.cut(text, 0.5, "between") == "一つ目の文です。"
    assert damaged_articles.cut("句点のない文", 0.5, "between") == "句点の"


def test_the_damages_of_one_article():
    a = Article("d", "news", "One.\n\nTwo.\n\nThree.", "一。\n\n二つ目の文はここで終わる。三。\n\n四。")
    b = Article("e", "news", "Other.", "別の記事の段落。")
    assert damaged_articles.paragraph_twice(a, [a, b]) == (
        "一。\n\n二つ目の文はここで終わる。三。\n\n二つ目の文はここで終わる。三。\n\n四。")
    assert damaged_articles.sentence_twice(a, [a, b]) == (
        "一。\n\n二つ目の文はここで終わる。三。二つ目の文はここで終わる。\n\n四。")
    assert damaged_articles.english_paragraph(a, [a, b]) == "一。\n\nTwo.\n\n四。"
    assert damaged_articles.other_story(a, [a, b]) == "一。\n\n別の記事の段落。\n\n四。"
    assert damaged_articles.DAMAGES["middle paragraph lost"](a, [a, b]) == "一。\n\n四。"
    assert damaged_articles.DAMAGES["first paragraph lost"](b, [a, b]) is None
    assert damaged_articles.halves_swapped(a, [a, b]) is None  # three paragraphs
    c = Article("f", "news", "A.\n\nB.\n\nC.\n\nD.\n\nE.", "甲。\n\n乙。\n\n丙。\n\n丁。\n\n戊。")
    assert damaged_articles.halves_swapped(c, [c]) == "丙。\n\n丁。\n\n戊。\n\n甲。\n\n乙。"
    names = [name for name, _ in damaged_articles.damaged(a, [a, b])]
    assert "cut inside at 50%" in names and "other story" in names


def test_the_figures_and_the_last_line(tmp_path, capsys):
    out = tmp_path / "damaged.json"
    assert damaged_articles.main(["--data", str(EXCERPT), "--json", str(out),
                                  "--show", "3"]) == 0
    printed = capsys.readouterr().out.strip().splitlines()
    assert LAST.match(printed[-1]), printed[-1]
    res = json.loads(out.read_text(encoding="utf-8"))
    assert res["articles"] == 7 and res["counted"] >= 5 and res["texts"] >= 50
    assert sum(row["texts"] for row in res["by_damage"].values()) == res["texts"]
    # most damaged texts fail the gate even on these one- and two-paragraph excerpts (whole
    # articles: tests/unit/test_checks_alignment.py, test_checks_repetition.py)
    assert res["passed"] < 0.3 and res["critical"] > 0.3, res["by_damage"]
    assert sum(res["failing_codes"].values()) > 0
