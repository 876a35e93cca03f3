"""The page's own day for a publication instant its markup gives in UTC.

Content systems often write `datePublished` in UTC ("2019-10-18T22:04:00Z") while the page prints
the local date ("19. Oktober 2019 00:04 Uhr"): near midnight the two fall on different days, and
the publication date is the day in the page's own time zone. Nothing here guesses a zone from a
language or a domain; the page must give it:

- another date on the page with a non-zero UTC offset (`<time datetime="...-05:00">`, an
  `itemprop` or OpenGraph date): the page's zone, preferably for the same instant;
- a local clock time without offset that is the same instant shifted by a whole quarter hour
  (`"datePublished": "2023-11-08 18:09:55"` beside `2023-11-09T01:09:55Z`);
- a printed date one day after a UTC time exactly on the hour: the local midnight of a date-only
  field east of Greenwich, stored in UTC (`2021-11-04T23:00Z` for 5 November in Central Europe).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable

# The widest offsets in use (UTC-12 .. UTC+14), and their step (a quarter hour).
MIN_OFFSET = _dt.timedelta(hours=-12)
MAX_OFFSET = _dt.timedelta(hours=14)
STEP = _dt.timedelta(minutes=15)


def parse(iso: str) -> _dt.datetime | None:
    """The date-time of an ISO string with a time (aware when it has an offset); None without a time."""
    if len(iso) <= 10:
        return None
    try:
        return _dt.datetime.fromisoformat(iso)
    except ValueError:
        return None


def is_utc(iso: str) -> bool:
    """True for a date-time stated in UTC ('Z' or '+00:00').

    >>> is_utc("2019-10-18T22:04:00+00:00"), is_utc("2019-10-18T22:04:00+02:00"), is_utc("2019-10-18")
    (True, False, False)
    """
    t = parse(iso)
    return t is not None and t.utcoffset() == _dt.timedelta(0)


def on_the_hour(iso: str) -> bool:
    """True for a date-time exactly on a whole hour (how date-only fields are stored).

    >>> on_the_hour("2021-11-04T23:00+00:00"), on_the_hour("2021-11-04T23:04:00+00:00")
    (True, False)
    """
    t = parse(iso)
    return t is not None and t.minute == 0 and t.second == 0


def _format(t: _dt.datetime) -> str:
    off = t.utcoffset() or _dt.timedelta(0)
    total = int(off.total_seconds() // 60)
    sign = "+" if total >= 0 else "-"
    base = t.replace(tzinfo=None).isoformat(timespec="seconds")
    return f"{base}{sign}{abs(total) // 60:02d}:{abs(total) % 60:02d}"


def _plausible(offset: _dt.timedelta) -> bool:
    return MIN_OFFSET <= offset <= MAX_OFFSET and offset % STEP == _dt.timedelta(0) and offset != _dt.timedelta(0)


def page_offset(utc: _dt.datetime, witnesses: Iterable[str]) -> _dt.timedelta | None:
    """The page's UTC offset as its other dates show it, for the instant `utc`: from a date with a
    non-zero offset (the same instant first, else the one nearest in time: summer and winter time
    differ), else from a local clock time that is `utc` shifted by a plausible offset."""
    aware: list[_dt.datetime] = []
    for iso in witnesses:
        t = parse(iso)
        if t is None:
            continue
        if t.tzinfo is not None:
            if t.utcoffset() != _dt.timedelta(0):
                aware.append(t)
            continue
        u = utc.replace(tzinfo=None, microsecond=0)
        if t.second == 0:  # a clock time without seconds matches to the minute
            u = u.replace(second=0)
        diff = t.replace(microsecond=0) - u
        if _plausible(diff):
            return diff
    if not aware:
        return None
    nearest = min(aware, key=lambda t: (t != utc, abs(t - utc)))
    return nearest.utcoffset()


def printed_midnight(utc: _dt.datetime, printed: Iterable[str]) -> str | None:
    """The printed day that a UTC time exactly on the hour is the local midnight of, if any (a
    zone east of Greenwich: west of it, local midnight falls on the same UTC day).

    >>> printed_midnight(_dt.datetime.fromisoformat("2021-11-04T23:00+00:00"), ["2021-11-05"])
    '2021-11-05'
    >>> printed_midnight(_dt.datetime.fromisoformat("2021-11-04T14:32+00:00"), ["2021-11-05"]) is None
    True
    """
    if utc.minute or utc.second:
        return None
    after = (utc.date() + _dt.timedelta(days=1)).isoformat()  # 23:00Z is 00:00 at UTC+1
    if _dt.timedelta(hours=24 - utc.hour) > MAX_OFFSET:
        return None
    return after if any(p[:10] == after for p in printed) else None


def local_iso(iso: str, witnesses: Iterable[str], printed: Iterable[str] = ()) -> str | None:
    """`iso` (a UTC date-time) in the page's own zone when the page shows that zone; None when the
    page gives no evidence (then the UTC value stands).

    >>> local_iso("2023-11-09T02:11:03+00:00", ["2023-11-08T21:11:03-05:00"])
    '2023-11-08T21:11:03-05:00'
    >>> local_iso("2023-11-09T01:09:55+00:00", ["2023-11-08T18:09:55"])
    '2023-11-08T18:09:55-07:00'
    >>> local_iso("2019-10-18T22:04:00+00:00", ["2019-10-19T00:04"])
    '2019-10-19T00:04:00+02:00'
    >>> local_iso("2019-10-18T22:04:00+00:00", ["2019-10-18T22:04:00+00:00"]) is None
    True
    """
    utc = parse(iso)
    if utc is None or utc.utcoffset() != _dt.timedelta(0):
        return None
    witnesses = list(witnesses)
    offset = page_offset(utc, witnesses)
    if offset is not None:
        return _format(utc.astimezone(_dt.timezone(offset)))
    return printed_midnight(utc, printed)


def localize(dates: list, witnesses: Iterable[str], printed: Iterable[str] = ()) -> list:
    """The markup's dates (`markup.MarkupDate`) with each UTC date-time moved to the page's own
    zone where the page shows it (see `local_iso`); the others unchanged."""
    from dataclasses import replace

    witnesses, printed = list(witnesses), list(printed)
    out = []
    for d in dates:
        local = local_iso(d.iso, witnesses, printed) if is_utc(d.iso) else None
        out.append(replace(d, iso=local, key=f"{d.key}+local") if local else d)
    return out
