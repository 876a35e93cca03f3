"""Ray (local, 2 CPUs) against the local command on a large corpus: documents/s and peak memory.

    python -m benchmarks.engines --docs 100000 --runs ray,local-jobs2 [--tmp /tmp/cleaner-engines]

The corpus repeats the aeb pages (`../shared/eval/aeb.text.jsonl.gz`) with new ids, written as
gzipped JSON-lines shards (`text`, `url`, `id`). Each run is a separate command, timed from start
to exit (Ray's start-up included), while a sampler adds up the memory of the command's whole
process tree every 0.25 s (for Ray: the driver, raylet, GCS, workers): the peak of the summed
RSS, and of the summed PSS, which counts shared pages (Ray's object store, libraries) once.

Runs:
  ray          `cleaner clean CORPUS -o OUT --engine ray` (Ray started locally with the machine's CPUs)
  local-jobs2  `cleaner clean CORPUS -o OUT --jobs 2`, when the local command has --jobs
  pool2        stand-in for --jobs 2 while it does not exist: 2 worker processes
               (multiprocessing, one Cleaner each) over the same records, one JSON-lines file
  single       one process, one Cleaner (clean_record over every record)
After the runs, every output is compared record for record (keyed by id) with the first one.
"""

from __future__ import annotations

import argparse
import gzip
import json
import multiprocessing
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

from .data import REPO, eval_dir, read_jsonl

CLI = [sys.executable, str(REPO / "cli.py")]


