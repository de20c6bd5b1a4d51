"""Phonetic keys for comparing Latin-script names with their katakana renderings.

Japanese renders foreign names by sound, with systematic changes that a plain string
comparison mistakes for errors: l and r merge (ラヴロフ for Lavrov), v becomes b or ヴ,
every consonant gets an epenthetic vowel (スミス "sumisu" for Smith), long vowels are
marked or dropped (ズガンバーティ / スガンバティ), doubled consonants become ッ or vanish,
English th becomes s or t, and source-language spellings are read by their own rules
(Hungarian cs/sz/zs, Dutch ij, Polish cz and rz).

A *key* keeps the consonant skeleton of a name with consonants folded into classes:

====  =====================================================
B     b, p, v, f, ph (labials; Japanese merges v/b and f/h-f)
T     t, d, th (dentals; English th is also close to S)
S     s, z, sh, ch, j, ts, tz, cz, cs, sz, zs, dj, soft c/g
K     k, g, c, q, ck, x (as K then S)
R     l, r (Japanese has one liquid)
N     m, n, ng (the moraic ン stands for both)
W     w (a glide in English, ワルツ for Waltz; v in Polish and German, コヴァルチク for
      Kowalczyk): close to B, cheap to lose
====  =====================================================

Vowels, y and h are dropped: they are exactly what katakana adds, lengthens or
changes. Keys are compared with a weighted edit distance in which near classes (T/S,
K/S) cost half, and a missing R (non-rhotic English: パーカー for Parker) less.

This is the one phonetic key of mtqa (#17): the names and titles checks, the lexicon of
the content checks, the aligner's name anchors and the token risk features all read names
through it (before #17 each had its own key, and "Charles" was krs, trs or SRS depending
on the check). :func:`latin_key` reads a Latin spelling, :func:`kana_key` a kana
rendering and :func:`romaji_key` a romanised one; :func:`key_similarity` and
:func:`name_similarity` grade two names, and :func:`names_match` is the yes/no test of
the lexicon and the aligner.
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata

from .cache import text_cache
from .japanese import romanize

#: Classes that Japanese renderings confuse for each other more often than not; their
#: substitution costs half an edit.
NEAR_PAIRS = frozenset({frozenset("TS"), frozenset("KS"), frozenset("WB")})
#: Classes whose deletion costs half: post-vocalic r is silent in British/US English and
#: often left out in katakana (ウォーカー for Walker).
CHEAP_DELETE = frozenset("RW")
#: Cost of deleting one of them: English names lose several r's at once in katakana
#: (Carter → カーター, Parker → パーカー), so a third of an edit each.
R_DELETE_COST = 0.3
#: Cost of a key's last consonant missing from the other key (silent final letters).
FINAL_DELETE_COST = 0.5

# Ordered rewrite rules for Latin spellings (longest first within a position).
_LATIN_RULES: tuple[tuple[str, str], ...] = (
    # Dutch ij is a vowel (Heijden ヘイデン), not the consonant j; l is silent in
    # English -alk/-olk (Walker ウォーカー, Falkland フォークランド, Folkestone)
    ("alk", "aK"), ("olk", "oK"), ("tsch", "S"), ("sch", "S"), ("tch", "S"), ("tzs", "S"),
    # gh is silent in English -ight (Dwight ドワイト, Wright ライト, Brighton ブライトン),
    # -augh and -eigh (Vaughan ヴォーン, McNaughton マクノートン, Leigh リー, Creighton
    # クレイトン); not in -ough, which is as often f (Gough ゴフ, Loughborough ラフバラ)
    ("ight", "iT"), ("augh", "a"), ("eigh", "ei"),
    # t is silent in -stle (Castle キャッスル, Newcastle ニューカッスル, Whistler ウィスラー)
    ("stle", "SRe"), ("stler", "SRer"),
    ("ij", "i"),
    ("sh", "S"), ("ch", "S"), ("zh", "S"), ("cz", "S"), ("cs", "S"), ("sz", "S"),
    ("zs", "S"), ("ts", "S"), ("tz", "S"), ("dz", "S"), ("ds", "S"), ("dj", "S"), ("ph", "B"),
    ("th", "T"), ("ck", "K"), ("qu", "K"), ("ng", "N"), ("gh", "K"), ("x", "KS"),
    ("ce", "Se"), ("ci", "Si"), ("cy", "Sy"), ("ge", "Ke"), ("gi", "Ki"),
)
_LATIN_SINGLE = {
    **dict.fromkeys("bpvf", "B"), **dict.fromkeys("td", "T"), **dict.fromkeys("sz", "S"),
    "j": "S", "w": "W", **dict.fromkeys("kcgq", "K"), **dict.fromkeys("lr", "R"),
    **dict.fromkeys("mn", "N"),
}
# Letters that are not in NFKD-decomposable form.
_SPECIAL = str.maketrans({"ß": "ss", "ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "ł": "l",
                          "Ł": "l", "đ": "d", "Đ": "d", "ı": "i", "œ": "oe", "Œ": "oe"})
# Voicing and labials that katakana spellings of one name swap (ズ/ス, ヴ/フ/ブ).
_LOOSE_CONSONANTS = str.maketrans("vfpzdg", "bbbstk")
# Romanised kana (Hepburn from mtqa.text.japanese.romanize) → classes.
_KANA_RULES: tuple[tuple[str, str], ...] = (
    # Hepburn doubles ッチ as "cch" (フレッチャー furecchaa): one S, not K then S
    ("cch", "S"),
    ("tsu", "S"), ("ts", "S"), ("sh", "S"), ("ch", "S"), ("j", "S"), ("fu", "B"),
    ("w", "W"),
)


def _fold(text: str) -> str:
    """Lower-case ASCII letters of ``text`` (diacritics removed: Horváth → horvath)."""
    text = text.translate(_SPECIAL)
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text.lower() if "a" <= c <= "z")


def _classes(s: str, rules: tuple[tuple[str, str], ...], keep_h: bool = False) -> str:
    out: list[str] = []
    i = 0
    while i < len(s):
        for src, dst in rules:
            if s.startswith(src, i):
                out.append(dst)
                i += len(src)
                break
        else:
            c = s[i]
            if keep_h and c == "h":
                out.append("H")
            else:
                out.append(_LATIN_SINGLE.get(c, c if c.isupper() else ""))
            i += 1
    # Keep only class letters, and collapse doubles (Papadopoulou's "pp" is one sound;
    # ッ and ン doubling are not distinctive either).
    skel = [c for c in "".join(out) if c.isupper()]
    collapsed = [c for i, c in enumerate(skel) if i == 0 or c != skel[i - 1]]
    return "".join(collapsed)


#: English ew before a consonant or at the end says "yoo", with no w (Andrew アンドリュー,
#: Bayview ベイビュー, Newton ニュートン); before a vowel the w is heard (Stewart スチュワート).
_EW = re.compile(r"ew(?![aeiouy])")


#: English th at the end of a word is heard as s in katakana (Smith スミス, Keith キース,
#: Perth パース, Plymouth プリマス); elsewhere as t or s (Thomas トーマス, Arthur アーサー).
_FINAL_TH = re.compile(r"th(?![^\W\d_])")
#: ng before a vowel is n and g in katakana (Singapore シンガポール, Hungary ハンガリー,
#: Tonga トンガ, Angus アンガス); the rule ng → N keeps the g of ng at the end of a word
#: or before a consonant silent (Washington ワシントン, Hong Kong ホンコン).
_NG_VOWEL = re.compile(r"ng(?=[aeiou])")


#: Polish rz, one sound (zh, ジュ: Wierzbicki ヴィエジュビツキ, Grzegorz グジェゴシュ,
#: Krzysztof クシシュトフ), after a consonant, at the start or after ie; elsewhere r and z
#: may be two sounds (Herzog ヘルツォーク, Schwarz).
_POLISH_RZ = re.compile(r"(?:(?<=[bcdgkptw])|(?<=ie)|^)rz")
#: Polish c is ts: the surname ending -cki, -cka is ツキ, ツカ in katakana (Sawicki
#: サヴィツキ, Nowicki ノヴィツキ, Potocka ポトツカ); not in a short English name (Nicki).
_POLISH_CKI = re.compile(r"(?<=[a-z]{4})c(?=k[ai]$)")


@functools.lru_cache(maxsize=65536)
def latin_key(name: str) -> str:
    """Phonetic key of a Latin-script name ("Zelenskyy" → "SRNSK")."""
    folded = _POLISH_RZ.sub("zh", _fold(_FINAL_TH.sub("s", name.lower())))
    folded = _POLISH_CKI.sub("ts", folded)
    return _classes(_EW.sub("iu", _NG_VOWEL.sub("ngg", folded)), _LATIN_RULES)


@functools.lru_cache(maxsize=65536)
def kana_key(kana: str, strict: bool = False) -> str:
    """Phonetic key of a kana rendering ("ゼレンスキー" → "SRNSK").

    Args:
        kana: the rendering.
        strict: keep h as a class (H) for comparing two katakana spellings with each other:
            katakana writes h consistently (ハリス and リーズ are not variants), while
            English spelling does not (John, Sarah).
    """
    return romaji_key(romanize(kana), strict)


@functools.lru_cache(maxsize=65536)
def romaji_key(romaji: str, strict: bool = False) -> str:
    """Phonetic key of a romanised kana reading (Hepburn, as
    :func:`mtqa.text.japanese.romanize` writes it: "zerensukii" → "SRNSK").

    Args:
        romaji: the reading, lower case.
        strict: keep h as a class (see :func:`kana_key`).
    """
    return _classes(romaji, _KANA_RULES, keep_h=strict)


def _sub_cost(a: str, b: str) -> float:
    if a == b:
        return 0.0
    return 0.5 if frozenset((a, b)) in NEAR_PAIRS else 1.0


def _del_cost(a: str) -> float:
    return R_DELETE_COST if a in CHEAP_DELETE else 1.0


def distance(a: str, b: str) -> float:
    """Weighted edit distance between two keys (see :data:`NEAR_PAIRS`)."""
    return _distance_rows(a, b)[1][-1]


def _distance_rows(a: str, b: str) -> tuple[list[float], list[float]]:
    """The last two rows of the edit-distance table of ``a`` against ``b``.

    ``rows[1][-1]`` is the distance of ``a`` and ``b``, ``rows[0][-1]`` that of ``a[:-1]``
    and ``b`` and ``rows[1][-2]`` that of ``a`` and ``b[:-1]``: a cell depends only on the
    cells above and to its left, so the one table holds all three (#17: key_similarity
    needs the three).

    The costs are read from tables (:data:`_DELETE_COSTS`, :data:`_NEAR_CLASSES`) rather
    than computed cell by cell (#17 work done once): the same additions and the same
    ``min`` of the same three terms as :func:`_sub_cost` and :func:`_del_cost` give, so
    the figures are equal to the last bit.
    """
    b_del = [_DELETE_COSTS.get(cb, 1.0) for cb in b]
    prev = [0.0]
    for d in b_del:
        prev.append(prev[-1] + d)
    before = prev
    for ca in a:
        a_del = _DELETE_COSTS.get(ca, 1.0)
        near = _NEAR_CLASSES.get(ca, "")
        left = prev[0] + a_del
        cur = [left]
        # a cell is the least of deleting ca (from above), deleting cb (from the left) and
        # substituting (from the diagonal): min() of the three, its comparisons written
        # out (equal candidates are equal figures, so which one is kept does not matter)
        for diag, up, cb, cb_del in zip(prev, prev[1:], b, b_del):
            left_cost = left + cb_del
            left = up + a_del
            if left_cost < left:
                left = left_cost
            sub = diag + (0.0 if cb == ca else 0.5 if cb in near else 1.0)
            if sub < left:
                left = sub
            cur.append(left)
        before, prev = prev, cur
    return before, prev


#: :func:`_del_cost` of the classes that do not cost 1.0.
_DELETE_COSTS = dict.fromkeys(CHEAP_DELETE, R_DELETE_COST)
#: The classes whose substitution for a class costs half (:data:`NEAR_PAIRS`).
_NEAR_CLASSES = {c: "".join(sorted(x for pair in NEAR_PAIRS if c in pair for x in pair if x != c))
                 for pair in NEAR_PAIRS for c in pair}


#: The least a key's class costs the distance when the other key has fewer of it
#: (:func:`_distance_floor`): half a substitution by a near class (0.25 a side) for T, S,
#: K, W and B, the cheap deletion of R, else (N, H) half of any substitution or a final
#: deletion.
_COUNTED_CLASSES = "TSKWBRN"
#: Slack of :func:`key_similarity_bound` against the rounding of the two sums.
_ROUNDING_SLACK = 1e-9


@functools.lru_cache(maxsize=65536)
def _class_counts(key: str) -> tuple[int, ...]:
    """How many of each of :data:`_COUNTED_CLASSES` ``key`` holds, then of the others
    together (cached process-wide, as the keys are)."""
    counts = tuple(key.count(c) for c in _COUNTED_CLASSES)
    return (*counts, len(key) - sum(counts))


def _distance_floor(a: str, b: str) -> float:
    """A lower bound of the distance of two keys (final deletions included), from their
    class counts alone.

    A class that ``a`` holds ``n`` times more than ``b`` leaves at least ``n`` letters of
    ``a`` without an equal partner; each is deleted or substituted, and either costs at
    least its class's share (a substitution's cost covers both its letters' shares: 0.5
    for a near pair, both near classes at 0.25; 1.0 otherwise, each share at most 0.5; a
    deletion costs its share or more: R and W 0.3, any other 1.0, a final one 0.5). The
    letters counted together (H, any other) differ by no more than the sum of their
    differences, so the bound holds for them too.
    """
    t, s, k, w, b_, r, n, other = _class_counts(a)
    t2, s2, k2, w2, b2, r2, n2, other2 = _class_counts(b)
    near = abs(t - t2) + abs(s - s2) + abs(k - k2) + abs(w - w2) + abs(b_ - b2)
    return 0.25 * near + R_DELETE_COST * abs(r - r2) + 0.5 * (abs(n - n2) + abs(other - other2))


def key_similarity_bound(a: str, b: str) -> float:
    """An upper bound of :func:`key_similarity` from the keys' class counts, without the
    edit-distance table (#17 work done once: most names compared fall short on it).

    Never below the similarity: the floor of the distance, less a slack far above the
    rounding of the sums, goes through the same operations as the similarity.
    """
    if not a or not b:
        return key_similarity(a, b)
    floor = _distance_floor(a, b) - _ROUNDING_SLACK
    return max(0.0, 1.0 - floor / max(len(a), len(b)))


def _skeleton_ceiling(skel: float, longest: int) -> float:
    """The reading similarity of a skeleton similarity ``skel`` with the vowels counted
    as a full match (:func:`reading_similarity`'s weights; ``longest`` is the longer
    key's length): a bound of the similarity, rising with ``skel``."""
    return 0.5 * skel + 0.5 * 1.0 if longest <= 2 else 0.8 * skel + 0.2 * 1.0


@text_cache(65536)
def skeletons_reach(a: str, b: str, floor: float) -> bool:
    """False when the keys ``a`` and ``b`` cannot make a reading similarity of ``floor``
    even with full vowels; the class counts decide first, the distance table after.

    Cached per article (#17): many spellings share a key (riyadh and the cases ask 26,400
    times for 10,500 key pairs).
    """
    longest = max(len(a), len(b))
    if _skeleton_ceiling(key_similarity_bound(a, b), longest) < floor:
        return False
    return _skeleton_ceiling(key_similarity(a, b), longest) >= floor


@text_cache(65536)
def key_similarity(a: str, b: str) -> float:
    """1 − distance / length of the longer key; 1.0 for identical keys, 0.0 when empty.

    Cached per article (#17): different spellings share a key, and the names check asks
    again for the keys of the names it has assigned.

    A last consonant missing from one side costs half (silent final letters: French
    Laurent → ローラン, Renault → ルノー).
    """
    if not a or not b:
        return 1.0 if a == b and a else 0.0
    before, last = _distance_rows(a, b)
    d = last[-1]
    if len(a) > 1:
        d = min(d, before[-1] + FINAL_DELETE_COST)
    if len(b) > 1:
        d = min(d, last[-2] + FINAL_DELETE_COST)
    return max(0.0, 1.0 - d / max(len(a), len(b)))


# English vowel spellings → the vowel katakana writes (Leeds リーズ, Moore ムーア, Vaughan
# ヴォーン).
_EN_VOWELS: tuple[tuple[str, str], ...] = (
    ("augh", "o"), ("ew", "yu"), ("ee", "i"), ("ea", "i"), ("ie", "i"), ("oo", "u"),
    ("ou", "u"), ("y", "i"),
)


#: English place names in -mouth say it "-məth" (Yarmouth ヤーマス, Plymouth プリマス,
#: Portsmouth ポーツマス, Bournemouth ボーンマス).
_MOUTH = re.compile(r"(?<=[a-z])mouth\b")


#: A word of one syllable closed by a vowel, one consonant and a silent e: the vowel says
#: its name (Hale ヘイル, Mike マイク, Stone ストーン, Duke デューク; not Europe).
_EN_SILENT_E: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(rf"\b([b-df-hj-np-tv-z]*){v}([bcdfgklmnprstvz])e\b"), dst)
    for v, dst in (("a", r"\1ei\2"), ("i", r"\1ai\2"), ("o", r"\1o\2"), ("u", r"\1yu\2")))


