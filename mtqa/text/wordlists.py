"""The word lists shipped in ``mtqa/data/wordlists/``, read once and shared by every module.

Before #17 the checks each kept their own copy of the same lists (deictic prefixes, months,
number words), and the copies had drifted apart: the names check knew 故 but not 今, the
mistranslation check 今 but not 故. Each list is now one data file whose header says what it
is and where its entries come from; this module reads it (once per process: the files
ship with the package and never change while it runs) and gives it a typed shape.

File format: UTF-8 text, ``#`` starts a comment, blank lines are skipped; a ``.txt`` file
holds one entry a line and a ``.tsv`` file one row a line, its cells separated by tabs.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from importlib import resources
from types import MappingProxyType

#: The folder of the lists inside the package (shipped as package data, see pyproject.toml).
FOLDER = ("data", "wordlists")


class WordListError(RuntimeError):
    """A shipped word list is missing or malformed: a broken installation, not bad input, so
    it is an internal error (exit 3), not an :class:`~mtqa.errors.MtqaError` (exit 2)."""


@functools.cache
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of the word list ``name`` (a file of ``mtqa/data/wordlists/``), comments and
    blank lines left out, each split at tabs (a ``.txt`` list has one cell a row).

    Raises:
        WordListError: the file is not in the package.
    """
    try:
        text = resources.files("mtqa").joinpath(*FOLDER, name).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as err:
        raise WordListError(
            f"mtqa/data/wordlists/{name} is missing from the installed package; "
            "reinstall mtqa"
        ) from err
    out = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        out.append(tuple(cell.strip() for cell in line.split("\t")))
    return tuple(out)


def _cell(name: str, row: tuple[str, ...], k: int) -> str:
    if len(row) <= k:
        raise WordListError(f"mtqa/data/wordlists/{name}: row {row!r} has no column {k + 1}")
    return row[k]


@functools.cache
def entries(name: str) -> frozenset[str]:
    """The entries of a one-column list (``deictic_prefixes.txt``, ``negative_words.txt``)."""
    return frozenset(row[0] for row in rows(name))


def deictic_prefixes() -> frozenset[str]:
    """Kanji that open a compound referring back (同社, 当局, 両国, 前首相)."""
    return entries("deictic_prefixes.txt")


def name_particles() -> frozenset[str]:
    """Lower-case particles inside names (van der, del, von, bin): part of the name."""
    return entries("name_particles.txt")


def light_verbs() -> frozenset[str]:
    """Japanese light verbs (する, なる, ある, いる, できる), as UniDic lemmas and in kana."""
    return entries("light_verbs.txt")


def formal_nouns() -> frozenset[str]:
    """Japanese formal nouns (事, 為, 様, 場合, 後...): heads of a clause with no content."""
    return entries("formal_nouns.txt")


def particle_verbs() -> frozenset[str]:
    """Verbs that form compound particles after a particle (について, によって, として)."""
    return entries("particle_verbs.txt")


def legal_forms() -> frozenset[str]:
    """The legal forms that close a company's name (Inc, Ltd, plc, A/S, AG, GmbH, SA)."""
    return entries("legal_forms.txt")


def reporting_verbs() -> frozenset[str]:
    """Japanese reporting verbs as UniDic lemmas (述べる, 語る, 付け加える, 強調)."""
    return entries("reporting_verbs.txt")


def negative_words() -> frozenset[str]:
    """English words that license a negation in the Japanese (not, never, fail, refuse)."""
    return entries("negative_words.txt")


@functools.cache
def title_heads() -> Mapping[str, frozenset[str]]:
    """Japanese office heads (大統領, 相, 工場長) → the kinds of office they name
    (``title_heads.tsv``)."""
    name = "title_heads.tsv"
    return MappingProxyType({_cell(name, r, 0): frozenset(_cell(name, r, 1).split())
                             for r in rows(name)})


@functools.cache
def months() -> Mapping[str, int]:
    """Full English month names (lower case) → month number."""
    return MappingProxyType(
        {row[0]: int(_cell("months.tsv", row, 1)) for row in rows("months.tsv")}
    )


@functools.cache
def month_abbreviations() -> Mapping[str, int]:
    """Month abbreviations (jan, sept) → month number."""
    out: dict[str, int] = {}
    for row in rows("months.tsv"):
        number = int(_cell("months.tsv", row, 1))
        for abbr in (row[2] if len(row) > 2 else "").split():
            out[abbr] = number
    return MappingProxyType(out)


@functools.cache
def weekdays() -> Mapping[str, int]:
    """English weekday names (lower case) → number, 0 for Monday."""
    return MappingProxyType(
        {row[0]: int(_cell("weekdays.tsv", row, 1)) for row in rows("weekdays.tsv")}
    )


@functools.cache
def weekday_kanji() -> Mapping[str, int]:
    """The kanji of the Japanese weekday names (月 for 月曜日) → number, 0 for Monday."""
    return MappingProxyType(
        {_cell("weekdays.tsv", row, 2): int(row[1]) for row in rows("weekdays.tsv")}
    )


@functools.cache
def number_words(kind: str) -> Mapping[str, int]:
    """English number words of one kind (``cardinal`` or ``ordinal``) → value.

    Raises:
        ValueError: another kind (a programming error).
    """
    if kind not in {"cardinal", "ordinal"}:
        raise ValueError(f"number word kind must be cardinal or ordinal, not {kind!r}")
    return MappingProxyType({row[0]: int(row[1]) for row in rows("number_words.tsv")
                             if _cell("number_words.tsv", row, 2) == kind})


@functools.cache
def scales(form: str = "") -> Mapping[str, float]:
    """English scale words (``word``: hundred … trillion) or their abbreviations
    (``abbreviation``: k, m, bn …), or both (the default) → value."""
    return MappingProxyType({row[0]: float(row[1]) for row in rows("scales.tsv")
                             if not form or _cell("scales.tsv", row, 2) == form})
