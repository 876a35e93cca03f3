"""What the site-pack suggester reads as a date: a page's own day, never the site's template.

A line such as "November 23, 1928" (a letter's date) or "Tuesday, 13 November 2012" (a post's
date) repeats across a site's pages only because the suggester generalises numbers and the pages
it learned from happen to share a month. Proposed as a furniture line it would fit no page of
another month and remove the article's own dates on pages of that one; as the end of the page
head it would end the head on a page's date. A comment's signature, by contrast, must carry a
date or a time ("Nathan 07.16.12 at 21:35"): a shape whose lines only hold numbers ("1/2 cup
olive oil", "3 Eggs") is a list of quantities, the article's own (a recipe's ingredients).

A dated entry (a live blog's "Updated 10:35 Police close the coast road") opens with a stamp and
goes on with a headline of its own; a signature is a stamp and a name (see `entry_stamp`).

The month names are the shipped date packs' (`rules/dates/*.toml`) and the relative times the
language packs' (`rules/lang/*.toml`, `[words] time_ago` and its kin, see reltime.py; `stamp_lead`
for the words an entry's stamp opens with), so every language they cover is read alike.
"""

from __future__ import annotations

import functools

import regex

from .reltime import phrase_pattern

# A time of day (12:28, 9:05), a year of the last two centuries, or a numeric date (07.16.12,
# 2012-07-16, 11/22/2026): what a comment signature's stamp holds besides a month name.
_CLOCK_OR_YEAR = regex.compile(
    r"(?<!\d)(?:[0-2]?\d:[0-5]\d|(?:19|20)\d\d|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2})(?!\d)")
_WORDS = regex.compile(r"\p{L}+")
# What a stamp holds besides numbers and month names: a clock's am/pm, a time zone ("GMT", "EDT",
# as the date packs read one), and the punctuation between its parts.
_CLOCK_WORD = regex.compile(r"(?i:[ap]\.?m\.?|uhr|h)|[A-Z]{2,4}")
_STAMP_PUNCT = ".,:;|/()[]-–—•·"
# In the suggester's line keys '#' stands for a number and TIME for a whole time ago ("an hour
# ago", "yesterday at 9:12 pm"; see suggest.line_key): a character no page's text holds.
TIME = "\u2400"
_DIGIT = regex.compile(r"\d|#|" + TIME)


@functools.lru_cache(maxsize=1)
def month_names() -> frozenset[str]:
    """The month names (and abbreviations) of the shipped date packs, case-folded."""
    from .suggest_check import default_ruleset

    return frozenset(name.casefold() for pack in default_ruleset().packs for name in pack.months)


@functools.lru_cache(maxsize=1)
def time_ago() -> regex.Pattern:
    """A time told relative to now ("3 hours ago", "an hour ago", "vor einer Stunde", "il y a 2
    jours", "3 ore fa", "yesterday"), as many comment sections stamp their comments: the shipped
    language packs' `[words]` time_ago, time_unit, time_n_word and time_day (cleaner/reltime.py)."""
    from .suggest_check import default_ruleset

    found = default_ruleset().lexicon.reltime  # built from the same packs (maintext.Lexicon.build)
    return found if found is not None else regex.compile(r"(?!)")


@functools.lru_cache(maxsize=1)
def stamp_lead() -> regex.Pattern:
    """The words a dated entry's stamp opens with ("Updated 10:35", "Posted 3 hours ago:",
    "Aktualisiert um 10:35", "Mis à jour le 3 mars"), then any colon or dash after them: the
    shipped language packs' `[words]` stamp_lead, every language's (one line's words are read,
    not the site's)."""
    from .suggest_check import default_ruleset

    words = {w for pack in default_ruleset().packs for w in pack.config.get("words", {}).get("stamp_lead", ())}
    if not words:
        return regex.compile(r"(?!)")
    alt = "|".join(phrase_pattern(" ".join(w.split())) for w in sorted(words, key=len, reverse=True))
    return regex.compile(rf"^\s*(?:{alt})(?![\p{{L}}\p{{N}}])[\s:：.\-–—]*", regex.IGNORECASE)


def names_month(line: str) -> bool:
    """The line holds a month's name or its abbreviation of three letters or more ("Nov", "Sept")."""
    months = month_names()
    return any(len(w) >= 3 and w.casefold() in months for w in _WORDS.findall(line))


