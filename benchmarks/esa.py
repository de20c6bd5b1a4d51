"""mtqa on WMT24's human evaluation of English→Japanese (ESA error spans), issue #18.

Usage::

    .venv/bin/python benchmarks/esa.py [--data DIR] [--jobs N] [--limit N] [--domain D]
                                       [--cache-dir DIR | --no-cache] [--folds K] [--json PATH]

``DIR`` (default ``../shared/data/wmt24-esa-en-ja``) holds one or more ``*.jsonl`` files of
ESA items (fields in that folder's README: ``doc_id``, ``domain``, ``system``, ``source``,
``translation``, ``esa_score``, ``spans``); a single ``.jsonl`` file may be given instead.
Each item is checked as a small article, as ``mtqa.check(source, translation,
backtranslator="dictionary")`` would check it, and measured on the annotators' spans:

* **character scores**: character-level precision, recall and F1, micro-averaged over all
  items; predicted characters are the union of the findings that are not informational
  (boilerplate, moved), gold characters the union of the ESA spans;
* ``major_f1``: the same with major and critical findings against major spans;
* **segment correlation**: Spearman and Kendall of the report score with ``esa_score``;
* ``major_item_auc``: ROC AUC of the report score (lower = worse) at ranking the items that
  carry a human major span above the others;
* **per check**: findings, the share of them overlapping any human span, their severities;
* ``refa_major_share``: the share of distinct professional (``refA``) paragraphs with at
  least one major or critical finding, and refA findings per 1,000 Japanese characters;
* **baselines** in the same run: flag every character, flag every Latin-script run.

What the checks find does not depend on the data, but the confidence model
(``mtqa/risk/confidence.py``, fitted by ``benchmarks/fit_confidence.py``) ships fitted on this
development half. So the calibrated figures are **out of fold by document**: documents are
split into K folds by a hash of their id, the fitting procedure is rerun on the other folds'
findings, and each fold is measured with the model fitted without it; the shipped model is
never applied to the documents it was fitted on. Three configurations are printed: the
raw findings (as the checks report them, before calibration); calibrated with the fitted
floor as ``min_confidence`` (findings under it hidden); and ``min_confidence = 0``
(calibrated: unlikely findings demoted to minor, none hidden), whose figures make the last
line. mtqa's default report (no ``min_confidence``) only adds confidence to the raw
findings: its figures are the raw ones.

mtqa runs once per distinct (source, translation) pair; the findings are cached as JSONL
under ``--cache-dir``, in a file named by a digest of the code that produces them (the
``mtqa`` modules up to and including the checks, and their data) and keyed inside by a
hash of the item's texts. Refits and re-measures then read the cache; an interrupted run
resumes where it stopped. ``seconds`` on the last line counts the checks' time as recorded
in the cache, plus this run's measuring.

The last line is always::

    esa char_f1=<x> major_f1=<x> seg_spearman=<x> major_item_auc=<x> refa_major_share=<x> \
items=<n> seconds=<s>
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import findings_cache  # noqa: E402
from findings_cache import DataError, jsonl_lines, read_cache, run_cached  # noqa: E402

#: The development half as shipped beside the repository (issue #18).
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "wmt24-esa-en-ja"
#: The engine every ESA figure is measured with: offline and deterministic.
BACKTRANSLATOR = "dictionary"
#: Document folds for the out-of-fold figures (documents, not items: the 13 translations
#: of one paragraph and the paragraphs of one article must fall in the same fold).
DEFAULT_FOLDS = 5
#: Where the findings of each code digest are cached (one JSONL file per digest).
DEFAULT_CACHE_DIR = Path(tempfile.gettempdir()) / "mtqa-esa-cache"
#: The professional human translation of WMT24 (annotated like the systems).
HUMAN_SYSTEM = "refA"
#: Categories that are informational (no error, weight 0): not predicted characters.
INFORMATIONAL = frozenset({"boilerplate", "moved"})
#: Severities counted as major for ``major_f1`` and ``refa_major_share``.
MAJOR = frozenset({"major", "critical"})
#: Modules that act after the checks or only present results: editing them does not
#: change what the checks find, so they stay out of the cache key (the calibration in
#: pipeline.py is applied here from the cached findings, not read from the cache).
_NOT_IN_CACHE_KEY = frozenset({
    "mtqa/pipeline.py", "mtqa/risk/confidence.py", "mtqa/data/confidence.json",
    "mtqa/risk/tokens.py",
    "mtqa/data/token_risk.json", "mtqa/score.py", "mtqa/gate.py", "mtqa/report/__init__.py",
    "mtqa/cli/__init__.py", "mtqa/cli/common.py", "mtqa/cli/check.py", "mtqa/cli/feed.py",
    "mtqa/feed/runner.py", "mtqa/feed/inputs.py",
    "mtqa/report/feed.py", "mtqa/report/html.py", "mtqa/feed/junit.py", "mtqa/report/plots.py",
    "mtqa/feed/outputs.py", "mtqa/report/text.py", "mtqa/atomic_files.py",
    "mtqa/policy.py", "mtqa/cli/segments.py", "mtqa/config.py", "mtqa/types.py",
    "mtqa/__init__.py", "mtqa/__main__.py",
})
#: A run of Latin letters (ASCII or full-width), words joined by spaces and light
#: punctuation ("New York", "O'Neill"): the "flag Latin runs" baseline of the data README.
_WORD = r"[A-Za-zＡ-Ｚａ-ｚ][A-Za-zＡ-Ｚａ-ｚ0-9０-９'’.\-&]*"
_LATIN_RUN = re.compile(rf"{_WORD}(?:[ 　]{_WORD})*")


# --- data ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EsaItem:
    """One annotated item: an English paragraph and one system's Japanese."""

    doc_id: str
    domain: str
    system: str
    source: str
    translation: str
    esa_score: float
    spans: tuple[tuple[int, int, str], ...]
    #: omissions the annotator marked without a place in the Japanese (``missing``)
    missing: int = 0

    @property
    def key(self) -> str:
        """Hash of the texts: the cache key inside a code digest's file."""
        h = hashlib.sha256(f"{self.source}\x00{self.translation}".encode())
        return h.hexdigest()[:24]

    @property
    def has_major(self) -> bool:
        return any(sev == "major" for _, _, sev in self.spans)


