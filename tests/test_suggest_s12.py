"""`rules suggest`, twelfth session: packs that stay safe on pages of the site they were not learned
from. A block between two repeated markers is bounded by the length of its lines, not only by their
number (hand-written pages; nothing here needs the evaluation data)."""

from __future__ import annotations

from pathlib import Path

from stories import STORIES

from cleaner import Cleaner
from cleaner.suggest import Page, suggest_pack, suggest_rules

# ---------------------------------------------------------------- a block between two markers

_HEADLINES = [
    ["Storm damage closes the pier", "New bus lanes open", "Mayor visits the school"],
    ["Ferry fares to rise", "Museum wins an award", "Roadworks on the bypass"],
    ["Choir sings for charity", "Bakery closes after fifty years", "Park gates repaired"],
    ["Lifeboat crew rescues two", "Market moves indoors", "New vicar arrives"],
    ["Cinema reopens", "Cycle path extended", "Flood defences tested"],
]


def _gazette(n: int, *, list_between: bool = True) -> str:
    """A news page: an inset list of other headlines between "More from the Gazette" and "Back to
    the story" after the first paragraph. Without `list_between` (another layout of the site), the
    inset is empty and "Back to the story" comes below the rest of the article."""
    a, b, c = STORIES[n]
    lines = ["Harbour Gazette", "News | Sport | Weather", f"Story number {n} from the coast", a, "More from the Gazette"]
    if list_between:
        lines += [*_HEADLINES[n], "Back to the story", b, c]
    else:
        lines += [b, c, "Back to the story"]
    return "\n".join([*lines, "Share this story", "Copyright Harbour Gazette"])


def _block(props):
    return next(p for p in props if p.kind == "block" and p.keys["start"] == "^More from the Gazette$")


def test_a_block_between_two_markers_is_bounded_by_its_longest_line():
    # must not: the block carried `max_lines` alone, though it was learned only where the lines
    # between its markers are short (the headlines here are 5 words at most)
    pages = [Page.from_text(f"p{n}", _gazette(n)) for n in range(4)]
    block = _block(suggest_rules(pages, "example.com"))
    assert block.enabled
    # the longest line seen in it ("Storm damage closes the pier", 5 words) and a margin of 5
    assert block.keys["max_words"] == 10


def test_the_block_keeps_the_article_when_its_end_marker_comes_below_paragraphs(tmp_path: Path):
    # must not: on a page of another layout, "Back to the story" comes after two of the article's
    # paragraphs; the block learned from the inset list (span 5 lines, `max_lines` 10) reached it and
    # removed both paragraphs.
    pack = tmp_path / "example.toml"
    pack.write_text(suggest_pack([_gazette(n) for n in range(4)], "example.com"), encoding="utf-8")
    cleaner = Cleaner(rules=[pack], defaults=False)
    unseen = cleaner.clean(_gazette(4, list_between=False), site="example.com", format="text").text
    assert all(p in unseen for p in STORIES[4]), unseen
    # on a page of the layout it was learned from, the list still goes
    seen = cleaner.clean(_gazette(4), site="example.com", format="text")
    assert all(p in seen.text for p in STORIES[4])
    assert not any(h in seen.text for h in _HEADLINES[4])
    assert any(r.rule == "example.block-1" for r in seen.removed)

