"""GET /openapi.json: an OpenAPI 3.0 description of the HTTP API.

Written by hand from the blueprints (``sparql``, ``dataset``, ``contribute``, ``linked_data``) and
checked against the running app by a schemathesis run in the tests (tests/test_openapi.py), so a
route that answers with a status or a media type this file does not list fails the suite.
"""

from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify

from .. import __version__, formats
from ..contributions import MEDIA_TYPES as CONTRIBUTION_MEDIA_TYPES

bp = Blueprint("openapi", __name__)

RESULT_TYPES = [formats.media_type(f) for f in formats.RESULTS] + list(formats.EXTRA_MEDIA_TYPES["RESULTS"])
GRAPH_TYPES = [formats.media_type(f) for f in formats.GRAPHS]
DESCRIPTION_TYPES = [formats.media_type(f) for f in formats.GRAPHS if f not in formats.DATASETS]
CONTRIBUTION_TYPES = sorted(CONTRIBUTION_MEDIA_TYPES)
# what ?format= accepts: the names, the file extensions and the other spellings of formats.py
FORMAT_NAMES = sorted({*formats.RESULT_NAMES, *formats.GRAPH_NAMES, *(a for a in formats.ALIASES if "/" not in a),
                       *(f.file_extension for f in (*formats.RESULTS, *formats.GRAPHS))})

SPARQL_RESULTS_JSON = {
    "type": "object",
    "required": ["head"],
    "properties": {
        "head": {"type": "object", "properties": {"vars": {"type": "array", "items": {"type": "string"}},
                                                  "link": {"type": "array", "items": {"type": "string"}}}},
        "results": {"type": "object", "required": ["bindings"], "properties": {
            "bindings": {"type": "array", "items": {"type": "object", "additionalProperties": {
                "type": "object", "required": ["type"], "properties": {
                    "type": {"type": "string", "enum": ["uri", "literal", "bnode", "triple"]},
                    "value": {}, "datatype": {"type": "string"}, "xml:lang": {"type": "string"}}}}}}},
        "boolean": {"type": "boolean"},
    },
}
REPORT_JSON = {
    "type": "object",
    "required": ["conforms", "contributions"],
    "properties": {
        "conforms": {"type": "boolean"},
        "contributions": {"type": "array", "items": {"type": "object", "required": ["name", "conforms", "readable"],
            "properties": {
                "name": {"type": "string"}, "conforms": {"type": "boolean"}, "readable": {"type": "boolean"},
                "violations": {"type": "integer"}, "warnings": {"type": "integer"},
                "graphs": {"type": "object", "additionalProperties": {"type": "integer"}},
                "newEntities": {"type": "array", "items": {"type": "object"}},
                "results": {"type": "array", "items": {"type": "object", "required": ["kind", "severity", "message"],
                    "properties": {"kind": {"type": "string"}, "severity": {"type": "string"},
                                   "message": {"type": "string"}, "line": {"type": "integer"},
                                   "column": {"type": "integer"}}}},
            }}},
    },
}


def _text(description: str) -> dict:
    return {"description": description, "content": {"text/plain": {"schema": {"type": "string"}}}}


def _html(description: str) -> dict:
    return {"description": description, "content": {"text/html": {"schema": {"type": "string"}}}}


def _any(types: list[str]) -> dict:
    return {t: {"schema": SPARQL_RESULTS_JSON if t in ("application/sparql-results+json", "application/json")
                else {} if t == "application/ld+json" else {"type": "string"}} for t in types}


def _sparql_responses(post: bool) -> dict:
    out = {
        "200": {"description": "SELECT/ASK results, CONSTRUCT/DESCRIBE graphs, or without a query the SPARQL "
                               "Service Description; by Accept (q-values honoured) or ?format=.",
                "content": _any(list(dict.fromkeys(RESULT_TYPES + GRAPH_TYPES)))},
        "303": {"description": "A query-less request from a browser (Accept: text/html) goes to the landing page."},
        "304": {"description": "Not modified (If-None-Match / If-Modified-Since)."},
        "400": _text("Malformed query (the parser's message), not UTF-8, SERVICE (federation is disabled), "
                     "too large a result, or an engine failure triggered by the query."),
        "403": _text("SPARQL Update in any form (update=, application/sparql-update, an update as query=)."),
        "406": _text("No acceptable media type for this kind of answer."),
        "503": _text("The query ran past the time limit, or the remote store is unreachable (Retry-After is set)."),
    }
    if post:
        out["413"] = _text("The body is larger than the limit (1 MB by default).")
        out["415"] = _text("The body is neither a form nor application/sparql-query.")
    return out


