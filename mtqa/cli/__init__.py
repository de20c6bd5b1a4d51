"""Command line: ``mtqa check``, ``mtqa checks``, ``mtqa score`` and ``mtqa feed``.

Every command ends with one of the exit codes of :mod:`mtqa.gate` (stated in ``--help``):
0 passed, 1 the gate failed, 2 bad input or usage, 3 internal error (a bug: one line on
stderr names the file holding the traceback), 4 an output could not be written. Errors
are one line on stderr, never a traceback: a CI log must tell a crash from a verdict (#15).
"""

from __future__ import annotations

import argparse
import logging
import os
import shlex
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import MtqaError, OutputError, write_crash_report
from ..gate import EXIT_INTERNAL, EXIT_OUTPUT, EXIT_USAGE
from ..version import __version__
from .check import cmd_check, cmd_checks
from .common import (
    EXIT_CODES_HELP,
    FORMATS,
    STDIO,
    _add_engine_args,
    _add_engine_options,
    _add_verbosity,
    _formatter,
    _Parser,
    _Usage,
)

# --- the parser and main --------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="mtqa",
        description="Quality checks for English news machine-translated into Japanese.",
        epilog=EXIT_CODES_HELP,
        formatter_class=_formatter,
    )
    parser.add_argument("--version", action="version", version=f"mtqa {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what mtqa does to "
                        "stderr (also accepted after the command)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    p = sub.add_parser("check", help="check one translated article against its reference",
                       description="Check a Japanese translation against its English "
                       "reference and gate it on the policy.",
                       epilog=EXIT_CODES_HELP, formatter_class=_formatter)
    p.add_argument("en", nargs="?", metavar="EN_FILE",
                   help="English reference text (- for stdin)")
    p.add_argument("ja", nargs="?", metavar="JA_FILE",
                   help="Japanese translation text (- for stdin)")
    p.add_argument("--segments", metavar="FILE.tsv", default=None,
                   help="pre-aligned pairs (TSV with columns source, translation; - for "
                   "stdin) instead of two documents")
    p.add_argument("--format", choices=FORMATS, default="text", help="output format "
                   "(default: %(default)s)")
    p.add_argument("-o", "--output", default=None,
                   help="output file (default: stdout); the one-line summary then goes to "
                   "stderr")
    _add_verbosity(p)
    _add_engine_args(p)
    p.set_defaults(func=cmd_check)
    pc = sub.add_parser("checks", help="list the available checks",
                        description="List the checks (the names --checks takes).",
                        formatter_class=_formatter)
    pc.set_defaults(func=cmd_checks)
    _register_score(sub)
    _register_feed(sub)
    for sp in sub.choices.values():
        _add_verbosity(sp, quiet=False)  # -v for feed too (it has its own --quiet)
        sp.set_defaults(command_parser=sp)
    return parser


def _register_score(sub: Any) -> None:
    from .score import register

    register(sub, _add_engine_options, _formatter)


def _register_feed(sub: Any) -> None:
    try:
        from .feed import register
    except ImportError:
        return
    register(sub, _add_engine_args)


class _Formatter(logging.Formatter):
    """``mtqa: message`` for mtqa's own loggers, ``name: message`` for others."""

    def format(self, record: logging.LogRecord) -> str:
        name = "mtqa" if record.name.split(".")[0] == "mtqa" else record.name
        return f"{name}: {record.getMessage()}"


def configure_logging(verbose: bool) -> None:
    """Logs to stderr: mtqa's at INFO with ``-v``, third-party ones (jamdict, transformers,
    urllib3…) only from WARNING, with or without ``-v`` (#16: ``-v`` added their noise)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_Formatter())
    logging.basicConfig(level=logging.WARNING, handlers=[handler])
    logging.getLogger("mtqa").setLevel(logging.INFO if verbose else logging.WARNING)


def internal_error(err: BaseException, folders: Sequence[str | os.PathLike[str] | None] = (),
                   argv: Sequence[str] = ()) -> int:
    """Say on one stderr line that mtqa failed (a bug), naming the file that holds the
    traceback (written by :func:`mtqa.errors.write_crash_report`), and return exit code 3.

    Args:
        err: the unexpected exception.
        folders: where to write the traceback first (the run's output folder).
        argv: the command line, recorded in the file.
    """
    path = write_crash_report(err, folders, [f"command: mtqa {shlex.join(argv)}"])
    detail = " ".join(f"{type(err).__name__}: {err}".split())[:200]
    where = f"traceback in {path}" if path else "the traceback could not be saved"
    print(f"mtqa: internal error ({detail}); this is a bug in mtqa: {where}; please report "
          "it with that file", file=sys.stderr)
    return EXIT_INTERNAL


def _output_folders(args: argparse.Namespace) -> list[str | None]:
    """The folders a run writes to (feed's --out, check's and score's -o), best first."""
    out: list[str | None] = []
    for name in ("out", "output"):
        value = getattr(args, name, None)
        if isinstance(value, str) and value != STDIO:
            out.append(value if name == "out" else str(Path(value).parent))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``mtqa``; returns the exit code (usage errors exit through ``SystemExit(2)``, as
    argparse does)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    configure_logging(bool(getattr(args, "verbose", False)))
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return int(args.func(args))
    except _Usage as err:
        getattr(args, "command_parser", parser).error(str(err))  # exits 2 (argparse)
        return EXIT_USAGE  # not reached
    except OutputError as err:  # before MtqaError: it is one
        print(f"mtqa: error: {err}", file=sys.stderr)
        return EXIT_OUTPUT
    except MtqaError as err:
        print(f"mtqa: error: {err}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("mtqa: interrupted", file=sys.stderr)
        return 130
    except Exception as err:  # a bug: one line and the traceback in a file, exit 3 (#15)
        return internal_error(err, _output_folders(args), argv)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
