"""MarianMT back-translation through Hugging Face transformers (default opus-mt-ja-en).

The engine resolves the model without any network access (a local folder saved with
``save_pretrained``, or a snapshot already in the Hugging Face cache), looks every
sentence up in the persistent cache first, and loads the model only for the misses.
Misses are split at clause boundaries when longer than the model can read, sorted by
length, generated in batches and put back in the original order.

Span attribution: for every English word of the output, the Japanese characters it
came from, read off the decoder's cross-attention. Marian's ``transformer-align``
models (the OPUS-MT recipe) are trained with guided alignment on the first head of the
last decoder layer (Marian ``collectOneHead``: "select first head"), so that head is
used; CTranslate2 exposes the same head by default. The attention is recomputed in one
teacher-forced decoder pass over the generated tokens, which gives exactly the
weights the model used while generating them, whatever the search (greedy or beam).

The pieces shared with the CTranslate2 engine (model resolution and identity,
tokenisation with character offsets, attribution, caching, batching) live in
:class:`SequenceEngine`; an engine subclass supplies loading and generation only.
"""

from __future__ import annotations

import copy
import hashlib
import importlib.util
import json
import logging
import math
import re
import threading
import warnings
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

from ..errors import ConfigError, ModelUnavailableError
from ..types import Attribution, BackTranslation
from .cache import BackTranslationCache
from .split import split_spans

log = logging.getLogger(__name__)

#: Bumped whenever this module's output for a given model and options changes, so that
#: old cache entries stop matching (the version is part of the cache namespace).
ENGINE_VERSION = 1
#: Sentences per generate() call. Batching is what makes CPU decoding fast: the weights
#: (the 60716 x 512 output projection above all) are read once per step for the whole
#: batch. Measured with the opus-mt-ja-en shape on a 2-core CPU, 32 output tokens:
#: 12, 16, 19 sentences/s at batch 16, 32, 64 (one sentence at a time: 1.9); beyond 64
#: the gain is small while padding and memory grow.
DEFAULT_BATCH_SIZE = 64
#: Greedy search. Back-translation here is a probe for comparison with the reference,
#: not a publishable translation; beam search costs several times more for a small gain.
DEFAULT_BEAMS = 1
#: Default precision of the transformers engine: the model's own weights, unchanged.
DEFAULT_COMPUTE_TYPE = "float32"
#: Output length cap per sentence: OUTPUT_RATIO × source tokens + OUTPUT_MARGIN (and at
#: most the model's limit). Japanese→English pieces run near 1:1, so a legitimate output
#: never comes near it, while a degenerate repetition loop stops early instead of
#: running to 511 tokens and holding up its whole batch.
OUTPUT_RATIO = 3.0
OUTPUT_MARGIN = 10
#: Cross-attention used for span attribution: Marian's guided-alignment head (module doc).
ALIGN_LAYER = -1
ALIGN_HEAD = 0
#: A Japanese piece next to the most-attended one joins the span when it gets at least
#: this fraction of the peak weight (a word often spans two or three pieces).
SPAN_THRESHOLD = 0.5
#: Files that determine a local model's output; hashed into its identity.
_MODEL_FILE_SUFFIXES = (".json", ".spm", ".safetensors", ".bin", ".model")
_SPIECE = "\u2581"
_HUB_ID = re.compile(r"^[A-Za-z0-9][\w.-]*(/[\w.-]+)?(@[\w./-]+)?$")
#: Options every sequence engine accepts (anything else is a ConfigError).
ENGINE_OPTIONS = frozenset(
    {
        "batch_size", "beams", "max_length", "min_length", "max_input_tokens", "cache",
        "cache_dir", "device", "threads", "compute_type",
    }
)


def _how_to_get(spec: str) -> str:
    hub = spec if _HUB_ID.match(spec) and not Path(spec).expanduser().exists() else None
    fetch = f"`hf download {hub.split('@')[0]}` (needs network once)" if hub else (
        "`hf download Helsinki-NLP/opus-mt-ja-en` (needs network once)"
    )
    return f"download it with {fetch}, or pass --model /path/to/folder (or set MTQA_MODEL)"


@dataclass(frozen=True)
class ModelRef:
    """Where a model's files are, and how the report names it.

    Attributes:
        spec: what the user gave (hub id, ``id@revision`` or folder).
        name: hub id, or the folder's name.
        folder: the local folder holding config, weights and tokenizer files.
        revision: hub commit of the cached snapshot, or None for a plain folder.
    """

    spec: str
    name: str
    folder: Path
    revision: str | None


def resolve_model(spec: str) -> ModelRef:
    """Find a model's files locally: a folder, or a snapshot in the Hugging Face cache.

    Never touches the network: anything not already on disk is reported, with how to
    get it.

    Raises:
        ModelUnavailableError: no such folder, a folder without ``config.json``, or a
            hub id that is not in the local cache.
    """
    path = Path(spec).expanduser()
    if path.exists():
        if not path.is_dir() or not (path / "config.json").is_file():
            raise ModelUnavailableError(
                f"--model {spec}: not a model folder (no config.json); give a folder saved "
                f"with save_pretrained (config.json, weights, source.spm, target.spm, vocab.json)"
            )
        return ModelRef(spec, path.resolve().name, path.resolve(), None)
    if not _HUB_ID.match(spec) or spec.startswith((".", "/", "~")):
        raise ModelUnavailableError(
            f"--model {spec}: no such folder; {_how_to_get(spec)}"
        )
    repo, _, revision = spec.partition("@")
    try:
        from huggingface_hub import try_to_load_from_cache

        # Reads only the local cache (refs/ and snapshots/): no network call at all.
        hit = try_to_load_from_cache(repo, "config.json", revision=revision or None)
    except (ImportError, ValueError, OSError) as err:
        raise ModelUnavailableError(
            f"Marian model {spec} is not available offline ({err}); {_how_to_get(spec)}"
        ) from err
    if not isinstance(hit, str):
        raise ModelUnavailableError(
            f"Marian model {spec} is not in the local Hugging Face cache; {_how_to_get(spec)}"
        )
    folder = Path(hit).parent
    return ModelRef(spec, repo, folder, folder.name)


