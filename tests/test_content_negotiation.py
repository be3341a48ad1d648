"""Linked data as data: content negotiation (Accept, extensions, q-values), Link headers, 404 and 406,
validators and conditional requests, and the dumps, through the Flask test client over the bundled data."""

from __future__ import annotations

import re

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from page_support import BROWSER_ACCEPT, ID, ISCM, html, links

BP = URIRef(ID + "mechanism/budapest-process")
TUR = URIRef(ID + "country/TUR")
OVERVIEW = URIRef(ID + "source/overview-2017")

RDF_TYPES = {  # media type -> (extension, rdflib format, keeps graphs)
    "text/turtle": ("ttl", "turtle", False),
    "application/ld+json": ("jsonld", "json-ld", False),
    "application/n-triples": ("nt", "nt", False),
    "application/rdf+xml": ("rdf", "xml", False),
    "application/trig": ("trig", "trig", True),
    "application/n-quads": ("nq", "nquads", True),
}


def parse(body: bytes, fmt: str, quads: bool):
    g = Dataset() if quads else Graph()
    g.parse(data=body, format=fmt)
    return g


# -- content negotiation ---------------------------------------------------------------------------


@pytest.mark.parametrize("media_type", list(RDF_TYPES))
def test_content_negotiation_gives_each_rdf_format(client, media_type):
    ext, fmt, quads = RDF_TYPES[media_type]
    r = client.get("/id/mechanism/budapest-process", headers={"Accept": media_type})
    assert r.status_code == 200
    assert r.mimetype == media_type
    assert "Accept" in r.headers["Vary"]
    assert r.headers["Content-Location"] == f"/id/mechanism/budapest-process.{ext}"
    g = parse(r.data, fmt, quads)
    triples = set(g.triples((None, None, None))) if not quads else {(s, p, o) for s, p, o, _ in g.quads((None, None, None, None))}
    assert (BP, SKOS.prefLabel, Literal("Budapest Process", lang="en")) in triples
    assert (BP, URIRef(ISCM + "chair"), TUR) in triples
    assert (BP, URIRef(ISCM + "secretariat"), URIRef(ID + "organization/icmpd")) in triples
    # labels of what it links to come along
    assert any(s == TUR and p == SKOS.prefLabel for s, p, _ in triples)
    # the memberships pointing to it are described in full
    ms = URIRef(ID + "membership/overview-2017/budapest-process/member/DEU")
    assert (ms, URIRef("http://www.w3.org/ns/org#member"), URIRef(ID + "country/DEU")) in triples
    if quads:
        assert (BP, URIRef(ISCM + "chair"), TUR, OVERVIEW) in {(s, p, o, c) for s, p, o, c in g.quads((BP, None, None, None))}
        registry = URIRef(ID + "graph/registry")
        assert (BP, SKOS.prefLabel, Literal("Budapest Process", lang="en"), registry) in set(g.quads((BP, SKOS.prefLabel, None, None)))


def test_description_matches_the_graph(client, sparql):
    """Every outgoing statement about the entity, in every graph, is in the TriG."""
    expected = {(r["g"], r["p"], r["o"]) for r in sparql(
        "SELECT ?g ?p ?o WHERE { GRAPH ?g { mechanism:budapest-process ?p ?o } }")}
    g = parse(client.get("/id/mechanism/budapest-process.trig").data, "trig", True)
    got = {(str(c), str(p), str(o)) for s, p, o, c in g.quads((BP, None, None, None))}
    assert expected <= got


@pytest.mark.parametrize("ext,media_type", [(v[0], k) for k, v in RDF_TYPES.items()] + [("html", "text/html")])
def test_extensions_select_the_format(client, ext, media_type):
    r = client.get(f"/id/country/DEU.{ext}", headers={"Accept": "text/html"})  # the extension wins
    assert r.status_code == 200
    assert r.mimetype == media_type
    assert "Content-Location" not in r.headers
    if ext != "html":
        _, fmt, quads = RDF_TYPES[media_type]
        g = parse(r.data, fmt, quads)
        assert (URIRef(ID + "country/DEU"), URIRef(ISCM + "iso3166Alpha3"), Literal("DEU")) in {
            (s, p, o) for s, p, o, *_ in (g.quads((None, None, None, None)) if quads else g)}


def test_browsers_get_html_and_default_is_html(client):
    for accept in (BROWSER_ACCEPT, None, "*/*"):
        headers = {"Accept": accept} if accept else {}
        r = client.get("/id/mechanism/budapest-process", headers=headers)
        assert r.status_code == 200 and r.mimetype == "text/html"


def test_q_values_are_honoured(client):
    r = client.get("/id/mechanism/budapest-process", headers={"Accept": "text/html;q=0.5, text/turtle"})
    assert r.mimetype == "text/turtle"


@pytest.mark.parametrize("path", [
    "/id/mechanism/budapest-process", "/id/country/DEU", "/id/organization/icmpd", "/id/theme/labour-migration",
    "/id/source/overview-2017", "/id/scheme/thematic-foci", "/id/role/member", "/id/typology/rcp",
    "/id/region/europe", "/id/meeting/grcp-8", "/id/membership/overview-2017/budapest-process/member/DEU",
    "/id/event/soderkoping-process-to-eap-panel", "/id/graph/registry", "/ontology",
])
def test_link_headers_for_each_kind_of_entity(client, path):
    r = client.get(path, headers={"Accept": "text/turtle"})
    assert r.status_code == 200, path
    link = r.headers["Link"]
    for media_type, (ext, _, _) in RDF_TYPES.items():
        assert f'<http://localhost{path}.{ext}>; rel="alternate"; type="{media_type}"' in link
    assert f'<http://localhost{path}.html>; rel="alternate"; type="text/html"' in link
    assert f'<https://w3id.org/iscm{path}>; rel="canonical"' in link
    g = parse(r.data, "turtle", False)
    assert len(g) > 0
    if path != "/id/graph/registry":
        subject = URIRef("https://w3id.org/iscm" + path)
        assert (subject, None, None) in g or (None, None, subject) in g
    # and the HTML page exists and links to the same alternates
    page = html(client, path)
    assert f'href="http://localhost{path}.ttl"' in page


