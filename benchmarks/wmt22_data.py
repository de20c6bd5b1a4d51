"""Reader of the WMT22 Quality Estimation data (English→Japanese word and sentence level).

The folder layout is that of the shared task's ``train-dev_data/en-ja`` release (see
``../shared/data/wmt22-qe-en-ja/README.md``)::

    wordlevel_<split>_2022.src    English source, one sentence a line (tokenised)
    wordlevel_<split>_2022.mt     Japanese MT, space-tokenised, each line ending in <EOS>
    wordlevel_<split>_2022.tags   OK/BAD per MT token (the last one for <EOS>)
    wordlevel_<split>_2022.hter   HTER of the post-edit (optional)
    sentence_level_da.csv         source, target (tokenised), z_mean (optional)
    sentence_level_tok_untok_da.csv  the same with the untokenised text (optional)

The Japanese of the word-level files is tokenised with spaces. mtqa works on running
text, so each sentence is *detokenised* and every WMT token keeps its character span in
the detokenised text (``spans``): the untokenised text of
``sentence_level_tok_untok_da.csv`` when the folder has it (the MT output exactly as the
system produced it), else a rule that joins tokens without spaces except between two
Latin letters or digits.

Tag files of other WMT years interleave gap tags with token tags (``gap tok gap ... tok
gap``, 2n+1 tags for n tokens); both layouts are accepted and only the token tags are kept.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mtqa.errors import InputError

#: The end-of-sentence pseudo token of the WMT22 word-level MT files.
EOS = "<EOS>"
#: Characters between which a detokenised text keeps a space (Latin words and numbers:
#: "Villa Comaltitlán", "Society of scribes"); Japanese is written without spaces.
_WORDISH = re.compile(r"[0-9A-Za-z\u00C0-\u024F]")
#: English punctuation that the WMT tokeniser detached from the preceding word.
_EN_CLOSE = re.compile(r" ([,.;:!?)\]}%]|'s\b|n't\b|'(?= ))")
_EN_OPEN = re.compile(r"([(\[{$]) ")


@dataclass(frozen=True, slots=True)
class WmtSentence:
    """One sentence pair of the word-level data with its labels.

    Attributes:
        index: line number (0-based) in the data files.
        source: English source (untokenised when the folder has the untokenised CSV).
        target: Japanese MT, detokenised.
        tokens: the WMT MT tokens (without ``<EOS>``).
        spans: ``(start, end)`` of each token in ``target`` (``target[s:e] == token``).
        bad: one flag per token, True where the post-editor changed the token (BAD).
        eos_bad: the ``<EOS>`` tag (or any gap tag in gap-interleaved files): content
            missing from the MT.
        z_mean: human Direct Assessment z-score (higher is better), or None.
        hter: HTER of the post-edit, or None.
    """

    index: int
    source: str
    target: str
    tokens: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]
    bad: tuple[bool, ...]
    eos_bad: bool
    z_mean: float | None
    hter: float | None


def detokenize(tokens: Sequence[str]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Join space-tokenised Japanese into running text and keep each token's span.

    A space is kept only between two tokens whose facing characters are Latin letters or
    digits (so that "Villa Comaltitlán" keeps its space and "シリーズ 3 で" becomes
    "シリーズ3で").
    """
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    for tok in tokens:
        if out and _WORDISH.match(out[-1][-1]) and _WORDISH.match(tok[0]):
            out.append(" ")
            pos += 1
        spans.append((pos, pos + len(tok)))
        out.append(tok)
        pos += len(tok)
    return "".join(out), tuple(spans)


