"""One behaviour of one check per test, through the harness (tests/harness.py, #17): the
test gives the aligned pair (and, where it matters, the back-translation) and reads the
check's findings; no segmenter, aligner, confidence model or policy runs, so each test
fails only when its check changes."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

import pytest

from mtqa.backtranslate import BackTranslator
from mtqa.checks import BaseCheck, Context
from mtqa.types import AlignedPair, Attribution, BackTranslation, Finding
from tests.harness import Bead, FakeBackTranslator, build_article, codes_and_texts, run_check

#: A headline bead: the scrambled and content checks leave an article's first line alone
#: (a headline has no predicate), so the sentence under test comes second.
HEADLINE = Bead("Company news", "企業ニュース")
#: No back-translation at all: what a check finds from the two texts alone.
NO_BT = FakeBackTranslator(fallback=None)


# --- untranslated ------------------------------------------------------------------------


def test_untranslated_flags_an_english_name_left_in_the_japanese():
    found = run_check("untranslated", ("Sergey Lavrov arrived in Riyadh on Tuesday.",
                                       "Lavrovは火曜日にリヤドに到着した。"))
    assert codes_and_texts(found) == [("UNT001", "Lavrov")]


def test_untranslated_leaves_an_acronym_japanese_news_writes_in_latin_alone():
    assert run_check("untranslated", ("The G7 leaders met in Rome.", "G7首脳はローマで会談した。")) == []


# --- repetition --------------------------------------------------------------------------


def test_repetition_flags_a_time_phrase_said_twice():
    found = run_check("repetition", (
        "Officials met in Saudi Arabia on Tuesday for nearly four hours.",
        "当局者は火曜日にサウジアラビアで火曜日に4時間近く会談した。"))
    assert codes_and_texts(found) == [("REP001", "火曜日に")]


# --- titles ------------------------------------------------------------------------------


def test_titles_flags_minister_rendered_as_president():
    found = run_check("titles", ("Russian Foreign Minister Sergey Lavrov arrived on Tuesday.",
                                 "ロシアのセルゲイ・ラブロフ外務大統領が火曜日に到着した。"))
    assert codes_and_texts(found) == [("TTL001", "外務大統領")]
    assert found[0].category == "title" and found[0].severity == "major"


def test_titles_does_not_trust_a_back_translation_that_smooths_the_title_over():
    """The title is judged on the Japanese: a fluent back-translation that says "Foreign
    Minister" does not excuse 外務大統領."""
    en = "Russian Foreign Minister Sergey Lavrov arrived on Tuesday."
    found = run_check("titles", Bead(en, "ロシアのセルゲイ・ラブロフ外務大統領が火曜日に到着した。",
                                     back_translation=en))
    assert codes_and_texts(found) == [("TTL001", "外務大統領")]


# --- names -------------------------------------------------------------------------------


def test_names_flags_the_second_spelling_of_one_name_across_sentences():
    found = run_check(
        "names",
        ("Mayor Jan Kowalczyk opened the new bridge on Friday.",
         "ヤン・コヴァルチク市長が金曜日、新しい橋を開通させた。"),
        ("Kowalczyk said it had cost less than planned.",
         "コワルチク氏は、費用は予定より少なかったと述べた。"),
    )
    assert codes_and_texts(found) == [("NAM001", "コワルチク")]
    assert found[0].segment == 1  # the pair where the odd spelling is


# --- numbers -----------------------------------------------------------------------------


def test_numbers_flags_a_billion_converted_to_oku_off_by_ten():
    found = run_check("numbers", ("The fund will raise $12 billion by 2030.",
                                  "基金は2030年までに12億ドルを調達する。"))
    assert codes_and_texts(found) == [("NUM001", "12億ドル")]


def test_numbers_compares_within_a_bead_of_two_english_sentences():
    """A 2:1 bead: both English sentences' numbers are there to match, so only the
    transposed 270 is wrong (5,000 = 5000人)."""
    found = run_check("numbers", Bead(["The company will cut 720 jobs.",
                                       "It employs 5,000 people."],
                                      "同社は270人を削減する。従業員は5000人。"))
    assert codes_and_texts(found) == [("NUM001", "270人")]


# --- omission ----------------------------------------------------------------------------

OMITTED_EN = ("The minister urged both sides to return to the negotiating table, warning "
              "that a prolonged dispute would hit exporters hard.")
