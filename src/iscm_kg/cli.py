"""The ``iscm-kg`` command line: validate, build, serve and query the knowledge graph."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import click

from . import __version__, formats


@click.group()
@click.version_option(__version__, prog_name="iscm-kg")
def main() -> None:
    """Knowledge graph of inter-State consultation mechanisms on migration."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json", "turtle"]), default="text",
              show_default=True, help="Human text, JSON, or a SHACL sh:ValidationReport in Turtle.")
def validate(paths: tuple[Path, ...], fmt: str) -> None:
    """Check the bundled graph, or contributed files together with it.

    With no PATHS, every file of the bundled graph is checked against the SHACL shapes. Files of
    the bundled graph (under ontology/ or data/) are checked the same way. Any other file is a
    contribution: its syntax, shapes, references, duplicates and provenance are checked against
    the bundled graph.

    Exit status: 0 conforms, 1 violations found, 2 a file could not be read or parsed.
    """
    from .loading import project_root

    missing = [p for p in paths if not p.is_file()]
    if missing:
        for p in missing:
            click.echo(f"{p}: cannot read file (no such file)", err=True)
        sys.exit(2)
    root = project_root()
    bundled_dirs = (root / "data", root / "ontology")
    bundled = [p for p in paths if any(p.resolve().is_relative_to(d) for d in bundled_dirs)
               and not p.resolve().is_relative_to(root / "data" / "contributions")]
    contributed = [p for p in paths if p not in bundled]
    codes = []
    if bundled or not paths:
        codes.append(_validate_bundled(bundled, fmt))
    if contributed:
        codes.append(_validate_contributions(contributed, fmt))
    sys.exit(max(codes))


def _validate_bundled(paths: list[Path], fmt: str) -> int:
    from .validation import as_json, as_text, as_turtle, validate_files

    outcome = validate_files(list(paths) or None)
    if fmt == "json":
        click.echo(as_json(outcome), nl=False)
    elif fmt == "turtle":
        if outcome.errors:
            click.echo(as_text(outcome), err=True, nl=False)
        click.echo(as_turtle(outcome), nl=False)
    else:
        click.echo(as_text(outcome), nl=False)
    return outcome.exit_code


def _check_files(paths: list[Path]):
    from . import contributions

    bundled = contributions.BundledGraph.from_project()
    reports = []
    for path in paths:
        reports.append(contributions.check(path.read_bytes(), contributions.format_for(path.name), str(path), bundled))
    return reports


def _validate_contributions(paths: list[Path], fmt: str) -> int:
    from . import contributions

    reports = _check_files(paths)
    writer = {"json": contributions.as_json, "turtle": contributions.as_turtle}.get(fmt, contributions.as_text)
    if fmt == "turtle" and any(r.unreadable for r in reports):
        click.echo(contributions.as_text([r for r in reports if r.unreadable]), err=True, nl=False)
    click.echo(writer(reports), nl=False)
    return max(r.exit_code for r in reports)


