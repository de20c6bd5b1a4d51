import pytest

from mtqa import backtranslate
from mtqa.errors import ConfigError, ModelUnavailableError


def test_dictionary_glosses_with_attribution():
    engine, note = backtranslate.create("dictionary")
    sentence = "蒸気を拾いました。"
    (bt,) = engine.translate([sentence])
    assert "steam" in bt.text
    for a in bt.attributions:
        assert 0 <= a.ja_start < a.ja_end <= len(sentence)
        assert bt.text[a.en_start : a.en_end]
    steam = [a for a in bt.attributions if bt.text[a.en_start : a.en_end] == "steam"][0]
    assert sentence[steam.ja_start : steam.ja_end] == "蒸気"


def test_order_and_length_kept():
    engine, _ = backtranslate.create("dictionary")
    out = engine.translate(["火曜日", "", "大統領"])
    assert len(out) == 3 and out[1].text == ""


def test_auto_falls_back_with_note(tmp_path, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path))
    engine, note = backtranslate.create("auto", model=str(tmp_path / "no-model"))
    assert engine.name == "dictionary"
    assert note and "dictionary" in note


def test_marian_without_model_is_clear(tmp_path):
    with pytest.raises(ModelUnavailableError, match="--model"):
        backtranslate.create("marian", model=str(tmp_path / "missing"))


def test_unknown_engine():
    with pytest.raises(ConfigError, match="choose one of"):
        backtranslate.create("babelfish")
