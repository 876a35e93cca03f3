"""Dates: parsing and validation, the date rule kind and its pack keys, and the date stage on
hand-written page texts (tests/fixtures/dates/)."""

from __future__ import annotations

import datetime as dt

import pytest

from cleaner import Cleaner, clean
from cleaner.errors import RuleError
from cleaner.metadata.dates import build_iso, from_parts, to_iso, tz_offset
from cleaner.ruleset.loader import load_text


def test_iso_forms_and_impossible_dates():
    assert to_iso("2019-11-18T23:03:00Z") == "2019-11-18T23:03:00+00:00"
    assert to_iso("07.04.2025 10:32") == "2025-04-07T10:32"
    assert to_iso("2025-02-30") is None
    assert build_iso(1985, 1, 1) is None  # before 1990: not a web article's date
    tomorrow_plus = dt.date.today() + dt.timedelta(days=3)
    assert build_iso(tomorrow_plus.year, tomorrow_plus.month, tomorrow_plus.day) is None


def test_from_parts_am_pm_zone_and_two_digit_year():
    months = {"november": 11}
    got = from_parts({"month": "November", "day": "18", "year": "2019", "hour": "11", "minute": "03", "ampm": "PM"}, months)
    assert got == "2019-11-18T23:03"
    assert from_parts({"day": "1", "month": "1", "year": "2019", "hour": "12", "minute": "05", "ampm": "a.m."}) == "2019-01-01T00:05"
    assert from_parts({"day": "17", "month": "11", "year": "19"}) == "2019-11-17"
    assert tz_offset("CEST") == "+02:00" and tz_offset("nonsense") is None


def test_site_timezone_by_name_follows_daylight_saving():
    winter = from_parts({"day": "5", "month": "1", "year": "2020", "hour": "10", "minute": "00"}, timezone="Europe/Berlin")
    summer = from_parts({"day": "5", "month": "7", "year": "2020", "hour": "10", "minute": "00"}, timezone="Europe/Berlin")
    assert winter == "2020-01-05T10:00+01:00"
    assert summer == "2020-07-05T10:00+02:00"


def _fixture(fixtures, name):
    return (fixtures / "dates" / name).read_text(encoding="utf-8")


def test_published_beats_updated_related_and_comment_dates(fixtures):
    r = clean(_fixture(fixtures, "byline_en.txt"))
    assert r.metadata["date"] == "2025-04-07T10:32"
    assert r.sources["date"] == "date.en.mdy+date.en.published"
    assert r.metadata["updated"] == "2025-04-08"
    # The byline lines leave the text; the related article's date and the comment are no date
    # rule's business (the main-text stage drops them below the article, as after-article text).
    assert "Published April 7" not in r.text and "Updated April 8" not in r.text
    assert not any("March 30, 2025" in x.text and x.rule.startswith("date.") for x in r.removed)


def test_dateline_after_the_headline_beats_a_related_date_above_it(fixtures):
    r = clean(_fixture(fixtures, "dateline_de.txt"))
    assert r.metadata["date"] == "2023-03-12T09:30"
    assert r.sources["date"] == "date.dmy-dots"
    assert "12.03.2023" not in r.text


def test_updated_date_is_used_when_no_original_is_given(fixtures):
    r = clean(_fixture(fixtures, "updated_only_fr.txt"))
    assert r.metadata["date"] == "2025-04-08T10:32"
    assert r.sources["date"] == "date.fr.dmy+date.fr.updated"


def test_copyright_lines_never_give_the_date():
    r = clean("A headline for a short story\n\nThe council met on Monday and said little.\n\nCopyright © 12.03.2023 Example Ltd")
    assert "date" not in r.metadata


def test_header_rule_is_trusted_over_a_byline():
    r = clean("date 2025-04-01 The story starts here.\n\nPublished April 7, 2025\n\nMore of the story.")
    assert r.metadata["date"] == "2025-04-01"
    assert r.sources["date"] == "meta.date-header"


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("Veröffentlicht am 4. Februar 2022 um 11:23", "2022-02-04T11:23"),
        ("Publié le 1er mars 2020", "2020-03-01"),
        ("Publicado el 7 de abril de 2025 a las 10:32", "2025-04-07T10:32"),
        ("sexta-feira, 22 de outubro de 2010 às 20:13", "2010-10-22T20:13"),
        ("Pubblicato il 7 aprile 2025 alle 10:32", "2025-04-07T10:32"),
        ("Gepubliceerd op 7 april 2025 om 10:32", "2025-04-07T10:32"),
        ("Opublikowano: 7 kwietnia 2025, 10:32", "2025-04-07T10:32"),
        ("Reuters November 18, 2019 11:03 PM", "2019-11-18T23:03"),
        ("07.04.2025 10:32", "2025-04-07T10:32"),
    ],
)
def test_bylines_in_eight_languages(line, want):
    r = clean(f"Headline of the story\n\n{line}\n\nThe first paragraph of the article, long enough to be one.")
    assert r.metadata.get("date") == want


def test_site_pack_date_format_and_timezone(tmp_path):
    (tmp_path / "example.toml").write_text(
        '[pack]\nsites = ["example.com"]\ndate_format = "DMY"\ntimezone = "Europe/Berlin"\n', encoding="utf-8"
    )
    c = Cleaner(rules=tmp_path)
    doc = "Headline of the story\n\n05/10/2018 10:00\n\nThe first paragraph of the article, long enough to be one."
    assert c.clean(doc, url="https://www.example.com/a").metadata["date"] == "2018-10-05T10:00+02:00"
    # Elsewhere the order is ambiguous, and no date is guessed.
    assert "date" not in c.clean(doc, url="https://other.org/a").metadata


@pytest.mark.parametrize(
    ("pack", "message"),
    [
        ('months = { jan = 13 }', "month name -> number"),
        ('date_format = "YDM"', "'DMY' or 'MDY'"),
        ('timezone = "Mars/Olympus"', "UTC offset"),
    ],
)
def test_bad_date_pack_keys_are_refused(pack, message):
    with pytest.raises(RuleError, match=message):
        load_text(f"[pack]\n{pack}\n", "x.toml")


def test_month_placeholder_needs_a_table_and_role_is_checked():
    rule = '[[rule]]\nid = "d.x"\nkind = "date"\npattern = \'\'\'(?P<day>\\d+) (?P<month>{month}) (?P<year>\\d{4})\'\'\'\n'
    with pytest.raises(RuleError, match="no 'months' table"):
        load_text(rule, "x.toml")
    bad_role = '[[rule]]\nid = "d.x"\nkind = "date"\nrole = "maybe"\npattern = "Published"\n'
    with pytest.raises(RuleError, match="role must be one of"):
        load_text(bad_role, "x.toml")
