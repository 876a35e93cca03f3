"""Decoding and canonical text: repair broken Unicode only where it is broken, tidy whitespace.

The author's own characters (curly quotes, dashes, ellipses, accents, ligatures) stay as written;
ftfy runs only on text that shows signs of mojibake, because on clean pages it costs more than the
whole rest of the pipeline.
"""

from __future__ import annotations

import codecs

import regex

from .errors import InputError

# Characters that show up in mojibake (UTF-8 read as Latin-1/cp1252: "Ã©", "â€™", "Â "), C1
# control characters, and the replacement character. Clean text in any script rarely has them, so
# this cheap scan decides whether ftfy's much slower check runs at all.
_MOJIBAKE_HINT = regex.compile(r"[ÃÂâÅÐÑ][\x80-\xbf\u0152-\u02dc\u2013-\u203a\u20ac\u2122]|[\x80-\x9f]|\ufffd")

# Invisible characters that carry no text: zero-width space, BOM, word joiner. (Soft hyphens are
# the author's hyphenation hints and stay.)
_INVISIBLE = regex.compile(r"[\u200b\ufeff\u2060]")
# Line separators other than \n.
_NEWLINES = regex.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
_NEWLINE_CHARS = ("\r", "\u2028", "\u2029", "\x0b", "\x0c", "\x85")


# Lead characters of the hint above; a plain `in` test for each is ~50x faster than a regex scan.
_HINT_LEADS = ("Ã", "Â", "â", "Å", "Ð", "Ñ", "\ufffd")


def looks_broken(text: str) -> bool:
    """True when the text probably holds mojibake or broken Unicode that ftfy should repair."""
    if text.isascii() or not any(c in text for c in _HINT_LEADS):
        return False
    if not _MOJIBAKE_HINT.search(text):
        return False
    from ftfy.badness import is_bad

    return bool(is_bad(text)) or "\ufffd" in text


def repair(text: str) -> str:
    """ftfy repair that leaves the author's typography alone (no quote uncurling, no width folding)."""
    import ftfy

    return ftfy.fix_text(
        text,
        uncurl_quotes=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        normalization="NFC",
    )


def decode(data: bytes) -> str:
    """Bytes to str: UTF-8 when it is UTF-8, otherwise the detected charset; binary is refused."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    head = data[:8192]
    if head.count(b"\x00") > max(1, len(head) // 100):
        raise InputError("binary data (NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    western = _as_western(data)
    if western is not None:
        return western
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError("undecodable bytes: not UTF-8 and no charset could be detected")
    return str(best)


_WESTERN_EXTRA = set("“”‘’–—…€•·«»°§©®™")


def _as_western(data: bytes) -> str | None:
    """cp1252 text (the usual legacy encoding of Western pages) when it plausibly is that.

    Detectors guess poorly on short Western text (accented letters are valid in many code pages),
    so accept cp1252 when its non-ASCII characters are Latin letters or common punctuation and
    are sparse among the letters, as in French, German or Spanish; other scripts fall through.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = sum(c.isalpha() for c in text) or 1
    extra = [c for c in text if ord(c) > 127]
    if not extra or len(extra) > 0.25 * letters:
        return None
    if all(("\u00c0" <= c <= "\u00ff" and c not in "×÷") or c in _WESTERN_EXTRA for c in extra):
        return text
    return None


def normalize_text(text: str) -> tuple[str, bool]:
    """Unify line breaks, drop invisible characters, and repair mojibake when present.

    Returns the text and whether ftfy was applied.
    """
    if any(c in text for c in _NEWLINE_CHARS):  # six substring tests cost less than the regex scan
        text = _NEWLINES.sub("\n", text)
    if "\u200b" in text or "\ufeff" in text or "\u2060" in text:
        text = _INVISIBLE.sub("", text)
    if looks_broken(text):
        return repair(text), True
    return text, False


def normalize_line(line: str) -> str:
    """Collapse runs of whitespace (including no-break spaces and tabs) and strip the ends.

    >>> normalize_line("  Sign up:\\u00a0 Subscribe\\tnow ")
    'Sign up: Subscribe now'
    """
    return " ".join(line.split())


def paragraphs(lines: list[str]) -> str:
    """Canonical output: runs of non-empty lines are paragraphs, one blank line between them.

    >>> paragraphs(["", "One.", "Two.", "", "", "Three.", ""])
    'One.\\nTwo.\\n\\nThree.'
    """
    out: list[str] = []
    para: list[str] = []
    for line in lines:
        if line:
            para.append(line)
        elif para:
            out.append("\n".join(para))
            para = []
    if para:
        out.append("\n".join(para))
    return "\n\n".join(out)
