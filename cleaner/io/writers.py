"""Writers that never leave a half-written file: write under a temporary name, then rename."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from ..result import CleanResult


def atomic_write_text(path: str | Path, text: str) -> None:
    """Write `text` to `path` so that readers see either the old file or the complete new one."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_tree_record(out_dir: str | Path, rel: str | Path, result: CleanResult) -> tuple[Path, Path]:
    """`<rel>.txt` with the cleaned text and `<rel>.json` with metadata and removals, under out_dir."""
    base = Path(out_dir) / Path(rel)
    base = base.with_suffix("") if base.suffix else base
    txt = base.with_name(base.name + ".txt")
    meta = base.with_name(base.name + ".json")
    atomic_write_text(txt, result.text + ("\n" if result.text else ""))
    record = result.to_dict()
    record.pop("text", None)
    atomic_write_text(meta, json.dumps(record, ensure_ascii=False, indent=2) + "\n")
    return txt, meta
