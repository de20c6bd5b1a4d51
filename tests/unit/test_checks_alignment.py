"""Findings from alignment (issue #4): omission, addition, scrambled (moved / crossed) and
boilerplate, on constructed documents and on the shared data."""

from __future__ import annotations

from pathlib import Path

import pytest

import mtqa
from tests.harness import data_rows

ROOT = Path(__file__).resolve().parents[2]



EN = [
    "The city council approved a new budget on Monday after a long debate.",
    "The plan raises spending on schools by 12 percent.",
    "Mayor Anna Schmidt said the money would pay for 300 new teachers.",
    "Opposition members criticised the cost of the new stadium.",
    "They argued that the city should repair its roads first.",
    "The budget will take effect in April.",
    "A public meeting is scheduled for next week.",
]
JA = [
    "市議会は月曜日、長い議論の末に新しい予算を承認した。",
    "この計画では、学校への支出が12％増える。",
    "アンナ・シュミット市長は、この資金で300人の新しい教師を雇うと述べた。",
    "野党議員は新しいスタジアムの費用を批判した。",
    "彼らは、市はまず道路を修理すべきだと主張した。",
    "予算は4月に施行される。",
    "来週、公開の会合が予定されている。",
]
EN_TEXT = "\n\n".join([" ".join(EN[0:2]), EN[2], " ".join(EN[3:5]), " ".join(EN[5:7])])


def ja_text(paragraphs: list[list[str]]) -> str:
    return "\n\n".join("".join(p) for p in paragraphs)


def findings(en: str, ja: str):
    report = mtqa.check(en, ja, backtranslator="dictionary", checks=("alignment",))
    for f in report.finding_list:
        assert ja[f.start : f.end] == f.text
        assert f.check == "alignment"
    return report.finding_list


def test_faithful_translation_has_no_findings():
    ja = ja_text([JA[0:2], [JA[2]], JA[3:5], JA[5:7]])
    assert findings(EN_TEXT, ja) == ()


def test_dropped_sentence_is_an_omission_after_the_preceding_sentence():
    ja = ja_text([[JA[0]], [JA[2]], JA[3:5], JA[5:7]])
    (f,) = findings(EN_TEXT, ja)
    assert (f.category, f.severity, f.code) == ("omission", "major", "ALN001")
    # a point, where the sentence should have come: right after JA[0], which is no error
    assert f.text == "" and f.start == f.end == ja.index(JA[0]) + len(JA[0])
    assert f.reference == EN[1]


def test_dropped_first_sentence_points_at_the_next_one():
    ja = ja_text([[JA[1]], [JA[2]], JA[3:5], JA[5:7]])
    (f,) = findings(EN_TEXT, ja)
    assert f.category == "omission"
    assert f.text == "" and f.start == f.end == 0  # before JA[1], the document's start


@pytest.mark.parametrize("case", data_rows("perturb_lost_clause.jsonl"), ids=lambda c: c["detail"][:24])
def test_a_sentence_left_with_half_its_english_carries_the_omission(case):
    """benchmarks/perturb.py cases (injector v3, seed 0): a clause dropped from a refA
    sentence, and the aligner leaves that English sentence unpaired. The Japanese next to
    the gap renders the rest of it (the aligner's similarity above unrelated sentences), or
    stands unpaired itself (a one-sentence post): the omission lies on that sentence, where
    the clause went missing, not at a point after it. The untouched translation has none."""
    (f,) = [f for f in findings(case["source"], case["translation"]) if f.code == "ALN001"]
    (drop, _), = case["spans"]
    assert f.start <= drop < f.end and f.text.endswith("。")
    assert not [f for f in findings(case["source"], case["original"]) if f.code == "ALN001"]


def test_dropped_paragraph_opener_points_at_the_rest_of_its_paragraph():
    ja = ja_text([JA[0:2], [JA[2]], [JA[4]], JA[5:7]])
    en = "\n\n".join([" ".join(EN[0:2]), EN[2], " ".join(EN[3:5]), " ".join(EN[5:7])])
    (f,) = findings(en, ja)
    # EN[3] opens the third paragraph, which goes on with EN[4] (JA[4]): the place is the
    # start of that paragraph, not the end of the one before
    assert f.text == "" and f.start == f.end == ja.index(JA[4])


def test_consecutive_dropped_sentences_give_one_finding():
    ja = ja_text([JA[0:2], [JA[2]], JA[5:7]])
    (f,) = findings(EN_TEXT, ja)
    assert f.category == "omission"
    assert f.reference == " ".join(EN[3:5])
    assert "2 English sentences" in f.message


def test_a_translation_cut_off_is_a_critical_omission_at_its_end():
    """The Japanese stops after the third sentence: four English sentences, more than a third
    of the article's words, have no Japanese after it (an output limit, a half-written feed
    item). One critical finding, so the score says so too, not one major among many."""
    ja = ja_text([JA[0:2], [JA[2]]])
    (f,) = findings(EN_TEXT, ja)
    assert (f.category, f.severity, f.code) == ("omission", "critical", "ALN001")
    assert f.start == f.end == len(ja) and f.reference == " ".join(EN[3:7])
    assert f.message.startswith("the translation stops here: the last 4 English sentences")
    report = mtqa.check(EN_TEXT, ja, backtranslator="dictionary")
    assert report.score <= 50 and not report.gate.passed


def test_the_last_sentences_missing_under_a_third_of_the_article_stay_major():
    # the last paragraph (two short sentences) missing: under a third of the content words
    ja = ja_text([JA[0:2], [JA[2]], JA[3:5]])
    (f,) = findings(EN_TEXT, ja)
    assert (f.severity, f.code) == ("major", "ALN001")
    assert f.message.startswith("2 English sentences missing")


def test_inserted_sentence_is_an_addition():
    extra = "同市では昨年、大規模な洪水が発生し、多くの住宅が被害を受けた。"
    ja = ja_text([JA[0:2], [JA[2]], JA[3:5] + [extra], JA[5:7]])
    (f,) = findings(EN_TEXT, ja)
    assert (f.category, f.severity, f.code) == ("addition", "major", "ALN002")
    assert f.text == extra


