"""The site-pack benchmark on any site-labelled set, text or HTML: hand-written sets, written as
JSON-lines.gz files here (nothing here needs ../shared/eval)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from stories import STORIES

from benchmarks.metrics import body_scores
from benchmarks.sites import load_set, main, run

TRAILER = "Enjoyed this story? The Harbour Gazette is read by forty thousand people every week, tell a friend."
# a sixth story, so that a site has six pages of its own (no article line repeats across pages)
EXTRA = ("The old swimming pool on the hill will reopen in June after two years of repairs to its roof and boilers.",
         "Lessons for children will be free during the summer holidays, paid for by a grant from a local charity.",
         "The pool will open at seven every morning so that swimmers can fit in a few lengths before going to work.")
PARAGRAPHS = [*STORIES, EXTRA]


def _html(n: int, name: str) -> str:
    a, b, c = PARAGRAPHS[n]
    return (f"<!DOCTYPE html><html><head><title>Story {n} | {name}</title></head><body>\n"
            '<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>'
            '<li><a href="/sport">Sport</a></li></ul></nav>\n'
            f"<article><h1>Story number {n} of the week</h1><p>{a}</p><p>{b}</p><p>{c}</p><p>{TRAILER}</p></article>\n"
            f"<footer><p>Copyright {name}</p></footer></body></html>")


def _text(n: int, name: str) -> str:
    """The same page as a browser's text export: title, navigation, article, trailer, footer."""
    return "\n".join([f"Story {n} | {name}", "Home", "News", "Sport", f"Story number {n} of the week",
                      *PARAGRAPHS[n], TRAILER, f"Copyright {name}"])


def _gold(n: int) -> str:
    return "\n".join(PARAGRAPHS[n])


def _write(path: Path, recs: list[dict]) -> Path:
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps(r) + "\n")
    return path


def _set(tmp_path: Path, content: str = "raw_text") -> Path:
    """Three sites: one named by its URL's host, one by its `site` field, one too small to score."""
    make = _text if content == "raw_text" else _html
    recs = []
    for n in range(6):  # the site is the URL's host: there is no site field
        recs.append({"id": f"a{n}", "url": f"https://news.gazette.example/{n}.html",
                     content: make(n, "The Harbour Gazette"), "gold_text": _gold(n)})
    for n in range(5):  # the site field names the site, whatever the URL's host
        recs.append({"id": f"b{n}", "url": f"https://cdn{n}.example.net/p/{n}", "site": "valley-post",
                     content: make(n, "The Valley Post"), "gold_text": _gold(n)})
    for n in range(3):  # too few pages to learn from one half and score the other
        recs.append({"id": f"c{n}", "url": f"https://tiny.example.org/{n}", content: make(n, "Tiny"),
                     "gold_text": _gold(n)})
    return _write(tmp_path / f"toy.{'text' if content == 'raw_text' else 'html'}.jsonl.gz", recs)


def test_a_set_of_text_pages_is_grouped_by_site_field_or_url_host(tmp_path):
    path = _set(tmp_path)
    recs = load_set(path)
    assert [r["site"] for r in recs] == ["news.gazette.example"] * 6 + ["valley-post"] * 5 + ["tiny.example.org"] * 3
    res = run(0.5, None, None, set_name=path)
    assert set(res["per_site"]) == {"news.gazette.example", "valley-post"}
    assert res["left_out"] == {"tiny.example.org": 3}
    assert res["pages"] == 11 and res["set"] == "toy.text.jsonl.gz"
    assert res["trafilatura"] is None  # text input: no HTML to run trafilatura on
    # the trailer every page repeats is learned and taken out of pages the pack never saw
    for row in res["predictions"]:
        assert TRAILER not in row["suggested"], row["id"]
    assert res["sugg"]["f1"] > res["base"]["f1"]


def test_min_pages_and_only_name_the_sites_left_out(tmp_path, capsys):
    path = _set(tmp_path)
    res = run(0.5, None, None, set_name=path, min_pages=6)
    assert set(res["per_site"]) == {"news.gazette.example"}
    assert res["left_out"] == {"valley-post": 5, "tiny.example.org": 3}
    with pytest.raises(SystemExit, match=r"tiny.example.org: fewer than 4 pages"):
        run(0.5, None, None, ["tiny.example.org"], set_name=path)
    assert main(["--set", str(path), "--per-site"]) == 0
    out = capsys.readouterr().out
    header = out.splitlines()[0]
    assert header.startswith("toy.text.jsonl.gz, 2 sites, 11 pages") and "1 sites with fewer than 4 pages left out" in header
    assert "README reference" not in out  # the constant is Dragnet's, not this set's
    assert "| valley-post | 5 |" in out
    assert main(["--set", str(path), "--min-pages", "7"]) == 1  # every site too small: nothing to score
    assert "nothing scored (3 sites with fewer than 7 pages left out" in capsys.readouterr().err


