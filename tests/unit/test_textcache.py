"""Per-text caches hold one article at a time in a feed (issue #20: a feed's memory must not
grow with its length; ``feed_scale`` showed it growing by 8 to 13 % from 100 to 1,000
articles, all of it in caches keyed by sentences)."""

from __future__ import annotations

from mtqa.checks import title_accepted, titles
from mtqa.text import japanese, lexicon, similarity
from mtqa.config import QAConfig
from mtqa.feed.runner import build_pipeline, process_item
from mtqa.feed.inputs import FeedItem, TextRef
from mtqa.text.cache import clear_text_caches, text_cache, text_cache_entries
from tests.conftest import CASES, case_names

#: Caches keyed by a sentence or span that a feed used to keep for every article.
SENTENCE_CACHES = (similarity.japanese_features, similarity.english_bag, japanese._tokenize_cached,
                   lexicon.japanese_units, lexicon.english_words)


def _item(index: int, name: str) -> FeedItem:
    return FeedItem(index, name, TextRef(f"{name} en", path=str(CASES / f"{name}.en.txt")),
                    TextRef(f"{name} ja", path=str(CASES / f"{name}.ja.txt")))


def _sizes() -> list[int]:
    return [c.cache_info().currsize for c in SENTENCE_CACHES]


def test_a_feed_keeps_only_the_current_articles_sentences_cached():
    pipeline = build_pipeline(QAConfig().with_options(backtranslator="dictionary"))
    names = case_names()
    for i, name in enumerate(names * 2):  # distinct articles, as in an archive; the second
        # round finds the process-wide word caches warm, as the lone article below does
        assert process_item(_item(i, name), pipeline, want_page=False).record["status"] == "ok"
    after_feed = _sizes()
    clear_text_caches()
    process_item(_item(0, names[-1]), pipeline, want_page=False)
    assert after_feed == _sizes()  # the last article's entries, not the whole feed's
    assert all(after_feed)


def test_text_cache_is_an_lru_cache_that_clear_empties():
    calls = []

    @text_cache(2)
    def length(text: str) -> int:
        calls.append(text)
        return len(text)

    assert [length("ab"), length("ab"), length("abc"), length("d")] == [2, 2, 3, 1]
    assert calls == ["ab", "abc", "d"] and length.cache_info().currsize == 2  # bounded
    assert text_cache_entries() >= 2
    clear_text_caches()
    assert length.cache_info().currsize == 0 and text_cache_entries() == 0
    length("ab")
    assert calls[-1] == "ab"


def test_a_cache_keyed_by_an_articles_text_is_emptied_between_articles():
    # the titles check's holder-kind cache is keyed by a pair's English, its window or the
    # whole reference: kept process-wide, it held every article's text (feed_scale: +6 %
    # resident memory from 100 to 1,000 articles)
    pipeline = build_pipeline(QAConfig().with_options(backtranslator="dictionary"))
    clear_text_caches()
    assert process_item(_item(0, case_names()[0]), pipeline, want_page=False)
    assert title_accepted.accepted.cache_info().currsize > 0
    clear_text_caches()
    assert title_accepted.accepted.cache_info().currsize == 0
