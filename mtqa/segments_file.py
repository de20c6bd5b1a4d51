"""Reading pre-aligned sentence pairs (TSV/CSV with ``source`` and ``translation`` columns)."""

from __future__ import annotations

import csv
import io

from .errors import InputError
from .load import read_text


def read_segments(path: str) -> list[tuple[str, str]]:
    """Pairs from a TSV (or CSV) file with a header naming ``source`` and ``translation``.

    Raises:
        InputError: unreadable file, missing columns, or no rows.
    """
    loaded = read_text(path)
    text = loaded.text
    delimiter = "\t" if "\t" in text.split("\n", 1)[0] else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    fields = [f.strip().lower() for f in (reader.fieldnames or [])]
    if "source" not in fields or "translation" not in fields:
        raise InputError(
            f"{path}: needs a header row with columns 'source' and 'translation' "
            f"(found: {', '.join(fields) or 'none'})"
        )
    reader.fieldnames = fields
    pairs: list[tuple[str, str]] = []
    for n, row in enumerate(reader, start=2):
        src, tgt = (row.get("source") or "").strip(), (row.get("translation") or "").strip()
        if not src or not tgt:
            raise InputError(f"{path}: line {n}: empty source or translation")
        pairs.append((src, tgt))
    if not pairs:
        raise InputError(f"{path}: no segment rows")
    return pairs
