"""Rule files as text in memory, so a `Cleaner` can travel to machines that lack the files.

On a cluster the `--rules` folder exists on the machine that starts the job, not on the workers.
`snapshot(paths)` reads every rule file once, into `RuleText`s (plain, picklable data);
`Cleaner(rules=snapshot(paths))` then builds the same packs anywhere, and pickles with the texts.
Errors still name the original file and line, because each text keeps its path.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..errors import RuleError

# The origin a pack gets from its top folder inside a rules folder (as `loader.load_dir` does).
_FOLDER_ORIGIN = {"common": "common", "lang": "lang", "sites": "site"}


@dataclass(frozen=True)
class RuleText:
    """One rule file's text, the path it came from (for messages) and its origin, if fixed."""

    path: str
    text: str
    origin: str | None = None


def snapshot(paths: str | Path | Iterable[str | Path]) -> list[RuleText]:
    """Read the rule files under `paths` (files or folders, `*.toml`, in load order).

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "sites").mkdir(), (d / "sites" / "x.toml").write_text("[pack]\\n")
    >>> [(pathlib.Path(t.path).name, t.origin) for t in snapshot(d)]
    [('x.toml', 'site')]
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    out: list[RuleText] = []
    for p in paths:
        if isinstance(p, RuleText):
            out.append(p)
            continue
        root = Path(p)
        if root.is_file():
            out.append(_read(root, None))
        elif root.is_dir():
            for f in sorted(root.rglob("*.toml")):
                rel = f.relative_to(root).parts
                out.append(_read(f, _FOLDER_ORIGIN.get(rel[0], "user") if len(rel) > 1 else None))
        else:
            raise RuleError(str(root), "rules folder does not exist")
    return out


def _read(path: Path, origin: str | None) -> RuleText:
    try:
        return RuleText(str(path), path.read_text(encoding="utf-8"), origin)
    except (OSError, UnicodeDecodeError) as e:
        raise RuleError(str(path), f"cannot read rule file: {e}") from None