def _parse_item(obj: Any, where: str) -> EsaItem:
    if not isinstance(obj, dict):
        raise DataError(f"{where}: expected a JSON object per line")
    try:
        text = obj["translation"]
        spans = []
        for s in obj["spans"]:
            start, end, sev = int(s["start"]), int(s["end"]), str(s["severity"])
            if not 0 <= start <= end <= len(text):
                raise DataError(f"{where}: span {start}..{end} outside the translation")
            spans.append((start, end, sev))
        return EsaItem(
            doc_id=str(obj["doc_id"]), domain=str(obj["domain"]), system=str(obj["system"]),
            source=str(obj["source"]), translation=str(text),
            esa_score=float(obj["esa_score"]), spans=tuple(spans),
            missing=int(obj.get("missing") or 0),
        )
    except (KeyError, TypeError, ValueError) as err:
        raise DataError(f"{where}: missing or bad field ({err}); see the data README") from None


def load_items(data: Path, domain: str | None = None, limit: int | None = None) -> list[EsaItem]:
    """The items of every ``*.jsonl`` file of ``data`` (or of the file ``data``), in order.

    Raises:
        DataError: no such folder or file, no ``.jsonl`` file, or a malformed line.
    """
    items: list[EsaItem] = []
    for where, line in jsonl_lines(data):
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as err:
            raise DataError(f"{where}: not JSON ({err.msg})") from None
        item = _parse_item(obj, where)
        if domain is None or item.domain == domain:
            items.append(item)
    if limit is not None:
        items = items[:limit]
    if not items:
        raise DataError(f"{data}: no items" + (f" in domain {domain!r}" if domain else ""))
    return items


# --- running mtqa, with a cache -----------------------------------------------------------


def code_digest() -> str:
    """Digest of the code and data that produce the findings: the cache file's name."""
    return findings_cache.code_digest(BACKTRANSLATOR, _NOT_IN_CACHE_KEY)


