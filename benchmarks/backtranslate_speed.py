"""Back-translation speed: mtqa's engines against a naive loop and plain CTranslate2.

Builds a randomly initialised MarianMT with the exact shape of Helsinki-NLP/opus-mt-ja-en
(its config.json: d_model 512, 6 + 6 layers, 8 heads, FFN 2048, vocab_size 60716,
max_position_embeddings 512, swish, scaled and shared embeddings, <pad> = 60715 as
decoder start, </s> = 0) in a temporary folder, with SentencePiece models trained on
the WMT22 en-ja dev texts and the vocabulary padded with unused entries to 60716, so
that every matrix, including the 60716-way output projection, has its real size.

Every system decodes exactly the same number of steps per sentence (a fixed output
length: minimum = maximum), so random weights cannot change the work. In one run, on
the same sentences, it reports sentences/second for:

* naive: one sentence at a time through transformers ``generate`` (greedy);
* mtqa marian: mtqa's default engine (length-sorted batches, greedy, attribution,
  cache writes), and the same engine with ``compute_type="int8"`` (dynamic int8);
* mtqa ct2: mtqa's CTranslate2 engine (int8, with attention and attribution);
* plain ct2: CTranslate2 int8 on the same converted weights, SentencePiece in and out
  (the two CTranslate2 systems run alternately for ``--rounds`` rounds, best kept);
* cached: a new mtqa engine re-running the default engine's sentences from its cache
  (engine construction included).

The last line is machine-readable::

    backtranslate_speed default_vs_naive=<x> fastest_vs_ct2=<x> cached_speedup=<x>

Targets on a 2-core CPU: default_vs_naive >= 4, fastest_vs_ct2 >= 0.9,
cached_speedup >= 50. The machine load (``uptime``) is printed before and after: on a
shared machine the absolute figures move a lot, the side-by-side ratios less.

Usage: ``python benchmarks/backtranslate_speed.py [--sentences 500] [--output-tokens 32]``
"""

from __future__ import annotations

import argparse
import csv
import gc
import io
import json
import os
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

#: WMT22 en-ja QE dev (outside the repository, see /work/shared/data/.../README.md).
WMT22 = Path(
    os.environ.get("MTQA_SHARED_DATA", ROOT.parent / "shared" / "data")
) / "wmt22-qe-en-ja" / "dev" / "sentence_level_tok_untok_da.csv"
#: Helsinki-NLP/opus-mt-ja-en config.json values.
OPUS_MT_JA_EN = {
    "vocab_size": 60716, "decoder_vocab_size": 60716, "d_model": 512,
    "encoder_layers": 6, "decoder_layers": 6, "encoder_attention_heads": 8,
    "decoder_attention_heads": 8, "encoder_ffn_dim": 2048, "decoder_ffn_dim": 2048,
    "max_position_embeddings": 512, "activation_function": "swish", "scale_embedding": True,
    "share_encoder_decoder_embeddings": True, "pad_token_id": 60715,
    "decoder_start_token_id": 60715, "eos_token_id": 0, "forced_eos_token_id": 0,
}
#: SentencePiece vocabulary trained per side (soft limit: the dev set is small).
SPM_VOCAB = 8000


