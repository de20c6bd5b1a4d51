"""Fragments: a body sentence of the Japanese that cannot stand as a sentence (the
scrambled check's ``SCR001``, :func:`fragment`).

A body sentence that ends on a case particle (…ベラルーシに。),
starts with a particle, has no predicate at all (モスクワとのつながり。), or ends on a
subordinate ending with no main clause (…を防ぐため。). Headlines, captions and short
lines without a full stop are left alone: 体言止め (a noun ending) is normal there,
and in body sentences that have a predicate inside (…盗まれたのは…肖像画。). So is
spoken and informal Japanese: a connective opening (でも、 と、 なんて), a sentence-final
expression after a predicate (よかったのに。 なかったくせに。), an address (レスリーさん。),
a lone adverb or interjection (なるほど。), one item said twice (はい、はい。), and
the rendering of an English sentence that is itself a fragment ("Rosemary and thyme.",
"Or a cat in the garden?": no finite verb), even when it ends on a case particle. So
are an opening expression of several words (というのも、 ということは、), a topic with
one phrase whose verb is left out by style (詳細はウェブサイトへ。 陪審員は宣誓を。), a
list of nouns (ネギ、玉ネギ、卵。) and inverted order after a finite clause
(同じだった、その特性ゆえに。). So are a noun closed by a sentence-final particle (私の
兄よ。), an opening conjunction that UniDic splits (というわけで、), a particle after a
quotation of punctuation (「...」を…), a request after どうぞ (どうぞ盛大な拍手を。), and
an afterthought clause after the sentence it modifies, one English sentence split in two
(…と彼女は尋ねた。壁の時計を見ながら。). Also a fragment:
a sentence ending on a compound particle (…規則について。), and, in plain written prose,
on a te-form whose clause names its subject (…怪物は…把握して。) or on a verb's
continuative form (…命を受け。; also one UniDic reads as a noun, after an object or goal
particle: …マドリードに生まれ。). A first sentence followed by another on the same line
is body text, checked for these particle and te-form endings (a headline stands alone).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Sequence

from ..text import japanese, jmdict, wordlists
from ..text.lexicon import IRREGULAR_FORMS
from ..types import AlignedPair, Sentence
from . import Context

#: A body sentence at most this long (characters) with no predicate is a fragment even
#: when a noun ends it; longer predicate-less sentences are usually 体言止め summaries.
MAX_FRAGMENT_CHARS = 25
#: Subordinate endings that cannot end a sentence without a main clause (…を防ぐため。).
_DANGLING_ENDINGS = frozenset({"ため", "ので", "ように", "よう", "ながら", "ものの", "つつ"})
#: Case particles that cannot end a Japanese sentence (…ベラルーシに。).
_CASE_PARTICLES = frozenset({"に", "を", "が", "へ", "で", "と", "から", "より", "の"})
OPEN_QUOTES = {"「": "」", "『": "』"}
CLOSE_QUOTES = {v: k for k, v in OPEN_QUOTES.items()}


def is_punctuation(surface: str) -> bool:
    return all(unicodedata.category(c)[0] in "PSZ" for c in surface)


def _is_predicate(tok: japanese.Token) -> bool:
    return tok.pos1 in {"動詞", "形容詞", "助動詞"} or tok.pos2 == "助動詞語幹"


#: Suffixes of address: a name with one of them alone is a vocative (レスリーさん。).
_ADDRESS = frozenset({"さん", "様", "さま", "くん", "君", "ちゃん", "先生", "殿", "氏"})
#: An English sentence this short (words) is itself a fragment ("Rosemary and thyme.",
#: "Tomorrow morning's task."): the Japanese may render it as one.
MAX_EN_FRAGMENT_WORDS = 3
#: Light verbs (lemmas): their glosses (do, make, be, become) render some word of
#: any English sentence, so they show nothing moved.
LIGHT_VERBS = wordlists.light_verbs() | {"遣る"}
#: Closing quotes and brackets: a sentence that opens with one was split inside a quote.
_CLOSING_QUOTES = ("」", "』", "）", ")", "”", "’")


def _spoken_opening(words: Sequence[japanese.Token], toks: Sequence[japanese.Token]) -> bool:
    """True when a sentence-initial particle is a connective or exclamation of spoken
    Japanese, not the cut-off start of a clause: followed by a comma (と、 "and then"),
    one JMdict word with the next particle (で + も = でも "but"), or a JMdict word of
    its own of two characters or more (なんて "how …!")."""
    first = words[0]
    k = next(i for i, t in enumerate(toks) if t is first)
    if k + 1 < len(toks) and toks[k + 1].surface in {"、", "，", ","}:
        return True
    if len(words) > 1 and words[1].is_particle and jmdict.glosses(first.surface
                                                                  + words[1].surface):
        return True
    # an expression of several words with a verb or noun in it (というのも "because",
    # ということは "so"): one JMdict entry, in a sentence that ends complete (one that ends
    # on a conjunctive particle, …しようとして。, is unfinished whatever opens it)
    finished = words[-1].pos2 != "接続助詞"
    if finished and _quotative_conjunction(words):
        return True
    for n in range(3, min(len(words), MAX_OPENING_TOKENS) + 1 if finished else 0):
        head = words[:n]
        if (all(a.end == b.start for a, b in zip(head, head[1:]))
                and any(not t.is_particle for t in head)
                and jmdict.glosses("".join(t.surface for t in head))):
            return True
    return len(first.surface) >= 2 and bool(jmdict.glosses(first.surface))


def _quotative_conjunction(words: Sequence[japanese.Token]) -> bool:
    """True when a sentence opens on the quotative と, 言う in its attributive form and a
    noun (というわけで、 ということで、 というのは): UniDic splits these conjunctions of
    "so, that is why" into their parts, and their ``という N`` points back at the previous
    sentence. A clause cut off before its reporting verb goes on with と言った or と述べた
    (a final or continuative form), never with 言う modifying a noun."""
    return (len(words) > 2 and words[0].surface == "と" and words[1].lemma == "言う"
            and words[1].cform.startswith("連体形")
            and (words[2].pos1 == "名詞" or words[2].pos2 == "準体助詞"))


#: Case particles after which a topic sentence leaves its verb out by style: a direction or
#: a request (詳細はウェブサイトへ。 陪審員は宣誓を。).
_ELLIPSIS_PARTICLES = frozenset({"へ", "を"})
#: Marks that separate the items of an enumeration (ネギ、玉ネギ、卵).
_LIST_MARKS = frozenset({"、", "，", ",", "・"})
#: Tokens of a multi-word opening expression looked up in JMdict (というのも "because").
MAX_OPENING_TOKENS = 5


def _verb_ellipsis(words: Sequence[japanese.Token], text: str) -> bool:
    """True when a sentence is a topic and one phrase ending on へ or を with the verb left
    out (詳細はウェブサイトへ。 "for details, see the website"; 陪審員は宣誓を。 "the
    jury will be sworn"): two phrases with no comma, the only other particles the topic は
    and の inside a noun phrase, no predicate. A clause cut off from its sentence carries
    more (…大臣は火曜日、港湾の労組へ。 …は火曜日に労組へ。) or no topic (…責任を。)."""
    if words[-1].surface not in _ELLIPSIS_PARTICLES or "、" in text:
        return False
    return _topic_and_phrase(words)


def _topic_and_phrase(words: Sequence[japanese.Token]) -> bool:
    """The words are a topic with は and one phrase, with no predicate (see
    :func:`_verb_ellipsis`)."""
    if len(words) < 4:
        return False
    particles = [k for k, t in enumerate(words[:-1]) if t.is_particle and t.surface != "の"]
    return (len(particles) == 1 and words[particles[0]].surface == "は"
            and 0 < particles[0] < len(words) - 2
            and not any(_is_predicate(t) for t in words))


def _from_quantity(toks: Sequence[japanese.Token]) -> bool:
    """True when the last clause of a sentence is a topic and a quantity with から, the
    price or time from which something starts (…予定で、大人運賃は12ポンドから。 受付は
    午前9時から。): the verb (始まる, となる) is left out by style. The quantity is a
    number, perhaps with its unit or counter."""
    cut = max((k for k, t in enumerate(toks) if t.surface in {"、", "，"}), default=-1)
    words = [t for t in toks[cut + 1 :] if not is_punctuation(t.surface)]
    if len(words) < 4 or words[-1].surface != "から" or words[-1].pos2 != "格助詞":
        return False
    k = len(words) - 2
    if words[k].pos3 == "助数詞可能":
        k -= 1
    return words[k].pos2 == "数詞" and _topic_and_phrase(words)


#: Adverbs that announce a request or an invitation (UniDic 副詞, by lemma: ぜひ is 是非):
#: the verb that makes it (ください, お願いします) may be left out after the object
#: (どうぞ盛大な拍手を。 ぜひご参加を。).
_REQUEST_ADVERBS = frozenset({"どうぞ", "是非"})


def _request_ellipsis(words: Sequence[japanese.Token], toks: Sequence[japanese.Token]) -> bool:
    """True when the last clause of a sentence opens on a request adverb and ends on を with
    no predicate of its own (…ので、どうぞ盛大な拍手を。 "a round of applause, please"): a polite
    request whose verb is left out. A clause cut off from its sentence carries no request
    adverb."""
    if words[-1].surface != "を":
        return False
    commas = [k for k, t in enumerate(toks) if t.surface in _LIST_MARKS]
    clause = [t for t in toks[commas[-1] + 1:] if not is_punctuation(t.surface)] if commas \
        else list(words)
    # (an attributive form modifies the object: どうぞ盛大な拍手を。 どうぞ温かい拍手を。)
    return (len(clause) > 2 and clause[0].pos1 == "副詞" and clause[0].lemma in _REQUEST_ADVERBS
            and not any(_is_predicate(t) and not t.cform.startswith("連体形") for t in clause))


def _enumeration(toks: Sequence[japanese.Token]) -> bool:
    """True when a sentence is a list of three or more nouns (カラーピーマン、ネギ、玉ネギ。):
    a list of ingredients or names needs no predicate, and a fragment cut off from its
    sentence keeps a particle or a predicate."""
    items: list[list[japanese.Token]] = [[]]
    for t in toks:
        if t.surface in _LIST_MARKS:
            items.append([])
        elif not is_punctuation(t.surface):
            items[-1].append(t)
    return len(items) >= 3 and all(
        item and all(t.pos1 in {"名詞", "接頭辞", "接尾辞"} for t in item) for item in items)


#: Finite endings of a predicate (…だった, …します): one before a comma closes a clause.
_FINITE_ENDINGS = frozenset({"た", "だ", "です", "ます"})


def _inverted_order(toks: Sequence[japanese.Token]) -> bool:
    """True when a clause closed by a finite predicate comes before a comma and the
    postpositional phrase after it (アイボリーも同じだった、その特性ゆえに。): inverted word
    order (倒置), a complete sentence whose phrase was put last for emphasis (ザックだよ、
    「Better in Construction」から。 with a sentence-final particle). A fragment
    cut off from its sentence has no finite predicate before its last phrase."""
    for k, t in enumerate(toks):
        if t.pos1 == "助動詞" and t.surface in _FINITE_ENDINGS:
            # (sentence-final particles may close the clause first: ザックだよ、…から。)
            j = k + 1
            while j < len(toks) and toks[j].pos2 == "終助詞":
                j += 1
            if j < len(toks) and toks[j].surface in {"、", "，"}:
                return True
    return False


#: The conjunctive particles of the te-form (…して, …読んで).
_TE = frozenset({"て", "で"})
#: Case particles that open a compound particle (に + ついて, と + して).
_COMPOUND_HEADS = frozenset({"に", "と"})


def _compound_head(particle: japanese.Token, verb: japanese.Token) -> bool:
    """True when a particle and the verb after it may form a compound particle: に or と
    (について, として, に比べて), or を with a verb other than する (をめぐって "over",
    をもって "by"; をして is as often the te-form of a request: 蓋をして。). JMdict lists
    some compounds in their continuative form only (に比べ), so both are looked up."""
    if particle.surface == "を":
        return verb.lemma not in LIGHT_VERBS
    return particle.surface in _COMPOUND_HEADS


#: Particles that mark the subject or topic of a clause.
_SUBJECT_PARTICLES = frozenset({"は", "が"})
#: A te-form sentence with a subject is a fragment from this many characters: shorter ones
#: are spoken answers giving a reason (電車が遅れて。 "the train was late").
MIN_TE_FRAGMENT_CHARS = 12


def _dangling_te_form(words: Sequence[japanese.Token], toks: Sequence[japanese.Token],
                      written: Callable[[], bool]) -> str:
    """Why a sentence that ends on the te-form is unfinished, or "" when it is not.

    * A compound case particle after a noun, or a noun and its suffix (について, として,
      に対して: に or と, a verb and て that JMdict lists as one expression) marks a phrase
      that a predicate must govern: …規則について。 …医療従事者として。 is cut before its
      verb. (を + verb + て is left alone: 蓋を
      して。 is a request as often as the causative をして; so is a place pronoun's
      ここに連れて。)
    * A te-form whose clause (after the last comma) names its subject or topic with は or
      が (彼は犬が逃げた場所を正確に把握して。) joins that clause to a following
      one; a request in the te-form (ちょっと待って。 見て。) names no subject. Only in
      plain written prose (``written``): spoken and polite Japanese ends a sentence on
      the te-form to give a reason (身内を亡くしたことがなくて。)."""
    last = words[-1]
    if last.surface not in _TE or last.pos2 != "接続助詞" or len(words) < 3:
        return ""
    particle, verb = words[-3], words[-2]
    compound = particle.surface + verb.surface + last.surface
    if (_compound_head(particle, verb) and verb.pos1 == "動詞" and len(words) > 3
            and words[-4].pos1 in {"名詞", "接尾辞"}
            and (jmdict.glosses(compound) or jmdict.glosses(compound[:-1]))):
        return f"ends on the compound particle '{compound}' with nothing to govern it"
    commas = [k for k, t in enumerate(toks) if t.surface in _LIST_MARKS]
    clause = toks[commas[-1] + 1:] if commas else toks
    if (sum(len(t.surface) for t in clause) >= MIN_TE_FRAGMENT_CHARS
            and any(t.surface in _SUBJECT_PARTICLES and t.pos2 in {"係助詞", "格助詞"}
                    for t in clause) and written()):
        return f"ends on the te-form '{verb.surface}{last.surface}' with no main clause"
    return ""


#: Final kana of a verb's continuative form (連用形: 受け, 備え, 書き, 始め, し, なり); い is
#: left out, as ください and 来い are imperatives.
_CONTINUATIVE_KANA = frozenset("きぎしじちぢにひびぴみりえけげせぜてでねへべぺめれ")


def _continuative(words: Sequence[japanese.Token], written: Callable[[], bool]) -> str:
    """Why a sentence ending on a verb's continuative form is unfinished, or "": the
    continuative (中止法: …陸地へと大躍進を遂げ。 …命を受け。) joins its clause to the next
    one and never ends a sentence. UniDic tells the form (連用形) from the imperative that
    can share its kana (行け: 命令形), so in any register; without the form, only in plain
    written prose (``written``), where an imperative does not stand outside quotes. The
    same holds for the two negative continuatives: ず (…口がきけず。) and the なく of
    ではなく / じゃなく ("not X but …"), which announce the clause that follows."""
    last = words[-1]
    if (last.pos1 == "動詞" and last.cform.startswith("連用形")
            and (last.surface[-1] not in _E_ROW or last.lemma == last.surface + "る")):
        # (an e-row ending is the continuative of an ichidan verb only, 遂げ of 遂げる; of a
        # godan verb it is the imperative, which UniDic may mistag: クソくらえ of 食らう)
        return f"ends on the continuative form '{last.surface}' with no main clause"
    negative = (last.pos1 == "助動詞" and last.surface == "ず") or (
        last.surface == "なく" and len(words) > 1 and words[-2].surface in _NEGATED_COPULA)
    if negative:
        return f"ends on the negative continuative '{last.surface}' with no main clause"
    if (last.pos1 == "助動詞" and last.lemma == "だ" and last.surface == "で"
            and last.cform.startswith("連用形") and len(words) > 1
            and words[-2].pos2 not in {"準体助詞", "助動詞語幹"}):
        # (…前任者で。 "being the predecessor, …"; not ので / なんで, a reason given
        # after the fact in speech, nor そうで / ようで, hearsay left trailing)
        return "ends on the copula's continuative 'で' with no main clause"
    if (last.pos1 == "名詞" and last.pos3 != "サ変可能" and len(words) > 1
            and words[-2].pos2 == "格助詞" and words[-2].surface in _OBJECT_CASES
            and words[-2].end == last.start and _reads_as_continuative(last.surface)
            and written()):
        # UniDic reads many continuatives as the noun they also are (生まれ "birth", 塗り
        # "coating"); after an object or goal particle (…マドリードに生まれ。 …タールを塗り。)
        # the word is the verb: a noun takes no such case before it
        return f"ends on the continuative form '{last.surface}' with no main clause"
    if (last.pos1 != "動詞" or last.cform or last.surface[-1] not in _CONTINUATIVE_KANA
            or last.surface == last.lemma or not written()):
        return ""
    return f"ends on the continuative form '{last.surface}' with no main clause"


#: Case particles that mark a verb's object, goal or source (を, に, へ, から): a noun that
#: ends a sentence right after one is a verb's continuative read as a noun. Not が or で: a
#: noun after them may be a predicate with its copula left out (これが始まり。 これで終わり。).
_OBJECT_CASES = frozenset({"を", "に", "へ", "から"})


@functools.lru_cache(maxsize=4096)
def _reads_as_continuative(surface: str) -> bool:
    """Whether ``surface`` is also a verb's continuative form: UniDic reads it so before
    ます (生まれます, 塗ります)."""
    toks = japanese.tokenize(surface + "ます")
    return (len(toks) >= 2 and toks[0].surface == surface and toks[0].pos1 == "動詞"
            and toks[0].cform.startswith("連用形"))


#: Kana of the e-row: a verb ending on one is an ichidan continuative or an imperative.
_E_ROW = frozenset("えけげせぜてでねへべぺめれ")
#: The copula before a negative なく (ではなく, じゃなく: "not X but Y").
_NEGATED_COPULA = frozenset({"は", "じゃ"})


def _continued_by_next(last: japanese.Token, sent: Sentence, ctx: Context) -> str:
    """Why a sentence is the first half of one sentence cut in two, or "": it ends on a
    form that needs a continuation (a conjunctive or case particle: …走って。 …と。, or a
    verb's continuative form) and the next sentence of its paragraph opens with what that
    ending waits for: an auxiliary or a verb that serves as one (…買って。おけばよかった。
    …感じて。いる痛み), or after a quotative と the reporting verb (「…」と。語った。).
    A Japanese sentence does not open so (none in the 3,904 translations of the ESA
    development half, where 3 open on だから/ですから, a conjunction UniDic splits into
    the copula and から). This holds in speech too, where the endings alone are no evidence
    (見て。 is a request)."""
    doc = ctx.translation
    if sent.index + 1 >= len(doc.sentences):
        return ""
    nxt = doc.sentences[sent.index + 1]
    if nxt.paragraph != sent.paragraph or nxt.chrome or doc.text[sent.end : nxt.start].strip():
        return ""
    ends = ((last.pos1 == "助詞" and last.pos2 in {"接続助詞", "格助詞"})
            or (last.pos1 == "動詞" and last.surface != last.lemma
                and last.surface[-1] in _CONTINUATIVE_KANA))
    if not ends:
        return ""
    toks = [t for t in japanese.tokenize(doc.text[nxt.start : nxt.end])
            if not is_punctuation(t.surface)]
    if not toks:
        return ""
    first = toks[0]
    if first.pos1 == "助動詞" and len(toks) > 1 and toks[1].pos2 == "接続助詞":
        return ""  # だから、 ですから、 だけど、: a conjunction
    # an auxiliary, or a verb that can be one (いる, しまう, おく, もらう, くれる, する:
    # UniDic's 非自立可能) continues any of the endings; after a quotative と or って any
    # verb is the reporting verb left behind. Other verbs open sentences of their own
    # (待って。呼ばれたら入って。)
    quoted = last.surface in {"と", "って"}
    if not (first.pos1 == "助動詞" or (first.pos1 == "動詞"
                                     and (first.pos2 == "非自立可能" or quoted))):
        return ""
    return (f"ends on '{last.surface}' and the next sentence goes on with '{first.surface}': "
            "one sentence cut in two")


#: Polite endings (です, ます, ました, ません): a text in them is spoken or conversational.
_POLITE = frozenset({"です", "ます", "まし", "でし", "ませ"})


def _modified_noun_only(words: Sequence[japanese.Token]) -> bool:
    """True when a sentence is one noun phrase whose only predicate is a relative clause
    on it: a run of nouns closes it right after the clause's verb (ルース・エラリー氏が会長を
    務めるクイン・バレー水利用者協会。 "the association Ruth Ellery chairs"), and no topic
    is set (…盗まれたのは…肖像画。, a cleft, says what was stolen). Checked on the 860
    blind articles: a single noun after the verb was each time such a predicate noun."""
    preds = [i for i, t in enumerate(words) if _is_predicate(t)]
    if not preds or any(t.is_particle and t.surface in {"は", "も"} for t in words):
        return False
    tail = words[preds[-1] + 1:]
    # (a single noun after the clause is news style's predicate noun: …する見通し。
    # …する方針。 "is expected to", "plans to")
    return (len(tail) >= 2 and words[preds[-1]].pos1 in {"動詞", "形容詞"}
            and any(t.pos1 == "名詞" for t in tail)
            and all(t.pos1 in {"名詞", "接尾辞", "接頭辞"} for t in tail))


def _plain_written(sent: Sentence, ctx: Context) -> bool:
    """True when the other sentences of the sentence's paragraph are plain written prose
    (news, narrative: …した。 …である。): none ends on a polite form, a sentence-final
    particle (ね, よ, な), the te-form or a conjunctive particle, ？ or ！ — the marks of
    spoken or conversational Japanese, where a sentence may end on the te-form."""
    doc = ctx.translation
    others = [s for s in doc.sentences
              if s.paragraph == sent.paragraph and s.index != sent.index and not s.chrome]
    for other in others:
        text = doc.text[other.start : other.end].rstrip("」』）) 　\n")
        if text.endswith(("？", "！", "?", "!")):
            return False
        tail = [t for t in japanese.tokenize(text) if not is_punctuation(t.surface)][-3:]
        if any(t.surface in _POLITE or t.pos2 in {"終助詞", "接続助詞"} for t in tail):
            return False
    return bool(others)


def _final_expression(words: Sequence[japanese.Token]) -> bool:
    """True when the final case particle closes a sentence-final expression after a
    predicate (よかったのに "if only", なかったくせに "even though"): the particle and the
    word before it are one JMdict entry, and a predicate comes before them."""
    if len(words) < 3 or _adverbial_noun(words[-2]):
        return False
    return _is_predicate(words[-3]) and bool(jmdict.glosses(words[-2].surface
                                                            + words[-1].surface))


def _adverbial_noun(tok: japanese.Token) -> bool:
    """True for a noun that heads an adverbial clause (UniDic's 副詞可能: ため, 時, うち,
    ところ): …するために。 …パンする時に。 is a purpose or time clause whose main clause is
    missing, although JMdict lists ために and 時に as words of their own."""
    return tok.pos1 == "名詞" and tok.pos3 == "副詞可能"


#: Words that make an English clause finite: auxiliaries, modals and forms of "be", with
#: their contractions, and the subject pronouns a finite verb agrees with. A sentence
#: without any of them, without a past tense (-ed, an irregular past) and longer than a
#: few words is still a fragment in English ("Or a cat in the garden?", "Rosemary and
#: thyme."): spoken and informal English is full of them.
_FINITE_WORDS = frozenset(
    """am is are was were be been being do does did have has had will would shall should
    can could may might must ought let i you he she we they it there
    i'm you're he's she's it's we're they're that's there's what's who's here's let's
    i've you've we've they've i'll you'll he'll she'll we'll they'll it'll i'd you'd
    he'd she'd we'd they'd isn't aren't wasn't weren't don't doesn't didn't haven't
    hasn't hadn't won't wouldn't can't couldn't shouldn't mustn't""".split()
)


def _verbless(sentence: str) -> bool:
    """True when an English sentence has no finite verb (a fragment of spoken or informal
    English: "Or a cat in the garden?"): none of :data:`_FINITE_WORDS`, no -ed form or
    irregular past after a word of its phrase other than a conjunction (a participle or an
    adjective: "but fatigued", "Arrested yesterday"). A present-tense verb after a noun
    subject ("Prices rise.") is not recognised, so such a sentence also counts as verbless:
    the rule may excuse a Japanese fragment, never create a finding."""
    phrases = [_english_tokens(chunk) for chunk in re.split(r"[,;:—–]", sentence)]
    if not any(phrases):
        return False
    for toks in phrases:
        for k, t in enumerate(toks):
            if t in _FINITE_WORDS:
                return False
            # a past form with no word before it in its phrase but a conjunction is a
            # participle or an adjective ("not so much lazy, but fatigued", "Arrested
            # yesterday"): a finite past tense follows its subject
            if _finite(t) and k > 0 and toks[k - 1] not in _CONJUNCTIONS:
                return False
    return True


#: Words that join a participle or an adjective to what comes before it ("but fatigued").
_CONJUNCTIONS = frozenset({"and", "but", "or", "yet", "nor", "not", "so"})


def _english_tokens(text: str) -> list[str]:
    return [t.lower().replace("’", "'") for t in re.findall(r"[A-Za-z]+(?:['’][A-Za-z]+)?",
                                                              text)]


def _finite(token: str) -> bool:
    """True when a lower-case English word shows a finite clause (:func:`_verbless`)."""
    return (token in _FINITE_WORDS or (len(token) > 4 and token.endswith("ed"))
            or token in IRREGULAR_FORMS)


#: Relative pronouns: the clause they open modifies the noun before them.
_RELATIVE_PRONOUNS = frozenset({"who", "whom", "whose", "which", "that"})


def _verbless_main_clause(sentence: str) -> bool:
    """True when an English sentence is a fragment once its relative clauses are set aside
    ("The woman who had raised him alone, the one who never gave up.", "Building on
    everything that we learned last year."): a noun phrase or a participle, whose finite
    verbs all sit in clauses modifying a noun. A relative clause runs from its pronoun,
    after a word of its own phrase, to the next comma; one that shows two separate finite
    verbs ("The man who killed her was arrested") holds the main verb too and counts."""
    kept: list[str] = []
    for chunk in re.split(r"[,;:—–]", sentence):
        toks = _english_tokens(chunk)
        k = next((i for i, t in enumerate(toks) if i > 0 and t in _RELATIVE_PRONOUNS), None)
        if k is None:
            kept += toks
            continue
        flags = [_finite(t) for t in toks[k + 1:]]
        groups = sum(1 for i, f in enumerate(flags) if f and (i == 0 or not flags[i - 1]))
        kept += toks[:k] if groups <= 1 else toks
    return bool(kept) and not any(_finite(t) for t in kept)


def _english_sentences(pair: AlignedPair, ctx: Context) -> list[str]:
    """The English sentences of a pair as the segmenter cut them (abbreviations such as
    "U.S." or "Mr." end no sentence there, so no piece of a sentence looks verbless)."""
    doc = ctx.reference
    return [doc.text[doc.sentences[i].start : doc.sentences[i].end]
            for i in pair.ref_sentences]


def _renders_fragment(sentences: Sequence[str]) -> bool:
    """True when one of the English ``sentences`` of a pair is itself a fragment: at most
    :data:`MAX_EN_FRAGMENT_WORDS` words ("Rosemary and thyme.") or no finite verb ("Or a
    cat in the garden?"). Its Japanese may be one too (庭に猫。)."""
    return any(0 < len(re.findall(r"[A-Za-z0-9]+(?:['’][a-z]+)?", s)) <= MAX_EN_FRAGMENT_WORDS
               or _verbless(s) for s in sentences)


def _renders_fragment_whole(pair: AlignedPair, ctx: Context) -> bool:
    """True when a Japanese sentence ending on a case particle or the te-form may render an
    English fragment (庭に猫、みたいな感じで。 for "Or a cat in the garden?", 昨年学んだ
    ことすべてを基にして。 for "Building on everything that we learned last year."): the
    pair is that one Japanese sentence, and no English sentence of the pair has a finite
    verb outside its relative clauses (:func:`_verbless_main_clause`). A sentence cut
    before its verb (…ゴールに。 突き刺さる。) leaves its other half in the same pair;
    a "sentence" of hashtags, links or emoji after it (…ゴール右上へ。#EPL) is no such half."""
    english = _english_sentences(pair, ctx)
    japanese_sentences = [i for i in pair.mt_sentences
                          if _JAPANESE_SCRIPT.search(ctx.translation.sentence_text(i))]
    return (len(japanese_sentences) == 1 and bool(english)
            and all(_verbless_main_clause(s) for s in english))


#: A character of Japanese script (kana or a CJK ideograph).
_JAPANESE_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


def _after_quotation(text: str, first: japanese.Token) -> bool:
    """True when the particle that opens a sentence's words follows a quotation whose
    content is only punctuation (「...」を見つけて…, 「？」と…): the quotation is the
    phrase the particle marks, and the sentence begins before it."""
    return any(c in CLOSE_QUOTES for c in text[: first.start])


#: Parts of speech that head a predicate an afterthought can depend on.
_VERBAL_POS = frozenset({"動詞", "形容詞"})


def _verbal_ending(text: str) -> bool:
    """True when a sentence ends on a verb or an adjective, with its auxiliaries and
    sentence-final particles (尋ねた, 分からないんだ？, 話してきました, 来るかもしれない),
    not on the copula after a noun (議論でした): a predicate that an adverbial
    clause or a case phrase can modify."""
    toks = [t for t in japanese.tokenize(text) if not is_punctuation(t.surface)]
    k = len(toks)
    while k > 0 and (toks[k - 1].pos1 == "助動詞" or toks[k - 1].pos2 in {"終助詞",
                                                                      "準体助詞"}):
        k -= 1
    return k > 0 and toks[k - 1].pos1 in _VERBAL_POS


def _afterthought(pair: AlignedPair, sent: Sentence, ctx: Context,
                  words: Sequence[japanese.Token]) -> bool:
    """True when a sentence that ends waiting for a predicate (…を見ながら。 …育ててくれた
    人に。 …と思って。) is an afterthought to the sentence before it (倒置 across a full stop,
    common in narrative and speech: 「…」と彼女は尋ねた。壁の時計を見ながら。 for "she
    asked, looking at the clock on the wall"). All of these: it is the last Japanese sentence
    of its alignment bead and the sentence before it renders the same English (one English
    sentence split in two, the subordinate part last, as in English); that sentence ends on
    a verb or an adjective it can modify (:func:`_verbal_ending`); and it is a clause with a
    predicate of its own, not a bare phrase (…と語った。ノルウェーに。 stays a fragment),
    and it goes straight on from that sentence: it does not open on a conjunction or a
    particle (…訪れた。というのも、…しようとして。 announces a new sentence and leaves it
    unfinished). A sentence cut in two leaves its first half as the fragment, the rest after
    it in the same bead. In plain written prose, an afterthought that renders English words
    before those its sentence renders (:func:`_renders_earlier_english`) is none: news does
    not turn a sentence's order round across a full stop."""
    mt = pair.mt_sentences
    if sent.index not in mt or mt.index(sent.index) != len(mt) - 1 or len(mt) < 2:
        return False
    doc = ctx.translation
    prev = doc.sentences[mt[-2]]
    if prev.paragraph != sent.paragraph or prev.index != sent.index - 1:
        return False
    return (words[0].pos1 not in {"接続詞", "助詞"}
            and any(_is_predicate(t) for t in words[:-1])
            and _verbal_ending(doc.text[prev.start : prev.end])
            and not (_plain_written(sent, ctx)
                     and _renders_earlier_english(pair, ctx, prev.index, sent.index)))


def _renders_earlier_english(pair: AlignedPair, ctx: Context, first: int,
                             second: int) -> bool:
    """True when Japanese sentence ``second`` renders English words of the pair that come
    before those sentence ``first`` renders: the afterthought says the English main clause
    and the sentence before it the English subordinate one (ホテルが満室になった。…床で夜を
    明かした後で。 for "passengers slept on the floor after hotels were fully booked"),
    which turns their order, and their relation, round."""
    lex = ctx.lexicon(pair)
    at: dict[int, list[int]] = {first: [], second: []}
    for k, units in enumerate(lex.links):
        for u in units:
            if lex.units[u].sentence in at and lex.words[k].kind == "word":
                at[lex.units[u].sentence].append(lex.words[k].start)
    if len(at[first]) < 2 or len(at[second]) < 2:
        return False
    return sum(at[second]) / len(at[second]) < sum(at[first]) / len(at[first])


def _said_twice(toks: Sequence[japanese.Token]) -> bool:
    """True when a sentence says one item twice across a comma (それか、それか。 いや、
    いや。): a spoken hesitation or assent; a fragment cut off from its sentence does not
    repeat itself."""
    items: list[list[str]] = [[]]
    for t in toks:
        if t.pos2 == "読点":
            items.append([])
        elif not is_punctuation(t.surface):
            items[-1].append(t.surface)
    return len(items) == 2 and bool(items[0]) and items[0] == items[1]


#: Parts of speech that the copula follows: a noun, a na-adjective's stem, a pronoun, a
#: suffix closing a noun (絶好調, 元気, 彼, 三人).
_NOMINAL_POS = frozenset({"名詞", "形状詞", "代名詞", "接尾辞"})


def _elided_copula(words: Sequence[japanese.Token]) -> bool:
    """True when a noun is closed by sentence-final particles (私の兄よ。 ただの気のせいかな。
    元気よ。): spoken Japanese leaves the copula out before よ, か, な and ね (だよ →
    よ), and the sentence is complete. A phrase cut off from its sentence ends on a case
    particle or a bare noun, not on a sentence-final particle."""
    k = len(words)
    while k > 0 and words[k - 1].pos2 == "終助詞":
        k -= 1
    return 0 < k < len(words) and words[k - 1].pos1 in _NOMINAL_POS


def _complete_without_predicate(words: Sequence[japanese.Token],
                                english: Sequence[str]) -> bool:
    """True when a predicate-less sentence is complete as spoken or informal text: an
    address (レスリーさん。), a lone adverb, conjunction or interjection (なるほど。), a
    verbal noun compounded with the noun before it (うさぎよけフェンスの設置完了。 "finished
    putting up rabbit fence": 体言止め of an action, as headlines and posts write it), or the
    rendering of an English sentence that is itself a fragment."""
    if words[-1].surface in _ADDRESS and len(words) <= 3:
        return True
    if _elided_copula(words):
        return True
    if (len(words) > 1 and words[-1].pos1 == "名詞" and words[-1].pos3 == "サ変可能"
            and words[-2].pos1 == "名詞"):
        # a verbal noun compounded with its object or time states an action (体言止め:
        # 設置完了。 来週発売。); after の it is a noun phrase (ベルリンとの関係。)
        return True
    # (a sentence-final particle does not make a fragment of it: そうよ。 なるほどね。)
    if all(t.pos1 in {"副詞", "接続詞", "感動詞"} or t.pos2 == "終助詞" for t in words) and any(
            t.pos2 != "終助詞" for t in words):
        return True
    return _renders_fragment(english)


# SCR001 --------------------------------------------------------------------------------
def is_body(sent: Sentence, ctx: Context) -> bool:
    """A sentence of the article body that ends with a full stop: not the headline
    (the first line), not chrome, not a caption or a short line without 。. A first
    sentence that the next one follows on the same line is no headline: a headline
    stands on a line of its own (…シソの大地と。水の描写が… is a cut body line)."""
    doc = ctx.translation
    if sent.chrome:
        return False
    if sent.index == 0:
        nxt = doc.sentences[1] if len(doc.sentences) > 1 else None
        if nxt is None or nxt.chrome or "\n" in doc.text[sent.end : nxt.start]:
            return False
    text = doc.text[sent.start : sent.end].rstrip("」』）) 　")
    return text.endswith(("。", "．"))


def fragment(pair: AlignedPair, sent: Sentence, ctx: Context) -> tuple[str, int, int] | None:
    """Why body sentence ``sent`` of the pair is a fragment, with the span to flag (offsets
    within the sentence), or None when it is not one."""
    doc = ctx.translation
    text = doc.text[sent.start : sent.end]
    toks = [t for t in japanese.tokenize(text)]
    # (unknown katakana comes out of UniDic as 記号 one character at a time: ハ・リ・ミ
    # are letters of a name, not punctuation)
    words = [t for t in toks if not is_punctuation(t.surface)]
    if not words:
        return None
    if text.startswith(("「", "『")) and text.endswith(("」", "』")):
        return None  # a quoted exclamation or short reply stands as its own sentence
    if any(t.pos1 == "感動詞" for t in words) or _said_twice(toks):
        return None  # an interjection, a spoken hesitation or assent (いや、いや。)
    problem = (_fragment_problem(pair, sent, ctx, toks, words)
               or _continued_by_next(words[-1], sent, ctx))
    if not problem:
        return None
    start, end = _fragment_span(toks, text)
    return problem, start, end


def _fragment_problem(pair: AlignedPair, sent: Sentence, ctx: Context,
                      toks: Sequence[japanese.Token],
                      words: Sequence[japanese.Token]) -> str:
    """Why a body sentence is a fragment by its own words, or "" when it is not. An
    ending that waits for a predicate (a case particle, a subordinate ending, the
    te-form) is no fragment when the sentence is an afterthought (:func:`_afterthought`)."""
    doc = ctx.translation
    text = doc.text[sent.start : sent.end]
    first, last = words[0], words[-1]
    quote_ellipsis = last.surface in {"と", "って"} and len(words) > 1 and any(
        t.surface in {"」", "』"} and t.end == last.start for t in toks
    )
    afterthought = functools.partial(_afterthought, pair, sent, ctx, words)
    if ((last.is_particle and last.pos2 == "格助詞" and last.surface in _CASE_PARTICLES
         or _waiting_limit(words))
            and not quote_ellipsis and not _final_expression(words)
            and not _verb_ellipsis(words, text) and not _from_quantity(toks)
            and not _request_ellipsis(words, toks)
            and not _inverted_order(toks) and not _renders_fragment_whole(pair, ctx)):
        # (「…」と。 leaves out the reporting verb on purpose: journalistic style)
        if afterthought():
            return ""
        what = "case particle" if last.pos2 == "格助詞" else "particle"
        return f"ends on the {what} '{last.surface}' with nothing to govern it"
    if (first.is_particle and first.pos2 in {"格助詞", "係助詞", "副助詞"}
            and not japanese.is_katakana(first.surface)  # ノウリ read as ノ + ウリ
            and not _after_quotation(text, first)
            and not _quote_tail(sent, ctx, first) and not _spoken_opening(words, toks)):
        return f"starts with the particle '{first.surface}'"
    if (sent.index > 0 and not any(_is_predicate(t) for t in words)
            and len(text) <= MAX_FRAGMENT_CHARS
            and not any(t.surface in {"は", "が", "も"} and t.is_particle for t in words)
            and not _enumeration(toks)
            and not _complete_without_predicate(words, _english_sentences(pair, ctx))):
        # (with a topic, a noun ending is a copula left out: 現在は協会の代表。)
        return "has no predicate: a fragment cut off from its sentence"
    if (sent.index > 0 and text.rstrip().endswith("。") and _modified_noun_only(words)
            and _plain_written(sent, ctx)
            and not _renders_fragment(_english_sentences(pair, ctx))):
        return ("is a noun with its relative clause and no predicate of its own: a "
                "fragment cut off from its sentence")
    if last.surface in _DANGLING_ENDINGS and last.pos1 in {"名詞", "助詞", "形状詞"}:
        # (a conjunctive particle may close an afterthought: …を見ながら。; a
        # formal noun without its particle or copula may not: …を改善するため。)
        if last.pos1 == "助詞" and afterthought():
            return ""
        return f"ends on '{last.surface}', a subordinate clause with no main clause"
    written = functools.partial(_plain_written, sent, ctx)  # (asked only if needed)
    te_form = _dangling_te_form(words, toks, written)
    if te_form:
        return "" if afterthought() or _renders_fragment_whole(pair, ctx) else te_form
    return _continuative(words, written)


def _waiting_limit(words: Sequence[japanese.Token]) -> bool:
    """Whether the sentence ends on a limit that waits for its predicate: まで in a
    sentence with no topic of its own (特許が失効する2031年まで。; レセプションは午後8時
    まで。 states a time, the copula left out). (A closing topic, …以降は。, is as often an
    afterthought of speech, 数年前には。, in professional translations too.)"""
    last = words[-1]
    if not last.is_particle or len(words) < 2:
        return False
    return last.surface == "まで" and last.pos2 == "副助詞" and not any(
        t.surface in {"は", "も"} and t.is_particle and t.pos2 == "係助詞" for t in words[:-1])


def _quote_tail(sent: Sentence, ctx: Context, first: japanese.Token) -> bool:
    """True when a particle opens the sentence because the previous one ended inside
    a quote (「…。」と述べた split after the quote, 「…？！」の編集 split after a quoted
    exclamation, or a split before the closing mark): a segmentation artefact."""
    if ctx.translation.text[sent.start : sent.end].lstrip().startswith(_CLOSING_QUOTES):
        return True
    if sent.index == 0:
        return False
    prev = ctx.translation.sentences[sent.index - 1]
    prev_text = ctx.translation.text[prev.start : prev.end].rstrip()
    if first.surface in {"と", "って", "との"}:
        return prev_text.endswith(("」", "』"))
    # a quoted title or exclamation closing on ！/？ is taken for a sentence end
    # (「もうガマンできない？！」の編集): any particle may then go on with the sentence
    return re.search(r"[！？!?][」』]$", prev_text) is not None


def _fragment_span(toks: Sequence[japanese.Token], text: str) -> tuple[int, int]:
    """The whole sentence when short, else its last phrase (from the last comma or
    clause boundary), punctuation included."""
    end = len(text.rstrip())
    if end <= MAX_FRAGMENT_CHARS:
        return 0, end
    # (the full stop before closing quotes ends the phrase, it opens none: 漁場に。」)
    core = len(text[:end].rstrip("」』）)"))
    cut = max(text.rfind("、", 0, core - 1), text.rfind("。", 0, core - 1))
    start = cut + 1 if cut >= 0 else 0
    if end - start > MAX_FRAGMENT_CHARS:
        start = end - MAX_FRAGMENT_CHARS
    return start, end
