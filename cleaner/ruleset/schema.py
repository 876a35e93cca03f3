"""What a rule file may say: the keys of a pack, and for each rule kind its required and optional keys.

Kept as plain data so that the loader, `cleaner rules new` and the docs read the same source.
"""

from __future__ import annotations

# Keys of the [pack] table.
PACK_KEYS = {
    "name": "a dotted name for the pack (defaults to the file name)",
    "description": "one line saying what the pack is for",
    "sites": "hosts the pack applies to (subdomains included); a pack without sites applies always",
    "site_name": "the site's display name, given as metadata['site'] when the pack applies",
    "disable": "ids of rules from other packs to switch off when this pack applies",
    "priority": "packs with a higher priority are applied first (ties: site, user, lang, common)",
    "lang": "language code of a language pack (informational)",
    "months": "month names of a date pack: a table of name -> month number (1-12); date patterns say {month}",
    "date_format": "how the site writes numeric dates whose day and month are ambiguous: 'DMY' or 'MDY'",
    "timezone": "the site's time zone for times given without one: an offset ('+01:00') or a name ('Europe/Berlin')",
}

# Keys every rule may carry.
COMMON_KEYS = {
    "id": "stable dotted id, e.g. related.read-inline",
    "kind": "one of the kinds below",
    "description": "one line saying what the rule removes and why",
    "drop": "example lines (or texts) the rule must act on",
    "keep": "example lines (or texts) the rule must leave alone",
    "cases": "whole-document examples: tables with input, output and optional fields",
    "aliases": "former ids of this rule, still accepted by `disable`",
    "ignore_case": "match case-insensitively (default false)",
    "enabled": "set to false to ship a rule switched off",
}

# kind -> (required keys, optional keys with their meaning)
KINDS: dict[str, tuple[tuple[str, ...], dict[str, str]]] = {
    "line": (
        ("pattern",),
        {
            "max_words": "only lines with at most this many words",
            "min_words": "only lines with at least this many words",
        },
    ),
    "block": (
        ("start",),
        {
            "end": "pattern of the block's last line (inclusive)",
            "max_lines": "most non-blank lines in the block (default 30)",
        },
    ),
    "trailer": (
        ("pattern",),
        {
            "max_words": "only marker lines with at most this many words",
            "min_position": "share of the text (0..1) that must come before the marker (default 0.3)",
        },
    ),
    "leading": (
        ("pattern",),
        {
            "max_words": "only lines with at most this many words",
            "window": "how many non-blank lines from the top to look at (default 15)",
        },
    ),
    "inline": (
        ("pattern",),
        {},
    ),
    "header": (
        ("pattern",),
        {
            "max_line": "how many non-blank lines from the top may hold the header (default 5)",
        },
    ),
    "title": (
        (),
        {
            "max_words": "most words in a page-title line (default 30)",
            "separators": "separators between a headline and the site name (' | ', ' - ', ...)",
            "max_site_words": "most words in a site-name suffix (default 5)",
        },
    ),
    "date": (
        ("pattern",),
        {
            "role": "'date' (default: a date, named groups day/month/year/hour/minute/second/ampm/tz, "
            "or n1/n2/year for numeric dates whose order is ambiguous), 'published' (a label marking the "
            "original date), 'updated' (a label marking a later date), 'ignore' (a line whose dates "
            "never count: copyright, comments)",
        },
    ),
    "repeated": (
        (),
        {
            "max_words": "only lines with at most this many words (default 15)",
            "min_chars": "only lines with at least this many characters (default 4)",
            "window": "the repeat must come within this many non-blank lines (default 3)",
        },
    ),
}

PATTERN_KEYS = ("pattern", "start", "end")

INT_KEYS = ("max_words", "min_words", "max_lines", "window", "max_line", "max_site_words", "min_chars", "priority")
FLOAT_KEYS = ("min_position",)
BOOL_KEYS = ("ignore_case", "enabled")
