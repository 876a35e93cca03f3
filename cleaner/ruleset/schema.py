"""What a rule file may say: the keys of a pack, and for each rule kind its required and optional keys.

Kept as plain data so that the loader, `cleaner rules new` and the docs read the same source.
"""

from __future__ import annotations

# Keys of the [pack] table.
PACK_KEYS = {
    "name": "a dotted name for the pack (defaults to the file name)",
    "description": "one line saying what the pack is for",
    "sites": "hosts the pack applies to (subdomains included); a pack without sites applies always",
    "site_name": "the site's display name, given as metadata['site'] when the pack applies",
    "disable": "ids of rules from other packs to switch off when this pack applies",
    "priority": "packs with a higher priority are applied first (ties: site, user, lang, common)",
    "lang": "language code of a language pack (informational)",
    "months": "month names of a date pack: a table of name -> month number (1-12); date patterns say {month}",
    "date_format": "how the site writes numeric dates whose day and month are ambiguous: 'DMY' or 'MDY'",
    "timezone": "the site's time zone for times given without one: an offset ('+01:00') or a name ('Europe/Berlin')",
}

# Keys of a [[sample]] table: a whole page kept beside the pack, and what must (not) come out of it.
# Paths are relative to the pack file. `cleaner rules test` cleans the page with the default rules
# plus the pack and checks the result.
SAMPLE_KEYS = {
    "input": "the page's text file, relative to the pack file (required)",
    "url": "the page's URL (default: the pack's first site)",
    "expected": "a file holding the exact expected output text, relative to the pack file",
    "contains": "lines or fragments that must be in the output",
    "not_contains": "lines or fragments that must not be in the output",
}

# Keys every rule may carry.
COMMON_KEYS = {
    "id": "stable dotted id, e.g. related.read-inline",
    "kind": "one of the kinds below",
    "description": "one line saying what the rule removes and why",
    "drop": "example lines (or texts) the rule must act on",
    "keep": "example lines (or texts) the rule must leave alone",
    "cases": "whole-document examples: tables with input, output and optional fields",
    "aliases": "former ids of this rule, still accepted by `disable`",
    "ignore_case": "match case-insensitively (default false)",
    "enabled": "set to false to ship a rule switched off",
}

# kind -> (required keys, optional keys with their meaning)
KINDS: dict[str, tuple[tuple[str, ...], dict[str, str]]] = {
    "line": (
        ("pattern",),
        {
            "max_words": "only lines with at most this many words",
            "min_words": "only lines with at least this many words",
        },
    ),
    "block": (
        ("start",),
        {
            "end": "pattern of the block's last line (inclusive)",
            "max_lines": "most non-blank lines in the block (default 30)",
            "max_words": "most words of any line in the block: a longer line before the end means no block",
        },
    ),
    "trailer": (
        ("pattern",),
        {
            "max_words": "only marker lines with at most this many words",
            "min_position": "share of the text (0..1) that must come before the marker (default 0.3)",
        },
    ),
    "leading": (
        ("pattern",),
        {
            "max_words": "only lines with at most this many words",
            "window": "how many non-blank lines from the top to look at (default 15)",
        },
    ),
    "inline": (
        ("pattern",),
        {},
    ),
    "header": (
        ("pattern",),
        {
            "max_line": "how many non-blank lines from the top may hold the header (default 5)",
        },
    ),
    "title": (
        (),
        {
            "max_words": "most words in a page-title line (default 30)",
            "separators": "separators between a headline and the site name (' | ', ' - ', ...)",
            "max_site_words": "most words in a site-name suffix (default 5)",
        },
    ),
    "date": (
        ("pattern",),
        {
            "role": "'date' (default: a date, named groups day/month/year/hour/minute/second/ampm/tz, "
            "or n1/n2/year for numeric dates whose order is ambiguous), 'published' (a label marking the "
            "original date), 'updated' (a label marking a later date), 'ignore' (a line whose dates "
            "never count: copyright, comments)",
        },
    ),
    "repeated": (
        (),
        {
            "max_words": "only lines with at most this many words (default 15)",
            "min_chars": "only lines with at least this many characters (default 4)",
            "window": "the repeat must come within this many non-blank lines (default 3)",
        },
    ),
}

PATTERN_KEYS = ("pattern", "start", "end")

