"""Linked data and the browsable site: every IRI under the public base resolves here.

``https://w3id.org/iscm/id/…`` and ``https://w3id.org/iscm/ontology`` are served at the same
paths on this service (``/id/…``, ``/ontology``); the public base is the config key
``PUBLIC_BASE``. Each resource is content-negotiated (W3C "Cool URIs for the Semantic Web"):
HTML for browsers, RDF for machines, one URL per representation (``.html``, ``.ttl``,
``.jsonld``, ``.nt``, ``.rdf``, ``.trig``, ``.nq``) given in ``Content-Location`` and listed as
alternates in ``Link``. Also here: the landing page, the index of mechanisms, listings, and
the query page (a server-side SPARQL form over the example catalogue).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, redirect, render_template, request, url_for

from .. import formats
from ..engine import FederationRefused, UpdateRefused, with_prefixes
from ..namespaces import ONTOLOGY_IRI, PREFIXES
from . import indexes, pages
from .errors import refusal
from .guard import is_update, uses_service
from .reads import vocabulary
from .runner import run_for_rows
from .site import Site
from .site import current_catalogue as catalogue
from .site import current_site as site
from .terms import ID, ONTOLOGY_GRAPH, Node

bp = Blueprint("linked_data", __name__, template_folder="templates")

@dataclass(frozen=True)
class Format:
    """A representation the service offers: extension, media type and the pyoxigraph format."""
    ext: str
    media_type: str
    name: str
    rdf: object | None  # pyoxigraph RdfFormat; None for HTML
    quads: bool = False


# HTML first (browsers and */*), then the RDF formats of formats.GRAPHS (pyoxigraph's names, media types
# and extensions); JSON-LD is written as triples like Turtle, TriG and N-Quads keep the graphs.
ENTITY_RDF = (ox.RdfFormat.TURTLE, ox.RdfFormat.JSON_LD, ox.RdfFormat.N_TRIPLES, ox.RdfFormat.RDF_XML,
              ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS)
FORMATS = [Format("html", "text/html", "HTML", None)] + [
    Format(f.file_extension, formats.media_type(f), f.name, f, quads=f in formats.DATASETS) for f in ENTITY_RDF]
BY_EXT = {f.ext: f for f in FORMATS}
BY_RDF = {f.rdf: f for f in FORMATS if f.rdf is not None}
# media types accepted in Accept, in order of preference when the client does not say (*/*)
ACCEPTABLE = [(f.media_type, f) for f in FORMATS] + [("application/xhtml+xml", BY_EXT["html"])] + [
    (m, BY_RDF[formats.by_name("GRAPH", m)]) for m in formats.EXTRA_MEDIA_TYPES["GRAPH"]]
EXT_PATTERN = re.compile(r"^(?P<path>.+?)\.(?P<ext>" + "|".join(BY_EXT) + r")$")
RESULT_DOWNLOADS = [("json", "JSON"), ("xml", "XML"), ("csv", "CSV"), ("tsv", "TSV")]
GRAPH_DOWNLOADS = [("turtle", "Turtle"), ("jsonld", "JSON-LD"), ("ntriples", "N-Triples"),
                   ("rdfxml", "RDF/XML")]
QUERY_ROW_LIMIT = 2000
# what the editor holds before anything is run (the PREFIX lines it needs are added before it)
STARTER_QUERY = """# Mechanisms and the number of States each source lists as members
SELECT ?mechanism ?name ?source (COUNT(DISTINCT ?state) AS ?members) WHERE {
  GRAPH ?source { ?ms org:organization ?mechanism ; org:role role:member ; org:member ?state }
  ?state a iscm:State .
  ?mechanism skos:prefLabel ?name FILTER(lang(?name) = "en")
}
GROUP BY ?mechanism ?name ?source
ORDER BY DESC(?members)
"""
# optional editor for the query page, vendored by tools/vendor_yasgui.sh
YASGUI_BUNDLE = Path(__file__).parent / "static" / "vendor" / "yasgui" / "yasgui.min.js"


@bp.app_context_processor
def _globals() -> dict:
    return {"formats": FORMATS, "site": site(), "dataset_info": dataset_info}


def dataset_info() -> dict:
    """Version, date and a citation of the dataset being served, for every page's footer."""
    from .. import __version__
    engine = site().engine
    date = engine.loaded_at.date().isoformat()
    root = request.host_url.rstrip("/") + request.script_root
    # /downloads is another module's page: linked once the service has it
    has_downloads = any(rule.rule.rstrip("/") == "/downloads" for rule in current_app.url_map.iter_rules())
    return {"version": __version__, "date": date, "downloads": request.script_root + "/downloads" if has_downloads else None,
            "citation": (f"ISCM-KG: a knowledge graph of inter-State consultation mechanisms on migration, "
                         f"version {__version__} ({date}). {root}/")}


