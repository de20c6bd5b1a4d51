"""Other senses of an English title's word in the Japanese: JMdict's other translations of
the word (話者 or スピーカー for "Speaker", 牧師 for "Minister"), loanwords of words spelt
nearly like it (カウンセラー "counsellor" for "Councillor"), and a hospital consultant given
as a business one (コンサルタント for "consultant urologist"). Used by
:mod:`mtqa.checks.titles` (TTL001)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..text import japanese, jmdict
from ..text.english import STOPWORDS, stem
from ..text.glossary import normalize_word, organisations
from ..text.lexicon import english_entry
from ..text.wordnet import domain_words, in_domain, is_a, kind_domain_words, synsets_of

#: The loanword of a business consultant.
CONSULTANT = "コンサルタント"
#: "consultant" before a word for a kind of doctor ("consultant urologist").
_MEDICAL_CONSULTANT = re.compile(r"\bconsultants?\s+([a-z]{4,})\b", re.IGNORECASE)


def medical_consultant(reference: str, seg: str) -> tuple[str, int] | None:
    """("consultant urologist", offset of コンサルタント in ``seg``) when English
    ``reference`` names a hospital consultant, "consultant" before a word WordNet files
    under medical_practitioner ("consultant urologist", "consultant oncologist": a senior
    specialist doctor, 専門医 or 顧問医), and ``seg`` gives コンサルタント, a business adviser;
    None otherwise."""
    m = _MEDICAL_CONSULTANT.search(reference)
    if m is None or not is_a(m.group(1), "medical_practitioner"):
        return None
    at = seg.find(CONSULTANT)
    return (m.group(0), at) if at >= 0 else None


def sense_words(english: str, seg: str) -> list[tuple[str, int]]:
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


def _spelling_key(word: str) -> str:
    """``word`` with doubled letters made single and -our spelt -or (counsellor and
    counselor, honour and honor are one word)."""
    return re.sub(r"(.)\1", r"\1", word.lower()).replace("our", "or")


def paronym_words(english: str, seg: str) -> list[tuple[str, int]]:
    """Katakana loanwords of ``seg`` whose JMdict gloss is an English word spelt nearly
    like the one-word title ``english``, but another word: カウンセラー "counsellor" for
    "Councillor" (two letters apart, once doubled letters and -our/-or are set aside, and
    sharing their first four letters)."""
    if " " in english or len(english) < 6:
        return []
    key = _spelling_key(english)
    out = []
    for t in japanese.tokenize(seg):
        if t.pos1 != "名詞" or len(t.surface) < 3 or not japanese.is_katakana(t.surface):
            continue
        for g in jmdict.glosses(japanese.normalize(t.surface), 2):
            if " " in g or g.lower()[:4] != english.lower()[:4]:
                continue
            other = _spelling_key(g)
            if other != key and _edit_distance(other, key) <= 2:
                out.append((t.surface, t.start))
                break
    return out


def _edit_distance(a: str, b: str) -> int:
    """Levenshtein distance of two short words."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def literal_word(key: Sequence[str], rendering: str, renderings: Sequence[str],
                 cores: Sequence[str], kind: str | None = None
                 ) -> tuple[str, str, str] | None:
    """(compound, English word, the part of the compound that renders it) when a compound
    of ``cores`` ends in the accepted ``rendering`` of a title and puts before it a literal
    gloss of a word of the title that the rendering leaves out: 領主 "feudal lord" in
    領主市長 for "lord mayor" (市長), 王冠 "crown" in 王冠検察官 for "Crown prosecutor"
    (検察官), for a title held in an organisation of ``kind``. Newsroom renderings drop such
    words ("lord", "Crown"), and a translation that says them word for word calques the
    title; where an accepted rendering says the word (警察報道官 for "police spokesman"),
    saying it is no calque."""
    if len(rendering) < 2:
        return None
    said = set(gloss_stems(rendering))
    # words another accepted rendering says before it (中央銀行 of 中央銀行総裁 for "central
    # bank governor") may be said
    for longer in renderings:
        if longer.endswith(rendering) and longer != rendering:
            said |= gloss_stems(longer[: len(longer) - len(rendering)])
    # (a word naming the kind of organisation the title is held in, "school" of "school
    # principal", may be said: 中等学校校長 names the principal's school)
    cues = organisations().cues
    dropped = {stem(w): w for w in key if stem(w) not in said and w not in STOPWORDS
               and (kind is None or cues.get((normalize_word(w),)) != kind)}
    if not dropped:
        return None
    for core in cores:
        if len(core) <= len(rendering) or not core.endswith(rendering):
            continue
        part = core[: len(core) - len(rendering)]
        if core in renderings or any(part in r for r in renderings):
            continue
        hit = next((w for s, w in dropped.items() if s in gloss_stems(part)), None)
        if hit is not None:
            return core, hit, part
    return None


