"""An HTML page cleaned without a URL takes the one it names itself (canonical link, og:url,
base), so that its site's packs apply; a URL the caller gives always wins."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleaner import Cleaner
from cleaner.html import parse
from cleaner.page_url import own_url
from cli import app

PACK = """
[pack]
name = "sites.harbour-test"
sites = ["harbour.example"]

[[rule]]
id = "harbour.promo"
kind = "line"
description = "The paper's subscription promo, inserted into its articles."
pattern = '''^HARBOUR DEAL\\b.*$'''
drop = ["HARBOUR DEAL Tide tables and a brass tide clock for our members this month"]
keep = ["The harbour deal was signed on Monday."]
"""
PROMO = "HARBOUR DEAL Tide tables and a brass tide clock for our members this month"
FIRST = "The harbour master said that fishing boats would use the north quay while the work goes on this winter."
LAST = "The ferry to the island will run as usual through the whole winter, the council said on Monday."


def page(head: str = '<link rel="canonical" href="https://www.harbour.example/news/quay-works">') -> str:
    return f"""<!DOCTYPE html>
<html lang="en"><head><title>Quay works begin</title>{head}</head>
<body><article><h1>Quay works begin on the north side</h1>
<p>{FIRST}</p>
<p>{PROMO}</p>
<p>{LAST}</p>
</article></body></html>"""


@pytest.fixture
def rules(tmp_path: Path) -> Path:
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "harbour.example.toml").write_text(PACK, encoding="utf-8")
    return folder


def test_the_pages_canonical_link_chooses_its_site_pack(rules):
    c = Cleaner(rules=[rules])
    assert PROMO in c.clean(page(head="")).text  # no URL anywhere: the pack cannot apply
    got = c.clean(page())
    assert PROMO not in got.text and FIRST in got.text and LAST in got.text
    assert "harbour.promo" in {r.rule for r in got.removed}
    assert got.url == "https://www.harbour.example/news/quay-works"
    assert got.sources["url"] == "html:canonical"
    assert (got.metadata["site"], got.sources["site"]) == ("harbour.example", "url")


@pytest.mark.parametrize(("head", "source"), [
    ('<meta property="og:url" content="https://harbour.example/news/quay-works">', "html:og:url"),
    ('<base href="https://harbour.example/">', "html:base"),
    # a relative og:url says nothing of the host: the canonical link does
    ('<meta property="og:url" content="/news/quay-works"><link rel="canonical" href="https://harbour.example/q">',
     "html:canonical"),
    # a syndicated copy: the canonical link names the original publisher, og:url the site serving it
    ('<link rel="canonical" href="https://original.example/quay"><meta property="og:url" '
     'content="https://www.harbour.example/syndicated/quay">', "html:og:url"),
])
def test_og_url_and_base_name_the_page_too(rules, head, source):
    got = Cleaner(rules=[rules]).clean(page(head))
    assert PROMO not in got.text
    assert got.sources["url"] == source


@pytest.mark.parametrize("href", ["/news/quay-works", "news/quay-works", "https://", "http://harbour example/x",
                                  "javascript:void(0)", "ftp://harbour.example/x", "https://harbour.example:99999/"])
def test_relative_or_malformed_hrefs_are_ignored(rules, href):
    got = Cleaner(rules=[rules]).clean(page(f'<link rel="canonical" href="{href}">'))
    assert PROMO in got.text
    assert got.url is None and "url" not in got.sources
    assert own_url(parse(page(f'<link rel="canonical" href="{href}">'))) is None


def test_a_url_the_caller_gives_wins(rules):
    c = Cleaner(rules=[rules])
    got = c.clean(page(), url="https://other.org/news/quay")
    assert PROMO in got.text  # other.org's page: harbour's pack does not apply
    assert got.url == "https://other.org/news/quay" and "url" not in got.sources
    assert got.metadata["site"] == "other.org"
    # and a given URL of the site is taken as it is, not replaced by the canonical one
    got = c.clean(page(), url="https://harbour.example/print/quay")
    assert PROMO not in got.text and got.url == "https://harbour.example/print/quay"


def test_text_is_not_searched_for_links(rules):
    text = f'{FIRST}\n<link rel="canonical" href="https://harbour.example/x">\n{PROMO}\n{LAST}'
    got = Cleaner(rules=[rules]).clean(text, format="text")
    assert PROMO in got.text and got.url is None


def test_cli_folder_of_saved_pages(rules, tmp_path):
    src = tmp_path / "saved"
    src.mkdir()
    (src / "quay.html").write_text(page(), encoding="utf-8")
    (src / "other.html").write_text(page('<link rel="canonical" href="https://other.org/quay">'), encoding="utf-8")
    out = tmp_path / "out"
    res = CliRunner().invoke(app, ["clean", str(src), "-o", str(out), "--rules", str(rules)])
    assert res.exit_code == 0, res.output
    quay = (out / "quay.txt").read_text(encoding="utf-8")
    assert PROMO not in quay and FIRST in quay
    assert PROMO in (out / "other.txt").read_text(encoding="utf-8")
    rec = json.loads((out / "quay.json").read_text(encoding="utf-8"))
    assert rec["url"] == "https://www.harbour.example/news/quay-works"
    assert rec["sources"]["url"] == "html:canonical"
