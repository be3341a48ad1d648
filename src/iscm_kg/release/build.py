"""``iscm-kg build``'s release step: tables, metadata, dumps, DCAT and the archive, under dist/.

Layout of dist/ after a build::

    iscm.nq, iscm.nq.gz, iscm.trig        the dataset with graph names (the server loads iscm.nq)
    tables/<table>.csv                     one tidy table each
    tables/<table>.csv-metadata.json       CSV on the Web metadata
    datapackage.json                       Frictionless Data Package over tables/
    codebook.md, dcat.ttl, CITATION.cff, CHANGELOG.md
    iscm-kg-<version>.zip                  all of the above in one archive
    manifest.json, SHA256SUMS              sizes and checksums of every file (read by /downloads)
"""

from __future__ import annotations

import gzip
import shutil
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from . import archive, metadata, panel, tables
from .version import dataset_version

NOTES = {
    "iscm.nq": "The whole dataset with graph names (N-Quads): one named graph per source document, the registry, "
               "the ontology and taxonomies, and the derived latest-statement graph.",
    "iscm.nq.gz": "The same, gzip-compressed.",
    "iscm.trig": "The whole dataset with graph names (TriG).",
    "datapackage.json": "Frictionless Data Package describing the tables.",
    "codebook.md": "Codebook: every table and column, its values and its ontology property.",
    "dcat.ttl": "DCAT description of the dataset and its distributions.",
    "CITATION.cff": "How to cite this dataset.",
    "CHANGELOG.md": "What changed in each version of the dataset.",
}


@dataclass
class Release:
    """What ``iscm-kg build`` wrote: version, folder, table row counts, archive and files."""
    version: str
    dist: Path
    tables: dict[str, int]
    archive: Path
    files: list[dict]


def _tables(engine, out: Path, notes: dict[str, str]) -> list[tuple[tables.Table, int]]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for table in (*tables.TABLES, panel.PANEL):
        data = panel.rows(engine) if table is panel.PANEL else tables.rows(engine, table)
        n = tables.write_csv(out / table.filename, table.column_names, data)
        metadata.write_json(out / f"{table.filename}-metadata.json", metadata.csvw_table(table, n))
        notes[f"tables/{table.filename}"] = f"{table.title}: {table.description}"
        notes[f"tables/{table.filename}-metadata.json"] = f"CSV on the Web metadata of {table.filename}."
        written.append((table, n))
    return written


def _dumps(engine, dist: Path) -> None:
    nq = dist / "iscm.nq"
    with nq.open("rb") as src, (dist / "iscm.nq.gz").open("wb") as raw, \
            gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=6, mtime=0) as dst:  # same bytes for the same data
        shutil.copyfileobj(src, dst)
    (dist / "iscm.trig").write_bytes(engine.dump(ox.RdfFormat.TRIG))


def build_release(root: Path, base: str = "https://w3id.org/iscm") -> Release:
    """Write every release artifact for the dataset in ``root``/dist (built just before)."""
    from ..engine import Engine
    from .dcat import dcat_graph

    version, issued = dataset_version(root)
    dist = root / "dist"
    engine = Engine.from_project(root)
    for stale in (dist / "tables").glob("*") if (dist / "tables").is_dir() else ():
        stale.unlink()
    notes = dict(NOTES)
    written = _tables(engine, dist / "tables", notes)
    _dumps(engine, dist)
    metadata.write_json(dist / "datapackage.json", metadata.datapackage(written, version))
    (dist / "codebook.md").write_text(metadata.codebook_markdown(written, version), encoding="utf-8")
    for name in ("CITATION.cff", "CHANGELOG.md"):
        if (root / name).is_file():
            shutil.copyfile(root / name, dist / name)
    files = sorted(p for p in dist.rglob("*") if p.is_file() and p.relative_to(dist).as_posix() in notes
                   and p.name != "dcat.ttl")  # DCAT describes the others, written next
    entries = archive.describe(dist, files, notes)
    dcat = dist / "dcat.ttl"
    dcat.write_text(dcat_graph(base, version, issued, entries).serialize(format="turtle"), encoding="utf-8")
    files.append(dcat)
    for old in dist.glob("iscm-kg-*.zip"):
        old.unlink()
    zipped = archive.write_archive(dist / f"iscm-kg-{version}.zip", dist, files, f"iscm-kg-{version}")
    notes[zipped.name] = f"Release archive of version {version}: every file above in one zip."
    entries = archive.describe(dist, [*files, zipped], notes)
    counts = {t.name: n for t, n in written}
    archive.write_manifest(dist, version, issued, entries, counts)
    return Release(version, dist, counts, zipped, entries)
