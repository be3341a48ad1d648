"""The SPARQL 1.1 Protocol (query operation only): https://www.w3.org/TR/sparql11-protocol/.

The endpoint is read-only (updates are refused with 403 whatever form they take), never makes
outbound requests (SERVICE is refused), bounds each query's time and each answer's size, and
answers repeated queries from a cache with ETags.
"""

from __future__ import annotations

import functools
import hashlib
from email.utils import format_datetime
from urllib.parse import unquote_to_bytes

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, redirect, request, url_for

from .. import formats
from ..engine import FEDERATION_REFUSED, READ_ONLY, StoreUnavailable
from .errors import refusal
from .guard import QueryTimeout, is_update, retire_worker, uses_service
from .runner import IsolatedRunner

bp = Blueprint("sparql", __name__)

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
        raise ProtocolError(400, FEDERATION_REFUSED)

    config = current_app.config
    engine = config["ENGINE"]
    wanted = (request.args.get("format") or request.form.get("format") or "").strip().lower()
    accept = request.headers.get("Accept", "").strip()
    key = (engine.version, query, tuple(default_graphs), tuple(named_graphs), wanted, accept)
    etag = hashlib.sha256(repr(key).encode()).hexdigest()[:32]
    if request.if_none_match and request.if_none_match.contains(etag):  # the client has it: run nothing
        resp = Response(status=304)
        resp.set_etag(etag)
        resp.vary.add("Accept")
        resp.cache_control.public = True
        resp.cache_control.max_age = config.get("CACHE_MAX_AGE", 3600)
        return resp
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
    """The media type and format for each kind of answer, or the 406 it would get; formats travel to the
    query process by (kind, file extension).

    Clients send a handful of distinct Accept headers: negotiating each once saves a parse of the
    header per request. The returned dict is shared; it is only read."""
    out = {}
    for kind in ("RESULTS", "GRAPH"):
        try:
            media_type, fmt = formats.negotiate(kind, wanted, accept)
            out[kind] = (media_type, (kind, fmt.file_extension))
        except formats.NotAcceptable as exc:
            out[kind] = (406, str(exc))
    return out


def _evaluate(engine, query, default_graphs, named_graphs, wanted, accept) -> tuple[str, bytes, float]:
    """Parse, evaluate and serialize under the time limit; returns (media type, body, seconds)."""
    config = current_app.config
    limit = float(config.get("QUERY_TIMEOUT", 10))
    max_bytes = int(config.get("MAX_RESULT_BYTES", 50 * 1024 * 1024))
    runner = config["RUNNER"]
    try:
        answer = runner.run(query, default_graphs, named_graphs, choices_for(wanted, accept), limit)
    except Exception as exc:  # noqa: BLE001 - mapped below; anything unmapped is re-raised
        found = refusal(exc, limit)
        if found is None:
            raise
        if isinstance(exc, QueryTimeout) and config.get("RETIRE_WORKER_ON_TIMEOUT") and not isinstance(runner, IsolatedRunner):
            from flask import after_this_request

            @after_this_request
            def _retire(response):
                response.call_on_close(retire_worker)
                return response
        raise ProtocolError(found.status, found.message, found.headers) from None
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
    offered = [formats.media_type(f) for f in formats.GRAPHS if f not in formats.DATASETS] + ["text/html"]
    best = request.accept_mimetypes.best_match(offered, default="text/turtle") if request.headers.get("Accept") else "text/turtle"
    if best == "text/html":
        return redirect(url_for("linked_data.query_page"), code=303)  # a person: the query page
    engine = current_app.config["ENGINE"]
    endpoint = request.base_url
    named = " ;\n".join(f"        sd:namedGraph [ sd:name <{g}> ]" for g in engine.graphs())
    text = SERVICE_DESCRIPTION.format(endpoint=endpoint, named=(named + " ;\n") if named else "")
    fmt = ox.RdfFormat.from_media_type(best)
    body = text.encode() if fmt == ox.RdfFormat.TURTLE else ox.serialize(ox.parse(text, format=ox.RdfFormat.TURTLE), format=fmt)
    resp = Response(body, content_type=f"{best}; charset=utf-8")
    resp.vary.add("Accept")
    resp.headers["Last-Modified"] = format_datetime(engine.loaded_at, usegmt=True)
    return resp
