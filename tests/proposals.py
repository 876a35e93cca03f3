"""What the suggest tests read off a list of proposals: every pattern they carry (shared by those
test modules)."""

from __future__ import annotations


def patterns(props, *, kind: str = "", enabled_only: bool = False) -> list[str]:
    """Every pattern (`pattern`, and a block's `start`/`end`) of the proposals: of one kind only
    when `kind` is given, of the switched-on ones only when `enabled_only`."""
    out = []
    for p in props:
        if (kind and p.kind != kind) or (enabled_only and not p.enabled):
            continue
        for key in ("pattern", "start", "end"):
            v = p.keys.get(key)
            out += v if isinstance(v, list) else [v] if v else []
    return out
