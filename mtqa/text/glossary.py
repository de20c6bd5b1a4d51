"""Bilingual title glossary: English job titles → accepted Japanese renderings.

The shipped glossary (``mtqa/data/titles.tsv``) covers heads of state and government,
ministers by portfolio, advisers, envoys, spokespeople, executives, judges, police and
military ranks. A user glossary (``--glossary FILE``: CSV, TSV or TBX) extends it; a user
entry whose English title is already shipped replaces the shipped renderings.

English titles are matched case-insensitively, longest first, on word sequences in
which plurals and possessives are reduced ("Foreign Ministers'" → "foreign minister"),
so that a newsroom writes each title once, in the singular. A rendering that only one field
gives the title is written with that field's English words (``監督@film,theatre``: a film's
director is its 監督, an agency's is not) and is accepted only where the article says one.

The glossary's identity (shipped version and the SHA-256 of the user file) is part of the
report signature: the same text checked against another glossary may give other findings.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import io
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from ..errors import ConfigError
from . import jmdict, wordlists, wordnet
from .cache import text_cache
from .countries import country_forms, is_country_form
from .english import STOPWORDS

#: Bumped whenever the shipped ``titles.tsv`` changes meaningfully (signature).
GLOSSARY_VERSION = 34
#: Separator of alternative renderings (and kinds) inside one field.
ALT_SEP = "|"
#: Flag of entries that are also ordinary English words ("general", "major", "private"):
#: they count as a title only when capitalised and followed by a capitalised name.
FLAG_CAP = "cap"
#: Separates a rendering from the English words of the field that gives the title that
#: rendering (``監督@film,theatre``: the director of a film or a play is its 監督, the
#: director of an agency, a charity or a centre is not): such a rendering is accepted only
#: where the English article says one of those words.
FIELD_SEP = "@"
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
        fields: (rendering, English words) of the renderings that only some fields give
            the title (see :data:`FIELD_SEP`).
    """

    english: str
    renderings: tuple[str, ...]
    kinds: frozenset[str] = frozenset()
    cap_only: bool = False
    source: str = "shipped"
    fields: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @property
    def key(self) -> tuple[str, ...]:
        return english_key(self.english)

    def out_of_field(self, article: str) -> frozenset[str]:
        """The renderings whose field the English ``article`` never names (監督 for a
        "director" where no film, play or opera is named)."""
        if not self.fields:
            return frozenset()
        words = article_words(article)
        return frozenset(r for r, field in self.fields if not words.intersection(field))


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
                if entry.cap_only and not _capitalised_before_name(words, i, n) and not (
                        _office_of(text, words, i, n)) and not (
                        self._holder_named(text, words, i, n, entry)):
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


    @staticmethod
    def _holder_named(text: str, words: Sequence[tuple[int, int, str]], i: int, n: int,
                      entry: TitleEntry) -> bool:
        """Whether a title flagged :data:`FLAG_CAP`, written without a name, names an officer
        all the same: "the speaker" as the subject of a verb or a possessive ("the speaker
        may soon break a promise", "the speaker's deal"), or with a capital after "the"
        ("the Speaker twice suspended proceedings"), in a sentence that names the kind
        of organisation the title is of (Congress, the House: a legislature). Without that
        organisation "the speaker" is whoever speaks."""
        if i == 0 or words[i - 1][2].lower() != "the":
            return False
        end = words[i + n - 1][1]
        # (a capital after "the" marks the office whatever follows: "the Speaker twice
        # suspended proceedings")
        if not words[i][2][:1].isupper() and not _PREDICATE_AFTER.match(text[end : end + 12]):
            return False
        orgs = organisations()
        kind = orgs.title_kind(entry)
        if kind is None:
            return False
        lo = max((m.end() for m in _SENTENCE_END.finditer(text, 0, words[i][0])), default=0)
        hi_m = _SENTENCE_END.search(text, end)
        sentence = text[lo : hi_m.start() if hi_m else len(text)]
        cues = orgs.cue_kinds(_PHRASE_WORD.findall(sentence), countries=False)
        return any(k == kind for _, _, k in cues)


