"""Sentence alignment of the Japanese translation to the English reference.

Monotonic dynamic programming over beads (1:1, 1:2, 2:1, 2:2, 1:3, 3:1, 1:0, 0:1) in the
spirit of Gale & Church (1993), Bleualign (Sennrich & Volk 2010) and Vecalign (Thompson &
Koehn 2019):

* a bead is scored by how well each of its sentences is accounted for by the other side:
  for an English sentence, the IDF-weighted share of its content stems and cross-lingual
  anchors (numbers after 万/億 normalisation, Latin tokens, names matched through katakana
  romanisation; see :mod:`mtqa.text.similarity`) found among the back-translation and JMdict
  glosses of the Japanese run; for a Japanese sentence, the share of it that matches the
  English run. With a neural back-translation (Marian, CTranslate2) sacrebleu's chrF of
  back-translation against reference is blended in;
* similarities are calibrated per document (Vecalign normalises by random pairs in the same
  way): the typical similarity of unrelated sentences and that of each sentence's best
  partner map the raw score onto [0, 1];
* a length-ratio prior measured on real data, a cost for crossing a paragraph boundary on
  either side (soft: translators merge and split paragraphs), and a small cost for bigger
  beads so that 1:1 wins ties;
* the search is confined to a band around the length-proportional diagonal and widened only
  when the best path touches its edge, so that time grows linearly with the document
  (the array work is done per row with numpy; see ``benchmarks/align_scale.py``);
* an English sentence the search left unpaired takes back the Japanese sentence that
  renders it from the edge of a neighbouring bead with Japanese to spare
  (:func:`repair_spare`).

Page chrome takes no part in the search: it is attached as 0:1 chrome beads where it occurs.
A sentence taken for chrome by its wording alone is first returned to the content when it
translates a content sentence of the other side (:func:`settle_chrome`): chrome never hides
what the English says (issue #15).
The record format is :class:`~mtqa.types.AlignedPair`; offsets index both texts exactly.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from scipy import sparse

from .text.cache import text_cache
from .text.english import STOPWORDS, words
from .text.similarity import english_features, japanese_features, name_matcher
from .types import AlignedPair, Attribution, BackTranslation, Document, Sentence

ALIGNER_VERSION = "dp-9"  # dp-9: a vowel before a silent e heard by its name (Hale ヘイル)

#: Bead shapes (English sentences, Japanese sentences). 1:0 is an omission, 0:1 an addition.
BEADS: tuple[tuple[int, int], ...] = (
    (1, 1), (1, 2), (2, 1), (2, 2), (1, 3), (3, 1), (1, 0), (0, 1),
)
#: Longest run of sentences on one side of a bead.
MAX_RUN = 3

# --- length prior ------------------------------------------------------------------------
#: Mean of log(Japanese characters / English characters) of a sentence and its translation.
#: Measured: WMT22 en-ja QE dev (/work/shared/data/wmt22-qe-en-ja/dev,
#: sentence_level_tok_untok_da.csv, untokenised `target` vs `source`, 1000 pairs): mean
#: -0.751, sd 0.273 (median ratio 0.475); the space-tokenised target with spaces removed gives
#: -0.771 / 0.261. data/cases, whole articles without chrome: -0.70, -0.69, -0.96 (g7, which
#: omits a clause), -0.76, -0.74, -0.78 (mean -0.77); data/riyadh -0.82. We take the middle.
LOG_RATIO_MEAN = -0.76
#: Spread of that log ratio per sentence (WMT22 en-ja dev, see above).
LOG_RATIO_SD = 0.27
#: Weight of the length prior: cost = weight * z**2 / 2, z the ratio's deviation in SDs; at
#: 2 SD a bead pays about what one unit of similarity is worth.
LENGTH_WEIGHT = 0.12
#: Cap on z**2 / 2, so that one odd sentence (a caption credit) cannot dominate its bead.
LENGTH_CAP = 4.5

# --- bead costs --------------------------------------------------------------------------
#: Cost of leaving one sentence unaligned (1:0 or 0:1). Two skips cost more than the worst
#: 1:1 pair (1.0 + length prior at 1 SD), so that a garbled but present translation stays
#: paired with its source (a mistranslation, not an omission plus an addition).
SKIP_COST = 0.62
#: Extra cost of each bead shape over 1:1, so that 1:1 wins ties and 3-sentence runs are a
#: last resort (translators merge two sentences often, three rarely). Absorbing an unrelated
#: full sentence into a 1:2 bead (half a unit of dissimilarity + this) must cost more than
#: leaving it alone (``SKIP_COST``), or insertions would vanish into merges. 2:2 pays most: two
#: neighbouring sentences share topic words, so a merged bead always collects some cross
#: matches and would otherwise beat two honest 1:1 beads (seen on data/cases).
MERGE_COST: dict[tuple[int, int], float] = {
    (1, 1): 0.0, (1, 2): 0.22, (2, 1): 0.22, (2, 2): 0.4, (1, 3): 0.35, (3, 1): 0.35,
}
#: Length (characters) from which a sentence weighs fully in its bead; shorter ones weigh in
#: proportion. About a third of the median sentence (WMT22 en-ja dev: 108 English, 51
#: Japanese characters): a caption credit or a dangling clause, not a sentence.
EN_SENTENCE_CHARS = 40.0
JA_SENTENCE_CHARS = 20.0
#: Cost of a bead whose English or Japanese run crosses a paragraph boundary (per side and
#: boundary). Soft: the cases' README allows a paragraph split or merge in a place or two,
#: which costs nothing because beads then stay inside paragraphs of both sides anyway.
PARAGRAPH_COST = 0.3

# --- similarity --------------------------------------------------------------------------
#: Anchors (numbers, Latin tokens, names) weigh this much more than a content stem of the
#: same rarity: they cross languages unchanged, glosses only approximately.
ANCHOR_BOOST = 1.5
#: Priors of the document calibration (raw Dice of unrelated / of truly aligned sentences),
#: measured with the dictionary engine on data/cases and data/riyadh (per article, median
#: over all non-best pairs 0.00-0.06, median of each English sentence's best 0.39-0.56);
#: they matter for short documents.
LEXICAL_NULL_PRIOR = 0.04
LEXICAL_GOOD_PRIOR = 0.45
#: The same for chrF/100 of a neural back-translation: unrelated English sentences share
#: character n-grams at a chrF of about 15-20 (measured on the English of data/cases); a
#: fair translation back-translates at about 45-55 (typical opus-mt news chrF, assumed).
CHRF_NULL_PRIOR = 0.18
CHRF_GOOD_PRIOR = 0.50
#: A calibrated similarity of 1 means this many times the typical aligned pair's margin over
#: unrelated pairs: headroom above "typical", so that a merged 2:2 bead of two typical pairs
#: does not look as good as two 1:1 beads (saturation would make bigger beads free).
SIM_CEILING = 1.6
#: Weight (in pseudo-observations) of those priors against the document's own statistics.
PRIOR_STRENGTH = 6.0
#: chrF as sacrebleu computes it by default (character 6-grams, beta 2, no word n-grams).
CHRF_ORDER = 6
CHRF_BETA = 2.0

# --- search ------------------------------------------------------------------------------
#: Half-width of the search band around the length-proportional diagonal, in sentences. It
#: is doubled while the best path runs along the band's edge.
BAND_MIN = 12
#: Engines whose back-translation is fluent English (chrF is meaningful for them).
NEURAL_ENGINES = frozenset({"marian", "ct2"})
#: Share of stop words ("the", "of", "to", ...) among the words of the back-translation from
#: which it is taken for fluent English when the engine is not named. Measured: dictionary
#: engine glosses of data/riyadh and data/cases 0.10-0.14; the English of the same articles
#: 0.36-0.44.
FLUENT_STOPWORD_SHARE = 0.25
#: Half-width of the refinement band around the coarse path (chrF pass), in sentences.
REFINE_RADIUS = 2
#: Calibrated similarity (0..1, :class:`SentenceSimilarity`) from which an English and a
#: Japanese sentence are taken to translate each other: a good 1:1 bead. Aligned sentences
#: score 0.4-1 and unrelated ones 0-0.15 (dictionary engine, data/cases and data/riyadh; see
#: mtqa.checks.alignment). The checks that pair sentences the monotone search could not (a
#: sentence moved to another paragraph) use the same bar.
GOOD_MATCH = 0.4
#: Calibrated similarity, of both members of a 1:1 pair, from which a sentence marked as page
#: chrome is taken to translate a content sentence of the other side and is returned to the
#: content (:func:`settle_chrome`): a good bead; requiring both the English and the Japanese
#: member keeps a short label ("Related Articles") that shares a word with a long sentence out.
CHROME_RESCUE_MATCH = GOOD_MATCH
#: ... and the raw coverage (IDF-weighted share, :meth:`BeadScorer.coverage`) both members
#: must reach, because the calibration of a very short translation (a headline and a label)
#: is loose enough to lift anything. Measured with the dictionary engine: 76% of the 1:1
#: beads of data/cases and data/riyadh reach 0.3 on both members (median 0.43); the best
#: match of riyadh's nine chrome lines reaches 0.24.
CHROME_RESCUE_RAW = 0.3

_INF = math.inf


@dataclass(frozen=True)
class _Side:
    """The content sentences of one document, as arrays."""

    sentences: tuple[Sentence, ...]
    texts: tuple[str, ...]
    lengths: np.ndarray  # characters per sentence
    paragraphs: np.ndarray

    @property
    def n(self) -> int:
        return len(self.sentences)

    def run_lengths(self, a: int) -> np.ndarray:
        """Characters of each run of ``a`` sentences starting at 0..n-a (separators ignored)."""
        c = np.concatenate([[0], np.cumsum(self.lengths)])
        return c[a:] - c[:-a] if a <= self.n else np.zeros(0)

    def run_crossings(self, a: int) -> np.ndarray:
        """Paragraph boundaries inside each run of ``a`` sentences."""
        if a > self.n:
            return np.zeros(0)
        p = self.paragraphs
        return (p[a - 1 :] - p[: len(p) - a + 1]).astype(float)


def _side(doc: Document) -> _Side:
    sents = tuple(s for s in doc.sentences if not s.chrome)
    texts = tuple(doc.text[s.start : s.end] for s in sents)
    # paragraphs renumbered over content only, so that a chrome paragraph between two content
    # paragraphs counts as one boundary
    paras = np.array([s.paragraph for s in sents], dtype=np.int64)
    if len(paras):
        paras = np.concatenate([[0], np.cumsum(paras[1:] != paras[:-1])])
    return _Side(sents, texts, np.array([len(t) for t in texts], dtype=float), paras)


def _binary_runs(rows: sparse.csr_matrix, a: int) -> sparse.csr_matrix:
    """Union of ``a`` consecutive rows of a binary matrix, one row per run start."""
    n = rows.shape[0]
    if a > n:
        return sparse.csr_matrix((0, rows.shape[1]))
    acc = rows[: n - a + 1].copy()
    for k in range(1, a):
        acc = acc + rows[k : n - a + 1 + k]
    acc = acc.tocsr()
    acc.data[:] = 1.0
    return acc


@dataclass(frozen=True)
class _Rows:
    """A sparse matrix of runs as :func:`_rowwise_dot` reads it: the matrix, its rows as
    booleans (for a right-hand side), and whether each row's column indices are sorted."""

    matrix: sparse.csr_matrix
    present: np.ndarray
    sorted: np.ndarray


