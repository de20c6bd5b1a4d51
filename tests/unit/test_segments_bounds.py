"""Pre-aligned segments get the bounds of an article (README "Input and limits"): a side
with more sentences than an article may have is refused, a side longer than one sentence
is split and cut as the document path does, and the report keeps one pair per segment with
offsets into the text as given. Before, ``mtqa score`` and ``mtqa check --segments`` checked
a long line as one unbounded sentence (a 4,000-character line took a minute)."""

from __future__ import annotations

import dataclasses

import pytest

from mtqa import load, segment
from mtqa.cli import main
from mtqa.config import QAConfig
from mtqa.errors import InputError
from mtqa.pipeline import Pipeline

DICTIONARY = QAConfig(backtranslator="dictionary")
SHORT = ("The talks lasted four hours.", "協議は4時間続いた。")
#: a Japanese side one sentence over the limit of an article (short sentences: cheap to
#: segment, and refused before any check runs)
OVER = ("It rained.", "雨が降った。" * (load.MAX_SENTENCES + 1))
#: one long sentence a side (clauses joined by commas, no sentence end): over the longest
#: sentence on both sides, cut at commas; the numbers differ (3 against 5 per cent)
EN_CLAUSES = ["the minister arrived in Tokyo on Monday", "the talks lasted four hours",
              "ministers met in Riyadh", "the prices rose by 3 percent",
              "the company won the contract"]
JA_CLAUSES = ["大臣は月曜日に東京に到着し", "協議は4時間続き", "閣僚らはリヤドで会談し",
              "価格は5パーセント上昇し", "会社は契約を勝ち取り"]
LONG = (", ".join(EN_CLAUSES * 5) + ".", "、".join(JA_CLAUSES * 5) + "。")


def test_a_segment_over_the_sentence_limit_is_refused_naming_it():
    with pytest.raises(InputError, match=r"segments\[1\] translation: 2,001 sentences is over"):
        Pipeline(DICTIONARY).run_segments([SHORT, OVER])


def test_check_segments_over_the_limit_exit_2_one_line_naming_the_segment(tmp_path, capsys):
    tsv = tmp_path / "pairs.tsv"
    tsv.write_text("source\ttranslation\n" + "\t".join(SHORT) + "\n" + "\t".join(OVER) + "\n",
                   encoding="utf-8")
    rc = main(["check", "--segments", str(tsv), "--backtranslator", "dictionary",
               "--no-config", "-q"])
    err = capsys.readouterr().err
    assert rc == 2
    assert len(err.strip().splitlines()) == 1
    assert "segments[1] translation" in err and "2,001 sentences is over the limit" in err


def test_score_a_line_over_the_limit_exit_2_one_line(tmp_path, capsys):
    (tmp_path / "src.en").write_text(SHORT[0] + "\n" + OVER[0] + "\n", encoding="utf-8")
    (tmp_path / "sys.ja").write_text(SHORT[1] + "\n" + OVER[1] + "\n", encoding="utf-8")
    rc = main(["score", "-s", str(tmp_path / "src.en"), "-t", str(tmp_path / "sys.ja"),
               "--backtranslator", "dictionary", "--no-config", "-q"])
    err = capsys.readouterr().err
    assert rc == 2
    assert len(err.strip().splitlines()) == 1
    assert "2,001 sentences is over the limit" in err
    assert "sys.ja: line 2:" in err or "src.en: line 2:" in err  # the file and its line


def _pieces(text: str, lang: str) -> list[tuple[int, int]]:
    doc = load.split_long_sentences(segment.segment(text, lang))
    return [(s.start, s.end) for s in doc.sentences]


def test_a_long_segment_is_cut_like_a_document_sentence():
    en, ja = LONG
    en_pieces, ja_pieces = _pieces(en, "en"), _pieces(ja, "ja")
    assert len(en_pieces) > 1 and len(ja_pieces) > 1  # over the limit on both sides
    pipeline = Pipeline(DICTIONARY)
    doc = pipeline.run(en, ja)
    seg = pipeline.run_segments([(en, ja)])
    # the aligner makes the pieces one bead here, so the two paths can be compared: the
    # same pair (sentences, spans, back-translation joined from the pieces', attributions),
    # the alignment's score aside ...
    assert [p.kind for p in doc.pairs] == [f"{len(en_pieces)}:{len(ja_pieces)}"]
    assert list(seg.pairs) == [dataclasses.replace(doc.pairs[0], score=0.0)]
    # ... and the same findings at the same offsets (the confidence, which reads the
    # alignment's score, aside)
    def found(report):
        return [dataclasses.replace(f, confidence=None) for f in report.finding_list]

    assert found(seg) == found(doc)
    assert {f.code for f in seg.finding_list} >= {"NUM001"}


def test_a_long_segment_among_others_keeps_its_index_and_offsets():
    pairs = [SHORT, LONG, SHORT]
    report = Pipeline(DICTIONARY).run_segments(pairs)
    assert [(p.reference, p.translation) for p in report.pairs] == pairs
    assert [p.index for p in report.pairs] == [0, 1, 2]
    ja_pieces = _pieces(LONG[1], "ja")
    assert [len(p.mt_sentences) for p in report.pairs] == [1, len(ja_pieces), 1]
    mt = report.pairs[1].mt_sentences
    assert mt == tuple(range(mt[0], mt[0] + len(ja_pieces)))
    for p in report.pairs:
        assert report.translation_text[p.mt_start : p.mt_end] == p.translation
        assert report.reference_text[p.ref_start : p.ref_end] == p.reference
    numbers = [f for f in report.finding_list if f.code == "NUM001"]
    assert numbers
    for f, seg in zip(report.finding_list, report.finding_segments()):
        assert report.translation_text[f.start : f.end] == f.text
        if f.code == "NUM001":
            assert seg == 1


def test_a_segment_within_the_bounds_is_checked_as_given():
    # two sentences, under the longest sentence: one sentence a side, as before
    pair = ("The talks lasted four hours. Ministers met in Riyadh.",
            "協議は4時間続いた。閣僚らはリヤドで会談した。")
    report = Pipeline(DICTIONARY).run_segments([pair])
    assert [p.kind for p in report.pairs] == ["1:1"]
