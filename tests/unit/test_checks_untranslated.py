import pytest

import mtqa

EN = ("Russian Foreign Minister Sergey Lavrov met NATO and EU officials. "
      "(Evelyn Hockstein/Pool Photo via AP)")


def flagged(ja, en=EN):
    r = mtqa.check(en, ja, backtranslator="dictionary", checks=("untranslated",))
    return [f.text for f in r.finding_list]


def test_flags_name_left_in_latin():
    assert flagged("Lavrovは火曜日にNATOとEUの当局者と会談した。") == ["Lavrov"]


def test_leaves_acronyms_credits_urls():
    ja = "ラヴロフ外相はNATOとEUの当局者と会談した。Evelyn Hockstein/AP通信。詳細はhttps://example.com/a を参照。"
    assert flagged(ja) == []


def test_flags_english_phrase_as_major():
    r = mtqa.check("The plan was put on hold.", "計画はput on holdされた。",
                   backtranslator="dictionary", checks=("untranslated",))
    assert [(f.text, f.severity) for f in r.finding_list] == [("put on hold", "major")]


# --- issue #3 refinements: constructed sentences ------------------------------------


@pytest.mark.parametrize(
    ("en", "ja"),
    [
        # the original spelling given in brackets after the Japanese rendering
        ("National Security Adviser Mike Waltz met reporters.",
         "マイク・ワルツ（Mike Waltz）国家安全保障担当補佐官は記者団と会った。"),
        # a designation with a number
        ("The plant, known as Fab 7, opened on Monday.", "「Fab 7」と呼ばれる工場が月曜日に開業した。"),
        # a unit
        ("Winds reached 90 km per hour.", "風速は時速90kmに達した。"),
        # a company name marked as such
        ("Google shares rose.", "米Google社の株価が上昇した。"),
    ],
)
def test_latin_that_belongs_left_alone(en, ja):
    assert flagged(ja, en) == []


def test_name_with_accented_letters_flagged_whole():
    assert flagged("チーム代表のSzabó氏が話した。", "Team principal Zsófia Szabó spoke.") == ["Szabó"]
