"""`rules suggest` generalises a time told relative to now as it generalises a number: "an hour
ago", "2 days ago" and "yesterday at 9:12 pm" are one stamp in a line's key, so the comment
signatures of pages whose first comments were written at different times share their fixed part,
and the rule proposed from them fits a page not seen (hand-written pages; nothing here needs the
evaluation data)."""

from __future__ import annotations

from pathlib import Path

import regex
from stories import STORIES
from test_suggest_languages import _DE_STORIES

from cleaner import Cleaner
from cleaner.ruleset.loader import load_file
from cleaner.suggest import (
    TIME,
    Page,
    _Miner,
    key_pattern,
    line_key,
    stop_words,
    suggest_pack,
    suggest_rules,
    time_words,
)

_READERS = ["Nathan", "Mia", "Oskar", "Lena", "Priya", "Tom"]
_SAYS = ["Great write-up, thanks for sharing this.", "I went there last spring and loved it.",
         "Could you post the recipe too?", "This made my morning.", "Which camera do you use?",
         "The photos of the harbour are lovely.", "We drove that road in May.", "How long did the ferry take?",
         "Saving this for our summer trip.", "The bakery tip was spot on.", "Did you need a permit?",
         "More posts like this please!"]
_LEARN = [["an hour ago", "5 hours ago"], ["2 days ago", "a day ago"], ["a day ago", "3 hours ago"],
          ["an hour ago", "2 hours ago"]]


def _blog(n: int, stamps: list[str]) -> str:
    """A blog post, then its comments: "<reader> • <when>", the comment, "Reply"; then the footer."""
    lines = ["Wander Notes", "Home | Trips | Recipes | About", f"Notes from the road, part {n}", *STORIES[n]]
    for k, when in enumerate(stamps):
        lines += [f"{_READERS[(n + k) % 6]} • {when}", _SAYS[2 * n + k], "Reply"]
    return "\n".join([*lines, "Recent Posts", "Archives", "Copyright Wander Notes"])


def _fits_every_stamp(props, *lines: str) -> list:
    """The enabled trailers and line rules whose pattern fits every one of these lines."""
    return [p for p in props if p.enabled and p.kind in ("trailer", "line") and all(
        any(regex.search(pat, t) for pat in ([p.keys["pattern"]] if isinstance(p.keys["pattern"], str) else p.keys["pattern"]))
        for t in lines)]


def test_a_time_ago_is_one_token_of_the_line_key():
    found = time_words(stop_words([Page.from_text("p", "\n".join(STORIES[0]))]))
    assert found is not None  # the pages are English
    times, short = found
    assert line_key("Nathan • an hour ago", times) == "Nathan • " + TIME
    assert line_key("Mia • 2 days ago", times) == "Mia • " + TIME
    assert line_key("Zoe • yesterday at 9:12 pm", times) == "Zoe • " + TIME
    assert line_key("Posted 3 comments", times) == "Posted # comments"  # a number alone stays '#'
    assert line_key("Nathan • an hour ago") == "Nathan • an hour ago"  # no language told: numbers only
    pat = "^" + key_pattern("Zoe • " + TIME, short) + "$"
    assert all(regex.search(pat, t) for t in ("Zoe • 3 weeks ago", "Zoe • yesterday at 9:12 pm", "Zoe • A day ago"))
    assert not regex.search(pat, "Zoe • the day after")
    assert len(short) < 400  # written in the rule: one language's words, readable


def test_a_blogs_comment_signatures_are_one_rule_for_any_time_ago(tmp_path: Path):
    # must not: the keys kept the words, "Nathan • an hour ago" and "Mia • 2 days ago" shared no
    # fixed part, and the trailer proposed ("^\S.{0,80}\s+an hour ago$") fitted no page whose first
    # comment was "3 weeks ago"
    texts = [_blog(n, s) for n, s in enumerate(_LEARN)]
    props = suggest_rules([Page.from_text(f"p{n}", t) for n, t in enumerate(texts)], "example.com")
    assert _fits_every_stamp(props, "Zoe • 3 weeks ago", "Zoe • yesterday at 9:12 pm", "Nathan • an hour ago",
                             "Mia • 2 days ago"), [(p.kind, p.keys) for p in props]
    pack = tmp_path / "example.toml"
    pack.write_text(suggest_pack(texts, "example.com"), encoding="utf-8")
    load_file(pack)  # the written pack loads
    cleaner = Cleaner(rules=[pack], defaults=False)
    for stamps in (["3 weeks ago", "2 weeks ago"], ["yesterday at 9:12 pm", "an hour ago"]):
        out = cleaner.clean(_blog(4, stamps), site="example.com", format="text").text
        assert all(p in out for p in STORIES[4]), out
        assert not any(s in out for s in stamps), out
        assert not any(s in out for s in _SAYS), out


