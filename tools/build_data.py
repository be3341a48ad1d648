"""Rebuild every generated file of ``data/`` (and the taxonomies and alias tables the tools write)
from the extraction scripts, in dependency order. Run by ``make data SEEDS=<dir>``.

Why phases: the extraction tools resolve names through the whole registry, and each of them also
owns a registry file (organizations the others reuse). Resolving needs every registry file, so a
single pass in any order fails on a clean tree. Each tool therefore has a ``--registry-only``
mode that writes just its own registry file from its hard-coded facts; the build runs

1. every tool with ``--registry-only`` (no tool reads another's registry file in this phase);
2. every extraction, now that the registry is complete (the order follows what each reads:
   meetings of the 2013 review before the overview's meetings that reuse their IRIs);
3. ``build_registry.py``: ``states.ttl`` from the States the source graphs name, ``aliases.ttl``
   from the alias tables the extractions wrote;
4. ``extract_discussion_themes.py``, which checks its mapping against the finished graphs, and
   ``cite_curated.py``, the fact-level citations of the files curated by hand.

The seed documents are the facts' origin, but the tools carry the facts as read (so the project
builds and tests without the seeds). The build checks that the seeds it is given are the very
documents those facts were read from (SHA-256 below) and regenerates the prose fingerprints
(tests/data/seed-fingerprints.bin) from them.

``OUTPUTS`` lists every file each tool writes: it is the one place that says which files are
generated (the rest of ``data/`` is curated by hand, see ``CURATED``); the reproducibility test
removes exactly these from a copy of the project and checks that this build gives them back.
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / "tools"

# Seed file -> SHA-256 of the text the facts were read from (seeds README: one file per source).
SEEDS = {
    "000_737363bf380c41ca.txt": "overview-2017",
    "001_0ec7d7077cf6277d.txt": "review-2013",
    "002_2c551e483378cb2a.txt": "grcp7-note-2017",
    "003_fcfd578721f3d081.txt": "scpf-2009",
    "004_7939c0f69ec3242d.txt": "assessment-2019",
}
SEED_SHA256 = {
    "000_737363bf380c41ca.txt":
        "39ff679ad1ef9e3f237ef41683e2e1cf283a7c628c34f4363f013f1157fdc483",
    "001_0ec7d7077cf6277d.txt":
        "d76136f27ef7fbe2617360430d151ed8f126ae99602f2c750220eafb86e3b86b",
    "002_2c551e483378cb2a.txt":
        "8e556baeb97300bbbb71c3e64318874b606a11f70d7e624735d9ed54cf8f57a1",
    "003_fcfd578721f3d081.txt":
        "eeb9f41535535d99af42783cf095f14bd053c5297bb46d8e5d87a05be92d920c",
    "004_7939c0f69ec3242d.txt":
        "d4d8a3bc792d538df40c1462c0541cfd20a0a67e781dd8caa82c08400436113d",
}

# Tool -> files it writes (paths relative to the project root). Order within a phase is the
# dependency order.
OUTPUTS: dict[str, list[str]] = {
    "extract_themes.py": [
        "ontology/taxonomies/gcm.ttl", "ontology/taxonomies/thematic-foci.ttl",
        "ontology/taxonomies/roles.ttl", "ontology/taxonomies/iom-roles.ttl",
        "ontology/taxonomies/mechanism-types.ttl",
        "data/assessment-2019/thematic-foci.ttl", "data/grcp7-note-2017/gcm-engagement.ttl",
        "tests/data/thematic_matrix_2019.csv", "tools/aliases/themes.tsv"],
    "extract_meetings.py": [
        "ontology/taxonomies/meeting-types.ttl", "data/review-2013/meetings.ttl",
        "data/grcp7-note-2017/meetings.ttl", "data/grcp7-note-2017/source.ttl",
        "data/assessment-2019/grcp8.ttl", "data/registry/organizations-meetings.ttl",
        "tools/aliases/meetings.tsv"],
    "extract_review2013.py": [
        *(f"data/review-2013/{n}.ttl" for n in
          ("source", "mechanisms", "memberships", "history", "member-count-notes")),
        "data/registry/organizations-review2013.ttl", "ontology/taxonomies/regions/review2013.ttl",
        "tools/aliases/review2013.tsv"],
    "extract_overview2017_rcps.py": [
        "data/overview-2017/source.ttl", "data/overview-2017/rcps.ttl",
        "data/overview-2017/member-count-notes.ttl",
        "ontology/taxonomies/regions/overview2017_rcps.ttl",
        "data/registry/organizations-overview2017_rcps.ttl", "tools/aliases/overview2017_rcps.tsv"],
    "extract_overview2017_irfs.py": [
        "data/overview-2017/irfs.ttl", "data/overview-2017/global-processes.ttl",
        "ontology/taxonomies/regions/overview2017_irfs.ttl",
        "data/registry/organizations-overview2017_irfs.ttl", "tools/aliases/overview2017_irfs.tsv"],
    "extract_overview2017_meetings.py": ["data/overview-2017/meetings.ttl"],
    "extract_scpf2009.py": [
        *(f"data/scpf-2009/{n}.ttl" for n in
          ("source", "rcps", "memberships", "iom-support", "member-count-notes")),
        "data/registry/organizations-scpf2009.ttl", "ontology/taxonomies/regions/scpf2009.ttl",
        "tools/aliases/scpf2009.tsv"],
    "extract_assessment2019.py": [
        *(f"data/assessment-2019/{n}.ttl" for n in
          ("source", "factsheet", "participation", "member-count-notes", "history")),
        "data/registry/organizations-assessment2019.ttl",
        "data/registry/mechanisms-assessment2019.ttl",
        "ontology/taxonomies/regions/assessment2019.ttl", "tools/aliases/assessment2019.tsv"],
    "build_registry.py": ["data/registry/states.ttl", "data/registry/aliases.ttl"],
    "extract_discussion_themes.py": [
        "data/overview-2017/thematic-foci.ttl", "data/review-2013/thematic-foci.ttl",
        "data/scpf-2009/thematic-foci.ttl"],
    "build_m49.py": ["data/reference/m49.ttl", "data/reference/names-pycountry.ttl"],
    "cite_curated.py": [
        "data/overview-2017/citations-curated.ttl", "data/review-2013/citations-curated.ttl",
        "data/assessment-2019/citations-curated.ttl"],
}
FINGERPRINTS = "tests/data/seed-fingerprints.bin"

# Tools that own a registry file, in phase 1.
REGISTRY_OWNERS = ["extract_meetings.py", "extract_review2013.py", "extract_overview2017_rcps.py",
                   "extract_overview2017_irfs.py", "extract_scpf2009.py", "extract_assessment2019.py"]
EXTRACTIONS = ["extract_themes.py", "extract_meetings.py", "extract_review2013.py",
               "extract_overview2017_rcps.py", "extract_overview2017_irfs.py",
               "extract_overview2017_meetings.py", "extract_scpf2009.py", "extract_assessment2019.py"]
FINISHING = ["build_registry.py", "build_m49.py", "extract_discussion_themes.py", "cite_curated.py"]

# Files of data/ written by hand (the project's own descriptions and curated facts); every other
# file of data/ must be in OUTPUTS.
CURATED = [
    "data/registry/mechanisms.ttl", "data/registry/organizations.ttl",
    "data/assessment-2019/descriptions.ttl", "data/assessment-2019/grcp-history.ttl",
    "data/assessment-2019/section-facts.ttl", "data/overview-2017/descriptions.ttl",
    "data/overview-2017/history.ttl", "data/review-2013/descriptions.ttl",
]


def generated_files() -> list[str]:
    """Every file the build writes, relative to the project root."""
    return sorted({p for paths in OUTPUTS.values() for p in paths} | {FINGERPRINTS})


def check_seeds(seeds: Path) -> None:
    """Stop with a readable message unless SEEDS holds the documents the facts were read from."""
    if not seeds.is_dir():
        sys.exit(f"make data: no seeds directory at {seeds} (set SEEDS=<dir with the source texts>)")
    for name, want in SEED_SHA256.items():
        path = seeds / name
        if not path.is_file():
            sys.exit(f"make data: {path} is missing (source {SEEDS[name]})")
        got = hashlib.sha256(path.read_bytes()).hexdigest()
        if got != want:
            sys.exit(f"make data: {path} is not the text the facts were read from "
                     f"(sha256 {got}, expected {want})")


def run(tool: str, *args: str) -> None:
    """Run one tool with this interpreter; its report goes to stdout only when it fails."""
    proc = subprocess.run([sys.executable, str(TOOLS / tool), *args], cwd=ROOT,
                          capture_output=True, text=True)
    if proc.returncode != 0:
        sys.stdout.write(proc.stdout)
        sys.stderr.write(proc.stderr)
        sys.exit(f"make data: {tool} {' '.join(args)} failed (exit {proc.returncode})")
    print(f"  {tool} {' '.join(args)}".rstrip())


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=Path, required=True,
                        help="directory with the source documents (make data SEEDS=<dir>)")
    args = parser.parse_args(argv)
    seeds = args.seeds if args.seeds.is_absolute() else (Path.cwd() / args.seeds)
    check_seeds(seeds)
    print("phase 1: registry files")
    for tool in REGISTRY_OWNERS:
        run(tool, "--registry-only")
    print("phase 2: source graphs")
    for tool in EXTRACTIONS:
        run(tool)
    print("phase 3: States, aliases, M49 regions and names, discussion themes, citations of curated files")
    for tool in FINISHING:
        run(tool)
    run("make_seed_fingerprints.py", str(seeds))


if __name__ == "__main__":
    main()
