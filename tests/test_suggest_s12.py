"""`rules suggest`, twelfth session: packs that stay safe on pages of the site they were not learned
from. A block between two repeated markers is bounded by the length of its lines, not only by their
number; a live blog's stamped updates ("10:35 <headline>") are no comment signatures (hand-written
pages; nothing here needs the evaluation data)."""

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


# ---------------------------------------------------------------- a live blog's stamped updates

_UPDATES = [
    "Police have closed the coast road between the harbour and the lighthouse after waves threw stones onto it.",
    "The ferry company says that no boats will sail to the islands today and that tickets will be refunded.",
    "About two thousand homes in the old town have no power after a cable came down near the railway bridge.",
    "Head teachers at three primary schools have sent their pupils home early because the wind damaged the roofs.",
    "The weather station on the cliff measured a gust of ninety miles an hour just before eleven this morning.",
    "The council has opened the sports hall on Mill Lane for families who had to leave their homes by the river.",
    "Fallen trees are blocking both lanes of the ring road near the hospital, so drivers should find another way.",
    "Trains are stopping at the junction because a barn roof landed on the line a mile outside the town centre.",
    "Volunteers from the rowing club are filling sandbags in the car park behind the town hall this afternoon.",
    "The lifeboat was called out to a yacht whose mast snapped in the bay, and both sailors are safe on shore.",
    "A spokesman for the hospital said the emergency department is busy but coping with the extra patients today.",
    "Shops on the high street have boarded up their windows and most of them will not open again until Monday.",
    "The river has risen above the warning mark at the old mill, the environment agency said in a short statement.",
    "Bus services to the villages in the hills are running late because of flooding on the lower valley road.",
    "Forecasters say the wind should ease this evening, although heavy rain is expected to go on until midnight.",
]
_UPDATE_HEADS = [
    "Police close the coast road", "Ferries cancelled for the day", "Power cut in the old town",
    "Schools send pupils home", "Wind reaches ninety miles an hour", "Council opens the sports hall",
    "Trees down on the ring road", "Trains stop at the junction", "Sandbags at the town hall",
    "Lifeboat called out to a yacht", "Hospital busy but coping", "Shops boarded up",
    "River above the warning mark", "Buses late in the hills", "Wind to ease tonight",
]


def _live(n: int) -> str:
    """A live blog of storm day n: an introduction, then three updates, each under its time and
    headline ("10:35 Police close the coast road"), then the site's share row and footer."""
    lines = ["City Live", "Home | News | Sport | Weather", f"Live: storm day {n} on the coast", *STORIES[n][:2]]
    for k in range(3):
        lines += [f"{10 + k}:{(7 * n + 13 * k) % 60:02d} {_UPDATE_HEADS[3 * n + k]}", _UPDATES[3 * n + k]]
    return "\n".join([*lines, "Share this page", "Copyright City Live"])


def test_a_live_blogs_stamped_updates_are_no_comment_signatures():
    # must not: "<time> <headline>" lines share a stamp and recur below the introduction, so they
    # passed for a comment thread's signatures, and the first of them for a trailer with only
    # readers' text after it
    pages = [Page.from_text(f"p{n}", _live(n)) for n in range(4)]
    trailers = [p.keys["pattern"] for p in suggest_rules(pages, "example.com") if p.kind == "trailer" and p.enabled]
    assert trailers == ["^Share this page$"], trailers


def test_the_pack_keeps_a_live_blogs_updates_on_an_unseen_page(tmp_path: Path):
    pack = tmp_path / "example.toml"
    pack.write_text(suggest_pack([_live(n) for n in range(4)], "example.com"), encoding="utf-8")
    out = Cleaner(rules=[pack], defaults=False).clean(_live(4), site="example.com", format="text").text
    assert all(u in out for u in _UPDATES[12:]), out
    assert "Share this page" not in out and "Copyright City Live" not in out


_READ_MORE = ["Read more: Storm season starts early", "Read more: How to sandbag a door",
              "Read more: The great gale of 1987", "Read more: Insurance after a flood"]


def test_the_site_furniture_below_a_live_blogs_updates_is_no_readers_text():
    # must not: the updates' stamps passed for the first comment signature, so what the site
    # prints below them ("Read more: <headline>") was read as readers' text and not proposed
    pages = []
    for n in range(4):
        lines = _live(n).split("\n")
        pages.append(Page.from_text(f"p{n}", "\n".join([*lines[:-2], _READ_MORE[n], *lines[-2:]])))
    shapes = [p.keys["pattern"] for p in suggest_rules(pages, "example.com") if p.kind == "line" and p.enabled]
    assert r"^Read more:\s+\S.{0,85}$" in shapes, shapes
