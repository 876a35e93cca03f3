"""Turn the date strings that headers and bylines carry into ISO 8601, and refuse impossible ones.

Only unambiguous numeric forms are parsed here; month names per language come from rule files
(the date stage of the text path), so nothing English-only is built in.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

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
            g: dict[str, Any] = {k: (int(v) if v and k != "tz" else v) for k, v in m.groupdict().items()}
            return build_iso(g["y"], g["m"], g["d"], g.get("H"), g.get("M"), g.get("S"), _tz(g.get("tz")), today=today)
    return None


def html_date(tree: object, url: str | None = None, *, extensive: bool = False) -> tuple[str, str] | None:
    """htmldate's original publication date of a parsed page, with its source.

    The fast search reads the page's metadata and markup; the extensive one also guesses from
    any date in the page, which is slower and less sure, so callers try other sources first.
    """
    from htmldate import find_date

    found = find_date(tree, url=url, original_date=True, extensive_search=extensive)
    if found:
        iso = to_iso(found)
        if iso:
            return iso, "html:htmldate" + (":extensive" if extensive else "")
    return None


# Time-zone abbreviations that bylines use, as UTC offsets (only the unambiguous common ones).
TZ_ABBREVIATIONS = {
    "UTC": "+00:00", "GMT": "+00:00", "Z": "+00:00", "WET": "+00:00", "BST": "+01:00",
    "CET": "+01:00", "MEZ": "+01:00", "CEST": "+02:00", "MESZ": "+02:00", "EET": "+02:00",
    "EEST": "+03:00", "MSK": "+03:00", "IST": "+05:30", "JST": "+09:00", "KST": "+09:00",
    "AEST": "+10:00", "AEDT": "+11:00", "EST": "-05:00", "EDT": "-04:00", "CST": "-06:00",
    "CDT": "-05:00", "MST": "-07:00", "MDT": "-06:00", "PST": "-08:00", "PDT": "-07:00",
}
_OFFSET = regex.compile(r"^(?:UTC|GMT)?\s*([+-])(\d{1,2}):?(\d{2})?$")


def fold_month(name: str) -> str:
    """The key a month name is looked up by: lower case, no trailing dot.

    >>> fold_month("Nov.")
    'nov'
    """
    return name.casefold().strip().rstrip(".")


def tz_offset(text: str | None) -> str | None:
    """A UTC offset ('+01:00') from an offset or a known abbreviation; None when unknown.

    >>> tz_offset("PST"), tz_offset("+0100"), tz_offset("GMT+2")
    ('-08:00', '+01:00', '+02:00')
    """
    if not text:
        return None
    text = text.strip().upper()
    if text in TZ_ABBREVIATIONS:
        return TZ_ABBREVIATIONS[text]
    m = _OFFSET.match(text)
    if not m:
        return None
    hours, minutes = int(m.group(2)), int(m.group(3) or 0)
    if hours > 14 or minutes >= 60:
        return None
    return f"{m.group(1)}{hours:02d}:{minutes:02d}"


def zone_offset(zone: str, day: _dt.date, hh: int, mm: int) -> str | None:
    """The offset of a site's time zone (an offset or an IANA name) at a given local time."""
    direct = tz_offset(zone)
    if direct is not None:
        return direct
    try:
        from zoneinfo import ZoneInfo

        off = _dt.datetime(day.year, day.month, day.day, hh, mm, tzinfo=ZoneInfo(zone)).utcoffset()
    except Exception:  # noqa: BLE001 - unknown zone names, missing tz database
        return None
    if off is None:
        return None
    total = int(off.total_seconds() // 60)
    sign = "+" if total >= 0 else "-"
    return f"{sign}{abs(total) // 60:02d}:{abs(total) % 60:02d}"


def valid_zone(zone: str) -> bool:
    """True for an offset, a known abbreviation or an IANA time-zone name."""
    return zone_offset(zone, _dt.date(2020, 1, 1), 12, 0) is not None


def from_parts(
    parts: dict[str, str | None], months: dict[str, int] | None = None, *, order: str | None = None,
    timezone: str | None = None, today: _dt.date | None = None,
) -> str | None:
    """ISO 8601 from the named groups of a date pattern; None when it is not a valid past date.

    Groups: day, month (number or name looked up in `months`), year (4 or 2 digits), hour,
    minute, second, ampm, tz; or n1/n2/year for a numeric date whose order the site's
    `order` ('DMY' or 'MDY') decides, or the values themselves when one of them exceeds 12.

    >>> from_parts({"day": "7", "month": "April", "year": "2025"}, {"april": 4})
    '2025-04-07'
    >>> from_parts({"n1": "11", "n2": "19", "year": "2019", "hour": "5", "minute": "45", "ampm": "PM", "tz": "PST"})
    '2019-11-19T17:45-08:00'
    >>> from_parts({"n1": "05", "n2": "10", "year": "2018"}) is None   # ambiguous
    True
    >>> from_parts({"n1": "05", "n2": "10", "year": "2018"}, order="DMY")
    '2018-10-05'
    """
    def num(key: str) -> int | None:
        v = parts.get(key)
        return int(v) if v and v.isdigit() else None

    year = num("year")
    if year is None:
        return None
    if year < 100:
        yy = (today or _dt.date.today()).year % 100
        year += 2000 if year <= yy else 1900
    if parts.get("n1") is not None:
        a, b = num("n1"), num("n2")
        if a is None or b is None:
            return None
        day: int | None
        month: int | None
        if order == "MDY" or (order is None and b > 12 >= a):
            month, day = a, b
        elif order == "DMY" or (order is None and a > 12 >= b):
            day, month = a, b
        else:
            return None
    else:
        day = num("day")
        raw = parts.get("month") or ""
        month = int(raw) if raw.isdigit() else (months or {}).get(fold_month(raw))
        if day is None or month is None:
            return None
    hh, mm, ss = num("hour"), num("minute"), num("second")
    if hh is not None and mm is not None:
        ampm = (parts.get("ampm") or "").lower().replace(".", "").strip()
        if ampm == "pm" and hh < 12:
            hh += 12
        elif ampm == "am" and hh == 12:
            hh = 0
    else:
        hh = mm = ss = None
    tz = tz_offset(parts.get("tz")) or ""
    if not tz and timezone and hh is not None:
        try:
            tz = zone_offset(timezone, _dt.date(year, month, day), hh, mm or 0) or ""
        except ValueError:
            return None
    return build_iso(year, month, day, hh, mm, ss, tz, today=today)
