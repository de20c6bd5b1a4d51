"""Feed scale: throughput and peak memory of ``mtqa feed`` for feeds of 100 and 1,000 articles.

The feeds are synthesised from the shared data (the annotated cases in data/cases and
the real garbled article in data/riyadh): article k is source k mod 7 with one sentence
that differs per article (a number, consistently in English and Japanese) and an id in
one of several styles (plain, with slashes, Japanese), given as file paths in a JSONL
manifest. Each size runs as its own ``mtqa feed`` process with the dictionary engine, so
its peak RSS is its own (``os.wait4`` returns the child's rusage, whose ``ru_maxrss``
covers the child and the workers it waited for).

The claim checked (issues #7 and #20): memory does not grow with the number of items,
i.e. peak RSS for 1,000 articles is within 5 % of that for 100. (Before #20 it was 8 to
13 % higher: caches keyed by sentences kept every article's entries; they now hold only
the current article's, see :mod:`mtqa.text.cache`.)

Usage::

    .venv/bin/python benchmarks/feed_scale.py                 # 100 and 1,000 articles
    .venv/bin/python benchmarks/feed_scale.py --sizes 20,100  # quicker, for development

The last line is ``feed_scale articles_per_s=<x> rss_100_mb=<x> rss_1000_mb=<x>``
(``articles_per_s`` of the largest size; the rss keys name the sizes run).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
#: Peak RSS of the largest feed may exceed the smallest's by this fraction (issue #20).
RSS_TOLERANCE = 0.05
#: ru_maxrss is in KiB on Linux (bytes on macOS).
RSS_UNIT = 1024 if sys.platform != "darwin" else 1


def sources() -> list[tuple[str, str, str]]:
    """(name, english, japanese) of the shared articles."""
    out = []
    for en in sorted((DATA / "cases").glob("*.en.txt")):
        name = en.name[: -len(".en.txt")]
        out.append((name, en.read_text("utf-8"), (en.parent / f"{name}.ja.txt").read_text("utf-8")))
    out.append(("riyadh", (DATA / "riyadh" / "en.txt").read_text("utf-8"),
                (DATA / "riyadh" / "ja.txt").read_text("utf-8")))
    return out


def item_id(k: int, name: str) -> str:
    """Ids in the styles newsrooms use, so that page names and escaping are exercised."""
    style = k % 3
    if style == 0:
        return f"{name}-{k:05d}"
    if style == 1:
        return f"2024/{k % 12 + 1:02d}/{name}/{k}"
    return f"記事-{name}-{k}"


def synthesise(folder: Path, n: int) -> Path:
    """Write ``n`` article pairs and a manifest into ``folder``; return the manifest."""
    srcs = sources()
    texts = folder / "texts"
    texts.mkdir()
    manifest = folder / "feed.jsonl"
    with manifest.open("w", encoding="utf-8") as fh:
        for k in range(n):
            name, en, ja = srcs[k % len(srcs)]
            # one sentence per article differs, in both languages alike
            en_k = f"{en.rstrip()}\n\nThe story was updated {k + 1} times.\n"
            ja_k = f"{ja.rstrip()}\n\nこの記事は{k + 1}回更新された。\n"
            (texts / f"{k:05d}.en.txt").write_text(en_k, encoding="utf-8")
            (texts / f"{k:05d}.ja.txt").write_text(ja_k, encoding="utf-8")
            fh.write(json.dumps({"id": item_id(k, name), "reference": f"texts/{k:05d}.en.txt",
                                 "translation": f"texts/{k:05d}.ja.txt", "title": name},
                                ensure_ascii=False) + "\n")
    return manifest


def run_size(n: int, jobs: int, keep: Path | None) -> dict[str, float]:
    """Run ``mtqa feed`` on a synthesised feed of ``n`` articles in its own process."""
    with tempfile.TemporaryDirectory(prefix=f"feed_scale_{n}_") as tmp:
        folder = Path(tmp)
        manifest = synthesise(folder, n)
        out = folder / "out"
        env = {k: v for k, v in os.environ.items() if not k.startswith("MTQA_")}
        env["PYTHONPATH"] = str(ROOT)
        cmd = [sys.executable, "-m", "mtqa", "feed", str(manifest), "--out", str(out),
               "--backtranslator", "dictionary", "--no-config", "--quiet", "--jobs", str(jobs)]
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=folder, env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE)
        assert proc.stderr is not None
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        err = proc.stderr.read().decode("utf-8", "replace")
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode not in (0, 1):
            raise SystemExit(f"mtqa feed failed on {n} articles (exit {proc.returncode}): {err}")
        recs = [json.loads(line) for line in (out / "report.jsonl").open(encoding="utf-8")]
        if [r["index"] for r in recs] != list(range(n)):
            raise SystemExit(f"{n} articles: report.jsonl does not hold each item once")
        errors = sum(r["status"] != "ok" for r in recs)
        checking = sum(float(r.get("elapsed_s") or 0) for r in recs)
        if keep is not None:
            (keep / f"summary_{n}.csv").write_bytes((out / "summary.csv").read_bytes())
        return {
            "n": n,
            "wall_s": wall,
            "articles_per_s": n / wall,
            "check_s_per_article": checking / n,
            "rss_mb": usage.ru_maxrss * RSS_UNIT / 2**20,
            "errors": errors,
            "failed": sum(r["status"] == "ok" and r["summary"]["verdict"] == "fail" for r in recs),
        }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="100,1000",
                    help="comma-separated feed sizes (default: %(default)s)")
    ap.add_argument("--jobs", type=int, default=1, help="mtqa feed --jobs (default: %(default)s)")
    ap.add_argument("--keep", type=Path, default=None, help="copy each summary.csv here")
    args = ap.parse_args(argv)
    sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    load = os.getloadavg()
    print(f"# load average before: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; "
          f"{os.cpu_count()} CPUs; jobs={args.jobs}", flush=True)
    results = []
    for n in sizes:
        r = run_size(n, args.jobs, args.keep)
        results.append(r)
        print(f"# {n:5d} articles: {r['wall_s']:7.1f} s wall, {r['articles_per_s']:6.2f} "
              f"articles/s end to end, {r['check_s_per_article'] * 1000:6.0f} ms checking per "
              f"article, peak RSS {r['rss_mb']:6.1f} MB, {r['failed']} failed, "
              f"{r['errors']} errors", flush=True)
    load = os.getloadavg()
    print(f"# load average after: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    small, large = results[0], results[-1]
    growth = large["rss_mb"] / small["rss_mb"] - 1
    verdict = "ok" if growth <= RSS_TOLERANCE else "FAIL"
    print(f"# peak RSS {large['n']} vs {small['n']}: {growth * 100:+.1f} % "
          f"(limit +{RSS_TOLERANCE * 100:.0f} %): {verdict}")
    rss = " ".join(f"rss_{r['n']}_mb={r['rss_mb']:.1f}" for r in results)
    print(f"feed_scale articles_per_s={large['articles_per_s']:.2f} {rss}")
    return 0 if growth <= RSS_TOLERANCE else 1


if __name__ == "__main__":
    sys.exit(main())