def make_corpus(folder: Path, docs: int, shards: int) -> list[Path]:
    """`docs` records cycling over the aeb pages, new ids, in `shards` gzipped JSON-lines files."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"part-{i:03d}.jsonl.gz" for i in range(shards)]
    marker = folder / f".complete-{docs}-{shards}"
    if marker.exists():
        return paths
    pages = [{"url": r["url"], "text": r["raw_text"]} for r in read_jsonl(eval_dir() / "aeb.text.jsonl.gz")]
    files = [gzip.open(p, "wt", encoding="utf-8", compresslevel=1) for p in paths]
    try:
        for i in range(docs):
            rec = {"id": f"d{i:07d}", **pages[i % len(pages)]}
            files[i % shards].write(json.dumps(rec, ensure_ascii=False) + "\n")
    finally:
        for f in files:
            f.close()
    marker.write_text("")
    return paths


class TreeSampler(threading.Thread):
    """Peak summed RSS and PSS of a process and all its descendants, sampled every `every` s."""

    def __init__(self, pid: int, every: float = 0.25) -> None:
        super().__init__(daemon=True)
        import psutil

        self.psutil = psutil
        self.root = psutil.Process(pid)
        self.every = every
        self.peak_rss = 0
        self.peak_pss = 0
        self.peak_procs = 0
        self.cpu: dict[int, float] = {}  # pid -> latest user+system CPU seconds seen
        self.stop = threading.Event()

    def run(self) -> None:
        ps = self.psutil
        while not self.stop.is_set():
            try:
                procs = [self.root] + self.root.children(recursive=True)
            except ps.Error:
                break
            rss = pss = 0
            for p in procs:
                try:
                    mi = p.memory_full_info()
                    rss += mi.rss
                    pss += getattr(mi, "pss", mi.rss)
                    ct = p.cpu_times()
                    self.cpu[p.pid] = ct.user + ct.system
                except ps.Error:
                    continue
            self.peak_rss = max(self.peak_rss, rss)
            self.peak_pss = max(self.peak_pss, pss)
            self.peak_procs = max(self.peak_procs, len(procs))
            self.stop.wait(self.every)


def measure(cmd: list[str], env: dict[str, str] | None = None) -> dict:
    """Wall time, peak memory and CPU seconds of the command's process tree.

    CPU seconds (summed over every process of the tree, as last sampled) are what a run costs
    whatever else the machine does; wall time is what it costs on this machine at this load,
    so the load average over the run is reported with it.
    """
    load0 = os.getloadavg()[0]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    sampler = TreeSampler(proc.pid)
    sampler.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - t0
    sampler.stop.set()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err[-3000:]}")
    return {"seconds": wall, "peak_rss_mb": sampler.peak_rss / 2**20, "peak_pss_mb": sampler.peak_pss / 2**20,
            "processes": sampler.peak_procs, "cpu_seconds": sum(sampler.cpu.values()),
            "load": (load0, os.getloadavg()[0])}


# --- the in-process baselines (run as `python -m benchmarks.engines --worker KIND IN OUT`) -------

_CLEANER = None


def _init() -> None:
    global _CLEANER
    from cleaner import Cleaner

    _CLEANER = Cleaner()


def _clean_line(line: str) -> str:
    from cleaner.integrations import clean_record

    return json.dumps(clean_record(_CLEANER, json.loads(line)), ensure_ascii=False)


def _lines(folder: Path):
    for p in sorted(folder.glob("*.jsonl.gz")):
        with gzip.open(p, "rt", encoding="utf-8") as f:
            yield from (line for line in f if line.strip())


def worker(kind: str, src: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "part-0.jsonl", "w", encoding="utf-8") as f:
        if kind == "single":
            _init()
            for line in _lines(src):
                f.write(_clean_line(line) + "\n")
        else:
            with multiprocessing.get_context("fork").Pool(2, initializer=_init) as pool:
                for rec in pool.imap(_clean_line, _lines(src), chunksize=64):
                    f.write(rec + "\n")


def read_outputs(folder: Path) -> dict[str, dict]:
    got = {}
    for p in sorted(folder.rglob("*.jsonl")):
        with open(p, encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                got[rec["id"]] = rec
    return got


def has_jobs() -> bool:
    out = subprocess.run(CLI + ["clean", "--help"], capture_output=True, text=True)
    return "--jobs" in out.stdout


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--shards", type=int, default=8)
    ap.add_argument("--runs", default="ray,local-jobs2")
    ap.add_argument("--tmp", type=Path, default=Path("/tmp/cleaner-engines"))
    ap.add_argument("--json", type=Path, help="also write the results here")
    ap.add_argument("--worker", nargs=3, metavar=("KIND", "IN", "OUT"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker(args.worker[0], Path(args.worker[1]), Path(args.worker[2]))
        return
    corpus = args.tmp / f"corpus-{args.docs}"
    make_corpus(corpus, args.docs, args.shards)
    env = dict(os.environ, PYTHONPATH=str(REPO))
    results = {}
    outputs = {}
    for run in args.runs.split(","):
        out = args.tmp / f"out-{run}-{args.docs}"
        shutil.rmtree(out, ignore_errors=True)
        if run == "ray":
            cmd = CLI + ["clean", str(corpus), "-o", str(out), "--engine", "ray"]
        elif run == "local-jobs2":
            if not has_jobs():
                print("local-jobs2: this checkout's 'cleaner clean' has no --jobs yet; skipped (see pool2)")
                continue
            out.mkdir(parents=True)
            cmd = CLI + ["clean", str(corpus), "-o", str(out / "all.jsonl"), "--jobs", "2", "--quiet"]
        elif run in ("pool2", "single"):
            cmd = [sys.executable, "-m", "benchmarks.engines", "--worker", run, str(corpus), str(out)]
        else:
            raise SystemExit(f"unknown run {run!r}")
        r = measure(cmd, env)
        r["docs_per_s"] = args.docs / r["seconds"]
        r["docs_per_cpu_s"] = args.docs / r["cpu_seconds"] if r["cpu_seconds"] else float("nan")
        results[run] = r
        outputs[run] = out
        print(f"{run:12s} {args.docs} docs  {r['seconds']:8.1f} s  {r['docs_per_s']:7.1f} docs/s  "
              f"peak RSS {r['peak_rss_mb']:7.0f} MB  peak PSS {r['peak_pss_mb']:7.0f} MB  ({r['processes']} processes)  "
              f"{r['cpu_seconds']:7.0f} CPU s ({r['docs_per_cpu_s']:.1f} docs/CPU-s)  load {r['load'][0]:.1f} -> {r['load'][1]:.1f}",
              flush=True)
    names = list(outputs)
    if len(names) > 1:
        first = read_outputs(outputs[names[0]])
        assert len(first) == args.docs, (names[0], len(first))
        for name in names[1:]:
            same = read_outputs(outputs[name]) == first
            results[name]["same_records_as_" + names[0]] = same
            print(f"{name}: same records as {names[0]}: {same}")
    if args.json:
        args.json.write_text(json.dumps({"docs": args.docs, "cpus": os.cpu_count(), "results": results}, indent=2))


if __name__ == "__main__":
    main()
