"""Token risk: for every Japanese token, a calibrated probability that a careful
post-editor would change it, and a per-segment risk and quality estimate built on it.

The features are what mtqa already knows about a token without a neural model
(:func:`token_features`):

* the findings of the checks that overlap the token, by category;
* whether the token is accounted for by the English source: a JMdict gloss of the token
  (or of the token joined with its neighbour, for compounds UniDic splits) among the
  source's content stems, the English origin of a loanword, a Latin word or a number
  copied from the source, or a katakana reading that romanises to a source word (names);
* UniDic's part of speech and word origin (goshu), the script, unknown words;
* the token's neighbourhood (unmatched content words nearby), relative position,
  repetition, polite register (です/ます in plain-form news prose);
* sentence context (``seg_*`` columns): the share of source content words that some
  token accounts for (coverage), length ratio, chrF of the word-by-word JMdict gloss
  against the source, findings by category, sentence counts, register of the ending.

Two models are fitted on WMT22 en-ja dev only, by ``benchmarks/fit_risk.py``, and shipped
as JSON (``mtqa/data/token_risk.json``: trees and linear models stored as plain arrays,
never a pickle) with their provenance: the token model (gradient-boosted trees: P(BAD) of
a token, from the token-level columns) and the segment model (the mean of a ridge
regression and a random forest: a DA z-score from :func:`segment_summary`: token-risk
aggregates, the ``seg_*`` columns and token-column means). They inform: they never
create findings and never move the gate.

The features deliberately use the dictionary gloss rather than the run's back-translation,
so that the model's inputs mean the same whichever engine the run used.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any

import numpy as np

from ..backtranslate.dictionary import gloss_token
from ..errors import ConfigError
from ..score import chrf
from ..text import japanese, jmdict
from ..text.english import STOPWORDS, stem, words
from ..text.phonetic import latin_key, romaji_key
from ..text.similarity import NameMatcher, english_numbers, japanese_numbers
from ..types import CATEGORIES, AlignedPair, Finding

#: Version of the feature definitions: a model file records the version it was fitted
#: on and is refused by another (its columns would mean something else).
FEATURES_VERSION = 1
#: The shipped parameters (package data, written by benchmarks/fit_risk.py).
DEFAULT_MODEL = "token_risk.json"
#: Parts of speech that get their own indicator (UniDic pos1); the rest share "other".
_POS1 = ("名詞", "動詞", "助詞", "助動詞", "補助記号", "接尾辞", "形容詞", "副詞", "形状詞",
         "代名詞", "接頭辞", "連体詞", "接続詞")
#: UniDic word origins (goshu): native, Sino-Japanese, loanword, proper noun, mixed, symbol.
_GOSHU = ("和", "漢", "外", "固", "混", "記号")
_SCRIPTS = ("kanji", "hiragana", "katakana", "latin", "digit", "symbol")
#: Auxiliaries of the polite register: news prose is written in the plain form, and
#: post-editors of WMT22 en-ja (Wikipedia prose) rewrite です/ます endings.
_POLITE = frozenset({"です", "ます"})
#: Tokens either side considered the neighbourhood (unmatched content words nearby mark
#: a garbled stretch; post-edits span several tokens).
WINDOW = 2
#: Frequent function words (UniDic lemmas) with an indicator each: their edit rates
#: differ (existential 有る/居る, polite です/ます, the pronoun 彼 of literal "his"), which
#: a part-of-speech indicator alone averages away.
FUNCTION_LEMMAS = (
    "の", "は", "が", "を", "に", "で", "と", "も", "て", "から", "や",
    "た", "だ", "ます", "です", "れる", "られる", "ない",
    "為る", "居る", "有る", "成る", "因る", "出来る",
    "彼", "此の", "其の", "其れ",
)
#: Japanese punctuation proper; other punctuation in Japanese prose (．：; ASCII marks)
#: is carried over from English.
_JA_PUNCT = frozenset("、。・「」『』（）〈〉《》【】〔〕ー～…")
_LATIN_WORD = re.compile(r"[A-Za-z\u00C0-\u024F]+")
_HIRAGANA = re.compile(r"[\u3041-\u309F]")
_DIGIT = re.compile(r"[0-9０-９]")
_NAME_POS = frozenset({"固有名詞"})


def _feature_names() -> tuple[str, ...]:
    names = [f"pos_{p}" for p in _POS1] + ["pos_other", "proper_noun", "numeral"]
    names += [f"goshu_{g}" for g in _GOSHU] + ["goshu_unknown"]
    names += [f"script_{s}" for s in _SCRIPTS]
    names += [
        "content", "length", "unknown_word",
        "has_gloss", "gloss_match", "compound_match", "origin_match", "latin_copied",
        "latin_unmatched", "number_match", "number_unmatched", "name_match", "name_exact",
        "matched", "unmatched_content",
        "prev_unmatched", "next_unmatched", "window_unmatched", "window_findings",
        "prev_content", "next_content", "prev_unknown", "next_unknown", "prev_verb",
        "next_verb", "next_aux",
        "rel_position", "tokens_to_end", "last_content", "final_punct", "repeated", "polite",
        "in_parens", "foreign_punct",
    ]
    names += [f"lemma_{lemma}" for lemma in FUNCTION_LEMMAS]
    names += [f"finding_{c}" for c in CATEGORIES]
    names += ["finding_any", "finding_weight"]
    names += [
        "seg_coverage", "seg_ja_matched", "seg_chrf", "seg_log_len_ratio", "seg_src_words",
        "seg_ja_tokens", "seg_latin_share", "seg_findings", "seg_finding_weight",
        "seg_polite", "seg_src_capitalised", "seg_unmatched_share", "seg_sentences_diff",
        "seg_src_uncovered", "seg_foreign_punct", "seg_src_sentences", "seg_src_listlike",
        "seg_plain_end", "seg_noun_end", "seg_hiragana_share", "seg_katakana_share",
        "seg_uncovered_run", "seg_min_sentence_coverage", "seg_latin_outside",
        "seg_anchor_coverage", "seg_anchors",
    ]
    # findings of the segment by category: rare but strong signs of a bad sentence
    # (an omission or a scrambled clause), whatever tokens they cover
    names += [f"seg_finding_{c}" for c in CATEGORIES]
    return tuple(names)


#: Column names of the feature matrix, in order (recorded in the model file).
FEATURE_NAMES: tuple[str, ...] = _feature_names()
_INDEX = {n: i for i, n in enumerate(FEATURE_NAMES)}
#: Columns of :attr:`mtqa.report.Report.token_risk`.
TOKEN_RISK_COLUMNS = ("segment", "start", "end", "token", "risk")


@dataclass(frozen=True, slots=True)
class SpanFinding:
    """What a token feature needs of a finding: its span (relative to the segment's
    Japanese), category and severity weight."""

    start: int
    end: int
    category: str
    weight: float


@dataclass(frozen=True, slots=True)
class TokenRisk:
    """One row of :attr:`mtqa.report.Report.token_risk` (offsets index the Japanese text)."""

    segment: int
    start: int
    end: int
    token: str
    risk: float


@dataclass(frozen=True, slots=True)
class SegmentRisk:
    """Per-segment figures derived from the token risks.

    Attributes:
        risk: expected share of the segment's tokens a post-editor would change (mean
            token risk), in [0, 1].
        quality: predicted human Direct Assessment z-score of the segment (higher is
            better), from the segment model of the shipped parameters.
    """

    risk: float
    quality: float


# --- features ---------------------------------------------------------------------------


def _script(surface: str) -> str:
    if japanese.has_kanji(surface):
        return "kanji"
    if japanese.is_katakana(surface):
        return "katakana"
    if _HIRAGANA.search(surface):
        return "hiragana"
    if japanese.has_latin(surface):
        return "latin"
    if _DIGIT.search(surface):
        return "digit"
    return "symbol"


@functools.lru_cache(maxsize=65536)
def _gloss_stems(form: str) -> frozenset[str]:
    return frozenset(stem(w) for w in jmdict.gloss_words(form))


@functools.lru_cache(maxsize=65536)
def _lemma_stems(surface: str, lemma: str) -> frozenset[str]:
    """Stems of the English a token may stand for: JMdict glosses of surface and lemma,
    and the English origin UniDic records for loanwords (cached: a word recurs)."""
    out = set(_gloss_stems(surface))
    base = japanese.lemma_base(lemma)
    if base != surface:
        out |= _gloss_stems(base)
    origin = japanese.lemma_origin(lemma)
    if origin:
        out.update(stem(w) for w in _LATIN_WORD.findall(origin.lower()))
    return frozenset(out)


def _token_stems(tok: japanese.Token) -> frozenset[str]:
    """Stems of the English ``tok`` may stand for (:func:`_lemma_stems`)."""
    return _lemma_stems(tok.surface, tok.lemma)


#: Shortest stem matched by prefix: a gloss "Russia" meets "Russian", "Japan" "Japanese",
#: "govern" "government"; shorter stems would meet too much ("art" / "article").
MIN_PREFIX_STEM = 5


def _prefix_index(source: frozenset[str]) -> dict[str, frozenset[str]]:
    """Each prefix (of :data:`MIN_PREFIX_STEM` letters or more) of the long source stems,
    mapped to the stems it begins: a gloss stem's longer source forms are then one look-up
    instead of a scan of the sentence."""
    index: dict[str, set[str]] = {}
    for s in source:
        for k in range(MIN_PREFIX_STEM, len(s) + 1):
            index.setdefault(s[:k], set()).add(s)
    return {p: frozenset(v) for p, v in index.items()}


def _match_stems(stems: frozenset[str], src: _Source) -> frozenset[str]:
    """Source stems matched by ``stems``: equal, or one a prefix of the other (derived
    forms the light stemmer leaves apart: demonyms, -ment, -ion), both of at least
    :data:`MIN_PREFIX_STEM` letters."""
    if not stems:  # most tokens (particles, endings) stand for no English word
        return frozenset()
    hits = set(stems & src.stems)
    for t in stems - hits:
        # either rule needs both stems to begin with the same MIN_PREFIX_STEM letters
        if len(t) < MIN_PREFIX_STEM or t[:MIN_PREFIX_STEM] not in src.prefixes:
            continue
        hits.update(src.prefixes.get(t, ()))  # source stems that t begins
        # source stems that begin t
        hits.update(t[:k] for k in range(MIN_PREFIX_STEM, len(t) + 1) if t[:k] in src.stems)
    return frozenset(hits)


def _is_content(tok: japanese.Token) -> bool:
    return tok.is_content or (not tok.is_punct and japanese.has_latin(tok.surface))


@dataclass
class _Source:
    """The English side, prepared once per segment."""

    stems: frozenset[str]
    lower: frozenset[str]
    numbers: frozenset[str]
    n_words: int
    #: stems of the content words in order, with the index of their source sentence
    sequence: tuple[tuple[str, int], ...]
    #: stems of the names (capitalised words not opening a sentence)
    anchors: frozenset[str]
    capitalised: float
    sentences: int
    matcher: Any
    #: :func:`_prefix_index` of ``stems``
    prefixes: dict[str, frozenset[str]]


def _prepare_source(source: str) -> _Source:
    ws = words(source)
    content = [w for w in ws if w.lower not in STOPWORDS and not w.text[0].isdigit()]
    stems = frozenset(stem(w.lower) for w in content)
    alpha = [w.lower for w in ws if w.text[0].isalpha()]
    caps = sum(1 for w in content if w.text[0].isupper())
    ends = [m.end() for m in _EN_SENTENCE_END.finditer(source)]
    sequence = tuple((stem(w.lower), sum(1 for e in ends if e <= w.start)) for w in content)
    # anchors: capitalised words inside a sentence (names) and numbers, which a faithful
    # translation carries over recognisably (romanised reading, Latin copy, digits)
    starts = {0, *(e for e in ends)}
    anchors = frozenset(
        stem(w.lower) for w in content
        if w.text[0].isupper()
        and not any(s_ <= w.start and not source[s_ : w.start].strip() for s_ in starts)
    )
    return _Source(
        stems=stems,
        lower=frozenset(alpha),
        numbers=english_numbers(source),
        n_words=len(ws),
        sequence=sequence,
        anchors=anchors,
        capitalised=caps / max(len(content), 1),
        sentences=max(1, len(_EN_SENTENCE_END.findall(source.strip()))),
        matcher=NameMatcher(w for w in alpha if len(w) > 1),
        prefixes=_prefix_index(stems),
    )


def _name_hits(reading: str, src: _Source) -> tuple[frozenset[str], bool]:
    """Source words whose consonant skeleton matches the romanised ``reading``, and whether
    every part matched exactly (a one-letter difference marks a doubtful transliteration,
    which post-editors correct)."""
    hits: set[str] = set()
    exact = True
    # a full name written as one unknown token ("ヴィラ・コマルティトラン") matches part by part
    for part in re.split(r"[・=＝]", reading):
        roman = japanese.romanize(part)
        if len(roman) < 2:
            continue
        found = src.matcher.match(roman)
        if not found:
            continue
        hits |= found
        key = romaji_key(roman)
        exact = exact and any(latin_key(w) == key for w in found)
    return frozenset(hits), exact and bool(hits)


def _gloss_string(tokens: Sequence[japanese.Token]) -> str:
    return " ".join(g for g in (gloss_token(t) for t in tokens) if g)


@dataclass
class _Segment:
    """What the feature functions share about one segment's tokens.

    The per-token facts are computed once here (a token's script, for instance, is read
    by three columns and two segment figures); ``covered`` collects the source stems some
    token accounts for, and ``matched`` whether each token is accounted for.
    """

    toks: tuple[japanese.Token, ...]
    src: _Source
    content: list[bool]
    scripts: list[str]
    #: the token is half of a compound (two tokens glossed as one word) met in the source
    compound: list[bool]
    #: the token is in a katakana run read as a source name: 0 no, 1 fuzzy, 2 exact
    run_match: list[int]
    in_parens: list[bool]
    covered: set[str]
    matched: list[bool]


def _compound_matches(toks: Sequence[japanese.Token], src: _Source,
                      covered: set[str]) -> list[bool]:
    """Tokens of compounds split by UniDic (展覧|会, 国務|長官) whose pair, glossed as one
    word, meets the source; the stems met are added to ``covered``."""
    compound = [False] * len(toks)
    for i in range(len(toks) - 1):
        a, b = toks[i], toks[i + 1]
        if a.is_punct or b.is_punct or a.end != b.start:
            continue
        hit = _match_stems(_gloss_stems(a.surface + b.surface), src)
        if hit:
            compound[i] = compound[i + 1] = True
            covered |= hit
    return compound


def _katakana_run_matches(toks: Sequence[japanese.Token], src: _Source,
                          covered: set[str]) -> list[int]:
    """Runs of katakana tokens (メディ|ケルト) romanised as one name: 2 for each token of a
    run that matches a source name exactly, 1 fuzzily, 0 otherwise; the names met are
    added to ``covered``."""
    n = len(toks)
    run_match = [0] * n
    i = 0
    while i < n:
        j = i
        while j < n and japanese.is_katakana(toks[j].surface) and toks[j].surface != "・":
            j += 1
        if j - i >= 2:
            hits, exact = _name_hits("".join(t.surface for t in toks[i:j]), src)
            if hits:
                covered.update(stem(h) for h in hits)
                for k in range(i, j):
                    run_match[k] = 2 if exact else 1
        i = max(j, i + 1)
    return run_match


def _parenthesised(toks: Sequence[japanese.Token]) -> list[bool]:
    """Whether each token stands inside parentheses: what stands there is often a copy of
    the source (a name in Latin script) that post-editors keep or drop by house style."""
    in_parens = [False] * len(toks)
    depth = 0
    for i, tok in enumerate(toks):
        norm = japanese.normalize(tok.surface)
        if norm in "([":
            depth += 1
        in_parens[i] = depth > 0
        if norm in ")]" and depth:
            depth -= 1
    return in_parens


def _prepare_segment(toks: tuple[japanese.Token, ...], src: _Source) -> _Segment:
    """The per-token facts of one segment, and the source stems its compounds and
    katakana runs account for (the token rows add the rest)."""
    covered: set[str] = set()
    return _Segment(
        toks=toks,
        src=src,
        content=[_is_content(t) for t in toks],
        scripts=[_script(t.surface) for t in toks],
        compound=_compound_matches(toks, src, covered),
        run_match=_katakana_run_matches(toks, src, covered),
        in_parens=_parenthesised(toks),
        covered=covered,
        matched=[False] * len(toks),
    )


_POS_COLUMN = {p: _INDEX[f"pos_{p}"] for p in _POS1}
_GOSHU_COLUMN = {g: _INDEX[f"goshu_{g}"] for g in _GOSHU}
_SCRIPT_COLUMN = {s: _INDEX[f"script_{s}"] for s in _SCRIPTS}


def _word_columns(row: list[float], seg: _Segment, i: int) -> None:
    """The columns of what the token is, whatever the source: part of speech, origin,
    script, length, position, register, punctuation."""
    tok, n, col = seg.toks[i], len(seg.toks), _INDEX
    for c, v in _own_columns(tok.surface, tok.pos1, tok.pos2, tok.goshu, tok.lemma):
        row[c] = v
    row[col["rel_position"]] = (i + 0.5) / n
    row[col["tokens_to_end"]] = math.log1p(n - 1 - i)
    row[col["final_punct"]] = i == n - 1 and tok.is_punct
    row[col["in_parens"]] = seg.in_parens[i]


@functools.lru_cache(maxsize=65536)
def _own_columns(
    surface: str, pos1: str, pos2: str, goshu: str, lemma: str
) -> tuple[tuple[int, float], ...]:
    """(column, value) of the columns of :func:`_word_columns` that depend on the token
    alone, not on its place in the segment; cached process-wide, keyed by the token's
    word (#17 work done once: a segment repeats its particles, an article its words)."""
    col = _INDEX
    tok = japanese.Token(surface, 0, len(surface), pos1, pos2, "", lemma, "", goshu)
    script = _script(surface)
    cols: dict[int, float] = {}
    cols[_POS_COLUMN.get(pos1, col["pos_other"])] = 1
    cols[col["proper_noun"]] = pos2 in _NAME_POS
    cols[col["numeral"]] = pos2 == "数詞"
    cols[_GOSHU_COLUMN.get(goshu, col["goshu_unknown"])] = 1
    cols[_SCRIPT_COLUMN[script]] = 1
    cols[col["content"]] = _is_content(tok)
    cols[col["length"]] = math.log1p(len(surface))
    # UniDic leaves the origin empty for words it does not know (new transliterations)
    cols[col["unknown_word"]] = not goshu and not tok.is_punct and script != "digit"
    cols[col["polite"]] = pos1 == "助動詞" and lemma in _POLITE
    cols[col["foreign_punct"]] = tok.is_punct and not all(c in _JA_PUNCT for c in surface)
    lemma_col = col.get(f"lemma_{lemma}")
    if lemma_col is not None:
        cols[lemma_col] = 1
    return tuple(cols.items())


def _match_columns(row: list[float], seg: _Segment, i: int) -> bool:
    """The columns of how the token is accounted for by the source (gloss, compound,
    loanword origin, Latin copy, number, name reading); returns whether it is. The source
    stems met are added to ``seg.covered``."""
    tok, src, col, covered = seg.toks[i], seg.src, _INDEX, seg.covered
    script = seg.scripts[i]
    stems = _token_stems(tok) if seg.content[i] else frozenset()
    row[col["has_gloss"]] = bool(stems)
    g_hit = _match_stems(stems, src)
    row[col["gloss_match"]] = bool(g_hit)
    covered |= g_hit
    row[col["compound_match"]] = seg.compound[i]
    origin = japanese.lemma_origin(tok.lemma)
    origin_hit = bool(origin) and stem(origin.lower()) in src.stems
    row[col["origin_match"]] = origin_hit
    latin_hit = False
    if script == "latin":
        ws = [w.lower() for w in _LATIN_WORD.findall(japanese.normalize(tok.surface))]
        latin_hit = bool(ws) and all(w in src.lower or stem(w) in src.stems for w in ws)
        row[col["latin_copied"]] = latin_hit
        row[col["latin_unmatched"]] = not latin_hit
        if latin_hit:
            covered.update(stem(w) for w in ws)
    number_hit = False
    if script == "digit" or tok.pos2 == "数詞":
        nums = japanese_numbers(tok.surface)
        number_hit = bool(nums & src.numbers)
        row[col["number_match"]] = number_hit
        row[col["number_unmatched"]] = bool(nums) and not number_hit
    name = seg.run_match[i]
    if not name and (script == "katakana" or tok.pos2 in _NAME_POS or not tok.goshu):
        hits, exact = _name_hits(tok.reading or tok.surface, src)
        if hits:
            name = 2 if exact else 1
            covered.update(stem(h) for h in hits)
    row[col["name_match"]] = name > 0
    row[col["name_exact"]] = name == 2
    return bool(g_hit) or seg.compound[i] or latin_hit or number_hit or name > 0 or origin_hit


def _token_rows(seg: _Segment) -> np.ndarray:
    """The token-level columns (one row a token), filling ``seg.matched``; rows are built
    as lists and converted once (a NumPy item assignment costs as much as a list's ten)."""
    col = _INDEX
    n = len(seg.toks)
    surface_counts = Counter(t.surface for t, c in zip(seg.toks, seg.content) if c)
    rows = []
    for i, tok in enumerate(seg.toks):
        row: list[float] = [0.0] * len(FEATURE_NAMES)
        _word_columns(row, seg, i)
        matched = seg.matched[i] = _match_columns(row, seg, i)
        row[col["matched"]] = matched
        row[col["unmatched_content"]] = seg.content[i] and not matched
        row[col["repeated"]] = seg.content[i] and surface_counts[tok.surface] > 1
        rows.append(row)
    X = np.array(rows, dtype=np.float64).reshape(n, len(FEATURE_NAMES))
    content_idx = [i for i in range(n) if seg.content[i]]
    if content_idx:
        X[content_idx[-1], col["last_content"]] = 1
    return X


def _neighbour_columns(X: np.ndarray, seg: _Segment) -> None:
    """The columns of the token's neighbourhood: unmatched content words before, after
    and within :data:`WINDOW` tokens (a garbled stretch), and what the adjacent tokens are."""
    col, n, content = _INDEX, len(seg.toks), seg.content
    unmatched = [c and not m for c, m in zip(content, seg.matched)]
    # the nearest content word before and after each token, in one pass each way
    prev_unmatched, next_unmatched = [False] * n, [False] * n
    last = False
    for i in range(n):
        prev_unmatched[i] = last
        if content[i]:
            last = unmatched[i]
    last = False
    for i in range(n - 1, -1, -1):
        next_unmatched[i] = last
        if content[i]:
            last = unmatched[i]
    X[:, col["prev_unmatched"]] = prev_unmatched
    X[:, col["next_unmatched"]] = next_unmatched
    X[:, col["window_unmatched"]] = [
        sum(unmatched[max(0, i - WINDOW) : i + WINDOW + 1]) for i in range(n)
    ]
    for name, shift, source in (
        ("prev_content", 1, col["content"]), ("prev_unknown", 1, col["unknown_word"]),
        ("prev_verb", 1, col["pos_動詞"]), ("next_content", -1, col["content"]),
        ("next_unknown", -1, col["unknown_word"]), ("next_verb", -1, col["pos_動詞"]),
        ("next_aux", -1, col["pos_助動詞"]),
    ):
        flags = X[:, source] > 0
        if shift > 0:
            X[1:, col[name]] = flags[:-1]
        else:
            X[:-1, col[name]] = flags[1:]


def _finding_columns(X: np.ndarray, seg: _Segment, findings: Sequence[SpanFinding]) -> None:
    """The columns of the findings overlapping each token (a zero-width finding marks the
    token at its place) and of the findings within :data:`WINDOW` tokens."""
    col, n = _INDEX, len(seg.toks)
    weight = [0.0] * n
    for f in findings:
        for i, tok in enumerate(seg.toks):
            if (f.start < tok.end and f.end > tok.start) or (
                f.start == f.end and tok.start <= f.start < tok.end
            ):
                X[i, col[f"finding_{f.category}"]] = 1
                X[i, col["finding_any"]] = 1
                weight[i] += f.weight
    X[:, col["finding_weight"]] = weight
    marked = X[:, col["finding_any"]]
    X[:, col["window_findings"]] = [
        marked[max(0, i - WINDOW) : i + WINDOW + 1].sum() for i in range(n)
    ]


def _coverage_figures(seg: _Segment) -> tuple[float, float]:
    """Where the uncovered source words are: the longest run of them (as a share of the
    source's content words) and the lowest coverage of one source sentence. A long run,
    or a sentence with little covered, is content left out (dropped clauses, a second
    sentence missing)."""
    run = longest = 0
    by_sentence: dict[int, list[bool]] = {}
    for st, k in seg.src.sequence:
        hit = st in seg.covered
        by_sentence.setdefault(k, []).append(hit)
        run = 0 if hit else run + 1
        longest = max(longest, run)
    min_sentence_coverage = min((sum(v) / len(v) for v in by_sentence.values()), default=1.0)
    return longest / max(len(seg.src.sequence), 1), min_sentence_coverage


def _segment_columns(X: np.ndarray, seg: _Segment, source: str, translation: str,
                     findings: Sequence[SpanFinding]) -> None:
    """The sentence-context columns (``seg_*``), the same in every row of the segment."""
    toks, src, covered, content = seg.toks, seg.src, seg.covered, seg.content
    n, n_content, length = len(toks), max(sum(content), 1), max(len(translation), 1)
    unmatched = sum(c and not m for c, m in zip(content, seg.matched))
    chars: Counter[str] = Counter()  # characters per script
    outside = 0  # Latin characters outside parentheses
    for tok, script, in_parens in zip(toks, seg.scripts, seg.in_parens):
        chars[script] += len(tok.surface)
        outside += len(tok.surface) if script == "latin" and not in_parens else 0
    gloss = _gloss_string(toks)
    c = chrf(gloss, source) if gloss else None
    ending = _ending(toks)
    uncovered_run, min_sentence_coverage = _coverage_figures(seg)
    anchors = len(src.anchors) + len(src.numbers)
    seg_weight = sum(f.weight for f in findings)
    figures = {
        "seg_coverage": len(covered & src.stems) / max(len(src.stems), 1),
        "seg_ja_matched": sum(m for m, c_ in zip(seg.matched, content) if c_) / n_content,
        "seg_chrf": (c or 0.0) / 100.0,
        "seg_log_len_ratio": math.log((len(translation) + 1) / (len(source) + 1)),
        "seg_src_words": math.log1p(src.n_words),
        "seg_ja_tokens": math.log1p(n),
        "seg_latin_share": chars["latin"] / length,
        "seg_findings": math.log1p(len(findings)),
        "seg_finding_weight": math.log1p(seg_weight),
        "seg_polite": float(X[:, _INDEX["polite"]].any()),
        "seg_src_capitalised": src.capitalised,
        "seg_unmatched_share": unmatched / n_content,
        # a sentence of the source left out entirely shows as fewer sentence ends
        "seg_sentences_diff": float(src.sentences - _count_ja_sentences(translation)),
        "seg_src_uncovered": math.log1p(len(src.stems - covered)),
        "seg_foreign_punct": float(X[:, _INDEX["foreign_punct"]].sum()) / n,
        "seg_src_sentences": float(src.sentences),
        # glossary-style sources ("Pld - played; w - won") are fragments, hard to render
        "seg_src_listlike": float(bool(_LISTLIKE.search(source))),
        "seg_plain_end": float(ending == "plain"),
        "seg_noun_end": float(ending == "noun"),
        "seg_hiragana_share": chars["hiragana"] / length,
        "seg_katakana_share": chars["katakana"] / length,
        "seg_uncovered_run": uncovered_run,
        "seg_anchor_coverage": (
            (len(src.anchors & covered) + len(src.numbers & japanese_numbers(translation)))
            / max(anchors, 1)
        ),
        "seg_anchors": math.log1p(anchors),
        "seg_min_sentence_coverage": min_sentence_coverage,
        "seg_latin_outside": outside / length,
    }
    for category, count in Counter(f.category for f in findings).items():
        figures[f"seg_finding_{category}"] = math.log1p(count)
    for k, v in figures.items():
        X[:, _INDEX[k]] = v


def token_features(
    source: str,
    translation: str,
    findings: Sequence[SpanFinding] = (),
) -> tuple[tuple[japanese.Token, ...], np.ndarray]:
    """Tokens of ``translation`` and their feature matrix (one row a token).

    Args:
        source: the English sentence(s) of the segment.
        translation: the Japanese sentence(s) of the segment.
        findings: findings of the segment with spans relative to ``translation``.

    Returns:
        The UniDic tokens (offsets index ``translation``) and a float matrix with the
        columns :data:`FEATURE_NAMES`.
    """
    toks = japanese.tokenize(translation)
    if not toks:
        return toks, np.zeros((0, len(FEATURE_NAMES)), dtype=np.float64)
    seg = _prepare_segment(toks, _prepare_source(source))
    X = _token_rows(seg)
    _neighbour_columns(X, seg)
    _finding_columns(X, seg, findings)
    _segment_columns(X, seg, source, translation, findings)
    return toks, X


_JA_SENTENCE_END = re.compile(r"[。！？!?]|\.(?=\s|$)|．")
_EN_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z\"']|\s*$)")


