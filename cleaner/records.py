"""The JSON record of one cleaned document, shared by every writer and engine integration.

The local CLI, Ray, HuggingFace datasets and datatrove all produce this shape, so outputs can be
compared record for record: the input's own fields carried through untouched, with the text field
replaced by the cleaned text, plus `metadata` and `sources` (and `removed` when asked for).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .result import CleanResult


def to_record(
    result: CleanResult,
    source: Mapping[str, Any] | None = None,
    *,
    text_field: str = "text",
    id_field: str = "id",
    with_removed: bool = False,
) -> dict[str, Any]:
    """One output record: the input's fields, `text_field` = cleaned text, metadata, sources."""
    rec: dict[str, Any] = dict(source) if source else {}
    if result.id is not None and id_field not in rec:
        rec[id_field] = result.id
    if result.url is not None and "url" not in rec:
        rec["url"] = result.url
    rec[text_field] = result.text
    rec["metadata"] = dict(result.metadata)
    rec["sources"] = dict(result.sources)
    if with_removed:
        rec["removed"] = [r.to_dict() for r in result.removed]
    return rec