def available(model: str) -> bool:
    """True when the model can be loaded without a network (folder or hub cache)."""
    try:
        resolve_model(model)
    except ModelUnavailableError:
        return False
    return True


#: What the transformers engine imports when it loads a model (declared dependencies, but a
#: slim install may leave them out: ``auto`` then falls back instead of failing at load).
_MARIAN_MODULES = ("torch", "transformers")


def missing_dependencies(modules: Sequence[str] = _MARIAN_MODULES) -> list[str]:
    """The ``modules`` that cannot be imported here (found without importing them, so that
    asking costs no torch start-up)."""
    return [m for m in modules if importlib.util.find_spec(m) is None]


def model_files(folder: Path) -> list[Path]:
    """The files of a model folder that determine its output (config, weights, vocab)."""
    return sorted(
        p for p in folder.iterdir()
        if p.is_file() and p.suffix in _MODEL_FILE_SUFFIXES and not p.name.startswith(".")
    )


def model_identity(ref: ModelRef, cache: BackTranslationCache | None) -> str:
    """A short identity of the exact model: hub commit, or a hash of the folder's files.

    A plain folder has no revision, so its identity is the SHA-256 over the names and
    contents of its model files (weights hashes memoised in the cache database).
    """
    if ref.revision:
        return ref.revision[:12]
    h = hashlib.sha256()
    for p in model_files(ref.folder):
        digest = cache.file_hash(p) if cache is not None else _sha256(p)
        h.update(f"{p.name}\0{digest}\n".encode())
    return "sha256-" + h.hexdigest()[:12]


def _sha256(path: Path) -> str:
    from .cache import sha256_file

    return sha256_file(path)


def read_model_config(folder: Path) -> dict[str, Any]:
    """The model's ``config.json`` as a dict.

    Raises:
        ModelUnavailableError: unreadable, or not a Marian model.
    """
    try:
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise ModelUnavailableError(f"{folder / 'config.json'}: cannot read ({err})") from err
    if not isinstance(config, dict):
        raise ModelUnavailableError(
            f"{folder / 'config.json'}: not a JSON object but {type(config).__name__}; "
            "the file is damaged: download the model again"
        )
    if config.get("model_type") != "marian":
        raise ModelUnavailableError(
            f"{folder}: model_type is {config.get('model_type')!r}, not 'marian'; "
            "the marian and ct2 back-translators need a MarianMT model such as "
            "Helsinki-NLP/opus-mt-ja-en"
        )
    return dict(config)


def config_int(config: Mapping[str, Any], folder: Path, key: str, default: int | None,
               minimum: int = 0, below: int | None = None) -> int | None:
    """The integer ``config[key]`` (``default`` when absent).

    Raises:
        ModelUnavailableError: not an integer, or outside ``minimum``..``below - 1``.
    """
    if key not in config:
        return default
    value = config[key]
    if (not isinstance(value, int) or isinstance(value, bool) or value < minimum
            or (below is not None and value >= below)):
        bound = f"{minimum}..{below - 1}" if below is not None else f"at least {minimum}"
        raise ModelUnavailableError(
            f"{folder / 'config.json'}: {key} must be an integer ({bound}), not {value!r}; "
            "the file is damaged or belongs to another model: download the model again"
        )
    return value


#: The tokenizer's files in a Marian folder (opus-mt layout).
TOKENIZER_FILES = ("source.spm", "target.spm", "vocab.json")


def check_vocab(folder: Path, vocab_size: int | None) -> None:
    """Check that the tokenizer's files are there and that ``vocab.json`` maps pieces to
    distinct ids the model has (below ``vocab_size``, when the config gives it), and at
    least half of them (a vocabulary of another, smaller model reads every piece as
    ``<unk>``: every back-translation the same).

    Raises:
        ModelUnavailableError: a file is missing, or the vocabulary cannot be used with
            this model.
    """
    for name in TOKENIZER_FILES:
        if not (folder / name).is_file():
            raise ModelUnavailableError(
                f"{folder / name}: missing; the Marian tokenizer needs "
                f"{', '.join(TOKENIZER_FILES)}: download the model again")
    path = folder / "vocab.json"
    try:
        vocab = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise ModelUnavailableError(f"{path}: cannot read ({err})") from err
    fix = "the file is damaged or belongs to another model: download the model again"
    if not isinstance(vocab, dict):
        raise ModelUnavailableError(
            f"{path}: not a JSON object of piece → id but {type(vocab).__name__}; {fix}"
        )
    seen: dict[int, str] = {}
    for piece, i in vocab.items():
        if not isinstance(i, int) or isinstance(i, bool) or i < 0 or (
                vocab_size is not None and i >= vocab_size):
            bound = f"0..{vocab_size - 1}" if vocab_size is not None else "0 or more"
            raise ModelUnavailableError(
                f"{path}: the id of {piece!r} is {i!r}, not an integer in {bound} "
                f"(the model's vocab_size in config.json); {fix}"
            )
        if i in seen:
            raise ModelUnavailableError(
                f"{path}: {seen[i]!r} and {piece!r} have the same id {i}; {fix}"
            )
        seen[i] = piece
    if vocab_size is not None and len(seen) < vocab_size // 2:
        raise ModelUnavailableError(
            f"{path}: {len(seen):,} pieces for a model of {vocab_size:,} (config.json); {fix}"
        )


