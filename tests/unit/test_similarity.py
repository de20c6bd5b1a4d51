"""Cross-lingual anchors and features (issue #4): numbers, names, Latin tokens."""

from __future__ import annotations

import pytest

from mtqa.text.english import stem
from mtqa.text.japanese import romanize
from mtqa.text.similarity import (
    NameMatcher,
    english_features,
    english_numbers,
    japanese_features,
    japanese_numbers,
    overlap,
)


@pytest.mark.parametrize(
    ("en", "ja", "value"),
    [
        ("a $14 billion plant", "140億ドルの工場", "14000000000"),
        ("about 18,400 acres", "約1万8,400エーカー", "18400"),
        ("valued at €38 million", "3,800万ユーロ", "38000000"),
        ("$1.2 billion in tax incentives", "12億ドルの税制優遇", "1200000000"),
        ("5 million gallons a day", "1日最大500万ガロン", "5000000"),
        ("on Feb. 18", "2月18日に", "2"),
        ("on Feb. 18", "2月18日に", "18"),
        ("the third victory", "3勝目", "3"),
        ("two dogs", "2匹の犬", "2"),
        ("a 4.5 per cent rise", "4.5％の賃上げ", "4.5"),
        ("twenty people", "二十人", "20"),
    ],
)
def test_numbers_normalise_across_languages(en, ja, value):
    assert value in english_numbers(en)
    assert value in japanese_numbers(ja)


def test_bare_kanji_one_is_not_a_number():
    # 一方 ("meanwhile") and 一部 ("part") are words, not the number one
    assert japanese_numbers("一方、一部の道路は通行止めだ。") == frozenset()


def test_may_is_a_month_only_when_capitalised():
    assert "5" in english_numbers("The vote is in May.")
    assert "5" not in english_numbers("It may rain.")


# Whether a name and a reading match is tested with the one phonetic key, in
# tests/unit/test_phonetic.py (#17: this module had a key of its own).


def test_name_matcher_maps_readings_to_english_words():
    m = NameMatcher(["rubio", "lavrov", "moscow", "the"])
    assert m.match(romanize("ルビオ")) == {"rubio"}
    assert m.match(romanize("モスクワ")) == {"moscow"}
    assert m.match(romanize("ベルリン")) == frozenset()
    assert m.match(romanize("ラヴロフ")) == {"lavrov"}


def test_name_matcher_finds_one_consonant_names_by_sound():
    # Lee and リー share no first letters: the matcher looks them up by their one-class key
    m = NameMatcher(["lee", "leo", "siso", "law", "the"])
    assert m.match(romanize("リー")) == {"lee"}
    assert m.match(romanize("シソ")) == {"siso"}
    assert m.match(romanize("スシ")) == frozenset()


def test_name_matcher_compares_every_word_of_a_key():
    # words of one consonant key differ in their vowels, which names_match reads: the
    # matcher must compare each word, not one word per key (which one depended on the hash
    # seed, and so did the report: #17)
    from mtqa.text.phonetic import latin_key, names_match

    words = ["rubio", "rabia", "robb", "ruby", "lavrov", "laverave", "leferf", "trump",
             "tramp", "tromp", "darrow", "doria", "durer", "marco", "mirko", "merck"]
    assert len({latin_key(w) for w in words}) < len(words)  # keys are shared
    readings = [romanize(k) for k in ("ルビオ", "ラヴロフ", "トランプ", "ドリア", "マルコ", "ルビー")]
    for order in (words, words[::-1]):
        m = NameMatcher(order)
        for r in readings:
            assert m.match(r) == {w for w in words if names_match(w, r)}, r


def test_japanese_features_carry_anchors_and_readings():
    f = japanese_features("マルコ・ルビオ国務長官はNATOの会合で140億ドルを約束した。")
    assert "nato" in f.latin
    assert "14000000000" in f.numbers
    assert "rubio" in f.readings
    assert {stem("secretary"), stem("state")} <= f.stems  # 国務長官 through JMdict
    assert f.n_content >= 5


def test_english_features():
    f = english_features("Secretary of State Marco Rubio met NATO envoys on Tuesday.")
    assert {"marco", "rubio", "nato", "secretary", "state", "tuesday"} <= f.latin
    assert stem("envoys") in f.stems
    assert f.numbers == frozenset()


def test_overlap_is_kept_for_callers():
    good = overlap("The foreign minister arrived in Tokyo.", "外務大臣は東京に到着した。")
    bad = overlap("The foreign minister arrived in Tokyo.", "予算は4月に施行される。")
    assert 0.0 <= bad < good <= 1.0


def test_acronyms_that_are_stop_words_stay_anchors():
    # lower-cased, "IT", "US" and "WHO" are stop words; in capitals they are names that stay
    # in Latin script in Japanese (before: dropped, and a social post lost its only anchor)
    f = english_features("Staff say the IT team and the WHO briefed US officials.")
    assert {"it", "who", "us"} <= f.latin
    assert "i" not in english_features("I think so, Ana.").latin  # the pronoun is no acronym
    # a headline in capitals marks no acronym
    assert english_features("IT IS OVER FOR US").latin == frozenset()


def test_honorific_prefix_is_looked_up_with_its_word():
    # UniDic cuts お from 辞儀 (alone: "greeting"); JMdict glosses お辞儀 as "bow"
    f = japanese_features("若い騎士は深くお辞儀をした。")
    assert stem("bow") in f.stems


def test_katakana_name_cut_by_unidic_is_read_as_one_run():
    # UniDic knows neither name and cuts each into known pieces (ミル + ダン, ガー + ロウ)
    f = japanese_features("ミルダンはガーロウの手紙を読んだ。")
    assert {"mirudan", "gaarou"} <= f.readings
    matcher = NameMatcher(["mildan", "garlow"])
    assert matcher.match("mirudan") == {"mildan"}
    # names joined by ・ stay apart
    assert "jonsumisu" not in japanese_features("ジョン・スミスが来た。").readings


def test_verbs_of_saying_are_kept_for_the_aligner():
    # "say" is a stop word of the English word lists; a line of dialogue may hold nothing else
    assert english_features("He says that.").stems == {"say"}
    assert english_features("She told me.").stems == {"tell"}
