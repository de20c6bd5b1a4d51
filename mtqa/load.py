"""Loading inputs: bytes → text with the encoding detected, validated for use.

The decoded text is kept exactly (no newline or Unicode normalisation) so that finding
offsets index what the user gave us. Normalisation for *matching* (zero-width characters,
half-width katakana, full-width Latin) is done on a copy with an offset map back to the
original (:func:`normalize_for_matching`, :func:`restore_offsets`).

This module also holds the input bounds (characters, sentences, sentence length) that keep
time and memory bounded; README "Input and limits" states them.
"""

from __future__ import annotations

import codecs
import os
import re
import unicodedata
from array import array
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

from .errors import InputError
from .types import AlignedPair, Attribution, Document, Finding, Sentence

# --- bounds ------------------------------------------------------------------------------

#: Largest file accepted anywhere (feeds, manifests), in bytes: read into memory whole.
MAX_INPUT_BYTES = 20 * 1024 * 1024
#: Longest article text accepted, in characters per side. A long news feature is about
#: 30,000 characters (English); this is over three times that. Time grows about linearly
#: with the text (tokenising, back-translation, per-sentence checks; the aligner works in a
#: band): measured at the limit, 157 s and 412 MB with the dictionary engine on a third of
#: a core (README "Input and limits", benchmarks/input_bounds.py).
MAX_INPUT_CHARS = 100_000
#: Largest article *file*, in bytes: no encoding we read takes more than 4 bytes a
#: character, so a larger file cannot be under MAX_INPUT_CHARS and is refused from its
#: size alone, before it is read (a 5 MB file costs a stat, not a decode).
MAX_ARTICLE_BYTES = 4 * MAX_INPUT_CHARS
#: Most content sentences per side: the checks and the back-translation work per
#: sentence, so this caps a text of very many tiny lines (one word a line). 100,000
#: Japanese characters of news are about 1,600 sentences (data/riyadh: 61 a sentence).
MAX_SENTENCES = 2_000
#: A "sentence" longer than this many characters is cut into pieces at the last comma,
#: ideographic comma or space before the limit (text without punctuation, one very long
#: line): several checks compare every word of a pair with every other, so their time
#: grows with the square of a pair's length. Real sentences stay under the limits: the
#: longest of data/riyadh is 306 characters in English and 164 in Japanese, of data/cases
#: 247, of the WMT22 en-ja dev sources 148. Japanese packs about twice the content per
#: character (align.py's length prior), hence half the limit.
MAX_SENTENCE_CHARS: Mapping[str, int] = MappingProxyType({"en": 500, "ja": 250})
#: Most combining marks a sentence cut steps over to keep a character with its marks: the
#: Stream-Safe Text Format of Unicode (UAX #15) allows at most 30 non-starters in a row, so
#: real text never needs more; beyond it the cut falls between code points, and a sentence
#: piece stays within ``MAX_SENTENCE_CHARS + MAX_COMBINING_RUN`` code points.
MAX_COMBINING_RUN = 30
#: Text with more control characters than this share (tabs and line breaks aside) is
#: binary data or a corrupted file, not an article.
MAX_CONTROL_SHARE = 0.1

#: Said in every message about a bound.
_BOUNDED = "bounded time and memory: README 'Input and limits'"

# --- encodings ---------------------------------------------------------------------------

