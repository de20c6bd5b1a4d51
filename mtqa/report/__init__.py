"""The report of one article: findings, aligned segments, score, verdict and signature;
rendered as JSON (the stable contract of docs/DESIGN.md), CSV, text, HTML and DataFrames."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..config import Policy
from ..errors import ConfigError
from ..gate import GateResult, counts
from ..types import CATEGORIES, SEVERITIES, AlignedPair, Finding
from .csv_cells import csv_safe

if TYPE_CHECKING:
    import pandas as pd

    from ..risk.tokens import SegmentRisk

#: The JSON contract's name. Additions keep it (#16 added the top-level ``policy`` object,
#: the ``info`` severity and its count); a key removed or changed in meaning would not.
SCHEMA = "mtqa.report/1"
FINDING_COLUMNS = (
    "category", "severity", "start", "end", "text", "message", "reference", "check", "code",
    "segment",
)
SEGMENT_COLUMNS = (
    "index", "kind", "ref_start", "ref_end", "mt_start", "mt_end", "reference", "translation",
    "back_translation", "chrf", "chrome", "risk", "quality",
)
SENTENCE_COLUMNS = (
    "segment", "kind", "chrome", "chrf", "findings", "critical", "major", "minor", "info",
    "penalty", "categories", "reference", "translation", "back_translation",
)


def render_signature(parts: Mapping[str, str]) -> str:
    """``key:value|key:value`` in insertion order (built from the dict, never parsed back)."""
    return "|".join(f"{k}:{v}" for k, v in parts.items())


@dataclass(frozen=True, slots=True)
class Segment:
    """One aligned pair of a report, with what the report says about it as a whole.

    One record per pair in place of parallel tuples (pairs, chrF scores, segment risks)
    that every renderer had to zip in step (#17).

    Attributes:
        pair: the aligned English and Japanese sentences, with the back-translation.
        chrf: chrF of the back-translation against the English (``None`` when either side
            is empty: nothing to compare).
        risk: token risk figures of the pair (mtqa/risk/tokens.py), ``None`` for page
            chrome, empty sides, and reports computed without token risk.
    """

    pair: AlignedPair
    chrf: float | None
    risk: SegmentRisk | None = None

    def to_dict(self) -> dict[str, Any]:
        """The segment object of the JSON report (keys and order are a stable contract)."""
        p = self.pair
        return {
            "ref_start": p.ref_start,
            "ref_end": p.ref_end,
            "mt_start": p.mt_start,
            "mt_end": p.mt_end,
            "reference": p.reference,
            "translation": p.translation,
            "back_translation": p.back_translation,
            "chrf": self.chrf,
            "index": p.index,
            "kind": p.kind,
            "chrome": p.chrome,
            # token risk (mtqa/risk/tokens.py): expected share of tokens a post-editor
            # would change, and predicted DA z-score; informative, not scored
            "risk": self.risk.risk if self.risk is not None else None,
            "quality": self.risk.quality if self.risk is not None else None,
        }


@dataclass(frozen=True)
class Report:
    """Result of checking one translation against its reference."""

    reference_text: str
    translation_text: str
    #: one record per aligned pair, in document order (:attr:`segments` is the DataFrame)
    segment_list: tuple[Segment, ...]
    finding_list: tuple[Finding, ...]
    score: float
    gate: GateResult
    signature_parts: Mapping[str, str]
    notes: tuple[str, ...] = ()
    meta: Mapping[str, Any] = field(default_factory=dict)
    #: token risks (mtqa.risk.tokens.TokenRisk), one per Japanese token of the content pairs
    token_risks: tuple[Any, ...] = ()
    #: the policy the verdict was computed with (its ``source`` names the file), or None
    #: for a report built by hand
    policy: Policy | None = None

    # --- the aligned pairs as parallel tuples (read-only views of segment_list, kept for
    # notebooks, benchmarks and tests written before the Segment record) -------------------
    @property
    def pairs(self) -> tuple[AlignedPair, ...]:
        return tuple(s.pair for s in self.segment_list)

    @property
    def chrf_scores(self) -> tuple[float | None, ...]:
        return tuple(s.chrf for s in self.segment_list)

    @property
    def segment_risks(self) -> tuple[SegmentRisk | None, ...]:
        return tuple(s.risk for s in self.segment_list)

    def __repr__(self) -> str:
        """One line (#16: the dataclass repr ran to 19,000 characters in a notebook)."""
        c = self.counts
        sev = " ".join(f"{k}={v}" for k, v in c.items())
        return (f"<Report score={self.score} verdict={self.verdict} {sev} "
                f"segments={len(self.segment_list)} policy={self.policy_source}>")

    # --- summary -------------------------------------------------------------------------
    @property
    def signature(self) -> str:
        return render_signature(self.signature_parts)

    @property
    def verdict(self) -> str:
        return self.gate.verdict

    @property
    def passed(self) -> bool:
        return self.gate.passed

    @property
    def counts(self) -> dict[str, int]:
        """Findings per severity (critical, major, minor, info): they add up to the number
        of findings."""
        return counts(self.finding_list)

    @property
    def policy_source(self) -> str:
        """The policy file the verdict was computed with, ``"defaults"`` when none was read,
        ``"unknown"`` for a report built without a policy."""
        if self.policy is None:
            return "unknown"
        return self.policy.source or "defaults"

    def category_counts(self) -> dict[str, int]:
        out: dict[str, int] = {c: 0 for c in CATEGORIES}
        for f in self.finding_list:
            out[f.category] += 1
        return out

    def summary(self) -> dict[str, Any]:
        return {
            "score": self.score,
            "verdict": self.verdict,
            "counts": self.counts,
            "categories": self.category_counts(),
            "reasons": list(self.gate.reasons),
            "notes": list(self.notes),
        }

    # --- serialisation -------------------------------------------------------------------
    def segment_dicts(self) -> list[dict[str, Any]]:
        """The JSON ``segments`` array: :meth:`Segment.to_dict` of each segment."""
        return [s.to_dict() for s in self.segment_list]

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of docs/DESIGN.md (keys and order are a stable contract)."""
        return {
            "schema": SCHEMA,
            "signature": self.signature,
            "summary": self.summary(),
            "segments": self.segment_dicts(),
            "findings": [f.to_dict() for f in self.finding_list],
            # which policy file decided the verdict (#16): added last, so that the keys of
            # mtqa.report/1 keep their places
            "policy": self.policy.to_dict() if self.policy is not None else None,
        }

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def to_csv(self) -> str:
        """One row per finding (the columns of :attr:`findings`)."""
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(FINDING_COLUMNS)
        for f in self.finding_list:
            d = f.to_dict()
            # spans and messages come from untrusted text: no cell may run as a formula
            w.writerow(["" if d[c] is None else csv_safe(d[c]) for c in FINDING_COLUMNS])
        return buf.getvalue()

    def to_text(self, color: bool = False) -> str:
        from .text import render_text

        return render_text(self, color=color)

    def to_html(self, standalone: bool = True, title: str = "mtqa report") -> str:
        """HTML report (:func:`mtqa.report.html.render_report`): a page, or a fragment for
        Jupyter."""
        from .html import render_report

        return render_report(self, standalone=standalone, title=title)

    def _repr_html_(self) -> str:
        return self.to_html(standalone=False)

    # --- DataFrames ----------------------------------------------------------------------
    @property
    def findings(self) -> pd.DataFrame:
        """One row per finding, stable columns; ``attrs["signature"]`` carries the signature."""
        import pandas as pd

        df = pd.DataFrame([f.to_dict() for f in self.finding_list], columns=list(FINDING_COLUMNS))
        # a nullable integer: document-level findings have no segment, and NaN would turn
        # the column into floats (3.0)
        df["segment"] = df["segment"].astype("Int64")
        # offsets are integers even with no row (object columns would make pd.concat of
        # reports give objects)
        df = df.astype({"start": "int64", "end": "int64"})
        df.attrs["signature"] = self.signature
        return df

    @property
    def segments(self) -> pd.DataFrame:
        import pandas as pd

        df = pd.DataFrame(self.segment_dicts(), columns=list(SEGMENT_COLUMNS))
        df.attrs["signature"] = self.signature
        return df

    @property
    def token_risk(self) -> pd.DataFrame:
        """One row per Japanese token of the content segments: ``segment, start, end,
        token, risk``; ``start``/``end`` index the Japanese text (``translation_text[start:
        end] == token``) and ``risk`` is the calibrated probability that a post-editor would
        change the token (mtqa/risk/tokens.py). Informative: it creates no finding."""
        import pandas as pd

        from ..risk.tokens import TOKEN_RISK_COLUMNS

        df = pd.DataFrame(
            [(t.segment, t.start, t.end, t.token, t.risk) for t in self.token_risks],
            columns=list(TOKEN_RISK_COLUMNS),
        )
        df = df.astype({"segment": "int64", "start": "int64", "end": "int64", "risk": "float64"})
        df.attrs["signature"] = self.signature
        return df

    # --- exploration helpers (Jupyter) ---------------------------------------------------
    def finding_segments(self) -> list[int | None]:
        """The pair index of each finding (in ``finding_list`` order): its ``segment``, else
        the pair whose Japanese holds its start (document-level findings), else None."""
        pairs = self.pairs
        indices = {p.index for p in pairs}
        out: list[int | None] = []
        for f in self.finding_list:
            if f.segment is not None and f.segment in indices:
                out.append(f.segment)
                continue
            out.append(
                next(
                    (
                        p.index
                        for p in pairs
                        if p.mt_start <= f.start < p.mt_end
                        or (f.start == f.end == p.mt_end and p.mt_sentences)
                    ),
                    None,
                )
            )
        return out

    def findings_at_least(self, severity: str) -> pd.DataFrame:
        """:attr:`findings` of ``severity`` or worse (``"major"`` keeps critical and major).

        Raises:
            ConfigError: ``severity`` is not one of critical, major, minor, info.
        """
        keep = severities_at_least(severity)
        df = self.findings
        out = df[df["severity"].isin(keep)].reset_index(drop=True)
        out.attrs["signature"] = self.signature
        return out

    @property
    def major_findings(self) -> pd.DataFrame:
        """Critical and major findings: what blocks publication under the default policy."""
        return self.findings_at_least("major")

    def counts_table(self, all_categories: bool = False) -> pd.DataFrame:
        """Findings per category (rows) and severity (columns, plus ``total``).

        Args:
            all_categories: keep categories without findings (a fixed shape for comparing
                reports) instead of only those present.
        """
        return counts_table(self.finding_list, all_categories=all_categories)

    def sentence_scores(self) -> pd.DataFrame:
        """One row per aligned pair: chrF, findings per severity, MQM penalty, categories.

        Columns: ``segment, kind, chrome, chrf, findings, critical, major, minor, info,
        penalty, categories, reference, translation, back_translation``.
        """
        import pandas as pd

        where = self.finding_segments()
        per: dict[int, list[Finding]] = {}
        for f, seg in zip(self.finding_list, where):
            if seg is not None:
                per.setdefault(seg, []).append(f)
        rows = []
        for s in self.segment_list:
            p, chrf = s.pair, s.chrf
            fs = per.get(p.index, [])
            sev = counts(fs)
            rows.append(
                {
                    "segment": p.index,
                    "kind": p.kind,
                    "chrome": p.chrome,
                    "chrf": chrf,
                    "findings": len(fs),
                    **sev,
                    "penalty": sum(f.weight for f in fs),
                    "categories": ",".join(sorted({f.category for f in fs})),
                    "reference": p.reference,
                    "translation": p.translation,
                    "back_translation": p.back_translation,
                }
            )
        df = pd.DataFrame(rows, columns=list(SENTENCE_COLUMNS))
        df.attrs["signature"] = self.signature
        return df

    def worst_sentences(self, n: int = 5) -> pd.DataFrame:
        """The ``n`` worst content sentences: highest MQM penalty first, then lowest chrF.

        Page chrome is left out. Sentences without findings come after all flagged ones,
        ordered by chrF (the back-translation's distance from the English), so that the
        list is useful even on a report without findings.
        """
        _check_count(n)
        df = self.sentence_scores()
        df = df[~df["chrome"]]
        out = df.sort_values(
            ["penalty", "chrf", "segment"], ascending=[False, True, True], na_position="last"
        ).head(n)
        out = out.reset_index(drop=True)
        out.attrs["signature"] = self.signature
        return out


def _check_count(n: object) -> None:
    """Refuse a count of rows that is not a whole number from 0 (``head(-1)`` would give
    all rows but one).

    Raises:
        ConfigError: ``n`` is negative or no whole number.
    """
    if isinstance(n, bool) or not isinstance(n, int) or n < 0:
        raise ConfigError(f"worst_sentences: n={n!r}; give a whole number of rows from 0")


def severities_at_least(severity: str) -> tuple[str, ...]:
    """Severities at ``severity`` or worse (``"major"`` → critical, major).

    Raises:
        ConfigError: unknown severity.
    """
    if severity not in SEVERITIES:
        raise ConfigError(
            f"unknown severity {severity!r}; choose one of: {', '.join(SEVERITIES)}"
        )
    return SEVERITIES[: SEVERITIES.index(severity) + 1]


def counts_table(findings: Iterable[Finding], all_categories: bool = False) -> pd.DataFrame:
    """Category × severity counts of ``findings`` (columns critical, major, minor, info,
    total)."""
    import pandas as pd

    table = {c: dict.fromkeys(SEVERITIES, 0) for c in CATEGORIES}
    for f in findings:
        table[f.category][f.severity] += 1
    df = pd.DataFrame.from_dict(table, orient="index", columns=list(SEVERITIES))
    df["total"] = df.sum(axis=1)
    df.index.name = "category"
    if not all_categories:
        df = df[df["total"] > 0]
    return df
