"""`rules suggest`: dates are each page's own (no furniture line, no end of the page head), a
recipe's headings and ingredient list are the article's, and what readers write in comment
sections is not the site's template (hand-written pages; nothing here needs the evaluation data)."""

from __future__ import annotations

from proposals import patterns
from stories import STORIES

from cleaner.suggest import Page, Proposal, _Miner, suggest_rules
from cleaner.suggest_check import _Context
from cleaner.suggest_dates import dateish, stamped

# -- dates


def test_dates_and_signatures_are_told_from_quantities_and_notices():
    assert dateish("November #, #") and dateish("Tuesday, # November #") and dateish("Posted on # Nov #")
    assert dateish("Mittwoch, #. Dezember #")  # month names come from the shipped date packs
    # must not: a notice that names a month among many words, a line without a number, a count
    assert not dateish("Pre-order the Letters of Note book, out May #, by clicking here.")
    assert not dateish("November") and not dateish("# comments")
    # nor a list of months, the site's own archive ("Select Month October # September # ...")
    assert not dateish("Select Month October # September # August #")
    assert not dateish("Archives September (#) July (#) June (#)")
    assert stamped("Nathan 07.16.12 at 21:35") and stamped("Erin — July 11th, 2012, 12:28 pm")
    assert stamped("Anna Berg November 12, 2012") and stamped("Anna Berg 3 hours ago")
    # must not: quantities are no stamp
    assert not stamped("1/2 cup olive oil") and not stamped("3 Eggs") and not stamped("2 oz. (60ml) Espresso")


_DAYS = ["Thursday, 1 November 2012", "Tuesday, 6 November 2012", "Wednesday, 7 November 2012",
         "Thursday, 8 November 2012", "Tuesday, 13 November 2012"]
_LETTER_DATES = ["November 23, 1928", "November 28, 1967", "November 16, 1988", "November 1, 2012", "November 5, 1944"]


def _letters_page(n: int) -> Page:
    """A blog of letters: the post's date, its headline, an introduction, then the letter with its
    own date above the greeting."""
    a, b, c = STORIES[n]
    return Page.from_text(f"p{n}", "\n".join([
        "Example Letters", "Home", "About", "Archives", _DAYS[n], f"Letter number {n}", a,
        "12 High Street,", "Harbourtown", _LETTER_DATES[n], "Dear friend,", b, c, "Yours,",
        "Newer Post Older Post Home", "Comments are now closed.", "Copyright Example Letters"]))


def test_a_date_shared_by_chance_is_no_furniture_line():
    # The pages were all written in November: "November #, #" and "<day>, # November #" repeat only
    # because numbers are generalised. They are each page's own dates (a letter's, the post's) and
    # would fit no page of another month: no line rule proposes them.
    props = suggest_rules([_letters_page(n) for n in range(5)], "example.com", self_check=False)
    pats = patterns(props)
    assert not [p for p in pats if "November" in p], pats
    # must not: the site's own repeated lines are still proposed
    assert r"^Newer Post Older Post Home$" in pats and r"^Archives$" in pats


_TOPICS = ["Harbour", "Library", "Stadium", "Orchards", "Trains"]
_NAMES = ["Anna Berg", "Ben Costa", "Carla Dahl", "Dmitri Evans", "Elena Fischer", "Farid Garcia", "Greta Holm"]


def _news_page(n: int) -> Page:
    """A news page: the site's menu, then the page's own breadcrumb, date (all pages of one day),
    headline, standfirst and byline, then the article."""
    a, b, c = STORIES[n]
    menu = ["Example News", "World", "Business", "Science", "Sport", "Opinion", "Video", "More sections",
            "View all sections"]
    return Page.from_text(f"p{n}", "\n".join([
        *menu, f"Home / News / {_TOPICS[n]}", "November 06, 2012", f"{_TOPICS[n]} in the news today",
        f"What the {_TOPICS[n].lower()} story means for the town", f"By {_NAMES[n]} | Example Wire", "Print |", ".",
        a, b, c, "Print |", "About us", "Contact", "Copyright Example News"]))


def test_the_page_head_does_not_end_at_the_pages_date():
    # The repeated line right above the page's own lines is its date (the pages are of one day):
    # a head ending there would fit no page of another day and end, on one, at a date in the
    # article. The head ends at the site's last menu line instead, a little further up.
    props = suggest_rules([_news_page(n) for n in range(5)], "example.com", self_check=False)
    heads = [p for p in props if p.id.endswith(".head")]
    assert heads and heads[0].keys["end"] == "^View all sections$", [p.keys for p in heads]
    assert "1 to 10 lines" in heads[0].notes[0]
    assert not [p for p in patterns(props) if "November" in p]


# -- a recipe's own structure

_INTRO = ("We made this soup on a cold evening, and it has become the dish that our friends ask for whenever "
          "they come to dinner in the winter.")
_STEP = "Heat the oil in a large pot, add the onion and the garlic, and cook them gently for about three minutes."
_INSERT = "READ: Ten soups for a cold winter evening"


def _lines_context(lines: list[str], repeated: set[str]) -> _Context:
    return _Context([Page("p", lines)], [set(range(len(lines)))], lambda p, i: lines[i] in repeated,
                    lambda p, i: [], outside=[set()])


def _shape(pattern: str) -> Proposal:
    return Proposal("example.shape-1", "line", "test", {"pattern": pattern}, [], ["x"])


