"""Content-level omissions and additions inside an aligned pair.

The aligner reports whole sentences with no counterpart (1:0 and 0:1 beads). These
checks look inside a pair whose sentences are aligned:

* ``omission`` (``OMI001``): a clause of the English (a relative clause, a coordinated
  or subordinate clause) with enough content words, numbers or names, at most one in
  five of them rendered in the Japanese of the pair and not rendered in the neighbouring
  sentences either (content moved there is misalignment, not omission). The finding
  points at the Japanese where the clause should have been: the rendering of the noun
  a relative clause modifies, or the end of the clause it was joined to. Words of an
  English idiom are not expected word for word.
* ``omission`` (``OMI002``, minor): a phrase of the English carrying a number, a date, a
  time or a name that the Japanese of the pair leaves out, pointed at the Japanese clause
  where it belongs (:mod:`mtqa.checks.omitted_facts` finds the facts,
  :mod:`mtqa.checks.omission_place` the place; issue #19).
* ``omission`` (``OMI003``, minor): a Japanese sentence or clause that opens on the
  particle of a noun phrase (。は…, 、を…), or on a word that only follows a modifier
  (。ような…, 、ための…): the phrase it marked, or the modifier, was dropped.
* ``omission`` (``OMI005``): a condition of the English ("if it ran for the full two
  days", "unless a deal is reached") with most of its words unrendered, in a pair whose
  Japanese has no conditional form at all (:mod:`mtqa.checks.condition_dropped`).
* ``omission`` (``OMI004``): the Japanese of a pair is a fraction of its English (a word, or
  only the hashtags, for a sentence): under 0.1 Japanese characters per English letter,
  where no professional translation of WMT24 ESA dev goes under 0.19; critical when the
  pair holds a third of the article's English.
* ``addition`` (``ADD001``): a Japanese clause (between commas) with a predicate and
  three content words of its own (a number or a Latin word that no English word renders
  counts as one), none of which renders an English word of the pair that the Japanese
  has not already rendered before it, nor is related to one through JMdict (a synonym, a
  shared kanji) unless the clause states a number that no English word gives (６インチ,
  9日後, 2023年: a fact of the clause's own claim; digits inside a Latin name, Psych2Go,
  state none).

Words are matched with :mod:`mtqa.text.lexicon`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import ClassVar

from ..text import japanese, wordlists
from ..text.english import PRONOUN_CONTRACTIONS
from ..text.glossary import load_glossary
from ..text.idioms import find_idioms
from .condition_dropped import dropped_conditions
from ..text.language import (
    MIN_SHRUNK_LETTERS,
    foreign_latin,
    rendered_sizes,
    renders_a_fraction,
)
from ..text.lexicon import (
    LIGHT_WORDS,
    OPENER_WORDS,
    NAME_DOTS,
    RELATIVE_WORDS,
    Clause,
    EnWord,
    JaUnit,
    Lexicon,
    english_clauses,
    english_entry,
    english_words,
    japanese_clauses,
    related,
    word_matches_unit,
)
from ..types import AlignedPair, Finding, Severity
from . import BaseCheck, Context, is_headline, neighbour_pairs, pair_segments, shorten
from . import omission_place as place
from . import omission_excuses as excuses
from . import omitted_facts as facts_mod
from .alignment import CUT_OFF_SHARE

# --- the check --------------------------------------------------------------------------

#: A clause must have at least this many content words to be reported missing: a short
#: chunk ("he said", "on Tuesday") is too easily reworded or folded into another clause.
MIN_CLAUSE_WORDS = 3
#: ... and this many when it has no number or name to prove that a fact was lost.
MIN_CLAUSE_WORDS_NO_ANCHOR = 4
#: At most this share of the clause's content words may have a counterpart (one word
#: in five can match by accident: a common gloss, a word repeated from another clause).
MAX_RENDERED_SHARE = 0.2


def _is_light(w: EnWord) -> bool:
    low = w.text.lower()
    return w.kind == "word" and (low.replace("’", "'").removesuffix("'s") in LIGHT_WORDS
                                 or low in PRONOUN_CONTRACTIONS)


#: Modal periphrases that Japanese renders by a form of the verb (可能形 買える, ようになる,
#: つもり), never by a word of their own: "be able to", "going to", "gonna". Their "able"
#: and "going" are no content a clause can lose ("when are we going to be able to afford a
#: larger car?" → いつ大きな車を買えるようになるの？).
_PERIPHRASIS = re.compile(
    r"\b(?:be|been|being|is|are|was|were|am|['’]re|['’]m|['’]s)\s+(?:not\s+|never\s+)?"
    r"(able)\s+to\b|\b(going)\s+to\b|\b(gonna)\b", re.I)


def _periphrasis_starts(reference: str) -> frozenset[int]:
    """Offsets of the words of :data:`_PERIPHRASIS` in ``reference``."""
    return frozenset(m.start(g) for m in _PERIPHRASIS.finditer(reference)
                     for g in (1, 2, 3) if m.group(g))
#: Share of the English words of a pair that must be rendered before its missing facts
#: are looked for (below it, the pair is misaligned or loosely translated as a whole).
MIN_RENDERED_FOR_PHRASES = 0.5
#: Free Japanese content words, per missing English word, from which a clause counts as
#: rendered in other words (see :func:`paraphrased`).
PARAPHRASE_SHARE = 0.8
#: Particles that mark the noun phrase before them (case and binding particles): one that
#: opens a sentence or a clause lost its phrase.
ORPHAN_PARTICLES = frozenset("は を が に で の へ から も より まで".split())


#: Japanese characters at most in the span that marks where the clause belonged.
MAX_SPAN_CHARS = 20


def _near_pairs(pair: AlignedPair, ctx: Context) -> list[AlignedPair]:
    """The pairs one bead away from ``pair``, and beyond them the run of Japanese
    sentences the aligner left unpaired (0:1 beads): a translator who splits one long
    English sentence into four or five Japanese ones (a list of ingredients) leaves more
    than the aligner's longest bead can take, and the rest of the rendering lies in
    that run, not in another sentence's translation."""
    near = neighbour_pairs(pair, ctx)
    by_index = {p.index: p for p in ctx.pairs if not p.chrome}
    for step in (-1, 1):
        k = pair.index + step
        if k not in by_index or by_index[k].ref_sentences:
            continue  # the next bead renders English of its own (or there is none)
        k += step
        while k in by_index and not by_index[k].ref_sentences:
            near.append(by_index[k])
            k += step
    return near


