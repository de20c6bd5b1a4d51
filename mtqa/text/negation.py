"""Negation on both sides of a pair: the negative words of the English
(:func:`english_negations`) and the negated predicates of a Japanese sentence
(:func:`japanese_negations`), leaving out grammaticalised and lexicalised negative endings
(なければならない "must", かもしれない "may", 欠かせない "essential"). The mistranslation
check compares them for reversed polarity (MIS002) and opposite senses (MIS004).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from . import japanese, jmdict, wordlists, wordnet
from .english import STOPWORDS


#: English words that license a negation in the Japanese: explicit negators and words
#: whose natural Japanese rendering is negative (unless → なければ, fail → できない,
#: only → しか…ない, before → ないうちに, less than → 足らず).
_EN_NEGATIVE = wordlists.negative_words()
#: Japanese negative endings that do not negate the predicate they follow: "must"
#: (なければならない), "may" (かもしれない), "only" (にすぎない), "not only…but"
#: (だけでなく), "rather than" (ではなく), "no doubt" (違いない), "essential" (欠かせない).
_JA_NOT_NEGATION = (
    "なければならない", "なければならず", "なくてはならない", "ねばならない", "ざるを得",
    "ざるをえ",
    "かもしれない", "かもしれず", "かも知れない", "すぎない", "過ぎない", "すぎず", "過ぎず",
    "違いない",
    "だけでなく", "のみならず", "ばかりでなく", "ではなく", "でなく", "じゃなく",
    "欠かせない", "かねない", "兼ねない", "かねず", "兼ねず", "かねなか", "兼ねなか", "しかない", "ほかならない", "他ならない",
    "に限らず", "少なくない", "絶えない", "止まない", "やまない", "足らず", "足りない",
    "間違いない", "構わない", "いけない", "ならない", "ほかない", "外ない", "仕方ない",
    "しれない", "得ない", "わけではない", "訳ではない", "とは限らない", "なければなり",
    "なくてはなり", "ねばなり", "なきゃ", "なくちゃ", "ずにはいられ", "ないではいられ",
    # conditional obligation, the usual rendering of "need to", "had better", "or else"
    "なければ", "なくては", "ないとまずい", "ないとだめ", "ないとダメ", "ないといけ", "ないと困",
    # "do not mind" is "may" (何をされても構いません "do whatever you want"); polite
    # forms are read with ません as ない (構いない)
    "構わな", "かまわな", "構いな", "かまいな",
    # "unless", "until": a condition (改善しない限り戻らない "would not return until the
    # company improved"), not a second negated predicate
    "ない限り", "ないかぎり",
)
#: What may follow the negation of an elliptical obligation to the end of its sentence
#: (修理しないと！, 覚えておかないとね。: ～ないと with いけない left unsaid means "must").
_FINAL_PARTICLES = frozenset({"ね", "な", "よ", "わ", "ぞ", "です", "だ", "ねえ", "なあ"})
#: A negated copula (じゃない, ではない) asking for agreement (必要じゃない？ "I do need…",
#: 定義じゃないかと思う "I feel it is…"), or a negated request (静かにしてくれないか
#: "would you…"): a question that asserts or asks, not a negation.
_COPULA_BEFORE = re.compile(r"(?:じゃ|じゃあ|では|でわ|ではあり|じゃあり)$")
_REQUEST_BEFORE = re.compile(
    r"(?:てくれ|でくれ|てもらえ|でもらえ|ていただけ|でいただけ|てくださら)$")
_QUESTION_AFTER = re.compile(r"^(?:か|かな|かしら|？|\?|よね|でしょ|だろ|ですか|です？|の？|の\?)")
_NEG_AUX = frozenset({"ない", "ず", "ぬ", "ん", "無い"})
#: Negative endings a fixed expression may be listed under in JMdict: 変わらず is listed
#: as 変わらない, 問わない as 問わず, 申し訳なく as 申し訳ない.
_NEG_FORMS = ("ない", "ず", "なく", "ぬ", "ずに")
#: A JMdict gloss that is itself a negation in English ("not enough", "no problem",
#: "cannot be helped"): the entry negates, and the English must license it. A gloss with a
#: negative prefix ("unavoidable" for 余儀ない) is a word of its own, not a negation.
_NEGATIVE_GLOSS = re.compile(r"^(?:\(?not\)?\b|no\b|cannot\b|can't\b|never\b|without\b)")


def _entry_glosses(toks: Sequence[japanese.Token], i: int, k: int) -> tuple[str, ...]:
    """JMdict glosses of tokens ``i``..``k`` read as one entry, under its own negative
    ending or another one (変わらず → 変わらない "constant")."""
    surface = "".join(t.surface for t in toks[i : k + 1])
    found = jmdict.glosses(surface)
    if found:
        return found
    stem = "".join(t.surface for t in toks[i:k])
    for form in _NEG_FORMS:
        if stem + form != surface:
            found = jmdict.glosses(stem + form)
            if found:
                return found
    return ()


def _lexicalised(toks: Sequence[japanese.Token], k: int) -> str | None:
    """How the negation at token ``k`` belongs to a JMdict entry that includes it:
    ``"positive"`` when the entry's gloss is positive or neutral in English (変わらない
    "constant", 問わず "regardless of", 間もなく "soon", いなくなる "to disappear" with the
    なる after the ending: the negative auxiliary is part of
    the word, not a reversed polarity; 見て見ぬふり "pretending not to see", an entry
    that goes on after the ending), ``"negative"`` when the gloss is itself negative
    (問題ない "no problem": a negation the English must license), else
    ``None`` (いない, しない are not lexicalised words)."""
    becomes = k + 1 < len(toks) and japanese.lemma_base(toks[k + 1].lemma) == "成る"
    for i in range(max(0, k - 4), k):
        if not toks[i].is_content:
            continue
        found: tuple[str, ...] = ()
        if becomes:
            # "cease to be" verbs are words of their own (いなくなる "to disappear, to
            # leave", 無くなる "to run out"): the negation with the なる after it, whatever
            # verb it follows (居る is a non-independent verb to UniDic)
            found = jmdict.glosses("".join(t.surface for t in toks[i : k + 1]) + "なる")
        if not found and toks[i].pos2 != "非自立可能":
            found = _entry_glosses(toks, i, k)
        for j in range(k + 1, min(len(toks), k + 3)):
            if found:
                break
            # an entry the negation stands inside (見て見ぬふり "pretending not to see
            # something", 知らぬ顔 "feigning ignorance"): the words after it are the entry's
            found = jmdict.glosses("".join(t.surface for t in toks[i : j + 1]))
        if found:
            return _gloss_polarity(found)
    # an expression that opens on the negative, before a light verb (なかったことにする "to
    # forget something ever existed", and できる, its potential): looked up with する
    for j in range(k + 1, min(len(toks), k + 5)):
        if toks[j].pos1 == "動詞" and japanese.lemma_base(toks[j].lemma) in _LIGHT_VERBS:
            found = jmdict.glosses("".join(t.surface for t in toks[k:j]) + "する")
            if found:
                return _gloss_polarity(found)
            break
    return None


def _gloss_polarity(glosses: Sequence[str]) -> str:
    """``"negative"`` when the first (most common) sense's gloss is itself negative
    ("no problem"), else ``"positive"``."""
    first = glosses[0].lower().removeprefix("to ")
    return "negative" if _NEGATIVE_GLOSS.search(first) else "positive"


#: UniDic lemmas of する and of its potential できる.
_LIGHT_VERBS = frozenset({"為る", "する", "出来る", "できる"})


def _existential(toks: Sequence[japanese.Token], k: int) -> bool:
    """True when the negation at token ``k`` is the adjective 無い denying that a thing
    exists (ネジはない "no screw", やる気ない "lazy", 魔法のない "non-magical"): after a
    noun, directly or through は, が, も or の. English says absence in many ways that
    are not negators (lack, -less, free of, a single…), so it is no reversed predicate; a
    negated copula (明確ではない, 必要じゃない) denies a predicate and stays one."""
    if toks[k].pos1 != "形容詞" or k == 0:
        return False
    prev = k - 1
    if toks[prev].surface in {"は", "が", "も", "の"} and toks[prev].pos1 == "助詞":
        prev -= 1
    return prev >= 0 and toks[prev].pos1 in {"名詞", "代名詞"} and toks[prev].pos3 not in {
        "形状詞可能", "サ変形状詞可能"}


def _elliptical_obligation(toks: Sequence[japanese.Token], k: int) -> bool:
    """True for ～ないと ending its sentence (修理しないと！, 覚えておかないとね): the
    conditional of an obligation whose いけない is left unsaid, "must", not "not"."""
    if k + 1 >= len(toks) or toks[k + 1].surface != "と":
        return False
    particles = 0
    for t in toks[k + 2 :]:
        if t.is_punct:
            # ないと、… is a condition ("if not…, then"); ないとですね、… ends a sentence
            return t.surface not in {"、", "，", ","} or particles > 0
        if t.surface not in _FINAL_PARTICLES:
            return False
        particles += 1
    return True


def _exclusive(toks: Sequence[japanese.Token], k: int) -> bool:
    """True when しか earlier in the clause makes the negation "only" (95件しか覆されて
    いない "just 95 were overturned")."""
    for t in reversed(toks[max(0, k - 10) : k]):
        if t.surface in {"、", "。", "，"}:
            return False
        if t.surface == "しか" and t.pos1 == "助詞":
            return True
    return False


def _embedded_question(toks: Sequence[japanese.Token], k: int) -> bool:
    """True when the negative ending is followed by the particle か and the sentence goes
    on: an embedded yes-no question, "whether" (運賃を引き上げていないか調査する "examine
    whether they are raising fares", 来ないかどうか, 降らないかと心配した "feared it might
    rain"), which asks or fears that the predicate holds."""
    return (k + 2 < len(toks) and toks[k + 1].surface == "か" and toks[k + 1].pos1 == "助詞"
            and not toks[k + 2].is_punct)


def _grammatical(toks: Sequence[japanese.Token], k: int, sentence: str) -> bool:
    """True when the negative ending at token ``k`` belongs to a construction that
    negates nothing: an existential (:func:`_existential`) that is no JMdict entry of its
    own, an elliptical obligation, an embedded question (…ないか調査する), しか…
    ない "only", or a negated copula or request asked as a question (必要じゃない？,
    してくれないか)."""
    t = toks[k]
    if _elliptical_obligation(toks, k) or _exclusive(toks, k) or _embedded_question(toks, k):
        return True
    # a JMdict entry glossed as a negation (問題ない "no problem") stays one
    if _existential(toks, k) and _lexicalised(toks, k) is None:
        return True
    before = sentence[max(0, t.start - 6) : t.start].replace("ませ", "")
    after = sentence[t.end : t.end + 4]
    asks = bool(_QUESTION_AFTER.match(after))
    return asks and bool(_COPULA_BEFORE.search(before) or _REQUEST_BEFORE.search(before))


def japanese_negations(sentence: str) -> list[tuple[int, int, int]]:
    """(token index of the negated predicate, span start, span end) of each negated
    predicate of a Japanese sentence, skipping grammaticalised and lexicalised negative
    endings (なければならない "must", かもしれない "may", 信じられない "unbelievable")."""
    toks = japanese.tokenize(sentence)
    out = []
    for k, t in enumerate(toks):
        lemma = japanese.lemma_base(t.lemma)
        negative = (t.pos1 == "助動詞" and (lemma in _NEG_AUX or t.surface in _NEG_AUX)) or (
            t.pos1 == "形容詞" and lemma == "無い"
        )
        if not negative:
            continue
        around = sentence[max(0, t.start - 8) : min(len(sentence), t.end + 8)]
        # polite forms end in ません (しれません, なりません): the same grammar as ない
        around = around.replace("ません", "ない").replace("ませ", "な")
        if (any(p in around for p in _JA_NOT_NEGATION) or _lexicalised(toks, k) == "positive"
                or _grammatical(toks, k, sentence)):
            continue
        # the predicate negated: the nearest content word before the ending; a light
        # verb (する, ある) passes the content on to the noun before it (来院しない)
        head = k - 1
        while head >= 0 and (
            toks[head].pos1 in {"助動詞", "助詞", "接尾辞"}
            # auxiliary verbs after て (受けていない): the content is before them
            or (toks[head].pos2 == "非自立可能" and head > 0
                and toks[head - 1].surface in {"て", "で"})
        ):
            head -= 1
        if head < 0:
            continue
        if head > 0 and toks[head].pos2 == "非自立可能" and toks[head - 1].pos1 == "名詞":
            head -= 1
        end = t.end
        # and the purpose/manner ending that follows (しないよう)
        if k + 1 < len(toks) and toks[k + 1].surface in {"よう", "ように", "ため"}:
            end = toks[k + 1].end
        out.append((head, toks[head].start, end))
    return out


#: Negative-polarity words that, this close after a negation and with no clause break
#: between, belong to it ("not there yet", "did not return until May"): one negated
#: predicate, not two. ("can't happen unless…" is two: unless opens its own clause.)
_SAME_NEGATION_CHARS = 20
_NEGATION_CONTINUATIONS = frozenset({"yet", "until", "either"})


#: "too" before an adjective or adverb and a to-infinitive: the infinitive does not happen
#: ("too strong to control" → 抑えられない, "too good to be true").
_TOO_TO = re.compile(r"\b[Tt]oo\s+(?:[A-Za-z'’-]+\s+){1,2}?to\s+[A-Za-z]")


#: "out of" before a bare noun: the state is lacking ("out of reach" → 手の届かない, "out of
#: stock" → 在庫がない); before a determiner it is a place ("out of the building").
_OUT_OF = re.compile(r"\b[Oo]ut of\s+(?!(?:the|a|an|his|her|their|its|our|my|your|this|"
                     r"that|these|those)\b)[a-z]")


def english_negations(reference: str) -> list[tuple[int, int]]:
    """Character spans of the negations of the English (one per negative word, except
    that "yet", "until" or "either" right after a negation, in its clause, is part of it;
    "too … to" negates its infinitive; "out of" a bare noun is one; a word formed by a
    negative prefix on its own antonym, by WordNet, is one: "inaction", "impossible",
    "disappeared")."""
    out: list[tuple[int, int]] = []
    for m in re.finditer(r"\b[Ww]/[Oo]\b|[A-Za-z]+(?:['’]t)?", reference):
        w = m.group().lower().replace("’", "'")
        if w == "w/o":  # the informal abbreviation of "without"
            w = "without"
        if w in _EN_NEGATIVE or w.endswith("n't") or (w.startswith("un") and len(w) > 6
                                                       and w[2:] not in STOPWORDS) or (
                # a negative prefix on the word's WordNet antonym: "inaction", "illegal"
                len(w) > 5 and wordnet.negated_by_prefix(w)):
            if w in _NEGATION_CONTINUATIONS and out and (
                m.start() - out[-1][1] <= _SAME_NEGATION_CHARS) and not re.search(
                r"[,;:.!?]", reference[out[-1][1] : m.start()]
            ):
                out[-1] = (out[-1][0], m.end())
                continue
            out.append(m.span())
    return sorted(out + [(m.start(), m.start() + 3) for m in _TOO_TO.finditer(reference)]
                  + [(m.start(), m.start() + 6) for m in _OUT_OF.finditer(reference)])


#: First words of a WordNet definition that describe a lack ("not dense", "lacking in
#: rigor", "deficient in quantity"): an adjective so defined says what is not there.
_LACK_WORDS = frozenset(
    "not no never void lacking without deficient insufficient absent nonexistent unable "
    "wanting".split())


def implied_negations(reference: str) -> list[tuple[int, int]]:
    """Spans of English adjectives and adverbs that WordNet defines, in their first sense,
    by a lack: "patchy" (irregular or uneven in quality), "sparse" (not dense), "lax"
    (lacking in firmness). No negation of the English's own, but Japanese often says them
    with one: "enforcement is patchy" → 取り締まりが徹底されていない, "sparse" → 少ない or
    まばらだ. A reversed polarity needs a negation beyond these."""
    return [m.span() for m in re.finditer(r"[A-Za-z]{4,}", reference)
            if _defined_by_lack(m.group().lower())]


@functools.lru_cache(maxsize=8192)
def _defined_by_lack(w: str) -> bool:
    """Whether the first WordNet sense of ``w`` (of any part of speech: "left" is a verb's
    form and a noun before it is "not used up"; after a noun, the first adjective sense of
    the word as written: "deaf") is an adjective's or adverb's whose
    definition opens on a word of :data:`_LACK_WORDS` or a negated word ("irregular")."""
    if w in STOPWORDS:
        return False
    forms = [w] + sorted(wordnet.base_forms(w) - {w})  # the word as written first
    first = next((s for b in forms for s in wordnet.synsets_of(b)), None)
    if first is not None and first.pos in {"n", "v"} and len(forms) == 1:
        # a word first listed as the noun of its adjective ("deaf": people who have severe
        # hearing impairments; "blind") or as a verb ("awake": stop sleeping) is read by its
        # first adjective sense ("born deaf", "lie awake": not in a state of sleep); not an
        # inflected form ("left", of leave)
        first = next((s for s in wordnet.synsets_of(w) if s.pos in {"a", "s"}), first)
    if first is None or first.pos not in {"a", "s", "r"}:
        return False
    words = re.findall(r"[a-z]+", re.sub(r"^\([^)]*\)\s*", "", first.definition.lower()))
    head = words[0] if words else ""
    return head in _LACK_WORDS or (len(head) > 5 and wordnet.negated_by_prefix(head))
