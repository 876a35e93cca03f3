"""HTML in: the page's main text as lines, plus the page's own metadata, from one parse.

trafilatura finds the main text; the rule packs then run over its lines as over any plain text
(related inserts, promos, captions and credits the extractor kept), a list item or one-cell table
row read without the `- ` or `| ... |` trafilatura lays it out with (`layout.py`). The page is parsed once with
lxml and the tree handed to trafilatura (body and metadata) and htmldate (date), which copy it
before pruning.

Extraction settings, measured on the article-extraction benchmark (`benchmarks/html_quality.py`):
trafilatura's precision mode without its fallback extractors is both more precise and faster
than its default, but now and then keeps far too little of a page; then the default (balanced,
with fallbacks) runs as well, and the longer text wins when it is much longer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .errors import InputError
from .normalize import normalize_line
from .ruleset.kinds import title_key

if TYPE_CHECKING:
    from .document import Document
    from .result import CleanResult
    from .ruleset.pack import RuleSet

# A precision-mode text shorter than this (characters) is checked against the default extraction.
SHORT_TEXT = 500
# ...and replaced by it when the default text is at least this many times longer.
FALLBACK_RATIO = 1.5

# trafilatura's metadata field -> our metadata key.
_META_FIELDS = (
    ("title", "title"),
    ("author", "author"),
    ("sitename", "site"),
    ("url", "canonical_url"),
    ("description", "description"),
)


@dataclass
class Page:
    """The main text of one HTML page and the metadata the page itself gives.

    `metadata` maps a field to `(value, source)`; the source names where on the page the value
    came from (`html:meta`, `html:htmldate`, ...), and ends up in `CleanResult.sources`.
    """

    text: str
    metadata: dict[str, tuple[Any, str]] = field(default_factory=dict)
    extractor: str = ""  # which extraction produced the text


def parse(content: str | bytes) -> Any:
    """An lxml tree of the page (None for an empty page); raises InputError when it is not HTML."""
    from trafilatura.utils import load_html

    try:
        tree = load_html(content)
    except Exception as e:  # noqa: BLE001 - lxml raises several types for broken input
        raise InputError(f"cannot parse HTML: {e}") from None
    return tree


def main_text(tree: Any, url: str | None = None) -> tuple[str, str]:
    """The main text of a parsed page and the name of the extraction that produced it."""
    from trafilatura import bare_extraction

    common = {"url": url, "include_comments": False, "with_metadata": False}
    doc = bare_extraction(tree, fast=True, favor_precision=True, **common)
    text = (doc.text if doc is not None else "") or ""
    if len(text) >= SHORT_TEXT:
        return text, "trafilatura:precision"
    doc = bare_extraction(tree, **common)
    other = (doc.text if doc is not None else "") or ""
    if len(other) >= FALLBACK_RATIO * max(len(text), 1):
        return other, "trafilatura:default"
    return text, "trafilatura:precision"


def page_metadata(tree: Any, url: str | None = None) -> dict[str, tuple[Any, str]]:
    """Title, author, site name, canonical URL, language and publication date from the page.

    trafilatura's metadata readers, minus the ones we do not use (categories, tags, licence,
    author guessed from the body), which cost more than the main-text extraction on news pages.
    """
    from trafilatura.metadata import (
        examine_meta,
        extract_meta_json,
        extract_sitename,
        extract_title,
        extract_url,
    )

    from .metadata.dates import html_date

    out: dict[str, tuple[Any, str]] = {}
    meta = examine_meta(tree)  # <meta> tags and OpenGraph
    if meta.author and " " not in meta.author:  # a handle or a single word is not a byline
        meta.author = None
    try:
        meta = extract_meta_json(tree, meta)  # JSON-LD overrides
    except Exception:  # noqa: BLE001 - malformed JSON-LD must not lose the page
        pass
    title_source = "html:meta"
    if not meta.title:
        meta.title, title_source = _title_element(tree) or extract_title(tree), "html:title"
    if meta.title:
        headline, site, how = headline_of(tree, " ".join(meta.title.split()), url)
        if headline:
            meta.title = headline
            title_source += how
    sole = sole_h1(tree)
    if sole is not None and sole != meta.title:
        meta.title, title_source = sole, "html:h1"
        if site and not meta.sitename:
            meta.sitename = site
    if not meta.url:
        meta.url = extract_url(tree, url)
    if not meta.sitename:
        meta.sitename = extract_sitename(tree)
    for src, key in _META_FIELDS:
        value = getattr(meta, src, None)
        if isinstance(value, str):
            value = " ".join(value.split())
        if value:
            out[key] = (value, title_source if key == "title" else f"html:{src}")
    lang = _page_lang(tree)
    if lang:
        out["language"] = (lang, "html:lang")
    found = html_date(tree, url)
    if found is not None:
        out["date"] = found
    return out


# The fewest words a page's single <h1> needs to be taken as its headline (one word is most
# often a logo or a section name).
SOLE_H1_MIN_WORDS = 2


def sole_h1(tree: Any) -> str | None:
    """The text of the page's only <h1>, which marks its headline: the <title> and og:title are
    often rewritten for search and sharing (kickers, site names, other wording). None when the
    page has no <h1> or several, or the one is a single word or overlong."""
    heads = tree.xpath("//h1")
    if len(heads) != 1:
        return None
    text = " ".join(heads[0].text_content().split())
    if len(text.split()) < SOLE_H1_MIN_WORDS or len(text) > 300:
        return None
    return text


def _title_element(tree: Any) -> str | None:
    found = tree.find(".//title")
    text = found.text_content() if found is not None else ""
    return " ".join(text.split()) or None


def headline_of(tree: Any, title: str, url: str | None) -> tuple[str, str | None, str]:
    """The headline in a page title ("Headline | Section | Site"), the site name it gives, and
    how it was found: an <h1> (or <h2>) that the title contains is the headline; otherwise the
    title's site and section parts are cut off (`metadata.title.split_title`)."""
    from .metadata.title import fold, split_title
    from .ruleset.hosts import host_of
    from .ruleset.kinds import TitleRule

    heads = [" ".join(h.text_content().split()) for h in tree.xpath("(//h1|//h2)[position() <= 6]")]
    heads = [h for h in heads if 2 <= len(h) <= 300]
    folded = fold(title)
    seps = TitleRule.separators
    if any(sep in title for sep in seps):
        for h in heads:
            fh = fold(h)
            if fh and fh != folded and fh in folded and len(h.split()) >= 2:
                rest = title.replace(h, " ").strip(" |-–—:·»«/›‹•")
                return h, (rest or None) if rest and len(rest.split()) <= 8 else None, "+h1"
    headline, site = split_title(title, {fold(h) for h in heads}, seps, host=host_of(url))
    return (headline, site, "+split") if headline != title else (title, None, "")


