"""Propose a site pack from several pages of one site: the lines and line shapes that repeat.

A site's furniture (navigation, "READ: ..." inserts, "Follow X on ...", archive lists, comment
sections, footers) repeats from page to page; its articles do not. `suggest_pack` mines that:

1. **literal lines**: a line (digits generalised to `\\d+`, a time ago such as "an hour ago" to any
   time ago of the pages' language, see `line_key`) found on at least `min_share` of the pages
   becomes part of a `line` rule, one rule per zone of the page (top, middle, bottom);
2. **shapes**: lines that differ but share a fixed prefix and/or suffix ("READ: <headline>",
   "Follow <name> on Twitter", a breadcrumb glued to "Home") become one pattern with a variable
   part whose character class is inferred from what varied;
3. **blocks**: a repeated start line and a repeated end line with short, varying lines between them
   (a "Related posts" list) become a `block` rule, and so does the page head, from its first
   repeated line down to one found a few lines above the first paragraph on every page;
4. **trailers**: a repeated marker that always comes after the page's unique text and is mostly
   followed by no more of it (comment sections, "Topics:", donation appeals) becomes a `trailer`.

Repetition alone does not make furniture: a disclaimer or a quote can recur inside articles. Long
lines that sit between unique article lines on most pages are therefore written as *disabled*
rules (`enabled = false`) with their evidence, for a person to review, and so are the dated
entries of a live blog ("10:35 <the update's headline>") that each head a paragraph of their
page's own (see `_Miner._own_entries`): the repeated stamp is the site's, the headline the
article's. Every rule carries its evidence (pages, position in the page, examples) as TOML
comments, `drop` examples from the pages and `keep` examples from lines of the same pages that
stay, and is checked with the rule's own examples before it is written, so the pack passes
`cleaner rules test` as proposed.
"""

from __future__ import annotations

import functools
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

import regex

from . import reltime
from .normalize import normalize_line, normalize_text
from .ruleset.hosts import site_host
from .ruleset.scaffold import site_slug
from .suggest_comments import comments_start, thread
from .suggest_dates import TIME, dateish, entry_stamp, stamped, time_ago

_DIGITS = regex.compile(r"\d+")
_DIGIT = regex.compile(r"\d")
_GLUED = regex.compile(r"^(\p{Lu}\p{Ll}+)(\p{Lu}\S*)$")
# A block's start or end marker holds a word: a line of punctuation alone (".", "|", "--") is an
# artefact of the page's markup, which can sit anywhere, the article's own lines included.
_WORD = regex.compile(r"\p{L}")
# Closing quotes after a sentence's end: English ”’, French », German “‘ („Zitat.“) and ›.
_SENTENCE_END = regex.compile(r"[.!?…][\"'”’“‘»›)]*$")
_SENTENCE_IN = regex.compile(r"\p{L}[.!?…][\"'”’“‘»›)]*(?:\s|$)")  # a sentence ends here (a handle may follow)
_PUNCT = ",.:;!?\"'“”‘’()"
_SYMBOL = regex.compile(rf"[^\w\s#{TIME}]")  # TIME: a time ago (see line_key), no symbol of the page
_IN_WORD = regex.compile(r"(?<=\w)['’-](?=\w)")
_WORDY = regex.compile(r"^\p{L}[\p{L}'’-]{3,}$")
# A list bullet: articles hold lists too, so a bullet alone is no site's furniture.
_BULLET = regex.compile(r"^[•·▪▫■□●○◦‣⁃∙*–—-]+$")
# A bracket or parenthesis alone: articles wrap their own credits, notes and updates in them
# ("[Via Collider]", "(Photo: AP)", "[Update: ...]"), so a line held in brackets is no furniture.
_BRACKET = regex.compile(r"^[\[\](){}]+$")
_TOKEN = regex.compile(r"\w+")  # the words the main-text stage counts a page's language by
MAX_WORDS = 30  # longer lines are prose; furniture is short
# A trailer cuts everything below its marker: its marker must be on this many pages, whatever
# `min_share` asks of other lines. From fewer pages (two), a trailer is proposed switched off, for
# review: an author's sign-off ("-Jodi") ends the article on two pages as a share row does, and is
# followed by a postscript on the third.
TRAILER_MIN_PAGES = 3
ZONES = ("top", "middle", "bottom")
# A dated entry is the article's own when its text is on one page only and this share of the
# entries has the page's own prose within this many lines below (see _Miner._own_entries).
OWN_ENTRY_SHARE = 0.75
OWN_ENTRY_REACH = 2
# Entries come several to a page (this many on average); a stamped line once a page above the post
# ("Published: <date> | Tags: <topics>") is its dateline, the site's.
OWN_ENTRY_RUN = 2
# The page head and a block between two markers are menus, teasers and lists, short lines on every
# learning page; their `max_words` lets a line a little longer than the longest seen pass, never an
# article's paragraph (see head_words, block_words).
HEAD_WORDS_MARGIN = 5
# How many lines above the first paragraph the page head's end may be: first the close reach, then
# the far one (see _Miner.head).
HEAD_REACH = (6, 10)


@dataclass
class Page:
    """One page's non-blank lines, normalised as the engine sees them."""

    name: str
    lines: list[str]
    text: str = ""  # the page as given (the self-check cleans it); "" for pages built from lines

    @classmethod
    def from_text(cls, name: str, text: str) -> Page:
        norm, _ = normalize_text(text)
        return cls(name, [t for t in (normalize_line(x) for x in norm.split("\n")) if t], text)


@dataclass
class Evidence:
    """Where a pattern was seen: (page index, line index) occurrences over `n_pages` pages."""

    n_pages: int
    occurrences: list[tuple[int, int]] = field(default_factory=list)
    examples: list[str] = field(default_factory=list)
    zones: Counter = field(default_factory=Counter)
    in_body: int = 0

    @property
    def pages(self) -> int:
        return len({p for p, _ in self.occurrences})

    def describe(self) -> str:
        z = ", ".join(f"{k} {self.zones[k]}" for k in ZONES if self.zones[k])
        per_page = Counter(p for p, _ in self.occurrences)
        lo, hi = min(per_page.values()), max(per_page.values())
        each = f"{lo}" if lo == hi else f"{lo}-{hi}"
        s = f"{self.pages} of {self.n_pages} pages, {each} a page; where: {z}"
        if self.in_body:
            s += f"; between article lines {self.in_body} times"
        return s


@dataclass
class Proposal:
    """One proposed rule: its TOML keys, evidence, and whether it ships switched on."""

    id: str
    kind: str
    description: str
    keys: dict[str, object]
    evidence: list[tuple[str, Evidence]]  # (pattern or marker, evidence)
    drop: list[str]
    keep: list[str] = field(default_factory=list)
    enabled: bool = True
    review: str = ""
    notes: list[str] = field(default_factory=list)  # more evidence, one line each
    literal: bool = False  # a trailer whose marker is one fixed line, without numbers
    plain: bool = False  # a shape whose fixed part is plain words only ("<...> Google Maps", "I think <...>")
    ahead_of: str = ""  # a trailer: the pattern of the template's marker below it (see _Miner.optional_ahead)


class _Trailer(NamedTuple):
    """A trailer marker found by `_Miner.trailers`."""

    pattern: str
    evidence: Evidence
    min_position: float
    note: str
    goes_on: list[int]  # pages where the page's own prose comes right after it (`_Miner.goes_on`)


