"""The pipeline hands the policy it ran with to the report (#16.7)."""

from __future__ import annotations

from mtqa.config import QAConfig
from mtqa.pipeline import Pipeline


def test_report_carries_the_policy_it_was_gated_with():
    cfg = QAConfig(backtranslator="dictionary").with_options(max_major=7)
    cfg = cfg.with_policy_source("newsroom/mtqa.toml", {"max_major": "file"})
    report = Pipeline(cfg).run_segments([("The talks lasted four hours.", "協議は4時間続いた。")])
    assert report.policy == cfg.policy and report.policy_source == "newsroom/mtqa.toml"
    d = report.to_dict()["policy"]
    assert d["source"] == "newsroom/mtqa.toml" and d["max_major"] == 7
    assert d["origins"] == {"max_major": "file"}
    # where a policy came from is not a result: the signature does not change with it
    other = Pipeline(QAConfig(backtranslator="dictionary").with_options(max_major=7))
    assert other.signature_parts() == Pipeline(cfg).signature_parts()
