"""The stage pipeline over one document's lines. Each stage is a small function over a Document.

Order (see DESIGN.md): normalise -> metadata headers -> trailer -> leading navigation -> page
title -> blocks -> line rules -> repeated lines -> inline strips -> metadata from context ->
canonical paragraphs. Rules say what matches; the stages own iteration and bookkeeping.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from itertools import accumulate

from . import layout
from .document import Document
from .maintext import stage_maintext
from .metadata.dates import to_iso
from .metadata.textdates import stage_dates
from .normalize import normalize_line, normalize_text, paragraphs
from .quotes import is_attribution
from .result import CleanResult, Removal
from .ruleset.pack import RuleSet
from .sitepacks import keep_default_text, pack_changed

# Punctuation and symbols that may remain after an inline strip and carry no text.
_RESIDUE = " \t.,;:|-–—·•()[]{}/\\\"'“”‘’«»"

# Metadata fields whose values are dates and get normalised to ISO 8601.
DATE_FIELDS = ("date", "published", "updated", "modified")


def stage_headers(doc: Document, rs: RuleSet) -> None:
    """Metadata headers at the top; a header glued to the first sentence is split off it."""
    if not rs.headers:
        return
    limit = max(r.max_line for r in rs.headers)
    for n, i in enumerate(doc.alive()):
        if n >= limit:
            break
        matched = False
        progress = True
        while progress and doc.removed_by[i] is None:
            progress = False
            for rule in rs.headers:
                if n >= rule.max_line:
                    continue
                parsed = rule.parse(doc.lines[i])
                if parsed is None:
                    continue
                fields, end = parsed
                for key, value in fields.items():
                    if key in DATE_FIELDS:
                        iso = to_iso(value)
                        if iso is None:
                            doc.set_meta(key + "_raw", value, rule.id)
                            continue
                        value = iso
                    doc.set_meta(key, value, rule.id)
                line = doc.lines[i]
                rest = line[end:].strip()
                if rest:
                    doc.inline.append(Removal(rule.id, rule.kind, i + 1, i + 1, line[:end].strip(), (0, end)))
                    doc.lines[i] = rest
                else:
                    doc.remove(i, rule.id, rule.kind)
                matched = progress = True
                break
        if not matched:
            break


def stage_trailer(doc: Document, rs: RuleSet) -> None:
    """Cut everything from the first trailer marker found past its rule's `min_position`."""
    if not rs.trailers:
        return
    alive = doc.alive()
    lines = doc.lines
    seen = list(accumulate(map(len, map(lines.__getitem__, alive)), initial=0))  # text before each line
    total = seen[-1] or 1
    earliest = min(r.min_position for r in rs.trailers.rules)  # type: ignore[attr-defined]
    scan = rs.trailers.scan
    # From just before the first line past the earliest position (a rounding step from the
    # division below cannot skip a line); the division decides, as it always did.
    k = max(0, bisect_left(seen, earliest * total, 0, len(alive)) - 1)
    while k < len(alive) and seen[k] / total < earliest:
        k += 1
    # The lines from there on, a few at a time (one matcher call each, not one a line).
    for a in range(k, len(alive), _TRAILER_CHUNK):
        for i, rule in scan(lines, alive[a:a + _TRAILER_CHUNK]):
            k = alive.index(i, a)
            if seen[k] / total < rule.min_position:  # type: ignore[attr-defined]
                continue
            for j in alive[k:]:
                doc.remove(j, rule.id, "trailer")  # type: ignore[attr-defined]
            return


# Lines the trailer stage hands the matcher at a time.
_TRAILER_CHUNK = 16


def stage_leading(doc: Document, rs: RuleSet) -> None:
    """Navigation and breadcrumb lines before the article."""
    if not rs.leading:
        return
    for n, i in enumerate(doc.alive()):
        if n >= rs.leading_window:
            break
        rule = rs.leading.first(doc.lines[i])
        if rule is not None and n < rule.window:  # type: ignore[attr-defined]
            doc.remove(i, rule.id, "leading")  # type: ignore[attr-defined]


def stage_title(doc: Document, rs: RuleSet) -> None:
    """The page-title line becomes metadata; it and its repeats leave the text."""
    if not rs.titles:
        return
    rule = rs.titles[0]
    alive = doc.alive()
    if not alive:
        return
    texts = [doc.lines[i] for i in alive]
    found = rule.find(texts, _BlankAfter(doc, alive), host=doc.host)  # type: ignore[arg-type]  # (a lazy sequence)
    if found is None:
        return
    doc.set_meta("title", found.title, rule.id)
    if found.site:
        doc.set_meta("site", found.site, rule.id)
    for k in [found.index, *found.repeats]:
        doc.remove(alive[k], rule.id, rule.kind)


