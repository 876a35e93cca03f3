"""`rules suggest`, tenth session (helper 1): the page head learned from one layout of a site must
not take the article of another layout whose head ends below the article (hand-written pages;
nothing here needs the evaluation data)."""

from __future__ import annotations

from stories import STORIES

from cleaner import Cleaner
from cleaner.ruleset.loader import load_text
from cleaner.suggest import Page, render_pack, suggest_rules

_MENU = ["Home", "News", "Sport", "Weather", "Opinion", "Culture"]
_SHARE = ["Share:", "Facebook", "Twitter", "Delicious"]
_FOOT = ["About us", "Contact", "Copyright Daily Example"]


def _blog_page(n: int) -> str:
    """The blog layout: menus, the share row, then the post right below it."""
    a, b, c = STORIES[n]
    headline = " ".join(a.split()[:6])
    return "\n".join([
        f"{headline} | Daily Example", "Print Subscription", *_MENU, f"Trending: story number {n}",
        f"Weather: {n + 10} degrees", headline, *_SHARE, a, b, c, *_FOOT,
    ])


def _news_page() -> tuple[str, list[str]]:
    """The news layout of the same site: the same menus, the article, and the share row below it."""
    paras = [
        "The harbour board met on Tuesday evening and agreed that the ferry will run twice a day through the winter months.",
        "Islanders had asked for a second sailing for years, saying that one crossing a day left them stranded on the mainland.",
        "The board said that the extra sailing would be paid for by a small rise in the fares charged to visitors in summer.",
    ]
    text = "\n".join([
        "Ferry to run twice a day | Daily Example", "Print Subscription", *_MENU, "Ferry to run twice a day",
        *paras, *_SHARE, *_FOOT,
    ])
    return text, paras


def _pack(tmp_path):
    pages = [Page.from_text(f"p{n}", _blog_page(n)) for n in range(5)]
    props = suggest_rules(pages, "example.com")
    path = tmp_path / "example.com.toml"
    path.write_text(render_pack(props, "example.com"), encoding="utf-8")
    return {p.id: p for p in props}, path


def test_a_page_head_stops_at_a_paragraph(tmp_path):
    # must not: on the learning pages (a blog's posts) the head runs from "Print Subscription" down
    # to the share row's "Delicious" right above the post. On a news page of the same site the share
    # row comes below the article: a head with a line budget alone took the article with it.
    props, path = _pack(tmp_path)
    head = props["example.head"]
    assert head.enabled and head.keys["end"] == "^Delicious$", head.keys
    text, paras = _news_page()
    kept = Cleaner(rules=[path]).clean(text, site="example.com", format="text").text
    assert all(p in kept for p in paras), kept


def test_the_head_still_takes_the_head_of_the_layout_it_was_learned_from(tmp_path):
    _, path = _pack(tmp_path)
    n = 2
    a, b, c = STORIES[n]
    res = Cleaner(rules=[path]).clean(_blog_page(n), site="example.com", format="text")
    assert all(p in res.text for p in (a, b, c))
    assert any(r.rule == "example.head" for r in res.removed)


def test_a_block_with_max_words_is_not_there_when_a_longer_line_comes_before_its_end():
    pack = load_text(
        "[pack]\nname = 'x'\n[[rule]]\nid = 'x.head'\nkind = 'block'\nstart = '^Menu$'\nend = '^Share$'\n"
        "max_lines = 20\nmax_words = 6\ndrop = ['Menu\\nNews\\nShare']\n", "<test>")
    (rule,) = pack.rules
    assert rule.extent(["Menu", "News", "Sport", "Share"], 0) == 4
    para = "The harbour board met on Tuesday evening and agreed that the ferry will run twice a day."
    assert rule.extent(["Menu", "News", para, "Share"], 0) == 0


# ---------------------------------------------------------------- an optional marker ahead of the template's

_RELATED = [
    ["Five ways to keep a harbour wall standing", "What the storms cost the coast last winter",
     "Why fishing boats moved to the north quay"],
    ["Libraries that stay open late across the county", "Students ask for quiet places to work",
     "Laptops to borrow from your local branch"],
    ["New seats for the south stand next season", "Season tickets on sale from Monday",
     "What twenty summers do to a plastic seat"],
    ["Cider makers say their stores are full", "Frost on the low ground by the river",
     "How a late frost ruins an orchard's harvest"],
    ["Commuters fear for their morning connections", "Stone trains from the quarry get more room",
     "Have your say on the new timetable"],
]
_BIO = ("Mara Quist is a harbour pilot and writes about the coast for the paper, where she has reported on "
        "the fishing fleet for more than twenty years.")
