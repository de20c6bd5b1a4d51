"""Job titles and offices: mistranslated, duplicated or invented titles.

For each aligned pair the English titles are found with the glossary (longest match,
case-insensitive, see :mod:`mtqa.text.glossary`). A title is rendered when the Japanese of the
pair contains one of its accepted renderings, or, for a title of several words, its katakana
transliteration word by word (エグゼクティブ・ディレクター for "executive director"). Else the
span rendering it wrongly is located among the Japanese *title compounds* (ending in an
office head: 大統領, 長官, 大臣, 相, 知事, 秘書, 校長, 管理者, 検査官…) by three kinds of
evidence: the compound keeps the portfolio of an accepted rendering (外務 of 外務大臣 in
外務大統領), it stands next to the Japanese rendering of the name the English title goes
with (ラヴロフ外務大統領 for "Foreign Minister Sergey Lavrov"), or its head's JMdict glosses
contain the English title's head word (検査官 "inspector" for Inspector).

Findings:

* ``TTL001`` — title rendered wrongly. ``major`` when the office changes (the head
  names another kind of office: minister → president, secretary of state → clerk) or the
  portfolio changes (財務 → 外務); ``minor`` when the office and portfolio survive and
  only the word is off (中央銀行知事 for central bank governor). The holder of an office
  given its deputy's title (ルエラス副保安官 for "Sheriff Dolores Ruelas") is a major
  TTL001 too (:func:`.title_holders.added_deputy`).
* ``TTL002`` — the same title on both sides of a name (ロシア大統領のプーチン大統領).
* ``TTL003`` — a title compound that is no known title and whose office the English does
  not mention (国家長官 where the English has "the two countries' top diplomats").
* ``TTL004`` — the title of the head of a kind of organisation the English article never
  names (首相 for "Your Honor"; 社長 for "the Louisiana Republican").

Titles by organisation (issue #19 item 1): the Japanese for "president", "chairman",
"leader" or "chancellor" depends on who holds it. The holder's kind of organisation (a
state, a ministry, a central bank, a party, a company, a club or federation, a court, a
university, a city, state or province, a legislature) is read from the English by
:meth:`mtqa.text.glossary.Organisations.holder_kind` (the title itself, "of X", a
possessive, a country, the organisation's name); only the renderings of that kind are then
accepted, and a title of another kind is a major TTL001 (党首 for "Rwanda President Paul
Kagame"). A person the English titles once keeps that kind through the article (ハーベック社長
where the article has "Robert Habeck, the economy minister"). Another sense of the English
word from JMdict (話者 for "Speaker Mike Johnson") is a TTL001 as well. Titles by kind:
``mtqa/data/org_titles.tsv``; the countries: ``countries.tsv``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import ClassVar

from ..text import japanese, jmdict
from ..text.english import STOPWORDS, stem
from ..text.lexicon import is_given_name
from ..text.wordnet import lemma_synsets
from ..text.glossary import Glossary, TitleMatch, load_glossary, organisations
from ..text.phonetic import SAME_NAME_MIN, name_similarity
from ..types import AlignedPair, Finding, Severity
from . import BaseCheck, Context
from .names import MATCH_MIN as NAME_PREFIX_MIN
from .title_accepted import (PHRASE_WORDS, accepted, accepted_in_article, chairs_a_board,
                             head_word, in_field)
from .title_fields import (AGENCY_ENDS, ANY_HEAD, field_in_other_sense, field_of_english,
                           portfolio_in_english, shortened, words_at)
from .title_senses import (CONSULTANT, domain_sense, gloss_stems, literal_word,
                           medical_consultant, paronym_words, sense_words, word_for_word)
from .names import find_rendering
from .title_holders import (CAPITALISED_NAME, DEPUTY_PREFIX, SUBORDINATE, added_deputy,
                            appointed_to, holder_name_runs, others_own, renders_other_name,
                            title_holder_names)
from .title_compounds import (
    Compound, compounds, gloss_of, rendering_parts, rendering_present, title_pieces,
    widened,
)

#: Offices whose invention is worth an alarm (TTL003): high or specific offices; generic
#: heads (官, 長, 代表, 責任者) are left alone, translators use them for any role.
STRONG_KINDS = frozenset(
    "head_of_state vice_head head_of_government deputy_head minister deputy_minister "
    "governor mayor staff academic police military judge ambassador envoy royal".split()
)
#: Heads of strong kinds that name no office by themselves (女子代表: a national team; 信号係,
#: "signalman": 係 names whoever is in charge of a task).
_VAGUE_HEADS = frozenset({"代表", "責任者", "係"})
#: Characters of a name-to-title gap that still count as adjacent (の, a space, the comma
#: of an apposition: 警察の巡査長、アンドリュー・ロックリッジ氏; である: 連合の事務総長である
#: ダンテス氏), after the title's acronym in brackets (最高執行責任者(COO)のヘンリク・フォス氏).
_ADJACENT_GAP = re.compile(r"^(?:[（(][A-Za-zＡ-Ｚ0-9&＆]{1,8}[）)])?(?:[\s　の、]|である)?$")


#: A run of katakana words joined by the middle dot (エグゼクティブ・ディレクター).
_KATAKANA_WORDS = re.compile(r"[\u30A1-\u30FA\u30FC]+(?:[・･][\u30A1-\u30FA\u30FC]+)+")


#: An office said by its verb ("Councillor Priya Hallam, who chairs the environment
#: committee" → 環境委員会のハラム委員長): the glossary title whose renderings the Japanese
#: may give the holder, though the English title is another.
_OFFICE_VERBS = {"chair": "chair", "head": "leader", "lead": "leader", "led": "leader",
                 "direct": "director"}
_HELD_BY_VERB = re.compile(
    r"\b(?:who|which|she|he|also|now|currently)\s+(?:(chair|head|lead|direct)(?:s|ed)|(led))\b",
    re.IGNORECASE)


def _held_by_verb(reference: str, gl: Glossary) -> set[str]:
    """The renderings of the offices ``reference`` says a person holds by a verb (see
    :data:`_HELD_BY_VERB`)."""
    out: set[str] = set()
    for m in _HELD_BY_VERB.finditer(reference):
        verb = (m.group(1) or m.group(2)).lower()
        entry = gl.get(_OFFICE_VERBS[verb])
        if entry is not None:
            out.update(entry.renderings)
    return out


def _plural(m: TitleMatch) -> bool:
    """Whether the English title is a plural ("council leaders"): no one person's name
    beside a Japanese title is its holder's."""
    last = m.text.lower().rstrip("'").split()[-1]
    return last.endswith("s") and not m.entry.key[-1].endswith("s")


