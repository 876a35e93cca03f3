"""Metadata, side by side in one run: publication dates on htmldate's BBAW set (HTML and text
input) against htmldate itself, and titles on trafilatura's evaluation set against trafilatura.

    python -m benchmarks.metadata_quality [--limit N] [--parts dates-html,dates-text,titles]

- dates-html: cleaner on the page HTML vs htmldate (fast and extensive, original date) on the
  same HTML.
- dates-text: cleaner on `raw_text` alone (no HTML, no URL; `--with-url` adds the URL as a
  second row) vs htmldate on the same text (each line wrapped as a paragraph). Accuracy over all
  pages and over the pages whose gold date is written in the text (`gold_date_in_raw_text`).
- dates-tv: the same systems as dates-html on trafilatura's evaluation set (pages with a
  `gold_date`), a second labelled set; `dates-tv-new` only its pages whose URL is not in BBAW
  (the rest repeat BBAW pages), the check on pages the date rules were not tuned on.
- titles: exact match (normalised) with `gold_title`: cleaner on the text and on the HTML vs
  trafilatura's title from the HTML.

Accuracy counts a page right when the predicted date's YYYY-MM-DD equals the gold date;
coverage is the share of pages given any date. Predictions go to `benchmarks/results/`.
"""

from __future__ import annotations

import argparse
import html as htmllib
import logging
import time

from .data import load
from .html_quality import RESULTS, write_jsonl
from .metrics import date_scores, title_scores


def _timed(fn, items):
    t0 = time.perf_counter()
    out = [fn(x) for x in items]
    return out, len(items) / max(time.perf_counter() - t0, 1e-9)


def _text_as_html(text: str) -> str:
    body = "".join(f"<p>{htmllib.escape(line)}</p>" for line in text.split("\n") if line.strip())
    return f"<html><body>{body}</body></html>"


def dates_html(recs: list[dict], tag: str = "bbaw_html") -> list[tuple]:
    from htmldate import find_date

    from cleaner import Cleaner

    c = Cleaner()
    golds = [r["gold_date"] for r in recs]
    systems = {
        "cleaner": lambda r: c.clean(r["html"], url=r["url"], format="html").metadata.get("date"),
        "htmldate fast": lambda r: find_date(r["html"], url=r["url"], original_date=True, extensive_search=False),
        "htmldate extensive": lambda r: find_date(r["html"], url=r["url"], original_date=True, extensive_search=True),
    }
    rows = []
    for name, fn in systems.items():
        preds, speed = _timed(fn, recs)
        rows.append((name, date_scores(golds, preds), speed))
        write_jsonl(RESULTS / f"{tag}.{name.replace(' ', '_')}.jsonl",
                    [{"id": r["id"], "date": p} for r, p in zip(recs, preds, strict=True)])
    return rows


def dates_text(recs: list[dict], with_url: bool = False) -> list[tuple]:
    from htmldate import find_date

    from cleaner import Cleaner

    c = Cleaner()
    golds = [r["gold_date"] for r in recs]
    in_text = [r.get("gold_date_in_raw_text") for r in recs]
    systems = {
        "cleaner (text only)": lambda r: c.clean(r["raw_text"], format="text").metadata.get("date"),
        "htmldate on the text": lambda r: find_date(_text_as_html(r["raw_text"]), original_date=True, extensive_search=True),
    }
    if with_url:
        systems["cleaner (text + URL)"] = lambda r: c.clean(r["raw_text"], url=r["url"], format="text").metadata.get("date")
    rows = []
    for name, fn in systems.items():
        preds, speed = _timed(fn, recs)
        sub_g = [g for g, t in zip(golds, in_text, strict=True) if t]
        sub_p = [p for p, t in zip(preds, in_text, strict=True) if t]
        rows.append((name, date_scores(golds, preds), date_scores(sub_g, sub_p), speed))
        write_jsonl(RESULTS / f"bbaw_text.{name.split()[0]}{'_url' if 'URL' in name else ''}.jsonl",
                    [{"id": r["id"], "date": p} for r, p in zip(recs, preds, strict=True)])
    return rows


