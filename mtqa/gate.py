"""Publication gate: policy thresholds → pass/fail and the exit code."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .config import Policy
from .types import SEVERITIES, Finding

EXIT_PASS = 0
EXIT_FAIL = 1
EXIT_USAGE = 2
# mtqa itself failed (a bug): one line on stderr names the file holding the traceback (#15)
EXIT_INTERNAL = 3
# an output could not be written (disk full, I/O error): distinct from bad input (#15)
EXIT_OUTPUT = 4


@dataclass(frozen=True, slots=True)
class GateResult:
    passed: bool
    reasons: tuple[str, ...]

    @property
    def verdict(self) -> str:
        return "pass" if self.passed else "fail"

    @property
    def exit_code(self) -> int:
        return EXIT_PASS if self.passed else EXIT_FAIL


def counts(findings: Sequence[Finding]) -> dict[str, int]:
    """Findings per severity, every severity present (``info`` included), worst first.

    Every finding is counted under its own severity, so that the counts add up to the
    number of findings listed in the JSON, CSV, text and HTML outputs (#16).
    """
    out: dict[str, int] = dict.fromkeys(SEVERITIES, 0)
    for f in findings:
        out[f.severity] += 1
    return out


def evaluate(findings: Sequence[Finding], score: float, policy: Policy) -> GateResult:
    """The verdict: counts of critical, major and minor findings against the policy's
    limits, and the score against its minimum; ``info`` findings never fail it."""
    c = counts(findings)
    reasons = []
    for sev, limit in (
        ("critical", policy.max_critical),
        ("major", policy.max_major),
        ("minor", policy.max_minor),
    ):
        if limit is not None and c[sev] > limit:
            reasons.append(f"{c[sev]} {sev} finding(s) > {limit} allowed")
    if policy.min_score is not None and score < policy.min_score:
        reasons.append(f"score {score} < {policy.min_score}")
    return GateResult(not reasons, tuple(reasons))