class OmissionCheck(BaseCheck):
    """Flag English clauses of an aligned pair that have no counterpart in the Japanese."""

    name: ClassVar[str] = "omission"
    version: ClassVar[int] = 57
    requires: ClassVar[frozenset[str]] = frozenset()

    def run(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]:
        if pair.chrome or not pair.mt_sentences:
            return
        if pair.ref_sentences:
            shrunk = self._shrunk(pair, ctx)
            if shrunk is not None:
                yield shrunk
                return  # what else is missing is all of it
            done: list[tuple[int, int]] = []
            yield from self._clauses(pair, ctx, done)
            yield from self._conditions(pair, ctx, done)
            yield from self._phrases(pair, ctx, done)
        yield from self._orphan_particles(pair, ctx)

    def _shrunk(self, pair: AlignedPair, ctx: Context) -> Finding | None:
        """``OMI004``: the Japanese of the pair is a fraction of its English (a word or
        two, or only the hashtags, for a sentence: :func:`renders_a_fraction`), when the
        Japanese does not hold as many letters of other Latin text instead (an English
        answer, text of another language: the untranslated check reports those). Critical
        when that English is a third or more of the article's (the translation as a whole
        says almost nothing: the alignment check's cut-off share), else major."""
        if not renders_a_fraction(pair.reference, pair.translation):
            return None
        japanese_size, english_size = rendered_sizes(pair.reference, pair.translation)
        if foreign_latin(pair.reference, pair.translation) >= MIN_SHRUNK_LETTERS:
            return None  # text in English or another language instead: the untranslated check's
        total = sum(rendered_sizes(p.reference, p.translation)[1] for p in ctx.pairs
                    if p.ref_sentences and not p.chrome)
        severity: Severity = "critical" if english_size >= CUT_OFF_SHARE * total else "major"
        missing = pair.reference.strip()
        return self.finding(
            ctx.translation.text, pair.mt_start, pair.mt_end,
            category="omission",
            severity=severity,
            message=(f"the Japanese '{shorten(pair.translation.strip())}' renders a fraction of "
                     f"the English '{shorten(missing)}' ({japanese_size} Japanese characters "
                     f"for {english_size} English letters)"),
            pair=pair,
            reference=missing,
            code="OMI004",
            evidence={"japanese_chars": str(japanese_size),
                      "english_letters": str(english_size)},
        )

    def _orphan_particles(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]:
        """``OMI003``: a Japanese sentence, or a clause after 、, that opens on the particle
        of a noun phrase (。はボリス…, 、を…): a case or binding particle marks the phrase
        before it, so one standing first lost its phrase. Japanese never writes so: では,
        でも (a particle and a particle) are conjunctions, and a quoted phrase listed before
        、の (剥がして貼る、の仕組み) is a noun; neither counts. Of the 3,904 translations of
        the ESA development half, 3 open a sentence so, all machine translations. The same
        holds for a word that only follows a modifier (:func:`_dependent_opener`: 。ような…,
        、ための…): none of the 3,904 translations opens a sentence or a clause on one."""
        text = ctx.translation.text
        for seg, offset, _ in pair_segments(pair, ctx):
            toks = japanese.tokenize(seg)
            for i, t in enumerate(toks):
                if i and not (toks[i - 1].surface == "、" and t.surface != "の"):
                    continue  # (only a clause's first word can be orphaned: tested first)
                particle = t.pos1 == "助詞" and t.surface in ORPHAN_PARTICLES
                dependent = not particle and _dependent_opener(toks, i)
                if not (particle or dependent):
                    continue
                if not i and _after_quote(text, offset + t.start):
                    continue  # 「…！」の編集: the quotation, cut at its ！, is the phrase
                nxt = toks[i + 1] if i + 1 < len(toks) else None
                if particle and (nxt is None or nxt.pos1 in {"助詞", "助動詞"}):
                    continue  # a particle and a particle are a conjunction (では, でも)
                what = (f"the particle '{t.surface}': the phrase it marked" if particle else
                        f"'{t.surface}', which follows a modifier: the modifier")
                yield self.finding(
                    text, offset + t.start, offset + t.end,
                    category="omission",
                    severity="minor",
                    message=f"the clause opens on {what} is missing",
                    pair=pair,
                    code="OMI003",
                    evidence={"particle": t.surface},
                )

    def _clauses(self, pair: AlignedPair, ctx: Context,
                 done: list[tuple[int, int]]) -> Iterator[Finding]:
        """``OMI001``: English clauses of the pair with no counterpart in the Japanese
        (their English spans are added to ``done``)."""
        segs = pair_segments(pair, ctx)
        lex = ctx.lexicon_of(pair.reference, segs, pair.back_translation)
        # what the neighbouring Japanese says: a clause rendered one sentence away is
        # misaligned or moved, not omitted
        near_segs = [s for p in _near_pairs(pair, ctx) for s in pair_segments(p, ctx)]
        near: Lexicon | None = None  # built for the first candidate clause only (#17)
        clauses = english_clauses(pair.reference)
        index = {id(w): k for k, w in enumerate(lex.words)}
        # the words of an English idiom are rendered freely ("running on empty" →
        # 気力も体力も残っていない): their absence word for word is no omission
        idiom_spans = [(a, b) for _, _, a, b in find_idioms(pair.reference)]
        periphrasis = _periphrasis_starts(pair.reference)
        for ci, clause in enumerate(clauses):
            ks = [index[id(w)] for w in clause.words if id(w) in index]
            content = [k for k in ks if not _is_light(lex.words[k])
                       and lex.words[k].start not in periphrasis
                       and not any(a <= lex.words[k].start < b for a, b in idiom_spans)]
            missing_ks = [k for k in content if not lex.covered(k)]
            anchors = [k for k in missing_ks if lex.words[k].anchor]
            need = MIN_CLAUSE_WORDS if anchors else MIN_CLAUSE_WORDS_NO_ANCHOR
            if len(missing_ks) < need:
                continue
            if len(content) - len(missing_ks) > MAX_RENDERED_SHARE * len(content):
                continue
            # what the neighbours render, looked up only now: most pairs have no clause
            # this far, and the neighbours' lexicon cost the check most of its time (#17)
            if near is None and near_segs:
                near = ctx.lexicon_of(pair.reference, near_segs)
            # rendered one sentence away: misaligned or moved, not omitted; a name or
            # number crosses languages unchanged, so the clause's names and numbers all
            # next door, with another of its words, say so too (「…追放しないで！」王妃エイ
            # ルウェンは懇願した。, paired with the next sentence, for 'Queen Eirwen begged,
            # "don't send her away!"': 懇願 glosses no "beg")
            moved_here = [] if near is None else [k for k in missing_ks if near.covered(k)]
            if len(moved_here) >= max(2, 0.5 * len(missing_ks)) or (
                    anchors and len(moved_here) >= 2
                    and all(k in moved_here for k in anchors)):
                continue
            # the rest of the sentence must be rendered: otherwise the whole pair is
            # misaligned, which is the aligner's finding, not a clause omission
            others = [k for c in clauses if c is not clause for w in c.words
                      if (k := index.get(id(w))) is not None]
            rendered = sum(lex.covered(k) or (near is not None and near.covered(k))
                           for k in others)
            if not others or rendered < 0.5 * len(others):
                continue
            if paraphrased(lex, missing_ks):
                continue
            span = self._where(pair, ctx, lex, clauses, ci, index)
            if span is None:
                continue
            start, end = span
            text = ctx.translation.text
            missing = pair.reference[clause.start : clause.end].strip(" ,;:—–()\"“”.")
            done.append((clause.start, clause.end))
            yield self.finding(
                text, start, end,
                category="omission",
                severity="minor" if clause.opener in RELATIVE_WORDS else "major",
                message=f"the English '{missing}' has no counterpart in the Japanese",
                pair=pair,
                reference=missing,
                code="OMI001",
                evidence={"clause": missing,
                          "words": ",".join(lex.words[k].text for k in missing_ks)},
            )

    def _conditions(self, pair: AlignedPair, ctx: Context,
                    done: list[tuple[int, int]]) -> Iterator[Finding]:
        """``OMI005``: a condition ("if it ran for the full two days", "unless …") the
        Japanese leaves out: :mod:`mtqa.checks.condition_dropped`. Not within a clause
        reported already."""
        for c in dropped_conditions(pair, ctx, lambda: _near_pairs(pair, ctx)):
            if any(a <= c.ref_start < b for a, b in done):
                continue
            done.append((c.ref_start, c.ref_end))
            yield self.finding(
                ctx.translation.text, c.start, c.end,
                category="omission", severity="major",
                message=(f"the condition '{c.condition}' has no counterpart in the "
                         "Japanese, which states the claim without it"),
                pair=pair, reference=c.condition, code="OMI005",
                evidence={"condition": c.condition, "words": ",".join(c.missing)},
            )

    def _phrases(self, pair: AlignedPair, ctx: Context,
                 done: Sequence[tuple[int, int]]) -> Iterator[Finding]:
        """``OMI002``: a phrase carrying a number, a date or a name that the Japanese of the
        pair leaves out (see :mod:`mtqa.checks.omitted_facts`)."""
        lex = ctx.lexicon(pair)
        if not lex.words:
            return
        own = [t for t, _, _ in pair_segments(pair, ctx)]
        renderings = [facts_mod.Rendering.of(lex, own)]
        facts = facts_mod.english_facts(pair.reference, renderings)
        if not any(f.missing and not any(a <= f.start < b for a, b in done) for f in facts):
            return
        # the pair must be a translation of its English, or every fact looks missing: half
        # of its words rendered, not counting the facts looked for (a short sentence that
        # lost its one name would fail the test by that name alone)
        lost = [(f.start, f.end) for f in facts if f.missing]
        # (a light word, "per cent", counts only when rendered: ％ renders it unlinked)
        rest = [k for k, w in enumerate(lex.words)
                if not any(a <= w.start < b for a, b in lost)
                and (lex.covered(k) or not _is_light(w))]
        if sum(lex.covered(k) for k in rest) < MIN_RENDERED_FOR_PHRASES * len(rest):
            return
        # a fact one sentence away (the alignment may be a sentence off, or the translator
        # moved it) is rendered, unless that sentence's English carries it too
        for p in _near_pairs(pair, ctx):
            if p.mt_sentences:
                segs = pair_segments(p, ctx)
                renderings.append(facts_mod.Rendering.of(
                    ctx.lexicon_of(pair.reference, segs), [t for t, _, _ in segs],
                    p.reference if p.ref_sentences else ""))
        facts = facts_mod.english_facts(pair.reference, renderings)
        own_ja = "".join(own)
        earlier = " ".join(p.reference for p in ctx.pairs
                           if p.index < pair.index and p.ref_sentences and not p.chrome)
        clauses = english_clauses(pair.reference)
        text = ctx.translation.text
        headline = is_headline(pair, ctx)
        later = " ".join(p.reference for p in ctx.pairs
                         if p.index > pair.index and p.ref_sentences) if headline else ""
        titles = (ctx.resources.get("glossary") or load_glossary(None)).find(pair.reference)
        for phrase in facts_mod.missing_phrases(pair.reference, facts):
            if any(a <= phrase.start < b for a, b in done):
                continue  # in a clause OMI001 reported missing
            if headline and pair.reference[phrase.start : phrase.end] in later:
                continue  # a headline shortened: the article gives the fact ("in North
                # Yorkshire" → 英北部の採石場)
            # 同氏, 同国, 同額, 彼女 (or the surname alone) for what the article gave before
            if not phrase.repeated and excuses.said_before(pair.reference, phrase, earlier) and (
                    excuses.refers_back(own_ja, areas=phrase.kinds == {"name"})
                    or excuses.full_name_rendered(
                        pair.reference, phrase, earlier, lex.names)):
                continue
            if phrase.kinds == {"name"} and not phrase.repeated \
                    and excuses.name_said_more_often(lex):
                continue  # another name of the pair stands in its place (Tokyo → 日本)
            if excuses.epithet_dropped(pair.reference, phrase, own_ja) or \
                    excuses.title_rendered(pair.reference, phrase, own_ja, titles):
                continue  # "the Aarhus-based group" → 同社; "Vice-Chancellor" → 学長
            if not phrase.repeated and excuses.dropped_subject(
                    pair.reference, phrase, earlier, text[: pair.mt_start]):
                continue  # a subject the article gave before, left implicit in Japanese
            if excuses.country_left_implicit(pair.reference, phrase, earlier,
                                             text[: pair.mt_start]):
                continue  # the country of the story, named before in both
            span = self._phrase_span(pair, lex, clauses, phrase)
            if span is None:
                continue
            start, end = span
            quoted = excuses.phrase_text(pair.reference, phrase)
            yield self.finding(
                text, start, end,
                category="omission",
                severity="minor",
                message=(f"the English '{quoted}' has no counterpart in the Japanese: it "
                         f"belongs in '{text[start:end]}'"),
                pair=pair,
                reference=quoted,
                code="OMI002",
                evidence={"phrase": quoted, "kinds": ",".join(sorted(phrase.kinds))},
            )

    @staticmethod
    def _phrase_span(pair: AlignedPair, lex: Lexicon, clauses: Sequence[Clause],
                     phrase: facts_mod.MissingPhrase) -> tuple[int, int] | None:
        """Where in the Japanese the missing ``phrase`` belongs (see
        :mod:`mtqa.checks.omission_place`), or None when nothing shows it."""
        clause = next((c for c in clauses if c.start <= phrase.start < c.end), None)
        bounds = (clause.start, clause.end) if clause else (0, len(pair.reference))
        owned = place.own_sentences(pair.reference, lex, phrase.start)
        if clause is not None and clause.opener in RELATIVE_WORDS:
            # a relative clause dropped whole (", which grows roughly 60 per cent of the
            # world's supply"): where it was, after the noun it describes
            noun = place.antecedent_unit(lex, clause, owned)
            if noun is not None:
                return place.gap_span(lex.units, noun)
        u = place.time_anchor(phrase, lex, pair.reference)
        if u is not None:  # "review it by the end of March": with the predicate
            return place.gap_span(lex.units, place.next_predicate(lex.units, u))
        rel = place.relative_unit(phrase, lex, clauses, owned)
        if rel is not None:  # right after the relative clause that describes it
            return place.gap_span(lex.units, rel)
        degree = place.degree_unit(phrase, pair.reference, lex, bounds, owned)
        if degree is not None:  # "just *95*": next to わずか, not with the noun it counts
            return place.gap_span(lex.units, degree)
        u = place.head_unit(phrase, lex, bounds, owned, pair.reference)
        if u is None and clause is not None and (
                phrase.kinds != {"name"}
                or place.alone_in_clause(pair.reference, phrase, bounds)):
            # a value in a clause none of whose words is rendered (a relative clause
            # the Japanese folded into its noun) belongs with the words of its
            # sentence; a name there is more likely rendered by a sound the matcher
            # does not hear (クナッグリグ for "Nagle") than dropped with its clause,
            # unless the clause is the name alone ("In Germany, ...")
            u = place.head_unit(phrase, lex, (0, len(pair.reference)), owned,
                                 pair.reference)
        if u is None and place.trails(phrase, lex, pair.reference):
            u = place.trailing_anchor(phrase, lex, pair.reference)
            if u is not None:
                return place.gap_span(lex.units, place.last_predicate(lex.units, u))
        if u is None:
            return None
        if place.trails(phrase, lex, pair.reference):
            return place.gap_span(lex.units, place.last_predicate(lex.units, u))
        if phrase.initial and phrase.partner is None:
            if owned:  # the opening of the first Japanese sentence rendering its sentence
                u = next(k for k, x in enumerate(lex.units) if x.sentence == min(owned))
            return place.sentence_opening(lex.units, u)
        start, end = place.gap_span(lex.units, u)
        if (phrase.preposition not in {"", "of"} or place.of_lost(phrase, lex, pair.reference)
                ) and phrase.partner is None and (
                not phrase.premodifier or place.noun_lost(phrase, lex, pair.reference, owned)):
            end = place.to_predicate(lex.units, u, end,
                                     phrase.preposition in place.VERB_PREPOSITIONS
                                     or place.measures_change(phrase, pair.reference))
        return start, end

    def _where(
        self,
        pair: AlignedPair,
        ctx: Context,
        lex: Lexicon,
        clauses: Sequence[Clause],
        ci: int,
        index: dict[int, int],
    ) -> tuple[int, int] | None:
        """The Japanese span where clause ``ci`` should have been rendered."""
        clause = clauses[ci]
        units = lex.units

        def matched_units(c: Clause) -> list[int]:
            out: list[int] = []
            for w in c.words:
                k = index.get(id(w))
                if k is not None:
                    out.extend(lex.links[k])
            return sorted(set(out))

        if clause.opener in RELATIVE_WORDS and ci > 0:
            # a relative clause modifies the last word before it: mark that word's
            # rendering and the particles attached to it (同社にとって)
            prev = clauses[ci - 1]
            for w in reversed(prev.words):
                k = index.get(id(w))
                if k is not None and lex.links[k]:
                    u = lex.links[k][-1]
                    return self._bunsetsu(units, u, ctx)
        # otherwise: the end of the clause it was joined to, up to the sentence end
        prev_units = matched_units(clauses[ci - 1]) if ci > 0 else []
        if prev_units:
            # the Japanese sentence that renders most of the previous clause, its last
            # matched word: the omitted clause was joined there
            by_sent: dict[int, list[int]] = {}
            for u in prev_units:
                by_sent.setdefault(units[u].sentence, []).append(u)
            best = max(by_sent.values(), key=lambda us: (len(us), -units[us[0]].start))
            last = max(best, key=lambda u: units[u].start)
            return self._to_sentence_end(units, last, ctx)
        next_units = matched_units(clauses[ci + 1]) if ci + 1 < len(clauses) else []
        if next_units:
            first = min(next_units, key=lambda u: units[u].start)
            return self._bunsetsu(units, first, ctx)
        return None

    @staticmethod
    def _bunsetsu(units: Sequence[JaUnit], u: int, ctx: Context) -> tuple[int, int]:
        """The token ``u`` with the nouns before it in its compound and the function
        words after it (a bunsetsu, roughly); a number with all its pieces and its unit
        (4億1,200万ポンド, not 4)."""
        a = u
        while (a > 0 and units[a - 1].sentence == units[u].sentence
               and units[a - 1].pos1 in {"名詞", "接頭辞"} and units[a].pos1 in {"名詞", "接尾辞"}):
            a -= 1
        b = u
        # a number is all its pieces and what it counts (4｜億｜1｜,｜200｜万｜ポンド)
        while units[u].pos2 == "数詞" and b + 1 < len(units) and units[b + 1].sentence == \
                units[u].sentence and units[b + 1].start == units[b].end and (
                units[b + 1].pos2 == "数詞" or (
                    units[b + 1].text in {",", "，", ".", "．"} and b + 2 < len(units)
                    and units[b + 2].pos2 == "数詞")
                or (units[b].pos2 == "数詞" and units[b + 1].pos1 in {"名詞", "接尾辞"})):
            b += 1
        u0 = b
        while (b + 1 < len(units) and units[b + 1].sentence == units[u].sentence
               and b - u0 < 4 and (units[b + 1].pos1 in {"助詞", "助動詞", "接尾辞"}
                                  or units[b + 1].pos2 == "非自立可能"
                                  or (units[b + 1].pos1 == "動詞" and units[b].pos1 == "助詞"
                                      and len(units[b + 1].text) <= 2))):
            b += 1
        return units[a].start, units[b].end

    @staticmethod
    def _to_sentence_end(units: Sequence[JaUnit], u: int, ctx: Context) -> tuple[int, int]:
        sent = units[u].sentence
        # start at the head of the word's bunsetsu (確認 of 再確認した, not した)
        while u > 0 and units[u - 1].sentence == sent and (
            units[u].pos1 in {"助動詞", "接尾辞"} or units[u].pos2 == "非自立可能"
            or (units[u].pos1 == "名詞" and units[u - 1].pos1 in {"名詞", "接頭辞"})
        ):
            u -= 1
        last = u
        for k in range(u, len(units)):
            if units[k].sentence != sent or units[k].text in {"。", "」", "』"}:
                break
            last = k
        start = units[u].start
        end = units[last].end
        if end - start > MAX_SPAN_CHARS:
            start = end - MAX_SPAN_CHARS
        return start, end


