"""Quality benchmark: run the cleaner over gold JSON-lines files and score what it keeps.

    python -m benchmarks.quality                      # both sets, table + worst pages + per-rule table
    python -m benchmarks.quality --set aeb --worst 10 # one set, more failure listings
    python -m benchmarks.quality --check-score        # also run ../shared/eval/score.py on the
                                                      # saved predictions and compare the figures
    python -m benchmarks.quality --json out.json      # the figures as JSON (the gate reads these)

Sets: `aeb` (article bodies, the article-extraction-benchmark shingle metric) and `snippets`
(trafilatura's evaluation set: `with` snippets that must be kept, `without` that must go).
Predictions are saved to `benchmarks/results/<set>.pred.jsonl` (gitignored) for inspection and for
score.py. Pages are cleaned from their plain text (`raw_text`, format="text") with their URL, in
one process; documents/s counts cleaning only (reading and scoring excluded).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from benchmarks import data, metrics

RESULTS = data.REPO / "benchmarks" / "results"

SETS = {
    "aeb": "aeb.text.jsonl.gz",
    "snippets": "trafilatura_evaldata.text.jsonl.gz",
    # Not tuned on: a check of generality. Its gold keeps titles, bylines and captions, which the
    # cleaner drops by design, so part of its recall loss is by design.
    "dragnet": "dragnet.text.jsonl.gz",
}
DEFAULT_SETS = ("aeb", "snippets")
BODY_SETS = ("aeb", "dragnet")

# Reference figures (../shared/eval/README.md): other systems on the same pages.
REFERENCE = {
    "aeb": [
        ("unchanged raw_text (text)", "0.665 (P 0.499 / R 0.994)"),
        ("jusText, a <p> per line (text)", "0.707"),
        ("datatrove C4 line filter (text)", "0.806"),
        ("readability-lxml 0.9 (html)", "0.955"),
        ("trafilatura 2.3.1 (html)", "0.960 (P 0.942 / R 0.978)"),
    ],
    "dragnet": [
        ("unchanged raw_text (text)", "0.562 (P 0.392)"),
        ("lines in >= half of the site's pages dropped", "0.791"),
        ("trafilatura (html)", "0.916"),
    ],
    "snippets": [
        ("unchanged raw_text (text)", "0.696"),
        ("jusText, a <p> per line (text)", "0.250"),
        ("readability-lxml 0.9 (html)", "0.875"),
        ("trafilatura 2.3.1 (html)", "0.927"),
    ],
}


def _norm(s: str) -> str:
    return " ".join(s.split())


def clean_set(name: str, cleaner: Any, limit: int | None = None) -> tuple[list[dict], list[Any], float, float]:
    """(records, results, wall seconds, CPU seconds spent cleaning) for one evaluation set.

    CPU time is reported beside wall time because a shared machine's load inflates wall time."""
    recs = data.load(SETS[name], limit)
    t0, c0 = time.perf_counter(), time.process_time()
    results = [cleaner.clean(r["raw_text"], url=r.get("url"), format="text", id=str(r["id"])) for r in recs]
    return recs, results, time.perf_counter() - t0, time.process_time() - c0


def score_set(name: str, recs: list[dict], results: list[Any]) -> dict[str, float]:
    preds = [r.text for r in results]
    if name in BODY_SETS:
        return metrics.body_scores([r["gold_text"] for r in recs], preds)
    counts = [metrics.snippet_counts(r.get("with") or [], r.get("without") or [], p) for r, p in zip(recs, preds, strict=True)]
    return metrics.snippet_scores(counts)


