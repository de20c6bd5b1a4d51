"""The MarianMT engine (issue #6), on a tiny model loaded like a user's ``--model`` folder."""

from __future__ import annotations

import json
import logging
import shutil
import sqlite3
import unicodedata
from pathlib import Path

import pytest

from mtqa import backtranslate
from mtqa.backtranslate import cache as cache_mod
from mtqa.backtranslate.marian import (
    MarianBackTranslator,
    MarianTokenization,
    attribute,
    english_units,
    resolve_model,
)
from mtqa.backtranslate.split import split_spans
from mtqa.cli import main
from mtqa.errors import ConfigError, ModelUnavailableError
from tests.marian_fixture import one_torch_thread, tiny_marian  # noqa: F401 (fixtures)

pytestmark = pytest.mark.usefixtures("one_torch_thread")

ROOT = Path(__file__).resolve().parents[2]
SENTENCES = [
    "ロシアのラブロフ外相は火曜日、サウジアラビアで米国の代表団と会談した。",
    "協議は約4時間半続いた。",
    "テスト",
    "ゼレンスキー大統領は、協議の結果を受け入れないと述べた。",
    "㌔ＡＢＣ　１２３の全角文字と\u3000空白。",
    "同社は新しい工場を建設すると発表した。",
]


def _engine(folder: Path, tmp_path: Path, **options: object) -> MarianBackTranslator:
    options.setdefault("cache_dir", tmp_path / "cache")
    engine, note = backtranslate.create("marian", str(folder), **options)
    assert note is None and isinstance(engine, MarianBackTranslator)
    return engine


def _check_attributions(sentence: str, bt: backtranslate.BackTranslation) -> None:
    for a in bt.attributions:
        assert 0 <= a.en_start < a.en_end <= len(bt.text)
        assert any(ch.isalnum() for ch in bt.text[a.en_start : a.en_end])
        assert 0 <= a.ja_start < a.ja_end <= len(sentence)
        assert sentence[a.ja_start : a.ja_end].strip()


# -- tokenisation ----------------------------------------------------------------------


def test_tokenization_matches_marian_tokenizer_with_offsets(tiny_marian):
    tok = MarianTokenization(tiny_marian)
    for sentence in SENTENCES:
        enc = tok.encode(sentence)
        assert enc.ids == tok.tokenizer(sentence)["input_ids"]
        assert enc.ids[-1] == tok.eos_id and len(enc.ids) == tok.count(sentence)
        covered = [span for span in enc.spans if span is not None]
        assert covered == sorted(covered)
        for piece, span in zip(enc.pieces, enc.spans):
            if span is None:
                continue
            s, e = span
            assert sentence[s:e].strip()
            # SentencePiece normalises with NFKC: the piece is (part of) the normalised
            # characters it was cut from.
            norm = unicodedata.normalize("NFKC", sentence[s:e])
            assert piece.lstrip("\u2581") in norm or norm in piece.lstrip("\u2581")


def test_detokenize_matches_sentencepiece(tiny_marian):
    tok = MarianTokenization(tiny_marian)
    english = "Russian Foreign Minister Sergey Lavrov met U.S. officials on Tuesday."
    pieces = tok.spm_target.encode(english, out_type=str)
    text, spans = tok.detokenize(pieces + ["</s>"])
    assert text == tok.spm_target.decode(pieces) == english
    assert spans[-1] is None
    rebuilt = [text[s:e] for s, e in (sp for sp in spans if sp is not None)]
    assert "".join(rebuilt) == english.replace(" ", "")
    words = [text[s:e] for s, e, _ in english_units(text, spans)]
    assert words[:3] == ["Russian", "Foreign", "Minister"] and "." not in words


def test_attribute_maps_attention_to_japanese_characters():
    # Hand-made attention: "president" attends to pieces 2+3 (大統, 領), "said" to 5.
    ja = "米国の大統領は言った"
    src_spans = [(0, 2), (2, 3), (3, 5), (5, 6), (6, 7), (7, 10), None]  # last: </s>
    en = "president said"
    en_spans = [(0, 9), (10, 14), None]
    attention = [
        [0.0, 0.05, 0.45, 0.4, 0.1, 0.0, 0.9],  # heavy </s> weight is ignored
        [0.0, 0.0, 0.0, 0.1, 0.1, 0.8, 0.0],
        [0.2, 0.2, 0.2, 0.2, 0.2, 0.0, 0.0],
    ]
    attrs = attribute(en, en_spans, attention, src_spans)
    got = {en[a.en_start : a.en_end]: ja[a.ja_start : a.ja_end] for a in attrs}
    assert got == {"president": "大統領", "said": "言った"}