def _graph_params(where: str) -> list[dict]:
    return [
        {"name": "default-graph-uri", "in": where, "required": False, "style": "form", "explode": True,
         "schema": {"type": "array", "items": {"type": "string"}},
         "description": "IRI of a graph to merge into the default graph (instead of the union of all graphs)."},
        {"name": "named-graph-uri", "in": where, "required": False, "style": "form", "explode": True,
         "schema": {"type": "array", "items": {"type": "string"}},
         "description": "IRI of a named graph the query may address with GRAPH."},
    ]


def _sparql_paths() -> dict:
    """/sparql: the SPARQL 1.1 Protocol by GET and POST (web/sparql.py)."""
    form_schema = {"type": "object", "properties": {
        "query": {"type": "string"}, "update": {"type": "string", "description": "Refused: 403."},
        "default-graph-uri": {"type": "array", "items": {"type": "string"}},
        "named-graph-uri": {"type": "array", "items": {"type": "string"}},
        "format": {"type": "string", "enum": FORMAT_NAMES}}}
    return {
    "/sparql": {
        "get": {
            "summary": "SPARQL 1.1 Protocol query operation (or the Service Description without a query).",
            "operationId": "sparqlGet",
            "parameters": [
                {"name": "query", "in": "query", "required": False, "schema": {"type": "string"},
                 "description": "A SPARQL 1.1 query. Without it: the Service Description."},
                *_graph_params("query"),
                {"name": "format", "in": "query", "required": False,
                 "schema": {"type": "string", "enum": FORMAT_NAMES},
                 "description": "Answer format by short name, overriding Accept."},
            ],
            "responses": _sparql_responses(post=False),
        },
        "post": {
            "summary": "SPARQL 1.1 Protocol query operation by POST (form or direct).",
            "operationId": "sparqlPost",
            "parameters": [*_graph_params("query")],
            "requestBody": {"required": True, "content": {
                "application/x-www-form-urlencoded": {"schema": form_schema},
                "application/sparql-query": {"schema": {"type": "string"}},
                "application/sparql-update": {"schema": {"type": "string"},
                                              "description": "Refused: 403."},
            }},
            "responses": _sparql_responses(post=True),
        },
    },
    }


def _validate_paths() -> dict:
    """/validate: the contribution checker (web/contribute.py)."""
    return {
    "/validate": {
        "get": {"summary": "The contribution form.", "operationId": "validateForm",
                "responses": {"200": _html("The form.")}},
        "post": {
            "summary": "Check contributed RDF against the graph: syntax, SHACL, references, duplicates, "
                       "provenance. Nothing is stored.",
            "operationId": "validate",
            "requestBody": {"required": True, "content": {
                **{t: {"schema": {"type": "string"}} for t in CONTRIBUTION_TYPES},
                "multipart/form-data": {"schema": {"type": "object", "properties": {
                    "file": {"type": "string", "format": "binary"}, "text": {"type": "string"}}}},
                "application/x-www-form-urlencoded": {"schema": {"type": "object", "properties": {
                    "text": {"type": "string"}}}},
            }},
            "responses": {
                **{code: {"description": description, "content": {
                    "application/json": {"schema": REPORT_JSON}, "text/turtle": {"schema": {"type": "string"}},
                    "text/html": {"schema": {"type": "string"}}, "text/plain": {"schema": {"type": "string"}}}}
                   for code, description in (
                       ("200", "The contribution conforms."),
                       ("400", "Unreadable: syntax error, not UTF-8, empty, unsupported format (RDF/XML is "
                               "not accepted), a remote JSON-LD @context, too many statements."),
                       ("422", "Readable, with violations."))},
                "413": _text("The body is larger than the limit (1 MB by default)."),
                "415": _text("A body in a media type that is not a contribution format."),
            },
        },
    },
    }


def _dataset_paths() -> dict:
    """/void, /dumps and /health (web/dataset.py)."""
    return {
    "/void": {"get": {
        "summary": "VoID description of the dataset.", "operationId": "void",
        "responses": {"200": {"description": "VoID.", "content": _any(DESCRIPTION_TYPES)},
                      "406": _text("No acceptable media type."),
                      "503": _text("The remote store is unreachable.")}}},
    "/dumps/{name}": {"get": {
        "summary": "The whole dataset with graph names.", "operationId": "dump",
        "parameters": [{"name": "name", "in": "path", "required": True,
                        "schema": {"type": "string",
                                   "enum": ["iscm.nq", "iscm.trig", "iscm.nq.gz", "iscm.trig.gz"]}}],
        "responses": {"200": {"description": "The dump.", "content": {
            "application/n-quads": {"schema": {"type": "string"}},
            "application/trig": {"schema": {"type": "string"}},
            "application/gzip": {"schema": {"type": "string", "format": "binary"}}}},
            "304": {"description": "Not modified."},
            "404": _text("No such dump."),
            "503": _text("The remote store is unreachable.")}}},
    "/health": {"get": {
        "summary": "Liveness and size.", "operationId": "health",
        "responses": {"200": {"description": "Alive.", "content": {"application/json": {"schema": {
            "type": "object", "required": ["status", "quads", "graphs"],
            "properties": {"status": {"type": "string", "enum": ["ok"]},
                           "quads": {"type": "integer", "minimum": 0},
                           "graphs": {"type": "integer", "minimum": 0}}}}}},
            "503": _text("The remote store is unreachable.")}}},
    }


