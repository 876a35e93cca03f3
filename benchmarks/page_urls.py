"""How often the URL an HTML page names itself (`cleaner.page_url.own_url`) is on the site of the
URL the crawler recorded for it: the site packs a saved page gets by its own URL are the ones it
would get with the crawler's.

    python -m benchmarks.page_urls
    python -m benchmarks.page_urls --order canonical   # canonical link before og:url, to compare

A page whose recorded URL has no host (some sets hold labels there) is not counted.
"""

from __future__ import annotations

import argparse
from collections import Counter

from .data import eval_dir, read_jsonl

SETS = ("aeb.html.jsonl.gz", "dragnet.html.jsonl.gz", "trafilatura_evaldata.html.jsonl.gz")


def _site(host: str) -> str:
    return host.removeprefix("www.")


def main(argv: list[str] | None = None) -> int:
    from cleaner import page_url
    from cleaner.html import parse
    from cleaner.ruleset.hosts import host_of, on_site

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--order", choices=("og", "canonical"), default="og",
                    help="og: og:url first (as own_url); canonical: the canonical link first")
    args = ap.parse_args(argv)
    for name in SETS:
        counts: Counter = Counter()
        for r in read_jsonl(eval_dir() / name):
            given = host_of(r.get("url"))
            if not r.get("html") or not given or "." not in given:
                continue
            tree = parse(r["html"])
            found = page_url.own_url(tree, canonical_first=args.order == "canonical") if tree is not None else None
            counts["pages"] += 1
            if found is None:
                continue
            counts[found[1]] += 1
            a, b = _site(given), _site(host_of(found[0]) or "")
            counts["same site"] += on_site(a, b) or on_site(b, a)
        named = sum(v for k, v in counts.items() if k.startswith("html:"))
        print(f"{name}: {counts['pages']} pages with a recorded URL, {named} name their own "
              f"({', '.join(f'{k} {v}' for k, v in sorted(counts.items()) if k.startswith('html:'))}), "
              f"{counts['same site']} of those on the recorded URL's site")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
