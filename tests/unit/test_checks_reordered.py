"""Word order against the English (issue #19 item 2): a の-modifier put on the wrong noun
(``SCR007``) and coordinated clauses swapped (``SCR008``), from :mod:`mtqa.checks.reordered`
through the scrambled check. Cases written from Japanese grammar (a modifier precedes its
head; coordinated clauses keep the English order, subordinate ones may come first), and
professional translations (WMT24 ESA refA) on which neither may fire."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import mtqa
from mtqa.checks.reordered import _coordinating_end
from mtqa.text.lexicon import japanese_units
from tests.harness import Bead, blind_findings, refa_findings, run_check

DATA = Path(__file__).resolve().parent.parent / "data"
#: Professional translations (refA, tests/harness.REFA_FILES) include paragraphs whose
#: の-phrases and clause orders an early version of these rules misread (a participle, a
#: preposition, an adjective inside the modifier's own phrase taken for the noun it
#: modifies), with the refA lines of the ESA excerpt.

MUSEUM = "The museum's director praised the volunteers who restored the old paintings."
PRICES = "Prices rose sharply in March, and the central bank raised interest rates in April."
BRIDGE = ("The city's mayor opened the new bridge, and the river's fishermen protested "
          "against the tolls.")


def codes(en: str, ja: str) -> list[tuple[str, str]]:
    return [(f.code, f.text) for f in run_check("scrambled", Bead(en, ja))
            if f.code in {"SCR007", "SCR008"}]


@pytest.mark.parametrize(
    ("en", "ja", "expected"),
    [
        # "the museum's director": 館長 comes before 美術館の, which now modifies 絵画
        (MUSEUM, "館長は、古い美術館の絵画を修復したボランティアを称賛した。",
         [("SCR007", "美術館の絵画")]),
        # "the city's mayor" rendered 市長; 市の put on 通行料 ("tolls"), far from "city's"
        (BRIDGE, "市長は新しい橋を開通させ、川の漁師たちは市の通行料に抗議した。",
         [("SCR007", "市の通行料")]),
        # "the school's principal" rendered 校長; 学校の put on 保護者 ("parents"), which the
        # English puts four words after "principal" but in another phrase ("spoke to")
        ("The school's principal spoke to the parents after the ceremony.",
         "校長は式典の後、学校の保護者たちに話した。", [("SCR007", "学校の保護者たち")]),
        # a plural possessive ("the museums’ directors", curly or straight apostrophe) binds
        # like a singular one: the apostrophe is part of the word, not a token between
        ("The museums’ directors praised the volunteers who restored the old paintings.",
         "館長たちは、古い美術館の絵画を修復したボランティアを称賛した。",
         [("SCR007", "美術館の絵画")]),
        ("The museums' directors praised the volunteers who restored the old paintings.",
         "館長たちは、古い美術館の絵画を修復したボランティアを称賛した。",
         [("SCR007", "美術館の絵画")]),
        # "A, and B" rendered B、A: the first clause ends on a continuative (引き上げ)
        (PRICES, "4月に中央銀行が金利を引き上げ、3月に物価が急騰した。",
         [("SCR008", "4月に中央銀行が金利を引き上げ、3月に物価が急騰した")]),
    ],
)
def test_flags_a_modifier_moved_and_coordinated_clauses_swapped(
        en: str, ja: str, expected: list[tuple[str, str]]) -> None:
    findings = run_check("scrambled", Bead(en, ja))
    assert [(f.code, f.text) for f in findings if f.code in {"SCR007", "SCR008"}] == expected
    assert all(f.category == "scrambled" and f.severity == "minor"
               for f in findings if f.code in {"SCR007", "SCR008"})


@pytest.mark.parametrize(
    ("en", "ja"),
    [
        # the faithful renderings of the cases above
        (MUSEUM, "美術館の館長は、古い絵画を修復したボランティアを称賛した。"),
        (BRIDGE, "市長は新しい橋を開通させ、川の漁師たちは通行料に抗議した。"),
        (PRICES, "3月に物価が急騰し、4月に中央銀行が金利を引き上げた。"),
        # subordinate clauses come first in Japanese: after, because, a participle
        ("The central bank raised interest rates in April after prices rose sharply in "
         "March.", "3月に物価が急騰した後、4月に中央銀行が金利を引き上げた。"),
        ("The central bank raised interest rates in April because prices rose sharply in "
         "March.", "3月に物価が急騰したため、4月に中央銀行が金利を引き上げた。"),
        ("The central bank raised interest rates in April, citing prices that rose sharply "
         "in March.", "3月に物価が急騰したことを挙げて、4月に中央銀行が金利を引き上げた。"),
        # "by …ing": the means comes first as a te-form
        ("The team won the final by scoring twice in the second half.",
         "後半に2得点を挙げて、チームは決勝に勝った。"),
        # に基づき "under" is a compound particle: a phrase of the next clause, not a clause
        ("Emergency departments will stay open, and staff will work under the agreement "
         "reached with the union last week.",
         "先週組合と結んだ合意に基づき、救急部門は開いたままで、職員は働く。"),
        # a title put before a name by の is an apposition, however far the English puts it
        ("The talks favour Moscow, said John Smith, a senior fellow at the institute and a "
         "former British ambassador to Belarus.",
         "協議はモスクワに有利だと、研究所の上級研究員で元英国大使のジョン・スミス氏は述べた。"),
        # the faithful rendering of the school case
        ("The school's principal spoke to the parents after the ceremony.",
         "学校の校長は式典の後、保護者たちに話した。"),
        # "the town of Elk Hollow" rendered 町エルク・ホロー: the name with its town (a
        # middle dot inside) modifies the noun after it (written blind)
        ("Tourism operators in the nearby town of Elk Hollow welcomed the news.",
         "近隣の町エルク・ホローの観光業者はこの知らせを歓迎した。"),
        # "X in Z" is no modifier of Z: 美術館の絵画 may stand far from "museum"
        ("The director of the museum in the capital praised the old paintings.",
         "首都にある美術館の館長は、古い絵画を称賛した。"),
    ],
)
def test_leaves_faithful_and_subordinate_orders_alone(en: str, ja: str) -> None:
    assert codes(en, ja) == []


@pytest.mark.parametrize(
    ("text", "coordinating"),
    [("株価が下落し", True), ("体が擦れ", True), ("夜は寒く", True), ("兵士がそこにいて", True),
     ("行ったけど", True), ("町は静かで", True), ("改善するため", False), ("会談の後", False),
     ("株価が下落した", False), ("その国は", False)],
)
def test_coordinating_clause_endings(text: str, coordinating: bool) -> None:
    """A clause that ends on a continuative, the te-form or a coordinating particle joins
    the next one in order; a noun (ため, 後), a finite verb or a topic does not."""
    last = [u for u in japanese_units(text) if u.pos1 != "補助記号"][-1]
    assert _coordinating_end(last) is coordinating


def test_professional_translations_are_not_flagged() -> None:
    """No SCR007/SCR008 on professional paragraphs (run through the whole pipeline, as
    benchmarks/esa.py and benchmarks/perturb.py check them)."""
    paragraphs, found = refa_findings("scrambled")
    assert paragraphs >= 20
    assert [f for f in found if f[1] in {"SCR007", "SCR008"}] == []


#: Three clauses, the last the main one; the English joins the first two by a comma only.
RATES = ("Prices rose sharply in March, the central bank raised interest rates in April, "
         "and the markets fell in May.")
#: The same events with a subordinate clause (because), which Japanese puts first.
RATES_BECAUSE = ("The central bank raised interest rates in April because prices rose "
                 "sharply in March, and the markets fell in May.")
TOLLS = ("The mayor opened the bridge in June, the fishermen protested against the tolls, "
         "and the council met in July.")


@pytest.mark.parametrize(
    ("en", "ja", "expected"),
    [
        # two non-final clauses swapped: the first ends on a continuative (引き上げ)
        (RATES, "4月に中央銀行が金利を引き上げ、3月に物価が急騰し、5月に市場が下落した。",
         "4月に中央銀行が金利を引き上げ、3月に物価が急騰し"),
        # ... on a te-form (引き上げて)
        (RATES, "4月に中央銀行が金利を引き上げて、3月に物価が急騰し、5月に市場が下落した。",
         "4月に中央銀行が金利を引き上げて、3月に物価が急騰し"),
        (TOLLS, "漁師たちが通行料に抗議し、6月に市長が橋を開通させ、7月に議会が開かれた。",
         "漁師たちが通行料に抗議し、6月に市長が橋を開通させ"),
    ],
)
def test_flags_coordinate_clauses_swapped_without_an_english_coordinator(
        en: str, ja: str, expected: str) -> None:
    """A coordinate or sequential junction keeps the English order whatever joins the
    English clauses (here a comma): two non-final clauses in the inverse order are swapped."""
    assert codes(en, ja) == [("SCR008", expected)]


@pytest.mark.parametrize(
    ("en", "ja"),
    [
        (RATES, "3月に物価が急騰し、4月に中央銀行が金利を引き上げ、5月に市場が下落した。"),
        (TOLLS, "6月に市長が橋を開通させ、漁師たちが通行料に抗議し、7月に議会が開かれた。"),
        # a subordinate clause (ため "because") comes first in Japanese
        (RATES_BECAUSE,
         "3月に物価が急騰したため、4月に中央銀行が金利を引き上げ、5月に市場が下落した。"),
        # a subordinate clause closed by a noun (中 "while") may come first too
        ("When the mayor opened the bridge in June, the fishermen protested against the "
         "tolls, and the council met in July.",
         "漁師たちが通行料に抗議する中、6月に市長が橋を開通させ、7月に議会が開かれた。"),
        # a contrast (ではなく "rather than") comes first in Japanese
        ("The city will build new parks rather than widen the old roads, and the council "
         "will vote in July.",
         "古い道路を拡張するのではなく、市は新しい公園を建設し、7月に議会が採決する。"),
        # a participial phrase ("driven by …") comes first as a te-form
        ("The minister made an innocent mistake driven by a zealous wish to finish the "
         "work, and the council will vote in July.",
         "仕事を終えたいという熱心な願いに駆られて、大臣は無実の間違いを犯し、7月に議会が採決する。"),
        # a noun and で: the place particle as often as the copula ("on the page")
        ("Preliminary reports of recent accidents are published on the aviation safety "
         "page, and the ministry reviews them every month.",
         "航空安全のページで、最近の事故の予備報告を公表しており、省は毎月それを検証する。"),
    ],
)
def test_leaves_coordinate_clauses_in_order_and_subordinate_ones_first_alone(
        en: str, ja: str) -> None:
    assert codes(en, ja) == []


AMBIGUOUS = [json.loads(line) for line in
             (DATA / "esa_ambiguous_modifiers.jsonl").read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("item", AMBIGUOUS, ids=lambda d: f"{d['system']}-{d['line_id']}")
def test_esa_translations_whose_alignment_leaves_the_modifier_open_are_not_flagged(item) -> None:
    """WMT24 ESA dev: 8 minor SCR007 on five systems, none on a human span. The English
    word was rendered twice in the Japanese (本物…本物 for "real … true"; 航空機, ジェット機
    and 飛行機 all "aircraft"), the noun it modifies was rendered after the modifier too
    (もの and 労使関係 for "relations"), or the noun's rendering heads no noun phrase: a
    formal noun (もの) or a verbal noun used as a verb (運行されている). The order then
    proves nothing."""
    report = mtqa.check(item["source"], item["translation"], backtranslator="dictionary")
    assert [f.text for f in report.finding_list if f.code == "SCR007"] == []


HEADS = [json.loads(line) for line in
         (DATA / "esa_modifier_heads.jsonl").read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("item", HEADS, ids=lambda d: f"{d['system']}-{d['line_id']}")
def test_a_modifier_noun_and_an_infinitive_bind_no_modifier(item) -> None:
    """WMT24 ESA dev, machine translations no annotator marked: 幻想的な革命の呼び掛け for
    "appeals with fantasies of revolution" (幻想 with the suffix 的 modifies 革命: it heads
    no noun phrase that 革命の could have left) and 政府の資金調達の方法 for "the way to fund
    our government" ("fund" after "to" is a verb taking its object, no modifier of
    "government"). Neither is a modifier put on the wrong noun."""
    report = mtqa.check(item["source"], item["translation"], backtranslator="dictionary")
    assert [f.text for f in report.finding_list if f.code == "SCR007"] == []


def test_a_decimal_point_ends_no_english_sentence() -> None:
    """"down from $1.1 billion a year earlier": the point of 1.1 is no sentence end, so
    前年同期の11億ドル renders "$1.1 billion a year earlier" in one phrase, nothing moved."""
    en = ("Nordhavn, which operates 86 vessels, reported a net profit of $640 million for the "
          "last quarter, down from $1.1 billion a year earlier.")
    ja = ("86隻の船舶を運航するノルドハウンは、直近四半期の純利益が6億4,000万ドルとなり、"
          "前年同期の11億ドルから減少した。")
    assert [f for f in run_check("scrambled", Bead(en, ja)) if f.code == "SCR007"] == []


def test_the_latest_in_a_series_is_a_part_of_it() -> None:
    """"the latest in a series of corruption cases" → 一連の汚職事件の最新のもの: 最新 names a
    part of the series, so 汚職事件の最新 moves no modifier."""
    en = ("The arrest is the latest in a series of corruption cases to hit the country's "
          "mining industry.")
    ja = "今回の逮捕は、同国の鉱業界を揺るがす一連の汚職事件の最新のものとなる。"
    assert [f for f in run_check("scrambled", Bead(en, ja)) if f.code == "SCR007"] == []


def test_a_means_phrase_with_wo_tsuuji_is_no_clause() -> None:
    """…などを通じ、26カ月で…集めた for "raised £184,500 in 26 months through cake sales
    … and a scheme": を通じ ("through") opens no clause that could be swapped."""
    en = ("The parish raised £184,500 in 26 months through cake sales, a sponsored bike ride "
          "and a \"buy a bell rope\" scheme.")
    ja = ("この教区は、ケーキの販売やチャリティー・サイクリング、「鐘の綱を買おう」と銘打った募金活動などを"
          "通じ、26カ月で18万4,500ポンドを集めた。")
    assert codes(en, ja) == []


