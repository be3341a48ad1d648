"""Load and soak test of the service: ``python -m bench.load`` (issue 9).

A closed loop of N concurrent clients (threads, loopback only) sends a realistic mix of requests
for a fixed time and then stops by itself: catalogue queries in every result format (half of
them made unique so that the engine evaluates them, half repeated so that the result cache
answers), CONSTRUCT/DESCRIBE, linked-data pages in HTML and RDF, the index and landing pages,
VoID, the health check, a gzipped dump now and then, and some malformed queries and unknown IRIs
(whose 400/404 are expected answers, not errors). Meanwhile the memory of the server's whole
process tree (gunicorn master, workers and the workers' query processes) is sampled.

Without ``--url`` it starts ``iscm-kg serve`` itself on a free loopback port and stops it at the
end. It reports requests, errors (transport failures and unexpected statuses), the 5xx count,
latency percentiles, throughput, peak memory and memory growth, prints them as Markdown and
writes them with ``--output`` (and as JSON with ``--json``). The exit status is 1 when there was
any 5xx or error, or when memory grew past ``--max-growth-mb`` between the first and the last
stretch of the run.

    python -m bench.load                                  # 32 clients, 180 s, 4 workers
    python -m bench.load --clients 64 --duration 300 --output bench/results/load-$(date +%F).md
    python -m bench.load --url http://127.0.0.1:8000 --clients 16 --duration 10
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import random
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

try:
    import psutil
except ImportError:  # pragma: no cover - psutil is in the test extra
    psutil = None

ROOT = Path(__file__).resolve().parent.parent
REQUEST_TIMEOUT = 60.0

RESULT_ACCEPTS = ["application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                  "text/tab-separated-values"]
GRAPH_ACCEPTS = ["text/turtle", "application/ld+json", "application/n-triples", "application/rdf+xml"]
PAGE_ACCEPTS = ["text/html", "text/turtle", "application/ld+json", "application/n-triples"]
MALFORMED = ["SELECT * WHERE { ?s ?p ", "SELEC ?x WHERE {}", "SELECT * WHERE { ?s <unclosed ?o }",
             "ASK { FILTER(?x = ) }", "SELECT (COUNT(*) AS ?n WHERE { ?s ?p ?o }"]


@dataclass
class Request:
    kind: str
    method: str
    path: str
    body: bytes | None = None
    headers: dict = field(default_factory=dict)
    expected: tuple[int, ...] = (200,)


class Mix:
    """The request mix: weights per kind of request, drawn with a seeded RNG per client."""

    def __init__(self, base: str):
        from iscm_kg.catalogue import load_catalogue

        self.catalogue = [q.text for q in load_catalogue(ROOT).values()]
        rows = _select(base, """
            PREFIX iscm: <https://w3id.org/iscm/ontology#>
            SELECT DISTINCT ?x WHERE { { ?x a iscm:InterStateConsultationMechanism } UNION { ?x a iscm:State } }""")
        self.resources = sorted(r for r in rows if r.startswith("https://w3id.org/iscm/id/"))
        if not self.resources:
            raise SystemExit("the server answered no mechanisms or States; is it serving the ISCM graph?")
        self.kinds = [
            (30, self.catalogue_fresh), (20, self.catalogue_repeated), (5, self.construct),
            (18, self.page), (5, self.mechanisms), (3, self.landing), (4, self.query_page),
            (3, self.void), (5, self.health), (1, self.dump), (3, self.malformed), (3, self.unknown),
        ]
        self.total = sum(w for w, _ in self.kinds)

    def draw(self, rng: random.Random) -> Request:
        n = rng.uniform(0, self.total)
        for weight, make in self.kinds:
            n -= weight
            if n <= 0:
                return make(rng)
        return self.kinds[-1][1](rng)

    def _sparql(self, rng: random.Random, kind: str, text: str, accept: str, expected=(200,)) -> Request:
        if rng.random() < 0.5:
            return Request(kind, "GET", "/sparql?" + urllib.parse.urlencode({"query": text}), None,
                           {"Accept": accept}, expected)
        if rng.random() < 0.5:
            return Request(kind, "POST", "/sparql", urllib.parse.urlencode({"query": text}).encode(),
                           {"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"}, expected)
        return Request(kind, "POST", "/sparql", text.encode(),
                       {"Accept": accept, "Content-Type": "application/sparql-query"}, expected)

    def catalogue_fresh(self, rng):  # unique text: a cache miss, evaluated by the engine
        text = f"# load {rng.getrandbits(64):x}\n" + rng.choice(self.catalogue)
        return self._sparql(rng, "catalogue (evaluated)", text, rng.choice(RESULT_ACCEPTS))

    def catalogue_repeated(self, rng):  # the same texts again and again: mostly cache hits
        return self._sparql(rng, "catalogue (cached)", rng.choice(self.catalogue), rng.choice(RESULT_ACCEPTS))

    def construct(self, rng):
        iri = rng.choice(self.resources)
        text = rng.choice([f"DESCRIBE <{iri}>", f"CONSTRUCT {{ <{iri}> ?p ?o }} WHERE {{ <{iri}> ?p ?o }}"])
        return self._sparql(rng, "construct/describe", f"# {rng.getrandbits(32):x}\n" + text, rng.choice(GRAPH_ACCEPTS))

    def page(self, rng):
        path = "/id/" + rng.choice(self.resources).removeprefix("https://w3id.org/iscm/id/")
        return Request("linked data", "GET", path, None, {"Accept": rng.choice(PAGE_ACCEPTS)})

    def mechanisms(self, rng):
        query = rng.choice(["", "?type=rcp", "?region=africa", "?theme=labour-migration", ""])
        return Request("index of mechanisms", "GET", "/mechanisms" + query, None, {"Accept": "text/html"},
                       (200, 400))

    def landing(self, rng):
        return Request("landing page", "GET", rng.choice(["/", "/states", "/organizations", "/sources"]))

    def query_page(self, rng):
        name = rng.choice(sorted(p.stem for p in (ROOT / "queries").glob("*.rq")))
        return Request("query page", "GET", "/query?" + urllib.parse.urlencode({"example": name}))

    def void(self, rng):
        return Request("void", "GET", "/void", None, {"Accept": rng.choice(GRAPH_ACCEPTS)})

    def health(self, rng):
        return Request("health", "GET", "/health")

    def dump(self, rng):
        return Request("dump", "GET", rng.choice(["/dumps/iscm.nq.gz", "/dumps/iscm.trig.gz"]))

    def malformed(self, rng):
        text = rng.choice(MALFORMED) + f" # {rng.getrandbits(32):x}"
        return self._sparql(rng, "malformed query", text, "application/sparql-results+json", (400,))

    def unknown(self, rng):
        return Request("unknown IRI", "GET", f"/id/mechanism/no-such-thing-{rng.randrange(1000)}", None,
                       {"Accept": "text/turtle"}, (404,))


def _select(base: str, query: str) -> list[str]:
    status, body, _ = send(base, Request("setup", "POST", "/sparql", query.encode(),
                                         {"Content-Type": "application/sparql-query",
                                          "Accept": "application/sparql-results+json"}))
    if status != 200:
        raise SystemExit(f"setup query failed with {status}: {body[:300]!r}")
    doc = json.loads(body)
    return [b[doc["head"]["vars"][0]]["value"] for b in doc["results"]["bindings"]]


def send(base: str, req: Request) -> tuple[int, bytes, float]:
    host, port = urllib.parse.urlsplit(base).hostname, urllib.parse.urlsplit(base).port
    started = time.perf_counter()
    conn = http.client.HTTPConnection(host, port, timeout=REQUEST_TIMEOUT)
    try:
        conn.request(req.method, req.path, body=req.body, headers=req.headers)
        resp = conn.getresponse()
        body = resp.read()
        return resp.status, body, time.perf_counter() - started
    finally:
        conn.close()


# -- memory of the server's process tree --------------------------------------------------------------


def server_pid(base: str) -> int | None:
    """The gunicorn master behind a loopback URL: the listening process, or its ``serve`` parent."""
    if psutil is None:
        return None
    port = urllib.parse.urlsplit(base).port
    for conn in psutil.net_connections("tcp"):
        if conn.status == psutil.CONN_LISTEN and conn.laddr.port == port and conn.pid:
            proc = psutil.Process(conn.pid)
            while True:
                parent = proc.parent()
                if parent is None or "serve" not in parent.cmdline():
                    return proc.pid
                proc = parent
    return None


class MemorySampler(threading.Thread):
    """Sum of RSS (and PSS, which counts pages shared after fork once) over the process tree."""

    def __init__(self, pid: int, interval: float = 0.5):
        super().__init__(name="memory-sampler", daemon=True)
        self.pid, self.interval = pid, interval
        self.samples: list[tuple[float, float, float, int]] = []  # (t, rss MB, pss MB, processes)
        self._halt = threading.Event()

    def sample(self) -> tuple[float, float, int] | None:
        try:
            root = psutil.Process(self.pid)
            procs = [root, *root.children(recursive=True)]
        except psutil.Error:
            return None
        rss = pss = 0
        for p in procs:
            try:
                info = p.memory_full_info()
                rss += info.rss
                pss += getattr(info, "pss", info.rss)
            except psutil.Error:
                continue
        return rss / 2**20, pss / 2**20, len(procs)

    def run(self) -> None:
        started = time.monotonic()
        while not self._halt.is_set():
            got = self.sample()
            if got is not None:
                self.samples.append((time.monotonic() - started, *got))
            self._halt.wait(self.interval)

    def stop(self) -> None:
        self._halt.set()
        self.join(5)


# -- the run ---------------------------------------------------------------------------------------------


@dataclass
class Outcome:
    kind: str
    status: int  # 0: transport failure
    seconds: float
    expected: bool


def run_load(base: str, clients: int, duration: float, seed: int = 1) -> tuple[list[Outcome], float]:
    mix = Mix(base)
    outcomes: list[Outcome] = []
    lock = threading.Lock()
    deadline = time.monotonic() + duration

    def client(n: int) -> None:
        rng = random.Random(seed * 1000 + n)
        mine: list[Outcome] = []
        while time.monotonic() < deadline:
            req = mix.draw(rng)
            try:
                status, _, seconds = send(base, req)
            except (OSError, http.client.HTTPException):
                status, seconds = 0, 0.0
            mine.append(Outcome(req.kind, status, seconds, status in req.expected))
        with lock:
            outcomes.extend(mine)

    started = time.monotonic()
    threads = [threading.Thread(target=client, args=(n,), name=f"client-{n}", daemon=True) for n in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(duration + REQUEST_TIMEOUT + 10)
    return outcomes, time.monotonic() - started


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1))))
    return ordered[k]


RESULT_CACHE_MB = 64  # the server's result cache per worker (iscm_kg.web.DEFAULTS["RESULT_CACHE_BYTES"])


def summarize(outcomes: list[Outcome], seconds: float, samples: list, clients: int, duration: float,
              workers: int | None, max_growth_mb: float, cache: bool | None = None) -> dict:
    """``max_growth_mb`` is the bound beyond the result caches: when this tool started the server with
    its cache on, each worker may also fill its cache (up to 64 MB) without that counting as growth."""
    ok = [o.seconds for o in outcomes if o.status and o.expected]
    statuses = Counter(o.status for o in outcomes)
    per_kind: dict[str, list[Outcome]] = defaultdict(list)
    for o in outcomes:
        per_kind[o.kind].append(o)
    summary = {
        "date": date.today().isoformat(), "clients": clients, "duration_s": duration, "workers": workers,
        "cache": cache,
        "elapsed_s": round(seconds, 1), "requests": len(outcomes),
        "throughput_rps": round(len(outcomes) / seconds, 1) if seconds else 0.0,
        "transport_failures": statuses.get(0, 0),
        "server_5xx": sum(n for s, n in statuses.items() if s >= 500),
        "unexpected_status": sum(1 for o in outcomes if o.status and not o.expected),
        "statuses": {str(k): v for k, v in sorted(statuses.items())},
        "latency_ms": {f"p{q}": round(percentile(ok, q) * 1000, 1) for q in (50, 95, 99)}
        | {"max": round(max(ok, default=0) * 1000, 1)},
        "per_kind": {k: {"requests": len(v), "p50_ms": round(percentile([o.seconds for o in v], 50) * 1000, 1),
                         "p95_ms": round(percentile([o.seconds for o in v], 95) * 1000, 1),
                         "p99_ms": round(percentile([o.seconds for o in v], 99) * 1000, 1),
                         "unexpected": sum(1 for o in v if not o.expected)} for k, v in sorted(per_kind.items())},
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
    }
    summary["errors"] = summary["transport_failures"] + summary["unexpected_status"]
    if samples:
        rss = [s[1] for s in samples]
        pss = [s[2] for s in samples]
        n = len(samples)
        early = samples[max(0, n // 10): max(1, n // 5)] or samples[:1]   # after warm-up: 10-20% of the run
        late = samples[-max(1, n // 10):]                                 # the last 10%
        growth = statistics.median(s[1] for s in late) - statistics.median(s[1] for s in early)
        pss_growth = statistics.median(s[2] for s in late) - statistics.median(s[2] for s in early)
        step = max(1, n // 60)
        summary["memory"] = {
            "samples": n, "processes_max": max(s[3] for s in samples),
            "rss_start_mb": round(rss[0], 1), "rss_peak_mb": round(max(rss), 1), "rss_end_mb": round(rss[-1], 1),
            "pss_peak_mb": round(max(pss), 1),
            "growth_mb": round(growth, 1), "pss_growth_mb": round(pss_growth, 1),
            "growth_bound_mb": max_growth_mb + (RESULT_CACHE_MB * workers if cache and workers else 0),
            "series": [[round(t, 1), round(r, 1), round(p, 1), k] for t, r, p, k in samples[::step]],
        }
    summary["passed"] = (summary["server_5xx"] == 0 and summary["errors"] == 0
                         and ("memory" not in summary
                              or summary["memory"]["pss_growth_mb"] <= summary["memory"]["growth_bound_mb"]))
    return summary


def markdown(s: dict) -> str:
    mem = s.get("memory", {})
    lines = [
        f"# Load test, {s['date']}",
        "",
        f"`python -m bench.load --clients {s['clients']} --duration {s['duration_s']:g}"
        + (" --no-cache" if s["cache"] is False else "") + "`"
        + (f" against `iscm-kg serve --workers {s['workers']}" + (" --no-cache" if s["cache"] is False else "") + "`"
           if s["workers"] else "")
        + f" on loopback; {s['machine']['cpus']} CPUs, Python {s['machine']['python']}, {s['machine']['platform']}.",
        "",
        "Closed loop: each client sends its next request when the previous one is answered. Mix: catalogue",
        "queries in every result format (unique texts evaluated by the engine, and repeated ones the result cache",
        "answers), CONSTRUCT/DESCRIBE, linked-data pages in HTML and RDF, index, landing and query pages, VoID,",
        "health, gzipped dumps, and malformed queries and unknown IRIs whose 400/404 are expected.",
        "",
        "| figure | value |",
        "| --- | --- |",
        f"| requests | {s['requests']} in {s['elapsed_s']} s ({s['throughput_rps']} requests/s) |",
        f"| errors (transport failures + unexpected statuses) | {s['errors']} |",
        f"| 5xx | {s['server_5xx']} |",
        f"| statuses | {', '.join(f'{k}: {v}' for k, v in s['statuses'].items())} |",
        f"| latency p50 / p95 / p99 / max | {s['latency_ms']['p50']} / {s['latency_ms']['p95']} / "
        f"{s['latency_ms']['p99']} / {s['latency_ms']['max']} ms |",
    ]
    if mem:
        lines += [
            f"| server memory, RSS summed over {mem['processes_max']} processes (master, workers, query processes) | "
            f"start {mem['rss_start_mb']} MB, peak {mem['rss_peak_mb']} MB, end {mem['rss_end_mb']} MB |",
            f"| server memory, PSS (shared pages counted once) | peak {mem['pss_peak_mb']} MB |",
            f"| memory growth (median of the last 10% of the run minus median of 10-20%) | PSS {mem['pss_growth_mb']} MB, "
            f"RSS {mem['growth_mb']} MB; bound {mem['growth_bound_mb']:g} MB on PSS"
            + (f" ({s['workers']} workers x {RESULT_CACHE_MB} MB result cache + {mem['growth_bound_mb'] - RESULT_CACHE_MB * s['workers']:g} MB)"
               if s["cache"] and s["workers"] else "") + " |",
        ]
    lines += [f"| verdict | {'PASS' if s['passed'] else 'FAIL'} |", "", "## Per kind of request", "",
              "| kind | requests | p50 ms | p95 ms | p99 ms | unexpected |", "| --- | ---: | ---: | ---: | ---: | ---: |"]
    lines += [f"| {k} | {v['requests']} | {v['p50_ms']} | {v['p95_ms']} | {v['p99_ms']} | {v['unexpected']} |"
              for k, v in s["per_kind"].items()]
    return "\n".join(lines) + "\n"


def start_server(workers: int, query_timeout: float, cache: bool = True) -> tuple[subprocess.Popen, str]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    cli = Path(sys.executable).parent / "iscm-kg"
    proc = subprocess.Popen([str(cli), "serve", "--port", str(port), "--workers", str(workers),
                             "--query-timeout", str(query_timeout), *([] if cache else ["--no-cache"])],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if send(base, Request("setup", "GET", "/health"))[0] == 200:
                return proc, base
        except OSError:
            pass
        if proc.poll() is not None:
            raise SystemExit(f"iscm-kg serve exited with {proc.returncode}")
        time.sleep(0.2)
    proc.kill()
    raise SystemExit("iscm-kg serve did not come up in 60 s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="serve nothing, load this server (loopback) instead")
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--duration", type=float, default=180.0, help="seconds")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers of the server it starts")
    parser.add_argument("--query-timeout", type=float, default=10.0, help="of the server it starts")
    parser.add_argument("--no-cache", action="store_true", help="start the server with its result cache off")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--max-growth-mb", type=float, default=32.0,
                        help="fail when memory (PSS) grows more than this between the start and the end of the run, "
                             "beyond what the result caches of a server started here may hold (64 MB per worker)")
    parser.add_argument("--output", type=Path, help=f"write the Markdown report (e.g. bench/results/load-{date.today()}.md)")
    parser.add_argument("--json", type=Path, help="write the figures as JSON")
    args = parser.parse_args(argv)

    proc = None
    if args.url:
        base, workers = args.url.rstrip("/"), None
        host = urllib.parse.urlsplit(base).hostname
        if host not in ("127.0.0.1", "localhost", "::1"):
            parser.error("--url must be a loopback address: this tool only loads servers on this machine")
    else:
        proc, base = start_server(args.workers, args.query_timeout, cache=not args.no_cache)
        workers = args.workers
    try:
        pid = proc.pid if proc is not None else server_pid(base)
        sampler = MemorySampler(pid) if (pid and psutil is not None) else None
        if sampler:
            sampler.start()
        outcomes, seconds = run_load(base, args.clients, args.duration, args.seed)
        if sampler:
            sampler.stop()
        summary = summarize(outcomes, seconds, sampler.samples if sampler else [], args.clients, args.duration,
                            workers, args.max_growth_mb, None if args.url else not args.no_cache)
    finally:
        if proc is not None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                proc.kill()
    text = markdown(summary)
    print(text)
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text, encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return 0 if summary["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())
