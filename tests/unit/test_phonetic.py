"""Phonetic keys for Latin names vs katakana renderings (issue #3)."""

from __future__ import annotations

import pytest

from mtqa.text.phonetic import (
    kana_key,
    key_similarity,
    latin_key,
    name_similarity,
    romaji_similarity,
)


@pytest.mark.parametrize(
    ("english", "kana"),
    [
        ("Lavrov", "ラヴロフ"),  # v → ヴ/フ, l/r
        ("Lavrov", "ラブロフ"),  # v → b
        ("Merkel", "メルケル"),  # l → r, epenthetic vowels
        ("Smith", "スミス"),  # th → s (near pair)
        ("Horváth", "ホルヴァート"),  # diacritics, long vowel
        ("Kovács", "コヴァーチ"),  # Hungarian cs
        ("Szabó", "サボー"),  # Hungarian sz
        ("Heijden", "ヘイデン"),  # Dutch ij is a vowel
        ("Papadopoulou", "パパドプル"),  # doubled letters, vowel clusters
        ("Mattarella", "マッタレッラ"),  # ッ gemination
        ("Laurent", "ローラン"),  # silent final t
        ("Parker", "パーカー"),  # non-rhotic r
        ("Carter", "カーター"),
    ],
)
def test_renderings_sound_like_their_names(english, kana):
    assert name_similarity(english, kana) >= 0.75, (latin_key(english), kana_key(kana))


@pytest.mark.parametrize(
    ("english", "kana"),
    [("Zelenskyy", "トランプ"), ("Macron", "ショルツ"), ("Nakamura", "ベルリン"),
     ("Putin", "メルケル")],
)
def test_unrelated_words_do_not(english, kana):
    assert name_similarity(english, kana) < 0.6


def test_keys_fold_consonant_classes():
    assert latin_key("Zelenskyy") == kana_key("ゼレンスキー") == "SRNSK"
    assert latin_key("Vasilakis") == kana_key("ヴァシラキス")


def test_a_missing_consonant_lowers_similarity_but_keeps_it_close():
    full = key_similarity(latin_key("Zelenskyy"), kana_key("ゼレンスキー"))
    garbled = key_similarity(latin_key("Zelenskyy"), kana_key("ゼレンキー"))
    assert full == 1.0
    assert 0.6 < garbled < full


def test_romaji_similarity_separates_variants_from_other_words():
    assert romaji_similarity("ヴァン", "ファン") >= 0.6
    assert romaji_similarity("ズガンバーティ", "スガンバティ") > 0.8
    assert romaji_similarity("ソニー", "ジョン") < 0.6


def test_empty_keys():
    assert key_similarity("", "") == 0.0
    assert key_similarity("BN", "") == 0.0
    assert name_similarity("", "ア") == 0.0
