"""Calibrated confidence of findings: how likely a careful reviewer marks an error there.

A check reports what it sees (a gloss that does not match, a number with no counterpart);
on real professional translations most such sightings are paraphrase, not error (issue #18:
on WMT24's refA paragraphs 32% drew a major finding, against 1.6% that human annotators
marked major). This module turns each finding into a probability fitted on human error
annotations (WMT24 ESA en-ja development spans: a finding is *confirmed* when it overlaps a
span an annotator marked), and derives from it what the report shows:

* ``confidence``: a logistic model over the finding's check, code, category and the
  severity its check gave, a few properties of the flagged text (length, script) and of its
  context (the segment's back-translation chrF and alignment score, how many other findings
  the segment and the article drew). Numpy only; the coefficients are plain JSON arrays in
  ``mtqa/data/confidence.json``, written by ``benchmarks/fit_confidence.py`` with their
  provenance and an out-of-fold reliability table.
* ``severity``: major only when the finding is likely (confidence at least the model's
  ``major_at``) *and* its category changes meaning (a wrong number or sense, a dropped
  clause); otherwise minor. A critical finding stays critical when it is likely.
* hidden: findings under the policy's ``min_confidence`` are left out of the report, its
  score and its gate, and counted in a note.

Severity and hiding apply when the policy sets ``min_confidence`` (``0``: severities from
confidence, nothing hidden; the model's ``floor``: also hide what professional paragraphs
draw). Without it the report only carries ``confidence``: demoting by default made planted
errors of the probe articles (a wrong percentage, a garbled name) minor, and hiding at the
fitted floor drops ``data/cases`` recall from 0.97 to 0.17 - the checks' noisy families
must be fixed at their source before the human data can support it by default (#18).

Informational findings (severity ``info``, page chrome, moved sentences) claim no error:
they get no confidence and are never hidden; nor are the findings of checks the model was
not fitted on (a plugin's, or the one whole-text finding of a translation of another
article, which ESA annotators express as a score, not a span).
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ConfigError
from ..types import INFORMATIONAL_CATEGORIES, Finding, Severity

#: Schema of ``confidence.json``; bump when the feature set changes (old files are refused).
SCHEMA = "mtqa.confidence/1"
#: The feature definitions below; part of the schema (a model names the version it needs).
FEATURES_VERSION = "f1"
#: Categories informational by nature: no error is claimed, so no confidence is given.
_LATIN = re.compile(r"[A-Za-zＡ-Ｚａ-ｚ]")
_KATAKANA = re.compile(r"[ァ-ヺー]")
_DIGIT = re.compile(r"[0-9０-９〇一二三四五六七八九十百千万億兆]")
_ACRONYM = re.compile(r"^[A-ZＡ-Ｚ0-9&.\-]{2,8}$")


@dataclass(frozen=True, slots=True)
class SegmentContext:
    """What the confidence model knows of the aligned pair a finding sits in.

    Attributes:
        start: offset of the pair's Japanese in the text.
        end: offset after it.
        align: the aligner's similarity score of the pair.
        chrf: chrF of the pair's back-translation against its English, or ``None``.
    """

    start: int
    end: int
    align: float
    chrf: float | None


def is_informational(f: Finding) -> bool:
    """True for findings that claim no error (page chrome, a moved sentence)."""
    return f.severity == "info" or f.category in INFORMATIONAL_CATEGORIES


def _share(pattern: re.Pattern[str], text: str) -> float:
    return len(pattern.findall(text)) / len(text) if text else 0.0


def _segment_of(f: Finding, segments: Sequence[SegmentContext]) -> SegmentContext | None:
    if f.segment is not None and 0 <= f.segment < len(segments):
        return segments[f.segment]
    for s in segments:  # a finding without a pair index: the pair whose span holds it
        if s.start <= f.start < s.end or (s.start == s.end == f.start):
            return s
    return None


def feature_rows(findings: Sequence[Finding],
                 segments: Sequence[SegmentContext] = ()) -> list[dict[str, float]]:
    """The features of every finding, as ``name -> value`` (one-hot names end in ``=value``).

    Context features count the other non-informational findings of the same report: an
    article that draws many findings is more often a bad translation, and a lone finding in
    a clean-looking text is more often a paraphrase (the model learns how much).
    """
    errors = [f for f in findings if not is_informational(f)]
    per_segment = Counter(f.segment for f in errors)
    rows = []
    for f in findings:
        seg = _segment_of(f, segments)
        chrf = seg.chrf if seg is not None else None
        row: dict[str, float] = {
            f"check={f.check}": 1.0,
            f"code={f.code or f.check}": 1.0,
            f"category={f.category}": 1.0,
            f"given={f.severity}": 1.0,
            "len": math.log1p(len(f.text)),
            "latin": _share(_LATIN, f.text),
            "katakana": _share(_KATAKANA, f.text),
            "digit": 1.0 if _DIGIT.search(f.text) else 0.0,
            "acronym": 1.0 if _ACRONYM.match(f.text.strip()) else 0.0,
            "empty": 1.0 if f.start == f.end else 0.0,
            "ref_len": math.log1p(len(f.reference)),
            "chrf": (chrf / 100.0) if chrf is not None else 0.0,
            "no_chrf": 1.0 if chrf is None else 0.0,
            "align": seg.align if seg is not None else 0.0,
            "n_report": math.log1p(max(len(errors) - 1, 0)),
            "n_segment": math.log1p(max(per_segment.get(f.segment, 1) - 1, 0)),
        }
        rows.append(row)
    return rows


@dataclass(frozen=True)
class ConfidenceModel:
    """A fitted logistic model and the thresholds that turn its probabilities into the
    report's severities and its hidden findings.

    Attributes:
        version: short identifier recorded in the report signature (``conf:...``).
        features: feature names, in the order of ``coef``.
        mean: per-feature centre subtracted before weighting.
        scale: per-feature scale divided by before weighting.
        coef: logistic weights.
        intercept: logistic bias.
        floor: the suggested ``min_confidence`` (fitted; not applied unless asked for).
        major_at: confidence from which a meaning-changing finding is major.
        meaning_changing: categories whose errors change what the text says.
        codes: the finding codes the model was fitted on (each seen often enough to
            estimate); findings of other codes (a plugin's, a code too rare in the human
            data, the whole-text relatedness finding) keep their severity, get no
            confidence and are never hidden: there is no evidence to demote them with.
        provenance: how and on what the model was fitted (not used at run time).
    """

    version: str
    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    floor: float
    major_at: float
    meaning_changing: frozenset[str]
    codes: frozenset[str]
    provenance: Mapping[str, Any]

    @classmethod
    def from_dict(cls, d: Mapping[str, Any], where: str = "confidence model") -> ConfidenceModel:
        """Build from the JSON object of ``confidence.json``.

        Raises:
            ConfigError: another schema or feature version, or arrays of different lengths.
        """
        if d.get("schema") != SCHEMA or d.get("features_version") != FEATURES_VERSION:
            raise ConfigError(
                f"{where}: schema {d.get('schema')!r}/{d.get('features_version')!r} is not "
                f"{SCHEMA}/{FEATURES_VERSION}; refit with benchmarks/fit_confidence.py"
            )
        try:
            feats = tuple(str(n) for n in d["features"])
            arrays = [np.asarray(d[k], dtype=float) for k in ("mean", "scale", "coef")]
            model = cls(
                version=str(d["version"]), features=feats, mean=arrays[0], scale=arrays[1],
                coef=arrays[2], intercept=float(d["intercept"]), floor=float(d["floor"]),
                major_at=float(d["major_at"]),
                meaning_changing=frozenset(str(c) for c in d["meaning_changing"]),
                codes=frozenset(str(c) for c in d["codes"]),
                provenance=dict(d.get("provenance", {})),
            )
        except (KeyError, TypeError, ValueError) as err:
            raise ConfigError(f"{where}: missing or bad field ({err})") from None
        if not all(a.shape == (len(feats),) for a in arrays) or np.any(model.scale <= 0):
            raise ConfigError(f"{where}: arrays do not match the {len(feats)} features")
        return model

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA, "features_version": FEATURES_VERSION, "version": self.version,
            "features": list(self.features), "mean": self.mean.tolist(),
            "scale": self.scale.tolist(), "coef": self.coef.tolist(),
            "intercept": self.intercept, "floor": self.floor, "major_at": self.major_at,
            "meaning_changing": sorted(self.meaning_changing), "codes": sorted(self.codes),
            "provenance": dict(self.provenance),
        }

    @classmethod
    def load(cls, path: str | Path | None = None) -> ConfidenceModel:
        """The shipped model (``mtqa/data/confidence.json``) or the one at ``path``.

        Raises:
            ConfigError: the file is missing, not JSON, or not a confidence model.
        """
        if path is None:
            return _shipped()
        return _load_path(str(path))

    def matrix(self, rows: Sequence[Mapping[str, float]]) -> np.ndarray:
        """The standardised design matrix of ``rows`` (unknown feature names are dropped:
        a check the model never saw gets the weight of its other features)."""
        index = {n: i for i, n in enumerate(self.features)}
        x = np.zeros((len(rows), len(self.features)))
        for r, row in enumerate(rows):
            for name, value in row.items():
                j = index.get(name)
                if j is not None:
                    x[r, j] = value
        return (x - self.mean) / self.scale

    def predict(self, findings: Sequence[Finding],
                segments: Sequence[SegmentContext] = ()) -> np.ndarray:
        """Probability per finding that a reviewer marks an error on its span."""
        if not findings:
            return np.zeros(0)
        z = self.matrix(feature_rows(findings, segments)) @ self.coef + self.intercept
        return 1.0 / (1.0 + np.exp(-np.clip(z, -40.0, 40.0)))

    def severity(self, f: Finding, confidence: float) -> Severity:
        """The check's severity while the finding is likely enough and its category changes
        meaning; minor otherwise (see the module docstring)."""
        if confidence >= self.major_at and f.category in self.meaning_changing:
            return f.severity
        return "minor"


@functools.lru_cache(maxsize=1)
def _shipped() -> ConfidenceModel:
    ref = resources.files("mtqa") / "data" / "confidence.json"
    try:
        data = json.loads(ref.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        raise ConfigError(f"mtqa/data/confidence.json cannot be read ({err})") from None
    return ConfidenceModel.from_dict(data, "mtqa/data/confidence.json")


@functools.lru_cache(maxsize=4)
def _load_path(path: str) -> ConfidenceModel:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        raise ConfigError(f"{path}: cannot be read as a confidence model ({err})") from None
    return ConfidenceModel.from_dict(data, path)


def calibrate(findings: Sequence[Finding], model: ConfidenceModel,
              segments: Sequence[SegmentContext] = (), demote: bool = True) -> list[Finding]:
    """The findings with ``confidence`` set and, with ``demote``, their severity derived
    from it."""
    if not findings:
        return []
    probs = model.predict(findings, segments)
    out = []
    for f, p in zip(findings, probs):
        if is_informational(f) or (f.code or f.check) not in model.codes:
            out.append(f)
            continue
        conf = round(float(p), 3)
        sev = model.severity(f, conf) if demote else f.severity
        out.append(replace(f, confidence=conf, severity=sev))
    return out


def believed(findings: Sequence[Finding], floor: float) -> tuple[list[Finding], int]:
    """The findings shown (confidence at least ``floor``, or none given) and how many were
    hidden under it."""
    shown = [f for f in findings if f.confidence is None or f.confidence >= floor]
    return shown, len(findings) - len(shown)


def segment_contexts(pairs: Sequence[Any], chrf: Sequence[float | None]) -> list[SegmentContext]:
    """The model's view of aligned pairs (``mtqa.types.AlignedPair``) and their chrF."""
    return [
        SegmentContext(p.mt_start, p.mt_end, float(p.score), c)
        for p, c in zip(pairs, list(chrf) + [None] * (len(pairs) - len(chrf)))
    ]


def apply(findings: Sequence[Finding], model: ConfidenceModel,
          segments: Sequence[SegmentContext] = (),
          min_confidence: float | None = None) -> tuple[list[Finding], int]:
    """Calibrate the findings and hide those under the floor: the pipeline's step.

    Args:
        findings: the checks' findings of one report.
        model: the confidence model.
        segments: the report's aligned pairs as :class:`SegmentContext`.
        min_confidence: the policy's floor. ``None`` (the default) only sets confidence:
            severities stay the checks' and nothing is hidden. A number also demotes the
            unlikely findings to minor (under the model's ``major_at``) and hides those
            under it; ``0`` demotes and hides nothing.

    Returns:
        The findings shown, in their order, and how many were hidden.
    """
    if min_confidence is None:
        return calibrate(findings, model, segments, demote=False), 0
    return believed(calibrate(findings, model, segments), min_confidence)
