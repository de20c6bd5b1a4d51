"""Duplicated words, phrases and clauses within a sentence (火曜日に…火曜日に,
集中治療、集中治療, 警報が作動したが、警報が作動したが).

Works on morphological tokens (fugashi/UniDic), not characters. A repeated run of
tokens is flagged at its second occurrence when

* it carries content: a noun, verb or adjective that is not a pronoun, a numeral, a
  grammaticalised word (にとって, ばよい, として) or a light verb;
* it is a whole phrase: it does not start or end inside a compound noun (ニューヨーク州と
  is not 州と), and it ends on a particle or punctuation, or both occurrences go on alike;
* the two occurrences are adjacent (only punctuation between: a stutter of machine
  translation) or, for a longer gap, the phrase has two content words, or one content
  word with its particle repeated within a few tokens; and the two are not the heads of
  parallel phrases (産業のための…、家庭のための…: each with its own modifier, or items of a
  coordination), which correct Japanese repeats where English says the word once;
* it is no emphatic reduplication (遠い遠い昔, そう、そう: an adjective, adverb or
  interjection said twice in a row), nor the distributive one of one and a counter
  (一つ一つ, 1リットル1リットル: "one by one", "every litre");
* and the aligned English does not say it twice itself (a katakana name UniDic cuts in
  two is compared whole: "Mira..? Mira!" called twice; so is a phrase UniDic cuts into
  function words: もしかしたら "maybe" for "Maybe, just maybe"), nor says one of its words
  again in a row while the phrase, said again in a row, renders no English word ("whoa,
  whoa, whoa" → ちょっと待って、ちょっと待って、ちょっと待って).

A repeated clause (with its verb or adjective) further on is major; a stutter or a noun
phrase said twice is minor (``REP001``).

``REP002``: a whole sentence said twice in a row, word for word (the oscillation of a
translation model that loops), where the English does not say its sentence twice itself. Of
the 4,094 translations of WMT24 ESA en-ja dev, one repeats a sentence of 8 characters or
more, and its English repeats it too ("Please confirm. Please confirm."); shorter sentences
(はい。はい。) are said twice in speech and are left alone. The loop also takes the form of
a sentence that says again the last clause of the one before (…くれたんだけど、生理以外で
…初めてだった。生理以外で…初めてだった。), or of one that adds a clause before the whole
sentence before it (Xてください。Y、Xてください。): the repeated clause is the finding. The
English is said to repeat itself when two of its sentences in a row are the same, one holds
the other, or they share a run of three words ("I can't leave him. He's gone, and I still
can't leave him."). On ESA dev that reads 4 clause loops, each where the English repeats
itself, and 2 where it does not, both on a span an annotator marked major. Major: the reader
sees a garbled text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from typing import ClassVar

from ..text import japanese, jmdict, wordlists
from ..text.english import stem
from ..segment import JA_FULL_STOPS, segment
from ..text.phonetic import names_match
from ..types import AlignedPair, Document, Finding, Sentence
from . import BaseCheck, Context

#: Longest repeated phrase considered, in tokens (a clause of this size is rare to repeat
#: legitimately within one sentence).
MAX_NGRAM = 8
#: How far apart (in tokens) the two occurrences may be: a sentence-internal stutter of MT.
MAX_GAP = 12
#: A single content word with its particle counts as repeated only this close (火曜日に
#: サウジアラビアで火曜日に); further apart, Japanese repeats nouns legitimately.
SHORT_GAP = 4
#: Shortest sentence (characters, its closing punctuation included) whose repetition in a
#: row is reported (REP002): shorter ones (はい。はい。 そうだね。そうだね。) are said twice
#: in speech.
MIN_SENTENCE_CHARS = 8
#: Parts of speech of a content word: a sentence said twice must carry one (REP002).
_CONTENT_POS = frozenset({"名詞", "動詞", "形容詞", "形状詞"})
#: Lemmas of verbs that, after a particle, form compound particles (にとって, について,
#: によって, として, に対して...): they carry no content of their own.
_FUNCTIONAL_VERBS = wordlists.particle_verbs()
#: Light words whose repetition is normal (する, ある, こと, もの).
_LIGHT = wordlists.light_verbs() | {"事", "物", "良い", "よい", "無い"}


#: A Japanese sentence end (。！？ and their variants).
_JA_SENTENCE_END = re.compile(f"[{JA_FULL_STOPS}]")


def _sentences_in(text: str, sent: Sentence) -> list[tuple[int, int, int]]:
    """(start, end, index of ``sent``) of the Japanese sentences inside document sentence
    ``sent``: itself in an article, which the segmenter cut already; the sentences of a
    pre-aligned segment (``mtqa score``, ``check_segments``: one line, one "sentence")."""
    first = _JA_SENTENCE_END.search(text, sent.start, sent.end)
    if first is None or _JA_SENTENCE_END.search(text, first.end(), sent.end) is None:
        return [(sent.start, sent.end, sent.index)]  # one sentence (an article's)
    piece = text[sent.start : sent.end]
    return [(sent.start + u.start, sent.start + u.end, sent.index)
            for u in segment(piece, "ja").sentences]


#: Words two English sentences in a row must share in a run for the English to say a thing
#: twice ("…can't leave him. He's gone, and I still can't leave him.").
SHARED_RUN = 3


@functools.lru_cache(maxsize=256)  # asked again for every Japanese sentence of a long pair
def _says_a_sentence_twice(english: str) -> bool:
    """True when two sentences in a row of ``english`` say the same thing again: they are
    the same (case, spacing and punctuation aside), one holds the other, or they share a run
    of :data:`SHARED_RUN` words."""
    doc = segment(english, "en")
    said = [re.findall(r"[a-z0-9']+", english[s.start : s.end].lower()) for s in doc.sentences]
    return any(_same_words(x, y) for x, y in zip(said, said[1:]))


def _same_words(x: Sequence[str], y: Sequence[str]) -> bool:
    """True when word lists ``x`` and ``y`` are equal, one holds the other as a run, or
    they share a run of :data:`SHARED_RUN` words."""
    if not x or not y:
        return False
    if x == y:
        return True
    short, long_ = sorted((x, y), key=len)
    n = min(len(short), SHARED_RUN)
    runs = {tuple(long_[k : k + n]) for k in range(len(long_) - n + 1)}
    return any(tuple(short[k : k + n]) in runs for k in range(len(short) - n + 1))


#: Shortest sentence (characters, spaces and brackets aside) whose repetition further on is
#: reported (REP003), and half of it must be kana or kanji: on WMT24 ESA dev the Japanese
#: sentences said twice in an article that are shorter are hashtag lines, @-replies and
#: dialogue tags (と彼らは尋ねた。) that the English repeats too.
MIN_REPEATED_CHARS = 20
#: Spaces and the brackets a repeated sentence may gain or lose (a quotation closed there).
_BRACKETS = re.compile(r"[\s「」『』（）()“”\"']")
#: Word overlap (Jaccard) from which two English sentences say the same thing.
SAME_SENTENCE = 0.8


def _words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"[a-z0-9]+", text.lower()))


def _english_says_again(reference: Document) -> bool:
    """Whether the English article says one of its sentences again: two of its sentences of
    four words or more have :data:`SAME_SENTENCE` of the same words (a subhead the body
    repeats, a paragraph given twice)."""
    english = (_words(reference.sentence_text(s.index)) for s in reference.content)
    long_ = [w for w in english if len(w) >= 4]
    return any(len(a & b) >= SAME_SENTENCE * len(a | b)
               for k, a in enumerate(long_) for b in long_[k + 1 :])


def _count_back(n: int) -> str:
    return "before it" if n == 1 else f"{n} sentences before it"


#: What REP002 says of a sentence by how it repeats the one before: the same (0), its last
#: clause (1), the whole of it after a clause of its own (-1).
_REPEATS = {
    0: "this sentence repeats the one before it word for word",
    1: "this sentence says again, word for word, the last clause of the sentence before it",
    -1: "this sentence says the one before it again, word for word, after a clause of its own",
}


#: What may come before a repeated clause inside a sentence: the sentence start or a clause
#: boundary (、, a comma, a space).
_CLAUSE_BREAK = ("、", "，", ",", " ", "\u3000")


def _said_again(before: str, after: str) -> int:
    """Length of the clause that sentence ``after`` says again from ``before`` (both
    stripped), at the end of each: ``after`` is ``before``, ``before``'s last clause, or
    ``before`` with a clause put in front of it; 0 when it is none of those."""
    short, long_ = sorted((before, after), key=len)
    if not long_.endswith(short):
        return 0
    rest = long_[: len(long_) - len(short)]
    return len(short) if not rest or rest.endswith(_CLAUSE_BREAK) else 0


#: An English word said again right away, with at most punctuation and "just" between
#: ("whoa, whoa", "Maybe, just maybe", "no, no"): the English stutters or insists itself.
_EN_WORD_AGAIN = re.compile(r"\b([A-Za-z]+)\b[\s,.!?;:…-]+(?:just\s+)?\1\b", re.I)


def _stutter_end(toks: Sequence[japanese.Token], surfaces: Sequence[str],
                 i: int) -> tuple[int, int]:
    """(end as a sentence offset, length in tokens) of the run of copies, with only
    punctuation between them, of the longest phrase starting at token ``i`` that is said
    at least twice in a row there; (-1, 0) when none is."""
    for n in range(min(MAX_NGRAM, (len(toks) - i) // 2), 0, -1):
        gram, k, end = surfaces[i : i + n], i + n, -1
        while True:
            j = k
            while j < len(toks) and toks[j].is_punct:
                j += 1
            if surfaces[j : j + n] != gram:
                break
            k, end = j + n, toks[j + n - 1].end
        if end >= 0:
            return end, n
    return -1, 0


def _echoes_english(tokens: Sequence[japanese.Token], reference: str) -> bool:
    """True when a phrase said again in a row may echo an English word said again in a row
    ("whoa, whoa" → ちょっと待って、ちょっと待って): the English does so, and the phrase
    renders no English word of the pair (a phrase that renders one, said once, was
    stuttered: 高官らは、高官らは for "officials")."""
    return _english_repeats_a_word(reference) and _ref_count(tokens, reference) == 0


def _english_repeats_a_word(reference: str) -> bool:
    """True when the English says one of its words twice in a row (:data:`_EN_WORD_AGAIN`),
    so that a Japanese word said twice in a row may render it."""
    return _EN_WORD_AGAIN.search(reference) is not None


def _ref_count(tokens: Sequence[japanese.Token], reference: str) -> int:
    """How many times the English reference mentions the content of ``tokens``.

    Each content token counts the English words among its renderings (JMdict glosses,
    the loanword's origin, its sound for a katakana name); the most frequent rendering
    gives the token's count (treatment and care both render 治療, and "cancer treatment,
    intensive care" still says it once), and the least of the tokens the English renders
    gives the phrase's (新学年度を前に: "schools… before the new school year" says
    "before" once). A derived form counts too ("Jordanian…
    Jordan's" says Jordan twice).
    """
    en_words = re.findall(r"[A-Za-z]+", reference)
    ref_stems = [stem(w) for w in en_words]
    ref_digits = re.findall(r"\d+", reference.replace(",", ""))
    # a compound split by UniDic (刑務 + 所) is looked up whole as well
    compound = "".join(t.surface for t in tokens if t.pos1 in {"名詞", "接頭辞", "接尾辞"})
    extra = {stem(w) for w in jmdict.gloss_words(compound)} if len(compound) > 1 else set()
    # ... and so is a phrase UniDic cuts into function words (もし + か + し + たら: もしかしたら
    # "maybe", for "Maybe, just maybe")
    phrase = "".join(t.surface for t in tokens if not t.is_punct)
    if len(phrase) > 1 and phrase != compound:
        extra |= {stem(w) for w in jmdict.gloss_words(phrase)}
    best = 0
    # a katakana name that UniDic cuts in two (an unknown name as ケイ + エル) is heard whole
    if len(compound) > 1 and japanese.is_katakana(compound):
        roman = japanese.romanize(compound)
        best = sum(1 for w in en_words if len(w) > 2 and names_match(w, roman))
    counts = []  # per content word, the most frequent of its renderings
    for tok in tokens:
        if not tok.is_content:
            continue
        surf = japanese.normalize(tok.surface)
        if surf.isdigit():
            counts.append(ref_digits.count(surf))
            continue
        count = 0
        if japanese.is_katakana(tok.surface) and len(tok.surface) > 1:
            roman = japanese.romanize(tok.surface)
            count = sum(1 for w in en_words if len(w) > 2 and names_match(w, roman))
        words = {stem(w) for w in jmdict.gloss_words(japanese.lemma_base(tok.lemma))} | extra
        words |= {stem(w) for w in jmdict.gloss_words(tok.surface)}
        origin = japanese.lemma_origin(tok.lemma)
        if origin:
            words |= {stem(w) for w in re.findall(r"[a-z]+", origin.lower())}
        for w in words:
            count = max(count, sum(1 for s in ref_stems if s == w or (
                min(len(s), len(w)) >= 4 and (s.startswith(w) or w.startswith(s)))))
        counts.append(count)
    # a phrase of several words is said twice only where each word the English renders
    # is ("before the new school year" once, though "schools" comes earlier too)
    rendered = [c for c in counts if c > 0]
    return max(best, min(rendered)) if rendered else best


def _functional(toks: Sequence[japanese.Token], i: int) -> bool:
    """True for a token that only does grammar here: the verb of a compound particle
    (に + とっ + て), a dependent word (ばよい, ている), a suffix."""
    tok = toks[i]
    if tok.pos2 == "非自立可能" or tok.pos1 in {"接尾辞", "助動詞", "助詞"}:
        return True
    if tok.pos1 == "動詞" and i > 0 and toks[i - 1].is_particle:
        return japanese.lemma_base(tok.lemma) in _FUNCTIONAL_VERBS
    return False


def _is_meaningful(toks: Sequence[japanese.Token], i: int) -> bool:
    """A content token whose repetition is worth noticing (not a pronoun, numeral,
    light or functional word, which recur legitimately)."""
    tok = toks[i]
    return (
        tok.is_content
        and not tok.is_punct
        and tok.pos1 != "代名詞"
        and tok.pos2 != "数詞"
        and japanese.lemma_base(tok.lemma) not in _LIGHT
        and not _functional(toks, i)
    )


def _joins(a: japanese.Token, b: japanese.Token) -> bool:
    """True when ``b`` continues a compound with ``a`` (ニューヨーク + 州, 集中 + 治療)."""
    if b.pos1 == "接尾辞" or a.pos1 == "接頭辞":
        return True
    if a.pos3 == "副詞可能" and b.pos3 not in {"副詞可能", "助数詞可能"} and b.pos2 != "固有名詞" \
            and len(b.surface) >= 2:
        return False  # an adverbial noun before its clause's noun: 毎晩|全身を確認し
    return a.pos1 == "名詞" and b.pos1 == "名詞" and a.pos2 != "数詞" and b.pos2 != "数詞"


def _starts_phrase(toks: Sequence[japanese.Token], i: int) -> bool:
    """True when a repeated phrase may start at token ``i``: a meaningful word or a number
    that does not continue a compound, nor counts a number written against it (年代 of
    1970年代: the phrase starts at the number, and a second 1970年代 for the English's
    second "1970s" is no stutter of 年代)."""
    if toks[i].pos1 == "接頭辞" and i + 1 < len(toks) and toks[i + 1].pos2 == "数詞":
        return i == 0 or not _joins(toks[i - 1], toks[i])  # 約450人: a count with its prefix
    if not _is_meaningful(toks, i) and toks[i].pos2 != "数詞":
        return False
    if i > 0 and toks[i - 1].pos2 == "数詞" and toks[i - 1].end == toks[i].start:
        return False
    if _after_decimal_point(toks, i):
        return False  # 99 of 9.99ポンド: the decimals of a number
    return i == 0 or not _joins(toks[i - 1], toks[i])


def _after_decimal_point(toks: Sequence[japanese.Token], i: int) -> bool:
    """Whether token ``i`` is the decimals of a number UniDic cut at its point (9|.|99)."""
    return (i >= 2 and toks[i].pos2 == "数詞" and toks[i - 1].surface in {".", "．"}
            and toks[i - 2].pos2 == "数詞" and toks[i - 2].end == toks[i - 1].start
            and toks[i - 1].end == toks[i].start)


def _ends_phrase(toks: Sequence[japanese.Token], end: int) -> bool:
    """True when the run ending before token ``end`` does not cut a compound."""
    return end >= len(toks) or not _joins(toks[end - 1], toks[end])


def _tail_stutter(toks: Sequence[japanese.Token], surfaces: Sequence[str], i: int,
                  reference: str) -> tuple[int, int] | None:
    """(length, start of the second occurrence) when the end of a compound and its
    particle are said again right after it (欧州全域の全域の: "across Europe"), else None.
    Only a stutter counts: the two occurrences adjacent, a noun of two characters or more
    with its case particle, and the English not saying the word twice itself."""
    if i == 0 or not _joins(toks[i - 1], toks[i]) or toks[i].pos1 != "名詞":
        return None
    n = 2
    if i + 2 * n > len(toks) or surfaces[i : i + n] != surfaces[i + n : i + 2 * n]:
        return None
    if not (toks[i + 1].pos2 == "格助詞" and len(toks[i].surface) >= 2
            and _is_meaningful(toks, i) and _ends_phrase(toks, i + 2 * n)):
        return None
    if _ref_count(toks[i : i + n], reference) >= 2:
        return None
    return n, i + n


#: Marks of a coordination between two phrases (A と B, A や B, A、B, A および B).
_COORDINATION = frozenset({"、", "，", ",", "と", "や", "か", "および", "及び", "または", "又は",
                           "ならびに", "並びに", "そして", "も"})


#: Parts of speech that Japanese doubles for emphasis (畳語): 遠い遠い昔 "a very, very long
#: time ago", とてもとても, はいはい, そう、そう (a spoken assent); a stutter of machine
#: translation doubles a noun or a phrase (火曜日に火曜日に, 集中治療、集中治療).
_REDUPLICATED = frozenset({"形容詞", "副詞", "感動詞"})
#: Parts of speech of a predicate: a repeated run with one of them is a clause.
_PREDICATES = frozenset({"動詞", "形容詞"})


def _reduplication(toks: Sequence[japanese.Token], i: int, j: int) -> bool:
    """True when token ``i`` is said again at ``j`` as emphatic reduplication: one
    adjective, adverb or interjection twice in a row, with at most a comma between
    (遠い遠い昔, そう、そうです)."""
    between = toks[i + 1 : j]
    return (toks[i].pos1 in _REDUPLICATED and toks[j].surface == toks[i].surface
            and len(between) <= 1 and all(t.pos2 == "読点" for t in between))


def _distributive(phrase: Sequence[japanese.Token]) -> bool:
    """Whether ``phrase``, said twice in a row, is the distributive reduplication of one
    and a counter: 一つ一つ, 一歩一歩, 1リットル1リットル ("every litre", "one by one")."""
    return (len(phrase) == 2 and phrase[0].pos2 == "数詞"
            and phrase[0].surface in {"1", "一", "１"} and phrase[1].pos1 in {"名詞", "接尾辞"})


#: Particles that bind a repeated phrase to its own word before it (ルワンダを安全な国と
#: しない…同国を安全な国とする; 産業のための…家庭のための).
_BINDING = frozenset({"の", "な", "を", "が", "は", "に", "で"})


#: Parts of speech of a noun phrase bound by a particle (4つの, 残り8つの, 環境犯罪の).
_PHRASE_POS = frozenset({"名詞", "接頭辞", "接尾辞"})


def _bound_phrase(toks: Sequence[japanese.Token], particle: int) -> tuple[str, ...]:
    """The words of the noun phrase the particle at ``particle`` binds (numbers, counters
    and nouns before it: 4つ of 4つの, not only つ), through a case particle that forms a
    compound particle with it (エルゴメーター上での…水上での: で + の)."""
    end = particle
    if (particle > 1 and toks[particle - 1].pos2 == "格助詞"
            and toks[particle - 2].pos1 in _PHRASE_POS):
        particle -= 1  # the noun phrase before で of での
    k = particle - 1
    while k > 0 and toks[k - 1].pos1 in _PHRASE_POS and toks[k].pos1 in _PHRASE_POS:
        k -= 1
    return tuple(t.surface for t in toks[k:end])


def _parallel(toks: Sequence[japanese.Token], i: int, j: int) -> bool:
    """True when the occurrences at tokens ``i`` and ``j`` are the heads of parallel
    phrases, which Japanese repeats where English says the word once (産業のための…、
    家庭のための… for "for industry, for homes"; 写真の本物と偽物、動画の本物と偽物 for
    "real and fake photographs as well as authentic and staged videos"; 4つの法案の期限を…
    8つの法案の期限まで; ルワンダを安全な国と…同国を安全な国と): each is bound by the same
    particle (の, な, を…) to a different word, or the two are items of a coordination (a
    、, と or や between them) with
    different words before each. A stutter (火曜日にサウジアラビアで火曜日に) has neither."""
    a, b = i - 1, j - 1
    if a < 1 or b <= i:
        return False
    before_a, before_b = toks[a], toks[b]
    if (before_a.surface == before_b.surface and before_a.surface in _BINDING
            and _bound_phrase(toks, a) != _bound_phrase(toks, b)):
        return True
    if (before_a.pos2 == "数詞" and before_b.pos2 == "数詞"
            and before_a.surface != before_b.surface):
        return True  # two counts of one noun (4法案…8法案)
    coordinated = any(t.surface in _COORDINATION for t in toks[i + 1 : j])
    return (coordinated and before_a.is_content and before_b.is_content
            and not before_a.is_punct and before_a.surface != before_b.surface)


#: Marks between the items of a list (音楽、哲学、語学; 音楽や哲学).
_LIST_MARKS = frozenset({"、", "，", ",", "や", "と"})


def _list_item_again(toks: Sequence[japanese.Token], i: int, n: int, j: int) -> bool:
    """Whether the noun at ``i``, an item of a list (音楽、), comes back at ``j`` as another
    item of the same list (the last one too: 音楽の), with only other bare items between
    (哲学、): a list that names one item twice. Items with words of their own before them
    are parallel heads (州政府、地方政府), not a list said twice."""
    if n > 2 or toks[i].pos1 != "名詞" or toks[i + 1].surface not in _LIST_MARKS:
        return False
    gap = toks[i + 1 : j]  # the mark after the first, the items between, a mark
    if len(gap) < 3 or len(gap) > 5 or gap[-1].surface not in _LIST_MARKS:
        return False
    if not all(t.pos1 == "名詞" or t.surface in _LIST_MARKS for t in gap):
        return False
    return i == 0 or toks[i - 1].surface in _LIST_MARKS or toks[i - 1].pos1 in {
        "助詞", "補助記号"}


def _noun_of_itself(toks: Sequence[japanese.Token], i: int, n: int, j: int) -> bool:
    """Whether a noun of two characters or more, or a compound of nouns, is said again
    right after の (農家の農家, 海草藻場の海草藻場): a word doubled around the particle, not a
    phrase that modifies another. A name (東京の…) or a number is left alone."""
    phrase = toks[i : i + n]
    return (n <= _COMPOUND_TOKENS and j == i + n + 1 and toks[i + n].surface == "の"
            and toks[i + n].is_particle and all(t.pos1 == "名詞" for t in phrase)
            and not any(t.pos2 == "数詞" for t in phrase)
            and any(t.pos2 != "固有名詞" for t in phrase)
            and sum(len(t.surface) for t in phrase) >= 2)


#: Tokens at most of a compound noun said again as its own modifier.
_COMPOUND_TOKENS = 3


def _is_count(phrase: Sequence[japanese.Token]) -> bool:
    """Whether the tokens are a number in digits with its counter (450人, 約450人, 3件;
    not ひとつ, which says "as one" too: ひとつになって)."""
    return (len(phrase) >= 2 and any(t.pos2 == "数詞" and any(ch.isdigit() for ch in t.surface)
                                     for t in phrase)
            and phrase[-1].pos2 != "数詞" and phrase[-1].pos1 in {"名詞", "接尾辞"})


def _count_again(toks: Sequence[japanese.Token], i: int, n: int, j: int) -> bool:
    """Whether a count (:func:`_is_count`) comes back in the same clause with no comma
    between (約450人の従業員を約450人増やす)."""
    return _is_count(toks[i : i + n]) and not any(
        t.surface in {"、", "，", ",", "。"} for t in toks[i + n : j])


def _comes_back(surfaces: Sequence[str], i: int) -> bool:
    """True when word ``i`` comes back where a phrase it begins could repeat: at most a
    longest phrase and a longest gap further on. A phrase repeats only where its first
    word does, and most words do not: they are passed over without looking at each
    phrase length (#17 work done once)."""
    return surfaces[i] in surfaces[i + 1 : i + MAX_NGRAM + MAX_GAP + 1]


class RepetitionCheck(BaseCheck):
    """Flag a word, phrase or clause the translation says twice where the English says it
    once."""

    name: ClassVar[str] = "repetition"
    version: ClassVar[int] = 24
    requires: ClassVar[frozenset[str]] = frozenset()

    def run(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]:
        if pair.chrome or not pair.mt_sentences:
            return
        text = ctx.translation.text
        for si in pair.mt_sentences:
            # (a pre-aligned segment holds several sentences: each is read on its own, as
            # in an article, and a sentence said twice is REP002's)
            for start, end, _ in _sentences_in(text, ctx.translation.sentences[si]):
                toks = japanese.tokenize(text[start:end])
                yield from self._sentence(toks, start, text, pair)

    def finish(self, ctx: Context) -> Iterator[Finding]:
        """``REP002``: a sentence that repeats the one before it word for word (the module
        docstring), once per repeat, across pairs and paragraphs too."""
        doc = ctx.translation
        pair_of = {si: p for p in ctx.pairs for si in p.mt_sentences}
        units = [u for s in doc.sentences if not s.chrome for u in _sentences_in(doc.text, s)]
        reported: set[int] = set()
        for (a0, a1, ai), (b0, b1, bi) in zip(units, units[1:]):
            before, after = doc.text[a0:a1].strip(), doc.text[b0:b1].strip()
            n = _said_again(before, after)
            said = after[len(after) - n :]
            if (n < MIN_SENTENCE_CHARS or doc.text[a1:b0].strip()
                    or not any(t.pos1 in _CONTENT_POS for t in japanese.tokenize(said))):
                continue
            pairs = [p for p in dict.fromkeys((pair_of.get(ai), pair_of.get(bi)))
                     if p is not None]
            if _says_a_sentence_twice("\n\n".join(p.reference for p in pairs)):
                continue  # the English repeats itself ("Please confirm. Please confirm.")
            end = doc.text.rindex(said, b0, b1) + n
            reported.add(bi)
            yield self._repeated_sentence(doc.text, end - n, end, pairs[-1] if pairs else None,
                                          _REPEATS[(len(before) > n) - (len(after) > n)])
        yield from self._said_elsewhere(units, reported, pair_of, ctx)

    def _said_elsewhere(self, units: Sequence[tuple[int, int, int]], reported: set[int],
                        pair_of: dict[int, AlignedPair], ctx: Context) -> Iterator[Finding]:
        """``REP003``: a sentence said again, word for word, further on in the article (a
        paragraph pasted twice, a sentence looped back to), or in a row inside quotation
        brackets, where REP002's comparison stops at the bracket; spaces and brackets
        aside, of :data:`MIN_REPEATED_CHARS` characters and more, where the English article
        says none of its sentences twice (a subhead said again in the body, a paragraph
        given twice: :func:`_english_says_again`). Reported at the second place."""
        doc = ctx.translation
        first: dict[str, int] = {}
        english_repeats: bool | None = None  # looked at for the first repeat only
        for k, (a, b, si) in enumerate(units):
            key = _BRACKETS.sub("", doc.text[a:b])
            if (len(key) < MIN_REPEATED_CHARS
                    or japanese.japanese_letters(key) < MIN_REPEATED_CHARS // 2):
                continue
            if key not in first:
                first[key] = k
                continue
            if si in reported or units[first[key]][2] == si:
                continue
            if english_repeats is None:
                english_repeats = _english_says_again(ctx.reference)
            if english_repeats:
                return  # the whole article's English: an unpaired sentence has none of its own
            pairs = [p for p in (pair_of.get(units[first[key]][2]), pair_of.get(si)) if p]
            n = k - first[key]
            yield self._repeated_sentence(
                doc.text, a + len(doc.text[a:b]) - len(doc.text[a:b].lstrip()), b,
                pairs[-1] if pairs else None,
                f"this sentence repeats, word for word, the one {_count_back(n)}",
                code="REP003")

    def _repeated_sentence(self, text: str, start: int, end: int,
                           pair: AlignedPair | None, said: str,
                           code: str = "REP002") -> Finding:
        return self.finding(
            text, start, end,
            category="repetition",
            severity="major",
            message=f"{said} (the English says it once)",
            pair=pair,
            code=code,
        )

    def _sentence(
        self, toks: Sequence[japanese.Token], base: int, text: str, pair: AlignedPair
    ) -> Iterator[Finding]:
        n_tok = len(toks)
        surfaces = [t.surface for t in toks]
        covered_until = -1
        english_stutters = _english_repeats_a_word(pair.reference)
        for i in range(n_tok):
            if toks[i].start < covered_until:
                continue
            if _starts_phrase(toks, i):
                hit = self._longest_repeat(toks, surfaces, i, pair.reference)
            else:
                hit = _tail_stutter(toks, surfaces, i, pair.reference)
                if hit is None:
                    continue
            if hit is None:
                # a phrase said again and again in a row that the English allows: no part
                # of the run is a repeat of its own (ちょっと待って、ちょっと待って: not 待って)
                if english_stutters:
                    end, n = _stutter_end(toks, surfaces, i)
                    if end >= 0 and _ref_count(toks[i : i + n], pair.reference) == 0:
                        covered_until = max(covered_until, end)
                continue
            n, j = hit
            if _in_lenticular(text, base + toks[i].start):
                continue  # 【ザグレブ11月6日】…6日、: a dateline's date said again in the text
                # (or ザグレブ、11月6日（ワイヤー）― …6日、)
            if surfaces[i + n - 1] == "も" and _coordinated(surfaces, i, j, n) \
                    and not all(t.is_punct for t in toks[i + n : j]):
                continue  # 文字通りの意味でも比喩的な意味でも: AもBも, a coordination
            end_tok = j + n
            while end_tok - 1 > j and toks[end_tok - 1].is_punct:
                end_tok -= 1
            # a lone word is shown with its particle (火曜日に)
            if n == 1 and end_tok < n_tok and toks[end_tok].is_particle:
                end_tok += 1
            start = base + toks[j].start
            end = base + toks[end_tok - 1].end
            phrase = text[start:end]
            adjacent = all(t.is_punct for t in toks[i + n : j])
            # a stutter leaves the meaning recoverable, and so does a noun phrase said
            # twice (過去5年間の…過去5年間の: none of the 17 ESA findings that were major
            # for it lay on a human span); a clause repeated further on, with its verb or
            # adjective, garbles the structure of the sentence
            clause = any(t.pos1 in _PREDICATES for t in toks[j : j + n])
            yield self.finding(
                text, start, end,
                category="repetition",
                severity="minor" if adjacent or n <= 2 or not clause else "major",
                message=f"'{phrase}' repeats the same words just before it "
                "(the English says it once)",
                pair=pair,
                code="REP001",
            )
            covered_until = toks[end_tok - 1].end

    @staticmethod
    def _longest_repeat(
        toks: Sequence[japanese.Token], surfaces: Sequence[str], i: int, reference: str
    ) -> tuple[int, int] | None:
        """(length, start of the second occurrence) of the longest phrase starting at
        token ``i`` that is repeated as a flaggable duplicate, or None."""
        n_tok = len(toks)
        if not _comes_back(surfaces, i):
            return None
        excused: set[int] = set()  # second occurrences of a longer phrase the English allows
        for n in range(min(MAX_NGRAM, (n_tok - i) // 2), 0, -1):
            if not _ends_phrase(toks, i + n):
                continue
            gram = surfaces[i : i + n]
            meaningful = [k for k in range(i, i + n) if _is_meaningful(toks, k)]
            if (not meaningful and not _is_count(toks[i : i + n])) or sum(
                    len(g) for g in gram) < 2:
                continue
            last = toks[i + n - 1]
            # characters of content: the meaningful words and the numbers they count
            # (2019年に repeated is a stutter even though 年 alone is one character)
            content_chars = sum(len(toks[k].surface) for k in meaningful) + sum(
                len(t.surface) for t in toks[i : i + n] if t.pos2 == "数詞")
            for j in range(i + n, min(n_tok - n + 1, i + n + MAX_GAP + 1)):
                if surfaces[j : j + n] != gram or j in excused:
                    continue  # (a longer phrase said again there was accepted)
                if j > 0 and not toks[j - 1].is_punct and _joins(toks[j - 1], toks[j]):
                    continue  # the second one is part of a longer compound
                if _after_decimal_point(toks, j):
                    continue  # 99ポンドから11.99ポンド: the decimals of another number
                gap = toks[i + n : j]
                if not _ends_phrase(toks, j + n) and not (
                        gap and all(t.is_punct for t in gap) and _is_count(toks[i : i + n])):
                    continue  # (a count set off by a comma and said again is a stutter
                    # whatever noun follows it: 30年間、30年間海上で)
                if gap and gap[-1].surface in {"(", "（"}:
                    continue  # the original spelling given again in brackets
                adjacent = all(t.is_punct for t in gap)
                if n == 1 and _reduplication(toks, i, j):
                    continue
                if j == i + n and _distributive(toks[i : i + n]):
                    continue
                if not adjacent and _noun_of_itself(toks, i, n, j) \
                        and _ref_count(toks[i : i + n], reference) < 2:
                    return n, j  # 下流の農家の農家や: a noun said again as its own modifier
                if not adjacent and _count_again(toks, i, n, j) \
                        and _ref_count(toks[i : i + n], reference) < 2:
                    return n, j  # 約450人の従業員を約450人増やす: one count said twice
                if not adjacent and _parallel(toks, i, j):
                    continue
                if not adjacent and _list_item_again(toks, i, n, j) and content_chars >= 2 \
                        and _ref_count(toks[i : i + n], reference) < 2:
                    return n, j  # 音楽、哲学、音楽、語学: one item of a list said twice
                if not adjacent:
                    # a phrase must be complete: it ends on a particle or punctuation,
                    # or both occurrences continue alike (合意した / 合意しなかった differ)
                    if not (last.is_particle or last.is_punct):
                        nxt_a = surfaces[i + n] if i + n < n_tok else ""
                        nxt_b = surfaces[j + n] if j + n < n_tok else ""
                        if nxt_a != nxt_b:
                            continue
                    if len(meaningful) < 2:
                        # one content word: only with its particle, and close by
                        if not last.is_particle or len(gap) > SHORT_GAP:
                            continue
                        if content_chars < 2:
                            continue
                elif len(meaningful) == 1 and content_chars < 2:
                    continue  # a doubled one-character word is too often a real word
                if _ref_count(toks[i : i + n], reference) >= 2:
                    excused.add(j)
                    continue
                # said again and again in a row (only punctuation and the phrase itself
                # between), as the English says a word again: "whoa, whoa, whoa" →
                # ちょっと待って、ちょっと待って、ちょっと待って
                stutter = all(t.is_punct or t.surface in gram for t in gap)
                if stutter and _echoes_english(toks[i : i + n], reference):
                    excused.add(j)
                    continue
                return n, j
        return None


#: A dateline opening a paragraph without brackets, up to its dash: ワルシャワ、6月3日
#: （ワイヤー）― (the place, the date, the agency's credit).
_OPEN_DATELINE = re.compile(r"[^\n。]{1,30}?\d{1,2}月\d{1,2}日[^\n。]{0,20}?[―—–]")


def _in_lenticular(text: str, at: int) -> bool:
    """Whether offset ``at`` lies inside 【…】, the brackets of a dateline or a label, or
    inside a dateline written without them at the start of its paragraph (…6月3日（ワイヤー）―)."""
    opened = text.rfind("【", 0, at + 1)
    if opened >= 0 and text.rfind("】", 0, at) < opened and "】" in text[at : at + 40]:
        return True
    start = text.rfind("\n", 0, at) + 1
    m = _OPEN_DATELINE.match(text, start)
    return m is not None and at < m.end()


def _coordinated(surfaces: Sequence[str], i: int, j: int, n: int) -> bool:
    """Whether the words ending on も at ``i`` and ``j`` (``n`` long) coordinate two things
    (AもBも): another word before each and another after each (文字通りの意味でも比喩的な
    意味でも長い), not a phrase said again with its modifier (良いファンドでも良いファンドでも)
    or with what follows it (世界でも最高水準で、世界でも最高水準に)."""
    before = i > 0 and surfaces[i - 1] != surfaces[j - 1]
    after = j + n < len(surfaces) and surfaces[i + n] != surfaces[j + n]
    return before and after
