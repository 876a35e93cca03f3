"""The title stage finds the headline's repeat below the page title when it is spelled with other
quotes, dashes or ellipses, and never takes a body sentence that merely holds the title's words."""

from __future__ import annotations

import pytest

from cleaner.ruleset.kinds import TitleRule, title_key


def _find(text: str):
    """The title rule's find on `text` (lines separated by blank lines), and its non-blank lines."""
    raw = text.split("\n")
    texts = [x for x in raw if x]
    blank_after = [n + 1 >= len(raw) or not raw[n + 1] for n, x in enumerate(raw) if x]
    return TitleRule(id="t").find(texts, blank_after), texts


@pytest.mark.parametrize(("title", "line"), [
    ("Android Ransomware Spreads Via 'Sex Simulation Game' Links | Threatpost",
     "Android Ransomware Spreads Via ‘Sex Simulation Game’ Links"),
    ('Warum ich lieber "Bauchgeburt" statt Kaiserschnitt sage. - Jane Wayne News',
     "Warum ich lieber „Bauchgeburt“ statt Kaiserschnitt sage."),
    ("SEKRÈ MYSTERY BAG - jede Frau braucht ein Geheimnis! - Lady 50plus",
     "SEKRÈ MYSTERY BAG – jede Frau braucht ein Geheimnis!"),
    ("Nebelsuppe. | Das Leben, der Meister und ich...", "Das Leben, der Meister und ich…"),
    ("Von Sprachregeln und «ganz normalem Deutsch» - Talk", 'Von Sprachregeln und "ganz normalem Deutsch"'),
])
def test_typographic_variants_of_the_headline_repeat_it(title, line):
    found, texts = _find(f"{title}\n\nMenu\n\n{line}\n\nThe story itself, told in full sentences here.")
    assert found is not None
    assert [texts[k] for k in found.repeats] == [line]


@pytest.mark.parametrize("line", [
    "Android Ransomware Spreads Via ‘Sex Simulation Game’ Links, researchers said on Monday.",
    "Why Android Ransomware Spreads Via ‘Sex Simulation Game’ Links",
    "Android Ransomware Spreads Via ‘Sex Simulation Game’",
    "Android Ransomware Spreads Via Sex Simulation Game Links",  # quotes dropped: another text
    "Android Ransomware Spreads Via ‘Sex Simulation Game’ Links Threatpost",
])
def test_sentences_holding_the_title_words_do_not_repeat_it(line):
    title = "Android Ransomware Spreads Via 'Sex Simulation Game' Links | Threatpost"
    found, _ = _find(f"{title}\n\nMenu\n\n{line}\n\nThe story itself, told in full sentences here.")
    assert found is not None
    assert found.repeats == []


def test_title_key_keeps_inner_punctuation_that_is_not_typographic():
    assert title_key("Patch Notes - Build 4") != title_key("Patch Notes Build 4")
    assert title_key("Rock 'n' Roll") != title_key('Rock "n" Roll')
    assert title_key("“Quoted”") == title_key('"quoted"')
    assert title_key("Ends with an ellipsis…") == title_key("ends with an ellipsis")


@pytest.mark.parametrize(("title", "line", "headline"), [
    ("Pressemitteilung: Endlich mehr Beschleunigung wagen!", "Endlich mehr Beschleunigung wagen!",
     "Endlich mehr Beschleunigung wagen!"),
    ("Rutger Bregman: Unser wahres Ich - brand eins online", "Unser wahres Ich", "Unser wahres Ich"),
    ("Chronik: Wien: Lotte Tobisch ist tot", "Wien: Lotte Tobisch ist tot", "Wien: Lotte Tobisch ist tot"),
])
def test_a_repeated_part_of_a_colon_title_is_the_headline(title, line, headline):
    found, texts = _find(f"{title}\n\nMenu\n\n{line}\n\nThe story itself, told in full sentences here.")
    assert found is not None and found.title == headline
    assert [texts[k] for k in found.repeats] == [line]


@pytest.mark.parametrize("line", [
    "Unser wahres Ich ist gut, sagt Rutger Bregman.",  # a sentence holding the part
    "Video",  # the first part: a label, a kicker or the site's name
    "Wahres Ich",  # no part: two of its words
    "Unser wahres Ich und andere Geschichten",  # begins with the part, says more
])
def test_colon_parts_that_are_no_headline_repeat(line):
    title = "Video: Unser wahres Ich - brand eins online"
    found, texts = _find(f"{title}\n\nMenu\n\n{line}\n\nThe story itself, told in full sentences here.")
    assert found is not None and found.title == "Video: Unser wahres Ich"
    assert found.repeats == []


