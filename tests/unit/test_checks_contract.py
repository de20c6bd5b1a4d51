"""The contract between the pipeline and a check (#17): ``run`` on every pair, then ``finish``
once; a typed state per check that lasts one document; findings built by
``BaseCheck.finding``; analyses the checks share built once per document."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import ClassVar

import pytest

from mtqa import checks
from mtqa.checks import BaseCheck, Context
from mtqa.config import QAConfig
from mtqa.errors import ConfigError
from mtqa.pipeline import Pipeline
from mtqa.text.glossary import load_glossary
from mtqa.text.lexicon import build_lexicon
from mtqa.types import AlignedPair, Document, Finding, Sentence
from tests.conftest import CASES

PROBE = "contract_probe"


@dataclass
class _Seen:
    """What :class:`PairCountCheck` keeps over a document: the pairs ``run`` saw."""

    pairs: list[int] = field(default_factory=list)
    built: ClassVar[int] = 0

    @classmethod
    def for_document(cls, ctx: Context) -> _Seen:
        cls.built += 1
        return cls()


class PairCountCheck(BaseCheck):
    """A plugin check: counts the pairs of the document and reports the count once, from
    ``finish``, on the first Japanese sentence."""

    name: ClassVar[str] = PROBE

    def run(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]:
        ctx.check_state(_Seen).pairs.append(pair.index)
        return iter(())

    def finish(self, ctx: Context) -> Iterator[Finding]:
        seen = ctx.check_state(_Seen)
        first = ctx.translation.sentences[0]
        yield self.finding(ctx.translation.text, first.start, first.end, category="boilerplate",
                           severity="info", message=f"{len(seen.pairs)} pairs",
                           evidence={"pairs": ",".join(map(str, seen.pairs))})


@pytest.fixture
def probe_pipeline(monkeypatch: pytest.MonkeyPatch) -> Pipeline:
    monkeypatch.setitem(checks._CHECKS, PROBE, f"{__name__}:PairCountCheck")  # noqa: SLF001
    return Pipeline(QAConfig(backtranslator="dictionary", checks=(PROBE,)))


def _probe_findings(report) -> list[Finding]:  # type: ignore[no-untyped-def]
    return [f for f in report.finding_list if f.check == PROBE]


def test_a_plugin_checks_finish_findings_reach_the_report(probe_pipeline: Pipeline):
    report = probe_pipeline.run_segments([("The talks lasted four hours.", "協議は4時間続いた。"),
                                          ("Both sides spoke.", "双方が発言した。")])
    (f,) = _probe_findings(report)
    assert (f.message, f.text, f.segment, f.evidence["pairs"]) == (
        "2 pairs", "協議は4時間続いた。", None, "0,1")
    assert f.to_dict() in report.to_dict()["findings"]


def test_a_checks_state_is_fresh_for_each_document(probe_pipeline: Pipeline):
    built = _Seen.built
    first = probe_pipeline.run_segments([("One.", "一つ。"), ("Two.", "二つ。"), ("Three.", "三つ。")])
    second = probe_pipeline.run_segments([("Four.", "四つ。")])
    assert [f.message for f in _probe_findings(first)] == ["3 pairs"]
    assert [f.message for f in _probe_findings(second)] == ["1 pairs"]  # not 4: no leak
    assert _Seen.built == built + 2  # once per document, not once per pair


def test_the_shipped_checks_keep_nothing_of_the_previous_document():
    """The names check gathers every rendering of a name over the article and the numbers
    check every value of the English: one pipeline's second report equals a fresh one."""
    docs = [(CASES / f"{n}.en.txt", CASES / f"{n}.ja.txt")
            for n in ("g7-communique", "chip-factory")]
    texts = [(en.read_text(encoding="utf-8"), ja.read_text(encoding="utf-8")) for en, ja in docs]
    shared = Pipeline(QAConfig(backtranslator="dictionary"))
    shared.run(*texts[0])
    after_other = shared.run(*texts[1])
    fresh = Pipeline(QAConfig(backtranslator="dictionary")).run(*texts[1])
    assert {"NAM001", "NUM001"} <= {f.code for f in fresh.finding_list}
    assert after_other.finding_list == fresh.finding_list


def test_create_refuses_a_check_without_finish(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setitem(checks._CHECKS, "no_finish", f"{__name__}:_NoFinish")  # noqa: SLF001
    with pytest.raises(ConfigError, match="'no_finish' lacks finish"):
        checks.create(["no_finish"])
    shipped = [n for n in checks.available() if n != "no_finish"]
    assert all(isinstance(c, checks.Check) for c in checks.create(shipped))


class _NoFinish:
    """A plugin written against the old protocol (``run`` only)."""

    name: ClassVar[str] = "no_finish"
    version: ClassVar[int] = 1
    requires: ClassVar[frozenset[str]] = frozenset()

    def run(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]:
        return iter(())

    def signature_parts(self) -> dict[str, str]:
        return {self.name: "1"}


def _context(en: str, ja: str) -> Context:
    ref = Document(en, (Sentence(0, 0, len(en), 0),), "en")
    mt = Document(ja, (Sentence(0, 0, len(ja), 0),), "ja")
    pair = AlignedPair(0, (0,), (0,), 0, len(en), 0, len(ja), en, ja, back_translation="")
    return Context(ref, mt, [pair], resources={})


def test_finding_fills_the_check_segment_and_text_from_the_offsets():
    check = PairCountCheck()
    pair = AlignedPair(4, (4,), (6,), 10, 20, 3, 9, "The talks.", "協議は続いた")
    text = "前文。協議は続いた。"
    f = check.finding(text, 3, 5, category="name", severity="minor", message="m", pair=pair)
    assert (f.check, f.segment, f.reference, f.text) == (PROBE, 4, "The talks.", "協議")
    assert dict(f.evidence) == {} and f.code == ""
    g = check.finding(text, 0, 2, category="name", severity="major", message="m", pair=pair,
                      segment=7, reference="the English", code="X1", evidence={"a": "b"})
    assert (g.segment, g.reference, g.text, g.code, dict(g.evidence)) == (
        7, "the English", "前文", "X1", {"a": "b"})
    h = check.finding(text, 0, 3, category="scrambled", severity="minor", message="m")
    assert (h.segment, h.reference, h.text) == (None, "", "前文。")  # a document's finding


def test_the_checks_share_one_lexicon_and_one_title_lookup_per_document():
    ctx = _context("President Ana Ruiz raised taxes.", "アナ・ルイス大統領は増税した。")
    (pair,) = ctx.pairs
    lex = ctx.lexicon(pair)
    assert ctx.lexicon(pair) is lex  # mistranslation, omission, addition, scrambled
    assert ctx.lexicon_of(pair.reference, [(pair.translation, 0, 0)]) is lex
    fresh = build_lexicon(pair.reference, [(pair.translation, 0, 0)])
    assert [w.text for w in lex.words] == [w.text for w in fresh.words]
    assert lex.links == fresh.links
    gl = load_glossary(None)
    found = ctx.titles(gl, pair.reference)
    assert ctx.titles(gl, pair.reference) is found
    assert [m.text for m in found] == [m.text for m in gl.find(pair.reference)] == ["President"]
    other = _context(pair.reference, pair.translation)
    assert other.lexicon(other.pairs[0]) is not lex  # the next document builds its own
