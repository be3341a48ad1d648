"""``python -m bench.names``: latency of /search and /reconcile (batches of 50) at 1x and 10x.

The graphs are the benchmark's own (``bench/synth.py``: 10x clones every mechanism, State,
organization and meeting with its names, `` (copy k)`` added). The service's Flask application is
called in-process through its WSGI test client, so the figures are the application's time (name
index, matching, JSON), without network or gunicorn. The name index is built before timing (once
per process, as the service does on the first request); its build time is reported apart.

Queries are names as researchers type them: the registry's own names and French/Spanish names,
and the same with a seeded typo (a letter dropped, two swapped), lower-cased or without accents.
Targets (issue 16): search p95 < 20 ms; a reconciliation batch of 50 < 200 ms, at 1x.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
import unicodedata
from datetime import date
from pathlib import Path

from .run import build_real, p95
from .synth import make_root, synthesize

RESULTS = Path(__file__).parent / "results"
SEED = 20261124
TARGETS = {"search_p95_ms": 20.0, "reconcile50_p95_ms": 200.0}


def variants(names: list[str], count: int, seed: int = SEED) -> list[str]:
    """``count`` names as a spreadsheet might hold them, drawn with a seeded RNG."""
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        name = rng.choice(names)
        how = rng.randrange(4)
        if how == 1 and len(name) > 4:
            i = rng.randrange(1, len(name) - 1)
            name = name[:i] + name[i + 1:]
        elif how == 2 and len(name) > 4:
            i = rng.randrange(1, len(name) - 2)
            name = name[:i] + name[i + 1] + name[i] + name[i + 2:]
        elif how == 3:
            name = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).lower()
        out.append(name[:400])
    return out


def real_names(engine) -> list[str]:
    rows = engine.select("""SELECT DISTINCT ?l WHERE { ?s skos:prefLabel|skos:altLabel ?l .
        { ?s a iscm:InterStateConsultationMechanism } UNION { ?s a iscm:State } UNION { ?s a org:FormalOrganization } }""")
    return sorted(r["l"].value for r in rows if "(copy " not in r["l"].value)


def measure(root: Path, searches: int, batches: int) -> dict:
    from iscm_kg.engine import Engine
    from iscm_kg.web import create_app
    from iscm_kg.web.search import name_index

    engine = Engine.from_project(root)
    app = create_app(engine, {"TESTING": True, "ISOLATE_QUERIES": False})
    client = app.test_client()
    with app.app_context():
        started = time.perf_counter()
        index = name_index()
        build = time.perf_counter() - started
    names = real_names(engine)
    pool = variants(names, searches + batches * 50)
    search_ms = []
    for q in pool[:searches]:
        started = time.perf_counter()
        resp = client.get("/search", query_string={"q": q, "format": "json"})
        search_ms.append((time.perf_counter() - started) * 1000)
        assert resp.status_code == 200, (q, resp.status_code)
    reconcile_ms = []
    rest = pool[searches:]
    for b in range(batches):
        batch = {f"q{i}": {"query": q, "limit": 5} for i, q in enumerate(rest[b * 50:(b + 1) * 50])}
        started = time.perf_counter()
        resp = client.post("/reconcile", data={"queries": json.dumps(batch)})
        reconcile_ms.append((time.perf_counter() - started) * 1000)
        assert resp.status_code == 200
    return {
        "quads": len(engine), "things": len(index.entries), "names": len(index.choices(None).names),
        "index_build_s": round(build, 3), "searches": searches, "batches_of_50": batches,
        "search_p50_ms": round(statistics.median(search_ms), 2), "search_p95_ms": round(p95(search_ms), 2),
        "reconcile50_p50_ms": round(statistics.median(reconcile_ms), 1),
        "reconcile50_p95_ms": round(p95(reconcile_ms), 1),
    }


def markdown(results: dict) -> str:
    lines = ["# /search and /reconcile latency", "",
             f"Run {results['date']} with `python -m bench.names` (in-process WSGI; see bench/README.md).", "",
             "| scale | quads | things | names | index build (s) | search p50 (ms) | search p95 (ms) "
             "| reconcile ×50 p50 (ms) | reconcile ×50 p95 (ms) |", "| --- " * 9 + "|"]
    for scale, r in results["scales"].items():
        lines.append(f"| {scale}x | {r['quads']} | {r['things']} | {r['names']} | {r['index_build_s']} "
                     f"| {r['search_p50_ms']} | {r['search_p95_ms']} | {r['reconcile50_p50_ms']} | {r['reconcile50_p95_ms']} |")
    one = results["scales"].get("1")
    if one:
        lines += ["", "Targets at 1x:", ""]
        for key, limit in TARGETS.items():
            verdict = "PASS" if one[key] < limit else "MISS"
            lines.append(f"* {key.replace('_', ' ')} < {limit:g} ms: **{verdict}** ({one[key]} ms)")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.names", description=__doc__)
    p.add_argument("--scales", default="1,10", help="comma-separated scales (default 1,10)")
    p.add_argument("--searches", type=int, default=300)
    p.add_argument("--batches", type=int, default=30)
    p.add_argument("--out", type=Path, default=RESULTS)
    args = p.parse_args(argv)
    from iscm_kg.loading import project_root

    project = project_root()
    real = build_real(project)
    results = {"date": date.today().isoformat(), "scales": {}}
    with tempfile.TemporaryDirectory(prefix="iscm-bench-names-") as tmp:
        for scale in (int(s) for s in args.scales.split(",")):
            root = Path(tmp) / f"{scale}x"
            make_root(synthesize(real, scale), root, project)
            results["scales"][str(scale)] = measure(root, args.searches, args.batches)
            print(scale, results["scales"][str(scale)], flush=True)
    args.out.mkdir(parents=True, exist_ok=True)
    stem = args.out / f"{results['date']}-names"
    stem.with_suffix(".json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    stem.with_suffix(".md").write_text(markdown(results), encoding="utf-8")
    print(markdown(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
