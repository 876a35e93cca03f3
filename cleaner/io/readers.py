"""Readers: files, folders, stdin and fsspec URLs in, a stream of `Item`s out.

One small reader per format. Readers stream: a JSON-lines file is read a line at a time with a
length cap (a 50 MB line never sits in memory whole), a WARC file a record at a time, and nothing
is decoded or parsed here beyond what finding the document needs. Each item remembers where it
came from (file and line or record number), so an error can name the spot. A reader that meets
something it cannot read yields an item carrying `error` and the batch goes on.
"""

from __future__ import annotations

import fnmatch
import gzip
import io
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from ..errors import InputError
from ..normalize import decode

DEFAULT_MAX_DOC_BYTES = 16 * 1024 * 1024

# Suffix (lower-case, compression suffix stripped) -> reader kind.
KINDS = {
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html",
    ".json": "json",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".warc": "warc",
}
COMPRESSIONS = (".gz", ".zst", ".bz2")


@dataclass(slots=True)
class Item:
    """One document as read, before cleaning.

    `data` is the raw JSON line (kind "record") or the document's bytes (kind "doc"). `line` is the
    1-based line number in a JSON-lines file, the record number in a WARC or JSON array, and 1
    for a whole-file document. `rel` names the document in a mirrored output tree.
    """

    source: str
    line: int
    data: bytes | None
    kind: str = "doc"
    format: str | None = None
    url: str | None = None
    id: str | None = None
    rel: str = ""
    error: str | None = None
    tree: str = ""  # name in the mirrored output tree, without extension (see tree_names)
    fields: dict[str, Any] | None = field(default=None)
    unit: str = "line"  # "line" or "record": what `line` counts


@dataclass
class Source:
    """An input file: where it is, how to name it in the output tree, which reader reads it.

    Made by `find_sources`, which also gives each its `tree` name (no two sources share one).
    """

    path: str  # local path, fsspec URL, or "-" for stdin
    rel: str  # path relative to its input root (for the mirrored tree)
    kind: str
    compression: str | None = None
    size: int = 0
    tree: str = ""  # its name in the output tree, without extension (set by tree_names)
    error: str | None = None  # kind "unreadable": why (read as one error item)


def classify(name: str) -> tuple[str | None, str | None]:
    """(reader kind, compression) from a file name; kind None when cleaner does not read it.

    >>> classify("a/b/pages.jsonl.gz")
    ('jsonl', '.gz')
    >>> classify("crawl.warc.gz")
    ('warc', '.gz')
    >>> classify("logo.png")
    (None, None)
    """
    low = name.lower()
    comp = next((c for c in COMPRESSIONS if low.endswith(c)), None)
    stem = low[: -len(comp)] if comp else low
    kind = KINDS.get(os.path.splitext(stem)[1])
    if kind is None:
        return None, None
    return kind, comp


def _matches(rel: str, globs: Iterable[str]) -> bool:
    globs = list(globs)
    if not globs:
        return True
    name = rel.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatch(rel, g) or fnmatch.fnmatch(name, g) for g in globs)


def _is_url(p: str) -> bool:
    return "://" in p


def find_sources(paths: Iterable[str | Path], globs: Iterable[str] = ()) -> list[Source]:
    """Every readable file given or found (recursively, sorted) in the given folders.

    A file named explicitly is read whatever its suffix (as text when unknown); files found in a
    folder are kept when cleaner reads their format and they match a `--glob`, if any. A file
    given twice (`in/ in/a.txt`, or a link to it) is read once, where it first comes.
    Raises InputError for a path that does not exist.
    """
    globs = list(globs)
    out: list[Source] = []
    for p in paths:
        p = str(p)
        if p == "-":
            out.append(Source("-", "stdin", "stdin"))
            continue
        if _is_url(p):
            out.extend(_fsspec_sources(p, globs))
            continue
        path = Path(p)
        if path.is_dir():
            out.extend(_folder_sources(path, globs))
        elif path.is_file():
            kind, comp = classify(path.name)
            out.append(Source(str(path), path.name, kind or "text", comp, path.stat().st_size))
        else:
            raise InputError(f"no such file or folder: {p}")
    out = _once(out)
    tree_names(out)
    return out


