from __future__ import annotations

import json

from typer.testing import CliRunner

from cli import app

runner = CliRunner()


def test_clean_folder_writes_txt_and_json(fixtures, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for name in ("000_b3c9ea3ec74f0b8e.txt", "001_92cca59731e0d320.txt"):
        (src / name).write_bytes((fixtures / "seeds" / name).read_bytes())
    before = {p.name: p.read_bytes() for p in src.iterdir()}
    out = tmp_path / "out"
    res = runner.invoke(app, ["clean", str(src), "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert {p.name: p.read_bytes() for p in src.iterdir()} == before  # inputs untouched
    text = (out / "001_92cca59731e0d320.txt").read_text()
    assert text.strip() == (fixtures / "seeds" / "001_92cca59731e0d320.expected.txt").read_text().strip()
    meta = json.loads((out / "001_92cca59731e0d320.json").read_text())
    assert meta["metadata"]["date"] == "2025-04-07"
    assert meta["sources"]["date"] == "meta.date-header"
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no temp files left


def test_explain_shows_rules_and_sources(fixtures):
    res = runner.invoke(app, ["clean", str(fixtures / "seeds" / "000_b3c9ea3ec74f0b8e.txt"), "--explain"])
    assert res.exit_code == 0
    for needle in ("related.read-inline", "promo.donation", "nav.breadcrumb", "title = ", "<- title.page-title"):
        assert needle in res.output


def test_broken_rule_file_is_one_line_error(fixtures, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[[rule]]\nid = 'my.bad'\nkind = 'line'\npattern = '(['\n")
    res = runner.invoke(app, ["clean", str(fixtures / "seeds"), "--rules", str(bad)])
    assert res.exit_code == 2
    lines = [x for x in res.output.splitlines() if x.strip()]
    assert len(lines) == 1 and "bad.toml:4" in lines[0] and "my.bad" in lines[0]
    assert "Traceback" not in res.output


def test_bad_document_does_not_stop_the_batch(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_bytes(b"\x00\x01binary\x00" * 50)
    (src / "b.txt").write_text("A perfectly fine paragraph of article text.\n")
    out = tmp_path / "out"
    res = runner.invoke(app, ["clean", str(src), "-o", str(out)])
    assert res.exit_code == 1
    assert "a.txt" in res.output and "binary" in res.output
    assert (out / "b.txt").read_text().strip() == "A perfectly fine paragraph of article text."


def test_explain_says_where_the_url_came_from(tmp_path):
    """An HTML page given without a URL is placed by the one it names (og:url); --explain says so,
    since that URL decides which site's packs apply. A URL the caller gives is shown as given."""
    page = tmp_path / "story.html"
    page.write_text('<html><head><meta property="og:url" content="https://www.example.com/a-story/"></head>'
                    "<body><article><p>" + "The council met on Monday and agreed the new budget for the year. " * 4
                    + "</p></article></body></html>", encoding="utf-8")
    res = runner.invoke(app, ["clean", str(page), "--explain"])
    assert res.exit_code == 0, res.output
    assert "url: https://www.example.com/a-story/  <- html:og:url" in res.output
    res = runner.invoke(app, ["clean", str(page), "--explain", "--url", "https://news.example.org/x"])
    assert "url: https://news.example.org/x  <- given" in res.output
