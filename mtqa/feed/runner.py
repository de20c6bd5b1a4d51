"""Checking a feed: many articles, streamed one by one, optionally in worker processes.

``check_feed()`` is the Python API (it returns a :class:`~mtqa.report.feed.FeedReport`
holding every report); :func:`run_feed` is what ``mtqa feed`` uses: it writes each item
to the output folder as soon as it is done and keeps nothing per item, so that memory
does not grow with the size of the feed.

Per-item isolation: whatever goes wrong with one article (unreadable file, empty text,
a line of JSON nested a thousand deep, a bug in a check) becomes that item's
``status: "error"`` record and the run goes on. Every input item gives exactly one record.

An input with no article at all is an input error (:class:`~mtqa.errors.InputError`)
unless ``allow_empty``: a gate that checked nothing must not pass (#15). Worker
processes exit when the process that started them dies, however it dies (#15).
"""

from __future__ import annotations

import bisect
import contextlib
import dataclasses
import itertools
import logging
import os
import re
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..config import ConfigArg, QAConfig
from ..errors import InputError, MtqaError, OutputError
from ..policy import api_config
from .inputs import (
    DIRECTORY_HINT,
    FeedItem,
    check_manifest_size,
    count_manifest,
    display_path,
    error_digest,
    input_digest,
    iter_directory,
    iter_feeds,
    iter_manifest,
    iter_manifest_stream,
    iter_records,
    load_item,
    scan_directory,
    text_digest,
    unique_ids,
)
from ..report.feed import FeedItemResult, FeedReport
from ..text.cache import clear_text_caches

if TYPE_CHECKING:
    from .outputs import Done, FeedOutputs, Totals
    from ..pipeline import Pipeline
    from ..report import Report

log = logging.getLogger(__name__)

#: Items submitted to the worker pool ahead of the one being written, per worker: enough
#: to keep every worker busy, few enough that pending items do not pile up in memory.
PENDING_PER_WORKER = 2
#: Times an item is tried again after a worker process died while it was pending (the
#: crash may have been another item's); after that it is recorded as an error.
MAX_WORKER_CRASHES = 1
#: Exit statuses after SIGINT / SIGTERM (128 + signal number, as shells report them).
EXIT_SIGNAL = {signal.SIGINT: 130, signal.SIGTERM: 143}
#: Seconds between a worker's looks at whether its parent is still alive (the fallback
#: where the kernel cannot signal the death: not Linux).
PARENT_POLL_S = 1.0
#: The manifest argument that means standard input.
STDIN = "-"
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


# --- inputs ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class FeedSource:
    """An opened feed input.

    Attributes:
        description: what the input is, for messages and the ``--resume`` check.
        total: number of items when known cheaply (the progress bar's total); ``None``
            for a stream, which can be read only once.
        factory: returns an iterator over the items (a fresh one, except for a stream).
        empty_hint: what to do when the input holds no article.
    """

    description: str
    total: int | None
    factory: Callable[[], Iterator[FeedItem]]
    empty_hint: str = "give at least one article"

    def items(self) -> Iterator[FeedItem]:
        """The items, duplicate ids turned into error items."""
        return unique_ids(self.factory())


