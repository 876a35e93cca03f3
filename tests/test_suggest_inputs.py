"""`cleaner rules suggest` learns from the corpus users have: HTML files, JSON lines of many sites.

Hand-written pages of one made-up site (gazette.example) with its furniture (a navigation list,
an inserted newsletter promo, a tip line closing the article, a footer), and of another site
(other.org) with furniture of its own that must not end up in gazette's pack.
"""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleaner import Cleaner
from cleaner.ruleset.loader import load_file
from cli import app

runner = CliRunner()

# (headline, three paragraphs) of six articles; the paragraphs share no wording from page to page.
ARTICLES = [
    ("Council approves new budget for river park",
     "The city council voted on Tuesday to fund the river park after a long evening of public comment.",
     "Residents asked for more benches and lighting along the water, and for a path that bikes can share.",
     "Work on the first section is expected to begin next spring, weather permitting."),
    ("School district hires forty teachers",
     "The district said the hires would shrink class sizes in its three middle schools by autumn.",
     "Union leaders welcomed the plan but pressed the superintendent about salaries for veterans.",
     "New staff start in August after a week of training on the reading curriculum."),
    ("Storm knocks out power to thousands",
     "Crews worked through the night to restore lines that fell across the county's western roads.",
     "The utility expects most customers to have electricity again by Friday morning.",
     "Shelters opened at two churches for families left without heat in the cold snap."),
    ("Local bakery wins state award",
     "A family bakery on Main Street took first prize for a dark rye loaf at the state fair.",
     "Its owners credit a recipe handed down from a grandmother who baked in Lviv.",
     "Queues out the door have doubled since the judges announced the winners."),
    ("Bridge repairs close two lanes",
     "Drivers should expect delays on the north bridge for six weeks while joints are replaced.",
     "Engineers found worn expansion plates during a routine inspection last month.",
     "A detour through the industrial park is marked with orange signs at both ends."),
    ("Library extends weekend hours",
     "The main library will stay open until eight on Saturdays starting this month.",
     "A grant from a local foundation pays for the extra librarians and a security guard.",
     "Story time for children moves to Sunday afternoons in the upstairs reading room."),
]
PROMO = "GAZETTE BRIEFING: the day's local stories, free in your inbox."
TIP = "Got a story tip? Email the Gazette newsroom at tips@gazette.example."
FOOTER = "Copyright 2026 The Gazette Media Group. All rights reserved."


def gazette_html(i: int, meta: str = "") -> str:
    """A gazette.example page: navigation, the article (with an inserted promo and a closing tip
    line inside it) and a footer. A paragraph is wrapped in the HTML source, as pages often are.
    `meta`: more of the page's <head> (a canonical link)."""
    head, a, b, c = ARTICLES[i]
    first, rest = a.split(" ", 1)
    return f"""<!DOCTYPE html>
<html lang="en"><head><title>{head} | The Gazette</title>{meta}</head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">Local News</a></li>
<li><a href="/sports">Sports</a></li><li><a href="/opinion">Opinion</a></li></ul></nav>
<article>
<h1>{head}</h1>
<p>{first}
   {rest}</p>
<p>{b}</p>
<p>{PROMO}</p>
<p>{c}</p>
<p>{TIP}</p>
</article>
<footer><p>{FOOTER}</p><p>Privacy Policy | Terms of Use | Contact</p></footer>
</body></html>
"""


def other_text(i: int) -> str:
    """An other.org page as plain text, with other.org's own furniture."""
    head, a, b, c = ARTICLES[i]
    return f"OTHER.ORG WIRE\nShare on Facebook\n{head}\n{c}\n{a}\nMore from Other Wire below\n{b}\nOther Org Ltd, registered in Ruritania\n"


def _write_jsonl_gz(path: Path, records: list) -> Path:
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for r in records:
            f.write((r if isinstance(r, str) else json.dumps(r)) + "\n")
    return path


def _patterns(pack_file: Path) -> str:
    return "\n".join(str(r.pattern) for r in load_file(pack_file).rules)


