"""The faster text tools of #17 ("work done once") give the answers of the straightforward
code they replaced, on the names and sentences of data/riyadh and data/cases.

Each test keeps the plain version (as it was before the rewrite) as a reference and
compares it with the library's on real text: a pre-filter that wrongly drops a candidate,
or a reordered sum that moves a figure by one bit, fails here.
"""

from __future__ import annotations

import functools
import math
import re

from mtqa.text import phonetic
from mtqa.text.japanese import romanize
from mtqa.text.phonetic import (
    SAME_NAME_LENGTH_RATIO,
    SAME_NAME_MIN,
    SAME_NAME_MIN_KEY,
    kana_key,
    key_similarity,
    key_similarity_bound,
    latin_key,
    name_similarity,
    name_similarity_reaches,
    names_match,
    reading_similarity,
    romaji_key,
)
from tests.conftest import CASES, RIYADH


def _pairs() -> list[tuple[str, str]]:
    """(English text, Japanese text) of data/riyadh and every data/cases pair."""
    out = [((RIYADH / "en.txt").read_text(encoding="utf-8"),
            (RIYADH / "ja.txt").read_text(encoding="utf-8"))]
    for en in sorted(CASES.glob("*.en.txt")):
        ja = en.with_name(en.name[: -len(".en.txt")] + ".ja.txt")
        out.append((en.read_text(encoding="utf-8"), ja.read_text(encoding="utf-8")))
    return out


@functools.lru_cache(maxsize=1)
def _names() -> tuple[list[str], list[str]]:
    """Capitalised English words and katakana runs of the data, sorted."""
    english: set[str] = set()
    katakana: set[str] = set()
    for en, ja in _pairs():
        english.update(re.findall(r"[A-Z][A-Za-z]+", en))
        katakana.update(re.findall(r"[\u30A0-\u30FF]{2,}", ja))
    return sorted(english), sorted(katakana)


def _keys() -> list[str]:
    english, katakana = _names()
    keys = {latin_key(w) for w in english} | {kana_key(k) for k in katakana}
    keys |= {kana_key(k, strict=True) for k in katakana[::4]}  # H, the strict class
    return sorted(keys)


# --- the straightforward versions, as they were before the rewrite ------------------------


def _reference_rows(a: str, b: str) -> tuple[list[float], list[float]]:
    prev = [0.0]
    for ch in b:
        prev.append(prev[-1] + phonetic._del_cost(ch))
    before = prev
    for ca in a:
        cur = [prev[0] + phonetic._del_cost(ca)]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + phonetic._del_cost(ca), cur[j - 1] + phonetic._del_cost(cb),
                           prev[j - 1] + phonetic._sub_cost(ca, cb)))
        before, prev = prev, cur
    return before, prev


def _reference_names_match(word: str, romaji: str) -> bool:
    a, b = latin_key(word), romaji_key(romaji)
    if len(a) < SAME_NAME_MIN_KEY or len(b) < SAME_NAME_MIN_KEY:
        return len(romaji) >= 3 and word.lower()[:3] == romaji[:3]
    if min(len(a), len(b)) < SAME_NAME_LENGTH_RATIO * max(len(a), len(b)):
        return False
    return reading_similarity(word, romaji) >= SAME_NAME_MIN


# --- phonetic -----------------------------------------------------------------------------


def test_distance_rows_are_the_cell_by_cell_table_to_the_last_bit():
    keys = _keys()
    assert len(keys) > 200
    for a in keys:
        for b in keys:
            assert phonetic._distance_rows(a, b) == _reference_rows(a, b), (a, b)


def test_class_count_bound_is_never_below_the_similarity():
    keys = _keys()
    below = 0
    for a in keys:
        for b in keys:
            bound = key_similarity_bound(a, b)
            assert bound >= key_similarity(a, b), (a, b)
            below += bound < 0.6875  # a skeleton that names_match can drop unread
    assert below > len(keys) ** 2 // 4  # the bound does drop candidates


def test_names_match_is_the_unfiltered_comparison_on_real_names():
    english, katakana = _names()
    readings = [romanize(k) for k in katakana]
    matched = 0
    for w in english:
        for r in readings:
            expected = _reference_names_match(w, r)
            assert names_match(w, r) is expected, (w, r)
            matched += expected
    assert matched > 50


