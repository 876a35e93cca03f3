"""A site's host matches however it is written: Unicode or punycode (an internationalised name),
any case, a final dot, a port or user info in the URL, no scheme at all. A crawler records
`seglerblog.stössenseer.de` where the page's own canonical link says
`seglerblog.xn--stssenseer-fcb.de`; a pack written either way must apply to both."""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import pytest
from stories import STORIES
from typer.testing import CliRunner

from cleaner import Cleaner
from cleaner.ruleset.hosts import host_of, on_site, site_host
from cleaner.ruleset.loader import load_file
from cli import app

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

runner = CliRunner()

PROMO = "SEGLER NEWS Unsere Regatta-Termine jetzt im Newsletter"


def pack(site: str) -> str:
    return f"""
[pack]
name = "sites.idn-test"
sites = [{json.dumps(site, ensure_ascii=False)}]

[[rule]]
id = "idn.promo"
kind = "line"
description = "The club's newsletter promo, inserted into its articles."
pattern = '''^SEGLER NEWS\\b.*$'''
drop = ["{PROMO}"]
keep = ["Die Segler News erscheinen monatlich."]
"""


def article(promo: str = PROMO) -> str:
    a, b, c = STORIES[0]
    return f"Harbour wall repairs\n\n{a}\n\n{promo}\n\n{b}\n\n{c}\n"


def cleaner_for(tmp_path: Path, site: str) -> Cleaner:
    path = tmp_path / "idn.toml"
    path.write_text(pack(site), encoding="utf-8")
    return Cleaner(rules=[path])


def applies(c: Cleaner, url: str) -> bool:
    res = c.clean(article(), url=url, format="text")
    assert STORIES[0][1] in res.text
    return PROMO not in res.text and "idn.promo" in {r.rule for r in res.removed}


UNICODE_URL = "https://seglerblog.stössenseer.de/haltet-unsere-gewaesser-sauber/"
PUNYCODE_URL = "https://seglerblog.xn--stssenseer-fcb.de/haltet-unsere-gewaesser-sauber/"


@pytest.mark.parametrize("site", ["stössenseer.de", "xn--stssenseer-fcb.de", "Stössenseer.DE.", "XN--STSSENSEER-FCB.DE"])
@pytest.mark.parametrize("url", [UNICODE_URL, PUNYCODE_URL, "https://SEGLERBLOG.STÖSSENSEER.DE./x"])
def test_a_pack_written_in_either_form_applies_to_a_url_in_either_form(tmp_path, site, url):
    assert applies(cleaner_for(tmp_path, site), url)


def test_an_idn_pack_does_not_apply_to_other_sites(tmp_path):
    c = cleaner_for(tmp_path, "stössenseer.de")
    assert not applies(c, "https://stossenseer.de/x")
    assert not applies(c, "https://xn--stssenseer-fcb.de.example.org/x")


def test_sharp_s_is_its_own_letter_as_registries_have_it(tmp_path):
    """IDNA 2003 (Python's `encodings.idna`) maps 'ß' to 'ss', so it would take faß.example for
    fass.example and miss its registered punycode, xn--fa-hia.example (IDNA 2008)."""
    c = cleaner_for(tmp_path, "faß.example")
    assert applies(c, "https://www.xn--fa-hia.example/artikel")
    assert applies(c, "https://faß.example/artikel")
    assert not applies(c, "https://fass.example/artikel")
    assert "faß.example".encode("idna") == b"fass.example"  # why the standard codec is not used


def test_an_explicit_site_name_matches_in_either_form(tmp_path):
    c = cleaner_for(tmp_path, "xn--stssenseer-fcb.de")
    res = c.clean(article(), site="stössenseer.de", format="text")
    assert PROMO not in res.text


def test_rules_check_and_loading_accept_either_form(tmp_path):
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "unicode.toml").write_text(pack("WWW.Stössenseer.de."), encoding="utf-8")
    (folder / "puny.toml").write_text(pack("xn--stssenseer-fcb.de").replace("idn-test", "idn-puny")
                                      .replace("idn.promo", "puny.promo"), encoding="utf-8")
    assert load_file(folder / "unicode.toml").sites == ("stössenseer.de",)
    assert load_file(folder / "puny.toml").sites == ("xn--stssenseer-fcb.de",)
    res = runner.invoke(app, ["rules", "check", str(folder)])
    assert res.exit_code == 0, res.output