def _once(sources: list[Source]) -> list[Source]:
    """The sources without a second copy of a local file (same file by its real path)."""
    seen: set[str] = set()
    out = []
    for s in sources:
        key = s.path if s.path == "-" or _is_url(s.path) or s.kind == "unreadable" else os.path.realpath(s.path)
        if key not in seen:
            seen.add(key)
            out.append(s)
    return out


def _folder_sources(root: Path, globs: list[str]) -> list[Source]:
    """The files cleaner reads under `root` (hidden ones skipped), in path order.

    A folder that cannot be listed (no read permission) becomes a source of kind "unreadable",
    which reads as one error: its documents are reported missing, never silently skipped.
    """
    found: list[Source] = []

    def unreadable(e: OSError) -> None:
        where = Path(e.filename or root)
        rel = where.relative_to(root).as_posix() if where != root else where.name
        found.append(Source(str(where), rel, "unreadable", error=f"cannot read folder: {e.strerror or e}"))

    for folder, dirs, files in os.walk(root, onerror=unreadable):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            f = Path(folder, name)
            rel = f.relative_to(root).as_posix()
            kind, comp = classify(name)
            if name.startswith(".") or not kind or not _matches(rel, globs):
                continue
            try:
                if f.is_file():
                    found.append(Source(str(f), rel, kind, comp, f.stat().st_size))
            except OSError:  # gone since the folder was listed: reading it reports the error
                found.append(Source(str(f), rel, kind, comp))
    found.sort(key=lambda s: Path(s.path).parts)
    return found


def _strip(name: str, suffix: str | None) -> str:
    return name[: -len(suffix)] if suffix and name.lower().endswith(suffix) else name


def tree_names(sources: list[Source]) -> None:
    """Give each source a name in the mirrored output tree that no other source shares.

    `a/page.html` becomes `a/page` (written as page.txt and page.json); when two inputs would
    share a name (`page.txt` beside `page.html`, or `page.txt` beside `page.txt.gz`), those keep
    their suffix (`page.html`, `page.txt`), then their compression suffix too, so that no output
    overwrites another. Names are compared ignoring case, as some file systems do.
    """
    def plain(s: Source) -> str:
        stem, ext = os.path.splitext(_strip(s.rel, s.compression))
        return stem if ext else _strip(s.rel, s.compression)

    for s in sources:
        s.tree = plain(s)
    for step in (lambda s: _strip(s.rel, s.compression), lambda s: s.rel):
        count: dict[str, int] = {}
        for s in sources:
            count[s.tree.lower()] = count.get(s.tree.lower(), 0) + 1
        for s in sources:
            if count[s.tree.lower()] > 1:
                s.tree = step(s)


def _fsspec_sources(url: str, globs: list[str]) -> list[Source]:
    try:
        import fsspec
    except ImportError as e:  # pragma: no cover - fsspec ships with most installs
        raise InputError(f"{url}: reading URLs needs fsspec (pip install fsspec)") from e
    fs, root = fsspec.core.url_to_fs(url)
    proto = url.split("://", 1)[0]
    if fs.isdir(root):
        out = []
        for f in sorted(fs.find(root)):
            rel = f[len(root):].lstrip("/")
            kind, comp = classify(f)
            if kind and _matches(rel, globs):
                out.append(Source(f"{proto}://{f}", rel, kind, comp, fs.size(f) or 0))
        return out
    if not fs.exists(root):
        raise InputError(f"no such file or folder: {url}")
    kind, comp = classify(root)
    return [Source(url, root.rsplit("/", 1)[-1], kind or "text", comp, fs.size(root) or 0)]


