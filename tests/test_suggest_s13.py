"""`rules suggest`, thirteenth session: lines the suggested pack must leave in articles it never saw,
found by auditing every Dragnet site a suggested pack lowered (hand-written pages; nothing here
needs the evaluation data)."""

from __future__ import annotations

from pathlib import Path

from stories import STORIES

from cleaner import Cleaner
from cleaner.suggest import Page, suggest_pack, suggest_rules

# ---------------------------------------------------------------- plain words that end a headline

# A product blog: its posts are about its own products, so their names end headlines, bylines and
# captions alike. A learning page's byline and two headlines end in "Harbour Maps".
_HEADLINES = [
    "New ferry timetables for the islands",
    "Find the best walks along the coast with Harbour Maps",
    "The library opens its map room in the evening",
    "A new layer shows the tides on Harbour Maps",
    "Cycle routes drawn by our readers",
]
_BYLINES = [
    "Posted by Ann Lee, Product Manager, Harbour Maps",
    "Posted by Tom Reed, Software Engineer",
    "Posted by Joe Park, Designer",
    "Posted by Mia Cole, Editor",
    "Posted by Sam Wood, Intern",
]


def _product_blog(n: int, caption: str = "") -> str:
    a, b, c = STORIES[n]
    lines = [f"Harbour Blog: {_HEADLINES[n]}", "Harbour Blog", "Home | Products | About", _HEADLINES[n], a]
    lines += [caption, b] if caption else [b]
    lines += [c, _BYLINES[n], "Share this post", "Copyright Harbour Blog"]
    return "\n".join(lines)


def test_a_shape_of_plain_words_that_end_a_headline_is_switched_off():
    # must not: "<...> Harbour Maps" was proposed switched on, from a byline and two headlines ("Find the
    # best walks along the coast with Harbour Maps"): the product's name ends any line of the articles
    pages = [Page.from_text(f"p{n}", _product_blog(n)) for n in range(4)]
    props = suggest_rules(pages, "example.com")
    shape = next(p for p in props if p.kind in ("line", "leading") and isinstance(p.keys.get("pattern"), str)
                 and p.keys["pattern"].endswith(r"\s+Harbour Maps$"))
    assert not shape.enabled
    assert "headline" in shape.review


def test_a_caption_that_ends_in_the_products_name_stays(tmp_path: Path):
    # must not: on a page it never saw, the shape removed the article's caption between two paragraphs
    pack = tmp_path / "example.toml"
    pack.write_text(suggest_pack([_product_blog(n) for n in range(4)], "example.com"), encoding="utf-8")
    caption = "Look for the blue circle to explore the photos of the harbour on Harbour Maps"
    got = Cleaner(rules=[pack]).clean(_product_blog(4, caption), site="example.com", format="text").text
    assert caption in got, got
    assert all(p in got for p in STORIES[4])
