"""A note about the translation inside the translation (``ADD002``, the ``commentary`` check).

A translation of an English article has no reason to speak of translating, or of the
Japanese language, unless the English does. A sentence that does is the translator's note
to the editor, or a language model's commentary on its own output left in it (この文は日本語に
翻訳する必要はありません。 "this sentence needs no translation into Japanese", 以下、より自然な
日本語訳です。 "below, a more natural Japanese translation"): no part of the article, never to
be published, so major.

The words come from JMdict: a word (or a run of up to three tokens forming one JMdict entry,
日本｜語) whose first gloss is a translation or the act of translating (翻訳, 訳す, 訳文, 和訳:
"Japanese translation") or the Japanese language (日本語). 訳 read わけ ("reason", in 申し訳,
というわけで) glosses a reason first and does not count. The sentence is reported only when
the article's English says nothing of translating, interpreting, subtitles, dubbing,
wording, languages, English, Japan or Japanese (an article about a translator, or one
quoting a Japanese word, may speak of them in Japanese too).

On the 4,094 translations of WMT24 ESA en-ja dev (12 systems and a professional translation)
such sentences are all one system's commentary; on the 1,000 machine translations of WMT22
en-ja dev there are none.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import ClassVar

from ..text import japanese, jmdict
from ..types import AlignedPair, Finding
from . import BaseCheck, Context, pair_segments, shorten

#: A first JMdict gloss that names a translation, the act of translating, or the Japanese
#: language (the gloss decides, not a list of words: 翻訳 'translation', 訳す 'to
#: translate', 和訳 'Japanese translation', 邦訳 'translation into Japanese', 訳文
#: 'translated sentence', 日本語 'Japanese (language)').
_TRANSLATION_GLOSS = re.compile(
    r"^(?:to )?translat|^translated (?:sentence|passage|text)|^japanese (?:\(language\)|"
    r"translation)|^translation into japanese", re.IGNORECASE)
#: What in the English makes talk of translation or of the Japanese language part of the
#: article.
_ENGLISH_TOPIC = re.compile(
    r"\b(?:translat\w*|interpret\w*|subtitl\w*|dub(?:bed|bing)?|languages?|japan\w*|"
    r"english|wording)\b", re.IGNORECASE)
#: Tokens joined at most into one JMdict entry (日本｜語｜訳).
MAX_ENTRY_TOKENS = 3


@functools.lru_cache(maxsize=8192)
def _names_translation(form: str) -> bool:
    """Whether JMdict's first gloss of ``form`` (its most common sense) names a translation,
    the act of translating or the Japanese language."""
    glosses = jmdict.glosses(form, max_senses=1)
    return bool(glosses) and _TRANSLATION_GLOSS.search(glosses[0]) is not None


def translation_words(sentence: str) -> list[tuple[int, int]]:
    """Spans (offsets into ``sentence``) of the words that speak of translating or of the
    Japanese language (see the module docstring)."""
    toks = japanese.tokenize(sentence)
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(toks):
        hit = 0
        if toks[i].pos1 in {"名詞", "動詞"}:
            for n in range(MAX_ENTRY_TOKENS, 0, -1):
                part = toks[i : i + n]
                if len(part) < n or any(t.is_punct for t in part):
                    continue
                forms = {"".join(t.surface for t in part)}
                if n == 1:
                    forms.add(japanese.lemma_base(part[0].lemma))
                if any(_names_translation(f) for f in forms):
                    hit = n
                    break
        if hit:
            out.append((toks[i].start, toks[i + hit - 1].end))
            i += hit
        else:
            i += 1
    return out


class CommentaryCheck(BaseCheck):
    """Flag a Japanese sentence that speaks of translating, or of the Japanese language,
    where the English article does not: a note about the translation left in it."""

    name: ClassVar[str] = "commentary"
    version: ClassVar[int] = 1
    requires: ClassVar[frozenset[str]] = frozenset()

    def run(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]:
        if pair.chrome or not pair.mt_sentences or _ENGLISH_TOPIC.search(ctx.reference.text):
            return
        text = ctx.translation.text
        for seg, offset, _ in pair_segments(pair, ctx):
            words = translation_words(seg)
            if not words:
                continue
            a = offset + len(seg) - len(seg.lstrip())
            b = offset + len(seg.rstrip())
            said = "、".join(dict.fromkeys(seg[s:e] for s, e in words))
            yield self.finding(
                text, a, b,
                category="addition",
                severity="major",
                message=(f"'{shorten(seg.strip())}' speaks of the translation itself ({said}), "
                         "which the English does not: a note about the translation, not "
                         "part of the article"),
                pair=pair,
                code="ADD002",
                evidence={"words": said},
            )