_LISTLIKE = re.compile(r"[:;]| - ")


def _ending(toks: Sequence[japanese.Token]) -> str:
    """How the last sentence ends: "plain" (である, だ, した: the register of news and
    encyclopedic prose), "polite" (です, ます), "noun" (a noun before the full stop), or
    "other"."""
    words_ = [t for t in toks if not t.is_punct]
    if not words_:
        return "other"
    last = words_[-1]
    if last.pos1 == "助動詞" and last.lemma in _POLITE or any(
        t.lemma in _POLITE and t.pos1 == "助動詞" for t in words_[-3:]
    ):
        return "polite"
    if last.pos1 in {"助動詞", "動詞", "形容詞"}:
        return "plain"
    if last.pos1 in {"名詞", "接尾辞"}:
        return "noun"
    return "other"


def _count_ja_sentences(text: str) -> int:
    return max(1, len(_JA_SENTENCE_END.findall(text.strip())))


def segment_summary(X: np.ndarray, risks: np.ndarray) -> np.ndarray:
    """Inputs of the segment model: token-risk aggregates, the sentence features and the
    mean of each token feature over the segment (columns :data:`SEGMENT_FEATURE_NAMES`)."""
    if len(risks) == 0:
        return np.zeros(len(SEGMENT_FEATURE_NAMES))
    aggregates = [float(np.mean(risks)), float(np.max(risks)), float(np.mean(risks >= 0.5))]
    return np.concatenate(
        [np.asarray(aggregates), X[0, _SEG_COLUMNS], X[:, _TOKEN_COLUMNS].mean(axis=0)]
    )


