"""The SQLite back-translation cache (issue #6): keys, persistence, failures bypassed."""

from __future__ import annotations

import logging
import os
import sqlite3

import pytest

from mtqa.backtranslate import cache as cache_mod
from mtqa.backtranslate.cache import BackTranslationCache, default_cache_dir, entry_key
from mtqa.types import Attribution, BackTranslation

BT = BackTranslation("the president said", (Attribution(4, 13, 0, 3), Attribution(14, 18, 4, 7)))


def test_round_trip_across_handles(tmp_path):
    first = BackTranslationCache(tmp_path)
    first.put_many("ns", {"大統領は言った": BT, "空": BackTranslation("")})
    first.close()
    second = BackTranslationCache(tmp_path)
    got = second.get_many("ns", ["大統領は言った", "空", "無い"])
    assert got == {"大統領は言った": BT, "空": BackTranslation("")}
    assert second.usable


def test_entries_are_keyed_by_namespace_and_exact_text(tmp_path):
    c = BackTranslationCache(tmp_path)
    c.put_many("model-a|beam:1", {"文。": BT})
    assert c.get_many("model-b|beam:1", ["文。"]) == {}
    assert c.get_many("model-a|beam:4", ["文。"]) == {}
    assert c.get_many("model-a|beam:1", ["文。 ", "文"]) == {}
    assert entry_key("a", "b\0c") != entry_key("a\0b", "c")


def test_many_keys_are_looked_up_in_chunks(tmp_path):
    c = BackTranslationCache(tmp_path)
    items = {f"文{i}": BackTranslation(f"s{i}") for i in range(1234)}
    c.put_many("ns", items)
    assert c.get_many("ns", list(items)) == items


def test_default_folder_and_environment_override(tmp_path, monkeypatch):
    monkeypatch.delenv(cache_mod.CACHE_DIR_ENV, raising=False)
    assert "mtqa" in str(default_cache_dir())
    monkeypatch.setenv(cache_mod.CACHE_DIR_ENV, str(tmp_path / "x"))
    assert default_cache_dir() == tmp_path / "x"
    assert BackTranslationCache().path == tmp_path / "x" / cache_mod.CACHE_FILE


def test_corrupt_database_is_bypassed_with_a_warning(tmp_path, caplog):
    (tmp_path / cache_mod.CACHE_FILE).write_bytes(b"\x00garbage" * 512)
    c = BackTranslationCache(tmp_path)
    with caplog.at_level(logging.WARNING):
        assert c.get_many("ns", ["文"]) == {}
        c.put_many("ns", {"文": BT})  # silently dropped after the first problem
    assert not c.usable and "bypassed" in (c.problem or "")
    assert len([r for r in caplog.records if "bypassed" in r.getMessage()]) == 1


def test_damaged_row_is_bypassed(tmp_path):
    c = BackTranslationCache(tmp_path)
    c.put_many("ns", {"文": BT})
    conn = sqlite3.connect(c.path)
    conn.execute("UPDATE bt SET attributions = 'not json'")
    conn.commit()
    conn.close()
    assert BackTranslationCache(tmp_path).get_many("ns", ["文"]) == {}