@bp.app_template_filter("node_title")
def _node_title(node: Node) -> str:
    if node.kind == "iri":
        return node.compact or node.value
    return node.datatype or (f"@{node.lang}" if node.lang else "")


# -- content negotiation ------------------------------------------------------------------------------


def negotiate() -> Format | None:
    """The format the Accept header asks for (HTML without one); None when none can be given."""
    if not request.headers.get("Accept", "").strip():
        return BY_EXT["html"]
    best = request.accept_mimetypes.best_match([mt for mt, _ in ACCEPTABLE])
    if best is None:
        return None
    return dict(ACCEPTABLE)[best]


def alternates(path: str) -> list[tuple[Format, str]]:
    """The URL of each representation of the resource at ``path``."""
    root = request.host_url.rstrip("/") + request.script_root
    return [(f, f"{root}{quote(path)}.{f.ext}") for f in FORMATS]


def link_header(path: str, iri: str) -> str:
    """The Link header: every alternate representation and the canonical IRI."""
    links = [f'<{url}>; rel="alternate"; type="{f.media_type}"' for f, url in alternates(path)]
    links.append(f'<{iri}>; rel="canonical"')
    return ", ".join(links)


def not_acceptable(path: str) -> Response:
    """A 406 that lists the representations there are."""
    lines = [f"None of the media types in the Accept header can be produced for {path}.",
             "Available:"] + [f"  {f.media_type:24} {url}" for f, url in alternates(path)]
    resp = Response("\n".join(lines) + "\n", status=406, mimetype="text/plain")
    resp.vary.add("Accept")
    return resp


def serialize(quads: list[ox.Quad], fmt: Format, first: str | None = None) -> bytes:
    """The quads in ``fmt``; in a triples format their merge, the statements about ``first`` (the
    resource asked for) first, then the others (memberships, events, ...) in a stable order."""
    if fmt.quads:
        return ox.serialize(quads, format=fmt.rdf, prefixes=_prefixes(fmt))
    triples = sorted({ox.Triple(q.subject, q.predicate, q.object) for q in quads},
                     key=lambda t: (getattr(t.subject, "value", None) != first, str(t.subject), str(t.predicate),
                                    str(t.object)))
    return ox.serialize(triples, format=fmt.rdf, prefixes=_prefixes(fmt))


def _etag(path: str, fmt: Format) -> str:
    """One validator per representation; the data changes only when the service reloads it."""
    engine = site().engine
    tag = f"{engine.version}|{engine.loaded_at.isoformat()}|{path}|{fmt.ext}"
    return hashlib.sha256(tag.encode()).hexdigest()[:32]


def _validators(resp: Response, path: str, fmt: Format, negotiated: bool) -> Response:
    if negotiated:
        resp.vary.add("Accept")
        resp.headers["Content-Location"] = request.script_root + quote(path) + "." + fmt.ext
    resp.set_etag(_etag(path, fmt))
    resp.last_modified = site().engine.loaded_at
    resp.cache_control.public = True
    resp.cache_control.max_age = int(current_app.config.get("CACHE_MAX_AGE", 3600))
    return resp


