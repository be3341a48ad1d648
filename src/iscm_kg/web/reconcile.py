"""``/reconcile``: the W3C Entity Reconciliation Service API, version 0.2 (what OpenRefine speaks).

* ``GET /reconcile`` without ``queries``: the service manifest.
* ``GET`` or ``POST`` (form-encoded) ``queries={"q0": {"query": "RCM", "type": "mechanism",
  "limit": 3}, ...}``: one result list per key, candidates best first with a score (0-100) and
  ``match`` (true only for a name that is exactly one thing's).
* ``GET /reconcile/preview?id=country/DEU``: a small HTML card for the client's pop-up.

Entity identifiers are IRIs relative to the identifier space ``https://w3id.org/iscm/id/``
(``country/DEU`` is ``https://w3id.org/iscm/id/country/DEU``). Types are the classes of
mechanisms, States and organizations (or simply ``mechanism``, ``State``, ``organization``).
The property ``iso3166Alpha3`` finds a State by its code. Matching is ``names.NameIndex``.
"""

from __future__ import annotations

import json

from flask import Blueprint, Response, abort, jsonify, render_template, request
from flask_cors import CORS

from ..names import ID, ISCM, KINDS, BadQuery, Hit
from .search import name_index

bp = Blueprint("reconcile", __name__, template_folder="templates")
CORS(bp)  # OpenRefine and browser clients call from other origins

RECONCILE_KINDS = ("mechanism", "state", "organization")
TYPE_IDS = {KINDS[k][1]: k for k in RECONCILE_KINDS} | {k: k for k in RECONCILE_KINDS} | {
    KINDS[k][0].lower(): k for k in RECONCILE_KINDS}
ISO_PROPERTY = ISCM + "iso3166Alpha3"
MAX_BATCH = 500
DEFAULT_LIMIT = 5
MAX_LIMIT = 100


class BadBatch(ValueError):
    """The ``queries`` parameter is not a reconciliation query batch; the message says why."""


def manifest() -> dict:
    """The service manifest of the Reconciliation API."""
    root = request.url_root
    return {
        "versions": ["0.1", "0.2"],
        "name": "ISCM knowledge graph: mechanisms, States and organizations",
        "identifierSpace": ID,
        "schemaSpace": ISCM,
        "documentation": root + "openapi.json",
        "serviceVersion": "1",
        "defaultTypes": [{"id": KINDS[k][1], "name": KINDS[k][0]} for k in RECONCILE_KINDS],
        "view": {"url": root + "id/{{id}}"},
        "preview": {"url": root + "reconcile/preview?id={{id}}", "width": 420, "height": 160},
        "batchSize": 50,
    }


@bp.route("/reconcile", methods=["GET", "POST"])
def reconcile() -> Response:
    """Reconciliation queries (``queries=``, GET or POST); without them, the manifest."""
    raw = request.values.get("queries")
    if raw is None:
        return jsonify(manifest())
    try:
        batch = parse_batch(raw)
    except BadBatch as exc:
        return _error(str(exc))
    return jsonify({key: {"result": answer(q)} for key, q in batch.items()})


def parse_batch(raw: str) -> dict[str, dict]:
    """The batch as a dict of checked queries, or BadBatch."""
    try:
        batch = json.loads(raw)
    except ValueError as exc:
        raise BadBatch(f"queries is not valid JSON: {exc}") from None
    if not isinstance(batch, dict) or not batch:
        raise BadBatch('queries must be a JSON object of queries, e.g. {"q0": {"query": "Puebla Process"}}.')
    if len(batch) > MAX_BATCH:
        raise BadBatch(f"A batch holds at most {MAX_BATCH} queries; this one has {len(batch)}.")
    return {key: parse_query(key, q) for key, q in batch.items()}