def test_merged_sentences_are_not_an_error():
    merged = "野党議員は新しいスタジアムの費用を批判し、市はまず道路を修理すべきだと主張した。"
    ja = ja_text([JA[0:2], [JA[2]], [merged], JA[5:7]])
    assert findings(EN_TEXT, ja) == ()


def test_split_sentence_is_not_an_addition():
    split = ["野党議員は新しいスタジアムを批判した。", "その費用が高すぎるという。"]
    ja = ja_text([JA[0:2], [JA[2]], split + [JA[4]], JA[5:7]])
    assert findings(EN_TEXT, ja) == ()


def test_lower_case_post_in_two_japanese_sentences_is_not_an_addition():
    """#18: a social post in lower case, rendered in two sentences, the first a free
    paraphrase: the English has two sentences too (mtqa.segment), not one."""
    en = "honestly some folks are just the worst. i can't believe he took my parking spot again"
    ja = ("まったく、ああいう連中には呆れるしかないね。"
          "あいつがまた私の駐車スペースを取ったなんて信じられない。")
    assert findings(en, ja) == ()


@pytest.mark.parametrize(("en", "ja"), [
    # issue #18: machine translations of WMT24 ESA dev whose last or first sentence was
    # reported added, on no span an annotator marked: the aligner had paired its English
    # with the neighbour (2:1); one word of it ("wrong", "dad") is rendered only there
    ("A vocal anarchist who's shit about hiding his identity giving his DNA to a "
     "biotechnology company for a dubiouse printout of my \"Ancestry.\" What could go wrong?",
     "自分のアイデンティティを隠すのが下手な声高なアナキストが、自分の「祖先」についての怪しげな"
     "印刷物のために自分のDNAをバイオテクノロジー企業に提供する。何が悪くなる可能性があるのでしょ"
     "うか？"),
    ("So my dad can't give me rides to work. And for me, work is about 27 miles away. So "
     "there and back would be nearly a hundred dollars a day with Uber. I haven't looked at "
     "Lyft.",
     "だから、お父さんは私を仕事に連れて行くことができません。そして私にとって、仕事は約27マイル"
     "の距離にあります。したがって、Uberでは往復で1日100ドル近くかかることになります。Lyftは見た"
     "ことがないです。"),
])
def test_a_sentence_rendering_english_the_aligner_paired_elsewhere_is_no_addition(en, ja):
    assert [f.code for f in findings(en, ja)] == []


def test_a_sentence_added_after_two_merged_ones_is_still_an_addition():
    # the one-word test next to a 2:1 bead asks for a word of that English the merged
    # Japanese leaves out; an added claim renders none
    merged = "野党議員は新しいスタジアムの費用を批判し、市はまず道路を修理すべきだと主張した。"
    extra = "市長は来年の選挙に立候補しないと発表し、支持者を驚かせた。"
    ja = ja_text([JA[0:2], [JA[2]], [merged, extra], JA[5:7]])
    assert [(f.code, f.text) for f in findings(EN_TEXT, ja)] == [("ALN002", extra)]


def test_swapped_sentences_are_moved_not_scrambled():
    """#19: two neighbouring sentences swapped still render their English: informational.
    The finding spans both sentences: either may be the one that was moved (an editor who
    moves a sentence one place down swaps it with the next)."""
    ja = ja_text([JA[0:2], [JA[2]], [JA[4], JA[3]], JA[5:7]])
    (f,) = findings(EN_TEXT, ja)
    assert (f.category, f.severity, f.code) == ("moved", "info", "ALN003")
    assert f.text == ja[ja.index(JA[4]):ja.index(JA[3]) + len(JA[3])]
    assert JA[4] in f.text and JA[3] in f.text


def test_sentence_moved_far_is_moved_not_omitted_and_added():
    ja = ja_text([JA[0:2], [JA[2]], [JA[4]], JA[5:7] + [JA[3]]])
    (f,) = findings(EN_TEXT, ja)
    assert (f.category, f.severity, f.weight) == ("moved", "info", 0.0)
    assert f.text == JA[3]
    assert f.reference == EN[3]


# --- moved sentences (#19 item 5): a longer article, each sentence moved to other paragraphs
LONG_EN = EN + [
    "Residents will be able to comment on the plan online until the end of March.",
    "The council expects to publish a revised version in May.",
    "Local businesses welcomed the decision to cut parking fees downtown.",
]
LONG_JA = JA + [
    "住民は3月末までオンラインで計画に意見を述べることができる。",
    "市議会は5月に改訂版を公表する見通しだ。",
    "地元の企業は、中心部の駐車料金を引き下げる決定を歓迎した。",
]
#: paragraphs of the article, as sentence indices
LONG_PARAS = [[0, 1], [2], [3, 4], [5, 6], [7, 8], [9]]


def long_en() -> str:
    return "\n\n".join(" ".join(LONG_EN[i] for i in para) for para in LONG_PARAS)


def long_ja(paras: list[list[int]], extra: dict[int, str] | None = None) -> str:
    extra = extra or {}
    return "\n\n".join("".join(extra.get(i, LONG_JA[i]) if i >= 0 else extra[i] for i in para)
                       for para in paras)


def _moved_paragraphs(k: int, target: int, at_start: bool) -> list[list[int]]:
    paras = [[i for i in para if i != k] for para in LONG_PARAS]
    paras[target] = [k, *paras[target]] if at_start else [*paras[target], k]
    return [para for para in paras if para]


def _order(paras: list[list[int]]) -> list[int]:
    return [i for para in paras for i in para]


