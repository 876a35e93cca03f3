"""Batch cleaning: readers -> worker processes -> writers, in input order, resumable.

The main process reads items and hands them out in batches; each worker builds its `Cleaner`
once and returns, per batch, the finished output bytes (JSON lines, already compressed as one
gzip/zstd member when the output asks for it), the errors, and per-rule counts. The main process
only appends bytes, in input order (`Pool.imap`), with at most a few batches in flight, so memory
does not grow with the input.

Resume: JSON-lines outputs and the errors file are written as `<name>.partial`; after each batch
(at most once a second) both are fsync'd and `<output>.progress.json` records how many input
items are done and the byte length of each file at that point. A run killed at any moment (Ctrl-C
or kill -9) is continued with `resume=True`: the partial files are cut back to the recorded
lengths and reading skips the finished items, so no document is lost or written twice. A
mirrored tree output needs no cutting (each file in it is written atomically), but the names it
gave to records are kept the same way (`_TreeNames`), so a resumed run names the rest alike.
"""

from __future__ import annotations

import gc
import hashlib
import json
import multiprocessing as mp
import os
import signal
import sys
import threading
import time
import traceback
from collections import Counter, deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .api import Cleaner
from .errors import CleanerError, InputError
from .io.readers import DEFAULT_MAX_DOC_BYTES, Item, Source, parse_record, read_source
from .io.writers import (
    ResumableFile,
    atomic_write_text,
    compress_member,
    partial_path,
    remove_stale_temps,
    render_tree_record,
    write_tree_files,
    write_tree_record,
)
from .records import to_record

JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".jsonl.zst", ".ndjson", ".ndjson.gz")
BATCH_DOCS = 64
BATCH_BYTES = 4 << 20
# How often the output is fsync'd and the progress file rewritten (also the most work a kill loses).
CHECKPOINT_SECONDS = float(os.environ.get("CLEANER_CHECKPOINT_SECONDS", "1"))


@dataclass
class BatchOptions:
    """What a batch run does; everything but the cleaner itself (which workers build once)."""

    output: str | None = None  # None: text to stdout; "-": JSON lines to stdout; *.jsonl[.gz]: file; else a folder
    jobs: int = 0  # 0: all cores
    text_field: str = "text"
    id_field: str = "id"
    url_field: str = "url"
    url: str | None = None
    site: str | None = None
    format: str | None = None
    explain: bool = False
    with_removed: bool = False
    max_doc_bytes: int = DEFAULT_MAX_DOC_BYTES
    errors: str | None = None  # default: <output>.errors.jsonl
    report: str | None = None
    resume: bool = False
    progress: bool = False
    headers: bool = False  # "== name" before each document's text on stdout

    @property
    def mode(self) -> str:
        if self.output is None:
            return "text"
        if self.output == "-":
            return "stdout-jsonl"
        if self.output.lower().endswith(JSONL_SUFFIXES):
            return "jsonl"
        return "tree"


@dataclass
class Stats:
    """Counts for the summary and the report; survives a resume through the progress file."""

    documents: int = 0
    cleaned: int = 0
    failed: int = 0
    removed_lines: Counter = field(default_factory=Counter)

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "cleaned": self.cleaned,
            "failed": self.failed,
            "removed_lines_by_rule": dict(self.removed_lines.most_common()),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Stats:
        return cls(d["documents"], d["cleaned"], d["failed"], Counter(d["removed_lines_by_rule"]))


@dataclass
class BatchOut:
    """What a worker returns for one batch."""

    n: int
    out: bytes = b""
    display: list[str] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)
    cleaned: int = 0
    removed: Counter = field(default_factory=Counter)
    # Tree mode, records of multi-document files: (name, line, text, metadata JSON), written by
    # the main process, which alone sees every name and so can keep two equal ids apart.
    tree: list[tuple[str, int, str, str]] = field(default_factory=list)


