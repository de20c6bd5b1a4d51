"""``mtqa feed --engine ray`` on a local Ray instance (issue #20): the same outputs as the
local runner, a failing article, a killed worker, a poisonous article, back-pressure,
and a Ctrl-C followed by ``--resume``.

One Ray instance (2 CPUs) serves the whole module; the command line and the runners
below find it already started and leave it running.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mtqa.cli import main
from mtqa.config import QAConfig
from mtqa.feed.runner import ItemOutcome, StopFlag, open_source, process_item, run_feed
from tests.conftest import CASES, RIYADH, ROOT, case_names

try:
    import ray
except ImportError:  # the test without Ray below still runs
    ray = None

needs_ray = pytest.mark.skipif(ray is None, reason="Ray is not installed: pip install 'mtqa[ray]'")
DICT = ["--backtranslator", "dictionary", "--no-config"]
CONFIG = QAConfig().with_options(backtranslator="dictionary")
EN_OK = "The minister arrived in Tokyo on Monday."
JA_OK = "大臣は月曜日に東京に到着した。"
#: Fields that differ between two runs of the same input (timings).
VOLATILE = ("elapsed_s",)


@pytest.fixture(scope="module")
def local_ray():
    if ray is None:
        pytest.skip("Ray is not installed: pip install 'mtqa[ray]'")
    ray.init(num_cpus=2, log_to_driver=False, logging_level="WARNING")
    yield ray
    ray.shutdown()


@pytest.fixture()
def workspace(tmp_path, monkeypatch):
    """The annotated cases and the Riyadh article under texts/, as the working directory."""
    (tmp_path / "texts").mkdir()
    for name in case_names():
        for lang in ("en", "ja"):
            shutil.copy(CASES / f"{name}.{lang}.txt", tmp_path / "texts")
    for lang in ("en", "ja"):
        shutil.copy(RIYADH / f"{lang}.txt", tmp_path / "texts" / f"riyadh.{lang}.txt")
    monkeypatch.chdir(tmp_path)
    for var in [v for v in os.environ if v.startswith("MTQA_")]:
        monkeypatch.delenv(var)
    return tmp_path


def _manifest(ws: Path, names: list[str], extra: tuple[str, ...] = (), name: str = "feed.jsonl"
              ) -> Path:
    lines = [json.dumps({"id": f"{n}-{i}", "reference": f"texts/{n}.en.txt",
                         "translation": f"texts/{n}.ja.txt", "title": n}, ensure_ascii=False)
             for i, n in enumerate(names)]
    p = ws / name
    p.write_text("\n".join([*lines, *extra]) + "\n", encoding="utf-8")
    return p


def _records(out: Path) -> list[dict]:
    lines = (out / "report.jsonl").read_text("utf-8").splitlines()
    return [{k: v for k, v in json.loads(line).items() if k not in VOLATILE} for line in lines]


def _strip_times(text: str) -> str:
    import re

    return re.sub(r'time="[^"]*"', 'time=""', text)


# --- without Ray ----------------------------------------------------------------------------


def test_without_ray_engine_ray_exits_2_with_the_install_line(workspace, monkeypatch, capsys):
    manifest = _manifest(workspace, ["f1-race"])
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray -> ImportError
    assert main(["feed", str(manifest), "--out", "out", "--engine", "ray", *DICT]) == 2
    err = capsys.readouterr().err
    assert "pip install 'mtqa[ray]'" in err and err.count("\n") == 1
    assert not (workspace / "out").exists()  # refused before the folder is touched


@pytest.mark.parametrize("args,message", [
    (["--workers", "2"], "--workers: only with --engine ray"),
    (["--gpus-per-worker", "1"], "--gpus-per-worker: only with --engine ray"),
    (["--engine", "ray", "--jobs", "2"], "give --workers"),
    (["--engine", "ray", "--ray-address", "nonsense"], "give host:port"),
])
def test_ray_options_misused_exit_2(workspace, capsys, args, message):
    manifest = _manifest(workspace, ["f1-race"])
    assert main(["feed", str(manifest), "--out", "out", *args, *DICT]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_unreachable_cluster_exits_2_at_once(workspace, capsys):
    with socket.socket() as s:  # a port that nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    manifest = _manifest(workspace, ["f1-race"])
    t0 = time.monotonic()
    rc = main(["feed", str(manifest), "--out", "out", "--engine", "ray",
               "--ray-address", f"127.0.0.1:{port}", *DICT])
    err = capsys.readouterr().err
    assert rc == 2 and "no Ray cluster answers" in err, err
    assert time.monotonic() - t0 < 10  # not Ray's minutes of retries


# --- on a local Ray instance ----------------------------------------------------------------


@needs_ray
def test_same_outputs_as_the_local_runner_on_cases_and_riyadh(local_ray, workspace, capsys):
    broken = (json.dumps({"id": "missing", "reference": "texts/nope.en.txt",
                          "translation": "texts/f1-race.ja.txt"}),
              json.dumps({"id": "empty", "reference": EN_OK, "translation": ""}),
              json.dumps({"id": "inline", "reference": EN_OK, "translation": JA_OK}))
    manifest = _manifest(workspace, [*case_names(), "riyadh"], broken)
    assert main(["feed", str(manifest), "--out", "local", "-q", "--annotations", "github",
                 *DICT]) == 1
    local_stdout = capsys.readouterr().out
    assert main(["feed", str(manifest), "--out", "ray", "-q", "--engine", "ray",
                 "--workers", "2", "--annotations", "github", *DICT]) == 1
    assert capsys.readouterr().out == local_stdout and "::error" in local_stdout
    recs = _records(workspace / "ray")
    assert recs == _records(workspace / "local")
    assert [r["status"] for r in recs].count("error") == 2 and len(recs) == 10
    local, remote = workspace / "local", workspace / "ray"
    for name in ("summary.csv", "index.html"):
        assert (remote / name).read_bytes() == (local / name).read_bytes(), name
    assert _strip_times((remote / "junit.xml").read_text("utf-8")) == _strip_times(
        (local / "junit.xml").read_text("utf-8"))
    pages = sorted(p.name for p in (local / "pages").iterdir())
    assert pages and pages == sorted(p.name for p in (remote / "pages").iterdir())
    for p in pages:
        assert (remote / "pages" / p).read_bytes() == (local / "pages" / p).read_bytes(), p


def _raising(item, pipeline, want_page, want_report):
    """Checks like the local runner, except that one article breaks the worker's code."""
    if item.id.startswith("bad"):
        raise RuntimeError("a check broke on this article")
    return process_item(item, pipeline, want_page, want_report)