# --- the mirror image: content added inside an aligned pair -----------------------------

#: A Japanese clause needs this many content words of its own to be reported as added:
#: shorter ones are connectives, explicitations or reporting frames (…によると).
MIN_ADDED_WORDS = 3
#: Japanese words that add no content of their own: light verbs (the shared list),
#: reporting verbs, the formal nouns that never carry content here (not 内, 面 or 外, which
#: do in 胸の内 or 表面: a paraphrase is judged by such words), deictic words.
_JA_FRAME = wordlists.light_verbs() | frozenset(
    """言う 述べる 語る 話す 明らか 示す 伝える 見る 思う 考える 付け加える 加える 強調 説明
    指摘 発表 表明 事 物 者 為 様 所 方 中 上 下 際 時 度 点 他 後 前 間 場合 今回 同 これ それ
    この その 彼 彼女""".split()
)
#: Verbs that form compound particles after a particle (にとって, について, に対して).
_PARTICLE_VERBS = wordlists.particle_verbs()


class AdditionCheck(BaseCheck):
    """Flag a Japanese clause inside an aligned pair whose content renders nothing of the
    English: a claim the translation added (上場来高値を更新した where the English only
    says the shares rose). Whole added sentences (0:1 beads) are the aligner's."""

    name: ClassVar[str] = "addition"
    version: ClassVar[int] = 12
    requires: ClassVar[frozenset[str]] = frozenset()

    def run(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]:
        if pair.chrome or not pair.mt_sentences or not pair.ref_sentences:
            return
        lex = ctx.lexicon(pair)
        # the pair must be a translation of its English, or every clause looks added
        if not lex.words or sum(lex.covered(k) for k in range(len(lex.words))) < 0.5 * len(
            lex.words
        ):
            return
        near_ref = " ".join(p.reference for p in neighbour_pairs(pair, ctx))
        near_words = english_words(near_ref) if near_ref else ()
        text = ctx.translation.text
        # English conjunctions (while, because) render nothing a claim could be made of,
        # whatever gloss they share (年内 "within the year" ~ while)
        grammar = {k for k, w in enumerate(lex.words) if w.text.lower() in OPENER_WORDS}
        for chunk in japanese_clauses(lex.units):
            own = [u for u in chunk if adds_content(lex.units[u]) and not (
                # the verb of a compound particle (にとって, に対して) is grammar
                u > 0 and lex.units[u - 1].pos1 == "助詞"
                and lex.units[u].lemma in _PARTICLE_VERBS)]
            # names and numbers that nothing of the English renders (1983年に導入された
            # エアバスA310は): facts of their own, counted with the content words
            facts = [u for u in chunk if _unrendered_fact(lex, u, near_words)]
            if len(own) + len(facts) < MIN_ADDED_WORDS:
                continue
            if not any(lex.units[u].pos1 in {"動詞", "形容詞"} or lex.units[u].pos3 == "サ変可能"
                       for u in own):
                continue  # a claim has a predicate
            # English words already rendered before this clause (病院トラストによると… then
            # 病院に移送された): saying them again renders nothing new
            outside = rendered_before(lex, chunk[0]) | grammar
            # the clause renders an English word nothing else renders: not added (a word
            # referring to a time or a thing, 今季 "this season", renders one too)
            if any(set(lex.unit_links(u)) - outside for u in chunk if u in own or (
                    lex.units[u].content and len(lex.units[u].text) > 1
                    and lex.units[u].text.startswith(_DEICTIC_PREFIXES))):
                continue
            # a number of the English that nothing before renders (106件 for "referred 106
            # cases"): a fact of the English sentence, whatever the words around it
            if any(lex.words[k].kind == "number"
                   for u in chunk for k in set(lex.unit_links(u)) - outside):
                continue
            # ... not even through a synonym the dictionary lists with the English word
            # (unless the clause states a number no English word gives: a fact of its own)
            free = [w for k, w in enumerate(lex.words) if k not in outside and w.kind == "word"]
            if not any(_stated_number(lex.units, u) for u in facts) and any(
                    related(lex.units[u], w.text) for u in own for w in free):
                continue
            # ... nor an English word no dictionary entry glosses (slang, coinages: "so
            # angsty" → すごく苦悩に満ちている), left unrendered: the clause may be its rendering
            if any(not w.capital and not lex.covered(k) and k not in outside
                   and english_entry(w.text.lower()).senses == 0
                   and english_entry(w.stem).senses == 0
                   for k, w in enumerate(lex.words) if w.kind == "word"):
                continue
            # a clause about an English name or loanword of the pair (フリーダム・コーカスは
            # …と考えている for "the Freedom Caucus believes …") renders that sentence
            if any(japanese.is_katakana(lex.units[u].text) and set(lex.unit_links(u)) - grammar
                   for u in chunk):
                continue
            moved = {w.stem for u in own for w in near_words
                     if len(w.stem) >= 4 and word_matches_unit(w, lex.units[u])}
            if len(moved) > 1:
                continue  # content of a neighbouring sentence, moved here
            a, b = _trim_frame(lex.units, chunk)
            if b <= a:
                continue
            yield self.finding(
                text, a, b,
                category="addition",
                severity="major",
                message=(f"'{text[a:b]}' says something the English does not: no word of it "
                         "renders the English sentence"),
                pair=pair,
                code="ADD001",
                evidence={"words": ",".join(lex.units[u].text for u in own)},
            )