INT_KEYS = ("max_words", "min_words", "max_lines", "window", "max_line", "max_site_words", "min_chars", "priority")
FLOAT_KEYS = ("min_position",)
BOOL_KEYS = ("ignore_case", "enabled")

# Config tables a pack may carry besides [pack] and [[rule]]: table -> key -> (type, meaning).
# Types: "int", "float" (any non-negative number), "ratio" (0..1), "bool", "words" (list of
# strings, lower-cased on load), "strings" (list of strings as written).
# Packs later in the layering (lang, user, site) override the keys they set.
CONFIG_TABLES: dict[str, dict[str, tuple[str, str]]] = {
    "maintext": {
        "enabled": ("bool", "run the main-text stage (default true)"),
        "min_lines": ("int", "pages with fewer non-blank lines are left alone"),
        "line_cost": ("float", "what every line costs; prose lines bring in their weighted words"),
        "stop_ratio_full": ("ratio", "share of stop words at which a line counts as full prose"),
        "no_lang_sentence_weight": ("float", "word weight of a sentence-like line when no language list fits"),
        "no_lang_other_weight": ("float", "word weight of other lines when no language list fits"),
        "no_sentence_end_factor": ("float", "weight factor for lines that do not end like a sentence"),
        "min_lang_share": ("ratio", "least share of a page's words that must be stop words of its language"),
        "unspaced_chars_per_word": ("float", "characters counted as one word in unspaced scripts (CJK, Thai)"),
        "boilerplate_cost": ("float", "what each boilerplate word of the language (cookies, copyright) costs a line"),
        "barrier_cost": ("float", "what a section heading that ends an article costs (comments, related)"),
        "barrier_rules": ("strings", "ids (or id prefixes) of rules whose removed lines count as such headings"),
        "title_bonus": ("float", "score of the headline line that repeats the page title"),
        "trim_max_words": ("int", "short non-sentence lines up to this many words are trimmed off the article's edges"),
        "dateline_pattern": ("pattern", "a short line this matches is a date or time line (teasers, bylines)"),
        "dateline_max_words": ("int", "most words of such a date line"),
        "dateline_cost": ("float", "what a date line costs"),
        "sandwich_factor": ("float", "cost share of short lines with prose close above and below (lists inside articles)"),
        "sandwich_gap": ("int", "how close (in lines) that prose must be"),
        "after_barrier_factor": ("float", "weight of prose below the first barrier heading that follows some prose"),
        "after_barrier_min": ("float", "how much prose (score) must come before that barrier"),
        "truncated_factor": ("float", "weight of lines cut off with an ellipsis (teaser summaries)"),
        "secondary_share": ("ratio", "other runs are kept when their total reaches this share of the best run's (1: never)"),
        "run_min_lines": ("int", "inside the article, a run of this many short lines is boilerplate"),
        "run_max_words": ("int", "most words of a 'short' line in such a run"),
        "thread_min_headers": ("int", "this many date headers, each followed by text, make a comment thread (0: off)"),
        "thread_max_words": ("int", "most words of such a header line"),
        "thread_max_gap": ("int", "most lines from one header to the next in a thread"),
        "thread_min_text_words": ("int", "a header counts when a line of at least this many words follows before the next"),
        "thread_factor": ("float", "weight of prose inside a comment thread or dated teaser list"),
        "thread_title_gap": ("int", "date lines this close below the headline are its byline, not a thread header"),
        "list_max_lines": ("int", "most lines of a list led in by the article's last line ending in ':' (0: off)"),
        "list_min_lines": ("int", "fewest lines of such a list"),
        "list_lead_words": ("int", "fewest words of a lead-in line just after the article's run"),
        "widget_rules": ("strings", "ids (or id prefixes) of rules whose headings may open a widget inside the article"),
        "widget_max_lines": ("int", "most teaser lines between such a heading and the article's next sentence (0: off)"),
        "widget_min_words": ("int", "fewest words of that sentence"),
        "widget_phrase_min_prose": ("int", "sentences needed below a widget phrase of the language packs (1: the closing paragraph alone; 2: as for a rule's heading)"),
        "list_item_cost": ("float", "most a line of a list led in by a colon line costs (unset: no cap)"),
        "repeat_min_words": ("int", "a kept line of this many words repeating an earlier kept line goes (0: off)"),
        "repeat_min_parts": ("int", "a line holding this many other lines word for word is a copy of them (0: off)"),
        "adjacent_copies": ("bool", "a line equal to the line right above it scores as a short line when the run is chosen"),
        # The author-box pass (cleaner/maintext_authorbox.py, rules/common/maintext_authorbox.toml).
        "author_name_max_words": ("int", "most words of a name line that opens an author box below the article (0: off)"),
        "author_bio_min_words": ("int", "fewest words of the biography sentence below that name"),
        "author_tail_lines": ("int", "most prose lines the article's run may hold after the biography"),
        # The edge refinements (cleaner/maintext_edges.py, rules/common/maintext_edges.toml).
        "trim_dateline_max_words": ("int", "lines with a date and no sentence end up to this many words are trimmed off the run's edges (0: off)"),
        "lead_in_endings": ("strings", "last characters of a line just above the run that leads into it (unset: off)"),
        # The teaser passes (cleaner/maintext_teasers.py, rules/common/maintext_teasers.toml).
        "headline_start_share": ("float", "the run starts at the headline when what it holds above scores under this share of what is below (0: off)"),
        "widget_list_max_lines": ("int", "most teaser lines of a related-stories box inside the article, between prose above and two sentences below (0: off)"),
        "widget_list_pass_rules": ("strings", "ids (or id prefixes) of rules whose removed lines may sit inside such a box (kickers, section labels)"),
        "tail_rules": ("strings", "ids (or id prefixes) of rules whose removed lines mark promos below the article (unset: off)"),
        "tail_max_share": ("ratio", "the run ends at such a line when what follows it scores under this share of what precedes it"),
        # The headline anchor of the run choice (cleaner/maintext_anchor.py, rules/common/maintext_anchor.toml).
        "headline_min_total": ("float", "the run below the headline replaces a best run past its barriers (or above it) when it totals this much (0: off)"),
        "headline_min_barriers": ("int", "how many barrier headings must part the best run from the headline's run"),
        "headline_min_share": ("ratio", "least share of the best run's total the headline's run must reach"),
        # The furniture trim (cleaner/maintext_furniture.py, rules/common/maintext_furniture.toml).
        "furniture_max_words": ("int", "lines of up to this many words with a boilerplate word are trimmed off the run's edges (0: off)"),
        "furniture_min_hits": ("int", "how many boilerplate words such a line must hold"),
        # The quantity lists above the run (cleaner/maintext_quantities.py, rules/common/maintext_quantities.toml).
        "quantity_pattern": ("pattern", "a short line this matches at its start is a quantity (an ingredient, a figure)"),
        "quantity_min_lines": ("int", "this many quantity lines just above the run start it there (0: off)"),
        "quantity_max_words": ("int", "most words of a quantity line"),
        "quantity_max_gap": ("int", "most other lines between two quantity lines, or between the list and the run"),
        # The biography trim below the run (cleaner/maintext_bio.py, rules/common/maintext_bio.toml).
        "bio_max_lines": ("int", "most lines about the writer trimmed off the run's end (0: off)"),
        "bio_max_words": ("int", "most words of such a line"),
        "bio_name_max_words": ("int", "most capitalised words (a name) before the linking verb"),
        "bio_role_gap": ("int", "the role word must come within this many words after the verb"),
        # The closing sentence below the run (cleaner/maintext_closing.py, rules/common/maintext_closing.toml).
        "signoff_max_words": ("int", "most words of a sign-off line ('Euer Hans') taken in right below the run (0: off)"),
        "closing_max_lines": ("int", "most short closing sentences right below the run taken into it (0: off)"),
        "closing_min_words": ("int", "fewest words of such a sentence"),
        "closing_max_words": ("int", "most words of such a sentence"),
        "closing_min_weight": ("ratio", "least word weight (share of function words, lowered by boilerplate words) of such a sentence"),
        "widget_phrase_boxes": ("bool", "teaser lines under a widget phrase that a rule removed leave the article when the run holds them"),
        "opening_max_lines": ("int", "most such short sentences right above the run taken into it (0: off)"),
        # Lists under a heading just below the article (cleaner/maintext_lists.py, rules/common/maintext_lists.toml).
        "headed_list_min_lines": ("int", "fewest lines of a list block under a short heading just below the article (0: off)"),
        "headed_list_heading_words": ("int", "most words of that heading"),
        "headed_list_min_words": ("float", "fewest words per line of the block on average (menus hold fewer)"),
        "headed_list_shape_share": ("ratio", "least share of the block's lines sharing one mark (a digit or a punctuation character)"),
        # Blocks of headlines between paragraphs (cleaner/maintext_linkblocks.py, rules/common/maintext_linkblocks.toml).
        "link_block_min_lines": ("int", "fewest lines of a block of headlines between two paragraphs of the article (0: off)"),
        "link_block_max_lines": ("int", "most lines of such a block"),
        "link_block_min_words": ("int", "fewest words of each of its lines"),
        "link_block_max_words": ("int", "most words of each of its lines"),
        # 'About' boxes below the article (cleaner/maintext_aboutbox.py, rules/common/maintext_aboutbox.toml).
        "about_name_within": ("int", "a heading of a word and a name opens a box when the next sentence names the person within this many words (0: off)"),
        "about_site_tail": ("int", "the publisher's paragraph opening with the site's name is looked for among the run's last this many lines (0: off)"),
        # A numbered list going on below the run (cleaner/maintext_numbered.py, rules/common/maintext_numbered.toml).
        "numbered_look_back": ("int", "the run's last this many lines are searched for an item number N the list below continues with N+1 (0: off)"),
        "numbered_max_gap": ("int", "most lines from one item to the next"),
        # Embedded posts (cleaner/maintext_posts.py, rules/common/maintext_posts.toml).
        "post_text_gap": ("int", "an attribution line ('— Name (@handle) date') at most this many lines below text scores at least zero (0: off)"),
        # The prose under the headline kept beside the run (cleaner/maintext_blockchoice.py, rules/common/maintext_blockchoice.toml).
        "head_block_min_total": ("float", "the prose stretch right under the headline, above the run, is kept when it totals this much (0: off)"),
        "head_block_max_lead": ("int", "that stretch must start within this many lines below the headline"),
        "head_block_max_barriers": ("int", "most barrier headings between the headline and the run"),
        # Numbered steps that begin above the run (cleaner/maintext_steps.py, rules/common/maintext_steps.toml).
        "steps_look": ("int", "the run's first this many lines are searched for a bare step number N > 1 whose steps N-1 .. 1 stand above it (0: off)"),
        "steps_max_gap": ("int", "most lines from one step number to the next"),
        "step_blocks_min": ("int", "a block of numbered steps 1..N (each with prose) outside the run, no barrier between, is kept when N reaches this (0: off)"),
        "step_min_score": ("float", "least score of each step's line of prose in such a block (a numbered list of headlines scores less)"),
    },
    # Language packs (rules/lang/<code>.toml, with [pack] lang = "<code>").
    "words": {
        "stop": ("words", "function words of the language (lower case)"),
        "boilerplate": ("words", "words that mark a line as site furniture (cookies, copyright, imprint)"),
        "barrier": ("words", "whole-line headings that end an article (comments, related stories)"),
        "control": ("words", "whole-line page controls dropped anywhere (print, next, read more)"),
        "widget": ("words", "headings of boxes that may stand inside an article (see also, read also); barriers too, ending the article when no prose follows"),
        "bio_verb": ("words", "linking verbs after a name in a writer's biography ('is', 'ist')"),
        "bio_role": ("words", "words for a writer's or scholar's role in such a biography ('writer', 'professor')"),
        "signoff": ("words", "greetings a post is signed off with above the writer's name ('euer', 'cheers', 'liebe grüße')"),
        "bio_self": ("words", "first-person phrases a writer introduces themselves with below the article ('ich bin', \"i'm\")"),
        "time_ago": ("words", "how the language tells a time relative to now, {n} the number, {unit} a time_unit ('vor {n} {unit}', '{n} {unit} ago'); a phrase without them is a whole stamp ('час назад')"),
        "time_unit": ("words", "units of time in such a phrase, every form ('stunde', 'stunden', 'std.')"),
        "time_n_word": ("words", "words that stand for the number in such a phrase ('a', 'an', 'one'; 'einer', 'einem'; 'un', 'une')"),
        "time_day": ("words", "words for the day before ('yesterday', 'gestern', 'hier'): a stamp standing alone beside a name or before a time of day"),
        "stamp_lead": ("words", "words a dated entry's stamp opens with ('updated', 'posted at', 'aktualisiert um'): a line of a live blog or a timeline, '<these> <stamp> <headline>', is no comment's signature"),
    },
}
