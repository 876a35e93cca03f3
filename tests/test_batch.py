"""Batch cleaning from the command line: formats in and out, kill and resume, bad inputs."""

from __future__ import annotations

import gzip
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app

REPO = Path(__file__).resolve().parent.parent
runner = CliRunner()

ARTICLE = (
    "Home | News | Sport\n\n"
    "Share on Facebook\n\n"
    "The council met on Tuesday to discuss the new budget for the coming year.\n"
    "Members agreed that the library would stay open on Sundays.\n\n"
    "Sign up for our newsletter\n"
)


def _records(n: int, start: int = 0) -> list[dict]:
    return [
        {"id": f"doc-{i:06d}", "url": f"https://example.com/a/{i}", "lang": "en",
         "text": f"Story number {i}.\n\n" + ARTICLE * (1 + i % 3)}
        for i in range(start, start + n)
    ]


def _write_jsonl_gz(path: Path, records: list[dict]) -> None:
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r) + "\n")


def _read_jsonl(path: Path) -> list[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _cli(*args: str) -> list[str]:
    return [sys.executable, str(REPO / "cli.py"), "clean", *args]


def _env() -> dict[str, str]:
    # Checkpoint after every batch, so that a kill lands mid-run however fast the machine is.
    return {**os.environ, "PYTHONPATH": str(REPO), "CLEANER_CHECKPOINT_SECONDS": "0"}


# ------------------------------------------------------------------ formats


def test_jsonl_gz_to_jsonl_carries_fields_in_order(tmp_path):
    recs = _records(150)
    src = tmp_path / "in.jsonl.gz"
    _write_jsonl_gz(src, recs)
    before = src.read_bytes()
    out = tmp_path / "out.jsonl.gz"
    res = runner.invoke(app, ["clean", str(src), "-o", str(out), "--jobs", "2", "--report", str(tmp_path / "r.json")])
    assert res.exit_code == 0, res.output
    assert src.read_bytes() == before
    got = _read_jsonl(out)
    assert [r["id"] for r in got] == [r["id"] for r in recs]  # input order
    assert all(r["lang"] == "en" and r["url"].startswith("https://example.com/") for r in got)
    assert "Share on Facebook" not in got[0]["text"] and "The council met" in got[0]["text"]
    assert "metadata" in got[0]
    report = json.loads((tmp_path / "r.json").read_text())
    assert report["documents"] == 150 and report["failed"] == 0
    assert report["removed_lines_by_rule"]
    assert not list(tmp_path.glob("*.partial")) and not list(tmp_path.glob("*.progress.json"))


def test_custom_fields_and_stdin_to_stdout(tmp_path):
    lines = "".join(json.dumps({"key": f"k{i}", "body": ARTICLE, "link": "https://x.org/p"}) + "\n" for i in range(3))
    res = runner.invoke(app, ["clean", "-", "-o", "-", "--text-field", "body", "--id-field", "key",
                              "--url-field", "link"], input=lines)
    assert res.exit_code == 0, res.output
    got = [json.loads(x) for x in res.stdout.splitlines() if x.startswith("{")]
    assert [r["key"] for r in got] == ["k0", "k1", "k2"]
    assert all("Members agreed" in r["body"] and "newsletter" not in r["body"] for r in got)


def test_folder_tree_mirrors_input_with_glob(tmp_path):
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "a.txt").write_text(ARTICLE)
    (src / "sub" / "b.txt").write_text(ARTICLE)
    (src / "sub" / "skip.md").write_text(ARTICLE)
    _write_jsonl_gz(src / "sub" / "c.jsonl.gz", _records(2))
    out = tmp_path / "out"
    res = runner.invoke(app, ["clean", str(src), "-o", str(out), "--glob", "*.txt"])
    assert res.exit_code == 0, res.output
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == [
        "a.json", "a.txt", "sub/b.json", "sub/b.txt"]
    res = runner.invoke(app, ["clean", str(src), "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert (out / "sub" / "c" / "doc-000001.txt").exists()


def test_tree_names_never_collide(tmp_path):
    # page.txt beside page.html (and beside page.txt.gz) would all become page.txt: each keeps
    # its own file instead; record ids with a dot keep it (v1.2 and v1.3 are two documents).
    src = tmp_path / "in"
    src.mkdir()
    (src / "page.txt").write_text(ARTICLE.replace("The council", "Plain: the council"))
    (src / "page.html").write_text("<html><body><article><p>From HTML: the council met on Tuesday "
                                   "to discuss the new budget for the coming year.</p></article></body></html>")
    with gzip.open(src / "page.txt.gz", "wt") as f:
        f.write(ARTICLE.replace("The council", "Gzipped: the council"))
    (src / "other.txt").write_text(ARTICLE)
    recs = _records(2)
    recs[0]["id"], recs[1]["id"] = "v1.2", "v1.3"
    _write_jsonl_gz(src / "feed.jsonl.gz", recs)
    out = tmp_path / "out"
    res = runner.invoke(app, ["clean", str(src), "-o", str(out), "--jobs", "1"])
    assert res.exit_code == 0, res.output
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.txt"))
    assert files == ["feed/v1.2.txt", "feed/v1.3.txt", "other.txt", "page.html.txt",
                     "page.txt.gz.txt", "page.txt.txt"]
    assert (out / "page.html.txt").read_text().startswith("From HTML")
    assert (out / "page.txt.txt").read_text().startswith("Plain")
    assert (out / "page.txt.gz.txt").read_text().startswith("Gzipped")
    assert json.loads((out / "page.html.json").read_text())["id"] == "page.html"


def test_tree_records_with_repeated_ids_all_kept(tmp_path):
    # A feed where ids repeat (re-crawled pages) or one id equals another record's line-number
    # name: every record still gets its own pair of files, across worker batches too.
    recs = _records(200)
    for r in recs:
        r["text"] = r["text"].replace("Story number", "Report number")
    recs[1]["id"] = recs[0]["id"]  # same batch
    recs[150]["id"] = recs[0]["id"]  # a later batch, another worker
    del recs[2]["id"]  # named by its line: 00000003
    recs[3]["id"] = "00000003"
    src = tmp_path / "feed.jsonl.gz"
    _write_jsonl_gz(src, recs)
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        res = runner.invoke(app, ["clean", str(src), "-o", str(out), "--jobs", jobs])
        assert res.exit_code == 0, res.output
        texts = sorted(p.read_text() for p in out.rglob("*.txt"))
        assert len(texts) == 200
        numbers = sorted(int(t.split()[2].rstrip(".")) for t in texts)
        assert numbers == list(range(200))
        assert (out / "feed" / "doc-000000.txt").read_text().startswith("Report number 0.")
        assert (out / "feed" / "doc-000000~2.txt").read_text().startswith("Report number 1.")
        assert (out / "feed" / "doc-000000~151.txt").read_text().startswith("Report number 150.")
        assert (out / "feed" / "00000003.txt").read_text().startswith("Report number 2.")
        assert (out / "feed" / "00000003~4.txt").read_text().startswith("Report number 3.")
        assert json.loads((out / "feed" / "doc-000000~2.json").read_text())["id"] == "doc-000000"


def test_warc_html_records_are_read(tmp_path):
    warcio = pytest.importorskip("warcio")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=True)
        for i, ctype in enumerate(["text/html; charset=utf-8", "image/png", "text/html"]):
            body = f"<html><body><p>Page {i}</p></body></html>".encode()
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(f"https://example.com/{i}", "response",
                                                payload=io.BytesIO(body), http_headers=headers))
    from cleaner.io.readers import find_sources, read_source

    items = [it for s in find_sources([path]) for it in read_source(s)]
    assert warcio and [it.url for it in items] == ["https://example.com/0", "https://example.com/2"]
    assert all(it.format == "html" and b"<p>Page" in it.data for it in items)
    assert [it.line for it in items] == [1, 3] and items[0].unit == "record"


