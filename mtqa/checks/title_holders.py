"""Who holds a title: the English name a title goes with, where the Japanese renders that
name, and a deputy's title given to the holder of the office itself.

The titles check (:mod:`mtqa.checks.titles`) places a wrong title by the holder's name
(ラヴロフ外務大統領 beside "Foreign Minister Sergey Lavrov"); the same evidence shows a title
made a deputy's: "Sheriff Dolores Ruelas" rendered as ドロレス・ルエラス副保安官, the
holder demoted to her own deputy (副, "vice-; deputy", is a prefix of the office's title).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..text.glossary import TitleEntry, TitleMatch
from ..text.lexicon import english_entry, is_given_name
from .names import find_rendering, kanji_name_parts

# An English name right after a title ("Foreign Minister Sergey Lavrov") or right before
# a comma that introduces it ("Kristina Vasilakis, Germany's finance minister").
_NAME_WORD = r"(?:[A-Z][\w'’\-]+|van|der|de|von|al|ter)"
_NAME_AFTER = re.compile(rf"^\s*,?\s*({_NAME_WORD}(?:\s+{_NAME_WORD})*)")
#: A lower-case portfolio after a title, before the holder's name ("for transport").
_PORTFOLIO_BEFORE_NAME = re.compile(r"^\s+(?:for|of)\s+(?:[a-z][\w\-]*\s+){1,3}(?=[A-Z])")
#: A second title held at once, between the first and the name ("president *and chief
#: executive* Ramon Cruz").
_SECOND_TITLE = re.compile(r"^\s+and\s+(?:[a-z][\w\-]*\s+){1,3}(?=[A-Z])")
#: The organisation after a title ("of Kestrel Valley Police", "of the nearest village"),
#: closed by a comma before the holder's name.
_ORG_BEFORE_NAME = re.compile(r"^\s+(?:of|at)\s+(?:the\s+)?(?:[\w'’&\-]+\s+){0,5}"
                              r"[\w'’&\-]+(?=,\s*[A-Z])")
_NAME_BEFORE = re.compile(r"([A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)*),\s+(?:[\w'’]+\s+){0,3}$")
#: How much less like the holder's name than the best run another run may sound and
#: still be taken for the name.
RUN_MARGIN = 0.03
#: Words that open a new phrase between a name's comma and a title: no apposition
#: ("… Southern Fleece, *with* Tussock's chief executive, Liam Forsyth").
_NOT_APPOSITION = re.compile(r"\b(?:with|and|while|but|who|which|as|for|to|of|in|at|by|"
                             r"from|after|before|said|says)\b", re.I)
#: A name a verb of appointing gives the title after it: "appointed Tigist Alemu, a former
#: runner, as its director general", "Hendrik Vos was named as the new rector".
_NAME_APPOINTED = re.compile(
    r"\b(?:appointed|named|nominated|elected|chose|picked|selected|hired|installed)\s+"
    rf"({_NAME_WORD}(?:\s+{_NAME_WORD})*)(?:,[^,.;]{{0,80}},)?\s+as\s+"
    r"(?:(?:its|the|their|his|her|a|an)\s+)?(?:(?:new|next|interim|acting)\s+)?$"
    rf"|({_NAME_WORD}(?:\s+{_NAME_WORD})*)\s+(?:has|have|had)?\s*(?:been|was|is|were)\s+"
    r"(?:appointed|named|nominated|elected|chosen|picked|selected|hired|installed)\s+(?:as\s+)?"
    r"(?:(?:its|the|their|a|an)\s+)?(?:(?:new|next|interim|acting)\s+)?$")
#: The Japanese of appointing a name to a title: 氏を…に任命した.
_APPOINTED_GAP = re.compile(r"^(?:氏|さん)?を$")
_APPOINTED_VERB = re.compile(r"^に(?:任命|指名|起用|選出|選任|抜擢|就任)")
#: The Japanese prefix of a deputy's office (副市長, 副大統領, 副保安官).
DEPUTY_PREFIX = "副"
#: English words that make a subordinate office of the title after them ("assistant
#: attorney general", "deputy foreign minister", "vice-president").
SUBORDINATE = frozenset({"assistant", "deputy", "vice", "associate", "under"})
_DEPUTY_WORDS = "(?:" + "|".join(sorted(SUBORDINATE)) + ")"
#: What may stand between a name and its title and still be next to it (の, a space).
_NAME_GAP = re.compile(r"^[\s　の]?$")


def title_holder_names(m: TitleMatch, reference: str, appointed: bool = True) -> list[str]:
    """The English name(s) a title goes with: right after it ("Foreign Minister Sergey
    Lavrov"), before it with a comma ("Robert Habeck, the economy minister"), and, with
    ``appointed``, the name a verb of appointing gives it ("appointed Tigist Alemu as its
    director general": the office is to come, the name may still carry another)."""
    names = []
    rest = reference[m.end :]
    # a portfolio between the title and the name: "Deputy mayor for transport Hélène X"
    # or the organisation, then the name set off by a comma: "The chief constable of
    # Kestrel Valley Police, Andrew Lockridge,"
    portfolio = (_PORTFOLIO_BEFORE_NAME.match(rest) or _ORG_BEFORE_NAME.match(rest)
                 or _SECOND_TITLE.match(rest))
    skip = portfolio.end() if portfolio else _capitalised_portfolio(rest)
    after = _NAME_AFTER.match(rest[skip:])
    if after:
        names.append(re.sub(r"['’]s$", "", after.group(1)))
    before = _NAME_BEFORE.search(reference[max(0, m.start - 80) : m.start])
    if before and not _NOT_APPOSITION.search(before.group(0)[len(before.group(1)):]):
        names.append(before.group(1))
    given = _NAME_APPOINTED.search(reference[max(0, m.start - 160) : m.start])
    if appointed and given:
        names.append(given.group(1) or given.group(2))
    return names


#: A capitalised portfolio after a title ("Deputy Mayor for Finance Eleni Stavropoulou").
_CAPITAL_PORTFOLIO = re.compile(r"^\s+(?:for|of)\s+((?:[A-Z][a-z]+\s+){1,3})(?=[A-Z])")


def _capitalised_portfolio(rest: str) -> int:
    """Length of a portfolio of capitalised common words that opens ``rest`` before the
    holder's name ("for Finance", "for Foreign Affairs"), the name being the first word
    that is no English word, or a given name ("Grace"); 0 when there is none."""
    m = _CAPITAL_PORTFOLIO.match(rest)
    if m is None:
        return 0
    end = m.start(1)
    for w in re.finditer(r"[A-Z][a-z]+\s+", m.group(1)):
        word = w.group().strip()
        if is_given_name(word) or not english_entry(word.lower()).headwords:
            break
        end = m.start(1) + w.end()
    return end if end > m.start(1) else 0


def appointed_to(seg: str, name_end: int, start: int, end: int) -> bool:
    """Whether the title at ``seg[start:end]`` is given to the name ending at ``name_end``
    by a verb of appointing (アレム氏を総支配人に任命した)."""
    return name_end <= start and bool(_APPOINTED_GAP.match(seg[name_end:start])) and bool(
        _APPOINTED_VERB.match(seg[end:]))


def holder_name_runs(m: TitleMatch, reference: str, seg: str, base: int,
                     appointed: bool = True) -> list[tuple[int, int]]:
    """Document offsets of the katakana runs that render the name the title goes with
    (:func:`title_holder_names`)."""
    names = title_holder_names(m, reference, appointed)
    runs: list[tuple[int, int]] = []
    for n in names:
        found = find_rendering(n, seg)  # (best first: a looser run, サザン・フリース for
        # "Forsyth" beside リアム・フォーサイス, is another name)
        runs += [(base + s, base + e) for s, e, v in found if v >= found[0][2] - RUN_MARGIN]
    if names and not runs:
        # a Chinese, Korean or Japanese name is written in kanji (陳偉廷 for Chen Wei-ting):
        # a personal name of UniDic's where no katakana renders the holder
        runs = [(p.start, p.end) for p in kanji_name_parts(seg, base)]
    return runs


def added_deputy(m: TitleMatch, present: Sequence[str], reference: str, article: str,
                 seg: str, base: int) -> tuple[int, int] | None:
    """Document span of a deputy's title (副 and an accepted rendering in ``present``)
    said of the person the English gives title ``m`` itself: written right after the
    Japanese of the holder's name, when the English article calls no one the deputy of
    that office ("Sheriff Dolores Ruelas" → ドロレス・ルエラス副保安官). A title of the
    glossary that is a deputy's already (副大統領 for "vice-president") is left alone."""
    if re.match(rf"{_DEPUTY_WORDS}\b", m.text, re.IGNORECASE) or re.search(
            rf"\b{_DEPUTY_WORDS}[\s-]+{re.escape(m.text)}", article, re.IGNORECASE):
        return None
    runs = holder_name_runs(m, reference, seg, base, appointed=False)
    for r in present:
        if len(r) < 2 or r.startswith(DEPUTY_PREFIX):
            continue
        for hit in re.finditer(re.escape(DEPUTY_PREFIX + r), seg):
            at = base + hit.start()
            if any(e <= at and _NAME_GAP.match(seg[e - base : hit.start()])
                   or base + hit.end() <= s and _NAME_GAP.match(seg[hit.end() : s - base])
                   for s, e in runs):  # ルエラス副保安官, 副保安官のルエラス氏
                return at, base + hit.end()
    return None


#: A name of English text: capitalised words in a row.
CAPITALISED_NAME = re.compile(r"[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)*")


def renders_other_name(run: tuple[int, int, float], name: str, reference: str, seg: str) -> bool:
    """Whether the katakana ``run`` that sounds like ``name`` renders another name of the
    sentence's English better (ズザナ・リプコバー sounds like Zelina, and is Zuzana Lipková)."""
    return any(n != name and s <= run[0] < e and sim > run[2]
               for n in CAPITALISED_NAME.findall(reference)
               for s, e, sim in find_rendering(n, seg))


def others_own(r: str, m: TitleMatch, matches: Sequence[TitleMatch],
               glossary: Iterable[TitleEntry] = (), seg: str = "") -> bool:
    """Whether rendering ``r``, which title ``m`` accepts only as a title of its holder's
    kind of organisation, is the glossary's own rendering of another title of the pair:
    in "president and chief executive", 最高経営責任者 is the chief executive's, and the
    president needs a title of its own (社長, not 大統領). An acronym that several titles
    share is another title's too where the Japanese ``seg`` spells that one out
    (最高情報責任者（CIO） for "Chief Investment Officer": CIO is both, 最高情報責任者 only the
    chief information officer)."""
    if r.isascii() and seg and any(
            e.key != m.entry.key and r in e.renderings and any(
                o in seg for o in e.renderings if not o.isascii() and o not in m.entry.renderings)
            for e in glossary):
        return True
    return r not in m.entry.renderings and any(
        x is not m and x.entry.key != m.entry.key and r in x.entry.renderings
        for x in matches)
