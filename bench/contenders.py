"""The contenders: each serves (or holds) the same N-Quads and answers the same queries.

In-process engines run in a worker process (``bench.inproc``) that times its own engine calls;
servers run as processes of their own on a free loopback port and are timed by the harness over
HTTP (POST ``application/sparql-query``, a new connection per request, the body read in full).
Every process a contender starts belongs to its own process group and is stopped with it.
"""

from __future__ import annotations

import http.client
import json
import os
import select
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from . import procs
from .canon import Answer, json_term, ox_term
from .workload import Query

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


@dataclass
class Outcome:
    """What one contender did with one query."""

    answer: Answer | None = None
    times: list[float] = field(default_factory=list)
    error: str | None = None
    timeout: float | None = None
    note: str | None = None


class Contender:
    name = "?"
    label = "?"
    kind = "?"  # "in-process" or "HTTP"

    def __init__(self, data: Path, root: Path, workdir: Path, limit: float):
        self.data, self.root, self.workdir, self.limit = data, root, workdir, limit
        self.sampler: procs.MemorySampler | None = None
        self.peak_rss = self.peak_pss = self.max_procs = 0
        self.cpu_seconds = 0.0  # CPU used by the contender's processes, over all its starts
        self.prepare_seconds: float | None = None
        self.notes: list[str] = []

    def missing(self) -> str | None:
        """Why this contender cannot run here (not installed), or None."""
        return None

    def prepare(self) -> None:
        """One-time work before the first start (e.g. loading a persistent store)."""

    def start(self, probe: Query, expected: Answer) -> float:
        """Start, and return the seconds from process start to the first correct answer to ``probe``."""
        raise NotImplementedError

    def run(self, query: Query, reps: int, budget: float, limit: float | None = None) -> Outcome:
        """Check run, then timed runs; ``limit`` bounds each run (default: the contender's)."""
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError

    def _track(self, pid: int) -> None:
        self.sampler = procs.MemorySampler(pid)

    def _untrack(self) -> None:
        if self.sampler is not None:
            self.sampler.stop()
            self.peak_rss = max(self.peak_rss, self.sampler.peak_rss)
            self.peak_pss = max(self.peak_pss, self.sampler.peak_pss)
            self.max_procs = max(self.max_procs, self.sampler.max_procs)
            self.cpu_seconds += sum(self.sampler.cpu.values())
            self.sampler = None


# -- in-process engines ---------------------------------------------------------------------------

class InProcess(Contender):
    kind = "in-process"
    engine = "?"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.proc: subprocess.Popen | None = None
        self.load_seconds: float | None = None

    def _spawn(self, wait: float = 900) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "bench.inproc", self.engine, str(self.data)], cwd=REPO,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=open(self.workdir / f"{self.name}.log", "ab"),
            start_new_session=True, preexec_fn=procs.die_with_parent, text=True, bufsize=1)
        self._track(self.proc.pid)
        ready = self._read(wait)
        if not ready or not ready.get("ready"):
            raise RuntimeError(f"{self.name}: the worker did not start (see {self.workdir / (self.name + '.log')})")
        self.load_seconds = ready["load_seconds"]

    def _read(self, seconds: float) -> dict | None:
        assert self.proc is not None and self.proc.stdout is not None
        ready, _, _ = select.select([self.proc.stdout], [], [], seconds)
        if not ready:
            return None
        line = self.proc.stdout.readline()
        return json.loads(line) if line else None

    def _ask(self, query: Query, reps: int, budget: float, limit: float | None = None) -> Outcome:
        assert self.proc is not None and self.proc.stdin is not None
        limit = limit or self.limit
        request = {"text": query.text, "form": query.form, "gc": query.gc, "reps": reps, "budget": budget,
                   "limit": limit}
        self.proc.stdin.write(json.dumps(request) + "\n")
        self.proc.stdin.flush()
        # the worker bounds each run itself; this is the backstop for an engine that cannot be interrupted
        reply = self._read(limit * 2 + budget + 30)
        if reply is None:
            self._restart()
            return Outcome(timeout=limit, note="worker killed")
        if "timeout" in reply:
            return Outcome(timeout=reply["timeout"])
        if "error" in reply:
            return Outcome(error=reply["error"])
        return Outcome(Answer.from_json(reply["answer"]), reply["times"])

    def _restart(self) -> None:
        self.stop()
        self._spawn()

    def start(self, probe: Query, expected: Answer) -> float:
        from .canon import compare

        started = time.perf_counter()
        self._spawn()
        outcome = self._ask(probe, 0, 0)
        cold = time.perf_counter() - started
        if outcome.answer is None or compare(expected, outcome.answer):
            raise RuntimeError(f"{self.name}: wrong or no answer to the cold-start probe")
        return cold

    def run(self, query: Query, reps: int, budget: float, limit: float | None = None) -> Outcome:
        return self._ask(query, reps, budget, limit)

    def stop(self) -> None:
        if self.proc is not None:
            self._untrack()  # the last sample while the worker still runs (its CPU time included)
            try:
                if self.proc.poll() is None and self.proc.stdin is not None:
                    self.proc.stdin.write(json.dumps({"op": "quit"}) + "\n")
                    self.proc.stdin.flush()
                    self.proc.wait(5)
            except (OSError, subprocess.TimeoutExpired, ValueError):
                pass
            procs.stop(self.proc, grace=2)
            for stream in (self.proc.stdin, self.proc.stdout):
                try:
                    stream and stream.close()
                except OSError:
                    pass
            self.proc = None