def _after_a_name(seg: str, at: int) -> bool:
    """Whether the title at ``at`` of ``seg`` follows a katakana letter, a person's name
    (コワルチク市長); not a list's ・ (財務相・中央銀行知事 for "finance ministers and central
    bank governors")."""
    return at > 0 and seg[at - 1] not in "・＝=" and japanese.is_katakana(seg[at - 1])


def _transliterated(title: str, seg: str) -> bool:
    """Whether a title of several English words is written out in katakana in ``seg``, word
    by word with the middle dot (エグゼクティブ・ディレクター for "executive director",
    マネージング・ディレクター for "managing director"), as business news keeps many
    titles. A one-word title in katakana (スピーカー for "Speaker") is not: it is a word of
    its own, whose sense the other rules judge."""
    words = re.findall(r"[A-Za-z]+", title)
    if len(words) < 2:
        return False
    letters = "".join(words)
    return any(len(re.split("[・･]", run)) >= len(words)
               and name_similarity(letters, re.sub("[・･]", "", run)) >= SAME_NAME_MIN
               for run in _KATAKANA_WORDS.findall(seg))


def _word_pairs(reference: str, start: int, end: int) -> list[tuple[str, str]]:
    """Stems of the adjacent English word pairs of ``reference`` outside the title at
    ``start:end`` ("enforcement attorney" beside "executive director")."""
    words = [(m.start(), stem(m.group())) for m in re.finditer(r"[A-Za-z]+", reference)
             if not start <= m.start() < end]
    return [(a, b) for (_, a), (_, b) in zip(words, words[1:])]


def _renders_pair(c: Compound, pairs: Sequence[tuple[str, str]],
                  titled: Mapping[str, frozenset[str]] = MappingProxyType({})) -> bool:
    """True when compound ``c`` renders another two-word phrase of the English word by word,
    its modifier the first word and its head the second (執行 "enforcement" + 弁護士
    "attorney"), the second maybe another title of the pair rendered as the glossary says
    (``titled``: its stem → renderings; 政府 + 報道官 "government spokesperson"): it is that
    phrase's rendering, not the title's."""
    mod, head = gloss_stems(c.modifier), _head_stems(c.head)
    return any(a in mod and (b in head or c.head in titled.get(b, ())) for a, b in pairs)


def _other_titles(matches: Sequence[TitleMatch], m: TitleMatch) -> dict[str, frozenset[str]]:
    """The pair's other titles, each by the stem of its last word, with their renderings
    (for :func:`_renders_pair`: "spokesperson" → 報道官, …)."""
    return {stem(x.text.split()[-1]): frozenset(x.entry.renderings)
            for x in matches if x is not m and x.text.split()}


def _head_stems(head: str) -> frozenset[str]:
    """Gloss stems of an office head and of the words it is made of: a head JMdict lacks
    as a whole (次官補 "assistant secretary": 次官 'vice-minister' + 補 'assistant')."""
    out = gloss_stems(head)
    for piece in title_pieces(head):
        out |= gloss_stems(piece)
    return out


@dataclass
class _Candidate:
    comp: Compound
    score: float
    by_name: bool
    why: tuple[str, ...]


