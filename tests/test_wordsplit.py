r"""`wordsplit.words` gives exactly what `re.findall(r"\w+")` gives, on any text."""

from __future__ import annotations

import random
import re

from cleaner.wordsplit import END_PUNCTUATION, words

_WORD = re.compile(r"\w+")


def test_end_punctuation_holds_no_word_character() -> None:
    assert not any(_WORD.match(c) for c in END_PUNCTUATION)


def test_same_as_findall_on_hand_made_lines() -> None:
    lines = [
        "", " ", "word", "word,", "(word)", "«Wort»", "„Wort“", "snake_case", "_x_", "9:45", "3.14",
        "it’s", "e-mail", "a/b", "...", "—", "über—Straße", "日本語のテキスト", "٣٤٥ ١٢", "x\u00a0y",
        "tab\tand\x1cfile sep", "soft\u00adhyphen", "zero\u200bwidth", "Ⅻ ½ ²", "e\u0301 combining",
        "(“Quoted,” she said.)", "#tag @user $5 100% a+b=c <tag>",
    ]
    for line in lines:
        assert words(line) == _WORD.findall(line), line


def test_same_as_findall_on_random_text() -> None:
    rng = random.Random(7)
    alphabet = "ab_Z09 \t\u00a0.,;:!?()[]\"'“”«»-–—…/*#|&%$@+=<>éßİıΣσ日٣½²\u0301\u00ad\u200b\x1c"
    for _ in range(3000):
        line = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        assert words(line) == _WORD.findall(line), repr(line)
