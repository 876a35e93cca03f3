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

from .literals import fold, line_screen, minimal_strings


class _PatternRule(Protocol):
    pattern: regex.Pattern
    max_words: int | None

    def match(self, line: str) -> bool: ...


# One rule as the matcher tries it: the rule; the prefixes, suffixes and contained strings of
# which a line it matches has one (`line_screen`; contained strings None: unknown, try every
# line); and whether they are looked for in the case-folded line.
_Entry = tuple[_PatternRule, tuple[str, ...], tuple[str, ...], "tuple[str, ...] | None", bool]


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
    Each remaining rule is tried only when the line passes its pre-test (`literals.line_screen`:
    per alternative of the pattern, a prefix, a suffix or a string the line must hold).
    """

    def __init__(self, rules: Sequence[_PatternRule]) -> None:
        self.rules = list(rules)
        self._starts = [_first_chars(r.pattern) for r in self.rules]
        self._needs = [line_screen(r.pattern, getattr(r, "drop", ())) for r in self.rules]
        self._limits = [getattr(r, "max_words", None) for r in self.rules]
        self._cuts = sorted({n for n in self._limits if n is not None})
        self._by_key: dict[tuple[str, int], _Plan] = {}
        # By first character: the rules it allows, each with its word limit and entry (see `_for_char`).
        self._by_char: dict[str, list[tuple[int | None, _Entry, tuple[int, tuple[str, ...] | None]]]] = {}
        # Plans by their entries: many first characters and lengths share one (built once).
        self._plans: dict[tuple, _Plan] = {}
        # Groups of plans' entries by their entries (see `_Plan`): plans share about half of them.
        self._groups: dict[tuple, _Plan] = {}
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
            allowed = [x for x in self._for_char(c) if x[0] is None or (floor is not None and x[0] >= floor)]
            key = tuple(x[2] for x in allowed)
            got = self._plans.get(key)
            if got is None:
                got = self._plans[key] = _Plan([x[1] for x in allowed], key=key, shared=self._groups)
            self._by_key[(c, k)] = got
        return got

    def _for_char(self, c: str) -> list[tuple[int | None, _Entry, tuple[int, tuple[str, ...] | None]]]:
        """The rules a line starting with `c` may match, in order, each with its `max_words`, its
        entry, and what identifies the entry in a plan's key (the rule's number and the prefixes
        `c` allows): worked out once per character, not once per character and word count."""
        got = self._by_char.get(c)
        if got is None:
            got = self._by_char[c] = []
            for n, (r, st, lim, need) in enumerate(zip(self.rules, self._starts, self._limits, self._needs,
                                                         strict=True)):
                if not (c not in _PROBE or st is None or c in st):
                    continue
                if need is None:
                    got.append((lim, (r, (), (), None, False), (n, None)))
                    continue
                starts = need.starts.starting(c) if need.starts is not None else ()
                if not (starts or need.ends or need.holds):
                    continue  # no prefix of the rule can start a line that starts with c
                got.append((lim, (r, starts, need.ends, need.holds, need.folded), (n, starts)))
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
            short = len(line) <= _SHORT
            # The quick test that rules out every rule of the plan at once (on the folded line).
            # `held`: whether the line holds one of the plan's strings (None: not known yet).
            tails = plan.tails_by_end.get(low[-1])
            if plan.always or low.startswith(plan.heads) or (tails is not None and low.endswith(tails)):
                held = None
            elif _holds(plan, low, short):
                held = True
            else:
                continue
            # The entries a few at a time, each group behind its own quick test (built like the
            # plan's): most groups fail it, and their entries are not tried one by one. A string
            # of a group holds one of the plan's (`minimal_strings`), so a line that holds none
            # of the plan's (asked once, when a group's edges fail) holds none of any group's.
            for group in plan.groups:
                tails = group.tails_by_end.get(low[-1])
                if not (group.always or low.startswith(group.heads) or (tails is not None and low.endswith(tails))):
                    if held is None:
                        held = _holds(plan, low, short)
                    if not (held and _holds(group, low, short)):
                        continue
                for r, starts, ends, holds, folded in group.entries:
                    if holds is not None:
                        hay = low if folded else line
                        if not (starts and hay.startswith(starts)) and not (ends and hay.endswith(ends)):
                            for s in holds:
                                if s in hay:
                                    break
                            else:
                                continue
                    if r.match(line):
                        out.append((i, r))
                        break
                else:
                    continue
                break
        return out


class _Plan:
    """The rules a kind of line may match (`entries`, in order), and a quick test that rules
    them all out at once for most lines: one `startswith` over all the rules' prefixes, one
    `endswith` over their suffixes, then substring tests for their required strings (a substring
    test is much faster than one search for them all with a `re` alternation, which tries every
    alternative at every position of a long line; on short lines one search wins).

    Each Python step costs more than a C loop over a few dozen strings, so the quick test makes
    few of them: it looks at the folded line only (when any rule of the plan folds; a plain
    string's fold is in the folded line wherever the string is in the line, as `fold` maps
    characters one by one), and at prefixes and suffixes cut to `_EDGE` characters. It is weaker
    than the rules' own tests, which the entries then run exactly."""

    __slots__ = ("entries", "wants_fold", "always", "heads", "tails", "tails_by_end", "contains", "search", "groups")

    def __init__(self, entries: list[_Entry], wants_fold: bool | None = None, *, key: tuple = (),
                 shared: dict[tuple, _Plan] | None = None) -> None:
        """`key` says what the entries are, one item each (see `LineMatcher._for_key`); with it,
        groups are taken from and added to `shared`, where plans with the same entries in one
        group find it built."""
        self.entries = entries
        # (A group of a plan's entries tests the line as its plan folds it.)
        self.wants_fold = any(e[4] for e in entries) if wants_fold is None else wants_fold
        self.always = any(e[3] is None for e in entries)

        def quick(strings: tuple[str, ...], folded: bool) -> tuple[str, ...]:
            return strings if folded or not self.wants_fold else _folded(strings)

        self.heads = _shortest_heads(frozenset(s for e in entries for s in quick(e[1], e[4])))
        self.tails = _shortest_tails(frozenset(s for e in entries for s in quick(e[2], e[4])))
        # The suffixes by their last character: a line is compared with those it ends with only.
        self.tails_by_end = _by_end(self.tails)
        if "" in self.heads or "" in self.tails:  # (no string in `tails_by_end`; every line passes)
            self.always = True
        self.contains = minimal_strings(s for e in entries for s in quick(e[3] or (), e[4]))
        # The same strings as one search, for short lines (one call beats many `in` tests).
        self.search = _any_of(self.contains)
        # The entries in groups of `_GROUP`, each with its own quick test (one group: the plan).
        self.groups: tuple[_Plan | _Group, ...] = (_Group(entries),)
        if wants_fold is None and len(entries) > _GROUP:
            shared = {} if shared is None or not key else shared
            groups = []
            for g in range(0, len(entries), _GROUP):
                which = (key[g:g + _GROUP], self.wants_fold)
                group = shared.get(which)
                if group is None:
                    group = shared[which] = _Plan(entries[g:g + _GROUP], self.wants_fold)
                groups.append(group)
            self.groups = tuple(groups)


