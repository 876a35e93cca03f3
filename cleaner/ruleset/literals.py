"""Literal strings a pattern cannot match without: a cheap `in` test before a costly regex call.

A call into the `regex` module costs a microsecond or more even when it fails at once, and most
lines of a page match none of the rules. Nearly every rule pattern spells out some fixed text
("contributed", "[", "newsletter"): a line that holds none of a pattern's required strings
cannot match it, and Python's substring test tells that many times faster than the pattern.

`required(pattern)` reads the pattern's syntax tree (the standard library's parser, after
`\\p{..}` classes, which it lacks, are replaced by `\\w`) and returns a set of strings of which
every match contains at least one, or None when it cannot tell. It errs only towards None: any
syntax it does not know for sure (constructs of `regex` that the standard parser would read
differently, full case folding, version-1 set syntax) gives no filter, and the pattern is then
tried on every line as before. For a case-insensitive pattern the strings are compared with a
case-folded line (`fold`), and only characters whose case variants fold alike are used.
"""

from __future__ import annotations

import functools
import re as _re
import warnings
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import regex

try:  # the standard library's regular-expression parser (Python 3.11+: re._parser)
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _sre  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _sre  # type: ignore[no-redef]

# Unicode property classes of `regex`: a class all the same for this purpose (it holds no literal).
_PROPERTY = regex.compile(r"(?<!\\)((?:\\\\)*)\\([pP])(?:\{[^}]*\}|[A-Za-z])")
# Named groups: `regex` allows `(?<name>...)` and one name in several branches, the standard
# parser neither; group names play no part in which strings a match holds.
_NAMED = regex.compile(r"(?<!\\)((?:\\\\)*)\(\?P?<(?![=!])\w+>")
# Syntax the standard parser would accept but read differently from `regex`: POSIX classes and
# nested sets ("[[:alpha:]]", "[[a-z]--[aeiou]]"), fuzzy matching ("(?:x){e<=1}").
_DIVERGENT = regex.compile(r"\[\[|\[:\^?\w+:\]|\{\s*[a-zA-Z]")

# Flags of `regex` under which a literal may match other text than itself or its simple case
# variants (full case folding: "ß" matches "ss"), or under which the set syntax differs (V1).
_UNSAFE_FLAGS = regex.FULLCASE | regex.VERSION1


def _foldable(code: int) -> bool:
    """True for a character whose case variants (as case-insensitive `regex` sees them) all fold
    like it: ASCII and the Latin letters up to U+024F, except "ß" and "ƛ" (a test checks this
    over all of Unicode). Other characters of a case-insensitive pattern are not relied on."""
    return code < 0x250 and code not in (0xDF, 0x19B)


def fold(text: str) -> str:
    """The case-blind form a case-insensitive pattern's required strings are looked for in.

    Case-insensitive `regex` takes the dotted and dotless I of Turkish ("İ", "ı") for plain i/I,
    which `str.casefold` keeps apart: they are mapped to "i" first, so no match is ruled out.

    >>> fold("SHARE this"), fold("İstanbul")
    ('share this', 'istanbul')
    """
    if text.isascii():
        return text.lower()
    if "İ" in text or "ı" in text:  # (two substring tests cost far less than a translate)
        text = text.replace("İ", "i").replace("ı", "i")
    return text.casefold()


