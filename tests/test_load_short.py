"""A short run of the load test (bench/load.py): 16 clients for 10 s against `iscm-kg serve`.

The full run (32 clients, 3 minutes, figures in bench/results/load-*.md) is ``python -m bench.load``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_short_load_has_no_errors_and_bounded_memory(embedded_server, tmp_path):
    out = tmp_path / "load.json"
    result = subprocess.run(
        [sys.executable, "-m", "bench.load", "--url", embedded_server, "--clients", "16", "--duration", "10",
         "--max-growth-mb", "200", "--json", str(out)],  # 200 MB: warm-up and 2 result caches of 64 MB
        cwd=ROOT, capture_output=True, text=True, timeout=120)
    summary = json.loads(out.read_text())
    assert summary["requests"] > 100, result.stdout + result.stderr
    assert summary["server_5xx"] == 0, summary["statuses"]
    assert summary["transport_failures"] == 0
    assert summary["unexpected_status"] == 0, summary["per_kind"]
    assert set(summary["statuses"]) <= {"200", "400", "404"}
    assert summary["latency_ms"]["p50"] > 0  # latencies were measured (their order is a property of percentiles)
    memory = summary["memory"]
    assert memory["rss_peak_mb"] > 50 and memory["processes_max"] >= 3  # master and both workers
    assert memory["pss_growth_mb"] <= 200
    assert result.returncode == 0, result.stdout + result.stderr
