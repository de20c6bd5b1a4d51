"""``NAM002`` and ``NAM004``: a stray word fused to a name.

``NAM002`` is a kanji suffix whose meaning is not in the English (ゼレンキー校 "Zelenky
school" for Zelenskyy; after other names such a suffix says what kind of thing is named,
モンド紙 for Le Monde, and is normal Japanese); ``NAM004`` a kana one (a stray ン or さ:
バイデンン, ジョンソンさ氏). A stray word after a name is a person's when the English marks a
person or when UniDic reads the name's last word as a personal name (人名).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Sequence

from ...text import japanese, jmdict
from ...text.english import CAPITALISED_WORD, STOPWORDS, stem
from ...text.lexicon import name_renderings
from ...text.phonetic import name_similarity, name_similarity_reaches
from ...types import AlignedPair, Finding
from .. import Context
from .base import NameCheckBase
from .english import EN_WORD, fold, is_attributive, is_person, window_reference, window_span
from .katakana import KanaPart, name_start
from .matching import MATCH_MIN, OWN_HINT_MIN
from .state import NameState

# Suffixes that follow names in Japanese news (honorifics, 師 a clergyman's among them:
# ギル師 for "Rev Thomas Gill"; groups, place types, titles):
# a suffix outside this list whose meaning is not in the English is a stray addition.
NAME_SUFFIXES = frozenset(
    "氏 さん 様 君 くん ちゃん 殿 師 家 ら 等 達 たち 夫妻 夫人 一家 側 派 陣営 政権 政府 軍 "
    "国 州 市 郡 町 村 区 県 省 領 島 湖 川 山 港 駅 人 族 語 系 産 製 社 組 式 流 型 風 党 "
    "首相 相 大統領 長官 知事 議員 選手 監督 容疑者 被告 元 前 通り 線 号 世 朝 王 公 卿 "
    # where something comes from or goes to (カーディフ発ミュージカル, 成田発, 羽田着); a
    # match against a side (ジャマイカ戦 for "against Jamaica", 日本戦)
    "発 着 戦".split()
)


#: One-kana suffixes that do follow names: ら (plural), め (scorn, in fiction).
_KANA_NAME_SUFFIXES = frozenset("ら め".split())
#: JMdict gloss words of a word for a school (大学, 学院, 高校).
_SCHOOL_GLOSSES = frozenset({"school", "university", "college"})


def _mr_stray(doubled: bool, unidic_place: bool, person: bool, attributive: bool,
              dict_place: bool) -> str | None:
    """What the honorific 氏 after a name says when it is stray (see
    :meth:`StrayWords._stray_after`), or None when it belongs there: doubled (…氏の氏), or
    after a place, by UniDic (地名) or by JMdict (``dict_place``: the dictionary's proper
    noun for the English word, where the English marks no person: シドニー, which UniDic
    reads as a personal name, for "the Sydney CBD"), or after a name the English uses as a
    modifier. An English preposition alone does not make a person's name a place ("the
    deal struck with Johnson")."""
    place = unidic_place or dict_place
    if not doubled and not attributive and (person and not dict_place or not place):
        return None
    return ("a second honorific 氏の before 氏" if doubled
            else "the honorific 氏 'Mr' after a place" if place
            else "the honorific 氏 'Mr' after a name the English gives as a modifier")


def _dictionary_place(surface: str, english: str) -> bool:
    """Whether JMdict's first sense of katakana ``surface`` is the proper noun ``english``
    itself (シドニー 'Sydney', ベルリン 'Berlin (Germany)'): JMdict lists places and
    countries, hardly any people (the caller makes sure the English marks no person)."""
    glosses = jmdict.glosses(surface)
    if not glosses or not glosses[0][:1].isupper():
        return False
    first = re.split(r"[\s,(]", glosses[0], maxsplit=1)[0]
    return fold(first) == fold(english.split()[0]) if english.split() else False


