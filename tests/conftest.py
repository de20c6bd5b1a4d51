from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
CASES = DATA / "cases"
RIYADH = DATA / "riyadh"


@pytest.fixture(autouse=True, scope="session")
def _private_cache_dir(tmp_path_factory):
    """Back-translation caches and crash reports written by tests stay in a temporary
    folder, never in the user's ~/.cache/mtqa (tests that need another set their own)."""
    old = os.environ.get("MTQA_CACHE_DIR")
    os.environ["MTQA_CACHE_DIR"] = str(tmp_path_factory.mktemp("mtqa-cache"))
    yield
    if old is None:
        os.environ.pop("MTQA_CACHE_DIR", None)
    else:
        os.environ["MTQA_CACHE_DIR"] = old


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
