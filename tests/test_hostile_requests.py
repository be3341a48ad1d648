"""Hostile requests (issue 9): bodies that are not UTF-8 or too large, XML entities, remote JSON-LD
contexts, deeply nested contributions, hostile Accept headers and path traversal. Each case asserts the exact
status, that nothing was fetched or leaked, and that the next normal request is still answered over unchanged
data. Helpers: tests/hostile_support.py.
"""

from __future__ import annotations

import io
import time

import pytest

from hostile_support import (  # noqa: F401 (quads and canary are fixtures)
    PASSWD, PYPROJECT, quads, still_serving, canary, sparql, http, raw_http, live_quads,
)


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
