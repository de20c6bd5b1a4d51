"""The HTML report in a real browser: headless Chromium renders it, takes a screenshot, and
the highlighted spans are in the page's DOM (#8).

Needs ``chromium`` (Debian's, installed by ``.ci/run``), ``chromium-browser`` or
``google-chrome`` on PATH; without one the tests are skipped with the reason shown in
pytest's summary (``-ra``). Set ``MTQA_SCREENSHOT_DIR`` to keep the screenshots.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import warnings
from html.parser import HTMLParser
from pathlib import Path

import pytest

import mtqa
from mtqa.report.html import CATEGORY_COLORS

from .conftest import RIYADH

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
#: Browser start-up plus rendering on a loaded 2-core CI machine stays well under this.
BROWSER_TIMEOUT_S = 120
WINDOW = (1400, 2400)
#: Rendered colours may differ from the CSS value by rounding in the compositor.
COLOR_TOLERANCE = 3


def _browser() -> str:
    for name in BROWSERS:
        path = shutil.which(name)
        if path:
            return path
    pytest.skip(
        f"headless browser test skipped: none of {', '.join(BROWSERS)} is on PATH "
        "(install Debian's chromium: apt-get install chromium)"
    )


def _run_browser(browser: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    cmd = [
        browser,
        "--headless",
        "--disable-gpu",
        "--disable-dev-shm-usage",  # containers have a tiny /dev/shm
        "--no-first-run",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        *args,
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.insert(1, "--no-sandbox")  # Chromium refuses to run as root with its sandbox
    return subprocess.run(cmd, capture_output=True, text=True, timeout=BROWSER_TIMEOUT_S)


class _Dom(HTMLParser):
    """Marks of the rendered DOM (text, attributes) and the body's attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.marks: list[dict[str, str]] = []
        self.body: dict[str, str] = {}
        self.tags: list[str] = []
        self._open: list[dict[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.tags.append(tag)
        if tag == "body":
            self.body = a
        if tag == "mark":
            a["text"] = ""
            self._open.append(a)

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark" and self._open:
            self.marks.append(self._open.pop())

    def handle_data(self, data: str) -> None:
        for m in self._open:
            m["text"] += data


def _has_japanese_font() -> bool:
    fc = shutil.which("fc-list")
    if not fc:
        return False
    out = subprocess.run([fc, ":lang=ja"], capture_output=True, text=True, timeout=30)
    return bool(out.stdout.strip())


@pytest.fixture(scope="module")
def riyadh():
    en = (RIYADH / "en.txt").read_text(encoding="utf-8")
    ja = (RIYADH / "ja.txt").read_text(encoding="utf-8")
    return mtqa.check(en, ja, backtranslator="dictionary")


def _keep(path: Path) -> None:
    folder = os.environ.get("MTQA_SCREENSHOT_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(folder) / path.name)


def test_report_renders_in_chromium_with_highlights(riyadh, tmp_path):
    browser = _browser()
    page = tmp_path / "riyadh.html"
    page.write_text(riyadh.to_html(title="data/riyadh"), encoding="utf-8")
    url = page.as_uri()

    shot = tmp_path / "riyadh.png"
    res = _run_browser(browser, tmp_path / "p1", f"--screenshot={shot}",
                       f"--window-size={WINDOW[0]},{WINDOW[1]}", url)
    assert res.returncode == 0 and shot.is_file(), res.stderr[-2000:]
    _keep(shot)

    from PIL import Image

    with Image.open(shot) as im:
        assert im.size == WINDOW
        rgb = im.convert("RGB")
        colors = rgb.getcolors(maxcolors=WINDOW[0] * WINDOW[1])
    assert colors is not None
    # the highlights are painted: pixels in the colour of each category that has findings
    # in the first screenful (the findings table shows every finding near the top)
    painted = {}
    for cat, n in riyadh.category_counts().items():
        if not n:
            continue
        want = tuple(int(CATEGORY_COLORS[cat][i : i + 2], 16) for i in (1, 3, 5))
        painted[cat] = sum(
            count for count, c in colors
            if all(abs(a - b) <= COLOR_TOLERANCE for a, b in zip(c, want))
        )
    assert painted and all(v > 200 for v in painted.values()), painted

    res = _run_browser(browser, tmp_path / "p2", "--dump-dom", url)
    assert res.returncode == 0, res.stderr[-2000:]
    dom = _Dom()
    dom.feed(res.stdout)
    # every finding is highlighted: one mark, or one piece per sentence it runs over
    # (pieces leave out the white space between sentences); findings whose spans overlap
    # share one mark covering their union (no nested marks), so a finding's mark shows its
    # own text exactly when it is alone, and contains it otherwise
    assert dom.marks
    findings = riyadh.finding_list
    for num, f in enumerate(findings, 1):
        pieces = [m for m in dom.marks if str(num) in m["data-findings"].split()]
        assert pieces, f"finding {num} ({f.text!r}) has no <mark>"
        joined = "".join("".join(m["text"] for m in pieces).split())
        own = "".join(f.text.split()) or "∅"  # ∅: a gap
        sharers = {int(n) for m in pieces for n in m["data-findings"].split()}
        if sharers == {num}:
            assert joined == own, (num, joined, own)
        else:
            assert own in joined or own == "∅", (num, joined, own)
            # the shared mark is the union of the sharers' spans, nothing more
            lo = min(findings[n - 1].start for n in sharers)
            hi = max(findings[n - 1].end for n in sharers)
            assert joined == "".join(riyadh.translation_text[lo:hi].split()), (num, sharers)
        assert all(f.message in m["title"] for m in pieces)
        assert any(f.category in m["data-categories"].split() for m in pieces)
    assert riyadh.signature in res.stdout
    if not _has_japanese_font():
        warnings.warn(
            "no Japanese font (fc-list :lang=ja is empty): the screenshot shows boxes for "
            "Japanese text; install fonts-noto-cjk",
            stacklevel=1,
        )


def test_hostile_input_does_not_run_in_the_browser(tmp_path):
    browser = _browser()
    payload_en = (
        "Foreign Minister Lavrov spoke. <script>document.body.setAttribute('data-pwned','s')"
        "</script> <img src=x onerror=\"document.body.setAttribute('data-pwned','i')\">"
    )
    payload_ja = (
        "ロシアのラヴロフ外相は火曜日、サウジアラビアの首都リヤドで米国の代表団と会談し、"
        "両国の大使館の業務を正常化するための作業部会を設けることで合意したと述べた。"
        "Lavrov外務大統領が話した。<script>document.body.setAttribute('data-pwned','s')"
        "</script><img src=x onerror=\"document.body.setAttribute('data-pwned','i')\">"
    )
    report = mtqa.check(payload_en, payload_ja, backtranslator="dictionary")
    page = tmp_path / "hostile.html"
    page.write_text(report.to_html(), encoding="utf-8")
    res = _run_browser(browser, tmp_path / "p", "--dump-dom", page.as_uri())
    assert res.returncode == 0, res.stderr[-2000:]
    dom = _Dom()
    dom.feed(res.stdout)
    assert "data-pwned" not in dom.body
    assert "script" not in dom.tags and "img" not in dom.tags
    assert "Lavrov" in [m["text"] for m in dom.marks]
