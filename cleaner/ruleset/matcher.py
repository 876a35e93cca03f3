"""Find the first of many line rules that matches a line, with as few regex calls as possible.

Most lines of a page match no rule, and a call into the `regex` module costs a microsecond or more
even when it fails at once (joining the patterns into one alternation is no faster: `regex` tries
the alternatives one by one). So a line is tried only against the rules that can match it, as told
by three cheap tests: its first character (for rules anchored at the line start), its length in
words (for rules limited to short lines), and the fixed strings a rule's pattern cannot match
without (`literals.required`: a substring test, many times faster than the pattern).
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from typing import Protocol

import regex

from .literals import fold, minimal_strings, screen


class _PatternRule(Protocol):
    pattern: regex.Pattern
    max_words: int | None

    def match(self, line: str) -> bool: ...


# One rule as the matcher tries it: the rule, and the strings its pattern needs (None: unknown),
# whether they are looked for in the case-folded line, and whether at its start.
_Entry = tuple[_PatternRule, "tuple[str, ...] | None", bool, bool]


class LineMatcher:
    """`first(line)` returns the first rule (in the given order) whose `match(line)` is true.

    Most line rules are anchored at the start of the line, and each can begin with only a few
    characters ("Share ...", "Menu"). For those, the characters a match can start with are found
    once by asking the rule's own pattern (a partial match on each character of a probe set), and
    a line is tried only against the rules its first character allows (the list is built on first
    use of a character). A line starting outside the probe set is tried against all rules;
    unanchored rules are always tried.

    Rules limited to short lines (`max_words`) are left out for longer lines, so the long prose
    lines of an article, the bulk of a page's text, meet only the few rules without such a limit.
    Each remaining rule is tried only when the line holds one of its pattern's required strings.
    """

    def __init__(self, rules: Sequence[_PatternRule]) -> None:
        self.rules = list(rules)
        self._starts = [_first_chars(r.pattern) for r in self.rules]
        self._needs = [screen(r.pattern, getattr(r, "drop", ())) for r in self.rules]
        self._limits = [getattr(r, "max_words", None) for r in self.rules]
        self._cuts = sorted({n for n in self._limits if n is not None})
        self._by_key: dict[tuple[str, int], _Plan] = {}
        # Plans by their entries: many first characters and lengths share one (built once).
        self._plans: dict[tuple, _Plan] = {}
        # Plans by (first character, number of spaces): one dict lookup per line finds its plan.
        self._by_spaces: dict[tuple[str, int], _Plan] = {}

    def __bool__(self) -> bool:
        return bool(self.rules)

    def _for_key(self, c: str, k: int) -> _Plan:
        """How to try a line starting with `c` that has more words than the `k` smallest
        `max_words` limits allow (built on first use of a key)."""
        got = self._by_key.get((c, k))
        if got is None:
            floor = self._cuts[k] if k < len(self._cuts) else None
            entries = []
            key = []
            for n, (r, st, lim, need) in enumerate(zip(self.rules, self._starts, self._limits, self._needs,
                                                         strict=True)):
                if not ((lim is None or (floor is not None and lim >= floor))
                        and (c not in _PROBE or st is None or c in st)):
                    continue
                if need is None:
                    entries.append((r, None, False, False))
                    key.append((n, None))
                    continue
                strings = need.strings
                if need.at_start:
                    strings = need.starting(c)
                    if not strings:
                        continue  # no prefix of the rule can start a line that starts with c
                entries.append((r, strings, need.folded, need.at_start))
                key.append((n, strings))
            got = self._plans.get(tuple(key))
            if got is None:
                got = self._plans[tuple(key)] = _Plan(entries)
            self._by_key[(c, k)] = got
        return got

    def _for_spaces(self, c: str, spaces: int) -> _Plan:
        k = bisect_left(self._cuts, spaces + 1) if self._cuts else 0
        got = self._by_spaces[(c, spaces)] = self._for_key(c, k)
        return got

    def first(self, line: str) -> _PatternRule | None:
        got = self.scan((line,), (0,))
        return got[0][1] if got else None

    def scan(self, lines: Sequence[str], indices: Iterable[int]) -> list[tuple[int, _PatternRule]]:
        """`(i, first(lines[i]))` for each of `indices` whose line some rule matches, in order:
        one loop for a page's lines, without a call per line."""
        out: list[tuple[int, _PatternRule]] = []
        by_spaces = self._by_spaces
        for i in indices:
            line = lines[i]
            if not line:
                continue
            plan = by_spaces.get((line[0], line.count(" ")))
            if plan is None:
                plan = self._for_spaces(line[0], line.count(" "))
            entries = plan.entries
            if not entries:
                continue
            if plan.wants_fold:
                low = line.lower() if line.isascii() else fold(line)  # fold, inlined
            else:
                low = line
            if not plan.always:  # the quick test that rules out every rule of the plan at once
                pre = plan.pre_folded
                if not (pre and low.startswith(pre)):
                    pre = plan.pre_plain
                    if not (pre and line.startswith(pre)):
                        if len(line) <= _SHORT:
                            search = plan.search_folded
                            if search is None or search(low) is None:
                                search = plan.search_plain
                                if search is None or search(line) is None:
                                    continue
                        else:
                            for s in plan.contains_folded:
                                if s in low:
                                    break
                            else:
                                for s in plan.contains_plain:
                                    if s in line:
                                        break
                                else:
                                    continue
            for r, strings, folded, at_start in entries:
                if strings is not None:
                    hay = low if folded else line
                    if at_start:
                        if not hay.startswith(strings):
                            continue
                    else:
                        for s in strings:
                            if s in hay:
                                break
                        else:
                            continue
                if r.match(line):
                    out.append((i, r))
                    break
        return out