def gloss_stems(surface: str) -> frozenset[str]:
    """Stems of the words of the JMdict glosses of ``surface``."""
    return frozenset(stem(w) for w in jmdict.gloss_words(surface))


#: A JMdict gloss restricted to things of one domain: "captain (of an aircraft)".
_RESTRICTED = re.compile(r"^[^(]+\((?:of|on|in|aboard)\s+(?:an?\s+|the\s+)?([a-z]+)\)$")


#: A JMdict first gloss that names whose the office is: "ship's captain" (船長).
_POSSESSOR = re.compile(r"^([a-z]+)'s\s+[a-z]+$")


def _restricted_domain(rendering: str) -> str:
    """The noun every JMdict gloss of ``rendering`` restricts its sense to (機長: "captain
    (of an aircraft)": aircraft), or that its first gloss names as the office's possessor
    (船長: "ship's captain": ship), or '' when it has neither."""
    glosses = jmdict.glosses(rendering)
    nouns = {m.group(1) if (m := _RESTRICTED.match(g)) else "" for g in glosses}
    if len(nouns) == 1 and "" not in nouns:
        return nouns.pop()
    return _possessor(rendering)


def _possessor(rendering: str) -> str:
    """The possessor JMdict's first gloss of ``rendering`` gives the office ("ship's
    captain": ship), or ''."""
    glosses = jmdict.glosses(rendering)
    first = _POSSESSOR.match(glosses[0]) if glosses else None
    return first.group(1) if first else ""


def domain_sense(present: Sequence[str], renderings: Sequence[str],
                 article: str) -> tuple[str, str] | None:
    """(rendering, domain) when the only rendering of an English title in the Japanese is
    one JMdict gives in a sense restricted to a kind of thing made (機長, "captain (of an
    aircraft)"; 艦長, of a warship; 船長, "ship's captain") that the English article names
    nothing of (no aircraft, plane, pilot or flight; no ship, ferry or boat: the captain of
    a team, 主将 or キャプテン), while the title has a rendering of no such restriction;
    None otherwise."""
    if len(present) != 1 or not any(r not in present and not _restricted_domain(r)
                                     for r in renderings):
        return None
    noun = _restricted_domain(present[0])
    # a thing made (an aircraft, a warship), which an article on its captain names; not a
    # country or a company, which an article names in many words
    first = next((x for x in synsets_of(noun) if x.pos == "n"), None) if noun else None
    if first is None or first.lexname != "noun.artifact":
        return None
    # (a possessor names one kind of thing among its like: a ship's captain commands a
    # ferry or a boat as well; its kind's words count by name, not by definition: a
    # "match" is defined by a lighter, a barge)
    domain = domain_words(noun)
    wide = kind_domain_words(noun) if _possessor(present[0]) == noun else frozenset()
    if not domain or any(in_domain(w, domain) or in_domain(w, wide, definitions=False)
                         for w in set(re.findall(r"[a-z]{3,}", article.lower()))):
        return None
    return present[0], noun


def word_for_word(rendering: str, key: Sequence[str]) -> bool:
    """Whether the Japanese title renders an English title of two words or more word for
    word: a JMdict gloss of it opens with them and says nothing of whose office it is
    (最高経営責任者 "chief executive officer" for a "chief executive", whatever body he heads;
    not 総書記 "general secretary (esp. of Communist parties ...)", nor 大統領 "president
    (of a nation)", which name the holder's kind)."""
    if len(key) < 2:
        return False
    words = " ".join(key)
    return any(g.lower().startswith(words) and "(" not in g
               for g in jmdict.glosses(rendering))