def _silent_e(word: str) -> str:
    """``word`` (folded) with each vowel before a silent final e written as it is said
    (:data:`_EN_SILENT_E`)."""
    for rx, dst in _EN_SILENT_E:
        word = rx.sub(dst, word)
    return word


@functools.lru_cache(maxsize=65536)
def _loose_romaji(s: str, english: bool = False) -> str:
    """Romanisation with the confusable distinctions removed (l/r, labials, voicing),
    vowels kept."""
    if english:
        s = _MOUTH.sub("mas", s)
        for src, dst in _EN_VOWELS:
            s = s.replace(src, dst)
    s = s.replace("l", "r").replace("w", "").replace("h", "")
    s = s.translate(_LOOSE_CONSONANTS)
    s = re.sub(r"([aeiou])\1+", r"\1", s)  # long vowels
    return re.sub(r"([^aeiou])\1+", r"\1", s)  # doubled consonants


def romaji_similarity(kana_a: str, kana_b: str) -> float:
    """Similarity of two kana spellings by their loose romanisations (vowels kept), in [0, 1]."""
    return difflib.SequenceMatcher(
        None, _loose_romaji(romanize(kana_a)), _loose_romaji(romanize(kana_b))
    ).ratio()


def name_similarity_reaches(english: str, kana: str, floor: float) -> bool:
    """``name_similarity(english, kana) >= floor``, the vowel comparison skipped when the
    consonant skeletons alone cannot reach ``floor``.

    The names check compares every English word of a window with every katakana word of
    it and keeps only the pairs above a floor; most pairs fall short on their skeletons
    (#17). The bound counts the vowels as a full match, and is computed with the same
    operations as :func:`name_similarity` (rounding is monotonic), so it is never below it.
    """
    return (skeletons_reach(latin_key(english), kana_key(kana), floor)
            and name_similarity(english, kana) >= floor)


