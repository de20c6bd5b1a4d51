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
from typing import Any, ClassVar, Protocol, runtime_checkable

from ..errors import ConfigError
from ..types import AlignedPair, Document, Finding, Severity

# name -> "module:Class" relative to this package. Order is the default run order.
_CHECKS: dict[str, str] = {
    "untranslated": ".untranslated:UntranslatedCheck",
    "repetition": ".repetition:RepetitionCheck",
    "titles": ".titles:TitleCheck",
    "names": ".names:NameCheck",
    "numbers": ".numbers:NumberCheck",
    "omission": ".omission:OmissionCheck",
    "addition": ".omission:AdditionCheck",
    "mistranslation": ".mistranslation:MistranslationCheck",
    "scrambled": ".scrambled:ScrambledCheck",
    "alignment": ".alignment:AlignmentCheck",
}


@dataclass
class Context:
    """What a check may use besides the pair: the whole documents, all pairs, resources.

    Attributes:
        reference: the English document.
        translation: the Japanese document.
        pairs: all aligned pairs, in order (for checks that look at neighbours).
        resources: named shared resources (e.g. ``"glossary"``), declared by ``requires``.
        state: scratch space per check name for checks that accumulate over the article
            (e.g. name consistency); reset for each document.
    """

    reference: Document
    translation: Document
    pairs: Sequence[AlignedPair]
    resources: Mapping[str, Any] = field(default_factory=dict)
    state: dict[str, Any] = field(default_factory=dict)


def pair_segments(pair: AlignedPair, ctx: Context) -> list[tuple[str, int, int]]:
    """(text, offset, sentence index) of the Japanese sentences of a pair."""
    doc = ctx.translation
    return [(doc.sentence_text(i), doc.sentences[i].start, i) for i in pair.mt_sentences]


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
    name: ClassVar[str]
    version: ClassVar[int]
    requires: ClassVar[frozenset[str]]

    def run(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]: ...

    def signature_parts(self) -> dict[str, str]: ...


class BaseCheck:
    """Convenience base: signature from name and version; optional document-level hook."""

    name: ClassVar[str] = ""
    version: ClassVar[int] = 1
    requires: ClassVar[frozenset[str]] = frozenset()

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
        category: str,
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


def create(names: Sequence[str] | None = None, **params: Any) -> list[Any]:
    """Instantiate checks by name (all registered checks when ``names`` is None).

    ``params`` maps a check name to a dict of constructor arguments.
    """
    chosen = list(names) if names else available()
    return [load(n)(**params.get(n, {})) for n in chosen]