class PyOxigraph(InProcess):
    name, label, engine = "pyoxigraph", "pyoxigraph in-process", "pyoxigraph"


class RdflibInProcess(InProcess):
    name, label, engine = "rdflib", "rdflib in-process", "rdflib"


# -- HTTP servers -------------------------------------------------------------------------------------

def http_post(port: int, path: str, text: str, accept: str, timeout: float) -> tuple[int, str, bytes, float]:
    """One SPARQL query over a new connection; (status, content type, body, seconds)."""
    started = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("POST", path, body=text.encode("utf-8"),
                     headers={"Content-Type": "application/sparql-query", "Accept": accept})
        resp = conn.getresponse()
        body = resp.read()
        seconds = time.perf_counter() - started
        return resp.status, resp.getheader("Content-Type", ""), body, seconds
    finally:
        conn.close()


def parse_answer(query: Query, ctype: str, body: bytes) -> tuple[Answer, str | None]:
    """The canonical answer in an HTTP response body, and a note when the response is irregular."""
    media = ctype.split(";")[0].strip().lower()
    note = None
    if query.form == "GRAPH":
        fmt = {"application/n-triples": ox.RdfFormat.N_TRIPLES, "text/plain": ox.RdfFormat.N_TRIPLES,
               "text/turtle": ox.RdfFormat.TURTLE, "application/rdf+xml": ox.RdfFormat.RDF_XML,
               "application/n-quads": ox.RdfFormat.N_QUADS}.get(media)
        if fmt is None and b"rdf:RDF" in body[:2000]:
            fmt, note = ox.RdfFormat.RDF_XML, f"answered DESCRIBE with RDF/XML labelled {media}"
        if fmt is None:
            raise ValueError(f"a graph answer in {media!r}")
        triples = [(ox_term(t.subject), ox_term(t.predicate), ox_term(t.object)) for t in ox.parse(body, format=fmt)]
        return Answer.graph(triples), note
    if media in ("application/sparql-results+json", "application/json"):
        data = json.loads(body)
        if "boolean" in data:
            return Answer.ask(data["boolean"]), None
        variables = data["head"]["vars"]
        rows = [tuple(json_term(b.get(v)) for v in variables) for b in data["results"]["bindings"]]
        return Answer.select(variables, rows, query.gc), None
    if media in ("application/sparql-results+xml", "application/xml"):
        result = ox.parse_query_results(body, format=ox.QueryResultsFormat.XML)
        if isinstance(result, ox.QueryBoolean):
            return Answer.ask(bool(result)), None
        variables = [v.value for v in result.variables]
        return Answer.select(variables, [tuple(ox_term(row[v]) for v in variables) for row in result], query.gc), None
    raise ValueError(f"results in {media!r}")