def test_name_similarity_reaches_is_the_thresholded_similarity_on_real_names():
    english, katakana = _names()
    for floor in (0.6, 0.7, 0.75, 0.85):
        for w in english[::2]:
            for k in katakana:
                expected = name_similarity(w, k) >= floor
                assert name_similarity_reaches(w, k, floor) is expected, (w, k, floor)


def test_name_matcher_finds_every_word_that_names_match_accepts():
    # the matcher tests a key once for all its words (keys_may_match) and looks only at
    # keys of close lengths; on each document it finds what comparing every word finds
    from mtqa.text.similarity import NameMatcher, english_features, japanese_features

    found = 0
    for en, ja in _pairs():
        latin = sorted({w for line in en.splitlines() for w in english_features(line).latin})
        matcher = NameMatcher(latin)
        readings = sorted({r for line in ja.splitlines() for r in japanese_features(line).readings})
        for r in readings:
            expected = frozenset(w for w in latin if names_match(w, r))
            assert matcher.match(r) == expected, r
            found += bool(expected)
    assert found > 30


# --- glossary and repetition --------------------------------------------------------------


def _probe_pairs() -> list[tuple[str, str]]:
    from tests.conftest import ROOT

    probes = ROOT / "tests" / "data" / "probes"
    return [(en.read_text(encoding="utf-8"),
             en.with_name(en.name[: -len(".en.txt")] + ".ja.txt").read_text(encoding="utf-8"))
            for en in sorted(probes.glob("*.en.txt"))]


def _reference_find(glossary, text: str) -> list[tuple[str, int, int]]:
    # every length from the longest title down, at every word (the loop before #17)
    from mtqa.text import glossary as g

    words = [(m.start(), m.end(), m.group()) for m in g._WORD.finditer(text)]
    keys = [g.normalize_word(w) for _, _, w in words]
    longest = max(len(e.key) for e in glossary)
    out, i = [], 0
    while i < len(words):
        for n in range(min(longest, len(words) - i), 0, -1):
            entry = glossary._entries.get(tuple(keys[i : i + n]))
            if entry is None:
                continue
            if n > 1 and not g._contiguous(text, words[i : i + n]):
                continue
            if entry.cap_only and not g._capitalised_before_name(words, i, n):
                continue
            out.append((entry.english, words[i][0], words[i + n - 1][1]))
            i += n
            break
        else:
            i += 1
    return out


def test_title_finder_finds_what_trying_every_length_finds():
    from mtqa.text.glossary import load_glossary

    glossary = load_glossary()
    texts = [en for en, _ in _pairs() + _probe_pairs()]
    texts += [line for text in texts for line in text.splitlines()]
    found = 0
    for text in texts:
        got = [(m.entry.english, m.start, m.end) for m in glossary.find(text)]
        assert got == _reference_find(glossary, text)
        found += len(got)
    assert found > 50


def test_repeat_search_skips_only_words_that_never_come_back(monkeypatch):
    # _longest_repeat gives up at once on a word that does not come back within reach;
    # with that shortcut switched off it gives the same answer at every word
    from mtqa.checks import repetition
    from mtqa.text import japanese

    sentences = [s for _, ja in _pairs() + _probe_pairs() for s in re.split(r"(?<=。)", ja)
                 if s.strip()]
    cases = []
    for s in sentences:
        toks = japanese.tokenize(s)
        surfaces = [t.surface for t in toks]
        cases += [(toks, surfaces, i) for i in range(len(toks))]
    fast = [repetition.RepetitionCheck._longest_repeat(t, s, i, "") for t, s, i in cases]
    monkeypatch.setattr(repetition, "_comes_back", lambda surfaces, i: True)
    full = [repetition.RepetitionCheck._longest_repeat(t, s, i, "") for t, s, i in cases]
    assert fast == full
    assert sum(hit is not None for hit in full) >= 5


# --- lexicon ------------------------------------------------------------------------------


def _reference_is_katakana(s: str) -> bool:
    return bool(s) and all(re.match(r"[\u30A0-\u30FF\u31F0-\u31FF\uFF66-\uFF9F]", c)
                           or c in "ー・=＝" for c in s)


def test_is_katakana_is_the_character_by_character_test():
    from mtqa.text import japanese

    words = {t.surface for _, ja in _pairs() for t in japanese.tokenize(ja)}
    words |= {chr(c) for c in range(0x3000, 0x3100)} | {chr(c) for c in range(0xFF00, 0xFFA0)}
    words |= {"", "ア\n", "ジョー・バイデン", "ジョン=スミス", "ｶﾀｶﾅ", "カナA", "=", "ー"}
    for w in words:
        assert japanese.is_katakana(w) is _reference_is_katakana(w), repr(w)
    assert sum(map(japanese.is_katakana, words)) > 100


