"""A check on its own: aligned pairs in, findings out, without running the pipeline (#17).

A check's unit test states the English, the Japanese and, when it matters, the
back-translation (and its attributions), and reads what the check finds. Nothing else runs:
no segmenter, no aligner, no confidence model, no policy, so a test of one check fails
only when that check changes. The documents, pairs and :class:`mtqa.checks.Context` are
built as the pipeline builds them (``mtqa/align.py`` joins a bead's back-translations and
shifts their attributions the same way), and the resources are those the pipeline loads
for the check (``mtqa/checks/resources.py``).

    from tests.harness import Bead, run_check

    findings = run_check("numbers", Bead("The fund will raise $12 billion.",
                                         "基金は12億ドルを調達する。"))
    assert [(f.code, f.text) for f in findings] == [("NUM001", "12億ドル")]

Back-translations a test does not give come from :class:`FakeBackTranslator`: a fixed
table first, then (by default) the offline dictionary engine, which is deterministic and
what the rest of the suite runs on; ``FakeBackTranslator({})`` with ``fallback=None``
gives an empty back-translation instead.

Findings keep the offset contract of docs/DESIGN.md: :func:`run_check` fails a test whose
check returns a span that is not ``translation[start:end]``.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mtqa import checks
from mtqa.backtranslate import BackTranslator
from mtqa.checks.resources import load_resources
from mtqa.config import QAConfig
from mtqa.types import AlignedPair, Attribution, BackTranslation, Document, Finding, Sentence

#: The suite's data files (texts of WMT24 ESA dev and cases of benchmarks/perturb.py).
DATA = Path(__file__).resolve().parent / "data"
#: The articles written blind (``data/blind``: ``NAME.en.txt``, ``NAME.ja.txt``).
BLIND = Path(__file__).resolve().parents[1] / "data" / "blind"


def blind_findings(name: str, checks: Sequence[str]) -> list[Finding]:
    """The findings of ``checks`` on the blind article ``name``, checked whole through
    :func:`mtqa.check` with the dictionary back-translator."""
    import mtqa

    report = mtqa.check((BLIND / f"{name}.en.txt").read_text(encoding="utf-8"),
                        (BLIND / f"{name}.ja.txt").read_text(encoding="utf-8"),
                        backtranslator="dictionary", checks=tuple(checks))
    return list(report.finding_list)


def data_rows(name: str) -> list[dict[str, Any]]:
    """The records of the JSON Lines file ``name`` of tests/data, one per line."""
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines()]


#: Professional translations (refA lines of WMT24 ESA) that the word-order checks must
#: leave alone: the refA lines of these files of tests/data.
REFA_FILES = ("refa_reordering.jsonl", "esa_excerpt.jsonl", "perturb_excerpt.jsonl")


@functools.lru_cache(maxsize=8)
def refa_findings(check: str) -> tuple[int, tuple[tuple[int, str, str], ...]]:
    """The number of refA paragraphs of :data:`REFA_FILES`, and (line id, code, text) of
    each finding ``check`` reports on them, each paragraph checked through the whole
    pipeline as benchmarks/esa.py does (once per session for every test that reads it)."""
    import mtqa

    rows = [r for name in REFA_FILES for r in data_rows(name) if r.get("system") == "refA"]
    found = tuple((r["line_id"], f.code, f.text) for r in rows
                  for f in mtqa.check(r["source"], r["translation"], config=False,
                                      backtranslator="dictionary",
                                      checks=(check,)).finding_list)
    return len(rows), found


#: What joins the sentences of one bead (one paragraph), per language: a space in English,
#: nothing in Japanese (written without spaces between sentences).
SENTENCE_JOIN = {"en": " ", "ja": ""}
#: What joins two beads (a new paragraph) in both documents; the pipeline's
#: ``run_segments`` also joins pairs with a newline.
BEAD_JOIN = "\n"


def _as_tuple(side: str | Sequence[str]) -> tuple[str, ...]:
    return (side,) if isinstance(side, str) else tuple(side)


@dataclass(frozen=True)
class Bead:
    """One aligned pair to build: English sentence(s) ↔ Japanese sentence(s).

    Attributes:
        english: the English sentence, or several (a 2:1 bead); ``()`` for an addition.
        japanese: the Japanese sentence, or several; ``()`` for an omission.
        back_translation: the back-translation of the whole Japanese side; ``None`` asks
            the harness's back-translator, sentence by sentence.
        attributions: with ``back_translation``, its links to the Japanese, offsets into
            the back-translation and into the bead's Japanese (as ``AlignedPair`` holds
            them); plain ``(en_start, en_end, ja_start, ja_end)`` tuples are accepted.
        paragraph: the paragraph of both sides; ``None`` starts a new one per bead.
    """

    english: str | Sequence[str] = ()
    japanese: str | Sequence[str] = ()
    back_translation: str | None = None
    attributions: Sequence[Attribution | tuple[int, int, int, int]] = ()
    paragraph: int | None = None

    @property
    def english_sentences(self) -> tuple[str, ...]:
        return _as_tuple(self.english)

    @property
    def japanese_sentences(self) -> tuple[str, ...]:
        return _as_tuple(self.japanese)


@functools.lru_cache(maxsize=1)
def _dictionary_engine() -> BackTranslator:
    from mtqa.backtranslate.dictionary import DictionaryBackTranslator

    return DictionaryBackTranslator()


_DICTIONARY = object()  # the default fallback: the dictionary engine, created on first use


@dataclass
class FakeBackTranslator:
    """A deterministic back-translator for unit tests (docs/STYLE.md "FakeTranslator").

    Sentences of ``known`` get their given back-translation (a string, or a
    :class:`BackTranslation` with attributions); any other sentence goes to ``fallback``
    (the dictionary engine unless told otherwise), or gets an empty back-translation when
    ``fallback`` is ``None``. ``asked`` records every sentence it was given, in order.
    """

    known: Mapping[str, str | BackTranslation] = field(default_factory=dict)
    fallback: Any = _DICTIONARY
    asked: list[str] = field(default_factory=list)

    name = "fake"

    @classmethod
    def available(cls, model: str) -> bool:
        """Always: it needs no model."""
        return True

    @property
    def notes(self) -> tuple[str, ...]:
        """Nothing for the report header."""
        return ()

    def translate(self, sentences: Sequence[str]) -> list[BackTranslation]:
        out = []
        for sentence in sentences:
            self.asked.append(sentence)
            given = self.known.get(sentence)
            if isinstance(given, BackTranslation):
                out.append(given)
            elif given is not None:
                out.append(BackTranslation(given))
            elif self.fallback is None:
                out.append(BackTranslation(""))
            else:
                engine = _dictionary_engine() if self.fallback is _DICTIONARY else self.fallback
                out.extend(engine.translate([sentence]))
        return out

    def signature_parts(self) -> Mapping[str, str]:
        return {"bt": "fake"}


@dataclass(frozen=True)
class Article:
    """What a check sees: both documents, the aligned pairs and the check's context."""

    reference: Document
    translation: Document
    pairs: tuple[AlignedPair, ...]
    context: checks.Context