class TitleCheck(BaseCheck):
    """Mistranslated, duplicated and invented job titles (glossary-driven)."""

    name: ClassVar[str] = "titles"
    version: ClassVar[int] = 54
    requires: ClassVar[frozenset[str]] = frozenset({"glossary"})

    def run(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]:
        if pair.chrome or not pair.mt_sentences:
            return
        gl = _glossary(ctx)
        text = ctx.translation.text
        seg = text[pair.mt_start : pair.mt_end]
        comps = _trim_names(compounds(seg, pair.mt_start), pair.reference, seg, pair.mt_start)
        matches = _titles(ctx, gl, pair.reference) if pair.ref_sentences else []
        window_en, window_ja = _window(pair, ctx)
        window_titles = _titles(ctx, gl, window_en)
        named = ctx.check_state(_TitleState).organisations
        # (a central bank's governor licenses only its renderings, whatever a mention of the
        # title elsewhere leaves open: "Governor" of a headline does not license 知事)
        article = ctx.reference.text
        accepted = [in_field(x, accepted_in_article(pair.reference, x, named, window_en),
                              article) for x in matches]
        known = {x.entry.key: set(acc[1]) for x, acc in zip(matches, accepted)
                 if acc[0] == "central_bank"}
        licensed = {r for m in window_titles
                    for r in in_field(m, accepted_in_article(window_en, m, named,
                                                               window_en), article)[1]
                    if m.entry.key not in known or r in known[m.entry.key]}
        licensed |= _held_by_verb(pair.reference, gl)
        flagged: set[tuple[int, int]] = set()
        offices = _office_renderings(gl)
        for m, (kind, renderings) in zip(matches, accepted):
            if any(r in seg and word_for_word(r, m.entry.key) for r in m.entry.renderings):
                continue  # 最高経営責任者 "chief executive officer" for any chief executive
            present = [r for r in renderings if rendering_present(r, seg, comps)
                       and _stands_alone(r, seg) and not _agency_head(m, r, comps)
                       and not others_own(r, m, matches, gl, seg)]
            # (a rendering of the holder's kind the glossary does not give for the title
            # drops no word of it: 州書記長 for the "state secretary" of a union)
            cores = [c.core for c in comps if (c.start, c.end) not in flagged]
            literal = next((x for r in present if r in m.entry.renderings and (
                x := literal_word(m.entry.key, r, m.entry.renderings, cores,
                                  organisations().title_kind(m.entry)))), None)
            if literal is not None:
                yield self._literal(m, literal, pair, seg, text, flagged)
                continue
            deputy = added_deputy(m, present, pair.reference, ctx.reference.text, seg,
                                  pair.mt_start)
            if deputy is not None:
                yield self._deputy(m, deputy, pair, text, flagged)
                continue
            other = next((x for r in present if (x := field_in_other_sense(
                m, r, pair.reference, cores, ctx.reference.text))), None)
            if other is not None:
                yield self._field_sense(m, other, pair, seg, text, flagged)
                continue
            sense = domain_sense(present, m.entry.renderings, ctx.reference.text)
            if sense is not None:
                yield self._literal(m, (sense[0], sense[1], ""), pair, seg, text, flagged)
                continue
            if present and not all(
                    _inside_other_office(r, seg, pair.mt_start, comps, renderings, licensed,
                                         offices) for r in present):
                continue
            if any(widened(c, renderings)
                   and not _other_office(c, renderings, licensed, offices) for c in comps):
                continue  # (a wider portfolio, not another office: 最高執行責任者 is the COO)
            if _transliterated(m.text, seg):
                continue  # エグゼクティブ・ディレクター for "executive director"
            cand = self._locate(m, renderings, pair, seg, comps, licensed, flagged,
                                _unexplained(kind, m, window_en, window_titles), offices,
                                _other_titles(matches, m))
            if cand is None:
                if kind or m.entry.cap_only:
                    yield from self._other_sense(m, pair, seg, text, licensed, flagged, gl)
                continue
            if not cand.by_name and any(len(r) >= 2 and r in window_ja for r in renderings):
                continue  # rendered in a neighbouring sentence: the alignment is off
            flagged.add((cand.comp.start, cand.comp.end))
            yield self._wrong_title(m, kind, renderings, cand, pair, text)
        yield from self._holders(pair, ctx, comps, text, window_en, flagged)
        yield from self._medical_consultant(pair, seg, text, flagged)
        whole = [c for c in comps if not c.embedded]
        yield from self._duplicates(pair, whole, text, matches, flagged)
        yield from self._invented(pair, ctx, gl, whole, text, window_en, window_ja, flagged)
        yield from self._unsupported(pair, ctx, comps, text, flagged)

    # --- TTL001 ----------------------------------------------------------------------

    def _locate(
        self, m: TitleMatch, renderings: Sequence[str], pair: AlignedPair, seg: str,
        comps: Sequence[Compound], licensed: set[str], flagged: set[tuple[int, int]],
        unexplained: frozenset[str] = frozenset(), offices: frozenset[str] = frozenset(),
        titled: Mapping[str, frozenset[str]] = MappingProxyType({}),
    ) -> _Candidate | None:
        """The compound that renders title ``m`` (accepted ``renderings``) wrongly, if the
        evidence points at one. ``unexplained``: kinds of organisation that neither the
        holder of ``m`` nor anything else of the English near it accounts for; a specific
        title of such a kind can only render ``m`` (最高経営責任者 for "as president" of a
        state, where the English names no company)."""
        mods = {rendering_parts(r)[0] for r in renderings} - {""}
        heads = {rendering_parts(r)[1] for r in renderings} - {""}
        word = stem(h) if (h := head_word(m)) else ""
        name_runs = holder_name_runs(m, pair.reference, seg, pair.mt_start)
        other_phrases = _word_pairs(pair.reference, m.start, m.end)
        orgs = organisations()
        # a title that depends on its holder ("leader", "chairman") may be given by a
        # word news Japanese gives whoever leads any body (代表 for a "leader"), or as the
        # head of the body itself (組合長 for the chairman of a co-operative)
        any_head = orgs.depends_on_holder(m.entry)
        best: _Candidate | None = None
        for c in comps:
            if (c.start, c.end) in flagged or c.core in licensed or c.surface in licensed:
                continue
            if any_head and c.core not in offices and (
                    (m.entry.key[-1] == "leader" and c.core.endswith(ANY_HEAD))
                    or orgs.head_of_organisation(c.modifier, c.head)):
                continue
            if c.modifier and _renders_pair(c, other_phrases, titled):
                continue  # 執行弁護士 is the "enforcement attorney" beside "executive director"
            if c.core not in offices and any(_same_office(c.core, r) for r in renderings):
                continue  # 最高医療責任者 for 最高医務責任者: a synonym in the portfolio
                # (not 金融相 for 財務相: both "finance", but the glossary's title of
                # another office, the minister for financial services)
            if c.head in _UNIT_HEADS and c.modifier and _unit_before(pair.reference, m.start,
                                                                     c.modifier):
                continue  # 支部長 for "Branch president": the head of the unit named before
            if c.core in heads and not c.modifier and shortened(c.core, renderings):
                continue  # a bare accepted head (大臣 for "Finance Minister") is a shortening
            if field_of_english(c, heads, offices, pair.reference, m):
                continue
            why: list[str] = []
            score = 0.0
            if c.modifier and c.modifier in mods:
                why.append("portfolio")
                score += 2.0
            by_name = any(
                _ADJACENT_GAP.match(seg[c.end - pair.mt_start : rs - pair.mt_start] or "")
                and c.end <= rs
                or _ADJACENT_GAP.match(seg[re_ - pair.mt_start : c.core_start - pair.mt_start])
                and re_ <= c.core_start
                # (qualifiers between: トラン＝ウィットフォード副知事, ラヴロフ元外相)
                or _ADJACENT_GAP.match(seg[re_ - pair.mt_start : c.start - pair.mt_start])
                and re_ <= c.start
                # (a dotted run read on into the title: ペッテル・オースラン・エネルギー庁長官)
                or rs < c.start < re_ and seg[c.start - pair.mt_start - 1] == "・"
                or appointed_to(seg, re_ - pair.mt_start, c.start - pair.mt_start,
                                c.end - pair.mt_start)
                for rs, re_ in name_runs
            )
            if _plural(m) and _after_a_name(seg, c.start - pair.mt_start):
                continue  # one person's title (コワルチク市長), not the group's ("leaders")
            if by_name:
                why.append("name")
                score += 2.0
            if word and word in gloss_stems(c.head) | gloss_stems(c.core):
                why.append("gloss")
                score += 1.0
            if unexplained and not _generic(c) and (
                (kinds := organisations().japanese_kinds(c.core, c.head))
                and kinds <= unexplained
            ):
                why.append("organisation")
                score += 1.0
            if not why:
                continue
            if best is None or score > best.score:
                best = _Candidate(c, score, by_name, tuple(why))
        return best

    def _wrong_title(
        self, m: TitleMatch, kind: str | None, renderings: Sequence[str], cand: _Candidate,
        pair: AlignedPair, text: str,
    ) -> Finding:
        c = cand.comp
        mods = {rendering_parts(r)[0] for r in renderings}
        c_orgs = organisations().japanese_kinds(c.core, c.head)
        other_org = bool(kind and c_orgs and kind not in c_orgs)
        same_office = bool(c.kinds & m.entry.kinds) if m.entry.kinds else (
            c.head in {rendering_parts(r)[1] for r in renderings}
        )
        same_portfolio = (c.modifier in mods or (not c.modifier and "" in mods)
                          or portfolio_in_english(c.modifier, pair.reference, m))
        severity: Severity = (
            "minor" if same_office and same_portfolio and not other_org else "major")
        if other_org and kind:
            what = f"title of a {_org_names(c_orgs)} given to an officer of a {_ORG_NAME[kind]}"
        else:
            what = "the office changes" if not same_office else "the portfolio or field changes"
        expected = " or ".join(renderings[:2])
        meaning = gloss_of(c.core)
        start, end = c.core_start, c.end
        evidence = {"english": m.text, "expected": "|".join(renderings),
                    "evidence": ",".join(cand.why)}
        if kind:
            evidence["organisation"] = kind
        if other_org:
            evidence["title_organisation"] = ",".join(sorted(c_orgs))
        return self.finding(
            text, start, end,
            category="title",
            severity=severity,
            message=(
                f"'{m.text}' rendered as {text[start:end]}"
                + (f" ({meaning})" if meaning else "")
                + (f": {what}" if severity == "major" else "")
                + f"; expected {expected}"
            ),
            pair=pair,
            code="TTL001",
            evidence=evidence,
        )

    def _literal(self, m: TitleMatch, literal: tuple[str, str, str], pair: AlignedPair,
                 seg: str, text: str, flagged: set[tuple[int, int]]) -> Finding:
        """TTL001: a word of the title the newsroom rendering leaves out, glossed word for
        word before it (:func:`.title_senses.literal_word`)."""
        core, word, part = literal
        start = pair.mt_start + seg.find(core)
        flagged.add((start, start + len(core)))
        meaning = gloss_of(part or core)
        said = (f"'{word}' said word for word as {part}" if part else
                f"a sense JMdict restricts to {word}, and the English names no {word}")
        return self.finding(
            text, start, start + len(core), category="title",
            severity="major" if part else "minor",
            message=(f"'{m.text}' rendered as {core}: {said}"
                     + (f" ({meaning})" if meaning else "") + "; expected "
                     + " or ".join(m.entry.renderings[:2])),
            pair=pair, code="TTL001",
            evidence={"english": m.text, "expected": "|".join(m.entry.renderings),
                      "evidence": "literal" if part else "domain"},
        )

    def _field_sense(self, m: TitleMatch, other: tuple[str, str, str], pair: AlignedPair,
                     seg: str, text: str, flagged: set[tuple[int, int]]) -> Finding:
        """TTL001: the title's field said in another sense
        (:func:`.title_fields.field_in_other_sense`)."""
        core, word, gloss = other
        start = pair.mt_start + seg.find(core)
        flagged.add((start, start + len(core)))
        return self.finding(
            text, start, start + len(core), category="title", severity="minor",
            message=(f"'{m.text}' rendered as {core}: its field '{word}' said in another "
                     f"sense (JMdict: '{gloss}'); expected "
                     + " or ".join(m.entry.renderings[:2]) + " with the field"),
            pair=pair, code="TTL001",
            evidence={"english": m.text, "expected": "|".join(m.entry.renderings),
                      "evidence": "field sense"},
        )

    def _deputy(self, m: TitleMatch, span: tuple[int, int], pair: AlignedPair, text: str,
                flagged: set[tuple[int, int]]) -> Finding:
        """TTL001: the holder of an office given its deputy's title
        (:func:`.title_holders.added_deputy`)."""
        flagged.add(span)
        return self.finding(
            text, *span, category="title", severity="major",
            message=(f"'{m.text}' rendered as {text[span[0]:span[1]]}, a deputy's title "
                     f"({DEPUTY_PREFIX} 'vice-; deputy'); the English gives the holder the "
                     f"office itself: expected " + " or ".join(m.entry.renderings[:2])),
            pair=pair, code="TTL001",
            evidence={"english": m.text, "expected": "|".join(m.entry.renderings),
                      "evidence": "deputy"},
        )

    def _other_sense(
        self, m: TitleMatch, pair: AlignedPair, seg: str, text: str, licensed: set[str],
        flagged: set[tuple[int, int]], gl: Glossary,
    ) -> Iterator[Finding]:
        """Another sense of the English title's word, taken from JMdict, in place of the
        title: 話者 or スピーカー ("one who speaks", "a loudspeaker") for "Speaker Mike
        Johnson", 牧師 ("a clergyman") for "Minister X"."""
        english = " ".join(m.entry.key)
        if _in_a_proper_noun(pair.reference, m.end):
            return  # "General Data Protection Regulation": a name's word, no title
        # a given name that is a title's word too ("Dean Whitlock, 34," → ディーン・
        # ウィットロック): one capitalised word after it, and its katakana joined to the
        # surname's by ・
        given = is_given_name(m.text) and _ONE_NAME_AFTER.match(pair.reference, m.end)
        renderings = set(m.entry.renderings)
        found = [(w, s, "sense") for w, s in sense_words(english, seg)] + [
            (w, s, "paronym") for w, s in paronym_words(english, seg)]
        # a title of several words ("Climate Minister") is read by its head word too (牧師,
        # "a clergyman", for 気候牧師), where the glossary knows the head alone
        head = gl.get(m.entry.key[-1]) if len(m.entry.key) > 1 else None
        if head is not None:
            renderings |= set(head.renderings)
            found += [(w, s, "sense") for w, s in sense_words(m.entry.key[-1], seg)]
        for word, start, why in found:
            if word in licensed or any(word in r for r in renderings):
                continue
            if given and seg.startswith("・", start + len(word)):
                continue
            if m.text.lower().endswith("s") and word.endswith("会") and word[:-1] in renderings:
                continue  # the body the holders form: 委員会 for "County commissioners"
            s0 = pair.mt_start + start
            if any(a < s0 + len(word) and s0 < b for a, b in flagged):
                continue
            flagged.add((s0, s0 + len(word)))
            meaning = gloss_of(word)
            yield self.finding(
                text, s0, s0 + len(word),
                category="title",
                severity="major",
                message=(
                    f"'{m.text}' rendered as {word}" + (f" ({meaning})" if meaning else "")
                    + (", another sense of the word" if why == "sense"
                       else ", a word that only looks like it")
                    + "; expected " + " or ".join(m.entry.renderings[:2])
                ),
                pair=pair,
                code="TTL001",
                evidence={"english": m.text, "expected": "|".join(m.entry.renderings),
                          "evidence": why},
            )
            return

    def _medical_consultant(self, pair: AlignedPair, seg: str, text: str,
                            flagged: set[tuple[int, int]]) -> Iterator[Finding]:
        """A hospital consultant given as a business adviser (:func:`.title_senses.
        medical_consultant`)."""
        found = medical_consultant(pair.reference, seg)
        if found is None:
            return
        english, at = found
        start, end = pair.mt_start + at, pair.mt_start + at + len(CONSULTANT)
        if any(a < end and start < b for a, b in flagged):
            return
        flagged.add((start, end))
        yield self.finding(
            text, start, end,
            category="title",
            severity="major",
            message=(f"'{english}' rendered as {CONSULTANT} (a business adviser), another "
                     "sense of the word: a hospital consultant is a senior specialist doctor; "
                     "expected 専門医 or 顧問医"),
            pair=pair,
            code="TTL001",
            evidence={"english": english, "expected": "専門医|顧問医", "evidence": "sense"},
        )

    def _holders(
        self, pair: AlignedPair, ctx: Context, comps: Sequence[Compound], text: str,
        window_en: str, flagged: set[tuple[int, int]],
    ) -> Iterator[Finding]:
        """A title next to the name of a person whom the English titles elsewhere in the
        article as an officer of another kind of organisation (ハーベック大統領 where the
        article has "Robert Habeck, the economy minister" and this sentence only "Habeck")."""
        people = ctx.check_state(_TitleState).holders
        if not people or not pair.ref_sentences:
            return
        orgs = organisations()
        seg = text[pair.mt_start : pair.mt_end]
        window_titles = ctx.titles(_glossary(ctx), window_en)
        near = {k for m in window_titles
                for k in [accepted(window_en, m)[0]] + list(
                    orgs.kinds_of_renderings(accepted(window_en, m)[1]))}
        # a title rendered word for word fits any body (最高経営責任者 for the chief
        # executive of a retailers' council), as in TTL001
        literal = {r for m in window_titles for r in m.entry.renderings
                   if word_for_word(r, m.entry.key)}
        for c in comps:
            c_orgs = orgs.japanese_kinds(c.core, c.head)
            if (c.start, c.end) in flagged or not c_orgs or c_orgs & near or c.core in literal:
                continue
            for name, kinds in people:
                runs = [r for r in find_rendering(name, seg) if _unknown_word(seg[r[0]:r[1]])
                        and not renders_other_name(r, name, pair.reference, seg)]
                if kinds & c_orgs or not _next_to(c, runs, seg, pair.mt_start):
                    continue
                flagged.add((c.start, c.end))
                where = ", ".join(sorted(_ORG_NAME[k] for k in kinds))
                meaning = gloss_of(c.core)
                yield self.finding(
                    text, c.core_start, c.end,
                    category="title",
                    severity="major",
                    message=(
                        f"{name} is titled as an officer of a {where} in the English, but "
                        f"{c.core}" + (f" ({meaning})" if meaning else "")
                        + f" is the title of a {_org_names(c_orgs)}"
                    ),
                    pair=pair,
                    code="TTL001",
                    evidence={"english": name, "organisation": ",".join(sorted(kinds)),
                              "title_organisation": ",".join(sorted(c_orgs)),
                              "evidence": "holder"},
                )
                break

    # --- TTL004 ----------------------------------------------------------------------

    def _unsupported(
        self, pair: AlignedPair, ctx: Context, comps: Sequence[Compound], text: str,
        flagged: set[tuple[int, int]],
    ) -> Iterator[Finding]:
        """The title of the head of a kind of organisation that the English article never
        names: no title of an officer of that kind, no word for such an organisation (首相
        for "Your Honor, my client accepts the jury"; 裁判長国 for "chairs the EU Council
        presidency"). A title beside a name is left alone: Japanese news titles the people
        it names (プーチン大統領 for "Putin") where the English gives the bare name; so is a
        title that begins a longer dictionary word (社長室 "boardroom", 大統領選
        "presidential election", 議長国 "chair country"; 裁判長国 is no word), and a pair
        next to an English title the Japanese does not render (the compound may be its
        rendering: TTL001's business).

        Beside a name only the titles of politicians (:data:`_POLITICAL`: a head of state
        or government, a minister, a party leader, a Speaker) are left alone: news Japanese
        gives those to people the English names bare (プーチン大統領 for "Putin"), from what
        every reader knows. The title of the head of a university, a court, a company, a
        club, a central bank or a city beside a bare name (ハーベック学長 for "Mr Habeck"),
        where the English names no such organisation, is flagged: on the refA translations
        of the ESA development half, 9 titles stand next to a katakana name, all of them a
        politician's."""
        if not pair.ref_sentences:
            return
        supported = ctx.check_state(_TitleState).supported
        orgs = organisations()
        seg = text[pair.mt_start : pair.mt_end]
        window_en, window_ja = _window(pair, ctx)
        if any(not any(len(r) >= 2 and r in window_ja for r in accepted(window_en, m)[1])
               for m in ctx.titles(_glossary(ctx), window_en)):
            return  # an English title left unrendered nearby: TTL001 judges the compounds
        # the office said as a verb (chaired, heading): not the title's noun, which
        # TTL001 judges with its holder
        said = {stem(w.lower()) for w, _ in words_at(pair.reference)
                if w.lower().endswith(("ed", "ing"))}
        for c in comps:
            if (c.start, c.end) in flagged or _generic(c):
                continue
            if _head_stems(c.head) & said:
                continue  # the office said as a verb ("a board chaired by" → 議長を務める)
            if c.embedded and _word_with_title(c, seg, pair.mt_start):
                continue
            c_orgs = orgs.japanese_kinds(c.core, c.head)
            if not c_orgs or c_orgs & supported:
                continue
            if c_orgs & _POLITICAL and _beside_name(c, seg, pair.mt_start):
                continue  # news Japanese titles a politician the English names bare
            flagged.add((c.start, c.end))
            yield self._compound_finding(
                c, pair, text, "TTL004",
                f"is that of the head of a {_org_names(c_orgs)}, and the English names no "
                "such organisation or office",
                {"head": c.head, "organisation": ",".join(sorted(c_orgs))},
            )

    def _compound_finding(
        self, c: Compound, pair: AlignedPair, text: str, code: str, what: str,
        evidence: dict[str, str],
    ) -> Finding:
        """A major finding on title compound ``c``: "title <core> (<gloss>) <what>"."""
        meaning = gloss_of(c.core)
        return self.finding(
            text, c.core_start, c.end,
            category="title",
            severity="major",
            message=f"title {c.core}" + (f" ({meaning})" if meaning else "") + f" {what}",
            pair=pair,
            code=code,
            evidence=evidence,
        )

    # --- TTL002 ----------------------------------------------------------------------

    def _duplicates(
        self, pair: AlignedPair, comps: Sequence[Compound], text: str,
        matches: Sequence[TitleMatch], flagged: set[tuple[int, int]],
    ) -> Iterator[Finding]:
        """The same office before and after one name (ロシア大統領のプーチン大統領)."""
        base = pair.mt_start
        seg = text[pair.mt_start : pair.mt_end]
        for a, b in zip(comps, comps[1:]):
            if a.head != b.head or (a.start, a.end) in flagged:
                continue
            between = seg[a.end - base : b.start - base]
            # between the two: の? + a name (katakana with ・, or a kanji person name)
            name = between[1:] if between.startswith("の") else between
            if not name or not _is_name(name):
                continue
            english = [m for m in matches if b.head in {rendering_parts(r)[1]
                                                        for r in m.entry.renderings}]
            if len(english) >= 2:
                continue  # the English gives the title twice too
            flagged.add((a.start, a.end))
            yield self.finding(
                text, a.start, a.end,
                category="title",
                severity="minor",
                message=(
                    f"title {a.head} given twice around {name} ({a.surface}の…{b.surface})"
                    + (f"; the English says '{english[0].text}' once" if english else "")
                ),
                pair=pair,
                code="TTL002",
                evidence={"duplicate": b.surface},
            )

    # --- TTL003 ----------------------------------------------------------------------

    def _invented(
        self, pair: AlignedPair, ctx: Context, gl: Glossary, comps: Sequence[Compound],
        text: str, window_en: str, window_ja: str, flagged: set[tuple[int, int]],
    ) -> Iterator[Finding]:
        """A compound naming a specific office that is no known title and that nothing in
        the English accounts for (国家長官)."""
        if not pair.ref_sentences:
            return
        doc_renderings = ctx.check_state(_TitleState).doc_renderings
        window_titles = _titles(ctx, gl, window_en)
        window_renderings = {r for m in window_titles for r in m.entry.renderings}
        # words of titles the Japanese renders are spoken for; those of unrendered titles
        # may still account for a compound ("section leader" for 消防隊長)
        rendered = [m for m in window_titles
                    if any(len(r) >= 2 and r in window_ja for r in m.entry.renderings)]
        if len(rendered) < len(window_titles):
            return  # an English title without its rendering: the compound may be it
        titled = [(m.start, m.end) for m in rendered]
        free_words = {
            stem(w.lower()) for w, s in words_at(window_en)
            if w.lower() not in STOPWORDS and not any(a <= s < b for a, b in titled)
        }
        # the words of the bodies the English says someone leads ("has led the Kenya
        # Maritime Authority")
        led = {stem(w.lower()) for m in _LEADS.finditer(window_en)
               for w, _ in words_at(m.group(1))}
        for c in comps:
            if (c.start, c.end) in flagged or not c.modifier or not (c.kinds & STRONG_KINDS):
                continue
            if c.head in _VAGUE_HEADS:
                continue
            if not japanese.has_kanji(c.modifier) or re.search(r"[\u30A0-\u30FF]", c.modifier):
                continue  # a katakana modifier is a name or place (トランプ大統領)
            if c.head in window_renderings:
                continue  # the office itself is in the English (上級外交官 for senior diplomats)
            if c.core in gl.all_renderings or c.core in doc_renderings:
                continue
            if any(c.core.endswith(r) and len(r) > len(c.head) for r in gl.all_renderings):
                continue  # a known title with a qualifier (地域書記長 ⊃ 書記長)
            if any(r in c.core for r in doc_renderings if len(r) >= 2 and r != c.head):
                continue
            if (gloss_stems(c.core) | _head_stems(c.head)) & free_words:
                continue  # (the English names the office: "Assistant Attorney General")
            if led & gloss_stems(c.modifier).union(
                    *(gloss_stems(p) for p in title_pieces(c.modifier) if len(p) >= 2)):
                continue  # the head of a body the English says the person leads ("has led
                # the Kenya Maritime Authority" → ケニア海事庁長官を務める)
            flagged.add((c.start, c.end))
            yield self._compound_finding(
                c, pair, text, "TTL003",
                "is no known office and has no counterpart in the English", {"head": c.head},
            )


