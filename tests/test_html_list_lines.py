"""A line rule written against a page's text fires on the HTML path's list items and table rows.

trafilatura lays a list item out as `- item` and a table row as `| a | b |`; the rule stages read
the item's own text (`cleaner/layout.py`), and the output keeps the markers.
"""

from __future__ import annotations

import pytest

from cleaner import Cleaner
from cleaner.layout import rewrap, unwrap

# A site pack as `rules suggest` writes one from the page's visible text: a literal line and an
# anchored pattern, neither knowing about list or table markers.
PACK = """
[pack]
description = "furniture of one blog"

[[rule]]
id = "blog.share"
kind = "line"
description = "the share box's label"
pattern = '^Share\\ this:$'
drop = ["Share this:"]
keep = ["Share this: a story"]

[[rule]]
id = "blog.read-more"
kind = "line"
description = "links to other posts"
pattern = '^Read more: .*$'
drop = ["Read more: Ten tips for the garden"]
keep = ["We read more: books, papers, letters."]
"""

BODY = (
    "The harbour master said on Tuesday that the fishing boats of the town would use the north quay "
    "while the work on the old pier goes on through the winter months. "
)

PAGE = f"""<html><head><title>Works on the old pier start in March</title></head><body>
<article>
<h1>Works on the old pier start in March</h1>
<p>{BODY * 3}</p>
<p>The plan has three parts, which the council agreed on last week after a long debate:</p>
<ul>
<li>Dredging the inner basin before the spring tides come in</li>
<li>Rebuilding the pier head with stone from the old quarry</li>
<li>New lights along the whole length of the harbour wall</li>
</ul>
<p>{BODY * 2}</p>
<ul>
<li>Read more: Ten tips for the garden this spring</li>
<li>Read more: The ferry timetable for the summer</li>
</ul>
<table><tr><td>High tide on Monday</td><td>4.2 metres at the pier head</td></tr>
<tr><td>Share this:</td></tr></table>
<p>The council expects the works to end before the summer season, when visitors return to the town.</p>
</article></body></html>"""


@pytest.fixture(scope="module")
def cleaned(tmp_path_factory):
    pack = tmp_path_factory.mktemp("rules") / "blog.toml"
    pack.write_text(PACK)
    return Cleaner(rules=pack).clean(PAGE, format="html")


def test_line_rules_fire_on_list_items_and_one_cell_rows(cleaned):
    assert "Read more" not in cleaned.text
    assert "Share this" not in cleaned.text
    fired = [r.rule for r in cleaned.removed]
    assert fired.count("blog.read-more") == 1  # the two items are one run of removed lines
    assert "blog.share" in fired
    removed = "\n".join(r.text for r in cleaned.removed if r.rule == "blog.read-more")
    assert "Read more: The ferry timetable for the summer" in removed


def test_the_articles_own_list_items_stay_with_their_markers(cleaned):
    for item in ("Dredging the inner basin", "Rebuilding the pier head", "New lights along"):
        assert f"- {item}" in cleaned.text
    assert "| High tide on Monday | 4.2 metres at the pier head |" in cleaned.text  # a row of several cells stays whole
    assert "The council expects the works to end" in cleaned.text


def test_the_plain_text_path_is_unchanged(tmp_path):
    pack = tmp_path / "blog.toml"
    pack.write_text(PACK)
    text = BODY * 3 + "\n\n- Read more: Ten tips for the garden this spring\n\n" + BODY
    assert "- Read more: Ten tips" in Cleaner(rules=pack).clean(text).text


def test_unwrap_takes_off_markers_and_rewrap_puts_them_back():
    lines = ["- An item", "| Share this: | |", "| a | b |", "|---|---|", "Plain line", "-", "- ", "|---|"]
    bare, marks = unwrap(lines)
    assert bare == ["An item", "Share this:", "| a | b |", "|---|---|", "Plain line", "-", "- ", "|---|"]
    assert rewrap(bare, marks) == lines
    assert rewrap(["", "", *bare[2:]], marks)[:2] == ["", ""]  # a removed line stays blank


def test_rewrap_keeps_an_inline_strip():
    bare, marks = unwrap(["| Photo: the pier at dusk (credit: J. Smith) |"])
    assert rewrap(["Photo: the pier at dusk"], marks) == ["| Photo: the pier at dusk |"]
