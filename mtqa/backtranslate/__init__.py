"""Back-translation engines: Japanese sentence → English, to compare with the reference.

Engines implement :class:`BackTranslator`. They are looked up by name lazily (heavy
imports such as torch happen only when an engine is created), as sacrebleu does for
its tokenizers.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Mapping, Sequence
from typing import Protocol, runtime_checkable

from ..errors import ConfigError, ModelUnavailableError
from ..types import BackTranslation

#: Default Marian model (docs/DESIGN.md).
DEFAULT_MODEL = "Helsinki-NLP/opus-mt-ja-en"

# name -> "module:Class" (relative to this package); imported on first use.
_ENGINES: dict[str, str] = {
    "dictionary": ".dictionary:DictionaryBackTranslator",
    "marian": ".marian:MarianBackTranslator",
    "ct2": ".ct2:CT2BackTranslator",
}
ENGINE_CHOICES: tuple[str, ...] = ("auto", "dictionary", "marian", "ct2")


@runtime_checkable
class BackTranslator(Protocol):
    """What the pipeline needs from an engine.

    ``name`` identifies the engine; ``signature_parts()`` gives what must appear in the
    report signature (engine, model and revision, generation options).
    """

    name: str

    def translate(self, sentences: Sequence[str]) -> list[BackTranslation]:
        """Back-translate each sentence; the result has the same length and order."""
        ...

    def signature_parts(self) -> Mapping[str, str]:
        ...


def _load_class(name: str) -> type:
    spec = _ENGINES[name]
    module_name, cls_name = spec.split(":")
    module = importlib.import_module(module_name, __name__)
    return getattr(module, cls_name)  # type: ignore[no-any-return]


def create(
    name: str = "auto", model: str | None = None, **options: object
) -> tuple[BackTranslator, str | None]:
    """Create a back-translator by name.

    Args:
        name: ``auto``, ``dictionary``, ``marian`` or ``ct2``.
        model: hub id or local folder of a Marian model (``MTQA_MODEL`` when not given).
        **options: engine options (batch size, beam size, cache settings…).

    Returns:
        The engine and a note for the report header (e.g. why ``auto`` fell back to the
        dictionary engine), or ``None``.

    Raises:
        ConfigError: unknown engine name.
        ModelUnavailableError: ``marian``/``ct2`` asked for but the model is not available.
    """
    if name not in ENGINE_CHOICES:
        raise ConfigError(
            f"unknown back-translator {name!r}; choose one of: {', '.join(ENGINE_CHOICES)}"
        )
    model = model or os.environ.get("MTQA_MODEL") or None
    if name == "auto":
        try:
            cls = _load_class("marian")
            available = getattr(cls, "available", None)
            if available is not None and available(model or DEFAULT_MODEL):
                return cls(model or DEFAULT_MODEL, **options), None
            note = (
                f"Marian model {model or DEFAULT_MODEL} not available offline; "
                "using the dictionary back-translator (JMdict glosses); for Marian run "
                f"`hf download {DEFAULT_MODEL}` once or pass --model /path/to/folder"
            )
        except (ImportError, ModelUnavailableError) as err:
            note = f"Marian engine unavailable ({err}); using the dictionary back-translator"
        return _load_class("dictionary")(), note
    cls = _load_class(name)
    if name == "dictionary":
        return cls(), None
    return cls(model or DEFAULT_MODEL, **options), None