_SEG_COLUMNS = [i for i, n in enumerate(FEATURE_NAMES) if n.startswith("seg_")]
_TOKEN_COLUMNS = [i for i, n in enumerate(FEATURE_NAMES) if not n.startswith("seg_")]
#: Columns of the segment model's input (:func:`segment_summary`).
SEGMENT_FEATURE_NAMES: tuple[str, ...] = (
    ("risk_mean", "risk_max", "risk_share_high")
    + tuple(FEATURE_NAMES[i] for i in _SEG_COLUMNS)
    + tuple(f"mean_{FEATURE_NAMES[i]}" for i in _TOKEN_COLUMNS)
)


# --- models (plain arrays, applied with numpy) -------------------------------------------


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -35.0, 35.0)))


def predict_linear(params: Mapping[str, Any], X: np.ndarray) -> np.ndarray:
    """``intercept + ((X - mean) / scale) @ coef`` of a stored linear model."""
    mean = np.asarray(params["mean"], dtype=np.float64)
    scale = np.asarray(params["scale"], dtype=np.float64)
    coef = np.asarray(params["coef"], dtype=np.float64)
    return float(params["intercept"]) + ((X - mean) / scale) @ coef


def predict_trees(params: Mapping[str, Any], X: np.ndarray) -> np.ndarray:
    """Raw score of stored trees: ``baseline`` + the sum of leaf values (gradient-boosted
    trees, kind ``gbdt``) or the mean of leaf values (a random forest, kind ``forest``).

    Each tree is parallel arrays over its nodes: ``feature`` (-1 for a leaf),
    ``threshold`` (go left when ``x <= threshold``), ``left``, ``right``, ``value`` and
    ``missing_left`` (where a NaN goes). A forest compares its inputs as 32-bit floats,
    as the library that fitted it did.

    The leaf values of every (row, tree) pair are gathered into one (rows x trees) matrix
    and summed by row (:func:`_leaves`): all pairs step down one level together, as many
    steps as the deepest tree has levels, a leaf leading to itself. The trees are small
    (the token model's 150 have at most 13 nodes, 6 levels), so walking every pair the
    full depth costs less than sorting out at each level the pairs still walking (#17:
    2.9 -> 1.8 ms for a short article's 430 tokens, 48 -> 32 ms for 5,000; the same leaves,
    so the same sums to the last bit).
    """
    forest = params.get("kind") == "forest"
    if forest:
        X = X.astype(np.float32).astype(np.float64)
    trees = params["trees"]
    out = np.zeros(X.shape[0], dtype=np.float64)
    if trees and X.shape[0]:
        walk = params.get("padded") or _padded_trees(trees)
        out = np.concatenate([_leaves(walk, X[k : k + _ROWS_PER_WALK]).sum(axis=1)
                              for k in range(0, X.shape[0], _ROWS_PER_WALK)])
        if forest:
            out /= len(trees)
    return out + float(params.get("baseline", 0.0))


