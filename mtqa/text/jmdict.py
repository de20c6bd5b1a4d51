"""Offline English glosses of Japanese words from JMdict (jamdict + jamdict-data).

Used by the ``dictionary`` back-translator, the aligner's similarity and the checks that
compare Japanese content words with the English reference.
"""

from __future__ import annotations

import functools
import re
import sqlite3
import threading
from dataclasses import dataclass
from typing import Any

from ..errors import MissingDependencyError

_lock = threading.Lock()
_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")
# Gloss words that carry no content (articles, "to" of infinitives, bracketed notes).
_GLOSS_STOP = frozenset(
    "a an the to of be in on at for by with as or and one's someone something oneself "
    "esp etc e.g. i.e. sth sb".split()
)


#: One jamdict object per thread: its SQLite connections may be used only in the thread
#: that opened them, and a lookup from another thread failed (ProgrammingError), which
#: read as "no entry" and silently emptied the glosses of every later lookup (a notebook
#: or a server checking from several threads).
_local = threading.local()


def _jamdict() -> object:
    jam = getattr(_local, "jam", None)
    if jam is None:
        try:
            from jamdict import Jamdict
        except ImportError as err:  # pragma: no cover - declared dependency
            raise MissingDependencyError(
                "the dictionary engine needs jamdict; install with: pip install jamdict "
                "jamdict-data"
            ) from err
        jam = _local.jam = Jamdict(memory_mode=False)
    return jam


def database_file() -> str:
    """Path of the JMdict SQLite database of jamdict-data (for lookups jamdict has no API
    for, such as glosses by their English text: :func:`mtqa.text.lexicon.english_entry`).

    Raises:
        MissingDependencyError: jamdict or its data is not installed.
    """
    path = getattr(_jamdict(), "db_file", None)
    if not path:
        raise MissingDependencyError(
            "jamdict-data has no database file; reinstall it: pip install jamdict-data"
        )
    return str(path)


@functools.lru_cache(maxsize=1)
def dictionary_version() -> str:
    """Version of the JMdict data used (for the signature). Read once per process: the
    package metadata look-up scans site-packages, a millisecond for every report."""
    try:
        from importlib.metadata import version

        return "jmdict-" + version("jamdict-data")
    except Exception:  # noqa: BLE001 - metadata is optional information
        return "jmdict-unknown"


#: JMdict priority tags that mark a common word: the "common" marker of JMdict's own
#: documentation (news1, ichi1, spec1, spec2, gai1: the first half of the Mainichi word
#: frequency list, the "Ichimango goi bunruishuu", two editors' lists, common loanwords).
COMMON_PRIORITIES = frozenset({"news1", "ichi1", "spec1", "spec2", "gai1"})


@dataclass(frozen=True)
class _Entry:
    """The parts of a JMdict entry mtqa reads (jamdict objects are not kept: they hold the
    SQLite connection's rows and are not thread-safe)."""

    kanji: tuple[tuple[str, bool], ...]  # (form, common)
    kana: tuple[tuple[str, bool], ...]  # (form in hiragana, common)
    senses: tuple[tuple[str, ...], ...]  # gloss texts per sense, in dictionary order


def _form(f: Any) -> tuple[str, bool]:
    return str(f.text), bool(COMMON_PRIORITIES.intersection(str(p) for p in (f.pri or ())))


@functools.lru_cache(maxsize=65536)
def _entries(word: str) -> tuple[_Entry, ...]:
    """JMdict entries with ``word`` as a kanji or kana form (exact match), in dictionary
    order; empty for no match or a word jamdict cannot look up."""
    if not word or len(word) > 20:
        return ()
    jam = _jamdict()
    with _lock:  # the SQLite connection of jamdict is not thread-safe
        try:
            result = jam.lookup(  # type: ignore[attr-defined]
                word, strict_lookup=True, lookup_chars=False, lookup_ne=False
            )
        except sqlite3.Error:
            raise  # the dictionary itself failed: no entry would be a silent wrong answer
        except Exception:  # noqa: BLE001 - jamdict raises bare Exceptions on odd input
            return ()
        out = []
        for e in result.entries:
            kana = tuple((_hira(t), c) for t, c in (_form(k) for k in e.kana_forms))
            senses = tuple(
                tuple(t for t in (str(g.text) if hasattr(g, "text") else str(g)
                                  for g in sense.gloss) if t)
                for sense in e.senses
            )
            out.append(_Entry(tuple(_form(k) for k in e.kanji_forms), kana, senses))
    return tuple(out)


