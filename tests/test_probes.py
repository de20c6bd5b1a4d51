"""Probe articles (tests/data/probes): planted errors found, careful translations left alone.

Regression data for the checks' generality: every planted error is listed with the span
mtqa flags for it; the clean articles must get no finding at all.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import mtqa

PROBES = Path(__file__).parent / "data" / "probes"

PLANTED = {
    "port": [
        ("NUM001", "1億2000万ドル"),  # $1.2 billion
        ("TTL001", "運輸大統領"),  # Transport Minister → "transport president"
        ("OMI001", "促した"),  # ", warning that a prolonged dispute…" dropped
        ("UNT001", "Lindqvist"),
        ("MIS001", "薄く走る"),  # "run thin", word for word
        ("REP001", "2019年に"),
    ],
    "summit2": [
        ("TTL001", "書記長"),  # NATO Secretary-General is 事務総長
        ("UNT001", "Chancellor"),
        ("NUM002", "午後9時半"),  # 9:30 a.m.
        ("TTL001", "国防秘書"),  # Defense Secretary → "defence clerk"
        ("NUM001", "4分の3"),  # about a quarter
        ("NUM003", "木曜日"),  # Wednesday
        ("MIS001", "肩から肩"),  # "shoulder to shoulder", word for word
        ("NUM001", "4度"),  # minus 4 degrees
    ],
    "bank": [
        ("MIS002", "明確ではない"),  # "the direction is clear"
        ("NAM001", "ソルバーグ"),  # ソルベルグ elsewhere
        ("NUM005", "引き上げ"),  # the bank *cut* its forecast
        ("NUM001", "15万人"),  # 1.5 million
    ],
    "chip": [
        ("NAM001", "ブラントン"),  # ブラント elsewhere
        ("NUM001", "16％"),  # 6 per cent
        ("SCR001", "しかし、来年の売上高に。"),
        ("ALN002", "同社の株は長年、市場で過小評価されてきた。"),
    ],
    "match2": [
        ("NUM003", "日曜日"),  # Saturday
        ("NUM001", "21年ぶり"),  # 12 years
        ("UNT001", "Midfielder"),
        ("MIS002", "ふさわしくない"),  # "the fans deserved this"
        ("NUM001", "8000人"),  # about 80,000
    ],
    # planted but not found: "in exchange for public contracts" dropped (a phrase, not a
    # clause)
    "court2": [
        ("TTL001", "運輸大統領"),  # Transport Minister
        ("NAM001", "ラシド"),  # ラシード elsewhere
        ("NAM003", "起訴内容を認めているアル・ラシード被告は控訴する方針だと、同被告の弁護士が"
                   "裁判所の外で記者団に語った。"),  # his lawyer Chen Wei
        ("MIS004", "認め"),  # "denied" rendered 認めている ("admits")
        ("NUM001", "3人"),  # two executives
    ],
    # planted but not found: "support a motion" rendered 動議に反対 ("oppose"): the
    # English also has "opposition" (the party), which 反対 may render
    "trade2": [
        ("MIS004", "黒字"),  # a trade deficit → surplus
        ("MIS004", "受け入れ"),  # rejected calls → accepted them
        ("MIS004", "称賛"),  # criticised → praised
    ],
    "health2": [
        ("NUM004", "2倍"),  # "more than doubled" → 2倍未満
        ("NUM001", "68％"),  # 86 per cent
        ("TTL001", "健康大統領"),  # Health Minister
        ("NUM005", "縮小"),  # outbreaks are rising
    ],
}
CLEAN = ("flood", "coalition", "summit", "econ", "match", "court", "health", "trade")


def _check(name: str) -> mtqa.Report:
    en = (PROBES / f"{name}.en.txt").read_text(encoding="utf-8")
    ja = (PROBES / f"{name}.ja.txt").read_text(encoding="utf-8")
    return mtqa.check(en, ja, backtranslator="dictionary")


@pytest.mark.parametrize("name", sorted(PLANTED))
def test_planted_errors_are_flagged(name: str) -> None:
    report = _check(name)
    found = [(f.code, f.text) for f in report.finding_list if f.category != "boilerplate"]
    assert found == PLANTED[name]
    assert report.gate.exit_code == 1


@pytest.mark.parametrize("name", CLEAN)
def test_careful_translations_get_no_finding(name: str) -> None:
    report = _check(name)
    assert [(f.code, f.text) for f in report.finding_list] == []
    assert report.gate.exit_code == 0