#: A verb of leading a body and the body's capitalised name ("has led the Kenya Maritime
#: Authority", "heads Acme", "chaired the Council").
_LEADS = re.compile(r"\b(?:led|leads?|leading|head(?:s|ed|ing)?|runs?|ran|running|"
                    r"chair(?:s|ed|ing)?|direct(?:s|ed|ing)?)\s+(?:the\s+)?"
                    r"([A-Z][\w'’-]*(?:\s+(?:of\s+)?[A-Z][\w'’-]*)*)")
#: (:data:`.title_holders.SUBORDINATE` before a title: when the glossary knows only the
#: title itself, the match is not that title, and its rendering (司法次官補, 外務副大臣) no
#: error.)
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[\s-]+$")


def _titles(ctx: Context, gl: Glossary, text: str) -> list[TitleMatch]:
    """The glossary titles of ``text`` (looked up once per document) but those a subordinate
    word qualifies."""
    out = []
    for m in ctx.titles(gl, text):
        before = _WORD_BEFORE.search(text[max(0, m.start - 20) : m.start])
        if before is None or before.group(1).lower() not in SUBORDINATE:
            out.append(m)
    return out


def _trim_names(comps: Sequence[Compound], reference: str, seg: str = "",
                base: int = 0) -> list[Compound]:
    """Compounds without a leading katakana name of the English (クリー少将 → 少将 when the
    English has "Clery"; カー of ジリアン・カー代表, inside the run that renders "Gillian
    Kerr"): UniDic takes some names for ordinary words."""
    words = [w for w, _ in words_at(reference) if w[:1].isupper() and len(w) > 1]
    runs: list[tuple[int, int]] | None = None  # looked up for the first katakana prefix
    out = []
    for c in comps:
        m = re.match(r"[\u30A0-\u30FF]+", c.core)
        if m and len(m.group()) < len(c.core) - len(c.head) + 1 and runs is None:
            runs = [(base + a, base + b) for n in CAPITALISED_NAME.findall(reference)
                    if " " in n for a, b, _ in find_rendering(n, seg)] if seg else []
        if m and len(m.group()) < len(c.core) - len(c.head) + 1 and (words and max(
            name_similarity(w, m.group()) for w in words
        ) >= NAME_PREFIX_MIN or any(a < c.core_start < b for a, b in runs or ())
                and not _renders_english(m.group(), reference)):
            n = len(m.group())
            core = c.core[n:]
            out.append(Compound(c.start, c.end, c.surface, core, c.core_start + n, c.head,
                                core[: len(core) - len(c.head)], c.embedded))
        else:
            out.append(c)
    return out


