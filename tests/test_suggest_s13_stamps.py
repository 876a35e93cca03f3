"""`rules suggest`, thirteenth session: a live blog's updates led by a word ("Updated 10:35
<headline>", "Posted 3 hours ago: <headline>", "Aktualisiert um 10:35 Uhr <Schlagzeile>") are dated
entries, no comment signatures; a compound time ago ("1 hour 10 minutes ago", "vor 1 Stunde 10
Minuten") is one stamp (hand-written pages; nothing here needs the evaluation data)."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex
from stories import STORIES
from test_suggest_languages import _DE_STORIES
from test_suggest_reltime import _LEARN, _SAYS, _blog
from test_suggest_s12 import _UPDATE_HEADS, _UPDATES

from cleaner import Cleaner
from cleaner.errors import RuleError
from cleaner.ruleset.loader import load_file, load_text
from cleaner.suggest import (
    TIME,
    Page,
    line_key,
    stop_words,
    suggest_pack,
    suggest_rules,
    time_words,
)
from cleaner.suggest_dates import entry_stamp, free_text, stamp_alone, time_ago

# ---------------------------------------------------------------- 1. "Updated 10:35 <headline>"

_LEADS = {
    "updated": lambda n, k: f"Updated {10 + k}:{(7 * n + 13 * k) % 60:02d} {_UPDATE_HEADS[3 * n + k]}",
    "posted": lambda n, k: f"Posted {k + n % 2 + 1} hours ago: {_UPDATE_HEADS[3 * n + k]}",
}


def _live(n: int, lead: str) -> str:
    """A live blog of storm day n: an introduction, then three updates, each under its stamp, led
    by a word, and its headline ("Updated 10:35 Police close the coast road"), then the footer."""
    lines = ["City Live", "Home | News | Sport | Weather", f"Live: storm day {n} on the coast", *STORIES[n][:2]]
    for k in range(3):
        lines += [_LEADS[lead](n, k), _UPDATES[3 * n + k]]
    return "\n".join([*lines, "Share this page", "Copyright City Live"])


@pytest.mark.parametrize("lead", sorted(_LEADS))
def test_updates_led_by_a_word_are_dated_entries_not_signatures(lead: str):
    # must not: "Updated <time> <headline>" lines share a fixed part holding a stamp and recur
    # below the introduction, so they passed for a comment thread's signatures and the first of
    # them for a trailer with only readers' text after it
    pages = [Page.from_text(f"p{n}", _live(n, lead)) for n in range(4)]
    trailers = [p.keys["pattern"] for p in suggest_rules(pages, "example.com") if p.kind == "trailer" and p.enabled]
    assert trailers == ["^Share this page$"], trailers


@pytest.mark.parametrize("lead", sorted(_LEADS))
def test_the_pack_keeps_the_updates_led_by_a_word_on_an_unseen_page(tmp_path: Path, lead: str):
    # must not: the trailer learned from the first update cut the whole live blog on a page not seen
    pack = tmp_path / "example.toml"
    pack.write_text(suggest_pack([_live(n, lead) for n in range(4)], "example.com"), encoding="utf-8")
    out = Cleaner(rules=[pack], defaults=False).clean(_live(4, lead), site="example.com", format="text").text
    assert all(u in out for u in _UPDATES[12:]), out
    assert "Share this page" not in out and "Copyright City Live" not in out


_DE_HEADS = ["Polizei sperrt die Uferstraße", "Fähren fallen heute aus", "Strom in der Altstadt weg",
             "Schulen schicken Kinder heim", "Sturm erreicht hundert Kilometer", "Turnhalle für Familien offen",
             "Bäume auf der Ringstraße", "Züge stehen am Bahnhof", "Sandsäcke am Rathaus",
             "Rettungsboot holt zwei Segler", "Klinik voll, aber ruhig", "Läden vernageln die Fenster",
             "Fluss über der Warnmarke", "Busse in den Dörfern verspätet", "Wind lässt am Abend nach"]


_DE_INTROS = [
    "Ein schwerer Sturm zieht seit dem frühen Morgen über die Küste, und wir berichten hier laufend über die Lage.",
    "Auch am zweiten Tag hält der Sturm die Stadt in Atem, viele Straßen sind gesperrt und die Schulen bleiben zu.",
    "Die Feuerwehr war in der Nacht mehr als hundert Mal im Einsatz, meist wegen umgestürzter Bäume und loser Dächer.",
    "Der Wetterdienst hat seine Warnung bis morgen früh verlängert, an der Küste drohen weiter orkanartige Böen.",
    "Langsam beruhigt sich das Wetter, doch die Aufräumarbeiten in der Altstadt werden noch viele Wochen dauern.",
]


def _de_live(n: int) -> str:
    """A German live blog: "Aktualisiert um 10:35 Uhr <Schlagzeile>", then the update."""
    lines = ["Stadtbote live", "Start | Stadt | Sport | Wetter", f"Live: Sturmtag {n} an der Küste", _DE_INTROS[n]]
    for k in range(3):
        lines += [f"Aktualisiert um {10 + k}:{(7 * n + 13 * k) % 60:02d} Uhr {_DE_HEADS[3 * n + k]}", _DE_STORIES[n][k]]
    return "\n".join([*lines, _DE_MORE[n], "Seite teilen", "Impressum Stadtbote"])


_DE_MORE = ["Mehr zum Thema: Die Sturmsaison beginnt früh", "Mehr zum Thema: So schützen Sie Ihr Haus",
            "Mehr zum Thema: Der Orkan von 1987", "Mehr zum Thema: Versicherung nach dem Hochwasser",
            "Mehr zum Thema: Wer zahlt die Schäden?"]


def test_a_german_live_blogs_updates_led_by_a_word_are_no_signatures(tmp_path: Path):
    # must not: "Aktualisiert um <Zeit> Uhr <Schlagzeile>" passed for a comment's signature, so
    # the site's line below the updates ("Mehr zum Thema: ...") was read as readers' text
    pages = [Page.from_text(f"p{n}", _de_live(n)) for n in range(4)]
    props = suggest_rules(pages, "example.de")
    trailers = [p.keys["pattern"] for p in props if p.kind == "trailer" and p.enabled]
    assert trailers == ["^Seite teilen$"], trailers
    lines = [p.keys["pattern"] for p in props if p.kind == "line" and p.enabled]
    assert any(isinstance(x, str) and x.startswith("^Mehr zum Thema:") for x in lines), lines
    pack = tmp_path / "example.toml"
    pack.write_text(suggest_pack([_de_live(n) for n in range(4)], "example.de"), encoding="utf-8")
    out = Cleaner(rules=[pack], defaults=False).clean(_de_live(4), site="example.de", format="text").text
    assert all(u in out for u in _DE_STORIES[4]), out


_READERS = ["Nathan", "Mia", "Oskar", "Lena", "Priya", "Tom"]


def _signed_blog(n: int) -> str:
    """A blog post whose comments are signed "Posted at 10:35 by <reader>": a fixed word, the
    stamp, then the writer, no headline."""
    lines = ["Wander Notes", "Home | Trips | Recipes | About", f"Notes from the road, part {n}", *STORIES[n],
             "Leave a comment"]
    for k in range(2):
        lines += [f"Posted at {9 + k}:{(11 * n + 17 * k) % 60:02d} by {_READERS[(n + k) % 6]}", _SAYS[2 * n + k]]
    return "\n".join([*lines, "Copyright Wander Notes"])


def test_a_signature_led_by_a_word_is_still_a_signature():
    # the stamp may open with "Posted at", but what follows it is the writer ("by Nathan"), not an
    # entry's own text: the comments stay a thread and the heading above them ends the article
    pages = [Page.from_text(f"p{n}", _signed_blog(n)) for n in range(4)]
    trailers = [p.keys["pattern"] for p in suggest_rules(pages, "example.com") if p.kind == "trailer" and p.enabled]
    assert "^Leave a comment$" in trailers, trailers


def test_what_follows_a_stamp_tells_an_entry_from_a_signature():
    assert stamp_alone("Updated 10:35") and stamp_alone("Posted 3 hours ago:") and stamp_alone("Aktualisiert um 10:35 Uhr")
    assert stamp_alone("Mis à jour le 3 mars") and stamp_alone("更新 10:35")
    assert not stamp_alone("Anna at 10:35") and not stamp_alone("Updated")
    assert free_text("Police close the coast road") and free_text(": Firefighters reach the fire")
    for rest in ["by Anna", "Anna Smith", "by Anna Smith", "at 10:35 | Anna Smith", "said:", ""]:
        assert not free_text(rest), rest
    assert free_text("警察が海岸道路を閉鎖") and not free_text("山田太郎")
    # the stamp a dated entry opens with, its lead words and a time ago of several words included
    for line, stamp in [("Updated 10:35 Police close the coast road", "Updated 10:35"),
                        ("Posted 3 hours ago: Firefighters reach the fire", "Posted 3 hours ago:"),
                        ("Aktualisiert um 10:35 Uhr Polizei sperrt die Uferstraße", "Aktualisiert um 10:35 Uhr"),
                        ("10:35 Police close the coast road", "10:35")]:
        assert line[:entry_stamp(line)] == stamp, line
    for line in ["Posted at 10:35 by Anna Smith", "Updated 10:35", "Anna • 1 hour 10 minutes ago", "Police close the road"]:
        assert entry_stamp(line) == 0, line


def test_stamp_lead_is_a_validated_language_pack_key():
    # old code: unknown key in [words]
    pack = load_text("[pack]\nname = 'lang.xx'\nlang = 'xx'\n[words]\nstamp_lead = ['Updated', 'posted at']\n", "x.toml")
    assert pack.config["words"]["stamp_lead"] == ("updated", "posted at")
    with pytest.raises(RuleError):
        load_text("[pack]\nname = 'lang.xx'\nlang = 'xx'\n[words]\nstamp_lead = []\n", "x.toml")
    # every shipped language pack that tells relative times has its stamp_lead words
    langs = Path(__file__).resolve().parent.parent / "rules" / "lang"
    for f in sorted(langs.glob("*.toml")):
        words = load_file(f).config.get("words", {})
        if "time_ago" in words:
            assert words.get("stamp_lead"), f.name


# ---------------------------------------------------------------- 2. compound times ago


def test_a_compound_time_ago_is_one_stamp_in_every_language():
    # old code: "1 hour 10 minutes ago" was "1 hour" and the stamp "10 minutes ago"
    found = time_ago()
    for stamp in ["1 hour 10 minutes ago", "2 days 3 hours ago", "2 days, 3 hours ago", "vor 1 Stunde 10 Minuten",
                  "il y a 1 heure 10 minutes", "hace 1 hora 10 minutos", "1 ora 10 minuti fa",
                  "1 uur 10 minuten geleden", "há 1 hora 10 minutos", "2 godz. 10 min. temu",
                  "1 час 10 минут назад", "1時間10分前"]:
        m = found.search(f"Anna · {stamp}")
        assert m is not None and m.group() == stamp, (stamp, m)
    times, short = time_words(stop_words([Page.from_text("p", "\n".join(STORIES[0]))]))
    assert line_key("Anna • 1 hour 10 minutes ago", times) == "Anna • " + TIME
    assert line_key("Ben • 2 days, 3 hours ago", times) == "Ben • " + TIME
    assert regex.fullmatch(short, "2 days 3 hours ago") and regex.fullmatch(short, "an hour ago")
    assert len(short) < 400  # written in the rule: still readable


_COMPOUND = [["1 hour 10 minutes ago", "2 days 3 hours ago"], ["3 hours 5 minutes ago", "a day ago"]]


def test_comment_signatures_with_compound_times_fit_the_learned_rule(tmp_path: Path):
    # must not: the rule learned from "Nathan • an hour ago" (the stamp written back as the
    # language's pattern) fitted no "Zoe • 1 hour 10 minutes ago", and the unseen page's
    # signatures stayed in its text
    texts = [_blog(n, s) for n, s in enumerate(_LEARN)]
    pack = tmp_path / "example.toml"
    pack.write_text(suggest_pack(texts, "example.com"), encoding="utf-8")
    cleaner = Cleaner(rules=[pack], defaults=False)
    for stamps in _COMPOUND:
        out = cleaner.clean(_blog(4, stamps), site="example.com", format="text").text
        assert all(p in out for p in STORIES[4]), out
        assert not any(s in out for s in stamps) and "minutes ago" not in out, out
        assert not any(s in out for s in _SAYS), out


def test_compound_times_on_the_learned_pages_share_the_signatures_key():
    # must not: "Mia • 1 hour 10 minutes ago" keyed "Mia • # hour <TIME>", a shape of its own
    # beside "Nathan • <TIME>"; learned from pages stamped so, the rule fits the simple times too
    texts = [_blog(n, s) for n, s in enumerate([["1 hour 10 minutes ago", "5 hours ago"], ["2 days 3 hours ago", "a day ago"],
                                                ["a day ago", "3 hours 20 minutes ago"], ["2 hours 5 minutes ago", "an hour ago"]])]
    props = suggest_rules([Page.from_text(f"p{n}", t) for n, t in enumerate(texts)], "example.com")
    pats = [p.keys["pattern"] for p in props if p.enabled and p.kind in ("trailer", "line")]
    flat = [x for pat in pats for x in ([pat] if isinstance(pat, str) else pat)]
    for line in ["Zoe • 4 hours 30 minutes ago", "Zoe • an hour ago", "Zoe • yesterday at 9:12 pm"]:
        assert any(regex.search(x, line) for x in flat), (line, pats)
