"""A readable account of one cleaning: each removal with its rule, each metadata field with its source."""

from __future__ import annotations

from .result import CleanResult


def explain(result: CleanResult, *, width: int = 100) -> str:
    """Render the removals (line span, rule id, text) and the metadata provenance as text."""
    out: list[str] = []
    if result.url:
        # which site's packs applied follows from the URL, so say where it came from: the caller,
        # or the page itself (og:url, canonical link, <base>) for HTML given without one
        out.append(f"url: {result.url}  <- {result.sources.get('url', 'given')}")
    out.append("metadata:")
    if not result.metadata:
        out.append("  (none)")
    for key, value in result.metadata.items():
        out.append(f"  {key} = {value!r}  <- {result.sources.get(key, '?')}")
    out.append(f"removed ({len(result.removed)}):")
    for r in result.removed:
        span = f"L{r.start_line}" if r.start_line == r.end_line else f"L{r.start_line}-{r.end_line}"
        first = r.text.split("\n")
        text = first[0] if len(first[0]) <= width else first[0][: width - 1] + "…"
        more = f" (+{len(first) - 1} lines)" if len(first) > 1 else ""
        part = " [inline]" if r.span else ""
        out.append(f"  {span:>9}  {r.rule:<28} {text!r}{more}{part}")
    if result.repaired:
        out.append("note: broken Unicode was repaired (ftfy)")
    return "\n".join(out)