OMITTED_JA = "大臣は、双方に交渉の席に戻るよう促した。"


def test_omission_flags_a_dropped_participial_clause_at_the_verb_it_hung_on():
    found = run_check("omission", HEADLINE, Bead(OMITTED_EN, OMITTED_JA), engine=NO_BT)
    assert codes_and_texts(found) == [("OMI001", "促した")]
    assert "warning that a prolonged dispute" in found[0].reference


def test_omission_trusts_a_back_translation_that_renders_the_clause():
    """The back-translation is evidence: one that says the clause is there covers it,
    one that says it is not leaves the omission standing."""
    short = "The minister urged both sides to return to the negotiating table."
    assert run_check("omission", HEADLINE,
                     Bead(OMITTED_EN, OMITTED_JA, back_translation=OMITTED_EN)) == []
    found = run_check("omission", HEADLINE,
                      Bead(OMITTED_EN, OMITTED_JA, back_translation=short))
    assert codes_and_texts(found) == [("OMI001", "促した")]


# --- addition ----------------------------------------------------------------------------


def test_addition_flags_a_clause_the_english_does_not_have():
    found = run_check("addition", HEADLINE, (
        "Shares in the company rose 3 per cent in Frankfurt after the announcement.",
        "発表を受けて、フランクフルト市場で同社の株価は3％上昇し、過去最高値を更新した。"))
    assert codes_and_texts(found) == [("ADD001", "過去最高値を更新した")]


# --- mistranslation ----------------------------------------------------------------------


def test_mistranslation_flags_an_idiom_translated_word_for_word():
    found = run_check("mistranslation", HEADLINE, (
        "The reform finally picked up steam in March.", "改革は3月にようやく蒸気を拾った。"))
    assert codes_and_texts(found) == [("MIS001", "蒸気を拾った")]


AGHAST_EN = "The mayor was clearly aghast at the result."
AGHAST_JA = "市長は結果に明らかに噛まれた。"


def test_mistranslation_flags_a_rare_word_the_japanese_does_not_render():
    found = run_check("mistranslation", HEADLINE, Bead(AGHAST_EN, AGHAST_JA), engine=NO_BT,
                      senses=True)
    assert codes_and_texts(found) == [("MIS003", "噛まれた")]


def test_mistranslation_takes_the_rare_word_from_an_attributed_back_translation():
    """A back-translation that renders 噛まれた as "aghast" (attributed to those four
    characters) is the word found: no wrong-sense finding."""
    start = AGHAST_JA.index("噛まれた")
    at = AGHAST_EN.index("aghast")
    bead = Bead(AGHAST_EN, AGHAST_JA, back_translation=AGHAST_EN,
                attributions=[Attribution(at, at + 6, start, start + 4)])
    assert run_check("mistranslation", HEADLINE, bead, senses=True) == []


# --- scrambled ---------------------------------------------------------------------------


def test_scrambled_flags_a_phrase_cut_off_as_its_own_sentence():
    found = run_check("scrambled", Bead("Minister visits Paris", "大臣がパリを訪問"), Bead(
        "The minister met officials in Paris on Monday and later flew to Berlin.",
        ["大臣は月曜日にパリで当局者と会談し、その後移動した。", "ベルリンへ。"]))
    assert codes_and_texts(found) == [("SCR001", "ベルリンへ。")]


# --- alignment ---------------------------------------------------------------------------


def test_alignment_flags_an_english_sentence_with_no_japanese_as_an_omission():
    found = run_check(
        "alignment",
        ("The council approved the budget on Monday.", "市議会は月曜日、予算案を承認した。"),
        Bead("The vote was 7 to 2.", ()),
        ("A public meeting is planned next week.", "来週、公開の会合が予定されている。"),
    )
    # a point after the sentence before, where the lost one belongs: no characters
    assert codes_and_texts(found) == [("ALN001", "")]
    assert found[0].start == found[0].end == len("市議会は月曜日、予算案を承認した。")
    assert found[0].category == "omission" and found[0].reference == "The vote was 7 to 2."


def test_alignment_flags_a_japanese_sentence_with_no_english_as_an_addition():
    found = run_check(
        "alignment",
        ("The council approved the budget on Monday.", "市議会は月曜日、予算案を承認した。"),
        Bead((), "市長は結果に満足していると述べた。"),
        ("A public meeting is planned next week.", "来週、公開の会合が予定されている。"),
    )
    assert codes_and_texts(found) == [("ALN002", "市長は結果に満足していると述べた。")]
    assert found[0].category == "addition"