@pytest.mark.parametrize("k", range(len(LONG_EN)))
def test_every_sentence_moved_to_another_paragraph_is_one_moved_finding(k):
    """The general rule: whichever sentence an editor moves to another paragraph (at its
    start or end, a sentence or more away from where the English has it), the report has one
    informational ``moved`` finding on it, naming the English it renders, and no omission,
    addition or scrambled finding."""
    tried = 0
    own = next(n for n, para in enumerate(LONG_PARAS) if k in para)
    for target in range(len(LONG_PARAS)):
        for at_start in (True, False):
            paras = _moved_paragraphs(k, target, at_start)
            order = _order(paras)
            pos = order.index(k)
            # sentences between the moved one and where its English sits: at least one
            rest = [i for i in order if i != k]
            if target == own or abs(pos - sorted(rest + [k]).index(k)) < 2:
                continue
            tried += 1
            ja = long_ja(paras)
            fs = findings(long_en(), ja)
            assert [(f.category, f.severity, f.text, f.reference) for f in fs] == [
                ("moved", "info", LONG_JA[k], LONG_EN[k])], (target, at_start)
            assert fs[0].weight == 0.0
    assert tried


def test_moved_sentence_does_not_hide_a_real_addition_or_omission():
    """A sentence moved *and* a sentence really dropped and one really added: the move is
    informational, the two errors are still reported."""
    paras = _moved_paragraphs(1, 4, at_start=False)  # sentence 1 to the end of paragraph 5
    paras = [[i for i in para if i != 6] for para in paras]  # sentence 6 dropped
    paras[2] = [*paras[2], -1]  # a sentence added to the third paragraph
    extra = {-1: "同市では昨年、大規模な洪水が発生し、多くの住宅が被害を受けた。"}
    fs = findings(long_en(), long_ja(paras, extra))
    got = sorted((f.category, f.severity) for f in fs)
    assert got == [("addition", "major"), ("moved", "info"), ("omission", "major")]
    by = {f.category: f for f in fs}
    assert by["moved"].text == LONG_JA[1] and by["moved"].reference == LONG_EN[1]
    assert by["addition"].text == extra[-1]
    assert by["omission"].reference == LONG_EN[6]


def test_moved_sentence_keeps_the_gate_and_score():
    """Informational: a moved sentence weighs nothing and never fails the gate."""
    ja = long_ja(_moved_paragraphs(3, 5, at_start=True))
    report = mtqa.check(long_en(), ja, backtranslator="dictionary", checks=("alignment",))
    assert [f.category for f in report.finding_list] == ["moved"]
    assert report.score == 100.0
    assert report.passed
    assert report.to_dict()["summary"]["counts"]["info"] == 1


def test_chrome_lines_are_boilerplate_and_weigh_nothing():
    ja = "プレスリリース\n\n" + ja_text([JA[0:2], [JA[2]], JA[3:5], JA[5:7]])
    ja += "\n\nコメントを残す\n\nメールアドレスが公開されることはありません。 が付いている欄は必須項目です"
    ja += "\n\nBack to top button"
    report = mtqa.check(EN_TEXT, ja, backtranslator="dictionary", checks=("alignment",))
    fs = report.finding_list
    assert [f.category for f in fs] == ["boilerplate"] * 4
    assert [f.text for f in fs][-2:] == [
        "メールアドレスが公開されることはありません。 が付いている欄は必須項目です",
        "Back to top button",
    ]
    assert all(f.severity == "info" and f.weight == 0 for f in fs)  # informational (#16)
    assert report.score == 100.0


def test_unlisted_furniture_at_the_edge_is_boilerplate_not_addition():
    # a short label on its own line after the article: no sentence, no English counterpart
    ja = ja_text([JA[0:2], [JA[2]], JA[3:5], JA[5:7]]) + "\n\n地域ニュース一覧"
    (f,) = findings(EN_TEXT, ja)
    assert f.category == "boilerplate"
    assert f.text == "地域ニュース一覧"


def test_riyadh_gets_only_boilerplate_from_alignment():
    en = (ROOT / "data/riyadh/en.txt").read_text(encoding="utf-8")
    ja = (ROOT / "data/riyadh/ja.txt").read_text(encoding="utf-8")
    fs = findings(en, ja)
    assert {f.category for f in fs} == {"boilerplate"}
    texts = [f.text for f in fs]
    for chrome in ("プレスリリース", "ギャラリーでこの写真を開く:", "Related Articles", "コメントを残す",
                   "Back to top button"):
        assert chrome in texts


@pytest.mark.parametrize("name", ["wildfire-evacuation", "chip-factory", "g7-communique"])
def test_cases_have_no_sentence_level_omission_or_addition(name):
    # their planted omissions/additions are clauses inside sentences (the omission check's)
    base = ROOT / "data/cases" / name
    fs = findings(base.with_suffix(".en.txt").read_text(encoding="utf-8"),
                  base.with_suffix(".ja.txt").read_text(encoding="utf-8"))
    assert not [f for f in fs if f.category in {"addition", "omission"}]


# --- issue #15: texts of very different extent, a translation with no content ---------------

RIYADH_EN = (ROOT / "data/riyadh/en.txt").read_text(encoding="utf-8")
RIYADH_JA = (ROOT / "data/riyadh/ja.txt").read_text(encoding="utf-8")


def test_translation_much_longer_than_the_reference_is_one_addition_finding():
    # the headline and the caption of the English against the whole Japanese article
    en = "\n\n".join(RIYADH_EN.split("\n\n")[:2])
    fs = [f for f in findings(en, RIYADH_JA) if f.code == "ALN005"]
    (f,) = fs
    assert (f.category, f.severity) == ("addition", "major")
    assert "much longer than the reference" in f.message
    assert int(f.evidence["japanese_chars"]) > 3 * float(f.evidence["expected_japanese_chars"])


def test_translation_much_shorter_than_the_reference_is_one_omission_finding():
    # an RSS summary (the headline and the first paragraph) against the whole English article
    ja = "\n\n".join(RIYADH_JA.split("\n\n")[:6])
    (f,) = [f for f in findings(RIYADH_EN, ja) if f.code == "ALN005"]
    assert (f.category, f.severity) == ("omission", "major")
    assert "much shorter than the reference" in f.message
    assert f.reference  # the first English sentence left out


