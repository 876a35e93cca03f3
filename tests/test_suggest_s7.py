"""`rules suggest`: a comment heading below the article on pages with long comment sections, blurbs
below a trailer among a sidebar's headlines, and shapes whose variable part is each page's own
sentence (hand-written pages; nothing here needs the evaluation data)."""

from __future__ import annotations

from stories import STORIES

from cleaner.suggest import Page, Proposal, _Miner, _own_sentences, line_key, suggest_rules
from cleaner.suggest_check import _Context

_COMMENTS = [
    "What a lovely story, thank you for telling it.",
    "I read it twice and laughed both times.",
    "My grandmother used to say the same thing.",
    "Please write more about this next week.",
    "This made my morning a little brighter.",
    "I shared it with my sister in Lisbon.",
]


_FIRST = "Anna Ben Carla Dmitri Elena Farid Greta Hugo Ines Jonas Keiko Luis".split()
_LAST = "Berg Costa Dahl Evans Fischer Garcia Holm Ito Jensen Klein Lopez Moreau Novak Ortiz Petrov Quinn".split()


def _blog_page(n: int, comments: int) -> Page:
    """A blog post: the site's head, the article, the "N comments" heading, then `comments` comments,
    each under a dated signature."""
    a, b, c = STORIES[n]
    lines = ["Example Blog", "Home", "Archives", "Subscribe", a, b, c,
             f"{{ {comments} comments… read them below or add one }}"]
    for k in range(comments):
        name = f"{_FIRST[k % len(_FIRST)]} {_LAST[4 * n + k // len(_FIRST) % 4]}"  # no name on two pages
        lines.append(f"{name} July {k % 28 + 1}, 2012 at {k % 12 + 1}:{k % 50 + 10} am")
        lines.append(_COMMENTS[(k + n) % len(_COMMENTS)])
        lines.append("Reply")
    lines += ["Leave a Comment", "Name *", "Copyright Example Blog"]
    return Page.from_text(f"p{n}", "\n".join(lines))


def test_a_comment_heading_above_a_long_comment_section_is_a_trailer():
    # On a popular post the comment section is so long that the "N comments" heading right below the
    # article sits at 1-2% of the page: its low position must not hide it, since the article comes
    # before it and comments after it.
    pages = [_blog_page(n, comments) for n, comments in enumerate((150, 40, 200, 30))]
    marker = next(i for i, t in enumerate(pages[0].lines) if t.startswith("{ "))
    share = sum(map(len, pages[0].lines[:marker])) / sum(map(len, pages[0].lines))
    assert share < 0.03  # the case at hand: the heading sits in the first 3% of the page
    props = suggest_rules(pages, "example.com", self_check=False)
    trailers = [p for p in props if p.kind == "trailer" and "comments… read them" in str(p.keys["pattern"])]
    assert trailers, [p.keys.get("pattern") for p in props if p.kind == "trailer"]
    assert trailers[0].keys["min_position"] <= share


def test_a_marker_near_the_top_without_comments_below_is_still_no_trailer():
    # must not: the same heading near the top of pages whose long tail is no comment section (a list
    # of archive links, no dated signatures) keeps the old guard against markers above the article
    pages = []
    for n, (a, b, c) in enumerate(STORIES[:4]):
        tail = [f"Archive entry {n}-{k} about the harbour" for k in range(400)]
        pages.append(Page.from_text(f"p{n}", "\n".join(
            ["Example Blog", "Home", a, b, c, "Around the site", *tail, "Copyright Example Blog"])))
    props = suggest_rules(pages, "example.com", self_check=False)
    assert not [p for p in props if p.kind == "trailer" and "Around the site" in str(p.keys["pattern"])]


# -- the self-check's context tests on hand-made lines ("kept" is what the defaults keep)

_P1 = STORIES[0][0]
_P2 = STORIES[0][1]
_BLURB = "Stay informed of the latest news and technologies around application, project and performance management."
_TEASER = ("Gartner's recent report on service desks included no vendors as leaders or innovators this year. "
           "Learn why the market is changing and what it means for your team.")
_AD = "Put your business in overdrive with the fiber optics from Example Cable and its friendly engineers."


