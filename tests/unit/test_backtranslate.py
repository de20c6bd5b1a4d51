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


# --- #16: the dictionary column was noisy -------------------------------------------------
def _gloss(sentence: str) -> str:
    engine, _ = backtranslate.create("dictionary")
    (bt,) = engine.translate([sentence])
    return bt.text


@pytest.mark.parametrize(
    ("sentence", "noise", "kept"),
    [
        # し of 終了し (the verb する) was looked up as the kana word し: 梓 "Japanese cherry
        # birch", the first homophone JMdict lists
        ("戦闘を終了し、協議を再開しました。", "cherry birch", ("battle", "end")),
        # さつき (a misspelt さっき) is no common word: not "fifth month of the lunar calendar"
        ("さつき言ったように、協議は続いた。", "lunar", ("say",)),
        # いう is 言う "say", not 結う "do up (hair)"; こと is grammar, not 琴 "koto"
        ("修理するという目標を進めることにした。", "do up", ("repair", "goal")),
        ("チームを設立することに同意しました。", "koto", ("team", "agreement")),
        # 第 glossed as a description of grammar, "prefix for forming ordinal numbers"
        ("議論は良い第一歩であると述べた。", "prefix", ("good", "step")),
    ],
)
def test_dictionary_gives_common_senses_and_skips_kana_grammar(sentence, noise, kept):
    text = _gloss(sentence)
    assert noise not in text
    for word in kept:
        assert word in text


def test_dictionary_prefers_common_entries_and_readings():
    from mtqa.text import jmdict

    assert jmdict.common_gloss("し", "シ") == "city"  # 市 (common) before 梓 (rare reading)
    assert jmdict.common_gloss("さつき", "サツキ", common_only=True) == ""
    assert jmdict.common_gloss("米", "ベイ") == "America"  # the reading decides first
    assert jmdict.common_gloss("五月", "サツキ", common_only=True) == ""  # not ごがつ "May"


def test_dictionary_engine_version_in_signature():
    engine, _ = backtranslate.create("dictionary")
    assert engine.signature_parts()["bt"] == "dictionary-2"


def test_risk_features_keep_the_gloss_they_were_fitted_on():
    """The token-risk model was fitted on the version-1 gloss: its input must not move."""
    from mtqa.text import japanese
    from mtqa.backtranslate.dictionary import gloss_token

    toks = {t.surface: t for t in japanese.tokenize("戦闘を終了し、")}
    assert gloss_token(toks["し"]) == "Japanese cherry birch"
