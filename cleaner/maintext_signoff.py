"""The main-text stage's sign-off pass: a blog post's closing greeting and name below its run.

Posts on blogs and community sites end with the writer signing off: "Euer Hans", "XX, Die
Redaktion", "Cheers, Tom", "Liebe Grüße, Anna". The line is two or three words without a sentence
end, so it scores below zero and the edge trim drops it; it is the post's last line all the same.

A line right below the run (at most one blank line between) of at most `max_words` words that
opens with a sign-off word of the language (`[words] signoff`: "euer", "xoxo", "cheers", "liebe
grüße") and goes on with capitalised words only (a name, "Die Redaktion") joins the run. Without
a name ("Cheers", "Love it") or with more words it is no sign-off.

No word of any language is in the code: the word lists come from the language packs.
"""

from __future__ import annotations

from collections.abc import Callable, Container

_STRIP = ".,;:!?()[]\"'“”„«»‚‘’-–—"


def is_signoff(line: str, signoffs: Container[str], max_words: int) -> bool:
    """True when the line is a greeting and a name (see module doc).

    >>> s = {"euer", "xx", "cheers", "liebe grüße"}
    >>> is_signoff("Euer HansEhrlich", s, 4), is_signoff("XX, Die Redaktion", s, 4), is_signoff("Liebe Grüße, Anna", s, 4)
    (True, True, True)
    >>> is_signoff("Cheers", s, 4), is_signoff("Cheers to that, said Tom", s, 4), is_signoff("Euer Auto ist kaputt", s, 4)
    (False, False, False)
    """
    words = line.split()
    if not 2 <= len(words) <= max_words:
        return False
    for size in (1, 2):
        head = " ".join(w.strip(_STRIP).lower() for w in words[:size])
        if head in signoffs:
            rest = [w.strip(_STRIP) for w in words[size:]]
            return bool(rest) and all(w[:1].isupper() for w in rest) and not words[-1].endswith((".", "!", "?", ":"))
    return False


def signoff_end(b: int, n: int, line: Callable[[int], str], alive: Callable[[int], bool], gap: Callable[[int], int],
                test: Callable[[str], bool]) -> int:
    """The run's new end: [.., b) and the sign-off line right below it, when there is one.

    >>> text = ["We had a great time.", "Euer Hans", "Related posts"]
    >>> signoff_end(1, 3, text.__getitem__, lambda k: True, lambda k: 1, lambda t: t.startswith("Euer "))
    2
    >>> signoff_end(1, 3, text.__getitem__, lambda k: True, lambda k: 3, lambda t: t.startswith("Euer "))
    1
    """
    if 0 < b < n and alive(b) and gap(b - 1) <= 2 and test(line(b)):
        return b + 1
    return b
