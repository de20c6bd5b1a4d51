"""A tiny MarianMT model in a temporary folder, laid out like Helsinki-NLP/opus-mt-ja-en.

Built in about a second with no download: SentencePiece source (Japanese) and target
(English) models trained on the repository's data/ texts, a shared ``vocab.json`` in
the opus-mt order (``</s>`` = 0, ``<unk>`` = 1, the pieces, ``<pad>`` last, and
``<pad>`` doubles as the decoder start token), and a randomly initialised MarianMT
(d_model 32, 2 + 2 layers) saved with ``save_pretrained``. Tests load it through
exactly the path a user's ``--model /folder`` takes.

The weights are random, so the English is nonsense; the tests check the machinery
(order, batching, splitting, caching, offsets), not translation quality.
"""

from __future__ import annotations

import io
import json
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data"
#: Weight scale of the random model. The transformers default (0.02) gives near-uniform
#: logits, so every input yields the same output; 0.5 makes outputs depend on the input
#: and keeps argmax decisions far from ties (stable across batch compositions).
INIT_STD = 0.5


def _lines(pattern: str) -> list[str]:
    """The lines of the data/ texts the vocabularies are trained on: not the blind
    articles, which grow round by round (a vocabulary, and with it the random model's
    outputs, would change each time)."""
    return [
        line.strip()
        for path in sorted(DATA.glob(pattern)) if "blind" not in path.relative_to(DATA).parts
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def _train_spm(lines: list[str], vocab_size: int, coverage: float) -> bytes:
    import sentencepiece as spm

    buf = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=buf,
        vocab_size=vocab_size,
        character_coverage=coverage,
        hard_vocab_limit=False,  # a few hundred lines cannot fill an exact vocabulary
        model_type="unigram",
        minloglevel=2,
    )
    return buf.getvalue()


def build_tiny_marian(folder: Path, seed: int = 0, max_positions: int = 64) -> Path:
    """Write a tiny MarianMT model with tokenizer files into ``folder`` and return it."""
    import sentencepiece as spm
    import torch
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer
    from transformers.utils import logging as hf_logging

    folder.mkdir(parents=True, exist_ok=True)
    # Japanese needs most of its distinct characters as pieces: at coverage 0.98 the
    # data/ texts required 1,005 of them once the blind articles reached 348 (SentencePiece
    # refuses a vocabulary smaller than that); the blind articles are now left out.
    (folder / "source.spm").write_bytes(_train_spm(_lines("**/*ja.txt"), 1500, 0.98))
    (folder / "target.spm").write_bytes(_train_spm(_lines("**/*en.txt"), 300, 1.0))
    vocab = {"</s>": 0, "<unk>": 1}
    for name in ("source.spm", "target.spm"):
        sp = spm.SentencePieceProcessor(model_file=str(folder / name))
        for i in range(sp.get_piece_size()):
            if not (sp.is_control(i) or sp.is_unknown(i)):
                vocab.setdefault(sp.id_to_piece(i), len(vocab))
    vocab["<pad>"] = len(vocab)
    (folder / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    size, pad = len(vocab), len(vocab) - 1
    config = MarianConfig(
        vocab_size=size, decoder_vocab_size=size, d_model=32,
        encoder_layers=2, decoder_layers=2, encoder_attention_heads=4,
        decoder_attention_heads=4, encoder_ffn_dim=64, decoder_ffn_dim=64,
        max_position_embeddings=max_positions, pad_token_id=pad,
        decoder_start_token_id=pad, eos_token_id=0, forced_eos_token_id=0,
        share_encoder_decoder_embeddings=True, scale_embedding=True,
        activation_function="swish", init_std=INIT_STD,
    )
    torch.manual_seed(seed)
    model = MarianMTModel(config).eval()
    bars = hf_logging.is_progress_bar_enabled()
    hf_logging.disable_progress_bar()
    try:
        model.save_pretrained(folder)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # "pip install sacremoses"
            tokenizer = MarianTokenizer(
                str(folder / "source.spm"), str(folder / "target.spm"),
                str(folder / "vocab.json"), source_lang="ja", target_lang="en",
            )
        tokenizer.save_pretrained(folder)
    finally:
        if bars:
            hf_logging.enable_progress_bar()
    return folder


@pytest.fixture(scope="module")
def one_torch_thread() -> Iterator[None]:
    """Run torch on one thread for the module, then restore the setting.

    On a small shared machine, OpenMP threads of a 2-thread pool spin against other
    processes and make tiny-model tests ten times slower; one thread avoids that.
    """
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


@pytest.fixture(scope="session")
def tiny_marian(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Folder of the tiny model, built once per test session (read-only for tests)."""
    return build_tiny_marian(tmp_path_factory.mktemp("tiny-marian") / "opus-mt-tiny-ja-en")