# -- splitting -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("短い文。", 10, ["短い文。"]),
        ("あいう、えおか、きくけ", 4, ["あいう、", "えおか、", "きくけ"]),
        ("「前半だ。」と後半、さらに続き", 8, ["「前半だ。」", "と後半、", "さらに続き"]),
        ("abcdefghij", 4, ["abcd", "efgh", "ij"]),  # no boundary: cut, never dropped
    ],
)
def test_split_spans_cuts_at_clause_boundaries(text, limit, expected):
    spans = split_spans(text, limit, len)
    assert [text[s:e] for s, e in spans] == expected
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))


def test_over_long_sentence_is_split_and_joined(tiny_marian, tmp_path):
    long = "、".join(s.rstrip("。") for s in SENTENCES[:4]) + "。"
    engine = _engine(tiny_marian, tmp_path, max_input_tokens=16, cache=False)
    engine.load()
    assert engine.tokenization is not None
    assert engine.tokenization.count(long) > 16  # would not fit in one model call
    (bt,) = engine.translate([long])
    assert engine.stats["split"] == 1
    spans = split_spans(long, 16, engine.tokenization.count)
    assert len(spans) > 2
    pieces = engine.translate([long[s:e] for s, e in spans])
    assert bt.text == " ".join(p.text for p in pieces if p.text)
    _check_attributions(long, bt)
    # Attributions of later clauses are shifted onto the whole sentence.
    assert max(a.ja_end for a in bt.attributions) > spans[1][0]


# -- order, batches, attribution --------------------------------------------------------


def test_order_restored_after_length_sorting(tiny_marian, tmp_path):
    engine = _engine(tiny_marian, tmp_path, batch_size=2, cache=False)
    forward = engine.translate(SENTENCES)
    backward = engine.translate(SENTENCES[::-1])
    assert backward == forward[::-1]
    alone = [engine.translate([s])[0] for s in SENTENCES]
    assert alone == forward
    assert len({bt.text for bt in forward}) > 1  # outputs depend on the input


def test_batch_size_does_not_change_outputs(tiny_marian, tmp_path):
    outputs = [
        _engine(tiny_marian, tmp_path, batch_size=n, cache=False).translate(SENTENCES)
        for n in (1, 3, 64)
    ]
    assert outputs[0] == outputs[1] == outputs[2]


def test_blank_and_duplicate_sentences(tiny_marian, tmp_path):
    engine = _engine(tiny_marian, tmp_path, cache=False)
    out = engine.translate(["", SENTENCES[1], "  ", SENTENCES[1]])
    assert out[0].text == out[2].text == "" and out[1] == out[3] and out[1].text
    assert engine.stats["model_calls"] == 1


def test_attribution_spans_lie_within_the_japanese_sentence(tiny_marian, tmp_path):
    engine = _engine(tiny_marian, tmp_path, cache=False)
    results = engine.translate(SENTENCES)
    for sentence, bt in zip(SENTENCES, results):
        assert bt.attributions
        _check_attributions(sentence, bt)


def test_attributions_reach_the_aligned_pairs(tiny_marian, tmp_path):
    import mtqa

    en = "The talks lasted about four and a half hours. The company said so."
    ja = SENTENCES[1] + SENTENCES[5]
    report = mtqa.check(en, ja, backtranslator="marian", model=str(tiny_marian),
                        cache_dir=str(tmp_path / "c"))
    pairs = [p for p in report.pairs if p.translation]
    assert any(p.attributions for p in pairs)
    for p in pairs:
        for a in p.attributions:
            assert p.translation[a.ja_start : a.ja_end].strip()
            assert p.back_translation[a.en_start : a.en_end].strip()
    # a back-translated word points at the Japanese document characters it came from
    pair = [p for p in pairs if p.attributions][-1]  # the last: a non-zero document offset
    a = pair.attributions[0]
    start, end = pair.japanese_span(a.en_start, a.en_end)
    assert ja[start:end] == pair.translation[a.ja_start : a.ja_end]
    assert pair.mt_start <= start < end <= pair.mt_end
    assert pair.japanese_span(len(pair.back_translation) + 5, len(pair.back_translation) + 9) is None


