"""End to end on the shipped sample and the annotated cases."""

import pytest

from tests.conftest import case_names


def spans(report):
    return [(f.category, f.text) for f in report.finding_list]


@pytest.mark.parametrize("word", ["Lavrov", "Rubio", "Zelenskyy"])
def test_riyadh_untranslated_names(riyadh_report, word):
    assert ("untranslated", word) in spans(riyadh_report)


def test_riyadh_duplicated_tuesday(riyadh_report):
    ja = riyadh_report.translation_text
    dup = ja.index("火曜日にサウジアラビアで火曜日に") + len("火曜日にサウジアラビアで")
    assert any(f.category == "repetition" and f.start <= dup < f.end
               for f in riyadh_report.finding_list)


def test_riyadh_leaves_credit_and_acronyms(riyadh_report):
    flagged = " ".join(f.text for f in riyadh_report.finding_list if f.category == "untranslated")
    for ok in ("Evelyn", "Hockstein", "NATO", "EU", "Back to top"):
        assert ok not in flagged


def test_riyadh_fails_gate(riyadh_report):
    assert riyadh_report.verdict == "fail" and riyadh_report.gate.exit_code == 1


@pytest.mark.parametrize("name", case_names())
def test_offsets_invariant_every_case(case_reports, name):
    ja, report = case_reports[name]
    for f in report.finding_list:
        assert ja[f.start : f.end] == f.text
    for p in report.pairs:
        assert ja[p.mt_start : p.mt_end] == p.translation
        assert report.reference_text[p.ref_start : p.ref_end] == p.reference
