"""Checking a feed of articles: the runner (:mod:`.runner`: worker pool, journal, resume),
its inputs (:mod:`.inputs`: JSONL manifests, folders of pairs, RSS/Atom feeds, HTML pages),
its outputs (:mod:`.outputs`: per-article reports, summary.csv, index.html, JUnit XML
from :mod:`.junit`, CI annotations from :mod:`.annotations`) and the Ray engine
(:mod:`.ray_runner`). ``mtqa.check_feed`` is the Python entry point.
"""