#: What follows a title that names its holder as the subject of a verb or a possessor:
#: ('s, a comma, a relative pronoun, an auxiliary, a verb of saying).
_PREDICATE_AFTER = re.compile(
    r"(?:['’]s\b|\s*,|\s+(?:who|may|might|will|would|could|can|should|must|has|had|have|is|was"
    r"|did|does|said|says|told|added|wants|wanted|also|then|later|now)\b)")
#: The end of an English sentence (for :meth:`Glossary._holder_named`).
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


def _contiguous(text: str, words: Sequence[tuple[int, int, str]]) -> bool:
    for (_, e1, _), (s2, _, _) in zip(words, words[1:]):
        gap = text[e1:s2]
        # one space, a hyphen with optional spaces ("Major - General" in tokenised text),
        # or a comma of a listed portfolio ("Economy, Trade and Industry Minister")
        if gap not in {" ", ", "} and not re.fullmatch(r" ?[-\u2010\u2011] ?", gap):
            return False
    return True


#: Capitalised words after a title looked at for a body's name.
_MAX_BODY_NAME = 5


def _capitalised_before_name(words: Sequence[tuple[int, int, str]], i: int, n: int) -> bool:
    """Whether the title's words are capitalised and a capitalised word follows ("General
    Smith"), that word not opening a body's name ("the Municipal and General Workers'
    Union", "General Employees' Union": a plural noun in capitals, with a possessive or
    not, names a body's members)."""
    if not words[i][2][:1].isupper():
        return False
    if i + n >= len(words) or not words[i + n][2][:1].isupper():
        return False
    if _BODY_MEMBERS.fullmatch(words[i + n][2]):
        return False
    # the capitals run on to a word for a body: the title's word opens the body's name
    # ("the Private Health Funds Council")
    run = []
    for _, _, w in words[i + n : i + n + _MAX_BODY_NAME]:
        if not w[:1].isupper():
            break
        run.append(w)
    cues = organisations().cues
    return not any((normalize_word(w),) in cues for w in run)


def _office_of(text: str, words: Sequence[tuple[int, int, str]], i: int, n: int) -> bool:
    """Whether the title stands in apposition after a name, or after "the" with a name in
    apposition after the body, and is followed by "of" and the body it heads ("Professor
    Tomas Lindner, dean of the engineering faculty", "the chair of the regional arts board,
    Professor Anil Chaudhry"): the office, in lower case as English writes it there."""
    return (i > 0 and (words[i - 1][2][:1].isupper()
                       and text[words[i - 1][1] : words[i][0]] == ", "
                       or words[i - 1][2].lower() == "the"
                       and _OF_THEN_NAME.match(text, words[i + n - 1][1]) is not None)
            and i + n + 1 < len(words) and words[i + n][2] == "of")


#: After a title: "of" and a body, then a comma and a capitalised name in apposition ("the
#: chair of the regional arts board, Professor Anil Chaudhry"): the title names that person
#: (not "Norway holds the chair of the council", a role held).
_OF_THEN_NAME = re.compile(r"\s+of\s+[^,.;:!?]{1,80},\s+[A-Z]")


#: A capitalised plural noun, possibly possessive: the members a body is named for
#: ("Workers'", "Teachers", "Engineers'").
_BODY_MEMBERS = re.compile(r"[A-Z][a-z]+(?:ers|ors|ists|ians|men|ees)['’]?s?")


# --- loading ---------------------------------------------------------------------------


@text_cache(64)
def article_words(text: str) -> frozenset[str]:
    """The normalised English words of ``text`` (:func:`normalize_word`)."""
    return frozenset(normalize_word(w) for w in _WORD.findall(text))