def test_a_kanji_of_a_compound_renders_no_noun_a_modifier_could_be_bound_to() -> None:
    """来年 "next year" is no rendering of "age", which its 年 alone may gloss: 5歳未満の
    子ども for "children under the age of five" is no modifier moved."""
    en = ("Malawi will extend its malaria vaccination programme to 1.2 million children "
          "under the age of five by the end of next year, the health ministry said.")
    ja = ("マラウイ保健省は、マラリアワクチンの接種対象を来年末までに5歳未満の子ども120万人に"
          "広げると発表した。")
    assert codes(en, ja) == []


def test_the_te_form_of_a_compound_particle_is_no_clause() -> None:
    """…介護施設について、…警告を無視していた for "ignored warnings about a care home
    where …": について ("about") is a postpositional phrase of the next clause, not a
    clause joined by て."""
    en = ("The national care regulator ignored at least 14 warnings about a Sheffield care "
          "home where elderly residents were left without food and medication for days, a "
          "public inquiry has concluded.")
    ja = ("国の介護規制当局が、高齢の入居者が何日も食事や薬を与えられないまま放置されていた"
          "シェフィールドの介護施設について、少なくとも14回の警告を無視していたと、公的調査が"
          "結論付けた。")
    assert codes(en, ja) == []


def test_an_article_between_two_words_opens_another_noun_phrase() -> None:
    """"women leading a company": "women" is the subject of "leading", not a modifier of
    "company", so 企業を率いる…女性経営者の一人 moves no modifier."""
    en = ("The appointment makes Ms Almazan-Cruz one of only a handful of women leading a "
          "company in the main index.")
    ja = ("今回の起用で、アルマサン＝クルス氏は主要株価指数の構成企業を率いる数少ない女性経営者の"
          "一人となる。")
    assert codes(en, ja) == []


