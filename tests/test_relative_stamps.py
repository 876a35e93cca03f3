"""Comment stamps written in words ("an hour ago", "a day ago", "yesterday at 9:12 pm", "vor einer
Stunde", "gestern"): read as stamps by the site-pack suggester (a comment's signature) and by the
main-text stage's comment-thread test (tests/fixtures/maintext/comment_thread_relative_stamps*.case.txt),
while an article's sentences holding such words stay article text
(relative_times_in_article_sentences.case.txt), and so do the paragraphs below a teaser stamped
inside the article (inline_teaser_stamp_inside_article.case.txt) and an article whose byline
shares a word with stamped teasers below it (byline_and_stamped_teasers_below.case.txt)
(hand-written pages; nothing here needs the evaluation data)."""

from __future__ import annotations

import pytest
import regex
from stories import STORIES

from cleaner.errors import RuleError
from cleaner.maintext import Lexicon
from cleaner.reltime import pattern
from cleaner.ruleset.loader import load_text
from cleaner.suggest import Page, suggest_rules
from cleaner.suggest_dates import stamped


def test_relative_times_in_words_are_stamps():
    # old code: {n} was digits only and no day word was a stamp
    for line in ["thecrus8r • an hour ago", "a day ago", "Mary Lou • a month ago", "a few minutes ago",
                 "Dave P. • yesterday at 9:12 pm", "Anna · yesterday", "Karl – vor einer Stunde", "vor einem Tag",
                 "Klaus M. · gestern", "Petra · gestern | Antworten", "GESTERN AM 23:12", "il y a un jour",
                 "Marie · hier", "hace una hora", "Juan – ayer", "un'ora fa", "ieri alle 21:30", "een uur geleden",
                 "há um dia", "час назад", "godzinę temu", "昨日"]:
        assert stamped(line), line
    # the digit forms as before
    for line in ["3 hours ago", "3hrs ago", "Anna – vor 3 Stunden", "il y a 2 jours", "3時間前"]:
        assert stamped(line), line


def test_day_words_inside_a_sentence_are_no_stamps():
    # A day word is a stamp only standing alone beside a name or before a time of day: prose uses
    # these words everywhere, and one language's day word is another's ordinary word (French "hier").
    for line in ["Yesterday, the minister said the plan was dead.", "He left yesterday", "Klicken Sie hier",
                 "Yesterday's over", "I need You more, more than yesterday,", "Gestern war ein guter Tag.",
                 "a daylight robbery", "vor einer Stundenfrist", "Nach 5 Minuten war alles vorbei."]:
        assert not stamped(line), line


def test_each_languages_number_words_stand_in_its_own_phrases_only():
    en = {"time_ago": ("{n} {unit} ago",), "time_unit": ("hour", "day"), "time_n_word": ("a", "an")}
    fr = {"time_ago": ("il y a {n} {unit}",), "time_unit": ("heure", "jour"), "time_n_word": ("un", "une")}
    found = pattern([en, fr])
    assert found.search("an hour ago") and found.search("il y a une heure")
    assert not found.search("un day ago") and not found.search("il y a a jour")
    # a phrase that spells out a whole stamp (no {n}, no {unit})
    assert pattern([{"time_ago": ("час назад",)}]).search("Иван · час назад")
    assert pattern([{"stop": ("the",)}]) is None


@pytest.mark.parametrize("text", [
    "[words]\ntime_ago = ['vor {x} {unit}']\n",
    "[words]\ntime_ago = ['{n} {unit ago']\n",
    "[words]\ntime_day = []\n",
    "[words]\ntime_n_word = 'a'\n",
])
def test_bad_relative_time_words_are_refused(text):
    with pytest.raises(RuleError) as e:
        load_text(text, "rules/x.toml")
    assert "rules/x.toml:2" in str(e.value)


def test_the_main_text_stage_reads_the_language_packs_relative_times():
    lex = Lexicon.build([("en", {"time_ago": ("{n} {unit} ago",), "time_unit": ("hour",), "time_n_word": ("an",),
                                 "time_day": ("yesterday",)})])
    assert lex.relative("thecrus8r • an hour ago") and lex.relative("Dave • yesterday")
    assert not lex.relative("Yesterday, the minister said") and not Lexicon().relative("an hour ago")