class HttpServer(Contender):
    kind = "HTTP"
    path = "/sparql"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.proc: subprocess.Popen | None = None
        self.port = 0

    def command(self, port: int) -> list[str]:
        raise NotImplementedError

    def env(self) -> dict:
        return dict(os.environ)

    def _launch(self) -> None:
        self.port = procs.free_port()
        self.proc = procs.start(self.command(self.port), self.workdir / f"{self.name}.log", env=self.env(), cwd=self.workdir)
        self._track(self.proc.pid)

    def _probe(self, probe: Query, expected: Answer) -> bool:
        from .canon import compare

        if self.proc is not None and self.proc.poll() is not None:
            raise RuntimeError(f"{self.name} exited with {self.proc.returncode} (see {self.workdir / (self.name + '.log')})")
        try:
            status, ctype, body, _ = http_post(self.port, self.path, probe.text, probe.accept, 60)
        except OSError:
            return False
        if status in (400, 404, 405, 406, 415):  # answering, but not to this protocol: no use waiting
            raise RuntimeError(f"{self.name} answered the probe with HTTP {status}: {body[:200]!r}")
        if status != 200:
            return False
        try:
            answer, _ = parse_answer(probe, ctype, body)
        except ValueError:
            return False
        return compare(expected, answer) is None

    def start(self, probe: Query, expected: Answer, wait: float = 600) -> float:
        started = time.perf_counter()
        self._launch()
        if not procs.wait_until(lambda: self._probe(probe, expected), wait):
            raise RuntimeError(f"{self.name}: no correct answer within {wait:g} s")
        return time.perf_counter() - started

    def _restart(self, probe: Query | None = None, expected: Answer | None = None) -> None:
        self.stop()
        self._launch()
        ok = procs.wait_until(lambda: _listening(self.port), 600, 0.1)
        if not ok:
            raise RuntimeError(f"{self.name}: did not come back after a restart")

    def request(self, text: str, accept: str, timeout: float) -> tuple[int, str, bytes, float]:
        return http_post(self.port, self.path, text, accept, timeout)

    def run(self, query: Query, reps: int, budget: float, limit: float | None = None) -> Outcome:
        limit = limit or self.limit
        try:
            status, ctype, body, first = self.request(query.text, query.accept, limit)
        except (socket.timeout, TimeoutError):
            self._restart()  # a server still busy with the query would distort what follows
            return Outcome(timeout=limit)
        except OSError as exc:
            return Outcome(error=f"{type(exc).__name__}: {exc}")
        if status != 200:
            return Outcome(error=f"HTTP {status}: {body[:300].decode('utf-8', 'replace').strip()}")
        try:
            answer, note = parse_answer(query, ctype, body)
        except (ValueError, SyntaxError, KeyError) as exc:
            return Outcome(error=f"unreadable answer: {exc}"[:300])
        times: list[float] = []
        if first >= budget or reps <= 0:
            times = [first]
        else:
            spent, min_reps = 0.0, min(3, reps)
            while len(times) < reps and (len(times) < min_reps or spent < budget):
                try:
                    status, _, _, seconds = self.request(query.text, query.accept, limit)
                except OSError:
                    break
                if status != 200:
                    break
                times.append(seconds)
                spent += seconds
        return Outcome(answer, times, note=note)

    def stop(self) -> None:
        if self.proc is not None:
            self._untrack()
            procs.stop(self.proc)
            self.proc = None


def _listening(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


class Service(HttpServer):
    name = "service"
    cache = True

    def __init__(self, *args, workers: int = 4, **kwargs):
        super().__init__(*args, **kwargs)
        self.workers = workers
        self.label = f"iscm-kg serve ({workers} workers{'' if self.cache else ', --no-cache'})"

    def command(self, port: int) -> list[str]:
        cmd = [str(BIN / "iscm-kg"), "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", str(self.workers),
               "--query-timeout", f"{self.limit:g}", "--timeout", str(int(self.limit) + 30)]
        return cmd + ([] if self.cache else ["--no-cache"])

    def env(self) -> dict:
        return {**os.environ, "ISCM_KG_ROOT": str(self.root)}


class ServiceNoCache(Service):
    name = "service-nocache"
    cache = False


class OxigraphServer(HttpServer):
    name, label, path = "oxigraph-server", "Oxigraph server (serve-read-only)", "/query"

    def binary(self) -> str | None:
        found = BIN / "oxigraph"
        return str(found) if found.is_file() else shutil.which("oxigraph")

    def missing(self) -> str | None:
        return None if self.binary() else "the `oxigraph` server is not installed (pip install oxigraph)"

    def prepare(self) -> None:
        location = self.workdir / "oxigraph-store"
        if location.exists():
            shutil.rmtree(location)
        started = time.perf_counter()
        log = open(self.workdir / f"{self.name}.log", "ab")
        subprocess.run([self.binary(), "load", "--location", str(location), "--file", str(self.data)], check=True,
                       stdout=subprocess.DEVNULL, stderr=log, timeout=1800)
        # The default graph holds the merge of the named graphs, as in the service: the server's
        # --union-default-graph repeats a triple once per graph holding it (oxigraph#1919).
        subprocess.run([self.binary(), "update", "--location", str(location), "--update",
                        "INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"], check=True,
                       stdout=subprocess.DEVNULL, stderr=log, timeout=1800)
        self.prepare_seconds = time.perf_counter() - started

    def command(self, port: int) -> list[str]:
        return [self.binary(), "serve-read-only", "--location", str(self.workdir / "oxigraph-store"),
                "--bind", f"127.0.0.1:{port}", "--timeout-s", f"{int(self.limit)}"]


class RdflibEndpoint(HttpServer):
    name, label, path = "rdflib-endpoint", "rdflib-endpoint (uvicorn)", "/"  # its CLI serves SPARQL at /

    def missing(self) -> str | None:
        try:
            import rdflib_endpoint  # noqa: F401
            import uvicorn  # noqa: F401
        except ImportError:
            return "rdflib-endpoint is not installed (pip install -e '.[bench]')"
        return None

    def command(self, port: int) -> list[str]:
        exe = BIN / "rdflib-endpoint"
        base = [str(exe)] if exe.is_file() else [sys.executable, "-m", "rdflib_endpoint"]
        return base + ["serve", str(self.data), "--host", "127.0.0.1", "--port", str(port)]


ALL = {c.name: c for c in (PyOxigraph, RdflibInProcess, Service, ServiceNoCache, OxigraphServer, RdflibEndpoint)}
