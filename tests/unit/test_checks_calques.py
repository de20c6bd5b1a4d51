"""The calques check (CAL001, #19 item 3): literal renderings of WordNet's figurative
expressions. Cases are generated from WordNet and JMdict themselves; none is written
for a particular idiom."""

from __future__ import annotations

import random

from mtqa.checks import calques
from mtqa.text import figurative, japanese, wordnet
from tests.harness import Bead, run_check


def _verb_object_cases(n: int) -> list[tuple[figurative.Expression, str, str]]:
    """Kept verb + object expressions of WordNet ("kick the bucket") whose two content
    words both have literal JMdict renderings, in a seeded order: (expression, the verb's
    rendering, the object's rendering)."""
    lemmas = sorted(lemma for lemma in wordnet.multiword_lemmas()
                    if lemma.count("_") == 2 and lemma.split("_")[1] in ("the", "a"))
    random.Random(19).shuffle(lemmas)
    out = []
    for lemma in lemmas:
        e = figurative.figurative(lemma)
        if e is None or len(e.content) != 2 or not any(
                p == "v" for p, _ in wordnet.lemma_synsets(lemma)):
            continue
        verbs = [r for r in calques.renderings(e.content[0])
                 if japanese.tokenize(r)[-1].pos1 == "動詞" and len(japanese.tokenize(r)) == 1]
        nouns = [r for r in calques.renderings(e.content[1])
                 if all(t.pos1 == "名詞" for t in japanese.tokenize(r))]
        if verbs and nouns:
            out.append((e, verbs[0], nouns[0]))
        if len(out) == n:
            break
    return out


CASES = _verb_object_cases(12)


def test_enough_generated_cases() -> None:
    assert len(CASES) >= 8


def test_word_for_word_renderings_are_flagged() -> None:
    """「<object>を<verb>だろう」 for "<verb> the <object>": flagged, on the calque's span."""
    flagged = []
    for e, verb, noun in CASES:
        en = f"They say that he will {e.text} soon."
        ja = f"彼はまもなく{noun}を{verb}だろう。"
        found = run_check("calques", Bead(en, ja))
        if any(f.code == "CAL001" and noun in f.text for f in found):
            flagged.append(e.lemma)
    # a calque whose words form a Japanese entry of their own, or that contains an
    # established rendering, is rightly left alone: most generated ones are neither
    assert len(flagged) >= 0.7 * len(CASES), flagged


def test_renderings_of_the_sense_are_not_flagged() -> None:
    """The figurative sense said plainly (a JMdict headword of a WordNet synonym), and the
    same with the literal words present as well: neither is a calque."""
    for e, verb, noun in CASES:
        plain = sorted(calques.established(e))
        if not plain:
            continue
        en = f"They say that he will {e.text} soon."
        assert run_check("calques", Bead(en, f"彼はまもなく{plain[0]}だろう。")) == []
        both = f"彼はまもなく{noun}を{verb}、つまり{plain[0]}だろう。"
        assert run_check("calques", Bead(en, both)) == [], (e.lemma, both)


def test_the_english_must_hold_the_expression() -> None:
    e, verb, noun = CASES[0]
    words = [w for w in e.words if w not in e.content]
    en = f"They say that he will {e.content[0]} {' '.join(words)} something else soon."
    assert run_check("calques", Bead(en, f"彼はまもなく{noun}を{verb}だろう。")) == []


def test_a_japanese_entry_of_the_same_figure_is_not_a_calque() -> None:
    """Literal words that JMdict lists together as one entry (the figure exists in
    Japanese) are a correct rendering."""
    toks = japanese.tokenize("氷山の一角だ")
    assert calques._lexicalised(toks, 0, 2)
    assert not calques._lexicalised(japanese.tokenize("バケツを蹴った"), 0, 2)


def test_idioms_of_the_hand_list_are_left_to_mis001() -> None:
    """"spill the beans" is in WordNet and in mtqa/data/idioms.tsv: one finding, MIS001."""
    bead = Bead("She spilled the beans about the deal.",
                "彼女は取引について豆をこぼした。")
    assert run_check("calques", bead) == []
    assert [f.code for f in run_check("mistranslation", bead)] == ["MIS001"]


def test_kick_the_bucket() -> None:
    found = run_check("calques", Bead("The old man kicked the bucket last year.",
                                      "老人は昨年バケツを蹴った。"))
    assert [(f.code, f.text, f.severity) for f in found] == [
        ("CAL001", "バケツを蹴った", calques.SEVERITY)]
    assert found[0].evidence["expression"] == "kick_the_bucket"
    assert run_check("calques", Bead("The old man kicked the bucket last year.",
                                     "老人は昨年亡くなった。")) == []
