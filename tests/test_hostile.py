"""Hostile input (issue 9): what the internet may send, and what the service answers.

Every case asserts the exact status, that nothing was fetched or leaked, and that the next normal
request is still answered over unchanged data (the total quad count, by a query that bypasses the
result cache). Most cases go through the Flask test client (over the embedded store, and where the
store matters over an Oxigraph server too: ``any_client``); those about the process itself (the
time limit, gunicorn's own limits, raw paths) go to ``iscm-kg serve`` on loopback.
"""

from __future__ import annotations

import io
import json
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iscm_kg.catalogue import load_catalogue

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
JSON_RESULTS = {"Accept": "application/sparql-results+json"}
PASSWD = b"root:x:0:0"  # what /etc/passwd would leak
PYPROJECT = b"[project]"  # what /pyproject.toml would leak


# -- helpers ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def quads(engine) -> int:
    return len(engine)


def count_quads(client) -> int:
    """Total quads by a query the result cache has never seen (a fresh comment each time)."""
    r = client.get("/sparql", query_string={"query": f"# {time.monotonic_ns()}\n{COUNT}"}, headers=JSON_RESULTS)
    assert r.status_code == 200, r.data
    return int(json.loads(r.data)["results"]["bindings"][0]["n"]["value"])


def still_serving(client, quads: int) -> None:
    """The next normal request is answered, and the data is what it was."""
    assert count_quads(client) == quads
    r = client.get("/health")
    assert r.status_code == 200 and r.get_json()["quads"] == quads


class Canary:
    """A socket on loopback that records every connection made to it: nothing may ever connect."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.1)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.connections: list[bytes] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except socket.timeout:
                continue
            except OSError:
                return
            conn.settimeout(1)
            try:
                self.connections.append(conn.recv(4096) or b"(connected)")
            except OSError:
                self.connections.append(b"(connected)")
            conn.close()

    def assert_untouched(self) -> None:
        time.sleep(0.1)
        assert self.connections == [], self.connections

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self.sock.close()


@pytest.fixture()
def canary():
    c = Canary()
    yield c
    c.close()


@pytest.fixture(scope="module")
def module_canary():
    c = Canary()
    yield c
    c.close()


def sparql(client, form: str, text: str):
    """Send ``text`` in one of the SPARQL protocol's forms."""
    if form == "GET query=":
        return client.get("/sparql", query_string={"query": text})
    if form == "GET update=":
        return client.get("/sparql", query_string={"update": text})
    if form == "POST form query=":
        return client.post("/sparql", data={"query": text})
    if form == "POST form update=":
        return client.post("/sparql", data={"update": text})
    if form == "POST sparql-query":
        return client.post("/sparql", data=text.encode(), content_type="application/sparql-query")
    if form == "POST sparql-update":
        return client.post("/sparql", data=text.encode(), content_type="application/sparql-update")
    raise AssertionError(form)


QUERY_FORMS = ["GET query=", "POST form query=", "POST sparql-query"]
UPDATE_FORMS = ["GET update=", "POST form update=", "POST sparql-update"]


def http(url: str, data: bytes | None = None, headers: dict | None = None, timeout: float = 30):
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def raw_http(base: str, request_line_and_headers: bytes) -> tuple[int, bytes]:
    """Send bytes as they are (no client-side normalisation of the path or headers)."""
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=30) as s:
        s.sendall(request_line_and_headers)
        data = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
    status = int(data.split(b" ", 2)[1])
    return status, data


def live_quads(base: str) -> int:
    status, body = http(f"{base}/health")
    assert status == 200
    return json.loads(body)["quads"]


# -- malformed SPARQL, property-based -------------------------------------------------------------------

