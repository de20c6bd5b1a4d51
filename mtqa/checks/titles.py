"""Job titles and offices: mistranslated, duplicated or invented titles.

For each aligned pair the English titles are found with the glossary (longest match,
case-insensitive, see :mod:`mtqa.text.glossary`). A title is rendered when the Japanese of the
pair contains one of its accepted renderings. When none is there, the span that renders
it wrongly is located among the Japanese *title compounds* — noun compounds that end in an
office head (大統領, 長官, 大臣, 相, 知事, 秘書, 校長, 管理者, 検査官…) — by three kinds of
evidence: the compound keeps the portfolio of an accepted rendering (外務 of 外務大臣 in
外務大統領), it stands next to the Japanese rendering of the name the English title goes
with (ラヴロフ外務大統領 for "Foreign Minister Sergey Lavrov"), or its head's JMdict glosses
contain the English title's head word (検査官 "inspector" for Inspector).

Findings:

* ``TTL001`` — title rendered wrongly. ``major`` when the office changes (the head
  names another kind of office: minister → president, secretary of state → clerk) or the
  portfolio changes (財務 → 外務); ``minor`` when the office and portfolio survive and
  only the word is off (中央銀行知事 for central bank governor).
* ``TTL002`` — the same title on both sides of a name (ロシア大統領のプーチン大統領).
* ``TTL003`` — a title compound that is no known title and whose office the English
  does not mention (国家長官 "state secretary" where the English has "the two countries'
  top diplomats").
* ``TTL004`` — the title of the head of a kind of organisation that the English article
  never names (首相 for "Your Honor"; 社長 for "the Louisiana Republican").

Titles by organisation (issue #19 item 1): the Japanese for "president", "chairman",
"leader" or "chancellor" depends on who holds it. The holder's kind of organisation (a
state, a ministry, a central bank, a party, a company, a club or federation, a court, a
university, a city, state or province, a legislature) is read from the English by
:meth:`mtqa.text.glossary.Organisations.holder_kind` (the title itself, "of X", a
possessive, a country, the organisation's name); only the renderings of that kind are then
accepted, and a title of another kind is a major TTL001 (党首 for "Rwanda President Paul
Kagame"). A person the English titles once keeps that kind through the article (ハーベック社長
where the article has "Robert Habeck, the economy minister"). Another sense of the English
word from JMdict (スピーカー or 話者 for "Speaker Mike Johnson") is a TTL001 as well. The
list of titles by kind is ``mtqa/data/org_titles.tsv``, the countries ``countries.tsv``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import ClassVar

from ..text import japanese, jmdict
from ..text.cache import text_cache
from ..text.english import STOPWORDS, stem
from ..text.lexicon import english_entry
from ..text.glossary import Glossary, TitleMatch, load_glossary, organisations
from ..text.phonetic import name_similarity
from ..types import AlignedPair, Finding, Severity
from . import BaseCheck, Context
from .names import MATCH_MIN as NAME_PREFIX_MIN
from .names import find_rendering

# Japanese office heads → the kinds of office they name (same vocabulary as the kinds
# column of mtqa/data/titles.tsv). Longest head wins; one-character heads (相, 長, 官) only
# count as suffix tokens (財務相, 工場長, 報道官), never inside words (首相 has its own).
HEAD_KINDS: Mapping[str, frozenset[str]] = MappingProxyType({
    k: frozenset(v.split()) for k, v in {
        "大統領": "head_of_state", "副大統領": "vice_head", "国家元首": "head_of_state",
        "元首": "head_of_state", "首相": "head_of_government", "総理": "head_of_government",
        "総理大臣": "head_of_government", "副首相": "deputy_head", "副総理": "deputy_head",
        "大臣": "minister", "相": "minister", "閣僚": "minister", "担当相": "minister",
        "長官": "minister official governor judge", "次官": "deputy_minister",
        "副大臣": "deputy_minister", "政務官": "deputy_minister", "次官補": "deputy_minister",
        "秘書": "staff", "秘書官": "staff adviser", "書記": "staff party",
        "書記長": "union party chair", "総書記": "party", "事務総長": "chair",
        "事務局長": "director chair", "知事": "governor", "総督": "governor",
        "総裁": "governor chair party executive", "頭取": "executive",
        "市長": "mayor", "町長": "mayor", "村長": "mayor", "区長": "mayor", "郡長": "mayor",
        "議長": "chair legislator", "会長": "chair executive", "委員長": "chair party union",
        "理事長": "chair executive", "座長": "chair", "主席": "head_of_state chair",
        "社長": "executive", "副社長": "vice_head", "責任者": "executive director",
        "最高経営責任者": "executive", "取締役": "executive", "役員": "executive",
        "幹部": "executive", "代表": "executive envoy party sports", "経営者": "executive",
        "創業者": "executive", "監督": "director sports", "コーチ": "sports",
        "主将": "sports", "審判": "sports", "校長": "academic", "学長": "academic",
        "教頭": "academic", "教授": "academic", "講師": "academic", "学部長": "academic",
        "管理者": "director staff", "管理人": "staff", "支配人": "director",
        "長": "director", "工場長": "director", "所長": "director", "局長": "director",
        "部長": "director", "課長": "director", "館長": "director", "院長": "director",
        "署長": "director police", "本部長": "director police", "店長": "director",
        "支店長": "director", "室長": "director", "隊長": "director military",
        "顧問": "adviser", "補佐官": "adviser", "参与": "adviser", "相談役": "adviser",
        "特使": "envoy", "使節": "envoy ambassador", "大使": "ambassador",
        "公使": "ambassador", "領事": "ambassador", "総領事": "ambassador",
        "外交官": "ambassador", "報道官": "spokesperson", "広報官": "spokesperson",
        "広報担当": "spokesperson", "広報担当者": "spokesperson",
        "将軍": "military", "大将": "military", "中将": "military", "少将": "military",
        "准将": "military", "大佐": "military", "中佐": "military", "少佐": "military",
        "大尉": "military", "中尉": "military", "少尉": "military", "軍曹": "military",
        "伍長": "military", "元帥": "military", "提督": "military", "司令官": "military",
        "指揮官": "military", "参謀総長": "military", "警部": "police", "警部補": "police",
        "警視": "police", "警視正": "police", "警視総監": "police", "巡査": "police",
        "巡査部長": "police", "刑事": "police", "警官": "police", "警察官": "police",
        "保安官": "police", "判事": "judge", "裁判官": "judge", "裁判長": "judge",
        "検事": "prosecutor", "検察官": "prosecutor", "検事総長": "prosecutor",
        "弁護士": "lawyer", "検査官": "examiner", "検査員": "examiner", "査察官": "examiner",
        "監察官": "official", "調査官": "official", "官": "official", "高官": "official",
        "当局者": "official", "議員": "legislator", "党首": "party", "幹事長": "party",
        "国王": "royal", "女王": "royal", "王子": "royal", "王女": "royal",
        "皇太子": "royal", "皇帝": "royal", "首長": "royal", "君主": "royal",
        "教皇": "religious", "法王": "religious", "司教": "religious",
        "大司教": "religious", "枢機卿": "religious", "司祭": "religious",
        "学芸員": "curator", "師長": "staff", "看護師長": "staff", "婦長": "staff",
        "編集長": "media", "特派員": "media",
    }.items()
})
#: One-character heads: only a suffix token counts (財務相, not 首相 or 相手).
_SUFFIX_HEADS = frozenset(h for h in HEAD_KINDS if len(h) == 1)
#: Offices whose invention is worth an alarm (TTL003): high or specific offices; generic
#: heads (官, 長, 代表, 責任者) are left alone, translators use them for any role.
STRONG_KINDS = frozenset(
    "head_of_state vice_head head_of_government deputy_head minister deputy_minister "
    "governor mayor staff academic police military judge ambassador envoy royal".split()
)
#: Leading words that qualify a title without being part of the office (元 "former",
#: 前 "previous", 現 "current", 同 "the said", 新 "new", 故 "the late", 次期 "next").
_PREFIXES = ("次期", "元", "前", "現", "同", "新", "故")
# One-kanji country abbreviations used before titles (米国務長官, 英外相, 露大統領).
_COUNTRY_ABBREV = frozenset("米英露中日独仏韓朝伊加豪印欧台越比墨伯")
#: Characters of a name-to-title gap that still count as adjacent (の, a space).
_ADJACENT_GAP = re.compile(r"^[\s　の]?$")


@dataclass(frozen=True, slots=True)
class Compound:
    """A title-like noun compound of the Japanese (offsets index the document text).

    ``core`` is the compound without leading qualifiers and places (元, 米, ロシア);
    ``head`` the office head it ends in, ``modifier`` what precedes the head in ``core``.
    """

    start: int
    end: int
    surface: str
    core: str
    core_start: int
    head: str
    modifier: str
    embedded: bool = False

    @property
    def kinds(self) -> frozenset[str]:
        return HEAD_KINDS.get(self.head, frozenset())


def _is_name_token(tok: japanese.Token) -> bool:
    """Person names and unknown katakana/Latin words split compounds (ラヴロフ外務大統領)."""
    if tok.pos3 == "人名":
        return True
    if japanese.has_latin(tok.surface):
        return True
    if japanese.is_katakana(tok.surface) and "・" in tok.surface:
        return True
    return japanese.is_katakana(tok.surface) and tok.pos3 != "地名" and not jmdict.glosses(
        japanese.normalize(tok.surface)
    )


def _is_place_token(tok: japanese.Token) -> bool:
    return tok.pos3 in {"地名", "国"} or (
        len(tok.surface) == 1 and tok.surface in _COUNTRY_ABBREV
    )


def _nominal(tok: japanese.Token) -> bool:
    return tok.pos1 in {"名詞", "接頭辞", "接尾辞"} and not tok.is_punct


def head_of(surface: str, boundaries: frozenset[int] | None = None,
            suffix_token: bool = True) -> str:
    """The longest office head ``surface`` ends in ('' if none).

    Args:
        surface: a compound.
        boundaries: character offsets of token starts in ``surface``; a head must start at
            one (局長 in 同局|長 does not, 長 does). None: any position.
        suffix_token: whether a one-character head may count (it must be its own token).
    """
    for n in range(min(len(surface), 8), 0, -1):
        cand = surface[-n:]
        if cand not in HEAD_KINDS:
            continue
        pos = len(surface) - n
        if boundaries is not None and pos not in boundaries:
            continue
        if n == 1 and (not suffix_token or pos == 0):
            continue
        return cand
    return ""


def compounds(text: str, base: int = 0) -> list[Compound]:
    """Title-like compounds of Japanese ``text`` (offsets + ``base``)."""
    toks = japanese.tokenize(text)
    out: list[Compound] = []
    run: list[japanese.Token] = []

    def flush() -> None:
        if run:
            out.extend(_split_run(list(run), text, base))
        run.clear()

    for i, tok in enumerate(toks):
        contiguous = not run or run[-1].end == tok.start
        if _nominal(tok) and contiguous and not _is_name_token(tok):
            run.append(tok)
        else:
            flush()
            if _nominal(tok) and not _is_name_token(tok):
                run.append(tok)
    flush()
    return out


def _split_run(run: list[japanese.Token], text: str, base: int) -> list[Compound]:
    # coordinated titles (財務相・中央銀行知事) are separate compounds
    groups: list[list[japanese.Token]] = [[]]
    for tok in run:
        if tok.surface in {"・", "、"}:
            groups.append([])
        else:
            groups[-1].append(tok)
    out = []
    for g in groups:
        # qualifiers, places, digits and Latin codes in front are not the office
        k = 0
        while k < len(g) - 1 and (
            _is_place_token(g[k])
            or g[k].surface in _PREFIXES
            or g[k].pos2 == "数詞"
            or g[k].pos1 in {"接頭辞", "接尾辞"}  # 第23代 …: a counter is not the office
            or (g[k].pos3 == "助数詞可能" and k > 0 and g[k - 1].pos2 == "数詞")
        ):
            k += 1
        if not g or k >= len(g):
            continue
        start, end = g[0].start, g[-1].end
        core_start = g[k].start
        core = text[core_start:end]
        for p in _PREFIXES:  # 同局長: the prefix is fused into the first token
            if core.startswith(p) and len(core) > len(p) + 1:
                core, core_start = core[len(p):], core_start + len(p)
                break
        bounds = frozenset(t.start - core_start for t in g if t.start >= core_start)
        bounds |= frozenset({0})
        last = g[-1]
        head = head_of(core, bounds, suffix_token=last.pos1 == "接尾辞" or len(last.surface) > 1)
        if head:
            out.append(Compound(base + start, base + end, text[start:end], core,
                                base + core_start, head, core[: len(core) - len(head)]))
        else:
            out.extend(_embedded(g, k, text, base, core_start))
    return out


def _embedded(g: Sequence[japanese.Token], k: int, text: str, base: int,
              core_start: int) -> list[Compound]:
    """The title of an organisation that a longer noun compound begins with (裁判長国 "the
    presiding judge's country", 司法議長在任中 "during the tenure as judicial chair",
    ティヌブ大統領政権下 "under the Tinubu administration"): the longest run of tokens
    ending in a title of :func:`mtqa.text.glossary.organisations` (two characters or more).
    Marked ``embedded``: only the check of titles by organisation reads them."""
    orgs = organisations()
    for j in range(len(g) - 1, k, -1):
        end = g[j - 1].end
        core = text[core_start:end]
        bounds = frozenset(t.start - core_start for t in g[:j] if t.start >= core_start)
        head = head_of(core, bounds | {0}, suffix_token=False)
        if head and orgs.japanese_kinds(core, head):
            return [Compound(base + g[0].start, base + end, text[g[0].start:end], core,
                             base + core_start, head, core[: len(core) - len(head)], True)]
    return []


@functools.lru_cache(maxsize=4096)
def _rendering_parts(rendering: str) -> tuple[str, str]:
    """(modifier, head) of an accepted rendering ("外務大臣" → ("外務", "大臣"))."""
    head = head_of(rendering, None, suffix_token=True)
    if not head:
        return rendering, ""
    return rendering[: len(rendering) - len(head)], head


def _present(rendering: str, seg: str, comps: Sequence[Compound]) -> bool:
    """Whether ``rendering`` occurs in the segment (one-character renderings: as a head)."""
    if len(rendering) >= 2:
        return rendering in seg
    return any(c.head == rendering for c in comps)


def _widened(c: Compound, renderings: Sequence[str]) -> bool:
    """An accepted rendering with a wider portfolio: same head, modifier containing the
    accepted one (経済産業相 "economy, trade and industry minister" for Economy Minister)."""
    for r in renderings:
        mod, head = _rendering_parts(r)
        if head and c.head == head and len(mod) >= 2 and mod in c.modifier:
            return True
    return False


def _pieces(surface: str) -> list[str]:
    """The longest JMdict words a compound is made of, left to right (次官補 → 次官, 補);
    characters found in no entry are skipped."""
    pieces: list[str] = []
    i = 0
    while i < len(surface):
        j = next((j for j in range(len(surface), i, -1) if jmdict.glosses(surface[i:j])), i)
        if j > i:
            pieces.append(surface[i:j])
            i = j
        else:
            i += 1
    return pieces


def gloss_of(surface: str) -> str:
    """Dictionary meaning of a compound, piece by piece ("植物管理者" →
    "植物 'plant; vegetation' + 管理者 'manager; landlord'")."""
    out: list[str] = []
    for word in _pieces(surface):
        gl = [re.sub(r"\s*\([^)]*\)", "", g).strip() for g in jmdict.glosses(word, 2)]
        gl = [g for g in gl if g][:2]
        if gl:
            out.append(f"{word} '{'; '.join(gl)}'")
    return " + ".join(out)


def _gloss_stems(surface: str) -> frozenset[str]:
    return frozenset(stem(w) for w in jmdict.gloss_words(surface))


def _word_pairs(reference: str, start: int, end: int) -> list[tuple[str, str]]:
    """Stems of the adjacent English word pairs of ``reference`` outside the title at
    ``start:end`` ("enforcement attorney" beside "executive director")."""
    words = [(m.start(), stem(m.group())) for m in re.finditer(r"[A-Za-z]+", reference)
             if not start <= m.start() < end]
    return [(a, b) for (_, a), (_, b) in zip(words, words[1:])]


def _renders_pair(c: Compound, pairs: Sequence[tuple[str, str]]) -> bool:
    """True when compound ``c`` renders another two-word phrase of the English word by word,
    its modifier the first word and its head the second (執行 "enforcement" + 弁護士
    "attorney"): it is that phrase's rendering, not the title's."""
    mod, head = _gloss_stems(c.modifier), _head_stems(c.head)
    return any(a in mod and b in head for a, b in pairs)


def _head_stems(head: str) -> frozenset[str]:
    """Gloss stems of an office head and of the words it is made of: a head JMdict lacks
    as a whole (次官補 "assistant secretary": 次官 'vice-minister' + 補 'assistant')."""
    out = _gloss_stems(head)
    for piece in _pieces(head):
        out |= _gloss_stems(piece)
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
    version: ClassVar[int] = 7
    requires: ClassVar[frozenset[str]] = frozenset({"glossary"})

    def run(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]:
        if pair.chrome or not pair.mt_sentences:
            return
        gl = _glossary(ctx)
        text = ctx.translation.text
        seg = text[pair.mt_start : pair.mt_end]
        comps = _trim_names(compounds(seg, pair.mt_start), pair.reference)
        matches = _titles(ctx, gl, pair.reference) if pair.ref_sentences else []
        window_en, window_ja = _window(pair, ctx)
        window_titles = _titles(ctx, gl, window_en)
        licensed = {r for m in window_titles for r in _accepted(window_en, m)[1]}
        flagged: set[tuple[int, int]] = set()
        for m in matches:
            kind, renderings = _accepted(pair.reference, m)
            if any(_present(r, seg, comps) for r in renderings):
                continue
            if any(_widened(c, renderings) for c in comps):
                continue
            cand = self._locate(m, renderings, pair, seg, comps, licensed, flagged,
                                _unexplained(kind, m, window_en, window_titles))
            if cand is None:
                if kind or m.entry.cap_only:
                    yield from self._other_sense(m, pair, seg, text, licensed, flagged)
                continue
            if not cand.by_name and any(len(r) >= 2 and r in window_ja for r in renderings):
                continue  # rendered in a neighbouring sentence: the alignment is off
            flagged.add((cand.comp.start, cand.comp.end))
            yield self._wrong_title(m, kind, renderings, cand, pair, text)
        yield from self._holders(pair, ctx, comps, text, window_en, flagged)
        whole = [c for c in comps if not c.embedded]
        yield from self._duplicates(pair, whole, text, matches, flagged)
        yield from self._invented(pair, ctx, gl, whole, text, window_en, window_ja, flagged)
        yield from self._unsupported(pair, ctx, comps, text, flagged)

    # --- TTL001 ----------------------------------------------------------------------

    def _locate(
        self, m: TitleMatch, renderings: Sequence[str], pair: AlignedPair, seg: str,
        comps: Sequence[Compound], licensed: set[str], flagged: set[tuple[int, int]],
        unexplained: frozenset[str] = frozenset(),
    ) -> _Candidate | None:
        """The compound that renders title ``m`` (accepted ``renderings``) wrongly, if the
        evidence points at one. ``unexplained``: kinds of organisation that neither the
        holder of ``m`` nor anything else of the English near it accounts for; a specific
        title of such a kind can only render ``m`` (最高経営責任者 for "as president" of a
        state, where the English names no company)."""
        mods = {_rendering_parts(r)[0] for r in renderings} - {""}
        heads = {_rendering_parts(r)[1] for r in renderings} - {""}
        head_word = stem(m.entry.key[-1]) if m.entry.key else ""
        name_runs = _name_runs(m, pair.reference, seg, pair.mt_start)
        other_phrases = _word_pairs(pair.reference, m.start, m.end)
        best: _Candidate | None = None
        for c in comps:
            if (c.start, c.end) in flagged or c.core in licensed or c.surface in licensed:
                continue
            if c.modifier and _renders_pair(c, other_phrases):
                continue  # 執行弁護士 is the "enforcement attorney" beside "executive director"
            if c.core in heads and not c.modifier:
                continue  # a bare accepted head (大臣 for "Finance Minister") is a shortening
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
                for rs, re_ in name_runs
            )
            if by_name:
                why.append("name")
                score += 2.0
            if head_word and head_word in _gloss_stems(c.head) | _gloss_stems(c.core):
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
        mods = {_rendering_parts(r)[0] for r in renderings}
        c_orgs = organisations().japanese_kinds(c.core, c.head)
        other_org = bool(kind and c_orgs and kind not in c_orgs)
        same_office = bool(c.kinds & m.entry.kinds) if m.entry.kinds else (
            c.head in {_rendering_parts(r)[1] for r in renderings}
        )
        same_portfolio = (c.modifier in mods or (not c.modifier and "" in mods)
                          or _portfolio_in_english(c.modifier, pair.reference, m))
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

    def _other_sense(
        self, m: TitleMatch, pair: AlignedPair, seg: str, text: str, licensed: set[str],
        flagged: set[tuple[int, int]],
    ) -> Iterator[Finding]:
        """Another sense of the English title's word, taken from JMdict, in place of the
        title: 話者 or スピーカー ("one who speaks", "a loudspeaker") for "Speaker Mike
        Johnson", 牧師 ("a clergyman") for "Minister X"."""
        english = " ".join(m.entry.key)
        for word, start in _sense_words(english, seg):
            if word in licensed or any(word in r for r in m.entry.renderings):
                continue
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
                    + ", another sense of the word; expected "
                    + " or ".join(m.entry.renderings[:2])
                ),
                pair=pair,
                code="TTL001",
                evidence={"english": m.text, "expected": "|".join(m.entry.renderings),
                          "evidence": "sense"},
            )
            return

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
        near = {k for m in ctx.titles(_glossary(ctx), window_en)
                for k in [_accepted(window_en, m)[0]] + list(
                    orgs.kinds_of_renderings(_accepted(window_en, m)[1]))}
        for c in comps:
            c_orgs = orgs.japanese_kinds(c.core, c.head)
            if (c.start, c.end) in flagged or not c_orgs or c_orgs & near:
                continue
            for name, kinds in people:
                runs = [r for r in find_rendering(name, seg) if _unknown_word(seg[r[0]:r[1]])]
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
        "presidential election", 議長国 "chair country"; 裁判長国 is no word), and a pair next to an English title the Japanese does not render (the
        compound may be its rendering: TTL001's business).

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
        if any(not any(len(r) >= 2 and r in window_ja for r in _accepted(window_en, m)[1])
               for m in ctx.titles(_glossary(ctx), window_en)):
            return  # an English title left unrendered nearby: TTL001 judges the compounds
        for c in comps:
            if (c.start, c.end) in flagged or _generic(c):
                continue
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
            english = [m for m in matches if b.head in {_rendering_parts(r)[1]
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
            stem(w.lower()) for w, s in _words(window_en)
            if w.lower() not in STOPWORDS and not any(a <= s < b for a, b in titled)
        }
        for c in comps:
            if (c.start, c.end) in flagged or not c.modifier or not (c.kinds & STRONG_KINDS):
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
            if (_gloss_stems(c.core) | _head_stems(c.head)) & free_words:
                continue  # (the English names the office: "Assistant Attorney General")
            flagged.add((c.start, c.end))
            yield self._compound_finding(
                c, pair, text, "TTL003",
                "is no known office and has no counterpart in the English", {"head": c.head},
            )


#: English words that make a subordinate office of the title after them ("assistant
#: attorney general", "deputy foreign minister"): when the glossary knows only the title
#: itself, the match is not that title, and its rendering (司法次官補, 外務副大臣) no error.
_SUBORDINATE = frozenset({"assistant", "deputy", "vice", "associate", "under"})
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[\s-]+$")


def _titles(ctx: Context, gl: Glossary, text: str) -> list[TitleMatch]:
    """The glossary titles of ``text`` (looked up once per document) but those a subordinate
    word qualifies."""
    out = []
    for m in ctx.titles(gl, text):
        before = _WORD_BEFORE.search(text[max(0, m.start - 20) : m.start])
        if before is None or before.group(1).lower() not in _SUBORDINATE:
            out.append(m)
    return out


#: The department or field an English title names after it: "executive director, NSW
#: Department of Planning", "director of planning", "minister for housing" (up to the
#: next punctuation), or just before it ("planning director").
_FIELD_AFTER = re.compile(r"^(?:\s*,\s*|\s+(?:of|for|at)\s+)([^,;:.()\[\]]{1,60})")
_FIELD_WORDS_BEFORE = 2


def _portfolio_in_english(modifier: str, reference: str, m: TitleMatch) -> bool:
    """True when a word of the compound's modifier (a JMdict word of two characters or more)
    renders the department or field the English gives with the title, where the glossary's
    title has none of its own (州計画局長 for "executive director, NSW Department of
    Planning": 計画 'plan')."""
    after = _FIELD_AFTER.match(reference[m.end :])
    near = _words(after.group(1)) if after else []
    near += _words(reference[: m.start].rstrip(" ,"))[-_FIELD_WORDS_BEFORE:] if (
        reference[: m.start].endswith(" ")) else []
    stems = {stem(w.lower()) for w, _ in near if w.lower() not in STOPWORDS}
    return any(_gloss_stems(p) & stems for p in _pieces(modifier) if len(p) >= 2)


def _trim_names(comps: Sequence[Compound], reference: str) -> list[Compound]:
    """Compounds without a leading katakana name of the English (クリー少将 → 少将 when the
    English has "Clery"): UniDic takes some names for ordinary words."""
    words = [w for w, _ in _words(reference) if w[:1].isupper() and len(w) > 1]
    out = []
    for c in comps:
        m = re.match(r"[\u30A0-\u30FF]+", c.core)
        if m and len(m.group()) < len(c.core) - len(c.head) + 1 and words and max(
            name_similarity(w, m.group()) for w in words
        ) >= NAME_PREFIX_MIN:
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

    @classmethod
    def for_document(cls, ctx: Context) -> _TitleState:
        ref = ctx.reference.text
        found = ctx.titles(_glossary(ctx), ref)
        people: dict[str, set[str]] = {}
        for m in found:
            kind = _accepted(ref, m)[0]
            for name in _holder_names(m, ref):
                people.setdefault(name, set()).update([kind] if kind else ["?"])
        holders = tuple((n, frozenset(k)) for n, k in people.items() if "?" not in k)
        return cls(frozenset(r for m in found for r in m.entry.renderings), holders,
                   _supported_kinds(ref, found))


def _window(pair: AlignedPair, ctx: Context) -> tuple[str, str]:
    """English and Japanese of the pair and its neighbours (alignment slack)."""
    idx = next((k for k, p in enumerate(ctx.pairs) if p is pair), None)
    if idx is None:
        idx = next((k for k, p in enumerate(ctx.pairs) if p.index == pair.index), 0)
    lo, hi = max(0, idx - 1), min(len(ctx.pairs), idx + 2)
    near = ctx.pairs[lo:hi] or [pair]
    return " ".join(p.reference for p in near), " ".join(p.translation for p in near)


_EN_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")


def _words(text: str) -> list[tuple[str, int]]:
    return [(m.group(), m.start()) for m in _EN_WORD.finditer(text)]


# An English name right after a title ("Foreign Minister Sergey Lavrov") or right before
# a comma that introduces it ("Kristina Vasilakis, Germany's finance minister").
_NAME_WORD = r"(?:[A-Z][\w'’\-]+|van|der|de|von|al|ter)"
_NAME_AFTER = re.compile(rf"^\s*,?\s*({_NAME_WORD}(?:\s+{_NAME_WORD})*)")
_NAME_BEFORE = re.compile(r"([A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)*),\s+(?:[\w'’]+\s+){0,3}$")


def _holder_names(m: TitleMatch, reference: str) -> list[str]:
    """The English name(s) a title goes with: right after it ("Foreign Minister Sergey
    Lavrov") or before it with a comma ("Robert Habeck, the economy minister")."""
    names = []
    after = _NAME_AFTER.match(reference[m.end :])
    if after:
        names.append(re.sub(r"['’]s$", "", after.group(1)))
    before = _NAME_BEFORE.search(reference[max(0, m.start - 80) : m.start])
    if before:
        names.append(before.group(1))
    return names


def _name_runs(m: TitleMatch, reference: str, seg: str, base: int) -> list[tuple[int, int]]:
    """Document offsets of the katakana runs that render the name the title goes with."""
    names = _holder_names(m, reference)
    runs: list[tuple[int, int]] = []
    for n in names:
        for s, e, _ in find_rendering(n, seg):
            runs.append((base + s, base + e))
    return runs


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
    "club": "club or federation", "court": "court", "university": "university",
    "city": "city, state or province", "legislature": "legislature",
})


