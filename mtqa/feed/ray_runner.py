"""Checking a feed on Ray (issue #20): ``mtqa feed ... --engine ray``.

A backfill re-checks an archive of hundreds of thousands of articles; newsrooms that
have one run clusters, often with GPUs, and Ray is the usual engine there for batch
inference with models held on the accelerators. This module replaces only *how
articles are checked* (the worker pool of :mod:`mtqa.feed.runner`): the items, the journal,
the derived files, the exit codes and ``--resume`` are those of
:func:`mtqa.feed.runner.run_feed`, which receives a :class:`RayRunner` as its ``runner``.

* Each worker is a Ray actor holding one pipeline, built once (on a GPU when
  ``gpus_per_worker`` is set: Ray then gives the actor its share of a device and sets
  ``CUDA_VISIBLE_DEVICES``, so the default ``--device auto`` finds it).
* Articles stream to the actors with back-pressure: at most :data:`TASKS_PER_ACTOR`
  tasks in flight per actor and :data:`AHEAD_PER_WORKER` articles per worker between
  the one being written and the newest dispatched, whatever the feed's length.
  Outcomes come back in any order and are yielded in input order.
* An article whose check fails is an error record (as in a local run). An actor that
  dies (its process killed, e.g. for memory, or its node lost) is replaced, and its
  articles are tried again, at most :data:`mtqa.feed.runner.MAX_WORKER_CRASHES` times each,
  then recorded as errors.
* When the stop flag is set (Ctrl-C, SIGTERM) nothing new is dispatched; articles in
  progress finish and are yielded. Any that cannot finish are left out of the journal,
  so that ``--resume`` checks them again.

Articles given as file paths are read by the actors: on a cluster the paths must be
readable on every node (a shared file system), or the manifest must hold the texts.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import socket
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING, Any

from ..config import QAConfig
from ..errors import ConfigError, MissingDependencyError, MtqaError
from .runner import MAX_WORKER_CRASHES, ItemOutcome, StopFlag, _error_outcome, process_item
from .inputs import FeedItem

if TYPE_CHECKING:
    from ..pipeline import Pipeline

log = logging.getLogger(__name__)

#: The install line given when Ray is missing.
INSTALL_HINT = "pip install 'mtqa[ray]'"
#: Tasks in flight per actor: one running and one queued behind it, so that an actor
#: never idles for a round trip between two articles, and few enough that a dead
#: actor takes little work with it.
TASKS_PER_ACTOR = 2
#: Articles dispatched but not yet written, per worker. Outcomes arrive out of order and
#: are written in input order, so a slow article holds the later ones back; this bounds
#: what is held (and thus memory) while letting the other actors keep working.
AHEAD_PER_WORKER = 8
#: Seconds between looks at the stop flag while waiting for outcomes (a signal handler
#: runs only when Ray's wait returns to the interpreter).
POLL_S = 0.5
#: How long to wait, when an actor has died, for each of its other tasks to resolve: one
#: that finished just before the death may not have reported yet, and counting it lost
#: would charge a healthy article with the death (a task lost with the actor resolves to
#: its error at once, so this only bounds a race).
FINISHED_GRACE_S = 2.0
#: Seconds to wait for a Ray cluster's address to accept a connection.
CONNECT_TIMEOUT_S = 10.0
#: Ray errors that mean the worker is gone, not that the article is bad: the article is
#: tried again on a live actor.
_DEATH_ERRORS = ("RayActorError", "WorkerCrashedError", "NodeDiedError", "ObjectLostError",
                 "OutOfMemoryError")

#: What an actor runs for one item: :func:`mtqa.feed.runner.process_item` or a replacement.
_ANSI = re.compile(r"\x1b\[[0-9;]*m")

ProcessFn = Callable[[FeedItem, "Pipeline", bool, bool], ItemOutcome]


def import_ray() -> ModuleType:
    """The ``ray`` module.

    Raises:
        MissingDependencyError: Ray is not installed (with the install line).
    """
    try:
        import ray
    except ImportError as err:
        raise MissingDependencyError(
            f"--engine ray needs Ray; install it with: {INSTALL_HINT}"
        ) from err
    return ray


def check_reachable(address: str | None, timeout: float = CONNECT_TIMEOUT_S) -> None:
    """Fail fast when a ``host:port`` Ray address does not answer: ``ray.init`` would retry
    for minutes, printing a warning every few seconds.

    Raises:
        ConfigError: nothing listens at ``address``.
    """
    if not address or address in ("auto", "local"):
        return
    hostport = address.split("://", 1)[-1]
    host, _, port = hostport.rpartition(":")
    if not host or not port.isdigit():
        raise ConfigError(f"--ray-address {address!r}: give host:port (as ray start --head "
                          "prints it), 'auto' or 'local'")
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=timeout).close()
    except OSError as err:
        raise ConfigError(f"Ray address {address}: no Ray cluster answers there "
                          f"({err.strerror or err}); start one with ray start --head") from err


class _Checker:
    """A Ray actor's state: one pipeline, built once, checking one item at a time.

    Made a Ray actor class in :meth:`RayRunner.start` (Ray is imported lazily, so that
    this module loads without it).

    Args:
        config: the run's configuration.
        cwd: the driver's working directory, entered when it exists here, so that paths
            in messages read as in a local run.
        process: what to run per item (``None``: :func:`mtqa.feed.runner.process_item`).
    """

    def __init__(self, config: QAConfig, cwd: str, process: ProcessFn | None) -> None:
        from .runner import build_pipeline

        if os.path.isdir(cwd):
            os.chdir(cwd)
        self._process = process or process_item
        self._pipeline: Pipeline | None = None
        self._error: str | None = None
        try:
            self._pipeline = build_pipeline(config)
        except MtqaError as err:  # reported once by probe(), before any item
            self._error = str(err)

    def probe(self) -> str | None:
        """Why the pipeline could not be built, or ``None``."""
        return self._error

    def pid(self) -> int:
        return os.getpid()

    def check(self, item: FeedItem, want_page: bool, want_report: bool) -> ItemOutcome:
        if self._pipeline is None:
            return failed_outcome(item, self._error or "Ray worker not initialised")
        return self._process(item, self._pipeline, want_page, want_report)


def failed_outcome(item: FeedItem, message: str) -> ItemOutcome:
    """An error record for ``item`` (the same shape as a local run's)."""
    return _error_outcome(item, {"id": item.id, "status": "error", "index": item.index},
                          message, {"file": item.source_file, "line": item.source_line},
                          time.perf_counter())


def _first_line(err: BaseException) -> str:
    """The first line of an exception's message, without terminal colour codes."""
    text = _ANSI.sub("", str(err)).strip()
    return text.splitlines()[0] if text else ""


@dataclass
class _Task:
    """One article dispatched: its place in the input order and the actor it went to."""

    seq: int
    item: FeedItem
    slot: int = 0
    actor: Any = None
    sent: int = 0  # submission number: an actor runs its tasks in this order


class RayRunner:
    """Checks items on Ray actors; a ``runner`` for :func:`mtqa.feed.runner.run_feed`.

    Use as a context manager (or call :meth:`start` and :meth:`close`): starting
    connects to Ray (or starts a local instance) and builds every actor's pipeline, so
    that a bad configuration or a cluster too small is one error before the output
    folder is touched.

    Args:
        config: the configuration.
        workers: actors (each holds a pipeline); ``None``: one per CPU of the cluster,
            or per ``gpus_per_worker`` share of its GPUs.
        gpus_per_worker: GPUs each actor asks Ray for (a fraction shares a device).
        address: Ray cluster address (``ray start --head`` prints it); ``None``: the
            one in ``RAY_ADDRESS``, else a new local instance; ``"local"``: a new local
            instance.
        process: what actors run per item (``None``: :func:`mtqa.feed.runner.process_item`).
    """

    def __init__(self, config: QAConfig, workers: int | None = None, *,
                 gpus_per_worker: float = 0.0, address: str | None = None,
                 process: ProcessFn | None = None) -> None:
        if workers is not None and workers < 1:
            raise ConfigError(f"--workers {workers}: give at least 1 worker")
        if gpus_per_worker < 0:
            raise ConfigError(f"--gpus-per-worker {gpus_per_worker}: give 0 or more")
        self.config = config
        self.workers = workers
        self.gpus_per_worker = gpus_per_worker
        self.address = address
        self.process = process
        #: Actors replaced after they died, and articles sent again because of it.
        self.restarts = 0
        self.retries = 0
        self._ray: ModuleType | None = None
        self._started_ray = False
        self._actor_class: Any = None
        self._actors: list[Any] = []

    # --- life cycle -------------------------------------------------------------------------
    def __enter__(self) -> RayRunner:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def start(self) -> None:
        """Connect to Ray and start the actors, each with its pipeline built.

        Raises:
            MissingDependencyError: Ray is not installed.
            ConfigError: the cluster has too few CPUs or GPUs for the workers asked for.
            MtqaError: the configuration cannot be used (reported by the first actor).
        """
        ray = self._ray = import_ray()
        if not ray.is_initialized():
            check_reachable(self.address or os.environ.get("RAY_ADDRESS"))
            try:
                ray.init(address=self.address, logging_level=logging.WARNING,
                         log_to_driver=False)
            except (ConnectionError, ValueError, RuntimeError) as err:
                where = self.address or "a local instance"
                raise ConfigError(f"--engine ray: cannot start or reach Ray ({where}): {err}"
                                  ) from err
            self._started_ray = True
        try:
            self.workers = self._fit_workers(ray.cluster_resources())
            self._actor_class = ray.remote(num_cpus=1, num_gpus=self.gpus_per_worker,
                                           max_restarts=0)(_Checker)
            self._actors = [self._new_actor() for _ in range(self.workers)]
            errors = ray.get([a.probe.remote() for a in self._actors])
        except BaseException:
            self.close()
            raise
        problem = next((e for e in errors if e is not None), None)
        if problem is not None:
            self.close()
            raise MtqaError(problem)
        log.info("Ray: %d worker(s) ready (%s GPU each)", self.workers, self.gpus_per_worker)

    def _fit_workers(self, resources: dict[str, float]) -> int:
        """The number of actors: as asked, if the cluster can hold them all at once."""
        cpus = int(resources.get("CPU", 0))
        gpus = float(resources.get("GPU", 0))
        g = self.gpus_per_worker
        n = self.workers
        if n is None:
            n = int(gpus // g) if g > 0 else cpus
        if g > 0 and (n < 1 or n * g > gpus + 1e-9):
            raise ConfigError(f"--workers {max(n, 1)} x --gpus-per-worker {g:g} needs "
                              f"{max(n, 1) * g:g} GPUs; the Ray cluster has {gpus:g}; give "
                              "fewer workers, or add GPU nodes")
        if n < 1 or n > cpus:
            raise ConfigError(f"--workers {n} needs {n} CPUs (one per worker); the Ray cluster "
                              f"has {cpus}; give fewer workers or add nodes")
        return n

    def _new_actor(self) -> Any:
        return self._actor_class.remote(self.config, os.getcwd(), self.process)

    def worker_pids(self) -> list[int]:
        """Process ids of the actors (to watch them, or to test a crash)."""
        assert self._ray is not None, "RayRunner.start() first"
        return list(self._ray.get([a.pid.remote() for a in self._actors]))

    def close(self) -> None:
        """Stop the actors, and Ray itself when this runner started it."""
        ray = self._ray
        if ray is None:
            return
        for a in self._actors:
            ray.kill(a)
        self._actors = []
        if self._started_ray:
            ray.shutdown()
            self._started_ray = False

    # --- the run ----------------------------------------------------------------------------
    def __call__(self, items: Iterable[FeedItem], want_page: bool = True,
                 want_report: bool = False, stop: StopFlag | None = None
                 ) -> Iterator[ItemOutcome]:
        """Check ``items`` on the actors and yield their outcomes in input order.

        Args:
            items: the items (consumed lazily, as the actors free up).
            want_page: render each article's HTML page.
            want_report: return each :class:`~mtqa.report.Report`.
            stop: when set, nothing new is dispatched; items in progress are yielded.
        """
        if not self._actors:
            raise MtqaError("RayRunner: start() it before use")
        return _Dispatch(self, iter(items), want_page, want_report,
                         stop if stop is not None else StopFlag()).run()

    def replace(self, slot: int, dead: Any) -> None:
        """A new actor in ``slot`` when ``dead`` is still there (its other tasks may
        report the same death later)."""
        if self._actors[slot] is dead:
            assert self._ray is not None
            self._ray.kill(dead)
            self._actors[slot] = self._new_actor()
            self.restarts += 1
            log.warning("Ray worker %d died; replaced", slot)


class _Dispatch:
    """One pass over the items: dispatch with back-pressure, collect, reorder, retry."""

    def __init__(self, runner: RayRunner, items: Iterator[FeedItem], want_page: bool,
                 want_report: bool, stop: StopFlag) -> None:
        assert runner._ray is not None and runner.workers is not None
        self.ray = runner._ray
        self.runner = runner
        self.items = items
        self.args = (want_page, want_report)
        self.stop = stop
        self.ahead = runner.workers * AHEAD_PER_WORKER
        self.flight: dict[Any, _Task] = {}  # object ref -> task
        self.load = [0] * runner.workers  # tasks in flight per actor slot
        self.order: deque[_Task] = deque()  # dispatched, not yet yielded, input order
        #: Outcomes by ``seq``; ``None``: the item is left for ``--resume``.
        self.ready: dict[int, ItemOutcome | None] = {}
        self.crashes: dict[int, int] = {}
        self.seq = 0
        self.sent = 0
        self.exhausted = False
        death = tuple(getattr(self.ray.exceptions, n) for n in _DEATH_ERRORS
                      if hasattr(self.ray.exceptions, n))
        self.death_errors: tuple[type[BaseException], ...] = death

    def run(self) -> Iterator[ItemOutcome]:
        try:
            while True:
                self._fill()
                while self.order and self.order[0].seq in self.ready:
                    outcome = self.ready.pop(self.order.popleft().seq)
                    if outcome is not None:
                        yield outcome
                if not self.order:
                    if self.exhausted or self.stop:
                        return
                    continue
                done, _ = self.ray.wait(list(self.flight), num_returns=1, timeout=POLL_S)
                for ref in done:
                    self._collect(ref)
        finally:
            for ref in self.flight:  # abandoned (a second signal): do not keep actors busy
                with contextlib.suppress(ValueError, TypeError, self.ray.exceptions.RayError):
                    self.ray.cancel(ref, force=False)  # queued actor tasks: Ray >= 2.10

    def _fill(self) -> None:
        while (not self.exhausted and not self.stop and len(self.order) < self.ahead
               and min(self.load) < TASKS_PER_ACTOR):
            item = next(self.items, None)
            if item is None:
                self.exhausted = True
                return
            task = _Task(self.seq, item)
            self.seq += 1
            self.order.append(task)
            self._submit(task)

    def _submit(self, task: _Task) -> None:
        slot = min(range(len(self.load)), key=self.load.__getitem__)  # least busy actor
        task.slot, task.actor = slot, self.runner._actors[slot]
        task.sent = self.sent = self.sent + 1
        self.load[slot] += 1
        self.flight[task.actor.check.remote(task.item, *self.args)] = task

    def _collect(self, ref: Any) -> None:
        task = self.flight.pop(ref)
        self.load[task.slot] -= 1
        err = self._fetch(ref, task)
        if err is not None:
            self._died(task, err)

    def _fetch(self, ref: Any, task: _Task) -> BaseException | None:
        """Put ``task``'s outcome in ``ready``; return the error when its actor died."""
        try:
            self.ready[task.seq] = self.ray.get(ref)
        except self.death_errors as err:
            return err
        except self.ray.exceptions.RayError as err:
            # the task itself failed outside the per-item boundary (e.g. an outcome that
            # cannot be sent back): that item is an error, the run goes on
            log.debug("item %s failed on Ray", task.item.id, exc_info=True)
            cause = getattr(err, "cause", None) or err  # RayTaskError wraps the exception
            self.ready[task.seq] = failed_outcome(
                task.item, f"{task.item.id}: internal error on the Ray worker: "
                f"{type(cause).__name__}: {_first_line(cause)}; please report it with this "
                "article")
        return None

    def _died(self, task: _Task, err: BaseException) -> None:
        """The actor that ran ``task`` is gone: replace it and send its unfinished articles
        to the live actors again. Only the article it was running is charged with the
        death (an actor runs its tasks one at a time in the order sent, so that is the
        oldest unfinished one); those queued behind it are innocent. An article charged
        more than :data:`mtqa.feed.runner.MAX_WORKER_CRASHES` times is an error record. When the
        run is stopping, the unfinished articles are left for ``--resume`` instead."""
        lost = [task]
        for ref, t in [(r, t) for r, t in self.flight.items() if t.actor is task.actor]:
            del self.flight[ref]
            self.load[t.slot] -= 1
            done, _ = self.ray.wait([ref], timeout=FINISHED_GRACE_S)  # finished before?
            if not done or self._fetch(ref, t) is not None:
                lost.append(t)
        lost.sort(key=lambda t: t.sent)
        if self.stop:
            for t in lost:
                self.ready[t.seq] = None  # not finished: --resume checks it
            return
        self.runner.replace(task.slot, task.actor)
        running = lost[0]
        n = self.crashes[running.seq] = self.crashes.get(running.seq, 0) + 1
        log.debug("item %s: Ray worker died (%d): %s", running.item.id, n, err)
        if n > MAX_WORKER_CRASHES:
            self.ready[running.seq] = failed_outcome(
                running.item, f"{running.item.id}: the Ray worker died while checking this "
                f"item ({n} times; out of memory?); check it alone with mtqa check")
            lost = lost[1:]
        for t in lost:
            self.runner.retries += 1
            self._submit(t)