def _split_fields(
    alts: Sequence[str],
) -> tuple[tuple[str, ...], tuple[tuple[str, tuple[str, ...]], ...]]:
    """Renderings without their fields, and (rendering, field words) of those that have
    one (``監督@film,theatre``; see :data:`FIELD_SEP`)."""
    renderings: list[str] = []
    fields: list[tuple[str, tuple[str, ...]]] = []
    for alt in alts:
        rendering, _, field = alt.partition(FIELD_SEP)
        rendering = rendering.strip()
        renderings.append(rendering)
        words = tuple(normalize_word(w) for w in re.split(r"[,\s]+", field) if w)
        if words:
            fields.append((rendering, words))
    return tuple(dict.fromkeys(r for r in renderings if r)), tuple(fields)


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
        renderings, fields = _split_fields(_split_alts(cells[1]))
        if not renderings:
            raise ConfigError(
                f"{where}: line {lineno}: no Japanese rendering for {cells[0]!r}; write "
                f"one before any '{FIELD_SEP}'"
            )
        out.append(
            TitleEntry(
                english=cells[0],
                renderings=renderings,
                kinds=kinds,
                cap_only=FLAG_CAP in flags,
                source=source,
                fields=fields,
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
            f"glossary {path}: cannot read it ({err.strerror or err}); check the glossary "
            "path (--glossary, the policy file's glossary, or $MTQA_GLOSSARY)"
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
                                     e.cap_only, e.source, e.fields)
        for e in user
    ]
    digest = hashlib.sha256(data).hexdigest()[:12]
    return Glossary([*shipped, *user], f"{identity}+user:{digest}")


# --- titles by organisation (issue #19 item 1) -------------------------------------------

_ORG_FILE = "org_titles.tsv"
#: Organisation kind of a country named before or after a title: its head is the state's.
STATE = "state"
#: Office kinds of ``titles.tsv`` that name one kind of organisation by themselves.
_OFFICE_ORG = {"minister": "ministry", "deputy_minister": "ministry", "mayor": "city",
               "judge": "court", "academic": "university", "legislator": "legislature",
               "party": "party", "head_of_state": STATE, "head_of_government": STATE,
               "deputy_head": STATE}
def office_organisation(office: str) -> str | None:
    """The kind of organisation an office kind of the glossary belongs to (minister:
    ministry; mayor: city), or None for an office any organisation has (staff, adviser)."""
    return _OFFICE_ORG.get(office)


#: The holder's name between a title and its "of X" ("Chancellor Miriam Okafor *of the
#: Delaware Court of Chancery*"): capitalised words, then "of".
_HOLDER_NAME_THEN_OF = re.compile(r"\s+(?:[A-Z][\w'’\-]+\s+){0,3}[A-Z][\w'’\-]+(?=\s+of\s)")

#: Office kinds whose Japanese title does not depend on the organisation that holds it: a
#: coach is コーチ or 監督 of a national side as of a club ("Norway's national team coach"),
#: a spokesperson 報道官 of a ministry as of a company. Their holder's kind is not read.
_HOLDER_FREE_OFFICES = frozenset(
    "sports military police royal religious envoy ambassador adviser spokesperson prosecutor "
    "lawyer media curator".split())
#: Office kinds a head of state or government may be written with ("Rwanda President").
_STATE_OFFICES = frozenset({"head_of_state", "head_of_government", "deputy_head", "vice_head"})
#: Kinds of organisation that are governments, and bodies no state's government holds.
_GOVERNMENT_KINDS = frozenset({"state", "ministry", "city"})
_NON_STATE_BODIES = frozenset({"club", "company", "university"})
#: The kind of clubs, federations, unions and associations (mtqa/data/org_titles.tsv).
_CLUB = "club"
#: Words between a title and what qualifies it that change nothing ("former US President").
_QUALIFIERS = frozenset("former then acting interim new outgoing incoming current late "
                        "the a an its their his her".split())
#: Possessed nouns after a title and a name that make the holder a state's head
#: ("President Bola Tinubu's administration").
_STATE_AFTER_NAME = re.compile(
    r"^\s*(?:[A-Z][\w'’\-]+\s+){0,3}[A-Z][\w\-]+['’]s?\s+(administration|government|cabinet|"
    r"regime|presidency)\b"
)
_OF_PHRASE = re.compile(r"^\s+of\s+(?:the\s+)?((?:[^,.;:!?()\"“”]|(?<=[A-Z])\.){1,80})")
_SENTENCE_END = re.compile(r"[.!?。]\s")
#: A possessive ending ("county's", "Employees'").
_POSSESSIVE = re.compile(r"['’]s?$")


#: Capitalised words right before a title, possessive or not ("Fjellmelk's chairman",
#: "Hong Kong's Chief Executive"), and in "of X" right after it ("chief executive of Macau").
_NAME_BEFORE_TITLE = re.compile(r"((?:[A-Z][\w\-]*\s+)*[A-Z][\w\-]*?)(?:['’]s?)?\s+$")
_NAME_OF_AFTER_TITLE = re.compile(r"\s+of\s+(?:the\s+)?((?:[A-Z][\w\-]*\s+)*[A-Z][\w\-]*)")


