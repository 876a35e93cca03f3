"""Same output before and after a speed change: clean the evaluation pages and compare with a
baseline saved from the code before the change.

    python -m benchmarks.identity --save                # on the commit before the change
    python -m benchmarks.identity                       # after it: exit 1 and a diff when any page differs
    python -m benchmarks.identity --baseline /tmp/b.jsonl.gz --sets aeb.text.jsonl.gz

Every text page of aeb, trafilatura_evaldata, dragnet and htmldate_bbaw (`raw_text`, cleaned as
text with its URL) and the aeb HTML pages (cleaned as HTML) are cleaned with the default rules;
for each page the text, metadata, sources and removals (rule, kind, lines, text, span) are
compared. The baseline lives outside the repository (default: the system's temporary folder),
since it is made from, and only meaningful for, one checkout's code.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from .data import REPO, eval_dir, read_jsonl

# (file, field with the content, format)
SETS = (
    ("aeb.text.jsonl.gz", "raw_text", "text"),
    ("trafilatura_evaldata.text.jsonl.gz", "raw_text", "text"),
    ("dragnet.text.jsonl.gz", "raw_text", "text"),
    ("htmldate_bbaw.jsonl.gz", "raw_text", "text"),
    ("aeb.html.jsonl.gz", "html", "html"),
)
# One per checkout (worktrees side by side must not share one).
DEFAULT_BASELINE = Path(tempfile.gettempdir()) / f"cleaner-identity-{REPO.name}.jsonl.gz"


def outputs(sets: list[tuple[str, str, str]]) -> dict[str, dict[str, Any]]:
    """Each page's result as plain data, keyed by "<file>#<n>" (position in the file)."""
    from cleaner import Cleaner

    c = Cleaner()
    out: dict[str, dict[str, Any]] = {}
    for name, field, fmt in sets:
        t0 = time.perf_counter()
        n = 0
        for n, r in enumerate(read_jsonl(eval_dir() / name)):
            content = r.get(field)
            if not content:
                continue
            res = c.clean(content, url=r.get("url"), format=fmt)
            page = {
                "text": res.text,
                "metadata": res.metadata,
                "sources": res.sources,
                "removed": [x.to_dict() for x in res.removed],
            }
            out[f"{name}#{n}"] = json.loads(json.dumps(page, ensure_ascii=False))  # as the baseline reads back
        print(f"{name}: {n + 1} pages cleaned in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    return out


def _first_difference(a: Any, b: Any, path: str = "") -> str:
    """Where two JSON values first differ, e.g. "removed[3].rule: 'x' != 'y'"."""
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b)):
            if a.get(k) != b.get(k):
                return _first_difference(a.get(k), b.get(k), f"{path}.{k}" if path else k)
    if isinstance(a, list) and isinstance(b, list):
        for i, (x, y) in enumerate(zip(a, b, strict=False)):
            if x != y:
                return _first_difference(x, y, f"{path}[{i}]")
        if len(a) != len(b):
            return f"{path}: {len(a)} items != {len(b)} items"
    return f"{path}: {str(a)[:200]!r} != {str(b)[:200]!r}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--save", action="store_true", help="write the baseline instead of comparing with it")
    ap.add_argument("--baseline", type=Path, default=DEFAULT_BASELINE)
    ap.add_argument("--sets", nargs="*", help="only these files (default: all five)")
    ap.add_argument("--show", type=int, default=10, help="list at most this many differing pages")
    a = ap.parse_args(argv)
    sets = [s for s in SETS if not a.sets or s[0] in a.sets]
    missing = [s[0] for s in sets if not (eval_dir() / s[0]).exists()]
    if missing:
        print(f"not found in {eval_dir()}: {', '.join(missing)}", file=sys.stderr)
        return 2
    got = outputs(sets)
    if a.save:
        tmp = a.baseline.with_name(a.baseline.name + ".partial")
        with gzip.open(tmp, "wt", encoding="utf-8") as f:
            for key, value in got.items():
                f.write(json.dumps({"key": key, **value}, ensure_ascii=False) + "\n")
        tmp.replace(a.baseline)
        print(f"baseline of {len(got)} pages written to {a.baseline}")
        return 0
    if not a.baseline.exists():
        print(f"no baseline at {a.baseline}: make one with --save on the code before the change", file=sys.stderr)
        return 2
    with gzip.open(a.baseline, "rt", encoding="utf-8") as f:  # --save writes gzip, whatever the name
        base = {r.pop("key"): r for r in map(json.loads, filter(str.strip, f))}
    keys = [k for k in got if k in base] if a.sets else sorted(set(got) | set(base))
    differ = [k for k in keys if got.get(k) != base.get(k)]
    for k in differ[:a.show]:
        print(f"{k}: {_first_difference(base.get(k), got.get(k))}")
    print(f"{len(keys) - len(differ)} of {len(keys)} pages identical to the baseline ({a.baseline})")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
