"""Reading pre-aligned sentence pairs for ``mtqa check --segments FILE`` (``-``: stdin).

The file is a table with a header row naming a ``source`` column (the English) and a
``translation`` column (the Japanese), in any order and letter case, other columns
ignored. ``target`` and ``mt`` are accepted for ``translation`` and ``src`` for
``source`` (the names of WMT and of many translation-memory exports). Tab-separated when
the header has a tab (no quoting: a tab cannot occur inside a field, and quotation marks
are text), comma-separated otherwise (standard CSV quoting). Blank lines are skipped. A row
with more cells than the header, or a header naming a column twice (``source`` and ``src``),
is refused with its line: a text cut at a tab would otherwise be checked as a translation
that lost its end.
"""

from __future__ import annotations

import csv
import io

from ..errors import InputError
from ..load import classic_line_ends, coerce_pairs, read_text

#: Accepted header names of each column, first the canonical one.
COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    "source": ("source", "src"),
    "translation": ("translation", "target", "mt"),
}


def parse_segments(text: str, name: str = "segments") -> list[tuple[str, str]]:
    """Pairs from the text of a segments table (see the module docstring).

    Args:
        text: the decoded file content.
        name: the file name used in error messages.

    Raises:
        InputError: no header with both columns, a row with an empty side, malformed
            CSV, or no rows.
    """
    text = classic_line_ends(text)
    first = text.split("\n", 1)[0]
    tsv = "\t" in first
    reader = csv.reader(
        io.StringIO(text),
        delimiter="\t" if tsv else ",",
        quoting=csv.QUOTE_NONE if tsv else csv.QUOTE_MINIMAL,
        strict=not tsv,  # a stray quotation mark in a CSV file is an error, not data
    )
    try:
        rows = [(reader.line_num, row) for row in reader]
    except csv.Error as err:
        raise InputError(f"{name}: line {reader.line_num}: not a valid table ({err})") from err
    rows = [(n, r) for n, r in rows if any(c.strip() for c in r)]
    if not rows:
        raise InputError(f"{name}: empty; give a header row with 'source' and 'translation'")
    header = [c.strip().lstrip("\ufeff").lower() for c in rows[0][1]]
    index: dict[str, int] = {}
    for column, aliases in COLUMN_NAMES.items():
        found = [(i, h) for i, h in enumerate(header) if h in aliases]
        if len(found) > 1:  # which one is the text? never guess
            raise InputError(
                f"{name}: line {rows[0][0]}: the header names the {column} column more than "
                f"once ({', '.join(h for _, h in found)}); keep one")
        if found:
            index[column] = found[0][0]
    if len(index) < 2:
        raise InputError(
            f"{name}: needs a header row with columns 'source' and 'translation' "
            f"({'tab' if tsv else 'comma'}-separated; found: {', '.join(header) or 'none'})"
        )
    pairs: list[tuple[str, str]] = []
    for line, row in rows[1:]:
        if any(c.strip() for c in row[len(header):]):  # a cell would be dropped: a tab
            # or a comma inside a text (empty cells after the last column are no loss)
            raise InputError(
                f"{name}: line {line}: {len(row)} cells but the header has {len(header)}; "
                + ("a tab inside a text splits it (TSV has no quoting): replace the tab, or "
                   "give a CSV file with the text in quotes" if tsv else
                   "put a text with commas in double quotes"))
        cells = [row[index[c]].strip() if index[c] < len(row) else "" for c in COLUMN_NAMES]
        if not cells[0] or not cells[1]:
            side = "source" if not cells[0] else "translation"
            raise InputError(f"{name}: line {line}: empty {side}; every row needs both sides")
        pairs.append((cells[0], cells[1]))
    if not pairs:
        raise InputError(f"{name}: no segment rows after the header")
    return coerce_pairs(pairs, name)  # the API's bounds (size) apply to files too


def read_segments(path: str) -> list[tuple[str, str]]:
    """Pairs from a segments file (TSV or CSV with ``source`` and ``translation`` columns).

    Raises:
        InputError: unreadable file, missing columns, an empty side, or no rows.
    """
    loaded = read_text(path, max_chars=None)
    return parse_segments(loaded.text, str(path))