def holder_names(text: str, match: TitleMatch) -> list[str]:
    """The names English ``text`` gives the holder's body right before title ``match`` or
    in "of X" right after it (see :data:`_NAME_BEFORE_TITLE`)."""
    found = (_NAME_BEFORE_TITLE.search(text, 0, match.start),
             _NAME_OF_AFTER_TITLE.match(text, match.end))
    return [m.group(1) for m in found if m is not None]


@dataclass(frozen=True)
class Organisations:
    """Titles by the kind of organisation that holds them (``mtqa/data/org_titles.tsv``) and
    the countries of ``mtqa/data/countries.tsv``.

    Attributes:
        japanese: Japanese title → the kinds of organisation whose officers hold it.
        cues: key of English words naming an organisation (normalised) → its kind.
        titles: key of an English glossary title → the kind it names by itself.
        countries: keys of country names, adjectives and short forms (case kept).
    """

    japanese: Mapping[str, frozenset[str]]
    cues: Mapping[tuple[str, ...], str]
    titles: Mapping[tuple[str, ...], str]
    countries: frozenset[tuple[str, ...]]

    @functools.cached_property
    def _by_length(self) -> tuple[str, ...]:
        return tuple(sorted(self.japanese, key=len, reverse=True))

    def japanese_kinds(self, core: str, head: str = "") -> frozenset[str]:
        """Kinds of organisation of a Japanese title compound: those of the longest title of
        the list it ends in (下院議長 → legislature; 州首相 → city). A one-character title
        (相) counts only as the compound's own head."""
        for t in self._by_length:
            if core.endswith(t) and (len(t) > 1 or head == t):
                return self.japanese[t]
        return frozenset()

    def kinds(self) -> frozenset[str]:
        """Every kind of organisation of the list."""
        return frozenset(k for ks in self.japanese.values() for k in ks)

    def titles_of(self, kind: str) -> tuple[str, ...]:
        """The Japanese titles of the officers of ``kind`` of organisation."""
        return tuple(t for t, ks in self.japanese.items() if kind in ks)

    def kinds_of_renderings(self, renderings: Iterable[str]) -> frozenset[str]:
        """Every kind any of ``renderings`` belongs to."""
        return frozenset(k for r in renderings for k in self.japanese_kinds(r, r[-1:]))

    def title_kind(self, entry: TitleEntry) -> str | None:
        """The kind of organisation an English title names by itself ("economy minister":
        ministry; "Speaker": legislature), or None when it depends on the holder
        ("president", "chairman", "leader")."""
        kind = self.titles.get(entry.key)
        if kind:
            return kind
        orgs = {_OFFICE_ORG.get(k) for k in entry.kinds}
        return orgs.pop() if len(orgs) == 1 and None not in orgs else None

    def depends_on_holder(self, entry: TitleEntry) -> bool:
        """Whether the Japanese for title ``entry`` depends on the kind of organisation that
        holds it ("president", "chairman", "leader", "head"): it names no kind by itself,
        and its office is not one that every kind of organisation titles alike (coach,
        spokesperson, adviser: :data:`_HOLDER_FREE_OFFICES`)."""
        if self.title_kind(entry) is not None:
            return False
        return not (entry.kinds and entry.kinds <= _HOLDER_FREE_OFFICES)

    def head_of_organisation(self, modifier: str, head: str) -> str | None:
        """The kind of organisation of a title made of an organisation noun and 長, "head"
        (組合長 "head of the co-operative", 協会長, 委員会長), or None: 長 after a word that
        JMdict glosses with a word naming an organisation in news English (the cue words of
        ``org_titles.tsv``: association, union, committee...) is the head of that body,
        whatever the English calls the office."""
        if head != "長" or not modifier:
            return None
        for gloss in jmdict.glosses(modifier, 2):
            words = tuple(normalize_word(w) for w in _PHRASE_WORD.findall(gloss))
            if len(words) == 1 and words in self.cues:
                return self.cues[words]
        return None

    def holder_kind(self, text: str, match: TitleMatch) -> str | None:
        """The kind of organisation whose officer the title ``match`` of English ``text``
        names: by the title itself, an "of X" phrase after it ("president of the Provisional
        Government"), a possessive or a name before it ("Rwanda President", "the club's
        president", "Senate Republican Leader"), the holder's administration ("President
        Tinubu's administration"), or, for a title a head of state may hold, a country in
        its sentence with no organisation of another kind. None when nothing says, or when
        an organisation of no known kind is named ("Apple's president", "president of
        Acme"): a country elsewhere in the sentence then says nothing."""
        kind = self.title_kind(match.entry)
        if kind:
            # a business office the English gives another body wins over its usual one
            # ("the agency's managing director" heads an agency, not a company); an office
            # of government stays one ("Ontario's Minister", "U.S. Secretary of Defense")
            # but for the officer of a body of no state's named after it ("state secretary
            # of the Manufacturing Workers' Union", the head of its state branch) or before
            # it ("the federation's state secretary", "federation state secretary")
            before = self._before(text[: match.start]) if kind == _COMPANY else None
            of = self._of_phrase(text[match.end:]) if kind in _GOVERNMENT_KINDS else None
            if of in _NON_STATE_BODIES:
                return of
            if kind in _GOVERNMENT_KINDS and self._before(text[: match.start]) == _CLUB:
                return _CLUB  # "the federation's state secretary": the union's officer (not
                # "Enterprise Minister", whose word before is the portfolio, not a company)
            return before if before and before != STATE else kind
        if not self.depends_on_holder(match.entry):
            return None  # a coach is a coach, of a country's team as of a club's
        if match.entry.key[-1:] == ("secretary",) and _portfolio_before(text[: match.start]):
            return _OFFICE_ORG["minister"]
        after = text[match.end:]
        named = _HOLDER_NAME_THEN_OF.match(after)  # "Chancellor Miriam Okafor of the Court"
        of = self._of_phrase(after)
        if of is None and named:
            of = self._of_phrase(after[named.end():])
        before = self._before(text[: match.start])
        if before == STATE and not match.entry.kinds & _STATE_OFFICES and _nationality_before(
                text[: match.start]):
            before = None  # "a Finnish executive": the holder's nationality, not the employer
        if of or before:
            return of or before
        if of == "" or before == "":
            return None
        if _STATE_AFTER_NAME.match(text[match.end:]):
            return STATE
        if match.entry.kinds & _STATE_OFFICES:
            return self._sentence_state(text, match)
        return None

    def named_organisations(self, text: str) -> dict[str, str]:
        """Organisations English ``text`` names together with what kind they are, by a
        word naming the kind right before the name ("dairy cooperative Fjellmelk",
        "carmaker Orion") or in an apposition after it ("Ferralis Construction, a
        Grenoble-based firm", "Halvern Pharma, the drugmaker"): name → kind."""
        out: dict[str, str] = {}
        found = [(m.group(2), _PHRASE_WORD.findall(m.group(1))[-2:])
                 for m in _CUE_THEN_NAME.finditer(text)]
        found += [(m.group(1), _PHRASE_WORD.findall(m.group(2)))
                  for m in _NAME_THEN_CUE.finditer(text)]
        for name, words in found:
            if is_country_form(name):
                continue  # "Norwegian dairy cooperative": a country, no organisation
            cues = self.cue_kinds(words, countries=False)
            if cues and cues[-1][1] == len(words):  # the kind word ends the phrase
                out.setdefault(name, cues[-1][2])
        for m in _NAME_LEGAL_FORM.finditer(text):
            name = m.group(1).split(maxsplit=1)
            if name[0].lower() in STOPWORDS:  # "The Acme Corp": the name after it
                name = name[1:]
            if name and _COMPANY in self.kinds():
                out.setdefault(" ".join(name), _COMPANY)
        # an acronym given after the name in brackets is that body ("the Agency for
        # Integration, Migration and Asylum (AIMA)": an agency), read as "of X" is
        for m in _NAME_ACRONYM.finditer(text):
            kind = self._of_phrase(" of " + m.group(1).replace(",", ""))
            if kind:
                out.setdefault(m.group(2), kind)
        return out

    def named_holder_kind(self, text: str, match: TitleMatch,
                          named: Mapping[str, str]) -> str | None:
        """The kind of the organisation whose name stands right before title ``match``
        ("Fjellmelk chairman", "Fjellmelk's chairman") or after it in "of X", when the
        article said what kind it is (``named``: :meth:`named_organisations`)."""
        for name in holder_names(text, match):
            for key, kind in named.items():
                if name == key or name.endswith(" " + key) or key.startswith(name + " ") \
                        or key.split()[0] == name:
                    return kind
        return None

    def cue_kinds(self, words: Sequence[str], countries: bool = True
                  ) -> list[tuple[int, int, str]]:
        """(first word, last word + 1, kind) of the organisation words and (with
        ``countries``) the countries among ``words`` (longest first, left to right)."""
        out: list[tuple[int, int, str]] = []
        keys = [normalize_word(w) for w in words]
        i = 0
        while i < len(words):
            for n in (3, 2, 1):
                if i + n > len(words):
                    continue
                if countries and tuple(w.replace(".", "") for w in words[i : i + n]
                                       ) in self.countries:
                    out.append((i, i + n, STATE))
                    break
                kind = self.cues.get(tuple(keys[i : i + n]))
                if kind is None and n == 1 and _product_maker(keys[i]) \
                        and "company" in self.kinds():
                    kind = "company"
                if kind == _LEGISLATURE and n == 1 and _members_council(words, keys, i) \
                        and _COUNCIL in self.kinds():
                    kind = _COUNCIL  # a council of members
                if kind:
                    out.append((i, i + n, kind))
                    break
            else:
                i += 1
                continue
            i += n
        return out

    def _of_phrase(self, after: str) -> str | None:
        """Kind of the organisation of "of X" right after a title: the head of X's first
        noun phrase ("the Senate Foreign Relations Committee": club), a central bank for
        "Bank of <country>", a state for a country. '' for a name of no known kind
        ("of Acme Corp" is a company, "of Acme" unknown); None for no such phrase."""
        m = _OF_PHRASE.match(after)
        if not m:
            return None
        words = _PHRASE_WORD.findall(m.group(1))[:8]
        cues = self.cue_kinds(words)
        if not cues:
            return "" if words and words[0][:1].isupper() else None
        first_of = next((i for i, w in enumerate(words) if w in {"of", "for", "in", "at"}),
                        len(words))
        head = [c for c in cues if c[1] <= first_of]
        # a country closing the name that follows the noun ("the installers' association
        # Thermflow UK"): the noun before the name says the kind
        while len(head) > 1 and head[-1][2] == STATE and any(
                w[:1].isupper() for w in words[head[-2][1] : head[-1][0]]):
            head.pop()
        if head and words[head[-1][0]].lower() == "bank" and any(
            c[2] == STATE and c[0] == first_of + 1 for c in cues
        ):
            return "central_bank"
        if head and head[-1][2] == STATE and any(
                w[:1].isupper() for w in words[head[-1][1] : first_of]):
            return ""  # a country opening a body's name of no known kind ("the Irish
            # Property Owners' Alliance"): not the state
        if head:
            return head[-1][2]
        # the head noun names no kind ("the Kalmar branch of the Swedish Pensioners'
        # Association"): the organisation named after it, not a country inside its name
        bodies = [c for c in cues if c[2] != STATE]
        return (bodies[0] if bodies else cues[0])[2]

    def _before(self, before: str) -> str | None:
        """Kind named by the words right before a title, nearest first ("Rwanda President",
        "the company's chief executive", "Senate Republican Leader"). '' for a name of no
        known kind right before it ("Apple's president"); None for none."""
        # a clause ends at punctuation; a period after a capital is an abbreviation (U.S.)
        tail = re.split(r"[,;:!?()\"“”]|(?<![A-Z])\.", before[-80:])[-1]
        raw = _PHRASE_WORD.findall(tail)[-4:]
        words = [_POSSESSIVE.sub("", w) for w in raw]
        while words and words[-1].lower() in _QUALIFIERS:
            words.pop()
        raw = raw[: len(words)]  # (as written, possessives kept)
        if not words:
            return None
        cues = self.cue_kinds(words)
        if "of" in words[1:-1] and words[words.index("of") + 1][:1].isupper():
            # a body named "X of Y" is an X, read as "of X" after a title is: "Board of
            # Education President", "Federation of Small Businesses chair" (no company),
            # "Bank of England" (a central bank), "Church of England" (no state)
            at = first = words.index("of")
            while first and words[first - 1][:1].isupper():
                first -= 1
            if first < at:
                return self._of_phrase(" of " + " ".join(words[first:]))
        near = [c for c in cues if c[1] == len(words)]
        if near:
            return near[-1][2]
        owner = max((i for i, w in enumerate(raw[:-1]) if _POSSESSIVE.search(w)), default=None)
        if owner is not None and all(w[:1].isupper() and not _POSSESSIVE.search(w)
                                     for w in raw[owner + 1 :]):
            # a possessive before the title's own capitalised words ("the county's
            # Emergency Communications Director"): the possessor holds the office
            held = [c for c in cues if c[1] == owner + 1]
            if held:
                return held[-1][2]
        return "" if words[-1][:1].isupper() else None

    def _sentence_state(self, text: str, match: TitleMatch) -> str | None:
        """A state when the title's sentence names a country and no other organisation."""
        starts = [m.end() for m in _SENTENCE_END.finditer(text, 0, match.start)]
        lo = starts[-1] if starts else 0
        end = _SENTENCE_END.search(text, match.end)
        hi = end.start() + 1 if end else len(text)
        words = _PHRASE_WORD.findall(text[lo:hi])
        kinds = {k for _, _, k in self.cue_kinds(words)}
        said = {(a, b) for a, b, k in self.cue_kinds(words) if k == STATE}
        nouns = {(a, b) for a, b, k in self.cue_kinds(words, countries=False) if k == STATE}
        if kinds == {STATE} and not match.entry.kinds <= _STATE_OFFICES and not said - nouns:
            # a title a province's head holds too ("Premier"): its "government" may be
            # the province's; only a country named says the state
            return None
        return STATE if kinds == {STATE} else None