def _page_lang(tree: Any) -> str | None:
    """The page's declared language (`<html lang>` or a content-language meta), e.g. 'en'."""
    values = tree.xpath("/html/@lang|//meta[@http-equiv='content-language' or @name='language']/@content")
    for v in values:
        code = str(v).strip().split(",")[0].strip().replace("_", "-").lower()
        if 2 <= len(code.split("-")[0]) <= 3 and code.split("-")[0].isalpha():
            return code.split("-")[0]
    return None


def text_date(tree: Any, rs: RuleSet, printed: Any = None) -> tuple[str, str, bool] | None:
    """The date the page's visible text gives by the date rules: (ISO, source, trusted).

    `trusted` is true for a byline or dateline that a label qualifies ('Published ...',
    'Updated ...'): on pages that show one, it is the date the page itself states. `printed` is
    the page's text already read (`metadata.printed.read`), when the caller has it.
    """
    from .metadata import printed as printed_dates
    from .metadata import textdates

    if not rs.dates:
        return None
    best = (printed or printed_dates.read(tree, rs)).best
    if best is None:
        return None
    trusted = best.dateline and best.role in ("published", "updated")
    return best.iso, "html:text:" + textdates.source_of(best), trusted


# How many levels above the <h1> the headline's block (headline, byline, dateline) reaches.
HEADLINE_BLOCK_LEVELS = 3


def byline_date(tree: Any, rs: RuleSet) -> tuple[str, str] | None:
    """A labelled byline date ('Published ...', 'Updated ...') in the block around the page's
    <h1>, with its source; None when there is none."""
    from .document import Document
    from .metadata import textdates
    from .normalize import normalize_line
    from .visible import visible_text

    if not rs.dates:
        return None
    node = tree.find(".//h1")
    if node is None:
        return None
    for _ in range(HEADLINE_BLOCK_LEVELS):
        parent = node.getparent()
        if parent is None or parent.tag in ("body", "html"):
            break
        node = parent
    if not _has_byline_label(node.text_content(), rs):
        return None  # no 'Published'/'Updated' label in the block's text: no labelled byline
    doc = Document([normalize_line(x) for x in visible_text(node).split("\n")])
    best, _ = textdates.find(doc, rs)
    if best is None or not best.dateline or best.role not in ("published", "updated"):
        return None
    return best.iso, "html:byline:" + textdates.source_of(best)


