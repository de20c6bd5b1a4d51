"""Feed inputs: the items of a feed run, read lazily one by one.

Three kinds of input give the same stream of :class:`FeedItem` records:

* a JSONL manifest, one object per article: ``id``, ``reference`` and ``translation``
  as text or as file paths relative to the manifest (``reference_path`` /
  ``translation_path``, or a one-line value ending in ``.txt``/``.html``), other keys
  (``url``, ``title``...) kept as metadata;
* a directory of ``<id>.en.txt`` / ``<id>.ja.txt`` pairs (``.html`` pages too);
* two RSS/Atom feeds, English and Japanese, whose entries are matched by an explicit
  mapping, by the Japanese entry's ``hreflang="en"`` alternate link, by link or by guid.

An item that cannot be used (invalid JSON line, missing field, path outside the
manifest folder, duplicate id, entry without a partner) is still an item: it carries
an ``error`` and the feed runner writes it with ``status: "error"``, so every input
item appears in the output exactly once. Only an input that cannot be read at all
(missing manifest, malformed or hostile XML, a manifest over :data:`MAX_INPUT_BYTES`)
raises :class:`~mtqa.errors.InputError`.

A manifest is read once, line by line, so that it may be a pipe (``-`` for stdin,
``/dev/stdin``, a shell's ``<(...)``): counting its lines first would use the pipe up (#15).

Texts given as files are read when the item is checked (in the worker), not when the
input is listed, so that memory does not grow with the size of the feed.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from pathlib import Path
from typing import IO, Any

from ..errors import InputError
from ..load import MAX_ARTICLE_BYTES, MAX_INPUT_BYTES, check_text, decode, read_text

#: Suffixes that make a one-line manifest value a file path rather than article text.
TEXT_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
#: A longer value is article text even if it ends in ".txt" (no sane path is this long).
MAX_PATH_CHARS = 1024
#: Manifest keys that hold the two texts, and their explicit file-path forms.
TEXT_KEYS = ("reference", "translation")
PATH_KEYS = {"reference": "reference_path", "translation": "translation_path"}
#: Metadata values kept per item are cut to this length (titles, URLs; not article text).
MAX_META_CHARS = 500
#: Directory inputs: language tags of the two sides in ``<id>.<lang>.<suffix>``.
DIR_LANGS = {"reference": "en", "translation": "ja"}
#: What to do about a folder without pairs (said when a run finds nothing to check).
DIRECTORY_HINT = "name the pairs e.g. story1.en.txt and story1.ja.txt"

# An entity declaration in a feed is refused before any XML parser sees the bytes:
# internal entities enable exponential expansion ("billion laughs") and external ones
# read local files or fetch URLs (XXE). News feeds have no use for either.
_ENTITY_DECL = re.compile(rb"<!ENTITY", re.IGNORECASE)
#: Comments and CDATA sections: "<!ENTITY" there is text (an article about XML), no
#: declaration, and an XML parser never reads it as one.
_XML_TEXT_BLOCKS = re.compile(rb"<!--.*?-->|<!\[CDATA\[.*?\]\]>", re.DOTALL)


@dataclass(frozen=True, slots=True)
class TextRef:
    """One side of an item: inline text or a file, plain text or HTML.

    Attributes:
        label: names the text in messages (``feed.jsonl:3 translation``).
        text: inline text, or ``None`` when the text is in ``path``.
        path: file holding the text.
        html: the text (or file) is HTML, to be reduced to its article text.
    """

    label: str
    text: str | None = None
    path: str | None = None
    html: bool = False


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One article of a feed, before it is loaded and checked.

    Attributes:
        index: position in the input (0-based); with ``id`` it identifies the item
            across ``--resume`` runs.
        id: the article id (as given; duplicates are error items).
        reference: English side, or ``None`` for an error item.
        translation: Japanese side, or ``None`` for an error item.
        error: why the item cannot be checked (``None`` when it can).
        meta: metadata from the input (url, title...), JSON-serialisable.
        source_file: file to point annotations at (the translation file, or the
            manifest for inline text).
        source_line: line in ``source_file`` (manifest line), or ``None``.
    """

    index: int
    id: str
    reference: TextRef | None = None
    translation: TextRef | None = None
    error: str | None = None
    meta: Mapping[str, Any] = field(default_factory=dict)
    source_file: str | None = None
    source_line: int | None = None

    @property
    def text_lines(self) -> bool:
        """True when finding lines can be counted in the translation file itself."""
        t = self.translation
        return t is not None and t.path is not None and not t.html and self.source_line is None


