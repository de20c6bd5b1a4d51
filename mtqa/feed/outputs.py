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
* What mtqa wrote is tracked, so that nothing else is ever touched (#15): the journal's
  records name their pages, and ``.mtqa-feed-pages`` lists every page *before* it is
  created (a kill between a page and its journal line leaves no page unaccounted for). A
  new run removes only those pages; a folder holding files named like mtqa's outputs but
  not written by it is refused. Temporary files of an interrupted atomic write
  (``.summary.csv.k3x_9a0b.tmp``) are removed when a run starts.
* ``--resume`` re-checks an article whose texts (or metadata) changed since its record
  was written: each record keeps ``input_sha256``, a hash of what was checked (#15); a
  record written again supersedes the earlier one (the last line for an index wins).
* A cell of ``summary.csv`` that a spreadsheet would take for a formula (it begins with
  ``=``, ``+``, ``-``, ``@``, a tab or a carriage return; ids come from feed guids) is
  prefixed with ``'``, as OWASP recommends against CSV injection (#15).
* A write that fails (disk full, I/O error) raises :class:`~mtqa.errors.OutputError`.

Everything is streamed from the journal; nothing here holds the reports of a feed.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, NamedTuple

from . import junit
from ..atomic_files import atomic_writer, temp_target
from ..report.csv_cells import csv_safe
from ..errors import InputError, MtqaError, OutputError
from ..report.feed import SUMMARY_COLUMNS, summary_row
from ..report.feed_index import write_index
from ..types import CATEGORIES

log = logging.getLogger(__name__)

REPORT_JSONL = "report.jsonl"
SUMMARY_CSV = "summary.csv"
INDEX_HTML = "index.html"
JUNIT_XML = "junit.xml"
PAGES_DIR = "pages"
#: What the run was started with (input and configuration), checked by ``--resume``.
STATE_FILE = ".mtqa-feed.json"
LOCK_FILE = ".mtqa-feed.lock"
#: Every page this tool created in the folder, one ``pages/<name>`` a line, appended
#: (and synced) before the page is written.
PAGES_LEDGER = ".mtqa-feed-pages"
#: Top-level files of the folder that only this tool writes.
OUTPUT_FILES = (REPORT_JSONL, SUMMARY_CSV, INDEX_HTML, JUNIT_XML)
#: Characters of an id kept in its page's file name (the index prefix keeps it unique).
MAX_PAGE_NAME = 60
_PAGE_RE = re.compile(r"^\d{5,}-[\w.-]*\.html$", re.ASCII)


def page_name(index: int, item_id: str) -> str:
    """File name of an article's page: input position (unique, sortable) + readable id."""
    safe = re.sub(r"[^\w.-]+", "_", item_id, flags=re.ASCII).strip("._")[:MAX_PAGE_NAME]
    return f"{index:05d}-{safe or 'item'}.html"


class Done(NamedTuple):
    """An item already in the journal: its id and the hash of the input it was checked
    from (``None`` in records of older versions, which are then checked again)."""

    id: str
    digest: str | None


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
        self.ledger = self.dir / PAGES_LEDGER
        self._fh: IO[bytes] | None = None
        self._ledger_fh: IO[bytes] | None = None
        self._lock: IO[bytes] | None = None
        #: Pages this tool wrote in the folder (``pages/<name>``), from ledger and journal.
        self._owned: set[str] = set()

    # --- start ------------------------------------------------------------------------------
    def open(self, resume: bool, state: Mapping[str, Any]) -> dict[int, Done]:
        """Prepare the folder and return the items already done, ``{index: Done}``.

        Args:
            resume: keep the journal of an earlier run (whose ``state`` must match) and
                skip its items; otherwise start a new journal.
            state: what identifies this run (input and configuration).

        Raises:
            MtqaError: folder not writable, locked by another run, holding files that
                mtqa did not write, or ``--resume`` with a different input or configuration.
            OutputError: the folder cannot be written (disk full, I/O error).
        """
        self._make_folder()
        state_path = self.dir / STATE_FILE
        ours = state_path.exists()
        if not ours:
            foreign = [n for n in OUTPUT_FILES if (self.dir / n).exists()]
            if foreign:  # never overwrite files this tool did not write
                raise InputError(
                    f"{self.dir}: holds {', '.join(foreign)} not written by mtqa feed; "
                    "give a new or empty output folder"
                )
        self._take_lock()
        try:
            return self._start(resume, state, state_path, ours)
        except BaseException:
            self.close()
            raise

    def _make_folder(self) -> None:
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

    def _start(self, resume: bool, state: Mapping[str, Any], state_path: Path,
               ours: bool) -> dict[int, Done]:
        """The part of :meth:`open` done under the lock."""
        self._remove_temporaries()
        self._owned = self._owned_pages() if ours else set()
        self._refuse_foreign_pages()
        done: dict[int, Done] = {}
        if resume and self.journal.exists():
            old = self._read_state(state_path)
            if old is None:  # damaged: the options of the run cannot be compared
                raise MtqaError(
                    f"{state_path}: unreadable, so whether the interrupted run had the same "
                    "inputs and options cannot be told; rerun without --resume")
            if dict(old) != json.loads(json.dumps(dict(state))):
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
            self._ledger_fh = self.ledger.open("ab")
        except OSError as err:
            raise OutputError(f"{self.dir}: cannot write the journal ({err.strerror})") from err
        return done

    def _take_lock(self) -> None:
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows: no advisory lock
            return
        try:
            fh = (self.dir / LOCK_FILE).open("ab")
        except OSError as err:
            raise OutputError(f"{self.dir}: cannot write ({err.strerror})") from err
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

    def _remove_temporaries(self) -> None:
        """Remove what an atomic write killed half-way left: temporary files named after
        this tool's own outputs (``.summary.csv.k3x_9a0b.tmp``), nothing else (#15)."""
        top = {*OUTPUT_FILES, STATE_FILE}
        for folder, is_ours in ((self.dir, top.__contains__),
                                (self.dir / PAGES_DIR, lambda n: bool(_PAGE_RE.match(n)))):
            try:
                names = os.listdir(folder)
            except OSError:
                continue
            for name in names:
                target = temp_target(name)
                if target is not None and is_ours(target):
                    with contextlib.suppress(OSError):
                        (folder / name).unlink()

    def _owned_pages(self) -> set[str]:
        """Pages listed in the ledger or named by a journal record (a folder written by
        an older version has no ledger; its journal names every page it kept)."""
        owned: set[str] = set()
        with contextlib.suppress(OSError):
            with self.ledger.open("rb") as fh:
                for raw in fh:
                    name = raw.decode("utf-8", "replace").rstrip("\n")
                    if raw.endswith(b"\n") and _is_page_path(name):
                        owned.add(name)
        for rec in iter_journal(self.journal):
            if isinstance(rec.get("page"), str) and _is_page_path(rec["page"]):
                owned.add(rec["page"])
        return owned

    def _refuse_foreign_pages(self) -> None:
        """A page-like file this tool did not write would be overwritten by a page of the
        same name: refuse the folder instead (a newsroom's own pages/00001-intro.html)."""
        try:
            names = sorted(os.listdir(self.dir / PAGES_DIR))
        except OSError:
            return
        foreign = [n for n in names if _PAGE_RE.match(n) and f"{PAGES_DIR}/{n}" not in self._owned]
        if foreign:
            more = f" and {len(foreign) - 1} more" if len(foreign) > 1 else ""
            raise InputError(
                f"{self.dir}: holds {PAGES_DIR}/{foreign[0]}{more} not written by mtqa feed; "
                "move them away or give a new output folder"
            )

    def _clear(self) -> None:
        """A new run: empty journal, no stale pages or derived files; only what this
        tool wrote is removed."""
        for name in OUTPUT_FILES:
            path = self.dir / name
            if path.is_symlink():
                # a link the user set up (summary.csv -> a shared folder) is kept and
                # written through (#16); only the journal must start empty now
                if name == REPORT_JSONL:
                    path.open("wb").close()
                continue
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
        for page in sorted(self._owned):
            with contextlib.suppress(FileNotFoundError):
                (self.dir / page).unlink()
        self._owned = set()
        with atomic_writer(self.ledger, "wb"):
            pass

    def _recover(self) -> dict[int, Done]:
        """Done items of the journal (the last record of an index wins: ``--resume``
        appends a changed article's new record); torn or invalid lines are dropped by
        rewriting the journal atomically."""
        done: dict[int, Done] = {}
        dropped = 0
        with self.journal.open("rb") as fh:
            for raw in fh:
                rec = _parse_line(raw)
                if rec is None:
                    dropped += 1
                    continue
                digest = rec.get("input_sha256")
                done[rec["index"]] = Done(str(rec["id"]),
                                          digest if isinstance(digest, str) else None)
        if dropped:
            log.warning("%s: dropped %d incomplete line(s) from an interrupted run; "
                        "those items are checked again", self.journal, dropped)
            with atomic_writer(self.journal, "wb") as out, self.journal.open("rb") as fh:
                for raw in fh:
                    if _parse_line(raw) is not None:
                        out.write(raw)
        return done

    # --- per item ---------------------------------------------------------------------------
    def write(self, record: dict[str, Any], page_html: str | None) -> None:
        """Write an item's page (if any), then append its record to the journal, durably.

        Raises:
            OutputError: the disk is full or the folder cannot be written; what was
                journalled before stays valid.
        """
        if self._fh is None:
            raise MtqaError("FeedOutputs.write before open")
        try:
            if page_html is not None and self.pages:
                page = f"{PAGES_DIR}/{page_name(int(record['index']), str(record['id']))}"
                if page not in self._owned:
                    self._note_page(page)
                with atomic_writer(self.dir / page) as fh:
                    fh.write(page_html)
                record["page"] = page
            line = json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"
            self._fh.write(line.encode("utf-8"))
            self._fh.flush()
            os.fsync(self._fh.fileno())
        except OSError as err:
            raise OutputError(f"{self.journal}: cannot write ({err.strerror})") from err

    def _note_page(self, page: str) -> None:
        """Record in the ledger, durably, that this tool is about to create ``page``."""
        assert self._ledger_fh is not None
        self._ledger_fh.write(page.encode("utf-8") + b"\n")
        self._ledger_fh.flush()
        os.fsync(self._ledger_fh.fileno())
        self._owned.add(page)

    def close(self) -> None:
        for name in ("_fh", "_ledger_fh"):
            fh = getattr(self, name)
            if fh is not None:
                with contextlib.suppress(OSError):  # a failed flush on a full disk
                    fh.close()
                setattr(self, name, None)
        if self._lock is not None:
            self._lock.close()  # closing the descriptor releases the flock
            self._lock = None

    # --- end --------------------------------------------------------------------------------
    def finalize(self, on_record: Callable[[dict[str, Any]], None] | None = None,
                 items: int | None = None) -> Totals:
        """Order the journal by input position (one record an index, the last written),
        then regenerate ``summary.csv``, ``index.html`` and ``junit.xml`` from it.

        Args:
            on_record: called with each record in order (e.g. to print annotations).
            items: the number of items in the input, when it was read to the end:
                records of positions beyond it (an input that shrank before
                ``--resume``) are dropped, with their pages.

        Raises:
            OutputError: a file cannot be written (disk full, I/O error).
        """
        if self._fh is not None:
            self._fh.close()
            self._fh = None
        try:
            return self._finalize(on_record, items)
        except OSError as err:
            raise OutputError(f"{self.dir}: cannot write the outputs ({err.strerror})") from err

    def _finalize(self, on_record: Callable[[dict[str, Any]], None] | None,
                  items: int | None) -> Totals:
        _sort_journal(self.journal, items)
        totals = Totals()
        rows = []
        linked: set[str] = set()
        for rec in iter_journal(self.journal):
            totals.add(rec)
            rows.append(summary_row(rec))  # small: ids and counts, not reports
            if isinstance(rec.get("page"), str):
                linked.add(rec["page"])
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
            write_index(fh, iter_worst_first(self.journal), totals)
        self._prune_pages(linked)
        return totals

    def _prune_pages(self, linked: set[str]) -> None:
        """Remove the pages this tool wrote that no record links any more (a record
        superseded on ``--resume``, a page whose journal line a kill cut off)."""
        stale = self._owned - linked
        if not stale and self.ledger.exists():
            return
        for page in sorted(stale):
            with contextlib.suppress(FileNotFoundError):
                (self.dir / page).unlink()
        if self._ledger_fh is not None:
            self._ledger_fh.close()
            self._ledger_fh = None
        self._owned &= linked
        with atomic_writer(self.ledger, "wb") as fh:
            fh.write("".join(f"{p}\n" for p in sorted(self._owned)).encode("utf-8"))

    def _write_summary(self, rows: list[dict[str, Any]]) -> None:
        import pandas as pd

        df = pd.DataFrame(rows, columns=list(SUMMARY_COLUMNS))
        for col in ("critical", "major", "minor", "info", *CATEGORIES):
            df[col] = df[col].astype("Int64")  # counts stay whole numbers beside error rows
        df["score"] = df["score"].astype("Float64")
        for col in df.columns:
            if not pd.api.types.is_numeric_dtype(df[col]):
                df[col] = df[col].map(csv_safe)  # ids, statuses, messages: no formulas (#15)
        with atomic_writer(self.dir / SUMMARY_CSV) as fh:
            df.to_csv(fh, index=False, lineterminator="\n")


def _is_page_path(name: str) -> bool:
    head, _, tail = name.partition("/")
    return head == PAGES_DIR and bool(_PAGE_RE.match(tail))


def _journal_spans(path: Path) -> Iterator[tuple[dict[str, Any], int, int]]:
    """(record, offset, length) of each valid line of a journal."""
    offset = 0
    with path.open("rb") as fh:
        for raw in fh:
            rec = _parse_line(raw)
            if rec is not None:
                yield rec, offset, len(raw)
            offset += len(raw)


def _sort_journal(path: Path, items: int | None = None) -> None:
    """Rewrite the journal in input order, one record an index (the last one written),
    without records of positions ``>= items``, when it is not so already.

    Only (index, offset, length) triples are held; lines are copied by seeking.
    """
    if not path.exists():
        return
    last: dict[int, tuple[int, int]] = {}
    previous = -1
    clean = True
    for rec, off, length in _journal_spans(path):
        index = rec["index"]
        if index <= previous or (items is not None and index >= items):
            clean = False
        previous = max(previous, index)
        last[index] = (off, length)
    if clean:
        return
    with atomic_writer(path, "wb") as out, path.open("rb") as fh:
        for index in sorted(last):
            if items is not None and index >= items:
                continue
            off, length = last[index]
            fh.seek(off)
            out.write(fh.read(length))


def _worst_first_key(rec: Mapping[str, Any]) -> tuple[int, float, int]:
    """Articles that could not be checked, then those that failed the gate, then the
    rest; lowest score first within each; input order on ties (#16)."""
    summary = rec.get("summary") or {}
    if rec.get("status") != "ok":
        group = 0
    else:
        group = 2 if summary.get("verdict") == "pass" else 1
    score = summary.get("score")
    return group, float(score) if isinstance(score, (int, float)) else 0.0, int(rec["index"])


def iter_worst_first(path: Path) -> Iterator[dict[str, Any]]:
    """The records of a (sorted) journal, worst first (:func:`_worst_first_key`).

    Only a sort key and the line's place are held per record; lines are read back by
    seeking, so that the index of a large feed is written without holding its reports.
    """
    if not path.exists():
        return
    keyed = sorted((_worst_first_key(rec), off, length)
                   for rec, off, length in _journal_spans(path))
    with path.open("rb") as fh:
        for _, off, length in keyed:
            fh.seek(off)
            rec = _parse_line(fh.read(length))
            if rec is not None:
                yield rec