def test_word_links_are_the_units_that_word_matches_unit_accepts():
    # _word_links looks a word up in the sentence's index and compares by sound only the
    # units with a romanisation; comparing the word with every unit the index holds
    # (content or numbered) with word_matches_unit gives the same units
    from mtqa.text import lexicon
    from mtqa.text.cache import clear_text_caches

    clear_text_caches()
    linked = 0
    for en, ja in _pairs()[:4] + _probe_pairs()[:6]:
        en_lines = [line for line in en.splitlines() if line.strip()]
        ja_lines = [line for line in ja.splitlines() if line.strip()]
        for k, ja_line in enumerate(ja_lines):
            units = lexicon.japanese_units(ja_line, 7, k)
            held = [i for i, u in enumerate(units) if u.content or u.numbers]
            for en_line in en_lines[max(0, k - 1): k + 2]:
                for w in lexicon.english_words(en_line):
                    got = lexicon._word_links(w.text, w.stem, w.kind, w.value, w.capital,
                                              ja_line, 7, k)
                    assert got == tuple(i for i in held
                                        if lexicon.word_matches_unit(w, units[i])), (w, ja_line)
                    linked += bool(got)
    assert linked > 200


def _reference_units(text: str, base: int, sentence: int) -> tuple:
    # japanese_units before the per-token meaning was cached (#17)
    from mtqa.text import japanese, lexicon
    from mtqa.text.english import stem
    from mtqa.text.numerals import japanese_numbers

    toks = japanese.tokenize(text)
    extra = lexicon._expressions(toks)

    # a number UniDic cuts into tokens (1 + 億, 3 , 800 万) gives its value to the first
    runs: dict = {}
    i = 0
    while i < len(toks):
        j = i + 1
        if toks[i].pos2 == "数詞":
            while j < len(toks) and toks[j].start == toks[j - 1].end and (
                    toks[j].pos2 == "数詞" or (toks[j].surface in ",，.．" and j + 1 < len(toks)
                                              and toks[j + 1].pos2 == "数詞")):
                j += 1
            if j - i > 1:
                runs[i] = japanese_numbers(text[toks[i].start:toks[j - 1].end])
        i = j

    def run_values(i: int) -> frozenset:
        return runs.get(i, frozenset())

    lexicon._ordinal_stems(toks, runs, extra)  # 第3, 3期目: the English ordinal

    # katakana words of several tokens, each token given the whole word's romanisation
    run_of: dict = {}
    group: list = []
    for i, t in enumerate([*toks, None]):
        if t is not None and japanese.is_katakana(t.surface) and t.surface not in "・･=＝" and (
                not group or toks[group[-1]].end == t.start):
            group.append(i)
            continue
        if len(group) > 1:
            word = japanese.romanize("".join(toks[k].surface for k in group))
            run_of.update({k: word for k in group})
        group = [i] if t is not None and japanese.is_katakana(t.surface) and (
            t.surface not in "・･=＝") else []

    units = []
    for i, t in enumerate(toks):
        surf = japanese.normalize(t.surface)
        lemma = japanese.lemma_base(t.lemma)
        stems = set(extra.get(i, ()))
        known, romaji = False, ""
        if re.fullmatch(r"[0-9][0-9.,]*", surf):
            known = True  # digits: a value, no glosses
        elif japanese.has_latin(surf):
            stems.add(stem(surf.lower()))
            romaji = surf.lower()
        else:
            own = lexicon._gloss_stems(t.surface) | lexicon._gloss_stems(lemma)
            known = bool(own)
            stems |= own
            origin = japanese.lemma_origin(t.lemma)
            if origin:
                stems.update(stem(w) for w in re.findall(r"[a-z]+", origin.lower()))
                known = True
            kanji = [c for c in t.surface if japanese.has_kanji(c)]
            if len(kanji) >= 2:
                for c in kanji:
                    stems |= lexicon._char_stems(c)
            if japanese.is_katakana(t.surface) or (t.pos2 == "固有名詞" and t.reading):
                romaji = japanese.romanize(t.reading or t.surface)
        units.append(lexicon.JaUnit(
            start=base + t.start, end=base + t.end, text=t.surface, pos1=t.pos1,
            pos2=t.pos2, pos3=t.pos3, lemma=lemma, index=i, sentence=sentence,
            stems=frozenset(stems), numbers=japanese_numbers(t.surface) | run_values(i),
            romaji=romaji, content=t.is_content and t.pos2 != "数詞", known=known,
            cform=t.cform, run=run_of.get(i, "")))
    return tuple(units)