# ---------------------------------------------------------------- helpers


def line_key(line: str, times: regex.Pattern | None = None) -> str:
    """A line with its numbers generalised: "12 comments:" and "3 comments:" share "# comments:".
    With `times` (see `time_words`), a whole time told relative to now is one `TIME` token, so
    "Anna • an hour ago" and "Ben • 2 days ago" share "• <TIME>" as "Anna • 3 hours ago" and
    "Ben • 5 hours ago" share "• # hours ago".

    >>> line_key("Posted at 10:32 AM")
    'Posted at #:# AM'
    """
    if times is not None:
        line = times.sub(TIME, line)
    return _DIGITS.sub("#", line)


def key_pattern(key: str, times: str | None = None) -> str:
    r"""The regex for a generalised line: literal text escaped, `#` back to `\d+`, a `TIME` token
    back to `times`, the pattern of any time ago of the site's language (see `time_words`).

    >>> key_pattern("# comments:")
    '\\d+ comments:'
    """
    if TIME in key:
        if times is None:
            raise ValueError("a line key with a time ago needs the pattern of the site's times")
        return times.join(key_pattern(part) for part in key.split(TIME))
    return r"\d+".join(regex.escape(part, literal_spaces=True) for part in key.split("#"))


@functools.lru_cache(maxsize=16)
def time_words(stop: frozenset[str]) -> tuple[regex.Pattern, str] | None:
    """How the site's stamps are generalised: the pattern finding a time ago in a line (for
    `line_key`) and the short one written in its rules (for `key_pattern`), from the `[words]` of
    the pages' language (`stop`: its stop words, see `stop_words`); None when the pages' language
    is not known (one pattern of every shipped language would make rules unreadable) or tells
    no time. A trailer learned from pages whose first comment is "an hour ago" then fits a page
    whose first comment is "3 weeks ago" or "yesterday at 9:12 pm"."""
    from .suggest_check import default_ruleset

    rs = default_ruleset()
    if stop == frozenset(rs.lexicon.langs):
        return None
    tables = [w for w in (pack.config.get("words", {}) for pack in rs.packs)
              if w.get("stop") and set(w["stop"]) <= stop]
    found, short = reltime.pattern(tables, clock=True), reltime.compact(tables)
    return (found, short) if found is not None and short is not None else None


def var_pattern(samples: Iterable[str]) -> str:
    """A pattern for the part of a shape that varied, from the character classes seen in it.

    >>> var_pattern(["Politics", "News"])
    '\\\\p{Lu}\\\\p{L}{1,40}'
    >>> var_pattern(["12", "7"])
    '\\\\d+'
    """
    samples = [s for s in samples if s]
    if not samples:
        return r".{1,80}"
    longest = max(len(s) for s in samples)
    if all(s.isdigit() for s in samples):
        return r"\d+"
    if all(regex.fullmatch(r"\p{Lu}\p{L}*", s) for s in samples):
        return rf"\p{{Lu}}\p{{L}}{{1,{max(40, 2 * longest)}}}"
    if all(regex.fullmatch(r"[\p{L} ]+", s) for s in samples):
        return rf"\p{{L}}[\p{{L}} ]{{0,{max(60, 2 * longest)}}}"
    return rf"\S.{{0,{max(80, 2 * longest, longest + 60)}}}"


def head_words(longest: int) -> int:
    """The page head's `max_words`: its longest line on the learning pages, and a margin.

    The head's end line is found a few lines above the first paragraph on the learning pages; on a
    page of another layout of the site the same line (a share row's last button) may come only
    after the article, and a block with a line budget alone would take the article with it. A head
    is made of short lines on every learning page: a longer line between its start and its end
    means the end found is not the head's (see kinds.BlockRule).

    >>> head_words(14)
    19
    """
    return longest + HEAD_WORDS_MARGIN


def block_words(longest: int) -> int:
    """A block's `max_words` (a list between two repeated markers): its longest line, markers
    included, on the learning pages, and a margin.

    The block is learned only where the lines between its markers are short (`_Miner.blocks`); on
    a page not seen, the end marker may come only after some of the article's paragraphs (a "More
    from us" heading the article sits under, a "Back to top" link below it), and a block bounded by
    lines alone would take them with it (see kinds.BlockRule).

    >>> block_words(6)
    11
    """
    return longest + HEAD_WORDS_MARGIN


def toml_str(s: str) -> str:
    """A TOML string: literal ('''...''') when it can be, else a basic string with escapes."""
    if "'" not in s and "\n" not in s and "\r" not in s and s.isprintable():
        return f"'''{s}'''"
    out = []
    for ch in s:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif not ch.isprintable() or ch in "\r\t":
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _zone(i: int, n: int) -> str:
    r = i / max(1, n - 1)
    return "top" if r < 0.2 else "bottom" if r > 0.8 else "middle"


def stop_words(pages: Sequence[Page]) -> frozenset[str]:
    """The function words of the pages' language: the shipped language packs' stop words
    (`rules/lang/<code>.toml`) of the language whose stop words are most frequent over all the
    pages' lines, as the main-text stage picks a page's; of every shipped language together when
    none reaches the main-text stage's least share (`min_lang_share`). They tell the site's own
    prose ("Nach Angaben der Polizei wurde ...") from its furniture, and a fixed part made only of
    them ("The ...", "In diesem ...", "Nella sua ...") says nothing about furniture."""
    from .maintext import language_words
    from .suggest_check import default_ruleset

    rs = default_ruleset()
    tokens = [_TOKEN.findall(line.lower()) for page in pages for line in page.lines]
    found = language_words(tokens, rs.lexicon, rs.maintext.min_lang_share)
    return found if found is not None else frozenset(rs.lexicon.langs)


def _meaningful(fixed: Sequence[str], stop: frozenset[str] | None = None) -> bool:
    """A fixed part worth a pattern: some punctuation or symbol, a time ago, or a word that is not
    a stop word (`stop`: the site's, see `stop_words`; by default every shipped language's)."""
    if any(TIME in w for w in fixed):  # a time ago (see line_key): a comment's stamp
        return True
    real = [w for w in fixed if w.strip("#.,;!?")]  # a number or a full stop alone says nothing
    if all(_BULLET.match(w) or _BRACKET.match(w) for w in real):  # "• <anything>", "[ <anything> ]"
        return False
    # An apostrophe or hyphen inside a word is part of the word ("I'm", "l’article", "e-mail"):
    # a prefix of such words alone is a sentence opener, not furniture.
    if _SYMBOL.search(" ".join(_IN_WORD.sub("", w.strip(".,!?")) for w in real)):
        return True
    stop = stop_words(()) if stop is None else stop
    if len(real) >= 2 and any(_WORDY.match(w) and w.casefold() not in stop for w in real):
        return True
    # A time ago, its words short or function words ("# ore fa", "il y a # h"): a comment's stamp.
    return any("#" in w for w in fixed) and time_ago().search(" ".join(fixed).replace("#", "1")) is not None


def _sentence(line: str, stop: frozenset[str]) -> bool:
    """A sentence: 8 words or more, two of them function words, ending like one."""
    words = line.split()
    return (len(words) >= 8 and _SENTENCE_END.search(line) is not None
            and sum(w.strip(_PUNCT).casefold() in stop for w in words) >= 2)