def _sentences(texts: Sequence[Sequence[str]], paragraphs: Sequence[int], lang: str
               ) -> tuple[str, list[list[Sentence]]]:
    """One document's text and, per bead, its sentences (offsets into that text)."""
    text = ""
    per_bead: list[list[Sentence]] = []
    index = 0
    for b, (sentences, paragraph) in enumerate(zip(texts, paragraphs)):
        if b and text and sentences:
            text += BEAD_JOIN
        own: list[Sentence] = []
        for k, s in enumerate(sentences):
            if k:
                text += SENTENCE_JOIN[lang]
            own.append(Sentence(index, len(text), len(text) + len(s), paragraph))
            text += s
            index += 1
        per_bead.append(own)
    return text, per_bead


def _bead_back_translation(bead: Bead, sentences: Sequence[Sentence], text: str,
                           engine: Any) -> tuple[str, tuple[Attribution, ...]]:
    """The bead's back-translation and attributions (relative to its first Japanese
    sentence), from the bead itself or from ``engine`` sentence by sentence, joined as
    ``mtqa.align`` joins them."""
    if bead.back_translation is not None:
        attrs = tuple(a if isinstance(a, Attribution) else Attribution(*a)
                      for a in bead.attributions)
        return bead.back_translation, attrs
    if not sentences:
        return "", ()
    bts = engine.translate([text[s.start : s.end] for s in sentences])
    parts: list[str] = []
    attrs_out: list[Attribution] = []
    offset = 0
    for s, bt in zip(sentences, bts):
        if parts:
            offset += 1
        shift = s.start - sentences[0].start
        attrs_out.extend(Attribution(x.en_start + offset, x.en_end + offset,
                                     x.ja_start + shift, x.ja_end + shift)
                         for x in bt.attributions)
        parts.append(bt.text)
        offset += len(bt.text)
    return " ".join(parts), tuple(attrs_out)


