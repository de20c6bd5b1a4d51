"""Title glossary: shipped data, longest-match finder, user CSV/TSV/TBX files (issue #3)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtqa.errors import ConfigError
from mtqa.text.glossary import english_key, load_glossary, normalize_word


@pytest.fixture(scope="module")
def shipped():
    return load_glossary(None)


def test_shipped_glossary_is_large_and_covers_the_families(shipped):
    assert len(shipped) >= 200
    for title, rendering in [
        ("Foreign Minister", "外相"),
        ("Secretary of State", "国務長官"),
        ("central bank governor", "総裁"),
        ("Health Secretary", "保健相"),
        ("Team Principal", "チーム代表"),
        ("plant manager", "工場長"),
        ("Inspector", "警部"),
        ("national security adviser", "補佐官"),
        ("spokesman", "報道官"),
        ("colonel", "大佐"),
        ("chief executive", "最高経営責任者"),
        ("judge", "判事"),
        ("mayor", "市長"),
    ]:
        entry = shipped.get(title)
        assert entry is not None, title
        assert rendering in entry.renderings, title
        assert entry.kinds, title


def test_preferred_rendering_comes_first(shipped):
    assert shipped.get("Foreign Minister").renderings[0] == "外相"


@pytest.mark.parametrize(
    ("word", "key"),
    [("Ministers", "minister"), ("secretaries", "secretary"), ("chief's", "chief"),
     ("Governors'", "governor"), ("boss", "boss"), ("bus", "bus"), ("thesis", "thesis")],
)
def test_normalize_word(word, key):
    assert normalize_word(word) == key


def test_find_prefers_the_longest_title(shipped):
    text = "Finance ministers and central bank governors met the Deputy Foreign Minister."
    found = [(m.text, m.entry.english) for m in shipped.find(text)]
    assert found == [
        ("Finance ministers", "finance minister"),
        ("central bank governors", "central bank governor"),
        ("Deputy Foreign Minister", "deputy foreign minister"),
    ]


def test_find_gives_offsets_into_the_text(shipped):
    text = "Yesterday U.S. Secretary of State Jane Roe arrived."
    (m,) = shipped.find(text)
    assert text[m.start : m.end] == "Secretary of State"


def test_words_also_in_common_use_need_a_capital_and_a_name(shipped):
    assert [m.text for m in shipped.find("General Amir Haddad spoke.")] == ["General"]
    assert shipped.find("the general election was held") == []
    assert shipped.find("a major reform") == []
    assert [m.text for m in shipped.find("Major Lena Fox led the unit.")] == ["Major"]


def test_hyphenated_and_spaced_titles_are_the_same(shipped):
    assert english_key("Secretary-General") == english_key("secretary general")
    assert [m.text for m in shipped.find("UN Secretary-General Ana Ruiz")] == [
        "UN Secretary-General"
    ]


def test_listed_portfolios_match_across_commas(shipped):
    (m,) = shipped.find("Economy, Trade and Industry Minister Ken Saito spoke.")
    assert m.text == "Economy, Trade and Industry Minister"
    assert "経済産業相" in m.entry.renderings


def test_user_csv_extends_and_overrides(tmp_path: Path):
    path = tmp_path / "titles.csv"
    path.write_text(
        "english,japanese\n"
        "Chief Happiness Officer,最高幸福責任者\n"
        '"Team Principal",チーム監督|監督\n',
        encoding="utf-8",
    )
    gl = load_glossary(path)
    assert gl.get("chief happiness officer").renderings == ("最高幸福責任者",)
    # the override replaces the shipped renderings and keeps the shipped office kind
    assert gl.get("team principal").renderings == ("チーム監督", "監督")
    assert gl.get("team principal").kinds == load_glossary(None).get("team principal").kinds
    assert len(gl) == len(load_glossary(None)) + 1


def test_user_tsv_with_kinds(tmp_path: Path):
    path = tmp_path / "titles.tsv"
    path.write_text("Chief Rabbi\t首席ラビ|チーフ・ラビ\treligious\n", encoding="utf-8")
    entry = load_glossary(path).get("chief rabbi")
    assert entry.renderings == ("首席ラビ", "チーフ・ラビ")
    assert entry.kinds == frozenset({"religious"})


def test_a_rendering_of_one_field_is_accepted_only_where_the_article_names_it(
        tmp_path: Path):
    """``監督@film,theatre``: the director of a film or a play is its 監督, of an agency not."""
    path = tmp_path / "titles.tsv"
    path.write_text("Director\t局長|監督@film, theatre\tdirector\n", encoding="utf-8")
    entry = load_glossary(path).get("director")
    assert entry.renderings == ("局長", "監督")
    assert entry.out_of_field("The agency's director resigned.") == {"監督"}
    assert entry.out_of_field("The director of the films resigned.") == set()
    assert entry.out_of_field("The Theatre's director resigned.") == set()
    assert load_glossary(None).get("director").out_of_field("The agency's director.") == {
        "監督"}
    # in a CSV file the field's words are separated by spaces
    csv_path = tmp_path / "titles.csv"
    csv_path.write_text("Director,局長|監督@film theatre\n", encoding="utf-8")
    entry = load_glossary(csv_path).get("director")
    assert entry.renderings == ("局長", "監督")
    assert entry.out_of_field("The theatre's director resigned.") == set()
    assert entry.out_of_field("The agency's director resigned.") == {"監督"}


def test_user_tbx(tmp_path: Path):
    path = tmp_path / "titles.tbx"
    path.write_text(
        """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en"><text><body>
  <termEntry id="t1">
    <langSet xml:lang="en"><tig><term>Chief Whip</term></tig></langSet>
    <langSet xml:lang="ja"><tig><term>院内幹事長</term></tig>
      <tig><term>幹事長</term></tig></langSet>
  </termEntry>
  <termEntry id="t2">
    <langSet xml:lang="en"><tig><term>orphan</term></tig></langSet>
  </termEntry>
