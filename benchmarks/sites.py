"""Site packs learned by `rules suggest`, scored on pages they were not learned from (Dragnet).

For each site of `dragnet.text.jsonl.gz`, the pages are split into two folds (alternate pages in
file order, with `--split halves` the first and the second half, with `--split random --seed N`
a seeded shuffle cut in two); a pack is suggested from one fold and the other fold is cleaned
with the default rules alone and with the defaults plus the suggested pack, then the other way
round. Every page is thus scored once, by a pack that never saw it. Prints overall and per-site
aeb F1.

    python -m benchmarks.sites [--sites N] [--only SITE,SITE] [--min-share 0.5] [--per-site] [--write-packs DIR]
                               [--split alternate|halves|random] [--seed N]
                               [--save-pred FILE]

`--save-pred FILE` writes one JSON line a scored page (site, id, fold, gold, default and suggested
output, and the F1 of each) to read why a site gains or loses.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from benchmarks.data import have_eval, load
from benchmarks.metrics import body_scores, doc_prf
from cleaner import Cleaner
from cleaner.suggest import suggest_pack

TRAFILATURA_F1 = 0.916  # trafilatura on the same pages' HTML (shared/eval/README.md)


SPLITS = ("alternate", "halves", "random")
DEFAULT_SEED = 9  # fixed, so `--split random` gives the same figure run after run


def folds(pages: list, split: str = "alternate", seed: int = DEFAULT_SEED, salt: str = "") -> list[tuple[list, list]]:
    """Two (learn, score) folds of one site's pages.

    `alternate` learns on every other page in file order; `halves` learns on the first half and
    scores the second, then the other way round; `random` shuffles the pages with a generator
    seeded by `seed` and `salt` (the site's name: each site gets its own shuffle), then cuts the
    shuffle in halves. Different splits are a cheap check that a pack does not depend on which
    pages it happened to see.
    """
    if split == "alternate":
        a, b = pages[0::2], pages[1::2]
    elif split == "halves":
        half = (len(pages) + 1) // 2
        a, b = pages[:half], pages[half:]
    elif split == "random":
        order = list(pages)
        random.Random(f"{seed}:{salt}").shuffle(order)
        half = (len(order) + 1) // 2
        a, b = order[:half], order[half:]
    else:
        raise ValueError(f"unknown split {split!r}; expected one of {', '.join(SPLITS)}")
    return [(a, b), (b, a)]


def run(min_share: float, limit: int | None, packs_dir: Path | None, only: list[str] | None = None,
        split: str = "alternate", seed: int = DEFAULT_SEED) -> dict:
    recs = load("dragnet.text.jsonl.gz")
    by_site: dict[str, list] = defaultdict(list)
    for r in recs:
        by_site[r["site"]].append(r)
    sites = sorted(by_site)[:limit] if limit else sorted(by_site)
    if only:
        unknown = sorted(set(only) - set(by_site))
        if unknown:
            raise SystemExit(f"not a site of the set: {', '.join(unknown)}")
        sites = [s for s in sites if s in only]
    base = Cleaner()
    golds, p_base, p_sugg, site_of, ids = [], [], [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for site in sites:
            for n, (learn, score) in enumerate(folds(by_site[site], split, seed, site)):
                if len(learn) < 2:
                    continue
                pack = suggest_pack([(r["id"], r["raw_text"]) for r in learn], site, min_share=min_share)
                f = Path(tmp) / f"{site}.{n}.toml"
                f.write_text(pack, encoding="utf-8")
                if packs_dir is not None:
                    packs_dir.mkdir(parents=True, exist_ok=True)
                    (packs_dir / f.name).write_text(pack, encoding="utf-8")
                sugg = Cleaner(rules=[f])
                for r in score:
                    golds.append(r["gold_text"])
                    p_base.append(base.clean(r["raw_text"], site=site, format="text").text)
                    p_sugg.append(sugg.clean(r["raw_text"], site=site, format="text").text)
                    site_of.append(site)
                    ids.append((r["id"], n))
    per_site = {}
    for site in sites:
        idx = [i for i, s in enumerate(site_of) if s == site]
        if not idx:
            continue
        per_site[site] = (
            body_scores([golds[i] for i in idx], [p_base[i] for i in idx])["f1"],
            body_scores([golds[i] for i in idx], [p_sugg[i] for i in idx])["f1"],
            len(idx),
        )
    return {
        "base": body_scores(golds, p_base),
        "sugg": body_scores(golds, p_sugg),
        "per_site": per_site,
        "pages": len(golds),
        "predictions": [
            {"site": site_of[i], "id": ids[i][0], "fold": ids[i][1], "gold": golds[i], "default": p_base[i],
             "suggested": p_sugg[i], "f1_default": doc_prf(golds[i], p_base[i])[2],
             "f1_suggested": doc_prf(golds[i], p_sugg[i])[2]}
            for i in range(len(golds))
        ],
        "worst_pages": sorted(
            (doc_prf(golds[i], p_sugg[i])[2] - doc_prf(golds[i], p_base[i])[2], site_of[i]) for i in range(len(golds))
        )[:10],
    }


def save_predictions(rows: list[dict], path: Path) -> None:
    """Write the scored pages as JSON lines, atomically (a temporary file renamed into place)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    os.replace(tmp, path)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sites", type=int, default=None, help="only the first N sites (alphabetical)")
    ap.add_argument("--only", type=lambda v: [s.strip() for s in v.split(",") if s.strip()], default=None,
                    help="only these sites (comma-separated), e.g. to iterate on the ones a change lowers")
    ap.add_argument("--min-share", type=float, default=0.5, help="share of pages a line must be on")
    ap.add_argument("--split", choices=SPLITS, default="alternate",
                    help="how a site's pages are split into the two folds (default: alternate pages)")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED,
                    help=f"seed of the shuffle for --split random (default {DEFAULT_SEED})")
    ap.add_argument("--per-site", action="store_true", help="print every site's figures")
    ap.add_argument("--write-packs", type=Path, default=None, help="also write each suggested pack here")
    ap.add_argument("--save-pred", type=Path, default=None,
                    help="write each scored page's gold and both outputs here (JSON lines)")
    args = ap.parse_args(argv)
    if not have_eval():
        print("evaluation data not found (../shared/eval); nothing to do", file=sys.stderr)
        return 0
    t0 = time.time()
    res = run(args.min_share, args.sites, args.write_packs, args.only, args.split, args.seed)
    if args.save_pred is not None:
        save_predictions(res["predictions"], args.save_pred)
    b, s = res["base"], res["sugg"]
    deltas = {site: v[1] - v[0] for site, v in res["per_site"].items()}
    worst = min(deltas.items(), key=lambda kv: kv[1])
    print(f"Dragnet, {len(res['per_site'])} sites, {res['pages']} pages, two folds a site, split {args.split}"
          f"{f' seed {args.seed}' if args.split == 'random' else ''} ({time.time() - t0:.0f} s)")
    print()
    print("| rules | aeb F1 | precision | recall |")
    print("|---|---|---|---|")
    print(f"| default | {b['f1']:.3f} | {b['precision']:.3f} | {b['recall']:.3f} |")
    print(f"| default + suggested | {s['f1']:.3f} | {s['precision']:.3f} | {s['recall']:.3f} |")
    print(f"| trafilatura (HTML, reference) | {TRAFILATURA_F1:.3f} | | |")
    print()
    print(f"gain {s['f1'] - b['f1']:+.3f} ({s['f1'] - b['f1']:+.4f}; target >= +0.030); "
          f"sites improved {sum(d > 0.001 for d in deltas.values())}, "
          f"lowered by > 0.01: {sum(d < -0.01 for d in deltas.values())} "
          f"(worst {worst[0]} {worst[1]:+.3f}); median site gain {statistics.median(deltas.values()):+.3f}")
    if args.per_site:
        print()
        print("| site | pages | default | + suggested | change |")
        print("|---|---|---|---|---|")
        for site, (fb, fs, n) in sorted(res["per_site"].items(), key=lambda kv: kv[1][1] - kv[1][0]):
            print(f"| {site} | {n} | {fb:.3f} | {fs:.3f} | {fs - fb:+.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
