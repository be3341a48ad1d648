"""`make data` rebuilds the generated files of data/ byte for byte from the extraction tools.

The build checks the seed documents it is given, so the reproduction test needs them; CI has no
seeds and skips it (the reason says so). The ownership checks need no seeds.
"""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest
from rdflib import Graph, RDF

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import build_data  # noqa: E402

SEEDS = Path(os.environ.get("ISCM_SEEDS", "")) if os.environ.get("ISCM_SEEDS") else None  # the source texts
IGNORE = shutil.ignore_patterns(".venv", ".git", "__pycache__", ".pytest_cache", ".hypothesis",
                                ".iscm-tmp", "dist", "*.egg-info")


def test_every_file_of_data_is_generated_or_curated():
    files = {str(p.relative_to(ROOT)) for p in (ROOT / "data").rglob("*.ttl")}
    generated = {p for p in build_data.generated_files() if p.startswith("data/")}
    curated = set(build_data.CURATED)
    assert not generated & curated
    assert files == generated | curated, sorted(files ^ (generated | curated))


def test_every_registry_entry_has_exactly_one_owner_file():
    owners = defaultdict(list)
    for path in sorted((ROOT / "data" / "registry").glob("*.ttl")):
        for subject in set(Graph().parse(path).subjects(RDF.type, None)):
            owners[subject].append(path.name)
    shared = {str(s): names for s, names in owners.items() if len(names) > 1}
    assert not shared
    assert len(owners) > 300


def test_make_data_without_seeds_says_why(tmp_path):
    proc = subprocess.run([sys.executable, str(ROOT / "tools" / "build_data.py"),
                           "--seeds", str(tmp_path / "absent")], capture_output=True, text=True)
    assert proc.returncode != 0
    assert "no seeds directory" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.skipif(SEEDS is None or not SEEDS.is_dir(),
                    reason="the seed documents are not here (CI has none): set ISCM_SEEDS=<dir> to run the check")
def test_make_data_reproduces_committed_files_from_a_clean_tree(tmp_path):
    copy = tmp_path / "project"
    shutil.copytree(ROOT, copy, ignore=IGNORE)
    for rel in build_data.generated_files():
        (copy / rel).unlink()
    venv = Path(sys.executable).parent.parent
    stamp = venv / ".installed"
    proc = subprocess.run(["make", "-C", str(copy), "-o", str(stamp), "data", f"VENV={venv}",
                           f"SEEDS={SEEDS}"], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    differ = [rel for rel in build_data.generated_files()
              if not (copy / rel).is_file() or not filecmp.cmp(ROOT / rel, copy / rel, shallow=False)]
    assert differ == []
    cmp = filecmp.dircmp(ROOT / "data", copy / "data")
    assert not cmp.left_only and not cmp.right_only
