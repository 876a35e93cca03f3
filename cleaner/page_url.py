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


def own_url(tree: Any, *, canonical_first: bool = False) -> tuple[str, str] | None:
    """The page's own absolute URL and where it was found (`html:og:url`, `html:canonical`,
    `html:base`), in that order of trust; None when the page names none. `canonical_first`
    tries the canonical link before og:url (`benchmarks/page_urls.py` compares the two)."""
    readers = (_og_url, _canonical)
    for read in reversed(readers) if canonical_first else readers:
        found = read(tree)
        if found is not None:
            return found
    for base in tree.iterfind(".//base[@href]"):
        found = absolute_url(base.get("href"))
        if found:
            return found, "html:base"
    return None


def _og_url(tree: Any) -> tuple[str, str] | None:
    for meta in tree.iterfind(".//meta[@content]"):
        if (meta.get("property") or meta.get("name") or "").strip().lower() == "og:url":
            found = absolute_url(meta.get("content"))
            if found:
                return found, "html:og:url"
    return None


def _canonical(tree: Any) -> tuple[str, str] | None:
    for link in tree.iterfind(".//link[@href]"):
        if "canonical" in (link.get("rel") or "").lower().split():
            found = absolute_url(link.get("href"))
            if found:
                return found, "html:canonical"
    return None
