"""Token risk (mtqa/risk/tokens.py): features, the shipped model file, Report.token_risk, and the
rule that it informs only (issue #5)."""

from __future__ import annotations

import json
from importlib import resources

import numpy as np
import pytest

import mtqa
from mtqa.risk import tokens as risk
from mtqa.config import QAConfig
from mtqa.errors import ConfigError
from mtqa.pipeline import Pipeline
from mtqa.report import SEGMENT_COLUMNS

EN = "Russian Foreign Minister Sergey Lavrov met Marco Rubio in Riyadh on Tuesday."
JA = "ロシアのセルゲイ・ラブロフ外務大臣は火曜日、リヤドでマルコ・ルビオと会談した。"
PAIRS = [
    (EN, JA),
    ("The talks lasted 4 hours.", "会談は5時間続いた。"),
    ("Lavrov said the talks were useful.", "Lavrovは会談が有益だったと述べました。"),
]


def _features(source: str, translation: str, findings=()):
    toks, X = risk.token_features(source, translation, findings)
    col = {n: X[:, i] for i, n in enumerate(risk.FEATURE_NAMES)}
    return toks, X, col


def _row(toks, surface):
    return next(i for i, t in enumerate(toks) if t.surface == surface)


def test_feature_names_are_unique_and_segment_names_derive_from_them():
    assert len(set(risk.FEATURE_NAMES)) == len(risk.FEATURE_NAMES)
    assert len(set(risk.SEGMENT_FEATURE_NAMES)) == len(risk.SEGMENT_FEATURE_NAMES)
    assert {f"finding_{c}" for c in mtqa.types.CATEGORIES} <= set(risk.FEATURE_NAMES)


def test_one_row_per_token_with_exact_offsets():
    toks, X, _ = _features(EN, JA)
    assert X.shape == (len(toks), len(risk.FEATURE_NAMES))
    assert "".join(t.surface for t in toks) == JA
    assert all(JA[t.start : t.end] == t.surface for t in toks)
    assert np.isfinite(X).all()


def test_empty_translation_has_no_rows():
    toks, X, _ = _features(EN, "")
    assert toks == () and X.shape == (0, len(risk.FEATURE_NAMES))


def test_matches_to_the_source():
    toks, _, col = _features(EN, JA)
    # JMdict gloss: ロシア → Russia, met by "Russian" (prefix); 外務|大臣 glossed as one word
    assert col["gloss_match"][_row(toks, "ロシア")] == 1
    assert col["compound_match"][_row(toks, "外務")] == col["compound_match"][_row(toks, "大臣")]
    assert col["compound_match"][_row(toks, "大臣")] == 1
    # reading → romanisation → name skeleton: ルビオ ↔ Rubio, exactly
    i = _row(toks, "ルビオ")
    assert col["name_match"][i] == 1 and col["name_exact"][i] == 1
    # the particle is not content and matches nothing
    i = _row(toks, "は")
    assert col["content"][i] == 0 and col["matched"][i] == 0 and col["lemma_は"][i] == 1


def test_numbers_latin_and_polite_register():
    toks, _, col = _features("The talks lasted 4 hours.", "会談は5時間続いた。")
    assert col["number_unmatched"][_row(toks, "5")] == 1
    toks, _, col = _features("The talks lasted 4 hours.", "会談は4時間続いた。")
    assert col["number_match"][_row(toks, "4")] == 1
    toks, _, col = _features(PAIRS[2][0], PAIRS[2][1])
    assert col["latin_copied"][_row(toks, "Lavrov")] == 1
    assert col["polite"][_row(toks, "まし")] == 1
    assert col["seg_polite"][0] == 1


def test_findings_mark_the_tokens_they_overlap():
    toks, _, col = _features(EN, JA, [risk.SpanFinding(4, 12, "name", 5.0)])  # セルゲイ・ラブロフ
    covered = [i for i, t in enumerate(toks) if t.start < 12 and t.end > 4]
    assert covered and all(col["finding_name"][i] == 1 for i in covered)
    assert all(col["finding_name"][i] == 0 for i in range(len(toks)) if i not in covered)
    assert col["seg_finding_name"][0] > 0 and col["seg_findings"][0] > 0


