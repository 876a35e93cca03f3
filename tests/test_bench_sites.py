"""The site-pack benchmark runs end to end on a few Dragnet sites (skipped without ../shared/eval)."""

from __future__ import annotations

import pytest

from benchmarks.data import have_eval


@pytest.mark.slow
@pytest.mark.skipif(not have_eval(), reason="evaluation data (../shared/eval) not present")
def test_suggested_packs_help_on_pages_they_did_not_see(tmp_path):
    from benchmarks.sites import folds, run

    assert folds([1, 2, 3, 4, 5]) == [([1, 3, 5], [2, 4]), ([2, 4], [1, 3, 5])]
    assert folds([1, 2, 3, 4, 5], "halves") == [([1, 2, 3], [4, 5]), ([4, 5], [1, 2, 3])]
    with pytest.raises(ValueError, match="halves"):
        folds([1, 2], "thirds")
    res = run(0.5, 3, tmp_path)
    assert res["pages"] > 0 and len(res["per_site"]) == 3
    assert res["sugg"]["f1"] > res["base"]["f1"]
    assert len(list(tmp_path.glob("*.toml"))) == 6  # two folds a site


def test_saved_predictions_are_json_lines_written_whole(tmp_path):
    import json

    from benchmarks.sites import save_predictions

    rows = [{"site": "example.com", "id": "a", "gold": "Un été à Nîmes.", "default": "", "suggested": "x"},
            {"site": "example.com", "id": "b", "gold": "", "default": "y", "suggested": ""}]
    out = tmp_path / "sub" / "pred.jsonl"
    save_predictions(rows, out)
    assert [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()] == rows
    assert [p.name for p in out.parent.iterdir()] == ["pred.jsonl"]  # no temporary file left behind


def test_random_folds_are_seeded_and_cover_every_page_once():
    from benchmarks.sites import folds

    pages = list(range(11))
    one = folds(pages, "random", seed=3, salt="a.com")
    assert one == folds(pages, "random", seed=3, salt="a.com")
    (learn, score), (learn2, score2) = one
    assert sorted(learn + score) == pages and (learn2, score2) == (score, learn)
    assert len(learn) == 6 and len(score) == 5
    others = [folds(pages, "random", seed=s, salt="a.com")[0][0] for s in range(4, 10)]
    assert any(o != learn for o in others)
