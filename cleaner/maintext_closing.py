"""The main-text stage's end extension for a short closing sentence right below the article.

A post often ends with a short sentence of its own: "Ich hoffe, euch gefällt der Relaunch.",
"Vielen Dank für das Gespräch!", "Und, hast du dein Ikigai schon gefunden?". With fewer words than
a line costs (`line_cost`) it scores below zero, and the article's run, which only takes lines
that add to its total, ends one line too early.

A line right below the run (at most one blank line between) is taken in when it ends like a
sentence, has `closing_min_words` to `closing_max_words` words, reads as prose (its word weight,
the share of the language's function words, reaches `closing_min_weight`; a boilerplate word
lowers it), no rule removed it and it holds no date. Up to `closing_max_lines` such lines.

No word of any language is used; the keys are in `rules/common/maintext_closing.toml`.
"""

from __future__ import annotations

from collections.abc import Callable


def closing_end(b: int, n: int, line: Callable[[int], str], alive: Callable[[int], bool], gap: Callable[[int], int],
                dated: Callable[[int], bool], scores: list[float], sizes: list[int], ends: list[bool], line_cost: float, *,
                min_words: int, max_words: int, min_weight: float, most: int) -> int:
    """The run's new end (exclusive) for a run ending at `b` of `n` lines (see module doc).
    `gap(k)`: raw lines from line number k to k + 1; a line's word weight is recovered from its
    score (`score = words * weight - line_cost`). A line ending in a colon or semicolon leads into
    what follows (a list, links: "Weitere Beiträge aus der Kolumne:") and is not taken.

    >>> scores, sizes, ends = [30.0, -2.0, -3.0, -7.0], [37, 5, 4, 1], [True, True, False, False]
    >>> text = ["...", "Ich hoffe, es gefällt euch.", "Teilen", "Impressum"]
    >>> closing_end(1, 4, text.__getitem__, lambda k: True, lambda k: 2, lambda k: False, scores, sizes, ends, 7.0,
    ...             min_words=2, max_words=8, min_weight=0.9, most=2)
    2
    """
    taken = 0
    while b < n and taken < most and gap(b - 1) <= 2:
        k = b
        if not (alive(k) and ends[k] and min_words <= sizes[k] <= max_words) or line(k).endswith((":", ";")) or dated(k):
            break
        if (scores[k] + line_cost) / sizes[k] < min_weight:
            break
        b += 1
        taken += 1
    return b
