"""`rules suggest`'s self-check: repeated lines that belong to the articles, told by their place.

A site's articles can repeat text of their own: a closing disclaimer or "About the agency"
paragraph, the "Ingredients:" and "Directions:" headings of every recipe. The self-check must not
propose those blindly (they are written switched off, with the evidence), while the furniture
around the article (a "Related posts:" list, a one-sentence notice, a footer below a sidebar) is
still proposed. The first tests run the whole suggestion on hand-made pages; the others put the
context test itself on hand-made lines, with what the defaults keep given.
"""

from __future__ import annotations

from stories import STORIES

from cleaner.ruleset.loader import load_text
from cleaner.suggest import Page, Proposal, render_pack, suggest_rules
from cleaner.suggest_check import _Context, article_ends

_ABOUT = (
    "Example Wire is an independent agency that reports on the councils, courts and harbours of the region. "
    "Its reporters are paid by its readers, and it takes no money from the people and firms it writes about."
)
_NOTICE = "You can follow any responses to this story through the feed of the site."


def _pack_of(props: list[Proposal]):
    return load_text(render_pack(props, "example.com"), "<test>")  # switched-off rules are not loaded


def _acts(pack, line: str) -> bool:
    return any(r.acts_on(line) for r in pack.rules)


def test_a_closing_paragraph_of_every_article_is_not_proposed_blindly():
    # Every release ends with the agency's "About" paragraph, which the defaults keep with the
    # article: it repeats because it belongs to the articles. The menu and the footer repeat
    # because they are furniture, and are proposed.
    pages = [
        Page.from_text(f"p{n}", "\n\n".join([
            "Example Wire", "Home | News | Sport", "Press releases", "Subscribe to our newsletter",
            a, b, c, _ABOUT, "About us", "Contact", "Privacy", "Copyright Example Wire",
        ]))
        for n, (a, b, c) in enumerate(STORIES)
    ]
    props = suggest_rules(pages, "example.com")
    pack = _pack_of(props)
    assert not _acts(pack, _ABOUT)
    for line in ("Subscribe to our newsletter", "Copyright Example Wire"):
        assert _acts(pack, line), line
    kept = {p.id: p for p in props}["example.kept-repeats"]  # shown, switched off, with the evidence
    assert not kept.enabled and any("continues the article" in n for n in kept.notes), kept.notes
    assert "Example Wire is an independent agency" in render_pack(props, "example.com")


def test_headings_of_every_recipe_are_not_proposed_but_the_related_list_is():
    # "Ingredients:" and "Directions:" head parts of every recipe, with the recipe's own text above
    # and below. "Related posts:" heads a list after the recipe that no more recipe text follows.
    ingredients = [
        ["2 cups of flour", "1 egg", "a pinch of salt"],
        ["4 ripe pears", "1 lemon", "3 spoons of honey"],
        ["500 g of beef", "2 onions", "1 bay leaf"],
        ["1 butternut squash", "2 cloves of garlic", "olive oil"],
        ["6 tomatoes", "a bunch of basil", "black pepper"],
    ]
    related = [f"Recipe number {n} of the week" for n in range(8)]
    pages = [
        Page.from_text(f"p{n}", "\n".join([
            "Example Kitchen", "Home | Recipes | About", "", a, "", b, "", "Ingredients:", *ingredients[n], "",
            "Directions:", "", c, "", STORIES[(n + 1) % 5][0], "", "Related posts:", *related[n:n + 3], "",
            "About us", "Contact", "Copyright Example Kitchen",
        ]))
        for n, (a, b, c) in enumerate(STORIES)
    ]
    props = suggest_rules(pages, "example.com")
    pack = _pack_of(props)
    assert not _acts(pack, "Ingredients:") and not _acts(pack, "Directions:")
    assert _acts(pack, "Related posts:")
    by_id = {p.id: p for p in props}
    notes = by_id["example.kept-repeats"].notes
    assert any("heading ending in ':'" in n and "Directions:" in n for n in notes), notes
    # the ingredient list between the two headings is no block of furniture either
    blocks = [p for p in props if p.kind == "block" and p.keys["start"] == "^Ingredients:$"]
    assert blocks and not any(p.enabled for p in blocks)


