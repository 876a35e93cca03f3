"""Repeated article text: a second copy of the article's paragraphs on the same page.

Pages often carry their article twice in the visible text: the whole body as one long line
(a structured-data `articleBody`, a print or AMP copy, a share widget's preview), or the
paragraphs again below (a comment form quoting the post, a second rendering of the story).
The shingle-based view of a page counts each copy, so a page with two copies reads as half
boilerplate. Two generic tests, no words of any language:

- a *concatenation*: one long line that holds at least `repeat_min_parts` other distinct lines
  of the page (each of `repeat_min_words`+ words) word for word is a copy of them, and goes before the
  article's run is chosen (it would otherwise outweigh everything: one line of 1,600 words);
- a *later copy*: among the lines the main-text stage keeps, a line of `repeat_min_words`+ words
  equal to an earlier kept line is dropped (the first copy stays). Short repeated
  lines (a song's chorus, "Ingredients") are not touched;
- an *adjacent copy*: a line equal to the line right above it, no blank line between
  (html-text renders an element's hidden and visible copies one under the other: a teaser, a
  notice, a warning repeated line by line) brings its words once: the copy scores as a short
  line, so two copied lines do not outweigh an article's two paragraphs when the run is chosen.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence

from .document import Document
from .ruleset.kinds import word_count

CONCAT = "maintext.article-copy"
REPEAT = "maintext.repeated-paragraph"


def drop_concatenations(doc: Document, idx: list[int], min_words: int, min_parts: int) -> None:
    """Remove long lines that contain `min_parts`+ other lines of `min_words`+ words (see module doc)."""
    if not min_parts:
        return
    removed, lines = doc.removed_by, doc.lines
    alive = [i for i in idx if removed[i] is None]
    # Distinct lines: a paragraph quoted three times (readers quoting the article in comments)
    # is one part of it, not three.
    parts = sorted({lines[i] for i in alive if word_count(lines[i]) >= min_words}, key=len)
    if len(parts) <= min_parts:
        return
    sizes = [len(p) for p in parts]
    # A copy of several paragraphs is longer than most single ones: only such lines are tried.
    shortest = max(sum(sizes[:min_parts]), 2 * sizes[len(sizes) // 2])
    for i in alive:
        k = lines[i]
        if len(k) <= shortest:
            continue
        found = 0
        for p in parts[:bisect_left(sizes, len(k))]:
            if p in k:
                found += 1
                if found >= min_parts:
                    doc.remove(i, CONCAT, "maintext")
                    break


def drop_later_copies(doc: Document, kept: Iterable[int], min_words: int) -> None:
    """Remove a kept line that repeats an earlier kept line of `min_words`+ words (see module doc)."""
    if not min_words:
        return
    seen: set[str] = set()
    lines, removed = doc.lines, doc.removed_by
    for i in kept:
        t = lines[i]
        if removed[i] is not None or word_count(t) < min_words:
            continue
        if t in seen:
            doc.remove(i, REPEAT, "maintext")
        else:
            seen.add(t)


def adjacent_copies(texts: Sequence[str], alive: Sequence[bool], rows: Sequence[int]) -> list[int]:
    """Positions of lines equal to the line right above them with no blank line between (`rows`:
    each line's number in the page), both left by the rules (see module doc). A paragraph
    repeated after a blank line is a later copy, left to `drop_later_copies`.

    >>> adjacent_copies(["Warning: x", "Warning: x", "Text.", "Warning: x", "Text."], [True] * 5, [0, 1, 2, 3, 4])
    [1]
    >>> adjacent_copies(["Teaser", "Teaser"], [False, True], [0, 1]), adjacent_copies(["A b.", "A b."], [True] * 2, [0, 2])
    ([], [])
    """
    return [k for k in range(1, len(texts))
            if alive[k] and alive[k - 1] and rows[k] == rows[k - 1] + 1 and texts[k] == texts[k - 1]]