class _TreeNames:
    """Names given to records in the output tree: a repeated id gets `~<line>` added.

    Two records of one JSON-lines file with the same id (or an id equal to another record's
    line-number name, or one differing only in case) would otherwise write the same file, and
    the first would be lost. Only an 8-byte digest of each name is kept, so memory stays small
    on a file of millions of records. (`~` cannot occur in an id-derived name, so the new name
    is free.) The digests are also
    appended to `log` (`<output>.names.partial`), checkpointed with the rest of the run's state:
    a resumed run reads back the names given before the interruption and so names every later
    record as an uninterrupted run would.
    """

    WIDTH = 8

    def __init__(self, log: ResumableFile) -> None:
        self.log = log
        with open(log.partial, "rb") as f:
            known = f.read(log.written)
        self._seen = {known[i:i + self.WIDTH] for i in range(0, len(known), self.WIDTH)}

    @classmethod
    def _digest(cls, name: str) -> bytes:
        return hashlib.blake2b(name.encode("utf-8"), digest_size=cls.WIDTH).digest()

    def claim(self, name: str, line: int) -> str:
        key = self._digest(name.lower())  # "ABC" and "abc" are one file on some file systems
        if key in self._seen:
            name = f"{name}~{line}"
            key = self._digest(name.lower())
        self._seen.add(key)
        self.log.write(key)
        return name


# ---------------------------------------------------------------- worker side

_worker: dict[str, Any] = {}


def _init_worker(cleaner: Cleaner, opts: BatchOptions, in_pool: bool) -> None:
    if in_pool:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the main process decides when to stop
    _worker["cleaner"] = cleaner
    _worker["opts"] = opts


def _locate(item: Item, exc: BaseException) -> int:
    """Line number of the first NUL or non-UTF-8 byte of a whole-file document, else its line."""
    data = item.data
    if item.kind != "doc" or not data:
        return item.line
    pos = data.find(b"\x00")
    if pos < 0:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as e:
            pos = e.start
    return data.count(b"\n", 0, pos) + 1 if pos >= 0 else item.line


def _error(item: Item, msg: str, line: int | None = None) -> dict[str, Any]:
    rec: dict[str, Any] = {"file": item.source, item.unit: line or item.line}
    if item.id is not None:
        rec["id"] = item.id
    rec["error"] = msg
    return rec


def process_batch(items: list[Item]) -> BatchOut:
    """Clean a batch in a worker; one bad document becomes an error record, never an exception."""
    cleaner: Cleaner = _worker["cleaner"]
    opts: BatchOptions = _worker["opts"]
    mode = opts.mode
    res = BatchOut(len(items))
    parts: list[str] = []
    for item in items:
        if item.error:
            res.errors.append(_error(item, item.error))
            continue
        try:
            if item.kind == "record":
                parse_record(item, opts.text_field, opts.id_field, opts.url_field)
                content: str | bytes = item.fields[opts.text_field]  # type: ignore[index]
            else:
                content = item.data or b""
            result = cleaner.clean(
                content,
                url=item.url or opts.url,
                format=opts.format or item.format,
                site=opts.site,
                id=item.id if item.id is not None else item.rel,
            )
            if mode in ("jsonl", "stdout-jsonl"):
                rec = to_record(result, item.fields, text_field=opts.text_field,
                                id_field=opts.id_field, with_removed=opts.with_removed)
                parts.append(json.dumps(rec, ensure_ascii=False))
            elif mode == "tree" and item.kind == "record":
                res.tree.append((item.tree or item.rel, item.line, *render_tree_record(result)))
            elif mode == "tree":
                write_tree_record(opts.output, item.tree or item.rel, result)  # type: ignore[arg-type]
        except (CleanerError, NotImplementedError, ValueError, UnicodeError) as e:
            res.errors.append(_error(item, str(e), _locate(item, e)))
            continue
        except Exception as e:  # a bug on one document must not end a million-document run
            tb = traceback.extract_tb(e.__traceback__)[-1]
            res.errors.append(_error(item, f"internal error: {type(e).__name__}: {e} ({Path(tb.filename).name}:{tb.lineno})"))
            continue
        res.cleaned += 1
        for rule, n in result.removed_by_rule().items():
            res.removed[rule] += n
        if opts.explain:
            from .explain import explain

            res.display.append(f"== {item.source if item.kind == 'doc' else item.rel}\n{explain(result)}")
        elif mode == "text":
            name = item.source if item.kind == "doc" else f"{item.source}:{item.line}"
            res.display.append(f"== {name}\n{result.text}" if opts.headers else result.text)
    if parts:
        data = ("\n".join(parts) + "\n").encode("utf-8")
        res.out = compress_member(data, opts.output) if mode == "jsonl" else data  # type: ignore[arg-type]
    return res


