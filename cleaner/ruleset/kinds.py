"""One small class per rule kind. Each says *what* it matches; the engine owns the loop.

Every kind also answers `acts_on(text)`, which the rule's own `drop`/`keep` examples are checked
with: a drop example must be acted on, a keep example must not.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

import regex

from ..normalize import normalize_line

if TYPE_CHECKING:
    from .literals import Literals


def word_count(line: str) -> int:
    """Words in a whitespace-normalised line.

    >>> word_count("Sign up: Subscribe now")
    4
    """
    return line.count(" ") + 1 if line else 0


@dataclass(eq=False)
class Rule:
    """Fields shared by every kind. `source` and `line` say where the rule was defined."""

    id: str
    description: str = ""
    pack: str = ""
    source: str = ""
    line: int = 0
    drop: tuple[Any, ...] = ()
    keep: tuple[Any, ...] = ()
    cases: tuple[dict[str, Any], ...] = ()
    aliases: tuple[str, ...] = ()
    kind: ClassVar[str] = ""

    def acts_on(self, text: str) -> bool:  # pragma: no cover - every kind overrides
        raise NotImplementedError

    def where(self) -> str:
        return f"{self.source}:{self.line}" if self.line else self.source


def _lines(text: str) -> list[str]:
    return [t for t in (normalize_line(x) for x in text.split("\n")) if t]


@dataclass(eq=False)
class LineRule(Rule):
    """Drop a line that the pattern matches (search semantics: anchor with ^ and $)."""

    pattern: regex.Pattern = None  # type: ignore[assignment]
    max_words: int | None = None
    min_words: int | None = None
    kind: ClassVar[str] = "line"

    def match(self, line: str) -> bool:
        if self.max_words is not None or self.min_words is not None:
            n = word_count(line)
            if self.max_words is not None and n > self.max_words:
                return False
            if self.min_words is not None and n < self.min_words:
                return False
        return self.pattern.search(line) is not None

    def acts_on(self, text: str) -> bool:
        lines = _lines(text)
        return bool(lines) and all(self.match(x) for x in lines)


@dataclass(eq=False)
class TrailerRule(LineRule):
    """Cut the rest of the document from a marker line (donation appeals, comment sections).

    The marker only counts after `min_position` of the text, so a marker-like sentence near the
    top cannot wipe out an article.
    """

    min_position: float = 0.3
    kind: ClassVar[str] = "trailer"


@dataclass(eq=False)
class LeadingRule(LineRule):
    """Drop navigation/breadcrumb lines among the first `window` non-blank lines."""

    window: int = 15
    kind: ClassVar[str] = "leading"


@dataclass(eq=False)
class BlockRule(Rule):
    """Drop a block from a start line to an end line (inclusive), or `max_lines` lines.

    With `max_words`, no line of the block may be longer: a block of furniture (a page head, a
    list of links) is made of short lines, and where its end line is found only past a paragraph,
    that end belongs to something else (a share row below the article) and the lines between are
    the article, so the block is not there."""

    start: regex.Pattern = None  # type: ignore[assignment]
    end: regex.Pattern | None = None
    max_lines: int = 30
    max_words: int | None = None
    kind: ClassVar[str] = "block"

    @functools.cached_property
    def start_needs(self) -> Literals | None:
        """The cheap pre-test of `start` (see `literals.screen`)."""
        from .literals import screen

        return screen(self.start, self.drop)

    def may_start(self, texts: Sequence[str]) -> list[int] | None:
        """Positions in `texts` where the block may start by the cheap pre-test of `start`
        (None: anywhere); `starts` decides."""
        from .literals import where_may_match

        need = self.start_needs
        if need is None or not need.at_start:
            return None
        return where_may_match(need, texts)

    def starts(self, line: str) -> bool:
        need = self.start_needs
        if need is not None and not need.may_match(line):
            return False
        return self.start.search(line) is not None

    def extent(self, texts: Sequence[str], i: int) -> int:
        """How many of `texts[i:]` the block covers (0: none), given texts[i] starts it."""
        limit = self.max_words
        if self.end is None:
            n = min(self.max_lines, len(texts) - i)
            if limit is not None and any(word_count(t) > limit for t in texts[i:i + n]):
                return 0
            return n
        for j in range(i, min(len(texts), i + self.max_lines)):
            if (j > i or self.start.pattern == self.end.pattern) and self.end.search(texts[j]):
                return j - i + 1
            if limit is not None and word_count(texts[j]) > limit:
                return 0  # a paragraph before the end: not this block
        return 0

    def acts_on(self, text: str) -> bool:
        lines = _lines(text)
        return bool(lines) and self.starts(lines[0]) and self.extent(lines, 0) == len(lines)


@dataclass(eq=False)
class InlineRule(Rule):
    """Strip a fragment (a photo credit, a "(Reuters)" tag) from a line that stays."""

    pattern: regex.Pattern = None  # type: ignore[assignment]
    kind: ClassVar[str] = "inline"

    @functools.cached_property
    def needs(self) -> Literals | None:
        """Strings one of which every fragment holds (see `literals.screen`)."""
        from .literals import screen

        return screen(self.pattern, self.drop, at_start=False)

    def spans(self, line: str) -> list[tuple[int, int]]:
        need = self.needs
        if need is not None and not need.may_match(line):
            return []
        return [m.span() for m in self.pattern.finditer(line) if m.end() > m.start()]

    def acts_on(self, text: str) -> bool:
        return any(self.spans(x) for x in _lines(text))


@dataclass(eq=False)
class HeaderRule(Rule):
    """A metadata header at the top: named groups become metadata, the match leaves the text.

    The pattern is matched at the start of a line; what follows it on the same line stays, so a
    header glued to the first sentence ("date 2025-04-07 Several powerful ...") is split off.
    """

    pattern: regex.Pattern = None  # type: ignore[assignment]
    max_line: int = 5
    kind: ClassVar[str] = "header"

    def parse(self, line: str) -> tuple[dict[str, str], int] | None:
        m = self.pattern.match(line)
        if m is None or m.end() == 0:
            return None
        fields = {k: v.strip() for k, v in m.groupdict().items() if v and v.strip()}
        return fields, m.end()

    def acts_on(self, text: str) -> bool:
        lines = _lines(text)
        return bool(lines) and self.parse(lines[0]) is not None


_DEFAULT_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " « ", " / ", " › ", " ‹ ", " : ", " • ")


_TITLE_KEY_STRIP = " .:!?-–—|…‐‑‒−"

# Typographic variants a headline's repeat may spell differently from the <title> ("d’actions"
# for "d'actions", "„Loriot“" for '"Loriot"', "–" for "-", "…" for "..."): one character each,
# and an end character of `_TITLE_KEY_STRIP` only to another one, so keys keep their length.
_TITLE_KEY_CHARS = str.maketrans({
    **dict.fromkeys("‘’‚‛′´`", "'"), **dict.fromkeys("“”„‟″«»", '"'),
    **dict.fromkeys("–—‐‑‒−", "-"), "…": ".",
})


def title_fold(text: str) -> str:
    """`title_key` without the end punctuation stripped: case and the typographic spelling of
    quotes, dashes and ellipses ignored (for a separator such as " – " that keys are joined with).

    >>> title_fold(" – ")
    ' - '
    """
    folded = text.casefold()
    # The one ASCII character in the table is "`": an ASCII line skips the (slower) table lookup.
    if not folded.isascii():
        return folded.translate(_TITLE_KEY_CHARS)
    return folded.replace("`", "'") if "`" in folded else folded


def title_key(line: str) -> str:
    """How a (whitespace-normalised) line is compared with the page title: case, end
    punctuation and the typographic spelling of quotes, dashes and ellipses ignored.

    >>> title_key("Editor’s Letter: «Bye» – now…") == title_key("EDITOR'S LETTER: “Bye” - now...")
    True
    """
    return title_fold(line).strip(_TITLE_KEY_STRIP)


def _repeating(texts: Sequence[str], keys: set[str]) -> list[int]:
    """Positions after the first of the lines whose title_key is one of `keys`, folding only
    lines of a fitting length: case folding never shortens a text nor makes it more than three
    times longer, and the stripped end characters fold to themselves and are no end of any other
    character's folding (a test checks all three over all of Unicode), so a line's key is from
    one to three times as long as the stripped line."""
    least = min((len(k) + 2) // 3 for k in keys)
    most = max(map(len, keys))
    out = []
    for i in range(1, len(texts)):
        t = texts[i]
        n = len(t)
        if n < least:
            continue
        if n > most:
            n = len(t.strip(_TITLE_KEY_STRIP))
            if n > most or n < least:
                continue
        if title_key(t) in keys:
            out.append(i)
    return out


@dataclass
class TitleFind:
    """Where the page title is, what it says, and which later lines repeat it."""

    index: int
    title: str
    site: str | None
    repeats: list[int] = field(default_factory=list)


@dataclass(eq=False)
class TitleRule(Rule):
    """The page-title line at the top of page text ("Headline | Site"), and its repeats.

    The line becomes metadata (title, site) and leaves the text, as do later lines that repeat the
    headline. A first line counts as a title only when it looks like one: short, no closing
    period, and either set apart by a blank line or repeated further down.
    """

    max_words: int = 30
    separators: tuple[str, ...] = _DEFAULT_SEPARATORS
    max_site_words: int = 5
    kind: ClassVar[str] = "title"

    def split_site(self, title: str, later: Iterable[str], host: str | None = None,
                   key: Callable[[str], str] | None = None) -> tuple[str, str | None]:
        """Split "Headline | Section | Site" (or "Site | Headline") into headline and site name
        (see `cleaner.metadata.title`). With `key`, the later lines are `key(x)` of those given,
        worked out only where needed (see `LazyFolds`)."""
        from ..metadata.title import LazyFolds, split_title

        # Only lines no longer than the title can repeat a part of it: fold just those (if asked).
        return split_title(
            title, LazyFolds(later, len(title), key), self.separators, host=host, max_site_words=self.max_site_words,
            colon_parts=True,
        )

    def find(self, texts: Sequence[str], blank_after: Sequence[bool], host: str | None = None) -> TitleFind | None:
        """`texts` are the non-blank lines; `blank_after[i]` tells whether a blank line follows;
        `host` (of the document's URL) helps tell the site's name from the headline."""
        if not texts:
            return None
        first = texts[0]
        n = word_count(first)
        if n > self.max_words or len(first) > 300:
            return None
        if first.endswith(".") and not first.endswith("..."):
            return None
        if first[:1].islower():
            return None
        head = title_key(first)
        # Keys of the later lines that can repeat a part of the title (no longer than it):
        # worked out only if `split_site` asks (most titles have no separator).
        limit = max(len(first), len(head))
        later = (t for t in texts[1:] if len(t) <= limit or len(t.strip(_TITLE_KEY_STRIP)) <= limit)
        headline, site = self.split_site(first, later, host, key=title_key)
        repeats = _repeating(texts, {head, title_key(headline)})
        if not repeats and not (blank_after[0] or len(texts) == 1):
            return None
        if not repeats:  # the headline joined to its kicker or breadcrumb ("Home / IT / Headline")
            from ..metadata.title import kicker_repeats

            repeats = kicker_repeats(texts, headline, self.separators)
        return TitleFind(0, headline, site, repeats)

    def acts_on(self, text: str) -> bool:
        raw = text.split("\n")
        texts: list[str] = []
        blank_after: list[bool] = []
        for k, x in enumerate(raw):
            t = normalize_line(x)
            if t:
                texts.append(t)
                blank_after.append(k + 1 >= len(raw) or not raw[k + 1].strip())
        return self.find(texts, blank_after) is not None


@dataclass(eq=False)
class RepeatedRule(Rule):
    """Drop short lines repeated within a few lines: a caption shown twice, a doubled menu item."""

    max_words: int = 15
    min_chars: int = 4
    window: int = 3
    kind: ClassVar[str] = "repeated"

    def find(self, texts: Sequence[str]) -> set[int]:
        out: set[int] = set()
        last_seen: dict[str, int] = {}
        min_chars, max_words = self.min_chars, self.max_words
        for i, t in enumerate(texts):
            if len(t) < min_chars or (t.count(" ") + 1 if t else 0) > max_words:  # word_count, inlined
                continue
            key = t.casefold()
            j = last_seen.get(key)
            if j is not None and i - j <= self.window:
                out.add(j)
                out.add(i)
            last_seen[key] = i
        return out

    def acts_on(self, text: str) -> bool:
        return bool(self.find(_lines(text)))


DATE_ROLES = ("date", "published", "updated", "ignore")


@dataclass
class DateFind:
    """One date found in a line: ISO 8601 value and where it is."""

    iso: str
    start: int
    end: int


@dataclass(eq=False)
class DateRule(Rule):
    """A date expression (role 'date') or a label that says what a nearby date is.

    A date pattern's named groups (day, month, year, hour, minute, second, ampm, tz; or n1/n2/year
    when the site's date format decides the order) are read into an ISO 8601 date; month names
    come from the pack's `months` table. Label roles: 'published' marks the original publication
    date, 'updated' a later change, 'ignore' a line whose dates never count (copyright, comments).
    """

    pattern: regex.Pattern = None  # type: ignore[assignment]
    role: str = "date"
    months: dict[str, int] = field(default_factory=dict)
    kind: ClassVar[str] = "date"

    @functools.cached_property
    def needs(self) -> Literals | None:
        """Strings one of which any match holds (see `literals.screen`); digits are no help, as
        the date stage looks only around years."""
        from .literals import screen

        return screen(self.pattern, self.drop, at_start=False, useless=str.isdigit)

    @functools.cached_property
    def shape(self) -> tuple[Any, bool] | None:
        """The stronger pre-test of the pattern on a window in shape (see `shapes`), and whether
        the window is folded for it; kept only when every drop example the pattern matches passes."""
        from .shapes import passes, shape_of, shape_screen

        got = shape_screen(self.pattern)
        if got is None:
            return None
        for ex in self.drop:
            for x in ex.split("\n") if isinstance(ex, str) else ():
                x = " ".join(x.split())
                for m in self.pattern.finditer(x):
                    sh = shape_of(m.group(), got[1])
                    if sh is not None and not passes(got[0], sh):
                        return None  # a misread pattern: no shape test
        return got

    @functools.cached_property
    def shape_test(self) -> tuple[Any, bool] | None:
        """`shape` made ready for `shapes.passes_compiled` (same answers, faster)."""
        from .shapes import compile_screen

        shape = self.shape
        return None if shape is None else (compile_screen(shape[0]), shape[1])

    def dates(
        self, line: str, *, order: str | None = None, timezone: str | None = None, pos: int = 0, endpos: int | None = None
    ) -> list[DateFind]:
        """Every valid (past, possible) date this pattern finds in a line (or in line[pos:endpos])."""
        from_parts = _from_parts()
        out = []
        for m in self.pattern.finditer(line, pos, len(line) if endpos is None else endpos):
            iso = from_parts(m.groupdict(), self.months, order=order, timezone=timezone)
            if iso is not None:
                out.append(DateFind(iso, m.start(), m.end()))
        return out

    def acts_on(self, text: str) -> bool:
        if self.role == "date":
            return any(self.dates(x) for x in _lines(text))
        return any(self.pattern.search(x) for x in _lines(text))


@functools.cache
def _from_parts() -> Callable[..., str | None]:
    from ..metadata.dates import from_parts  # on first use (as before), once rather than per call

    return from_parts


KIND_CLASSES: dict[str, type[Rule]] = {
    cls.kind: cls
    for cls in (LineRule, BlockRule, TrailerRule, LeadingRule, InlineRule, HeaderRule, TitleRule, RepeatedRule, DateRule)
}
