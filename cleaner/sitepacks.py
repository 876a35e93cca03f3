"""A site pack only removes: the main-text stage decides as it would with the default rules alone.

A site pack's rules take out lines the defaults miss (inserts, footers, a comment section). Those
removals also change what the main-text stage sees, and so which run of prose it picks: removing a
repeated line in the middle of an article can split the run and lose its second half; removing a
comment section's heading (a barrier for the stage) or the signatures between comments can let the
run grow into the comments. A person who writes (or accepts) a pack expects it to remove what its
rules match, and nothing else. So, for plain text, a document whose rules include a site pack is
also cleaned with the same rules minus the site packs, and the main-text stage's choice is taken
from that cleaning: a line it keeps stays unless a site rule removed it, and a line it drops as
before or after the article goes. What the site pack's rules themselves keep (a default rule it
switches off with `disable`) stays kept.

When the site rules remove every line the defaults would keep, or most of their words, the
defaults' choice was the site's furniture, and the main-text stage's choice with the pack stands
(see `_default_text_left`). A site rule never removes a line the defaults keep that repeats the
page's own headline (see `_headline`): a list of post titles repeats across a site's pages, and
the title of this page's article is one of its lines on the others.

A site pack with its own `[maintext]` table tunes the main-text stage for its site on purpose; then
its result is taken as it is.
"""

from __future__ import annotations

from typing import Any

from .document import Document
from .ruleset.kinds import title_key

MAINTEXT = "maintext."  # ids of the main-text stage's removals start with this
# The defaults' article counts as left when its words kept by the site rules are at least this
# many times the words the site rules removed from it.
LEFT_SHARE = 1.0
# A line that is only the start or end of the page title must have this many words to count as
# its headline (a site name or a one-word section would match too easily).
HEADLINE_MIN_WORDS = 3


def pack_changed(doc: Document, rs: Any, site_ids: frozenset[str]) -> bool:
    """Whether the site packs changed what the stages saw: a site rule removed or stripped
    something, or a pack switches default rules off or changes how dates and words are read.
    When not, the defaults alone would have seen the same lines at every stage and the second
    cleaning would give the same result, so it is skipped."""
    if rs.site_settings:
        return True
    return any(rb is not None and rb[0] in site_ids for rb in doc.removed_by) or any(
        r.rule in site_ids for r in doc.inline)


def keep_default_text(doc: Document, base: Document, site_ids: frozenset[str]) -> None:
    """Make `doc` (cleaned with the site pack) follow the main-text choice of `base` (cleaned
    without it): restore the lines `base` keeps that no site rule removed (with the default
    cleaning's text, inline strips included), and remove the lines `base`'s main-text stage drops."""
    if not _default_text_left(doc, base, site_ids):
        return
    restored = set()
    headline = _headline(base)
    for i, rb in enumerate(doc.removed_by):
        gone = base.removed_by[i]
        if rb is None:
            if gone is not None and gone[0].startswith(MAINTEXT):
                doc.remove(i, *gone)
            continue
        if gone is not None or not base.lines[i] or (rb[0] in site_ids and not _repeats_headline(base.lines[i], headline)):
            continue
        doc.removed_by[i] = None
        doc.lines[i] = base.lines[i]
        restored.add(i)
    if restored:
        doc._alive = None
        doc.inline = [r for r in doc.inline if r.start_line - 1 not in restored]
        doc.inline.extend(r for r in base.inline if r.start_line - 1 in restored)


def _headline(base: Document) -> str | None:
    """The page's own headline (the title stage's, from the page-title line), compared as
    `title_key`. A site pack learns lines that repeat across its pages, and a list of post titles
    (a sidebar's "recent posts") repeats too: the title of one page's article is a line of that list
    on the others. So a site rule never takes out a line the defaults keep that repeats the
    headline of the page being cleaned."""
    title = base.metadata.get("title")
    return title_key(title) if isinstance(title, str) and title.strip() else None


def _repeats_headline(line: str, headline: str | None) -> bool:
    """Whether `line` is the headline, or the headline part of a page title that also names the
    site ("Site: Headline", "Headline | Site"): a run of at least HEADLINE_MIN_WORDS words at
    the title's start or end, cut at a word boundary."""
    if not headline:
        return False
    key = title_key(line)
    if key == headline:
        return True
    if len(key.split()) < HEADLINE_MIN_WORDS:
        return False
    if headline.endswith(key):
        return not headline[-len(key) - 1].isalnum()
    if headline.startswith(key):
        return not headline[len(key)].isalnum()
    return False


def _default_text_left(doc: Document, base: Document, site_ids: frozenset[str]) -> bool:
    """Whether most of the defaults' article survives the site rules. When the site's own rules
    remove all or most of it (in words), what the defaults took for the article was the site's
    furniture (a blurb on every page, a comment notice) and the real article, too short to win
    against it, is what the main-text stage chose once the furniture was gone: that choice stands."""
    kept = gone_words = 0
    for i, gone in enumerate(base.removed_by):
        if gone is not None or not base.lines[i]:
            continue
        words = len(base.lines[i].split())
        if doc.removed_by[i] is not None and doc.removed_by[i][0] in site_ids:
            gone_words += words
        else:
            kept += words
    return kept > 0 and kept >= gone_words * LEFT_SHARE
