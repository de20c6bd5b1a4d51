import mtqa


def flagged(en, ja):
    r = mtqa.check(en, ja, backtranslator="dictionary", checks=("repetition",))
    return [f.text for f in r.finding_list]


def test_duplicated_time_phrase():
    en = "Officials met in Saudi Arabia on Tuesday for nearly four hours."
    ja = "当局者は火曜日にサウジアラビアで火曜日に4時間近く会談した。"
    assert flagged(en, ja) == ["火曜日に"]


def test_duplicated_clause():
    en = "He postponed his planned visit."
    ja = "彼は訪問する計画を延期する計画を延期した。"
    assert flagged(en, ja) != []


def test_legitimate_repetition_left_alone():
    en = "Russia and the United States agreed; the United States and Europe did not."
    ja = "ロシアと米国は合意したが、米国と欧州は合意しなかった。"
    assert flagged(en, ja) == []


def test_pronouns_not_flagged():
    en = "U.S. officials said they had no intention of shutting them out."
    ja = "米国当局者は、彼らが始めるならば、交渉から彼らを排除するつもりはないと述べた。"
    assert flagged(en, ja) == []
