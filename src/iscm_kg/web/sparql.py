"""The SPARQL 1.1 Protocol (query operation only): https://www.w3.org/TR/sparql11-protocol/.

The endpoint is read-only (updates are refused with 403 whatever form they take), never makes
outbound requests (SERVICE is refused), bounds each query's time and each answer's size, and
answers repeated queries from a cache with ETags.
"""

from __future__ import annotations

import functools
import hashlib
import time
from email.utils import format_datetime
from urllib.parse import unquote_to_bytes

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, redirect, request, url_for
from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header

from ..engine import FEDERATION_REFUSED, QueryError, StoreUnavailable
from .guard import QueryTimeout, is_update, retire_worker, uses_service
from .runner import EngineFailure, FormatError, IsolatedRunner

bp = Blueprint("sparql", __name__)

# media type -> (engine format, short names accepted in ?format=)
RESULT_FORMATS = {
    "application/sparql-results+json": (ox.QueryResultsFormat.JSON, ("json", "srj", "sparql-results+json")),
    "application/sparql-results+xml": (ox.QueryResultsFormat.XML, ("xml", "srx", "sparql-results+xml")),
    "text/csv": (ox.QueryResultsFormat.CSV, ("csv",)),
    "text/tab-separated-values": (ox.QueryResultsFormat.TSV, ("tsv",)),
    "application/json": (ox.QueryResultsFormat.JSON, ()),
}
GRAPH_FORMATS = {
    "text/turtle": (ox.RdfFormat.TURTLE, ("turtle", "ttl", "n3")),  # Turtle is valid N3
    "application/n-triples": (ox.RdfFormat.N_TRIPLES, ("ntriples", "nt", "n-triples")),
    "application/rdf+xml": (ox.RdfFormat.RDF_XML, ("rdfxml", "rdf", "xml", "rdf+xml")),
    "application/ld+json": (ox.RdfFormat.JSON_LD, ("jsonld", "json-ld", "json")),
    "application/trig": (ox.RdfFormat.TRIG, ("trig",)),
    "application/n-quads": (ox.RdfFormat.N_QUADS, ("nquads", "nq", "n-quads")),
}
FORMAT_NAMES = {  # formats travel to the query process by name
    **{getattr(ox.QueryResultsFormat, n): f"results.{n}" for n in ("JSON", "XML", "CSV", "TSV")},
    **{getattr(ox.RdfFormat, n): f"rdf.{n}" for n in ("TURTLE", "N_TRIPLES", "RDF_XML", "JSON_LD", "TRIG", "N_QUADS")},
}
READ_ONLY = "This endpoint is read-only: SPARQL Update is not accepted."


class ProtocolError(Exception):
    """A request the SPARQL Protocol refuses, with its status and message."""
    def __init__(self, status: int, message: str, headers: dict | None = None):
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers or {}


def problem(status: int, message: str, headers: dict | None = None) -> Response:
    """Plain-text error body: SPARQL clients show it to their users as is."""
    resp = Response(message.rstrip() + "\n", status=status, mimetype="text/plain",
                    headers={"Cache-Control": "no-store", **(headers or {})})
    return resp


@bp.errorhandler(ProtocolError)
def _protocol_error(exc: ProtocolError) -> Response:
    return problem(exc.status, exc.message, exc.headers)


@bp.app_errorhandler(StoreUnavailable)
def _store_unavailable(exc: StoreUnavailable) -> Response:
    """Any page of the service, not only /sparql, when a remote store cannot be reached: 503."""
    return problem(503, f"The SPARQL store is unavailable: {exc}", {"Retry-After": "5"})


@bp.route("/sparql", methods=["GET", "POST"])
def sparql() -> Response:
    """The SPARQL 1.1 Protocol query operation (GET or POST); without a query, the service description."""
    query, default_graphs, named_graphs = _read_request()
    if query is None:
        return service_description()
    if is_update(query):
        raise ProtocolError(403, READ_ONLY)
    if uses_service(query):
        raise ProtocolError(400, "SERVICE (federated query) is disabled on this endpoint: it never makes outbound requests.")

    config = current_app.config
    engine = config["ENGINE"]
    wanted = (request.args.get("format") or request.form.get("format") or "").strip().lower()
    accept = request.headers.get("Accept", "").strip()
    key = (engine.version, query, tuple(default_graphs), tuple(named_graphs), wanted, accept)
    etag = hashlib.sha256(repr(key).encode()).hexdigest()[:32]
    cache = config.get("RESULT_CACHE")

    cached = cache.get(key) if cache is not None else None
    if cached is not None:
        media_type, body, elapsed = cached[0], cached[1], 0.0
    else:
        media_type, body, elapsed = _evaluate(engine, query, default_graphs, named_graphs, wanted, accept)
        if cache is not None:
            cache.put(key, media_type, body)

    resp = Response(body, status=200, content_type=f"{media_type}; charset=utf-8")
    resp.set_etag(etag)
    resp.last_modified = engine.loaded_at
    resp.cache_control.public = True
    resp.cache_control.max_age = config.get("CACHE_MAX_AGE", 3600)
    resp.vary.add("Accept")
    resp.headers["X-Query-Time-Ms"] = f"{elapsed * 1000:.1f}"
    resp.headers["X-Cache"] = "hit" if cached is not None else "miss"
    return resp.make_conditional(request)