#: Rows walked in one step of :func:`predict_trees`: the pair arrays (rows x trees, 8 bytes
#: an entry) stay within a few megabytes however long the article.
_ROWS_PER_WALK = 4096


@dataclass(frozen=True)
class _TreeWalk:
    """The node arrays of all trees, flattened (tree ``t``'s node ``n`` is
    ``root[t] + n``) and made for :func:`_leaves`: a leaf's children are itself and its
    feature column 0, so that a pair at a leaf stays there whatever it reads."""

    root: np.ndarray
    feature: np.ndarray
    threshold: np.ndarray
    value: np.ndarray
    missing_left: np.ndarray
    #: children side by side: ``child[2 * node]`` the left one, ``child[2 * node + 1]`` the right
    child: np.ndarray
    #: the number of levels of the deepest tree
    depth: int


def _leaves(walk: _TreeWalk, X: np.ndarray) -> np.ndarray:
    """Leaf value of each (row, tree) pair; (rows x trees). A NaN input goes to the node's
    ``missing_left`` side."""
    n_trees = len(walk.root)
    n_rows, n_cols = X.shape
    node = np.tile(walk.root, n_rows)  # pair k is row k // n_trees, tree k % n_trees
    cell = np.repeat(np.arange(n_rows, dtype=np.int64) * n_cols, n_trees)
    values = np.ascontiguousarray(X).ravel()
    nan = bool(np.isnan(values).any())
    for _ in range(walk.depth):
        x = values[cell + walk.feature[node]]
        go_right = ~(x <= walk.threshold[node])
        if nan:
            go_right = np.where(np.isnan(x), ~walk.missing_left[node], go_right)
        node = walk.child[2 * node + go_right]
    return walk.value[node].reshape(n_rows, n_trees)


