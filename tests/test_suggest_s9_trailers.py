"""`rules suggest`, trailer learning: a comment section below the article excuses the comments, not
article text between the marker and the comments; and a trailer seen on only two pages (a sign-off
such as "-Jodi" that on other pages is followed by a postscript) is shown for review, switched off
(hand-written pages; nothing here needs the evaluation data)."""

from __future__ import annotations

from stories import STORIES

from cleaner.suggest import Page, suggest_rules

_COMMENTS = [
    "What a lovely story, thank you for telling it.",
    "I read it twice and laughed both times.",
    "My grandmother used to say the same thing.",
    "Please write more about this next week.",
]
_NAMES = ["Anna Berg", "Ben Costa", "Carla Dahl", "Dmitri Evans", "Elena Fischer", "Farid Garcia", "Greta Holm",
          "Hugo Ito", "Ines Jensen", "Jonas Klein", "Keiko Lopez", "Luis Moreau"]


def _comments(n: int, count: int = 3) -> list[str]:
    """A comment section: each comment under a dated signature, names differing from page to page."""
    out = []
    for k in range(count):
        out.append(f"{_NAMES[(3 * n + k) % len(_NAMES)]} July {n + k + 1}, 2012 at {k + 9}:{10 + 7 * n + k} am")
        out.append(_COMMENTS[(k + n) % len(_COMMENTS)])
    return out


def _trailers(pages: list[Page], marker: str, *, self_check: bool = False) -> list:
    return [p for p in suggest_rules(pages, "example.com", self_check=self_check)
            if p.kind == "trailer" and p.keys["pattern"] == f"^{marker}$"]


def test_a_marker_inside_the_article_is_no_trailer_because_comments_come_later():
    # must not: "Advertisement" sits between two paragraphs of each article, and the page ends with a
    # comment section. The comments below excuse the comments, not the article's second paragraph.
    pages = []
    for n, (a, b, c) in enumerate(STORIES[:4]):
        more = STORIES[(n + 1) % len(STORIES)][2]  # a second paragraph long enough to be a paragraph
        pages.append(Page.from_text(f"p{n}", "\n".join([
            "Example Blog", "Home", "Archives", f"{a} {b}", "Advertisement", f"{c} {more}",
            f"{3} Comments", *_comments(n), "Leave a Comment", "Copyright Example Blog",
        ])))
    assert not _trailers(pages, "Advertisement")
    # the comment heading right above the signatures still is one
    assert _trailers(pages, r"\d+ Comments")


def test_a_marker_with_only_furniture_between_it_and_the_comments_stays_a_trailer():
    # the counterpart: a share row, a tag line, then the comments: nothing of the article after it
    pages = []
    for n, (a, b, c) in enumerate(STORIES[:4]):
        pages.append(Page.from_text(f"p{n}", "\n".join([
            "Example Blog", "Home", "Archives", a, b, c, "Share this post",
            f"Tags: harbour, town, story {n}", *_comments(n), "Leave a Comment", "Copyright Example Blog",
        ])))
    assert _trailers(pages, "Share this post")


def _signed(n: int, postscript: bool = False) -> Page:
    a, b, c = STORIES[n]
    lines = ["Mara's Travels", "Home", "About Me", a, b, c, "-Mara"]
    if postscript:  # a postscript of two paragraphs about another matter
        other = STORIES[(n + 2) % len(STORIES)]
        lines += ["***", "On a more serious note, some news from home.", other[0] + " " + other[1], other[2]]
    lines += ["Tweet Pin It", f"{3} comments to story {n}", *_comments(n), "Copyright Mara's Travels"]
    return Page.from_text(f"p{n}", "\n".join(lines))


def test_a_sign_off_seen_on_two_pages_is_proposed_switched_off():
    # must not: from two pages, the author's sign-off comes right after the article and before the
    # share row on both, so it looks like a trailer; on the next page a postscript follows it. Two
    # pages are too few to tell a sign-off from the site's furniture: the trailer is shown for
    # review, switched off, and says why.
    learn = [_signed(0), _signed(1)]
    found = _trailers(learn, r"\-Mara", self_check=True)
    assert found and not any(p.enabled for p in found)
    assert all("2 pages" in p.review for p in found)
    # no enabled trailer at all from two pages: every marker is as uncertain
    assert not [p for p in suggest_rules(learn, "example.com") if p.kind == "trailer" and p.enabled]
    # from three pages, one with a postscript after the sign-off, the sign-off is no enabled trailer;
    # the share row, after the article on all three, is
    three = [_signed(0), _signed(1), _signed(2, postscript=True)]
    assert not [p for p in _trailers(three, r"\-Mara", self_check=True) if p.enabled]
    assert [p for p in _trailers(three, "Tweet Pin It", self_check=True) if p.enabled]


_LONG_COMMENTS = [
    "What a lovely story, thank you for telling it. I grew up two streets from that harbour and my father fished "
    "from the north quay for thirty years, so this brought back a great many memories.",
    "I read it twice and laughed both times. We had the same trouble in our town last winter, and in the end the "
    "council found the money only after the local paper ran a story every single week.",
    "My grandmother used to say the same thing about the library, that it was the only warm and quiet place in the "
    "whole town where nobody asked you to buy anything or to leave before you were ready.",
]


def test_a_comment_text_printed_above_its_signature_is_still_a_comment():
    # the counterpart of the first test, on a blog that prints each comment's text *above* its dated
    # signature (<text> "Posted by Anna Berg on July 3, 2012 at 9:12 AM"): the long first comment
    # between the heading and the first signature is a comment's size, so the heading stays a trailer
    towns = ["Leeds", "Porto", "Bergen", "Lyon"]
    pages = []
    for n, (a, b, c) in enumerate(STORIES[:4]):
        lines = ["Example Blog", "Home", "Archives", a, b, c, "Comments:"]
        for k in range(3):
            text = _LONG_COMMENTS[(k + n) % len(_LONG_COMMENTS)] + f" Greetings from {towns[(n + k) % 4]}, reader {n}{k}."
            lines += [text, f"Posted by {_NAMES[(3 * n + k) % len(_NAMES)]} on July {n + k + 1}, 2012 at "
                            f"{k + 9}:{10 + 7 * n + k} AM"]
        lines += ["Post a Comment", "Copyright Example Blog"]
        pages.append(Page.from_text(f"p{n}", "\n".join(lines)))
    found = _trailers(pages, "Comments:")
    assert found and "4 of them a comment section" in found[0].notes[0], found
