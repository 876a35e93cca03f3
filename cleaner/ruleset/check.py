"""`cleaner rules check`: warnings the loader cannot give from one file alone.

- patterns at risk of catastrophic backtracking: each is tried, with a timeout, on adversarial
  strings (long runs of one character class, near-misses built from the rule's own examples),
  and a probe that takes a noticeable time is tried again four times as long: a linear pattern
  takes four times as long, a backtracking one far longer. (The `regex` module cuts some
  exponential cases down to quadratic ones, which a fast machine answers within the timeout at
  one length; a 50 KB scraped line still takes it a minute);
- the same id defined in two packs (the later one silently replaces the first);
- rules shadowed by an earlier rule of the same stage, which takes every line they would act on;
- rules that never act on their pack's sample documents.

Errors (a pack that does not load, a pattern that times out) and warnings are kept apart so a
caller can fail on the first and only report the second.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from .kinds import BlockRule, LeadingRule, LineRule, Rule, TrailerRule
from .pack import Pack, RuleSet

TIMEOUT = 0.25  # seconds; a linear pattern needs microseconds on these strings
_RUN = 3000
# A probe answered in more than this many seconds is tried again `_LONGER` times as long; taking
# more than `_GROWTH` times as long there (linear: `_LONGER` times) is backtracking.
_NOTICEABLE = 0.005
_LONGER = 4
_GROWTH = 10


@dataclass
class Finding:
    level: str  # "error" or "warning"
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.level}: {self.where}: {self.message}"


def adversarial(rule: Rule, run: int = _RUN) -> list[tuple[str, str]]:
    """(label, text) probes of about `run` characters: runs that make nested or overlapping
    quantifiers explode."""
    probes = [
        (f"{run} x '{c}'", c * run + end)
        for c in ("a", "A", "1", " ", ".", "-", ":", "é")
        for end in ("!",)
    ]
    probes += [
        ("'a ' repeated", "a " * (run // 2) + "!"),
        ("'a.' repeated", "a." * (run // 2) + "\u0000"),
        ("'Ab1 ' repeated", "Ab1 " * (run // 4) + "\u0000"),
    ]
    for ex in (*rule.drop, *rule.keep)[:4]:
        if isinstance(ex, str) and ex:
            probes.append((f"example {ex[:30]!r} repeated", (ex.replace("\n", " ") + " ") * max(1, run // (len(ex) + 1)) + "\u0000"))
            head = ex[: max(1, len(ex) // 2)]
            probes.append((f"half of example {ex[:30]!r} then a long run", head + (head[-1:] or "a") * run + "\u0000"))
    return probes


def patterns_of(rule: Rule) -> list[tuple[str, regex.Pattern]]:
    out = []
    for key in ("pattern", "start", "end"):
        pat = getattr(rule, key, None)
        if isinstance(pat, regex.Pattern):
            out.append((key, pat))
    return out


def _seconds(pat: regex.Pattern, text: str, timeout: float) -> float | None:
    """CPU seconds one search of `text` takes, None when it does not answer within `timeout`
    (wall clock). CPU time, not wall time: on a loaded machine a linear pattern's search may wait
    for the processor longer than it runs, and would be taken for one that backtracks."""
    start = time.thread_time()
    try:
        pat.search(text, timeout=timeout)
    except TimeoutError:
        return None
    return time.thread_time() - start


def _grows(pat: regex.Pattern, took: float, long: str, timeout: float) -> str | None:
    """Why the search time of `pat` grows faster than its input, from `took` seconds on a probe
    to `long` (the probe `_LONGER` times as long), or None when it does not. A slow answer is
    timed again, up to three times, so that a pause of the machine is not taken for the pattern's cost."""
    limit = max(timeout, took * _GROWTH)
    longer = None
    for _ in range(3):  # the fastest of up to three: a slow answer may be the machine's, not the pattern's
        t = _seconds(pat, long, limit)
        if t is not None and (longer is None or t < longer):
            longer = t
        if longer is not None and longer <= took * _GROWTH:
            break
    if longer is None:
        return f"{took:.3f} s, and no answer within {limit:.2f} s on a run {_LONGER} times as long"
    if longer > took * _GROWTH:
        return f"{took:.3f} s, and {longer:.3f} s on a run {_LONGER} times as long"
    return None


