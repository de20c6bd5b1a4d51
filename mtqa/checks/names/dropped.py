"""``NAM003``: a person's name dropped.

A person of the English (titled, addressed as Mr/Ms/Dr, the subject of "said", or described
by an apposition: "Ann Lee, the union's secretary,") whose name the Japanese article never
renders: no katakana that sounds anything like it, no Latin copy, no kanji personal name
near the sentence that could stand for it, and not translated word by word (ドイツ鉄道 for
Deutsche Bahn: half of the name's words have a JMdict rendering or a katakana part that
sounds like them there). Flagged once, on the Japanese sentence aligned with the first
English mention.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from ...text import japanese
from ...text.lexicon import english_entry
from ...text.phonetic import heard_within, name_similarity_reaches, romanize
from ...text.wordnet import is_place
from ...types import Finding
from .. import Context
from ..name_facts import is_name
from .base import NameCheckBase
from .english import NAME_PARTICLES, fold, is_person, name_candidates, window_span
from .katakana import katakana_parts, may_be_name
from .matching import DROPPED_LOOSE_SIM, rendered_by_words
from .state import NameState

#: Share of letters two English surnames must have in common (difflib's ratio) to be
#: spellings of one name ("Kransky" in a transcript for "Kerensky", 0.80; "Johnson" and
#: "Jonson", 0.92; "Johnson" and "Jackson", 0.57, stay two people). Only asked where the
#: dropped name's own sentence renders the other one, so Johnson and Johnston (0.93) are
#: taken for one only when the Japanese writes one of them where the other was said.
SPELLING_VARIANT_RATIO = 0.75


def _spelling_variant(key: str, surname: str) -> bool:
    """True when English name key ``key`` (another name's, rendered) and ``surname`` are
    two spellings of one name: the same first letter and most letters in order."""
    other = fold(key.split()[-1]) if key.strip() else ""
    if not other or other == surname or other[0] != surname[0]:
        return False
    return difflib.SequenceMatcher(None, other, surname).ratio() >= SPELLING_VARIANT_RATIO


class DroppedNames(NameCheckBase):
    """``NAM003``: people whose name the Japanese never renders (see the module)."""

    def _dropped(self, ctx: Context, st: NameState) -> Iterator[Finding]:
        """NAM003: people of the English whose name the Japanese never renders."""
        text = ctx.translation.text
        folded = japanese.normalize(text).lower()
        parts = katakana_parts(text)
        # a part already matched to another name renders that one (ラブロフ is Lavrov's,
        # however much it sounds like Rubio)
        assigned = {(r.part_start, r.part_end): r.key for r in st.records}
        # a whole ・-joined run belongs to the name one of its parts renders (アル of
        # アル・ラシード for Al-Rashid)
        assigned_runs = {(r.run_start, r.run_end) for r in st.records}
        ref = ctx.reference.text
        done: set[str] = set()
        for n in st.names:
            words = [w for w in n.words if w.lower() not in NAME_PARTICLES]
            if not words or not is_person(n, ref, st):
                continue
            if (len(words) > 1 and is_place(n.text)) or not any(is_name(w) for w in words):
                continue  # a place ("in New York, the envoy, …") or a name of dictionary
                # words ("… Health and Social Care said": 保健・社会福祉省), no person's
            surname = fold(words[-1])
            if surname in done or len(surname) < 3:
                continue
            done.add(surname)
            if any(fold(w) in folded for w in words):
                continue  # copied in Latin: the untranslated check's business
            keys = set(name_candidates([n])) | {surname}
            if any(k in keys for k in assigned.values()) or any(
                name_similarity_reaches(words[-1], p.sound, DROPPED_LOOSE_SIM)
                or heard_within(words[-1], romanize(p.surface))
                for p in parts
                if assigned.get((p.start, p.end), surname) in keys
            ):
                continue  # (heard inside a longer word: プリンスルパート for "Prince Rupert")
            pair = next((p for p in ctx.pairs if p.ref_start <= n.start < p.ref_end), None)
            if pair is None or pair.chrome or not pair.mt_sentences:
                continue  # no Japanese opposite: the aligner reports the omission
            lo, hi = window_span(pair, ctx, side="mt")
            free = [p for p in parts if assigned.get((p.start, p.end), surname) in keys]
            if rendered_by_words(words, text[lo:hi], free, lo, hi) or all(
                    any(len(h) >= 2 and japanese.has_kanji(h) and h in text[lo:hi]
                        for h in english_entry(w.lower()).headwords) for w in words):
                continue  # a name of words, translated word by word (ドイツ鉄道), or a
                # word taken for a name after a title's word ("Premier Championship":
                # 選手権)
            if any(
                may_be_name(t) and not any(
                    a < lo + t.end and lo + t.start < b for a, b in assigned_runs
                )
                for t in japanese.tokenize(text[lo:hi])
            ):
                continue  # a name no other English name explains: it may be this one
            if any(lo <= r.part_start < hi and _spelling_variant(r.key, surname)
                   for r in st.records):
                continue  # the same person spelt another way here (Kransky, Kerensky):
                # the translator wrote the one spelling
            seg = text[pair.mt_start : pair.mt_end]
            start = pair.mt_start + (len(seg) - len(seg.lstrip()))
            end = pair.mt_end - (len(seg) - len(seg.rstrip()))
            if end <= start:
                continue
            yield self._finding(
                "NAM003", "major", start, end, text,
                f"name '{n.text}' is missing: the Japanese article never renders "
                f"{' '.join(words)} (no katakana like it, no kanji name here)",
                pair.reference, pair.index, english=n.text,
            )
