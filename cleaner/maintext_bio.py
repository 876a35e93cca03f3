"""The main-text stage's end trim for a writer's biography below the article.

Many sites print a line about the writer right under the last paragraph, without a heading or a
name line of its own (the author-box pass, maintext_authorbox.py, needs one): "Will Knight is a
senior writer for WIRED, covering artificial intelligence.", "Felix Stalder ist Professor für
Digitale Kultur in Zürich.", "Der Autor ist Professor an der Universität München.". It is prose,
so the article's run takes it in.

Such a line opens with one to `bio_name_max_words` capitalised words (a name, or "Der Autor"),
then a linking verb of the language (`[words] bio_verb`: "is", "ist") and, within
`bio_role_gap` words, a word for a writer's or scholar's role (`[words] bio_role`: "writer",
"professor", "Redakteurin"). Up to `bio_max_lines` such lines at the very end of the run, each of
at most `bio_max_words` words, are trimmed. Inside the article the same sentence is about a
source ("Smith is a professor at Yale who studies ...") and stays; at its start it is as often the
article's own subject, so only the end is trimmed.

No word of any language is in the code: the word lists come from the language packs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container

_TOKEN = re.compile(r"[^\s]+")
_STRIP = ".,;:!?()[]\"'“”„«»‚‘’"


def is_bio(line: str, verbs: frozenset[str], roles: frozenset[str], *, name_max_words: int, role_gap: int,
           max_words: int, stop: Container[str] = ()) -> bool:
    """True when the line reads as a writer's biography (see module doc). The words before the
    verb must not all be `stop` words (function words of any language: "He is a writer" may be
    the article's last sentence about its subject).

    >>> v, r = frozenset({"is", "ist"}), frozenset({"writer", "professor", "redakteurin"})
    >>> is_bio("Will Knight is a senior writer for WIRED, covering artificial intelligence.", v, r,
    ...        name_max_words=4, role_gap=6, max_words=70)
    True
    >>> is_bio("Der Autor ist Professor an der Universität München.", v, r, name_max_words=4, role_gap=6, max_words=70)
    True
    >>> is_bio("The writer is a former soldier, the court heard.", v, r, name_max_words=4, role_gap=6, max_words=70)
    False
    >>> is_bio("Smith said he is a writer.", v, r, name_max_words=4, role_gap=6, max_words=70)
    False
    >>> is_bio("He is a writer.", v, r, name_max_words=4, role_gap=6, max_words=70, stop={"he"})
    False
    """
    words = _TOKEN.findall(line)
    if not verbs or not roles or len(words) > max_words:
        return False
    for k, w in enumerate(words[: name_max_words + 1]):
        if w.lower() in verbs:
            if k == 0 or all(x.lower() in stop for x in words[:k]):
                return False
            tail = (t.strip(_STRIP).lower() for t in words[k + 1 : k + 1 + role_gap])
            return any(t in roles for t in tail)
        if not w[:1].isupper():
            return False
    return False


def bio_end(a: int, b: int, line: Callable[[int], str], alive: Callable[[int], bool], test: Callable[[str], bool],
            most: int) -> int:
    """The run's new end: [a, b) without up to `most` biography lines at its end (`test`).
    Lines a rule already removed are passed over; at least one line of the run stays.

    >>> text = ["The council met.", "It voted.", "Jane Roe is a writer for the paper."]
    >>> bio_end(0, 3, text.__getitem__, lambda k: True, lambda t: " is a writer" in t, 2)
    2
    """
    end, taken, k = b, 0, b - 1
    while k > a and taken < most:
        if not alive(k):
            k -= 1
            continue
        if not test(line(k)):
            break
        taken += 1
        end = k
        k -= 1
    return end


def is_self_intro(line: str, intros: Container[str], roles: Container[str], *, name_max_words: int, max_words: int, stop: Container[str] = ()) -> bool:
    """True when the line is the writer introducing themselves: it opens, after at most one
    greeting word ("Hallo,", "Hi"), with a first-person phrase of the language (`[words] bio_self`:
    "ich bin", "i'm") followed by a name closed by a comma (up to `name_max_words` capitalised
    words, not function words: "Ich bin Steffi, bekennende Tiernärrin ...") or, within as many
    words, a role word ("Hi, I'm a freelance writer and ...": not "I am a big fan of the writer"). A closing line of the
    post itself ("Ich bin gespannt, was ihr denkt.", "I'm sure you agree.") is neither.

    >>> i, r = {"ich bin", "i'm", "i am"}, {"writer", "rechtsanwalt"}
    >>> is_self_intro("Ich bin Steffi, bekennende Tiernärrin und Dosenöffner für zwei Kater.", i, r,
    ...               name_max_words=4, max_words=70)
    True
    >>> is_self_intro("Hi, I'm a freelance writer living in Leeds.", i, r, name_max_words=4, max_words=70)
    True
    >>> is_self_intro("I am a big fan of the writer.", i, r, name_max_words=4, max_words=70)
    False
    >>> is_self_intro("Ich bin gespannt, was ihr dazu sagt.", i, r, name_max_words=4, max_words=70)
    False
    >>> is_self_intro("I'm The One, the song goes.", i, r, name_max_words=4, max_words=70, stop={"the"})
    False
    """
    words = _TOKEN.findall(line)
    if not intros or len(words) > max_words or len(words) < 4:
        return False
    low = [w.lower() for w in words]
    for start in (0, 1):  # after at most one greeting word ending in a comma or alone
        if start and not words[0].endswith((",", "!")):
            break
        for size in (1, 2):
            head = " ".join(x.strip(_STRIP) for x in low[start:start + size])
            if head not in intros or (start + size < len(words) and words[start + size - 1].endswith(",")):
                continue
            rest = words[start + size:]
            if any(t.strip(_STRIP).lower() in roles for t in rest[:name_max_words]):
                return True
            for k, w in enumerate(rest[:name_max_words]):
                if not w[:1].isupper() or w.strip(_STRIP).lower() in stop:
                    break
                if w.endswith(","):
                    return k + 1 < len(rest)
            return False
    return False
