"""The field or body a title is given with in the English, and its words: the department
after a title ("executive director, NSW Department of Planning"), the words just before it
("public health minister"), and a Japanese compound whose modifier says them (州計画局長,
公衆衛生担当相). Used by :mod:`mtqa.checks.titles` (TTL001)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..text import jmdict
from ..text.cache import text_cache
from ..text.english import STOPWORDS, stem
from ..text.glossary import TitleMatch, organisations
from .title_compounds import Compound, title_pieces
from .title_senses import gloss_stems

_EN_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")


def words_at(text: str) -> list[tuple[str, int]]:
    """The English words of ``text`` with their offsets."""
    return [(m.group(), m.start()) for m in _EN_WORD.finditer(text)]


#: Ends of a Japanese modifier that make 長官 the head of an agency or bureau
#: (出入国在留管理庁長官): an office below a minister's.
AGENCY_ENDS = ("庁", "局")

#: Titles news Japanese gives whoever leads a body, whatever its kind: a "leader" (a word
#: that names no office) may be 代表, 指導者, リーダー or 幹部 of a council as of a union
#: ("Council leader" → 議会の代表, "council leaders" → 市議会の幹部); a president of a state
#: or a university is no 代表.
ANY_HEAD = ("代表", "責任者", "指導者", "リーダー", "トップ", "幹部", "首脳")


#: The department or field an English title names after it: "executive director, NSW
#: Department of Planning", "director of planning", "minister for housing" (up to the
#: next punctuation), or just before it ("planning director").
_FIELD_AFTER = re.compile(r"^(?:\s*,\s*|\s+(?:of|for|at)\s+)([^,;:.()\[\]]{1,60})")
_FIELD_WORDS_BEFORE = 2


def field_of_english(c: Compound, heads: set[str], offices: frozenset[str], reference: str,
                      m: TitleMatch) -> bool:
    """Whether compound ``c`` gives title ``m`` with the field the English gives: 法執行担当
    責任者, "the one in charge of enforcement", for the "executive director of enforcement";
    公衆衛生担当相 for "public health minister", an accepted head (``heads``) whose field
    says each word of the English's own (not another office of the glossary, ``offices``,
    nor an agency's head: 水産庁長官)."""
    field = c.modifier.removesuffix("担当")
    if c.modifier.endswith("担当") and c.head in ANY_HEAD and portfolio_in_english(
            field, reference, m):
        return True
    return bool((c.head in heads or c.head.removeprefix("担当") in heads) and c.modifier
                and c.core not in offices and not c.modifier.endswith(AGENCY_ENDS)
                and portfolio_in_english(field, reference, m, every=True, own=True))


def portfolio_in_english(modifier: str, reference: str, m: TitleMatch,
                          every: bool = False, own: bool = False) -> bool:
    """True when a word of the compound's modifier (a JMdict word of two characters or more)
    renders the department or field the English gives with the title, where the glossary's
    title has none of its own (州計画局長 for "executive director, NSW Department of
    Planning": 計画 'plan'). With ``every``, each word of the modifier must render one;
    with ``own``, the words of the title itself count too, one word beside the title at
    least being rendered ("*public health* minister": 公衆衛生)."""
    stems = set(_field_stems(reference, m))
    title = {stem(w.lower()) for w, _ in words_at(m.text)} if own else set()
    pieces = [p for p in title_pieces(modifier) if len(p) >= 2]
    rendered = [gloss_stems(p) & (stems | title) for p in pieces]
    if own and not any(gloss_stems(p) & (stems - title) for p in pieces):
        return False  # the field must add a word of the English beside the title
    return bool(pieces) and (all(rendered) if every else any(rendered))


def _field_stems(reference: str, m: TitleMatch) -> frozenset[str]:
    """Stems of the words of the department or field English ``reference`` gives title
    ``m`` ("director of operations", "operations director")."""
    after = _FIELD_AFTER.match(reference[m.end :])
    near = words_at(after.group(1)) if after else []
    near += words_at(reference[: m.start].rstrip(" ,"))[-_FIELD_WORDS_BEFORE:] if (
        reference[: m.start].endswith(" ")) else []
    return frozenset(stem(w.lower()) for w, _ in near if w.lower() not in STOPWORDS)


@text_cache(64)
def _article_stems(article: str) -> frozenset[str]:
    """Stems of every word of English ``article`` (read once per article, not per title)."""
    return frozenset(stem(w.lower()) for w, _ in words_at(article))


def field_in_other_sense(m: TitleMatch, rendering: str, reference: str,
                         cores: Sequence[str], article: str) -> tuple[str, str, str] | None:
    """(the compound from that word on, English word, the JMdict gloss that says it) when
    a compound of ``cores`` puts before the accepted ``rendering`` of title ``m`` a word
    that says the field the English gives only in a sense JMdict qualifies with a word
    the English ``article`` never says: 作戦部長 for the "director of operations" (作戦:
    "military operation", "naval operation"); None otherwise. Only glosses of two words, a
    qualifier and the English word, count: "appellate court" is 控訴院, which the "Court of
    Appeal" is too, and a gloss that says the word by itself or first is its sense."""
    if len(rendering) < 2:
        return None
    field = _field_stems(reference, m)
    if not field:
        return None
    said = _article_stems(article)
    for core in cores:
        if len(core) <= len(rendering) or not core.endswith(rendering):
            continue
        for piece in title_pieces(core[: len(core) - len(rendering)]):
            if len(piece) < 2 or core[core.rfind(piece):] in m.entry.renderings:
                continue  # (下院議長, "lower house" speaker, is the glossary's House Speaker)
            senses = [re.sub(r"\([^)]*\)", " ", g).lower().split()
                      for g in jmdict.glosses(piece, 3)]
            saying = [g for g in senses if {stem(w) for w in g} & field]
            if saying and all(len(g) == 2 and stem(g[1]) in field and stem(g[0]) not in said
                              for g in saying):
                word = next((w for w, _ in words_at(reference) if stem(w.lower()) in field
                             and stem(w.lower()) == stem(saying[0][1])), saying[0][1])
                return core[core.rfind(piece):], word, " ".join(saying[0])
    return None


def shortened(core: str, renderings: Sequence[str]) -> bool:
    """Whether the bare head ``core`` shortens an accepted rendering ending in it and keeps
    its kind of body (大臣 for 財務大臣, "Finance Minister"): 首相, a state's head, shortens no
    州首相, a state's or province's (a "Chief Minister" said as the prime minister)."""
    orgs = organisations()
    mine = orgs.japanese_kinds(core, core)
    known = [kinds for r in renderings if r != core and r.endswith(core)
             if (kinds := orgs.japanese_kinds(r, core))]
    return not mine or not known or any(kinds & mine for kinds in known)
