"""Run a rule's own examples: `drop` lines it must act on, `keep` lines it must leave alone, and
whole-document `cases` (input -> output, fields). Used by the test suite and `cleaner rules test`.
"""

from __future__ import annotations

from dataclasses import dataclass

from .kinds import Rule
from .pack import Pack, RuleSet


@dataclass
class ExampleFailure:
    rule: str
    where: str
    what: str  # "drop", "keep", "case", "missing"
    example: str
    detail: str = ""

    def __str__(self) -> str:
        head = f"{self.where}: rule '{self.rule}': {self.what} example"
        return f"{head} failed: {self.example!r}" + (f"\n    {self.detail}" if self.detail else "")


def _single(rule: Rule) -> RuleSet:
    return RuleSet([Pack(name=rule.pack, path=rule.source, rules=[rule])])


def check_rule(rule: Rule, *, require_examples: bool = True) -> list[ExampleFailure]:
    """Every failing example of one rule (an empty list when all pass)."""
    from ..engine import run

    fails: list[ExampleFailure] = []
    where = rule.where()
    if require_examples and not (rule.drop or rule.cases):
        fails.append(ExampleFailure(rule.id, where, "missing", "", "the rule has no 'drop' or 'cases' examples"))
    if require_examples and not rule.keep:
        fails.append(ExampleFailure(rule.id, where, "missing", "", "the rule has no 'keep' examples"))
    for ex in rule.drop:
        if not rule.acts_on(ex):
            fails.append(ExampleFailure(rule.id, where, "drop", ex, "the rule does not act on it"))
    for ex in rule.keep:
        if rule.acts_on(ex):
            fails.append(ExampleFailure(rule.id, where, "keep", ex, "the rule acts on it"))
    if rule.cases:
        rs = _single(rule)
        for case in rule.cases:
            result = run(case["input"], rs)
            if "output" in case and result.text != case["output"].strip():
                fails.append(
                    ExampleFailure(rule.id, where, "case", case["input"], f"got {result.text!r}, want {case['output']!r}")
                )
            for key, want in (case.get("fields") or {}).items():
                got = result.metadata.get(key)
                if got != want:
                    fails.append(ExampleFailure(rule.id, where, "case", case["input"], f"field {key}: got {got!r}, want {want!r}"))
    return fails