def _kanji_stray(suffix: japanese.Token, glued: japanese.Token | None, person: bool,
                 place: bool, institution: bool, ref_stems: set[str]) -> str | None:
    """What a one-kanji suffix after a name says when it is stray (see
    :meth:`StrayWords._stray_after`), or None when it belongs there.

    Stray: after a person, or after a place or before a suffix that names a school (JMdict
    glosses it "school": 校, 院, 塾) when the English names no institution, or right
    before a word for a school (スタンフォード校大学: named twice); the suffix
    ends the word (``glued``, the token glued after it, does not make a JMdict word with
    it: 館 of 館長 "director" is no suffix of the name, 校 of 校議長 is); and none of its
    JMdict meanings is in the English.
    """
    school = "school" in jmdict.gloss_words(suffix.surface)
    # a school's suffix before a word for a school (校大学): the institution is named twice
    doubled = school and glued is not None and bool(
        _SCHOOL_GLOSSES & jmdict.gloss_words(glued.surface))
    if not (person or doubled or ((place or school) and not institution)):
        return None
    if glued is not None and jmdict.glosses(suffix.surface + glued.surface):
        return None
    gloss = jmdict.gloss_words(suffix.surface)
    if not gloss or any(stem(g) in ref_stems for g in gloss):
        return None
    first = jmdict.first_gloss(suffix.surface) or sorted(gloss)[0]
    return f"the suffix {suffix.surface} '{first}'"


#: A word ending on a vowel written with a tilde, nasal in Portuguese (-ão, -ãe, -õe, -ã).
_NASAL_VOWEL_END = re.compile(r"[ãõÃÕ][eoEO]?s?$")
#: A word ending on a vowel and l, which Thai says as n and katakana writes ン (Rattanakul
#: ラッタナクン, Bhumibol プミポン) where no ル renders it.
_FINAL_L = re.compile(r"[aeiou]l$", re.I)


def _final_l_as_n(english: str, stem_: str) -> bool:
    """Whether the ン after ``stem_`` renders the final l of ``english`` said as n."""
    return bool(_FINAL_L.search(english)) and not stem_.endswith(("ル", "ルー"))


def _renders_without(stem_: str, surface: str, capitals: dict[str, str],
                     words: dict[str, str]) -> str | None:
    """The English word that katakana ``stem_`` renders while ``surface`` (the same with a
    stray ン) does not: a capitalised word (``capitals``, folded → as written) by sound, or
    any word of four letters or more (``words``) by a JMdict gloss (see
    :meth:`StrayWords._fused_nasal`); ``None`` when there is none."""
    for w in sorted(capitals):
        # only after a word that ends in a vowel (Julie, Gallery, India): after a consonant
        # the katakana's epenthetic vowel plus ン may be another name's ending (Breton for
        # British, Dirken for Dirk)
        # (or on an r that katakana writes as a long vowel: Cooper クーパー, where ーン
        # would render an -ern or -orn the English lacks)
        if not (w[-1:] in _VOWELS or w[-1:] == "r" and stem_.endswith("ー")) or (
                not name_similarity_reaches(w, stem_, MATCH_MIN)):
            continue
        if name_similarity(w, stem_) > name_similarity(w, surface):
            return capitals[w]
    # a proper noun's gloss is capitalised (Germany); a common noun's is not (gallery)
    glosses = {w.lower() for g in jmdict.glosses(stem_) or () if g[:1].isupper()
               for w in g.split() if len(w) >= 4}
    # the proper noun's gloss, not the English word, is capitalised: a name's adjective
    # may be written in lower case ("the scottish borders" for スコットランド)
    for w in sorted(words):
        if len(w) >= 4 and any(g[:4] == w[:4] for g in glosses):
            return words[w]
    return None


@functools.lru_cache(maxsize=4096)
def _proper_gloss_prefixes(word: str) -> frozenset[str]:
    """The first four letters (lower case) of the words of four letters or more of
    ``word``'s capitalised JMdict glosses, a proper noun's (ドイツ: "germ" of Germany;
    イギリス: "brit" of Britain); a name's English adjective shares them (German,
    British)."""
    return frozenset(w[:4].lower() for g in jmdict.glosses(word) or () if g[:1].isupper()
                     for w in g.split() if len(w) >= 4)


@functools.lru_cache(maxsize=4096)
def _gloss_acronyms(word: str) -> frozenset[str]:
    """Initials of the capitalised words of ``word``'s JMdict glosses, two words or more
    from the first, as stems (:func:`mtqa.text.english.stem` of the acronym): "United
    States of America" gives "us" and "usa", "United Kingdom" "uk". English news names
    countries and bodies by these acronyms (the US, the UK, the EU)."""
    out: set[str] = set()
    for g in jmdict.glosses(word):
        caps = [w for w in g.split() if w[:1].isupper()]
        initials = "".join(w[0] for w in caps)
        out.update(stem(initials[:n]) for n in range(2, len(initials) + 1))
    return frozenset(out)