# ---------------------------------------------------------------- main side


# The options a resumed run must share with the interrupted one, by the names the CLI gives them.
_RESUME_OPTIONS = {
    "output": "-o", "errors": "--errors", "text_field": "--text-field", "id_field": "--id-field",
    "url_field": "--url-field", "url": "--url", "site": "--site", "format": "--format",
    "with_removed": "--removed", "max_doc_bytes": "--max-doc-bytes",
}


def _run_identity(sources: list[Source], opts: BatchOptions, cleaner: Cleaner) -> dict[str, str]:
    """What must be the same for a resume to continue a run: the inputs, options and rules.

    Each part is kept apart (options by their CLI names, the input files and the rule files'
    texts as digests), so that a refused resume can say which one differs.
    """
    from .ruleset.snapshot import snapshot

    def digest(parts: list[str]) -> str:
        return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogateescape")).hexdigest()[:32]

    ident = {flag: repr(getattr(opts, name)) for name, flag in _RESUME_OPTIONS.items()}
    ident["the input files (names or sizes)"] = digest([f"{s.path}\0{s.size}" for s in sources])
    ident["the rule files"] = digest([f"{t.path}\0{t.text}" for t in snapshot(cleaner.rule_sources)])
    return ident


def _differences(saved: Any, now: dict[str, str]) -> list[str]:
    """What differs between an interrupted run's identity and this run's (all, if unreadable)."""
    if not isinstance(saved, dict):
        return ["the version of cleaner that wrote its progress file"]
    return [k for k, v in now.items() if saved.get(k) != v]


def _items(sources: list[Source], max_bytes: int, skip: int, where: list[Any]) -> Iterator[Item]:
    """Every item in order, skipping the first `skip` (whole files are skipped unread).

    `where` is set to [source index, raw bytes read so far] for the progress bar.
    """
    for k, src in enumerate(sources):
        if skip and src.kind in ("text", "html"):
            skip -= 1
            where[:] = [k + 1, 0]
            continue
        pos = [0]
        for item in read_source(src, max_bytes, pos):
            where[:] = [k, pos[0]]
            if skip:
                skip -= 1
                continue
            yield item
        where[:] = [k + 1, 0]


def _batches(items: Iterator[Item], n_docs: int = BATCH_DOCS, n_bytes: int = BATCH_BYTES) -> Iterator[list[Item]]:
    batch: list[Item] = []
    size = 0
    for item in items:
        batch.append(item)
        size += len(item.data or b"")
        if len(batch) >= n_docs or size >= n_bytes:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


class BatchAborted(CleanerError):
    """The run could not go on (a worker process died); its state is saved for --resume."""


def _ordered(pool: ProcessPoolExecutor, batches: Iterator[list[Item]], window: int,
             stop: threading.Event) -> Iterator[BatchOut]:
    """`process_batch` over batches in the pool, results in input order, at most `window` batches
    in flight (the input is read only as fast as the workers clean it)."""
    pending: deque[Future[BatchOut]] = deque()
    for b in batches:
        pending.append(pool.submit(process_batch, b))
        if len(pending) >= window:
            break
    while pending:
        fut = pending.popleft()
        res = fut.result()
        if not stop.is_set():
            for b in batches:  # keep the workers busy while the main process writes
                pending.append(pool.submit(process_batch, b))
                break
        yield res


def _shutdown(pool: ProcessPoolExecutor, graceful: bool) -> None:
    """Stop the workers; unless `graceful`, now: queued batches dropped, running ones killed."""
    if graceful:
        pool.shutdown(wait=True)
        return
    procs = list((getattr(pool, "_processes", None) or {}).values())
    for p in procs:
        if p.is_alive():
            p.terminate()
    pool.shutdown(wait=False, cancel_futures=True)
    for p in procs:
        p.join(timeout=5)


