"""The result cache's memory is one budget for the whole service (``iscm-kg serve --cache-mb``), shared
out among the workers: four workers with 64 MB each held 72 MB more than the same service without a
cache in the benchmark at 1x, which was over its memory target (bench/README.md)."""

from __future__ import annotations

import subprocess
import sys
import urllib.parse
import urllib.request
from pathlib import Path

from conftest import _serve

QUARTER_OF = 4  # the cache keeps no answer larger than a quarter of its size (web/cache.py)


def get(base: str, query: str) -> tuple[bytes, str]:
    url = f"{base}/sparql?" + urllib.parse.urlencode({"query": query})
    with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"}),
                                timeout=30) as r:
        return r.read(), r.headers["X-Cache"]


def serving(tmp_path_factory, *args: str):
    serve = _serve(tmp_path_factory, list(args))
    return serve, next(serve)


def rows(limit: int) -> str:
    return f"SELECT ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }} ORDER BY ?s ?p ?o ?g LIMIT {limit}"


def test_each_worker_caches_within_its_share_of_the_budget(tmp_path_factory):
    one, base = serving(tmp_path_factory, "--workers", "1", "--cache-mb", "1")
    try:
        # an answer between a quarter of 512 KB (two workers' shares of 1 MB) and a quarter of 1 MB
        per_row = len(get(base, rows(1000))[0]) / 1000
        limit = int(190 * 1024 / per_row)
        body, _ = get(base, rows(limit))
        assert 1024 * 1024 // 2 // QUARTER_OF < len(body) < 1024 * 1024 // QUARTER_OF
        assert get(base, rows(limit))[1] == "miss"  # asked a second time: kept now (web/cache.py)
        assert get(base, rows(limit))[1] == "hit"  # one worker: the whole megabyte
    finally:
        one.close()

    two, base = serving(tmp_path_factory, "--workers", "2", "--cache-mb", "1")
    try:
        assert {get(base, rows(limit))[1] for _ in range(6)} == {"miss"}  # half a megabyte each: too large
        small = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
        # eight requests over two workers: one worker sees the query at least four times; it keeps the
        # answer the second time and answers from the cache the third
        assert "hit" in {get(base, small)[1] for _ in range(8)}
    finally:
        two.close()


def test_zero_turns_the_cache_off(tmp_path_factory):
    off, base = serving(tmp_path_factory, "--cache-mb", "0")
    try:
        assert {get(base, "ASK { ?s ?p ?o }")[1] for _ in range(6)} == {"miss"}
    finally:
        off.close()


def test_a_negative_budget_is_refused_before_anything_starts():
    cli = Path(sys.executable).parent / "iscm-kg"
    done = subprocess.run([str(cli), "serve", "--cache-mb", "-1"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "--cache-mb" in done.stderr and "Traceback" not in done.stderr