def test_a_cut_off_translation_keeps_its_critical_omission_and_its_extent_finding():
    # the first five paragraphs only: "much shorter than the reference" (ALN005, major, on
    # the last sentence) and "the translation stops here" (ALN001, critical, the point at
    # the end) both say something of their own and are kept; the sentences lost before the
    # last one (a major ALN001 at its start) hide neither. One finding a span, category and
    # code is kept, and it was the first found whatever its severity: a minor ALN001 of one
    # lost sentence anchored at the same place hid the critical one
    ja = "\n\n".join(RIYADH_JA.split("\n\n")[:5])
    found = [f for f in findings(RIYADH_EN, ja) if f.category == "omission"]
    at_end = [(f.code, f.severity) for f in found if f.end == len(ja)]
    assert sorted(at_end) == [("ALN001", "critical"), ("ALN005", "major")]
    (cut,) = [f for f in found if f.severity == "critical"]
    assert cut.start == cut.end == len(ja)
    assert cut.message.startswith("the translation stops here")


def test_texts_of_the_same_extent_have_no_extent_finding():
    fs = findings(RIYADH_EN, RIYADH_JA)
    assert not [f for f in fs if f.code == "ALN005"]
    for name in ("f1-race", "g7-communique"):
        en = (ROOT / f"data/cases/{name}.en.txt").read_text(encoding="utf-8")
        ja = (ROOT / f"data/cases/{name}.ja.txt").read_text(encoding="utf-8")
        assert not [f for f in findings(en, ja) if f.code == "ALN005"], name


def test_translation_with_only_page_chrome_is_a_critical_omission():
    report = mtqa.check(EN_TEXT, "プレスリリース\n\nコメントを残す", backtranslator="dictionary")
    (f,) = [f for f in report.finding_list if f.category != "boilerplate"]
    assert (f.category, f.severity, f.code) == ("omission", "critical", "ALN005")
    assert f.text == "プレスリリース\n\nコメントを残す"
    assert report.gate.passed is False


# --- issue #18: one English sentence split into more pieces than a bead takes ------------

_LIST_EN = ("For the salad you need peppers, onions, half a teaspoon of salt, black pepper, or "
            "ground pepper if you have it, pasta, three boiled eggs and tuna.")


def _split_list(*tail: str) -> list:
    from tests.harness import Bead

    return [Bead("Today I will show you a simple salad.", "今日は簡単なサラダを紹介します。",
                 paragraph=0),
            Bead(_LIST_EN, ["材料はこちらです。", "ピーマン、玉ネギ。", "塩を小さじ半分、胡椒です。"],
                 paragraph=0),
            *[Bead((), ja, paragraph=0) for ja in tail],
            Bead("Let us start with the eggs.", "まず卵から始めましょう。", paragraph=0)]


def test_the_pieces_of_a_sentence_split_in_five_are_no_additions() -> None:
    from tests.harness import codes_and_texts, run_check

    beads = _split_list("粉胡椒があればそれでも良いです。", "そして、パスタ、ゆで卵3個、ツナを用意します。")
    assert codes_and_texts(run_check("alignment", *beads)) == []
    # the facts the last piece renders are not omitted either
    assert codes_and_texts(run_check("omission", *beads)) == []


def test_unrelated_sentences_after_a_split_sentence_are_still_additions() -> None:
    from tests.harness import codes_and_texts, run_check

    beads = _split_list("昨日の株式市場では銀行株が大きく値下がりした。", "政府は来月新しい税制を発表する予定だ。")
    assert [c for c, _ in codes_and_texts(run_check("alignment", *beads))] == ["ALN002", "ALN002"]


# --- moved across a paragraph boundary, and moved sentences the dictionary matches weakly --
@pytest.mark.parametrize("k", [1, 4, 6, 8])
def test_last_sentence_made_the_first_of_the_next_paragraph_is_moved(k):
    """#19 item 5: an editor who makes the last sentence of a paragraph the first of the next
    keeps the order of the sentences; only the paragraphs show the move. The aligner pairs
    the sentence where it stands, so nothing was reported; it is ``moved`` (informational)."""
    own = next(n for n, para in enumerate(LONG_PARAS) if k in para)
    assert LONG_PARAS[own][-1] == k
    paras = _moved_paragraphs(k, own + 1, at_start=True)
    assert _order(paras) == list(range(len(LONG_EN)))  # the order is unchanged
    fs = findings(long_en(), long_ja(paras))
    assert [(f.category, f.severity, f.text, f.reference) for f in fs] == [
        ("moved", "info", LONG_JA[k], LONG_EN[k])]


def test_first_sentence_made_the_last_of_the_previous_paragraph_is_moved():
    paras = _moved_paragraphs(7, 3, at_start=False)  # paragraph 5's first, to paragraph 4
    assert _order(paras) == list(range(len(LONG_EN)))
    fs = findings(long_en(), long_ja(paras))
    assert [(f.category, f.text) for f in fs] == [("moved", LONG_JA[7])]


def test_paragraphs_drawn_otherwise_are_not_moves():
    """A translator who draws the paragraphs otherwise (here every boundary shifted by one
    sentence, the same number of paragraphs) moved nothing: no finding."""
    paras = [[0], [1, 2], [3], [4, 5], [6, 7], [8, 9]]
    assert _order(paras) == list(range(len(LONG_EN))) and len(paras) == len(LONG_PARAS)
    assert findings(long_en(), long_ja(paras)) == ()


def test_merged_paragraphs_are_not_moves():
    """Two paragraphs made one (one paragraph fewer): not a move either."""
    paras = [[0, 1, 2], [3, 4], [5, 6], [7, 8], [9]]
    assert findings(long_en(), long_ja(paras)) == ()


class _FakeSimilarity:
    """A SentenceSimilarity with chosen scores (english, japanese) -> score; 0 otherwise."""

    def __init__(self, scores: dict[tuple[int, int], float]) -> None:
        self.scores = scores

    def __call__(self, e: int, j: int) -> float:
        return self.scores.get((e, j), 0.0)

    def many(self, pairs):
        return [self(e, j) for e, j in pairs]


class _NoText:
    """A context whose sentences have no text (the tests above give similarities only)."""

    class _Doc:
        @staticmethod
        def sentence_text(i: int) -> str:
            return ""

    reference = translation = _Doc()


