"""``NAM001``: a name written two ways in one article (ファン・デル・ヘイデン …
ヴァン・デル・ハイデン): the less frequent spelling is flagged (ties: the later one, unless
the earlier one sounds clearly less like the English, or it is garbled)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Any

from ...text import jmdict
from ...text.countries import countries_rendered_by, is_country_form
from ...text.phonetic import kana_key
from ...types import Finding
from .. import Context
from .base import NameCheckBase
from .matching import MATCH_MIN, VARIANT_MIN, are_variants, key_similarity, romaji_similarity
from .state import NameState, Record

#: The earlier of two equally frequent spellings is kept as the reference spelling unless
#: the later one's consonant skeleton matches the English this much better (the earlier
#: one lost or gained a consonant: ゼレンキー vs ゼレンスキー for Zelenskyy).
CANONICAL_MARGIN = 0.15


def _glossed_word(surface: str, english: str, sentence: str) -> bool:
    """Whether the katakana ``surface`` is a word JMdict glosses with the last word of the
    English name (or its singular), which opens the English ``sentence`` (capitalised
    there as any word is): the word translated, not the name spelt ("Ben no Flick" is a
    name, whatever フリック means)."""
    words = re.findall(r"[A-Za-z]+", english)
    if not words or not re.match(rf"\W*{re.escape(words[-1])}\b", sentence.strip()):
        return False
    last = words[-1].lower()
    forms = {last, last[:-1]} if last.endswith("s") else {last}
    return any(re.search(rf"\b(?:{'|'.join(map(re.escape, forms))})\b", g, re.I)
               for g in jmdict.glosses(surface))


def _usual_run(recs: Sequence[Record], canonical: str, text: str) -> str:
    """The katakana run in which the usual spelling first appears (ファン・デル・ヘイデン)."""
    for r in recs:
        if r.surface == canonical:
            return text[r.run_start : r.run_end]
    return canonical


def _canonical(recs: Sequence[Record], counts: Counter[str], garbled: set[Any]) -> str:
    """The reference spelling: most frequent; ties go to the earliest spelling unless a
    later one sounds clearly more like the English or the earlier one is garbled."""
    usable = [r for r in recs if (r.run_start, r.run_end) not in garbled] or list(recs)
    top = max(counts[r.surface] for r in usable)
    tied = [r for r in usable if counts[r.surface] == top]
    tied.sort(key=lambda r: r.part_start)
    best = tied[0]
    for r in tied[1:]:
        if r.key_sim - best.key_sim >= CANONICAL_MARGIN:
            best = r
    return best.surface


#: Two spellings matched to the same English name whose strict consonant keys agree this
#: much (ハルバーン, ハルベルン: HRBN, HRBRN) are variants of it even when a vowel or an
#: extra ル keeps their romanisations under VARIANT_ROMAJI_MIN: the English name ties them.
SAME_NAME_KEY_MIN = 0.9
#: ... with romanisations at least this close (not two different words of one sound).
SAME_NAME_ROMAJI_MIN = 0.65


def _close_skeletons(sound: str, canon_sound: str, canon_key: str) -> bool:
    """Whether two spellings of one English name have near-equal consonant skeletons
    (:data:`SAME_NAME_KEY_MIN`)."""
    return (len(canon_key) >= 4
            and key_similarity(kana_key(sound, strict=True), canon_key) >= SAME_NAME_KEY_MIN
            and romaji_similarity(sound, canon_sound) >= SAME_NAME_ROMAJI_MIN)


def _both_render(r: Record, canon: Record, canon_key: str) -> bool:
    """Whether two spellings each render the English name by sound on their own
    (:data:`~.matching.MATCH_MIN`) with skeletons as close as variants' (VARIANT_MIN) and
    romanisations at least :data:`SAME_NAME_ROMAJI_MIN` alike: the name said twice, the
    second time with a consonant changed (フェンウィッチ beside フェンウィック for
    Fenwick, 0.87 like it)."""
    return (r.sim >= MATCH_MIN and canon.sim >= MATCH_MIN and len(canon_key) >= 4
            and key_similarity(kana_key(r.sound, strict=True), canon_key) >= VARIANT_MIN
            and romaji_similarity(r.sound, canon.sound) >= SAME_NAME_ROMAJI_MIN)


def _both_own(r: Record, canon: Record) -> bool:
    """Whether two spellings each render the English name by sound on their own
    (:data:`~.matching.MATCH_MIN`), each in a sentence whose English names it, and one is
    no part of the other: the name said twice, spelt two ways, however short its
    skeleton (オカフォー, オコファー for Okafor; バーゴイン, ブルゴイン for Burgoyne)."""
    return (r.own and canon.own and r.sim >= MATCH_MIN and canon.sim >= MATCH_MIN
            and r.surface not in canon.surface and canon.surface not in r.surface)


class Spellings(NameCheckBase):
    """``NAM001``: a name spelt two ways (see the module)."""

    def _spellings(self, ctx: Context, st: NameState) -> Iterator[Finding]:
        """``NAM001``: each spelling of a name that is not the article's usual one, where
        the two are variants of one name (:func:`mtqa.checks.names.matching.are_variants`)."""
        if not st.records:
            return
        text = ctx.translation.text
        by_key: dict[str, list[Record]] = {}
        for r in st.records:
            by_key.setdefault(r.key, []).append(r)
        flagged: dict[tuple[int, int], list[tuple[Record, str, int]]] = {}
        for key, recs in by_key.items():
            counts = Counter(r.surface for r in recs)
            if len(counts) < 2:
                continue
            if is_country_form(st.full.get(key, key)):
                continue  # a country has its compounds (カナダ・チェス, カナダドル, カナダ人)
            canonical = _canonical(recs, counts, st.garbled)
            canon_rec = next(r for r in recs if r.surface == canonical)
            canon_sound = canon_rec.sound
            canon_key = kana_key(canon_sound, strict=True)
            if not any(r.own for r in recs):
                continue  # no sentence names it in English: the matches are guesses
            for r in recs:
                if r.surface == canonical or (r.run_start, r.run_end) in st.garbled:
                    continue
                if countries_rendered_by(r.surface) or countries_rendered_by(canonical):
                    continue  # カナダ beside カナダドル for "Environment Canada": a country's
                    # name and its compounds, however the English name around it runs
                if _glossed_word(r.surface, st.full.get(key, key), r.reference):
                    continue  # ダイヤモンド for "Diamonds" opening a sentence: the word
                    # JMdict glosses, beside the company サザン・クロス・ダイヤモンズ
                if are_variants(r.sound, canon_sound, canon_key) or _close_skeletons(
                        r.sound, canon_sound, canon_key) or _both_render(
                        r, canon_rec, canon_key) or _both_own(r, canon_rec):
                    flagged.setdefault((r.run_start, r.run_end), []).append(
                        (r, canonical, counts[canonical])
                    )
        for (_, _), items in sorted(flagged.items()):
            start = min(r.part_start for r, _, _ in items)
            end = max(r.part_end for r, _, _ in items)
            first = items[0][0]
            english = " / ".join(dict.fromkeys(st.full.get(r.key, r.key) for r, _, _ in items))
            usual = " / ".join(dict.fromkeys(
                _usual_run(by_key[r.key], c, text) for r, c, _ in items
            ))
            n = max(k for _, _, k in items)
            yield self._finding(
                "NAM001", "minor", start, end, text,
                f"name '{english}' written {text[start:end]} here but {usual} elsewhere "
                f"in the article ({n}×)",
                first.reference, first.pair, english=english, usual=usual,
            )
