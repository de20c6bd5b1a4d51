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
    report signature (engine, model and revision, generation options). ``available(model)``
    says, without loading anything or touching the network, whether the engine can run
    here with that model (:func:`create` asks it before choosing ``auto``'s engine).
    ``notes`` are what the engine wants the reader of a report to know (a bypassed cache,
    a fallback to the dictionary engine, a model converted into a temporary folder): the
    pipeline copies them into every report's notes, so that they reach the JSON ``notes``
    and the text and HTML headers instead of a log line that nobody reads.
    """

    name: str

    @classmethod
    def available(cls, model: str) -> bool:
        """True when this engine can run offline with ``model`` (hub id or folder; engines
        without a model ignore it)."""
        ...

    @property
    def notes(self) -> tuple[str, ...]:
        """Lines for the report header, in the order they arose (empty when none)."""
        ...

    def translate(self, sentences: Sequence[str]) -> list[BackTranslation]:
        """Back-translate each sentence; the result has the same length and order."""
        ...

    def signature_parts(self) -> Mapping[str, str]:
        ...


def _load_class(name: str) -> type[BackTranslator]:
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
        The engine and why ``auto`` fell back to the dictionary engine, or ``None``. The
        engine carries that note in its :attr:`~BackTranslator.notes` too, which is what
        the pipeline puts into the report; the second value is for callers that show it
        themselves (benchmarks).

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
        return _auto(model, options)
    cls = _load_class(name)
    if name == "dictionary":
        return cls(), None
    return cls(model or DEFAULT_MODEL, **options), None  # type: ignore[call-arg]


def _auto(model: str | None, options: Mapping[str, object]) -> tuple[BackTranslator, str | None]:
    """Marian when :meth:`BackTranslator.available` says it can run offline, else the
    dictionary engine carrying the reason as its note."""
    from .dictionary import DictionaryBackTranslator

    wanted = model or DEFAULT_MODEL
    try:
        cls = _load_class("marian")
        if cls.available(wanted):
            engine = cls(wanted, **options)  # type: ignore[call-arg]
            try:
                # load now: a model that is there but unusable falls back too
                engine.load()  # type: ignore[attr-defined]
            except ModelUnavailableError as err:
                from .marian import first_line

                why = first_line(err, 400)
                note = (f"Marian model at {wanted} could not be loaded ({why}); "
                        "using the dictionary back-translator")
                return DictionaryBackTranslator(fallback_note=note), note
            return engine, None
        from .marian import missing_dependencies

        missing = missing_dependencies()
        note = (
            f"Marian engine unavailable ({', '.join(missing)} not installed; install with: "
            f"pip install {' '.join(missing)}); using the dictionary back-translator"
            if missing else
            f"Marian model {wanted} not available offline; "
            "using the dictionary back-translator (JMdict glosses); for Marian run "
            f"`hf download {DEFAULT_MODEL}` once or pass --model /path/to/folder"
        )
    except (ImportError, ModelUnavailableError) as err:
        note = f"Marian engine unavailable ({err}); using the dictionary back-translator"
    return DictionaryBackTranslator(fallback_note=note), note