def open_source(
    input: str | os.PathLike[str] | Iterable[Any] | None = None,
    *,
    reference_feed: str | os.PathLike[str] | None = None,
    translation_feed: str | os.PathLike[str] | None = None,
    feed_map: str | os.PathLike[str] | None = None,
    allow_outside_paths: bool = False,
) -> FeedSource:
    """Open a feed input: a JSONL manifest, a directory of pairs, two RSS/Atom feeds, or
    in-memory records (mappings like manifest lines, or ``(id, en, ja)`` tuples).

    A manifest may be a stream: ``"-"`` (standard input), ``/dev/stdin``, a named pipe
    or a shell's ``<(...)``. It is read once, as the run goes (#15); its relative paths
    are relative to the working directory.

    Problems with the input as a whole (missing manifest, malformed or unsafe feed,
    a file over the size limit) are raised here, before any item is checked.

    Raises:
        InputError: the input cannot be read.
    """
    if reference_feed is not None or translation_feed is not None:
        if reference_feed is None or translation_feed is None or input is not None:
            raise InputError("give both --reference-feed and --translation-feed (and no INPUT)")
        items = list(iter_feeds(reference_feed, translation_feed, feed_map))  # feeds are small
        desc = f"feeds {display_path(reference_feed)} {display_path(translation_feed)}"
        if feed_map is not None:
            desc += f" map {display_path(feed_map)}"
        return FeedSource(desc, len(items), lambda: iter(items),
                          "the feeds have no entries")
    if input is None:
        raise InputError("give INPUT (a JSONL manifest or a folder of pairs), or two feeds")
    if isinstance(input, (str, os.PathLike)):
        if os.fspath(input) == STDIN:
            return _stream_source("<stdin>", None, allow_outside_paths)
        p = Path(input)
        if not p.exists():
            raise InputError(f"{input}: no such manifest file or folder")
        if p.is_dir():
            total = len(scan_directory(p))
            return FeedSource(f"directory {display_path(p)}", total, lambda: iter_directory(p),
                              f"no <id>.en.txt / <id>.ja.txt files; {DIRECTORY_HINT}")
        if not p.is_file():  # a pipe or a terminal: counting its lines would use it up
            return _stream_source(display_path(p), p, allow_outside_paths)
        check_manifest_size(p, display_path(p))
        list(_first(iter_manifest(p, allow_outside_paths)))  # fail now if unreadable
        return FeedSource(f"manifest {display_path(p)}", count_manifest(p),
                          lambda: iter_manifest(p, allow_outside_paths), _MANIFEST_HINT)
    records = list(input)
    return FeedSource("records", len(records), lambda: iter_records(records))


_MANIFEST_HINT = "the manifest has no article line (one JSON object a line)"


def _stream_source(name: str, path: Path | None, allow_outside: bool) -> FeedSource:
    """A manifest read once from a stream: ``path`` (a pipe, FIFO or terminal), or
    standard input when ``path`` is ``None``."""
    used = False

    def items() -> Iterator[FeedItem]:
        nonlocal used
        if used:
            raise MtqaError(f"{name}: a stream is read only once; save the manifest to a file")
        used = True
        return _read_stream(name, path, allow_outside)

    return FeedSource(f"manifest {name}", None, items, _MANIFEST_HINT)


def _read_stream(name: str, path: Path | None, allow_outside: bool) -> Iterator[FeedItem]:
    base = Path.cwd()
    if path is None:
        yield from iter_manifest_stream(sys.stdin.buffer, name, base, allow_outside)
        return
    try:
        fh = path.open("rb")  # here, not before: opening a FIFO waits for its writer
    except OSError as err:
        raise InputError(f"{name}: cannot read ({err.strerror})") from err
    with fh:
        yield from iter_manifest_stream(fh, name, base, allow_outside)


def _first(it: Iterator[FeedItem]) -> Iterator[FeedItem]:
    for item in it:
        yield item
        return


# --- one item -------------------------------------------------------------------------------


@dataclass
class ItemOutcome:
    """What checking one item produced.

    Attributes:
        record: the ``report.jsonl`` object (report JSON plus id, status, index...).
        page: the article's HTML page, when asked for.
        report: the :class:`Report`, when asked for (the Python API).
    """

    index: int
    id: str
    record: dict[str, Any]
    page: str | None = None
    report: Report | None = None
    meta: dict[str, Any] = field(default_factory=dict)


def _line_starts(text: str) -> list[int]:
    """Offsets where lines start (after LF, CRLF or a lone CR, as editors count lines)."""
    return [0, *(m.end() for m in _LINE_BREAK.finditer(text))]