def test_the_time_token_is_a_stamp_of_the_page_not_a_template_line():
    # a signature that repeats word for word ("Mia • <time>") is each page's own time, not a line
    # of the site's template, as "Posted on # November #" is not (suggest_dates.dateish)
    pages = [Page.from_text(f"p{n}", _blog(n, s)) for n, s in enumerate(_LEARN)]
    m = _Miner(pages, 0.5)
    assert not any(TIME in k for k in m.template)
    assert "Nathan • " + TIME in m.keys[0]


_DE_READERS = ["Max", "Anna", "Jonas", "Lea", "Paul", "Sofia"]
_DE_SAYS = ["Endlich tut sich etwas in unserer Stadt.", "Wer bezahlt das eigentlich?", "Tolle Idee!",
            "Das hätte man schon vor Jahren machen sollen.", "Schöne Fotos vom Hafen.", "Wann beginnen die Arbeiten?",
            "Mein Opa hat dort früher gefischt.", "Gut geschrieben, danke.", "Und was sagt der Bürgermeister?",
            "Hoffentlich wird es nicht teurer.", "Wir kommen im Sommer vorbei.", "Weiter so!"]
_DE_LEARN = [["vor einer Stunde", "vor 5 Stunden"], ["vor 3 Tagen", "vor einem Tag"], ["gestern", "vor 2 Stunden"],
             ["vor einer Stunde", "vor 4 Stunden"]]


def _de_blog(n: int, stamps: list[str]) -> str:
    """A German blog post (its first two sentences one paragraph), its comments "<reader> · <when>"."""
    a, b, c = _DE_STORIES[n]
    lines = ["Hafenblatt", "Start | Stadt | Sport | Kultur", f"Neues aus dem Hafen, Teil {n}", f"{a} {b}", c]
    for k, when in enumerate(stamps):
        lines += [f"{_DE_READERS[(n + k) % 6]} · {when}", _DE_SAYS[2 * n + k], "Antworten"]
    return "\n".join([*lines, "Neueste Beiträge", "Impressum", "Copyright Hafenblatt"])


def test_a_german_sites_comment_signatures_are_one_rule_for_any_time_ago(tmp_path: Path):
    texts = [_de_blog(n, s) for n, s in enumerate(_DE_LEARN)]
    props = suggest_rules([Page.from_text(f"p{n}", t) for n, t in enumerate(texts)], "example.de")
    assert _fits_every_stamp(props, "Zoe · vor 3 Wochen", "Zoe · gestern um 17:30", "Max · vor einer Stunde"), [
        (p.kind, p.keys) for p in props]
    pack = tmp_path / "example.toml"
    pack.write_text(suggest_pack(texts, "example.de"), encoding="utf-8")
    cleaner = Cleaner(rules=[pack], defaults=False)
    out = cleaner.clean(_de_blog(4, ["vor 3 Wochen", "gestern um 17:30"]), site="example.de", format="text").text
    assert all(p in out for p in _DE_STORIES[4][1:]), out
    assert "vor 3 Wochen" not in out and "gestern" not in out and not any(s in out for s in _DE_SAYS), out


def _live(n: int) -> str:
    """A live blog whose updates open with their time ago ("an hour ago Police close the coast
    road"), then the update; then the share row and the footer."""
    from test_suggest_s12 import _UPDATE_HEADS, _UPDATES

    whens = [["an hour ago", "2 hours ago", "5 hours ago"], ["a day ago", "an hour ago", "3 hours ago"],
             ["2 days ago", "a day ago", "4 hours ago"], ["an hour ago", "3 hours ago", "2 days ago"],
             ["a day ago", "2 days ago", "3 days ago"]][n]
    lines = ["City Live", "Home | News | Sport | Weather", f"Live: storm day {n} on the coast", *STORIES[n][:2]]
    for k in range(3):
        lines += [f"{whens[k]} {_UPDATE_HEADS[3 * n + k]}", _UPDATES[3 * n + k]]
    return "\n".join([*lines, "Share this page", "Copyright City Live"])


def test_updates_that_open_with_a_time_ago_are_dated_entries_not_signatures(tmp_path: Path):
    # must not: the time ago is one token of the key but several words of the line; read as the
    # key's first word alone ("an"), the stamp was no stamp, the updates passed for comment
    # signatures and the first of them for a trailer that cut the live blog away
    pages = [Page.from_text(f"p{n}", _live(n)) for n in range(4)]
    trailers = [p.keys["pattern"] for p in suggest_rules(pages, "example.com") if p.kind == "trailer" and p.enabled]
    assert trailers == ["^Share this page$"], trailers