_NOTE = ("Note: The views and opinions expressed in this article are those of the author and do not necessarily "
         "reflect the opinion or position of the paper.")


def _post(n: int, *, related: bool, bio: bool = False, story: tuple[str, str, str] | None = None) -> str:
    """A post of the blog: an inline "Related:" list on some posts only (its author adds it), a
    guest author's bio below that list on some, then the template's tags and "Related posts" list."""
    a, b, c = story or STORIES[n]
    lines = ["Daily Example Blog", "Home", "News", "Advice", " ".join(a.split()[:6]), f"Date: November {n + 2}, 2012",
             a, b, c]
    if related:
        lines += ["Related:", *_RELATED[n % len(_RELATED)]]
    if bio:
        lines += [_BIO, _NOTE]
    return "\n".join([*lines, f"Tags: harbour, town, story {n}", "Related posts",
                      f"Nov. {n + 4} {n + 3} Responses", "A post from another week of the blog",
                      f"Nov. {n + 5} No Responses", "Another post from another week", "Connect with Us",
                      "Copyright Daily Example Blog"])


def test_an_optional_marker_ahead_of_the_templates_own_is_no_trailer(tmp_path):
    # must not: "Related:" heads a list some posts hold (3 of 5 here), always above the template's
    # "Related posts", with short lines only between them. Cutting at it adds nothing the later
    # marker does not cut but the list; on a guest post, the author's bio below the list went too.
    pages = [Page.from_text(f"p{n}", _post(n, related=n % 2 == 0)) for n in range(5)]
    props = suggest_rules(pages, "example.com")
    trailers = {p.keys["pattern"] for p in props if p.kind == "trailer" and p.enabled}
    assert trailers and "^Related:$" not in trailers, trailers  # a marker of the template's cuts instead
    path = tmp_path / "example.com.toml"
    path.write_text(render_pack(props, "example.com"), encoding="utf-8")
    story = (
        "The harbour board met on Tuesday evening and agreed that the ferry will run twice a day through the winter.",
        "Islanders had asked for a second sailing for years, saying that one crossing a day left them stranded.",
        "The board said that the extra sailing would be paid for by a small rise in the fares charged in summer.",
    )
    res = Cleaner(rules=[path]).clean(_post(1, related=True, bio=True, story=story), site="example.com", format="text")
    base = Cleaner().clean(_post(1, related=True, bio=True, story=story), site="example.com", format="text")
    assert _BIO in base.text and _NOTE in base.text  # the defaults keep them: the pack must not take them
    assert _BIO in res.text and _NOTE in res.text, res.text


def test_a_marker_on_every_page_ahead_of_another_stays_a_trailer():
    # the counterpart: "Related:" on every page is the template's own, and stays the first trailer
    pages = [Page.from_text(f"p{n}", _post(n, related=True)) for n in range(5)]
    trailers = {p.keys["pattern"] for p in suggest_rules(pages, "example.com") if p.kind == "trailer" and p.enabled}
    assert "^Related:$" in trailers, trailers


def test_an_optional_marker_whose_cut_takes_what_the_defaults_keep_stays_on():
    # the counterpart: on a learning page the defaults keep the list below the optional marker (a
    # "TOP HEADLINES" list they take for the article's end): its cut gains that over the later marker
    # and it stays a trailer. Without such a line it gains nothing there.
    from cleaner.suggest import Proposal
    from cleaner.suggest_check import _Context, _gains_above

    lines = ["Home", "The article's own paragraph, long enough to be one.", "TOP HEADLINES", "Ferry to run twice a day",
             "New seats for the stadium", "Related posts", "Copyright"]
    page = Page("p0", lines)
    prop = Proposal("x.trailer", "trailer", "", {"pattern": "^TOP HEADLINES$"}, [], ["TOP HEADLINES"],
                    ahead_of="^Related posts$")
    removed = [{k: "x.trailer" for k in range(2, len(lines))}]
    for kept, gains in (({1, 3, 4}, True), ({1}, False), ({1, 6}, False)):
        ctx = _Context([page], [kept], lambda p, i: False, lambda p, i: [], markers={("x.trailer", 0): 2})
        assert _gains_above(prop, removed, ctx) is gains, kept
