"""The project carries the sources' facts, never their sentences.

Compares 12-word shingles of every text file in the project against hashed fingerprints of
the source documents (tests/data/seed-fingerprints.bin). Names of things (labels, titles) are
facts and may be long, so they are removed before comparing.
"""

from array import array
from pathlib import Path

import pytest
from rdflib.namespace import DCTERMS, SKOS

from iscm_kg.loading import project_root
from iscm_kg.prose import shingle_hashes

ROOT = project_root()
TEXT_SUFFIXES = {".ttl", ".trig", ".py", ".md", ".rq", ".html", ".txt", ".csv", ".tsv", ".json", ".toml"}
SKIP_DIRS = {".venv", ".git", "dist", "node_modules", "__pycache__", ".pytest_cache"}


@pytest.fixture(scope="module")
def fingerprints() -> set[int]:
    arr = array("Q")
    arr.frombytes((ROOT / "tests" / "data" / "seed-fingerprints.bin").read_bytes())
    return set(arr)


@pytest.fixture(scope="module")
def names(engine) -> tuple[list[str], set[int]]:
    """Names of things (long ones included) and the hashes of their own shingles."""
    ds = engine.dataset
    found = set()
    for p in (SKOS.prefLabel, SKOS.altLabel, DCTERMS.title):
        for _, _, o in ds.triples((None, p, None)):
            found.add(str(o))
    allowed: set[int] = set()
    for name in found:
        allowed |= shingle_hashes(name, sample=1)
    return sorted(found, key=len, reverse=True), allowed


def project_files():
    for path in sorted(ROOT.rglob("*")):
        if path.is_file() and path.suffix in TEXT_SUFFIXES and not (set(path.relative_to(ROOT).parts) & SKIP_DIRS):
            yield path


def test_fingerprints_detect_copying(fingerprints):
    """The check itself works: a long passage known to be in the sources is detected."""
    sample = ("Each ISCM was requested to complete one questionnaire, with the replies coordinated "
              "between its chair and head of secretariat. One consolidated questionnaire was completed for each State")
    assert shingle_hashes(sample) & fingerprints


def test_no_file_copies_source_sentences(fingerprints, names):
    labels, allowed = names
    offenders = []
    for path in project_files():
        text = path.read_text(encoding="utf-8", errors="ignore")
        for name in labels:
            if len(name) > 40 and name in text:
                text = text.replace(name, " ")
        hits = (shingle_hashes(text) & fingerprints) - allowed
        if hits:
            offenders.append(f"{path.relative_to(ROOT)}: {len(hits)} shingle(s)")
    assert offenders == []