@functools.lru_cache(maxsize=256)
def choices_for(wanted: str, accept: str) -> dict:
    """The media type and format for each kind of answer, or the 406 it would get, by name.

    Clients send a handful of distinct Accept headers: negotiating each once saves a parse of the
    header per request. The returned dict is shared; it is only read."""
    out = {}
    for kind, table in (("RESULTS", RESULT_FORMATS), ("GRAPH", GRAPH_FORMATS)):
        try:
            media_type, fmt = negotiate(table, wanted, accept)
            out[kind] = (media_type, FORMAT_NAMES[fmt])
        except ProtocolError as exc:
            out[kind] = (exc.status, exc.message)
    return out


def _evaluate(engine, query, default_graphs, named_graphs, wanted, accept) -> tuple[str, bytes, float]:
    """Parse, evaluate and serialize under the time limit; returns (media type, body, seconds)."""
    config = current_app.config
    limit = float(config.get("QUERY_TIMEOUT", 10))
    max_bytes = int(config.get("MAX_RESULT_BYTES", 50 * 1024 * 1024))
    runner = config["RUNNER"]
    try:
        answer = runner.run(query, default_graphs, named_graphs, choices_for(wanted, accept), limit)
    except QueryTimeout:
        if config.get("RETIRE_WORKER_ON_TIMEOUT") and not isinstance(runner, IsolatedRunner):
            from flask import after_this_request

            @after_this_request
            def _retire(response):
                response.call_on_close(retire_worker)
                return response
        raise ProtocolError(503, f"The query ran past the time limit of {limit:g} s and was stopped. "
                                 "Narrow it (add LIMIT, more specific patterns) and try again.",
                            {"Retry-After": "1"})
    except QueryError as exc:
        raise ProtocolError(400, str(exc) if str(exc) == FEDERATION_REFUSED else f"Malformed query: {exc}")
    except FormatError as exc:
        raise ProtocolError(exc.status, str(exc))
    except StoreUnavailable as exc:
        raise ProtocolError(503, f"The SPARQL store is unavailable: {exc}", {"Retry-After": "5"})
    except EngineFailure as exc:
        raise ProtocolError(400, f"The query could not be evaluated: {exc}. This is a defect of the query "
                                 "engine triggered by this query (for example ORDER BY over values of mixed "
                                 "datatypes, or groups nested thousands deep); rewrite the query, e.g. sort "
                                 "on STR(?value), or flatten it.")
    except (ValueError, NotImplementedError) as exc:
        raise ProtocolError(406, f"Cannot write this result in the requested format: {exc}")
    except (OSError, RuntimeError) as exc:
        raise ProtocolError(400, f"The query could not be evaluated: {exc}")
    if len(answer.body) > max_bytes:
        raise ProtocolError(400, f"The result is larger than {max_bytes // (1024 * 1024)} MB; "
                                 "narrow the query or add LIMIT/OFFSET to page through it.")
    return answer.media_type, answer.body, answer.seconds


def _read_request() -> tuple[str | None, list[str], list[str]]:
    """Extract query and dataset parameters from any of the three protocol forms."""
    _require_utf8(request.query_string, "query string")
    args = request.args
    if "update" in args:
        raise ProtocolError(403, READ_ONLY)
    queries = args.getlist("query")
    default_graphs = args.getlist("default-graph-uri")
    named_graphs = args.getlist("named-graph-uri")
    if request.method == "POST":
        ctype = (request.mimetype or "").lower()
        if ctype == "application/x-www-form-urlencoded":
            _require_utf8(request.get_data(cache=True), "form body")
            form = request.form
            if "update" in form:
                raise ProtocolError(403, READ_ONLY)
            if queries and form.getlist("query"):
                raise ProtocolError(400, "Send the query either in the URL or in the form body, not both.")
            queries = queries or form.getlist("query")
            default_graphs += form.getlist("default-graph-uri")
            named_graphs += form.getlist("named-graph-uri")
        elif ctype == "application/sparql-query":
            if queries:
                raise ProtocolError(400, "A POST with application/sparql-query carries the query in its body only.")
            try:
                queries = [request.get_data(cache=False).decode("utf-8")]
            except UnicodeDecodeError:
                raise ProtocolError(400, "The request body is not valid UTF-8.")
        elif ctype == "application/sparql-update":
            raise ProtocolError(403, READ_ONLY)
        else:
            raise ProtocolError(415, "POST a query as application/x-www-form-urlencoded or application/sparql-query.")
    if len(queries) > 1:
        raise ProtocolError(400, "Exactly one 'query' parameter is allowed.")
    if not queries:
        if request.method == "POST" or default_graphs or named_graphs or "format" in args:
            # only a bare GET asks for the Service Description; anything else lacks its query
            raise ProtocolError(400, "The 'query' parameter is missing.")
        return None, default_graphs, named_graphs
    if not queries[0].strip():
        raise ProtocolError(400, "The 'query' parameter is empty.")
    if "\x00" in queries[0]:
        raise ProtocolError(400, "The query contains a NUL character.")
    return queries[0], default_graphs, named_graphs