#: Human names of the encodings :func:`decode` reports.
ENCODING_NAMES = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 with BOM",
    "utf-16-le": "UTF-16 LE",
    "utf-16-be": "UTF-16 BE",
    "utf-32-le": "UTF-32 LE",
    "utf-32-be": "UTF-32 BE",
    "cp932": "Shift_JIS (cp932)",
    "euc_jp": "EUC-JP",
}
#: Legacy Japanese encodings tried when the bytes are not UTF-8. cp932 is Microsoft's
#: Shift_JIS superset (what "Shift_JIS" files are in practice).
LEGACY_ENCODINGS = ("cp932", "euc_jp")
#: A legacy decoding is accepted only when at least this share of its characters is what
#: Japanese or English text is made of (see :func:`plausibility`). cp932 and EUC-JP decode
#: many random byte strings without error; what comes out is then mostly rare (JIS level-2
#: or vendor) kanji, stray half-width katakana, private-use and control characters.
#: Measured: real Japanese news (data/riyadh, data/cases) scores 0.999–1.00 in both
#: encodings; of random byte strings (500 each of 16, 64, 256 and 4,096 bytes, uniform or
#: printable ASCII + 0xA1–0xFE) those of 64 bytes or more that decode at all score at most
#: 0.86, and none is accepted; 16-byte ones are too short to tell (17 of 1,000 pass).
MIN_PLAUSIBILITY = 0.9
#: UTF-16 without a BOM is tried when NUL bytes are at least this share of the bytes of one
#: parity (the high byte of ASCII characters) and almost none of the other.
UTF16_NUL_SHARE = 0.2
#: Share of NUL bytes above which a (non-UTF-16) file is binary data.
BINARY_NUL_SHARE = 0.01
#: Share of kana a BOM-less UTF-16 decoding without NUL bytes on one parity must show to be
#: taken for Japanese (riyadh's Japanese: 0.31; random bytes read as UTF-16: about 0.003)
MIN_UTF16_KANA_SHARE = 0.05

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM begins with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass(frozen=True, slots=True)
class LoadedText:
    """A decoded input.

    Attributes:
        text: the text exactly as decoded (BOM removed, nothing else changed).
        encoding: the codec used (a key of :data:`ENCODING_NAMES`).
        source: the file name or label, for messages.
    """

    text: str
    encoding: str
    source: str

    @property
    def encoding_name(self) -> str:
        """Readable name of the encoding, e.g. ``Shift_JIS (cp932)``."""
        return ENCODING_NAMES.get(self.encoding, self.encoding)


def _is_plausible_char(c: str) -> float:
    """Weight of one decoded character as evidence of real Japanese/English text."""
    o = ord(c)
    if o < 0x80:
        return 1.0 if (0x20 <= o < 0x7F or c in "\t\n\r") else 0.0
    if 0x3041 <= o <= 0x3096 or 0x30A1 <= o <= 0x30FA or c in "ー・々〆ヽヾゝゞ":
        return 1.0  # hiragana, katakana
    if 0x3000 <= o <= 0x303F or 0xFF01 <= o <= 0xFF5E or 0x2010 <= o <= 0x2027:
        return 1.0  # CJK punctuation, full-width ASCII, general punctuation (— ‘ ’ “ ” …)
    if 0x4E00 <= o <= 0x9FFF:
        # JIS X 0208 level-1 kanji (EUC-JP lead byte 0xB0–0xCF) are the common ones; level 2
        # (names, rare words) occurs in real text but far less often; IBM/NEC extension
        # kanji are what random bytes decode to in cp932.
        try:
            lead = c.encode("euc_jp")[0]
        except UnicodeEncodeError:
            return 0.0
        return 1.0 if 0xB0 <= lead <= 0xCF else 0.5
    if 0xFF61 <= o <= 0xFF9F:
        return 0.5  # half-width katakana alone: what single random high bytes decode to
    if 0x00A0 <= o <= 0x00FF and unicodedata.category(c)[0] in "LPSZ":
        return 0.5
    cat = unicodedata.category(c)
    if cat[0] in "CZ" and c not in "\u3000":
        return 0.0  # control, private use, unassigned, odd separators
    return 0.5  # other symbols (①, ※, Greek, Cyrillic in JIS): possible, not typical


def plausibility(text: str) -> float:
    """Share (0–1) of ``text`` made of characters typical of Japanese or English text.

    Used to choose between legacy decodings and to refuse random bytes; see
    :data:`MIN_PLAUSIBILITY`.
    """
    if not text:
        return 0.0
    # the ASCII part is checked in one pass; only non-ASCII characters are looked at singly
    ascii_ok = len(re.findall(r"[\x20-\x7e\t\n\r]", text))
    # half-width katakana in runs (words) are real text from older systems
    kana_runs = sum(len(m) for m in _HALFWIDTH_RUN.findall(text))
    other = _HALFWIDTH_RUN.sub("", text)
    other_ok = sum(_is_plausible_char(c) for c in other if ord(c) >= 0x80)
    return (ascii_ok + kana_runs + other_ok) / len(text)


