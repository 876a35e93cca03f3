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
) -> None:
    """Clean documents: print the article text, or write <name>.txt and <name>.json under -o."""
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
    folder: Annotated[Path, typer.Argument(help="A folder of the site's pages as .txt files (5 or more).")],
    site: Annotated[str, typer.Option("--site", help="The site's host name, e.g. example.com.")],
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write the proposed pack here (default: stdout).")] = None,
    min_share: Annotated[float, typer.Option("--min-share", help="Share of pages a line must repeat on.")] = 0.5,
) -> None:
    """Propose a site pack from the site's own pages: repeated lines, shapes, blocks, trailers."""
    from cleaner.io.writers import atomic_write_text
    from cleaner.suggest import suggest_pack

    if not folder.is_dir():
        _die(f"not a folder: {folder}")
    files = [f for f, _ in _inputs([folder])]
    if len(files) < 2:
        _die(f"{folder}: needs at least two pages of the site (5 or more recommended)")
    if len(files) < 5:
        typer.echo(f"cleaner: only {len(files)} pages; proposals from fewer than 5 pages are weak", err=True)
    from cleaner.normalize import decode

    pages = [(str(f.relative_to(folder)), decode(f.read_bytes())) for f in files]
    try:
        text = suggest_pack(pages, site, min_share=min_share)
    except ValueError as e:
        _die(str(e))
        raise  # unreachable
    if output is None:
        typer.echo(text)
    else:
        atomic_write_text(output, text)
        typer.echo(f"wrote {output}; next: cleaner rules test {output}", err=True)


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
