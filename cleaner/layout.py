"""trafilatura's layout markers, taken off the lines the rules read and put back on the kept lines.

On the HTML path the main text comes laid out in trafilatura's txt format: a list item is
`- item`, a table row `| a | b |`. A rule written against a page's plain text (by hand, or by
`rules suggest` from the visible text) matches the item's own text: an anchored `^Read more: .*$`
or a literal line `Share this:` never fires on `- Read more: ...` or `| Share this: |`. So the
stages read a list item without its `- ` and a one-cell row without its `| ... |` framing; the
output keeps the markers, which are how the text shows readers a list and a table (they are
punctuation, no words).

A row of several cells stays whole: its cells are one line of the table, and a line rule about a
single cell would take the row's other cells with it.

A table's header rule (`|---|---|`) has no words for a rule to match: when the rules remove the
rows around it, it would stay behind alone, so it goes with them (`drop_lone_rules`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .document import Document

# A table's header rule as trafilatura writes it: |---|---| (markdown also allows | :-: |).
_RULE = re.compile(r"\|(?:[ \t]*:?-+:?[ \t]*\|)+")

# A marker and the text around it, per line: (before, after); None for a line without markers.
Marks = list[tuple[str, str] | None]


def unwrap(lines: list[str]) -> tuple[list[str], Marks]:
    """The lines without their list-item and one-cell-row markers, and the markers taken off.

    Lines are whitespace-normalised (`normalize_line`): an indented nested item `  - x` is `- x`.
    """
    out: list[str] = []
    marks: Marks = []
    for line in lines:
        mark = _marker(line)
        if mark is None:
            out.append(line)
            marks.append(None)
        else:
            before, after = mark
            out.append(line[len(before):len(line) - len(after)])
            marks.append(mark)
    return out, marks


def rewrap(lines: list[str], marks: Marks) -> list[str]:
    """Kept lines with their markers back on (a removed line, blank, stays blank)."""
    return [t if m is None or not t else m[0] + t + m[1] for t, m in zip(lines, marks, strict=True)]


def _marker(line: str) -> tuple[str, str] | None:
    """(before, after) around the text of a list item or a one-cell table row; None otherwise."""
    if line.startswith("- ") and len(line) > 2:
        return "- ", ""
    if len(line) > 2 and line[0] == "|" and line[-1] == "|":
        cells = [c.strip() for c in line[1:-1].split("|")]
        filled = [c for c in cells if c]
        if len(filled) != 1 or not filled[0].strip("-: "):  # several cells, or a header rule |---|
            return None
        cell = filled[0]
        start = line.index(cell)
        return line[:start], line[start + len(cell):]
    return None


def _is_row(line: str, mark: tuple[str, str] | None) -> bool:
    """A table row: framed in `|` (a one-cell row was unwrapped, its frame is in its mark)."""
    if mark is not None:
        return mark[0].startswith("|")
    return len(line) > 2 and line[0] == "|" and line[-1] == "|" and not _RULE.fullmatch(line)


def drop_lone_rules(doc: Document, marks: Marks) -> None:
    """Remove a table's header rule once rules removed every row next to it (the header above,
    the first row below): left alone, it is a line of `|---|` in the text."""
    lines, removed_by = doc.original, doc.removed_by
    last = len(lines) - 1
    for i in doc.alive():
        if lines[i][:1] != "|" or not _RULE.fullmatch(lines[i]):
            continue
        rows = [j for j in (i - 1, i + 1) if 0 <= j <= last and _is_row(lines[j], marks[j])]
        if rows and all(removed_by[j] is not None for j in rows):
            doc.remove(i, "html.table-rule", "layout")
