"""When a phrase of the English that the pair's Japanese lacks was not omitted (the omission
check's ``OMI002`` excuses; the phrases themselves come from :mod:`mtqa.checks.omitted_facts`):
the Japanese refers back to it (同氏, 同国, 彼女), the article said it before, it is the
subject Japanese leaves out, another part of the same full name renders it, or the Japanese
names something more often than the English does (a name put in place of another)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from ..text import japanese, wordlists
from ..text.countries import (
    country_mentions,
    country_renderings,
    mentions_country,
    renders_country,
)
from ..text.glossary import TitleMatch
from ..text.lexicon import Lexicon, katakana_names
from ..text.numerals import english_quantities
from .omitted_facts import MissingPhrase, bare_name, sounds_like


#: Prefixes of a compound that refers back to something named before (同氏, 同国, 当局,
#: 両社); 今, 元, 前... date or qualify a noun and refer back to nothing.
_REFERRING_PREFIXES = frozenset("同当両") & wordlists.deictic_prefixes()


def refers_back(japanese_text: str, areas: bool = False) -> bool:
    """Whether the Japanese of the pair refers to something named before (同氏, 同国, 当局,
    彼女): a name the English repeats may stand there. With ``areas``, an area noun opening
    a compound counts too (州最高裁 for "the Supreme Court of British Columbia", said
    before), and 同 before a noun UniDic cuts from it (同被告, 同海域): for a name, not for
    a value."""
    toks = japanese.tokenize(japanese_text)
    for i, t in enumerate(toks):
        if t.pos1 == "代名詞" or (t.pos1 == "名詞" and len(t.surface) >= 2
                                 and t.surface[0] in _REFERRING_PREFIXES):
            return True
        # for a name, the prefix cut from its noun (同被告, 同海域: 同 and 被告)
        if (areas and t.surface in _REFERRING_PREFIXES and i + 1 < len(toks)
                and toks[i + 1].start == t.end and toks[i + 1].pos1 == "名詞"):
            return True
        if areas and _bare_area(toks, i):
            return True
    return False


#: One-kanji nouns of an administrative area that, opening a compound with no place name
#: before them, mean the area the article is about (州最高裁 "the province's Supreme Court",
#: 市議会 "the city council", 県警 "the prefectural police").
_AREA_NOUNS = frozenset("州県市町村省")


def _bare_area(toks: Sequence[japanese.Token], i: int) -> bool:
    """Whether token ``i`` is an area noun (:data:`_AREA_NOUNS`) opening a compound, with
    no place name joined before it (オハイオ州知事 names its state)."""
    t = toks[i]
    if t.surface not in _AREA_NOUNS or t.pos1 != "名詞" or i + 1 >= len(toks):
        return False
    nxt = toks[i + 1]
    if nxt.start != t.end or nxt.pos1 not in {"名詞", "接尾辞"}:
        return False
    prev = toks[i - 1] if i else None
    return prev is None or prev.end != t.start or prev.pos3 == "人名" or (
        prev.pos1 not in {"名詞", "接頭辞"})


#: A definite article, and at most two words, before a phrase that modifies a noun: "the
#: *Aarhus*-based group", "the *Geneva* company".
_DEFINITE_BEFORE = re.compile(r"\b[Tt]he\s+(?:[a-z\-]+\s+){0,2}$")


#: What follows the name in an epithet: a compound adjective ("-based", "-listed") or a
#: common noun ("the Geneva company").
_EPITHET_AFTER = re.compile(r"-[a-z]+\b|\s+[a-z]+\b")
#: 同 and a body: the Japanese calls back an organisation or a place it named before.
_SAME_BODY = re.compile(r"同(?:社|行|グループ|国|党|局|庁|紙|誌|チーム|クラブ|市|州|町|村|団体|組合|"
                        r"機構|大学|病院|空港|港|省|委員会|連盟|協会|財団)")


def epithet_dropped(reference: str, phrase: MissingPhrase, japanese_text: str) -> bool:
    """Whether the phrase describes a body the article named before, in a definite noun
    phrase the Japanese renders by 同 and the body ("Shares in *the Aarhus-based group*
    fell" → 同社の株価は): Japanese calls it 同社 and leaves the epithet out."""
    return (phrase.premodifier and phrase.kinds == {"name"}
            and _DEFINITE_BEFORE.search(reference[max(0, phrase.start - 40) : phrase.start])
            is not None and _EPITHET_AFTER.match(reference, phrase.end) is not None
            and _SAME_BODY.search(japanese_text) is not None)


def phrase_text(reference: str, phrase: MissingPhrase) -> str:
    """The phrase as the finding quotes it: with its preposition (and a determiner and
    capitalised words of the name after it: "to Southern California") when it has one."""
    start = phrase.start
    if phrase.preposition:
        window = reference[max(0, start - 30) : start]
        m = re.search(rf"\b{re.escape(phrase.preposition)}\b(?:\s+(?:the|a|an))?"
                      r"(?:\s+(?-i:[A-Z])[\w'’\-]*)*\s*$", window, re.I)
        if m:
            start = max(0, start - 30) + m.start()
    return reference[start : phrase.end].strip(" ,;:")


def said_before(reference: str, phrase: MissingPhrase, earlier: str) -> bool:
    """Whether the article gave the phrase's fact before, so that the Japanese may now
    refer to it another way: every name word of it, or its values, occur in the
    ``earlier`` English. The caller then asks whether the Japanese refers back
    (:func:`refers_back`: 同氏, 同国, 同額, 彼女) or renders another word of the same full
    name (:func:`full_name_rendered`: サンチェス氏 for "Recarte" after "Ignacio Sánchez
    Recarte")."""
    text = reference[phrase.start : phrase.end]
    if phrase.kinds == {"name"}:
        words = [bare_name(w) for w in re.findall(r"[A-Z][\w'’\-]*", text)]
        return bool(words) and all(any(re.search(rf"\b{re.escape(r)}", earlier)
                                       for r in _place_of_people(w)) for w in words)
    values = {q.value for q in english_quantities(text)}
    return bool(values) and values <= {q.value for q in english_quantities(earlier)}


#: Endings of a name for a place's people ("Vermonters", "Londoners", "Californians").
_PEOPLE_ENDINGS = re.compile(r"(?:ers|ans|ns|ites)$")


def _place_of_people(word: str) -> tuple[str, ...]:
    """The word, and the place it names the people of ("Vermonters" → Vermont,
    "Californians" → Californi(a)): the article may have said the place before."""
    root = _PEOPLE_ENDINGS.sub("", word)
    return (word, root) if root != word and len(root) >= 4 else (word,)


#: A finite verb right after a name (with an adverb between): the name is its clause's
#: subject ("Norway conceded twice", "Smith has said").
_SUBJECT_VERB = re.compile(
    r"^\s+(?:[a-z]+ly\s+)?(?:has|had|have|was|were|is|are|will|would|could|can|may|might|"
    r"should|must|did|does|do|said|says|[a-z]{3,}ed)\b")


def dropped_subject(reference: str, phrase: MissingPhrase, earlier_english: str,
                    earlier_japanese: str) -> bool:
    """Whether the phrase is a name standing as the subject of its clause ("in which
    *Norway* conceded twice"), which the article named before in English and whose
    Japanese rendering stands earlier in the translation (ノルウェー): Japanese leaves out a
    subject the context gives (zero anaphora: 最後の10分間に2失点を喫して), so its absence is
    no omission."""
    # (a finite verb after it: the extractor may read "Norway" as modifying "conceded")
    if phrase.kinds != {"name"} or phrase.preposition:
        return False
    if not _SUBJECT_VERB.match(reference[phrase.end :]):
        return False
    if not said_before(reference, phrase, earlier_english):
        return False
    text = reference[phrase.start : phrase.end]
    mentions = list(country_mentions(text))
    if mentions:
        return all(renders_country(earlier_japanese, country_renderings(c.forms))
                   for c in mentions)
    readings = katakana_names(earlier_japanese)
    words = [bare_name(w) for w in re.findall(r"[A-Z][\w'’\-]*", text)]
    return bool(words) and any(sounds_like(w, r) for w in words for r in readings)


def country_left_implicit(reference: str, phrase: MissingPhrase, earlier_english: str,
                          earlier_japanese: str) -> bool:
    """Whether the phrase is a country the article named before, whose Japanese name stands
    earlier in the translation ("would have forced *Belgium* to burn more gas", the article
    being about Belgium): Japanese leaves the country of the story implicit, where English
    names it again. Only an argument of its verb (no preposition before it, no partner it
    is coordinated with): a place phrase ("in the north of England and Scotland") says
    where, which Japanese keeps."""
    text = reference[phrase.start : phrase.end]
    if phrase.kinds != {"name"} or phrase.preposition or phrase.partner is not None \
            or phrase.premodifier or text.endswith(("'s", "’s")):
        return False  # (nor a possessive: "Germany's main industry" keeps its country)
    mentions = list(country_mentions(text))
    return bool(mentions) and all(
        mentions_country(earlier_english, c.forms)
        and renders_country(earlier_japanese, country_renderings(c.forms))
        for c in mentions)


def full_name_rendered(reference: str, phrase: MissingPhrase, earlier: str,
                       readings: Sequence[str]) -> bool:
    """Whether another word of a full name the phrase's name stood in earlier is in the
    Japanese (``readings``): one person called by another part of the name."""
    if phrase.kinds != {"name"}:
        return False
    word = re.escape(bare_name(reference[phrase.start : phrase.end].split()[-1]))
    for m in re.finditer(rf"((?:[A-Z][\w\-]*\s+){{0,3}}){word}((?:\s+[A-Z][\w\-]*){{0,3}})",
                         earlier):
        others = (m.group(1) + " " + m.group(2)).split()
        if any(sounds_like(o, r) for o in others for r in readings):
            return True
    return False


def _nested(a: str, b: str) -> bool:
    """Whether one of two words opens the other (easter, eastercon), both of at least three
    letters."""
    return min(len(a), len(b)) >= 3 and (a.startswith(b) or b.startswith(a))


def name_said_more_often(lex: Lexicon) -> bool:
    """Whether the Japanese names something of the English (a proper noun or katakana
    word) more often than the English does, in one sentence (日本 twice for "Japan's
    Finance Minister ... whether Tokyo had discussed"): the
    translator put that name in place of another one (a capital for its country, a pronoun
    resolved to its name), so a name missing from the pair may stand there."""
    for k, w in enumerate(lex.words):
        if not w.capital or not lex.links[k]:
            continue
        # a name inside a longer one is the name said again (Easter, Eastercon: イースター
        # twice)
        said = sum(1 for x in lex.words if x.stem == w.stem or (
            x.capital and _nested(bare_name(w.text).lower(), bare_name(x.text).lower())))
        spans: list[tuple[int, int, int]] = []  # start, end, sentence
        names = [u for u in lex.links[k] if lex.units[u].pos2 == "固有名詞"
                 or japanese.is_katakana(lex.units[u].text)]
        for u in sorted(names, key=lambda u: (lex.units[u].start, -lex.units[u].end)):
            x = lex.units[u]
            if spans and x.start <= spans[-1][1]:  # one word in several tokens (土曜 日)
                spans[-1] = (spans[-1][0], max(x.end, spans[-1][1]), x.sentence)
            else:
                spans.append((x.start, x.end, x.sentence))
        # within one Japanese sentence: the substitution is local
        per_sentence = Counter(sent for _, _, sent in spans)
        if per_sentence and max(per_sentence.values()) > said:
            return True
    return False


def title_rendered(reference: str, phrase: MissingPhrase, japanese_text: str,
                   titles: Iterable[TitleMatch]) -> bool:
    """Whether the phrase is an office the title glossary knows, one of whose renderings
    the Japanese has: "Vice-Chancellor" → 学長, a capitalised title read as a name."""
    return any(m.start <= phrase.start and phrase.end <= m.end and any(
        len(r) >= 2 and r in japanese_text for r in m.entry.renderings) for m in titles)