def _has_byline_label(text: str, rs: RuleSet) -> bool:
    """False when the text holds none of the strings that a 'published' or 'updated' label
    needs (a cheap test on the block's raw text before its visible lines are laid out)."""
    maybe = rs.byline_label_may_match
    # normalised as the lines are: 'mis\xa0à jour' is 'mis à jour'
    return maybe is None or maybe(normalize_line(text))


def only_bare_markup(dates: list, iso: str) -> bool:
    """True when the markup states this day only as a bare date (`<meta name="date">`,
    `DC.date`): no publication, creation or modification property gives it."""
    return {d.role for d in dates if d.iso[:10] == str(iso)[:10]} == {"date"}


def check_markup_date(tree: Any, url: str | None, rs: RuleSet, meta: dict[str, tuple[Any, str]]) -> None:
    """Second thoughts on htmldate's date. The markup's UTC times first move to the page's own
    zone where the page shows it (`metadata.localtime`). When no markup property and no URL path
    gives htmldate's day (htmldate guessed it from the page's text: a header's 'today', a
    comment), the markup's own publication property wins. Else the page's printed dateline is the
    witness: when only a bare `<meta name="date">` gives the day (it does not say which date it
    is, and content systems fill it with the last change), a differing printed date wins; when the
    markup's publication property names another day and the printed date agrees with that, those
    two win. Last, a day that no publication property or URL states (a guess, or a modification
    date) yields to the dateline printed beside the headline, or to a labelled byline, when the
    page does not print that day there. The visible text is read only in these cases."""
    from .metadata import printed as printed_dates
    from .metadata.markup import markup_dates, published, url_date

    day = str(meta["date"][0])[:10]
    reading: list = []

    def printed() -> Any:
        if not reading:
            reading.append(printed_dates.read(tree, rs))
        return reading[0]

    dates = local_markup_dates(tree, markup_dates(tree), rs, printed, day)
    pub = published(dates)
    url_day = url_date(url)
    if pub is not None and pub.iso[:10] != day and not any(d.iso[:10] == day for d in dates) \
            and url_day != day:
        meta["date"] = (pub.iso, f"html:markup:{pub.key}")
        return
    bare = only_bare_markup(dates, day)
    if bare or (pub is not None and pub.iso[:10] != day):
        from_text = text_date(tree, rs, printed()) if rs.dates else None
        if from_text is not None and from_text[0][:10] != day:
            if pub is not None and pub.iso[:10] == from_text[0][:10]:
                meta["date"] = (pub.iso, f"html:markup:{pub.key}")
                return
            if bare:
                meta["date"] = from_text[:2]
                return
    stated = {d.role for d in dates if d.iso[:10] == day} - {"modified"}
    if not stated and url_day != day and rs.dates:
        found = printed_date_instead(printed(), day)
        if found is not None:
            meta["date"] = found


def local_markup_dates(tree: Any, dates: list, rs: RuleSet, printed: Any, day: str) -> list:
    """The markup's dates with UTC times moved to the page's own zone, as the page's other dates
    show it: the markup and `<time datetime>` first; the printed text (read through `printed()`)
    only when a UTC publication date is left that those gave no zone, and its UTC day is in doubt:
    htmldate read another day (`day`), or its time is a whole hour (a stored local midnight)."""
    from .metadata import localtime
    from .metadata import printed as printed_dates
    from .metadata.dates import to_iso

    def utc_published(ds: list) -> list:
        return [d for d in ds if d.role in ("published", "created") and localtime.is_utc(d.iso)]

    if not utc_published(dates):
        return dates
    witnesses = [d.iso for d in dates]
    witnesses += [iso for v in tree.xpath("//time/@datetime") if (iso := to_iso(str(v)))]
    out = localtime.localize(dates, witnesses)
    left = utc_published(out)
    if not left or not rs.dates:
        return out
    if not any(d.iso[:10] != day or localtime.on_the_hour(d.iso) for d in left):
        return out
    p = printed()
    near = [c.iso for c in p.cands if c is p.best or printed_dates.in_block(p, c)]
    return localtime.localize(dates, witnesses + near, near)


def printed_date_instead(printed: Any, day: str) -> tuple[str, str] | None:
    """The printed date that replaces a day no publication property states: the headline block's
    dateline when the block does not print that day, else a labelled byline ('Published ...',
    'Updated ...') when the page prints that day nowhere. None when neither is there."""
    from .metadata import printed as printed_dates
    from .metadata import textdates

    c = printed_dates.headline_dateline(printed)
    if c is not None and c.iso[:10] != day and not printed_dates.prints_day(printed, day, block=True):
        return c.iso, "html:headline:" + textdates.source_of(c)
    c = printed_dates.labelled_dateline(printed)
    if c is not None and c.iso[:10] != day and not printed_dates.prints_day(printed, day):
        return c.iso, "html:text:" + textdates.source_of(c)
    return None


