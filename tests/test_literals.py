"""The cheap pre-tests before a regex call must never rule out a text the pattern matches."""

from __future__ import annotations

import re as _re
import sys

import regex

from cleaner import Cleaner
from cleaner.ruleset.literals import (
    Literals,
    Screened,
    _foldable,
    fold,
    line_screen,
    prefixes,
    required,
    where_may_match,
)


def _texts(example_lines):
    every = Cleaner().rules
    lines = example_lines(every)
    # Case variants (the Turkish dotted capital I among them), and matches moved off the start.
    lines += [x.upper() for x in lines] + [x.lower() for x in lines] + ["x " + x for x in lines]
    lines += [x.upper().replace("I", "İ") for x in lines[:2000]]
    return every, lines


def test_required_strings_never_miss_a_match(example_lines):
    rules, lines = _texts(example_lines)
    folded = [fold(x) for x in lines]
    screened = 0
    for r in rules:
        for attr in ("pattern", "start", "end"):
            p = getattr(r, attr, None)
            if not isinstance(p, regex.Pattern):
                continue
            tests = [t for t in (required(p), prefixes(p), required(p, str.isdigit)) if t is not None]
            screened += bool(tests)
            for line, low in zip(lines, folded, strict=True):
                if p.search(line):
                    for t in tests:
                        assert t.may_match(line, low), (r.id, attr, t, line)
                        assert t.may_match(line), (r.id, attr, t, line)  # folding only what it needs
    assert screened > 50  # nearly every shipped pattern gets a pre-test


def test_line_screens_never_miss_a_match(example_lines):
    rules, lines = _texts(example_lines)
    lines += [x + "\n" for x in lines[:3000]]  # `$` matches before a newline that ends the text
    screened = mixed = 0
    for r in rules:
        for attr in ("pattern", "start", "end"):
            p = getattr(r, attr, None)
            if not isinstance(p, regex.Pattern):
                continue
            t = line_screen(p)
            if t is None:
                continue
            screened += 1
            mixed += sum(map(bool, (t.starts, t.ends, t.holds))) > 1
            for line in lines:
                if p.search(line):
                    assert t.may_match(line), (r.id, attr, t, line)
    assert screened > 100 and mixed > 5


def test_line_screen_tests_each_alternative_its_own_way():
    # One alternative without a fixed prefix no longer turns the others into substring tests.
    t = line_screen(regex.compile(r"(?i)(?:^[\w-]*newsletter:)|(?:^teile (?:diesen|den) beitrag)|(?:^jede spende)"))
    assert t.starts.strings == ("jede spende", "teile den beitrag", "teile diesen beitrag") and t.folded
    assert t.holds == ("newsletter:",) and t.ends == ()
    # Anchored at the end: suffixes (and the same before a final newline, as `$` allows).
    t = line_screen(regex.compile(r"^[A-Z]\w+[\s/|]+(?:AP|AFP|Getty Images)$"))
    assert set(t.ends) == {"AP", "AFP", "Getty Images", "AP\n", "AFP\n", "Getty Images\n"}
    assert t.may_match("Jane Doe/AFP") and not t.may_match("AFP said on Monday")
    # A one-character suffix only when nothing better is needed.
    assert line_screen(regex.compile(r"\([^()]+\)$")).holds == ("(",)
    assert set(line_screen(regex.compile(r"\((?:Reuters|AFP)\)$")).ends) == {"(Reuters)", "(AFP)", "(Reuters)\n", "(AFP)\n"}
    # An alternative anchored nowhere is looked for anywhere; "^" inside a group is no anchor.
    t = line_screen(regex.compile(r"^menu|share this"))
    assert t.starts.strings == ("menu",) and t.holds == ("share this",)
    assert line_screen(regex.compile(r"(?:^|x)menu")).holds == ("menu",)
    # Multi-line patterns (where ^ and $ match at every line) get the whole-pattern test.
    t = line_screen(regex.compile(r"^menu$|^share$", regex.MULTILINE))
    assert t.starts is None and set(t.holds) == {"menu", "share"}
    assert line_screen(regex.compile(r"(?m:^menu$)|^x")).starts is None


def test_unreadable_syntax_gives_no_test():
    # POSIX classes, fuzzy matching and version-1 sets mean something else to the standard parser.
    assert required(regex.compile(r"[[:alpha:]]+ news")) is None
    assert required(regex.compile(r"(?:newsletter){e<=1}")) is None
    assert required(regex.compile(r"(?V1)[[a-z]--[aeiou]]x")) is None
    assert required(regex.compile(r"\m(?:menu)\M")) is None  # `regex`-only escapes
    assert prefixes(regex.compile(r"menu|^search")) is None  # not anchored


def test_fold_keeps_every_case_variant_of_the_characters_relied_on():
    """A case-insensitive `regex` literal matches some other characters too (Kelvin sign for k,
    long s, Turkish I, Greek mu for the micro sign); for every character a case-insensitive
    pre-test relies on, `fold` must map each such variant as it maps the character itself."""
    every = "".join(chr(i) for i in range(sys.maxunicode + 1) if not 0xD800 <= i < 0xE000)
    relied_on = [chr(i) for i in range(0x250) if _foldable(i)]
    assert len(relied_on) > 500
    # One scan of all of Unicode: the characters that case-insensitively match any of them.
    variants = regex.findall("(?i)[" + "".join(map(regex.escape, relied_on)) + "]", every)
    pool = "".join(relied_on)
    for c in set(variants):
        for p in regex.findall("(?i)" + regex.escape(c), pool):  # the characters c stands for
            assert fold(c) == fold(p), (p, c, hex(ord(c)))
    assert fold("Ä") == fold("ä") and fold("K") == "k" and fold("ſ") == "s"


def test_screened_search_answers_like_the_pattern():
    p = regex.compile(r"(?:^|\D)(?:(?:19|20)\d\d|\d{1,2}:\d\d)(?:\D|$)")
    s = Screened(p)
    assert s.digit
    for text in ["Weather", "Updated 10:32", "In 2019", "١٠:٣٢ مساء", "no digits here: none", "x 20:15 y"]:
        got, want = s.search(text), p.search(text)
        assert (got and got.span()) == (want and want.span()), text


def test_screened_digit_test_on_text_that_is_not_ascii():
    # Below U+10000 `re` and `regex` know the same decimal digits, which the quick test relies on.
    bmp = "".join(chr(i) for i in range(0x10000) if not 0xD800 <= i < 0xE000)
    assert set(_re.findall(r"\d", bmp)) == set(regex.findall(r"\d", bmp))
    p = regex.compile(r"\d{1,2}:\d\d")
    s = Screened(p)
    for text in ["Müller sagte", "Zeit: ١٠:٣٢", "„Wort“ 10:32", "Zeit 𞓰𞓱:𞓲𞓳", "²:²²", "x"]:
        got, want = s.search(text), p.search(text)
        assert (got and got.span()) == (want and want.span()), text


def test_where_may_match_agrees_with_may_match():
    texts = ["Share this", "SHARE", "share", "Summary", "Menü", "MENÜ öffnen", "ßtraße", "STRASSE", "İstanbul",
             "istanbul", "", "x", "Cookies: we use", "(Photo: AP)", "ﬁle", "file"]
    for need in (Literals(("share", "menü", "strasse", "istanbul", "file"), True, True),
                 Literals(("Share", "Cookies", "(Photo"), False, True),
                 Literals(("photo", "use"), True, False), Literals(("AP",), False, False)):
        assert where_may_match(need, texts) == [k for k, t in enumerate(texts) if need.may_match(t)], need
