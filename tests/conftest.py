from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
CASES = DATA / "cases"
RIYADH = DATA / "riyadh"


def case_names() -> list[str]:
    return sorted(p.name[: -len(".en.txt")] for p in CASES.glob("*.en.txt"))


@pytest.fixture(scope="session")
def riyadh_report():
    import mtqa

    en = (RIYADH / "en.txt").read_text(encoding="utf-8")
    ja = (RIYADH / "ja.txt").read_text(encoding="utf-8")
    return mtqa.check(en, ja, backtranslator="dictionary")


@pytest.fixture(scope="session")
def case_reports():
    import mtqa

    out = {}
    for name in case_names():
        en = (CASES / f"{name}.en.txt").read_text(encoding="utf-8")
        ja = (CASES / f"{name}.ja.txt").read_text(encoding="utf-8")
        out[name] = (ja, mtqa.check(en, ja, backtranslator="dictionary"))
    return out