class Progress:
    """A rich progress bar on stderr (documents, documents/s, ETA by input bytes), or nothing."""

    def __init__(self, enabled: bool, total_bytes: int) -> None:
        self.enabled = enabled
        self._p = None
        if not enabled:
            return
        try:
            import rich  # noqa: F401  (comes with typer; without it, no bar)
        except ImportError:
            return
        from rich.console import Console
        from rich.progress import BarColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn
        from rich.progress import Progress as RichProgress

        self._p = RichProgress(
            TextColumn("[bold]cleaning"), BarColumn(), TextColumn("{task.percentage:>3.0f}%"),
            TextColumn("{task.fields[docs]:,} docs"), TextColumn("{task.fields[rate]:,.0f} docs/s"),
            TextColumn("{task.fields[failed]} failed"), TimeElapsedColumn(), TextColumn("ETA"),
            TimeRemainingColumn(), console=Console(stderr=True), transient=False,
        )
        self._task = self._p.add_task("clean", total=total_bytes or None, docs=0, rate=0.0, failed=0)
        self._t0 = time.perf_counter()
        self._p.start()

    def update(self, done_bytes: int, docs: int, failed: int) -> None:
        if self._p is not None:
            rate = docs / max(time.perf_counter() - self._t0, 1e-9)
            self._p.update(self._task, completed=done_bytes, docs=docs, rate=rate, failed=failed)

    def stop(self) -> None:
        if self._p is not None:
            self._p.stop()


@dataclass
class RunResult:
    stats: Stats
    seconds: float
    interrupted: bool = False
    output: str | None = None
    errors_file: str | None = None
    report: dict[str, Any] = field(default_factory=dict)


def state_paths(opts: BatchOptions) -> tuple[Path | None, Path | None]:
    """(errors file, progress file) for a run's options."""
    if opts.output in (None, "-"):
        return (Path(opts.errors) if opts.errors else None), None
    out = Path(opts.output.rstrip("/"))  # type: ignore[union-attr]
    errors = Path(opts.errors) if opts.errors else out.with_name(out.name + ".errors.jsonl")
    return errors, out.with_name(out.name + ".progress.json")


def _complete(opts: BatchOptions) -> bool:
    """True when `opts.output` was written by a run that finished (it has no progress file)."""
    if opts.mode == "jsonl":
        return Path(opts.output).exists()  # type: ignore[arg-type]
    if opts.mode == "tree":
        return Path(opts.output).is_dir() and any(Path(opts.output).iterdir())  # type: ignore[arg-type]
    return False


def _finish(opts: BatchOptions, state: dict[str, Any], errors_path: Path | None, progress_path: Path) -> None:
    """Do what a run killed after its last batch left undone: put its partial files in place."""
    outputs = [(opts.output if opts.mode == "jsonl" else None, state.get("out_bytes"), True),
               (errors_path, state.get("err_bytes"), False)]
    for path, at, keep_empty in outputs:
        if path is not None and at is not None and partial_path(path).exists():
            ResumableFile(path, resume_at=at).finish(keep_empty=keep_empty)
    if opts.mode == "tree":
        partial_path(_names_path(opts)).unlink(missing_ok=True)
    progress_path.unlink()


def _names_path(opts: BatchOptions) -> Path:
    """Where a tree run keeps the names it gave (as `<this>.partial`, gone when the run ends)."""
    out = Path(opts.output.rstrip("/"))  # type: ignore[union-attr]
    return out.with_name(out.name + ".names")


@dataclass
class _Start:
    """Where a run starts: after `done` items of an interrupted run (with its counts and the
    lengths to cut its partial files back to), or at the beginning."""

    done: int = 0
    stats: Stats = field(default_factory=Stats)
    out_bytes: int | None = None
    err_bytes: int | None = None
    names_bytes: int | None = None
    interrupted: bool = False  # an earlier run into this output was interrupted


