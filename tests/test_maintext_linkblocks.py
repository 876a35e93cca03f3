"""The link-block pass of the main-text stage (cleaner/maintext_linkblocks.py): a block of
headlines between two paragraphs goes; lists, figures, verse and subheadings stay. Page cases in
tests/fixtures/maintext/link_block_between_paragraphs and lists_between_paragraphs_kept."""

from __future__ import annotations

from cleaner.maintext_linkblocks import link_blocks

PROSE = "A paragraph of the article that ends like a sentence."


def _blocks(block: list[str], above: str = PROSE, below: str = PROSE, listed=()):
    text = [above, *block, below]
    sizes = [len(t.split()) for t in text]
    ends = [t[-1] in ".!?:" for t in text]
    last = len(block)  # gap(k) is 1 inside the block, 2 (a blank line) at its edges

    def gap(k: int) -> int:
        return 2 if k in (0, last) else 1

    return link_blocks(0, len(text), text.__getitem__, lambda k: True, gap, sizes, ends, listed, 2, 6, 4, 20)


HEADLINES = ["Storm damage: coastal road shut after landslide", "Why the ferry timetable keeps changing"]


def test_headlines_between_paragraphs_go():
    assert _blocks(HEADLINES) == [1, 2]


def test_what_stays():
    assert _blocks(HEADLINES[:1]) == []  # one line: a subheading
    assert _blocks(HEADLINES, above="They named three things:") == []  # a lead-in: a list
    assert _blocks(HEADLINES, listed={1, 2}) == []  # rows of a list led in by a colon
    assert _blocks(["85% buy vegetables at the hall weekly", "62% say the prices are the same"]) == []  # figures
    assert _blocks(["Under the roof of iron and glass,", "where the farmers and the fishers meet,"]) == []  # verse
    assert _blocks(HEADLINES, below="Share on social media") == []  # no prose below: the article's end
    assert _blocks(["Fresh produce", "Friendly stall holders"]) == []  # short items