def _glossary(ctx: Context) -> Glossary:
    gl = ctx.resources.get("glossary")
    if gl is None:
        gl = load_glossary(None)
    return gl  # type: ignore[no-any-return]


@dataclass(frozen=True)
class _TitleState:
    """What the titles check reads of the whole document (:class:`mtqa.checks.CheckState`).

    Attributes:
        doc_renderings: accepted renderings of every title of the whole reference.
    """

    doc_renderings: frozenset[str]
    holders: tuple[tuple[str, frozenset[str]], ...] = ()
    supported: frozenset[str] = frozenset()
    #: organisations the article names with their kind ("dairy cooperative Fjellmelk",
    #: "Ferralis Construction, a Grenoble-based firm"): (name, kind)
    organisations: tuple[tuple[str, str], ...] = ()

    @classmethod
    def for_document(cls, ctx: Context) -> _TitleState:
        ref = ctx.reference.text
        found = ctx.titles(_glossary(ctx), ref)
        people: dict[str, set[str]] = {}
        for m in found:
            kind = accepted(ref, m)[0]
            for name in title_holder_names(m, ref):
                people.setdefault(name, set()).update([kind] if kind else ["?"])
        holders = tuple((n, frozenset(k)) for n, k in people.items() if "?" not in k)
        return cls(frozenset(r for m in found for r in m.entry.renderings), holders,
                   _supported_kinds(ref, found),
                   tuple(organisations().named_organisations(ref).items()))


