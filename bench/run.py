"""The harness: prepare each scale's data, run every contender on it, write the results."""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

from . import procs, synth
from .canon import Answer, compare
from .contenders import ALL, REPO, Contender, HttpServer, Outcome, PyOxigraph
from .loadgen import run_load
from .machine import describe
from .workload import ANALYTIC, COLD_START_PROBE, Query, load_workload, mixed_sequence

RESULTS = Path(__file__).resolve().parent / "results"

# Repetitions and limits per scale, chosen so that 1x and 10x together take under 15 minutes on
# a 2-core machine: each query is run once as the correctness check, then timed up to `reps`
# times or until `budget` seconds are spent on it (at least 3 runs unless one run alone used the
# budget). `limit` bounds any single query; `mix_cap` keeps out of the throughput mix the queries
# that rdflib's engine needs longer than that for (see README).
SETTINGS = {
    1: {"reps": 20, "budget": 1.0, "limit": 5.0, "analytic_limit": 5.0, "load_requests": 1000, "window": 4.0,
        "mix_cap": 1.0},
    10: {"reps": 10, "budget": 1.5, "limit": 10.0, "analytic_limit": 30.0, "load_requests": 600, "window": 4.0,
         "mix_cap": 1.0},
    100: {"reps": 5, "budget": 3.0, "limit": 30.0, "analytic_limit": 60.0, "load_requests": 300, "window": 8.0,
          "mix_cap": 3.0},
}
SMOKE = {"reps": 3, "budget": 0.5, "limit": 10.0, "analytic_limit": 10.0, "load_requests": 20, "window": 2.0,
         "mix_cap": 1.0}