def uptime() -> str:
    try:
        return subprocess.run(["uptime"], capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "load average: %.2f, %.2f, %.2f" % os.getloadavg()


def read_pairs() -> tuple[list[str], list[str]]:
    """Japanese MT and English sources of the WMT22 dev set, in file order."""
    with open(WMT22, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return [r["target"].strip() for r in rows], [r["source"].strip() for r in rows]


def build_model(folder: Path, ja: list[str], en: list[str]) -> Path:
    """Random-weight MarianMT of the opus-mt-ja-en shape with its tokenizer files."""
    import sentencepiece as spm
    import torch
    from transformers import GenerationConfig, MarianConfig, MarianMTModel, MarianTokenizer
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()
    folder.mkdir(parents=True, exist_ok=True)
    for name, lines in (("source.spm", ja), ("target.spm", en)):
        buf = io.BytesIO()
        spm.SentencePieceTrainer.train(
            sentence_iterator=iter(lines), model_writer=buf, vocab_size=SPM_VOCAB,
            character_coverage=0.9995, hard_vocab_limit=False, model_type="unigram",
            minloglevel=2,
        )
        (folder / name).write_bytes(buf.getvalue())
    size = int(OPUS_MT_JA_EN["vocab_size"])  # type: ignore[call-overload]
    vocab = {"</s>": 0, "<unk>": 1}
    for name in ("source.spm", "target.spm"):
        sp = spm.SentencePieceProcessor(model_file=str(folder / name))
        for i in range(sp.get_piece_size()):
            if not (sp.is_control(i) or sp.is_unknown(i)):
                vocab.setdefault(sp.id_to_piece(i), len(vocab))
    filler = 0
    while len(vocab) < size - 1:  # unused entries: the real vocabulary's size
        vocab[f"<unused{filler}>"] = len(vocab)
        filler += 1
    vocab["<pad>"] = size - 1
    (folder / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    torch.manual_seed(0)
    model = MarianMTModel(MarianConfig(**OPUS_MT_JA_EN)).eval()
    model.generation_config = GenerationConfig(
        bad_words_ids=[[size - 1]], decoder_start_token_id=size - 1, eos_token_id=0,
        forced_eos_token_id=0, pad_token_id=size - 1, max_length=512,
    )
    model.save_pretrained(folder)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        MarianTokenizer(
            str(folder / "source.spm"), str(folder / "target.spm"), str(folder / "vocab.json")
        ).save_pretrained(folder)
    return folder


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    gc.collect()
    start = time.perf_counter()
    out = fn()
    return time.perf_counter() - start, out


def naive_loop(folder: Path, sentences: Sequence[str], length: int) -> tuple[float, list[str]]:
    """One sentence per generate() call, as a first script would do."""
    import torch
    from transformers import MarianMTModel, MarianTokenizer

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tok = MarianTokenizer.from_pretrained(folder)
    model = MarianMTModel.from_pretrained(folder).eval()

    def run() -> list[str]:
        out = []
        with torch.inference_mode():
            for s in sentences:
                # length + 1 steps: `length` tokens, then the checkpoint's forced </s>;
                # mtqa's engine decodes the same number of steps.
                ids = model.generate(
                    **tok([s], return_tensors="pt"), num_beams=1, do_sample=False,
                    min_new_tokens=length, max_new_tokens=length + 1,
                )
                out.append(tok.batch_decode(ids, skip_special_tokens=True)[0])
        return out

    seconds, texts = timed(run)
    del model
    return seconds, texts  # type: ignore[return-value]


def plain_ct2(
    converted: Path, folder: Path, sentences: Sequence[str], length: int, batch: int, threads: int
) -> tuple[float, list[str]]:
    """CTranslate2 as its documentation shows it: SentencePiece in, translate_batch, out."""
    import ctranslate2
    import sentencepiece as spm

    src = spm.SentencePieceProcessor(model_file=str(folder / "source.spm"))
    tgt = spm.SentencePieceProcessor(model_file=str(folder / "target.spm"))
    translator = ctranslate2.Translator(
        str(converted), device="cpu", compute_type="int8", inter_threads=1,
        intra_threads=threads,
    )

    def run() -> list[str]:
        tokens = [t + ["</s>"] for t in src.encode(list(sentences), out_type=str)]
        results = translator.translate_batch(
            tokens, max_batch_size=batch, beam_size=1,
            max_decoding_length=length, min_decoding_length=length,
        )
        return [tgt.decode(r.hypotheses[0]) for r in results]

    seconds, texts = timed(run)
    return seconds, texts  # type: ignore[return-value]


def agreement(a: Sequence[str], b: Sequence[str]) -> float:
    return sum(x == y for x, y in zip(a, b)) / max(1, len(a))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sentences", type=int, default=500,
                        help="Japanese sentences to back-translate (default: %(default)s)")
    parser.add_argument("--output-tokens", type=int, default=32,
                        help="fixed output length per sentence (default: %(default)s)")
    parser.add_argument("--threads", type=int, default=0,
                        help="CPU threads for every system (default: torch's default for "
                        "torch, all usable CPUs for CTranslate2); 1 avoids OpenMP spinning "
                        "against other processes on a busy machine")
    parser.add_argument("--rounds", type=int, default=3,
                        help="alternating rounds of the two CTranslate2 systems, best "
                        "kept (default: %(default)s)")
    parser.add_argument("--workdir", default=None,
                        help="folder for the model, conversions and cache (default: temporary)")
    args = parser.parse_args(argv)

    import torch
    from transformers.utils import logging as hf_logging

    from mtqa import backtranslate
    from mtqa.backtranslate.cache import CACHE_FILE
    from mtqa.backtranslate.ct2 import usable_cpus
    from mtqa.backtranslate.marian import DEFAULT_BATCH_SIZE

    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()
    if args.threads:
        torch.set_num_threads(args.threads)
    threads = args.threads or usable_cpus()
    print(f"uptime before: {uptime()}", flush=True)
    print(f"threads: torch {torch.get_num_threads()}, ctranslate2 {threads}", flush=True)
    ja, en = read_pairs()
    sentences = [s for s in ja if s][: args.sentences]
    length = args.output_tokens
    tmp = tempfile.TemporaryDirectory(prefix="mtqa-bench-") if args.workdir is None else None
    work = Path(args.workdir or tmp.name)  # type: ignore[union-attr]
    folder = work / "opus-mt-ja-en-shape-random"
    t0 = time.perf_counter()
    if not (folder / "model.safetensors").is_file():
        build_model(folder, ja, en)
    print(f"model: {folder} (built in {time.perf_counter() - t0:.1f}s); "
          f"{len(sentences)} sentences, {length} output tokens each", flush=True)
    cache_dir = work / "cache"
    # A reused --workdir keeps its CTranslate2 conversion but never its back-translations:
    # the first run must be a real one.
    (cache_dir / CACHE_FILE).unlink(missing_ok=True)
    fixed: dict[str, object] = {
        "max_length": length, "min_length": length, "cache_dir": str(cache_dir),
    }
    if args.threads:
        fixed["threads"] = args.threads
    rates: dict[str, float] = {}

    def report(name: str, seconds: float, note: str = "") -> None:
        rates[name] = len(sentences) / seconds
        print(f"{name:22s} {rates[name]:8.2f} sent/s  ({seconds:7.2f}s){note}", flush=True)

    seconds, naive_texts = naive_loop(folder, sentences, length)
    report("naive transformers", seconds)

    engine, _ = backtranslate.create("marian", str(folder), **fixed)
    engine.load()
    seconds, out = timed(lambda: engine.translate(sentences))
    default_texts = [bt.text for bt in out]  # type: ignore[attr-defined]
    first_run = seconds
    report("mtqa marian (default)", seconds,
           f"  same text as naive: {agreement(default_texts, naive_texts):.0%}")
    del engine
    gc.collect()

    engine, _ = backtranslate.create("marian", str(folder), compute_type="int8", **fixed)
    engine.load()
    seconds, _ = timed(lambda: engine.translate(sentences))
    report("mtqa marian int8", seconds)
    del engine
    gc.collect()

    # The two CTranslate2 systems are close and fast, so they run alternately, several
    # rounds, best of each: a burst of load on a shared machine then hits both alike.
    ct2_options = dict(fixed, cache_dir=str(work / "cache-ct2"))
    mtqa_times: list[float] = []
    plain_times: list[float] = []
    for _ in range(args.rounds):
        # Each round starts without cached back-translations (the conversion is kept).
        (work / "cache-ct2" / CACHE_FILE).unlink(missing_ok=True)
        engine, _ = backtranslate.create("ct2", str(folder), **ct2_options)
        engine.load()  # converts on the first round; untimed
        converted = engine.converted  # type: ignore[attr-defined]
        seconds, out = timed(lambda: engine.translate(sentences))
        mtqa_times.append(seconds)
        ct2_texts = [bt.text for bt in out]  # type: ignore[attr-defined]
        del engine
        gc.collect()
        seconds, plain_texts = plain_ct2(
            converted, folder, sentences, length, DEFAULT_BATCH_SIZE, threads
        )
        plain_times.append(seconds)
    rounds = f"best of {args.rounds}: " + ", ".join(f"{t:.1f}" for t in mtqa_times)
    report("mtqa ct2 int8", min(mtqa_times), f"  ({rounds}s; first conversion + load untimed)")
    rounds = f"best of {args.rounds}: " + ", ".join(f"{t:.1f}" for t in plain_times)
    report("plain ct2 int8", min(plain_times),
           f"  ({rounds}s; same text as mtqa ct2: {agreement(plain_texts, ct2_texts):.0%})")

    def rerun() -> object:
        again, _ = backtranslate.create("marian", str(folder), **fixed)
        result = again.translate(sentences)
        assert again.stats["model_calls"] == 0, again.stats  # type: ignore[attr-defined]
        return result

    seconds, out = timed(rerun)
    assert [bt.text for bt in out] == default_texts  # type: ignore[attr-defined]
    report("cached rerun (marian)", seconds)

    print(f"uptime after:  {uptime()}", flush=True)
    default_vs_naive = rates["mtqa marian (default)"] / rates["naive transformers"]
    fastest = max(rates[k] for k in ("mtqa marian (default)", "mtqa marian int8", "mtqa ct2 int8"))
    fastest_vs_ct2 = fastest / rates["plain ct2 int8"]
    cached_speedup = first_run / seconds
    if tmp is not None:
        tmp.cleanup()
    print(f"backtranslate_speed default_vs_naive={default_vs_naive:.2f} "
          f"fastest_vs_ct2={fastest_vs_ct2:.2f} cached_speedup={cached_speedup:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
