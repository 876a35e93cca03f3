"""`rules suggest`, tenth session: an author's sign-off seen on three pages, one of them with a short
footnote of the author's right after it, is no trailer to switch on; a marker always followed by the
site's furniture, or always by each page's own text, is (hand-written pages; nothing here needs the
evaluation data)."""

from __future__ import annotations

from pathlib import Path

from stories import STORIES

from cleaner import Cleaner
from cleaner.suggest import Page, suggest_pack, suggest_rules

_NAMES = ["Anna Berg", "Ben Costa", "Carla Dahl", "Dmitri Evans", "Elena Fischer", "Farid Garcia", "Greta Holm"]
_COMMENTS = [
    "What a lovely story, thank you for telling it.",
    "I read it twice and laughed both times.",
    "My grandmother used to say the same thing.",
]
_FOOTNOTE = "* Thanks to Alex for the photo of the old harbour wall at dawn:"


def _comments(n: int) -> list[str]:
    """A comment section: each comment under a dated signature ("On July 3, 2012 at 9:12 am Anna said:")."""
    out = []
    for k in range(3):
        out.append(f"On July {n + k + 1}, 2012 at {k + 9}:{10 + 7 * n + k} am {_NAMES[(2 * n + k) % len(_NAMES)]} said:")
        out.append(_COMMENTS[(k + n) % len(_COMMENTS)])
        out.append("Reply")
    return out


def _signed(n: int, *, footnote: bool = False, tags: bool = True, postscript: bool = False) -> str:
    """A blog post signed "-Mara", then (sometimes) a tag line, the share row, the comments."""
    a, b, c = STORIES[n]
    lines = ["Mara's Travels", "Home", "About Me", f"Posted on July {n + 1}, 2012", a, b, c, "-Mara"]
    if footnote:  # a line of the author's own below her name, too short to count as more article
        lines.append(_FOOTNOTE)
    if postscript:  # two paragraphs about another matter
        other = STORIES[(n + 2) % len(STORIES)]
        lines += ["***", "On a more serious note, some news from home.", other[0] + " " + other[1], other[2]]
    if tags:
        lines.append(f"Tags: story {n}, harbour")
    lines += ["Tweet Pin It", f"{3} comments to story {n}", *_comments(n), "Copyright Mara's Travels"]
    return "\n".join(lines)


def _learning() -> list[str]:
    # the sign-off is followed by the tag line, then by the share row (no tags that day), then by a
    # footnote of the author's
    return [_signed(0), _signed(1, tags=False), _signed(2, footnote=True)]


def _trailers(texts: list[str], marker: str) -> list:
    pages = [Page.from_text(f"p{n}", t) for n, t in enumerate(texts)]
    return [p for p in suggest_rules(pages, "example.com")
            if p.kind == "trailer" and p.keys["pattern"] == f"^{marker}$"]


def test_a_sign_off_followed_by_a_footnote_on_one_of_three_pages_is_proposed_switched_off():
    # must not: on three pages the sign-off comes after the article and nothing of the article
    # follows it (the footnote is too short to count), so it passed for the site's trailer; but on
    # one of them the author's own line comes right after it where the others have the site's tag
    # line or share row: the article may go on after it, and a postscript on an unseen page was cut.
    found = _trailers(_learning(), r"\-Mara")
    assert found and not any(p.enabled for p in found)
    assert "own text goes on right after it" in found[0].review
    assert any("own prose comes right after it on 1 page(s) (p2)" in note for note in found[0].notes)
    # the share row, after the footnote and the tags, is the trailer that cuts
    assert [p for p in _trailers(_learning(), "Tweet Pin It") if p.enabled]


def test_the_pack_keeps_a_postscript_after_the_sign_off_on_an_unseen_page(tmp_path: Path):
    pack = tmp_path / "example.toml"
    pack.write_text(suggest_pack(_learning(), "example.com"), encoding="utf-8")
    unseen = _signed(3, postscript=True)
    out = Cleaner(rules=[pack], defaults=False).clean(unseen, site="example.com", format="text").text
    assert "On a more serious note, some news from home." in out
    assert STORIES[0][2] in out  # the postscript's last paragraph (STORIES[(3 + 2) % 5])
    assert "Tweet Pin It" not in out and "comments to story 3" not in out


def test_a_marker_followed_by_the_site_s_furniture_on_every_page_stays_a_trailer():
    # the counterpart: the same sign-off followed on every page by the tag line, as a share row
    # would be: nothing on these pages tells it from the site's furniture, and it stays switched on
    found = _trailers([_signed(n) for n in range(3)], r"\-Mara")
    assert found and found[0].enabled


def test_a_marker_followed_by_each_page_s_own_text_on_every_page_stays_a_trailer():
    # the counterpart: an "About the author" heading followed on every page by that author's own bio
    # (the line after the marker is of one kind on every page: the site's layout, not a sign-off)
    bios = [
        "Anna Berg writes about harbours, boats and the people who work on them for the weekly paper.",
        "Ben Costa covers the city council, its budgets and its quarrels, and has done so for ten years.",
        "Carla Dahl is the paper's sports writer and a lifelong supporter of the club in the north stand.",
    ]
    texts = []
    for n in range(3):
        a, b, c = STORIES[n]
        texts.append("\n".join(["Harbour Gazette", "Home", "News", a, b, c, "About the author", bios[n],
                                "Tweet Pin It", *_comments(n), "Copyright Harbour Gazette"]))
    found = _trailers(texts, "About the author")
    assert found and found[0].enabled