def backtracking(rule: Rule, timeout: float = TIMEOUT) -> list[Finding]:
    found = []
    for key, pat in patterns_of(rule):
        probes = adversarial(rule)
        longer: list[tuple[str, str]] | None = None
        for n, (label, text) in enumerate(probes):
            took = _seconds(pat, text, timeout)
            why = None
            if took is None:
                why = f"no answer within {timeout} s"
            elif took > _NOTICEABLE:
                if longer is None:
                    longer = adversarial(rule, _RUN * _LONGER)
                again = _seconds(pat, text, timeout)  # the faster of two: a pause is no cost
                why = _grows(pat, min(took, again if again is not None else took), longer[n][1], timeout)
            if why:
                found.append(Finding(
                    "error", rule.where(),
                    f"rule '{rule.id}': {key} may backtrack catastrophically: {why} on {label}",
                ))
                break
    return found


def duplicate_ids(packs: Sequence[Pack]) -> list[Finding]:
    seen: dict[str, Rule] = {}
    out = []
    for p in packs:
        for r in p.rules:
            if r.id in seen:
                out.append(Finding("warning", r.where(), f"rule '{r.id}' is also defined at {seen[r.id].where()}; one replaces the other"))
            else:
                seen[r.id] = r
    return out


def _stage(rule: Rule) -> str | None:
    if isinstance(rule, TrailerRule):
        return "trailer"
    if isinstance(rule, LeadingRule):
        return "leading"
    if type(rule) is LineRule:
        return "line"
    if isinstance(rule, BlockRule):
        return "block"
    return None


def shadowed(rs: RuleSet, only: set[str] | None = None) -> list[Finding]:
    """A rule whose every drop example is taken by an earlier rule of the same stage."""
    out = []
    for k, rule in enumerate(rs.rules):
        stage = _stage(rule)
        if stage is None or (only is not None and rule.id not in only) or not rule.drop:
            continue
        earlier = [r for r in rs.rules[:k] if _stage(r) == stage]
        for other in earlier:
            if all(other.acts_on(ex) for ex in rule.drop):
                out.append(Finding(
                    "warning", rule.where(),
                    f"rule '{rule.id}' is shadowed by '{other.id}' ({other.where()}): it takes every line of its drop examples first",
                ))
                break
    return out


def never_matching(pack: Pack) -> list[Finding]:
    """Rules of a pack with samples that act on none of them."""
    from .packtest import clean_sample

    if not pack.samples or not pack.rules:
        return []
    fired: set[str] = set()
    for sample in pack.samples:
        try:
            result = clean_sample(pack, sample)
        except OSError as e:
            return [Finding("error", pack.path, f"cannot read sample {sample['input']}: {e}")]
        fired.update(r.rule for r in result.removed)
    return [
        Finding("warning", r.where(), f"rule '{r.id}' never acts on the pack's {len(pack.samples)} sample(s)")
        for r in pack.rules
        if r.id not in fired
    ]


def check_packs(packs: Sequence[Pack], context: Sequence[Pack] = ()) -> list[Finding]:
    """All findings for `packs`; `context` are the other packs they run with (the defaults)."""
    out: list[Finding] = []
    ids = {r.id for p in packs for r in p.rules}
    for p in packs:
        for r in p.rules:
            out.extend(backtracking(r))
    # duplicates among the checked packs and against the packs they run with
    mine = {id(p) for p in packs}
    out.extend(duplicate_ids([*packs, *[c for c in context if id(c) not in mine]]))
    for p in packs:
        always = [c for c in context if not c.is_site_pack and id(c) not in mine]
        rs = RuleSet([*always, p])
        out.extend(shadowed(rs, only={r.id for r in p.rules} & ids))
        out.extend(never_matching(p))
    if not packs:
        out.append(Finding("warning", "-", "no packs to check"))
    return out
