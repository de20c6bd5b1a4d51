"""Fault injection against ``mtqa feed`` (issue #15): real processes killed at random
moments and resumed, the parent of the workers killed, a full disk (a small tmpfs where
the machine lets the tests mount one; an injected ENOSPC is in test_feed_robustness.py),
piped and empty inputs, and sources changed before ``--resume``.

Every scenario ends with the invariant the journal promises: each article recorded
exactly once, and the output the same as a clean run's (timings aside).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import CASES, ROOT, case_names

DICT = ["--backtranslator", "dictionary"]
#: Kills per random-kill run: enough to land in different places (a page, a journal line,
#: the derived files), few enough to stay well under a minute.
KILLS = 3
#: Seconds the workers may take to go after their parent died (the watchdog polls each
#: second; the kernel's death signal is immediate).
WORKER_GRACE_S = 5.0
SEED = int(os.environ.get("MTQA_FAULT_SEED", "20260515"))


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MTQA_")}
    env["PYTHONPATH"] = str(ROOT)
    return env


def _mtqa(ws: Path, *args: str, **kw) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "mtqa", "feed", *args, *DICT], cwd=ws,
                            env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)


def _run(ws: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "mtqa", "feed", *args, *DICT], cwd=ws,
                          env=_env(), input=stdin, capture_output=True, timeout=300)


@pytest.fixture()
def ws(tmp_path):
    """Short articles (inline and as files) and a few of the annotated cases."""
    (tmp_path / "texts").mkdir()
    names = case_names()[:3]
    for name in names:
        for lang in ("en", "ja"):
            shutil.copy(CASES / f"{name}.{lang}.txt", tmp_path / "texts")
    lines = []
    for i in range(8):
        if i % 3 == 2:
            name = names[i % len(names)]
            lines.append({"id": f"{name}-{i}", "reference": f"texts/{name}.en.txt",
                          "translation": f"texts/{name}.ja.txt"})
        else:
            lines.append({"id": f"short-{i}", "reference": f"The minister arrived on day {i}.",
                          "translation": f"大臣は{i}日に到着した。"})
    (tmp_path / "feed.jsonl").write_text(
        "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    return tmp_path


def _records(out: Path) -> list[dict]:
    return [json.loads(x) for x in (out / "report.jsonl").read_text("utf-8").splitlines()]


def _strip(recs: list[dict], ignore: tuple[str, ...] = ()) -> list[dict]:
    return [{k: v for k, v in r.items() if k not in ("elapsed_s", *ignore)} for r in recs]


def _same_as_clean_run(ws: Path, out: str, piped: bool = False) -> None:
    """The folder ``out`` holds what a clean run gives (a piped manifest is named
    ``<stdin>`` or its pipe, not feed.jsonl, in the records' ``source`` and in junit.xml)."""
    clean = _run(ws, "feed.jsonl", "--out", "clean", "-q")
    assert clean.returncode in (0, 1), clean.stderr
    recs = _records(ws / out)
    assert [r["index"] for r in recs] == list(range(len(recs)))  # each article once, in order
    ignore = ("source",) if piped else ()
    assert _strip(recs, ignore) == _strip(_records(ws / "clean"), ignore)
    for name in ("summary.csv",) if piped else ("summary.csv", "junit.xml"):
        got = (ws / out / name).read_text("utf-8")
        want = (ws / "clean" / name).read_text("utf-8")
        if name == "junit.xml":  # times differ
            import re

            got, want = (re.sub(r'time="[\d.]+"', "", x) for x in (got, want))
        assert got == want, name
    assert sorted(p.name for p in (ws / out / "pages").iterdir()) == sorted(
        p.name for p in (ws / "clean" / "pages").iterdir())
    assert not [p for p in (ws / out).rglob("*.tmp")]


# --- kill at random points, then resume -----------------------------------------------------


def test_random_kills_then_resume_give_the_clean_run(ws):
    rng = random.Random(SEED)
    journal = ws / "out" / "report.jsonl"
    for kill in range(KILLS):
        proc = _mtqa(ws, "feed.jsonl", "--out", "out", "-q", *(["--resume"] if kill else []))
        lines = journal.read_bytes().count(b"\n") if journal.exists() and kill else 0
        target = lines + rng.randint(0, 2)
        deadline = time.monotonic() + 120
        while proc.poll() is None and time.monotonic() < deadline:
            if journal.exists() and journal.read_bytes().count(b"\n") >= target:
                break
            time.sleep(0.005)
        time.sleep(rng.uniform(0, 0.3))  # anywhere: a page, a journal line, the summaries
        proc.kill()
        proc.communicate(timeout=60)
    done = _run(ws, "feed.jsonl", "--out", "out", "-q", "--resume")
    assert done.returncode in (0, 1) and b"Traceback" not in done.stderr, (SEED, done.stderr)
    _same_as_clean_run(ws, "out")


def test_sources_changed_before_resume_are_checked_again(ws):
    first = _run(ws, "feed.jsonl", "--out", "out", "-q")
    assert first.returncode in (0, 1), first.stderr
    # an article checked by the interrupted run is replaced, another is edited
    lines = (ws / "feed.jsonl").read_text("utf-8").splitlines()
    obj = json.loads(lines[0])
    obj["translation"] = "全く別の記事である。首相は本日辞任を発表した。"
    lines[0] = json.dumps(obj, ensure_ascii=False)
    (ws / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    path = ws / "texts" / f"{case_names()[2]}.ja.txt"
    path.write_text(path.read_text("utf-8") + "\n追加の一文。", encoding="utf-8")
    resumed = _run(ws, "feed.jsonl", "--out", "out", "--resume")
    assert resumed.returncode in (0, 1), resumed.stderr
    assert b"changed since the previous run" in resumed.stderr
    _same_as_clean_run(ws, "out")


# --- the parent dies: the workers go too ----------------------------------------------------


def _children(pid: int) -> list[int]:
    """Processes whose parent is ``pid``, from /proc."""
    out = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        if int(fields[1]) == pid:
            out.append(int(entry))
    return out


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat[stat.rindex(")") + 2] != "Z"  # a zombie is dead, waiting to be reaped


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc (Linux)")
@pytest.mark.parametrize("how", ["SIGKILL", "double SIGTERM"])
def test_workers_exit_when_the_parent_is_killed(ws, how):
    lines = (ws / "feed.jsonl").read_text("utf-8")
    (ws / "feed.jsonl").write_text(lines * 6, encoding="utf-8")  # long enough to be mid-run
    proc = _mtqa(ws, "feed.jsonl", "--out", "out", "-q", "--jobs", "2")
    workers: list[int] = []
    try:
        journal = ws / "out" / "report.jsonl"
        deadline = time.monotonic() + 120
        while proc.poll() is None and time.monotonic() < deadline:
            if journal.exists() and journal.read_bytes().count(b"\n") >= 1:
                break
            time.sleep(0.02)
        workers = _children(proc.pid)
        assert proc.poll() is None and len(workers) >= 2, proc.communicate()
        if how == "SIGKILL":
            proc.kill()
        else:
            proc.send_signal(signal.SIGTERM)  # the first is only noted...
            time.sleep(0.05)
            proc.send_signal(signal.SIGTERM)  # ...the second kills, with no clean-up
        proc.wait(timeout=60)  # not communicate(): orphaned workers would hold its pipes
        assert proc.returncode == -(signal.SIGKILL if how == "SIGKILL" else signal.SIGTERM)
        deadline = time.monotonic() + WORKER_GRACE_S
        while any(_alive(p) for p in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert [p for p in workers if _alive(p)] == []
    finally:
        for p in workers:  # never leave a worker behind, even when the test fails
            try:
                os.kill(p, signal.SIGKILL)
            except ProcessLookupError:
                pass
        if proc.poll() is None:
            proc.kill()
        proc.communicate(timeout=60)


# --- a full disk ------------------------------------------------------------------------------


@pytest.fixture()
def small_disk(tmp_path):
    """A 64 KB tmpfs, where the machine allows mounting one (root in a container)."""
    mnt = tmp_path / "disk"
    mnt.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs needs root")
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mnt)],
                       capture_output=True)
    if r.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {r.stderr.decode().strip()}")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], capture_output=True)