def _org_names(kinds: frozenset[str]) -> str:
    return " or ".join(_ORG_NAME.get(k, k) for k in sorted(kinds))


@text_cache(8192)
def _accepted(text: str, m: TitleMatch) -> tuple[str | None, tuple[str, ...]]:
    """The kind of organisation of the holder of title ``m`` in English ``text`` (None when
    the English does not say) and the renderings accepted for it: those of the glossary
    that are titles of that kind of organisation, or of none (顧問, 報道官), and, for a title
    that depends on its holder, every title of that kind. All of them when the English
    does not say, or when none is of that kind (a user's glossary).

    Cached per article (:mod:`mtqa.text.cache`): ``text`` is a pair's English, its window or
    the whole reference, so a process-wide cache kept every article's text (issue #20:
    +6 % resident memory over a feed of 1,000 articles, ``benchmarks/feed_scale.py``)."""
    orgs = organisations()
    kind = orgs.holder_kind(text, m)
    renderings = m.entry.renderings
    if kind:
        fit = tuple(r for r in renderings
                    if not (k := orgs.japanese_kinds(r, r[-1:])) or kind in k)
        if orgs.title_kind(m.entry) is None:
            # a title that depends on its holder ("leader", "president") is rendered by the
            # titles of the holder's kind (the leader of a village: 村長)
            fit += tuple(t for t in orgs.titles_of(kind) if len(t) > 1 and t not in fit)
        if fit:
            return kind, fit
    return kind, renderings


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
        kind, renderings = _accepted(reference, m)
        kinds |= {kind} if kind else orgs.kinds_of_renderings(renderings)
    words = _PHRASE_WORDS.findall(reference)
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


