"""Bilingual title glossary: English job titles → accepted Japanese renderings.

The shipped glossary (``mtqa/data/titles.tsv``) covers heads of state and government,
ministers by portfolio, advisers, envoys, spokespeople, executives, judges, police and
military ranks. A user glossary (``--glossary FILE``: CSV, TSV or TBX) extends it; a user
entry whose English title is already shipped replaces the shipped renderings.

English titles are matched case-insensitively, longest first, on word sequences in
which plurals and possessives are reduced ("Foreign Ministers'" → "foreign minister"),
so that a newsroom writes each title once, in the singular.

The glossary's identity (shipped version and the SHA-256 of the user file) is part of the
report signature: the same text checked against another glossary may give other findings.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import io
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..errors import ConfigError

#: Bumped whenever the shipped ``titles.tsv`` changes meaningfully (signature).
GLOSSARY_VERSION = 2
#: Separator of alternative renderings (and kinds) inside one field.
ALT_SEP = "|"
#: Flag of entries that are also ordinary English words ("general", "major", "private"):
#: they count as a title only when capitalised and followed by a capitalised name.
FLAG_CAP = "cap"
#: Longest title (in words) that the matcher tries; longer keys are rejected on load so
#: that matching stays linear.
MAX_TITLE_WORDS = 8

_SHIPPED = "titles.tsv"
# A word of an English title: letters, apostrophes inside words; hyphens split words so
# that "secretary-general" and "secretary general" are the same key.
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@functools.lru_cache(maxsize=65536)
def normalize_word(word: str) -> str:
    """Lower-case singular form of an English word ("Ministers'" → "minister").

    Deliberately small: titles are nouns whose plurals are regular ("secretaries",
    "chiefs", "ministers"); a wrong reduction only has to be the same on both sides.
    Cached process-wide, as a word's stems are (#17: every word of every text looked in
    is normalised).
    """
    w = word.lower().replace("’", "'").rstrip("'")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("sses", "ches", "shes", "xes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def english_key(title: str) -> tuple[str, ...]:
    """Matching key of an English title: its normalised words."""
    return tuple(normalize_word(w) for w in _WORD.findall(title))


@dataclass(frozen=True, slots=True)
class TitleEntry:
    """One English title and its accepted Japanese renderings.

    Attributes:
        english: the title as written in the glossary.
        renderings: accepted Japanese renderings, preferred first.
        kinds: office kinds (``minister``, ``governor``, ``police`` ...); empty when unknown.
        cap_only: count only capitalised uses before a name (see :data:`FLAG_CAP`).
        source: ``"shipped"`` or the user file it came from.
    """

    english: str
    renderings: tuple[str, ...]
    kinds: frozenset[str] = frozenset()
    cap_only: bool = False
    source: str = "shipped"

    @property
    def key(self) -> tuple[str, ...]:
        return english_key(self.english)


@dataclass(frozen=True, slots=True)
class TitleMatch:
    """An occurrence of a glossary title in English text (offsets index that text)."""

    entry: TitleEntry
    start: int
    end: int
    text: str


class Glossary:
    """Title glossary with a longest-match English finder.

    Args:
        entries: the entries; a later entry with the same English key replaces an earlier one.
        identity: what the signature records (shipped version, user file hash).
    """

    def __init__(self, entries: Iterable[TitleEntry], identity: str) -> None:
        self._entries: dict[tuple[str, ...], TitleEntry] = {}
        for e in entries:
            key = e.key
            if key:
                self._entries[key] = e
        self._identity = identity
        # the key lengths of the entries that begin with a word, longest first: a word
        # that begins no title is passed over without a look-up (#17 work done once)
        lengths: dict[str, set[int]] = {}
        for key in self._entries:
            lengths.setdefault(key[0], set()).add(len(key))
        self._lengths = {w: tuple(sorted(ns, reverse=True)) for w, ns in lengths.items()}

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[TitleEntry]:
        return iter(self._entries.values())

    def get(self, english: str) -> TitleEntry | None:
        """The entry of an English title (any case, singular or plural), or None."""
        return self._entries.get(english_key(english))

    def signature(self) -> str:
        """Identity for the report signature, e.g. ``titles-1`` or ``titles-1+user:ab12…``."""
        return self._identity

    @functools.cached_property
    def all_renderings(self) -> frozenset[str]:
        """Every accepted Japanese rendering of every title."""
        return frozenset(r for e in self._entries.values() for r in e.renderings)

    def find(self, text: str) -> list[TitleMatch]:
        """Titles in English ``text``: longest match first, left to right, no overlaps.

        Case-insensitive; entries flagged :data:`FLAG_CAP` need a capital initial and a
        capitalised word right after them ("General Smith", not "general election").
        The titles and names checks look in the same texts (a pair's window, the whole
        reference): they share the matches through the document's state
        (:meth:`mtqa.checks.Context.titles`, once per document, #17), so nothing is cached
        here.
        """
        return list(self._find(text))

    def _find(self, text: str) -> tuple[TitleMatch, ...]:
        words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
        keys = [normalize_word(w) for _, _, w in words]
        out: list[TitleMatch] = []
        i = 0
        while i < len(words):
            hit: TitleEntry | None = None
            n_hit = 0
            for n in self._lengths.get(keys[i], ()):
                if n > len(words) - i:
                    continue
                entry = self._entries.get(tuple(keys[i : i + n]))
                if entry is None:
                    continue
                # words of one title are separated by spaces or hyphens only (looked at
                # after the entry: most word runs are no title, and the look-up is cheaper)
                if n > 1 and not _contiguous(text, words[i : i + n]):
                    continue
                if entry.cap_only and not _capitalised_before_name(words, i, n):
                    continue
                hit, n_hit = entry, n
                break
            if hit is None:
                i += 1
                continue
            start, end = words[i][0], words[i + n_hit - 1][1]
            out.append(TitleMatch(hit, start, end, text[start:end]))
            i += n_hit
        return tuple(out)


def _contiguous(text: str, words: Sequence[tuple[int, int, str]]) -> bool:
    for (_, e1, _), (s2, _, _) in zip(words, words[1:]):
        gap = text[e1:s2]
        # one space, a hyphen with optional spaces ("Major - General" in tokenised text),
        # or a comma of a listed portfolio ("Economy, Trade and Industry Minister")
        if gap not in {" ", ", "} and not re.fullmatch(r" ?[-\u2010\u2011] ?", gap):
            return False
    return True


def _capitalised_before_name(words: Sequence[tuple[int, int, str]], i: int, n: int) -> bool:
    if not words[i][2][:1].isupper():
        return False
    return i + n < len(words) and words[i + n][2][:1].isupper()


# --- loading ---------------------------------------------------------------------------


def _split_alts(field: str) -> tuple[str, ...]:
    """Alternatives of a field, deduplicated, in the order written (the first is the
    preferred rendering, shown to the user as the expected one)."""
    alts = [a.strip() for a in field.split(ALT_SEP)]
    return tuple(dict.fromkeys(a for a in alts if a))


def _parse_rows(
    rows: Iterable[Sequence[str]], source: str, where: str
) -> list[TitleEntry]:
    """Entries from (english, japanese[, kinds[, flags]]) rows; a header row is skipped."""
    out: list[TitleEntry] = []
    for lineno, row in enumerate(rows, 1):
        cells = [c.strip() for c in row]
        if not cells or not any(cells) or cells[0].startswith("#"):
            continue
        if lineno == 1 and cells[0].lower() in {"english", "en", "source", "term"}:
            continue  # header
        if len(cells) < 2 or not cells[0] or not cells[1]:
            raise ConfigError(
                f"{where}: line {lineno}: expected two columns 'english' and 'japanese' "
                f"(renderings separated by '{ALT_SEP}'), got {row!r}; fix the line or "
                "remove it"
            )
        if not english_key(cells[0]):
            raise ConfigError(
                f"{where}: line {lineno}: English title {cells[0]!r} has no letters; "
                "fix the first column"
            )
        if len(english_key(cells[0])) > MAX_TITLE_WORDS:
            raise ConfigError(
                f"{where}: line {lineno}: English title {cells[0]!r} is longer than "
                f"{MAX_TITLE_WORDS} words; shorten it"
            )
        kinds = frozenset(_split_alts(cells[2])) if len(cells) > 2 and cells[2] else frozenset()
        flags = {f.strip().lower() for f in cells[3].split(",")} if len(cells) > 3 else set()
        out.append(
            TitleEntry(
                english=cells[0],
                renderings=_split_alts(cells[1]),
                kinds=kinds,
                cap_only=FLAG_CAP in flags,
                source=source,
            )
        )
    return out


@functools.lru_cache(maxsize=1)
def shipped_entries() -> tuple[TitleEntry, ...]:
    """Entries of the shipped ``mtqa/data/titles.tsv`` (read once)."""
    text = resources.files("mtqa").joinpath("data", _SHIPPED).read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines())
    return tuple(_parse_rows(rows, "shipped", f"mtqa/data/{_SHIPPED}"))


def _read_user_file(path: Path) -> tuple[list[TitleEntry], bytes]:
    try:
        data = path.read_bytes()
    except OSError as err:
        raise ConfigError(
            f"glossary {path}: cannot read it ({err.strerror or err}); check the path given "
            "to --glossary"
        ) from err
    suffix = path.suffix.lower()
    if suffix in {".tbx", ".xml"} or data.lstrip()[:5] in {b"<?xml", b"<tbx ", b"<tbx>", b"<mart"}:
        return _parse_tbx(data, path), data
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise ConfigError(
            f"glossary {path}: not UTF-8 text ({err.reason} at byte {err.start}); save it "
            "as UTF-8"
        ) from err
    if suffix == ".tsv" or (suffix != ".csv" and "\t" in text.split("\n", 1)[0]):
        rows: Iterable[Sequence[str]] = (line.split("\t") for line in text.splitlines())
    else:
        rows = csv.reader(io.StringIO(text))
    try:
        entries = _parse_rows(rows, str(path), f"glossary {path}")
    except csv.Error as err:
        raise ConfigError(f"glossary {path}: bad CSV ({err}); fix the quoting") from err
    if not entries:
        raise ConfigError(
            f"glossary {path}: no entries found; write one title a line as "
            "'english,japanese' (renderings separated by '|'), or use TBX"
        )
    return entries, data


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _parse_tbx(data: bytes, path: Path) -> list[TitleEntry]:
    """Entries of a TBX file: each ``termEntry`` → English term(s) and Japanese terms.

    Accepts TBX-Basic/TBX v2 (``martif``, ``tig``/``ntig``) and TBX v3 (``tbx``,
    ``conceptEntry``/``langSec``/``termSec``), namespaced or not.
    """
    try:
        from defusedxml import ElementTree as SafeET
        from defusedxml.common import DefusedXmlException
    except ImportError as err:  # pragma: no cover - declared dependency
        raise ConfigError(
            f"glossary {path}: reading TBX needs defusedxml; install with: pip install defusedxml"
        ) from err
    try:
        root = SafeET.fromstring(data)
    except DefusedXmlException as err:
        raise ConfigError(
            f"glossary {path}: unsafe XML ({type(err).__name__}); remove entity declarations"
        ) from err
    except Exception as err:  # noqa: BLE001 - ElementTree.ParseError and expat errors
        raise ConfigError(f"glossary {path}: not well-formed XML ({err}); fix the TBX") from err
    out: list[TitleEntry] = []
    for concept in root.iter():
        if _local(concept.tag) not in {"termEntry", "conceptEntry"}:
            continue
        by_lang: dict[str, list[str]] = {}
        for lang_set in concept:
            if _local(lang_set.tag) not in {"langSet", "langSec"}:
                continue
            lang = (lang_set.get(_XML_LANG) or lang_set.get("lang") or "").lower()
            terms = [
                (t.text or "").strip()
                for t in lang_set.iter()
                if _local(t.tag) == "term" and (t.text or "").strip()
            ]
            by_lang.setdefault(lang.split("-")[0], []).extend(terms)
        english, japanese = by_lang.get("en", []), by_lang.get("ja", [])
        if not english or not japanese:
            continue
        for term in english:
            if english_key(term) and len(english_key(term)) <= MAX_TITLE_WORDS:
                out.append(TitleEntry(term, _split_alts("|".join(japanese)), source=str(path)))
    if not out:
        raise ConfigError(
            f"glossary {path}: no termEntry with both an 'en' and a 'ja' term; add "
            "langSet elements with xml:lang=\"en\" and xml:lang=\"ja\""
        )
    return out


def load_glossary(path: str | Path | None = None) -> Glossary:
    """The shipped glossary, extended (and overridden) by the user file at ``path``.

    A user entry without kinds inherits the kinds of the shipped entry it replaces.

    Raises:
        ConfigError: the user file is missing, unreadable or malformed (the message names
            the file and the fix).
    """
    shipped = shipped_entries()
    identity = f"titles-{GLOSSARY_VERSION}"
    if path is None or str(path) == "":
        return Glossary(shipped, identity)
    p = Path(path)
    user, data = _read_user_file(p)
    kinds = {e.key: e.kinds for e in shipped}
    user = [
        e if e.kinds else TitleEntry(e.english, e.renderings, kinds.get(e.key, frozenset()),
                                     e.cap_only, e.source)
        for e in user
    ]
    digest = hashlib.sha256(data).hexdigest()[:12]
    return Glossary([*shipped, *user], f"{identity}+user:{digest}")
