"""The main-text stage's run choice, anchored at the headline.

The best run (maximum subarray of line scores) is the page's longest stretch of prose. On most
pages that is the article; on some it is not: a stacked page (infinite scroll: the next article
is loaded below this one, after its tag line and "related" box), a consent or newsletter text
above the headline, or a long teaser box under the comments. The article sits under its
headline, the line repeating the page title. When the best run lies beyond a heading that closes
an article (a barrier) below the headline, or ends before the headline, and the headline's own
run (from the headline to the first barrier after it) holds real prose, the headline's run is the
article. A headline followed by a few lines (a standfirst, a byline) and then a barrier does not
reach `headline_min_total`: the best run keeps its place (an article split from its headline by
a "Comments (3)" link or a share bar).

No word of any language is used; the key is in `rules/common/maintext_anchor.toml`.
"""

from __future__ import annotations

from collections.abc import Callable


def headline_run(scores: list[float], heads: list[int], a: int, b: int, barrier: float, least: float,
                 best: Callable[[list[float]], tuple[int, int, float]], barriers: int = 2,
                 share: float = 0.0, total: float = 0.0) -> tuple[int, int, float] | None:
    """(start, end exclusive, total) of the run below the first headline in `heads` (line
    numbers of page-title repeats) when it should replace the best run [a, b), else None.

    It replaces it when the best run starts past at least `barriers` barrier headings (score at
    most `-barrier`) below the headline (one "Comments (3)" link under a byline does not part an
    article from its headline; the next article of a stacked page lies past its predecessor's
    tags and related box), or ends above the headline, and the best run between the headline and
    its first barrier (found by `best`) totals at least `least` and `share` of the best run's
    `total`, and starts at the headline (an article is not a tenth of a page's prose; a headline
    repeated in a footer below the article has little prose under it).

    >>> from cleaner.maintext import best_run
    >>> s = [20, 30, 25, -40, -7, 50, 60, -7]
    >>> headline_run(s, [0], 5, 7, 40.0, 60.0, best_run) is None  # one barrier between
    True
    >>> headline_run(s, [0], 5, 7, 40.0, 60.0, best_run, barriers=1)
    (0, 3, 75)
    >>> headline_run(s, [0], 5, 7, 40.0, 80.0, best_run, barriers=1) is None
    True
    >>> headline_run([20, -7, -40, 50, 60], [0], 3, 5, 40.0, 60.0, best_run, barriers=1) is None
    True
    >>> headline_run([-7, 60, -7, 20, 30, 40, -40], [3], 1, 2, 40.0, 60.0, best_run)  # best run above
    (3, 6, 90)
    """
    if not least or not heads:
        return None
    h = heads[0]
    if a <= h < b:
        return None
    n = len(scores)
    z = next((k for k in range(h + 1, n) if scores[k] <= -barrier), n)
    if b <= h or sum(1 for k in range(z, a) if scores[k] <= -barrier) >= barriers:
        x, y, t = best(scores[h:z])
        if x == 0 and y > x and t >= max(least, share * total):
            return h, h + y, t
    return None
