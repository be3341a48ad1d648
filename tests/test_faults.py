"""Faults (issue 9): a worker killed mid-request, a corrupt data file at start-up, the remote store
going away and coming back.

The fourth fault of the issue, the disk filling up while ``iscm-kg add`` writes, is
``tests/test_contributions.py::test_failed_write_leaves_data_unchanged`` (the rename fails with
ENOSPC: data/ is byte for byte unchanged), with ``test_killed_add_leaves_data_unchanged`` for a
process killed in the middle of the write.

Decision for a corrupt data directory (documented in SECURITY.md): the service refuses to start
and names the file, line and column; it never serves a stale build over sources it cannot read.
A file that parses but breaks the SHACL shapes is served: shapes are enforced by
``iscm-kg validate`` and CI, not at start-up.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.client import HTTPConnection
from pathlib import Path

import psutil
import pytest

from iscm_kg.engine import RemoteEngine, _build_is_fresh
from iscm_kg.loading import build, build_is_fresh, dist_path, project_root
from iscm_kg.web import create_app

CLI = Path(sys.executable).parent / "iscm-kg"
OXIGRAPH = Path(sys.executable).parent / "oxigraph"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
ASK = "ASK { ?s ?p ?o }"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def free_port() -> int:
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str, headers: dict | None = None, timeout: float = 30):
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {}), timeout=timeout) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def wait_until(predicate, seconds: float, step: float = 0.1):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(step)
    return predicate()


# -- a worker killed mid-request ---------------------------------------------------------------------------


def gunicorn_master(base: str) -> psutil.Process:
    port = int(base.rsplit(":", 1)[1])
    for conn in psutil.net_connections("tcp"):
        if conn.status == psutil.CONN_LISTEN and conn.laddr.port == port and conn.pid:
            proc = psutil.Process(conn.pid)
            while proc.parent() is not None and "serve" in proc.parent().cmdline():
                proc = proc.parent()
            return proc
    raise AssertionError(f"nothing listens on {port}")


def workers(master: psutil.Process) -> list[psutil.Process]:
    return [p for p in master.children() if p.status() != psutil.STATUS_ZOMBIE]


def test_worker_killed_mid_request_is_replaced_and_the_other_keeps_serving(embedded_server):
    master = gunicorn_master(embedded_server)
    assert wait_until(lambda: len(workers(master)) == 2, 30), "the server should run 2 workers"
    before = {p.pid for p in workers(master)}
    port = int(embedded_server.rsplit(":", 1)[1])

    conn = HTTPConnection("127.0.0.1", port, timeout=30)
    conn.connect()
    client_port = conn.sock.getsockname()[1]
    outcome: dict = {}

    def slow_request() -> None:
        try:
            conn.request("GET", "/sparql?" + urllib.parse.urlencode({"query": SLOW}))
            outcome["status"] = conn.getresponse().status
        except Exception as exc:  # noqa: BLE001 - the point: the connection dies with the worker
            outcome["error"] = exc

    thread = threading.Thread(target=slow_request)
    thread.start()

    def busy_worker():
        for w in workers(master):
            try:
                if any(c.raddr and c.raddr.port == client_port for c in w.net_connections("tcp")):
                    return w
            except psutil.Error:
                continue
        return None

    victim = wait_until(busy_worker, 5, 0.02)
    assert victim is not None, "no worker took the request"
    # the worker evaluates the query in a child process; wait until it runs (a fresh worker forks it now)
    query_processes = wait_until(lambda: [p.pid for p in victim.children()], 5, 0.02)
    assert query_processes, "the worker runs no query process"
    victim.send_signal(signal.SIGKILL)
    thread.join(30)
    conn.close()
    assert "error" in outcome, f"the killed worker cannot have answered: {outcome}"

    for _ in range(5):  # the other worker answers at once
        status, body = get(f"{embedded_server}/sparql?" + urllib.parse.urlencode({"query": ASK}),
                           {"Accept": "application/sparql-results+json"})
        assert status == 200 and json.loads(body)["boolean"] is True

    replaced = wait_until(lambda: len(workers(master)) == 2 and victim.pid not in {p.pid for p in workers(master)}, 30)
    assert replaced, "the master did not replace the killed worker"
    assert {p.pid for p in workers(master)} - before, "no new worker"
    # the killed worker's query process died with it (it would otherwise run on, orphaned)
    assert wait_until(lambda: not any(psutil.pid_exists(p) and psutil.Process(p).status() != psutil.STATUS_ZOMBIE
                                      for p in query_processes), 10)
    status, body = get(f"{embedded_server}/health")
    assert status == 200 and json.loads(body)["status"] == "ok"


# -- a corrupt data file at start-up -----------------------------------------------------------------------


@pytest.fixture()
def project_copy(tmp_path) -> Path:
    """The project's graph, shapes and queries copied to a temporary root, with a fresh dist/ build."""
    root = project_root()
    for name in ("ontology", "shapes", "data", "queries"):
        shutil.copytree(root / name, tmp_path / name)
    build(tmp_path)
    assert _build_is_fresh(tmp_path)  # as it stands, the service would start from dist/
    return tmp_path