CATALOGUE = [q.text for q in load_catalogue().values()]
TOKENS = ["{", "}", "(", ")", "[", "]", "<", ">", '"', "'", "#", ".", ";", ",", "?x", "$y", "*", "|", "/", "^",
          "!", "+", "-", "=", "&&", "\\", "\n", " ", "a", "_:b", "[]", "()", "'''", '"""', "1e999", "^^", "@en",
          "SELECT", "WHERE", "OPTIONAL", "UNION", "MINUS", "FILTER", "GRAPH", "VALUES", "BIND", "AS", "ORDER BY",
          "GROUP BY", "HAVING", "LIMIT 1", "OFFSET 1", "DISTINCT", "COUNT(", "EXISTS", "NOT", "IN", "SERVICE",
          "SILENT", "INSERT", "DELETE", "LOAD", "DROP", "FROM", "NAMED", "PREFIX", "BASE", "\x00", "\ufffd",
          "\\u0053", "<<", ">>", "{{{{{{{{", "((((((((", "<file:///etc/passwd>"]
SERVICE_TOKENS = ["SERVICE <{url}/sparql> {{ ?s ?p ?o }}", "SERVICE SILENT <{url}/sparql> {{ }}",
                  "FILTER(?a<?b)SERVICE#>\n<{url}/sparql>{{?s ?p ?o}}"]


@st.composite
def mutated_queries(draw, url: str):
    text = draw(st.sampled_from(CATALOGUE))
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["delete", "insert", "duplicate", "replace", "service"]))
        i = draw(st.integers(0, len(text)))
        j = draw(st.integers(i, min(len(text), i + 40)))
        if op == "delete":
            text = text[:i] + text[j:]
        elif op == "insert":
            text = text[:i] + draw(st.sampled_from(TOKENS)) + text[i:]
        elif op == "duplicate":
            text = text[:j] + text[i:j] + text[j:]
        elif op == "replace":
            text = text[:i] + draw(st.text(max_size=8)) + text[j:]
        else:
            text = text[:i] + " " + draw(st.sampled_from(SERVICE_TOKENS)).format(url=url) + " " + text[i:]
    return text


def _sent_raw(client, form: str, data: bytes):
    quoted = urllib.parse.quote_from_bytes(data, safe="")
    if form == "GET query=":
        return client.get("/sparql", query_string="query=" + quoted)
    if form == "POST form query=":
        return client.post("/sparql", data=b"query=" + quoted.encode(), content_type="application/x-www-form-urlencoded")
    return client.post("/sparql", data=data, content_type="application/sparql-query")


def _answered(r) -> bool:
    """200, or a refusal the protocol defines (400 malformed, 403 update), or the time limit: never 5xx."""
    if r.status_code == 503:
        return b"time limit" in r.data
    return r.status_code in (200, 400, 403)


@settings(max_examples=200, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.binary(max_size=2000), form=st.sampled_from(QUERY_FORMS))
def test_random_bytes_are_400_never_500(app, quads, data, form):
    r = _sent_raw(app.test_client(), form, data)
    assert r.status_code in (200, 400), (r.status_code, r.data[:300])


@settings(max_examples=200, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data(), form=st.sampled_from(QUERY_FORMS))
def test_mutated_catalogue_queries_are_answered_never_500(app, module_canary, data, form):
    text = data.draw(mutated_queries(module_canary.url))
    r = sparql(app.test_client(), form, text)
    assert _answered(r), (r.status_code, r.data[:300], text)


def test_after_the_property_tests_nothing_connected_and_data_is_unchanged(client, quads, module_canary):
    module_canary.assert_untouched()
    still_serving(client, quads)


# -- non-UTF-8 and oversized bodies -------------------------------------------------------------------------


@pytest.mark.parametrize("request_kwargs", [
    {"method": "POST", "data": b"SELECT * WHERE { ?s ?p \"caf\xe9\" }", "content_type": "application/sparql-query"},
    {"method": "POST", "data": b"query=ASK{}\xff", "content_type": "application/x-www-form-urlencoded"},
    {"method": "POST", "data": b"query=ASK%7B%7D%FF", "content_type": "application/x-www-form-urlencoded"},
    {"method": "POST", "data": b"update=DROP%20ALL\xff", "content_type": "application/x-www-form-urlencoded"},
    {"method": "GET", "query_string": "query=ASK%7B%7D%FF%FE"},
    {"method": "GET", "query_string": "query=SELECT%20%E9"},
], ids=["sparql-query body", "raw byte in form", "percent-encoded byte in form", "update form",
        "GET percent-encoded", "GET latin-1"])