def test_events_told_in_their_order_after_an_english_after_are_not_swapped() -> None:
    """"refloated 41 whales on Sunday after a pod of 63 stranded overnight" →
    63頭の群れが座礁し、…41頭を海に戻した: Japanese tells the events in their order."""
    en = ("Rangers and volunteers refloated 41 long-finned pilot whales on Sunday after a pod "
          "of 63 stranded overnight on Farewell Spit, at the northern tip of New Zealand's "
          "South Island, the Department of Conservation said.")
    ja = ("ニュージーランド南島北端のフェアウェル・スピットで夜間に63頭の群れが座礁し、レンジャーと"
          "ボランティアが日曜日、ヒレナガゴンドウ41頭を海に戻した。同国の環境保全省が明らかにした。")
    assert codes(en, ja) == []


@pytest.mark.parametrize(
    ("en", "ja"),
    [
        # (written blind, south-sudan-aid-convoy-ambush) the "when" clause told first, in the
        # order of events: the subordinator stands inside the first clause's English
        ("Two truck drivers were killed and three aid workers wounded when gunmen ambushed a "
         "humanitarian convoy on the road between Bor and Pibor on Saturday, the United Nations "
         "said.",
         "国連によると、ボルとピボルを結ぶ道路で土曜日、人道支援の車列が武装集団の待ち伏せ攻撃を受け、"
         "トラック運転手2人が死亡、援助関係者3人が負傷した。"),
        # (written blind, fishing-boat-sinking) "… and two remain missing after a trawler sank"
        ("Four crew members were rescued and two remain missing after a fishing trawler sank in "
         "heavy seas off the coast of Norway early on Tuesday, the coastguard said.",
         "沿岸警備隊によると、ノルウェー沖の荒れた海で火曜日未明、トロール漁船が沈没し、乗組員4人が"
         "救助されたが、2人が行方不明となっている。"),
        # (written blind, tornado-small-town) a time adverbial opening the sentence
        ("A powerful tornado ripped through the small town of Carver Springs late on Sunday "
         "evening, destroying dozens of homes.",
         "日曜日の夜遅く、強力な竜巻が小さな町カーバー・スプリングスを襲い、数十戸の住宅が全壊した。"),
    ],
)
def test_subordinate_clauses_and_adverbials_told_first_are_no_swap(en, ja):
    assert [c for c, _ in codes(en, ja) if c == "SCR008"] == []


