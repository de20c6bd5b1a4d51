"""``mtqa score``: score MT systems on a line-aligned test set and compare them.

Registered into the ``mtqa`` parser by :func:`register` (``mtqa/cli/__init__.py`` calls
it); the figures come from :mod:`mtqa.system_score`. Conventions of sacrebleu and ``comet-score``:
``-s`` the source, ``-t`` one translation per system (repeatable), ``-`` for stdin,
output on stdout, ``--score-only`` (sacrebleu's ``-b``) for just the numbers.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

SCORE_FORMATS = ("text", "json", "csv")

EXIT_CODES_HELP = """\
exit codes:
  0  scored (mtqa score reports; it does not gate)
  2  bad input or usage: files not line-aligned, a line empty on one side only, a file
     that is not English (source) or Japanese (translation)
  3  internal error, a bug in mtqa (one line on stderr names the traceback file)
  4  the output could not be written"""


def register(
    subparsers: Any,
    add_engine_options: Callable[[argparse.ArgumentParser], None],
    formatter_class: Any,
) -> None:
    """Add the ``score`` subcommand.

    Args:
        subparsers: the ``mtqa`` parser's subparsers.
        add_engine_options: adds the engine and policy options shared with ``mtqa check``.
        formatter_class: the help formatter of the other subcommands.
    """
    p = subparsers.add_parser(
        "score",
        help="score MT systems on line-aligned files and compare them",
        description="Check each line of each translation against the same line of the "
        "source, and compare the systems: score (MQM-style, per 100 source words), error "
        "findings per 1,000 characters of the translation, counts by severity and "
        "category. One segment a line; the files must have the same number of lines.",
        epilog=EXIT_CODES_HELP,
        formatter_class=formatter_class,
    )
    p.add_argument("-s", "--source", required=True, metavar="SRC",
                   help="English source, one segment a line (- for stdin)")
    p.add_argument("-t", "--translation", "--hyp", action="append", required=True,
                   metavar="HYP", dest="translations",
                   help="Japanese translation of a system, line-aligned with SRC (repeat "
                   "for each system; one may be - for stdin)")
    p.add_argument("--score-only", "-b", action="store_true",
                   help="print only the score of each system, one a line (sacrebleu's -b)")
    p.add_argument("--format", "-f", choices=SCORE_FORMATS, default="text",
                   help="output format (default: %(default)s)")
    p.add_argument("-o", "--output", default=None, help="output file (default: stdout)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar on stderr")
    add_engine_options(p)
    p.set_defaults(func=cmd_score)


def cmd_score(args: argparse.Namespace) -> int:
    """Run ``mtqa score``; returns the exit code."""
    from .common import (
        STDIN_NAME,
        STDIO,
        check_output_path,
        check_stdin_once,
        config_from_args,
        progress_bar,
        read_input,
        stderr_progress_enabled,
        write_output,
    )
    from ..system_score import compare_systems, split_lines

    config = config_from_args(args)
    check_stdin_once([args.source, *args.translations])
    check_output_path(args.output, [args.source, *args.translations])  # before the work

    def lines(path: str, what: str) -> tuple[str, list[str]]:
        # no per-article bound: a test set is many segments, checked in pieces
        loaded = read_input(path, what, max_chars=None)
        return (STDIN_NAME if path == STDIO else path), split_lines(loaded.text)

    source_name, source = lines(args.source, "source")
    systems = [lines(path, "translation") for path in args.translations]
    with progress_bar(stderr_progress_enabled(args), "mtqa score") as progress:
        result = compare_systems(source, systems, config, source_name, progress)
    if args.score_only:
        out = result.scores(args.format)
    elif args.format == "json":
        out = result.to_json() + "\n"
    elif args.format == "csv":
        out = result.to_csv()
    else:
        out = result.to_text()
    write_output(args.output, out)
    if args.output not in (None, STDIO) and not args.quiet:
        best = result.best
        print(f"mtqa score: {len(result.systems)} system(s), {result.segments:,} segments; "
              f"garbles least: {best.name} (score {best.score:.1f})  → {args.output}",
              file=sys.stderr)
    return 0
