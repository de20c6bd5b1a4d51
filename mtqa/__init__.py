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
    from .report import Report
    from .types import Finding

__all__ = ["__version__", "check", "check_segments", "check_feed", "Report", "Finding", "QAConfig"]


def check(reference: str, translation: str, **options: Any) -> Report:
    """Check a Japanese translation against its English reference.

    Args:
        reference: English article text (``bytes`` are decoded as a file would be).
        translation: Japanese article text (``bytes`` likewise; offsets then index the
            decoded text, ``Report.translation_text``).
        **options: overrides of :class:`mtqa.config.QAConfig` and its policy
            (``backtranslator``, ``model``, ``checks``, ``glossary``, ``max_major``...).

    Returns:
        The :class:`~mtqa.report.Report`.

    Raises:
        InputError: a text of the wrong type, empty, binary, too long (README "Limits"),
            or a pair that is not English → Japanese.
        ConfigError: an unknown option.
    """
    from .config import QAConfig
    from .load import coerce_text
    from .pipeline import Pipeline

    reference = coerce_text(reference, "reference")
    translation = coerce_text(translation, "translation")
    return Pipeline(QAConfig().with_options(**options)).run(reference, translation)


def check_segments(pairs: Any, **options: Any) -> Report:
    """Check pre-aligned (source, translation) sentence pairs; no document alignment."""
    from .config import QAConfig
    from .load import coerce_pairs
    from .pipeline import Pipeline

    pairs = coerce_pairs(pairs)
    cfg = QAConfig().with_options(presegmented=True, **options)
    return Pipeline(cfg).run_segments(pairs)


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
        from .feed import check_feed

        return check_feed
    raise AttributeError(f"module 'mtqa' has no attribute {name!r}")
