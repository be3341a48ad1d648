"""The real service (`iscm-kg serve`: gunicorn, 2 workers) through real clients."""

import json
import shutil
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from rdflib import Graph
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, JSONLD, N3, RDFXML, TSV, TURTLE, XML, SPARQLWrapper

SELECT = """PREFIX iscm: <https://w3id.org/iscm/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?m ?name WHERE { ?m a iscm:InterStateConsultationMechanism ; skos:prefLabel ?name FILTER(lang(?name)='en') }
ORDER BY ?m LIMIT 10"""
CONSTRUCT = """PREFIX iscm: <https://w3id.org/iscm/ontology#>
CONSTRUCT { ?m iscm:yearEstablished ?y } WHERE { ?m iscm:yearEstablished ?y }"""
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def get(url, headers=None, timeout=30):
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def sparql_url(base, query, **params):
    return f"{base}/sparql?" + urllib.parse.urlencode({"query": query, **params})


@pytest.mark.parametrize("fmt", [JSON, XML, CSV, TSV])
def test_sparqlwrapper_select_formats(live_server, fmt):
    client = SPARQLWrapper(f"{live_server}/sparql")
    client.setQuery(SELECT)
    client.setReturnFormat(fmt)
    result = client.query().convert()
    if fmt == JSON:
        assert len(result["results"]["bindings"]) == 10
    elif fmt == XML:
        assert len(result.getElementsByTagName("result")) == 10
    else:
        text = result.decode() if isinstance(result, bytes) else result
        assert len(text.strip().splitlines()) == 11


@pytest.mark.parametrize("fmt", [TURTLE, RDFXML, JSONLD, N3])
def test_sparqlwrapper_construct_formats(live_server, fmt):
    client = SPARQLWrapper(f"{live_server}/sparql")
    client.setQuery(CONSTRUCT)
    client.setReturnFormat(fmt)
    result = client.query().convert()
    if isinstance(result, Graph):
        g = result
    else:
        g = Graph().parse(data=result, format={TURTLE: "turtle", JSONLD: "json-ld", N3: "turtle"}[fmt])
    assert len(g) > 30


def test_sparqlwrapper_ask_and_post(live_server):
    client = SPARQLWrapper(f"{live_server}/sparql")
    client.setMethod("POST")
    client.setQuery("ASK { ?s ?p ?o }")
    client.setReturnFormat(JSON)
    assert client.query().convert()["boolean"] is True


def test_rdflib_sparqlstore(live_server):
    store = SPARQLStore(query_endpoint=f"{live_server}/sparql")
    g = Graph(store=store)
    rows = list(g.query(SELECT))
    assert len(rows) == 10
    assert str(rows[0][1])


@pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed")
def test_curl_smoke(live_server):
    out = subprocess.run(["curl", "-sS", "-H", "Accept: text/csv", "--data-urlencode", f"query={SELECT}",
                          f"{live_server}/sparql"], capture_output=True, text=True, timeout=30, check=True).stdout
    assert out.splitlines()[0].strip() == "m,name"
    assert len(out.strip().splitlines()) == 11


def test_etag_gives_304_and_cache_hits(live_server):
    url = sparql_url(live_server, SELECT)
    status, headers, body = get(url)
    assert status == 200 and headers["ETag"]
    assert "max-age" in headers["Cache-Control"] and headers["Last-Modified"]
    status, _, body2 = get(url, {"If-None-Match": headers["ETag"]})
    assert status == 304 and body2 == b""


def test_query_past_time_limit_is_stopped_and_service_keeps_answering(request, live_server):
    started = time.time()
    status, headers, body = get(sparql_url(live_server, SLOW), timeout=60)
    if request.node.callspec.params["live_server"] == "virtuoso" and status == 400:
        # Virtuoso may refuse it on its cost estimate before running it (tests/test_hostile_queries.py:
        # VIRTUOSO_REFUSES); when it runs it instead, the service stops it at the time limit, below
        assert b"The estimated execution time" in body, body
    else:
        assert status == 503, body
        assert b"time limit" in body
    assert time.time() - started < 15
    for _ in range(10):  # both workers (the retired one replaced) keep serving
        status, _, body = get(sparql_url(live_server, "ASK { ?s ?p ?o }"))
        assert status == 200 and json.loads(body)["boolean"] is True


@pytest.mark.parametrize("query,status", [
    ("SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }", 400),
    ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", 403),
    ("LOAD <http://127.0.0.1:1/data.ttl>", 403),
    ("SELECT * WHERE { ?s ?p", 400),
])
def test_refused_queries_and_next_request_still_served(live_server, query, status):
    got, _, body = get(sparql_url(live_server, query))
    assert got == status, body
    assert get(sparql_url(live_server, "ASK {}"))[0] == 200


def test_from_clause_only_sees_dataset_graphs(live_server):
    q = "SELECT (COUNT(*) AS ?n) FROM <file:///etc/passwd> WHERE { ?s ?p ?o }"
    status, _, body = get(sparql_url(live_server, q), {"Accept": "application/sparql-results+json"})
    assert status == 200
    assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == "0"


def test_health_void_and_dumps(live_server):
    status, _, body = get(f"{live_server}/health")
    assert status == 200 and json.loads(body)["status"] == "ok"
    status, headers, body = get(f"{live_server}/void", {"Accept": "text/turtle"})
    g = Graph().parse(data=body.decode(), format="turtle")
    assert len(g) > 50
    status, headers, body = get(f"{live_server}/dumps/iscm.nq")
    assert status == 200 and headers["Content-Type"].startswith("application/n-quads")
    assert body.count(b"\n") > 10000


def test_service_description_by_accept(live_server):
    status, headers, body = get(f"{live_server}/sparql", {"Accept": "application/ld+json"})
    assert status == 200 and headers["Content-Type"].startswith("application/ld+json")
    Graph().parse(data=body.decode(), format="json-ld")
