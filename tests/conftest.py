"""Shared fixtures: the real bundled graph, loaded once, and the Flask app over it; and the markers
that pick the fast developer run (``make test-fast``) out of the full suite (``make test``).
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
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


SMALL_GRAPH = Path(__file__).resolve().parent / "data" / "small.trig"


@pytest.fixture(scope="session")
def small_engine() -> Engine:
    """A few dozen statements (tests/data/small.trig), for tests of code rather than of the data."""
    store = ox.Store()
    store.load(path=str(SMALL_GRAPH), format=ox.RdfFormat.TRIG)
    return Engine(store, origin=str(SMALL_GRAPH))


@pytest.fixture(scope="session")
def small_app(small_engine):
    return create_app(small_engine, {"TESTING": True})


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


VIRTUOSO_INI = """[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
DirsAllowed = ., {d}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {d}
ServerThreads = 10
MaxClientConnections = 10
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 10
MaxQueryCostEstimationTime = 400
"""
# Load the built dataset (named graphs, N-Quads) with Virtuoso's bulk loader, then write the merge of the
# dataset's graphs into the graph RemoteEngine uses as the default graph (engine.MERGED_GRAPH); the
# README gives the same commands for a production store.
VIRTUOSO_LOAD = ("ld_dir('{d}', 'iscm.nq', 'urn:iscm:unused'); rdf_loader_run(); "
                 "SPARQL INSERT INTO GRAPH <{merged}> {{ ?s ?p ?o }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
                 "FILTER(STRSTARTS(STR(?g), '{namespace}')) }}; checkpoint;")


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory):
    """OpenLink Virtuoso (Debian's virtuoso-opensource 7.2) on loopback holding the bundled dataset; yields
    its SPARQL endpoint. CI installs it (.ci/run); elsewhere the tests that need it are skipped, or fail
    when ISCM_REQUIRE_VIRTUOSO is set."""
    import os
    import shutil
    import subprocess

    from iscm_kg.engine import DATASET_NAMESPACE, MERGED_GRAPH
    from iscm_kg.loading import build, dist_path

    server, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt") or shutil.which("isql")
    if not (server and isql):
        if os.environ.get("ISCM_REQUIRE_VIRTUOSO"):
            pytest.fail("virtuoso-t and isql-vt are needed: apt-get install virtuoso-opensource")
        pytest.skip("Virtuoso is not installed (apt-get install virtuoso-opensource; CI installs it)")
    d = tmp_path_factory.mktemp("virtuoso")
    sql, http = _free_port(), _free_port()
    (d / "virtuoso.ini").write_text(VIRTUOSO_INI.format(d=d, sql=sql, http=http))
    path = dist_path()
    if not path.is_file():
        build()
    shutil.copy(path, d / "iscm.nq")
    proc = subprocess.Popen([server, "-f", "-c", str(d / "virtuoso.ini")], cwd=d, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    endpoint = f"http://127.0.0.1:{http}/sparql"
    try:
        _wait_for(f"{endpoint}?query=ASK%7B%7D", 90)
        load = VIRTUOSO_LOAD.format(d=d, merged=MERGED_GRAPH, namespace=DATASET_NAMESPACE)
        done = subprocess.run([isql, f"127.0.0.1:{sql}", "dba", "dba", f"exec={load}"], capture_output=True,
                              text=True, timeout=300)
        assert done.returncode == 0 and "Error" not in done.stdout + done.stderr, done.stdout + done.stderr
        yield endpoint
    finally:
        proc.terminate()
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)


@pytest.fixture(scope="session")
def virtuoso_app(virtuoso_server):
    from iscm_kg.engine import RemoteEngine
    return create_app(RemoteEngine(virtuoso_server), {"TESTING": True})


STORES = ["embedded", "oxigraph", "virtuoso"]


@pytest.fixture(params=STORES)
def any_client(request, app):
    """The endpoint over the embedded store, an Oxigraph server and Virtuoso: the same tests pass on all."""
    if request.param == "embedded":
        return app.test_client()
    return request.getfixturevalue({"oxigraph": "remote_app", "virtuoso": "virtuoso_app"}[request.param]).test_client()


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


@pytest.fixture(scope="session")
def virtuoso_remote_server(tmp_path_factory, virtuoso_server):
    """`iscm-kg serve --store sparql:URL` in front of Virtuoso."""
    yield from _serve(tmp_path_factory, ["--store", f"sparql:{virtuoso_server}"])


@pytest.fixture(scope="session", params=STORES)
def live_server(request):
    return request.getfixturevalue({"embedded": "embedded_server", "oxigraph": "remote_server",
                                    "virtuoso": "virtuoso_remote_server"}[request.param])


# -- markers -------------------------------------------------------------------------------------------------
#
# ``make test`` runs everything. ``make test-fast`` (pytest -m "not slow and not browser and not live and not
# data") is the developer's run of the code tests, under a minute. The markers are given here, in one table,
# rather than in each file: a test that starts a server is "live" by the fixtures it asks for.

LIVE_FIXTURES = {"oxigraph_server", "virtuoso_server", "embedded_server", "remote_server", "live_server",
                 "remote_app", "virtuoso_app", "virtuoso_remote_server"}
MODULE_MARKS = {
    "test_browser": ("browser", "live"),
    "test_knowledge_base": ("data",),
    "test_queries": ("data",),
    "test_no_copied_prose": ("data",),
    "test_ontology": ("data",),
    "test_bench_smoke": ("slow", "live"),
    "test_load_short": ("slow",),
    "test_rough_edges_live": ("live",),
    "test_result_cache_live": ("live",),
    # checks of the bundled data and of what is built from it (release tables, citations, the latest view)
    "test_knowledge_base_round2": ("data",),
    "test_query_patterns": ("data",),
    "test_citations": ("data",),
    "test_reference": ("data",),
    "test_latest": ("data",),
    "test_release": ("data",),
    "test_data_build": ("data", "slow"),
}
SLOW_TESTS = {  # a few seconds each, on their own
    "test_crawl_finds_no_broken_internal_link", "test_every_mechanism_and_state_page_renders",
    "test_ontology_reference_document_covers_every_term", "test_bundled_graph_conforms",
    "test_add_merges_a_valid_contribution", "test_add_replace_updates_an_earlier_contribution",
    "test_api_conforms_to_its_description", "test_after_the_generated_requests_the_service_answers_over_unchanged_data",
    "test_killed_add_leaves_data_unchanged", "test_a_crashing_child_prints_no_fatal_error_dump",
    "test_corrupt_file_at_start_up_refuses_to_start_naming_file_and_line",
    "test_overlap_matrix_equals_sparql", "test_participation_equals_sparql",
    "test_make_data_reproduces_committed_files_from_a_clean_tree",
    "test_diff_reports_a_contribution_added_between_two_builds",
    "test_query_links_on_the_page_give_the_pictures_numbers",
    # each loads the bundled graph anew; test_broken_contribution_via_http checks the same files' findings fast
    "test_broken_contribution_via_cli",
}
LIVE_TESTS = {"test_remote_store_unreachable_is_503_and_service_recovers"}  # starts its own Oxigraph server
DATA_TESTS = {"test_bundled_graph_conforms", "test_every_registry_name_reconciles_to_its_own_iri",
              "test_every_mechanism_and_state_page_renders",
              "test_crawl_finds_no_broken_internal_link"}


def pytest_collection_modifyitems(items):
    for item in items:
        module = item.module.__name__.rsplit(".", 1)[-1]
        name = item.originalname if hasattr(item, "originalname") else item.name
        marks = set(MODULE_MARKS.get(module, ()))
        if name in SLOW_TESTS:
            marks.add("slow")
        if name in LIVE_TESTS:
            marks.add("live")
        if name in DATA_TESTS:
            marks.add("data")
        params = getattr(getattr(item, "callspec", None), "params", {})
        if (LIVE_FIXTURES & set(item.fixturenames) or params.get("any_client", "embedded") != "embedded"
                or params.get("store") in ("remote_app", "virtuoso_app")):
            marks.add("live")
        for mark in sorted(marks):
            item.add_marker(mark)
