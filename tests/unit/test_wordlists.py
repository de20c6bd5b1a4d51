"""The shipped word lists (mtqa/data/wordlists/, read by mtqa.text.wordlists; #17)."""

from __future__ import annotations

from importlib import resources

import pytest

from mtqa.text import wordlists

_FILES = sorted(
    p.name for p in resources.files("mtqa").joinpath(*wordlists.FOLDER).iterdir()
    if p.name.endswith((".txt", ".tsv"))
)


def test_the_lists_are_shipped():
    assert {"deictic_prefixes.txt", "months.tsv", "negative_words.txt", "number_words.tsv",
            "scales.tsv", "weekdays.tsv"} <= set(_FILES)


@pytest.mark.parametrize("name", _FILES)
def test_every_list_says_what_it_is_and_where_it_comes_from(name):
    text = resources.files("mtqa").joinpath(*wordlists.FOLDER, name).read_text("utf-8")
    header = [line for line in text.splitlines() if line.startswith("#")]
    assert text.startswith("#"), name
    assert any("Source:" in line for line in header), name
    assert any("Format:" in line for line in header), name


@pytest.mark.parametrize("name", _FILES)
def test_rows_are_unique_and_well_formed(name):
    rows = wordlists.rows(name)
    assert rows, name
    keys = [r[0] for r in rows]
    assert len(keys) == len(set(keys)), name
    assert all(k and k == k.strip() for k in keys), name
    if name.endswith(".tsv"):
        widths = {len(r) for r in rows}
        assert min(widths) >= 2, name


def test_deictic_prefixes_are_the_union_of_the_old_copies():
    # names knew 故 but not 今, mistranslation 今 but not 故; omission only 同 and 当 (#17)
    assert wordlists.deictic_prefixes() == frozenset("同当本両各今前元現故")


def test_months_and_abbreviations():
    assert wordlists.months()["october"] == 10
    assert len(wordlists.months()) == 12
    abbr = wordlists.month_abbreviations()
    assert abbr["sept"] == abbr["sep"] == 9
    assert "may" not in abbr  # May has no abbreviation, and "may" is mostly the verb


def test_weekdays_in_english_and_kanji():
    assert wordlists.weekdays()["monday"] == 0
    assert wordlists.weekday_kanji()["日"] == wordlists.weekdays()["sunday"] == 6


def test_number_words_and_scales():
    assert wordlists.number_words("cardinal")["ninety"] == 90
    assert wordlists.number_words("ordinal")["hundredth"] == 100
    assert "first" not in wordlists.number_words("cardinal")
    assert wordlists.scales("word")["billion"] == 1e9
    assert wordlists.scales("abbreviation")["bn"] == 1e9
    assert "bn" not in wordlists.scales("word")
    with pytest.raises(ValueError):
        wordlists.number_words("fraction")


def test_negative_words():
    neg = wordlists.negative_words()
    assert {"not", "never", "without", "n't", "refused"} <= neg
    assert "said" not in neg


def test_lists_are_read_once_and_cannot_be_changed():
    assert wordlists.months() is wordlists.months()
    with pytest.raises(TypeError):
        wordlists.months()["smarch"] = 13  # type: ignore[index]


def test_a_missing_list_is_a_clear_error():
    with pytest.raises(wordlists.WordListError, match="reinstall"):
        wordlists.rows("no-such-list.txt")


def _lemmas(text: str, pos1: str) -> set[str]:
    from mtqa.text import japanese

    return {japanese.lemma_base(t.lemma) for t in japanese.tokenize(text) if t.pos1 == pos1}


def test_light_verbs_hold_the_lemmas_unidic_gives():
    # the checks compare UniDic lemmas with the list: a spelling UniDic never gives would
    # leave する, なる, ある, いる or できる counted as content
    verbs = _lemmas("会議に参加する。有名になる。問題がある。東京にいる。今日は参加できる。", "動詞")
    assert verbs == {"為る", "成る", "有る", "居る", "出来る"}
    assert verbs <= wordlists.light_verbs()


#: The compound case particles of Japanese grammar (複合格助詞) built on a verb.
COMPOUND_PARTICLES = (
    "について によって により として に対して に関して において にわたって をめぐって に伴って "
    "に基づいて に向けて を通じて に従って に比べて に加えて に限って に際して に応じて に沿って "
    "に当たって に続いて にかけて にとって に向かって につき"
).split()


@pytest.mark.parametrize("particle", COMPOUND_PARTICLES)
def test_particle_verbs_hold_the_verb_of_every_compound_particle(particle):
    # as UniDic lemmatises it: について gives つく, を通じて 通ずる, not the kanji headword
    verbs = _lemmas(f"経済{particle}話した。", "動詞") - {"話す"}
    assert verbs and verbs <= wordlists.particle_verbs(), verbs
    assert not wordlists.particle_verbs() & {"話す", "決まる", "求める", "増える"}


def test_formal_nouns_are_heads_without_content():
    nouns = _lemmas("参加するための準備をしたことがある。その後、会議の際に話した。", "名詞")
    assert {"為", "事", "後", "際"} <= nouns & wordlists.formal_nouns()
    assert not {"準備", "会議"} & wordlists.formal_nouns()