#: Kanji that open a compound referring back (同社, 当局): such a compound renders a
#: pronoun or a repeated noun of the English, no added content.
_DEICTIC_PREFIXES = tuple(sorted(wordlists.deictic_prefixes()))


#: Closing brackets: a quotation or a title before a particle is its noun phrase.
_CLOSERS = "」』）)”】"


def _after_quote(text: str, at: int) -> bool:
    """Whether the particle at ``at`` of the document ``text`` follows a closed bracket, or
    stands inside an open one (a sentence cut at a ！ or ？ inside a quotation)."""
    before = text[:at].rstrip(" \u3000")
    if before.endswith(tuple(_CLOSERS)):
        return True
    return japanese.inside_quotation(before[before.rfind("\n") + 1 :])


#: Dependent nouns that take a modifier before them when の follows (ための: "for …"): one
#: opening a clause lost its modifier (ために may open one: ためになる, "useful").
DEPENDENT_NOUNS = frozenset({"ため"})


def _dependent_opener(toks: Sequence[japanese.Token], i: int) -> bool:
    """Whether token ``i`` is a word that only follows a modifier: the auxiliary stem よう
    (ような, ように, ようだ: "like …", "so that …") or a dependent noun with its particle
    (ための). A clause cannot open on one (みたい, the colloquial stem, is said alone:
    みたいな感じ; ためになる is a word of its own)."""
    t = toks[i]
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is None:
        return False
    if t.pos1 == "形状詞" and t.pos2 == "助動詞語幹" and t.surface == "よう":
        return nxt.pos1 in {"助動詞", "助詞"}
    return t.pos1 == "名詞" and t.surface in DEPENDENT_NOUNS and nxt.surface == "の"