def data_digest(data: Path) -> str:
    """sha256 of the data files (recorded in provenance)."""
    h = hashlib.sha256()
    for p in [data] if data.is_file() else sorted(data.glob("*.jsonl")):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()


def cache_path(args: argparse.Namespace) -> Path | None:
    """The cache file of the current code, or ``None`` with ``--no-cache``."""
    if args.no_cache:
        return None
    if getattr(args, "cache_file", None):
        return Path(args.cache_file)
    return Path(args.cache_dir) / f"{code_digest()}.jsonl"


_PIPELINE: Any = None


def _init_worker() -> None:
    """Build one pipeline per process (the engine and dictionaries load once)."""
    global _PIPELINE
    from mtqa.config import QAConfig
    from mtqa.pipeline import Pipeline

    # token risk: informative only; not measured here and it costs time. Calibration: the
    # findings are cached as the checks give them; it is applied when measuring.
    _PIPELINE = Pipeline(QAConfig().with_options(
        backtranslator=BACKTRANSLATOR, score_risk=False, apply_confidence=False))


def check_item(args: tuple[str, str, str]) -> dict[str, Any]:
    """Run mtqa on one item: its raw findings, reference word count and timing."""
    from mtqa.errors import MtqaError
    from mtqa.score import word_count

    key, source, translation = args
    if _PIPELINE is None:
        _init_worker()
    t0 = time.perf_counter()
    try:
        report = _PIPELINE.run(source, translation)
    except MtqaError as err:  # a refused pair is measured as no finding, and counted
        return {"key": key, "findings": [], "words": word_count(source), "error": str(err),
                "seconds": round(time.perf_counter() - t0, 3)}
    return {
        "key": key,
        "findings": [f.to_dict() for f in report.finding_list],
        "words": word_count(report.reference_text),
        # per aligned pair: Japanese span, alignment score and chrF of the back-translation
        # (inputs of the confidence model beside the finding itself)
        "pairs": [[s.pair.mt_start, s.pair.mt_end, round(s.pair.score, 4), s.chrf]
                  for s in report.segment_list],
        "signature": report.signature,
        "seconds": round(time.perf_counter() - t0, 3),
    }


def run_items(items: Sequence[EsaItem], jobs: int, cache: Path | None,
              log: Callable[[str], None]) -> dict[str, dict[str, Any]]:
    """Findings for every distinct item, from the cache where present, else computed (and
    appended to the cache as they come, so that an interrupted run resumes)."""
    done = read_cache(cache) if cache else {}
    todo: dict[str, tuple[str, str, str]] = {}
    for it in items:
        if it.key not in done:
            todo.setdefault(it.key, (it.key, it.source, it.translation))
    log(f"{len(items)} items, {len(done)} cached, {len(todo)} to check with {jobs} job(s)")
    return run_cached(done, todo, jobs, cache, check_item, log, initializer=_init_worker)


# --- findings per item ----------------------------------------------------------------------


def findings_of(rec: Mapping[str, Any]) -> list[Any]:
    """The cached findings of an item as :class:`mtqa.types.Finding` objects."""
    from mtqa.types import Finding

    names = {f.name for f in fields(Finding)}
    return [Finding(**{k: v for k, v in d.items() if k in names}) for d in rec["findings"]]


def segments_of(rec: Mapping[str, Any]) -> list[Any]:
    """The cached aligned pairs of an item as the confidence model's segment contexts."""
    from mtqa.risk.confidence import SegmentContext

    return [SegmentContext(int(a), int(b), float(s), c) for a, b, s, c in rec.get("pairs", [])]


def doc_fold(doc_id: str, k: int) -> int:
    """The fold of a document: a hash of its id (stable across runs and machines)."""
    return int(hashlib.sha256(doc_id.encode()).hexdigest()[:8], 16) % k


def is_informational(f: Any) -> bool:
    return f.severity == "info" or f.category in INFORMATIONAL


# --- measures -------------------------------------------------------------------------------


