"""A note about the translation left in it (``ADD002``, :mod:`mtqa.checks.commentary`): a
Japanese sentence that speaks of translating or of the Japanese language where the English
article does not. Constructed pairs, and WMT24 ESA dev translations (a language model's
commentary on its own output, which annotators marked; professional translations, on which
it may not fire)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import mtqa
from mtqa.checks.commentary import translation_words
from tests.harness import Bead, run_check

DATA = Path(__file__).resolve().parent.parent / "data"
EN = "The city opened a new library on Monday. It holds 200,000 books."


def notes(en: str, ja: tuple[str, ...]) -> list[tuple[str, str, str]]:
    return [(f.code, f.severity, f.text) for f in run_check("commentary", Bead(en, ja))]


def test_a_note_about_the_translation_is_a_major_addition() -> None:
    ja = ("市は月曜日、新しい図書館を開館した。", "蔵書は20万冊。", "以下、より自然な日本語訳です。")
    assert notes(EN, ja) == [("ADD002", "major", "以下、より自然な日本語訳です。")]
    ja = ("市は月曜日、新しい図書館を開館した。", "この文は日本語に翻訳する必要はありません。")
    assert notes(EN, ja) == [("ADD002", "major", "この文は日本語に翻訳する必要はありません。")]
    # the translation itself says nothing of translating
    assert notes(EN, ("市は月曜日、新しい図書館を開館した。", "蔵書は20万冊。")) == []


def test_an_article_about_translation_or_japanese_may_speak_of_it() -> None:
    assert notes("The novel was translated into Japanese in 1990.",
                 ("その小説は1990年に日本語に翻訳された。",)) == []
    assert notes("She taught English to refugees for ten years.",
                 ("彼女は10年間、難民に英語を教えた。",)) == []


@pytest.mark.parametrize(
    ("sentence", "words"),
    [("以下、より自然な日本語訳です。", ["日本語訳"]),
     ("日本語に訳す場合、文脈に応じて置き換えます。", ["日本語", "訳す"]),
     ("和訳は次の通り。", ["和訳"]),
     # 訳 read わけ glosses a reason; 換算 is a conversion (its "translation" is no first sense)
     ("申し訳ありません。", []), ("そういうわけで、始めます。", []), ("ドル換算で10億円。", [])],
)
def test_words_of_translation_come_from_their_first_jmdict_sense(sentence: str,
                                                                 words: list[str]) -> None:
    assert [sentence[a:b] for a, b in translation_words(sentence)] == words


COMMENTARY = [json.loads(line) for line in
              (DATA / "esa_commentary.jsonl").read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("item", COMMENTARY, ids=lambda d: f"{d['system']}-{d['line_id']}")
def test_a_models_commentary_on_its_output_is_found(item) -> None:
    """WMT24 ESA dev: Gemini-1.5-Pro explained its rendering of a handle, or gave a second,
    'more natural' translation after its first; annotators marked each."""
    report = mtqa.check(item["source"], item["translation"], backtranslator="dictionary")
    assert [f for f in report.finding_list if f.code == "ADD002" and f.severity == "major"]


def test_professional_translations_have_no_commentary() -> None:
    rows = [json.loads(line) for name in ("esa_excerpt.jsonl", "perturb_excerpt.jsonl")
            for line in (DATA / name).read_text(encoding="utf-8").splitlines()]
    refa = [r for r in rows if r.get("system") == "refA"]
    assert refa
    for r in refa:
        report = mtqa.check(r["source"], r["translation"], backtranslator="dictionary",
                            checks=["commentary"])
        assert not report.finding_list, r["translation"][:40]
