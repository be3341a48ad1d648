"""Metadata for the tables: W3C CSV on the Web (one ``<table>.csv-metadata.json`` each), a
Frictionless Data Package (``datapackage.json``) and the codebook, all from the column
descriptions in tables.py and panel.py, so that the three never disagree."""

from __future__ import annotations

import json
from pathlib import Path

from .columns import RDF_TYPE, SEPARATOR, Column, Table

LICENSE = "https://creativecommons.org/licenses/by/4.0/"
TITLE = "ISCM-KG: inter-State consultation mechanisms on migration"
_CSVW_DATATYPE = {"string": "string", "integer": "integer", "boolean": "boolean", "year": "gYear"}


def csvw_column(c: Column) -> dict:
    """A column description; only columns with an ontology property produce triples."""
    out: dict = {"name": c.name, "titles": c.name, "dc:description": c.description}
    out["datatype"] = c.datatype or ("string" if c.multi else _CSVW_DATATYPE[c.kind])
    if c.multi:
        out["separator"] = SEPARATOR
    if c.required:
        out["required"] = True
    if c.prop is None:
        out["suppressOutput"] = True
        return out
    out["propertyUrl"] = c.prop
    if c.iri:
        out["valueUrl"] = "{+" + c.name + "}"
        out["datatype"] = "anyURI"
    return out


def csvw_table(table: Table, rows: int) -> dict:
    """CSVW metadata for one table: csv2rdf of the table gives back triples of the graph."""
    schema: dict = {"columns": [csvw_column(c) for c in table.columns]}
    if table.about:
        schema["aboutUrl"] = "{+" + table.about + "}"
    if table.rdf_type:
        schema["columns"].append({"name": "rdf_type", "virtual": True, "propertyUrl": RDF_TYPE, "valueUrl": table.rdf_type})
    if table.name == "latest":  # the property is itself a column
        schema["aboutUrl"] = "{+mechanism_id}"
        value_id = next(col for col in schema["columns"] if col["name"] == "value_id")
        value_id.pop("suppressOutput")
        value_id.update(propertyUrl="{+property_id}", valueUrl="{+value_id}", datatype="anyURI")
    if table.primary_key:
        schema["primaryKey"] = list(table.primary_key)
    return {
        "@context": ["http://www.w3.org/ns/csvw", {"@language": "en"}],
        "url": table.filename,
        "dc:title": table.title,
        "dc:description": table.description,
        "dc:license": {"@id": LICENSE},
        "rdfs:comment": f"{rows} rows",
        "dialect": {"header": True, "encoding": "utf-8"},
        "tableSchema": schema,
    }


def frictionless_field(c: Column) -> dict:
    """A column as a Frictionless Table Schema field."""
    field: dict = {"name": c.name, "type": "string" if c.multi else c.kind, "description": c.description}
    if c.values:
        field["description"] += f" Values: {c.values}."
    if c.required:
        field["constraints"] = {"required": True}
    if c.kind == "boolean":
        field.update(trueValues=["true"], falseValues=["false"])
    if c.prop:
        field["rdfType"] = c.prop  # Frictionless' own link from a field to an RDF property
    return field


def datapackage(tables: list[tuple[Table, int]], version: str, directory: str = "tables") -> dict:
    """The Data Package descriptor (Frictionless Data Package v1), written as plain JSON: importing the
    frictionless library costs more than a second of every build, and the test suite validates the
    written file with `frictionless validate`."""
    resources = []
    for table, _rows in tables:
        schema: dict = {"fields": [frictionless_field(c) for c in table.columns]}
        if table.primary_key:
            schema["primaryKey"] = list(table.primary_key)
        resources.append({"name": table.name.replace("_", "-"), "type": "table", "title": table.title,
                          "description": table.description, "path": f"{directory}/{table.filename}",
                          "scheme": "file", "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
                          "schema": schema})
    return {"name": "iscm-kg", "title": TITLE, "version": version,
            "description": "Tidy tables of the ISCM knowledge graph: mechanisms, memberships, meetings, themes, "
                           "per source document, and a State x mechanism x year panel. See codebook.md.",
            "homepage": "https://w3id.org/iscm",
            "licenses": [{"name": "CC-BY-4.0", "path": LICENSE, "title": "Creative Commons Attribution 4.0"}],
            "resources": resources}


def write_json(path: Path, data: dict) -> None:
    """Write JSON the way every release file is written (indented, UTF-8, final newline)."""
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def codebook_markdown(tables: list[tuple[Table, int]], version: str) -> str:
    """The codebook: every table, every column, its type, its values and its ontology property."""
    lines = [f"# ISCM-KG codebook (dataset version {version})", "",
             "Tables of the ISCM knowledge graph, one CSV each (UTF-8, comma-separated, header row). Several values in "
             f"one cell are separated by `{SEPARATOR}`; names and IRIs are in separate columns, in the same order. "
             "An empty cell means the source does not say. Each table has CSV on the Web metadata "
             "(`<table>.csv-metadata.json`, mapping columns to the ontology) and is a resource of `datapackage.json`.", ""]
    for table, rows in tables:
        lines += [f"## {table.title} (`{table.filename}`, {rows} rows)", "", table.description, ""]
        if table.primary_key:
            lines += [f"One row per: {', '.join(f'`{k}`' for k in table.primary_key)}.", ""]
        lines += ["| column | type | description | ontology property |", "| --- | --- | --- | --- |"]
        for c in table.columns:
            kind = ("list of " if c.multi else "") + c.kind
            text = c.description + (f" Values: {c.values}." if c.values else "")
            lines.append(f"| `{c.name}` | {kind} | {text.replace('|', '&#124;')} | {f'`{c.prop}`' if c.prop else ''} |")
        lines.append("")
    return "\n".join(lines)