def _page_paths() -> dict:
    """Linked data and the index pages (web/linked_data.py, web/ontology_reference.py)."""
    return {
    "/id/{path}": {"get": {
        "summary": "Dereference an IRI of the graph (https://w3id.org/iscm/id/...): HTML or RDF by Accept, "
                   "or by extension (.html .ttl .jsonld .nt .rdf .trig .nq).",
        "operationId": "resource",
        "parameters": [{"name": "path", "in": "path", "required": True, "schema": {"type": "string"},
                        "description": "The IRI's path below /id/, e.g. mechanism/budapest-process."}],
        "responses": _resource_responses()}},
    "/ontology": {"get": {
        "summary": "The ontology (https://w3id.org/iscm/ontology), HTML or RDF by Accept.",
        "operationId": "ontology", "responses": _resource_responses()}},
    "/ontology/reference": {"get": {
        "summary": "The ontology's reference document (LODE style, rendered by pyLODE), one self-contained page.",
        "operationId": "ontologyReference",
        "responses": {"200": _html("The reference document."), "304": {"description": "Not modified (ETag)."}}}},
    "/mechanisms": {"get": {
        "summary": "Index of mechanisms, filterable.", "operationId": "mechanisms",
        "parameters": [{"name": k, "in": "query", "required": False, "schema": {"type": "string"},
                        "description": f"A {k} IRI or its last segment."} for k in ("type", "region", "theme")],
        "responses": {"200": _html("The index."), "400": _html("An unknown filter value."),
                      "503": _text("The remote store is unreachable.")}}},
    }


def document() -> dict:
    """The OpenAPI document, path by path from the blueprints that answer them."""
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "ISCM-KG",
            "version": __version__,
            "description": "Knowledge graph of inter-State consultation mechanisms on migration: a read-only "
                           "SPARQL 1.1 endpoint, linked data, dataset dumps and a contribution checker. "
                           "Limits are described in SECURITY.md.",
            "license": {"name": "CC BY 4.0 (data), MIT (code)"},
        },
        "paths": {
            **_sparql_paths(),
            **_validate_paths(),
            **_dataset_paths(),
            **_page_paths(),
            **_search_paths(),
            **_release_paths(),
            "/openapi.json": {"get": {
                "summary": "This description.", "operationId": "openapi",
                "responses": {"200": {"description": "OpenAPI 3.0.", "content": {
                    "application/json": {"schema": {"type": "object"}}}}}}},
        },
    }


SEARCH_HIT = {"type": "object", "required": ["iri", "label", "type", "score"], "properties": {
    "iri": {"type": "string"}, "label": {"type": "string"}, "type": {"type": "string"},
    "typeIri": {"type": "string"}, "score": {"type": "number"}, "exact": {"type": "boolean"},
    "matched": {"type": "string"}, "iso3166Alpha3": {"type": "string"}}}
ERROR_JSON = {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}}


