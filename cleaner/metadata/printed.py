"""The dates an HTML page prints in its visible text, read once by the date rules, and the one its
headline block shows.

The headline is where the title stage found it repeated in the text, else where the page's <h1>
stands. A byline or dateline just under (or a few lines above) the headline is the article's own
date; dates further away belong to teasers, sidebars, comments and calendars.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from . import textdates

if TYPE_CHECKING:
    from ..ruleset.pack import RuleSet

# The headline block: this many lines above the headline (kickers, datelines set above the
# title) and below it (byline, dateline, teaser).
BLOCK_BEFORE = textdates.BEFORE_HEADLINE
BLOCK_AFTER = 5


@dataclass
class Printed:
    """What the date rules found in a page's visible text: the chosen date, every candidate, and
    where the headline stands (positions among the kept lines: the title stage's, the <h1>'s)."""

    best: textdates.Candidate | None
    cands: list[textdates.Candidate] = field(default_factory=list)
    headlines: list[int] = field(default_factory=list)


def _h1_index(tree: Any, lines: list[str], alive: list[int]) -> int | None:
    """Position among the kept lines of the line that is the page's first <h1>."""
    from ..normalize import normalize_line

    h1 = tree.find(".//h1")
    if h1 is None:
        return None
    text = normalize_line(h1.text_content())
    if not text:
        return None
    return next((k for k, i in enumerate(alive) if lines[i] == text), None)


def read(tree: Any, rs: RuleSet) -> Printed:
    """The dates of the page's visible text (its title line and repeats taken out first)."""
    from .. import engine
    from ..document import Document
    from ..normalize import normalize_line
    from ..visible import visible_text

    lines: list[str] = []
    for raw in visible_text(tree).split("\n"):
        line = normalize_line(raw)
        if line or (lines and lines[-1]):  # one blank line stands for a run of them
            lines.append(line)
    doc = Document(lines)
    engine.stage_title(doc, rs)
    alive = doc.alive()
    titled = textdates._headline_index(doc, alive)
    h1 = _h1_index(tree, doc.lines, alive)
    # The headline the title stage found, else the <h1>, anchors the choice (as in textdates.find).
    cands = textdates.candidates(doc, rs) if rs.dates else []
    best = textdates.choose(cands, titled if titled is not None else h1) if cands else None
    return Printed(best, cands, [k for k in (titled, h1) if k is not None])


def in_block(printed: Printed, c: textdates.Candidate) -> bool:
    """True when the candidate stands in the headline block."""
    return any(h - BLOCK_BEFORE <= c.index <= h + BLOCK_AFTER for h in printed.headlines)


def _first_dateline(cands: list[textdates.Candidate], roles: tuple[str, ...]) -> textdates.Candidate | None:
    """The first byline or dateline among `cands` with the first of `roles` that has one."""
    for role in roles:
        found = next((c for c in cands if c.dateline and c.role == role), None)
        if found is not None:
            return found
    return None


def headline_dateline(printed: Printed) -> textdates.Candidate | None:
    """The date of the headline block: a byline or dateline there, a 'published' one first, then
    an unlabelled one, then an 'updated' one; None when the block prints no date."""
    block = [c for c in printed.cands if in_block(printed, c)]
    return _first_dateline(block, ("published", "date", "updated"))


def prints_day(printed: Printed, day: str, *, block: bool = False) -> bool:
    """True when the page prints this day (anywhere, or in the headline block)."""
    for c in printed.cands:
        if c.iso[:10] != day[:10]:
            continue
        if not block or in_block(printed, c):
            return True
    return False


def labelled_dateline(printed: Printed) -> textdates.Candidate | None:
    """The first byline labelled 'published' anywhere in the text, else the first 'updated' one."""
    return _first_dateline(printed.cands, ("published", "updated"))