def _depth(feature: np.ndarray, left: np.ndarray, right: np.ndarray) -> int:
    """Levels of the deepest of the trees (rows of the node arrays; 0 for a lone leaf)."""
    deepest = 0
    for t in range(feature.shape[0]):
        level, nodes = 0, [0]
        while True:
            nodes = [c for n in nodes if feature[t, n] >= 0 for c in (left[t, n], right[t, n])]
            if not nodes:
                break
            level += 1
        deepest = max(deepest, level)
    return deepest


def _padded_trees(trees: Sequence[Mapping[str, Any]]) -> _TreeWalk:
    """The node arrays of all trees as (trees × nodes) matrices, padded with leaves, then
    flattened for :func:`_leaves`."""
    width = max(len(t["feature"]) for t in trees)
    arrays = []
    for name, dtype, fill in (("feature", np.int64, -1), ("threshold", np.float64, 0.0),
                              ("left", np.int64, 0), ("right", np.int64, 0),
                              ("value", np.float64, 0.0), ("missing_left", bool, False)):
        m = np.full((len(trees), width), fill, dtype=dtype)
        for i, t in enumerate(trees):
            m[i, : len(t[name])] = t[name]
        arrays.append(m)
    feature, threshold, left, right, value, missing_left = arrays
    root = np.arange(len(trees), dtype=np.int64) * width
    leaf = feature < 0
    itself = np.arange(width)[None, :] + root[:, None]
    child = np.stack([np.where(leaf, itself, left + root[:, None]),
                      np.where(leaf, itself, right + root[:, None])], axis=-1).ravel()
    return _TreeWalk(root=root, feature=np.where(leaf, 0, feature).ravel(),
                     threshold=threshold.ravel(), value=value.ravel(),
                     missing_left=missing_left.ravel(), child=child,
                     depth=_depth(feature, left, right))