BROKEN = "data/review-2013/meetings.ttl"


def break_file(root: Path, how: str) -> int:
    """Corrupt one source file; return the line the error is on."""
    path = root / BROKEN
    if how == "invalid UTF-8":
        data = path.read_bytes()
        lines = data.split(b"\n")
        lines.insert(2, b'<https://w3id.org/iscm/id/x> <http://www.w3.org/2000/01/rdf-schema#label> "caf\xe9" .')
        path.write_bytes(b"\n".join(lines))  # a Latin-1 literal on line 3
        return 3
    text = path.read_text(encoding="utf-8")
    line = text.count("\n") + 1 + (0 if text.endswith("\n") else 1)
    path.write_text(text + ("" if text.endswith("\n") else "\n") + "this is not Turtle .\n", encoding="utf-8")
    return line


def serve(root: Path) -> subprocess.CompletedProcess:
    """``iscm-kg serve`` over ``root``; if it does start (the failure under test), it is stopped."""
    proc = subprocess.Popen([str(CLI), "serve", "--port", str(free_port()), "--workers", "1"],
                            env={**os.environ, "ISCM_KG_ROOT": str(root)}, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        out, err = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


@pytest.mark.parametrize("scenario", ["no build", "edited after the build", "restored with an old mtime",
                                      "invalid UTF-8"])
def test_corrupt_file_at_start_up_refuses_to_start_naming_file_and_line(project_copy, scenario):
    if scenario == "no build":
        shutil.rmtree(project_copy / "dist")
    line = break_file(project_copy, "invalid UTF-8" if scenario == "invalid UTF-8" else "syntax")
    if scenario == "restored with an old mtime":  # cp -p, tar, rsync -t: the mtime is older than the build
        built = dist_path(project_copy).stat().st_mtime
        os.utime(project_copy / BROKEN, (built - 3600, built - 3600))
        assert build_is_fresh(project_copy)  # by mtimes alone the stale build would be served,
        assert not _build_is_fresh(project_copy)  # which the engine's stricter check refuses
    result = serve(project_copy)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "cannot start:" in result.stderr
    assert f"{project_copy / BROKEN}:{line}:" in result.stderr, result.stderr
    assert "serving" not in result.stdout  # it never got as far as starting gunicorn


# -- the remote store unreachable, then back -----------------------------------------------------------------


def start_oxigraph(location: Path, port: int) -> subprocess.Popen:
    proc = subprocess.Popen([str(OXIGRAPH), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert wait_until(lambda: _up(port), 20), "oxigraph did not come up"
    return proc


def _up(port: int) -> bool:
    try:
        return get(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", timeout=1)[0] == 200
    except OSError:
        return False


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(10)


def test_remote_store_answers_like_the_embedded_one(remote_app, app):
    """GRAPH ?g over a remote store sees every named graph, as over the embedded one (it saw none:
    the union was sent as default-graph-uri only, which leaves a query no named graphs)."""
    from iscm_kg.catalogue import load_catalogue

    embedded, remote = app.test_client(), remote_app.test_client()
    assert remote.get("/health").get_json()["quads"] == embedded.get("/health").get_json()["quads"] > 0
    for name, query in load_catalogue().items():
        rows = [len(json.loads(c.get("/sparql", query_string={"query": query.text},
                                     headers={"Accept": "application/sparql-results+json"}).data)["results"]["bindings"])
                for c in (embedded, remote)]
        assert rows[0] == rows[1] > 0, name


def test_remote_store_unreachable_is_503_and_service_recovers(tmp_path, engine):
    from iscm_kg.publish import push_dataset

    port = free_port()
    store = start_oxigraph(tmp_path / "store", port)
    try:
        list(push_dataset(dist_path(), f"http://127.0.0.1:{port}/store"))
        client = create_app(RemoteEngine(f"http://127.0.0.1:{port}/query", timeout=5), {"TESTING": True}).test_client()

        def count():
            r = client.get("/sparql", query_string={"query": f"# {time.monotonic_ns()}\n{COUNT}"},
                           headers={"Accept": "application/sparql-results+json"})
            return r.status_code, r
        status, r = count()
        assert status == 200
        quads = int(json.loads(r.data)["results"]["bindings"][0]["n"]["value"])
        assert quads == len(engine)
        assert client.get("/id/mechanism/budapest-process").status_code == 200

        stop(store)
        status, r = count()
        assert status == 503
        assert b"The SPARQL store is unavailable" in r.data and b"cannot be reached" in r.data
        assert r.headers["Retry-After"] == "5"
        for path in ("/health", "/void", "/id/mechanism/budapest-process", "/mechanisms"):
            r = client.get(path)
            assert r.status_code == 503, (path, r.status_code)
            assert b"unavailable" in r.data

        store = start_oxigraph(tmp_path / "store", port)  # the same data comes back on the same address
        status, r = count()
        assert status == 200 and int(json.loads(r.data)["results"]["bindings"][0]["n"]["value"]) == quads
        r = client.get("/health")
        assert r.status_code == 200 and r.get_json()["quads"] == quads
        assert client.get("/id/mechanism/budapest-process").status_code == 200
    finally:
        stop(store)