def _poison(item, pipeline, want_page, want_report):
    """One article kills the worker process each time it is checked (like the kernel's
    out-of-memory killer would)."""
    if item.id.startswith("poison"):
        os._exit(9)
    return process_item(item, pipeline, want_page, want_report)


def _run(manifest: Path, out: str, runner=None, **kw):
    return run_feed(open_source(manifest), CONFIG, out, runner=runner, pages=False, **kw)


@needs_ray
def test_a_failing_article_is_an_error_record_and_the_others_go_on(local_ray, workspace):
    from mtqa.feed.ray_runner import RayRunner

    manifest = _manifest(workspace, ["f1-race", "bad", "museum-theft"])
    with RayRunner(CONFIG, 2, process=_raising) as runner:
        result = _run(manifest, "out", runner)
    recs = _records(workspace / "out")
    assert [r["status"] for r in recs] == ["ok", "error", "ok"]
    assert "internal error on the Ray worker" in recs[1]["error"]
    assert "a check broke on this article" in recs[1]["error"]
    assert result.exit_code == 1 and result.totals.errors == 1


@needs_ray
def test_a_killed_worker_is_replaced_and_its_articles_retried(local_ray, workspace):
    from mtqa.feed.ray_runner import RayRunner

    names = case_names() * 2
    manifest = _manifest(workspace, names)
    _run(manifest, "local")
    killed: list[int] = []
    with RayRunner(CONFIG, 2) as runner:
        pids = runner.worker_pids()

        def kill_one(outcome: ItemOutcome) -> None:
            if not killed:  # mid-run: the other articles are in flight or waiting
                os.kill(pids[0], signal.SIGKILL)
                killed.append(pids[0])

        result = _run(manifest, "ray", runner, on_outcome=kill_one)
        assert runner.restarts == 1 and runner.retries >= 1
        assert pids[0] not in runner.worker_pids()
    assert result.checked == len(names) and result.totals.errors == 0
    assert _records(workspace / "ray") == _records(workspace / "local")