def test_non_utf8_sparql_is_400(client, quads, request_kwargs):
    r = client.open("/sparql", **request_kwargs)
    assert r.status_code == 400
    assert b"not valid UTF-8" in r.data
    still_serving(client, quads)


@pytest.mark.parametrize("how", ["turtle body", "upload", "json-ld body"])
def test_non_utf8_contribution_is_400(client, quads, how):
    data = b'<https://w3id.org/iscm/id/x> <http://www.w3.org/2000/01/rdf-schema#label> "caf\xe9" .'
    if how == "turtle body":
        r = client.post("/validate", data=data, content_type="text/turtle")
    elif how == "json-ld body":
        r = client.post("/validate", data=b'{"@id": "http://e/s", "http://e/p": "caf\xe9"}',
                        content_type="application/ld+json")
    else:
        r = client.post("/validate", data={"file": (io.BytesIO(data), "c.ttl")}, content_type="multipart/form-data",
                        headers={"Accept": "application/json"})
    assert r.status_code == 400
    assert "not valid UTF-8" in r.get_json()["contributions"][0]["results"][0]["message"]
    still_serving(client, quads)


TWO_MB = 2 * 1024 * 1024


@pytest.mark.parametrize("path,request_kwargs", [
    ("/sparql", {"data": b"ASK {}" + b"#" * TWO_MB, "content_type": "application/sparql-query"}),
    ("/sparql", {"data": b"query=ASK%7B%7D%23" + b"x" * TWO_MB, "content_type": "application/x-www-form-urlencoded"}),
    ("/validate", {"data": b"#" * TWO_MB, "content_type": "text/turtle"}),
    ("/validate", {"data": {"file": (io.BytesIO(b"#" * TWO_MB), "c.ttl")}, "content_type": "multipart/form-data"}),
], ids=["sparql-query", "form", "validate body", "validate upload"])
def test_oversized_body_is_413(client, quads, path, request_kwargs):
    r = client.post(path, **request_kwargs)
    assert r.status_code == 413
    still_serving(client, quads)


def test_oversized_url_and_headers_are_refused_by_the_server(embedded_server):
    before = live_quads(embedded_server)
    status, body = raw_http(embedded_server, b"GET /sparql?query=" + b"a" * 20000 + b" HTTP/1.1\r\nHost: x\r\n"
                                             b"Connection: close\r\n\r\n")
    assert status == 414
    status, _ = raw_http(embedded_server, b"GET /health HTTP/1.1\r\nHost: x\r\nAccept: " + b"a" * 20000 +
                         b"\r\nConnection: close\r\n\r\n")
    assert status == 431
    status, _ = raw_http(embedded_server, b"GET /health HTTP/1.1\r\nHost: x\r\n" +
                         b"".join(b"X-H%d: 1\r\n" % i for i in range(200)) + b"Connection: close\r\n\r\n")
    assert status == 431
    assert live_quads(embedded_server) == before


# -- deep nesting and huge VALUES ---------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "SELECT * WHERE " + "{" * 10_000 + "?s ?p ?o" + "}" * 10_000,
    "SELECT * WHERE " + "{" * 100_000 + "?s ?p ?o" + "}" * 100_000,
    "SELECT * WHERE { FILTER(" + "(" * 50_000 + "1" + ")" * 50_000 + ") }",
    "SELECT * WHERE { " + "OPTIONAL { " * 5000 + "?s ?p ?o" + "}" * 5000 + " }",
], ids=["groups 10k", "groups 100k", "parentheses 50k", "OPTIONAL 5k"])
def test_deeply_nested_query_is_400(client, quads, text):
    """The embedded engine's parser runs out of stack: only the query process dies, and is replaced."""
    r = client.post("/sparql", data=text.encode(), content_type="application/sparql-query")
    assert r.status_code == 400
    assert b"could not be evaluated" in r.data
    still_serving(client, quads)


