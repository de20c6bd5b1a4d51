"""Sentence segmentation of English and Japanese news text, with page chrome recognised.

A paragraph is a block separated by a blank line (a single newline also ends a
sentence: headlines and captions carry no final punctuation). Chrome lines (share
buttons, comment forms, gallery links, auto-generated disclaimers) are matched against
``mtqa/data/chrome.txt``, a general list of web-page furniture in both languages.

Chrome is a line or a short block, never a paragraph of content (issue #15: one boilerplate
phrase inside a one-paragraph article used to turn the whole article into chrome, and the
gate passed it unchecked). So a pattern marks a whole line only when the line is short
(``CHROME_MAX_CHARS``); in a longer line only short matching sentences at the line's start
or end (a syndication note glued to the last paragraph) are chrome, never one in its middle.
What is marked here is a candidate: :func:`mtqa.align.settle_chrome` returns to the content
any such sentence that translates the other side's content.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

from .types import Document, Sentence

SEGMENTER_VERSION = "rules-6"

#: The marks that end a Japanese sentence (。！？ and their ASCII and full-width variants);
#: the one copy the segmenter, the checks and the back-translation splitter read.
JA_FULL_STOPS = "。．！？!?"
#: The closing brackets and quotes that belong to the sentence before them (…。」).
JA_CLOSERS = "」』）)”’\""
# Japanese sentence ends: full stops, optionally followed by closers. The full-width period
# between two digits is a decimal point (４．８１７秒), as the ASCII one is.
_JA_END = re.compile(
    f"(?:[{JA_FULL_STOPS.replace('．', '')}]|(?<!\\d)．|．(?!\\d))+[{JA_CLOSERS}]*")
# Abbreviations after which a period does not end an English sentence.
_EN_ABBREV = frozenset(
    """mr mrs ms dr prof sr jr st gen col lt sgt capt cmdr adm gov sen rep rev hon pres
    jan feb mar apr jun jul aug sep sept oct nov dec inc ltd co corp no vs etc dept univ
    mt ft approx u.s u.k u.n e.u d.c a.m p.m e.g i.e""".split()
)
#: Abbreviations only before a number ("No. 10 Downing Street"): before a word the period
#: ends the answer "No." ("No. Kari tapped out.").
_EN_NUMBER_ABBREV = frozenset({"no"})
#: What follows a number abbreviation: a digit, or the number sign's own # ("No. #3").
_NUMBER_NEXT = re.compile(r"\s*[#\d]")
_EN_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
# The same in a line written in lower case (informal posts: "dang... a nationwide outage. no
# wonder why"), where a sentence may begin with a small letter.
_EN_END_LOWER = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Za-z0-9])")
# The first word of a line that is not a handle, a hashtag or a link.
_EN_FIRST_WORD = re.compile(r"(?<!\S)(?![@#]|https?:)[\"'“‘(\[]*([A-Za-z])")


@functools.lru_cache(maxsize=1)
def _chrome_patterns() -> tuple[re.Pattern[str], ...]:
    text = resources.files("mtqa").joinpath("data/chrome.txt").read_text(encoding="utf-8")
    pats = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            pats.append(re.compile(line, re.IGNORECASE))
    return tuple(pats)


#: Longest line or sentence (characters, trimmed) that can be page chrome. Labels and buttons
#: are a few words; the longest furniture in the data is a syndication note (83 Japanese
#: characters in data/riyadh, about 140 in its usual English wording). A sentence of the
#: median length (51 Japanese, 108 English characters: WMT22 en-ja dev) fits too, which is
#: why a match inside a longer line counts only at the line's edges and why the aligner has
#: the last word (:func:`mtqa.align.settle_chrome`).
CHROME_MAX_CHARS = 160


def is_chrome(line: str) -> bool:
    """True when ``line`` (one sentence or line) reads as page furniture, not article content.

    A line longer than ``CHROME_MAX_CHARS`` is never chrome, whatever it contains: furniture
    is short, and a long line that mentions a furniture phrase is prose.
    """
    s = line.strip()
    if not s or len(s) > CHROME_MAX_CHARS:
        return False
    return any(p.search(s) for p in _chrome_patterns())


def _chrome_flags(text: str, line_start: int, line_end: int,
                  spans: list[tuple[int, int]]) -> list[bool]:
    """Which sentences ``spans`` of one line are page chrome.

    The whole line when it is short and matches; otherwise the matching sentences that form
    a run at the start or at the end of the line. A matching sentence between two content
    sentences is content: furniture sits at the edges of a block, never inside prose.
    """
    if is_chrome(text[line_start:line_end]):
        return [True] * len(spans)
    hits = [is_chrome(text[a:b]) for a, b in spans]
    flags = [False] * len(spans)
    for order in (range(len(spans)), range(len(spans) - 1, -1, -1)):
        for k in order:
            if not hits[k]:
                break
            flags[k] = True
    return flags


def _lines(text: str) -> list[tuple[int, int, int]]:
    """(start, end, paragraph) of each non-blank line; blank lines separate paragraphs."""
    out: list[tuple[int, int, int]] = []
    para = -1
    prev_blank = True
    for m in re.finditer(r"[^\r\n]*(?:\r\n|\r|\n|$)", text):
        if m.start() == len(text) and not m.group():
            break
        body = m.group().rstrip("\r\n")
        start = m.start()
        end = start + len(body)
        if not body.strip():
            prev_blank = True
            continue
        if prev_blank:
            para += 1
        prev_blank = False
        # trim surrounding whitespace but keep offsets into the original text
        lead = len(body) - len(body.lstrip())
        trail = len(body) - len(body.rstrip())
        out.append((start + lead, end - trail, para))
    return out


def _split_ja(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = start
    depth = 0  # inside 「…」 a 。 does not end the sentence unless the quote closes too
    i = start
    while i < end:
        c = text[i]
        if c in "「『":
            depth += 1
        elif c in "」』":
            depth = max(0, depth - 1)
        m = _JA_END.match(text, i, end)
        if m and depth == 0:
            spans.append((pos, m.end()))
            pos = m.end()
            i = m.end()
            continue
        if m and depth > 0:
            i = m.end()
            # a quote that closes right after the stop ends the sentence too
            if text[m.end() - 1] in "」』":
                depth = max(0, depth - 1)
                if depth == 0:
                    spans.append((pos, m.end()))
                    pos = m.end()
            continue
        i += 1
    if pos < end:
        spans.append((pos, end))
    return _trim(text, spans)


def closes_abbreviation(text: str, start: int, at: int, after: int) -> bool:
    """Whether the period at ``at`` (the word before it begins at or after ``start``; the
    text goes on at ``after``) closes an abbreviation or an initial rather than a
    sentence: "U.S. officials", "Feb. 18", "J. Smith", "No. 10" (not "the 1970s.")."""
    tok = _word_before(text, start, at)
    return bool(tok) and (tok in _EN_ABBREV or len(tok) == 1) and not (
        tok in _EN_NUMBER_ABBREV and not _NUMBER_NEXT.match(text, after))


def _word_before(text: str, start: int, at: int) -> str:
    """The whole word (lower case, without its periods) that ends at ``at``, from
    ``start`` on, or '': the "s" of "the 1970s." or the "k" of "100k." is no word."""
    last = re.search(r"(?<![\w'’])([A-Za-z.]+)$", text[start:at])
    return last.group(1).lower().rstrip(".") if last else ""


#: Abbreviations that always go on into the next word, a name: "Mr. Ruelas", "St. Paul".
_EN_TITLE_ABBREV = frozenset(
    "mr mrs ms dr prof st gen col lt sgt capt cmdr adm gov sen rep rev hon pres".split())


def abbreviation_goes_on(text: str, start: int, at: int, after: int) -> bool:
    """Whether the period at ``at`` closes an abbreviation that surely goes on into what
    follows (:func:`closes_abbreviation`, then a digit or a small letter, or a title or an
    initial before a name: "Jan. 9", "Mr. Ruelas", "J. Smith"); "Washington, D.C. Johnson
    faces…" may end a sentence there."""
    if not closes_abbreviation(text, start, at, after):
        return False
    if re.match(r"\s*[a-z0-9]", text[after : after + 4]):
        return True
    tok = _word_before(text, start, at)
    return tok in _EN_TITLE_ABBREV or len(tok) == 1