def _sentence_opener(lines: Sequence[str], variants: Iterable[str], stop: frozenset[str]) -> bool:
    """Lines that share only a few plain words at one end and are sentences ("I think <...>",
    "According to <...>", "<...> on Google Maps"): the words open or close any sentence, the article's
    own on a page not seen. A template sentence goes on alike past its fixed words ("A version of
    this article appeared in print on ...") and a line with a number (a date, a count) is a record,
    not prose: neither is an opener."""
    lines = list(dict.fromkeys(lines))
    if all(_DIGIT.search(t) for t in lines) or 2 * sum(_sentence(t, stop) for t in lines) < len(lines):
        return False
    heads = {tuple(v.split()[:2]) for v in variants}
    return len(heads) > 1


def _own_sentences(occ: Sequence[tuple[int, int, str]]) -> bool:
    """A shape found once a page whose variable part is, on every page, a sentence of its own
    (4 words or more, ending like a sentence, no two pages alike): the page's own text in the
    site's template ("<the post's summary> @handle", "<a caption.> (Photo: ...)"), which may be
    all of a short post's text. A record with a number on every line ("Published on <date> in
    <topics>.") is the site's furniture, not such text."""
    pages = {p for p, _, _ in occ}
    variants = [v for _, _, v in occ]
    if any(v.endswith(("...", "…")) for v in variants):
        return False  # cut short: a teaser of another page ("<caption>... View Full Size")
    if len({tuple(v.split()[:2]) for v in variants}) < len(variants):
        return False  # a template sentence goes on alike ("A version of this article appeared in print ...")
    return (len(occ) == len(pages) and len(set(variants)) == len(variants)
            and not all("#" in v or TIME in v for v in variants)  # numbers and times are generalised in line keys
            and all(v.count(" ") >= 3 and _SENTENCE_END.search(v) for v in variants))


# ---------------------------------------------------------------- the miner