def build_article(beads: Iterable[Bead | tuple[str, str]], *,
                  check_objects: Sequence[Any] = (), config: QAConfig | None = None,
                  engine: Any = None) -> Article:
    """Documents, pairs and context for ``beads`` (a ``(english, japanese)`` tuple is a
    1:1 bead), with the resources the pipeline would load for ``check_objects``.

    Raises:
        ValueError: no bead, or a bead with neither side.
    """
    beads = [b if isinstance(b, Bead) else Bead(*b) for b in beads]
    if not beads:
        raise ValueError("build_article needs at least one bead")
    if any(not b.english_sentences and not b.japanese_sentences for b in beads):
        raise ValueError("a bead needs an English or a Japanese side")
    engine = FakeBackTranslator() if engine is None else engine
    paragraphs = [k if b.paragraph is None else b.paragraph for k, b in enumerate(beads)]
    en_text, en_sents = _sentences([b.english_sentences for b in beads], paragraphs, "en")
    ja_text, ja_sents = _sentences([b.japanese_sentences for b in beads], paragraphs, "ja")
    reference = Document(en_text, tuple(s for ss in en_sents for s in ss), "en")
    translation = Document(ja_text, tuple(s for ss in ja_sents for s in ss), "ja")
    pairs: list[AlignedPair] = []
    ref_pos = mt_pos = 0
    for k, (bead, ens, jas) in enumerate(zip(beads, en_sents, ja_sents)):
        # an empty side sits where its content would be (types.AlignedPair)
        rs, re_ = (ens[0].start, ens[-1].end) if ens else (ref_pos, ref_pos)
        ms, me = (jas[0].start, jas[-1].end) if jas else (mt_pos, mt_pos)
        ref_pos, mt_pos = re_, me
        bt, attrs = _bead_back_translation(bead, jas, ja_text, engine)
        pairs.append(AlignedPair(
            index=k, ref_sentences=tuple(s.index for s in ens),
            mt_sentences=tuple(s.index for s in jas), ref_start=rs, ref_end=re_,
            mt_start=ms, mt_end=me, reference=en_text[rs:re_], translation=ja_text[ms:me],
            back_translation=bt, attributions=attrs))
    resources = load_resources(config or QAConfig(), list(check_objects))
    ctx = checks.Context(reference, translation, pairs, resources=resources)
    return Article(reference, translation, tuple(pairs), ctx)


def run_check(check: str | Any, *beads: Bead | tuple[str, str],
              config: QAConfig | None = None, engine: Any = None,
              **params: Any) -> list[Finding]:
    """The findings of one check on the article made of ``beads``: ``run`` on every pair
    in order, then ``finish``, as the pipeline calls them.

    Args:
        check: a registered check name (created with ``params``) or a check object.
        *beads: the aligned pairs, in document order.
        config: the configuration the resources are loaded with (e.g. a glossary).
        engine: back-translator for the beads without a back-translation
            (a :class:`FakeBackTranslator` over the dictionary engine by default).
        **params: constructor arguments of the check, when given by name.

    Raises:
        AssertionError: a finding's span is not the Japanese text it claims to be.
    """
    obj = checks.load(check)(**params) if isinstance(check, str) else check
    article = build_article(beads, check_objects=[obj], config=config, engine=engine)
    findings: list[Finding] = []
    for pair in article.pairs:
        findings.extend(obj.run(pair, article.context))
    finish = getattr(obj, "finish", None)
    if finish is not None:
        findings.extend(finish(article.context))
    text = article.translation.text
    for f in findings:  # the offset contract (docs/DESIGN.md), as the pipeline checks it
        assert text[f.start : f.end] == f.text, (f.check, f.code, f.start, f.end, f.text)
        assert f.check == obj.name, (f.check, obj.name)
    return findings


def codes_and_texts(findings: Iterable[Finding]) -> list[tuple[str, str]]:
    """``(code, text)`` of each finding, in the order found: what most tests compare."""
    return [(f.code, f.text) for f in findings]
