"""The benchmark harness (bench/) still runs end to end: 1x, two contenders, three queries.

It runs pyoxigraph in-process and `iscm-kg serve` over HTTP on loopback, checks every answer
against the reference, and writes its results; no assertion is made on any time.
"""

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
QUERIES = ["founding-years", "iom-roles", "describe-large-mechanism"]


def test_bench_smoke(tmp_path):
    out = tmp_path / "results"
    done = subprocess.run(
        [sys.executable, "-m", "bench", "--scale", "1", "--smoke", "--contenders", "pyoxigraph,service",
         "--queries", ",".join(QUERIES), "--workers", "2", "--no-shacl", "--no-plot", "--wait-idle", "0",
         "--out", str(out)],
        cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    [result_file] = out.glob("*-1x.json")
    result = json.loads(result_file.read_text())
    assert result["scale"] == 1 and result["quads"] > 10000
    for name in ("pyoxigraph", "service"):
        assert result["contenders"][name]["status"] == "ok", result["contenders"][name]
        assert result["contenders"][name]["cold_start"] > 0
    assert set(result["latency"]) == set(QUERIES)
    for query, entries in result["latency"].items():
        for name in ("pyoxigraph", "service"):
            assert entries[name]["status"] == "ok", (query, name, entries[name])  # same answer as the reference
            assert entries[name]["n"] >= 1
    assert set(result["throughput"]["service"]) == {"repeat", "unique"}
    assert all(level["errors"] == 0 for kind in result["throughput"]["service"].values() for level in kind.values())
    assert (out / result_file.name.replace(".json", ".md")).read_text().startswith("# ISCM-KG benchmark")
    # the targets were evaluated on these results and printed, one line each, with a verdict
    from bench import report
    verdicts = report.targets([result])
    assert {t["target"].split(" (")[0] for t in verdicts} >= {"HTTP median ≤ 1.5× pyoxigraph + 2 ms",
                                                             "cold start < 2 s"}
    # a target gets a verdict; only lines shown for comparison (no target of their own) are "info"
    assert all(t["verdict"] in ("PASS", "MISS", "n/a") for t in verdicts if not t["target"].startswith("for comparison"))
    assert all(t["verdict"] == "info" for t in verdicts if t["target"].startswith("for comparison"))
    for line in report.target_lines(verdicts):
        assert line.split(": ")[0] in done.stdout
