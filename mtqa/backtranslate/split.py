"""Split an over-long Japanese sentence into clause-sized pieces for a length-limited model.

A MarianMT model cannot read past its position limit, and the transformers tokenizer
would silently cut the rest off. Instead, a sentence over the limit is cut at the
strongest clause boundary available (sentence-final punctuation that the segmenter
kept inside one "sentence", then semicolons and colons, then the reading comma 、,
then closing brackets, then whitespace), each piece is back-translated on its own and
the English pieces are joined. Only when a stretch has no boundary at all is it cut
between characters; nothing is ever dropped.

Spans are ``(start, end)`` character offsets into the sentence, so that attributions
of the pieces can be shifted back onto the whole sentence.
"""

from __future__ import annotations

from collections.abc import Callable

from ..segment import JA_FULL_STOPS

#: Boundary classes, strongest first. A cut goes *after* the boundary character, so the
#: punctuation stays with the clause it closes (as a reader would split it).
BOUNDARY_CLASSES: tuple[frozenset[str], ...] = (
    frozenset(JA_FULL_STOPS),
    frozenset("；;：:"),
    frozenset("、，,､"),
    frozenset("」』）)】〕〉》]"),
    frozenset(" \u3000\t\n"),
)
#: Closing brackets and quotes that stay attached to a clause-final mark before them
#: (「…と述べた。」 is cut after 」, not between 。 and 」).
_CLOSERS = frozenset("」』）)】〕〉》]\"'”’")


def _cut_points(text: str, start: int, end: int, boundaries: frozenset[str]) -> list[int]:
    """Offsets strictly inside ``(start, end)`` just after a boundary character."""
    points = []
    i = start
    while i < end - 1:
        if text[i] in boundaries:
            j = i + 1
            while j < end and text[j] in _CLOSERS:
                j += 1
            if start < j < end:
                points.append(j)
            i = j
        else:
            i += 1
    return points


def split_spans(
    text: str, max_units: int, measure: Callable[[str], int]
) -> list[tuple[int, int]]:
    """Cut ``text`` into consecutive spans that each measure at most ``max_units``.

    Args:
        text: the sentence.
        max_units: the limit (e.g. the model's maximum number of input tokens).
        measure: the size of a piece of text in the same units (e.g. token count).

    Returns:
        Consecutive ``(start, end)`` spans covering ``text`` exactly, in order. A text
        within the limit is returned as one span.

    Raises:
        ValueError: ``max_units`` is below 1.
    """
    if max_units < 1:
        raise ValueError(f"max_units must be at least 1, got {max_units}")
    spans: list[tuple[int, int]] = []
    _split(text, 0, len(text), max_units, measure, spans)
    return spans


def _split(
    text: str,
    start: int,
    end: int,
    max_units: int,
    measure: Callable[[str], int],
    out: list[tuple[int, int]],
) -> None:
    if end - start <= 1 or measure(text[start:end]) <= max_units:
        out.append((start, end))
        return
    middle = (start + end) / 2
    for boundaries in BOUNDARY_CLASSES:
        points = _cut_points(text, start, end, boundaries)
        if points:
            # The boundary nearest the middle gives balanced halves, so the recursion
            # depth stays logarithmic and no piece ends up as a one-word fragment when a
            # more central boundary of the same strength exists.
            cut = min(points, key=lambda p: abs(p - middle))
            _split(text, start, cut, max_units, measure, out)
            _split(text, cut, end, max_units, measure, out)
            return
    # No boundary at all (e.g. a long run of unbroken characters): take the longest
    # prefix that fits, found by bisection on the measure, which grows with length.
    lo, hi = start + 1, end - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if measure(text[start:mid]) <= max_units:
            lo = mid
        else:
            hi = mid - 1
    out.append((start, lo))
    _split(text, lo, end, max_units, measure, out)
