from mtqa import backtranslate
from mtqa.align import align
from mtqa.segment import segment

EN = (
    "The foreign minister arrived in Tokyo on Monday.\n\n"
    "He met the prime minister for two hours.\n\n"
    "The talks covered trade and security."
)
JA = "外務大臣は月曜日に東京に到着した。\n\n彼は首相と2時間会談した。\n\n会談は貿易と安全保障を扱った。"


def run(en, ja):
    engine, _ = backtranslate.create("dictionary")
    r, m = segment(en, "en"), segment(ja, "ja")
    bts = engine.translate([m.sentence_text(i) for i in range(len(m.sentences))])
    return align(r, m, bts)


def test_one_to_one_in_order():
    pairs = run(EN, JA)
    assert [p.kind for p in pairs] == ["1:1", "1:1", "1:1"]
    assert [p.ref_sentences for p in pairs] == [(0,), (1,), (2,)]
    for p in pairs:
        assert EN[p.ref_start : p.ref_end] == p.reference
        assert JA[p.mt_start : p.mt_end] == p.translation


def test_chrome_is_its_own_bead():
    pairs = run(EN, JA + "\n\nコメントを残す\n\nBack to top button")
    chrome = [p for p in pairs if p.chrome]
    assert [p.translation for p in chrome] == ["コメントを残す", "Back to top button"]
    assert all(not p.ref_sentences for p in chrome)