def _chars(spans: Iterable[tuple[int, int]], n: int) -> set[int]:
    out: set[int] = set()
    for a, b in spans:
        out.update(range(max(a, 0), min(b, n)))
    return out


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def char_scores(items: Sequence[EsaItem], predicted: Sequence[Iterable[tuple[int, int]]],
                major_only: bool = False) -> dict[str, float]:
    """Character precision/recall/F1 micro-averaged over items (gold: the ESA spans, or
    the major ones only)."""
    tp = fp = fn = 0
    for it, pred in zip(items, predicted):
        n = len(it.translation)
        gold = _chars(((a, b) for a, b, s in it.spans if not major_only or s == "major"), n)
        got = _chars(pred, n)
        tp += len(gold & got)
        fp += len(got - gold)
        fn += len(gold - got)
    return _prf(tp, fp, fn)


def roc_auc(scores: Sequence[float], positive: Sequence[bool]) -> float:
    """ROC AUC (Mann-Whitney, ties count one half); NaN without both classes."""
    from scipy.stats import rankdata

    s = [float(x) for x in scores]
    pos = [bool(p) for p in positive]
    n_pos = sum(pos)
    n_neg = len(pos) - n_pos
    if not n_pos or not n_neg:
        return float("nan")
    ranks = rankdata(s)
    rank_sum = sum(r for r, p in zip(ranks, pos) if p)
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def correlations(scores: Sequence[float], human: Sequence[float]) -> dict[str, float]:
    from scipy.stats import kendalltau, spearmanr

    if len(set(scores)) < 2:
        return {"spearman": 0.0, "kendall": 0.0}
    rho = spearmanr(scores, human).statistic
    tau = kendalltau(scores, human).statistic
    return {"spearman": round(float(rho), 4), "kendall": round(float(tau), 4)}


def _overlaps(f: Any, it: EsaItem) -> bool:
    if f.start == f.end:  # a point (an omission's place) overlaps a span that holds it
        return any(a <= f.start < b for a, b, _ in it.spans)
    return any(f.start < b and a < f.end for a, b, _ in it.spans)


def confirmed(f: Any, it: EsaItem) -> bool:
    """Whether a human annotation confirms the finding ``f`` of item ``it``: it overlaps a
    marked span, or it is an omission at a point (a sentence lost: no characters to
    overlap) in an item the annotator marked ``missing``, the annotators' way to mark an
    omission. What the confidence model is fitted on; the per-check table keeps the
    issue's plain overlap."""
    if f.start == f.end and f.category == "omission" and it.missing > 0:
        return True
    return _overlaps(f, it)


@dataclass
class Outcome:
    """What one configuration shows for one item: its findings, score and gate verdict."""

    shown: list[Any]
    hidden: int
    score: float
    passed: bool


def per_check(items: Sequence[EsaItem], outcomes: Sequence[Outcome]) -> dict[str, Any]:
    """Per check: findings, the share of them on a human span, their severities."""
    n: Counter[str] = Counter()
    hit: Counter[str] = Counter()
    sev: dict[str, Counter[str]] = defaultdict(Counter)
    for it, out in zip(items, outcomes):
        for f in out.shown:
            if is_informational(f):
                continue
            n[f.check] += 1
            hit[f.check] += _overlaps(f, it)
            sev[f.check][f.severity] += 1
    return {
        c: {"findings": n[c], "on_span": round(hit[c] / n[c], 3), "severities": dict(sev[c])}
        for c in sorted(n, key=lambda c: -n[c])
    }


