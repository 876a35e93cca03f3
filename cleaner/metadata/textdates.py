"""The publication date from the text itself: bylines and datelines found by the date rules.

Runs after the title stage, so it knows where the headline was. Every date the `date` rules find
is a candidate; label rules say what a date is: 'published' (the original date: trusted first),
'updated' (a later change: used only when no other date is given), 'ignore' (copyright lines and
comments: never counted). Among unlabelled dates the first one from the headline on wins, which
keeps the dates of related articles and comments further down out. A line that is nothing but the
dateline ("Published April 7, 2025 10:32") leaves the text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

import regex

from ..document import Document
from ..quotes import is_attribution
from ..ruleset.kinds import DateRule, word_count
from ..ruleset.literals import fold
from ..ruleset.pack import RuleSet
from ..ruleset.shapes import faithful, passes_compiled, zeroed

# How many lines before the headline a dateline may stand (kickers, datelines above the title).
BEFORE_HEADLINE = 3
# Every date pattern needs a four-digit year; lines without one are not searched further.
# Both alternatives start with a digit; the lookahead saying so first makes `regex` try far fewer
# places (about a quarter less time on a line), and matches nothing else.
_YEAR = regex.compile(r"(?=\d)(?:(?<!\d)(?:19|20)\d\d(?!\d)|(?<![\d.])\d\d?\s?[./]\s?\d\d?\s?[./]\s?\d\d(?![\d.]))")
# Two digits in a row: every match of `_YEAR` holds them (the same `\d` as `_YEAR`'s).
_TWO_DIGITS = regex.compile(r"\d\d")
# Characters around a year that a date expression may span (weekday, day, month; time, zone).
WINDOW_BEFORE = 32
WINDOW_AFTER = 30
# A date in a line of at most this many words is a byline or dateline; in a longer line it is
# a date the prose mentions, used only when no dateline gives one.
DATELINE_WORDS = 15
# A dateline line leaves the text when at most this many words remain besides date and labels.
MAX_REST_WORDS = 6


@dataclass
class Candidate:
    iso: str
    index: int  # position among the alive lines
    line: int  # line number in the document
    start: int
    end: int
    rule: DateRule
    role: str = "date"  # date | published | updated
    label: DateRule | None = None
    dateline: bool = True  # the line is short: a byline or dateline, not prose


def _years_by_line(texts: list[str]) -> dict[int, list[tuple[int, int]]]:
    """Where `_YEAR` matches in each of these lines ({line position: [(start, end), ...]} for
    the lines with a match). One scan of the lines joined finds those with two digits in a row,
    and only they are searched (a search of every line costs more)."""
    joined = "\n".join(texts)
    search, find, count = _TWO_DIGITS.search, joined.find, joined.count
    out: dict[int, list[tuple[int, int]]] = {}
    k = pos = 0
    while True:
        m = search(joined, pos)
        if m is None:
            return out
        start = m.start()
        nl = count("\n", pos, start)
        k += nl
        line_start = joined.rfind("\n", 0, start) + 1 if nl else pos
        # A match holds two digits in a row and starts at most 8 characters before them; it holds
        # "19" or "20", or two of "." and "/" (a line with neither is not searched).
        text = texts[k]
        if "19" in text or "20" in text or text.count(".") + text.count("/") >= 2:
            spans = [y.span() for y in _YEAR.finditer(text, max(0, start - line_start - 8))]
            if spans:
                out[k] = spans
        pos = find("\n", start) + 1
        if not pos:
            return out
        k += 1


def _windows(text: str, years: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Stretches of a line around its four-digit years, where dates can be: trying the date
    patterns only there is many times faster than scanning long lines with each of them.
    `years` are the spans of `_YEAR` in the line when known."""
    out: list[tuple[int, int]] = []
    for ys, ye in years if years is not None else (m.span() for m in _YEAR.finditer(text)):
        a = text.rfind(" ", 0, max(0, ys - WINDOW_BEFORE)) + 1
        b = text.find(" ", min(len(text), ye + WINDOW_AFTER))
        b = len(text) if b < 0 else b
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _labels(rs: RuleSet, text: str) -> list[tuple[int, int, DateRule]]:
    out: list[tuple[int, int, DateRule]] = []
    low = fold(text)
    if rs.date_label_search is not None and rs.date_label_search(low) is None:
        return out  # the line holds none of the strings any label needs
    for rule in rs.date_labels:
        need = rule.needs
        if need is not None and not need.may_match(text, low):
            continue  # the line lacks every string the label needs
        for m in rule.pattern.finditer(text):
            if m.end() > m.start():
                out.append((m.start(), m.end(), rule))
    return out


