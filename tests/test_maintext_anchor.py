"""The headline anchor of the run choice and the language packs' widget headings (session 4,
issue 4): their cases are tests/fixtures/maintext/stacked_next_article and
german_see_also_widget; these tests pin the pieces."""

from __future__ import annotations

from cleaner.maintext import Lexicon, best_run
from cleaner.maintext_anchor import headline_run

# headline, three paragraphs, tags and related headings, then a longer stacked article
STACKED = [20.0, 23.0, 25.0, 28.0, -40.0, -7.0, -40.0, -20.0, 60.0, 70.0]


def test_stacked_article_gives_way_to_the_headline_run():
    a, b, total = best_run(STACKED)
    assert (a, b) == (8, 10)
    assert headline_run(STACKED, [0], a, b, 40.0, 60.0, best_run, 2, 0.5, total) == (0, 4, 96.0)


def test_one_barrier_under_the_headline_does_not_part_it_from_the_article():
    # headline, standfirst, "Comments (3)", the article
    scores = [20.0, 25.0, 30.0, -40.0, 50.0, 60.0, 70.0]
    a, b, total = best_run(scores)
    assert headline_run(scores, [0], a, b, 40.0, 60.0, best_run, 2, 0.5, total) is None


def test_a_small_headline_run_or_a_headline_in_the_footer_changes_nothing():
    assert headline_run(STACKED, [0], 8, 10, 40.0, 200.0, best_run, 2, 0.5, 130.0) is None
    article = [30.0, 80.0, 90.0, 70.0, -40.0, 20.0, 25.0, -7.0]  # title repeated below the article
    a, b, total = best_run(article)
    assert headline_run(article, [5], a, b, 40.0, 40.0, best_run, 2, 0.5, total) is None
    assert headline_run(article, [], a, b, 40.0, 40.0, best_run, 2, 0.5, total) is None


def test_widget_headings_come_from_the_language_packs(default_cleaner):
    lex = default_cleaner.ruleset_for(None).lexicon
    assert {"mehr zum thema", "zobacz także", "lire aussi", "related"} <= lex.widgets
    assert "kommentare" not in lex.widgets and "comments" not in lex.widgets
    assert lex.widgets <= lex.barriers


def test_widget_words_are_normalised():
    lex = Lexicon.build([("de", {"barrier": ("Mehr zum Thema:",), "widget": ("Mehr  zum Thema:",)})])
    assert lex.widgets == {"mehr zum thema"}


def test_a_widget_heading_is_a_barrier_even_when_barrier_does_not_list_it():
    """A pack that lists a heading only under `widget` must not lose its barrier role (a merge of
    two packs once left "lire aussi" in `widget` and out of `barrier`, where it did nothing)."""
    lex = Lexicon.build([("fr", {"barrier": ("commentaires",), "widget": ("Lire aussi",)})])
    assert lex.widgets == {"lire aussi"}
    assert lex.barriers == {"commentaires", "lire aussi"}
