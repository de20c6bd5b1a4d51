"""Results of checking a feed: one item per article (a report, or the error that stopped it)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..types import CATEGORIES

if TYPE_CHECKING:
    import pandas as pd

    from . import Report

SUMMARY_COLUMNS = (
    "id", "status", "score", "verdict", "critical", "major", "minor", "info", *CATEGORIES,
    "error",
)


def summary_row(rec: Mapping[str, Any]) -> dict[str, Any]:
    """One row of ``summary.csv`` (columns :data:`mtqa.report.feed.SUMMARY_COLUMNS`)."""
    row: dict[str, Any] = {c: None for c in SUMMARY_COLUMNS}
    row["id"] = rec.get("id")
    row["status"] = rec.get("status")
    row["error"] = rec.get("error")
    summary = rec.get("summary")
    if rec.get("status") == "ok" and isinstance(summary, Mapping):
        row["score"] = summary.get("score")
        row["verdict"] = summary.get("verdict")
        row.update({k: v for k, v in (summary.get("counts") or {}).items() if k in row})
        row.update({k: v for k, v in (summary.get("categories") or {}).items() if k in row})
    return row


@dataclass(frozen=True)
class FeedItemResult:
    """One article of a feed. ``status`` is ``"ok"`` (checked) or ``"error"`` (with ``error``)."""

    id: str
    status: str
    report: Report | None = None
    error: str | None = None
    meta: Mapping[str, Any] = field(default_factory=dict)

    def summary_row(self) -> dict[str, Any]:
        """This item's row of ``summary.csv`` / :meth:`FeedReport.to_dataframe`."""
        return summary_row({
            "id": self.id, "status": self.status, "error": self.error,
            "summary": self.report.summary() if self.report is not None else None,
        })


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
        return all(i.status == "ok" and i.report is not None and i.report.passed
                   for i in self.items)

    @property
    def summary(self) -> pd.DataFrame:
        """One row per article (columns :data:`SUMMARY_COLUMNS`)."""
        import pandas as pd

        return pd.DataFrame([i.summary_row() for i in self.items], columns=list(SUMMARY_COLUMNS))

    @property
    def findings(self) -> pd.DataFrame:
        """All findings of all articles, with the article ``id`` as first column."""
        import pandas as pd

        from . import FINDING_COLUMNS

        rows = []
        for item in self.items:
            if item.report is None:
                continue
            for f in item.report.finding_list:
                rows.append({"id": item.id, **f.to_dict()})
        df = pd.DataFrame(rows, columns=["id", *FINDING_COLUMNS])
        df["segment"] = df["segment"].astype("Int64")  # as Report.findings: never 3.0 (#16)
        return df

    # --- exploration helpers (Jupyter) ---------------------------------------------------
    @classmethod
    def from_reports(
        cls, reports: Mapping[str, Report] | Iterable[tuple[str, Report]]
    ) -> FeedReport:
        """A feed result from reports already computed (e.g. ``mtqa.check`` in a loop)."""
        pairs = reports.items() if isinstance(reports, Mapping) else reports
        return cls([FeedItemResult(id=str(k), status="ok", report=r) for k, r in pairs])

    def report(self, item_id: str) -> Report:
        """The report of article ``item_id``.

        Raises:
            KeyError: no such article, or the article has no report (it failed to load).
        """
        for item in self.items:
            if item.id == item_id:
                if item.report is None:
                    raise KeyError(f"article {item_id!r} has no report: {item.error}")
                return item.report
        raise KeyError(f"no article {item_id!r} in this feed")

    def findings_at_least(self, severity: str) -> pd.DataFrame:
        """:attr:`findings` of ``severity`` or worse (``"major"`` keeps critical and major)."""
        from . import severities_at_least

        df = self.findings
        return df[df["severity"].isin(severities_at_least(severity))].reset_index(drop=True)

    @property
    def major_findings(self) -> pd.DataFrame:
        """Critical and major findings of all articles."""
        return self.findings_at_least("major")

    def counts_table(self, all_categories: bool = False) -> pd.DataFrame:
        """Findings of all articles per category (rows) and severity (columns, ``total``)."""
        from . import counts_table

        return counts_table(
            (f for i in self.items if i.report is not None for f in i.report.finding_list),
            all_categories=all_categories,
        )

    def worst_articles(self, n: int = 5) -> pd.DataFrame:
        """The ``n`` checked articles with the lowest score (most major findings first on
        ties); articles that failed to load are in :meth:`errors`."""
        df = self.summary
        df = df[df["status"] == "ok"]
        return df.sort_values(
            ["score", "critical", "major", "id"], ascending=[True, False, False, True]
        ).head(n).reset_index(drop=True)

    def failing(self, include_errors: bool = False) -> pd.DataFrame:
        """:attr:`summary` rows of the articles that fail the gate (and of those that could
        not be checked, with ``include_errors``)."""
        df = self.summary
        mask = df["verdict"] == "fail"
        if include_errors:
            mask |= df["status"] != "ok"
        return df[mask].reset_index(drop=True)

    def errors(self) -> pd.DataFrame:
        """:attr:`summary` rows of the articles that could not be checked."""
        df = self.summary
        return df[df["status"] != "ok"].reset_index(drop=True)

    def worst_sentences(self, n: int = 10) -> pd.DataFrame:
        """The ``n`` worst sentences across articles (see :meth:`Report.worst_sentences`),
        with the article ``id`` as first column."""
        import pandas as pd

        from . import SENTENCE_COLUMNS, _check_count

        _check_count(n)
        frames = []
        for item in self.items:
            if item.report is not None:
                df = item.report.sentence_scores()
                df.insert(0, "id", item.id)
                frames.append(df[~df["chrome"]])
        if not frames:
            return pd.DataFrame(columns=["id", *SENTENCE_COLUMNS])
        df = pd.concat(frames, ignore_index=True)
        return df.sort_values(
            ["penalty", "chrf", "id", "segment"],
            ascending=[False, True, True, True],
            na_position="last",
        ).head(n).reset_index(drop=True)

    def to_html(
        self,
        links: Mapping[str, str] | None = None,
        standalone: bool = True,
        title: str = "mtqa feed",
    ) -> str:
        """Overview page (:func:`mtqa.report.html.render_feed`); ``links`` maps article id →
        page."""
        from .html import render_feed

        return render_feed(self, links=links, standalone=standalone, title=title)

    def _repr_html_(self) -> str:
        return self.to_html(standalone=False)
