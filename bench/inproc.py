"""A worker process that runs queries in-process on pyoxigraph or on rdflib's own engine.

``python -m bench.inproc ENGINE FILE.nq`` loads the N-Quads, writes one JSON line
``{"ready": …}`` to stdout, then answers JSON-line requests from stdin:

    {"text": …, "form": "SELECT", "gc": {…}, "reps": 10, "budget": 1.0, "limit": 10.0}

with ``{"answer": canonical answer of the first run, "times": [seconds, …]}`` or
``{"error": …}`` / ``{"timeout": seconds}``. Times are taken in this process around the
engine call and the full materialisation of its answer (``list(...)``), nothing else: the
engine's own latency. The first run is the correctness check and is not timed unless it alone
used up the time budget; then it is the only sample. rdflib is pure Python, so a query past
``limit`` is interrupted by SIGALRM and the worker lives on; pyoxigraph is stopped by the
harness killing the worker (it never needs to on this workload).

The engines are run in their own process so that a runaway query can be bounded and their
memory measured like the servers'.
"""

from __future__ import annotations

import json
import signal
import sys
import time


class _Timeout(Exception):
    pass


def _alarm(_signum, _frame):
    raise _Timeout()


def load(engine: str, path: str):
    if engine == "pyoxigraph":
        import pyoxigraph as ox

        store = ox.Store()
        store.bulk_load(path=path, format=ox.RdfFormat.N_QUADS)
        # The default graph is the RDF merge of the named graphs, materialized as the service does:
        # Oxigraph 0.5's union-default-graph mode repeats a triple once per graph holding it.
        store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
        return store
    if engine == "rdflib":
        from rdflib import Dataset

        ds = Dataset(default_union=True)
        ds.parse(path, format="nquads")
        return ds
    raise SystemExit(f"unknown engine {engine!r}")


def execute(engine: str, db, text: str) -> tuple[str, object]:
    """Run the query and materialise the whole answer; (kind, rows | triples | bool, variables)."""
    if engine == "pyoxigraph":
        import pyoxigraph as ox

        result = db.query(text)
        if isinstance(result, ox.QueryBoolean):
            return "ASK", bool(result), []
        if isinstance(result, ox.QuerySolutions):
            variables = [v.value for v in result.variables]
            return "SELECT", [tuple(row) for row in result], variables
        return "GRAPH", [(t.subject, t.predicate, t.object) for t in result], []
    result = db.query(text)
    if result.type == "ASK":
        return "ASK", bool(result.askAnswer), []
    if result.type == "SELECT":
        variables = [str(v) for v in result.vars]
        return "SELECT", [tuple(row) for row in result], variables
    return "GRAPH", [tuple(t) for t in result], []


def canonical(engine: str, kind: str, payload, variables, gc: dict):
    from .canon import Answer, ox_term, rdflib_term

    term = ox_term if engine == "pyoxigraph" else rdflib_term
    if kind == "ASK":
        return Answer.ask(payload)
    if kind == "SELECT":
        return Answer.select(variables, [tuple(term(t) for t in row) for row in payload], gc)
    return Answer.graph([tuple(term(t) for t in triple) for triple in payload])


def timed(engine: str, db, text: str, limit: float):
    if engine == "rdflib":
        signal.setitimer(signal.ITIMER_REAL, limit)
    try:
        started = time.perf_counter()
        out = execute(engine, db, text)
        return time.perf_counter() - started, out
    finally:
        if engine == "rdflib":
            signal.setitimer(signal.ITIMER_REAL, 0)


def handle(engine: str, db, request: dict) -> dict:
    limit = float(request.get("limit", 60))
    try:
        first, (kind, payload, variables) = timed(engine, db, request["text"], limit)
    except _Timeout:
        return {"timeout": limit}
    except Exception as exc:  # noqa: BLE001 - the engine's own failure is the finding
        return {"error": f"{type(exc).__name__}: {exc}"[:500]}
    answer = canonical(engine, kind, payload, variables, request.get("gc") or {})
    payload = None
    reps, budget = int(request.get("reps", 5)), float(request.get("budget", 1.0))
    times: list[float] = []
    if first >= budget or reps <= 0:
        times = [first]
    else:
        spent = 0.0
        min_reps = min(3, reps)
        while len(times) < reps and (len(times) < min_reps or spent < budget):
            try:
                seconds, _ = timed(engine, db, request["text"], limit)
            except _Timeout:
                break
            times.append(seconds)
            spent += seconds
    return {"answer": answer.to_json(), "times": times, "first": first}


def main(argv: list[str]) -> None:
    engine, path = argv[0], argv[1]
    signal.signal(signal.SIGALRM, _alarm)
    sys.setrecursionlimit(10000)  # rdflib's evaluator recurses deeply on long joins
    started = time.perf_counter()
    db = load(engine, path)
    out = sys.stdout
    out.write(json.dumps({"ready": True, "load_seconds": time.perf_counter() - started}) + "\n")
    out.flush()
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        if request.get("op") == "quit":
            break
        out.write(json.dumps(handle(engine, db, request)) + "\n")
        out.flush()


if __name__ == "__main__":
    main(sys.argv[1:])