#: A polite sentence ending (です/ます forms), for the register of the text around a
#: sentence-final さ.
_POLITE_END = re.compile(r"(?:です|ます|でした|ました|ません|でしょう|ましょう)[。！？]")


def _stray_sa(name: japanese.Token, sa: japanese.Token, nxt: japanese.Token | None,
              run: str, ref_stems: set[str], words: set[str], polite: bool) -> str | None:
    """Why the さ after the katakana token ``name`` (its run ``run``) is stray, or ``None``
    when it may be Japanese (see :meth:`StrayWords._fused_sa`)."""
    glued = nxt is not None and nxt.start == sa.end
    proper = name.pos2 == "固有名詞"
    if sa.pos1 == "接尾辞" and glued and nxt is not None:
        if proper and nxt.pos1 not in {"補助記号", "助詞", "助動詞"}:
            return f"before {nxt.surface}"
        if nxt.pos1 not in {"助詞", "助動詞"} or nxt.pos2 == "終助詞":
            return None
        if proper or "形状詞" not in name.pos3 and _renders_word(run, ref_stems, words):
            return f"before {nxt.surface}: the suffix さ makes nouns of adjectives only"
        return None
    if (sa.pos2 == "終助詞" and proper and polite and nxt is not None and glued
            and nxt.surface in {"。", "！", "？"}):
        return "at the end of a polite sentence: a casual particle of speech"
    return None


#: Punctuation that closes a title, a caption or a label (『…：…』, （写真提供 …）), where
#: no particle of speech stands.
_LABEL_CLOSE = frozenset("：:）)』】")


def _stray_final_sa(name: japanese.Token, sa: japanese.Token, nxt: japanese.Token | None,
                    after: japanese.Token | None, run: str, ref_stems: set[str],
                    words: set[str]) -> str | None:
    """Why the sentence-final particle さ (UniDic 終助詞) after the katakana ``name`` (its run
    ``run``: a proper noun, or one that renders a word of the English around it) is stray:
    it ends a sentence, so a particle glued after it (イギリスさとアイルランド: と joining
    two nouns, not the quoting と before a verb) or the colon or bracket that closes a
    title or caption (『シソさ：…』, （写真提供 シソさ）) leaves it nothing to end."""
    if sa.pos2 != "終助詞" or nxt is None or nxt.start != sa.end:
        return None
    if name.pos2 != "固有名詞" and not _renders_word(run, ref_stems, words):
        return None
    if nxt.surface in _LABEL_CLOSE:
        return f"before {nxt.surface}: a particle of speech in a title or a caption"
    if nxt.pos1 == "助詞" and nxt.pos2 in {"格助詞", "係助詞", "副助詞"} and (
            nxt.surface != "と" or after is not None and after.pos1 == "名詞"):
        return f"before the particle {nxt.surface}: a sentence-final particle ends no phrase"
    return None


def _renders_word(run: str, ref_stems: set[str], words: Iterable[str]) -> bool:
    """Whether katakana ``run`` renders a word of the English around it: a JMdict gloss
    word of it is one (アカオノスリ "red-tailed hawk"), or it sounds like one."""
    if any(stem(g) in ref_stems for g in jmdict.gloss_words(run)):
        return True
    return any(name_similarity_reaches(w, run, MATCH_MIN) for w in words)


def _quoted(text: str, lo: int, at: int) -> bool:
    """Whether offset ``at`` lies inside 「」 opened after ``lo`` (dialogue, where speech
    particles belong)."""
    return japanese.inside_quotation(text[lo:at])


#: Letters that end an English word on a vowel sound (for :func:`_renders_without`).
_VOWELS = frozenset("aeiouy")


def _ends_nasal(word: str) -> bool:
    """Whether the last consonants of the English word hold an n (Biden, Jordan, Vienna,
    Cologne): only then may its katakana end in ン. A final m is written ム, not ン
    (Adam アダム, Belgium ベルギー or ベルギウム, program プログラム): an m only counts
    before an n (autumn)."""
    core = word.lower().rstrip("aeiouyh's")
    tail = re.search(r"[^aeiouy]*$", core)
    return tail is not None and "n" in tail.group()