def test_a_recipes_second_heading_below_a_long_list_is_the_articles():
    # "Directions:" sits below an ingredient list longer than the few lines the check looks up for
    # the article's paragraph; "Ingredients:" above the list is the article's heading, so is it.
    items = ["1/2 cup olive oil", "6 cloves garlic, peeled", "2 medium onions, minced", "5 cups of stock",
             "2 ripe pears, diced", "1 teaspoon sea salt", "1/4 teaspoon black pepper", "fresh chives"]
    lines = [_INTRO, "Ingredients:", *items, "Directions:", _STEP, STORIES[0][0]]
    ctx = _lines_context(lines, {"Ingredients:", "Directions:"})
    rule = Proposal("example.middle-lines", "line", "test", {"pattern": ["^Directions:$"]}, [], ["x"])
    assert ctx.leads_in(0, 1)
    assert ctx.against(rule, 0, lines.index("Directions:"), 0) is not None
    # must not: a "Related posts:" heading below the article, with no article text after its list
    lines = [_INTRO, STORIES[0][0], "Related posts:", *items]
    ctx = _lines_context(lines, {"Related posts:"})
    assert ctx.against(rule, 0, 2, 0) is None


def test_a_shape_that_fits_an_ingredient_list_inside_the_article_counts_against_it():
    items = ["1/2 cup olive oil", "1/2 cup brown sugar", "3 eggs", "1/3 cup water", "2 cups flour"]
    lines = [_INTRO, "Ingredients:", *items, "Directions:", _STEP]
    ctx = _lines_context(lines, {"Ingredients:", "Directions:"})
    why = ctx.against(_shape(r"^\d+/\d+ cup\s+\S.{0,83}$"), 0, 2, 2)
    assert why is not None and "list" in why
    # must not: an insert between two paragraphs ("READ: ...") is the site's, not a list's item
    lines = [_INTRO, _INSERT, _STEP, STORIES[0][0]]
    ctx = _lines_context(lines, set())
    assert ctx.against(_shape(r"^READ:\s+\S.{0,80}$"), 0, 1, 1) is None


def test_ingredient_quantities_are_no_comment_signatures():
    # A shape of numbers ("1/2 cup ...") recurs below "Ingredients:" and nowhere above it, like a
    # comment's signature: without a date or a time it is no signature, and the recipe below the
    # heading is no comment section.
    pages = []
    for n in range(4):
        foods = ("olive oil", "sugar", "water", "milk", "flour", "rice", "butter", "honey", "oats", "cream")
        items = [f"1/2 cup {x}" for x in foods[2 * n: 2 * n + 3]]
        lines = ["Example Kitchen", "Home", "Recipes", STORIES[n][0], "Ingredients:"]
        for item in items:
            lines += [item, "a pinch of salt"]
        lines += ["Directions:", _STEP, "Copyright Example Kitchen"]
        pages.append(Page.from_text(f"p{n}", "\n".join(lines)))
    m = _Miner(pages, 0.5)
    literals = m.literals()
    shapes = m.shapes()
    assert [pat for pat, *_ in shapes if "cup" in pat]  # the case at hand: the shape is found
    m.group(literals, shapes)
    assert all(not m.signatures(p, 4) for p in range(4))


# -- readers' words in comment sections

_SAYS = ["What a lovely story, thank you for telling it.", "I read it twice and laughed both times.",
         "My grandmother used to say the same thing.", "Please write more about this next week."]


def _commented_page(n: int) -> Page:
    """A blog post with a comment section in which readers greet the author, sign off, and paste
    the headers of a mail; the site prints "Reply" under every comment and a form below them all."""
    a, b, c = STORIES[n]
    lines = ["Example Blog", "Home", "Archives", f"READ: Another story number {n}", a, b, c,
             f"READ: More from the harbour, part {n}", f"{4 + n} comments"]
    for k in range(4 + n):
        lines.append(f"{_NAMES[(k + n) % len(_NAMES)]} — July {k + 3}th, 2012, {k + 1}:1{k} am")
        if k == 1:
            lines += ["Hi Tim,", _SAYS[(k + n) % len(_SAYS)], "Thanks."]
        elif k == 2 and n % 2 == 0:
            lines += [f"To: Councillor {_NAMES[n]}", f"Subject: RE: The {_TOPICS[n].lower()} story", _SAYS[n % 4]]
        else:
            lines.append(_SAYS[(k + n) % len(_SAYS)])
        lines.append("Reply")
    lines += ["Leave a Comment", "Name (required)", "Copyright Example Blog"]
    return Page.from_text(f"p{n}", "\n".join(lines))


def test_shapes_of_what_readers_write_in_comment_sections_are_not_the_sites():
    # Mail headers that readers paste into their comments repeat in shape across pages, but only
    # below the first comment's signature: an article may hold the same lines ("To: <...>"), so no
    # shape is made of them.
    props = suggest_rules([_commented_page(n) for n in range(5)], "example.com", self_check=False)
    pats = patterns(props)
    assert not [p for p in pats if p.startswith(("^To:", "^Subject:"))], pats
    # must not: the site's own lines there and its inserts above stay, and so do the signatures
    assert r"^Reply$" in pats and r"^Leave a Comment$" in pats
    assert [p for p in pats if p.startswith("^READ:")]
    assert [p for p in pats if p.endswith(r"\d+:\d+ am$")], pats
