"""The self-check of a proposed site pack, on the very pages it was learned from (no gold needed).

Each learning page is cleaned twice: with the default rules alone, and with the defaults plus the
proposed pack. A rule of the pack that takes out lines the defaults keep as article prose (a line
of `PROSE_WORDS` words or more that is unique to its page, not one of the site's repeated lines) is
suspect: a trailer whose marker sits above article text on some pages, a block whose end marker is
missing, a shape that also fits sentences. Such a rule is written switched off, with what it would
have removed as evidence, for a person to review. The exception is text after a trailer marker
followed by a comment section (dated signatures that recur below the marker and nowhere above it):
the prose there is comments, which the defaults cannot tell from the article.

Removals the pack causes only indirectly (the main-text stage choosing another run once the pack's
lines are gone) cannot happen: a site pack only removes (see `cleaner/sitepacks.py`).
"""

from __future__ import annotations

import functools
import os
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import regex

from . import engine
from .maintext import (
    _SENTENCE_END,  # the main-text stage's own: both read a sentence's end alike
    AFTER,
    AUTHOR,
    BEFORE,
)
from .normalize import normalize_line, normalize_text
from .ruleset.loader import default_rules_dir, load_dir, load_text
from .ruleset.pack import RuleSet
from .suggest_comments import comments_start

if TYPE_CHECKING:
    from .suggest import Page, Proposal

PROSE_WORDS = 10  # a lost line this long, unique to its page, is taken for article text
TOLERATED_SHARE = 0.1  # pages on which a rule may lose article text and still be switched on
MAX_ROUNDS = 5
PARAGRAPH_WORDS = 20  # a paragraph, not a one-line notice or blurb (as the miner's "real paragraph")
LEAD_IN_WORDS = 6  # a heading ending in ':' is this short ("For more information:")
BOX_HEADING_WORDS = 3  # a box's own heading right above a paragraph ("About Becky")
# How far the context tests look along the defaults' kept run: above a line, for the article's
# own prose (a few lines: a link or two, a short closing line); below a heading, for the article
# text after the list it heads (an ingredient list is long).
ABOVE_LINES = 6
BELOW_LINES = 30
# Below a trailer's marker, a sentence with no other prose this many lines around it is a blurb.
LONE_LINES = 2
# The main-text stage's removals that end the article it chose: the lines before and after its run,
# and an author box below it. Its other removals (a page control such as "Like", a menu-like run of
# links between paragraphs) are inside the article.
_ENDS_ARTICLE = frozenset({BEFORE, AFTER, AUTHOR})
# A lone '»' after a word ends a link, not a sentence: "Read more »", "Posted in News | No Comments »",
# the next post's title in a post navigation. (". »" still ends a quoted sentence.)
_LINK_ARROW = regex.compile(r"[^\s.!?…]\s+»$")
# Where one sentence ends and the next begins; the next may open with a German „ or a Spanish ¿ ¡.
_SENTENCE_BREAK = regex.compile(r"[.!?…][\"'”’“»)]?\s+[\p{Lu}\"“«„¿¡]")
# The end of a sentence that more text follows (see `_shared_opening`).
_SENTENCE_END_AT = regex.compile(r"[.!?…][\"'”’“»)]?(?=\s)")


@functools.lru_cache(maxsize=256)
def _compiled(pattern: str) -> regex.Pattern:
    return regex.compile(pattern)


@functools.lru_cache(maxsize=1)
def default_ruleset() -> RuleSet:
    """The shipped rules without any site pack: what a new site gets today."""
    return RuleSet([p for p in load_dir(default_rules_dir()) if not p.is_site_pack])


def _engine_lines(page: Page) -> tuple[str, list[int]] | None:
    """The text to clean and, for each of the page's lines, its line index in the engine's
    numbering; None when the two do not line up (a page built from lines by hand)."""
    text = page.text or "\n".join(page.lines)
    norm, _ = normalize_text(text)
    numbers = [n for n, x in enumerate(norm.split("\n")) if normalize_line(x)]
    return (text, numbers) if len(numbers) == len(page.lines) else None


def _removed_by(result) -> dict[int, str]:
    """0-based line index -> id of the rule that removed the whole line."""
    out = {}
    for r in result.removed:
        if r.span is None:
            for n in range(r.start_line - 1, r.end_line):
                out[n] = r.rule
    return out


Aligned = list[tuple[str, list[int]] | None]  # per page: the text and its line numbers (see _engine_lines)


