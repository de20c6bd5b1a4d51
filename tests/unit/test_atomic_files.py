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