LEVELS = (1, 4, 16)
WORKLOADS = ("repeat", "unique")
ORDER = ("pyoxigraph", "rdflib", "service", "service-nocache", "oxigraph-server", "rdflib-endpoint")


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def p95(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def build_real(project_root: Path) -> list:
    """The real graph exactly as `iscm-kg build` would write it, without touching dist/."""
    from iscm_kg.loading import graph_files, load_store

    quads = list(load_store(graph_files(project_root)))
    quads.sort(key=str)
    return quads


def reference_answer(dist: Path, query: Query) -> Answer:
    """The probe's answer computed here, so that every contender's cold start can be checked."""
    from .inproc import canonical, execute, load

    kind, payload, variables = execute("pyoxigraph", load("pyoxigraph", str(dist)), query.text)
    return canonical("pyoxigraph", kind, payload, variables, query.gc)


def cell(outcome: Outcome, reference: Answer | None) -> dict:
    """The latency-table entry for one contender and query."""
    if outcome.timeout is not None:
        return {"status": "timeout", "bound": outcome.timeout, "detail": outcome.note or f"over {outcome.timeout:g} s"}
    if outcome.error is not None:
        return {"status": "error", "detail": outcome.error}
    if reference is None:
        return {"status": "error", "detail": "no reference answer"}
    diff = compare(reference, outcome.answer)
    if diff:
        return {"status": "mismatch", "detail": diff}
    out = {"status": "ok", "median": statistics.median(outcome.times), "p95": p95(outcome.times),
           "n": len(outcome.times), "rows": outcome.answer.size()}
    if outcome.note:
        out["note"] = outcome.note
    return out


def run_scale(scale: int, args, workload: list[Query], probe: Query, real_quads: list, work: Path,
              history: dict) -> dict:
    settings = dict(SMOKE if args.smoke else SETTINGS[scale])
    started = time.perf_counter()
    result: dict = {"scale": scale, "settings": settings, "contenders": {}, "latency": {}, "throughput": {},
                    "queries": [], "mix": [], "shacl": None}
    scale_dir = work / f"{scale}x"
    scale_dir.mkdir(parents=True, exist_ok=True)

    log(f"{scale}x: generating the graph")
    t = time.perf_counter()
    quads = synth.synthesize(real_quads, scale)
    root = scale_dir / "root"
    dist = synth.make_root(quads, root, REPO)
    result.update(quads=len(quads), copies=synth.copies_for(real_quads, scale), prepare_seconds=time.perf_counter() - t)
    del quads
    log(f"{scale}x: {result['quads']} quads ({result['copies']} copies) in {result['prepare_seconds']:.1f} s")
    probe_answer = reference_answer(dist, probe)
    result["load_average_start"] = os.getloadavg()

    names = [n for n in ORDER if n in args.contenders]
    if "pyoxigraph" not in names:
        names.insert(0, "pyoxigraph")
    reference: dict[str, Answer | None] = {}
    latency: dict[str, dict[str, dict]] = {q.name: {} for q in workload}
    result["latency"] = latency

    for name in names:
        cls = ALL[name]
        kwargs = {"workers": args.workers} if name.startswith("service") else {}
        server_limit = max(settings["limit"], settings["analytic_limit"])
        contender: Contender = cls(dist, root, scale_dir, server_limit, **kwargs)
        info = {"label": contender.label, "kind": contender.kind}
        result["contenders"][name] = info
        reason = contender.missing()
        if not reason and args.wait_idle > 0:
            waited, busy = procs.wait_idle(args.wait_idle)
            info["background_cpu"] = busy
            if waited > 2:
                log(f"{scale}x: waited {waited:.0f} s for other work to leave the CPUs (now {100 * (busy or 0):.0f}% busy)")
        if reason:
            info.update(status="missing", reason=reason)
            log(f"{scale}x: {name}: skipped, {reason}")
            continue
        account = procs.CpuAccount()
        paired: PyOxigraph | None = None
        try:
            contender.prepare()
            if contender.prepare_seconds is not None:
                info["prepare_seconds"] = contender.prepare_seconds
            cold = contender.start(probe, probe_answer)
            info.update(status="ok", cold_start=cold)
            if getattr(contender, "load_seconds", None) is not None:
                info["load_seconds"] = contender.load_seconds
            log(f"{scale}x: {name}: first correct answer {cold:.2f} s after process start")
            if name.startswith("service"):
                # The latency target is a ratio to pyoxigraph in-process: measure the engine again
                # right after each query of the service, so that drift in the machine's speed
                # between contenders (minutes apart) does not land on the ratio.
                paired = PyOxigraph(dist, root, scale_dir, server_limit)
                paired.start(probe, probe_answer)
            for query in workload:
                skip = _skip(name, query, latency, history)
                if skip is not None:
                    latency[query.name][name] = skip
                    continue
                limit = settings["analytic_limit"] if query.analytic else settings["limit"]
                outcome = contender.run(query, settings["reps"], settings["budget"], limit)
                if isinstance(contender, PyOxigraph):
                    reference[query.name] = outcome.answer
                    if outcome.answer is None:
                        log(f"{scale}x: the reference failed on {query.name}: {outcome.error or outcome.timeout}")
                entry = cell(outcome, reference.get(query.name))
                if paired is not None and entry["status"] == "ok":
                    again = cell(paired.run(query, settings["reps"], settings["budget"], limit), reference.get(query.name))
                    if again["status"] == "ok":
                        entry["paired_reference"] = again["median"]
                latency[query.name][name] = entry
                if entry["status"] != "ok":
                    log(f"{scale}x: {name}: {query.name}: {entry['status']}: {entry.get('detail', '')[:200]}")
            if isinstance(contender, HttpServer) and not args.no_throughput:
                if not result["mix"]:
                    result["mix"] = _mix(workload, latency, settings)
                result["throughput"][name] = _throughput(contender, workload, result["mix"], settings, args)
        except Exception as exc:  # noqa: BLE001 - one contender failing must not lose the others' results
            info.update(status="failed", reason=f"{type(exc).__name__}: {exc}"[:500])
            log(f"{scale}x: {name}: failed: {exc}")
        finally:
            contender.stop()
            paired_cpu = 0.0
            if paired is not None:
                paired.stop()
                paired_cpu = paired.cpu_seconds
            info.update(peak_rss=contender.peak_rss, peak_pss=contender.peak_pss, max_procs=contender.max_procs)
            info["other_cpu"] = account.other_fraction(contender.cpu_seconds + paired_cpu)
            if (info["other_cpu"] or 0) > 0.25:
                log(f"{scale}x: {name}: other work used {100 * info['other_cpu']:.0f}% of the CPUs meanwhile; "
                    "its figures are disturbed")
            if contender.notes:
                info["notes"] = contender.notes
            log(f"{scale}x: {name}: peak memory {contender.peak_rss / 2**20:.0f} MB RSS, "
                f"{contender.peak_pss / 2**20:.0f} MB PSS over {contender.max_procs} process(es)")

    result["queries"] = [{"name": q.name, "title": q.title, "analytic": q.analytic, "form": q.form,
                          "rows": reference[q.name].size() if reference.get(q.name) else None} for q in workload]
    if not args.no_shacl:
        result["shacl"] = _shacl(scale, root, scale_dir, real_quads, settings)
    result["load_average_end"] = os.getloadavg()
    result["elapsed"] = time.perf_counter() - started
    if not args.keep_temp:
        shutil.rmtree(scale_dir, ignore_errors=True)
    return result


def _skip(name: str, query: Query, latency: dict, history: dict) -> dict | None:
    """Runs not worth making: rdflib's engine on a query it already could not finish in time."""
    if name not in ("rdflib", "rdflib-endpoint"):
        return None
    earlier = history.get(("rdflib", query.name))
    if earlier is not None and not query.analytic:  # analytic queries are measured at every scale
        return {"status": "timeout", "bound": earlier, "inferred": True,
                "detail": f"rdflib's engine needed over {earlier:g} s at a smaller scale; not run again"}
    if name == "rdflib-endpoint":
        own = latency[query.name].get("rdflib")
        if own and own["status"] == "timeout":
            return {"status": "timeout", "bound": own["bound"], "inferred": True,
                    "detail": f"rdflib's engine needed over {own['bound']:g} s in-process; not sent"}
    return None


def _mix(workload: list[Query], latency: dict, settings: dict) -> list[str]:
    """The throughput mix: queries with a reference answer that rdflib's engine (when measured)
    answers correctly within ``mix_cap`` seconds, so every server is sent the same requests."""
    mix = []
    for q in workload:
        entries = latency[q.name]
        if entries.get("pyoxigraph", {}).get("status") != "ok":
            continue
        rd = entries.get("rdflib")
        if rd is not None and (rd["status"] != "ok" or rd["median"] > settings["mix_cap"]):
            continue
        mix.append(q.name)
    return mix or [q.name for q in workload if latency[q.name].get("pyoxigraph", {}).get("status") == "ok"]


def _throughput(contender: HttpServer, workload: list[Query], mix: list[str], settings: dict, args) -> dict:
    chosen = [q for q in workload if q.name in mix]
    levels = (1, 4) if args.smoke else LEVELS
    out: dict = {}
    for kind in WORKLOADS:
        sequence = mixed_sequence(chosen, settings["load_requests"], seed=synth.SEED, unique=(kind == "unique"))
        out[kind] = {}
        for clients in levels:
            r = run_load(contender.port, contender.path, sequence, clients, settings["window"], contender.limit * 3)
            out[kind][str(clients)] = {"qps": r.qps, "completed": r.completed, "errors": r.errors, "seconds": r.seconds,
                                       "median_latency": statistics.median(r.latencies) if r.latencies else None}
            log(f"    {contender.name} {kind} x{clients}: {r.qps:.1f} q/s ({r.completed} ok, {r.errors} errors, "
                f"{r.seconds:.1f} s)")
    return out


def _shacl(scale: int, root: Path, scale_dir: Path, real_quads: list, settings: dict) -> dict:
    """Validation of the whole graph and of a 1,000-triple contribution, in a process of its own.
    At 1x the project's own files are validated, at larger scales the synthetic root's."""
    target = REPO if scale == 1 else root
    contribution = scale_dir / "bench-contribution.ttl"
    triples = synth.contribution(contribution, real_quads)
    log(f"{scale}x: SHACL validation of the whole graph and of a {triples}-triple contribution")
    try:
        command = ["--command"] if scale == 1 else []  # the command checks against the project's own graph
        done = subprocess.run([sys.executable, "-m", "bench.shacl", str(target), str(contribution), *command], cwd=REPO,
                              capture_output=True, text=True, timeout=min(1800, max(600, 120 * scale)))
        data = json.loads(done.stdout.strip().splitlines()[-1])
    except (subprocess.TimeoutExpired, ValueError, IndexError) as exc:
        return {"error": f"{type(exc).__name__}: {exc}"[:300]}
    data["contribution_triples"] = triples
    log(f"{scale}x: SHACL whole graph {data['whole']['seconds']:.1f} s, contribution "
        f"{data['contribution']['seconds']:.2f} s")
    return data


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    p.add_argument("--scale", type=int, default=10, choices=(1, 10, 100),
                   help="largest scale to run: 1 (the real graph only), 10 (default: 1x and 10x) or 100 (1x, 10x, 100x)")
    p.add_argument("--contenders", default=",".join(ORDER),
                   help=f"comma-separated subset of {','.join(ORDER)} (pyoxigraph, the reference, always runs)")
    p.add_argument("--queries", default=None, help="comma-separated query names (default: the whole workload)")
    p.add_argument("--workers", type=int, default=4, help="gunicorn workers of the service (default 4)")
    p.add_argument("--out", type=Path, default=RESULTS, help="where results go (default bench/results)")
    p.add_argument("--no-shacl", action="store_true", help="skip the SHACL validation timings")
    p.add_argument("--no-throughput", action="store_true", help="skip the concurrent-client runs")
    p.add_argument("--no-plot", action="store_true", help="write no SVG")
    p.add_argument("--smoke", action="store_true", help="few repetitions, short throughput runs (for the test suite)")
    p.add_argument("--keep-temp", action="store_true", help="keep the generated graphs and server logs")
    p.add_argument("--wait-idle", type=float, default=90, metavar="SECONDS",
                   help="before each contender, wait up to this long for the CPUs to be idle (default 90; 0: never)")
    args = p.parse_args(argv)
    args.contenders = [c.strip() for c in args.contenders.split(",") if c.strip()]
    unknown = [c for c in args.contenders if c not in ALL]
    if unknown:
        p.error(f"unknown contenders: {', '.join(unknown)}")
    args.queries = [q.strip() for q in args.queries.split(",")] if args.queries else None
    return args


def _interrupt(_signum, _frame):
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    from . import report

    args = parse_args(argv)
    signal.signal(signal.SIGTERM, _interrupt)  # stop every server started so far, as on Ctrl-C
    scales = [s for s in (1, 10, 100) if s <= args.scale]
    started = time.perf_counter()
    date = datetime.now(timezone.utc).strftime("%Y-%m-%d")
    work = Path(tempfile.mkdtemp(prefix="iscm-bench-"))
    os.environ.pop("ISCM_KG_ROOT", None)  # the project itself is the 1x source; the service is pointed per scale
    try:
        log(f"building the real graph from {REPO}")
        real_quads = build_real(REPO)
        real_nq = work / "real.nq"
        import pyoxigraph as ox

        ox.serialize(real_quads, output=str(real_nq), format=ox.RdfFormat.N_QUADS)
        workload = load_workload(REPO, real_nq, args.queries)
        probe = next(q for q in load_workload(REPO, real_nq, [COLD_START_PROBE]))
        log(f"workload: {len(workload)} queries ({sum(q.analytic for q in workload)} analytic); "
            f"contenders: {', '.join(args.contenders)}")
        machine = describe()
        history: dict = {}
        runs: list[dict] = []
        for scale in scales:
            result = run_scale(scale, args, workload, probe, real_quads, work, history)
            result["machine"] = machine
            result["date"] = date
            result["command"] = "python -m bench " + " ".join(argv if argv is not None else sys.argv[1:])
            for qname, entries in result["latency"].items():
                rd = entries.get("rdflib")
                if rd and rd["status"] == "timeout":
                    history.setdefault(("rdflib", qname), rd["bound"])
            runs.append(result)
            paths = report.write(runs, args.out, plot=not args.no_plot)
            log(f"{scale}x done in {result['elapsed']:.0f} s: {', '.join(str(p) for p in paths)}")
        verdicts = report.targets(runs)
        print()
        for line in report.target_lines(verdicts):
            print(line)
        log(f"finished in {time.perf_counter() - started:.0f} s")
        failed = [n for r in runs for n, c in r["contenders"].items() if c.get("status") == "failed"]
        mismatched = report.mismatches(runs)
        if failed:
            log(f"contenders that failed: {', '.join(sorted(set(failed)))}")
        if mismatched:
            log(f"{len(mismatched)} answer(s) differed from the reference; see the Markdown")
        return 0
    finally:
        if args.keep_temp:
            log(f"kept the generated graphs and server logs in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
