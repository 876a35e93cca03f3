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
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from . import engine
from .normalize import normalize_line, normalize_text
from .ruleset.loader import default_rules_dir, load_dir, load_text
from .ruleset.pack import RuleSet

if TYPE_CHECKING:
    from .suggest import Page, Proposal

PROSE_WORDS = 10  # a lost line this long, unique to its page, is taken for article text
TOLERATED_SHARE = 0.1  # pages on which a rule may lose article text and still be switched on
MAX_ROUNDS = 5
# Characters a line of prose ends with (as in maintext.py).
_SENTENCE_END = frozenset(".!?…:;\"'”’»)]。！？」』")


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


def default_kept(pages: Sequence[Page], site: str) -> list[set[int] | None]:
    """For each page, the indices of its lines the default rules keep (None when the page's lines
    do not line up with the engine's). The defaults do not change between rounds: cleaned once."""
    base = default_ruleset()
    out: list[set[int] | None] = []
    for page in pages:
        got = _engine_lines(page)
        if got is None:
            out.append(None)
            continue
        text, numbers = got
        gone = _removed_by(engine.run(text, base, site=site))
        out.append({i for i, n in enumerate(numbers) if n not in gone})
    return out


def pack_removed(pages: Sequence[Page], pack_text: str, site: str) -> list[dict[int, str]]:
    """For each page, line index -> id of the rule that removed it with the defaults plus the pack."""
    base = default_ruleset()
    rs = RuleSet([*base.packs, load_text(pack_text, "<suggest>")])
    rs.base = base
    out: list[dict[int, str]] = []
    for page in pages:
        got = _engine_lines(page)
        if got is None:
            out.append({})
            continue
        text, numbers = got
        gone = _removed_by(engine.run(text, rs, site=site))
        out.append({i: gone[n] for i, n in enumerate(numbers) if n in gone})
    return out


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


def _article_like(line: str) -> bool:
    """A sentence of some length: what a lost line must be to count against a rule."""
    return line.count(" ") + 1 >= PROSE_WORDS and line[-1] in _SENTENCE_END


@dataclass
class _Context:
    """What the check knows of the learning pages besides the cleanings."""

    pages: Sequence[Page]
    kept: list[set[int] | None]
    repeated: Callable[[int, int], bool]
    signatures: Callable[[int, int], list[int]]
    markers: dict[tuple[str, int], int] = field(default_factory=dict)  # (rule, page) -> first line it removed

    def in_article(self, p: int, i: int) -> bool:
        """Line i sits between two paragraphs of the article the defaults keep: the lines right above
        and below it are kept, unique to the page and article prose (a section heading)."""
        kept = self.kept[p] or set()

        def prose(k: int) -> bool:
            return k in kept and not self.repeated(p, k) and _article_like(self.pages[p].lines[k])

        return prose(i - 1) and prose(i + 1)

    def comment(self, p: int, marker: int, i: int) -> bool:
        """Line i, below a trailer marker, is part of a comment section: at or past the first
        signature, or above it when what lies between the marker and that signature is no longer
        than twice the longest comment (a blog may print a comment's text above its signature;
        a recipe between the marker and the comments is longer)."""
        sigs = self.signatures(p, marker - 1)
        if not sigs:
            return False
        if i >= sigs[0]:
            return True
        lines = self.pages[p].lines
        size = [sum(len(lines[k]) for k in range(a + 1, b)) for a, b in zip(sigs, sigs[1:], strict=False)]
        return sum(len(lines[k]) for k in range(marker + 1, sigs[0])) <= 2 * max(size, default=0)

    def against(self, prop: Proposal, p: int, i: int, marker: int) -> str | None:
        """Why losing line i of page p counts against the rule, or None. Article prose unique to its
        page counts, and so does a repeated line between two of its paragraphs (a section heading
        such as "What's the Big Idea?"): it repeats *because* it belongs to the articles. Other
        repeated lines do not count, even sentences the defaults keep: on blogs whose article the
        defaults miss, the "About me" box and the feed notice are what they keep."""
        if prop.kind == "trailer" and i != marker and self.comment(p, marker, i):
            return None
        if self.repeated(p, i):
            return "a repeated line inside the article the defaults keep" if self.in_article(p, i) else None
        return "article prose" if _article_like(self.pages[p].lines[i]) else None


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
    ctx = _Context(pages, default_kept(pages, site), repeated, signatures)
    taken_out: list[tuple[str, str, str]] = []
    for _ in range(MAX_ROUNDS):
        enabled = [p for p in props if p.enabled]
        if not enabled:
            return taken_out
        removed = pack_removed(pages, render(enabled), site)
        lost, ctx.markers = lost_lines(removed, ctx.kept), first_removed(removed)
        found = {}
        changed = False
        for prop in enabled:
            bad = _against(prop, lost.get(prop.id, []), ctx)
            if key is not None and isinstance(prop.keys.get("pattern"), list):
                out = _take_out(prop, bad, key, n)
                taken_out.extend((prop.id, k, why) for k, why in out)
                changed = changed or bool(out)
                continue
            if len(bad) > TOLERATED_SHARE * n:
                found[prop.id] = bad
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
        removed = pack_removed(pages, render([p for p in props if p.enabled]), site)
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


def _against(prop: Proposal, where: list[tuple[int, int]], ctx: _Context) -> dict[int, list[tuple[int, str]]]:
    """Page -> (line, why) of the lost lines that count against the rule (see _Context.against)."""
    bad: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for p, i in where:
        why = ctx.against(prop, p, i, ctx.markers.get((prop.id, p), i))
        if why:
            bad[p].append((i, why))
    return bad


def _take_out(prop: Proposal, bad: dict[int, list[tuple[int, str]]], key: Callable[[int, int], str],
              n: int) -> list[tuple[str, str]]:
    """Remove from a list rule the lines that count against it on more than the tolerated share of
    pages; the rest of the rule stays. Switches the rule off when nothing is left."""
    pages_of: dict[str, set[int]] = defaultdict(set)
    why_of: dict[str, str] = {}
    for p, lines in bad.items():
        for i, why in lines:
            k = key(p, i)
            pages_of[k].add(p)
            why_of.setdefault(k, why)
    out = [(k, why_of[k]) for k, ps in pages_of.items() if len(ps) > TOLERATED_SHARE * n]
    if not out:
        return []
    gone = {k for k, _ in out}
    keep = [(pat, ev) for pat, ev in zip(prop.keys["pattern"], prop.evidence, strict=True) if ev[0] not in gone]
    if not keep:
        prop.enabled = False
        prop.review = "every line of it is article text the defaults keep on the pages it was learned from"
    else:
        prop.keys["pattern"] = [pat for pat, _ in keep]
        prop.evidence = [ev for _, ev in keep]
        prop.drop = [ev.examples[0] for _, (_, ev) in keep[:3]]
    return out