# --- the harness itself ------------------------------------------------------------------


def test_harness_builds_documents_and_pairs_as_the_aligner_does():
    article = build_article(
        [Bead(["A cat sat.", "It slept."], ["猫が座った。", "眠った。"]),
         Bead((), "追加の文。"), Bead("A dog ran.", ())],
        engine=FakeBackTranslator({"猫が座った。": BackTranslation(
            "a cat sat", (Attribution(2, 5, 0, 1),)), "眠った。": "it slept"}, fallback=None))
    en, ja = article.reference, article.translation
    assert (en.text, ja.text) == ("A cat sat. It slept.\nA dog ran.", "猫が座った。眠った。\n追加の文。")
    two, added, dropped = article.pairs
    assert (two.kind, added.kind, dropped.kind) == ("2:2", "0:1", "1:0")
    for p in article.pairs:  # each side is the slice of its document
        assert en.text[p.ref_start : p.ref_end] == p.reference
        assert ja.text[p.mt_start : p.mt_end] == p.translation
    # the sentences' back-translations joined with a space, the second one's
    # attributions shifted (none here) and the first's kept at its sentence
    assert two.back_translation == "a cat sat it slept"
    assert two.japanese_span(2, 5) == (0, 1)
    assert added.back_translation == ""
    assert dropped.mt_start == dropped.mt_end == len(ja.text)  # after the addition
    assert tuple(article.context.pairs) == article.pairs
    assert "config" in article.context.resources  # loaded as the pipeline loads them


def test_the_fake_back_translator_is_a_back_translator():
    """It keeps the engines' contract, so a test may also hand it to a Pipeline."""
    engine = FakeBackTranslator({"協議は続いた。": "the talks went on"}, fallback=None)
    assert isinstance(engine, BackTranslator)
    assert [b.text for b in engine.translate(["協議は続いた。", "未知の文。"])] == [
        "the talks went on", ""]
    assert engine.notes == () and FakeBackTranslator.available("any")


def test_harness_asks_the_back_translator_only_for_beads_without_one():
    engine = FakeBackTranslator(fallback=None)
    run_check("numbers", ("Two people were hurt.", "2人が負傷した。"),
              Bead("Three were killed.", "3人が死亡した。", back_translation="3 people died"),
              engine=engine)
    assert engine.asked == ["2人が負傷した。"]


class _OffByOne(BaseCheck):
    """A broken check: its span is one character past the text it claims."""

    name: ClassVar[str] = "off_by_one"

    def run(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]:
        yield Finding("number", "major", pair.mt_start + 1, pair.mt_start + 3,
                      pair.translation[:2], "m", pair.reference, self.name)


def test_harness_fails_a_check_that_breaks_the_offset_contract():
    with pytest.raises(AssertionError, match="off_by_one"):
        run_check(_OffByOne(), ("Two people were hurt.", "2人が負傷した。"))


def test_alignment_takes_the_other_half_of_a_split_sentence_for_no_addition():
    """Japanese prefers short sentences: one long English sentence becomes two, and the
    half the aligner leaves alone renders words of that English (Ken, Naomi, agree) that
    its partner does not; it is no addition. A sentence that renders none is one."""
    english = ("Ken clearly did not agree with Naomi, and he left the room angrily "
               "without a word.")
    split = run_check(
        "alignment",
        ("The council approved the budget on Monday.", "市議会は月曜日、予算案を承認した。"),
        Bead((), "ケンは明らかにナオミに同意していなかった。"),
        (english, "彼は何も言わずに怒って部屋を出て行った。"),
    )
    assert [f for f in split if f.code == "ALN002"] == []
    added = run_check(
        "alignment",
        ("The council approved the budget on Monday.", "市議会は月曜日、予算案を承認した。"),
        Bead((), "同市では昨年、大規模な洪水が発生し、多くの住宅が被害を受けた。"),
        (english, "彼は何も言わずに怒って部屋を出て行った。"),
    )
    assert codes_and_texts(added) == [
        ("ALN002", "同市では昨年、大規模な洪水が発生し、多くの住宅が被害を受けた。")]
