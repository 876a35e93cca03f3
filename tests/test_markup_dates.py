"""Dates the page's markup states, with their meaning, and how they rank against the date the page
prints. Hand-written snippets; the right date of each is stated with the reason."""

from __future__ import annotations

from cleaner import Cleaner
from cleaner.html import check_markup_date, only_bare_markup, parse
from cleaner.metadata.markup import markup_dates, published
from cleaner.visible import visible_text

ARTICLE_BODY = "".join(
    f"<p>Paragraph {n} of the article goes on about the harbour works and the people who depend on the "
    f"bridge every single working day of the week.</p>"
    for n in range(8)
)


def _roles(html: str) -> list[tuple[str, str]]:
    return [(d.iso[:10], d.role) for d in markup_dates(parse(html))]


def test_json_ld_graph_gives_the_article_date_not_the_comment_or_video():
    # The article object sits in an @graph; its comment and its embedded video have their own
    # dates, which are not the page's publication date.
    html = """<html><head><script type="application/ld+json">
    {"@context": "https://schema.org", "@graph": [
      {"@type": "WebSite", "name": "Courier"},
      {"@type": "NewsArticle", "headline": "Bridge", "datePublished": "2021-03-04T08:00:00+01:00",
       "dateModified": "2021-03-09T10:00:00+01:00",
       "video": {"@type": "VideoObject", "uploadDate": "2019-01-01"},
       "comment": [{"@type": "Comment", "dateCreated": "2021-03-05T12:00:00+01:00"}]}
    ]}</script></head><body><p>x</p></body></html>"""
    dates = markup_dates(parse(html))
    assert published(dates).iso == "2021-03-04T08:00:00+01:00"
    assert ("2021-03-09", "modified") in [(d.iso[:10], d.role) for d in dates]
    assert all(d.iso[:10] not in ("2019-01-01", "2021-03-05") for d in dates)


def test_meta_names_say_which_date_they_are():
    html = """<html><head>
    <meta property="article:published_time" content="2020-05-01T09:00:00+02:00">
    <meta property="article:modified_time" content="2020-05-03T09:00:00+02:00">
    <meta name="date" content="2020-05-03">
    <meta name="description" content="2020-01-01 was a year">
    </head><body><p>x</p></body></html>"""
    assert _roles(html) == [("2020-05-01", "published"), ("2020-05-03", "modified"), ("2020-05-03", "date")]


def test_microdata_date_published_outside_comments():
    # The article's <time itemprop="datePublished"> counts; a comment's (inside an item of type
    # Comment) does not.
    html = """<html><body><article>
    <time itemprop="datePublished" datetime="2018-06-22 10:20:00">22.06.2018</time>
    <div itemscope itemtype="https://schema.org/Comment">
      <time itemprop="datePublished" datetime="2018-08-29T14:15:57">29.08.2018</time></div>
    </article></body></html>"""
    assert _roles(html) == [("2018-06-22", "published")]


def _page(head: str, dateline: str) -> str:
    return f"""<html><head><title>Fair supply chains - Youth Work</title>{head}</head><body>
    <nav><a href="/">Home</a> <a href="/news">News</a></nav>
    <div class="news"><h1>Fair supply chains</h1>
    <div class="timedata">{dateline}</div>{ARTICLE_BODY}</div></body></html>"""


def test_printed_dateline_beats_a_bare_meta_date():
    # <meta name="date"> names no meaning (content systems put the last edit there); the page
    # prints 05.02.2020 as the news item's date, so that is its publication date.
    html = _page('<meta name="date" content="2020-02-12">', "05.02.2020 - Editor: Eva Muster")
    assert only_bare_markup(markup_dates(parse(html)), "2020-02-12")
    r = Cleaner().clean(html, url="https://youth.example/news/fair-supply-chains", format="html")
    assert r.metadata["date"][:10] == "2020-02-05"
    assert r.sources["date"].startswith("html:text:")


def test_meta_date_that_says_published_is_kept():
    # Here the markup says the date is the publication date: it stays, whatever the text shows.
    html = _page('<meta property="article:published_time" content="2020-02-12T09:00:00+01:00">',
                 "05.02.2020 - Editor: Eva Muster")
    assert not only_bare_markup(markup_dates(parse(html)), "2020-02-12")
    r = Cleaner().clean(html, url="https://youth.example/news/fair-supply-chains", format="html")
    assert r.metadata["date"][:10] == "2020-02-12"


