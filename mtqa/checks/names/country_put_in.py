"""``NAM007``: a country put in place of another place or a person.

The Japanese sentence names a country (フランス, 英国) that its English sentence does not name
in any form, where the English has a name the Japanese does not render (or, with no "it" in
the English, gives less often than the English names it): one that is not in that country
nor of it by WordNet, or is a place of it that is no seat of its government (Beijing for
中国, the Bundesbank for ドイツ are the translator's usual renderings; California for
アメリカ is none). See :meth:`CountriesPutIn._country_put_in`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence

from ...text import japanese, jmdict
from ...text.countries import (
    countries_rendered_by,
    country_mentions,
    mentions_country,
    renders_country,
)
from ...text.english import NEUTER, STOPWORDS
from ...text.phonetic import name_similarity_reaches
from ...text.wordnet import (
    is_place,
    is_seat_of_government,
    other_names,
    synsets_of,
    what_holds,
)
from ...types import AlignedPair, Finding
from .. import Context
from .base import NameCheckBase
from .english import ends_longer_name, fold, is_person
from .katakana import GLOSS_NOTE, KATAKANA_RUN, KanaPart, in_compound, inside_word
from .matching import DROPPED_LOOSE_SIM, MATCH_MIN
from .state import NameState, Tally


def unrendered_countries(pair: AlignedPair, seg: str) -> list[str]:
    """The countries the pair's English names (by name, adjective or short form: the US,
    Belgian) that its Japanese ``seg`` renders by none of their JMdict names, nor in Latin
    letters; not a hashtag's or a handle's (#USA)."""
    out = []
    for c in country_mentions(pair.reference):
        form = pair.reference[c.start : c.end]
        if pair.reference[c.start - 1 : c.start] in ("#", "@") or form in seg:
            continue
        if not renders_country(seg, c.renderings):
            out.append(form)
    return out


def _place_stem_said(word: str, countries: Sequence[tuple[str, ...]], english: str) -> bool:
    """Whether ``english`` has a word made on the stem of a place that JMdict glosses
    ``word`` (Scottish, Scots for スコットランド "Scotland"; English for イングランド): the
    first four letters of a word, or its plural ("Germans" for ドイツ: a demonym
    of ``countries``, the word's); in any case (social English writes "scottish"); not the
    last word of a longer name ("South Holland")."""
    stems = {g[:4].lower() for g in jmdict.glosses(word) if len(g) >= 4 and g[:1].isupper()}
    forms = {f for c in countries for f in c}
    return any((w[:4].lower() in stems or (w.endswith("s") and w[:-1] in forms))
               and not ends_longer_name(english, m.start())
               for m in re.finditer(r"\b[A-Za-z]{4,}", english) if (w := m.group()))


def _countries_put(tokens: Sequence[japanese.Token], pair: AlignedPair, st: NameState, text: str,
                   flagged: set[tuple[int, int]],
                   ) -> list[tuple[int, int, tuple[tuple[str, ...], ...]]]:
    """For :meth:`CountriesPutIn._country_put_in`: the words of the pair's Japanese (article
    offsets, with their countries' forms) that UniDic reads as a place and JMdict gives for
    a country the English of the pair names in no form: not a word that sounds like a name
    of the pair (アンドラ for "coastal Andhra"), nor a country opening a compound that names
    a body (ドイツ鉄道, 米国防総省), nor part of a longer word, nor one already flagged."""
    put: list[tuple[int, int, tuple[tuple[str, ...], ...]]] = []
    # the last word of a longer name ("South Holland") is rendered inside a compound
    # (南ホラント州), not by the country alone (オランダは)
    ref = st.reference
    capitals: set[str] = set()
    name_ends: set[str] = set()
    for n in st.names:
        if pair.ref_start <= n.start < pair.ref_end:
            for w in n.words:
                if w.lower() not in STOPWORDS:
                    ends = ends_longer_name(ref, n.start + max(0, n.text.find(w)))
                    (name_ends if ends else capitals).add(fold(w))
    for k, tok in enumerate(tokens):
        if tok.pos3 != "地名" or any(name_similarity_reaches(w, tok.surface, MATCH_MIN)
                                     for w in capitals):
            continue
        if in_compound(tokens, k) and any(name_similarity_reaches(w, tok.surface, MATCH_MIN)
                                           for w in name_ends):
            continue
        after = tokens[k + 1] if k + 1 < len(tokens) else None
        if after is not None and after.start == tok.end and after.pos1 == "名詞" and len(
                after.surface) >= 2 and japanese.has_kanji(after.surface) and \
                _may_name_a_body(after.surface):
            continue
        if after is not None and after.start == tok.end and after.surface == "領":
            continue  # ノルウェー領スバールバル諸島: the country a territory belongs to,
            # a translator's gloss of the place after it
        countries = countries_rendered_by(tok.surface)
        start, end = pair.mt_start + tok.start, pair.mt_start + tok.end
        if not countries or (start, end) in flagged or inside_word(text, start, end):
            continue
        if any(_names_country_itself(pair.reference, forms) for forms in countries) or \
                _place_stem_said(tok.surface, countries, pair.reference):
            continue
        put.append((start, end, countries))
    return put


def _names_country_itself(english: str, forms: tuple[str, ...]) -> bool:
    """Whether ``english`` names the country of ``forms`` other than as the last word of a
    longer name ("the province of South Holland" names a province, not Holland): a
    mention right after a capitalised word that does not open its sentence is part of
    that name."""
    return any(c.forms == forms and not ends_longer_name(english, c.start)
               for c in country_mentions(english))


#: WordNet lexicographer files of the nouns that name a body or a thing a country has
#: (government, railway, embassy, bank): a country opening such a compound names it.
_BODY_FILES = frozenset({"noun.group", "noun.artifact"})


@functools.lru_cache(maxsize=4096)
def _may_name_a_body(word: str) -> bool:
    """Whether the kanji noun ``word`` that follows a country may make the name of a body
    with it (ドイツ鉄道, 米国防総省, 中国政府): some JMdict gloss of it is a WordNet noun of a
    group or an artifact, or WordNet knows none of its glosses. 時代 ("period; epoch; era")
    is none: イタリア時代 is the country's era, not a body's name."""
    files: set[str] = set()
    for gloss in jmdict.glosses(word)[:6]:
        key = GLOSS_NOTE.sub("", gloss).strip().lower().replace(" ", "_")
        files.update(s.lexname for s in synsets_of(key) if s.pos == "n")
    return not files or bool(files & _BODY_FILES)


class CountriesPutIn(NameCheckBase):
    """``NAM007``: a country put in place of another place (see the module)."""

    def _country_put_in(
        self, tokens: Sequence[japanese.Token], own: dict[KanaPart, tuple[str, float]],
        pair: AlignedPair, ctx: Context, st: NameState, dropped: Sequence[str],
        flagged: set[tuple[int, int]], tally: Tally,
    ) -> Iterator[Finding]:
        """``NAM007``: a country put in place of another place or a person.

        A word that UniDic reads as a place (地名) and JMdict gives for a country
        (フランス "France", 英国 "Britain": :func:`mtqa.text.countries.countries_rendered_by`),
        a whole word (not the start of ニューヨーク), whose country the pair's English does
        not name in any form (name, adjective, short form), stands where the English has a
        name the Japanese does not render (:meth:`.base.NameCheckBase._unrendered`, or a
        country of the English by none of its renderings), a person's or a place's (a
        holiday or a company named after a country is no substitution). A country opening
        a kanji compound (ドイツ鉄道 for Deutsche Bahn, 米国防総省 for the Pentagon) names a
        body, when the noun after it may name one (:func:`_may_name_a_body`: not 時代
        "era"). A country ending a longer English name ("South Holland") is no mention of
        it, and a word that sounds like it renders it only inside a compound (南ホラント州,
        not オランダは), and a word on the country's stem (Scottish for スコットランド, Germans
        for ドイツ) names it. The translator may name a country for a place or a body of it
        ("Beijing said" → 中国は, the Bundesbank → ドイツ連邦銀行, the Kremlin →
        ロシア大統領府): a missing name that WordNet puts in the country or ties to it (its
        part holonyms and definitions: :func:`mtqa.text.wordnet.what_holds`) does not
        count, when it is a body of the country or a seat of its government (a capital:
        :func:`mtqa.text.wordnet.is_seat_of_government`); another place of the country
        (California for アメリカ) does (names v15), a people or an adjective of it
        ("Norse" for ノルウェー) does not. A place the English names more often
        than the Japanese gives it counts as missing too, where the English has no "it" the
        country may render.
        """
        text = ctx.translation.text
        put = _countries_put(tokens, pair, st, text, flagged)
        if not put:
            return
        seg = text[pair.mt_start : pair.mt_end]
        ref = ctx.reference.text
        # a person or a place: a holiday or a company named for a country is no substitution
        unrendered = [n.text for n in self._unrendered(pair, ctx, st, own,
                                                       {(a, b) for a, b, _ in put})
                      if (n.text in st.located or is_person(n, ref, st) or is_place(n.text))
                      and not any(renders_country(seg, c.renderings)
                                  for c in country_mentions(n.text))]
        # a capital given as its country (タイ側 for "Bangkok has proposed") renders it
        capitals = [n for n in unrendered if _capital_as_its_country(n, seg)]
        missing = [n for n in unrendered if n not in capitals]
        missing += dropped
        # a place said twice and given once, where no "it" may be what the country renders
        fewer = [] if NEUTER.search(pair.reference) else [
            n.text for n in tally.fewer()
            if n.text in st.located or is_place(n.text)]
        missing += fewer
        for start, end, countries in put:
            if _country_of_next_place(text, end, pair, st, countries):
                continue  # スウェーデンのヨーテボリ: the country of a place it renders
            if any(mentions_country(what_holds(c), forms) for c in capitals
                   for forms in countries):
                continue  # the country of a capital the sentence names
            away = [m for m in dict.fromkeys(missing) if not any(
                mentions_country(what_holds(m), forms) for forms in countries) or (
                    is_place(m, adjectives=False) and not is_seat_of_government(m))]
            if not away:
                continue
            name = countries[0][0]
            gives = ("gives less often than the English names it" if away[0] in fewer
                     else "does not render")
            yield self._finding(
                "NAM007", "major", start, end, text,
                f"'{text[start:end]}' names {name}, which the English of this sentence does "
                f"not; here the English has {away[0]}, which the Japanese {gives}: "
                "one place put in place of another",
                pair.reference, pair.index, english=away[0], other=name,
            )



def _country_of_next_place(text: str, end: int, pair: AlignedPair, st: NameState,
                           countries: Sequence[tuple[str, ...]]) -> bool:
    """Whether the country word ending at ``end`` is followed (after の, or directly) by
    the katakana of a place of the pair's English that WordNet puts in that country, under
    its English name or another WordNet gives it (スウェーデンのヨーテボリ for "Gothenburg",
    Göteborg): a translator names the country of a city for the reader, and puts no place
    in place of another."""
    run = KATAKANA_RUN.match(text, end + (1 if text.startswith("の", end) else 0))
    if run is None:
        return False
    for n in st.names:
        if not pair.ref_start <= n.start < pair.ref_end:
            continue
        holds = what_holds(n.text)
        if not holds or not any(mentions_country(holds, forms) for forms in countries):
            continue
        if any(name_similarity_reaches(w, run.group(), DROPPED_LOOSE_SIM)
               for w in (n.text, *other_names(n.text))):
            return True
    return False


def _capital_as_its_country(name: str, seg: str) -> bool:
    """Whether ``name`` is a seat of government (WordNet) whose country the Japanese names
    (オーストラリア for "Canberra has committed a ship"): the translator gave the
    government its country's name, and left no place out."""
    if not is_seat_of_government(name):
        return False
    holds = what_holds(name)
    return any(renders_country(seg, c.renderings) for c in country_mentions(holds))

