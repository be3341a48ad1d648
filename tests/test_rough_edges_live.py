"""Rough edges a new user met with the real server (issue 18): each test failed before its fix."""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request

import pytest
from SPARQLWrapper import JSON, SPARQLWrapper

BIG = 3 * 1024 * 1024  # over the 1 MB request limit


def post(url: str, data: bytes, content_type: str):
    request = urllib.request.Request(url, data=data, headers={"Content-Type": content_type})
    try:
        with urllib.request.urlopen(request, timeout=30) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


@pytest.mark.parametrize("content_type,body", [
    ("application/x-www-form-urlencoded", b"query=" + urllib.parse.quote(b"ASK {}" + b"#" * BIG).encode()),
    ("application/sparql-query", b"ASK {}" + b"#" * BIG),
    ("text/turtle", b"#" * BIG),
], ids=["form", "sparql-query", "validate"])
def test_too_large_body_gets_its_413_over_urllib(embedded_server, content_type, body):
    """The server read and dropped the body it refused, so the client hears the 413 (it saw a broken pipe)."""
    path = "/validate" if content_type == "text/turtle" else "/sparql"
    for _ in range(3):  # the refusal leaves the connection, and the worker, in a clean state
        status, text = post(embedded_server + path, body, content_type)
        assert status == 413 and b"larger than 1024 KB" in text


def test_too_large_query_gets_its_413_through_sparqlwrapper(embedded_server):
    client = SPARQLWrapper(f"{embedded_server}/sparql")
    client.setMethod("POST")
    client.setQuery("ASK {}" + "#" * BIG)
    client.setReturnFormat(JSON)
    with pytest.raises(urllib.error.HTTPError) as caught:
        client.query()
    assert caught.value.code == 413


def test_two_servers_share_no_control_socket(tmp_path):
    """gunicorn 24+ opened a control socket at one path per user (~/.gunicorn/gunicorn.ctl): a second
    server on the machine took it over from the first. The service turns it off."""
    import os
    import signal
    import socket
    import subprocess
    import sys
    import time
    from pathlib import Path

    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "XDG_RUNTIME_DIR"} | {"HOME": str(home)}
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = tmp_path / "serve.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen([str(Path(sys.executable).parent / "iscm-kg"), "serve", "--port", str(port),
                                 "--workers", "1"], env=env, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)
    try:
        deadline = time.monotonic() + 40
        while time.monotonic() < deadline and b"Booting worker" not in log.read_bytes():
            time.sleep(0.2)
        time.sleep(1)
        assert b"Booting worker" in log.read_bytes(), log.read_text()
        assert not (home / ".gunicorn").exists()
        assert b"Control socket" not in log.read_bytes()
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(20)
