"""A recipe's or a how-to's numbered steps that begin above the article's run.

Recipe and how-to pages number their steps on lines of their own ("1", "2", ...), each followed
by a short heading ("Vorbereiten", "Hefeteig") and the step's text. The first steps are often
short ("Milch erwärmen.") and score below the line cost, so the run of prose starts at a later,
longer step and the first ones (and the ingredients above them, see `maintext_quantities.py`)
are lost. When one of the run's first `steps_look` lines is a bare step number N > 1, and above
the run the numbers N-1, ..., 1 each stand at most `steps_max_gap` lines above the next, the run
starts at step 1. The numbers must count down to 1 without a gap, with no barrier heading on the
way: a gallery counter or a stray number above the run is no step.

A recipe's method may also stand apart from the run, below a nutrition table or an ingredient
list the run of prose does not cross. A block of steps 1, 2, ..., N, each number followed within
two lines by a line of prose of some length (`step_min_score`), is kept beside the run when no
barrier heading lies between them. A numbered comment thread (a dated header between the number
and the text) and a numbered list of headlines (short lines) are no such block.

No word of any language is used; the keys are in `rules/common/maintext_steps.toml`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_STEP = re.compile(r"(\d{1,2})[.)]?")


def step_number(line: str) -> int | None:
    """The number of a line that is only a step number ("3", "3.", "3)"), else None.

    >>> step_number("3"), step_number("12."), step_number("3 Eier"), step_number("2019")
    (3, 12, None, None)
    """
    line = line.strip()
    if len(line) > 3:  # longer than any step number (two digits and "." or ")")
        return None
    m = _STEP.fullmatch(line)
    return int(m.group(1)) if m else None


def steps_start(a: int, b: int, line: Callable[[int], str], open_: Callable[[int], bool], *, look: int,
                max_gap: int) -> int:
    """The run's new start (line number) at step 1 of the numbered steps it holds, else `a`.

    `open_(k)`: line k may be crossed (no rule removed it and it is no barrier heading).

    >>> text = ["Zutaten", "1", "Vorbereiten", "Milch erwärmen.", "2", "Hefeteig", "Den Teig kneten ...", "3", "Belag"]
    >>> steps_start(6, 9, text.__getitem__, lambda k: True, look=4, max_gap=4)
    1
    >>> steps_start(6, 9, text.__getitem__, lambda k: k != 2, look=4, max_gap=4)  # a barrier between
    6
    >>> steps_start(6, 9, ["x", "7", "y", "z", "8", "v", "w", "9", "u"].__getitem__, lambda k: True, look=4, max_gap=4)
    6
    """
    if not look:
        return a
    first = next(((k, n) for k in range(a, min(b, a + look)) if (n := step_number(line(k))) is not None), None)
    if first is None or first[1] < 2:
        return a
    pos, want = first
    want -= 1
    while want >= 1:
        found = None
        for m in range(pos - 1, max(-1, pos - 1 - max_gap), -1):
            if not open_(m):
                return a
            if step_number(line(m)) == want:
                found = m
                break
        if found is None:
            return a
        pos, want = found, want - 1
    return min(pos, a)


def step_blocks(n: int, line: Callable[[int], str], open_: Callable[[int], bool], prose: Callable[[int], bool], *,
                min_steps: int, max_gap: int, dated: Callable[[str], bool] = lambda t: False) -> list[tuple[int, int]]:
    """(start, end exclusive) of each block of numbered steps on the page: bare step numbers
    1, 2, ..., N (N >= `min_steps`), each at most `max_gap` lines after the one before, and each
    followed within its first two lines by a line of prose (`prose(k)`): a recipe's method or a
    how-to's instructions, wherever the run of prose lies. A block ends after its last step's
    prose. `open_(k)`: line k may be crossed (no barrier heading, no rule's removal). A line
    with a date between a number and its prose (`dated`) makes it a numbered comment, not a step.

    >>> text = ["Zutaten", "1.", "Milch aufkochen.", "2.", "Nüsse rösten und Äpfel schneiden.", "Ähnliche Rezepte", "1", "x"]
    >>> prose = lambda k: text[k].endswith(".") and len(text[k]) > 3
    >>> step_blocks(8, text.__getitem__, lambda k: True, prose, min_steps=2, max_gap=4)
    [(1, 5)]
    >>> step_blocks(8, text.__getitem__, lambda k: True, prose, min_steps=3, max_gap=4)
    []
    >>> thread = ["1", "Ann 07.23.12 at 14:56", "Nice post.", "2", "Bob 07.24.12 at 09:10", "Thanks for this."]
    >>> step_blocks(6, thread.__getitem__, lambda k: True, lambda k: k in (2, 5), min_steps=2, max_gap=4,
    ...             dated=lambda t: "at" in t)
    []
    """
    if not min_steps:
        return []
    out = []
    k = 0
    while k < n:
        if step_number(line(k)) != 1 or not open_(k):
            k += 1
            continue
        steps, pos, last = 0, k, None
        while True:
            body = next((m for m in range(pos + 1, min(n, pos + 3)) if open_(m) and prose(m)), None)
            if body is None or any(dated(line(m)) for m in range(pos + 1, body)):  # "Name 07.23.12 at 14:56": a comment
                break
            steps, last = steps + 1, body
            nxt = None
            for m in range(body + 1, min(n, body + 1 + max_gap)):
                if not open_(m):
                    break
                if step_number(line(m)) == steps + 1:
                    nxt = m
                    break
            if nxt is None:
                break
            pos = nxt
        if steps >= min_steps and last is not None:
            out.append((k, last + 1))
            k = last + 1
        else:
            k += 1
    return out