def _window(pair: AlignedPair, ctx: Context) -> tuple[str, str]:
    """English and Japanese of the pair and its neighbours (alignment slack)."""
    idx = next((k for k, p in enumerate(ctx.pairs) if p is pair), None)
    if idx is None:
        idx = next((k for k, p in enumerate(ctx.pairs) if p.index == pair.index), 0)
    lo, hi = max(0, idx - 1), min(len(ctx.pairs), idx + 2)
    near = ctx.pairs[lo:hi] or [pair]
    return " ".join(p.reference for p in near), " ".join(p.translation for p in near)


#: One capitalised word after a title, and no second one: a surname, which a given name
#: spelt like a title may go with ("Dean Whitlock"; "Speaker Mike Johnson" has two).
_ONE_NAME_AFTER = re.compile(r"\s+[A-Z][\w'’\-]+(?!\s+[A-Z])")
#: Three capitalised words after a title's word.
_THREE_CAPITALISED_AFTER = re.compile(r"\s+([A-Z][a-z]+)\s+([A-Z][a-z]+)\s+([A-Z][a-z]+)")


def _in_a_proper_noun(reference: str, end: int) -> bool:
    """Whether the title's word ending at ``end`` opens a capitalised name of common words
    (General Data Protection Regulation): three capitalised words after it that are
    dictionary words and no given names (not "General Mark Milley"; a person's name of two
    words may be dictionary words too: "Minister Sander Bos")."""
    m = _THREE_CAPITALISED_AFTER.match(reference, end)
    return m is not None and all(
        lemma_synsets(w.lower()) and not is_given_name(w) for w in m.groups())


