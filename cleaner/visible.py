"""The visible text of a parsed HTML page with its line structure: block elements break lines,
scripts, styles and the <head> do not show. The page's <title> comes first, as a browser's
text export has it. Used to find bylines and datelines that the main-text extraction leaves out.
"""

from __future__ import annotations

from typing import Any

_SKIP = frozenset({"script", "style", "noscript", "template", "head", "svg", "iframe", "object", "canvas", "select"})
_BLOCK = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "fieldset", "figcaption",
    "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav",
    "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul", "time", "label", "button", "option",
})


def _hidden(el: Any) -> bool:
    """An element the page hides from readers (`hidden`, an inline `display: none`)."""
    if el.get("hidden") is not None:
        return True
    style = el.get("style")
    return bool(style) and "display:none" in style.replace(" ", "").lower()


def visible_text(tree: Any) -> str:
    """Lines of visible text of an lxml HTML tree or subtree (without recursion: deep pages are
    common). The text after a subtree's root (its tail) is not part of it."""
    from lxml import etree

    parts: list[str] = []
    title = tree.find(".//title")
    if title is not None and title.text:
        parts.extend((title.text, "\n"))
    walker = etree.iterwalk(tree, events=("start", "end"))
    skipped = None  # the element whose subtree was just skipped (its end event comes next)
    for event, el in walker:
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if not tag or tag in _SKIP or _hidden(el):
                walker.skip_subtree()  # its descendants are never visited (scripts, svg, hidden)
                skipped = el
                continue
            if tag in _BLOCK:
                parts.append("\n")
            if el.text:
                parts.append(el.text)
        else:
            if el is skipped:
                skipped = None
            elif tag in _BLOCK:
                parts.append("\n")
            if el.tail and el is not tree and el.getparent() is not None:
                parts.append(el.tail)
    return "".join(parts)
