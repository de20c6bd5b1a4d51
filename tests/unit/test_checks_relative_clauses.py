"""A relative clause put on the wrong noun (``SCR010``, :mod:`mtqa.checks.relative_clauses`,
issue #19 item 2): the English says what its "which/who/whose" clause is about, and the
Japanese relative clause must modify that noun. Cases written from the grammar of both
languages, and professional translations (WMT24 ESA refA) on which it may not fire."""

from __future__ import annotations

import pytest

from tests.harness import Bead, refa_findings, run_check

MINE = ("The mine, which employs about 1,100 people, will remain closed until an "
        "independent engineer certifies the dams as safe.")
PARTY = ("A deal with the Farmers Party, whose leader has called for a freeze on new "
         "asylum applications, could split the Green Party's liberal wing.")


def scr010(en: str, ja: str) -> list[str]:
    return [f.text for f in run_check("scrambled", Bead(en, ja)) if f.code == "SCR010"]


@pytest.mark.parametrize(
    ("en", "ja", "expected"),
    [
        # "which employs …" is about the mine; the Japanese clause modifies the engineer
        (MINE, "約1,100人を雇用する独立した技術者がダムの安全を認定するまで、"
               "鉱山は閉鎖されたままとなる。",
         "約1,100人を雇用する独立した技術者"),
        # "whose leader has called for …" is about the Farmers Party, not the Green Party
        (PARTY, "農民党との合意は、新規の難民申請の凍結を求める緑の党のリベラル派を"
                "分裂させかねない。",
         "新規の難民申請の凍結を求める緑の党のリベラル派"),
        # "with suspected heart attacks and strokes" describes the patients (written blind)
        ("Ambulance crews took 47 minutes to reach patients with suspected heart attacks "
         "and strokes.",
         "心臓発作や脳卒中が疑われる救急隊員が患者のもとに到着するまでに47分かかった。",
         "心臓発作や脳卒中が疑われる救急隊員"),
    ],
)
def test_flags_a_relative_clause_on_another_noun(en: str, ja: str, expected: str) -> None:
    findings = [f for f in run_check("scrambled", Bead(en, ja)) if f.code == "SCR010"]
    assert [f.text for f in findings] == [expected]
    assert findings[0].category == "scrambled" and findings[0].severity == "minor"
    assert "wrong noun" in findings[0].message


@pytest.mark.parametrize(
    ("en", "ja"),
    [
        # the faithful renderings
        (MINE, "約1,100人を雇用する鉱山は、独立した技術者がダムの安全を認定するまで"
               "閉鎖されたままとなる。"),
        (MINE, "鉱山は約1,100人を雇用しているが、独立した技術者がダムの安全を認定するまで"
               "閉鎖される。"),
        (PARTY, "党首が新規の難民申請の凍結を求めている農民党との合意は、緑の党のリベラル派を"
                "分裂させかねない。"),
        # a clause before a list of nouns may modify all of them; the English names the
        # last ("the alternative media, the smaller companies or even individuals who …")
        ("The same is not true for the alternative media, the smaller companies or even "
         "individuals who talk about the news on sites like YouTube.",
         "YouTubeなどのサイトでニュースを語る代替メディア、小規模企業、または個人については、"
         "同じことは言えない。"),
        ("Ambulance crews took 47 minutes to reach patients with suspected heart attacks "
         "and strokes.",
         "救急隊員が心臓発作や脳卒中が疑われる患者のもとに到着するまでに47分かかった。"),
        # after an abstract noun "with" takes a complement, not a description (WMT24 refA)
        ("A market dominated by brewers bears no comparison with one comprised almost "
         "entirely of small, domestic producers.",
         "醸造会社が独占する市場は、ほぼ全て小規模な国内生産者で構成される市場とは比べものにならない。"),
        # "a great uncle on the other side who …": the clause may be about either noun
        ("I have a great uncle on the other side who left his wife for her aunt.",
         "反対側には妻を叔母のところに残した大叔父がいます。"),
    ],
)
def test_leaves_the_right_noun_and_ambiguous_attachments_alone(en: str, ja: str) -> None:
    assert scr010(en, ja) == []


