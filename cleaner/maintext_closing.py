"""The main-text stage's edge extension for a short sentence right below (or above) the article.

A post often ends with a short sentence of its own: "Ich hoffe, euch gefällt der Relaunch.",
"Vielen Dank für das Gespräch!", "Und, hast du dein Ikigai schon gefunden?". With fewer words than
a line costs (`line_cost`) it scores below zero, and the article's run, which only takes lines
that add to its total, ends one line too early.

A line right below the run (at most one blank line between) is taken in when it ends like a
sentence, has `closing_min_words` to `closing_max_words` words, reads as prose (its word weight,
the share of the language's function words, reaches `closing_min_weight`; a boilerplate word
lowers it), no rule removed it and it holds no date. Up to `closing_max_lines` such lines.
A line ending in a colon leads into what follows it, and one ending in a detached arrow ("See
more video »") is a link: neither is taken. The same holds, up to `opening_max_lines` lines, right
above the run: a short opening sentence ("Ihr kennt es sicher auch!").

No word of any language is used; the keys are in `rules/common/maintext_closing.toml`.
"""

from __future__ import annotations

from collections.abc import Callable


def _sentence(line: str) -> bool:
    """Not a lead-in (colon, semicolon) and not a link with a detached arrow ("Mehr »").

    >>> _sentence("Ich hoffe, es gefällt euch."), _sentence("Weitere Beiträge:"), _sentence("See more video »")
    (True, False, False)
    >>> _sentence("Bonne lecture !")
    True
    """
    return not line.endswith((":", ";", " »", " ›", " >"))


def _short_sentence(k: int, line: Callable[[int], str], alive: Callable[[int], bool], dated: Callable[[int], bool],
                    scores: list[float], sizes: list[int], ends: list[bool], line_cost: float,
                    min_words: int, max_words: int, min_weight: float) -> bool:
    """Line number k is a short sentence of prose (see module doc); its word weight is recovered
    from its score (`score = words * weight - line_cost`)."""
    return (alive(k) and ends[k] and min_words <= sizes[k] <= max_words and _sentence(line(k)) and not dated(k)
            and (scores[k] + line_cost) / sizes[k] >= min_weight)


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
    while (b < n and taken < most and gap(b - 1) <= 2
           and _short_sentence(b, line, alive, dated, scores, sizes, ends, line_cost, min_words, max_words, min_weight)):
        b += 1
        taken += 1
    return b


def opening_start(a: int, line: Callable[[int], str], alive: Callable[[int], bool], gap: Callable[[int], int],
                  dated: Callable[[int], bool], scores: list[float], sizes: list[int], ends: list[bool],
                  line_cost: float, *, min_words: int, max_words: int, min_weight: float, most: int) -> int:
    """The run's new start for a run starting at `a`: short sentences right above it (see
    `closing_end`).

    >>> text = ["Startseite", "Ihr kennt es sicher auch!", "..."]
    >>> opening_start(2, text.__getitem__, lambda k: True, lambda k: 2, lambda k: False, [-7.0, -2.0, 30.0],
    ...               [1, 5, 37], [False, True, True], 7.0, min_words=2, max_words=8, min_weight=0.9, most=2)
    1
    """
    taken = 0
    while (a > 0 and taken < most and gap(a - 1) <= 2
           and _short_sentence(a - 1, line, alive, dated, scores, sizes, ends, line_cost, min_words, max_words, min_weight)):
        a -= 1
        taken += 1
    return a
