"""Column and table descriptions shared by the CSV writer, the CSVW and Frictionless metadata and
the codebook, so that one definition says what a column holds, how it maps to the ontology and
which values it takes."""

from __future__ import annotations

from dataclasses import dataclass, field

SEPARATOR = "|"  # between the values of a multi-valued cell (IRIs and names never contain it)

ISCM = "https://w3id.org/iscm/ontology#"
ORG = "http://www.w3.org/ns/org#"
DCTERMS = "http://purl.org/dc/terms/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


@dataclass(frozen=True)
class Column:
    """One CSV column.

    ``kind`` is the Frictionless type (string, integer, boolean, year); ``prop`` the ontology
    property the column states of the row's subject (CSVW ``propertyUrl``), with ``iri`` when
    the cell is an IRI (CSVW ``valueUrl``) and ``datatype`` the XSD datatype of a literal. A
    column without ``prop`` is for people (names, derived values) and is not turned into RDF.
    """

    name: str
    description: str
    kind: str = "string"
    prop: str | None = None
    iri: bool = False
    datatype: str | None = None
    multi: bool = False
    values: str = ""
    required: bool = False


@dataclass(frozen=True)
class Table:
    """One table of the release: a CSV file, its query and its columns."""

    name: str
    title: str
    description: str
    columns: tuple[Column, ...]
    query: str
    about: str | None = None       # the column holding the IRI each row describes
    rdf_type: str | None = None    # the class every row's subject has in the graph it comes from
    primary_key: tuple[str, ...] = ()
    pairs: dict[str, tuple[str, str]] = field(default_factory=dict)  # query var -> (name col, IRI col)

    @property
    def filename(self) -> str:
        """The table's CSV file name."""
        return f"{self.name}.csv"

    @property
    def column_names(self) -> list[str]:
        """The names of the table's columns, in order."""
        return [c.name for c in self.columns]


# -- columns that recur ------------------------------------------------------------------------

def source_columns() -> tuple[Column, ...]:
    """The columns every per-source table starts with: the source and its year."""
    return (
        Column("source", "The source document that states the row's facts: its short name (the last "
               "part of its IRI, https://w3id.org/iscm/id/source/<source>).", required=True,
               values="scpf-2009, review-2013, overview-2017, grcp7-note-2017, assessment-2019, or a contribution"),
        Column("source_year", "The year the source document was issued.", kind="year", required=True),
    )


def mechanism_columns(prop: str | None = None) -> tuple[Column, ...]:
    """A mechanism's name and IRI columns (the IRI column maps to ``prop`` in CSVW when given)."""
    return (
        Column("mechanism", "The mechanism's English name (its preferred name in the registry).", required=True),
        Column("mechanism_id", "The mechanism's IRI.", prop=prop, iri=prop is not None, required=True),
    )


def named(name: str, what: str, prop: str | None = None, multi: bool = False, values: str = "") -> tuple[Column, Column]:
    """A name column and the IRI column beside it (both multi-valued, in the same order, if ``multi``)."""
    many = f" Several are separated by '{SEPARATOR}', in the same order as in {name}_id." if multi else ""
    return (
        Column(name, f"{what}: English name.{many}", multi=multi, values=values),
        Column(f"{name}_id", f"{what}: IRI.{' Several are separated by ' + repr(SEPARATOR) + '.' if multi else ''}",
               prop=prop, iri=prop is not None, multi=multi),
    )
