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