@pytest.mark.parametrize(
    ("en", "ja"),
    [
        # (written blind, manila-water-rationing) "the next six weeks … since 2019": an
        # order word and a number are no noun phrase's modifier and head
        ("Without significant rain in the next six weeks, we could see levels we have not seen "
         "since 2019.",
         "今後6週間にまとまった雨が降らなければ、2019年以来の水準まで下がる可能性がある。"),
    ],
)
def test_order_words_numbers_and_names_bind_no_modifier(en, ja):
    assert [c for c, _ in codes(en, ja) if c == "SCR007"] == []


@pytest.mark.parametrize("name", [
    # a title before a name ("editor Fiona …" → 編集局の記者38人 is no modifier moved)
    "newspaper-print-closure",
    # "invest more … rather than relying on police" → 警察に頼るのではなく…投資すべきだ
    "saskatoon-police-budget-officers",
    # a number word is no noun a modifier goes with (パイロットの勤務時間, "four pilots")
    "nz-pilot-fatigue-rules",
])
def test_blind_articles_with_a_name_a_rather_than_or_an_order_word_get_no_reorder(name):
    assert [f.code for f in blind_findings(name, ["scrambled"])
            if f.code in {"SCR007", "SCR008"}] == []


def test_a_name_modified_by_an_of_phrase_still_binds_it():
    # WMT22 QE en-ja dev: "Paul Hammond of yo rodeo" made "yo rodeo's video" (ヨーロデオのビデオ):
    # a name before "of X" is the noun X goes with, unlike a title before a name
    en = ('A video for "Consecutives" was recently produced by Halifax Visual Artist, Paul '
          'Hammond of yo rodeo.')
    ja = "ハリファックスビジュアルアーティストのポール・ハモンドがヨーロデオのビデオを制作しました。"
    assert [c for c, _ in codes(en, ja)] == ["SCR007"]


