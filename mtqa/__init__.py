"""mtqa: quality checks for English news machine-translated into Japanese.

Public API (imported lazily, no heavy imports at package import)::

    import mtqa
    report = mtqa.check(english_text, japanese_text)
    report.findings      # pandas DataFrame, one row per finding
    report.to_json()
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .version import __version__

if TYPE_CHECKING:
    from .config import ConfigArg
    from .report import Report
    from .types import Finding

__all__ = ["__version__", "check", "check_segments", "check_feed", "Report", "Finding", "QAConfig"]


def check(reference: str, translation: str, *, config: ConfigArg = None,
          **options: Any) -> Report:
    """Check a Japanese translation against its English reference.

    The policy (gate limits, severities, glossary, engine) is read as ``mtqa check`` reads
    it, so that a notebook and the command line give one article one verdict: the policy
    file of the working directory (``mtqa.toml``, else ``[tool.mtqa]`` in
    ``pyproject.toml``), then ``MTQA_*`` variables, then ``options``. A file found that way
    is named in a note of the report; every report names its policy (``Report.policy``,
    the JSON ``policy`` key, the text header).

    Args:
        reference: English article text (``bytes`` are decoded as a file would be).
        translation: Japanese article text (``bytes`` likewise; offsets then index the
            decoded text, ``Report.translation_text``).
        config: ``None`` looks for the policy file in the working directory; ``False``
            reads none (``--no-config``; ``MTQA_*`` still apply); a path reads that file
            (``--config``); a :class:`~mtqa.config.QAConfig` is used as given (no file, no
            variables).
        **options: overrides of :class:`mtqa.config.QAConfig` and its policy
            (``backtranslator``, ``model``, ``checks``, ``glossary``, ``max_major``...).

    Returns:
        The :class:`~mtqa.report.Report`.

    Raises:
        InputError: a text of the wrong type, empty, binary, too long (README "Limits"),
            or a pair that is not English → Japanese.
        ConfigError: an unknown option, or an invalid policy file or variable.
    """
    from .policy import api_config
    from .load import coerce_text
    from .pipeline import Pipeline

    reference = coerce_text(reference, "reference")
    translation = coerce_text(translation, "translation")
    cfg, note = api_config(config, options)
    return _with_note(Pipeline(cfg).run(reference, translation), note)


def check_segments(pairs: Any, *, config: ConfigArg = None, **options: Any) -> Report:
    """Check pre-aligned (source, translation) sentence pairs; no document alignment.

    ``config`` and ``options`` read the policy as :func:`check` does.
    """
    from .policy import api_config
    from .load import coerce_pairs
    from .pipeline import Pipeline

    pairs = coerce_pairs(pairs)
    cfg, note = api_config(config, options)
    return _with_note(Pipeline(cfg.with_options(presegmented=True)).run_segments(pairs), note)


def _with_note(report: Report, note: str | None) -> Report:
    """The report with ``note`` (where its policy file was found) added to its notes."""
    if note is None:
        return report
    from dataclasses import replace

    return replace(report, notes=(*report.notes, note))


def __getattr__(name: str) -> Any:
    if name == "Report":
        from .report import Report

        return Report
    if name == "Finding":
        from .types import Finding

        return Finding
    if name == "QAConfig":
        from .config import QAConfig

        return QAConfig
    if name == "check_feed":
        from .feed.runner import check_feed

        return check_feed
    raise AttributeError(f"module 'mtqa' has no attribute {name!r}")