def _split_en(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """English sentences of one line: a full stop, question or exclamation mark before a
    capital or a digit ends a sentence, unless it closes an abbreviation or an initial.
    A line that begins with a small letter is written in lower case throughout (social
    posts): there a small letter may begin the next sentence too, or the whole post is one
    "sentence" that the Japanese renders in several, each then taken for an addition."""
    spans: list[tuple[int, int]] = []
    pos = start
    first = _EN_FIRST_WORD.search(text, start, end)
    ends = _EN_END_LOWER if first is not None and first.group(1).islower() else _EN_END
    for m in ends.finditer(text, start, end):
        if m.group().startswith("..") and text[m.end() : end].lstrip()[:1].islower():
            continue  # "dang... a nationwide outage": an ellipsis before a small letter pauses
        if m.group().startswith(".") and closes_abbreviation(text, pos, m.start(), m.end()):
            continue
        spans.append((pos, m.end()))
        pos = m.end()
    if pos < end:
        spans.append((pos, end))
    return _trim(text, spans)


def _trim(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
    return out


def segment(text: str, lang: str) -> Document:
    """Split ``text`` into sentences (offsets into ``text``) with paragraph indices.

    Args:
        text: the document exactly as decoded.
        lang: ``"en"`` or ``"ja"``.
    """
    splitter = _split_ja if lang == "ja" else _split_en
    sentences: list[Sentence] = []
    for line_start, line_end, para in _lines(text):
        spans = splitter(text, line_start, line_end)
        for (a, b), chrome in zip(spans, _chrome_flags(text, line_start, line_end, spans)):
            sentences.append(Sentence(len(sentences), a, b, para, chrome))
    return Document(text=text, sentences=tuple(sentences), lang=lang)
