"""``GET /search?q=``: find mechanisms, States, organizations, themes and meetings by any name.

HTML for browsers (the results page, and the box in every page's header), JSON by ``Accept`` or
``?format=json``. Matching is ``names.NameIndex`` (accent- and case-insensitive, typo-tolerant),
built once per process from the engine.
"""

from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify, render_template, request

from ..names import KINDS, BadQuery, Hit, NameIndex

bp = Blueprint("search", __name__, template_folder="templates")

MAX_LIMIT = 100
DEFAULT_LIMIT = 20


def name_index() -> NameIndex:
    """The process's name index over the application's engine (built on first use)."""
    app = current_app
    engine = app.config["ENGINE"]
    found = app.extensions.get("iscm_names")
    if found is None or found[0] is not engine:
        found = (engine, NameIndex.from_engine(engine))
        app.extensions["iscm_names"] = found
    return found[1]


class BadParameter(ValueError):
    """A request parameter that is not usable; the message says what is."""


def parse_kinds(values: list[str]) -> set[str] | None:
    """``type=mechanism&type=state`` (or comma-separated) -> kinds; None for all kinds."""
    wanted = {v.strip().lower() for value in values for v in value.split(",") if v.strip()}
    unknown = wanted - set(KINDS)
    if unknown:
        raise BadParameter(f"Unknown type {', '.join(sorted(unknown))!s}; use one of: {', '.join(KINDS)}.")
    return wanted or None


def parse_limit(value: str | None, default: int = DEFAULT_LIMIT) -> int:
    """The ``limit`` parameter as a number within bounds (a BadRequest otherwise)."""
    if value in (None, ""):
        return default
    try:
        limit = int(value)
    except ValueError:
        raise BadParameter(f"limit must be a whole number from 1 to {MAX_LIMIT}.") from None
    if not 1 <= limit <= MAX_LIMIT:
        raise BadParameter(f"limit must be a whole number from 1 to {MAX_LIMIT}.")
    return limit


def wants_json() -> bool:
    """Whether the client asks for JSON (``?format=`` first, else Accept)."""
    fmt = request.args.get("format")
    if fmt is not None:
        if fmt.lower() not in ("json", "html"):
            raise BadParameter("format must be json or html.")
        return fmt.lower() == "json"
    accept = request.accept_mimetypes
    return accept.best_match(["text/html", "application/json"]) == "application/json" and \
        accept["application/json"] > accept["text/html"]


def hit_json(hit: Hit) -> dict:
    """A search hit as JSON."""
    entry = hit.entry
    out = {"iri": entry.iri, "label": entry.label, "type": entry.kind_label, "typeIri": entry.type_id,
           "score": hit.score, "exact": hit.exact, "matched": hit.matched}
    if entry.code:
        out["iso3166Alpha3"] = entry.code
    return out


@bp.get("/search")
def search() -> Response:
    """Search names: an HTML results page or JSON."""
    q = request.args.get("q")
    try:
        as_json = wants_json()
    except BadParameter as exc:
        return _error(str(exc), True, q or "")
    try:
        kinds = parse_kinds(request.args.getlist("type"))
        limit = parse_limit(request.args.get("limit"))
        if q is None and not as_json:  # the search page itself
            return Response(render_template("search.html", q="", hits=None, kinds=KINDS, chosen=kinds or set()),
                            mimetype="text/html")
        hits = name_index().search(q if q is not None else "", kinds=kinds, limit=limit)
    except (BadQuery, BadParameter) as exc:
        return _error(str(exc), as_json, q or "")
    if as_json:
        resp = jsonify(query=q, results=[hit_json(h) for h in hits])
    else:
        resp = Response(render_template("search.html", q=q, hits=hits, kinds=KINDS, chosen=kinds or set()),
                        mimetype="text/html")
    resp.headers["Vary"] = "Accept"
    return resp


def _error(message: str, as_json: bool, q: str) -> Response:
    if as_json:
        resp = jsonify(error=message)
    else:
        resp = Response(render_template("search.html", q=q[:400], hits=None, kinds=KINDS, chosen=set(),
                                        error=message), mimetype="text/html")
    resp.status_code = 400
    return resp