@dataclass(frozen=True)
class Literals:
    """At least one of `strings` occurs in any text the pattern matches (in `fold(text)` when
    `folded`); with `at_start`, the text starts with one of them."""

    strings: tuple[str, ...]
    folded: bool
    at_start: bool = False

    @functools.cached_property
    def _head(self) -> int:
        return max(map(len, self.strings))

    @functools.cached_property
    def _by_first(self) -> dict[str, tuple[str, ...]]:
        return {}

    @functools.cached_property
    def _by_char(self) -> dict[str, tuple[str, ...]]:
        """The strings by their first character, in order."""
        out: dict[str, list[str]] = {}
        for s in self.strings:
            out.setdefault(s[:1], []).append(s)
        return {k: tuple(v) for k, v in out.items()}

    def starting(self, c: str) -> tuple[str, ...]:
        """The strings a text starting with character `c` may start with (folding maps each
        character on its own, so the fold of a text starts with the fold of its first one)."""
        got = self._by_first.get(c)
        if got is None:
            head = fold(c) if self.folded else c
            if len(head) == 1 and "" not in self._by_char:  # those starting with it (one lookup)
                got = self._by_char.get(head, ())
            else:  # "ß" folds to "ss": compare
                got = tuple(s for s in self.strings if s.startswith(head) or head.startswith(s))
            self._by_first[c] = got
        return got

    def may_match(self, text: str, folded_text: str | None = None) -> bool:
        if self.at_start:
            strings = self.starting(text[:1])
            if not strings:
                return False
            if not self.folded:
                return text.startswith(strings)
            if folded_text is None:  # fold just the head
                folded_text = fold(text[:self._head])
            return folded_text.startswith(strings)
        hay = (folded_text if folded_text is not None else fold(text)) if self.folded else text
        for s in self.strings:
            if s in hay:
                return True
        return False


def where_may_match(need: Literals, texts: Iterable[str]) -> list[int]:
    """Positions of the texts for which `need.may_match(text)` is true, in order: one loop, and
    for prefixes (`at_start`) the strings a first character allows asked once per character.

    >>> where_may_match(Literals(("share", "menu"), True, True), ["Share this", "Summary", "MENU", ""])
    [0, 2]
    """
    if not need.at_start:
        may = need.may_match
        return [k for k, t in enumerate(texts) if may(t)]
    by_char: dict[str, tuple[str, ...]] = {}
    starting, folded, head = need.starting, need.folded, need._head if need.folded else 0
    out = []
    for k, t in enumerate(texts):
        c = t[:1]
        strings = by_char.get(c)
        if strings is None:
            strings = by_char[c] = starting(c)
        if not strings:
            continue
        if folded:
            h = t[:head]
            if (h.lower() if h.isascii() else fold(h)).startswith(strings):  # fold, inlined
                out.append(k)
        elif t.startswith(strings):
            out.append(k)
    return out


def any_may_match(needs: Iterable[Literals | None]) -> Callable[[str], bool] | None:
    """One test for several pre-tests: False when a text fails them all (the text folded once
    for all of them); None when one of them is unknown (every text may match)."""
    needs = list(needs)
    if any(n is None for n in needs):
        return None
    starts_folded = tuple(s for n in needs if n.at_start and n.folded for s in n.strings)  # type: ignore[union-attr]
    starts_plain = tuple(s for n in needs if n.at_start and not n.folded for s in n.strings)  # type: ignore[union-attr]
    holds_folded = tuple(sorted({s for n in needs if not n.at_start and n.folded for s in n.strings}))  # type: ignore[union-attr]
    holds_plain = tuple(sorted({s for n in needs if not n.at_start and not n.folded for s in n.strings}))  # type: ignore[union-attr]

    def test(text: str) -> bool:
        if starts_plain and text.startswith(starts_plain):
            return True
        for s in holds_plain:
            if s in text:
                return True
        if starts_folded or holds_folded:
            low = text.lower() if text.isascii() else fold(text)
            if starts_folded and low.startswith(starts_folded):
                return True
            for s in holds_folded:
                if s in low:
                    return True
        return False

    return test


def folded_holds_search(needs: Iterable[Literals | None]) -> Callable[[str], object] | None:
    """One search that finds, in a case-folded text (`fold`), a string of any of these pre-tests
    when some test may pass: None from it means every `need.may_match(text, fold(text))` is
    False. Only for pre-tests of contained, folded strings (a literal alternation of the standard
    library's `re` finds exactly what substring tests would); None when one is of another kind.

    >>> search = folded_holds_search([Literals(("posted",), True), Literals(("updated", "stand"), True)])
    >>> search("updated: may 2") is not None, search("may 2, 2024") is None
    (True, True)
    """
    needs = list(needs)
    if not needs or any(n is None or n.at_start or not n.folded or not n.strings for n in needs):
        return None
    strings = sorted({s for n in needs for s in n.strings}, key=lambda s: (-len(s), s))  # type: ignore[union-attr]
    if "" in strings:
        return None
    return _re.compile("|".join(map(_re.escape, strings))).search