</body></text></martif>""",
        encoding="utf-8",
    )
    gl = load_glossary(path)
    assert gl.get("chief whip").renderings == ("院内幹事長", "幹事長")
    assert gl.get("orphan") is None


def test_tbx_v3_namespaced(tmp_path: Path):
    path = tmp_path / "v3.tbx"
    path.write_text(
        """<?xml version="1.0"?>
<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en">
<text><body><conceptEntry id="c1">
  <langSec xml:lang="en"><termSec><term>Surveyor General</term></termSec></langSec>
  <langSec xml:lang="ja"><termSec><term>測量総監</term></termSec></langSec>
</conceptEntry></body></text></tbx>""",
        encoding="utf-8",
    )
    assert load_glossary(path).get("surveyor general").renderings == ("測量総監",)


def test_signature_names_shipped_version_and_user_file(tmp_path: Path):
    base = load_glossary(None).signature()
    a = tmp_path / "a.csv"
    a.write_text("Chief Scout,チーフスカウト\n", encoding="utf-8")
    sig_a = load_glossary(a).signature()
    a.write_text("Chief Scout,スカウト長\n", encoding="utf-8")
    sig_b = load_glossary(a).signature()
    assert base.startswith("titles-")
    assert sig_a.startswith(base + "+user:")
    assert sig_a != sig_b


def test_glossary_signature_reaches_the_report(tmp_path: Path):
    import mtqa

    path = tmp_path / "g.csv"
    path.write_text("Chief Scout,スカウト長\n", encoding="utf-8")
    en, ja = "The mayor spoke.", "市長が話した。"
    plain = mtqa.check(en, ja, backtranslator="dictionary", checks=("titles",))
    user = mtqa.check(en, ja, backtranslator="dictionary", checks=("titles",),
                      glossary=str(path))
    assert plain.signature != user.signature


@pytest.mark.parametrize(
    ("name", "content", "needle"),
    [
        ("one.csv", "Foreign Minister\n", "two columns"),
        ("empty.csv", "\n\n", "no entries"),
        ("nofield.tsv", "Director\t@film\n", "no Japanese rendering"),
        ("bad.tbx", "<martif><text>", "not well-formed"),
        ("noja.tbx", '<martif><text><body><termEntry><langSet xml:lang="en"><tig>'
                     "<term>x</term></tig></langSet></termEntry></body></text></martif>",
         "no termEntry"),
    ],
)
def test_bad_user_files_raise_config_errors_naming_the_file(tmp_path: Path, name, content,
                                                            needle):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_glossary(path)
    assert str(path) in str(err.value)
    assert needle in str(err.value)


def test_missing_and_undecodable_files(tmp_path: Path):
    with pytest.raises(ConfigError, match="cannot read"):
        load_glossary(tmp_path / "nope.csv")
    path = tmp_path / "latin1.csv"
    path.write_bytes("Minister,大臣\n".encode("shift_jis"))
    with pytest.raises(ConfigError, match="UTF-8"):
        load_glossary(path)


def test_entity_expansion_is_refused(tmp_path: Path):
    path = tmp_path / "bomb.tbx"
    path.write_text(
        '<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "aaaa">]>'
        "<martif><text><body>&a;</body></text></martif>",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match="unsafe XML|entity"):
        load_glossary(path)


def test_cli_reports_a_bad_glossary_in_one_line(tmp_path: Path, capsys):
    from mtqa.cli import main

    en, ja, bad = tmp_path / "en.txt", tmp_path / "ja.txt", tmp_path / "bad.csv"
    en.write_text("The mayor spoke.\n", encoding="utf-8")
    ja.write_text("市長が話した。\n", encoding="utf-8")
    bad.write_text("only one column\n", encoding="utf-8")
    code = main(["check", str(en), str(ja), "--backtranslator", "dictionary",
                 "--glossary", str(bad)])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2
    assert len(err) == 1 and str(bad) in err[0]
    assert "Traceback" not in err[0]


def test_an_article_says_what_kind_its_organisations_are():
    """By a word of the kind before the name, or an apposition after it (data/blind)."""
    from mtqa.text.glossary import organisations

    text = ("Norwegian dairy cooperative Fjellmelk and Sweden's Lantgården Mejeri have agreed "
            "to merge. The main contract is expected to go to Ferralis Construction, a "
            "Grenoble-based firm that built Lyon's Blue Line. Halvern Pharma, the Basel-based "
            "drugmaker, said on Monday it was recalling 2.3 million packs.")
    named = organisations().named_organisations(text)
    assert named == {"Fjellmelk": "company", "Ferralis Construction": "company",
                     "Halvern Pharma": "company"}


def test_a_lower_case_office_after_a_name_and_before_of_is_a_title(shipped):
    # "dean" needs a capital and a name after it ("Dean Whitlock" is a given name) ...
    assert shipped.find("the dean said") == []
    # ... or to stand in apposition after a name, heading a body with "of"
    text = "Professor Tomas Lindner, dean of the engineering faculty, received 22 votes."
    assert [m.text for m in shipped.find(text)] == ["Professor", "dean"]


def test_a_name_closed_by_a_legal_form_is_a_company():
    """"Nordmark Shipping A/S", "Siemens AG", "the Acme Corp.": the article says these are
    companies; "The SE region" and "AS Roma" name none."""
    from mtqa.text.glossary import organisations

    orgs = organisations()
    assert orgs.named_organisations(
        "Shareholders of Nordmark Shipping A/S on Tuesday approved the merger.") == {
        "Nordmark Shipping": "company"}
    assert orgs.named_organisations("Siemens AG said.") == {"Siemens": "company"}
    assert orgs.named_organisations("The Acme Corp. said.") == {"Acme": "company"}
    assert orgs.named_organisations("The SE region. He met AS Roma.") == {}


def test_a_council_of_members_is_no_legislature():
    """"the Reef Tourism Operators Council", "the players' council": councils of members
    (their head 会長 or 議長); "Auckland City Council" is a legislature."""
    from mtqa.text.glossary import organisations

    orgs = organisations()
    assert orgs.cue_kinds("Reef Tourism Operators Council".split()) == [(3, 4, "council")]
    assert orgs.cue_kinds("the players' council".split()) == [(2, 3, "council")]
    assert (2, 3, "legislature") in orgs.cue_kinds("Auckland City Council".split())
