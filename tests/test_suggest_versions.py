"""`rules suggest`'s self-check: one closing paragraph in versions gets one verdict.

A site can end every article with the same paragraph in two versions (a comment policy whose last
sentence changed one day). The self-check finds the version below long articles to be the
articles' own (`_Context.closes_article`), but cannot read the pages of the other version when
those are one-paragraph posts (a photo post: one short paragraph, then captions). Both versions
are one paragraph: neither is proposed switched on.
"""

from __future__ import annotations

from stories import STORIES

from cleaner.ruleset.loader import load_text
from cleaner.suggest import Page, render_pack, suggest_rules

_POLICY = ("Comment policy: keep your comments on the topic of the story and be kind to other readers. "
           "Comments that insult anyone or share someone's address will be removed by our moderators. ")
_OLD = _POLICY + "To report a comment, email the moderators at the address on our contact page."
_NEW = _POLICY + "Use the flag button under a comment to report it to the moderators."
_POSTS = [  # one short paragraph and the photos' credits
    ("Readers sent us their photos of the storm over the harbour. Which one is the best?",
     ["(Anna Berg)", "(Tom Hale)", "(Jo Marsh)"]),
    ("The new footbridge opened on Saturday, and hundreds walked across it.", ["(Sam Reed)", "(Ivy Cole)"]),
    ("Here are the best costumes of the town's winter parade. Vote for yours!", ["(Lena Fox)", "(Max Hart)", "(Ruth Lane)"]),
    ("The lifeboat crew trained in the bay this morning, watched by a crowd.", ["(Nora Vale)", "(Ben Shaw)"]),
    ("Our photographer spent a night at the lighthouse. These are the pictures.", ["(Carl Dunn)", "(Ada Moss)", "(Eli Pratt)"]),
]


def _page(n: int, body: list[str], policy: str) -> Page:
    return Page.from_text(f"p{n}", "\n\n".join([
        "Example Harbour News", "Home | News | Photos | Sport", f"Story number {n} of the week",
        *body, "Share this:", "Facebook", "Twitter", policy,
        "About us", "Contact", "Privacy", "Copyright Example Harbour News",
    ]))


def test_both_versions_of_a_closing_paragraph_are_kept():
    # Stories end with the old version, photo posts with the new one.
    pages = []
    for n, (a, b, c) in enumerate(STORIES):
        pages.append(_page(2 * n, [a, b, c], _OLD))
        text, credits = _POSTS[n]
        pages.append(_page(2 * n + 1, [text, *credits], _NEW))
    props = suggest_rules(pages, "example.com")
    pack = load_text(render_pack(props, "example.com"), "<test>")  # switched-off rules are not loaded
    for line in (_OLD, _NEW):
        assert not any(r.acts_on(line) for r in pack.rules), line[-50:]
    assert any(r.acts_on("Copyright Example Harbour News") for r in pack.rules)  # the footer still goes
    kept = {p.id: p for p in props}["example.kept-repeats"]
    assert not kept.enabled
    assert any("in another version" in n for n in kept.notes), kept.notes


def test_versions_share_whole_opening_sentences():
    from cleaner.suggest_check import versions

    assert versions([_OLD, "Home", _NEW]) == {_OLD: _OLD, _NEW: _OLD}
    # must not: the same first sentence only (under twenty words), then another paragraph
    other = _POLICY.split(". ")[0] + ". We read every comment before it appears, which can take a day or two at weekends."
    assert versions([_OLD, other]) == {}
    # must not: a long common opening that parts inside a sentence
    editors = _OLD.replace("removed by our moderators.", "removed by our editors.")
    assert versions([_OLD, editors]) == {}
    # must not: a line of one sentence is no paragraph, even when another line opens with it
    one = _POLICY.replace(". Comments", ", and comments").strip()
    assert versions([one, one + " Thank you for reading."]) == {}