def name_similarity(english: str, kana: str) -> float:
    """How well a katakana rendering sounds like an English (Latin) name, in [0, 1]
    (:func:`reading_similarity` of its romanisation)."""
    return reading_similarity(english, romanize(kana))


@text_cache(65536)
def reading_similarity(english: str, romaji: str) -> float:
    """How well a romanised kana reading sounds like an English (Latin) name, in [0, 1].

    Cached per article (#17): the names check compares every English name of a pair with
    every katakana run of it and of its neighbours, so the same two strings meet often.

    The consonant-skeleton similarity dominates; vowels (loosely compared) break ties
    between renderings of the same skeleton, and decide for names of one consonant
    ("Le", "Bao") whose skeleton says little.
    """
    k_en, k_ja = latin_key(english), romaji_key(romaji)
    skel = key_similarity(k_en, k_ja)
    folded, heard = _fold(english), _loose_romaji(romaji)
    vowels = difflib.SequenceMatcher(None, _loose_romaji(folded, english=True), heard).ratio()
    said = _silent_e(folded)
    if said != folded:  # the name of a vowel before a silent e may be heard (Hale ヘイル)
        vowels = max(vowels, difflib.SequenceMatcher(
            None, _loose_romaji(said, english=True), heard).ratio())
    if max(len(k_en), len(k_ja)) <= 2:
        return 0.5 * skel + 0.5 * vowels
    return 0.8 * skel + 0.2 * vowels


