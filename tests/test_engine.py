"""Each stage of the engine on small hand-written documents, with one-rule packs."""

from __future__ import annotations

import pytest

from cleaner import Cleaner
from cleaner.engine import run
from cleaner.ruleset.loader import load_text
from cleaner.ruleset.pack import RuleSet


def rs(toml: str) -> RuleSet:
    return RuleSet([load_text(toml, "test.toml")])


PROSE = "This is an ordinary sentence of an article, long enough to be prose."


def test_trailer_guard_keeps_marker_near_top():
    r = rs("[[rule]]\nid='t.x'\nkind='trailer'\npattern='^Please donate'\nmin_position=0.3\n")
    doc = "Please donate to the shelter, the mayor told residents.\n\n" + "\n\n".join([PROSE] * 5)
    assert run(doc, r).text == doc.strip()
    doc2 = "\n\n".join([PROSE] * 5) + "\n\nPlease donate now.\n\nFollow us.\n\nFooter."
    out = run(doc2, r)
    assert out.text == "\n\n".join([PROSE] * 5)
    assert out.removed[0].rule == "t.x" and out.removed[0].text.endswith("Footer.")


def test_block_needs_its_end_within_max_lines():
    r = rs("[[rule]]\nid='b.x'\nkind='block'\nstart='^BEGIN'\nend='^END$'\nmax_lines=3\n")
    assert run(f"{PROSE}\nBEGIN\nmiddle\nEND\n{PROSE}", r).text == f"{PROSE}\n\n{PROSE}"
    long_block = f"{PROSE}\nBEGIN\na\nb\nc\nEND\n{PROSE}"
    assert run(long_block, r).text == long_block


def test_block_without_end_takes_max_lines():
    r = rs("[[rule]]\nid='b.y'\nkind='block'\nstart='^Most read$'\nmax_lines=3\n")
    out = run(f"{PROSE}\n\nMost read\nOne\nTwo\nThree\n\n{PROSE}", r)
    assert out.text == f"{PROSE}\n\nThree\n\n{PROSE}"


def test_leading_only_in_window():
    r = rs("[[rule]]\nid='l.x'\nkind='leading'\npattern='^Home$'\nwindow=2\n")
    assert run(f"Home\n{PROSE}\nHome", r).text == f"{PROSE}\nHome"


def test_inline_strip_keeps_rest_and_records_span():
    r = rs("[[rule]]\nid='i.x'\nkind='inline'\npattern='\\s*\\(Photo: [^)]*\\)'\n")
    out = run("The senator spoke (Photo: AP) after the vote.", r)
    assert out.text == "The senator spoke after the vote."
    (rem,) = out.removed
    assert rem.rule == "i.x" and rem.text == " (Photo: AP)" and rem.span == (17, 29)


def test_inline_strip_of_whole_line_drops_it():
    r = rs("[[rule]]\nid='i.y'\nkind='inline'\npattern='\\(Photo: [^)]*\\)'\n")
    out = run(f"(Photo: AP)\n{PROSE}", r)
    assert out.text == PROSE and out.removed[0].start_line == 1


def test_header_only_at_top_and_bad_date_kept_raw():
    r = rs("[[rule]]\nid='h.x'\nkind='header'\npattern='^date (?P<date>\\S+)\\s*'\nmax_line=1\n")
    out = run("date 2025-02-30 Body text.", r)
    assert "date" not in out.metadata and out.metadata["date_raw"] == "2025-02-30"
    later = run(f"{PROSE}\ndate 2025-01-01 not a header", r)
    assert later.metadata == {} and later.text.endswith("not a header")


def test_removed_lines_break_paragraphs_and_blank_runs_collapse():
    r = rs("[[rule]]\nid='x.x'\nkind='line'\npattern='^DROP$'\n")
    assert run("one\nDROP\ntwo\n\n\n\nthree", r).text == "one\n\ntwo\n\nthree"


def test_removals_grouped_by_rule_and_run():
    r = rs("[[rule]]\nid='x.x'\nkind='line'\npattern='^DROP'\n")
    out = run("DROP a\n\nDROP b\nkeep\nDROP c", r)
    assert [(x.start_line, x.end_line) for x in out.removed] == [(1, 3), (5, 5)]


def test_every_removal_replays_against_the_input(fixtures):
    """The explanation is exact: each removed whole line is the input line at that number."""
    text = (fixtures / "seeds" / "000_b3c9ea3ec74f0b8e.txt").read_text()
    lines = [" ".join(x.split()) for x in text.split("\n")]
    for rem in Cleaner().clean(text).removed:
        if rem.span is None:
            got = [x for x in lines[rem.start_line - 1 : rem.end_line] if x]
            assert "\n".join(got) == rem.text


@pytest.mark.parametrize("bad", ["", "\n\n  \n", "\x00"])
def test_degenerate_inputs(bad):
    out = Cleaner().clean(bad, format="text")
    assert out.text == "" or out.text == bad.strip()
