"""The main-text stage's fallback for short posts: the article is what follows the headline.

The headline line (the page title repeated above the article) earns a bonus, so that the
article's run likes to start there. On a page whose post is a few short lines (a recipe's list,
a poem, a three-line quote) no line of prose outweighs its cost, and the best run is the
headline alone; once its edges are trimmed nothing is left. Keeping the whole page then (the
stage's old answer) keeps every menu, comment form and footer. The post is instead taken to be
what lies between the headline and the next heading that closes an article ("Comments",
"Share this", "Gefällt mir"), which is how blog pages are laid out.
"""

from __future__ import annotations


def below_headline(scores: list[float], head: int, barrier_cost: float) -> tuple[int, int]:
    """(start, end exclusive) of the lines after line number `head` (the headline) up to the
    first barrier heading (score at most `-barrier_cost`), or to the end of the page.

    >>> below_headline([-7, 20, -1, 3, -40, 5], 1, 40.0)
    (2, 4)
    >>> below_headline([20, -1, -2], 0, 40.0)
    (1, 3)
    """
    end = next((k for k in range(head + 1, len(scores)) if scores[k] <= -barrier_cost), len(scores))
    return head + 1, end