def _rows(matrix: sparse.csr_matrix) -> _Rows:
    """``matrix`` prepared for :func:`_rowwise_dot` once, when the scorer is built."""
    m = matrix.tocsr()
    # an entry out of order: not the first of its row, its column not above the one before
    down = np.zeros(len(m.indices), dtype=bool)
    down[1:] = m.indices[1:] <= m.indices[:-1]
    firsts = m.indptr[:-1]
    down[firsts[firsts < len(down)]] = False
    seen = np.concatenate([[0], np.cumsum(down)])
    unsorted = seen[m.indptr[1:]] - seen[m.indptr[:-1]] > 0
    return _Rows(m, m.toarray() != 0, ~unsorted)


def _rowwise_dot(left: _Rows, right: _Rows, li: np.ndarray, ri: np.ndarray) -> np.ndarray:
    """``left[li[k]] · right[ri[k]]`` for every k, where ``right`` is binary.

    The figure is that of ``left[li].multiply(right[ri]).sum(axis=1)`` to the last bit (the
    calibration and the bead scores downstream compare floats), without the product's
    fancy-indexed sparse copies, a third of the aligner's time (#17 work done once). The same
    additions happen in the same order: scipy's element-wise product lists a row's common
    columns in ``left``'s stored order when both operands have sorted indices, in the
    reverse order otherwise (``left`` comes out of a sparse product, unsorted), and its row
    sum is ``np.add.reduceat`` over them.
    """
    out = np.zeros(len(li))
    if len(li) == 0:
        return out
    m = left.matrix
    starts = m.indptr[li]
    counts = m.indptr[li + 1] - starts
    width = int(counts.max())
    if width == 0:
        return out
    step = np.arange(width)
    valid = step[None, :] < counts[:, None]
    if not (left.sorted[li].all() and right.sorted[ri].all()):
        step = counts[:, None] - 1 - step[None, :]
    pos = np.where(valid, starts[:, None] + step, 0)
    hit = right.present[ri[:, None], m.indices[pos]] & valid
    n_hit = hit.sum(axis=1)
    rows = np.flatnonzero(n_hit)
    if len(rows):
        offsets = np.concatenate([[0], np.cumsum(n_hit)[:-1]])
        out[rows] = np.add.reduceat(m.data[pos][hit], offsets[rows])
    return out