# -- cache -----------------------------------------------------------------------------


def test_second_run_makes_zero_model_calls(tiny_marian, tmp_path):
    first = _engine(tiny_marian, tmp_path)
    out1 = first.translate(SENTENCES)
    assert first.stats["model_calls"] >= 1 and first.stats["generated"] == len(SENTENCES)
    second = _engine(tiny_marian, tmp_path)
    out2 = second.translate(SENTENCES)
    assert out2 == out1
    assert second.stats["model_calls"] == 0 and second.stats["cache_hits"] == len(SENTENCES)
    assert second.tokenization is None  # the model was not even loaded
    # A new sentence alone reaches the model.
    second.translate(SENTENCES + ["新しい文です。"])
    assert second.stats["model_calls"] == 1 and second.stats["generated"] == 1


def test_no_cache_bypasses_the_cache(tiny_marian, tmp_path):
    for _ in range(2):
        engine = _engine(tiny_marian, tmp_path, cache=False)
        engine.translate(SENTENCES[:2])
        assert engine.stats["model_calls"] == 1
    assert not (tmp_path / "cache" / cache_mod.CACHE_FILE).exists()


def test_cache_dir_from_environment(tiny_marian, tmp_path, monkeypatch):
    monkeypatch.setenv(cache_mod.CACHE_DIR_ENV, str(tmp_path / "env-cache"))
    engine, _ = backtranslate.create("marian", str(tiny_marian))
    engine.translate(SENTENCES[:1])
    assert (tmp_path / "env-cache" / cache_mod.CACHE_FILE).is_file()


def test_cache_invalidated_when_model_or_options_change(tiny_marian, tmp_path):
    folder = tmp_path / "model"
    shutil.copytree(tiny_marian, folder)
    before = _engine(folder, tmp_path)
    before.translate(SENTENCES)
    assert _engine(folder, tmp_path, max_length=20).translate(SENTENCES) is not None
    # Different weights under the same folder name: a different identity, no stale hits.
    import torch
    from transformers import MarianMTModel

    model = MarianMTModel.from_pretrained(folder)
    with torch.no_grad():
        for p in model.parameters():
            p.mul_(-1.0)
    model.save_pretrained(folder)
    after = _engine(folder, tmp_path)
    assert after.identity != before.identity
    assert after.signature_parts()["bt"] != before.signature_parts()["bt"]
    after.translate(SENTENCES)
    assert after.stats["cache_hits"] == 0 and after.stats["generated"] == len(SENTENCES)


def test_corrupt_cache_is_reported_and_bypassed(tiny_marian, tmp_path, caplog):
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / cache_mod.CACHE_FILE).write_bytes(b"not a database" * 100)
    with caplog.at_level(logging.WARNING):
        engine = _engine(tiny_marian, tmp_path)
        out = engine.translate(SENTENCES[:2])
    assert all(bt.text for bt in out)
    assert engine.notes and "bypassed" in engine.notes[0]
    assert any("bypassed" in r.getMessage() for r in caplog.records)


