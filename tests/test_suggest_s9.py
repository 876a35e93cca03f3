"""`rules suggest`: an article's byline stamped like a comment ("By Anna Berg | Wire – 1 hour 12
minutes ago" beside a reader's "sam_k • 15 minutes ago") is no comment signature, so the article
below it is no comment section and a sidebar heading above it is no trailer marker (hand-written
pages; nothing here needs the evaluation data)."""

from __future__ import annotations

from itertools import accumulate

from proposals import patterns
from stories import STORIES

from cleaner.suggest import Page, _Miner, suggest_rules
from cleaner.suggest_comments import opens_article, thread

_NAV = ["Example Sports", "Skip to search.", "Home", "Scores", "Teams", "Standings", "Video", "Photos"]
_REPORTERS = ["Anna Berg", "Ben Costa", "Carla Dahl", "Dmitri Evans", "Elena Fischer"]
_SIDEBAR = ["Discover Example With Your Friends", "Login Learn more", "YOUR FRIENDS' ACTIVITY"]
_HEADLINES = ["Coach: we will not sell our best player …", "Fans queue all night for final tickets …",
              "Keeper signs a new deal until the summer …", "Rain stops play at the county ground …",
              "Captain backs the manager after the derby …", "Striker out for a month with a knee injury …"]
_FOOTER = ["Top Stories", "Most Popular", "Copyright Example Sports", "Terms of Service"]


def _sports_page(n: int, sidebar_first: bool, comments: int) -> Page:
    """A news page: navigation, a headline, a byline stamped with how long ago it was posted, the
    story, related headlines, then `comments` readers' comments stamped the same way. The sidebar
    ("Discover Example With Your Friends") is printed below the story, or with `sidebar_first`
    above the headline (the site's layout varies by section)."""
    a, b, c = STORIES[n]
    lines = list(_NAV)
    if sidebar_first:
        lines += _SIDEBAR
    lines += [f"Story number {n} of the day", f"By {_REPORTERS[n]} | Example Wire – 1 hour {10 + n} minutes ago",
              "View Photo", a, b, c, "Explore Related Content", _HEADLINES[n], "Example Wire",
              _HEADLINES[n + 1], "Example Wire"]
    if comments:
        lines += ["All Comments", f"{comments} comments"]
        for k in range(comments):
            lines += [f"reader_{n}{k} • {15 + k} minutes ago", ["Keep dreaming!", "Great signing.", "No chance."][k % 3],
                      "Reply"]
    if not sidebar_first:
        lines += _SIDEBAR
    lines += _FOOTER
    return Page.from_text(f"p{n}", "\n".join(lines))


def test_a_sidebar_heading_above_a_stamped_byline_is_no_trailer():
    # On one page the sidebar comes above the story, and a reader's comment below it is stamped
    # like the byline ("... minutes ago"): the byline is not a comment's signature, so the story is
    # no comment section and the heading that comes before it there cuts the article: no trailer.
    pages = [_sports_page(0, False, 0), _sports_page(1, False, 0), _sports_page(2, True, 1),
             _sports_page(3, False, 0)]
    props = suggest_rules(pages, "example.com")
    trailers = patterns(props, kind="trailer")
    assert not [p for p in trailers if "Discover" in p], trailers
    # must not: the marker that does follow the article on every page is still proposed, and the
    # sidebar's heading is still one of the site's repeated lines
    assert r"^Explore Related Content$" in trailers, trailers
    assert r"^Discover Example With Your Friends$" in patterns(props, kind="line")


def _miner(pages: list[Page]) -> _Miner:
    m = _Miner(pages, 0.5)
    literals = m.literals()
    m.group(literals, m.shapes())
    return m


def test_a_stamped_byline_above_the_article_is_no_signature():
    pages = [_sports_page(n, False, 2 if n == 0 else 1) for n in range(4)]
    m = _miner(pages)
    lines = pages[0].lines
    byline = next(k for k, t in enumerate(lines) if t.startswith("By "))
    readers = [k for k, t in enumerate(lines) if t.startswith("reader_")]
    assert len(readers) == 2
    # the case at hand: the byline and the readers' signatures are one dated shape
    assert m.groups[0][byline] == m.groups[0][readers[0]] and m.groups[0][byline] in m.dated
    # the two readers' signatures are a thread; the byline above the story is none of it
    assert m.signatures(0, 0) == readers
    # one reader's comment under a stamped byline is no thread at all
    for p in range(1, 4):
        assert m.signatures(p, 0) == [], (p, m.signatures(p, 0))


def _sums(sizes: list[int]) -> list[int]:
    """Prefix sums of paragraph characters for lines of these sizes (0: not a paragraph)."""
    return [0, *accumulate(sizes)]


def test_only_a_byline_that_opens_the_page_prose_is_left_out():
    # lines: 0 nav, 1 byline, 2-4 the story, 5 related, 6 signature, 7 comment, 8 signature, 9 comment
    story = _sums([0, 0, 120, 110, 130, 0, 0, 60, 0, 50])
    assert opens_article([1, 6, 8], story)
    assert thread([1, 6, 8], story) == [6, 8]
    assert thread([1, 6], story) == []  # a byline and one comment: no thread
    # must not: a thread below the article keeps its first signature, however long its comment is
    # (0 nav, 1-2 the story, 3 signature, 4 a long comment, 5 signature, 6 comment)
    below = _sums([0, 150, 140, 0, 260, 0, 40])
    assert not opens_article([3, 5], below)
    assert thread([3, 5], below) == [3, 5]
    # must not: a short post (a poem, no paragraph) followed by comments of like size: the first
    # comment is no byline (0-3 the poem's short lines, 4 signature, 5 comment, 6 signature, 7 comment,
    # 8 signature, 9 comment)
    poem = _sums([0, 0, 0, 0, 0, 120, 0, 110, 0, 130])
    assert not opens_article([4, 6, 8], poem)
    assert thread([4, 6, 8], poem) == [4, 6, 8]
    # a page without paragraphs says nothing
    assert thread([1, 3], _sums([0, 0, 0, 0])) == [1, 3]
