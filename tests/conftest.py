"""Shared fixtures: the real bundled graph, loaded once, and the Flask app over it."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from iscm_kg.engine import Engine
from iscm_kg.web import create_app

PREFIXES = """
PREFIX iscm: <https://w3id.org/iscm/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX mechanism: <https://w3id.org/iscm/id/mechanism/>
PREFIX country: <https://w3id.org/iscm/id/country/>
PREFIX organization: <https://w3id.org/iscm/id/organization/>
PREFIX role: <https://w3id.org/iscm/id/role/>
PREFIX source: <https://w3id.org/iscm/id/source/>
PREFIX theme: <https://w3id.org/iscm/id/theme/>
PREFIX typology: <https://w3id.org/iscm/id/typology/>
PREFIX iomrole: <https://w3id.org/iscm/id/iom-role/>
PREFIX region: <https://w3id.org/iscm/id/region/>
PREFIX gcm: <https://w3id.org/iscm/id/gcm/>
PREFIX meeting: <https://w3id.org/iscm/id/meeting/>
"""


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine.from_project()


@pytest.fixture(scope="session")
def app(engine):
    return create_app(engine, {"TESTING": True})


@pytest.fixture()
def client(app):
    return app.test_client()


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="session")
def sparql(engine):
    """Run a SELECT over the union graph; rows as dicts of plain strings."""

    def run(query: str) -> list[dict[str, str]]:
        outcome = engine.query(PREFIXES + query)
        names = [v.value for v in outcome.result.variables]
        return [{n: (row[n].value if row[n] is not None else None) for n in names} for row in outcome.result]

    return run


@pytest.fixture(scope="session")
def ask(engine):
    def run(query: str) -> bool:
        return bool(engine.query(PREFIXES + query).result)

    return run


def _free_port() -> int:
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(url: str, seconds: float = 20.0) -> None:
    import time
    import urllib.request
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=1).read()
            return
        except Exception:
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not come up")


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory):
    """An Oxigraph server on loopback holding the bundled dataset, loaded with `build --push`."""
    import subprocess
    import sys
    from pathlib import Path

    binary = Path(sys.executable).parent / "oxigraph"
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen(
        [str(binary), "serve", "--location", str(tmp_path_factory.mktemp("oxigraph")), "--bind", f"127.0.0.1:{port}",
         "--timeout-s", "5"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for(f"{base}/query?query=ASK%7B%7D")
        result = CliRunner().invoke(__import__("iscm_kg.cli", fromlist=["main"]).main, ["build", "--push", f"{base}/store"])
        assert result.exit_code == 0, result.output
        yield base
    finally:
        proc.terminate()
        proc.wait(10)


@pytest.fixture(scope="session")
def remote_app(oxigraph_server):
    from iscm_kg.engine import RemoteEngine
    return create_app(RemoteEngine(f"{oxigraph_server}/query"), {"TESTING": True})


@pytest.fixture(params=["embedded", "oxigraph"])
def any_client(request, app):
    """The endpoint over the embedded store and over an Oxigraph server: the same tests pass on both."""
    if request.param == "embedded":
        return app.test_client()
    return request.getfixturevalue("remote_app").test_client()


def _serve(tmp_path_factory, extra: list[str]):
    import os
    import subprocess
    import sys
    from pathlib import Path

    port = _free_port()
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    cli = Path(sys.executable).parent / "iscm-kg"
    with open(log, "wb") as out:
        proc = subprocess.Popen([str(cli), "serve", "--port", str(port), "--workers", "2", "--query-timeout", "2", *extra],
                                stdout=out, stderr=subprocess.STDOUT, env={**os.environ})
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_for(f"{base}/health", 40)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="session")
def embedded_server(tmp_path_factory):
    """`iscm-kg serve` itself (gunicorn, 2 workers) on a free loopback port, embedded store."""
    yield from _serve(tmp_path_factory, [])


@pytest.fixture(scope="session")
def remote_server(tmp_path_factory, oxigraph_server):
    """`iscm-kg serve --store sparql:URL` in front of the Oxigraph server."""
    yield from _serve(tmp_path_factory, ["--store", f"sparql:{oxigraph_server}/query"])


@pytest.fixture(scope="session", params=["embedded", "oxigraph"])
def live_server(request):
    return request.getfixturevalue("embedded_server" if request.param == "embedded" else "remote_server")
