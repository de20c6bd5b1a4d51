"""Segments files for ``mtqa check --segments`` (mtqa/cli/segments.py)."""

from __future__ import annotations

import pytest

from mtqa.errors import InputError
from mtqa.cli.segments import parse_segments, read_segments


def test_tsv_columns_in_any_order_and_case_extra_columns_and_blank_lines():
    text = "ID\tTranslation\tSource\n1\t猫がいる。\tA cat.\n\n2\t犬だ。\tA dog.\n"
    assert parse_segments(text) == [("A cat.", "猫がいる。"), ("A dog.", "犬だ。")]


def test_tsv_keeps_quotation_marks_as_text():
    text = 'source\ttranslation\n"Yalla" is a song.\t"Yalla"は歌だ。\n'
    assert parse_segments(text) == [('"Yalla" is a song.', '"Yalla"は歌だ。')]


def test_csv_with_quoted_commas_and_aliases():
    text = 'src,target\n"Paris, France",フランスのパリ\n'
    assert parse_segments(text) == [("Paris, France", "フランスのパリ")]


def test_crlf_and_bom(tmp_path):
    p = tmp_path / "s.tsv"
    p.write_bytes("\ufeffsource\ttranslation\r\nA cat.\t猫。\r\n".encode("utf-8"))
    assert read_segments(str(p)) == [("A cat.", "猫。")]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("english\tjapanese\nA cat.\t猫。\n", r"columns 'source' and 'translation' .*found: "
                                               r"english, japanese"),
        ("source\ttranslation\nA cat.\t\n", "line 2: empty translation"),
        ("source\ttranslation\nA cat.\t猫。\n\t犬。\n", "line 3: empty source"),
        ("source\ttranslation\nA cat.\n", "line 2: empty translation"),
        ("source\ttranslation\n\n", "no segment rows"),
        ("\n\n", "empty"),
        ('source,translation\n"A cat.,猫。\n', "not a valid table"),
        # a tab inside the translation would cut it: checked, it would be a critical
        # omission the translator never made
        ("source\ttranslation\nA cat.\t猫が\tいる。\n",
         r"line 2: 3 cells but the header has 2; a tab inside a text"),
        ("source,translation\nParis, France,パリ\n", "line 2: 3 cells .* double quotes"),
        ("source\tsrc\ttranslation\nA.\tB.\t猫。\n",
         r"names the source column more than once \(source, src\)"),
    ],
)
def test_bad_tables(text, message):
    with pytest.raises(InputError, match=message):
        parse_segments(text, "s.tsv")


def test_missing_file_names_it(tmp_path):
    with pytest.raises(InputError, match="nope.tsv"):
        read_segments(str(tmp_path / "nope.tsv"))


def test_empty_cells_after_the_last_column_are_no_loss():
    text = "source\ttranslation\nA cat.\t猫がいる。\t\t\n"
    assert parse_segments(text) == [("A cat.", "猫がいる。")]


def test_classic_mac_line_ends():
    assert parse_segments("source\ttranslation\rA cat.\t猫。\rA dog.\t犬だ。\r") == [
        ("A cat.", "猫。"), ("A dog.", "犬だ。")]
