"""Split a page title ("Headline | Section | Site") into the headline and the site name.

The title is cut at its separators into parts. A run of parts that the page repeats further
down (its <h1>) is the headline. Otherwise parts are dropped from the ends while they look like a
site or section name: a part that names the URL's host ("EL PAÍS" on elpais.com), or a short
trailing part (at most `max_site_words` words) while the rest still reads as a headline.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Container, Iterable, Sequence

import regex

_NOT_ALNUM = regex.compile(r"[^\p{L}\p{N}]+")
# Generic host labels that say nothing about the site's name.
_GENERIC_LABELS = frozenset({"www", "m", "mobile", "amp", "news", "blog", "de", "com", "org", "net", "co", "uk"})


# ASCII characters that are neither letters nor digits, as spaces (what _NOT_ALNUM does to ASCII).
_ASCII_PUNCT = str.maketrans({chr(i): " " for i in range(128) if not chr(i).isalnum()})


def fold(text: str) -> str:
    """Case-, accent- and punctuation-blind key of a title or line.

    >>> fold("EL PAÍS!"), fold("Durch die Gegend: Teil 2 | Viertausendhertz")
    ('el pais', 'durch die gegend teil 2 viertausendhertz')
    """
    if text.isascii():  # the same key, without a regex call
        return " ".join(text.lower().translate(_ASCII_PUNCT).split())
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(_NOT_ALNUM.sub(" ", text.casefold()).split())


class LazyFolds:
    """`fold(x)` of those `lines` no longer than `limit`, folded on the first membership test:
    most titles have no separator, and then nothing is ever looked up."""

    def __init__(self, lines: Iterable[str], limit: int) -> None:
        self._lines, self._limit = lines, limit
        self._set: set[str] | None = None

    def __contains__(self, key: object) -> bool:
        if self._set is None:
            self._set = {fold(x) for x in self._lines if len(x) <= self._limit}
        return key in self._set


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


def split_title(
    title: str, later: Container[str], separators: Sequence[str], *, host: str | None = None, max_site_words: int = 5,
    _depth: int = 0,
) -> tuple[str, str | None]:
    """(headline, site name or None). `later` holds the folded lines that follow the title.

    >>> split_title("Ha llegado la Antártida a 20 grados? | Ciencia | EL PAÍS", set(), [" | "], host="elpais.com")
    ('Ha llegado la Antártida a 20 grados?', 'EL PAÍS')
    >>> split_title("Durch die Gegend | Mit Musiker X in Wien | Viertausendhertz", {"mit musiker x in wien"}, [" | "])
    ('Mit Musiker X in Wien', 'Viertausendhertz')
    >>> split_title("Reparaturcafé am 31. Januar: Stadt Ahlen", set(), [" | "], host="www.ahlen.de")
    ('Reparaturcafé am 31. Januar', 'Stadt Ahlen')
    """
    title = title.strip()
    for sep in separators:
        s = sep.strip()
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
        site = parts[j] if j < len(parts) else (parts[i - 1] if i > 0 else None)
        if j < len(parts) and len(parts) - j > 1:
            site = parts[-1]
        return sep.join(parts[i:j]), site
    # 2. Site and section names at the ends.
    site: str | None = None
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
