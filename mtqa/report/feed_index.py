"""The ``index.html`` of a feed's output folder: the totals and one row per article (worst
first), linking each article's page. Its style sheet is a data file, ``index.css``, beside the
report's ``report.css``: the HTML and CSS of mtqa's pages live in this subpackage only."""

from __future__ import annotations

import html
from collections.abc import Iterator
from importlib import resources
from typing import IO, Any, Protocol

from ..types import CATEGORIES

#: The leading newline keeps the ``<style>`` element as it was when the CSS was inline.
_INDEX_CSS = "\n" + resources.files("mtqa.report").joinpath("index.css").read_text(encoding="utf-8")


class Totals(Protocol):
    """What the index says of the whole folder (``mtqa.feed.outputs.Totals``)."""

    items: int
    passed: int
    failed: int
    errors: int
    signature: str | None


def write_index(fh: IO[str], records: Iterator[dict[str, Any]], totals: Totals) -> None:
    """``index.html``: the totals and one row per article, linking its page.

    Args:
        fh: the file.
        records: the rows' records, in the order shown (:func:`iter_worst_first`: what
            needs a person's attention first).
        totals: the counts over the folder.
    """
    e = html.escape
    fh.write('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
             f"<title>mtqa feed report</title><style>{_INDEX_CSS}</style></head><body>"
             f"<h1>mtqa feed report</h1><p>{totals.items} articles: "
             f'<span class="pass">{totals.passed} passed</span>, '
             f'<span class="fail">{totals.failed} failed</span>, '
             f'<span class="error">{totals.errors} could not be checked</span>; worst first</p>'
             "<table><thead><tr><th>#</th><th>id</th><th>verdict</th><th>score</th>"
             "<th>critical</th><th>major</th><th>minor</th><th>findings</th><th>title</th>"
             "</tr></thead><tbody>")
    for rec in records:
        idx = int(rec.get("index", 0)) + 1
        item_id = str(rec.get("id", ""))
        link = e(item_id)
        if rec.get("page"):
            link = f'<a href="{e(str(rec["page"]), quote=True)}">{e(item_id)}</a>'
        title = e(str((rec.get("meta") or {}).get("title") or ""))
        if rec.get("status") != "ok":
            fh.write(f'<tr><td class="n">{idx}</td><td>{link}</td><td class="error">error</td>'
                     f'<td colspan="5" class="msg">{e(str(rec.get("error") or ""))}</td>'
                     f"<td>{title}</td></tr>")
            continue
        s = rec.get("summary") or {}
        c = s.get("counts") or {}
        cats = s.get("categories") or {}
        found = ", ".join(f"{k} {cats[k]}" for k in CATEGORIES if cats.get(k))
        verdict = str(s.get("verdict", ""))
        fh.write(f'<tr><td class="n">{idx}</td><td>{link}</td>'
                 f'<td class="{e(verdict)}">{e(verdict)}</td><td class="n">{e(str(s.get("score")))}'
                 f'</td><td class="n">{c.get("critical", 0)}</td><td class="n">{c.get("major", 0)}'
                 f'</td><td class="n">{c.get("minor", 0)}</td><td>{e(found)}</td>'
                 f"<td>{title}</td></tr>")
    sig = f'<div class="sig">{e(totals.signature)}</div>' if totals.signature else ""
    fh.write(f"</tbody></table>{sig}</body></html>\n")
