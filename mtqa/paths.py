"""Where mtqa keeps its files: the cache folder (back-translations, converted models, crash
reports).

A module of its own, below everything else, because both the back-translation cache and
:func:`mtqa.errors.write_crash_report` need it: kept in the cache module, it made
``errors`` import ``backtranslate``, whose package imports ``errors`` (an import cycle).
"""

from __future__ import annotations

import os
from pathlib import Path

#: Environment variable naming the cache folder (presentation only: it never changes
#: results, since entries are keyed by everything that does).
CACHE_DIR_ENV = "MTQA_CACHE_DIR"


def default_cache_dir() -> Path:
    """The cache folder: ``$MTQA_CACHE_DIR``, else the platform's user cache dir for mtqa."""
    env = os.environ.get(CACHE_DIR_ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("mtqa", appauthor=False))
