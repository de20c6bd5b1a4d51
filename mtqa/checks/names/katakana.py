"""The Japanese side of the names check: the katakana runs and their parts (split at ・
and ＝), kanji personal names with their UniDic readings, and where a name begins and ends
in the Japanese text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ...text import japanese, jmdict, wordlists

#: Kanji that open a compound referring back (同館 "that museum", 当社 "this company").
_REFERRING_PREFIXES = wordlists.deictic_prefixes()


# Katakana (with prolonged sound mark, middle dot and the equals signs used in names).
#: A run of katakana, with the ・ and ＝ that join a name's parts.
KATAKANA_RUN = re.compile(r"[\u30A1-\u30FA\u30FC\u30FB\uFF66-\uFF9F＝=]+")
PART_SEP = re.compile(r"[・＝=]")
#: A JMdict gloss's parenthesised note ("Paris (France)").
GLOSS_NOTE = re.compile(r"\s*\([^)]*\)")


@dataclass(frozen=True, slots=True)
class KanaPart:
    """One part of a katakana run (``start``/``end`` index the text searched)."""

    surface: str
    start: int
    end: int
    run_start: int
    run_end: int
    n_parts: int
    #: katakana reading of a kanji name (UniDic); '' for katakana parts
    reading: str = ""

    @property
    def sound(self) -> str:
        """What the part sounds like, in kana."""
        return self.reading or self.surface


def katakana_parts(text: str, base: int = 0) -> list[KanaPart]:
    """Parts of the katakana runs of ``text`` (offsets + ``base``)."""
    out: list[KanaPart] = []
    for m in KATAKANA_RUN.finditer(text):
        run = m.group()
        lead = len(run) - len(run.lstrip("・＝="))
        run_s, run_e = m.start() + lead, m.end() - (len(run) - len(run.rstrip("・＝=")))
        if run_e <= run_s:
            continue
        pieces = [(p.start(), p.end()) for p in re.finditer(r"[^・＝=]+", text[run_s:run_e])]
        for ps, pe in pieces:
            surface = text[run_s + ps : run_s + pe]
            if len(surface.strip("ー")) < 2 and len(pieces) == 1:
                continue  # a lone kana sign is not a name
            out.append(KanaPart(surface, base + run_s + ps, base + run_s + pe,
                                base + run_s, base + run_e, len(pieces)))
    return out


def kanji_name_parts(text: str, base: int = 0) -> list[KanaPart]:
    """Person names written in kanji (三好, 啓介), with their UniDic readings, so that a
    Japanese name of the English ("Keisuke Miyoshi") is compared by sound too."""
    out = []
    for tok in japanese.tokenize(text):
        if tok.pos3 == "人名" and japanese.has_kanji(tok.surface) and tok.reading:
            out.append(KanaPart(tok.surface, base + tok.start, base + tok.end,
                                base + tok.start, base + tok.end, 1, tok.reading))
    return out


def in_compound(tokens: Sequence[japanese.Token], k: int) -> bool:
    """Whether token ``k`` is joined to a noun or prefix right before or after it (南ホラント
    州: a place's name made of several words)."""
    before = tokens[k - 1] if k else None
    after = tokens[k + 1] if k + 1 < len(tokens) else None
    return (before is not None and before.end == tokens[k].start
            and before.pos1 in ("名詞", "接頭辞")) or (
        after is not None and after.start == tokens[k].end
        and after.pos1 in ("名詞", "接尾辞"))


def inside_word(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is part of a longer word of its script: katakana next to
    katakana or a ・ (メキシコ of ニューメキシコ), kanji after kanji (米国 of 全米国)."""
    before, after = text[start - 1 : start], text[end : end + 1]
    if japanese.is_katakana(text[start:end]):
        return any(c and (japanese.is_katakana(c) or PART_SEP.match(c)) for c in (before, after))
    return bool(before) and japanese.has_kanji(before)


def name_start(text: str, lo: int, start: int, joiners: str = "・＝=") -> int:
    """Where the katakana name before offset ``start`` of ``text`` begins, not before
    ``lo``: back over katakana and the marks that join the parts of one name
    (``joiners``: エマニュエル・マクロン)."""
    while start > lo and (japanese.is_katakana(text[start - 1]) or text[start - 1] in joiners):
        start -= 1
    return start


def acceptable_alone(part: KanaPart) -> bool:
    """A katakana part that may be a name on its own: not an ordinary loanword that JMdict
    knows (コミュニティ, プロセス), unless it sits in a ・-joined name."""
    return part.n_parts > 1 or not jmdict.glosses(part.surface)


def may_be_name(tok: japanese.Token) -> bool:
    """A token that may be a person's name in a script not compared by sound: a personal
    name (UniDic), or a kanji noun the dictionary does not know (習近 of 習近平) other than
    a referring compound (同館 "the said museum", 当社, 両国)."""
    if tok.pos3 == "人名":
        return True
    if tok.pos1 != "名詞" or not japanese.has_kanji(tok.surface) or tok.pos3 == "地名":
        return False
    return tok.surface[0] not in _REFERRING_PREFIXES and not jmdict.glosses(tok.surface)


def norm(surface: str) -> str:
    return japanese.normalize(surface)