def _sense_words(english: str, seg: str) -> list[tuple[str, int]]:
    """Nouns of ``seg`` that JMdict gives as translations of the English word ``english``
    (its headwords glossed exactly by it, :func:`mtqa.text.lexicon.english_entry`), with
    their segment offsets; written in kanji or katakana, two characters or more, and whole
    tokens of the segment."""
    heads = [h for h in english_entry(english).headwords
             if len(h) >= 2 and not re.fullmatch(r"[\u3040-\u309F]+", h)]
    if not heads:
        return []
    toks = japanese.tokenize(seg)
    starts = {t.start: t for t in toks}
    ends = {t.end for t in toks}
    out = []
    for h in sorted(heads, key=len, reverse=True):
        for hit in re.finditer(re.escape(h), seg):
            tok = starts.get(hit.start())
            if tok is not None and hit.end() in ends and tok.pos1 == "名詞":
                out.append((h, hit.start()))
    return out


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
        k, renderings = _accepted(window_en, other)
        named |= {k} if k else orgs.kinds_of_renderings(renderings)
    words = _PHRASE_WORDS.findall(window_en)
    named |= {k for _, _, k in orgs.cue_kinds(words, countries=False)}
    return frozenset(orgs.kinds()) - named


_PHRASE_WORDS = re.compile(r"[A-Za-z][A-Za-z'’.\-]*[A-Za-z]|[A-Za-z]")