class _Miner:
    def __init__(self, pages: Sequence[Page], min_share: float) -> None:
        self.pages = pages
        self.n = len(pages)
        self.min_pages = max(2, math.ceil(min_share * self.n))
        self.stop = stop_words(pages)
        found = time_words(self.stop)
        self.times = found[1] if found else None  # the pattern a TIME token stands for in rules
        self.keys = [[line_key(x, found[0] if found else None) for x in p.lines] for p in pages]
        df: Counter = Counter()
        for ks in self.keys:
            df.update(set(ks))
        self.df = df  # line key -> on how many pages
        # A date repeats only because numbers are generalised and the pages share a month: it is
        # each page's own day, no line of the site's template (see suggest_dates.py).
        self.template = {k for k, c in df.items() if c >= self.min_pages and not dateish(k)}
        self.groups: dict[int, dict[int, str]] = {}  # page -> line -> literal key or shape pattern
        self.dated: set[str] = set()  # shapes whose every line has a date or a time (see suggest_dates.stamped)
        self.openers: set[str] = set()  # plain-words shapes whose lines are sentences (see _sentence_opener)
        self.own_text: set[str] = set()  # shapes whose variable part is the page's own sentence (see _own_sentences)
        self.headlines: set[str] = set()  # plain-words shapes that fit a page's own headline (see _headline)
        self.entries: set[str] = set()  # shapes of dated entries: a stamp, then free text (see _dated_entries)
        self._starts: dict[int, int] | None = None  # page -> where its comments start (see _comment_starts)
        # dated entries that are the article's own (a live blog's updates), pattern -> evidence (see _own_entries)
        self.own_entries: dict[str, str] = {}
        self.head_reach = HEAD_REACH[0]  # how far above the first paragraph the head's end was found
        self.sums: dict[int, tuple[list[int], list[int], list[int], list[int]]] = {}  # see `_page_sums`
        self.covered: list[set[int]] = [
            {i for i, k in enumerate(ks) if k in self.template} for ks in self.keys
        ]

    # -- context

    def _prose(self, p: int, i: int) -> bool:
        """A line that looks like article text: not furniture, several words."""
        return 0 <= i < len(self.pages[p].lines) and i not in self.covered[p] and (
            self.pages[p].lines[i].count(" ") >= 7
        )

    def evidence(self, occ: list[tuple[int, int]]) -> Evidence:
        ev = Evidence(self.n, sorted(occ))
        for p, i in occ:
            ev.zones[_zone(i, len(self.pages[p].lines))] += 1
            if self._prose(p, i - 1) and self._prose(p, i + 1):
                ev.in_body += 1
        seen: list[str] = []
        for p, i in ev.occurrences:
            t = self.pages[p].lines[i]
            if t not in seen:
                seen.append(t)
        ev.examples = seen
        return ev

    def keep_lines(self) -> list[str]:
        """Lines that stay: unique prose from the pages (keep examples for every rule)."""
        out = []
        for p, page in enumerate(self.pages):
            for i, t in enumerate(page.lines):
                if self._prose(p, i) and 8 <= t.count(" ") + 1 <= 60:
                    out.append(t)
                    break
        return out

    # -- 1. literal lines

    def literals(self) -> dict[str, Evidence]:
        occ: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for p, ks in enumerate(self.keys):
            for i, k in enumerate(ks):
                if k in self.template and (len(k) >= 2 or not k.isalnum()) and k.strip("#"):
                    occ[k].append((p, i))
        return {k: self.evidence(v) for k, v in occ.items() if not self._greeting(k, v)}

    def _greeting(self, key: str, occ: Sequence[tuple[int, int]]) -> bool:
        """A line ending in a comma found mostly in the pages' comment sections: a reader's greeting
        or close ("Hi Tim,", "All the best,"), whose text goes on in the next line. Readers write
        them to the author on every page, and so do articles that quote a letter: no template's
        line. (A comma-ended line above the comments, a footer's first line, stays a candidate.)"""
        if not key.endswith(","):
            return False
        starts = self.comment_starts()
        below = sum(p in starts and i >= starts[p] for p, i in occ)
        return 2 * below > len(occ)

    # -- 2. shapes

    def shapes(self) -> list[tuple[str, Evidence, int, bool]]:
        """(pattern, evidence, max words, marked) for prefix/suffix shapes over lines not yet
        covered; `marked`: the fixed part has punctuation or a symbol ("READ:", "| Site")."""
        cands: dict[tuple, list[tuple[int, int, str]]] = defaultdict(list)
        for p, ks in enumerate(self.keys):
            for i, k in enumerate(ks):
                if i in self.covered[p]:
                    continue
                toks = k.split(" ")
                if len(toks) > MAX_WORDS:
                    continue
                n = len(toks)
                if n <= 3:
                    m = _GLUED.match(toks[0])
                    if m and n == 1:
                        cands[("glued", m.group(1), "")].append((p, i, m.group(2)))
                for a in range(0, 4):
                    for b in range(0, 4):
                        if a + b == 0 or a + b >= n:
                            continue
                        fixed = toks[:a] + (toks[n - b:] if b else [])
                        if not _meaningful(fixed, self.stop):
                            continue
                        pre = " ".join(toks[:a])
                        suf = " ".join(toks[n - b:]) if b else ""
                        var = " ".join(toks[a:n - b])
                        cands[("words", pre, suf)].append((p, i, var))
        comments = self.comment_starts()
        found = []
        for (how, pre, suf), occ in cands.items():
            pages = {p for p, _, _ in occ}
            variants = {v for _, _, v in occ}
            if len(pages) < self.min_pages or len(variants) < 2:
                continue
            if len({p for p, i, _ in occ if i < comments.get(p, i + 1)}) < self.min_pages and not all(
                    stamped(self.pages[p].lines[i]) for p, i, _ in occ):
                continue  # readers' text: seen on too few pages above their comment sections (signatures aside)
            if sum(i == 0 for _, i, _ in occ) * 2 >= len(occ):
                continue  # "Headline | Site": the page title, which the title rule turns into metadata
            avg_words = sum(self.pages[p].lines[i].count(" ") + 1 for p, i, _ in occ) / len(occ)
            if len(occ) > 6 * len(pages) and avg_words >= 12:  # many long lines alike: prose
                continue
            var = var_pattern(variants)
            if how == "glued":
                pat = "^" + key_pattern(pre, self.times) + var + "$"
            else:
                pat = "^" + (key_pattern(pre, self.times) + r"\s+" if pre else "") + var + (
                    r"\s+" + key_pattern(suf, self.times) if suf else "") + "$"
            words = max(self.pages[p].lines[i].count(" ") + 1 for p, i, _ in occ)
            if how == "words" and not _SYMBOL.search(pre + suf) and _sentence_opener(
                    [self.pages[p].lines[i] for p, i, _ in occ], variants, self.stop):
                self.openers.add(pat)
            if _own_sentences(occ):
                self.own_text.add(pat)
            if how == "words" and not _SYMBOL.search(pre + suf) and any(self._headline(p, i) for p, i, _ in occ):
                self.headlines.add(pat)
            if how == "words" and self._dated_entries(pre, suf, occ):
                self.entries.add(pat)
                if (why := self._own_entries(occ)):
                    self.own_entries[pat] = why
            found.append((pat, self.evidence([(p, i) for p, i, _ in occ]), words, len(pre) + len(suf),
                          how == "glued" or bool(_SYMBOL.search(pre + suf))))
        # Most pages first, then the most specific fixed part; skip shapes adding no new lines.
        found.sort(key=lambda f: (-f[1].pages, -len(f[1].occurrences), -f[3]))
        taken: set[tuple[int, int]] = set()
        out = []
        for pat, ev, words, _, marked in found:
            new = [o for o in ev.occurrences if o not in taken]
            if len({p for p, _ in new}) < self.min_pages:
                continue
            taken.update(ev.occurrences)
            out.append((pat, ev, words, marked))
            if len(out) >= 25:
                break
        for _, ev, _, _ in out:
            for p, i in ev.occurrences:
                self.covered[p].add(i)
        return out

    def _headline(self, p: int, i: int) -> bool:
        """Line i of page p is the page's own headline: its first line (the page title) or a line of
        3 words or more found in it. Plain words that end or open a headline ("<...> Google Maps",
        "<...> in Paris") are a topic of the site's articles, not its template: a shape of them also
        fits the articles' own lines (a caption, a list item) on pages it never saw."""
        lines = self.pages[p].lines
        return i == 0 or (lines[i].count(" ") >= 2 and lines[i] in lines[0])

    def group(self, literals: dict[str, Evidence], shapes: list[tuple[str, Evidence, int, bool]]) -> None:
        """Note which repeated line or shape each line is (for `signatures`), and which shapes carry
        a date or a time on every line (a comment's signature; see suggest_dates.stamped)."""
        for pat, ev, _, _ in shapes:
            if all(stamped(x) for x in ev.examples) and pat not in self.entries:
                self.dated.add(pat)
        for k, ev in literals.items():
            for p, i in ev.occurrences:
                self.groups.setdefault(p, {})[i] = k
        for pat, ev, _, _ in shapes:
            for p, i in ev.occurrences:
                self.groups.setdefault(p, {})[i] = pat

    def _dated_entries(self, pre: str, suf: str, occ: Sequence[tuple[int, int, str]]) -> bool:
        """Lines whose fixed part is at their start and within a stamp there (one of the language
        packs' `stamp_lead` words may open it: "Updated", "Aktualisiert um"), free text after the
        stamp ("10:35 <the update's headline>", "Oct. 31: <headline>", "3 days ago <headline>",
        "Updated 10:35 <headline>"): the dated entries of a live blog, a timeline or a list of
        headlines, no comment's signature (see suggest_dates.entry_stamp). Taken for signatures,
        they made the entries below the first one readers' text, and the first one a trailer that
        cut the live blog away. A whole line's stamp ("September 28th, 2012 at 8:03 am") or a
        writer after it ("Posted at 10:35 by Anna") is a signature's."""
        if suf or not pre:
            return False
        head = regex.compile(key_pattern(pre, self.times))  # a time ago in the key stands for several words
        return all((m := head.match(t := self.pages[p].lines[i])) is not None and m.end() <= entry_stamp(t)
                   for p, i, _ in occ)

    def comment_starts(self) -> dict[int, int]:
        """`_comment_starts`, found once (literals and shapes both ask)."""
        if self._starts is None:
            self._starts = self._comment_starts()
        return self._starts

    def _own_entries(self, occ: Sequence[tuple[int, int, str]]) -> str:
        """Why dated entries (see `_dated_entries`) are the article's own structure, a live blog's
        updates or a timeline's events, and not the site's furniture ("" when they are not): they
        come several to a page (`OWN_ENTRY_RUN` on average; once a page, above the post, such a line
        is its dateline), the text after the stamp of each is on one page only, and each heads
        prose of its page's own (`_heads_prose`; `OWN_ENTRY_SHARE` of them, an update may be a
        photo or a quote). A sidebar of dated headlines ("10:35 Storm closes the coast road" under
        "Latest news") has its items on several pages as the list moves on, or runs them one under
        the other with no prose between: that one is furniture. Proposed switched on, the shape
        took every update's headline out of a live blog not seen (its paragraphs stayed)."""
        pages_of: dict[str, set[int]] = defaultdict(set)
        for p, _, v in occ:
            pages_of[v].add(p)
        if any(len(ps) > 1 for ps in pages_of.values()) or len(occ) < OWN_ENTRY_RUN * len({p for p, _, _ in occ}):
            return ""
        mine: dict[int, set[int]] = defaultdict(set)
        for p, i, _ in occ:
            mine[p].add(i)
        heads = sum(self._heads_prose(p, i, mine[p]) for p, i, _ in occ)
        if heads < OWN_ENTRY_SHARE * len(occ):
            return ""
        return (f"{heads} of {len(occ)} lines are followed, within {OWN_ENTRY_REACH} lines, by a paragraph found "
                f"on their page only, and the text after each stamp is on one page only")

    def _own_line(self, p: int, k: int) -> bool:
        """Line k of page p is found on no other page and has 8 words or more: the page's own
        text, whatever shape or furniture test it also passes."""
        return self.df[self.keys[p][k]] == 1 and self.pages[p].lines[k].count(" ") >= 7

    def _heads_prose(self, p: int, i: int, entries: set[int]) -> bool:
        """Line i of page p has prose of the page's own below it, within `OWN_ENTRY_REACH` lines
        and before the next of the `entries`: a line of 8 words or more holding a sentence's end,
        found on no other page."""
        lines = self.pages[p].lines
        for k in range(i + 1, min(len(lines), i + 1 + OWN_ENTRY_REACH)):
            if k in entries:
                return False
            t = lines[k]
            if self._own_line(p, k) and _SENTENCE_IN.search(t):
                return True
        return False

    def _comment_starts(self) -> dict[int, int]:
        """Page -> the line where its comment section starts: the first signature, a line with a date
        or a time (see suggest_dates.stamped) whose fixed words other such lines share, at least
        twice on the page with other lines between (a comment's text; a list of dates is
        consecutive), on `min_pages` pages. Repeated lines count too: a regular's signature may be
        the same line on two pages. Lines below it are written by readers: what repeats there ("To: ...",
        "Subject: ..." of a mail a reader pasted) is not the site's template."""
        cands: dict[tuple[str, str], list[tuple[int, int, str]]] = defaultdict(list)
        for p, ks in enumerate(self.keys):  # all lines: a regular's signature repeats as it is
            for i, k in enumerate(ks):
                toks = k.split(" ")
                n = len(toks)
                if n > MAX_WORDS or not stamped(self.pages[p].lines[i]):
                    continue
                for a in range(0, 4):
                    for b in range(0, 4):
                        if a + b == 0 or a + b >= n or not _meaningful(toks[:a] + (toks[n - b:] if b else []), self.stop):
                            continue
                        cands[(" ".join(toks[:a]), " ".join(toks[n - b:]) if b else "")].append(
                            (p, i, " ".join(toks[a:n - b])))
        starts: dict[int, int] = {}
        for (pre, suf), occ in cands.items():
            if len({v for _, _, v in occ}) < 2 or self._dated_entries(pre, suf, occ):
                continue
            where: dict[int, list[int]] = defaultdict(list)
            for p, i, _ in occ:
                where[p].append(i)
            ordered = {p: sorted(ii) for p, ii in where.items()}
            signed = {p: ii for p, ii in ordered.items()
                      if len(ii) >= 2 and any(b - a > 1 for a, b in zip(ii, ii[1:], strict=False))}
            if len(signed) < self.min_pages:
                continue
            for p, ii in signed.items():
                starts[p] = min(starts.get(p, ii[0]), ii[0])
        return starts

    # -- 3. blocks between two repeated markers

    def blocks(self) -> list[tuple[str, str, Evidence, int, int, list[str]]]:
        """(start key, end key, evidence, span, longest line in words, an example) of the lists
        between two repeated lines: short lines (15 words at most) that change from page to page."""
        pairs: dict[tuple[str, str], list[tuple[int, int, int]]] = defaultdict(list)
        for p, ks in enumerate(self.keys):
            cov = self.covered[p]
            for i, k in enumerate(ks):
                if k not in self.template or not _WORD.search(k):
                    continue
                # the next template line after a run of at least two uncovered lines
                j = i + 1
                while j < len(ks) and j not in cov and j - i <= 25:
                    j += 1
                if j >= len(ks) or j - i - 1 < 2 or j not in cov or ks[j] not in self.template or not _WORD.search(ks[j]):
                    continue
                inner = self.pages[p].lines[i + 1:j]
                if max(t.count(" ") + 1 for t in inner) > 15:
                    continue
                pairs[(k, ks[j])].append((p, i, j))
        out = []
        for (a, b), occ in pairs.items():
            pages = {p for p, _, _ in occ}
            if len(pages) < self.min_pages or a == b:
                continue
            inner = {tuple(self.pages[p].lines[i + 1:j]) for p, i, j in occ}
            if len(inner) < 2:
                continue
            if 2 * sum(self._holds_article(p, i, j) for p, i, j in occ) > len(occ):
                continue
            span = max(j - i + 1 for _, i, j in occ)
            words = max(t.count(" ") + 1 for p, i, j in occ for t in self.pages[p].lines[i:j + 1])
            ev = self.evidence([(p, i) for p, i, _ in occ])
            p, i, j = occ[0]
            out.append((a, b, ev, span, words, self.pages[p].lines[i:j + 1]))
        out.sort(key=lambda x: -x[2].pages)
        return out[:10]

    def _holds_article(self, p: int, i: int, j: int) -> bool:
        """Lines i+1..j-1 of page p hold the page's headline (a line of 3 words or more found in
        its first line, the page title) and a sentence of 4 words or more below it: the post itself
        (a short post's headline and its text between the date line and "Tweet"), not a list of the
        site's (a "Recent posts" list may hold the headline too, but no sentence below it)."""
        lines = self.pages[p].lines
        title = lines[0] if lines else ""
        for k in range(i + 1, j):
            if k > 0 and lines[k].count(" ") >= 2 and lines[k] in title:
                return any(_SENTENCE_IN.search(lines[m]) and lines[m].count(" ") >= 3 for m in range(k + 1, j))
        return False

    # -- 3b. the page head: from the first repeated line to the last one before the article

    def head(self) -> tuple[str, str, Evidence, int, int] | None:
        """(start key, end key, evidence, span, longest line in words) of the furniture above the
        article, or None.

        The end is a repeated line found once a page, a few lines above the first real paragraph
        on every page that has it; the start is the first repeated line above it. What varies
        between them (trending headlines, dates, weather) goes with them."""
        firsts = {}
        for p, page in enumerate(self.pages):
            k = next((i for i in range(len(page.lines)) if self._paragraph(p, (i,))), None)
            if k is not None:
                firsts[p] = k
        once: dict[str, dict[int, int]] = defaultdict(dict)
        counts: dict[str, Counter] = defaultdict(Counter)
        for p, ks in enumerate(self.keys):
            for i, k in enumerate(ks):
                if k in self.template:
                    once[k][p] = i
                    counts[k][p] += 1
        best = None
        # The end sits a few lines above the first paragraph; a news page's own lines there
        # (breadcrumb, date, headline, standfirst, byline) can be more: further up only when no
        # end is found that close (the page's date, no end, is often the line right above).
        for reach in HEAD_REACH:
            for b, where in once.items():
                pages = [p for p in where if p in firsts]
                if len(pages) < self.min_pages or any(counts[b][p] > 1 for p in where) or not _WORD.search(b):
                    continue
                if not all(0 < firsts[p] - where[p] <= reach for p in pages) or any(p not in firsts for p in where):
                    continue
                score = (len(pages), sum(where.values()))
                if best is None or score > best[0]:
                    best = (score, b, pages)
            if best is not None:
                self.head_reach = reach
                break
        if best is None:
            return None
        _, b, pages = best
        starts = [
            a for a, where in once.items()
            if a != b and _WORD.search(a)
            and all(p in where and where[p] < once[b][p] and counts[a][p] == 1 for p in pages)
            and all(p in pages for p in where)
        ]
        if not starts:
            return None
        a = min(starts, key=lambda a: sum(once[a][p] for p in pages))
        span = max(once[b][p] - once[a][p] + 1 for p in pages)
        if span < 3:
            return None
        ev = self.evidence([(p, once[a][p]) for p in pages])
        words = max(t.count(" ") + 1 for p in pages for t in self.pages[p].lines[once[a][p]:once[b][p] + 1])
        return a, b, ev, span, words

    # -- 4. trailer markers

    def optional_ahead(self, ev: Evidence, others: Sequence[tuple[str, Evidence]]) -> str | None:
        """The pattern of a trailer marker below this one on every page that has this one, found on
        more pages, with no paragraph between the two; or None. This marker is then optional, the
        later one the template's end of the article: this one may be a heading the post itself
        holds (a "Related:" list its author added), below which a page not seen goes on with the
        author's text (a bio, a note). The self-check switches it off when, on the learning pages,
        its cut takes nothing above the later marker that the defaults keep (see
        suggest_check.check): then it adds nothing but that risk."""
        firsts: dict[int, int] = {}
        for p, i in ev.occurrences:
            firsts.setdefault(p, i)
        for pat, other in others:
            below: dict[int, int] = {}
            for p, i in other.occurrences:
                if p in firsts and i > firsts[p]:
                    below.setdefault(p, i)
            if other.pages > ev.pages and len(below) == len(firsts) and not any(
                    self._paragraph(p, range(firsts[p] + 1, j)) for p, j in below.items()):
                return pat
        return None

    def _paragraph(self, p: int, where: Iterable[int]) -> bool:
        """A real paragraph of unique text (20 words or more) among these lines."""
        return any(self._prose(p, k) and self.pages[p].lines[k].count(" ") >= 19 for k in where)

    def signatures(self, p: int, i: int) -> list[int]:
        """Past line i, the lines of a shape with numbers ("Nathan 07.16.12 at 21:35") that recurs there
        and never came before it: the signatures of a comment section, which make the prose between
        them comments rather than more article. [] when there is none; a byline of that shape
        above the article is left out (see suggest_comments.thread)."""
        groups = self.groups.get(p, {})
        before = {g for k, g in groups.items() if k < i}
        after = Counter(g for k, g in groups.items() if k > i)
        sig = {g for g, c in after.items() if c >= 2 and g not in before and g in self.dated}
        found = sorted(k for k, g in groups.items() if k > i and g in sig)
        if not found:
            return []
        return thread(found, self._page_sums(p)[2])  # an article's stamped byline is no comment's signature

    def _page_sums(self, p: int) -> tuple[list[int], list[int], list[int], list[int]]:
        """Prefix sums over page p's lines (all characters, prose characters, paragraph
        characters, paragraph count), so each trailer test is O(1) per marker. Worked out once a page,
        when first asked for: only the trailer and signature tests ask, after `shapes` has fixed
        which lines are covered."""
        if p in self.sums:
            return self.sums[p]
        chars, prose, para, paras = [0], [0], [0], [0]
        for k, t in enumerate(self.pages[p].lines):
            is_prose = self._prose(p, k)
            is_para = is_prose and t.count(" ") >= 19
            chars.append(chars[-1] + len(t))
            prose.append(prose[-1] + (len(t) if is_prose else 0))
            para.append(para[-1] + (len(t) if is_para else 0))
            paras.append(paras[-1] + is_para)
        self.sums[p] = chars, prose, para, paras
        return self.sums[p]

    def _furniture(self, p: int, k: int) -> bool:
        """Line k of page p is one of the site's: a repeated line or a line of a shape."""
        return k in self.covered[p] or k in self.groups.get(p, {})

    def goes_on(self, firsts: dict[int, int], sigs: dict[int, list[int]]) -> list[int]:
        """The pages on which the page's own prose (a line of 8 words or more that neither repeats
        nor fits a shape, and is no comment) comes right after the marker at line `firsts[p]`, when
        on other pages more furniture (a repeated line or a shape) does: the marker then ends the
        article on some pages and is followed by more of it on others, as an author's sign-off is
        by a footnote or a postscript. [] when the line after it is of one kind on every page.
        (From three pages, TRAILER_MIN_PAGES, a sign-off passes the other trailer tests: the share
        row follows it on most pages, and a footnote after it on one is too short to count as
        more article.) `sigs`: page -> the comment signatures below the marker (`signatures`).

        A comment printed above its signature comes right above it: prose with the site's
        furniture between it and the first signature (a tag line, a share row, the "N comments"
        heading) is no comment's text."""
        prose, furniture = [], 0
        for p, i in firsts.items():
            j = i + 1
            if j >= len(self.pages[p].lines):
                continue
            if self._furniture(p, j):
                furniture += 1
                continue
            if not self._prose(p, j):
                continue
            below = sigs[p]
            if not below or (j < below[0] and any(self._furniture(p, k) for k in range(j + 1, below[0]))):
                prose.append(p)
        return prose if furniture else []

    def _series(self, p: int, i: int) -> bool:
        """Line i of page p (a repeated line) is one of a series in the article: below it, above any
        comment section, comes another of the site's repeated lines opening with the same words (all
        but its last two at most: "Reporting by Anna Berg", "Reporting by Tom Reid"), with the page's
        own prose between them (a line of 8 words or more found on no other page; a shape may fit
        it, as one fits a sentence's opening words). A live blog signs each update with one of a few
        bylines, so each byline repeats across pages and, once a page, passed for a trailer: the
        updates below it are short paragraphs, too short to count as more article. But an article
        ends once, and what comes after a line of the series is more of it."""
        mine = self.keys[p][i].split(" ")
        end = self.comment_starts().get(p, len(self.keys[p]))
        prose = False
        for k in range(i + 1, end):
            key = self.keys[p][k]
            if key in self.template and key != self.keys[p][i]:
                theirs = key.split(" ")
                same = next((n for n, (a, b) in enumerate(zip(mine, theirs, strict=False)) if a != b),
                            min(len(mine), len(theirs)))
                if prose and same >= max(1, len(mine) - 2, len(theirs) - 2):
                    return True
            prose = prose or self._own_line(p, k)
        return False

    def trailers(self, markers: list[tuple[str, Evidence]]) -> list[_Trailer]:
        """Markers after which, on most pages, no unique prose follows (comments aside), each with
        the pages where the article may go on right after it (see `goes_on`)."""
        out = []
        sums = {p: self._page_sums(p) for p in range(self.n)}
        for pat, ev in markers:
            firsts: dict[int, int] = {}
            for p, i in ev.occurrences:
                firsts.setdefault(p, i)
            if len(firsts) < max(min(TRAILER_MIN_PAGES, self.n), self.min_pages):
                continue
            if sum(self._series(p, i) for p, i in firsts.items()) >= 2:
                continue  # a byline under each of a live blog's updates: more article follows it
            ok, quiet, after_article, with_comments, positions, tops = True, 0, 0, 0, [], []
            sigs_of: dict[int, list[int]] = {}
            for p, i in firsts.items():
                chars, prose, para, paras = sums[p]
                positions.append(chars[i] / (chars[-1] or 1))
                before = prose[i]
                sigs = sigs_of[p] = self.signatures(p, i)
                comments = bool(sigs)
                # after the marker, only paragraphs count: lists of related headlines are short; and
                # only those above the comment section: comments aside is not article aside
                after = para[comments_start(self.pages[p].lines, i, sigs)] - para[i + 1]
                # The article comes first: some unique text and a real paragraph (menus of
                # headlines are unique too, but their lines are short). A marker with real
                # paragraphs after it and none before heads the article: a menu entry, never a
                # trailer. A page whose article is too short to tell (a quote, a poem) says nothing.
                if before >= 100 and paras[i] > 0:
                    after_article += 1
                    if not comments:
                        tops.append(positions[-1])
                elif paras[-1] - paras[i + 1] > 0 and not comments:
                    ok = False
                    break
                else:
                    tops.append(positions[-1])
                if after <= max(150, 0.2 * before):
                    quiet += 1
                    with_comments += comments
            need = max(2, math.ceil(0.6 * len(firsts)))
            # A marker near the top of the page is no trailer, unless the page's own article comes
            # before it and a comment section after it: a long comment section (hundreds of
            # comments) puts the "N comments" heading below the article at 2% of the page.
            if not ok or after_article < need or quiet < need or min(tops, default=1) < 0.03:
                continue
            min_pos = max(0.02 if min(positions) >= 0.03 else 0.01, math.floor(min(positions) * 0.6 * 100) / 100)
            note = (
                f"after the article on {after_article} of {len(firsts)} pages; followed by no more "
                f"article text on {quiet} ({with_comments} of them a comment section); "
                f"earliest at {min(positions):.0%} of the page"
            )
            out.append(_Trailer(pat, ev, min_pos, note, self.goes_on(firsts, sigs_of)))
        return out


