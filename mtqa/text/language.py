"""Which language is a text in — English, Japanese or something else — by script shares.

mtqa compares an English reference with a Japanese translation. Given the wrong files
(swapped, both the same language, a Chinese or Korean translation) every check would
fire on noise, so the pipeline asks this module first and refuses with one clear line.
One wrong language is a finding rather than an input error: an English "translation" that
is not the reference itself is what a machine-translation system gives when it does not
translate (a language model's refusal, its comments on the text, a partial pass-through).
The caller reports it as untranslated (``check_pair(..., report_english=True)``); the
reference given twice, or passed through unchanged, stays a refusal.

Detection counts letters by script (Latin, kana, kanji, hangul, other) and, for Latin
text, the share of common English function words, which separates English from
French, German or Spanish well on running text. It is deliberately coarse: a short text
gives ``"unknown"`` and the pipeline then lets it through rather than guess, unless its
kana and kanji tell (issue #16: two sentences of simplified Chinese, under the letter
minimum, were checked as Japanese). Japanese writes kana in any sentence; Chinese writes
none, and simplified Chinese writes characters that Japanese does not (说, 们, 这, 罗: outside
JIS X 0208, the repertoire of Japanese text), so either is evidence even in a few words.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from ..errors import InputError
from .english import URL

#: Fewer letters than this and the language is ``"unknown"``: a headline of three words
#: ("Apple Inc. results") says nothing reliable about the language of an article.
MIN_LETTERS = 40
#: Japanese: kana + kanji make at least this share of the letters. Low on purpose, so that
#: a translation with much English left untranslated is still recognised as Japanese
#: (that is a finding for the checks, not an input error).
JA_MIN_CJK_SHARE = 0.3
#: ... and kana are at least this share of the kana + kanji. Japanese prose is about half
#: kana (particles, endings are written in hiragana); Chinese has none.
JA_MIN_KANA_OF_CJK = 0.1
#: A text under ``MIN_LETTERS`` letters is still judged by its kana and kanji when it has at
#: least this many of them and they make ``JA_MIN_CJK_SHARE`` of its letters: a short
#: sentence with kana is Japanese, one with simplified-only characters and no kana Chinese.
SHORT_MIN_CJK = 6
#: Kanji that Japanese does not write (see :func:`foreign_han`), needed as evidence for
#: Chinese: at least this many, and at least ``ZH_MIN_FOREIGN_SHARE`` of the kanji. In
#: simplified Chinese news about a quarter of the characters are such forms (e.g. 9 of 33 in
#: "美国和俄罗斯高级官员周二在沙特阿拉伯会谈近四个小时。双方同意恢复外交使团。").
ZH_MIN_FOREIGN = 2
ZH_MIN_FOREIGN_SHARE = 0.05
#: A kanji-heavy Japanese text (headline style: "日米首脳会談、東京で開催") may have fewer kana
#: than ``JA_MIN_KANA_OF_CJK``; with at least this many kana and no foreign kanji it is still
#: Japanese, since Chinese writes no kana at all.
JA_MIN_KANA_KANJI_HEAVY = 2
#: An English translation whose chrF against its reference (sacrebleu, 0–100) reaches this
#: is the reference itself (the same file given twice, or the text passed through with
#: at most a few edits), not a machine translation's own English. Measured: 100 for a copy
#: of data/riyadh/en.txt, 96–99.6 with 3 to 30 of its words replaced; 2–33 between an
#: English refusal or comment and its source (the eight English outputs of two systems in
#: the WMT24 ESA development half).
COPY_MIN_CHRF = 90.0
#: English: Latin letters make at least this share of the letters.
EN_MIN_LATIN_SHARE = 0.7
#: The share of kana + kanji above which a text is not plain English.
EN_MAX_CJK_SHARE = 0.1
#: A Latin-script text with at least this many words is English only when this share of
#: its words are English function words. Measured: 0.28–0.35 on the English of
#: data/cases and data/riyadh, at least 0.18 on groups of five WMT22 en-ja dev source
#: sentences; 0.00 on French, German and Spanish news paragraphs (the list leaves out
#: words those languages share with English, such as "a", "in", "on").
EN_MIN_FUNCTION_SHARE = 0.08
#: Words needed before the function-word share is trusted.
EN_MIN_WORDS = 30
#: Other scripts (hangul, Cyrillic, Arabic, …): above this share of the letters the text
#: is neither English nor Japanese.
OTHER_MIN_SHARE = 0.3

_KANA = re.compile(r"[\u3041-\u309F\u30A0-\u30FF\u31F0-\u31FF\uFF66-\uFF9D]")
_HAN = re.compile(r"[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\U00020000-\U0003134F々〆]")
_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF\uFF21-\uFF3A\uFF41-\uFF5A]")
_HANGUL = re.compile(r"[\u1100-\u11FF\u3130-\u318F\uAC00-\uD7AF]")
#: The four Jōyō kanji of 2010 that are outside JIS X 0208 (so not in cp932).
_JOYO_OUTSIDE_JIS = frozenset("\U00020B9F塡剝頰")
# any letter: \w without digits and underscore
_LETTER = re.compile(r"[^\W\d_]")
_LATIN_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
# Frequent English function words that are not also frequent words of the other large
# Latin-script news languages (no "a", "in", "on", "die", "son", "per").
_EN_FUNCTION = frozenset(
    """the of and to is was that for with as at by from his her their its he she they it
    this has have had were are be been will would said says not but or which who after
    about than more when an there also over into""".split()
)

#: Readable names of the codes returned by :func:`detect`.
NAMES: Mapping[str, str] = MappingProxyType(
    {
        "en": "English",
        "ja": "Japanese",
        "zh": "Chinese",
        "ko": "Korean (hangul)",
        "latin": "a Latin-script language other than English",
        "other": "neither English nor Japanese",
        "unknown": "too short to tell",
    }
)


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    """What :func:`detect` found.

    Attributes:
        code: ``en``, ``ja``, ``zh``, ``ko``, ``latin`` (not English), ``other`` or
            ``unknown`` (too few letters, or a mix no rule claims).
        letters: number of letters counted.
        shares: share of the letters per script (``latin``, ``kana``, ``kanji``,
            ``hangul``, ``other``) and, for Latin text, ``en_function`` (share of words
            that are English function words).
    """

    code: str
    letters: int
    shares: Mapping[str, float] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def name(self) -> str:
        return NAMES.get(self.code, self.code)

    def describe(self) -> str:
        """Short evidence for a message, e.g. ``kana+kanji 92% of letters``."""
        s = self.shares
        if self.code == "zh" and s.get("foreign_kanji"):
            return (f"kana+kanji {s['kana'] + s['kanji']:.0%} of letters, kana "
                    f"{s['kana']:.0%}, simplified Chinese forms {s['foreign_kanji']:.0%} of kanji")
        if self.code in ("ja", "zh"):
            return f"kana+kanji {s['kana'] + s['kanji']:.0%} of letters, kana {s['kana']:.0%}"
        if self.code == "ko":
            return f"hangul {s['hangul']:.0%} of letters"
        if self.code == "en":
            return f"Latin {s['latin']:.0%} of letters"
        if self.code == "latin":
            return (
                f"Latin {s['latin']:.0%} of letters but only {s.get('en_function', 0):.0%} "
                "English function words"
            )
        if self.code == "other":
            return f"other scripts {s['other']:.0%} of letters"
        return f"{self.letters} letters"


def foreign_han(c: str) -> bool:
    """True for a Han character that Japanese text does not use: outside JIS X 0208 with
    the NEC and IBM extensions (cp932, what Japanese text is written in), and not one of
    the Jōyō kanji outside it. Simplified Chinese forms (说, 们, 这, 长) are such characters;
    shared forms (国, 会, 学) are not, and traditional forms mostly are in JIS as well."""
    if c in _JOYO_OUTSIDE_JIS:
        return False
    try:
        c.encode("cp932")
    except UnicodeEncodeError:
        return True
    return False


def foreign_han_runs(text: str, known: Container[int] = ()) -> Iterator[tuple[int, int]]:
    """(start, end) of each run of Han characters in ``text`` that Japanese does not write
    (:func:`foreign_han`): Chinese in a Japanese text (你, 因为, 协议). Characters at the
    offsets ``known`` are taken for Japanese whatever their code."""
    start = -1
    for i, ch in enumerate(text):
        if _HAN.match(ch) and foreign_han(ch) and i not in known:
            start = i if start < 0 else start
        elif start >= 0:
            yield start, i
            start = -1
    if start >= 0:
        yield start, len(text)


def _cjk_code(kana: int, han: int, foreign: int, short: bool) -> str:
    """``ja``, ``zh`` or ``unknown`` for a text whose letters are mostly kana and kanji.

    Kana in a fair share make it Japanese (Chinese has none); simplified-only kanji without
    that share make it Chinese; a few kana and nothing Chinese, Japanese (a kanji-heavy
    headline). A long text with neither is Chinese (traditional characters, no kana), a
    short one unknown: a kanji-only Japanese headline is not refused.
    """
    cjk = kana + han
    if kana / cjk >= JA_MIN_KANA_OF_CJK:
        return "ja"
    if foreign >= ZH_MIN_FOREIGN and foreign >= ZH_MIN_FOREIGN_SHARE * han:
        return "zh"
    if kana >= JA_MIN_KANA_KANJI_HEAVY:
        return "ja"
    return "unknown" if short else "zh"


def detect(text: str) -> LanguageGuess:
    """Guess the language of ``text`` from its script shares.

    Args:
        text: any text (offsets are not needed; nothing is modified).

    Returns:
        The guess; ``code == "unknown"`` when the text is too short or mixed.
    """
    # count scripts among the letters only (the katakana block also holds the middle dot)
    only = "".join(_LETTER.findall(text))
    letters = len(only)
    kana = len(_KANA.findall(only))
    hans = _HAN.findall(only)
    han = len(hans)
    short = letters < MIN_LETTERS
    if short and not (kana + han >= SHORT_MIN_CJK and kana + han >= JA_MIN_CJK_SHARE * letters):
        return LanguageGuess("unknown", letters)
    latin = len(_LATIN.findall(only))
    hangul = len(_HANGUL.findall(only))
    other = max(0, letters - kana - han - latin - hangul)
    shares = {
        "latin": latin / letters,
        "kana": kana / letters,
        "kanji": han / letters,
        "hangul": hangul / letters,
        "other": other / letters,
    }
    cjk = kana + han
    code = "unknown"
    if cjk / letters >= JA_MIN_CJK_SHARE:
        foreign = sum(1 for c in hans if foreign_han(c))
        shares["foreign_kanji"] = foreign / han if han else 0.0
        code = _cjk_code(kana, han, foreign, short)
    elif shares["hangul"] >= OTHER_MIN_SHARE:
        code = "ko"
    elif shares["latin"] >= EN_MIN_LATIN_SHARE and cjk / letters < EN_MAX_CJK_SHARE:
        code = "en"
        words = [w.lower() for w in _LATIN_WORD.findall(text)]
        if len(words) >= EN_MIN_WORDS:
            share = sum(1 for w in words if w in _EN_FUNCTION) / len(words)
            shares["en_function"] = share
            if share < EN_MIN_FUNCTION_SHARE:
                code = "latin"
    elif shares["other"] >= OTHER_MIN_SHARE:
        code = "other"
    return LanguageGuess(code, letters, MappingProxyType(shares))


def _prefix(name: str | None) -> str:
    return f"{name}: " if name else ""


def check_pair(
    reference: str,
    translation: str,
    reference_name: str | None = None,
    translation_name: str | None = None,
    report_english: bool = False,
) -> tuple[LanguageGuess, LanguageGuess]:
    """Refuse a pair that is not English → Japanese.

    Texts too short to tell (``unknown``) pass: the checks will say what they find.

    Args:
        reference: the English text.
        translation: the Japanese text.
        reference_name: the reference's file name, to start the message with.
        translation_name: the translation's file name.
        report_english: let an English translation that is not the reference itself
            through (its guess says ``en``): the caller reports it as untranslated.

    Returns:
        The guesses for the reference and the translation.

    Raises:
        InputError: the two are swapped, in the same language, or not English/Japanese.
    """
    _refuse_wordless(reference, translation, translation_name)
    ref = detect(reference)
    mt = detect(translation)
    said = ""  # a short text given twice: "ja" or "en" (see below)
    if ref.code == "unknown" and mt.code == "unknown" and (
            said := _same_words_given_twice(reference, translation)):
        if said == "ja":
            raise InputError(
                f"{_prefix(translation_name)}the translation is the same text as the "
                "reference" + (f" ({reference_name})" if reference_name else "")
                + ", and it is Japanese: the same file was given twice; give the English "
                "original first, then the Japanese translation"
            )
        # English passed through: too short to be sure it is the same file rather than a
        # system's output ("is was" for "is was" in WMT24 ESA dev), it is reported as an
        # English translation
        letters = len(_LETTER.findall(translation))
        latin = len(_LATIN.findall(translation))
        mt = LanguageGuess("en", letters, MappingProxyType({"latin": latin / max(letters, 1)}))
    if ref.code == "ja" and mt.code == "en":
        names = f" ({reference_name}, {translation_name})" if reference_name else ""
        raise InputError(
            f"the reference looks Japanese and the translation English{names}: they are "
            "swapped; give the English original first, then the Japanese translation"
        )
    if ref.code == "ja":
        raise InputError(
            f"{_prefix(reference_name)}the reference looks Japanese ({ref.describe()})"
            + (", as does the translation" if mt.code == "ja" else "")
            + ", not English; give the English original as the reference"
        )
    if mt.code == "en" and not said and is_copy(reference, translation):
        raise InputError(
            f"{_prefix(translation_name)}the translation is the English reference itself "
            f"(chrF {_chrf(reference, translation):.0f} against it): the same text was given "
            "twice, or passed through untranslated; give the Japanese translation"
        )
    if mt.code == "en" and not report_english:
        raise InputError(
            f"{_prefix(translation_name)}the translation looks English ({mt.describe()})"
            + (", as does the reference" if ref.code == "en" else "")
            + ", not Japanese: it was not translated, or the wrong file was given; give the "
            "Japanese translation"
        )
    if ref.code in ("zh", "ko", "latin", "other"):
        raise InputError(
            f"{_prefix(reference_name)}the reference looks like {ref.name} "
            f"({ref.describe()}); mtqa checks English originals; give the English text"
        )
    if mt.code in ("zh", "ko", "latin", "other"):
        raise InputError(
            f"{_prefix(translation_name)}the translation looks like {mt.name} "
            f"({mt.describe()}), not Japanese; mtqa checks Japanese translations"
        )
    return ref, mt


def _refuse_wordless(reference: str, translation: str, translation_name: str | None) -> None:
    """Refuse a translation with no letter or digit for a reference that has some (。。。 for
    a sentence: nothing a check could find in it); an emoji post given as itself passes."""
    if not any(c.isalnum() for c in translation) and any(c.isalnum() for c in reference):
        shown = " ".join(translation.split())
        raise InputError(
            f"{_prefix(translation_name)}the translation has no words, only punctuation or "
            f"symbols ({shown[:40]!r}), while the reference has text; give the Japanese "
            "translation"
        )


#: A lower-case Latin word: running English, not an acronym, a brand or a code (NATO,
#: iPhone 16, COVID-19 may stand in a translation as in its original).
_LOWER_WORD = re.compile(r"(?<![A-Za-z])[a-z]{3,}(?![A-Za-z])")
#: What a translation keeps as it is: web and e-mail addresses, handles and hashtags (a post
#: that is only "@user40 https://…" in WMT24 ESA dev is its own translation).
_KEPT_AS_IS = re.compile(rf"{URL.pattern}|[#＃@＠][\w.]+", re.I)


def _same_words_given_twice(reference: str, translation: str) -> str:
    """For two texts too short to tell their language (:data:`MIN_LETTERS`) that are the
    same text, spacing aside: ``ja`` when it holds kana or kanji (a Japanese reference),
    ``en`` when it holds a lower-case English word outside an address, a handle or a
    hashtag (English passed through), else ``""``: a headline that is only a name, an
    acronym or a number ("NATO", "iPhone 16") may be its own translation."""
    if " ".join(reference.split()) != " ".join(translation.split()):
        return ""
    words = _KEPT_AS_IS.sub(" ", translation)
    if _KANA.search(words) or _HAN.search(words):
        return "ja"
    return "en" if _LOWER_WORD.search(words) else ""


def _chrf(reference: str, translation: str) -> float:
    from sacrebleu.metrics import CHRF

    return float(CHRF().sentence_score(translation, [reference]).score)


def is_copy(reference: str, translation: str) -> bool:
    """The translation is the reference itself, or it with a few edits (``COPY_MIN_CHRF``)."""
    if " ".join(reference.split()) == " ".join(translation.split()):
        return True
    return _chrf(reference, translation) >= COPY_MIN_CHRF


def _letters_not_in(text: str, other: str) -> int:
    """Letters of the Latin words of ``text`` (outside addresses, handles and hashtags) that
    ``other`` does not hold as words, case aside."""
    held = {w.lower() for w in _LATIN_WORD.findall(other)}
    return sum(len(w) for w in _LATIN_WORD.findall(_KEPT_AS_IS.sub(" ", text))
               if w.lower() not in held)


def foreign_latin(reference: str, translation: str) -> int:
    """Letters of the Latin words of ``translation`` that ``reference`` does not hold (outside
    addresses, handles and hashtags): English or other text the translation added or left
    untranslated, not names it kept as they are."""
    return _letters_not_in(translation, reference)


def rendered_sizes(reference: str, translation: str) -> tuple[int, int]:
    """How much text each side of a sentence pair has to say: the kana and kanji of the
    Japanese, and the letters of the English words outside addresses, handles and
    hashtags that the Japanese does not hold as they are (a name or a brand written in
    Latin in both renders itself, and counts on neither side). Japanese news says in
    one character what English says in three to five letters: on the 7,886 aligned
    sentences of WMT24 ESA dev, no professional translation (refA) has under 0.19
    Japanese characters per English letter, by this measure."""
    japanese = len(_KANA.findall(translation)) + len(_HAN.findall(translation))
    return japanese, _letters_not_in(reference, translation)


#: Japanese characters per English letter (:func:`rendered_sizes`) under which a Japanese
#: text renders only a fraction of an English one: a word or two, or only its hashtags, for
#: a sentence (professional translations have 0.19 or more).
MIN_RENDERED_RATIO = 0.1
#: English letters from which that is judged: a short sentence ("Thanks!", "Me too") is
#: rendered in a character or two.
MIN_SHRUNK_LETTERS = 30


def renders_a_fraction(reference: str, translation: str) -> bool:
    """Whether the Japanese ``translation`` is too short to render the English ``reference``
    (under :data:`MIN_RENDERED_RATIO`, from :data:`MIN_SHRUNK_LETTERS` English letters)."""
    japanese, english = rendered_sizes(reference, translation)
    return english >= MIN_SHRUNK_LETTERS and japanese < MIN_RENDERED_RATIO * english
