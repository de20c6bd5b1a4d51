"""A word moved into a name (issue #19 item 2): the scrambled check's ``SCR009``, from
:mod:`mtqa.checks.split_names`.

The flagged forms are how a moved modifier lands inside a name (the Japanese parts of one
English name with a Japanese word between them); the faithful forms are real translations:
``tests/data/esa_dotted_names.jsonl`` holds 39 paragraphs of WMT24 ESA en-ja dev (three of
each of the 12 systems and of the professional translation, refA, whose paragraphs of at most
700 characters render an English name as dot-joined katakana parts: drawn at random among
them; 534 paragraphs of the half do so).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mtqa.checks.split_names import split_names
from tests.harness import Bead, run_check

DATA = Path(__file__).resolve().parent.parent / "data"

SCHUMER = "The deal came after talks between Johnson and Senate Majority Leader Charles Schumer."
LAWLER = "Republican Rep. Mike Lawler of New York told reporters the vote would fail."


def split(en: str, ja: str) -> list[tuple[str, str]]:
    return [(f.code, f.text) for f in run_check("scrambled", Bead(en, ja)) if f.code == "SCR009"]


@pytest.mark.parametrize(
    ("en", "ja", "expected"),
    [
        # a modifier (最近の) moved between the given name and the surname
        (SCHUMER, "この合意はジョンソン氏と上院院内総務チャールズ・最近のシューマー氏との交渉の後に成立した。",
         [("SCR009", "チャールズ・最近のシューマー")]),
        # the modifier starts in katakana (ニューヨーク州選出の) and still splits the name
        (LAWLER, "共和党下院議員マイク・ニューヨーク州選出のローラー氏は、採決は失敗すると記者団に語った。",
         [("SCR009", "マイク・ニューヨーク州選出のローラー")]),
    ],
)
def test_flags_a_word_moved_into_a_name(en: str, ja: str, expected: list[tuple[str, str]]) -> None:
    findings = [f for f in run_check("scrambled", Bead(en, ja)) if f.code == "SCR009"]
    assert [(f.code, f.text) for f in findings] == expected
    assert all(f.category == "scrambled" and f.severity == "minor" for f in findings)
    assert "between the parts of the name" in findings[0].message


@pytest.mark.parametrize(
    ("en", "ja"),
    [
        # the faithful renderings of the cases above
        (SCHUMER, "この合意はジョンソン氏と上院院内総務チャールズ・シューマー氏との交渉の後に成立した。"),
        (LAWLER, "ニューヨーク州選出の共和党下院議員マイク・ローラー氏は、採決は失敗すると記者団に語った。"),
        # the dot joining a list, not the parts of a name
        ("Russia and China signed the pact.", "ロシア・中国の両国は協定に署名した。"),
        # the name's next part in Latin letters
        ("Hi everyone, it's Sander E here.", "皆さん、サンダー・Eです。"),
        # the second part said again later in the sentence, after the whole name
        ("Mike Lawler said Lawler's bill would pass.",
         "マイク・ローラー氏は、ローラー氏の法案は可決されると述べた。"),
    ],
)
def test_leaves_whole_names_and_lists_alone(en: str, ja: str) -> None:
    assert split(en, ja) == []


def test_the_span_covers_both_parts_and_what_lies_between() -> None:
    ja = "恋人、カーラス・みんなのミラーの登場だ！"
    [found] = split_names(ja, 0, len(ja), "Your baby daddy, Carlos Miller, in the building.")
    assert ja[found.start:found.end] == "カーラス・みんなのミラー"
    assert (found.english, found.between) == ("Carlos Miller", "みんなの")


def test_real_translations_of_names_are_not_flagged() -> None:
    """No SCR009 on 39 real paragraphs (12 systems and refA) that render English names as
    dot-joined katakana, run through the whole pipeline as the benchmarks run them."""
    import mtqa

    rows = [json.loads(x) for x in
            (DATA / "esa_dotted_names.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 39 and len({r["system"] for r in rows}) == 13
    flagged = []
    for row in rows:
        report = mtqa.check(row["source"], row["translation"], config=False,
                            backtranslator="dictionary", checks=("scrambled",))
        flagged += [(row["line_id"], f.text) for f in report.finding_list if f.code == "SCR009"]
    assert flagged == []


def test_two_names_joined_by_to_are_no_split_name() -> None:
    """"the merger of Halbrook Health and Severn Vale Hospitals": ハルブルック sounds a
    little like Vale too, but it is Halbrook; the names stand side by side."""
    en = ("The Health Markets Commission on Tuesday approved the merger of Halbrook Health and "
          "Severn Vale Hospitals.")
    ja = "医療市場委員会は火曜日、ハルブルック・ヘルスとセバーン・ベール・ホスピタルズの合併を承認した。"
    assert [f for f in run_check("scrambled", Bead(en, ja)) if f.code == "SCR009"] == []


def test_a_name_part_said_without_its_r_is_the_name_as_it_should_be() -> None:
    """ユニバーシティー・カレッジ・コークのフィオナ・ギャラガー: コーク is "Cork" (a non-rhotic
    accent), so ギャラガー, which sounds like "Cork" too, is no part moved away."""
    from mtqa.checks.split_names import split_names

    en = ("Dr Fiona Gallagher, a lecturer at University College Cork, authenticated the "
          "manuscript.")
    ja = "ユニバーシティー・カレッジ・コークのフィオナ・ギャラガー講師が原稿を鑑定した。"
    assert list(split_names(ja, 0, len(ja), en)) == []


def test_a_place_joined_by_the_dot_before_the_whole_name_splits_nothing() -> None:
    # (written blind, ontario-child-care-fee-target-delay) カナダ・ is the country before
    # its province; the name itself stands whole after it (サンドラ・コワルチク)
    en = ("Ontario will push back its fee target, Education Minister Sandra Kowalczyk said "
          "on Monday.")
    ja = "カナダ・オンタリオ州のサンドラ・コワルチク教育相は月曜日、保育料の目標を延期すると述べた。"
    assert split(en, ja) == []