_NO_TEXT = _NoText()


def _pair(index: int, ref: tuple[int, ...], mt: tuple[int, ...]):
    from mtqa.types import AlignedPair

    return AlignedPair(index=index, ref_start=0, ref_end=0, mt_start=0, mt_end=0,
                       reference="", translation="", ref_sentences=ref, mt_sentences=mt)


def test_unpaired_sentences_that_prefer_each_other_are_moved_though_matched_weakly():
    """A moved sentence rendered freely (the dictionary engine scores it 0.3, below a good
    bead's 0.4) is still taken for the moved translation of the unpaired English sentence
    when the two prefer each other over every sentence of the article; not when either
    prefers another sentence, nor when the match is at the level of unrelated sentences."""
    from mtqa.checks.alignment import AlignmentCheck, _mutual_best, _Unpaired

    # beads: 0 = en0/ja0, 1 = en1 unpaired, 2 = en2/ja1, 3 = en3/ja2, 4 = ja3 unpaired
    content = [_pair(0, (0,), (0,)), _pair(1, (1,), ()), _pair(2, (2,), (1,)),
               _pair(3, (3,), (2,)), _pair(4, (), (3,))]
    base = {(0, 0): 0.9, (2, 1): 0.8, (3, 2): 0.85}
    en_gap, ja_gap = [_Unpaired(1, 1)], [_Unpaired(4, 3)]

    sim = _FakeSimilarity({**base, (1, 3): 0.3, (2, 3): 0.1})
    assert _mutual_best(en_gap, ja_gap, content, sim) == {(en_gap[0], ja_gap[0])}
    moved = AlignmentCheck._moved(en_gap, ja_gap, content, sim, _NO_TEXT)
    assert [(e.sentence, j.sentence) for e, j, _ in moved] == [(1, 3)]

    # the Japanese sentence matches another English sentence better: not each other's best
    sim = _FakeSimilarity({**base, (1, 3): 0.3, (3, 3): 0.35})
    assert _mutual_best(en_gap, ja_gap, content, sim) == set()
    assert AlignmentCheck._moved(en_gap, ja_gap, content, sim, _NO_TEXT) == []

    # each other's best, but no better than unrelated sentences score
    sim = _FakeSimilarity({**base, (1, 3): 0.15})
    assert AlignmentCheck._moved(en_gap, ja_gap, content, sim, _NO_TEXT) == []


# --- informal text: faithful translations the aligner used to pair otherwise (issue #18) ----

def test_social_post_whose_anchor_is_an_acronym_is_no_addition() -> None:
    # the acronym "IT" was lower-cased to the stop word "it" and the first sentence had no
    # anchor left, while the URL's words pulled it into the second sentence's bead
    en = ("ugh... a nationwide IT outage. no wonder the office feels dead this morning "
          "https://www.example-news.com/tech/it-outage-hits-offices-nationwide-workers-affected")
    ja = ("マジか…全国でITがダウンしてる。それで今朝は会社が死んだみたいに静かなのか "
          "https://www.example-news.com/tech/it-outage-hits-offices-nationwide-workers-affected")
    assert findings(en, ja) == ()


def test_dialogue_of_short_lines_pairs_every_line() -> None:
    # "He told me that." holds nothing but a verb of saying; the aligner shifted by one
    en = ("Your brother says you broke the window. He told me that. Fine. Accidents happen, "
          "buddy. Just be careful next time.")
    ja = ("お兄ちゃんが、あなたが窓を割ったって言ってるよ。 お兄ちゃんがそう言ったの？ そうだよ。 "
          "まあ、事故は起きるものさ。次は気をつけてね。")
    report = mtqa.check(en, ja, backtranslator="dictionary", checks=("alignment",))
    content = [p for p in report.pairs if not p.chrome]
    assert all(p.ref_sentences and p.mt_sentences for p in content)
    assert report.finding_list == ()


def test_sentence_split_off_around_a_name_is_no_addition() -> None:
    # the Japanese renders "The fix is so in for Norwich" freely; only the name crosses
    en = ("Two penalties for Leeds and the ref gave neither. "
          "The fix is so in for Norwich #EFL #leedsutd")
    ja = ("リーズにPKが二本あってもおかしくなかったのに、審判はどちらも与えなかった。"
          "絶対ノリッジに有利な判定をしてる。#EFL #leedsutd")
    assert findings(en, ja) == ()


def test_added_sentence_in_a_social_post_is_still_an_addition() -> None:
    en = ("ugh... a nationwide IT outage. no wonder the office feels dead this morning "
          "https://www.example-news.com/tech/it-outage-hits-offices-nationwide-workers-affected")
    added = "ちなみに昨日の夕飯はカレーライスで、とても美味しかった。"
    ja = ("マジか…全国でITがダウンしてる。" + added + "それで今朝は会社が死んだみたいに静かなのか "
          "https://www.example-news.com/tech/it-outage-hits-offices-nationwide-workers-affected")
    (f,) = findings(en, ja)
    assert (f.code, f.severity, f.text) == ("ALN002", "major", added)


def test_added_sentence_repeating_a_neighbours_number_is_still_an_addition() -> None:
    # it renders the number of the English next to it ("April"), but so does that
    # sentence's own Japanese: nothing of the neighbour is left for it to render
    added = "4月には市内の各地で桜祭りも開かれ、毎年多くの観光客が訪れる。"
    ja = ja_text([JA[0:2], [JA[2]], JA[3:5], [JA[5], added, JA[6]]])
    (f,) = findings(EN_TEXT, ja)
    assert (f.code, f.text) == ("ALN002", added)


def test_omitted_sentence_is_not_taken_for_merged_by_shared_topic_words() -> None:
    # the sentence after the gap shares "city" and "budget" with the lost one; what the
    # lost one says of its own (roads, repair, opposition) is nowhere in the Japanese
    ja = ja_text([JA[0:2], [JA[2]], [JA[3]], JA[5:7]])
    (f,) = findings(EN_TEXT, ja)
    assert (f.code, f.reference) == ("ALN001", EN[4])


