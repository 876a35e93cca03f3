"""Where the article's run starts and ends: two refinements of the main-text stage's edge trim.

- A dated byline at the run's edge ("Freitag | 14. Juni 2019 | 15:49 VON Sina Giebel IN Fashion |
  0 COMMENTS", "23.06.2016 um 16:14 Uhr - Markus Reuter - 91 Ergänzungen") is no sentence but is
  longer than the short lines the trim takes off (`trim_max_words`); a line that holds a date or
  time (the digits-only `dateline_pattern`) and does not end like a sentence is trimmed up to
  `trim_dateline_max_words` words.
- A line just above the run that ends in one of `lead_in_endings` (a colon or a comma: "Leitsätze
  des Gerichts:", "Liebe Leserinnen und Leser,") leads into it, at most one blank line away: the
  run starts there. A heading that closes an article, a page control or a line a rule removed is
  no lead-in.

No word of any language is used; the keys are in `rules/common/maintext_edges.toml`.
"""

from __future__ import annotations

from collections.abc import Callable


def dated_edge(line: str, size: int, end: bool, most: int, dateline: Callable[[str], object] | None) -> bool:
    """True when a line at the run's edge is a dated byline to trim: no sentence end, at most
    `most` words, and a date or time in it.

    >>> import re
    >>> date = re.compile(r"\\d\\d\\.\\d\\d\\.\\d{4}").search
    >>> dated_edge("23.06.2016 um 16:14 Uhr - Markus Reuter - 91 Ergänzungen", 10, False, 16, date)
    True
    >>> dated_edge("Am 23.06.2016 beschloss der Rat, die Brücke zu sanieren.", 9, True, 16, date)
    False
    """
    return bool(most and dateline is not None and not end and 0 < size <= most and dateline(line))


def lead_in_start(a: int, line: Callable[[int], str], alive: Callable[[int], bool], gap: Callable[[int], int],
                  scores: list[float], sizes: list[int], endings: tuple[str, ...], floor: float) -> int:
    """The run's new start: `a` moved up over lines ending in one of `endings` right above it
    (`gap(k)`: raw lines from line number k to k + 1; at most one blank line between), which no
    rule removed, of 2 words or more, scoring above `floor` (not a barrier or control)."""
    while (endings and a > 0 and alive(a - 1) and sizes[a - 1] >= 2 and line(a - 1)[-1] in endings
           and scores[a - 1] > floor and gap(a - 1) <= 2):
        a -= 1
    return a