def save_predictions(name: str, recs: list[dict], results: list[Any], out_dir: Path = RESULTS) -> Path:
    """Write `<set>.pred.jsonl` atomically (id, text, title, date) in score.py's format."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{name}.pred.jsonl"
    fd, tmp = tempfile.mkstemp(dir=out_dir, prefix=f".{name}.", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        for rec, res in zip(recs, results, strict=True):
            row = {"id": str(rec["id"]), "text": res.text, "title": res.metadata.get("title"), "date": res.metadata.get("date")}
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    os.replace(tmp, path)
    return path


def rule_table(name: str, recs: list[dict], results: list[Any]) -> dict[str, dict[str, int]]:
    """Per rule: lines and words removed, and how many of those lines were article text.

    aeb: a removed line counts as wrong when its text occurs in the gold body.
    snippets: counts the `with` snippets (wrong) and `without` snippets (right) inside removals.
    A wrong removal is also counted as *lost* when its text is nowhere in the output: a rule that
    drops the later copy of a repeated paragraph removes gold text, but the page loses nothing.
    """
    table: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for rec, res in zip(recs, results, strict=True):
        out = _norm(res.text)
        gold = _norm(rec.get("gold_text") or "")
        withs = [_norm(s) for s in rec.get("with") or []]
        withouts = [_norm(s) for s in rec.get("without") or []]
        for rm in res.removed:
            row = table[rm.rule]
            for line in rm.text.split("\n"):
                t = _norm(line)
                if not t:
                    continue
                row["lines"] += 1
                row["words"] += len(t.split())
                if name in BODY_SETS:
                    if len(t) >= 20 and t in gold:
                        row["wrong_lines"] += 1
                        row["wrong_words"] += len(t.split())
                        row["lost_lines"] += t not in out
                else:
                    row["with_dropped"] += sum(1 for s in withs if s and s in t)
                    row["with_lost"] += sum(1 for s in withs if s and s in t and s not in out)
                    row["without_dropped"] += sum(1 for s in withouts if s and s in t)
    return {k: dict(v) for k, v in table.items()}


def page_listing(name: str, recs: list[dict], results: list[Any], worst: int, width: int = 110) -> list[str]:
    """The `worst` pages with the lines wrongly kept and wrongly dropped (with the rule)."""
    scored = []
    for rec, res in zip(recs, results, strict=True):
        if name in BODY_SETS:
            p, r, f = metrics.doc_prf(rec["gold_text"], res.text)
        else:
            tp, fn, fp, _tn = metrics.snippet_counts(rec.get("with") or [], rec.get("without") or [], res.text)
            f = 2 * tp / (2 * tp + fp + fn) if tp else (1.0 if not fp + fn else 0.0)
            p = tp / (tp + fp) if tp + fp else 1.0
            r = tp / (tp + fn) if tp + fn else 1.0
        scored.append((f, p, r, rec, res))
    scored.sort(key=lambda x: x[0])
    out: list[str] = []

    def cut(s: str) -> str:
        return s if len(s) <= width else s[: width - 1] + "…"

    for f, p, r, rec, res in scored[:worst]:
        out.append(f"--- {rec['id']}  F1 {f:.3f}  P {p:.3f}  R {r:.3f}  {rec.get('url', '')}")
        if name in BODY_SETS:
            gold = _norm(rec["gold_text"])
            kept = [t for t in (_norm(x) for x in res.text.split("\n")) if t and t not in gold]
            dropped = [(rm.rule, _norm(x)) for rm in res.removed for x in rm.text.split("\n")
                       if len(_norm(x)) >= 20 and _norm(x) in gold]
            for t in kept[:8]:
                out.append(f"    kept, not gold: {cut(t)!r}")
            if len(kept) > 8:
                out.append(f"    ... {len(kept) - 8} more kept")
            for rule, t in dropped[:8]:
                out.append(f"    dropped gold [{rule}]: {cut(t)!r}")
            if len(dropped) > 8:
                out.append(f"    ... {len(dropped) - 8} more dropped")
        else:
            text = _norm(res.text)
            for s in rec.get("without") or []:
                if _norm(s) in text:
                    out.append(f"    kept 'without': {cut(_norm(s))!r}")
            for s in rec.get("with") or []:
                if _norm(s) not in text:
                    rules = sorted({rm.rule for rm in res.removed if _norm(s) in _norm(rm.text)}) or ["?"]
                    out.append(f"    dropped 'with' [{','.join(rules)}]: {cut(_norm(s))!r}")
    return out


def check_score(name: str, pred_path: Path, ours: dict[str, float]) -> tuple[bool, str]:
    """Run ../shared/eval/score.py on the saved predictions; True when its figures equal ours."""
    score_py = data.eval_dir() / "score.py"
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "score.json"
        subprocess.run(
            [sys.executable, str(score_py), str(data.eval_dir() / SETS[name]), str(pred_path),
             "--n-bootstrap", "0", "--quiet", "--json", str(out)],
            check=True,
        )
        res = json.loads(out.read_text(encoding="utf-8"))
    theirs = res["body_aeb"] if name in BODY_SETS else res["snippets"]
    diffs = {k: abs(theirs[k] - ours[k]) for k in ("f1", "precision", "recall")}
    ok = all(d < 1e-9 for d in diffs.values())
    msg = "  ".join(f"{k} ours {ours[k]:.6f} score.py {theirs[k]:.6f}" for k in diffs)
    return ok, msg


def run(sets: list[str], *, limit: int | None = None, worst: int = 5, rules: str | None = None,
        show_rules: bool = True, check: bool = False, save: bool = True) -> dict[str, Any]:
    from cleaner import Cleaner

    cleaner = Cleaner(rules=rules)
    cleaner.clean("warm up\n\nthe rule set is compiled once", format="text")
    figures: dict[str, Any] = {}
    failed_check = False
    for name in sets:
        recs, results, secs, cpu = clean_set(name, cleaner, limit)
        sc = score_set(name, recs, results)
        sc["docs_per_s"] = len(recs) / secs if secs else 0.0
        sc["docs_per_cpu_s"] = len(recs) / cpu if cpu else 0.0
        sc["n"] = len(recs)
        figures[name] = sc
        label = f"{name} body" if name in BODY_SETS else "snippets"
        print(f"\n== {label}: {SETS[name]} ({len(recs)} pages)")
        print(f"   cleaner (text)   F1 {sc['f1']:.3f}  P {sc['precision']:.3f}  R {sc['recall']:.3f}   {sc['docs_per_s']:.0f} docs/s "
              f"({sc['docs_per_cpu_s']:.0f} per CPU second)")
        for ref, fig in REFERENCE[name]:
            print(f"   {ref:<32} {fig}")
        if save:
            path = save_predictions(name, recs, results)
            print(f"   predictions: {path.relative_to(data.REPO)}")
            if check:
                ok, msg = check_score(name, path, sc)
                print(f"   score.py check: {'equal' if ok else 'DIFFERENT'}: {msg}")
                failed_check |= not ok
        if show_rules:
            table = rule_table(name, recs, results)
            if name in BODY_SETS:
                print(f"   {'rule':<30} {'lines':>6} {'words':>7} {'gold lines':>10} {'gold words':>10} {'lost lines':>10}")
                for rid, row in sorted(table.items(), key=lambda kv: -kv[1].get("words", 0)):
                    print(f"   {rid:<30} {row.get('lines', 0):>6} {row.get('words', 0):>7} "
                          f"{row.get('wrong_lines', 0):>10} {row.get('wrong_words', 0):>10} {row.get('lost_lines', 0):>10}")
            else:
                print(f"   {'rule':<30} {'lines':>6} {'words':>7} {'without dropped':>15} {'with dropped':>12} {'with lost':>9}")
                for rid, row in sorted(table.items(), key=lambda kv: -kv[1].get("words", 0)):
                    print(f"   {rid:<30} {row.get('lines', 0):>6} {row.get('words', 0):>7} "
                          f"{row.get('without_dropped', 0):>15} {row.get('with_dropped', 0):>12} {row.get('with_lost', 0):>9}")
        if worst:
            print(f"   worst {worst} pages:")
            for line in page_listing(name, recs, results, worst):
                print("   " + line)
    figures["score_check_failed"] = failed_check
    return figures


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", choices=[*SETS, "all"], default="all",
                    help="one set, or 'all' (aeb and snippets; dragnet only when named)")
    ap.add_argument("--limit", type=int, help="only the first N pages of each set")
    ap.add_argument("--worst", type=int, default=5, help="list the N worst pages (0: none)")
    ap.add_argument("--rules", help="a rule folder layered over the defaults")
    ap.add_argument("--no-rule-table", action="store_true")
    ap.add_argument("--check-score", action="store_true", help="compare with ../shared/eval/score.py")
    ap.add_argument("--json", help="write the figures as JSON to this file")
    a = ap.parse_args(argv)
    if not data.have_eval():
        print(f"no evaluation data at {data.eval_dir()}", file=sys.stderr)
        return 2
    sets = list(DEFAULT_SETS) if a.set == "all" else [a.set]
    figures = run(sets, limit=a.limit, worst=a.worst, rules=a.rules, show_rules=not a.no_rule_table,
                  check=a.check_score)
    if a.json:
        Path(a.json).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 1 if figures.get("score_check_failed") else 0


if __name__ == "__main__":
    sys.exit(main())