def weights_file(folder: Path) -> Path:
    """The weights file transformers loads from ``folder`` (the folder when none is there)."""
    for name in ("model.safetensors", "pytorch_model.bin"):
        if (folder / name).exists():
            return folder / name
    return folder


def damaged_weights(folder: Path, err: BaseException) -> ModelUnavailableError:
    """The error for a weights file in ``folder`` that cannot be read (``err``, one of
    :func:`damaged_weights_errors`), naming the file and the fix."""
    return ModelUnavailableError(
        f"{weights_file(folder)}: cannot load the Marian model weights "
        f"({type(err).__name__}: {first_line(err)}); the file is damaged: "
        "download the model again"
    )


def damaged_weights_errors() -> tuple[type[BaseException], ...]:
    """What reading a damaged weights file raises besides OSError/ValueError/RuntimeError:
    safetensors' error (truncated, empty or garbage file) and unpickling errors."""
    import pickle

    errors: list[type[BaseException]] = [pickle.UnpicklingError, EOFError]
    try:
        from safetensors import SafetensorError
    except ImportError:  # pragma: no cover - transformers depends on safetensors
        pass
    else:
        errors.append(SafetensorError)
    return tuple(errors)


@contextmanager
def quiet_transformers() -> Iterator[None]:
    """Silence transformers' progress bars and advisory warnings while loading a model.

    Restores the previous progress-bar setting, so that nothing global is changed.
    """
    from transformers.utils import logging as hf_logging

    bars = hf_logging.is_progress_bar_enabled()
    verbosity = hf_logging.get_verbosity()
    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()
    try:
        with warnings.catch_warnings():
            # e.g. "Recommended: pip install sacremoses." (unused by mtqa's tokenisation)
            warnings.simplefilter("ignore", UserWarning)
            yield
    finally:
        hf_logging.set_verbosity(verbosity)
        if bars:
            hf_logging.enable_progress_bar()


class SourceEncoding(NamedTuple):
    """A sentence piece-tokenised for the model.

    Attributes:
        pieces: SentencePiece pieces (without the end-of-sentence token).
        ids: vocabulary ids of the pieces followed by ``</s>``.
        spans: character span in the sentence of each piece, or None for a piece that
            covers no character (whitespace, the dummy prefix).
    """

    pieces: list[str]
    ids: list[int]
    spans: list[tuple[int, int] | None]


class MarianTokenization:
    """Marian's SentencePiece tokenisation with character offsets, for both engines.

    Produces the same ids as ``MarianTokenizer`` (source SentencePiece model, then
    ``vocab.json``, unknown pieces to ``<unk>``, ``</s>`` appended) and, in addition,
    the character span of every piece in the original text, which the tokenizer does
    not give. SentencePiece normalises (NFKC) before cutting, so pieces are not
    substrings of the input; its offset mapping links them back.
    """

    def __init__(self, folder: Path) -> None:
        """Load ``MarianTokenizer`` from a model folder.

        Raises:
            ModelUnavailableError: the tokenizer files are missing or broken.
        """
        from transformers import MarianTokenizer

        try:
            with quiet_transformers():
                self.tokenizer = MarianTokenizer.from_pretrained(folder, local_files_only=True)
        except (OSError, ValueError, KeyError, AssertionError, TypeError, RuntimeError) as err:
            raise ModelUnavailableError(
                f"{folder}: cannot load the Marian tokenizer (source.spm, target.spm, "
                f"vocab.json): {err}"
            ) from err
        tok = self.tokenizer
        self.spm_source = tok.spm_source
        self.spm_target = tok.spm_target
        self.vocab: dict[str, int] = dict(tok.encoder)
        self.eos_id = int(tok.eos_token_id)
        self.pad_id = int(tok.pad_token_id)
        self.unk_id = int(tok.unk_token_id)
        self.id_to_piece: dict[int, str] = dict(tok.decoder)
        self.special_pieces = frozenset(str(t) for t in tok.all_special_tokens)

    def count(self, text: str) -> int:
        """Number of model input tokens for ``text`` (pieces + ``</s>``)."""
        return len(self.spm_source.encode(text)) + 1

    def encode(self, text: str) -> SourceEncoding:
        """Pieces, ids (with ``</s>``) and character spans of ``text``."""
        pieces, offsets = _pieces_with_offsets(self.spm_source, text)
        ids = [self.vocab.get(p, self.unk_id) for p in pieces] + [self.eos_id]
        return SourceEncoding(pieces, ids, _fix_spans(text, pieces, offsets))

    def target_pieces(self, ids: Sequence[int]) -> list[str]:
        return [self.id_to_piece.get(int(i), "") for i in ids]

    def detokenize(self, pieces: Sequence[str]) -> tuple[str, list[tuple[int, int] | None]]:
        """English text of target pieces, with the character span of each piece in it.

        Mirrors SentencePiece decoding (``▁`` is a space, the leading space dropped) and
        ``skip_special_tokens``: ``</s>``, ``<pad>`` and ``<unk>`` produce no text.
        """
        text = ""
        raw: list[tuple[int, int] | None] = []
        for piece in pieces:
            if not piece or piece in self.special_pieces:
                raw.append(None)
                continue
            surface = piece.replace(_SPIECE, " ")
            start = len(text) + (len(surface) - len(surface.lstrip(" ")))
            text += surface
            raw.append((start, len(text)) if start < len(text) else None)
        lead = len(text) - len(text.lstrip(" "))
        stripped = text.strip(" ")
        spans: list[tuple[int, int] | None] = []
        for span in raw:
            if span is None:
                spans.append(None)
                continue
            s, e = span[0] - lead, min(span[1] - lead, len(stripped))
            spans.append((s, e) if 0 <= s < e else None)
        return stripped, spans


