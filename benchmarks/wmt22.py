"""mtqa on the WMT22 Quality Estimation benchmark, English→Japanese (issue #5).

Usage::

    .venv/bin/python benchmarks/wmt22.py [--data DIR] [--cache] [--fold-seeds K]

``DIR`` defaults to ../shared/data/wmt22-qe-en-ja/dev; any folder with the same file names
and formats works (see ``benchmarks/wmt22_data.py``). mtqa runs with the dictionary engine and all
registered checks over the sentence pairs through the segments API (no document
alignment), and three figures are measured on WMT's labels:

* ``word_mcc``: Matthews correlation over all WMT word tags (the MT tokens and each
  sentence's ``<EOS>`` tag) of BAD predicted by the token risk (a WMT token's risk is the
  largest risk of the mtqa tokens overlapping it; BAD when it reaches the threshold;
  ``<EOS>``, which marks missing content, is BAD when mtqa found an omission);
* ``findings_mcc``: the same with BAD = overlapped by a finding of the checks;
* ``sentence_spearman``: Spearman correlation of the segment quality with ``z_mean``.

The token risk model ships fitted on this very dev set, so its figures here are
**out of fold**: the procedure of ``benchmarks/fit_risk.py`` (token model, threshold and
segment model) is refitted on four fifths of the sentences and predicts the fifth, for
each fifth; the shipped parameters are never applied to the sentences they were fitted
on. On another folder (a test set), the same cross-validation measures the procedure
on that folder's own labels.

The last line is always::

    wmt22 word_mcc=<x> findings_mcc=<x> sentence_spearman=<x> sentences=<n> seconds=<s>
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import fit_risk  # noqa: E402  (benchmarks/fit_risk.py: the fitting procedure)

import numpy as np  # noqa: E402

from mtqa.risk import tokens as risk  # noqa: E402


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=str(fit_risk.DEFAULT_DATA),
                        help="WMT22 QE en-ja folder (default: %(default)s)")
    parser.add_argument("--cache", action="store_true",
                        help="reuse the mtqa run cached by fit_risk.py for identical code "
                        "and data (seconds then exclude the checks)")
    parser.add_argument("--fold-seeds", type=int, default=1, metavar="K",
                        help="also measure K-1 other random fold assignments (seeds 1..K-1) "
                        "and print each one's figures and the mean: how much the figures "
                        "move with the split alone (default: %(default)s, the seed-0 split "
                        "of the last line only)")
    args = parser.parse_args(argv)
    if args.fold_seeds < 1:
        parser.error("--fold-seeds must be at least 1")
    from threadpoolctl import threadpool_limits

    def log(msg: str) -> None:
        print(f"wmt22: {msg}", file=sys.stderr, flush=True)

    t0 = time.perf_counter()
    data = Path(args.data)
    with threadpool_limits(1):
        sentences, feats, signature, mtqa_seconds = fit_risk.compute_features(
            data, use_cache=args.cache, log=log
        )
        cv = fit_risk.cross_validate(feats, fit_risk.SEED, log)
        figures = fit_risk.figures(feats, cv)
        other_seeds = [
            fit_risk.figures(feats, fit_risk.cross_validate(feats, seed, log))
            for seed in range(fit_risk.SEED + 1, fit_risk.SEED + args.fold_seeds)
        ]
    seconds = time.perf_counter() - t0
    shipped = json.loads(Path(fit_risk.DEFAULT_OUTPUT).read_text(encoding="utf-8"))
    same_features = tuple(shipped.get("feature_names", ())) == risk.FEATURE_NAMES
    print(f"data: {data} ({len(sentences)} sentences, {len(feats.wmt_bad)} MT tokens, "
          f"{feats.wmt_bad.mean():.1%} BAD)")
    print(f"mtqa: {signature}")
    print(f"mtqa run (checks + token features): {mtqa_seconds:.1f}s")
    print(f"shipped model: fitted {shipped['provenance'].get('date')}, threshold "
          f"{shipped['threshold']}, recorded out-of-fold {shipped['provenance'].get('out_of_fold')}"
          + ("" if same_features else " -- features changed since: refit with "
             "python benchmarks/fit_risk.py"))
    folds = min(fit_risk.FOLDS, len(sentences))
    print(f"out of fold ({folds} folds by sentence, seed {fit_risk.SEED}): "
          f"token AUC {figures['word_auc']}, fold thresholds "
          f"{sorted(set(cv['thresholds'].round(2).tolist()))}; word MCC over the MT tokens "
          f"alone (without <EOS> tags) {figures['word_mcc_tokens']}")
    if other_seeds:
        every = [figures, *other_seeds]
        for seed, fig in enumerate(every, start=fit_risk.SEED):
            print(f"fold assignment seed {seed}: word_mcc={fig['word_mcc']:.4f} "
                  f"sentence_spearman={fig['sentence_spearman']:.4f}")
        print(f"mean over {len(every)} fold assignments: word_mcc="
              f"{np.mean([f['word_mcc'] for f in every]):.4f} sentence_spearman="
              f"{np.mean([f['sentence_spearman'] for f in every]):.4f}")
    print(
        f"wmt22 word_mcc={figures['word_mcc']:.4f} findings_mcc={figures['findings_mcc']:.4f} "
        f"sentence_spearman={figures['sentence_spearman']:.4f} sentences={len(sentences)} "
        f"seconds={seconds:.0f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
