"""benchmarks/dropped_names.py (NAM003): it runs through the names check's own code path,
so a change of the check's layout that breaks it fails here, not in someone's hands."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import dropped_names  # noqa: E402

LAST = re.compile(r"^dropped_names people=(\d+) detected=([\d.]+|nan) intact_alarms=(\d+)$")


def test_a_deleted_person_is_reported_and_the_intact_article_is_not(tmp_path, capsys):
    for name in ("museum-theft.en.txt", "museum-theft.ja.txt"):
        shutil.copy(ROOT / "data" / "cases" / name, tmp_path / name)
    assert dropped_names.main([str(tmp_path)]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    m = LAST.match(last)
    assert m, last
    people, detected, alarms = int(m.group(1)), float(m.group(2)), int(m.group(3))
    assert people >= 1 and detected == 1.0 and alarms == 0, last


def test_people_are_read_through_the_names_check_and_restored():
    en = (ROOT / "data" / "cases" / "museum-theft.en.txt").read_text(encoding="utf-8")
    ja = (ROOT / "data" / "cases" / "museum-theft.ja.txt").read_text(encoding="utf-8")
    before = dropped_names.DroppedNames._dropped
    found = dropped_names.people(en, ja)
    assert dropped_names.DroppedNames._dropped is before  # the spy is taken out again
    assert found and all(spans for spans in found.values())