def _search_paths() -> dict:
    """/search and /reconcile (web/search.py, web/reconcile.py)."""
    queries = {"name": "queries", "in": "query", "required": False, "schema": {"type": "string"},
               "description": "A reconciliation query batch as JSON (W3C Reconciliation API 0.2); without it, the manifest."}
    reconcile_answers = {
        "200": {"description": "The manifest (no queries) or one result list per query key.",
                "content": {"application/json": {"schema": {"type": "object"}}}},
        "400": {"description": "queries is not a query batch (not JSON, unknown type, bad limit, too many).",
                "content": {"application/json": {"schema": ERROR_JSON}}}}
    return {
        "/search": {"get": {
            "summary": "Find mechanisms, States, organizations, themes and meetings by any of their names "
                       "(accents, case and typos forgiven), best first; HTML, or JSON by Accept or format=json.",
            "operationId": "search",
            "parameters": [
                {"name": "q", "in": "query", "required": False, "schema": {"type": "string", "minLength": 1, "maxLength": 400},
                 "description": "The name. Without it (HTML): the search form."},
                {"name": "type", "in": "query", "required": False, "style": "form", "explode": True,
                 "schema": {"type": "array", "items": {"type": "string", "enum": ["mechanism", "state", "organization", "theme", "meeting"]}}},
                {"name": "limit", "in": "query", "required": False, "schema": {"type": "integer", "minimum": 1, "maximum": 100}},
                {"name": "format", "in": "query", "required": False, "schema": {"type": "string", "enum": ["json", "html"]}},
            ],
            "responses": {
                "200": {"description": "The matches, best first.", "content": {
                    "text/html": {"schema": {"type": "string"}},
                    "application/json": {"schema": {"type": "object", "required": ["results"], "properties": {
                        "query": {"type": "string"}, "results": {"type": "array", "items": SEARCH_HIT}}}}}},
                "400": {"description": "Empty, over-long or unusable name; unknown type; bad limit or format.",
                        "content": {"text/html": {"schema": {"type": "string"}}, "application/json": {"schema": ERROR_JSON}}},
                "503": _text("The remote store is unreachable.")}}},
        "/reconcile": {
            "get": {"summary": "W3C Entity Reconciliation Service API 0.2 (OpenRefine): manifest, or a batch of queries.",
                    "operationId": "reconcileGet", "parameters": [queries], "responses": reconcile_answers},
            "post": {"summary": "The same, with the batch form-encoded (as OpenRefine sends it).",
                     "operationId": "reconcilePost",
                     "requestBody": {"required": False, "content": {"application/x-www-form-urlencoded": {"schema": {
                         "type": "object", "properties": {"queries": {"type": "string"}}}}}},
                     "responses": reconcile_answers}},
        "/reconcile/preview": {"get": {
            "summary": "A small HTML card of an entity, for a reconciliation client's preview.",
            "operationId": "reconcilePreview",
            "parameters": [{"name": "id", "in": "query", "required": True, "schema": {"type": "string", "minLength": 1},
                            "description": "The entity's id, relative to https://w3id.org/iscm/id/ (e.g. country/DEU)."}],
            "responses": {"200": _html("The card."), "400": {"description": "No id.", "content": {
                "application/json": {"schema": ERROR_JSON}}}, "404": _text("No such entity.")}}},
    }


def _release_paths() -> dict:
    """/downloads, /codebook and /dcat (web/downloads.py): the files `iscm-kg build` writes to dist/."""
    none_built = _text("No release has been built on this server (`iscm-kg build`).")
    return {
        "/downloads": {"get": {
            "summary": "The release files (tables, metadata, dumps, archive) with sizes and SHA-256 checksums; "
                       "HTML, or the release manifest as JSON by Accept.",
            "operationId": "downloads",
            "responses": {"200": {"description": "The list of files.", "content": {
                "text/html": {"schema": {"type": "string"}},
                "application/json": {"schema": {"type": "object", "required": ["version", "files"]}}}},
                "404": {"description": "No release built (JSON clients).",
                        "content": {"application/json": {"schema": ERROR_JSON}}}}}},
        "/downloads/{name}": {"get": {
            "summary": "One release file, as the manifest lists it (ETag and Content-Digest are its SHA-256).",
            "operationId": "download",
            "parameters": [{"name": "name", "in": "path", "required": True, "schema": {"type": "string"},
                            "description": "A path the manifest lists, e.g. tables/memberships.csv."}],
            "responses": {"200": {"description": "The file.", "content": {"*/*": {"schema": {"type": "string"}}}},
                          "304": {"description": "Not modified."},
                          "404": _text("No release file of that name.")}}},
        "/codebook": {"get": {
            "summary": "The codebook: every table and column of the release, its values and its ontology term.",
            "operationId": "codebook", "responses": {"200": _html("The codebook.")}}},
        "/dcat": {"get": {
            "summary": "DCAT description of the dataset and its distributions, in Turtle.",
            "operationId": "dcat",
            "responses": {"200": {"description": "The description.",
                                  "content": {"text/turtle": {"schema": {"type": "string"}}}},
                          "404": none_built}}},
    }


def _resource_responses() -> dict:
    return {
        "200": {"description": "The resource.", "content": {"text/html": {"schema": {"type": "string"}},
                                                            **_any(GRAPH_TYPES)}},
        "303": {"description": "/id/ itself: the landing page."},
        "304": {"description": "Not modified."},
        "308": {"description": "A path with repeated slashes, to its canonical form."},
        "404": {"description": "Nothing is known about this IRI (with suggestions); also any path with '..'.",
                "content": {"text/html": {"schema": {"type": "string"}}, "text/plain": {"schema": {"type": "string"}}}},
        "406": _text("No acceptable media type; the alternates are listed."),
        "503": _text("The remote store is unreachable."),
    }


@bp.get("/openapi.json")
def openapi() -> Response:
    """The OpenAPI document as JSON (made once per application)."""
    cached = current_app.extensions.get("iscm_openapi")
    if cached is None:
        cached = current_app.extensions["iscm_openapi"] = document()
    resp = jsonify(cached)
    resp.headers["Access-Control-Allow-Origin"] = "*"
    return resp
