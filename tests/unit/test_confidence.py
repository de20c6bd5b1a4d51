"""Calibrated confidence of findings (mtqa/risk/confidence.py, #18)."""

from __future__ import annotations

import math

import numpy as np
import pytest

import mtqa
from mtqa.risk import confidence
from mtqa.risk.confidence import ConfidenceModel, SegmentContext
from mtqa.errors import ConfigError
from mtqa.types import Finding


def _finding(code: str = "MIS002", check: str = "mistranslation", category: str = "mistranslation",
             severity: str = "major", text: str = "縮小", segment: int | None = 0) -> Finding:
    return Finding(category=category, severity=severity, start=0, end=len(text), text=text,
                   message="m", reference="soaring", check=check, code=code, segment=segment)


def _model(coef: dict[str, float], intercept: float = 0.0, major_at: float = 0.5,
           codes: tuple[str, ...] = ("MIS002", "UNT001")) -> ConfidenceModel:
    names = tuple(coef)
    return ConfidenceModel(
        version="t", features=names, mean=np.zeros(len(names)), scale=np.ones(len(names)),
        coef=np.array([coef[n] for n in names]), intercept=intercept, floor=0.2,
        major_at=major_at, meaning_changing=frozenset({"mistranslation", "number"}),
        codes=frozenset(codes), provenance={},
    )


def test_predict_is_the_logistic_of_the_named_features():
    m = _model({"code=MIS002": 1.5, "digit": -2.0}, intercept=-1.0)
    p = m.predict([_finding(), _finding(text="20年")])
    assert p[0] == pytest.approx(1 / (1 + math.exp(-0.5)))
    assert p[1] == pytest.approx(1 / (1 + math.exp(1.5)))


def test_unlikely_findings_are_demoted_and_likely_ones_keep_their_severity():
    low = _model({"code=MIS002": -3.0})
    high = _model({"code=MIS002": 3.0})
    f = _finding()
    assert confidence.calibrate([f], low)[0].severity == "minor"
    kept = confidence.calibrate([f], high)[0]
    assert kept.severity == "major" and kept.confidence == pytest.approx(0.953, abs=1e-3)


def test_a_likely_finding_of_a_category_that_keeps_meaning_is_minor():
    m = _model({"code=UNT001": 5.0})
    f = _finding(code="UNT001", check="untranslated", category="untranslated", text="IKEA")
    assert confidence.calibrate([f], m)[0].severity == "minor"


def test_informational_and_uncalibrated_findings_are_left_alone():
    m = _model({"code=MIS002": -5.0})
    chrome = _finding(code="ALN004", check="alignment", category="boilerplate", severity="info")
    rare = _finding(code="MIS001")  # a code the model was not fitted on
    out = confidence.calibrate([chrome, rare], m)
    assert out == [chrome, rare] and all(f.confidence is None for f in out)
    shown, hidden = confidence.apply([chrome, rare], m, min_confidence=0.9)
    assert len(shown) == 2 and hidden == 0


def test_by_default_confidence_is_only_added_and_min_confidence_demotes_and_hides():
    m = _model({"code=MIS002": -3.0})
    shown, hidden = confidence.apply([_finding()], m)
    assert hidden == 0 and shown[0].severity == "major" and shown[0].confidence is not None
    shown, hidden = confidence.apply([_finding()], m, min_confidence=0.0)
    assert hidden == 0 and shown[0].severity == "minor"
    shown, hidden = confidence.apply([_finding()], m, min_confidence=0.2)
    assert shown == [] and hidden == 1


def test_context_features_count_the_other_findings_and_read_the_segment():
    fs = [_finding(), _finding(segment=1), _finding(segment=1)]
    segs = [SegmentContext(0, 5, 0.4, 30.0), SegmentContext(5, 9, 0.6, None)]
    rows = confidence.feature_rows(fs, segs)
    assert rows[0]["chrf"] == pytest.approx(0.3) and rows[0]["no_chrf"] == 0.0
    assert rows[1]["no_chrf"] == 1.0 and rows[1]["align"] == pytest.approx(0.6)
    assert rows[0]["n_report"] == pytest.approx(math.log1p(2))
    assert rows[0]["n_segment"] == 0.0 and rows[1]["n_segment"] == pytest.approx(math.log1p(1))


def test_model_round_trips_and_a_wrong_schema_is_refused():
    m = _model({"code=MIS002": 1.0, "len": 0.5})
    again = ConfidenceModel.from_dict(m.to_dict())
    assert again.features == m.features and np.allclose(again.coef, m.coef)
    bad = {**m.to_dict(), "features_version": "f0"}
    with pytest.raises(ConfigError, match="refit"):
        ConfidenceModel.from_dict(bad)
    with pytest.raises(ConfigError, match="arrays"):
        ConfidenceModel.from_dict({**m.to_dict(), "coef": [1.0]})


def test_shipped_model_states_its_provenance_and_out_of_fold_reliability():
    m = ConfidenceModel.load()
    prov = m.provenance
    assert prov["items"] > 1000 and prov["out_of_fold"]["findings"] > 100
    assert prov["reliability_out_of_fold"] and 0.0 <= m.major_at <= 1.0
    assert "MIS002" in m.codes and "REL001" not in m.codes
    # a translation that is English as a whole is judged by its language, not by spans
    assert "UNT003" not in m.codes


def test_an_english_translation_is_never_hidden_by_a_confidence_floor():
    en = "The minister said on Tuesday that the talks in the capital would continue next week."
    refusal = ("I apologize, but I cannot translate that text, as it appears to be a copyrighted "
               "script. Perhaps I could help you with a different passage instead.")
    report = mtqa.check(en, refusal, backtranslator="dictionary", min_confidence=1.0)
    assert [(f.code, f.severity, f.confidence) for f in report.finding_list] == [
        ("UNT003", "critical", None)]
    assert not report.gate.passed


def test_finding_confidence_must_be_a_probability():
    with pytest.raises(ValueError, match="confidence"):
        Finding("number", "major", 0, 1, "x", "m", "r", "numbers", confidence=1.5)
    assert "confidence" in _finding().to_dict()


def test_reports_carry_confidence_and_min_confidence_hides_with_a_note():
    en = "Russian Foreign Minister Sergey Lavrov said on Tuesday that talks would continue."
    ja = "ロシアのLavrov外相は火曜日、協議は続くと述べた。"
    report = mtqa.check(en, ja, backtranslator="dictionary")
    assert "conf" in report.signature_parts
    calibrated = [f for f in report.finding_list if f.confidence is not None]
    assert calibrated and all(0.0 < f.confidence < 1.0 for f in calibrated)
    hidden = mtqa.check(en, ja, backtranslator="dictionary", min_confidence=1.0)
    assert len(hidden.finding_list) == len(report.finding_list) - len(calibrated)
    assert any("hidden" in n for n in hidden.notes)
    assert hidden.signature != report.signature


def test_the_shipped_model_keeps_untranslated_english_major_and_a_latin_name_minor():
    """Untranslated English words change what the Japanese reader gets (the shipped model
    counts the category as meaning-changing); a name left in Latin script stays minor."""
    m = ConfidenceModel.load()
    assert "untranslated" in m.meaning_changing
    r = mtqa.check("Keep the soup in the fridge, Lavrov said.",
                   "Lavrovは「Keep the soup in the fridge」と言った。",
                   backtranslator="dictionary", checks=("untranslated",))
    shown, _ = confidence.apply(list(r.finding_list), m, min_confidence=0.0)
    got = {f.text: f.severity for f in shown}
    assert got == {"Lavrov": "minor", "Keep the soup in the fridge": "major"}
