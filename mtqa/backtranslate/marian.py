"""MarianMT back-translation through Hugging Face transformers (default opus-mt-ja-en)."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ..errors import ModelUnavailableError
from ..types import BackTranslation


def _local_files_only() -> bool:
    return os.environ.get("HF_HUB_OFFLINE", "") not in ("", "0", "false", "False")


def available(model: str) -> bool:
    """True when the model can be loaded without a network: a local folder or the hub cache."""
    if Path(model).is_dir():
        return (Path(model) / "config.json").exists()
    try:
        from huggingface_hub import try_to_load_from_cache

        hit = try_to_load_from_cache(model, "config.json")
        return isinstance(hit, str)
    except Exception:  # noqa: BLE001 - any hub error means "not available offline"
        return False


class MarianBackTranslator:
    """Batched MarianMT generation (transformers), sorted by length, order restored."""

    name = "marian"
    available = staticmethod(available)

    def __init__(
        self, model: str, batch_size: int = 16, beams: int = 1, max_length: int = 256, **_: Any
    ) -> None:
        if not available(model):
            raise ModelUnavailableError(
                f"Marian model {model!r} is not available offline; download it with "
                f"`hf download {model}` or pass --model /path/to/folder"
            )
        import torch
        from transformers import MarianMTModel, MarianTokenizer

        self.model_name = model
        self.batch_size = batch_size
        self.beams = beams
        self.max_length = max_length
        try:
            self.tokenizer = MarianTokenizer.from_pretrained(model, local_files_only=True)
            self.model = MarianMTModel.from_pretrained(model, local_files_only=True).eval()
        except (OSError, ValueError) as err:
            raise ModelUnavailableError(f"cannot load Marian model {model!r}: {err}") from err
        self._torch = torch

    def translate(self, sentences: Sequence[str]) -> list[BackTranslation]:
        order = sorted(range(len(sentences)), key=lambda i: len(sentences[i]))
        out: list[BackTranslation | None] = [None] * len(sentences)
        with self._torch.inference_mode():
            for k in range(0, len(order), self.batch_size):
                idx = order[k : k + self.batch_size]
                batch = [sentences[i] for i in idx]
                enc = self.tokenizer(batch, return_tensors="pt", padding=True, truncation=True)
                gen = self.model.generate(
                    **enc, num_beams=self.beams, max_length=self.max_length
                )
                texts = self.tokenizer.batch_decode(gen, skip_special_tokens=True)
                for i, t in zip(idx, texts):
                    out[i] = BackTranslation(t)
        return [o if o is not None else BackTranslation("") for o in out]

    def signature_parts(self) -> Mapping[str, str]:
        return {"bt": f"marian:{self.model_name}", "beam": str(self.beams)}
