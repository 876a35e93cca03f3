"""Clean on Ray Data: a `ray.data.Dataset` in memory, or JSON-lines/Parquet files to a folder.

`clean_dataset(ds)` maps batches (pandas or pyarrow) through an actor pool: each actor receives
one pickled `Cleaner` that carries the user's rule files as text, so it compiles its rules once
and needs no rule folder on the worker's disk. `run_clean(inputs, output_dir)` is what
`cleaner clean --engine ray` runs: it reads records through `ray.data`, cleans them, and writes
JSON-lines files whose records are exactly those of the local command (`records.to_record`).

Ray is an optional extra: `pip install 'cleaner[ray]'`.
"""

from __future__ import annotations

import io
import json
import os
import posixpath
import sys
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import CleanerError, InputError
from ..io.readers import DEFAULT_MAX_DOC_BYTES, json_line, numbered_lines, too_long
from . import (
    MissingExtra,
    RuleTexts,
    cached_cleaner,
    clean_record,
    flat_metadata,
    metadata_fields,
    require,
    rule_texts,
)

EXTRA = "ray"
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".jsonl.zst", ".json", ".json.gz", ".ndjson")
PARQUET_SUFFIXES = (".parquet",)
# Failures of one document (bad input, unsupported format): reported, the run goes on.
DOC_ERRORS = (CleanerError, NotImplementedError, ValueError, TypeError, UnicodeError)


def _ray():
    require("ray.data", EXTRA)
    import ray

    return ray


# --- a Dataset in, a Dataset out ---------------------------------------------------------------
# The batch functions get the rule files as text and take their Cleaner from a per-process cache:
# a Ray worker process builds it once and reuses it for every batch it is given. (Plain functions,
# not actors: Ray fuses read -> clean -> write into one task, and no actor holds a CPU idle.)


def clean_batch(batch: Any, *, rules: RuleTexts | None, text_field: str, id_field: str,
                url_field: str, fields: Sequence[str], prefix: str) -> Any:
    """Clean one pandas or pyarrow batch: `text_field` cleaned, one `<prefix><field>` column per
    metadata field (None where a document has none), the other columns as they were."""
    cleaner = cached_cleaner(rules)
    kw = {"text_field": text_field, "id_field": id_field, "url_field": url_field}
    rows, build = _rows_of(batch)
    out = []
    for row in rows:
        rec = clean_record(cleaner, row, **kw)
        new = dict(row)
        new[text_field] = rec[text_field]
        new.update(flat_metadata(rec["metadata"], tuple(fields), prefix))
        out.append(new)
    return build(out)


def _rows_of(batch: Any):
    """Rows of a pandas DataFrame or a pyarrow Table, and a function that builds the same kind."""
    import pyarrow as pa

    if isinstance(batch, pa.Table):
        return batch.to_pylist(), pa.Table.from_pylist
    import pandas as pd

    if isinstance(batch, pd.DataFrame):
        return batch.to_dict("records"), pd.DataFrame.from_records
    raise TypeError(f"expected a pandas or pyarrow batch, not {type(batch).__name__}")


def clean_dataset(
    ds: Any,
    rules: Any = None,
    *,
    text_field: str = "text",
    id_field: str = "id",
    url_field: str = "url",
    batch_format: str = "pandas",
    batch_size: int | None = 256,
    concurrency: int | None = None,
    fields: Sequence[str] | None = None,
    prefix: str = "meta_",
) -> Any:
    """Clean the `text_field` column of a `ray.data.Dataset`; metadata becomes `meta_*` columns.

    `rules` is what `Cleaner(rules=...)` takes, or a `Cleaner`: its rule files are read here and
    travel to the workers as text, where each worker process builds its Cleaner once.
    """
    _ray()
    if batch_format not in ("pandas", "pyarrow"):
        raise ValueError("batch_format must be 'pandas' or 'pyarrow'")
    texts = rule_texts(rules)
    if fields is None:
        fields = metadata_fields(cached_cleaner(texts))  # also validates the rules here, early
    return ds.map_batches(
        clean_batch,
        fn_kwargs={
            "rules": texts, "text_field": text_field, "id_field": id_field,
            "url_field": url_field, "fields": tuple(fields), "prefix": prefix,
        },
        batch_format=batch_format,
        batch_size=batch_size,
        concurrency=concurrency,
    )


# --- files in, JSON-lines files out (`cleaner clean --engine ray`) -----------------------------


