"""A quote's attribution line: one test shared by the date stage and the main-text stage.

An embedded post or a quotation ends with a line naming its author and its date ("— Jane Doe
(@jane) May 1, 2019", "– Martin Luther King, 1963"). It holds a date, but it is part of the
article's text: the date stage must not take it for the page's dateline, and the main-text stage
must not take it for a byline or a comment header. A dash followed by a number ("– 14:30 Uhr",
a live ticker's time stamp) is a date line, not an attribution.
"""

from __future__ import annotations

# Dashes that open an attribution line.
DASHES = "-–—―"


def is_attribution(line: str) -> bool:
    """True for a line that opens with a dash followed by something other than a number.

    >>> is_attribution("— Jane Doe (@jane) May 1, 2019"), is_attribution("– 14:30 Uhr")
    (True, False)
    >>> is_attribution("-"), is_attribution("May 1, 2019")
    (False, False)
    """
    return len(line) > 1 and line[0] in DASHES and not line[1:].lstrip()[:1].isdigit()
