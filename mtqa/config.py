"""One frozen configuration for a QA run. Defaults are named constants with their reason."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Any

from .errors import ConfigError

#: Engine used when none is given: Marian if its model is available offline, else the
#: dictionary engine (DESIGN.md "Offline and models").
DEFAULT_BACKTRANSLATOR = "auto"
#: Gate: a report fails when it has more findings of a severity than allowed. Any
#: critical or major finding stops publication; minor ones are reported only.
DEFAULT_MAX_CRITICAL = 0
DEFAULT_MAX_MAJOR = 0


@dataclass(frozen=True)
class Policy:
    """Publication gate thresholds (``None`` = no limit)."""

    max_critical: int | None = DEFAULT_MAX_CRITICAL
    max_major: int | None = DEFAULT_MAX_MAJOR
    max_minor: int | None = None
    min_score: float | None = None
    #: category -> severity override (e.g. {"untranslated": "major"}).
    severity: dict[str, str] = field(default_factory=dict)

    def signature_parts(self) -> dict[str, str]:
        parts = {
            "gate": f"c{self.max_critical}-M{self.max_major}-m{self.max_minor}-s{self.min_score}"
        }
        if self.severity:
            parts["sev"] = ",".join(f"{k}={v}" for k, v in sorted(self.severity.items()))
        return parts


@dataclass(frozen=True)
class QAConfig:
    """Everything that changes results. Precedence: CLI > MTQA_* env > TOML > defaults."""

    backtranslator: str = DEFAULT_BACKTRANSLATOR
    model: str | None = None
    checks: tuple[str, ...] | None = None
    glossary: str | None = None
    policy: Policy = field(default_factory=Policy)
    #: engine options passed to the back-translator (batch_size, beams, cache_dir, ...)
    engine_options: dict[str, Any] = field(default_factory=dict)
    #: skip document alignment: the inputs are already sentence pairs (check_segments).
    presegmented: bool = False

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
