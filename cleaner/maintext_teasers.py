"""Teasers above the headline: where the article's run starts when it holds the headline.

The headline line (the page title repeated above the article) earns a bonus so that the
article's run likes to start there. On a news page the headline is often right below a list of
teasers (the section's latest stories, each a headline glued to its summary, or a summary cut off
with an ellipsis): those lines read like prose, score above zero, and the bonus joins them to the
article below, so the whole list is kept. Where a page lays out an article, the headline is its
top: what the run holds above it is a kicker, a teaser list or a promo, rarely article text.

So when the run holds the page's first repeat of the title and the lines above it in the run
bring in less than the lines below it (their positive scores, `headline_start_share` of them),
the run starts at the headline. A title that repeats earlier on the page (a site name used as the
page title, shown in the header too) is no such anchor, and an article whose headline sits at its
bottom (a share box repeating it) keeps its run: the prose below the headline must outweigh the
prose above. No word of any language is used; the key is in `rules/common/maintext_teasers.toml`.
"""

from __future__ import annotations


def headline_start(scores: list[float], a: int, b: int, head: int | None, first: int | None, share: float) -> int:
    """The run's start: `head` (line number of the headline in the run [a, b)) when it is the
    page's first title repeat (`first`) and the positive scores above it in the run sum to less
    than `share` times those below it; else `a`.

    >>> headline_start([9, 8, 20, 30, 40], 0, 5, 2, 2, 1.0)
    2
    >>> headline_start([90, 8, 20, 30, 40], 0, 5, 2, 2, 1.0)
    0
    >>> headline_start([9, 8, 20, 30, 40], 0, 5, 2, 1, 1.0)
    0
    """
    if not share or head is None or head <= a or head != first:
        return a
    above = sum(s for s in scores[a:head] if s > 0)
    below = sum(s for s in scores[head + 1:b] if s > 0)
    return head if above < share * below else a


def widget_lists(removed: list, scores: list[float], sizes: list[int], ends: list[bool], texts: list[str],
                 rules: tuple[str, ...], most: int, min_words: int, floor: float,
                 passable: tuple[str, ...] = ()) -> list[tuple[int, int]]:
    """Related-stories boxes of up to `most` teaser lines inside an article ("More from UK" and
    six headlines, a "Most read" box of kickers and headlines between two paragraphs).

    A heading removed by a rule in `rules`, with a prose sentence among the two lines above it
    (past lines removed by a rule in `rules` or `passable`: a "READ MORE: ..." line, a caption), is
    such a box when, within `most` lines below it, two prose sentences of `min_words`+ words
    follow each other (the article going on) and nothing on the way is another heading or a date
    line (score at most `floor`: the next article of an endless page starts with its byline and
    date) or a line removed by a rule other than those in `rules` and `passable` (teasers carry
    kickers and repeated section labels; a date, share buttons or a newsletter box mean the next
    article or the page's footer comes next). Returns (heading, end exclusive) of each box; the caller
    makes the heading cost an ordinary line, so the article's run goes on past it, and removes
    the box's lines from the article. The teasers themselves may end like sentences (a headline
    ending in a quote): only two sentences in a row end the box.

    >>> widget_lists([None, ("related.heading", "line"), None, None, None, None], [30, -40, -2, -3, 20, 25],
    ...              [20, 0, 9, 8, 15, 18], [True, False, False, False, True, True], ["a.", "", "x", "y", "b.", "c."],
    ...              ("related.",), 16, 12, -30)
    [(1, 4)]
    """
    out: list[tuple[int, int]] = []
    n = len(scores)

    def prose(m: int) -> bool:
        return removed[m] is None and scores[m] > 0 and ends[m] and sizes[m] >= min_words and texts[m][-1] in ".!?…"

    for k in range(1, n):
        rb = removed[k]
        if rb is None or scores[k] > floor or not rb[0].startswith(rules):
            continue
        top = k  # the lines above, past captions and read-also lines a rule removed
        while top > 0 and removed[top - 1] is not None and removed[top - 1][0].startswith(rules + passable):
            top -= 1
        if not any(scores[m] > 0 and ends[m] for m in range(max(0, top - 2), k)):
            continue
        for m in range(k + 1, min(n - 1, k + 2 + most)):
            if prose(m) and prose(m + 1):
                if m > k + 1:
                    out.append((k, m))
                break
            r = removed[m]
            if scores[m] <= floor or (r is not None and not r[0].startswith(rules + passable)):
                break
    return out