def _parse(pattern: regex.Pattern) -> tuple[Any, bool] | None:
    """The standard parser's tree of a `regex` pattern, and whether any part ignores case; None
    when the pattern uses syntax the standard parser lacks or would read differently."""
    if pattern.flags & _UNSAFE_FLAGS:
        return None
    text = _PROPERTY.sub(lambda m: m.group(1) + ("\\w" if m.group(2) == "p" else "\\W"), pattern.pattern)
    if _DIVERGENT.search(text):
        return None
    text = _NAMED.sub(lambda m: m.group(1) + "(?:", text)
    std_flags = 0
    for ours, std in ((regex.VERBOSE, _sre.SRE_FLAG_VERBOSE), (regex.MULTILINE, _sre.SRE_FLAG_MULTILINE),
                      (regex.DOTALL, _sre.SRE_FLAG_DOTALL)):
        if pattern.flags & ours:
            std_flags |= std
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # the parser warns where its reading may change
            tree = _sre.parse(text, std_flags)
    except Exception:  # noqa: BLE001 - syntax of `regex` only: no filter, never an error
        return None
    folded = bool(pattern.flags & regex.IGNORECASE) or bool(tree.state.flags & _sre.SRE_FLAG_IGNORECASE) \
        or _any_ignorecase(tree)
    return tree, folded


def required(pattern: regex.Pattern, useless: Callable[[str], bool] | None = None) -> Literals | None:
    """The strings one of which every match of `pattern` contains, or None when unknown.

    >>> required(regex.compile(r"^(?:Reporting|Editing) by \\p{L}+")).strings
    (' by ',)
    >>> required(regex.compile(r"^(?:Reporting|Editing):? \\p{L}+")).strings
    ('Editing', 'Reporting')
    >>> required(regex.compile(r"\\((?:Getty|Reuters|AFP|AP|EPA)\\)")).strings
    ('(',)
    >>> required(regex.compile(r"(?i)^share(?: this)?$"))
    Literals(strings=('share',), folded=True, at_start=False)
    >>> required(regex.compile(r"^\\d+ min")) is None, required(regex.compile(r"[[:alpha:]]x")) is None
    (False, True)

    `useless(s)` true rules out a requirement that holds such a string, when the text looked in
    is known to hold it anyway (digits, in a window around a year):

    >>> required(regex.compile(r"(?i)\\d\\d? (?:May|June) (?:19|20)\\d\\d"), str.isdigit).strings
    ('may', 'june')
    """
    parsed = _parse(pattern)
    if parsed is None:
        return None
    tree, folded = parsed
    got = _seq(tree, folded, useless)
    if not got:
        return None
    return Literals(minimal_strings(fold(s) if folded else s for s in got), folded)


def minimal_strings(strings: Iterable[str]) -> tuple[str, ...]:
    """The strings without repeats and without those that hold another one, shortest first:
    "april" need not be looked for when "apr" is, since any text holding it holds "apr".

    >>> minimal_strings(["april", "apr", "comments", "comment", "apr"])
    ('apr', 'comment')
    """
    return _minimal_set(frozenset(strings))


@functools.lru_cache(maxsize=4096)
def _minimal_set(uniq: frozenset[str]) -> tuple[str, ...]:
    """minimal_strings, cached: many match plans share one string set (quadratic to reduce)."""
    return tuple(sorted((s for s in uniq if not any(t != s and t in s for t in uniq)), key=lambda s: (len(s), s)))


# Most prefixes followed when spelling out where an anchored pattern's matches can begin.
MAX_PREFIXES = 256