@pytest.mark.parametrize(("url", "host"), [
    ("https://www.Example.COM/a", "www.example.com"),
    ("https://user:secret@example.com:8443/a", "example.com"),
    ("http://example.com:/a", "example.com"),
    ("https://example.com./a", "example.com"),                      # a fully qualified name
    ("example.com/path", "example.com"),                            # no scheme
    ("example.com:8080/path", "example.com"),
    ("//cdn.example.com/a.js", "cdn.example.com"),
    ("example.com/go?to=https://other.org/", "example.com"),       # a URL in the query
    ("  https://example.com/a\n", "example.com"),
    ("http://[2001:DB8::1]:8080/a", "2001:db8::1"),                 # an IPv6 literal
    ("http://192.0.2.7:8000/", "192.0.2.7"),
    ("https://SEGLERBLOG.STÖSSENSEER.DE/x", "seglerblog.stössenseer.de"),
    ("https://seglerblog.xn--stssenseer-fcb.de/x", "seglerblog.xn--stssenseer-fcb.de"),
    ("https://st%C3%B6ssenseer.de/x", "stössenseer.de"),             # percent-encoded
    ("localhost:8000", "localhost"),
])
def test_host_of(url, host):
    assert host_of(url) == host


@pytest.mark.parametrize("url", [
    None, "", "   ", "hard::jamaicaobserver.com-attacks.html",   # an id, not a URL
    "http://[2001:db8::1/a",                                       # an unclosed IPv6 literal
    "https://example.com:http/a", "file:///home/me/page.html", "https://./a",
    "mailto:editor@example.com", "tel:+1-555-0100", "urn:isbn:0451450523",   # no authority: no host
    "javascript:void(0)", "data:text/html,<p>x</p>",
])
def test_host_of_names_no_host(url):
    assert host_of(url) is None


def test_on_site_and_site_host():
    assert on_site("blog.xn--stssenseer-fcb.de.", "stössenseer.de")
    assert on_site("STÖSSENSEER.DE", "xn--stssenseer-fcb.de")
    assert not on_site("example.com", "")
    assert site_host("https://WWW.Stössenseer.DE./x") == "stössenseer.de"
    assert site_host(" WWW.Example.com. ") == "example.com"


def test_suggest_with_a_unicode_site_keeps_its_punycode_pages(tmp_path):
    """`rules suggest --site` in Unicode learns from pages whose URLs are punycode, and writes the
    site as `rules new` would: the host alone, without `www.`, scheme or final dot."""
    records = []
    for i, (a, b, c) in enumerate(STORIES):
        text = f"SEGLERBLOG STÖSSENSEE\nHome | Regatten | Kontakt\n{a}\n{PROMO}\n{b}\n{c}\nImpressum | Datenschutz\n"
        records.append({"url": f"https://seglerblog.xn--stssenseer-fcb.de/{i}", "text": text})
        records.append({"url": f"https://news.other.org/{i}", "text": f"OTHER WIRE\n{c}\n{a}\n"})
    src = tmp_path / "crawl.jsonl.gz"
    with gzip.open(src, "wt", encoding="utf-8") as f:
        f.writelines(json.dumps(r) + "\n" for r in records)
    out = tmp_path / "segler.toml"
    res = runner.invoke(app, ["rules", "suggest", str(src), "--site", "https://WWW.Stössenseer.de./", "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert "read 10 pages: 5 of stössenseer.de, 5 of other hosts skipped" in res.output
    assert tomllib.loads(out.read_text(encoding="utf-8"))["pack"]["sites"] == ["stössenseer.de"]
    assert load_file(out).sites == ("stössenseer.de",)
    got = Cleaner(rules=[out]).clean(records[0]["text"], url=records[0]["url"], format="text")
    assert PROMO not in got.text and STORIES[0][1] in got.text


def test_a_unicode_sites_pack_gets_a_readable_id_prefix_and_header(tmp_path):
    # Rule ids are ASCII: a Unicode site name keeps its letters without accents ("st-ssenseer"
    # before), a label of another script its punycode; the pack's header names the host, not the
    # URL or spelling the user typed.
    from cleaner.ruleset.scaffold import site_slug
    from cleaner.suggest import suggest_pack

    assert site_slug("seglerblog.stössenseer.de") == site_slug("seglerblog.xn--stssenseer-fcb.de") == "seglerblog-stossenseer"
    assert site_slug("例え.jp") == "xn--r8jz45g"
    pages = [f"Segler News\nArtikel {n}\nDer Hafen wurde am Montag für die Boote der Gäste geöffnet, sagte der Hafenmeister {n}.\n"
             f"Impressum\nKontakt" for n in range(5)]
    pack = suggest_pack(pages, "https://WWW.Stössenseer.de./")
    assert "https://" not in pack and "WWW." not in pack
    assert "sites = ['''stössenseer.de''']" in pack and "name = '''sites.stossenseer-suggested'''" in pack
