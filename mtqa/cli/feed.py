"""``mtqa feed``: check a whole feed and gate its publication.

Registered into the ``mtqa`` parser by :func:`register` (``mtqa/cli/__init__.py`` calls it).
Exit codes: 0 every article passed, 1 an article failed the gate or could not be
checked, 2 bad usage or unreadable input (an input without articles too, unless
``--allow-empty``), 3 internal error (``mtqa.cli``), 4 an output could not be written
(disk full: what was journalled is kept), 130/143 interrupted by SIGINT/SIGTERM (what
was finished is written; ``--resume`` completes the rest).
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

from ..feed.annotations import FORMATS as ANNOTATION_FORMATS
from ..feed.annotations import github_annotations
from ..errors import OutputError
from ..gate import EXIT_OUTPUT
from .common import EXIT_CODES_HELP, _formatter

#: The feed's exit codes: the shared ones and the interruptions.
FEED_EXIT_CODES_HELP = (
    EXIT_CODES_HELP.replace("  1  the gate failed (findings over the policy)",
                            "  1  an article failed the gate or could not be checked")
    + "\n  130/143  interrupted by SIGINT/SIGTERM (finished articles kept; --resume)"
)

log = logging.getLogger("mtqa")

#: Signals that stop a feed run cleanly (CI cancels a job with SIGINT, then SIGTERM).
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if n < 1:
        raise argparse.ArgumentTypeError("give at least 1 job")
    return n


def register(subparsers: Any, add_engine_args: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add the ``feed`` subcommand.

    Args:
        subparsers: the ``mtqa`` parser's subparsers.
        add_engine_args: adds the engine and gate options shared with ``mtqa check``.
    """
    p = subparsers.add_parser(
        "feed",
        help="check every article of a feed (manifest, folder of pairs, or RSS/Atom feeds)",
        description="Check every article of a feed and write report.jsonl, summary.csv, "
        "index.html (+ one page per article) and junit.xml to --out. Policy from "
        "mtqa.toml or [tool.mtqa] in pyproject.toml; command line > MTQA_* > file.",
        epilog=FEED_EXIT_CODES_HELP,
        formatter_class=_formatter,
    )
    p.add_argument("input", nargs="?", metavar="INPUT",
                   help="JSONL manifest (id, reference, translation: text or file paths "
                   "relative to it; - or a pipe: read once, paths relative to the working "
                   "folder) or a folder of <id>.en.txt / <id>.ja.txt pairs")
    p.add_argument("--reference-feed", metavar="EN.xml", default=None,
                   help="English RSS/Atom feed file (with --translation-feed, instead of INPUT)")
    p.add_argument("--translation-feed", metavar="JA.xml", default=None,
                   help="Japanese RSS/Atom feed file")
    p.add_argument("--feed-map", metavar="MAP.json", default=None,
                   help="explicit entry mapping: JSON {en link/guid: ja link/guid}, or JSONL "
                   "with reference, translation, id, reference_page, translation_page")
    p.add_argument("--out", "-o", required=True, metavar="DIR", help="output folder")
    p.add_argument("--jobs", "-j", type=_jobs, default=1,
                   help="worker processes (default: %(default)s)")
    p.add_argument("--resume", action="store_true",
                   help="skip the articles already in DIR/report.jsonl (after an "
                   "interruption); an article whose texts changed since is checked again")
    p.add_argument("--allow-empty", action="store_true",
                   help="an input without articles passes (exit 0) instead of being an "
                   "input error (exit 2)")
    p.add_argument("--annotations", choices=ANNOTATION_FORMATS, default="none",
                   help="print CI annotations on stdout: github = ::error/::warning lines "
                   "(default: %(default)s)")
    p.add_argument("--no-pages", action="store_true",
                   help="do not write one HTML page per article")
    p.add_argument("--quiet", "-q", action="store_true",
                   help="no progress bar and no closing summary line")
    p.add_argument("--allow-outside-paths", action="store_true",
                   help="accept manifest paths outside the manifest's folder")
    _add_ray_args(p)
    add_engine_args(p)
    p.set_defaults(func=cmd_feed)


def _gpus(value: str) -> float:
    try:
        g = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
    if not g >= 0:  # also NaN
        raise argparse.ArgumentTypeError("give 0 or more GPUs")
    return g


def _add_ray_args(p: argparse.ArgumentParser) -> None:
    """``--engine ray`` and its options (issue #20; see :mod:`mtqa.feed.ray_runner`)."""
    g = p.add_argument_group("Ray (--engine ray: a Ray cluster, or a local Ray instance)")
    g.add_argument("--engine", choices=("local", "ray"), default="local",
                   help="local: this process or --jobs worker processes; ray: Ray actors "
                   "(needs pip install 'mtqa[ray]') (default: %(default)s)")
    g.add_argument("--ray-address", metavar="ADDR", default=None,
                   help="Ray cluster address (host:port, as ray start --head prints it); "
                   "default: $RAY_ADDRESS, else a new local instance")
    g.add_argument("--workers", type=_jobs, default=None, metavar="N",
                   help="Ray actors, each holding one pipeline (default: one per CPU of the "
                   "cluster, or per --gpus-per-worker share of its GPUs)")
    g.add_argument("--gpus-per-worker", type=_gpus, default=0.0, metavar="G",
                   help="GPUs each actor asks for; a fraction shares a device "
                   "(default: %(default)s)")


