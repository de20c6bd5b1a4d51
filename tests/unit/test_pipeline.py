"""The pipeline: what a user relies on from a run (#17) and the policy it hands to the
report (#16.7)."""

from __future__ import annotations

import json

import pytest

from mtqa.config import QAConfig
from mtqa.errors import ModelUnavailableError
from mtqa.pipeline import Pipeline
from mtqa.score import mqm_score, word_count
from mtqa.types import INFORMATIONAL_CATEGORIES
from tests.conftest import CASES


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


# --- #17: what a user relies on from a run ------------------------------------------------

EN = (CASES / "chip-factory.en.txt").read_text(encoding="utf-8")
JA = (CASES / "chip-factory.ja.txt").read_text(encoding="utf-8")
DICTIONARY = QAConfig(backtranslator="dictionary")


def test_a_run_twice_gives_the_same_report():
    """The same inputs give byte-identical JSON: from one pipeline run twice (nothing
    carried over from the first article, #17 per-document state) and from a new one."""
    pipeline = Pipeline(DICTIONARY)
    first = pipeline.run(EN, JA).to_json()
    assert pipeline.run(EN, JA).to_json() == first
    assert Pipeline(DICTIONARY).run(EN, JA).to_json() == first
    assert json.loads(first)["findings"]  # an article with findings: something to repeat


def test_another_article_in_between_changes_nothing():
    """Per-document state (name spellings, numbers of the article) starts afresh for each
    article: a run after another article equals a run on its own."""
    other_en = (CASES / "f1-race.en.txt").read_text(encoding="utf-8")
    other_ja = (CASES / "f1-race.ja.txt").read_text(encoding="utf-8")
    pipeline = Pipeline(DICTIONARY)
    pipeline.run(other_en, other_ja)
    assert pipeline.run(EN, JA).to_json() == Pipeline(DICTIONARY).run(EN, JA).to_json()


def test_only_the_chosen_checks_run_and_the_signature_names_them():
    cfg = DICTIONARY.with_options(checks=("numbers", "titles"))
    report = Pipeline(cfg).run(EN, JA)
    assert {f.check for f in report.finding_list} <= {"numbers", "titles"}
    named = [part.rsplit("-", 1)[0] for part in report.signature_parts["checks"].split(",")]
    assert named == ["numbers", "titles"]


def test_findings_are_in_text_order_without_duplicates_and_index_the_japanese():
    report = Pipeline(DICTIONARY).run(EN, JA)
    spans = [(f.start, f.end) for f in report.finding_list]
    assert spans == sorted(spans)
    keys = [(f.start, f.end, f.category) for f in report.finding_list]
    assert len(keys) == len(set(keys))
    assert all(JA[f.start : f.end] == f.text for f in report.finding_list)


def test_the_score_is_the_mqm_score_of_the_reported_findings():
    report = Pipeline(DICTIONARY).run(EN, JA)
    assert report.score == mqm_score(report.finding_list, word_count(EN))
    assert report.score < 100.0  # the article has errors


def test_a_policy_severity_override_reaches_findings_score_and_gate():
    """``[severity] number = "minor"``: the numbers findings become minor, the score rises
    and a gate that allows minor findings passes where the default failed."""
    base = Pipeline(DICTIONARY.with_options(checks=("numbers",))).run(EN, JA)
    assert base.finding_list and base.verdict == "fail"
    eased = Pipeline(DICTIONARY.with_options(checks=("numbers",),
                                             severity={"number": "minor"})).run(EN, JA)
    assert {f.severity for f in eased.finding_list} == {"minor"}
    assert eased.score > base.score and eased.verdict == "pass"


