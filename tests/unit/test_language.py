"""Language detection by script shares and the pair guard (issue #9)."""

from __future__ import annotations

import pytest

from mtqa.errors import InputError
from mtqa.text.language import MIN_LETTERS, check_pair, detect, foreign_latin, rendered_sizes
from tests.conftest import CASES, RIYADH, case_names

FR = (
    "Le ministre des Affaires étrangères a rencontré mardi son homologue russe à Riyad pour "
    "des discussions qui ont duré près de quatre heures. Selon les responsables, les deux "
    "délégations ont convenu de rétablir leurs ambassades et de nommer des équipes."
)
DE = (
    "Der Außenminister traf sich am Dienstag in Riad mit seinem russischen Amtskollegen zu "
    "Gesprächen, die fast vier Stunden dauerten. Nach Angaben von Beamten vereinbarten beide "
    "Delegationen, ihre Botschaften wiederherzustellen und Verhandlungsteams zu ernennen."
)
ES = (
    "El ministro de Asuntos Exteriores se reunió el martes en Riad con su homólogo ruso para "
    "unas conversaciones que duraron casi cuatro horas. Según los funcionarios, ambas "
    "delegaciones acordaron restablecer sus embajadas y nombrar equipos de negociación."
)
#: What a language model answers instead of a translation (the shape of WMT24 outputs).
REFUSAL = (
    "I apologize, but I cannot translate or reproduce that text, as it appears to be a "
    "copyrighted introduction or script. Perhaps I could summarise its main points instead, "
    "or translate a different passage that you would like me to help with."
)
ZH = (
    "外交部长周二在利雅得会见了俄罗斯外长，会谈持续了近四个小时。"
    "据官员称，双方代表团同意恢复各自的大使馆并任命谈判小组。"
)
KO = (
    "외무장관은 화요일 리야드에서 러시아 외무장관과 만나 거의 네 시간 동안 회담을 가졌다. "
    "관리들에 따르면 양측 대표단은 대사관을 복원하기로 합의했다."
)
RU = "Министр иностранных дел во вторник встретился в Эр-Рияде со своим российским коллегой."
EN = (RIYADH / "en.txt").read_text(encoding="utf-8")
JA = (RIYADH / "ja.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", case_names())
def test_cases_detected(name):
    assert detect((CASES / f"{name}.en.txt").read_text(encoding="utf-8")).code == "en"
    assert detect((CASES / f"{name}.ja.txt").read_text(encoding="utf-8")).code == "ja"


@pytest.mark.parametrize(
    "text,code",
    [(FR, "latin"), (DE, "latin"), (ES, "latin"), (ZH, "zh"), (KO, "ko"), (RU, "other"),
     (EN, "en"), (JA, "ja"), ("Apple Inc.", "unknown"), ("こんにちは", "unknown"), ("", "unknown")],
)
def test_detect(text, code):
    assert detect(text).code == code


def test_japanese_with_much_english_left_is_still_japanese():
    # an MT that left long English names and phrases: a finding, not a wrong-language input
    text = ("Sergey Lavrov外相はMarco Rubio国務長官とRiyadhで会談し、"
            "ceasefire talksについて協議した。") * 3
    assert detect(text).code == "ja"


def test_full_width_and_half_width_scripts_counted():
    full_width = ("ＴＨＥ ＭＩＮＩＳＴＥＲ ＳＡＩＤ ＴＨＥ ＴＡＬＫＳ "
                  "ＷＥＲＥ ＵＳＥＦＵＬ ＡＮＤ ＬＯＮＧ")
    assert detect(full_width).code == "en"
    assert detect("ｶﾞｲﾑﾀﾞｲｼﾞﾝﾊ ｶﾖｳﾋﾞﾆ ﾉﾍﾞﾀ｡ ｿｳﾘﾀﾞｲｼﾞﾝﾓ ｻﾝｶｼﾀ｡ ｶｲｷﾞﾊ ﾖｼﾞｶﾝ ﾂﾂﾞｲﾀ｡").code == "ja"