def _with_padded_trees(params: Mapping[str, Any]) -> Mapping[str, Any]:
    """Stored parameters with their trees padded once (``padded``), as a loaded model
    keeps them, so that predictions do not rebuild the matrices at every call."""
    out = dict(params)
    if out.get("trees"):
        out["padded"] = _padded_trees(out["trees"])
    if "members" in out:
        out["members"] = [_with_padded_trees(m) for m in out["members"]]
    return out


def predict_raw(
    params: Mapping[str, Any], X: np.ndarray, names: Sequence[str] | None = None
) -> np.ndarray:
    """Raw score (log-odds or regression value) of a stored model.

    Args:
        params: the stored model (``kind`` logistic, linear, gbdt, forest, or mean: the
            average of its ``members``).
        X: input matrix.
        names: the column names of ``X``; when the model lists the ``features`` it uses,
            those columns are selected by name.
    """
    kind = params.get("kind")
    if kind == "mean":  # the average of member models (each selects its own columns)
        members = params.get("members") or ()
        if not members:
            raise ConfigError("token risk model: a 'mean' model needs members")
        return np.mean([predict_raw(m, X, names) for m in members], axis=0)
    used = params.get("features")
    if used is not None and names is not None:
        index = {n: i for i, n in enumerate(names)}
        X = X[:, [index[n] for n in used]]
    if kind == "logistic" or kind == "linear":
        return predict_linear(params, X)
    if kind == "gbdt" or kind == "forest":
        return predict_trees(params, X)
    raise ConfigError(
        f"token risk model: unknown model kind {kind!r} (logistic, linear, gbdt, forest, mean)"
    )