@pytest.mark.parametrize("line", [
    "home / Betrieb / IT / Cyber-Angriffe: 20 Prozent vom IT-Budget in die IT-Sicherheit stecken!",
    '"Pure Leere": Cyber-Angriffe: 20 Prozent vom IT-Budget in die IT-Sicherheit stecken!',
    "Start › Magazin › Cyber-Angriffe: 20 Prozent vom IT-Budget in die IT-Sicherheit stecken",
])
def test_the_headline_behind_its_kicker_or_breadcrumb_repeats_it(line):
    title = "Cyber-Angriffe: 20 Prozent vom IT-Budget in die IT-Sicherheit stecken! - handwerk magazin"
    found, texts = _find(f"{title}\n\nMenu\n\n{line}\n\nThe story itself, told in full sentences here.")
    assert found is not None and found.title == "Cyber-Angriffe: 20 Prozent vom IT-Budget in die IT-Sicherheit stecken!"
    assert [texts[k] for k in found.repeats] == [line]


@pytest.mark.parametrize("line", [
    "Laut einer Umfrage gilt: Cyber-Angriffe: 20 Prozent vom IT-Budget in die IT-Sicherheit stecken, "
    "so raten es die Verbände allen Betrieben in diesem Jahr",  # the headline inside a sentence
    "Cyber-Angriffe: 20 Prozent vom IT-Budget in die IT-Sicherheit stecken! Was Betriebe jetzt tun",
    "Eine sehr lange Einleitung mit vielen Wörtern vor dem Titel hier / Cyber-Angriffe: 20 Prozent vom "
    "IT-Budget in die IT-Sicherheit stecken!",  # more than a kicker's few words in front
    "Lesen Sie auch Cyber-Angriffe: 20 Prozent vom IT-Budget in die IT-Sicherheit stecken!",  # no separator
])
def test_lines_holding_the_headline_without_a_kicker_do_not_repeat_it(line):
    title = "Cyber-Angriffe: 20 Prozent vom IT-Budget in die IT-Sicherheit stecken! - handwerk magazin"
    found, _ = _find(f"{title}\n\nMenu\n\n{line}\n\nThe story itself, told in full sentences here.")
    assert found is not None and found.repeats == []


def test_title_key_ascii_shortcut_equals_the_full_table():
    """title_key skips the translation table for ASCII text (only "`" is mapped there): the result
    must equal translating every line through the whole table."""
    import random

    from cleaner.ruleset.kinds import _TITLE_KEY_CHARS, _TITLE_KEY_STRIP, title_key

    rng = random.Random(7)
    alphabet = "abcAB `'\".:!?-|" + "".join(chr(k) for k in _TITLE_KEY_CHARS) + "ßİﬁÉé"
    for _ in range(3000):
        line = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert title_key(line) == line.casefold().translate(_TITLE_KEY_CHARS).strip(_TITLE_KEY_STRIP), line


def test_lazy_folds_with_a_key_answer_as_keying_every_line_first():
    """LazyFolds(lines, limit, key=title_key) works out title_key only for lines that pass its
    cheap test on the raw line: it must answer as the set of folds of every keyed line would."""
    import random

    from cleaner.metadata.title import LazyFolds, fold
    from cleaner.ruleset.kinds import _TITLE_KEY_CHARS

    rng = random.Random(11)
    words = ["news", "Site", "ab", "a", "Über", "cafe", "café", "ßtraße", "x1", "İs"]
    marks = [" ", " ", " ", "`", "'", ":", " | ", "…", "-", "!", "."] + [chr(k) for k in _TITLE_KEY_CHARS]
    for _ in range(300):
        lines = ["".join(rng.choice(words) + rng.choice(marks) for _ in range(rng.randint(1, 4))).strip()
                 for _ in range(rng.randint(1, 8))]
        limit = rng.randint(2, 30)
        want = {fold(title_key(x)) for x in lines if len(title_key(x)) <= limit}
        lazy = LazyFolds(iter(lines), limit, title_key)
        keys = [fold(x) for x in lines] + [fold(rng.choice(words)), fold(lines[0][:5]), ""]
        for key in keys:
            assert (key in lazy) == (key in want), (lines, limit, key)