def _start(opts: BatchOptions, ident: dict[str, str], errors_path: Path | None,
           progress_path: Path | None, warn: Callable[[str], None]) -> _Start | RunResult:
    """Read what an interrupted run left (its progress file) and decide where this one starts;
    a RunResult when there is nothing left to do. Raises InputError when --resume cannot go on."""
    if progress_path is None or not progress_path.exists():
        if opts.resume and _complete(opts):
            warn(f"cleaner: {opts.output} is already complete; nothing to resume")
            return RunResult(Stats(), 0.0, output=opts.output)
        if opts.resume:
            warn(f"cleaner: {opts.output}: no interrupted run to resume; starting")
        return _Start()
    try:
        state = json.loads(progress_path.read_text(encoding="utf-8"))
    except (ValueError, OSError) as e:
        if opts.resume:
            raise InputError(f"{progress_path}: cannot read it ({e}); run without --resume to start over") from None
        state = {}
    if not opts.resume:
        warn(f"cleaner: {opts.output}: an earlier run was interrupted; starting over (use --resume to continue it)")
        progress_path.unlink()  # its offsets describe files this run is about to rewrite
        return _Start(interrupted=True)
    if differ := _differences(state.get("run"), ident):
        raise InputError(f"{progress_path}: the interrupted run had other inputs or options "
                         f"(not the same: {', '.join(differ)}); rerun it with the same ones, "
                         "or without --resume to start over")
    if state.get("finished"):
        _finish(opts, state, errors_path, progress_path)
        warn(f"cleaner: {opts.output} is already complete; nothing to resume")
        errors_file = str(errors_path) if errors_path is not None and errors_path.exists() else None
        return RunResult(Stats.from_dict(state["stats"]), 0.0, output=opts.output, errors_file=errors_file)
    start = _Start(state["done"], Stats.from_dict(state["stats"]), state.get("out_bytes"),
                   state.get("err_bytes"), state.get("names_bytes"), interrupted=True)
    cut = [(partial_path(opts.output), start.out_bytes)]  # type: ignore[arg-type]
    if errors_path is not None:
        cut.append((partial_path(errors_path), start.err_bytes))
    if opts.mode == "tree":
        cut.append((partial_path(_names_path(opts)), start.names_bytes))
    for path, at in cut:
        if at is not None and (not path.exists() or path.stat().st_size < at):
            raise InputError(f"{path}: shorter than its checkpoint ({at} bytes); run without --resume to start over")
    warn(f"cleaner: resuming after {start.done} item(s)")
    return start