def clean_to_lines(batch: Any, *, rules: RuleTexts | None, source: str, text_field: str,
                   id_field: str, url_field: str) -> Any:
    """Input records (raw JSON lines with their file and line number, or Parquet rows with their
    file and row number) to output lines.

    Returns a pyarrow table: `line` (the output record as JSON; null on failure) and `error` (the
    errors-file record of the local command: file and line (or row) where known, id, message).
    """
    import pyarrow as pa

    cleaner = cached_cleaner(rules)
    kw = {"text_field": text_field, "id_field": id_field, "url_field": url_field}
    lines: list[str | None] = []
    errors: list[str | None] = []
    if source == "jsonl":
        cols = batch.column
        items: Any = zip(cols("raw").to_pylist(), cols("file").to_pylist(), cols("line").to_pylist(),
                         cols("refusal").to_pylist(), strict=True)
        where = "line"
    else:
        items = ((row, row.pop(_FILE_COL, None), row.pop(_ROW_COL, None), None) for row in batch.to_pylist())
        where = "row"
    for item, path, line_no, refusal in items:
        rid = None
        try:
            if refusal is not None:
                raise InputError(refusal)
            if source == "jsonl":
                item = json_line(item)
            rid = item.get(id_field)
            rec = clean_record(cleaner, item, **kw)
            lines.append(json.dumps(rec, ensure_ascii=False, default=str))
            errors.append(None)
        except DOC_ERRORS as e:
            lines.append(None)
            err: dict[str, Any] = {"file": path, where: line_no} if path is not None else {}
            err["id"] = None if rid is None else str(rid)
            err["error"] = str(e)
            errors.append(json.dumps(err, ensure_ascii=False))
    return pa.table({"line": pa.array(lines, pa.string()), "error": pa.array(errors, pa.string())})


# Lines a block of `_line_source_class` holds at most (a block is also cut at about 64 MB).
_BLOCK_LINES = 1024
_BLOCK_BYTES = 64 << 20


def _line_source_class():
    from ray.data.datasource import FileBasedDatasource

    class JsonLinesSource(FileBasedDatasource):
        """JSON-lines files as rows of (raw line bytes, file, line number, refusal), streamed.

        Ray's own `read_text` decodes a whole file at once, so one undecodable byte anywhere
        fails the whole run, and it splits at every Unicode line boundary, so a record holding
        U+2028 or U+0085 (valid inside a JSON string, common in scraped text) falls apart. This
        reader splits lines as the local command does (`readers.numbered_lines`: at b"\\n" only,
        a line over `max_bytes` skipped unread and reported), and leaves decoding to each record,
        where a failure is that record's error with its file and line. `refusal` is null, or the
        reader's reason for not reading the line (it is longer than `max_bytes`).
        """

        def __init__(self, paths: list[str], max_bytes: int) -> None:
            super().__init__(paths)
            self.max_bytes = max_bytes

        def _read_stream(self, f, path: str):  # noqa: ANN001, ANN202 - Ray's signature
            import pyarrow as pa

            rows: list[tuple[bytes | None, int, str | None]] = []
            size = 0

            def block():  # noqa: ANN202
                raws, nos, errs = zip(*rows, strict=True)
                return pa.table({"raw": pa.array(raws, pa.binary()),
                                 "file": pa.array([path] * len(rows), pa.string()),
                                 "line": pa.array(nos, pa.int64()),
                                 "refusal": pa.array(errs, pa.string())})

            for n, raw, got in numbered_lines(io.BufferedReader(f), self.max_bytes):
                rows.append((raw, n, None if raw is not None else too_long(got, self.max_bytes)))
                size += len(raw or b"")
                if len(rows) >= _BLOCK_LINES or size >= _BLOCK_BYTES:
                    yield block()
                    rows, size = [], 0
            if rows:
                yield block()

    return JsonLinesSource


# The columns a Parquet row's file and row number travel in, beside the record's own columns
# (taken off before the record is cleaned, so the output record is the row as it was).
_FILE_COL = "__cleaner_file"
_ROW_COL = "__cleaner_row"