def measure(items: Sequence[EsaItem], outcomes: Sequence[Outcome]) -> dict[str, Any]:
    """Every measure of the module docstring for one configuration."""
    errors = [[f for f in o.shown if not is_informational(f)] for o in outcomes]
    pred = [[(f.start, f.end) for f in fs] for fs in errors]
    pred_major = [[(f.start, f.end) for f in fs if f.severity in MAJOR] for fs in errors]
    chars = char_scores(items, pred)
    major = char_scores(items, pred_major, major_only=True)
    scores = [o.score for o in outcomes]
    corr = correlations(scores, [it.esa_score for it in items])
    auc = roc_auc([-s for s in scores], [it.has_major for it in items])
    refa: dict[str, tuple[bool, int, int, bool]] = {}
    for it, fs, o in zip(items, errors, outcomes):
        if it.system == HUMAN_SYSTEM:
            refa[it.key] = (any(f.severity in MAJOR for f in fs), len(fs),
                            len(it.translation), not o.passed)
    refa_chars = sum(v[2] for v in refa.values())
    major_items = [o for it, o in zip(items, outcomes) if it.has_major]
    clean_mt = [o for it, o in zip(items, outcomes)
                if it.system != HUMAN_SYSTEM and not it.spans]
    return {
        "char": chars,
        "major": major,
        "segment": corr,
        "major_item_auc": round(auc, 4),
        "refa_paragraphs": len(refa),
        "refa_major_share": round(sum(v[0] for v in refa.values()) / max(len(refa), 1), 4),
        "refa_findings_per_1000_chars": round(
            1000 * sum(v[1] for v in refa.values()) / max(refa_chars, 1), 3),
        "mt_findings_per_1000_chars": round(
            1000 * sum(len(fs) for it, fs in zip(items, errors) if it.system != HUMAN_SYSTEM)
            / max(sum(len(it.translation) for it in items if it.system != HUMAN_SYSTEM), 1), 3),
        "gate_fails_refa": round(sum(v[3] for v in refa.values()) / max(len(refa), 1), 4),
        "gate_catches_human_major": round(
            sum(not o.passed for o in major_items) / max(len(major_items), 1), 4),
        "gate_fails_clean_mt": round(
            sum(not o.passed for o in clean_mt) / max(len(clean_mt), 1), 4),
        "hidden": sum(o.hidden for o in outcomes),
        "per_check": per_check(items, outcomes),
        "omissions": omissions_on_missing(items, errors),
    }


def omissions_on_missing(items: Sequence[EsaItem], errors: Sequence[Sequence[Any]]
                         ) -> dict[str, Any]:
    """Omission findings against the omissions the annotators marked without a place
    (``missing``): the character scores cannot credit them (an omission has no characters in
    the Japanese), so they are measured by item, per code, against the share of machine
    translations with such a mark."""
    mt = [it for it in items if it.system != HUMAN_SYSTEM]
    by_code: dict[str, list[bool]] = defaultdict(list)
    for it, fs in zip(items, errors):
        if it.system == HUMAN_SYSTEM:
            continue
        for code in sorted({f.code for f in fs if f.category == "omission"}):
            by_code[code].append(it.missing > 0)
    return {
        "base_rate": round(sum(it.missing > 0 for it in mt) / max(len(mt), 1), 4),
        "codes": {c: {"items": len(v), "marked": round(sum(v) / len(v), 3)}
                  for c, v in sorted(by_code.items())},
    }


def baselines(items: Sequence[EsaItem]) -> dict[str, Any]:
    """Flag every character; flag every Latin-script run (as major, for major_f1)."""
    every = [[(0, len(it.translation))] for it in items]
    latin = [[m.span() for m in _LATIN_RUN.finditer(it.translation)] for it in items]
    latin_share = [-sum(b - a for a, b in sp) / max(len(it.translation), 1)
                   for it, sp in zip(items, latin)]
    return {
        "flag_everything": {"char": char_scores(items, every),
                            "major": char_scores(items, every, major_only=True)},
        "flag_latin_runs": {"char": char_scores(items, latin),
                            "major": char_scores(items, latin, major_only=True),
                            "segment": correlations(latin_share, [it.esa_score for it in items])},
    }


# --- configurations -------------------------------------------------------------------------


def raw_outcomes(items: Sequence[EsaItem], records: Mapping[str, Mapping[str, Any]]
                 ) -> list[Outcome]:
    """Every finding as the checks report it (no calibration, nothing hidden)."""
    from mtqa.config import Policy
    from mtqa.gate import evaluate
    from mtqa.score import mqm_score

    out = []
    policy = Policy()
    for it in items:
        rec = records[it.key]
        fs = findings_of(rec)
        score = mqm_score(fs, int(rec["words"]))
        out.append(Outcome(fs, 0, score, evaluate(fs, score, policy).passed))
    return out


