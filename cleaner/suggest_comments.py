"""What the site-pack suggester reads as a comment thread, and where it starts below a marker.

A comment's signature carries a date or a time ("thecrus8r • 15 minutes ago", see
`suggest_dates.stamped`), and so does many an article's byline ("By Paul Gorst | Goal.com – 1 hour
10 minutes ago"): on a news site both can share one shape. Taken for the first signature of a
thread, the byline turns the article below it into readers' text, and a sidebar heading above the
article ("Discover ... With Your Friends") passes for a trailer marker with only comments after it.
The byline is told by where it stands: no real paragraph of the page comes before it, and the text
between it and the next signature holds most of the page's paragraphs (the article). A comment
comes after an article and is one of several of its size, not most of the page.

Most blogs print a comment's text below its signature, some above it ("Anna said... <text> 5:30
PM"): then the first comment's text lies between a trailer marker and the first signature. Text
there counts as comments when it is no longer than twice the longest comment between two
signatures; a recipe or a postscript between the marker and the comments is longer, and is the
article's. The miner and the self-check (`suggest_check`) share this reading.
"""

from __future__ import annotations

from collections.abc import Sequence


def opens_article(sigs: Sequence[int], para: Sequence[int]) -> bool:
    """The first of these signature lines (ascending line numbers) is the article's byline: no
    paragraph characters before it, and more than half the page's paragraph characters between it
    and the next signature (or the page's end). `para`: prefix sums of paragraph characters over
    the page's lines (`para[k]` counts lines 0..k-1; one entry more than there are lines)."""
    if not sigs or para[-1] <= 0:
        return False
    first = sigs[0]
    nxt = sigs[1] if len(sigs) > 1 else len(para) - 1
    return para[first] == 0 and 2 * (para[nxt] - para[first + 1]) > para[-1]


def thread(sigs: Sequence[int], para: Sequence[int]) -> list[int]:
    """The signatures of a comment thread among `sigs`: the article's byline left out (see
    `opens_article`), and [] unless at least two remain (a lone stamped line is no thread)."""
    out = list(sigs[1:]) if opens_article(sigs, para) else list(sigs)
    return out if len(out) >= 2 else []


def comments_start(lines: Sequence[str], marker: int, sigs: Sequence[int]) -> int:
    """The first line of the comment section below line `marker`, given the signatures below it
    (`sigs`, ascending): the line right after the marker when the text up to the first signature is
    a comment's size, else the first signature. `len(lines)` when there are no signatures."""
    if not sigs:
        return len(lines)
    size = [sum(len(lines[k]) for k in range(a + 1, b)) for a, b in zip(sigs, sigs[1:], strict=False)]
    between = sum(len(lines[k]) for k in range(marker + 1, sigs[0]))
    return marker + 1 if between <= 2 * max(size, default=0) else sigs[0]
