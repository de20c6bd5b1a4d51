"""Time and memory of `mtqa check` on large and odd inputs (README "Limits", issue #9).

Each configuration runs in its own process (so that peak memory is its own) with the
dictionary back-translator and prints: configuration, characters per side, sentences,
seconds, peak resident memory. Note the machine load (``uptime``) next to the figures.

    .venv/bin/python benchmarks/input_bounds.py                 # the default set
    .venv/bin/python benchmarks/input_bounds.py article:4 line:20000
"""

from __future__ import annotations

import itertools
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEFAULT = ("article:1", "article:4", "article:13", "limit:13", "line:20000", "line:100000",
           "refuse5mb:0")


def _distinct_copies(text: str, k: int, stop: str, mark: str) -> str:
    """``k`` copies of ``text``, each sentence numbered so that no cache can reuse work."""
    counter = itertools.count(1000)
    return "\n\n".join(
        re.sub(stop, lambda m: mark.format(next(counter)) + m.group(), text) for _ in range(k)
    )


def build(config: str) -> tuple[str, str]:
    kind, _, arg = config.partition(":")
    n = int(arg or 0)
    en0 = (ROOT / "data/riyadh/en.txt").read_text(encoding="utf-8")
    ja0 = (ROOT / "data/riyadh/ja.txt").read_text(encoding="utf-8")
    if kind == "article":  # the real article, n distinct copies on both sides
        return (_distinct_copies(en0, n, r"\.(?=\s)", " n{}"),
                _distinct_copies(ja0, n, "。", "{}"))
    if kind == "limit":  # English n copies, Japanese 2n (both near the character limit)
        return (_distinct_copies(en0, n, r"\.(?=\s)", " n{}"),
                _distinct_copies(ja0, 2 * n, "。", "{}"))
    if kind == "line":  # one line of n characters without sentence punctuation, each side
        en = re.sub(r"[.!?\n]+", " ", en0)
        ja = re.sub(r"[。！？\n]+", "、", ja0)
        return (en * (n // len(en) + 1))[:n], (ja * (n // len(ja) + 1))[:n]
    raise SystemExit(f"unknown configuration {config!r}")


def one(config: str) -> None:
    import mtqa
    from mtqa import segment
    from mtqa.cli import main

    if config.startswith("refuse5mb"):
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            big = Path(tmp, "ja.txt")
            big.write_bytes(("記事の本文。" * 300_000).encode("utf-8")[: 5 * 1024 * 1024])
            start = time.perf_counter()
            rc = main(["check", str(ROOT / "data/riyadh/en.txt"), str(big),
                       "--backtranslator", "dictionary"])
            seconds = time.perf_counter() - start
        print(f"{config:12s} 5 MB file refused: exit {rc} in {seconds:.3f}s", flush=True)
        return
    en, ja = build(config)
    sentences = (len(segment.segment(en, "en").sentences), len(segment.segment(ja, "ja").sentences))
    start = time.perf_counter()
    report = mtqa.check(en, ja, backtranslator="dictionary")
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{config:12s} chars en {len(en):>7,} ja {len(ja):>7,}  sentences {sentences[0]:>5} "
          f"{sentences[1]:>5}  pairs {len(report.pairs):>5}  {seconds:7.1f}s  peak {peak:6.0f} MB",
          flush=True)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--one":
        one(sys.argv[2])
        sys.exit(0)
    print(subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip(), flush=True)
    for cfg in sys.argv[1:] or DEFAULT:
        subprocess.run([sys.executable, __file__, "--one", cfg], check=False)
    print(subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip(), flush=True)