def _renders_english(word: str, reference: str) -> bool:
    """Whether a JMdict gloss of ``word`` is a word of the English (エネルギー, "energy")."""
    stems = {stem(w.lower()) for w in re.findall(r"[A-Za-z]+", reference)}
    return any(stem(g) in stems for g in jmdict.gloss_words(word))


def _is_name(s: str) -> bool:
    """A katakana name (ウラジミール・プーチン) or a kanji person name (三好啓介)."""
    if japanese.is_katakana(s) and len(s) >= 2:
        return True
    toks = japanese.tokenize(s)
    return bool(toks) and all(t.pos3 == "人名" for t in toks)


#: Organisation kinds of ``mtqa/data/org_titles.tsv`` as messages name them.
_ORG_NAME: Mapping[str, str] = MappingProxyType({
    "state": "state (head of state or government)", "ministry": "ministry",
    "central_bank": "central bank", "party": "party", "company": "company",
    "club": "club or federation", "council": "council of members", "court": "court",
    "university": "university", "city": "city, state or province", "legislature": "legislature",
})


def _org_names(kinds: frozenset[str]) -> str:
    return " or ".join(_ORG_NAME.get(k, k) for k in sorted(kinds))


def _stands_alone(r: str, seg: str) -> bool:
    """Whether rendering ``r`` occurs in ``seg`` as a word of its own somewhere, not only
    as the start of a longer kanji word (取締役 in 取締役会, "the board"; 議長 in 議長国)."""
    if len(r) < 2:
        return True
    return any(not japanese.has_kanji(seg[m.end() : m.end() + 1])
               for m in re.finditer(re.escape(r), seg))


@functools.lru_cache(maxsize=8)
def _office_renderings(gl: Glossary) -> frozenset[str]:
    """The renderings of every title of the glossary of three characters or more: the
    Japanese names of specific offices (最高執行責任者 is the chief operating officer's)."""
    return frozenset(r for e in gl for r in e.renderings if len(r) >= 3)


def _inside_other_office(r: str, seg: str, base: int, comps: Sequence[Compound],
                         renderings: Sequence[str], licensed: set[str],
                         offices: frozenset[str]) -> bool:
    """Whether every occurrence of accepted rendering ``r`` in ``seg`` (document offset
    ``base``) lies inside a compound that is the rendering of another office, one the title
    does not accept and the English around does not name: 責任者, accepted for "chief
    executive", inside 最高執行責任者, the chief operating officer. Such an ``r`` renders
    nothing of the title."""
    if len(r) < 2:
        return False
    hits = [base + m.start() for m in re.finditer(re.escape(r), seg)]
    return bool(hits) and all(
        any(c.core_start <= o and o + len(r) <= c.end and c.core != r
            and _other_office(c, renderings, licensed, offices) for c in comps)
        for o in hits)


def _agency_head(m: TitleMatch, rendering: str, comps: Sequence[Compound]) -> bool:
    """Whether a minister's ``rendering`` 長官 (the US Secretary's word) stands only as
    the head of an agency's title here (出入国在留管理庁長官 for "Immigration Minister"):
    that names the agency's director, not the minister (郵便局大臣 keeps its 大臣)."""
    if "minister" not in m.entry.kinds or rendering != "長官":
        return False
    heads = [c for c in comps if c.head == rendering or c.core.endswith(rendering)]
    return bool(heads) and all(
        c.modifier.endswith(AGENCY_ENDS) or c.surface.removesuffix(c.core).endswith(
            AGENCY_ENDS) for c in heads)


def _other_office(c: Compound, renderings: Sequence[str], licensed: set[str],
                  offices: frozenset[str]) -> bool:
    """Whether compound ``c`` is the rendering of an office of the glossary (``offices``)
    that the title does not accept and the English around does not name."""
    return c.core in offices and c.core not in renderings and c.core not in licensed


