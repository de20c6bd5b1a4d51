"""Decoding, validation, bounds and matching normalisation of inputs (issue #9)."""

from __future__ import annotations

import codecs
import os
import random
import unicodedata

import pytest

from mtqa import segment
from mtqa.errors import InputError
from mtqa.load import (
    MAX_ARTICLE_BYTES,
    MAX_COMBINING_RUN,
    MAX_INPUT_CHARS,
    MAX_SENTENCE_CHARS,
    MIN_PLAUSIBILITY,
    check_sentence_count,
    check_text,
    coerce_pairs,
    coerce_text,
    decode,
    normalize_for_matching,
    plausibility,
    read_text,
    split_long_sentences,
)
from tests.conftest import CASES, RIYADH

JA = "外務大臣は火曜日に述べた。"
ARTICLE = (RIYADH / "ja.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "data,encoding",
    [
        (JA.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + JA.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + JA.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + JA.encode("utf-16-be"), "utf-16-be"),
        (codecs.BOM_UTF32_LE + JA.encode("utf-32-le"), "utf-32-le"),
        (JA.encode("shift_jis"), "cp932"),
        (JA.encode("euc_jp"), "euc_jp"),
    ],
)
def test_decode_detects_encoding(data, encoding):
    loaded = decode(data)
    assert loaded.text == JA
    assert loaded.encoding == encoding
    assert loaded.encoding_name  # a readable name for the report note


@pytest.mark.parametrize("enc,name", [("cp932", "cp932"), ("euc_jp", "euc_jp")])
def test_whole_article_in_legacy_encodings(enc, name):
    loaded = decode(ARTICLE.encode(enc))
    assert (loaded.text, loaded.encoding) == (ARTICLE, name)


def test_utf16_without_bom_detected():
    text = "Foreign Minister Lavrov said on Tuesday.\n外務大臣は述べた。\n"
    assert decode(text.encode("utf-16-le")).encoding == "utf-16-le"
    assert decode(text.encode("utf-16-be")).encoding == "utf-16-be"