def test_html_folder_learns_the_sites_furniture_and_it_cleans_html(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    for i in range(len(ARTICLES)):
        (pages / f"p{i}.html").write_text(gazette_html(i), encoding="utf-8")
    before = {p.name: p.read_bytes() for p in pages.iterdir()}
    out = tmp_path / "gazette.example.toml"
    res = runner.invoke(app, ["rules", "suggest", str(pages), "--site", "gazette.example", "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert "read 6 pages: 6 of gazette.example (no page has a URL: all taken as the site's)" in res.output
    assert {p.name: p.read_bytes() for p in pages.iterdir()} == before  # inputs untouched
    for furniture in ("Home", "Local News", "Gazette newsroom", "Gazette Media Group", "Privacy Policy"):
        assert furniture in _patterns(out), furniture
    assert runner.invoke(app, ["rules", "test", str(out)]).exit_code == 0
    # learned from visible text, the pack also cleans the HTML path (trafilatura's main text):
    # the tip line that closes every article is in that text and the pack takes it out
    page = gazette_html(2)
    url = "https://www.gazette.example/storm"
    plain = Cleaner().clean(page, url=url, format="html")
    packed = Cleaner(rules=[str(out)]).clean(page, url=url, format="html")
    assert TIP in plain.text
    assert TIP not in packed.text
    assert any(r.rule.startswith("gazette.") for r in packed.removed)
    assert ARTICLES[2][3] in packed.text  # the article stays


def test_saved_html_pages_of_two_sites_are_split_by_the_url_they_name(tmp_path):
    """Saved .html files carry no URL; their canonical link (or og:url) says whose they are."""
    pages = tmp_path / "saved"
    pages.mkdir()
    for i in range(len(ARTICLES)):
        (pages / f"g{i}.html").write_text(
            gazette_html(i, f'<link rel="canonical" href="https://www.gazette.example/story/{i}">'), encoding="utf-8")
        other = f"<html><head><meta property='og:url' content='https://news.other.org/{i}'></head><body>"
        other += "".join(f"<p>{x}</p>" for x in other_text(i).splitlines()) + "</body></html>"
        (pages / f"o{i}.html").write_text(other, encoding="utf-8")
    (pages / "relative.html").write_text(  # a relative canonical places no page: skipped
        gazette_html(0, '<link rel="canonical" href="/story/0">').replace(ARTICLES[0][1], "Without a host"),
        encoding="utf-8")
    out = tmp_path / "gazette.toml"
    res = runner.invoke(app, ["rules", "suggest", str(pages), "--site", "gazette.example", "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert ("read 13 pages: 6 of gazette.example, 6 of other hosts skipped, 12 HTML pages placed by their "
            "own canonical/og:url, 1 without a URL skipped (other pages have URLs)") in res.output
    text = out.read_text()
    assert "Gazette newsroom" in _patterns(out)
    for other in ("OTHER.ORG", "Share on Facebook", "Other Wire", "Ruritania"):
        assert other not in text, other
    assert "from 6 pages of gazette.example" in text


def test_jsonl_gz_of_two_sites_learns_only_the_chosen_site(tmp_path):
    records = []
    for i in range(len(ARTICLES)):
        host = "www.gazette.example" if i % 2 else "gazette.example"
        records.append({"id": f"g{i}", "link": f"https://{host}/story/{i}", "html": gazette_html(i)})
        records.append({"id": f"o{i}", "link": f"https://news.other.org/{i}", "html": other_text(i)})
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _write_jsonl_gz(corpus / "crawl.jsonl.gz", records)
    (corpus / "notes.txt").write_text("A page without a URL\nthat must not be learned\n", encoding="utf-8")
    out = tmp_path / "gazette.toml"
    res = runner.invoke(app, ["rules", "suggest", str(corpus), "--site", "gazette.example", "-o", str(out),
                              "--text-field", "html", "--url-field", "link"])
    assert res.exit_code == 0, res.output
    assert "read 13 pages: 6 of gazette.example, 6 of other hosts skipped, 1 without a URL skipped" in res.output
    pats = _patterns(out)
    assert "Gazette newsroom" in pats and "Local News" in pats
    text = out.read_text()
    for other in ("OTHER.ORG", "Share on Facebook", "Other Wire", "Ruritania", "without a URL"):
        assert other not in text, other
    assert "from 6 pages of gazette.example" in text


def test_bad_lines_and_files_are_named_and_skipped(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    lines: list = [json.dumps({"url": f"https://gazette.example/{i}", "text": gazette_html(i)}) for i in range(len(ARTICLES))]
    lines.insert(2, '{"url": "https://gazette.example/broken", "text": "cut off')  # line 3
    lines.insert(4, json.dumps({"url": "https://gazette.example/long", "text": "x" * 20000}))  # line 5
    lines.insert(6, json.dumps({"url": "https://gazette.example/no-text", "body": "where is it"}))  # line 7
    src = _write_jsonl_gz(corpus / "pages.jsonl.gz", lines)
    (corpus / "broken.txt").write_bytes(b"\x00\x01binary\x00\x00" * 50)
    out = tmp_path / "gazette.toml"
    res = runner.invoke(app, ["rules", "suggest", str(corpus), "--site", "gazette.example", "-o", str(out),
                              "--max-doc-bytes", "10000"])
    assert res.exit_code == 0, res.output
    assert f"{src}:3: malformed JSON line" in res.output
    assert f"{src}:5: line too long" in res.output
    assert f"{src}:7: record has no 'text' field" in res.output
    assert f"{corpus / 'broken.txt'}: binary data" in res.output
    assert "read 6 pages: 6 of gazette.example; 4 unreadable skipped" in res.output
    assert "Gazette newsroom" in _patterns(out)


def test_a_wrong_text_field_names_the_first_bad_lines_then_counts_them(tmp_path):
    records = [{"url": f"https://gazette.example/{i}", "body": gazette_html(i % 6)} for i in range(30)]
    src = _write_jsonl_gz(tmp_path / "crawl.jsonl.gz", records)
    res = runner.invoke(app, ["rules", "suggest", str(src), "--site", "gazette.example"])
    assert res.exit_code == 2
    assert res.output.count("record has no 'text' field") == 20
    assert f"{src}:20: record" in res.output and f"{src}:21:" not in res.output
    assert "more unreadable documents: counted, not named" in res.output
    assert "read 0 pages: 0 of gazette.example; 30 unreadable skipped" in res.output


def test_too_few_pages_of_the_site_names_the_hosts_seen(tmp_path):
    records = [{"url": "https://gazette.example/1", "text": other_text(0)}]
    records += [{"url": f"https://news.other.org/{i}", "text": other_text(i)} for i in range(5)]
    records += [{"url": f"https://blog.third.net/{i}", "text": other_text(i)} for i in range(2)]
    src = _write_jsonl_gz(tmp_path / "crawl.jsonl.gz", records)
    out = tmp_path / "gazette.toml"
    res = runner.invoke(app, ["rules", "suggest", str(src), "--site", "gazette.example", "-o", str(out)])
    assert res.exit_code == 2
    assert "1 page(s) of gazette.example found" in res.output
    assert "hosts seen most: news.other.org (5), blog.third.net (2)" in res.output
    assert not out.exists()


def test_html_pages_are_learned_as_their_visible_lines():
    """Blocks break lines; a paragraph wrapped in the HTML source stays one line (as a browser
    shows it); <pre> keeps its line breaks; scripts do not show."""
    from cleaner.suggest_input import html_lines

    lines = [x.strip() for x in html_lines(gazette_html(0)).split("\n") if x.strip()]
    assert lines[:3] == ["Council approves new budget for river park | The Gazette", "Home", "Local News"]
    assert ARTICLES[0][1] in lines and TIP in lines and FOOTER in lines
    pre = html_lines("<html><body><pre>a  b\nc</pre><script>var x = 1;</script><p>d\n e</p></body></html>")
    assert [x for x in pre.split("\n") if x.strip()] == ["a  b", "c", "d e"]


def test_warc_of_two_sites(tmp_path):
    pytest.importorskip("warcio")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=True)
        for i in range(len(ARTICLES)):
            for url, body in ((f"https://gazette.example/{i}", gazette_html(i)),
                              (f"https://other.org/{i}", f"<html><body><p>{other_text(i)}</p></body></html>")):
                headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
                w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body.encode()),
                                                    http_headers=headers))
    out = tmp_path / "gazette.toml"
    res = runner.invoke(app, ["rules", "suggest", str(path), "--site", "gazette.example", "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert "read 12 pages: 6 of gazette.example, 6 of other hosts skipped" in res.output
    assert "Gazette newsroom" in _patterns(out) and "Ruritania" not in out.read_text()