def candidates(doc: Document, rs: RuleSet) -> list[Candidate]:
    """Every date the rules find in the kept lines, with the label that qualifies it."""
    out: list[Candidate] = []
    alive = doc.alive()
    years = _years_by_line([doc.lines[i] for i in alive])
    # Each rule with its shape test; for a test of one alternative, the part its first
    # requirement's strings share, without which the test says no (tested here, without a call).
    tests = []
    for rule in rs.dates:
        shape = rule.shape_test
        gate = shape[0][0][0][0] if shape is not None and len(shape[0]) == 1 else ""
        tests.append((rule, shape, gate))
    for k in sorted(years):
        i = alive[k]
        text = doc.lines[i]
        finds = []
        seen: set[tuple[int, int]] = set()
        for a, b in _windows(text, years[k]):
            seg = text[a:b]
            low = fold(seg)
            plain_shape: str | None
            low_shape: str | None
            if faithful(seg):  # the window in shape (see ruleset/shapes.py)
                plain_shape, low_shape = zeroed(seg), zeroed(low)
            else:
                plain_shape = low_shape = None
            for rule, shape, gate in tests:
                if shape is not None and plain_shape is not None:
                    hay = cast(str, low_shape if shape[1] else plain_shape)  # (both set together)
                    if gate not in hay or not passes_compiled(shape[0], hay):
                        continue  # the window holds the shape of none of this rule's dates
                else:
                    need = rule.needs
                    if need is not None and not need.may_match(seg, low):
                        continue  # the window lacks every string a match of this rule holds
                for f in rule.dates(text, order=rs.date_format, timezone=rs.timezone, pos=a, endpos=b):
                    if (f.start, f.end) not in seen:
                        seen.add((f.start, f.end))
                        finds.append((f.start, -(f.end - f.start), f, rule))
        if not finds:
            continue
        labels = _labels(rs, text)
        if any(r.role == "ignore" for _, _, r in labels):
            continue
        short = word_count(text) <= DATELINE_WORDS
        # A label alone on the line before ("Published:") qualifies this line's first date.
        prev_label = None
        if k > 0 and len(doc.lines[alive[k - 1]]) < 60 and k - 1 not in years:
            prev = [r for _, _, r in _labels(rs, doc.lines[alive[k - 1]])]
            prev_label = prev[0] if prev and prev[0].role != "ignore" else None
        finds.sort(key=lambda x: (x[0], x[1]))
        taken_to = -1
        first = True
        for start, _neg, f, rule in finds:
            if start < taken_to:
                continue  # overlaps a longer match found at an earlier or the same position
            taken_to = f.end
            before = [(s, r) for s, e, r in labels if e <= f.start + 1]
            after = [(s, r) for s, e, r in labels if s >= f.end - 1]
            label: DateRule | None
            if before:
                label = max(before, key=lambda x: x[0])[1]
            elif first and prev_label is not None:
                label = prev_label
            else:  # "Der Beitrag wurde am 27. November 2019 veröffentlicht"
                label = min(after, key=lambda x: x[0])[1] if after else None
            role = label.role if label is not None else "date"
            out.append(Candidate(f.iso, k, i, f.start, f.end, rule, role, label, short))
            first = False
    return out


def choose(cands: list[Candidate], headline: int | None) -> Candidate | None:
    """The publication date among the candidates, by tiers: a date labelled 'published'; an
    unlabelled date in a byline or dateline; an 'updated' one there; a date the prose mentions.
    Within a tier, the first one from a few lines above the headline on (when the headline is
    known), else the first one."""
    tiers = (
        [c for c in cands if c.role == "published"],
        [c for c in cands if c.role == "date" and c.dateline],
        [c for c in cands if c.role == "updated" and c.dateline],
        [c for c in cands if c.role == "date"],
        cands,
    )
    for tier in tiers:
        if not tier:
            continue
        if headline is not None:
            after = [c for c in tier if c.index >= headline - BEFORE_HEADLINE]
            if after:
                return after[0]
        return tier[0]
    return None


def _headline_index(doc: Document, alive_all: list[int]) -> int | None:
    """Position (among kept lines) where the article's headline stood, when the title stage
    found it repeated in the text."""
    titled = [i for i, rb in enumerate(doc.removed_by) if rb is not None and rb[1] == "title"]
    if len(titled) < 2:
        return None
    at = titled[1]
    return sum(1 for i in alive_all if i < at)


def _rest_words(doc: Document, rs: RuleSet, c: Candidate) -> int:
    text = doc.lines[c.line]
    spans = [(c.start, c.end)] + [(s, e) for s, e, _ in _labels(rs, text)]
    keep = [ch if not any(s <= n < e for s, e in spans) else " " for n, ch in enumerate(text)]
    rest = "".join(keep).strip(" \t.,;:|-–—·•()[]/")
    return word_count(" ".join(rest.split()))


def find(doc: Document, rs: RuleSet) -> tuple[Candidate | None, list[Candidate]]:
    """The chosen date of a document (after the title stage ran) and all candidates."""
    if not rs.dates:
        return None, []
    cands = candidates(doc, rs)
    if not cands:
        return None, cands
    return choose(cands, _headline_index(doc, doc.alive())), cands


def source_of(c: Candidate) -> str:
    """The provenance of a date: its rule id, plus the label rule's id when a label qualified it."""
    return c.rule.id if c.label is None else f"{c.rule.id}+{c.label.id}"


def stage_dates(doc: Document, rs: RuleSet) -> None:
    """Fill metadata['date'] from a byline or dateline when no header or page metadata gave it."""
    best, cands = find(doc, rs)
    if best is None:
        return
    have = doc.metadata.get("date")
    if have is None:
        doc.set_meta("date", best.iso, source_of(best))
    elif str(have)[:10] != best.iso[:10]:
        return  # a more trusted source gave another date: leave the text alone
    updated = next((c for c in cands if c.role == "updated" and c.dateline), None)
    if updated is not None and updated is not best:
        doc.set_meta("updated", updated.iso, source_of(updated))
        if _rest_words(doc, rs, updated) <= MAX_REST_WORDS:
            doc.remove(updated.line, updated.rule.id, "date")
    if _rest_words(doc, rs, best) <= MAX_REST_WORDS and not is_attribution(doc.lines[best.line]):
        doc.remove(best.line, best.rule.id, "date")
