"""A description of the machine and of the software measured."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from importlib import metadata
from pathlib import Path

PACKAGES = ("iscm-kg", "pyoxigraph", "oxigraph", "rdflib", "rdflib-endpoint", "uvicorn", "fastapi", "gunicorn",
            "flask", "pyshacl", "psutil", "matplotlib")


def _cpuinfo(field: str) -> str | None:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith(field):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return None


def _memory() -> str | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return None


def describe() -> dict:
    versions = {}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    server = Path(sys.executable).parent / "oxigraph"
    if server.is_file():
        try:
            versions["oxigraph server binary"] = subprocess.run([str(server), "--version"], capture_output=True,
                                                                text=True, timeout=10).stdout.strip() or None
        except (OSError, subprocess.TimeoutExpired):
            pass
    try:
        affinity = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        affinity = None
    return {
        "cpu_count": os.cpu_count(),
        "cpus_usable": affinity,
        "cpu_model": _cpuinfo("model name"),
        "memory": _memory(),
        "os": platform.platform(),
        "python": platform.python_version() + f" ({platform.python_implementation()})",
        "versions": versions,
    }