def test_locked_cache_is_reported_and_bypassed(tiny_marian, tmp_path, monkeypatch, caplog):
    monkeypatch.setattr(cache_mod, "LOCK_TIMEOUT_S", 0.05)
    _engine(tiny_marian, tmp_path).translate(SENTENCES[:1])  # creates the database
    other = sqlite3.connect(tmp_path / "cache" / cache_mod.CACHE_FILE, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another process holding the write lock
    try:
        with caplog.at_level(logging.WARNING):
            engine = _engine(tiny_marian, tmp_path)
            out = engine.translate(SENTENCES[:3])
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert all(bt.text for bt in out) and engine.stats["generated"] == 3
    assert engine.notes and "locked" in engine.notes[0]


# -- signature and options ---------------------------------------------------------------


def test_signature_names_model_identity_and_options(tiny_marian, tmp_path):
    base = _engine(tiny_marian, tmp_path).signature_parts()
    assert base["bt"].startswith(f"marian-1:{tiny_marian.name}@sha256-")
    for options in ({"beams": 2}, {"max_length": 20}, {"max_input_tokens": 32},
                    {"compute_type": "int8"}):
        assert _engine(tiny_marian, tmp_path, **options).signature_parts() != base
    assert _engine(tiny_marian, tmp_path, batch_size=1).signature_parts() == base


def test_beam_search_and_int8_run(tiny_marian, tmp_path):
    for options in ({"beams": 3}, {"compute_type": "int8"}):
        engine = _engine(tiny_marian, tmp_path, cache=False, **options)
        for sentence, bt in zip(SENTENCES, engine.translate(SENTENCES)):
            assert bt.text
            _check_attributions(sentence, bt)


def test_unknown_or_bad_options_are_config_errors(tiny_marian, tmp_path):
    with pytest.raises(ConfigError, match="unknown marian engine option"):
        _engine(tiny_marian, tmp_path, beam_width=3)
    with pytest.raises(ConfigError, match="batch_size"):
        _engine(tiny_marian, tmp_path, batch_size=0)
    engine = _engine(tiny_marian, tmp_path, compute_type="float16", device="cpu", cache=False)
    with pytest.raises(ConfigError, match="float16"):
        engine.translate(SENTENCES[:1])


# -- availability and errors -------------------------------------------------------------


def test_hub_id_resolves_from_the_local_cache_only(tiny_marian, tmp_path, monkeypatch):
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "hub"))
    snapshot = tmp_path / "hub" / "models--Acme--opus-mt-tiny" / "snapshots" / ("a" * 40)
    shutil.copytree(tiny_marian, snapshot)
    (snapshot.parents[1] / "refs").mkdir()
    (snapshot.parents[1] / "refs" / "main").write_text("a" * 40)
    import huggingface_hub.constants as hf_constants

    monkeypatch.setattr(hf_constants, "HF_HUB_CACHE", str(tmp_path / "hub"))
    ref = resolve_model("Acme/opus-mt-tiny")
    assert ref.folder == snapshot and ref.revision == "a" * 40
    engine, note = backtranslate.create("auto", "Acme/opus-mt-tiny", cache=False)
    assert engine.name == "marian" and note is None
    assert engine.signature_parts()["bt"] == "marian-1:Acme/opus-mt-tiny@aaaaaaaaaaaa"
    with pytest.raises(ModelUnavailableError, match="hf download Acme/other"):
        resolve_model("Acme/other")


def test_clear_errors_when_the_model_is_missing(tmp_path, tiny_marian):
    with pytest.raises(ModelUnavailableError, match="no such folder.*--model"):
        backtranslate.create("marian", str(tmp_path / "missing"))
    (tmp_path / "empty").mkdir()
    with pytest.raises(ModelUnavailableError, match="no config.json"):
        backtranslate.create("marian", str(tmp_path / "empty"))
    other = tmp_path / "bert"
    shutil.copytree(tiny_marian, other)
    cfg = json.loads((other / "config.json").read_text())
    (other / "config.json").write_text(json.dumps(dict(cfg, model_type="bert")))
    with pytest.raises(ModelUnavailableError, match="not 'marian'"):
        backtranslate.create("marian", str(other))


def test_auto_uses_marian_when_the_folder_exists(tiny_marian, tmp_path, monkeypatch):
    monkeypatch.setenv("MTQA_MODEL", str(tiny_marian))
    engine, note = backtranslate.create("auto", cache=False)
    assert engine.name == "marian" and note is None