def align(pages: Sequence[Page]) -> Aligned:
    """The learning pages lined up with the engine's numbering, once for every cleaning of them."""
    return [_engine_lines(page) for page in pages]


def removals(aligned: Aligned, rs: RuleSet, site: str) -> list[dict[int, str] | None]:
    """For each page, its line index -> id of the rule that removed the whole line with `rs`
    (None for a page whose lines do not line up with the engine's)."""
    out: list[dict[int, str] | None] = []
    for got in aligned:
        if got is None:
            out.append(None)
            continue
        text, numbers = got
        gone = _removed_by(engine.run(text, rs, site=site))
        out.append({i: gone[n] for i, n in enumerate(numbers) if n in gone})
    return out


def default_kept(pages: Sequence[Page], site: str, aligned: Aligned | None = None) -> list[set[int] | None]:
    """For each page, the indices of its lines the default rules keep (None when the page's lines
    do not line up with the engine's). The defaults do not change between rounds: cleaned once."""
    return _kept(pages, removals(align(pages) if aligned is None else aligned, default_ruleset(), site))


def _kept(pages: Sequence[Page], gone: list[dict[int, str] | None]) -> list[set[int] | None]:
    return [None if g is None else set(range(len(page.lines))) - g.keys() for page, g in zip(pages, gone, strict=True)]


def pack_removed(pages: Sequence[Page], pack_text: str, site: str, aligned: Aligned | None = None) -> list[dict[int, str]]:
    """For each page, line index -> id of the rule that removed it with the defaults plus the pack."""
    base = default_ruleset()
    rs = RuleSet([*base.packs, load_text(pack_text, "<suggest>")])
    rs.base = base
    return [g or {} for g in removals(align(pages) if aligned is None else aligned, rs, site)]


def lost_lines(removed: list[dict[int, str]], kept: list[set[int] | None]) -> dict[str, list[tuple[int, int]]]:
    """Rule id -> (page, line) of the lines the defaults keep and the pack's rules remove."""
    out: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for p, gone in enumerate(removed):
        for i, rule in sorted(gone.items()):
            if kept[p] is not None and i in kept[p]:
                out[rule].append((p, i))
    return out


def first_removed(removed: list[dict[int, str]]) -> dict[tuple[str, int], int]:
    """(rule id, page) -> the first line the rule removed there (a trailer's marker)."""
    out: dict[tuple[str, int], int] = {}
    for p, gone in enumerate(removed):
        for i, rule in sorted(gone.items()):
            out.setdefault((rule, p), i)
    return out


def article_ends(gone: list[dict[int, str] | None]) -> list[set[int]]:
    """For each page, the lines the defaults' main-text stage dropped where the article it chose
    ends (`_ENDS_ARTICLE`), from the defaults' removals (see `removals`)."""
    return [{i for i, rule in (g or {}).items() if rule in _ENDS_ARTICLE} for g in gone]


def _ends_sentence(line: str) -> bool:
    """The line ends like a sentence (the main-text stage's test), and not like a link ("»")."""
    return line[-1] in _SENTENCE_END and not _LINK_ARROW.search(line)


def _article_like(line: str) -> bool:
    """A sentence of some length: what a lost line must be to count against a rule."""
    return line.count(" ") + 1 >= PROSE_WORDS and _ends_sentence(line)


def _long_sentence(line: str) -> bool:
    """A line of `PARAGRAPH_WORDS` words or more ending like a sentence."""
    return line.count(" ") + 1 >= PARAGRAPH_WORDS and _ends_sentence(line)


def _paragraph_like(line: str) -> bool:
    """Several sentences and `PARAGRAPH_WORDS` words or more: a paragraph, not a notice."""
    return _long_sentence(line) and _SENTENCE_BREAK.search(line) is not None


