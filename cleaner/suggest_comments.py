"""Where a comment section starts below a trailer marker, for the miner and the self-check alike.

Comments come under dated signatures ("Nathan 07.16.12 at 21:35", found by the miner). Most blogs
print a comment's text below its signature, some above it ("Anna said... <text> 5:30 PM"): then
the first comment's text lies between the marker and the first signature. Text there counts as
comments when it is no longer than twice the longest comment between two signatures; a recipe or
a postscript between the marker and the comments is longer, and is the article's.
"""

from __future__ import annotations

from collections.abc import Sequence


def comments_start(lines: Sequence[str], marker: int, sigs: Sequence[int]) -> int:
    """The first line of the comment section below line `marker`, given the signatures below it
    (`sigs`, ascending): the line right after the marker when the text up to the first signature is
    a comment's size, else the first signature. `len(lines)` when there are no signatures."""
    if not sigs:
        return len(lines)
    size = [sum(len(lines[k]) for k in range(a + 1, b)) for a, b in zip(sigs, sigs[1:], strict=False)]
    between = sum(len(lines[k]) for k in range(marker + 1, sigs[0]))
    return marker + 1 if between <= 2 * max(size, default=0) else sigs[0]