# three or more half-width katakana in a row: a word, not a stray byte
_HALFWIDTH_RUN = re.compile(r"[\uff61-\uff9f]{3,}")


def _utf16_parity(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when NUL bytes sit on one parity as in BOM-less UTF-16 text."""
    if len(data) < 4 or len(data) % 2:
        return None
    even = data[0::2].count(0)
    odd = data[1::2].count(0)
    half = len(data) // 2
    if odd >= UTF16_NUL_SHARE * half and even <= odd // 20:
        return "utf-16-le"  # ASCII "A" is 41 00
    if even >= UTF16_NUL_SHARE * half and odd <= even // 20:
        return "utf-16-be"
    return None


def classic_line_ends(text: str) -> str:
    """``text`` with classic Mac OS line ends (CR only, in a text with no LF) turned into
    LF, for readers that split lines at LF (line-aligned files, segment tables); a CR in a
    text with LF ends stays as it is."""
    return text.replace("\r", "\n") if "\r" in text and "\n" not in text else text


def _kana_share(text: str) -> float:
    return sum("\u3040" <= c <= "\u30ff" for c in text) / len(text) if text else 0.0


def _looks_cp1252(data: bytes) -> bool:
    """Western-European Windows text: high bytes only as accents and curly quotes."""
    high = [b for b in data if b >= 0x80]
    return bool(high) and all(b in b"\x91\x92\x93\x94\x96\x97\x85" or b >= 0xC0 for b in high)


def decode(data: bytes, source: str = "<input>") -> LoadedText:
    """Decode bytes: BOMs (UTF-8, UTF-16, UTF-32), UTF-8, BOM-less UTF-16, Shift_JIS, EUC-JP.

    Legacy decodings are accepted only when the result is plausible text (see
    :func:`plausibility`); the more plausible of cp932 and EUC-JP wins.

    Args:
        data: the file's bytes.
        source: the file name or label, for messages.

    Returns:
        The text, with the encoding used.

    Raises:
        InputError: binary data, or bytes in no recognisable encoding.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            codec = "utf-8" if enc == "utf-8-sig" else enc
            try:
                return LoadedText(data[len(bom) :].decode(codec), enc, source)
            except UnicodeDecodeError as err:
                raise InputError(
                    f"{source}: starts with a {ENCODING_NAMES[enc]} byte-order mark but is not "
                    f"valid {ENCODING_NAMES[enc]} ({err.reason} at byte {err.start}); "
                    "re-save it as UTF-8"
                ) from err
    try:
        utf8: str | None = data.decode("utf-8")
    except UnicodeDecodeError:
        utf8 = None
    parity = _utf16_parity(data)
    # NUL is valid UTF-8: English in BOM-less UTF-16 (41 00 42 00) decodes as UTF-8 too
    if utf8 is not None and not (parity and "\x00" in utf8):
        return LoadedText(utf8, "utf-8", source)
    # BOM-less UTF-16: ASCII puts NUL bytes on one parity; Japanese has few ASCII
    # characters, but its kana (U+3040–U+30FF), which random or legacy bytes read as UTF-16
    # almost never give, tell it as well
    for enc in [parity] if parity else (["utf-16-le", "utf-16-be"] if len(data) % 2 == 0
                                        else []):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if plausibility(text) >= MIN_PLAUSIBILITY and (
                enc == parity or _kana_share(text) >= MIN_UTF16_KANA_SHARE):
            return LoadedText(text, enc, source)
    if utf8 is not None:  # NUL bytes in UTF-8 text: the validation names them
        return LoadedText(utf8, "utf-8", source)
    if data.count(0) > BINARY_NUL_SHARE * len(data):
        raise InputError(f"{source}: looks like binary data (NUL bytes), not text; "
                         "give a UTF-8 text file")
    best: tuple[float, str, str] | None = None
    for enc in LEGACY_ENCODINGS:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        score = plausibility(text)
        if best is None or score > best[0]:
            best = (score, enc, text)
    if best is not None and best[0] >= MIN_PLAUSIBILITY:
        return LoadedText(best[2], best[1], source)
    hint = (
        " (it looks like Windows-1252/Latin-1: iconv -f cp1252 -t utf-8)"
        if _looks_cp1252(data)
        else ""
    )
    raise InputError(
        f"{source}: not text in a recognised encoding (UTF-8, UTF-16, Shift_JIS, EUC-JP); "
        f"convert it to UTF-8{hint}"
    )


# --- validation --------------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
#: A lone UTF-16 surrogate: not a character, cannot be encoded (caches, outputs), so a text
#: holding one (from a JSON "\\ud800" escape or a Python string) is bad input (#15).
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def check_text(text: object, source: str, max_chars: int | None = MAX_INPUT_CHARS) -> None:
    """Reject inputs that cannot be checked.

    Args:
        text: the decoded text (anything else is refused).
        source: the file name or label, for messages.
        max_chars: longest text accepted (``None``: no limit).

    Raises:
        InputError: not a string, empty, whitespace or control characters only, mostly
            control characters, a lone surrogate, or over the length limit.
    """
    if not isinstance(text, str):
        raise InputError(
            f"{source}: expected text (str), got {type(text).__name__}; pass the article text"
        )
    if max_chars is not None and len(text) > max_chars:
        raise InputError(
            f"{source}: {len(text):,} characters is over the limit of {max_chars:,} per "
            f"article ({_BOUNDED}); split the article"
        )
    if not text.strip():
        raise InputError(f"{source}: is empty; give the article text")
    lone = _SURROGATE.search(text)
    if lone is not None:
        raise InputError(
            f"{source}: character {lone.start():,} is a lone surrogate "
            f"(U+{ord(lone.group()):04X}), not text; fix the input's encoding"
        )
    controls = len(_CONTROL.findall(text))
    printable = sum(1 for c in text if c.isprintable() and not c.isspace())
    if printable == 0:
        raise InputError(f"{source}: contains only control characters, no text")
    if controls > MAX_CONTROL_SHARE * len(text):
        raise InputError(
            f"{source}: {controls:,} of {len(text):,} characters are control characters; this "
            "is binary or corrupted data, not an article"
        )


def coerce_text(value: object, source: str, max_chars: int | None = MAX_INPUT_CHARS) -> str:
    """The text of an API argument: a ``str`` as is, ``bytes`` decoded as a file would be.

    Args:
        value: what the caller passed.
        source: its name, for messages (``reference``, ``translation``).
        max_chars: longest text accepted.

    Returns:
        The validated text (offsets of the report index it).

    Raises:
        InputError: another type, undecodable bytes, or a text :func:`check_text` refuses.
    """
    if isinstance(value, (bytes, bytearray, memoryview)):
        data = bytes(value)
        if max_chars is not None and len(data) > 4 * max_chars:
            raise InputError(
                f"{source}: {len(data):,} bytes is over the limit of {4 * max_chars:,} bytes "
                f"per article ({_BOUNDED}); split the article"
            )
        value = decode(data, source).text
    check_text(value, source, max_chars)
    return value  # type: ignore[return-value]


def coerce_pairs(pairs: object, source: str = "segments") -> list[tuple[str, str]]:
    """Validate pre-aligned ``(source, translation)`` pairs given to the API.

    Raises:
        InputError: not an iterable of two-item pairs of text, or no pairs at all.
    """
    if isinstance(pairs, (str, bytes)) or not hasattr(pairs, "__iter__"):
        raise InputError(
            f"{source}: expected an iterable of (source, translation) pairs, got "
            f"{type(pairs).__name__}"
        )
    out: list[tuple[str, str]] = []
    total = 0
    for n, item in enumerate(pairs):  # type: ignore[call-overload]
        if isinstance(item, (str, bytes)) or not hasattr(item, "__len__") or len(item) != 2:
            raise InputError(
                f"{source}[{n}]: expected a (source, translation) pair, got {item!r:.60}"
            )
        src = coerce_text(item[0], f"{source}[{n}] source", None)
        tgt = coerce_text(item[1], f"{source}[{n}] translation", None)
        total += len(src) + len(tgt)
        out.append((src, tgt))
    if not out:
        raise InputError(f"{source}: no pairs given")
    if total > 2 * MAX_INPUT_CHARS:
        raise InputError(
            f"{source}: {total:,} characters is over the limit of {2 * MAX_INPUT_CHARS:,} "
            f"({_BOUNDED}); check fewer pairs at a time"
        )
    return out


def read_text(
    path: str | os.PathLike[str], max_chars: int | None = MAX_INPUT_CHARS
) -> LoadedText:
    """Read, decode and validate a text file.

    Args:
        path: the file.
        max_chars: longest text accepted (``None``: no limit beyond
            :data:`MAX_INPUT_BYTES`).

    Raises:
        InputError: missing, a directory, unreadable, too large, empty or undecodable.
    """
    p = Path(path)
    name = str(path)
    max_bytes = MAX_INPUT_BYTES if max_chars is None else min(MAX_INPUT_BYTES, 4 * max_chars)
    try:
        if not p.exists():
            raise InputError(f"{name}: no such file")
        if p.is_dir():
            raise InputError(f"{name}: is a directory; give a text file")
        if not p.is_file():
            raise InputError(f"{name}: is not a regular file; give a text file")
        size = p.stat().st_size
        if size > max_bytes:
            raise InputError(
                f"{name}: {size:,} bytes is over the limit of {max_bytes:,} bytes per article "
                f"({_BOUNDED}); split the article"
            )
        data = p.read_bytes()
    except PermissionError as err:
        raise InputError(f"{name}: permission denied; check the file's permissions") from err
    except OSError as err:
        raise InputError(f"{name}: cannot read ({err.strerror})") from err
    loaded = decode(data, name)
    check_text(loaded.text, name, max_chars)
    return loaded


# --- sentence bounds ---------------------------------------------------------------------

_SOFT_BREAK = re.compile(r"[,、，;；:：\s]")


def split_long_sentences(doc: Document, max_chars: int | None = None) -> Document:
    """Cut sentences longer than ``max_chars`` into pieces, offsets kept.

    Each cut is made after the last comma, ideographic comma, semicolon or space in the
    window (at the limit when there is none), so that a text without sentence punctuation
    is still checked in bounded pieces.

    Args:
        doc: a segmented document.
        max_chars: longest piece (default: :data:`MAX_SENTENCE_CHARS` of ``doc.lang``).

    Returns:
        ``doc`` itself when no sentence is too long, else a document with the long
        sentences replaced by their pieces (re-indexed).
    """
    if max_chars is None:
        max_chars = MAX_SENTENCE_CHARS.get(doc.lang, MAX_SENTENCE_CHARS["en"])
    if all(s.end - s.start <= max_chars for s in doc.sentences):
        return doc
    out: list[Sentence] = []
    text = doc.text
    for s in doc.sentences:
        start = s.start
        while s.end - start > max_chars:
            cut = start + max_chars
            window = text[start + max_chars // 2 : cut]
            breaks = list(_SOFT_BREAK.finditer(window))
            if breaks:
                cut = start + max_chars // 2 + breaks[-1].end()
            # never cut between a base and its combining marks, but look past at most
            # MAX_COMBINING_RUN of them: a run of thousands (#15: 40,000 marks after one
            # letter) would otherwise make one unbounded "sentence" and bring back the time
            # and memory the cut is there to bound
            limit = min(s.end, cut + MAX_COMBINING_RUN)
            while cut < limit and unicodedata.combining(text[cut]):
                cut += 1
            piece_end = cut
            while piece_end > start and text[piece_end - 1].isspace():
                piece_end -= 1
            if piece_end > start:
                out.append(Sentence(len(out), start, piece_end, s.paragraph, s.chrome))
            start = cut
            while start < s.end and text[start].isspace():
                start += 1
        if start < s.end:
            out.append(Sentence(len(out), start, s.end, s.paragraph, s.chrome))
    return Document(doc.text, tuple(out), doc.lang)


def check_sentence_count(doc: Document, source: str, max_sentences: int = MAX_SENTENCES) -> None:
    """Refuse a document with more content sentences than the bound.

    Raises:
        InputError: over ``max_sentences`` content sentences.
    """
    n = sum(1 for s in doc.sentences if not s.chrome)
    if n > max_sentences:
        raise InputError(
            f"{source}: {n:,} sentences is over the limit of {max_sentences:,} per article "
            f"({_BOUNDED}); split the article"
        )


# --- normalisation for matching ----------------------------------------------------------

# Characters that change under matching normalisation: format characters (zero-width
# space/joiners, word joiner, BOM, soft hyphen, bidi marks), control characters other than
# tab and line breaks, Unicode line separators, half-width katakana and punctuation,
# full-width Latin letters and digits.
_NEEDS_NORM = re.compile(
    "[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029"
    "\uff61-\uff9f\uff10-\uff19\uff21-\uff3a\uff41-\uff5a"
    "\u0300-\u036f\u3099\u309a]"
)
#: Combining marks that NFC composes with the character before them: decomposed (NFD) text,
#: from macOS file names and some CMS exports, writes バ as ハ + U+3099 and é as e + U+0301.
_COMBINING = re.compile("[\u0300-\u036f\u3099\u309a]")
#: An ANSI escape sequence (CSI: ESC [ parameters final byte; or ESC and one character),
#: pasted from a terminal: removed whole, not only its ESC.
_ANSI_ESCAPE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|[@-Z\\-_])")
_LINE_SEPARATORS = "\x0b\x0c\x85\u2028\u2029"
_HALFWIDTH_MARKS = "\uff9e\uff9f"  # half-width (semi-)voiced sound marks, combine with kana


@dataclass(frozen=True)
class OffsetMap:
    """A normalised copy of a text and the way back to the original's offsets.

    ``starts[i]``/``ends[i]`` are the original offsets of the chunk that normalised
    character ``i`` came from (a chunk is one character, or a half-width kana with its
    sound mark).
    """

    original: str
    text: str
    starts: array  # type: ignore[type-arg]
    ends: array  # type: ignore[type-arg]
    changed: int

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets of the normalised span ``start:end``."""
        n = len(self.text)
        if start >= end:
            pos = self.starts[start] if start < n else len(self.original)
            return pos, pos
        return self.starts[start], self.ends[min(end, n) - 1]


def _composed(text: str, i: int) -> tuple[str, int] | None:
    """(NFC of the character at ``i`` with the combining marks after it, end of what it
    took), or None when NFC composes nothing there. At most :data:`MAX_COMBINING_RUN` marks
    are taken: a longer run (no text has one) stays a character each, so that the sentence
    cut can still cut it and spans stay short."""
    j = i + 1
    while j < len(text) and j - i <= MAX_COMBINING_RUN and _COMBINING.match(text[j]):
        j += 1
    piece = unicodedata.normalize("NFC", text[i:j])
    return (piece, j) if piece != text[i:j] else None


def normalize_for_matching(text: str) -> OffsetMap | None:
    """Normalise ``text`` for matching, keeping a map back to the original offsets.

    Removes zero-width and other format characters and control characters (NUL…), turns
    Unicode line separators and form feeds into ``\\n``, half-width katakana into
    full-width (NFKC), full-width Latin letters and digits into ASCII, and composes a
    character with the combining marks after it (NFC: decomposed ハ + U+3099 is バ). Full-width
    punctuation (、。「」（）) is Japanese typography and is left alone.

    Args:
        text: the text exactly as decoded.

    Returns:
        ``None`` when nothing changes (the common case, no copy is made), else the map.
    """
    if not _NEEDS_NORM.search(text):
        return None
    out: list[str] = []
    starts = array("q")
    ends = array("q")
    changed = 0
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        j = i + 1
        if c == "\x1b" and (m := _ANSI_ESCAPE.match(text, i)):
            j = m.end()
            piece = ""  # a terminal colour code (ESC [31m): its "31" is no number of the text
        elif (j < n and _COMBINING.match(text[j]) and not _NEEDS_NORM.match(c)
              and (composed := _composed(text, i)) is not None):
            piece, j = composed  # ハ + ゛ → バ
        elif not _NEEDS_NORM.match(c):
            piece = c
        elif c in _LINE_SEPARATORS:
            piece = "\n"
        elif c in "\t\n\r":
            piece = c
        elif "\uff61" <= c <= "\uff9f":
            while j < n and text[j] in _HALFWIDTH_MARKS:
                j += 1
            piece = unicodedata.normalize("NFKC", text[i:j])
        elif "\uff10" <= c <= "\uff5a":
            piece = unicodedata.normalize("NFKC", c)
        else:
            piece = ""  # format or control character: dropped
        if piece != text[i:j]:
            changed += j - i
        for ch in piece:
            out.append(ch)
            starts.append(i)
            ends.append(j)
        i = j
    return OffsetMap(text, "".join(out), starts, ends, changed)


_T = TypeVar("_T")


def _finding_back(f: Finding, mt: OffsetMap | None, ja_text: str) -> Finding:
    if mt is None:
        return f
    start, end = mt.span(f.start, f.end)
    return replace(f, start=start, end=end, text=ja_text[start:end])


def _pair_back(
    p: AlignedPair, ref: OffsetMap | None, mt: OffsetMap | None, en_text: str, ja_text: str
) -> AlignedPair:
    rs, re_ = ref.span(p.ref_start, p.ref_end) if ref else (p.ref_start, p.ref_end)
    ms, me = mt.span(p.mt_start, p.mt_end) if mt else (p.mt_start, p.mt_end)
    attrs: Sequence[Attribution] = p.attributions
    if mt is not None and attrs:
        moved = []
        for a in attrs:
            s, e = mt.span(p.mt_start + a.ja_start, p.mt_start + a.ja_end)
            moved.append(replace(a, ja_start=s - ms, ja_end=e - ms))
        attrs = tuple(moved)
    return replace(
        p, ref_start=rs, ref_end=re_, mt_start=ms, mt_end=me,
        reference=en_text[rs:re_], translation=ja_text[ms:me], attributions=tuple(attrs),
    )


def restore_offsets(report: _T, ref: OffsetMap | None, mt: OffsetMap | None) -> _T:
    """Map a report computed on normalised texts back onto the original texts.

    Offsets of segments, attributions and findings then index the original texts, and each
    finding's ``text`` is the original span (``ja_text[start:end] == text`` holds).

    Args:
        report: a :class:`~mtqa.report.Report` of the normalised texts.
        ref: the map of the reference (``None``: unchanged).
        mt: the map of the translation (``None``: unchanged).

    Returns:
        The report on the original texts, with a note saying what was normalised.
    """
    if ref is None and mt is None:
        return report
    r: Any = report
    en_text = ref.original if ref else r.reference_text
    ja_text = mt.original if mt else r.translation_text
    segments = tuple(
        replace(s, pair=_pair_back(s.pair, ref, mt, en_text, ja_text)) for s in r.segment_list
    )
    findings = tuple(_finding_back(f, mt, ja_text) for f in r.finding_list)
    changed = [
        f"{name} {m.changed:,}" for name, m in (("reference", ref), ("translation", mt)) if m
    ]
    note = (
        "characters normalised for matching (zero-width/control removed, half-width kana "
        "and full-width Latin folded, combining marks composed): "
        f"{', '.join(changed)}; offsets index the original text"
    )
    return replace(  # type: ignore[no-any-return]
        r, reference_text=en_text, translation_text=ja_text, segment_list=segments,
        finding_list=findings, notes=(*r.notes, note),
    )