def _next_to(c: Compound, runs: Sequence[tuple[int, int, float]], seg: str, base: int) -> bool:
    """Whether compound ``c`` stands right before or after one of the katakana ``runs``
    (segment offsets) of a name (ハーベック大統領, 大統領のハーベック)."""
    for rs, re_, _ in runs:
        rs, re_ = rs + base, re_ + base
        if re_ <= c.core_start and _ADJACENT_GAP.match(seg[re_ - base : c.core_start - base]):
            return True
        if c.end <= rs and _ADJACENT_GAP.match(seg[c.end - base : rs - base]):
            return True
    return False


#: Titles of the list that news Japanese gives officers of any organisation (代表 "the
#: representative", 責任者 "the person in charge", 委員長 of any committee, 教授, 議員): no
#: evidence of a kind of organisation by themselves, so TTL004 leaves them alone.
_GENERIC_TITLES = frozenset(
    "代表 党代表 責任者 幹部 役員 執行役員 指導者 リーダー 理事 書記 議員 教授 監督 委員長 "
    "事務局長 事務総長 所長 オーナー 経営者 創業者 専務 常務 取締役 副会長 副議長 副総裁 "
    "副社長 副学長 副知事 副市長 副大統領 副首相 副総理 副大臣 副長官 次官 次官補 政務官 閣僚 "
    "主席 校長 学部長 研究科長 首長 総督".split()
)


def _same_office(core: str, rendering: str) -> bool:
    """Whether a Japanese title is an accepted rendering said with a synonym: the same
    dictionary words in the same order and the same head, but one word of the portfolio,
    whose glosses share a word with the other's (最高医療責任者 and 最高医務責任者: 医療
    "medical care", 医務 "medical affairs")."""
    if core == rendering or len(rendering) < 3:
        return False
    a, b = title_pieces(core), title_pieces(rendering)
    if len(a) != len(b) or len(a) < 2 or "".join(a) != core or "".join(b) != rendering:
        return False
    if a[-1] != b[-1]:
        return False  # another head is another office (日銀知事 for 日銀総裁: both "governor")
    differ = [(x, y) for x, y in zip(a, b) if x != y]
    return len(differ) == 1 and bool(
        (gloss_stems(differ[0][0]) & gloss_stems(differ[0][1])) - _VAGUE_GLOSSES)


#: Gloss words too common to make two title words synonyms.
_VAGUE_GLOSSES = frozenset({"offic", "affair", "person", "general", "chief", "head", "of"})


#: Heads of office that name the head of whatever unit their modifier names (支部長, 部長,
#: 駅長).
_UNIT_HEADS = frozenset({"長"})


def _unit_before(reference: str, at: int, modifier: str) -> bool:
    """Whether the English word right before a title (at offset ``at``) is what the
    Japanese modifier means ("Branch president", 支部 "branch"): the title heads that unit."""
    before = re.findall(r"[A-Za-z]+", reference[max(0, at - 30) : at])
    return bool(before) and stem(before[-1].lower()) in gloss_stems(modifier)


#: Kinds of organisation whose officers news Japanese titles from general knowledge where
#: the English gives a bare name (see :meth:`TitleCheck._unsupported`).
_POLITICAL = frozenset({"state", "ministry", "party", "legislature"})


def _generic(c: Compound) -> bool:
    return any(c.core.endswith(t) for t in _GENERIC_TITLES if len(t) >= len(c.head))


def _supported_kinds(reference: str, found: Sequence[TitleMatch]) -> frozenset[str]:
    """Kinds of organisation the English article names: those of its titles (a title whose
    holder it does not place counts for every kind its renderings belong to) and of its
    words for organisations (court, company, party...)."""
    orgs = organisations()
    kinds: set[str] = set()
    for m in found:
        kind, renderings = accepted(reference, m)
        kinds |= {kind} if kind else orgs.kinds_of_renderings(renderings)
        if chairs_a_board(kind, m):
            kinds |= orgs.kinds_of_renderings(renderings)  # its board's chair
    words = PHRASE_WORDS.findall(reference)
    kinds |= {k for _, _, k in orgs.cue_kinds(words, countries=False)}
    return frozenset(kinds)


def _word_with_title(c: Compound, seg: str, base: int) -> bool:
    """Whether the embedded title ``c`` and the token after it make a JMdict word (社長室
    "president's office", 大統領選 "presidential election", 議長国 "chair country"): a word
    of its own, whose sense the English may give without naming the organisation."""
    rel = c.end - base
    nxt = next((t for t in japanese.tokenize(seg) if t.start == rel), None)
    return nxt is None or bool(jmdict.glosses(c.core + nxt.surface)) or bool(
        jmdict.glosses(c.surface + nxt.surface))


def _beside_name(c: Compound, seg: str, base: int) -> bool:
    """Whether a person's name (a UniDic person name, or katakana that is no place) stands
    right before compound ``c`` or right after it (with の between)."""
    for tok in japanese.tokenize(seg):
        before = tok.end + base in {c.start, c.start - 1} and (
            tok.end + base == c.start or seg[tok.end] in "の ・　")
        after = tok.start + base in {c.end, c.end + 1} and (
            tok.start + base == c.end or seg[c.end - base] in "の ・　")
        if (before or after) and (
            tok.pos3 == "人名"
            or (japanese.is_katakana(tok.surface) and tok.pos3 != "地名" and len(tok.surface) > 1)
        ):
            return True
    return False


def _unknown_word(run: str) -> bool:
    """A katakana run that is no dictionary word (a name, not ファンド "fund" that sounds
    like "Vance")."""
    return not any(jmdict.glosses(japanese.normalize(p)) for p in run.split("・") if p)


def _unexplained(kind: str | None, m: TitleMatch, window_en: str,
                 window_titles: Sequence[TitleMatch]) -> frozenset[str]:
    """Kinds of organisation other than ``kind`` (the holder's of ``m``) that no other title
    and no word of the English near ``m`` names: a title of such a kind in the Japanese has
    nothing else to render. Empty when the holder's kind is unknown."""
    if not kind:
        return frozenset()
    orgs = organisations()
    named = {kind}
    for other in window_titles:
        if other.text == m.text and other.entry == m.entry:
            continue
        k, renderings = accepted(window_en, other)
        named |= {k} if k else orgs.kinds_of_renderings(renderings)
    words = PHRASE_WORDS.findall(window_en)
    named |= {k for _, _, k in orgs.cue_kinds(words, countries=False)}
    return frozenset(orgs.kinds()) - named