def process_item(
    item: FeedItem, pipeline: Pipeline, want_page: bool = True, want_report: bool = False
) -> ItemOutcome:
    """Load and check one item; every failure becomes an error record, never an exception.

    Args:
        item: the item.
        pipeline: the pipeline (built once per process).
        want_page: render the article's HTML page (``Report.to_html``).
        want_report: return the :class:`Report` too (it must then be picklable).
    """
    t0 = time.perf_counter()
    clear_text_caches()  # the previous article's: memory stays flat over a feed (#20)
    source = {"file": item.source_file, "line": item.source_line}
    head: dict[str, Any] = {"id": item.id, "status": "ok", "index": item.index}
    digest: str | None = None
    try:
        try:
            reference, translation = load_item(item)
        except InputError as err:
            return _error_outcome(item, head, str(err), source, t0,
                                  digest=error_digest(str(err), item.meta))
        digest = text_digest(reference, translation, item.meta)
        report = pipeline.run(reference, translation)
    except MtqaError as err:
        return _error_outcome(item, head, str(err), source, t0, digest=digest)
    except Exception as err:  # noqa: BLE001 - the per-item isolation boundary (issue #7):
        # a bug in one check on one strange article must not stop the feed; the item is
        # recorded as an error naming the exception and the run goes on.
        log.debug("item %s failed", item.id, exc_info=True)
        return _error_outcome(item, head, f"{item.id}: internal error {type(err).__name__}: "
                              f"{err}; please report it with this article", source, t0,
                              digest=digest)
    record = {**head, **report.to_dict()}
    starts = _line_starts(translation) if item.text_lines else None
    for f in record["findings"]:
        if starts is not None:
            f["line"] = bisect.bisect_right(starts, f["start"])
        else:
            f["line"] = item.source_line
    record["meta"] = dict(item.meta)
    record["source"] = source
    page = None
    if want_page:
        page = report.to_html(title=f"mtqa: {item.id}")
    record["elapsed_s"] = round(time.perf_counter() - t0, 4)
    record["input_sha256"] = digest
    return ItemOutcome(item.index, item.id, record, page,
                       _picklable(report) if want_report else None, dict(item.meta))


def _error_outcome(item: FeedItem, head: dict[str, Any], message: str,
                   source: dict[str, Any], t0: float, *, digest: str | None = None) -> ItemOutcome:
    """The error record of an item; ``digest`` is the hash of its input as far as it
    was read (``None``: ``--resume`` checks the item again, e.g. after a worker died)."""
    record = {**head, "status": "error", "error": message, "meta": dict(item.meta),
              "source": source, "elapsed_s": round(time.perf_counter() - t0, 4),
              "input_sha256": digest}
    return ItemOutcome(item.index, item.id, record, None, None, dict(item.meta))


def _picklable(report: Report) -> Report:
    """The report with read-only mapping proxies (not picklable) replaced by dicts, so that
    it can come back from a worker process."""
    findings = tuple(dataclasses.replace(f, evidence=dict(f.evidence)) for f in report.finding_list)
    return dataclasses.replace(report, finding_list=findings,
                               signature_parts=dict(report.signature_parts),
                               meta=dict(report.meta))


# --- workers --------------------------------------------------------------------------------

_WORKER_PIPELINE: Pipeline | None = None
_WORKER_ERROR: str | None = None


def _init_worker(config: QAConfig, parent_pid: int | None = None) -> None:
    """Build the worker's pipeline once. Signals are left to the parent, which stops
    feeding work and lets the items in progress finish (Ctrl-C reaches the whole
    process group); the worker exits when ``parent_pid`` dies (:func:`exit_with_parent`)."""
    global _WORKER_PIPELINE, _WORKER_ERROR
    if parent_pid is not None:
        exit_with_parent(parent_pid)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    try:
        _WORKER_PIPELINE = build_pipeline(config)
    except MtqaError as err:
        _WORKER_ERROR = str(err)


def exit_with_parent(parent_pid: int) -> None:
    """Make this process exit when ``parent_pid``, its parent, dies.

    A worker ignores SIGINT and SIGTERM (the parent handles them), so when the parent is
    killed (SIGKILL, a second SIGTERM, the OOM killer) nothing would stop it: it would
    wait on its task pipe for ever, holding its model (#15). On Linux the kernel sends
    SIGKILL at the parent's death (``prctl(PR_SET_PDEATHSIG)``, proc(5)); everywhere a
    daemon thread also polls the parent id, which changes when the process is adopted.
    Called from the worker's initializer; the pool's processes are started by the thread
    that runs the feed, which lives as long as the pool (the kernel signal follows the
    thread that forked the child).
    """
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            import ctypes

            pr_set_pdeathsig = 1  # <linux/prctl.h>
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(pr_set_pdeathsig, int(signal.SIGKILL), 0, 0, 0)
    if os.getppid() != parent_pid:  # died before the signal was asked for
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent_pid,), name="mtqa-parent-watch",
                     daemon=True).start()


