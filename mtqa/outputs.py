"""Output folder of a feed run: ``report.jsonl`` written as items finish, and
``summary.csv``, ``index.html``, ``pages/*.html`` and ``junit.xml`` derived from it.

Crash safety (issue #9, "nothing lost"):

* ``report.jsonl`` is the journal. Each record is appended as one line and fsynced
  before the next item is written, so a finished item survives SIGKILL or power loss.
  A kill in the middle of a write leaves at most one torn last line; :meth:`FeedOutputs.open`
  detects it (no final newline, or not JSON) and drops it so ``--resume`` redoes that item.
* An article's page is written (atomically) *before* its journal line, so every
  journalled item has its page.
* ``summary.csv``, ``index.html`` and ``junit.xml`` are regenerated from the journal
  at the end of every run (also an interrupted one), each written to a temporary file
  in the folder, fsynced and renamed over the old one: readers see a whole old file
  or a whole new one.
* A lock file keeps two runs from writing into one folder at once.

Everything is streamed from the journal; nothing here holds the reports of a feed.
"""

from __future__ import annotations

import contextlib
import html
import json
import logging
import os
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from . import junit
from .atomic_files import atomic_writer
from .errors import InputError, MtqaError
from .feed_report import SUMMARY_COLUMNS
from .types import CATEGORIES

log = logging.getLogger(__name__)

REPORT_JSONL = "report.jsonl"
SUMMARY_CSV = "summary.csv"
INDEX_HTML = "index.html"
JUNIT_XML = "junit.xml"
PAGES_DIR = "pages"
#: What the run was started with (input and configuration), checked by ``--resume``.
STATE_FILE = ".mtqa-feed.json"
LOCK_FILE = ".mtqa-feed.lock"
#: Characters of an id kept in its page's file name (the index prefix keeps it unique).
MAX_PAGE_NAME = 60
_PAGE_RE = re.compile(r"^\d{5,}-[\w.-]*\.html$", re.ASCII)


def page_name(index: int, item_id: str) -> str:
    """File name of an article's page: input position (unique, sortable) + readable id."""
    safe = re.sub(r"[^\w.-]+", "_", item_id, flags=re.ASCII).strip("._")[:MAX_PAGE_NAME]
    return f"{index:05d}-{safe or 'item'}.html"


def iter_journal(path: Path) -> Iterator[dict[str, Any]]:
    """Records of a ``report.jsonl``, one by one (complete, valid lines only)."""
    if not path.exists():
        return
    with path.open("rb") as fh:
        for raw in fh:  # binary: only b"\n" ends a line (not U+2028 inside strings)
            rec = _parse_line(raw)
            if rec is not None:
                yield rec


def _parse_line(raw: bytes) -> dict[str, Any] | None:
    if not raw.endswith(b"\n"):
        return None  # torn: the writer died before the newline
    try:
        rec = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return None
    if not isinstance(rec, dict) or not isinstance(rec.get("index"), int) or "id" not in rec:
        return None
    return rec


@dataclass
class Totals:
    """Counts over a journal."""

    items: int = 0
    passed: int = 0
    failed: int = 0
    errors: int = 0
    signature: str | None = None
    junit: junit.JUnitStats = field(default_factory=junit.JUnitStats)

    def add(self, rec: Mapping[str, Any]) -> None:
        self.items += 1
        self.junit.add(rec)
        if rec.get("status") != "ok":
            self.errors += 1
        elif (rec.get("summary") or {}).get("verdict") == "pass":
            self.passed += 1
        else:
            self.failed += 1
        if self.signature is None and rec.get("signature"):
            self.signature = str(rec["signature"])

    @property
    def all_passed(self) -> bool:
        return self.failed == 0 and self.errors == 0


def summary_row(rec: Mapping[str, Any]) -> dict[str, Any]:
    """One row of ``summary.csv`` (columns :data:`mtqa.feed_report.SUMMARY_COLUMNS`)."""
    row: dict[str, Any] = {c: None for c in SUMMARY_COLUMNS}
    row["id"] = rec.get("id")
    row["status"] = rec.get("status")
    row["error"] = rec.get("error")
    summary = rec.get("summary")
    if rec.get("status") == "ok" and isinstance(summary, Mapping):
        row["score"] = summary.get("score")
        row["verdict"] = summary.get("verdict")
        row.update({k: v for k, v in (summary.get("counts") or {}).items() if k in row})
        row.update({k: v for k, v in (summary.get("categories") or {}).items() if k in row})
    return row


