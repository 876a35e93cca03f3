"""Embedded posts inside the article (cleaner/maintext_posts.py, and the repeated-line stage's
exception for attribution lines). Page case: tests/fixtures/maintext/embedded_posts_inside_article."""

from __future__ import annotations

from cleaner import Cleaner
from cleaner.maintext_posts import post_attributions, posts_end


def test_attribution_lines_and_their_text():
    text = ["Observe a minute of silence.", "— The Senate (@Senate) October 9, 2018", "Menu",
            "– 14:30 Uhr", "— Jane Doe"]
    assert post_attributions(5, text.__getitem__, lambda k: True, [6, 6, 1, 2, 2], 2) == [0, 1]
    assert posts_end(2, 5, {0, 1}, lambda k: 2) == 2


def test_a_doubled_attribution_line_is_no_doubled_caption():
    page = "\n".join([
        "The council resolves to observe a minute of silence in honour of the former mayor.",
        "— The City Council (@citycouncil) October 9, 2018",
        "",
        "Council members remember the former mayor as a patient listener.",
        "— The City Council (@citycouncil) October 9, 2018",
    ])
    removed = Cleaner().clean(page, format="text").removed
    assert not [r for r in removed if r.rule == "caption.repeated"]
    doubled = page + "\n\nFlags at the town hall on Monday\nFlags at the town hall on Monday"
    assert "caption.repeated" in [r.rule for r in Cleaner().clean(doubled, format="text").removed]
