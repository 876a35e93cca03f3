"""HTML input: detection, main text through trafilatura plus the rule packs, page metadata with
provenance, dates from the page's visible text (hand-written pages in tests/fixtures/html/)."""

from __future__ import annotations

import pickle

import pytest

from cleaner import Cleaner, clean
from cleaner.api import detect_format
from cleaner.errors import InputError
from cleaner.html import extract, parse, text_date
from cleaner.visible import visible_text

URL = "https://www.riverside-courier.example/news/harbour-bridge-repairs"


def _page(fixtures, name: str) -> str:
    return (fixtures / "html" / name).read_text(encoding="utf-8")


def test_html_is_detected_and_cleaned(fixtures):
    html = _page(fixtures, "article.html")
    assert detect_format(html) == "html"
    r = clean(html, url=URL)
    assert r.text.startswith("The harbour bridge will close to all traffic")
    assert "eighteen thousand vehicles" in r.text
    # Inserts the extractor kept are removed by the rule packs, with the rule recorded.
    assert "Related: Council approves" not in r.text
    assert "newsletter" not in r.text
    rules = {x.rule for x in r.removed}
    assert "related.read-inline" in rules
    # Navigation, footer and the headline are not article text.
    assert "Sport" not in r.text and "All rights reserved" not in r.text
    assert "Harbour bridge to close" not in r.text


def test_page_metadata_with_provenance(fixtures):
    r = clean(_page(fixtures, "article.html"), url=URL)
    m, s = r.metadata, r.sources
    assert m["title"] == "Harbour bridge to close for repairs"
    assert m["site"] == "The Riverside Courier"
    assert m["author"] == "Mary Holt"
    assert m["language"] == "en"
    assert m["canonical_url"] == URL
    assert m["date"][:10] == "2024-03-02"
    assert s["date"].startswith("html:htmldate")
    assert s["title"].startswith("html:") and s["language"] == "html:lang"


def test_labelled_byline_beside_the_headline_gives_the_date(fixtures):
    r = clean(_page(fixtures, "visible_byline.html"), url="https://stadtblatt.example/radwege")
    assert r.metadata["date"] == "2023-03-12T09:30"
    assert r.sources["date"] == "html:byline:date.de.dmy+date.de.published"
    assert r.metadata["language"] == "de"
    assert "Radwege" in r.text and "Wochenmarkt" not in r.text


def test_date_rules_read_the_visible_text(fixtures, default_cleaner):
    tree = parse(_page(fixtures, "visible_byline.html"))
    iso, source, trusted = text_date(tree, default_cleaner.ruleset_for(None))
    assert iso == "2023-03-12T09:30"
    assert source == "html:text:date.de.dmy+date.de.published"
    assert trusted


def test_forced_format_bytes_and_same_result_as_str(fixtures):
    html = _page(fixtures, "article.html")
    a = clean(html, url=URL, format="html")
    b = clean(html.encode("utf-8"), url=URL)
    assert a.text == b.text and a.metadata == b.metadata


def test_plain_text_that_mentions_tags_stays_text():
    r = clean("A short note about the <p> tag in HTML.\n\nIt is used for paragraphs.")
    assert "<p> tag" in r.text


def test_empty_and_tiny_pages_do_not_fail():
    assert clean("<html><body></body></html>", format="html").text == ""
    # Precision mode keeps nothing of a one-letter page; the balanced fallback keeps the letter.
    r = clean("<!DOCTYPE html><html><head><title>Only a title</title></head><body><p>x</p></body></html>")
    assert r.text == "x"
    assert r.metadata.get("title") == "Only a title"


def test_extract_parses_once_and_leaves_input_alone(fixtures):
    html = _page(fixtures, "article.html")
    before = html
    page = extract(html, URL)
    assert html == before
    assert page.extractor.startswith("trafilatura")
    assert page.metadata["title"] == ("Harbour bridge to close for repairs", "html:meta")


def test_visible_text_skips_scripts_and_keeps_blocks():
    tree = parse("<html><head><title>T</title><script>var x;</script></head>"
                 "<body><div>one<b>two</b><!-- c --><p>three</p>four</div><style>p{}</style>five</body></html>")
    lines = [x for x in visible_text(tree).split("\n") if x]
    assert lines == ["T", "onetwo", "three", "four", "five"]


def test_cleaner_pickles_and_cleans_html_after(fixtures):
    c = pickle.loads(pickle.dumps(Cleaner()))
    assert "eighteen thousand" in c.clean(_page(fixtures, "article.html"), url=URL).text


def test_unknown_format_still_refused():
    with pytest.raises(ValueError):
        clean("<p>x</p>", format="xml")
    with pytest.raises(InputError):
        clean(12345)  # type: ignore[arg-type]


def test_cli_format_html(fixtures, tmp_path):
    import json

    from typer.testing import CliRunner

    from cli import app

    src = tmp_path / "page.html"
    src.write_bytes((fixtures / "html" / "article.html").read_bytes())
    out = tmp_path / "out"
    res = CliRunner().invoke(app, ["clean", str(src), "--format", "html", "--url", URL, "-o", str(out)])
    assert res.exit_code == 0, res.output
    meta = json.loads((out / "page.json").read_text())
    assert meta["metadata"]["title"] == "Harbour bridge to close for repairs"
    assert "eighteen thousand" in (out / "page.txt").read_text()



def test_html_stages_leave_out_the_plain_text_only_stages(fixtures):
    """trafilatura already chose the main text; re-running the plain-text main-text stage (or the
    repeated-line stage) on its output cut real paragraphs."""
    from cleaner import engine
    from cleaner.html import page_stages

    names = [s.__name__ for s in page_stages(extract(_page(fixtures, "article.html"), url=URL))]
    assert "stage_maintext" in [s.__name__ for s in engine.STAGES]
    assert "stage_maintext" not in names and "stage_repeated" not in names
    assert "stage_lines" in names and "stage_dates" in names