def _context(lines: list[str], kept: set[int], repeated: set[str]) -> _Context:
    return _Context([Page("p", lines)], [kept], lambda p, i: lines[i] in repeated, lambda p, i: [], outside=[set()])


def _trailer() -> Proposal:
    return Proposal("example.trailer", "trailer", "test", {"pattern": "^x$"}, [], ["x"])


def test_a_lone_blurb_below_a_trailer_is_no_article_prose():
    # Below the marker the defaults keep a sidebar: headlines, a newsletter's one-line blurb, a white
    # paper's teaser between short lines. Lone sentences with no other prose around them are no
    # article, whose paragraphs come in runs.
    sidebar = ["8 Best Cities to Find Jobs", "10 Free Tools for Power Users", "Applications Newsletter", _BLURB,
               "Go", "White Paper", "Service Desk Comparative Report", _TEASER, "Read now »", "Jobs powered by Example"]
    lines = [_P1, _P2, *sidebar]
    marker = 2
    ctx = _context(lines, set(range(len(lines))), set(sidebar) - {_BLURB, _TEASER})
    assert ctx.against(_trailer(), 0, lines.index(_BLURB), marker) is None
    assert ctx.against(_trailer(), 0, lines.index(_TEASER), marker) is None
    # must not: a trailer whose marker sits above the article cuts paragraphs in a run, which count
    lines = ["8 Best Cities to Find Jobs", _P1, _P2, STORIES[0][2]]
    ctx = _context(lines, set(range(len(lines))), {lines[0]})
    assert all(ctx.against(_trailer(), 0, i, 0) == "article prose" for i in (1, 2, 3))
    # nor does a lone line count as a blurb for a rule of lines: only a trailer passes it over
    lines = ["Menu", _BLURB, "Go"]
    ctx = _context(lines, {0, 1, 2}, {"Menu", "Go"})
    line_rule = Proposal("example.lines", "line", "test", {"pattern": ["^x$"]}, [], ["x"])
    assert ctx.against(line_rule, 0, 1, 1) == "article prose"


def test_a_repeated_ad_below_a_teaser_closes_no_article():
    # The same ad line on every page, right below a white paper's teaser in the sidebar: the teaser
    # is a paragraph of the page's own, but a lone one, so the ad is no closing paragraph of the article.
    ad = _AD + " Call us today. Our team installs it within a week of your order."
    menu = ["Popular this week", *[f"Headline number {k}" for k in range(5)], "White Paper"]
    lines = [_P1, _P2, *menu, _TEASER, "Download now! »", ad]
    ctx = _context(lines, set(range(len(lines))), {*menu, "Download now! »", ad})
    assert not ctx.closes_article(0, len(lines) - 1)
    # must not: right below the article's own paragraphs the same paragraph still closes it
    lines = [_P1, _P2, ad]
    ctx = _context(lines, {0, 1, 2}, {ad})
    assert ctx.closes_article(0, 2)


def test_a_shape_whose_variable_part_is_each_pages_own_sentence_is_switched_off():
    # A short post's only text is its summary, printed as "<summary> @handle" once a page: the
    # shape fits every page's own sentence, so it is proposed switched off for review.
    summaries = [
        "Repurposing food as art is creative.",
        "This plays with your right brain in a big way.",
        "Not your mom's origami, but just as fun.",
        "Who knew paper could hold so much water?",
        "Ten minutes of drawing a day changes everything.",
    ]
    pages = []
    for n, summary in enumerate(summaries):
        pages.append(Page.from_text(f"p{n}", "\n".join([
            "Example Posts", "Home", "My Profile", f"Post number {n} of the week", f"{summary} @ExamplePoster",
            "Tweet", STORIES[n][0], "Posted by Example Poster", "Subscribe via RSS", "Design by Example",
        ])))
    props = suggest_rules(pages, "example.com", self_check=False)
    shapes = [p for p in props if "@ExamplePoster" in str(p.keys.get("pattern"))]
    assert shapes and not any(p.enabled for p in shapes)
    assert "sentence of each page's own" in shapes[0].review