@dataclass
class _Context:
    """What the check knows of the learning pages besides the cleanings."""

    pages: Sequence[Page]
    kept: list[set[int] | None]
    repeated: Callable[[int, int], bool]
    signatures: Callable[[int, int], list[int]]
    markers: dict[tuple[str, int], int] = field(default_factory=dict)  # (rule, page) -> first line it removed
    # per page, the lines where the article the defaults' main-text stage chose ends (_ENDS_ARTICLE)
    outside: list[set[int]] = field(default_factory=list)

    def in_article(self, p: int, i: int) -> bool:
        """Line i sits between two paragraphs of the article the defaults keep: the lines right above
        and below it are kept, unique to the page and article prose (a section heading)."""
        kept = self.kept[p] or set()

        def prose(k: int) -> bool:
            return k in kept and not self.repeated(p, k) and _article_like(self.pages[p].lines[k])

        return prose(i - 1) and prose(i + 1)

    def _run(self, p: int, i: int, step: int, limit: int = 0) -> list[int]:
        """The lines next to line i (above for step -1, below for +1) that the defaults keep in the
        same article, at most `limit` of them (by default `ABOVE_LINES` or `BELOW_LINES`). Lines that a default rule
        removed inside the article ("Share this:", a byline) are passed over, and so are the lines the
        main-text stage itself drops inside its run (a page control such as "Like", a menu-like run
        of links); a line it dropped as before or after the article, or as an author box, ends the
        article (`_ENDS_ARTICLE`)."""
        kept = self.kept[p]
        if kept is None:
            return []
        outside = self.outside[p] if p < len(self.outside) else set()
        limit = limit or (ABOVE_LINES if step < 0 else BELOW_LINES)
        out, k = [], i + step
        while 0 <= k < len(self.pages[p].lines) and len(out) < limit and k not in outside:
            if k in kept:
                if _LINK_ARROW.search(self.pages[p].lines[k]):
                    break  # a post's footer ("Posted in News | No Comments »"): the article ends there
                out.append(k)
            k += step
        return out

    def _own_paragraph(self, p: int, k: int) -> bool:
        """Line k is a paragraph of the page's own article: unique to the page, a sentence of
        `PARAGRAPH_WORDS` words or more (a newsletter's one-line blurb in a sidebar is shorter)."""
        return not self.repeated(p, k) and _long_sentence(self.pages[p].lines[k])

    def closes_article(self, p: int, i: int, follows: bool = True) -> bool:
        """Line i is a paragraph of several sentences (`PARAGRAPH_WORDS` words or more) that the
        defaults keep in the article with its own prose a few lines above: a closing disclaimer, a
        press release's "About the agency" paragraph. It repeats because every article of the site
        ends with it. So does a sentence right below such a paragraph (the disclaimer's last line).
        A one-sentence notice right below the article is no such paragraph."""
        line = self.pages[p].lines[i]
        above = self._run(p, i, -1)
        if _paragraph_like(line):
            return not self._boxed(p, i) and any(self._own_paragraph(p, k) and not self.lone(p, k) for k in above)
        return (follows and _article_like(line) and bool(above) and self.repeated(p, above[0])
                and self.closes_article(p, above[0], follows=False))

    def _boxed(self, p: int, i: int) -> bool:
        """Line i has a heading of its own right above it: a repeated line of a few words without
        a sentence's end ("About Becky") that the defaults keep, which makes it a box of the page
        (an author box), not the end of the article."""
        if i == 0 or not self.repeated(p, i - 1) or i - 1 not in (self.kept[p] or set()):
            return False  # a line a default rule removed ("Share this:", "Facebook") heads nothing
        head = self.pages[p].lines[i - 1]
        return head.count(" ") + 1 <= BOX_HEADING_WORDS and head[-1] not in _SENTENCE_END

    def leads_in(self, p: int, i: int, depth: int = 0) -> bool:
        """Line i is a short heading ending in ':' ("Ingredients:", "For more information:") that
        the defaults keep in one run with article prose above it and article text below it (after
        the list it heads): a heading of the articles' own structure, not a "Related posts:" list
        at the article's end, which no more article text follows (comments below it are none)."""
        line = self.pages[p].lines[i]
        return line.endswith(":") and line.count(" ") + 1 <= LEAD_IN_WORDS and self.inside_article(p, i, depth)

    def _article_above(self, p: int, i: int, depth: int = 0) -> bool:
        """A paragraph of the page's own a few lines above line i, or a heading of the article's
        structure up to `BELOW_LINES` lines above (`leads_in`): "Directions:" sits below a recipe's
        ingredient list, which "Ingredients:" heads below the recipe's paragraph."""
        near = set(self._run(p, i, -1))
        return any((k in near and self._own_paragraph(p, k)) or (depth < 2 and self.leads_in(p, k, depth + 1))
                   for k in self._run(p, i, -1, BELOW_LINES))

    def listed(self, p: int, i: int, pattern: str) -> bool:
        """A line next to line i that the defaults keep, of the page's own, is fitted by `pattern` too:
        line i is an item of a list the shape describes ("1/2 cup <...>" among a recipe's
        ingredients), not an insert between paragraphs ("READ: <...>" never comes twice in a row)."""
        kept, lines = self.kept[p] or set(), self.pages[p].lines
        fits = _compiled(pattern)
        return any(0 <= k < len(lines) and k in kept and not self.repeated(p, k) and fits.search(lines[k])
                   for k in (i - 1, i + 1))

    def inside_article(self, p: int, i: int, depth: int = 0) -> bool:
        """Line i is kept by the defaults inside their article: a paragraph of the page's own a few
        lines above it and article text below it (before any comment signature). A headline-like line
        there (a list item, a caption) need not end like a sentence to be the article's own.
        (`depth`: how many `leads_in` headings above led here; see `_article_above`.)"""
        if i not in (self.kept[p] or set()):
            return False
        lines = self.pages[p].lines
        comments = next(iter(self.signatures(p, i)), len(lines))  # text past a comment's signature is no article
        return self._article_above(p, i, depth) and any(
            _article_like(lines[k]) for k in self._run(p, i, 1) if k < comments)

    def comment(self, p: int, marker: int, i: int) -> bool:
        """Line i, below a trailer marker, is part of a comment section: at or past the first
        signature, or above it when what lies between the marker and that signature is no longer
        than twice the longest comment (a blog may print a comment's text above its signature;
        a recipe between the marker and the comments is longer)."""
        sigs = self.signatures(p, marker - 1)
        return bool(sigs) and i >= comments_start(self.pages[p].lines, marker, sigs)

    def lone(self, p: int, i: int) -> bool:
        """Line i is a lone sentence or paragraph, with no other line of prose of the page's own
        within `LONE_LINES` lines of it: a sidebar's blurb among headlines ("Stay informed of the
        latest news ...", a white paper's teaser above "Download now! »"). An article's
        paragraphs come in runs: a trailer that cuts one cuts others next to it, which count."""
        lines, kept = self.pages[p].lines, self.kept[p] or set()
        near = range(max(0, i - LONE_LINES), min(len(lines), i + LONE_LINES + 1))
        return not any(k != i and k in kept and not self.repeated(p, k) and _article_like(lines[k]) for k in near)

    def against(self, prop: Proposal, p: int, i: int, marker: int) -> str | None:
        """Why losing line i of page p counts against the rule, or None. Article prose unique to its
        page counts, and so does a repeated line between two of its paragraphs (a section heading
        such as "What's the Big Idea?"): it repeats *because* it belongs to the articles. Other
        repeated lines do not count, even sentences the defaults keep: on blogs whose article the
        defaults miss, the "About me" box and the feed notice are what they keep."""
        if prop.kind == "trailer" and i != marker and self.comment(p, marker, i):
            return None
        if self.repeated(p, i):
            if self.in_article(p, i):
                return "a repeated line inside the article the defaults keep"
            if self.closes_article(p, i):
                return "a repeated paragraph that continues the article the defaults keep"
            if self.leads_in(p, i):
                return "a repeated heading ending in ':' between parts of the article the defaults keep"
            return None
        line = self.pages[p].lines[i]
        if _article_like(line):
            if prop.kind == "trailer" and i != marker and self.lone(p, i):
                return None
            return "article prose"
        if prop.plain and line.count(" ") + 1 >= PROSE_WORDS and self.inside_article(p, i):
            return "a line inside the article the defaults keep (a list item, a caption) that the shape's plain words fit"
        pattern = prop.keys.get("pattern")
        if isinstance(pattern, str) and prop.kind != "trailer" and self.listed(p, i, pattern) \
                and self.inside_article(p, i):
            return "an item of a list inside the article the defaults keep (a recipe's ingredients) that the shape fits"
        return None