def choose_date(tree: Any, url: str | None, meta: dict[str, tuple[Any, str]], rs: RuleSet | None) -> None:
    """The page's publication date, by trust: a labelled byline beside the headline
    ('Published ...', 'Aktualisiert ...' in the <h1>'s block), the page's metadata and markup
    (htmldate, fast, checked against the markup's own properties and the printed dateline:
    `check_markup_date`), a byline or dateline anywhere in the visible text (the date rules),
    and last htmldate's extensive guess. Measured on htmldate's own evaluation set
    (`benchmarks/metadata_quality.py`).

    Reading the whole visible text costs about a third of the extraction time, so it runs only
    when the markup gives no date or its date is in doubt; the headline's block is small and
    read always.
    """
    from .metadata.dates import html_date

    near = byline_date(tree, rs) if rs is not None else None
    if near is not None:
        meta["date"] = near
        return
    if "date" in meta:
        if rs is not None:
            check_markup_date(tree, url, rs, meta)
        return
    from_text = text_date(tree, rs) if rs is not None else None
    if from_text is not None:
        meta["date"] = from_text[:2]
        return
    found = html_date(tree, url, extensive=True)
    if found is not None:
        meta["date"] = found


def extract(content: str | bytes, url: str | None = None, rs: RuleSet | None = None, *,
            tree: Any = None) -> Page:
    """Main text and metadata of one HTML page (one parse, shared by every step). With a rule
    set, its date rules also read the page's visible text. `tree`: the page already parsed
    (`parse(content)`), when the caller has it."""
    if tree is None:
        tree = parse(content)
    if tree is None:
        return Page("", {}, "empty")
    meta = page_metadata(tree, url)
    choose_date(tree, url, meta, rs)
    text, how = main_text(tree, url)
    return Page(text, meta, how)


def page_stages(page: Page) -> list:
    """The engine's stages for an extracted page: the page's metadata goes in right after the
    header stage (a header rule is trusted more, text bylines less), a first line that repeats
    the page's headline leaves the text (the headline is metadata), and no repeated-line stage."""
    from . import engine

    def stage_page_meta(doc: Document, rs: RuleSet) -> None:
        for key, (value, source) in page.metadata.items():
            doc.set_meta(key, value, source)

    def stage_page_title(doc: Document, rs: RuleSet) -> None:
        title = doc.metadata.get("title")
        if not title:
            return
        title = normalize_line(title)  # the page's title, spaced as the document's lines are
        keys = {title_key(title)}
        keys.update(title_key(part) for sep in (" | ", " - ", " – ", " — ") for part in title.split(sep) if len(part) > 20)
        for n, i in enumerate(doc.alive()):
            if n >= 3:
                break
            if title_key(doc.lines[i]) in keys:
                doc.remove(i, "html.page-title", "title")

    # Repeated short lines in an extractor's output are table rows and list items, not the
    # doubled captions (alt text plus figcaption) of page text: that stage stays off here.
    # Not on extractor output: the repeated-line stage (it deleted table rows) and the main-text
    # stage (trafilatura already chose the main text; run again it cut aeb recall 0.976 -> 0.920).
    stages = [s for s in engine.STAGES if s is not engine.stage_repeated and s.__name__ != "stage_maintext"]
    at = stages.index(engine.stage_headers) + 1 if engine.stage_headers in stages else 0
    stages[at:at] = [stage_page_meta, stage_page_title]
    return stages


def clean_html(content: str | bytes, rs: RuleSet, *, url: str | None = None, host: str | None = None,
               site: str | None = None, doc_id: str | None = None, tree: Any = None,
               url_source: str | None = None) -> CleanResult:
    """Clean one HTML page: extract its main text and metadata, then run the rule stages.

    `tree`: the page already parsed. `url_source`: where on the page `url` was found
    (`page_url.own_url`) when the caller gave none; it becomes the source of the result's URL.
    """
    from . import engine

    page = extract(content, url, rs, tree=tree)
    result = engine.run(page.text, rs, url=url, host=host, site=site, doc_id=doc_id, stages=page_stages(page),
                        marked=True)  # trafilatura's `- item` and `| cell |` (see layout.py)
    if url_source and url:
        result.sources["url"] = url_source
    return result