def test_ontology_resolves_with_its_graph(client):
    g = parse(client.get("/ontology.ttl").data, "turtle", False)
    assert (URIRef(ISCM + "chair"), URIRef("http://www.w3.org/2000/01/rdf-schema#domain"),
            URIRef(ISCM + "InterStateConsultationMechanism")) in g
    assert client.get("/ontology/0.1.0", headers={"Accept": "text/turtle"}).status_code == 200


def test_ontology_reference_document_covers_every_term(client, sparql):
    """pyLODE's reference page: every class and property, self-contained, linked from /ontology."""
    import re
    resp = client.get("/ontology/reference")
    assert resp.status_code == 200 and resp.mimetype == "text/html"
    page = resp.get_data(as_text=True)
    owl = "http://www.w3.org/2002/07/owl#"
    terms = sparql("SELECT ?t WHERE { GRAPH <https://w3id.org/iscm/id/graph/ontology> { ?t a ?k "
                   f"VALUES ?k {{ <{owl}Class> <{owl}ObjectProperty> <{owl}DatatypeProperty> }} "
                   "FILTER(STRSTARTS(STR(?t), 'https://w3id.org/iscm/ontology#')) } }")
    assert len(terms) > 30
    missing = [t["t"] for t in terms if t["t"] not in page]
    assert not missing, missing
    assert not re.search(r'<(?:script|link|img)\b[^>]*(?:src|href)="https?:', page)  # nothing fetched: works offline
    assert client.get("/ontology/reference", headers={"If-None-Match": resp.headers["ETag"]}).status_code == 304
    assert 'href="/ontology/reference"' in client.get("/ontology", headers={"Accept": "text/html"}).get_data(as_text=True)


def test_graph_iri_dereferences_to_the_graph(client, sparql):
    n = int(sparql("SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/iscm/id/graph/registry> { ?s ?p ?o } }")[0]["n"])
    g = parse(client.get("/id/graph/registry.nq").data, "nquads", True)
    assert len(list(g.quads((None, None, None, None)))) == n


def test_unknown_iri_is_404_with_suggestions(client):
    r = client.get("/id/mechanism/budapest-proces", headers={"Accept": BROWSER_ACCEPT})
    assert r.status_code == 404
    assert r.mimetype == "text/html"
    body = r.get_data(as_text=True)
    assert "Budapest Process" in body and 'href="/id/mechanism/budapest-process"' in body
    r = client.get("/id/mechanism/budapest-proces", headers={"Accept": "text/turtle"})
    assert r.status_code == 404 and r.mimetype == "text/plain"
    assert "https://w3id.org/iscm/id/mechanism/budapest-process" in r.get_data(as_text=True)
    assert client.get("/id/nothing/here.ttl").status_code == 404
    assert client.get("/ontology/nothing").status_code == 404


def test_unsupported_accept_is_406(client):
    r = client.get("/id/mechanism/budapest-process", headers={"Accept": "image/png"})
    assert r.status_code == 406
    assert "text/turtle" in r.get_data(as_text=True)
    assert "Accept" in r.headers["Vary"]


@pytest.mark.parametrize("path", ["/id/../../etc/passwd", "/id/..%2F..%2Fetc/passwd", "/id/mechanism/../../../pyproject.toml",
                                  "/static/../pyproject.toml", "/static/..%2Fpyproject.toml", "/id/./mechanism/budapest-process",
                                  "/ontology/../pyproject.toml"])
def test_path_traversal_is_404(client, path):
    r = client.get(path)
    assert r.status_code == 404
    assert b"[project]" not in r.data and b"root:" not in r.data


def test_static_css_is_served(client):
    r = client.get("/static/iscm.css")
    assert r.status_code == 200 and r.mimetype == "text/css"


def test_validators_and_conditional_requests(client):
    r = client.get("/id/mechanism/budapest-process.ttl")
    assert r.headers["ETag"] and r.headers["Last-Modified"]
    again = client.get("/id/mechanism/budapest-process.ttl", headers={"If-None-Match": r.headers["ETag"]})
    assert again.status_code == 304
    other = client.get("/id/mechanism/budapest-process.nt", headers={"If-None-Match": r.headers["ETag"]})
    assert other.status_code == 200  # each representation has its own tag
    assert client.head("/id/mechanism/budapest-process", headers={"Accept": "text/turtle"}).status_code == 200


def test_dump_holds_the_named_graphs_only(client):
    """The default graph (the merge the endpoint queries) is derived, not part of the published dataset."""
    import pyoxigraph as ox
    quads = list(ox.parse(client.get("/dumps/iscm.nq").data, format=ox.RdfFormat.N_QUADS))
    assert quads and all(isinstance(q.graph_name, ox.NamedNode) for q in quads)
    assert len(quads) == client.get("/health").get_json()["quads"]