def test_japanese_units_are_those_built_token_by_token():
    from mtqa.text import lexicon

    n = 0
    for _, ja in _pairs() + _probe_pairs():
        for k, line in enumerate(s for s in re.split(r"(?<=。)|\n", ja) if s.strip()):
            got = lexicon.japanese_units(line, 3 * k, k)
            assert got == _reference_units(line, 3 * k, k), line
            n += len(got)
    assert n > 5000


def test_find_rendering_grades_what_it_graded_before():
    # find_rendering grades only the words that reach the floor; the best of all words,
    # when it reaches the floor, is the best of those
    from mtqa.checks.names.english import EN_WORD, NAME_PARTICLES
    from mtqa.checks.names.katakana import katakana_parts
    from mtqa.checks.names.matching import MATCH_MIN, find_rendering
    from mtqa.text.phonetic import name_similarity

    def reference(name: str, ja_text: str) -> list[tuple[int, int, float]]:
        words = [w for w in EN_WORD.findall(name) if w.lower() not in NAME_PARTICLES]
        hits: dict[tuple[int, int], float] = {}
        for part in katakana_parts(ja_text):
            sim = max((name_similarity(w, part.surface) for w in words), default=0.0)
            if sim >= MATCH_MIN:
                key = (part.run_start, part.run_end)
                hits[key] = max(hits.get(key, 0.0), sim)
        return sorted(((s, e, v) for (s, e), v in hits.items()), key=lambda t: (-t[2], t[0]))

    found = 0
    for en, ja in _pairs():
        full_names = sorted(set(re.findall(r"[A-Z][a-z]+(?: [A-Z][a-z]+)*", en)))
        for line in (s for s in ja.splitlines() if s.strip()):
            for name in full_names:
                got = find_rendering(name, line)
                assert got == reference(name, line), (name, line)
                found += bool(got)
    assert found > 40


def _reference_japanese_features(text: str):
    # similarity.japanese_features before its tokens' features were cached (#17)
    from mtqa.text import japanese, jmdict
    from mtqa.text.english import stem
    from mtqa.text.similarity import JapaneseFeatures, japanese_numbers

    stems: set[str] = set()
    latin: set[str] = set()
    readings: set[str] = set()
    n = 0
    tokens = japanese.tokenize(text)
    # alignment v7: katakana tokens written together (no ・ between) are one name as well
    run: list[str] = []
    last_end = -1
    for tok in [*tokens, None]:
        kana = tok is not None and japanese.is_katakana(tok.surface) and tok.surface != "・"
        if kana and run and tok.start == last_end:
            run.append(tok.surface)
        else:
            if len(run) >= 2:
                readings.add(japanese.romanize("".join(run)))
            run = [tok.surface] if kana else []
        last_end = tok.end if tok is not None else -1
    for k, tok in enumerate(tokens):
        if not tok.is_content:
            continue
        n += 1
        prev = tokens[k - 1] if k else None
        if (prev is not None and prev.pos1 == "接頭辞" and prev.end == tok.start
                and prev.surface in ("お", "ご", "御")
                and not japanese.normalize(tok.surface)[:1].isdigit()):
            # alignment v7: お辞儀 ("bow") looked up whole, not 辞儀 alone
            for form in {prev.surface + tok.surface,
                         prev.surface + japanese.lemma_base(tok.lemma)}:
                stems.update(stem(w) for w in jmdict.gloss_words(form))
        surf = japanese.normalize(tok.surface)
        if surf[:1].isdigit():
            continue
        if japanese.has_latin(surf):
            for w in re.findall(r"[A-Za-z]+", surf):
                latin.add(w.lower())
                stems.add(stem(w.lower()))
            continue
        if japanese.is_katakana(tok.surface) or tok.pos2 == "固有名詞":
            roman = japanese.romanize(tok.reading or tok.surface)
            if roman:
                readings.add(roman)
        origin = japanese.lemma_origin(tok.lemma)
        if origin:
            stems.update(stem(w) for w in re.findall(r"[a-z]+", origin.lower()))
        for form in {tok.surface, japanese.lemma_base(tok.lemma)}:
            stems.update(stem(w) for w in jmdict.gloss_words(form))
    return JapaneseFeatures(frozenset(stems), frozenset(), japanese_numbers(text),
                            frozenset(latin), frozenset(readings), n)


