"""What the ESA and perturbation benchmarks share: reading the WMT24 ESA ``*.jsonl`` files,
and running mtqa over many texts with a findings cache.

The cache is one JSONL file per digest of the ``mtqa`` package's code and data (an edit
anywhere re-checks: slower, never stale), one record per text keyed by a hash of its texts.
Records are appended as they come, so an interrupted run resumes where it stopped; a line cut
short by the interruption is skipped on reading.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Collection, Iterator, Mapping
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

#: One text to check: (cache key, English source, Japanese translation).
Job = tuple[str, str, str]
Checker = Callable[[Job], dict[str, Any]]


class DataError(Exception):
    """The data folder or one of its lines cannot be used (one line on stderr, exit 2)."""


# --- data ------------------------------------------------------------------------------------


def jsonl_lines(data: Path) -> Iterator[tuple[str, str]]:
    """``(where, line)`` for each non-blank line of every ``*.jsonl`` file of the folder
    ``data`` (in name order), or of the file ``data``; ``where`` is ``path:line``.

    Raises:
        DataError: no such folder or file, no ``.jsonl`` file, or a file that is not UTF-8.
    """
    if data.is_file():
        files = [data]
    elif data.is_dir():
        files = sorted(data.glob("*.jsonl"))
        if not files:
            raise DataError(f"{data}: no .jsonl file in this folder")
    else:
        raise DataError(f"{data}: no such folder or file")
    for path in files:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as err:
            raise DataError(f"{path}: cannot be read as UTF-8 ({err})") from None
        for n, line in enumerate(lines, 1):
            if line.strip():
                yield f"{path}:{n}", line


# --- the cache -------------------------------------------------------------------------------


def code_digest(backtranslator: str, exclude: Collection[str] = ()) -> str:
    """Digest of the code and data that produce the findings: the cache file's name.

    Every ``.py``/``.tsv``/``.txt``/``.json``/``.csv`` file of the ``mtqa`` package counts but
    the repository-relative paths in ``exclude`` (modules that cannot change a finding). The
    package is the one Python imports, which is not always this checkout's: with
    ``PYTHONPATH`` naming another working tree, a digest of this one filed that tree's
    findings under this code's name."""
    import mtqa

    package = Path(mtqa.__file__).resolve().parent
    h = hashlib.sha256()
    for p in sorted(package.rglob("*")):
        rel = p.relative_to(package.parent).as_posix()
        if not p.is_file() or rel in exclude or "__pycache__" in rel:
            continue
        if p.suffix not in {".py", ".tsv", ".txt", ".json", ".csv"}:
            continue
        h.update(rel.encode())
        h.update(p.read_bytes())
    h.update(backtranslator.encode())
    return h.hexdigest()[:16]


def read_cache(path: Path) -> dict[str, dict[str, Any]]:
    """The records of a cache file by key (none when it does not exist yet)."""
    out: dict[str, dict[str, Any]] = {}
    if not path.is_file():
        return out
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            try:
                rec = json.loads(line)
            except json.JSONDecodeError:  # a line cut short by an interrupted run
                continue
            if isinstance(rec, dict) and "key" in rec:
                out[rec["key"]] = rec
    return out


def run_cached(done: dict[str, dict[str, Any]], todo: Mapping[str, Job], jobs: int,
               cache: Path | None, checker: Checker, log: Callable[[str], None],
               initializer: Callable[[], None] | None = None) -> dict[str, dict[str, Any]]:
    """``done`` completed with a record for every job of ``todo`` (``checker`` run in ``jobs``
    processes, each set up by ``initializer``), each record appended to ``cache`` as it
    comes."""
    if not todo:
        return done
    sink = None
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        sink = cache.open("a", encoding="utf-8")
    try:
        for n, rec in enumerate(_map(list(todo.values()), jobs, checker, initializer), 1):
            done[rec["key"]] = rec
            if sink is not None:
                sink.write(json.dumps(rec, ensure_ascii=False) + "\n")
                sink.flush()
            if n % 100 == 0:
                log(f"  {n}/{len(todo)} checked")
    finally:
        if sink is not None:
            sink.close()
    return done


def _map(args: list[Job], jobs: int, checker: Checker,
         initializer: Callable[[], None] | None) -> Iterator[dict[str, Any]]:
    if jobs <= 1:
        if initializer is not None:
            initializer()
        yield from map(checker, args)
        return
    import multiprocessing as mp

    with mp.get_context("fork").Pool(jobs, initializer=initializer) as pool:
        yield from pool.imap_unordered(checker, args, chunksize=4)