def _pieces_with_offsets(sp: Any, text: str) -> tuple[list[str], list[tuple[int, int]]]:
    """SentencePiece pieces of ``text`` and their character offsets in ``text``."""
    try:
        # sentencepiece >= 0.2.1: offsets in characters of the original string.
        res = sp.encode(text, return_type="offset_mapping")
        return list(res["pieces"]), [tuple(o) for o in res["offsets"]]  # type: ignore[misc]
    except (TypeError, ValueError):
        pass
    # sentencepiece 0.2.0: byte offsets on the immutable proto.
    proto = sp.encode(text, out_type="immutable_proto")
    data = text.encode("utf-8")
    char_at: list[int] = []
    for i, ch in enumerate(text):
        char_at.extend([i] * len(ch.encode("utf-8")))
    char_at.append(len(text))
    pieces, offsets = [], []
    for p in proto.pieces:
        pieces.append(p.piece)
        b, e = min(p.begin, len(data)), min(p.end, len(data))
        offsets.append((char_at[b], char_at[e]))
    return pieces, offsets


def _fix_spans(
    text: str, pieces: Sequence[str], offsets: Sequence[tuple[int, int]]
) -> list[tuple[int, int] | None]:
    """Character spans for attribution: whitespace-only pieces get None; a piece that
    NFKC expanded (㌔ → キ ロ: the first piece has an empty span) borrows its neighbour's."""
    spans: list[tuple[int, int] | None] = []
    for piece, (s, e) in zip(pieces, offsets):
        if s < e:
            spans.append((s, e) if text[s:e].strip() else None)
        elif piece.strip(_SPIECE):
            spans.append((s, s))  # filled below
        else:
            spans.append(None)
    for i, span in enumerate(spans):
        if span is not None and span[0] == span[1]:
            after = next((x for x in spans[i + 1 :] if x is not None and x[0] < x[1]), None)
            before = next((x for x in reversed(spans[:i]) if x is not None and x[0] < x[1]), None)
            spans[i] = after or before
    return spans


def english_units(
    text: str, spans: Sequence[tuple[int, int] | None]
) -> list[tuple[int, int, list[int]]]:
    """Group target pieces into English words: ``(start, end, piece indices)``.

    A word starts at a piece with a leading space and at punctuation; punctuation-only
    units are dropped (they carry no content to attribute).
    """
    units: list[tuple[int, int, list[int]]] = []
    prev_punct = True
    for k, span in enumerate(spans):
        if span is None:
            continue
        s, e = span
        piece_text = text[s:e]
        punct = not any(ch.isalnum() for ch in piece_text)
        new_word = prev_punct or punct or (s > 0 and text[s - 1] == " ")
        if new_word or not units:
            units.append((s, e, [k]))
        else:
            us, _, ks = units[-1]
            units[-1] = (us, e, ks + [k])
        prev_punct = punct
    return [u for u in units if any(ch.isalnum() for ch in text[u[0] : u[1]])]


def attribute(
    en_text: str,
    en_spans: Sequence[tuple[int, int] | None],
    attention: Any,
    src_spans: Sequence[tuple[int, int] | None],
) -> list[Attribution]:
    """Link each English word to the Japanese characters it attends to most.

    Args:
        en_text: the English output.
        en_spans: span in ``en_text`` of each target piece (None: no text).
        attention: ``[target pieces][source tokens]`` cross-attention weights (source
            tokens include ``</s>``, which is ignored).
        src_spans: span in the Japanese text of each source piece (None: whitespace).

    Returns:
        One attribution per English word, with ``ja_*`` relative to the Japanese text.
    """
    units = english_units(en_text, en_spans)
    matrix = np.asarray(attention, dtype=np.float64)
    if not units or matrix.ndim != 2 or matrix.size == 0:
        return []
    n_src = min(matrix.shape[1], len(src_spans))
    n_tgt = matrix.shape[0]
    attributable = np.array([span is not None for span in src_spans[:n_src]])
    # One row per English word: the sum of its pieces' attention rows (a 0/1 matrix
    # product, so that a sentence costs a few array operations, not Python loops).
    rows = [u for u, (_, _, ks) in enumerate(units) for k in ks if k < n_tgt]
    cols = [k for _, _, ks in units for k in ks if k < n_tgt]
    member = np.zeros((len(units), n_tgt))
    member[rows, cols] = 1.0
    weights = (member @ matrix[:, :n_src]) * attributable
    best = weights.argmax(axis=1).tolist()
    ok = attributable.tolist()
    out: list[Attribution] = []
    for u, (start, end, _) in enumerate(units):
        w, j = weights[u].tolist(), best[u]  # plain floats: fast scalar access below
        if w[j] <= 0.0:
            continue
        floor = SPAN_THRESHOLD * w[j]
        lo = hi = j
        while lo > 0 and ok[lo - 1] and w[lo - 1] >= floor:
            lo -= 1
        while hi + 1 < n_src and ok[hi + 1] and w[hi + 1] >= floor:
            hi += 1
        first, last = src_spans[lo], src_spans[hi]
        assert first is not None and last is not None
        ja_start, ja_end = min(first[0], last[0]), max(first[1], last[1])
        out.append(Attribution(start, end, ja_start, ja_end))
    return out


