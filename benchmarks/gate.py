"""Quality gate: clean the evaluation sets and fail when a figure drops below its pinned floor.

    python -m benchmarks.gate            # exit 0: all figures at or above benchmarks/floors.json
                                         # exit 1: a figure fell below its floor (listed)
                                         # exit 0 with a note when ../shared/eval is absent

CI (.ci/run) runs it only when the evaluation data exists. Speed is not gated here (machines differ).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from benchmarks import data, quality

FLOORS = Path(__file__).resolve().parent / "floors.json"


def check(figures: dict, floors: dict) -> list[str]:
    """The figures below their floors, as readable lines (empty: the gate passes).

    >>> check({"aeb": {"f1": 0.90}}, {"aeb": {"f1": 0.91}, "_about": "x"})
    ['aeb f1 0.9000 < floor 0.9100']
    >>> check({"aeb": {"f1": 0.92}}, {"aeb": {"f1": 0.91}})
    []
    """
    out = []
    for name, keys in floors.items():
        if name.startswith("_"):
            continue
        for key, floor in keys.items():
            got = figures.get(name, {}).get(key)
            if got is None or got < floor:
                out.append(f"{name} {key} {'missing' if got is None else f'{got:.4f}'} < floor {floor:.4f}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--floors", default=str(FLOORS))
    a = ap.parse_args(argv)
    if not data.have_eval():
        print(f"quality gate skipped: no evaluation data at {data.eval_dir()}")
        return 0
    floors = json.loads(Path(a.floors).read_text(encoding="utf-8"))
    sets = [k for k in floors if not k.startswith("_")]
    figures = quality.run(sets, worst=0, show_rules=False, save=False)
    failures = check(figures, floors)
    for f in failures:
        print(f"QUALITY GATE FAILED: {f}")
    if not failures:
        print("quality gate passed: " + ", ".join(
            f"{s} " + " ".join(f"{k} {figures[s][k]:.3f}>={v:.3f}" for k, v in floors[s].items()) for s in sets))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