def test_japanese_features_are_those_gathered_token_by_token():
    from mtqa.text.similarity import japanese_features

    readings = 0
    for _, ja in _pairs() + _probe_pairs():
        for line in (s for s in re.split(r"(?<=。)|\n", ja) if s.strip()):
            assert japanese_features(line) == _reference_japanese_features(line), line
            readings += len(japanese_features(line).readings)
    assert readings > 100


# --- token risk ---------------------------------------------------------------------------


def _reference_word_columns(row, seg, i):
    # risk.tokens._word_columns before a token's own columns were cached (#17)
    from mtqa.risk import tokens as rt

    tok, n, col = seg.toks[i], len(seg.toks), rt._INDEX
    script = seg.scripts[i]
    row[rt._POS_COLUMN.get(tok.pos1, col["pos_other"])] = 1
    row[col["proper_noun"]] = tok.pos2 in rt._NAME_POS
    row[col["numeral"]] = tok.pos2 == "数詞"
    row[rt._GOSHU_COLUMN.get(tok.goshu, col["goshu_unknown"])] = 1
    row[rt._SCRIPT_COLUMN[script]] = 1
    row[col["content"]] = seg.content[i]
    row[col["length"]] = math.log1p(len(tok.surface))
    row[col["unknown_word"]] = not tok.goshu and not tok.is_punct and script != "digit"
    row[col["polite"]] = tok.pos1 == "助動詞" and tok.lemma in rt._POLITE
    row[col["rel_position"]] = (i + 0.5) / n
    row[col["tokens_to_end"]] = math.log1p(n - 1 - i)
    row[col["final_punct"]] = i == n - 1 and tok.is_punct
    row[col["in_parens"]] = seg.in_parens[i]
    row[col["foreign_punct"]] = tok.is_punct and not all(c in rt._JA_PUNCT for c in tok.surface)
    lemma_col = col.get(f"lemma_{tok.lemma}")
    if lemma_col is not None:
        row[lemma_col] = 1


def test_token_word_columns_are_those_set_token_by_token():
    from mtqa.risk import tokens as rt
    from mtqa.text import japanese

    rows = 0
    for en, ja in _pairs() + _probe_pairs():
        en_lines = [s for s in en.splitlines() if s.strip()]
        ja_lines = [s for s in ja.splitlines() if s.strip()]
        for source, translation in zip(en_lines, ja_lines):
            seg = rt._prepare_segment(japanese.tokenize(translation), rt._prepare_source(source))
            for i in range(len(seg.toks)):
                got = [0.0] * len(rt.FEATURE_NAMES)
                want = [0.0] * len(rt.FEATURE_NAMES)
                rt._word_columns(got, seg, i)
                _reference_word_columns(want, seg, i)
                assert got == want, seg.toks[i]
                rows += 1
    assert rows > 3000


def test_name_assignment_edges_are_the_thresholded_similarities():
    # match_edges reads each key once; the edges are those of name_similarity_reaches
    from mtqa.checks.names.katakana import kanji_name_parts, katakana_parts
    from mtqa.checks.names.matching import MATCH_MIN, NEIGHBOUR_MATCH_MIN, match_edges
    from mtqa.text.phonetic import name_similarity, name_similarity_reaches

    edges = 0
    for en, ja in _pairs() + _probe_pairs():
        en_lines = [s for s in en.splitlines() if s.strip()]
        ja_lines = [s for s in ja.splitlines() if s.strip()]
        for en_line, ja_line in zip(en_lines, ja_lines):
            parts = katakana_parts(ja_line) + kanji_name_parts(ja_line)
            keys = list(dict.fromkeys(w.lower() for w in re.findall(r"[A-Za-z]+", en_line)
                                      if len(w) >= 2))
            for floor in (MATCH_MIN, NEIGHBOUR_MATCH_MIN):
                want = sorted(((name_similarity(k, p.sound), i, k)
                               for i, p in enumerate(parts) for k in keys
                               if name_similarity_reaches(k, p.sound, floor)),
                              key=lambda e: (-e[0], e[1], e[2]))
                got = match_edges(parts, keys, parts[:1], floor)
                assert got == [e for e in want if e[1] != 0], (en_line, floor)
                edges += len(got)
    assert edges > 100


