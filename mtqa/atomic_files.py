"""Output files written so that readers see the old content or the whole new one, never a
part, and so that writing never destroys what the path is.

What ``path`` is decides how it is written (#16: ``-o`` replaced a symlink by a file and,
as root, the ``/dev/full`` device node itself):

* a regular file, or nothing yet: the content goes to a temporary file beside it, is
  fsynced and renamed over it (atomic). The new file gets the permissions a plain
  ``open(path, "w")`` would give: those of the file it replaces, else the usual ones
  under the process's umask (a temporary file alone would be private to its owner, and a
  report meant for a shared folder would not be readable there);
* a symbolic link: it is followed, and its target is written as above (the link stays a
  link, and the file it points to gets the content);
* a device, FIFO or socket (``/dev/null``, ``/dev/stdout`` in a container, a named pipe a
  reader is waiting on), or a file descriptor alias (``/dev/stdout``, ``/dev/fd/N``,
  ``/proc/self/fd/N``): it is opened and written directly. Such a node cannot be
  replaced without destroying it, and a reader on the other end expects the bytes there.

A write that fails for lack of space or an I/O error raises
:class:`~mtqa.errors.OutputError` (exit code 4 in the command line).
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from .errors import MtqaError, OutputError

#: Suffix of the temporary files, which are named ``.<target name>.<random>.tmp``.
TEMP_SUFFIX = ".tmp"
# mkstemp's random part: 8 characters of [a-z0-9_] (tempfile._RandomNameSequence).
_TEMP_NAME = re.compile(r"\.(?P<target>.+)\.[a-z0-9_]{8}" + re.escape(TEMP_SUFFIX))
# A folder whose entries are file descriptors: writing "through" one of them must reach
# the descriptor's file, pipe or terminal as it is (an atomic replace would cut it off).
_FD_FOLDER = re.compile(r"/proc/(self|thread-self|\d+)(/task/\d+)?/fd")


def temp_target(name: str) -> str | None:
    """The output name a temporary file of this module stands for, or ``None``.

    ``.summary.csv.k3x_9a0b.tmp`` gives ``summary.csv``: what a kill in the middle of an
    atomic write leaves behind (#15), which a later run may remove.
    """
    m = _TEMP_NAME.fullmatch(name)
    return m["target"] if m else None


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


def _is_fd_alias(path: Path) -> bool:
    """True when ``path`` or a link on the way to it is a file-descriptor entry
    (``/dev/stdout`` → ``/proc/self/fd/1``), whatever the descriptor is open on."""
    p = os.path.abspath(path)
    for _ in range(40):  # the kernel's own limit on links followed
        if _FD_FOLDER.fullmatch(os.path.realpath(os.path.dirname(p))):
            return True
        if not os.path.islink(p):
            return False
        p = os.path.normpath(os.path.join(os.path.dirname(p), os.readlink(p)))
    return False


def resolve_output(path: Path) -> tuple[Path, bool]:
    """Where to write for ``path``, and whether the write can be atomic.

    Returns:
        ``(path, True)`` for a regular file or a new path; ``(target, True)`` for a
        symbolic link to one (its target, the link kept); ``(path, False)`` for a device,
        FIFO, socket or file-descriptor alias, which is written in place.

    Raises:
        MtqaError: ``path`` is a folder.
    """
    if _is_fd_alias(path):
        return path, False
    try:
        st = os.stat(path)  # follows links
    except FileNotFoundError:
        # new, or a dangling link: create the link's target (the link then works)
        return (Path(os.path.realpath(path)) if os.path.islink(path) else path), True
    except OSError as err:
        raise OutputError(f"{path}: cannot write output ({err.strerror})") from err
    if stat.S_ISDIR(st.st_mode):
        raise MtqaError(f"{path}: output path is a directory; give a file name")
    if stat.S_ISREG(st.st_mode):
        return (Path(os.path.realpath(path)) if os.path.islink(path) else path), True
    return path, False


@contextlib.contextmanager
def atomic_writer(path: Path, mode: str = "w") -> Iterator[IO[Any]]:
    """A file to write ``path``'s new content to (see the module docstring for what is
    replaced atomically and what is written in place).

    Args:
        path: the output.
        mode: ``"w"`` (text, UTF-8, newlines as written) or ``"wb"``.

    Raises:
        MtqaError: the folder does not exist, or ``path`` is a folder.
        OutputError: writing, syncing or renaming failed (disk full, I/O error); the
            temporary file is removed and the old content is left as it was.
    """
    target, atomic = resolve_output(Path(path))
    kwargs: dict[str, Any] = {} if "b" in mode else {"encoding": "utf-8", "newline": ""}
    if not atomic:
        try:
            with open(target, mode, **kwargs) as fh:
                yield fh
        except OSError as err:
            raise OutputError(f"{path}: cannot write output ({err.strerror})") from err
        return
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise MtqaError(f"{path}: output folder {folder} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=folder)
    except OSError as err:
        raise OutputError(f"{path}: cannot write output ({err.strerror})") from err
    try:
        with os.fdopen(fd, mode, **kwargs) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _target_mode(target))
        os.replace(tmp, target)
    except BaseException as err:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(err, OSError):
            raise OutputError(f"{path}: cannot write output ({err.strerror})") from err
        raise


def atomic_write(path: Path, content: str | bytes) -> None:
    """Write ``content`` (text as UTF-8) to ``path`` (atomically where it is a file).

    Raises:
        MtqaError: the folder does not exist, or ``path`` is a folder.
        OutputError: the file cannot be written (disk full, I/O error).
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    with atomic_writer(Path(path), "wb") as fh:
        fh.write(data)
