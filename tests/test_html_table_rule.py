"""A table's header rule (`|---|`) leaves with the rows around it: when rules remove every row
next to it, it is not left alone in the text (`layout.drop_lone_rules`)."""

from __future__ import annotations

from pathlib import Path

from cleaner import Cleaner

P1 = "The harbour master said that fishing boats would use the north quay while the work goes on this winter."
P2 = "The ferry to the island will run as usual through the whole winter, the council said on Monday."
URL = "https://news.example/quay"
# Rows of several cells, as a user's rule removes them: a prices table the reader does not want.
PACK = """
[pack]
description = "a prices box"

[[rule]]
id = "test.prices"
kind = "line"
description = "rows of the ferry prices box"
pattern = '^\\| (?:Ticket|Adult|Child) \\|.*\\|$'
drop = ["| Adult | 4.50 |"]
keep = ["Adult tickets cost more."]
"""


def page(rows: str) -> str:
    return f"""<html><head><title>Quay works</title></head><body><article>
<h1>Quay works begin on the north side</h1><p>{P1}</p><table>{rows}</table><p>{P2}</p></article></body></html>"""


def lines(text: str) -> list[str]:
    return [x for x in text.split("\n") if x.strip()]


def test_a_table_whose_rows_all_go_leaves_no_rule_line():
    got = Cleaner().clean(page(
        "<tr><th>READ MORE: Ferry timetable changes for the winter season</th></tr>"
        "<tr><td>READ MORE: New lighthouse keeper named for the island</td></tr>"), url=URL, format="html")
    assert lines(got.text) == [P1, P2]  # was [P1, "|---|", P2]
    assert [(r.rule, r.kind, r.text) for r in got.removed if r.rule == "html.table-rule"] == [
        ("html.table-rule", "layout", "|---|")]


def test_rows_of_several_cells_removed_by_a_pack(tmp_path: Path):
    (tmp_path / "prices.toml").write_text(PACK, encoding="utf-8")
    rows = ("<tr><th>Ticket</th><th>Price</th></tr><tr><td>Adult</td><td>4.50</td></tr>"
            "<tr><td>Child</td><td>2.00</td></tr>")
    kept = Cleaner().clean(page(rows), url=URL, format="html")
    assert "|---|---|" in lines(kept.text) and "| Adult | 4.50 |" in lines(kept.text)  # the defaults keep it
    got = Cleaner(rules=[tmp_path]).clean(page(rows), url=URL, format="html")
    assert lines(got.text) == [P1, P2]


def test_a_rule_beside_a_kept_row_stays(tmp_path: Path):
    (tmp_path / "prices.toml").write_text(PACK, encoding="utf-8")
    c = Cleaner(rules=[tmp_path])
    header = "<tr><th>Ticket</th><th>Price</th></tr>"
    senior, adult = "<tr><td>Senior</td><td>3.00</td></tr>", "<tr><td>Adult</td><td>4.50</td></tr>"
    # the header goes, the row below the rule stays: so does the rule
    got = c.clean(page(header + senior + adult), url=URL, format="html")
    assert lines(got.text) == [P1, "|---|---|", "| Senior | 3.00 |", P2]
    # the header and the row below the rule go: a later row stays, in a paragraph of its own
    got = c.clean(page(header + adult + senior), url=URL, format="html")
    assert lines(got.text) == [P1, "| Senior | 3.00 |", P2]