def unchanged(path: str) -> Response | None:
    """A 304 when the client already holds this representation (If-None-Match), decided before any
    query runs: the tag names the dataset version, the path and the format, all known from the request."""
    if not request.if_none_match or request.method not in ("GET", "HEAD"):
        return None
    m = EXT_PATTERN.match(path)
    candidates = [(m["path"], BY_EXT[m["ext"]], False)] if m else []
    candidates.append((path, negotiate(), True))
    for where, fmt, negotiated in candidates:
        if fmt is not None and request.if_none_match.contains(_etag(where, fmt)):
            resp = _validators(Response(status=304), where, fmt, negotiated)
            resp.headers["Link"] = link_header(where, site().base + where)
            return resp
    return None


def _prefixes(fmt: Format) -> dict | None:
    if fmt.ext in ("nt", "nq"):
        return None
    # 'id:' would shadow the per-kind prefixes the project writes its files with
    return {p: ns for p, ns in PREFIXES.items() if p not in ("id", "sh")}


def respond(iri: str, path: str, fmt: Format | None, negotiated: bool, html, quads) -> Response:
    """Answer for one resource: ``html`` and ``quads`` are callables producing each representation."""
    if fmt is None:
        return not_acceptable(path)
    if fmt.rdf is None:
        resp = Response(html(), mimetype="text/html")
    else:
        resp = Response(serialize(quads(), fmt, first=iri), content_type=f"{fmt.media_type}; charset=utf-8")
        resp.headers["Access-Control-Allow-Origin"] = "*"
    resp.headers["Link"] = link_header(path, iri)
    return _validators(resp, path, fmt, negotiated).make_conditional(request)


# -- resources -----------------------------------------------------------------------------------------


@bp.route("/id/<path:rest>")
def resource(rest: str) -> Response:
    """Any IRI under /id/."""
    return _resolve("/id/" + rest)


@bp.route("/ontology")
@bp.route("/ontology.<ext>")
@bp.route("/ontology/<path:rest>")
def ontology(ext: str | None = None, rest: str | None = None) -> Response:
    """The ontology, its representations by extension, and its terms."""
    if ext is not None:
        return _resolve("/ontology." + ext)
    return _resolve("/ontology" + (f"/{rest}" if rest is not None else ""))


def _resolve(path: str) -> Response:
    s = site()
    segments = path.split("/")
    if any(seg in ("", ".", "..") for seg in segments[1:]) or "\\" in path:
        return not_found(s.base + path, suggest=False)
    iri = s.base + path
    not_modified = unchanged(path)
    if not_modified is not None:
        return not_modified
    fmt, negotiated = None, True
    known = _known(s, iri)
    if not known:
        m = EXT_PATTERN.match(path)
        if m and _known(s, s.base + m["path"]):
            path, iri, fmt, negotiated = m["path"], s.base + m["path"], BY_EXT[m["ext"]], False
        else:
            return not_found(iri)
    if negotiated:
        fmt = negotiate()
    if _is_ontology(s, iri):
        return respond(iri, path, fmt, negotiated, lambda: pages.ontology_page(s, alternates("/ontology")),
                       lambda: s.graph_quads(ONTOLOGY_GRAPH))
    if iri.startswith(ID + "graph/"):
        return respond(iri, path, fmt, negotiated, lambda: pages.graph_page(s, iri, alternates(path)),
                       lambda: s.graph_quads(iri))
    quads_cache: list = []

    def quads():
        if not quads_cache:
            quads_cache.extend(s.describe(iri))
        return quads_cache

    return respond(iri, path, fmt, negotiated, lambda: pages.entity_page(s, iri, quads(), alternates(path)), quads)


def _known(s: Site, iri: str) -> bool:
    try:
        return s.exists(iri)
    except ValueError:
        return False


def _is_ontology(s: Site, iri: str) -> bool:
    return iri == s.base + "/ontology" or iri == ONTOLOGY_IRI or iri.startswith(ONTOLOGY_IRI + "/")