def _parquet_source_class():
    from ray.data.datasource import FileBasedDatasource

    class ParquetRowsSource(FileBasedDatasource):
        """Parquet files as their rows, each with its file and row number (1 for the file's
        first row), so that a row that fails is reported where it is, as a JSON line is by
        file and line: Ray's own `read_parquet` gives a row no position. Read a record batch at
        a time (at most `_BLOCK_LINES` rows)."""

        _FILE_EXTENSIONS = ["parquet"]

        def _open_input_source(self, filesystem, path: str, **open_args):  # noqa: ANN001, ANN202
            return filesystem.open_input_file(path)  # Parquet needs random access (its footer)

        def _read_stream(self, f, path: str):  # noqa: ANN001, ANN202 - Ray's signature
            import pyarrow as pa
            import pyarrow.parquet as pq

            first = 1
            for batch in pq.ParquetFile(f).iter_batches(batch_size=_BLOCK_LINES):
                table = pa.Table.from_batches([batch])
                n = table.num_rows
                table = table.append_column(_FILE_COL, pa.array([path] * n, pa.string()))
                yield table.append_column(_ROW_COL, pa.array(range(first, first + n), pa.int64()))
                first += n

    return ParquetRowsSource


def _sink_class():
    from ray.data.block import BlockAccessor
    from ray.data.datasource import BlockBasedFileDatasink

    class JsonLinesSink(BlockBasedFileDatasink):
        """Writes the `line` column as a JSON-lines file per write task; returns the errors."""

        def __init__(self, path: str) -> None:
            super().__init__(path, file_format="jsonl")
            self.errors: list[dict[str, Any]] = []
            self.written = 0

        def write(self, blocks, ctx):  # noqa: ANN001 - Ray's signature
            import pyarrow as pa
            import pyarrow.compute as pc

            tables = [BlockAccessor.for_block(b).to_arrow() for b in blocks]
            tables = [t for t in tables if t.num_rows]
            if not tables:
                return {"errors": [], "written": 0}
            table = pa.concat_tables(tables)
            errors = [json.loads(e) for e in table.column("error").to_pylist() if e is not None]
            good = table.filter(pc.is_valid(table.column("line")))
            if good.num_rows:
                self.write_block(BlockAccessor.for_block(good), 0, ctx)
            return {"errors": errors, "written": good.num_rows}

        def write_block_to_file(self, block, file):  # noqa: ANN001 - Ray's signature
            lines = block.to_arrow().column("line").to_pylist()
            file.write(("\n".join(lines) + "\n").encode("utf-8"))

        def on_write_complete(self, write_result):  # noqa: ANN001 - Ray's signature
            for r in write_result.write_returns:
                if r:
                    self.errors.extend(r["errors"])
                    self.written += r["written"]

    return JsonLinesSink


@dataclass
class RunReport:
    """What `run_clean` did: documents written, documents that failed (file and line for JSON
    lines, file and row for Parquet, id, message: the local command's errors-file records),
    files written."""

    written: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)
    files: list[str] = field(default_factory=list)


def _split_inputs(inputs: Sequence[str]) -> tuple[list[str], list[str]]:
    """JSON-lines and Parquet paths among the inputs; local folders are walked here."""
    jsonl: list[str] = []
    parquet: list[str] = []

    def add(p: str) -> bool:
        low = p.lower()
        if low.endswith(PARQUET_SUFFIXES):
            parquet.append(p)
        elif low.endswith(JSONL_SUFFIXES):
            jsonl.append(p)
        else:
            return False
        return True

    for raw in inputs:
        p = str(raw)
        if "://" in p:  # s3://, gs://, ...: the file kind comes from the name
            if not add(p):
                raise InputError(f"{p}: give JSON-lines (.jsonl[.gz]) or Parquet files by name for remote paths")
            continue
        if os.path.isdir(p):
            found = False
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    if not f.startswith(".") and add(os.path.abspath(os.path.join(root, f))):
                        found = True
            if not found:
                raise InputError(f"{p}: no .jsonl, .jsonl.gz or .parquet files in this folder")
        elif os.path.isfile(p):
            if not add(os.path.abspath(p)):
                raise InputError(f"{p}: --engine ray reads JSON lines (.jsonl, .jsonl.gz) or Parquet (.parquet)")
        else:
            raise InputError(f"no such file or folder: {p}")
    return jsonl, parquet


def _filesystem(output_dir: str):
    import pyarrow.fs as pafs

    target = output_dir if "://" in output_dir else os.path.abspath(output_dir)
    fs, path = pafs.FileSystem.from_uri(target if "://" in target else "file://" + target)
    return fs, path, target


def init(address: str | None = None, num_cpus: int | None = None) -> Any:
    """Connect to a Ray cluster (`address`: "auto", "ray://host:10001", host:port) or start a
    local one (no dashboard: it would try to reach the network). Reuses a running session."""
    ray = _ray()
    if not ray.is_initialized():
        if address:  # an existing cluster: its own settings apply
            ray.init(address=address)
        else:
            ray.init(num_cpus=num_cpus, include_dashboard=False, log_to_driver=False)
    return ray


