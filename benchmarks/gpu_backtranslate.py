"""Back-translation cost per sentence on a GPU, for sizing a backfill (README "Backfilling").

Builds the same random-weight MarianMT of opus-mt-ja-en's exact shape as
``backtranslate_speed.py`` (every matrix at its real size, a fixed output length so that
random weights cannot change the work) and runs mtqa's ``marian`` engine on CUDA, through
the user's code path (``backtranslate.create``), at a few batch sizes and precisions, with
an empty cache each time. The same sentences run once on the CPU engine for scale.

Needs a CUDA device; prints one line per setting and a last line::

    gpu_backtranslate device=<name> fp32_b64=<sent/s> fp16_b64=<sent/s> fp16_b256=<sent/s> cpu=<sent/s> ms_per_sentence=<best>

Usage: ``python benchmarks/gpu_backtranslate.py [--sentences 2000] [--output-tokens 32]``
(the WMT22 dev texts are read as ``backtranslate_speed.py`` reads them: ``MTQA_SHARED_DATA``).
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from backtranslate_speed import build_model, read_pairs, uptime  # noqa: E402


def rate(folder: Path, cache: Path, sentences: Sequence[str], length: int, **options: object) -> float:
    """Sentences per second of one mtqa marian engine, model loaded beforehand (untimed)."""
    import torch

    from mtqa import backtranslate

    engine, _ = backtranslate.create(
        "marian", str(folder), max_length=length, min_length=length, cache_dir=str(cache),
        cache=False, **options,
    )
    engine.load()
    engine.translate(list(sentences[:64]))  # warm-up: CUDA context, kernels, allocator
    if torch.cuda.is_available():
        torch.cuda.synchronize()
    start = time.perf_counter()
    out = engine.translate(list(sentences))
    if torch.cuda.is_available():
        torch.cuda.synchronize()
    seconds = time.perf_counter() - start
    assert len(out) == len(sentences)
    del engine
    gc.collect()
    return len(sentences) / seconds


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sentences", type=int, default=2000)
    parser.add_argument("--output-tokens", type=int, default=32)
    parser.add_argument("--cpu-sentences", type=int, default=200,
                        help="sentences for the CPU reference figure (default: %(default)s)")
    args = parser.parse_args(argv)

    import torch
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()
    if not torch.cuda.is_available():
        print("gpu_backtranslate: no CUDA device here", file=sys.stderr)
        return 2
    name = torch.cuda.get_device_name(0)
    print(f"uptime before: {uptime()}", flush=True)
    print(f"device: {name}; torch {torch.__version__}", flush=True)
    ja, en = read_pairs()
    base = [s for s in ja if s]
    # Distinct sentences (a numbered suffix), so that no cache or dedup can skip work.
    sentences = [f"{base[i % len(base)]}（{i}）" for i in range(args.sentences)]
    length = args.output_tokens
    with tempfile.TemporaryDirectory(prefix="mtqa-gpu-") as tmp:
        work = Path(tmp)
        folder = build_model(work / "model", ja, en)
        rates: dict[str, float] = {}
        settings = {
            "fp32_b64": {"device": "cuda", "compute_type": "float32", "batch_size": 64},
            "fp16_b64": {"device": "cuda", "compute_type": "float16", "batch_size": 64},
            "fp16_b256": {"device": "cuda", "compute_type": "float16", "batch_size": 256},
        }
        for key, options in settings.items():
            rates[key] = rate(folder, work / key, sentences, length, **options)
            print(f"{key:10s} {rates[key]:9.1f} sent/s  {1000 / rates[key]:6.2f} ms/sentence",
                  flush=True)
        rates["cpu"] = rate(folder, work / "cpu", sentences[: args.cpu_sentences], length,
                            device="cpu", compute_type="float32")
        print(f"{'cpu':10s} {rates['cpu']:9.1f} sent/s  ({torch.get_num_threads()} threads)",
              flush=True)
    print(f"uptime after: {uptime()}", flush=True)
    best = max(v for k, v in rates.items() if k != "cpu")
    figures = " ".join(f"{k}={v:.1f}" for k, v in rates.items())
    print(f"gpu_backtranslate device={name.replace(' ', '_')} {figures} "
          f"ms_per_sentence={1000 / best:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