def test_markup_publication_date_confirmed_by_the_printed_date():
    # htmldate prefers the bare <meta name="date"> here (the day of the last edit); the JSON-LD
    # says the article was published on 18 October and the page prints 18.10.2019: that is it.
    head = """<meta name="date" content="2019-10-19T09:00:00+02:00">
    <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Fair supply chains",
    "datePublished": "2019-10-18T17:08:11+02:00"}</script>"""
    html = _page(head, "18.10.2019 - 17:08 Uhr")
    r = Cleaner().clean(html, url="https://youth.example/news/fair-supply-chains", format="html")
    assert r.metadata["date"][:10] == "2019-10-18"


def test_header_today_loses_to_the_markup_publication_date():
    # The site header prints the day the page was fetched ('Mittwoch, 8. Juli 2020'); say
    # htmldate took that. No markup property and no URL path gives that day, so it was a guess
    # from the text; the article's microdata says it was published on 27 April 2020.
    html = f"""<html><head><title>Border report - Courier</title></head><body>
    <header><div class="today">Mittwoch, 8. Juli 2020</div><nav><a href="/">Home</a></nav></header>
    <article><h2>Border report</h2>
    <p class="date" itemprop="datePublished" content="2020-04-27 18:50:00">April 2020</p>
    {ARTICLE_BODY}</article></body></html>"""
    url = "https://courier.example/politik/border-report/25776812.html"
    meta = {"date": ("2020-07-08", "html:htmldate")}
    check_markup_date(parse(html), url, Cleaner().ruleset_for(url, None), meta)
    assert meta["date"] == ("2020-04-27T18:50:00", "html:markup:itemprop:datePublished")
    # A URL path that gives htmldate's day is evidence for it: then the date stays.
    url = "https://courier.example/2020/07/08/border-report/"
    meta = {"date": ("2020-07-08", "html:htmldate")}
    check_markup_date(parse(html), url, Cleaner().ruleset_for(url, None), meta)
    assert meta["date"] == ("2020-07-08", "html:htmldate")


def test_hidden_byline_of_a_related_post_does_not_date_the_page():
    # A theme repeats each teaser's 'Published' line in a block it hides (display:none) beside the
    # headline; readers never see it, so it is not the article's date. The article's own
    # byline says 18 October 2019.
    html = f"""<html><head><title>Lounge access - Train blog</title></head><body><div class="post">
    <div class="post-meta" style="display: none;"><p>Published 21 July 2017 by David</p></div>
    <div hidden><p>Published 6 April 2018 by David</p></div>
    <h1>Lounge access</h1><p class="byline">Published 18 October 2019 by David</p>
    </div>{ARTICLE_BODY}</body></html>"""
    tree = parse(html)
    text = visible_text(tree)
    assert "21 July 2017" not in text and "6 April 2018" not in text
    assert "18 October 2019" in text
    r = Cleaner().clean(html, url="https://trainblog.example/lounge-access/", format="html")
    assert r.metadata["date"][:10] == "2019-10-18"


def test_the_single_h1_is_the_headline():
    # og:title adds a kicker and the site name; the page marks its headline with its only <h1>.
    html = f"""<html><head><title>Klimaschutz: Bohren, bis es heiß wird | Courier</title>
    <meta property="og:title" content="Klimaschutz: Bohren, bis es heiß wird"></head><body>
    <nav><a href="/">Courier</a></nav><article><h1>Bohren, bis es heiß wird</h1>{ARTICLE_BODY}</article></body></html>"""
    r = Cleaner().clean(html, url="https://courier.example/klima/bohren", format="html")
    assert r.metadata["title"] == "Bohren, bis es heiß wird"
    assert r.sources["title"] == "html:h1"
    # With two <h1> (logo and headline) the page does not say which: the title is read as before.
    two = html.replace('<nav><a href="/">Courier</a></nav>', '<h1>Courier</h1>')
    r = Cleaner().clean(two, url="https://courier.example/klima/bohren", format="html")
    assert r.sources["title"] != "html:h1"