def test_english_sentence_merged_into_its_neighbours_translation_is_not_omitted() -> None:
    # "The opposition spoke next." carries nothing the next sentence's translation lacks
    # once merged: 野党 and 次 render it, inside the neighbour's Japanese
    en = ("The council met on Monday. The opposition spoke next. They said the stadium "
          "was too expensive and the roads came first.")
    ja = ("議会は月曜日に開かれた。次に野党が発言し、スタジアムは高すぎる、道路が先だと述べた。")
    assert [f.code for f in findings(en, ja)] == []


PRICES_EN = ("Prices rose in March. Rents climbed sharply. Food cost more. Fuel and electricity "
             "cost more too. The central bank will meet next month.")


def test_four_sentences_rendered_in_one_japanese_sentence_are_not_an_omission() -> None:
    # a bead holds at most three sentences a side, so the aligner leaves one of the four
    # alone; the Japanese next to it renders its words (物価, 上昇) and its month
    ja = "3月は物価が上昇し、家賃が急騰し、食料も燃料も電気も値上がりした。中央銀行は来月会合を開く。"
    assert findings(PRICES_EN, ja) == ()


@pytest.mark.parametrize(("ja", "lost"), [
    # 値上がり glosses as "rise in price", but the month is nowhere: the sentence is lost
    ("家賃が急騰し、食料も燃料も電気も値上がりした。中央銀行は来月会合を開く。",
     "Prices rose in March."),
    ("3月は物価が上昇し、家賃が急騰し、食料も値上がりした。中央銀行は来月会合を開く。",
     "Fuel and electricity cost more too."),
])
def test_sentence_lost_beside_a_merged_translation_is_still_an_omission(ja, lost) -> None:
    (f,) = findings(PRICES_EN, ja)
    assert (f.code, f.reference) == ("ALN001", lost)


def test_neighbouring_one_to_one_pairs_that_match_crosswise_are_swapped() -> None:
    # the aligner is monotone: a swapped pair of sentences comes out as one 2:2 bead or as
    # two 1:1 beads, each English sentence with the other's translation (here given so)
    en = ["The boat left the harbour at dawn.", "\"Dorrin is lazy, but he is not a fool.\"",
          "\"Sure, but can Dorrin swim?\"", "Nobody answered."]
    ja = ["夜明けに船は港を出た。", "「そうだな、でもドリンは泳げるのか？」",
          "「ドリンは怠け者だけど、ばかじゃない。」", "誰も答えなかった。"]
    crossed = [(en[0], ja[0]), (en[1], ja[1]), (en[2], ja[2]), (en[3], ja[3])]
    report = mtqa.check_segments(crossed, backtranslator="dictionary", checks=("alignment",))
    (f,) = report.finding_list
    assert (f.code, f.severity) == ("ALN003", "info")
    assert ja[1] in f.text and ja[2] in f.text
    straight = [(en[0], ja[0]), (en[1], ja[2]), (en[2], ja[1]), (en[3], ja[3])]
    report = mtqa.check_segments(straight, backtranslator="dictionary", checks=("alignment",))
    assert report.finding_list == ()


# --- a translation cut short (ALN006, and the tail of ALN001) -----------------------------

CUT_ARTICLES = data_rows("refa_cut_articles.jsonl")


@pytest.mark.parametrize("article", CUT_ARTICLES, ids=lambda a: a["doc_id"])
def test_a_professional_article_passes_whole(article) -> None:
    whole = mtqa.check(article["source"], article["translation"], backtranslator="dictionary")
    assert whole.passed, [(f.code, f.text) for f in whole.finding_list if f.severity == "major"]


@pytest.mark.parametrize("article", CUT_ARTICLES, ids=lambda a: a["doc_id"])
@pytest.mark.parametrize("share", [0.5, 0.6, 0.7, 0.8, 0.9])
@pytest.mark.parametrize("where", ["after a sentence", "inside a sentence"])
def test_a_professional_article_cut_short_never_passes(article, share, where) -> None:
    # three whole refA articles of WMT24 ESA dev (literary, social, news), cut at a share of
    # their characters as an output limit would, fail on an omission. Four of these cuts
    # passed: the last Japanese sentence shared a name with the lost English ones, which
    # were taken for merged into it, or the critical "stops here" finding lost to a minor
    # one on the same sentence, or the text stopped on a particle with nothing to say so
    en, ja = article["source"], article["translation"]
    n = int(len(ja) * share)
    cut = ja[: ja.rfind("。", 0, n) + 1] if where == "after a sentence" else ja[:n]
    report = mtqa.check(en, cut, backtranslator="dictionary")
    assert not report.passed
    assert any(f.category == "omission" and f.severity in ("major", "critical")
               for f in report.finding_list), [(f.code, f.severity) for f in report.finding_list]


def test_a_translation_that_breaks_off_mid_sentence_is_an_omission() -> None:
    # the last sentence stops on a particle: the rest of it and of the article is lost
    ja = ja_text([[JA[0], JA[1]], [JA[2]], [JA[3], "彼らは、市はまず道路を"]])
    found = [f for f in findings(EN_TEXT, ja) if f.code == "ALN006"]
    assert [(f.severity, f.text) for f in found] == [("critical", "彼らは、市はまず道路を")]
    assert "breaks off mid-sentence" in found[0].message
    # its last sentence only: major
    ja = ja_text([[JA[0], JA[1]], [JA[2]], [JA[3], JA[4]], [JA[5], "来週、公開の会合が"]])
    assert [(f.code, f.severity) for f in findings(EN_TEXT, ja)] == [("ALN006", "major")]


def test_a_translation_that_ends_without_a_full_stop_is_not_cut() -> None:
    ja = ja_text([[JA[0], JA[1]], [JA[2]], [JA[3], JA[4]], [JA[5], JA[6].rstrip("。")]])
    assert [f.code for f in findings(EN_TEXT, ja)] == []


DROPPED = data_rows("refa_dropped_paragraphs.jsonl")


