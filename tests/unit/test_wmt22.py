"""WMT22 QE reader (benchmarks/wmt22_data.py) and the benchmark script on a five-sentence
excerpt."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import numpy as np
import pytest

import mtqa
from mtqa.errors import InputError

MINI = Path(__file__).resolve().parents[1] / "data" / "wmt22-mini"
BENCH = Path(__file__).resolve().parents[2] / "benchmarks"

sys.path.insert(0, str(BENCH))
try:
    import wmt22_data as wmt22  # benchmarks/wmt22_data.py: the reader, used only by benchmarks
finally:
    sys.path.remove(str(BENCH))


@pytest.fixture(scope="module")
def sentences():
    return wmt22.load(MINI)


def test_load_excerpt(sentences):
    assert len(sentences) == 5
    for s in sentences:
        assert len(s.tokens) == len(s.spans) == len(s.bad)
        for tok, (a, b) in zip(s.tokens, s.spans):
            assert s.target[a:b] == tok  # every WMT token maps onto the running text
        assert s.z_mean is not None and s.hter is not None
        assert " ," not in s.source  # the untokenised source of the CSV is used
    first = sentences[0]
    assert first.target.startswith("シリーズ3で使用された")
    assert first.tokens[:3] == ("シリーズ", "3", "で")
    assert sum(first.bad) == 5 and not first.eos_bad  # tags of line 1, <EOS> kept apart
    assert "(Villa Comaltitlán)" in sentences[2].target  # Latin keeps its inner space


def test_detokenize_keeps_spaces_between_latin_words_only():
    text, spans = wmt22.detokenize(["ヴィラ", "(", "Villa", "Comaltitlán", ")", "は", "3", "つ"])
    assert text == "ヴィラ(Villa Comaltitlán)は3つ"
    assert [text[a:b] for a, b in spans] == ["ヴィラ", "(", "Villa", "Comaltitlán", ")", "は",
                                             "3", "つ"]


def test_locate_tokens():
    assert wmt22.locate_tokens("ab c", ["a", "b", "c"]) == ((0, 1), (1, 2), (3, 4))
    assert wmt22.locate_tokens("abc", ["a", "c"]) is None  # "b" would be skipped


def test_folder_without_untokenised_csv(tmp_path, sentences):
    for p in MINI.glob("wordlevel_*"):
        shutil.copy(p, tmp_path / p.name)
    bare = wmt22.load(tmp_path)
    assert [s.target for s in bare] == [s.target for s in sentences]  # rule = real text here
    assert bare[0].source.startswith("The Original theme tune which was used on series 3, has")
    assert all(s.z_mean is None for s in bare)


def _write(folder: Path, mt: str, tags: str) -> None:
    (folder / "wordlevel_test_2022.src").write_text("A cat .\n", encoding="utf-8")
    (folder / "wordlevel_test_2022.mt").write_text(mt + "\n", encoding="utf-8")
    (folder / "wordlevel_test_2022.tags").write_text(tags + "\n", encoding="utf-8")


def test_gap_interleaved_tags_keep_token_tags(tmp_path):
    _write(tmp_path, "猫 が いる 。", "OK BAD BAD OK OK OK OK OK BAD")
    (s,) = wmt22.load(tmp_path)
    assert s.bad == (True, False, False, False)  # odd positions are the tokens
    assert s.eos_bad  # a BAD gap: something missing


@pytest.mark.parametrize(
    ("mt", "tags", "message"),
    [
        ("猫 が <EOS>", "OK OK OK OK", "4 tags for 2 MT tokens"),
        ("猫 が <EOS>", "OK MAYBE OK", "OK or BAD"),
    ],
)
def test_bad_tags(tmp_path, mt, tags, message):
    _write(tmp_path, mt, tags)
    with pytest.raises(InputError, match=message):
        wmt22.load(tmp_path)


def test_missing_files_and_mismatched_lines(tmp_path):
    with pytest.raises(InputError, match="not a folder"):
        wmt22.load(tmp_path / "nope")
    with pytest.raises(InputError, match=r"no wordlevel_\*\.src"):
        wmt22.load(tmp_path)
    _write(tmp_path, "猫 <EOS>\n犬 <EOS>", "OK OK\nOK OK")
    with pytest.raises(InputError, match="different line counts"):
        wmt22.load(tmp_path)


def test_featurize_labels_and_projection(sentences):
    report = mtqa.check_segments([(s.source, s.target) for s in sentences],
                                 backtranslator="dictionary")
    feats = wmt22.featurize(sentences, report)
    n_wmt = sum(len(s.tokens) for s in sentences)
    assert len(feats.wmt_rows) == len(feats.wmt_bad) == n_wmt
    assert feats.X.shape[0] == len(feats.y) == len(feats.sentence)
    assert all(rows for rows in feats.wmt_rows)  # every WMT token meets an mtqa token
    # an mtqa token is BAD exactly when it overlaps a BAD WMT token
    for k, rows in enumerate(feats.wmt_rows):
        if feats.wmt_bad[k]:
            assert all(feats.y[j] for j in rows)
    risk = np.linspace(0, 1, len(feats.y))
    projected = wmt22.project(feats.wmt_rows, risk)
    assert all(projected[k] == max(risk[j] for j in rows)
               for k, rows in enumerate(feats.wmt_rows))
    with pytest.raises(InputError, match="not the WMT sentences"):
        wmt22.featurize(sentences[:2], report)


def test_benchmark_last_line_on_excerpt(capsys):
    sys.path.insert(0, str(BENCH))
    try:
        import wmt22 as bench  # benchmarks/wmt22.py (the module name is the script's)
    finally:
        sys.path.remove(str(BENCH))
    assert bench.main(["--data", str(MINI)]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert re.fullmatch(
        r"wmt22 word_mcc=-?\d\.\d{4} findings_mcc=-?\d\.\d{4} sentence_spearman=-?\d\.\d{4} "
        r"sentences=5 seconds=\d+",
        last,
    ), last
    # how much the figures move with the split: one line a fold assignment, then the mean
    assert bench.main(["--data", str(MINI), "--fold-seeds", "2"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert [ln.split(":")[0] for ln in lines[-4:-1]] == [
        "fold assignment seed 0", "fold assignment seed 1", "mean over 2 fold assignments"]
    assert lines[-1].startswith("wmt22 word_mcc=")


def test_forest_and_mean_match_the_fitting_library():
    # the segment model as fit_risk.py stores it: a ridge and a random forest, averaged;
    # applied with numpy at run time, it must give what scikit-learn predicts
    sys.path.insert(0, str(BENCH))
    try:
        import fit_risk  # benchmarks/fit_risk.py
    finally:
        sys.path.remove(str(BENCH))
    from mtqa.risk import tokens as risk
    from mtqa.errors import ConfigError

    rng = np.random.default_rng(3)
    S = rng.normal(size=(120, 4)) * [1.0, 10.0, 0.01, 1e4]
    z = S[:, 0] - 0.1 * S[:, 1] + rng.normal(size=120)
    model = fit_risk._fit_segment(S, z)
    assert model["kind"] == "mean"
    linear, forest = model["members"]
    assert forest["kind"] == "forest" and len(forest["trees"]) == fit_risk.SEGMENT_FOREST[
        "n_estimators"]
    from sklearn.ensemble import RandomForestRegressor
    from sklearn.linear_model import Ridge

    zf = np.maximum(z, fit_risk.SEGMENT_Z_FLOOR)
    rf = RandomForestRegressor(random_state=fit_risk.SEED, n_jobs=1,
                               **fit_risk.SEGMENT_FOREST).fit(S, zf)
    scaled = (S - S.mean(axis=0)) / S.std(axis=0)
    ridge = Ridge(alpha=fit_risk.SEGMENT_ALPHA).fit(scaled, zf)
    T = rng.normal(size=(50, 4)) * [1.0, 10.0, 0.01, 1e4]
    expected = (rf.predict(T) + ridge.predict((T - S.mean(axis=0)) / S.std(axis=0))) / 2
    assert np.allclose(risk.predict_raw(model, T), expected, rtol=0, atol=1e-9)
    assert np.allclose(risk.predict_raw(forest, T), rf.predict(T), rtol=0, atol=1e-12)
    with pytest.raises(ConfigError, match="needs members"):
        risk.predict_raw({"kind": "mean", "members": []}, T)
