"""The dataset as a whole: its VoID description and downloadable dumps."""

from __future__ import annotations

import gzip

import pyoxigraph as ox
from flask import Blueprint, Response, abort, current_app, request
from .. import __version__, formats

bp = Blueprint("dataset", __name__)

DUMPS = {f"iscm.{f.file_extension}": f for f in formats.DATASETS}  # iscm.trig, iscm.nq

VOID_QUERY = """
PREFIX void: <http://rdfs.org/ns/void#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX iscm: <https://w3id.org/iscm/ontology#>
CONSTRUCT {
  ?dataset a void:Dataset ; void:triples ?total ; void:subset ?part .
  ?part a void:Dataset ; dcterms:identifier ?g ; void:triples ?n ; dcterms:source ?src .
} WHERE {
  { SELECT (COUNT(*) AS ?total) WHERE { GRAPH ?any { ?s ?p ?o } } }
  { SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g }
  OPTIONAL { ?g a iscm:SourceDocument . BIND(?g AS ?src) }
  BIND (<DATASET> AS ?dataset)
  BIND (IRI(CONCAT(STR(<DATASET>), "/graph/", MD5(STR(?g)))) AS ?part)
}
"""

PARTITIONS_QUERY = """
PREFIX void: <http://rdfs.org/ns/void#>
CONSTRUCT {
  <DATASET> void:classPartition ?cp . ?cp void:class ?c ; void:entities ?ne .
  <DATASET> void:propertyPartition ?pp . ?pp void:property ?p ; void:triples ?nt .
} WHERE {
  {
    { SELECT ?c (COUNT(DISTINCT ?s) AS ?ne) WHERE { ?s a ?c } GROUP BY ?c }
    BIND (IRI(CONCAT(STR(<DATASET>), "/class/", MD5(STR(?c)))) AS ?cp)
  } UNION {
    { SELECT ?p (COUNT(*) AS ?nt) WHERE { ?s ?p ?o } GROUP BY ?p }
    BIND (IRI(CONCAT(STR(<DATASET>), "/property/", MD5(STR(?p)))) AS ?pp)
  }
}
"""


def _rdf_format() -> tuple[ox.RdfFormat, str]:
    """The triples format the client prefers (Turtle when it does not say); 406 when none will do."""
    offered = [formats.media_type(f) for f in formats.GRAPHS if f not in formats.DATASETS]
    best = request.accept_mimetypes.best_match(offered) if request.headers.get("Accept") else offered[0]
    if best is None:
        abort(406)
    return ox.RdfFormat.from_media_type(best), best


@bp.get("/void")
def void() -> Response:
    """VoID: triples per named graph, class and property partitions, sources, licence, version."""
    engine = current_app.config["ENGINE"]
    dataset = request.url_root.rstrip("/") + "/void#dataset"
    fmt, media_type = _rdf_format()
    triples = list(engine.query(VOID_QUERY.replace("DATASET", dataset)).result)
    triples += list(engine.query(PARTITIONS_QUERY.replace("DATASET", dataset)).result)
    header = f"""@prefix void: <http://rdfs.org/ns/void#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
<{dataset}> dcterms:title "ISCM-KG: inter-State consultation mechanisms on migration"@en ;
    dcterms:license <https://creativecommons.org/licenses/by/4.0/> ;
    dcterms:hasVersion "{__version__}" ;
    dcterms:modified "{engine.loaded_at.isoformat()}"^^<http://www.w3.org/2001/XMLSchema#dateTime> ;
    void:sparqlEndpoint <{request.url_root}sparql> ;
    void:vocabulary <https://w3id.org/iscm/ontology#>, <http://www.w3.org/ns/org#>, <http://www.w3.org/2004/02/skos/core#> ;
    void:uriSpace "https://w3id.org/iscm/id/" ;
    void:dataDump <{request.url_root}dumps/iscm.nq>, <{request.url_root}dumps/iscm.trig> .
"""
    triples += list(ox.parse(header, format=ox.RdfFormat.TURTLE))
    prefixes = {"void": "http://rdfs.org/ns/void#", "dcterms": "http://purl.org/dc/terms/",
                "iscm": "https://w3id.org/iscm/ontology#", "source": "https://w3id.org/iscm/id/source/"}
    body = ox.serialize(triples, format=fmt, prefixes=prefixes) if fmt == ox.RdfFormat.TURTLE else ox.serialize(triples, format=fmt)
    resp = Response(body, content_type=f"{media_type}; charset=utf-8")
    resp.vary.add("Accept")
    resp.last_modified = engine.loaded_at
    return resp


@bp.get("/dumps/<name>")
def dump(name: str) -> Response:
    """The whole dataset with graph names, as N-Quads or TriG (add .gz for gzip)."""
    gz = name.endswith(".gz")
    base = name[:-3] if gz else name
    if base not in DUMPS:
        abort(404)
    fmt = DUMPS[base]
    media_type = formats.media_type(fmt)
    cache = current_app.extensions.setdefault("iscm_dumps", {})
    engine = current_app.config["ENGINE"]
    key = (engine.version, name)
    if key not in cache:
        data = engine.dump(fmt)
        cache[key] = gzip.compress(data, mtime=0) if gz else data
    resp = Response(cache[key], content_type="application/gzip" if gz else f"{media_type}; charset=utf-8")
    resp.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    resp.set_etag(f"{engine.version}-{name}")
    resp.last_modified = engine.loaded_at
    resp.cache_control.public = True
    resp.cache_control.max_age = 3600
    return resp.make_conditional(request)