def test_progress_reports_every_stage_with_done_below_total():
    seen: list[tuple[str, int, int]] = []
    Pipeline(DICTIONARY.with_options(checks=("numbers", "titles")),
             progress=lambda stage, done, total: seen.append((stage, done, total))).run(EN, JA)
    stages = [s for s, _, _ in seen]
    assert stages[0] == "back-translating"
    assert "checking numbers" in stages and "checking titles" in stages
    assert stages.index("checking numbers") < stages.index("checking titles")
    assert all(0 <= done < total for _, done, total in seen)


def test_a_pipeline_is_built_before_its_engine_is_loaded():
    """Constructing a Pipeline loads nothing: an engine that is not available fails only
    when it is first needed, with its typed error (the CLI turns it into exit 2)."""
    pipeline = Pipeline(QAConfig(backtranslator="marian", model="/nonexistent/model"))
    with pytest.raises(ModelUnavailableError):
        pipeline.run(EN, JA)


def test_segments_keep_each_pair_and_its_offsets():
    pairs = [("The talks lasted four hours.", "協議は4時間続いた。"),
             ("Ministers met in Riyadh.", "閣僚らはリヤドで会談した。")]
    report = Pipeline(DICTIONARY).run_segments(pairs)
    assert [(p.reference, p.translation) for p in report.pairs] == pairs
    for p in report.pairs:
        assert report.translation_text[p.mt_start : p.mt_end] == p.translation
        assert report.reference_text[p.ref_start : p.ref_end] == p.reference
    assert not [f for f in report.finding_list if f.category not in INFORMATIONAL_CATEGORIES]


def test_the_garbage_collector_is_paused_during_a_check_and_restored_after():
    import gc

    from mtqa.errors import InputError
    from mtqa.pipeline import Pipeline, collector_paused

    seen = []
    pipe = Pipeline(QAConfig(backtranslator="dictionary"))
    real = pipe.engine.translate
    pipe.engine.translate = lambda texts, *a, **k: (seen.append(gc.isenabled()), real(texts))[1]
    assert gc.isenabled()
    pipe.run("The minister arrived on Monday.", "大臣は月曜日に到着した。")
    assert seen == [False] and gc.isenabled()
    # restored when the check fails, too
    with pytest.raises(InputError):
        english = "The minister arrived in Paris on Monday for two days of talks with officials."
        pipe.run(english, english)
    assert gc.isenabled()
    # a caller that turned the collector off keeps it off
    gc.disable()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_an_article_leaves_no_reference_cycles_behind():
    # collector_paused moves what a check leaves alive straight to the oldest generation,
    # which only full collections examine: a cycle made while checking would linger there
    import gc

    from mtqa.text.cache import clear_text_caches

    pipe = Pipeline(QAConfig(backtranslator="dictionary"))
    articles = [(CASES.parent / "riyadh" / "en.txt", CASES.parent / "riyadh" / "ja.txt")]
    articles += [(en, en.with_name(en.name.replace(".en.", ".ja.")))
                 for en in sorted(CASES.glob("*.en.txt"))]
    # the first check imports and builds what is loaded lazily (classes are cycles)
    pipe.run(articles[0][0].read_text(encoding="utf-8"), articles[0][1].read_text(encoding="utf-8"))
    clear_text_caches()
    gc.collect()
    for en, ja in articles:
        report = pipe.run(en.read_text(encoding="utf-8"), ja.read_text(encoding="utf-8"))
        del report
        clear_text_caches()
        assert gc.collect() == 0, en.name


def test_the_collector_keeps_a_callers_frozen_objects_frozen():
    import gc

    from mtqa.pipeline import collector_paused

    gc.freeze()  # as a pre-fork server does
    try:
        kept = gc.get_freeze_count()
        with collector_paused():
            [object() for _ in range(10)]
        # an unfreeze would empty the frozen generation and a freeze would add the young
        # objects to it; a frozen object freed meanwhile by reference counting (another
        # test's thread letting go of it) leaves it a little smaller, which is no fault
        assert 0 < gc.get_freeze_count() <= kept and gc.isenabled()
    finally:
        gc.unfreeze()
