"""Host names, however they are written, as site packs match them: the one place that reads a
URL's host and says whether it is a pack's site.

A host reaches us in many spellings: a crawler records `seglerblog.stössenseer.de` while the
page's own canonical link says `seglerblog.xn--stssenseer-fcb.de`; a pack's `sites` may use
either, in any case, with a final dot. `host_key` gives all of them one form, so a pack written
either way applies to a URL written either way.

The one form is Unicode: `xn--` labels are decoded with the standard library's plain RFC 3492
`punycode` codec, then the name is NFKC-normalised and lower-cased. That agrees with IDNA 2008 /
UTS 46 (non-transitional, what browsers and registries use) on every valid name, 'ß' and final
'ς' included. The standard library's `encodings.idna` (IDNA 2003) does not: it turns 'straße.de'
into 'strasse.de', while the registered name is 'xn--strae-oqa.de'. The `idna` package gets
'ß' right but is not a dependency of ours (only of optional extras), rejects host names real
sites use (`my_site.example.com`: an underscore), and for comparing two spellings we need no
more than decoding.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from urllib.parse import unquote, urlsplit

# Label separators IDNA accepts: full stop, ideographic, fullwidth and halfwidth ideographic.
_DOTS = re.compile("[.\u3002\uff0e\uff61]")
# A URL that names its scheme ("https://..."); anything else is read as starting with the host.
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")
# A URI of a scheme without an authority ("mailto:x@y.com", "tel:+1...", "urn:isbn:...",
# "javascript:void(0)"): a scheme's colon followed by neither "//" nor a port's digits.
_NO_AUTHORITY = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:(?!//|\d|$|/)")


@functools.lru_cache(maxsize=4096)
def host_key(name: str) -> str:
    """The one form of a host name that its spellings share (see the module docstring).

    >>> host_key("SeglerBlog.XN--STSSENSEER-FCB.de.") == host_key("seglerblog.stössenseer.de")
    True
    >>> host_key("xn--strae-oqa.de"), host_key("STRASSE.de")
    ('straße.de', 'strasse.de')
    """
    labels = _DOTS.split(name.strip().lower())
    while labels and not labels[-1]:  # a final dot (a fully qualified name) names the same host
        labels.pop()
    return unicodedata.normalize("NFKC", ".".join(_decoded(label) for label in labels)).lower()


def _decoded(label: str) -> str:
    """An `xn--` label in Unicode; any other label, or one that is not valid punycode, as it is."""
    if not label.startswith("xn--"):
        return label
    try:
        return label[4:].encode("ascii").decode("punycode")
    except (UnicodeError, ValueError):
        return label


def on_site(name: str, site: str) -> bool:
    """A host (or site name) is the site's or one of its subdomains'; either may be written in
    Unicode or punycode, in any case, with a final dot.

    >>> on_site("News.Example.com.", "example.com"), on_site("notexample.com", "example.com")
    (True, False)
    >>> on_site("blog.xn--stssenseer-fcb.de", "Stössenseer.de")
    True
    """
    name, site = host_key(name), host_key(site)
    return bool(site) and (name == site or name.endswith("." + site))


def host_of(url: str | None) -> str | None:
    """The lower-case host of a URL, without port, user info or final dot; None when the text
    names no host. A URL without a scheme ("example.com/path") starts with its host. The host is
    kept as written (Unicode or punycode): it becomes the page's `site` when nothing better names it.

    >>> host_of("https://user@www.TampaFP.com.:443/x?y=1"), host_of("example.com/a?next=https://b.org/")
    ('www.tampafp.com', 'example.com')
    >>> host_of("http://[2001:DB8::1]:8080/"), host_of("hard::example.com-story.html")
    ('2001:db8::1', None)
    """
    if not url:
        return None
    url = url.strip()
    if not _SCHEME.match(url) and not url.startswith("//"):
        if _NO_AUTHORITY.match(url):
            return None  # mailto:x@y.com names an address, not a page's host
        url = "//" + url
    try:
        parts = urlsplit(url)
        host = parts.hostname
        _ = parts.port  # raises when what follows the host is not a port: the text names no host
    except ValueError:
        return None
    if not host:
        return None
    if "%" in host:  # a percent-encoded host, as some crawlers write Unicode hosts
        host = unquote(host).lower()
    return host.rstrip(".") or None


def site_host(site: str) -> str:
    """A site's host as packs write it in `sites`: lower case, without `www.`, a final dot, or the
    rest of a URL when one is given (`rules new`, `rules suggest --site`, and pack loading all
    write a site this way). Unicode or punycode stays as written: `host_key` matches either.

    >>> site_host(" WWW.Example.com. "), site_host("https://www.Example.com:443/news/")
    ('example.com', 'example.com')
    """
    return (host_of(site) or site.strip().lower()).removeprefix("www.").rstrip(".")