@dataclass
class WorkUnit:
    """One piece of work for the model: a sentence or a clause of an over-long one."""

    text_index: int
    offset: int
    encoding: SourceEncoding
    cap: int


class Generated(NamedTuple):
    """Model output for one unit: target pieces (no ``</s>``) and their attention."""

    pieces: list[str]
    attention: Any  # [len(pieces)][len(source ids)] or None


@dataclass
class _Loaded:
    """A model loaded once in this process and shared by every engine with the same key.

    Attributes:
        attrs: what the engine's :meth:`SequenceEngine._load_model` set on it (model,
            translator, device, generation config...), copied onto each engine that uses it.
        tokenization: the tokenizer files read once.
        lock: held around generation by engines whose model is not safe to call from two
            threads at once (the Marian engine switches its attention implementation for
            the attribution pass).
    """

    attrs: dict[str, Any]
    tokenization: MarianTokenization
    lock: threading.Lock


#: Models loaded in this process, by :meth:`SequenceEngine._load_key` (#15: four threads
#: each loading the same model at once failed with "Cannot copy out of meta tensor", because
#: transformers' loading patches torch globally; and each call paid the load again). Loading
#: is serialised by ``_LOADING``; the loaded model is shared read-only.
_LOADED: dict[tuple[str, ...], _Loaded] = {}
_LOADING = threading.Lock()


def forget_loaded_models() -> None:
    """Drop the models this process keeps loaded (the next engine loads its model again):
    frees their memory in a long-lived process, such as a notebook, that is done with them."""
    with _LOADING:
        _LOADED.clear()