def _nationality_before(before: str) -> bool:
    """Whether the word right before a title (``before`` ends there) is a country's
    adjective that WordNet lists as one ("a Finnish executive", "the Kenyan chairman"):
    before an office that is no state's it says whose national the holder is, not whose
    officer (a country's name or possessive, "Finland's", "US", does say so)."""
    words = _PHRASE_WORD.findall(before[-40:])
    if not words or not is_country_form(words[-1]) or not words[-1][:1].isupper():
        return False
    return any(pos in {"a", "s"} for pos, _ in wordnet.lemma_synsets(words[-1].lower()))


@functools.lru_cache(maxsize=1024)
def _product_maker(word: str) -> bool:
    """Whether ``word`` names a manufacturer: "carmaker" and "automaker", which WordNet
    files as groups, or a word WordNet does not know, made of "maker" after a noun WordNet
    knows mostly as a thing made or sold ("chipmaker", "toymaker", "drugmaker").
    "lawmaker", "filmmaker", "watchmaker" are people; "policymaker" makes no product."""

    if not word.endswith("maker") or len(word) < 8:
        return False
    own = {s.lexname for s in wordnet.synsets_of(word)}
    if own:
        return own == {"noun.group"}
    stem = word[: -len("maker")].rstrip("-")
    kinds = [s.lexname for s in wordnet.synsets_of(stem) if s.pos == "n"]
    things = sum(k in _THINGS for k in kinds)
    return bool(kinds) and things > len(kinds) / 2