# ---------------------------------------------------------------- from evidence to rules


def _trailer_review(pages: int, goes_on: list[int]) -> str:
    """Why a trailer is proposed switched off ("" when it is not): seen on too few pages, or the
    page's own text goes on right after it on some pages (see `_Miner.goes_on`)."""
    if pages < TRAILER_MIN_PAGES:
        return (f"seen on {pages} pages only: too few to tell the site's furniture from an author's sign-off "
                f"that other pages follow with more text; switch on only if nothing of the article comes after it")
    if goes_on:
        return ("on some pages the page's own text goes on right after it, as after an author's sign-off; "
                "switch on only if nothing of the article comes after it")
    return ""


def suggest_rules(pages: Sequence[Page], site: str, *, min_share: float = 0.5,
                  self_check: bool = True) -> list[Proposal]:
    """Proposed rules for `site` from its pages (at least two; five or more recommended).

    With `self_check`, rules that remove article prose the defaults keep on these pages are
    switched off with that evidence (see `suggest_check.py`)."""
    if len(pages) < 2:
        raise ValueError("rules suggest needs at least two pages of the site")
    m = _Miner(pages, min_share)
    slug = site_slug(site)
    keep_pool = m.keep_lines()
    props: list[Proposal] = []

    literals = m.literals()
    shapes = m.shapes()
    blocks = m.blocks()

    # trailer markers among literals and shapes (at most one occurrence a page)
    marker_cands: list[tuple[str, Evidence]] = []
    for k, ev in literals.items():
        if len(ev.occurrences) == ev.pages:
            marker_cands.append(("^" + key_pattern(k, m.times) + "$", ev))
    # markers that are one fixed line; a line with numbers (a date, "AM", "1 Comment") may come in
    # other forms on pages not seen
    literal_markers = {pat for pat, _ in marker_cands if r"\d" not in pat}
    m.group(literals, shapes)
    for pat, ev, _, _ in shapes:
        if pat in m.dated:  # the first comment's signature; other shapes fit lines never seen (any "<link> »")
            marker_cands.append((pat, ev))
    trailers = m.trailers(marker_cands)
    # keep the trailer that comes first on most pages; later ones are cut with it anyway
    trailers.sort(key=lambda t: sum(i for _, i in t[1].occurrences) / len(t[1].occurrences))
    # A marker the article may go on after is shown for review, switched off, and takes no place of
    # the two: the next marker down is then the one that cuts.
    shown = [t for t in trailers if t.goes_on][:1] + [t for t in trailers if not t.goes_on][:2]
    shown.sort(key=trailers.index)
    # The first marker that cuts may be an optional one ahead of the template's own: that one is
    # shown too, standing by (see _Miner.optional_ahead).
    first = next((t for t in shown if not t.goes_on), None)
    ahead = m.optional_ahead(first.evidence, [(u.pattern, u.evidence) for u in trailers[trailers.index(first) + 1:]]
                             ) if first else None
    if ahead is not None and ahead not in [t.pattern for t in shown]:
        shown.append(next(t for t in trailers if t.pattern == ahead))
    for n, (pat, ev, min_pos, note, goes_on) in enumerate(shown):
        review = _trailer_review(ev.pages, goes_on)
        props.append(Proposal(
            id=f"{slug}.trailer-{n + 1}" if n else f"{slug}.trailer",
            kind="trailer",
            description="Proposed: marker after the article; what follows it is the site's furniture or comments.",
            keys={"pattern": pat, "min_position": min_pos},
            evidence=[(ev.examples[0], ev)],
            drop=ev.examples[:2],
            notes=[note] + ([
                f"the page's own prose comes right after it on {len(goes_on)} page(s) "
                f"({', '.join(m.pages[p].name for p in goes_on[:3])}), the site's furniture on others"
            ] if goes_on else []),
            literal=pat in literal_markers,
            ahead_of=ahead if first is not None and pat == first.pattern and ahead is not None else "",
            enabled=not review,
            review=review,
        ))

    for n, (pat, ev, words, marked) in enumerate(shapes):
        top_only = ev.zones["top"] == len(ev.occurrences)
        kind = "leading" if top_only else "line"
        keys: dict[str, object] = {"pattern": pat, "max_words": max(words + 4, round(words * 1.5))}
        if top_only:
            keys["window"] = max(i for _, i in ev.occurrences) + 3
        words_avg = sum(x.count(" ") + 1 for x in ev.examples) / len(ev.examples)
        prose = not marked and ev.in_body * 2 > len(ev.occurrences) and words_avg >= 8
        opener = pat in m.openers
        own = pat in m.own_text
        headline = pat in m.headlines
        entry = m.own_entries.get(pat, "")
        props.append(Proposal(
            id=f"{slug}.shape-{n + 1}",
            enabled=not (prose or opener or own or headline or entry),
            review="lines of this shape sit between article lines; switch on only if they are not article text" if prose
            else "lines of this shape are sentences that only begin or end with the same words; switch on only if "
                 "they are not article text" if opener
            else "the variable part is a sentence of each page's own, once a page (a summary, a caption); switch on "
                 "only if it is not article text" if own
            else "the shape's plain words also end or open a page's own headline; switch on only if they are not "
                 "article text" if headline
            else "lines of this shape are dated entries that head the page's own text (a live blog's updates, a "
                 "timeline's events); switch on only if they are not the article's headlines" if entry else "",
            notes=[entry] if entry else [],
            kind=kind,
            description=f"Proposed: lines shaped like {ev.examples[0]!r} (fixed text, variable part).",
            keys=keys,
            evidence=[(pat, ev)],
            drop=ev.examples[:3],
            plain=not marked,
        ))

    head = m.head()
    if head is not None:
        a, b, ev, span, words = head
        p0, i0 = ev.occurrences[0]
        j0 = next(j for j in range(i0 + 1, len(m.keys[p0])) if m.keys[p0][j] == b)
        example = m.pages[p0].lines[i0:j0 + 1]
        props.append(Proposal(
            id=f"{slug}.head",
            kind="block",
            description=f"Proposed: the page head, from {a!r} down to {b!r} just above the article.",
            keys={"start": "^" + key_pattern(a, m.times) + "$", "end": "^" + key_pattern(b, m.times) + "$", "max_lines": span + 10,
                  "max_words": head_words(words)},
            evidence=[(a, ev)],
            drop=["\n".join(example)],
            notes=[f"the end line comes 1 to {m.head_reach} lines above the first paragraph on {ev.pages} pages; span up to {span} lines"],
        ))

    for n, (a, b, ev, span, words, example) in enumerate(blocks):
        props.append(Proposal(
            id=f"{slug}.block-{n + 1}",
            kind="block",
            description=f"Proposed: a list between {a!r} and {b!r} that changes from page to page.",
            keys={"start": "^" + key_pattern(a, m.times) + "$", "end": "^" + key_pattern(b, m.times) + "$", "max_lines": span + 5,
                  "max_words": block_words(words)},
            evidence=[(a, ev)],
            drop=["\n".join(example)],
        ))

    # literal lines, one rule per zone where they mostly are; review long in-body lines
    by_zone: dict[str, list[tuple[str, Evidence]]] = defaultdict(list)
    review: list[tuple[str, Evidence]] = []
    for k, ev in sorted(literals.items(), key=lambda kv: kv[1].occurrences[0][1]):
        if ev.in_body * 2 > len(ev.occurrences) and k.count(" ") >= 7:
            review.append((k, ev))
            continue
        zone = max(ZONES, key=lambda z: ev.zones[z])
        by_zone[zone].append((k, ev))
    for zone in ZONES:
        items = by_zone.get(zone)
        if not items:
            continue
        props.append(Proposal(
            id=f"{slug}.{zone}-lines",
            kind="line",
            description=f"Proposed: lines repeated across the site's pages, mostly in the {zone} of the page.",
            keys={"pattern": ["^" + key_pattern(k, m.times) + "$" for k, _ in items]},
            evidence=[(k, ev) for k, ev in items],
            drop=[ev.examples[0] for _, ev in items[:3]],
        ))
    if review:
        props.append(Proposal(
            id=f"{slug}.in-body-repeats",
            kind="line",
            description="Proposed, switched off: long lines repeated between article lines (a disclaimer? a quote?).",
            keys={"pattern": ["^" + key_pattern(k, m.times) + "$" for k, _ in review]},
            evidence=[(k, ev) for k, ev in review],
            drop=[ev.examples[0] for _, ev in review[:3]],
            enabled=False,
            review="repeated inside article text; switch on only if it is not part of the articles",
        ))
    for prop in props:
        prop.keep = keep_pool
    out = [p for p in (_validated(p, site) for p in props) if p is not None]
    if self_check:
        from .suggest_check import check

        taken = check(out, pages, site, repeated=lambda p, i: m.keys[p][i] in m.template, signatures=m.signatures,
                      key=lambda p, i: m.keys[p][i], render=lambda ps: render_pack(ps, site, keep_limit=0))
        kept = _kept_repeats(taken, literals, slug, keep_pool, m.times)
        if kept is not None and (kept := _validated(kept, site)) is not None:
            out.append(kept)
    return out


