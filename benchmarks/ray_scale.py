"""Ray scale: ``mtqa feed`` throughput on the local runner and on Ray, and Ray's overhead (#20).

200 articles are generated from the annotated cases in data/cases: each article is 4 to
8 paragraph pairs (English paragraph and its Japanese translation, paired line by line in
the cases whose two sides have the same number of paragraphs) drawn with a fixed seed,
so that the articles differ from one another but every one is a real translation with
real errors. All of them are checked with the dictionary engine, in one process, by

* the local runner, ``--jobs 1`` (this process) and ``--jobs 2`` (two worker processes);
* Ray, with 1 and 2 workers (actors), on a local Ray instance with the machine's CPUs,
  started once beforehand as a cluster would be (its start-up time is shown apart).

Each run goes through :func:`mtqa.feed.runner.run_feed` into its own output folder, as
``mtqa feed`` does. ``articles/s`` is end to end (from the call, workers' start-up
included, to the last file written); ``steady`` counts from the first article written
to the last, without the start-up.

Ray's overhead per article is measured directly: the same 200 articles go through one
actor whose per-article work is replaced by returning an outcome of the size the real
runs produced (record and HTML page), so what is left is dispatch, serialisation,
transfer and reordering. The difference of the steady rates of Ray and the local runner
with one worker each is shown beside it as a check (noisy on a shared machine).

Usage::

    .venv/bin/python benchmarks/ray_scale.py
    .venv/bin/python benchmarks/ray_scale.py --articles 40   # quicker, for development

Last line: ``ray_scale local_1=<a/s> local_2=<a/s> ray_1=<a/s> ray_2=<a/s> overhead_ms=<ms>``.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mtqa.config import QAConfig  # noqa: E402
from mtqa.feed.runner import ItemOutcome, open_source, run_feed  # noqa: E402

CASES = ROOT / "data" / "cases"
#: Paragraphs per generated article (inclusive bounds): news articles of the cases' size.
PARAGRAPHS = (4, 8)
SEED = 20


def paragraph_pairs() -> list[tuple[str, str]]:
    """(English, Japanese) paragraphs of the cases whose sides pair up line by line."""
    pairs: list[tuple[str, str]] = []
    for en_path in sorted(CASES.glob("*.en.txt")):
        ja_path = en_path.with_name(en_path.name.replace(".en.", ".ja."))
        en = [p for p in en_path.read_text("utf-8").splitlines() if p.strip()]
        ja = [p for p in ja_path.read_text("utf-8").splitlines() if p.strip()]
        if len(en) == len(ja):  # otherwise the paragraphs are not known to correspond
            pairs.extend(zip(en, ja))
    return pairs


def generate(folder: Path, n: int) -> Path:
    """Write ``n`` generated articles and their JSONL manifest; return the manifest."""
    pairs = paragraph_pairs()
    rng = random.Random(SEED)
    texts = folder / "texts"
    texts.mkdir()
    manifest = folder / "feed.jsonl"
    with manifest.open("w", encoding="utf-8") as fh:
        for k in range(n):
            chosen = rng.sample(pairs, rng.randint(*PARAGRAPHS))
            (texts / f"{k:04d}.en.txt").write_text(
                "\n\n".join(en for en, _ in chosen) + "\n", encoding="utf-8")
            (texts / f"{k:04d}.ja.txt").write_text(
                "\n\n".join(ja for _, ja in chosen) + "\n", encoding="utf-8")
            fh.write(json.dumps({"id": f"article-{k:04d}", "reference": f"texts/{k:04d}.en.txt",
                                 "translation": f"texts/{k:04d}.ja.txt"}) + "\n")
    return manifest


def timed_run(manifest: Path, out: Path, config: QAConfig, **kw: Any) -> dict[str, float]:
    """One ``run_feed``: end-to-end and steady articles/s, and the outcomes' mean size."""
    stamps: list[float] = []
    sizes: list[int] = []

    def seen(o: ItemOutcome) -> None:
        stamps.append(time.perf_counter())
        sizes.append(len(json.dumps(o.record, ensure_ascii=False)) + len(o.page or ""))

    t0 = time.perf_counter()
    result = run_feed(open_source(manifest), config, out, on_outcome=seen, **kw)
    wall = time.perf_counter() - t0
    n = result.checked
    if n != len(stamps) or result.totals.items != n:
        raise SystemExit(f"{out.name}: {n} checked, {len(stamps)} outcomes")
    steady = (n - 1) / (stamps[-1] - stamps[0]) if n > 1 and stamps[-1] > stamps[0] else 0.0
    return {"n": n, "wall_s": wall, "rate": n / wall, "steady": steady,
            "startup_s": stamps[0] - t0, "bytes": sum(sizes) / len(sizes),
            "errors": result.totals.errors}


