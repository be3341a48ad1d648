"""What the release artifacts add to ``iscm-kg build``: ``python -m bench.release`` (issue 17).

Times, in a fresh process each and in a private copy of the project (the project's own dist/ is
not touched), ``iscm-kg build --dataset-only`` (dist/iscm.nq, what build wrote before issue 17)
and ``iscm-kg build`` (the same plus tables, metadata, dumps, DCAT and the archive), alternately,
``--repeat`` times each; reports medians and the difference against the target (under 5 s at 1x).

    python -m bench.release --output bench/results/release-$(date +%F).md
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 5.0


def copy_project(target: Path) -> Path:
    for name in ("ontology", "shapes", "data", "queries"):
        shutil.copytree(ROOT / name, target / name)
    for name in ("CITATION.cff", "CHANGELOG.md"):
        shutil.copyfile(ROOT / name, target / name)
    return target


def timed(args: list[str], root: Path) -> float:
    cli = Path(sys.executable).parent / "iscm-kg"
    env = {**os.environ, "ISCM_KG_ROOT": str(root)}
    started = time.perf_counter()
    subprocess.run([str(cli), "build", *args], env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def measure(repeat: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="iscm-bench-release-") as tmp:
        root = copy_project(Path(tmp))
        timed([], root)  # warm-up: page cache, .pyc files
        dataset, full = [], []
        for _ in range(repeat):
            dataset.append(timed(["--dataset-only"], root))
            full.append(timed([], root))
        files = json.loads((root / "dist" / "manifest.json").read_text())
    added = statistics.median(full) - statistics.median(dataset)
    return {"date": time.strftime("%Y-%m-%d"), "repeat": repeat, "dataset_only_s": dataset, "full_s": full,
            "median_dataset_only_s": statistics.median(dataset), "median_full_s": statistics.median(full),
            "added_s": added, "target_s": TARGET_SECONDS, "verdict": "PASS" if added < TARGET_SECONDS else "MISS",
            "files": len(files["files"]), "tables": files["tables"],
            "bytes": sum(f["bytes"] for f in files["files"]), "machine": f"{os.cpu_count()} CPUs, Python "
            f"{platform.python_version()}, {platform.platform()}", "load_average": os.getloadavg()}


def markdown(r: dict) -> str:
    rows = "\n".join(f"| {name} | {n} |" for name, n in r["tables"].items())
    return f"""# Release build, {r['date']}

`python -m bench.release --repeat {r['repeat']}`; {r['machine']}; load average at the end
{', '.join(f'{x:.2f}' for x in r['load_average'])}.

Each figure is a whole `iscm-kg build` in a new process (interpreter start, imports, loading the
sources included) in a private copy of the project at 1x, the two variants alternating.

| figure | value |
| --- | --- |
| `iscm-kg build --dataset-only` (dist/iscm.nq only), median | {r['median_dataset_only_s']:.2f} s ({', '.join(f'{x:.2f}' for x in r['dataset_only_s'])}) |
| `iscm-kg build` (with every release artifact), median | {r['median_full_s']:.2f} s ({', '.join(f'{x:.2f}' for x in r['full_s'])}) |
| added by the release artifacts | **{r['added_s']:.2f} s** (target: under {r['target_s']:.0f} s) |
| files in the release | {r['files']} ({r['bytes'] / 1e6:.1f} MB with the archive) |
| verdict | {r['verdict']} |

## Rows per table

| table | rows |
| --- | ---: |
{rows}
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--output", type=Path, help="Write the Markdown here (and the figures as .json beside it).")
    args = parser.parse_args(argv)
    result = measure(args.repeat)
    text = markdown(result)
    print(text)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
        args.output.with_suffix(".json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0 if result["verdict"] == "PASS" else 1


if __name__ == "__main__":
    sys.exit(main())
