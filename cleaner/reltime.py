"""A time told relative to now, as comment sections stamp their comments: "3 hours ago", but also
"an hour ago", "vor einer Stunde", "il y a un jour", "yesterday", "gestern um 17:30".

One pattern from the language packs' `[words]` (`rules/lang/*.toml`), read alike by the site-pack
suggester (`suggest_dates.stamped`: a comment's signature carries a date or a time) and the
main-text stage (`maintext._thread_headers`: a chain of such headers is a comment thread):

- `time_ago` phrases, `{n}` a number or one of the pack's `time_n_word` words ("a", "an", "one";
  "einer", "einem"), `{unit}` one of its `time_unit` words; a phrase may spell out a whole stamp
  with no placeholder ("час назад", "godzinę temu");
- `time_day` words ("yesterday", "gestern", "hier", "ayer") standing as a stamp of their own:
  at the line's start or after a separator ("Anna · gestern", "– yesterday"), and at its end,
  before a separator or before a time of day ("yesterday at 9:12 pm"). Inside a sentence
  ("Yesterday, the minister said ...", "Klicken Sie hier") the word is no stamp: these words are
  common in prose, and one language's day word is another's ordinary word (French "hier").

Each language's phrases use its own words only ("a" stands for one in English phrases alone).
Where a stamp may stand in an article's own sentence ("A day ago, the minister said ..."), the
callers keep their guards (short lines that do not end like a sentence).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

import regex

# Letters and digits that may not touch a stamp: whole words where words are spaced; a Japanese
# phrase stands between other characters ("約3時間前に").
_EDGE = r"[\p{Latin}\p{Cyrillic}\p{Greek}\d_]"
_EDGE_RE = regex.compile(_EDGE)
# What parts a day word from the name before it or the reply link after it ("Anna, gestern",
# "Anna · gestern | Antworten"); not a comma after it ("Yesterday, the minister said").
_BEFORE = r"[|•·∙⋅・,/–—(\[-]"
_AFTER = r"[|•·∙⋅・/–—(\[-]"
# A time of day after a day word, with up to two short words before it ("at", "um", "a las", "à").
_CLOCK = r",?\s*(?:\p{L}{1,5}\.?\s+){0,2}\d{1,2}(?:[:.h]\d\d|\s*[ap]\.?m\b)"
# The same with its am/pm after the minutes: a stamp taken whole ("yesterday at 9:12 pm").
_CLOCK_WHOLE = _CLOCK + r"(?:\s*[ap]\.?m\b)?"


def phrase_pattern(p: str) -> str:
    """A phrase's literal text as a pattern: one space stands for any run of white space."""
    return r"\s+".join(regex.escape(w) for w in p.split(" "))


def _phrases(words: Mapping[str, Any], short: bool = False) -> list[str]:
    """One pack's `time_ago` phrases as patterns. `short`: a compound's later parts as any number
    and word (see `compact`), not the unit words again."""
    units = sorted(words.get("time_unit", ()), key=len, reverse=True)
    unit = "(?:" + "|".join(regex.escape(u) for u in units) + ")" if units else None
    ones = sorted(words.get("time_n_word", ()), key=len, reverse=True)
    one = "|".join(phrase_pattern(w) for w in ones)
    # A space after a number may be left out ("3hrs ago"), not after a word ("an hour ago").
    spaced = r"(?:\d+\s*" + (f"|(?:{one})\\s+" if one else "") + ")"
    glued = r"(?:\d+" + (f"|{one}" if one else "") + ")"
    # A compound time ("1 hour 10 minutes ago", "vor 2 Tagen, 3 Stunden", "1時間10分前"): a number
    # and a unit told again, up to three times more, one stamp. The later numbers are digits (a
    # few per cent of the pattern's time on the lines it is asked of; the unit's words again, a
    # tenth); written in a rule, any word stands for their unit (see `compact`).
    more = (r"\d+\s*\p{L}+\.?", r"\d+\p{L}+") if short else (rf"\d+\s*{unit}", rf"\d+{unit}")
    compound = {"{n} {unit}": f"{spaced}{unit}(?:,?\\s+{more[0]}){{0,3}}",
                "{n}{unit}": f"{glued}{unit}(?:\\s*{more[1]}){{0,3}}"}
    out = []
    for phrase in words.get("time_ago", ()):
        if "{unit}" in phrase and unit is None:
            continue
        parts = regex.split(r"(\{n\} ?\{unit\}|\{n\} ?|\{unit\})", phrase)
        pat = "".join(compound[p] if p in compound else spaced if p == "{n} " else glued if p == "{n}" else
                      unit if p == "{unit}" else phrase_pattern(p) for p in parts if p)
        out.append(pat)
    return out


