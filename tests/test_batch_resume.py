"""Resume and bad input, as a demanding user meets them: interrupted runs continued once or twice,
with other options, from stdin; empty files, files that vanish, folders that cannot be read.

The runs are stopped in-process (a Ctrl-C raised after a few batches) so that these tests are fast;
tests/test_batch.py kills real processes with kill -9.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleaner import Cleaner, batch
from cleaner.batch import BatchOptions, run_batch
from cleaner.io.readers import find_sources
from cli import app
from tests.test_batch import ARTICLE, _read_jsonl, _records, _tree, _write_jsonl_gz

runner = CliRunner()


def _interrupt_after(monkeypatch: pytest.MonkeyPatch, batches: int) -> None:
    """Make the next run raise a Ctrl-C after `batches` batches, checkpointing after each one."""
    real = batch.process_batch
    calls = [0]

    def process(items):
        calls[0] += 1
        if calls[0] > batches:
            raise KeyboardInterrupt
        return real(items)

    monkeypatch.setattr(batch, "process_batch", process)
    monkeypatch.setattr(batch, "CHECKPOINT_SECONDS", 0.0)


def _feed(tmp_path: Path, n: int = 150) -> tuple[Path, list[dict]]:
    recs = _records(n)
    for i, r in enumerate(recs):
        r["id"] = f"page-{i % 7}"  # repeated ids: tree names depend on what came before
    src = tmp_path / "feed.jsonl.gz"
    _write_jsonl_gz(src, recs)
    return src, recs


def _interrupted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, output: str,
                 batches: int = 1) -> tuple[Path, list[dict], Path, list[str]]:
    """A run of `_feed` to `output` stopped by Ctrl-C after `batches` batches: (input, its
    records, output, the arguments that ran it)."""
    src, recs = _feed(tmp_path)
    out = tmp_path / output
    args = ["clean", str(src), "-o", str(out), "--jobs", "1"]
    with monkeypatch.context() as m:
        _interrupt_after(m, batches)
        res = runner.invoke(app, args)
    assert res.exit_code == 130, res.output
    return src, recs, out, args


@pytest.mark.parametrize("output", ["out.jsonl.gz", "out"])
def test_interrupted_run_resumed_twice(tmp_path, monkeypatch, output):
    src, recs, out, args = _interrupted(tmp_path, monkeypatch, output, batches=2)
    whole = tmp_path / ("whole" + output[3:])
    assert runner.invoke(app, ["clean", str(src), "-o", str(whole), "--jobs", "1"]).exit_code == 0
    assert json.loads((tmp_path / f"{output}.progress.json").read_text())["done"] == 128

    res = runner.invoke(app, [*args, "--resume"])
    assert res.exit_code == 0, res.output
    assert "resuming after 128 item(s)" in res.output
    if out.is_dir():
        assert _tree(out) == _tree(whole)  # same names, same contents
    else:
        assert [r["id"] for r in _read_jsonl(out)] == [r["id"] for r in recs]
        assert out.read_bytes() != b""
    before = _tree(tmp_path)
    res = runner.invoke(app, [*args, "--resume"])  # once more: nothing left to do
    assert res.exit_code == 0 and "already complete; nothing to resume" in res.output
    assert _tree(tmp_path) == before


def test_resume_with_other_options_is_refused_naming_them(tmp_path, monkeypatch):
    src, _, _, args = _interrupted(tmp_path, monkeypatch, "out.jsonl")
    res = runner.invoke(app, [*args, "--resume", "--text-field", "body", "--site", "example.com"])
    assert res.exit_code == 2
    assert "not the same: --text-field, --site" in res.output
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "extra.toml").write_text("[pack]\nname = \"extra\"\n")
    res = runner.invoke(app, [*args, "--resume", "--rules", str(rules)])
    assert res.exit_code == 2 and "not the same: the rule files" in res.output
    _write_jsonl_gz(src, _records(151))  # the input changed
    res = runner.invoke(app, [*args, "--resume"])
    assert res.exit_code == 2 and "the input files" in res.output
    res = runner.invoke(app, args)  # without --resume: starts over, and says so
    assert res.exit_code == 0 and "starting over" in res.output


def test_resume_from_stdin_is_refused(tmp_path):
    lines = "".join(json.dumps(r) + "\n" for r in _records(3))
    res = runner.invoke(app, ["clean", "-", "-o", str(tmp_path / "o.jsonl"), "--resume"], input=lines)
    assert res.exit_code == 2 and "standard input" in res.output
    assert not list(tmp_path.iterdir())


def test_resume_sweeps_only_its_own_temporary_files(tmp_path, monkeypatch):
    _, _, out, args = _interrupted(tmp_path, monkeypatch, "out")
    # What a kill -9 inside an atomic write leaves, beside a user's own file of a like name.
    stale = out / "feed" / ".page-3~11.txt.k2j4_x9a.cleaner.tmp"
    stale.write_text("half")
    (tmp_path / ".out.progress.json.abcdefgh.cleaner.tmp").write_text("{")
    mine = out / "feed" / ".notes.tmp"
    mine.write_text("keep me")
    assert runner.invoke(app, [*args, "--resume"]).exit_code == 0
    assert not stale.exists() and not (tmp_path / ".out.progress.json.abcdefgh.cleaner.tmp").exists()
    assert mine.read_text() == "keep me"


def test_empty_files_are_no_error(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for name in ("a.txt", "b.jsonl", "c.json", "d.html", "e.jsonl.gz"):
        (src / name).write_bytes(b"")
    (src / "f.jsonl").write_text("\n\n")
    res = runner.invoke(app, ["clean", str(src), "-o", str(tmp_path / "out.jsonl")])
    assert res.exit_code == 0, res.output
    assert [r["id"] for r in _read_jsonl(tmp_path / "out.jsonl")] == ["a.txt", "d.html"]
    assert not (tmp_path / "out.jsonl.errors.jsonl").exists()


def test_file_vanishing_mid_run_is_reported(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for name in ("a.txt", "b.txt", "c.jsonl"):
        (src / name).write_text(ARTICLE if name.endswith(".txt") else json.dumps(_records(1)[0]) + "\n")
    sources = find_sources([src])
    (src / "b.txt").unlink()  # after the files were listed, before they are read
    (src / "c.jsonl").unlink()
    opts = BatchOptions(output=str(tmp_path / "out.jsonl"), jobs=1)
    res = run_batch(sources, Cleaner(), opts, warn=lambda m: None)
    assert (res.stats.documents, res.stats.cleaned, res.stats.failed) == (3, 1, 2)
    errors = _read_jsonl(tmp_path / "out.jsonl.errors.jsonl")
    assert [(Path(e["file"]).name, e["line"]) for e in errors] == [("b.txt", 1), ("c.jsonl", 1)]
    assert all("No such file" in e["error"] for e in errors)


def test_folder_without_read_permission_is_reported(tmp_path, monkeypatch):
    src = tmp_path / "in"
    (src / "locked").mkdir(parents=True)
    (src / "locked" / "b.txt").write_text(ARTICLE)
    (src / "z.txt").write_text(ARTICLE)
    (src / "locked").chmod(0)  # enough when not root; as root, listing it is refused below
    real_scandir = os.scandir

    def scandir(path="."):
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    try:
        res = runner.invoke(app, ["clean", str(src), "-o", str(tmp_path / "out.jsonl")])
    finally:
        (src / "locked").chmod(0o755)
    assert res.exit_code == 1, res.output
    assert [r["id"] for r in _read_jsonl(tmp_path / "out.jsonl")] == ["z.txt"]
    (error,) = _read_jsonl(tmp_path / "out.jsonl.errors.jsonl")
    assert error["file"] == str(src / "locked") and "cannot read folder: Permission denied" in error["error"]
    assert "1 document(s) failed" in res.output


def test_run_killed_while_putting_its_files_in_place_is_finished_by_resume(tmp_path, monkeypatch):
    src = tmp_path / "in.jsonl"
    lines = [json.dumps(r) + "\n" for r in _records(5)]
    lines[2] = '{"id": "broken", "text": \n'
    src.write_text("".join(lines))
    out = tmp_path / "out.jsonl"
    args = ["clean", str(src), "-o", str(out), "--jobs", "1"]
    from cleaner.io.writers import ResumableFile

    real = ResumableFile.finish

    def finish_once(self, **kw):  # the output is renamed, then the run is killed
        if self.path != out:
            raise KeyboardInterrupt
        return real(self, **kw)

    with monkeypatch.context() as m:
        m.setattr(ResumableFile, "finish", finish_once)
        assert runner.invoke(app, args).exit_code == 130
    assert out.exists() and (tmp_path / "out.jsonl.errors.jsonl.partial").exists()
    res = runner.invoke(app, [*args, "--resume"])
    assert res.exit_code == 1 and "already complete" in res.output, res.output  # 1: a document failed
    assert "1 document(s) failed; see" in res.output
    assert [r["id"] for r in _read_jsonl(out)] == ["doc-000000", "doc-000001", "doc-000003", "doc-000004"]
    (error,) = _read_jsonl(tmp_path / "out.jsonl.errors.jsonl")
    assert error["line"] == 3 and "malformed JSON" in error["error"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "out.jsonl", "out.jsonl.errors.jsonl"]


def test_unreadable_progress_file_and_unwritable_output_are_clear_errors(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in _records(3)))
    out = tmp_path / "out.jsonl"
    (tmp_path / "out.jsonl.progress.json").write_text("{not json")
    res = runner.invoke(app, ["clean", str(src), "-o", str(out), "--resume"])
    assert res.exit_code == 2 and "out.jsonl.progress.json: cannot read it" in res.output
    res = runner.invoke(app, ["clean", str(src), "-o", str(out)])  # starting over needs no state
    assert res.exit_code == 0 and "starting over" in res.output
    (tmp_path / "a-file").write_text("")
    res = runner.invoke(app, ["clean", str(src), "-o", str(tmp_path / "a-file" / "out.jsonl")])
    assert res.exit_code == 1 and "cannot write:" in res.output and "Traceback" not in res.output


def test_tree_names_from_ids_stay_in_their_folder_and_apart_in_any_case(tmp_path):
    # "." would name the feed's folder itself (feed/. is feed, written as feed.txt beside it),
    # ".." and ".x" hidden or odd files; "Page" and "page" are one file on some file systems.
    recs = _records(6)
    for r, i in zip(recs, [".", "..", ".hidden", "Page", "page", "ok"], strict=True):
        r["id"] = i
    src = tmp_path / "feed.jsonl.gz"
    _write_jsonl_gz(src, recs)
    out = tmp_path / "out"
    res = runner.invoke(app, ["clean", str(src), "-o", str(out), "--jobs", "1"])
    assert res.exit_code == 0, res.output
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.txt")) == [
        "feed/00000001.txt", "feed/00000002.txt", "feed/00000003.txt",
        "feed/Page.txt", "feed/ok.txt", "feed/page~5.txt"]
    assert json.loads((out / "feed" / "00000001.json").read_text())["id"] == "."

