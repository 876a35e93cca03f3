"""What a cleaning returns: the text, the metadata with its provenance, and every removal.

A `CleanResult` is plain data (dataclasses of str/int/dict/list) so it pickles, crosses process
boundaries and serialises to JSON without help.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Removal:
    """One piece of text a rule removed.

    `start_line`/`end_line` are 1-based, inclusive line numbers in the input text. For an inline
    strip both are the same line and `span` gives the character offsets of the fragment within
    that (whitespace-normalised) line; for whole lines `span` is None.
    """

    rule: str
    kind: str
    start_line: int
    end_line: int
    text: str
    span: tuple[int, int] | None = None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        if self.span is None:
            d.pop("span")
        else:
            d["span"] = list(self.span)
        return d


@dataclass
class CleanResult:
    """The article's paragraphs, metadata and an account of what was removed and why.

    `sources` maps each metadata field to what produced it (a rule id such as
    ``meta.date-header``, or ``url`` / ``html:<field>`` for values taken from the page itself).
    """

    text: str
    metadata: dict[str, Any] = field(default_factory=dict)
    removed: list[Removal] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)
    id: str | None = None
    url: str | None = None
    repaired: bool = False  # True when ftfy repaired broken Unicode in the input

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (used by the writers and the distributed integrations)."""
        d: dict[str, Any] = {}
        if self.id is not None:
            d["id"] = self.id
        if self.url is not None:
            d["url"] = self.url
        d["text"] = self.text
        d["metadata"] = dict(self.metadata)
        d["sources"] = dict(self.sources)
        d["removed"] = [r.to_dict() for r in self.removed]
        if self.repaired:
            d["repaired"] = True
        return d

    def removed_by_rule(self) -> dict[str, int]:
        """How many lines each rule removed (inline strips count once each)."""
        counts: dict[str, int] = {}
        for r in self.removed:
            counts[r.rule] = counts.get(r.rule, 0) + (r.end_line - r.start_line + 1)
        return counts