def check(props: Sequence[Proposal], pages: Sequence[Page], site: str, *, repeated: Callable[[int, int], bool],
          render: Callable[[Sequence[Proposal]], str], signatures: Callable[[int, int], list[int]] = lambda p, i: [],
          key: Callable[[int, int], str] | None = None) -> list[tuple[str, str, str]]:
    """Switch off (with evidence) the proposals that remove article text the defaults keep on the
    learning pages; add the check's result to every enabled proposal's evidence. Returns the
    patterns taken out of rules with a list of literal lines, as (proposal id, line key, why):
    such a rule loses only the lines that are article text, not its other lines.

    `repeated(p, i)`: line i of page p is one of the site's repeated lines; `signatures(p, i)`:
    the comment signatures below line i; `key(p, i)`: the line's key in a list rule's evidence;
    `render`: the pack's TOML for some proposals. Switching a rule off can hand its lines to
    another (a second trailer marker just below the first), so the check runs again until no
    rule is switched off."""
    n = len(pages)
    aligned = align(pages)
    base = removals(aligned, default_ruleset(), site)
    ctx = _Context(pages, _kept(pages, base), repeated, signatures, outside=article_ends(base))
    taken_out: list[tuple[str, str, str]] = []
    for _ in range(MAX_ROUNDS):
        enabled = [p for p in props if p.enabled]
        if not enabled:
            return taken_out
        removed = pack_removed(pages, render(enabled), site, aligned)
        lost, ctx.markers = lost_lines(removed, ctx.kept), first_removed(removed)
        found = {}
        changed = False
        lists = []
        for prop in enabled:
            bad = _against(prop, lost.get(prop.id, []), ctx)
            if key is not None and isinstance(prop.keys.get("pattern"), list):
                lists.append((prop, bad))
                continue
            if len(bad) > TOLERATED_SHARE * n:
                found[prop.id] = bad
        for prop, out in _take_out(lists, key, n) if lists else []:
            taken_out.extend((prop.id, k, why) for k, why in out)
            changed = True
        for prop in enabled:
            if prop.kind == "trailer" and prop.ahead_of and prop.id not in found and not _gains_above(prop, removed, ctx):
                prop.enabled = False
                prop.review = ("found on some pages only, above the site's own end marker, and cuts nothing the "
                               "defaults keep above it: switch on only if nothing of the article ever comes after it")
                prop.notes.append("self-check: on the pages it was learned from it cuts above the later marker "
                                  f"{prop.ahead_of!r} nothing the defaults keep")
                changed = True
        for prop in enabled:
            bad = found.get(prop.id)
            if bad is None:
                continue
            p0 = min(bad)
            (i0, why0), *_ = bad[p0]
            prop.enabled = False
            prop.review = (
                "on the pages it was learned from it removes text the defaults keep as article text; "
                "switch on only if that text is not part of the articles"
            )
            prop.notes.append(
                f"self-check: removes {sum(map(len, bad.values()))} lines the defaults keep as article text, on "
                f"{len(bad)} of {n} pages, e.g. {pages[p0].lines[i0][:80]!r} ({why0}, {pages[p0].name})"
            )
        if not found and not changed:
            break
    else:  # the last round switched rules off: clean once more with what is left
        removed = pack_removed(pages, render([p for p in props if p.enabled]), site, aligned)
        lost, ctx.markers = lost_lines(removed, ctx.kept), first_removed(removed)
    credited = {rule for gone in removed for rule in gone.values()}
    literal = {p.id for p in props if p.enabled and p.kind == "trailer" and p.literal}
    cut_by_literal = sum(any(rule in literal for rule in gone.values()) for gone in removed)
    for prop in props:
        if not prop.enabled:
            continue
        if prop.kind == "trailer" and prop.id not in credited and cut_by_literal == n:
            # A literal marker, the same line on every page, cuts above this one on every page: this
            # one adds nothing but risk (a widget's heading found above the article on a page of
            # another layout). Below a signature's shape it stays, for pages the shape misses.
            prop.enabled = False
            prop.review = "never the first trailer marker on the pages it was learned from"
            prop.notes.append("self-check: another trailer cuts above this marker on every page it was learned from")
            continue
        where = lost.get(prop.id, [])
        note = f"self-check: on the {n} pages it was learned from it removes "
        if not where:
            prop.notes.append(note + "nothing the defaults keep")
            continue
        bad = _against(prop, where, ctx)
        note += f"{len(where)} lines the defaults keep"
        if bad:
            note += f", article text on {len(bad)} page(s) only (tolerated: {TOLERATED_SHARE:.0%} of the pages)"
        else:
            note += " (furniture: repeated lines outside the article, short lines, comments)"
        prop.notes.append(note)
    return taken_out


