"""Blocks of headlines between two paragraphs of the article: related links, not the article.

News sites put two to a handful of links to other stories between the paragraphs of an article
("Plague outbreak: China hit by ...", "Horror as ..."), often with no heading or with one a rule
removed. html-text renders such a box as one block of lines without blank lines between them,
each line a headline: several words, no sentence end. The article's run crosses the box because
prose lies on both sides. This pass removes it.

A block inside the run is such a box when:

- it has `link_block_min_lines` to `link_block_max_lines` lines, with a blank line above and below;
- each line holds `link_block_min_words` to `link_block_max_words` words, does not end like a
  sentence, does not end with a comma (verse), and is no row of a list led in by a colon; not
  every line holds a digit (rows of figures, prices, percentages are a list);
- the nearest lines above (past one heading a rule removed: "More:", "Related") and below it are
  prose that ends like a sentence (and the one above does not end with ':', which would lead
  into a list).

A subheading is one line; a list inside an article is led in by a colon line or a heading and
its rows share a shape (`maintext_lists.py`). No word of any language is used; the keys are in
`rules/common/maintext_linkblocks.toml`.
"""

from __future__ import annotations

from collections.abc import Callable, Container


def link_blocks(a: int, b: int, line: Callable[[int], str], alive: Callable[[int], bool],
                gap: Callable[[int], int], sizes: list[int], ends: list[bool], listed: Container[int],
                min_lines: int, max_lines: int, min_words: int, max_words: int) -> list[int]:
    """Line numbers in the run [a, b) that belong to a block of headlines (see the module doc).
    `gap(k)`: the raw lines from line number k to k + 1 (1: no blank line between).

    >>> text = ["A first paragraph that ends here.", "Storm hits the coast overnight again",
    ...         "Why the new bridge will take longer", "A second paragraph that ends here."]
    >>> link_blocks(0, 4, text.__getitem__, lambda k: True, lambda k: 1 if k == 1 else 2,
    ...             [6, 6, 7, 6], [True, False, False, True], (), 2, 6, 4, 20)
    [1, 2]
    """
    out: list[int] = []
    k = a
    while k < b:
        if not alive(k):
            k += 1
            continue
        j = k + 1
        while j < b and alive(j) and gap(j - 1) == 1:
            j += 1
        p = k - 1  # the prose above, past one heading a rule removed ("More:", "Related")
        if p > a and not alive(p):
            p -= 1
        if (min_lines <= j - k <= max_lines and a <= p < k and j < b
                and gap(k - 1) > 1 and gap(j - 1) > 1
                and alive(p) and ends[p] and not line(p).endswith(":")
                and alive(j) and ends[j]
                and all(min_words <= sizes[m] <= max_words and not ends[m] and m not in listed
                        and not line(m).endswith(",") for m in range(k, j))
                and not all(any(c.isdigit() for c in line(m)) for m in range(k, j))):
            out.extend(range(k, j))
        k = j
    return out
