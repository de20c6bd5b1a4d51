"""The back-translation divergence check (#19 item 7): a neural back-translation's words
that the English does not support, mapped to the Japanese through the attributions.

The back-translations are given with their attributions (what Marian's cross-attention
would record), so no weights are needed; one test runs the real Marian engine on the tiny
random model of ``tests/marian_fixture.py`` through the pipeline.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from mtqa import checks
from mtqa.checks import divergence
from mtqa.checks.divergence import DivergenceCheck
from mtqa.cli import main
from mtqa.config import QAConfig
from mtqa.pipeline import Pipeline
from mtqa.policy import resolve
from mtqa.types import Finding
from tests.harness import Bead, build_article, codes_and_texts, run_check
from tests.marian_fixture import one_torch_thread, tiny_marian  # noqa: F401 (fixtures)

FACTORY = "The company will build a new factory."
FACTORY_JA = "同社は新しい工場を建設する。"
FACTORY_WORDS = [("company", "同社"), ("build", "建設"), ("new", "新しい"), ("factory", "工場")]


def _bead(english: str, japanese: str, back_translation: str,
          words: list[tuple[str, str]]) -> Bead:
    """A 1:1 bead whose back-translation attributes each English word of ``words`` to its
    Japanese (as Marian's cross-attention would: one attribution per word)."""
    attrs = []
    for en, ja in words:
        a, j = back_translation.index(en), japanese.index(ja)
        attrs.append((a, a + len(en), j, j + len(ja)))
    return Bead(english, japanese, back_translation, attrs)


def _run_neural(*beads: Bead) -> list[Finding]:
    """The check's findings with a neural back-translation (as the pipeline's context says
    for Marian and CTranslate2), keeping the offset contract."""
    check = DivergenceCheck()
    article = build_article(beads, check_objects=[check])
    ctx = dataclasses.replace(article.context, neural_back_translation=True)
    found = [f for pair in article.pairs for f in check.run(pair, ctx)]
    found += list(check.finish(ctx))
    for f in found:
        assert article.translation.text[f.start : f.end] == f.text
    return found


def test_a_substituted_word_is_a_mistranslation_at_its_japanese():
    ja = "同社は新しい空港を建設する。"
    bead = _bead(FACTORY, ja, "The company will build a new airport.",
                 [*FACTORY_WORDS[:3], ("airport", "空港")])
    found = _run_neural(bead)
    assert codes_and_texts(found) == [("DIV001", "空港")]
    f = found[0]
    assert (f.category, f.severity, f.check) == ("mistranslation", "minor", "divergence")
    assert f.evidence["english"] == "factory" and f.evidence["back_translation"] == "airport"
    assert (f.start, f.end) == (ja.index("空港"), ja.index("空港") + 2)


def test_an_added_clause_is_an_addition():
    ja = "同社は新しい工場を建設し、選挙は延期された。"
    bead = _bead(FACTORY, ja,
                 "The company will build a new factory, and the election was postponed.",
                 [*FACTORY_WORDS, ("election", "選挙"), ("postponed", "延期")])
    found = _run_neural(bead)
    # the two unsupported words are one span: their Japanese lies together
    assert codes_and_texts(found) == [("DIV002", "選挙は延期")]
    assert found[0].category == "addition" and found[0].severity == "minor"
    assert found[0].evidence["back_translation"] == "election was postponed"


def test_an_omitted_english_phrase_points_at_the_word_before_it():
    bead = _bead("The company will build a new factory in the northern city.", FACTORY_JA,
                 "The company will build a new factory.", FACTORY_WORDS)
    found = _run_neural(bead)
    assert codes_and_texts(found) == [("DIV003", "工場")]
    assert found[0].category == "omission" and found[0].reference == "northern city"


def test_an_omission_without_an_attributed_neighbour_points_at_the_pairs_end():
    # the engine recorded no attribution for "factory", the word rendered before the gap
    bead = _bead("The company will build a new factory in the northern city.", FACTORY_JA,
                 "The company will build a new factory.", FACTORY_WORDS[:2])
    found = _run_neural(bead)
    assert [(f.code, f.reference) for f in found] == [("DIV003", "northern city")]
    assert found[0].text == "する"  # the last word of the pair


def test_a_faithful_back_translation_gives_nothing():
    bead = _bead(FACTORY, FACTORY_JA, "The company will build a new factory.", FACTORY_WORDS)
    assert _run_neural(bead) == []


def test_a_paraphrase_whose_japanese_renders_the_english_gives_nothing():
    # "slammed" shares no JMdict sense with "criticised", but 批判 glosses "criticism"
    en, ja = "The minister criticised the plan.", "大臣は計画を批判した。"
    words = [("minister", "大臣"), ("slammed", "批判"), ("plan", "計画")]
    assert _run_neural(_bead(en, ja, "The minister slammed the plan.", words)) == []
    # a Japanese that does not render the English is reported (praised for criticised)
    ja2 = "大臣は計画を称賛した。"
    words2 = [("minister", "大臣"), ("praised", "称賛"), ("plan", "計画")]
    found = _run_neural(_bead(en, ja2, "The minister praised the plan.", words2))
    assert codes_and_texts(found) == [("DIV001", "称賛")]


def test_a_synonym_from_jmdict_gives_nothing():
    # "pledged" for "vowed": one-word glosses of the same JMdict senses
    en, ja = "The president vowed to rebuild the city.", "大統領は市の再建を誓った。"
    words = [("president", "大統領"), ("pledged", "誓"), ("rebuild", "再建"), ("city", "市")]
    bt = "The president pledged to rebuild the city."
    assert _run_neural(_bead(en, ja, bt, words)) == []


def test_numbers_and_names_are_left_to_their_checks():
    en = "Lavrov met officials in Riyadh on Tuesday."
    ja = "ラブロフ氏は火曜日にジッダで5人の当局者と会談した。"
    bt = "Lavrov met five officials in Jeddah on Tuesday."
    words = [("Lavrov", "ラブロフ"), ("met", "会談"), ("five", "5"), ("officials", "当局者"),
             ("Jeddah", "ジッダ"), ("Tuesday", "火曜日")]
    assert _run_neural(_bead(en, ja, bt, words)) == []


def test_a_misaligned_pair_is_not_compared_word_for_word():
    # nothing of the English is back-translated: the aligner's finding, not every word's
    bead = _bead(FACTORY, "選挙は延期された。", "The election was postponed.",
                 [("election", "選挙"), ("postponed", "延期")])
    assert _run_neural(bead) == []


def test_a_word_of_the_neighbouring_english_was_moved_not_added():
    moved = _bead(FACTORY, "同社は新しい工場を建設し、選挙は延期された。",
                  "The company will build a new factory, and the election was postponed.",
                  [*FACTORY_WORDS, ("election", "選挙"), ("postponed", "延期")])
    after = _bead("The election was postponed.", "それは発表された。", "It was announced.",
                  [("announced", "発表")])
    found = _run_neural(moved, after)
    assert not any(f.code == "DIV002" for f in found)


def test_english_rendered_in_the_next_sentence_was_moved_not_omitted():
    here = _bead("The company will build a new factory in the northern city.", FACTORY_JA,
                 "The company will build a new factory.", FACTORY_WORDS)
    there = _bead("It will open next year.", "北部の都市で来年開業する。",
                  "It will open in the northern city next year.",
                  [("northern", "北部"), ("city", "都市"), ("open", "開業")])
    assert not any(f.code == "DIV003" for f in _run_neural(here, there))
    assert codes_and_texts(_run_neural(here)) == [("DIV003", "工場")]


def test_the_dictionary_engine_gives_nothing():
    """Glosses word by word are no translation: without a neural engine, nothing."""
    bead = _bead(FACTORY, "同社は新しい空港を建設する。", "The company will build a new airport.",
                 [*FACTORY_WORDS[:3], ("airport", "空港")])
    assert run_check("divergence", bead) == []  # the harness's context: not neural
    # through the pipeline with the dictionary engine
    report = Pipeline(QAConfig(backtranslator="dictionary", checks=("divergence",))).run(
        "The company will build a new factory in the northern city.",
        "同社は新しい空港を建設する。")
    assert report.finding_list == ()
    assert "divergence-1" in report.signature


def test_not_in_the_default_run_but_run_when_asked(tmp_path: Path, capsys, monkeypatch):
    assert "divergence" in checks.available() and "divergence" not in checks.defaults()
    assert not any(isinstance(c, DivergenceCheck) for c in checks.create(None))
    default = Pipeline(QAConfig(backtranslator="dictionary"))
    assert "divergence" not in default.signature_parts()["checks"]
    asked = Pipeline(QAConfig(backtranslator="dictionary", checks=("numbers", "divergence")))
    assert [c.name for c in asked.check_objects] == ["numbers", "divergence"]
    # a policy file's checks
    (tmp_path / "mtqa.toml").write_text('checks = ["divergence"]\n', encoding="utf-8")
    assert resolve({}, search_dir=str(tmp_path)).config.checks == ("divergence",)
    # the command line
    en, ja = tmp_path / "en.txt", tmp_path / "ja.txt"
    en.write_text(FACTORY + "\n", encoding="utf-8")
    ja.write_text(FACTORY_JA + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    rc = main(["check", "--no-config", "--backtranslator", "dictionary", "--checks",
               "divergence", "--format", "json", str(en), str(ja)])
    out = capsys.readouterr().out
    assert rc == 0 and "checks:divergence-1|" in out
    assert main(["checks"]) == 0
    assert "divergence" in capsys.readouterr().out


@pytest.mark.usefixtures("one_torch_thread")
def test_runs_end_to_end_with_the_marian_engine(tiny_marian, tmp_path, monkeypatch):
    """The real path: Marian's back-translation and attributions, the pipeline's context
    (which must say the engine is neural), the check's spans. The tiny model's weights are
    random, so its output is no English and what it finds is not asserted."""
    import mtqa

    compared: list[int] = []
    real_read = divergence._read

    def spy(pair, lex):  # type: ignore[no-untyped-def]
        compared.append(len(pair.attributions))
        return real_read(pair, lex)

    monkeypatch.setattr(divergence, "_read", spy)
    en = ("The talks lasted about four and a half hours. "
          "The company said it would build a new factory.")
    ja = "協議は約4時間半続いた。同社は新しい工場を建設すると発表した。"
    report = mtqa.check(en, ja, config=False, backtranslator="marian", model=str(tiny_marian),
                        cache_dir=str(tmp_path / "c"), checks=["divergence"])
    # every content pair compared: the context said neural, the pairs carry attributions
    assert len(compared) == 2 and all(compared), compared
    assert "divergence-1" in report.signature
    for f in report.finding_list:
        assert f.check == "divergence" and f.severity == "minor"
        assert report.translation_text[f.start : f.end] == f.text and f.start < f.end
        pair = report.pairs[f.segment]
        assert pair.mt_start <= f.start <= f.end <= pair.mt_end
