"""A damaged or malformed local Marian model: one usage error (exit 2) naming the file for
``--backtranslator marian``, a fallback to the dictionary (with a note) for ``auto``, and
one usage error before the output folder is touched for ``mtqa feed``."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from mtqa.backtranslate.marian import forget_loaded_models
from mtqa.cli import main
from tests.marian_fixture import tiny_marian  # noqa: F401 (fixture)

pytest.importorskip("torch")
pytest.importorskip("transformers")

EN = "The minister arrived in Tokyo on Monday.\n"
JA = "大臣は月曜日に東京に到着した。\n"


def _truncate_weights(folder: Path) -> str:
    name = "model.safetensors" if (folder / "model.safetensors").exists() else "pytorch_model.bin"
    data = (folder / name).read_bytes()
    (folder / name).write_bytes(data[: len(data) // 2])
    return name


def _edit_json(name: str, edit: Callable[[object], object]) -> Callable[[Path], str]:
    def damage(folder: Path) -> str:
        path = folder / name
        path.write_text(json.dumps(edit(json.loads(path.read_text("utf-8")))), "utf-8")
        return name
    return damage


def _set(key: str, value: object) -> Callable[[object], object]:
    def edit(d: object) -> object:
        assert isinstance(d, dict)
        return {**d, key: value}
    return edit


def _big_id(vocab: object) -> object:
    assert isinstance(vocab, dict)
    return {**vocab, next(iter(vocab)): 10 * len(vocab)}


def _remove(name: str) -> Callable[[Path], str]:
    def damage(folder: Path) -> str:
        (folder / name).unlink()
        return name
    return damage


def _few_pieces(vocab: object) -> object:
    # a vocabulary of another, smaller model: every piece would read as <unk>
    assert isinstance(vocab, dict)
    return dict(list(vocab.items())[:11])


DAMAGES: dict[str, Callable[[Path], str]] = {
    "source-spm-missing": _remove("source.spm"),
    "vocab-of-another-model": _edit_json("vocab.json", _few_pieces),
    "weights-truncated": _truncate_weights,
    "config-list": _edit_json("config.json", lambda _: [1, 2]),
    "config-maxpos-str": _edit_json("config.json", _set("max_position_embeddings", "abc")),
    "vocab-id-too-big": _edit_json("vocab.json", _big_id),
}


@pytest.fixture(params=sorted(DAMAGES))
def damaged(request, tiny_marian, tmp_path, monkeypatch):  # noqa: F811
    """(folder, name of the damaged file) of a damaged copy of the tiny model."""
    monkeypatch.setenv("MTQA_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("MTQA_MODEL", raising=False)
    folder = tmp_path / "model"
    shutil.copytree(tiny_marian, folder)
    name = DAMAGES[request.param](folder)
    (tmp_path / "en.txt").write_text(EN, "utf-8")
    (tmp_path / "ja.txt").write_text(JA, "utf-8")
    yield folder, name
    forget_loaded_models()


def _check(tmp_path: Path, engine: str, folder: Path) -> int:
    return main(["check", str(tmp_path / "en.txt"), str(tmp_path / "ja.txt"),
                 "--backtranslator", engine, "--model", str(folder), "--no-cache",
                 "--format", "json"])


def test_marian_damaged_model_is_one_usage_error(damaged, tmp_path, capsys):
    folder, name = damaged
    rc = _check(tmp_path, "marian", folder)
    err = capsys.readouterr().err
    assert rc == 2, err
    assert err.count("\n") == 1 and "internal error" not in err, err
    assert str(folder / name) in err and "download the model again" in err, err


def test_auto_falls_back_to_the_dictionary(damaged, tmp_path, capsys):
    folder, _ = damaged
    rc = _check(tmp_path, "auto", folder)
    out, err = capsys.readouterr()
    assert rc in (0, 1), err
    report = json.loads(out)
    text = json.dumps(report, ensure_ascii=False)
    assert "dictionary" in text and str(folder) in text


def _feed(tmp_path: Path, folder: Path, *args: str) -> int:
    lines = [json.dumps({"id": f"a{i}", "reference": EN.strip(), "translation": JA.strip()},
                        ensure_ascii=False) for i in range(3)]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    return main(["feed", "feed.jsonl", "--out", "out", "--backtranslator", "marian",
                 "--model", str(folder), "--no-cache", "-q", *args])


def test_feed_with_damaged_model_is_one_usage_error(damaged, tmp_path, capsys,
                                                    monkeypatch):
    folder, _ = damaged
    monkeypatch.chdir(tmp_path)
    rc = _feed(tmp_path, folder)
    err = capsys.readouterr().err
    assert rc == 2, err
    assert err.count("\n") == 1 and str(folder) in err, err
    assert not (tmp_path / "out" / "report.jsonl").exists()


def test_feed_workers_load_the_model_before_the_folder_is_touched(tiny_marian, tmp_path,  # noqa: F811
                                                                  capsys, monkeypatch):
    monkeypatch.setenv("MTQA_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "model"
    shutil.copytree(tiny_marian, folder)
    name = _truncate_weights(folder)
    rc = _feed(tmp_path, folder, "--jobs", "2")
    err = capsys.readouterr().err
    assert rc == 2, err
    assert err.count("\n") == 1 and str(folder / name) in err, err
    assert not (tmp_path / "out" / "report.jsonl").exists()