def _anchor_strings(packs_words: Iterable[Mapping[str, Any]]) -> set[str]:
    """Lower-cased strings one of which every match of `pattern` holds: a phrase's longest fixed
    word ("ago", "vor", "назад", "前"), its units when it has none, and the day words."""
    words: set[str] = set()
    for table in packs_words:
        for phrase in table.get("time_ago", ()):
            fixed = [w for part in regex.split(r"\{n\}|\{unit\}", phrase) for w in part.split()]
            words.update([max(fixed, key=len).lower()] if fixed else (u.lower() for u in table.get("time_unit", ())))
        words.update(max(d.split(), key=len).lower() for d in table.get("time_day", ()) if d.split())
    return words


def anchors(packs_words: Iterable[Mapping[str, Any]]) -> re.Pattern | None:
    """A pre-test for a lower-cased line: one of `_anchor_strings`, a spaced word not glued to a
    letter or digit before it, as `pattern`'s own edge asks. A line that fails it holds no
    relative time; the test is one scan of stdlib `re`, a small fraction of `pattern`'s cost (an
    alternation of every language's phrases with look-arounds, with no required string of its
    own). None when the packs tell no relative time.

    >>> a = anchors([{"time_ago": ["{n} {unit} ago"], "time_unit": ["h"], "time_day": ["yesterday"]}])
    >>> bool(a.search("anna · 3 h ago")), bool(a.search("a bagon")), bool(a.search("anna · yesterday"))
    (True, False, True)
    """
    words = _anchor_strings(packs_words)
    if not words:
        return None
    spaced = sorted((w for w in words if _EDGE_RE.match(w)), key=lambda w: (-len(w), w))
    other = sorted((w for w in words if not _EDGE_RE.match(w)), key=lambda w: (-len(w), w))
    parts = ([r"(?<!\w)(?:" + "|".join(re.escape(w) for w in spaced) + ")"] if spaced else []) + [
        re.escape(w) for w in other]
    return re.compile("|".join(parts))


def page_anchors(packs_words: Iterable[Mapping[str, Any]]) -> tuple[frozenset[str], tuple[str, ...]]:
    """The same anchors as a test of a whole page: the first word (`\\w+`) of each spaced one
    ("un'" -> "un", "avant-hier" -> "avant"), found among the page's words when the page holds a
    relative time, and the unspaced ones ("前", "昨日"), found in its text. A page without any
    (most pages) is spared the line-by-line test.

    >>> words, unspaced = page_anchors([{"time_ago": ["il y a {n} {unit}"], "time_day": ["avant-hier", "昨日"]}])
    >>> sorted(words), unspaced
    (['avant', 'il'], ('昨日',))
    """
    spaced: set[str] = set()
    other: list[str] = []
    for w in sorted(_anchor_strings(packs_words)):
        if _EDGE_RE.match(w):
            spaced.add(re.findall(r"\w+", w)[0])
        else:
            other.append(w)
    return frozenset(spaced), tuple(other)


def _day(days: Iterable[str]) -> str:
    return "(?:" + "|".join(phrase_pattern(d) for d in sorted(days, key=len, reverse=True)) + ")"


def pattern(packs_words: Iterable[Mapping[str, Any]], clock: bool = False) -> regex.Pattern | None:
    """The relative times of these packs' `[words]` tables as one case-blind pattern; None when
    they tell none. `clock`: a day word's time of day is part of the match ("yesterday at 9:12
    pm" whole, as the site-pack suggester generalises a stamp), not only looked ahead to."""
    phrases: list[str] = []
    days: set[str] = set()
    for words in packs_words:
        phrases += _phrases(words)
        days.update(words.get("time_day", ()))
    if days:
        after = rf"(?:{_CLOCK_WHOLE}|(?=\s*(?:$|{_AFTER})))" if clock else rf"(?=\s*(?:$|{_AFTER})|{_CLOCK})"
        phrases.append(rf"(?<=(?:^|{_BEFORE})\s*){_day(days)}{after}")
    if not phrases:
        return None
    return regex.compile(f"(?<!{_EDGE})(?:" + "|".join(phrases) + f")(?!{_EDGE})", regex.IGNORECASE)


def compact(packs_words: Iterable[Mapping[str, Any]]) -> str | None:
    """These packs' relative times as a short pattern to write in a rule, where the text around
    the stamp is the rule's own (`^\\S.{0,80}\\s+<stamp>$`): the phrases and the day words with
    their time of day, without the guards `pattern` needs to find a stamp inside any line. One
    language's words keep it a few hundred characters; None when the packs tell no time."""
    phrases: list[str] = []
    days: list[str] = []
    for words in packs_words:
        phrases += _phrases(words, short=True)
        days += words.get("time_day", ())
    if days:
        phrases.append(f"{_day(dict.fromkeys(days))}(?:{_CLOCK_WHOLE})?")
    return "(?i:" + "|".join(phrases) + ")" if phrases else None