# ------------------------------------------------------------------ kill -9, Ctrl-C, resume


def _wait_for_checkpoint(proc: subprocess.Popen, progress: Path, timeout: float = 120) -> int:
    t0 = time.time()
    while time.time() - t0 < timeout:
        if proc.poll() is not None:
            pytest.fail(f"the run ended before it could be interrupted:\n{proc.stderr.read().decode()}")
        if progress.exists():
            try:
                done = json.loads(progress.read_text())["done"]
            except (ValueError, KeyError):
                done = 0
            if done > 0:
                return done
        time.sleep(0.02)
    pytest.fail("no checkpoint written")


def _start(args: list[str], progress: Path) -> subprocess.Popen:
    """Start a run in its own process group; return once it has checkpointed some work."""
    proc = subprocess.Popen(args, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)
    _wait_for_checkpoint(proc, progress)
    return proc


def _interrupt_mid_run(args: list[str], progress: Path, how: str) -> None:
    proc = _start(args, progress)
    time.sleep(0.3)  # land somewhere past the checkpoint, mid-batch
    if how == "SIGKILL":
        os.killpg(proc.pid, signal.SIGKILL)  # the whole process group: main and workers
        proc.wait()
    else:
        os.kill(proc.pid, signal.SIGINT)  # what Ctrl-C sends to the main process
        assert proc.wait(timeout=60) == 130, proc.stderr.read().decode()


