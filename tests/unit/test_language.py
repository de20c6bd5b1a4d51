"""Language detection by script shares and the pair guard (issue #9)."""

from __future__ import annotations

import pytest

from mtqa.errors import InputError
from mtqa.language import MIN_LETTERS, check_pair, detect
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
        (EN, EN, r"^mt.txt: the translation looks English .*as does the reference"),
        (EN, ZH, r"^mt.txt: the translation looks like Chinese"),
        (EN, KO, r"^mt.txt: the translation looks like Korean"),
        (FR, JA, r"^ref.txt: the reference looks like a Latin-script language other than"),
        (RU * 3, JA, r"^ref.txt: the reference looks like neither"),
    ],
)
def test_wrong_language_refused(ref, mt, pattern):
    with pytest.raises(InputError, match=pattern):
        check_pair(ref, mt, "ref.txt", "mt.txt")


def test_right_pair_passes():
    ref, mt = check_pair(EN, JA)
    assert (ref.code, mt.code) == ("en", "ja")
    assert "kana" in mt.describe()
