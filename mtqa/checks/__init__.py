"""Check protocol and registry.

A check is one small class in one module of this package, registered by name in
``_CHECKS`` (lazy "module:Class" map, as sacrebleu's tokenizers) or through the
``mtqa.checks`` entry-point group for plugins. Adding a check means one new file, one
line here, and one golden case.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar, Protocol, TypeVar, cast, runtime_checkable

from ..errors import ConfigError
from ..text.glossary import Glossary, TitleMatch
from ..text.lexicon import Lexicon, build_lexicon
from ..types import AlignedPair, Category, Document, Finding, Severity

# name -> "module:Class" relative to this package. Order is the default run order.
_CHECKS: dict[str, str] = {
    "untranslated": ".untranslated:UntranslatedCheck",
    "repetition": ".repetition:RepetitionCheck",
    "titles": ".titles:TitleCheck",
    "names": ".names:NameCheck",
    "numbers": ".numbers:NumberCheck",
    "omission": ".omission:OmissionCheck",
    "addition": ".omission:AdditionCheck",
    "commentary": ".commentary:CommentaryCheck",
    "records": ".records:RecordsCheck",
    "mistranslation": ".mistranslation:MistranslationCheck",
    "acronyms": ".acronyms:AcronymCheck",
    "calques": ".calques:CalqueCheck",
    "scrambled": ".scrambled:ScrambledCheck",
    "alignment": ".alignment:AlignmentCheck",
    "divergence": ".divergence:DivergenceCheck",
}


#: Inputs of a lexicon: the English, the Japanese segments (text, offset, sentence index),
#: the back-translation (:func:`mtqa.text.lexicon.build_lexicon`'s arguments).
LexiconKey = tuple[str, tuple[tuple[str, int, int], ...], str]

_S = TypeVar("_S", bound="CheckState")


class CheckState(Protocol):
    """What one check keeps over one document (records gathered by ``run`` for ``finish``,
    or analyses of the whole document that every pair consults).

    A check declares its state as a class with this constructor and asks for it with
    :meth:`Context.check_state`; the context builds it the first time in each document, so
    nothing of one document reaches the next, and the type checker sees its fields (a
    string-keyed scratch dict let two checks collide and hid what each kept, #17).
    """

    @classmethod
    def for_document(cls: type[_S], ctx: Context) -> _S:
        """The state at the start of the document of ``ctx``."""
        ...


@dataclass
class DocumentState:
    """What the checks share over one document; created with its :class:`Context`.

    Several checks analyse the same pair the same way: mistranslation, omission, addition
    and scrambled each need the pair's lexicon, titles and names look for titles in the
    same English. Each is computed once per document here and shared (#17: the lexicon was
    built 446 times for 41 sentences of data/riyadh). Held by the context, so it lasts one
    document and needs no clearing.

    Attributes:
        lexicons: lexicons by their inputs (:data:`LexiconKey`).
        title_matches: a glossary's titles in an English text, by glossary and text.
        checks: each check's own state, by its type (:class:`CheckState`).
    """

    lexicons: dict[LexiconKey, Lexicon] = field(default_factory=dict)
    title_matches: dict[tuple[Glossary, str], tuple[TitleMatch, ...]] = field(
        default_factory=dict)
    checks: dict[type[CheckState], CheckState] = field(default_factory=dict)


@dataclass
class Context:
    """What a check may use besides the pair: the whole documents, all pairs, resources,
    and the analyses the checks share over the document.

    Attributes:
        reference: the English document.
        translation: the Japanese document.
        pairs: all aligned pairs, in order (for checks that look at neighbours).
        resources: named shared resources (e.g. ``"glossary"``), declared by ``requires``.
        document: what the checks share and keep over this document (fresh per context;
            the pipeline makes one context per document).
        neural_back_translation: True when the back-translations come from a neural engine
            (Marian, CTranslate2: fluent English, attributions from cross-attention); the
            dictionary engine's word-by-word glosses are no translation to compare word for
            word. The pipeline sets it from the engine's name (``mtqa.align.NEURAL_ENGINES``).
    """

    reference: Document
    translation: Document
    pairs: Sequence[AlignedPair]
    resources: Mapping[str, Any] = field(default_factory=dict)
    document: DocumentState = field(default_factory=DocumentState)
    neural_back_translation: bool = False

    def lexicon(self, pair: AlignedPair) -> Lexicon:
        """The lexicon of ``pair``: its English, its Japanese sentences, its
        back-translation (built once per document, shared by the checks)."""
        return self.lexicon_of(pair.reference, pair_segments(pair, self),
                               pair.back_translation)

    def lexicon_of(self, reference: str, segments: Sequence[tuple[str, int, int]],
                   back_translation: str = "") -> Lexicon:
        """The lexicon of any English and Japanese sentences of this document (a pair with
        its neighbours' Japanese, a clause against the next sentence), built once."""
        key = (reference, tuple(segments), back_translation)
        lex = self.document.lexicons.get(key)
        if lex is None:
            lex = self.document.lexicons[key] = build_lexicon(*key)
        return lex

    def titles(self, glossary: Glossary, text: str) -> tuple[TitleMatch, ...]:
        """:meth:`Glossary.find` of English ``text`` (a pair, its window, the whole
        reference), looked up once per document."""
        key = (glossary, text)
        found = self.document.title_matches.get(key)
        if found is None:
            found = self.document.title_matches[key] = tuple(glossary.find(text))
        return found

    def check_state(self, kind: type[_S]) -> _S:
        """The state of type ``kind`` for this document, built by
        ``kind.for_document(self)`` on the first call."""
        state = self.document.checks.get(kind)
        if state is None:
            state = self.document.checks[kind] = kind.for_document(self)
        return cast(_S, state)


def pair_segments(pair: AlignedPair, ctx: Context) -> list[tuple[str, int, int]]:
    """(text, offset, sentence index) of the Japanese sentences of a pair."""
    doc = ctx.translation
    return [(doc.sentence_text(i), doc.sentences[i].start, i) for i in pair.mt_sentences]


def shorten(text: str, limit: int = 60) -> str:
    """``text`` on one line (runs of whitespace as one space), cut to ``limit`` characters
    with an ellipsis: an English or Japanese passage quoted in a finding's message."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def is_headline(pair: AlignedPair, ctx: Context) -> bool:
    """Whether the pair is the article's headline: its Japanese is the first sentence, on a
    line of its own, with no full stop (a headline may compress or add to the article's
    facts)."""
    doc = ctx.translation
    if pair.mt_sentences != (0,) or len(doc.sentences) < 2:
        return False
    first = doc.text[doc.sentences[0].start : doc.sentences[0].end].rstrip()
    return not first.endswith(("。", "．")) and "\n" in doc.text[
        doc.sentences[0].end : doc.sentences[1].start]


def neighbour_pairs(pair: AlignedPair, ctx: Context, reach: int = 1) -> list[AlignedPair]:
    """Content pairs within ``reach`` beads of ``pair`` (misalignment safety net)."""
    out = []
    for p in ctx.pairs:
        if p.chrome or p.index == pair.index:
            continue
        if abs(p.index - pair.index) <= reach:
            out.append(p)
    return out


@runtime_checkable
class Check(Protocol):
    """What the pipeline calls: ``run`` on every pair of a document, in order, then
    ``finish`` once (document-level findings, and those that need the whole article,
    such as a name written two ways). Both get the same :class:`Context`."""

    name: ClassVar[str]
    version: ClassVar[int]
    requires: ClassVar[frozenset[str]]

    def run(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]: ...

    def finish(self, ctx: Context) -> Iterator[Finding]: ...

    def signature_parts(self) -> dict[str, str]: ...


class BaseCheck:
    """Convenience base: signature from name and version, no document-level findings
    unless ``finish`` is overridden, and :meth:`finding` to build findings."""

    name: ClassVar[str] = ""
    version: ClassVar[int] = 1
    requires: ClassVar[frozenset[str]] = frozenset()
    #: False for an opt-in check: registered (``mtqa checks`` lists it, ``--checks`` and a
    #: policy's ``checks`` turn it on) but not in the default run (:func:`defaults`), e.g.
    #: while its precision on real text is unmeasured.
    default: ClassVar[bool] = True

    def run(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]:
        return iter(())

    def finish(self, ctx: Context) -> Iterator[Finding]:
        """Called once after all pairs (document-level findings)."""
        return iter(())

    def signature_parts(self) -> dict[str, str]:
        return {self.name: str(self.version)}

    def finding(
        self,
        ja_text: str,
        start: int,
        end: int,
        *,
        category: Category,
        severity: Severity,
        message: str,
        pair: AlignedPair | None = None,
        segment: int | None = None,
        reference: str | None = None,
        code: str = "",
        evidence: Mapping[str, str] | None = None,
    ) -> Finding:
        """A finding of this check on ``ja_text[start:end]``.

        The span's text is cut from the Japanese document here, so that a check cannot
        give a text that disagrees with its offsets (the report's contract), and the
        check's name is filled in, so that a copied line cannot name another check.

        Args:
            ja_text: the whole Japanese document text (``ctx.translation.text``); the
                offsets index it.
            pair: the pair the finding belongs to: its index is the segment and its English
                the reference unless ``segment`` or ``reference`` are given.
            segment: the segment (pair index) when it is not ``pair``'s, or when there is
                no pair (a document-level finding).
            reference: the English the span corresponds to (default: ``pair.reference``,
                or nothing without a pair).
            evidence: named values that explain the finding (default: none).
        """
        if segment is None and pair is not None:
            segment = pair.index
        if reference is None:
            reference = pair.reference if pair is not None else ""
        extra: dict[str, Any] = {} if evidence is None else {"evidence": evidence}
        return Finding(
            category=category,
            severity=severity,
            start=start,
            end=end,
            text=ja_text[start:end],
            message=message,
            reference=reference,
            check=self.name,
            code=code,
            segment=segment,
            **extra,
        )


def register(name: str, target: str) -> None:
    """Register a check class under ``name`` (``target`` is ``"package.module:Class"``)."""
    _CHECKS[name] = target


def available() -> list[str]:
    """Names of all registered checks, in run order (entry-point plugins last)."""
    names = list(_CHECKS)
    for ep in _entry_points():
        if ep.name not in names:
            names.append(ep.name)
    return names


def defaults() -> list[str]:
    """Names of the checks of the default run, in run order: the registered ones but the
    opt-in checks (a class with ``default = False``)."""
    return [n for n in available() if getattr(load(n), "default", True)]


def _entry_points() -> list[Any]:
    from importlib.metadata import entry_points

    return list(entry_points(group="mtqa.checks"))


def load(name: str) -> type:
    if name in _CHECKS:
        module_name, cls_name = _CHECKS[name].split(":")
        module = importlib.import_module(module_name, __name__)
        return getattr(module, cls_name)  # type: ignore[no-any-return]
    for ep in _entry_points():
        if ep.name == name:
            return ep.load()  # type: ignore[no-any-return]
    raise ConfigError(f"unknown check {name!r}; available: {', '.join(available())}")


def create(names: Sequence[str] | None = None, **params: Any) -> list[Check]:
    """Instantiate checks by name (the default run, :func:`defaults`, when ``names`` is None).

    ``params`` maps a check name to a dict of constructor arguments.

    Raises:
        ConfigError: a name is unknown, or its class does not have the :class:`Check`
            methods (a plugin without ``finish``, say: the pipeline calls it).
    """
    chosen = list(names) if names else defaults()
    out: list[Check] = []
    for n in chosen:
        check = load(n)(**params.get(n, {}))
        if not isinstance(check, Check):
            missing = [m for m in ("name", "version", "requires", "run", "finish",
                                   "signature_parts") if not hasattr(check, m)]
            raise ConfigError(f"check {n!r} lacks {', '.join(missing)} of the Check "
                              "protocol (mtqa.checks.BaseCheck provides them)")
        out.append(check)
    return out