@pytest.mark.parametrize("article", DROPPED, ids=lambda a: f"{a['doc_id']}-{a['dropped']}")
def test_a_lost_paragraph_is_not_taken_for_merged_into_a_sentence_that_renders_its_own(
        article) -> None:
    # two refA threads of WMT24 ESA dev with one post left out passed the gate: the lost
    # post ("I really want to go back to bed, but I can't until he's gone.", "So, my life
    # kind of sucks right now.") shared a word or two with a Japanese sentence that renders
    # its own English fully (bead 0.8 and more), or one two beads away, and was taken for
    # merged into it; and two refA articles with a paragraph left out passed with no finding
    # at all (the newsweek headline, a fight scene's middle paragraph): the lost paragraph
    # shared two topic words with the first or last sentence of the paragraph next to it,
    # which renders another paragraph's English; across a paragraph boundary half of a
    # sentence's words must be rendered for it to count as merged; and a thread whose first
    # post was lost passed with the post taken for "moved" into a line of its hashtags
    en, ja = article["source"], article["translation"]
    paras = ja.split("\n\n")
    at = 0 if article["dropped"] == "first" else len(paras) // 2
    lost = "\n\n".join(paras[:at] + paras[at + 1 :])
    assert mtqa.check(en, ja, backtranslator="dictionary").passed
    report = mtqa.check(en, lost, backtranslator="dictionary")
    assert not report.passed
    assert [f.severity for f in report.finding_list if f.code == "ALN001"] == ["major"]


@pytest.mark.parametrize("en", ["x", "Back to top button"])
def test_an_english_of_page_chrome_only_is_no_crash(en) -> None:
    # the English has no content sentence: ALN006 looked for its last one (IndexError)
    for ja in ("日本", "大臣は、"):
        report = mtqa.check(en, ja, backtranslator="dictionary")
        assert report.verdict in ("pass", "fail")


SPEECH = data_rows("refa_speech_cuts.jsonl")


@pytest.mark.parametrize("article", SPEECH, ids=lambda a: a["doc_id"])
def test_a_lost_last_sentence_is_not_taken_for_merged_on_two_topic_words(article) -> None:
    # refA speech transcripts of WMT24 ESA dev, cut after a full stop: the lost last
    # sentence ("Because of this, the city had to be rebuilt, …") shared two topic words
    # with the Japanese sentence before it and was taken for merged into it; a merged
    # sentence keeps a third of its content words there. The third transcript's translator
    # did merge two sentences ("And I went ahead and I started off by just constructing it
    # …"): the whole translation still passes
    en, ja = article["source"], article["translation"]
    assert mtqa.check(en, ja, backtranslator="dictionary").passed
    for share in (0.5, 0.6, 0.7, 0.8, 0.9):
        n = int(len(ja) * share)
        cut = ja[: ja.rfind("。", 0, n) + 1]
        report = mtqa.check(en, cut, backtranslator="dictionary")
        assert not report.passed, share
        assert any(f.code == "ALN001" and f.severity in ("major", "critical")
                   for f in report.finding_list), share


@pytest.mark.parametrize("article", CUT_ARTICLES, ids=lambda a: a["doc_id"])
def test_paragraphs_joined_in_the_wrong_order_fail_the_gate(article) -> None:
    # whole refA articles of WMT24 ESA dev with their paragraphs reversed (and the news
    # article with its two halves swapped, a translation made in two chunks and joined in
    # the wrong order): each moved sentence was an informational `moved` finding, and the
    # article passed
    en, ja = article["source"], article["translation"]
    paras = ja.split("\n\n")
    k = len(paras) // 2
    damaged = ["\n\n".join(reversed(paras))]
    if article["doc_id"] == "test-en-news_newsweek.63908":
        damaged.append("\n\n".join(paras[k:] + paras[:k]))
    for text in damaged:
        report = mtqa.check(en, text, backtranslator="dictionary")
        assert not report.passed
        order = [f for f in report.finding_list if f.code == "ALN007"]
        assert [(f.category, f.severity) for f in order] == [("scrambled", "major")]
        assert any(f.code == "ALN003" and f.severity == "info" for f in report.finding_list)
    # an editor's restructuring is no disorder: a paragraph moved past the next, or the last
    # made the first, stays a few `moved` sentences
    for edited in ("\n\n".join(paras[:1] + paras[2:3] + paras[1:2] + paras[3:]),
                   "\n\n".join(paras[-1:] + paras[:-1])):
        assert not [f for f in mtqa.check(en, edited, backtranslator="dictionary").finding_list
                    if f.code == "ALN007"]


SPLIT = data_rows("esa_split_sentences.jsonl")
THREAD = data_rows("refa_social_thread.jsonl")


@pytest.mark.parametrize("article", SPLIT, ids=lambda a: a["system"])
def test_a_last_clause_put_in_a_sentence_of_its_own_is_no_addition(article) -> None:
    # a WMT24 ESA dev thread, whole, in the professional translation (refA) and in
    # Gemini-1.5-Pro's (no human span on either): both translators put "we have pretty
    # extensive family records", the end of a long English sentence, in a Japanese sentence
    # of its own (うち結構しっかりした家系情報があるもんで。), which renders only "family"
    # of it; a major ALN002 failed both
    report = mtqa.check(article["source"], article["translation"], backtranslator="dictionary")
    assert report.passed
    assert not [f for f in report.finding_list if f.code == "ALN002"]


def test_a_sentence_of_another_story_in_its_place_is_still_an_addition() -> None:
    # the same place given a sentence of another thread: it renders nothing of the English
    # sentence's unrendered end, and is an addition
    article = next(a for a in SPLIT if a["system"] == "refA")
    split = "うち結構しっかりした家系情報があるもんで。"
    other = THREAD[0]["translation"].split("。")[0] + "。"
    ja = article["translation"].replace(split, other)
    assert ja != article["translation"]
    report = mtqa.check(article["source"], ja, backtranslator="dictionary")
    added = [f for f in report.finding_list if f.code == "ALN002"]
    assert [ja[f.start:f.end] for f in added] == [other]
    assert not report.passed


SPARE = data_rows("esa_spare_japanese.jsonl")


