"""Smaller passes of the main-text stage added in session 3 (issue 4, snippet accuracy): the
short-post fallback below the headline, German closing quotes, and their cases in
tests/fixtures/maintext/ (short_post_below_headline, german_read_inline)."""

from __future__ import annotations

from cleaner.document import Document
from cleaner.maintext import score_lines
from cleaner.maintext_headline import below_headline


def test_below_headline_stops_at_the_first_barrier():
    assert below_headline([-7.0, 20.0, -1.0, 3.0, -40.0, 5.0], 1, 40.0) == (2, 4)
    assert below_headline([20.0, -1.0], 0, 40.0) == (1, 2)


def test_german_closing_quote_ends_a_sentence(default_cleaner):
    rs = default_cleaner.ruleset_for(None)
    lines = [
        "„Wir wollen, dass sich alle auf dem Weg sicher fühlen und gern mit dem Rad fahren.“",
        "»Das ist eine gute Nachricht für die ganze Stadt und für alle, die hier wohnen.«",
        "Startseite",
    ]
    doc = Document(lines)
    _, _, ends = score_lines(doc, [0, 1, 2], rs.lexicon, rs.maintext)
    assert ends == [True, True, False]


def test_short_post_keeps_nothing_of_the_sidebar(default_cleaner):
    page = "\n\n".join([
        "Kurz notiert | Notizen",
        "Notizen",
        "Kurz notiert",
        "„Hast du den Schlüssel?“",
        "– „Welchen Schlüssel?“",
        "Gefällt mir:",
        "Kategorien",
        "Alltag",
        "Reisen",
        "Archiv",
        "März 2021",
    ])
    text = default_cleaner.clean(page, format="text").text
    assert text.split("\n\n") == ["„Hast du den Schlüssel?“", "– „Welchen Schlüssel?“"]
