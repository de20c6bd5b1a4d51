"""Caches of what is computed from one text (a sentence or a span of sentences), scoped to
the article being checked.

Checking one article asks for the same sentence's tokens, units and features many times
(alignment scores every candidate pairing; every check looks at every pair), so those
results are cached. Across articles, though, a sentence rarely comes back, and a cache of
every sentence seen makes a long feed's memory grow with its length: `feed_scale`
measured resident memory 8 to 13 % higher after 1,000 articles than after 100 (issue
#20), all of it in such caches. Functions decorated with :func:`text_cache` therefore
keep their results until :func:`clear_text_caches`, which the feed runners call between
articles, so that a worker holds at most one article's worth. Caches keyed by a word
(stems, dictionary glosses) stay process-wide: a language's vocabulary bounds them and
every article reuses them.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

_CACHES: list[Any] = []


def text_cache(maxsize: int) -> Callable[[F], F]:
    """``functools.lru_cache(maxsize)`` for a function of one text, also emptied by
    :func:`clear_text_caches`.

    Args:
        maxsize: entries kept (the bound for one very long article, or for callers such
            as :func:`mtqa.check` in a loop, which do not clear).
    """

    def wrap(fn: F) -> F:
        cached = functools.lru_cache(maxsize=maxsize)(fn)
        _CACHES.append(cached)
        return cached  # type: ignore[return-value]

    return wrap


def clear_text_caches() -> None:
    """Drop every :func:`text_cache` result (between two articles of a feed)."""
    for cached in _CACHES:
        cached.cache_clear()


def text_cache_entries() -> int:
    """Entries held by all text caches together (for tests and benchmarks)."""
    return sum(cached.cache_info().currsize for cached in _CACHES)
