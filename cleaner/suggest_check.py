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


def lost_lines(pages: Sequence[Page], pack_text: str, site: str) -> dict[str, list[tuple[int, int]]]:
    """Rule id -> (page, line) of the lines the defaults keep and the pack's rules remove."""
    base = default_ruleset()
    pack = load_text(pack_text, "<suggest>")
    rs = RuleSet([*base.packs, pack])
    rs.base = base
    out: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for p, page in enumerate(pages):
        got = _engine_lines(page)
        if got is None:
            continue
        text, numbers = got
        gone0 = _removed_by(engine.run(text, base, site=site))
        gone1 = _removed_by(engine.run(text, rs, site=site))
        for i, n in enumerate(numbers):
            if n not in gone0 and n in gone1:
                out[gone1[n]].append((p, i))
    return out


def _article_like(line: str) -> bool:
    """A sentence of some length: what a lost line must be to count against a rule."""
    return line.count(" ") + 1 >= PROSE_WORDS and line[-1] in _SENTENCE_END


def check(props: Sequence[Proposal], pages: Sequence[Page], site: str, *, repeated: Callable[[int, int], bool],
          comments_after: Callable[[int, int], bool], render: Callable[[Sequence[Proposal]], str]) -> None:
    """Switch off (with evidence) the proposals that remove article prose the defaults keep on the
    learning pages; add the check's result to every enabled proposal's evidence.

    `repeated(p, i)`: line i of page p is one of the site's repeated lines; `comments_after(p, i)`:
    a comment section follows line i; `render`: the pack's TOML for some proposals. Switching a
    rule off can hand its lines to another (a second trailer marker just below the first), so the
    check runs again until no rule is switched off."""
    n = len(pages)
    for _ in range(MAX_ROUNDS):
        enabled = [p for p in props if p.enabled]
        if not enabled:
            return
        lost = lost_lines(pages, render(enabled), site)
        found = {}
        for prop in enabled:
            prose = _article_lines(prop, lost.get(prop.id, []), pages, repeated, comments_after)
            if len(prose) > TOLERATED_SHARE * n:
                found[prop.id] = prose
        for prop in enabled:
            prose = found.get(prop.id)
            if prose is None:
                continue
            p0 = min(prose)
            prop.enabled = False
            prop.review = (
                "on the pages it was learned from it removes text the defaults keep as article prose; "
                "switch on only if that text is not part of the articles"
            )
            prop.notes.append(
                f"self-check: removes {sum(map(len, prose.values()))} article-like lines the defaults keep, on "
                f"{len(prose)} of {n} pages, e.g. {prose[p0][0][:80]!r} ({pages[p0].name})"
            )
        if not found:
            break
    for prop in props:
        if not prop.enabled:
            continue
        where = lost.get(prop.id, [])
        note = f"self-check: on the {n} pages it was learned from it removes "
        if not where:
            prop.notes.append(note + "nothing the defaults keep")
            continue
        prose = _article_lines(prop, where, pages, repeated, comments_after)
        note += f"{len(where)} lines the defaults keep"
        if prose:
            note += f", article-like ones on {len(prose)} page(s) only (tolerated: {TOLERATED_SHARE:.0%} of the pages)"
        else:
            note += " (repeated lines, short lines or no sentences)"
        prop.notes.append(note)


def _article_lines(prop: Proposal, where: list[tuple[int, int]], pages: Sequence[Page],
                   repeated: Callable[[int, int], bool], comments_after: Callable[[int, int], bool]) -> dict[int, list[str]]:
    """Page -> the lost lines that look like article text (comments below a trailer excepted)."""
    marker: dict[int, int] = {}  # page -> first line a trailer removed (about its marker)
    for p, i in where:
        marker.setdefault(p, i)
    prose: dict[int, list[str]] = defaultdict(list)
    for p, i in where:
        line = pages[p].lines[i]
        if not _article_like(line) or repeated(p, i):
            continue
        if prop.kind == "trailer" and comments_after(p, marker[p] - 1):
            continue
        prose[p].append(line)
    return prose
