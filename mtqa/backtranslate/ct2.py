"""CTranslate2 back-translation (``--backtranslator ct2``): the same Marian model, faster.

The Marian folder (local or from the Hugging Face cache) is converted once with
CTranslate2's ``TransformersConverter`` into a folder under the cache directory, keyed
by the model's identity and the compute type, and reused afterwards. Tokenisation,
clause splitting, the back-translation cache and span attribution are those of the
transformers engine (:class:`~mtqa.backtranslate.marian.SequenceEngine`); CTranslate2
returns the alignment head's attention (``return_attention``), the same head that the
transformers engine reads.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

from ..errors import ConfigError, MissingDependencyError, ModelUnavailableError
from .cache import default_cache_dir
from .marian import (
    Generated,
    SequenceEngine,
    WorkUnit,
    damaged_weights,
    damaged_weights_errors,
    quiet_transformers,
)

log = logging.getLogger(__name__)

#: int8 weights: the fastest CPU mode of CTranslate2, with a small accuracy cost
#: (it is what "faster engine" is asked for; float32 is one option away).
DEFAULT_COMPUTE_TYPE = "int8"
#: Compute types CTranslate2 accepts (its documentation, "Quantization").
COMPUTE_TYPES = frozenset(
    {"int8", "int8_float32", "int8_float16", "int8_bfloat16", "int16", "float16",
     "bfloat16", "float32"}
)
_INSTALL_HINT = 'the ct2 engine needs CTranslate2; install with: pip install "mtqa[ct2]"'


def usable_cpus() -> int:
    """CPUs this process may run on (affinity-aware, unlike ``os.cpu_count``)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class CT2BackTranslator(SequenceEngine):
    """Marian model run by CTranslate2, int8 by default."""

    name = "ct2"
    _modules = ("ctranslate2", "transformers")
    # a CTranslate2 Translator may be called from several threads at once: no generation lock;
    # the notes of the conversion (a temporary folder) go with the converted model
    _loaded_attrs = ("converted", "_translator", "_tmp", "_notes")

    def __init__(self, model: str, **options: Any) -> None:
        """See :class:`SequenceEngine`; ``compute_type`` is a CTranslate2 type.

        Raises:
            MissingDependencyError: CTranslate2 is not installed.
            ConfigError: unknown compute type or option.
            ModelUnavailableError: the Marian model is not available offline.
        """
        try:
            self.ct2_version = metadata.version("ctranslate2")
        except metadata.PackageNotFoundError as err:
            raise MissingDependencyError(_INSTALL_HINT) from err
        cache_dir = options.get("cache_dir")
        self._models_root = Path(cache_dir).expanduser() if cache_dir else default_cache_dir()
        self._tmp: tempfile.TemporaryDirectory[str] | None = None
        super().__init__(model, **options)
        if self.compute_type not in COMPUTE_TYPES:
            raise ConfigError(
                f"compute_type {self.compute_type!r} is not a CTranslate2 type; "
                f"use one of: {', '.join(sorted(COMPUTE_TYPES))}"
            )
        self.converted: Path | None = None

    def _default_compute_type(self) -> str:
        return DEFAULT_COMPUTE_TYPE

    def signature_parts(self) -> Mapping[str, str]:
        parts = dict(super().signature_parts())
        parts["bt-lib"] = f"ctranslate2-{self.ct2_version}"
        return parts

    def _conversion_folder(self) -> Path:
        safe = re.sub(r"[^\w.-]+", "_", self.ref.name)
        return self._models_root / "ct2" / f"{safe}-{self.identity}-{self.compute_type}"

    def convert(self) -> Path:
        """Convert the Marian folder for CTranslate2 (once; reused while it exists).

        The conversion is written to a temporary sibling folder and renamed into place,
        so an interrupted or concurrent conversion never leaves a half-written model.

        Raises:
            MissingDependencyError: CTranslate2 is not installed.
            ModelUnavailableError: the converter cannot read the model.
        """
        try:
            from ctranslate2.converters import TransformersConverter
        except ImportError as err:
            raise MissingDependencyError(_INSTALL_HINT) from err
        target = self._conversion_folder()
        if (target / "model.bin").is_file():
            return target
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            work = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
        except OSError as err:
            # Unwritable cache folder: convert into a temporary folder for this run.
            self._note(f"cannot write the converted model under {target.parent} ({err}); "
                       "converted into a temporary folder for this run (converted again next "
                       "time; pass --cache-dir to keep it)")
            self._tmp = tempfile.TemporaryDirectory(prefix="mtqa-ct2-")
            target = Path(self._tmp.name) / "model"
            work = Path(self._tmp.name) / "work"
        quantization = None if self.compute_type == "float32" else self.compute_type
        log.info("converting %s for CTranslate2 (%s) into %s", self.ref.folder,
                 self.compute_type, target)
        try:
            with quiet_transformers():
                TransformersConverter(str(self.ref.folder)).convert(
                    str(work), quantization=quantization, force=True
                )
        except damaged_weights_errors() as err:
            shutil.rmtree(work, ignore_errors=True)
            raise damaged_weights(self.ref.folder, err) from err
        except (OSError, ValueError, RuntimeError, NotImplementedError, KeyError,
                AssertionError, TypeError, AttributeError) as err:
            shutil.rmtree(work, ignore_errors=True)
            raise ModelUnavailableError(
                f"{self.ref.folder}: CTranslate2 cannot convert this model: {err}"
            ) from err
        try:
            os.replace(work, target)
        except OSError:
            # Another process finished the same conversion first: keep theirs.
            shutil.rmtree(work, ignore_errors=True)
            if not (target / "model.bin").is_file():
                raise
        return target

    def _load_model(self) -> None:
        try:
            import ctranslate2
        except ImportError as err:
            raise MissingDependencyError(_INSTALL_HINT) from err
        device = self.device_option
        if device == "auto":
            device = "cuda" if ctranslate2.get_cuda_device_count() > 0 else "cpu"
        index = 0
        if device.startswith("cuda:"):
            device, index = "cuda", int(device.split(":", 1)[1])
        self.converted = self.convert()
        try:
            self._translator = ctranslate2.Translator(
                str(self.converted),
                device=device,
                device_index=index,
                compute_type=self.compute_type,
                # One translator thread pool over all usable cores; the batches already
                # give the parallelism.
                inter_threads=1,
                intra_threads=self.threads or usable_cpus(),
            )
        except (RuntimeError, ValueError) as err:
            raise ModelUnavailableError(
                f"{self.converted}: CTranslate2 cannot load the converted model "
                f"({device}, {self.compute_type}): {err}"
            ) from err

    def _generate(self, units: Sequence[WorkUnit]) -> list[Generated]:
        assert self.tokenization is not None
        eos = self.tokenization.id_to_piece.get(self.tokenization.eos_id, "</s>")
        # The converted model does not append </s> itself (add_source_eos is false).
        source = [u.encoding.pieces + [eos] for u in units]
        results = self._translator.translate_batch(
            source,
            beam_size=self.beams,
            max_batch_size=0,  # the batch was formed (length-sorted) by the caller
            max_decoding_length=max(u.cap for u in units),
            min_decoding_length=self.min_length,
            return_attention=True,
            return_scores=False,
        )
        out = []
        for u, res in zip(units, results):
            pieces = list(res.hypotheses[0][: u.cap])
            attn = res.attention[0][: len(pieces)] if res.attention else None
            out.append(Generated(pieces, attn))
        return out