def calibrated_outcomes(items: Sequence[EsaItem], records: Mapping[str, Mapping[str, Any]],
                        models: Mapping[int, Any], k: int,
                        model_floor: bool = False) -> list[Outcome]:
    """The pipeline's calibration step (``mtqa.risk.confidence.apply``) with each item's fold
    model, then the report's score and the default gate on the findings shown."""
    from mtqa.risk import confidence
    from mtqa.config import Policy
    from mtqa.gate import evaluate
    from mtqa.score import mqm_score

    out = []
    policy = Policy()
    for it in items:
        rec = records[it.key]
        model = models[doc_fold(it.doc_id, k)]
        shown, hidden = confidence.apply(findings_of(rec), model, segments_of(rec),
                                         model.floor if model_floor else 0.0)
        score = mqm_score(shown, int(rec["words"]))
        out.append(Outcome(shown, hidden, score, evaluate(shown, score, policy).passed))
    return out


# --- output ---------------------------------------------------------------------------------


def _fmt(x: float) -> str:
    return "nan" if isinstance(x, float) and math.isnan(x) else f"{x:.3f}"


def print_summary(name: str, m: Mapping[str, Any]) -> None:
    c, mj, s = m["char"], m["major"], m["segment"]
    print(f"\n== {name}")
    print(f"char P/R/F1 {_fmt(c['precision'])}/{_fmt(c['recall'])}/{_fmt(c['f1'])}  "
          f"major P/R/F1 {_fmt(mj['precision'])}/{_fmt(mj['recall'])}/{_fmt(mj['f1'])}")
    print(f"segment spearman {_fmt(s['spearman'])} kendall {_fmt(s['kendall'])}  "
          f"major_item_auc {_fmt(m['major_item_auc'])}")
    print(f"refA: {m['refa_paragraphs']} paragraphs, major share {_fmt(m['refa_major_share'])}, "
          f"{m['refa_findings_per_1000_chars']:.2f} findings/1000 chars "
          f"(MT: {m['mt_findings_per_1000_chars']:.2f}); hidden findings {m['hidden']}")
    print(f"default gate fails {m['gate_fails_refa']:.1%} of refA paragraphs, "
          f"{m['gate_fails_clean_mt']:.1%} of MT items without a human span, and catches "
          f"{m['gate_catches_human_major']:.1%} of items with a human major span")
    om = m["omissions"]
    codes = ", ".join(f"{c} {v['marked']:.2f} of {v['items']}" for c, v in om["codes"].items())
    print(f"MT items with an omission finding that an annotator marked 'missing': {codes or '-'}"
          f" (all MT items: {om['base_rate']:.3f})")
    print(f"{'check':16s} {'findings':>8s} {'on span':>8s}  severities")
    for check, row in m["per_check"].items():
        sev = ", ".join(f"{k} {v}" for k, v in sorted(row["severities"].items()))
        print(f"{check:16s} {row['findings']:8d} {row['on_span']:8.3f}  {sev}")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=str(DEFAULT_DATA),
                        help="ESA folder or .jsonl file (default: %(default)s)")
    parser.add_argument("--jobs", type=int, default=1,
                        help="processes checking items (default: %(default)s)")
    parser.add_argument("--limit", type=int, default=None, metavar="N",
                        help="only the first N items (after --domain)")
    parser.add_argument("--domain", choices=("news", "social", "speech", "literary"),
                        default=None, help="only the items of one domain")
    parser.add_argument("--folds", type=int, default=DEFAULT_FOLDS,
                        help="document folds for everything fitted (default: %(default)s)")
    parser.add_argument("--cache-dir", default=str(DEFAULT_CACHE_DIR),
                        help="findings cache folder (default: %(default)s)")
    parser.add_argument("--cache-file", default=None, metavar="PATH",
                        help="read and extend this cache file whatever the code digest (to "
                        "re-measure a run of known code while the tree changes)")
    parser.add_argument("--no-cache", action="store_true", help="recompute every item")
    parser.add_argument("--json", metavar="PATH", default=None,
                        help="also write every figure as one JSON object to PATH")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.jobs < 1 or (args.limit is not None and args.limit < 1) or args.folds < 2:
        parser.error("--jobs and --limit must be at least 1, --folds at least 2")
    t0 = time.perf_counter()

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    try:
        items = load_items(Path(args.data), args.domain, args.limit)
    except DataError as err:
        print(f"esa: {err}", file=sys.stderr)
        return 2
    records = run_items(items, args.jobs, cache_path(args), log)
    checks_seconds = sum(float(records[k].get("seconds", 0.0)) for k in {it.key for it in items})
    errors = sum(1 for k in {it.key for it in items} if "error" in records[k])
    results: dict[str, Any] = {"items": len(items), "refused_items": errors,
                               "baselines": baselines(items)}
    results["raw"] = measure(items, raw_outcomes(items, records))
    print_baselines(results["baselines"])
    print_summary("raw findings (as the checks report them, nothing hidden)", results["raw"])
    head = results["raw"]
    import fit_confidence  # benchmarks/fit_confidence.py: the fitting procedure

    corpus = fit_confidence.Corpus.build(items, records)
    if len(set(corpus.folds(args.folds).tolist())) == args.folds:
        log(f"confidence refitted out of fold ({args.folds} document folds)")
        models = fit_confidence.fold_models(corpus, args.folds, log)
        p, y = fit_confidence.out_of_fold(corpus, models, args.folds)
        results["calibration_out_of_fold"] = fit_confidence.calibration_figures(p, y)
        results["reliability_out_of_fold"] = fit_confidence.reliability(p, y)
        head = results["calibrated"] = measure(
            items, calibrated_outcomes(items, records, models, args.folds))
        results["calibrated_model_floor"] = measure(
            items, calibrated_outcomes(items, records, models, args.folds, model_floor=True))
        print_reliability(results)
        print_summary("calibrated, out of fold, min_confidence = the fitted floor",
                      results["calibrated_model_floor"])
        print_summary("calibrated, out of fold, min_confidence = 0 (unlikely findings minor)",
                      head)
    else:
        print(f"\n(too few documents for {args.folds} folds: calibrated figures skipped)")
    seconds = checks_seconds + (time.perf_counter() - t0)
    results["seconds"] = round(seconds, 1)
    if args.json:
        fit_confidence._atomic_write(Path(args.json), json.dumps(results, indent=1) + "\n")
    if errors:
        print(f"{errors} item(s) refused by mtqa (measured as no finding)")
    print(f"esa char_f1={_fmt(head['char']['f1'])} major_f1={_fmt(head['major']['f1'])} "
          f"seg_spearman={_fmt(head['segment']['spearman'])} "
          f"major_item_auc={_fmt(head['major_item_auc'])} "
          f"refa_major_share={_fmt(head['refa_major_share'])} items={len(items)} "
          f"seconds={seconds:.0f}")
    return 0