@dataclass(frozen=True)
class RiskModel:
    """The fitted token model, segment model, threshold and provenance of a model file."""

    token: Mapping[str, Any]
    segment: Mapping[str, Any]
    threshold: float
    provenance: Mapping[str, Any]
    path: str = ""

    @property
    def version(self) -> str:
        """Short identifier for the signature: feature version + fit date."""
        return f"token-{FEATURES_VERSION}@{self.provenance.get('date', 'unknown')}"

    def token_risk(self, X: np.ndarray) -> np.ndarray:
        """P(BAD) of each row of a :func:`token_features` matrix."""
        if X.shape[0] == 0:
            return np.zeros(0)
        return _sigmoid(predict_raw(self.token, X, FEATURE_NAMES))

    def segment_qualities(self, summaries: np.ndarray) -> np.ndarray:
        """Predicted DA z-scores of segments, one :func:`segment_summary` a row."""
        return np.asarray(predict_raw(self.segment, summaries, SEGMENT_FEATURE_NAMES),
                          dtype=np.float64)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], path: str = "") -> RiskModel:
        """Validate and wrap a model object (as written by ``benchmarks/fit_risk.py``).

        Raises:
            ConfigError: missing parts, or features that differ from this mtqa's.
        """
        where = path or "token risk model"
        for key in ("features_version", "feature_names", "token", "segment", "threshold",
                    "provenance", "segment_feature_names"):
            if key not in data:
                raise ConfigError(f"{where}: missing {key!r}; refit with benchmarks/fit_risk.py")
        token_used = set(data["token"].get("features", data["feature_names"]))
        segment_used = set(data["segment"].get("features", data["segment_feature_names"]))
        if (
            data["features_version"] != FEATURES_VERSION
            or tuple(data["feature_names"]) != FEATURE_NAMES
            or tuple(data["segment_feature_names"]) != SEGMENT_FEATURE_NAMES
            or not token_used <= set(FEATURE_NAMES)
            or not segment_used <= set(SEGMENT_FEATURE_NAMES)
        ):
            differ = sorted(set(data["feature_names"]) ^ set(FEATURE_NAMES))
            raise ConfigError(
                f"{where}: fitted on other features (version {data['features_version']}, this "
                f"mtqa has {FEATURES_VERSION}; differing: {', '.join(differ[:6]) or 'order'}); "
                "refit with benchmarks/fit_risk.py"
            )
        return cls(
            token=_with_padded_trees(data["token"]),
            segment=_with_padded_trees(data["segment"]),
            threshold=float(data["threshold"]),
            provenance=data["provenance"],
            path=path,
        )

    @classmethod
    def load(cls, path: str | Path | None = None) -> RiskModel:
        """Read a model file (the shipped one when ``path`` is None).

        Raises:
            ConfigError: unreadable or invalid file.
        """
        if path is None:
            return _default_model()
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            raise ConfigError(f"{path}: cannot read the token risk model ({err})") from err
        return cls.from_dict(data, str(path))


