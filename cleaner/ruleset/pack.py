"""Packs (one rule file each) and the compiled rule set a document is cleaned with."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field

from .hosts import on_site
from .kinds import (
    BlockRule,
    DateRule,
    HeaderRule,
    InlineRule,
    LeadingRule,
    LineRule,
    RepeatedRule,
    Rule,
    TitleRule,
    TrailerRule,
)
from .literals import any_may_match, folded_holds_search
from .matcher import LineMatcher

# Order in which packs of equal priority are applied; the first rule to match a line is credited.
ORIGIN_ORDER = {"site": 0, "user": 1, "lang": 2, "common": 3}


@dataclass(eq=False)
class Pack:
    """The rules of one file, and when they apply."""

    name: str
    path: str
    origin: str = "common"
    description: str = ""
    sites: tuple[str, ...] = ()
    site_name: str | None = None
    disable: tuple[str, ...] = ()
    priority: int = 0
    lang: str | None = None
    rules: list[Rule] = field(default_factory=list)
    samples: list[dict] = field(default_factory=list)  # [[sample]] tables, paths resolved
    # Validated config tables ([maintext], [words]; see schema.CONFIG_TABLES).
    config: dict[str, dict] = field(default_factory=dict)
    months: dict[str, int] = field(default_factory=dict)
    date_format: str | None = None
    timezone: str | None = None

    @property
    def is_site_pack(self) -> bool:
        return bool(self.sites)

    def applies_to(self, host: str | None, site: str | None = None) -> bool:
        """A pack without sites applies always; a site pack when the host or site name matches."""
        if not self.sites:
            return True
        return any(name and any(on_site(name, s) for s in self.sites) for name in (host, site))


class RuleSet:
    """The rules that apply to one document, grouped by kind and compiled for fast matching.

    Built once per combination of packs (the `Cleaner` caches it), never per document.
    """

    def __init__(self, packs: Iterable[Pack]) -> None:
        self.packs = sorted(packs, key=lambda p: (-p.priority, ORIGIN_ORDER.get(p.origin, 9)))
        disabled: set[str] = set()
        for p in self.packs:
            disabled.update(p.disable)
        seen: set[str] = set()
        rules: list[Rule] = []
        for p in self.packs:
            for r in p.rules:
                if r.id in seen or r.id in disabled or disabled.intersection(r.aliases):
                    continue
                seen.add(r.id)
                rules.append(r)
        self.rules = rules
        self.site_name = next((p.site_name for p in self.packs if p.site_name), None)
        self.headers = [r for r in rules if isinstance(r, HeaderRule)]
        self.trailers = LineMatcher([r for r in rules if isinstance(r, TrailerRule)])
        self.leading = LineMatcher([r for r in rules if isinstance(r, LeadingRule)])
        self.lines = LineMatcher([r for r in rules if type(r) is LineRule])
        self.blocks = [r for r in rules if isinstance(r, BlockRule)]
        self.inline = [r for r in rules if isinstance(r, InlineRule)]
        self.titles = [r for r in rules if isinstance(r, TitleRule)]
        self.repeated = [r for r in rules if isinstance(r, RepeatedRule)]
        self.dates = [r for r in rules if isinstance(r, DateRule) and r.role == "date"]
        self.date_labels = [r for r in rules if isinstance(r, DateRule) and r.role != "date"]
        # One pre-test for all inline rules, and one for the labels a byline's date needs: a text
        # that fails it is not tried rule by rule (None: any text may match).
        self.inline_may_match = any_may_match(r.needs for r in self.inline)
        self.byline_label_may_match = any_may_match(
            r.needs for r in self.date_labels if r.role in ("published", "updated"))
        # A folded line in which this finds nothing holds no date label (textdates._labels).
        self.date_label_search = folded_holds_search(r.needs for r in self.date_labels)
        self.date_format = next((p.date_format for p in self.packs if p.date_format), None)
        self.timezone = next((p.timezone for p in self.packs if p.timezone), None)
        self.base: RuleSet | None = None  # the same rules without site packs (set by Cleaner; see sitepacks.py)
        site_packs = [p for p in self.packs if p.is_site_pack]
        # A site pack that changes settings, not only rules (see sitepacks.pack_changed).
        self.site_settings = any(p.disable or p.config or p.months or p.date_format or p.timezone for p in site_packs)
        self.leading_window = max((r.window for r in self.leading.rules), default=0)  # type: ignore[attr-defined]
        self._merge_config()

    @functools.cached_property
    def site_rule_ids(self) -> frozenset[str] | None:
        """Ids of the site packs' rules, or None when the site-pack guard does not apply (no site
        pack, no defaults-only `base` to compare with, or a site pack tunes `[maintext]`; see
        sitepacks.py). Read only once `base` is set."""
        site_packs = [p for p in self.packs if p.is_site_pack]
        if not site_packs or self.base is None or any("maintext" in p.config for p in site_packs):
            return None
        return frozenset(r.id for p in site_packs for r in p.rules)

    def _merge_config(self) -> None:
        """Config tables of all packs: later layers (lang, user, site) override common ones;
        word lists are gathered per language code."""
        from ..maintext import Lexicon, MainTextConfig

        settings: dict = {}
        for p in reversed(self.packs):  # lowest precedence first
            settings.update(p.config.get("maintext", {}))
        self.maintext = MainTextConfig.from_tables(settings)
        self.lexicon = Lexicon.build(
            ((p.lang or p.name, p.config["words"]) for p in self.packs if "words" in p.config),
            dateline=self.maintext.dateline_pattern,
        )

    def __len__(self) -> int:
        return len(self.rules)