def prefixes(pattern: regex.Pattern) -> Literals | None:
    """For a pattern anchored at the start of the text: strings one of which every match starts
    with (test with `str.startswith`); None when unknown or when a match may start anywhere.

    >>> prefixes(regex.compile(r"(?i)^\\(?(?:reporting|editing) by"))
    Literals(strings=('(editing by', '(reporting by', 'editing by', 'reporting by'), folded=True, at_start=True)
    >>> prefixes(regex.compile(r"^(?:menu|\\w+ menu)$")) is None
    True
    """
    from .matcher import anchored

    if pattern.flags & regex.MULTILINE or not anchored(pattern.pattern):
        return None
    parsed = _parse(pattern)
    if parsed is None:
        return None
    tree, folded = parsed
    if tree.state.flags & _sre.SRE_FLAG_MULTILINE or _any_flag(tree, _sre.SRE_FLAG_MULTILINE):  # "(?m:^a)"
        return None
    got = {p for p, _ in _starts(tree, folded)}
    if not got or "" in got:
        return None
    strings = {fold(p) if folded else p for p in got}
    # "menu" covers "menu toggle": a text that starts with the longer one starts with the shorter.
    strings = {s for s in strings if not any(t != s and s.startswith(t) for t in strings)}
    return Literals(tuple(sorted(strings)), folded, at_start=True)


_ZERO_WIDTH = (_c.AT, _c.ASSERT, _c.ASSERT_NOT)


def _starts(items: Iterable, folded: bool, *, reverse: bool = False, mark: bool = False) -> set[tuple[str, bool]]:
    """(prefix, open) pairs: every match of the sequence starts with one of the prefixes; an open
    one is all the sequence matched, so what follows the sequence continues it.

    With `reverse`, the same for the ends of a match (suffixes, read from the sequence's end).
    With `mark`, an anchor at that end of the text (`^` or `\\A`; with `reverse`, `$` or `\\Z`)
    is spelled `_ANCHOR`, so a caller can tell the strings of an anchored match."""
    cur: set[tuple[str, bool]] = {("", True)}
    anchors = (_c.AT_END, _c.AT_END_STRING) if reverse else (_c.AT_BEGINNING, _c.AT_BEGINNING_STRING)
    for op, av in reversed(list(items)) if reverse else items:
        if not any(o for _, o in cur):
            break
        if op is _c.LITERAL:
            opts = {(chr(av), True)} if not folded or _foldable(av) else {("", False)}
        elif mark and op is _c.AT and av in anchors:
            opts = {(_ANCHOR, True)}
        elif op in _ZERO_WIDTH:
            continue
        elif op is _c.IN and _class_chars(av, folded):
            opts = {(ch, True) for ch in _class_chars(av, folded)}  # type: ignore[union-attr]
        elif op is _c.SUBPATTERN:
            opts = _starts(av[3], folded, reverse=reverse, mark=mark)
        elif _ATOMIC is not None and op is _ATOMIC:
            opts = _starts(av, folded, reverse=reverse, mark=mark)
        elif op is _c.BRANCH:
            opts = set().union(*(_starts(alt, folded, reverse=reverse, mark=mark) for alt in av[1]))
        elif op in _REPEATS:
            lo, hi, sub = av
            once = _starts(sub, folded, reverse=reverse, mark=mark) if hi >= 1 else set()
            if lo == 1 and hi == 1:
                opts = once
            else:
                opts = {(p, False) for p, _ in once} if lo >= 1 else {("", True)} | {(p, o and hi == 1) for p, o in once}
        else:
            opts = {("", False)}
        nxt = {(p, False) for p, o in cur if not o}
        if reverse:
            grown = {(q + p, oq) for p, o in cur if o for q, oq in opts}
        else:
            grown = {(p + q, oq) for p, o in cur if o for q, oq in opts}
        if len(nxt) + len(grown) > MAX_PREFIXES:
            return {(p, False) for p, _ in cur}
        cur = nxt | grown
    return cur


# Stands for an anchor in the strings of `_starts(..., mark=True)`; no rule pattern spells it.
_ANCHOR = "\x00"


def _children(av: object) -> Iterable:
    """The sub-sequences inside one node's argument."""
    if isinstance(av, _sre.SubPattern):
        yield av
    elif isinstance(av, (tuple, list)):
        for x in av:
            yield from _children(x)