def _watch_parent(parent_pid: int) -> None:
    while os.getppid() == parent_pid:
        time.sleep(PARENT_POLL_S)
    os._exit(1)  # no cleanup: the parent, which owned the run, is gone


def _worker_probe() -> str | None:
    return _WORKER_ERROR


def _worker_process(item: FeedItem, want_page: bool, want_report: bool) -> ItemOutcome:
    if _WORKER_PIPELINE is None:
        return _error_outcome(item, {"id": item.id, "status": "error", "index": item.index},
                              _WORKER_ERROR or "worker not initialised",
                              {"file": item.source_file, "line": item.source_line},
                              time.perf_counter())
    return process_item(item, _WORKER_PIPELINE, want_page, want_report)


def build_pipeline(config: QAConfig) -> Pipeline:
    """A pipeline with its engine, checks and resources loaded now, so that a bad model,
    check name or glossary is one usage error before the run, not an error per item.

    Raises:
        MtqaError: the configuration cannot be used.
    """
    from ..pipeline import Pipeline

    pipeline = Pipeline(config)
    load = getattr(pipeline.engine, "load", None)
    if callable(load):  # the model itself, not just its folder: a damaged one fails here
        load()
    pipeline.resources  # noqa: B018
    pipeline.signature_parts()
    return pipeline


class StopFlag:
    """Set by a signal handler; the runner stops taking new items when it is set."""

    def __init__(self) -> None:
        self.signum: int | None = None

    def __bool__(self) -> bool:
        return self.signum is not None


def run_items(
    items: Iterable[FeedItem],
    config: QAConfig,
    jobs: int = 1,
    *,
    want_page: bool = True,
    want_report: bool = False,
    stop: StopFlag | None = None,
    pipeline: Pipeline | None = None,
    executor: ProcessPoolExecutor | None = None,
) -> Iterator[ItemOutcome]:
    """Check items and yield their outcomes in input order.

    Args:
        items: the items (consumed lazily).
        config: the configuration.
        jobs: worker processes; 1 checks in this process.
        want_page: render each article's HTML page.
        want_report: return each :class:`Report` (the Python API).
        stop: when set, no new item is started; items in progress finish and are yielded.
        pipeline: a pipeline already built for ``config`` (``jobs == 1`` only).
        executor: a pool from :func:`new_pool` for ``config`` (``jobs > 1`` only); it is
            shut down at the end.

    Raises:
        MtqaError: the configuration cannot be used (model, checks, glossary).
    """
    stop = StopFlag() if stop is None else stop
    if jobs <= 1:
        pipe = pipeline or build_pipeline(config)
        for item in items:
            if stop:
                return
            yield process_item(item, pipe, want_page, want_report)
        return
    yield from _run_pool(iter(items), config, jobs, want_page, want_report, stop, executor)


def _run_pool(items: Iterator[FeedItem], config: QAConfig, jobs: int, want_page: bool,
              want_report: bool, stop: StopFlag,
              executor: ProcessPoolExecutor | None) -> Iterator[ItemOutcome]:
    """Ordered results from a pool, with at most ``jobs * PENDING_PER_WORKER`` items in
    flight (``Executor.map`` would read the whole input ahead), and workers that die
    (e.g. killed for memory) replaced without losing or duplicating an item."""
    window = max(1, jobs * PENDING_PER_WORKER)
    crashes: dict[int, int] = {}
    pending: deque[tuple[FeedItem, Future[ItemOutcome]]] = deque()
    executor = executor or new_pool(config, jobs)
    exhausted = False
    try:
        while True:
            while not exhausted and not stop and len(pending) < window:
                item = next(items, None)
                if item is None:
                    exhausted = True
                    break
                pending.append((item, executor.submit(_worker_process, item, want_page,
                                                      want_report)))
            if not pending:
                return
            item, fut = pending[0]
            try:
                outcome = fut.result()
            except BrokenProcessPool:
                executor.shutdown(wait=True, cancel_futures=True)
                executor = new_pool(config, jobs)
                retry: deque[tuple[FeedItem, Future[ItemOutcome]]] = deque()
                for it, _ in pending:
                    crashes[it.index] = crashes.get(it.index, 0) + 1
                    if crashes[it.index] > MAX_WORKER_CRASHES:
                        msg = (f"{it.id}: the worker process died while checking this item "
                               "(out of memory?); check it alone with mtqa check")
                        done: Future[ItemOutcome] = Future()
                        done.set_result(_error_outcome(
                            it, {"id": it.id, "status": "error", "index": it.index}, msg,
                            {"file": it.source_file, "line": it.source_line},
                            time.perf_counter()))
                        retry.append((it, done))
                    else:
                        retry.append((it, executor.submit(_worker_process, it, want_page,
                                                          want_report)))
                pending = retry
                continue
            pending.popleft()
            crashes.pop(item.index, None)
            yield outcome
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