def rendered_before(lex: Lexicon, first: int) -> set[int]:
    """English words that the Japanese units before unit ``first`` render, one word per
    unit: a word said twice in the English ("land reforms … land reform") is rendered
    twice, and a unit that glosses two words (造園, "landscaping" or "parks") renders one
    of them, the one no other unit can (the other is left for 公園)."""
    word_units = [set(ls) for ls in lex.links]
    claimed: set[int] = set()
    for u in range(first):
        ks = [k for k in lex.unit_links(u) if k not in claimed]
        if ks:
            claimed.add(min(ks, key=lambda k: (len(word_units[k]), k)))
    return claimed


def free_content(lex: Lexicon) -> list[int]:
    """The content words of the Japanese (nouns, verbs, adjectives, adverbs: not frames,
    pronouns, numbers, their counters or people's names: オカフォー and カ月 say no
    clause in other words) that render no English word of the pair."""
    linked = {u for ls in lex.links for u in ls}
    return [u for u, x in enumerate(lex.units)
            if u not in linked and x.content and x.pos2 not in {"数詞", "非自立可能", "代名詞"}
            and x.pos1 not in {"代名詞", "接尾辞", "接頭辞"} and x.lemma not in _JA_FRAME
            and x.text not in _JA_FRAME and x.pos3 != "人名" and not NAME_DOTS.search(x.text)
            and not x.pos3.startswith("助数詞")]


