"""The `cleaner` command: a thin typer layer over the library (the library never imports this)."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Annotated, Optional

import typer

from cleaner import Cleaner, CleanerError, RuleError
from cleaner.batch import BatchAborted, BatchOptions, run_batch
from cleaner.io.readers import DEFAULT_MAX_DOC_BYTES, find_sources
from cleaner.suggest_input import MAX_PAGES

app = typer.Typer(
    help="Strip boilerplate from scraped articles; keep the article's text and metadata.",
    no_args_is_help=True,
    add_completion=False,
)

@app.callback()
def _root() -> None:
    """cleaner: boilerplate removal for scraped articles, driven by rule files."""


def _die(msg: str, code: int = 2) -> None:
    typer.echo(f"cleaner: {msg}", err=True)
    raise typer.Exit(code)


def _build_cleaner(rules: list[Path] | None) -> Cleaner:
    try:
        return Cleaner(rules=[str(r) for r in rules] if rules else None)
    except RuleError as e:
        _die(f"invalid rule file: {e}")
        raise  # unreachable


@app.command()
def clean(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursive), fsspec URLs, or - for stdin: .txt, .html, .json, .jsonl[.gz|.zst], .warc[.gz].")],
    output: Annotated[Optional[str], typer.Option("-o", "--output", help="A folder (<name>.txt + <name>.json), a .jsonl/.jsonl.gz/.jsonl.zst file, or - for JSON lines on stdout. Default: the text on stdout.")] = None,
    rules: Annotated[Optional[list[Path]], typer.Option("--rules", help="Extra rule folder or file, layered on the defaults.")] = None,
    url: Annotated[Optional[str], typer.Option("--url", help="The documents' URL (selects site packs).")] = None,
    site: Annotated[Optional[str], typer.Option("--site", help="Apply this site's pack (e.g. tampafp.com).")] = None,
    fmt: Annotated[Optional[str], typer.Option("--format", help="text or html (default: by file type, else detect).")] = None,
    explain: Annotated[bool, typer.Option("--explain", help="Show each removal with its rule, and metadata sources.")] = False,
    glob: Annotated[Optional[list[str]], typer.Option("--glob", help="Only files in folders matching this pattern (repeatable), e.g. '*.jsonl.gz'.")] = None,
    text_field: Annotated[str, typer.Option("--text-field", help="JSON field holding the document.")] = "text",
    id_field: Annotated[str, typer.Option("--id-field", help="JSON field holding the id.")] = "id",
    url_field: Annotated[str, typer.Option("--url-field", help="JSON field holding the URL.")] = "url",
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=0, help="Worker processes (0: all cores).")] = 0,
    resume: Annotated[bool, typer.Option("--resume", help="Continue an interrupted run to the same -o.")] = False,
    errors: Annotated[Optional[str], typer.Option("--errors", help="Errors file (JSON lines). Default: <output>.errors.jsonl.")] = None,
    report: Annotated[Optional[str], typer.Option("--report", help="Write the summary as JSON here.")] = None,
    removed: Annotated[bool, typer.Option("--removed", help="Include the removals in JSON-lines records.")] = False,
    max_doc_bytes: Annotated[int, typer.Option("--max-doc-bytes", min=1, help="Refuse documents (and JSON lines) larger than this.")] = DEFAULT_MAX_DOC_BYTES,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary.")] = False,
    engine: Annotated[str, typer.Option("--engine", help="local, or ray: JSON lines/Parquet in, JSON-lines files in -o.")] = "local",
    address: Annotated[Optional[str], typer.Option("--address", help="Ray cluster address (default: start Ray locally).")] = None,
) -> None:
    """Clean documents: print the text, or write a mirrored folder or JSON lines under -o."""
    if engine != "local":
        _refuse_unsupported(engine, {
            "--resume": resume, "--glob": glob, "--url": url, "--site": site, "--format": fmt, "--explain": explain,
            "--jobs": jobs, "--removed": removed,
        })
        _clean_on_engine(engine, paths, output, rules, address, text_field=text_field, id_field=id_field,
                         url_field=url_field, errors=errors, report=report, quiet=quiet, max_doc_bytes=max_doc_bytes)
        return
    cleaner = _build_cleaner(rules)
    try:
        sources = find_sources(paths, glob or ())
    except CleanerError as e:
        _die(str(e))
    if resume and output in (None, "-"):
        _die("--resume needs an output file or folder (-o)")
    opts = BatchOptions(
        output=output, jobs=jobs, text_field=text_field, id_field=id_field, url_field=url_field,
        url=url, site=site, format=fmt, explain=explain, with_removed=removed,
        max_doc_bytes=max_doc_bytes, errors=errors, report=report, resume=resume,
        progress=not quiet and sys.stderr.isatty(),
        headers=len(sources) > 1 or any(s.kind not in ("text", "html") for s in sources),
    )
    try:
        res = run_batch(sources, cleaner, opts, emit=typer.echo, warn=lambda m: typer.echo(m, err=True))
    except BatchAborted as e:
        _die(str(e), 1)
    except KeyboardInterrupt:  # a second Ctrl-C: the last checkpoint stands
        _die("interrupted; run again with --resume to continue", 130)
    except CleanerError as e:
        _die(str(e))
    except OSError as e:  # writing the output: a folder that cannot be written, a full disk
        _die(f"cannot write: {e}", 1)
    st = res.stats
    if res.interrupted:
        hint = "; run again with --resume to continue" if output not in (None, "-") else ""
        typer.echo(f"cleaner: interrupted after {st.documents} document(s){hint}", err=True)
        raise typer.Exit(130)
    if not quiet and output not in (None, "-"):
        typer.echo(f"cleaned {st.cleaned} of {st.documents} documents into {output} "
                   f"({st.documents / res.seconds if res.seconds else 0:,.0f} docs/s)", err=True)
        top = st.removed_lines.most_common(8)
        if top:
            typer.echo("lines removed: " + ", ".join(f"{r} {n:,}" for r, n in top), err=True)
    if st.failed:
        where = f"; see {res.errors_file}" if res.errors_file else ""
        typer.echo(f"cleaner: {st.failed} document(s) failed{where}", err=True)
        raise typer.Exit(1)


# ---------------------------------------------------------------------------------------------
# `cleaner rules ...`: write, test, check, list and suggest site packs (issue 6). Thin: the work is
# in cleaner/ruleset/{scaffold,packtest,check}.py and cleaner/suggest.py.
# ---------------------------------------------------------------------------------------------

rules_app = typer.Typer(help="Write, test, check, list and suggest rule packs.", no_args_is_help=True)
app.add_typer(rules_app, name="rules")


def _load_pack_args(packs: list[Path] | None):
    """The packs named (files or folders), or every shipped pack."""
    from cleaner.ruleset.loader import default_rules_dir, load_packs

    try:
        return load_packs(packs or [default_rules_dir()])
    except RuleError as e:
        _die(f"invalid rule file: {e}")
        raise  # unreachable


@rules_app.command("new")
def rules_new(
    site: Annotated[str, typer.Argument(help="The site's host name, e.g. example.com.")],
    folder: Annotated[Path, typer.Option("--dir", help="Folder for the pack (your rules folder).")] = Path("rules/sites"),
) -> None:
    """Scaffold a site pack with a commented example of every rule kind and a sample section."""
    from cleaner.ruleset.scaffold import new_pack

    try:
        path = new_pack(site, folder)
    except (ValueError, RuleError, OSError) as e:
        _die(str(e))
        raise  # unreachable
    typer.echo(f"wrote {path}; next: cleaner rules test {path}")


@rules_app.command("test")
def rules_test(
    packs: Annotated[Optional[list[Path]], typer.Argument(help="Pack files or folders (default: the shipped packs).")] = None,
) -> None:
    """Run every rule's examples and every pack's sample documents; exit 1 on any failure."""
    from cleaner.ruleset.packtest import run_pack

    failed = 0
    for pack in _load_pack_args(packs):
        report = run_pack(pack)
        status = "ok" if report.ok else f"FAILED ({len(report.failures)})"
        typer.echo(f"{status:>12}  {pack.path}: {report.rules} rules, {report.examples} examples, {report.samples} samples")
        for f in report.failures or ():
            typer.echo(f"    {f}")
        failed += not report.ok
    if failed:
        typer.echo(f"cleaner: {failed} pack(s) failed", err=True)
        raise typer.Exit(1)


@rules_app.command("check")
def rules_check(
    packs: Annotated[Optional[list[Path]], typer.Argument(help="Pack files or folders (default: the shipped packs).")] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 on warnings too.")] = False,
) -> None:
    """Warn of backtracking patterns, duplicate ids, shadowed rules, rules that miss their samples."""
    from cleaner.ruleset.check import check_packs
    from cleaner.ruleset.loader import default_rules_dir, load_dir

    checked = _load_pack_args(packs)
    mine = {str(Path(p.path).resolve()) for p in checked}
    context = [p for p in load_dir(default_rules_dir()) if str(Path(p.path).resolve()) not in mine]
    findings = check_packs(checked, context)
    for f in findings:
        typer.echo(str(f))
    errors = sum(f.level == "error" for f in findings)
    warnings = len(findings) - errors
    typer.echo(f"checked {len(checked)} pack(s), {sum(len(p.rules) for p in checked)} rules: {errors} error(s), {warnings} warning(s)")
    if errors or (strict and warnings):
        raise typer.Exit(1)


@rules_app.command("list")
def rules_list(
    rules: Annotated[Optional[list[Path]], typer.Option("--rules", help="Extra rule folder or file, listed after the defaults.")] = None,
) -> None:
    """Every pack and rule: id, kind, where it applies, description."""
    cleaner = _build_cleaner(rules)
    for pack in cleaner.packs:
        where = ", ".join(pack.sites) if pack.sites else "always"
        typer.echo(f"{pack.name}  [{pack.origin}; {where}]  {pack.path}")
        for r in pack.rules:
            typer.echo(f"  {r.id:<34} {r.kind:<9} {r.description}")


@rules_app.command("suggest")
def rules_suggest(
    paths: Annotated[list[str], typer.Argument(help="The site's pages: files or folders (recursive) of .txt, .html, .json, .jsonl[.gz|.zst], .warc[.gz] (5 or more pages).")],
    site: Annotated[str, typer.Option("--site", help="The site's host name, e.g. example.com; pages with a URL of another host are skipped.")],
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write the proposed pack here (default: stdout).")] = None,
    min_share: Annotated[float, typer.Option("--min-share", help="Share of pages a line must repeat on.")] = 0.5,
    glob: Annotated[Optional[list[str]], typer.Option("--glob", help="Only files in folders matching this pattern (repeatable), e.g. '*.jsonl.gz'.")] = None,
    text_field: Annotated[str, typer.Option("--text-field", help="JSON field holding the document.")] = "text",
    id_field: Annotated[str, typer.Option("--id-field", help="JSON field holding the id.")] = "id",
    url_field: Annotated[str, typer.Option("--url-field", help="JSON field holding the URL.")] = "url",
    max_doc_bytes: Annotated[int, typer.Option("--max-doc-bytes", min=1, help="Skip documents (and JSON lines) larger than this.")] = DEFAULT_MAX_DOC_BYTES,
    max_pages: Annotated[int, typer.Option("--max-pages", min=0, help="Learn from a random sample of this many of the site's pages when it has more (0: all).")] = MAX_PAGES,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the --max-pages sample: the same corpus and seed give the same pack.")] = 0,
) -> None:
    """Propose a site pack from the site's own pages: repeated lines, shapes, blocks, trailers."""
    from cleaner.io.writers import atomic_write_text
    from cleaner.suggest import suggest_pack
    from cleaner.suggest_input import FEW_PAGES, site_pages

    try:
        found = site_pages(paths, site, globs=glob or (), text_field=text_field, id_field=id_field,
                           url_field=url_field, max_bytes=max_doc_bytes, max_pages=max_pages, seed=seed,
                           warn=lambda m: typer.echo(f"cleaner: {m}", err=True))
    except CleanerError as e:
        _die(str(e))
        raise  # unreachable
    typer.echo(f"cleaner: {found.summary()}", err=True)
    if found.shortfall():
        _die(found.shortfall())
    if len(found.pages) < FEW_PAGES:
        typer.echo(f"cleaner: only {len(found.pages)} pages; proposals from fewer than {FEW_PAGES} pages are weak", err=True)
    try:
        text = suggest_pack(found.pages, site, min_share=min_share)
    except ValueError as e:
        _die(str(e))
        raise  # unreachable
    if output is None:
        typer.echo(text)
    else:
        atomic_write_text(output, text)
        typer.echo(f"wrote {output}; next: cleaner rules test {output}", err=True)