def _kept_repeats(taken: Sequence[tuple[str, str, str]], literals: dict[str, Evidence], slug: str,
                  keep_pool: list[str], times: str | None) -> Proposal | None:
    """The repeated lines the self-check took out of the line rules, as one rule switched off: they
    repeat because they belong to the articles (a closing paragraph, a section heading), as the
    defaults' choice of the article on the learning pages shows."""
    items = [(k, literals[k], why) for _, k, why in taken if k in literals]
    if not items:
        return None
    return Proposal(
        id=f"{slug}.kept-repeats",
        kind="line",
        description="Proposed, switched off: repeated lines the defaults keep as part of the article.",
        keys={"pattern": ["^" + key_pattern(k, times) + "$" for k, _, _ in items]},
        evidence=[(k, ev) for k, ev, _ in items],
        drop=[ev.examples[0] for _, ev, _ in items[:3]],
        keep=list(keep_pool),
        enabled=False,
        review="part of the articles on the pages it was learned from; switch on only if it is furniture",
        notes=[f"self-check: {why}: {k[:80]!r}" for k, _, why in items[:5]],
    )


def _validated(prop: Proposal, site: str) -> Proposal | None:
    """Load the rule with the real loader and run its examples; fix or drop what fails."""
    from .errors import RuleError
    from .ruleset.examples import check_rule
    from .ruleset.loader import load_text

    pool = list(prop.keep)
    prop.keep = []
    try:
        base = load_text(render_pack([_enabled(prop)], site, keep_limit=0), "<suggest>").rules[0]
    except RuleError:
        return None
    prop.drop = [d for d in prop.drop if base.acts_on(d)]
    prop.keep = [k for k in pool if not base.acts_on(k)][:2]
    if not prop.drop or not prop.keep:
        return None
    rule = load_text(render_pack([_enabled(prop)], site), "<suggest>").rules[0]
    return prop if not check_rule(rule) else None


