"""The line matcher's first-character dispatch must not change which rule matches a line."""

from __future__ import annotations

from cleaner import Cleaner
from cleaner.normalize import normalize_line
from cleaner.ruleset.matcher import LineMatcher, anchored


def _brute_first(rules, line):
    return next((r for r in rules if r.match(line)), None)


def _example_lines(rules):
    for r in rules:
        for ex in (*r.drop, *r.keep):
            if isinstance(ex, str):
                for x in ex.split("\n"):
                    if normalize_line(x):
                        yield normalize_line(x)


def test_dispatch_agrees_with_trying_every_rule(fixtures):
    rs = Cleaner().ruleset_for(None, site="tampafp.com")
    every = Cleaner().rules
    lines = list(_example_lines(every))
    for f in (fixtures / "seeds").glob("*.txt"):
        lines += [normalize_line(x) for x in f.read_text().split("\n") if normalize_line(x)]
    # Variants that move a match off the line start, or change its case.
    lines += [x.upper() for x in lines] + ["x " + x for x in lines] + [x.lower() for x in lines]
    lines += [x + "\n" for x in lines[:2000]]  # `$` also matches before a final newline
    matched = 0
    for matcher in (rs.lines, rs.trailers, rs.leading, LineMatcher(rs.lines.rules[::-1])):
        for line in lines:
            got = matcher.first(line)
            assert got is _brute_first(matcher.rules, line), line
            matched += got is not None
    assert matched > 100  # the examples do exercise the rules


def test_anchored_patterns():
    assert anchored(r"^(?:a|b)c$") and anchored(r"(?:^a)|(?:^b)") and anchored(r"(?P<x>^a)")
    assert not anchored(r"a|^b") and not anchored(r"(?:^a|b)") and not anchored(r"(^a)*b")
    assert not anchored(r"(?=^a)b") and not anchored(r"[(]^a")


def test_groups_behind_a_plan_passed_by_its_prefixes():
    """A line that passes a plan's quick test by a prefix is asked once whether it holds any of
    the plan's strings; the groups after that agree with trying every rule."""
    import regex

    from cleaner.ruleset.kinds import LineRule

    rules = [LineRule(id=f"menu{k}", pattern=regex.compile(rf"^menu item {k}$")) for k in range(10)]
    rules += [LineRule(id="photo", pattern=regex.compile(r"\(photo\b")),
              LineRule(id="ad", pattern=regex.compile(r"\[ad\]"))]
    matcher = LineMatcher(rules)
    lines = ["menu item 3", "menu item x (photo)", "menu item x", "credit (photo)", "menu item 12 [ad]",
             "menu item 3 " + "x " * 40 + "(photo)", "nothing here at all"]
    got = [getattr(matcher.first(x), "id", None) for x in lines]
    assert got == [getattr(_brute_first(rules, x), "id", None) for x in lines]
    assert got == ["menu3", "photo", None, "photo", "ad", "photo", None]
