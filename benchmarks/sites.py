"""Site packs learned by `rules suggest`, scored on pages they were not learned from.

For each site of a set of labelled pages (Dragnet's `dragnet.text.jsonl.gz` unless `--set` names
another), the pages are split into two folds (alternate pages in file order, with `--split halves`
the first and the second half, with `--split random --seed N` a seeded shuffle cut in two); a pack
is suggested from one fold and the other fold is cleaned with the default rules alone and with the
defaults plus the suggested pack, then the other way round. Every page is thus scored once, by a
pack that never saw it. Prints overall and per-site aeb F1.

    python -m benchmarks.sites [--set FILE] [--input text|html] [--min-pages 4]
                               [--sites N] [--only SITE,SITE] [--min-share 0.5] [--per-site] [--write-packs DIR]
                               [--split alternate|halves|random] [--seed N]
                               [--save-pred FILE]

`--set FILE` is any JSON-lines(.gz) file of labelled pages: a name in the evaluation folder or a
path. Each page needs `gold_text` and `raw_text` (`html` with `--input html`); its site is the
`site` field, else the host of `url`. Sites with fewer than `--min-pages` pages are left out (too
few to learn from one half and score the other), and counted in the header: the figures are meant
to be checked on sites nobody tuned the suggester on.

`--input html` cleans the pages' HTML instead (Dragnet's `dragnet.html.jsonl.gz`, the same pages;
a text set without `html` is joined by id with its `.html.` sibling): the pack is learned from each
learning page's visible text (what `rules suggest` sees in a browser's text export) and the held-out
pages are cleaned on cleaner's HTML path, where the rules run over trafilatura's extract. trafilatura
itself runs on the same held-out pages in the same run, as the row to beat.

`--save-pred FILE` writes one JSON line a scored page (site, id, fold, gold, default and suggested
output, trafilatura's with `--input html`, and the F1 of each) to read why a site gains or loses.

How many pages should `rules suggest` be given? `--learn 2,3,5,8` draws a learning curve instead
of the two folds (`benchmarks/sites_curve.py`):

    python -m benchmarks.sites --learn 2,3,5,8 [--draws 3] [--score-pages 3] [--seed N] [--per-site] ...

In each of `--draws` draws (default 3), every site's pages are shuffled by a generator seeded by
`--seed`, the draw and the site; the first `--score-pages` (K, default 3) are that draw's scored
pages, and the pack for each N is learned from the next N pages (nested: the 2 pages are among the
3, the 3 among the 5). Every N is thus scored on the same sites and the same pages, none of which
it learned from, so the rows differ by N alone; a page may be scored in several draws. Only sites
with at least max(N) + K pages (and `--min-pages`) take part; the header says how many are left
out. One row an N: overall aeb F1 of the default rules and of default + suggested, the gain, sites
improved (> +0.001), sites lowered by > 0.01 and the worst site; `--per-site` adds each site's
change at each N. `--save-pred` writes a line a scored page a draw an N. No trafilatura row.
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

from benchmarks.data import eval_dir, have_eval, read_jsonl
from benchmarks.metrics import body_scores, doc_prf
from cleaner import Cleaner
from cleaner.ruleset.hosts import host_of
from cleaner.suggest import suggest_pack

TRAFILATURA_F1 = 0.916  # trafilatura on Dragnet's HTML (shared/eval/README.md), for the text run

INPUTS = ("text", "html")
DEFAULT_SETS = {"text": "dragnet.text.jsonl.gz", "html": "dragnet.html.jsonl.gz"}
README_SET = DEFAULT_SETS["text"]  # the set TRAFILATURA_F1 was measured on
MIN_PAGES = 4  # a site needs two pages to learn from in each fold
CONTENT_FIELD = {"text": "raw_text", "html": "html"}


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


def set_path(name: str | Path) -> Path:
    """A set named by path, else by its name in the evaluation folder (as `benchmarks.data` reads)."""
    path = Path(name)
    return path if path.exists() else eval_dir() / name


def _html_sibling(path: Path) -> Path | None:
    """`x.html.jsonl.gz` beside `x.text.jsonl.gz`: the same pages as HTML, where the sets come in pairs."""
    if ".text." not in path.name:
        return None
    other = path.with_name(path.name.replace(".text.", ".html.", 1))
    return other if other.exists() else None


def load_set(name: str | Path, input: str = "text") -> list[dict]:
    """The labelled pages of a set, each with its `site` (the `site` field, else the URL's host)
    and a string `id`; the content field `input` needs (`raw_text` or `html`) must be there."""
    if input not in INPUTS:
        raise ValueError(f"unknown input {input!r}; expected one of {', '.join(INPUTS)}")
    path = set_path(name)
    if not path.exists():
        raise SystemExit(f"no such set: {name} (neither a file nor in {eval_dir()})")
    recs = list(read_jsonl(path))
    field = CONTENT_FIELD[input]
    if input == "html" and any(field not in r for r in recs):
        sibling = _html_sibling(path)
        if sibling is not None:
            html_by_id = {str(r.get("id")): r.get("html") for r in read_jsonl(sibling)}
            recs = [r if field in r else {**r, "html": html_by_id.get(str(r.get("id")))} for r in recs]
    out = []
    for i, r in enumerate(recs, 1):
        missing = [f for f in ("gold_text", field) if not isinstance(r.get(f), str)]
        if missing:
            raise SystemExit(f"{path.name}: page {i} ({r.get('id', 'no id')}) has no {' or '.join(missing)}")
        site = r.get("site") or host_of(r.get("url"))
        if not site:
            raise SystemExit(f"{path.name}: page {i} ({r.get('id', 'no id')}) has neither a site nor a URL")
        out.append({**r, "id": str(r["id"]) if r.get("id") is not None else f"page{i}", "site": site})
    return out


def group_sites(recs: list[dict], min_pages: int = MIN_PAGES) -> tuple[dict[str, list], dict[str, int]]:
    """The pages of each site with at least `min_pages` pages, in file order, and the page count
    of each site left out."""
    by_site: dict[str, list] = defaultdict(list)
    for r in recs:
        by_site[r["site"]].append(r)
    kept = {s: pages for s, pages in by_site.items() if len(pages) >= min_pages}
    return kept, {s: len(pages) for s, pages in by_site.items() if len(pages) < min_pages}


def pick_sites(by_site: dict[str, list], left_out: dict[str, int], limit: int | None, only: list[str] | None,
               min_pages: int) -> list[str]:
    """The sites to score, alphabetical: the first `limit`, then those `only` names; a name `only`
    gives that is not a kept site stops the run, saying whether the site had too few pages."""
    sites = sorted(by_site)[:limit] if limit else sorted(by_site)
    if only:
        unknown = sorted(set(only) - set(by_site))
        if unknown:
            small = [s for s in unknown if s in left_out]
            why = f" ({', '.join(small)}: fewer than {min_pages} pages)" if small else ""
            raise SystemExit(f"not a site of the set: {', '.join(unknown)}{why}")
        sites = [s for s in sites if s in only]
    return sites


def learning_text(r: dict, input: str) -> str:
    """What the pack is learned from: the page's text, or for HTML the lines `rules suggest`
    learns from an HTML page (`cleaner.suggest_input.html_lines`: its visible text, one line a
    block, the source's wrapping undone)."""
    if input == "text":
        return r["raw_text"]
    from cleaner.suggest_input import html_lines

    return html_lines(r["html"])


def run(min_share: float, limit: int | None, packs_dir: Path | None, only: list[str] | None = None,
        split: str = "alternate", seed: int = DEFAULT_SEED, *, set_name: str | Path | None = None,
        input: str = "text", min_pages: int = MIN_PAGES) -> dict:
    recs = load_set(set_name or DEFAULT_SETS[input], input)
    by_site, left_out = group_sites(recs, min_pages)
    sites = pick_sites(by_site, left_out, limit, only, min_pages)
    field = CONTENT_FIELD[input]
    # HTML pages go with their URL, to cleaner as to trafilatura (as benchmarks/html_quality.py runs
    # them); text pages without, as this benchmark has always cleaned them (same figures)
    url_of = (lambda r: r.get("url")) if input == "html" else (lambda r: None)
    trafilatura = None
    if input == "html":
        from benchmarks.html_quality import run_trafilatura

        trafilatura = run_trafilatura()
    base = Cleaner()
    golds, p_base, p_sugg, p_traf, site_of, ids = [], [], [], [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for site in sites:
            for n, (learn, score) in enumerate(folds(by_site[site], split, seed, site)):
                if len(learn) < 2:
                    continue
                sugg = pack_cleaner(learn, site, input, min_share, tmp, f"{site}.{n}.toml", packs_dir)
                for r in score:
                    golds.append(r["gold_text"])
                    p_base.append(base.clean(r[field], url=url_of(r), site=site, format=input).text)
                    p_sugg.append(sugg.clean(r[field], url=url_of(r), site=site, format=input).text)
                    if trafilatura is not None:
                        p_traf.append(trafilatura({"html": r["html"], "url": r.get("url")}))
                    site_of.append(site)
                    ids.append((r["id"], n))
    per_site, traf_site = {}, {}
    for site in sites:
        idx = [i for i, s in enumerate(site_of) if s == site]
        if not idx:
            continue
        per_site[site] = (
            body_scores([golds[i] for i in idx], [p_base[i] for i in idx])["f1"],
            body_scores([golds[i] for i in idx], [p_sugg[i] for i in idx])["f1"],
            len(idx),
        )
        if p_traf:
            traf_site[site] = body_scores([golds[i] for i in idx], [p_traf[i] for i in idx])["f1"]
    predictions = [
        {"site": site_of[i], "id": ids[i][0], "fold": ids[i][1], "gold": golds[i], "default": p_base[i],
         "suggested": p_sugg[i], "f1_default": doc_prf(golds[i], p_base[i])[2],
         "f1_suggested": doc_prf(golds[i], p_sugg[i])[2]}
        for i in range(len(golds))
    ]
    for i, row in enumerate(predictions if p_traf else []):
        row["trafilatura"] = p_traf[i]
        row["f1_trafilatura"] = doc_prf(golds[i], p_traf[i])[2]
    return {
        "set": Path(set_name or DEFAULT_SETS[input]).name,
        "input": input,
        "left_out": left_out,
        "base": body_scores(golds, p_base),
        "sugg": body_scores(golds, p_sugg),
        "trafilatura": body_scores(golds, p_traf) if p_traf else None,
        "per_site": per_site,
        "trafilatura_per_site": traf_site,
        "pages": len(golds),
        "predictions": predictions,
        "worst_pages": sorted((row["f1_suggested"] - row["f1_default"], row["site"]) for row in predictions)[:10],
    }


def pack_cleaner(pages: list[dict], site: str, input: str, min_share: float, tmp: str, name: str,
                 packs_dir: Path | None) -> Cleaner:
    """A cleaner with the defaults plus the pack suggested from `pages` (written to `tmp/name`,
    and copied to `packs_dir` when one is given)."""
    pack = suggest_pack([(r["id"], learning_text(r, input)) for r in pages], site, min_share=min_share)
    f = Path(tmp) / name
    f.write_text(pack, encoding="utf-8")
    if packs_dir is not None:
        packs_dir.mkdir(parents=True, exist_ok=True)
        (packs_dir / f.name).write_text(pack, encoding="utf-8")
    return Cleaner(rules=[f])


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
    ap.add_argument("--set", dest="set_name", default=None,
                    help="JSON-lines(.gz) file of labelled pages: a name in the evaluation folder or a path "
                         f"(default {DEFAULT_SETS['text']}, {DEFAULT_SETS['html']} with --input html)")
    ap.add_argument("--input", choices=INPUTS, default="text",
                    help="clean the pages' text (default) or their HTML on cleaner's HTML path")
    ap.add_argument("--min-pages", type=int, default=MIN_PAGES,
                    help=f"leave out sites with fewer pages than this (default {MIN_PAGES})")
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
    ap.add_argument("--learn", default=None, metavar="N,N,...",
                    help="learning curve: packs learned from N pages each (e.g. 2,3,5,8), scored on the same "
                         "held-out pages; see the module docstring")
    ap.add_argument("--draws", type=int, default=None, help="--learn: seeded draws of the pages (default 3)")
    ap.add_argument("--score-pages", type=int, default=None,
                    help="--learn: held-out pages a site scored in each draw (default 3)")
    args = ap.parse_args(argv)
    if args.set_name is None and not have_eval():
        print("evaluation data not found (../shared/eval); nothing to do", file=sys.stderr)
        return 0
    t0 = time.time()
    if args.learn is not None:
        return _learning_curve(args, t0)
    res = run(args.min_share, args.sites, args.write_packs, args.only, args.split, args.seed,
              set_name=args.set_name, input=args.input, min_pages=args.min_pages)
    if args.save_pred is not None:
        save_predictions(res["predictions"], args.save_pred)
    if not res["per_site"]:
        print(f"{res['set']}: nothing scored ({len(res['left_out'])} sites with fewer than {args.min_pages} pages "
              "left out; a fold needs two pages to learn from)", file=sys.stderr)
        return 1
    b, s, t = res["base"], res["sugg"], res["trafilatura"]
    deltas = {site: v[1] - v[0] for site, v in res["per_site"].items()}
    worst = min(deltas.items(), key=lambda kv: kv[1])
    html = args.input == "html"
    print(f"{res['set']}, {len(res['per_site'])} sites, {res['pages']} pages, two folds a site, split {args.split}"
          f"{f' seed {args.seed}' if args.split == 'random' else ''}{', input html' if html else ''}; "
          f"{len(res['left_out'])} sites with fewer than {args.min_pages} pages left out ({time.time() - t0:.0f} s)")
    print()
    where = " (HTML path)" if html else ""
    print("| rules | aeb F1 | precision | recall |")
    print("|---|---|---|---|")
    print(f"| default{where} | {b['f1']:.3f} | {b['precision']:.3f} | {b['recall']:.3f} |")
    print(f"| default + suggested{where} | {s['f1']:.3f} | {s['precision']:.3f} | {s['recall']:.3f} |")
    if t is not None:
        print(f"| trafilatura (same pages, same run) | {t['f1']:.3f} | {t['precision']:.3f} | {t['recall']:.3f} |")
    elif res["set"] == README_SET:
        print(f"| trafilatura (HTML, shared/eval README reference) | {TRAFILATURA_F1:.3f} | | |")
    print()
    print(f"gain {s['f1'] - b['f1']:+.3f} ({s['f1'] - b['f1']:+.4f}; target >= +0.030); "
          f"sites improved {sum(d > 0.001 for d in deltas.values())}, "
          f"lowered by > 0.01: {sum(d < -0.01 for d in deltas.values())} "
          f"(worst {worst[0]} {worst[1]:+.3f}); median site gain {statistics.median(deltas.values()):+.3f}")
    if args.per_site:
        traf = res["trafilatura_per_site"]
        print()
        print("| site | pages | default | + suggested | change |" + (" trafilatura |" if traf else ""))
        print("|---|---|---|---|---|" + ("---|" if traf else ""))
        for site, (fb, fs, n) in sorted(res["per_site"].items(), key=lambda kv: kv[1][1] - kv[1][0]):
            print(f"| {site} | {n} | {fb:.3f} | {fs:.3f} | {fs - fb:+.3f} |" + (f" {traf[site]:.3f} |" if traf else ""))
    return 0


def _learning_curve(args: argparse.Namespace, t0: float) -> int:
    """`--learn`: the learning curve (benchmarks.sites_curve), printed as one row an N."""
    from benchmarks.sites_curve import DRAWS, SCORE_PAGES, learning_curve, parse_ns, report

    if args.split != "alternate":
        raise SystemExit("--learn draws its own pages (seeded by --seed); --split does not apply")
    res = learning_curve(parse_ns(args.learn), DRAWS if args.draws is None else args.draws,
                         SCORE_PAGES if args.score_pages is None else args.score_pages,
                         args.min_share, args.sites, args.only, args.seed, set_name=args.set_name,
                         input=args.input, min_pages=args.min_pages, packs_dir=args.write_packs)
    if args.save_pred is not None:
        save_predictions(res["predictions"], args.save_pred)
    if not res["sites"]:
        print(f"{res['set']}: nothing scored ({len(res['left_out'])} sites with fewer than {res['min_pages']} "
              "pages left out)", file=sys.stderr)
        return 1
    print("\n".join(report(res, time.time() - t0, args.per_site)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