@pytest.mark.parametrize("enc", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("side", ["en", "ja"])
def test_utf16_without_bom_detected_for_plain_japanese_and_plain_english(enc, side):
    # Japanese with few ASCII characters has few NUL bytes (riyadh: 7 % of one parity);
    # plain English in UTF-16 is valid UTF-8 too (NUL is): both were refused before
    text = (RIYADH / f"{side}.txt").read_text(encoding="utf-8")
    loaded = decode(text.encode(enc), f"{side}.txt")
    assert (loaded.text, loaded.encoding) == (text, enc)


def test_random_bytes_are_not_taken_for_bomless_utf16():
    rnd = random.Random(5)
    for n in (64, 256, 1024):
        for _ in range(200):
            with pytest.raises(InputError):
                decode(bytes(rnd.randrange(256) for _ in range(n)), "x.bin")


def test_halfwidth_katakana_in_shift_jis_accepted():
    text = "ｶﾞｲﾑﾀﾞｲｼﾞﾝ ﾊ ｶﾖｳﾋﾞ ﾆ ﾉﾍﾞﾀ｡ ｿｳﾘ ﾀﾞｲｼﾞﾝ ﾓ ｻﾝｶ ｼﾀ｡"
    assert decode(text.encode("cp932")).text == text


def test_bom_but_invalid_body_rejected():
    with pytest.raises(InputError, match="byte-order mark but is not valid UTF-8"):
        decode(codecs.BOM_UTF8 + b"\xff\xfe\xfa", "x.txt")


def test_random_bytes_are_not_taken_for_japanese():
    # cp932 and EUC-JP decode many random byte strings; plausibility refuses them
    rnd = random.Random(9)
    alphabet = list(range(0x20, 0x7F)) + list(range(0xA1, 0xFF))
    decodable = 0
    for _ in range(300):
        data = bytes(rnd.choice(alphabet) for _ in range(96))
        for enc in ("cp932", "euc_jp"):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            decodable += 1
            assert plausibility(text) < MIN_PLAUSIBILITY
        with pytest.raises(InputError, match="not text in a recognised encoding"):
            decode(data, "x.bin")
    assert decodable > 0  # the test exercised the legacy decoders


def test_latin1_english_gets_a_conversion_hint():
    data = "The café’s “déjà vu” menu was naïve, résumé in hand.".encode("cp1252")
    with pytest.raises(InputError, match="iconv -f cp1252"):
        decode(data, "en.txt")


def test_missing_file_names_the_file(tmp_path):
    with pytest.raises(InputError, match="nope.txt: no such file"):
        read_text(tmp_path / "nope.txt")


def test_directory_rejected(tmp_path):
    with pytest.raises(InputError, match="is a directory"):
        read_text(tmp_path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_special_file_rejected(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file"):
        read_text(fifo)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="root reads files whatever their mode; see test_robustness")
def test_unreadable_file(tmp_path):
    p = tmp_path / "x.txt"
    p.write_text(JA, encoding="utf-8")
    p.chmod(0)
    try:
        with pytest.raises(InputError, match="permission denied"):
            read_text(p)
    finally:
        p.chmod(0o644)


@pytest.mark.parametrize(
    "content,pattern",
    [
        (b"", "is empty"),
        (b"   \n\n\t\r\n", "is empty"),
        (b"\x01\x02\x03\x04", "only control characters"),
        (bytes(range(1, 32)) * 5, "only control characters"),
        (b"text " + b"\x01\x02\x1b\x07" * 20, "control characters; this is binary"),
    ],
)
def test_empty_or_control_only_rejected(tmp_path, content, pattern):
    p = tmp_path / "x.txt"
    p.write_bytes(content)
    with pytest.raises(InputError, match=pattern):
        read_text(p)


@pytest.mark.parametrize(
    "data,pattern",
    [
        (bytes(range(256)) * 20, "not text in a recognised encoding"),
        (b"\x7fELF\x02\x01\x01\x00" + bytes(200) + b"\x90\xff" * 100, "binary data"),
        (random.Random(1).randbytes(5000), "not text in a recognised encoding|binary data"),
    ],
)
def test_binary_rejected(tmp_path, data, pattern):
    p = tmp_path / "x.bin"
    p.write_bytes(data)
    with pytest.raises(InputError, match=pattern):
        read_text(p)


def test_text_kept_exactly_crlf_cr_nul(tmp_path):
    p = tmp_path / "x.txt"
    raw = "一行目。\r\n二行目。\r三行\x00目。\n"
    p.write_bytes(raw.encode())
    assert read_text(p).text == raw


def test_oversized_file_refused_before_reading(tmp_path):
    p = tmp_path / "big.txt"
    with open(p, "wb") as fh:  # sparse: costs no disk, and must not be read
        fh.truncate(5 * 1024 * 1024)
    with pytest.raises(InputError, match="over the limit of .* bytes per article"):
        read_text(p)
    assert MAX_ARTICLE_BYTES < 5 * 1024 * 1024


def test_text_over_char_limit_refused():
    with pytest.raises(InputError, match="characters is over the limit"):
        check_text("a" * (MAX_INPUT_CHARS + 1), "reference")
    check_text("a" * (MAX_INPUT_CHARS + 1), "reference", max_chars=None)


@pytest.mark.parametrize("value", [None, 3, ["text"], {"a": 1}])
def test_api_text_of_wrong_type(value):
    with pytest.raises(InputError, match="expected text"):
        coerce_text(value, "reference")


def test_api_bytes_decoded():
    assert coerce_text(JA.encode("cp932"), "translation") == JA
    with pytest.raises(InputError):
        coerce_text(b"\x00\x01" * 100, "translation")


@pytest.mark.parametrize(
    "pairs,pattern",
    [(None, "expected an iterable"), ("ab", "expected an iterable"), ([], "no pairs"),
     ([("a",)], r"segments\[0\]: expected a"), ([("a", None)], "expected text"),
     ([("a", "  ")], "is empty")],
)
def test_api_pairs_validated(pairs, pattern):
    with pytest.raises(InputError, match=pattern):
        coerce_pairs(pairs)


def test_api_pairs_ok():
    assert coerce_pairs([("Hi.", b"\xe3\x81\x82")]) == [("Hi.", "あ")]


# --- bounds ------------------------------------------------------------------------------


def test_long_line_without_punctuation_split_in_bounded_pieces():
    text = ("これは句読点のない長い一行、" * 20_000)[:200_000]
    limit = MAX_SENTENCE_CHARS["ja"]
    doc = split_long_sentences(segment.segment(text, "ja"))
    assert len(doc.sentences) >= 200_000 // limit
    assert all(0 < s.end - s.start <= limit for s in doc.sentences)
    assert [s.index for s in doc.sentences] == list(range(len(doc.sentences)))
    # pieces are cut after a comma and cover the text in order, nothing but spaces lost
    assert all(text[s.end - 1] == "、" for s in doc.sentences[:-1])
    assert "".join(doc.sentence_text(i) for i in range(len(doc.sentences))) == text


def test_english_long_line_cut_at_spaces():
    text = " ".join(f"word{i}" for i in range(30_000))
    doc = split_long_sentences(segment.segment(text, "en"))
    assert all(s.end - s.start <= MAX_SENTENCE_CHARS["en"] for s in doc.sentences)
    assert all(not text[s.start].isspace() and not text[s.end - 1].isspace()
               for s in doc.sentences)
    assert all(text[s.end] == " " for s in doc.sentences[:-1])


def test_normal_documents_untouched():
    for p in [RIYADH / "ja.txt", RIYADH / "en.txt", *CASES.glob("*.txt")]:
        doc = segment.segment(p.read_text(encoding="utf-8"), "ja" if ".ja" in p.name or
                              p.name == "ja.txt" else "en")
        assert split_long_sentences(doc) is doc, p


def test_cut_without_any_break_at_the_limit():
    text = "あ" * 1_000
    doc = split_long_sentences(segment.segment(text, "ja"), 300)
    assert [(s.start, s.end) for s in doc.sentences] == [(0, 300), (300, 600), (600, 900),
                                                          (900, 1000)]


@pytest.mark.parametrize("mark", ["\u0301", "\u3099", "\u20dd"])
def test_combining_mark_run_is_cut_in_bounded_pieces(mark):
    # #15: 40,000 combining marks after one letter used to escape the cut (one 40,000-code-
    # point "sentence"), taking minutes and gigabytes in the checks
    text = "本文です。あ" + mark * 40_000 + "。終わり。"
    doc = split_long_sentences(segment.segment(text, "ja"))
    bound = MAX_SENTENCE_CHARS["ja"] + MAX_COMBINING_RUN
    assert all(0 < s.end - s.start <= bound for s in doc.sentences)
    assert "".join(doc.sentence_text(i) for i in range(len(doc.sentences))) == text


def test_a_few_combining_marks_stay_with_their_letter():
    text = "あ" * 299 + "か\u3099\u3099" + "あ" * 100  # the cut at 300 falls inside が゙
    doc = split_long_sentences(segment.segment(text, "ja"), 300)
    assert doc.sentences[0].end == 302
    assert not unicodedata.combining(text[doc.sentences[1].start])


def test_sentence_count_bound():
    doc = segment.segment("一。" * 50, "ja")
    check_sentence_count(doc, "x", 50)
    with pytest.raises(InputError, match="51 sentences is over the limit of 50"):
        check_sentence_count(segment.segment("一。" * 51, "ja"), "x", 50)


# --- matching normalisation --------------------------------------------------------------


def test_clean_text_needs_no_map():
    for p in [RIYADH / "ja.txt", RIYADH / "en.txt", *CASES.glob("*.txt")]:
        assert normalize_for_matching(p.read_text(encoding="utf-8")) is None


@pytest.mark.parametrize(
    "original,normalised",
    [
        ("外\u200b務大臣", "外務大臣"),  # zero-width space
        ("ｶﾞｲﾑ ﾀﾞｲｼﾞﾝ｡", "ガイム ダイジン。"),  # half-width katakana with sound marks
        ("Ｌａｖｒｏｖ は２０２５年", "Lavrov は2025年"),  # full-width Latin and digits
        ("a\x00b\ufeffc\u00add", "abcd"),  # NUL, BOM inside, soft hyphen
        ("一\u2028二\x0c三", "一\n二\n三"),  # Unicode line separators
        ("（東京）「発言」ｶ", "（東京）「発言」カ"),  # Japanese punctuation left alone
    ],
)
def test_normalisation_and_offsets(original, normalised):
    m = normalize_for_matching(original)
    assert m is not None and m.text == normalised
    # every normalised span maps back onto a span of the original with the same content
    for i in range(len(m.text)):
        for j in range(i + 1, len(m.text) + 1):
            s, e = m.span(i, j)
            assert 0 <= s < e <= len(original)
            back = normalize_for_matching(original[s:e])
            assert (back.text if back else original[s:e]) == m.text[i:j]
    assert m.span(len(m.text), len(m.text)) == (len(original), len(original))


def test_decomposed_japanese_gives_the_findings_of_composed_japanese():
    # NFD text (macOS, some CMS exports) writes バ as ハ + U+3099: unmatched, riyadh's
    # sounds and words went wrong (3 false majors more, its repetition and fragments lost)
    en = (RIYADH / "en.txt").read_text(encoding="utf-8")
    ja = (RIYADH / "ja.txt").read_text(encoding="utf-8")
    nfd = unicodedata.normalize("NFD", ja)
    assert nfd != ja
    composed = mtqa_check(en, ja)
    decomposed = mtqa_check(en, nfd)

    def key(r):
        return [(f.code, f.severity, unicodedata.normalize("NFC", f.text))
                for f in r.finding_list]

    assert key(decomposed) == key(composed)
    # offsets index the text as given, and never split a kana from its voicing mark
    for f in decomposed.finding_list:
        assert nfd[f.start : f.end] == f.text
        assert not (f.end < len(nfd) and unicodedata.combining(nfd[f.end]))
    assert any("combining marks composed" in n for n in decomposed.notes)


def mtqa_check(en, ja):
    import mtqa

    return mtqa.check(en, ja, backtranslator="dictionary")


def test_a_long_run_of_combining_marks_is_not_composed_into_one_span():
    # composing is for a letter and its few marks (NFD); a run of 40,000 marks taken as one
    # piece made one 40,001-character span that the sentence cut could not cut
    text = "あ" + "\u0301" * 100 + "い\u3099"  # い + a voicing mark is no character: kept
    m = normalize_for_matching(text)
    assert m is not None
    assert max(e - s for s, e in zip(m.starts, m.ends)) <= 31
    assert normalize_for_matching("ハ\u3099").text == "バ"