def print_baselines(b: Mapping[str, Any]) -> None:
    print("== baselines")
    for name, m in b.items():
        c, mj = m["char"], m["major"]
        seg = f"  segment spearman {_fmt(m['segment']['spearman'])}" if "segment" in m else ""
        print(f"{name:16s} char P/R/F1 {_fmt(c['precision'])}/{_fmt(c['recall'])}/"
              f"{_fmt(c['f1'])}  major F1 {_fmt(mj['f1'])}{seg}")


def print_reliability(results: Mapping[str, Any]) -> None:
    cal = results["calibration_out_of_fold"]
    print(f"\n== confidence, out of fold: {cal['findings']} findings, "
          f"{cal['confirmed_rate']:.1%} confirmed (on a human span, or a lost sentence in "
          f"an item marked missing); log loss {cal['log_loss']:.3f} "
          f"(base rate {cal['log_loss_base_rate']:.3f}), Brier {cal['brier']:.3f}, "
          f"AUC {_fmt(cal['auc'])}")
    print(f"{'confidence':12s} {'findings':>8s} {'mean':>6s} {'confirmed':>9s}")
    for row in results["reliability_out_of_fold"]:
        print(f"{row['bin']:12s} {row['findings']:8d} {row['mean_confidence']:6.3f} "
              f"{row['confirmed']:9.3f}")


if __name__ == "__main__":
    sys.exit(main())
