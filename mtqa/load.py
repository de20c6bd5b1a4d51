"""Loading inputs: bytes → text with the encoding detected, validated for use.

The decoded text is kept exactly (no newline or Unicode normalisation) so that finding
offsets index what the user gave us.
"""

from __future__ import annotations

import codecs
import os
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

#: Encodings tried in order after the BOMs: UTF-8, then the two legacy Japanese ones.
#: cp932 is Microsoft's Shift_JIS superset (what "Shift_JIS" files are in practice).
FALLBACK_ENCODINGS = ("utf-8", "cp932", "euc_jp")
#: Largest input accepted, in bytes (bounded time and memory; see README).
MAX_INPUT_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class LoadedText:
    text: str
    encoding: str
    source: str


def _looks_binary(data: bytes) -> bool:
    if b"\x00" in data[:4096] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # NUL bytes in a non-UTF-16 file: binary, unless almost all is text
        return data.count(b"\x00") > len(data) // 100
    return False


def decode(data: bytes, source: str = "<input>") -> LoadedText:
    """Decode bytes, detecting BOMs, UTF-8, Shift_JIS (cp932) and EUC-JP.

    Raises:
        InputError: empty, binary, or in no recognisable encoding.
    """
    if data.startswith(codecs.BOM_UTF8):
        return LoadedText(data[3:].decode("utf-8", errors="strict"), "utf-8-sig", source)
    for bom, enc in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                return LoadedText(data[2:].decode(enc), "utf-16", source)
            except UnicodeDecodeError as err:
                raise InputError(f"{source}: UTF-16 BOM but invalid UTF-16 ({err.reason})") from err
    if _looks_binary(data):
        raise InputError(f"{source}: looks like binary data, not text; give a UTF-8 text file")
    for enc in FALLBACK_ENCODINGS:
        try:
            return LoadedText(data.decode(enc), enc, source)
        except UnicodeDecodeError:
            continue
    raise InputError(
        f"{source}: not valid UTF-8, Shift_JIS or EUC-JP text; convert it to UTF-8"
    )


def check_text(text: str, source: str) -> None:
    """Reject inputs that cannot be checked: empty, whitespace or control characters only."""
    if not text.strip():
        raise InputError(f"{source}: is empty; give the article text")
    printable = sum(1 for c in text if c.isprintable() and not c.isspace())
    if printable == 0:
        raise InputError(f"{source}: contains only control characters, no text")


def read_text(path: str | os.PathLike[str]) -> LoadedText:
    """Read and decode a text file.

    Raises:
        InputError: missing, a directory, unreadable, too large, empty or undecodable.
    """
    p = Path(path)
    name = str(path)
    if not p.exists():
        raise InputError(f"{name}: no such file")
    if p.is_dir():
        raise InputError(f"{name}: is a directory; give a text file")
    try:
        size = p.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise InputError(
                f"{name}: {size} bytes is over the {MAX_INPUT_BYTES // (1024 * 1024)} MB limit; "
                "split the article"
            )
        data = p.read_bytes()
    except PermissionError as err:
        raise InputError(f"{name}: permission denied; check the file's permissions") from err
    except OSError as err:
        raise InputError(f"{name}: cannot read ({err.strerror})") from err
    loaded = decode(data, name)
    check_text(loaded.text, name)
    return loaded