def new_pool(config: QAConfig, jobs: int) -> ProcessPoolExecutor:
    """A pool of ``jobs`` worker processes, each with its pipeline built.

    Workers are started with ``spawn``: forking a parent that may hold torch threads or
    an open SQLite connection (JMdict) is unsafe, and spawn is what macOS and Windows do.

    Raises:
        MtqaError: the configuration cannot be used (reported by the first worker).
    """
    import multiprocessing

    executor = ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker,
                                   initargs=(config, os.getpid()),
                                   mp_context=multiprocessing.get_context("spawn"))
    err = executor.submit(_worker_probe).result()
    if err is not None:
        executor.shutdown(wait=True)
        raise MtqaError(err)
    return executor


# --- runs -----------------------------------------------------------------------------------

#: Another way to check the items (``items, want_page, want_report, stop``), yielding their
#: outcomes in input order: what :func:`run_feed` uses instead of :func:`run_items` for
#: ``--engine ray`` (:class:`mtqa.feed.ray_runner.RayRunner`).
Runner = Callable[[Iterator[FeedItem], bool, bool, StopFlag], Iterator[ItemOutcome]]


@dataclass
class FeedRunResult:
    """Outcome of :func:`run_feed`.

    Attributes:
        totals: counts over the whole output folder (earlier runs included on resume).
        checked: items checked by this run.
        skipped: items reused from an earlier run (in the journal, input unchanged).
        interrupted: the signal that stopped the run, or ``None``.
        total: items in the input, when known (counted beforehand, or read to the end).
        changed: items of an earlier run checked again because their input changed
            (counted in ``checked``).
    """

    totals: Totals
    checked: int
    skipped: int
    interrupted: int | None
    total: int | None = None
    changed: int = 0

    @property
    def reused(self) -> int:
        return self.skipped

    @property
    def not_reached(self) -> int | None:
        """Items of the input neither checked now nor reused (an interrupted run), when
        the input's size is known."""
        if self.total is None:
            return None
        return max(0, self.total - self.checked - self.skipped)

    @property
    def exit_code(self) -> int:
        if self.interrupted is not None:
            return EXIT_SIGNAL.get(signal.Signals(self.interrupted), 128 + self.interrupted)
        return 0 if self.totals.all_passed else 1


@dataclass
class _Tally:
    """What :func:`_todo` saw of the input."""

    read: int = 0
    skipped: int = 0
    changed: int = 0
    exhausted: bool = False


def _nonempty(source: FeedSource, allow_empty: bool) -> Iterator[FeedItem]:
    """The source's items, after making sure there is one: a run that checks nothing
    must not pass (#15). Only the first item is read ahead (a stream stays a stream).

    Raises:
        InputError: no item, and ``allow_empty`` is false.
    """
    items = source.items()
    first = next(items, None)
    if first is None:
        if not allow_empty:
            raise InputError(f"{source.description}: nothing to check: {source.empty_hint} "
                             "(pass --allow-empty when an empty feed is expected)")
        return iter(())
    return itertools.chain([first], items)