class _Counting(io.RawIOBase):
    """Wraps a binary stream and counts the bytes read (compressed position, for progress)."""

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw = raw
        self.pos = 0

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        n = self.raw.readinto(b)  # type: ignore[attr-defined]
        self.pos += n or 0
        return n or 0

    def close(self) -> None:
        self.raw.close()
        super().close()


class _Zstd(io.RawIOBase):
    """A zstd stream of one or more frames, decompressed; one cut off inside a frame raises
    EOFError at its end, as a truncated gzip does (zstandard's `stream_reader` ends quietly there,
    and the documents cut off would be lost unreported).

    Compressed bytes go in a small chunk at a time, so that even a stream that decompresses a
    thousandfold yields a bounded amount at once.
    """

    CHUNK = 8192

    def __init__(self, raw: IO[bytes]) -> None:
        import zstandard

        self.raw = raw
        self._new = zstandard.ZstdDecompressor().decompressobj
        self._d = self._new()
        self._in_frame = False  # the current frame has begun and not ended
        self._out = b""
        self._at = 0

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        while self._at >= len(self._out):
            chunk = self.raw.read(self.CHUNK)
            if not chunk:
                if self._in_frame:
                    raise EOFError("zstd stream cut off inside a frame (truncated file)")
                return 0
            self._out, self._at = self._decompress(chunk), 0
        n = min(len(b), len(self._out) - self._at)
        b[:n] = self._out[self._at:self._at + n]
        self._at += n
        return n

    def _decompress(self, chunk: bytes) -> bytes:
        out = []
        while chunk:
            if self._d.eof:
                self._d = self._new()
            out.append(self._d.decompress(chunk))
            self._in_frame = not self._d.eof
            chunk = self._d.unused_data if self._d.eof else b""
        return b"".join(out)

    def close(self) -> None:
        self.raw.close()
        super().close()


def _open_raw(src: Source) -> IO[bytes]:
    if src.path == "-":
        return sys.stdin.buffer
    if _is_url(src.path):
        import fsspec

        return fsspec.open(src.path, "rb").open()
    return open(src.path, "rb")


def open_source(src: Source) -> tuple[IO[bytes], _Counting]:
    """A decompressed binary stream for the source, and the counter of raw bytes read."""
    counter = _Counting(_open_raw(src))
    raw: IO[bytes] = io.BufferedReader(counter, buffer_size=1 << 20)
    if src.compression == ".gz":
        return gzip.GzipFile(fileobj=raw, mode="rb"), counter  # type: ignore[return-value]
    if src.compression == ".zst":
        return io.BufferedReader(_Zstd(raw), buffer_size=1 << 20), counter
    if src.compression == ".bz2":
        import bz2

        return bz2.BZ2File(raw), counter  # type: ignore[return-value]
    return raw, counter


# An id usable as a file name as it is; not one starting with a dot (".", "..", hidden files).
_SAFE_NAME = re.compile(r"^(?!\.)[\w.\-]{1,120}$")


def _record_rel(src: Source, n: int) -> str:
    """Name of a record from a multi-document file in the mirrored tree: <file's tree name>/<n>.

    `parse_record` puts the record's id in place of the number when it makes a safe file name.
    """
    return f"{src.tree}/{n:08d}"


def read_jsonl(src: Source, max_bytes: int, stream: IO[bytes] | None = None,
               counter: _Counting | None = None, pos: list[int] | None = None) -> Iterator[Item]:
    """One item per non-blank line; a line longer than `max_bytes` is skipped unread, as an error."""
    if stream is None:
        stream, counter = open_source(src)

    def before_line() -> None:
        if pos is not None and counter is not None:
            pos[0] = counter.pos

    for n, line, size in numbered_lines(stream, max_bytes, before_line):
        if line is None:
            yield Item(src.path, n, None, "record", rel=_record_rel(src, n), error=too_long(size, max_bytes))
        else:
            yield Item(src.path, n, line, "record", rel=_record_rel(src, n))


