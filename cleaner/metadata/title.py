"""Split a page title ("Headline | Section | Site") into the headline and the site name.

The title is cut at its separators into parts. A run of parts that the page repeats further
down (its <h1>) is the headline. Otherwise parts are dropped from the ends while they look like a
site or section name: a part that names the URL's host ("EL PAÍS" on elpais.com), or a short
trailing part (at most `max_site_words` words) while the rest still reads as a headline.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Container, Iterable, Sequence
from itertools import filterfalse

import regex

# Generic host labels that say nothing about the site's name.
_GENERIC_LABELS = frozenset({"www", "m", "mobile", "amp", "news", "blog", "de", "com", "org", "net", "co", "uk"})


# Runs of letters and digits: the words of a key. On ASCII text the standard library's `re`
# finds the same runs, faster.
_ALNUM_RUN = regex.compile(r"[\p{L}\p{N}]+")
_ASCII_ALNUM_RUN = re.compile(r"[a-z0-9]+")


def fold(text: str) -> str:
    """Case-, accent- and punctuation-blind key of a title or line.

    >>> fold("EL PAÍS!"), fold("Durch die Gegend: Teil 2 | Viertausendhertz")
    ('el pais', 'durch die gegend teil 2 viertausendhertz')
    """
    if text.isascii():
        return " ".join(_ASCII_ALNUM_RUN.findall(text.lower()))
    text = unicodedata.normalize("NFKD", text)
    text = "".join(filterfalse(unicodedata.combining, text))
    return " ".join(_ALNUM_RUN.findall(text.casefold()))


class LazyFolds:
    """Answers `key in folds` as `key in {fold(x) for x in lines if len(x) <= limit}` would, folding
    lines only when asked (most titles have no separator, and then nothing is looked up), and
    only those that can fold to the key: an ASCII line folds to at most its own length, and to
    a key only when its lower-cased text holds each word of the key (an `in` test is much
    cheaper than a fold).

    With `key`, the texts are `key(x)` of the lines, worked out only for a line that passes the
    test above on its own lower-cased text: `key` must give an ASCII line a text no longer than
    the line whose letters and digits stand as in the lower-cased line (`title_key` does), so a
    line that fails the test cannot fold to the key either.
    """

    def __init__(self, lines: Iterable[str], limit: int, key: Callable[[str], str] | None = None) -> None:
        self._source: Iterable[str] | None = lines  # read on the first question
        self._limit = limit
        self._key = key
        self._lines: list[str] = []
        self._lowered: list[str] = []  # each line lower-cased ("" for a line that is not ASCII)
        self._folded: dict[str, str | None] = {}

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        if self._source is not None:
            self._lines = [x for x in self._source if self._key is not None or len(x) <= self._limit]
            self._lowered = [x.lower() if x.isascii() else "" for x in self._lines]
            self._source = None
        n = len(key)
        word = max(key.split(" "), key=len)  # the key's longest word: its rarest, most likely
        folded = self._folded
        for x, low in zip(self._lines, self._lowered, strict=True):
            if low and (len(x) < n or word not in low):
                continue
            f = folded.get(x)
            if f is None:
                f = folded[x] = fold(x) if self._key is None else self._keyed_fold(x)
            if f == key:
                return True
        return False

    def _keyed_fold(self, x: str) -> str | None:
        """fold(key(x)), or None when key(x) is longer than the limit (it is then no text)."""
        k = self._key(x)  # type: ignore[misc]
        return fold(k) if len(k) <= self._limit else None


def names_host(part: str, host: str | None) -> bool:
    """True when a title part names the site of `host` ("Yle Uutiset" on yle.fi).

    >>> names_host("EL PAÍS", "elpais.com"), names_host("Ciencia", "elpais.com")
    (True, False)
    """
    if not host:
        return False
    compact = fold(part).replace(" ", "")
    if len(compact) < 3:
        return False
    labels = [x for x in host.lower().split(".") if x not in _GENERIC_LABELS and len(x) >= 3]
    host_compact = "".join(host.lower().split("."))
    if compact in host_compact:
        return True
    return any(lab.replace("-", "") in compact for lab in labels)


def _words(text: str) -> int:
    return len(text.split())


def repeated_colon_part(headline: str, later: Container[str], min_words: int = 2) -> str | None:
    """The part of "Kicker: Headline" (or "Site: Headline") that the page repeats as a line of its
    own, when the whole is not repeated: the longest run of the parts cut at ": " that ends the
    title, with at least `min_words` words. A colon is no separator otherwise: it is part of many
    headlines ("Eurostat: Poland has the lowest unemployment"). A repeated first part is rather the
    site's or a place's name, or a kicker ("Blog Name: Post title" under a "Blog Name" banner).

    >>> repeated_colon_part("Python Insider: Python 3.6.0 is now available!", {"python 3 6 0 is now available"})
    'Python 3.6.0 is now available!'
    >>> repeated_colon_part("Video: Storm hits the coast", {"video"}) is None  # no ending part
    True
    >>> repeated_colon_part("Politics: Video: Storm hits the coast", {"video storm hits the coast"})
    'Video: Storm hits the coast'
    >>> repeated_colon_part("A: B: C", {"a b c"}) is None  # the whole is repeated
    True
    """
    parts = [p.strip() for p in headline.split(": ")]
    if len(parts) < 2 or not all(parts) or fold(headline) in later:
        return None
    for i in range(1, len(parts)):
        run = ": ".join(parts[i:])
        if _words(run) >= min_words and fold(run) in later:
            return run
    return None


def split_title(
    title: str, later: Container[str], separators: Sequence[str], *, host: str | None = None, max_site_words: int = 5,
    colon_parts: bool = False, _depth: int = 0,
) -> tuple[str, str | None]:
    """(headline, site name or None). `later` holds the folded lines that follow the title.
    With `colon_parts`, when the page repeats only a part of a headline cut at ": " (its <h1>
    without the kicker or the site's name in front), that part is the headline
    (`repeated_colon_part`; the HTML path finds such a headline from the <h1> itself).

    >>> split_title("Pressemitteilung: Endlich mehr wagen! - Verband X", {"endlich mehr wagen"}, [" - "],
    ...             colon_parts=True)
    ('Endlich mehr wagen!', 'Verband X')

    >>> split_title("Ha llegado la Antártida a 20 grados? | Ciencia | EL PAÍS", set(), [" | "], host="elpais.com")
    ('Ha llegado la Antártida a 20 grados?', 'EL PAÍS')
    >>> split_title("Durch die Gegend | Mit Musiker X in Wien | Viertausendhertz", {"mit musiker x in wien"}, [" | "])
    ('Mit Musiker X in Wien', 'Viertausendhertz')
    >>> split_title("Reparaturcafé am 31. Januar: Stadt Ahlen", set(), [" | "], host="www.ahlen.de")
    ('Reparaturcafé am 31. Januar', 'Stadt Ahlen')
    """
    headline, site = _split_title(title, later, separators, host=host, max_site_words=max_site_words,
                                  _depth=_depth)
    if colon_parts and _depth == 0 and ": " in headline:
        part = repeated_colon_part(headline, later)
        if part is not None:
            return part, site
    return headline, site


def _split_title(
    title: str, later: Container[str], separators: Sequence[str], *, host: str | None = None, max_site_words: int = 5,
    _depth: int = 0,
) -> tuple[str, str | None]:
    title = title.strip()
    for cut in separators:
        s = cut.strip()
        while s and title.endswith(s) and len(title) > len(s):
            title = title[: -len(s)].rstrip()
    sep = next((s for s in separators if s in title), None)
    if sep is None:
        # "Headline: Site" only when the part after the colon names the host.
        head, colon, tail = title.rpartition(": ")
        if colon and head and names_host(tail, host) and _words(head) >= 2:
            return head.strip(), tail.strip()
        return title, None
    parts = [p.strip() for p in title.split(sep)]
    parts = [p for p in parts if p]
    if len(parts) < 2:
        return title, None
    # 1. The headline the page repeats below its title.
    best: tuple[int, int] | None = None
    for i in range(len(parts)):
        for j in range(len(parts), i, -1):
            if (i, j) == (0, len(parts)):
                continue
            if fold(sep.join(parts[i:j])) in later and (
                best is None or _words(sep.join(parts[i:j])) > _words(sep.join(parts[best[0]:best[1]]))
            ):
                best = (i, j)
    if best is not None:
        i, j = best
        site: str | None = parts[j] if j < len(parts) else (parts[i - 1] if i > 0 else None)
        if j < len(parts) and len(parts) - j > 1:
            site = parts[-1]
        return sep.join(parts[i:j]), site
    # 2. Site and section names at the ends.
    site = None
    while len(parts) > 1:
        tail, rest = parts[-1], parts[:-1]
        head = sep.join(rest)
        if names_host(tail, host) or (_words(tail) <= max_site_words and (_words(head) >= 2 or len(head) >= 12)
                                      and _words(tail) < _words(head)):
            site = site or tail
            parts = rest
            continue
        break
    while len(parts) > 1 and names_host(parts[0], host):
        site = site or parts[0]
        parts = parts[1:]
    head = sep.join(parts)
    # Another kind of separator left inside ("Headline : Blog | Motto | Since 2005"): once more.
    rest = [x for x in separators if x != sep]
    if _depth == 0 and any(x in head for x in rest):
        inner, inner_site = split_title(head, later, rest, host=host, max_site_words=max_site_words, _depth=1)
        return inner, site or inner_site
    return head, site


def kicker_repeats(texts: Sequence[str], headline: str, separators: Sequence[str], *, max_prefix_words: int = 8,
                   min_chars: int = 12) -> list[int]:
    """Positions after the first of the lines that end with the headline behind a separator and a
    few words: the headline joined to its kicker ("Pure Leere": Headline) or to a breadcrumb
    (Home / Section / Headline) in the page's text. A line that only holds the headline's words
    elsewhere (a sentence quoting it, the headline followed by more) is no repeat.

    >>> kicker_repeats(["T", "Home / IT / Big news today", "Big news today, they said"], "Big news today", [" / "])
    [1]
    """
    from ..ruleset.kinds import title_fold, title_key

    head = title_key(headline)
    if len(head) < min_chars or _words(head) < 2:
        return []
    tails = {title_fold(sep) + head for sep in (*separators, ": ")}
    out = []
    for i in range(1, len(texts)):
        t = texts[i]
        if not len(head) < len(t) <= 3 * len(head) + 100:
            continue
        key = title_key(t)
        for tail in tails:
            if key.endswith(tail):
                prefix = key[: -len(tail)].strip()
                if prefix and _words(prefix) <= max_prefix_words:
                    out.append(i)
                break
    return out