@needs_ray
def test_an_article_that_kills_its_worker_is_retried_once_then_failed(local_ray, workspace):
    from mtqa.feed.ray_runner import RayRunner

    manifest = _manifest(workspace, ["f1-race", "poison", "museum-theft", "g7-communique"])
    with RayRunner(CONFIG, 1, process=_poison) as runner:
        result = _run(manifest, "out", runner)
        # the first try and the one retry; more only when a healthy article queued on the
        # dying worker raced the death (at most once each: seen under a load of 4 on 2
        # cores); the records below must hold either way
        assert 2 <= runner.restarts <= 2 + 3
    recs = _records(workspace / "out")
    assert [r["status"] for r in recs] == ["ok", "error", "ok", "ok"]  # queued ones unharmed
    assert "Ray worker died while checking this item (2 times" in recs[1]["error"]
    assert result.totals.errors == 1


def _instant(item, pipeline, want_page, want_report):
    from mtqa.feed.ray_runner import failed_outcome

    return failed_outcome(item, "not checked")


@needs_ray
def test_back_pressure_bounds_the_articles_read_ahead(local_ray):
    from mtqa.feed.inputs import FeedItem
    from mtqa.feed.ray_runner import AHEAD_PER_WORKER, RayRunner

    read = 0
    ahead = []

    def items():
        nonlocal read
        for i in range(200):
            read += 1
            yield FeedItem(i, f"a{i}", error="x")

    with RayRunner(CONFIG, 2, process=_instant) as runner:
        got = []
        for outcome in runner(items(), False, False, StopFlag()):
            ahead.append(read - len(got))
            got.append(outcome.index)
    assert got == list(range(200))  # input order, each once
    assert max(ahead) <= 2 * AHEAD_PER_WORKER


@needs_ray
def test_ctrl_c_stops_cleanly_and_resume_finishes(local_ray, workspace):
    names = case_names() * 2
    _manifest(workspace, names)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MTQA_", "RAY_ADDRESS"))}
    env["PYTHONPATH"] = str(ROOT)
    # its own Ray instance, in its own process group: Ctrl-C reaches every process of it
    proc = subprocess.Popen([sys.executable, "-m", "mtqa", "feed", "feed.jsonl", "--out", "out",
                             "-q", "--engine", "ray", "--ray-address", "local", "--workers", "2",
                             *DICT], cwd=workspace, env=env, start_new_session=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    journal = workspace / "out" / "report.jsonl"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if journal.exists() and journal.read_bytes().count(b"\n") >= 2:
            break
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    done = journal.read_bytes().count(b"\n")
    assert 2 <= done < len(names), "the run was not interrupted in the middle"
    assert b"--resume" in err
    recs = _records(workspace / "out")
    assert all(r["status"] == "ok" for r in recs)  # nothing in progress recorded as failed
    assert main(["feed", "feed.jsonl", "--out", "out", "-q", "--resume", "--engine", "ray",
                 "--workers", "2", *DICT]) == 1
    resumed = _records(workspace / "out")
    assert [r["index"] for r in resumed] == list(range(len(names)))
    assert resumed[:done] == recs
    assert main(["feed", "feed.jsonl", "--out", "local", "-q", *DICT]) == 1
    assert resumed == _records(workspace / "local")


@needs_ray
@pytest.mark.parametrize("args,message", [
    (["--workers", "3"], "--workers 3 needs 3 CPUs (one per worker); the Ray cluster has 2"),
    (["--gpus-per-worker", "1"], "--workers 1 x --gpus-per-worker 1 needs 1 GPUs; the Ray "
     "cluster has 0"),
])
def test_a_cluster_too_small_exits_2_before_the_folder_is_touched(local_ray, workspace, capsys,
                                                                   args, message):
    manifest = _manifest(workspace, ["f1-race"])
    assert main(["feed", str(manifest), "--out", "out", "--engine", "ray", *args, *DICT]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert not (workspace / "out").exists()
