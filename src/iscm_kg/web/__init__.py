"""The Flask application: SPARQL protocol and pages over the merged knowledge graph.

How the pages are made, one concern per module: :mod:`.terms` (namespaces, :class:`~.terms.Node`),
:mod:`.labels` (names and links of IRIs, given the script root), :mod:`.sources` (the named
graphs), :mod:`.describe` (what an IRI's description holds), :mod:`.grouping` (quads into page
data, pure), :mod:`.site` (these together for one request), :mod:`.reads` and :mod:`.indexes`
(the read model of each page), :mod:`.pages` (which template shows a resource) and
:mod:`.linked_data` (routes and content negotiation).
"""

from __future__ import annotations

from flask import Flask, Response, jsonify, request
from flask_cors import CORS

from ..engine import Engine
from .cache import ResultCache

DEFAULTS = {
    "QUERY_TIMEOUT": 10,                      # seconds per query
    "MAX_CONTENT_LENGTH": 1024 * 1024,        # request bodies (queries, uploads), bytes
    "MAX_RESULT_BYTES": 50 * 1024 * 1024,     # serialized answers, bytes
    "RESULT_CACHE_BYTES": 64 * 1024 * 1024,   # 0 turns the result cache off
    "CACHE_MAX_AGE": 3600,                    # the dataset changes only on release
    "RETIRE_WORKER_ON_TIMEOUT": False,        # set by the gunicorn server
    "ISOLATE_QUERIES": True,                  # evaluate web queries in a forked child process
    "PUBLIC_BASE": "https://w3id.org/iscm",   # where the IRIs live; pages map them onto this host
}


# A refused body is read and dropped up to this size, so that the client, still sending it, then reads
# the 413: a server that answers and closes while the client writes makes most clients (urllib,
# SPARQLWrapper, requests) report a broken pipe instead of the answer. Past it, the connection is closed.
DRAIN_BYTES = 32 * 1024 * 1024


def _drain(environ: dict, limit: int) -> bool:
    """Read and discard the request body, at most ``limit`` bytes; True when it was read to its end."""
    stream = environ.get("wsgi.input")
    if stream is None:
        return True
    try:
        length = int(environ.get("CONTENT_LENGTH") or -1)
    except ValueError:
        length = -1
    if length > limit:
        return False
    remaining = length if length >= 0 else limit
    while remaining > 0:
        chunk = stream.read(min(64 * 1024, remaining))
        if not chunk:
            return True
        remaining -= len(chunk)
    return length >= 0 or not stream.read(1)


def create_app(engine: Engine | None = None, config: dict | None = None) -> Flask:
    """Application factory; the engine (and so the dataset) is loaded once per process."""
    app = Flask(__name__)
    app.config.update(DEFAULTS)
    app.config.update(config or {})
    app.config["ENGINE"] = engine if engine is not None else Engine.from_project()
    from .runner import runner_for
    app.config["RUNNER"] = runner_for(app.config["ENGINE"], isolate=bool(app.config["ISOLATE_QUERIES"]))
    cache_bytes = int(app.config["RESULT_CACHE_BYTES"])
    app.config["RESULT_CACHE"] = ResultCache(cache_bytes) if cache_bytes > 0 else None
    CORS(app, resources={r"/sparql": {"origins": "*"}, r"/void": {"origins": "*"}, r"/dumps/*": {"origins": "*"}})

    from . import (contribute, dataset, downloads, linked_data, ontology_reference, openapi, pictures,
                   reconcile, search, sparql)
    for module in (sparql, dataset, contribute, ontology_reference, linked_data, pictures, openapi, downloads,
                   search, reconcile):
        app.register_blueprint(module.bp)

    @app.get("/health")
    def health() -> Response:
        eng: Engine = app.config["ENGINE"]
        return jsonify(status="ok", quads=len(eng), graphs=len(eng.graphs()))

    @app.errorhandler(404)
    def not_found(_exc) -> Response:
        from flask import render_template, request
        if request.accept_mimetypes.best_match(["text/plain", "text/html"]) == "text/html" \
                and request.accept_mimetypes["text/html"] > 0:  # a browser: the page in the site's layout
            resp = Response(render_template("not_found.html", iri=None, path=request.path), status=404,
                            mimetype="text/html")
        else:
            resp = Response("Not found.\n", status=404, mimetype="text/plain")
        resp.vary.add("Accept")
        return resp

    @app.errorhandler(413)
    def too_large(_exc) -> Response:
        limit = app.config["MAX_CONTENT_LENGTH"] // 1024
        resp = Response(f"The request body is larger than {limit} KB.\n", status=413, mimetype="text/plain")
        if not _drain(request.environ, int(app.config.get("DRAIN_BYTES", DRAIN_BYTES))):
            resp.headers["Connection"] = "close"
        return resp

    @app.errorhandler(405)
    def method_not_allowed(exc) -> Response:
        resp = Response("Method not allowed on this resource.\n", status=405, mimetype="text/plain")
        if getattr(exc, "valid_methods", None):
            resp.headers["Allow"] = ", ".join(exc.valid_methods)
        return resp

    @app.errorhandler(Exception)
    def internal_error(exc) -> Response:
        from werkzeug.exceptions import HTTPException
        if isinstance(exc, HTTPException):
            return Response(f"{exc.name}.\n", status=exc.code or 500, mimetype="text/plain")
        app.logger.exception("unhandled error")
        return Response("Internal error; it has been logged.\n", status=500, mimetype="text/plain")

    return app
