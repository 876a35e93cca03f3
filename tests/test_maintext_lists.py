"""The headed-list pass of the main-text stage (cleaner/maintext_lists.py): a list under a short
heading just below the article is kept; headline lists and menus under a heading are not. Cases
in tests/fixtures/maintext/headed_*.case.txt (run by test_maintext.py)."""

from __future__ import annotations

from pathlib import Path

from cleaner import Cleaner
from cleaner.maintext_lists import list_like, row_marks

FIXTURES = Path(__file__).parent / "fixtures" / "maintext"


def test_rows_of_one_list_share_a_mark():
    rows = ["England (Group A): 10th appearance", "Finland (Group J): Zero appearances",
            "Wales (Group E): Second appearance", "Spain (Group F): 11th appearance"]
    assert list_like(rows, [5, 5, 5, 5], 4, 0.8)


def test_menus_headlines_and_teasers_are_no_list():
    menu = ["News", "Sport", "Arts and culture", "Letters"]
    assert not list_like(menu, [1, 1, 3, 1], 4, 0.8)  # too few words a line
    heads = ["Storm damages roofs across the valley", "Why the school run is longer", "Bakery wins a prize",
             "New bus timetable: what changes"]
    assert not list_like(heads, [6, 6, 4, 5], 4, 0.8)  # no mark on most lines
    teasers = ["June 9: the band plays the first of …", "June 10: the band plays the second of …",
               "June 11: the band plays the third of …"]
    assert not list_like(teasers, [8, 8, 8], 4, 0.8)  # cut-off summaries


def test_quotes_and_full_stops_are_no_marks():
    assert row_marks("“Yes,” she said.") == {","}


def test_the_pass_is_off_when_its_key_is_zero(tmp_path):
    (tmp_path / "off.toml").write_text("[maintext]\nheaded_list_min_lines = 0\n")
    page = (FIXTURES / "headed_list_below_article.case.txt").read_text(encoding="utf-8")
    text = "\n".join(line[2:] for line in page.split("\n"))
    assert "March 4 – Leeds, Town Hall @ 7.30 pm" in Cleaner().clean(text, format="text").text
    assert "March 4 – Leeds, Town Hall @ 7.30 pm" not in Cleaner(rules=tmp_path).clean(text, format="text").text
