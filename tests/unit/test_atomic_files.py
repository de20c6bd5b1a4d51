"""Atomic output files (mtqa/atomic_files.py): whole files, usual permissions."""

from __future__ import annotations

import os
import stat

import pytest

from mtqa.atomic_files import atomic_write, atomic_writer
from mtqa.errors import MtqaError


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_new_file_gets_the_permissions_of_a_plain_write(tmp_path):
    old = os.umask(0o022)
    try:
        atomic_write(tmp_path / "report.json", "{}\n")
        (tmp_path / "plain.json").write_text("{}\n")
    finally:
        os.umask(old)
    # a temporary file alone would be 0600: a report for a shared folder must be readable
    assert _mode(tmp_path / "report.json") == _mode(tmp_path / "plain.json") == 0o644
    assert (tmp_path / "report.json").read_text() == "{}\n"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_replaced_file_keeps_its_permissions(tmp_path):
    target = tmp_path / "summary.csv"
    target.write_text("old\n")
    os.chmod(target, 0o640)
    with atomic_writer(target) as fh:
        fh.write("new\n")
    assert target.read_text() == "new\n" and _mode(target) == 0o640


def test_failed_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "index.html"
    target.write_text("old")
    with pytest.raises(RuntimeError):
        with atomic_writer(target) as fh:
            fh.write("half")
            raise RuntimeError("killed mid-write")
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["index.html"]


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(MtqaError, match="output folder .* does not exist"):
        atomic_write(tmp_path / "nowhere" / "r.json", "{}")


# --- what the path is decides how it is written (#16.1) -------------------------------------


def test_symlink_is_followed_and_its_target_written(tmp_path):
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "report.json"
    target.write_text("old")
    link = tmp_path / "latest.json"
    link.symlink_to(target)
    atomic_write(link, "new")
    assert link.is_symlink() and os.readlink(link) == str(target)  # still the same link
    assert target.read_text() == "new"
    assert not [p for p in (tmp_path / "real").iterdir() if p.name.endswith(".tmp")]


def test_dangling_symlink_creates_its_target(tmp_path):
    link = tmp_path / "out.json"
    link.symlink_to(tmp_path / "made.json")
    atomic_write(link, "x")
    assert link.is_symlink() and (tmp_path / "made.json").read_text() == "x"


def test_fifo_is_written_to_not_replaced(tmp_path):
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    # a daemon thread: with the bug the FIFO is replaced and its reader waits for ever
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    atomic_write(fifo, "through the pipe\n")
    reader.join(timeout=10)
    assert got == [b"through the pipe\n"]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def _null_device(tmp_path):
    """A character device to write to that no bug can harm: as root (who could replace
    /dev/null itself) a private null node in ``tmp_path``; otherwise /dev/null, which a
    normal user cannot replace."""
    if os.geteuid() != 0:
        return "/dev/null"
    node = tmp_path / "null"
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except OSError:
        pytest.skip("root without mknod: no safe character device to write to")
    return str(node)


def test_character_device_is_written_to_not_replaced(tmp_path):
    # the bug replaced the device node itself (as root, -o /dev/full) (#16)
    dev = _null_device(tmp_path)
    before = os.lstat(dev)
    atomic_write(dev, "discarded")
    with atomic_writer(dev) as fh:
        fh.write("discarded too")
    after = os.lstat(dev)
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev
    assert after.st_ino == before.st_ino
    assert stat.S_ISCHR(os.lstat("/dev/null").st_mode)


def test_descriptor_alias_is_written_in_place(tmp_path):
    # /dev/fd/N onto a regular file: written through the descriptor (offset kept), the
    # file not swapped for a new one that the descriptor no longer sees
    out = tmp_path / "stdout.txt"
    with out.open("wb") as fh:
        fh.write(b"before\n")
        fh.flush()
        ino = os.fstat(fh.fileno()).st_ino
        atomic_write(f"/dev/fd/{fh.fileno()}", "after\n")
    assert out.read_bytes() == b"after\n" or out.read_bytes() == b"before\nafter\n"
    assert os.stat(out).st_ino == ino


def test_folder_is_refused(tmp_path):
    with pytest.raises(MtqaError, match="is a directory"):
        atomic_write(tmp_path, "x")


def test_full_disk_is_an_output_error_and_keeps_the_old_file(tmp_path, monkeypatch):
    import errno

    from mtqa.errors import OutputError

    target = tmp_path / "summary.csv"
    target.write_text("old")

    def no_space(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(OutputError, match="No space left on device"):
        atomic_write(target, "new")
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["summary.csv"]


def test_temp_target_names_only_this_modules_temporaries():
    from mtqa.atomic_files import temp_target

    assert temp_target(".summary.csv.k3x_9a0b.tmp") == "summary.csv"
    assert temp_target(".00001-a.html.abcdefgh.tmp") == "00001-a.html"
    for name in ("summary.csv", ".summary.csv.tmp", "summary.csv.abcdefgh.tmp",
                 ".summary.csv.ABCDEFGH.tmp", ".summary.csv.abcdefghi.tmp"):
        assert temp_target(name) is None
