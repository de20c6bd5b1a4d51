"""The CTranslate2 engine (issue #6) on the converted tiny Marian model."""

from __future__ import annotations

from importlib import metadata

import pytest

from mtqa import backtranslate
from mtqa.backtranslate import ct2 as ct2_mod
from mtqa.errors import ConfigError, MissingDependencyError
from tests.marian_fixture import one_torch_thread, tiny_marian  # noqa: F401 (fixtures)
from tests.unit.test_marian import SENTENCES, _check_attributions

pytest.importorskip("ctranslate2")
pytestmark = pytest.mark.usefixtures("one_torch_thread")


def _ct2(folder, tmp_path, **options):
    options.setdefault("cache_dir", tmp_path / "cache")
    options.setdefault("threads", 1)
    engine, note = backtranslate.create("ct2", str(folder), **options)
    assert note is None and engine.name == "ct2"
    return engine


def test_float32_matches_the_transformers_engine_with_attributions(tiny_marian, tmp_path):
    # Same weights, same greedy search, same alignment head: same words, same spans.
    marian, _ = backtranslate.create("marian", str(tiny_marian), cache=False)
    expected = marian.translate(SENTENCES)
    engine = _ct2(tiny_marian, tmp_path, compute_type="float32", cache=False)
    assert engine.translate(SENTENCES) == expected


def test_int8_default_runs_with_attributions_and_cache(tiny_marian, tmp_path):
    engine = _ct2(tiny_marian, tmp_path)
    assert engine.compute_type == "int8"
    out = engine.translate(SENTENCES)
    for sentence, bt in zip(SENTENCES, out):
        assert bt.text
        _check_attributions(sentence, bt)
    assert engine.converted is not None and (engine.converted / "model.bin").is_file()
    assert engine.converted.parent.parent == tmp_path / "cache"
    rerun = _ct2(tiny_marian, tmp_path)
    assert rerun.translate(SENTENCES) == out
    assert rerun.stats["model_calls"] == 0 and rerun.tokenization is None


def test_conversion_is_reused(tiny_marian, tmp_path, monkeypatch):
    _ct2(tiny_marian, tmp_path, cache=False).load()

    class Boom:
        def __init__(self, *args, **kwargs):
            raise AssertionError("converted twice")

    import ctranslate2.converters

    monkeypatch.setattr(ctranslate2.converters, "TransformersConverter", Boom)
    engine = _ct2(tiny_marian, tmp_path, cache=False)
    assert engine.translate(SENTENCES[:1])[0].text


def test_split_and_batches_as_in_the_marian_engine(tiny_marian, tmp_path):
    long = "、".join(s.rstrip("。") for s in SENTENCES[:4]) + "。"
    engine = _ct2(tiny_marian, tmp_path, max_input_tokens=16, batch_size=2, cache=False)
    (bt,) = engine.translate([long])
    assert engine.stats["split"] == 1
    _check_attributions(long, bt)
    one = _ct2(tiny_marian, tmp_path, batch_size=1, cache=False).translate(SENTENCES)
    many = _ct2(tiny_marian, tmp_path, batch_size=64, cache=False).translate(SENTENCES)
    assert one == many


def test_signature_has_engine_compute_type_and_library(tiny_marian, tmp_path):
    parts = _ct2(tiny_marian, tmp_path).signature_parts()
    assert parts["bt"].startswith(f"ct2-1:{tiny_marian.name}@sha256-")
    assert parts["bt-gen"].endswith("-int8")
    assert parts["bt-lib"].startswith("ctranslate2-")
    other = _ct2(tiny_marian, tmp_path, compute_type="float32").signature_parts()
    assert other != parts


def test_bad_compute_type_and_missing_package(tiny_marian, tmp_path, monkeypatch):
    with pytest.raises(ConfigError, match="CTranslate2 type"):
        _ct2(tiny_marian, tmp_path, compute_type="int3")

    def missing(name):
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(ct2_mod.metadata, "version", missing)
    with pytest.raises(MissingDependencyError, match=r"pip install \"mtqa\[ct2\]\""):
        _ct2(tiny_marian, tmp_path)