@pytest.mark.slow
@pytest.mark.parametrize("how", ["SIGKILL", "SIGINT"])
def test_killed_run_resumes_with_every_document_exactly_once(tmp_path, how):
    recs = _records(4000)
    src = tmp_path / "in.jsonl.gz"
    _write_jsonl_gz(src, recs)
    out = tmp_path / "out.jsonl.gz"
    progress = tmp_path / "out.jsonl.gz.progress.json"
    args = _cli(str(src), "-o", str(out), "--jobs", "2", "--quiet")
    _interrupt_mid_run(args, progress, how)
    assert not out.exists(), "the output must not look complete after an interruption"
    assert (tmp_path / "out.jsonl.gz.partial").exists() and progress.exists()

    done = subprocess.run(args + ["--resume"], env=_env(), capture_output=True, timeout=600)
    assert done.returncode == 0, done.stderr.decode()
    assert b"resuming after" in done.stderr
    ids = [r["id"] for r in _read_jsonl(out)]
    assert len(ids) == len(recs)
    assert ids == [r["id"] for r in recs]  # every document exactly once, in input order
    assert not progress.exists() and not (tmp_path / "out.jsonl.gz.partial").exists()


def _tree(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


@pytest.mark.slow
def test_killed_tree_run_with_repeated_ids_resumes_with_the_same_names(tmp_path):
    # Every id repeats all through the feed (re-crawled pages): a repeat is named `<id>~<line>`.
    # A resumed run must name each record as the uninterrupted run does, whatever was named
    # before the kill, so that no file is overwritten by another record or written twice.
    recs = _records(4000)
    for i, r in enumerate(recs):
        r["id"] = f"page-{i % 40:02d}"
    src = tmp_path / "feed.jsonl.gz"
    _write_jsonl_gz(src, recs)
    whole = tmp_path / "whole"
    res = subprocess.run(_cli(str(src), "-o", str(whole), "--jobs", "2", "--quiet"), env=_env(),
                         capture_output=True, timeout=600)
    assert res.returncode == 0, res.stderr.decode()
    expected = _tree(whole)
    assert len(expected) == 2 * len(recs)
    assert "feed/page-00.txt" in expected and "feed/page-00~41.txt" in expected

    out = tmp_path / "out"
    progress = tmp_path / "out.progress.json"
    args = _cli(str(src), "-o", str(out), "--jobs", "2", "--quiet")
    _interrupt_mid_run(args, progress, "SIGKILL")
    done = subprocess.run(args + ["--resume"], env=_env(), capture_output=True, timeout=600)
    assert done.returncode == 0, done.stderr.decode()
    assert b"resuming after" in done.stderr
    got = _tree(out)
    assert sorted(got) == sorted(expected), (set(got) ^ set(expected))  # none missing, none extra
    assert got == expected  # and each holds its own record
    assert not progress.exists() and not list(tmp_path.glob("out.*"))  # no state left behind


def test_resume_refuses_other_inputs(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in _records(5)))
    out = tmp_path / "out.jsonl"
    (tmp_path / "out.jsonl.progress.json").write_text(json.dumps(
        {"fingerprint": "something-else", "done": 2, "stats": {}, "out_bytes": 0, "err_bytes": 0}))
    res = runner.invoke(app, ["clean", str(src), "-o", str(out), "--resume"])
    assert res.exit_code == 2 and "other inputs" in res.output