class SequenceEngine:
    """Shared machinery of the Marian-based engines (see the module doc).

    Subclasses set ``name`` and implement :meth:`_load_model` and :meth:`_generate`
    (and :meth:`_default_compute_type` when their default precision differs). They list in
    ``_loaded_attrs`` the attributes :meth:`_load_model` sets: those are loaded once per
    process and key (:meth:`_load_key`) and shared by every engine of that key.
    """

    name = "sequence"
    #: Attributes set by :meth:`_load_model`, shared between engines of the same key.
    _loaded_attrs: tuple[str, ...] = ()
    #: Modules :meth:`_load_model` imports (:meth:`available` checks they are installed).
    _modules: tuple[str, ...] = _MARIAN_MODULES
    #: Notes of this engine (see :attr:`notes`); a tuple replaced, never mutated, so that a
    #: reader on another thread always sees a whole one.
    _notes: tuple[str, ...] = ()
    #: The shared model's generation lock (see :class:`_Loaded`); set by :meth:`load`.
    _generate_lock: threading.Lock

    def __init__(self, model: str, **options: Any) -> None:
        """Resolve the model (no loading yet) and fix the generation options.

        Args:
            model: hub id (``id`` or ``id@revision``) or local folder.
            **options: ``batch_size``, ``beams``, ``max_length`` (output tokens),
                ``min_length`` (benchmarks only: forces that many output tokens),
                ``max_input_tokens`` (split threshold), ``cache`` (bool),
                ``cache_dir``, ``device`` (``auto``/``cpu``/``cuda``), ``threads``,
                ``compute_type``.

        Raises:
            ConfigError: an unknown or invalid option.
            ModelUnavailableError: the model is not available offline.
        """
        unknown = set(options) - ENGINE_OPTIONS
        if unknown:
            raise ConfigError(
                f"unknown {self.name} engine option(s): {', '.join(sorted(unknown))}; "
                f"known: {', '.join(sorted(ENGINE_OPTIONS))}"
            )
        self.ref = resolve_model(model)
        self.config = read_model_config(self.ref.folder)
        # The encoder and decoder read at most max_position_embeddings positions; the
        # decoder's first position is the start token.
        folder = self.ref.folder
        limit = config_int(self.config, folder, "max_position_embeddings", 512, minimum=2)
        assert limit is not None
        #: The model's vocabulary size (None when config.json does not say).
        self.vocab_size = config_int(self.config, folder, "vocab_size", None, minimum=1)
        for key in ("pad_token_id", "eos_token_id", "decoder_start_token_id"):
            if self.config.get(key) is not None:
                config_int(self.config, folder, key, None, below=self.vocab_size)
        self.batch_size = _positive_int(options.get("batch_size"), DEFAULT_BATCH_SIZE, "batch_size")
        self.beams = _positive_int(options.get("beams"), DEFAULT_BEAMS, "beams")
        self.max_length = min(
            _positive_int(options.get("max_length"), limit - 1, "max_length"), limit - 1
        )
        self.min_length = min(int(options.get("min_length") or 0), self.max_length)
        self.max_input_tokens = min(
            _positive_int(options.get("max_input_tokens"), limit, "max_input_tokens"), limit
        )
        if self.max_input_tokens < 2:
            raise ConfigError("max_input_tokens must be at least 2 (one piece and </s>)")
        self.device_option = str(options.get("device") or "auto")
        if self.device_option not in ("auto", "cpu", "cuda") and not self.device_option.startswith(
            "cuda:"
        ):
            raise ConfigError(f"device must be auto, cpu or cuda, not {self.device_option!r}")
        threads = options.get("threads")
        self.threads = _positive_int(threads, 0, "threads") if threads else 0
        self.compute_type = str(options.get("compute_type") or self._default_compute_type())
        use_cache = options.get("cache", True)
        self.cache: BackTranslationCache | None = (
            BackTranslationCache(options.get("cache_dir")) if use_cache else None
        )
        self.identity = model_identity(self.ref, self.cache)
        #: Counters for tests and benchmarks: generate calls, sentences from the cache,
        #: sentences generated.
        self.stats = {"model_calls": 0, "cache_hits": 0, "generated": 0, "split": 0}
        self.tokenization: MarianTokenization | None = None
        self._namespace = "|".join(f"{k}:{v}" for k, v in self.signature_parts().items())

    # -- subclass hooks -------------------------------------------------------------

    def _default_compute_type(self) -> str:
        return DEFAULT_COMPUTE_TYPE

    def _load_model(self) -> None:
        raise NotImplementedError

    def _generate(self, units: Sequence[WorkUnit]) -> list[Generated]:
        raise NotImplementedError

    # -- public API -----------------------------------------------------------------

    @classmethod
    def available(cls, model: str) -> bool:
        """True when this engine's libraries are installed and ``model`` can be loaded
        without a network (folder or hub cache)."""
        return not missing_dependencies(cls._modules) and available(model)

    @property
    def notes(self) -> tuple[str, ...]:
        """Problems worth a line in the report header, in the order they arose: the cache's
        (bypassed, damaged entries) first, then the engine's own (:meth:`_note`)."""
        cached = self.cache.notes if self.cache is not None else ()
        return (*cached, *self._notes)

    def _note(self, message: str) -> None:
        """Record a condition the reader of the report should know about (once), and log it
        for whoever watches the run."""
        if message not in self._notes:
            self._notes = (*self._notes, message)
            log.warning("%s", message)

    def signature_parts(self) -> Mapping[str, str]:
        """Engine, model and revision or weights hash, and every generation option that
        changes the output (batch size does not: outputs are batch-invariant)."""
        gen = f"max{self.max_length}-in{self.max_input_tokens}-{self.compute_type}"
        if self.min_length:
            gen += f"-min{self.min_length}"
        return {
            "bt": f"{self.name}-{ENGINE_VERSION}:{self.ref.name}@{self.identity}",
            "beam": str(self.beams),
            "bt-gen": gen,
        }

    def load(self) -> None:
        """Load tokenizer and model now (otherwise done on the first cache miss).

        Once per process and key: a second engine of the same model and loading options,
        in this thread or another, shares the model already loaded. Loading holds a
        process-wide lock, so that two threads never load at the same time.
        """
        if self.tokenization is not None:
            return
        key = self._load_key()
        with _LOADING:
            loaded = _LOADED.get(key)
            if loaded is None:
                check_vocab(self.ref.folder, self.vocab_size)
                self.tokenization = MarianTokenization(self.ref.folder)
                try:
                    self._load_model()
                except BaseException:
                    self.tokenization = None
                    raise
                attrs = {a: getattr(self, a) for a in self._loaded_attrs}
                loaded = _Loaded(attrs, self.tokenization, threading.Lock())
                _LOADED[key] = loaded
        for name, value in loaded.attrs.items():
            setattr(self, name, value)
        self._generate_lock = loaded.lock
        self.tokenization = loaded.tokenization

    def _load_key(self) -> tuple[str, ...]:
        """What the loaded model depends on: engine, model files (identity), and every
        option :meth:`_load_model` reads."""
        return (type(self).__name__, str(self.ref.folder), self.identity, self.device_option,
                self.compute_type, str(self.threads), str(self.beams))

    def translate(self, sentences: Sequence[str]) -> list[BackTranslation]:
        """Back-translate each sentence; same length and order as the input.

        Identical sentences are translated once; blank ones give an empty result
        without a model call. Cached sentences never reach the model.
        """
        results: list[BackTranslation | None] = [None] * len(sentences)
        where: dict[str, list[int]] = {}
        for i, s in enumerate(sentences):
            if s.strip():
                where.setdefault(s, []).append(i)
            else:
                results[i] = BackTranslation("")
        found = self.cache.get_many(self._namespace, where) if self.cache is not None else {}
        self.stats["cache_hits"] += len(found)
        missing = [t for t in where if t not in found]
        if missing:
            found.update(self._translate_texts(missing))
        for text, idx in where.items():
            for i in idx:
                results[i] = found[text]
        return [r if r is not None else BackTranslation("") for r in results]

    # -- internals ------------------------------------------------------------------

    def _cap(self, n_source_tokens: int) -> int:
        cap = math.ceil(OUTPUT_RATIO * n_source_tokens) + OUTPUT_MARGIN
        return min(self.max_length, max(self.min_length, cap))

    def _units(self, texts: Sequence[str]) -> list[WorkUnit]:
        assert self.tokenization is not None
        tok = self.tokenization
        units: list[WorkUnit] = []
        for ti, text in enumerate(texts):
            spans = split_spans(text, self.max_input_tokens, tok.count)
            if len(spans) > 1:
                self.stats["split"] += 1
                log.info(
                    "sentence of %d tokens split into %d clauses (model limit %d): %.40s…",
                    tok.count(text), len(spans), self.max_input_tokens, text,
                )
            for s, e in spans:
                piece = text[s:e]
                if not piece.strip():
                    continue
                enc = tok.encode(piece)
                units.append(WorkUnit(ti, s, enc, self._cap(len(enc.ids))))
        return units

    def _translate_texts(self, texts: Sequence[str]) -> dict[str, BackTranslation]:
        self.load()
        assert self.tokenization is not None
        units = self._units(texts)
        remaining = [0] * len(texts)
        for u in units:
            remaining[u.text_index] += 1
        done: dict[int, list[tuple[WorkUnit, str, list[Attribution]]]] = {}
        out: dict[str, BackTranslation] = {}
        # Longest first: the first batch shows at once whether memory suffices, and
        # similar lengths share a batch, so little compute is spent on padding.
        order = sorted(range(len(units)), key=lambda i: (-len(units[i].encoding.ids), i))
        for k in range(0, len(order), self.batch_size):
            batch = [units[i] for i in order[k : k + self.batch_size]]
            self.stats["model_calls"] += 1
            generated = self._generate(batch)
            fresh: dict[str, BackTranslation] = {}
            for unit, gen in zip(batch, generated):
                text, spans = self.tokenization.detokenize(gen.pieces)
                attrs = (
                    attribute(text, spans, gen.attention, unit.encoding.spans)
                    if gen.attention is not None
                    else []
                )
                done.setdefault(unit.text_index, []).append((unit, text, attrs))
                remaining[unit.text_index] -= 1
                if remaining[unit.text_index] == 0:
                    bt = _join(done.pop(unit.text_index))
                    out[texts[unit.text_index]] = bt
                    fresh[texts[unit.text_index]] = bt
            self.stats["generated"] += len(fresh)
            # Stored batch by batch, so an interrupted long run keeps what it has done.
            if self.cache is not None and fresh:
                self.cache.put_many(self._namespace, fresh)
        for ti, text in enumerate(texts):
            out.setdefault(text, BackTranslation(""))
        return out