def parse_query(key: str, q) -> dict:
    """One query of a batch, checked: its text, types, limit and properties."""
    if not isinstance(q, dict):
        raise BadBatch(f"Query {key!r} must be an object with a query string.")
    text, props = q.get("query"), q.get("properties") or []
    if text is not None and not isinstance(text, str):
        raise BadBatch(f"Query {key!r}: query must be a string.")
    if not isinstance(props, list) or not all(isinstance(p, dict) and "pid" in p and "v" in p for p in props):
        raise BadBatch(f"Query {key!r}: properties must be a list of {{\"pid\": …, \"v\": …}}.")
    if text is None and not props:
        raise BadBatch(f"Query {key!r} has neither a query string nor properties.")
    limit = q.get("limit", DEFAULT_LIMIT)
    if isinstance(limit, bool) or not isinstance(limit, int) or not 0 <= limit <= MAX_LIMIT:
        raise BadBatch(f"Query {key!r}: limit must be a whole number from 0 to {MAX_LIMIT}.")
    return {"query": text or "", "kinds": parse_types(key, q.get("type")), "limit": limit or DEFAULT_LIMIT,
            "codes": iso_codes(props)}


def parse_types(key: str, value) -> set[str]:
    """The kinds a query's ``type`` names (one or a list), refusing unknown ones."""
    values = value if isinstance(value, list) else [] if value is None else [value]
    kinds = set()
    for v in values:
        if not isinstance(v, str) or v.strip().lower() not in TYPE_IDS and v.strip() not in TYPE_IDS:
            known = ", ".join(KINDS[k][1] for k in RECONCILE_KINDS)
            raise BadBatch(f"Query {key!r}: unknown type {v!r}; use one of {known} (or mechanism, State, organization).")
        kinds.add(TYPE_IDS.get(v.strip(), TYPE_IDS.get(v.strip().lower())))
    return kinds or set(RECONCILE_KINDS)


def iso_codes(props: list[dict]) -> set[str]:
    """The ISO 3166-1 alpha-3 codes given as property values (pid iso3166Alpha3 or its IRI)."""
    codes = set()
    for p in props:
        if p["pid"] in ("iso3166Alpha3", ISO_PROPERTY, "iscm:iso3166Alpha3"):
            for v in p["v"] if isinstance(p["v"], list) else [p["v"]]:
                v = v.get("id") if isinstance(v, dict) else v
                if isinstance(v, str):
                    codes.add(v.strip().upper())
    return codes


def answer(q: dict) -> list[dict]:
    """Candidates for one query: by name, and by ISO code where one is given."""
    index = name_index()
    try:
        hits = index.search(q["query"], kinds=q["kinds"], limit=q["limit"]) if q["query"].strip() else []
    except BadQuery:
        hits = []  # one unusable cell (too long, no letters) must not fail the whole batch
    by_code = [index.by_code[c] for c in q["codes"] if c in index.by_code and "state" in q["kinds"]]
    if by_code:
        coded = {e.iri for e in by_code}
        hits = [Hit(e, 100.0, e.code, True) for e in by_code] + [h for h in hits if h.entry.iri not in coded]
    exact = [h for h in hits if h.exact]
    certain = exact[0].entry.iri if len(exact) == 1 else None
    return [candidate(h, h.entry.iri == certain) for h in hits[:q["limit"]]]


def candidate(hit: Hit, match: bool) -> dict:
    """A hit as a reconciliation candidate (``match`` when it is the only exact one)."""
    entry = hit.entry
    description = entry.kind_label
    if entry.region:
        description += f" · {entry.region}"
    if hit.matched != entry.label:
        description += f" · matched “{hit.matched}”"
    return {"id": entry.iri.removeprefix(ID), "name": entry.label, "description": description,
            "type": [{"id": entry.type_id, "name": KINDS[entry.kind][0]}], "score": hit.score,
            "match": match, "features": [{"id": "name_exact", "value": hit.exact}]}


@bp.get("/reconcile/preview")
def preview() -> Response:
    """A small HTML card for an entity, for reconciliation clients."""
    ident = request.args.get("id", "")
    if not ident.strip():
        return _error("Give the entity's id, e.g. ?id=country/DEU.")
    entry = name_index().by_iri.get(ID + ident.strip())
    if entry is None:
        abort(404)
    others = [n for n, _ in entry.names if n != entry.label][:8]
    return Response(render_template("reconcile_preview.html", entry=entry, others=others), mimetype="text/html")


def _error(message: str) -> Response:
    resp = jsonify(error=message)
    resp.status_code = 400
    return resp

