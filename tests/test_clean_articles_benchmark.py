"""benchmarks/clean_articles.py on the refA documents of the 40-item ESA excerpt: whole
professional articles, as an editor checks them (#19: "at most one finding on a clean
article")."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import clean_articles  # noqa: E402

EXCERPT = ROOT / "tests" / "data" / "esa_excerpt.jsonl"
LAST = re.compile(
    r"^clean_articles system=refA docs=7 no_finding=[\d.]+ at_most_one=[\d.]+ "
    r"gate_fails=[\d.]+ findings_per_1000=[\d.]+ seconds=\d+$"
)


def test_articles_join_their_paragraphs_in_line_order():
    rows = [json.loads(x) for x in EXCERPT.read_text(encoding="utf-8").splitlines()]
    articles = clean_articles.load_articles(EXCERPT, "refA")
    assert len(articles) == 7  # the excerpt's refA paragraphs come from 7 documents
    doc = "test-en-news_brisbanetimes.com.au.228963"
    [article] = [a for a in articles if a.doc_id == doc]
    mine = sorted((r["line_id"], r["translation"]) for r in rows
                  if r["system"] == "refA" and r["doc_id"] == doc)
    assert len(mine) == 2 and article.translation == "\n\n".join(t for _, t in mine)
    assert article.domain == "news"


def test_the_figures_and_the_last_line(tmp_path, capsys):
    out = tmp_path / "clean.json"
    assert clean_articles.main(["--data", str(EXCERPT), "--json", str(out), "--show", "5"]) == 0
    printed = capsys.readouterr().out.strip().splitlines()
    assert LAST.match(printed[-1])
    res = json.loads(out.read_text(encoding="utf-8"))
    assert res["docs"] == 7 and res["refused"] == 0
    assert sum(res["findings_histogram"].values()) == 7
    assert 0 <= res["no_finding"] <= res["at_most_one"] <= 1
    assert res["gate_fails_human_major"] + res["gate_fails_no_human_major"] == round(
        res["gate_fails"] * 7)


def test_bad_data_and_an_unknown_system_are_one_line_and_exit_2(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"system": "refA", "doc_id": "x"}\n', encoding="utf-8")
    assert clean_articles.main(["--data", str(bad)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("clean_articles: ") and "bad.jsonl:1" in err and "\n" not in err
    assert clean_articles.main(["--data", str(EXCERPT), "--system", "nobody"]) == 2
    err = capsys.readouterr().err.strip()
    assert "no item of system 'nobody'" in err and "\n" not in err