def _gains_above(prop: Proposal, removed: list[dict[int, str]], ctx: _Context) -> bool:
    """Whether the trailer, on some learning page, cuts a line the defaults keep above the later
    marker it is ahead of (`prop.ahead_of`): a list of furniture the defaults take for the article.
    Without such a line, its cut adds nothing to the later marker's on the pages it was learned
    from (see suggest._Miner.optional_ahead)."""
    later = _compiled(prop.ahead_of)
    for p, gone in enumerate(removed):
        kept = ctx.kept[p]
        marker = ctx.markers.get((prop.id, p))
        if kept is None or marker is None:
            continue
        lines = ctx.pages[p].lines
        end = next((k for k in range(marker + 1, len(lines)) if later.search(lines[k])), len(lines))
        if any(gone.get(k) == prop.id and k in kept for k in range(marker, end)):
            return True
    return False


def _against(prop: Proposal, where: list[tuple[int, int]], ctx: _Context) -> dict[int, list[tuple[int, str]]]:
    """Page -> (line, why) of the lost lines that count against the rule (see _Context.against)."""
    bad: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for p, i in where:
        why = ctx.against(prop, p, i, ctx.markers.get((prop.id, p), i))
        if why:
            bad[p].append((i, why))
    return bad


def _shared_opening(a: str, b: str) -> int:
    """How many words the two lines share as whole opening sentences (0 when they differ in the first)."""
    n = len(os.path.commonprefix([a, b]))
    ends = [m.end() for m in _SENTENCE_END_AT.finditer(a, 0, n + 1) if b[m.end():m.end() + 1].isspace()]
    return a[:ends[-1]].count(" ") + 1 if ends else 0


