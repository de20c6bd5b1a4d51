"""Damaged translations: does a professional article that a pipeline damaged pass the gate?

Usage::

    .venv/bin/python benchmarks/damaged_articles.py [--data DIR] [--system refA] [--jobs N]
                                                    [--show N] [--json PATH]

Besides the garbles of machine translation, a newsroom's pipeline damages whole texts: a
translation stops early (an output length limit, a timeout, a feed item stored
half-written), a paragraph is lost or pasted twice, a paragraph of another story slips in, one is
left in English. Published, each misleads the reader; none may pass the gate. Here each
whole article of one system of the ESA data (``DIR``, default
``../shared/data/wmt24-esa-en-ja``; ``refA`` by default, the professional translation, so
that the damage is the only error) whose whole translation passes the gate is damaged in
these ways, one at a time:

* ``cut inside``: cut at 50, 60, 70, 80 and 90 % of its Japanese characters (as a token
  limit cuts: inside a sentence);
* ``cut between``: cut after the last full stop before those points (a stored half item);
* ``first / middle / last paragraph lost``: that paragraph left out (articles of three
  paragraphs or more);
* ``paragraph twice``: its middle paragraph given again right after itself;
* ``sentence twice``: the sentence a third of the way in given again at the end of its
  paragraph;
* ``English paragraph``: its middle paragraph left in English (articles whose two sides have
  as many paragraphs);
* ``other story``: its middle paragraph replaced by the first paragraph of another article;
* ``halves swapped``: its second half of paragraphs before its first (a translation made in
  two chunks joined in the wrong order; articles of four paragraphs or more).

Each damaged text is checked as ``mtqa.check(source, text, config=False,
backtranslator="dictionary")`` checks it: the default policy and gate. Measures: the share
of damaged texts that pass the gate (silent passes: lower is better) per damage, the share
with a critical finding, and the findings that fail them, by code. ``--show N`` lists up to
N damaged texts that pass.

The last line is always::

    damaged_articles system=<s> articles=<n> texts=<n> passed=<x> critical=<x> seconds=<s>
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from clean_articles import (  # noqa: E402
    BACKTRANSLATOR,
    Article,
    article_options,
    read_articles,
)

#: Shares of the Japanese characters a cut keeps.
SHARES = (0.5, 0.6, 0.7, 0.8, 0.9)
#: Sentence ends a cut between sentences keeps.
FULL_STOPS = "。！？!?"
PARAGRAPH = "\n\n"


def cut(text: str, share: float, place: str) -> str:
    """The first ``share`` of ``text``: cut at that character (``inside``) or after the
    last sentence end before it (``between``; the text up to the cut when none)."""
    n = int(len(text) * share)
    if place == "inside":
        return text[:n]
    end = max(text.rfind(c, 0, n) for c in FULL_STOPS)
    return text[: end + 1] if end > 0 else text[:n]


def paragraph_twice(article: Article, _: Sequence[Article]) -> str | None:
    paras = article.translation.split(PARAGRAPH)
    if len(paras) < 2:
        return None
    k = len(paras) // 2
    return PARAGRAPH.join(paras[: k + 1] + [paras[k]] + paras[k + 1 :])


def sentence_twice(article: Article, _: Sequence[Article]) -> str | None:
    """The sentence that ends first after a third of the text, said again at the end of its
    paragraph (after the sentences that follow it there)."""
    text = article.translation
    end = text.find("。", len(text) // 3)
    if end < 0:
        return None
    start = max(text.rfind(c, 0, end) for c in ("。", "\n")) + 1
    sentence = text[start : end + 1].strip()
    if len(sentence) < 10:
        return None
    para_end = text.find(PARAGRAPH, end)
    para_end = len(text) if para_end < 0 else para_end
    return text[:para_end] + sentence + text[para_end:]


def english_paragraph(article: Article, _: Sequence[Article]) -> str | None:
    paras, english = article.translation.split(PARAGRAPH), article.source.split(PARAGRAPH)
    if len(paras) < 3 or len(paras) != len(english):
        return None
    k = len(paras) // 2
    return PARAGRAPH.join(paras[:k] + [english[k]] + paras[k + 1 :])


def other_story(article: Article, articles: Sequence[Article]) -> str | None:
    paras = article.translation.split(PARAGRAPH)
    if len(paras) < 3:
        return None
    other = articles[(articles.index(article) + 7) % len(articles)]
    k = len(paras) // 2
    return PARAGRAPH.join(paras[:k] + [other.translation.split(PARAGRAPH)[0]] + paras[k + 1 :])


def halves_swapped(article: Article, _: Sequence[Article]) -> str | None:
    paras = article.translation.split(PARAGRAPH)
    if len(paras) < 4:
        return None
    k = len(paras) // 2
    return PARAGRAPH.join(paras[k:] + paras[:k])


def _dropped(k: Callable[[int], int]) -> Callable[[Article, Sequence[Article]], str | None]:
    """A damage that leaves out paragraph ``k(n)`` of the ``n`` (articles of three or more)."""
    def damage(article: Article, _: Sequence[Article]) -> str | None:
        paras = article.translation.split(PARAGRAPH)
        if len(paras) < 3:
            return None
        at = k(len(paras))
        return PARAGRAPH.join(paras[:at] + paras[at + 1 :])
    return damage


#: The damages besides the cuts, by name.
DAMAGES: dict[str, Callable[[Article, Sequence[Article]], str | None]] = {
    "first paragraph lost": _dropped(lambda n: 0),
    "middle paragraph lost": _dropped(lambda n: n // 2),
    "last paragraph lost": _dropped(lambda n: n - 1),
    "paragraph twice": paragraph_twice,
    "sentence twice": sentence_twice,
    "English paragraph": english_paragraph,
    "other story": other_story,
    "halves swapped": halves_swapped,
}


def damaged(article: Article, articles: Sequence[Article]) -> list[tuple[str, str]]:
    """(damage, text) for every damage that applies to ``article``."""
    out = [(f"cut {place} at {share:.0%}", cut(article.translation, share, place))
           for place in ("inside", "between") for share in SHARES]
    for name, damage in DAMAGES.items():
        text = damage(article, articles)
        if text is not None:
            out.append((name, text))
    return [(name, text) for name, text in out
            if text.strip() and text != article.translation]


def check_article(job: tuple[Article, Sequence[Article]]) -> dict[str, Any]:
    """The whole article's verdict and, when it passes, each damaged text's."""
    import mtqa
    from mtqa.errors import InputError

    article, articles = job

    def verdict(translation: str) -> dict[str, Any]:
        try:
            report = mtqa.check(article.source, translation, config=False,
                                backtranslator=BACKTRANSLATOR)
        except InputError as exc:
            return {"passed": False, "refused": str(exc), "codes": []}
        failing = [f for f in report.finding_list if f.severity in ("major", "critical")]
        return {"passed": report.passed,
                "critical": any(f.severity == "critical" for f in failing),
                "codes": sorted({f.code for f in failing})}

    whole = verdict(article.translation)
    texts = []
    if whole["passed"]:
        for name, text in damaged(article, articles):
            texts.append({"damage": name, "tail": text[-20:], **verdict(text)})
    return {"doc_id": article.doc_id, "whole_passed": whole["passed"], "texts": texts}


def _kind(damage: str) -> str:
    return damage.rsplit(" at ", 1)[0]  # "cut inside at 50%" -> "cut inside"


def measure(results: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The figures over the articles whose whole translation passes."""
    counted = [r for r in results if r["whole_passed"]]
    texts = [t for r in counted for t in r["texts"]]
    by_damage: dict[str, Any] = {}
    for kind in dict.fromkeys(_kind(t["damage"]) for t in texts):
        mine = [t for t in texts if _kind(t["damage"]) == kind]
        by_damage[kind] = {"texts": len(mine),
                           "passed": round(sum(t["passed"] for t in mine) / len(mine), 3)}
    codes = Counter(code for t in texts for code in t["codes"])
    return {
        "articles": len(results), "counted": len(counted), "texts": len(texts),
        "passed": round(sum(t["passed"] for t in texts) / max(1, len(texts)), 3),
        "critical": round(sum(bool(t.get("critical")) for t in texts) / max(1, len(texts)), 3),
        "by_damage": by_damage,
        "failing_codes": dict(codes.most_common()),
    }


