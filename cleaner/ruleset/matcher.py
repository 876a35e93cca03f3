"""Find the first of many line rules that matches a line, in one regex pass for most lines.

Most lines of a page match no rule, so all patterns of a kind are joined into one alternation per
flag set (compiled once per rule set). Only a line that the joined pattern matches is tried
against the rules one by one, in order, to name the rule and check its limits.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import regex

# Backreferences and conditionals refer to group numbers/names, which joining would shift.
_NOT_JOINABLE = regex.compile(r"\\[1-9]|\\g<|\(\?P=|\(\?\(")


class _PatternRule(Protocol):
    pattern: regex.Pattern

    def match(self, line: str) -> bool: ...


class LineMatcher:
    """`first(line)` returns the first rule (in the given order) whose `match(line)` is true."""

    def __init__(self, rules: Sequence[_PatternRule]) -> None:
        self.rules = list(rules)
        self._always_try = any(_NOT_JOINABLE.search(r.pattern.pattern) for r in self.rules)
        by_flags: dict[int, list[str]] = {}
        for r in self.rules:
            by_flags.setdefault(r.pattern.flags, []).append(r.pattern.pattern)
        self._joined = [
            regex.compile("|".join(f"(?:{p})" for p in pats), flags)
            for flags, pats in by_flags.items()
        ] if not self._always_try else []

    def __bool__(self) -> bool:
        return bool(self.rules)

    def first(self, line: str) -> _PatternRule | None:
        if not self.rules:
            return None
        if not self._always_try:
            for joined in self._joined:
                if joined.search(line):
                    break
            else:
                return None
        for r in self.rules:
            if r.match(line):
                return r
        return None
