"""How many pages `rules suggest` needs: site packs learned from N pages, for several N, scored
on the same held-out pages (`python -m benchmarks.sites --learn 2,3,5,8`; see that module).

Like with like: every N is scored on the same sites and the same pages, so the curve shows the
effect of N alone. In each draw a site's pages are shuffled (seeded by the seed, the draw and the
site); the first K are the scored pages of that draw, and the pack for N is learned from the next
N pages, so the learning sets are nested (the 2 pages are among the 3, the 3 among the 5) and no
scored page is ever among them. Only sites with at least max(N) + K pages can take part.
"""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

from benchmarks.metrics import body_scores, doc_prf
from benchmarks.sites import (
    CONTENT_FIELD,
    DEFAULT_SEED,
    DEFAULT_SETS,
    group_sites,
    load_set,
    pack_cleaner,
    pick_sites,
)
from cleaner import Cleaner

SCORE_PAGES = 3  # pages of a site scored in each draw
DRAWS = 3


def draw_pages(pages: list, n_max: int, score_pages: int, seed: int, draw: int, site: str) -> tuple[list, list]:
    """(scored, pool) of one site in one draw: a seeded shuffle, its first `score_pages` pages
    scored, the next `n_max` the pool every learning set is the head of."""
    order = list(pages)
    random.Random(f"{seed}:{draw}:{site}").shuffle(order)
    return order[:score_pages], order[score_pages:score_pages + n_max]


def parse_ns(value: str) -> list[int]:
    """`2,3,5,8` -> [2, 3, 5, 8] (sorted, once each); a pack needs at least two pages to learn from."""
    try:
        ns = sorted({int(v) for v in value.split(",") if v.strip()})
    except ValueError:
        raise SystemExit(f"--learn takes page counts like 2,3,5,8, not {value!r}") from None
    if not ns or ns[0] < 2:
        raise SystemExit("--learn: a pack needs at least 2 pages to learn from")
    return ns


def learning_curve(ns: list[int], draws: int = DRAWS, score_pages: int = SCORE_PAGES, min_share: float = 0.5,
                   limit: int | None = None, only: list[str] | None = None, seed: int = DEFAULT_SEED, *,
                   set_name: str | Path | None = None, input: str = "text", min_pages: int = 0,
                   packs_dir: Path | None = None) -> dict:
    """Packs learned from each N of `ns` pages, scored on the same held-out pages, over `draws` draws."""
    if score_pages < 1 or draws < 1:
        raise SystemExit("--score-pages and --draws must be at least 1")
    ns = sorted(set(ns))
    need = max(min_pages, ns[-1] + score_pages)
    recs = load_set(set_name or DEFAULT_SETS[input], input)
    by_site, left_out = group_sites(recs, need)
    sites = pick_sites(by_site, left_out, limit, only, need)
    field = CONTENT_FIELD[input]

    def url_of(r: dict) -> str | None:  # as benchmarks.sites.run: the URL with HTML pages only
        return r.get("url") if input == "html" else None

    base = Cleaner()
    base_out: dict[tuple[str, str], str] = {}  # the default rules' output does not depend on the draw
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for draw in range(draws):
            for site in sites:
                scored, pool = draw_pages(by_site[site], ns[-1], score_pages, seed, draw, site)
                for r in scored:
                    if (site, r["id"]) not in base_out:
                        base_out[site, r["id"]] = base.clean(r[field], url=url_of(r), site=site, format=input).text
                for n in ns:
                    sugg = pack_cleaner(pool[:n], site, input, min_share, tmp, f"{site}.d{draw}.n{n}.toml", packs_dir)
                    for r in scored:
                        out = sugg.clean(r[field], url=url_of(r), site=site, format=input).text
                        rows.append({"site": site, "id": r["id"], "draw": draw, "n": n, "gold": r["gold_text"],
                                     "default": base_out[site, r["id"]], "suggested": out})
    for row in rows:
        row["f1_default"] = doc_prf(row["gold"], row["default"])[2]
        row["f1_suggested"] = doc_prf(row["gold"], row["suggested"])[2]
    curve = {}
    for n in ns:
        mine = [row for row in rows if row["n"] == n]
        per_site = {}
        for site in sites:
            here = [row for row in mine if row["site"] == site]
            golds = [row["gold"] for row in here]
            per_site[site] = (body_scores(golds, [row["default"] for row in here])["f1"],
                              body_scores(golds, [row["suggested"] for row in here])["f1"], len(here))
        golds = [row["gold"] for row in mine]
        curve[n] = {"base": body_scores(golds, [row["default"] for row in mine]),
                    "sugg": body_scores(golds, [row["suggested"] for row in mine]),
                    "per_site": per_site, "pages": len(mine)}
    return {"set": Path(set_name or DEFAULT_SETS[input]).name, "input": input, "ns": ns, "draws": draws,
            "score_pages": score_pages, "seed": seed, "min_pages": need, "sites": sites, "left_out": left_out,
            "curve": curve, "predictions": rows}


def report(res: dict, elapsed: float, per_site: bool = False) -> list[str]:
    """The curve as markdown: one row an N; with `per_site`, each site's change at each N."""
    ns, curve = res["ns"], res["curve"]
    k, draws = res["score_pages"], res["draws"]
    lines = [f"{res['set']}, learning curve{', input html' if res['input'] == 'html' else ''}: "
             f"{len(res['sites'])} sites, {k} held-out pages a site scored in each of {draws} draws "
             f"(seed {res['seed']}; {curve[ns[0]]['pages']} page scores for every N), packs learned from "
             f"N other pages of the same site (nested); {len(res['left_out'])} sites with fewer than "
             f"{res['min_pages']} pages (max N + {k}) left out ({elapsed:.0f} s)", "",
             "| pages learned from | default | default + suggested | gain | sites improved | lowered by > 0.01 "
             "| worst site |", "|---|---|---|---|---|---|---|"]
    for n in ns:
        c = curve[n]
        deltas = {site: fs - fb for site, (fb, fs, _) in c["per_site"].items()}
        worst = min(deltas.items(), key=lambda kv: kv[1])
        gain = c["sugg"]["f1"] - c["base"]["f1"]
        lines.append(f"| {n} | {c['base']['f1']:.3f} | {c['sugg']['f1']:.3f} | {gain:+.3f} | "
                     f"{sum(d > 0.001 for d in deltas.values())}/{len(deltas)} | "
                     f"{sum(d < -0.01 for d in deltas.values())} | {worst[0]} {worst[1]:+.3f} |")
    if per_site:
        first = curve[ns[0]]["per_site"]
        lines += ["", "| site | default | " + " | ".join(f"change, N={n}" for n in ns) + " |",
                  "|---|---|" + "---|" * len(ns)]
        for site in sorted(res["sites"], key=lambda s: curve[ns[-1]]["per_site"][s][1] - first[s][0]):
            fb = first[site][0]
            lines.append(f"| {site} | {fb:.3f} | "
                         + " | ".join(f"{curve[n]['per_site'][site][1] - fb:+.3f}" for n in ns) + " |")
    return lines
