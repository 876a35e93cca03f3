"""Which date is an HTML page's publication date, class by class: a UTC time in the markup against
the page's own time zone, a guessed or modification-only date against the dateline printed beside
the headline, and the <h1> as the headline when the title does not repeat. Hand-written pages;
each test says why its date is the right one, and the must-not-change cases say why a date stays.
"""

from __future__ import annotations

import datetime as _dt

import pytest

from cleaner.html import check_markup_date, parse, text_date
from cleaner.metadata.localtime import local_iso, localize
from cleaner.metadata.markup import markup_dates

BODY = "".join(
    f"<p>Paragraph {n} of the story goes on about the council vote on the harbour bridge and what "
    f"the repairs will mean for the people who cross it every working day.</p>"
    for n in range(6)
)
URL = "https://courier.example/news/harbour-bridge"


@pytest.fixture(scope="module")
def rs(default_cleaner):
    return default_cleaner.ruleset_for(URL, None)


def _check(html: str, htmldate_day: str, rs, url: str = URL) -> tuple[str, str]:
    meta = {"date": (htmldate_day, "html:htmldate")}
    check_markup_date(parse(html), url, rs, meta)
    return meta["date"]


def _ld(**props: str) -> str:
    inner = ", ".join(f'"{k}": "{v}"' for k, v in props.items())
    return f'<script type="application/ld+json">{{"@type": "NewsArticle", {inner}}}</script>'


def _page(head: str, block: str, rest: str = "", h1: str = "Council votes to repair the bridge") -> str:
    return f"""<html><head><title>{h1} - Courier</title>{head}</head><body>
    <nav><a href="/">Home</a> <a href="/news">News</a></nav>
    <article><h1>{h1}</h1><div class="meta">{block}</div>{BODY}</article>{rest}</body></html>"""


# --- A UTC time in the markup, and the page's own zone -------------------------------------

def test_utc_instant_moves_to_the_zone_of_the_same_instant_on_the_page(rs):
    # The JSON-LD says 02:11 UTC on 9 November; the page's <time> gives the same instant as
    # 21:11 at UTC-5 on 8 November, the day the station published it in its own zone.
    html = _page(_ld(datePublished="2023-11-09T02:11:03+00:00"),
                 '<time datetime="2023-11-08T21:11:03-05:00">November 8, 2023</time>')
    assert _check(html, "2023-11-09", rs) == ("2023-11-08T21:11:03-05:00", "html:markup:json-ld:datePublished+local")


def test_utc_instant_matches_a_local_clock_time_in_the_markup(rs):
    # The same instant once in UTC and once as a local clock time without offset (7 hours earlier,
    # Denver in November): the local one is the page's day.
    head = _ld(datePublished="2023-11-09T01:09:55+00:00") + _ld(datePublished="2023-11-08 18:09:55")
    html = _page(head, "November 8, 2023 at 6:09 p.m.")
    iso, source = _check(html, "2023-11-09", rs)
    assert iso[:10] == "2023-11-08"


def test_utc_instant_matches_the_printed_clock_time(rs):
    # 22:04 UTC is 00:04 the next morning in Vienna in October, as the byline prints it.
    html = _page(_ld(datePublished="2019-10-18T22:04:00+00:00"), "19. Oktober 2019 00:04 Uhr")
    assert _check(html, "2019-10-19", rs)[0][:10] == "2019-10-19"


def test_utc_hour_that_is_local_midnight_of_the_printed_day(rs):
    # A date-only field stored as local midnight in UTC: 23:00 UTC on 4 November is midnight on
    # 5 November in Berlin, and the page prints 5 November.
    html = _page('<meta property="article:published_time" content="2021-11-04T23:00Z">', "5. November 2021")
    assert _check(html, "2021-11-04", rs)[0][:10] == "2021-11-05"


def test_utc_date_without_evidence_of_another_zone_stays(rs):
    # Must not change: nothing on the page shows another zone (the printed date is the UTC day).
    html = _page(_ld(datePublished="2019-10-18T22:04:00+00:00"), "18 October 2019")
    assert _check(html, "2019-10-18", rs)[0][:10] == "2019-10-18"


def test_next_day_printed_but_not_a_midnight_time_stays(rs):
    # Must not change: 14:32 UTC is not a stored midnight, and no clock time ties the printed
    # 5 November to this instant: the printed date is some other day (a later edit, a teaser).
    html = _page('<meta property="article:published_time" content="2021-11-04T14:32Z">', "5. November 2021")
    assert _check(html, "2021-11-04", rs)[0][:10] == "2021-11-04"