def _any_ignorecase(items: Iterable) -> bool:
    for op, av in items:
        if op is _c.SUBPATTERN and av[1] & _sre.SRE_FLAG_IGNORECASE:
            return True
        if any(_any_ignorecase(child) for child in _children(av)):
            return True
    return False


_REPEATS = tuple(op for op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)) if op)
_ATOMIC = getattr(_c, "ATOMIC_GROUP", None)


# Rough share of lines that hold a string of 2, 3, 4, 5+ characters (for choosing which of a
# pattern's requirements to test: each string costs a substring test, each pass a regex call).
_PASS = {2: 0.15, 3: 0.05, 4: 0.02}


def _share(s: str) -> float:
    if len(s) == 1:
        return 0.9 if s.isalnum() else 0.3
    return _PASS.get(len(s), 0.01)


def _cost(strings: set[str]) -> float:
    return len(strings) + 30 * sum(map(_share, strings), 0.0)


def _better(a: set[str] | None, b: set[str] | None, useless: Callable[[str], bool] | None) -> set[str] | None:
    """The cheaper of two requirements to test: few strings, each unlikely to occur."""
    if useless is not None:
        a = None if a and any(map(useless, a)) else a
        b = None if b and any(map(useless, b)) else b
    if not a:
        return b
    if not b:
        return a
    return a if _cost(a) <= _cost(b) else b


def _class_chars(items: list, folded: bool) -> set[str] | None:
    """The characters of a small class of plain characters ("[/.]"), else None."""
    if len(items) > 4 or any(op is not _c.LITERAL or (folded and not _foldable(av)) for op, av in items):
        return None
    return {chr(av) for _, av in items}


def _seq(items: Iterable, folded: bool, useless: Callable[[str], bool] | None = None) -> set[str] | None:
    """A requirement of a sequence: its longest run of literal characters, or the best
    requirement of an item that must occur (a group, an alternation, a repeat of at least one)."""
    best: set[str] | None = None
    run: list[str] = []

    def flush() -> None:
        nonlocal best, run
        if run:
            best = _better(best, {"".join(run)}, useless)
            run = []

    for op, av in items:
        if op is _c.LITERAL and (not folded or _foldable(av)):
            run.append(chr(av))
            continue
        flush()
        sub: set[str] | None = None
        if op is _c.SUBPATTERN:
            sub = _seq(av[3], folded, useless)
        elif _ATOMIC is not None and op is _ATOMIC:
            sub = _seq(av, folded, useless)
        elif op is _c.BRANCH:
            alts = [_seq(alt, folded, useless) for alt in av[1]]
            if all(alts):
                sub = set().union(*alts)  # type: ignore[arg-type]
        elif op in _REPEATS and av[0] >= 1:
            sub = _seq(av[2], folded, useless)
        elif op is _c.IN:
            sub = _class_chars(av, folded)
        best = _better(best, sub, useless)
    flush()
    return best


def _passes_examples(pattern: regex.Pattern, test: Literals | Screen, examples: Sequence[object]) -> bool:
    """Whether every line of the rule's examples that `pattern` matches passes the pre-test
    `test` (a guard against a misread pattern: a pre-test that would skip a real match is dropped)."""
    for ex in examples:
        for x in ex.split("\n") if isinstance(ex, str) else ():
            x = " ".join(x.split())
            if pattern.search(x) and not test.may_match(x):
                return False
    return True


def screen(pattern: regex.Pattern, examples: Sequence[object] = (), *, at_start: bool = True,
           useless: Callable[[str], bool] | None = None) -> Literals | None:
    """The cheap test to run before `pattern`: the strings it starts with (when anchored and
    `at_start`), else the strings it needs. Kept only when every line of the rule's own examples
    that the pattern matches passes the test (a guard against a misread pattern)."""
    need = (prefixes(pattern) if at_start else None) or required(pattern, useless)
    if need is None:
        return None
    return need if _passes_examples(pattern, need, examples) else None