def _refuse_unsupported(engine: str, given: dict[str, object]) -> None:
    """Options the engine does not honour stop the run rather than being silently ignored. A
    killed Ray run leaves no output files (they are moved in only on success), so there is
    nothing to resume: the run is started again."""
    used = [name for name, value in given.items() if value]
    if used:
        _die(f"--engine {engine} does not support {', '.join(used)}"
             + (" (a killed Ray run leaves no output: run it again)" if "--resume" in used else ""))


def _clean_on_engine(
    engine: str, paths: list[str], output: Optional[str], rules: Optional[list[Path]], address: Optional[str],
    *, text_field: str = "text", id_field: str = "id", url_field: str = "url",
    errors: Optional[str] = None, report: Optional[str] = None, quiet: bool = False,
    max_doc_bytes: int = DEFAULT_MAX_DOC_BYTES,
) -> None:
    """`--engine ray`: the same records as the local command, written by Ray (see integrations/ray.py).
    Failed documents go to the errors file (`--errors`, default `<output>.errors.jsonl` for a
    local output folder) as the local command writes them, and `--report` gets the summary."""
    if engine != "ray":
        _die(f"unknown engine {engine!r} (known: local, ray)")
    if output is None:
        _die("--engine ray writes JSON-lines files: give an output folder with -o")
    started = time.monotonic()
    report_path = report
    try:
        from cleaner.integrations.ray import print_errors, run_clean

        report = run_clean(
            [str(p) for p in paths], str(output), rules=[str(r) for r in rules] if rules else None, address=address,
            text_field=text_field, id_field=id_field, url_field=url_field, max_doc_bytes=max_doc_bytes,
        )
    except ImportError as e:
        _die(str(e))
    except RuleError as e:
        _die(f"invalid rule file: {e}")
    except CleanerError as e:
        _die(str(e))
    from cleaner.io.writers import atomic_write_text

    errors_path = errors or (None if "://" in str(output) else str(output).rstrip("/\\") + ".errors.jsonl")
    if report.errors and errors_path:
        atomic_write_text(errors_path, "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in report.errors))
    print_errors(report, limit=20 if errors_path else len(report.errors))
    if report_path:
        atomic_write_text(report_path, json.dumps({
            "engine": engine, "output": output, "documents": report.written + len(report.errors),
            "written": report.written, "failed": len(report.errors), "files": report.files,
            "errors_file": errors_path if report.errors else None, "seconds": round(time.monotonic() - started, 3),
        }, indent=2, ensure_ascii=False) + "\n")
    if not quiet:
        typer.echo(f"cleaned {report.written} documents into {len(report.files)} file(s) in {output}", err=True)
    if report.errors:
        where = f"; see {errors_path}" if errors_path else ""
        typer.echo(f"cleaner: {len(report.errors)} document(s) failed{where}", err=True)
        raise typer.Exit(1)


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
