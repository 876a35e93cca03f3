"""A site pack only removes: it never makes the main-text stage drop text the defaults keep.

A site pack's rules take out lines the defaults miss (inserts, footers, a comment section). Those
removals also change what the main-text stage sees, and so which run of prose it picks: removing a
repeated line in the middle of an article can split the run, and cutting a trailer can make a
signature at the article's end look like a trailing byline. A person who writes (or accepts) a pack
expects it to remove what its rules match, not other text. So, for plain text, a document whose
rules include a site pack is also cleaned with the same rules minus the site packs, and every line
that this default cleaning keeps stays, unless a rule of the site pack itself removed it.

Lines the pack's run keeps beyond the default run stay too (a pack that removes a misleading block
may move the main text to the real article). A site pack with its own `[maintext]` table tunes the
main-text stage for its site on purpose; then its result is taken as it is.
"""

from __future__ import annotations

from typing import Any

from .document import Document


def site_rule_ids(rs: Any) -> frozenset[str] | None:
    """Ids of the site packs' rules in this rule set, or None when the guard does not apply
    (no site pack, no defaults-only rule set to compare with, or a site pack tunes `[maintext]`)."""
    cached = getattr(rs, "_site_rule_ids", False)
    if cached is not False:
        return cached
    ids: frozenset[str] | None = None
    site_packs = [p for p in getattr(rs, "packs", ()) if p.is_site_pack]
    if site_packs and getattr(rs, "base", None) is not None and not any("maintext" in p.config for p in site_packs):
        ids = frozenset(r.id for p in site_packs for r in p.rules)
    rs._site_rule_ids = ids
    return ids


def keep_default_text(doc: Document, base: Document, site_ids: frozenset[str]) -> None:
    """Restore in `doc` (cleaned with the site pack) the lines `base` (cleaned without it) keeps,
    unless a site rule removed them; a restored line takes the default cleaning's text (its inline
    strips included)."""
    restored = set()
    for i, rb in enumerate(doc.removed_by):
        if rb is None or base.removed_by[i] is not None or not base.lines[i] or rb[0] in site_ids:
            continue
        doc.removed_by[i] = None
        doc.lines[i] = base.lines[i]
        restored.add(i)
    if restored:
        doc._alive = None
        doc.inline = [r for r in doc.inline if r.start_line - 1 not in restored]
        doc.inline.extend(r for r in base.inline if r.start_line - 1 in restored)