@dataclass(frozen=True)
class Screen:
    """A line pre-test made of one part per alternative of a pattern: every match starts the line
    with one of `starts` (an `at_start` Literals), or ends it with one of `ends`, or holds one of
    `holds` (all in `fold(line)` when `folded`).

    `screen` gives one kind of test for a whole pattern, so one alternative without a fixed
    prefix ("^[\\w-]*newsletter") turned the prefixes of 25 others into 26 substring tests; here
    that alternative alone is tested for "newsletter", the others with one `startswith`."""

    starts: Literals | None
    ends: tuple[str, ...]
    holds: tuple[str, ...]
    folded: bool

    def may_match(self, text: str) -> bool:
        hay = fold(text) if self.folded else text
        if self.starts is not None and hay.startswith(self.starts.strings):
            return True
        if self.ends and hay.endswith(self.ends):
            return True
        return any(s in hay for s in self.holds)


def _top_alternatives(items: list) -> list[list] | None:
    """The pattern's own alternatives, each a sequence: a concatenation distributes over an
    alternation in it ("^(?:a|b)" is "^a" or "^b", and the parser moves a shared "^" out of the
    alternatives of "^a|^b"). Only the first alternation of the top-level sequence is spelled
    out; None when it has none."""
    for k, (op, av) in enumerate(items):
        if op is _c.BRANCH:
            return [items[:k] + list(alt) + items[k + 1:] for alt in av[1]]
    return None


def _anchored_strings(items: list, folded: bool, reverse: bool) -> set[str] | None:
    """The strings every match of an alternative anchored at the start (with `reverse`: at the
    end) of the text starts (ends) with; None when it is not anchored there or may be empty."""
    got = {p for p, _ in _starts(items, folded, reverse=reverse, mark=True)}
    edge = (lambda p: p[-1:]) if reverse else (lambda p: p[:1])
    if not got or any(edge(p) != _ANCHOR or p.count(_ANCHOR) != 1 or len(p) < 2 for p in got):
        return None
    return {p.replace(_ANCHOR, "") for p in got}


def _edge_cost(strings: set[str]) -> float:
    """Like `_cost`, for strings a line must start or end with: one call for all of them (the
    matcher asks only the prefixes a line's first character allows), and a string of two or more
    characters is much rarer at an edge than anywhere in the line."""
    if not strings:
        return 0.0
    return 1 + len(strings) / 40 + 30 * sum((_share(s) if len(s) == 1 else _share(s) / 20 for s in strings), 0.0)


def _mixed(alts: list[list], folded: bool) -> tuple[set[str], set[str], set[str]] | None:
    """(starts, ends, holds) for the alternatives: each alternative anchored at the line start
    gives its prefixes; any other its suffixes when anchored at the end, or the strings it needs,
    whichever is cheaper. None when an alternative gives none of them."""
    starts: set[str] = set()
    ends: set[str] = set()
    holds: set[str] = set()
    for alt in alts:
        got = _anchored_strings(alt, folded, reverse=False)
        if got is not None:
            starts |= got
            continue
        got = _anchored_strings(alt, folded, reverse=True)
        need = _seq(alt, folded)
        if got is not None and (not need or _edge_cost(got) < _cost(need)):
            ends |= got
        elif need:
            holds |= need
        else:
            return None
    if folded:
        starts, ends, holds = {fold(s) for s in starts}, {fold(s) for s in ends}, {fold(s) for s in holds}
    starts = {s for s in starts if not any(t != s and s.startswith(t) for t in starts)}
    ends = {s for s in ends if not any(t != s and s.endswith(t) for t in ends)}
    return starts, ends, set(minimal_strings(holds))


