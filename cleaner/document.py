"""The working state of one document while the stages run: its lines and what removed each.

Stages never delete lines; they mark them, so every removal keeps its original line number and
the rule that made it, and the explanation can be replayed against the input.
"""

from __future__ import annotations

from typing import Any

from .result import Removal


class Document:
    """Lines of one document (whitespace-normalised), with removal marks and metadata."""

    __slots__ = ("lines", "original", "removed_by", "inline", "metadata", "sources", "url", "host", "site", "_alive")

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

    def alive(self) -> list[int]:
        """Indices of non-blank lines no stage has removed, in order (cached until a removal).

        Callers must not modify the returned list; stages may set a line's text to another
        non-empty text, and remove lines only through `remove`.
        """
        if self._alive is None:
            rb = self.removed_by
            self._alive = [i for i, t in enumerate(self.lines) if t and rb[i] is None]
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
        run: list[int] = []
        run_rule: tuple[str, str] | None = None

        def flush() -> None:
            if run and run_rule:
                text = "\n".join(self.original[i] for i in run)
                out.append(Removal(run_rule[0], run_rule[1], run[0] + 1, run[-1] + 1, text))

        for i, rb in enumerate(self.removed_by):
            if rb is None:
                if self.lines[i]:
                    flush()
                    run, run_rule = [], None
                continue
            if rb != run_rule:
                flush()
                run, run_rule = [], rb
            run.append(i)
        flush()
        out.extend(self.inline)
        out.sort(key=lambda r: (r.start_line, r.span or (0, 0)))
        return out

    def kept_lines(self) -> list[str]:
        """Kept line texts; removed lines become blank, so they separate paragraphs."""
        return [t if rb is None else "" for t, rb in zip(self.lines, self.removed_by, strict=True)]