def test_full_disk_ends_with_one_line_and_exit_4_then_resumes(ws, small_disk):
    out = small_disk / "qa"
    full = _run(ws, "feed.jsonl", "--out", str(out))
    err = full.stderr.decode()
    assert full.returncode == 4, err
    assert err.count("\n") == 1 and "Traceback" not in err and "No space left" in err
    assert str(out) in err
    journalled = _records(out) if (out / "report.jsonl").stat().st_size else []
    assert len(journalled) < 8  # the disk filled up before the end
    subprocess.run(["mount", "-o", "remount,size=16m", str(small_disk)], check=True)
    done = _run(ws, "feed.jsonl", "--out", str(out), "-q", "--resume")
    assert done.returncode in (0, 1), done.stderr
    shutil.copytree(out, ws / "out")
    _same_as_clean_run(ws, "out")


# --- piped and empty inputs -------------------------------------------------------------------


@pytest.mark.parametrize("shell", ["cat feed.jsonl | {mtqa} /dev/stdin --out out",
                                   "{mtqa} <(cat feed.jsonl) --out out",
                                   "{mtqa} - --out out < feed.jsonl"])
def test_piped_input_is_checked(ws, shell):
    if shutil.which("bash") is None:
        pytest.skip("needs bash")
    mtqa = f"{sys.executable} -m mtqa feed -q {' '.join(DICT)}"
    r = subprocess.run(["bash", "-c", shell.format(mtqa=mtqa)], cwd=ws, env=_env(),
                       capture_output=True, timeout=300)
    assert r.returncode in (0, 1), r.stderr
    _same_as_clean_run(ws, "out", piped=True)


@pytest.mark.parametrize("content", [b"", b"\n\n", b"\xef\xbb\xbf\n"])
def test_empty_input_is_refused_with_one_line(ws, content):
    r = _run(ws, "-", "--out", "out", stdin=content)
    assert r.returncode == 2 and r.stderr.count(b"\n") == 1
    assert b"nothing to check" in r.stderr and not (ws / "out").exists()
    r = _run(ws, "-", "--out", "out", "--allow-empty", stdin=content)
    assert r.returncode == 0, r.stderr