def test_cli_marian_without_model_exits_2_with_one_line(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "hub"))
    import huggingface_hub.constants as hf_constants

    monkeypatch.setattr(hf_constants, "HF_HUB_CACHE", str(tmp_path / "hub"))
    en, ja = ROOT / "data/riyadh/en.txt", ROOT / "data/riyadh/ja.txt"
    code = main(["check", str(en), str(ja), "--backtranslator", "marian"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1
    assert "hf download Helsinki-NLP/opus-mt-ja-en" in err[0] and "--model" in err[0]


def test_cli_end_to_end_with_the_tiny_model(tiny_marian, tmp_path, capsys):
    en, ja = tmp_path / "en.txt", tmp_path / "ja.txt"
    en.write_text("The talks lasted about four and a half hours.\n\n"
                  "The company said it would build a new factory.\n", encoding="utf-8")
    ja.write_text(f"{SENTENCES[1]}\n\n{SENTENCES[5]}\n", encoding="utf-8")
    argv = ["check", str(en), str(ja), "--backtranslator", "marian", "--model",
            str(tiny_marian), "--cache-dir", str(tmp_path / "c"), "--format", "json"]
    code = main(argv)
    assert code in (0, 1)
    report = json.loads(capsys.readouterr().out)
    assert f"bt:marian-1:{tiny_marian.name}@sha256-" in report["signature"]
    assert "beam:1" in report["signature"]
    assert any(seg["back_translation"] for seg in report["segments"])
    assert main(argv) == code  # second run: from the cache, same report
    assert json.loads(capsys.readouterr().out) == report


def test_cli_generation_options_reach_the_engine(tiny_marian, tmp_path, capsys):
    en, ja = tmp_path / "en.txt", tmp_path / "ja.txt"
    en.write_text("The talks lasted about four and a half hours.\n", encoding="utf-8")
    ja.write_text(f"{SENTENCES[1]}\n", encoding="utf-8")
    base = ["check", str(en), str(ja), "--backtranslator", "marian", "--model",
            str(tiny_marian), "--no-cache", "--format", "json"]
    code = main(base + ["--beams", "2", "--batch-size", "4", "--threads", "1",
                        "--device", "cpu", "--compute-type", "int8"])
    assert code in (0, 1)
    signature = json.loads(capsys.readouterr().out)["signature"]
    assert "beam:2" in signature and "int8" in signature
    # a bad value is one line on stderr and exit 2, naming the option
    assert main(base + ["--beams", "0"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "beams" in err[0]
    assert main(base + ["--device", "tpu"]) == 2
    assert "device" in capsys.readouterr().err


# -- threads (#15) ---------------------------------------------------------------------


def test_four_threads_checking_at_once_load_the_model_once(tiny_marian, tmp_path):
    # #15.8: each mtqa.check loaded the model, nothing serialised loading, and 3-4 of 4
    # threads failed with "Cannot copy out of meta tensor"
    import threading

    import mtqa
    from mtqa.backtranslate import marian

    marian.forget_loaded_models()
    en = (ROOT / "data/cases/f1-race.en.txt").read_text(encoding="utf-8")
    ja = (ROOT / "data/cases/f1-race.ja.txt").read_text(encoding="utf-8")
    start = threading.Barrier(4)
    errors: list[BaseException] = []
    outputs: list[list[str]] = []

    def work() -> None:
        try:
            start.wait()
            report = mtqa.check(en, ja, backtranslator="marian", model=str(tiny_marian),
                                cache=False)
            outputs.append([p.back_translation for p in report.pairs])
        except BaseException as err:  # noqa: BLE001 (collected and asserted below)
            errors.append(err)

    for _ in range(2):  # a second round reuses the loaded model
        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert errors == []
    assert len(outputs) == 8 and all(o == outputs[0] for o in outputs)
    assert len(marian._LOADED) == 1


def test_engines_share_a_model_only_with_the_same_loading_options(tiny_marian, tmp_path):
    from mtqa.backtranslate import marian

    marian.forget_loaded_models()
    a = _engine(tiny_marian, tmp_path, cache=False)
    b = _engine(tiny_marian, tmp_path, cache=False, batch_size=2)  # not a loading option
    c = _engine(tiny_marian, tmp_path, cache=False, compute_type="int8")
    for e in (a, b, c):
        e.load()
    assert a._model is b._model and a.tokenization is b.tokenization
    assert c._model is not a._model
    assert a.translate(SENTENCES) == b.translate(SENTENCES)
    marian.forget_loaded_models()
    d = _engine(tiny_marian, tmp_path, cache=False)
    d.load()
    assert d._model is not a._model
