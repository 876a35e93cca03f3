"""The dates a page's markup states, each with what it means: published, modified, or a bare
date whose meaning the markup does not say.

Read from the standard vocabularies: schema.org in JSON-LD (also inside `@graph`) and microdata
(`itemprop="datePublished"`), OpenGraph and its `article:` properties, Dublin Core, and `<meta>`
names that say what their date is (`pubdate`, `publish-date`, `last-modified`). Which date is
the page's is decided by the caller (`cleaner.html.choose_date`); this module only reads.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import regex

from .dates import to_iso

# A <meta>/itemprop key that names the original publication ('article:published_time',
# 'datePublished', 'DC.date.issued', 'pubdate', 'dateCreated', 'citation_publication_date').
_PUBLISHED_KEY = regex.compile(r"publish|pub_?date|issued|released?_?date|first_?pub", regex.I)
# ...the creation of the page or its record ('dateCreated', 'DC.date.created'): often the original
# date, sometimes a draft's; trusted after a 'published' one.
_CREATED_KEY = regex.compile(r"created|creation", regex.I)
# ...a later change ('article:modified_time', 'og:updated_time', 'last-modified', 'dateModified').
_MODIFIED_KEY = regex.compile(r"modif|updat|revis|changed|last[-_]?mod", regex.I)
# ...a date the key does not qualify ('date', 'DC.date', 'dcterms.date').
_BARE_KEY = regex.compile(r"^(?:(?:dc|dcterms|dc\.terms)[.:])?date$", regex.I)
# schema.org types whose dates are the page's own article, not a comment or a review of it.
_ARTICLE_TYPES = regex.compile(r"article|posting|report|webpage|creativework|recipe|video|event|newsletter", regex.I)
_NOT_ARTICLE_TYPES = regex.compile(r"comment|review|answer|question|person|organization|offer", regex.I)
# schema.org date properties (an embedded video's `uploadDate` is the video's, not the page's).
_JSON_KEYS = {"datepublished": "published", "datecreated": "created", "datemodified": "modified"}


# A date in a URL path: /2019/10/18/, /2019/7/12/, /2019-10-18-slug (after a slashed date comes a
# path separator, so '/2023/10/3-fragen-an' is not 3 October).
_URL_DATE = regex.compile(
    r"/((?:19|20)\d\d)/([01]?\d)/([0-3]?\d)(?:[/_]|\.html?\b|$)|/((?:19|20)\d\d)-([01]\d)-([0-3]\d)(?:[-/_.]|$)"
)


@dataclass(frozen=True)
class MarkupDate:
    """One date the markup states: ISO value, role (published|created|modified|date) and the key."""

    iso: str
    role: str
    key: str


def _role(key: str) -> str | None:
    if _MODIFIED_KEY.search(key):
        return "modified"
    if _PUBLISHED_KEY.search(key):
        return "published"
    if _CREATED_KEY.search(key):
        return "created"
    if _BARE_KEY.match(key):
        return "date"
    return None


def _meta_dates(tree: Any) -> list[MarkupDate]:
    out = []
    for el in tree.iter("meta"):
        key = el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv") or ""
        value = el.get("content") or ""
        role = _role(key) if key and value else None
        if role:
            iso = to_iso(value)
            if iso:
                out.append(MarkupDate(iso, role, key))
    return out


def _microdata_dates(tree: Any) -> list[MarkupDate]:
    """`itemprop="datePublished"` (and the other schema.org date properties) on elements other
    than <meta>, outside comments: the value is the `content` or `datetime` attribute."""
    out = []
    for el in tree.xpath("//*[@itemprop][not(self::meta)]"):
        key = el.get("itemprop") or ""
        role = _JSON_KEYS.get(key.casefold())
        if role is None or el.xpath("ancestor::*[@itemtype][1][contains(@itemtype, 'Comment')]"):
            continue
        value = el.get("content") or el.get("datetime") or ""
        iso = to_iso(value) if value else None
        if iso:
            out.append(MarkupDate(iso, role, f"itemprop:{key}"))
    return out


def _walk_json(node: Any, top: bool, out: list[tuple[bool, MarkupDate]]) -> None:
    """Collect schema.org dates; `top` is true for the script's own objects and the members of
    its `@graph` (a date nested in another object, e.g. a video's, ranks after those)."""
    if isinstance(node, list):
        for item in node:
            _walk_json(item, top, out)
        return
    if not isinstance(node, dict):
        return
    types = node.get("@type")
    types = " ".join(t for t in types if isinstance(t, str)) if isinstance(types, list) else str(types or "")
    if types and _NOT_ARTICLE_TYPES.search(types) and not _ARTICLE_TYPES.search(types):
        return  # a comment's or a review's date is not the page's
    article = top and bool(types and _ARTICLE_TYPES.search(types))
    for key, value in node.items():
        role = _JSON_KEYS.get(key.casefold())
        if role and isinstance(value, str):
            iso = to_iso(value)
            if iso:
                out.append((article, MarkupDate(iso, role, f"json-ld:{key}")))
        elif isinstance(value, dict | list) and key not in ("comment", "review", "itemListElement"):
            _walk_json(value, key == "@graph", out)


def _json_ld_dates(tree: Any) -> list[MarkupDate]:
    """schema.org dates in JSON-LD, the article's own (an Article, BlogPosting, WebPage ...)
    before those of other objects."""
    found: list[tuple[bool, MarkupDate]] = []
    for script in tree.xpath('//script[contains(@type, "ld+json")]'):
        text = (script.text or "").strip()
        if not text:
            continue
        try:
            data = json.loads(text)
        except ValueError:
            continue
        _walk_json(data, True, found)
    return [d for a, d in found if a] + [d for a, d in found if not a]


def markup_dates(tree: Any) -> list[MarkupDate]:
    """Every date the page's markup states, JSON-LD first, then <meta>, then microdata."""
    return _json_ld_dates(tree) + _meta_dates(tree) + _microdata_dates(tree)


def published(dates: list[MarkupDate]) -> MarkupDate | None:
    """The first date the markup calls the publication date, else the first creation date."""
    return next((d for d in dates if d.role == "published"), None) or next((d for d in dates if d.role == "created"), None)


def url_date(url: str | None) -> str | None:
    """The day a URL path gives (/2019/10/18/), as YYYY-MM-DD; None when there is none.

    >>> url_date("https://example.com/2019/10/18/bridge-closes/"), url_date("https://example.com/2023/10/3-fragen")
    ('2019-10-18', None)
    """
    m = _URL_DATE.search(url or "")
    if m is None:
        return None
    y, mo, d = (m[1], m[2], m[3]) if m[1] else (m[4], m[5], m[6])
    iso = to_iso(f"{y}-{mo}-{d}")
    return iso[:10] if iso else None
