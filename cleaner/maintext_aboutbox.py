"""'About' boxes below an article: a box about its writer, or the publisher's standard paragraph.

Two shapes the author-box pass (`maintext_authorbox.py`) does not take, both at the very end of
the article's run:

- A heading of a word and a name ("Sobre Carlos Nadalim", "Über Moritz Bachmann", "About Jane
  Doe") followed by a biography that names the person again within its first
  `about_name_within` words ("Pai de Francesco e Teresa ..., Carlos Nadalim é ...", "Als Inbound
  Sales Manager bildet Moritz Bachmann ..."), not at its start. As in the author-box pass, the
  shape must occur once in the run, with prose above it and at most `author_tail_lines` lines of
  prose after the biography.
- The publisher's paragraph about itself that closes press releases and company blogs ("About
  Novagear" / "Novagear is a maker of ...") on the publisher's own site: among the run's last
  `about_site_tail` lines, a sentence of `author_bio_min_words`+ words that opens with the site's
  name (the host's name part: "novagear" for www.novagear.com), with only prose after it and a
  short heading right above it that names the site; the heading, it and what follows leave the
  article. Without the heading the sentence stays: a site's own name opens many closing lines
  of its articles ("Novagear will publish ...", an interviewer's "Site: question?"), and the
  trafilatura set keeps such paragraphs where the article-extraction benchmark drops them.

No word of any language is used; the keys are in `rules/common/maintext_aboutbox.toml` (the
name and biography sizes are the author-box pass's keys).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .maintext_authorbox import _name_words

_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "ac", "edu", "or", "ne", "go"})
_FIRST_WORD = re.compile(r"\w+")


def site_label(host: str | None) -> str | None:
    """The host's name part, lower case: the label before its public suffix (roughly).

    >>> site_label("www.ascom.com"), site_label("news.bbc.co.uk"), site_label("localhost")
    ('ascom', 'bbc', None)
    """
    if not host:
        return None
    labels = host.lower().split(".")
    if len(labels) < 2:
        return None
    labels = labels[:-1]
    if len(labels) >= 2 and labels[-1] in _SECOND_LEVEL:
        labels = labels[:-1]
    label = labels[-1]
    return label if len(label) >= 3 and label.isalpha() else None


def names_again(name: list[str], line: str, within: int) -> bool:
    """True when the biography names the person (the name line's last two words) among its first
    `within` words.

    >>> names_again(["Über", "Moritz", "Bachmann"], "Als Sales Manager bildet Moritz Bachmann die Schnittstelle.", 12)
    True
    >>> names_again(["Neues", "Leitmotto"], "Unter dem Motto „Take C.A.R.E“ steht die Messe.", 12)
    False
    """
    tail = name[-2:]
    words = [w.strip(",;:()") for w in line.split()[:within]]
    return any(words[i:i + len(tail)] == tail for i in range(len(words) - len(tail) + 1))


def about_box(lines: Callable[[int], str], alive: Callable[[int], bool], scores: list[float],
              sizes: list[int], ends: list[bool], a: int, b: int, *, name_max_words: int,
              bio_min_words: int, tail_lines: int, within: int) -> int | None:
    """Line number where a heading-and-biography box starts in the run [a, b), or None."""
    found: list[int] = []
    for k in range(a + 1, b - 1):
        if not alive(k) or ends[k] or sizes[k] < 2:
            continue
        name = _name_words(lines(k), name_max_words + 1)
        if name is None or len(name) < 3:  # a word before a name of two words or more
            continue
        m = k + 1
        if (alive(m) and ends[m] and sizes[m] >= bio_min_words and scores[m] > 0
                and names_again(name, lines(m), within)):
            found.append(k)
    if len(found) != 1:
        return None
    k = found[0]
    after = sum(1 for m in range(k + 2, b) if scores[m] > 0 and ends[m])
    before = sum(1 for m in range(a, k) if scores[m] > 0 and ends[m])
    return k if after <= tail_lines and before >= 2 else None


def site_paragraph(lines: Callable[[int], str], alive: Callable[[int], bool], sizes: list[int],
                   ends: list[bool], a: int, b: int, label: str | None, *, bio_min_words: int,
                   tail: int) -> int | None:
    """Line number where the publisher's closing paragraph about itself starts in the run
    [a, b), or None (see the module doc)."""
    if not label:
        return None
    for k in range(max(a + 2, b - tail), b):
        if not (alive(k) and ends[k] and sizes[k] >= bio_min_words):
            continue
        first = _FIRST_WORD.match(lines(k))
        if first is None or first.group().lower() != label:
            continue
        if not all(alive(m) and ends[m] for m in range(k, b)):
            return None
        h = k - 1
        if alive(h) and not ends[h] and sizes[h] <= 4 and label in lines(h).lower():
            return h
        return None
    return None