def test_deeply_nested_query_never_reaches_the_remote_store(remote_app, oxigraph_server):
    """Oxigraph's server aborts on a few thousand nested groups: such a query is refused before it."""
    client = remote_app.test_client()
    quads = count_quads(client)
    r = client.post("/sparql", data=("SELECT * WHERE " + "{" * 3000 + "?s ?p ?o" + "}" * 3000).encode(),
                    content_type="application/sparql-query")
    assert r.status_code == 400
    assert b"nested too deeply" in r.data
    assert http(f"{oxigraph_server}/query?query=ASK%7B%7D")[0] == 200  # the store is alive
    r = client.post("/sparql", data=("ASK " + "{" * 50 + "?s ?p ?o" + "}" * 50).encode(),
                    content_type="application/sparql-query", headers=JSON_RESULTS)
    assert r.status_code == 200 and json.loads(r.data)["boolean"] is True
    assert count_quads(client) == quads


def test_huge_values_block_is_answered(client, quads):
    values = " ".join(f'"{i}"' for i in range(40_000))
    r = client.post("/sparql", data=f"SELECT (COUNT(*) AS ?n) WHERE {{ VALUES ?x {{ {values} }} }}".encode(),
                    content_type="application/sparql-query", headers=JSON_RESULTS)
    assert r.status_code == 200
    assert json.loads(r.data)["results"]["bindings"][0]["n"]["value"] == "40000"
    iris = " ".join(f"<https://w3id.org/iscm/id/x/{i}>" for i in range(20_000))
    r = client.post("/sparql", data=f"SELECT (COUNT(*) AS ?n) WHERE {{ VALUES ?s {{ {iris} }} ?s ?p ?o }}".encode(),
                    content_type="application/sparql-query", headers=JSON_RESULTS)
    assert r.status_code == 200
    assert json.loads(r.data)["results"]["bindings"][0]["n"]["value"] == "0"
    still_serving(client, quads)


# -- queries built to run forever, ended by the time limit (the live server: --query-timeout 2) -----------

EXPLODING = {
    "cartesian product": "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
    "property path": "SELECT (COUNT(*) AS ?n) WHERE { ?s (<urn:p>|!<urn:p>)* ?o . ?o (<urn:p>|!<urn:p>)* ?x }",
    "parser bomb": "SELECT * WHERE { ?s ?p " + "[ ?p " * 300 + "?o" + "]" * 300 + " }",
}


@pytest.mark.parametrize("name", list(EXPLODING))
def test_exploding_query_is_stopped_at_the_time_limit(live_server, name):
    before = live_quads(live_server)
    started = time.monotonic()
    status, body = http(f"{live_server}/sparql", urllib.parse.urlencode({"query": EXPLODING[name]}).encode(),
                        {"Content-Type": "application/x-www-form-urlencoded"}, timeout=60)
    assert status == 503, body
    assert b"time limit of 2 s" in body
    assert time.monotonic() - started < 15
    for _ in range(4):  # the other worker answers at once; the retired one is replaced
        status, body = http(f"{live_server}/sparql?query=ASK%7B%3Fs%20%3Fp%20%3Fo%7D", headers=JSON_RESULTS)
        assert status == 200 and json.loads(body)["boolean"] is True
    assert live_quads(live_server) == before


# -- SERVICE, LOAD and updates in every protocol form --------------------------------------------------------

OPERATIONS = {
    "SERVICE": "SELECT * WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}",
    "LOAD": "LOAD <{url}/data.ttl>",
    "INSERT": "INSERT DATA {{ <urn:a> <urn:b> <urn:c> }}",
    "DELETE": "DELETE WHERE {{ ?s ?p ?o }}",
    "CLEAR": "CLEAR ALL",
    "DROP": "DROP ALL",
}


@pytest.mark.parametrize("form", QUERY_FORMS + UPDATE_FORMS)
@pytest.mark.parametrize("operation", list(OPERATIONS))
def test_federation_and_updates_are_refused_in_every_form(any_client, canary, operation, form):
    quads = count_quads(any_client)
    r = sparql(any_client, form, OPERATIONS[operation].format(url=canary.url))
    if operation == "SERVICE" and form in QUERY_FORMS:
        assert r.status_code == 400
        assert b"SERVICE (federated query) is disabled" in r.data
    else:
        assert r.status_code == 403
        assert b"read-only" in r.data
    canary.assert_untouched()
    assert count_quads(any_client) == quads