class _BlankAfter:
    """`blank_after[k]`: whether a blank or removed line follows the k-th alive line, worked out
    when asked (the title rule asks about the first line only)."""

    def __init__(self, doc: Document, alive: list[int]) -> None:
        self.doc, self.alive = doc, alive

    def __len__(self) -> int:
        return len(self.alive)

    def __getitem__(self, k: int) -> bool:
        nxt = self.alive[k] + 1
        lines = self.doc.lines
        return nxt >= len(lines) or not lines[nxt] or self.doc.removed_by[nxt] is not None


def stage_blocks(doc: Document, rs: RuleSet) -> None:
    """Blocks from a start line to an end line, or of a fixed length."""
    if not rs.blocks:
        return
    alive = doc.alive()
    texts = [doc.lines[i] for i in alive]
    # Only where some rule may start (by first characters), in order; a block skips its lines.
    where: set[int] = set()
    for rule in rs.blocks:
        got = rule.may_start(texts)
        where.update(range(len(texts)) if got is None else got)
    after = 0
    for k in sorted(where):
        if k < after:
            continue
        for rule in rs.blocks:
            if rule.starts(texts[k]):
                n = rule.extent(texts, k)
                if n:
                    for j in alive[k:k + n]:
                        doc.remove(j, rule.id, rule.kind)
                    after = k + n
                    break


def stage_lines(doc: Document, rs: RuleSet) -> None:
    """Drop lines that a line rule matches."""
    if not rs.lines:
        return
    for i, rule in rs.lines.scan(doc.lines, doc.alive()):
        doc.remove(i, rule.id, "line")  # type: ignore[attr-defined]


def stage_repeated(doc: Document, rs: RuleSet) -> None:
    """Short lines repeated close together (captions shown twice, doubled menu entries)."""
    for rule in rs.repeated:
        alive = doc.alive()
        for k in rule.find([doc.lines[i] for i in alive]):
            if not is_attribution(doc.lines[alive[k]]):  # two posts of one author and day share it
                doc.remove(alive[k], rule.id, rule.kind)


def stage_inline(doc: Document, rs: RuleSet) -> None:
    """Strip fragments from kept lines; a line left with nothing but punctuation goes entirely."""
    if not rs.inline:
        return
    maybe = rs.inline_may_match
    for i in doc.alive():
        if maybe is not None and not maybe(doc.lines[i]):
            continue  # no inline rule can match the line
        for rule in rs.inline:
            line = doc.lines[i]
            spans = rule.spans(line)
            if not spans:
                continue
            for a, b in reversed(spans):
                line = line[:a] + line[b:]
            line = normalize_line(line)
            if not line.strip(_RESIDUE):
                doc.remove(i, rule.id, rule.kind)
                break
            for a, b in spans:
                doc.inline.append(Removal(rule.id, rule.kind, i + 1, i + 1, doc.lines[i][a:b], (a, b)))
            doc.lines[i] = line


def stage_site(doc: Document, rs: RuleSet) -> None:
    """The site name: a header or the page title gave it, else the site pack, else the URL host."""
    if rs.site_name:
        doc.set_meta("site", rs.site_name, "pack")
    if doc.host:
        doc.set_meta("site", doc.host[4:] if doc.host.startswith("www.") else doc.host, "url")


Stage = Callable[[Document, RuleSet], None]

STAGES: list[Stage] = [
    stage_headers,
    stage_trailer,
    stage_leading,
    stage_title,
    stage_dates,
    stage_blocks,
    stage_lines,
    stage_repeated,
    stage_inline,
    stage_maintext,
    stage_site,
]


def run(text: str, rs: RuleSet, *, url: str | None = None, host: str | None = None,
        site: str | None = None, doc_id: str | None = None, stages: list[Stage] | None = None,
        marked: bool = False) -> CleanResult:
    """Clean one plain-text document with a compiled rule set. `marked`: the text is laid out
    with list-item and table-row markers (an extractor's output, `layout.py`), which the stages
    do not see and the kept lines keep."""
    text, repaired = normalize_text(text)
    lines = [" ".join(x.split()) for x in text.split("\n")]  # normalize_line, inlined
    marks = None
    if marked:
        lines, marks = layout.unwrap(lines)
    stages = STAGES if stages is None else stages
    doc = Document(list(lines), url=url, host=host, site=site)
    for stage in stages:
        stage(doc, rs)
    site_ids = rs.site_rule_ids if stage_maintext in stages else None
    if site_ids is not None and pack_changed(doc, rs, site_ids):  # a site pack only removes (see sitepacks.py)
        base = Document(lines, url=url, host=host, site=site)
        for stage in stages:
            stage(base, rs.base)  # type: ignore[arg-type]  # (set when site_ids is)
        keep_default_text(doc, base, site_ids)
    if marks is not None:
        layout.drop_lone_rules(doc, marks)
    kept = doc.kept_lines()
    result = CleanResult(
        text=paragraphs(kept if marks is None else layout.rewrap(kept, marks)),
        metadata=doc.metadata,
        removed=doc.removals(),
        sources=doc.sources,
        id=doc_id,
        url=url,
        repaired=repaired,
    )
    return result
