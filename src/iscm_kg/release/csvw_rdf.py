"""csv2rdf (minimal mode) for the release's tables, on top of the ``csvw`` package.

The ``csvw`` package reads a CSVW-described table (dialect, datatypes, separators, nulls, URI
templates) but implements csv2json only; this module walks its parsed rows and emits the triples
of the W3C csv2rdf algorithm in minimal mode: for each row and each column that is not suppressed,
``aboutUrl propertyUrl value`` with ``valueUrl`` giving an IRI (per item of a list cell) and the
column's datatype and language giving a literal; virtual columns add their fixed triple. It is what
tests use to check that the tables give back triples of the graph.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

XSD = "http://www.w3.org/2001/XMLSchema#"


def _literal(value, column) -> ox.Literal:
    base = column.datatype.base if column.datatype else "string"
    text = column.datatype.formatted(value) if column.datatype else str(value)
    if base == "boolean":
        text = "true" if value else "false"
    if base == "string" and column.lang and column.lang != "und":
        return ox.Literal(text, language=column.lang)
    return ox.Literal(text, datatype=ox.NamedNode(XSD + base))


def _text(value) -> str:
    return value.unsplit() if hasattr(value, "unsplit") else str(value)  # anyURI cells are parsed URIs


def _iri(table, template, row: dict, rownum: int, name: str | None) -> ox.NamedNode:
    """Expand a URI template with the row's cells (all our templates give absolute IRIs)."""
    cells = {k: _text(v) for k, v in row.items() if v is not None and not isinstance(v, list)}
    return ox.NamedNode(str(template.expand(_row=rownum, _name=name, **cells)))


def csv2rdf(metadata: Path) -> set[ox.Triple]:
    """The triples of the table described by ``metadata`` (a CSVW table description)."""
    from csvw import Table

    table = Table.from_file(metadata)
    about = table.tableSchema.inherit("aboutUrl")
    columns = table.tableSchema.columns
    triples: set[ox.Triple] = set()
    for rownum, row in enumerate(table.iterdicts(strict=True), start=1):
        subject = _iri(table, about, row, rownum, None) if about else ox.BlankNode()
        for column in columns:
            if column.suppressOutput:
                continue
            prop = _iri(table, column.propertyUrl, row, rownum, column.name)
            if column.virtual:
                triples.add(ox.Triple(subject, prop, _iri(table, column.valueUrl, row, rownum, column.name)))
                continue
            value = row.get(column.name)
            items = value if isinstance(value, list) else [value]
            for item in items:
                if item is None or item == "":
                    continue
                if column.valueUrl:
                    obj = _iri(table, column.valueUrl, {**row, column.name: item}, rownum, column.name)
                else:
                    obj = _literal(item, column)
                triples.add(ox.Triple(subject, prop, obj))
    return triples