def test_a_sentence_rendered_in_the_next_beads_spare_japanese_is_not_lost() -> None:
    # IKUN-C on a WMT24 ESA dev paragraph (no human span): the aligner paired 南は魔法が使
    # える王国でした。 ("To the South, a kingdom full of fantastical displays of power.")
    # with the next sentence's English and its two Japanese sentences, and reported the
    # sentence lost (a major ALN001). The Japanese sentence at the edge of that bead
    # matches it better than the bead's own English: it is given back to it
    article = SPARE[0]
    en, ja = article["source"], article["translation"]
    report = mtqa.check(en, ja, backtranslator="dictionary")
    assert report.passed and not report.finding_list
    south = next(p for p in report.pairs if p.reference.startswith("To the South"))
    assert south.translation.strip() == "南は魔法が使える王国でした。"
    # with that sentence deleted, the English sentence is lost again
    cut = mtqa.check(en, ja.replace("南は魔法が使える王国でした。", ""), backtranslator="dictionary")
    assert [f.code for f in cut.finding_list if f.severity == "major"] == ["ALN001"]


def test_a_sentence_paired_back_with_its_english_shows_the_phrase_it_lost() -> None:
    # benchmarks/perturb.py (seed 0): "in President Bola Ahmed Tinubu's administration"
    # dropped from a refA sentence; the shortened sentence joined the next one's bead and
    # the whole English sentence was reported lost. Paired back with its English, the
    # finding names what is missing
    case = SPARE[1]
    report = mtqa.check(case["source"], case["translation"], backtranslator="dictionary")
    assert [(p.ref_sentences, p.mt_sentences) for p in report.pairs
            if not p.chrome] == [((0,), (0,)), ((1,), (1,))]
    assert any("Tinubu" in f.message and f.severity in ("major", "minor")
               for f in report.finding_list if f.category in ("name", "omission"))
    assert not [f for f in report.finding_list if f.code == "ALN001"]


UNPAIRED = {a["system"]: a for a in data_rows("esa_unpaired_sentences.jsonl")}


@pytest.mark.parametrize("system", ["Llama3-70B", "NTTSU"])
def test_translations_with_no_human_span_lose_no_sentence(system) -> None:
    # WMT24 ESA dev items no annotator marked (scores 96): each got a major ALN001.
    # Llama3-70B: "I'm", "you're" counted as content words in the aligner's features and
    # matched chance glosses, which drew the aligner off. NTTSU wrote a paragraph as one
    # unpunctuated sentence; "One of the most scary things I've done ..." (一番怖かった
    # こと) was taken for not merged into it because its "one" was no number there
    item = UNPAIRED[system]
    report = mtqa.check(item["source"], item["translation"], backtranslator="dictionary")
    assert not [f for f in report.finding_list
                if f.code == "ALN001" and f.severity in ("major", "critical")]


def test_a_translation_cut_after_a_sentence_sharing_the_lost_ones_topic_fails() -> None:
    # a refA speech transcript cut after 'もちろん、私は1970年代に育ちました。' ("Of
    # course, I grew up in the 1970s."): the lost last sentence ("I gained my political
    # consciousness ... in the 1970s ...") shares the decade and "of course" with it, and
    # was taken for merged into it by similarity. At the tail, with no Japanese after the
    # gap, only the lost sentence's own words rendered there tell a merge
    article = UNPAIRED["refA"]
    en, ja = article["source"], article["translation"]
    assert mtqa.check(en, ja, backtranslator="dictionary").passed
    end = "もちろん、私は1970年代に育ちました。"
    cut = ja[: ja.index(end) + len(end)]
    report = mtqa.check(en, cut, backtranslator="dictionary")
    assert not report.passed
    assert any(f.code == "ALN001" and "political consciousness" in f.message
               for f in report.finding_list)


def test_the_last_japanese_sentence_of_a_cut_translation_pairs_with_what_it_renders() -> None:
    # a refA transcript of WMT24 ESA dev cut after 'だから相手を撃ってる時に、違う場所に撃っ
    # てたんだ。' ("So when I was shooting him, basically I was shooting at all the wrong
    # places"): the aligner paired that sentence with the next English one ("All right, so
    # let's head over to COD Mobile.") at similarity 0, took the sentence it renders for
    # merged into it, and the lost ones went unreported
    article = UNPAIRED["refA-game"]
    en, ja = article["source"], article["translation"]
    assert mtqa.check(en, ja, backtranslator="dictionary").passed
    end = "だから相手を撃ってる時に、違う場所に撃ってたんだ。"
    report = mtqa.check(en, ja[: ja.index(end) + len(end)], backtranslator="dictionary")
    last = [p for p in report.pairs if p.mt_sentences][-1]
    assert last.reference.startswith("So when I was shooting him")
    assert not report.passed
    assert any(f.code == "ALN001" and "COD Mobile" in f.message for f in report.finding_list)


def test_a_quoted_sentence_kept_in_one_japanese_quotation_is_not_lost() -> None:
    """"Our members are not asking for the moon. They just want to be paid fairly," said
    Doyle → one Japanese sentence quoting both (the figure given by its meaning, which the
    aligner cannot pair): nothing is missing. A quotation of one sentence leaves the other
    English sentence missing."""
    en = ("Strike ballot opens\n\nThe union opened its ballot on Monday.\n\n"
          "\"Our members are not asking for the moon. They just want to be paid fairly for "
          "their work,\" said Sharon Doyle, the union's general secretary.\n")
    ja = ("スト投票始まる\n\n組合は月曜日に投票を始めた。\n\n"
          "「組合員は無理な要求をしているわけではない。仕事に対して公正な賃金を払ってほしい"
          "だけだ」と、シャロン・ドイル書記長は述べた。\n")
    assert [f.code for f in findings(en, ja)] == []
    ja_one = ("スト投票始まる\n\n組合は月曜日に投票を始めた。\n\n"
              "「仕事に対して公正な賃金を払ってほしいだけだ」と、シャロン・ドイル書記長は述べた。\n")
    assert [f.code for f in findings(en, ja_one)] == ["ALN001"]