def numbered_lines(f: IO[bytes], max_bytes: int, before_line: Callable[[], None] | None = None,
                   ) -> Iterator[tuple[int, bytes | None, int]]:
    """`(line number, line, size)` for each non-blank line of a binary stream, split at b"\\n" only.

    A line longer than `max_bytes` comes as `(n, None, size)`, skipped without being held: a
    50 MB line costs no 50 MB. `before_line` is called before each line is read (the resume
    bookkeeping notes the stream's position there).
    """
    n = 0
    while True:
        if before_line is not None:
            before_line()
        line = f.readline(max_bytes + 1)
        if not line:
            return
        n += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            skipped = len(line)
            while True:  # skip the rest of the line without holding it
                chunk = f.readline(1 << 20)
                skipped += len(chunk)
                if not chunk or chunk.endswith(b"\n"):
                    break
            yield n, None, skipped
        elif line.strip():
            yield n, line, len(line)


def too_long(size: int, max_bytes: int) -> str:
    """The error of a line or document over the size limit."""
    return f"line too long: {size} bytes (limit --max-doc-bytes {max_bytes})"


def read_whole(src: Source, max_bytes: int) -> Iterator[Item]:
    """A file that is one document (.txt, .html): its bytes, unless it is too large."""
    fmt = "html" if src.kind == "html" else ("text" if src.kind == "text" else None)
    rel = src.rel
    if src.compression and rel.lower().endswith(src.compression):
        rel = rel[: -len(src.compression)]
    tree = src.tree
    if src.size > max_bytes and not src.compression:
        yield Item(src.path, 1, None, format=fmt, rel=rel, tree=tree,
                   error=f"document too large: {src.size} bytes (limit --max-doc-bytes {max_bytes})")
        return
    f, _ = open_source(src)
    with f:
        data = f.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield Item(src.path, 1, None, format=fmt, rel=rel, tree=tree,
                   error=f"document too large: over {max_bytes} bytes (limit --max-doc-bytes)")
        return
    yield Item(src.path, 1, data, format=fmt, rel=rel, tree=tree)


def read_json(src: Source, max_bytes: int) -> Iterator[Item]:
    """A .json file: one record (an object) or a list of records."""
    f, _ = open_source(src)
    with f:
        data = f.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield Item(src.path, 1, None, "record", error=f"JSON file too large: over {max_bytes} bytes (limit --max-doc-bytes)")
        return
    if not data.strip():
        return  # an empty file holds no records (as an empty JSON-lines file)
    try:
        obj = json.loads(decode(data))
    except (ValueError, InputError) as e:
        yield Item(src.path, 1, None, "record", rel=_record_rel(src, 1), error=f"malformed JSON: {e}")
        return
    records = obj if isinstance(obj, list) else [obj]
    for n, rec in enumerate(records, 1):
        item = Item(src.path, n, None, "record", rel=_record_rel(src, n), unit="record" if isinstance(obj, list) else "line")
        if isinstance(rec, Mapping):
            item.fields = dict(rec)
        else:
            item.error = f"record is a JSON {type(rec).__name__}, not an object"
        yield item


def read_warc(src: Source, max_bytes: int) -> Iterator[Item]:
    """HTML response records of a WARC file (warcio streams it, gzipped or not)."""
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError as e:  # pragma: no cover
        raise InputError("reading WARC files needs warcio (pip install warcio)") from e
    raw = _open_raw(src)
    with raw:
        n = 0
        for rec in ArchiveIterator(raw):
            n += 1
            if rec.rec_type != "response" or rec.http_headers is None:
                continue
            ctype = (rec.http_headers.get_header("Content-Type") or "").lower()
            if "html" not in ctype:
                continue
            url = rec.rec_headers.get_header("WARC-Target-URI")
            rid = rec.rec_headers.get_header("WARC-Record-ID")
            data = rec.content_stream().read(max_bytes + 1)
            item = Item(src.path, n, data, format="html", url=url, id=rid,
                        rel=_record_rel(src, n), unit="record")
            if len(data) > max_bytes:
                item.data, item.error = None, f"record too large: over {max_bytes} bytes (limit --max-doc-bytes)"
            yield item