# --- HTML → text -------------------------------------------------------------------------

#: Elements whose content is never article text.
_SKIP_TAGS = frozenset(
    "script style noscript template svg iframe object embed nav form button select "
    "textarea head title".split()
)
#: Elements that end a paragraph (a blank line in the text).
_BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol blockquote section article header footer main "
    "figure figcaption table tr pre dl dt dd aside address hr".split()
)
_VOID_TAGS = frozenset("area base br col embed hr img input link meta source track wbr".split())


class _TextExtractor(HTMLParser):
    """Collects the text of an HTML page: the first ``<article>`` (else ``<main>``, else
    everything), paragraphs separated by blank lines, scripts and navigation dropped.

    ``html.parser`` neither fetches nor expands anything beyond the HTML named character
    references, so hostile markup can only yield text, which is escaped on output.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: dict[str, list[str]] = {"all": [], "article": [], "main": []}
        self._skip = 0
        self._open: dict[str, int] = {"article": 0, "main": 0}
        self._done: set[str] = set()

    def _emit(self, s: str) -> None:
        self.parts["all"].append(s)
        for k in ("article", "main"):
            if self._open[k] and k not in self._done:
                self.parts[k].append(s)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            if tag not in _VOID_TAGS:
                self._skip += 1
            return
        if tag in self._open and tag not in self._done:
            self._open[tag] += 1
        if tag == "br":
            self._emit("\n")
        elif tag in _BLOCK_TAGS:
            self._emit("\n\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self._emit("\n")
        elif tag in _BLOCK_TAGS:
            self._emit("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
            return
        if tag in _BLOCK_TAGS:
            self._emit("\n\n")
        if tag in self._open and self._open[tag] and tag not in self._done:
            self._open[tag] -= 1
            if not self._open[tag]:
                self._done.add(tag)  # only the first <article> / <main> is the article

    def handle_data(self, data: str) -> None:
        if not self._skip:
            # whitespace in HTML source is layout, not text
            self._emit(re.sub(r"[ \t\r\n\f]+", " ", data))


def html_to_text(markup: str) -> str:
    """Article text of an HTML page or fragment: paragraphs separated by blank lines.

    Args:
        markup: HTML source.

    Returns:
        The text of the first ``<article>`` element, else of ``<main>``, else of the
        whole page, without scripts, styles, navigation or forms.
    """
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    for key in ("article", "main", "all"):
        text = "".join(parser.parts[key])
        paras = []
        for para in re.split(r"\n[ ]*\n", text):
            lines = [" ".join(line.split()) for line in para.split("\n")]
            if any(lines):
                paras.append("\n".join(line for line in lines if line))
        if paras:
            return "\n\n".join(paras)
    return ""


def _is_html_name(name: str) -> bool:
    return name.lower().endswith(HTML_SUFFIXES)


# --- loading one item ----------------------------------------------------------------------


def load_text(ref: TextRef) -> str:
    """The text of one side of an item, validated for checking.

    Raises:
        InputError: missing, unreadable, undecodable or empty file or text.
    """
    if ref.path is not None:
        where = _where(ref)
        if ref.html:
            p = Path(ref.path)
            if not p.is_file():
                raise InputError(f"{where}: no such file")
            try:
                _check_html_size(p.stat().st_size, where)
                loaded = decode(p.read_bytes(), where)
            except OSError as err:
                raise InputError(f"{where}: cannot read ({err.strerror})") from err
            text = html_to_text(loaded.text)
            check_text(text, f"{where} (article text)")
            return text
        try:
            return read_text(ref.path).text
        except InputError as err:
            # read_text names the file by its absolute path: say it once, as given
            msg = str(err).removeprefix(f"{ref.path}: ")
            raise InputError(f"{where}: {msg}") from err
    text = ref.text or ""
    if ref.html:
        _check_html_size(len(text.encode("utf-8", "surrogatepass")), ref.label)
        text = html_to_text(text)
    check_text(text, ref.label)
    return text


def _where(ref: TextRef) -> str:
    """The label of a file-backed text, with the file named once (the label of a folder
    item already is the file's name; a manifest's is ``feed.jsonl:3 translation``)."""
    shown = display_path(ref.path) if ref.path is not None else ""
    if not shown or ref.label == shown or ref.label.endswith(f"/{Path(shown).name}"):
        return ref.label
    return f"{ref.label}: {shown}"


def _check_html_size(size: int, where: str) -> None:
    """Refuse HTML over the per-article limit before parsing it: markup is no reason to
    take twenty megabytes where a plain-text article may take 400 KB (#15)."""
    if size > MAX_ARTICLE_BYTES:
        raise InputError(
            f"{where}: {size:,} bytes of HTML is over the limit of {MAX_ARTICLE_BYTES:,} "
            "bytes per article (bounded time and memory: README 'Input and limits'); "
            "save the article alone, or its text"
        )


def load_item(item: FeedItem) -> tuple[str, str]:
    """(reference, translation) texts of an item.

    Raises:
        InputError: the item is an error item, or one of its texts cannot be used.
    """
    if item.error is not None:
        raise InputError(item.error)
    if item.reference is None or item.translation is None:
        raise InputError(f"{item.id}: item has no reference or translation")
    return load_text(item.reference), load_text(item.translation)


def text_digest(reference: str, translation: str, meta: Mapping[str, Any]) -> str:
    """SHA-256 of what an item's record is made from: its two texts and its metadata.

    ``--resume`` compares it with the one in the journal, so that an article whose texts
    changed since it was checked is checked again instead of keeping its old verdict
    (#15). Fields are length-prefixed, so no two inputs share a digest by moving
    characters from one to the next.
    """
    h = hashlib.sha256()
    meta_json = json.dumps(dict(meta), sort_keys=True, ensure_ascii=False)
    for part in (reference, translation, meta_json):
        data = part.encode("utf-8", "surrogatepass")
        h.update(b"%d:" % len(data))
        h.update(data)
    return h.hexdigest()


def error_digest(message: str, meta: Mapping[str, Any]) -> str:
    """The digest of an item that cannot be loaded: of the reason and the metadata (a
    fixed file gives another reason, or texts, and so another digest)."""
    return text_digest("\0error", message, meta)


def input_digest(item: FeedItem) -> str | None:
    """The digest a record of ``item`` would carry if it were checked now: of its texts
    when they load, else of why they do not; ``None`` when loading fails unexpectedly
    (the item is then checked again)."""
    try:
        reference, translation = load_item(item)
    except InputError as err:
        return error_digest(str(err), item.meta)
    except Exception:  # noqa: BLE001 - unexpected: checking again is the safe answer
        return None
    return text_digest(reference, translation, item.meta)


# --- manifests -----------------------------------------------------------------------------


def display_path(path: str | os.PathLike[str]) -> str:
    """``path`` relative to the working directory when inside it (what CI annotations
    and messages need), else absolute."""
    p = os.path.abspath(path)
    try:
        rel = os.path.relpath(p)
    except ValueError:  # another drive on Windows
        return p
    return p if rel.startswith("..") else rel


def _meta(obj: Mapping[str, Any], skip: Iterable[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    skipped = set(skip)
    for k, v in obj.items():
        if k in skipped:
            continue
        if isinstance(v, str):
            out[str(k)] = v[:MAX_META_CHARS]
        elif v is None or isinstance(v, (bool, int, float)):
            out[str(k)] = v
    return out


def _resolve_path(
    value: str, base: Path, label: str, allow_outside: bool
) -> tuple[str | None, str | None]:
    """(absolute path, None) or (None, error message) for a manifest path value."""
    p = Path(value)
    full = p if p.is_absolute() else base / p
    try:
        real = full.resolve()
    except (OSError, RuntimeError) as err:  # symlink loops
        return None, f"{label}: cannot resolve path {value!r} ({err})"
    if not allow_outside and not real.is_relative_to(base.resolve()):
        return None, (
            f"{label}: path {value!r} is outside the manifest's folder {base.resolve()}; "
            "move the file under that folder (or pass --allow-outside-paths)"
        )
    if not real.exists():
        return None, f"{label}: {display_path(full)}: no such file"
    if real.is_dir():
        return None, f"{label}: {display_path(full)}: is a directory; give a text file"
    return str(real), None


def _looks_like_path(value: str) -> bool:
    return (
        len(value) <= MAX_PATH_CHARS
        and "\n" not in value
        and value.strip() == value
        and value.lower().endswith(TEXT_SUFFIXES + HTML_SUFFIXES)
    )


def item_from_record(
    obj: Any,
    index: int,
    label: str,
    base: Path,
    allow_outside: bool = False,
    fallback_id: str | None = None,
    source_file: str | None = None,
    source_line: int | None = None,
) -> FeedItem:
    """Build a :class:`FeedItem` from one manifest object (never raises for bad content:
    problems become the item's ``error``).

    Args:
        obj: the decoded JSON value.
        index: position in the input.
        label: names the record in messages (``feed.jsonl:3``).
        base: folder that relative paths are relative to.
        allow_outside: accept paths that resolve outside ``base``.
        fallback_id: id used when the record has none.
        source_file: file for annotations of inline text.
        source_line: line for annotations of inline text.
    """
    fid = fallback_id or f"item-{index + 1}"

    def bad(msg: str, item_id: str = fid, meta: Mapping[str, Any] | None = None) -> FeedItem:
        return FeedItem(index, item_id, error=msg, meta=meta or {}, source_file=source_file,
                        source_line=source_line)

    if not isinstance(obj, Mapping):
        return bad(f"{label}: expected a JSON object, got {type(obj).__name__}")
    raw_id = obj.get("id")
    if raw_id is None or raw_id == "":
        return bad(f"{label}: missing field 'id'; give each article a unique id")
    if isinstance(raw_id, bool) or not isinstance(raw_id, (str, int)):
        return bad(f"{label}: 'id' must be a string, got {type(raw_id).__name__}")
    item_id = str(raw_id)
    meta = _meta(obj, (*TEXT_KEYS, *PATH_KEYS.values(), "id"))
    refs: dict[str, TextRef] = {}
    for key in TEXT_KEYS:
        side = f"{label} {key}"
        path_value = obj.get(PATH_KEYS[key])
        value = obj.get(key)
        if path_value is not None and value is not None:  # which one is the text? never guess
            return bad(f"{label}: both {key!r} and {PATH_KEYS[key]!r} given; keep one",
                       item_id, meta)
        if path_value is None and isinstance(value, Mapping) and "path" in value:
            path_value = value["path"]
        elif path_value is None and isinstance(value, str) and _looks_like_path(value):
            path_value = value
        if path_value is not None:
            if not isinstance(path_value, str) or not path_value.strip():
                return bad(f"{side}: path must be a non-empty string", item_id, meta)
            resolved, err = _resolve_path(path_value, base, side, allow_outside)
            if err is not None:
                return bad(err, item_id, meta)
            refs[key] = TextRef(side, path=resolved, html=_is_html_name(path_value))
        elif value is None:
            return bad(
                f"{label}: missing field {key!r}; give the text, or a file path "
                f"in {PATH_KEYS[key]!r}",
                item_id,
                meta,
            )
        elif not isinstance(value, str):
            return bad(f"{side}: must be text, got {type(value).__name__}", item_id, meta)
        else:
            refs[key] = TextRef(side, text=value)
    tr = refs["translation"]
    sfile: str | None
    sline: int | None
    if tr.path is not None:
        sfile, sline = display_path(tr.path), None
    else:
        sfile, sline = source_file, source_line
    return FeedItem(index, item_id, refs["reference"], tr, meta=meta, source_file=sfile,
                    source_line=sline)


def _open_input_file(path: Path, what: str) -> None:
    if not path.exists():
        raise InputError(f"{path}: no such {what}")
    if path.is_dir():
        raise InputError(f"{path}: is a directory; give a {what}")
    if not os.access(path, os.R_OK):
        raise InputError(f"{path}: permission denied; check the file's permissions")


def iter_manifest(path: str | os.PathLike[str], allow_outside: bool = False) -> Iterator[FeedItem]:
    """Items of a JSONL manifest file, one per non-blank line, read lazily.

    Raises:
        InputError: the manifest itself is missing, a directory, unreadable, or over
            :data:`MAX_INPUT_BYTES`.
    """
    p = Path(path)
    _open_input_file(p, "manifest file")
    name = display_path(p)
    check_manifest_size(p, name)
    try:
        fh = p.open("rb")
    except OSError as err:
        raise InputError(f"{name}: cannot read ({err.strerror})") from err
    with fh:
        yield from iter_manifest_stream(fh, name, p.resolve().parent, allow_outside)


def check_manifest_size(path: Path, name: str) -> None:
    """Refuse a manifest or feed file over :data:`MAX_INPUT_BYTES` from its size alone.

    Raises:
        InputError: the file is larger.
    """
    try:
        size = path.stat().st_size
    except OSError as err:
        raise InputError(f"{name}: cannot read ({err.strerror})") from err
    if path.is_file() and size > MAX_INPUT_BYTES:
        raise InputError(_too_large(name, f"{size:,} bytes"))


def _too_large(name: str, size: str) -> str:
    return (f"{name}: {size} is over the limit of {MAX_INPUT_BYTES:,} bytes for a manifest "
            "or feed file (README 'Input and limits'); split it")


def iter_manifest_stream(
    fh: IO[bytes], name: str, base: Path, allow_outside: bool = False
) -> Iterator[FeedItem]:
    """Items of a JSONL manifest read from an open binary stream, once, line by line.

    Args:
        fh: the stream (a file, a pipe, stdin).
        name: names the manifest in messages.
        base: folder that relative paths in the manifest are relative to.
        allow_outside: accept paths that resolve outside ``base``.

    Raises:
        InputError: the stream cannot be read, or it holds more than
            :data:`MAX_INPUT_BYTES` (raised when that many have been read: a pipe has no
            size to check first).
    """
    index = 0
    lineno = 0
    total = 0
    while True:
        try:
            # bounded: one enormous line without a newline is not read into memory whole
            raw = fh.readline(MAX_INPUT_BYTES - total + 1)
        except OSError as err:
            raise InputError(f"{name}: cannot read ({err.strerror})") from err
        if not raw:
            return
        total += len(raw)
        if total > MAX_INPUT_BYTES:
            raise InputError(_too_large(name, "the input"))
        lineno += 1
        if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]  # UTF-8 BOM from editors on Windows
        if not raw.strip():
            continue
        yield _manifest_item(raw, index, name, lineno, base, allow_outside)
        index += 1


def _manifest_item(raw: bytes, index: int, name: str, lineno: int, base: Path,
                   allow_outside: bool) -> FeedItem:
    """The item of one manifest line; a line that does not decode is an error item."""
    label = f"{name}:{lineno}"
    fallback = f"line-{lineno}"

    def bad(msg: str) -> FeedItem:
        return FeedItem(index, fallback, error=f"{label}: {msg}", source_file=name,
                        source_line=lineno)

    try:
        obj = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return bad("not UTF-8; save the manifest as UTF-8")
    except json.JSONDecodeError as err:
        return bad(f"invalid JSON ({err.msg} at column {err.colno}); fix or remove the line")
    except RecursionError:
        # e.g. a thousand nested brackets: the decoder recurses once per level (#15)
        return bad("JSON nested too deeply; a line is one flat object: fix or remove it")
    return item_from_record(obj, index, label, base, allow_outside, fallback, name, lineno)


def count_manifest(path: str | os.PathLike[str]) -> int:
    """Number of items in a manifest file (non-blank lines), for the progress bar.

    Only for regular files: a pipe read here would be used up (#15).
    """
    n = 0
    with Path(path).open("rb") as fh:
        for lineno, raw in enumerate(fh, start=1):
            if lineno == 1:
                raw = raw.removeprefix(b"\xef\xbb\xbf")
            if raw.strip():
                n += 1
    return n


def iter_records(
    records: Iterable[Any], base: str | os.PathLike[str] = ".", allow_outside: bool = True
) -> Iterator[FeedItem]:
    """Items from in-memory records: mappings as in a manifest, or ``(id, reference,
    translation)`` tuples of texts (the Python API)."""
    b = Path(base).resolve()
    for index, rec in enumerate(records):
        label = f"item {index + 1}"
        if isinstance(rec, (tuple, list)) and len(rec) == 3:
            rec = {"id": rec[0], "reference": rec[1], "translation": rec[2]}
        yield item_from_record(rec, index, label, b, allow_outside)


# --- directory of pairs ---------------------------------------------------------------------

_DIR_NAME = re.compile(r"^(?P<id>.+)\.(?P<lang>en|ja)\.(?P<suffix>txt|html?|xhtml)$", re.I)


def scan_directory(path: str | os.PathLike[str]) -> list[tuple[str, dict[str, list[str]]]]:
    """(id, {"en": [files], "ja": [files]}) for each id in a directory, sorted by id.

    Raises:
        InputError: not a directory or unreadable. A folder without pairs gives an
            empty list: whether nothing to check is an error is the runner's decision
            (``--allow-empty``).
    """
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: no such directory")
    if not p.is_dir():
        raise InputError(f"{path}: not a directory")
    found: dict[str, dict[str, list[str]]] = {}
    try:
        with os.scandir(p) as it:
            for entry in it:
                m = _DIR_NAME.match(entry.name)
                if m and entry.is_file():
                    sides = found.setdefault(m["id"], {"en": [], "ja": []})
                    sides[m["lang"].lower()].append(entry.name)
    except OSError as err:
        raise InputError(f"{path}: cannot list directory ({err.strerror})") from err
    return sorted(found.items())


def iter_directory(path: str | os.PathLike[str]) -> Iterator[FeedItem]:
    """Items of a directory of ``<id>.en.txt`` / ``<id>.ja.txt`` pairs, sorted by id."""
    base = Path(path).resolve()
    name = display_path(path)
    for index, (item_id, sides) in enumerate(scan_directory(path)):
        refs: dict[str, TextRef] = {}
        error = None
        for key, lang in DIR_LANGS.items():
            files = sorted(sides[lang])
            label = f"{name}/{item_id}.{lang}"
            if not files:
                error = f"{label}.txt: no such file (the other side of the pair exists)"
                break
            if len(files) > 1:
                error = f"{name}: {', '.join(files)}: several files for one side; keep one"
                break
            refs[key] = TextRef(f"{name}/{files[0]}", path=str(base / files[0]),
                                html=_is_html_name(files[0]))
        if error is not None:
            yield FeedItem(index, item_id, error=error, source_file=name)
            continue
        tr = refs["translation"]
        yield FeedItem(index, item_id, refs["reference"], tr,
                       source_file=display_path(tr.path or name))


# --- RSS / Atom -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Entry:
    link: str
    guid: str
    title: str
    text: str
    html: bool
    en_alternate: str


def parse_feed(path: str | os.PathLike[str]) -> list[_Entry]:
    """Entries of an RSS/Atom file, parsed without fetching or expanding anything.

    The bytes are read here (never handed to feedparser as a path or URL, which it would
    open or fetch), refused if they declare entities, checked for well-formedness with
    defusedxml, and only then parsed by feedparser.

    Raises:
        InputError: missing, unreadable, declaring entities, malformed, or no feed.
    """
    from xml.etree.ElementTree import ParseError

    import defusedxml.ElementTree as DET
    from defusedxml import DefusedXmlException

    p = Path(path)
    name = display_path(p)
    _open_input_file(p, "feed file")
    try:
        if p.stat().st_size > MAX_INPUT_BYTES:
            raise InputError(f"{name}: feed is over {MAX_INPUT_BYTES // 2**20} MB")
        data = p.read_bytes()
    except OSError as err:
        raise InputError(f"{name}: cannot read ({err.strerror})") from err
    if _ENTITY_DECL.search(_XML_TEXT_BLOCKS.sub(b"", data)):
        raise InputError(
            f"{name}: the feed declares XML entities (<!ENTITY>); refused because entity "
            "expansion and external entities are attack vectors; publish the feed without a DTD"
        )
    try:
        DET.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as err:
        raise InputError(f"{name}: unsafe XML refused ({type(err).__name__})") from err
    except ParseError as err:
        raise InputError(f"{name}: malformed XML ({err}); fix the feed") from err
    import feedparser

    # a file object, so that feedparser neither opens a path nor fetches a URL
    parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False, sanitize_html=True)
    if not parsed.get("version") and not parsed.entries:
        raise InputError(f"{name}: not an RSS or Atom feed")
    out = []
    for e in parsed.entries:
        text, html = _entry_text(e)
        alt, own = "", ""
        for link in e.get("links", []):
            if link.get("rel") != "alternate" or not link.get("href"):
                continue
            lang = (link.get("hreflang") or "").lower()
            if lang == "en" or lang.startswith("en-"):
                alt = alt or str(link["href"])  # the English original of a translation
            else:
                own = own or str(link["href"])  # the entry's own page
        if not own and (e.get("link") or "") != alt:
            own = e.get("link", "") or ""
        title = e.get("title", "") or ""
        if (e.get("title_detail") or {}).get("type") == "text/html":
            title = html_to_text(title)
        out.append(_Entry(own, e.get("id", "") or "", title, text, html, alt))
    return out


def _entry_text(entry: Mapping[str, Any]) -> tuple[str, bool]:
    """The longest text among an entry's contents and summary, and whether it is HTML."""
    best, html = "", False
    candidates = list(entry.get("content", []) or [])
    if entry.get("summary_detail"):
        candidates.append(entry["summary_detail"])
    for c in candidates:
        value = c.get("value", "") or ""
        if len(value) > len(best):
            best, html = value, c.get("type", "text/html") != "text/plain"
    return best, html


def read_feed_map(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """An explicit English → Japanese entry mapping.

    Either a JSON object ``{"<en link or guid>": "<ja link or guid>"}`` or JSONL lines
    ``{"reference": ..., "translation": ..., "id": ..., "reference_page": "a.en.html",
    "translation_page": "a.ja.html"}`` (pages: saved HTML article pages, relative to the
    map file, whose text is used instead of the feed content).

    Raises:
        InputError: missing or unreadable file, or invalid content.
    """
    p = Path(path)
    name = display_path(p)
    _open_input_file(p, "mapping file")
    text = read_text(p, max_chars=None).text  # a feed-sized file: MAX_INPUT_BYTES
    try:
        pairs = json.loads(text, object_pairs_hook=list)
        whole = dict(pairs) if isinstance(pairs, list) and all(
            isinstance(kv, tuple) for kv in pairs) else None
    except (json.JSONDecodeError, RecursionError):
        pairs = whole = None
    is_line = isinstance(whole, dict) and "reference" in whole and "translation" in whole
    if isinstance(whole, dict) and not is_line:
        if not all(isinstance(v, str) for v in whole.values()):
            raise InputError(f"{name}: mapping values must be Japanese entry links or guids")
        return _one_to_one([{"reference": k, "translation": v} for k, v in pairs], name, None)
    out = []
    lines: list[int] = []
    base = p.resolve().parent
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as err:
            raise InputError(f"{name}:{lineno}: invalid JSON ({err.msg})") from err
        except RecursionError:
            raise InputError(f"{name}:{lineno}: JSON nested too deeply") from None
        if not isinstance(obj, dict) or not isinstance(obj.get("reference"), str) or \
                not isinstance(obj.get("translation"), str):
            raise InputError(
                f"{name}:{lineno}: give 'reference' and 'translation' (entry links or guids)"
            )
        for key in ("reference_page", "translation_page"):
            if key in obj:
                resolved, err_msg = _resolve_path(str(obj[key]), base, f"{name}:{lineno} {key}",
                                                  allow_outside=False)
                if err_msg is not None:
                    raise InputError(err_msg)
                obj[key] = resolved
        out.append(obj)
        lines.append(lineno)
    return _one_to_one(out, name, lines)


def _one_to_one(rows: list[dict[str, Any]], name: str,
                lines: list[int] | None) -> list[dict[str, Any]]:
    """``rows`` when each English entry is mapped once and each Japanese entry once.

    Raises:
        InputError: an entry mapped twice (which mapping is meant cannot be guessed).
    """
    seen: dict[tuple[str, str], int] = {}
    for k, row in enumerate(rows):
        for side in ("reference", "translation"):
            key = (side, row[side])
            if key in seen:
                at = (f"{name}:{lines[seen[key]]} and line {lines[k]}" if lines is not None
                      else name)
                raise InputError(f"{at}: the {side} entry {row[side]!r} is mapped twice; map "
                                 "each entry once")
            seen[key] = k
    return rows


def iter_feeds(
    reference_feed: str | os.PathLike[str],
    translation_feed: str | os.PathLike[str],
    feed_map: str | os.PathLike[str] | None = None,
) -> Iterator[FeedItem]:
    """Items of an English and a Japanese RSS/Atom feed, in English feed order, then the
    Japanese entries left without a partner (as error items).

    Matching, first that applies: the explicit ``feed_map``; the Japanese entry's
    ``<link rel="alternate" hreflang="en">``; the same link; the same guid.

    Raises:
        InputError: a feed or the mapping cannot be read or is unsafe.
    """
    en_entries = parse_feed(reference_feed)
    ja_entries = parse_feed(translation_feed)
    mapping = read_feed_map(feed_map) if feed_map is not None else []
    en_name, ja_name = display_path(reference_feed), display_path(translation_feed)
    by_key: dict[str, int] = {}
    by_alt: dict[str, int] = {}
    for i, e in enumerate(ja_entries):
        for key in (e.link, e.guid):
            if key:
                by_key.setdefault(key, i)
        if e.en_alternate:
            by_alt.setdefault(e.en_alternate, i)
    explicit: dict[str, dict[str, Any]] = {}
    for row in mapping:
        explicit[row["reference"]] = row
    used: set[int] = set()
    index = 0
    for n, en in enumerate(en_entries, start=1):
        label = f"{en_name} entry {n}"
        m: dict[str, Any] | None = explicit.get(en.link) or explicit.get(en.guid)
        item_id = str((m or {}).get("id") or en.guid or en.link or f"entry-{n}")
        meta = {"url": en.link, "title": en.title[:MAX_META_CHARS]}
        j: int | None
        if m is not None:
            j = by_key.get(m["translation"])
            if j is None and "translation_page" not in m:
                yield FeedItem(index, item_id, error=f"{label}: mapped translation "
                               f"{m['translation']!r} is not in {ja_name}", meta=meta,
                               source_file=ja_name)
                index += 1
                continue
        else:
            j = by_alt.get(en.link) if en.link else None
            if j is None:
                j = by_key.get(en.link) if en.link else None
            if j is None and en.guid:
                j = by_key.get(en.guid)
        if j is None and "translation_page" not in (m or {}):
            yield FeedItem(index, item_id, error=f"{label}: no matching entry in {ja_name} "
                           "(by link, guid or hreflang); add it to --feed-map", meta=meta,
                           source_file=ja_name)
            index += 1
            continue
        if j is not None:
            used.add(j)
        ja = ja_entries[j] if j is not None else None
        ref = _entry_ref(en, f"{label} reference", (m or {}).get("reference_page"))
        ja_label = f"{ja_name} entry {j + 1}" if j is not None else f"{label} translation page"
        tr = _entry_ref(ja, f"{ja_label} translation",
                        (m or {}).get("translation_page"))
        if ja is not None:
            meta["translation_url"] = ja.link
        yield FeedItem(index, item_id, ref, tr, meta=meta,
                       source_file=display_path(tr.path) if tr.path else ja_name)
        index += 1
    for j, ja in enumerate(ja_entries):
        if j in used:
            continue
        item_id = ja.guid or ja.link or f"{ja_name}-entry-{j + 1}"
        yield FeedItem(index, item_id, error=f"{ja_name} entry {j + 1}: no English entry in "
                       f"{en_name} translates to it; add it to --feed-map",
                       meta={"url": ja.link, "title": ja.title[:MAX_META_CHARS]},
                       source_file=ja_name)
        index += 1


def _entry_ref(entry: _Entry | None, label: str, page: str | None) -> TextRef:
    if page is not None:
        return TextRef(label, path=page, html=True)
    assert entry is not None
    if entry.html and len(entry.text.encode("utf-8", "surrogatepass")) > MAX_ARTICLE_BYTES:
        return TextRef(label, text=entry.text, html=True)  # refused when loaded (#15)
    body = html_to_text(entry.text) if entry.html else entry.text
    if not body.strip():
        # an entry without content has no article to check; title alone is not one
        return TextRef(f"{label} (entry has no content)", text="")
    title = " ".join(entry.title.split())
    return TextRef(label, text=f"{title}\n\n{body}" if title else body)


# --- duplicate ids --------------------------------------------------------------------------


def unique_ids(items: Iterable[FeedItem]) -> Iterator[FeedItem]:
    """Pass items through, turning the second and later uses of an id into error items.

    Only the ids seen are kept (a set of short strings), not the items.
    """
    first: dict[str, int] = {}
    for item in items:
        if (item.error is not None and item.source_line is not None
                and item.id == f"line-{item.source_line}"):
            # a manifest line that failed before it gave an id (no JSON, no object): it
            # keeps its own error, and its stand-in id is a label that takes no article's
            yield item
            continue
        if item.id in first:
            where = f" ({item.source_file}:{item.source_line})" if item.source_line else ""
            yield replace(
                item,
                reference=None,
                translation=None,
                error=f"duplicate id {item.id!r}{where}: already used by item "
                f"{first[item.id] + 1}; ids must be unique",
            )
            continue
        first[item.id] = item.index
        yield item
