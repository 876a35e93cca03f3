"""The quality benchmark's own logic on tiny made-up records (no evaluation data needed), and the
gate over the real sets when ../shared/eval is present."""

from __future__ import annotations

import json

import pytest

from benchmarks import data, gate, quality
from cleaner import Cleaner

PAGE = "\n".join([
    "Storm closes schools | Daily",
    "",
    "Home", "News", "Sports", "Weather",
    "",
    "Schools across the county stayed closed on Monday after a storm brought down trees and power lines overnight.",
    "The district said classes would resume on Wednesday if the roads are cleared in time for the buses.",
    "",
    "Privacy Policy", "Terms of Use",
])
GOLD = ("Schools across the county stayed closed on Monday after a storm brought down trees and power lines overnight.\n\n"
        "The district said classes would resume on Wednesday if the roads are cleared in time for the buses.")


def test_gate_check():
    floors = {"_about": "x", "aeb": {"f1": 0.9, "recall": 0.8}}
    assert gate.check({"aeb": {"f1": 0.95, "recall": 0.85}}, floors) == []
    assert gate.check({"aeb": {"f1": 0.85, "recall": 0.85}}, floors) == ["aeb f1 0.8500 < floor 0.9000"]
    assert gate.check({}, floors) == ["aeb f1 missing < floor 0.9000", "aeb recall missing < floor 0.8000"]


def test_scoring_listing_rule_table_and_saved_predictions(tmp_path):
    recs = [{"id": "p1", "url": "https://daily.example/storm", "raw_text": PAGE, "gold_text": GOLD}]
    results = [Cleaner().clean(PAGE, url=recs[0]["url"], format="text", id="p1")]
    scores = quality.score_set("aeb", recs, results)
    assert scores["f1"] == pytest.approx(1.0)
    table = quality.rule_table("aeb", recs, results)
    assert table["maintext.before-article"]["lines"] == 4
    assert sum(row.get("wrong_lines", 0) for row in table.values()) == 0
    listing = quality.page_listing("aeb", recs, results, worst=1)
    assert listing[0].startswith("--- p1  F1 1.000")
    path = quality.save_predictions("aeb", recs, results, out_dir=tmp_path)
    row = json.loads(path.read_text(encoding="utf-8"))
    assert row["id"] == "p1" and row["text"].split() == GOLD.split() and row["title"] == "Storm closes schools"


def test_snippet_listing_names_the_rule_that_dropped_a_with_snippet():
    recs = [{"id": "s1", "raw_text": PAGE, "with": ["Schools across the county", "Home"], "without": ["Privacy Policy"]}]
    results = [Cleaner().clean(PAGE, format="text")]
    assert quality.score_set("snippets", recs, results) == pytest.approx({"f1": 2 / 3, "precision": 1.0, "recall": 0.5})
    listing = quality.page_listing("snippets", recs, results, worst=1)
    assert any("dropped 'with' [maintext.before-article]: 'Home'" in x for x in listing)


@pytest.mark.slow
@pytest.mark.skipif(not data.have_eval(), reason="no ../shared/eval")
def test_gate_passes_on_the_evaluation_sets():
    assert gate.main([]) == 0


def test_rule_table_tells_a_dropped_copy_from_a_lost_line():
    """A `with` snippet inside a removed later copy is dropped but not lost (the first copy is kept);
    one whose only line is removed is lost."""
    para = "The district said classes would resume on Wednesday if the roads are cleared in time for the buses."
    page = PAGE.replace(para, para + "\n\n" + para)
    results = [Cleaner().clean(page, format="text")]
    assert results[0].text.count(para) == 1
    recs = [{"id": "s1", "raw_text": page, "with": ["classes would resume on Wednesday", "Home"], "without": []}]
    table = quality.rule_table("snippets", recs, results)
    assert table["maintext.repeated-paragraph"]["with_dropped"] == 1
    assert table["maintext.repeated-paragraph"].get("with_lost", 0) == 0
    assert table["maintext.before-article"]["with_lost"] == 1
    body = quality.rule_table("aeb", [{"id": "a1", "raw_text": page, "gold_text": GOLD + "\n\n" + para}], results)
    assert body["maintext.repeated-paragraph"]["wrong_lines"] == 1
    assert body["maintext.repeated-paragraph"].get("lost_lines", 0) == 0
