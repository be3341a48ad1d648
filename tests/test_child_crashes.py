"""Queries that crash the process evaluating them are reported to the client, quietly.

The embedded engine evaluates web queries in a forked child, and queries for a remote store are
parsed first in a forked child with a small stack; a query nested thousands deep brings that child
down by design. The child must not print Python's "Fatal Python error" dump (``faulthandler`` is
inherited through fork from any parent that enabled it, as pytest and ``python -X faulthandler``
do): in a passing test run or a server log it reads as the service crashing.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

DEEP = "SELECT * WHERE " + "{" * 10_000 + "?s ?p ?o" + "}" * 10_000

EMBEDDED = f"""
import pyoxigraph as ox
from iscm_kg.engine import Engine
from iscm_kg.web import create_app
client = create_app(Engine(ox.Store(), origin="empty"), {{"TESTING": True}}).test_client()
r = client.post("/sparql", data={DEEP!r}, content_type="application/sparql-query")
print(r.status_code, r.data.decode()[:60])
r = client.get("/sparql", query_string={{"query": "ASK {{}}"}}, headers={{"Accept": "application/sparql-results+json"}})
print(r.status_code, r.data.decode())
"""

REMOTE_PARSE = f"""
from iscm_kg.engine import QueryError, checked_form
try:
    checked_form({DEEP!r})
except QueryError as exc:
    print("refused:", exc)
"""


@pytest.mark.parametrize("code", [EMBEDDED, REMOTE_PARSE], ids=["query child", "parse child"])
def test_a_crashing_child_prints_no_fatal_error_dump(code):
    done = subprocess.run([sys.executable, "-X", "faulthandler", "-c", code], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert "Fatal Python error" not in done.stderr, done.stderr
    assert "Segmentation fault" not in done.stderr, done.stderr
    if code is EMBEDDED:
        first, second = done.stdout.splitlines()
        assert first.startswith("400 The query could not be evaluated"), done.stdout
        assert second.startswith("200") and '"boolean":true' in second.replace(" ", ""), done.stdout
    else:
        assert done.stdout.startswith("refused: the query is nested too deeply"), done.stdout
