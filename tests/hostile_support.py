"""Helpers of the hostile-input tests (tests/test_hostile_*.py): sending queries in each protocol form,
raw HTTP, a canary socket nothing may connect to, and the check that the service still answers over
unchanged data.
"""

from __future__ import annotations

import json
import socket
import threading
import time
import urllib.error
import urllib.request

import pytest

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


