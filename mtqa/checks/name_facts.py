"""Which capitalised English words are names a translation must carry (the omission
check's facts, :mod:`mtqa.checks.omitted_facts`): not a contraction, an acronym, an
honorific or a company's legal form, not a nationality adjective, not a common word the
dictionary glosses; and an adjective of a body's name ("Meteorological") is rendered by
the noun WordNet says it pertains to."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..text import japanese, wordlists, wordnet
from ..text.english import WORD_PREFIXES
from ..text.lexicon import english_entry

#: Abbreviations that stand with a name and are no name themselves (rendered as 氏, 博士,
#: or left out): honorifics and generational suffixes.
NAME_AFFIXES = frozenset("jr sr mr mrs ms dr st mt prof gen lt col sgt rev hon".split())
#: The legal form after a company's name (Ltd, plc, Inc, GmbH): Japanese news writes 社 or
#: nothing for it, so it is no fact of the English that a translation must carry.
LEGAL_FORMS = frozenset("ltd plc inc llc llp lp gmbh ag sa nv bv spa oy ab asa corp co "
                        "pty pte bhd kk".split())
#: Endings of nationality adjectives (Irish, Chinese, Canadian, European): rendered by the
#: country's name, which the dictionary does not link to the adjective.
DEMONYM_ENDINGS = ("ish", "ese", "ian", "ean")
#: Weekday and month names (a date, no name): wordlists weekdays.tsv and months.tsv.
_DATE_WORDS = frozenset(wordlists.weekdays()) | frozenset(wordlists.months())
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&\-]{1,6}s?$")


def bare_name(word: str) -> str:
    """The word without a possessive 's."""
    return re.sub(r"['’]s$", "", word)


def is_name(word: str) -> bool:
    """A capitalised English word that can only be a name: not a contraction (I'm, We've),
    not an acronym (EU may be 欧州連合), not a common word capitalised for emphasis or in
    a title ("Hot", "Your Honor", "Hospital Playlist"), which JMdict lists as a gloss."""
    bare = bare_name(word)
    low = bare.lower().rstrip(".")
    if re.search(r"['’]", bare) or _ACRONYM.match(bare) or low in NAME_AFFIXES \
            or low in LEGAL_FORMS:
        return False  # I'm, We've, Can't; EU, NATO; Jr, Dr
    if low.endswith(DEMONYM_ENDINGS):
        return False  # Irish → アイルランドの, Japanese → 日本の: an adjective, read loosely
    if low in _DATE_WORDS or low.removesuffix("s") in _DATE_WORDS:
        return False  # Saturday(s), March: a date, rendered by 土曜日, 3月
    parts = bare.split("-")
    if len(parts) > 1 and all(p.islower() for p in parts[1:]) and all(
            p.lower() in WORD_PREFIXES or english_entry(p.lower()).senses for p in parts if p):
        return False  # a compound of common words, capitalised in a body's name or a
        # headline ("Independent Broad-based Anti-corruption Commission")
    return english_entry(low).senses == 0


_TWO_KANJI = re.compile(r"[\u4e00-\u9fff]{2}")


def noun_rendered(word: str, texts: Sequence[str]) -> bool:
    """Whether a capitalised adjective of a body's name that pertains to a noun (WordNet:
    "Meteorological" to meteorology) is rendered by a JMdict word of that noun (気象局 for
    "the Meteorological Department"; not 公害 "pollution" for "Environmental")."""
    for noun in wordnet.pertainyms(word):
        heads = [h for h in english_entry(noun).headwords
                 if len(h) >= 2 and japanese.has_kanji(h)]
        # (a science's word by its stem: 気象 of 気象学 "meteorology")
        stems = [h[:2] for h in heads if len(h) > 2 and _TWO_KANJI.fullmatch(h[:2])]
        if any(h in t for h in heads + stems for t in texts):
            return True
    return False
