"""Readers: one per format, streaming, every item knows its file and line."""

from __future__ import annotations

import gzip
import json

import pytest

from cleaner.errors import InputError
from cleaner.io.readers import classify, find_sources, parse_record, read_source


def _items(path, **kw):
    return [it for s in find_sources([path]) for it in read_source(s, **kw)]


def test_classify_by_suffix():
    assert classify("x/A.JSONL.GZ") == ("jsonl", ".gz")
    assert classify("a.htm") == ("html", None)
    assert classify("a.warc") == ("warc", None)
    assert classify("notes.md") == (None, None)


def test_jsonl_lines_are_numbered_and_blank_lines_skipped(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text('{"id": 1, "text": "one"}\n\n{"id": 2, "text": "two", "extra": [1]}\n')
    items = _items(p)
    assert [it.line for it in items] == [1, 3]
    parse_record(items[1], "text", "id", "url")
    assert items[1].id == "2" and items[1].fields["extra"] == [1]


def test_long_line_is_an_error_and_reading_goes_on(tmp_path):
    p = tmp_path / "a.jsonl.gz"
    with gzip.open(p, "wb") as f:
        f.write(json.dumps({"text": "x" * 5000}).encode() + b"\n")
        f.write(b'{"text": "short"}\n')
    items = _items(p, max_bytes=1000)
    assert items[0].error and "line too long" in items[0].error and items[0].data is None
    assert items[1].line == 2 and items[1].error is None


def test_truncated_gzip_is_an_error_item(tmp_path):
    p = tmp_path / "cut.jsonl.gz"
    data = gzip.compress(b"".join(json.dumps({"text": f"doc {i}"}).encode() + b"\n" for i in range(2000)))
    p.write_bytes(data[: len(data) // 2])
    items = _items(p)
    assert items[-1].error and "cannot read" in items[-1].error
    assert all(it.error is None for it in items[:-1]) and len(items) > 1


def test_truncated_or_corrupt_zstd_is_an_error_item(tmp_path):
    zstandard = pytest.importorskip("zstandard")
    lines = [json.dumps({"text": f"doc {i}"}).encode() + b"\n" for i in range(6)]
    z = zstandard.ZstdCompressor()
    first, second = z.compress(b"".join(lines[:3])), z.compress(b"".join(lines[3:]))
    whole = tmp_path / "whole.jsonl.zst"
    whole.write_bytes(first + second)  # two frames, as cleaner's own .zst outputs are written
    assert [it.line for it in _items(whole)] == [1, 2, 3, 4, 5, 6]
    cut = tmp_path / "cut.jsonl.zst"
    cut.write_bytes(first + second[: len(second) // 2])  # cut off inside the second frame
    items = _items(cut)
    assert [it.line for it in items] == [1, 2, 3, 4] and all(it.error is None for it in items[:3])
    assert "cannot read: EOFError" in items[3].error and "truncated" in items[3].error
    bad = tmp_path / "bad.jsonl.zst"
    bad.write_bytes(b"this is not zstd at all\n" * 10)
    (item,) = _items(bad)
    assert item.line == 1 and "cannot read: ZstdError" in item.error


def test_json_file_with_a_list_of_records(tmp_path):
    p = tmp_path / "a.json"
    p.write_text(json.dumps([{"text": "a"}, "not an object", {"text": "b"}]))
    items = _items(p)
    assert [it.line for it in items] == [1, 2, 3] and items[1].error and items[0].unit == "record"


def test_record_without_text_field_is_refused(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text('{"body": "x"}\n')
    (item,) = _items(p)
    with pytest.raises(InputError, match="--text-field"):
        parse_record(item, "text", "id", "url")


def test_missing_path_is_a_clear_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        find_sources([tmp_path / "nope"])


def test_byte_order_mark_opening_a_jsonl_file_is_no_error(tmp_path):
    p = tmp_path / "excel-export.jsonl"
    p.write_bytes(b'\xef\xbb\xbf{"id": "a", "text": "one"}\n{"id": "b", "text": "two"}\n')
    items = _items(p)
    for it in items:
        parse_record(it, "text", "id", "url")
    assert [(it.id, it.fields["text"]) for it in items] == [("a", "one"), ("b", "two")]


def test_a_file_given_twice_is_read_once(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("one")
    (tmp_path / "in" / "b.txt").write_text("two")
    (tmp_path / "link.txt").symlink_to(tmp_path / "in" / "b.txt")
    sources = find_sources([tmp_path / "in", tmp_path / "in" / "a.txt", tmp_path / "link.txt"])
    assert [s.rel for s in sources] == ["a.txt", "b.txt"]
