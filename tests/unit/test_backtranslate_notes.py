"""The back-translator contract (#17): ``available()`` decides ``auto``'s engine, and an
engine's ``notes`` (a bypassed cache, a fallback to the dictionary engine, a model
converted into a temporary folder) reach the report: JSON ``notes``, the text header and
the HTML header. Before, they were log lines only, and no report said its cache was off."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from html import escape

import pytest

import mtqa
from mtqa import backtranslate
from mtqa.backtranslate import cache as cache_mod
from mtqa.backtranslate import marian as marian_mod
from mtqa.backtranslate.cache import BackTranslationCache
from mtqa.backtranslate.dictionary import DictionaryBackTranslator
from mtqa.backtranslate.marian import MarianBackTranslator
from mtqa.config import QAConfig
from mtqa.pipeline import Pipeline
from mtqa.report import Report
from mtqa.types import BackTranslation
from tests.marian_fixture import one_torch_thread, tiny_marian  # noqa: F401 (fixtures)

pytestmark = pytest.mark.usefixtures("one_torch_thread")

EN = "Russia's foreign minister met a US delegation on Tuesday. The talks lasted four hours."
JA = "ロシアの外相は火曜日、米国の代表団と会談した。協議は約4時間続いた。"


def _assert_everywhere(report: Report, note: str) -> None:
    """``note`` is in the report's notes, its JSON, its text header and its HTML header."""
    assert note in report.notes
    assert note in json.loads(report.to_json())["summary"]["notes"]
    text = report.to_text()
    header = text[: text.index("signature:")]
    assert f"note: {note}" in header
    html = report.to_html()
    assert f'<div class="note">&#9888; {escape(note, quote=True)}</div>' in html
    assert html.index(escape(note, quote=True)) < html.index("<table")  # the header


class NotingEngine:
    """An engine with something to say (a fake: word-for-word echo)."""

    name = "noting"

    @classmethod
    def available(cls, model: str) -> bool:
        return True

    @property
    def notes(self) -> tuple[str, ...]:
        return ("back-translation cache /x bypassed: cannot open it (disk I/O error)",)

    def translate(self, sentences: Sequence[str]) -> list[BackTranslation]:
        return [BackTranslation("") for _ in sentences]

    def signature_parts(self) -> Mapping[str, str]:
        return {"bt": "noting-1"}


def test_an_engine_note_reaches_json_text_and_html():
    pipe = Pipeline(QAConfig(backtranslator="dictionary"))
    engine = NotingEngine()
    assert isinstance(engine, backtranslate.BackTranslator)  # the protocol it must meet
    pipe._engine = engine  # noqa: SLF001 - the harness's way in
    _assert_everywhere(pipe.run(EN, JA), engine.notes[0])
    _assert_everywhere(pipe.run_segments([(EN, JA)]), engine.notes[0])


def test_a_bypassed_cache_is_said_in_the_report(tiny_marian, tmp_path):
    """A real condition: the Marian engine's cache file is not a database."""
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / cache_mod.CACHE_FILE).write_bytes(b"not a database" * 100)
    report = mtqa.check(EN, JA, backtranslator="marian", model=str(tiny_marian),
                        cache_dir=str(tmp_path / "cache"), config=False)
    (note,) = [n for n in report.notes if "bypassed" in n]
    assert str(tmp_path / "cache" / cache_mod.CACHE_FILE) in note
    _assert_everywhere(report, note)


def test_auto_fallback_note_is_the_dictionary_engines(tmp_path, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path))
    engine, note = backtranslate.create("auto", model=str(tmp_path / "no-model"))
    assert isinstance(engine, DictionaryBackTranslator)
    assert note and engine.notes == (note,) and "not available offline" in note
    assert backtranslate.create("dictionary")[0].notes == ()  # asked for: nothing to say
    report = mtqa.check(EN, JA, model=str(tmp_path / "no-model"), config=False)
    assert report.notes[0] == note
    _assert_everywhere(report, note)


def test_available_decides_auto(tiny_marian, tmp_path, monkeypatch):
    assert MarianBackTranslator.available(str(tiny_marian))
    assert not MarianBackTranslator.available(str(tmp_path / "missing"))
    assert DictionaryBackTranslator.available("")
    engine, note = backtranslate.create("auto", str(tiny_marian), cache=False)
    assert engine.name == "marian" and note is None and engine.notes == ()
    # the model is there, torch is not: auto falls back and says why, instead of failing
    # when the model is loaded
    real = marian_mod.importlib.util.find_spec
    monkeypatch.setattr(marian_mod.importlib.util, "find_spec",
                        lambda name, *a: None if name == "torch" else real(name, *a))
    assert not MarianBackTranslator.available(str(tiny_marian))
    engine, note = backtranslate.create("auto", str(tiny_marian), cache=False)
    assert engine.name == "dictionary" and engine.notes == (note,)
    assert note and "torch not installed" in note and "pip install torch" in note


def test_damaged_cache_entries_are_a_note(tmp_path):
    c = BackTranslationCache(tmp_path)
    c.put_many("ns", {"文": BackTranslation("the president said")})
    c.close()
    conn = sqlite3.connect(tmp_path / cache_mod.CACHE_FILE)
    conn.execute("UPDATE bt SET text = 'the president lied'")
    conn.commit()
    conn.close()
    c = BackTranslationCache(tmp_path)
    assert c.notes == ()
    assert c.get_many("ns", ["文"]) == {}
    (note,) = c.notes
    assert "1 damaged entry" in note and str(tmp_path / cache_mod.CACHE_FILE) in note


def test_ct2_conversion_into_a_temporary_folder_is_a_note(tiny_marian, tmp_path):
    pytest.importorskip("ctranslate2")
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder should be")
    engine, _ = backtranslate.create("ct2", str(tiny_marian), cache_dir=str(blocked),
                                     threads=1)
    assert engine.translate(["協議は続いた。"])[0].text
    assert any("temporary folder" in n and str(blocked) in n for n in engine.notes)

