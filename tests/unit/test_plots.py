"""Plots (mtqa/report/plots.py): what is drawn, inputs accepted, headless backend (#8)."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys

import matplotlib

matplotlib.use("Agg")  # tests never open windows

import matplotlib.colors as mcolors  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

import mtqa  # noqa: E402
from mtqa.report import plots  # noqa: E402
from mtqa.errors import InputError  # noqa: E402
from mtqa.report.feed import FeedItemResult, FeedReport  # noqa: E402
from mtqa.report.html import SEVERITY_COLORS  # noqa: E402

PAIRS = [
    ("Lavrov met Rubio on Tuesday.", "Lavrovは火曜日にルビオと会った。"),
    ("The talks lasted four hours.", "協議は4時間続いた。"),
    ("They met on Tuesday in Riyadh.", "彼らは火曜日にリヤドで火曜日に会った。"),
]


@pytest.fixture(scope="module")
def report():
    """The pairs checked, with the findings the plots are tested on set explicitly (what
    the checks and their calibration find is tested elsewhere): a minor finding in
    sentence 0 and a major one in sentence 2."""
    from mtqa.gate import evaluate
    from mtqa.types import Finding

    r = mtqa.check_segments(PAIRS, backtranslator="dictionary")
    ja = r.translation_text
    lavrov = ja.index("Lavrov")
    again = ja.rindex("火曜日に")
    fs = (
        Finding("untranslated", "minor", lavrov, lavrov + 6, "Lavrov", "m", "Lavrov",
                "untranslated", segment=0),
        Finding("repetition", "major", again, again + 4, "火曜日に", "m", "", "repetition",
                segment=2),
    )
    return dataclasses.replace(r, finding_list=fs, gate=evaluate(fs, 94.0, r.policy))


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _hex(color) -> str:
    return mcolors.to_hex(color)


def test_sentence_scores_bars_follow_findings(report):
    ax = plots.sentence_scores(report)
    bars = ax.patches
    assert len(bars) == 3
    heights = [round(b.get_height(), 1) for b in bars]
    assert heights == [round(c or 0, 1) for c in report.chrf_scores]
    worst = report.sentence_scores()
    # sentence 0: minor (untranslated Lavrov); 1: clean; 2: major (repetition)
    assert list(worst["minor"]) == [1, 0, 0] and list(worst["major"]) == [0, 0, 1]
    assert _hex(bars[0].get_facecolor()) == SEVERITY_COLORS["minor"]
    assert _hex(bars[1].get_facecolor()) == plots.CLEAN_COLOR
    assert _hex(bars[2].get_facecolor()) == SEVERITY_COLORS["major"]
    labels = [t.get_text() for t in ax.texts]
    assert labels == ["−1", "−5"]


def test_findings_by_category_stacks_severities(report):
    ax = plots.findings_by_category(report)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["repetition", "untranslated"]
    totals = {t.get_text().strip() for t in ax.texts}
    assert totals == {"1"}
    ax2 = plots.findings_by_category(report.findings, all_categories=True)
    from mtqa.types import CATEGORIES

    assert len(ax2.get_yticklabels()) == len(CATEGORIES)  # every category


def test_findings_by_category_on_a_feed_and_empty(report):
    clean = dataclasses.replace(report, finding_list=())
    feed = FeedReport.from_reports({"a": report, "b": report, "c": clean})
    ax = plots.findings_by_category(feed)
    assert sorted(t.get_text().strip() for t in ax.texts) == ["2", "2"]
    empty = plots.findings_by_category(clean)
    assert [t.get_text() for t in empty.texts] == ["no findings"]


def test_score_distribution_counts_every_article(report):
    clean = dataclasses.replace(report, finding_list=(), score=100.0,
                                gate=dataclasses.replace(report.gate, passed=True, reasons=()))
    feed = FeedReport(
        [
            FeedItemResult("a", "ok", report=report),
            FeedItemResult("b", "ok", report=clean),
            FeedItemResult("c", "error", error="unreadable"),
        ]
    )
    ax = plots.score_distribution(feed, min_score=90)
    assert sum(p.get_height() for p in ax.patches) == 2  # the error has no score
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert sorted(legend) == ["fail (1)", "min score", "pass (1)"]
    ax2 = plots.score_distribution([97.5, 99.0, 100.0], bins=5)
    assert sum(p.get_height() for p in ax2.patches) == 3
    assert plots.score_distribution(FeedReport()).texts[0].get_text() == "no checked articles"
    # one article, as a notebook user has it after mtqa.check
    ax3 = plots.score_distribution(report)
    assert sum(p.get_height() for p in ax3.patches) == 1


def test_draws_into_given_axes_and_overview(report):
    fig, ax = plt.subplots()
    assert plots.sentence_scores(report, ax=ax) is ax
    assert plots.findings_by_category(report, ax=ax) is ax
    ov = plots.overview(report)
    assert len(ov.axes) == 2


def test_bad_inputs_raise_typed_errors(report):
    with pytest.raises(InputError, match="score_distribution"):
        plots.score_distribution(["x"])
    with pytest.raises(InputError, match="findings_by_category"):
        plots.findings_by_category({"category": []})
    with pytest.raises(InputError, match="expected a Report"):
        plots.sentence_scores(report.findings)


def test_lazy_import_and_agg_without_display(tmp_path):
    code = (
        "import sys, mtqa, mtqa.report.plots\n"
        "assert 'matplotlib' not in sys.modules, 'imported at module import'\n"
        "r = mtqa.check_segments([('Lavrov met Rubio.', 'Lavrovはルビオと会った。')],"
        " backtranslator='dictionary')\n"
        "ax = mtqa.report.plots.sentence_scores(r)\n"
        "import matplotlib\n"
        "print(matplotlib.get_backend().lower())\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY",
                                                            "MPLBACKEND")}
    env["MPLCONFIGDIR"] = str(tmp_path)
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "agg"


def test_findings_by_category_counts_like_the_summary(report):
    """#16.4: seven boilerplate findings were the longest bar, and the title said 28 beside
    13 major + 8 minor. Informational findings are left out (and said so) by default."""
    from mtqa.gate import evaluate
    from mtqa.types import Finding

    ja = report.translation_text
    chrome = tuple(Finding("boilerplate", "info", i, i + 1, ja[i], "page chrome", "",
                           "alignment", segment=0) for i in range(3))
    fs = (*report.finding_list, *chrome)
    r = dataclasses.replace(report, finding_list=fs, gate=evaluate(fs, 90.0, report.policy))
    errors = sum(n for s, n in r.counts.items() if s != "info")
    ax = plots.findings_by_category(r)
    assert "boilerplate" not in [t.get_text() for t in ax.get_yticklabels()]
    assert ax.get_title() == f"Findings per category ({errors}; 3 info not shown)"
    full = plots.findings_by_category(r, include_info=True)
    assert full.get_title() == f"Findings per category ({len(fs)})"
    labels = [t.get_text() for t in full.get_yticklabels()]
    grey = [p for p in full.patches if _hex(p.get_facecolor()) == SEVERITY_COLORS["info"]]
    assert "boilerplate" in labels and sum(p.get_width() for p in grey) == 3