def test_shipped_model_loads_with_provenance():
    model = risk.RiskModel.load()
    assert 0.0 < model.threshold < 1.0
    prov = model.provenance
    for key in ("data", "date", "sentences", "fit", "out_of_fold", "mtqa_signature", "command"):
        assert key in prov, key
    assert "WMT22" in prov["data"] and "dev" in prov["data"]
    assert prov["fit"]["folds"] >= 5 and "seed" in prov["fit"]
    for key in ("word_mcc", "findings_mcc", "sentence_spearman"):
        assert isinstance(prov["out_of_fold"][key], float)
    assert model.version.startswith(f"token-{risk.FEATURES_VERSION}@")
    raw = json.loads((resources.files("mtqa") / "data" / risk.DEFAULT_MODEL).read_text("utf-8"))
    assert raw["feature_names"] == list(risk.FEATURE_NAMES)  # refit after feature changes


def test_model_file_refused_when_features_differ():
    raw = json.loads((resources.files("mtqa") / "data" / risk.DEFAULT_MODEL).read_text("utf-8"))
    stale = dict(raw, feature_names=raw["feature_names"][:-1])
    with pytest.raises(ConfigError, match="refit"):
        risk.RiskModel.from_dict(stale)
    with pytest.raises(ConfigError, match="missing 'threshold'"):
        risk.RiskModel.from_dict({k: v for k, v in raw.items() if k != "threshold"})


def test_model_file_unreadable(tmp_path):
    bad = tmp_path / "m.json"
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(ConfigError, match="cannot read"):
        risk.RiskModel.load(bad)


def test_tree_and_linear_application():
    # one stump: x0 <= 0.5 → -1, else +2 (NaN goes right); baseline 0.5
    trees = {
        "kind": "gbdt", "baseline": 0.5,
        "trees": [{"feature": [0, -1, -1], "threshold": [0.5, 0, 0], "left": [1, 0, 0],
                   "right": [2, 0, 0], "value": [0, -1.0, 2.0],
                   "missing_left": [False, False, False]}],
    }
    X = np.array([[0.0], [1.0], [np.nan]])
    assert risk.predict_raw(trees, X).tolist() == [-0.5, 2.5, 2.5]
    linear = {"kind": "linear", "mean": [1.0, 0.0], "scale": [2.0, 1.0], "coef": [1.0, -1.0],
              "intercept": 0.25, "features": ["b", "a"]}
    X = np.array([[3.0, 5.0]])  # columns a, b: selected by name as (b, a)
    assert risk.predict_raw(linear, X, ["a", "b"]).tolist() == [0.25 + (5 - 1) / 2 - 3]
    with pytest.raises(ConfigError, match="unknown model kind"):
        risk.predict_raw({"kind": "svm"}, X)


def _walk_one_by_one(params, X):
    """The reference walk: every row down every tree, one node at a time."""
    forest = params["kind"] == "forest"
    if forest:
        X = X.astype(np.float32).astype(np.float64)
    out = []
    for x in X:
        leaves = []
        for t in params["trees"]:
            node = 0
            while t["feature"][node] >= 0:
                v = x[t["feature"][node]]
                left = t["missing_left"][node] if np.isnan(v) else v <= t["threshold"][node]
                node = t["left"][node] if left else t["right"][node]
            leaves.append(t["value"][node])
        total = np.sum(np.asarray(leaves, dtype=np.float64))
        out.append((total / len(leaves) if forest else total) + params.get("baseline", 0.0))
    return np.asarray(out)


def _random_tree(rng, n_features, depth):
    """A random tree of at most ``depth`` levels, stored as predict_trees reads it."""
    t = {"feature": [], "threshold": [], "left": [], "right": [], "value": [],
         "missing_left": []}

    def grow(level):
        k = len(t["feature"])
        for key in t:
            t[key].append(0)
        if level == depth or rng.random() < 0.3:  # unbalanced: some branches stop early
            t["feature"][k], t["value"][k], t["missing_left"][k] = -1, rng.normal(), False
            return k
        t["feature"][k] = int(rng.integers(n_features))
        t["threshold"][k] = float(rng.normal())
        t["missing_left"][k] = bool(rng.random() < 0.5)
        t["left"][k] = grow(level + 1)
        t["right"][k] = grow(level + 1)
        return k

    grow(0)
    return t


@pytest.mark.parametrize("kind", ["gbdt", "forest"])
def test_trees_walked_together_give_each_rows_own_walk(kind):
    """#17: all (row, tree) pairs are walked together and only the unfinished ones step on;
    the leaves reached, and their sum, are those of walking each row down each tree alone,
    whatever rows share the call (token_risk scores a whole article at once)."""
    rng = np.random.default_rng(17)
    params = {"kind": kind, "baseline": 0.25,
              "trees": [_random_tree(rng, 6, 7) for _ in range(40)]}
    X = rng.normal(size=(300, 6))
    X[rng.random(X.shape) < 0.1] = np.nan
    whole = risk.predict_trees(params, X)
    assert np.array_equal(whole, _walk_one_by_one(params, X))
    assert np.array_equal(whole[:1], risk.predict_trees(params, X[:1]))
    assert np.array_equal(whole[5:9], risk.predict_trees(params, X[5:9]))
    padded = risk._with_padded_trees(params)  # as a loaded model keeps them
    assert np.array_equal(whole, risk.predict_trees(padded, X))


