"""SHACL validation times, measured in a process of its own: ``python -m bench.shacl ROOT [FILE]``.

Prints one JSON object:

- ``whole``: seconds to validate every file of the project root ROOT against the shapes with
  ``iscm_kg.validation.validate_files()`` (what ``iscm-kg validate`` with no file does);
- given FILE, a contribution checked the way contributors check it (syntax, SHACL, references,
  duplicates and provenance, together with the bundled graph of ROOT):
  ``contribution`` is ``iscm_kg.contributions.check`` with the bundled graph already in memory
  (what ``POST /validate`` costs on a running service), ``bundled_load`` the one-off loading of
  that graph, and ``command`` the wall time of the whole ``iscm-kg validate FILE`` command in a
  new process (interpreter start, imports, loading, checking, report), which runs at 1x only:
  the command always checks against the project's own graph.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path


def _timed_command(path: Path, root: Path) -> dict:
    exe = shutil.which("iscm-kg") or str(Path(sys.executable).with_name("iscm-kg"))
    started = time.perf_counter()
    done = subprocess.run([exe, "validate", "--format", "json", str(path)], capture_output=True, text=True,
                          cwd=root, env={**os.environ, "ISCM_KG_ROOT": str(root)})
    seconds = time.perf_counter() - started
    try:
        findings = sum(len(r["results"]) for r in json.loads(done.stdout)["contributions"])
    except (ValueError, KeyError):
        findings = None
    return {"seconds": seconds, "findings": findings, "exit_code": done.returncode}


def main(argv: list[str]) -> None:
    from iscm_kg.contributions import BundledGraph, check, format_for
    from iscm_kg.validation import validate_files

    root = Path(argv[0])
    out: dict = {}
    started = time.perf_counter()
    outcome = validate_files(root=root)
    out["whole"] = {"seconds": time.perf_counter() - started, "findings": len(outcome.findings),
                    "exit_code": outcome.exit_code}
    if len(argv) > 1:
        path = Path(argv[1])
        started = time.perf_counter()
        bundled = BundledGraph.from_project(root)
        out["bundled_load"] = {"seconds": time.perf_counter() - started}
        data = path.read_bytes()
        check(data, format_for(path.name), path.name, bundled, root=root)  # warm-up: shapes parsed once per process
        runs = []
        for _ in range(3):
            started = time.perf_counter()
            report = check(data, format_for(path.name), path.name, bundled, root=root)
            runs.append(time.perf_counter() - started)
        out["contribution"] = {"seconds": sorted(runs)[1], "runs": runs, "findings": len(report.findings),
                               "exit_code": report.exit_code}
        if len(argv) > 2 and argv[2] == "--command":
            out["command"] = _timed_command(path, root)
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1:])