def _enabled(prop: Proposal) -> Proposal:
    if prop.enabled:
        return prop
    return Proposal(prop.id, prop.kind, prop.description, prop.keys, prop.evidence, prop.drop, prop.keep,
                    notes=prop.notes)


def render_pack(props: Sequence[Proposal], site: str, *, keep_limit: int = 2, header: str = "") -> str:
    """The proposed pack as TOML, evidence as comments. Loads with the ordinary loader."""
    out = []
    if header:
        out.extend("# " + h for h in header.splitlines())
    out += [
        "[pack]",
        f"name = {toml_str('sites.' + site_slug(site) + '-suggested')}",
        f"description = {toml_str(f'Proposed by cleaner rules suggest for {site_host(site)}: review, then run cleaner rules test.')}",
        f"sites = [{toml_str(site_host(site))}]",
        "",
    ]
    for prop in props:
        if isinstance(prop.keys.get("pattern"), list):
            out.append(f"# evidence: {len(prop.evidence)} repeated lines, each with its own below")
        else:
            for _, ev in prop.evidence[:1]:
                out.append(f"# evidence: {ev.describe()}")
        out.extend(f"# evidence: {note}" for note in prop.notes)
        if prop.review:
            out.append(f"# review: {prop.review}")
        out += ["[[rule]]", f"id = {toml_str(prop.id)}", f"kind = {toml_str(prop.kind)}",
                f"description = {toml_str(prop.description)}"]
        if not prop.enabled:
            out.append("enabled = false")
        for key, value in prop.keys.items():
            if isinstance(value, list):
                out.append(f"{key} = [")
                for v, (_, ev) in zip(value, prop.evidence, strict=False):
                    ex = ev.examples[0] if ev.examples else ""
                    out.append(f"  {toml_str(v)},  # {ev.describe()}" + (f"; e.g. {ex[:60]!r}" if ex != v else ""))
                out.append("]")
            elif isinstance(value, str):
                out.append(f"{key} = {toml_str(value)}")
            else:
                out.append(f"{key} = {value}")
        out.append("drop = [" + ", ".join(toml_str(d) for d in prop.drop) + "]")
        if keep_limit:
            out.append("keep = [" + ", ".join(toml_str(k) for k in prop.keep[:keep_limit]) + "]")
        out.append("")
    return "\n".join(out)


def suggest_pack(texts: Sequence[tuple[str, str]] | Sequence[str], site: str, *, min_share: float = 0.5) -> str:
    """Pages (texts, or (name, text) pairs) of one site -> the proposed pack's TOML text."""
    pages = [
        Page.from_text(t[0], t[1]) if isinstance(t, tuple) else Page.from_text(f"page{i + 1}", t)
        for i, t in enumerate(texts)
    ]
    props = suggest_rules(pages, site, min_share=min_share)
    header = f"Proposed by `cleaner rules suggest` from {len(pages)} pages of {site_host(site)}."
    return render_pack(props, site, header=header)