@functools.lru_cache(maxsize=1)
def _default_model() -> RiskModel:
    ref = importlib_resources.files("mtqa") / "data" / DEFAULT_MODEL
    try:
        data = json.loads(ref.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise ConfigError(
            f"mtqa/data/{DEFAULT_MODEL}: cannot read the shipped token risk model ({err}); "
            "reinstall mtqa or refit with benchmarks/fit_risk.py"
        ) from err
    return RiskModel.from_dict(data, f"mtqa/data/{DEFAULT_MODEL}")


# --- applying to a report ---------------------------------------------------------------


def pair_span_findings(pair: AlignedPair, findings: Iterable[Finding]) -> list[SpanFinding]:
    """Findings that fall in ``pair``'s Japanese, with spans relative to it."""
    out = []
    for f in findings:
        inside = pair.mt_start <= f.start and f.end <= pair.mt_end
        if f.segment == pair.index or (inside and f.segment is None):
            s = min(max(f.start - pair.mt_start, 0), pair.mt_end - pair.mt_start)
            e = min(max(f.end - pair.mt_start, s), pair.mt_end - pair.mt_start)
            out.append(SpanFinding(s, e, f.category, f.weight))
    return out


def score_pairs(
    translation_text: str,
    pairs: Sequence[AlignedPair],
    findings: Sequence[Finding],
    model: RiskModel | None = None,
) -> tuple[tuple[TokenRisk, ...], tuple[SegmentRisk | None, ...]]:
    """Token risks of every content pair of a report and the per-segment figures.

    Pairs without Japanese (omissions) or page chrome get no rows and ``None``.
    """
    model = model or RiskModel.load()
    scored: list[int] = []  # positions in ``pairs`` with tokens
    features: list[tuple[AlignedPair, tuple[japanese.Token, ...], np.ndarray]] = []
    for k, pair in enumerate(pairs):
        if pair.chrome or not pair.mt_sentences or pair.mt_end <= pair.mt_start:
            continue
        ja = translation_text[pair.mt_start : pair.mt_end]
        toks, X = token_features(pair.reference, ja, pair_span_findings(pair, findings))
        if toks:
            scored.append(k)
            features.append((pair, toks, X))
    segs: list[SegmentRisk | None] = [None] * len(pairs)
    if not scored:
        return (), tuple(segs)
    # each model once over all rows: the trees are walked level by level over the whole
    # matrix, so one call costs about what one segment's call did (a row's risk does not
    # depend on the rows beside it)
    risks = model.token_risk(np.vstack([X for _, _, X in features]))
    rows: list[TokenRisk] = []
    means: list[float] = []
    summaries: list[np.ndarray] = []
    start = 0
    for pair, toks, X in features:
        p = risks[start : start + len(toks)]
        start += len(toks)
        for tok, r in zip(toks, p):
            rows.append(
                TokenRisk(pair.index, pair.mt_start + tok.start, pair.mt_start + tok.end,
                          tok.surface, round(float(r), 4))
            )
        means.append(float(p.mean()))
        summaries.append(segment_summary(X, p))
    qualities = model.segment_qualities(np.vstack(summaries))
    for k, mean, quality in zip(scored, means, qualities):
        segs[k] = SegmentRisk(round(mean, 4), round(float(quality), 4))
    return tuple(rows), tuple(segs)
