"""Persistent cache of back-translations (SQLite in the user cache folder).

An entry is keyed by the engine's *namespace* (engine, model identity, generation
options: everything that changes the output) and the exact sentence text, so a
changed model or option can never return a stale translation. Values hold the English
text and its attributions.

Each row carries a checksum of its own content (#15): a row edited by hand, or damaged by
a flipped byte, is treated as a miss (the sentence is back-translated again and the row
rewritten), never served; likewise a memoised model-file hash that fails its checksum is
recomputed, so that a damaged cache cannot put a wrong model hash into the signature.

The cache is a convenience: when the database is corrupt, locked by another process
for too long, or its folder is not writable, the problem is logged once as a warning
and the cache is bypassed for the rest of the run; back-translation carries on. Both
conditions are also :attr:`BackTranslationCache.notes`, which the engine passes on to the
report header (#17: a log line alone never reached the report).
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from ..paths import CACHE_DIR_ENV, default_cache_dir  # noqa: F401  (CACHE_DIR_ENV: API)
from ..types import Attribution, BackTranslation

log = logging.getLogger(__name__)

#: File name of the database inside the cache folder.
CACHE_FILE = "backtranslations.sqlite3"
#: Bumped when the table layout changes; older databases are then ignored and rebuilt
#: (every entry a miss). 2: a checksum per row (#15).
SCHEMA_VERSION = 2
#: Seconds to wait for another process's write lock before bypassing the cache. Short,
#: because a back-translation run must never hang on a cache.
LOCK_TIMEOUT_S = 2.0
#: Keys per ``SELECT … IN (…)``; well under SQLite's historic 999-variable limit.
_CHUNK = 500


def entry_key(namespace: str, text: str) -> str:
    """Key of one entry: a hash of the namespace and the exact text.

    The namespace is length-prefixed, so no (namespace, text) pair can collide with
    another whatever characters either holds.
    """
    return hashlib.sha256(f"{len(namespace)}:{namespace}{text}".encode()).hexdigest()


def row_checksum(*fields: str) -> str:
    """Checksum of a row's fields (length-prefixed, so that no two rows share one by
    moving characters from one field to the next)."""
    h = hashlib.blake2b(digest_size=16)
    for f in fields:
        data = f.encode("utf-8", "surrogatepass")
        h.update(f"{len(data)}:".encode())
        h.update(data)
    return h.hexdigest()


def _encode_attributions(attrs: Sequence[Attribution]) -> str:
    return json.dumps([[a.en_start, a.en_end, a.ja_start, a.ja_end] for a in attrs])


def _decode_attributions(data: str) -> tuple[Attribution, ...]:
    return tuple(Attribution(*map(int, row)) for row in json.loads(data))


class BackTranslationCache:
    """SQLite-backed store of back-translations and of memoised model-file hashes.

    The database is opened on first use. After the first error every method is a
    no-op (lookups miss, writes are dropped) and :attr:`problem` says why.
    """

    def __init__(self, folder: Path | str | None = None, timeout: float | None = None) -> None:
        """Create a cache handle.

        Args:
            folder: cache folder (created when missing); ``default_cache_dir()`` if None.
            timeout: seconds to wait for a lock (``LOCK_TIMEOUT_S`` if None).
        """
        self.folder = Path(folder).expanduser() if folder is not None else default_cache_dir()
        self.path = self.folder / CACHE_FILE
        self.timeout = LOCK_TIMEOUT_S if timeout is None else timeout
        self.problem: str | None = None
        #: Rows found damaged (checksum mismatch) and treated as misses, this handle.
        self.damaged = 0
        self._conn: sqlite3.Connection | None = None

    @property
    def usable(self) -> bool:
        return self.problem is None

    @property
    def notes(self) -> tuple[str, ...]:
        """What a report should say about this cache: why it was bypassed, and how many
        damaged entries were recomputed (empty when neither happened)."""
        out: tuple[str, ...] = (self.problem,) if self.problem is not None else ()
        if self.damaged:
            out += (
                f"back-translation cache {self.path}: {self.damaged} damaged entry(ies) "
                "(checksum mismatch) recomputed, not served",
            )
        return out

    def _fail(self, action: str, err: BaseException) -> None:
        self.problem = f"back-translation cache {self.path} bypassed: cannot {action} ({err})"
        log.warning("%s; delete the file or pass --no-cache / --cache-dir", self.problem)
        if self._conn is not None:
            try:
                self._conn.close()
            except sqlite3.Error:
                pass
            self._conn = None

    def _connect(self) -> sqlite3.Connection | None:
        if self.problem is not None:
            return None
        if self._conn is not None:
            return self._conn
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=self.timeout, isolation_level=None)
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version != SCHEMA_VERSION:
                with conn:
                    conn.execute("BEGIN IMMEDIATE")
                    conn.execute("DROP TABLE IF EXISTS bt")
                    conn.execute("DROP TABLE IF EXISTS file_hashes")
                    conn.execute(
                        "CREATE TABLE bt (key TEXT PRIMARY KEY, text TEXT NOT NULL, "
                        "attributions TEXT NOT NULL, checksum TEXT NOT NULL)"
                    )
                    conn.execute(
                        "CREATE TABLE file_hashes (path TEXT PRIMARY KEY, stat TEXT NOT NULL, "
                        "sha256 TEXT NOT NULL, checksum TEXT NOT NULL)"
                    )
                    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except (sqlite3.Error, OSError) as err:
            self._fail("open it", err)
            return None
        self._conn = conn
        return conn

    def get_many(self, namespace: str, texts: Iterable[str]) -> dict[str, BackTranslation]:
        """Cached back-translations of ``texts`` under ``namespace`` (hits only)."""
        keys = {entry_key(namespace, t): t for t in texts}
        conn = self._connect()
        if conn is None or not keys:
            return {}
        found: dict[str, BackTranslation] = {}
        key_list = list(keys)
        try:
            for k in range(0, len(key_list), _CHUNK):
                chunk = key_list[k : k + _CHUNK]
                marks = ",".join("?" * len(chunk))
                rows = conn.execute(
                    f"SELECT key, text, attributions, checksum FROM bt WHERE key IN ({marks})",
                    chunk,
                ).fetchall()
                for key, text, attrs, checksum in rows:
                    if checksum != row_checksum(key, text, attrs):
                        self._damaged()
                        continue  # a miss: back-translated again, and the row rewritten
                    found[keys[key]] = BackTranslation(text, _decode_attributions(attrs))
        except (sqlite3.Error, ValueError, TypeError) as err:
            # ValueError/TypeError: a row that does not decode (damaged content).
            self._fail("read it", err)
            return {}
        return found

    def put_many(self, namespace: str, items: Mapping[str, BackTranslation]) -> None:
        """Store back-translations of texts under ``namespace`` (one transaction)."""
        conn = self._connect()
        if conn is None or not items:
            return
        rows = []
        for t, bt in items.items():
            key, attrs = entry_key(namespace, t), _encode_attributions(bt.attributions)
            rows.append((key, bt.text, attrs, row_checksum(key, bt.text, attrs)))
        try:
            with conn:
                conn.execute("BEGIN IMMEDIATE")
                conn.executemany("INSERT OR REPLACE INTO bt VALUES (?, ?, ?, ?)", rows)
        except sqlite3.Error as err:
            self._fail("write it", err)

    def file_hash(self, path: Path) -> str:
        """SHA-256 of a file, memoised by its size, inode and modification times.

        Model weights are hundreds of MB; hashing them on every run would cost more
        than a cached back-translation run itself. The memo is keyed like ``git``'s
        index (stat data), so rewriting the file invalidates it.
        """
        st = path.stat()
        stat = f"{st.st_size}:{st.st_ino}:{st.st_mtime_ns}:{st.st_ctime_ns}"
        key = str(path.resolve())
        conn = self._connect()
        if conn is not None:
            try:
                row = conn.execute(
                    "SELECT sha256, checksum FROM file_hashes WHERE path = ? AND stat = ?",
                    (key, stat),
                ).fetchone()
            except sqlite3.Error as err:
                self._fail("read it", err)
                row = None
            if row is not None and row[1] == row_checksum(key, stat, str(row[0])):
                return str(row[0])
            if row is not None:
                self._damaged()  # recomputed below: a damaged memo never names the model
        digest = sha256_file(path)
        conn = self._connect()
        if conn is not None:
            try:
                with conn:
                    conn.execute("BEGIN IMMEDIATE")
                    conn.execute(
                        "INSERT OR REPLACE INTO file_hashes VALUES (?, ?, ?, ?)",
                        (key, stat, digest, row_checksum(key, stat, digest)),
                    )
            except sqlite3.Error as err:
                self._fail("write it", err)
        return digest

    def _damaged(self) -> None:
        self.damaged += 1
        if self.damaged == 1:
            log.warning("back-translation cache %s: an entry failed its checksum (edited or "
                        "damaged); such entries are recomputed, not served", self.path)

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def sha256_file(path: Path, block: int = 1 << 20) -> str:
    """Hex SHA-256 of a file's bytes, read in blocks."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(block):
            h.update(chunk)
    return h.hexdigest()
