"""Find the first of many line rules that matches a line, in one regex pass for most lines.

Most lines of a page match no rule, so all patterns of a kind are joined into one alternation per
flag set (compiled once per rule set). Only a line that the joined pattern matches is tried
against the rules one by one, in order, to name the rule and check its limits.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import Protocol

import regex

# Backreferences and conditionals refer to group numbers/names, which joining would shift.
_BACKREF = regex.compile(r"(?<!\\)(?:\\\\)*\\(?:[1-9]|g<)")
_ESCAPED = regex.compile(r"\\.")


def joinable(p: str) -> bool:
    """False for pattern text with backreferences or conditionals (escaped parentheses are fine).

    >>> joinable(r"^\\(?(?:Reporting|Editing)"), joinable(r"(a)\\1"), joinable(r"(?(1)a|b)")
    (True, False, False)
    """
    if _BACKREF.search(p):
        return False
    bare = _ESCAPED.sub("", p)
    return "(?P=" not in bare and "(?(" not in bare


class _PatternRule(Protocol):
    pattern: regex.Pattern
    max_words: int | None

    def match(self, line: str) -> bool: ...


class LineMatcher:
    """`first(line)` returns the first rule (in the given order) whose `match(line)` is true.

    Most line rules are anchored at the start of the line, and each can begin with only a few
    characters ("Share ...", "Menu"). For those, the characters a match can start with are found
    once by asking the rule's own pattern (a partial match on each character of a probe set), and
    a line is tried only against the rules its first character allows, joined in one pattern per
    such subset (compiled on first use). A line starting outside the probe set is tried against
    all rules; unanchored rules are always tried.

    Rules limited to short lines (`max_words`) are left out for longer lines, so the long prose
    lines of an article, the bulk of a page's text, meet only the few rules without such a limit.
    """

    def __init__(self, rules: Sequence[_PatternRule]) -> None:
        self.rules = list(rules)
        self._always_try = not all(joinable(r.pattern.pattern) for r in self.rules)
        self._joined = _join(self.rules) if not self._always_try else []
        self._starts = [_first_chars(r.pattern) for r in self.rules] if not self._always_try else []
        self._limits = [getattr(r, "max_words", None) for r in self.rules]
        self._cuts = sorted({n for n in self._limits if n is not None})
        self._by_key: dict[tuple[str, int], tuple[list[regex.Pattern], list[_PatternRule]]] = {}
        self._by_subset: dict[tuple[int, ...], tuple[list[regex.Pattern], list[_PatternRule]]] = {}

    def __bool__(self) -> bool:
        return bool(self.rules)

    def _for_key(self, c: str, k: int) -> tuple[list[regex.Pattern], list[_PatternRule]]:
        """Joined patterns and rules (in order) that a line starting with `c` may match, when the
        line has more words than the `k` smallest `max_words` limits allow."""
        got = self._by_key.get((c, k))
        if got is None:
            floor = self._cuts[k] if k < len(self._cuts) else None
            idx = tuple(
                i
                for i, (st, lim) in enumerate(zip(self._starts, self._limits, strict=True))
                if (lim is None or (floor is not None and lim >= floor))
                and (c not in _PROBE or st is None or c in st)
            )
            got = self._by_subset.get(idx)
            if got is None:
                subset = [self.rules[i] for i in idx]
                got = self._by_subset[idx] = (_join(subset), subset)
            self._by_key[(c, k)] = got
        return got

    def first(self, line: str) -> _PatternRule | None:
        if not self.rules or not line:
            return None
        if self._always_try:
            candidates = self.rules
        else:
            k = bisect_left(self._cuts, line.count(" ") + 1) if self._cuts else 0
            joined, candidates = self._for_key(line[0], k)
            for j in joined:
                if j.search(line):
                    break
            else:
                return None
        for r in candidates:
            if r.match(line):
                return r
        return None


def _join(rules: Sequence[_PatternRule]) -> list[regex.Pattern]:
    """One alternation per flag set, for a quick "does any of these match" test."""
    by_flags: dict[int, list[str]] = {}
    for r in rules:
        by_flags.setdefault(r.pattern.flags, []).append(r.pattern.pattern)
    return [regex.compile("|".join(f"(?:{p})" for p in pats), flags) for flags, pats in by_flags.items()]


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
