"""Records that flow between the pipeline stages (plain frozen dataclasses).

Offsets are character offsets into the text exactly as decoded from the input, so that
``text[start:end]`` is the span shown to the user.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Literal, get_args

#: A finding's category: those of docs/DESIGN.md (the contract), as a type so that a type
#: checker catches a misspelt category in a check (#17) before a run's ``ValueError`` does.
Category = Literal[
    "title",
    "name",
    "untranslated",
    "repetition",
    "scrambled",
    "mistranslation",
    "omission",
    "addition",
    "number",
    "boilerplate",
    "moved",
]
#: The categories, in report order (the order of :data:`Category`).
CATEGORIES: tuple[Category, ...] = get_args(Category)
#: A finding's severity. ``info`` marks informational findings (page chrome, #16): shown and
#: counted in every output under that name, but weighing 0 and never failing the gate.
Severity = Literal["critical", "major", "minor", "info"]
#: Severities, worst first.
SEVERITIES: tuple[Severity, ...] = get_args(Severity)
#: The severities that are errors (MQM's three levels); ``info`` is not one.
ERROR_SEVERITIES: tuple[Severity, ...] = ("critical", "major", "minor")
#: MQM-style weights per severity (docs/DESIGN.md): critical 25, major 5, minor 1;
#: informational findings weigh 0, so one severity decides a finding's weight, count and
#: gate effect in every output (#16: boilerplate was "minor" in JSON, left out of the
#: counts, and "info" in HTML).
SEVERITY_WEIGHTS: Mapping[str, float] = MappingProxyType(
    {"critical": 25.0, "major": 5.0, "minor": 1.0, "info": 0.0}
)
#: Categories that are informational by nature: a check gives them severity ``info`` (a
#: policy may still raise one, e.g. ``[severity] boilerplate = "minor"``). ``moved`` is a
#: sentence an editor moved to another place (#19): a rendering of the English found
#: elsewhere in the article, not an omission plus an addition.
INFORMATIONAL_CATEGORIES: frozenset[Category] = frozenset({"boilerplate", "moved"})


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence (or chrome line) of a document.

    Attributes:
        index: position in the document's sentence list.
        start: offset of the first character in the document text.
        end: offset after the last character.
        paragraph: index of the paragraph (blank-line separated block) it belongs to.
        chrome: True for page chrome (share buttons, comment forms, captions labels).
    """

    index: int
    start: int
    end: int
    paragraph: int
    chrome: bool = False


@dataclass(frozen=True, slots=True)
class Document:
    """A text with its sentence spans."""

    text: str
    sentences: tuple[Sentence, ...]
    lang: str

    def sentence_text(self, i: int) -> str:
        s = self.sentences[i]
        return self.text[s.start : s.end]

    @property
    def content(self) -> tuple[Sentence, ...]:
        return tuple(s for s in self.sentences if not s.chrome)


@dataclass(frozen=True, slots=True)
class Attribution:
    """Link between a span of the back-translation and the Japanese characters it came from.

    Offsets ``en_*`` index the back-translation string; ``ja_*`` index the Japanese
    sentence (relative to the sentence start).
    """

    en_start: int
    en_end: int
    ja_start: int
    ja_end: int


@dataclass(frozen=True, slots=True)
class BackTranslation:
    """English back-translation of one Japanese sentence."""

    text: str
    attributions: tuple[Attribution, ...] = ()


@dataclass(frozen=True, slots=True)
class AlignedPair:
    """A bead of the alignment: English sentences ↔ Japanese sentences.

    Either side may be empty (1:0 omission, 0:1 addition). ``ref_*`` index the reference
    text, ``mt_*`` the Japanese text; an empty side has ``start == end`` at the place
    where the content would be.
    """

    index: int
    ref_sentences: tuple[int, ...]
    mt_sentences: tuple[int, ...]
    ref_start: int
    ref_end: int
    mt_start: int
    mt_end: int
    reference: str
    translation: str
    back_translation: str = ""
    attributions: tuple[Attribution, ...] = ()
    score: float = 0.0
    chrome: bool = False

    @property
    def kind(self) -> str:
        return f"{len(self.ref_sentences)}:{len(self.mt_sentences)}"

    def japanese_span(self, en_start: int, en_end: int) -> tuple[int, int] | None:
        """Japanese characters responsible for ``back_translation[en_start:en_end]``.

        The smallest span (offsets into the Japanese *document*, like a finding's) that
        covers every attribution overlapping the English span, or ``None`` when the
        engine recorded none there (the dictionary engine records one per gloss; Marian
        and CTranslate2 record them from cross-attention). A check that finds a bad or
        missing English word in the back-translation points at the Japanese with it.
        """
        hits = [a for a in self.attributions if a.en_start < en_end and en_start < a.en_end]
        if not hits:
            return None
        start = min(a.ja_start for a in hits)
        end = max(a.ja_end for a in hits)
        return self.mt_start + start, self.mt_start + end


@dataclass(frozen=True, slots=True)
class Finding:
    """One flagged span of the Japanese text.

    ``start``/``end`` index the Japanese text as decoded; ``text`` is exactly
    ``ja_text[start:end]``. ``reference`` is the English the span corresponds to.
    """

    category: Category
    severity: Severity
    start: int
    end: int
    text: str
    message: str
    reference: str
    check: str
    code: str = ""
    segment: int | None = None
    evidence: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    #: Calibrated probability that a careful reviewer marks an error here (mtqa/risk/confidence.py,
    #: #18); ``None`` for informational findings and when calibration is off.
    confidence: float | None = None

    def __post_init__(self) -> None:
        if self.category not in CATEGORIES:
            raise ValueError(f"unknown finding category {self.category!r}")
        if self.severity not in SEVERITIES:
            raise ValueError(f"unknown severity {self.severity!r}")
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")
        if self.confidence is not None and not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"confidence {self.confidence!r} outside 0..1")

    @property
    def weight(self) -> float:
        """MQM weight of the severity (``info`` weighs 0)."""
        return SEVERITY_WEIGHTS[self.severity]

    def to_dict(self) -> dict[str, Any]:
        """The only serializer: JSON, DataFrames and HTML build on it (key order is stable)."""
        return {
            "category": self.category,
            "severity": self.severity,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "message": self.message,
            "reference": self.reference,
            "check": self.check,
            "code": self.code,
            "segment": self.segment,
            "evidence": dict(self.evidence),
            "confidence": self.confidence,
        }