def titles(recs: list[dict]) -> list[tuple]:
    from trafilatura import bare_extraction

    from cleaner import Cleaner

    c = Cleaner()
    golds = [r.get("gold_title") for r in recs]

    def traf(r: dict) -> str | None:
        d = bare_extraction(r["html"], url=r["url"], with_metadata=True, include_comments=False)
        return d.title if d is not None else None

    systems = {
        "cleaner (text)": lambda r: c.clean(r["raw_text"], url=r["url"], format="text").metadata.get("title"),
        "cleaner (HTML)": lambda r: c.clean(r["html"], url=r["url"], format="html").metadata.get("title"),
        "trafilatura (HTML)": traf,
    }
    rows = []
    for name, fn in systems.items():
        preds, speed = _timed(fn, recs)
        rows.append((name, title_scores(golds, preds), speed))
        write_jsonl(RESULTS / f"titles.{name.split()[0]}_{name.split()[1].strip('()').lower()}.jsonl",
                    [{"id": r["id"], "title": p} for r, p in zip(recs, preds, strict=True)])
    return rows


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--parts", default="dates-html,dates-text,titles")
    ap.add_argument("--with-url", action="store_true", help="also run the text input with the page URL")
    args = ap.parse_args(argv)
    logging.getLogger("htmldate").setLevel(logging.ERROR)
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    parts = args.parts.split(",")
    if "dates-html" in parts or "dates-text" in parts:
        bbaw = load("htmldate_bbaw.jsonl.gz", args.limit)
    if "dates-html" in parts:
        print(f"BBAW dates, HTML input ({len(bbaw)} pages)")
        print(f"  {'system':<24}{'accuracy':>9}{'coverage':>9}{'precision':>10}{'docs/s':>8}")
        for name, s, speed in dates_html(bbaw):
            print(f"  {name:<24}{s['accuracy']:>9.3f}{s['coverage']:>9.3f}{s['precision']:>10.3f}{speed:>8.1f}")
    for part in ("dates-tv", "dates-tv-new"):
        if part not in parts:
            continue
        tv = [r for r in load("trafilatura_evaldata.html.jsonl.gz", args.limit) if r.get("gold_date")]
        if part == "dates-tv-new":
            seen = {r["url"] for r in load("htmldate_bbaw.jsonl.gz")}
            tv = [r for r in tv if r["url"] not in seen]
        print(f"trafilatura evaluation set dates, HTML input ({len(tv)} pages{', not in BBAW' if part.endswith('new') else ''})")
        print(f"  {'system':<24}{'accuracy':>9}{'coverage':>9}{'precision':>10}{'docs/s':>8}")
        for name, s, speed in dates_html(tv, tag=part):
            print(f"  {name:<24}{s['accuracy']:>9.3f}{s['coverage']:>9.3f}{s['precision']:>10.3f}{speed:>8.1f}")
    if "dates-text" in parts:
        n_in = sum(1 for r in bbaw if r.get("gold_date_in_raw_text"))
        print(f"BBAW dates, text input ({len(bbaw)} pages; {n_in} with the gold date in the text)")
        print(f"  {'system':<24}{'acc all':>9}{'acc in-text':>12}{'coverage':>9}{'docs/s':>8}")
        for name, s_all, s_in, speed in dates_text(bbaw, args.with_url):
            print(f"  {name:<24}{s_all['accuracy']:>9.3f}{s_in['accuracy']:>12.3f}{s_all['coverage']:>9.3f}{speed:>8.1f}")
    if "titles" in parts:
        tv = load("trafilatura_evaldata.html.jsonl.gz", args.limit)
        text_by_id = {r["id"]: r["raw_text"] for r in load("trafilatura_evaldata.text.jsonl.gz", args.limit)}
        for r in tv:
            r.setdefault("raw_text", text_by_id.get(r["id"], ""))
        n = sum(1 for r in tv if r.get("gold_title"))
        print(f"Titles, trafilatura evaluation set ({n} pages with a gold title)")
        print(f"  {'system':<24}{'exact':>9}{'docs/s':>8}")
        for name, s, speed in titles(tv):
            print(f"  {name:<24}{s['exact']:>9.3f}{speed:>8.1f}")


if __name__ == "__main__":
    main()