class FeedOutputs:
    """The output folder of one feed run.

    Args:
        out_dir: folder (created if missing; its parent must exist).
        pages: write one HTML page per article.
    """

    def __init__(self, out_dir: str | os.PathLike[str], pages: bool = True) -> None:
        self.dir = Path(out_dir)
        self.pages = pages
        self.journal = self.dir / REPORT_JSONL
        self._fh: IO[bytes] | None = None
        self._lock: IO[bytes] | None = None

    # --- start ------------------------------------------------------------------------------
    def open(self, resume: bool, state: Mapping[str, Any]) -> dict[int, str]:
        """Prepare the folder and return the items already done, ``{index: id}``.

        Args:
            resume: keep the journal of an earlier run (whose ``state`` must match) and
                skip its items; otherwise start a new journal.
            state: what identifies this run (input and configuration).

        Raises:
            MtqaError: folder not writable, locked by another run, or ``--resume`` with
                a different input or configuration.
        """
        parent = self.dir.parent if str(self.dir.parent) else Path(".")
        if not parent.is_dir():
            raise InputError(f"{self.dir}: parent folder {parent} does not exist")
        if self.dir.exists() and not self.dir.is_dir():
            raise InputError(f"{self.dir}: exists and is not a folder; give an output folder")
        try:
            self.dir.mkdir(exist_ok=True)
            if self.pages:
                (self.dir / PAGES_DIR).mkdir(exist_ok=True)
        except OSError as err:
            raise InputError(f"{self.dir}: cannot create output folder ({err.strerror})") from err
        if not os.access(self.dir, os.W_OK):
            raise InputError(f"{self.dir}: output folder is not writable")
        state_path = self.dir / STATE_FILE
        if not state_path.exists():
            foreign = [n for n in (REPORT_JSONL, SUMMARY_CSV, INDEX_HTML, JUNIT_XML)
                       if (self.dir / n).exists()]
            if foreign:  # never overwrite files this tool did not write
                raise InputError(
                    f"{self.dir}: holds {', '.join(foreign)} not written by mtqa feed; "
                    "give a new or empty output folder"
                )
        self._take_lock()
        done: dict[int, str] = {}
        if resume and self.journal.exists():
            old = self._read_state(state_path)
            if old is not None and dict(old) != json.loads(json.dumps(dict(state))):
                diff = sorted(k for k in set(old) | set(state) if old.get(k) != state.get(k))
                raise MtqaError(
                    f"{self.dir}: --resume with a different {', '.join(diff)} than the "
                    "interrupted run; rerun with the same options, or without --resume"
                )
            done = self._recover()
        else:
            self._clear()
        with atomic_writer(state_path) as fh:
            json.dump(dict(state), fh, ensure_ascii=False, indent=1)
        try:
            self._fh = self.journal.open("ab")
        except OSError as err:
            raise InputError(f"{self.journal}: cannot write ({err.strerror})") from err
        return done

    def _take_lock(self) -> None:
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows: no advisory lock
            return
        fh = (self.dir / LOCK_FILE).open("ab")
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as err:
            fh.close()
            raise InputError(
                f"{self.dir}: another mtqa feed run is writing to this folder; wait for it or "
                "use another --out"
            ) from err
        self._lock = fh

    @staticmethod
    def _read_state(path: Path) -> dict[str, Any] | None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) else None

    def _clear(self) -> None:
        """A new run: empty journal, no stale pages or derived files."""
        for name in (REPORT_JSONL, SUMMARY_CSV, INDEX_HTML, JUNIT_XML):
            with contextlib.suppress(FileNotFoundError):
                (self.dir / name).unlink()
        pages = self.dir / PAGES_DIR
        if pages.is_dir():
            for p in pages.iterdir():
                if _PAGE_RE.match(p.name):  # only files this tool wrote
                    with contextlib.suppress(OSError):
                        p.unlink()

    def _recover(self) -> dict[int, str]:
        """Done items of the journal; torn or invalid lines (and later duplicates) are
        dropped by rewriting the journal atomically."""
        done: dict[int, str] = {}
        dropped = 0
        with self.journal.open("rb") as fh:
            for raw in fh:
                rec = _parse_line(raw)
                if rec is None or rec["index"] in done:
                    dropped += 1
                    continue
                done[rec["index"]] = str(rec["id"])
        if dropped:
            log.warning("%s: dropped %d incomplete line(s) from an interrupted run; "
                        "those items are checked again", self.journal, dropped)
            seen: set[int] = set()
            with atomic_writer(self.journal, "wb") as out, self.journal.open("rb") as fh:
                for raw in fh:
                    rec = _parse_line(raw)
                    if rec is not None and rec["index"] not in seen:
                        seen.add(rec["index"])
                        out.write(raw)
        return done

    # --- per item ---------------------------------------------------------------------------
    def write(self, record: dict[str, Any], page_html: str | None) -> None:
        """Write an item's page (if any), then append its record to the journal, durably."""
        if self._fh is None:
            raise MtqaError("FeedOutputs.write before open")
        if page_html is not None and self.pages:
            name = page_name(int(record["index"]), str(record["id"]))
            with atomic_writer(self.dir / PAGES_DIR / name) as fh:
                fh.write(page_html)
            record["page"] = f"{PAGES_DIR}/{name}"
        line = json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"
        self._fh.write(line.encode("utf-8"))
        self._fh.flush()
        os.fsync(self._fh.fileno())

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None
        if self._lock is not None:
            self._lock.close()  # closing the descriptor releases the flock
            self._lock = None

    # --- end --------------------------------------------------------------------------------
    def finalize(self, on_record: Callable[[dict[str, Any]], None] | None = None) -> Totals:
        """Order the journal by input position, then regenerate ``summary.csv``,
        ``index.html`` and ``junit.xml`` from it.

        Args:
            on_record: called with each record in order (e.g. to print annotations).
        """
        if self._fh is not None:
            self._fh.close()
            self._fh = None
        _sort_journal(self.journal)
        totals = Totals()
        rows = []
        for rec in iter_journal(self.journal):
            totals.add(rec)
            rows.append(summary_row(rec))  # small: ids and counts, not reports
            if on_record is not None:
                on_record(rec)
        self._write_summary(rows)
        del rows
        with atomic_writer(self.dir / JUNIT_XML) as fh:
            fh.write(junit.header(totals.junit, totals.signature))
            for rec in iter_journal(self.journal):
                fh.write(junit.testcase(rec))
            fh.write(junit.FOOTER)
        with atomic_writer(self.dir / INDEX_HTML) as fh:
            write_index(fh, iter_journal(self.journal), totals)
        return totals

    def _write_summary(self, rows: list[dict[str, Any]]) -> None:
        import pandas as pd

        df = pd.DataFrame(rows, columns=list(SUMMARY_COLUMNS))
        for col in ("critical", "major", "minor", "info", *CATEGORIES):
            df[col] = df[col].astype("Int64")  # counts stay whole numbers beside error rows
        df["score"] = df["score"].astype("Float64")
        with atomic_writer(self.dir / SUMMARY_CSV) as fh:
            df.to_csv(fh, index=False, lineterminator="\n")


