"""The pages `rules suggest` learns from, read from the corpus the user already has.

Users keep their scraped pages as .txt or .html files, or as JSON lines with a text field and a
URL field, often several sites in one file: the same inputs `cleaner clean` reads. This module
reads them with the batch readers (`cleaner.io.readers`), keeps the pages of the one site the
pack is for, and turns each into lines as the suggester wants them. HTML pages become the page's
visible text with its line structure (`cleaner.visible.visible_text`), so that the navigation,
inserts and trailers that repeat from page to page are there to be learned.

Which pages are the site's: a page whose URL's host is the site's host or one of its subdomains,
the hosts the proposed pack will apply to. A page without a URL (a plain file) counts only when
no page has a URL, as in a folder of one site's .txt files; once some pages name their host,
a page that does not cannot be told apart from another site's. An HTML page given no URL (a
saved .html file, an HTML record without a URL field) names its own: its canonical link, og:url
or base (`cleaner.page_url`), read from the one parse that also gives its text. A document or JSON line that
cannot be read is reported (file and line) and skipped; the rest are learned from.

How many: the suggester's thresholds are shares of pages, so a few hundred pages propose the same
pack as fifty thousand, while time and memory grow with every page. Past `max_pages` of the
site's pages, a uniform random sample of that many is kept while reading (reservoir sampling:
memory holds at most `max_pages` pages, whatever the corpus size), drawn with a fixed seed so
the same corpus gives the same pack. A page the draw leaves out is not decoded either (but for
an HTML page without a URL: where it says it lives decides whether it is the site's).
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError
from .io.readers import DEFAULT_MAX_DOC_BYTES, Item, find_sources, parse_record, read_source
from .normalize import decode
from .page_url import own_url
from .ruleset.hosts import host_of, on_site, site_host

# The fewest pages a suggestion is made from, and the fewest it is worth much from.
MIN_PAGES = 2
FEW_PAGES = 5
# Unreadable documents named one by one; past this many they are only counted (a wrong
# --text-field on a million-line corpus must not print a million lines).
MAX_NAMED = 20
# The site's pages learned from by default: enough for the shares the suggester counts.
MAX_PAGES = 200

# HTML's white space (not the no-break space, which a browser keeps).
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_KEEP_SPACE = frozenset({"pre", "textarea", "listing", "plaintext"})


class Reservoir:
    """A uniform random sample of at most `size` of the pages offered, in reading order.

    Reservoir sampling (Vitter's algorithm R): the i-th page offered (counting from 0) is taken
    with chance size / (i + 1), in place of a kept page drawn at random, so that at every moment
    each page offered so far is in the sample with the same chance. `take()` says before the page
    is decoded whether it would be kept, so that pages left out cost no decoding; `put()` keeps a
    decoded page, and a page that turns out unreadable is not counted as offered. `size` 0 keeps
    every page. A fixed `seed` gives the same sample of the same pages in the same order.
    """

    def __init__(self, size: int = 0, seed: int = 0) -> None:
        self.size = size
        self.seen = 0  # pages offered and counted (those taken, and those the draw left out)
        self._rng = random.Random(seed)
        self._slots: list[tuple[int, tuple[str, str]]] = []  # (reading index, page)
        self._slot: int | None = None  # where the page `take()` accepted goes

    @property
    def sampled(self) -> bool:
        """True when pages were left out: more were offered than the sample holds."""
        return 0 < self.size < self.seen

    def take(self) -> bool:
        """Whether the next page is kept; when it is not, it is counted as offered and done with."""
        if not self.size or self.seen < self.size:
            self._slot = len(self._slots)
            return True
        j = self._rng.randrange(self.seen + 1)
        if j < self.size:
            self._slot = j
            return True
        self.seen += 1
        return False

    def put(self, page: tuple[str, str]) -> None:
        """Keep the page `take()` accepted (skip this call when it could not be read)."""
        assert self._slot is not None, "put() without take()"
        entry = (self.seen, page)
        if self._slot == len(self._slots):
            self._slots.append(entry)
        else:
            self._slots[self._slot] = entry
        self._slot = None
        self.seen += 1

    def pages(self) -> list[tuple[str, str]]:
        """The sample in reading order (the order pages come in is the order they are shown)."""
        return [page for _, page in sorted(self._slots, key=lambda e: e[0])]


@dataclass
class SitePages:
    """The site's pages as `(name, text)` pairs, and what reading the corpus found."""

    site: str
    pages: list[tuple[str, str]] = field(default_factory=list)
    found: int = 0  # the site's pages found; more than len(pages) when a sample was drawn
    max_pages: int = 0  # the sample's size when one was drawn (0: every page is in `pages`)
    read: int = 0  # documents read (those that could not be read are not counted)
    other_hosts: Counter = field(default_factory=Counter)  # host -> pages skipped for it
    no_url: int = 0  # pages without a URL skipped because other pages had one
    page_urls: int = 0  # HTML pages given no URL, placed by the URL they name (canonical link, ...)
    bad: int = 0  # documents or lines that could not be read (each reported)
    by_host: bool = True  # False when no page had a URL and all were taken as the site's

    @property
    def skipped_other(self) -> int:
        return sum(self.other_hosts.values())

    def summary(self) -> str:
        """One line for the user: pages read, the site's, and those skipped, and why."""
        unplaced = self.pages and not self.by_host
        found = max(self.found, len(self.pages))
        head = f"{found:,} of {self.site}"
        if self.max_pages and found > len(self.pages):
            head += f" (learning from a random {len(self.pages):,} of them, --max-pages)"
        parts = [head + (" (no page has a URL: all taken as the site's)" if unplaced else "")]
        if self.other_hosts:
            parts.append(f"{self.skipped_other:,} of other hosts skipped")
        if self.page_urls:
            parts.append(f"{self.page_urls:,} HTML pages placed by their own canonical/og:url")
        if self.no_url:
            parts.append(f"{self.no_url:,} without a URL skipped (other pages have URLs)")
        bad = f"; {self.bad:,} unreadable skipped" if self.bad else ""
        return f"read {self.read:,} pages: " + ", ".join(parts) + bad

    def shortfall(self) -> str | None:
        """Why there are too few of the site's pages to learn from, or None when there are enough."""
        if len(self.pages) >= MIN_PAGES:
            return None
        msg = f"{len(self.pages)} page(s) of {self.site} found; needs at least {MIN_PAGES} (5 or more recommended)"
        if self.other_hosts:
            top = ", ".join(f"{h} ({n})" for h, n in self.other_hosts.most_common(5))
            msg += f"; hosts seen most: {top} (see --site, --url-field)"
        return msg


def site_key(site: str) -> str:
    """The host a pack for `site` is written for, as `render_pack` writes it in `sites`.

    >>> site_key("https://WWW.Example.com/")
    'example.com'
    """
    return site_host(host_of(site) or site)


def flow_spaces(tree: Any) -> None:
    """Lay out white space as a browser does: a run of spaces and line breaks in the page's
    source is one space (outside <pre>), so that a paragraph wrapped in the HTML source is one
    line of visible text, not several. Changes the tree in place (a tree of our own parse)."""
    from lxml import etree

    keep = 0  # depth inside elements whose white space shows as written
    for event, el in etree.iterwalk(tree, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            keep += tag in _KEEP_SPACE
            if not keep and tag and el.text:
                el.text = _HTML_SPACE.sub(" ", el.text)
        else:
            keep -= tag in _KEEP_SPACE
            if not keep and el.tail:
                el.tail = _HTML_SPACE.sub(" ", el.tail)


def html_lines(html: str) -> str:
    """An HTML page's visible text, one line per block as a browser shows it.

    Raises InputError when the page cannot be parsed.
    """
    from .html import parse

    tree = parse(html)
    return "" if tree is None else tree_lines(tree)


def tree_lines(tree: Any) -> str:
    """A parsed page's visible text, one line per block (changes the tree: `flow_spaces`)."""
    from .visible import visible_text

    flow_spaces(tree)
    return visible_text(tree)


def page_text(content: str, fmt: str | None) -> str:
    """The text a page is learned from: plain text as it is, HTML as its visible lines."""
    return html_lines(content) if _is_html(content, fmt) else content


def _is_html(content: str, fmt: str | None) -> bool:
    """The content is HTML: by its format, else by its look (`api.detect_format`)."""
    from .api import detect_format

    return (fmt or detect_format(content)) == "html"


def _content(item: Item, text_field: str) -> str:
    """The document's text: a record's text field, or a file's bytes decoded."""
    return item.fields[text_field] if item.fields is not None else decode(item.data or b"")


def html_tree(content: str, fmt: str | None) -> Any:
    """The parsed page when the content is HTML (by its format, else by its look), else None."""
    from .html import parse

    return parse(content) if _is_html(content, fmt) else None


def _where(item: Item) -> str:
    """The spot of an item for a message: the file, and the line or record in it."""
    if item.unit == "record":  # a WARC record, or a record of a JSON array
        return f"{item.source} (record {item.line})"
    return f"{item.source}:{item.line}" if item.kind == "record" else item.source


def _name(item: Item) -> str:
    """The page's name in the proposals' evidence: its file, or its file and line."""
    if item.kind != "record":
        return item.rel or item.source
    return f"{Path(item.source).name}:{item.line}"


def site_pages(
    paths: Iterable[str | Path], site: str, *, globs: Iterable[str] = (),
    text_field: str = "text", id_field: str = "id", url_field: str = "url",
    max_bytes: int = DEFAULT_MAX_DOC_BYTES, warn: Callable[[str], None] | None = None,
    max_pages: int = MAX_PAGES, seed: int = 0,
) -> SitePages:
    """The site's pages in the files and folders given, in reading order.

    `warn` hears of each document or line that cannot be read, as `file:line: why` (the first
    `MAX_NAMED` of them; the rest are counted in `bad`). Raises InputError for a path that does
    not exist. Only the site's pages are decoded and kept: all of them when `max_pages` is 0,
    else a random `max_pages` of them drawn with `seed` (see `Reservoir`). The pages the draw
    leaves out are counted in `found` and `read` without being decoded, so an unreadable one
    among them goes uncounted in `bad`.
    """
    if max_pages < 0:
        raise ValueError(f"max_pages must be 0 (no limit) or more, not {max_pages}")
    key = site_key(site)
    out = SitePages(key, max_pages=max_pages)
    kept = Reservoir(max_pages, seed)
    unnamed = Reservoir(max_pages, seed)  # pages without a URL, used when no page has one
    any_url = False

    def bad(item: Item, why: str) -> None:
        out.bad += 1
        if warn is None:
            return
        if out.bad <= MAX_NAMED:
            warn(f"{_where(item)}: {why}; skipped")
        elif out.bad == MAX_NAMED + 1:
            warn(f"more unreadable documents: counted, not named (after the first {MAX_NAMED})")

    for src in find_sources(paths, globs):
        for item in read_source(src, max_bytes):
            if item.error:
                bad(item, item.error)
                continue
            try:
                if item.kind == "record":
                    parse_record(item, text_field, id_field, url_field)
            except InputError as e:
                bad(item, str(e))
                continue
            host = host_of(item.url)
            content, tree = None, None
            if host is None and item.format != "text":  # HTML without a URL: the one it names
                try:
                    content = _content(item, text_field)
                    tree = html_tree(content, item.format)
                except (InputError, ValueError, UnicodeError) as e:
                    bad(item, str(e))
                    continue
                found = own_url(tree) if tree is not None else None
                if found is not None:
                    item.url, host = found[0], host_of(found[0])
                    out.page_urls += 1
            if host is not None and not on_site(host, key):
                out.read += 1
                out.other_hosts[host] += 1
                continue
            if host is None and any_url:
                out.read += 1
                out.no_url += 1
                continue
            if host is not None and not any_url:  # the first page with a URL: those without one cannot be placed
                any_url = True
                out.no_url += unnamed.seen
                unnamed = Reservoir()
            sample = kept if host is not None else unnamed
            if not sample.take():  # left out of the sample: counted, not decoded
                out.read += 1
                continue
            try:
                if tree is not None:
                    text = tree_lines(tree)
                else:
                    text = page_text(content if content is not None else _content(item, text_field), item.format)
            except (InputError, ValueError, UnicodeError) as e:
                bad(item, str(e))
                continue
            if not text.strip():
                bad(item, "no text")
                continue
            out.read += 1
            sample.put((_name(item), text))
    if not any_url:
        kept, out.by_host = unnamed, False
    out.pages, out.found = kept.pages(), kept.seen
    return out