def test_too_short_is_unknown_and_passes_the_guard():
    short = "a" * (MIN_LETTERS - 1)
    assert detect(short).code == "unknown"
    check_pair("Tokyo, Monday.", "Tokyo, Monday.")  # too short to tell: no error


def test_swapped_pair_refused_naming_files():
    with pytest.raises(InputError, match=r"swapped.*English original first") as err:
        check_pair(JA, EN, "ja.txt", "en.txt")
    assert "ja.txt" in str(err.value) and "en.txt" in str(err.value)


@pytest.mark.parametrize(
    "ref,mt,pattern",
    [
        (JA, JA, r"^ref.txt: the reference looks Japanese .*as does the translation"),
        (EN, EN, r"^mt.txt: the translation is the English reference itself \(chrF 100"),
        (EN, REFUSAL, r"^mt.txt: the translation looks English .*as does the reference"),
        (EN, ZH, r"^mt.txt: the translation looks like Chinese"),
        (EN, KO, r"^mt.txt: the translation looks like Korean"),
        (FR, JA, r"^ref.txt: the reference looks like a Latin-script language other than"),
        (RU * 3, JA, r"^ref.txt: the reference looks like neither"),
    ],
)
def test_wrong_language_refused(ref, mt, pattern):
    with pytest.raises(InputError, match=pattern):
        check_pair(ref, mt, "ref.txt", "mt.txt")


def test_an_english_translation_passes_when_the_caller_reports_it():
    """A machine translation's own English (a refusal, comments) is a finding for the
    pipeline to report (UNT003), not an input error; the reference itself stays refused,
    even with a few words changed (the text passed through)."""
    ref, mt = check_pair(EN, REFUSAL, report_english=True)
    assert (ref.code, mt.code) == ("en", "en")
    edited = EN.replace("the", "a", 3)
    assert edited != EN
    with pytest.raises(InputError, match=r"the English reference itself"):
        check_pair(EN, edited, report_english=True)
    with pytest.raises(InputError, match=r"the English reference itself"):
        check_pair(EN, "  " + EN.replace(" ", "\n", 2) + "\n", report_english=True)


@pytest.mark.parametrize("text", ["こんにちは", "  こんにちは。 "])
def test_a_short_japanese_text_given_twice_is_refused(text):
    """Too short to tell its language, the same Japanese given as both sides passed with no
    finding at all."""
    with pytest.raises(InputError, match=r"^mt.txt: the translation is the same text as the "
                       r"reference \(ref.txt\), and it is Japanese: the same file was given"):
        check_pair(text, " ".join(text.split()), "ref.txt", "mt.txt")


@pytest.mark.parametrize("text", ["Hello world.\nSecond line.", "is was", "@user33 wow!"])
def test_short_english_passed_through_is_an_english_translation(text):
    """Four English words given as both sides passed with a score (the words read as
    names); the same short English is also what a system may output for a short post
    ("is was" and "@user33 wow!" in WMT24 ESA dev), so it is reported (UNT003), not
    refused; refused when the caller does not report English."""
    ref, mt = check_pair(text, text, report_english=True)
    assert (ref.code, mt.code) == ("unknown", "en")
    with pytest.raises(InputError, match=r"the translation looks English"):
        check_pair(text, text)


@pytest.mark.parametrize("text", [
    "NATO", "iPhone 16", "COVID-19", "2024",
    # a WMT24 ESA dev post (test-en-social_112130344809706592), translated as itself
    "@user40 https://fedi.simonwillison.net/@user41/112130028394563476", "#rowing @user3"])
def test_a_headline_that_is_only_a_name_or_a_number_may_be_its_own_translation(text):
    ref, mt = check_pair(text, text)
    assert (ref.code, mt.code) == ("unknown", "unknown")


