"""`cleaner rules suggest --max-pages`: a big one-site corpus is learned from a random sample.

A generated JSON-lines corpus of one made-up site (ledger.example: 300 short pages, each with the
site's navigation line, a unique article and the site's footer) and of another host
(elsewhere.org). Past `--max-pages` of the site's pages the pack is proposed from a seeded random
sample drawn while reading, so memory and time stay bounded whatever the corpus size.
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

import cleaner.suggest_input as suggest_input
from cleaner.suggest_input import Reservoir, site_pages
from cli import app

runner = CliRunner()

NAV = "Home | Markets | Companies | Opinion | Subscribe"
FOOTER = "Copyright 2026 Ledger Media. All rights reserved."
WORDS = ("harbor orchard copper lantern meadow violet quarry falcon ember tundra saddle pillar "
         "cobalt willow marble thistle canyon ribbon walnut glacier").split()
N_SITE = 300


def article(i: int) -> list[str]:
    """Three sentences no other page shares: words picked by the page's number."""
    pick = [WORDS[(i * k + k * k) % len(WORDS)] for k in range(1, 10)]
    return [f"Report {i} says the {pick[0]} and the {pick[1]} moved {i % 7 + 2} points on the day.",
            f"Traders in {pick[2]} and {pick[3]} watched the {pick[4]} fund closely after number {i}.",
            f"Analysts expect the {pick[5]} market, the {pick[6]} desk and the {pick[7]} index to settle by week {i}."]


def site_page(i: int) -> str:
    return "\n".join([NAV, f"Headline number {i} about the {WORDS[i % len(WORDS)]} trade", *article(i), FOOTER])


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """300 pages of ledger.example and 40 of elsewhere.org, interleaved, in one JSONL.gz."""
    path = tmp_path_factory.mktemp("big") / "crawl.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for i in range(N_SITE):
            f.write(json.dumps({"url": f"https://www.ledger.example/news/{i}", "text": site_page(i)}) + "\n")
            if i % 8 == 0:
                f.write(json.dumps({"url": f"https://elsewhere.org/p/{i}", "text": f"Elsewhere menu\n{i}"}) + "\n")
    return path


def suggest(corpus: Path, out: Path, *args: str):
    res = runner.invoke(app, ["rules", "suggest", str(corpus), "--site", "ledger.example", "-o", str(out), *args])
    assert res.exit_code == 0, res.output
    return res, out.read_text(encoding="utf-8")


def page_counts(pack: str) -> set[int]:
    """The page counts the pack's evidence comments name ("N of M pages" -> M)."""
    return {int(m) for m in re.findall(r"\d+ of (\d+) pages", pack)}


def test_max_pages_learns_from_a_sample_and_says_so(corpus: Path, tmp_path: Path) -> None:
    res, pack = suggest(corpus, tmp_path / "a.toml", "--max-pages", "50")
    assert "read 338 pages: 300 of ledger.example (learning from a random 50 of them, --max-pages)" in res.output
    assert "38 of other hosts skipped" in res.output
    assert "from 50 pages of ledger.example" in pack and page_counts(pack) == {50}
    assert "Home | Markets" in pack and "Ledger Media" in pack  # the furniture is still found


def test_same_corpus_same_seed_same_pack(corpus: Path, tmp_path: Path) -> None:
    _, first = suggest(corpus, tmp_path / "a.toml", "--max-pages", "50")
    _, again = suggest(corpus, tmp_path / "b.toml", "--max-pages", "50")
    assert first == again
    res, other = suggest(corpus, tmp_path / "c.toml", "--max-pages", "50", "--seed", "7")
    assert res.exit_code == 0 and page_counts(other) == {50}  # another seed: another sample, same size


def test_another_seed_draws_another_sample(corpus: Path) -> None:
    names = [{name for name, _ in site_pages([corpus], "ledger.example", max_pages=50, seed=s).pages} for s in (0, 7)]
    assert len(names[0]) == len(names[1]) == 50
    assert names[0] != names[1]


def test_max_pages_zero_learns_from_every_page(corpus: Path, tmp_path: Path) -> None:
    res, pack = suggest(corpus, tmp_path / "all.toml", "--max-pages", "0")
    assert "read 338 pages: 300 of ledger.example, 38 of other hosts skipped" in res.output
    assert "random" not in res.output
    assert "from 300 pages of ledger.example" in pack and page_counts(pack) == {300}


def test_sample_is_in_reading_order_and_pages_left_out_are_not_decoded(corpus: Path, monkeypatch) -> None:
    decoded: list[str] = []
    real = suggest_input.page_text

    def counting(content: str, fmt: str | None) -> str:
        decoded.append(content)
        return real(content, fmt)

    monkeypatch.setattr(suggest_input, "page_text", counting)
    found = site_pages([corpus], "ledger.example", max_pages=50)
    numbers = [int(name.rsplit(":", 1)[1]) for name, _ in found.pages]
    assert len(numbers) == 50 and numbers == sorted(numbers)
    assert found.found == N_SITE and found.read == N_SITE + 38
    # About 50 * (1 + ln 6) ~ 140 pages enter the sample at some point; the rest are never decoded,
    # and no page of the other host is.
    assert len(decoded) < 200
    assert not any(c.startswith("Elsewhere") for c in decoded)


def test_fewer_pages_than_the_cap_are_all_kept_in_order() -> None:
    r = Reservoir(10, seed=3)
    for i in range(6):
        assert r.take()
        r.put((f"p{i}", "text"))
    assert [n for n, _ in r.pages()] == [f"p{i}" for i in range(6)] and not r.sampled


def test_reservoir_holds_at_most_its_size_and_samples_uniformly() -> None:
    """Each of 20 pages lands in a sample of 5 with chance 1/4: over 2,000 draws each is kept
    about 500 times (a page favoured or starved by the draw would be far off)."""
    kept = [0] * 20
    for seed in range(2000):
        r = Reservoir(5, seed=seed)
        for i in range(20):
            if r.take():
                r.put((str(i), ""))
        pages = r.pages()
        assert len(pages) == 5 and r.seen == 20 and r.sampled
        for name, _ in pages:
            kept[int(name)] += 1
    assert all(400 < k < 600 for k in kept), kept


def test_a_page_that_cannot_be_read_is_not_counted_as_offered() -> None:
    r = Reservoir(2, seed=0)
    assert r.take()  # taken, but the page turns out unreadable: no put()
    for i in range(2):
        assert r.take()
        r.put((str(i), ""))
    assert r.seen == 2 and [n for n, _ in r.pages()] == ["0", "1"]


def test_a_folder_of_text_files_is_sampled_too(tmp_path: Path) -> None:
    """Pages without a URL (a folder of one site's .txt files) go through the same sample."""
    for i in range(30):
        (tmp_path / f"page{i:02d}.txt").write_text(site_page(i), encoding="utf-8")
    found = site_pages([tmp_path], "ledger.example", max_pages=10, seed=1)
    assert len(found.pages) == 10 and found.found == 30 and not found.by_host
    assert found.summary() == ("read 30 pages: 30 of ledger.example (learning from a random 10 of them,"
                               " --max-pages) (no page has a URL: all taken as the site's)")
    assert len(site_pages([tmp_path], "ledger.example", max_pages=0).pages) == 30