@pytest.mark.parametrize("text", [
    # '<' read as an IRI by a lexer, as "less than" by the parser: SERVICE hides in the "IRI"
    "SELECT * WHERE {{ FILTER(?a<?b)SERVICE#>\n<{url}/sparql>{{?s ?p ?o}} }}",
    "SELECT * WHERE {{ ?s <http://x/\\u0041'> ?o . FILTER(?a<?b)SERVICE#'>\n<{url}/sparql>{{?s ?p ?o}} }}",
    "SELECT * WHERE {{ sErViCe # a comment\n SILENT\n\n<{url}/sparql> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ VALUES ?e {{ <{url}/sparql> }} SERVICE ?e {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ SERV\\u0049CE <{url}/sparql> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ {{ SELECT * WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }} }} }}",
    "ASK {{ FILTER EXISTS {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }} }}",
], ids=["operator-or-iri", "escaped-iri-and-string", "case-and-comments", "variable-endpoint", "escaped-keyword",
        "subquery", "exists"])
def test_disguised_federation_is_refused(any_client, canary, text):
    quads = count_quads(any_client)
    r = any_client.get("/sparql", query_string={"query": text.format(url=canary.url)})
    assert r.status_code == 400, r.data
    canary.assert_untouched()
    assert count_quads(any_client) == quads


@pytest.mark.parametrize("text", [
    "PREFIX ex: <http://example.org/> BASE <http://example.org/> INSERT DATA { ex:a ex:b ex:c }",
    "# a comment\nDROP ALL",
    "insert data { <urn:a> <urn:b> <urn:c> }",
    "WITH <https://w3id.org/iscm/id/graph/ontology> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "CLEAR GRAPH <https://w3id.org/iscm/id/graph/ontology> ; DROP ALL",
    "COPY DEFAULT TO <urn:g>",
])
def test_disguised_updates_are_refused(any_client, text):
    quads = count_quads(any_client)
    r = any_client.get("/sparql", query_string={"query": text})
    assert r.status_code == 403
    assert count_quads(any_client) == quads


@pytest.mark.parametrize("query,params", [
    ("SELECT (COUNT(*) AS ?n) FROM <file:///etc/passwd> WHERE { ?s ?p ?o }", {}),
    ("SELECT (COUNT(*) AS ?n) FROM NAMED <file:///etc/passwd> WHERE { GRAPH ?g { ?s ?p ?o } }", {}),
    ("SELECT (COUNT(*) AS ?n) FROM <{url}/graph.ttl> WHERE { ?s ?p ?o }", {}),
    ("SELECT (COUNT(*) AS ?n) FROM NAMED <{url}/graph.ttl> WHERE { GRAPH ?g { ?s ?p ?o } }", {}),
    ("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", {"default-graph-uri": "file:///etc/passwd"}),
    ("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", {"named-graph-uri": "{url}/graph.ttl"}),
], ids=["FROM file", "FROM NAMED file", "FROM loopback", "FROM NAMED loopback", "default-graph-uri file",
        "named-graph-uri loopback"])
def test_from_never_reads_files_or_urls(any_client, canary, query, params):
    quads = count_quads(any_client)
    params = {k: v.replace("{url}", canary.url) for k, v in params.items()}
    r = any_client.get("/sparql", query_string={"query": query.replace("{url}", canary.url), **params},
                       headers=JSON_RESULTS)
    assert r.status_code == 200
    assert json.loads(r.data)["results"]["bindings"][0]["n"]["value"] == "0"
    assert PASSWD not in r.data
    canary.assert_untouched()
    assert count_quads(any_client) == quads


# -- /validate: XML entities, remote JSON-LD contexts, deep nesting -------------------------------------------

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE rdf:RDF [ <!ENTITY file SYSTEM "file:///etc/passwd"> <!ENTITY remote SYSTEM "%(url)s/entity"> ]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">
  <rdf:Description rdf:about="http://example.org/s"><ex:p>&file;&remote;</ex:p></rdf:Description>
</rdf:RDF>"""
LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol">""" + b"".join(
    b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10) for i in range(1, 10)) + b"""]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">
<rdf:Description rdf:about="http://example.org/s"><ex:p>&lol9;</ex:p></rdf:Description></rdf:RDF>"""


