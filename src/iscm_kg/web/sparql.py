"""The SPARQL 1.1 Protocol (query operation only): https://www.w3.org/TR/sparql11-protocol/.

The endpoint is read-only: update requests are refused with 403 whatever form they take.
"""

from __future__ import annotations

import re

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, request
from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header

from ..engine import QueryError

bp = Blueprint("sparql", __name__)

# media type -> (engine format, short names accepted in ?format=)
RESULT_FORMATS = {
    "application/sparql-results+json": (ox.QueryResultsFormat.JSON, ("json", "srj")),
    "application/sparql-results+xml": (ox.QueryResultsFormat.XML, ("xml", "srx")),
    "text/csv": (ox.QueryResultsFormat.CSV, ("csv",)),
    "text/tab-separated-values": (ox.QueryResultsFormat.TSV, ("tsv",)),
    "application/json": (ox.QueryResultsFormat.JSON, ()),
}
GRAPH_FORMATS = {
    "text/turtle": (ox.RdfFormat.TURTLE, ("turtle", "ttl")),
    "application/n-triples": (ox.RdfFormat.N_TRIPLES, ("ntriples", "nt", "n-triples")),
    "application/rdf+xml": (ox.RdfFormat.RDF_XML, ("rdfxml", "rdf", "xml")),
    "application/ld+json": (ox.RdfFormat.JSON_LD, ("jsonld", "json-ld", "json")),
    "application/trig": (ox.RdfFormat.TRIG, ("trig",)),
    "application/n-quads": (ox.RdfFormat.N_QUADS, ("nquads", "nq", "n-quads")),
}
UPDATE_KEYWORDS = re.compile(
    r"^\s*(?:(?:PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s+<[^>]*>)\s*)*"
    r"(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b",
    re.IGNORECASE,
)


class ProtocolError(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status, self.message = status, message


def problem(status: int, message: str) -> Response:
    """Plain-text error body: SPARQL clients show it to their users as is."""
    return Response(message.rstrip() + "\n", status=status, mimetype="text/plain",
                    headers={"Cache-Control": "no-store"})


@bp.errorhandler(ProtocolError)
def _protocol_error(exc: ProtocolError) -> Response:
    return problem(exc.status, exc.message)


@bp.route("/sparql", methods=["GET", "POST"])
def sparql() -> Response:
    query, default_graphs, named_graphs = _read_request()
    if query is None:
        return service_description()
    if UPDATE_KEYWORDS.match(_strip_comments(query)):
        raise ProtocolError(403, "This endpoint is read-only: SPARQL Update is not accepted.")
    engine = current_app.config["ENGINE"]
    try:
        outcome = engine.query(query, default_graphs, named_graphs)
    except QueryError as exc:
        raise ProtocolError(400, f"Malformed query: {exc}")
    table = GRAPH_FORMATS if outcome.kind == "GRAPH" else RESULT_FORMATS
    media_type, fmt = _negotiate(table)
    try:
        body = outcome.result.serialize(format=fmt)
    except (ValueError, NotImplementedError) as exc:
        raise ProtocolError(406, f"Cannot write this result as {media_type}: {exc}")
    except (OSError, RuntimeError) as exc:
        raise ProtocolError(400, f"The query could not be evaluated: {exc}")
    resp = Response(body, status=200, content_type=f"{media_type}; charset=utf-8")
    resp.vary.add("Accept")
    resp.headers["X-Query-Time-Ms"] = f"{outcome.seconds * 1000:.1f}"
    return resp


def _read_request() -> tuple[str | None, list[str], list[str]]:
    """Extract query and dataset parameters from any of the three protocol forms."""
    args = request.args
    if "update" in args or "update" in request.form:
        raise ProtocolError(403, "This endpoint is read-only: SPARQL Update is not accepted.")
    queries = args.getlist("query")
    default_graphs = args.getlist("default-graph-uri")
    named_graphs = args.getlist("named-graph-uri")
    if request.method == "POST":
        ctype = (request.mimetype or "").lower()
        if ctype == "application/x-www-form-urlencoded":
            if queries:
                raise ProtocolError(400, "Send the query either in the URL or in the form body, not both.")
            queries = request.form.getlist("query")
            default_graphs += request.form.getlist("default-graph-uri")
            named_graphs += request.form.getlist("named-graph-uri")
        elif ctype == "application/sparql-query":
            if queries:
                raise ProtocolError(400, "A POST with application/sparql-query carries the query in its body only.")
            try:
                queries = [request.get_data(cache=False).decode("utf-8")]
            except UnicodeDecodeError:
                raise ProtocolError(400, "The request body is not valid UTF-8.")
        elif ctype == "application/sparql-update":
            raise ProtocolError(403, "This endpoint is read-only: SPARQL Update is not accepted.")
        else:
            raise ProtocolError(415, "POST a query as application/x-www-form-urlencoded or application/sparql-query.")
    if len(queries) > 1:
        raise ProtocolError(400, "Exactly one 'query' parameter is allowed.")
    if not queries:
        return None, default_graphs, named_graphs
    if not queries[0].strip():
        raise ProtocolError(400, "The 'query' parameter is empty.")
    return queries[0], default_graphs, named_graphs


def _strip_comments(query: str) -> str:
    return re.sub(r"(?m)#[^\n]*$", "", query) if "#" in query else query


def _negotiate(table: dict) -> tuple[str, object]:
    """Pick a media type from ?format= or the Accept header (with q-values); 406 otherwise."""
    wanted = request.args.get("format") or request.form.get("format")
    if wanted:
        wanted = wanted.strip().lower()
        for media_type, (fmt, names) in table.items():
            if wanted == media_type or wanted in names:
                return media_type, fmt
        raise ProtocolError(406, f"Unsupported format {wanted!r}; choose one of: {', '.join(_names(table))}.")
    header = request.headers.get("Accept", "").strip()
    if not header:
        media_type = next(iter(table))
        return media_type, table[media_type][0]
    accept = parse_accept_header(header, MIMEAccept)
    media_type = accept.best_match(list(table))
    if media_type is None:
        raise ProtocolError(406, f"None of the accepted media types can be produced; available: {', '.join(table)}.")
    return media_type, table[media_type][0]


def _names(table: dict) -> list[str]:
    return [names[0] for _, (_, names) in table.items() if names]


def service_description() -> Response:
    """SPARQL 1.1 Service Description, answered to a query-less request."""
    base = request.base_url
    body = f"""@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix fmt: <http://www.w3.org/ns/formats/> .
<{base}> a sd:Service ;
    sd:endpoint <{base}> ;
    sd:supportedLanguage sd:SPARQL11Query ;
    sd:feature sd:UnionDefaultGraph ;
    sd:resultFormat fmt:SPARQL_Results_JSON, fmt:SPARQL_Results_XML, fmt:SPARQL_Results_CSV,
        fmt:SPARQL_Results_TSV, fmt:Turtle, fmt:N-Triples, fmt:RDF_XML, fmt:JSON-LD, fmt:TriG, fmt:N-Quads .
"""
    return Response(body, content_type="text/turtle; charset=utf-8")