# -- the context test on hand-made lines ("kept" is what the defaults keep)

_P1 = STORIES[0][0].removesuffix(".") + " last winter and the winter before."
_P2 = STORIES[0][1]


def _context(lines: list[str], kept: set[int], repeated: set[str], outside: frozenset[int] = frozenset(),
             signatures=lambda p, i: []) -> _Context:
    page = Page("p", lines)
    return _Context([page], [kept], lambda p, i: lines[i] in repeated, signatures, outside=[set(outside)])


def _line_rule() -> Proposal:
    return Proposal("example.lines", "line", "test", {"pattern": ["^x$"]}, [], ["x"])


def _why(ctx: _Context, i: int) -> str | None:
    return ctx.against(_line_rule(), 0, i, i)


def test_a_closing_paragraph_past_lines_a_default_rule_removed_counts():
    # "Share this:" and "Facebook" were removed by default rules inside the article: passed over
    lines = [_P1, _P2, "Share this:", "Facebook", _ABOUT, "Comments may be no longer than two thousand characters each."]
    ctx = _context(lines, {0, 1, 4, 5}, {"Share this:", "Facebook", _ABOUT, lines[5]})
    assert "continues the article" in (_why(ctx, 4) or "")
    # the one-sentence line right below the paragraph goes with it
    assert "continues the article" in (_why(ctx, 5) or "")


def test_furniture_next_to_the_article_still_counts_as_furniture():
    repeated = {_NOTICE, _ABOUT, "Related posts:", "Popular this week", "One", "Two", "Three"}
    # a one-sentence notice right below the article is no closing paragraph
    lines = [_P1, _P2, _NOTICE]
    assert _why(_context(lines, {0, 1, 2}, repeated), 2) is None
    # a paragraph below a sidebar the defaults keep too (more than a few lines from the article)
    lines = [_P1, _P2, "Popular this week", *[f"Headline number {n}" for n in range(8)], _ABOUT]
    assert _why(_context(lines, set(range(len(lines))), repeated), len(lines) - 1) is None
    # a paragraph below a sidebar whose only unique line is a one-line blurb, not a paragraph
    lines = ["Applications Newsletter", "Stay informed of the latest news about software and how to manage it.", "Go", _ABOUT]
    assert _why(_context(lines, {0, 1, 2, 3}, repeated | {"Applications Newsletter", "Go"}), 3) is None
    # an author box below the article: a paragraph under a heading of its own
    bio = "Hi, I'm Becky and I live in Atlanta. Besides editing this blog I collect old chairs and restore them for friends."
    lines = [_P1, _P2, "About Becky", bio]
    assert _why(_context(lines, {0, 1, 2, 3}, repeated | {"About Becky", bio}), 3) is None
    # a paragraph past a line the main-text stage dropped: outside the article
    lines = [_P1, _P2, "Popular this week", _ABOUT]
    assert _why(_context(lines, {0, 1, 3}, repeated, outside=frozenset({2})), 3) is None
    # a heading that no more article text follows: the end of the article, a list of links
    lines = [_P1, _P2, "Related posts:", "One", "Two", "Three"]
    assert _why(_context(lines, set(range(6)), repeated), 2) is None
    # nor one that only comments follow
    lines = [_P1, "Related posts:", "One", "Anna 12.07.12 at 10:30", _P2]
    ctx = _context(lines, set(range(5)), repeated, signatures=lambda p, i: [3] if i < 3 else [])
    assert _why(ctx, 1) is None
    # but a heading between the article's parts counts
    lines = [_P1, "Related posts:", "One", _P2]
    assert "heading ending in ':'" in (_why(_context(lines, set(range(4)), repeated), 1) or "")


def test_a_long_heading_ending_in_a_colon_is_no_lead_in():
    lines = [_P1, "Here is what the readers of this site had to say about it:", _P2]
    ctx = _context(lines, {0, 1, 2}, {lines[1]})
    # more than a few words: a sentence, which is between two paragraphs anyway
    assert _why(ctx, 1) == "a repeated line inside the article the defaults keep"
    assert not ctx.leads_in(0, 1)