def test_professional_translations_are_not_flagged() -> None:
    paragraphs, found = refa_findings("scrambled")
    assert paragraphs >= 20
    assert [f for f in found if f[1] == "SCR010"] == []


def test_a_relative_clause_after_from_and_to_describes_the_last_noun() -> None:
    """"from maize to beans, which need less nitrogen": "to" is a preposition there, not the
    mark of an infinitive, so the clause is about the beans and may not modify the maize."""
    en = ("At a farm near Eldoret, Grace Wanjiru said she had switched part of her land from "
          "maize to beans, which need less nitrogen.")
    wrong = ("エルドレット近郊の農場で、グレース・ワンジルさんは、窒素をあまり必要としない"
             "トウモロコシから豆に、農地の一部を切り替えたと話した。")
    right = ("エルドレット近郊の農場で、グレース・ワンジルさんは、農地の一部をトウモロコシから"
             "窒素をあまり必要としない豆に切り替えたと話した。")
    assert scr010(en, wrong) == ["窒素をあまり必要としないトウモロコシ"]
    assert scr010(en, right) == []


def test_a_relative_clause_on_a_noun_that_refers_back_is_not_moved() -> None:
    """1871年に窓を修理した同工房のもの: 同工房 ("the same workshop") refers back to the
    glazier the English describes, so the clause sits on the right noun."""
    en = ("During the restoration, conservators also discovered a small signature scratched "
          "into one pane, which they believe belongs to a Victorian glazier who repaired the "
          "window in 1871. The studio has preserved the mark rather than removing it.")
    ja = ("修復作業中には、ガラスの1枚に小さく刻まれた署名も見つかった。保存修復の担当者らは、"
          "1871年に窓を修理した同工房のものとみており、ヴィクトリア朝時代のガラス職人が消さずに"
          "残したという。")
    assert [f for f in run_check("scrambled", Bead(en, ja)) if f.code == "SCR010"] == []


def test_the_digits_of_a_number_gloss_no_words() -> None:
    """1,500 is cut by UniDic into 1, ",", 500, and 500 read through 五百 glosses "many":
    the clause 1回約1,500ポンドかかる renders "which cost about £1,500 each", not "which
    many patients find uncomfortable"."""
    en = ("Diagnosis currently relies on PET scans, which cost about £1,500 each, or lumbar "
          "punctures, which many patients find uncomfortable.")
    ja = "現在の診断は、1回約1,500ポンドかかるPET検査か、多くの患者が苦痛を訴える腰椎穿刺に頼っている。"
    assert [f for f in run_check("scrambled", Bead(en, ja)) if f.code == "SCR010"] == []


@pytest.mark.parametrize(
    ("en", "ja"),
    [
        # (written blind, canada-pension-toll-road-stake) 承認する権限 "the power to approve"
        # states what the power is: no relative clause on the competition authorities
        ("The deal still needs approval from Spain's Council of Ministers, which must sign off "
         "on foreign investments of more than 500 million euros in strategic infrastructure, as "
         "well as from the European Commission's competition authorities.",
         "今回の取引には、戦略的インフラへの5億ユーロを超える外国投資を承認する権限を持つスペイン閣僚会議の"
         "承認に加え、欧州委員会の競争当局の承認が必要となる。"),
        # (written blind, korean-battery-maker-plant-delay) a noun the copula makes the
        # predicate: 始める予定だった "was due to begin"
        ("The factory near Clarksville, which was due to begin mass production in the second "
         "half of next year, is now expected to start operating in early 2028.",
         "クラークスビル近郊の同工場は来年後半に量産を始める予定だったが、稼働開始は2028年初めに"
         "ずれ込む見通しだ。"),
    ],
)
def test_a_clause_stating_a_nouns_content_or_a_predicate_noun_is_no_relative(en, ja) -> None:
    assert scr010(en, ja) == []