def locate_tokens(text: str, tokens: Sequence[str]) -> tuple[tuple[int, int], ...] | None:
    """Spans of ``tokens`` found in order in ``text`` with only whitespace between them.

    Returns None when the tokens do not spell ``text`` (then the caller detokenises).
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    for tok in tokens:
        j = text.find(tok, pos)
        if j < 0 or text[pos:j].strip():
            return None
        spans.append((j, j + len(tok)))
        pos = j + len(tok)
    if text[pos:].strip():
        return None
    return tuple(spans)


def detokenize_english(text: str) -> str:
    """Undo the WMT tokenisation of English well enough for mtqa ("series 3 , has" →
    "series 3, has"); used only when the untokenised source is not in the folder."""
    text = _EN_CLOSE.sub(r"\1", text)
    return _EN_OPEN.sub(r"\1", text).strip()


def _find_one(folder: Path, pattern: str) -> Path | None:
    found = sorted(folder.glob(pattern))
    if len(found) > 1:
        raise InputError(
            f"{folder}: several files match {pattern} ({', '.join(p.name for p in found)}); "
            "keep one split per folder"
        )
    return found[0] if found else None


def _lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"{path}: cannot read as UTF-8 text ({err})") from err


def _read_csv(path: Path) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            return list(csv.DictReader(fh))
    except (OSError, UnicodeDecodeError, csv.Error) as err:
        raise InputError(f"{path}: cannot read as a UTF-8 CSV file ({err})") from err


def _split_tags(path: Path, n: int, line: int, tags: list[str]) -> tuple[list[bool], bool]:
    """Token tags and the missing-content flag from one line of a tags file."""
    if any(t not in ("OK", "BAD") for t in tags):
        raise InputError(f"{path}: line {line}: tags must be OK or BAD")
    flags = [t == "BAD" for t in tags]
    if len(flags) == n + 1:  # WMT22: one tag per token, the last one for <EOS>
        return flags[:n], flags[n]
    if len(flags) == n:
        return flags, False
    if len(flags) == 2 * n + 1:  # gap tok gap tok ... gap (WMT20/21 layout)
        return flags[1::2], any(flags[0::2])
    raise InputError(
        f"{path}: line {line}: {len(flags)} tags for {n} MT tokens (expected {n + 1} with "
        f"<EOS>, or {2 * n + 1} with gap tags)"
    )


def load(folder: str | Path) -> list[WmtSentence]:
    """Read a WMT22 word-level folder (see the module docstring for the file names).

    Raises:
        InputError: a missing file, line counts that disagree, or tags that do not fit.
    """
    root = Path(folder)
    if not root.is_dir():
        raise InputError(f"{root}: not a folder; give a WMT22 QE folder (wordlevel_*.mt ...)")
    paths = {ext: _find_one(root, f"wordlevel_*.{ext}") for ext in ("src", "mt", "tags", "hter")}
    found: dict[str, Path] = {}
    for ext in ("src", "mt", "tags"):
        path = paths[ext]
        if path is None:
            raise InputError(f"{root}: no wordlevel_*.{ext} file; is this a WMT22 QE folder?")
        found[ext] = path
    tags_path = found["tags"]
    src, mt, tags = _lines(found["src"]), _lines(found["mt"]), _lines(tags_path)
    hter_path = paths["hter"]
    hter = _lines(hter_path) if hter_path is not None else None
    if not (len(src) == len(mt) == len(tags)) or (hter is not None and len(hter) != len(mt)):
        raise InputError(
            f"{root}: the word-level files have different line counts "
            f"(src {len(src)}, mt {len(mt)}, tags {len(tags)}"
            + (f", hter {len(hter)})" if hter is not None else ")")
        )
    untok = _optional_rows(root / "sentence_level_tok_untok_da.csv", len(mt))
    da = _optional_rows(root / "sentence_level_da.csv", len(mt))
    out: list[WmtSentence] = []
    for i, (s, m, t) in enumerate(zip(src, mt, tags)):
        toks = m.split()
        if toks and toks[-1] == EOS:
            toks = toks[:-1]
        bad, eos_bad = _split_tags(tags_path, len(toks), i + 1, t.split())
        target, spans = "", None
        source = ""
        z: float | None = None
        if untok is not None:
            row = untok[i]
            if " ".join(toks) == (row.get("target_tok") or "").strip():
                target = row.get("target") or ""
                spans = locate_tokens(target, toks)
            if " ".join(s.split()) == " ".join((row.get("source_tok") or "").split()):
                source = (row.get("source") or "").strip()
            z = _float(row.get("z_mean"))
        if spans is None:
            target, spans = detokenize(toks)
        if not source:
            source = detokenize_english(s)
        if z is None and da is not None:
            z = _float(da[i].get("z_mean"))
        out.append(
            WmtSentence(
                index=i, source=source, target=target, tokens=tuple(toks), spans=spans,
                bad=tuple(bad), eos_bad=eos_bad, z_mean=z,
                hter=_float(hter[i]) if hter is not None else None,
            )
        )
    return out


def _optional_rows(path: Path, n: int) -> list[dict[str, str]] | None:
    if not path.is_file():
        return None
    rows = _read_csv(path)
    if len(rows) != n:
        raise InputError(f"{path}: {len(rows)} rows, but the word-level files have {n} lines")
    return rows


def _float(value: str | None) -> float | None:
    if value is None or not str(value).strip():
        return None
    try:
        return float(value)
    except ValueError:
        return None


# --- features and labels for fitting and scoring the token risk model --------------------


@dataclass(frozen=True)
class WmtFeatures:
    """Token features of a WMT folder under one mtqa run, with labels on both tokenisations.

    mtqa's tokens (UniDic) and WMT's tokens differ; both index the detokenised target, so
    they are linked by character overlap. An mtqa token is BAD when it overlaps a BAD WMT
    token (training label); a WMT token's risk is the largest risk of the mtqa tokens that
    overlap it (how ``word_mcc`` is scored on WMT's own tokens).

    Attributes:
        X: token feature matrix (rows: mtqa tokens of all sentences, in order).
        y: training label of each row (True = BAD).
        sentence: sentence index of each row.
        wmt_rows: for each WMT token of all sentences (in order), the rows overlapping it.
        wmt_bad: WMT label of each WMT token.
        wmt_sentence: sentence index of each WMT token.
        wmt_finding: whether a finding of the run overlaps each WMT token.
        eos_bad: the ``<EOS>`` label of each sentence (missing content).
        eos_finding: whether the run found an omission in each sentence.
        z_mean: DA z-score of each sentence (NaN when absent).
    """

    X: Any
    y: Any
    sentence: Any
    wmt_rows: tuple[tuple[int, ...], ...]
    wmt_bad: Any
    wmt_sentence: Any
    wmt_finding: Any
    eos_bad: Any
    eos_finding: Any
    z_mean: Any


def featurize(sentences: Sequence[WmtSentence], report: Any) -> WmtFeatures:
    """Features and labels of ``sentences`` from the report of
    ``mtqa.check_segments([(s.source, s.target) for s in sentences])``.

    Raises:
        InputError: the report does not belong to these sentences.
    """
    import numpy as np

    from mtqa.risk.tokens import FEATURE_NAMES, pair_span_findings, token_features

    pairs = report.pairs
    if len(pairs) != len(sentences) or any(
        p.translation != s.target for p, s in zip(pairs, sentences)
    ):
        raise InputError("the report's segments are not the WMT sentences given (check order)")
    blocks: list[Any] = []
    y: list[bool] = []
    sent: list[int] = []
    wmt_rows: list[tuple[int, ...]] = []
    wmt_bad: list[bool] = []
    wmt_sentence: list[int] = []
    wmt_finding: list[bool] = []
    eos_finding: list[bool] = []
    base = 0
    for s, pair in zip(sentences, pairs):
        fs = pair_span_findings(pair, report.finding_list)
        toks, X = token_features(s.source, s.target, fs)
        blocks.append(X)
        for tok in toks:
            y.append(any(b and a0 < tok.end and a1 > tok.start
                         for b, (a0, a1) in zip(s.bad, s.spans)))
            sent.append(s.index)
        for b, (a0, a1) in zip(s.bad, s.spans):
            rows = tuple(base + k for k, tok in enumerate(toks)
                         if a0 < tok.end and a1 > tok.start)
            wmt_rows.append(rows)
            wmt_bad.append(b)
            wmt_sentence.append(s.index)
            wmt_finding.append(any(
                (f.start < a1 and f.end > a0) or (f.start == f.end and a0 <= f.start < a1)
                for f in fs if f.category != "boilerplate"
            ))
        eos_finding.append(any(f.category == "omission" for f in fs))
        base += len(toks)
    X_all = np.vstack(blocks) if blocks else np.zeros((0, len(FEATURE_NAMES)))
    return WmtFeatures(
        X=X_all,
        y=np.asarray(y, dtype=bool),
        sentence=np.asarray(sent, dtype=np.int64),
        wmt_rows=tuple(wmt_rows),
        wmt_bad=np.asarray(wmt_bad, dtype=bool),
        wmt_sentence=np.asarray(wmt_sentence, dtype=np.int64),
        wmt_finding=np.asarray(wmt_finding, dtype=bool),
        eos_bad=np.asarray([s.eos_bad for s in sentences], dtype=bool),
        eos_finding=np.asarray(eos_finding, dtype=bool),
        z_mean=np.asarray(
            [np.nan if s.z_mean is None else s.z_mean for s in sentences], dtype=np.float64
        ),
    )


def project(rows: Sequence[Sequence[int]], risk: Any, fallback: Any = None) -> Any:
    """Risk of each WMT token: the largest risk of the mtqa tokens overlapping it.

    Args:
        rows: :attr:`WmtFeatures.wmt_rows`.
        risk: risk of each mtqa token row.
        fallback: value for a WMT token no mtqa token overlaps (one a WMT token, or a
            scalar; 0 when None).
    """
    import numpy as np

    out = np.zeros(len(rows), dtype=np.float64)
    for k, r in enumerate(rows):
        if r:
            out[k] = max(risk[j] for j in r)
        elif fallback is not None:
            out[k] = fallback[k] if np.ndim(fallback) else fallback
    return out
