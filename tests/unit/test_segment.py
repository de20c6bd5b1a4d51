import pytest

from mtqa.segment import is_chrome, segment


def texts(doc):
    return [doc.text[s.start : s.end] for s in doc.sentences]


def test_japanese_sentences_and_paragraphs():
    text = "見出し\n\n第一文です。第二文です！\n\n「引用です。続きです」と彼は言った。"
    doc = segment(text, "ja")
    assert texts(doc) == ["見出し", "第一文です。", "第二文です！", "「引用です。続きです」と彼は言った。"]
    assert [s.paragraph for s in doc.sentences] == [0, 1, 1, 2]


def test_english_abbreviations_do_not_split():
    text = "U.S. officials met on Feb. 18 in Riyadh. Mr. Rubio spoke. It ended."
    doc = segment(text, "en")
    assert texts(doc) == ["U.S. officials met on Feb. 18 in Riyadh.", "Mr. Rubio spoke.", "It ended."]
    # "No." abbreviates "number" only before a number; before a word it is the answer
    doc = segment("He lives at No. 10 Downing Street. No. Kari tapped out.", "en")
    assert texts(doc) == ["He lives at No. 10 Downing Street.", "No.", "Kari tapped out."]


def test_a_word_ending_in_a_letter_after_digits_is_no_initial():
    # "the 1970s." ended no sentence: its "s" was read as an initial (a refA speech of WMT24
    # ESA dev, "Of course, I grew up in the 1970s. I gained my political consciousness …",
    # whose second sentence a translation could leave out unseen)
    doc = segment("I grew up in the 1970s. I gained my political consciousness. It rose to "
                  "100k. It was Smith's. J. Doe agreed.", "en")
    assert texts(doc) == ["I grew up in the 1970s.", "I gained my political consciousness.",
                          "It rose to 100k.", "It was Smith's.", "J. Doe agreed."]


def test_lower_case_post_splits_before_small_letters():
    """#18: a post written in lower case begins its sentences with small letters; read as one
    sentence, its Japanese in two sentences showed an "added" sentence."""
    text = ("@user7 honestly some folks are just the worst. i can't believe it... he took "
            "my spot again! e.g. today")
    doc = segment(text, "en")
    assert [doc.sentence_text(s.index) for s in doc.sentences] == [
        "@user7 honestly some folks are just the worst.",
        "i can't believe it... he took my spot again!",  # an ellipsis before a small letter
        "e.g. today",  # an abbreviation still does not end a sentence
    ]
    # in ordinary prose a small letter after a full stop still goes on with the sentence
    doc = segment("He arrived at 5 p.m. and the talks began. then nothing.", "en")
    assert len(doc.sentences) == 1


def test_offsets_index_original_text_with_crlf():
    text = "一文目。\r\n\r\n二文目。"
    doc = segment(text, "ja")
    assert texts(doc) == ["一文目。", "二文目。"]
    assert doc.sentences[1].paragraph == 1


def test_chrome_recognised():
    for line in ["Back to top button", "コメントを残す", "Related Articles", "ギャラリーでこの写真を開く:",
                 "メールアドレスが公開されることはありません。 が付いている欄は必須項目です"]:
        assert is_chrome(line), line
    for line in ["外務大臣は火曜日に述べた。", "Top officials met on Tuesday."]:
        assert not is_chrome(line), line


def test_more_page_furniture_recognised():
    for line in ["写真をクリックして拡大", "Click to enlarge", "記事一覧へ戻る", "ホーム", "続きを読む >",
                 "Follow us on Twitter", "ログイン", "プレスリリース", "Related Articles"]:
        assert is_chrome(line), line


def test_article_sentences_mentioning_furniture_words_are_content():
    # the patterns are anchored to whole lines: a sentence that mentions them is content
    for line in ["彼はホームで記事一覧を読み、続きを読むことにした。", "He read more about the home team.",
                 "Log in details were stolen, police said."]:
        assert not is_chrome(line), line


def test_chrome_sentences_are_marked_in_the_document():
    doc = segment("本文の一文目。\n\nコメントを残す\n\nBack to top button", "ja")
    assert [s.chrome for s in doc.sentences] == [False, True, True]
    assert [doc.text[s.start : s.end] for s in doc.content] == ["本文の一文目。"]


# --- issue #15: chrome is a line or a short block at the edges, never content -----------


def test_boilerplate_phrase_inside_a_one_paragraph_article_is_content():
    # one line, no breaks, a furniture phrase in it: the article must stay content
    text = "大臣は月曜日に東京に到着した。" * 12 + "申請書の必須項目は五つある。首相と会談した。"
    doc = segment(text, "ja")
    assert not any(s.chrome for s in doc.sentences)


def test_long_line_matching_an_unanchored_pattern_is_not_chrome():
    line = "これはシンジケート ニュース フィードから自動生成された未編集の記事です。" + "本文。" * 60
    assert len(line) > 160 and not is_chrome(line)
    doc = segment(line, "ja")
    assert [s.chrome for s in doc.sentences][:2] == [True, False]  # the edge sentence only


def test_furniture_sentence_in_the_middle_of_a_line_is_content():
    text = "第一文です。" * 20 + "コメントを残す。" + "第二文です。" * 20
    doc = segment(text, "ja")
    assert not any(s.chrome for s in doc.sentences)


def test_syndication_note_glued_to_the_last_paragraph_is_chrome():
    body = "大臣は月曜日に東京に到着した。" * 12
    note = "(これはシンジケート ニュース フィードから自動生成された未編集の記事です。)"
    doc = segment(body + note, "ja")
    assert [s.chrome for s in doc.sentences] == [False] * 12 + [True]


@pytest.mark.parametrize("line", [
    "申請書の必須項目は五つある。",
    "彼はコメントを残すことを拒んだ。",
    "The form lists five required fields, officials said.",
    "She declined to leave a comment on the ruling.",
    "The story has not been edited by the court, lawyers said.",
])
def test_prose_with_furniture_words_is_not_chrome(line):
    assert not is_chrome(line), line


def test_real_chrome_lines_still_recognised():
    for line in ["(これはシンジケート ニュース フィードから自動生成された未編集の記事です。"
                 "TechWire24 スタッフがコンテンツ本文を変更または編集していない可能性があります)",
                 "* が付いている欄は必須項目です", "Leave a Reply", "コメントを投稿",
                 "Your email address will not be published. Required fields are marked *"]:
        assert is_chrome(line), line


def test_a_full_width_decimal_point_ends_no_sentence():
    # ４．８１７ is a number (full-width text from a CMS), as 4.817 is: cut there, the
    # first half was a fragment "without a predicate", a major finding
    doc = segment("アロンソは４．８１７秒差で勝った。次は５．５秒差だった．", "ja")
    assert texts(doc) == ["アロンソは４．８１７秒差で勝った。",
                         "次は５．５秒差だった．"]


def test_a_full_width_decimal_number_gives_no_fragment():
    import mtqa

    report = mtqa.check("Alonso beat Alexiou by 4.817 seconds.",
                        "アロンソはアレクシウに４．８１７秒差で勝った。",
                        backtranslator="dictionary")
    assert report.finding_list == () and report.verdict == "pass"
