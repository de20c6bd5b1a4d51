"""Speed of the non-model stages (align, checks, score, risk, report) against an older revision.

Issue #17 "work done once": the checks rebuilt the same per-pair data (lexicon, keys,
readings) many times. This benchmark measures, side by side in one run, the warm seconds
per article of everything after back-translation, for this working tree and for a given
git revision (default: the commit before the first "work done once" change), on
``data/riyadh`` and every ``data/cases`` pair, with the dictionary engine.

How: the older revision is checked out with ``git worktree add`` into a temporary folder;
each side runs in its own subprocess of the same interpreter (same venv) with its tree
first on ``PYTHONPATH``. In each, the engine's ``translate`` is wrapped in a memo, so that
after a warm-up run back-translation costs a dict look-up and the time left is the
non-model stages (segmentation included, a few milliseconds). Before every timed run the
per-article text caches are emptied, as the feed runner does between two articles, so a
run never reuses the previous run's results. Each article runs ``--repeat`` times after
the warm-up; the median is kept. The two sides alternate, article by article, so that a
change in the machine's load hits both.

Each article's warm-up run is also timed: it is the first run in a fresh process, so it
pays what a process loads once (dictionaries, lazy indexes, look-up tables built on first
use) as a one-article ``mtqa check`` does. A cost the memoised warm runs never see — a
table of every country's renderings built on first use took 15 s a process for a while —
shows there.

The machine load (``uptime``) is printed before and after. The last line is::

    check_speed before_s=<sum of medians> after_s=<sum> speedup=<before/after>
        cold_before_s=<sum of first runs> cold_after_s=<sum>

Usage: ``python benchmarks/check_speed.py [--rev REV] [--repeat 3]``
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: the commit before issue #17's "work done once" changes
DEFAULT_REV = "59660d8"

#: runs inside the subprocess: ``python -c WORKER ARTICLES_JSON REPEAT``; prints JSON
WORKER = r"""
import json, statistics, sys, time
from pathlib import Path
import mtqa
if not Path(mtqa.__file__).resolve().is_relative_to(Path.cwd().resolve()):
    sys.exit(f"mtqa imported from {mtqa.__file__}, not from {Path.cwd()}")
from mtqa.config import QAConfig
from mtqa.pipeline import Pipeline
try:
    from mtqa.text.cache import clear_text_caches
except ImportError:  # a revision before the per-article caches
    def clear_text_caches():
        pass

articles = json.loads(sys.argv[1])
repeat = int(sys.argv[2])
pipe = Pipeline(QAConfig(backtranslator="dictionary"))
engine = pipe.engine
translate = engine.translate
memo = {}

def cached(texts, *args, **kwargs):
    key = tuple(texts)
    if key not in memo:
        memo[key] = translate(texts, *args, **kwargs)
    return memo[key]

engine.translate = cached
out = {}
for name, en, ja in articles:
    ref, mt = Path(en).read_text(encoding="utf-8"), Path(ja).read_text(encoding="utf-8")
    clear_text_caches()
    t0 = time.perf_counter()
    pipe.run(ref, mt)  # warm-up: fills the back-translation memo
    cold = time.perf_counter() - t0
    times = []
    for _ in range(repeat):
        clear_text_caches()
        t0 = time.perf_counter()
        pipe.run(ref, mt)
        times.append(time.perf_counter() - t0)
    out[name] = [statistics.median(times), cold]
print(json.dumps(out))
"""


def articles() -> list[tuple[str, str, str]]:
    """(name, English file, Japanese file) of data/riyadh and each data/cases pair."""
    out = [("riyadh", str(ROOT / "data/riyadh/en.txt"), str(ROOT / "data/riyadh/ja.txt"))]
    for en in sorted((ROOT / "data/cases").glob("*.en.txt")):
        name = en.name[: -len(".en.txt")]
        out.append((name, str(en), str(en.with_name(f"{name}.ja.txt"))))
    return out


def time_tree(tree: Path, chosen: list[tuple[str, str, str]],
              repeat: int) -> dict[str, list[float]]:
    """[median warm seconds, cold seconds] per article with the package of ``tree`` (run in
    a subprocess of its own: the first article's cold run pays what a process loads once)."""
    env = dict(os.environ, PYTHONPATH=str(tree))
    proc = subprocess.run(
        [sys.executable, "-c", WORKER, json.dumps(chosen), str(repeat)],
        cwd=tree, env=env, capture_output=True, text=True, check=False,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"worker in {tree} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def uptime() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True, check=False).stdout.strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rev", default=DEFAULT_REV, help="git revision to compare against")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per article")
    args = parser.parse_args()
    print("uptime before:", uptime())
    before: dict[str, list[float]] = {}
    after: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory(prefix="check_speed_") as tmp:
        old = Path(tmp) / "old"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(old),
                        args.rev], check=True)
        try:
            for art in articles():  # alternate the sides, one article at a time
                before.update(time_tree(old, [art], args.repeat))
                after.update(time_tree(ROOT, [art], args.repeat))
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(old)],
                           check=False)
    print(f"{'article':<22} {'before_s':>9} {'after_s':>9} {'speedup':>8} "
          f"{'cold_before':>12} {'cold_after':>11}")
    for name in before:
        (b, cb), (a, ca) = before[name], after[name]
        print(f"{name:<22} {b:9.3f} {a:9.3f} {b / a:7.2f}x {cb:12.2f} {ca:11.2f}")
    print("uptime after:", uptime())
    tb, ta = (sum(v[0] for v in side.values()) for side in (before, after))
    cb, ca = (sum(v[1] for v in side.values()) for side in (before, after))
    print(f"check_speed before_s={tb:.3f} after_s={ta:.3f} speedup={tb / ta:.2f} "
          f"cold_before_s={cb:.2f} cold_after_s={ca:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