@pytest.mark.parametrize("document", ["external entities", "entity expansion"])
@pytest.mark.parametrize("how,status", [
    ("body application/rdf+xml", 415), ("body application/xml", 415), ("upload .rdf", 400), ("upload .owl", 400),
    ("upload .ttl", 400), ("upload .jsonld", 400),
])
def test_rdf_xml_is_refused_without_expanding_entities(client, quads, canary, document, how, status):
    """RDF/XML is not a contribution format: it is never parsed, so no entity is resolved or expanded."""
    data = XXE % {b"url": canary.url.encode()} if document == "external entities" else LAUGHS
    started = time.monotonic()
    if how.startswith("body"):
        r = client.post("/validate", data=data, content_type=how.split()[1])
    else:
        r = client.post("/validate", data={"file": (io.BytesIO(data), "c" + how.split()[1], "application/rdf+xml")},
                        content_type="multipart/form-data", headers={"Accept": "application/json"})
    assert r.status_code == status
    if how in ("upload .rdf", "upload .owl"):
        assert "Unsupported format" in r.get_json()["contributions"][0]["results"][0]["message"]
    assert PASSWD not in r.data and b"lollollol" not in r.data
    assert time.monotonic() - started < 5
    canary.assert_untouched()
    still_serving(client, quads)


@pytest.mark.parametrize("context", [
    '"{url}/context.jsonld"',
    '["{url}/context.jsonld", {{"ex": "http://example.org/"}}]',
    '{{"@import": "{url}/context.jsonld"}}',
    '"file:///etc/passwd"',
], ids=["remote", "remote in a list", "@import", "file"])
def test_json_ld_remote_context_is_never_fetched(client, quads, canary, context):
    doc = '{"@context": %s, "@id": "http://example.org/s", "name": "x"}' % context.format(url=canary.url)
    r = client.post("/validate", data=doc.encode(), content_type="application/ld+json")
    assert r.status_code == 400
    message = r.get_json()["contributions"][0]["results"][0]["message"]
    assert "remote JSON-LD @context is not fetched" in message
    assert PASSWD not in r.data
    canary.assert_untouched()
    still_serving(client, quads)


P = "@prefix ex: <http://example.org/> .\n"


@pytest.mark.parametrize("media_type,text,expected", [
    ("text/turtle", P + "ex:s ex:p " + "( " * 100_000 + "ex:o" + " )" * 100_000 + " .", "statements; the limit"),
    ("text/turtle", P + "ex:s ex:p " + "[ ex:p " * 100_000 + "ex:o" + " ]" * 100_000 + " .", "statements; the limit"),
    ("text/turtle", P + "ex:s ex:p " + "(" * 200_000, "Syntax error"),
    ("application/trig", P + "ex:g { ex:s ex:p " + "[ ex:p " * 100_000 + "ex:o" + " ]" * 100_000 + " }",
     "statements; the limit"),
    ("application/ld+json", '{"@id": "http://e/s", "http://e/p": ' + '{"http://e/p": ' * 50_000 + "1"
     + "}" * 50_000 + "}", "levels deep"),
    ("application/ld+json", "[" * 100_000 + "]" * 100_000, "levels deep"),
], ids=["turtle collections 100k", "turtle blank nodes 100k", "turtle unclosed 200k", "trig blank nodes 100k",
        "json-ld objects 50k", "json arrays 100k"])
def test_deeply_nested_contribution_is_400(client, quads, media_type, text, expected):
    started = time.monotonic()
    r = client.post("/validate", data=text.encode(), content_type=media_type)
    assert r.status_code == 400
    assert expected in r.get_json()["contributions"][0]["results"][0]["message"]
    assert time.monotonic() - started < 10
    still_serving(client, quads)


# -- Accept headers ------------------------------------------------------------------------------------------

HOSTILE_ACCEPT = ["application/x-unknown", "*/*;q=abc", "text/turtle;q=1e400", ";;;,,,", "*/*;q=-1", "*/*;q=0",
                  "*", "a" * 8000, ",".join(f"application/x-{i};q=0.{i % 10}" for i in range(500)), "\x00",
                  'text/html; charset="unterminated', "text/csv;q=nan", "text/csv;q=inf", "\xe9/\xfc",
                  "application/sparql-results+json;q=0"]


