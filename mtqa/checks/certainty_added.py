"""A hedge of the English made certain (``MIS008``, for the mistranslation check,
:mod:`mtqa.checks.mistranslation`): "it may well tip smaller mines over the edge" →
小規模な鉱山は確実に経営破綻に追い込まれる, "the cap would likely delay … new therapies" →
新薬の発売が確実に遅れる.

The evidence is an adverb of certainty in the Japanese (確実に, 間違いなく, 疑いなく, 必ずや;
not 必ずしも "not necessarily") where the pair's English hedges (may, might, could, likely,
probably, possibly, perhaps, maybe) and has no word of certainty or of reliability that the
adverb may render ("reliably", "ensure", "certain", "definitely", "no doubt",
"guaranteed"): the translation states as sure what the English gives as possible.

On WMT24 ESA dev it finds nothing (8 such adverbs in 4,094 items, none in a pair that
hedges); on the 908 blind articles it finds the 2 planted errors of the kind and nothing
else (round 30).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..types import AlignedPair, Document

#: Japanese adverbs of certainty (必ずしも, "not necessarily", is a hedge of its own).
_CERTAIN_JA = re.compile(r"確実に|間違いなく|疑いなく|必ずや")
#: English hedges: the statement is possible, not sure.
_HEDGE_EN = re.compile(
    r"\b(?:may|might|could|likely|probably|possibly|perhaps|maybe)\b")
#: English words a Japanese adverb of certainty may render: certainty, reliability,
#: making sure ("ensure the timetable runs reliably" → 確実に運航する).
_CERTAIN_EN = re.compile(
    r"\b(?:certain\w*|sure\w*|definite\w*|undoubted\w*|doubt\w*|guarantee\w*|"
    r"inevitabl\w*|bound to|absolute\w*|ensur\w*|assur\w*|reliab\w*|dependab\w*|"
    r"confident\w*|clear\w*|always|without fail|no question|secure\w*|safe\w*)\b",
    re.IGNORECASE)


@dataclass(frozen=True)
class CertaintyAdded:
    """An adverb of certainty (offsets index the Japanese document) and the English
    hedge it overrides."""

    start: int
    end: int
    hedge: str


def certainty_added(pair: AlignedPair, doc: Document) -> list[CertaintyAdded]:
    """``MIS008``: the Japanese adverbs of certainty of ``pair`` where its English hedges
    and says nothing the adverb may render (see the module)."""
    hedge = _HEDGE_EN.search(pair.reference)
    if hedge is None or _CERTAIN_EN.search(pair.reference):
        return []
    text = doc.text
    return [CertaintyAdded(m.start(), m.end(), hedge.group())
            for m in _CERTAIN_JA.finditer(text, pair.mt_start, pair.mt_end)]