def line_screen(pattern: regex.Pattern, examples: Sequence[object] = ()) -> Screen | None:
    """The cheap test to run before `pattern` on a line, chosen per alternative of the pattern
    (see `_mixed`) when that is cheaper than one test for the whole pattern. None when unknown;
    like `screen`, a test is kept only when the rule's own examples that match pass it."""
    parsed = _parse(pattern)
    if parsed is None:
        return None
    tree, folded = parsed
    best: tuple[float, tuple[set[str], set[str], set[str]]] | None = None
    if pattern.flags & regex.MULTILINE or tree.state.flags & _sre.SRE_FLAG_MULTILINE \
            or _any_flag(tree, _sre.SRE_FLAG_MULTILINE):  # "^" and "$" at every line: no anchors
        need = required(pattern)
        if need is not None:
            best = (0, (set(), set(), set(need.strings)))
    else:
        whole = list(tree)
        for alts in ([whole], _top_alternatives(whole)):
            got = _mixed(alts, folded) if alts else None
            if got is None:
                continue
            cost = _edge_cost(got[0]) + _edge_cost(got[1]) + (_cost(got[2]) if got[2] else 0)
            if best is None or cost < best[0]:
                best = (cost, got)
    if best is None:
        return None
    starts, ends, holds = best[1]
    # `$` also matches before a newline that ends the text.
    found = Screen(Literals(tuple(sorted(starts)), folded, at_start=True) if starts else None,
                   tuple(sorted(ends | {s + "\n" for s in ends})), tuple(sorted(holds, key=lambda s: (len(s), s))),
                   folded)
    return found if _passes_examples(pattern, found, examples) else None


def _any_flag(items: Iterable, flag: int) -> bool:
    """True when a group of the sequence turns `flag` on ("(?m:...)")."""
    for op, av in items:
        if op is _c.SUBPATTERN and av[1] & flag:
            return True
        if any(_any_flag(child, flag) for child in _children(av)):
            return True
    return False


_ASCII_DIGIT = _re.compile(r"[0-9]")


def _digit_class() -> _re.Pattern:
    """Every character below U+10000 that a digit node may match: `str.isdigit` (the literal
    digits `_is_digit` accepts) covers the decimal digits, which is what `\\d` matches in `re`
    and (below U+10000, where both know the same digits: a test checks) in `regex`."""
    got = [chr(i) for i in range(0x80, 0x10000) if not 0xD800 <= i < 0xE000 and chr(i).isdigit()]
    return _re.compile("[0-9" + "".join(map(_re.escape, got)) + "]")


_ANY_DIGIT = _digit_class()


def _is_digit(op: object, av: object) -> bool:
    """A node that matches one digit and nothing else (a digit character, `\\d`, `[0-9]`)."""
    if op is _c.LITERAL:
        return chr(av).isdigit()  # type: ignore[arg-type]
    if op is not _c.IN or not av:
        return False
    return all(
        (o is _c.CATEGORY and a is _c.CATEGORY_DIGIT) or (o is _c.RANGE and 48 <= a[0] <= a[1] <= 57)
        or (o is _c.LITERAL and 48 <= a <= 57)
        for o, a in av  # type: ignore[attr-defined]
    )


def _needs_digit(items: Iterable) -> bool:
    for op, av in items:
        if _is_digit(op, av):
            return True
        if op is _c.SUBPATTERN and _needs_digit(av[3]):
            return True
        if op is _c.BRANCH and all(_needs_digit(alt) for alt in av[1]):
            return True
        if op in _REPEATS and av[0] >= 1 and _needs_digit(av[2]):
            return True
    return False


class Screened:
    """A pattern behind its cheap pre-tests: `search` answers None at once for a text that holds
    none of the pattern's required strings, or (when every match holds a digit) a text without a
    digit (one `re` search; a text with characters past U+FFFF, where `regex` may know digits
    that `re` does not, is not ruled out). Otherwise it is the pattern's own `search`.

    >>> p = Screened(regex.compile(r"(?:^|\\D)\\d{1,2}:\\d\\d(?:\\D|$)"))
    >>> p.search("Weather"), p.search("10:32 am").group()
    (None, '10:32 ')
    """

    def __init__(self, pattern: regex.Pattern) -> None:
        self.pattern = pattern
        self.needs = required(pattern)
        parsed = _parse(pattern)
        self.digit = parsed is not None and _needs_digit(parsed[0])  # type: ignore[arg-type]

    def search(self, text: str) -> regex.Match | None:
        if self.digit:
            if text.isascii():
                if _ASCII_DIGIT.search(text) is None:
                    return None
            elif _ANY_DIGIT.search(text) is None and max(text) < "\U00010000":  # (the digits both know)
                return None
        if self.needs is not None and not self.needs.may_match(text):
            return None
        return self.pattern.search(text)