def test_the_shipped_models_walked_together_give_each_rows_own_walk(monkeypatch):
    # predict_trees walks every (row, tree) pair the full depth at once, in chunks of rows:
    # the shipped models' figures are those of walking each row down each tree alone, to
    # the last bit, NaN inputs and chunk edges included
    import numpy as np

    from mtqa.risk import tokens as rt
    from tests.unit.test_risk import _walk_one_by_one

    model = rt.RiskModel.load()
    rows = []
    for en, ja in _pairs()[:2]:
        for source, translation in zip(en.splitlines(), ja.splitlines()):
            if source.strip() and translation.strip():
                rows.append(rt.token_features(source, translation)[1])
    X = np.vstack(rows)
    X = X[:, [rt.FEATURE_NAMES.index(n) for n in model.token["features"]]]
    X[::7, 3] = np.nan
    monkeypatch.setattr(rt, "_ROWS_PER_WALK", 97)
    assert X.shape[0] > 3 * rt._ROWS_PER_WALK
    assert np.array_equal(rt.predict_trees(model.token, X), _walk_one_by_one(model.token, X))
    forest = model.segment["members"][1]
    S = np.random.default_rng(17).normal(size=(200, len(rt.SEGMENT_FEATURE_NAMES)))
    assert np.array_equal(rt.predict_trees(forest, S), _walk_one_by_one(forest, S))


def test_english_words_read_numbers_as_when_every_token_was_tried(monkeypatch):
    # english_words asks parse_english_number only of tokens that may be numbers; with
    # that shortcut switched off (every token tried, as before) the words are the same
    from mtqa.text import lexicon
    from mtqa.text.cache import clear_text_caches

    texts = [en for en, _ in _pairs() + _probe_pairs()]
    texts.append("NaN and Inf, infinity; 1st $5 ٣ ² twenty October may Twelve dozen "
                 "hundred 3rd 1,200 €3bn")
    clear_text_caches()
    fast = [lexicon.english_words(t) for t in texts]
    clear_text_caches()
    monkeypatch.setattr(lexicon, "_may_be_number", lambda token: True)
    full = [lexicon.english_words(t) for t in texts]
    clear_text_caches()
    assert repr(fast) == repr(full)  # repr: "NaN" reads as float nan, never equal to itself
    assert sum(w.kind == "number" for ws in full for w in ws) > 100


def test_token_fields_read_in_one_go_are_those_read_one_by_one():
    # _fields reads a token's seven UniDic fields as attributes at once; a feature object of
    # another shape (fields missing) falls back to reading each, "" where one is missing
    from types import SimpleNamespace

    from mtqa.text import japanese

    def one_by_one(feature):
        return ["" if getattr(feature, n, None) in (None, "*") else str(getattr(feature, n))
                for n in japanese._FIELDS]

    tagger = japanese._tagger()
    for text in ("ゼレンスキー大統領は火曜日に語った。", "ＡＩで２０２５年、ｗｗｗ！", "ﾃｽﾄ…？"):
        for word in tagger(text):
            assert japanese._fields(word.feature) == one_by_one(word.feature)
    partial = SimpleNamespace(pos1="名詞", pos2="*", lemma="東京")
    assert japanese._fields(partial) == ["名詞", "", "", "東京", "", "", ""]


def test_number_words_skipped_early_are_those_the_pattern_finds():
    """The number-word reader skips a text with none of its words before trying the
    pattern's alternatives: what it returns is what the pattern alone finds."""
    from mtqa.text import numerals

    sentences = [s for en, _ in _pairs() for s in re.split(r"(?<=[.!?])\s+", en)]
    sentences += ["Twenty-six people, a third of them teenagers.", "No numbers at all here.",
                  "FORTY-TWO", "the FIRST of many", "a Couple of dozen", "Both teenagers left."]
    found = 0
    for s in sentences:
        by_pattern = [m.span() for m in numerals._EN_WORDNUM.finditer(s)]
        got = [(q.start, q.start + len(q.text)) for q in numerals._en_word_numbers(s)]
        # (a word read in two units, "a dozen" as 12 and 10, gives two values at one place)
        assert list(dict.fromkeys(a for a, _ in got)) == [a for a, _ in by_pattern], s
        found += bool(by_pattern)
    assert found > 10
