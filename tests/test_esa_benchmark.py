"""benchmarks/esa.py on a 40-item excerpt of the WMT24 ESA en-ja development half (#18)."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import esa  # noqa: E402

EXCERPT = ROOT / "tests" / "data" / "esa_excerpt.jsonl"
LAST = re.compile(
    r"^esa char_f1=[\d.]+ major_f1=[\d.]+ seg_spearman=-?[\d.]+ major_item_auc=[\d.]+ "
    r"refa_major_share=[\d.]+ items=40 seconds=\d+$"
)


def test_excerpt_runs_with_a_cache_and_prints_the_figures(tmp_path, capsys):
    out = tmp_path / "esa.json"
    args = ["--data", str(EXCERPT), "--cache-dir", str(tmp_path / "cache"), "--json", str(out)]
    assert esa.main(args) == 0
    first = capsys.readouterr()
    assert LAST.match(first.out.strip().splitlines()[-1])
    assert "40 items, 0 cached" in first.err
    res = json.loads(out.read_text(encoding="utf-8"))
    flag_all = res["baselines"]["flag_everything"]["char"]
    assert flag_all["recall"] == 1.0 and 0 < flag_all["precision"] < 1
    assert res["raw"]["refa_paragraphs"] == 11 and "calibrated" in res
    assert sum(r["findings"] for r in res["raw"]["per_check"].values()) > 0
    # the second run reads every item from the cache and measures the same figures
    assert esa.main(args) == 0
    second = capsys.readouterr()
    assert "40 cached, 0 to check" in second.err
    assert json.loads(out.read_text(encoding="utf-8"))["raw"] == res["raw"]


def test_char_scores_and_auc_on_hand_made_items():
    it = esa.EsaItem("d", "news", "refA", "s", "abcdefghij", 50.0, ((2, 6, "major"),))
    assert esa.char_scores([it], [[(4, 8)]]) == {"precision": 0.5, "recall": 0.5, "f1": 0.5}
    assert esa.roc_auc([3.0, 1.0, 2.0, 2.0], [True, False, True, False]) == pytest.approx(0.875)


def test_folds_are_by_document():
    assert esa.doc_fold("doc-a", 5) == esa.doc_fold("doc-a", 5)
    assert len({esa.doc_fold(f"doc-{i}", 5) for i in range(50)}) == 5


def test_bad_data_is_one_line_and_exit_2(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"doc_id": "x"}\n', encoding="utf-8")
    assert esa.main(["--data", str(bad), "--no-cache"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("esa: ") and "bad.jsonl:1" in err and "\n" not in err
    assert esa.main(["--data", str(tmp_path / "missing"), "--no-cache"]) == 2


def test_a_fold_with_findings_of_one_label_gets_the_base_rate():
    # a small corpus (the excerpt, a --limit run) can leave a fold whose findings all fall off
    # the human spans: the fit gives the base rate instead of sklearn's "at least 2 classes"
    import numpy as np

    import fit_confidence

    rows = [{"chrf": 0.4, "code=MIS002": 1.0}, {"chrf": 0.7, "code=NUM001": 1.0}]
    ex = fit_confidence.Examples(rows=rows, y=np.array([0, 0]), item=np.array([0, 1]))
    model = fit_confidence.fit_logistic(ex)
    assert not model.coef.any()
    assert 0.0 < 1.0 / (1.0 + np.exp(-model.intercept)) <= 0.011


def test_omission_findings_are_measured_against_the_missing_marks():
    from types import SimpleNamespace as F

    marked = esa.EsaItem("d", "news", "sysA", "s", "abc", 50.0, (), missing=2)
    clean = esa.EsaItem("d", "news", "sysB", "s", "abc", 90.0, ())
    human = esa.EsaItem("d", "news", "refA", "s", "abc", 95.0, (), missing=1)
    om = F(category="omission", code="ALN001")
    other = F(category="number", code="NUM001")
    res = esa.omissions_on_missing([marked, clean, human], [[om, om], [om, other], [om]])
    # one item each (two findings of a code in one item count once), refA left out
    assert res == {"base_rate": 0.5, "codes": {"ALN001": {"items": 2, "marked": 0.5}}}
    # the data's missing field is read
    line = json.dumps({"doc_id": "d", "domain": "news", "system": "x", "source": "s",
                       "translation": "t", "esa_score": 1, "spans": [], "missing": 3})
    assert esa._parse_item(json.loads(line), "f:1").missing == 3


def test_a_lost_sentence_is_confirmed_by_a_missing_mark_not_by_a_span_nearby():
    """The confidence model's label: an omission at a point (no characters) is confirmed
    where the annotator marked the item ``missing``; a span beside the point does not
    confirm it, one holding it does, and a finding with characters needs an overlap."""
    from types import SimpleNamespace as F

    marked = esa.EsaItem("d", "news", "sysA", "s", "abcdef", 50.0, ((0, 2, "major"),), missing=1)
    unmarked = esa.EsaItem("d", "news", "sysB", "s", "abcdef", 50.0, ((0, 2, "major"),))
    point = F(category="omission", start=3, end=3)
    assert esa.confirmed(point, marked) and not esa.confirmed(point, unmarked)
    assert esa.confirmed(F(category="omission", start=1, end=1), unmarked)  # inside the span
    # a finding with characters is confirmed by an overlap only, whatever the missing mark
    assert not esa.confirmed(F(category="omission", start=3, end=5), marked)
    assert not esa.confirmed(F(category="number", start=3, end=3), marked)
