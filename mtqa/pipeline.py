"""The pipeline: load → segment → back-translate → align → checks → score → report."""

from __future__ import annotations

import contextlib
import gc
import logging
from collections.abc import Callable, Iterator, Sequence
from typing import Any, cast

from . import backtranslate, checks, load, relatedness, segment
from .text import language
from .align import ALIGNER_VERSION, NEURAL_ENGINES, align, joined_back_translation, settle_chrome
from .checks.untranslated import english_translation_finding
from .config import QAConfig
from .errors import FindingSpanError
from .gate import evaluate
from .report import Report, Segment
from .score import SCORE_VERSION, mqm_score, pair_scores, word_count
from .types import SEVERITIES, AlignedPair, Document, Finding, Sentence, Severity
from .version import __version__

log = logging.getLogger(__name__)


class Pipeline:
    """Runs the stages for one configuration; engine and checks are created once."""

    def __init__(
        self,
        config: QAConfig | None = None,
        progress: Callable[[str, int, int], None] | None = None,
    ) -> None:
        self.config = config or QAConfig()
        #: ``progress(stage, done, total)`` as the stages advance (the CLI draws a bar on a
        #: terminal: a long article takes tens of seconds, mostly in the checks, #16)
        self.progress = progress
        self._engine: backtranslate.BackTranslator | None = None
        self._checks: list[checks.Check] | None = None
        self._resources: dict[str, Any] | None = None

    @property
    def score_risk(self) -> bool:
        """``config.score_risk`` (read-only: every option that changes the signature lives
        in :class:`QAConfig`, #17)."""
        return self.config.score_risk

    @property
    def apply_confidence(self) -> bool:
        """``config.apply_confidence`` (read-only, like :attr:`score_risk`)."""
        return self.config.apply_confidence

    # lazily built so that constructing a Pipeline is cheap
    @property
    def engine(self) -> backtranslate.BackTranslator:
        if self._engine is None:
            # the fallback note, if any, is also the engine's: read with its other notes
            self._engine, _ = backtranslate.create(
                self.config.backtranslator, self.config.model, **self.config.engine_options
            )
        return self._engine

    @property
    def check_objects(self) -> list[checks.Check]:
        if self._checks is None:
            params = ({"untranslated": {"latin_allowed": self.config.latin_allowed}}
                      if self.config.latin_allowed else {})
            self._checks = checks.create(self.config.checks, **params)
        return self._checks

    @property
    def resources(self) -> dict[str, Any]:
        if self._resources is None:
            from .checks.resources import load_resources

            self._resources = load_resources(self.config, self.check_objects)
        return self._resources

    def signature_parts(self) -> dict[str, str]:
        parts: dict[str, str] = {"mtqa": __version__, "seg": segment.SEGMENTER_VERSION}
        parts.update(self.engine.signature_parts())
        parts["align"] = "pairs-2" if self.config.presegmented else ALIGNER_VERSION
        if not self.config.presegmented:
            parts["rel"] = relatedness.RELATEDNESS_VERSION
        names: list[str] = []
        for c in self.check_objects:
            names.extend(f"{k}-{v}" for k, v in c.signature_parts().items())
        parts["checks"] = ",".join(names)
        for k, v in self.resources.get("signature", {}).items():
            parts[k] = v
        parts["score"] = SCORE_VERSION
        if self.score_risk:
            parts["risk"] = _risk_version()
        if self.apply_confidence:
            from .risk import confidence

            parts["conf"] = confidence.ConfidenceModel.load().version
        parts.update(self.config.policy.signature_parts())
        return parts

    def run(self, reference: str, translation: str) -> Report:
        """Check one article: the English ``reference`` and its Japanese ``translation``."""
        with collector_paused():
            return self._run(reference, translation)

    def _run(self, reference: str, translation: str) -> Report:
        # issue #9 guards: refuse swapped/same-language pairs; match on a normalised copy
        # (zero-width, half-width kana, full-width Latin) whose offsets are mapped back at
        # the end; cut over-long "sentences" and refuse too many, for bounded time/memory
        _, guess = language.check_pair(reference, translation, report_english=True)
        ref_map = load.normalize_for_matching(reference)
        mt_map = load.normalize_for_matching(translation)
        ref_doc = load.split_long_sentences(
            segment.segment(ref_map.text if ref_map else reference, "en"))
        mt_doc = load.split_long_sentences(
            segment.segment(mt_map.text if mt_map else translation, "ja"))
        load.check_sentence_count(ref_doc, "the reference")
        load.check_sentence_count(mt_doc, "the translation")
        self._tell("back-translating", 0, 1)
        bts = self.engine.translate([mt_doc.sentence_text(i) for i in range(len(mt_doc.sentences))])
        # chrome candidates that translate the other side's content are content (#15)
        ref_doc, mt_doc = settle_chrome(ref_doc, mt_doc, bts)
        pairs = align(ref_doc, mt_doc, bts, engine=self.engine.name)
        # an English translation, or one of another article: one critical finding instead
        # of the checks' noise
        only: list[Finding] | None = None
        if guess.code == "en":
            only = [english_translation_finding(
                ref_doc, mt_doc, pairs, guess.shares.get("latin", 1.0))]
        elif not (rel := relatedness.assess(ref_doc, mt_doc, pairs, bts)).related:
            only = [relatedness.finding(ref_doc, mt_doc, pairs, rel)]
        report = load.restore_offsets(self._finish(ref_doc, mt_doc, pairs, only), ref_map, mt_map)
        return self._with_token_risk(report)

    def run_segments(self, pairs: Sequence[tuple[str, str]],
                     names: Sequence[tuple[str, str]] | None = None) -> Report:
        """Check pre-aligned sentence pairs (no document alignment).

        The bounds of an article apply to each side of a pair (README "Input and limits"):
        a side longer than one sentence may be (:data:`mtqa.load.MAX_SENTENCE_CHARS`) is
        split into its sentences, an over-long one cut at a comma or space
        (:func:`mtqa.load.split_long_sentences`), and checked as the one pair of those
        pieces; a side with more sentences than an article may have is refused
        (:func:`mtqa.load.check_sentence_count`). A pair within the bounds is checked as
        given, one sentence a side.

        Args:
            pairs: (English, Japanese) pairs; the report has one segment each, in order.
            names: what an error calls each pair's English and Japanese (default
                ``segments[i] source`` and ``segments[i] translation``, its index in
                ``pairs``, as :func:`mtqa.load.coerce_pairs` does; a caller that read the
                pairs from files names the files and lines).

        Raises:
            InputError: a side of a pair over the sentence limit of an article.
        """
        with collector_paused():
            return self._run_segments(pairs, names)

    def _run_segments(self, pairs: Sequence[tuple[str, str]],
                      names: Sequence[tuple[str, str]] | None = None) -> Report:
        ref_text, mt_text = "", ""
        ref_sents: list[Sentence] = []
        mt_sents: list[Sentence] = []
        # per pair: its span in the joined texts and its first and past-last sentence (the
        # bounds are applied before any work, as the document path does)
        spans: list[tuple[int, int, int, int, int, int, int, int]] = []
        for i, (src, tgt) in enumerate(pairs):
            if i:
                ref_text += "\n"
                mt_text += "\n"
            en_name, ja_name = (names[i] if names is not None
                                else (f"segments[{i}] source", f"segments[{i}] translation"))
            r0, m0 = len(ref_sents), len(mt_sents)
            ref_sents += _side_sentences(src, "en", len(ref_text), i, r0, en_name)
            mt_sents += _side_sentences(tgt, "ja", len(mt_text), i, m0, ja_name)
            spans.append((len(ref_text), len(ref_text) + len(src), r0, len(ref_sents),
                          len(mt_text), len(mt_text) + len(tgt), m0, len(mt_sents)))
            ref_text += src
            mt_text += tgt
        ref_doc = Document(ref_text, tuple(ref_sents), "en")
        mt_doc = Document(mt_text, tuple(mt_sents), "ja")
        self._tell("back-translating", 0, 1)
        # one back-translation a Japanese sentence: the side as given when it is one (as
        # before the bounds), each piece of a cut side (a neural engine reads a bounded text)
        bts = self.engine.translate([mt_doc.sentence_text(k) for k in range(len(mt_sents))])
        aligned = []
        for i, ((src, tgt), (rs, re_, r0, r1, ms, me, m0, m1)) in enumerate(zip(pairs, spans)):
            # the pieces' back-translations joined as the aligner joins a bead's sentences
            bt_text, attrs = joined_back_translation(
                [(bts[k], mt_sents[k].start - ms) for k in range(m0, m1)])
            aligned.append(AlignedPair(
                index=i, ref_sentences=tuple(range(r0, r1)), mt_sentences=tuple(range(m0, m1)),
                ref_start=rs, ref_end=re_, mt_start=ms, mt_end=me,
                reference=src, translation=tgt, back_translation=bt_text,
                attributions=attrs, score=0.0,
            ))
        return self._with_token_risk(self._finish(ref_doc, mt_doc, aligned))

    def _tell(self, stage: str, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress(stage, done, total)

    def _with_token_risk(self, report: Report) -> Report:
        """The report with token risks and per-segment risk/quality (mtqa/risk/tokens.py), computed
        on the final texts and findings; findings, score and gate are left as they are."""
        if not self.score_risk:
            return report
        from dataclasses import replace

        from .risk import tokens as risk
        from .errors import ConfigError

        try:
            model = risk.RiskModel.load()
        except ConfigError as err:  # informative only: the checks' report still stands
            log.warning("token risk not computed: %s", err)
            return replace(report, notes=(*report.notes, f"token risk not computed: {err}"))
        self._tell("token risk", 0, 1)
        rows, segs = risk.score_pairs(
            report.translation_text, report.pairs, report.finding_list, model
        )
        segments = tuple(replace(s, risk=r) for s, r in zip(report.segment_list, segs, strict=True))
        return replace(report, token_risks=rows, segment_list=segments)

    def _finish(self, ref_doc: Document, mt_doc: Document, pairs: list[AlignedPair],
                only: list[Finding] | None = None) -> Report:
        # a check comparing the back-translation word for word needs fluent English
        ctx = checks.Context(ref_doc, mt_doc, pairs, resources=self.resources,
                             neural_back_translation=self.engine.name in NEURAL_ENGINES)
        findings: list[Finding] = list(only or [])
        to_run = self.check_objects if only is None else []
        for n, check in enumerate(to_run):
            for k, pair in enumerate(pairs):
                self._tell(f"checking {check.name}", n * len(pairs) + k, len(to_run) * len(pairs))
                findings.extend(check.run(pair, ctx))
            findings.extend(check.finish(ctx))
        findings = _dedupe(findings)
        chrf = tuple(pair_scores(pairs))
        hidden = 0
        if self.apply_confidence:  # the gate and score act on the findings believed (#18)
            from .risk import confidence

            findings, hidden = confidence.apply(
                findings, confidence.ConfidenceModel.load(),
                confidence.segment_contexts(pairs, chrf), self.config.policy.min_confidence)
        findings = _apply_policy_severity(findings, self.config.policy.severity)
        check_spans(findings, mt_doc.text)
        score = mqm_score(findings, word_count(ref_doc.text))
        gate = evaluate(findings, score, self.config.policy)
        # read after back-translation: a cache bypassed on the way is one of them (#17)
        notes = tuple(self.engine.notes)
        if hidden:
            notes += (f"{hidden} finding(s) under the confidence floor hidden "
                      "(--all-findings or min_confidence = 0 shows them)",)
        return Report(
            reference_text=ref_doc.text,
            translation_text=mt_doc.text,
            segment_list=tuple(Segment(p, c) for p, c in zip(pairs, chrf, strict=True)),
            finding_list=tuple(findings),
            score=score,
            gate=gate,
            signature_parts=self.signature_parts(),
            notes=notes,
            policy=self.config.policy,
        )


def _side_sentences(text: str, lang: str, offset: int, segment_index: int, first: int,
                    source: str) -> list[Sentence]:
    """The sentences of one side of a pre-aligned pair (offsets into the joined text, from
    ``offset``; indices from ``first``; the pair's index as their paragraph).

    The side itself when it is no longer than one sentence may be; else its sentences, the
    over-long ones cut, as the document path makes them (:func:`mtqa.load.split_long_sentences`
    of :func:`mtqa.segment.segment`), for bounded time and memory: the checks of one pair
    grow faster than its length (a 4,000-character line took a minute).

    Raises:
        InputError: more sentences than an article may have (named ``source``).
    """
    limit = load.MAX_SENTENCE_CHARS.get(lang, load.MAX_SENTENCE_CHARS["en"])
    if len(text) > limit:
        doc = load.split_long_sentences(segment.segment(text, lang), limit)
        load.check_sentence_count(doc, source)
        if doc.sentences:
            return [Sentence(first + k, offset + s.start, offset + s.end, segment_index)
                    for k, s in enumerate(doc.sentences)]
    return [Sentence(first, offset, offset + len(text), segment_index)]


def check_spans(findings: Sequence[Finding], ja_text: str) -> None:
    """The offset contract: each finding's ``text`` is exactly ``ja_text[start:end]``.

    A real check, not an ``assert`` (``python -O`` would remove it, #17): a check that
    breaks it would otherwise mark the wrong characters in every output.

    Raises:
        FindingSpanError: the first finding that breaks it (an internal error: exit code 3).
    """
    for f in findings:
        actual = ja_text[f.start : f.end]
        if actual != f.text:
            raise FindingSpanError(f.check, f.code, f.start, f.end, f.text, actual)


def _risk_version() -> str:
    from .risk import tokens as risk
    from .errors import ConfigError

    try:
        return risk.RiskModel.load().version
    except ConfigError:
        return "none"


def _apply_policy_severity(findings: list[Finding], overrides: dict[str, str]) -> list[Finding]:
    if not overrides:
        return findings
    from dataclasses import replace

    # the policy's values were checked against SEVERITIES when it was read (mtqa/policy.py)
    return [replace(f, severity=cast(Severity, overrides.get(f.category, f.severity)))
            for f in findings]


def _dedupe(findings: list[Finding]) -> list[Finding]:
    """Sort by position and keep one finding per span and category, the most severe (the
    first found among equals): two checks that see the same error, or one that reports it
    twice (a critical "the translation stops here" and a minor omission of one sentence can
    point at the same Japanese sentence; the first found used to be kept, whatever its
    severity). Findings of one check with different codes say different things and are all
    kept ("much shorter than the reference" and "the translation stops here")."""
    rank = {s: k for k, s in enumerate(SEVERITIES)}  # critical first
    kept: dict[tuple[int, int, str], list[Finding]] = {}
    for f in sorted(findings, key=lambda f: (f.start, f.end, f.category, f.check)):
        group = kept.setdefault((f.start, f.end, f.category), [])
        same = next((k for k, g in enumerate(group)
                     if g.check != f.check or g.code == f.code), None)
        if same is None:
            group.append(f)
        elif rank[f.severity] < rank[group[same].severity]:
            group[same] = f
    return [f for group in kept.values() for f in group]


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while one article is checked, back on after.

    Checking an article allocates hundreds of thousands of short-lived objects (tokens,
    units, feature rows), nearly all freed by reference counting; the collector still ran
    a generation-0 pass every 700 allocations, about 7 % of the non-model time on
    data/riyadh and the cases (benchmarks/check_speed.py, #17). An article makes no
    reference cycles (tests/unit/test_pipeline.py checks it on data/riyadh and the cases),
    so nothing is left for the collector to free.

    On the way out, what the article left alive (its report, the article's text caches:
    some 30,000 objects on data/riyadh) would all be young, and the first allocation after
    the collector is back on would examine every one of them, 8 ms an article and 5 % of
    the non-model time. They are moved to the oldest generation instead, in constant time
    (``gc.freeze`` then ``gc.unfreeze``: two list splices), where they are freed by
    reference counting as usual and examined only by the rarer full collections. A caller
    that froze objects itself (a pre-fork server does) keeps its frozen generation: the
    move is skipped. Nested calls and a collector already off (a caller's choice) are
    left as they are.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        if gc.get_freeze_count() == 0:
            gc.freeze()
            gc.unfreeze()
        gc.enable()
