"""The formats the service writes, in one place, on pyoxigraph's own format objects.

pyoxigraph knows each format's media type, file extension and whether it holds named graphs
(``RdfFormat`` / ``QueryResultsFormat``: ``media_type``, ``file_extension``, ``from_media_type``,
``from_extension``, ``supports_datasets``); this module only says which of them are offered, in
which order of preference, under which short names people type (``--format turtle``,
``?format=json``), and picks one from an Accept header with Flask's ``MIMEAccept``. The SPARQL
endpoint, the entity pages, the VoID description, the dumps, the CLI and the OpenAPI document all
use it.
"""

from __future__ import annotations

import functools

import pyoxigraph as ox
from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header

# Offered formats, the first of each the default when a client does not say.
RESULTS = (ox.QueryResultsFormat.JSON, ox.QueryResultsFormat.XML, ox.QueryResultsFormat.CSV,
           ox.QueryResultsFormat.TSV)
GRAPHS = (ox.RdfFormat.TURTLE, ox.RdfFormat.N_TRIPLES, ox.RdfFormat.RDF_XML, ox.RdfFormat.JSON_LD,
          ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS)
DATASETS = tuple(f for f in GRAPHS if f.supports_datasets and f != ox.RdfFormat.JSON_LD)

# The names the CLI offers and the endpoint's ?format= documents, one per format.
RESULT_NAMES = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
                "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}
GRAPH_NAMES = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES, "rdfxml": ox.RdfFormat.RDF_XML,
               "jsonld": ox.RdfFormat.JSON_LD, "trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS}
# Other spellings accepted where a name is typed (extensions and media types are accepted as well).
ALIASES = {"n3": ox.RdfFormat.TURTLE, "n-triples": ox.RdfFormat.N_TRIPLES, "rdf+xml": ox.RdfFormat.RDF_XML,
           "json-ld": ox.RdfFormat.JSON_LD, "n-quads": ox.RdfFormat.N_QUADS,
           "sparql-results+json": ox.QueryResultsFormat.JSON, "sparql-results+xml": ox.QueryResultsFormat.XML,
           "text/n3": ox.RdfFormat.TURTLE, "text/x-nquads": ox.RdfFormat.N_QUADS}  # Turtle is N3
# Media types clients send that pyoxigraph maps to a format we offer, beyond each format's own.
EXTRA_MEDIA_TYPES = {"RESULTS": ("application/json", "application/xml", "text/xml"),
                     "GRAPH": ("application/x-turtle", "text/n3", "application/json", "application/xml", "text/xml",
                               "text/x-nquads")}


class NotAcceptable(ValueError):
    """No offered format matches what the client asked for (HTTP 406, or a CLI usage error)."""


def media_type(fmt) -> str:
    """The bare media type (pyoxigraph gives CSV and TSV with a charset parameter)."""
    return fmt.media_type.split(";")[0]


def kind_of(fmt) -> str:
    """"RESULTS" for a query-results format (SELECT/ASK), "GRAPH" for an RDF format (CONSTRUCT/DESCRIBE)."""
    return "RESULTS" if isinstance(fmt, ox.QueryResultsFormat) else "GRAPH"


def offered(kind: str) -> tuple:
    """The formats the service can answer a query of this kind in, the preferred one first."""
    return RESULTS if kind == "RESULTS" else GRAPHS


def names(kind: str) -> dict:
    """The short names (as in ?format= and --format) of this kind's formats."""
    return RESULT_NAMES if kind == "RESULTS" else GRAPH_NAMES


def by_name(kind: str, name: str):
    """The format of ``kind`` ("RESULTS" or "GRAPH") a short name, extension or media type means, or None."""
    name = name.strip().lower()
    cls = ox.QueryResultsFormat if kind == "RESULTS" else ox.RdfFormat
    found = names(kind).get(name) or ALIASES.get(name) or cls.from_extension(name)
    if found is None and "/" in name:
        found = cls.from_media_type(name)
    return found if found in offered(kind) else None


def for_cli(kind: str, name: str | None):
    """The format ``iscm-kg query --format NAME`` writes an answer of ``kind`` in; refuses a name of the
    other kind (``--format turtle`` for a table) rather than write something else."""
    if not name:
        return offered(kind)[0] if kind == "GRAPH" else ox.QueryResultsFormat.TSV
    fmt = names(kind).get(name)
    if fmt is not None:
        return fmt
    what = "a table of results (SELECT or ASK)" if kind == "RESULTS" else "a graph (CONSTRUCT or DESCRIBE)"
    raise NotAcceptable(f"--format {name} cannot write {what}; use one of: {', '.join(names(kind))}.")


@functools.lru_cache(maxsize=512)
def negotiate(kind: str, wanted: str, accept: str) -> tuple[str, object]:
    """(media type, format) for an answer of ``kind`` from ?format= or else the Accept header.

    Clients send a handful of distinct headers: each is negotiated once."""
    if wanted:
        fmt = by_name(kind, wanted)
        if fmt is None:
            raise NotAcceptable(f"Unsupported format {wanted!r}; choose one of: {', '.join(names(kind))}.")
        return media_type(fmt), fmt
    table = {media_type(f): f for f in offered(kind)}
    if not accept.strip():
        first = offered(kind)[0]
        return media_type(first), first
    candidates = list(table) + list(EXTRA_MEDIA_TYPES[kind])
    best = parse_accept_header(accept, MIMEAccept).best_match(candidates)
    if best is None:
        raise NotAcceptable(f"None of the accepted media types can be produced; available: {', '.join(table)}.")
    return best, table.get(best) or by_name(kind, best)  # answered as the type the client named