def _todo(items: Iterable[FeedItem], done: Mapping[int, Done], tally: _Tally,
          out_dir: str | os.PathLike[str], progress: Any) -> Iterator[FeedItem]:
    """The items to check: those not in the journal, and those whose input changed
    since their record was written (its ``input_sha256``, #15)."""
    for item in items:
        tally.read += 1
        prev = done.get(item.index)
        if prev is not None:
            if prev.id != item.id:
                raise InputError(
                    f"{out_dir}: item {item.index + 1} of the input is {item.id!r} but "
                    f"the earlier run wrote {prev.id!r} there; the input "
                    "changed: rerun without --resume"
                )
            if prev.digest is not None and prev.digest == input_digest(item):
                tally.skipped += 1
                if progress is not None:
                    progress.update(1)
                continue
            tally.changed += 1  # its texts changed: its old verdict must not stand
        yield item
    tally.exhausted = True


def run_feed(
    source: FeedSource,
    config: QAConfig,
    out_dir: str | os.PathLike[str],
    *,
    jobs: int = 1,
    resume: bool = False,
    pages: bool = True,
    progress: Any = None,
    stop: StopFlag | None = None,
    on_record: Callable[[dict[str, Any]], None] | None = None,
    on_outcome: Callable[[ItemOutcome], None] | None = None,
    want_report: bool = False,
    runner: Runner | None = None,
    allow_empty: bool = False,
) -> FeedRunResult:
    """Check a feed into ``out_dir``, item by item (see :mod:`mtqa.feed.outputs`).

    Args:
        source: the opened input.
        config: the configuration.
        out_dir: output folder.
        jobs: worker processes.
        resume: skip the items already in ``out_dir/report.jsonl`` whose input is unchanged.
        pages: write one HTML page per article.
        progress: a tqdm-like object with ``update(n)`` (or ``None``).
        stop: stop flag set by signal handlers.
        on_record: called with each record at the end (annotations).
        on_outcome: called with each outcome as it is written (the Python API).
        want_report: keep the :class:`Report` in each outcome.
        runner: checks the items instead of this process or its pool (``jobs`` is then
            unused), e.g. :class:`mtqa.feed.ray_runner.RayRunner`; started by the caller.
        allow_empty: an input without articles is a (passing) run, not an input error.

    Returns:
        Counts over the folder, items checked and reused, the input's size when known,
        and the stopping signal.

    Raises:
        InputError: no article in the input (unless ``allow_empty``), or ``--resume``
            with an input whose items moved.
        OutputError: an output cannot be written (disk full, I/O error); what was
            journalled stays valid for ``--resume``.
        MtqaError: unusable configuration or output folder, or ``--resume`` mismatch.
    """
    from .outputs import FeedOutputs

    stop = StopFlag() if stop is None else stop
    items = _nonempty(source, allow_empty)  # before the model is loaded or a file written
    state = {"input": source.description, "config": repr(config)}
    # a bad model, check or glossary is one usage error before the folder is touched
    pipeline = build_pipeline(config) if jobs <= 1 and runner is None else None
    executor = new_pool(config, jobs) if jobs > 1 and runner is None else None
    outputs = FeedOutputs(out_dir, pages=pages)
    done = _open_outputs(outputs, resume, state, executor)
    tally = _Tally()
    checked = 0
    failure: BaseException | None = None
    try:
        todo = _todo(items, done, tally, out_dir, progress)
        outcomes = (runner(todo, pages, want_report, stop) if runner is not None else
                    run_items(todo, config, jobs, want_page=pages, want_report=want_report,
                              stop=stop, pipeline=pipeline, executor=executor))
        try:
            checked = _write_outcomes(outcomes, outputs, progress, on_outcome)
        finally:
            _close(outcomes, executor)
    except BaseException as err:
        failure = err
        raise
    finally:
        # also on an exception or a signal: derived files are rebuilt from what is written
        totals = _finish(outputs, on_record, tally.read if tally.exhausted else None, failure)
    total = tally.read if tally.exhausted else source.total
    return FeedRunResult(totals, checked, tally.skipped, stop.signum, total, tally.changed)


def _open_outputs(outputs: FeedOutputs, resume: bool, state: dict[str, str],
                  executor: ProcessPoolExecutor | None) -> Mapping[int, Done]:
    """Open the output folder and return the journal of an earlier run (empty unless
    ``resume``). When the folder cannot be used, the folder and the worker pool started
    for the run are closed before the error goes up: nothing is left running."""
    try:
        return outputs.open(resume, state)
    except BaseException:
        outputs.close()
        if executor is not None:
            executor.shutdown(wait=True)
        raise


