"""A hedge of the English made certain (``MIS008``, for the mistranslation check,
:mod:`mtqa.checks.mistranslation`): "it may well tip smaller mines over the edge" →
小規模な鉱山は確実に経営破綻に追い込まれる, "the cap would likely delay … new therapies" →
新薬の発売が確実に遅れる.

The evidence is a word of certainty in the Japanese (確実に, 確実だ, 間違いなく, 疑いなく,
必ず, 断言; not 必ずしも "not necessarily") where the pair's English hedges (may, might, could, likely,
probably, possibly, perhaps, maybe) and has no word of certainty or of reliability that the
adverb may render ("reliably", "ensure", "certain", "definitely", "no doubt",
"guaranteed"): the translation states as sure what the English gives as possible.

On WMT24 ESA dev it finds nothing (none of its words in a pair that hedges); on the 956
blind articles it finds the 4 planted errors of the kind and nothing else (round 31; the
adverbs alone found 2 in round 30).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..types import AlignedPair, Document

#: Japanese adverbs of certainty (必ずしも, "not necessarily", is a hedge of its own).
_CERTAIN_JA = re.compile(r"確実[にだでと視]|間違いなく|疑いなく|必ず(?!しも)|断言|避けられない|不可避|"
                         r"免れない")
#: (確実だ, 確実視, 必ず and 断言 "asserted" too: "were likely to become the new normal" →
#: 必ずなると断言した, "rival bidders could still come forward" → 名乗り出ることは確実だ)
#: Words of certainty this close together make one claim certain (必ずなると断言した).
_SAME_CLAIM = 8
#: English hedges: the statement is possible, not sure.
_HEDGE_EN = re.compile(
    r"\b(?:may|might|could|likely|probably|possibly|perhaps|maybe)\b|"
    r"(?:not|n['’]t)\s+(?:be\s+)?rul(?:e|ed)\s+out\b")
#: English words a Japanese adverb of certainty may render: certainty, reliability,
#: making sure ("ensure the timetable runs reliably" → 確実に運航する).
_CERTAIN_EN = re.compile(
    r"\b(?:certain\w*|sure\w*|definite\w*|undoubted\w*|doubt\w*|guarantee\w*|"
    r"inevitabl\w*|bound to|absolute\w*|ensur\w*|assur\w*|reliab\w*|dependab\w*|"
    r"confident\w*|clear\w*|always|without fail|no question|secure\w*|safe\w*|"
    r"unavoidabl\w*|avoid\w*|escap\w*)\b",
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
    out: list[CertaintyAdded] = []
    for m in _CERTAIN_JA.finditer(text, pair.mt_start, pair.mt_end):
        if out and m.start() - out[-1].end <= _SAME_CLAIM and "。" not in text[
                out[-1].end : m.start()]:
            # one claim made certain twice (必ずなると断言した): one finding
            out[-1] = CertaintyAdded(out[-1].start, m.end(), hedge.group())
            continue
        out.append(CertaintyAdded(m.start(), m.end(), hedge.group()))
    return out