class _Plan:
    """The rules a kind of line may match (`entries`, in order), and a quick test that rules
    them all out at once for most lines: one `startswith` over all the anchored rules' prefixes
    (per case mode), then substring tests for the other rules' required strings (a substring
    test is much faster than one search for them all with a `re` alternation, which tries every
    alternative at every position of a long line)."""

    __slots__ = ("entries", "wants_fold", "always", "pre_folded", "pre_plain", "contains_folded", "contains_plain",
                 "search_folded", "search_plain")

    def __init__(self, entries: list[_Entry]) -> None:
        self.entries = entries
        self.wants_fold = any(e[2] for e in entries)
        self.always = any(e[1] is None for e in entries)
        self.pre_folded = tuple(s for e in entries if e[3] and e[2] for s in e[1])  # type: ignore[union-attr]
        self.pre_plain = tuple(s for e in entries if e[3] and not e[2] for s in e[1])  # type: ignore[union-attr]
        self.contains_folded = minimal_strings(s for e in entries if not e[3] and e[2] for s in e[1] or ())
        self.contains_plain = minimal_strings(s for e in entries if not e[3] and not e[2] for s in e[1] or ())
        # The same strings as one search each, for short lines (one call beats many `in` tests).
        self.search_folded = _any_of(self.contains_folded)
        self.search_plain = _any_of(self.contains_plain)


@functools.lru_cache(maxsize=4096)
def _any_of(strings: tuple[str, ...]) -> Callable[[str], object] | None:
    """The `search` of a pattern that finds any of these fixed strings (the standard library's
    `re`: literal text only, so it finds exactly what substring tests would)."""
    if not strings:
        return None
    return re.compile("|".join(map(re.escape, sorted(strings, key=lambda s: (-len(s), s))))).search


# Lines up to this long test the required strings with one `re` search, longer ones with `in`.
_SHORT = 60


# Characters whose possible starts are probed: Latin, IPA and general punctuation (quotes, dashes,
# bullets), where nearly every line of a Western page begins. Other first characters try every rule.
_PROBE = frozenset(chr(i) for i in [*range(0x20, 0x250), *range(0x2000, 0x2070)])


def _first_chars(pattern: regex.Pattern) -> frozenset[str] | None:
    """The probe characters a match of an anchored pattern can start with; None if unanchored.

    A pattern anchored at the start of the line matches there or nowhere, so a line whose first
    character cannot begin a match (the pattern does not even partially match that character
    alone) cannot match at all.
    """
    if pattern.flags & regex.VERBOSE or not anchored(pattern.pattern):
        return None
    return frozenset(c for c in _PROBE if pattern.match(c, partial=True) is not None)


def anchored(p: str) -> bool:
    """True when every match of pattern text `p` must start at the start of the string.

    >>> anchored(r"^(?:menu|search)$"), anchored(r"(?:^a)|(?:^b\\|)"), anchored(r"(?i)^x")
    (True, True, True)
    >>> anchored(r"^a|b"), anchored(r"(?:^a)?b"), anchored(r"\\(photo\\)"), anchored(r"(?x) ^a")
    (False, False, False, False)
    """
    alts = _split_top(p)
    return alts is not None and all(_alt_anchored(a) for a in alts)


_INLINE_FLAGS = regex.compile(r"\(\?[a-wyzA-Z]+\)")  # global flags such as (?i); not (?x)


def _alt_anchored(a: str) -> bool:
    while True:
        m = _INLINE_FLAGS.match(a)
        if not m:
            break
        a = a[m.end():]
    if a.startswith(("^", "\\A")):
        return True
    if not a.startswith("(") or a.startswith(("(?=", "(?!", "(?<=", "(?<!", "(?#", "(?(", "(?|")):
        return False
    end = _close(a, 0)
    if end is None or a[end + 1:end + 2] in ("?", "*", "{"):
        return False  # an optional group may match nothing, letting a later part start the match
    inner = a[1:end]
    m = regex.match(r"\?(?::|P?<\w+>|[a-zA-Z-]+:|>)", inner)
    if inner.startswith("?") and not m:
        return False
    return anchored(inner[m.end():] if m else inner)


def _scan(p: str):  # yields (index, char, depth) for characters outside classes and escapes
    depth = 0
    i = 0
    n = len(p)
    while i < n:
        c = p[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            j = i + 1
            if j < n and p[j] == "^":
                j += 1
            if j < n and p[j] == "]":
                j += 1
            while j < n and p[j] != "]":
                j += 2 if p[j] == "\\" else 1
            i = j + 1
            continue
        if c == "(":
            yield i, c, depth
            depth += 1
        elif c == ")":
            depth -= 1
            yield i, c, depth
        else:
            yield i, c, depth
        i += 1


def _split_top(p: str) -> list[str] | None:
    parts, last = [], 0
    for i, c, depth in _scan(p):
        if depth < 0:
            return None
        if c == "|" and depth == 0:
            parts.append(p[last:i])
            last = i + 1
    parts.append(p[last:])
    return parts


def _close(p: str, start: int) -> int | None:
    """Index of the parenthesis closing the one at `start`."""
    for i, c, depth in _scan(p):
        if i > start and c == ")" and depth == 0:
            return i
    return None