#: Similarity from which a Latin word and a reading are one name (:func:`names_match`): the
#: names check's own floor for a rendering (mtqa.checks.names.MATCH_MIN); ゼレンキー for
#: Zelenskyy (one sound dropped) still reaches it.
SAME_NAME_MIN = 0.75
#: Keys shorter than this share too little to compare (Ohio is one consonant, H dropped):
#: the spellings are compared instead.
SAME_NAME_MIN_KEY = 2
#: Similarity from which a word and a reading of the same one-consonant key are one name
#: (:func:`names_match`): the consonant says little, so the vowels must agree (Lee リー 1.0,
#: Leo レオ 1.0, Siso シソ 1.0; Asia アジア 0.88 and Siso スシ 0.75 are not).
SAME_SHORT_NAME_MIN = 0.9
#: Shortest key length, as a share of the longer key's, for one name: a short name
#: inside a long one (Rubio RB in Lavrov RBRB) is another name, whatever their common
#: part.
SAME_NAME_LENGTH_RATIO = 0.7


@text_cache(65536)
def names_match(word: str, romaji: str) -> bool:
    """True when a Latin-script word and a romanised Japanese reading (or a Latin word of
    the Japanese, lower-cased) sound like one name: ルビオ for Rubio, ラヴロフ for Lavrov.

    The yes/no test of the lexicon (a name of the English rendered in the Japanese) and of
    the aligner (name anchors). Cached per article (#17): every lexicon of a pair and of
    its neighbours compares the same names and readings again.

    Keys of two classes or more are compared by :func:`reading_similarity` (the grade of
    the names check: consonants, then vowels), when their lengths are close
    (:data:`SAME_NAME_LENGTH_RATIO`); shorter keys (Ohio, Abe) by their first three
    letters, or, when both are the same one consonant, by the reading's similarity
    (:data:`SAME_SHORT_NAME_MIN`: Lee リー).
    """
    a, b = latin_key(word), romaji_key(romaji)
    if len(a) < SAME_NAME_MIN_KEY or len(b) < SAME_NAME_MIN_KEY:
        if len(romaji) >= 3 and word.lower()[:3] == romaji[:3]:
            return True
        # one consonant, the same on both sides, and the same vowels: リー for Lee, レオ
        # for Leo, シソ for Siso, whose spellings differ from the start (l/r, s/sh)
        return (len(romaji) >= 3 and a == b and a != ""
                and reading_similarity(word, romaji) >= SAME_SHORT_NAME_MIN)
    return keys_may_match(a, b) and reading_similarity(word, romaji) >= SAME_NAME_MIN



