"""The main-text stage's edge trim for site furniture written as sentences.

A newsletter or donation appeal, a subscription offer or a privacy note often stands right below
the article (or above it) as a full sentence: "Keine Neuigkeiten mehr verpassen: Abonnieren Sie
kostenlos unseren Newsletter.", "Jede kleine Spende hilft!". Its boilerplate word costs it
`boilerplate_cost`, but a long sentence still scores above zero, so the article's run takes it
in. At the run's edges, such a line (at least `furniture_min_hits` words of the language packs'
`boilerplate` lists, at most `furniture_max_words` words) is trimmed like a byline; inside the
run it stays (an article about privacy may say "cookies").

No word of any language is in the code: the words come from the language packs.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_WORD = re.compile(r"\w+")


def furniture_hits(line: str, words: frozenset[str], symbols: tuple[str, ...]) -> int:
    """How many boilerplate words and symbols the line holds.

    >>> furniture_hits("Abonnieren Sie unseren Newsletter! © Verlag", frozenset({"newsletter"}), ("©",))
    2
    >>> furniture_hits("Der Rat tagt am Montag.", frozenset({"newsletter"}), ("©",))
    0
    """
    return sum(1 for x in symbols if x in line) + sum(1 for w in _WORD.findall(line.lower()) if w in words)


def trim_furniture(a: int, b: int, line: Callable[[int], str], sizes: list[int], most: int,
                   words: frozenset[str], symbols: tuple[str, ...], least: int = 1) -> tuple[int, int]:
    """The run [a, b) without the lines of site furniture at its ends (see module doc).

    >>> text = ["Jede Spende hilft!", "Der Rat tagt.", "Er beschloss es.", "Newsletter abonnieren."]
    >>> trim_furniture(0, 4, text.__getitem__, [3, 3, 3, 2], 40, frozenset({"spende", "newsletter"}), ())
    (1, 3)
    """
    def furniture(k: int) -> bool:
        return 0 < sizes[k] <= most and furniture_hits(line(k), words, symbols) >= least

    while b - a > 1 and furniture(b - 1):
        b -= 1
    while b - a > 1 and furniture(a):
        a += 1
    return a, b