def _join(parts: list[tuple[WorkUnit, str, list[Attribution]]]) -> BackTranslation:
    """Join the English of a sentence's clauses in source order, shifting attributions."""
    parts.sort(key=lambda p: p[0].offset)
    text = ""
    attrs: list[Attribution] = []
    for unit, en, unit_attrs in parts:
        if not en:
            continue
        if text:
            text += " "
        base = len(text)
        attrs.extend(
            Attribution(a.en_start + base, a.en_end + base, a.ja_start + unit.offset,
                        a.ja_end + unit.offset)
            for a in unit_attrs
        )
        text += en
    return BackTranslation(text, tuple(attrs))


def first_line(err: BaseException, limit: int = 200) -> str:
    """The first line of ``err``'s message, at most ``limit`` characters (for one-line
    errors and notes)."""
    lines = str(err).strip().splitlines()
    line = lines[0] if lines else repr(err)
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _positive_int(value: object, default: int, name: str) -> int:
    if value is None:
        return default
    try:
        n = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError) as err:
        raise ConfigError(f"{name} must be a positive integer, not {value!r}") from err
    if n < 1:
        raise ConfigError(f"{name} must be a positive integer, not {value!r}")
    return n


class MarianBackTranslator(SequenceEngine):
    """Batched MarianMT generation with transformers + torch (``--backtranslator marian``)."""

    name = "marian"
    _loaded_attrs = ("_torch", "_device", "_model", "_attn_impl", "_gen_config")

    def _load_model(self) -> None:
        import torch
        from transformers import GenerationConfig, MarianMTModel

        if self.threads:
            # torch's pool is process-wide; only set when asked for explicitly.
            torch.set_num_threads(self.threads)
        device = self.device_option
        if device == "auto":
            device = "cuda" if torch.cuda.is_available() else "cpu"
        if device.startswith("cuda") and not torch.cuda.is_available():
            raise ConfigError("device cuda asked for, but torch sees no CUDA device")
        if self.compute_type not in ("float32", "float16", "int8"):
            raise ConfigError(
                f"compute_type {self.compute_type!r} is not supported by the marian engine; "
                "use float32, int8 (CPU) or float16 (CUDA)"
            )
        if self.compute_type == "int8" and device != "cpu":
            raise ConfigError("compute_type int8 (dynamic quantisation) runs on CPU only")
        if self.compute_type == "float16" and device == "cpu":
            raise ConfigError("compute_type float16 needs a CUDA device")
        try:
            with quiet_transformers():
                model = MarianMTModel.from_pretrained(self.ref.folder, local_files_only=True)
        except damaged_weights_errors() as err:
            raise damaged_weights(self.ref.folder, err) from err
        except (OSError, ValueError, RuntimeError) as err:
            raise ModelUnavailableError(
                f"{self.ref.folder}: cannot load the Marian model weights: {err}"
            ) from err
        except (KeyError, AssertionError, TypeError, AttributeError) as err:
            # config.json that does not fit the weights or transformers (an unknown
            # activation, a padding id beyond the embeddings)
            raise ModelUnavailableError(
                f"{self.ref.folder}: cannot build the Marian model from config.json and "
                f"the weights ({type(err).__name__}: {first_line(err)}); config.json is "
                "damaged or belongs to another model: download the model again"
            ) from err
        model = model.eval()
        if self.compute_type == "int8":
            # Dynamic int8 on the Linear layers (incl. the 60k-way output projection),
            # where CPU decoding spends its time.
            with warnings.catch_warnings():
                # torch.ao.quantization deprecation notices: advice for torch's own
                # roadmap, not for mtqa's users (the API works in torch 2.x).
                warnings.simplefilter("ignore", DeprecationWarning)
                warnings.simplefilter("ignore", UserWarning)
                model = torch.ao.quantization.quantize_dynamic(
                    model, {torch.nn.Linear}, dtype=torch.qint8
                )
        elif self.compute_type == "float16":
            model = model.half()
        self._torch = torch
        self._device = torch.device(device)
        self._model = model.to(self._device)
        self._attn_impl = self._model.config._attn_implementation
        assert self.tokenization is not None
        tok = self.tokenization
        gc = self._model.generation_config
        # A clean generation config: the model's tokens and banned words (Marian bans
        # <pad>, which doubles as the decoder start token), and our search settings;
        # nothing else of the checkpoint's defaults (num_beams 4, max_length 512) leaks in.
        self._gen_config = GenerationConfig(
            decoder_start_token_id=self._model.config.decoder_start_token_id,
            eos_token_id=tok.eos_id,
            pad_token_id=tok.pad_id,
            bad_words_ids=gc.bad_words_ids or [[tok.pad_id]],
            num_beams=self.beams,
            do_sample=False,
        )

    def _generate(self, units: Sequence[WorkUnit]) -> list[Generated]:
        # the model is shared by the engines of all threads (see SequenceEngine.load), and
        # the attribution pass switches its attention implementation: one call at a time
        # (torch already spreads one call over the cores)
        with self._generate_lock:
            return self._generate_unlocked(units)

    def _generate_unlocked(self, units: Sequence[WorkUnit]) -> list[Generated]:
        torch = self._torch
        assert self.tokenization is not None
        tok = self.tokenization
        width = max(len(u.encoding.ids) for u in units)
        ids = torch.full((len(units), width), tok.pad_id, dtype=torch.long)
        mask = torch.zeros((len(units), width), dtype=torch.long)
        for r, u in enumerate(units):
            ids[r, : len(u.encoding.ids)] = torch.tensor(u.encoding.ids)
            mask[r, : len(u.encoding.ids)] = 1
        ids, mask = ids.to(self._device), mask.to(self._device)
        longest = max(u.cap for u in units)
        with torch.inference_mode():
            encoder_out = self._model.get_encoder()(input_ids=ids, attention_mask=mask)
            # Each row is later cut to its own cap. Greedy decoding is causal, so the
            # tokens up to a row's cap do not depend on the batch's longest cap: outputs
            # are the same whatever the batch composition. One step more than the
            # longest cap, because Marian checkpoints force </s> at the last step
            # (forced_eos_token_id), which would otherwise eat the longest row's last
            # token and make it depend on its batch.
            config = copy.deepcopy(self._gen_config)
            # Lengths count the decoder start token. Set as max_length (not
            # max_new_tokens) so that the checkpoint's own max_length does not clash.
            config.max_length = 1 + longest + 1
            config.min_new_tokens = self.min_length or None
            # Greedy search reuses the encoder output computed above (needed again for
            # attribution); beam search expands its inputs itself, so it encodes anew.
            reuse = {"encoder_outputs": encoder_out} if self.beams == 1 else {}
            seqs = self._model.generate(
                input_ids=ids, attention_mask=mask, generation_config=config, **reuse
            )
            lengths = []
            for r, u in enumerate(units):
                row = seqs[r, 1:].tolist()
                n = row.index(tok.eos_id) if tok.eos_id in row else len(row)
                lengths.append(min(n, u.cap))
            attn = self._cross_attention(encoder_out, mask, seqs, max(lengths, default=0))
        out: list[Generated] = []
        for r, (u, n) in enumerate(zip(units, lengths)):
            pieces = tok.target_pieces(seqs[r, 1 : 1 + n].tolist())
            a = None
            if attn is not None:
                a = attn[r, :n, : len(u.encoding.ids)].float().cpu().numpy()
            out.append(Generated(pieces, a))
        return out

    def _cross_attention(self, encoder_out: Any, mask: Any, seqs: Any, n: int) -> Any:
        """Alignment-head cross-attention ``[batch, n, source]`` for the first ``n``
        generated tokens, from one teacher-forced decoder pass."""
        if n == 0:
            return None
        # sdpa kernels do not return weights; eager attention does. Switched only for
        # this pass, since eager is slower for generation itself.
        self._model.set_attn_implementation("eager")
        try:
            dec = self._model.get_decoder()(
                input_ids=seqs[:, :n],
                encoder_hidden_states=encoder_out.last_hidden_state,
                encoder_attention_mask=mask,
                output_attentions=True,
                use_cache=False,
            )
        finally:
            self._model.set_attn_implementation(self._attn_impl)
        cross = getattr(dec, "cross_attentions", None)
        if not cross or cross[ALIGN_LAYER] is None:
            self._note(f"{self.ref.name} returned no cross-attention: back-translation spans "
                       "are not attributed to the Japanese")
            return None
        return cross[ALIGN_LAYER][:, ALIGN_HEAD]