def test_own_sentences_are_told_from_records_teasers_and_templates():
    def occ(variants):
        return [(p, 0, line_key(v)) for p, v in enumerate(variants)]

    assert _own_sentences(occ(["Repurposing food as art is creative.", "This plays with your right brain."]))
    # must not: a record with a number on every line, a teaser cut short, a template sentence,
    # a shape found twice on a page, a variable part of a word or two
    assert not _own_sentences(occ(["March 17, 2010 in Personal Tools.", "December 5, 2009 in News and Tools."]))
    assert not _own_sentences(occ(["Fred Willard arrives at the fifth annual...", "James Holmes appears in court..."]))
    assert not _own_sentences(occ(["this article appeared in print: Harbour wall.",
                                   "this article appeared in print: Library hours."]))
    assert not _own_sentences([(0, 0, "One sentence of the page here."), (0, 5, "Another sentence of the page here.")])
    assert not _own_sentences(occ(["Politics.", "Sport."]))


def test_a_miner_over_pages_without_comments_finds_no_signatures():
    # the low-position allowance needs a comment section: signatures that recur below the marker
    pages = [_blog_page(n, 0) for n in range(3)]
    m = _Miner(pages, 0.5)
    assert all(not m.signatures(p, 0) for p in range(3))


def test_a_block_that_holds_the_pages_headline_and_text_is_no_list():
    # A short post sits between its date line and "Tweet" on every page: its headline (the page
    # title's) and its text. That is the post, not a list of the site's that changes from page to page.
    posts = [("Paper Boats on the Harbour", "Folding paper is more fun than it looks."),
             ("A Garden on the Roof", "Grow your tomatoes where the sun is."),
             ("The Library at Night", "Quiet rooms are where the best ideas start."),
             ("Frost in the Orchard", "Even a cold spring leaves some apples behind."),
             ("The Early Train", "Twenty minutes can change a whole morning.")]
    recent = ["Winter Swimming Club", "A New Bridge Opens", "Market Day Returns", "Choir Wins Again",
              "Bakery Turns Fifty", "Night Buses Return", "Ferry Back in Service"]
    sources = ["boats.example.org", "roofs.example.net", "books.example.org", "apples.example.com", "rails.example.net"]

    def page(n: int, with_recent: bool) -> Page:
        headline, text = posts[n]
        lines = [f"{headline} - Example Posts", "Home", "My Profile", f"July {n + 11}th, 3:0{n}pm 0 comments",
                 headline, f"via {sources[n]}", text, "Tweet", STORIES[n][0],
                 "Subscribe via RSS"]
        if with_recent:  # a sidebar of recent posts that lists this one too, with no sentence below it
            lines += ["Recent posts", headline, *recent[n:n + 2], "Archives"]  # none on 3 pages
        return Page.from_text(f"p{n}", "\n".join(lines))

    props = suggest_rules([page(n, False) for n in range(5)], "example.com", self_check=False)
    assert not [p for p in props if p.kind == "block" and p.keys["end"] == "^Tweet$"]
    assert _Miner([page(n, False) for n in range(5)], 0.5)._holds_article(0, 3, 7)
    # must not: the list of recent posts, which holds the page's own headline, is still a block
    props = suggest_rules([page(n, True) for n in range(5)], "example.com", self_check=False)
    assert [p for p in props if p.kind == "block" and p.keys["start"] == "^Recent posts$"]


def test_a_paragraph_below_the_posts_footer_closes_no_article():
    # "Posted in <topics> | No Comments »" ends the post; the feed notice below it is the blog's,
    # so the trailer it marks is not switched off as cutting a closing paragraph.
    notice = ("You can follow any responses to this entry through the RSS 2.0 feed. "
              "You can leave a response, or trackback from your own site.")
    footer = "Posted in Harbours, Councils | No Comments »"
    lines = [_P1, _P2, footer, notice, "Leave a Reply"]
    ctx = _context(lines, {0, 1, 2, 3}, {notice, "Leave a Reply"})
    assert not ctx.closes_article(0, 3)
    assert ctx.against(_trailer(), 0, 3, 3) is None
    # must not: without the footer the same paragraph right below the article closes it
    lines = [_P1, _P2, notice, "Leave a Reply"]
    ctx = _context(lines, {0, 1, 2}, {notice, "Leave a Reply"})
    assert ctx.closes_article(0, 2)