def test_locked_database_is_bypassed_quickly(tmp_path):
    BackTranslationCache(tmp_path).put_many("ns", {"文": BT})
    other = sqlite3.connect(tmp_path / cache_mod.CACHE_FILE, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        c = BackTranslationCache(tmp_path, timeout=0.05)
        assert c.get_many("ns", ["文"]) == {}
        assert "locked" in (c.problem or "")
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_unwritable_folder_is_bypassed(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder should be")
    c = BackTranslationCache(blocker / "sub")
    c.put_many("ns", {"文": BT})
    assert c.get_many("ns", ["文"]) == {} and not c.usable


def test_old_schema_is_rebuilt(tmp_path):
    conn = sqlite3.connect(tmp_path / cache_mod.CACHE_FILE)
    conn.execute("CREATE TABLE bt (key TEXT, value TEXT)")
    conn.execute("PRAGMA user_version = 0")
    conn.commit()
    conn.close()
    c = BackTranslationCache(tmp_path)
    c.put_many("ns", {"文": BT})
    assert c.get_many("ns", ["文"]) == {"文": BT} and c.usable


def test_file_hash_is_memoised_and_invalidated_by_a_rewrite(tmp_path, monkeypatch):
    weights = tmp_path / "model.safetensors"
    weights.write_bytes(b"a" * 1000)
    c = BackTranslationCache(tmp_path / "cache")
    first = c.file_hash(weights)
    calls = []
    real = cache_mod.sha256_file
    monkeypatch.setattr(cache_mod, "sha256_file", lambda p: calls.append(p) or real(p))
    assert BackTranslationCache(tmp_path / "cache").file_hash(weights) == first
    assert calls == []  # served from the memo
    weights.write_bytes(b"b" * 1000)  # same size, new content
    os.utime(weights, ns=(1, 1))  # even with an old timestamp: ctime/inode still change
    assert c.file_hash(weights) != first and len(calls) == 1


@pytest.mark.parametrize("text", ["", "改行\nあり", "🚀 emoji", "x" * 10000])
def test_odd_texts_round_trip(tmp_path, text):
    c = BackTranslationCache(tmp_path)
    c.put_many("ns", {text: BT})
    assert c.get_many("ns", [text]) == {text: BT}


# --- checksums: an edited or damaged entry is a miss, never served (#15.15) -----------------


def test_edited_back_translation_is_a_miss_and_is_rewritten(tmp_path, caplog):
    c = BackTranslationCache(tmp_path)
    c.put_many("ns", {"文": BT, "別": BackTranslation("another")})
    c.close()
    conn = sqlite3.connect(tmp_path / cache_mod.CACHE_FILE)
    conn.execute("UPDATE bt SET text = 'the president lied' WHERE text = 'the president said'")
    conn.commit()
    conn.close()
    c = BackTranslationCache(tmp_path)
    with caplog.at_level(logging.WARNING):
        assert c.get_many("ns", ["文", "別"]) == {"別": BackTranslation("another")}
    assert c.usable and c.damaged == 1 and "checksum" in caplog.text
    c.put_many("ns", {"文": BT})  # what the engine does after a miss
    assert BackTranslationCache(tmp_path).get_many("ns", ["文"]) == {"文": BT}


def test_flipped_byte_in_a_memoised_model_hash_is_recomputed(tmp_path):
    weights = tmp_path / "model.safetensors"
    weights.write_bytes(b"weights" * 100)
    c = BackTranslationCache(tmp_path / "cache")
    true_hash = c.file_hash(weights)
    c.close()
    conn = sqlite3.connect(tmp_path / "cache" / cache_mod.CACHE_FILE)
    flipped = ("0" if true_hash[5] != "0" else "1").join((true_hash[:5], true_hash[6:]))
    conn.execute("UPDATE file_hashes SET sha256 = ?", (flipped,))
    conn.commit()
    conn.close()
    again = BackTranslationCache(tmp_path / "cache")
    assert again.file_hash(weights) == true_hash and again.damaged == 1
    assert BackTranslationCache(tmp_path / "cache").file_hash(weights) == true_hash


def test_version_1_cache_without_checksums_is_read_as_misses(tmp_path):
    conn = sqlite3.connect(tmp_path / cache_mod.CACHE_FILE)
    conn.execute("CREATE TABLE bt (key TEXT PRIMARY KEY, text TEXT NOT NULL, "
                 "attributions TEXT NOT NULL)")
    conn.execute("CREATE TABLE file_hashes (path TEXT PRIMARY KEY, stat TEXT NOT NULL, "
                 "sha256 TEXT NOT NULL)")
    conn.execute("INSERT INTO bt VALUES (?, 'stale', '[]')", (entry_key("ns", "文"),))
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    c = BackTranslationCache(tmp_path)
    assert c.get_many("ns", ["文"]) == {} and c.usable
    c.put_many("ns", {"文": BT})
    assert BackTranslationCache(tmp_path).get_many("ns", ["文"]) == {"文": BT}
