"""The SPARQL 1.1 Protocol, as clients use it, over the real bundled graph.

Every test runs twice: over the embedded Oxigraph store and over an Oxigraph server
(``--store sparql:URL``), which must behave the same.
"""

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from rdflib import Graph


@pytest.fixture()
def client(any_client):
    return any_client

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
MECHS = ("PREFIX iscm: <https://w3id.org/iscm/ontology#> "
         "SELECT ?m WHERE { ?m a iscm:InterStateConsultationMechanism } ORDER BY ?m LIMIT 5")
CONSTRUCT = ("PREFIX iscm: <https://w3id.org/iscm/ontology#> "
             "CONSTRUCT { ?m a iscm:InterStateConsultationMechanism } WHERE { ?m a iscm:InterStateConsultationMechanism }")


def test_get_select_json(client):
    r = client.get("/sparql", query_string={"query": MECHS}, headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 200
    assert r.headers["Content-Type"] == "application/sparql-results+json; charset=utf-8"
    data = r.get_json(force=True)
    assert data["head"]["vars"] == ["m"]
    assert len(data["results"]["bindings"]) == 5


def test_default_graph_is_the_merge_of_the_sources(client):
    """A fact that three sources state is one triple of the default graph (SPARQL's RDF merge),
    while GRAPH ?g still shows each source that states it."""
    chair = "<https://w3id.org/iscm/id/mechanism/budapest-process> <https://w3id.org/iscm/ontology#chair> ?c"

    def rows(query):
        r = client.get("/sparql", query_string={"query": query}, headers={"Accept": "application/sparql-results+json"})
        assert r.status_code == 200, r.data
        return r.get_json(force=True)["results"]["bindings"]

    assert [b["c"]["value"] for b in rows(f"SELECT ?c WHERE {{ {chair} }}")] == ["https://w3id.org/iscm/id/country/TUR"]
    assert rows(f"SELECT (COUNT(*) AS ?n) WHERE {{ {chair} }}")[0]["n"]["value"] == "1"
    graphs = {b["g"]["value"].rsplit("/", 1)[-1] for b in rows(f"SELECT ?g WHERE {{ GRAPH ?g {{ {chair} }} ?g a <https://w3id.org/iscm/ontology#SourceDocument> }}")}
    assert graphs == {"scpf-2009", "overview-2017", "assessment-2019"}


def test_post_form(client):
    r = client.post("/sparql", data={"query": COUNT}, headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 200
    n = int(r.get_json(force=True)["results"]["bindings"][0]["n"]["value"])
    assert n > 100


def test_post_sparql_query_body(client):
    r = client.post("/sparql", data=COUNT.encode(), content_type="application/sparql-query")
    assert r.status_code == 200
    assert r.mimetype == "application/sparql-results+json"


def test_select_xml_csv_tsv(client):
    r = client.get("/sparql", query_string={"query": MECHS}, headers={"Accept": "application/sparql-results+xml"})
    assert r.mimetype == "application/sparql-results+xml"
    ns = {"r": "http://www.w3.org/2005/sparql-results#"}
    assert len(ET.fromstring(r.data).findall(".//r:result", ns)) == 5
    r = client.get("/sparql", query_string={"query": MECHS}, headers={"Accept": "text/csv"})
    assert r.headers["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(r.data.decode())))
    assert rows[0] == ["m"] and len(rows) == 6
    r = client.get("/sparql", query_string={"query": MECHS}, headers={"Accept": "text/tab-separated-values"})
    assert r.data.decode().splitlines()[0] == "?m"


def test_ask(client):
    r = client.get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"})
    assert r.status_code == 200
    assert r.get_json(force=True)["boolean"] is True


@pytest.mark.parametrize("accept,fmt", [
    ("text/turtle", "turtle"), ("application/n-triples", "nt"), ("application/rdf+xml", "xml"),
    ("application/ld+json", "json-ld"), ("application/trig", "trig"), ("application/n-quads", "nquads"),
])
def test_construct_formats(client, accept, fmt):
    r = client.get("/sparql", query_string={"query": CONSTRUCT}, headers={"Accept": accept})
    assert r.status_code == 200
    assert r.headers["Content-Type"] == f"{accept}; charset=utf-8"
    g = Graph().parse(data=r.data.decode(), format=fmt)
    assert len(g) > 10


def test_accept_q_values(client):
    r = client.get("/sparql", query_string={"query": MECHS},
                   headers={"Accept": "application/sparql-results+json;q=0.5, text/csv;q=0.9"})
    assert r.mimetype == "text/csv"


def test_format_parameter_overrides_accept(client):
    r = client.get("/sparql", query_string={"query": MECHS, "format": "tsv"}, headers={"Accept": "text/csv"})
    assert r.mimetype == "text/tab-separated-values"


def test_unsupported_accept_is_406(client):
    r = client.get("/sparql", query_string={"query": MECHS}, headers={"Accept": "image/png"})
    assert r.status_code == 406


def test_malformed_query_is_400_with_parser_message(client):
    r = client.get("/sparql", query_string={"query": "SELECT ?x WHERE { ?x ?y }"})
    assert r.status_code == 400
    assert "Malformed query" in r.data.decode()


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_wrong_method_is_405(client, method):
    r = getattr(client, method)("/sparql")
    assert r.status_code == 405
    assert "GET" in r.headers["Allow"]


@pytest.mark.parametrize("kwargs", [
    {"method": "POST", "data": {"update": "DELETE WHERE { ?s ?p ?o }"}},
    {"method": "POST", "data": b"DROP ALL", "content_type": "application/sparql-update"},
    {"method": "GET", "query_string": {"query": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}},
    {"method": "GET", "query_string": {"update": "CLEAR ALL"}},
])
def test_updates_are_refused(client, kwargs):
    r = client.open("/sparql", **kwargs)
    assert r.status_code == 403
    n = client.get("/sparql", query_string={"query": COUNT}).get_json(force=True)
    assert int(n["results"]["bindings"][0]["n"]["value"]) > 100


def test_default_graph_uri_restricts_dataset(client):
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    onto = "https://w3id.org/iscm/id/graph/ontology"
    r = client.get("/sparql", query_string={"query": q, "default-graph-uri": onto})
    only = int(r.get_json(force=True)["results"]["bindings"][0]["n"]["value"])
    r = client.get("/sparql", query_string={"query": q})
    everything = int(r.get_json(force=True)["results"]["bindings"][0]["n"]["value"])
    assert 0 < only < everything


def test_named_graph_uri_restricts_graphs(client):
    q = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    onto = "https://w3id.org/iscm/id/graph/ontology"
    r = client.get("/sparql", query_string={"query": q, "named-graph-uri": onto})
    graphs = [b["g"]["value"] for b in r.get_json(force=True)["results"]["bindings"]]
    assert graphs == [onto]


def test_unsupported_post_content_type_is_415(client):
    r = client.post("/sparql", data="x", content_type="text/plain")
    assert r.status_code == 415


def test_non_utf8_body_is_400(client):
    r = client.post("/sparql", data=b"SELECT * WHERE { ?s ?p \xff }", content_type="application/sparql-query")
    assert r.status_code == 400


def test_no_query_returns_service_description(client):
    r = client.get("/sparql")
    assert r.status_code == 200
    g = Graph().parse(data=r.data.decode(), format="turtle")
    assert len(g) > 3


def test_cors_header(client):
    r = client.get("/sparql", query_string={"query": "ASK {}"}, headers={"Origin": "https://example.org"})
    assert r.headers.get("Access-Control-Allow-Origin") in ("*", "https://example.org")


def test_unreachable_remote_store_is_503_not_500():
    from iscm_kg.engine import RemoteEngine
    from iscm_kg.web import create_app

    port = __import__("conftest")._free_port()
    app = create_app(RemoteEngine(f"http://127.0.0.1:{port}/query", timeout=2), {"TESTING": True})
    r = app.test_client().get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"})
    assert r.status_code == 503
    assert "cannot be reached" in r.data.decode()
    assert "Retry-After" in r.headers


def test_service_is_refused(client):
    r = client.get("/sparql", query_string={"query": "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"})
    assert r.status_code == 400
    assert "SERVICE" in r.data.decode()


def test_service_keyword_inside_a_string_is_fine(client):
    r = client.get("/sparql", query_string={"query": 'SELECT * WHERE { BIND("SERVICE" AS ?x) }'})
    assert r.status_code == 200


def test_oversized_body_is_413(client):
    r = client.post("/sparql", data=b"#" * (2 * 1024 * 1024), content_type="application/sparql-query")
    assert r.status_code == 413


def test_repeated_query_hits_cache_and_honours_if_none_match(app):
    c = app.test_client()
    q = {"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s a ?t }"}
    first = c.get("/sparql", query_string=q)
    second = c.get("/sparql", query_string=q)  # asked again: now it is kept
    third = c.get("/sparql", query_string=q)
    assert [r.headers["X-Cache"] for r in (first, second, third)] == ["miss", "miss", "hit"]
    assert third.data == first.data
    fourth = c.get("/sparql", query_string=q, headers={"If-None-Match": first.headers["ETag"]})
    assert fourth.status_code == 304


def test_queries_asked_once_do_not_push_out_those_asked_again():
    """A one-off query is not kept (web/cache.py): a stream of them leaves the repeated answers in place."""
    from iscm_kg.web.cache import ResultCache

    cache = ResultCache(4000)
    popular = ("v1", "SELECT popular")
    cache.put(popular, "application/sparql-results+json", b"p" * 500)
    assert cache.get(popular) is None  # seen once: not kept yet
    cache.put(popular, "application/sparql-results+json", b"p" * 500)
    for i in range(200):  # 200 different queries of 500 bytes, each asked once: 25 times the cache's size
        key = ("v1", f"SELECT one-off # {i}")
        cache.put(key, "application/sparql-results+json", b"x" * 500)
        assert cache.get(key) is None
    assert cache.get(popular) == ("application/sparql-results+json", b"p" * 500)


ENGINE_PANIC = """PREFIX iscm: <https://w3id.org/iscm/ontology#>
SELECT ?o WHERE { GRAPH <https://w3id.org/iscm/id/source/review-2013> { ?m iscm:yearEstablished|iscm:memberCountStated ?o } }
ORDER BY ?o"""


def test_query_that_crashes_the_engine_gets_a_clear_400(app):
    """pyoxigraph aborts its process on this ORDER BY; queries run in a child process, so only that dies."""
    c = app.test_client()
    r = c.get("/sparql", query_string={"query": ENGINE_PANIC})
    assert r.status_code == 400
    assert "could not be evaluated" in r.data.decode()
    r = c.get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"})
    assert r.status_code == 200 and r.get_json(force=True)["boolean"] is True


def test_query_past_time_limit_in_process(engine):
    from iscm_kg.web import create_app
    import time
    app = create_app(engine, {"TESTING": True, "QUERY_TIMEOUT": 1, "RESULT_CACHE_BYTES": 0})
    c = app.test_client()
    started = time.time()
    r = c.get("/sparql", query_string={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"})
    assert r.status_code == 503 and time.time() - started < 5
    assert c.get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"}).status_code == 200
