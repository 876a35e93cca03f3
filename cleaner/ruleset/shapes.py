"""Shape pre-tests for date patterns: which strings a date's *shape* must hold.

Date patterns are mostly digits, separators and month names. In the window around a year that
the date stage searches, the plain required strings of such a pattern ('.', ',', '/') are nearly
always there, so the pattern (a costly `regex` call) runs on nearly every window. Spelled out in
shape, with every ASCII digit written as "0" and whitespace as one space, a pattern needs much
more: `\\d\\d?\\.\\s?\\d\\d?\\.\\s?(?:19|20)\\d\\d` holds one of "0.0.0000", "0. 0.0000", ... A
window is tested in the same shape (`shape_of`), and only when that spelling is faithful: a
window of printable characters without two spaces in a row and without digits other than 0-9,
where `\\d` can only match an ASCII digit and `\\s` only a single space (`faithful`). Other
windows fall back on the plain pre-test.

`shape_screen(pattern)` returns alternatives (any may hold), each a conjunction of requirements
(all must hold), each a tuple of strings (one must occur) with what they all share (tested
first); None when nothing useful is known.
Like `literals.required` it errs only towards saying less: syntax it does not know for sure
gives no requirement, never a wrong one.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from typing import Any

import regex

from .literals import _ATOMIC, _REPEATS, _ZERO_WIDTH, _c, _foldable, _parse, fold, minimal_strings

# Most strings one item (or run of items) may be spelled as before it stops being spelled out.
CAP = 64
_DIGITS = frozenset("0123456789")
ZERO = str.maketrans("0123456789", "0000000000")
# A digit other than 0-9 (as the rules' `\d` sees it).
_OTHER_DIGIT = regex.compile(r"(?=\d)[^0-9]")

Requirement = tuple[str, ...]
Screen = tuple[tuple[tuple[str, Requirement], ...], ...]
# A screen made ready for `passes_compiled`: a requirement of many strings is one search.
Compiled = tuple[tuple[tuple[str, "Requirement | Callable[[str], object]"], ...], ...]
# Requirements of at least this many strings are tested with one search (see `compile_screen`).
_SEARCH_FROM = 4
# ASCII digits as UTF-8 bytes, written as "0" (see `zeroed`).
_ZERO_BYTES = bytes.maketrans(b"123456789", b"000000000")


def faithful(text: str) -> bool:
    """Whether `text` in shape says all a pattern needs: `\\s` can only match a single space (no
    whitespace but spaces, which `str.isprintable` tells, and no two in a row) and `\\d` only
    an ASCII digit."""
    if not text.isprintable() or "  " in text:
        return False
    return text.isascii() or _OTHER_DIGIT.search(text) is None


def shape_of(text: str, folded: bool) -> str | None:
    """`text` in shape (folded when asked), or None when the shape would not be faithful."""
    if not faithful(text):
        return None
    return zeroed(fold(text) if folded else text)


def zeroed(text: str) -> str:
    """`text` with every ASCII digit written as "0", as `text.translate(ZERO)` gives, through
    its UTF-8 bytes: an ASCII digit's byte never occurs inside another character's encoding, and
    a bytes translate is many times faster than `str.translate` (here about 1.5 against 20 us for
    a 70-character window that is not ASCII). `surrogatepass` carries lone surrogates through.

    >>> zeroed("am 12. März 2019, 9:45"), zeroed("\\ud800 7") == "\\ud800 0"
    ('am 00. März 0000, 0:00', True)
    """
    return text.encode("utf-8", "surrogatepass").translate(_ZERO_BYTES).decode("utf-8", "surrogatepass")


def compile_screen(screen: Screen) -> Compiled:
    """The screen for `passes_compiled`: a requirement of `_SEARCH_FROM` strings or more (up to
    54 month spellings) becomes one search of the standard library's `re` for any of them
    (literal text only, so it finds exactly what the substring tests find; on a window of some
    70 characters one call costs less than many `in` tests)."""
    return tuple(
        tuple((shared, req if len(req) < _SEARCH_FROM else _any_of(req)) for shared, req in conj)
        for conj in screen
    )


def _any_of(strings: Requirement) -> Callable[[str], object]:
    return re.compile("|".join(map(re.escape, sorted(strings, key=lambda s: (-len(s), s))))).search


def passes_compiled(screen: Compiled, hay: str) -> bool:
    """`passes(screen, hay)` for the screen `compile_screen` made this from (same answers).

    >>> scr, _ = shape_screen(regex.compile(r"(?i)\\b(?:jan|feb|mar|apr|may|jun)\\.? \\d\\d?, (?:19|20)\\d\\d"))
    >>> fast = compile_screen(scr)
    >>> [passes_compiled(fast, h) == passes(scr, h) for h in ("on may 0, 0000 at", "on 0 may 0000")]
    [True, True]
    """
    for conj in screen:
        for shared, req in conj:
            if shared not in hay:
                break
            if type(req) is tuple:
                for s in req:
                    if s in hay:
                        break
                else:
                    break
            elif req(hay) is None:  # type: ignore[operator]
                break
        else:
            return True
    return False


def passes(screen: Screen, hay: str) -> bool:
    """True when some alternative's every requirement has one of its strings in `hay` (a
    requirement's first string is the part all its strings share, tested first)."""
    for conj in screen:
        for shared, req in conj:
            if shared not in hay:
                break
            for s in req:
                if s in hay:
                    break
            else:
                break
        else:
            return True
    return False


