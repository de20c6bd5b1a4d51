"""English words left untranslated in the Japanese (``Lavrovは``).

Which Latin script belongs in a Japanese translation is a newsroom's house style, read
from a policy file (``mtqa/data/latin_allowed.tsv`` by default, whose header documents
the settings; a newsroom names its own as the ``latin_allowed`` policy setting). The default
allows acronyms of up to five capitals (NATO, EU), units (km, mph), URLs, e-mail and
street addresses (1600 Main St), code and platform identifiers (#hashtags, @handles,
file_names), trade names marked as such (mixed case like iPhone, a model number as in
"Fab 7", 'n for "and" as in Shake 'n Bake). Always left
alone: photo credits ("Evelyn Hockstein/AP通信"), a company marker (米Google,
Veltrion社), the original spelling in brackets, an acronym of any length the translation
introduces in brackets after its rendering (国連レバノン暫定軍（UNIFIL）, then UNIFIL alone),
and page chrome. Ordinary English words
left untranslated are always flagged (UNT001), and so is text in the script of another
language that the English does not have (UNT002: Korean, Cyrillic, Arabic… slipped in by a
multilingual model, and Chinese: characters Japanese does not write, 你, 这, 因为, 协议), and
an English courtesy title before a name in Japanese script (Mrs.ケネディ). English running
text is major; one English word alone (ping, outage) and a name are minor. An HTML character reference (AT&amp;T) and net laughter (ｗｗ) are
no English. A translation that is English as a whole (a refusal, comments, the
source passed through) is one critical finding instead (UNT003,
:func:`english_translation_finding`).
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import ClassVar

from ..text import japanese, jmdict, wordlists
from ..text.language import foreign_han_runs
from ..text.lexicon import english_entry
from ..text.english import STOPWORDS, URL as _URL
from ..errors import ConfigError
from ..types import AlignedPair, Document, Finding, Severity
from . import BaseCheck, Context

# A run of Latin words (ASCII or full-width) possibly joined by spaces, hyphens, apostrophes.
# (Latin-1 and Latin Extended letters included: Comaltitlán, Szabó are one word.)
_L = "A-Za-zＡ-Ｚａ-ｚÀ-ÖØ-öø-ɏ"
# (a word after a space may open with an apostrophe: the 'n of "Rock 'n Roll", "Rub ‘n Buff")
_LATIN_RUN = re.compile(rf"[{_L}][{_L}'’\-\.]*(?:[ 　]['‘’]?[{_L}][{_L}'’\-\.]*)*")
#: The original spelling given in brackets after the Japanese rendering
#: (マイク・ワルツ（Mike Waltz）, カムデン郡（英語：Camden County）) is a gloss, not an
#: untranslated word.
_BRACKET_GLOSS = re.compile(r"[（(](?:[^（）()]{0,6}[:：])?[^（）()]*[）)]")
# A photo credit: "Name/Agency", "(Photographer/Pool Photo via AP)", "写真：…", "©…".
_CREDIT = re.compile(
    r"[A-Za-z][A-Za-z .'\-]*/\s*(?:[A-Za-z][A-Za-z .'\-]*|[^\s。、]{1,12}(?:通信|新聞|社|Photo))"
    r"|(?:写真|撮影|Photo|Credit)\s*[:：]"
    r"|©|\(c\)",
    re.I,
)


#: An English courtesy title left before a name in Japanese script (Mrs.ケネディ: WMT24 ESA
#: dev, marked major), where Japanese writes 夫人, 氏 or 博士 after the name; elsewhere such
#: a word is a stop word, left alone with the words it stands among.
_TITLE_BEFORE_NAME = re.compile(r"(?:Mr|Mrs|Ms|Dr|Prof)\.?[ 　]?(?=[\u30A1-\u30FA\u4E00-\u9FFF])")
#: Japanese net laughter written in Latin letters (ｗ, ｗｗｗ, www after a sentence).
_LAUGHTER = re.compile(r"[wｗWＷ]+")
#: Code and platform identifiers: a hashtag or handle, an identifier with an underscore
#: or an inner dot (file_name, example.py), text in backticks.
_CODE = re.compile(r"[#＃@＠][A-Za-z0-9_.]+|`[^`]+`|(?<![A-Za-z0-9])[A-Za-z0-9]+_[A-Za-z0-9_]+"
                   r"|(?<![A-Za-z0-9.])[A-Za-z]\w*\.(?:py|js|ts|md|txt|csv|json|html|exe|sh)"
                   r"(?![A-Za-z0-9])", re.A)


@dataclass(frozen=True)
class LatinPolicy:
    """A newsroom's house style for Latin script (see ``mtqa/data/latin_allowed.tsv``).

    Attributes:
        acronym_max: all-capital words of at most this many letters are allowed.
        urls: URLs and e-mail addresses are allowed.
        code: hashtags, handles, identifiers and backticked code are allowed.
        brands: trade names marked by their spelling or a model number are allowed.
        units: units and symbols allowed (lower case).
        terms: terms allowed verbatim (case-sensitive).
        digest: short hash of the policy text (part of the check's signature).
    """

    acronym_max: int
    urls: bool
    code: bool
    brands: bool
    units: frozenset[str]
    terms: frozenset[str]
    digest: str


_YES_NO = {"yes": True, "no": False}


def parse_latin_policy(text: str, source: str = "latin_allowed.tsv") -> LatinPolicy:
    """Parse a policy file (format in the header of ``mtqa/data/latin_allowed.tsv``).

    Raises:
        ConfigError: a line that is not ``name<TAB>value`` with a known name and a valid
            value.
    """
    values: dict[str, str] = {"acronym_max": "0", "urls": "no", "code": "no", "brands": "no",
                              "units": ""}
    terms: set[str] = set()
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        name, sep, value = line.partition("\t")
        name, value = name.strip(), value.strip()
        if not sep or not value or name not in {*values, "term"}:
            raise ConfigError(f"{source}:{n}: expected 'name<TAB>value' with name one of "
                              f"acronym_max, urls, code, brands, units, term; got {line!r}")
        if name == "term":
            terms.add(value)
            continue
        if name in {"urls", "code", "brands"} and value not in _YES_NO:
            raise ConfigError(f"{source}:{n}: {name} must be yes or no, got {value!r}")
        if name == "acronym_max" and not value.isdigit():
            raise ConfigError(f"{source}:{n}: acronym_max must be a whole number, got {value!r}")
        values[name] = value
    return LatinPolicy(
        acronym_max=int(values["acronym_max"]), urls=_YES_NO[values["urls"]],
        code=_YES_NO[values["code"]], brands=_YES_NO[values["brands"]],
        units=frozenset(values["units"].lower().split()), terms=frozenset(terms),
        digest=hashlib.sha256(text.encode()).hexdigest()[:8],
    )


@functools.lru_cache(maxsize=8)
def load_latin_policy(path: str | None = None) -> LatinPolicy:
    """The policy of ``path``, or the default shipped with mtqa.

    Raises:
        ConfigError: the file cannot be read or is malformed.
    """
    if path is None:
        res = resources.files("mtqa").joinpath("data/latin_allowed.tsv")
        return parse_latin_policy(res.read_text(encoding="utf-8"), "mtqa/data/latin_allowed.tsv")
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(f"{path}: cannot read the Latin-script policy ({err})") from err
    return parse_latin_policy(text, path)


def _is_acronym(word: str, max_letters: int) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", word)
    # NATO, EU, G7, U.S., CEO: short all-capitals tokens are standard in Japanese news
    return bool(letters) and letters.isupper() and len(letters) <= max_letters


#: An acronym the translation gives in brackets after its rendering (国連レバノン暫定軍
#: （UNIFIL）), however long: Japanese news writes it alone from then on.
_BRACKETED_ACRONYM = re.compile(r"(?<=[^\sA-Za-z（(])[（(]([A-Z][A-Z0-9&\-]{1,11})[）)]")


@functools.lru_cache(maxsize=256)
def introduced_acronyms(text: str) -> frozenset[str]:
    """The acronyms a translation introduces in brackets after their Japanese rendering
    (:data:`_BRACKETED_ACRONYM`): left in Latin script anywhere in it, they are its house
    style, not words left untranslated."""
    return frozenset(m.group(1) for m in _BRACKETED_ACRONYM.finditer(text))


def _is_brand_like(word: str) -> bool:
    # iPhone, eBay, YouTube: internal capitals mark a trade name kept in Latin script
    return bool(re.search(r"[a-z][A-Z]", word)) or bool(re.match(r"^[a-z]+[A-Z]", word))


#: Capitalised words joined by 'n, the contraction of "and" (Shake 'n Bake, Rock 'n Roll
#: Cafe): a spelling of trade names and titles, never of running English.
_N_FOR_AND = re.compile(r"[A-Z][\w’'\-]*(?: [A-Z][\w’'\-]*)* ['‘’]n['‘’]? [A-Z]")
#: Street types of English postal addresses, written out or abbreviated.
_STREET_TYPES = frozenset(
    """St Street Ave Avenue Blvd Boulevard Rd Road Dr Drive Ln Lane Way Pl Place Ct Court
    Hwy Highway Pkwy Parkway Sq Square Ter Terrace""".split()
)


def _is_street_address(seg: str, start: int, words: list[str]) -> bool:
    """A postal address kept as written (1600 Main St): a house number right before
    the Latin run, which ends on a street type. Japanese style guides keep addresses,
    like URLs, in the form a reader can use."""
    return (words[-1].rstrip(".") in _STREET_TYPES and len(words) >= 2
            and re.search(r"[0-9０-９]+[A-Za-z]?[ 　]*$", seg[:start]) is not None)


#: Country and region prefixes of Japanese business news before a company name kept in
#: Latin script (米Google, 独Siemens, 蘭ASML).
_COMPANY_PREFIX = "米英独仏伊蘭中韓台露加豪印瑞西墨伯"
#: Suffixes after a company or product name kept in Latin script (Veltrion社, iPhone版).
_NAME_SUFFIXES = ("社", "製", "版", "株", "ブランド", "グループ")


_DIGITS = frozenset("0123456789０１２３４５６７８９")


#: Words at most of a designation's name before its number (Galaxy S24, ROG Phone 5, Grand
#: Theft Auto 5): a longer run before a number is a title or a sentence ("Boeing Worldwide
#: Statistical Summary of Commercial Jet Airplane Accidents 1959-2022", "coming at you here
#: with a 2018 …"), which the number does not make a trade name.
MAX_DESIGNATION_WORDS = 4


def _is_designation(text: str, start: int, end: int) -> bool:
    """A product, model or facility designation kept in Latin script: letters followed by
    a number (Fab 7, Galaxy S24, Model 3, Falcon 9, COVID-19), or letters written on to
    the number before them (the "neo" of A319neo, the "MAX" of 737MAX), or one letter
    after it and a space (the "b" of the planet TOI-5127 b)."""
    if start and text[start - 1] in _DIGITS and not re.search(r"\s", text[start:end]):
        return True
    if end - start == 1 and re.search(r"[0-9０-９][ 　]$", text[max(0, start - 2) : start]):
        return True  # a one-letter suffix after a space (the planet "TOI-5127 b")
    return bool(re.match(r"[ 　\-]?[0-9０-９]", text[end : end + 2]))


#: ASCII letters to the full-width forms JMdict writes them in (Ｔシャツ, ｅスポーツ).
_FULL_WIDTH = {c: c + 0xFEE0 for c in range(0x21, 0x7F)}
#: The most letters of a run that opens a Japanese word (ｉＰＳ細胞).
MAX_WORD_LETTERS = 4


def _opens_dictionary_word(text: str, start: int, end: int) -> bool:
    """Whether the short Latin run ``text[start:end]`` opens a JMdict word with the Japanese
    right after it (eスポーツ, Tシャツ, X線, iPS細胞: JMdict writes their letters full width):
    Japanese spelling, not English left untranslated."""
    run = text[start:end]
    if len(run) > MAX_WORD_LETTERS or not run.isalpha():
        return False
    forms = {run.translate(_FULL_WIDTH), run.upper().translate(_FULL_WIDTH),
             run.lower().translate(_FULL_WIDTH)}  # (Ｅメール for eメール too)
    for n in range(1, 9):
        tail = text[end : end + n]
        if len(tail) < n or tail[-1].isascii() or tail[-1].isspace() or tail[-1] in "、。「」（）・":
            break
        if any(jmdict.glosses(w + tail) for w in forms):
            return True
    return False


def _is_marked_name(text: str, start: int, end: int) -> bool:
    """A company or brand name marked as such by its Japanese context (米Google,
    Veltrion社), where Japanese business news keeps the Latin spelling."""
    before = text[start - 1 : start] if start else ""
    return (bool(before) and before in _COMPANY_PREFIX) or text[end:].startswith(_NAME_SUFFIXES)


def _is_prose(words: list[str]) -> bool:
    """English running text rather than a name, even when it opens with a capital: two or
    more lower-case words that are neither function words nor name particles ("Put the ice
    cream in the freezer"). A name or a work's title in English lowers only those
    ("Memories of the Land and Water", "Vicente del Bosque")."""
    particles = wordlists.name_particles()
    content = [w for w in words if w[:1].islower()
               and w.lower() not in STOPWORDS and w.lower() not in particles]
    return len(content) >= 2 or _is_shouted(words)


#: Words a run in capitals needs to be a shouted English sentence rather than a name or a
#: string of acronyms ("I APOLOGIZE BUT I PICKED UP A SCENT"), and how many of them must be
#: English dictionary words beyond the function words. No translation of WMT24 ESA dev has
#: such a run (none has five capitalised words in a row).
SHOUTED_MIN_WORDS = 5
SHOUTED_MIN_DICTIONARY_WORDS = 3


def _is_shouted(words: list[str]) -> bool:
    """An English sentence written in capitals: :data:`SHOUTED_MIN_WORDS` words or more, all
    in capitals, :data:`SHOUTED_MIN_DICTIONARY_WORDS` of them English words the dictionary
    glosses (lower-cased: "apologize", "picked", "scent"), not function words."""
    if len(words) < SHOUTED_MIN_WORDS or not all(w.isupper() for w in words):
        return False
    known = [w for w in words if len(w) >= 3 and w.lower() not in STOPWORDS
             and english_entry(w.lower()).senses > 0]
    return len(known) >= SHOUTED_MIN_DICTIONARY_WORDS


#: How far apart two untranslated runs of one sentence may lie and still be one English
#: passage (characters). Between them only punctuation, spaces and the Japanese words the
#: passage quotes (in 「」, 『』, quotation marks or backticks) may stand: Japanese text of
#: the sentence's own (a particle after a name) means the runs are separate words.
_PASSAGE_GAP = 40
_QUOTED = re.compile(r"「[^「」]*」|『[^『』]*』|“[^“”]*”|\"[^\"]*\"|`+[^`]*`+")


#: Scripts that have no place in a Japanese translation of English text (Greek is left out:
#: its letters are units and symbols, μg, α): a run of one is text of another language that
#: a multilingual model slipped in (결혼할 in the middle of a Japanese sentence), unless the
#: English quotes the same text.
_FOREIGN_SCRIPTS = (
    ("Korean", "\u1100-\u11FF\u3130-\u318F\uAC00-\uD7AF"),
    ("Cyrillic", "\u0400-\u04FF"),
    ("Hebrew", "\u0590-\u05FF"),
    ("Arabic", "\u0600-\u06FF"),
    ("Devanagari", "\u0900-\u097F"),
    ("Thai", "\u0E00-\u0E7F"),
)
_FOREIGN_RUN = re.compile("|".join(
    f"(?P<{name}>[{chars}]+(?:[ 　][{chars}]+)*)" for name, chars in _FOREIGN_SCRIPTS))


@dataclass(frozen=True, slots=True)
class _Run:
    """One Latin run the policy does not allow (offsets in the segment)."""

    start: int
    end: int
    text: str
    prose: bool  # English words, not a name
    in_ref: bool
    joined: bool = False  # several runs joined into one passage


def _passages(seg: str, runs: list[_Run]) -> list[_Run]:
    """Neighbouring runs joined into one English passage when one of them is running text and
    only a short stretch without a sentence end lies between them (the Japanese words an
    untranslated explanation quotes: ``Both options are valid translations of 「…」 in
    Japanese``): one finding over the passage, not one per piece."""
    out: list[_Run] = []
    for run in runs:
        last = out[-1] if out else None
        gap = seg[last.end : run.start] if last else ""
        if (last is not None and (last.prose or run.prose) and len(gap) <= _PASSAGE_GAP
                and not japanese.has_japanese(_QUOTED.sub("", gap))):
            out[-1] = _Run(last.start, run.end, seg[last.start : run.end], True,
                           last.in_ref and run.in_ref, joined=True)
        else:
            out.append(run)
    return out


class UntranslatedCheck(BaseCheck):
    """Flag Latin-script words in the Japanese that the translation should have rendered."""

    name: ClassVar[str] = "untranslated"
    version: ClassVar[int] = 15
    requires: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, latin_allowed: str | None = None) -> None:
        """Args:
            latin_allowed: path of a house-style policy file (format in the header of
                ``mtqa/data/latin_allowed.tsv``); None for the shipped default.

        Raises:
            ConfigError: the policy file cannot be read or is malformed.
        """
        self.latin_allowed = latin_allowed
        self.policy = load_latin_policy(latin_allowed)

    def signature_parts(self) -> dict[str, str]:
        """Version, and the digest of a policy other than the default (results differ)."""
        custom = "" if self.latin_allowed is None else f"+latin.{self.policy.digest}"
        return {self.name: f"{self.version}{custom}"}

    def _allowed(self, seg: str, a: int, b: int, words: list[str]) -> bool:
        """Whether the policy lets the Latin run ``seg[a:b]`` (``words``) stand."""
        pol = self.policy
        if all(_is_acronym(w, pol.acronym_max) or (pol.brands and _is_brand_like(w))
               or w.lower().rstrip(".") in pol.units or w in pol.terms for w in words):
            return True
        if " ".join(words) in pol.terms:
            return True
        if pol.urls and _is_street_address(seg, a, words):
            return True
        return pol.brands and ((_is_designation(seg, a, b) and len(words) <= MAX_DESIGNATION_WORDS
                                and not _is_prose(words))
                               or bool(_N_FOR_AND.match(seg[a:b])))

    def run(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]:
        if pair.chrome or not pair.mt_sentences:
            return
        text = ctx.translation.text
        seg = text[pair.mt_start : pair.mt_end]
        credit_spans = [m.span() for m in _CREDIT.finditer(seg)]
        credit_spans += [m.span() for m in _BRACKET_GLOSS.finditer(seg)
                         if m.start() > 0 and not japanese.has_latin(seg[m.start() - 1])
                         and not seg[m.start() - 1].isspace()]
        url_spans = [m.span() for m in _URL.finditer(seg)] if self.policy.urls else []
        if self.policy.code:
            url_spans += [m.span() for m in _CODE.finditer(seg)]
        ref_lower = ctx.reference.text.lower().replace("’", "'")
        introduced = introduced_acronyms(text)
        runs: list[_Run] = []
        for m in _LATIN_RUN.finditer(seg):
            a, b = m.span()
            word = m.group().rstrip(".-'’ ")
            b = a + len(word)
            if not word:
                continue
            if any(s <= a < e for s, e in credit_spans + url_spans):
                continue
            words = re.split(r"[ 　]+", word)
            if _opens_dictionary_word(seg, a, b):
                continue  # eスポーツ, Tシャツ: a Japanese word spelt with a letter
            if self._allowed(seg, a, b, words) or _is_marked_name(seg, a, b) or (
                    words[0] in introduced and len(words) == 1):
                continue
            if seg[a - 1 : a] == "&" and seg[b : b + 1] == ";" or _LAUGHTER.fullmatch(word):
                continue  # AT&amp;T: markup escaped, not English; ｗｗ: laughter (笑)
            title = _TITLE_BEFORE_NAME.match(seg, a) is not None
            if all(w.lower() in STOPWORDS for w in words) and not title:
                continue
            # A name left in Latin script is still recoverable by the reader (minor);
            # ordinary English words leave the Japanese reader without the meaning.
            prose = not word[:1].isupper() or _is_prose(words) or title
            runs.append(_Run(a, b, word, prose, word.lower().replace("’", "'") in ref_lower))
        yield from self._foreign(pair, ctx, seg)
        for run in _passages(seg, runs):
            # one English word alone (ping, outage) is minor: of 60 such major findings on
            # WMT24 ESA dev, 3 lay on a span an annotator marked major (16 on any span)
            severity: Severity = "major" if run.prose and (
                run.joined or len(run.text.split()) > 1) else "minor"
            what = "passage" if run.joined else "words" if run.prose else "name"
            yield self.finding(
                text, pair.mt_start + run.start, pair.mt_start + run.end,
                category="untranslated",
                severity=severity,
                message=(
                    f"English {what} '{run.text}' left untranslated"
                    + (" (copied from the reference)" if run.in_ref else "")
                ),
                pair=pair,
                code="UNT001",
            )

    def _foreign(self, pair: AlignedPair, ctx: Context, seg: str) -> Iterator[Finding]:
        """UNT002: text in a script of another language that the English does not have.

        Han characters Japanese does not write (:func:`mtqa.text.language.foreign_han_runs`:
        outside cp932, the simplified forms 你, 这, 为, 过, 协, 议) are Chinese that a
        multilingual model slipped in (你が勝ちます, 因为私の, 寛大协议に). Of the 4,094
        translations of WMT24 ESA en-ja dev, 21 runs of them in 18 translations (two
        systems), 14 on a span an annotator marked (13 major); none in refA, WMT22's
        translations, the cases or riyadh.
        """
        runs = [(m.start(), m.end(), m.lastgroup or "foreign")
                for m in _FOREIGN_RUN.finditer(seg)]
        runs += [(a, b, "Chinese") for a, b in _chinese_runs(seg)]
        for a, b, script in sorted(runs):
            if seg[a:b] in ctx.reference.text:
                continue
            yield self.finding(
                ctx.translation.text, pair.mt_start + a, pair.mt_start + b,
                category="untranslated",
                severity="major",
                message=f"{script} text '{seg[a:b]}' in the translation: the English has "
                "none; text of another language, not a rendering",
                pair=pair,
                code="UNT002",
            )


def _chinese_runs(seg: str) -> list[tuple[int, int]]:
    """Runs of Han characters Japanese does not write (:func:`foreign_han_runs`), less the
    characters of a word Japanese has all the same: one UniDic reads (鷗外, 俱楽部: JIS X
    0213 forms outside cp932) or one JMdict holds alone (𩸽)."""
    runs = list(foreign_han_runs(seg))
    if not runs:
        return []
    toks = japanese.tokenize(seg)
    known = {i for t in toks if t.reading for i in range(t.start, t.end)}
    known |= {i for a, b in runs for i in range(a, b) if jmdict.glosses(seg[i])}
    # a character of a Chinese or Taiwanese personal name, after the name's first
    # characters (蔡玉婷: 婷 is outside cp932, a name's all the same)
    names_end = [t.end for t in toks if t.pos3 == "人名"]
    known |= {i for a, b in runs if b - a <= 2 and any(
        0 <= a - e <= 2 and japanese.has_kanji(seg[e:a]) == (a > e) for e in names_end)
        for i in range(a, b)}
    return list(foreign_han_runs(seg, known))


#: The code of the whole-text finding for a translation that is English (see below).
ENGLISH_TRANSLATION_CODE = "UNT003"


def english_translation_finding(reference: Document, translation: Document,
                                pairs: Sequence[AlignedPair], latin_share: float) -> Finding:
    """UNT003: the one critical finding for a translation that is English, not Japanese.

    A machine-translation system that does not translate answers in English: a language
    model's refusal ("I apologize, but I cannot translate…"), its comments on the text
    around a Japanese phrase, or the source passed through. The pair's language guard lets
    such a text through (``check_pair(..., report_english=True)``) when it is not the
    reference itself, and this finding replaces the checks' noise on English "Japanese".
    The span is the whole text (less the surrounding white space): every word of it is left
    untranslated, and a reviewer would mark all of it.

    Args:
        reference: the English reference.
        translation: the "Japanese" translation, here English.
        pairs: the aligned pairs (for the finding's segment).
        latin_share: the share of the translation's letters that are Latin script.
    """
    text = translation.text
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    segment = next((p.index for p in pairs if p.mt_start < end and start < p.mt_end), None)
    return Finding(
        category="untranslated",
        severity="critical",
        start=start,
        end=end,
        text=text[start:end],
        message=(
            f"the translation is English, not Japanese (Latin {latin_share:.0%} of its "
            "letters): the text was not translated (a refusal, a comment on the text or the "
            "English passed through), or the wrong file was given"
        ),
        reference=reference.text.strip()[:200],
        check="untranslated",
        code=ENGLISH_TRANSLATION_CODE,
        segment=segment,
        evidence=MappingProxyType({"latin_share": f"{latin_share:.3f}"}),
    )
