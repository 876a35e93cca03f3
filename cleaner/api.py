"""The public entry points: `Cleaner` (rules compiled once) and the module-level `clean`.

`Cleaner` loads the default packs shipped with cleaner, plus any user rule folders layered on top,
and picks the site packs for each document by its URL host (or an explicit site name). Compiled
rule sets are cached per combination of packs, so a corpus pays compilation once per site.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import regex

from . import engine
from .errors import InputError
from .normalize import decode
from .result import CleanResult
from .ruleset.hosts import host_of
from .ruleset.loader import default_rules_dir, load_dir, load_packs
from .ruleset.pack import Pack, RuleSet

_HTML_HINT = regex.compile(r"<(?:!doctype\s+html|html|head|body|meta|div|article|p|title)\b", regex.IGNORECASE)

RulesArg = str | Path | Sequence[str | Path] | None


def detect_format(text: str) -> str:
    """'html' when the start of the document looks like markup, else 'text'.

    >>> detect_format("<!DOCTYPE html><html><body><p>Hi</p></body></html>")
    'html'
    >>> detect_format("Just text, with a <b> tag mentioned.")
    'text'
    """
    head = text[:2048].lstrip()
    if head.startswith("<") and _HTML_HINT.search(head):
        return "html"
    return "text"


class Cleaner:
    """Cleans documents with the default rules plus the user's rule folders.

    >>> c = Cleaner()
    >>> c.clean("Title of a page\\n\\nREAD: Another story\\n\\nThe article says this.").text
    'The article says this.'
    """

    def __init__(self, rules: RulesArg = None, *, defaults: bool = True) -> None:
        self._rules_arg = rules
        self._defaults = defaults
        packs: list[Pack] = load_dir(default_rules_dir()) if defaults else []
        if rules is not None:
            user_paths = [rules] if isinstance(rules, (str, Path)) else list(rules)
            packs.extend(load_packs(user_paths, origin=None))
        self.packs = packs
        self._always = [p for p in packs if not p.is_site_pack]
        self._site_packs = [p for p in packs if p.is_site_pack]
        self._cache: dict[tuple[int, ...], RuleSet] = {}

    # Pickle by configuration: the receiving process compiles its own copy once.
    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self._rules_arg, self._defaults))

    def ruleset_for(self, url: str | None = None, site: str | None = None) -> RuleSet:
        """The compiled rules for a document from this URL host or site name (cached)."""
        host = host_of(url)
        chosen = tuple(i for i, p in enumerate(self._site_packs) if p.applies_to(host, site))
        rs = self._cache.get(chosen)
        if rs is None:
            rs = RuleSet(self._always + [self._site_packs[i] for i in chosen])
            self._cache[chosen] = rs
            if chosen:  # the defaults alone, to keep what they keep (see sitepacks.py)
                rs.base = self.ruleset_for()
        return rs

    @property
    def rule_sources(self) -> list[str | Path]:
        """The rule folders and files this cleaner was built from, defaults first: what a
        resumed batch compares to tell whether the rules changed."""
        sources: list[str | Path] = [default_rules_dir()] if self._defaults else []
        if self._rules_arg is not None:
            extra = self._rules_arg
            sources += [extra] if isinstance(extra, (str, Path)) else list(extra)
        return sources

    @property
    def rules(self) -> list:
        """Every rule of every loaded pack (site packs included)."""
        return [r for p in self.packs for r in p.rules]

    def clean(
        self,
        content: str | bytes,
        url: str | None = None,
        format: str | None = None,
        *,
        site: str | None = None,
        id: str | None = None,
    ) -> CleanResult:
        """Clean one document. `format` is None (detect), "text" or "html"."""
        if isinstance(content, (bytes, bytearray)):
            content = decode(bytes(content))
        if not isinstance(content, str):
            raise InputError(f"content must be str or bytes, not {type(content).__name__}")
        fmt = format or detect_format(content)
        if fmt not in ("text", "html"):
            raise ValueError(f"format must be None, 'text' or 'html', not {format!r}")
        if fmt == "html":
            return self._clean_html(content, url, site, id)
        rs = self.ruleset_for(url, site)
        return engine.run(content, rs, url=url, host=host_of(url), site=site, doc_id=id)

    def _clean_html(self, content: str, url: str | None, site: str | None, doc_id: str | None) -> CleanResult:
        """An HTML page given no URL takes the one it names itself (canonical link, og:url,
        base), so that its site's packs apply; the one parse serves the extraction too."""
        from .html import clean_html, parse
        from .page_url import own_url

        tree = parse(content)
        source = None
        if not url and tree is not None:
            found = own_url(tree)
            if found is not None:
                url, source = found
        rs = self.ruleset_for(url, site)
        return clean_html(content, rs, url=url, host=host_of(url), site=site, doc_id=doc_id, tree=tree,
                          url_source=source)

    def clean_many(
        self, items: Iterable[str | bytes | Mapping[str, Any]], *, text_field: str = "text",
        url_field: str = "url", id_field: str = "id",
    ) -> Iterator[CleanResult]:
        """Lazily clean a stream of documents: strings, bytes, or mappings with text/url/id."""
        for item in items:
            if isinstance(item, Mapping):
                yield self.clean(
                    item[text_field],
                    url=item.get(url_field),
                    format=item.get("format"),
                    site=item.get("site"),
                    id=None if item.get(id_field) is None else str(item.get(id_field)),
                )
            else:
                yield self.clean(item)


def _rebuild(rules: RulesArg, defaults: bool) -> Cleaner:
    return Cleaner(rules, defaults=defaults)


@functools.lru_cache(maxsize=1)
def default_cleaner() -> Cleaner:
    """The process-wide Cleaner with the default rules, built on first use."""
    return Cleaner()


def clean(content: str | bytes, url: str | None = None, format: str | None = None, **kw: Any) -> CleanResult:
    """Clean one document with the default rules. See `Cleaner.clean`."""
    return default_cleaner().clean(content, url=url, format=format, **kw)
