"""`rules suggest`: the seed site's pack is reproduced from hand-written pages of that site."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from stories import STORIES

from cleaner import Cleaner
from cleaner.ruleset.examples import check_rule
from cleaner.ruleset.loader import default_rules_dir, load_file
from cleaner.ruleset.packtest import run_pack
from cleaner.suggest import (
    Page,
    key_pattern,
    line_key,
    suggest_pack,
    suggest_rules,
    toml_str,
    var_pattern,
)

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

SITE_PAGES = Path(__file__).parent / "fixtures" / "sites" / "tampafp.com"
SEED = Path(__file__).parent / "fixtures" / "seeds" / "000_b3c9ea3ec74f0b8e"


def _pages() -> list[tuple[str, str]]:
    files = sorted(SITE_PAGES.glob("*.txt"))
    assert len(files) >= 5
    return [(f.name, f.read_text(encoding="utf-8")) for f in files]


@pytest.fixture(scope="module")
def proposed(tmp_path_factory) -> Path:
    f = tmp_path_factory.mktemp("suggest") / "tampafp.com.toml"
    f.write_text(suggest_pack(_pages(), "tampafp.com"), encoding="utf-8")
    return f


def _acting(pack, line: str, kinds=None):
    return [r for r in pack.rules if (kinds is None or r.kind in kinds) and r.acts_on(line)]


def test_proposed_pack_covers_the_seed_pack(proposed):
    pack = load_file(proposed)  # the ordinary loader accepts it
    assert pack.sites == ("tampafp.com",)
    # the seed's own lines, none of which is in the fixture pages
    assert _acting(pack, "READ: BREAKING: Trump Threatens 50% Tariffs On China, Warns Of Halting Trade Talks", {"line"})
    assert _acting(pack, "READ: U.S. Sanctions Global Network Backing Iran-Linked Houthis With Weapons, Stolen Ukrainian Grain", {"line"})
    assert _acting(pack, "HomeWorld", {"leading"})  # a section no fixture page is in
    donation = (
        "Please make a small donation to the Tampa Free Press to help sustain independent journalism. Your "
        "contribution enables us to continue delivering high-quality, local, and national news coverage."
    )
    assert _acting(pack, donation, {"trailer"})
    assert _acting(pack, "Login To Facebook To Comment")
    # and none of them acts on an article sentence of the seed
    for line in (SEED.with_suffix(".expected.txt")).read_text(encoding="utf-8").split("\n\n"):
        assert not _acting(pack, line.strip()), line


def test_proposed_pack_cleans_the_seed(proposed):
    # the default rules without the shipped tampafp pack, plus the proposed one
    folders = [d for d in sorted(default_rules_dir().iterdir()) if d.is_dir() and d.name != "sites"]
    c = Cleaner(rules=[*folders, proposed], defaults=False)
    result = c.clean(SEED.with_suffix(".txt").read_text(encoding="utf-8"), site="tampafp.com")
    assert result.text == SEED.with_suffix(".expected.txt").read_text(encoding="utf-8").strip()
    credited = {r.rule for r in result.removed}
    assert {"tampafp.trailer", "tampafp.shape-1", "tampafp.shape-2"} <= credited, credited
    # the proposed pack alone (no defaults) already takes the site's furniture out
    alone = Cleaner(rules=[proposed], defaults=False).clean(
        SEED.with_suffix(".txt").read_text(encoding="utf-8"), site="tampafp.com"
    ).text
    for gone in ("READ:", "HomePolitics", "Please make a small donation", "Connect with us", "Login To Facebook"):
        assert gone not in alone
    for para in SEED.with_suffix(".expected.txt").read_text(encoding="utf-8").split("\n\n"):
        assert para.strip() in alone


def test_proposed_pack_passes_rules_test(proposed):
    report = run_pack(load_file(proposed))
    assert report.ok, "\n".join(str(f) for f in report.failures or ())
    assert report.rules >= 4


def test_a_quote_repeated_inside_articles_is_not_proposed_blindly(proposed):
    quote = "“We will not back down from this fight, and we will not leave our neighbors underwater,”"
    pack = load_file(proposed)  # disabled rules are not loaded
    assert not _acting(pack, quote + " Governor Ron DeSantis said at a press conference in Tallahassee.")
    text = proposed.read_text(encoding="utf-8")
    assert quote in text  # but it is shown, switched off, with its evidence
    block = text[text.index("in-body-repeats") - 300:text.index(quote)]
    assert "enabled = false" in block and "# review:" in block


def test_every_rule_carries_evidence_and_examples(proposed):
    text = proposed.read_text(encoding="utf-8")
    chunks = text.split("[[rule]]")
    assert len(chunks) > 4
    for before in chunks[:-1]:  # the comments right above each [[rule]]
        assert "# evidence:" in before.rstrip().rsplit("\n\n", 1)[-1]
    data = tomllib.loads(text)
    for raw in data["rule"]:
        assert raw["drop"] and raw["keep"], raw["id"]
    for rule in load_file(proposed).rules:
        assert not check_rule(rule)


def test_needs_at_least_two_pages():
    with pytest.raises(ValueError, match="two pages"):
        suggest_rules([Page.from_text("a", "One line\nTwo lines")], "example.com")


def test_unrelated_pages_give_no_rules():
    pages = [
        Page.from_text(f"p{i}", f"A first sentence about topic number {i} that is long enough.\n\nAnother line {i}.")
        for i in range(5)
    ]
    # lines that differ only by a number are one shape; that is all the miner may find
    props = suggest_rules(pages, "example.com")
    for p in props:
        for ex in p.drop:
            assert ex.startswith(("A first sentence", "Another line"))


def test_helpers():
    assert line_key("12 comments:") == "# comments:"
    assert key_pattern("Page # of #") == r"Page \d+ of \d+"
    assert var_pattern(["Politics", "News"]).startswith(r"\p{Lu}")
    assert var_pattern(["a b", "c"]).startswith(r"\p{L}")
    for s in ("plain", "it's", 'say "hi"', "back\\slash", "tab\there"):
        assert tomllib.loads(f"x = {toml_str(s)}")["x"] == s


def test_page_head_between_repeated_lines_becomes_a_block():
    stories = [
        ("Mayor resigns", "Sunny and warm", "Council approves harbour repairs",
         "Councillors voted on Monday to spend four million on the crumbling harbour wall before the winter storms arrive on the coast."),
        ("Storm warning", "Rain all day", "Library opens late on Fridays",
         "From next month the central library will keep its reading rooms open until nine, after a survey asked students what they needed."),
        ("Cup final", "Windy evening", "Stadium seats to be replaced",
         "Every plastic seat in the north stand is cracked or faded, and the club says new ones will arrive in time for the first home game."),
        ("Bridge closed", "Cloudy morning", "Orchard harvest smaller this year",
         "A late frost in April killed most of the blossom, so growers expect to pick barely half of the apples they sold at market last autumn."),
        ("New museum", "Snow flurries", "Railway timetable changes",
         "Trains to the coast will leave twenty minutes earlier from December, which commuters fear will make the morning connection impossible."),
    ]
    pages = []
    for trend, sky, headline, paragraph in stories:
        text = "\n".join([
            f"{headline} | Daily Example", "Skip to content", f"Trending: {trend}", sky, "Share this story",
            headline, paragraph, "Readers can send their views to the letters page by email or post.",
        ])
        pages.append(Page.from_text(headline, text))
    props = {p.id: p for p in suggest_rules(pages, "example.com")}
    head = props["example.head"]
    assert head.kind == "block"
    assert head.keys["start"] == "^Skip to content$" and head.keys["end"] == "^Share this story$"
    pack = load_text_of(render_pack_for([head]))
    (rule,) = pack.rules
    assert rule.acts_on("Skip to content\nTrending: something new\nShare this story")


def test_a_line_of_punctuation_alone_marks_no_block():
    # The page's markup leaves a lone "." (or "|", a bare number) on a line of its own below the
    # article's summary on every page: it is the last repeated line above the first paragraph, but
    # such a line can sit anywhere, the article's own lines included. The head ends at a line with
    # a word, and the summary below it stays.
    pages = []
    for n, (a, b, c) in enumerate(STORIES[:5]):
        headline = " ".join(a.split()[:6])
        text = "\n".join([
            f"{headline} | Daily Example", "Skip to content", f"Trending: story number {n}", "Share this story",
            headline, " ".join(b.split()[:12]), ".", a, b, c, "Readers can send their views to the letters page.",
        ])
        pages.append(Page.from_text(headline, text))
    props = {p.id: p for p in suggest_rules(pages, "example.com", self_check=False)}
    head = props["example.head"]
    assert head.keys["end"] == "^Share this story$", head.keys
    for prop in props.values():
        assert prop.keys.get("start") != "^\\.$" and prop.keys.get("end") != "^\\.$", prop.keys


def render_pack_for(props):
    from cleaner.suggest import render_pack

    return render_pack(props, "example.com")


def load_text_of(text):
    from cleaner.ruleset.loader import load_text

    return load_text(text, "<test>")


def _trailer(marker: str, pages):
    from cleaner.suggest import Evidence, Proposal

    ev = Evidence(len(pages), [(p, page.lines.index(marker)) for p, page in enumerate(pages)], [marker])
    return Proposal(id=f"example.{marker.split()[0].lower()}", kind="trailer", description="A test marker.",
                    keys={"pattern": f"^{marker}$", "min_position": 0.02}, evidence=[(marker, ev)],
                    drop=[marker], keep=["An ordinary sentence of the article stays."], literal=True)





def test_self_check_switches_off_a_trailer_above_article_text():
    from cleaner.suggest import render_pack
    from cleaner.suggest_check import check

    pages = [
        Page.from_text(f"p{n}", "\n\n".join(["Daily Example", "Home | News | Sport", a, b, "Share this:", c,
                                              "Leave a comment", "About us | Contact | Privacy", "Copyright Daily Example"]))
        for n, (a, b, c) in enumerate(STORIES[:4])
    ]
    repeated = {"Daily Example", "Home | News | Sport", "Share this:", "Leave a comment",
                "About us | Contact | Privacy", "Copyright Daily Example"}
    early, late = _trailer("Share this:", pages), _trailer("Leave a comment", pages)
    check([early, late], pages, "example.com", repeated=lambda p, i: pages[p].lines[i] in repeated,
          render=lambda ps: render_pack(ps, "example.com", keep_limit=0))
    # "Share this:" comes before the last paragraph, which the defaults keep: switched off, with the evidence
    assert not early.enabled and early.review
    assert any("self-check" in n and "The harbour master said" in n for n in early.notes), early.notes
    # "Leave a comment" has only the site's repeated footer below it: it stays on, the check noted
    assert late.enabled
    assert any(n.startswith("self-check: on the 4 pages") for n in late.notes), late.notes
    text = render_pack([early, late], "example.com")
    assert "# evidence: self-check:" in text and "enabled = false" in text


_FEED = "You can follow any responses to this entry through the RSS 2.0 feed. You can leave a response below."


def test_a_heading_that_belongs_to_the_articles_is_not_proposed():
    # A section heading sits between two paragraphs of every article: it repeats because it
    # belongs to the articles. The menu, the feed notice below the article and the footer repeat
    # because they are the site's furniture (the defaults keep the notice, as they keep a blog's
    # "About me" box when they miss the article: keeping it is no evidence that it is article text).
    pages = []
    for n, (a, b, c) in enumerate(STORIES):
        pages.append(Page.from_text(f"p{n}", "\n\n".join([
            "Example Blog", "Home | News | Sport", "Press releases", "Subscribe to our newsletter",
            a, "What Happens Next?", b, c, _FEED,
            "Page last updated", "About us", "Contact", "Privacy", "Copyright Example Blog",
        ])))
    props = suggest_rules(pages, "example.com")
    text = render_pack_for(props)
    pack = load_text_of(text)  # switched-off rules are not loaded
    assert not _acting(pack, "What Happens Next?")
    for line in ("Subscribe to our newsletter", _FEED, "Copyright Example Blog"):
        assert _acting(pack, line), line
    # the heading is shown, switched off, with the self-check's evidence
    kept = {p.id: p for p in props}["example.kept-repeats"]
    assert not kept.enabled and kept.review
    assert kept.keys["pattern"] == ["^" + key_pattern("What Happens Next?") + "$"]
    assert any("inside the article" in n for n in kept.notes)
    assert "example.kept-repeats" in text and "# review:" in text


def test_trailer_markers_are_literal_lines_seen_on_three_pages():
    # "<link> »" lines end every article, but the shape also fits a link line above the article of
    # a page not seen: a shape is no trailer marker. A literal marker is.
    pages = []
    links = ["Complete Coverage »", "More from Sports »", "View the Gallery »", "Latest News »", "Read More »"]
    for n, (a, b, c) in enumerate(STORIES):
        pages.append(Page.from_text(f"p{n}", "\n\n".join([
            "Example News", "Home | News | Sport", a, b, c, links[n], "Around the web",
            f"Ten things you missed this week number {n}", f"You will not believe story {n}", "Copyright Example News",
        ])))
    props = suggest_rules(pages, "example.com")
    trailers = [p for p in props if p.kind == "trailer"]
    assert trailers and all("»" not in str(p.keys["pattern"]) for p in trailers)
    assert any(p.keys["pattern"] == "^Around the web$" for p in trailers)
    # a marker on two of three pages is no trailer (on two of two it is: all there is)
    pages3 = [pages[0], pages[1], Page.from_text("p9", pages[2].text.replace("Around the web", "Elsewhere"))]
    assert not [p for p in suggest_rules(pages3, "example.com", self_check=False)
                if p.kind == "trailer" and "Around" in str(p.keys["pattern"])]
    assert [p for p in suggest_rules(pages[:2], "example.com", self_check=False)
            if p.kind == "trailer" and "Around" in str(p.keys["pattern"])]


def test_self_check_counts_text_between_a_trailer_marker_and_the_comments():
    # Below "save print" comes the recipe (the article's own text), then the comments: only the
    # comments are what a trailer may take; the recipe, longer than twice the longest comment,
    # counts against it.
    from cleaner.suggest import render_pack
    from cleaner.suggest_check import check

    def pages_with(recipe_first: bool):
        pages = []
        for n, (a, b, c) in enumerate(STORIES):
            comments = [f"Anna {n + 1}.07.12 at 10:3{n}", "What a lovely idea, I will try this with my children.",
                        f"Ben {n + 1}.07.12 at 11:4{n}", "Thank you for sharing, it looks delicious and simple."]
            body = ["save print", "Serves 4", b, c, "Comments"] if recipe_first else ["Serves 4", b, c, "save print"]
            pages.append(Page.from_text(f"p{n}", "\n\n".join(
                ["Example Kitchen", "Home | Recipes", a, *body, *comments, "Copyright Example Kitchen"])))
        return pages

    repeated = {"Example Kitchen", "Home | Recipes", "save print", "Serves 4", "Comments", "Copyright Example Kitchen"}
    for recipe_first in (True, False):
        pages = pages_with(recipe_first)
        trailer = _trailer("save print", pages)
        check([trailer], pages, "example.com", repeated=lambda p, i, pages=pages: pages[p].lines[i] in repeated,
              signatures=lambda p, i, pages=pages: [k for k, x in enumerate(pages[p].lines) if k > i and ".07.12" in x],
              render=lambda ps: render_pack(ps, "example.com", keep_limit=0))
        if recipe_first:
            assert not trailer.enabled
            assert any("Engineers said" in n or "A survey of students" in n for n in trailer.notes), trailer.notes
        else:  # right above the comments: what it removes is comments
            assert trailer.enabled, trailer.notes


def test_self_check_switches_off_a_trailer_that_never_cuts_first():
    from cleaner.suggest import render_pack
    from cleaner.suggest_check import check

    pages = [
        Page.from_text(f"p{n}", "\n\n".join(["Daily Example", "Home | News | Sport", a, b, c, "Leave a comment",
                                              "Share this story", "About us | Contact | Privacy"]))
        for n, (a, b, c) in enumerate(STORIES)
    ]
    repeated = {"Daily Example", "Home | News | Sport", "Leave a comment", "Share this story", "About us | Contact | Privacy"}
    first, second = _trailer("Leave a comment", pages), _trailer("Share this story", pages)
    check([first, second], pages, "example.com", repeated=lambda p, i: pages[p].lines[i] in repeated,
          render=lambda ps: render_pack(ps, "example.com", keep_limit=0))
    assert first.enabled and not second.enabled
    assert any("another trailer" in n for n in second.notes)


def test_sentence_openers_with_an_apostrophe_are_not_furniture():
    # "I'm ..." opened a paragraph on two pages of a blog; as a shape it would cut every
    # unseen paragraph that starts so. An apostrophe or hyphen inside a word is not a symbol.
    from cleaner.suggest import _meaningful

    assert not _meaningful(["I'm"])
    assert not _meaningful(["Don't"])
    assert not _meaningful(["l’article"])
    assert _meaningful(["READ:"])
    assert _meaningful(["Posted", "by:"])
    assert _meaningful(["»"])
    # A list bullet alone marks any list, an article's own included; with a word it may be furniture.
    assert not _meaningful(["•"])
    assert not _meaningful(["-"])
    assert _meaningful(["•", "Share"])


def test_a_shape_of_sentences_that_only_begin_alike_is_switched_off():
    # Comments open with "I think ..." on every page: the two words open any sentence, the article's
    # own on a page not seen, so the shape is proposed switched off. A template sentence that goes on
    # alike past its fixed words (the print edition's note) is the site's, and stays on.
    opinions = [
        "I think the council should have asked the fishermen before it voted on the harbour wall.",
        "I think most students will be glad of the later hours at the library this winter.",
        "I think a new stand would have been cheaper than replacing every seat in the old one.",
        "I think the growers were right to warn the market about the smaller harvest this year.",
        "I think commuters will simply drive to the coast if the early train leaves any sooner.",
    ]
    pages = []
    for n, ((a, b, c), opinion) in enumerate(zip(STORIES, opinions, strict=False)):
        headline = " ".join(a.split()[:6])
        text = "\n".join([
            "Daily Example", "Skip to content", headline, a, b, c,
            f"A version of this article appeared in print with the headline: {headline}.",
            "Comments", opinion, "Readers can send their views to the letters page.",
        ])
        pages.append(Page.from_text(f"p{n}", text))
    props = suggest_rules(pages, "example.com", self_check=False)
    by_pattern = {p.keys.get("pattern"): p for p in props if ".shape-" in p.id}
    opener = next(p for pat, p in by_pattern.items() if str(pat).startswith("^I think"))
    assert not opener.enabled and "begin or end with the same words" in opener.review
    note = next(p for pat, p in by_pattern.items() if str(pat).startswith("^A version of"))
    assert note.enabled, note.review