def _ray_runner(args: argparse.Namespace, config: Any) -> Any:
    """A started :class:`mtqa.feed.ray_runner.RayRunner` for ``--engine ray``, else ``None``.

    Raises:
        ConfigError: Ray options without ``--engine ray``, or ``--jobs`` with it.
        MtqaError: Ray missing or unreachable, or the actors cannot start.
    """
    from ..errors import ConfigError

    if args.engine != "ray":
        given = [f for f, v in (("--ray-address", args.ray_address), ("--workers", args.workers),
                                ("--gpus-per-worker", args.gpus_per_worker)) if v]
        if given:
            raise ConfigError(f"{', '.join(given)}: only with --engine ray")
        return None
    if args.jobs != 1:
        raise ConfigError("--jobs is for the local engine; with --engine ray give --workers")
    from ..feed.ray_runner import RayRunner

    runner = RayRunner(config, args.workers, gpus_per_worker=args.gpus_per_worker,
                       address=args.ray_address)
    runner.start()
    return runner


@contextmanager
def _stop_on_signals(stop: Any) -> Iterator[None]:
    """First SIGINT/SIGTERM: finish the articles in progress, write, exit non-zero.
    A second one: the default action (abort at once; the journal stays valid)."""

    def handler(signum: int, frame: FrameType | None) -> None:
        if stop.signum is None:
            stop.signum = signum
            name = signal.Signals(signum).name
            print(f"mtqa: {name}: finishing the articles in progress; "
                  "send it again to abort", file=sys.stderr)
        signal.signal(signum, signal.SIG_DFL if signum != signal.SIGINT
                      else signal.default_int_handler)

    old = {s: signal.signal(s, handler) for s in STOP_SIGNALS}
    try:
        yield
    finally:
        for s, h in old.items():
            signal.signal(s, h)


def cmd_feed(args: argparse.Namespace) -> int:
    """Run ``mtqa feed``; returns the exit code."""
    from .common import config_from_args
    from ..feed.runner import StopFlag, open_source, run_feed

    config = config_from_args(args)
    source = open_source(
        args.input,
        reference_feed=args.reference_feed,
        translation_feed=args.translation_feed,
        feed_map=args.feed_map,
        allow_outside_paths=args.allow_outside_paths,
    )

    def annotate(record: dict[str, Any]) -> None:
        for line in github_annotations(record):
            print(line)

    from tqdm import tqdm

    runner = _ray_runner(args, config)  # before the folder is touched: errors exit 2
    stop = StopFlag()
    bar = tqdm(total=source.total, file=sys.stderr, unit="article", dynamic_ncols=True,
               disable=args.quiet or not sys.stderr.isatty(), desc="mtqa feed")
    try:
        with _stop_on_signals(stop):
            result = run_feed(
                source,
                config,
                args.out,
                jobs=args.jobs,
                resume=args.resume,
                pages=not args.no_pages,
                progress=bar,
                stop=stop,
                on_record=annotate if args.annotations == "github" else None,
                runner=runner,
                allow_empty=args.allow_empty,
            )
    except OutputError as err:  # one line, no traceback: the journal is kept (#15)
        print(f"mtqa: error: {err}; the articles written before are kept in {args.out}: "
              "make room, then rerun with --resume", file=sys.stderr)
        return EXIT_OUTPUT
    finally:
        bar.close()
        if runner is not None:
            runner.close()
    if sys.stdout is not None:  # nothing of the feed's goes there; closed is no error
        sys.stdout.flush()
    if stop.signum is not None and result.interrupted is None:
        result.interrupted = stop.signum  # arrived while the outputs were being finished
    if not args.quiet or result.interrupted:
        print(closing_line(result, args.out), file=sys.stderr)
    return result.exit_code


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def closing_line(result: Any, out: str) -> str:
    """The run in one line: how many articles the input holds, how many were checked
    now, reused from a previous run or not reached, and the verdicts over the folder
    (#16: "1 not checked; 4 checked now" and "6 articles" of 30 said neither).

    Args:
        result: the :class:`mtqa.feed.runner.FeedRunResult`.
        out: the output folder.
    """
    t = result.totals
    if result.total is not None:
        size = f"{_n(result.total, 'article')} in the input"
    else:  # a stream cut short: its length is unknown
        size = f"{_n(result.checked + result.reused, 'article')} read from the input so far"
    now = f"{result.checked} checked now"
    if result.changed:
        now += f" ({result.changed} changed since the previous run)"
    parts = [now]
    if result.reused:
        parts.append(f"{result.reused} reused from the previous run")
    if result.interrupted:
        left = result.not_reached
        parts.append("the rest not checked yet" if left is None else f"{left} not checked yet")
    verdicts = (f"{t.passed} passed, {t.failed} failed the gate, {t.errors} could not be "
                "checked")
    if result.interrupted:
        advice = ("every article was checked before the signal; the reports are complete"
                  if result.not_reached == 0 else "rerun with --resume to finish")
        return (f"mtqa feed: interrupted: {size}: {', '.join(parts)}; so far {verdicts}; "
                f"{advice}; reports in {out}")
    return f"mtqa feed: {size}: {', '.join(parts)}; {verdicts}; reports in {out}"