def read_stdin(src: Source, max_bytes: int) -> Iterator[Item]:
    """Standard input: JSON lines when it starts with '{', else one document."""
    f = sys.stdin.buffer
    if not hasattr(f, "peek"):
        f = io.BufferedReader(f)  # type: ignore[arg-type]
    peek = f.peek(64)[:64]
    if peek.removeprefix(b"\xef\xbb\xbf").lstrip()[:1] == b"{":
        yield from read_jsonl(src, max_bytes, stream=f)
        return
    data = f.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield Item("-", 1, None, error=f"document too large: over {max_bytes} bytes (limit --max-doc-bytes)")
    else:
        yield Item("-", 1, data, rel="stdin")


def read_source(src: Source, max_bytes: int = DEFAULT_MAX_DOC_BYTES, pos: list[int] | None = None) -> Iterator[Item]:
    """Items of one source; an error opening or reading it midway becomes an error item.

    `pos[0]`, when given, follows the raw (compressed) bytes read, for a progress bar.
    """
    n_seen = 0
    try:
        if src.kind == "jsonl":
            f, counter = open_source(src)
            with f:
                head = f.peek(8192)[:8192] if hasattr(f, "peek") else b""
                if head.count(b"\x00") > 1:
                    yield Item(src.path, 1, None, "record", error="binary data (NUL bytes), not JSON lines")
                    return
                for item in read_jsonl(src, max_bytes, f, counter, pos):
                    n_seen = item.line
                    yield item
        elif src.kind == "json":
            yield from read_json(src, max_bytes)
        elif src.kind == "warc":
            for item in read_warc(src, max_bytes):
                n_seen = item.line
                yield item
        elif src.kind == "stdin":
            yield from read_stdin(src, max_bytes)
        elif src.kind == "unreadable":
            yield Item(src.path, 1, None, error=src.error)
        else:
            yield from read_whole(src, max_bytes)
    except Exception as e:  # noqa: BLE001
        # A truncated or corrupt gzip, zstd or bz2 stream (zlib.error and ZstdError are not
        # OSErrors), a WARC that is not one, an unreadable file: the rest of this file is lost,
        # the batch goes on with the next.
        yield Item(src.path, n_seen + 1, None, "record", error=f"cannot read: {type(e).__name__}: {e}")


def json_line(data: bytes) -> dict[str, Any]:
    """One JSON-lines record from its bytes; raises InputError when it is not a JSON object.

    Bytes that are not UTF-8 are decoded by detecting their charset, as a text file's are.
    """
    try:
        s = data.decode("utf-8")
    except UnicodeDecodeError:
        s = decode(data)  # legacy charset, or InputError
    s = s.removeprefix("\ufeff")  # a byte-order mark opening the file (Windows tools write one)
    try:
        obj = json.loads(s)
    except ValueError as e:
        raise InputError(f"malformed JSON line: {e}") from None
    if not isinstance(obj, dict):
        raise InputError(f"JSON line is a {type(obj).__name__}, not an object")
    return obj


def parse_record(item: Item, text_field: str, id_field: str, url_field: str) -> None:
    """Fill `fields`, `id`, `url` from a JSON line (in the worker); raises InputError when bad."""
    if item.fields is None:
        item.fields = json_line(item.data or b"")
    rec = item.fields
    if text_field not in rec:
        raise InputError(f"record has no {text_field!r} field (see --text-field)")
    if not isinstance(rec[text_field], str):
        raise InputError(f"field {text_field!r} is {type(rec[text_field]).__name__}, not a string")
    if rec.get(id_field) is not None:
        item.id = str(rec[id_field])
        if item.kind == "record" and "/" in item.rel and _SAFE_NAME.match(item.id):
            item.rel = item.rel.rsplit("/", 1)[0] + "/" + item.id
    if isinstance(rec.get(url_field), str):
        item.url = rec[url_field]
    if item.format is None and isinstance(rec.get("format"), str):
        item.format = rec["format"]
