"""CSV cells a spreadsheet will not run as formulas (OWASP, "CSV Injection").

Ids, titles and finding texts come from feeds and translations that mtqa does not control:
``=HYPERLINK(...)`` as a feed guid or a Japanese span starting with ``=`` would run when a
reviewer opens the CSV in a spreadsheet. Such a cell gets a leading ``'``, as OWASP
recommends; numbers are left as they are.
"""

from __future__ import annotations

from typing import Any

from .visible import visible

#: First characters that make a spreadsheet read a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: Any) -> Any:
    """``value`` with a leading ``'`` when it is text a spreadsheet would run as a formula,
    and its control characters shown (:func:`mtqa.report.visible.visible`: a NUL stops CSV
    readers); anything else unchanged."""
    if isinstance(value, str):
        # a carriage return too: csv quotes only the line terminator (\n), and a bare CR
        # splits the row for csv and pandas readers
        value = visible(value).replace("\r", "\u240d")
        if value.startswith(FORMULA_STARTS):
            return "'" + value
    return value