def test_localize_leaves_dates_with_an_offset_and_pages_in_utc():
    dates = markup_dates(parse("<html><head>" + _ld(datePublished="2020-01-01T23:30:00+01:00",
                                                    dateModified="2020-01-02T23:30:00+00:00") + "</head></html>"))
    # A witness in UTC itself says nothing about another zone.
    assert localize(dates, ["2020-01-02T23:30:00+00:00"]) == dates
    # The published date has its own offset: it never moves.
    moved = localize(dates, ["2020-01-03T00:30:00+01:00"])
    assert moved[0] == dates[0] and moved[1].iso == "2020-01-03T00:30:00+01:00"
    # A clock time 20 minutes off is not the same instant in another zone.
    assert local_iso("2020-01-02T23:30:00+00:00", ["2020-01-03T01:50"]) is None


# --- A guessed or modification-only date, and the headline's dateline -------------------------

COMMENTS = """<section class="comments"><h3>Comments</h3>
<div class="comment"><time datetime="2020-09-22T12:45:17+02:00">22.09.20 | 12:45</time>
<p>Anna: a very good tip, thank you.</p></div></section>"""


def test_guess_from_a_comment_loses_to_the_dateline_under_the_headline(rs):
    # No markup property gives a date; say htmldate took the comment's <time>. The page prints
    # its own date under the headline.
    html = _page("", "von Marianne · am 20.09.2020", COMMENTS)
    iso, source = _check(html, "2020-09-22", rs)
    assert iso[:10] == "2020-09-20" and source.startswith("html:headline:")


def test_modified_only_markup_loses_to_the_printed_date(rs):
    # og:updated_time is the last change; the page prints when the article was created.
    html = _page('<meta property="og:updated_time" content="2020-06-02T11:57:06+02:00">', "31.03.2020")
    assert _check(html, "2020-06-02", rs)[0][:10] == "2020-03-31"


def test_publication_property_stays_whatever_the_headline_prints(rs):
    # Must not change: the markup says this is the publication date.
    html = _page('<meta property="article:published_time" content="2020-06-02T11:57:06+02:00">', "31.03.2020")
    assert _check(html, "2020-06-02", rs)[0][:10] == "2020-06-02"


def test_guess_printed_in_the_headline_block_stays(rs):
    # Must not change: the headline block prints htmldate's day too (a dateline and an update).
    html = _page("", "14.01.2022 · Aktualisiert 15.01.2022")
    assert _check(html, "2022-01-14", rs)[0][:10] == "2022-01-14"


def test_related_article_dates_far_below_the_headline_do_not_date_the_page(rs):
    # Must not change: the headline block prints no date; the teasers below have their own dates.
    related = "".join(f"<div class='teaser'><a href='/n{n}'>Other story {n}</a><p>0{n}.02.2022</p></div>"
                      for n in range(1, 6))
    html = _page("", "Von Eva Muster", f"<aside>{related}</aside>")
    assert _check(html, "2022-01-30", rs)[0][:10] == "2022-01-30"


def test_comment_and_copyright_lines_beside_the_headline_are_not_datelines(rs):
    # Must not change: a reader's comment header and a copyright line carry dates that are not
    # the article's, even right under the headline.
    html = _page("", "Anna sagt: 06.01.2020 um 9:58<br>© 2019 Courier Verlag")
    assert _check(html, "2020-01-03", rs)[0][:10] == "2020-01-03"


def test_future_date_beside_the_headline_is_not_taken(rs):
    # Must not change: an event announced for next year is not a publication date.
    future = _dt.date.today() + _dt.timedelta(days=400)
    html = _page("", f"Konzert am {future:%d.%m.%Y}")
    assert _check(html, "2020-01-03", rs)[0][:10] == "2020-01-03"


def test_labelled_byline_beats_a_guess_the_page_never_prints(rs):
    # htmldate's day appears nowhere in the text (a template default); the page prints
    # 'Updated June 13, 2019' in its recipe header, further down than the headline block.
    filler = "".join(f"<p>Step {n}: stir.</p>" for n in range(8))
    html = _page("", "By Betty", f"<div class='recipe'>{filler}<p>Updated June 13, 2019</p></div>")
    iso, source = _check(html, "2004-01-01", rs)
    assert iso[:10] == "2019-06-13" and source == "html:text:date.en.mdy+date.en.updated"


# --- The <h1> as the headline for the text's own date ---------------------------------------

def test_h1_anchors_the_dateline_when_the_title_does_not_repeat(rs):
    # The <title> is the site's name only, so the title stage finds no headline; the <h1> marks it.
    # A navigation entry above it carries an older date; the dateline under the <h1> is the page's.
    html = f"""<html><head><title>Press association</title></head><body>
    <nav><ul><li>Pay agreements (terminated 28.02.2017)</li><li>Press freedom day</li>
    <li>Congress</li><li>Awards</li><li>Training</li><li>Contact</li></ul></nav>
    <main><h1>Artist designs the front page of the newspapers</h1>
    <p>24. April 2020 | Press releases</p>{BODY}</main></body></html>"""
    iso, source, _trusted = text_date(parse(html), rs)
    assert iso == "2020-04-24"
