"""`rules suggest`, tenth session: a line held in brackets is no site furniture, whatever its
words (hand-written pages; nothing here needs the evaluation data)."""

from __future__ import annotations

import regex
from proposals import patterns
from stories import STORIES

from cleaner.suggest import Page, _meaningful, suggest_rules

_CREDITS = ["[Via Collider ]", "[Source: Plaited Jeans ]", "[ Via TN ]", "[ Moving Mind Studio ]",
            "(Photo: Harbour Gazette )", "[Thanks to Anna for the tip ]"]


def _credited(n: int) -> Page:
    a, b, c = STORIES[n]
    return Page.from_text(f"p{n}", "\n".join([
        "Geek Blog", "Home", "Archives", a, b, c, _CREDITS[n % len(_CREDITS)],
        f"November {n + 3}, 2012 Geek Blog Humor {n} Comments", "Post navigation", "Leave a Reply",
        "Copyright Geek Blog",
    ]))


def test_a_bracketed_credit_is_not_generalised_into_a_shape():
    # must not: each article ends with its own credit in brackets ("[Via Collider ]", "[Source: ...]").
    # The brackets are all the credits share; a shape of them alone ("^\S.* \]$") would cut any
    # bracketed line of an unseen article: a credit, an update, an editor's note.
    pages = [_credited(n) for n in range(5)]
    unseen = ["[Via The Verge ]", "[Update: the council has since answered our questions. ]", "(Photo: AP )"]
    for pat in patterns(suggest_rules(pages, "geeks.example"), enabled_only=True):
        assert not [u for u in unseen if regex.search(pat, u)], pat


def test_brackets_alone_are_no_fixed_part_but_a_word_in_them_may_be():
    assert not _meaningful(["[", "]"])
    assert not _meaningful(["]"])
    assert not _meaningful(["("])
    assert _meaningful(["[Advertisement]"])
    assert _meaningful(["[", "Read", "more"])