def _write_outcomes(outcomes: Iterator[ItemOutcome], outputs: FeedOutputs, progress: Any,
                    on_outcome: Callable[[ItemOutcome], None] | None) -> int:
    """Write each outcome to the folder as soon as it comes (nothing is kept per item, so
    memory does not grow with the feed) and return how many were written."""
    written = 0
    for outcome in outcomes:
        outputs.write(outcome.record, outcome.page)
        written += 1
        if progress is not None:
            progress.update(1)
        if on_outcome is not None:
            on_outcome(outcome)
    return written


def _close(outcomes: Iterator[ItemOutcome], executor: ProcessPoolExecutor | None) -> None:
    """Stop the checking (a generator left half-way keeps its pool until collected)."""
    close = getattr(outcomes, "close", None)
    if close is not None:
        close()
    if executor is not None:
        executor.shutdown(wait=True, cancel_futures=True)


def _finish(outputs: Any, on_record: Callable[[dict[str, Any]], None] | None,
            items: int | None, failure: BaseException | None) -> Totals:
    """Rebuild the derived files and close the folder. When the run already failed
    (e.g. the disk is full), a second failure here is not reported over the first."""
    from .outputs import Totals

    try:
        return outputs.finalize(on_record, items)  # type: ignore[no-any-return]
    except OutputError:
        if failure is None:
            raise
        log.debug("derived files not rebuilt after %r", failure, exc_info=True)
        return Totals()
    finally:
        outputs.close()


def check_feed(
    input: str | os.PathLike[str] | Iterable[Any] | None = None,
    *,
    reference_feed: str | os.PathLike[str] | None = None,
    translation_feed: str | os.PathLike[str] | None = None,
    feed_map: str | os.PathLike[str] | None = None,
    out: str | os.PathLike[str] | None = None,
    resume: bool = False,
    jobs: int = 1,
    allow_outside_paths: bool = False,
    allow_empty: bool = False,
    config: ConfigArg = None,
    **options: Any,
) -> FeedReport:
    """Check every article of a feed.

    Args:
        input: a JSONL manifest (``"-"``: standard input), a folder of
            ``<id>.en.txt``/``<id>.ja.txt`` pairs, or records (mappings with ``id``,
            ``reference``, ``translation``, or ``(id, reference, translation)`` tuples).
        reference_feed: English RSS/Atom file (with ``translation_feed``, instead of input).
        translation_feed: Japanese RSS/Atom file.
        feed_map: explicit entry mapping for the two feeds (see
            :func:`mtqa.feed.inputs.read_feed_map`).
        out: also write the output folder (``report.jsonl``, ``summary.csv``...).
        resume: with ``out``, skip the items already written there whose input is
            unchanged (they are not in the returned report).
        jobs: worker processes.
        allow_outside_paths: accept manifest paths outside the manifest's folder.
        allow_empty: return an empty result for an input without articles, instead of
            raising :class:`~mtqa.errors.InputError`.
        config: the policy, read as :func:`mtqa.check` reads it (#16): ``None`` looks for
            ``mtqa.toml`` / ``[tool.mtqa]`` in the working directory as ``mtqa feed`` does,
            ``False`` reads no file, a path reads that file, a ``QAConfig`` is used as given.
        **options: overrides of the configuration, as for :func:`mtqa.check`.

    Returns:
        One :class:`~mtqa.report.feed.FeedItemResult` per item, in input order.

    Raises:
        MtqaError: unreadable or empty input, or unusable configuration (problems with
            single items are error items instead).
    """
    cfg, _ = api_config(config, options)  # each report names its policy file
    source = open_source(input, reference_feed=reference_feed, translation_feed=translation_feed,
                         feed_map=feed_map, allow_outside_paths=allow_outside_paths)
    result = FeedReport()

    def keep(o: ItemOutcome) -> None:
        result.items.append(FeedItemResult(o.id, o.record["status"], o.report,
                                           o.record.get("error"), o.meta))

    if out is not None:
        run_feed(source, cfg, out, jobs=jobs, resume=resume, on_outcome=keep, want_report=True,
                 allow_empty=allow_empty)
        return result
    for outcome in run_items(_nonempty(source, allow_empty), cfg, jobs, want_page=False,
                             want_report=True):
        keep(outcome)
    return result