def _shared(req: Requirement) -> str:
    """The longer of the prefix and the suffix that all strings of a requirement share."""
    pre = os.path.commonprefix(list(req))
    suf = os.path.commonprefix([x[::-1] for x in req])[::-1]
    return pre if len(pre) >= len(suf) else suf


def shape_screen(pattern: regex.Pattern) -> tuple[Screen, bool] | None:
    """The shape pre-test of a pattern and whether it is tested on the folded window.

    >>> scr, folded = shape_screen(regex.compile(r"(?<![\\d.])\\d\\d?\\.\\s?\\d\\d?\\.\\s?(?:19|20)\\d\\d"))
    >>> scr[0][0][0], scr[0][0][1][:4]
    ('0000', ('0.0.0000', '0. 0.0000', '0.0. 0000', '0.00.0000'))
    >>> passes(scr, shape_of("Berlin, 07.04.2025 10:32", folded)), passes(scr, shape_of("in 2025.", folded))
    (True, False)
    """
    parsed = _parse(pattern)
    if parsed is None:
        return None
    tree, folded = parsed
    alts = _top_alternatives(list(tree))
    screen = []
    for alt in alts:
        conj = _runs(alt, folded)
        if not conj:
            return None  # an alternative with no requirement: the window may always match
        conj.sort(key=len)  # the requirement with fewest strings first
        screen.append(tuple((_shared(req), req) for req in conj))
    return tuple(screen), folded


def _top_alternatives(items: list) -> list[list]:
    """The pattern's top-level alternatives (through groups that are the whole pattern)."""
    body = [it for it in items if it[0] not in _ZERO_WIDTH]
    if len(body) == 1 and len(items) == 1:
        op, av = items[0]
        if op is _c.BRANCH:
            return [x for alt in av[1] for x in _top_alternatives(list(alt))]
        if op is _c.SUBPATTERN and not av[1] and not av[2]:
            return _top_alternatives(list(av[3]))
    return [items]


def _runs(items: Iterable, folded: bool) -> list[Requirement]:
    """Requirements of a sequence: each maximal run of spelled-out items (as the set of its
    spellings), and for other items that must occur, their own best requirement."""
    out: list[Requirement] = []
    run: set[str] = {""}

    def flush() -> None:
        nonlocal run
        req = _requirement(run)
        if req:
            out.append(req)
        run = {""}

    for op, av in items:
        lang = _lang(op, av, folded)
        if lang is not None:
            grown = {a + b for a in run for b in lang}
            if len(grown) <= CAP:
                run = grown
                continue
            flush()
            run = set(lang)
            continue
        flush()
        sub = _inner(op, av, folded)
        if sub:
            out.append(sub)
    flush()
    return out


