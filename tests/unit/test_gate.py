import pytest

from mtqa.config import Policy
from mtqa.gate import counts, evaluate
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


def test_info_never_fails_the_gate():
    assert evaluate([f("info", "boilerplate")] * 9, 100.0, Policy(max_minor=0)).passed


def test_severity_alone_decides_counts_and_gate():
    """#16.4: boilerplate was left out of the counts whatever its severity; now a finding
    counts under its severity, so a policy that raises boilerplate to major is obeyed."""
    fs = [f("info", "boilerplate"), f("minor"), f("major", "boilerplate")]
    assert counts(fs) == {"critical": 0, "major": 1, "minor": 1, "info": 1}
    assert not evaluate(fs, 100.0, Policy()).passed
    assert [f.weight for f in fs] == [0.0, 1.0, 5.0]


def test_severity_is_checked():
    with pytest.raises(ValueError, match="severity"):
        f("trivial")