def paraphrased(lex: Lexicon, missing_ks: Sequence[int]) -> bool:
    """Whether the Japanese holds enough words of its own to render the missing English
    words ``missing_ks`` in other words: free content words (:func:`free_content`) at
    least :data:`PARAPHRASE_SHARE` as many as the missing words. A clause a translator
    dropped leaves the Japanese with no such words; one rendered freely (うろたえた for
    "panicked", 制御不能な衝動 for "the urge is too strong to control") leaves them there."""
    return len(free_content(lex)) >= PARAPHRASE_SHARE * len(missing_ks)


def _unrendered_fact(lex: Lexicon, u: int, near: Sequence[EnWord]) -> bool:
    """Whether unit ``u`` is a number or a word in Latin letters (an address, a model, a
    name kept in its own script) that renders no word of the pair's English, nor of the
    sentences around it. Katakana does not count: a name or loanword spelt otherwise than
    the dictionary's sound match expects (タサリン for "Tasarin", エルゴメーター for "erg")
    is a rendering as often as not (on WMT24 ESA dev, 6 of 9 such clauses were renderings
    no annotator marked)."""
    unit = lex.units[u]
    if lex.unit_links(u):
        return False
    if not unit.numbers and not _LATIN_WORD.fullmatch(unit.text):
        return False
    return not any(word_matches_unit(w, unit) for w in near)