def not_found(iri: str, suggest: bool = True) -> Response:
    """A 404 for an IRI nothing is known about, with the things whose names are close."""
    s = site()
    suggestions = s.suggest(iri) if suggest else []
    fmt = negotiate()
    if fmt is not None and fmt.ext == "html":
        body = render_template("not_found.html", iri=iri, suggestions=suggestions)
        resp = Response(body, status=404, mimetype="text/html")
    else:
        lines = [f"Nothing is known about <{iri}>."]
        if suggestions:
            lines.append("Did you mean:")
            lines += [f"  {n.label}  <{n.value}>" for n in suggestions]
        resp = Response("\n".join(lines) + "\n", status=404, mimetype="text/plain")
    resp.vary.add("Accept")
    return resp


# -- site pages -------------------------------------------------------------------------------------


@bp.route("/")
def home() -> str:
    """The landing page."""
    s = site()
    return render_template("landing.html", stats=indexes.stats(s), sources=s.sources, schemes=vocabulary.schemes(s),
                           catalogue=catalogue(), site=s)


@bp.route("/mechanisms")
def mechanisms() -> Response:
    """The index of mechanisms (filters: ``?type=``, ``?region=``, ``?theme=``)."""
    s = site()
    options = indexes.filter_options(s)
    chosen: dict[str, Node | None] = {}
    for key in ("type", "region", "theme"):
        wanted = request.args.get(key, "").strip()
        match = None
        if wanted:
            for node, _ in options[key]:
                if wanted in (node.value, node.slug):
                    match = node
            if match is None:
                return Response(render_template("mechanisms.html", options=options, chosen=chosen, rows=[],
                                                error=f"Unknown {key}: {wanted}", site=s), status=400)
        chosen[key] = match
    rows = indexes.mechanisms(s, *(chosen[k].value if chosen.get(k) else None for k in ("type", "region", "theme")))
    status = indexes.mechanism_status(s)
    for row in rows:
        row["status"] = status.get(row["node"].value, indexes.Status())
    return Response(render_template("mechanisms.html", options=options, chosen=chosen, rows=rows, error=None,
                                    site=s, sources=s.sources))


@bp.route("/states")
def states() -> Response:
    """States and territories with their M49 region (filter: ``?region=``)."""
    rows = indexes.states(site())
    regions = indexes.regions(rows)
    return _filtered("states.html", rows, regions, "region", lambda r, c: r.region and r.region.value == c.value,
                     "Unknown region", regions=regions)


@bp.route("/meetings")
def meetings() -> Response:
    """Every meeting, newest first (filter: ``?mechanism=``)."""
    rows = indexes.meetings(site())
    mechanisms = sorted({n.value: n for r in rows for n in r.mechanisms}.values(), key=lambda n: n.sort_key)
    return _filtered("meetings.html", rows, mechanisms, "mechanism",
                     lambda r, c: any(m.value == c.value for m in r.mechanisms),
                     "No meetings are recorded for", mechanisms=mechanisms)


def _filtered(template: str, rows: list, options: list[Node], param: str, keep, unknown: str,
              **context) -> Response:
    """An index page showing the rows that ``keep`` with the option named (by IRI or slug) in the
    query parameter ``param``; a name that is not an option gets the page with a 400 and
    ``unknown`` as its message."""
    s = site()
    wanted = request.args.get(param, "").strip()
    chosen = None
    if wanted:
        chosen = next((o for o in options if wanted in (o.value, o.slug)), None)
        if chosen is None:
            body = render_template(template, rows=[], chosen=None, site=s, error=f"{unknown}: {wanted}", **context)
            return Response(body, status=400, mimetype="text/html")
        rows = [r for r in rows if keep(r, chosen)]
    return Response(render_template(template, rows=rows, chosen=chosen, site=s, error=None, **context),
                    mimetype="text/html")


@bp.route("/organizations")
def organizations() -> Response:
    """The index of organizations with how each is involved (filter: ``?role=``, e.g. secretariat)."""
    rows = indexes.organizations(site())
    kinds = indexes.involvements(rows)
    return _filtered("organizations.html", rows, kinds, "role", lambda r, c: r.involved_as(c),
                     "Unknown role", kinds=kinds)


