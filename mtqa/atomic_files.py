"""Atomic output files: readers see the old file or the whole new one, never a part.

The content goes to a temporary file beside the target, is fsynced and renamed over it.
The new file gets the permissions a plain ``open(path, "w")`` would give: those of the
file it replaces, else the usual ones under the process's umask (a temporary file alone
would be private to its owner, and a report meant for a shared folder would not be
readable there).
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from .errors import MtqaError


def _umask() -> int:
    """The process's umask, read without changing it where the system tells it (Linux);
    elsewhere set and restored at once, under a lock against this module's threads."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    with _UMASK_LOCK:
        umask = os.umask(0o077)
        os.umask(umask)
    return umask


_UMASK_LOCK = threading.Lock()


def _target_mode(path: Path) -> int:
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return 0o666 & ~_umask()


@contextlib.contextmanager
def atomic_writer(path: Path, mode: str = "w") -> Iterator[IO[Any]]:
    """Open a temporary file beside ``path``; on success fsync and rename it to ``path``.

    Raises:
        MtqaError: the folder does not exist or is not writable.
        OSError: writing or renaming failed (the temporary file is removed).
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise MtqaError(f"{path}: output folder {folder} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as err:
        raise MtqaError(f"{path}: cannot write output ({err.strerror})") from err
    try:
        kwargs: dict[str, Any] = {} if "b" in mode else {"encoding": "utf-8", "newline": ""}
        with os.fdopen(fd, mode, **kwargs) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _target_mode(path))
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def atomic_write(path: Path, content: str | bytes) -> None:
    """Write ``content`` (text as UTF-8) to ``path`` atomically.

    Raises:
        MtqaError: the folder does not exist or the file cannot be written.
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        with atomic_writer(Path(path), "wb") as fh:
            fh.write(data)
    except OSError as err:
        raise MtqaError(f"{path}: cannot write output ({err.strerror})") from err
