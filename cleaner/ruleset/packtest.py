"""`cleaner rules test`: run every rule's own examples and every pack's sample documents.

A sample is a whole page kept beside its pack (`[[sample]]` in the pack file): it is cleaned with
the default rules plus the pack, as a user of the pack would, and the output must equal the
`expected` file and/or contain every `contains` fragment and none of the `not_contains` ones.
Failures come with a unified diff, so a broken pack says what changed, not just that it did.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from .examples import check_rule
from .pack import Pack


@dataclass
class Failure:
    where: str
    message: str
    diff: str = ""

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" + (f"\n{self.diff}" if self.diff else "")


@dataclass
class PackReport:
    pack: Pack
    rules: int = 0
    examples: int = 0
    samples: int = 0
    failures: list[Failure] | None = None

    @property
    def ok(self) -> bool:
        return not self.failures


def unified(want: str, got: str, name: str) -> str:
    """A readable line diff: what the sample expects (-) against what came out (+)."""
    lines = difflib.unified_diff(
        want.splitlines(), got.splitlines(), fromfile=f"{name} (expected)", tofile=f"{name} (got)", lineterm="", n=1
    )
    return "\n".join("    " + x for x in lines)


def clean_sample(pack: Pack, sample: dict, *, defaults: bool = True):
    """Clean one sample page with the default rules plus the pack (imports the API lazily)."""
    from ..api import Cleaner

    text = Path(sample["input"]).read_text(encoding="utf-8")
    cleaner = Cleaner(rules=[pack.path], defaults=defaults)
    site = None if sample.get("url") else (pack.sites[0] if pack.sites else None)
    return cleaner.clean(text, url=sample.get("url"), site=site, format="text")


def run_samples(pack: Pack) -> tuple[int, list[Failure]]:
    fails: list[Failure] = []
    for n, sample in enumerate(pack.samples, 1):
        where = f"{pack.path}: sample {n} ({Path(sample['input']).name})"
        try:
            got = clean_sample(pack, sample).text
        except OSError as e:
            fails.append(Failure(where, f"cannot read the sample: {e}"))
            continue
        if "expected" in sample:
            try:
                want = Path(sample["expected"]).read_text(encoding="utf-8").strip()
            except OSError as e:
                fails.append(Failure(where, f"cannot read the expected output: {e}"))
            else:
                if got.strip() != want:
                    fails.append(Failure(where, "output differs from the expected file", unified(want, got, Path(sample["input"]).name)))
        for frag in sample.get("contains", ()):
            if frag not in got:
                fails.append(Failure(where, f"must contain {frag!r}, but it was removed"))
        for frag in sample.get("not_contains", ()):
            if frag in got:
                line = next((x for x in got.splitlines() if frag in x), frag)
                fails.append(Failure(where, f"must not contain {frag!r}, but it stayed: {line[:120]!r}"))
        if not any(k in sample for k in ("expected", "contains", "not_contains")):
            fails.append(Failure(where, "the sample says nothing about its output (expected, contains or not_contains)"))
    return len(pack.samples), fails


def run_pack(pack: Pack) -> PackReport:
    """Every rule's examples and every sample of one pack."""
    report = PackReport(pack, rules=len(pack.rules), failures=[])
    for rule in pack.rules:
        report.examples += len(rule.drop) + len(rule.keep) + len(rule.cases)
        for f in check_rule(rule):
            report.failures.append(Failure(f.where, f"rule '{f.rule}': {f.what} example failed: {f.example!r}", f"    {f.detail}" if f.detail else ""))
    report.samples, fails = run_samples(pack)
    report.failures.extend(fails)
    return report
