"""Command line: ``mtqa check EN JA`` (and subcommands registered below)."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from .atomic_files import atomic_write
from .backtranslate import ENGINE_CHOICES
from .config import QAConfig
from .errors import ConfigError, MtqaError
from .gate import EXIT_USAGE
from .version import __version__

log = logging.getLogger("mtqa")
FORMATS = ("text", "json", "csv", "html")


def write_output(path: str | None, content: str) -> None:
    """Write to stdout, or atomically to ``path`` (temp file in the same folder + rename)."""
    if path is None or path == "-":
        sys.stdout.write(content)
        sys.stdout.flush()
        return
    atomic_write(Path(path), content)


def check_output_path(path: str | None) -> None:
    """Refuse an output path that cannot be written, before any work is done.

    Raises:
        MtqaError: the folder is missing or not writable, or the path is a directory.
    """
    if path is None or path == "-":
        return
    p = Path(path)
    folder = p.parent if str(p.parent) else Path(".")
    if p.is_dir():
        raise MtqaError(f"{path}: output path is a directory; give a file name")
    if not folder.is_dir():
        raise MtqaError(f"{path}: output folder {folder} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise MtqaError(f"{path}: output folder {folder} is not writable; choose another -o")


def _add_engine_args(p: argparse.ArgumentParser) -> None:
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
    p.add_argument("--checks", default=None,
                   help="comma-separated checks to run (default: all; see `mtqa checks`)")
    p.add_argument("--max-major", type=int, default=None, help="gate: major findings allowed")
    p.add_argument("--max-critical", type=int, default=None,
                   help="gate: critical findings allowed")
    p.add_argument("--max-minor", type=int, default=None, help="gate: minor findings allowed")
    p.add_argument("--min-score", type=float, default=None, help="gate: minimum score")
    p.add_argument("--severity", action="append", default=None, metavar="CATEGORY=SEVERITY",
                   help="severity override for a category (repeatable)")
    p.add_argument("--config", metavar="FILE", default=None,
                   help="policy file (default: ./mtqa.toml, else [tool.mtqa] in ./pyproject.toml)")
    p.add_argument("--no-config", action="store_true", help="ignore policy files")


def config_from_args(args: argparse.Namespace) -> QAConfig:
    """The configuration of ``mtqa check``/``mtqa feed``: defaults < the policy file
    (``--config``, else ./mtqa.toml or [tool.mtqa] of ./pyproject.toml, unless
    ``--no-config``) < ``MTQA_*`` variables < the command line."""
    from .policy import parse_severity, resolve

    cli: dict[str, object] = {
        "backtranslator": args.backtranslator,
        "model": args.model,
        "glossary": args.glossary,
        "checks": args.checks,
        "max_critical": args.max_critical,
        "max_major": args.max_major,
        "max_minor": args.max_minor,
        "min_score": args.min_score,
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
    return resolved.config


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


def _render(report: object, fmt: str, color: bool) -> str:
    if fmt == "json":
        return report.to_json() + "\n"  # type: ignore[attr-defined]
    if fmt == "csv":
        return report.to_csv()  # type: ignore[attr-defined]
    if fmt == "html":
        return report.to_html()  # type: ignore[attr-defined]
    return report.to_text(color=color)  # type: ignore[attr-defined]


def cmd_check(args: argparse.Namespace) -> int:
    from .load import read_text
    from .pipeline import Pipeline

    config = config_from_args(args)
    if args.segments:
        from .segments_file import read_segments

        if args.en or args.ja:
            raise _Usage("give EN_FILE and JA_FILE, or --segments FILE.tsv, not both")
        check_output_path(args.output)  # fail before the work, not after it
        pairs = read_segments(args.segments)
        report = Pipeline(config.with_options(presegmented=True)).run_segments(pairs)
    else:
        if not args.en or not args.ja:
            raise _Usage("give EN_FILE and JA_FILE, or --segments FILE.tsv")
        from dataclasses import replace

        from .language import check_pair

        check_output_path(args.output)  # fail before the work, not after it
        en = read_text(args.en)
        ja = read_text(args.ja)
        check_pair(en.text, ja.text, args.en, args.ja)  # names the files in the message
        notes = []
        for loaded in (en, ja):
            if loaded.encoding != "utf-8":
                notes.append(f"{loaded.source}: decoded as {loaded.encoding_name}")
                log.info("%s", notes[-1])
        report = Pipeline(config).run(en.text, ja.text)
        if notes:
            report = replace(report, notes=(*report.notes, *notes))
    color = args.output in (None, "-") and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    write_output(args.output, _render(report, args.format, color))
    return report.gate.exit_code


def cmd_checks(args: argparse.Namespace) -> int:
    from . import checks

    for name in checks.available():
        cls = checks.load(name)
        doc = (cls.__doc__ or "").strip().splitlines()
        print(f"{name:16s} v{cls.version}  {doc[0] if doc else ''}")
    return 0


class _Usage(Exception):
    pass


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mtqa",
        description="Quality checks for English news machine-translated into Japanese.",
    )
    parser.add_argument("--version", action="version", version=f"mtqa {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    p = sub.add_parser("check", help="check one translated article against its reference")
    p.add_argument("en", nargs="?", metavar="EN_FILE", help="English reference text")
    p.add_argument("ja", nargs="?", metavar="JA_FILE", help="Japanese translation text")
    p.add_argument("--segments", metavar="FILE.tsv", default=None,
                   help="pre-aligned pairs (TSV with columns source, translation) instead "
                   "of two documents")
    p.add_argument("--format", choices=FORMATS, default="text", help="output format "
                   "(default: %(default)s)")
    p.add_argument("-o", "--output", default=None, help="output file (default: stdout)")
    _add_engine_args(p)
    p.set_defaults(func=cmd_check)
    pc = sub.add_parser("checks", help="list the available checks")
    pc.set_defaults(func=cmd_checks)
    _register_feed(sub)
    return parser


def _register_feed(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    try:
        from .feed_cli import register
    except ImportError:
        return
    register(sub, _add_engine_args)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="mtqa: %(message)s",
        stream=sys.stderr,
    )
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return int(args.func(args))
    except _Usage as err:
        parser.error(str(err))  # exits 2 with usage
        return EXIT_USAGE
    except MtqaError as err:
        print(f"mtqa: error: {err}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("mtqa: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