def test_only_the_main_text_stages_edges_end_the_article():
    # The main-text stage drops lines inside its run too (a page control, a link run): those are
    # passed over like a default rule's removal; the lines before and after the run and an author
    # box end the article.
    gone = [{0: "maintext.before-article", 2: "maintext.control-line", 3: "social.share", 4: "maintext.boilerplate-run",
             5: "maintext.after-article", 6: "maintext.author-box"}, None]
    assert article_ends(gone) == [{0, 5, 6}, set()]


def test_a_closing_paragraph_past_a_page_control_inside_the_article_counts():
    # "Like this:" / "Like" / "Be the first to like this." between the article and its closing
    # paragraph: the main-text stage dropped "Like" as a page control inside the article
    lines = [_P1, _P2, "Like this:", "Like", "Be the first to like this.", _ABOUT]
    repeated = {"Like this:", "Like", "Be the first to like this.", _ABOUT}
    ctx = _context(lines, {0, 1, 2, 4, 5}, repeated, outside=frozenset(article_ends([{3: "maintext.control-line"}])[0]))
    assert "continues the article" in (_why(ctx, 5) or "")
    # must not: the same lines where the stage ended the article at "Like"
    ctx = _context(lines, {0, 1, 2, 4, 5}, repeated, outside=frozenset(article_ends([{3: "maintext.after-article"}])[0]))
    assert _why(ctx, 5) is None


def test_a_line_ending_in_a_link_arrow_is_no_sentence():
    # A post's footer and a post navigation end in a link's "»": not article prose, so a rule that
    # removes them does not count as removing article text.
    footer = "Posted in Health Care Systems, Quality, Italy, Lazio, Regional Policy | No Comments »"
    nav = "« Update from the conference | Main | Why the old rules of the press no longer work in our town »"
    for line in (footer, nav):
        assert _why(_context([_P1, line, _P2], {0, 1, 2}, set()), 1) is None, line
    # must not: a sentence that ends inside French or German quotes is still a sentence
    for line in ("Le maire a déclaré devant le conseil municipal réuni hier soir : « Nous allons reconstruire. »",
                 "Der Bürgermeister sagte am Abend vor dem versammelten Stadtrat: »Wir werden das Haus wieder aufbauen.«",
                 "The mayor told the council that the old harbour wall would be rebuilt before the winter storms."):
        assert _why(_context([_P1, line, _P2], {0, 1, 2}, set()), 1) == "article prose", line


def _shape(plain: bool) -> Proposal:
    return Proposal("example.shape-1", "line", "test", {"pattern": "^x$"}, [], ["x"], plain=plain)


def test_a_plain_words_shape_must_not_take_a_list_item_of_the_article():
    # "<...> using Example Maps" was learned from headlines ending in the product's name; inside an
    # article a list item or caption ends the same way. A line of the article need not end like a
    # sentence to be the article's own: against a shape whose fixed part is plain words, it counts.
    item = "Harbour Foundation - Rainwater Harvesting Tool: Calculate Your Drinking Water using Example Maps"
    lines = [_P1, "The winners of this year's grants are these four projects:", item, "Second project of the list",
             _P2]
    ctx = _context(lines, set(range(len(lines))), set())
    assert "plain words" in (ctx.against(_shape(True), 0, 2, 2) or "")
    # must not: a shape with a marked fixed part ("READ: <headline>") is an insert, not the article's
    # own line; nor a line below the article that no article text follows (a post navigation)
    assert ctx.against(_shape(False), 0, 2, 2) is None
    nav = "Previous Post The Many Colors of Squash and Other Autumn Vegetables at the Market"
    lines = [_P1, _P2, nav, "Next Post"]
    assert _context(lines, set(range(len(lines))), set()).against(_shape(True), 0, 2, 2) is None
    # nor a short line inside the article (a shape fitting a byline such as "Posted by <name>")
    lines = [_P1, "Posted by Anna Berg", _P2]
    assert _context(lines, {0, 1, 2}, set()).against(_shape(True), 0, 1, 1) is None