@pytest.fixture(scope="module")
def report():
    return mtqa.check_segments(PAIRS, backtranslator="dictionary")


def test_report_token_risk_frame(report):
    df = report.token_risk
    assert list(df.columns) == ["segment", "start", "end", "token", "risk"]
    assert df.attrs["signature"] == report.signature
    assert str(df["risk"].dtype) == "float64" and str(df["start"].dtype) == "int64"
    assert ((df["risk"] >= 0) & (df["risk"] <= 1)).all()
    text = report.translation_text
    assert all(text[a:b] == t for a, b, t in zip(df["start"], df["end"], df["token"]))
    # one row per token of every segment, in order, nothing else
    for pair in report.pairs:
        rows = df[df["segment"] == pair.index]
        expected = [t.surface for t in mtqa.text.japanese.tokenize(pair.translation)]
        assert rows["token"].tolist() == expected
    assert df["start"].is_monotonic_increasing


def test_segment_dicts_gain_risk_and_quality_at_the_end(report):
    segs = report.segment_dicts()
    assert list(segs[0])[-2:] == ["risk", "quality"]
    assert list(segs[0])[:11] == ["ref_start", "ref_end", "mt_start", "mt_end", "reference",
                                  "translation", "back_translation", "chrf", "index", "kind",
                                  "chrome"]
    df = report.token_risk
    for s in segs:
        mean = df[df["segment"] == s["index"]]["risk"].mean()
        assert s["risk"] == pytest.approx(mean, abs=1e-3)  # expected share of BAD tokens
        assert isinstance(s["quality"], float)
    assert tuple(report.segments.columns) == SEGMENT_COLUMNS
    assert "risk:token-" in report.signature


def test_token_risk_informs_only(report):
    """Findings, score, verdict and exit code are the same with and without token risk."""
    plain = Pipeline(QAConfig().with_options(backtranslator="dictionary", presegmented=True,
                                             score_risk=False))
    without = plain.run_segments(PAIRS)
    assert without.token_risk.empty and all(s["risk"] is None for s in without.segment_dicts())
    assert [f.to_dict() for f in without.finding_list] == [
        f.to_dict() for f in report.finding_list
    ]
    assert (without.score, without.verdict, without.gate.exit_code) == (
        report.score, report.verdict, report.gate.exit_code)
    assert without.summary() == report.summary()


def test_document_run_has_token_risk_on_content_pairs():
    r = mtqa.check(EN + "\n\n" + PAIRS[1][0], JA + "\n\n" + PAIRS[1][1],
                   backtranslator="dictionary")
    df = r.token_risk
    assert set(df["segment"]) == {p.index for p in r.pairs if p.mt_sentences and not p.chrome}
    assert all(r.translation_text[a:b] == t for a, b, t in zip(df["start"], df["end"],
                                                               df["token"]))


def test_prefix_matches_are_looked_up_as_they_were_scanned():
    """#17: a gloss stem's source matches (equal, or one a prefix of the other, both of
    MIN_PREFIX_STEM letters or more) come from a prefix index of the sentence; they are
    the stems a scan of the sentence finds."""
    source = ("Russian government officials governed Japanese art articles in the Arctic; "
              "the governor's artistic management of Russia and Japan")
    src = risk._prepare_source(source)
    glosses = ["russia", "japan", "govern", "government", "governments", "art", "articl",
               "arctic", "manag", "managements", "gover", "russ", "artist", "artisticly"]
    for k in range(len(glosses)):
        stems = frozenset(glosses[k : k + 3])
        scanned = set(stems & src.stems)
        for t in stems - scanned:
            if len(t) >= risk.MIN_PREFIX_STEM:
                scanned |= {s for s in src.stems if len(s) >= risk.MIN_PREFIX_STEM
                            and (s.startswith(t) or t.startswith(s))}
        assert risk._match_stems(stems, src) == scanned, stems
    # a longer gloss meets its prefixes; an exact match takes no prefixes
    assert risk._match_stems(frozenset({"governments"}), src) == {"govern", "government"}
    assert risk._match_stems(frozenset({"govern"}), src) == {"govern"}
