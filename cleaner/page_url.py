"""Where an HTML page says it lives: its canonical link, its `og:url`, its `<base href>`.

Site packs are chosen by URL host, and users often clean saved pages (`page.html` files, stdin,
`clean(html)`) without a URL. The page itself usually names its address, so a page given no URL
takes its site (and its packs) from there. Only an absolute http(s) URL with a host is taken: a
relative href ("/news/x") or a malformed one says nothing about the host. A protocol-relative
href ("//example.com/x") names its host and is read as https.

Which first: `og:url`, then the canonical link, then `<base href>`. They name the same site on
nearly every page, but a syndicated copy links its original as canonical (msn.com's copies of
cnn.com and nbcnews.com stories) while its og:url names the site serving this copy, whose markup
and furniture the page has. Measured against the URL the crawler recorded (`python -m
benchmarks.page_urls`), the URL found is on the recorded site for 171 of the 174 aeb pages that
name one with og:url first (canonical first: 169), 859 of 867 trafilatura_evaldata pages (857),
all 649 dragnet pages (649). (Hosts compare in one form, `ruleset.hosts.host_key`: a page recorded
at seglerblog.stössenseer.de names itself seglerblog.xn--stssenseer-fcb.de, the same site.)
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

# A host name: dotted labels of letters, digits and hyphens (an IDN arrives as Unicode letters).
_HOST = re.compile(r"^(?:[\w-]+\.)+[\w-]+$")


def absolute_url(href: str | None) -> str | None:
    """The href as an absolute http(s) URL, or None when it is relative or malformed.

    >>> absolute_url(" https://Example.com/a/b "), absolute_url("//example.com/x")
    ('https://Example.com/a/b', 'https://example.com/x')
    >>> absolute_url("/news/story"), absolute_url("http://"), absolute_url("https://exa mple.com/")
    (None, None, None)
    """
    if not href:
        return None
    href = href.strip()
    if href.startswith("//"):
        href = "https:" + href
    if any(c.isspace() for c in href):
        return None
    try:
        parts = urlsplit(href)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not host or not _HOST.match(host):
        return None
    return href


# Where a page names its address, in order of trust (see the module docstring): the elements to
# look at, which of them says it, the attribute holding the URL, and the source name.
_PLACES: tuple[tuple[str, Callable[[Any], bool], str, str], ...] = (
    (".//meta[@content]", lambda el: (el.get("property") or el.get("name") or "").strip().lower() == "og:url",
     "content", "html:og:url"),
    (".//link[@href]", lambda el: "canonical" in (el.get("rel") or "").lower().split(), "href", "html:canonical"),
    (".//base[@href]", lambda el: True, "href", "html:base"),
)


def own_url(tree: Any, *, canonical_first: bool = False) -> tuple[str, str] | None:
    """The page's own absolute URL and where it was found (`html:og:url`, `html:canonical`,
    `html:base`), in that order of trust; None when the page names none. `canonical_first`
    tries the canonical link before og:url (`benchmarks/page_urls.py` compares the two)."""
    places = (_PLACES[1], _PLACES[0], _PLACES[2]) if canonical_first else _PLACES
    for path, says, attr, source in places:
        for el in tree.iterfind(path):
            if says(el):
                found = absolute_url(el.get(attr))
                if found:
                    return found, source
    return None