# ------------------------------------------------------------------ bad inputs


def test_bad_inputs_are_reported_and_the_batch_goes_on(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(ARTICLE)
    # Not UTF-8 and no charset fits: every byte from 0x80 to 0xff, on line 3.
    (src / "undecodable.txt").write_bytes(b"A title\n\n" + bytes(range(0x80, 0x100)) * 4 + b"\n")
    (src / "binary.txt").write_bytes(b"Some text\n" + b"\x00\x01\x02\x03" * 1000)  # NUL bytes, line 2
    huge = b'{"id": "huge", "text": "' + b"x" * (50 * 1024 * 1024) + b'"}\n'
    good = [json.dumps(r).encode() + b"\n" for r in _records(3)]
    with open(src / "docs.jsonl", "wb") as f:
        f.write(good[0])  # line 1
        f.write(b'{"id": "broken", "text": "no closing quote}\n')  # line 2: malformed JSON
        f.write(good[1])  # line 3
        f.write(huge)  # line 4: a 50 MB single line
        f.write(b'{"id": "latin", "text": "\xff\xfe\x00\x81"}\n')  # line 5: not text
        f.write(good[2])  # line 6
    (src / "image.jsonl").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64)  # a binary file
    before = {p.name: p.stat().st_size for p in src.iterdir()}

    out = tmp_path / "out.jsonl"
    res = runner.invoke(app, ["clean", str(src), "-o", str(out), "--jobs", "1"])
    assert res.exit_code == 1, res.output
    assert {p.name: p.stat().st_size for p in src.iterdir()} == before  # inputs untouched

    got = _read_jsonl(out)
    assert sorted(r["id"] for r in got) == ["doc-000000", "doc-000001", "doc-000002", "good.txt"]
    errors = _read_jsonl(tmp_path / "out.jsonl.errors.jsonl")
    by_file = {(Path(e["file"]).name, e.get("line", e.get("record"))): e["error"] for e in errors}
    assert len(errors) == 6, errors
    assert "malformed JSON" in by_file[("docs.jsonl", 2)]
    assert "line too long" in by_file[("docs.jsonl", 4)] and "--max-doc-bytes" in by_file[("docs.jsonl", 4)]
    assert "undecodable" in by_file[("docs.jsonl", 5)]
    assert "binary" in by_file[("binary.txt", 2)]
    assert "undecodable" in by_file[("undecodable.txt", 3)]
    assert "binary" in by_file[("image.jsonl", 1)]
    assert "6 document(s) failed" in res.output


def test_legacy_charset_is_decoded_not_rejected(tmp_path):
    f = tmp_path / "fr.txt"
    f.write_bytes("Le conseil a adopté le budget de l'année prochaine à l'unanimité.\n".encode("cp1252"))
    res = runner.invoke(app, ["clean", str(f)])
    assert res.exit_code == 0 and "adopté" in res.stdout and "année" in res.stdout


@pytest.mark.slow
def test_dead_worker_stops_the_run_resumably(tmp_path):
    psutil = pytest.importorskip("psutil")
    recs = _records(4000)
    src = tmp_path / "in.jsonl.gz"
    _write_jsonl_gz(src, recs)
    out = tmp_path / "out.jsonl.gz"
    args = _cli(str(src), "-o", str(out), "--jobs", "2", "--quiet")
    proc = _start(args, tmp_path / "out.jsonl.gz.progress.json")
    workers = psutil.Process(proc.pid).children()
    assert workers
    workers[0].kill()  # as the kernel's OOM killer would
    try:
        rc = proc.wait(timeout=120)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        pytest.fail("the run hung after a worker died")
    assert rc == 1 and b"worker process died" in proc.stderr.read()
    done = subprocess.run(args + ["--resume"], env=_env(), capture_output=True, timeout=600)
    assert done.returncode == 0, done.stderr.decode()
    assert [r["id"] for r in _read_jsonl(out)] == [r["id"] for r in recs]
