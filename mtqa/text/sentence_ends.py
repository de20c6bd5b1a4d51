"""How a text ends: a complete English sentence, or Japanese that breaks off mid-sentence.

A machine translation cut short (an output length limit, a timeout, a feed item stored
half-written) stops inside a sentence: on a comma, a particle, a verb's continuative form,
or a word after the last full stop of its line. Japanese leaves a final 。 out often enough
(subtitles, posts: …しています), so a missing full stop alone says nothing; what the last word
is says it. On the 4,094 translations of WMT24 ESA dev, items and whole documents, no
translation, machine or professional, is taken for broken off by :func:`breaks_off` where
the English ends a sentence (:func:`ends_a_sentence`); cut at random places, about six in
ten of the professional ones are (the rest mostly end on a full stop: a cut between
sentences, which the alignment judges).
"""

from __future__ import annotations

import re

from . import japanese

#: English that ends a sentence: a full stop, a question or an exclamation mark, then
#: closing quotes or brackets.
_EN_END = re.compile(r"[.!?][\"”’')\]]*\s*$")
#: Sentences of English that open on a subordinator and have no comma for a main clause to
#: follow ("In case you're interested in the challenge ahead I face."): the English is a
#: fragment itself, and so may its rendering be.
_SUBORDINATE = re.compile(
    r"[\"“]?(?:if|in case|when|whenever|because|although|though|while|as|since|unless|"
    r"so that|before|after|until)\b", re.I)
#: Japanese that ends a sentence: a full stop or a question or exclamation mark, ♪, or 笑
#: (the written laugh that closes a post: "lol"), then closing quotes or brackets.
_JA_END = re.compile(r"(?:[。．.！？!?♪]|笑)[」』）)】〕”\"’]*\s*$")
#: Japanese that ends on a comma, a middle dot or an opening bracket: nothing ends there.
_JA_OPEN = re.compile(r"[、，,・「『（(【〔“]\s*$")
#: A line may end on what a translation keeps as it is: an address, a hashtag, a handle, an
#: emoji or another symbol.
_KEPT = re.compile(r"(?:https?://\S+|[#＃@＠][\w.]+|[^\w\s])\s*$")
#: Conjugated forms a sentence can end on (UniDic ``cForm``): 言う, 行け, のだ's 連体形
#: (…するの), でしょう.
_FINAL_FORMS = ("終止形", "命令形", "連体形", "意志推量形")
#: Sentences whose end a line's last words are looked for in.
_TAIL_CHARS = 40


def ends_a_sentence(english: str) -> bool:
    """Whether the English text ends a sentence of its own: a full stop, question or
    exclamation mark, and a last sentence that does not open on a subordinator unless a
    comma leaves room for its main clause."""
    text = english.rstrip()
    if not _EN_END.search(text):
        return False
    last = re.split(r"(?<=[.!?])\s+", text)[-1]
    # "As it is oriented, it cannot be ancient." has its main clause after the comma
    return not (_SUBORDINATE.match(last) and "," not in last)


def breaks_off(japanese_text: str) -> str:
    """Why the Japanese text stops inside a sentence, or ``""`` when it ends one.

    It breaks off when it ends, with no sentence-final mark, on a comma or an opening
    bracket; on a particle that is not sentence-final (…の中には); on a verb, adjective or
    auxiliary in a form no sentence ends on (…していて, …であれ); on a prefix; or on any
    other word that is no predicate in a final form (a noun, a stem: …特別措) after a full
    stop on the same line, so that its line holds a sentence that ended and one that did
    not, or on a noun after a comma of its sentence (a headline ends on a noun, 体言止め,
    but is no article's last line where the English ends a sentence). A line that ends on
    an address, a hashtag, a handle or an emoji ends as posts do.
    """
    text = japanese_text.rstrip()
    if not text or _JA_END.search(text):
        return ""
    if _JA_OPEN.search(text):
        return f"it ends on '{text[-1]}'"
    line = text[text.rfind("\n") + 1 :]
    if _KEPT.search(line):
        return ""
    toks = [t for t in japanese.tokenize(line[-_TAIL_CHARS:]) if t.pos1 != "空白"]
    if not toks:
        return ""
    last = toks[-1]
    if last.pos1 == "助詞" and last.pos2 != "終助詞":
        return f"it ends on the particle '{last.surface}'"
    predicate = last.pos1 in {"動詞", "助動詞", "形容詞"}
    if predicate and last.cform and not last.cform.startswith(_FINAL_FORMS):
        return f"it ends on '{last.surface}', a form no sentence ends on"
    if last.pos1 == "接頭辞":
        return f"it ends on the prefix '{last.surface}'"
    final = (predicate and last.cform.startswith(_FINAL_FORMS)) or last.pos2 == "終助詞"
    if final:
        return ""
    if re.search(r"[。．！？!?]", line):
        return "its last sentence has no end after one that ended on the same line"
    if "、" in line[-_TAIL_CHARS:] and last.pos1 in {"名詞", "接尾辞"}:
        return "its last sentence runs on past a comma and stops on a noun"
    return ""
