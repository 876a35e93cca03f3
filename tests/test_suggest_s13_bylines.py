"""`rules suggest`, thirteenth session: a live blog signs each update with one of a few bylines
("Reporting by Anna Berg"), so each byline repeats across the pages, once a page; with the
article's own updates below it, such a line is one of a series in the article and no trailer
marker, which on a page not seen would cut the live blog from its first update down. A marker
whose kin ("Share on Facebook" above the article, "Share this page" below it) comes only above
it still ends the article (hand-written pages; nothing here needs the evaluation data)."""

from __future__ import annotations

from pathlib import Path

from stories import STORIES
from test_suggest_s12 import _UPDATE_HEADS, _UPDATES

from cleaner import Cleaner
from cleaner.suggest import Page, suggest_pack, suggest_rules

_NAMES = ["Anna Berg", "Tom Reid", "Sara Lind"]


def _live(n: int, top: str = "") -> str:
    """Storm day n, live: an introduction, then three updates, each a stamp and headline, a
    paragraph of its own and "Reporting by <one of three names>"; the share row and footer below."""
    lines = ["City Live", "Home | News | Sport | Weather", f"Live: storm day {n} on the coast",
             *([top] if top else []), *STORIES[n][:2]]
    for k in range(3):
        lines += [f"{10 + k}:{(7 * n + 13 * k) % 60:02d} {_UPDATE_HEADS[3 * n + k]}", _UPDATES[3 * n + k],
                  f"Reporting by {_NAMES[(n + k) % 3]}"]
    return "\n".join([*lines, "Share this page", "Copyright City Live"])


def _trailers(pages: list[Page]) -> list[str]:
    return [p.keys["pattern"] for p in suggest_rules(pages, "example.com") if p.kind == "trailer" and p.enabled]


def test_a_byline_under_each_update_is_no_trailer():
    # old code: "^Reporting by Anna Berg$" (then "^Reporting by Tom Reid$") was proposed switched
    # on, ahead of the share row: the updates after it are short paragraphs, too short to count
    # as more article after the marker
    pages = [Page.from_text(f"p{n}", _live(n)) for n in range(5)]
    assert _trailers(pages) == ["^Share this page$"]


def test_the_pack_keeps_every_update_of_an_unseen_live_blog(tmp_path: Path):
    pack = tmp_path / "example.toml"
    pack.write_text(suggest_pack([_live(n) for n in range(4)], "example.com"), encoding="utf-8")
    out = Cleaner(rules=[pack], defaults=False).clean(_live(4), site="example.com", format="text").text
    assert all(u in out for u in _UPDATES[12:]), out
    assert "Share this page" not in out and "Copyright City Live" not in out


def test_a_trailer_whose_kin_comes_only_above_it_still_ends_the_article():
    # "Share on Facebook" above the article opens with the trailer's words: kin above, with the
    # article between, is no series that goes on below the trailer
    pages = [Page.from_text(f"p{n}", "\n".join(
        ln for ln in _live(n, top="Share on Facebook").split("\n") if not ln.startswith("Reporting by")))
        for n in range(5)]
    assert _trailers(pages) == ["^Share this page$"]
