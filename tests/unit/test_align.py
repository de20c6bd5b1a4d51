"""Sentence alignment (issue #4): bead shapes, offsets, paragraphs, band, chrF, calibration."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from mtqa import align as A
from mtqa import backtranslate
from mtqa.align import align
from mtqa.segment import segment
from mtqa.types import BackTranslation

ROOT = Path(__file__).resolve().parents[2]
WMT22 = Path("/work/shared/data/wmt22-qe-en-ja/dev/sentence_level_tok_untok_da.csv")

EN = (
    "The foreign minister arrived in Tokyo on Monday.\n\n"
    "He met the prime minister for two hours.\n\n"
    "The talks covered trade and security."
)
JA = "外務大臣は月曜日に東京に到着した。\n\n彼は首相と2時間会談した。\n\n会談は貿易と安全保障を扱った。"

# A constructed article: seven sentences in four paragraphs, and a faithful translation.
ARTICLE_EN = [
    "The city council approved a new budget on Monday after a long debate.",
    "The plan raises spending on schools by 12 percent.",
    "Mayor Anna Schmidt said the money would pay for 300 new teachers.",
    "Opposition members criticised the cost of the new stadium.",
    "They argued that the city should repair its roads first.",
    "The budget will take effect in April.",
    "A public meeting is scheduled for next week.",
]
ARTICLE_JA = [
    "市議会は月曜日、長い議論の末に新しい予算を承認した。",
    "この計画では、学校への支出が12％増える。",
    "アンナ・シュミット市長は、この資金で300人の新しい教師を雇うと述べた。",
    "野党議員は新しいスタジアムの費用を批判した。",
    "彼らは、市はまず道路を修理すべきだと主張した。",
    "予算は4月に施行される。",
    "来週、公開の会合が予定されている。",
]
PARAGRAPHS = [[0, 1], [2], [3, 4], [5, 6]]


def article(sentences: list[str], sep: str, groups: list[list[int]] = PARAGRAPHS) -> str:
    return "\n\n".join(sep.join(sentences[i] for i in g) for g in groups)


def run(en: str, ja: str):
    engine, _ = backtranslate.create("dictionary")
    r, m = segment(en, "en"), segment(ja, "ja")
    bts = engine.translate([m.sentence_text(i) for i in range(len(m.sentences))])
    return align(r, m, bts)


def content_beads(pairs):
    return [(p.ref_sentences, p.mt_sentences) for p in pairs if not p.chrome]


def test_one_to_one_in_order():
    pairs = run(EN, JA)
    assert [p.kind for p in pairs] == ["1:1", "1:1", "1:1"]
    assert [p.ref_sentences for p in pairs] == [(0,), (1,), (2,)]
    for p in pairs:
        assert EN[p.ref_start : p.ref_end] == p.reference
        assert JA[p.mt_start : p.mt_end] == p.translation
        assert 0.0 < p.score <= 1.0


def test_chrome_is_its_own_bead():
    pairs = run(EN, JA + "\n\nコメントを残す\n\nBack to top button")
    chrome = [p for p in pairs if p.chrome]
    assert [p.translation for p in chrome] == ["コメントを残す", "Back to top button"]
    assert all(not p.ref_sentences for p in chrome)


def test_constructed_article_is_one_to_one():
    pairs = run(article(ARTICLE_EN, " "), article(ARTICLE_JA, ""))
    assert content_beads(pairs) == [((k,), (k,)) for k in range(7)]


def test_dropped_sentence_is_a_1_0_bead():
    ja = [s for k, s in enumerate(ARTICLE_JA) if k != 3]
    pairs = run(article(ARTICLE_EN, " "), article(ja, "", [[0, 1], [2], [3], [4, 5]]))
    beads = content_beads(pairs)
    assert ((3,), ()) in beads
    assert ((4,), (3,)) in beads
    gap = next(p for p in pairs if p.ref_sentences == (3,))
    # an empty side sits where the content would be, after the previous sentence
    assert gap.mt_start == gap.mt_end == pairs[2].mt_end


def test_inserted_sentence_is_a_0_1_bead():
    extra = "同市では昨年、大規模な洪水が発生し、多くの住宅が被害を受けた。"
    ja = ARTICLE_JA[:5] + [extra] + ARTICLE_JA[5:]
    pairs = run(article(ARTICLE_EN, " "), article(ja, "", [[0, 1], [2], [3, 4, 5], [6, 7]]))
    added = [p for p in pairs if not p.ref_sentences and not p.chrome]
    assert [p.translation for p in added] == [extra]
    assert added[0].ref_start == added[0].ref_end  # placed after the English aligned so far


def test_merged_sentences_are_a_2_1_bead():
    merged = "野党議員は新しいスタジアムの費用を批判し、市はまず道路を修理すべきだと主張した。"
    ja = ARTICLE_JA[:3] + [merged] + ARTICLE_JA[5:]
    pairs = run(article(ARTICLE_EN, " "), article(ja, "", [[0, 1], [2], [3], [4, 5]]))
    bead = next(p for p in pairs if p.translation == merged)
    assert bead.kind == "2:1"
    assert bead.ref_sentences == (3, 4)
    assert all(p.kind == "1:1" for p in pairs if p is not bead)


def test_split_sentence_is_a_1_2_bead():
    split = ["野党議員は新しいスタジアムを批判した。", "その費用が高すぎるという。"]
    ja = ARTICLE_JA[:3] + split + ARTICLE_JA[4:]
    pairs = run(article(ARTICLE_EN, " "), article(ja, "", [[0, 1], [2], [3, 4, 5], [6, 7]]))
    bead = next(p for p in pairs if p.ref_sentences == (3,))
    assert bead.kind == "1:2"


def test_swapped_sentences_stay_together():
    ja = ARTICLE_JA[:3] + [ARTICLE_JA[4], ARTICLE_JA[3]] + ARTICLE_JA[5:]
    pairs = run(article(ARTICLE_EN, " "), article(ja, ""))
    bead = next(p for p in pairs if 3 in p.ref_sentences)
    # monotone alignment cannot cross: the swap is one 2:2 bead (the check then finds it)
    assert bead.kind == "2:2"


def test_offsets_and_coverage_on_riyadh():
    en = (ROOT / "data/riyadh/en.txt").read_text(encoding="utf-8")
    ja = (ROOT / "data/riyadh/ja.txt").read_text(encoding="utf-8")
    pairs = run(en, ja)
    ref, mt = segment(en, "en"), segment(ja, "ja")
    for p in pairs:
        assert en[p.ref_start : p.ref_end] == p.reference
        assert ja[p.mt_start : p.mt_end] == p.translation
    # every sentence appears once, in order; chrome only in chrome beads
    assert [i for p in pairs for i in p.ref_sentences] == [s.index for s in ref.content]
    assert sorted(i for p in pairs for i in p.mt_sentences) == list(range(len(mt.sentences)))
    assert {i for p in pairs if p.chrome for i in p.mt_sentences} == {
        s.index for s in mt.sentences if s.chrome
    }
    # the paragraphs correspond one to one once chrome is left out (issue #4)
    en_rank = {p: k for k, p in enumerate(dict.fromkeys(s.paragraph for s in ref.content))}
    ja_rank = {p: k for k, p in enumerate(dict.fromkeys(s.paragraph for s in mt.content))}
    right = total = 0
    for p in pairs:
        if p.chrome:
            continue
        ens = {en_rank[ref.sentences[i].paragraph] for i in p.ref_sentences}
        for j in p.mt_sentences:
            total += 1
            right += ens == {ja_rank[mt.sentences[j].paragraph]}
    assert right / total >= 0.95


def test_clean_case_has_no_unaligned_sentences():
    base = ROOT / "data/cases/wildfire-evacuation"
    pairs = run(base.with_suffix(".en.txt").read_text(encoding="utf-8"),
                base.with_suffix(".ja.txt").read_text(encoding="utf-8"))
    assert all(p.ref_sentences and p.mt_sentences for p in pairs)


def test_band_gives_the_same_path_as_the_full_search(monkeypatch):
    en = (ROOT / "data/riyadh/en.txt").read_text(encoding="utf-8")
    ja = (ROOT / "data/riyadh/ja.txt").read_text(encoding="utf-8")
    banded = content_beads(run(en, ja))
    monkeypatch.setattr(A, "BAND_MIN", 10_000)
    assert content_beads(run(en, ja)) == banded


def test_band_widens_when_the_path_leaves_it(monkeypatch):
    # ten English sentences the Japanese lacks pull the path far off the diagonal
    monkeypatch.setattr(A, "BAND_MIN", 2)
    filler_en = [f"Paragraph {k} of the appendix lists {k * 7} unrelated items." for k in range(10)]
    en = article(ARTICLE_EN, " ") + "\n\n" + "\n\n".join(filler_en)
    ja = article(ARTICLE_JA, "")
    beads = content_beads(run(en, ja))
    assert beads[:7] == [((k,), (k,)) for k in range(7)]
    assert beads[7:] == [((k,), ()) for k in range(7, 17)]


def test_empty_sides():
    pairs = run("One sentence here. And another.", "")
    assert [p.kind for p in pairs] == ["1:0", "1:0"]
    pairs = run("", "一文目。二文目。")
    assert [p.kind for p in pairs] == ["0:1", "0:1"]
    assert all(p.mt_end > p.mt_start for p in pairs)


@pytest.mark.parametrize(
    ("a", "b", "i", "j"), [(1, 1, 0, 0), (1, 1, 1, 1), (1, 1, 0, 1), (2, 2, 0, 0), (1, 2, 1, 1)]
)
def test_chrf_on_arrays_equals_sacrebleu(a, b, i, j):
    from sacrebleu.metrics import CHRF

    en = segment("The council approved the budget on Monday. It raises school spending by "
                 "12 percent.\n\nThe mayor welcomed it.", "en")
    ja = segment("市議会は月曜日に予算を承認した。学校支出を12％増やす。\n\n市長は歓迎した。", "ja")
    bts = ["The city council approved the budget on Monday.", "Increase school spending by 12%.",
           "The mayor welcomed."]
    scorer = A.BeadScorer(A._side(en), A._side(ja), bts, neural=True)
    mine = scorer.chrf(a, b, np.array([i]), np.array([j]))[0] * 100
    expected = CHRF().sentence_score(" ".join(bts[j : j + b]),
                                     [" ".join(A._side(en).texts[i : i + a])]).score
    assert mine == pytest.approx(expected, abs=1e-6)


def test_neural_back_translation_uses_chrf():
    en = article(ARTICLE_EN, " ")
    ja = article(ARTICLE_JA, "")
    r, m = segment(en, "en"), segment(ja, "ja")
    # fluent English back-translations (as a Marian model gives), without attributions
    bts = [BackTranslation(t.replace("Monday", "Monday,")) for t in ARTICLE_EN]
    assert A._is_neural(None, bts)
    assert not A._is_neural("dictionary", bts)
    engine, _ = backtranslate.create("dictionary")
    assert not A._is_neural(None, engine.translate(ARTICLE_JA))
    pairs = align(r, m, bts, engine="marian")
    assert content_beads(pairs) == [((k,), (k,)) for k in range(7)]
    assert min(p.score for p in pairs) > 0.5


def test_length_prior_matches_wmt22_dev():
    """The constant is measured, not guessed: recompute it where the data is available."""
    if not WMT22.exists():
        pytest.skip("WMT22 en-ja dev not available here")
    import pandas as pd

    d = pd.read_csv(WMT22)
    r = np.log(d["target"].str.len() / d["source"].str.len())
    assert abs(r.mean() - A.LOG_RATIO_MEAN) < 0.03
    assert abs(r.std() - A.LOG_RATIO_SD) < 0.02


def test_similarity_is_calibrated_per_document():
    en = (ROOT / "data/riyadh/en.txt").read_text(encoding="utf-8")
    ja = (ROOT / "data/riyadh/ja.txt").read_text(encoding="utf-8")
    r, m = segment(en, "en"), segment(ja, "ja")
    engine, _ = backtranslate.create("dictionary")
    bts = engine.translate([m.sentence_text(i) for i in range(len(m.sentences))])
    sim = A.SentenceSimilarity(r, m, {i: b.text for i, b in enumerate(bts)})
    # the delegations sentence and its translation, against an unrelated one
    en_i = next(s.index for s in r.sentences if r.sentence_text(s.index).startswith("The deleg"))
    ja_i = next(s.index for s in m.sentences if m.sentence_text(s.index).startswith("米国務長官"))
    far = next(s.index for s in m.sentences if m.sentence_text(s.index).startswith("「北極"))
    assert sim(en_i, ja_i) > 0.6
    assert sim(en_i, far) < 0.15


def _count_scorer_builds(monkeypatch) -> list[int]:
    """A list that grows by one each time a BeadScorer is built."""
    built: list[int] = []
    real = A.BeadScorer.__init__

    def counting(self, *args, **kwargs):
        built.append(1)
        real(self, *args, **kwargs)

    monkeypatch.setattr(A.BeadScorer, "__init__", counting)
    return built


def test_sentence_similarity_is_built_only_when_a_check_asks(monkeypatch):
    # an article whose sentences all pair up asks the alignment check nothing: the scorer
    # (features, run matrices, calibration) is not built for it
    from mtqa.text.cache import clear_text_caches

    clear_text_caches()  # no scorer of an earlier test's article to reuse
    built = _count_scorer_builds(monkeypatch)
    r = segment("The minister arrived on Monday. Talks begin on Tuesday.", "en")
    m = segment("大臣は月曜日に到着した。協議は火曜日に始まる。", "ja")
    sim = A.SentenceSimilarity(r, m, {0: "", 1: ""})
    assert built == [] and sim.many([]) == []
    assert sim(0, 0) > sim(0, 1)
    assert sim(1, 1) > 0 and built == [1]  # built once, on the first question
    # and only the single sentences' rows: no bead of 2 or 3 sentences is scored
    assert set(sim._scorer._en_rows) == {1} and set(sim._scorer._ja_rows) == {1}


# --- issue #15: far more sentences on one side, chrome that translates content ------------


@pytest.mark.parametrize("reverse", [False, True], ids=["long-translation", "long-reference"])
def test_band_stays_connected_when_one_side_has_twenty_times_the_sentences(reverse):
    # a headline and a caption against the full article: the length-proportional diagonal
    # is so steep that the old band left rows no bead could cross ("band broken at (3, 46)")
    en = (ROOT / "data/riyadh/en.txt").read_text(encoding="utf-8")
    ja = (ROOT / "data/riyadh/ja.txt").read_text(encoding="utf-8")
    if reverse:
        ja = "\n\n".join(ja.split("\n\n")[:3])
    else:
        en = "\n\n".join(en.split("\n\n")[:2])
    pairs = run(en, ja)
    r, m = segment(en, "en"), segment(ja, "ja")
    # every content sentence of both sides appears exactly once, in order
    assert [i for p in pairs for i in p.ref_sentences] == [s.index for s in r.content]
    assert [j for p in pairs if not p.chrome for j in p.mt_sentences] == [
        s.index for s in m.content]
    assert max(len(r.content), len(m.content)) >= 15 * min(len(r.content), len(m.content))


def test_connected_band_lets_every_row_reach_the_next():
    centre = np.array([0, 46, 92, 95], dtype=np.int64)
    lo, hi = A._band(centre, 95, 12)
    assert (lo[1:] <= hi[:-1]).all()
    assert (np.diff(lo) >= 0).all() and (np.diff(hi) >= 0).all()


def settle(en: str, ja: str):
    engine, _ = backtranslate.create("dictionary")
    r, m = segment(en, "en"), segment(ja, "ja")
    bts = engine.translate([m.sentence_text(i) for i in range(len(m.sentences))])
    return m, A.settle_chrome(r, m, bts)


def test_chrome_candidate_that_translates_the_english_is_content():
    # a news story about auto-generated articles: the sentence reads like a syndication note
    # but translates the English, so it must be aligned and checked, not set aside
    en = article(ARTICLE_EN, " ") + (
        "\n\nRegulators found 200 unedited articles that a news site had generated "
        "automatically from a syndicated news feed.")
    ja = article(ARTICLE_JA, "") + (
        "\n\n規制当局は、ニュースサイトがシンジケートニュースフィードから自動生成された未編集の記事を"
        "200本見つけた。")
    m, (_, settled) = settle(en, ja)
    assert m.sentences[-1].chrome  # the wording alone makes it a candidate
    assert not settled.sentences[-1].chrome
    import mtqa

    report = mtqa.check(en, ja, backtranslator="dictionary", checks=("alignment",))
    assert not any(p.chrome for p in report.pairs)
    assert report.pairs[-1].kind == "1:1"
    assert not report.finding_list


def test_real_chrome_stays_chrome_on_riyadh():
    en = (ROOT / "data/riyadh/en.txt").read_text(encoding="utf-8")
    ja = (ROOT / "data/riyadh/ja.txt").read_text(encoding="utf-8")
    m, (_, settled) = settle(en, ja)
    assert [s.chrome for s in settled.sentences] == [s.chrome for s in m.sentences]
    assert sum(s.chrome for s in m.sentences) == 9


@pytest.mark.parametrize("seed", range(4))
def test_rowwise_dot_is_the_sparse_products_sum_to_the_last_bit(seed):
    """#17 work done once: _rowwise_dot reads the rows it needs instead of building the sparse
    product, and must add the same weights in the same order as
    ``left[li].multiply(right[ri]).sum(axis=1)`` (scipy keeps a row's stored order when both
    sides have sorted indices, reverses it otherwise), whatever rows are asked for."""
    from scipy import sparse

    rng = np.random.default_rng(seed)
    for _ in range(300):
        n_left, n_right, width = rng.integers(1, 8), rng.integers(1, 8), rng.integers(1, 30)
        binary = sparse.random(n_left, width, density=rng.uniform(0.05, 0.9),
                               random_state=int(rng.integers(1e9)), format="csr")
        binary.data[:] = 1.0
        weights = rng.uniform(0.05, 3.0, width) * np.where(rng.random(width) < 0.3, 2.5, 1.0)
        left = (binary @ sparse.diags(weights)).tocsr()  # as BeadScorer builds it: unsorted
        if rng.random() < 0.3:
            left.sort_indices()
        right = sparse.random(n_right, width, density=rng.uniform(0.05, 0.9),
                              random_state=int(rng.integers(1e9)), format="csr")
        right.data[:] = 1.0
        k = rng.integers(0, 12)
        li, ri = rng.integers(0, n_left, k), rng.integers(0, n_right, k)
        expected = (np.asarray(left[li].multiply(right[ri]).sum(axis=1)).ravel() if k
                    else np.zeros(0))
        assert np.array_equal(A._rowwise_dot(A._rows(left), A._rows(right), li, ri), expected)


def test_the_alignment_checks_similarity_reuses_the_aligners_scorer(monkeypatch):
    # same sentences, same back-translations, dictionary engine: one scorer per article,
    # and the figures are those of a scorer of its own
    from mtqa.text.cache import clear_text_caches

    clear_text_caches()
    en = "The minister arrived on Monday. Talks begin on Tuesday. They end on Friday."
    ja = "大臣は月曜日に到着した。協議は火曜日に始まる。金曜日に終わる。"
    r, m = segment(en, "en"), segment(ja, "ja")
    engine, _ = backtranslate.create("dictionary")
    bts = engine.translate([m.sentence_text(i) for i in range(len(m.sentences))])
    pairs = align(r, m, bts, engine="dictionary")
    assert all(len(p.mt_sentences) == 1 for p in pairs)
    built = _count_scorer_builds(monkeypatch)
    shared = A.SentenceSimilarity(r, m, {i: b.text for i, b in enumerate(bts)})
    got = [shared(i, j) for i in range(3) for j in range(3)]
    assert built == []
    clear_text_caches()
    alone = A.SentenceSimilarity(r, m, {i: b.text for i, b in enumerate(bts)})
    assert [alone(i, j) for i in range(3) for j in range(3)] == got and built == [1]
