"""`cleaner rules new example.com`: a new site pack with a commented example of every rule kind.

The template is built from `schema.KINDS`, so a kind added there shows up here with its keys. The
written pack loads as it is (every example rule is commented out) and has an empty sample section
to fill in.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import regex

from ..errors import RuleError
from ..io.writers import atomic_write_text
from . import schema
from .hosts import host_key, site_host

# An example value for keys whose meaning alone does not make a good one.
EXAMPLES: dict[str, dict[str, str]] = {
    "line": {"pattern": "'''^READ:\\s+\\S.{0,200}$'''", "drop": '["READ: Another story from this site"]',
             "keep": '["Read the full report on the agency\'s website."]'},
    "block": {"start": "'''^Related (?:posts|stories):?$'''", "end": "'''^More from \\w+$'''",
              "drop": '["Related posts:\\nFirst headline\\nSecond headline\\nMore from SITE"]',
              "keep": '["Related reading is at the end of the report."]'},
    "trailer": {"pattern": "'''^Please support our journalism\\b'''",
                "drop": '["Please support our journalism with a donation."]',
                "keep": '["The museum asked visitors to support it."]'},
    "leading": {"pattern": "'''^Home(?:\\s*[>/»]\\s*\\w+){1,3}$'''", "drop": '["Home > News > Local"]',
                "keep": '["Home prices rose in March."]'},
    "inline": {"pattern": "'''\\s*\\((?:Photo|Image): [^)]{1,60}\\)'''",
               "drop": '["The mayor spoke on Monday. (Photo: City Hall)"]',
               "keep": '["The mayor spoke on Monday."]'},
    "header": {"pattern": "'''^Published:?\\s+(?P<date>\\d{4}-\\d{2}-\\d{2})\\s*'''",
               "drop": '["Published: 2025-04-07"]', "keep": '["The law was published in 2025."]'},
    "title": {"drop": '["Headline of the story | Site Name\\n\\nThe story starts here."]',
              "keep": '["The story starts here, with a sentence."]'},
    "repeated": {"drop": '["Photo caption (Agency)\\nPhoto caption (Agency)"]',
                 "keep": '["A line.\\nAnother line."]'},
}


def site_slug(site: str) -> str:
    """The id prefix for a site's rules (ids are ASCII): accents dropped from a Unicode name, a
    label of another script in its punycode form.

    >>> site_slug("www.Example.co.uk"), site_slug("stössenseer.de"), site_slug("xn--stssenseer-fcb.de")
    ('example-co', 'stossenseer', 'stossenseer')
    >>> site_slug("例え.jp")
    'xn--r8jz45g'
    """
    labels = [_ascii_label(label) for label in host_key(site_host(site)).split(".")]
    s = "-".join(labels[:-1] if len(labels) > 1 else labels)
    return regex.sub(r"[^a-z0-9-]+", "-", s).strip("-") or "site"


def _ascii_label(label: str) -> str:
    """A host label in ASCII: as it is, without its accents ("stössenseer" -> "stossenseer"), or
    punycode ("xn--r8jz45g") when no letter of it is Latin."""
    if label.isascii():
        return label
    plain = "".join(c for c in unicodedata.normalize("NFKD", label) if not unicodedata.combining(c))
    if regex.search(r"[a-z]", plain.encode("ascii", "ignore").decode()):
        return plain.encode("ascii", "ignore").decode()
    return "xn--" + label.encode("punycode").decode("ascii")


def _kind_block(kind: str, slug: str) -> list[str]:
    required, optional = schema.KINDS[kind]
    ex = EXAMPLES.get(kind, {})
    out = [
        f"# --- kind '{kind}' ---",
        "# [[rule]]",
        f'# id = "{slug}.my-{kind}"',
        f'# kind = "{kind}"',
        f'# description = "What this {kind} rule removes on {slug}, and why."',
    ]
    for key in required:
        out.append(f"# {key} = {ex.get(key, '...')}")
    for key, meaning in optional.items():
        out.append(f"# {key} = {ex.get(key, '...')}    # optional: {meaning}")
    out.append(f"# drop = {ex.get('drop', '[...]')}    # must be removed")
    out.append(f"# keep = {ex.get('keep', '[...]')}    # must stay")
    out.append("")
    return out


def template(site: str) -> str:
    """The text of a new pack for `site`."""
    site = site_host(site)
    if not regex.fullmatch(r"[a-z0-9-]+(?:\.[a-z0-9-]+)+", site):
        raise ValueError(f"not a site host name: {site!r} (e.g. example.com)")
    slug = site_slug(site)
    lines = [
        f"# Site pack for {site}. Uncomment and adapt the examples; every rule needs drop and keep",
        "# examples. Then: cleaner rules test <this file>  and  cleaner rules check <this file>.",
        "# `cleaner rules suggest PAGES/ --site " + site + "` proposes rules from the site's own pages.",
        "",
        "[pack]",
        f'description = "{site}: what this pack removes."',
        f'sites = ["{site}"]            # also applies to subdomains',
        f'# site_name = "{site}"        # metadata["site"] when the pack applies',
        "# disable = []                # ids of default rules to switch off on this site",
        "",
    ]
    for kind in schema.KINDS:
        lines += _kind_block(kind, slug)
    lines += [
        "# --- sample documents: a whole page beside the pack, and what must (not) come out ---",
        "# [[sample]]",
    ]
    for key, meaning in schema.SAMPLE_KEYS.items():
        value = {"input": f'"samples/{site}/page1.txt"', "url": f'"https://{site}/a-story"',
                 "expected": f'"samples/{site}/page1.expected.txt"', "contains": '["A sentence of the article."]',
                 "not_contains": '["READ: Another story from this site"]'}.get(key, "...")
        lines.append(f"# {key} = {value}    # {meaning}")
    return "\n".join(lines) + "\n"


def new_pack(site: str, folder: str | Path) -> Path:
    """Write `folder/<site>.toml` from the template; refuse to overwrite an existing pack."""
    text = template(site)
    site = site_host(site)
    path = Path(folder) / f"{site}.toml"
    if path.exists():
        raise RuleError(str(path), "a pack for this site already exists; edit it instead")
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, text)
    return path
