"""Which renderings of a title its holder accepts: the glossary's renderings, narrowed
to those of the kind of organisation the English gives the holder (the president of a state
大統領, of a company 社長, of a federation 会長), read off the title's sentence, the sentences
around it or the article (:mod:`mtqa.text.glossary` ``Organisations``); and without those of
a field the article never names (監督 for a "director" of no film). Used by
:mod:`mtqa.checks.titles`."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..text.cache import text_cache
from ..text.english import stem
from ..text.glossary import TitleMatch, holder_names, office_organisation, organisations
from ..text.countries import is_country_form
from ..text.wordnet import is_place, lemma_synsets
from .title_compounds import HEAD_KINDS
from .title_senses import gloss_stems

#: A word of English text, for the kinds of organisation its words name.
PHRASE_WORDS = re.compile(r"[A-Za-z][A-Za-z'’.\-]*[A-Za-z]|[A-Za-z]")


#: English words that name the head of whatever body holds them: their Japanese is any
#: title of the holder's kind of organisation (the president of a state 大統領, of a
#: company 社長, of a federation 会長). Not "chairman" or "chair": a company's chairman is
#: its 会長, not its 社長 (the glossary's renderings of "chairman" serve every body).
_HEAD_WORDS = frozenset("president leader head chief boss".split())


@text_cache(8192)
def accepted(text: str, m: TitleMatch) -> tuple[str | None, tuple[str, ...]]:
    """The kind of organisation of the holder of title ``m`` in English ``text`` (None when
    the English does not say) and the renderings accepted for it: those of the glossary
    that are titles of that kind of organisation, or of none (顧問, 報道官), and, for a title
    that depends on its holder, every title of that kind. All of them when the English
    does not say, or when none is of that kind (a user's glossary).

    Cached per article (:mod:`mtqa.text.cache`): ``text`` is a pair's English, its window or
    the whole reference, so a process-wide cache kept every article's text (issue #20:
    +6 % resident memory over a feed of 1,000 articles, ``benchmarks/feed_scale.py``)."""
    kind = organisations().holder_kind(text, m)
    if kind is None and _place_holds(text, m):
        return kind, m.entry.renderings  # "Hong Kong's Chief Executive": 行政長官
    renderings = _renderings_for(kind, m)
    if kind is None and _coined_holder(text, m):
        # "Northbreeze president": a state is named by a name mtqa knows (countries.tsv,
        # WordNet's places), a company or a club by one of its own making
        orgs = organisations()
        renderings = tuple(r for r in renderings
                           if orgs.japanese_kinds(r, r[-1:]) != _STATE) or renderings
    return kind, renderings


_STATE = frozenset({"state"})
_STAFF = frozenset({"staff"})


def _coined_holder(text: str, m: TitleMatch) -> bool:
    """Whether the holder's body is named right before the title by a name of no word of
    English that WordNet or the country list knows (Northbreeze, Veltra): no state."""
    names = holder_names(text, m)[:1]
    if not names or _NAME_BEFORE.search(text, max(0, m.start - 80), m.start) is None:
        return False
    return all(not lemma_synsets(w.lower()) and not is_country_form(w)
               for w in names[0].split())


#: The holder's name right before the title, not at the sentence's start ("The President").
_NAME_BEFORE = re.compile(r"[a-z,;:]\s+[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*\s+$")


def in_field(m: TitleMatch, accepted: tuple[str | None, tuple[str, ...]],
              article: str) -> tuple[str | None, tuple[str, ...]]:
    """``accepted`` (:func:`accepted`) without the renderings of a field the English
    article never names (監督 for a "director" in no article on a film or a play)."""
    kind, renderings = accepted
    out = m.entry.out_of_field(article)
    return (kind, tuple(r for r in renderings if r not in out)) if out else accepted


def _place_holds(text: str, m: TitleMatch) -> bool:
    """Whether the title's holder is a place WordNet knows ("Hong Kong's chief executive",
    "chief executive of Macau"): its government may give the title of a government."""
    return any(is_place(name, adjectives=False) for name in holder_names(text, m))


def accepted_in_article(text: str, m: TitleMatch, named: Sequence[tuple[str, str]],
                         window: str = "") -> tuple[str | None, tuple[str, ...]]:
    """:func:`accepted`, the holder's kind read from the article when ``text`` does not
    say it: "Fjellmelk chairman" where the article said "dairy cooperative Fjellmelk"
    (``named``: :meth:`mtqa.text.glossary.Organisations.named_organisations`), or, for the
    head of any body (president, chair, leader), the one kind of organisation the sentences
    around it name, when that is no state institution ("Vice-president Chong … the
    federation would publish": a federation's)."""
    kind, renderings = accepted(text, m)
    if kind is None and named:
        kind = organisations().named_holder_kind(text, m, dict(named))
    if kind is None and window and head_word(m) in _HEAD_WORDS | _BOARD_CHAIRS:
        kinds = _kinds_named(window)
        # (a body that is no part of a state: "the government" may be a province's as a
        # state's, and "the bill goes to the president … back to parliament" is the state's)
        kind = next(iter(kinds)) if len(kinds) == 1 and kinds <= _NOT_STATE_BODIES else None
    if kind is None and window and head_word(m) == "governor":
        # a governor where his sentence, or else the sentences around, name a central bank
        # and no state or city
        kind = next((k for where in (text, window) if (k := _central_bank_named(where))), None)
    return kind, (_renderings_for(kind, m) if kind else renderings)


@text_cache(512)
def _kinds_named(text: str) -> frozenset[str]:
    """The kinds of organisation the words of English ``text`` name (a pair's sentences or
    the window around them, asked again for each title there)."""
    return frozenset(k for _, _, k in organisations().cue_kinds(PHRASE_WORDS.findall(text),
                                                                countries=False))


def _central_bank_named(text: str) -> str | None:
    """"central_bank" when English ``text`` names a central bank and no state, city or
    ministry; None otherwise."""
    kinds = _kinds_named(text)
    return "central_bank" if "central_bank" in kinds and not kinds & _GOVERNMENTS else None


#: Office kinds of the glossary that name an office of a business (chief executive, chief
#: operating officer), and the kinds of organisation that are governments.
_BUSINESS_OFFICES = frozenset({"executive"})
#: Titles of the chair of a board, whatever the body: a government has none, so the chair
#: of an agency, an authority or a county's board chairs that board.
_BOARD_CHAIRS = frozenset("chair chairman chairwoman chairperson".split())
_GOVERNMENTS = frozenset({"state", "city", "ministry"})


def head_word(m: TitleMatch) -> str:
    """The last word of the title's glossary key ("president" of "vice president")."""
    return m.entry.key[-1] if m.entry.key else ""


def chairs_a_board(kind: str | None, m: TitleMatch) -> bool:
    """Whether title ``m`` is the chair of a government body (of ``kind``), which has no
    chair's title of its own: the chair of its board (会長, 理事長, 委員長)."""
    return kind in _GOVERNMENTS and head_word(m) in _BOARD_CHAIRS
#: Kinds of organisation outside any state's institutions.
_NOT_STATE_BODIES = frozenset({"club", "company", "university"})


def _renderings_for(kind: str | None, m: TitleMatch) -> tuple[str, ...]:
    """The renderings of title ``m`` accepted for a holder of organisation ``kind`` (see
    :func:`accepted`)."""
    orgs = organisations()
    renderings = m.entry.renderings
    if not kind and m.entry.kinds and m.entry.kinds <= _BUSINESS_OFFICES:
        # a business office ("chief executive") whose holder the English does not place
        # is not given a government's title (行政長官, Hong Kong's chief executive's): that
        # needs a government named as the holder
        keep = tuple(r for r in renderings
                     if not (k := orgs.japanese_kinds(r, r[-1:])) or not k <= _GOVERNMENTS)
        return keep or renderings
    if chairs_a_board(kind, m):
        return renderings  # a government body with a board ("the chair of the port
        # authority", "of the county Board of Supervisors"): 会長, 理事長 or 委員長
    if kind:
        fit = tuple(r for r in renderings
                    if not (k := orgs.japanese_kinds(r, r[-1:])) or kind in k)
        # a title of several offices keeps the renderings of its holder's: the secretary
        # of a ministry is no 秘書 (a person's secretary, office kind "staff")
        others = {k for k in m.entry.kinds if office_organisation(k) != kind}
        if others and others != m.entry.kinds:
            fit = tuple(r for r in fit if not (HEAD_KINDS.get(r) and HEAD_KINDS[r] <= others))
        elif kind != "company":
            # the secretary of a body (a union, a club, a party) is its officer (書記長,
            # 事務局長), not someone's assistant (秘書); a company's may be its 秘書役
            fit = tuple(r for r in fit if HEAD_KINDS.get(r) != _STAFF) or fit
        usual = orgs.title_kind(m.entry)
        if (usual is None and (head_word(m) in _HEAD_WORDS or (
                head_word(m) in _BOARD_CHAIRS and kind == "court") or (
                # a business office of a government agency: its head's titles (the
                # chief executive of an authority: 長官; not a council's chair, 議長)
                m.entry.kinds <= _BUSINESS_OFFICES and kind == "ministry"))) or (
                usual not in (None, kind)):
            # a head that depends on its holder ("leader", "president") is rendered by the
            # titles of the holder's kind (the leader of a village: 村長); a specific office
            # ("chief executive") keeps its own renderings (not 最高執行責任者, the COO's)
            # unless the English puts it in another kind of body (the agency's managing
            # director: 長官); a court's chairman presides over it (裁判長)
            # (those JMdict glosses with the title's word first: 書記長 for a secretary)
            word = stem(head_word(m))
            fit += tuple(sorted((t for t in orgs.titles_of(kind) if len(t) > 1 and t not in fit),
                                key=lambda t: word not in gloss_stems(t)))
        if fit:
            return fit
    return renderings