#: WordNet's files of nouns for things made or sold ("chip", "toy", "steel", "wine").
_THINGS = frozenset({"noun.artifact", "noun.substance", "noun.object", "noun.food"})


#: The kind of organisation of a business office (org_titles.tsv).
_COMPANY = "company"
_LEGISLATURE = "legislature"
_COUNCIL = "council"


def _members_council(words: Sequence[str], keys: Sequence[str], i: int) -> bool:
    """Whether ``words[i]`` is a council named after the people who make it up ("the
    Reef Tourism Operators Council", "the players' council", "Teachers Council"): a body
    of members, whose head is 会長 as an association's or 議長 as a council's, neither a
    legislature (the city council) nor a state (大統領 for its president). The word before
    it is a plural noun for people (WordNet)."""
    if keys[i] != "council" or i == 0:
        return False
    before = words[i - 1].replace("’", "'").rstrip("'")
    return (before.lower().endswith("s") and keys[i - 1] != before.lower()
            and wordnet.is_a(keys[i - 1], "person"))


def _portfolio_before(before: str) -> bool:
    """Whether the word right before a "secretary" names a minister's portfolio: a word
    the shipped glossary puts before "minister" ("health minister", "economic affairs
    minister"), so that "the health secretary" and "Scotland's rural affairs secretary"
    are ministers, not a company's or a person's secretary."""
    words = _PHRASE_WORD.findall(before[-40:])
    return bool(words) and normalize_word(words[-1]) in _portfolio_words()