def test_a_pages_relative_times_are_found_behind_its_anchor_words():
    # The main-text stage asks the relative-time pattern only of lines holding one of its anchor
    # words (Lexicon.relative_in); the answers must be those of asking every line.
    from cleaner.api import default_cleaner
    from cleaner.wordsplit import words

    lex = default_cleaner().ruleset_for(None, None).lexicon  # every shipped language's words
    lines = ["Nathan • an hour ago", "Anna · gestern | Antworten", "il y a 3 jours", "un'ora fa",
             "Mia – yesterday at 9:12 pm", "3時間前", "Иван · 2 часа назад", "godzinę temu",
             "It happened two years ago.", "Ago", "vorgestern", "The hierarchy", "Klicken Sie hier",
             "player one", "A day ago, the minister said"]
    page = "\n".join(lines).lower()
    lowered = page.split("\n")
    rel = lex.relative_in(lines, page, lowered, [words(x) for x in lowered])
    assert rel is not None
    assert [bool(rel(x)) for x in lines] == [bool(lex.relative(x)) for x in lines]
    assert sum(bool(rel(x)) for x in lines) >= 8
    plain = ["Nothing here tells a time.", "Home", "Subscribe"]
    low = [x.lower() for x in plain]
    assert lex.relative_in(plain, "\n".join(low), low, [words(x) for x in low]) is None


# ---------------------------------------------------------------- rules suggest on a blog

_NAMES = ["thecrus8r", "mary_lou", "dave_p", "bikemum", "river_rat", "old_tom", "jen22"]
_COMMENTS = ["About time too.", "Who pays for this?", "Lovely news!", "Not again...",
             "We were told this would never happen.", "My dad worked there for thirty years.", "Shame.",
             "Great work by the reporter.", "Seats? Bring a cushion.", "Season ticket holders always lose out.",
             "Finally.", "I'll believe it when I see it.", "Cider is going to cost a fortune.",
             "Poor growers, awful year.", "Pears for me then.", "Our tree was fine, oddly.",
             "Another early start, brilliant.", "They never ask us.", "The 7:40 was always late anyway",
             "Freight first, as ever."]
_EN = ["an hour ago", "an hour ago", "a day ago", "yesterday at 9:12 pm"]
_DE = ["vor einer Stunde", "vor einer Stunde", "gestern", "vor einem Tag"]


def _blog_page(n: int, stamps: list[str]) -> Page:
    """A blog post: the menu, the headline, the story, four readers' comments under signatures
    stamped only in words (no heading above them), the footer."""
    lines = ["Riverside Notes", "Home", "Archive", "About", f"Story number {n} of the week", *STORIES[n]]
    for k, stamp in enumerate(stamps):
        lines += [f"{_NAMES[(n + k) % len(_NAMES)]} • {stamp}", _COMMENTS[4 * n + k], "Reply"]
    lines += ["Powered by Example Blog", "Copyright Riverside Notes"]
    return Page.from_text(f"p{n}", "\n".join(lines))


@pytest.mark.parametrize("stamps", [_EN, _DE], ids=["english", "german"])
def test_a_thread_signed_in_words_gives_a_comment_trailer(stamps):
    # old code: "an hour ago" / "vor einer Stunde" / "gestern" were no stamps, so the signatures
    # were no comment section: the English site's trailer was the last comment's signature (the
    # one with a clock time), the German site's the footer, and the comments above counted as article
    pages = [_blog_page(n, stamps) for n in range(5)]
    props = suggest_rules(pages, "example.com")
    shown = [(p.kind, p.enabled, p.keys.get("pattern")) for p in props]
    cutting = [p for p in props if p.kind == "trailer" and p.enabled]
    for page in pages:
        lines = page.lines
        first = next(k for k, t in enumerate(lines) if "•" in t)
        cuts = [k for k, t in enumerate(lines) if any(regex.search(p.keys["pattern"], t) for p in cutting)]
        assert cuts and cuts[0] == first, (lines[first], shown)
        # must not: the story's own lines are cut by no rule switched on
        for line in STORIES[pages.index(page)]:
            assert not any(p.enabled and p.kind in ("line", "trailer") and any(
                regex.search(x, line) for x in ([p.keys["pattern"]] if isinstance(p.keys["pattern"], str)
                                                else p.keys["pattern"])) for p in props if p.keys.get("pattern")), line