def _by_reading(entries: tuple[_Entry, ...], reading: str) -> list[_Entry]:
    """Entries whose kana matches ``reading`` first (stable: dictionary order kept)."""
    out = list(entries)
    if reading:
        want = _hira(reading)
        out.sort(key=lambda e: not any(k == want for k, _ in e.kana))
    return out


@functools.lru_cache(maxsize=65536)
def glosses(word: str, max_senses: int = 3, reading: str = "") -> tuple[str, ...]:
    """English glosses of ``word`` (exact match on kanji or kana forms), best sense first.

    Returns at most the glosses of the first ``max_senses`` senses of each matching entry,
    deduplicated, in dictionary order. When ``reading`` (katakana or hiragana, e.g. the
    UniDic reading of the token) is given, entries with that reading come first: 米 read
    ベイ is "America", read コメ it is "rice". Empty when JMdict has no such word.
    """
    out: list[str] = []
    for entry in _by_reading(_entries(word), reading)[:3]:
        for sense in entry.senses[:max_senses]:
            for text in sense:
                if text not in out:
                    out.append(text)
    return tuple(out)


@functools.lru_cache(maxsize=65536)
def common_gloss(word: str, reading: str = "", common_only: bool = False) -> str:
    """The usual English of ``word``: the first gloss of the first sense of the best
    matching entry, without notes in brackets or a leading "to ".

    Only entries whose kana matches ``reading`` are considered when there are any (米 read
    ベイ is "America", not "rice"); among them an entry where ``word`` (or the reading) is a
    common form (JMdict priority tags, :data:`COMMON_PRIORITIES`) comes before one where it
    is not, dictionary order breaking ties. Without that
    preference a kana word takes whichever homophone JMdict lists first: し is "Japanese
    cherry birch" (梓, a rare reading) rather than 市 "city" or the verb する (#16).

    Args:
        word: the form looked up (kanji or kana).
        reading: the token's reading, to choose among homographs.
        common_only: give "" rather than the gloss of an entry where neither ``word`` nor
            the reading is a common form (a kana word of an uncommon entry is more often a
            misspelling or a mis-split token than that word: さつき for さっき).

    Returns:
        The gloss, or "" when JMdict has none (or, with ``common_only``, no common one).
    """
    want = _hira(reading) if reading else ""
    key = _hira(word)

    def common(e: _Entry) -> bool:
        return any(c for f, c in e.kanji if f == word) or any(
            c for f, c in e.kana if f in (key, want)
        )

    entries = _entries(word)
    # the reading decides first (an entry read otherwise is another word); commonness
    # orders the entries that remain, dictionary order breaking ties
    same = [e for e in entries if any(k == want for k, _ in e.kana)] if want else []
    for entry in sorted(same or entries, key=lambda e: not common(e)):
        if common_only and not common(entry):
            continue
        for sense in entry.senses[:1]:
            for g in sense:
                g = re.sub(r"^to ", "", re.sub(r"\([^)]*\)", "", g).strip())
                if g:
                    return g
    return ""


def _hira(s: str) -> str:
    """Katakana → hiragana, to compare readings whatever script they are written in."""
    return "".join(chr(ord(c) - 0x60) if "\u30a1" <= c <= "\u30f6" else c for c in s)


@functools.lru_cache(maxsize=65536)
def gloss_words(word: str, max_senses: int = 3, reading: str = "") -> frozenset[str]:
    """Lower-cased content words of the glosses of ``word``.

    Cached process-wide as :func:`glosses` is (a word, not a text, keys it): the checks
    and the lexicon ask for the same words' glosses thousands of times an article (#17).
    """
    words: set[str] = set()
    for g in glosses(word, max_senses, reading):
        g = re.sub(r"\([^)]*\)", " ", g)
        for w in _WORD.findall(g):
            lw = w.lower()
            if lw not in _GLOSS_STOP and len(lw) > 1:
                words.add(lw)
    return frozenset(words)


def first_gloss(word: str, reading: str = "") -> str:
    """The most common rendering: first gloss of the first sense, without notes."""
    for g in glosses(word, 1, reading):
        g = re.sub(r"\([^)]*\)", "", g).strip()
        g = re.sub(r"^to ", "", g)
        if g:
            return g
    return ""
