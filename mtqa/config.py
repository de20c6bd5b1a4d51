"""One frozen configuration for a QA run. Defaults are named constants with their reason."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any, Union

from .errors import ConfigError

#: Engine used when none is given: Marian if its model is available offline, else the
#: dictionary engine (docs/DESIGN.md "Offline and models").
DEFAULT_BACKTRANSLATOR = "auto"
#: Gate: a report fails when it has more findings of a severity than allowed. Any
#: critical or major finding stops publication; minor ones are reported only.
DEFAULT_MAX_CRITICAL = 0
DEFAULT_MAX_MAJOR = 0
#: Token risk and per-segment risk/quality in every report: cheap next to the checks, and the
#: HTML report and DataFrames show them (#18).
DEFAULT_SCORE_RISK = True
#: Calibrated confidence on every finding (#18): the shipped model was fitted on the final
#: checks, and a policy floor (``min_confidence``) needs it.
DEFAULT_APPLY_CONFIDENCE = True


@dataclass(frozen=True)
class Policy:
    """Publication gate thresholds (``None`` = no limit)."""

    max_critical: int | None = DEFAULT_MAX_CRITICAL
    max_major: int | None = DEFAULT_MAX_MAJOR
    max_minor: int | None = None
    min_score: float | None = None
    #: category -> severity override (e.g. {"untranslated": "major"}).
    severity: dict[str, str] = field(default_factory=dict)
    #: Confidence floor (calibrated confidence, mtqa/risk/confidence.py, #18). None: findings only
    #: gain ``confidence``, severities stay the checks' and nothing is hidden. A number also
    #: demotes unlikely findings to minor (under the model's ``major_at``) and hides those under
    #: the number; 0 demotes and hides nothing.
    min_confidence: float | None = None
    #: The policy file these settings were read from, or None when none was (defaults,
    #: ``MTQA_*`` variables and explicit options only). Every report states it (#16). Not
    #: compared and not in the signature: the same limits from two files give the same
    #: results.
    source: str | None = field(default=None, compare=False)
    #: setting -> where it was set when not by default: ``"file"``, ``"env"``, ``"cli"``
    #: (command line) or ``"argument"`` (Python keyword argument).
    origins: Mapping[str, str] = field(default_factory=dict, compare=False)

    def describe(self) -> str:
        """One line for report headers: the file (or ``defaults``) and the settings that
        ``MTQA_*`` variables overrode (invisible on the command line, so named here), e.g.
        ``mtqa.toml; $MTQA_MAX_MAJOR``. Options given explicitly are not repeated."""
        label = self.source or "defaults"
        env = [f"$MTQA_{k.upper()}" for k, o in sorted(self.origins.items()) if o == "env"]
        return label + (f"; set by {', '.join(env)}" if env else "")

    def to_dict(self) -> dict[str, Any]:
        """The ``policy`` object of the report JSON (#16): where the policy came from and
        the limits the verdict was computed with."""
        return {
            "source": self.source or "defaults",
            "max_critical": self.max_critical,
            "max_major": self.max_major,
            "max_minor": self.max_minor,
            "min_score": self.min_score,
            "severity": dict(sorted(self.severity.items())),
            "min_confidence": self.min_confidence,
            "origins": dict(sorted(self.origins.items())),
        }

    def signature_parts(self) -> dict[str, str]:
        parts = {
            "gate": f"c{self.max_critical}-M{self.max_major}-m{self.max_minor}-s{self.min_score}"
        }
        if self.severity:
            parts["sev"] = ",".join(f"{k}={v}" for k, v in sorted(self.severity.items()))
        if self.min_confidence is not None:
            parts["minconf"] = f"{self.min_confidence:g}"
        return parts


@dataclass(frozen=True)
class QAConfig:
    """Everything that changes results. Precedence: CLI > MTQA_* env > TOML > defaults."""

    backtranslator: str = DEFAULT_BACKTRANSLATOR
    model: str | None = None
    checks: tuple[str, ...] | None = None
    glossary: str | None = None
    #: A newsroom's house style for Latin script (the format of mtqa/data/latin_allowed.tsv):
    #: the untranslated check's ``latin_allowed``. None: the shipped default. Its digest
    #: enters the check's signature.
    latin_allowed: str | None = None
    policy: Policy = field(default_factory=Policy)
    #: engine options passed to the back-translator (batch_size, beams, cache_dir, ...)
    engine_options: dict[str, Any] = field(default_factory=dict)
    #: skip document alignment: the inputs are already sentence pairs (check_segments).
    presegmented: bool = False
    #: Compute the token risk (mtqa/risk/tokens.py) after the checks. It informs only (no
    #: finding, no gate input) but names its model in the signature; benchmarks/fit_risk.py
    #: turns it off while refitting that model, whose output must not be an input.
    score_risk: bool = DEFAULT_SCORE_RISK
    #: Calibrate the findings (mtqa/risk/confidence.py, #18): confidence, severity from it, and
    #: findings under the policy's floor hidden. benchmarks/esa.py turns it off to cache the
    #: checks' findings as they come, and applies the same step with out-of-fold models.
    apply_confidence: bool = DEFAULT_APPLY_CONFIDENCE

    def with_options(self, **options: Any) -> QAConfig:
        """A copy with keyword overrides; unknown names raise :class:`ConfigError`."""
        names = {f.name for f in fields(self)}
        policy_names = {f.name for f in fields(Policy)}
        top: dict[str, Any] = {}
        pol: dict[str, Any] = {}
        for k, v in options.items():
            if k in names:
                top[k] = v
            elif k in policy_names:
                pol[k] = v
            elif k in {"batch_size", "beams", "max_length", "cache", "cache_dir", "device",
                       "threads", "compute_type", "max_input_tokens"}:
                top.setdefault("engine_options", dict(self.engine_options))[k] = v
            else:
                raise ConfigError(f"unknown option {k!r}")
        cfg = replace(self, **top)
        if pol:
            cfg = replace(cfg, policy=replace(cfg.policy, **pol))
        if cfg.checks is not None and not isinstance(cfg.checks, tuple):
            cfg = replace(cfg, checks=tuple(cfg.checks))
        return cfg

    def with_policy_source(self, source: str | os.PathLike[str] | None,
                           origins: Mapping[str, str]) -> QAConfig:
        """A copy whose policy records the file it came from and the settings' origins."""
        src = None if source is None else os.fspath(source)
        return replace(self, policy=replace(self.policy, source=src, origins=dict(origins)))


#: What the Python API's ``config=`` accepts (see :func:`mtqa.policy.api_config`).
ConfigArg = Union["QAConfig", str, "os.PathLike[str]", bool, None]