@functools.lru_cache(maxsize=1)
def _portfolio_words() -> frozenset[str]:
    """Words before "minister" in the shipped glossary's ministers' titles."""
    return frozenset(e.key[-2] for e in load_glossary()
                     if len(e.key) >= 2 and e.key[-1] == "minister" and "minister" in e.kinds
                     and e.key[-2] not in {"prime", "deputy", "junior", "vice", "cabinet"})


_PHRASE_WORD = re.compile(r"[A-Za-z][A-Za-z'’.\-]*[A-Za-z]|[A-Za-z]")
#: A lower-case word or two naming a kind of organisation, then a capitalised name
#: ("dairy cooperative Fjellmelk").
_CUE_THEN_NAME = re.compile(
    r"\b((?:[a-z][\w\-]*\s+)?[a-z][\w\-]*)\s+((?:[A-Z][\w\-]*\s+)*[A-Z][\w\-]*)")
#: A capitalised name (its words may be joined by for, of, and, the, commas) and its
#: acronym in brackets: "the Agency for Integration, Migration and Asylum (AIMA)".
_NAME_ACRONYM = re.compile(
    r"([A-Z][\w'’\-]*(?:,?\s+(?:(?:for|of|and|the|on|&)\s+)*[A-Z][\w'’\-]*)*)"
    r"\s+\(([A-Z][A-Z0-9&\-]{1,9})\)")
