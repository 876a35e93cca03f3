"""The main-text stage: find the article's run of prose in a page's full plain text.

Page text (html-text output) keeps everything visible: menus, teasers, captions, comments and
footers around the article. The rule stages remove what they recognise by pattern; this stage
removes what is left around the article by its shape. The code holds no word of any language:
word lists come from the language packs (`rules/lang/<code>.toml`), thresholds from `[maintext]`
tables (`rules/common/maintext.toml`, overridable by user and site packs).

1. Per line, once: its length in words (in characters for unspaced scripts), whether it ends like
   a sentence, its share of function words of the page's language (the language whose stop-word
   list matches most of the page), and whether it holds a boilerplate word (cookies, copyright).
2. Each line gets a score: its weighted words minus a fixed cost per line, so prose scores above
   zero and menus, link lists and footers (runs of short lines) below. Lines the rule stages
   removed stay in the picture as short boilerplate, and section headings that end an article
   (comments, related stories: whole-line phrases from the language packs, or lines removed by
   the rules named in `barrier_rules`) cost much more, so the article's run does not cross them.
   The page title's repeat (the headline above the article) earns a bonus: the run likes to start
   there. A chain of short date lines of one make, each followed by text (comment headers,
   dated teasers), marks a comment thread or teaser list: its prose weighs less. A list led in by
   a line ending in a colon costs little, and a related-stories box between two stretches of
   prose does not close the article. This is Finn et al.'s Body Text Extraction idea, over lines
   instead of tags.
3. The article is the run of lines with the highest total (maximum subarray). Short non-sentence
   lines at its edges (bylines, dates, tag lines) are trimmed; a list its last line leads in to
   is added. Lines before it go as
   `maintext.before-article`, after it as `maintext.after-article`.
4. Inside the run, menu-like runs of short lines (link lists between paragraphs) go as
   `maintext.boilerplate-run`, and lines that are a page control of the language ("Print",
   "Weiter", whole-line phrases from the language packs) as `maintext.control-line`; other single
   short lines (subheadings, one-line paragraphs) stay.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, fields
from itertools import chain
from typing import Any

import regex

from . import reltime
from .document import Document
from .maintext_aboutbox import about_box, site_label, site_paragraph
from .maintext_anchor import headline_run
from .maintext_authorbox import author_box
from .maintext_bio import bio_end, is_bio, is_self_intro
from .maintext_blockchoice import headline_block
from .maintext_closing import closing_end, opening_start
from .maintext_edges import dated_edge, lead_in_start
from .maintext_furniture import trim_furniture
from .maintext_headline import below_headline
from .maintext_linkblocks import link_blocks
from .maintext_lists import headed_list_end
from .maintext_numbered import numbered_end
from .maintext_posts import cut_boxes, post_attributions, posts_end
from .maintext_quantities import compiled, quantity_start
from .maintext_repeats import adjacent_copies, drop_concatenations, drop_later_copies
from .maintext_signoff import is_signoff, signoff_end
from .maintext_steps import step_blocks, steps_start
from .maintext_teasers import headline_start, phrase_boxes, promo_tail, widget_lists
from .quotes import is_attribution
from .ruleset.literals import Screened
from .wordsplit import words as split_words

# Words of a line (the standard library's `re` finds plain \w+ faster than `regex`).
_WORD = re.compile(r"\w+")

# Characters a line of prose ends with (sentence punctuation, closing quotes/brackets after it).
# German and Swiss quotes close with “ and « („So ist es.“, »So ist es.«).
_SENTENCE_END = frozenset(".!?…:;\"'”’»)]。！？」』“«")
# A line of prose may end in a smiley instead of a full stop ("... und das gefällt mir 😉"): a face
# emoji (Unicode's emoticon block, the supplemental faces, ☺) at the end closes its sentence. Not
# other pictographs: arrows, hearts and envelopes end link labels and newsletter headings.
_EMOJI_END = regex.compile(r"[\U0001F600-\U0001F64F\U0001F910-\U0001F92F\u263A]\uFE0F?$")
# Stripped from the ends of a line before it is compared with the barrier phrases.
_PHRASE_MAX_CHARS = 40  # a widget phrase a rule removed is looked up only on lines this short
_PHRASE_STRIP = " .:!?…-–—|»«›‹()[]#*•·"
# A date or time line holds two digits in a row (a cheap test before the dateline pattern).
_TWO_DIGITS = re.compile(r"\d\d")

# The word every comment header with a relative time holds (see `_thread_headers`): not a word of
# any page, since `_WORD` never finds a space.
_RELATIVE = " relative time"

# Lines whose `Lexicon.dated` answer is kept (a few pages' worth; then forgotten all at once).
_DATED_KEPT = 2048

BEFORE = "maintext.before-article"
AFTER = "maintext.after-article"
RUN = "maintext.boilerplate-run"
CONTROL = "maintext.control-line"
AUTHOR = "maintext.author-box"
ABOUT = "maintext.about-box"
WIDGET = "maintext.inline-widget"
LINKS = "maintext.link-block"
TITLE_RULE = "title.page-title"


@dataclass(frozen=True)
class MainTextConfig:
    """Thresholds of the main-text stage, read from the packs' `[maintext]` tables.

    The numbers below are only fallbacks for keys no pack sets (they mirror the shipped
    `rules/common/maintext.toml`, which is where they are explained and tuned). Without any
    `[maintext]` table (e.g. `Cleaner(defaults=False)` and no table of one's own) the stage is off.
    """

    enabled: bool = False
    min_lines: int = 4
    line_cost: float = 7.0
    stop_ratio_full: float = 0.3
    no_lang_sentence_weight: float = 1.0
    no_lang_other_weight: float = 0.5
    no_sentence_end_factor: float = 0.45
    min_lang_share: float = 0.12
    unspaced_chars_per_word: float = 2.0
    boilerplate_cost: float = 8.0
    barrier_cost: float = 40.0
    barrier_rules: tuple[str, ...] = ()
    title_bonus: float = 20.0
    trim_max_words: int = 8
    dateline_pattern: str = ""
    dateline_max_words: int = 6
    dateline_cost: float = 30.0
    sandwich_factor: float = 1.0
    sandwich_gap: int = 8
    after_barrier_factor: float = 0.3
    after_barrier_min: float = 30.0
    truncated_factor: float = 0.3
    secondary_share: float = 0.65
    run_min_lines: int = 4
    run_max_words: int = 3
    thread_min_headers: int = 0
    thread_max_words: int = 10
    thread_max_gap: int = 12
    thread_min_text_words: int = 5
    thread_factor: float = 0.2
    thread_title_gap: int = 3
    list_max_lines: int = 0
    list_min_lines: int = 2
    list_lead_words: int = 3
    list_item_cost: float = -1.0
    widget_rules: tuple[str, ...] = ()
    widget_max_lines: int = 0
    widget_min_words: int = 12
    widget_phrase_min_prose: int = 2
    author_name_max_words: int = 0
    author_bio_min_words: int = 8
    author_tail_lines: int = 1
    trim_dateline_max_words: int = 0
    lead_in_endings: tuple[str, ...] = ()
    repeat_min_words: int = 0
    repeat_min_parts: int = 0
    adjacent_copies: bool = False
    headline_start_share: float = 0.0
    widget_list_max_lines: int = 0
    widget_list_pass_rules: tuple[str, ...] = ()
    tail_rules: tuple[str, ...] = ()
    tail_max_share: float = 0.0
    headline_min_total: float = 0.0
    headline_min_barriers: int = 2
    headline_min_share: float = 0.5
    furniture_max_words: int = 0
    furniture_min_hits: int = 1
    quantity_pattern: str = ""
    quantity_min_lines: int = 0
    quantity_max_words: int = 12
    quantity_max_gap: int = 6
    bio_max_lines: int = 0
    signoff_max_words: int = 0
    bio_max_words: int = 70
    bio_name_max_words: int = 4
    bio_role_gap: int = 6
    widget_phrase_boxes: bool = False
    closing_max_lines: int = 0
    closing_min_words: int = 2
    closing_max_words: int = 8
    closing_min_weight: float = 0.9
    opening_max_lines: int = 0
    headed_list_min_lines: int = 0
    headed_list_heading_words: int = 8
    headed_list_min_words: float = 4.0
    headed_list_shape_share: float = 0.8
    link_block_min_lines: int = 0
    about_name_within: int = 0
    about_site_tail: int = 0
    numbered_look_back: int = 0
    post_text_gap: int = 0
    numbered_max_gap: int = 3
    link_block_max_lines: int = 6
    link_block_min_words: int = 4
    link_block_max_words: int = 20
    head_block_min_total: float = 0.0
    head_block_max_lead: int = 5
    head_block_max_barriers: int = 1
    steps_look: int = 0
    steps_max_gap: int = 6
    step_blocks_min: int = 0
    step_min_score: float = 8.0

    @classmethod
    def from_tables(cls, tables: Mapping[str, Any]) -> MainTextConfig:
        known = {f.name for f in fields(cls)}
        kw = {k: (tuple(v) if isinstance(v, list) else v) for k, v in tables.items() if k in known}
        if kw:
            kw.setdefault("enabled", True)
        return cls(**kw)  # type: ignore[arg-type]  # (a rule file's values, checked where they are read)


@dataclass
class Lexicon:
    """The language packs' word lists, merged once per rule set for fast lookups.

    `langs[word]` is a bit mask of the languages whose stop-word list holds the word; boilerplate
    words and barrier phrases are pooled over languages (they are rare in any language's prose).
    """

    codes: list[str] = field(default_factory=list)
    langs: dict[str, int] = field(default_factory=dict)
    boilerplate: frozenset[str] = frozenset()
    symbols: tuple[str, ...] = ()
    barriers: frozenset[str] = frozenset()
    controls: frozenset[str] = frozenset()
    widgets: frozenset[str] = frozenset()  # barrier headings that may open a widget inside the article
    bio_verbs: frozenset[str] = frozenset()  # "is", "ist": a writer's biography below the article (maintext_bio.py)
    bio_roles: frozenset[str] = frozenset()  # "writer", "professor"
    bio_self: frozenset[str] = frozenset()  # "ich bin", "i'm": the writer introducing themselves
    signoffs: frozenset[str] = frozenset()  # "euer", "cheers": a post's closing greeting (maintext_signoff.py)
    dateline: Screened | None = None  # the pattern behind a cheap pre-test (same answers, faster)
    reltime: regex.Pattern | None = None  # "an hour ago", "vor 3 Stunden", "gestern" (reltime.py; see `relative`)
    reltime_anchors: re.Pattern | None = None  # a pre-test of lower-cased lines (see `relative`)
    reltime_page: tuple[frozenset[str], tuple[str, ...]] = (frozenset(), ())  # of pages (see `relative_in`)
    _sets: dict[int, frozenset[str]] = field(default_factory=dict, repr=False)
    _dated: dict[str, bool] = field(default_factory=dict, repr=False, compare=False)  # (see `dated`)

    @classmethod
    def build(cls, packs_words: Iterable[tuple[str, Mapping[str, Any]]], dateline: str = "") -> Lexicon:
        lex = cls(dateline=Screened(regex.compile(dateline)) if dateline else None)
        barriers: set[str] = set()
        controls: set[str] = set()
        widgets: set[str] = set()
        boiler: set[str] = set()
        tables: list[Mapping[str, Any]] = []
        for code, words in packs_words:
            tables.append(words)
            if code not in lex.codes:
                lex.codes.append(code)
            bit = 1 << lex.codes.index(code)
            for w in words.get("stop", ()):
                lex.langs[w] = lex.langs.get(w, 0) | bit
            for w in words.get("boilerplate", ()):
                if _WORD.fullmatch(w):
                    boiler.add(w)
                elif w not in lex.symbols:  # "©": not a word, looked for in the line itself
                    lex.symbols += (w,)
            barriers.update(" ".join(p.lower().split()).strip(_PHRASE_STRIP) for p in words.get("barrier", ()))
            controls.update(" ".join(p.lower().split()).strip(_PHRASE_STRIP) for p in words.get("control", ()))
            widgets.update(" ".join(p.lower().split()).strip(_PHRASE_STRIP) for p in words.get("widget", ()))
            lex.bio_verbs |= frozenset(words.get("bio_verb", ()))
            lex.bio_roles |= frozenset(words.get("bio_role", ()))
            lex.bio_self |= frozenset(" ".join(p.lower().split()) for p in words.get("bio_self", ()))
            lex.signoffs |= frozenset(" ".join(p.lower().split()) for p in words.get("signoff", ()))
        lex.barriers = frozenset(b for b in barriers | widgets if b)  # a widget heading is a barrier too
        lex.controls = frozenset(c for c in controls if c)
        lex.widgets = frozenset(w for w in widgets if w)
        lex.boilerplate = frozenset(boiler)
        lex.reltime = reltime.pattern(tables)  # (no required string: `Screened` would add nothing)
        lex.reltime_anchors = reltime.anchors(tables)
        lex.reltime_page = reltime.page_anchors(tables)
        return lex

    def dated(self, line: str) -> bool:
        """A line holding a date or time (the digits-only `dateline_pattern`) that is not a
        quote's attribution (`quotes.is_attribution`: "— Jane (@jane) May 1, 2019" is article
        text): the one dated-line test of the main-text stage's passes. Answers are kept for
        the lines last asked about: the passes ask about many lines of a page more than once."""
        got = self._dated.get(line)
        if got is None:
            got = self.dateline is not None and not is_attribution(line) and self.dateline.search(line) is not None
            if len(self._dated) >= _DATED_KEPT:
                self._dated.clear()
            self._dated[line] = got
        return got

    def relative(self, line: str) -> regex.Match | None:
        """The time told relative to now in a line, as comment headers stamp their comments
        ("an hour ago", "3 days ago", "vor einer Stunde", "Anna · gestern"): the language packs'
        `[words]` time_ago and its kin (reltime.py); None when it holds none. Asked only by the
        comment-thread test, whose guards (short lines, no sentence end, a chain of such headers)
        keep an article's "A day ago, the minister said ..." out. The pattern is asked only of lines
        that pass `reltime_anchors`, a stdlib `re` scan for its anchor words (reltime.anchors)."""
        if self.reltime is None or self.reltime_anchors is None:
            return None
        return self.reltime.search(line) if self.reltime_anchors.search(line.lower()) else None

    def relative_in(self, texts: list[str], page: str, lowered: list[str],
                    tokens: list[list[str]]) -> Callable[[str], regex.Match | None] | None:
        """`relative` for the lines of one page, asked only of the lines that hold an anchor word
        of a relative time among their words, or an unspaced one in their text
        (reltime.page_anchors); None when no line does (most pages). `page` is the page
        lower-cased, `lowered` its lines, `tokens` their words where counted (a removed line's are
        found here). The same answers as `relative` on every line, a fraction of the cost."""
        if self.reltime_anchors is None:
            return None
        words, unspaced = self.reltime_page
        unspaced = unspaced if not page.isascii() else ()
        maybe = {t for t, low, toks in zip(texts, lowered, tokens, strict=True)
                 if not words.isdisjoint(toks or split_words(low)) or any(a in low for a in unspaced)}
        if not maybe:
            return None
        relative = self.relative
        return lambda line: relative(line) if line in maybe else None

    def stop_set(self, k: int) -> frozenset[str]:
        """The stop words of language number `k` (built once, then cached)."""
        cached = self._sets.get(k)
        if cached is None:
            bit = 1 << k
            cached = self._sets[k] = frozenset(w for w, m in self.langs.items() if m & bit)
        return cached


def language_words(tokens: list[list[str]], lex: Lexicon, min_share: float) -> frozenset[str] | None:
    """The stop words of the language most frequent on the page, or None when none fits (also
    how `rules suggest` picks a site's language, `suggest.stop_words`)."""
    if not lex.codes:
        return None
    langs = lex.langs
    # Stop words' occurrences by set of languages, counted in one C loop (the other words left
    # out before counting): few sets, spread below.
    by_mask = Counter(filter(None, map(langs.get, chain.from_iterable(tokens))))
    total = sum(map(len, tokens))
    hits = [0] * len(lex.codes)
    for m, c in by_mask.items():
        k = 0
        while m:
            if m & 1:
                hits[k] += c
            m >>= 1
            k += 1
    best = max(range(len(hits)), key=hits.__getitem__)
    if not total or hits[best] < min_share * total:
        return None
    return lex.stop_set(best)


def score_lines(doc: Document, idx: list[int], lex: Lexicon, cfg: MainTextConfig,
                boxes: list[tuple[int, int]] | None = None) -> tuple[list[float], list[int], list[bool]]:
    """Per non-blank line (by `idx`): score, length in words, ends like a sentence.
    Related-stories boxes inside the article are added to `boxes` (line numbers, see maintext_teasers.py).

    A line that is a page control of the language ("Print", "Weiter", "Read more") gets size -1.
    """
    lines, removed = doc.lines, doc.removed_by
    texts = [lines[i] for i in idx]
    page = "\n".join(texts).lower()
    lowered = page.split("\n")  # one lower() per page, not per line
    findall = split_words  # re.findall(r"\w+"), the same lists, faster (wordsplit.py)
    tokens = [findall(low) if removed[i] is None else [] for i, low in zip(idx, lowered, strict=True)]
    stop = language_words(tokens, lex, cfg.min_lang_share)
    boiler, symbols, barriers, controls = lex.boilerplate, lex.symbols, lex.barriers, lex.controls
    full = cfg.stop_ratio_full or 1.0
    dateline = lex.dateline
    scores: list[float] = []
    sizes: list[int] = []
    ends: list[bool] = []
    widget_heads: set[int] = set()  # barrier phrases that may open a widget (Lexicon.widgets)
    # lines a rule removed that read as a widget phrase (for `phrase_boxes` below)
    phrase_lines: list[int] | None = [] if cfg.widget_phrase_boxes and lex.widgets and boxes is not None else None
    for i, t, low, toks in zip(idx, texts, lowered, tokens, strict=True):
        rb = removed[i]
        end = t[-1] in _SENTENCE_END or (t[-1] > "\u2000" and _EMOJI_END.search(t[-2:]) is not None)
        if rb is not None:
            rid = rb[0]
            if rid == TITLE_RULE and i != idx[0]:
                s = cfg.title_bonus
            elif cfg.barrier_rules and rid.startswith(cfg.barrier_rules):
                s = -cfg.barrier_cost
            else:
                s = -cfg.line_cost
            if phrase_lines is not None and len(low) <= _PHRASE_MAX_CHARS and low.strip(_PHRASE_STRIP) in lex.widgets:
                phrase_lines.append(len(scores))
            scores.append(s)
            sizes.append(0)
            ends.append(end)
            continue
        n = len(toks)
        if n and len(t) > 20 * (t.count(" ") + 1):  # unspaced script (Chinese, Japanese, Thai)
            n = int(len(t) / cfg.unspaced_chars_per_word)
        if stop is not None:
            w = min(1.0, len(list(filter(stop.__contains__, toks))) / (len(toks) * full)) if toks else 0.0
            if not end:
                w *= cfg.no_sentence_end_factor
        else:
            w = cfg.no_lang_sentence_weight if end else cfg.no_lang_other_weight
        if t.endswith(("...", "…", "[…]", "[...]")):
            w *= cfg.truncated_factor
        s = n * w - cfg.line_cost
        if boiler:
            hits = 0 if boiler.isdisjoint(toks) else sum(map(boiler.__contains__, toks))  # mostly none
            for x in symbols:
                if x in t:
                    hits += 1
            if hits:
                s -= hits * cfg.boilerplate_cost
        if n <= 8:
            key = low.strip(_PHRASE_STRIP)
            if key in barriers:
                s = -cfg.barrier_cost
                if key in lex.widgets:
                    widget_heads.add(len(scores))
            elif key in controls:
                n = -1
            elif dateline is not None and n <= cfg.dateline_max_words and lex.dated(t):
                s = -cfg.dateline_cost
        scores.append(s)
        sizes.append(n)
        ends.append(end)
    if cfg.adjacent_copies:  # a line shown twice in a row brings its words once (maintext_repeats.py)
        for k in adjacent_copies(texts, [removed[i] is None for i in idx], idx):
            if scores[k] > 0:  # a copied short line already costs; copied prose would count twice
                scores[k] = -cfg.line_cost
    if (cfg.widget_rules or widget_heads) and cfg.widget_max_lines:
        opened = _open_inline_widgets(idx, removed, scores, sizes, ends, cfg, widget_heads)
        if boxes is not None:  # its teaser lines leave the article when the run crosses them
            boxes.extend(opened)
    if cfg.widget_rules and cfg.widget_list_max_lines:  # longer boxes inside the article (maintext_teasers.py)
        for k, last in widget_lists([removed[i] for i in idx], scores, sizes, ends, texts, cfg.widget_rules,
                                    cfg.widget_list_max_lines, cfg.widget_min_words, -min(cfg.barrier_cost, cfg.dateline_cost),
                                    cfg.widget_list_pass_rules):
            scores[k] = -cfg.line_cost
            if boxes is not None:
                boxes.append((k, last))
    if phrase_lines and cfg.widget_max_lines and boxes is not None:  # under a phrase a rule removed (maintext_teasers.py)
        heads = [k for k in phrase_lines if scores[k] > -cfg.barrier_cost]  # scores as the passes above left them
        if heads:
            boxes.extend(phrase_boxes(heads, [removed[i] is None for i in idx], scores, sizes, ends, texts,
                                      cfg.widget_max_lines, cfg.widget_min_words))
    if cfg.thread_min_headers and dateline is not None:
        titles = [k for k, i in enumerate(idx) if k and (why := removed[i]) is not None and why[0] == TITLE_RULE]
        gap = [k == 0 or idx[k - 1] < i - 1 for k, i in enumerate(idx)] + [True]  # a blank line above line k
        _discount_threads(texts, scores, sizes, titles, lex.dated, cfg, gap, lex.relative_in(texts, page, lowered, tokens))
    if cfg.after_barrier_factor < 1.0:
        _discount_after_barrier(scores, cfg)
    if cfg.sandwich_factor < 1.0:
        _discount_sandwiched(scores, sizes, ends, [removed[i] is not None for i in idx], cfg)
    if cfg.list_max_lines and cfg.list_item_cost >= 0:
        for k in lead_in_lists(doc, idx, scores, sizes, lex, cfg):
            if scores[k] >= -cfg.line_cost:  # a short line, not one with boilerplate words
                scores[k] = max(scores[k], -cfg.list_item_cost)
    return scores, sizes, ends


def lead_in_lists(doc: Document, idx: list[int], scores: list[float], sizes: list[int], lex: Lexicon,
                  cfg: MainTextConfig) -> set[int]:
    """Line numbers of lists led in by a line ending in a colon ("Ingredients:", "Die Termine:"):
    the block right after it (see `_list_block`), of at least `list_min_lines` lines. Such a list
    is part of the text around it, however menu-like its lines look. A barrier heading or a date
    line is no lead-in."""
    out: set[int] = set()
    floor = -min(cfg.barrier_cost, cfg.dateline_cost)
    removed, lines = doc.removed_by, doc.lines
    for k, i in enumerate(idx):
        if (lines[i].endswith(":") and removed[i] is None and sizes[k] > 0 and scores[k] > floor
                and k + 1 < len(idx) and idx[k + 1] - i <= 2):
            end = _list_block(doc, idx, scores, sizes, k + 1, lex, cfg)
            if end - (k + 1) >= cfg.list_min_lines:
                out.update(range(k + 1, end))
    return out


def _open_inline_widgets(idx: list[int], removed: list, scores: list[float], sizes: list[int], ends: list[bool],
                         cfg: MainTextConfig, phrases: set[int] | frozenset[int] = frozenset()) -> list[tuple[int, int]]:
    """A related-stories heading (a rule in `widget_rules`) with prose just above it and, after at
    most `widget_max_lines` teaser lines (short, or removed, not ending like a sentence), a prose
    sentence of `widget_min_words`+ words and another right after it below is a widget inside the
    article, not its end: the heading costs an ordinary line, so the article's run goes on past it.
    So is such a heading that is a barrier phrase of the language packs' `widget` lists (line
    numbers in `phrases`): "Zobacz także", "Mehr zum Thema", "Lire aussi"; no rule removed that
    line, so it goes as a page control (size -1). Below such a phrase one sentence is enough
    when `widget_phrase_min_prose` is 1: the article's last paragraph often follows its last
    inline box ("Related" and three headlines, then the closing paragraph, then the page's
    footer); a heading some rule removed ("Tags:", "Most read in world news") still needs two.

    Returns (heading, first prose line) of each widget opened: the teaser lines between are the
    widget's links ("More:" and three headlines), which leave the article with the heading when
    the run crosses them, as the longer boxes of `widget_lists` do."""
    n = len(scores)
    out: list[tuple[int, int]] = []
    for k in range(1, n):
        rb = removed[idx[k]]
        if scores[k] > -cfg.barrier_cost:
            continue
        if k not in phrases and (rb is None or not cfg.widget_rules or not rb[0].startswith(cfg.widget_rules)):
            continue
        if not any(scores[m] > 0 and ends[m] for m in range(max(0, k - 2), k)):
            continue
        for m in range(k + 1, min(n, k + 2 + cfg.widget_max_lines)):
            if (scores[m] > 0 and ends[m] and sizes[m] >= cfg.widget_min_words
                    and (k in phrases and cfg.widget_phrase_min_prose < 2
                         or m + 1 < n and scores[m + 1] > 0 and ends[m + 1])):
                scores[k] = -cfg.line_cost
                if k in phrases:  # the heading line itself goes, as a page control inside the article
                    sizes[k] = -1
                out.append((k, m))
                break
            if ends[m] and removed[idx[m]] is None or scores[m] <= -cfg.barrier_cost:
                break
    return out


def _discount_after_barrier(scores: list[float], cfg: MainTextConfig) -> None:
    """Prose below the first barrier heading that follows enough prose weighs less: what comes
    after "Comments" or "Related stories" is rarely the article, even when it is longer."""
    seen = 0.0
    for k, s in enumerate(scores):
        if s <= -cfg.barrier_cost and seen >= cfg.after_barrier_min:
            for m in range(k + 1, len(scores)):
                if scores[m] > 0:
                    scores[m] *= cfg.after_barrier_factor
            return
        if s > 0:
            seen += s


def _thread_headers(texts: list[str], titles: list[int], dated: Callable[[str], bool],
                    cfg: MainTextConfig, gap: list[bool],
                    relative: Callable[[str], regex.Match | None] | None = None) -> list[tuple[int, frozenset[str]]]:
    """Short lines holding a date or time ("Alex on 17.09.2018 at 6:34 am said:", "2 days ago
    at 07:52", "by TaxJoke July 25, 2012 10:55 AM"), or a time told relative to now (`relative`:
    "thecrus8r • an hour ago", "Anna · gestern"): comment and teaser headers, with their words
    that are not numbers; a relative time counts as one word more, `_RELATIVE`, that all such
    headers share ("an hour ago" and "yesterday at 9:12 pm" are of one make), and is the only
    word of a header that holds no other date or time. A line that is such a time and nothing
    else ("VOR 14 STUNDEN") must stand apart from the lines around it (a blank line above or
    below): in a block of lines it closes a teaser inside the article, under its headline. Not a sentence ("It opened in 2019."), not a quote's attribution
    ("— Jane (@jane) May 1, 2019", an embedded post), and not the article's own byline just below
    its headline (within `thread_title_gap` lines of a line repeating the page title).
    Words are counted without the date's numbers only for a line that stands alone (blank lines
    around it, as a comment header does): table rows with years in them do not."""
    out = []
    most = cfg.thread_max_words
    byline = {m for k in titles for m in range(k + 1, k + 1 + cfg.thread_title_gap)}
    has_digits = _TWO_DIGITS.search
    for k, t in enumerate(texts):
        if len(t) <= 12 * most and (t[-1] == ":" or t[-1] not in _SENTENCE_END) and k not in byline:
            rel = relative(t) if relative is not None else None
            date = bool(has_digits(t) and dated(t))
            if not (rel or date):
                continue
            if rel and not date and not (gap[k] or gap[k + 1]) and not _WORD.search(t[:rel.start()] + t[rel.end():]):
                continue  # a bare stamp inside a block of lines: a teaser's, below its headline
            tokens = _WORD.findall(t.lower())
            words = [w for w in tokens if not w.isdigit()]
            if len(tokens) <= most or (gap[k] and gap[k + 1] and len(words) <= most):
                # A header stamped only with a relative time is of one make with those holding
                # one too, whatever its other words: "vor 2 Monaten von Patrick Otte" below a
                # teaser is not of the make of the byline "21.01.2022 11:46 von".
                out.append((k, frozenset(words + [_RELATIVE] if date else [_RELATIVE]) if rel else frozenset(words)))
    return out


def _discount_threads(texts: list[str], scores: list[float], sizes: list[int], titles: list[int],
                      dated: Callable[[str], bool], cfg: MainTextConfig, gap: list[bool],
                      relative: Callable[[str], regex.Match | None] | None = None) -> None:
    """A chain of at least `thread_min_headers` date headers of one make (each shares a word
    with the one before: "at", "said", "pm"), each followed by some text within
    `thread_max_gap` lines, is a comment thread or a dated teaser list, not the article: each
    header costs `dateline_cost` and the prose between them weighs `thread_factor`. One dated
    byline above an article, or a schedule of bare times, makes no chain."""
    heads = _thread_headers(texts, titles, dated, cfg, gap, relative)
    if len(heads) < cfg.thread_min_headers:
        return

    def row(t: str) -> bool:
        return len(t) <= 12 * cfg.thread_max_words and t[-1] not in _SENTENCE_END and (
            dated(t) or relative is not None and relative(t) is not None)

    def linked(x: int, y: int) -> bool:
        """Some text between two headers, and no barrier heading ("Comments"): the article's
        dateline and the first comment's header are not one thread. A short line with a date
        that does not end like a sentence is no such text: rows of a table with years in them are
        not headers and comments."""
        between = range(x + 1, y)
        return (any(sizes[m] >= cfg.thread_min_text_words and not row(texts[m]) for m in between)
                and not any(scores[m] <= -cfg.barrier_cost for m in between))

    chains: list[tuple[list[int], list[frozenset[str]]]] = []
    for h, words in heads:
        for hs, ws in reversed(chains):
            if h - hs[-1] > cfg.thread_max_gap:
                continue
            if words & ws[-1] and linked(hs[-1], h):
                hs.append(h)
                ws.append(words)
                break
        else:
            chains.append(([h], [words]))
    for hs, _ in chains:
        if len(hs) < cfg.thread_min_headers:
            continue
        # The last item runs about as long as the shortest one before it.
        span = min(y - x for x, y in zip(hs, hs[1:], strict=False))
        end = min(len(scores), hs[-1] + span)
        marks = set(hs)
        for m in range(hs[0], end):
            if m in marks:
                scores[m] = min(scores[m], -cfg.dateline_cost)
            elif scores[m] > 0:
                scores[m] *= cfg.thread_factor


def _discount_sandwiched(scores: list[float], sizes: list[int], ends: list[bool], gone: list[bool],
                         cfg: MainTextConfig) -> None:
    """Short lines with a prose line at most `sandwich_gap` lines above and below cost less:
    they are likely a list or a subheading inside the article, not a menu beside it."""
    n = len(scores)
    prose = [scores[k] > 0 and ends[k] for k in range(n)]
    last = -10**9
    prev = [0] * n
    for k in range(n):
        prev[k] = last
        if prose[k]:
            last = k
    nxt = 10**9
    for k in range(n - 1, -1, -1):
        if (not prose[k] and not gone[k] and -cfg.line_cost <= scores[k] < 0
                and k - prev[k] <= cfg.sandwich_gap and nxt - k <= cfg.sandwich_gap):
            scores[k] *= cfg.sandwich_factor
        if prose[k]:
            nxt = k


def best_run(scores: list[float]) -> tuple[int, int, float]:
    """(start, end exclusive, total) of the contiguous run with the highest total (Kadane).

    >>> best_run([-5, 3, 4, -2, 6, -20, 8])
    (1, 5, 11)
    """
    best = (0, 0, 0.0)
    start, total = 0, 0.0
    for i, s in enumerate(scores):
        if total <= 0:
            start, total = i, s
        else:
            total += s
        if total > best[2]:
            best = (start, i + 1, total)
    return best


def _secondary_runs(scores: list[float], a: int, b: int, least: float, barrier: float) -> list[tuple[int, int]]:
    """The best run before [a, b) and the best after it, each when its total reaches `least`
    and no barrier heading (score <= -barrier) lies between it and [a, b): the second part of
    an article split by a widget, not the comments below it."""
    lo = max((k + 1 for k in range(a) if scores[k] <= -barrier), default=0)
    hi = next((k for k in range(b, len(scores)) if scores[k] <= -barrier), len(scores))
    out = []
    for x0, y0 in ((lo, a), (b, hi)):
        x, y, t = best_run(scores[x0:y0])
        if y > x and t >= least:
            out.append((x0 + x, x0 + y))
    return out


def _list_block(doc: Document, idx: list[int], scores: list[float], sizes: list[int], k: int, lex: Lexicon,
                cfg: MainTextConfig) -> int:
    """End (exclusive) of the list block that starts at line number `k`: the lines that follow
    without a blank line between them (html-text renders a list or table as one block), up to
    `list_max_lines`, stopping at a line a rule removed, a page control, a barrier heading, a
    date line, a boilerplate word or another lead-in."""
    boiler = lex.boilerplate
    floor = -min(cfg.barrier_cost, cfg.dateline_cost)
    j = k
    while j < len(idx) and j - k < cfg.list_max_lines:
        i = idx[j]
        if j > k and i != idx[j - 1] + 1:
            break
        if doc.removed_by[i] is not None or sizes[j] < 0 or scores[j] <= floor:
            break
        if doc.lines[i].endswith(":"):  # "Author:", name, "Date:", ...: label lines, not a list
            break
        if boiler and any(w in boiler for w in _WORD.findall(doc.lines[i].lower())):
            break
        j += 1
    return j


def _extend_lead_in_list(doc: Document, idx: list[int], scores: list[float], sizes: list[int], b: int,
                         lex: Lexicon, cfg: MainTextConfig) -> int:
    """Extend the article's end over a list its last line leads in to ("Tour dates:", "For the
    dough:"): the list's lines are short and do not end like sentences, so they score below zero,
    but a line ending in a colon followed by one block of lines is the article going on. The
    lead-in may be the line just after the run when it has `list_lead_words` words or more. Not
    a lead-in: a barrier heading ("Das könnte Sie auch interessieren:") or a date line.
    Returns the new end."""
    for _ in range(8):  # a few lists in a row ("For the dough:", list, "For the filling:", list)
        lead = b - 1
        if (b < len(idx) and doc.removed_by[idx[b]] is None and doc.lines[idx[b]].endswith(":")
                and sizes[b] >= cfg.list_lead_words):
            lead = b
        if (not doc.lines[idx[lead]].endswith(":") or lead + 1 >= len(idx)
                or scores[lead] <= -min(cfg.barrier_cost, cfg.dateline_cost)):
            break
        if idx[lead + 1] - idx[lead] > 2:  # at most one blank line between the lead-in and its list
            break
        end = _list_block(doc, idx, scores, sizes, lead + 1, lex, cfg)
        if end - (lead + 1) < cfg.list_min_lines:
            break
        b = end
    return b


def stage_maintext(doc: Document, rs: Any) -> None:
    """Keep the article's run of prose; drop what lies before and after it (see module doc)."""
    cfg: MainTextConfig = getattr(rs, "maintext", None) or MainTextConfig()
    if not cfg.enabled:
        return
    lex: Lexicon = getattr(rs, "lexicon", None) or Lexicon()
    idx = [i for i, t in enumerate(doc.lines) if t]

    # The k-th non-blank line, whether no rule removed it yet, and how far the next one lies: the
    # views every edge pass below takes.
    def text(k: int) -> str:
        return doc.lines[idx[k]]

    def unremoved(k: int) -> bool:
        return doc.removed_by[idx[k]] is None

    def gap(k: int) -> int:
        return idx[k + 1] - idx[k]

    def dated_at(k: int) -> bool:
        return lex.dated(doc.lines[idx[k]])

    alive = [k for k, i in enumerate(idx) if doc.removed_by[i] is None]
    if len(alive) < cfg.min_lines:
        return
    drop_concatenations(doc, idx, cfg.repeat_min_words, cfg.repeat_min_parts)
    boxes: list[tuple[int, int]] = []
    scores, sizes, ends = score_lines(doc, idx, lex, cfg, boxes)

    def crossable(k: int) -> bool:  # no rule removed line k and it is no barrier heading
        return unremoved(k) and scores[k] > -cfg.barrier_cost

    posts: set[int] = set()
    if cfg.post_text_gap:  # embedded posts' text and attribution lines (maintext_posts.py)
        posts.update(post_attributions(len(idx), text,
                                       unremoved, sizes, cfg.post_text_gap))
        for k in posts:
            scores[k] = max(scores[k], 0.0)
        boxes[:] = cut_boxes(boxes, posts)
    a, b, total = best_run(scores)
    if total <= 0:
        return
    # The page title's repeats (the headline and its copies), found once for the passes below.
    titles = [k for k, i in enumerate(idx) if (why := doc.removed_by[i]) is not None and why[0] == TITLE_RULE]
    heads = [k for k in titles if k]  # below the first line (the page's own <title> line)
    if cfg.headline_min_total:  # the run below the headline, not a longer one past a barrier (maintext_anchor.py)
        anchored = headline_run(scores, heads, a, b, cfg.barrier_cost, cfg.headline_min_total, best_run,
                                 cfg.headline_min_barriers, cfg.headline_min_share, total)
        if anchored is not None:
            a, b, total = anchored

    head = next((k for k in titles if a <= k < b), None)

    if head is not None and cfg.headline_start_share:  # teasers above the headline (maintext_teasers.py)
        a = headline_start(scores, a, b, head, heads[0] if heads else None, cfg.headline_start_share)

    dateline = lex.dated if lex.dateline is not None else None

    def short(k: int) -> bool:
        return (doc.removed_by[idx[k]] is not None or (sizes[k] <= cfg.trim_max_words and not ends[k])
                or dated_edge(doc.lines[idx[k]], sizes[k], ends[k], cfg.trim_dateline_max_words, dateline))

    while a < b and short(a):
        a += 1
    while b > a and short(b - 1):
        b -= 1
    if a >= b and head is not None:  # the headline alone: a short post below it (maintext_headline.py)
        a, b = below_headline(scores, head, cfg.barrier_cost)
        while a < b and short(a):
            a += 1
        while b > a and short(b - 1):
            b -= 1
    if a >= b:
        return
    if cfg.tail_rules:  # promos below the article's last paragraph (maintext_teasers.py)
        b = promo_tail([doc.removed_by[i] for i in idx], scores, a, b, cfg.tail_rules, cfg.tail_max_share)
        while b > a and short(b - 1):
            b -= 1
    if cfg.furniture_max_words:  # appeals and notes with boilerplate words at the edges (maintext_furniture.py)
        a, b = trim_furniture(a, b, text, sizes, cfg.furniture_max_words,
                              lex.boilerplate, lex.symbols, cfg.furniture_min_hits)
        while a < b and short(a):
            a += 1
        while b > a and short(b - 1):
            b -= 1
    if cfg.closing_max_lines:  # a short closing sentence right below the run (maintext_closing.py)
        b = closing_end(b, len(idx), text, unremoved, gap,
                        dated_at, scores, sizes, ends, cfg.line_cost,
                        min_words=cfg.closing_min_words, max_words=cfg.closing_max_words,
                        min_weight=cfg.closing_min_weight, most=cfg.closing_max_lines)
    if cfg.signoff_max_words and lex.signoffs:  # the writer's greeting and name below the run (maintext_signoff.py)
        b = signoff_end(b, len(idx), text,
                        crossable,
                        gap, lambda t: is_signoff(t, lex.signoffs, cfg.signoff_max_words))
    if cfg.opening_max_lines:  # a short opening sentence right above the run (maintext_closing.py)
        a = opening_start(a, text, unremoved, gap,
                        dated_at, scores, sizes, ends, cfg.line_cost,
                        min_words=cfg.closing_min_words, max_words=cfg.closing_max_words,
                        min_weight=cfg.closing_min_weight, most=cfg.opening_max_lines)
    if cfg.list_max_lines:
        b = _extend_lead_in_list(doc, idx, scores, sizes, b, lex, cfg)
    if cfg.steps_look:  # numbered steps that begin above the run (maintext_steps.py)
        a = steps_start(a, b, text, crossable,
                        look=cfg.steps_look, max_gap=cfg.steps_max_gap)
    quantities: list[int] = []
    if cfg.quantity_min_lines and cfg.quantity_pattern:  # ingredients just above the steps (maintext_quantities.py)
        a, quantities = quantity_start(a, text, unremoved, scores,
                                       sizes, ends, compiled(cfg.quantity_pattern), dateline, min_lines=cfg.quantity_min_lines,
                                       max_words=cfg.quantity_max_words, max_gap=cfg.quantity_max_gap, barrier=cfg.barrier_cost)
    if cfg.list_max_lines and cfg.headed_list_min_lines:  # a list under a heading below the run (maintext_lists.py)
        b = headed_list_end(b, len(idx), text, unremoved,
                            gap, sizes, ends, scores, -min(cfg.barrier_cost, cfg.dateline_cost),
                            lambda k: _list_block(doc, idx, scores, sizes, k, lex, cfg), cfg.headed_list_heading_words,
                            cfg.headed_list_min_lines, cfg.headed_list_min_words, cfg.headed_list_shape_share)
    if cfg.numbered_look_back:  # a numbered list going on below the run (maintext_numbered.py)
        b = numbered_end(a, b, len(idx), text, unremoved,
                         gap, cfg.numbered_look_back, cfg.numbered_max_gap)
    if posts:  # embedded posts right below the run (maintext_posts.py)
        b = posts_end(b, len(idx), posts, gap)
    if cfg.lead_in_endings:  # a line ending in ':' or ',' just above leads into the article (maintext_edges.py)
        a = lead_in_start(a, text, unremoved,
                          gap, scores, sizes, cfg.lead_in_endings, -cfg.line_cost - 0.01)
    if cfg.author_name_max_words:  # a box about the writer below the article (maintext_authorbox.py)
        box = author_box(text, unremoved, scores, sizes,
                         ends, a, b, name_max_words=cfg.author_name_max_words,
                         bio_min_words=cfg.author_bio_min_words, tail_lines=cfg.author_tail_lines)
        if box is not None:
            for k in range(box, b):
                doc.remove(idx[k], AUTHOR, "maintext")
            b = box
            while b > a and short(b - 1):
                b -= 1
    if cfg.bio_max_lines and lex.bio_verbs:  # a line about the writer below the article (maintext_bio.py)
        def bio(t: str) -> bool:
            return (is_bio(t, lex.bio_verbs, lex.bio_roles, name_max_words=cfg.bio_name_max_words,
                           role_gap=cfg.bio_role_gap, max_words=cfg.bio_max_words, stop=lex.langs)
                    or is_self_intro(t, lex.bio_self, lex.bio_roles, name_max_words=cfg.bio_name_max_words,
                                     max_words=cfg.bio_max_words, stop=lex.langs))
        end = bio_end(a, b, text, unremoved, bio, cfg.bio_max_lines)
        for k in range(end, b):
            doc.remove(idx[k], AUTHOR, "maintext")
        b = end
    if cfg.about_name_within or cfg.about_site_tail:  # 'about' boxes below the article (maintext_aboutbox.py)
        box = None
        if cfg.about_name_within:
            box = about_box(text, unremoved, scores, sizes,
                            ends, a, b, name_max_words=cfg.author_name_max_words,
                            bio_min_words=cfg.author_bio_min_words, tail_lines=cfg.author_tail_lines,
                            within=cfg.about_name_within)
        if box is None and cfg.about_site_tail:
            box = site_paragraph(text, unremoved, sizes, ends,
                                 a, b, site_label(doc.host), bio_min_words=cfg.author_bio_min_words,
                                 tail=cfg.about_site_tail)
        if box is not None:
            for k in range(box, b):
                doc.remove(idx[k], ABOUT, "maintext")
            b = box
            while b > a and short(b - 1):
                b -= 1
    keep = [(a, b)]
    if cfg.head_block_min_total:  # the prose right under the headline, above the run (maintext_blockchoice.py)
        block = headline_block(scores, ends, heads, a, best_run, barrier=cfg.barrier_cost, max_lead=cfg.head_block_max_lead,
                               min_total=cfg.head_block_min_total, max_barriers=cfg.head_block_max_barriers)
        if block is not None:
            keep.append(block)
    if cfg.step_blocks_min:  # numbered steps elsewhere on the page, no barrier between (maintext_steps.py)
        for x, y in step_blocks(len(idx), text, crossable,
                                lambda k: scores[k] >= cfg.step_min_score and ends[k], min_steps=cfg.step_blocks_min,
                                max_gap=cfg.steps_max_gap, dated=lex.dated):
            lo, hi = (y, a) if y <= a else (b, x)
            if (y <= a or x >= b) and not any(scores[k] <= -cfg.barrier_cost for k in range(lo, hi)):
                keep.append((x, y))
    if cfg.secondary_share < 1.0:
        keep += _secondary_runs(scores, a, b, total * cfg.secondary_share, cfg.barrier_cost)
    kept = [False] * len(idx)
    for x, y in keep:
        for k in range(x, y):
            kept[k] = True
    for k in range(len(idx)):
        if not kept[k]:
            doc.remove(idx[k], BEFORE if k < a else AFTER, "maintext")
    for x, y in boxes:  # related-stories boxes the run now crosses (maintext_teasers.py)
        for k in range(x, y):
            if kept[k]:
                doc.remove(idx[k], WIDGET, "maintext")
    # Page controls ("Print", "Read more") and menu-like runs of short lines inside the article.
    for k in range(a, b):
        if sizes[k] < 0:
            doc.remove(idx[k], CONTROL, "maintext")
    listed = lead_in_lists(doc, idx, scores, sizes, lex, cfg) if cfg.list_max_lines else set()
    listed.update(quantities)
    if cfg.link_block_min_lines:  # blocks of headlines between paragraphs (maintext_linkblocks.py)
        for k in link_blocks(a, b, text, unremoved,
                             gap, sizes, ends, listed, cfg.link_block_min_lines,
                             cfg.link_block_max_lines, cfg.link_block_min_words, cfg.link_block_max_words):
            doc.remove(idx[k], LINKS, "maintext")
    k = a
    while k < b:
        j = k
        while j < b and sizes[j] <= cfg.run_max_words and not ends[j] and j not in listed:
            j += 1
        if j - k >= cfg.run_min_lines:
            for m in range(k, j):
                doc.remove(idx[m], RUN, "maintext")
        k = j + 1
    drop_later_copies(doc, (idx[k] for k in range(len(idx)) if kept[k]), cfg.repeat_min_words)