@pytest.mark.parametrize("translation", ["。。。、、、「」", "？！", "…… 😀", "――"])
def test_a_translation_of_punctuation_only_is_refused(translation):
    """A translation with no letter or digit for an English sentence passed with score 100
    (nothing to find in it)."""
    with pytest.raises(InputError, match=r"^mt.txt: the translation has no words, only "
                       r"punctuation or symbols .*; give the Japanese translation"):
        check_pair(EN, translation, "ref.txt", "mt.txt")


def test_an_emoji_post_translated_as_itself_passes():
    # a WMT24 ESA dev post, "🙌", which every system and refA render as "🙌"
    ref, mt = check_pair("🙌", "🙌")
    assert (ref.code, mt.code) == ("unknown", "unknown")


def test_right_pair_passes():
    ref, mt = check_pair(EN, JA)
    assert (ref.code, mt.code) == ("en", "ja")
    assert "kana" in mt.describe()


# --- issue #16: short Chinese is not Japanese; short kanji-heavy Japanese is not refused -----

SHORT_ZH = "美国和俄罗斯高级官员周二在沙特阿拉伯会谈近四个小时。双方同意恢复外交使团。"


@pytest.mark.parametrize("text", [
    SHORT_ZH,
    "他们说这是一个好的开始。我们会继续谈判。",
    "会谈持续了约四个半小时。",
])
def test_short_simplified_chinese_is_chinese(text):
    assert len(text) < MIN_LETTERS
    assert detect(text).code == "zh"


def test_short_chinese_translation_refused():
    with pytest.raises(InputError, match=r"^mt.txt: the translation looks like Chinese .*simplif"):
        check_pair("Top U.S. and Russian officials met for nearly four hours in Saudi Arabia.",
                   SHORT_ZH, "en.txt", "mt.txt")


@pytest.mark.parametrize("text", [
    "日米首脳会談、東京で開催",  # headline style: one kana
    "日銀総裁発言要旨",  # no kana at all
    "外相、米露協議に参加",
    "ラブロフ外相が会談",
    "習近平国家主席が来日",
])
def test_short_kanji_heavy_japanese_is_not_refused(text):
    assert detect(text).code in ("ja", "unknown")
    check_pair("The foreign minister met his counterpart.", text)


def test_short_japanese_sentence_is_japanese():
    assert detect("外相は火曜日に会談した。").code == "ja"


def test_simplified_name_in_japanese_prose_is_still_japanese():
    # one simplified form quoted in Japanese with kana: kana decide
    assert detect("中国の习近平国家主席は火曜日、北京で記者会見を開いた。").code == "ja"


def test_japanese_of_the_data_and_wmt24_esa_accepted():
    import json
    from pathlib import Path

    texts = [p.read_text(encoding="utf-8") for p in [*CASES.glob("*.ja.txt"), RIYADH / "ja.txt"]]
    headlines = [t.strip().splitlines()[0] for t in texts]
    for t in texts + headlines:
        assert detect(t).code in ("ja", "unknown"), t[:40]
    esa = Path("/work/shared/data/wmt24-esa-en-ja/dev.jsonl")
    if esa.is_file():
        rows = [json.loads(line) for line in esa.read_text(encoding="utf-8").splitlines()]
        codes = [detect(r["translation"]).code for r in rows[::4]]
        assert "zh" not in codes and "other" not in codes


def test_rendered_sizes_count_what_each_side_has_to_say():
    # kana and kanji against English letters; a name kept in Latin counts on neither side,
    # nor do addresses, handles and hashtags
    assert rendered_sizes("The minister said so.", "大臣はそう述べた。") == (8, 17)
    assert rendered_sizes("Visit Tierra del Sol at https://x.org #art", "Tierra del Sol") == (0, 7)


def test_foreign_latin_is_latin_text_the_reference_does_not_hold():
    # an English answer instead of a translation (the shape of a WMT24 ESA dev output) is
    # foreign Latin; names and hashtags the reference holds are not
    en = "Chapter five is a long one, but so angsty. #amwriting"
    assert foreign_latin(en, "Let me know if you'd like help with an alternative.") == 41
    assert foreign_latin(en, "第5章は長い。#amwriting") == 0
