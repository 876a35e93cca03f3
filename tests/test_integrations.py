"""Engines (Ray, HuggingFace datasets, datatrove) produce the single-process output, record for record.

Each engine runs for real on a small corpus (the seed documents and variations of them, with and
without site URLs, plus a user rule folder). The expected records come from `expected_records`,
the in-process single-process path (`clean_record` over a fresh `Cleaner`), the same function the
engines call per document; engine outputs are compared as sets keyed by id (order is free).
Select these with `-m engine`; each skips when its engine is not installed.
"""

from __future__ import annotations

import gzip
import importlib
import json
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cleaner import Cleaner, RuleError
from cleaner.integrations import MissingExtra, clean_record, metadata_fields, require
from cleaner.ruleset.snapshot import snapshot

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "tests" / "fixtures" / "seeds"

USER_PACK = """
[pack]
description = "test pack: drops 'Internal note:' lines"

[[rule]]
id = "test.internal-note"
kind = "line"
pattern = '^Internal note:'
drop = ["Internal note: check the figures"]
keep = ["The internal notes were published."]
"""

URLS = [None, "https://www.tampafp.com/story", "https://example.org/news/a", "http://news.tampafp.com/x"]
EXTRAS = ["", "\n\nREAD: Another story on the same topic\n", "\n\nInternal note: check the figures\n",
          "date 2025-04-07 "]


def need(module: str):
    """Import an engine, or skip the test when it is not installed (CI sets
    CLEANER_REQUIRE_ENGINES=1 so that a missing engine fails instead of skipping silently)."""
    if os.environ.get("CLEANER_REQUIRE_ENGINES"):
        return importlib.import_module(module)
    return pytest.importorskip(module)


def corpus(n: int = 120) -> list[dict]:
    """Deterministic variations of the seed documents: URL (site packs), inserted boilerplate,
    a date header, the user rule's target line; string ids, plus one extra field carried through."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*[0-9a-f].txt"))]
    out = []
    for i in range(n):
        text = seeds[i % len(seeds)]
        extra = EXTRAS[(i // 2) % len(EXTRAS)]
        if extra.startswith("date"):
            text = extra + text
        else:
            paras = text.split("\n\n")
            k = 1 + i % max(1, len(paras) - 1)
            text = "\n\n".join(paras[:k]) + extra + "\n\n".join(paras[k:])
        rec = {"id": f"doc-{i:04d}", "text": text, "lang": "en"}
        if URLS[i % len(URLS)]:
            rec["url"] = URLS[i % len(URLS)]
        out.append(rec)
    return out


def expected_records(records: list[dict], rules=None) -> dict[str, dict]:
    """The single-process CLI's output (`cleaner clean in.jsonl -o out.jsonl --jobs 1`), keyed by
    id, checked equal to one in-process Cleaner's records (the path every engine shares)."""
    import tempfile

    from typer.testing import CliRunner

    from cli import app

    with tempfile.TemporaryDirectory() as d:
        src, out = Path(d) / "in.jsonl", Path(d) / "out.jsonl"
        src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        args = ["clean", str(src), "-o", str(out), "--jobs", "1", "--quiet"]
        if rules is not None:
            args += ["--rules", str(rules)]
        res = CliRunner().invoke(app, args)
        assert res.exit_code == 0, res.output
        got = {}
        for line in out.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            got[rec["id"]] = rec
    c = Cleaner(rules=rules)
    assert got == {r["id"]: clean_record(c, r) for r in records}
    return got