def _named_with_suffix(english: str, compound: str, suffix: str) -> bool:
    """Whether the name and its one-kanji suffix are the dictionary's name of a place the
    English calls by the name alone: バルト海 is "Baltic Sea" (JMdict) for "the Baltic",
    the suffix 海 glossed "sea"."""
    words = [w for g in jmdict.glosses(suffix)[:3] for w in re.findall(r"[a-z]+", g.lower())
             if w not in STOPWORDS]
    name = english[:1].upper() + english[1:]  # (the key may be lower case: "baltic")
    return any(compound in name_renderings(f"{name} {w.title()}") for w in words)


def _final_m(word: str) -> bool:
    """Whether the English word's last consonants hold an m and no n (Belgium, Adam,
    Program): katakana ends it on ム, never on ン."""
    core = word.lower().rstrip("aeiouyh's")
    tail = re.search(r"[^aeiouy]*$", core)
    return tail is not None and "m" in tail.group() and "n" not in tail.group()


#: Two capitalised words in a row: a name Japanese may write as one word.
_TWO_CAPITALS = re.compile(rf"\b({CAPITALISED_WORD})[ -](?=({CAPITALISED_WORD})\b)")


class StrayWords(NameCheckBase):
    """``NAM002``/``NAM004``: stray words fused to a name (see the module)."""

    def _fused_nasal(self, parts: Sequence[KanaPart], pair: AlignedPair, text: str,
                     capitals: dict[str, str], words: dict[str, str],
                     st: NameState) -> Iterator[Finding]:
        """``NAM004``: a stray ン fused to a katakana word that renders a capitalised word of
        the English around it (``capitals``) only without the ン, where the phonetic
        matcher took no name (the run with ン sounds too unlike the name: ギャラリーン for
        "Gallery", or the word renders the name by meaning: ドイツン for "Germany"). The
        run without its last ン must render the English word: by sound (at least
        ``MATCH_MIN``, and better than the run with it, the English word ending in a vowel:
        Dean is ディーン, Breton ブルトン), or by a capitalised JMdict gloss (a proper
        noun's) sharing the first four letters of an English word of the window, whatever
        its case (``words``: Germany, German; Scotland, "the scottish borders"). The run
        with ン must be no JMdict word (アフリカン "African") and no better rendering of an
        English word of the window. A
        run ending in ンン (ジョンソンン) has a stray ン whatever the English says."""
        joined = [fold(a + b) for a, b in _TWO_CAPITALS.findall(pair.reference)]
        for part in parts:
            surface = part.surface
            if (part.reading or part.end != part.run_end or len(surface) < 3
                    or not surface.endswith("ン") or surface[-2] == "ッ"
                    or (part.run_start, part.run_end) in st.garbled):
                continue
            stem_ = surface[:-1]
            if jmdict.glosses(surface) or any(
                    name_similarity_reaches(w, surface, MATCH_MIN)
                    and name_similarity(w, surface) >= name_similarity(w, stem_)
                    for w in (*capitals, *joined)):
                continue  # a word, or the better rendering of an English word (or of a
                # name of two words written as one: バオリン for the panda "Bao Lin")
            if any((_NASAL_VOWEL_END.search(orig) or _final_l_as_n(orig, stem_))
                   and name_similarity_reaches(w, stem_, MATCH_MIN)
                   for w, orig in capitals.items()):
                continue  # a nasal vowel, which katakana writes with ン (Olhão オリャン)
            # ンン ends no name and no word: the second ン is stray whatever the English
            key = _renders_without(stem_, surface, capitals, words)
            english = (key if key is not None
                       else stem_ if surface.endswith("ンン") and len(surface) >= 4 else None)
            if english is None:
                continue
            st.garbled.add((part.run_start, part.run_end))
            yield self._finding(
                "NAM004", "minor", part.run_start, part.run_end, text,
                f"'{english}' rendered as {surface}: a stray ン is fused to {stem_}",
                pair.reference, pair.index, english=english, suffix="ン",
            )

    def _fused_sa(self, tokens: Sequence[japanese.Token], pair: AlignedPair, text: str,
                  st: NameState, ctx: Context) -> Iterator[Finding]:
        """``NAM004``: the kana さ fused to a katakana word (ジョンソンさ氏, ケベックさ州,
        アカオノスリさだ, ベネチアさ。) where it can be no Japanese word:

        * the nominalising suffix さ (UniDic 接尾辞), which makes nouns of adjectives
          (シンプルさ, リアルさ: UniDic 形状詞, 形容詞 or a noun 形状詞可能), never of
          names or of other nouns: after a proper noun (UniDic 固有名詞) followed by any
          word glued to it, or after another noun that renders a word of the English
          around it (by a JMdict gloss or by sound) followed by a particle or an
          auxiliary (ペンギンさだ); a sentence-final particle of speech (さね, さ、) is
          another reading and is left alone;
        * the sentence-final particle さ (UniDic 終助詞) right after a proper noun at the
          end of a sentence (ベネチアさ。) outside quotes, in a text that is polite
          (です/ます) around it: a casual particle of speech in polite prose is no
          rendering of anything.

        さん is another token."""
        window = EN_WORD.findall(window_reference(pair, ctx))
        words = {fold(w) for w in window if len(w) > 2 and w.lower() not in STOPWORDS}
        ref_stems = {stem(w) for w in words}
        lo, hi = window_span(pair, ctx, "mt")
        polite = _POLITE_END.search(text, lo, hi) is not None
        for i, (name, sa) in enumerate(zip(tokens, tokens[1:])):
            nxt = tokens[i + 2] if i + 2 < len(tokens) else None
            if not (sa.surface == "さ" and name.end == sa.start and name.pos1 == "名詞"
                    and japanese.is_katakana(name.surface)):
                continue
            start = name_start(text, pair.mt_start, pair.mt_start + name.start)
            end = pair.mt_start + sa.end
            after = tokens[i + 3] if i + 3 < len(tokens) else None
            why = _stray_sa(name, sa, nxt, text[start:end - 1], ref_stems, words, polite)
            if why is not None and sa.pos2 == "終助詞" and _quoted(text, pair.mt_start, start):
                why = None  # a particle of speech ending a quoted sentence
            # ... but none stands before a particle or a caption's bracket, quoted or not
            why = why or _stray_final_sa(name, sa, nxt, after, text[start:end - 1],
                                         ref_stems, words)
            if why is None:
                continue
            if any(a < end and start < b for a, b in st.garbled):
                continue
            st.garbled.add((start, end))
            yield self._finding(
                "NAM004", "minor", start, end, text,
                f"{text[start:end]}: a stray さ is fused to {text[start:end - 1]} {why}",
                pair.reference, pair.index, suffix="さ",
            )

    def _stray_suffix(
        self, part: KanaPart, key: str, tokens: Sequence[japanese.Token], pair: AlignedPair,
        text: str, ref_stems: set[str], st: NameState,
    ) -> Finding | None:
        """NAM002/NAM004: a stray word fused to the name that ``part`` renders (the English
        name ``key``). See :meth:`_stray_after` for the word after the name; here, a ン
        glued inside the katakana run (バイデンン for Biden): the run without it sounds at
        least as much like the English word, which ends in no nasal (or the run ends in
        ンン, which no name does)."""
        surface = part.surface
        english = st.full.get(key, st.candidates[key])
        if " " not in english and _glossed_as(surface, english):
            return None  # ストライキ for "Striking" after a dateline: a word, not a name
        if (len(surface) >= 3 and surface.endswith("ン") and surface[-2] != "ッ"
                and (surface.endswith("ンン") or not _ends_nasal(key))
                and not _NASAL_VOWEL_END.search(english)  # Varejão, ヴァレジャン
                and not _final_l_as_n(english, surface[:-1])):  # Rattanakul, ラッタナクン
            # the phonetic keys take ン for any nasal: after a final m (Belgium), which
            # katakana writes ム, the ン can render nothing even where it sounds closer
            shorter = name_similarity(key, surface[:-1])
            if shorter >= MATCH_MIN and (shorter >= name_similarity(key, surface)
                                         or _final_m(key)):
                st.garbled.add((part.run_start, part.run_end))
                return self._finding(
                    "NAM004", "minor", part.start, part.end, text,
                    f"name '{english}' rendered as {surface}: a stray ン is fused to "
                    f"{surface[:-1]}", pair.reference, pair.index, english=english,
                    suffix="ン",
                )
        # a person by the English (titled, Mr, the subject of "said"...) or by UniDic, whose
        # last word of the run is a personal name (トンプソン 人名-姓): English that names
        # the person bare ("Johnson has said") marks nothing
        rel_end = part.run_end - pair.mt_start
        en_person = key in st.people or self._person(key, st)
        person = en_person or any(t.end == rel_end and t.pos3 == "人名" for t in tokens)
        attributive = not en_person and is_attributive(english, st.reference)
        dict_place = not en_person and _dictionary_place(part.surface, english)
        return self._stray_after(part.start, part.run_end, english, person, None, tokens,
                                 pair, text, ref_stems, st, attributive, dict_place)

    def _person(self, key: str, st: NameState) -> bool:
        """Whether the English marks the name of candidate ``key`` as a person's."""
        if key not in st.person_cache:
            st.person_cache[key] = any(
                key in keys and is_person(n, st.reference, st)
                for n, keys in zip(st.names, st.name_keys)
            )
        return st.person_cache[key]

    def _stray_after(
        self, start: int, end: int, english: str, person: bool, place: bool | None,
        tokens: Sequence[japanese.Token], pair: AlignedPair, text: str, ref_stems: set[str],
        st: NameState, attributive: bool = False, dict_place: bool = False,
    ) -> Finding | None:
        """The one-character word right after a name (``start``..``end`` of the article) when
        it is fused to the name and renders nothing (issue #19 item 6). UniDic decides that
        it glues to the name: a 接尾辞 token, or a lone ン particle. Flagged:

        * a kana suffix that follows no name in Japanese (バイデンさ政権; ら, め do);
        * a lone ン after the name (ドイツンでは);
        * a one-kanji suffix outside :data:`NAME_SUFFIXES` whose JMdict meaning the English
          lacks (ゼレンキー校), after a person, or after a place when the English names
          no institution (マイアミ校 for Miami; バークレー校 for "University of California,
          Berkeley" is right): after other names such a suffix says what kind of thing is
          named (モンド紙 for Le Monde) and is normal Japanese; a suffix that names a school
          (校, 院, 塾: JMdict glosses it "school") says so after any name, and is stray
          when the English around it names no institution either (ローレンス校 for a
          Lawrence who "said" nothing to mark him a person);
        * 氏 "Mr" after a place (ヨーロッパ氏の), or after a name that the English
          uses only attributively (``attributive``: "a Stanford study", "the Boeing 737"),
          which makes it a maker, a brand or an institution, not a person.

        ``place`` None: decided here, by UniDic (one 地名 token) or by a locative
        preposition before the name in the English.
        """
        rel_start, rel_end = start - pair.mt_start, end - pair.mt_start
        idx = next((i for i, t in enumerate(tokens) if t.start == rel_end), None)
        if idx is None:
            return None
        nxt = tokens[idx]
        if len(nxt.surface) != 1 or nxt.surface in NAME_SUFFIXES - {"氏"}:
            return None
        if place is None:
            place = not person and (
                # one UniDic place-name token for the whole word (ソ of ソワール is none)
                any(t.pos3 == "地名" and t.start == rel_start and t.end == rel_end
                    for t in tokens)
                or english in st.located
            )
        after = tokens[idx + 1] if idx + 1 < len(tokens) else None
        glued_after = after is not None and after.start == nxt.end
        kanji = japanese.has_kanji(nxt.surface)
        meaning = ""
        if nxt.surface == "ン" and nxt.pos1 == "助詞":
            meaning = "a stray ン"
        elif nxt.pos1 != "接尾辞":
            return None
        elif not kanji:
            if nxt.surface in _KANA_NAME_SUFFIXES or not glued_after:
                return None  # ドイツさ。: a sentence-final particle of speech
            meaning = f"the suffix {nxt.surface}"
        elif nxt.surface == "氏":
            found = _mr_stray(text.startswith("の氏", pair.mt_start + nxt.end), any(
                t.pos3 == "地名" and t.start == rel_start and t.end == rel_end for t in tokens
            ), person, attributive, dict_place)
            if found is None:
                return None
            meaning = found
        else:
            found = _kanji_stray(nxt, after if glued_after else None, person, bool(place),
                                 st.institution, ref_stems)
            if found is None:
                return None
            meaning = found
        stop = end + len(nxt.surface)
        if kanji and _named_with_suffix(english, text[start:stop], nxt.surface):
            return None  # バルト海 for "the Baltic": the dictionary's name of the sea
        code = "NAM002" if kanji else "NAM004"
        return self._finding(
            code, "minor", start, stop, text,
            f"name '{english}' rendered as {text[start:stop]}: {meaning} is fused to it and "
            f"is not in the English", pair.reference, pair.index, english=english,
            suffix=nxt.surface,
        )

    def _glossed_names(
        self, tokens: Sequence[japanese.Token], pair: AlignedPair, text: str,
        ref_stems: set[str], cap_stems: set[str], words: set[str],
        taken: set[tuple[int, int]], st: NameState,
    ) -> Iterator[Finding]:
        """Strays after katakana proper nouns that render an English name by meaning, not
        by sound (ドイツ for Germany, ヨーロッパ for Europe: the JMdict gloss is a
        capitalised word of the aligned English, ``cap_stems``; アメリカ for US, イギリス
        for UK: the English is the initials of a gloss, :func:`_gloss_acronyms`; ドイツ for
        German, イギリス for British, スコットランド for "the scottish borders": the
        English is the name's adjective, which shares the first four letters of the
        capitalised gloss, whatever its case, ``words``), which the phonetic matcher does
        not take; ``taken`` holds the spans it did take."""
        for tok in tokens:
            if tok.pos2 != "固有名詞" or not japanese.is_katakana(tok.surface):
                continue
            start, end = pair.mt_start + tok.start, pair.mt_start + tok.end
            if any(a < end and start < b for a, b in taken):
                continue
            gloss = [g for g in jmdict.gloss_words(tok.surface) if stem(g) in cap_stems]
            gloss += sorted(_gloss_acronyms(tok.surface) & cap_stems)
            gloss += sorted(w for w in words if w[:4] in _proper_gloss_prefixes(tok.surface))
            if not gloss:
                continue
            finding = self._stray_after(start, end, gloss[0], tok.pos3 == "人名",
                                        tok.pos3 == "地名", tokens, pair, text, ref_stems, st)
            if finding is not None:
                yield finding

    def _honorific_on_word(
        self, tokens: Sequence[japanese.Token], pair: AlignedPair, text: str,
        english: str, ref_stems: set[str], taken: set[tuple[int, int]], st: NameState,
    ) -> Iterator[Finding]:
        """The honorific 氏, or another one-kanji suffix, after a katakana word that renders,
        by sound, a word the English writes in lower case and uses as a modifier after a
        determiner ("the tyvek suit" → タイベック氏の防護服, タイベック校防護服): a brand or
        a material, not a person nor an institution (a capitalised word of the English
        that sounds like it, a name, keeps it; so does a name of the article's other
        sentences: ビルタネン氏 for "He", where "The board" follows). Which suffixes are
        stray after such a word
        :meth:`_stray_after` decides (製 "made of" is not)."""
        suffixed = [(tok, hon) for tok, hon in zip(tokens, tokens[1:])
                    if len(hon.surface) == 1 and hon.pos1 == "接尾辞" and tok.end == hon.start
                    and japanese.has_kanji(hon.surface) and japanese.is_katakana(tok.surface)]
        if not suffixed:
            return  # (the English is read only when a katakana word has a suffix: #17)
        window = EN_WORD.findall(english)
        lower = {w for w in window if w.islower() and len(w) > 2 and w not in STOPWORDS}
        capitals = [w for w in window if w[:1].isupper() and len(w) > 1]
        for tok, hon in suffixed:
            start = name_start(text, pair.mt_start, pair.mt_start + tok.start, joiners="")
            end = pair.mt_start + tok.end
            run = text[start:end]
            if any(a < end and start < b for a, b in taken | st.garbled) or any(
                    name_similarity_reaches(w, run, OWN_HINT_MIN) for w in capitals):
                continue
            if any(name_similarity_reaches(k, run, OWN_HINT_MIN) for k in st.candidates):
                continue  # a name of another sentence (ビルタネン氏 for "He": Virtanen)
            word = next((w for w in sorted(lower) if name_similarity_reaches(w, run, MATCH_MIN)
                         and is_attributive(w, english)), None)
            if word is None:
                continue
            finding = self._stray_after(start, end, word, False, False, tokens, pair, text,
                                        ref_stems, st, attributive=True)
            if finding is not None:
                st.garbled.add((start, end))
                yield finding


def _glossed_as(katakana: str, word: str) -> bool:
    """Whether JMdict glosses the katakana word as the English ``word`` (its stem): a
    loanword rendering an ordinary word that a capital made look like a name (ストライキ
    "strike" for "Striking" opening a sentence)."""
    key = stem(word.lower())
    # (a common word's gloss, in lower case: not マイアミ "Miami", a place's)
    return len(key) >= 4 and any(
        stem(w) == key for g in jmdict.glosses(katakana) if g[:1].islower()
        for w in re.findall(r"[a-z]+", g))