def run_clean(
    inputs: Sequence[str],
    output_dir: str,
    *,
    rules: Any = None,
    address: str | None = None,
    num_cpus: int | None = None,
    text_field: str = "text",
    id_field: str = "id",
    url_field: str = "url",
    concurrency: int | None = None,
    batch_size: int = 256,
    max_doc_bytes: int = DEFAULT_MAX_DOC_BYTES,
) -> RunReport:
    """Clean JSON-lines/Parquet `inputs` on Ray into JSON-lines files in the folder `output_dir`.

    Rule folders are read here and shipped to the workers as text. On a cluster, the inputs and
    `output_dir` must be paths every node sees (a shared filesystem) or object-store URIs
    (s3://...). The files appear in `output_dir` only when the whole run has succeeded: Ray
    writes them to a hidden staging folder first, then they are moved in. A JSON line longer
    than `max_doc_bytes` is reported as an error without being read, as the local command does.
    """
    _ray()  # a missing extra is the first thing to say
    jsonl, parquet = _split_inputs(inputs)
    texts = rule_texts(rules)  # read the rule files here: workers may not have them
    cached_cleaner(texts)  # validate them before Ray starts: a broken rule file stops the run now
    fs, out_path, target = _filesystem(str(output_dir))
    import pyarrow.fs as pafs

    info = fs.get_file_info(out_path)
    if info.type == pafs.FileType.File:
        raise InputError(f"{output_dir} is a file; -o names a folder for --engine ray")
    if info.type == pafs.FileType.Directory:
        existing = [i for i in fs.get_file_info(pafs.FileSelector(out_path)) if i.base_name.endswith(".jsonl")]
        if existing:
            raise InputError(
                f"{output_dir} already holds .jsonl files (e.g. {existing[0].base_name}); "
                "give a new or empty output folder"
            )
    ray = init(address, num_cpus)
    kw = {"rules": texts, "text_field": text_field, "id_field": id_field, "url_field": url_field}
    parts = []
    if jsonl:
        ds = ray.data.read_datasource(_line_source_class()(jsonl, max_doc_bytes))
        parts.append(ds.map_batches(
            clean_to_lines, fn_kwargs={"source": "jsonl", **kw},
            batch_format="pyarrow", batch_size=batch_size, concurrency=concurrency,
        ))
    if parquet:
        ds = ray.data.read_datasource(_parquet_source_class()(parquet))
        parts.append(ds.map_batches(
            clean_to_lines, fn_kwargs={"source": "rows", **kw},
            batch_format="pyarrow", batch_size=batch_size, concurrency=concurrency,
        ))
    out = parts[0] if len(parts) == 1 else parts[0].union(*parts[1:])

    staging = posixpath.join(out_path, f".cleaner-staging-{uuid.uuid4().hex[:12]}")
    staging_target = target.rstrip("/") + "/" + posixpath.basename(staging)
    sink = _sink_class()(staging_target)
    try:
        out.write_datasink(sink)
        report = RunReport(written=sink.written, errors=sink.errors)
        try:
            staged = [i for i in fs.get_file_info(pafs.FileSelector(staging)) if i.base_name.endswith(".jsonl")]
        except FileNotFoundError:
            staged = []
        for i in sorted(staged, key=lambda i: i.base_name):
            dest = posixpath.join(out_path, i.base_name)
            fs.move(i.path, dest)  # a rename on local and shared filesystems
            report.files.append(dest)
    finally:
        try:
            fs.delete_dir(staging)
        except (FileNotFoundError, OSError):
            pass
    return report


def print_errors(report: RunReport, limit: int = 20) -> None:
    """Print the failed documents (as the local command does) on stderr."""
    for e in report.errors[:limit]:
        if e.get("file") and "row" in e:  # a Parquet row
            where = f"{e['file']} (row {e['row']})"
        else:
            where = f"{e['file']}:{e['line']}" if e.get("file") else (e.get("id") or "?")
        print(f"cleaner: {where}: {e['error']}", file=sys.stderr)
    if len(report.errors) > limit:
        print(f"cleaner: ... and {len(report.errors) - limit} more", file=sys.stderr)


__all__ = ["MissingExtra", "RunReport", "clean_batch", "clean_dataset", "init", "run_clean"]
