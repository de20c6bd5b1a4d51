"""Typed errors. The library raises these; only the CLI turns them into exit codes:
2 for :class:`MtqaError` (bad input or usage), 4 for :class:`OutputError`, and 3 for any
other exception (a bug: :func:`write_crash_report` keeps its traceback)."""

from __future__ import annotations

import os
import platform
import sys
import tempfile
import time
import traceback
from collections.abc import Sequence
from pathlib import Path


class MtqaError(Exception):
    """Base class: the message names the input, what was found and the fix."""


class InputError(MtqaError):
    """An input file or text cannot be used (missing, empty, undecodable, wrong language)."""


class ConfigError(MtqaError):
    """An option, policy file or glossary is invalid."""


class ModelUnavailableError(MtqaError):
    """A back-translation model was asked for but cannot be loaded here."""


class MissingDependencyError(MtqaError):
    """An optional package is needed for the requested feature."""


class OutputError(MtqaError):
    """An output file or folder cannot be written (disk full, I/O error); exit code 4."""


class InternalError(Exception):
    """A bug in mtqa or in a plugin check, found by one of mtqa's own contract checks.

    Deliberately not an :class:`MtqaError`: no input or option of the user's can fix it, so
    the command line treats it as any other bug (exit code 3, one stderr line naming the
    file with the traceback) rather than as bad input (exit code 2).
    """


class FindingSpanError(InternalError):
    """A check gave a finding whose span does not hold its text.

    The offset contract (docs/DESIGN.md): ``finding.text == ja_text[start:end]``, which every
    output relies on (the HTML marks, annotations and JSON consumers cut the text there). It
    was an ``assert``, which ``python -O`` removes (#17); it is checked on every finding.
    """

    def __init__(self, check: str, code: str, start: int, end: int, text: str,
                 actual: str) -> None:
        self.check, self.code, self.start, self.end = check, code, start, end
        self.text, self.actual = text, actual
        super().__init__(
            f"check {check!r} ({code or 'no code'}) gave span {start}..{end} with text "
            f"{_clip(text)!r}, but the Japanese there is {_clip(actual)!r}: a bug in that "
            "check (a finding's text must be ja_text[start:end])"
        )


def _clip(text: str, limit: int = 40) -> str:
    """``text`` cut to ``limit`` characters (a message must stay one readable line)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


#: Name of a traceback file written for an internal error (#15): sortable by time, unique
#: by process, so that two crashing runs never overwrite each other's record.
CRASH_FILE_PATTERN = "mtqa-crash-{stamp}-{pid}.txt"


def write_crash_report(
    err: BaseException,
    folders: Sequence[str | os.PathLike[str] | None] = (),
    context: Sequence[str] = (),
) -> Path | None:
    """Write the traceback of an internal error (a bug in mtqa) to a file, for a bug report.

    The first of ``folders`` that can be written is used, then mtqa's cache folder
    (``$MTQA_CACHE_DIR``, else the user cache folder), then the system's temporary folder:
    the command line prints one line naming the file (exit code 3) instead of a traceback
    that a CI log would bury, and ``mtqa feed`` can point an article's error at it.

    Args:
        err: the exception caught.
        folders: preferred folders, best first (e.g. the run's output folder); ``None``
            entries and folders that do not exist are skipped.
        context: lines written before the traceback (the command line, the article id).

    Returns:
        The file written, or ``None`` when no folder could be written (the caller then
        says so in its one line).
    """
    stamp = time.strftime("%Y%m%d-%H%M%S")
    body = "".join(
        [
            f"mtqa {_version()} · Python {sys.version.split()[0]} · {platform.platform()}\n",
            *(f"{line}\n" for line in context),
            "\n",
            *traceback.format_exception(type(err), err, err.__traceback__),
        ]
    )
    for folder in (*folders, _cache_dir(), tempfile.gettempdir()):
        if folder is None or not Path(folder).is_dir():
            continue
        path = Path(folder) / CRASH_FILE_PATTERN.format(stamp=stamp, pid=os.getpid())
        try:
            # "x": never replace a file (a second crash in the same second gets the next
            # folder rather than destroying the first record)
            with open(path, "x", encoding="utf-8", errors="backslashreplace") as fh:
                fh.write(body)
        except OSError:
            continue
        return path
    return None


def _cache_dir() -> Path | None:
    """mtqa's cache folder, created if missing; ``None`` when it cannot be."""
    try:
        from .paths import default_cache_dir

        folder = default_cache_dir()
        folder.mkdir(parents=True, exist_ok=True)
    except (OSError, ImportError):
        return None
    return folder


def _version() -> str:
    from .version import __version__

    return __version__
