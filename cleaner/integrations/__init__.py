"""Run cleaner inside engines people already use: Ray Data, HuggingFace datasets, datatrove.

Each engine is an optional extra (`pip install 'cleaner[ray]'`, `[hf]`, `[datatrove]`) and lives
in its own module, imported only when used: `import cleaner` never imports an engine. This module
holds what they share: the missing-extra error, and the one function that turns an input record
into the output record, so every engine writes exactly what the single-process CLI writes.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Mapping
from pathlib import Path
from types import ModuleType
from typing import Any

from ..api import Cleaner
from ..errors import InputError
from ..records import to_record
from ..ruleset.snapshot import snapshot


class MissingExtra(ImportError):
    """An optional engine is not installed; the message names the pip command that installs it."""


def require(module: str, extra: str) -> ModuleType:
    """Import `module`, or raise `MissingExtra` naming `pip install 'cleaner[extra]'`.

    >>> require("json", "none").__name__
    'json'
    >>> require("no_such_engine_xyz", "xyz")
    Traceback (most recent call last):
    ...
    cleaner.integrations.MissingExtra: this needs no_such_engine_xyz, which is not installed: pip install 'cleaner[xyz]'
    """
    try:
        return importlib.import_module(module)
    except ImportError as e:
        raise MissingExtra(
            f"this needs {module}, which is not installed: pip install 'cleaner[{extra}]'"
        ) from e


RuleTexts = tuple  # tuple[RuleText, ...] | None: user rule files as text, hashable


def rule_texts(rules: Any = None) -> RuleTexts | None:
    """Read the user's rule files once, as text that travels to workers (None: defaults only).

    `rules` is what `Cleaner(rules=...)` takes (folders, files), or a `Cleaner`, whose rule
    folders are read again; the default rules always come from the installed package.
    """
    if isinstance(rules, Cleaner):
        if not rules._defaults:  # noqa: SLF001 - configuration of our own class
            raise ValueError("a Cleaner without the default rules cannot be shipped to workers")
        rules = rules._rules_arg  # noqa: SLF001
    if rules is None:
        return None
    if isinstance(rules, (str, Path)):
        rules = [rules]
    return tuple(snapshot(list(rules)))


@functools.lru_cache(maxsize=8)
def cached_cleaner(texts: RuleTexts | None) -> Cleaner:
    """The Cleaner for these rule texts, built once per process (worker) and then reused.

    Engines send workers the texts, not a Cleaner: a task or batch that carries a pickled Cleaner
    would compile the rules again each time it is unpickled.
    """
    return Cleaner(rules=list(texts)) if texts else Cleaner()


def clean_record(
    cleaner: Cleaner,
    source: Mapping[str, Any],
    *,
    text_field: str = "text",
    id_field: str = "id",
    url_field: str = "url",
    with_removed: bool = False,
) -> dict[str, Any]:
    """Clean one input record (a JSON object) into the output record (`records.to_record`).

    The fields are read as `Cleaner.clean_many` reads a mapping: text, url, id, and optional
    `format` and `site`.

    >>> doc = "Title of a page\\n\\nREAD: Another story\\n\\nThe article says this."
    >>> rec = clean_record(Cleaner(), {"id": 7, "text": doc, "lang": "en"})
    >>> rec["id"], rec["text"], rec["metadata"], rec["lang"]
    (7, 'The article says this.', {'title': 'Title of a page'}, 'en')
    """
    text = source.get(text_field)
    if not isinstance(text, (str, bytes)):
        what = "no" if text is None else f"a {type(text).__name__} in its"
        raise InputError(f"record has {what} {text_field!r} field (expected text)")
    rid = source.get(id_field)
    result = cleaner.clean(
        text,
        url=source.get(url_field),
        format=source.get("format"),
        site=source.get("site"),
        id=None if rid is None else str(rid),
    )
    return to_record(result, source, text_field=text_field, id_field=id_field, with_removed=with_removed)


# Metadata every document may get whatever the rules say (title line, site name, dates).
BASE_FIELDS = ("date", "site", "title")


def metadata_fields(cleaner: Cleaner) -> tuple[str, ...]:
    """Every metadata field this Cleaner can produce: the base fields plus the named groups of its
    header rules (and `<date field>_raw`, kept when a date does not parse). Table-shaped engines
    (HuggingFace, Ray) make one column per field, the same in every batch and process.

    >>> metadata_fields(Cleaner())[:3]
    ('author', 'date', 'date_raw')
    """
    from ..engine import DATE_FIELDS

    keys = set(BASE_FIELDS)
    for rule in cleaner.rules:
        if rule.kind == "header":
            for name in rule.pattern.groupindex:
                keys.add(name)
                if name in DATE_FIELDS:
                    keys.add(name + "_raw")
    return tuple(sorted(keys))


def flat_metadata(metadata: Mapping[str, Any], fields: tuple[str, ...], prefix: str) -> dict[str, Any]:
    """One column value per field (None when absent); a field without a column is an error.

    >>> flat_metadata({"date": "2025-04-07"}, ("date", "title"), "meta_")
    {'meta_date': '2025-04-07', 'meta_title': None}
    """
    extra = set(metadata) - set(fields)
    if extra:
        raise InputError(
            f"metadata field(s) {sorted(extra)} have no column; pass fields= with every field you expect"
        )
    return {prefix + f: metadata.get(f) for f in fields}
