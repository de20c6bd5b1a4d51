"""System-level scores of line-aligned test sets: which MT engine garbles less.

``mtqa score -s src.en -t sys1.ja -t sys2.ja`` follows the conventions of sacrebleu and
``comet-score``: one segment a line, the i-th line of every translation renders the i-th
line of the source, and each system gets a score; the systems are compared side by side.
Each line pair is checked as a pre-aligned segment (:meth:`mtqa.pipeline.Pipeline.run_segments`,
the path of ``mtqa.check_segments``), so no document alignment can blur which line a
finding belongs to.

The figures of a system:

* ``score``: 100 minus the MQM penalty per 100 source words (critical 25, major 5, minor
  1; informational findings weigh 0), floored at 0. This is MQM's system-level error
  rate: the per-article cap on critical findings (mtqa/score.py) is an acceptance rule for
  one article and is not applied here, where a critical line costs its weight like any
  other, so that one bad line does not decide a comparison over thousands.
* ``findings_per_1k_chars``: error findings (not informational ones) per 1,000 characters
  of the translation, the size measure of Japanese text, line breaks not counted.
* counts by severity and by category, and the lines that have error findings.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .config import QAConfig
from .errors import InputError
from .load import classic_line_ends
from .score import word_count
from .types import CATEGORIES, SEVERITY_WEIGHTS, Finding

SCHEMA = "mtqa.score/1"
#: The severities that are errors, worst first (informational findings are counted apart).
ERROR_SEVERITIES = ("critical", "major", "minor")
#: Characters (both sides) of the line pairs checked in one pipeline call. The pipeline
#: bounds one call (mtqa/load.py: 200,000 characters of pairs); a test set of thousands
#: of lines is checked in pieces of this size, each piece's findings mapped back to its
#: lines. A piece is small enough to show progress and large enough that a piece's
#: start-up is negligible.
CHUNK_CHARS = 40_000
#: Columns of the CSV output (then one per finding category).
CSV_COLUMNS = ("system", "segments", "characters", "score", "findings",
               "findings_per_1k_chars", *ERROR_SEVERITIES, "informational",
               "segments_with_findings")
#: Worst lines listed per system in the text output.
WORST_LINES_SHOWN = 5

Progress = Callable[[str, int, int], None]


def split_lines(text: str) -> list[str]:
    """The lines of a line-aligned file: split at ``\\n`` only (``\\r`` before it removed;
    at ``\\r`` in a file that has no ``\\n``),
    the empty string after a final newline dropped. Not :meth:`str.splitlines`, which
    also splits at U+2028, U+0085 and others that may occur inside one segment and would
    break the alignment of the lines."""
    text = classic_line_ends(text)
    lines = [line[:-1] if line.endswith("\r") else line for line in text.split("\n")]
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def line_pairs(
    source: Sequence[str], translation: Sequence[str], source_name: str, translation_name: str
) -> list[tuple[int, str, str]]:
    """The (line number from 1, source, translation) segments of two line-aligned texts.

    A line empty on both sides is skipped (a document separator in many test sets); a
    source line whose translation is empty is kept, with ``""`` (see :func:`score_system`).

    Raises:
        InputError: the line counts differ, or a translated line has no source line.
    """
    if len(source) != len(translation):
        raise InputError(
            f"{translation_name}: {len(translation):,} lines, but {source_name} has "
            f"{len(source):,}; the files must be line-aligned (one segment a line)"
        )
    out = []
    for n, (src, tgt) in enumerate(zip(source, translation), start=1):
        src, tgt = src.strip(), tgt.strip()
        if not src and not tgt:
            continue
        if not src:
            raise InputError(
                f"{source_name}: line {n} is empty but line {n} of {translation_name} is "
                "not; every translated line needs its source line"
            )
        # an empty translation of a source line is the system's output (it gave nothing):
        # scored, as a critical omission (score_system), not refused
        out.append((n, src, tgt))
    if not out:
        raise InputError(f"{source_name}: no lines with text")
    return out


@dataclass(frozen=True)
class SystemScore:
    """The figures of one system (see the module docstring).

    Attributes:
        name: the system's name (its file name).
        segments: line pairs checked.
        characters: characters of the translation, line breaks not counted.
        score: MQM-style score, 0 to 100.
        counts: error findings per severity (critical, major, minor).
        categories: error findings per category (every category, zeros included).
        informational: findings that weigh nothing (page chrome).
        lines_with_findings: line numbers (from 1) with error findings, ascending.
        line_findings: line number -> the codes (else categories) of its error findings.
    """

    name: str
    segments: int
    characters: int
    score: float
    counts: Mapping[str, int]
    categories: Mapping[str, int]
    informational: int
    lines_with_findings: tuple[int, ...]
    line_findings: Mapping[int, tuple[str, ...]] = field(default_factory=dict)

    @property
    def findings(self) -> int:
        """Error findings (informational ones not counted)."""
        return sum(self.counts.values())

    @property
    def findings_per_1k_chars(self) -> float:
        return round(1000.0 * self.findings / max(self.characters, 1), 2)

    def to_dict(self) -> dict[str, Any]:
        return {
            "system": self.name,
            "segments": self.segments,
            "characters": self.characters,
            "score": self.score,
            "findings": self.findings,
            "findings_per_1k_chars": self.findings_per_1k_chars,
            "counts": dict(self.counts),
            "categories": dict(self.categories),
            "informational": self.informational,
            "segments_with_findings": len(self.lines_with_findings),
            "lines_with_findings": list(self.lines_with_findings),
        }


@dataclass(frozen=True)
class Comparison:
    """The scores of systems translating one source, in the order given.

    Attributes:
        source: the source's name.
        segments: line pairs checked per system.
        systems: one :class:`SystemScore` per system.
        signature: the checking configuration (mtqa's signature of the pipeline).
    """

    source: str
    segments: int
    systems: tuple[SystemScore, ...]
    signature: str

    @property
    def best(self) -> SystemScore:
        """The system that garbles least: highest score, then fewest findings per 1,000
        characters, then the first given."""
        return max(self.systems, key=lambda s: (s.score, -s.findings_per_1k_chars))

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "signature": self.signature,
            "source": self.source,
            "segments": self.segments,
            "systems": [s.to_dict() for s in self.systems],
            "best": self.best.name,
        }

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def to_csv(self) -> str:
        """One row per system: :data:`CSV_COLUMNS`, then one column per category."""
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow([*CSV_COLUMNS, *CATEGORIES])
        for s in self.systems:
            w.writerow([
                _csv_cell(s.name), s.segments, s.characters, s.score, s.findings,
                s.findings_per_1k_chars, *(s.counts[k] for k in ERROR_SEVERITIES),
                s.informational, len(s.lines_with_findings),
                *(s.categories.get(c, 0) for c in CATEGORIES),
            ])
        return buf.getvalue()

    def scores(self, fmt: str = "text") -> str:
        """Only the score of each system (``--score-only``, like sacrebleu's ``-b``): one
        number a line in the text format, else the same in JSON or CSV."""
        if fmt == "json":
            return json.dumps([{"system": s.name, "score": s.score} for s in self.systems],
                              ensure_ascii=False) + "\n"
        if fmt == "csv":
            rows = [f"{_csv_cell(s.name)},{s.score}" for s in self.systems]
            return "system,score\n" + "".join(f"{r}\n" for r in rows)
        return "".join(f"{s.score:.1f}\n" for s in self.systems)

    def to_text(self) -> str:
        """A block per system, then the systems side by side and the one that garbles
        least."""
        lines = [f"mtqa score: {self.segments:,} segments of {self.source}, "
                 f"{len(self.systems)} system{'s' if len(self.systems) != 1 else ''}"]
        for s in self.systems:
            lines += ["", *_system_block(s)]
        lines += ["", *_side_by_side(self.systems)]
        if len(self.systems) > 1:
            b = self.best
            lines += ["", f"garbles least: {b.name} (score {b.score:.1f}, "
                      f"{b.findings_per_1k_chars:.1f} findings per 1,000 characters)"]
        lines += ["", f"signature: {self.signature}"]
        return "\n".join(lines) + "\n"


def _csv_cell(value: str) -> str:
    # a cell starting with = + - @ is a formula to a spreadsheet (OWASP CSV injection)
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def _system_block(s: SystemScore) -> list[str]:
    c = s.counts
    cats = ", ".join(f"{k} {v}" for k, v in s.categories.items() if v) or "none"
    worst = sorted(s.line_findings.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    shown = "; ".join(f"{n}: {', '.join(codes)}" for n, codes in worst[:WORST_LINES_SHOWN])
    rows = [
        (f"{s.name}", ""),
        ("  segments", f"{s.segments:,} ({len(s.lines_with_findings):,} with findings)"),
        ("  characters", f"{s.characters:,}"),
        ("  score", f"{s.score:.1f}"),
        ("  findings", f"{s.findings:,} ({s.findings_per_1k_chars:.1f} per 1,000 characters)"),
        ("  by severity", f"critical {c['critical']}, major {c['major']}, minor {c['minor']}"
         + (f"; info {s.informational}" if s.informational else "")),
        ("  by category", cats),
    ]
    if shown:
        rows.append(("  lines", shown + (" …" if len(worst) > WORST_LINES_SHOWN else "")))
    return [f"{k:<16}{v}".rstrip() for k, v in rows]


def _side_by_side(systems: Sequence[SystemScore]) -> list[str]:
    """Rows of figures, one column per system."""
    names = [s.name for s in systems]
    used = [c for c in CATEGORIES if any(s.categories.get(c, 0) for s in systems)]
    rows: list[tuple[str, list[str]]] = [
        ("score", [f"{s.score:.1f}" for s in systems]),
        ("findings / 1k chars", [f"{s.findings_per_1k_chars:.1f}" for s in systems]),
        ("findings", [str(s.findings) for s in systems]),
        *((sev, [str(s.counts[sev]) for s in systems]) for sev in ERROR_SEVERITIES),
        *((f"  {cat}", [str(s.categories.get(cat, 0)) for s in systems]) for cat in used),
        ("segments with findings", [str(len(s.lines_with_findings)) for s in systems]),
        ("characters", [f"{s.characters:,}" for s in systems]),
    ]
    label = max(len(r[0]) for r in rows) + 2
    widths = [max(len(n), *(len(r[1][i]) for r in rows)) for i, n in enumerate(names)]
    out = [" " * label + "  ".join(n.rjust(w) for n, w in zip(names, widths))]
    for name, values in rows:
        out.append(name.ljust(label) + "  ".join(v.rjust(w) for v, w in zip(values, widths)))
    return out


def _chunks(pairs: Sequence[tuple[int, str, str]]) -> Iterator[list[tuple[int, str, str]]]:
    chunk: list[tuple[int, str, str]] = []
    size = 0
    for item in pairs:
        n = len(item[1]) + len(item[2])
        if chunk and size + n > CHUNK_CHARS:
            yield chunk
            chunk, size = [], 0
        chunk.append(item)
        size += n
    if chunk:
        yield chunk


def _empty_line(n: int, source: str) -> Finding:
    """The critical omission of a line the system left empty: a point (no Japanese)."""
    return Finding(
        category="omission", severity="critical", start=0, end=0, text="",
        message=f"line {n}: the translation is empty; the English has no Japanese at all",
        reference=source, check="alignment", code="ALN001",
    )


def system_mqm(findings: Sequence[Finding], source_words: int) -> float:
    """100 minus the MQM penalty per 100 source words, floored at 0, rounded to 0.1 (see
    the module docstring for why no critical cap)."""
    penalty = sum(SEVERITY_WEIGHTS[f.severity] for f in findings)
    return round(max(0.0, 100.0 - 100.0 * penalty / max(source_words, 1)), 1)


def _prefixed(progress: Progress, prefix: str) -> Progress:
    def tell(stage: str, done: int, total: int) -> None:
        progress(f"{prefix}: {stage}", done, total)

    return tell


def score_system(
    pipeline: Any,
    pairs: Sequence[tuple[int, str, str]],
    name: str,
    progress: Progress | None = None,
    source_name: str = "source",
) -> tuple[SystemScore, str]:
    """Check one system's line pairs and sum up its findings.

    Args:
        pipeline: a :class:`mtqa.pipeline.Pipeline` with ``presegmented=True``.
        pairs: (line number, source, translation), from :func:`line_pairs`.
        name: the system's name.
        source_name: the source's name, for messages (a line over the bounds).
        progress: ``(stage, done, total)`` as the checks advance, the stage prefixed with
            the system's name.

    Returns:
        The system's figures and the pipeline's signature.
    """
    findings: list[Finding] = [_empty_line(n, src) for n, src, tgt in pairs if not tgt]
    line_findings: dict[int, list[str]] = {
        n: ["ALN001"] for n, _, tgt in pairs if not tgt}
    signature = ""
    pieces = list(_chunks([p for p in pairs if p[2]]))
    for k, chunk in enumerate(pieces):
        if progress is not None:
            where = f"{name} [{k + 1}/{len(pieces)}]" if len(pieces) > 1 else name
            pipeline.progress = _prefixed(progress, where)
        report = pipeline.run_segments(
            [(s, t) for _, s, t in chunk],
            names=[(f"{source_name}: line {n}", f"{name}: line {n}") for n, _, _ in chunk])
        signature = report.signature
        for f, seg in zip(report.finding_list, report.finding_segments()):
            findings.append(f)
            if f.weight > 0 and seg is not None:
                line_findings.setdefault(chunk[seg][0], []).append(f.code or f.category)
    if not signature:  # every line left empty: no report gave it
        from .report import render_signature

        signature = render_signature(pipeline.signature_parts())
    errors = [f for f in findings if f.weight > 0]
    counts: dict[str, int] = dict.fromkeys(ERROR_SEVERITIES, 0)
    categories: dict[str, int] = dict.fromkeys(CATEGORIES, 0)
    for f in errors:
        counts[f.severity] = counts.get(f.severity, 0) + 1
        categories[f.category] = categories.get(f.category, 0) + 1
    words = sum(word_count(s) for _, s, _ in pairs)
    result = SystemScore(
        name=name,
        segments=len(pairs),
        characters=sum(len(t) for _, _, t in pairs),
        score=system_mqm(errors, words),
        counts=counts,
        categories=categories,
        informational=len(findings) - len(errors),
        lines_with_findings=tuple(sorted(line_findings)),
        line_findings={n: tuple(codes) for n, codes in sorted(line_findings.items())},
    )
    return result, signature


def compare_systems(
    source: Sequence[str],
    systems: Sequence[tuple[str, Sequence[str]]],
    config: QAConfig | None = None,
    source_name: str = "source",
    progress: Progress | None = None,
) -> Comparison:
    """Score each system's translation of the same source, line by line.

    Args:
        source: the source lines (English), one segment a line.
        systems: (name, lines) of each system, line-aligned with ``source``.
        config: the checking configuration (policy, engine, checks); ``presegmented``
            is set here.
        source_name: the source's name, for messages and the output.
        progress: ``(stage, done, total)`` as the checks advance.

    Returns:
        The :class:`Comparison`.

    Raises:
        InputError: line counts differ, a line is empty on one side only, or a system's
            text is not Japanese (or the source not English).
    """
    from .text.language import check_pair
    from .pipeline import Pipeline

    if not systems:
        raise InputError("no system to score; give at least one translation")
    checked = []
    for name, lines in systems:
        pairs = line_pairs(source, lines, source_name, name)
        # the same guard as mtqa check: a swapped or wrong-language file is an input error
        given = [(s, t) for _, s, t in pairs if t]  # a system that gave nothing: no text
        if given:
            check_pair("\n".join(s for s, _ in given), "\n".join(t for _, t in given),
                       source_name, name)
        checked.append((name, pairs))
    pipeline = Pipeline((config or QAConfig()).with_options(presegmented=True))
    results = []
    signature = ""
    for name, pairs in checked:
        result, signature = score_system(pipeline, pairs, name, progress, source_name)
        results.append(result)
    return Comparison(source_name, len(checked[0][1]), tuple(results), signature)
