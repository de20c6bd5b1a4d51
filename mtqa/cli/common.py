"""What the ``mtqa`` commands share: reading inputs (files, pipes, stdin), writing outputs
(stdout or a file written atomically), the progress bar, the engine and gate options of
``check``, ``score`` and ``feed``, and the configuration they resolve to.
"""

from __future__ import annotations

import argparse
import logging
import os
import stat
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn

from ..atomic_files import atomic_write
from ..backtranslate import ENGINE_CHOICES
from ..config import QAConfig
from ..errors import ConfigError, InputError, MtqaError, OutputError
from ..gate import EXIT_USAGE

log = logging.getLogger("mtqa")
FORMATS = ("text", "json", "csv", "html")
#: What ``-`` names as an input or output file (stdin or stdout).
STDIO = "-"
#: How an input read from stdin is named in messages and reports.
STDIN_NAME = "<stdin>"

#: The exit codes, as ``--help`` states them (the constants of mtqa/gate.py).
EXIT_CODES_HELP = """\
exit codes:
  0  passed
  1  the gate failed (findings over the policy)
  2  bad input or usage (one line on stderr)
  3  internal error, a bug in mtqa (one line on stderr names the traceback file)
  4  an output could not be written (disk full, I/O error, closed pipe)"""
#: Progress function of :class:`mtqa.pipeline.Pipeline`: ``(stage, done, total)``.
Progress = Callable[[str, int, int], None]


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are two lines: the command's short usage and
    the error (#16: ``--format pdf`` printed the eleven lines of the whole synopsis)."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.short_usage()}\n{self.prog}: error: {message}\n")

    def short_usage(self) -> str:
        """``usage: mtqa check [options] [EN_FILE] [JA_FILE]`` and where the rest is."""
        words = [self.prog, "[options]"]
        for action in self._actions:
            if action.option_strings or action.help == argparse.SUPPRESS:
                continue
            name = action.metavar if isinstance(action.metavar, str) else action.dest.upper()
            if action.nargs == "?":
                name = f"[{name}]"
            elif action.nargs in ("*", "+"):
                name = f"{name} [{name} ...]" if action.nargs == "+" else f"[{name} ...]"
            elif action.nargs == argparse.PARSER:
                name = f"{name} ..."
            words.append(name)
        return f"usage: {' '.join(words)}  ({self.prog} --help for the options)"


def _formatter(prog: str) -> argparse.HelpFormatter:
    # raw epilog (the exit-code table keeps its lines), wrapped option help
    return _HelpFormatter(prog, max_help_position=32)


class _HelpFormatter(argparse.HelpFormatter):
    """Help that keeps the epilog's line breaks (the exit-code table)."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "".join(indent + line for line in text.splitlines(keepends=True))


# --- inputs and outputs ---------------------------------------------------------------


def read_input(path: str, what: str = "input", max_chars: int | None = -1) -> Any:
    """Read, decode and validate a text file, or stdin for ``-``.

    A pipe given by name (``<(command)``, ``/dev/stdin``) is read as a stream, once, like
    stdin: a shell's process substitution is how sacrebleu users pass a system's output.

    Args:
        path: a file name, or ``-`` for stdin.
        what: what the input is, for messages about stdin.
        max_chars: longest text accepted; ``None``: no limit beyond the loader's byte
            bound; by default the per-article limit of :mod:`mtqa.load`.

    Returns:
        The :class:`mtqa.load.LoadedText`.

    Raises:
        InputError: missing, unreadable, too large, empty or undecodable.
    """
    from ..load import MAX_INPUT_BYTES, MAX_INPUT_CHARS, check_text, decode, read_text

    limit = MAX_INPUT_CHARS if max_chars == -1 else max_chars
    max_bytes = MAX_INPUT_BYTES if limit is None else min(MAX_INPUT_BYTES, 4 * limit)
    if path == STDIO:
        name = STDIN_NAME
        data = _read_stream(sys.stdin, f"{name} ({what})", max_bytes)
    elif _is_pipe(path):
        name = path
        try:
            with open(path, "rb") as fh:
                data = _read_stream(fh, path, max_bytes)
        except OSError as err:
            raise InputError(f"{path}: cannot read ({err.strerror})") from err
    else:
        return read_text(path, limit)
    loaded = decode(data, name)
    check_text(loaded.text, name if path != STDIO else f"{name} ({what})", limit)
    return loaded


def _is_pipe(path: str) -> bool:
    try:
        return stat.S_ISFIFO(os.stat(path).st_mode)
    except OSError:
        return False  # read_text names the problem


def _read_stream(stream: Any, name: str, max_bytes: int) -> bytes:
    """At most ``max_bytes`` of a stream (its bytes, or a text stream's as UTF-8).

    Raises:
        InputError: unreadable, or over the bound.
    """
    if stream is None:  # started with stdin closed (`<&-`)
        raise InputError(f"{name}: stdin is closed; give a file instead of '-'")
    raw = getattr(stream, "buffer", stream)
    try:
        data = raw.read(max_bytes + 1)
    except OSError as err:
        raise InputError(f"{name}: cannot read ({err.strerror})") from err
    if isinstance(data, str):  # a text stream without a buffer (tests, embedding)
        data = data.encode("utf-8", "surrogatepass")
    if len(data) > max_bytes:
        raise InputError(f"{name}: over the limit of {max_bytes:,} bytes; split the input")
    return bytes(data)


def check_stdin_once(paths: Sequence[str | None]) -> None:
    """Refuse ``-`` (stdin) for more than one input: it can be read only once.

    Raises:
        ConfigError: two or more inputs are ``-``.
    """
    if sum(1 for p in paths if p == STDIO) > 1:
        raise ConfigError("only one input can be read from stdin ('-'); give files for the "
                          "others")


def write_output(path: str | None, content: str) -> None:
    """Write to stdout, or atomically to ``path`` (temp file in the same folder + rename).

    Raises:
        OutputError: stdout could not be written (disk full, a closed pipe); the file
            writer raises its own errors.
    """
    if path is None or path == STDIO:
        if sys.stdout is None:  # started with stdout closed (`>&-`)
            raise OutputError("stdout: closed, nothing can be written there; give -o FILE")
        try:
            sys.stdout.write(content)
            sys.stdout.flush()
        except BrokenPipeError as err:
            _discard_stdout()
            raise OutputError("stdout: the reader closed the pipe before the output was "
                              "written") from err
        except OSError as err:
            raise OutputError(f"stdout: cannot write the output ({err.strerror})") from err
        return
    atomic_write(Path(path), content)


def _discard_stdout() -> None:
    """Point stdout at /dev/null so that the interpreter's last flush of a closed pipe does
    not print a second error (Python's documented recipe for SIGPIPE)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no real file descriptor (tests)
        pass


def check_output_path(path: str | None, inputs: Sequence[str | None] = ()) -> None:
    """Refuse an output path that cannot be written, before any work is done.

    Raises:
        MtqaError: the folder is missing or not writable, the path is a directory, or it
            is one of the command's ``inputs`` (the report would replace the text).
    """
    if path is None or path == STDIO:
        return
    p = Path(path)
    if p.is_dir():
        raise MtqaError(f"{path}: output path is a directory; give a file name")
    for given in inputs:
        if given and given != STDIO and _same_file(p, Path(given)):
            raise MtqaError(f"{path}: is also the input {given}; the report would replace "
                            "it: choose another -o")
    if p.exists() and not p.is_file():
        # a device, FIFO or socket is written in place (mtqa.atomic_files, #16)
        if not os.access(p, os.W_OK):
            raise MtqaError(f"{path}: not writable; choose another -o")
        return
    if p.is_symlink():  # written through: the target's folder takes the temporary file
        p = Path(os.path.realpath(p))
    folder = p.parent if str(p.parent) else Path(".")
    if not folder.is_dir():
        raise MtqaError(f"{path}: output folder {folder} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise MtqaError(f"{path}: output folder {folder} is not writable; choose another -o")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


@contextmanager
def progress_bar(enabled: bool, desc: str) -> Iterator[Progress | None]:
    """A progress function for :class:`mtqa.pipeline.Pipeline` drawing a tqdm bar on
    stderr, or ``None`` when not ``enabled`` (not a terminal, or ``--quiet``): a long
    article takes tens of seconds, mostly in the checks (#16). The bar is removed when done,
    so that only the summary stays on the terminal."""
    if not enabled:
        yield None
        return
    from tqdm import tqdm

    bar = tqdm(total=1, file=sys.stderr, desc=desc, leave=False, dynamic_ncols=True,
               unit="step", bar_format="{desc}: {percentage:3.0f}%|{bar}| {elapsed}")
    stage_now = ""

    def update(stage: str, done: int, total: int) -> None:
        nonlocal stage_now
        if stage != stage_now or bar.total != total:
            stage_now = stage
            bar.reset(total=max(total, 1))
            bar.set_description_str(f"{desc}: {stage}", refresh=False)
        bar.update(done - bar.n)  # tqdm redraws at most every 0.1 s

    try:
        yield update
    finally:
        bar.close()


def stderr_progress_enabled(args: argparse.Namespace) -> bool:
    """A bar only for a person watching: stderr is a terminal and ``--quiet`` is not given."""
    if getattr(args, "quiet", False):
        return False
    isatty = getattr(sys.stderr, "isatty", None)
    return bool(isatty and isatty())


# --- options shared by check, score and feed ------------------------------------------


def _add_engine_options(p: argparse.ArgumentParser) -> None:
    # None = "not given", so that the policy file and MTQA_* can supply it (CLI > env > file)
    p.add_argument(
        "--backtranslator", choices=ENGINE_CHOICES, default=None,
        help=f"back-translation engine (default: from the policy file or "
        f"$MTQA_BACKTRANSLATOR, else {QAConfig().backtranslator}: Marian when its model is "
        "available offline, else the JMdict dictionary)",
    )
    p.add_argument("--model", default=None,
                   help="Marian model: hub id or local folder (default: $MTQA_MODEL or "
                   "Helsinki-NLP/opus-mt-ja-en)")
    p.add_argument("--no-cache", action="store_true", help="do not use the back-translation cache")
    p.add_argument("--cache-dir", default=None, help="back-translation cache folder")
    g = p.add_argument_group("Marian / CTranslate2 generation (ignored by the dictionary engine)")
    g.add_argument("--batch-size", type=int, default=None, metavar="N",
                   help="sentences per generation batch (default: 64)")
    g.add_argument("--beams", type=int, default=None, metavar="N",
                   help="beam size (default: 1, greedy)")
    g.add_argument("--threads", type=int, default=None, metavar="N",
                   help="CPU threads (default: the library's own choice)")
    g.add_argument("--device", default=None, metavar="auto|cpu|cuda",
                   help="where the model runs (default: auto, CUDA when available)")
    g.add_argument("--compute-type", default=None, metavar="TYPE",
                   help="precision: float32 or int8 (dynamic quantisation; CTranslate2 "
                   "also takes int8_float32, float16… ; default: float32 for Marian, "
                   "int8 for ct2)")
    p.add_argument("--glossary", default=None, help="user title glossary (CSV/TSV/TBX)")
    p.add_argument("--latin-allowed", default=None, metavar="PATH",
                   help="house style for Latin script left in the Japanese (the format of "
                        "mtqa/data/latin_allowed.tsv; default: that file)")
    p.add_argument("--checks", default=None, metavar="NAMES",
                   help="comma-separated checks to run, named as `mtqa checks` lists them "
                   "(numbers,titles; the singular and the finding categories work too; "
                   "default: all but the opt-in divergence; +NAME adds a check to the "
                   "default run, --checks=-NAME takes one out)")
    p.add_argument("--severity", action="append", default=None, metavar="CATEGORY=SEVERITY",
                   help="severity override for a finding category, e.g. untranslated=major "
                   "(repeatable)")
    p.add_argument("--config", metavar="FILE", default=None,
                   help="policy file (default: ./mtqa.toml, else [tool.mtqa] in ./pyproject.toml)")
    p.add_argument("--no-config", action="store_true", help="ignore policy files")


def _add_gate_options(p: argparse.ArgumentParser) -> None:
    # strings, validated by mtqa.policy with the flag's name: a negative limit is an error,
    # "none" (or "unlimited") is no limit (#16)
    policy = QAConfig().policy

    def default(value: object) -> str:
        return "none" if value is None else str(value)

    g = p.add_argument_group("gate (a number, or none for no limit)")
    g.add_argument("--max-critical", default=None, metavar="N",
                   help=f"critical findings allowed (default: {default(policy.max_critical)})")
    g.add_argument("--max-major", default=None, metavar="N",
                   help=f"major findings allowed (default: {default(policy.max_major)})")
    g.add_argument("--max-minor", default=None, metavar="N",
                   help=f"minor findings allowed (default: {default(policy.max_minor)})")
    g.add_argument("--min-score", default=None, metavar="SCORE",
                   help=f"lowest score that passes, 0 to 100 (default: "
                   f"{default(policy.min_score)})")
    g.add_argument("--min-confidence", default=None, metavar="P",
                   help="confidence floor, 0 to 1: findings less likely than P to be errors "
                   "are hidden and unlikely ones shown as minor; none: findings only gain a "
                   f"confidence (default: {default(policy.min_confidence)})")
    g.add_argument("--all-findings", action="store_true",
                   help="hide nothing under the confidence floor (unlikely findings are "
                   "still shown as minor)")


def _add_engine_args(p: argparse.ArgumentParser) -> None:
    """Engine, policy and gate options (``mtqa check`` and ``mtqa feed``)."""
    _add_engine_options(p)
    _add_gate_options(p)


def _add_verbosity(p: argparse.ArgumentParser, quiet: bool = True) -> None:
    """``-v`` (and ``-q``) after the subcommand as well as before it (#16). SUPPRESS: an
    option not given here leaves the top-level value alone."""
    if "-v" not in p._option_string_actions:
        p.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS,
                       help="log what mtqa does to stderr")
    if quiet and "-q" not in p._option_string_actions:
        p.add_argument("-q", "--quiet", action="store_true", default=False,
                       help="no progress bar and no summary line on stderr")


def config_from_args(args: argparse.Namespace) -> QAConfig:
    """The configuration of ``mtqa check``/``score``/``feed``: defaults < the policy file
    (``--config``, else ./mtqa.toml or [tool.mtqa] of ./pyproject.toml, unless
    ``--no-config``) < ``MTQA_*`` variables < the command line."""
    from ..policy import parse_severity, resolve

    cli: dict[str, object] = {
        name: getattr(args, name, None)
        for name in ("backtranslator", "model", "glossary", "latin_allowed", "checks",
                     "max_critical", "max_major", "max_minor", "min_score", "min_confidence")
    }
    if args.severity:
        sev: dict[str, str] = {}
        for s in args.severity:
            sev.update(parse_severity(s, "--severity"))
        cli["severity"] = sev
    engine = engine_options_from_args(args)
    if engine:
        cli["engine_options"] = engine
    if args.config and args.no_config:
        raise ConfigError("give --config or --no-config, not both")
    resolved = resolve(cli, config_file=args.config, search_dir=None if args.no_config else ".")
    if resolved.file is not None:
        log.info("policy from %s", resolved.file)
    config = resolved.config
    if getattr(args, "all_findings", False) and config.policy.min_confidence:
        # show everything, keep the demotion of unlikely findings (#18)
        config = config.with_options(min_confidence=0.0)
    return config


def engine_options_from_args(args: argparse.Namespace) -> dict[str, object]:
    """Back-translation engine options given on the command line (cache, generation)."""
    eng: dict[str, object] = {}
    if args.no_cache:
        eng["cache"] = False
    if args.cache_dir:
        eng["cache_dir"] = args.cache_dir
    for name in ("batch_size", "beams", "threads", "device", "compute_type"):
        value = getattr(args, name, None)
        if value is not None:
            eng[name] = value
    return eng


class _Usage(Exception):
    """A usage error found after parsing; shown with the subcommand's usage."""
