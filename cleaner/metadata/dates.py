"""Turn the date strings that headers and bylines carry into ISO 8601, and refuse impossible ones.

Only unambiguous numeric forms are parsed here; month names per language come from rule files
(the date stage of the text path), so nothing English-only is built in.
"""

from __future__ import annotations

import datetime as _dt

import regex

_ISO = regex.compile(
    r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:[T ](?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.\d+)?)?\s*(?P<tz>Z|[+-]\d{2}:?\d{2})?)?$"
)
_COMPACT = regex.compile(r"^(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})$")
_SLASH_YMD = regex.compile(r"^(?P<y>\d{4})[/.](?P<m>\d{1,2})[/.](?P<d>\d{1,2})$")
# Day first with dots is the European convention (07.04.2025); with slashes it is ambiguous and
# left to rules that know the site's convention.
_DMY_DOTS = regex.compile(
    r"^(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<y>\d{4})(?:,?\s+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?)?$"
)


def _tz(text: str | None) -> str:
    if not text:
        return ""
    if text == "Z":
        return "+00:00"
    text = text.replace(":", "")
    return f"{text[:3]}:{text[3:]}"


def build_iso(
    y: int, m: int, d: int, hh: int | None = None, mm: int | None = None, ss: int | None = None,
    tz: str = "", *, today: _dt.date | None = None,
) -> str | None:
    """A validated ISO 8601 string, or None for an impossible or future date.

    >>> build_iso(2025, 4, 7)
    '2025-04-07'
    >>> build_iso(2025, 2, 30) is None
    True
    """
    try:
        day = _dt.date(y, m, d)
    except ValueError:
        return None
    today = today or _dt.date.today()
    if day > today + _dt.timedelta(days=1) or y < 1990:
        return None
    out = day.isoformat()
    if hh is not None and mm is not None:
        if not (0 <= hh < 24 and 0 <= mm < 60 and 0 <= (ss or 0) < 60):
            return out
        out += f"T{hh:02d}:{mm:02d}" + (f":{ss:02d}" if ss is not None else "") + tz
    return out


def to_iso(value: str, *, today: _dt.date | None = None) -> str | None:
    """Normalise a numeric date string to ISO 8601; None when it is not a valid past date.

    >>> to_iso("2025-04-07")
    '2025-04-07'
    >>> to_iso("2019-11-18T23:03:00Z")
    '2019-11-18T23:03:00+00:00'
    >>> to_iso("07.04.2025 10:32")
    '2025-04-07T10:32'
    >>> to_iso("2999-01-01") is None
    True
    """
    value = " ".join(value.split())
    for pat in (_ISO, _COMPACT, _SLASH_YMD, _DMY_DOTS):
        m = pat.match(value)
        if m:
            g = {k: (int(v) if v and k != "tz" else v) for k, v in m.groupdict().items()}
            return build_iso(g["y"], g["m"], g["d"], g.get("H"), g.get("M"), g.get("S"), _tz(g.get("tz")), today=today)
    return None


def html_date(tree: object, url: str | None = None) -> tuple[str, str] | None:
    """The publication date of a parsed page, with its source.

    htmldate's answer (original date, extensive search) unless the page says otherwise.
    """
    from htmldate import find_date

    found = find_date(tree, url=url, original_date=True, extensive_search=True)
    if found:
        iso = to_iso(found)
        if iso:
            return iso, "html:htmldate"
    return None
