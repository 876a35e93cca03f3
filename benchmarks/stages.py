"""Where a text-mode page's time goes: CPU milliseconds per page in each pipeline stage.

    python -m benchmarks.stages                 # aeb text pages, 3 passes
    python -m benchmarks.stages --passes 5 --set trafilatura_evaldata.text.jsonl.gz

Runs the steps of `engine.run` (as `Cleaner.clean` calls it: url and host) with every stage wrapped in a CPU-time counter (process time, so another
process on the machine changes the figures less than wall time would). "normalise" is the text
and line normalisation before the stages, "result" the paragraphs and removal list after them.
The rule sets build match plans lazily (see `benchmarks/speed.py`), so the first of the passes
costs more than the others; the figures are the mean over all passes.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict

from .data import eval_dir, load


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", default="aeb.text.jsonl.gz", help="evaluation file with raw_text records")
    ap.add_argument("--passes", type=int, default=3)
    a = ap.parse_args(argv)
    if not (eval_dir() / a.set).exists():
        print(f"{a.set} not found in {eval_dir()} (set CLEANER_EVAL_DIR)", file=sys.stderr)
        return 2
    from cleaner import Cleaner, engine
    from cleaner.document import Document
    from cleaner.normalize import normalize_line, normalize_text, paragraphs
    from cleaner.ruleset.hosts import host_of

    texts = load(a.set)
    c = Cleaner()
    clock = time.process_time
    spent: dict[str, float] = defaultdict(float)

    def timed(stage):  # noqa: ANN001, ANN202
        def run(doc, rs):  # noqa: ANN001, ANN202
            t0 = clock()
            stage(doc, rs)
            spent[stage.__name__.removeprefix("stage_")] += clock() - t0
        return run

    stages = [timed(s) for s in engine.STAGES]
    for r in texts[:3]:
        c.clean(r["raw_text"], url=r["url"], format="text")
    spent.clear()
    t_all = clock()
    for _ in range(a.passes):
        for r in texts:
            rs = c.ruleset_for(r["url"])
            t0 = clock()
            text, _ = normalize_text(r["raw_text"])
            doc = Document([normalize_line(x) for x in text.split("\n")], url=r["url"], host=host_of(r["url"]))
            spent["normalise"] += clock() - t0
            for s in stages:
                s(doc, rs)
            t0 = clock()
            paragraphs(doc.kept_lines())
            doc.removals()
            spent["result"] += clock() - t0
    total = clock() - t_all
    n = a.passes * len(texts)
    print(f"{a.set}: {len(texts)} pages x {a.passes} passes, CPU ms per page\n")
    print("| stage | ms/page |")
    print("|---|---:|")
    for name, secs in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"| {name} | {1000 * secs / n:.2f} |")
    print(f"| **total** | **{1000 * total / n:.2f}** |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
