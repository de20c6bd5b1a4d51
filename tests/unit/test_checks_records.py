"""A record the English does not claim (``ADD003``, :mod:`mtqa.checks.records`)."""

from __future__ import annotations

import pytest

import mtqa
from tests.harness import blind_findings


def _records(en: str, ja: str) -> list[tuple[str, str, str]]:
    report = mtqa.check(en, ja, backtranslator="dictionary", config=False)
    return [(f.code, f.severity, f.text) for f in report.finding_list if f.code == "ADD003"]


EN = ("The plant, which employs about 2,100 people, will move from three shifts to two. "
      "Shares in the company fell 7.4% in Milan on Tuesday.")


@pytest.mark.parametrize("ja, claim", [
    ("約2100人を雇用する英国最大の工場は、3交代制から2交代制に移行する。"
     "同社の株価は火曜日、ミラノ市場で7.4%下落した。", "英国最大の"),
    ("約2100人を雇用する工場は、3交代制から2交代制に移行する。"
     "同社の株価は火曜日、ミラノ市場で7.4%下落し、上場以来最大の下げ幅を記録した。", "上場以来"),
    ("約2100人を雇用する工場は、3交代制から2交代制に移行する。"
     "同社の株価は火曜日、ミラノ市場で7.4%下落し、過去最低を記録した。", "過去最低"),
])
def test_a_record_the_english_does_not_claim_is_flagged(ja: str, claim: str) -> None:
    assert _records(EN, ja) == [("ADD003", "major", claim)]


@pytest.mark.parametrize("en, ja", [
    # the English claims it: a superlative WordNet reads, a record, a time since which
    ("The plant, Britain's largest, employs about 2,100 people.",
     "英国最大の工場は約2100人を雇用している。"),
    ("Shares fell 7.4%, their steepest fall since the company listed in 2015.",
     "株価は7.4%下落し、2015年の上場以来最大の下げ幅を記録した。"),
    ("Exports reached a record 14 million tonnes.", "輸出量は過去最高の1400万トンに達した。"),
    ("The ratio was 10.2%, comfortably above regulatory minimums.",
     "比率は10.2%で、規制上の最低水準を大きく上回っている。"),
    # an intensifier, no record: "the privilege of my life"
    ('"It has been the privilege of my life to serve on this court," she wrote.',
     "「この裁判所で務めたことは人生最大の栄誉だった」と書簡につづった。"),
])
def test_a_record_the_english_claims_is_not(en: str, ja: str) -> None:
    assert _records(en, ja) == []


def test_a_record_said_in_the_next_sentence_of_the_english_is_not() -> None:
    """An alignment a sentence off: the English of a neighbouring pair claims it."""
    en = ("The bank posted a profit of £2.1bn. It was the highest in the bank's history. "
          "The bank will close 38 branches.")
    ja = ("同行は21億ポンドの利益を計上し、過去最高となった。同行は38支店を閉鎖する。")
    assert _records(en, ja) == []


@pytest.mark.parametrize("article, claim", [
    # (written blind, J10–Q10, measured unseen before the check: 0 of these found)
    ("italian-mobile-merger-vetoed", "上場以来"),
    ("van-plant-night-shift-axed", "英国最大の"),
    ("steel-tariff-countermeasures", "過去最大"),
    # (written before the check, rounds 1 to 31)
    ("tech-layoffs", "上場以来"),
    ("olive-oil-harvest-shortfall", "過去最悪"),
])
def test_an_added_record_in_a_written_article(article: str, claim: str) -> None:
    assert claim in [f.text for f in blind_findings(article, ["records"]) if f.code == "ADD003"]


def _dropped(en: str, ja: str) -> list[tuple[str, str, str]]:
    report = mtqa.check(en, ja, backtranslator="dictionary", config=False)
    return [(f.code, f.severity, f.text) for f in report.finding_list if f.code == "OMI006"]


DROPPED_EN = ("The regulator fined the company £38.6 million for failing to stop sewage spills "
              "across West Yorkshire, the largest penalty it has ever imposed on a company.")


def test_a_record_the_english_claims_left_out_is_flagged() -> None:
    """(written blind, J10–Q10: airline-refund-delay-fine, sewage-spill-water-fine) the
    claim after "West Yorkshire" is read: matches of the English may overlap."""
    ja = "規制当局は、西ヨークシャー州で下水の放流を防げなかったとして、同社に3860万ポンドの罰金を科した。"
    assert _dropped(DROPPED_EN, ja) == [("OMI006", "minor", ja[:-1])]


@pytest.mark.parametrize("ja", [
    "規制当局は、西ヨークシャー州で下水の放流を防げなかったとして、同社に過去最高となる3860万ポンドの罰金を科した。",
    "規制当局は、西ヨークシャー州で下水の放流を防げなかったとして、同社に3860万ポンドの罰金を科した。"
    "同局が1社に科した罰金としてはこれまでで一番大きい。",
])
def test_a_record_the_japanese_says_is_not(ja: str) -> None:
    assert _dropped(DROPPED_EN, ja) == []


@pytest.mark.parametrize("en", [
    # "most" of a quantity, a -est word that is no superlative
    "Most of the members have never auditioned, the conductor said.",
    "The West Bank has never had such a vote, officials said.",
])
def test_what_is_no_claim_of_a_record(en: str) -> None:
    from mtqa.checks.records import record_claimed
    assert record_claimed(en) is None


def test_a_dropped_record_in_a_written_article() -> None:
    """(written before the check: alberta-methane-venting-fine) "The fine, the
    largest ever imposed under the province's methane regulations" → この罰金は、…基金に
    納められる: the finding is on the Japanese of the claiming sentence, the pair's second."""
    found = [f.text for f in blind_findings("alberta-methane-venting-fine", ["records"])
             if f.code == "OMI006"]
    assert found == ["この罰金は、農村部の大気質を監視するための基金に納められる"]
