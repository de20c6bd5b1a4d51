"""CSV cells a spreadsheet will not run as formulas (OWASP, "CSV Injection").

Ids, titles and finding texts come from feeds and translations that mtqa does not control:
``=HYPERLINK(...)`` as a feed guid or a Japanese span starting with ``=`` would run when a
reviewer opens the CSV in a spreadsheet. Such a cell gets a leading ``'``, as OWASP
recommends; numbers are left as they are.
"""

from __future__ import annotations

from typing import Any

#: First characters that make a spreadsheet read a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: Any) -> Any:
    """``value`` with a leading ``'`` when it is text a spreadsheet would run as a formula;
    anything else unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