def _require_utf8(raw: bytes, where: str) -> None:
    """Refuse percent-encoded parameters that are not UTF-8, rather than read them with U+FFFD
    in place of the bad bytes (or, for raw bytes in a form body, as no parameters at all)."""
    try:
        unquote_to_bytes(raw.replace(b"+", b" ")).decode("utf-8")
    except UnicodeDecodeError:
        raise ProtocolError(400, f"The {where} is not valid UTF-8 once percent-decoded.") from None


def negotiate(table: dict, wanted: str, accept: str) -> tuple[str, object]:
    """Pick a media type from ?format= or the Accept header (with q-values); 406 otherwise."""
    if wanted:
        for media_type, (fmt, names) in table.items():
            if wanted == media_type or wanted in names:
                return media_type, fmt
        raise ProtocolError(406, f"Unsupported format {wanted!r}; choose one of: "
                                 f"{', '.join(n[0] for _, (_, n) in table.items() if n)}.")
    if not accept:
        media_type = next(iter(table))
        return media_type, table[media_type][0]
    media_type = parse_accept_header(accept, MIMEAccept).best_match(list(table))
    if media_type is None:
        raise ProtocolError(406, f"None of the accepted media types can be produced; available: {', '.join(table)}.")
    return media_type, table[media_type][0]


SERVICE_DESCRIPTION = """@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix fmt: <http://www.w3.org/ns/formats/> .
@prefix void: <http://rdfs.org/ns/void#> .
<{endpoint}> a sd:Service ;
    sd:endpoint <{endpoint}> ;
    sd:supportedLanguage sd:SPARQL11Query ;
    sd:feature sd:UnionDefaultGraph ;
    sd:resultFormat fmt:SPARQL_Results_JSON, fmt:SPARQL_Results_XML, fmt:SPARQL_Results_CSV,
        fmt:SPARQL_Results_TSV, fmt:Turtle, fmt:N-Triples, fmt:RDF_XML, fmt:JSON-LD, fmt:TriG, fmt:N-Quads ;
    sd:defaultDataset [ a sd:Dataset ; void:sparqlEndpoint <{endpoint}> ; sd:defaultGraph [ a sd:Graph ] ;
{named} ] .
"""


def service_description() -> Response:
    """SPARQL 1.1 Service Description for a query-less request; browsers go to the query page."""
    accept = parse_accept_header(request.headers.get("Accept", ""), MIMEAccept)
    offered = ["text/turtle", "application/ld+json", "application/n-triples", "application/rdf+xml", "text/html"]
    best = accept.best_match(offered, default="text/turtle") if request.headers.get("Accept") else "text/turtle"
    if best == "text/html":
        return redirect(url_for("linked_data.query_page"), code=303)  # a person: the query page
    engine = current_app.config["ENGINE"]
    endpoint = request.base_url
    named = " ;\n".join(f"        sd:namedGraph [ sd:name <{g}> ]" for g in engine.graphs())
    text = SERVICE_DESCRIPTION.format(endpoint=endpoint, named=(named + " ;\n") if named else "")
    fmt = {"text/turtle": ox.RdfFormat.TURTLE, "application/ld+json": ox.RdfFormat.JSON_LD,
           "application/n-triples": ox.RdfFormat.N_TRIPLES, "application/rdf+xml": ox.RdfFormat.RDF_XML}[best]
    body = text.encode() if fmt == ox.RdfFormat.TURTLE else ox.serialize(ox.parse(text, format=ox.RdfFormat.TURTLE), format=fmt)
    resp = Response(body, content_type=f"{best}; charset=utf-8")
    resp.vary.add("Accept")
    resp.headers["Last-Modified"] = format_datetime(engine.loaded_at, usegmt=True)
    return resp
