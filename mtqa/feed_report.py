"""Results of checking a feed: one item per article (a report, or the error that stopped it)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .types import CATEGORIES

if TYPE_CHECKING:
    import pandas as pd

    from .report import Report

SUMMARY_COLUMNS = (
    "id", "status", "score", "verdict", "critical", "major", "minor", *CATEGORIES, "error",
)


@dataclass(frozen=True)
class FeedItemResult:
    """One article of a feed. ``status`` is ``"ok"`` (checked) or ``"error"`` (with ``error``)."""

    id: str
    status: str
    report: Report | None = None
    error: str | None = None
    meta: Mapping[str, Any] = field(default_factory=dict)

    def summary_row(self) -> dict[str, Any]:
        row: dict[str, Any] = {c: None for c in SUMMARY_COLUMNS}
        row["id"] = self.id
        row["status"] = self.status
        row["error"] = self.error
        if self.report is not None:
            r = self.report
            row["score"] = r.score
            row["verdict"] = r.verdict
            row.update(r.counts)
            row.update(r.category_counts())
        return row


@dataclass
class FeedReport:
    """All items of a feed run, in input order."""

    items: list[FeedItemResult] = field(default_factory=list)

    def __iter__(self) -> Iterator[FeedItemResult]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    @property
    def passed(self) -> bool:
        return all(i.status == "ok" and i.report is not None and i.report.passed for i in self.items)

    @property
    def summary(self) -> pd.DataFrame:
        """One row per article (columns :data:`SUMMARY_COLUMNS`)."""
        import pandas as pd

        return pd.DataFrame([i.summary_row() for i in self.items], columns=list(SUMMARY_COLUMNS))

    @property
    def findings(self) -> pd.DataFrame:
        """All findings of all articles, with the article ``id`` as first column."""
        import pandas as pd

        from .report import FINDING_COLUMNS

        rows = []
        for item in self.items:
            if item.report is None:
                continue
            for f in item.report.finding_list:
                rows.append({"id": item.id, **f.to_dict()})
        return pd.DataFrame(rows, columns=["id", *FINDING_COLUMNS])
