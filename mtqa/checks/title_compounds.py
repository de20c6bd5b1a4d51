"""Japanese title compounds: noun compounds that end in an office head (外務大臣, 財務相,
ラヴロフ外務大統領's 外務大統領), read from UniDic tokens, with the kinds of office their
head names (``mtqa/data/wordlists/title_heads.tsv``), their modifier (the portfolio: 外務)
and the names and places inside them. The titles check (:mod:`mtqa.checks.titles`)
compares them with the English titles of the pair.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from ..text import japanese, jmdict, wordlists
from ..text.glossary import organisations


#: Japanese office heads → the kinds of office they name (the vocabulary of the kinds column
#: of mtqa/data/titles.tsv), from ``mtqa/data/wordlists/title_heads.tsv``. Longest head
#: wins; one-character heads (相, 長, 官) only count as suffix tokens (財務相, 工場長, 報道官),
#: never inside words (首相 has its own).
HEAD_KINDS: Mapping[str, frozenset[str]] = wordlists.title_heads()
#: Leading words that qualify a title without being part of the office (元 "former",
#: 前 "previous", 現 "current", 同 "the said", 新 "new", 故 "the late", 次期 "next").
_PREFIXES = ("次期", "元", "前", "現", "同", "新", "故")
# One-kanji country abbreviations used before titles (米国務長官, 英外相, 露大統領).
_COUNTRY_ABBREV = frozenset("米英露中日独仏韓朝伊加豪印欧台越比墨伯")


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
    return tok.pos1 in {"名詞", "接頭辞", "接尾辞"} and not tok.is_punct \
        and tok.surface not in _TITLE_ENDERS


#: Words that end the title before them as a particle does: plural suffixes (元総務部長ら
#: 7人: "the former manager and others, seven"), and 兼, "and also", between two titles
#: held at once (社長兼最高経営責任者 for "president and chief executive"): each is a title.
_TITLE_ENDERS = frozenset({"ら", "たち", "達", "等", "兼"})


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

    joined = _joined_name_parts(toks)
    for i, tok in enumerate(toks):
        contiguous = not run or run[-1].end == tok.start
        if _nominal(tok) and contiguous and not _is_name_token(tok) and i not in joined:
            run.append(tok)
        else:
            flush()
            if _nominal(tok) and not _is_name_token(tok) and i not in joined:
                run.append(tok)
            elif (last := _word_after_name(tok, toks[i + 1] if i + 1 < len(toks) else None)):
                run.append(last)
    flush()
    return out


#: The double hyphen Japanese writes between the parts of a double-barrelled name
#: (トラン＝ウィットフォード for "Tran-Whitford").
_NAME_JOINERS = frozenset({"＝", "=", "゠"})


def _joined_name_parts(toks: Sequence[japanese.Token]) -> frozenset[int]:
    """Indices of the katakana tokens that continue a name after a name joiner
    (:data:`_NAME_JOINERS`): トラン＝ウィット|フォード reads as two dictionary words
    (ウィット "wit", フォード "Ford"), which are the name's, not a title's modifier
    (ウィットフォード副知事 is the deputy governor named Tran-Whitford)."""
    out: set[int] = set()
    for i in range(1, len(toks) - 1):
        joiner, before = toks[i], toks[i - 1]
        if joiner.surface not in _NAME_JOINERS or before.end != joiner.start \
                or not japanese.is_katakana(before.surface):
            continue
        j, end = i + 1, joiner.end
        while j < len(toks) and toks[j].start == end and japanese.is_katakana(toks[j].surface):
            out.add(j)
            end = toks[j].end
            j += 1
    return frozenset(out)


def _word_after_name(tok: japanese.Token, nxt: japanese.Token | None) -> japanese.Token | None:
    """The last part of a dotted katakana run when it is a dictionary word joined to the
    kanji after it (ペッテル・オースラン・エネルギー｜庁長官: the name, then エネルギー庁長官,
    which UniDic reads as one token with the name), as a token of its own; else None."""
    if nxt is None or nxt.start != tok.end or "・" not in tok.surface \
            or not japanese.has_kanji(nxt.surface) or not _nominal(nxt):
        return None
    part = tok.surface.rsplit("・", 1)[1]
    if len(part) < 2 or not jmdict.glosses(japanese.normalize(part)):
        return None
    return replace(tok, surface=part, start=tok.end - len(part), lemma=part,
                               reading=part)


#: One-character heads that UniDic reads as a noun of their own, not as a suffix (会計|係,
#: "bookkeeper"): a head after another noun all the same.
_NOUN_HEADS = frozenset({"係"})


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
        head = head_of(core, bounds, suffix_token=last.pos1 == "接尾辞" or len(last.surface) > 1
                       or last.surface in _NOUN_HEADS)
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
def rendering_parts(rendering: str) -> tuple[str, str]:
    """(modifier, head) of an accepted rendering ("外務大臣" → ("外務", "大臣"))."""
    head = head_of(rendering, None, suffix_token=True)
    if not head:
        return rendering, ""
    return rendering[: len(rendering) - len(head)], head


def rendering_present(rendering: str, seg: str, comps: Sequence[Compound]) -> bool:
    """Whether ``rendering`` occurs in the segment (one-character renderings: as a head)."""
    if len(rendering) >= 2:
        return rendering in seg
    return any(c.head == rendering for c in comps)


def widened(c: Compound, renderings: Sequence[str]) -> bool:
    """An accepted rendering with a wider portfolio: same head, modifier containing the
    accepted one (経済産業相 "economy, trade and industry minister" for Economy Minister;
    科学担当相, "minister in charge of science", for 科学相)."""
    for r in renderings:
        mod, head = rendering_parts(r)
        # (担当 "in charge of" before the head says the same: 科学担当相 for 科学相)
        if head and head in (c.head, c.head.removeprefix("担当")) and len(mod) >= 2 \
                and mod in c.modifier:
            return True
    return False


def title_pieces(surface: str) -> list[str]:
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
    pieces = title_pieces(surface)
    for n, word in enumerate(pieces):
        if n and n == len(pieces) - 1 and len(word) == 1 and word in HEAD_KINDS:
            # a one-character head is a suffix of office (財務相 "minister", 工場長
            # "director"), not the word's first senses (相 "one's nature")
            kinds = " / ".join(sorted(k.replace("_", " ") for k in HEAD_KINDS[word]))
            out.append(f"{word} '{kinds}'")
            continue
        gl = [re.sub(r"\s*\([^)]*\)", "", g).strip() for g in jmdict.glosses(word, 2)]
        # from the common word's sense on (仲間 "company; fellow", not first the rare 仲間
        # read ちゅうげん, "samurai's attendant")
        common = jmdict.common_gloss(word)
        gl = [g for g in gl[gl.index(common) if common in gl else 0 :] if g][:2]
        if gl:
            out.append(f"{word} '{'; '.join(gl)}'")
    return " + ".join(out)