@pytest.mark.parametrize("accept", HOSTILE_ACCEPT, ids=[f"accept{i}" for i in range(len(HOSTILE_ACCEPT))])
def test_unknown_and_hostile_accept_headers(client, quads, accept):
    headers = {"Accept": accept}
    for path in ("/sparql?query=SELECT%20*%20WHERE%20%7B%3Fs%20%3Fp%20%3Fo%7D%20LIMIT%201",
                 "/sparql?query=CONSTRUCT%20WHERE%20%7B%3Fs%20%3Fp%20%3Fo%7D%20LIMIT%201",
                 "/id/mechanism/budapest-process", "/ontology", "/void"):
        r = client.get(path, headers=headers)
        assert r.status_code == 406, (path, r.status_code)
        assert r.mimetype == "text/plain"
    assert client.get("/sparql", headers=headers).status_code == 200  # the Service Description, in Turtle
    assert client.get("/health", headers=headers).status_code == 200
    assert client.get("/dumps/iscm.nq", headers=headers).status_code == 200
    r = client.post("/validate", data=b"<a> <b>", content_type="text/turtle", headers=headers)
    assert r.status_code == 400 and r.mimetype == "application/json"  # the report, in the default format
    still_serving(client, quads)


def test_hostile_accept_bytes_on_the_wire(embedded_server):
    before = live_quads(embedded_server)
    head, tail = b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\nAccept: ", b"\r\nConnection: close\r\n\r\n"
    assert raw_http(embedded_server, head + b"\xff\xfe" + tail)[0] == 406
    assert raw_http(embedded_server, head + b"text/turtle\x00" + tail)[0] == 400  # refused by gunicorn
    assert live_quads(embedded_server) == before


# -- path traversal -----------------------------------------------------------------------------------------

TRAVERSALS = [
    "/id/../../etc/passwd", "/id/%2e%2e/%2e%2e/etc/passwd", "/id/..%2f..%2fetc%2fpasswd",
    "/id/mechanism/..%5c..%5cetc%5cpasswd", "/id/%252e%252e/etc/passwd", "/id/mechanism/../../../pyproject.toml",
    "/ontology/../../etc/passwd", "/ontology.%2e%2e", "/static/../../pyproject.toml",
    "/static/..%2f..%2fpyproject.toml", "/static/%2e%2e/%2e%2e/pyproject.toml", "/static/....//....//pyproject.toml",
    "/static/..\\..\\pyproject.toml", "/static/%252e%252e/pyproject.toml", "/static/iscm.css%00.txt",
    "/static/vendor/../../__init__.py", "/static/vendor/..%2f..%2f__init__.py", "/dumps/..%2f..%2fpyproject.toml",
    "/dumps/%2e%2e", "/id/%00", "/id/mechanism/budapest-process%00.ttl",
]


@pytest.mark.parametrize("path", TRAVERSALS)
def test_path_traversal_is_404(client, quads, path):
    r = client.get(path)
    assert r.status_code == 404, (path, r.status_code)
    assert PASSWD not in r.data and PYPROJECT not in r.data and b"def create_app" not in r.data
    still_serving(client, quads)


@pytest.mark.parametrize("path", ["/static//etc/passwd", "/static/%2fetc%2fpasswd"])
def test_absolute_static_path_redirects_inside_static(client, path):
    r = client.get(path)
    assert r.status_code == 308 and r.headers["Location"].endswith("/static/etc/passwd")
    assert client.get(r.headers["Location"]).status_code == 404


def test_path_traversal_on_the_wire(embedded_server):
    """Through gunicorn, with the path sent exactly as written (no client normalises it)."""
    before = live_quads(embedded_server)
    for path in TRAVERSALS:
        status, data = raw_http(embedded_server, b"GET " + path.encode() + b" HTTP/1.1\r\nHost: x\r\n"
                                                 b"Connection: close\r\n\r\n")
        assert status in (400, 404), (path, status)
        assert PASSWD not in data and PYPROJECT not in data
    assert live_quads(embedded_server) == before
