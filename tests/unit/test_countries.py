"""Countries in English and Japanese (mtqa/text/countries.py) and the JMdict look-up by
English gloss behind them (mtqa.text.lexicon.proper_headwords)."""

from __future__ import annotations

import pytest

from mtqa.text.countries import countries_rendered_by, country_renderings, country_mentions
from mtqa.text.lexicon import proper_headwords


@pytest.mark.parametrize("word,country", [
    ("フランス", "France"), ("英国", "United Kingdom"), ("イギリス", "United Kingdom"),
    ("アメリカ", "United States"), ("ジョージア", "Georgia"),  # "Georgia (country)"
])
def test_a_country_word_names_its_country(word: str, country: str) -> None:
    assert country in [forms[0] for forms in countries_rendered_by(word)]


@pytest.mark.parametrize("word", ["会談", "コンピュータ", "英", "ニューヨーク"])
def test_other_words_name_no_country(word: str) -> None:
    # (英 is one character: the compound rule of renders_country reads it, not this)
    assert countries_rendered_by(word) == ()


def test_the_lookup_is_the_inverse_of_the_renderings() -> None:
    for mention in country_mentions("Belgian and French ministers met in the UK."):
        for word in mention.renderings:
            if len(word) >= 2:
                assert mention.forms in countries_rendered_by(word), word


def test_a_gloss_note_is_matched_as_written() -> None:
    # a note after the gloss counts ("Georgia (country)"), in the gloss's own case: the
    # bird 七面鳥 is glossed "turkey (bird)", which is not the country
    assert "ジョージア" in proper_headwords("Georgia")
    assert "トルコ" in proper_headwords("Turkey")
    assert "七面鳥" not in proper_headwords("Turkey")
    assert "トルコ" in country_renderings(("Turkey", "Turkish"))


def test_a_one_kanji_abbreviation_opens_a_katakana_compound_too() -> None:
    """米メディア企業 ("US media group"), 英ロイター; not 米 alone nor before kana."""
    from mtqa.text.countries import renders_country

    us = next(iter(country_mentions("the US"))).renderings
    assert renders_country("米メディア企業クレストラインの傘下", us)
    assert renders_country("米国務長官", us)
    assert not renders_country("米を炊く", us)


def test_a_pair_of_one_kanji_abbreviations_names_both_countries() -> None:
    """豪比 ("Australia and the Philippines"), 日米: the second abbreviation of a pair."""
    from mtqa.text.countries import renders_country

    ph = next(iter(country_mentions("the Philippines"))).renderings
    assert renders_country("豪比、係争海域付近で演習", ph)
    assert not renders_country("前年と対比、", ph)
