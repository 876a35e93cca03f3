"""The main-text stage's block choice: prose under the headline kept beside the best run.

The best run (maximum subarray of line scores) is one stretch of the page. On many pages the
article is two stretches: the prose right under the headline (a standfirst, an introduction)
and the body, parted by a block of short lines that costs more than the first stretch brings
in: a byline with share buttons and a "Comments (3)" link, a paywall's offer box, a table of
contents. Kadane's run cannot cross such a gap, and the secondary-run rule (a second run nearly
as strong as the best) does not take a stretch a tenth of the body's size. What marks the first
stretch as the article's is its place: it opens within a few lines below the headline (the line
repeating the page title), above the body's run, and no more than `max_barriers` closing
headings lie between (one comment-count link under a byline; a stacked page's next article
lies past two or more).

No word of any language is used; the keys are in `rules/common/maintext_blockchoice.toml`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence


def headline_block(scores: Sequence[float], ends: Sequence[bool], heads: Sequence[int], a: int,
                   best: Callable[[list[float]], tuple[int, int, float]], *, barrier: float,
                   max_lead: int, min_total: float, max_barriers: int = 1) -> tuple[int, int] | None:
    """(start, end exclusive) of the prose stretch right under the headline, when the article's
    run [a, ...) starts further down; else None.

    `heads` are line numbers of page-title repeats; the last one above `a` is the headline. The
    stretch is the best run (by `best`) between the headline and `a`, cut at the first barrier
    heading (score at most `-barrier`); it must start within `max_lead` lines below the
    headline (past a byline and a date, not a teaser further down), open with a line ending
    like a sentence, and total at least `min_total` (the headline's own bonus not counted). At
    most `max_barriers` barrier headings may lie between the headline and `a`.

    >>> from cleaner.maintext import best_run
    >>> s = [20, 15, -7, -7, -40, -7, 50, 60]
    >>> e = [False, True, False, False, False, False, True, True]
    >>> headline_block(s, e, [0], 6, best_run, barrier=40.0, max_lead=3, min_total=10.0)
    (1, 2)
    >>> headline_block(s, e, [0], 6, best_run, barrier=40.0, max_lead=3, min_total=20.0) is None
    True
    >>> headline_block(s, e, [0], 6, best_run, barrier=40.0, max_lead=3, min_total=10.0, max_barriers=0) is None
    True
    >>> headline_block([20, -7, -7, -7, 15, -7, 50], [False] * 4 + [True] * 3, [0], 6, best_run,
    ...                barrier=40.0, max_lead=3, min_total=10.0) is None  # too far below the headline
    True
    """
    if not min_total:
        return None
    h = max((k for k in heads if k < a), default=None)
    if h is None or a - h < 2:
        return None
    if sum(1 for k in range(h + 1, a) if scores[k] <= -barrier) > max_barriers:
        return None
    z = next((k for k in range(h + 1, a) if scores[k] <= -barrier), a)
    x, y, t = best(list(scores[h + 1:z]))
    if y <= x or x >= max_lead or t < min_total:
        return None
    x, y = h + 1 + x, h + 1 + y
    if not ends[x]:
        return None
    return x, y
