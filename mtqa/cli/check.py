"""``mtqa check`` (one article, or pre-aligned segments) and ``mtqa checks`` (the list of
checks)."""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import textwrap
import time
from typing import Any

from ..config import QAConfig
from .common import (
    STDIN_NAME,
    STDIO,
    _Usage,
    check_output_path,
    check_stdin_once,
    config_from_args,
    progress_bar,
    read_input,
    stderr_progress_enabled,
    write_output,
)

log = logging.getLogger("mtqa")


# --- mtqa check -----------------------------------------------------------------------


def _render(report: Any, fmt: str, color: bool) -> str:
    if fmt == "json":
        return str(report.to_json()) + "\n"
    if fmt == "csv":
        return str(report.to_csv())
    if fmt == "html":
        return str(report.to_html())
    return str(report.to_text(color=color))


def summary_line(report: Any, output: str | None = None) -> str:
    """``mtqa: FAIL  score 93.8  critical 0, major 13, minor 8  → r.html``: what a CI log
    shows when the report itself goes to a file (#16)."""
    counts = ", ".join(f"{k} {v}" for k, v in report.counts.items())
    where = f"  → {output}" if output else ""
    return f"mtqa: {report.verdict.upper()}  score {report.score:.1f}  {counts}{where}"


def cmd_check(args: argparse.Namespace) -> int:
    """``mtqa check EN JA`` (either may be ``-``: stdin) or ``--segments FILE``."""
    from ..pipeline import Pipeline

    config = config_from_args(args)
    check_stdin_once([args.en, args.ja, args.segments])
    if args.segments:
        from .segments import parse_segments

        if args.en or args.ja:
            raise _Usage("give EN_FILE and JA_FILE, or --segments FILE.tsv, not both")
        check_output_path(args.output, [args.segments])  # fail before the work
        loaded = read_input(args.segments, "segments", None)  # a file, a pipe or stdin
        pairs = parse_segments(loaded.text, loaded.source)
        with progress_bar(stderr_progress_enabled(args), "mtqa check") as progress:
            pipeline = Pipeline(config.with_options(presegmented=True), progress=progress)
            report = pipeline.run_segments(pairs)
    else:
        report = _check_documents(args, config)
    to_terminal = args.output in (None, STDIO)
    color = (to_terminal and sys.stdout is not None and sys.stdout.isatty()
             and not os.environ.get("NO_COLOR"))
    write_output(args.output, _render(report, args.format, color))
    if not to_terminal and not args.quiet:
        print(summary_line(report, args.output), file=sys.stderr)
    return int(report.gate.exit_code)


def _check_documents(args: argparse.Namespace, config: QAConfig) -> Any:
    """The report of ``mtqa check EN JA``."""
    from dataclasses import replace

    from ..text.language import check_pair
    from ..pipeline import Pipeline

    if not args.en or not args.ja:
        raise _Usage("give EN_FILE and JA_FILE (one of them may be - for stdin), or "
                     "--segments FILE.tsv")
    check_output_path(args.output, [args.en, args.ja])  # fail before the work, not after
    en = read_input(args.en, "the English reference")
    ja = read_input(args.ja, "the Japanese translation")
    en_name = STDIN_NAME if args.en == STDIO else args.en
    ja_name = STDIN_NAME if args.ja == STDIO else args.ja
    # names the files in the message; an English translation is reported (UNT003)
    check_pair(en.text, ja.text, en_name, ja_name, report_english=True)
    notes = []
    for loaded in (en, ja):
        if loaded.encoding != "utf-8":
            notes.append(f"{loaded.source}: decoded as {loaded.encoding_name}")
            log.info("%s", notes[-1])
    started = time.monotonic()
    with progress_bar(stderr_progress_enabled(args), "mtqa check") as progress:
        report = Pipeline(config, progress=progress).run(en.text, ja.text)
    log.info("checked %d aligned pairs in %.1f s (%s)", len(report.pairs),
             time.monotonic() - started, report.signature_parts.get("bt", "?"))
    if notes:
        report = replace(report, notes=(*report.notes, *notes))
    return report


# --- mtqa checks ----------------------------------------------------------------------


def describe_check(cls: type) -> str:
    """The first paragraph of a check's docstring, on one line: whole sentences (#16:
    ``mtqa checks`` cut descriptions at the docstring's first line break)."""
    doc = (cls.__doc__ or "").strip()
    first = doc.split("\n\n", 1)[0]
    return " ".join(first.split())


def cmd_checks(args: argparse.Namespace) -> int:
    """``mtqa checks``: each check with its version and description, wrapped to the
    terminal (the name is what ``--checks`` takes)."""
    from .. import checks

    width = max(60, shutil.get_terminal_size((100, 24)).columns)
    indent = " " * 22
    lines = []
    for name in checks.available():
        cls = checks.load(name)
        head = f"{name:16s} v{getattr(cls, 'version', '?'):<4}"
        text = textwrap.fill(describe_check(cls), width=width, initial_indent=head.ljust(22),
                             subsequent_indent=indent)
        lines.append(text)
    lines.append("")
    lines.append(textwrap.fill("--checks takes these names; the singular (number) and the "
                               "finding categories (title, boilerplate) work too.", width))
    write_output(None, "\n".join(lines) + "\n")
    return 0
