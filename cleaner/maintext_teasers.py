"""Teasers above the headline: where the article's run starts when it holds the headline.

The headline line (the page title repeated above the article) earns a bonus so that the
article's run likes to start there. On a news page the headline is often right below a list of
teasers (the section's latest stories, each a headline glued to its summary, or a summary cut off
with an ellipsis): those lines read like prose, score above zero, and the bonus joins them to the
article below, so the whole list is kept. Where a page lays out an article, the headline is its
top: what the run holds above it is a kicker, a teaser list or a promo, rarely article text.

So when the run holds the page's first repeat of the title and the lines above it in the run
bring in less than the lines below it (their positive scores, `headline_start_share` of them),
the run starts at the headline. A title that repeats earlier on the page (a site name used as the
page title, shown in the header too) is no such anchor, and an article whose headline sits at its
bottom (a share box repeating it) keeps its run: the prose below the headline must outweigh the
prose above. No word of any language is used; the key is in `rules/common/maintext_teasers.toml`.
"""

from __future__ import annotations


def headline_start(scores: list[float], a: int, b: int, head: int | None, first: int | None, share: float) -> int:
    """The run's start: `head` (line number of the headline in the run [a, b)) when it is the
    page's first title repeat (`first`) and the positive scores above it in the run sum to less
    than `share` times those below it; else `a`.

    >>> headline_start([9, 8, 20, 30, 40], 0, 5, 2, 2, 1.0)
    2
    >>> headline_start([90, 8, 20, 30, 40], 0, 5, 2, 2, 1.0)
    0
    >>> headline_start([9, 8, 20, 30, 40], 0, 5, 2, 1, 1.0)
    0
    """
    if not share or head is None or head <= a or head != first:
        return a
    above = sum(s for s in scores[a:head] if s > 0)
    below = sum(s for s in scores[head + 1:b] if s > 0)
    return head if above < share * below else a
