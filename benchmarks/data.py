"""Where the evaluation files are, and how to read them (gzipped JSON lines, read by path)."""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent


def eval_dir() -> Path:
    """`$CLEANER_EVAL_DIR`, else `../shared/eval` beside the repository."""
    env = os.environ.get("CLEANER_EVAL_DIR")
    return Path(env) if env else REPO.parent / "shared" / "eval"


def have_eval() -> bool:
    return (eval_dir() / "aeb.text.jsonl.gz").exists()


def read_jsonl(path: str | Path) -> Iterator[dict[str, Any]]:
    path = Path(path)
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def load(name: str, limit: int | None = None) -> list[dict[str, Any]]:
    """All records of `eval_dir()/name` (e.g. "aeb.text.jsonl.gz"), or the first `limit`."""
    out = []
    for i, r in enumerate(read_jsonl(eval_dir() / name)):
        if limit is not None and i >= limit:
            break
        out.append(r)
    return out