def _sized_outcome(item: Any, pipeline: Any, want_page: bool, want_report: bool, *,
                   page_bytes: int) -> ItemOutcome:
    """An outcome of the size the real runs produced, without checking anything."""
    from mtqa.feed.ray_runner import failed_outcome

    out = failed_outcome(item, "not checked")
    out.page = "x" * page_bytes
    return out


def ray_overhead_ms(manifest: Path, config: QAConfig, page_bytes: int) -> float:
    """Per-article time through one actor when the per-article work is nothing."""
    from mtqa.feed.ray_runner import RayRunner

    items = list(open_source(manifest).items())
    process = functools.partial(_sized_outcome, page_bytes=page_bytes)
    with RayRunner(config, 1, process=process) as runner:
        list(runner(items[:10], True, False))  # warm the actor
        t0 = time.perf_counter()
        n = sum(1 for _ in runner(items, True, False))
        return (time.perf_counter() - t0) / n * 1000


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=200,
                    help="generated articles (default: %(default)s)")
    args = ap.parse_args(argv)
    import ray

    from mtqa.feed.ray_runner import RayRunner

    config = QAConfig().with_options(backtranslator="dictionary")
    load = os.getloadavg()
    print(f"# load average before: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; "
          f"{os.cpu_count()} CPUs; Ray {ray.__version__}", flush=True)
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="ray_scale_") as tmp:
        folder = Path(tmp)
        manifest = generate(folder, args.articles)
        for jobs in (1, 2):
            results[f"local_{jobs}"] = timed_run(manifest, folder / f"local_{jobs}", config,
                                                 jobs=jobs, pages=True)
            _show(f"local --jobs {jobs}", results[f"local_{jobs}"])
        # Ray runs its workers at nice 15 (so that its own daemons stay responsive); on a
        # machine shared with other work that alone makes them several times slower than
        # the local runner's processes, which is not what is measured here
        os.environ.setdefault("RAY_worker_niceness", "0")
        t0 = time.perf_counter()
        ray.init(num_cpus=os.cpu_count(), log_to_driver=False, logging_level="WARNING")
        print(f"# Ray local instance started in {time.perf_counter() - t0:.1f} s "
              "(once, as a running cluster; not in the figures below)", flush=True)
        try:
            for workers in (1, 2):
                with RayRunner(config, workers) as runner:
                    # the actors' start-up (pipeline built) counts, as for --jobs
                    results[f"ray_{workers}"] = timed_run(manifest, folder / f"ray_{workers}",
                                                          config, runner=runner, pages=True)
                _show(f"ray --workers {workers}", results[f"ray_{workers}"])
            overhead = ray_overhead_ms(manifest, config, int(results["ray_1"]["bytes"]))
        finally:
            ray.shutdown()
    diff = (1 / results["ray_1"]["steady"] - 1 / results["local_1"]["steady"]) * 1000
    print(f"# Ray overhead per article: {overhead:.2f} ms through one actor with no checking "
          f"(outcomes of {results['ray_1']['bytes'] / 1024:.0f} KiB); steady-state difference "
          f"ray 1 worker - local --jobs 1: {diff:+.1f} ms")
    load = os.getloadavg()
    print(f"# load average after: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    rates = " ".join(f"{k}={results[k]['rate']:.2f}"
                     for k in ("local_1", "local_2", "ray_1", "ray_2"))
    print(f"ray_scale {rates} overhead_ms={overhead:.2f}")
    return 0


def _show(name: str, r: dict[str, float]) -> None:
    print(f"# {name:17s} {r['n']:4d} articles {r['wall_s']:7.1f} s: {r['rate']:6.2f} articles/s "
          f"end to end, {r['steady']:6.2f} steady, start-up {r['startup_s']:5.1f} s, "
          f"{r['errors']} errors", flush=True)


if __name__ == "__main__":
    sys.exit(main())