#: An r after a vowel and before a consonant, a silent final e or the end of the word.
_NON_RHOTIC_R = re.compile(r"(?<=[aeiouAEIOU])r(?=[^aeiouyAEIOUY]|e$|$)")


def non_rhotic(word: str) -> str:
    """The word as a non-rhotic accent says it: an r after a vowel and before a consonant, a
    silent final e or the end dropped (York → Yok, Ford → Fod, Yorkshire → Yokshie); the
    word itself when it has none. Katakana
    often follows that accent (ヨーク, フォード), though not always (ノルウェー)."""
    return _NON_RHOTIC_R.sub("", word)


#: Latin letters from which a name may be heard inside a longer katakana word.
MIN_INNER_NAME = 5


def heard_within(word: str, romaji: str) -> bool:
    """Whether a name ``word`` of at least :data:`MIN_INNER_NAME` letters is heard,
    strictly (:func:`names_match`), inside a longer romanised katakana word written
    without separators (アーバンタスクフォースオーストラリア for "Urban Taskforce
    Australia", ブリティッシュコロンビア for "British Columbia", ノースヨークシャー for "North
    Yorkshire"): a translation that runs the words of a long name together renders each
    of them."""
    if len(word) < MIN_INNER_NAME or len(romaji) <= len(word) + 2:
        return False
    longest = min(len(romaji) - 1, 2 * len(word))
    # as written, or as a non-rhotic accent says it, which katakana follows (Yorkshire in
    # ノースヨークシャー)
    forms = dict.fromkeys((word, non_rhotic(word)))
    return any(names_match(w, romaji[i : i + n]) for w in forms
               for i in range(len(romaji)) for n in range(len(word) - 2, longest + 1)
               if i + n <= len(romaji))


def keys_may_match(a: str, b: str) -> bool:
    """False when two keys of :data:`SAME_NAME_MIN_KEY` classes or more rule out
    :func:`names_match` for every pair of spellings that have them: lengths too far apart,
    or skeletons that cannot reach :data:`SAME_NAME_MIN` even with the vowels in full (the
    bound of :func:`name_similarity_reaches`, exact).

    The vowel comparison only when the skeletons can reach the floor: most candidates of
    the aligner's NameMatcher fall short on their skeletons, and it asks once per key for
    all the words that share it (#17 work done once).
    """
    if not lengths_may_match(len(a), len(b)):
        return False
    return skeletons_reach(a, b, SAME_NAME_MIN)


def lengths_may_match(n: int, m: int) -> bool:
    """False when keys of ``n`` and ``m`` classes are too far apart in length to be one
    name (:data:`SAME_NAME_LENGTH_RATIO`): a short name inside a long one is another."""
    return min(n, m) >= SAME_NAME_LENGTH_RATIO * max(n, m)
