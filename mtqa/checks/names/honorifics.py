"""``NAM005``: an honorific and の fused to a name with no noun for the の to modify
(マクロン氏のは, スミス氏の：), or between a name and the title of the head of an
organisation (ジョンソン氏の議長は): a stray word, whatever the English says."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from ...text import japanese, wordlists
from ...text.glossary import organisations
from ...types import AlignedPair, Finding
from .base import NameCheckBase
from .katakana import name_start
from .state import NameState

#: Lemmas of the copula (だ, で, でし, じゃ, です): after 氏の it leaves the の no noun.
_COPULA = frozenset({"だ", "です"})


#: Honorifics that may follow a name's stray suffix (サンチェス校氏: 校 is still stray).
HONORIFIC_SUFFIXES = frozenset("氏 さん 様 君 殿".split())


def honoured(text: str, at: int, title_ends_word: bool = False) -> bool:
    """Whether an honorific (氏, さん) or an office's title (知事, 大統領: a title of
    ``mtqa/data/wordlists/title_heads.tsv`` of two characters or more) follows offset
    ``at``: the name before it is a person's. With ``title_ends_word``, a title must end
    its word (タネ書記長; not 大使 of ロシア大使館, "embassy")."""
    return any(text.startswith(h, at) for h in HONORIFIC_SUFFIXES) or any(
        text.startswith(h, at) and not (title_ends_word and _KANJI.match(text, at + len(h)))
        for h in TITLE_HEADS)


_KANJI = re.compile(r"[\u4e00-\u9fff]")


#: Japanese office titles that follow a person's name (イトゥーラ知事), one-character heads
#: (相, 長) aside: they end words of all kinds.
TITLE_HEADS = tuple(h for h in wordlists.title_heads() if len(h) >= 2)
#: Titles of the organisation list (mtqa/data/org_titles.tsv) that a person's staff or
#: a head's second may hold (バイデン氏の代表 "Biden's representative", 監督, 教授,
#: 議員): after 氏の they are right.
_STAFF_TITLES = frozenset(
    "代表 党代表 責任者 幹部 役員 執行役員 理事 書記 議員 教授 監督 オーナー 取締役 経営者 "
    "創業者 指導者 リーダー 専務 常務 判事 裁判官 事務局長 所長 校長 学部長 研究科長".split()
)


def _head_title(head: str, kinds: frozenset[str]) -> str | None:
    """The organisation title ``head`` ends in when it names the head of an organisation
    (see :meth:`Honorifics._honorific_before_head`), else None."""
    if not kinds or "ministry" in kinds or head.startswith("副"):
        return None
    title = max((t for t in organisations().japanese if head.endswith(t)), key=len,
                default="")
    if len(title) < 2 or title in _STAFF_TITLES or title.startswith("副"):
        return None
    return title


def _ends_title_phrase(nxt: japanese.Token, tokens: Sequence[japanese.Token],
                       j: int) -> bool:
    """Whether token ``nxt`` (index ``j``) ends a noun phrase that stands for a person: a
    case particle (but として, への), は, も, or punctuation."""
    if nxt.is_punct:
        return True
    if nxt.pos1 != "助詞" or nxt.surface not in {"は", "が", "を", "に", "も", "と"}:
        return False
    after = tokens[j + 1] if j + 1 < len(tokens) else None
    return not (after is not None and after.start == nxt.end and (
        nxt.surface == "と" and after.surface in {"し", "して"}
        or nxt.surface == "に" and after.pos1 in {"動詞"} and after.lemma in {"成る", "就く"}))


#: Opening brackets: the noun a の modifies may open with one (パク氏の「塩の時間」, the
#: title of her novel; スミス氏の『…』).
_OPENERS = frozenset("「『（(【〈《“\"'")


class Honorifics(NameCheckBase):
    """``NAM005``: honorifics fused to a name (see the module)."""

    # (an opening bracket starts the noun: a title or a quotation, パク氏の「塩の時間」)
    def _dangling_honorifics(self, tokens: Sequence[japanese.Token], pair: AlignedPair,
                             text: str, st: NameState) -> Iterator[Finding]:
        """``NAM005``: an honorific and の after a name with no noun for the の to modify: a
        particle, punctuation or the copula follows (ブラウン氏のは, スミス氏の：,
        ジョーンズ氏のでは, スミス氏のでした: UniDic reads the で of では and でした as the
        copula だ/です). 氏の, さんの and 様の modify a noun (スミス氏の発言); before a
        particle or the copula, の would stand for a noun ("Mr Smith's one", "it was Mr
        Smith's"), which news Japanese does not write (none in the 3,904 translations of the
        ESA development half): a stray の, or a stray 氏の, is fused to the name. Whatever
        the English says."""
        for name, hon, no, nxt in zip(tokens, tokens[1:], tokens[2:], tokens[3:]):
            if not (name.pos1 == "名詞" and hon.pos1 == "接尾辞"
                    and hon.surface in HONORIFIC_SUFFIXES and no.surface == "の"
                    and (nxt.pos1 in {"助詞", "補助記号"} and nxt.surface not in _OPENERS
                         or nxt.pos1 == "助動詞" and nxt.lemma in _COPULA)
                    and name.end == hon.start and hon.end == no.start and no.end == nxt.start):
                continue
            end = pair.mt_start + no.end
            start = name_start(text, pair.mt_start, pair.mt_start + name.start)
            hon_start = pair.mt_start + hon.start
            if (start, end) in st.garbled or any(a <= hon_start < b for a, b in st.garbled):
                continue  # reported as another stray already (a stray ン before 氏 is not)
            st.garbled.add((start, end))
            yield self._finding(
                "NAM005", "minor", start, end, text,
                f"{text[start:end]} is followed by '{nxt.surface}': the honorific's の modifies "
                "no noun, so a stray word is fused to the name", pair.reference, pair.index,
                suffix=hon.surface + no.surface,
            )

    def _honorific_before_head(self, tokens: Sequence[japanese.Token], pair: AlignedPair,
                               text: str, st: NameState) -> Iterator[Finding]:
        """``NAM005``: an honorific and の between a name and the title of the head of an
        organisation (ジョンソン氏の議長は, ケレンスキー氏の首相に: "Mr Johnson's Speaker"):
        a head of a state, a party, a company, a legislature... belongs to an organisation,
        never to a person, so the 氏の is stray and the title is the person's own
        (ジョンソン議長). The titles are those of ``mtqa/data/org_titles.tsv`` but a
        minister's, a deputy's and the titles a person's staff may hold
        (:data:`_STAFF_TITLES`: バイデン氏の国務長官, ハリス氏の副大統領 are right); the
        title must end its noun and be followed by a case particle, は or も, or
        punctuation (ジョンソン氏の議長就任 "Johnson's taking office as Speaker" and
        ジョンソン氏の議長としての… are right). Measured: no such 氏の on the 4,094
        translations of the ESA development half."""
        orgs = organisations()
        for i, (name, hon, no) in enumerate(zip(tokens, tokens[1:], tokens[2:])):
            if not (name.pos1 == "名詞" and hon.pos1 == "接尾辞"
                    and hon.surface in HONORIFIC_SUFFIXES and no.surface == "の"
                    and name.end == hon.start and hon.end == no.start):
                continue
            j = i + 3
            while j < len(tokens) and tokens[j].pos1 in {"名詞", "接尾辞"} and (
                    tokens[j].start == tokens[j - 1].end) and not tokens[j].is_punct:
                j += 1
            if j == i + 3 or j >= len(tokens) or not _ends_title_phrase(tokens[j], tokens,
                                                                        j):
                continue
            head = text[pair.mt_start + tokens[i + 3].start : pair.mt_start + tokens[j - 1].end]
            title = _head_title(head, orgs.japanese_kinds(head, tokens[j - 1].surface))
            if title is None:
                continue
            start = name_start(text, pair.mt_start, pair.mt_start + name.start)
            end = pair.mt_start + no.end
            if any(a < end and start < b for a, b in st.garbled):
                continue
            st.garbled.add((start, end))
            yield self._finding(
                "NAM005", "minor", start, end, text,
                f"{text[start:end]}{head}: the honorific's の makes the {title} belong to the "
                "person, and a head of an organisation is nobody's: a stray word is fused "
                "to the name", pair.reference, pair.index, suffix=hon.surface + no.surface,
            )
