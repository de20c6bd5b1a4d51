"""The report of one article: findings, aligned segments, score, verdict and signature;
rendered as JSON (the stable contract of DESIGN.md), CSV, text, HTML and DataFrames."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .gate import GateResult, counts
from .types import CATEGORIES, AlignedPair, Finding

if TYPE_CHECKING:
    import pandas as pd

SCHEMA = "mtqa.report/1"
FINDING_COLUMNS = (
    "category", "severity", "start", "end", "text", "message", "reference", "check", "code",
    "segment",
)
SEGMENT_COLUMNS = (
    "index", "kind", "ref_start", "ref_end", "mt_start", "mt_end", "reference", "translation",
    "back_translation", "chrf", "chrome",
)


def render_signature(parts: Mapping[str, str]) -> str:
    """``key:value|key:value`` in insertion order (built from the dict, never parsed back)."""
    return "|".join(f"{k}:{v}" for k, v in parts.items())


@dataclass(frozen=True)
class Report:
    """Result of checking one translation against its reference."""

    reference_text: str
    translation_text: str
    pairs: tuple[AlignedPair, ...]
    finding_list: tuple[Finding, ...]
    chrf_scores: tuple[float | None, ...]
    score: float
    gate: GateResult
    signature_parts: Mapping[str, str]
    notes: tuple[str, ...] = ()
    meta: Mapping[str, Any] = field(default_factory=dict)

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
        return counts(self.finding_list)

    def category_counts(self) -> dict[str, int]:
        out = {c: 0 for c in CATEGORIES}
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
        out = []
        for p, c in zip(self.pairs, self.chrf_scores):
            out.append(
                {
                    "ref_start": p.ref_start,
                    "ref_end": p.ref_end,
                    "mt_start": p.mt_start,
                    "mt_end": p.mt_end,
                    "reference": p.reference,
                    "translation": p.translation,
                    "back_translation": p.back_translation,
                    "chrf": c,
                    "index": p.index,
                    "kind": p.kind,
                    "chrome": p.chrome,
                }
            )
        return out

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of DESIGN.md (keys and order are a stable contract)."""
        return {
            "schema": SCHEMA,
            "signature": self.signature,
            "summary": self.summary(),
            "segments": self.segment_dicts(),
            "findings": [f.to_dict() for f in self.finding_list],
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
            w.writerow(["" if d[c] is None else d[c] for c in FINDING_COLUMNS])
        return buf.getvalue()

    def to_text(self, color: bool = False) -> str:
        from .render_text import render_text

        return render_text(self, color=color)

    def to_html(self, standalone: bool = True) -> str:
        from .html import render_report

        return render_report(self, standalone=standalone)

    def _repr_html_(self) -> str:
        return self.to_html(standalone=False)

    # --- DataFrames ----------------------------------------------------------------------
    @property
    def findings(self) -> pd.DataFrame:
        """One row per finding, stable columns; ``attrs["signature"]`` carries the signature."""
        import pandas as pd

        df = pd.DataFrame([f.to_dict() for f in self.finding_list], columns=list(FINDING_COLUMNS))
        df.attrs["signature"] = self.signature
        return df

    @property
    def segments(self) -> pd.DataFrame:
        import pandas as pd

        df = pd.DataFrame(self.segment_dicts(), columns=list(SEGMENT_COLUMNS))
        df.attrs["signature"] = self.signature
        return df

    def segment_findings(self) -> dict[int, list[Finding]]:
        out: dict[int, list[Finding]] = {}
        for f in self.finding_list:
            if f.segment is not None:
                out.setdefault(f.segment, []).append(f)
        return out


def findings_for(pairs: Sequence[AlignedPair], findings: Sequence[Finding]) -> dict[int, list[Finding]]:
    out: dict[int, list[Finding]] = {}
    for f in findings:
        if f.segment is not None:
            out.setdefault(f.segment, []).append(f)
    return out
