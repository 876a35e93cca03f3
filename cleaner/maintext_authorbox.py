"""The author box below an article: a name on a line of its own, then a short biography.

Blogs and magazines close an article with a box about its writer ("AUTOR / Dr. Thomas Schulte /
ist Gründungspartner der Kanzlei ...", "Jake Goulding / Jake is the co-founder of ..."). It reads
like prose and sits right below the last paragraph, so the article's run takes it in. Its shape
is the same in any language written with capital letters: a line of a few capitalised words and
no sentence end (the name), followed by a sentence that continues it in lower case ("ist
Gründungspartner ...") or opens with the name again ("Inga Buller ist Head of Social ..."), with
at most `author_tail_lines` lines of prose after it in the run.

Not a box: the same shape repeated inside the run (a list of people, each name followed by a
paragraph about them), or a name line near the top with the article still to come. No word of
any language is used here; the thresholds are `author_*` keys of `[maintext]`
(`rules/common/maintext_authorbox.toml`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def _name_words(line: str, most: int) -> list[str] | None:
    """The words of a line that looks like a person's name ("Dr. Thomas Schulte", "Inga
    Buller"): 2 to `most` words, all capitalised (short particles such as "von" or "de"
    aside), nothing but letters, dots and hyphens; None otherwise.

    >>> _name_words("Dr. Thomas Schulte", 4)
    ['Dr.', 'Thomas', 'Schulte']
    >>> _name_words("Schöne Hände für die Braut", 4) is None
    True
    >>> _name_words("Jake Goulding", 4)
    ['Jake', 'Goulding']
    """
    parts = line.split()
    if not 2 <= len(parts) <= most:
        return None
    caps = 0
    for p in parts:
        if not _WORD.fullmatch(p):
            return None
        if p[0].isupper():
            caps += 1
        elif len(p) > 3:
            return None
    return parts if caps >= 2 else None


def _continues(name: list[str], line: str) -> bool:
    """A biography that follows the name line: it continues it in lower case ("ist
    Gründungspartner ...") or opens with the name again ("Inga Buller ist ..."; the last two
    words of the name line, so a title such as "Dr." may be left out).

    >>> _continues(["Inga", "Buller"], "Inga Buller ist Head of Social & Community bei CHIP.")
    True
    >>> _continues(["Die", "Reaktion"], "Die Kampf-oder-Flucht-Reaktion beginnt in der Amygdala.")
    False
    """
    if line[:1].islower():
        return True
    tail = name[-2:]
    return line.split()[:len(tail)] == tail


def author_box(lines: Callable[[int], str], alive: Callable[[int], bool], scores: list[float],
               sizes: list[int], ends: list[bool], a: int, b: int, *, name_max_words: int,
               bio_min_words: int, tail_lines: int) -> int | None:
    """Line number where an author box starts inside the article's run [a, b), or None.

    `lines(k)` is the text of line number k, `alive(k)` whether no rule removed it; scores,
    sizes and ends are the main-text stage's per-line figures."""
    found: list[int] = []
    for k in range(a + 1, b - 1):
        if not alive(k) or ends[k] or sizes[k] < 2:
            continue
        name = _name_words(lines(k), name_max_words)
        if name is None:
            continue
        m = k + 1
        if (alive(m) and ends[m] and sizes[m] >= bio_min_words and scores[m] > 0
                and _continues(name, lines(m))):
            found.append(k)
    if len(found) != 1:  # none, or a list of people with a paragraph each
        return None
    k = found[0]
    after = sum(1 for m in range(k + 2, b) if scores[m] > 0 and ends[m])
    before = sum(1 for m in range(a, k) if scores[m] > 0 and ends[m])
    if after > tail_lines or before < 2:
        return None
    return k
