"""Control characters of the texts made visible in outputs people read or open in other
programs: a bell or a terminal escape pasted into an article must not drive the terminal a
text report is printed on, and a NUL in a feed id stops spreadsheet and ``csv`` readers
("line contains NUL"). Each becomes its Unicode picture (␇, ␛, ␀; ␡), or � for a C1 code,
one character for one, so that offsets into the text still hold. Tab, newline and carriage
return are kept (a report lays its lines out with them; CSV quoting keeps them)."""

from __future__ import annotations

_PICTURES = {c: 0x2400 + c for c in [*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20)]}
_PICTURES.update({0x7F: 0x2421, **{c: 0xFFFD for c in range(0x80, 0xA0)}})


def visible(text: str) -> str:
    """``text`` with its control characters (but tab, newline and carriage return) shown as
    their pictures, one character for one."""
    return text.translate(_PICTURES)
