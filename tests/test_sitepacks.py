"""A site pack only removes: the main-text stage keeps what it keeps with the defaults alone."""

from __future__ import annotations

from pathlib import Path

from cleaner import Cleaner
from cleaner.document import Document
from cleaner.sitepacks import keep_default_text

PAGE = Path(__file__).parent / "fixtures" / "sitepacks" / "promo-split.txt"
PACK = """
[pack]
name = "sites.example-test"
sites = ["example.com"]

[[rule]]
id = "example.promo"
kind = "line"
description = "Promo lines the defaults miss, between two parts of the article."
pattern = '''^PROMO\\b.*$'''
drop = ["PROMO Subscribe today and save on every issue of the weekly paper"]
keep = ["The promo ran for a week."]
"""
LAST = ("The harbour master said that fishing boats would use the north quay while the work goes on, "
        "and that the ferry to the island will run as usual through the whole winter.")


def _cleaner(tmp_path: Path, extra: str = "") -> Cleaner:
    f = tmp_path / "example.com.toml"
    f.write_text(PACK + extra, encoding="utf-8")
    return Cleaner(rules=[f])


def test_pack_removals_do_not_cost_article_text(tmp_path):
    text = PAGE.read_text(encoding="utf-8")
    default = Cleaner().clean(text, site="example.com").text
    assert LAST in default and "PROMO" in default  # the defaults keep the whole article, promos too
    c = _cleaner(tmp_path)
    got = c.clean(text, site="example.com")
    assert "PROMO" not in got.text
    # every paragraph the defaults keep stays, but the promo lines the pack removed
    for para in default.split("\n\n"):
        if not para.startswith("PROMO"):
            assert para in got.text, para
    assert {r.rule for r in got.removed} >= {"example.promo"}
    # without the guard, the removed promos split the run and the last paragraph went with them
    rs = c.ruleset_for(site="example.com")
    rs.site_rule_ids = None  # the guard off
    assert LAST not in c.clean(text, site="example.com").text


def test_a_pack_tuning_maintext_is_taken_as_it_is(tmp_path):
    c = _cleaner(tmp_path, "\n[maintext]\nsecondary_share = 1.0\n")
    assert LAST not in c.clean(PAGE.read_text(encoding="utf-8"), site="example.com").text


def test_other_sites_are_not_affected(tmp_path):
    text = PAGE.read_text(encoding="utf-8")
    assert _cleaner(tmp_path).clean(text, site="other.org").text == Cleaner().clean(text, site="other.org").text


def test_keep_default_text_follows_the_default_main_text_choice():
    lines = ["a", "b", "c", "d", "e", "f"]
    base, doc = Document(list(lines)), Document(list(lines))
    base.remove(3, "common.x", "line")
    base.remove(4, "maintext.after-article", "maintext")
    base.remove(5, "common.y", "line")  # a default rule the site pack switches off
    doc.remove(0, "site.rule", "line")
    doc.remove(1, "maintext.after-article", "maintext")
    doc.remove(3, "common.x", "line")
    keep_default_text(doc, base, frozenset({"site.rule"}))
    # b: the defaults keep it, no site rule removed it; e: the defaults' main-text stage drops it;
    # f: kept, because the site pack's own rules keep it
    assert doc.kept_lines() == ["", "b", "c", "", "", "f"]
    assert doc.removed_by[0] == ("site.rule", "line")
    assert doc.removed_by[4] == ("maintext.after-article", "maintext")


def _follow(lines: list[str], base_out: tuple[int, ...], site: dict[int, str], doc_out: tuple[int, ...]) -> Document:
    """`lines` cleaned as keep_default_text sees them: without the pack, the main-text stage drops
    `base_out`; with it, the site rules remove `site` (line -> rule id) and the main-text stage
    drops `doc_out`. Returns the pack's cleaning after keep_default_text."""
    base, doc = Document(list(lines)), Document(list(lines))
    for i in base_out:
        base.remove(i, "maintext.outside", "maintext")
    for i, rule in site.items():
        doc.remove(i, rule, "line")
    for i in doc_out:
        doc.remove(i, "maintext.outside", "maintext")
    keep_default_text(doc, base, frozenset(site.values()))
    return doc


def test_when_the_site_rules_remove_all_the_default_text_the_pack_cleaning_stands():
    # The defaults took a blurb (lines 1-2) for the article; the site rules remove both lines: the
    # defaults' choice was the site's furniture, and the main-text choice with the pack (line 4,
    # a short article the blurb outweighed) stands.
    lines = ["menu", "blurb one", "blurb two", "footer", "short article"]
    doc = _follow(lines, (0, 3, 4), {1: "site.blurb", 2: "site.blurb"}, (0, 3))
    assert doc.kept_lines() == ["", "", "", "", "short article"]
    # one line of the defaults' article left: the defaults' choice is followed as before
    doc2 = _follow(lines, (0, 3, 4), {1: "site.blurb"}, (0, 3))
    assert doc2.kept_lines() == ["", "", "blurb two", "", ""]


def test_when_the_site_rules_remove_most_of_the_default_text_the_pack_cleaning_stands():
    # The defaults took a long comment notice and a short line after it for the article; the site
    # rules remove the notice (most of the words): the pack's main-text choice stands.
    notice = "Guidelines: keep your comments relevant to the topic and do not share any personal details here"
    lines = ["menu", "short article of the page", notice, "Comments may be short.", "footer"]
    doc = _follow(lines, (0, 1, 4), {2: "site.notice"}, (0, 3, 4))
    assert doc.kept_lines() == ["", "short article of the page", "", "", ""]
    # must not: when most of the defaults' words survive, the defaults' choice is followed
    lines2 = ["menu", "short article of the page", "Share this", notice, "footer"]
    doc2 = _follow(lines2, (0, 1, 4), {2: "site.share"}, (0, 3, 4))
    assert doc2.kept_lines() == ["", "", "", notice, ""]


def _headline_case(title: str, line: str) -> Document:
    # A site rule learned from a "recent posts" list removes `line`, which the defaults keep.
    lines = [line, "The first paragraph of the article, long enough to be the article."]
    base, doc = Document(list(lines)), Document(list(lines))
    base.set_meta("title", title, "title.page-title")
    doc.remove(0, "site.recent", "line")
    keep_default_text(doc, base, frozenset({"site.recent"}))
    return doc


def test_a_site_rule_does_not_remove_the_pages_own_headline():
    title = "Creating Users: Death threats are not protected speech"
    for line in ("Death threats are not protected speech", "Death threats are NOT protected speech!", title):
        assert _headline_case(title, line).kept_lines()[0] == line, line
    assert _headline_case("Why I want a tablet | Blog", "Why I want a tablet").kept_lines()[0] == "Why I want a tablet"
    # must not: another post's title, a short end of the title, a part cut inside a word or the middle
    for line in ("Why I want a tablet", "protected speech", "eats are not protected speech", "threats are not protected"):
        assert _headline_case(title, line).kept_lines()[0] == "", line
