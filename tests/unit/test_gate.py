from mtqa.config import Policy
from mtqa.gate import evaluate
from mtqa.types import Finding


def f(sev, cat="number"):
    return Finding(cat, sev, 0, 1, "x", "m", "r", "c")


def test_default_policy_fails_on_any_major():
    assert evaluate([f("minor")] * 5, 99.0, Policy()).passed
    res = evaluate([f("major")], 99.0, Policy())
    assert not res.passed and res.exit_code == 1 and "major" in res.reasons[0]


def test_thresholds_and_score():
    assert evaluate([f("major")] * 2, 90.0, Policy(max_major=2)).passed
    assert not evaluate([], 50.0, Policy(min_score=60)).passed
    assert not evaluate([f("minor")] * 3, 99.0, Policy(max_minor=2)).passed


def test_boilerplate_never_counts():
    assert evaluate([f("major", "boilerplate")], 100.0, Policy()).passed