def _stated_number(units: Sequence[JaUnit], u: int) -> bool:
    """Whether unit ``u`` is a number standing on its own (2023年, 40億ドル), not digits
    inside a word in Latin letters (Psych2Go, MP3): a figure the sentence states."""
    if not units[u].numbers:
        return False
    before = units[u - 1] if u > 0 else None
    after = units[u + 1] if u + 1 < len(units) else None
    glued = [x for x, touching in ((before, before and before.end == units[u].start),
                                   (after, after and units[u].end == after.start))
             if x is not None and touching and x.sentence == units[u].sentence]
    return not any(_LATIN_LETTERS.search(x.text) for x in glued)


#: A Latin letter (a word around digits: Psych2Go).
_LATIN_LETTERS = re.compile(r"[A-Za-zＡ-Ｚａ-ｚ]")
#: A word in Latin letters, with digits or hyphens after its first letter (A310, e-mail).
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9-]+")


def adds_content(u: JaUnit) -> bool:
    # katakana words are names or loanwords: the names check judges those
    return (u.content and u.known and not japanese.is_katakana(u.text)
            and u.pos2 not in {"数詞", "非自立可能", "代名詞"}
            and u.pos1 != "代名詞" and u.lemma not in _JA_FRAME and u.text not in _JA_FRAME
            and not u.text.startswith(_DEICTIC_PREFIXES) and len(u.text) > 1)


def _trim_frame(units: Sequence[JaUnit], chunk: Sequence[int]) -> tuple[int, int]:
    """The chunk without a trailing reporting frame (…とも述べた) or leading connective."""
    items = list(chunk)
    # drop a final reporting verb with its quotative particle
    for k in range(len(items) - 1, 0, -1):
        x = units[items[k]]
        if x.pos1 == "助詞" and x.text in {"と", "とも", "って"} and any(
            units[v].lemma in {"述べる", "語る", "言う", "話す", "明らか", "付け加える", "強調"}
            for v in items[k + 1 :]
        ):
            items = items[:k]
            break
    while items and (units[items[0]].pos1 in {"接続詞", "助詞", "副詞"}):
        items = items[1:]
    if not items:
        return 0, 0
    return units[items[0]].start, units[items[-1]].end