def _holds(test: _Plan | _Group, low: str, short: bool) -> bool:
    """Whether the folded line `low` holds one of a plan's or a group's `contains`: the part of
    their quick test (see `_Plan`) after the prefixes and suffixes. `short`: the line is at most
    `_SHORT` characters."""
    if short:
        return test.search is not None and test.search(low) is not None
    for s in test.contains:
        if s in low:
            return True
    return False


class _Group:
    """A plan's entries as one group, without a quick test of its own (the plan's is enough):
    `always` is true, so `LineMatcher.scan` never looks at the other fields."""

    __slots__ = ("entries", "always", "heads", "tails", "tails_by_end", "contains", "search")

    def __init__(self, entries: list[_Entry]) -> None:
        self.entries = entries
        self.always = True
        self.heads: tuple[str, ...] = ()
        self.tails: tuple[str, ...] = ()
        self.tails_by_end: dict[str, tuple[str, ...]] = {}
        self.contains: tuple[str, ...] = ()
        self.search: Callable[[str], object] | None = None


@functools.lru_cache(maxsize=4096)
def _folded(strings: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(map(fold, strings))


@functools.lru_cache(maxsize=4096)
def _shortest_heads(strings: frozenset[str]) -> tuple[str, ...]:
    """The prefixes cut to `_EDGE` characters, without those another one starts (in sorted
    order, a string that starts with another follows it with only such strings between).

    >>> _shortest_heads(frozenset({"sign up for our daily", "sign up now", "menu", "men"}))
    ('men', 'sign u')
    """
    out: list[str] = []
    for s in sorted({s[:_EDGE] for s in strings}):
        if not (out and s.startswith(out[-1])):
            out.append(s)
    return tuple(out)


@functools.lru_cache(maxsize=4096)
def _shortest_tails(strings: frozenset[str]) -> tuple[str, ...]:
    """The same for suffixes. One before a final newline (which `$` allows; `line_screen` adds
    those) is just the newline, so any line ending in one passes.

    >>> _shortest_tails(frozenset({"AP", "AFP", "/AFP", "AP\\n", "AFP File"}))
    ('\\n', 'AP', 'AFP', 'P File')
    """
    cut = {"\n" if s.endswith("\n") else s[-_EDGE:] for s in strings}
    out: list[str] = []
    for r in sorted(s[::-1] for s in cut):
        if not (out and r.startswith(out[-1])):
            out.append(r)
    return tuple(s[::-1] for s in out)


@functools.lru_cache(maxsize=4096)
def _by_end(tails: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The non-empty suffixes by their last character (a text ends with one only if it ends with
    that character).

    >>> _by_end(('\\n', 'AP', 'AFP', 'P File'))
    {'\\n': ('\\n',), 'P': ('AP', 'AFP'), 'e': ('P File',)}
    """
    out: dict[str, list[str]] = {}
    for s in tails:
        if s:
            out.setdefault(s[-1], []).append(s)
    return {c: tuple(v) for c, v in out.items()}


@functools.lru_cache(maxsize=4096)
def _any_of(strings: tuple[str, ...]) -> Callable[[str], object] | None:
    """The `search` of a pattern that finds any of these fixed strings (the standard library's
    `re`: literal text only, so it finds exactly what substring tests would)."""
    if not strings:
        return None
    return re.compile("|".join(map(re.escape, sorted(strings, key=lambda s: (-len(s), s))))).search


# Lines up to this long test the required strings with one `re` search, longer ones with `in`.
_SHORT = 60

# Entries of a plan behind one quick test of their own (see `LineMatcher.scan`).
_GROUP = 10

# Characters of a prefix or suffix the quick test compares: fewer strings, one short C loop.
_EDGE = 6


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
