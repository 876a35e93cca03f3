"""Embedded posts inside the article: their text and attribution line cost nothing.

An embedded post (a tweet, a quoted statement) rendered as text ends with a line naming its
author and date ("— The City Council (@citycouncil) October 9, 2018"). Such a line does not end
like a sentence and is short, so it costs like a menu entry, and two or three posts in a row can
stop the article's run between them or make the paragraphs below them a run of their own. An
attribution line (`quotes.is_attribution`: a dash, then no number) that holds a digit (the post's
date) and sits at most `post_text_gap` lines below a line of text scores at least zero, and so does that
line (the post's text, often short and without a full stop): the post belongs to the article
around it. Posts right below the article's run (a list of posts its last line leads in to) join
it.

No word of any language is used; the key is in `rules/common/maintext_posts.toml`.
"""

from __future__ import annotations

from collections.abc import Callable

from .quotes import DASHES, is_attribution


def post_attributions(n: int, line: Callable[[int], str], alive: Callable[[int], bool], sizes: list[int],
                      gap: int) -> list[int]:
    """Line numbers of embedded posts' attribution lines and of the text line above each (see
    the module doc).

    >>> text = ["Observe a minute of silence.", "— The Senate (@Senate) October 9, 2018", "— Jane Doe, 1963"]
    >>> post_attributions(3, text.__getitem__, lambda k: True, [6, 6, 3], 2)
    [0, 1, 1, 2]
    >>> post_attributions(2, ["Menu", "– 14:30 Uhr"].__getitem__, lambda k: True, [1, 2], 2)
    []
    """
    out = []
    for k in range(1, n):
        t = line(k)
        if len(t) <= 1 or t[0] not in DASHES:  # not an attribution (`is_attribution`'s first test, inlined)
            continue
        if not (alive(k) and is_attribution(t) and any(c.isdigit() for c in t)):
            continue
        text = next((m for m in range(k - 1, max(0, k - gap) - 1, -1) if alive(m) and sizes[m] >= 3), None)
        if text is not None:
            out += [text, k]
    return out


def posts_end(b: int, n: int, posts: set[int], gap: Callable[[int], int]) -> int:
    """The run's new end (exclusive): `b` moved down over the embedded posts right below it (their
    text and attribution lines, at most one blank line apart).

    >>> posts_end(2, 6, {2, 3, 4}, lambda k: 2)
    5
    >>> posts_end(2, 6, {3, 4}, lambda k: 2)
    2
    """
    while b < n and b in posts and b > 0 and gap(b - 1) <= 2:
        b += 1
    return b


def cut_boxes(boxes: list[tuple[int, int]], posts: set[int]) -> list[tuple[int, int]]:
    """Related boxes inside the article end where an embedded post begins: the post is the
    article going on, not one of the box's teasers.

    >>> cut_boxes([(3, 10), (12, 14)], {6, 7})
    [(3, 6), (12, 14)]
    """
    out = []
    for x, y in boxes:
        first = min((p for p in posts if x < p < y), default=y)
        out.append((x, first))
    return out