@main.command()
@click.argument("path", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("--dry-run", is_flag=True, help="Show what would change, change nothing.")
@click.option("--replace", is_flag=True, help="Replace an earlier contribution for the same source.")
def add(path: Path, dry_run: bool, replace: bool) -> None:
    """Validate PATH and add it to data/contributions/ as its own named graph, then rebuild.

    All or nothing: a failed check, a failed write or a failed rebuild leaves data/ as it was.
    """
    from . import contributions
    from .loading import project_root

    if replace:  # checked against the graph without the earlier version of this contribution
        report = contributions.check_replacing(path.read_bytes(), contributions.format_for(path.name), str(path))
    else:
        [report] = _check_files([path])
    if not report.conforms:
        click.echo(contributions.as_text([report]), nl=False)
        click.echo("nothing was added.", err=True)
        sys.exit(report.exit_code)
    root = project_root()
    target = contributions.contribution_path(report, root)
    click.echo(f"{'would add' if dry_run else 'adding'} {target.relative_to(root)}:")
    for graph, n in report.graphs.items():
        click.echo(f"  +{n} triple(s) in graph <{graph}>")
    for iri, kind, label in report.new_entities:
        click.echo(f"  new {kind}: <{iri}> {label}")
    if dry_run:
        return
    try:
        written = contributions.add(report, root, replace=replace)
    except contributions.AddError as exc:
        click.echo(f"not added: {exc}", err=True)
        sys.exit(1)
    click.echo(f"added {written.relative_to(root)} and rebuilt dist/iscm.nq")


@main.command()
@click.option("--push", metavar="URL", help="Also load every graph into a SPARQL store through its "
              "Graph Store Protocol endpoint (e.g. http://localhost:7878/store), replacing those graphs.")
@click.option("--dataset-only", is_flag=True, help="Write dist/iscm.nq only, not the tables and release files.")
def build(push: str | None, dataset_only: bool) -> None:
    """Write the dataset to dist/iscm.nq, then the release: tables, metadata, dumps and archive.

    See src/iscm_kg/release/build.py for the layout of dist/.
    """
    from .loading import LoadError, build as do_build, project_root

    try:
        path, count = do_build()
    except LoadError as exc:
        click.echo(f"build failed: {exc}", err=True)
        sys.exit(2)
    click.echo(f"wrote {count} quads to {path}")
    if not dataset_only:
        from .release.build import build_release

        release = build_release(project_root())
        rows = ", ".join(f"{name} {n}" for name, n in release.tables.items())
        click.echo(f"wrote release {release.version}: {len(release.files)} files, archive {release.archive.name}")
        click.echo(f"table rows: {rows}")
    if push:
        from .publish import PushError, push_dataset

        try:
            for graph, n in push_dataset(path, push):
                click.echo(f"pushed {n} triples to graph <{graph}>")
        except PushError as exc:
            click.echo(f"push failed: {exc}", err=True)
            sys.exit(1)


@main.command(name="diff")
@click.argument("old", type=click.Path(path_type=Path, dir_okay=False))
@click.argument("new", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def diff_command(old: Path, new: Path, fmt: str) -> None:
    """List the facts added (+) and removed (-) per named graph between two releases' N-Quads.

    Exit status, as diff(1): 0 no differences, 1 differences, 2 a file could not be read.
    """
    from .release.diff import DiffError, as_json, as_text, diff

    try:
        diffs = diff(old, new)
    except DiffError as exc:
        click.echo(f"diff failed: {exc}", err=True)
        sys.exit(2)
    click.echo(as_json(diffs) if fmt == "json" else as_text(diffs), nl=False)
    sys.exit(1 if diffs else 0)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--workers", default=2, show_default=True, type=int, help="gunicorn worker processes.")
@click.option("--timeout", default=60, show_default=True, type=int, help="Seconds before a stuck worker is replaced.")
@click.option("--store", default="embedded", show_default=True, metavar="embedded|sparql:URL",
              help="Where the graph lives: the embedded Oxigraph store, or a remote SPARQL 1.1 endpoint.")
@click.option("--query-timeout", default=10.0, show_default=True, type=float, help="Time limit per query, seconds.")
@click.option("--cache-mb", default=64, show_default=True, type=click.IntRange(min=0),
              help="Memory for the result cache, in MB, shared out among the workers; 0 turns it off.")
@click.option("--no-cache", is_flag=True, help="Turn the in-process result cache off (the same as --cache-mb 0).")
def serve(host: str, port: int, workers: int, timeout: int, store: str, query_timeout: float, cache_mb: int,
          no_cache: bool) -> None:
    """Serve SPARQL and linked data over the bundled graph with gunicorn."""
    from .loading import LoadError
    from .server import run

    try:
        run(host=host, port=port, workers=workers, timeout=timeout, store=store,
            query_timeout=query_timeout, cache_mb=0 if no_cache else cache_mb)
    except LoadError as exc:
        click.echo(f"cannot start: {exc}", err=True)
        sys.exit(2)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--store")


@main.command()
@click.option("--output", type=click.Path(path_type=Path), help="Also write the report to this file.")
def report(output: Path | None) -> None:
    """Data-quality report: members listed against stated totals, and counts per source."""
    from .engine import Engine
    from .quality import render_markdown

    text = render_markdown(Engine.from_project())
    if output:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
    click.echo(text, nl=False)


@main.command()
@click.option("--format", "fmt", default="tsv", show_default=True, type=click.Choice(["tsv", "csv", "json"]))
def conflicts(fmt: str) -> None:
    """List every fact on which the source documents disagree (catalogue query `conflicts`)."""
    from .catalogue import load_catalogue
    from .engine import Engine

    outcome = Engine.from_project().query(load_catalogue()["conflicts"].text)
    click.echo(outcome.result.serialize(format=formats.RESULT_NAMES[fmt]).decode("utf-8"), nl=False)


@main.command(name="queries")
def list_queries() -> None:
    """List the catalogue of named example queries (queries/*.rq)."""
    from .catalogue import load_catalogue

    for name, q in load_catalogue().items():
        click.echo(f"{name}\t{q.title}")


@main.command()
@click.argument("text", required=False)
@click.option("--file", "file_", type=click.File("r", encoding="utf-8"), help="Read the query from a file.")
@click.option("--format", "fmt", default=None, metavar="NAME",
              type=click.Choice([*formats.RESULT_NAMES, *formats.GRAPH_NAMES]),
              help="Tables (SELECT, ASK): tsv (default), csv, json, xml. Graphs (CONSTRUCT, DESCRIBE): turtle "
                   "(default), ntriples, rdfxml, jsonld, trig, nquads.")
def query(text: str | None, file_, fmt: str | None) -> None:
    """Run a SPARQL query over the bundled graph and print the results.

    TEXT is either a catalogue name (see `iscm-kg queries`) or the query itself. The graph is
    read-only: SPARQL Update is refused. Exit status: 0 answered, 2 the query or format is refused.
    """
    from .catalogue import load_catalogue
    from .engine import Engine, QueryError, UpdateRefused

    if file_ is not None:
        text = file_.read()
    elif text and re.fullmatch(r"[a-z0-9-]+", text):
        catalogue = load_catalogue()
        if text not in catalogue:
            raise click.UsageError(f"no catalogue query named {text!r}; see `iscm-kg queries`")
        text = catalogue[text].text
    if not text:
        raise click.UsageError("give a query as an argument or with --file")
    try:
        outcome = Engine.from_project().query(text)
        out = outcome.result.serialize(format=formats.for_cli(_answer_kind(outcome.kind), fmt))
    except QueryError as exc:
        click.echo(str(exc) if isinstance(exc, UpdateRefused) else f"malformed query: {exc}", err=True)
        sys.exit(2)
    except formats.NotAcceptable as exc:
        click.echo(str(exc), err=True)
        sys.exit(2)
    click.echo(out.decode("utf-8"), nl=False)


def _answer_kind(query_kind: str) -> str:
    return "GRAPH" if query_kind == "GRAPH" else "RESULTS"


if __name__ == "__main__":  # pragma: no cover
    main()
