"""The shape pre-test of a date pattern must never rule out a window the pattern matches in."""

from __future__ import annotations

import sys

import regex

from cleaner import Cleaner
from cleaner.ruleset.kinds import _TITLE_KEY_STRIP, _repeating, title_key
from cleaner.ruleset.shapes import (
    ZERO,
    compile_screen,
    faithful,
    passes,
    passes_compiled,
    shape_of,
    shape_screen,
    zeroed,
)


def _date_texts(example_lines, rules):
    lines = example_lines(rules)
    # Case variants and dates written in the ways the patterns allow.
    lines += [x.upper() for x in lines] + [x.lower() for x in lines]
    lines += ["Posted 7 March 2019, 10:32 am EST", "12/03/2019 14:05", "2019-11-18T23:03:00Z", "17.11.19 um 9:58",
              "Mar. 5, 2019 at 5:45 PM", "le 1er avril 2025", "5 de mayo de 2019", "3. März 2019, 10.15 Uhr"]
    return lines


def test_shape_screens_never_miss_a_match(example_lines):
    rules = [r for r in Cleaner().rules if r.kind == "date" and r.role == "date"]
    lines = _date_texts(example_lines, rules)
    screened = 0
    for r in rules:
        got = shape_screen(r.pattern)
        if got is None:
            continue
        screened += 1
        screen, folded = got
        for line in lines:
            for m in r.pattern.finditer(line):
                # The match itself, and the match inside some text around it.
                for text in (m.group(), line[max(0, m.start() - 5):m.end() + 5]):
                    sh = shape_of(text, folded)
                    if sh is not None:
                        assert passes(screen, sh), (r.id, text, screen)
    assert screened >= 10  # nearly every shipped date pattern gets one


def test_compiled_screens_answer_as_passes(example_lines):
    """`passes_compiled` (requirements of many strings as one `re` search) says what `passes` says,
    on windows the patterns match and on windows around them that they do not."""
    rules = [r for r in Cleaner().rules if r.kind == "date" and r.role == "date" and r.shape is not None]
    lines = _date_texts(example_lines, rules)
    lines += ["Updated on 12 03 2019", "May 2019", "in 2019 and 2020", "0. 0.0000", "jan feb mar 0000"]
    hays = {shape_of(x, folded) for x in lines for folded in (False, True)} - {None}
    hays |= {h[k:k + 12] for h in list(hays) for k in range(0, len(h), 5)}  # pieces: most fail
    for r in rules:
        screen, _ = r.shape
        fast = compile_screen(screen)
        assert r.shape_test[0] == fast
        answers = [passes(screen, h) for h in hays]
        assert [passes_compiled(fast, h) for h in hays] == answers, r.id
        assert any(answers) and not all(answers)


def test_zeroed_is_translate():
    for text in ("am 12. März 2019, 9:45", "٧ March ٢٠١٩", "１２", "\ud800 7 \udfff", "", "0123456789"):
        assert zeroed(text) == text.translate(ZERO)


def test_unfaithful_windows_get_no_shape():
    assert shape_of("7  March 2019", True) is None  # two spaces: \s+ could match both
    assert shape_of("7\tMarch 2019", True) is None  # a tab: not printable
    assert shape_of("7\u00a0March 2019", True) is None  # a no-break space: \s matches it
    assert shape_of("٧ March ٢٠١٩", True) is None  # digits other than 0-9
    assert faithful("Veröffentlicht am 7. März 2019")
    assert shape_of("Am 7. März 2019", True) == "am 0. märz 0000"


def test_unknown_syntax_gives_no_shape():
    assert shape_screen(regex.compile(r"[[:digit:]]+ news")) is None
    assert shape_screen(regex.compile(r"\d+|news")) is None  # an alternative with no requirement


def test_title_repeats_skip_only_lines_of_another_length():
    """`_repeating` relies on case folding never shortening a text nor tripling it, and on the
    stripped end characters folding to themselves and being no end of another one's folding."""
    for i in range(sys.maxunicode + 1):
        if 0xD800 <= i < 0xE000:
            continue
        c = chr(i)
        f = c.casefold()
        if c in _TITLE_KEY_STRIP:
            assert f == c
        else:
            assert f and f[0] not in _TITLE_KEY_STRIP and f[-1] not in _TITLE_KEY_STRIP, hex(i)
        assert len(f) <= 3, hex(i)
    texts = ["Title", "Straße | News", "STRASSE", "--- ß ---", "Headline", "x" * 50 + " ...", "Ǆ!", "ΐΐ", "ss",
             "- strasse -", "S", "ǅ"]
    for keys in ({"strasse"}, {"ß"}, {"ss", "headline"}, {"ǆ"}, {"ΐ̈́"}, {"ΐΐ".casefold()}, {"s", "x"}):
        want = [i for i in range(1, len(texts)) if title_key(texts[i]) in keys]
        assert _repeating(texts, keys) == want, keys