def run_batch(
    sources: list[Source],
    cleaner: Cleaner,
    opts: BatchOptions,
    *,
    emit: Callable[[str], None] = lambda s: print(s),
    warn: Callable[[str], None] = lambda s: print(s, file=sys.stderr),
) -> RunResult:
    """Clean every document of `sources` as `opts` says; returns the counts (and writes the report)."""
    mode = opts.mode
    if opts.resume and mode in ("text", "stdout-jsonl"):
        raise InputError("--resume needs an output file or folder (-o) to continue")
    if opts.resume and any(s.path == "-" for s in sources):
        raise InputError("--resume cannot continue a run that reads standard input: what was read "
                         "cannot be read again or checked to be the same; save it to a file first")
    errors_path, progress_path = state_paths(opts)
    ident = _run_identity(sources, opts, cleaner)
    start = _start(opts, ident, errors_path, progress_path, warn)
    if isinstance(start, RunResult):
        return start
    skip, stats = start.done, start.stats
    if progress_path is not None:
        # What a run killed inside an atomic write left behind: its progress file's temporary
        # copy and, when it wrote a tree, temporary files in the tree.
        remove_stale_temps(progress_path.parent, prefix=f".{progress_path.name}.")
        if mode == "tree" and start.interrupted:
            remove_stale_temps(opts.output, recursive=True)  # type: ignore[arg-type]

    out_file = ResumableFile(opts.output, resume_at=start.out_bytes) if mode == "jsonl" else None  # type: ignore[arg-type]
    err_file = ResumableFile(errors_path, resume_at=start.err_bytes) if errors_path is not None else None
    names = None
    if mode == "tree":
        Path(opts.output).mkdir(parents=True, exist_ok=True)  # type: ignore[arg-type]
        names = _TreeNames(ResumableFile(_names_path(opts), resume_at=start.names_bytes))

    whole_files = all(s.kind in ("text", "html") for s in sources)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    jobs = opts.jobs or cores
    if whole_files and len(sources) - skip <= BATCH_DOCS:
        jobs = 1  # a handful of files: starting processes would cost more than it saves

    t0 = time.perf_counter()
    where: list[Any] = [0, 0]
    batches = _batches(_items(sources, opts.max_doc_bytes, skip, where))
    stop = threading.Event()
    pool = None
    if jobs > 1:
        ctx = mp.get_context("fork") if sys.platform == "linux" else mp.get_context()
        # The objects made so far (modules, compiled rules) are shared with forked workers until
        # written to; the cyclic garbage collector writes to every object it visits, so without
        # this each worker soon held its own copy of them all (undone when the pool is gone).
        gc.freeze()
        pool = ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_init_worker, initargs=(cleaner, opts, True))
        results: Iterator[BatchOut] = _ordered(pool, batches, window=jobs * 3, stop=stop)
    else:
        _init_worker(cleaner, opts, False)
        results = map(process_batch, batches)

    sizes = [s.size for s in sources]
    progress = Progress(opts.progress, sum(sizes))
    old_handler = None
    if threading.current_thread() is threading.main_thread():
        def on_sigint(signum: int, frame: Any) -> None:
            if stop.is_set():
                raise KeyboardInterrupt
            stop.set()
        old_handler = signal.signal(signal.SIGINT, on_sigint)

    done = skip
    shown_errors = 0
    last_ck = time.perf_counter()

    def checkpoint() -> None:
        if progress_path is None:
            return
        state = {
            "run": ident, "done": done, "stats": stats.to_dict(),
            "out_bytes": out_file.durable() if out_file else None,
            "err_bytes": err_file.durable() if err_file else None,
            "names_bytes": names.log.durable() if names else None,
            "finished": finished,
        }
        atomic_write_text(progress_path, json.dumps(state) + "\n")

    finished = False
    checkpoint()  # from the start, so that a run killed before its first batch is known as such
    interrupted = False
    aborted = ""
    try:
        for res in results:
            if out_file is not None:
                out_file.write(res.out)
            elif res.out:
                emit(res.out.decode("utf-8").rstrip("\n"))
            for text in res.display:
                emit(text)
            for name, line, text, meta in res.tree:
                unique = names.claim(name, line)  # type: ignore[union-attr]
                if unique != name:
                    warn(f"cleaner: {name}: id used by an earlier record of the same file (case aside); "
                         f"record {line} written as {unique}")
                write_tree_files(opts.output, unique, text, meta)  # type: ignore[arg-type]
            if res.errors:
                if err_file is not None:
                    err_file.write("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in res.errors).encode("utf-8"))
                for e in res.errors:
                    if shown_errors < 20:
                        loc = e.get("line", e.get("record"))
                        warn(f"cleaner: {e['file']}:{loc}: {e['error']}")
                    shown_errors += 1
            stats.documents += res.n
            stats.cleaned += res.cleaned
            stats.failed += len(res.errors)
            stats.removed_lines.update(res.removed)
            done += res.n
            now = time.perf_counter()
            if now - last_ck >= CHECKPOINT_SECONDS:
                checkpoint()
                last_ck = now
                progress.update(sum(sizes[:where[0]]) + where[1], stats.documents, stats.failed)
            if stop.is_set():
                interrupted = True
                break
        else:
            progress.update(sum(sizes), stats.documents, stats.failed)
    except BrokenProcessPool:
        aborted = (f"a worker process died (out of memory, or a crash in a parser) after {done} "
                   "input item(s); rerun with --resume to continue")
    finally:
        if old_handler is not None:
            signal.signal(signal.SIGINT, old_handler)
        stop.set()
        progress.stop()
        if pool is not None:
            _shutdown(pool, graceful=not (interrupted or aborted) and sys.exc_info()[0] is None)
            gc.unfreeze()

    seconds = time.perf_counter() - t0
    if interrupted or aborted:
        checkpoint()  # the state after the last batch written: consistent, resumable
        if out_file:
            out_file.close()
        if err_file:
            err_file.close()
        if names:
            names.log.close()
        if aborted:
            raise BatchAborted(aborted)
        return RunResult(stats, seconds, interrupted=True, output=opts.output)

    if shown_errors > 20:
        warn(f"cleaner: ... and {shown_errors - 20} more error(s)")
    finished = True
    checkpoint()  # a kill during the renames below leaves them for --resume to finish
    if out_file is not None:
        out_file.finish()
    errors_written = None
    if err_file is not None:
        p = err_file.finish(keep_empty=False)
        errors_written = str(p) if p else None
    if names:
        names.log.discard()
    if progress_path is not None and progress_path.exists():
        progress_path.unlink()
    report = stats.to_dict()
    report.update({
        "output": opts.output, "errors_file": errors_written, "jobs": jobs,
        "seconds": round(seconds, 3),
        "documents_per_second": round(stats.documents / seconds, 1) if seconds else None,
    })
    if opts.report:
        atomic_write_text(opts.report, json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    return RunResult(stats, seconds, output=opts.output, errors_file=errors_written, report=report)
