"""Writers that never leave a half-written file: write under a temporary name, then rename."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from ..result import CleanResult


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# The end of the temporary names `atomic_write_text` writes under (`.<name>.<random><this>`).
TEMP_SUFFIX = ".cleaner.tmp"


def remove_stale_temps(folder: str | Path, *, recursive: bool = False, prefix: str = ".") -> int:
    """Delete the temporary files a killed run left in `folder`; returns how many.

    A process killed inside `atomic_write_text` (kill -9, power loss) leaves its temporary file
    behind; only files named as it names them (and starting with `prefix`) are touched.
    """
    folder = Path(folder)
    if not folder.is_dir():
        return 0
    walk = os.walk(folder) if recursive else [(str(folder), [], os.listdir(folder))]
    n = 0
    for root, _, files in walk:
        for name in files:
            if name.startswith(prefix) and name.endswith(TEMP_SUFFIX):
                Path(root, name).unlink(missing_ok=True)
                n += 1
    return n


def atomic_write_text(path: str | Path, text: str) -> None:
    """Write `text` to `path` so that readers see either the old file or the complete new one."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; give the usual permissions
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_tree_record(out_dir: str | Path, name: str | Path, result: CleanResult) -> tuple[Path, Path]:
    """`<name>.txt` with the cleaned text and `<name>.json` with metadata and removals, under out_dir.

    `name` is the document's name in the tree without extension (readers choose it so that no two
    documents share one); a dot in it is kept (`page.v2` -> `page.v2.txt`).
    """
    return write_tree_files(out_dir, name, *render_tree_record(result))


def render_tree_record(result: CleanResult) -> tuple[str, str]:
    """The two files' contents for one document: cleaned text, and metadata with removals."""
    record = result.to_dict()
    record.pop("text", None)
    return (result.text + ("\n" if result.text else ""),
            json.dumps(record, ensure_ascii=False, indent=2) + "\n")


def write_tree_files(out_dir: str | Path, name: str | Path, text: str, meta_json: str) -> tuple[Path, Path]:
    """Write rendered `<name>.txt` and `<name>.json` under out_dir, each atomically."""
    base = Path(out_dir) / Path(name)
    txt = base.with_name(base.name + ".txt")
    meta = base.with_name(base.name + ".json")
    atomic_write_text(txt, text)
    atomic_write_text(meta, meta_json)
    return txt, meta


def compress_member(data: bytes, path: str | Path) -> bytes:
    """`data` as one self-contained gzip or zstd member when `path` asks for it, else unchanged.

    Concatenated members form one valid .gz (or .zst) file, so each batch of records can be
    compressed on its own (in a worker) and appended, and a resumed run can cut the file back to
    the end of the last complete member.
    """
    name = str(path).lower()
    if name.endswith(".gz"):
        import zlib

        c = zlib.compressobj(6, zlib.DEFLATED, 31)  # 31: gzip container
        return c.compress(data) + c.flush()
    if name.endswith(".zst"):
        import zstandard

        return zstandard.ZstdCompressor(level=3).compress(data)
    return data


def partial_path(path: str | Path) -> Path:
    """Where an output is written until it is complete: `<path>.partial`, beside it."""
    path = Path(path)
    return path.with_name(path.name + ".partial")


class ResumableFile:
    """An output file written as `<path>.partial`, appended in order, renamed when complete.

    `durable()` flushes and fsyncs and returns the byte length that is safely on disk; a resumed
    run opens the partial file again and cuts it back to that length (a killed run may have left a
    half-written tail past it).
    """

    def __init__(self, path: str | Path, *, resume_at: int | None = None) -> None:
        self.path = Path(path)
        self.partial = partial_path(self.path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if resume_at is not None and self.partial.exists():
            self._f = open(self.partial, "r+b")
            self._f.truncate(resume_at)
            self._f.seek(resume_at)
        else:
            self._f = open(self.partial, "wb")
        self.written = self._f.tell()

    def write(self, data: bytes) -> None:
        if data:
            self._f.write(data)
            self.written += len(data)

    def durable(self) -> int:
        self._f.flush()
        os.fsync(self._f.fileno())
        return self.written

    def finish(self, *, keep_empty: bool = True) -> Path | None:
        """Make the output complete: fsync, rename into place (or drop it when empty and unwanted)."""
        self.durable()
        self._f.close()
        if not keep_empty and self.written == 0:
            self.partial.unlink()
            self.path.unlink(missing_ok=True)  # no stale file from an earlier run
            return None
        os.replace(self.partial, self.path)
        return self.path

    def close(self) -> None:
        """Stop writing but leave the partial file for a later --resume."""
        if not self._f.closed:
            self._f.flush()
            self._f.close()

    def discard(self) -> None:
        """Close and delete the partial file: it held state that the finished run no longer needs."""
        self.close()
        self.partial.unlink(missing_ok=True)
