"""A numbered list that goes on below the article's run: the article going on.

Listicles and deal lists number their items ("7) Indiana Jones Collection", "8. Magnum P.I."),
and an item's lines are often short or a bare link, so the run of prose can stop in the middle
of the list. When one of the run's last lines opens with an item number N, and below the run the
items N+1, N+2, ... follow each other at most `numbered_max_gap` lines apart, the run's end moves
to the end of the last item's block (its lines up to the next blank line). Numbers must go up by
one, so a "most read" box numbered from 1 below an article is not taken for its continuation.
A number alone on its line ("6." with the step's text on the next line, as recipe pages render
their method) opens an item too: the last short steps of a method cost more than they bring in;
so does a number glued to its item's first word ("8.Lori Kelly"), but not to a digit ("3.5 kg").

No word of any language is used; the keys are in `rules/common/maintext_numbered.toml`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_ITEM = re.compile(r"(\d{1,3})[.)](?:\s+\S|\s*$|(?=[^\W\d_]))")


def item_number(line: str) -> int | None:
    """The item number a line opens with ("8) Magnum", "12. Roger Waters") or is ("6."), else None.

    >>> item_number("8) Magnum P.I. – Complete Collection"), item_number("2019. The year began"), item_number("Hello")
    (8, None, None)
    >>> item_number("6."), item_number("2019."), item_number("6.5 kg"), item_number("8.Lori Kelly")
    (6, None, None, 8)
    """
    m = _ITEM.match(line)
    return int(m.group(1)) if m else None


def numbered_end(a: int, b: int, n: int, line: Callable[[int], str], alive: Callable[[int], bool],
                 gap: Callable[[int], int], look_back: int, max_gap: int) -> int:
    """The run's new end (exclusive line number) after the numbered list going on below [a, b).

    >>> text = ["Prose.", "6) Ghostbusters", "7) Indiana Jones", "http://x", "8) Magnum", "http://y", "9) Drums", "Tags"]
    >>> numbered_end(0, 3, 8, text.__getitem__, lambda k: True, lambda k: 1 if k == 6 else 2, 3, 3)
    8
    >>> numbered_end(0, 3, 8, text.__getitem__, lambda k: True, lambda k: 2, 3, 3)
    7
    """
    last = None
    for k in range(b - 1, max(a, b - look_back) - 1, -1):
        last = item_number(line(k))
        if last is not None:
            break
    if last is None:
        return b
    end = b
    k = b
    while k < n:
        nxt = next((m for m in range(k, min(n, k + max_gap)) if alive(m) and item_number(line(m)) == last + 1), None)
        if nxt is None:
            break
        last += 1
        k = nxt + 1
        while k < n and alive(k) and gap(k - 1) == 1 and item_number(line(k)) is None:  # the item's block
            k += 1
        end = k
    return end
