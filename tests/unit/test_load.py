import codecs

import pytest

from mtqa.errors import InputError
from mtqa.load import decode, read_text

JA = "外務大臣は火曜日に述べた。"


@pytest.mark.parametrize(
    "data,encoding",
    [
        (JA.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + JA.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + JA.encode("utf-16-le"), "utf-16"),
        (JA.encode("shift_jis"), "cp932"),
        (JA.encode("euc_jp"), "euc_jp"),
    ],
)
def test_decode_detects_encoding(data, encoding):
    loaded = decode(data)
    assert loaded.text == JA
    assert loaded.encoding == encoding


def test_missing_file_names_the_file(tmp_path):
    with pytest.raises(InputError, match="nope.txt: no such file"):
        read_text(tmp_path / "nope.txt")


def test_directory_rejected(tmp_path):
    with pytest.raises(InputError, match="is a directory"):
        read_text(tmp_path)


@pytest.mark.parametrize("content", [b"", b"   \n\n", b"\x01\x02\x03\x04"])
def test_empty_or_control_only_rejected(tmp_path, content):
    p = tmp_path / "x.txt"
    p.write_bytes(content)
    with pytest.raises(InputError):
        read_text(p)


def test_binary_rejected(tmp_path):
    p = tmp_path / "x.bin"
    p.write_bytes(bytes(range(256)) * 20)
    with pytest.raises(InputError):
        read_text(p)


def test_text_kept_exactly_crlf(tmp_path):
    p = tmp_path / "x.txt"
    p.write_bytes("一行目。\r\n二行目。\r\n".encode())
    assert read_text(p).text == "一行目。\r\n二行目。\r\n"