def main(argv: Sequence[str] | None = None) -> int:
    args = article_options(__doc__, "damage", "damaged texts that pass the gate").parse_args(argv)
    started = time.perf_counter()
    articles = read_articles(args, "damaged_articles")
    if articles is None:
        return 2
    jobs = [(a, articles) for a in articles]
    if args.jobs > 1:
        with ProcessPoolExecutor(args.jobs) as pool:
            results = list(pool.map(check_article, jobs, chunksize=4))
    else:
        results = [check_article(j) for j in jobs]
    figures = measure(results)
    seconds = time.perf_counter() - started
    print(f"{figures['counted']} of {figures['articles']} {args.system} articles pass whole; "
          f"{figures['texts']} damaged texts of them")
    for kind, row in figures["by_damage"].items():
        print(f"  {kind:18} {row['texts']:4} texts, passed {row['passed']:.3f}")
    print("findings failing them: " + ", ".join(
        f"{code} {n}" for code, n in figures["failing_codes"].items()))
    shown = [(r["doc_id"], t) for r in results for t in r["texts"] if t["passed"]]
    for doc_id, t in shown[: args.show]:
        print(f"  passes: {doc_id} {t['damage']}: …{t['tail']!r}")
    if args.json:
        Path(args.json).write_text(json.dumps({**figures, "seconds": round(seconds)},
                                              ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"damaged_articles system={args.system} articles={figures['counted']} "
          f"texts={figures['texts']} passed={figures['passed']:.3f} "
          f"critical={figures['critical']:.3f} seconds={seconds:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