def test_a_set_without_the_content_field_is_refused(tmp_path):
    path = _write(tmp_path / "bare.jsonl.gz", [{"id": "x", "url": "https://a.example/", "gold_text": "g"}])
    with pytest.raises(SystemExit, match=r"page 1 \(x\) has no raw_text"):
        load_set(path)
    with pytest.raises(SystemExit, match="has no html"):
        load_set(path, "html")


def test_html_input_learns_from_visible_text_and_scores_the_html_path(tmp_path, capsys):
    path = _set(tmp_path, "html")
    res = run(0.5, None, None, set_name=path, input="html")
    assert set(res["per_site"]) == {"news.gazette.example", "valley-post"} and res["input"] == "html"
    rows = res["predictions"]
    assert len(rows) == 11
    # trafilatura's extract keeps the trailer, and so do the default rules on the HTML path;
    # the pack learned from the other pages' visible text takes it out
    assert all(TRAILER in row["default"] for row in rows)
    assert not any(TRAILER in row["suggested"] for row in rows)
    assert all(PARAGRAPHS[int(row["id"][1:])][1] in row["suggested"] for row in rows)  # the article stays
    assert res["sugg"]["f1"] > res["base"]["f1"]
    # trafilatura ran on the same held-out pages, in the same run
    assert res["trafilatura"] == body_scores([r["gold"] for r in rows], [r["trafilatura"] for r in rows])
    assert main(["--set", str(path), "--input", "html", "--per-site"]) == 0
    out = capsys.readouterr().out
    assert "| trafilatura (same pages, same run) |" in out and "input html" in out.splitlines()[0]
    assert "| default + suggested (HTML path) |" in out


def test_html_input_on_a_text_set_reads_the_html_sibling_by_id(tmp_path):
    text = load_set(_set(tmp_path))
    html_path = _set(tmp_path, "html")
    html = {r["id"]: r["html"] for r in load_set(html_path, "html")}
    joined = load_set(tmp_path / "toy.text.jsonl.gz", "html")
    assert [r["id"] for r in joined] == [r["id"] for r in text]
    assert all(r["html"] == html[r["id"]] and r["raw_text"] for r in joined)


def test_learning_curve_scores_every_n_on_the_same_unseen_pages(tmp_path, capsys):
    from benchmarks.sites_curve import draw_pages, learning_curve, parse_ns

    pages = list(range(11))
    scored, pool = draw_pages(pages, 5, 3, seed=9, draw=0, site="a.com")
    assert len(scored) == 3 and len(pool) == 5 and not set(scored) & set(pool)
    assert (scored, pool) == draw_pages(pages, 5, 3, seed=9, draw=0, site="a.com")  # seeded
    assert any(draw_pages(pages, 5, 3, seed=9, draw=d, site="a.com")[0] != scored for d in range(1, 5))
    assert parse_ns("5,2,3,2") == [2, 3, 5]
    with pytest.raises(SystemExit, match="at least 2 pages"):
        parse_ns("1,3")

    path = _set(tmp_path)
    res = learning_curve([2, 3], draws=2, score_pages=2, set_name=path)
    # max N + K = 5 pages: the six- and five-page sites take part, the three-page one is left out
    assert res["sites"] == ["news.gazette.example", "valley-post"] and res["left_out"] == {"tiny.example.org": 3}
    rows = res["predictions"]
    scored_by_n = {n: sorted((r["draw"], r["site"], r["id"]) for r in rows if r["n"] == n) for n in (2, 3)}
    assert scored_by_n[2] == scored_by_n[3] and len(scored_by_n[2]) == 2 * 2 * 2  # same pages for every N
    assert res["curve"][2]["base"] == res["curve"][3]["base"]
    assert not any(TRAILER in r["suggested"] for r in rows)  # learned from two pages the trailer is out
    assert res["curve"][2]["sugg"]["f1"] > res["curve"][2]["base"]["f1"]
    assert learning_curve([2, 3], draws=2, score_pages=2, set_name=path)["predictions"] == rows  # deterministic
    # a longer curve needs more pages a site: the five-page site is left out
    assert learning_curve([2, 4], draws=1, score_pages=2, set_name=path)["left_out"] == {
        "valley-post": 5, "tiny.example.org": 3}

    assert main(["--set", str(path), "--learn", "2,3", "--draws", "1", "--score-pages", "2", "--per-site"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("toy.text.jsonl.gz, learning curve: 2 sites, 2 held-out pages a site scored in each "
                             "of 1 draws (seed 9; 4 page scores for every N)")
    assert "1 sites with fewer than 5 pages (max N + 2) left out" in out[0]
    assert out[4].startswith("| 2 | ") and out[5].startswith("| 3 | ") and "| 2/2 | 0 |" in out[4]
    assert any(line.startswith("| valley-post | ") for line in out[7:])
    with pytest.raises(SystemExit, match="--split does not apply"):
        main(["--set", str(path), "--learn", "2", "--split", "halves"])
