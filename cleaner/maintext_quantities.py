"""The main-text stage's start refinement for lists of quantities just above the article.

A recipe's ingredients ("125 g Mehl", "1 Pck. Backpulver", "1/4 cup butter") stand above its
steps as a block of short lines without sentence ends: each scores below zero, so the article's
run starts at the first step and the list is lost. The same holds for a spec sheet of figures
above a product text. Such a list is told by its shape alone: at least `quantity_min_lines` short
lines (up to `quantity_max_words` words) that open with a number (`quantity_pattern`), with at
most `quantity_max_gap` other lines between them and the run ("Für die Füllung:", "Zubereitung",
"etwas Fett"). The run's start moves up to the list's first quantity line.

What stops the walk up: a barrier heading, a line of prose (a standfirst or another text: the list
must touch the run), a line holding a date (`Lexicon.dated`: dated teasers, bylines), or too many
other lines. An enumeration is no list of quantities: when most lines' numbers count up by one
("1 Einleitung", "2 Methoden", gallery counters "1/199", "2/199"), nothing moves.

No word of any language is used; the keys are in `rules/common/maintext_quantities.toml`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

_LEAD_NUMBER = re.compile(r"\d+")


@lru_cache(maxsize=32)
def compiled(pattern: str) -> re.Pattern[str]:
    """The `quantity_pattern` of the rule files, compiled once."""
    return re.compile(pattern)


def _counts_up(lines: list[str]) -> bool:
    """True when most of the lines' leading numbers are one more than the line's before (an
    enumeration, a table of contents, a gallery counter), not amounts.

    >>> _counts_up(["1 Einleitung", "2 Methoden", "3 Ergebnisse"])
    True
    >>> _counts_up(["125 g Mehl", "65 g Zucker", "1 Ei"])
    False
    """
    nums = []
    for t in lines:
        m = _LEAD_NUMBER.match(t.lstrip())
        nums.append(int(m.group()) if m else None)
    steps = sum(1 for x, y in zip(nums, nums[1:], strict=False) if x is not None and y is not None and y == x + 1)
    return steps * 2 >= len(lines) - 1 > 0


def quantity_start(a: int, line: Callable[[int], str], alive: Callable[[int], bool], scores: list[float],
                   sizes: list[int], ends: list[bool], pattern: re.Pattern[str], dated: Callable[[str], bool] | None,
                   *, min_lines: int, max_words: int, max_gap: int, barrier: float) -> tuple[int, list[int]]:
    """(new start of the run, line numbers of the quantity lines taken in) for the run starting
    at line number `a` (see module doc). `alive(k)`: no rule removed line k.

    >>> text = ["Zutaten", "125 g Mehl", "65 g Zucker", "1 Ei", "Zubereitung", "Den Teig kneten und backen."]
    >>> alive = lambda k: True
    >>> scores, sizes, ends = [-6, -5, -5, -6, -6, 9], [1, 3, 3, 2, 1, 5], [False] * 5 + [True]
    >>> quantity_start(5, text.__getitem__, alive, scores, sizes, ends, re.compile(r"\\d+\\s"), None,
    ...                min_lines=3, max_words=12, max_gap=6, barrier=40)
    (1, [1, 2, 3])
    >>> toc = ["1 Einleitung", "2 Methoden", "3 Ergebnisse", "Den Teig kneten und backen."]
    >>> quantity_start(3, toc.__getitem__, alive, scores[1:], sizes[1:], ends[1:], re.compile(r"\\d+\\s"), None,
    ...                min_lines=3, max_words=12, max_gap=6, barrier=40)
    (3, [])
    """
    found: list[int] = []
    start, gap, k = a, 0, a - 1
    while k >= 0 and gap <= max_gap:
        if scores[k] <= -barrier:
            break
        t = line(k)
        if alive(k):
            if dated is not None and dated(t):
                break
            if 0 < sizes[k] <= max_words and pattern.match(t):
                found.append(k)
                gap = 0
                if len(found) >= min_lines:
                    start = k
                k -= 1
                continue
            if scores[k] > 0 and ends[k]:  # prose: the list must touch the run
                break
        gap += 1
        k -= 1
    taken = sorted(m for m in found if m >= start)
    if start == a or _counts_up([line(m) for m in taken]):
        return a, []
    return start, taken
