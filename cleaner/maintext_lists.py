"""Lists under a heading just below the article: the article going on, not a footer.

A tour's dates, a tournament's qualified teams, a product's specifications: many articles end with
a short heading ("Tour Dates", "Qualified teams") and a list whose lines are short and do not end
like sentences, so they score below zero and the article's run stops above the heading.
html-text renders a list or a table as one block of lines without blank lines between them; the
lead-in pass (`_extend_lead_in_list` in `maintext.py`) already keeps such a block after a line
ending in ':'. This pass keeps it after a heading without a colon when the block reads like
items of one list rather than a menu or a teaser list:

- the heading sits at most one blank line below the run and at most one blank line above the
  block; it is short (`headed_list_heading_words`), does not end like a sentence, no rule removed
  it and it is no barrier, page control or date line;
- the block has `headed_list_min_lines` lines or more (a block ends as in the lead-in pass: at a
  line a rule removed, a page control, a barrier, a date line, a boilerplate word);
- its lines hold `headed_list_min_words` words on average (menus hold one to three), none ends
  with an ellipsis (teaser summaries), and one mark recurs on `headed_list_shape_share` of them:
  a digit, or one punctuation character (' – ', ':', '@', '(', ','): the rows of one list share
  their shape, while a list of headlines or of menu entries does not.

No word of any language is used; the keys are in `rules/common/maintext_lists.toml`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

_ELLIPSIS = ("…", "...")


def row_marks(line: str) -> set[str]:
    """The marks a list row may share with its neighbours: 'digit' when it holds a digit, and
    each punctuation character in it (letters, spaces and quotes are no marks).

    >>> sorted(row_marks("June 9 – West Palm Beach, FL @ Coral Sky Amphitheatre"))
    [',', '@', 'digit', '–']
    >>> sorted(row_marks("Sweden (Group F): Seventh appearance"))
    ['(', ')', ':']
    """
    marks = {c for c in line if not c.isalnum() and not c.isspace() and c not in "'\"’‘“”."}
    if any(c.isdigit() for c in line):
        marks.add("digit")
    return marks


def list_like(lines: list[str], sizes: list[int], min_words: float, shape_share: float) -> bool:
    """True when the block's lines read like rows of one list (see the module doc).

    >>> rows = ["June 9 – Tampa, FL @ Arena", "June 10 – Miami, FL @ Pavilion", "July 2 – Boston, MA @ Center"]
    >>> list_like(rows, [6, 6, 6], 4, 0.8)
    True
    >>> heads = ["Mayor vows to fight the new plan", "Storm hits the coast: 3 dead", "Why the vote matters"]
    >>> list_like(heads, [7, 6, 4], 4, 0.8)
    False
    """
    if not lines or sum(sizes) < min_words * len(lines):
        return False
    if any(t.rstrip().endswith(_ELLIPSIS) for t in lines):
        return False
    counts: Counter[str] = Counter()
    for t in lines:
        counts.update(row_marks(t))
    return bool(counts) and counts.most_common(1)[0][1] >= shape_share * len(lines)


def headed_list_end(b: int, n: int, line: Callable[[int], str], alive: Callable[[int], bool],
                    gap: Callable[[int], int], sizes: list[int], ends: list[bool], scores: list[float],
                    floor: float, block_end: Callable[[int], int], heading_words: int, min_lines: int,
                    min_words: float, shape_share: float) -> int:
    """The run's new end (exclusive line number): `b` moved down over headed lists just below it.

    `n` is the number of lines; `gap(k)` the raw lines from line number k to k + 1 (at most one
    blank line: 2); `block_end(k)` the end of the block of lines starting at k (the lead-in pass's
    block); `floor` the score at or below which a line is a barrier, control or date line.
    """
    while b < n and b > 0 and gap(b - 1) <= 2:
        h = b
        if not (alive(h) and 0 < sizes[h] <= heading_words and not ends[h] and scores[h] > floor
                and not line(h).endswith(":") and h + 1 < n and gap(h) <= 2):
            break
        end = block_end(h + 1)
        rows = range(h + 1, end)
        if len(rows) < min_lines or not list_like([line(k) for k in rows], [sizes[k] for k in rows],
                                                  min_words, shape_share):
            break
        b = end
    return b
