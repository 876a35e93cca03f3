"""A second copy of the article on the same page (cleaner/maintext_repeats.py): the copy goes,
the first copy of every paragraph stays, exactly once; short repeated lines stay."""

from __future__ import annotations

from pathlib import Path

from cleaner.document import Document
from cleaner.maintext_repeats import CONCAT, REPEAT, drop_concatenations, drop_later_copies

FIXTURES = Path(__file__).parent / "fixtures" / "maintext"


def _text(name: str) -> str:
    return "\n".join(line[2:] for line in (FIXTURES / name).read_text(encoding="utf-8").split("\n")
                     if not line.startswith("# url:"))


def test_article_repeated_below_is_kept_once(default_cleaner):
    r = default_cleaner.clean(_text("article_repeated_below.case.txt"), format="text")
    lines = r.text.split("\n")
    for start in ("Clouds covered the sky", "On the sixth night", "The pictures are not as sharp"):
        assert sum(line.startswith(start) for line in lines) == 1, start
    assert [x.start_line for x in r.removed if x.rule == REPEAT] == [17]


def test_article_in_one_line_goes(default_cleaner):
    r = default_cleaner.clean(_text("article_copy_in_one_line.case.txt"), format="text")
    assert len(r.text.split("\n")) == 7  # four paragraphs, blank lines between
    assert any(x.rule == CONCAT for x in r.removed)


def test_short_repeated_lines_stay():
    """A chorus (shorter than repeat_min_words) stays every time; a long line repeated goes."""
    chorus = "Sing it loud and sing it long tonight"
    verse = "The first verse tells of a ship that left the harbour on a grey morning."
    doc = Document([verse, "", chorus, "", "Another verse, with other words, about the sea and the wind.", "", chorus, "", verse])
    drop_later_copies(doc, range(len(doc.lines)), min_words=10)
    assert doc.removed_by == [None] * 8 + [(REPEAT, "maintext")]


def test_concatenation_needs_enough_parts():
    parts = [f"Paragraph number {n} of the story has a dozen words or so in it today." for n in range(4)]
    doc = Document([*parts, " ".join(parts[:2])])
    drop_concatenations(doc, list(range(5)), min_words=10, min_parts=3)
    assert doc.removed_by[4] is None  # holds two paragraphs: could be a lead that repeats them
    doc = Document([*parts, " ".join(parts)])
    drop_concatenations(doc, list(range(5)), min_words=10, min_parts=3)
    assert doc.removed_by == [None] * 4 + [(CONCAT, "maintext")]


def test_a_paragraph_quoted_several_times_is_one_part():
    """Comments quoting one sentence of a paragraph three times do not make the paragraph a copy;
    three different paragraphs inside it still do (the order of the lines does not matter)."""
    quote = "The cost of membership is not high, and most of it is paid back to us in trade."
    para = quote + (" What we get back in jobs and investment is worth far more than that, and the rest goes to"
                    " poorer members, who buy our goods in turn; leaving would cost more than it saves, as every"
                    " study of the question has found, whoever paid for it and whatever it hoped to show.")
    doc = Document([para, "", "> " + quote, quote, "Comment two.", quote, "Comment three.", quote])
    drop_concatenations(doc, list(range(len(doc.lines))), min_words=10, min_parts=3)
    assert doc.removed_by == [None] * len(doc.lines)
    parts = [f"Paragraph number {n} of the story has a dozen words or so in it today." for n in range(4)]
    doc = Document([" ".join(parts), *parts, parts[0]])
    drop_concatenations(doc, list(range(6)), min_words=10, min_parts=3)
    assert doc.removed_by == [(CONCAT, "maintext")] + [None] * 5