def _weighted_run_rows(rows: sparse.csr_matrix, weights: Any,
                       a: int) -> _Rows:
    """:func:`_rows` of the runs of ``a`` sentences, each column weighted (when
    ``weights`` is given and a run exists)."""
    runs = _binary_runs(rows, a)
    if weights is not None and runs.shape[0]:
        runs = (runs @ weights).tocsr()
    return _rows(runs)


class _RunRows(dict[int, _Rows]):
    """The :class:`_Rows` of the runs of each length, built on the first look-up.

    Holds a function of the length alone, never the scorer (that would be a reference
    cycle, see :func:`mtqa.pipeline.collector_paused`)."""

    def __init__(self, build: Callable[[int], _Rows]) -> None:
        super().__init__()
        self._build = build

    def __missing__(self, a: int) -> _Rows:
        rows = self[a] = self._build(a)
        return rows


class BeadScorer:
    """Similarity and cost of beads between two documents, computed on arrays.

    Built once per document pair. Features of runs of 1..3 sentences are sparse binary
    matrices over a shared vocabulary of English stems and anchors (IDF weights from the
    English sentences); a bead's similarity is the calibrated coverage of each of its member
    sentences by the other side's run (:meth:`coverage`), blended with chrF when the
    back-translation is fluent. Every method takes arrays of bead starts, so that a whole
    band is scored in a few sparse products.

    Args:
        en: English content sentences.
        ja: Japanese content sentences.
        back_translations: one per Japanese content sentence.
        neural: True when the back-translation comes from a neural engine (use chrF).
    """

    def __init__(
        self, en: _Side, ja: _Side, back_translations: Sequence[str], neural: bool
    ) -> None:
        self.en, self.ja = en, ja
        self.bts = tuple(back_translations)
        self.neural = neural
        self._build_lexical()
        self._chrf: tuple[Any, Any, sparse.csr_matrix] | None = None
        self.calibration: dict[str, tuple[float, float]] = {}

    # -- features ---------------------------------------------------------------------
    def _build_lexical(self) -> None:
        en_feats = [english_features(t) for t in self.en.texts]
        matcher = name_matcher(frozenset(w for f in en_feats for w in f.latin))
        vocab: dict[str, int] = {}
        anchor_cols: set[int] = set()

        def col(key: str, anchor: bool = False) -> int:
            idx = vocab.setdefault(key, len(vocab))
            if anchor:
                anchor_cols.add(idx)
            return idx

        en_rows: list[list[int]] = []
        for f in en_feats:
            cols = [col("s:" + s) for s in f.stems]
            cols += [col("n:" + x, True) for x in f.numbers]
            cols += [col("l:" + x, True) for x in f.latin]
            en_rows.append(sorted(set(cols)))
        en_vocab = len(vocab)  # features beyond this never occur in English: skip them
        ja_rows: list[list[int]] = []
        n_content: list[int] = []
        for text, bt in zip(self.ja.texts, self.bts):
            jf = japanese_features(text, bt)
            keys = ["s:" + s for s in jf.stems]
            keys += ["n:" + x for x in jf.numbers]
            keys += ["l:" + x for x in jf.latin]
            for reading in jf.readings:
                keys += ["l:" + w for w in matcher.match(reading)]
            ja_rows.append(sorted({vocab[k] for k in keys if vocab.get(k, en_vocab) < en_vocab}))
            n_content.append(max(jf.n_content, 1))
        self._en_bin = _csr(en_rows, en_vocab)
        self._ja_bin = _csr(ja_rows, en_vocab)
        # IDF over the English sentences: a stem found in every sentence ("say") tells little
        df = np.asarray(self._en_bin.sum(axis=0)).ravel()
        n_docs = max(self.en.n, 1)
        weights = np.log((n_docs + 1.0) / (df + 0.5))
        weights = np.maximum(weights, 0.05)
        if anchor_cols:
            weights[sorted(anchor_cols)] *= ANCHOR_BOOST
        self._en_w = (self._en_bin @ sparse.diags(weights)).tocsr() if en_vocab else self._en_bin
        # the Japanese size is counted in content words and put on the English scale so that
        # both documents weigh the same in total (Dice needs comparable sizes)
        en_sizes = np.asarray(self._en_w.sum(axis=1)).ravel()
        jn = np.array(n_content, dtype=float)
        scale = en_sizes.sum() / jn.sum() if jn.sum() > 0 and en_sizes.sum() > 0 else 1.0
        self._ja_size = jn * scale
        # run sizes are sums over the sentences, not the size of the union: a stem that two
        # sentences share counts twice, as it does on the Japanese side (content words), so
        # that merging sentences does not shrink the denominator and look better by itself
        c = np.concatenate([[0.0], np.cumsum(en_sizes)])
        self._en_run_size = {a: c[a:] - c[:-a] for a in range(1, MAX_RUN + 1) if a <= self.en.n}
        # the runs of 2 and 3 sentences only when a bead of that shape is scored: the
        # sentence similarity of the checks and the chrome test score 1:1 pairs alone (#17)
        self._en_rows = _RunRows(functools.partial(
            _weighted_run_rows, self._en_bin, sparse.diags(weights) if en_vocab else None))
        self._ja_rows = _RunRows(functools.partial(_weighted_run_rows, self._ja_bin, None))
        c = np.concatenate([[0.0], np.cumsum(self._ja_size)])
        self._ja_run_size = {a: c[a:] - c[:-a] for a in range(1, MAX_RUN + 1) if a <= self.ja.n}

    # -- raw similarities -------------------------------------------------------------------
    def coverage(
        self, a: int, b: int, i: np.ndarray, j: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """How much of each member sentence the other side of the bead accounts for.

        Returns:
            ``recall`` (K, a): for each English sentence of the bead, the IDF-weighted share
            of its content found in the Japanese run; ``precision`` (K, b): for each Japanese
            sentence, the weight of the English run's content it matches over its own size
            (content words on the English scale), capped at 1.

        Scoring every member, rather than the two runs as wholes, keeps a strong pair from
        carrying a weak neighbour into a merged bead: a 2:2 bead is only as good as each of
        its four sentences.
        """
        rec = np.zeros((len(i), a))
        prec = np.zeros((len(i), b))
        for k in range(a):
            inter = _rowwise_dot(self._en_rows[1], self._ja_rows[b], i + k, j)
            size = self._en_run_size[1][i + k]
            rec[:, k] = np.where(size > 0, inter / np.maximum(size, 1e-9), 0.0)
        for k in range(b):
            inter = _rowwise_dot(self._en_rows[a], self._ja_rows[1], i, j + k)
            size = self._ja_run_size[1][j + k]
            prec[:, k] = np.minimum(np.where(size > 0, inter / np.maximum(size, 1e-9), 0.0), 1.0)
        return rec, prec

    def lexical(self, a: int, b: int, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """Raw similarity of beads: the mean coverage of their member sentences."""
        rec, prec = self.coverage(a, b, i, j)
        return (rec.sum(axis=1) + prec.sum(axis=1)) / (a + b)

    def chrf(self, a: int, b: int, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """sacrebleu chrF/100 of back-translation runs against English runs (array version)."""
        if self._chrf is None:
            self._chrf = self._build_chrf()
        (en_runs, en_tot), (ja_runs, ja_tot), orders = self._chrf
        if len(i) == 0:
            return np.zeros(0)
        # matches of an n-gram = the smaller of its two counts (sacrebleu's Counter &)
        matches = np.asarray((en_runs[a][i].minimum(ja_runs[b][j]) @ orders).todense())
        return _chrf_from_stats(ja_tot[b][j], en_tot[a][i], matches)

    def _build_chrf(self) -> tuple[Any, Any, sparse.csr_matrix]:
        """Character n-gram counts of every run of 1..3 sentences on both sides (sacrebleu's
        extraction: whitespace removed, orders 1..6) over one shared vocabulary."""
        from sacrebleu.metrics.helpers import extract_all_char_ngrams

        vocab: dict[str, int] = {}
        built = []
        for texts in (self.en.texts, self.bts):
            runs: dict[int, tuple[list[int], list[int], list[int], int]] = {}
            totals: dict[int, np.ndarray] = {}
            for a in range(1, MAX_RUN + 1):
                rows: list[int] = []
                cols: list[int] = []
                vals: list[int] = []
                tot = []
                for r in range(len(texts) - a + 1):
                    counters = extract_all_char_ngrams(" ".join(texts[r : r + a]), CHRF_ORDER)
                    tot.append([sum(c.values()) for c in counters])
                    for ctr in counters:
                        for g, v in ctr.items():
                            rows.append(r)
                            cols.append(vocab.setdefault(g, len(vocab)))
                            vals.append(v)
                runs[a] = (rows, cols, vals, max(len(texts) - a + 1, 0))
                totals[a] = np.array(tot, dtype=float).reshape(-1, CHRF_ORDER)
            built.append((runs, totals))
        width = max(len(vocab), 1)
        order = np.zeros(width, dtype=np.int64)
        for g, c in vocab.items():
            order[c] = len(g) - 1
        orders = sparse.csr_matrix(
            (np.ones(width), (np.arange(width), order)), shape=(width, CHRF_ORDER)
        )
        out = []
        for runs, totals in built:
            mats = {
                a: sparse.csr_matrix((vals, (rows, cols)), shape=(nrows, width))
                for a, (rows, cols, vals, nrows) in runs.items()
            }
            out.append((mats, totals))
        return out[0], out[1], orders

    # -- calibration and costs --------------------------------------------------------------
    def calibrate(self, name: str, raw: Callable[..., np.ndarray], null: float, good: float,
                  centre: np.ndarray) -> None:
        """Estimate, on this document, the raw similarity of unrelated 1:1 pairs (pairs half
        a document off the diagonal) and of aligned ones (each English sentence's best
        partner near the diagonal), shrunk towards the priors for short documents."""
        n, m = self.en.n, self.ja.n
        if n == 0 or m == 0:
            self.calibration[name] = (null, good)
            return
        i = np.arange(n)
        off = (np.asarray(centre[:n], dtype=np.int64) + max(m // 2, 1)) % m
        null_obs = raw(1, 1, i, off) if m > 2 else np.zeros(0)
        # best partner within a few sentences of the diagonal
        best = np.full(n, -1.0)
        for d in range(-2, 3):
            j = np.asarray(centre[:n], dtype=np.int64) + d
            ok = (j >= 0) & (j < m)
            if ok.any():
                best[ok] = np.maximum(best[ok], raw(1, 1, i[ok], j[ok]))
        best = best[best >= 0]
        k = PRIOR_STRENGTH
        s0 = (k * null + len(null_obs) * float(np.median(null_obs))) / (k + len(null_obs)) \
            if len(null_obs) else null
        s1 = (k * good + len(best) * float(np.median(best))) / (k + len(best)) \
            if len(best) else good
        if s1 < s0 + 0.05:  # a document of unrelated texts: keep the scale sane
            s1 = s0 + 0.05
        self.calibration[name] = (s0, s1)

    def members(
        self, a: int, b: int, i: np.ndarray, j: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """Calibrated similarity (K, a+b) of each member sentence of each bead, in [0, 1]
        (its coverage, blended with the calibrated chrF of the runs when the
        back-translation is neural), and the member's weight (K, a+b): 1 for a sentence of
        ordinary length, less for a fragment, so that a dangling "モスクワとのつながり。"
        costs its bead little while an unrelated full sentence costs it a whole skip."""
        s0, s1 = self.calibration["lexical"]
        rec, prec = self.coverage(a, b, i, j)
        z = np.clip((np.concatenate([rec, prec], axis=1) - s0) / ((s1 - s0) * SIM_CEILING),
                    0.0, 1.0)
        if self.neural and "chrf" in self.calibration:
            c0, c1 = self.calibration["chrf"]
            zc = np.clip((self.chrf(a, b, i, j) - c0) / ((c1 - c0) * SIM_CEILING), 0.0, 1.0)
            z = 0.5 * z + 0.5 * zc[:, None]
        le = np.stack([self.en.lengths[i + k] for k in range(a)], axis=1)
        lj = np.stack([self.ja.lengths[j + k] for k in range(b)], axis=1)
        w = np.concatenate([np.minimum(le / EN_SENTENCE_CHARS, 1.0),
                            np.minimum(lj / JA_SENTENCE_CHARS, 1.0)], axis=1)
        return z, w

    def similarity(self, a: int, b: int, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """Calibrated similarity in [0, 1] of beads (a, b) starting at (i, j): the weighted
        mean over member sentences (:meth:`members`)."""
        z, w = self.members(a, b, i, j)
        return (z * w).sum(axis=1) / np.maximum(w.sum(axis=1), 1e-9)

    def cost(self, a: int, b: int, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """Cost of beads (a, b) starting at English sentence ``i`` and Japanese ``j``.

        Each member sentence pays half its dissimilarity (a 1:1 pair of unrelated sentences
        costs 1), weighted by its length (:meth:`members`); then the bead shape, the length
        prior and paragraph crossings.
        """
        if a == 0 or b == 0:
            return np.full(len(i), SKIP_COST * (a + b))
        z, w = self.members(a, b, i, j)
        dissimilarity = (w * (1.0 - z)).sum(axis=1) / 2.0
        le = self.en.run_lengths(a)[i]
        lj = self.ja.run_lengths(b)[j]
        dev = (np.log(np.maximum(lj, 1.0) / np.maximum(le, 1.0)) - LOG_RATIO_MEAN) / LOG_RATIO_SD
        length = LENGTH_WEIGHT * np.minimum(dev * dev / 2.0, LENGTH_CAP)
        para = PARAGRAPH_COST * (self.en.run_crossings(a)[i] + self.ja.run_crossings(b)[j])
        return dissimilarity + MERGE_COST[(a, b)] + length + para


def _csr(rows: list[list[int]], width: int) -> sparse.csr_matrix:
    indptr = np.concatenate([[0], np.cumsum([len(r) for r in rows])]).astype(np.int64)
    indices = np.array([c for r in rows for c in r], dtype=np.int64)
    return sparse.csr_matrix(
        (np.ones(len(indices)), indices, indptr), shape=(len(rows), max(width, 1))
    )


def _chrf_from_stats(hyp: np.ndarray, ref: np.ndarray, match: np.ndarray) -> np.ndarray:
    """sacrebleu's CHRF._compute_f_score on arrays (rows = pairs, columns = n-gram orders):
    precision and recall averaged over the orders both sides have, then F-beta."""
    valid = (hyp > 0) & (ref > 0)
    prec = np.where(valid, match / np.maximum(hyp, 1), 0.0)
    rec = np.where(valid, match / np.maximum(ref, 1), 0.0)
    eff = valid.sum(axis=1)
    avg_p = np.where(eff > 0, prec.sum(axis=1) / np.maximum(eff, 1), 0.0)
    avg_r = np.where(eff > 0, rec.sum(axis=1) / np.maximum(eff, 1), 0.0)
    f2 = CHRF_BETA**2
    denom = f2 * avg_p + avg_r
    return np.where(denom > 0, (1 + f2) * avg_p * avg_r / np.maximum(denom, 1e-12), 0.0)


# --- banded dynamic programming ---------------------------------------------------------


def _diagonal(en: _Side, ja: _Side) -> np.ndarray:
    """For each English boundary 0..n, the Japanese boundary at the same share of the text."""
    n, m = en.n, ja.n
    fe = np.concatenate([[0.0], np.cumsum(en.lengths)]) / max(en.lengths.sum(), 1.0)
    fj = np.concatenate([[0.0], np.cumsum(ja.lengths)]) / max(ja.lengths.sum(), 1.0)
    centre = np.clip(np.searchsorted(fj, fe, side="left"), 0, m)
    centre[0], centre[n] = 0, m
    return centre.astype(np.int64)


def _band(centre: np.ndarray, m: int, width: int) -> tuple[np.ndarray, np.ndarray]:
    lo = np.maximum(centre - width, 0)
    hi = np.minimum(centre + width, m)
    lo[0] = 0
    hi[-1] = m
    return _connect(lo, hi)


def _connect(lo: np.ndarray, hi: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Make a band monotone and connected from row to row.

    Monotone: ``lo`` and ``hi`` never decrease. Connected: each row starts no later than the
    previous row ends (``lo[i] <= hi[i - 1]``), so that a 1:0 bead can always step down and
    0:1 beads can then walk along the row. Without the second condition a steep diagonal
    (a translation with twenty times as many sentences as the English, issue #15) left a gap
    between two rows that no bead could cross, and the search found no path at all.
    """
    lo = np.minimum.accumulate(lo[::-1])[::-1]
    hi = np.maximum.accumulate(hi)
    if len(lo) > 1:
        # the minimum of two non-decreasing sequences is non-decreasing: lo stays monotone
        lo[1:] = np.minimum(lo[1:], hi[:-1])
    return lo, hi


def _dp(
    n: int, m: int, lo: np.ndarray, hi: np.ndarray,
    cost: Callable[[int, int, np.ndarray, np.ndarray], np.ndarray],
) -> tuple[list[tuple[int, int, int, int]], float]:
    """Best monotone path of beads from (0, 0) to (n, m) through the band.

    Row ``i`` (English boundary) holds Japanese boundaries ``lo[i]..hi[i]``; cells are
    stored as ``D[i, j - lo[i]]``. Bead costs are computed for all band cells at once per
    bead shape (arrays), then the rows are filled in order; the 0:1 bead, which moves
    within a row, is a running minimum (prefix sums) rather than a Python loop.

    Returns:
        The beads as (i, j, a, b) in order, and the path cost.
    """
    width = int((hi - lo).max()) + 1
    rows = np.repeat(np.arange(n + 1), width)
    ks = np.tile(np.arange(width), n + 1)
    js = lo[rows] + ks
    in_band = js <= hi[rows]
    # bead cost at its start cell, for every shape; inf where the bead leaves the band
    start_cost: list[np.ndarray] = []
    for a, b in BEADS:
        c = np.full((n + 1) * width, _INF)
        end_i, end_j = rows + a, js + b
        ok = in_band & (end_i <= n) & (end_j <= m)
        ok[ok] &= (end_j[ok] >= lo[end_i[ok]]) & (end_j[ok] <= hi[end_i[ok]])
        if ok.any():
            c[ok] = cost(a, b, rows[ok], js[ok])
        start_cost.append(c.reshape(n + 1, width))
    D = np.full((n + 1, width), _INF)
    back = np.full((n + 1, width), -1, dtype=np.int8)
    skip_j = BEADS.index((0, 1))
    k_all = np.arange(width)
    for i in range(n + 1):
        row = np.full(width, _INF)
        arg = np.full(width, -1, dtype=np.int8)
        if i == 0:
            row[0] = 0.0
        j_row = lo[i] + k_all
        for t, (a, b) in enumerate(BEADS):
            if a == 0 or i - a < 0:
                continue
            r = i - a
            kp = j_row - b - lo[r]
            ok = (kp >= 0) & (kp < width) & (j_row <= hi[i])
            if not ok.any():
                continue
            cand = np.full(width, _INF)
            cand[ok] = D[r, kp[ok]] + start_cost[t][r, kp[ok]]
            better = cand < row
            row[better] = cand[better]
            arg[better] = t
        # 0:1 beads within the row: row[k] = min_t<=k row[t] + sum(skip[t..k-1])
        skip = start_cost[skip_j][i]
        skip = np.where(np.isfinite(skip), skip, 1e6)
        pref = np.concatenate([[0.0], np.cumsum(skip[:-1])])
        shifted = row - pref
        run_min = np.minimum.accumulate(shifted)
        new = run_min + pref
        moved = new < row - 1e-12
        row = np.where(moved, new, row)
        arg[moved] = skip_j
        row[j_row > hi[i]] = _INF
        D[i] = row
        back[i] = arg
    # backtrack
    beads: list[tuple[int, int, int, int]] = []
    i, j = n, m
    total = float(D[n, m - lo[n]])
    while i > 0 or j > 0:
        t = int(back[i, j - lo[i]])
        if t < 0:  # unreachable: cannot happen with a connected band
            raise RuntimeError(f"alignment band broken at ({i}, {j})")
        a, b = BEADS[t]
        i, j = i - a, j - b
        beads.append((i, j, a, b))
    beads.reverse()
    return beads, total


def _touches_edge(beads: Sequence[tuple[int, int, int, int]], lo: np.ndarray, hi: np.ndarray,
                  m: int) -> bool:
    """True when the path runs along the band's edge (the optimum may lie outside)."""
    for i, j, _, _ in beads:
        if (lo[i] > 0 and j <= lo[i]) or (hi[i] < m and j >= hi[i]):
            return True
    return False


@text_cache(1)
def _article_scorers() -> dict[tuple[Any, ...], BeadScorer]:
    """The scorers built for the article being checked (emptied with the per-article
    text caches, :mod:`mtqa.text.cache`)."""
    return {}


#: Scorers kept for one article at most (a caller that never empties the text caches).
_SCORERS_KEPT = 4


def shared_scorer(en: _Side, ja: _Side, back_translations: Sequence[str],
                  neural: bool) -> BeadScorer:
    """The :class:`BeadScorer` of these sentences and back-translations, built once per
    article: the aligner and the alignment check's :class:`SentenceSimilarity` score the
    same sentences, and a scorer's features, matrices and calibration depend on nothing
    else (#17 work done once). Calibrate it only where ``calibration`` lacks the measure.
    """
    bts = tuple(back_translations)
    key = (en.sentences, en.texts, ja.sentences, ja.texts, bts, neural)
    scorers = _article_scorers()
    scorer = scorers.get(key)
    if scorer is None:
        if len(scorers) >= _SCORERS_KEPT:
            scorers.clear()
        scorer = scorers[key] = BeadScorer(en, ja, bts, neural)
    return scorer


def search(scorer: BeadScorer) -> list[tuple[int, int, int, int]]:
    """Banded search, widened until the path stays clear of the band's edges.

    Returns:
        Beads as (english start, japanese start, english count, japanese count).
    """
    en, ja = scorer.en, scorer.ja
    n, m = en.n, ja.n
    if n == 0 or m == 0:
        return [(i, 0, 1, 0) for i in range(n)] + [(n, j, 0, 1) for j in range(m)]
    centre = _diagonal(en, ja)
    scorer.calibrate("lexical", scorer.lexical, LEXICAL_NULL_PRIOR, LEXICAL_GOOD_PRIOR, centre)
    width = BAND_MIN
    while True:
        lo, hi = _band(centre, m, width)
        beads, _ = _dp(n, m, lo, hi, scorer.cost)
        full = bool((lo == 0).all() and (hi == m).all())
        if full or not _touches_edge(beads, lo, hi, m):
            break
        width *= 2
    if scorer.neural:
        # coarse to fine: chrF is dear, so it is computed only near the lexical path
        scorer.calibrate("chrf", scorer.chrf, CHRF_NULL_PRIOR, CHRF_GOOD_PRIOR, centre)
        lo, hi = _path_band(beads, n, m, REFINE_RADIUS)
        beads, _ = _dp(n, m, lo, hi, scorer.cost)
    return beads


#: The least calibrated similarity at which a Japanese sentence is taken from a bead with
#: Japanese to spare for the unpaired English sentence next to it (:func:`repair_spare`).
REPAIR_MIN = 0.1


def repair_spare(beads: list[tuple[int, int, int, int]], scorer: BeadScorer
                 ) -> list[tuple[int, int, int, int]]:
    """Beads with an unpaired English sentence given the Japanese sentence that renders
    it from the bead next to it, when that bead pairs more Japanese sentences than English
    and the Japanese sentence at its edge facing the gap matches the unpaired sentence
    (at least :data:`REPAIR_MIN`) better than every English sentence of its own bead; and,
    the last pair of the translation being a 1:1 pair of unrelated sentences (similarity
    under :data:`REPAIR_MIN`), when its Japanese renders the unpaired sentence before it:
    the English of that pair is then the one left unpaired.

    The search prices a merge by the mean similarity of its members, and a short Japanese
    sentence matches a long English one on a chance gloss or two: a translation of the
    sentence before then joins the next sentence's bead and its own English is left
    unpaired (an omission reported where nothing is missing, and whatever phrase the
    Japanese did leave out unchecked, its sentence paired with the wrong English). At the
    tail of a translation cut off the search likewise pairs the last Japanese sentence with
    the last English one at similarity 0, and the English sentence it renders is taken for
    merged into it: what the translation lost was never reported."""
    out = list(beads)
    changed = True
    while changed:
        changed = False
        for t, (i, j, a, b) in enumerate(out):
            if (a, b) != (1, 0):
                continue
            for u in (t + 1, t - 1):
                if not 0 <= u < len(out):
                    continue
                i2, j2, a2, b2 = out[u]
                # the last pair of the translation may be no pair at all: the tail of a
                # translation cut off, its last Japanese sentence put with the last English
                last_pair = (a2, b2) == (1, 1) and u > t and not any(
                    bead[3] for bead in out[u + 1 :])
                if a2 == 0 or (b2 <= a2 and not last_pair):
                    continue
                edge = j2 if u > t else j2 + b2 - 1
                lost = float(scorer.similarity(1, 1, np.array([i]), np.array([edge]))[0])
                own = scorer.similarity(1, 1, np.arange(i2, i2 + a2), np.full(a2, edge))
                if lost < REPAIR_MIN or lost <= float(own.max()):
                    continue
                if b2 <= a2 and float(own.max()) >= REPAIR_MIN:
                    continue  # a true pair keeps its Japanese
                out[t] = (i, edge, 1, 1)
                out[u] = (i2, j2 + 1, a2, b2 - 1) if u > t else (i2, j2, a2, b2 - 1)
                changed = True
                break
    return out


def _path_band(beads: Sequence[tuple[int, int, int, int]], n: int, m: int,
               radius: int) -> tuple[np.ndarray, np.ndarray]:
    """A band of ``radius`` sentences around a path."""
    lo = np.full(n + 1, m, dtype=np.int64)
    hi = np.zeros(n + 1, dtype=np.int64)
    points = [(i, j) for i, j, _, _ in beads] + [(n, m)]
    for i, j in points:
        a, b = max(i - radius, 0), min(i + radius, n) + 1
        lo[a:b] = np.minimum(lo[a:b], max(j - radius, 0))
        hi[a:b] = np.maximum(hi[a:b], min(j + radius, m))
    lo[0], hi[n] = 0, m
    return _connect(lo, hi)


def align(
    reference: Document,
    translation: Document,
    back_translations: Sequence[BackTranslation],
    *,
    engine: str | None = None,
) -> list[AlignedPair]:
    """Align the content sentences of ``translation`` to those of ``reference``.

    Args:
        reference: the segmented English document.
        translation: the segmented Japanese document.
        back_translations: one per sentence of ``translation`` (chrome included).
        engine: name of the back-translation engine (``BackTranslator.name``); chrF is
            used for the neural ones. When it is not given, the back-translation is taken as
            neural when it reads as fluent English (:func:`_is_neural`).

    Returns:
        Beads in document order, chrome beads included, with offsets into both texts.
    """
    en, ja = _side(reference), _side(translation)
    bts = [back_translations[s.index].text for s in ja.sentences]
    neural = _is_neural(engine, [back_translations[s.index] for s in ja.sentences])
    scorer = shared_scorer(en, ja, bts, neural)
    beads = repair_spare(search(scorer), scorer)
    # the similarity of each bead, computed per bead shape in one array call
    scores = [0.0] * len(beads)
    for a, b in BEADS:
        if not a or not b:
            continue
        which = [k for k, bead in enumerate(beads) if bead[2:] == (a, b)]
        if which:
            z = scorer.similarity(a, b, np.array([beads[k][0] for k in which]),
                                  np.array([beads[k][1] for k in which]))
            for k, v in zip(which, z):
                scores[k] = float(v)
    return _to_pairs(reference, translation, back_translations, en, ja, beads, scores)


def settle_chrome(
    reference: Document, translation: Document, back_translations: Sequence[BackTranslation]
) -> tuple[Document, Document]:
    """The two documents with chrome candidates that translate content returned to content.

    :mod:`mtqa.segment` marks chrome by wording, length and position; it cannot see the
    other language. A sentence it marked that pairs well (``CHROME_RESCUE_MATCH``, on both
    members) with a content sentence of the other side is article content after all (a news
    story about auto-generated articles, a form's required fields): it is unmarked, so that
    it is aligned and checked like any other sentence. Chrome on both sides that matches
    (a comment form in both) stays chrome. A pair must match on the document's calibration
    and on the raw coverage (``CHROME_RESCUE_RAW``).

    Args:
        reference: the segmented English document.
        translation: the segmented Japanese document.
        back_translations: one per sentence of ``translation`` (chrome included).

    Returns:
        ``(reference, translation)``, the same objects when nothing changed.
    """
    en_chrome = [s.index for s in reference.sentences if s.chrome]
    ja_chrome = [s.index for s in translation.sentences if s.chrome]
    en_content = [s.index for s in reference.sentences if not s.chrome]
    ja_content = [s.index for s in translation.sentences if not s.chrome]
    if not ((en_chrome and ja_content) or (ja_chrome and en_content)):
        return reference, translation
    en_all, ja_all = _unmarked(reference), _unmarked(translation)
    en, ja = _side(en_all), _side(ja_all)
    scorer = BeadScorer(en, ja, [b.text for b in back_translations], neural=False)
    scorer.calibrate("lexical", scorer.lexical, LEXICAL_NULL_PRIOR, LEXICAL_GOOD_PRIOR,
                     _diagonal(en, ja))
    # every chrome sentence against every content sentence of the other side, in one call
    pairs = [(i, j) for i in en_content for j in ja_chrome]
    pairs += [(i, j) for i in en_chrome for j in ja_content]
    i_arr = np.array([p[0] for p in pairs], dtype=np.int64)
    j_arr = np.array([p[1] for p in pairs], dtype=np.int64)
    z, _ = scorer.members(1, 1, i_arr, j_arr)
    rec, prec = scorer.coverage(1, 1, i_arr, j_arr)
    raw = np.minimum(rec[:, 0], prec[:, 0])
    good = (z.min(axis=1) >= CHROME_RESCUE_MATCH) & (raw >= CHROME_RESCUE_RAW)
    keep_en = {int(i) for i, ok in zip(i_arr, good) if ok and reference.sentences[i].chrome}
    keep_ja = {int(j) for j, ok in zip(j_arr, good) if ok and translation.sentences[j].chrome}
    return _unmarked(reference, keep_en), _unmarked(translation, keep_ja)


def _unmarked(doc: Document, which: set[int] | None = None) -> Document:
    """``doc`` with the chrome mark removed from sentences ``which`` (all when ``None``)."""
    if which is not None and not which:
        return doc
    sents = tuple(
        replace(s, chrome=False) if s.chrome and (which is None or s.index in which) else s
        for s in doc.sentences
    )
    return replace(doc, sentences=sents)


class SentenceSimilarity:
    """Calibrated similarity of any English and any Japanese sentence of a document pair.

    The aligner's own measure, for the checks that reason about alignment (is this 1:0
    sentence found next door? was this 0:1 sentence moved from elsewhere?). Sentences are
    addressed by their index in ``Document.sentences``; chrome sentences score 0.

    Args:
        reference: the English document.
        translation: the Japanese document.
        back_translations: back-translation text per Japanese sentence index (missing or
            empty entries fall back to the JMdict glosses alone).
    """

    def __init__(
        self, reference: Document, translation: Document, back_translations: dict[int, str]
    ) -> None:
        self._en, self._ja = _side(reference), _side(translation)
        self._en_pos = {s.index: k for k, s in enumerate(self._en.sentences)}
        self._ja_pos = {s.index: k for k, s in enumerate(self._ja.sentences)}
        self._bts = [back_translations.get(s.index, "") for s in self._ja.sentences]
        self._built: BeadScorer | None = None

    @property
    def _scorer(self) -> BeadScorer:
        """The scorer, built and calibrated on the first question: an article whose
        sentences all pair up (most of a feed) asks none (#17 work done once, or never)."""
        if self._built is None:
            # the aligner's own scorer when it scored the same sentences with the same
            # back-translations (the dictionary engine, no multi-sentence Japanese bead):
            # it is calibrated already, the same way
            scorer = shared_scorer(self._en, self._ja, self._bts, neural=False)
            if "lexical" not in scorer.calibration:
                if self._en.n and self._ja.n:
                    scorer.calibrate("lexical", scorer.lexical, LEXICAL_NULL_PRIOR,
                                     LEXICAL_GOOD_PRIOR, _diagonal(self._en, self._ja))
                else:
                    scorer.calibration["lexical"] = (LEXICAL_NULL_PRIOR, LEXICAL_GOOD_PRIOR)
            self._built = scorer
        return self._built

    def __call__(self, en_index: int, ja_index: int) -> float:
        i, j = self._en_pos.get(en_index), self._ja_pos.get(ja_index)
        if i is None or j is None:
            return 0.0
        return float(self._scorer.similarity(1, 1, np.array([i]), np.array([j]))[0])

    def many(self, pairs: Sequence[tuple[int, int]]) -> list[float]:
        """The similarity of each ``(en_index, ja_index)`` pair, computed in one array call
        (a check comparing every loose sentence with every other one would otherwise make
        thousands of single calls on a long article)."""
        known = [k for k, (e, j) in enumerate(pairs) if e in self._en_pos and j in self._ja_pos]
        out = [0.0] * len(pairs)
        if not known:
            return out
        i = np.array([self._en_pos[pairs[k][0]] for k in known], dtype=np.int64)
        j = np.array([self._ja_pos[pairs[k][1]] for k in known], dtype=np.int64)
        for k, v in zip(known, self._scorer.similarity(1, 1, i, j)):
            out[k] = float(v)
        return out


def _is_neural(engine: str | None, bts: Sequence[BackTranslation]) -> bool:
    """Whether the back-translation is fluent English (from a neural engine), so that chrF
    against the reference means something. Told by the engine's name when the caller gives
    it; otherwise by the text itself: fluent English is full of function words, a word-by-
    word gloss has few (see ``FLUENT_STOPWORD_SHARE``)."""
    if engine is not None:
        return engine in NEURAL_ENGINES
    tokens = [w.lower for b in bts for w in words(b.text)]
    if not tokens:
        return False
    return sum(t in STOPWORDS for t in tokens) / len(tokens) >= FLUENT_STOPWORD_SHARE


def _to_pairs(
    reference: Document,
    translation: Document,
    bts: Sequence[BackTranslation],
    en: _Side,
    ja: _Side,
    beads: Sequence[tuple[int, int, int, int]],
    scores: Sequence[float],
) -> list[AlignedPair]:
    pairs: list[AlignedPair] = []
    # chrome sentences are emitted before the first content bead that follows them
    chrome = [s for s in translation.sentences if s.chrome]
    ci = 0
    ref_pos = 0
    mt_pos = 0

    def emit_chrome(upto: int) -> None:
        nonlocal ci
        while ci < len(chrome) and chrome[ci].start < upto:
            s = chrome[ci]
            pairs.append(
                AlignedPair(
                    index=len(pairs), ref_sentences=(), mt_sentences=(s.index,),
                    ref_start=ref_pos, ref_end=ref_pos, mt_start=s.start, mt_end=s.end,
                    reference="", translation=translation.text[s.start : s.end],
                    back_translation=bts[s.index].text, chrome=True,
                )
            )
            ci += 1

    for (i, j, a, b), score in zip(beads, scores):
        ens = en.sentences[i : i + a]
        jas = ja.sentences[j : j + b]
        if jas:
            emit_chrome(jas[0].start)
        if ens:
            rs, re_ = ens[0].start, ens[-1].end
            ref_pos = re_
        else:
            # an addition sits after the English already aligned, before what comes next
            rs = re_ = ref_pos
        if jas:
            ms, me = jas[0].start, jas[-1].end
            mt_pos = me
        else:
            ms = me = mt_pos
        bt_text, attrs = joined_back_translation([(bts[s.index], s.start - ms) for s in jas])
        pairs.append(
            AlignedPair(
                index=len(pairs),
                ref_sentences=tuple(s.index for s in ens),
                mt_sentences=tuple(s.index for s in jas),
                ref_start=rs, ref_end=re_, mt_start=ms, mt_end=me,
                reference=reference.text[rs:re_], translation=translation.text[ms:me],
                back_translation=bt_text, attributions=attrs,
                score=round(score, 4),
            )
        )
    emit_chrome(len(translation.text) + 1)
    return pairs


def joined_back_translation(
    pieces: Sequence[tuple[BackTranslation, int]],
) -> tuple[str, tuple[Attribution, ...]]:
    """The back-translation of a bead of Japanese sentences: the sentences' English joined by
    spaces, their attributions moved onto the joined English and onto the bead's Japanese.

    Args:
        pieces: each sentence's back-translation and its start in the bead's Japanese.
    """
    parts: list[str] = []
    attrs: list[Attribution] = []
    offset = 0
    for bt, shift in pieces:
        if parts:
            offset += 1
        attrs.extend(
            Attribution(x.en_start + offset, x.en_end + offset, x.ja_start + shift,
                        x.ja_end + shift)
            for x in bt.attributions
        )
        parts.append(bt.text)
        offset += len(bt.text)
    return " ".join(parts), tuple(attrs)