def dateish(key: str) -> bool:
    """A line key (numbers as '#') or line that is a date: a number and one month's name, and
    besides them at most two other words ("Posted on # November #" is a date line too). A line
    naming several months is a list of them, the site's own ("Select Month October # September #
    ...", an archive's "September (#) July (#) ..."). A time ago (TIME in a key) is a date too,
    with at most two other words ("Anna • <TIME>", "Posted <TIME>"): each page's own time."""
    if not _DIGIT.search(key):
        return False
    words = _WORDS.findall(key)
    if TIME in key:
        return len(words) <= 2
    months = month_names()
    named = [w for w in words if len(w) >= 3 and w.casefold() in months]
    return len(named) == 1 and len(words) - 1 <= 2


def stamped(line: str) -> bool:
    """The line holds a date or a time: a month's name with a number, a clock time, a year, a
    numeric date, a time ago ("3 hours ago", "an hour ago", "vor 3 Stunden", "Anna · gestern"). What a comment's signature carries; a quantity
    ("1/2 cup", "3 Eggs") does not."""
    return bool(_CLOCK_OR_YEAR.search(line) or time_ago().search(line)) or (bool(_DIGIT.search(line)) and names_month(line))


def stamp_alone(text: str) -> bool:
    """The text is a date or a time and nothing else ("10:35", "10:35 AM GMT", "Oct. 31:", "3 days
    ago", "2012-03-01"): every word holds a number or is a month's name, a clock's am/pm, a time
    zone, or part of a time ago; it may open with one of the language packs' `stamp_lead` words
    ("Updated 10:35", "Posted 3 hours ago:", "Aktualisiert um 10:35 Uhr").

    A line that opens with such a stamp and goes on with free text is a dated entry: a live blog's
    update ("10:35 Police close the coast road", "Updated 10:35 ..."), a timeline's event, a list of
    dated headlines (see `free_text`). A comment's signature names its writer beside the stamp,
    with the site's fixed words around the name ("On <date> Anna said:", "by anna <date>", "Anna •
    3 hours ago").

    >>> stamp_alone("10:35 AM"), stamp_alone("Oct. 31:"), stamp_alone("Updated at 10:35"), stamp_alone("Anna at 10:35")
    (True, True, True, False)
    """
    text = stamp_lead().sub("", text, count=1)
    if not stamped(text):
        return False
    months = month_names()
    for word in time_ago().sub(" ", text).split():
        w = word.strip(_STAMP_PUNCT)
        if w and not _DIGIT.search(w) and w.casefold() not in months and not _CLOCK_WORD.fullmatch(w):
            return False
    return True


def free_text(rest: str) -> bool:
    """What follows a stamp is an entry's own text, a headline or a sentence ("Police close the
    coast road"), not the rest of a signature: it opens with a capital (or a letter of a script
    without case), holds three words or more and no second stamp. After "Posted 10:35" a
    signature goes on with its writer ("by Anna", "Anna Smith") or more of its stamp ("at 10:35 |
    Anna").

    >>> free_text(": Police close the coast road"), free_text("by Anna Smith"), free_text("at 10:35 | Anna Smith")
    (True, False, False)
    """
    rest = rest.strip(_STAMP_PUNCT + " \t")
    if not rest or rest[0].islower() or not rest[0].isalpha() or stamped(rest):
        return False
    # Where words are not spaced (Japanese), a headline is one run of letters, longer than a name.
    return len(_WORDS.findall(rest)) >= 3 or (" " not in rest and not rest.isascii() and len(rest) >= 6)


@functools.lru_cache(maxsize=4096)
def entry_stamp(line: str) -> int:
    """Where the stamp of a dated entry ends in this line ("Updated 10:35 | Police close the coast
    road" -> after "10:35"): the line opens with a stamp (`stamp_alone`, its longest run of
    words) and goes on with free text (`free_text`); 0 when the line is no such entry."""
    ends = [m.end() for m in regex.finditer(r"\S+", line)][:8]
    for end in reversed(ends[:-1]):
        if stamp_alone(line[:end]):
            return end if free_text(line[end:]) else 0
    return 0
