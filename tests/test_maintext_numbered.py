"""The numbered-list pass of the main-text stage (cleaner/maintext_numbered.py). Page cases in
tests/fixtures/maintext/numbered_list_goes_on and numbered_box_below_article_not_a_list."""

from __future__ import annotations

from cleaner.maintext_numbered import item_number, numbered_end


def _end(text, b, gaps=None):
    return numbered_end(0, b, len(text), text.__getitem__, lambda k: True,
                        lambda k: (gaps or {}).get(k, 2), 3, 3)


def test_item_numbers():
    assert item_number("12) Roger Waters – The Wall (DVD)") == 12
    assert item_number("3. Up the valley") == 3
    assert item_number("2019. A year of change") is None  # four digits: a year
    assert item_number("1.5 million people came") is None


def test_the_list_goes_on_only_with_the_next_number():
    text = ["Prose.", "6) Ghostbusters", "7) Indiana Jones", "8) Magnum", "9) Drums", "Tags"]
    assert _end(text, 3) == 5
    box = ["Prose.", "2. Around the island", "3. Up the valley", "Most read", "1. Council news", "2. Bakery prize"]
    assert _end(box, 3) == 3  # a box numbered from 1 below the article
    far = ["Prose.", "7) Indiana Jones", "a", "b", "c", "8) Magnum"]
    assert _end(far, 2) == 2  # too far below
    assert _end(["Prose.", "More prose.", "Tags", "1) One"], 2) == 2  # no item in the run
