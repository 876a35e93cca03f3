"""The block choice's headline block (session 6, issue 4): the prose right under the headline kept
beside the article's run. Whole-page cases: tests/fixtures/maintext/standfirst_above_paywall_box,
intro_above_contents (kept) and teaser_far_below_headline_not_taken, stacked_next_article (must
not change); these tests pin the pieces."""

from __future__ import annotations

from cleaner.maintext import best_run
from cleaner.maintext_blockchoice import headline_block

KW = {"barrier": 40.0, "max_lead": 3, "min_total": 10.0, "max_barriers": 1}


def test_standfirst_parted_from_the_body_by_an_offer_box_is_kept():
    # headline, standfirst, byline, date, eight lines of an offer box, the body
    scores = [20.0, 18.0, -5.7, -7.0] + [-7.0] * 8 + [30.0, 40.0, 35.0]
    ends = [False, True, False, False] + [False] * 8 + [True] * 3
    a, b, _ = best_run(scores)
    assert (a, b) == (12, 15)
    assert headline_block(scores, ends, [0], a, best_run, **KW) == (1, 2)


def test_a_comment_count_link_may_lie_between_but_not_a_stacked_page():
    scores = [20.0, 18.0, -7.0, -40.0, -7.0, 30.0, 40.0]
    ends = [False, True, False, False, False, True, True]
    assert headline_block(scores, ends, [0], 5, best_run, **KW) == (1, 2)
    two = [20.0, 18.0, -40.0, -7.0, -40.0, 30.0, 40.0]
    assert headline_block(two, ends, [0], 5, best_run, **KW) is None


def test_no_block_when_the_run_starts_at_the_headline_or_there_is_none():
    scores = [20.0, 30.0, 40.0]
    ends = [False, True, True]
    assert headline_block(scores, ends, [0], 0, best_run, **KW) is None
    assert headline_block(scores, ends, [], 1, best_run, **KW) is None
    assert headline_block(scores, ends, [0], 1, best_run, **KW) is None
    assert headline_block(scores, ends, [0], 3, best_run, **{**KW, "min_total": 0.0}) is None


def test_weak_or_unfinished_lines_under_the_headline_are_not_a_block():
    scores = [20.0, 6.0, -7.0, -7.0, -7.0, 30.0, 40.0]
    ends = [False, True, False, False, False, True, True]
    assert headline_block(scores, ends, [0], 5, best_run, **KW) is None  # too little prose
    caption = [20.0, 14.0, -7.0, -7.0, -7.0, 30.0, 40.0]
    assert headline_block(caption, [False] * 5 + [True] * 2, [0], 5, best_run, **KW) is None  # no sentence end


def test_the_headline_nearest_above_the_run_counts():
    # the page title repeated in a header, a teaser, then the headline and its standfirst
    scores = [20.0, 12.0, -7.0, -7.0, 20.0, 15.0, -7.0, -7.0, -7.0, 30.0, 40.0]
    ends = [False, True, False, False, False, True, False, False, False, True, True]
    assert headline_block(scores, ends, [0, 4], 9, best_run, **KW) == (5, 6)
