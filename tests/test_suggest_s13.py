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


# ---------------------------------------------------------------- a reader's greeting and close

_READERS = ["Ruth", "Omar", "Kate", "Liam", "Nina", "Paul"]
_COMMENTS = [
    "Thanks for the clear write-up, I shared it with the rest of our team this morning.",
    "We tried the same thing last year and the results were just as good as yours.",
    "Could you write a follow-up about the costs? That is the part I still wonder about.",
    "This is exactly what I needed before our meeting with the council next week.",
]


def _letters_blog(n: int, letter: bool = False) -> str:
    """A blog post and its comments: readers open with "Hi Anna," and close with "All the best,".
    With `letter`, the post itself quotes a letter that closes the same way."""
    a, b, c = STORIES[n]
    lines = [f"Anna's notes: post {n}", "Anna's notes", "Home | Archive | About", a, b]
    if letter:
        lines += ["Here is the note I sent to the harbour master:", "Dear Mr Grey,",
                  "Thank you for showing our class around the harbour and its old wall last week.",
                  "All the best,", "Anna"]
    lines += [c, "Leave a comment"]
    for j in range(4):
        lines += [f"{_READERS[(n + j) % 6]} — July {10 + j}th, 2012, {j + 6}:{10 + n} am", "Hi Anna,",
                  _COMMENTS[(n + j) % 4], "All the best,", _READERS[(n + j) % 6]]
    return "\n".join([*lines, "Copyright Anna's notes"])


def test_a_readers_greeting_and_close_are_no_line_of_the_site():
    # must not: "All the best," and "Hi Anna," repeat on every page, in the readers' comments, and
    # became lines of a `line` rule: they end with a comma, the text they open or close goes on below
    pages = [Page.from_text(f"p{n}", _letters_blog(n)) for n in range(4)]
    patterns = [pat for p in suggest_rules(pages, "example.com") if p.enabled
                for pat in (p.keys.get("pattern") if isinstance(p.keys.get("pattern"), list) else [p.keys.get("pattern")])]
    assert "^All the best,$" not in patterns and "^Hi Anna,$" not in patterns, patterns


def test_a_letter_quoted_in_the_article_keeps_its_close(tmp_path: Path):
    # must not: on a page it never saw, the post's quoted letter lost its "All the best,"
    pack = tmp_path / "example.toml"
    pack.write_text(suggest_pack([_letters_blog(n) for n in range(4)], "example.com"), encoding="utf-8")
    got = Cleaner(rules=[pack]).clean(_letters_blog(4, letter=True), site="example.com", format="text").text
    assert "Dear Mr Grey,\nThank you for showing" in got and "All the best,\nAnna" in got, got
