"""Japanese morphology through fugashi + UniDic (unidic-lite): tokens with offsets, readings,
parts of speech and word origin, plus kana romanisation for comparing names with English.

The tagger is created lazily (no import-time side effects) and shared by all stages.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from .cache import text_cache

_KANJI = re.compile(r"[\u4E00-\u9FFF\u3400-\u4DBF]")
_LATIN = re.compile(r"[A-Za-z\uFF21-\uFF3A\uFF41-\uFF5A]")
# Kana (hiragana, katakana, half-width katakana) and kanji: Japanese words.
_JAPANESE = re.compile(r"[\u3041-\u309F\u30A1-\u30FA\u31F0-\u31FF\uFF66-\uFF9D"
                       r"\u4E00-\u9FFF\u3400-\u4DBF]")


@dataclass(frozen=True, slots=True)
class Token:
    """One UniDic token. ``start``/``end`` index the text given to :func:`tokenize`."""

    surface: str
    start: int
    end: int
    pos1: str  # 名詞, 動詞, 助詞, ...
    pos2: str  # 固有名詞, 普通名詞, 格助詞, ...
    pos3: str  # 人名, 地名, ...
    lemma: str
    reading: str  # katakana reading of the surface ("" when unknown)
    goshu: str  # word origin: 和, 漢, 外 (loanword), 固 (proper), 記号, ...
    #: conjugated form of a verb, adjective or auxiliary (連用形-一般, 終止形-一般, 命令形, ...):
    #: what a predicate's form allows after it (a sentence cannot end on 連用形)
    cform: str = ""

    @property
    def is_content(self) -> bool:
        return self.pos1 in {"名詞", "動詞", "形容詞", "副詞", "形状詞", "代名詞"} or (
            self.pos1 == "接頭辞" and False
        )

    @property
    def is_particle(self) -> bool:
        return self.pos1 == "助詞"

    @property
    def is_punct(self) -> bool:
        return self.pos1 in {"補助記号", "記号", "空白"}


@functools.lru_cache(maxsize=1)
def _tagger() -> object:
    import fugashi  # heavy: imported on first use

    return fugashi.Tagger()


#: The UniDic features a :class:`Token` keeps, in the order :func:`_fields` returns them.
_FIELDS = ("pos1", "pos2", "pos3", "lemma", "kana", "goshu", "cForm")


def _fields(feature: object) -> list[str]:
    """The fields :data:`_FIELDS` of a token's UniDic features; "" where one is missing or
    "*". Read as attributes in one go (#17: seven calls a token were 2 % of a check)."""
    try:
        values = [feature.pos1, feature.pos2, feature.pos3,  # type: ignore[attr-defined]
                  feature.lemma, feature.kana, feature.goshu,  # type: ignore[attr-defined]
                  feature.cForm]  # type: ignore[attr-defined]
    except AttributeError:  # features of another shape (an unknown word, another dictionary)
        values = [getattr(feature, name, None) for name in _FIELDS]
    return ["" if v is None or v == "*" else str(v) for v in values]


@text_cache(4096)
def _tokenize_cached(text: str) -> tuple[Token, ...]:
    tagger = _tagger()
    tokens: list[Token] = []
    pos = 0
    for word in tagger(text):  # type: ignore[operator]
        surface = str(word.surface)
        if not surface:
            continue
        # MeCab drops whitespace; find the surface from the running offset so that the
        # offsets index the original text exactly.
        idx = text.find(surface, pos)
        if idx < 0:
            continue
        start, end = idx, idx + len(surface)
        pos = end
        pos1, pos2, pos3, lemma, kana, goshu, cform = _fields(getattr(word, "feature", None))
        # UniDic lemmas of loanwords carry the English origin ("ベンチャー-venture").
        tokens.append(
            Token(
                surface=surface,
                start=start,
                end=end,
                pos1=pos1,
                pos2=pos2,
                pos3=pos3,
                lemma=lemma or surface,
                reading=kana or (surface if is_katakana(surface) else ""),
                goshu=goshu,
                cform=cform,
            )
        )
    return tuple(tokens)


def tokenize(text: str) -> tuple[Token, ...]:
    """Tokenise Japanese text; offsets index ``text`` itself."""
    if not text:
        return ()
    return _tokenize_cached(text)


#: A word of katakana (katakana, its phonetic extensions and half-width forms, with the
#: long-vowel mark, the middle dot and the equals signs of names), matched whole.
_KATAKANA_WORD = re.compile(r"[\u30A0-\u30FF\u31F0-\u31FF\uFF66-\uFF9Fー・=＝]+")


def with_endings(toks: Sequence[Token], i: int) -> int:
    """The index of the last auxiliary (助動詞) that follows token ``i`` when it is a
    verb or an adjective, else ``i``: a predicate's endings belong to it (置いた,
    割りました, 高くない)."""
    if toks[i].pos1 in {"動詞", "形容詞"}:
        while i + 1 < len(toks) and toks[i + 1].pos1 == "助動詞":
            i += 1
    return i


def is_katakana(s: str) -> bool:
    """True when ``s`` is written in katakana only (#17: one regular-expression match
    of the word, not one a character)."""
    return _KATAKANA_WORD.fullmatch(s) is not None


def has_kanji(s: str) -> bool:
    return bool(_KANJI.search(s))


def has_latin(s: str) -> bool:
    return bool(_LATIN.search(s))


def inside_quotation(before: str) -> bool:
    """Whether a text that ends with ``before`` stands inside a 「」 or 『』 quotation opened in
    ``before`` and not yet closed (dialogue, a title being quoted)."""
    return before.count("「") > before.count("」") or before.count("『") > before.count("』")


def has_japanese(s: str) -> bool:
    """True when ``s`` holds a kana or kanji letter (punctuation and the long-vowel mark
    alone are not Japanese words)."""
    return bool(_JAPANESE.search(s))


def japanese_letters(s: str) -> int:
    """How many kana and kanji letters ``s`` holds (as :func:`has_japanese` reads them)."""
    return len(_JAPANESE.findall(s))


def lemma_base(lemma: str) -> str:
    """UniDic lemma without the loanword origin suffix ('ベンチャー-venture' → 'ベンチャー')."""
    return lemma.split("-", 1)[0]


def lemma_origin(lemma: str) -> str:
    """English origin recorded in a UniDic loanword lemma, or ''."""
    parts = lemma.split("-", 1)
    return parts[1] if len(parts) == 2 and parts[1].isascii() else ""


def normalize(text: str) -> str:
    """NFKC for matching (full-width Latin/digits → ASCII, half-width kana → full-width).

    Never used for offsets: callers map back to the original text.
    """
    return unicodedata.normalize("NFKC", text)


# --- romanisation -----------------------------------------------------------------------

_DIGRAPHS = {
    "キャ": "kya", "キュ": "kyu", "キョ": "kyo", "シャ": "sha", "シュ": "shu", "ショ": "sho",
    "チャ": "cha", "チュ": "chu", "チョ": "cho", "ニャ": "nya", "ニュ": "nyu", "ニョ": "nyo",
    "ヒャ": "hya", "ヒュ": "hyu", "ヒョ": "hyo", "ミャ": "mya", "ミュ": "myu", "ミョ": "myo",
    "リャ": "rya", "リュ": "ryu", "リョ": "ryo", "ギャ": "gya", "ギュ": "gyu", "ギョ": "gyo",
    "ジャ": "ja", "ジュ": "ju", "ジョ": "jo", "ビャ": "bya", "ビュ": "byu", "ビョ": "byo",
    "ピャ": "pya", "ピュ": "pyu", "ピョ": "pyo", "ヂャ": "ja", "ヂュ": "ju", "ヂョ": "jo",
    "シェ": "she", "ジェ": "je", "チェ": "che", "ティ": "ti", "ディ": "di", "トゥ": "tu",
    "ドゥ": "du", "ファ": "fa", "フィ": "fi", "フェ": "fe", "フォ": "fo", "フュ": "fyu",
    "ウィ": "wi", "ウェ": "we", "ウォ": "wo", "ヴァ": "va", "ヴィ": "vi", "ヴェ": "ve",
    "ヴォ": "vo", "ヴュ": "vyu", "ツァ": "tsa", "ツィ": "tsi", "ツェ": "tse", "ツォ": "tso",
    "イェ": "ye", "クァ": "kwa", "クィ": "kwi", "クェ": "kwe", "クォ": "kwo", "グァ": "gwa",
    "テュ": "tyu", "デュ": "dyu", "スィ": "si", "ズィ": "zi",
}
_MONO = dict(
    zip(
        "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン"
        "ガギグゲゴザジズゼゾダヂヅデドバビブベボパピプペポヴァィゥェォャュョヮ",
        "a i u e o ka ki ku ke ko sa shi su se so ta chi tsu te to na ni nu ne no ha hi fu he ho "
        "ma mi mu me mo ya yu yo ra ri ru re ro wa o n ga gi gu ge go za ji zu ze zo da ji zu de "
        "do ba bi bu be bo pa pi pu pe po vu a i u e o ya yu yo wa".split(),
    )
)


def to_katakana(s: str) -> str:
    """Hiragana → katakana (other characters unchanged)."""
    return "".join(chr(ord(c) + 0x60) if "\u3041" <= c <= "\u3096" else c for c in s)


@functools.lru_cache(maxsize=65536)
def romanize(kana: str) -> str:
    """Hepburn-style romanisation of kana (katakana or hiragana), for matching names.

    Cached process-wide, keyed by a word (#17): the names check and the lexicon romanise
    the same katakana words again and again.

    Long-vowel marks repeat the previous vowel; small ッ doubles the next consonant.
    Characters that are not kana are dropped (middle dots, equals signs).
    """
    s = to_katakana(normalize(kana))
    out: list[str] = []
    i = 0
    geminate = False
    while i < len(s):
        pair = s[i : i + 2]
        if pair in _DIGRAPHS:
            syl = _DIGRAPHS[pair]
            i += 2
        elif s[i] == "ッ":
            geminate = True
            i += 1
            continue
        elif s[i] == "ー":
            if out and out[-1] and out[-1][-1] in "aeiou":
                out.append(out[-1][-1])
            i += 1
            continue
        elif s[i] in _MONO:
            syl = _MONO[s[i]]
            i += 1
        else:
            i += 1
            continue
        if geminate and syl[0] not in "aeiou":
            syl = syl[0] + syl
        geminate = False
        out.append(syl)
    return "".join(out)