def test_a_word_the_dictionary_does_not_know_renders_no_common_noun():
    """"cut winter sailings": 冬季の運航 keeps "winter" on its noun; カロニシ, an island's
    name JMdict does not know, renders no "sailings" however it sounds."""
    en = ("Residents of the small Aegean island of Kalonisi staged a protest after the "
          "island's only ferry operator announced it would cut winter sailings from six a "
          "week to three.")
    ja = ("エーゲ海の小島カロニシ島の住民は、島唯一のフェリー運航会社が冬季の運航を週6便から3便に"
          "減らすと発表したことを受け、抗議行動を行った。")
    assert codes(en, ja) == []


def test_a_with_phrase_on_a_word_said_again_elsewhere_is_in_place():
    """"Ambulances carrying patients with strokes and heart attacks … the regional
    ambulance service": 救急車 renders either "ambulance"; the phrase is where it belongs."""
    en = ("Ambulances carrying patients with strokes and heart attacks were being sent to "
          "hospitals in Bradford, according to the regional ambulance service.")
    ja = ("地域の救急サービスによると、脳卒中や心臓発作の患者を乗せた救急車はブラッドフォードの"
          "病院に搬送されている。")
    assert [(f.code, f.text) for f in run_check("scrambled", Bead(en, ja))
            if f.code == "SCR010"] == []