def _sort_journal(path: Path) -> None:
    """Rewrite the journal in input order when a resumed run appended out of order.

    Only (index, offset, length) triples are held; lines are copied by seeking.
    """
    if not path.exists():
        return
    spans: list[tuple[int, int, int]] = []
    offset = 0
    ordered = True
    with path.open("rb") as fh:
        for raw in fh:
            rec = _parse_line(raw)
            if rec is not None:
                if spans and rec["index"] < spans[-1][0]:
                    ordered = False
                spans.append((rec["index"], offset, len(raw)))
            offset += len(raw)
    if ordered:
        return
    spans.sort()
    with atomic_writer(path, "wb") as out, path.open("rb") as fh:
        for _, off, length in spans:
            fh.seek(off)
            out.write(fh.read(length))


_INDEX_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans CJK JP",sans-serif;font-size:14px;
color:#1d1d1f;margin:16px}
table{border-collapse:collapse}
td,th{border-bottom:1px solid #e5e5e5;padding:4px 8px;text-align:left}
th{background:#f5f5f7;position:sticky;top:0}
.pass{color:#2e7d32;font-weight:600}.fail{color:#c62828;font-weight:600}
.error{color:#8a5a00;font-weight:600}.n{text-align:right}.msg{color:#555;max-width:50em}
.sig{font-family:ui-monospace,monospace;font-size:11px;color:#777;margin-top:8px;
word-break:break-all}
"""


def write_index(fh: IO[str], records: Iterator[dict[str, Any]], totals: Totals) -> None:
    """``index.html``: the totals and one row per article, linking its page."""
    e = html.escape
    fh.write('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
             f"<title>mtqa feed report</title><style>{_INDEX_CSS}</style></head><body>"
             f"<h1>mtqa feed report</h1><p>{totals.items} articles: "
             f'<span class="pass">{totals.passed} passed</span>, '
             f'<span class="fail">{totals.failed} failed</span>, '
             f'<span class="error">{totals.errors} not checked</span></p>'
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
