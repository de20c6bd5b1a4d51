"""How a text ends (mtqa.text.sentence_ends): Japanese that breaks off mid-sentence, English
that ends a sentence. The endings below are real: translations of WMT24 ESA dev, and
professional ones (refA) cut at a share of their characters."""

from __future__ import annotations

import pytest

from mtqa.text.sentence_ends import breaks_off, ends_a_sentence


@pytest.mark.parametrize("text", [
    # refA articles of ESA dev cut at 30-90 % of their characters
    ("過去40年で最大の脅威をもたらす結果になった。政府の女性議員が最小限に抑えられている130カ国"
     "の中には、インド"),
    ("彼の幅広い興味を示している。シソのトロピカルな陸と海の景色は過去の居住地を反映しており、"
     "豊富なパターンの使用と人物の組み合わせにより文化"),
    ("ワイン醸造業者を除外する特別措置を設けた。欧州議会は同様にこの免除を支持しているが、法案で"
     "2029年までに導入予定の保証金返還制"),
    "この子たちをここに連れてきた理由はね。聖書のノアの話に酷似していて、",
    "双方は陪審員に納得して",
    "もし自分が初めて屋根材をつけるのなら",
    "ゼロ出力原子炉は反応値が急に増減することなく、",
    "シソはアクリル、パステル、鉛筆または水彩で描かれた「",
])
def test_japanese_cut_inside_a_sentence_breaks_off(text):
    assert breaks_off(text)


@pytest.mark.parametrize("text", [
    # ESA dev translations that end without a full stop, complete
    "引き分けたままでいないし誰にも1スター失われません",  # a predicate in its final form
    "固まっていないネジは一つもないでしょう",  # でしょう
    "今日私と一緒に広告を出しましょう",
    "…小さな町、民族ゲットーばかりだ笑",  # 笑, "lol"
    "今日も漕いだ。#rowing #peloton",  # hashtags
    "最新のニュースレターより：https://jakobnielsenphd.substack.com/p/ux-roundup-20240219",
    "この章には54個あります😅",
    "企業犯罪者を見逃すバイデン政権",  # a headline
    "ワイン醸造業者を除外する特別措",  # a noun with no full stop before it: may be a caption
    "大臣は述べた。",
    "「はい、王様」彼女はお辞儀をした。",
])
def test_complete_japanese_does_not_break_off(text):
    assert breaks_off(text) == ""


@pytest.mark.parametrize(("english", "complete"), [
    ("This track is damaged.", True),
    ("“Yes, my king.” She bowed.", True),
    ("Is there a single screw which has not seized?!", True),
    # the English itself ends on a subordinate clause (an ESA dev post)
    ("In case you're interested in the challenge ahead I face.", False),
    ("Can't win when your DP plays that sloppy. #DCU #MLS #mastodonfc", False),
    ("Biden Administration Is Letting Corporate Criminals Off the Hook", False),
])
def test_english_that_ends_a_sentence(english, complete):
    assert ends_a_sentence(english) is complete