#: A capitalised name closed by a company's legal form (``legal_forms.txt``: "Nordmark
#: Shipping A/S", "Halvern Pharma plc", "Siemens AG", "Acme Corp."): a company's name.
_NAME_LEGAL_FORM = re.compile(
    r"((?:[A-Z][\w'’&\-]*\s+)*[A-Z][\w'’&\-]*),?\s+(?:"
    + "|".join(map(re.escape, sorted(wordlists.legal_forms(), key=len, reverse=True)))
    + r")(?![\w/])\.?")
#: A capitalised name, a comma, and an apposition of at most four words ending on a noun
#: ("Ferralis Construction, a Grenoble-based firm").
_NAME_THEN_CUE = re.compile(
    r"((?:[A-Z][\w\-]*\s+)*[A-Z][\w\-]*),\s+(?:a|an|the)\s+((?:[\w\-]+\s+){0,3}[a-z][\w\-]*)"
    r"(?=[,.;]|\s+(?:that|which|based|in|of|with)\b)")


@functools.lru_cache(maxsize=1)
def organisations() -> Organisations:
    """The shipped titles-by-organisation list and countries (read once)."""
    base = resources.files("mtqa").joinpath("data")
    japanese: dict[str, set[str]] = {}
    cues: dict[tuple[str, ...], str] = {}
    titles: dict[tuple[str, ...], str] = {}
    for cells in _data_rows(base.joinpath(_ORG_FILE).read_text(encoding="utf-8")):
        kind = cells[0]
        for t in _split_alts(cells[1] if len(cells) > 1 else ""):
            japanese.setdefault(t, set()).add(kind)
        for w in _split_alts(cells[2] if len(cells) > 2 else ""):
            cues[tuple(normalize_word(x) for x in w.split())] = kind
        for t in _split_alts(cells[3] if len(cells) > 3 else ""):
            titles[english_key(t)] = kind
    countries = {tuple(w.replace(".", "") for w in name.split())  # U.S. = US
                 for forms in country_forms() for name in forms}
    return Organisations(
        MappingProxyType({t: frozenset(k) for t, k in japanese.items()}),
        MappingProxyType(cues), MappingProxyType(titles), frozenset(countries),
    )


def _data_rows(text: str) -> Iterator[list[str]]:
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")
