"""The `cleaner` command: a thin typer layer over the library (the library never imports this)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from cleaner import Cleaner, CleanerError, RuleError
from cleaner.batch import BatchAborted, BatchOptions, run_batch
from cleaner.io.readers import DEFAULT_MAX_DOC_BYTES, find_sources

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
) -> None:
    """Clean documents: print the text, or write a mirrored folder or JSON lines under -o."""
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


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