@bp.route("/sources")
def sources() -> str:
    """The named graphs, sources first, with their sizes."""
    s = site()
    graphs = sorted(s.graphs.values(), key=lambda g: g.order)
    counts = {r["g"].value: int(r["n"].value) for r in s.select(
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")}
    return render_template("sources.html", graphs=graphs, counts=counts, site=s)


@bp.route("/id/")
@bp.route("/id")
def id_root() -> Response:
    """/id itself names nothing: the landing page."""
    return redirect(url_for("linked_data.home"), code=303)


# -- the query page ------------------------------------------------------------------------------------


@bp.route("/query", methods=["GET", "POST"])
def query_page() -> Response:
    """The query page: a SPARQL form, the catalogue's examples and the results with names."""
    s = site()
    examples = catalogue()
    example = request.values.get("example", "").strip()
    text = request.values.get("query")
    if not (text and text.strip()) and example in examples:
        text = examples[example].text
    result, error, status = None, None, 200
    if text and text.strip():
        limit = float(current_app.config.get("QUERY_TIMEOUT", 10))
        try:
            if is_update(text):
                raise UpdateRefused()
            if uses_service(text):
                raise FederationRefused()
            result = run_query(s, text, limit)
            result["rows"] = [[_cell(s, t) for t in row] for row in result["rows"]]
        except Exception as exc:  # noqa: BLE001 - the endpoint's map (web/errors.py); anything else raises
            found = refusal(exc, limit)
            if found is None:
                raise
            error, status = found.message, found.status
    downloads = []
    if result is not None:
        choices = GRAPH_DOWNLOADS if result["kind"] == "GRAPH" else (
            RESULT_DOWNLOADS[:2] if result["kind"] == "ASK" else RESULT_DOWNLOADS)
        downloads = [(label, url_for("sparql.sparql", query=text, format=name)) for name, label in choices]
    # IRIs in the results read as names (the prefixed name in the tooltip) unless asked otherwise
    show = "prefixed" if request.values.get("show") == "prefixed" else "names"
    other = url_for("linked_data.query_page", **({"query": text} if text and not example else {"example": example}),
                    **({} if show == "prefixed" else {"show": "prefixed"}))
    editor_text = text or with_prefixes(STARTER_QUERY)  # a new query starts with the project's prefixes
    body = render_template("query.html", text=editor_text, example=example, examples=examples, result=result,
                           error=error, downloads=downloads, site=s, limit=QUERY_ROW_LIMIT,
                           yasgui=YASGUI_BUNDLE.exists(), show=show, other_view=other,
                           prefixes={p: ns for p, ns in PREFIXES.items() if p not in ("id", "sh")})
    return Response(body, status=status, mimetype="text/html")


def run_query(s: Site, text: str, limit: float) -> dict:
    """Evaluate through the app's query runner (isolated, time-limited) and keep the first rows."""
    kind, result, seconds = run_for_rows(current_app.config["RUNNER"], text, limit)
    out: dict = {"kind": kind, "rows": [], "total": 0, "boolean": None, "seconds": seconds}
    if kind == "ASK":
        out["boolean"] = bool(result)
        out["variables"] = []
    elif kind == "SELECT":
        variables = [v.value for v in result.variables]
        out["variables"] = variables
        for solution in result:
            out["total"] += 1
            if out["total"] <= QUERY_ROW_LIMIT:
                out["rows"].append([solution[v] for v in variables])
    else:
        out["variables"] = ["subject", "predicate", "object"]
        for triple in result:
            out["total"] += 1
            if out["total"] <= QUERY_ROW_LIMIT:
                out["rows"].append([triple.subject, triple.predicate, triple.object])
    return out


def _cell(s: Site, term) -> Node | None:
    if term is None:
        return None
    if isinstance(term, ox.Triple):
        return Node("literal", str(term), str(term))
    return s.node(term)


__all__ = ["bp", "FORMATS"]