def _requirement(strings: set[str]) -> Requirement | None:
    """A run's spellings as a requirement: none empty, none all digits (the window holds a year
    anyway), and those holding a shorter one dropped (a text holding "00.0" holds "0.0")."""
    if not strings or "" in strings or any(s.strip("0") == "" for s in strings):
        return None
    return minimal_strings(strings)


def _inner(op: object, av: object, folded: bool) -> Requirement | None:
    """The best single requirement of an item that must occur but is not spelled out."""
    if op is _c.SUBPATTERN:
        return _best(_runs(av[3], folded))  # type: ignore[index]
    if _ATOMIC is not None and op is _ATOMIC:
        return _best(_runs(av, folded))  # type: ignore[arg-type]
    if op is _c.BRANCH:
        alts = [_best(_runs(alt, folded)) for alt in av[1]]  # type: ignore[index]
        if alts and all(alts):
            merged = {s for a in alts for s in a}  # type: ignore[union-attr]
            return _requirement(merged)
        return None
    if op in _REPEATS and av[0] >= 1:  # type: ignore[index]
        return _best(_runs(av[2], folded))  # type: ignore[index]
    return None


def _best(reqs: list[Requirement]) -> Requirement | None:
    """The requirement least likely to hold: the longest shortest string, then the fewest."""
    return max(reqs, key=lambda r: (min(map(len, r)), -len(r)), default=None)


def _lang(op: object, av: Any, folded: bool) -> set[str] | None:
    """Every spelling (in shape) of what one item matches, when few; else None."""
    if op is _c.LITERAL:
        return _char(av, folded)  # type: ignore[arg-type]
    if op in _ZERO_WIDTH:
        return {""}
    if op is _c.IN:
        return _class(av, folded)  # type: ignore[arg-type]
    if op is _c.SUBPATTERN:
        return _seq_lang(av[3], folded)  # type: ignore[index]
    if _ATOMIC is not None and op is _ATOMIC:
        return _seq_lang(av, folded)  # type: ignore[arg-type]
    if op is _c.BRANCH:
        out: set[str] = set()
        for alt in av[1]:  # type: ignore[index]
            sub = _seq_lang(alt, folded)
            if sub is None:
                return None
            out |= sub
            if len(out) > CAP:
                return None
        return out
    if op in _REPEATS:
        lo, hi, sub_items = av  # type: ignore[misc]
        sub = _seq_lang(sub_items, folded)
        if sub is None:
            return None
        if sub == {" "}:  # whitespace: a faithful window has single spaces only
            return {" "} if lo >= 1 else {"", " "}
        if hi > 4:
            return None
        out = set()
        cur = {""}
        for n in range(hi + 1):
            if n >= lo:
                out |= cur
            if n < hi:
                cur = {a + b for a in cur for b in sub}
                if len(cur) > CAP:
                    return None
        return out if len(out) <= CAP else None
    return None


def _seq_lang(items: Iterable, folded: bool) -> set[str] | None:
    cur = {""}
    for op, av in items:
        lang = _lang(op, av, folded)
        if lang is None:
            return None
        cur = {a + b for a in cur for b in lang}
        if len(cur) > CAP:
            return None
    return cur


def _char(code: int, folded: bool) -> set[str] | None:
    ch = chr(code)
    if ch in _DIGITS:
        return {"0"}
    if ch.isspace():
        return {" "} if ch == " " else None
    if folded and not _foldable(code):
        return None
    return {fold(ch) if folded else ch}


def _class(items: list, folded: bool) -> set[str] | None:
    """The spellings of a character class: digits are "0", `\\s` a space; small classes only."""
    out: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            got = _char(av, folded)
            if got is None:
                return None
            out |= got
        elif op is _c.RANGE and 48 <= av[0] <= av[1] <= 57:
            out.add("0")
        elif op is _c.CATEGORY and av is _c.CATEGORY_DIGIT:
            out.add("0")
        elif op is _c.CATEGORY and av is _c.CATEGORY_SPACE:
            out.add(" ")
        else:
            return None
    return out if 0 < len(out) <= 4 else None