def promo_tail(removed: list, scores: list[float], a: int, b: int, rules: tuple[str, ...], share: float) -> int:
    """The run's new end: the first line in [a, b) removed by a rule in `rules` (a newsletter
    sign-up, "Email the reporter", share buttons) after which the run holds less than `share` of
    the positive score it holds before that line: the promos, sign-up texts and forum pitches
    below the article read like prose, and the title bonus or a short gap lets the run take them
    in. A marker with most of the article still below it (share buttons under the headline) cuts
    nothing.

    >>> promo_tail([None, None, ("promo.newsletter", "line"), None], [40, 30, -7, 5], 0, 4, ("promo.",), 0.15)
    2
    >>> promo_tail([None, ("social.share", "line"), None, None], [40, -7, 30, 25], 0, 4, ("social.",), 0.15)
    4
    """
    if not rules or not share:
        return b
    total = sum(s for s in scores[a:b] if s > 0)
    seen = 0.0
    for k in range(a, b):
        r = removed[k]
        if r is not None and r[0].startswith(rules) and seen > 0 and total - seen < share * seen:
            return k
        if scores[k] > 0:
            seen += scores[k]
    return b


def phrase_boxes(heads: list[int], alive: list[bool], scores: list[float], sizes: list[int], ends: list[bool],
                 texts: list[str], most: int, min_words: int) -> list[tuple[int, int]]:
    """Teaser lines under a widget phrase of the language packs ("Related", "Read next") that a
    rule other than the related-stories ones removed (`heads`, line numbers; a label repeated on
    the page goes as `caption.repeated`): the box's headlines, which the article's run takes in
    because prose lies on both sides ("Related" / two headlines / the article going on).

    Below the heading, 1 to `most` alive lines that do not end with a full stop ('.', '!', '?',
    '…'; a headline may end in a quote) are the box when they are followed by a prose sentence
    of `min_words`+ words or by the next such heading (boxes in a row); the heading must have
    prose or a box right above it. A line a rule removed, or a sentence that is not prose, on the
    way means it is no box. Returns (first, end exclusive) of each box's teaser lines; the caller
    removes them when the run holds them.

    >>> texts = ["The band played for two hours and the crowd sang along to every song.", "Related",
    ...          "Band announces a tour", "Singer on the new album", "Tickets go on sale on Friday at ten in the morning."]
    >>> phrase_boxes([1], [True, False, True, True, True], [40, -7, -4, -4, 30], [14, 0, 4, 5, 11],
    ...              [True, False, False, False, True], texts, 4, 10)
    [(2, 4)]
    """
    out: list[tuple[int, int]] = []
    n = len(scores)
    heads_set = set(heads)
    boxed: set[int] = set()
    for k in heads:
        if not any(m in boxed or (alive[m] and scores[m] > 0 and ends[m]) for m in range(max(0, k - 2), k)):
            continue
        m = k + 1
        while m < n and m - k <= most + 1:
            if m in heads_set or (alive[m] and scores[m] > 0 and ends[m] and sizes[m] >= min_words):
                if m > k + 1:
                    out.append((k + 1, m))
                    boxed.update(range(k, m))
                break
            if not alive[m] or sizes[m] <= 0 or texts[m][-1] in ".!?…":
                break
            m += 1
    return out
