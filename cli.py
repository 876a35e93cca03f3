"""The `cleaner` command: a thin typer layer over the library (the library never imports this)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from cleaner import Cleaner, CleanerError, RuleError
from cleaner.explain import explain as explain_result
from cleaner.io.writers import write_tree_record

app = typer.Typer(
    help="Strip boilerplate from scraped articles; keep the article's text and metadata.",
    no_args_is_help=True,
    add_completion=False,
)

TEXT_SUFFIXES = {".txt", ".text"}


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


def _inputs(paths: list[Path]) -> list[tuple[Path, Path]]:
    """(file, path relative to its input root) for every file given or found in a folder."""
    out: list[tuple[Path, Path]] = []
    for p in paths:
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix.lower() in TEXT_SUFFIXES and not f.name.startswith("."):
                    out.append((f, f.relative_to(p)))
        elif p.is_file():
            out.append((p, Path(p.name)))
        else:
            _die(f"no such file or folder: {p}")
    return out


@app.command()
def clean(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of plain-text documents.")],
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Output folder (<name>.txt + <name>.json).")] = None,
    rules: Annotated[Optional[list[Path]], typer.Option("--rules", help="Extra rule folder or file, layered on the defaults.")] = None,
    url: Annotated[Optional[str], typer.Option("--url", help="The documents' URL (selects site packs).")] = None,
    site: Annotated[Optional[str], typer.Option("--site", help="Apply this site's pack (e.g. tampafp.com).")] = None,
    fmt: Annotated[Optional[str], typer.Option("--format", help="text or html (default: detect).")] = None,
    explain: Annotated[bool, typer.Option("--explain", help="Show each removal with its rule, and metadata sources.")] = False,
    engine: Annotated[str, typer.Option("--engine", help="local, or ray: JSON lines/Parquet in, JSON-lines files in -o.")] = "local",
    address: Annotated[Optional[str], typer.Option("--address", help="Ray cluster address (default: start Ray locally).")] = None,
) -> None:
    """Clean documents: print the article text, or write <name>.txt and <name>.json under -o."""
    if engine != "local":
        _clean_on_engine(engine, paths, output, rules, address)
        return
    cleaner = _build_cleaner(rules)
    failures = 0
    files = _inputs(paths)
    for f, rel in files:
        try:
            result = cleaner.clean(f.read_bytes(), url=url, format=fmt, site=site, id=str(rel))
        except (CleanerError, NotImplementedError, ValueError, OSError) as e:
            failures += 1
            typer.echo(f"cleaner: {f}: {e}", err=True)
            continue
        if output is not None:
            write_tree_record(output, rel, result)
        if explain:
            typer.echo(f"== {f}")
            typer.echo(explain_result(result))
        elif output is None:
            if len(files) > 1:
                typer.echo(f"== {f}")
            typer.echo(result.text)
    if output is not None:
        typer.echo(f"cleaned {len(files) - failures} of {len(files)} documents into {output}", err=True)
    if failures:
        typer.echo(f"cleaner: {failures} document(s) failed", err=True)
        raise typer.Exit(1)


def _clean_on_engine(engine: str, paths: list[Path], output: Optional[Path], rules: Optional[list[Path]], address: Optional[str]) -> None:
    """`--engine ray`: the same records as the local command, written by Ray (see integrations/ray.py)."""
    if engine != "ray":
        _die(f"unknown engine {engine!r} (known: local, ray)")
    if output is None:
        _die("--engine ray writes JSON-lines files: give an output folder with -o")
    try:
        from cleaner.integrations.ray import print_errors, run_clean

        report = run_clean([str(p) for p in paths], str(output), rules=[str(r) for r in rules] if rules else None, address=address)
    except ImportError as e:
        _die(str(e))
    except RuleError as e:
        _die(f"invalid rule file: {e}")
    except CleanerError as e:
        _die(str(e))
    print_errors(report)
    typer.echo(f"cleaned {report.written} documents into {len(report.files)} file(s) in {output}", err=True)
    if report.errors:
        typer.echo(f"cleaner: {len(report.errors)} document(s) failed", err=True)
        raise typer.Exit(1)


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
