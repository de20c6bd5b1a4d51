"""Plots for exploring results (matplotlib): a feed's score distribution, findings per
category, and the per-sentence score along one article.

matplotlib is imported only when a plot is drawn (``import mtqa`` stays light). Without a
display, and when neither ``MPLBACKEND`` nor an already imported pyplot chose a backend, the
non-interactive Agg backend is selected so that plots work on servers and in CI. Every
function draws into ``ax`` when given (to compose figures) or into a new figure, and
returns the Axes; ``ax.figure`` is the Figure.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from .html import CATEGORY_COLORS, SEVERITY_COLORS
from ..types import CATEGORIES, ERROR_SEVERITIES, SEVERITIES

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from .feed import FeedReport
    from . import Report

#: Colour of a sentence without findings (neutral, so that flagged ones stand out).
CLEAN_COLOR = "#9fb3cf"
#: Colour of the failing part of the score histogram, and of the passing part.
FAIL_COLOR = "#c62828"
PASS_COLOR = "#2e8b3e"
#: Default figure sizes in inches: wide for an article's sentences, compact otherwise.
WIDE = (10.0, 3.2)
COMPACT = (6.4, 3.6)


def _has_display() -> bool:
    """Whether an interactive backend could open a window (X11/Wayland; macOS and Windows
    always can)."""
    if sys.platform in ("darwin", "win32"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _pyplot() -> Any:
    """``matplotlib.pyplot``, with Agg chosen first on a headless machine."""
    import matplotlib

    # Respect an explicit choice (MPLBACKEND, e.g. Jupyter's inline backend) and a pyplot
    # that is already running; only a headless default is overridden.
    if (
        "matplotlib.pyplot" not in sys.modules
        and not os.environ.get("MPLBACKEND")
        and not _has_display()
    ):
        matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _axes(ax: Axes | None, size: tuple[float, float]) -> Axes:
    if ax is not None:
        return ax
    _, new = _pyplot().subplots(figsize=size, layout="constrained")
    return new  # type: ignore[no-any-return]


def _empty(ax: Axes, message: str) -> Axes:
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, color="#777")
    ax.set_xticks([])
    ax.set_yticks([])
    return ax


# --- inputs -------------------------------------------------------------------------------
def _scores_and_verdicts(data: Any) -> tuple[list[float], list[str]]:
    """Article scores and verdicts from a FeedReport, a summary DataFrame (``score``, and
    ``verdict`` when present), Reports or plain numbers."""
    from .feed import FeedReport
    from . import Report

    if isinstance(data, FeedReport):
        data = data.summary
    if isinstance(data, Report):
        data = [data]  # one article: its score, a histogram of one
    if hasattr(data, "columns"):
        if "score" not in data.columns:
            raise InputError("score_distribution: the DataFrame has no 'score' column; "
                             "pass FeedReport.summary or a FeedReport")
        rows = data[data["score"].notna()]
        verdicts = list(rows["verdict"]) if "verdict" in rows.columns else ["?"] * len(rows)
        return [float(s) for s in rows["score"]], [str(v) for v in verdicts]
    scores, verdicts = [], []
    for x in data:
        if isinstance(x, Report):
            scores.append(x.score)
            verdicts.append(x.verdict)
        elif isinstance(x, (int, float)):
            scores.append(float(x))
            verdicts.append("?")
        else:
            raise InputError(
                f"score_distribution: cannot read a score from {type(x).__name__}; pass a "
                "FeedReport, its summary DataFrame, Reports or numbers"
            )
    return scores, verdicts


def _findings_frame(data: Any) -> Any:
    """A findings DataFrame (``category``, ``severity``) from a Report, a FeedReport or a
    DataFrame."""
    from .feed import FeedReport
    from . import Report

    if isinstance(data, (Report, FeedReport)):
        return data.findings
    if hasattr(data, "columns") and {"category", "severity"} <= set(data.columns):
        return data
    raise InputError(
        f"findings_by_category: cannot read findings from {type(data).__name__}; pass a "
        "Report, a FeedReport or a findings DataFrame (columns category, severity)"
    )


# --- plots --------------------------------------------------------------------------------
def score_distribution(
    data: FeedReport | Any,
    ax: Axes | None = None,
    bins: int | Sequence[float] = 20,
    min_score: float | None = None,
) -> Axes:
    """Histogram of article scores across a feed, passing and failing articles stacked.

    Args:
        data: a FeedReport, its ``summary`` DataFrame, Reports, or scores.
        ax: Axes to draw into (a new figure when None).
        bins: number of bins or bin edges (as ``matplotlib.pyplot.hist``).
        min_score: a score threshold to draw as a vertical line (e.g. the policy's).

    Returns:
        The Axes.

    Raises:
        InputError: ``data`` has no scores to read.
    """
    scores, verdicts = _scores_and_verdicts(data)
    ax = _axes(ax, COMPACT)
    if not scores:
        return _empty(ax, "no checked articles")
    lo = min(min(scores), min_score if min_score is not None else 100.0)
    edges: Any = bins
    if isinstance(bins, int):
        # scores pile up just under 100: bins from the lowest score, not from 0
        span = max(100.0 - lo, 1.0)
        edges = [lo + span * i / bins for i in range(bins + 1)]
    groups = [
        ([s for s, v in zip(scores, verdicts) if v == "pass"], PASS_COLOR, "pass"),
        ([s for s, v in zip(scores, verdicts) if v == "fail"], FAIL_COLOR, "fail"),
        ([s for s, v in zip(scores, verdicts) if v not in ("pass", "fail")], CLEAN_COLOR,
         "articles"),
    ]
    groups = [g for g in groups if g[0]]
    ax.hist(
        [g[0] for g in groups], bins=edges, stacked=True, color=[g[1] for g in groups],
        label=[f"{g[2]} ({len(g[0])})" for g in groups], edgecolor="white",
    )
    if min_score is not None:
        ax.axvline(min_score, color="#333", linestyle="--", linewidth=1, label="min score")
    ax.set_xlabel("MQM score (100 = no penalty)")
    ax.set_ylabel("articles")
    ax.set_title(f"Score distribution ({len(scores)} articles)")
    ax.legend(frameon=False)
    _integer_ticks(ax.yaxis)
    return ax


def findings_by_category(
    data: Report | FeedReport | Any,
    ax: Axes | None = None,
    all_categories: bool = False,
    include_info: bool = False,
) -> Axes:
    """Horizontal bars: findings per category, stacked by severity.

    Informational findings (severity ``info``: page chrome) are left out unless asked for,
    and the title says how many (#16: seven boilerplate lines were the longest bar of an
    article with 21 errors). The total in the title is the sum of the summary counts drawn.

    Args:
        data: a Report, a FeedReport or a findings DataFrame.
        ax: Axes to draw into (a new figure when None).
        all_categories: show every category of the contract, also those without findings.
        include_info: draw informational findings too (grey, after the errors).

    Returns:
        The Axes.

    Raises:
        InputError: ``data`` holds no findings table.
    """
    df = _findings_frame(data)
    n_info = int((df["severity"] == "info").sum())
    if not include_info:
        df = df[df["severity"] != "info"]
    ax = _axes(ax, COMPACT)
    cats = [
        c for c in CATEGORIES if all_categories or (df["category"] == c).any()
    ]
    if not cats:
        return _empty(ax, "no findings" + (f" ({n_info} info not shown)" if n_info else ""))
    cats = cats[::-1]  # first category of the contract at the top
    left = [0] * len(cats)
    for sev in SEVERITIES:
        sub = df[df["severity"] == sev]
        n = [int((sub["category"] == c).sum()) for c in cats]
        if not any(n):
            continue
        ax.barh(cats, n, left=left, color=SEVERITY_COLORS[sev], label=sev, height=0.55)
        left = [a + b for a, b in zip(left, n)]
    for y, total in enumerate(left):
        if total:
            ax.text(total, y, f" {total}", va="center", fontsize=9)
    # a category's colour from the HTML report as a swatch next to its label
    for label in ax.get_yticklabels():
        label.set_bbox({"facecolor": CATEGORY_COLORS.get(label.get_text(), "#eee"),
                        "edgecolor": "none", "pad": 1.5})
    ax.set_xlabel("findings")
    hidden = f"; {n_info} info not shown" if n_info and not include_info else ""
    ax.set_title(f"Findings per category ({len(df)}{hidden})")
    _integer_ticks(ax.xaxis)
    # room on the right for the totals written after the bars
    ax.set_xlim(0, max(left) * 1.15 + 0.5)
    ax.set_ylim(-0.6, len(cats) - 0.4)
    # legend under the axis label: never on top of a bar or the title
    ax.legend(frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=4,
              fontsize=8)
    return ax


def sentence_scores(report: Report, ax: Axes | None = None) -> Axes:
    """The per-sentence score along an article: chrF of each sentence's back-translation
    against the English, bars coloured by the worst finding in the sentence, and the MQM
    penalty written above flagged sentences.

    Args:
        report: the article's report.
        ax: Axes to draw into (a new figure when None).

    Returns:
        The Axes.
    """
    from . import Report

    if not isinstance(report, Report):
        raise InputError(
            f"sentence_scores: expected a Report, got {type(report).__name__}"
        )
    df = report.sentence_scores()
    df = df[~df["chrome"]]
    ax = _axes(ax, WIDE)
    if df.empty:
        return _empty(ax, "no sentences")
    colors = [_worst_color(row) for row in df.itertuples()]
    heights = [0.0 if c != c or c is None else float(c) for c in df["chrf"]]  # NaN → 0
    ax.bar(df["segment"], heights, color=colors, width=0.8)
    for seg, h, pen in zip(df["segment"], heights, df["penalty"]):
        if pen:
            ax.text(seg, h + 1, f"−{pen:g}", ha="center", va="bottom", fontsize=8,
                    color=FAIL_COLOR)
    ax.set_xlabel("sentence (aligned pair) #")
    ax.set_ylabel("chrF of back-translation")
    ax.set_ylim(0, max(max(heights) * 1.18, 10.0))
    ax.set_title("Per-sentence score (bar: chrF; red label: MQM penalty of its findings)")
    from matplotlib.patches import Patch

    handles = [Patch(color=CLEAN_COLOR, label="no finding")] + [
        Patch(color=SEVERITY_COLORS[s], label=s) for s in ERROR_SEVERITIES[::-1]
    ]
    ax.legend(handles=handles, frameon=False, ncol=4, loc="upper right", fontsize=8)
    return ax


def _worst_color(row: Any) -> str:
    """The colour of the worst error in a sentence (informational findings colour none)."""
    for sev in ERROR_SEVERITIES:
        if getattr(row, sev):
            return SEVERITY_COLORS[sev]
    return CLEAN_COLOR


def overview(report: Report) -> Any:
    """Both article plots side by side in one Figure (per-sentence score, categories)."""
    plt = _pyplot()
    fig, (left, right) = plt.subplots(
        1, 2, figsize=(13.0, 3.4), layout="constrained", width_ratios=[2.2, 1.0]
    )
    sentence_scores(report, ax=left)
    findings_by_category(report, ax=right)
    return fig


__all__ = ["score_distribution", "findings_by_category", "sentence_scores", "overview"]


def _integer_ticks(axis: Any) -> None:
    """Whole numbers on a count axis (matplotlib's default locator is a MaxNLocator)."""
    from matplotlib.ticker import MaxNLocator

    locator = axis.get_major_locator()
    if isinstance(locator, MaxNLocator):
        locator.set_params(integer=True)

