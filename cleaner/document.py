"""The working state of one document while the stages run: its lines and what removed each.

Stages never delete lines; they mark them, so every removal keeps its original line number and
the rule that made it, and the explanation can be replayed against the input.
"""

from __future__ import annotations

from itertools import groupby
from typing import Any

from .result import Removal


class Document:
    """Lines of one document (whitespace-normalised), with removal marks and metadata."""

    __slots__ = ("lines", "original", "removed_by", "inline", "metadata", "sources", "url", "host", "site", "_alive", "_nonblank")

    def __init__(self, lines: list[str], url: str | None = None, host: str | None = None, site: str | None = None):
        self.lines = lines
        # The text of each line before any inline strip (what a whole-line removal records).
        self.original = list(lines)
        self.removed_by: list[tuple[str, str] | None] = [None] * len(lines)
        self.inline: list[Removal] = []
        self.metadata: dict[str, Any] = {}
        self.sources: dict[str, str] = {}
        self.url = url
        self.host = host
        self.site = site
        self._alive: list[int] | None = None
        self._nonblank: list[int] | None = None  # lines never turn blank or non-blank (see alive)

    def alive(self) -> list[int]:
        """Indices of non-blank lines no stage has removed, in order (cached until a removal).

        Callers must not modify the returned list; stages may set a line's text to another
        non-empty text, and remove lines only through `remove`.
        """
        if self._alive is None:
            if self._nonblank is None:  # found once: a stage never makes a line blank or non-blank
                self._nonblank = [i for i, t in enumerate(self.lines) if t]
            rb = self.removed_by
            self._alive = [i for i in self._nonblank if rb[i] is None]
        return self._alive

    def remove(self, i: int, rule_id: str, kind: str) -> None:
        if self.removed_by[i] is None and self.lines[i]:
            self.removed_by[i] = (rule_id, kind)
            self._alive = None

    def set_meta(self, key: str, value: Any, source: str, *, override: bool = False) -> bool:
        """Set a metadata field unless a more trusted source already set it."""
        if value in (None, "") or (key in self.metadata and not override):
            return False
        self.metadata[key] = value
        self.sources[key] = source
        return True

    def removals(self) -> list[Removal]:
        """Whole-line removals grouped into runs (same rule, only blank lines between), plus
        inline strips, in line order."""
        out: list[Removal] = []
        self.alive()  # (finds the non-blank lines)
        original = self.original
        # Runs of non-blank lines with one mark (blank lines are never marked, and never end a
        # run); the runs of kept lines (mark None) are no removals.
        for rb, run in groupby(self._nonblank or (), key=self.removed_by.__getitem__):
            if rb is None:
                continue
            lines = list(run)
            out.append(Removal(rb[0], rb[1], lines[0] + 1, lines[-1] + 1, "\n".join(map(original.__getitem__, lines))))
        out.extend(self.inline)
        out.sort(key=lambda r: (r.start_line, r.span or (0, 0)))
        return out

    def kept_lines(self) -> list[str]:
        """Kept line texts; removed lines become blank, so they separate paragraphs."""
        return [t if rb is None else "" for t, rb in zip(self.lines, self.removed_by, strict=True)]