def versions(keys: Sequence[str]) -> dict[str, str]:
    """Repeated paragraphs that are one paragraph in versions: paragraph-like lines (`_paragraph_like`)
    that open with the same sentences, `PARAGRAPH_WORDS` words or more, and differ after them (a
    comment policy whose last sentence is "Click the X ..." on older pages, "Use the Report link ..."
    on newer ones). Key -> the first key of its group, for the keys that have another version."""
    paras = [k for k in dict.fromkeys(keys) if _paragraph_like(k)]
    head: dict[str, str] = {}
    for n, a in enumerate(paras):
        for b in paras[n + 1:]:
            if b not in head and _shared_opening(a, b) >= PARAGRAPH_WORDS:
                head[b] = head.setdefault(a, a)
    return head


def _take_out(lists: Sequence[tuple[Proposal, dict[int, list[tuple[int, str]]]]], key: Callable[[int, int], str],
              n: int) -> list[tuple[Proposal, list[tuple[str, str]]]]:
    """Remove from the list rules the lines that count against them on more than the tolerated share
    of pages; the rest of each rule stays. A paragraph in versions (`versions`) counts as one: when
    its versions together count against the rules on more than that share, every version is taken
    out, wherever the check found it the articles' own or not (a version found only on pages the
    check cannot read, a one-paragraph post's, is the same paragraph). Switches a rule off when
    nothing is left of it. Returns each rule changed and what was taken out of it, with why."""
    of_prop = []
    pages_of: dict[str, set[int]] = defaultdict(set)  # over all the list rules, for the versions
    why_of: dict[str, str] = {}
    for prop, bad in lists:
        mine: dict[str, set[int]] = defaultdict(set)
        for p, lines in bad.items():
            for i, why in lines:
                k = key(p, i)
                mine[k].add(p)
                pages_of[k].add(p)
                why_of.setdefault(k, why)
        of_prop.append((prop, mine))
    head = versions([ev[0] for prop, _ in lists for ev in prop.evidence])
    group: dict[str, set[int]] = defaultdict(set)
    for k, ps in pages_of.items():
        if k in head:
            group[head[k]] |= ps
    counted = {h for h, ps in group.items() if len(ps) > TOLERATED_SHARE * n}
    changes = []
    for prop, mine in of_prop:
        out = [(k, why_of[k]) for k, ps in mine.items() if len(ps) > TOLERATED_SHARE * n]
        done = {k for k, _ in out}
        for k, _ in prop.evidence:
            if k not in done and head.get(k) in counted:
                first = max((v for v in pages_of if head.get(v) == head[k]), key=lambda v: len(pages_of[v]))
                why = why_of.get(k) or (f"{why_of[first]}, in another version (the same first "
                                        f"{_shared_opening(k, first)} words)")
                out.append((k, why))
                done.add(k)
        if out:
            _drop_keys(prop, done)
            changes.append((prop, out))
    return changes


def _drop_keys(prop: Proposal, gone: set[str]) -> None:
    """Take the lines `gone` out of a list rule; switch it off when nothing is left."""
    keep = [(pat, ev) for pat, ev in zip(prop.keys["pattern"], prop.evidence, strict=True) if ev[0] not in gone]
    if not keep:
        prop.enabled = False
        prop.review = "every line of it is article text the defaults keep on the pages it was learned from"
    else:
        prop.keys["pattern"] = [pat for pat, _ in keep]
        prop.evidence = [ev for _, ev in keep]
        prop.drop = [ev.examples[0] for _, (_, ev) in keep[:3]]
