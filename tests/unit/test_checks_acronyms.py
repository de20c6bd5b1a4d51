"""The acronyms check (``MIS005``): an English acronym that spells a pronoun (US, IT, WHO)
read as the word, so that the Japanese says "us", "it" or "who" instead of the country or
the organisation."""

from __future__ import annotations

from pathlib import Path

import pytest

import mtqa
from tests.harness import Bead, run_check

ROOT = Path(__file__).resolve().parents[2]


def misread(en: str, ja: str) -> list[tuple[str, str, str]]:
    return [(f.code, f.severity, f.text) for f in run_check("acronyms", Bead(en, ja))]


def test_the_sample_headline_reads_us_as_the_pronoun() -> None:
    # data/riyadh (real machine translation): "the talks between US and Russian officials"
    # → 私たちとロシアの役人 ("us and Russian officials")
    report = mtqa.check((ROOT / "data/riyadh/en.txt").read_text(encoding="utf-8"),
                        (ROOT / "data/riyadh/ja.txt").read_text(encoding="utf-8"),
                        backtranslator="dictionary", checks=("acronyms",))
    found = [(f.code, f.category, f.severity, f.text) for f in report.finding_list]
    assert found == [("MIS005", "mistranslation", "major", "私たち")]
    assert "US" in report.finding_list[0].message


@pytest.mark.parametrize(
    ("en", "ja", "expected"),
    [
        ("The WHO issued new guidance on Monday.", "誰が月曜日に新しい指針を出した。",
         [("MIS005", "major", "誰")]),
        ("The IT department was closed for a week.", "それ部門は1週間閉鎖された。",
         [("MIS005", "major", "それ")]),
        ("Talks between US and Chinese officials resumed.", "私たちと中国の当局者の協議が再開した。",
         [("MIS005", "major", "私たち")]),
    ],
)
def test_an_acronym_read_as_a_pronoun_is_flagged(en: str, ja: str,
                                                 expected: list[tuple[str, str, str]]) -> None:
    assert misread(en, ja) == expected


@pytest.mark.parametrize(
    ("en", "ja"),
    [
        # the English has a pronoun of that person: the Japanese one renders it
        ("We met US officials in Geneva.", "私たちはジュネーブで米国当局者と会った。"),
        ("Our talks with US officials went well.", "私たちと米国当局者の協議は順調だった。"),
        ("The WHO said it would review the data.", "WHOは、それがデータを見直すと述べた。"),
        # the acronym rendered as the country: no pronoun at all
        ("Talks between US and Chinese officials resumed.", "米中当局者の協議が再開した。"),
        # a sentence in capitals has no acronyms: WE is the pronoun
        ("HOW DO WE KILL THEM?", "私たちはどうやって彼らを倒すのか？"),
    ],
)
def test_pronouns_the_english_has_are_left_alone(en: str, ja: str) -> None:
    assert misread(en, ja) == []
