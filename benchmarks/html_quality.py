"""HTML input, side by side in one run: cleaner vs trafilatura vs readability-lxml on the
article-extraction benchmark's HTML pages (aeb metric: F1 / precision / recall, and docs/s).

    python -m benchmarks.html_quality [--limit N] [--worst 10]

trafilatura runs as its evaluation reference does (`extract`, comments off, everything else
default); readability-lxml as `Document(html).summary()` reduced to its text. Each system gets the
same page strings, one after another, in one process; the time is wall time per system.
Predictions go to `benchmarks/results/aeb_html.<system>.jsonl`.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path

from .data import REPO, load
from .metrics import body_scores, doc_prf

RESULTS = REPO / "benchmarks" / "results"


def run_cleaner() -> Callable[[dict], str]:
    from cleaner import Cleaner

    c = Cleaner()
    return lambda r: c.clean(r["html"], url=r["url"], format="html").text


def run_trafilatura() -> Callable[[dict], str]:
    import trafilatura

    return lambda r: trafilatura.extract(r["html"], url=r["url"], include_comments=False) or ""


def run_readability() -> Callable[[dict], str]:
    import logging

    import lxml.html
    from readability import Document

    logging.getLogger("readability").setLevel(logging.ERROR)

    def f(r: dict) -> str:
        try:
            summary = Document(r["html"]).summary(html_partial=True)
        except Exception:  # noqa: BLE001 - readability fails on some pages; count it as empty
            return ""
        if not summary.strip():
            return ""
        return lxml.html.fromstring(summary).text_content()

    return f


SYSTEMS = {"cleaner": run_cleaner, "trafilatura": run_trafilatura, "readability": run_readability}


def write_jsonl(path: Path, rows: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    tmp.replace(path)


def main(argv: list[str] | None = None) -> dict[str, dict[str, float]]:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--systems", default=",".join(SYSTEMS))
    ap.add_argument("--worst", type=int, default=0, help="list the cleaner's N worst pages")
    args = ap.parse_args(argv)
    recs = load("aeb.html.jsonl.gz", args.limit)
    golds = [r["gold_text"] for r in recs]
    table: dict[str, dict[str, float]] = {}
    preds_by: dict[str, list[str]] = {}
    for name in args.systems.split(","):
        fn = SYSTEMS[name]()
        fn(recs[0])  # warm-up: imports and lazy initialisation are not part of the timing
        t0 = time.perf_counter()
        preds = [fn(r) for r in recs]
        dt = time.perf_counter() - t0
        s = body_scores(golds, preds)
        s["docs_per_s"] = len(recs) / dt if dt else 0.0
        table[name] = s
        preds_by[name] = preds
        write_jsonl(RESULTS / f"aeb_html.{name}.jsonl", [{"id": r["id"], "text": p} for r, p in zip(recs, preds, strict=True)])
    print(f"aeb HTML ({len(recs)} pages)")
    print(f"{'system':<14}{'F1':>8}{'P':>8}{'R':>8}{'docs/s':>9}")
    for name, s in table.items():
        print(f"{name:<14}{s['f1']:>8.3f}{s['precision']:>8.3f}{s['recall']:>8.3f}{s['docs_per_s']:>9.1f}")
    if args.worst and "cleaner" in preds_by:
        rows = sorted(
            ((doc_prf(g, p), r["id"]) for g, p, r in zip(golds, preds_by["cleaner"], recs, strict=True)),
        )
        rows.sort(key=lambda x: x[0][2])
        for (p, r, f), rid in rows[: args.worst]:
            print(f"  {rid}  P {p:.2f} R {r:.2f} F1 {f:.2f}")
    return table


if __name__ == "__main__":
    main()