@pytest.fixture(scope="module")
def rules_dir(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("rules")
    (d / "mine.toml").write_text(USER_PACK, encoding="utf-8")
    return d


def test_corpus_exercises_the_rules(rules_dir):
    want = expected_records(corpus(), rules_dir)
    fired = {s for r in want.values() for s in r["sources"].values()}
    assert {"meta.date-header", "title.page-title"} <= fired
    assert any(r["metadata"].get("site") == "Tampa Free Press" for r in want.values())
    assert not any("Internal note" in r["text"] for r in want.values())
    assert any("Internal note" in r["text"] for r in expected_records(corpus()).values())


# --- light core: no engine on import, missing extras name the pip command -----------------------


def test_import_cleaner_imports_no_engine():
    code = (
        "import sys, cleaner, cleaner.integrations, cleaner.integrations.hf, cleaner.integrations.ray\n"
        "print(sorted(m for m in ('ray', 'datasets', 'datatrove', 'pandas', 'pyarrow') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_missing_extra_names_the_pip_command(monkeypatch):
    monkeypatch.setitem(sys.modules, "ray", None)  # as if ray were not installed
    with pytest.raises(MissingExtra, match=r"pip install 'cleaner\[ray\]'"):
        require("ray", "ray")
    from cleaner.integrations.ray import run_clean

    with pytest.raises(ImportError, match=r"pip install 'cleaner\[ray\]'"):
        run_clean([str(SEEDS / "000_b3c9ea3ec74f0b8e.txt")], "/nonexistent-out")


def test_missing_datatrove_names_the_pip_command():
    code = (
        "import sys; sys.modules['datatrove'] = None\n"
        "from cleaner.integrations.datatrove import CleanerStep\n"
        "try:\n    CleanerStep()\nexcept ImportError as e:\n    print(e)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert "pip install 'cleaner[datatrove]'" in out.stdout


# --- rules that travel as text ------------------------------------------------------------------


def test_rule_texts_build_the_same_cleaner_without_the_files(rules_dir, tmp_path):
    d = tmp_path / "r"
    shutil.copytree(rules_dir, d)
    texts = snapshot(d)
    c = Cleaner(rules=texts)
    shutil.rmtree(d)  # the texts are enough from now on
    c2 = pickle.loads(pickle.dumps(c))
    want = expected_records(corpus(20), rules_dir)
    assert {r["id"]: clean_record(c2, r) for r in corpus(20)} == want


def test_rule_text_errors_name_the_original_file(tmp_path):
    (tmp_path / "bad.toml").write_text("[[rule]]\nid = 'my.bad'\nkind = 'line'\npattern = '(['\n")
    texts = snapshot(tmp_path)
    with pytest.raises(RuleError, match=r"bad\.toml:4.*my\.bad"):
        Cleaner(rules=texts)


def test_metadata_fields_cover_every_field_the_corpus_gets(rules_dir):
    fields = set(metadata_fields(Cleaner(rules=rules_dir)))
    for r in expected_records(corpus(), rules_dir).values():
        assert set(r["metadata"]) <= fields


# --- Ray ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def ray_session():
    ray = need("ray")
    need("ray.data")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield ray
    ray.shutdown()


def _write_jsonl(path: Path, records: list[dict]) -> None:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "wt", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def _read_outputs(folder: Path) -> dict[str, dict]:
    got: dict[str, dict] = {}
    for f in sorted(folder.glob("*.jsonl")):
        for line in f.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            assert rec["id"] not in got, f"duplicate record {rec['id']}"
            got[rec["id"]] = rec
    return got


@pytest.mark.engine
def test_ray_cli_equals_single_process(ray_session, rules_dir, tmp_path):
    pa = need("pyarrow")
    import pyarrow.parquet as pq
    from typer.testing import CliRunner

    from cli import app

    records = corpus()
    src = tmp_path / "in"
    src.mkdir()
    _write_jsonl(src / "a.jsonl.gz", records[:50])
    _write_jsonl(src / "b.jsonl", records[50:90])
    pq.write_table(pa.Table.from_pylist(records[90:]), src / "c.parquet")
    before = {p.name: p.read_bytes() for p in src.iterdir()}
    out = tmp_path / "out"
    res = CliRunner().invoke(app, ["clean", str(src), "-o", str(out), "--engine", "ray", "--rules", str(rules_dir)])
    assert res.exit_code == 0, res.output
    assert {p.name: p.read_bytes() for p in src.iterdir()} == before  # inputs untouched
    # A Parquet row has every column (null where the record had no such field): that is its record.
    as_read = records[:90] + pq.read_table(src / "c.parquet").to_pylist()
    assert _read_outputs(out) == expected_records(as_read, rules_dir)
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # staging folder gone

    # A second run into the same folder would mix two outputs: refused, nothing written.
    res = CliRunner().invoke(app, ["clean", str(src), "-o", str(out), "--engine", "ray"])
    assert res.exit_code == 2 and "already holds" in res.output


@pytest.mark.parametrize("extra", [["--resume"], ["--glob", "*.jsonl"], ["--site", "tampafp.com"], ["--jobs", "2"],
                                   ["--explain"], ["--removed"], ["--format", "html"]])
def test_engine_refuses_options_it_would_ignore(tmp_path, extra):
    """Refused before Ray starts (no Ray needed): an ignored --resume would silently redo a run."""
    from typer.testing import CliRunner

    from cli import app

    src = tmp_path / "in.jsonl"
    _write_jsonl(src, corpus(2))
    res = CliRunner().invoke(app, ["clean", str(src), "-o", str(tmp_path / "out"), "--engine", "ray", *extra])
    assert res.exit_code == 2
    assert f"does not support {extra[0]}" in res.output
    assert not (tmp_path / "out").exists()


@pytest.mark.engine
def test_ray_cli_writes_errors_file_and_report(ray_session, tmp_path):
    from typer.testing import CliRunner

    from cli import app

    records = corpus(6)
    src = tmp_path / "in.jsonl"
    _write_jsonl(src, records[:3] + [{"id": "broken", "body": "no text field"}] + records[3:])
    out, rep = tmp_path / "out", tmp_path / "report.json"
    res = CliRunner().invoke(app, ["clean", str(src), "-o", str(out), "--engine", "ray", "--report", str(rep)])
    assert res.exit_code == 1 and "1 document(s) failed" in res.output
    errors = [json.loads(x) for x in (tmp_path / "out.errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [e["id"] for e in errors] == ["broken"] and errors[0]["error"]
    summary = json.loads(rep.read_text(encoding="utf-8"))
    assert (summary["documents"], summary["written"], summary["failed"]) == (7, 6, 1)
    assert summary["errors_file"] == str(tmp_path / "out.errors.jsonl")
    assert _read_outputs(out) == expected_records(records)


@pytest.mark.engine
def test_ray_bad_record_is_reported_and_the_rest_written(ray_session, tmp_path):
    from cleaner.integrations.ray import run_clean

    records = corpus(10)
    src = tmp_path / "in.jsonl"
    _write_jsonl(src, records[:5] + [{"id": "broken", "body": "no text field"}] + records[5:])
    with open(src, "a", encoding="utf-8") as f:
        f.write("{not json\n")
    report = run_clean([str(src)], str(tmp_path / "out"))
    assert report.written == 10
    assert sorted(e["id"] or "" for e in report.errors) == ["", "broken"]
    assert sorted((e["file"], e["line"]) for e in report.errors) == [(str(src), 6), (str(src), 12)]
    assert _read_outputs(tmp_path / "out") == expected_records(records)


@pytest.mark.engine
def test_ray_bad_parquet_row_is_named_by_file_and_row(ray_session, tmp_path):
    """A Parquet row that fails is reported by its file and row number (1 for the first row,
    counted across the file's row groups), as a JSON line is by file and line."""
    pa = need("pyarrow")
    import pyarrow.parquet as pq
    from typer.testing import CliRunner

    from cli import app

    records = corpus(5)
    rows = [{"id": r["id"], "text": r["text"], "url": r.get("url")} for r in records]
    rows.insert(3, {"id": "empty", "text": None, "url": None})  # row 4: no text
    src = tmp_path / "in.parquet"
    pq.write_table(pa.Table.from_pylist(rows), src, row_group_size=2)  # row 4 is in the second group
    out = tmp_path / "out"
    res = CliRunner().invoke(app, ["clean", str(src), "-o", str(out), "--engine", "ray"])
    assert res.exit_code == 1, res.output
    errors = [json.loads(x) for x in (tmp_path / "out.errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(e["file"], e["row"], e["id"]) for e in errors] == [(str(src), 4, "empty")]
    assert f"{src} (row 4): record has no 'text' field" in res.output
    got = _read_outputs(out)
    as_read = pq.read_table(src).to_pylist()
    assert got == expected_records(as_read[:3] + as_read[4:])
    assert not any(k.startswith("__cleaner") for rec in got.values() for k in rec)


@pytest.mark.engine
def test_ray_reads_each_line_on_its_own(ray_session, tmp_path):
    """An undecodable byte fails no record (legacy bytes are decoded, as the local command does),
    U+2028 and U+0085 inside a JSON string do not split its record, blank lines still count for
    the line numbers of errors, and a record longer than the reader's chunk comes through whole."""
    from typer.testing import CliRunner

    from cli import app

    records = corpus(4)
    odd = {"id": "odd", "text": "A story\u2028with a line separator and a\u0085next line in it."}
    long = {"id": "long", "text": "A long line of a story, over and over. " * 60_000}  # ~2.3 MB
    src = tmp_path / "in.jsonl"
    with open(src, "wb") as f:
        for r in records[:2]:
            f.write(json.dumps(r, ensure_ascii=False).encode("utf-8") + b"\n")
        f.write(b"\n")  # line 3: blank
        f.write(json.dumps(odd, ensure_ascii=False).encode("utf-8") + b"\n")  # line 4
        f.write(b'{"id": "latin", "text": "Caf\xe9 cr\xe8me, a story in Latin-1 bytes."}\n')  # line 5
        f.write(b"[1, 2]\n")  # line 6: not an object
        f.write(json.dumps(long).encode("utf-8") + b"\n")  # line 7
        for r in records[2:]:
            f.write(json.dumps(r, ensure_ascii=False).encode("utf-8") + b"\n")
    out = tmp_path / "out"
    res = CliRunner().invoke(app, ["clean", str(src), "-o", str(out), "--engine", "ray"])
    assert res.exit_code == 1, res.output
    errors = [json.loads(x) for x in (tmp_path / "out.errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(e["file"], e["line"]) for e in errors] == [(str(src), 6)]
    assert "not an object" in errors[0]["error"]
    assert f"{src}:6:" in res.output
    got = _read_outputs(out)
    assert set(got) == {r["id"] for r in records} | {"odd", "latin", "long"}
    assert got["latin"]["text"].startswith("Café crème")
    assert "line separator" in got["odd"]["text"] and "next line in it." in got["odd"]["text"]
    assert len(got["long"]["text"]) > 2_000_000

    # With a limit under the long record's size, it is an error with its line, as locally.
    out2 = tmp_path / "out2"
    res = CliRunner().invoke(app, ["clean", str(src), "-o", str(out2), "--engine", "ray", "--max-doc-bytes", "1000000"])
    assert res.exit_code == 1, res.output
    errors = [json.loads(x) for x in (tmp_path / "out2.errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted((e["line"], e["error"].split(":")[0]) for e in errors) == [(6, "JSON line is a list, not an object"),
                                                                           (7, "line too long")]
    assert set(_read_outputs(out2)) == {r["id"] for r in records} | {"odd", "latin"}


@pytest.mark.engine
@pytest.mark.parametrize("batch_format", ["pandas", "pyarrow"])
def test_ray_dataset_rules_reach_workers_without_the_folder(ray_session, rules_dir, tmp_path, batch_format):
    from cleaner.integrations.ray import clean_dataset

    d = tmp_path / "rules"
    shutil.copytree(rules_dir, d)
    records = corpus(60)
    ds = clean_dataset(ray_session.data.from_items(records), rules=d, batch_format=batch_format, batch_size=16)
    shutil.rmtree(d)  # the dataset is lazy: the workers run after the folder is gone
    rows = ds.take_all()
    want = expected_records(records, rules_dir)
    assert len(rows) == len(want)
    for row in rows:
        w = want[row["id"]]
        assert row["text"] == w["text"]
        meta = {k[5:]: v for k, v in row.items() if k.startswith("meta_") and v is not None}
        assert meta == w["metadata"]
        assert row["lang"] == "en"


# --- HuggingFace datasets -----------------------------------------------------------------------


@pytest.mark.engine
def test_hf_map_num_proc_equals_single_process(tmp_path):
    datasets = need("datasets")
    from cleaner.integrations.hf import clean_batch

    records = [dict(r, url=r.get("url") or "") for r in corpus()]  # one type per column
    ds = datasets.Dataset.from_list(records)
    out = ds.map(clean_batch, batched=True, batch_size=16, num_proc=2)
    want = expected_records(records)
    assert len(out) == len(want)
    for row in out:
        w = want[row["id"]]
        assert row["text"] == w["text"]
        assert {k[5:]: v for k, v in row.items() if k.startswith("meta_") and v is not None} == w["metadata"]


@pytest.mark.engine
def test_hf_other_text_field_and_rules(rules_dir):
    datasets = need("datasets")
    from cleaner.integrations.hf import clean_dataset

    records = [{"id": r["id"], "body": r["text"], "url": r.get("url") or ""} for r in corpus(40)]
    out = clean_dataset(datasets.Dataset.from_list(records), rules=rules_dir, text_field="body", prefix="c_")
    want = expected_records([{"id": r["id"], "text": r["body"], "url": r["url"]} for r in records], rules_dir)
    for row in out:
        assert row["body"] == want[row["id"]]["text"]
        assert {k[2:]: v for k, v in row.items() if k.startswith("c_") and v is not None} == want[row["id"]]["metadata"]


# --- datatrove ----------------------------------------------------------------------------------


def _datatrove_outputs(folder: Path) -> dict[str, dict]:
    got = {}
    for f in sorted(folder.glob("*.jsonl.gz")):
        with gzip.open(f, "rt", encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                got[rec["id"]] = rec
    return got


def _check_datatrove(out: Path, records: list[dict], rules) -> None:
    want = expected_records(records, rules)
    got = _datatrove_outputs(out)
    assert set(got) == set(want)
    for rid, w in want.items():
        src = next(r for r in records if r["id"] == rid)
        carried = {k: v for k, v in src.items() if k not in ("id", "text")}
        assert got[rid]["text"] == w["text"]
        meta = dict(got[rid]["metadata"])
        meta.pop("file_path", None)  # added by datatrove's reader
        assert meta == {**carried, **w["metadata"]}


@pytest.mark.engine
def test_datatrove_local_executor_equals_single_process(rules_dir, tmp_path):
    need("datatrove")
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    from cleaner.integrations.datatrove import CleanerStep

    records = corpus(80)
    src = tmp_path / "in"
    src.mkdir()
    _write_jsonl(src / "a.jsonl.gz", records[:40])
    _write_jsonl(src / "b.jsonl.gz", records[40:])
    out = tmp_path / "out"
    LocalPipelineExecutor(
        pipeline=[JsonlReader(str(src)), CleanerStep(rules=rules_dir), JsonlWriter(str(out))],
        tasks=2, workers=2, logging_dir=str(tmp_path / "logs"),
    ).run()
    _check_datatrove(out, records, rules_dir)
    stats = json.loads((tmp_path / "logs" / "stats.json").read_text())
    step = next(s for s in stats if "cleaner" in s["name"])
    assert step["stats"]["documents"] == 80
    assert "removed.test.internal-note" in step["stats"]


@pytest.mark.engine
def test_datatrove_ray_executor_equals_single_process(ray_session, rules_dir, tmp_path):
    need("datatrove")
    from datatrove.executor.ray import RayPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    from cleaner.integrations.datatrove import CleanerStep

    records = corpus(60)
    src = tmp_path / "in"
    src.mkdir()
    _write_jsonl(src / "a.jsonl.gz", records[:30])
    _write_jsonl(src / "b.jsonl.gz", records[30:])
    out = tmp_path / "out"
    d = tmp_path / "rules"
    shutil.copytree(rules_dir, d)
    step = CleanerStep(rules=d)
    shutil.rmtree(d)  # the step carries the rules as text
    RayPipelineExecutor(
        pipeline=[JsonlReader(str(src)), step, JsonlWriter(str(out))],
        tasks=2, workers=2, mem_per_cpu_gb=0.25, logging_dir=str(tmp_path / "logs"),
    ).run()
    _check_datatrove(out, records, rules_dir)

