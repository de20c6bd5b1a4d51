"""Offline English glosses of Japanese words from JMdict (jamdict + jamdict-data).

Used by the ``dictionary`` back-translator, the aligner's similarity and the checks that
compare Japanese content words with the English reference.
"""

from __future__ import annotations

import functools
import re
import threading

from .errors import MissingDependencyError

_lock = threading.Lock()
_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")
# Gloss words that carry no content (articles, "to" of infinitives, bracketed notes).
_GLOSS_STOP = frozenset(
    "a an the to of be in on at for by with as or and one's someone something oneself "
    "esp etc e.g. i.e. sth sb".split()
)


@functools.lru_cache(maxsize=1)
def _jamdict() -> object:
    try:
        from jamdict import Jamdict
    except ImportError as err:  # pragma: no cover - declared dependency
        raise MissingDependencyError(
            "the dictionary engine needs jamdict; install with: pip install jamdict jamdict-data"
        ) from err
    return Jamdict(memory_mode=False)


def database_file() -> str:
    """Path of the JMdict SQLite database of jamdict-data (for lookups jamdict has no API
    for, such as glosses by their English text: :func:`mtqa.lexicon.english_entry`).

    Raises:
        MissingDependencyError: jamdict or its data is not installed.
    """
    path = getattr(_jamdict(), "db_file", None)
    if not path:
        raise MissingDependencyError(
            "jamdict-data has no database file; reinstall it: pip install jamdict-data"
        )
    return str(path)


def dictionary_version() -> str:
    """Version of the JMdict data used (for the signature)."""
    try:
        from importlib.metadata import version

        return "jmdict-" + version("jamdict-data")
    except Exception:  # noqa: BLE001 - metadata is optional information
        return "jmdict-unknown"


@functools.lru_cache(maxsize=65536)
def glosses(word: str, max_senses: int = 3, reading: str = "") -> tuple[str, ...]:
    """English glosses of ``word`` (exact match on kanji or kana forms), best sense first.

    Returns at most the glosses of the first ``max_senses`` senses of each matching entry,
    deduplicated, in dictionary order. When ``reading`` (katakana or hiragana, e.g. the
    UniDic reading of the token) is given, entries with that reading come first: 米 read
    ベイ is "America", read コメ it is "rice". Empty when JMdict has no such word.
    """
    if not word or len(word) > 20:
        return ()
    jam = _jamdict()
    with _lock:  # the SQLite connection of jamdict is not thread-safe
        try:
            result = jam.lookup(  # type: ignore[attr-defined]
                word, strict_lookup=True, lookup_chars=False, lookup_ne=False
            )
        except Exception:  # noqa: BLE001 - jamdict raises bare Exceptions on odd input
            return ()
    entries = list(result.entries)
    if reading:
        want = _hira(reading)
        # stable sort: entries whose kana matches the reading first, dictionary order kept
        entries.sort(key=lambda e: not any(_hira(str(k.text)) == want for k in e.kana_forms))
    out: list[str] = []
    for entry in entries[:3]:
        for sense in entry.senses[:max_senses]:
            for g in sense.gloss:
                text = str(g.text) if hasattr(g, "text") else str(g)
                if text and text not in out:
                    out.append(text)
    return tuple(out)


def _hira(s: str) -> str:
    """Katakana → hiragana, to compare readings whatever script they are written in."""
    return "".join(chr(ord(c) - 0x60) if "\u30a1" <= c <= "\u30f6" else c for c in s)


def gloss_words(word: str, max_senses: int = 3, reading: str = "") -> frozenset[str]:
    """Lower-cased content words of the glosses of ``word``."""
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
